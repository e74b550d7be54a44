//! Brings every tool the build and the tests need to its pinned version.
//!
//! Each requirement is probed first and installed only when missing or at the wrong version, so a
//! second run prints one "found" line per requirement and does nothing else. Tools land in cargo's
//! bin dir (`cargo install`) or in the gitignored `.tools/` (npm); [`crate::project::tool_path`]
//! puts both in front of `PATH` for every command the xtask runs.
//!
//! Architecture Invariant: the `wasm-bindgen` CLI, the `[tools] wasm_bindgen` pin in Trunk.toml
//! and the `wasm-bindgen` crate in Cargo.lock have the same version. Cargo.lock is the source of
//! truth: every `trunk` the xtask runs gets the pins from the environment
//! ([`trunk_command`]), and a test fails when Trunk.toml's own pins drift from it (no tracked
//! file is ever rewritten).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::project::{self, cargo, command, format_duration, probe, run};
use crate::Result;

const WASM_TARGET: &str = "wasm32-unknown-unknown";
const TRUNK_VERSION: &str = "0.21.14";
/// The npm `binaryen` major version; Debian's binaryen 108 produces a broken wasm.
const BINARYEN_VERSION: &str = "132";
const APT_BROWSER_PACKAGES: [&str; 2] = ["chromium", "chromium-driver"];
/// Firefox ESR, WebKitGTK's WebDriver (it brings MiniBrowser) and the virtual display WebKitGTK
/// needs, for the end-to-end tests in the other two engines.
const APT_OTHER_ENGINE_PACKAGES: [&str; 3] = ["firefox-esr", "webkit2gtk-driver", "xvfb"];
/// geckodriver from crates.io (Mozilla publishes it there); builds with stable Rust.
const GECKODRIVER_VERSION: &str = "0.37.1";
/// The npm `axe-core` the accessibility tests inject into the page.
const AXE_CORE_VERSION: &str = "4.14.1";

/// The installed tools the test steps need to name.
pub struct Tools {
    /// The chromedriver executable.
    pub chromedriver: PathBuf,
    /// The geckodriver executable (Firefox).
    pub geckodriver: PathBuf,
    /// WebKitGTK's WebDriver server.
    pub webkit_webdriver: PathBuf,
    /// WebKitGTK's MiniBrowser, the browser WebKitWebDriver drives.
    pub minibrowser: PathBuf,
    /// `axe.min.js` of the npm package axe-core.
    pub axe_core_js: PathBuf,
}

/// Installs what `trunk serve` needs.
pub fn for_serve() -> Result<()> {
    println!("== install (missing tools only)");
    wasm_target()?;
    web_tools()
}

/// Installs what `cargo xtask test` needs: the serve tools, the lint components, the three
/// browser engines with their WebDriver servers (Chromium, Firefox ESR, WebKitGTK under Xvfb)
/// and axe-core.
pub fn for_test() -> Result<Tools> {
    println!("== install (missing tools only)");
    wasm_target()?;
    lint_components()?;
    web_tools()?;
    let chromedriver = chromium()?;
    other_engines()?;
    let geckodriver = geckodriver()?;
    let (webkit_webdriver, minibrowser) = webkit()?;
    let axe_core_js = axe_core()?;
    Ok(Tools {
        chromedriver,
        geckodriver,
        webkit_webdriver,
        minibrowser,
        axe_core_js,
    })
}

/// Trunk, wasm-bindgen-cli (pinned by Cargo.lock) and wasm-opt.
fn web_tools() -> Result<()> {
    trunk()?;
    let wasm_bindgen_version = wasm_bindgen_version_in_lockfile(&project::root_dir())?;
    wasm_bindgen_cli(&wasm_bindgen_version)?;
    wasm_opt()?;
    terser()
}

/// Probes with `found`; when it returns `None`, runs `install` and probes again.
///
/// `found` returns a short description of what is there (usually its version).
fn ensure(
    name: &str,
    found: impl Fn() -> Option<String>,
    install: impl FnOnce() -> Result<()>,
) -> Result<()> {
    if let Some(description) = found() {
        println!("[install] {name}: found {description}");
        return Ok(());
    }
    println!("[install] {name}: missing, installing…");
    let started = Instant::now();
    install().map_err(|err| format!("installing {name} failed: {err}"))?;
    match found() {
        Some(description) => {
            println!(
                "[install] {name}: installed {description} in {}",
                format_duration(started.elapsed())
            );
            Ok(())
        }
        None => Err(format!(
            "installing {name} seemed to succeed, but it is still not found on PATH \
             (searched {})",
            project::tool_path().to_string_lossy()
        )),
    }
}

fn wasm_target() -> Result<()> {
    ensure(
        &format!("rust target {WASM_TARGET}"),
        || {
            let installed = probe(command("rustup").args(["target", "list", "--installed"]))?;
            installed
                .lines()
                .any(|line| line.trim() == WASM_TARGET)
                .then(|| "in rustup".to_string())
        },
        || run(command("rustup").args(["target", "add", WASM_TARGET])),
    )
}

fn lint_components() -> Result<()> {
    ensure(
        "rustup components rustfmt, clippy",
        || {
            let installed = probe(command("rustup").args(["component", "list", "--installed"]))?;
            let has = |name: &str| installed.lines().any(|line| line.starts_with(name));
            (has("rustfmt") && has("clippy")).then(|| "in rustup".to_string())
        },
        || run(command("rustup").args(["component", "add", "rustfmt", "clippy"])),
    )
}

fn trunk() -> Result<()> {
    ensure(
        &format!("trunk {TRUNK_VERSION}"),
        || {
            let version = probe(command("trunk").arg("--version"))?;
            // `trunk 0.21.14`
            (version.split_whitespace().nth(1) == Some(TRUNK_VERSION)).then_some(version)
        },
        || run(cargo().args(["install", "--locked", "trunk", "--version", TRUNK_VERSION])),
    )
}

fn wasm_bindgen_cli(version: &str) -> Result<()> {
    ensure(
        &format!("wasm-bindgen-cli {version} (= Cargo.lock)"),
        || {
            // `wasm-bindgen 0.2.100`, sometimes followed by a commit hash.
            let cli = probe(command("wasm-bindgen").arg("--version"))?;
            let runner = probe(command("wasm-bindgen-test-runner").arg("--version"))?;
            let right_version = |output: &str| output.split_whitespace().nth(1) == Some(version);
            (right_version(&cli) && right_version(&runner)).then_some(cli)
        },
        // Not `--locked`: wasm-bindgen-cli's own lockfile pins crates that no longer build.
        || run(cargo().args(["install", "wasm-bindgen-cli", "--version", version])),
    )
}

fn wasm_opt() -> Result<()> {
    let wasm_opt = project::npm_bin_dir().join("wasm-opt");
    ensure(
        &format!("wasm-opt {BINARYEN_VERSION} (npm binaryen, in .tools/)"),
        || {
            // `wasm-opt version 132 (version_132)`
            let version = probe(Command::new(&wasm_opt).arg("--version"))?;
            (version.split_whitespace().nth(2) == Some(BINARYEN_VERSION)).then_some(version)
        },
        || npm_install_tool(&format!("binaryen@{BINARYEN_VERSION}")),
    )
}

/// terser, which minifies the release build's JavaScript (xtask/src/minify.rs).
fn terser() -> Result<()> {
    let version = crate::minify::TERSER_VERSION;
    ensure(
        &format!("terser {version} (npm, in .tools/)"),
        || {
            // `terser 5.51.4`
            let found = probe(Command::new(crate::minify::terser_path()).arg("--version"))?;
            (found.split_whitespace().nth(1) == Some(version)).then_some(found)
        },
        || npm_install_tool(&format!("terser@{version}")),
    )
}

/// `npm install` of one package (`name@version`) into `.tools/`.
fn npm_install_tool(spec: &str) -> Result<()> {
    std::fs::create_dir_all(project::tools_dir())
        .map_err(|err| format!("could not create .tools/: {err}"))?;
    let npm_missing = probe(command("npm").arg("--version")).is_none();
    if npm_missing {
        return Err("npm is not installed; install Node.js and npm first \
                    (Debian: `apt-get install -y nodejs npm`)"
            .to_string());
    }
    let tools_dir = project::tools_dir();
    run(command("npm")
        .arg("install")
        .arg("--prefix")
        .arg(&tools_dir)
        .args(["--no-audit", "--no-fund", "--save-exact"])
        .arg(spec))
}

/// Chromium and chromedriver from Debian; returns the chromedriver to use.
///
/// `CHROMEDRIVER` in the environment overrides the lookup (as for wasm-bindgen-test-runner).
fn chromium() -> Result<PathBuf> {
    if let Some(driver) = std::env::var_os("CHROMEDRIVER") {
        let driver = PathBuf::from(driver);
        println!(
            "[install] chromedriver: using CHROMEDRIVER={}",
            driver.display()
        );
        return Ok(driver);
    }
    ensure(
        "chromium + chromium-driver (apt)",
        || {
            let browser = probe(command("chromium").arg("--version"))?;
            let driver = probe(command("chromedriver").arg("--version"))?;
            Some(format!("{browser} / {}", first_words(&driver, 2)))
        },
        apt_install_browser,
    )?;
    let browser = probe(command("chromium").arg("--version")).unwrap_or_default();
    let driver = probe(command("chromedriver").arg("--version")).unwrap_or_default();
    let (browser_major, driver_major) = (major_version(&browser), major_version(&driver));
    if browser_major != driver_major {
        return Err(format!(
            "chromium ({browser}) and chromedriver ({driver}) have different major versions; \
             upgrade both: apt-get install -y {}",
            APT_BROWSER_PACKAGES.join(" ")
        ));
    }
    find_on_path("chromedriver").ok_or_else(|| "chromedriver vanished from PATH".to_string())
}

fn apt_install_browser() -> Result<()> {
    apt_install(
        &APT_BROWSER_PACKAGES,
        "Chromium and chromedriver are needed for the browser tests",
    )
}

/// `apt-get update` and `apt-get install -y packages`, as root; the install is tried twice.
fn apt_install(packages: &[&str], why: &str) -> Result<()> {
    let is_root = probe(Command::new("id").arg("-u")).as_deref() == Some("0");
    if !is_root {
        return Err(format!(
            "{why}; as root, run:\n\n    \
             sudo apt-get update && sudo apt-get install -y {}\n",
            packages.join(" ")
        ));
    }
    let apt_get = || {
        let mut command = command("apt-get");
        command
            .env("DEBIAN_FRONTEND", "noninteractive")
            // Wait for another apt or dpkg to finish instead of failing at once.
            .args(["-o", "DPkg::Lock::Timeout=300"]);
        command
    };
    run(apt_get().arg("update"))?;
    // The install sometimes fails with "cannot access archive"; a second attempt succeeds.
    let install = || run(apt_get().args(["install", "-y"]).args(packages));
    install().or_else(|err| {
        println!("[install] apt-get install failed ({err}); retrying once");
        install()
    })
}

/// Firefox ESR, WebKitWebDriver and Xvfb from Debian, in one apt run when any is missing.
fn other_engines() -> Result<()> {
    ensure(
        &format!("{} (apt)", APT_OTHER_ENGINE_PACKAGES.join(" + ")),
        || {
            let firefox = probe(command("firefox-esr").arg("--version"))?;
            find_on_path("WebKitWebDriver")?;
            find_minibrowser()?;
            find_on_path("xvfb-run")?;
            find_on_path("Xvfb")?;
            Some(format!("{firefox} / WebKitWebDriver / xvfb-run"))
        },
        || {
            apt_install(
                &APT_OTHER_ENGINE_PACKAGES,
                "Firefox ESR, WebKitGTK's WebDriver and Xvfb are needed for the end-to-end tests",
            )
        },
    )
}

/// geckodriver from crates.io; `GECKODRIVER` in the environment overrides it.
fn geckodriver() -> Result<PathBuf> {
    if let Some(driver) = std::env::var_os("GECKODRIVER") {
        let driver = PathBuf::from(driver);
        println!(
            "[install] geckodriver: using GECKODRIVER={}",
            driver.display()
        );
        return Ok(driver);
    }
    ensure(
        &format!("geckodriver {GECKODRIVER_VERSION} (cargo install)"),
        || {
            // `geckodriver 0.37.1 (hash date)`
            let version = probe(command("geckodriver").arg("--version"))?;
            (version.split_whitespace().nth(1) == Some(GECKODRIVER_VERSION))
                .then(|| first_words(&version, 2))
        },
        || {
            run(cargo().args([
                "install",
                "--locked",
                "geckodriver",
                "--version",
                GECKODRIVER_VERSION,
            ]))
        },
    )?;
    find_on_path("geckodriver").ok_or_else(|| "geckodriver vanished from PATH".to_string())
}

/// WebKitWebDriver and the MiniBrowser it drives (both from `other_engines`).
fn webkit() -> Result<(PathBuf, PathBuf)> {
    let driver = find_on_path("WebKitWebDriver")
        .ok_or_else(|| "WebKitWebDriver is not on PATH".to_string())?;
    let minibrowser = find_minibrowser().ok_or_else(|| {
        "MiniBrowser not found under /usr/lib/*/webkit2gtk-4.1/ (Debian's libwebkit2gtk-4.1-0)"
            .to_string()
    })?;
    Ok((driver, minibrowser))
}

/// MiniBrowser of WebKitGTK: `/usr/lib/<multiarch>/webkit2gtk-4.1/MiniBrowser` on Debian.
fn find_minibrowser() -> Option<PathBuf> {
    let lib_dirs = std::fs::read_dir("/usr/lib").ok()?;
    let mut candidates: Vec<PathBuf> = lib_dirs
        .filter_map(|entry| entry.ok())
        .flat_map(|entry| {
            ["webkit2gtk-4.1", "webkitgtk-6.0"]
                .map(|api| entry.path().join(api).join("MiniBrowser"))
        })
        .collect();
    candidates.push(PathBuf::from("/usr/libexec/webkit2gtk-4.1/MiniBrowser"));
    candidates.into_iter().find(|path| path.is_file())
}

/// axe-core from npm into `.tools/`; returns its `axe.min.js`.
fn axe_core() -> Result<PathBuf> {
    let package_dir = project::tools_dir().join("node_modules").join("axe-core");
    let axe_js = package_dir.join("axe.min.js");
    let package_json = package_dir.join("package.json");
    ensure(
        &format!("axe-core {AXE_CORE_VERSION} (npm, in .tools/)"),
        || {
            let text = std::fs::read_to_string(&package_json).ok()?;
            let wanted = format!("\"version\": \"{AXE_CORE_VERSION}\"");
            (text.contains(&wanted) && axe_js.is_file()).then(|| AXE_CORE_VERSION.to_string())
        },
        || npm_install_tool(&format!("axe-core@{AXE_CORE_VERSION}")),
    )?;
    Ok(axe_js)
}

/// The npm package of TimelineJS whose example timelines `cargo xtask test` imports
/// (`crate::real_timelines`); `bench/` uses the same version.
pub const TIMELINEJS_PACKAGE: &str = "@knight-lab/timelinejs";
pub const TIMELINEJS_VERSION: &str = "3.9.11";

/// TimelineJS from npm into `.tools/` (never committed); returns the package's directory.
pub fn timelinejs_package() -> Result<PathBuf> {
    let package_dir = project::tools_dir()
        .join("node_modules")
        .join(TIMELINEJS_PACKAGE);
    let package_json = package_dir.join("package.json");
    ensure(
        &format!("{TIMELINEJS_PACKAGE} {TIMELINEJS_VERSION} (npm, in .tools/)"),
        || {
            let text = std::fs::read_to_string(&package_json).ok()?;
            let wanted = format!("\"version\": \"{TIMELINEJS_VERSION}\"");
            text.contains(&wanted)
                .then(|| TIMELINEJS_VERSION.to_string())
        },
        || npm_install_tool(&format!("{TIMELINEJS_PACKAGE}@{TIMELINEJS_VERSION}")),
    )?;
    Ok(package_dir)
}

/// The version of the `wasm-bindgen` crate in the workspace's Cargo.lock.
pub fn wasm_bindgen_version_in_lockfile(root: &Path) -> Result<String> {
    let lockfile = root.join("Cargo.lock");
    let text = std::fs::read_to_string(&lockfile).map_err(|err| {
        format!(
            "could not read {}: {err} (run `cargo generate-lockfile`)",
            lockfile.display()
        )
    })?;
    let versions = lockfile_versions(&text, "wasm-bindgen");
    match versions.as_slice() {
        [version] => Ok(version.clone()),
        [] => Err(format!(
            "{} has no `wasm-bindgen` package; the app depends on it for wasm32",
            lockfile.display()
        )),
        _ => Err(format!(
            "{} has several `wasm-bindgen` versions ({}); the CLI can only match one, \
             run `cargo update -p wasm-bindgen` to unify them",
            lockfile.display(),
            versions.join(", ")
        )),
    }
}

/// All versions of package `name` in a Cargo.lock text (none when it does not parse).
fn lockfile_versions(lockfile: &str, name: &str) -> Vec<String> {
    #[derive(serde::Deserialize)]
    struct Lockfile {
        #[serde(default)]
        package: Vec<Package>,
    }
    #[derive(serde::Deserialize)]
    struct Package {
        name: String,
        version: String,
    }
    toml::from_str::<Lockfile>(lockfile)
        .map(|lockfile| lockfile.package)
        .unwrap_or_default()
        .into_iter()
        .filter(|package| package.name == name)
        .map(|package| package.version)
        .collect()
}

/// A `trunk` command that uses the tools installed here whatever Trunk.toml says: Trunk reads
/// its `[tools]` pins from `TRUNK_TOOLS_WASM_BINDGEN` and `TRUNK_TOOLS_WASM_OPT` too, so no
/// tracked file is ever rewritten (a test holds Trunk.toml's own pins equal to these).
pub fn trunk_command() -> Result<Command> {
    let mut trunk = command("trunk");
    trunk
        .env(
            "TRUNK_TOOLS_WASM_BINDGEN",
            wasm_bindgen_version_in_lockfile(&project::root_dir())?,
        )
        .env(
            "TRUNK_TOOLS_WASM_OPT",
            format!("version_{BINARYEN_VERSION}"),
        );
    Ok(trunk)
}

fn find_on_path(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&project::tool_path())
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

fn first_words(text: &str, n_words: usize) -> String {
    text.split_whitespace()
        .take(n_words)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The leading number of the first dotted version in `text` ("Chromium 156.0.1" → "156").
fn major_version(text: &str) -> Option<&str> {
    text.split_whitespace()
        .find(|word| word.contains('.') && word.starts_with(|c: char| c.is_ascii_digit()))
        .and_then(|version| version.split('.').next())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lockfile_versions_finds_only_the_named_package() {
        let lockfile = r#"
version = 4

[[package]]
name = "wasm-bindgen"
version = "0.2.100"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "wasm-bindgen-macro"
version = "0.2.101"
"#;
        assert_eq!(lockfile_versions(lockfile, "wasm-bindgen"), ["0.2.100"]);
    }

    /// Trunk.toml's `[tools]` pins (what a plain `trunk build` uses) are the versions `install`
    /// puts on PATH and `trunk_command` passes: wasm-bindgen from Cargo.lock, wasm-opt's
    /// `BINARYEN_VERSION`.
    #[test]
    fn trunk_toml_pins_follow_cargo_lock() {
        let root = project::root_dir();
        let text = std::fs::read_to_string(root.join("Trunk.toml")).unwrap();
        let trunk: toml::Table = toml::from_str(&text).unwrap();
        let pin = |tool: &str| trunk["tools"][tool].as_str().map(str::to_string);
        assert_eq!(
            pin("wasm_bindgen"),
            Some(wasm_bindgen_version_in_lockfile(&root).unwrap()),
            "Trunk.toml [tools] wasm_bindgen drifted from Cargo.lock's wasm-bindgen"
        );
        assert_eq!(pin("wasm_opt"), Some(format!("version_{BINARYEN_VERSION}")));
    }

    #[test]
    fn major_versions_come_from_the_first_dotted_number() {
        assert_eq!(
            major_version("Chromium 156.0.8078.79 built on Debian"),
            Some("156")
        );
        assert_eq!(
            major_version("ChromeDriver 156.0.8078.79 (a21ce95c)"),
            Some("156")
        );
    }
}
