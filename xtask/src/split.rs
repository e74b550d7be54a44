//! `cargo xtask split-wasm [DIR] [--release|--debug]`: splits the app's wasm at its `#[lazy]`
//! functions into a first module and chunks loaded on first use, in a built page.
//!
//! Trunk 0.21 cannot split a wasm by itself (trunk#1022), so this runs as its first post-build
//! hook (Trunk.toml), on the staging copy of the build (`TRUNK_STAGING_DIR`): `trunk build`,
//! `trunk serve` and every xtask that builds get it. It reads the wasm cargo linked (with its
//! relocations: `.cargo/config.toml` passes `--emit-relocs` to the linker), then
//!
//! 1. splits it with `wasm_split_cli_support` (the crate matching the `wasm_split_helpers` that
//!    Leptos' `#[lazy]` expands to): a main module, one wasm per split point and chunks of code
//!    shared by several, and the link module (`…-split.js`) that loads them;
//! 2. runs wasm-bindgen on the main module again, with `--keep-lld-exports` (the chunks import
//!    the main module's table, memory and stack pointer through those exports);
//! 3. in release builds, runs `wasm-opt -Oz` on the main module and on every chunk (index.html
//!    turns Trunk's own wasm-opt off: it would optimise a module that is then thrown away);
//! 4. replaces Trunk's glue and wasm in the page by these, under names that carry a hash of the
//!    linked wasm, and checks that no JavaScript file of the build still imports
//!    `__wasm_split_placeholder__` (what a `#[lazy]` build that skipped the split imports: it
//!    builds, then fails at load);
//! 5. in release builds, minifies the glue and `boot.js` (xtask/src/minify.rs).
//!
//! A wasm without split points is only optimised.

use std::path::{Path, PathBuf};

use crate::project::{self, command, run};
use crate::Result;

/// The module a `#[lazy]` function imports its loader from until the split replaces it.
pub const PLACEHOLDER_MODULE: &str = "__wasm_split_placeholder__";

/// The Cargo binary Trunk builds (index.html `data-bin`).
const BIN_NAME: &str = "ai-race";

pub fn split_wasm(args: &[String]) -> Result<()> {
    let mut dir = None;
    let mut release = match std::env::var("TRUNK_PROFILE") {
        Ok(profile) => profile == "release",
        Err(_) => true,
    };
    for arg in args {
        match arg.as_str() {
            "--release" => release = true,
            "--debug" => release = false,
            flag if flag.starts_with("--") => {
                return Err(format!("split-wasm: unknown option {flag}"))
            }
            path if dir.is_none() => dir = Some(PathBuf::from(path)),
            _ => {
                return Err(format!(
                    "split-wasm takes at most one directory, got {args:?}"
                ))
            }
        }
    }
    let dir = dir.unwrap_or_else(|| match std::env::var_os("TRUNK_STAGING_DIR") {
        Some(staging_dir) => PathBuf::from(staging_dir),
        None => project::dist_dir(),
    });
    let profile = if release { "release" } else { "debug" };
    let linked = project::target_dir()
        .join("wasm32-unknown-unknown")
        .join(profile)
        .join(format!("{BIN_NAME}.wasm"));
    let summary = split_build(&dir, &linked, release)?;
    println!("split-wasm: {summary}");
    Ok(())
}

/// Splits the wasm `linked` into the built page in `dir`; returns one line saying what it did.
pub fn split_build(dir: &Path, linked: &Path, release: bool) -> Result<String> {
    let html_path = dir.join("index.html");
    let html = read_text(&html_path)?;
    let loader = Loader::find(&html)?;
    let input = std::fs::read(linked)
        .map_err(|err| format!("could not read {}: {err}", linked.display()))?;
    if !imports_module(&input, PLACEHOLDER_MODULE) {
        // Nothing to split: only the wasm-opt Trunk was told not to run.
        check_no_placeholder(dir)?;
        if release {
            let wasm = dir.join(loader.wasm.trim_start_matches("./"));
            run(command("wasm-opt")
                .arg("-Oz")
                .arg(&wasm)
                .arg("-o")
                .arg(&wasm))?;
            let html = rewrite_links(&html, &loader, |tag| without_attribute(tag, "integrity"))?;
            write(&html_path, html.as_bytes())?;
            let work = project::target_dir().join("wasm-split").join("release");
            minify_first_load(dir, loader.glue.trim_start_matches("./"), &work)?;
        }
        return Ok(format!(
            "{} has no split points: not split",
            linked.display()
        ));
    }
    if !has_custom_section(&input, "reloc.CODE") {
        return Err(format!(
            "{} has split points but no relocations: the wasm must be linked with \
             `-Clink-args=--emit-relocs` (.cargo/config.toml sets it for wasm32; is RUSTFLAGS \
             overriding it?)",
            linked.display()
        ));
    }

    let stem = format!("{BIN_NAME}-{:016x}", fnv1a(&input));
    let work =
        project::target_dir()
            .join("wasm-split")
            .join(if release { "release" } else { "debug" });
    if work.exists() {
        std::fs::remove_dir_all(&work)
            .map_err(|err| format!("could not empty {}: {err}", work.display()))?;
    }
    let bindgen_dir = work.join("bindgen");
    std::fs::create_dir_all(&bindgen_dir)
        .map_err(|err| format!("could not create {}: {err}", bindgen_dir.display()))?;

    // 1. The split.
    let link_name = format!("./{stem}-split.js");
    let main_module = format!("./{stem}.js");
    let main_path = work.join("main.wasm");
    let split = {
        let mut options = wasm_split_cli_support::Options::new(&input);
        options.output_dir = &work;
        options.main_out_path = &main_path;
        options.link_name = &link_name;
        options.main_module = &main_module;
        options.target.web();
        wasm_split_cli_support::transform(options)
            .map_err(|err| format!("wasm-split failed on {}: {err:?}", linked.display()))?
    };
    drop(input);

    // 2. wasm-bindgen on the main module, keeping the exports the chunks import.
    run(command("wasm-bindgen")
        .arg("--target=web")
        .arg("--keep-lld-exports")
        .arg("--no-typescript")
        .arg(format!("--out-dir={}", bindgen_dir.display()))
        .arg(format!("--out-name={stem}"))
        .arg(&main_path))?;
    let glue_name = format!("{stem}.js");
    let wasm_name = format!("{stem}_bg.wasm");

    // The chunks, renamed after the build, and the link module naming them.
    let link_path = work.join(link_name.trim_start_matches("./"));
    let mut link_js = read_text(&link_path)?;
    let mut chunks = Vec::new();
    for chunk in &split.split_modules {
        let file_name = chunk
            .file_name()
            .and_then(|name| name.to_str())
            .ok_or_else(|| format!("wasm-split wrote an odd file name: {}", chunk.display()))?;
        let renamed = format!("{stem}-{file_name}");
        let reference = format!("\"./{file_name}\"");
        if !link_js.contains(&reference) {
            return Err(format!(
                "the link module {} does not name the chunk {file_name}",
                link_path.display()
            ));
        }
        link_js = link_js.replace(&reference, &format!("\"./{renamed}\""));
        chunks.push((chunk.clone(), renamed));
    }

    // 3. wasm-opt, in release builds.
    let mut optimised = vec![bindgen_dir.join(&wasm_name)];
    optimised.extend(chunks.iter().map(|(path, _)| path.clone()));
    if release {
        for wasm in &optimised {
            run(command("wasm-opt").arg("-Oz").arg(wasm).arg("-o").arg(wasm))?;
        }
    }

    // 4. Into the page.
    for old in [&loader.glue, &loader.wasm] {
        let old_path = dir.join(old.trim_start_matches("./"));
        if old_path.is_file() {
            std::fs::remove_file(&old_path)
                .map_err(|err| format!("could not remove {}: {err}", old_path.display()))?;
        }
    }
    copy(&bindgen_dir.join(&glue_name), &dir.join(&glue_name))?;
    copy(&bindgen_dir.join(&wasm_name), &dir.join(&wasm_name))?;
    if release {
        minify_first_load(dir, &glue_name, &work)?;
    }
    let snippets = bindgen_dir.join("snippets");
    if snippets.exists() {
        return Err(
            "wasm-bindgen wrote snippets/ (inline_js): copy them in xtask/src/split.rs".into(),
        );
    }
    write(
        &dir.join(link_name.trim_start_matches("./")),
        link_js.as_bytes(),
    )?;
    for (path, renamed) in &chunks {
        copy(path, &dir.join(renamed))?;
    }
    let html = rewrite_page(&html, &loader, &glue_name, &wasm_name, &link_name)?;
    write(&html_path, html.as_bytes())?;
    check_no_placeholder(dir)?;

    let chunk_names: Vec<&str> = chunks.iter().map(|(_, name)| name.as_str()).collect();
    Ok(format!(
        "{wasm_name} and {} chunk(s): {}",
        chunk_names.len(),
        chunk_names.join(", ")
    ))
}

/// Step 5, in release builds: the JavaScript read before the timeline is interactive, minified
/// in place: the glue and `boot.js` (xtask/src/minify.rs says what stays as written).
fn minify_first_load(dir: &Path, glue_name: &str, work: &Path) -> Result<()> {
    crate::minify::minify_module(&dir.join(glue_name), work)?;
    let boot = dir.join("boot.js");
    if boot.is_file() {
        crate::minify::minify_script(&boot, work)?;
    }
    Ok(())
}

/// The loader tag Trunk writes (Trunk.toml `pattern_script`): the glue and the wasm it names.
#[derive(Debug, PartialEq, Eq)]
struct Loader {
    glue: String,
    wasm: String,
}

impl Loader {
    fn find(html: &str) -> Result<Loader> {
        let attribute = |name: &str| -> Result<String> {
            let key = format!("{name}=\"");
            let start = html.find(&key).ok_or_else(|| {
                format!(
                    "index.html has no {name}=\"…\" (the loader tag of Trunk.toml pattern_script)"
                )
            })? + key.len();
            let end = html[start..]
                .find('"')
                .ok_or_else(|| format!("index.html: {name}=\"… is not closed"))?;
            Ok(html[start..start + end].to_string())
        };
        Ok(Loader {
            glue: attribute("data-js")?,
            wasm: attribute("data-wasm")?,
        })
    }
}

/// The page with Trunk's glue and wasm replaced by the split build's, their preloads without
/// the integrity hashes of the replaced files, and a preload of the link module.
fn rewrite_page(
    html: &str,
    loader: &Loader,
    glue_name: &str,
    wasm_name: &str,
    link_name: &str,
) -> Result<String> {
    let old_glue = loader.glue.trim_start_matches("./");
    let old_wasm = loader.wasm.trim_start_matches("./");
    let out = rewrite_links(html, loader, |tag| {
        let tag = without_attribute(tag, "integrity")
            .replace(old_glue, glue_name)
            .replace(old_wasm, wasm_name);
        if tag.contains("modulepreload") {
            // The link module is imported by the glue: fetched with it, not after it.
            format!(
                "{tag}<link rel=\"modulepreload\" href=\"{link_name}\" crossorigin=\"anonymous\">"
            )
        } else {
            tag
        }
    })?
    .replace(
        &format!("data-js=\"{}\"", loader.glue),
        &format!("data-js=\"./{glue_name}\""),
    )
    .replace(
        &format!("data-wasm=\"{}\"", loader.wasm),
        &format!("data-wasm=\"./{wasm_name}\""),
    );
    if out.contains(old_glue) || out.contains(old_wasm) {
        return Err(format!(
            "index.html still names {old_glue} or {old_wasm} after the split"
        ));
    }
    Ok(out)
}

/// The page with every `<link …>` naming the loader's glue or wasm passed through `edit`.
fn rewrite_links(html: &str, loader: &Loader, edit: impl Fn(&str) -> String) -> Result<String> {
    let old_glue = loader.glue.trim_start_matches("./");
    let old_wasm = loader.wasm.trim_start_matches("./");
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<link") {
        out.push_str(&rest[..start]);
        let end = start
            + rest[start..]
                .find('>')
                .ok_or("index.html: a <link is not closed")?
            + 1;
        let tag = &rest[start..end];
        if tag.contains(old_glue) || tag.contains(old_wasm) {
            out.push_str(&edit(tag));
        } else {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    Ok(out)
}

/// `tag` without ` name="…"`.
fn without_attribute(tag: &str, name: &str) -> String {
    let key = format!(" {name}=\"");
    match tag.find(&key) {
        Some(start) => {
            let value_start = start + key.len();
            match tag[value_start..].find('"') {
                Some(end) => format!("{}{}", &tag[..start], &tag[value_start + end + 1..]),
                None => tag.to_string(),
            }
        }
        None => tag.to_string(),
    }
}

/// Fails if a JavaScript file of the build imports `__wasm_split_placeholder__`: a `#[lazy]`
/// build whose split did not run (it builds, and fails when the page loads).
pub fn check_no_placeholder(dir: &Path) -> Result<()> {
    let mut offenders = Vec::new();
    for file in files_under(dir)? {
        if file.extension().is_some_and(|ext| ext == "js") {
            let text = std::fs::read(&file)
                .map_err(|err| format!("could not read {}: {err}", file.display()))?;
            if text
                .windows(PLACEHOLDER_MODULE.len())
                .any(|window| window == PLACEHOLDER_MODULE.as_bytes())
            {
                offenders.push(file.display().to_string());
            }
        }
    }
    if offenders.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} imports `{PLACEHOLDER_MODULE}`: the wasm has `#[lazy]` split points but was not \
             split (run `cargo xtask split-wasm`, Trunk's first post-build hook); this page \
             would fail at load",
            offenders.join(", ")
        ))
    }
}

fn files_under(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let entries = std::fs::read_dir(&current)
            .map_err(|err| format!("could not list {}: {err}", current.display()))?;
        for entry in entries {
            let path = entry
                .map_err(|err| format!("could not list {}: {err}", current.display()))?
                .path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Whether the wasm module imports anything from `module`.
pub fn imports_module(wasm: &[u8], module: &str) -> bool {
    sections(wasm)
        .filter(|(id, _)| *id == 2)
        .any(|(_, body)| import_modules(body).any(|name| name == module.as_bytes()))
}

/// The module names of an import section's entries, up to the first malformed one.
fn import_modules(body: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut reader = Reader {
        bytes: body,
        pos: 0,
    };
    let count = reader.leb().unwrap_or(0);
    (0..count).map_while(move |_| {
        let module_name = reader.name()?;
        reader.name()?;
        // The import's description: its kind, then its type.
        match reader.byte()? {
            0x00 => reader.leb().map(|_| ())?,
            0x01 => reader.byte().and_then(|_| reader.limits())?,
            0x02 => reader.limits()?,
            0x03 => reader.byte().and_then(|_| reader.byte()).map(|_| ())?,
            0x04 => reader.byte().and_then(|_| reader.leb()).map(|_| ())?,
            _ => return None,
        }
        Some(module_name)
    })
}

/// Whether the wasm module has a custom section called `name`.
pub fn has_custom_section(wasm: &[u8], name: &str) -> bool {
    sections(wasm).any(|(id, body)| {
        id == 0 && {
            let mut reader = Reader {
                bytes: body,
                pos: 0,
            };
            reader.name() == Some(name.as_bytes())
        }
    })
}

/// The sections of a wasm module: id and body. Stops at the first malformed one.
fn sections(wasm: &[u8]) -> impl Iterator<Item = (u8, &[u8])> {
    let mut reader = Reader {
        bytes: wasm,
        pos: if wasm.starts_with(b"\0asm") {
            8
        } else {
            wasm.len()
        },
    };
    std::iter::from_fn(move || {
        let id = reader.byte()?;
        let len = usize::try_from(reader.leb()?).ok()?;
        let body = reader.bytes.get(reader.pos..reader.pos.checked_add(len)?)?;
        reader.pos += len;
        Some((id, body))
    })
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Option<u8> {
        let byte = *self.bytes.get(self.pos)?;
        self.pos += 1;
        Some(byte)
    }

    fn leb(&mut self) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    fn name(&mut self) -> Option<&'a [u8]> {
        let len = usize::try_from(self.leb()?).ok()?;
        let name = self.bytes.get(self.pos..self.pos.checked_add(len)?)?;
        self.pos += len;
        Some(name)
    }

    /// Table or memory limits: a flag, the minimum and, with bit 0 of the flag, the maximum.
    fn limits(&mut self) -> Option<()> {
        let flags = self.byte()?;
        self.leb()?;
        if flags & 1 == 1 {
            self.leb()?;
        }
        Some(())
    }
}

/// FNV-1a, 64 bits: names the split build after the wasm it came from.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|err| format!("could not read {}: {err}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    std::fs::write(path, bytes).map_err(|err| format!("could not write {}: {err}", path.display()))
}

fn copy(from: &Path, to: &Path) -> Result<()> {
    std::fs::copy(from, to).map(|_| ()).map_err(|err| {
        format!(
            "could not copy {} to {}: {err}",
            from.display(),
            to.display()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing one function `f` from `module`, with a custom section `custom`.
    fn module_importing(module: &str, custom: &str) -> Vec<u8> {
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend([1, 4, 1, 0x60, 0, 0]);
        let mut imports = vec![1, module.len() as u8];
        imports.extend(module.as_bytes());
        imports.extend([1, b'f', 0, 0]);
        wasm.push(2);
        wasm.push(imports.len() as u8);
        wasm.extend(imports);
        let mut section = vec![custom.len() as u8];
        section.extend(custom.as_bytes());
        section.extend([1, 2, 3]);
        wasm.push(0);
        wasm.push(section.len() as u8);
        wasm.extend(section);
        wasm
    }

    #[test]
    fn split_points_and_relocations_are_read_from_the_module() {
        let lazy = module_importing(PLACEHOLDER_MODULE, "reloc.CODE");
        assert!(imports_module(&lazy, PLACEHOLDER_MODULE));
        assert!(has_custom_section(&lazy, "reloc.CODE"));
        let plain = module_importing("wbg", "name");
        assert!(!imports_module(&plain, PLACEHOLDER_MODULE));
        assert!(!has_custom_section(&plain, "reloc.CODE"));
        // Truncated or not a module at all: no split points, no panic.
        assert!(!imports_module(&lazy[..lazy.len() / 2], "x"));
        assert!(!imports_module(b"not wasm", PLACEHOLDER_MODULE));
    }

    const TRUNK_PAGE: &str = r#"<head><link rel="stylesheet" href="./style-1.css" integrity="sha384-a"/>
<script src="./boot.js" data-js="./ai-race-1.js" data-wasm="./ai-race-1_bg.wasm"></script>
<link rel="modulepreload" href="./ai-race-1.js" crossorigin="anonymous" integrity="sha384-b"><link rel="preload" href="./ai-race-1_bg.wasm" crossorigin="anonymous" integrity="sha384-c" as="fetch" type="application/wasm"></head>"#;

    #[test]
    fn the_page_loads_the_split_build_and_preloads_its_link_module() {
        let loader = Loader::find(TRUNK_PAGE).unwrap();
        assert_eq!(loader.glue, "./ai-race-1.js");
        assert_eq!(loader.wasm, "./ai-race-1_bg.wasm");
        let page = rewrite_page(
            TRUNK_PAGE,
            &loader,
            "ai-race-2.js",
            "ai-race-2_bg.wasm",
            "./ai-race-2-split.js",
        )
        .unwrap();
        assert!(page.contains(r#"data-js="./ai-race-2.js" data-wasm="./ai-race-2_bg.wasm""#));
        assert!(page.contains(r#"<link rel="modulepreload" href="./ai-race-2.js" crossorigin="anonymous"><link rel="modulepreload" href="./ai-race-2-split.js" crossorigin="anonymous">"#), "{page}");
        assert!(page.contains(r#"<link rel="preload" href="./ai-race-2_bg.wasm" crossorigin="anonymous" as="fetch""#), "{page}");
        // The stylesheet keeps its hash; the replaced files lose theirs.
        assert!(
            page.contains("sha384-a") && !page.contains("sha384-b") && !page.contains("sha384-c")
        );
        assert!(!page.contains("ai-race-1"));
    }

    #[test]
    fn a_page_without_the_loader_tag_is_refused() {
        assert!(Loader::find("<script src=\"./boot.js\"></script>").is_err());
    }

    #[test]
    fn a_build_importing_the_placeholder_fails_the_check() {
        let dir = std::env::temp_dir().join(format!("xtask-split-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("app.js"), "import * as a from './app-split.js';").unwrap();
        std::fs::write(dir.join("notes.txt"), PLACEHOLDER_MODULE).unwrap();
        assert!(check_no_placeholder(&dir).is_ok());
        std::fs::write(
            dir.join("sub/glue.js"),
            format!("import * as s from '{PLACEHOLDER_MODULE}';"),
        )
        .unwrap();
        let error = check_no_placeholder(&dir).unwrap_err();
        assert!(error.contains("glue.js"), "{error}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
