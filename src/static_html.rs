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

use std::fmt::Write;

use crate::charts::kind_name;
use crate::data::rich_text::{self, is_web_url, safe_href, Node};
use crate::data::{Dataset, DateKind, Event, SourceRef};
use crate::i18n::{fill, format_date, format_figure, format_number, Lang, Strings};

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
    for (marker_class, text) in [
        ("single precision-day", strings.legend_day),
        ("single precision-month", strings.legend_month),
        ("single derived", strings.legend_derived),
        ("single reported", strings.legend_reported),
        ("cluster", strings.legend_cluster),
    ] {
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
    for event in &dataset.events {
        event_item(dataset, event, lang, &mut html);
    }
    html.push_str("</ol>");
    html
}

fn event_item(dataset: &Dataset, event: &Event, lang: Lang, html: &mut String) {
    let strings = lang.strings();
    let _ = write!(
        html,
        "<li class=\"static-event\" data-event-id=\"{}\"><article>\
         <p class=\"static-date\"><time datetime=\"{}\">{}</time>{}</p><h3>{}</h3>",
        escape_attr(&event.id),
        escape_attr(&event.date.iso()),
        escape_text(&format_date(&event.date, lang)),
        date_notes(dataset, event, lang)
            .map(|notes| format!(
                " <span class=\"date-note\">— {}</span>",
                escape_text(&notes)
            ))
            .unwrap_or_default(),
        escape_text(lang.pick(&event.title)),
    );
    if let Some(track) = dataset.tracks.get(event.track_idx) {
        let _ = write!(
            html,
            "<p class=\"detail-track\"><span class=\"track-badge track-{}\">{}</span></p>",
            event.track_idx,
            escape_text(lang.pick(&track.label))
        );
    }
    html.push_str("<div class=\"summary\">");
    rich_text_html(lang.pick(&event.summary), html);
    html.push_str("</div>");
    if !event.actors.is_empty() {
        let names: Vec<String> = event
            .actors
            .iter()
            .map(|id| dataset.actor_name(id, lang))
            .map(escape_text)
            .collect();
        let _ = write!(
            html,
            "<p class=\"static-actors\">{}{}{}</p>",
            escape_text(strings.actors_heading),
            escape_text(strings.colon),
            names.join(", ")
        );
    }
    if !event.figure_idxs.is_empty() {
        html.push_str("<ul class=\"figures\">");
        for &figure_idx in &event.figure_idxs {
            if let Some(figure) = dataset.figures.get(figure_idx) {
                let _ = write!(
                    html,
                    "<li><strong class=\"figure-value\">{}</strong> {}</li>",
                    escape_text(&format_figure(figure, lang)),
                    escape_text(lang.pick(&figure.label))
                );
            }
        }
        html.push_str("</ul>");
    }
    if !event.sources.is_empty() {
        let _ = write!(
            html,
            "<h4>{}</h4><ul class=\"sources\">",
            escape_text(strings.sources_heading)
        );
        for source in &event.sources {
            source_item(dataset, source, lang, html);
        }
        html.push_str("</ul>");
    }
    html.push_str("</article></li>");
}

/// "date of the article reporting it", derived deadlines and date notes.
fn date_notes(dataset: &Dataset, event: &Event, lang: Lang) -> Option<String> {
    let strings = lang.strings();
    let mut notes: Vec<String> = Vec::new();
    if event.date_kind == DateKind::Reported {
        notes.push(strings.date_reported.to_string());
    }
    if let Some(derivation) = &event.derived {
        let base = dataset
            .event_idx(&derivation.from)
            .map(|idx| lang.pick(&dataset.events[idx].title).to_string())
            .unwrap_or_default();
        let offset = if derivation.months > 0 {
            fill(strings.date_derived_months, derivation.months)
        } else {
            fill(strings.date_derived_days, derivation.days)
        };
        notes.push(format!("{offset} « {base} »"));
    }
    if let Some(note) = &event.date_note {
        notes.push(lang.pick(note).to_string());
    }
    (!notes.is_empty()).then(|| notes.join(" ; "))
}

fn source_item(dataset: &Dataset, source: &SourceRef, lang: Lang, html: &mut String) {
    let strings = lang.strings();
    let note = source
        .note
        .as_ref()
        .map(|note| lang.pick(note))
        .filter(|note| !note.trim().is_empty())
        .map(|note| format!(" <span class=\"source-note\">{}</span>", escape_text(note)))
        .unwrap_or_default();
    match (&source.seed, &source.url) {
        (Some(seed), _) => {
            let title = dataset.document(seed).map_or("", |doc| doc.title.as_str());
            let quote = source.quote.as_deref().unwrap_or_default();
            let _ = write!(
                html,
                "<li class=\"source\"><blockquote lang=\"fr\"><q>{}</q></blockquote>\
                 <p class=\"source-ref\">{}{}<cite lang=\"fr\">{}</cite> <span class=\"muted\">({})</span>{note}</p></li>",
                escape_text(quote),
                escape_text(strings.seed_source_label),
                escape_text(strings.colon),
                escape_text(title),
                escape_text(seed),
            );
        }
        (None, Some(url)) => {
            let publisher = source.publisher.as_deref().unwrap_or(url.as_str());
            let link = if is_web_url(url) {
                format!(
                    "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
                    escape_attr(url),
                    escape_text(publisher)
                )
            } else {
                escape_text(publisher)
            };
            let _ = write!(
                html,
                "<li class=\"source public\"><p class=\"source-ref\">{}{}{link}{note}</p></li>",
                escape_text(strings.public_source_label),
                escape_text(strings.colon),
            );
        }
        (None, None) => {}
    }
}

/// Every figure, in timeline order: value, what it measures, its kind and
/// period, and the event it belongs to.
pub fn figures_table(dataset: &Dataset, lang: Lang) -> String {
    let strings = lang.strings();
    let mut figure_idxs: Vec<usize> = (0..dataset.figures.len()).collect();
    figure_idxs.sort_by_key(|&idx| (dataset.figures[idx].event_idx, idx));
    let mut html = String::new();
    let _ = write!(
        html,
        "<table class=\"static-figures\" data-testid=\"static-figures\"><thead><tr>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
         </tr></thead><tbody>",
        escape_text(strings.static_figure_col),
        escape_text(strings.static_what_col),
        escape_text(strings.chart_col_kind),
        escape_text(strings.static_event_col),
    );
    for idx in figure_idxs {
        let figure = &dataset.figures[idx];
        let event = dataset.events.get(figure.event_idx);
        let _ = write!(
            html,
            "<tr><td><strong>{}</strong></td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape_text(&format_figure(figure, lang)),
            escape_text(lang.pick(&figure.label)),
            escape_text(&figure_qualifiers(figure, strings, lang)),
            event
                .map(|event| format!(
                    "{} ({})",
                    escape_text(lang.pick(&event.title)),
                    escape_text(&format_date(&event.date, lang))
                ))
                .unwrap_or_default(),
        );
    }
    html.push_str("</tbody></table>");
    html
}

fn figure_qualifiers(figure: &crate::data::Figure, strings: &Strings, lang: Lang) -> String {
    let mut qualifiers = vec![kind_name(figure.kind, strings).to_string()];
    if let Some(period) = figure.period {
        qualifiers.push(if period.years == 1.0 {
            strings.period_one_year.to_string()
        } else {
            fill(strings.period_years, format_number(period.years, lang, 1))
        });
    }
    qualifiers.join(", ")
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
