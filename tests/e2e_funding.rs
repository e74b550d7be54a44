//! The funding section in the browser says what the presentation layer
//! says (issue 14, point 4): the commitments chart's and the cumulative
//! chart's summaries, in French and in English, at a phone's and a
//! desktop's width, read word for word as `charts::commitments::summary`
//! and `charts::cumulative::summary_parts` word them on the host (the
//! page prints digits and dates with `Intl`, the host with the plain
//! formatter; `tests/web.rs` holds them equal). It also saves the
//! section's screenshots, `funding-{chart}-{width}.png` (French, as the
//! README shows them) and `funding-{chart}-en-{width}.png`
//! (`E2E_SCREENSHOTS=docs/screenshots` refreshes the committed ones).
//!
//! Ignored by a plain `cargo test`: it needs the release build and a
//! browser. `cargo xtask test` runs it once per engine.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use ai_race::charts::commitments::{self, CommitmentsModel, CommitmentsOptions};
use ai_race::charts::cumulative::{self, CumulativeModel};
use ai_race::data;
use ai_race::i18n::{Lang, PlainFormatter};
use fantoccini::Client;
use serde_json::json;
use support::viewport::{leave_frame, screenshot_dir, screenshot_frame, show_in_frame};
use support::{journey, normalize_space, text_of, wait_until, Engine, TestResult};

/// The sections of the funding part, by `data-testid`, and the name of
/// their screenshot.
const SECTIONS: [(&str, &str); 4] = [
    ("commitments-chart", "commitments"),
    ("cumulative-chart", "cumulative"),
    ("actor-matrix", "matrix"),
    ("key-figures", "key-figures"),
];

/// Spaces as a reader sees them: no-break and narrow no-break spaces are
/// spaces, runs of spaces one.
fn spaced(text: &str) -> String {
    normalize_space(&text.replace(['\u{a0}', '\u{202f}'], " "))
}

/// What the summaries must read in `lang`, from the same bundled file.
fn expected_summaries(lang: Lang) -> [(&'static str, String); 2] {
    let (dataset, problems) = data::bundled();
    assert!(problems.is_empty(), "{problems:#?}");
    let fmt = PlainFormatter(lang);
    let commitments = commitments::summary(
        &dataset,
        &CommitmentsModel::new(&dataset),
        CommitmentsOptions::default(),
        &fmt,
    );
    let cumulative =
        cumulative::summary_parts(&dataset, &CumulativeModel::new(&dataset), &fmt).lead_text();
    [
        ("[data-testid=commitments-summary]", commitments),
        ("[data-testid=cumulative-summary]", cumulative),
    ]
}

/// Waits until the element `css` reads `expected` (spaces aside).
async fn wait_for_text(client: &Client, css: &str, expected: &str) -> TestResult {
    let expected = spaced(expected);
    wait_until(&format!("{css} to read {expected:?}"), || async {
        let text = text_of(client, css).await?.unwrap_or_default();
        Ok(if spaced(&text) == expected {
            Ok(())
        } else {
            Err(text)
        })
    })
    .await
}

/// Scrolls the section `test_id` to the top of the viewport.
async fn scroll_to(client: &Client, test_id: &str) -> TestResult {
    client
        .execute(
            "const section = document.querySelector('[data-testid=\"' + arguments[0] + '\"]');\
             section.scrollIntoView({block: 'start'});\
             return section.getBoundingClientRect().top;",
            vec![json!(test_id)],
        )
        .await?;
    Ok(())
}

#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and a browser: run `cargo xtask test`"]
async fn the_charts_summaries_read_as_the_presentation_layer_words_them_in_both_languages(
) -> TestResult {
    let french = expected_summaries(Lang::Fr);
    let english = expected_summaries(Lang::En);
    // The copy desk's total: a floor and a ceiling, said as such.
    assert!(
        spaced(&english[1].1).starts_with("$550bn of distinct commitments"),
        "{}",
        english[1].1
    );
    assert!(english[1].1.contains("it is neither a floor nor a ceiling"));
    let dir = screenshot_dir();
    journey(|client, site| async move {
        let chromium = Engine::current() == Engine::Chromium;
        for (lang, query, expected) in [("fr", "/", &french), ("en", "/?lang=en", &english)] {
            for width in [375, 1280] {
                show_in_frame(&client, &site.url(query), width, 900).await?;
                for (css, text) in expected.iter() {
                    wait_for_text(&client, css, text).await?;
                }
                // The committed screenshots come from Chromium.
                if chromium {
                    for (test_id, name) in SECTIONS {
                        scroll_to(&client, test_id).await?;
                        let file = match lang {
                            "fr" => format!("funding-{name}-{width}.png"),
                            _ => format!("funding-{name}-{lang}-{width}.png"),
                        };
                        screenshot_frame(&client, &dir.join(file)).await?;
                    }
                }
                leave_frame(&client).await?;
            }
        }
        Ok(())
    })
    .await
}
