//! `cargo xtask test`: every check CI runs, in order, failing fast.
//!
//! The checks are the [`STEPS`] table; adding one (a single-file build, a size budget, another
//! browser, HTML validation…) is one function and one line there.

use std::path::PathBuf;
use std::time::Instant;

use crate::project::{self, cargo, command, format_duration, run};
use crate::{install, single_file, size, split, Result};

/// One check: a short id for `--only` and `--from`, a name for the header and the failure
/// message, and what to run.
struct Step {
    id: &'static str,
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
        id: "fmt",
        name: "format (cargo fmt --check)",
        run: rustfmt_check,
    },
    Step {
        id: "clippy-host",
        name: "clippy (host)",
        run: clippy_host,
    },
    Step {
        id: "clippy-wasm",
        name: "clippy (wasm32)",
        run: clippy_wasm,
    },
    Step {
        id: "host",
        name: "host tests",
        run: host_tests,
    },
    Step {
        id: "fuzz",
        name: "coverage-guided fuzzing, 5,000 executions, seed 17 (libFuzzer, whole data path)",
        run: short_fuzz_campaign,
    },
    Step {
        id: "timelinejs",
        name: "real TimelineJS timelines (the examples of the npm package, imported)",
        run: real_timelines,
    },
    Step {
        id: "wasm-chromium",
        name: "browser tests (wasm-bindgen-test, headless Chromium)",
        run: browser_tests,
    },
    Step {
        id: "wasm-firefox",
        name: "browser tests (wasm-bindgen-test, headless Firefox)",
        run: browser_tests_firefox,
    },
    Step {
        id: "build",
        name: "release build (trunk)",
        run: release_build,
    },
    Step {
        id: "size",
        name: "split check, size report and byte budgets (dist/)",
        run: size_report,
    },
    Step {
        id: "e2e-chromium",
        name: "end-to-end tests in Chromium (WebDriver, axe-core)",
        run: end_to_end_tests_chromium,
    },
    Step {
        id: "e2e-firefox",
        name: "end-to-end tests in Firefox (WebDriver, axe-core)",
        run: end_to_end_tests_firefox,
    },
    Step {
        id: "e2e-webkit",
        name: "end-to-end tests in WebKit (WebDriver under Xvfb, axe-core)",
        run: end_to_end_tests_webkit,
    },
    Step {
        id: "single-file",
        name: "single-file build (dist/ inlined into one HTML file)",
        run: single_file_build,
    },
    Step {
        id: "embed",
        name: "embed code, CSP, static version, print, single-file and leak tests (Chromium)",
        run: embed_tests,
    },
];

/// Which steps to run: all of them (what CI runs), `--only ID[,ID…]` (repeatable) or
/// `--from N|ID` (from that step on, e.g. the end-to-end tests after a release build).
pub fn parse_selection(args: &[String]) -> Result<Vec<usize>> {
    let step_idx = |id: &str| {
        STEPS.iter().position(|step| step.id == id).ok_or_else(|| {
            let ids: Vec<_> = STEPS.iter().map(|step| step.id).collect();
            format!("no step {id:?}; the steps are {}", ids.join(", "))
        })
    };
    let mut only = Vec::new();
    let mut from = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let value = args.next().ok_or_else(|| format!("{arg} takes a value"))?;
        match arg.as_str() {
            "--only" => {
                for id in value.split(',').filter(|id| !id.is_empty()) {
                    only.push(step_idx(id)?);
                }
            }
            "--from" => {
                let start = match value.parse::<usize>() {
                    Ok(n) if (1..=STEPS.len()).contains(&n) => n - 1,
                    Ok(n) => return Err(format!("--from {n}: the steps are 1 to {}", STEPS.len())),
                    Err(_) => step_idx(value)?,
                };
                from = Some(start);
            }
            _ => return Err(format!("unknown option {arg:?}")),
        }
    }
    match (only.is_empty(), from) {
        (false, Some(_)) => Err("--only and --from do not go together".to_string()),
        (false, None) => {
            only.sort_unstable();
            only.dedup();
            Ok(only)
        }
        (true, start) => Ok((start.unwrap_or(0)..STEPS.len()).collect()),
    }
}

/// Every step, one a line, for the usage text.
pub fn step_list() -> String {
    STEPS
        .iter()
        .enumerate()
        .map(|(step_idx, step)| format!("  {:>2}. {:<13} {}\n", step_idx + 1, step.id, step.name))
        .collect()
}

pub fn test(selected: &[usize]) -> Result<()> {
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

    for &step_idx in selected {
        let step = &STEPS[step_idx];
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
    if selected.len() == STEPS.len() {
        println!(
            "\nall {} steps passed in {}",
            STEPS.len(),
            format_duration(started.elapsed())
        );
    } else {
        println!(
            "\n{} of {} steps passed in {} (the others were not run)",
            selected.len(),
            STEPS.len(),
            format_duration(started.elapsed())
        );
    }
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

/// With the `split` feature, as Trunk builds the app (the browser tests build it without).
fn clippy_wasm(_: &Context) -> Result<()> {
    run(cargo().args([
        "clippy",
        "-p",
        "ai-race",
        "--all-targets",
        "--target",
        "wasm32-unknown-unknown",
        "--features",
        "split",
        "--",
        "-D",
        "warnings",
    ]))
}

/// The end-to-end tests are `#[ignore]`d here; they need the release build.
fn host_tests(_: &Context) -> Result<()> {
    run(cargo().args(["test", "--workspace"]))
}

/// The fuzz crate's own tests (its recipes reach each format, the memory floor holds), then a
/// short campaign of `cargo xtask fuzz` (the long ones run by hand): any panic, hang or memory
/// blow-up found fails the step with the input's file.
fn short_fuzz_campaign(_: &Context) -> Result<()> {
    run(cargo()
        .current_dir(project::root_dir().join("fuzz"))
        .arg("test"))?;
    crate::fuzz::fuzz(&crate::fuzz::Campaign::short()).map(drop)
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
    run(crate::install::trunk_command()?.args(["build", "--release", "--offline"]))
}

/// Every file of `dist/`, then the three stages of the page's load against their budgets
/// (`xtask/src/size.rs`), after checking that the wasm was split: no JavaScript of the build may
/// import `__wasm_split_placeholder__` (a `#[lazy]` build that skipped the split fails at load).
fn size_report(context: &Context) -> Result<()> {
    split::check_no_placeholder(&context.dist_dir)?;
    let report = size::report(&context.dist_dir)?;
    print!("{report}");
    let budget = size::budget_report(&context.dist_dir);
    let first_load = budget.as_ref().unwrap_or_else(|report| report);
    println!("\nwhat the published page loads, stage by stage:\n{first_load}");
    let report_path = project::target_dir().join("size-report.txt");
    std::fs::create_dir_all(project::target_dir())
        .and_then(|()| std::fs::write(&report_path, format!("{report}\n{first_load}")))
        .map_err(|err| format!("could not write {}: {err}", report_path.display()))?;
    println!("(written to {})", report_path.display());
    budget.map(|_| ())
}

/// The end-to-end test files: each runs once per engine.
const END_TO_END_TESTS: &[&str] = &[
    "e2e",
    "e2e_access",
    "e2e_article",
    "e2e_dates",
    "e2e_xss",
    "e2e_hostile",
    "e2e_funding",
];

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

fn real_timelines(_context: &Context) -> Result<()> {
    crate::real_timelines::check()
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
/// (`E2E_SINGLE_FILE`, from the step before). tests/e2e_xss.rs (hostile datasets never run
/// script) needs no DevTools: it is among the [`END_TO_END_TESTS`], run in every engine, and
/// so are the demo articles' auto-height journeys (tests/e2e_article.rs). tests/e2e_leaks.rs
/// (memory, nodes and listeners after 50 swaps and 1,000 steps) reads its figures from
/// Chromium's DevTools too.
fn embed_tests(context: &Context) -> Result<()> {
    run(cargo()
        .args(["test", "-p", "ai-race", "--test", "e2e_embed", "--test"])
        .args(["e2e_leaks", "--", "--ignored", "--test-threads=1"])
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
        let mut ids: Vec<_> = STEPS.iter().map(|step| step.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), STEPS.len());
    }

    fn selection(args: &[&str]) -> Result<Vec<usize>> {
        let args: Vec<String> = args.iter().map(|arg| arg.to_string()).collect();
        parse_selection(&args)
    }

    #[test]
    fn no_option_runs_every_step_in_order() {
        assert_eq!(selection(&[]), Ok((0..STEPS.len()).collect()));
    }

    #[test]
    fn only_runs_the_named_steps_in_table_order() {
        assert_eq!(selection(&["--only", "host,fmt"]), Ok(vec![0, 3]));
        let webkit = STEPS.iter().position(|step| step.id == "e2e-webkit");
        assert_eq!(
            selection(&["--only", "e2e-webkit", "--only", "clippy-wasm"]),
            Ok(vec![2, webkit.expect("an e2e-webkit step")])
        );
    }

    #[test]
    fn from_takes_a_step_number_or_id() {
        let e2e = STEPS
            .iter()
            .position(|step| step.id == "e2e-chromium")
            .unwrap();
        assert_eq!(
            selection(&["--from", "e2e-chromium"]),
            Ok((e2e..STEPS.len()).collect())
        );
        assert_eq!(
            selection(&["--from", &(e2e + 1).to_string()]),
            Ok((e2e..STEPS.len()).collect())
        );
    }

    #[test]
    fn unknown_steps_and_options_are_refused_with_the_list() {
        let error = selection(&["--only", "e2e"]).unwrap_err();
        assert!(
            error.contains("e2e-chromium") && error.contains("fmt"),
            "{error}"
        );
        assert!(selection(&["--from", "0"]).is_err());
        assert!(selection(&["--from", "99"]).is_err());
        assert!(selection(&["--from"]).is_err());
        assert!(selection(&["--fast"]).is_err());
        assert!(selection(&["--only", "fmt", "--from", "2"]).is_err());
    }
}
