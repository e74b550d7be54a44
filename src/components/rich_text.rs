//! Renders a sanitized text ([`crate::data::rich_text`]) as Leptos
//! elements. No string ever reaches `innerHTML`: text becomes text nodes,
//! and only the allowed elements are created.

use leptos::prelude::*;

use crate::data::rich_text::{parse, Node, Tag};

/// A text with a little HTML (p, a, em, strong, b, i, br, blockquote,
/// cite, ul, ol, li). Text with no block element is wrapped in a `<p>`.
#[component]
pub fn RichText(
    /// The text as written in the data file.
    text: String,
) -> impl IntoView {
    let nodes = parse(&text);
    let has_block = nodes.iter().any(|node| {
        matches!(
            node,
            Node::Element {
                tag: Tag::P | Tag::Blockquote | Tag::Ul | Tag::Ol | Tag::Li,
                ..
            }
        )
    });
    let nodes = if has_block || nodes.is_empty() {
        nodes
    } else {
        vec![Node::Element {
            tag: Tag::P,
            children: nodes,
        }]
    };
    nodes.into_iter().map(render).collect_view()
}

fn render(node: Node) -> AnyView {
    match node {
        Node::Text(text) => text.into_any(),
        Node::Break => view! { <br /> }.into_any(),
        Node::Link { href, children } => {
            let children = render_all(children);
            view! { <a href=href target="_blank" rel="noopener noreferrer">{children}</a> }
                .into_any()
        }
        Node::Element { tag, children } => {
            let children = render_all(children);
            match tag {
                Tag::P => view! { <p>{children}</p> }.into_any(),
                Tag::Em => view! { <em>{children}</em> }.into_any(),
                Tag::Strong => view! { <strong>{children}</strong> }.into_any(),
                Tag::B => view! { <b>{children}</b> }.into_any(),
                Tag::I => view! { <i>{children}</i> }.into_any(),
                Tag::Blockquote => view! { <blockquote>{children}</blockquote> }.into_any(),
                Tag::Cite => view! { <cite>{children}</cite> }.into_any(),
                Tag::Ul => view! { <ul>{children}</ul> }.into_any(),
                Tag::Ol => view! { <ol>{children}</ol> }.into_any(),
                Tag::Li => view! { <li>{children}</li> }.into_any(),
            }
        }
    }
}

/// Children are at most [`crate::data::rich_text::MAX_DEPTH`] deep, so
/// this recursion is bounded.
fn render_all(nodes: Vec<Node>) -> Vec<AnyView> {
    nodes.into_iter().map(render).collect()
}
