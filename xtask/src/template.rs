//! `cargo xtask template [FILE.json -o OUT.csv]`: without arguments,
//! writes the spreadsheet template `www/data/template.csv` (every column,
//! and one real figure of the bundled dataset with its event and sources
//! as example rows; `tests/template.rs` fails while the committed copy is
//! stale). With a file, writes that dataset as a sheet of the template,
//! to edit in a spreadsheet and read back with `cargo xtask import`.

use ai_race::data::{template, RawDataset, BUNDLED_JSON};

use crate::{project, Result};

pub const USAGE: &str = "template [FILE.json -o OUT.csv]";

pub fn template(args: &[String]) -> Result<()> {
    match args {
        [] => write_template(),
        [file, flag, out] | [flag, out, file] if flag == "-o" || flag == "--output" => {
            export(file, out)
        }
        _ => Err(format!("usage: cargo xtask {USAGE}")),
    }
}

fn write_template() -> Result<()> {
    let raw: RawDataset = serde_json::from_str(BUNDLED_JSON)
        .map_err(|err| format!("the bundled dataset does not read: {err}"))?;
    let csv = template::example(&raw).map_err(|p| format!("{}: {}", p.place(), p.message().en))?;
    let path = project::root_dir().join(template::TEMPLATE_PATH);
    let unchanged = std::fs::read_to_string(&path).is_ok_and(|old| old == csv);
    if !unchanged {
        std::fs::write(&path, csv)
            .map_err(|err| format!("cannot write {}: {err}", path.display()))?;
    }
    println!(
        "{}: {}",
        template::TEMPLATE_PATH,
        if unchanged {
            "already up to date"
        } else {
            "written"
        }
    );
    Ok(())
}

fn export(file: &str, out: &str) -> Result<()> {
    let text = std::fs::read_to_string(file).map_err(|err| format!("cannot read {file}: {err}"))?;
    let raw: RawDataset = serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|err| {
        format!("{file} is not a dataset in this timeline's format ({err}): check it with `cargo xtask validate {file}`")
    })?;
    let csv =
        template::to_csv(&raw).map_err(|p| format!("{file}: {}: {}", p.place(), p.message().en))?;
    std::fs::write(out, csv).map_err(|err| format!("cannot write {out}: {err}"))?;
    println!(
        "wrote {out}: {} event(s), {} figure(s) as rows of the spreadsheet template. Edit it, then `cargo xtask import {out} -o OUT.json`.",
        raw.events.len(),
        raw.figures.len()
    );
    Ok(())
}
