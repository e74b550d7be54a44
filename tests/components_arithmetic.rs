//! Components do no arithmetic (ARCHITECTURE.md, `src/components`): every number a component
//! shows or passes on is computed in `scale`, `state`, `charts` or `present`, where host tests
//! cover it. This reads the components' source as text and reports every arithmetic operator
//! (`+ - * / %` and their `op=` forms, used on two operands) and every call of an arithmetic
//! method (`abs`, `min`, `max`, `round`, `clamp`, `saturating_sub`…), outside comments, strings
//! and char literals.
//!
//! What is not arithmetic and passes: a unary minus or a deref (`-1.0`, `*slot`), `->`, trait
//! bounds (`impl Fn() + 'static`, `T: Clone + Send`), `use x::*`, and inside `view!` markup the
//! hyphen of a name (`aria-label`, `data-testid`) and the slash of a tag (`</p>`, `<br/>`).
//! Integer arithmetic counts as well: an index bound (`i + 1 < len`) is a rule for `state`.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

/// Methods and functions (`.name(` or `::name(`) that compute with numbers.
const ARITHMETIC_METHODS: &[&str] = &[
    "abs",
    "min",
    "max",
    "clamp",
    "round",
    "floor",
    "ceil",
    "trunc",
    "fract",
    "sqrt",
    "powi",
    "powf",
    "exp",
    "ln",
    "log10",
    "mul_add",
    "rem_euclid",
    "div_euclid",
    "abs_diff",
    "signum",
    "sum",
    "product",
    "hypot",
];

/// Prefixes of integer methods that compute (`saturating_sub`, `checked_add`…).
const ARITHMETIC_PREFIXES: &[&str] = &["saturating_", "checked_", "wrapping_", "overflowing_"];

/// Keywords after which `*`, `-` or `&` are unary (`&mut *slot`, `return -1`).
const KEYWORDS: &[&str] = &[
    "as", "break", "else", "if", "in", "let", "match", "move", "mut", "return", "where", "while",
    "yield", "ref", "dyn", "impl",
];

/// One line of a component that computes.
#[derive(Debug, PartialEq, Eq)]
struct Finding {
    line: usize,
    what: String,
}

/// `source` with comments, string literals and char literals blanked out (line breaks kept, so
/// that byte offsets and line numbers stay those of the file).
fn code_only(source: &str) -> Vec<u8> {
    let bytes = source.as_bytes();
    let mut out = bytes.to_vec();
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for byte in &mut out[from..to.min(bytes.len())] {
            if *byte != b'\n' {
                *byte = b' ';
            }
        }
    };
    let mut idx = 0;
    while idx < bytes.len() {
        let rest = &bytes[idx..];
        if rest.starts_with(b"//") {
            let end = rest
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |p| idx + p);
            blank(&mut out, idx, end);
            idx = end;
        } else if rest.starts_with(b"/*") {
            let mut depth = 0usize;
            let mut end = idx;
            while end < bytes.len() {
                if bytes[end..].starts_with(b"/*") {
                    depth += 1;
                    end += 2;
                } else if bytes[end..].starts_with(b"*/") {
                    depth -= 1;
                    end += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    end += 1;
                }
            }
            blank(&mut out, idx, end);
            idx = end;
        } else if let Some(end) = raw_string_end(bytes, idx) {
            blank(&mut out, idx, end);
            idx = end;
        } else if bytes[idx] == b'"' {
            let mut end = idx + 1;
            while end < bytes.len() && bytes[end] != b'"' {
                end += if bytes[end] == b'\\' { 2 } else { 1 };
            }
            blank(&mut out, idx, end + 1);
            idx = end + 1;
        } else if bytes[idx] == b'\'' {
            // A char literal ('a', '\n', '\u{2212}', '−'), or a lifetime ('static), kept.
            let close = if rest.get(1) == Some(&b'\\') {
                rest.iter().skip(2).position(|&b| b == b'\'').map(|p| p + 2)
            } else {
                // `idx + 1` is a char boundary: `'` is one byte.
                let width = source[idx + 1..].chars().next().map_or(1, char::len_utf8);
                (rest.get(1 + width) == Some(&b'\'')).then_some(1 + width)
            };
            match close {
                Some(close) => {
                    blank(&mut out, idx, idx + close + 1);
                    idx += close + 1;
                }
                None => idx += 1,
            }
        } else {
            idx += 1;
        }
    }
    out
}

/// Where the raw string (`r"…"`, `r#"…"#`, `br"…"`) opening at `idx` ends, if one does.
fn raw_string_end(bytes: &[u8], idx: usize) -> Option<usize> {
    let starts_word = idx == 0 || !is_ident(bytes[idx - 1]);
    let after_prefix = match &bytes[idx..] {
        [b'r', ..] if starts_word => idx + 1,
        [b'b', b'r', ..] if starts_word => idx + 2,
        _ => return None,
    };
    let hashes = bytes[after_prefix..]
        .iter()
        .take_while(|&&b| b == b'#')
        .count();
    if bytes.get(after_prefix + hashes) != Some(&b'"') {
        return None;
    }
    let mut closing = vec![b'"'];
    closing.extend(std::iter::repeat_n(b'#', hashes));
    let body = after_prefix + hashes + 1;
    let end = bytes[body..]
        .windows(closing.len())
        .position(|w| w == closing.as_slice())
        .map_or(bytes.len(), |p| body + p + closing.len());
    Some(end)
}

fn is_ident(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

/// The identifier ending just before `end` (exclusive), if any.
fn word_before(code: &[u8], end: usize) -> &str {
    let start = code[..end]
        .iter()
        .rposition(|&b| !is_ident(b))
        .map_or(0, |p| p + 1);
    std::str::from_utf8(&code[start..end]).unwrap_or("")
}

/// The byte ranges of `view!` bodies, nested ones included, outside their `{…}` blocks: the
/// markup, where `aria-label` and `</p>` are names and tags.
fn markup_mask(code: &[u8]) -> Vec<bool> {
    let mut mask = vec![false; code.len()];
    // A stack of open delimiters, each remembering whether it opened markup.
    let mut stack: Vec<bool> = Vec::new();
    let mut idx = 0;
    while idx < code.len() {
        let in_markup = stack.last().copied().unwrap_or(false);
        if code[idx..].starts_with(b"view!") && (idx == 0 || !is_ident(code[idx - 1])) {
            let open = idx
                + 5
                + code[idx + 5..]
                    .iter()
                    .take_while(|b| b.is_ascii_whitespace())
                    .count();
            if matches!(code.get(open), Some(b'{' | b'(' | b'[')) {
                stack.push(true);
                idx = open + 1;
                continue;
            }
        }
        match code[idx] {
            // In markup a brace opens Rust; in Rust any delimiter keeps Rust.
            b'{' | b'(' | b'[' => stack.push(in_markup && code[idx] != b'{'),
            b'}' | b')' | b']' => {
                stack.pop();
            }
            _ => mask[idx] = in_markup,
        }
        idx += 1;
    }
    mask
}

/// The arithmetic in one component's source.
fn arithmetic(source: &str) -> Vec<Finding> {
    let code = code_only(source);
    let markup = markup_mask(&code);
    let line_of = |idx: usize| source[..idx].matches('\n').count() + 1;
    let mut findings = Vec::new();
    let mut idx = 0;
    while idx < code.len() {
        let byte = code[idx];
        // `.name(` or `::name(`
        if (byte == b'.' || byte == b':') && idx + 1 < code.len() && is_ident(code[idx + 1]) {
            let end = idx + 1 + code[idx + 1..].iter().take_while(|&&b| is_ident(b)).count();
            let name = std::str::from_utf8(&code[idx + 1..end]).unwrap_or("");
            let is_call = code.get(end) == Some(&b'(')
                || (code.get(end) == Some(&b':') && code.get(end + 1) == Some(&b':'));
            if is_call
                && (ARITHMETIC_METHODS.contains(&name)
                    || ARITHMETIC_PREFIXES.iter().any(|p| name.starts_with(p)))
            {
                findings.push(Finding {
                    line: line_of(idx),
                    what: name.to_string(),
                });
            }
            idx = end;
            continue;
        }
        if !matches!(byte, b'+' | b'-' | b'*' | b'/' | b'%') {
            idx += 1;
            continue;
        }
        let next = code.get(idx + 1).copied().unwrap_or(b' ');
        let prev = code[..idx]
            .iter()
            .rposition(|b| !b.is_ascii_whitespace())
            .map(|p| (p, code[p]));
        let after = code[idx + 1..]
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .map(|p| idx + 1 + p);
        let is_name_hyphen = markup[idx]
            && byte == b'-'
            && idx > 0
            && code[idx - 1].is_ascii_alphabetic()
            && next.is_ascii_alphabetic();
        let is_tag_slash =
            markup[idx] && byte == b'/' && (next == b'>' || prev.is_some_and(|(_, b)| b == b'<'));
        let is_arrow = byte == b'-' && next == b'>';
        // Binary only after an operand: a name (not a keyword), a number, `)`, `]` or `?`.
        let after_operand = prev.is_some_and(|(p, b)| match b {
            b')' | b']' | b'?' => true,
            b if is_ident(b) => !KEYWORDS.contains(&word_before(&code, p + 1)),
            _ => false,
        });
        let is_compound = next == b'=';
        // `A + B` where B is a lifetime, a trait (CamelCase), `?Sized` or `use<…>` is a bound.
        let is_bound = byte == b'+'
            && after.is_some_and(|a| {
                code[a] == b'\''
                    || code[a] == b'?'
                    || code[a..].starts_with(b"use<")
                    || code[a..].starts_with(b"for<")
                    || (code[a].is_ascii_uppercase()
                        && code[a..]
                            .iter()
                            .take_while(|&&b| is_ident(b))
                            .any(u8::is_ascii_lowercase))
            });
        let is_glob = byte == b'*' && prev.is_some_and(|(_, b)| b == b':');
        if !is_name_hyphen
            && !is_tag_slash
            && !is_arrow
            && !is_bound
            && !is_glob
            && (after_operand || is_compound)
        {
            findings.push(Finding {
                line: line_of(idx),
                what: String::from_utf8_lossy(&code[idx..idx + 1 + usize::from(is_compound)])
                    .into_owned(),
            });
        }
        idx += 1 + usize::from(is_compound);
    }
    findings
}

#[test]
fn no_component_does_arithmetic() {
    let components = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/components");
    let mut report = Vec::new();
    let mut n_files = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&components)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.extension().and_then(|e| e.to_str()) != Some("rs") {
            continue;
        }
        n_files += 1;
        let source = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        for finding in arithmetic(&source) {
            report.push(format!("{name}:{}: {}", finding.line, finding.what));
        }
    }
    assert!(
        n_files > 20,
        "read the components in {}",
        components.display()
    );
    assert!(
        report.is_empty(),
        "components do no arithmetic: compute in scale, state, charts or present (with host \
         tests) and pass the result in:\n{}",
        report.join("\n")
    );
}

#[test]
fn the_scanner_finds_operators_and_methods_on_numbers() {
    let source = r#"
fn a(width: f64, i: usize) -> f64 {
    let left = width / 2.0;
    let n = i + 1;
    let m = items.len() - 1;
    let scaled = (width)*3.0;
    let mut total = 0.0;
    total += 1.5;
    let r = n % 2;
    let w = width.max(320.0);
    let d = f64::abs(-width);
    let p = count.saturating_sub(1);
    let q = values.iter().sum::<f64>();
    let s = lengths[0] - lengths[1];
    let t = step()? * 2;
    total
}
"#;
    let found: Vec<(usize, String)> = arithmetic(source)
        .into_iter()
        .map(|f| (f.line, f.what))
        .collect();
    assert_eq!(
        found,
        [
            (3, "/".to_string()),
            (4, "+".to_string()),
            (5, "-".to_string()),
            (6, "*".to_string()),
            (8, "+=".to_string()),
            (9, "%".to_string()),
            (10, "max".to_string()),
            (11, "abs".to_string()),
            (12, "saturating_sub".to_string()),
            (13, "sum".to_string()),
            (14, "-".to_string()),
            (15, "*".to_string()),
        ]
    );
}

#[test]
fn the_scanner_passes_what_is_not_arithmetic() {
    let source = r##"
use leptos::prelude::*;
/// A doc comment: width / 2 + 1 - 3 * 4.
fn b(cb: impl Fn(f64) + Clone + 'static, slot: &mut f64) -> impl IntoView + use<> {
    // width - 1
    /* a * b /* nested - */ % c */
    *slot = -1.0;
    let r = &mut *slot;
    let text = "a - b / c * d + e % f";
    let raw = r#"x + "y" - z"#;
    let sign = '-';
    let minus = '\u{2212}';
    let dash = '−';
    let x = if ok { -2 } else { return -3 };
    let life: &'static str = "";
    let more = r.min_width;
    view! {
        <p aria-label=label data-testid="event-marker" class:is-on=move || on.get()>
            <br/>"2 + 2"<span style:margin-left="1px"></span>
        </p>
    }
}
"##;
    assert_eq!(arithmetic(source), []);
}

#[test]
fn the_scanner_reads_rust_inside_markup_braces_and_closures() {
    let source = r#"
fn c() -> impl IntoView {
    view! {
        <div data-width={move || width.get() * 2.0} style:left=move || format!("{}px", x - 1.0)>
            {move || view! { <b data-n={n + 1}>"x"</b> }}
        </div>
    }
}
"#;
    let found: Vec<(usize, String)> = arithmetic(source)
        .into_iter()
        .map(|f| (f.line, f.what))
        .collect();
    assert_eq!(
        found,
        [
            (4, "*".to_string()),
            (4, "-".to_string()),
            (5, "+".to_string())
        ]
    );
}
