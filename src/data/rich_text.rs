//! Event texts may carry a small subset of HTML (TimelineJS texts are
//! HTML). This module turns such a text into a tree of allowed nodes; the
//! interface builds elements from that tree, never from the string.
//!
//! Allowed: `p a em strong b i br blockquote cite ul ol li`. Links keep
//! only an `http:`, `https:` or `mailto:` address ([`safe_href`]); every
//! other attribute is dropped. Elements whose content is code or foreign
//! markup (`script`, `style`, `svg`, `math`, `iframe`, `template`...) are
//! dropped with their content; any other element is unwrapped (its text
//! shows). Comments, doctypes and processing instructions are dropped.
//!
//! Architecture Invariant: the output holds no markup, only text and
//! [`Tag`]s, so nothing here can become executable, whatever the input;
//! the parser never panics and is linear in the input.

/// An element the interface may create.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    P,
    Em,
    Strong,
    B,
    I,
    Blockquote,
    Cite,
    Ul,
    Ol,
    Li,
}

impl Tag {
    fn from_name(name: &str) -> Option<Tag> {
        Some(match name {
            "p" => Tag::P,
            "em" => Tag::Em,
            "strong" => Tag::Strong,
            "b" => Tag::B,
            "i" => Tag::I,
            "blockquote" => Tag::Blockquote,
            "cite" => Tag::Cite,
            "ul" => Tag::Ul,
            "ol" => Tag::Ol,
            "li" => Tag::Li,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Tag::P => "p",
            Tag::Em => "em",
            Tag::Strong => "strong",
            Tag::B => "b",
            Tag::I => "i",
            Tag::Blockquote => "blockquote",
            Tag::Cite => "cite",
            Tag::Ul => "ul",
            Tag::Ol => "ol",
            Tag::Li => "li",
        }
    }

    fn is_block(self) -> bool {
        matches!(self, Tag::P | Tag::Blockquote | Tag::Ul | Tag::Ol | Tag::Li)
    }
}

/// One node of a sanitized text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Text(String),
    /// `<br>`.
    Break,
    Element {
        tag: Tag,
        children: Vec<Node>,
    },
    /// A link whose address passed [`safe_href`].
    Link {
        href: String,
        children: Vec<Node>,
    },
}

/// Deeper elements are unwrapped: their text stays, the nesting goes.
pub const MAX_DEPTH: usize = 16;

/// Elements dropped together with everything inside them.
const DROPPED_WITH_CONTENT: &[&str] = &[
    "script",
    "style",
    "svg",
    "math",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "template",
    "noscript",
    "noembed",
    "noframes",
    "textarea",
    "title",
    "xmp",
    "select",
    "audio",
    "video",
    "canvas",
    "head",
    "plaintext",
    "form",
    "button",
    "option",
    "datalist",
    "dialog",
];

/// Elements whose content is raw text (no tags inside) in HTML: skipped
/// up to their end tag without looking for markup.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

/// Unwrapped elements that separate words: a space takes their place.
const BLOCK_LIKE: &[&str] = &[
    "div",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "nav",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "tr",
    "td",
    "th",
    "dl",
    "dt",
    "dd",
    "hr",
    "figure",
    "figcaption",
    "pre",
    "address",
    "main",
];

/// Parses a text with a small HTML subset into safe nodes.
pub fn parse(html: &str) -> Vec<Node> {
    let mut builder = Builder::default();
    for token in Tokenizer::new(html) {
        builder.push(token);
    }
    builder.finish()
}

/// The text only, runs of ordinary white space collapsed (for titles,
/// headlines and captions, which are always plain text). No-break spaces
/// (U+00A0, U+202F) are kept: French typography needs them.
pub fn plain_text(html: &str) -> String {
    let mut out = String::new();
    collect_text(&parse(html), &mut out);
    out.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

fn collect_text(nodes: &[Node], out: &mut String) {
    for node in nodes {
        match node {
            Node::Text(text) => out.push_str(text),
            Node::Break => out.push(' '),
            Node::Element { tag, children } => {
                collect_text(children, out);
                if tag.is_block() {
                    out.push(' ');
                }
            }
            Node::Link { children, .. } => collect_text(children, out),
        }
    }
}

/// True when the text has any markup the parser would interpret (so that
/// plain summaries can skip it).
pub fn has_markup(text: &str) -> bool {
    text.contains('<') || text.contains('&')
}

/// The address to put in a link's `href`, or `None` to show no link.
///
/// Only `http:`, `https:` and `mailto:` survive. The check runs on the
/// address as a browser would read it: entities already decoded by the
/// parser, leading and trailing control characters and spaces stripped,
/// tabs and line breaks removed anywhere (`jav\tascript:`), scheme case
/// ignored. Relative addresses are refused too: a dataset's links point
/// to the outside world.
pub fn safe_href(raw: &str) -> Option<String> {
    let trimmed = raw.trim_matches(|c: char| c <= ' ');
    let cleaned: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if cleaned.chars().any(|c| c.is_control()) {
        return None;
    }
    let colon = cleaned.find(':')?;
    let scheme = &cleaned[..colon];
    let mut scheme_chars = scheme.chars();
    let starts_with_letter = scheme_chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    if !starts_with_letter
        || !scheme_chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    {
        return None;
    }
    // A web address names its host (`https:javascript:…` or `https:page` would resolve
    // against the page, or not at all).
    let names_host = cleaned[colon + 1..].starts_with("//");
    match scheme.to_ascii_lowercase().as_str() {
        "http" | "https" if names_host => Some(cleaned),
        "mailto" => Some(cleaned),
        _ => None,
    }
}

/// True for a plain `http(s)://` address (media URLs).
pub fn is_web_url(raw: &str) -> bool {
    safe_href(raw).is_some_and(|href| {
        let lower = href.to_ascii_lowercase();
        lower.starts_with("https://") || lower.starts_with("http://")
    })
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Text(String),
    Start {
        name: String,
        href: Option<String>,
        self_closing: bool,
    },
    End {
        name: String,
    },
}

struct Tokenizer<'a> {
    text: &'a str,
    pos: usize,
    /// Set after a raw-text start tag: skip to `</name`.
    raw_text_end: Option<String>,
}

impl<'a> Tokenizer<'a> {
    fn new(text: &'a str) -> Tokenizer<'a> {
        Tokenizer {
            text,
            pos: 0,
            raw_text_end: None,
        }
    }

    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    /// Skips past `needle` (ASCII case-insensitive), or to the end.
    fn skip_past(&mut self, needle: &str) {
        let rest = self.rest().as_bytes();
        let needle = needle.as_bytes();
        let found = rest
            .windows(needle.len())
            .position(|w| w.eq_ignore_ascii_case(needle));
        self.pos = match found {
            Some(at) => self.pos + at + needle.len(),
            None => self.text.len(),
        };
    }

    /// A tag starting at `self.pos` (on `<`). `None` when the tag never
    /// closes: then it is dropped, with the rest of the input, as browsers do.
    fn tag(&mut self) -> Option<Token> {
        let bytes = self.text.as_bytes();
        let mut i = self.pos + 1;
        let is_end = bytes.get(i) == Some(&b'/');
        if is_end {
            i += 1;
        }
        let name_start = i;
        while i < bytes.len()
            && !matches!(
                bytes[i],
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>'
            )
        {
            i += 1;
        }
        let name = self.text[name_start..i].to_ascii_lowercase();
        let mut href = None;
        let mut self_closing = false;
        // Attributes.
        loop {
            while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
                i += 1;
            }
            match bytes.get(i) {
                None => {
                    self.pos = self.text.len();
                    return None;
                }
                Some(b'>') => {
                    i += 1;
                    break;
                }
                Some(b'/') => {
                    self_closing = bytes.get(i + 1) == Some(&b'>');
                    i += 1;
                    continue;
                }
                Some(_) => {}
            }
            let attr_start = i;
            while i < bytes.len()
                && !matches!(
                    bytes[i],
                    b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>' | b'='
                )
            {
                i += 1;
            }
            // `=` first in a name is part of the name in HTML.
            if i == attr_start {
                i += 1;
            }
            let attr_name = self.text[attr_start..i].to_ascii_lowercase();
            while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
                i += 1;
            }
            let mut value = None;
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
                {
                    i += 1;
                }
                match bytes.get(i) {
                    Some(&quote @ (b'"' | b'\'')) => {
                        let value_start = i + 1;
                        let Some(len) = bytes[value_start..].iter().position(|&b| b == quote)
                        else {
                            self.pos = self.text.len();
                            return None;
                        };
                        value = Some(&self.text[value_start..value_start + len]);
                        i = value_start + len + 1;
                    }
                    _ => {
                        let value_start = i;
                        while i < bytes.len()
                            && !matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'>')
                        {
                            i += 1;
                        }
                        value = Some(&self.text[value_start..i]);
                    }
                }
            }
            if attr_name == "href" && href.is_none() && !is_end {
                href = Some(decode_entities(value.unwrap_or_default()));
            }
        }
        self.pos = i;
        Some(if is_end {
            Token::End { name }
        } else {
            Token::Start {
                name,
                href,
                self_closing,
            }
        })
    }
}

impl Iterator for Tokenizer<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        loop {
            if self.pos >= self.text.len() {
                return None;
            }
            if let Some(name) = self.raw_text_end.take() {
                self.skip_past(&format!("</{name}"));
                self.skip_past(">");
                return Some(Token::End { name });
            }
            let rest = self.rest();
            if !rest.starts_with('<') {
                let len = rest.find('<').unwrap_or(rest.len());
                let text = &rest[..len];
                self.pos += len;
                return Some(Token::Text(decode_entities(text)));
            }
            let next = rest.as_bytes().get(1).copied();
            match next {
                Some(b'!') => {
                    if rest.starts_with("<!--") {
                        self.pos += 4;
                        self.skip_past("-->");
                    } else {
                        self.skip_past(">");
                    }
                }
                Some(b'?') => self.skip_past(">"),
                Some(b'/') if rest.as_bytes().get(2).is_some_and(u8::is_ascii_alphabetic) => {
                    return self.tag();
                }
                Some(b'/') => {
                    // `</ ` or `</>`: a bogus comment in HTML, dropped.
                    self.skip_past(">");
                }
                Some(c) if c.is_ascii_alphabetic() => {
                    let token = self.tag()?;
                    if let Token::Start {
                        name,
                        self_closing: false,
                        ..
                    } = &token
                    {
                        if RAW_TEXT.contains(&name.as_str()) {
                            self.raw_text_end = Some(name.clone());
                        }
                    }
                    return Some(token);
                }
                _ => {
                    self.pos += 1;
                    return Some(Token::Text("<".to_string()));
                }
            }
        }
    }
}

/// An element being built: its tag (or link address) and children so far.
#[derive(Debug)]
struct Open {
    name: &'static str,
    tag: Option<Tag>,
    href: Option<String>,
    children: Vec<Node>,
}

#[derive(Debug, Default)]
struct Builder {
    root: Vec<Node>,
    stack: Vec<Open>,
    /// Inside a dropped element: its name and nesting depth.
    dropping: Option<(String, usize)>,
}

impl Builder {
    fn children(&mut self) -> &mut Vec<Node> {
        match self.stack.last_mut() {
            Some(open) => &mut open.children,
            None => &mut self.root,
        }
    }

    fn text(&mut self, text: String) {
        if text.is_empty() {
            return;
        }
        let children = self.children();
        if let Some(Node::Text(last)) = children.last_mut() {
            last.push_str(&text);
        } else {
            children.push(Node::Text(text));
        }
    }

    fn push(&mut self, token: Token) {
        if let Some((dropped, depth)) = &mut self.dropping {
            match &token {
                Token::Start {
                    name,
                    self_closing: false,
                    ..
                } if name == dropped => *depth += 1,
                Token::End { name } if name == dropped => {
                    *depth -= 1;
                    if *depth == 0 {
                        self.dropping = None;
                    }
                }
                _ => {}
            }
            return;
        }
        match token {
            Token::Text(text) => self.text(text),
            Token::Start {
                name,
                href,
                self_closing,
            } => self.start(name, href, self_closing),
            Token::End { name } => self.end(&name),
        }
    }

    fn start(&mut self, name: String, href: Option<String>, self_closing: bool) {
        if DROPPED_WITH_CONTENT.contains(&name.as_str()) {
            if !self_closing && !RAW_TEXT.contains(&name.as_str()) {
                self.dropping = Some((name, 1));
            }
            return;
        }
        if name == "br" {
            self.children().push(Node::Break);
            return;
        }
        if BLOCK_LIKE.contains(&name.as_str()) {
            self.text(" ".to_string());
            return;
        }
        let (static_name, tag) = if name == "a" {
            ("a", None)
        } else {
            match Tag::from_name(&name) {
                Some(tag) => (tag.name(), Some(tag)),
                // Unknown elements (span, img, font...) are unwrapped.
                None => return,
            }
        };
        if self_closing || self.stack.len() >= MAX_DEPTH {
            return;
        }
        // Elements that cannot nest in HTML close their open twin first.
        if matches!(static_name, "a" | "p" | "li") {
            if let Some(open_idx) = self.stack.iter().rposition(|open| open.name == static_name) {
                let blocks_between = self.stack[open_idx + 1..]
                    .iter()
                    .any(|open| matches!(open.tag, Some(Tag::Ul | Tag::Ol | Tag::Blockquote)));
                if !blocks_between {
                    self.close_to(open_idx);
                }
            }
        }
        let href = if name == "a" {
            href.as_deref().and_then(safe_href)
        } else {
            None
        };
        self.stack.push(Open {
            name: static_name,
            tag,
            href,
            children: Vec::new(),
        });
    }

    fn end(&mut self, name: &str) {
        if BLOCK_LIKE.contains(&name) {
            self.text(" ".to_string());
            return;
        }
        if let Some(open_idx) = self.stack.iter().rposition(|open| open.name == name) {
            self.close_to(open_idx);
        }
    }

    /// Closes the open elements down to and including `open_idx`.
    fn close_to(&mut self, open_idx: usize) {
        while self.stack.len() > open_idx {
            self.close_top();
        }
    }

    fn close_top(&mut self) {
        let Some(open) = self.stack.pop() else { return };
        let node = match (open.tag, open.href) {
            (Some(tag), _) => Node::Element {
                tag,
                children: open.children,
            },
            (None, Some(href)) => Node::Link {
                href,
                children: open.children,
            },
            // A link with no safe address: its text only.
            (None, None) => {
                for child in open.children {
                    match child {
                        Node::Text(text) => self.text(text),
                        other => self.children().push(other),
                    }
                }
                return;
            }
        };
        self.children().push(node);
    }

    fn finish(mut self) -> Vec<Node> {
        self.close_to(0);
        self.root
    }
}

/// Decodes character references: numeric ones (`&#97;`, `&#x61;`, with
/// or without `;`) and the named ones texts use (`&amp;`, `&colon;`...).
/// Unknown ones stay as written.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        match decode_one(rest) {
            Some((decoded, len)) => {
                out.push(decoded);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character of the reference at the start of `text` and its length.
fn decode_one(text: &str) -> Option<(char, usize)> {
    let bytes = text.as_bytes();
    if bytes.get(1) == Some(&b'#') {
        let (radix, digits_start) = match bytes.get(2) {
            Some(b'x' | b'X') => (16, 3),
            _ => (10, 2),
        };
        let digits_len = bytes[digits_start..]
            .iter()
            .take_while(|b| {
                if radix == 16 {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        if digits_len == 0 {
            return None;
        }
        let digits = &text[digits_start..digits_start + digits_len];
        let digits = digits.trim_start_matches('0');
        let code = if digits.is_empty() {
            0
        } else if digits.len() > 8 {
            u32::MAX
        } else {
            u32::from_str_radix(digits, radix).unwrap_or(u32::MAX)
        };
        let decoded = match char::from_u32(code) {
            Some('\0') | None => '\u{fffd}',
            Some(c) => c,
        };
        let mut len = digits_start + digits_len;
        if bytes.get(len) == Some(&b';') {
            len += 1;
        }
        return Some((decoded, len));
    }
    let name_len = bytes[1..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if name_len == 0 || bytes.get(1 + name_len) != Some(&b';') {
        return None;
    }
    let decoded = match &text[1..1 + name_len] {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "colon" => ':',
        "Tab" => '\t',
        "NewLine" => '\n',
        "sol" => '/',
        "lpar" => '(',
        "rpar" => ')',
        "period" => '.',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "copy" => '©',
        "eacute" => 'é',
        "egrave" => 'è',
        "ecirc" => 'ê',
        "agrave" => 'à',
        "ccedil" => 'ç',
        "euro" => '€',
        "middot" => '·',
        "thinsp" => '\u{2009}',
        _ => return None,
    };
    Some((decoded, name_len + 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Node {
        Node::Text(s.to_string())
    }

    fn element(tag: Tag, children: Vec<Node>) -> Node {
        Node::Element { tag, children }
    }

    fn link(href: &str, children: Vec<Node>) -> Node {
        Node::Link {
            href: href.to_string(),
            children,
        }
    }

    /// Parses `html` and compares with the expected tree.
    fn check(html: &str, expected: Vec<Node>) {
        assert_eq!(parse(html), expected, "{html}");
    }

    #[test]
    fn plain_text_stays_text_with_entities_decoded() {
        check("Industry & factories", vec![text("Industry & factories")]);
        check("a &lt; b &amp;&amp; c > d", vec![text("a < b && c > d")]);
        check("5 < 6", vec![text("5 < 6")]);
        check("", vec![]);
    }

    #[test]
    fn the_allowed_subset_becomes_elements() {
        check(
            "<p>Take <a href=\"https://en.wikipedia.org/wiki/Ada_Lovelace\">Ada</a>: <em>first</em><br>coder</p>",
            vec![element(
                Tag::P,
                vec![
                    text("Take "),
                    link("https://en.wikipedia.org/wiki/Ada_Lovelace", vec![text("Ada")]),
                    text(": "),
                    element(Tag::Em, vec![text("first")]),
                    Node::Break,
                    text("coder"),
                ],
            )],
        );
        check(
            "<blockquote>Q <cite>Edith Clarke</cite></blockquote><ul><li>a<li>b</ul>",
            vec![
                element(
                    Tag::Blockquote,
                    vec![text("Q "), element(Tag::Cite, vec![text("Edith Clarke")])],
                ),
                element(
                    Tag::Ul,
                    vec![
                        element(Tag::Li, vec![text("a")]),
                        element(Tag::Li, vec![text("b")]),
                    ],
                ),
            ],
        );
        check(
            "<STRONG>x</STRONG><b>y</b><i>z</i><ol><li>1</li></ol>",
            vec![
                element(Tag::Strong, vec![text("x")]),
                element(Tag::B, vec![text("y")]),
                element(Tag::I, vec![text("z")]),
                element(Tag::Ol, vec![element(Tag::Li, vec![text("1")])]),
            ],
        );
    }

    #[test]
    fn other_elements_are_unwrapped_or_dropped_with_their_content() {
        check("<span class=\"tl-note\">note</span>", vec![text("note")]);
        check("a<div>b</div>c", vec![text("a b c")]);
        check("<script>alert(1)</script>ok", vec![text("ok")]);
        check(
            "<style>p{}</style><svg><g><svg></svg>x</g></svg>ok",
            vec![text("ok")],
        );
        check("<math><mi>x</mi></math>ok", vec![text("ok")]);
        check(
            "<iframe src=\"javascript:alert(1)\">x</iframe>ok",
            vec![text("ok")],
        );
        check("<!-- c --><!DOCTYPE html><?php x ?>ok", vec![text("ok")]);
        check("<img src=x onerror=alert(1)>ok", vec![text("ok")]);
        check("ok<p onclick=\"alert(1)\" unclosed", vec![text("ok")]);
    }

    #[test]
    fn links_keep_only_web_and_mail_addresses() {
        check(
            "<a href=\"mailto:desk@example.org\" onclick=\"x()\" target=\"_self\">m</a>",
            vec![link("mailto:desk@example.org", vec![text("m")])],
        );
        for href in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "jav&#x61;script:alert(1)",
            "jav&#97;script:alert(1)",
            "jav&#0000097script:alert(1)",
            "javascript&colon;alert(1)",
            "\u{1}javascript:alert(1)",
            " javascript:alert(1)",
            "jav\tascript:alert(1)",
            "jav&Tab;ascript:alert(1)",
            "java\nscript:alert(1)",
            "java&NewLine;script:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "vbscript:msgbox(1)",
            "//evil.example/x",
            "/relative",
            "",
        ] {
            let html = format!("<a href=\"{href}\">x</a>");
            check(&html, vec![text("x")]);
        }
    }

    #[test]
    fn attribute_breakouts_stay_inside_their_value() {
        check(
            "<a href='https://e.org/\"><script>alert(1)</script>'>x</a>",
            vec![link(
                "https://e.org/\"><script>alert(1)</script>",
                vec![text("x")],
            )],
        );
        check(
            "<a href=https://e.org/ onmouseover=alert(1)>x</a>",
            vec![link("https://e.org/", vec![text("x")])],
        );
        check("\"><script>alert(1)</script>", vec![text("\">")]);
    }

    #[test]
    fn deep_nesting_is_flattened_not_recursed() {
        let html = format!("{}x{}", "<em>".repeat(100_000), "</em>".repeat(100_000));
        let nodes = parse(&html);
        let mut depth = 0;
        let mut level = &nodes;
        while let Some(Node::Element { children, .. }) = level.first() {
            depth += 1;
            level = children;
        }
        assert_eq!(depth, MAX_DEPTH);
        assert_eq!(plain_text(&html), "x");
    }

    #[test]
    fn safe_href_normalizes_as_a_browser_would() {
        assert_eq!(
            safe_href("  https://e.org/a\n "),
            Some("https://e.org/a".to_string())
        );
        assert_eq!(
            safe_href("HTTPS://E.ORG"),
            Some("HTTPS://E.ORG".to_string())
        );
        assert_eq!(
            safe_href("ht\ttps://e.org"),
            Some("https://e.org".to_string())
        );
        assert_eq!(safe_href("https://e.org/\u{0}x"), None);
        assert_eq!(safe_href("https:javascript:alert(1)"), None);
        assert_eq!(safe_href("http:/e.org"), None);
        assert_eq!(
            safe_href("mailto:a@b.org"),
            Some("mailto:a@b.org".to_string())
        );
        assert!(is_web_url("https://e.org/img.png"));
        assert!(!is_web_url("mailto:a@b"));
    }

    #[test]
    fn plain_text_of_headlines() {
        assert_eq!(
            plain_text("<p>Ada <b>Lovelace</b></p><p>x</p>"),
            "Ada Lovelace x"
        );
        assert_eq!(plain_text("A &amp; B"), "A & B");
    }

    #[test]
    fn entities_decode_numeric_and_named_forms() {
        assert_eq!(
            decode_entities("&#x3C;&#60;&#x1F600;&#0;&#99999999999;&bogus;&amp"),
            "<<😀\u{fffd}\u{fffd}&bogus;&amp"
        );
    }

    #[test]
    fn plain_text_keeps_no_break_spaces() {
        assert_eq!(
            plain_text("<p>Stargate\u{202f}: «\u{a0}IA\u{a0}»</p>\n  suite"),
            "Stargate\u{202f}: «\u{a0}IA\u{a0}» suite"
        );
    }
}
