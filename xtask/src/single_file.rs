//! `cargo xtask single-file`: the whole app in one HTML file that works from `file://` (sent by
//! email, opened by double-click, dropped into a CMS): the stylesheet in a `<style>`, the icon as
//! a `data:` address, the wasm-bindgen glue in an inline module, the wasm as base64 in a data
//! block, and the static version and the dataset as in the served build (the dataset is inside
//! the wasm). Nothing is fetched: the glue instantiates the wasm from the inlined bytes, and no
//! module is imported (`import` of a file fails under `file://`). A split wasm's link module is
//! inlined into the glue's module and its chunks are base64 blocks too, handed to it as the
//! responses it would have fetched.
//!
//! It builds the release (`trunk build --release`), then [`inline`]s `dist/`; `cargo xtask test`
//! inlines the release build it has just made.

use std::path::{Path, PathBuf};

use crate::project::{self, run};
use crate::{install, Result};

/// The single file, under the target directory.
pub fn output_path() -> PathBuf {
    project::target_dir()
        .join("single-file")
        .join("ai-race-2025.html")
}

/// `cargo xtask single-file [--dist DIR]`: builds (or, with `--dist`, takes an existing release
/// build), writes the file, and prints its path as the last line.
pub fn single_file(args: &[String]) -> Result<()> {
    let dist_dir = match args {
        [] => {
            install::for_serve()?;
            run(crate::install::trunk_command()?.args(["build", "--release", "--offline"]))?;
            project::dist_dir()
        }
        [flag, dir] if flag == "--dist" => PathBuf::from(dir),
        _ => {
            return Err(format!(
                "usage: cargo xtask single-file [--dist DIR], got {args:?}"
            ))
        }
    };
    let path = write(&dist_dir)?;
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!(
        "single file: {:.1} KiB (open it from the file system, or send it)",
        size as f64 / 1024.0
    );
    println!("{}", path.display());
    Ok(())
}

/// Inlines the release build in `dist_dir` into [`output_path`]; returns that path.
pub fn write(dist_dir: &Path) -> Result<PathBuf> {
    let index_path = dist_dir.join("index.html");
    let index = std::fs::read_to_string(&index_path).map_err(|err| {
        format!(
            "could not read {}: {err} (run the release build first)",
            index_path.display()
        )
    })?;
    let read = |reference: &str| -> Result<Vec<u8>> {
        let relative = reference.trim_start_matches("./");
        if relative.is_empty() || relative.contains("..") || relative.contains(':') {
            return Err(format!("{reference:?} is not a file of the build"));
        }
        let file = dist_dir.join(relative);
        std::fs::read(&file).map_err(|err| format!("could not read {}: {err}", file.display()))
    };
    let html = inline(&index, &read)?;
    let path = output_path();
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|err| format!("could not create {}: {err}", parent.display()))?;
    }
    std::fs::write(&path, html)
        .map_err(|err| format!("could not write {}: {err}", path.display()))?;
    Ok(path)
}

/// Starts the app from the inlined bytes, in the module that holds the glue (`__wbg_init` is the
/// glue's default export). `www/boot.js`, inlined before, has set the page's classes and defines
/// `aiRaceStartFailed`, which shows the static version again.
const STARTER: &str = r#"
// Single file: the wasm is the base64 block at the end of the page.
if (typeof WebAssembly === "object") {
  __wbg_init({ module_or_path: aiRaceBytes(document.querySelector("script[data-ai-race-wasm]")) })
    .catch((error) => window.aiRaceStartFailed(error));
}
"#;

/// The bytes of a base64 block, and the chunks of a split wasm (each in its own block, named
/// `data-ai-race-chunk`) served to the link module as the responses it would have fetched.
const BLOCK_READERS: &str = r#"
function aiRaceBytes(block) {
  const base64 = block.textContent.trim();
  return typeof Uint8Array.fromBase64 === "function"
    ? Uint8Array.fromBase64(base64)
    : Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}
function aiRaceChunk(name) {
  const block = Array.from(document.querySelectorAll("script[data-ai-race-chunk]"))
    .find((candidate) => candidate.getAttribute("data-ai-race-chunk") === name);
  if (!block) {
    return Promise.reject(new Error("no inlined chunk " + name));
  }
  return Promise.resolve(new Response(aiRaceBytes(block), { headers: { "Content-Type": "application/wasm" } }));
}
"#;

/// The glue with the split's link module (`import * as NAME from "./….js"`) inlined before it,
/// inside a function so that its names cannot meet the glue's, and its chunk fetches served
/// from the page; returns the module's code and the chunks' names.
fn inline_link_modules(
    glue: &str,
    read: &dyn Fn(&str) -> Result<Vec<u8>>,
) -> Result<(String, Vec<String>)> {
    let mut out = String::new();
    let mut chunks = Vec::new();
    let mut glue_rest = String::new();
    for line in glue.lines() {
        let Some((binding, module)) = namespace_import(line) else {
            glue_rest.push_str(line);
            glue_rest.push('\n');
            continue;
        };
        let link = text_file(read, &module)?;
        let mut body = String::new();
        let mut exported = Vec::new();
        for link_line in link.lines() {
            let trimmed = link_line.trim_start();
            if trimmed.starts_with("import ") {
                if !trimmed.starts_with("import { initSync } from ") {
                    return Err(format!(
                        "{module} imports something other than the glue's initSync: {trimmed}"
                    ));
                }
                continue;
            }
            let link_line = match trimmed.strip_prefix("export const ") {
                Some(rest) => {
                    let name_end = rest.find([' ', '=']).unwrap_or(rest.len());
                    exported.push(rest[..name_end].to_string());
                    format!("const {rest}")
                }
                None => link_line.to_string(),
            };
            body.push_str(&link_line);
            body.push('\n');
        }
        if body.contains("export ") {
            return Err(format!(
                "{module} exports in a form single_file.rs does not know"
            ));
        }
        // `fetch(new URL("./chunk.wasm", import.meta.url))` → `aiRaceChunk("chunk.wasm")`.
        let mut served = String::new();
        let mut body_rest = body.as_str();
        const FETCH: &str = "fetch(new URL(\"./";
        while let Some(at) = body_rest.find(FETCH) {
            served.push_str(&body_rest[..at]);
            let after = &body_rest[at + FETCH.len()..];
            let name_end = after.find('"').ok_or("a chunk fetch is not closed")?;
            let name = &after[..name_end];
            let call_end = after
                .find("import.meta.url))")
                .ok_or("a chunk fetch has an unknown form")?
                + "import.meta.url))".len();
            served.push_str(&format!("aiRaceChunk(\"{name}\")"));
            chunks.push(name.to_string());
            body_rest = &after[call_end..];
        }
        served.push_str(body_rest);
        if served.contains("import.meta") {
            return Err(format!(
                "{module} refers to import.meta in a form single_file.rs does not know"
            ));
        }
        out.push_str(&format!(
            "const {binding} = (() => {{\n{served}\nreturn {{ {} }};\n}})();\n",
            exported.join(", ")
        ));
    }
    out.push_str(&glue_rest);
    Ok((out, chunks))
}

/// `import * as NAME from "./file.js";` → (NAME, ./file.js).
fn namespace_import(line: &str) -> Option<(String, String)> {
    let rest = line.trim().strip_prefix("import * as ")?;
    let (binding, rest) = rest.split_once(" from ")?;
    let module = rest.trim_end_matches(';').trim().trim_matches(['"', '\'']);
    module
        .starts_with("./")
        .then(|| (binding.trim().to_string(), module.to_string()))
}

/// The single-file page for a built `index.html`; `read` gives the bytes of a file it names.
pub fn inline(index_html: &str, read: &dyn Fn(&str) -> Result<Vec<u8>>) -> Result<String> {
    let mut out = String::with_capacity(index_html.len());
    let mut wasm_base64 = None;
    let mut chunks: Vec<(String, String)> = Vec::new();
    let mut rest = index_html;
    while let Some(tag_start) = rest.find('<') {
        out.push_str(&rest[..tag_start]);
        rest = &rest[tag_start..];
        let Some(tag) = Tag::parse(rest) else {
            out.push('<');
            rest = &rest[1..];
            continue;
        };
        let after_tag = &rest[tag.len..];
        match (tag.name.as_str(), tag.attr("rel")) {
            ("link", Some("stylesheet")) => {
                let css = text_file(read, tag.required("href")?)?;
                if css.contains("url(") && !css.contains("url(data:") {
                    return Err("the stylesheet refers to another file (url(…)); inline it".into());
                }
                out.push_str("<style>");
                out.push_str(&css.replace("</style", "<\\/style"));
                out.push_str("</style>");
            }
            ("link", Some("icon")) => {
                let href = tag.required("href")?;
                let mime = if href.ends_with(".svg") {
                    "image/svg+xml"
                } else {
                    "image/png"
                };
                out.push_str(&format!(
                    "<link rel=\"icon\" href=\"data:{mime};base64,{}\">",
                    base64(&read(href)?)
                ));
            }
            // The build's preloads: nothing is fetched here.
            ("link", Some("modulepreload" | "preload")) => {}
            ("script", _) if tag.attr("data-js").is_some() => {
                let boot = text_file(read, tag.required("src")?)?;
                let glue = text_file(read, tag.required("data-js")?)?;
                if !glue.contains("__wbg_init as default") {
                    return Err("the wasm-bindgen glue has no `__wbg_init` default export; \
                                update STARTER in xtask/src/single_file.rs"
                        .into());
                }
                wasm_base64 = Some(base64(&read(tag.required("data-wasm")?)?));
                let (module, chunk_names) = inline_link_modules(&glue, read)?;
                for name in chunk_names {
                    chunks.push((name.clone(), base64(&read(&format!("./{name}"))?)));
                }
                out.push_str(&format!(
                    "<script>{}</script><script type=\"module\">{}{}{}</script>",
                    escape_script(&boot),
                    BLOCK_READERS,
                    escape_script(&module),
                    STARTER
                ));
                // Skip the tag's `</script>`.
                let Some(close) = after_tag.find("</script>") else {
                    return Err("the loader's <script> is not closed".into());
                };
                rest = &after_tag[close + "</script>".len()..];
                continue;
            }
            _ => out.push_str(&rest[..tag.len]),
        }
        rest = after_tag;
    }
    out.push_str(rest);

    let wasm_base64 = wasm_base64.ok_or(
        "no loader <script data-js data-wasm> in index.html (Trunk.toml pattern_script); \
         is this a release build of this project?",
    )?;
    let mut block = String::new();
    for (name, chunk_base64) in &chunks {
        block.push_str(&format!(
            "<script type=\"application/octet-stream\" data-ai-race-chunk=\"{name}\">{chunk_base64}</script>\n"
        ));
    }
    block.push_str(&format!(
        "<script type=\"application/octet-stream\" data-ai-race-wasm>{wasm_base64}</script>\n</body>"
    ));
    if !out.contains("</body>") {
        return Err("index.html has no </body>".into());
    }
    let out = out.replacen("</body>", &block, 1);
    if let Some(reference) = local_reference(&out) {
        return Err(format!(
            "the single file still refers to {reference:?}; inline it in xtask/src/single_file.rs"
        ));
    }
    Ok(out)
}

fn text_file(read: &dyn Fn(&str) -> Result<Vec<u8>>, reference: &str) -> Result<String> {
    String::from_utf8(read(reference)?).map_err(|_| format!("{reference} is not UTF-8"))
}

/// A script's text, safe inside `<script>…</script>`.
fn escape_script(code: &str) -> String {
    code.replace("</script", "<\\/script")
}

/// The first `src="…"` or `href="…"` that names a file of the build (not a `data:` address, not
/// a link to a web page or an in-page anchor).
fn local_reference(html: &str) -> Option<String> {
    for attribute in [" src=\"", " href=\""] {
        for (at, _) in html.match_indices(attribute) {
            let value = &html[at + attribute.len()..];
            let value = &value[..value.find('"').unwrap_or(value.len())];
            let is_external = ["data:", "http:", "https:", "mailto:", "#"]
                .iter()
                .any(|prefix| value.starts_with(prefix));
            if !is_external {
                return Some(value.to_string());
            }
        }
    }
    None
}

/// One start tag: its name, attributes and length in bytes.
struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
    len: usize,
}

impl Tag {
    /// Parses the start tag at the beginning of `html`; `None` for anything else (text, end
    /// tags, comments, doctype).
    fn parse(html: &str) -> Option<Tag> {
        let bytes = html.as_bytes();
        if bytes.first() != Some(&b'<') || !bytes.get(1)?.is_ascii_alphabetic() {
            return None;
        }
        let mut pos = 1;
        let name_end =
            pos + html[pos..].find(|c: char| c.is_whitespace() || c == '>' || c == '/')?;
        let name = html[pos..name_end].to_ascii_lowercase();
        pos = name_end;
        let mut attrs = Vec::new();
        loop {
            while pos < bytes.len() && (bytes[pos].is_ascii_whitespace() || bytes[pos] == b'/') {
                pos += 1;
            }
            match bytes.get(pos)? {
                b'>' => {
                    return Some(Tag {
                        name,
                        attrs,
                        len: pos + 1,
                    })
                }
                _ => {
                    let attr_end = pos
                        + html[pos..].find(|c: char| {
                            c.is_whitespace() || c == '=' || c == '>' || c == '/'
                        })?;
                    let attr_name = html[pos..attr_end].to_ascii_lowercase();
                    pos = attr_end;
                    let mut value = String::new();
                    if bytes.get(pos) == Some(&b'=') {
                        pos += 1;
                        match bytes.get(pos)? {
                            quote @ (b'"' | b'\'') => {
                                let close = pos + 1 + html[pos + 1..].find(char::from(*quote))?;
                                value = html[pos + 1..close].to_string();
                                pos = close + 1;
                            }
                            _ => {
                                let end = pos
                                    + html[pos..]
                                        .find(|c: char| c.is_whitespace() || c == '>')
                                        .unwrap_or(html.len() - pos);
                                value = html[pos..end].to_string();
                                pos = end;
                            }
                        }
                    }
                    attrs.push((attr_name, value));
                }
            }
        }
    }

    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(attr_name, _)| attr_name == name)
            .map(|(_, value)| value.as_str())
    }

    fn required(&self, name: &str) -> Result<&str> {
        self.attr(name)
            .ok_or_else(|| format!("<{} …> has no {name} attribute", self.name))
    }
}

/// Standard base64 with padding (the `base64` crate, already in the tree).
fn base64(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_alphabet_and_padding() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(&[0xff, 0xfe, 0x00]), "//4A");
    }

    const BUILT: &str = r##"<!DOCTYPE html>
<html lang="fr">
  <head>
    <link rel="stylesheet" href="./style-1.css" integrity="sha384-x"/>
    <link rel="icon" href="./favicon-1.svg" integrity="sha384-y"/>
    <script src="./boot.js" data-js="./app-1.js" data-wasm="./app-1_bg.wasm"></script>
  <link rel="modulepreload" href="./app-1.js" crossorigin="anonymous" integrity="sha384-z"><link rel="preload" href="./app-1_bg.wasm" crossorigin="anonymous" integrity="sha384-w" as="fetch" type="application/wasm"></head>
  <body>
    <div id="app"><a href="#x">x</a> 1 < 2</div>
  </body>
</html>"##;

    fn files(reference: &str) -> Result<Vec<u8>> {
        Ok(match reference {
            "./style-1.css" => b"body { color: red } /* </style> */".to_vec(),
            "./favicon-1.svg" => b"<svg/>".to_vec(),
            "./boot.js" => b"window.boot = 1;".to_vec(),
            "./app-1.js" => {
                b"const s = '</script>';\nexport { initSync, __wbg_init as default };".to_vec()
            }
            "./app-1_bg.wasm" => b"\0asm".to_vec(),
            other => return Err(format!("unexpected read of {other}")),
        })
    }

    #[test]
    fn everything_the_page_loads_is_inlined_and_nothing_else_changes() {
        let html = inline(BUILT, &files).unwrap();
        assert!(html.contains("<style>body { color: red } /* <\\/style> */</style>"));
        assert!(html.contains("<link rel=\"icon\" href=\"data:image/svg+xml;base64,PHN2Zy8+\">"));
        assert!(html.contains("<script>window.boot = 1;</script><script type=\"module\">"));
        assert!(html.contains("const s = '<\\/script>';"));
        assert!(html.contains("__wbg_init({ module_or_path: aiRaceBytes("));
        assert!(html.contains(
            "<script type=\"application/octet-stream\" data-ai-race-wasm>AGFzbQ==</script>\n</body>"
        ));
        assert!(!html.contains("preload"));
        assert!(!html.contains("./"));
        assert!(html.contains("<div id=\"app\"><a href=\"#x\">x</a> 1 < 2</div>"));
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    }

    fn split_files(reference: &str) -> Result<Vec<u8>> {
        Ok(match reference {
            "./app-1.js" => b"import * as import1 from \"./app-1-split.js\"\nfunction initSync() {}\nexport { initSync, __wbg_init as default };".to_vec(),
            "./app-1-split.js" => b"import { initSync } from \"./app-1.js\";\nfunction makeLoad(f) { return f; }\nexport const __wasm_split_load_charts = makeLoad(() => {\n    const src = fetch(new URL(\"./app-1-split_charts.wasm\", import.meta.url));\n});\n".to_vec(),
            "./app-1-split_charts.wasm" => b"\0asm\x01".to_vec(),
            other => files(other)?,
        })
    }

    #[test]
    fn a_split_wasm_has_its_link_module_and_chunks_inlined() {
        let html = inline(BUILT, &split_files).unwrap();
        assert!(
            !html.contains("import * as") && !html.contains("import {"),
            "{html}"
        );
        assert!(html.contains("const import1 = (() => {"), "{html}");
        assert!(
            html.contains("return { __wasm_split_load_charts };"),
            "{html}"
        );
        assert!(
            html.contains("const src = aiRaceChunk(\"app-1-split_charts.wasm\");"),
            "{html}"
        );
        assert!(html.contains(
            "<script type=\"application/octet-stream\" data-ai-race-chunk=\"app-1-split_charts.wasm\">AGFzbQE=</script>"
        ));
        assert!(!html.contains("import.meta") && !html.contains("./"));
    }

    #[test]
    fn a_page_without_the_loader_or_with_other_files_is_refused() {
        let no_loader = BUILT.replace(" data-js=\"./app-1.js\"", "");
        assert!(inline(&no_loader, &files).is_err());
        let image = BUILT.replace("1 < 2", "<img src=\"./photo.png\">");
        let err = inline(&image, &files).unwrap_err();
        assert!(err.contains("./photo.png"), "{err}");
    }
}
