//! Sources with their verbatim French quotes: always shown as quotations
//! with the article they come from.

use leptos::prelude::*;

use super::context::AppContext;
use crate::data::SourceRef;

/// The list of sources of one fact.
#[component]
pub fn SourceList(
    /// The sources to show, in order.
    sources: Vec<SourceRef>,
) -> impl IntoView {
    let context = expect_context::<AppContext>();
    let lang = context.lang();
    let dataset = context.dataset();
    view! {
        <ul class="sources" data-testid="detail-sources">
            {sources
                .into_iter()
                .map(|source| {
                    let note = source.note.clone();
                    let note_view = move || note.as_ref().map(|n| view! { <span class="source-note">{lang.get().pick(n).to_string()}</span> });
                    match (&source.seed, &source.url) {
                        (Some(seed), _) => {
                            let title = dataset.document(seed).map(|d| d.title.clone()).unwrap_or_default();
                            let quote = source.quote.clone().unwrap_or_default();
                            let seed = seed.clone();
                            view! {
                                <li class="source" data-testid="source" data-seed=seed.clone()>
                                    <blockquote lang="fr"><q>{quote}</q></blockquote>
                                    <p class="source-ref">
                                        {move || lang.get().strings().seed_source_label} {move || lang.get().strings().colon}
                                        <cite lang="fr">{title}</cite>
                                        " " <span class="muted">{format!("({seed})")}</span>
                                        " " {note_view}
                                    </p>
                                </li>
                            }
                            .into_any()
                        }
                        (None, Some(url)) => {
                            let publisher = source.publisher.clone().unwrap_or_default();
                            let is_web = url.starts_with("https://") || url.starts_with("http://");
                            let href = is_web.then(|| url.clone());
                            view! {
                                <li class="source public" data-testid="source">
                                    <p class="source-ref">
                                        {move || lang.get().strings().public_source_label} {move || lang.get().strings().colon}
                                        <a href=href target="_blank" rel="noopener noreferrer">{publisher}</a>
                                        " " {note_view}
                                    </p>
                                </li>
                            }
                            .into_any()
                        }
                        (None, None) => ().into_any(),
                    }
                })
                .collect_view()}
        </ul>
    }
}
