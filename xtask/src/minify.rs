//! Minified JavaScript in release builds, with terser (npm, in `.tools/`): the wasm-bindgen glue
//! and `boot.js`, both loaded before the timeline is interactive (`size::Stages`).
//!
//! What stays as written, because `single_file.rs` reads it as text when it inlines the build:
//! the glue's leading `import … from "./….js";` lines (one per line: the split's link module is
//! inlined there) and its top-level names (`__wbg_init`, the default export the single file's
//! starter calls, and `initSync`, which the inlined link module calls). Only the local names are
//! mangled. The split's link module is left as it is: its `export const` lines are read one by
//! one, and it is 1.3 KB of brotli.

use std::path::{Path, PathBuf};

use crate::project::{self, command, run};
use crate::Result;

/// The terser `cargo xtask install` puts in `.tools/` (npm `terser`).
pub const TERSER_VERSION: &str = "5.51.4";

/// Where npm puts terser's executable.
pub fn terser_path() -> PathBuf {
    project::npm_bin_dir().join("terser")
}

/// The leading lines of an ES module that import other modules (blank lines among them
/// included), and the rest: `(imports, body)`, with `imports + body == text`.
pub fn split_leading_imports(text: &str) -> (&str, &str) {
    let mut end = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        // wasm-bindgen writes them without a semicolon.
        let is_import = trimmed.starts_with("import ") && trimmed.contains(" from ");
        if !(is_import || trimmed.is_empty()) {
            break;
        }
        end += line.len();
    }
    text.split_at(end)
}

/// Minifies the ES module at `path` in place (see the module documentation); `work` is a
/// directory for terser's input and output.
pub fn minify_module(path: &Path, work: &Path) -> Result<()> {
    let text = read(path)?;
    let (imports, body) = split_leading_imports(&text);
    let minified = terser(body, work, &["--compress", "--mangle"])?;
    write(path, &format!("{imports}{minified}\n"))
}

/// Minifies the classic script at `path` in place (`boot.js`: one function expression, so every
/// name it declares is local).
pub fn minify_script(path: &Path, work: &Path) -> Result<()> {
    let text = read(path)?;
    let minified = terser(&text, work, &["--compress", "--mangle"])?;
    write(path, &format!("{minified}\n"))
}

fn terser(code: &str, work: &Path, options: &[&str]) -> Result<String> {
    std::fs::create_dir_all(work)
        .map_err(|err| format!("could not create {}: {err}", work.display()))?;
    let input = work.join("terser-in.js");
    let output = work.join("terser-out.js");
    write(&input, code)?;
    run(command(terser_path())
        .arg(&input)
        .args(options)
        .arg("--output")
        .arg(&output))?;
    let minified = read(&output)?;
    if minified.trim().is_empty() && !code.trim().is_empty() {
        return Err(format!("terser wrote nothing for {}", input.display()));
    }
    Ok(minified.trim_end().to_string())
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|err| format!("could not read {}: {err}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).map_err(|err| format!("could not write {}: {err}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_leading_import_lines_are_kept_apart_from_the_body() {
        let glue = "import * as import1 from \"./app-split.js\";\n\
                    import * as import2 from \"./app-split.js\"\n\
                    \n\
                    export class Source {}\n\
                    import.meta.url;\n";
        let (imports, body) = split_leading_imports(glue);
        assert_eq!(
            imports,
            "import * as import1 from \"./app-split.js\";\n\
             import * as import2 from \"./app-split.js\"\n\n"
        );
        assert_eq!(body, "export class Source {}\nimport.meta.url;\n");
        // A module without imports is all body; an `import(…)` call is not an import line.
        assert_eq!(split_leading_imports("let a = 1;\n"), ("", "let a = 1;\n"));
        assert_eq!(
            split_leading_imports("import(\"./x.js\").then(f)\n"),
            ("", "import(\"./x.js\").then(f)\n")
        );
    }
}
