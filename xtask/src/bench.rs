//! `cargo xtask bench`: the side-by-side benchmark against TimelineJS and vis-timeline, and
//! docs/PERFORMANCE.md.
//!
//! In order: the synthetic datasets (`gen_data`, only those missing), our release build into
//! `target/bench/dist` (not `dist/`, which the tests use), its first-load size, the host timings
//! of the layout work (`examples/scale_timings.rs`), the benchmark-only npm packages in
//! `bench/node_modules`, Lighthouse on our pages and the peers' (`bench/lighthouse.mjs`), then
//! `bench/bench.mjs`, which drives Chromium, prints the tables and
//! writes docs/PERFORMANCE.md. It takes a while (the peers are slow at 10,000 events and more),
//! so it is not part of `cargo xtask test`; the size budget is.

use std::path::{Path, PathBuf};

use crate::gen_data::{self, STANDARD_SIZES};
use crate::project::{self, cargo, command, probe, run};
use crate::{install, size, Result};

/// The Chromium the benchmark drives, Debian's (`cargo xtask test` installs it).
const CHROMIUM: &str = "/usr/bin/chromium";
/// The benchmark-only npm packages, as pinned in bench/package.json.
const NPM_PACKAGES: [(&str, &str); 4] = [
    ("@knight-lab/timelinejs", "3.9.11"),
    ("vis-timeline", "8.5.4"),
    ("playwright-core", "1.65.1"),
    // 13.x needs Node 22.
    ("lighthouse", "12.2.3"),
];

/// What `cargo xtask bench` was asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub sizes: Vec<usize>,
    pub reps: usize,
    pub timeout_s: u64,
    /// Lighthouse runs per page (`bench/lighthouse.mjs`).
    pub lighthouse_runs: usize,
    /// Only the release build and Lighthouse (into `target/bench/lighthouse.md`), not the
    /// timings nor docs/PERFORMANCE.md.
    pub lighthouse_only: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            sizes: STANDARD_SIZES.to_vec(),
            reps: 3,
            timeout_s: 60,
            lighthouse_runs: 3,
            lighthouse_only: false,
        }
    }
}

/// Reads `[--sizes 200,1000] [--reps N] [--timeout-s S]`.
pub fn parse_options(args: &[String]) -> Result<Options> {
    let mut options = Options::default();
    let mut rest: Vec<String> = Vec::new();
    for arg in args {
        if arg == "--lighthouse-only" {
            options.lighthouse_only = true;
        } else {
            rest.push(arg.clone());
        }
    }
    let mut rest = rest.as_slice();
    while let [flag, value, tail @ ..] = rest {
        match flag.as_str() {
            "--sizes" => {
                let sizes: Vec<String> = value.split(',').map(str::to_string).collect();
                options.sizes = gen_data::parse_sizes(&sizes)?;
            }
            "--reps" => {
                options.reps = value
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or_else(|| format!("--reps wants a positive number, got {value:?}"))?;
            }
            "--timeout-s" => {
                options.timeout_s = value
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or_else(|| format!("--timeout-s wants seconds, got {value:?}"))?;
            }
            "--lighthouse-runs" => {
                options.lighthouse_runs =
                    value.parse().ok().filter(|&n| n > 0).ok_or_else(|| {
                        format!("--lighthouse-runs wants a positive number, got {value:?}")
                    })?;
            }
            _ => return Err(format!("unknown option {flag:?} for `cargo xtask bench`")),
        }
        rest = tail;
    }
    if let [flag] = rest {
        return Err(format!("{flag} needs a value"));
    }
    Ok(options)
}

pub fn bench(options: &Options) -> Result<()> {
    install::for_serve()?;
    if !Path::new(CHROMIUM).exists() {
        return Err(format!(
            "{CHROMIUM} is missing: run `cargo xtask test` once (it installs Chromium) or \
             `apt-get install -y chromium`"
        ));
    }
    let bench_dir = project::root_dir().join("bench");
    let out_dir = project::target_dir().join("bench");
    std::fs::create_dir_all(&out_dir)
        .map_err(|err| format!("could not create {}: {err}", out_dir.display()))?;

    if !options.lighthouse_only {
        println!("\n== datasets");
        for &n_events in &options.sizes {
            let path = gen_data::ensure(n_events)?;
            println!("{}", path.display());
        }
    }

    println!("\n== release build (trunk, into target/bench/dist)");
    let dist_dir = out_dir.join("dist");
    run(crate::install::trunk_command()?
        .args(["build", "--release", "--offline", "--dist"])
        .arg(&dist_dir))?;
    let size_report = size::budget_report(&dist_dir).unwrap_or_else(|report| report);
    print!("{size_report}");
    let size_report_path = write(&out_dir.join("size-report.txt"), &size_report)?;

    println!("\n== benchmark-only npm packages (bench/node_modules)");
    npm_packages(&bench_dir)?;

    println!("\n== Lighthouse (bench/lighthouse.mjs)");
    let lighthouse_path = out_dir.join("lighthouse.md");
    run(command("node")
        .arg(bench_dir.join("lighthouse.mjs"))
        .arg("--dist")
        .arg(&dist_dir)
        .args(["--runs", &options.lighthouse_runs.to_string()])
        .arg("--json")
        .arg(out_dir.join("lighthouse.json"))
        .arg("--markdown")
        .arg(&lighthouse_path)
        .env("CHROME_PATH", CHROMIUM))?;
    if options.lighthouse_only {
        println!("written to {}", lighthouse_path.display());
        return Ok(());
    }

    println!("\n== host timings (examples/scale_timings.rs)");
    run(cargo().args(["build", "--release", "--example", "scale_timings"]))?;
    let timings_bin = project::target_dir()
        .join("release")
        .join("examples")
        .join("scale_timings");
    let mut timings = String::new();
    for &n_events in &options.sizes {
        let data = gen_data::data_path(n_events);
        let relative = data
            .strip_prefix(project::root_dir())
            .unwrap_or(&data)
            .to_path_buf();
        let output = command(&timings_bin)
            .arg(&relative)
            .output()
            .map_err(|err| format!("could not run {}: {err}", timings_bin.display()))?;
        if !output.status.success() {
            return Err(format!(
                "scale_timings failed on {}: {}",
                relative.display(),
                String::from_utf8_lossy(&output.stderr)
            ));
        }
        let text = String::from_utf8_lossy(&output.stdout);
        print!("{text}");
        timings.push_str(&text);
        timings.push('\n');
    }
    let timings_path = write(&out_dir.join("host-timings.txt"), &timings)?;

    println!("\n== browser runs (bench/bench.mjs)");
    let sizes: Vec<String> = options.sizes.iter().map(usize::to_string).collect();
    run(command("node")
        .arg(bench_dir.join("bench.mjs"))
        .arg("--dist")
        .arg(&dist_dir)
        .args(["--sizes", &sizes.join(",")])
        .args(["--reps", &options.reps.to_string()])
        .args(["--timeout-s", &options.timeout_s.to_string()])
        .arg("--json")
        .arg(out_dir.join("results.json"))
        .arg("--markdown")
        .arg(project::root_dir().join("docs").join("PERFORMANCE.md"))
        .arg("--host-timings")
        .arg(&timings_path)
        .arg("--size-report")
        .arg(&size_report_path)
        .arg("--lighthouse")
        .arg(&lighthouse_path))
}

/// Installs bench/package.json's packages unless they are there at the pinned versions.
fn npm_packages(bench_dir: &Path) -> Result<()> {
    let installed = |name: &str| -> Option<String> {
        let manifest = bench_dir
            .join("node_modules")
            .join(name)
            .join("package.json");
        let text = std::fs::read_to_string(manifest).ok()?;
        let version_at = text.find("\"version\"")?;
        let value = text[version_at..].split('"').nth(3)?;
        Some(value.to_string())
    };
    let missing: Vec<&str> = NPM_PACKAGES
        .iter()
        .filter(|(name, version)| installed(name).as_deref() != Some(*version))
        .map(|(name, _)| *name)
        .collect();
    if missing.is_empty() {
        println!("[install] found: {NPM_PACKAGES:?}");
        return Ok(());
    }
    if probe(command("npm").arg("--version")).is_none() {
        return Err("npm is not installed; install Node.js and npm first".to_string());
    }
    println!("[install] missing or other versions: {missing:?}");
    let subcommand = if bench_dir.join("package-lock.json").exists() {
        "ci"
    } else {
        "install"
    };
    run(command("npm")
        .arg(subcommand)
        .args(["--no-audit", "--no-fund"])
        .current_dir(bench_dir))
}

fn write(path: &Path, text: &str) -> Result<PathBuf> {
    std::fs::write(path, text)
        .map_err(|err| format!("could not write {}: {err}", path.display()))?;
    Ok(path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_default_to_every_size_three_times() {
        assert_eq!(parse_options(&[]), Ok(Options::default()));
        let args: Vec<String> = ["--sizes", "200,1_000", "--reps", "1"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let options = parse_options(&args).unwrap();
        assert_eq!(options.sizes, [200, 1000]);
        assert_eq!(options.reps, 1);
        assert!(parse_options(&["--reps".to_string()]).is_err());
        assert!(parse_options(&["--fast".to_string(), "1".to_string()]).is_err());
    }
}
