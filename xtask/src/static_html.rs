//! `cargo xtask static-html [FILE]`: writes the static version of the story into a built
//! `index.html`, between its `<!-- static-html … -->` and `<!-- /static-html -->` markers.
//!
//! The HTML comes from the app's own data layer (`ai_race::static_html`, from the bundled
//! dataset): the events with their dates, summaries and quoted sources, the key figures, and the
//! loading state the app replaces. Trunk runs this command as a post-build hook (Trunk.toml) on
//! its staging copy (`TRUNK_STAGING_DIR`), so `trunk build`, `trunk serve` and every xtask that
//! builds get it; without `FILE` or that variable, it rewrites `dist/index.html`.

use std::path::PathBuf;

use crate::project;
use crate::Result;

const START_MARKER: &str = "<!-- static-html";
const END_MARKER: &str = "<!-- /static-html -->";

pub fn static_html(args: &[String]) -> Result<()> {
    let file = match args {
        [] => match std::env::var_os("TRUNK_STAGING_DIR") {
            Some(staging_dir) => PathBuf::from(staging_dir).join("index.html"),
            None => project::dist_dir().join("index.html"),
        },
        [file] => PathBuf::from(file),
        _ => return Err(format!("static-html takes at most one file, got {args:?}")),
    };
    let html = std::fs::read_to_string(&file)
        .map_err(|err| format!("could not read {}: {err}", file.display()))?;
    let (dataset, problems) = ai_race::data::bundled();
    if let Some(problem) = problems.first() {
        return Err(format!(
            "the bundled dataset has {} problem(s), the first: {problem:?}; run `cargo xtask test`",
            problems.len()
        ));
    }
    let body = ai_race::static_html::app_placeholder(&dataset, ai_race::i18n::Lang::Fr);
    let rewritten =
        with_static_version(&html, &body).map_err(|err| format!("{}: {err}", file.display()))?;
    std::fs::write(&file, rewritten)
        .map_err(|err| format!("could not write {}: {err}", file.display()))?;
    Ok(())
}

/// `html` with everything between the markers (the markers kept) replaced by `body`.
pub fn with_static_version(html: &str, body: &str) -> Result<String> {
    let start = html.find(START_MARKER).ok_or(
        "no `<!-- static-html` marker (index.html keeps it inside #app; is the HTML minified?)",
    )?;
    let start_end = html[start..]
        .find("-->")
        .map(|offset| start + offset + "-->".len())
        .ok_or("the `<!-- static-html` marker is not closed")?;
    let end = html[start_end..]
        .find(END_MARKER)
        .map(|offset| start_end + offset)
        .ok_or("no `<!-- /static-html -->` marker after `<!-- static-html`")?;
    Ok(format!("{}{body}{}", &html[..start_end], &html[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_static_version_goes_between_the_markers_again_and_again() {
        let html = "<div id=\"app\">\n<!-- static-html: here -->\n<p>loading</p>\n<!-- /static-html -->\n</div>";
        let once = with_static_version(html, "<p>A</p>").unwrap();
        assert_eq!(
            once,
            "<div id=\"app\">\n<!-- static-html: here --><p>A</p><!-- /static-html -->\n</div>"
        );
        let twice = with_static_version(&once, "<p>B</p>").unwrap();
        assert_eq!(twice, once.replace('A', "B"));
    }

    #[test]
    fn missing_markers_are_errors() {
        assert!(with_static_version("<div id=\"app\"></div>", "x").is_err());
        assert!(with_static_version("<!-- static-html -->", "x").is_err());
    }
}
