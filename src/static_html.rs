//! The story as plain HTML, from the dataset: what readers with scripts or
//! WebAssembly off and search engines get (written into `index.html` at
//! build time by `cargo xtask static-html`, a Trunk post-build hook), the
//! loading state the app replaces, and the dated list the app prints.
//!
//! Architecture Invariant: every dataset string goes through
//! [`escape_text`] or [`escape_attr`]; summaries go through the rich-text
//! sanitizer (`data::rich_text`) and are written from its node tree; links
//! keep only `http(s)`/`mailto` addresses. No element gets an `id` (an id
//! equal to an event id would make the browser scroll to it) nor a `style`
//! attribute (blocked by the strict Content-Security-Policy). No `leptos`,
//! no `web_sys`.

pub mod first_frame;

use std::fmt::Write;

use crate::data::rich_text::{self, safe_href, Node};
use crate::data::Dataset;
use crate::i18n::{Lang, PlainFormatter};
use crate::present::{self, Citation, Column, Quoted, Row};

/// Escapes text for an element's content.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes text for a double- or single-quoted attribute value.
pub fn escape_attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// What goes inside `#app` in the built `index.html`: the header, the
/// loading state (shown while the app loads, when scripts run) and the
/// static version (shown when they do not). The app replaces all of it.
pub fn app_placeholder(dataset: &Dataset, lang: Lang) -> String {
    let strings = lang.strings();
    let mut html = String::new();
    let _ = write!(
        html,
        "<header class=\"site-header\"><div class=\"header-text\"><p class=\"kicker\">2025</p>\
         <h1>{}</h1><p class=\"dek\">{}</p></div>\
         <div class=\"header-tools-placeholder\" aria-hidden=\"true\"></div></header>",
        escape_text(strings.app_title),
        escape_text(strings.app_dek),
    );
    html.push_str(&loading_state(dataset, lang));
    let _ = write!(
        html,
        "<div class=\"static-version\" data-testid=\"static-version\">\
         <p class=\"static-note\">{}</p>",
        escape_text(strings.static_note)
    );
    let _ = write!(
        html,
        "<section class=\"static-section\"><h2>{}</h2>{}</section>",
        escape_text(strings.timeline_heading),
        events_list(dataset, lang)
    );
    if !dataset.figures.is_empty() {
        let _ = write!(
            html,
            "<section class=\"static-section\"><h2>{}</h2>{}</section>",
            escape_text(strings.static_figures_heading),
            figures_table(dataset, lang)
        );
    }
    html.push_str(&documents_footer(dataset, lang));
    html.push_str("</div>");
    html
}

/// The shape of the app while it loads: the timeline's heading, help,
/// tracks and legend at their final heights, and the empty detail panel,
/// so that nothing moves when the app takes over. Hidden from assistive
/// technology (`#app` is `aria-busy` meanwhile and says it is loading).
fn loading_state(dataset: &Dataset, lang: Lang) -> String {
    let strings = lang.strings();
    let mut html = String::new();
    let _ = write!(
        html,
        "<div class=\"loading-state\" data-testid=\"loading-state\">\
         <p class=\"loading-message\" role=\"status\">{}</p>\
         <div class=\"story\" aria-hidden=\"true\">\
         <section class=\"timeline-section\"><div class=\"section-head\"><h2>{}</h2>\
         <div class=\"zoom-controls-placeholder\"></div></div>\
         <p class=\"help\">{}</p><div class=\"timeline\"><div class=\"axis\"></div>",
        escape_text(strings.loading),
        escape_text(strings.timeline_heading),
        escape_text(strings.timeline_help),
    );
    for (track_idx, track) in dataset.tracks.iter().enumerate() {
        let _ = write!(
            html,
            "<div class=\"track\" data-track-idx=\"{track_idx}\"><div class=\"track-name\">{}</div>\
             <div class=\"track-plot\"></div></div>",
            escape_text(lang.pick(&track.label))
        );
    }
    html.push_str("</div><ul class=\"legend\">");
    for (marker_class, text) in present::legend_items(lang) {
        let dot = if marker_class == "cluster" { "3" } else { "" };
        let _ = write!(
            html,
            "<li><span class=\"marker {marker_class} legend-mark\"><span class=\"dot\">{dot}</span></span>{}</li>",
            escape_text(text)
        );
    }
    let _ = write!(
        html,
        "</ul></section><section class=\"detail\"><p class=\"detail-empty\">{}</p></section></div></div>",
        escape_text(strings.detail_empty)
    );
    html
}

/// Every event in date order, as a list: date, title, theme, summary,
/// players, figures and sources with their quotes.
pub fn events_list(dataset: &Dataset, lang: Lang) -> String {
    let mut html = String::from("<ol class=\"static-events\" data-testid=\"static-events\">");
    for event_idx in 0..dataset.events.len() {
        event_item(dataset, event_idx, lang, &mut html);
    }
    html.push_str("</ol>");
    html
}

fn event_item(dataset: &Dataset, event_idx: usize, lang: Lang, html: &mut String) {
    let strings = lang.strings();
    let fmt = PlainFormatter(lang);
    let Some(lines) = present::event_lines(dataset, event_idx, &fmt) else {
        return;
    };
    let _ = write!(
        html,
        "<li class=\"static-event\" data-event-id=\"{}\"><article>\
         <p class=\"static-date\"><time datetime=\"{}\">{}</time> <span class=\"date-note\">— {}</span></p><h3>{}</h3>",
        escape_attr(&lines.id),
        escape_attr(&lines.date.iso),
        escape_text(&lines.date.date),
        escape_text(&lines.date.notes_text()),
        escape_text(&lines.title),
    );
    if let Some(track) = &lines.track {
        let _ = write!(
            html,
            "<p class=\"detail-track\"><span class=\"track-badge track-{}\">{}</span></p>",
            lines.track_idx,
            escape_text(track)
        );
    }
    if let Some(note) = lines.per_article {
        let _ = write!(
            html,
            "<p class=\"per-article\">{}</p>",
            escape_text(&present::capitalised(note))
        );
    }
    html.push_str("<div class=\"summary\">");
    rich_text_html(&lines.summary, html);
    html.push_str("</div>");
    if !lines.actors.is_empty() {
        let _ = write!(
            html,
            "<p class=\"static-actors\">{}</p>",
            escape_text(&present::labelled(
                strings.actors_heading,
                &present::join_names(&lines.actors),
                lang
            )),
        );
    }
    if !lines.figures.is_empty() {
        html.push_str("<ul class=\"figures\">");
        for figure in &lines.figures {
            let _ = write!(
                html,
                "<li><strong class=\"figure-value\">{}</strong> {} <span class=\"muted\">({})</span>",
                escape_text(&figure.value),
                escape_text(&figure.label),
                escape_text(&figure.facts()),
            );
            for (class, text) in [
                ("figure-attribution", figure.attribution_text(lang)),
                ("figure-notes", figure.notes_text()),
            ] {
                if !text.is_empty() {
                    let _ = write!(
                        html,
                        " <span class=\"{class}\">{}</span>",
                        escape_text(&text)
                    );
                }
            }
            html.push_str("</li>");
        }
        html.push_str("</ul>");
    }
    if !lines.sources.is_empty() {
        let _ = write!(
            html,
            "<h4>{}</h4><ul class=\"sources\">",
            escape_text(strings.sources_heading)
        );
        for citation in &lines.sources {
            source_item(citation, lang, html);
        }
        html.push_str("</ul>");
    }
    html.push_str("</article></li>");
}

/// A quotation: the reader's quotation marks around the French text (the
/// markup of `components::source_list::quote_view`).
fn quote_html(quoted: &Quoted) -> String {
    format!(
        "<span class=\"quote\">{}<span lang=\"fr\">{}</span>{}</span>",
        escape_text(quoted.open),
        escape_text(&quoted.text),
        escape_text(quoted.close)
    )
}

/// One source, with the markup of `components::source_list`.
fn source_item(citation: &Citation, lang: Lang, html: &mut String) {
    let strings = lang.strings();
    let note = citation
        .note()
        .map(|note| format!(" <span class=\"source-note\">{}</span>", escape_text(note)))
        .unwrap_or_default();
    let label = escape_text(citation.label(lang));
    let colon = escape_text(strings.colon);
    match citation {
        Citation::Seed(seed) => {
            let quote = seed
                .quote
                .as_ref()
                .map(|quoted| format!("<blockquote>{}</blockquote>", quote_html(quoted)))
                .unwrap_or_default();
            let _ = write!(
                html,
                "<li class=\"source\">{quote}<p class=\"source-ref\">{label}{colon}<cite lang=\"fr\">{}</cite> \
                 <span class=\"source-date\">({})</span> <span class=\"muted\">({})</span>{note}</p></li>",
                escape_text(&seed.title),
                escape_text(&seed.date),
                escape_text(&seed.file),
            );
        }
        Citation::Public(public) => {
            let link = match &public.url {
                Some(url) => format!(
                    "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
                    escape_attr(url),
                    escape_text(&public.publisher)
                ),
                None => escape_text(&public.publisher),
            };
            let _ = write!(
                html,
                "<li class=\"source public\"><p class=\"source-ref\">{label}{colon}{link}{note}</p></li>"
            );
        }
        Citation::Empty => {}
    }
}

/// The columns of the static figure table.
pub const STATIC_FIGURE_COLUMNS: [Column; 4] =
    [Column::Value, Column::Label, Column::Facts, Column::Event];

/// Every figure, in timeline order: value, what it measures, its kind and
/// period, and the event it belongs to, in the columns the presentation
/// layer defines.
pub fn figures_table(dataset: &Dataset, lang: Lang) -> String {
    let fmt = PlainFormatter(lang);
    let mut figure_idxs: Vec<usize> = (0..dataset.figures.len()).collect();
    figure_idxs.sort_by_key(|&idx| (dataset.figures[idx].event_idx, idx));
    let mut html =
        String::from("<table class=\"static-figures\" data-testid=\"static-figures\"><thead><tr>");
    for column in STATIC_FIGURE_COLUMNS {
        let _ = write!(
            html,
            "<th scope=\"col\">{}</th>",
            escape_text(column.header(lang))
        );
    }
    html.push_str("</tr></thead><tbody>");
    for idx in figure_idxs {
        let row = Row::new(dataset, idx);
        html.push_str("<tr>");
        for (i, column) in STATIC_FIGURE_COLUMNS.iter().enumerate() {
            let text = escape_text(&column.text(&row, &fmt));
            if i == 0 {
                let _ = write!(html, "<td><strong>{text}</strong></td>");
            } else {
                let _ = write!(html, "<td>{text}</td>");
            }
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table>");
    html
}

/// The articles the story rests on.
fn documents_footer(dataset: &Dataset, lang: Lang) -> String {
    let strings = lang.strings();
    let mut html = String::new();
    let _ = write!(
        html,
        "<footer class=\"site-footer\"><p>{}</p><ul class=\"documents\">",
        escape_text(strings.footer_sources)
    );
    for doc in &dataset.documents {
        let date = doc
            .published
            .as_deref()
            .map(|date| format!(", {}", escape_text(date)))
            .unwrap_or_default();
        let _ = write!(
            html,
            "<li><cite lang=\"fr\">{}</cite> <span class=\"muted\">({}{date})</span></li>",
            escape_text(&doc.title),
            escape_text(&doc.file),
        );
    }
    let _ = write!(
        html,
        "</ul><p class=\"muted\">{}</p></footer>",
        escape_text(strings.footer_method)
    );
    html
}

/// A summary with its little HTML, through the sanitizer: text with no
/// block element is wrapped in a `<p>`, as the app does.
fn rich_text_html(text: &str, html: &mut String) {
    let nodes = rich_text::parse(text);
    let has_block = nodes.iter().any(|node| {
        matches!(node, Node::Element { tag, .. } if matches!(tag.name(), "p" | "blockquote" | "ul" | "ol" | "li"))
    });
    if has_block {
        nodes_html(&nodes, html);
    } else if !nodes.is_empty() {
        html.push_str("<p>");
        nodes_html(&nodes, html);
        html.push_str("</p>");
    }
}

/// Nodes are at most `rich_text::MAX_DEPTH` deep, so this recursion is
/// bounded.
fn nodes_html(nodes: &[Node], html: &mut String) {
    for node in nodes {
        match node {
            Node::Text(text) => html.push_str(&escape_text(text)),
            Node::Break => html.push_str("<br>"),
            Node::Element { tag, children } => {
                let _ = write!(html, "<{}>", tag.name());
                nodes_html(children, html);
                let _ = write!(html, "</{}>", tag.name());
            }
            Node::Link { href, children } => match safe_href(href) {
                Some(href) => {
                    let _ = write!(
                        html,
                        "<a href=\"{}\" rel=\"noopener noreferrer\">",
                        escape_attr(&href)
                    );
                    nodes_html(children, html);
                    html.push_str("</a>");
                }
                None => nodes_html(children, html),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data;

    #[test]
    fn escaping_leaves_no_markup_characters() {
        assert_eq!(
            escape_text("a < b & c > d \"e\""),
            "a &lt; b &amp; c &gt; d \"e\""
        );
        assert_eq!(
            escape_attr("\"><script>alert('x')</script>"),
            "&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
        );
        assert_eq!(escape_attr("l’été « 2025 »"), "l’été « 2025 »");
    }

    #[test]
    fn the_static_version_lists_every_event_with_its_date_quotes_and_figures() {
        let (dataset, problems) = data::bundled();
        assert!(problems.is_empty());
        let html = app_placeholder(&dataset, Lang::Fr);
        assert_eq!(
            html.matches("<li class=\"static-event\"").count(),
            dataset.events.len()
        );
        for event in &dataset.events {
            assert!(
                html.contains(&format!("<time datetime=\"{}\">", event.date.iso())),
                "{}",
                event.id
            );
            assert!(html.contains(&escape_text(&event.title.fr)), "{}", event.id);
            for quote in event.sources.iter().filter_map(|s| s.quote.as_deref()) {
                assert!(html.contains(&escape_text(quote)), "{quote}");
            }
        }
        assert_eq!(
            html.matches("<tr><td><strong>").count(),
            dataset.figures.len()
        );
        assert_eq!(
            html.matches("<div class=\"track\" ").count(),
            dataset.tracks.len()
        );
        let english = app_placeholder(&dataset, Lang::En);
        assert!(english.contains(&escape_text(&dataset.events[0].title.en)));
    }

    /// The static version, the print version (`events_list`, which the app
    /// writes before printing) and the page's tooltips, tables and cards
    /// show each figure and each date in the words of the presentation
    /// layer; the detail panel calls the same `present::event_lines` (and
    /// `tests/web.rs` checks that the browser's `Intl` gives the same
    /// lines as the plain formatter used here).
    #[test]
    fn the_page_the_print_and_the_static_version_word_figures_and_dates_alike() {
        use crate::charts::key_figures::card;
        use crate::charts::tooltip::figure_tooltip;
        use crate::present::{event_lines, figure_value};
        let (dataset, _) = data::bundled();
        for lang in Lang::ALL {
            let fmt = PlainFormatter(lang);
            let static_version = app_placeholder(&dataset, lang);
            let print_version = events_list(&dataset, lang);
            for idx in 0..dataset.events.len() {
                let lines = event_lines(&dataset, idx, &fmt).unwrap();
                let date = format!(
                    "<time datetime=\"{}\">{}</time> <span class=\"date-note\">— {}</span>",
                    lines.date.iso,
                    escape_text(&lines.date.date),
                    escape_text(&lines.date.notes_text())
                );
                for (name, html) in [("static", &static_version), ("print", &print_version)] {
                    assert!(html.contains(&date), "{name} {lang:?}: {date}");
                }
            }
            for (idx, figure) in dataset.figures.iter().enumerate() {
                let value = figure_value(figure, &fmt);
                let in_list = format!(
                    "<strong class=\"figure-value\">{}</strong>",
                    escape_text(&value)
                );
                let in_table = format!("<td><strong>{}</strong></td>", escape_text(&value));
                assert!(print_version.contains(&in_list), "print {lang:?}: {value}");
                assert!(
                    static_version.contains(&in_list),
                    "static {lang:?}: {value}"
                );
                assert!(
                    static_version.contains(&in_table),
                    "static table {lang:?}: {value}"
                );
                let tooltip = figure_tooltip(&dataset, idx, &fmt, Vec::new());
                assert_eq!(tooltip.rows[0].1, value, "tooltip {lang:?}");
                assert_eq!(
                    card(&dataset, idx, &fmt).lines.value,
                    value,
                    "card {lang:?}"
                );
            }
        }
        let aws = dataset
            .figures
            .iter()
            .find(|f| f.id == "aws-government-50bn")
            .unwrap();
        assert_eq!(figure_value(aws, &PlainFormatter(Lang::En)), "up to $50bn");
        assert_eq!(
            figure_value(aws, &PlainFormatter(Lang::Fr)),
            "jusqu’à 50\u{a0}Md$"
        );
        // Outside the French text (quotes and article titles, in
        // `lang="fr"` elements), the English version has no French marks.
        let english = app_placeholder(&dataset, Lang::En);
        let mut outside_french = String::new();
        let mut rest = english.as_str();
        while let Some(start) = rest.find("lang=\"fr\">") {
            outside_french.push_str(&rest[..start]);
            let after = &rest[start..];
            rest = after.find("</").map_or("", |end| &after[end..]);
        }
        outside_french.push_str(rest);
        assert!(
            english.contains("“<span lang=\"fr\">"),
            "English quotation marks"
        );
        for mark in ['«', '»', '\u{202f}'] {
            assert!(
                !outside_french.contains(mark),
                "{mark:?} in the English version"
            );
        }
        assert!(!outside_french.contains(" ; "));
    }

    #[test]
    fn no_element_has_an_id_or_a_style_attribute() {
        let (dataset, _) = data::bundled();
        let html = app_placeholder(&dataset, Lang::Fr);
        assert!(!html.contains(" id="), "ids make browsers scroll to them");
        assert!(!html.contains(" style="), "blocked by style-src 'self'");
        assert!(!html.contains("<script") && !html.contains("<style"));
    }

    /// Every string field of a crafted dataset ends up escaped: no tag but
    /// the generator's own, no event handler, no `javascript:` link.
    #[test]
    fn crafted_dataset_strings_never_become_markup() {
        let fixture = include_str!("../www/fixtures/xss.json");
        let loaded = data::load(fixture.as_bytes());
        assert!(!loaded.dataset.events.is_empty());
        for lang in Lang::ALL {
            let html = format!(
                "{}{}",
                app_placeholder(&loaded.dataset, lang),
                events_list(&loaded.dataset, lang)
            );
            check_only_known_tags(&html);
            // Payload text may show, as text; inside tags, no handler and
            // no script address.
            let lower = html.to_ascii_lowercase();
            for tag in tags(&lower) {
                assert!(!tag.contains("javascript:"), "<{tag}> in {lang:?}");
                let names = attribute_names(tag);
                assert!(
                    names.iter().all(|name| !name.starts_with("on")),
                    "<{tag}> in {lang:?}"
                );
            }
        }
        let payload = r#"{"title":{"fr":"","en":""},"tracks":[{"id":"t","label":{"fr":"<b onmouseover=x>T","en":"T"}}],
            "events":[{"id":"e\"><img src=x>","date":"2025-01-02","date_kind":"occurred","title":{"fr":"<script>alert(1)</script>","en":"x"},
            "summary":{"fr":"<a href=\"javascript:alert(1)\">lien</a> <a href=\"https://ok.example/?a=1&amp;b=&quot;2\">ok</a>","en":"x"},"track":"t",
            "sources":[{"url":"javascript:alert(1)","publisher":"<i>P</i>"}]}]}"#;
        let (dataset, _) = data::parse(payload);
        assert_eq!(dataset.events.len(), 1);
        let html = events_list(&dataset, Lang::Fr);
        check_only_known_tags(&html);
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("data-event-id=\"e&quot;&gt;&lt;img src=x&gt;\""));
        assert!(html.contains("lien"));
        assert!(!html.contains("javascript:"));
        assert!(html.contains("href=\"https://ok.example/?a=1&amp;b=&quot;2\""));
        assert!(html.contains("&lt;i&gt;P&lt;/i&gt;"));
    }

    /// The tags of an HTML text, `<` to `>`, lower-cased by the caller.
    fn tags(html: &str) -> impl Iterator<Item = &str> {
        html.split('<')
            .skip(1)
            .filter_map(|rest| rest.split('>').next())
    }

    /// The attribute names of a tag (`p class="a b"` → `["class"]`), values
    /// in double quotes skipped whole.
    fn attribute_names(tag: &str) -> Vec<String> {
        let mut names = Vec::new();
        let mut chars = tag.chars().skip_while(|c| !c.is_whitespace()).peekable();
        loop {
            while chars.next_if(|c| c.is_whitespace() || *c == '/').is_some() {}
            let name: String =
                std::iter::from_fn(|| chars.next_if(|c| !c.is_whitespace() && *c != '=')).collect();
            if name.is_empty() {
                return names;
            }
            names.push(name);
            if chars.next_if_eq(&'=').is_some() {
                if chars.next_if_eq(&'"').is_some() {
                    for c in chars.by_ref() {
                        if c == '"' {
                            break;
                        }
                    }
                } else {
                    while chars.next_if(|c| !c.is_whitespace()).is_some() {}
                }
            }
        }
    }

    #[test]
    fn attribute_names_skip_quoted_values() {
        assert_eq!(
            attribute_names("li class=\"a onclick=x\" data-x=\"y\" hidden"),
            ["class", "data-x", "hidden"]
        );
    }

    fn check_only_known_tags(html: &str) {
        const KNOWN: &[&str] = &[
            "header",
            "div",
            "p",
            "h1",
            "h2",
            "h3",
            "h4",
            "section",
            "ul",
            "ol",
            "li",
            "span",
            "article",
            "time",
            "strong",
            "em",
            "b",
            "i",
            "br",
            "blockquote",
            "q",
            "cite",
            "a",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
            "footer",
        ];
        for tag in tags(html) {
            let name = tag
                .trim_start_matches('/')
                .split([' ', '/'])
                .next()
                .unwrap_or("");
            assert!(KNOWN.contains(&name), "unexpected tag <{tag}>");
        }
    }

    #[test]
    fn the_loading_state_reserves_the_track_height_the_stylesheet_gives() {
        let css = include_str!("../www/style.css");
        // The loading state reserves the app's track height (scale::TRACK_PLOT_PX).
        let rule = format!(
            ".loading-state .track-plot {{ height: {}px; }}",
            crate::scale::TRACK_PLOT_PX
        );
        assert!(css.contains(&rule), "www/style.css needs `{rule}`");
    }
}
