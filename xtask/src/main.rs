//! Project automation, run through the `cargo xtask` alias (see `.cargo/config.toml`).
//!
//! - `cargo xtask serve [--port N]`: installs the toolchain pieces that are missing, then runs
//!   `trunk serve` on 127.0.0.1.
//! - `cargo xtask test`: installs what is missing (Chromium, Firefox and WebKit included), then
//!   runs every check CI runs, in order, stopping at the first failure.
//!
//! Code map: `install` brings tools to the pinned versions, `test` holds the list of checks,
//! `size` measures `dist/`, `serve` wraps `trunk serve`, `split` splits the wasm into chunks
//! loaded on first use, `static_html` writes the no-script version into the built page, `single_file` inlines a build into one HTML file, `gen_data`
//! writes the synthetic datasets and `bench` runs the benchmark against the peers, and `project`
//! knows where things live and how to run a command.

mod bench;
mod fuzz;
mod gen_data;
mod import;
mod install;
mod minify;
mod project;
mod real_timelines;
mod schema;
mod serve;
mod single_file;
mod size;
mod split;
mod static_html;
mod template;
mod test;
mod validate;

use std::process::ExitCode;

/// Every failure is reported as one message naming what failed and, where possible, what to do.
pub type Result<T, E = String> = std::result::Result<T, E>;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  serve [--port N]   install missing tools, then `trunk serve` on 127.0.0.1 (default port from Trunk.toml)
  test [--only ID[,ID...]] [--from N|ID]
                     install missing tools, then fmt, clippy (host and wasm32), host tests,
                     browser tests, release build, size budget and end-to-end tests; CI runs
                     them all, `--only` and `--from` a subset while working (the end-to-end
                     steps test the release build in dist/: build it first, or run `--from build`)
  single-file [--dist DIR]
                     release build (or the one in DIR), then one HTML file with everything
                     inlined that works from file://; prints its path as the last line
  size [DIR]         the byte budgets of a release build (default: dist/), stage by stage
  post-build         split-wasm, then static-html: Trunk's post-build hook (Trunk.toml)
  split-wasm [DIR] [--release|--debug]
                     split the built wasm at its `#[lazy]` functions into chunks loaded on first
                     use (Trunk runs it after every build; default: $TRUNK_STAGING_DIR or dist/)
  static-html [FILE] write the static version of the story into a built index.html (Trunk runs
                     it after every build; default: $TRUNK_STAGING_DIR or dist/)
  validate FILE [--lang fr|en]
                     print every problem of a data file (ours, TimelineJS JSON or CSV) with its
                     line:column, message and hint; fails on errors
  import FILE -o OUT.json [--lang fr|en]
                     convert a TimelineJS JSON or CSV timeline, or a sheet of our spreadsheet
                     template (CSV), into this timeline's format, reporting what cannot be mapped
  template [FILE.json -o OUT.csv]
                     write the spreadsheet template www/data/template.csv, or FILE as a sheet of it
  check-timelines DIR
                     import every TimelineJS JSON and CSV file under DIR and compare the events
                     each holds with those shown (`test` does it on Knight Lab's npm examples)
  schema             write www/data/ai-race-2025.schema.json from the model types
  gen-data [N...]    write synthetic datasets of N events to bench/data/ (default: 200 1000
                     10000 100000); the same N always gives the same file
  fuzz [--runs N | --seconds S] [--seed N] [--timeout S]
                     coverage-guided fuzzing (libFuzzer, fuzz/) of load → validate → layout →
                     charts → exports → presentation, seeded from tests/corpus (default: 60 s)
  bench [--sizes N,N] [--reps R] [--timeout-s S] [--lighthouse-runs N] [--lighthouse-only]
                     side-by-side benchmark against TimelineJS and vis-timeline in headless
                     Chromium (long: not part of `test`); writes docs/PERFORMANCE.md
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve::parse_port(&args[1..]).and_then(serve::serve),
        Some("test") => test::parse_selection(&args[1..]).and_then(|steps| test::test(&steps)),
        Some("gen-data") => {
            gen_data::parse_sizes(&args[1..]).and_then(|sizes| gen_data::gen_data(&sizes))
        }
        Some("fuzz") => {
            fuzz::parse_campaign(&args[1..]).and_then(|campaign| fuzz::fuzz(&campaign).map(drop))
        }
        Some("bench") => {
            bench::parse_options(&args[1..]).and_then(|options| bench::bench(&options))
        }
        Some("single-file") => single_file::single_file(&args[1..]),
        Some("validate") => validate::validate(&args[1..]),
        Some("import") => import::import(&args[1..]),
        Some("template") => template::template(&args[1..]),
        Some("check-timelines") => real_timelines::check_command(&args[1..]),
        Some("schema") if args.len() == 1 => schema::schema(),
        Some("static-html") => static_html::static_html(&args[1..]),
        Some("split-wasm") => split::split_wasm(&args[1..]),
        Some("size") => size::size(&args[1..]),
        Some("post-build") if args.len() == 1 => {
            split::split_wasm(&[]).and_then(|()| static_html::static_html(&[]))
        }
        Some("help" | "--help" | "-h") => {
            print!("{USAGE}\nsteps of `test`:\n{}", test::step_list());
            Ok(())
        }
        _ => Err(format!(
            "unknown arguments {args:?}\n\n{USAGE}\nsteps of `test`:\n{}",
            test::step_list()
        )),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: error: {message}");
            ExitCode::FAILURE
        }
    }
}
