//! `cargo xtask test`: every check CI runs, in order, failing fast.
//!
//! The checks are the [`STEPS`] table; adding one (a single-file build, a size budget, another
//! browser, HTML validation…) is one function and one line there.

use std::path::PathBuf;
use std::time::Instant;

use crate::project::{self, cargo, command, format_duration, run};
use crate::{install, single_file, size, Result};

/// One check: a name for the header and the failure message, and what to run.
struct Step {
    name: &'static str,
    run: fn(&Context) -> Result<()>,
}

/// What the steps share.
struct Context {
    /// The chromedriver for the browser and end-to-end tests.
    chromedriver: PathBuf,
    /// geckodriver (Firefox), WebKitWebDriver and MiniBrowser (WebKit), axe-core's script.
    geckodriver: PathBuf,
    webkit_webdriver: PathBuf,
    minibrowser: PathBuf,
    axe_core_js: PathBuf,
    /// Absolute path of Trunk's output directory.
    dist_dir: PathBuf,
}

/// The checks, in the order they run. Cheap and likely-to-fail checks first.
const STEPS: &[Step] = &[
    Step {
        name: "format (cargo fmt --check)",
        run: rustfmt_check,
    },
    Step {
        name: "clippy (host)",
        run: clippy_host,
    },
    Step {
        name: "clippy (wasm32)",
        run: clippy_wasm,
    },
    Step {
        name: "host tests",
        run: host_tests,
    },
    Step {
        name: "browser tests (wasm-bindgen-test, headless Chromium)",
        run: browser_tests,
    },
    Step {
        name: "browser tests (wasm-bindgen-test, headless Firefox)",
        run: browser_tests_firefox,
    },
    Step {
        name: "release build (trunk)",
        run: release_build,
    },
    Step {
        name: "size report and first-load budget (dist/)",
        run: size_report,
    },
    Step {
        name: "end-to-end tests in Chromium (WebDriver, axe-core)",
        run: end_to_end_tests_chromium,
    },
    Step {
        name: "end-to-end tests in Firefox (WebDriver, axe-core)",
        run: end_to_end_tests_firefox,
    },
    Step {
        name: "end-to-end tests in WebKit (WebDriver under Xvfb, axe-core)",
        run: end_to_end_tests_webkit,
    },
    Step {
        name: "single-file build (dist/ inlined into one HTML file)",
        run: single_file_build,
    },
    Step {
        name: "embed code, CSP, static version, print, single-file and XSS tests (Chromium)",
        run: embed_tests,
    },
];

pub fn test() -> Result<()> {
    let started = Instant::now();
    let tools = install::for_test()?;
    let context = Context {
        chromedriver: tools.chromedriver,
        geckodriver: tools.geckodriver,
        webkit_webdriver: tools.webkit_webdriver,
        minibrowser: tools.minibrowser,
        axe_core_js: tools.axe_core_js,
        dist_dir: project::dist_dir(),
    };
    let mut timings = vec![("install".to_string(), started.elapsed())];

    for (step_idx, step) in STEPS.iter().enumerate() {
        println!("\n== [{}/{}] {}", step_idx + 1, STEPS.len(), step.name);
        let step_started = Instant::now();
        let result = (step.run)(&context);
        let elapsed = step_started.elapsed();
        if let Err(err) = result {
            return Err(format!(
                "step {}/{} \"{}\" failed after {}: {err}",
                step_idx + 1,
                STEPS.len(),
                step.name,
                format_duration(elapsed)
            ));
        }
        println!("== {}: ok in {}", step.name, format_duration(elapsed));
        timings.push((step.name.to_string(), elapsed));
    }

    println!("\n== summary");
    for (name, elapsed) in &timings {
        println!("{:>9}  {name}", format_duration(*elapsed));
    }
    println!(
        "\nall {} steps passed in {}",
        STEPS.len(),
        format_duration(started.elapsed())
    );
    Ok(())
}

fn rustfmt_check(_: &Context) -> Result<()> {
    run(cargo().args(["fmt", "--all", "--check"]))
}

fn clippy_host(_: &Context) -> Result<()> {
    run(cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))
}

fn clippy_wasm(_: &Context) -> Result<()> {
    run(cargo().args([
        "clippy",
        "-p",
        "ai-race",
        "--all-targets",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ]))
}

/// The end-to-end tests are `#[ignore]`d here; they need the release build.
fn host_tests(_: &Context) -> Result<()> {
    run(cargo().args(["test", "--workspace"]))
}

/// `wasm-bindgen-test-runner` (the wasm32 runner in `.cargo/config.toml`) reads the Chromium
/// flags from `webdriver.json` and the driver from `CHROMEDRIVER`.
fn browser_tests(context: &Context) -> Result<()> {
    wasm_browser_tests(("CHROMEDRIVER", &context.chromedriver), "GECKODRIVER")
}

/// The same browser tests in Firefox: the runner takes `GECKODRIVER` and Firefox's options
/// (`-headless`) from `webdriver.json`.
fn browser_tests_firefox(context: &Context) -> Result<()> {
    wasm_browser_tests(("GECKODRIVER", &context.geckodriver), "CHROMEDRIVER")
}

/// The wasm32 tests under one driver; the other driver's variable is removed because the
/// runner prefers GECKODRIVER when both are set.
fn wasm_browser_tests(driver: (&str, &PathBuf), other_driver: &str) -> Result<()> {
    run(cargo()
        .args([
            "test",
            "-p",
            "ai-race",
            "--target",
            "wasm32-unknown-unknown",
        ])
        .env(driver.0, driver.1)
        .env_remove(other_driver))
}

/// `--offline`: Trunk must use the pinned tools `install` put on PATH, never download.
fn release_build(_: &Context) -> Result<()> {
    run(command("trunk").args(["build", "--release", "--offline"]))
}

/// Every file of `dist/`, then the first load against `size::FIRST_LOAD_BUDGET_BROTLI`.
fn size_report(context: &Context) -> Result<()> {
    let report = size::report(&context.dist_dir)?;
    print!("{report}");
    let budget = size::budget_report(&context.dist_dir);
    let first_load = budget.as_ref().unwrap_or_else(|report| report);
    println!("\nfirst load (index.html and the files it names):\n{first_load}");
    let report_path = project::target_dir().join("size-report.txt");
    std::fs::create_dir_all(project::target_dir())
        .and_then(|()| std::fs::write(&report_path, format!("{report}\n{first_load}")))
        .map_err(|err| format!("could not write {}: {err}", report_path.display()))?;
    println!("(written to {})", report_path.display());
    budget.map(|_| ())
}

/// The end-to-end test files: each runs once per engine.
const END_TO_END_TESTS: &[&str] = &["e2e", "e2e_access", "e2e_article"];

/// The journeys, axe-core and the layout checks against the release build, in one engine
/// (`E2E_BROWSER`); `wrapper` runs cargo inside another program (`xvfb-run` for WebKit).
fn end_to_end_tests(context: &Context, engine: &str, wrapper: &[&str]) -> Result<()> {
    let mut command = match wrapper.split_first() {
        Some((program, args)) => {
            let mut command = command(program);
            command
                .args(args)
                .arg(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
            command
        }
        None => cargo(),
    };
    command.args(["test", "-p", "ai-race"]);
    for test in END_TO_END_TESTS {
        command.args(["--test", test]);
    }
    run(command
        .args(["--", "--ignored", "--test-threads=1"])
        .env("E2E_BROWSER", engine)
        .env("E2E_DIST", &context.dist_dir)
        .env("AXE_CORE_JS", &context.axe_core_js)
        .env("CHROMEDRIVER", &context.chromedriver)
        .env("GECKODRIVER", &context.geckodriver)
        .env("WEBKIT_WEBDRIVER", &context.webkit_webdriver)
        .env("WEBKIT_MINIBROWSER", &context.minibrowser))
}

fn end_to_end_tests_chromium(context: &Context) -> Result<()> {
    end_to_end_tests(context, "chromium", &[])
}

fn end_to_end_tests_firefox(context: &Context) -> Result<()> {
    end_to_end_tests(context, "firefox", &[])
}

/// WebKitGTK needs a display: a virtual one, wide enough for a 1920 px frame. Its size puts the
/// X pointer (at the screen's centre) inside the browser window: with no window manager, that
/// is what gives the window the keyboard focus, without which `:focus-visible` never matches.
fn end_to_end_tests_webkit(context: &Context) -> Result<()> {
    end_to_end_tests(context, "webkit", &["xvfb-run", "-a", "-s", XVFB_SCREEN])
}

/// 2000 × 1400: the centre (1000, 700) lies in the 1280 × 900 window at the origin.
const XVFB_SCREEN: &str = "-screen 0 2000x1400x24";

/// Inlines the release build just made (`cargo xtask single-file` builds one first).
fn single_file_build(context: &Context) -> Result<()> {
    let path = single_file::write(&context.dist_dir)?;
    let size = std::fs::metadata(&path).map_or(0, |metadata| metadata.len());
    println!("{} ({:.1} KiB)", path.display(), size as f64 / 1024.0);
    Ok(())
}

/// The end-to-end tests that run in Chromium only. tests/e2e_embed.rs needs Chromium's DevTools
/// commands (through chromedriver; geckodriver and WebKitWebDriver have no such endpoint) for
/// the embed code (the clipboard permission), the strict CSP (a violation recorder run before
/// the page's own scripts), the loading state (a slow network), the static version (scripts
/// off) and printing (print media); it also opens the single file from `file://`
/// (`E2E_SINGLE_FILE`, from the step before). tests/e2e_xss.rs (hostile datasets loaded with
/// `?data=` never run script) uses no DevTools command but is not yet among the
/// [`END_TO_END_TESTS`]: in Firefox, one of its journeys fails on the `error` events that the
/// page-error hook of the other engines records. The demo articles' auto-height journeys need
/// no DevTools: they are in tests/e2e_article.rs, run in every engine.
fn embed_tests(context: &Context) -> Result<()> {
    run(cargo()
        .args([
            "test",
            "-p",
            "ai-race",
            "--test",
            "e2e_embed",
            "--test",
            "e2e_xss",
            "--",
        ])
        .args(["--ignored", "--test-threads=1"])
        .env("E2E_DIST", &context.dist_dir)
        .env("E2E_SINGLE_FILE", single_file::output_path())
        .env("CHROMEDRIVER", &context.chromedriver))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_names_are_unique() {
        let mut names: Vec<_> = STEPS.iter().map(|step| step.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), STEPS.len());
    }
}
