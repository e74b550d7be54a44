//! The bundled dataset, validated at build time (wasm32 builds only).
//!
//! This script compiles the app's own `data` module (`src/data`, which names
//! no other module of the crate and imports neither Leptos nor `web_sys`), parses and validates
//! `www/data/ai-race-2025.json` with it and, when the file has no problem,
//! writes the resulting `Dataset` as a snapshot (`data::snapshot`; the
//! details the timeline never shows in a second one, for the wasm chunks) into
//! `OUT_DIR` and sets `cfg(bundled_snapshot)`: the app then decodes those
//! bytes instead of shipping serde_json and the validation in its first
//! wasm module. With problems, it warns and the app parses the JSON at run
//! time as before (`cargo xtask validate www/data/ai-race-2025.json` lists
//! them).

// `data` is the lowest layer: it names no other module of the crate (not even
// `i18n`: `Lang` is `data`'s). (Clippy spares the public API of the library from
// `wrong_self_convention`; here the module is private.)
#[allow(dead_code, unused_imports, clippy::wrong_self_convention)]
#[path = "src/data/mod.rs"]
mod data;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(bundled_snapshot)");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/data");
    println!("cargo::rerun-if-changed=www/data/ai-race-2025.json");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() != Ok("wasm32") {
        return;
    }
    let (dataset, problems) = data::parse(data::BUNDLED_JSON);
    if let Some(problem) = problems.first() {
        println!(
            "cargo::warning=www/data/ai-race-2025.json has {} problem(s), the first at {:?}: \
             the app will parse and validate it at run time (a heavier first wasm module)",
            problems.len(),
            problem.place()
        );
        return;
    }
    let out_dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    // What the timeline never shows (summaries, sources, figures…) apart: only views
    // in wasm chunks show them (`data::with_bundled_details`).
    let (frame, details) = data::snapshot::detach_details(&dataset);
    for (name, bytes) in [
        ("bundled.snapshot", data::snapshot::encode(&frame)),
        ("bundled.details", data::snapshot::encode_details(&details)),
    ] {
        let path = std::path::Path::new(&out_dir).join(name);
        std::fs::write(&path, bytes)
            .unwrap_or_else(|err| panic!("could not write {}: {err}", path.display()));
    }
    println!("cargo::rustc-cfg=bundled_snapshot");
}
