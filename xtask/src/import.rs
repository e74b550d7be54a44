//! `cargo xtask import FILE -o OUT.json [--lang fr|en]`: converts a
//! TimelineJS timeline (its JSON, or the CSV of its Google Sheets
//! template), or a sheet of our own spreadsheet template, into this
//! timeline's format, and prints everything that could
//! not be mapped (eras, end dates, times of day, backgrounds...) with its
//! place in FILE. The written file then goes through `cargo xtask validate`
//! like any other.

use std::path::{Component, Path, PathBuf};

use ai_race::data::{self, Format};
use ai_race::i18n::Lang;

use crate::{project, validate, Result};

pub const USAGE: &str = "import FILE -o OUT.json [--lang fr|en]";

pub fn import(args: &[String]) -> Result<()> {
    let (file, out, lang) = parse_args(args)?;
    let bytes = std::fs::read(&file).map_err(|err| format!("cannot read {file}: {err}"))?;
    let loaded = data::load(&bytes);
    print!("{}", validate::report(&file, &loaded, lang));
    if loaded.format == Some(Format::Dataset) {
        return Err(format!("{file} is already in this timeline's format: check it with `cargo xtask validate {file}`"));
    }
    let Some(mut raw) = loaded.converted else {
        return Err(format!(
            "nothing in {file} could be converted (see the problems above)"
        ));
    };
    let schema = project::root_dir().join(data::schema::SCHEMA_PATH);
    let out_dir = Path::new(&out)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    raw.schema = relative_path(&absolute(&out_dir), &schema);
    let mut json =
        serde_json::to_string_pretty(&raw).map_err(|err| format!("cannot write JSON: {err}"))?;
    json.push('\n');
    std::fs::write(&out, json).map_err(|err| format!("cannot write {out}: {err}"))?;
    let next = if loaded.format == Some(Format::Template) {
        "Check it with"
    } else {
        "Translate the texts, add the sources, then run"
    };
    println!(
        "\nwrote {out}: {} event(s), {} track(s). {next} `cargo xtask validate {out}`.",
        raw.events.len(),
        raw.tracks.len()
    );
    Ok(())
}

/// `FILE -o OUT [--lang fr|en]`, in any order.
fn parse_args(args: &[String]) -> Result<(String, String, Lang)> {
    let mut file = None;
    let mut out = None;
    let mut rest = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-o" | "--output" => out = Some(args.next().ok_or("-o needs a file name")?.clone()),
            "--lang" => {
                rest.push(arg.clone());
                rest.push(args.next().ok_or("--lang needs fr or en")?.clone());
            }
            other if other.starts_with('-') => return Err(format!("unknown option {other:?}")),
            other if file.is_none() => file = Some(other.to_string()),
            other => return Err(format!("one file at a time ({other:?} is one too many)")),
        }
    }
    let file = file.ok_or(format!("which file? usage: cargo xtask {USAGE}"))?;
    let out = out.ok_or(format!("where to? usage: cargo xtask {USAGE}"))?;
    rest.push(file.clone());
    let (_, lang) = validate::parse_args(&rest)?;
    Ok((file, out, lang))
}

fn absolute(path: &Path) -> PathBuf {
    let path = if path.as_os_str().is_empty() {
        Path::new(".")
    } else {
        path
    };
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// `to` as seen from the directory `from` (`./x.json`, `../data/x.json`),
/// for the written file's `$schema`.
fn relative_path(from: &Path, to: &Path) -> Option<String> {
    let from: Vec<Component> = from.components().collect();
    let to: Vec<Component> = to.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    // Sharing only the root: a file outside the project gets no `$schema`.
    if common <= 1 {
        return None;
    }
    let mut parts: Vec<String> = vec![".".to_string()];
    parts.extend(std::iter::repeat_n("..".to_string(), from.len() - common));
    parts.extend(
        to[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    if parts.len() > 1 && parts[1] == ".." {
        parts.remove(0);
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_path_is_relative_to_the_written_file() {
        let schema = Path::new("/repo/www/data/ai-race-2025.schema.json");
        assert_eq!(
            relative_path(Path::new("/repo/www/data"), schema).as_deref(),
            Some("./ai-race-2025.schema.json")
        );
        assert_eq!(
            relative_path(Path::new("/repo/www/fixtures"), schema).as_deref(),
            Some("../data/ai-race-2025.schema.json")
        );
        assert_eq!(
            relative_path(Path::new("/repo/bench"), schema).as_deref(),
            Some("../www/data/ai-race-2025.schema.json")
        );
        assert_eq!(relative_path(Path::new("/tmp"), schema), None);
    }

    #[test]
    fn arguments_need_a_file_and_an_output() {
        let args = |list: &[&str]| list.iter().map(|a| a.to_string()).collect::<Vec<_>>();
        assert_eq!(
            parse_args(&args(&["t.csv", "-o", "out.json"])).unwrap(),
            ("t.csv".into(), "out.json".into(), Lang::Fr)
        );
        assert_eq!(
            parse_args(&args(&["-o", "o.json", "--lang", "en", "t.json"]))
                .unwrap()
                .2,
            Lang::En
        );
        assert!(parse_args(&args(&["t.csv"])).is_err());
        assert!(parse_args(&args(&["-o", "o.json"])).is_err());
    }

    #[test]
    fn a_real_timelinejs_sheet_converts_into_a_file_the_app_reads() {
        let csv = std::fs::read(
            project::root_dir().join("tests/fixtures/timelinejs/my-own-timeline.csv"),
        )
        .expect("fixture");
        let loaded = data::load(&csv);
        let raw = loaded.converted.expect("converted");
        let json = serde_json::to_string_pretty(&raw).expect("json");
        let (dataset, problems) = data::parse(&json);
        assert_eq!(dataset.events.len(), 10);
        // Only warnings remain: the converted events have no sources yet.
        assert!(problems.iter().all(|p| !p.is_error()), "{problems:#?}");
    }
}
