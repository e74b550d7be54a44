//! Sources with their verbatim French quotes, as the presentation layer
//! words them (`present::Citation`): the quote in the reader's quotation
//! marks around the French text, the article's title and its date (or
//! "undated article"), or the public record with its publisher, link and
//! note. The detail panel and the key-figure cards show the same markup.

use leptos::prelude::*;

use crate::i18n::Lang;
use crate::present::{Citation, Quoted};

/// The list of sources of one fact.
#[component]
pub fn SourceList(
    /// The sources, already worded in `lang`.
    citations: Vec<Citation>,
    /// The reader's language.
    lang: Lang,
    /// `data-testid` of the list.
    #[prop(default = "detail-sources")]
    test_id: &'static str,
) -> impl IntoView {
    view! {
        <ul class="sources" data-testid=test_id>
            {citations.into_iter().map(|citation| citation_item(citation, lang)).collect_view()}
        </ul>
    }
}

/// A quotation: the reader's quotation marks around the French text.
pub fn quote_view(quoted: Quoted) -> impl IntoView {
    view! { <span class="quote">{quoted.open}<span lang="fr">{quoted.text}</span>{quoted.close}</span> }
}

/// One source as a list item.
fn citation_item(citation: Citation, lang: Lang) -> AnyView {
    let strings = lang.strings();
    let label = citation.label(lang);
    let note = citation
        .note()
        .map(|note| view! { " " <span class="source-note">{note.to_string()}</span> });
    match citation {
        Citation::Seed(seed) => view! {
            <li class="source" data-testid="source" data-seed=seed.file.clone()>
                {seed.quote.map(|quoted| view! { <blockquote>{quote_view(quoted)}</blockquote> })}
                <p class="source-ref">
                    {label} {strings.colon}
                    <cite lang="fr">{seed.title}</cite>
                    " " <span class="source-date">{format!("({})", seed.date)}</span>
                    " " <span class="muted">{format!("({})", seed.file)}</span>
                    {note}
                </p>
            </li>
        }
        .into_any(),
        Citation::Public(public) => view! {
            <li class="source public" data-testid="source">
                <p class="source-ref">
                    {label} {strings.colon}
                    {match public.url {
                        Some(url) => view! { <a href=url target="_blank" rel="noopener noreferrer">{public.publisher}</a> }.into_any(),
                        None => public.publisher.into_any(),
                    }}
                    {note}
                </p>
            </li>
        }
        .into_any(),
        Citation::Empty => ().into_any(),
    }
}
