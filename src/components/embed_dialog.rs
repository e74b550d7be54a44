//! The "Embed" button and its dialog: the code that puts the current view
//! (language, open event, timeline window, data) into a news article, an
//! iframe and `embed.js`, with a button that copies it.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser;
use super::context::AppContext;
use crate::state::embed::{embed_code, frame_name, EmbedView};
use crate::state::shown::DataOrigin;

/// The button (in the page header) and the dialog it opens. Nothing in
/// embed mode (an embedded view has no page chrome) nor in a page opened
/// from the file system (the single file: there is no address to embed).
/// The dialog and the embed code are a wasm chunk of their own, loaded on
/// the first click.
#[component]
pub fn EmbedDialog() -> impl IntoView {
    let context = expect_context::<AppContext>();
    if browser::read_url().embed || browser::page_url().starts_with("file:") {
        return ().into_any();
    }
    let lang = context.lang();
    let strings = move || lang.get().strings();
    // Whether the reader asked for the dialog, and each time they ask: the
    // dialog opens itself for each, the first as soon as its chunk has
    // arrived.
    let requested = RwSignal::new(false);
    let requests = Trigger::new();
    view! {
        <button type="button" class="embed-button" data-testid="embed-button" aria-haspopup="dialog"
            on:click=move |_| {
                requested.set(true);
                requests.notify();
            }>
            {move || strings().embed_button}
        </button>
        <Show when=move || requested.get()>
            {Suspend::new(async move { chunk!(embed_dialog(requests)) })}
        </Show>
    }
    .into_any()
}

/// The dialog, in its own wasm chunk (`#[lazy]`).
#[cfg_attr(feature = "split", leptos::lazy)]
fn embed_dialog(requests: Trigger) -> AnyView {
    view! { <Dialog requests=requests /> }.into_any()
}

/// The dialog with the code and the copy button; opens on every request.
#[component]
fn Dialog(requests: Trigger) -> impl IntoView {
    let context = expect_context::<AppContext>();
    let lang = context.lang();
    let strings = move || lang.get().strings();
    let dialog_ref = NodeRef::<html::Dialog>::new();
    let code_ref = NodeRef::<html::Textarea>::new();
    let code = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());

    Effect::new(move |_| {
        requests.track();
        if let Some(dialog) = dialog_ref.get() {
            code.set(current_code(&context));
            status.set(String::new());
            if !dialog.open() {
                let _ = dialog.show_modal();
            }
        }
    });
    let copy = move |_| {
        spawn_local(async move {
            let copied = browser::copy_to_clipboard(&code.get_untracked()).await;
            let strings = lang.get_untracked().strings();
            if copied {
                status.set(strings.embed_copied.to_string());
            } else {
                // Selected, so that Ctrl+C copies it.
                if let Some(textarea) = code_ref.get_untracked() {
                    let _ = textarea.focus();
                    textarea.select();
                }
                status.set(strings.embed_copy_failed.to_string());
            }
        });
    };
    let close = move |_| {
        if let Some(dialog) = dialog_ref.get_untracked() {
            dialog.close();
        }
    };

    view! {
        <dialog class="embed-dialog" data-testid="embed-dialog" node_ref=dialog_ref aria-label=move || strings().embed_heading>
            <h2>{move || strings().embed_heading}</h2>
            <p class="help">{move || strings().embed_help}</p>
            <label class="embed-code">
                <span>{move || strings().embed_code_label}</span>
                <textarea readonly rows="6" spellcheck="false" data-testid="embed-code" node_ref=code_ref prop:value=move || code.get()></textarea>
            </label>
            <div class="embed-actions">
                <button type="button" data-testid="embed-copy" on:click=copy>{move || strings().embed_copy}</button>
                <button type="button" data-testid="embed-close" on:click=close>{move || strings().detail_close}</button>
            </div>
            <p class="embed-status" role="status" data-testid="embed-status">{move || status.get()}</p>
        </dialog>
    }
}

/// The embed code for what the reader sees now.
fn current_code(context: &AppContext) -> String {
    let (lang, selected, view) = context
        .view_state()
        .with_untracked(|s| (s.lang, s.selected, s.view_days()));
    let embed_view = EmbedView {
        lang,
        event_id: selected.and_then(|idx| Some(context.dataset().events.get(idx)?.id.clone())),
        view,
        data: match context.origin() {
            DataOrigin::Url(value) => Some(value),
            DataOrigin::Published | DataOrigin::LocalFile(_) => None,
        },
    };
    // A name per iframe: the `id` of its height messages.
    let frame_name = frame_name(js_sys::Math::random());
    embed_code(
        &browser::page_url(),
        &embed_view,
        lang.strings().app_title,
        &frame_name,
    )
}
