//! No interface text is hard-coded in a component: every word a reader sees or hears comes
//! from `i18n` (`Strings` in French and English). This reads the components' source and looks
//! at the string literals inside `view!` macros: text children and the attributes a reader
//! perceives (`aria-label`, `title`, `alt`, `placeholder`…) must not hold words.
//!
//! A "word" is two letters or more with a lower-case one among them, so symbols ("×", "−"),
//! numbers ("2025") and acronyms that read the same in every language ("PNG", "CSV") pass.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

/// Attributes whose value a reader sees or a screen reader says.
const PERCEIVED_ATTRIBUTES: &[&str] = &[
    "aria-label",
    "aria-description",
    "aria-roledescription",
    "aria-valuetext",
    "aria-placeholder",
    "title",
    "alt",
    "placeholder",
    "label",
];

/// One hard-coded text: where, and what.
#[derive(Debug, PartialEq, Eq)]
struct Finding {
    line: usize,
    text: String,
}

/// The byte ranges of the bodies of every `view!` macro in `source` (outermost only).
fn view_bodies(source: &str) -> Vec<(usize, usize)> {
    let bytes = source.as_bytes();
    let mut bodies = Vec::new();
    let mut search_from = 0;
    while let Some(found) = source[search_from..].find("view!") {
        let start = search_from + found + "view!".len();
        let Some(open) = source[start..].find(['{', '(', '[']) else {
            break;
        };
        let open = start + open;
        let mut depth = 0usize;
        let mut idx = open;
        let mut end = source.len();
        while idx < bytes.len() {
            match bytes[idx] {
                b'"' => idx = skip_string(bytes, idx),
                b'{' | b'(' | b'[' => depth += 1,
                b'}' | b')' | b']' => {
                    depth -= 1;
                    if depth == 0 {
                        end = idx;
                        break;
                    }
                }
                _ => {}
            }
            idx += 1;
        }
        bodies.push((open + 1, end));
        search_from = end.max(start);
    }
    bodies
}

/// The index of the closing quote of the string literal opening at `open`.
fn skip_string(bytes: &[u8], open: usize) -> usize {
    let mut idx = open + 1;
    while idx < bytes.len() {
        match bytes[idx] {
            b'\\' => idx += 2,
            b'"' => return idx,
            _ => idx += 1,
        }
    }
    bytes.len()
}

/// Does `text` hold a word (see the module doc)?
fn has_word(text: &str) -> bool {
    let mut run = String::new();
    for c in text.chars().chain([' ']) {
        if c.is_alphabetic() {
            run.push(c);
            continue;
        }
        if run.chars().count() >= 2 && run.chars().any(char::is_lowercase) {
            return true;
        }
        run.clear();
    }
    false
}

/// The hard-coded texts in the `view!` macros of `source`.
fn hard_coded_texts(source: &str) -> Vec<Finding> {
    let bytes = source.as_bytes();
    let mut findings = Vec::new();
    for (body_start, body_end) in view_bodies(source) {
        let mut idx = body_start;
        while idx < body_end {
            if bytes[idx] != b'"' {
                idx += 1;
                continue;
            }
            let close = skip_string(bytes, idx);
            let literal = &source[idx + 1..close.min(source.len())];
            let before = source[body_start..idx].trim_end();
            let after = source[close + 1..body_end].trim_start();
            // `<b>{"text"}</b>` is a text child too; `if x { "a" } else { "b" }` in an
            // attribute is not.
            let in_braces = before.strip_suffix('{').is_some_and(|head| {
                let head = head.trim_end();
                head.ends_with('>') || head.ends_with('"') || head.ends_with('}')
            }) && after.starts_with('}');
            let is_text_child = before.ends_with('>') || before.ends_with('"') || in_braces;
            let attribute = before.strip_suffix('=').map(|head| {
                head.rsplit(|c: char| c.is_whitespace() || c == '<')
                    .next()
                    .unwrap_or("")
            });
            let is_perceived_attribute =
                attribute.is_some_and(|name| PERCEIVED_ATTRIBUTES.contains(&name));
            if (is_text_child || is_perceived_attribute) && has_word(literal) {
                findings.push(Finding {
                    line: source[..idx].lines().count().max(1),
                    text: literal.to_string(),
                });
            }
            idx = close + 1;
        }
    }
    findings
}

#[test]
fn no_component_hard_codes_interface_text() {
    let components = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/components");
    let mut report = Vec::new();
    let mut n_files = 0;
    for entry in std::fs::read_dir(&components).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("rs") {
            continue;
        }
        n_files += 1;
        let source = std::fs::read_to_string(&path).unwrap();
        for finding in hard_coded_texts(&source) {
            report.push(format!(
                "{}:{}: {:?}",
                path.file_name().unwrap().to_string_lossy(),
                finding.line,
                finding.text
            ));
        }
    }
    assert!(
        n_files > 5,
        "read the components in {}",
        components.display()
    );
    assert!(
        report.is_empty(),
        "interface text belongs in src/i18n (fr.rs and en.rs), not in components:\n{}",
        report.join("\n")
    );
}

#[test]
fn the_scanner_finds_words_in_text_and_perceived_attributes_only() {
    let source = r#"
fn a() -> impl IntoView {
    let css = "not in a view";
    view! {
        <p class="kicker" data-testid="some-words">"2025"</p>
        <button aria-label="Close the panel" title=move || strings().x>"×"</button>
        <span>"Hard-coded words"</span>
        <b>{"also words"}</b>
        <i data-severity=if bad { "error" } else { "warning" }>{format!("{}px", 3)}</i>
        <abbr>"PNG"</abbr> " " <em>"− +"</em>
        {move || if yes { view! { <q>"nested words"</q> } } else { () }}
    }
}
"#;
    let texts: Vec<String> = hard_coded_texts(source)
        .into_iter()
        .map(|finding| finding.text)
        .collect();
    assert_eq!(
        texts,
        [
            "Close the panel",
            "Hard-coded words",
            "also words",
            "nested words"
        ]
    );
}

#[test]
fn words_need_two_letters_and_a_lower_case_one() {
    assert!(has_word("Voir les données"));
    assert!(has_word("ok"));
    assert!(!has_word("PNG"));
    assert!(!has_word("2025"));
    assert!(!has_word("× — · →"));
    assert!(!has_word("a"));
}
