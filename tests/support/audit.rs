//! Accessibility and layout audits of the current page: axe-core for the WCAG rules it can
//! check, and the measurements it cannot make (target sizes, text sizes, overlapping labels,
//! horizontal scrolling, headings and landmarks, the visible focus).
//!
//! Each audit returns the offenders as readable lines; an empty list passes.

use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

use fantoccini::wd::TimeoutConfiguration;
use fantoccini::Client;
use serde_json::{json, Value};

use super::TestResult;

/// The axe-core tags of the WCAG 2.0, 2.1 and 2.2 success criteria at levels A and AA.
pub const WCAG_A_AA_TAGS: [&str; 5] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/// How long one axe run may take (a full page in WebKit on two cores takes a few seconds).
const AXE_TIMEOUT: Duration = Duration::from_secs(120);

/// The source of `axe.min.js`: `AXE_CORE_JS`, else the copy `cargo xtask test` installs from
/// the npm package `axe-core` into `.tools/`.
fn axe_source() -> TestResult<&'static str> {
    static SOURCE: OnceLock<Result<String, String>> = OnceLock::new();
    let source = SOURCE.get_or_init(|| {
        let path = std::env::var_os("AXE_CORE_JS")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                    .join(".tools/node_modules/axe-core/axe.min.js")
            });
        std::fs::read_to_string(&path).map_err(|err| {
            format!(
                "could not read axe-core from {}: {err} (run `cargo xtask test`, which installs \
                 the npm package axe-core into .tools/, or set AXE_CORE_JS)",
                path.display()
            )
        })
    });
    source.as_deref().map_err(|err| err.clone().into())
}

/// The WCAG A and AA violations axe-core finds in the current document (or frame), one line
/// per rule with the offending elements.
pub async fn axe_violations(client: &Client) -> TestResult<Vec<String>> {
    let has_axe = client
        .execute("return typeof window.axe === 'object';", vec![])
        .await?;
    if has_axe != json!(true) {
        client.execute(axe_source()?, vec![]).await?;
    }
    client
        .update_timeouts(TimeoutConfiguration::new(
            Some(AXE_TIMEOUT),
            None,
            Some(Duration::ZERO),
        ))
        .await?;
    let result = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, {
                 runOnly: { type: 'tag', values: arguments[0] },
                 resultTypes: ['violations'],
             }).then(
                 (results) => done(results.violations.map((v) => ({
                     id: v.id, impact: v.impact, help: v.help,
                     nodes: v.nodes.map((n) => n.target.join(' ') + ' — ' +
                         (n.failureSummary || '').replace(/\\s+/g, ' ')),
                 }))),
                 (error) => done({ error: String(error) }),
             );",
            vec![json!(WCAG_A_AA_TAGS)],
        )
        .await?;
    if let Some(error) = result.get("error") {
        return Err(format!("axe-core failed: {error}").into());
    }
    let violations = result.as_array().ok_or("axe-core returned no list")?;
    Ok(violations
        .iter()
        .map(|violation| {
            let nodes: Vec<&str> = violation["nodes"]
                .as_array()
                .map(|nodes| nodes.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            format!(
                "{} ({}): {}\n    {}",
                violation["id"].as_str().unwrap_or("?"),
                violation["impact"].as_str().unwrap_or("?"),
                violation["help"].as_str().unwrap_or(""),
                nodes.join("\n    ")
            )
        })
        .collect())
}

/// Runs `script` (which returns a list of strings) and returns the list.
async fn offenders(client: &Client, script: &str, args: Vec<Value>) -> TestResult<Vec<String>> {
    let found = client.execute(script, args).await?;
    Ok(serde_json::from_value(found)?)
}

/// Shared by the scripts below: is an element rendered and visible to a sighted reader?
/// (Screen-reader-only text is clipped to 1 px and does not count.)
const IS_SHOWN: &str = "
    const isShown = (el) => {
        const rects = el.getClientRects();
        if (rects.length === 0) return false;
        const r = el.getBoundingClientRect();
        if (r.width <= 1 || r.height <= 1) return false;
        for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
            const s = getComputedStyle(node);
            if (s.visibility === 'hidden' || s.display === 'none' || Number(s.opacity) === 0) return false;
            if (node.classList.contains('visually-hidden')) return false;
        }
        return true;
    };
    const describe = (el) => {
        const id = el.getAttribute('data-testid') || el.getAttribute('data-event-id') || el.id || '';
        const text = (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
        return el.tagName.toLowerCase() + (id ? '[' + id + ']' : '') + (text ? ' \"' + text + '\"' : '');
    };";

/// Targets a pointer can hit that are smaller than 24 × 24 CSS pixels (WCAG 2.5.8), except
/// links inside a sentence (the criterion's inline exception).
pub async fn small_targets(client: &Client) -> TestResult<Vec<String>> {
    let script = format!(
        "{IS_SHOWN}
        const targets = document.querySelectorAll(
            'button, a[href], input, select, textarea, summary, [tabindex], [role=button], [role=link]');
        const small = [];
        for (const el of targets) {{
            if (!isShown(el) || el.disabled) continue;
            if (el.getAttribute('tabindex') === '-1' && !el.matches('button, a[href], [data-testid]')) continue;
            const r = el.getBoundingClientRect();
            if (r.width >= 24 && r.height >= 24) continue;
            const inSentence = el.tagName === 'A' && getComputedStyle(el).display === 'inline' &&
                (el.parentElement.textContent || '').trim().length > (el.textContent || '').trim().length;
            if (inSentence) continue;
            small.push(describe(el) + ': ' + r.width.toFixed(1) + ' × ' + r.height.toFixed(1));
        }}
        return small;"
    );
    offenders(client, &script, vec![]).await
}

/// Visible text set smaller than 12 CSS pixels.
pub async fn small_text(client: &Client) -> TestResult<Vec<String>> {
    let script = format!(
        "{IS_SHOWN}
        const small = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const seen = new Set();
        while (walker.nextNode()) {{
            const text = walker.currentNode;
            const el = text.parentElement;
            if (!el || seen.has(el) || !text.textContent.trim()) continue;
            seen.add(el);
            if (!isShown(el)) continue;
            const size = parseFloat(getComputedStyle(el).fontSize);
            if (size < 12) small.push(describe(el) + ': ' + size + 'px');
        }}
        return small;"
    );
    offenders(client, &script, vec![]).await
}

/// Pairs of visible timeline texts and marks that overlap: tick labels on the axis, and in each
/// lane of each track the markers' dots and labels.
pub async fn overlapping_timeline_text(client: &Client) -> TestResult<Vec<String>> {
    let script = format!(
        "{IS_SHOWN}
        const overlaps = [];
        const boxesOf = (els) => [...els].filter(isShown).map((el) => [el, el.getBoundingClientRect()]);
        const clipped = (r, clip) => r.right <= clip.left || r.left >= clip.right;
        const check = (boxes, clip, what) => {{
            boxes = boxes.filter(([, r]) => !clipped(r, clip));
            for (let i = 0; i < boxes.length; i++) {{
                for (let j = i + 1; j < boxes.length; j++) {{
                    const [a, ra] = boxes[i], [b, rb] = boxes[j];
                    if (a.contains(b) || b.contains(a)) continue;
                    const dx = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
                    const dy = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
                    if (dx > 0.5 && dy > 0.5) overlaps.push(what + ': ' + describe(a) + ' and ' + describe(b));
                }}
            }}
        }};
        const timeline = document.querySelector('[data-testid=timeline]');
        if (!timeline) return ['no timeline'];
        const clip = timeline.getBoundingClientRect();
        check(boxesOf(timeline.querySelectorAll('.axis .tick')), clip, 'axis ticks');
        for (const plot of timeline.querySelectorAll('.track-plot')) {{
            const marks = boxesOf(plot.querySelectorAll('.marker .dot, .marker .label:not(.hidden)'));
            check(marks, clip, 'markers');
        }}
        return overlaps;"
    );
    offenders(client, &script, vec![]).await
}

/// The page scrolls sideways: the document is wider than its viewport. Lists the elements that
/// stick out.
pub async fn horizontal_overflow(client: &Client) -> TestResult<Vec<String>> {
    let script = format!(
        "{IS_SHOWN}
        const root = document.documentElement;
        if (root.scrollWidth <= root.clientWidth) return [];
        const out = ['the page is ' + root.scrollWidth + ' px wide in a ' + root.clientWidth + ' px viewport'];
        // Only what the page scrolls for: an element inside a container that clips or scrolls
        // sideways does not widen the page (the container is listed if it sticks out itself).
        // An absolutely positioned element is clipped only by its containing block and above.
        const insideClip = (el) => {{
            const position = getComputedStyle(el).position;
            const first = position === 'fixed' ? null : position === 'absolute' ? el.offsetParent : el.parentElement;
            for (let node = first; node && node !== document.body; node = node.parentElement) {{
                if (getComputedStyle(node).overflowX !== 'visible') return true;
            }}
            return false;
        }};
        for (const el of document.body.querySelectorAll('*')) {{
            if (el.getClientRects().length === 0 || insideClip(el)) continue;
            const r = el.getBoundingClientRect();
            if (r.right > root.clientWidth + 0.5 && out.length < 12) {{
                out.push(describe(el) + (isShown(el) ? '' : ' (invisible)') + ' ends at ' + r.right.toFixed(0));
            }}
        }}
        return out;"
    );
    offenders(client, &script, vec![]).await
}

/// The heading outline: one `h1` first, and no level skipped on the way down. Returns the
/// problems with the outline (empty when it is sound) and the outline itself.
pub async fn heading_problems(client: &Client) -> TestResult<(Vec<String>, Vec<String>)> {
    let outline: Vec<(u8, String)> = serde_json::from_value(
        client
            .execute(
                "return [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
                     .filter((h) => h.getClientRects().length > 0)
                     .map((h) => [Number(h.tagName[1]), h.textContent.trim().replace(/\\s+/g, ' ').slice(0, 50)]);",
                vec![],
            )
            .await?,
    )?;
    let mut problems = Vec::new();
    let n_h1 = outline.iter().filter(|(level, _)| *level == 1).count();
    if n_h1 != 1 {
        problems.push(format!("{n_h1} h1 elements, expected one"));
    }
    if outline.first().map(|(level, _)| *level) != Some(1) {
        problems.push("the first heading is not the h1".to_string());
    }
    for pair in outline.windows(2) {
        let ((above, _), (level, text)) = (&pair[0], &pair[1]);
        if *level > above + 1 {
            problems.push(format!(
                "h{level} {text:?} follows an h{above}: a level is skipped"
            ));
        }
    }
    let lines = outline
        .iter()
        .map(|(level, text)| format!("{}h{level} {text}", "  ".repeat(usize::from(*level) - 1)))
        .collect();
    Ok((problems, lines))
}

/// How many of each landmark the page has: `main`, `nav`, `banner` (the page's `header`) and
/// `contentinfo` (its `footer`).
pub async fn landmark_counts(client: &Client) -> TestResult<Value> {
    Ok(client
        .execute(
            "const count = (css) => [...document.querySelectorAll(css)]
                 .filter((el) => el.getClientRects().length > 0).length;
             return {
                 main: count('main, [role=main]'),
                 nav: count('nav, [role=navigation]'),
                 banner: count('body header:not(main header):not(section header):not(article header), [role=banner]'),
                 contentinfo: count('body footer:not(main footer):not(section footer):not(article footer), [role=contentinfo]'),
             };",
            vec![],
        )
        .await?)
}

/// How the focused element shows its focus: `None` when it shows none (no outline of at least
/// 2 px, no box shadow), else a description.
pub async fn focus_indicator(client: &Client) -> TestResult<Result<String, String>> {
    let observed = client
        .execute(
            "const el = document.activeElement;
             if (!el || el === document.body) return { none: 'nothing has the focus' };
             const s = getComputedStyle(el);
             const name = el.tagName.toLowerCase() + (el.getAttribute('data-testid') ? '[' + el.getAttribute('data-testid') + ']' : '') +
                 ' \"' + (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30) + '\"';
             const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
             const shadow = s.boxShadow && s.boxShadow !== 'none';
             if (outline || shadow) return { shown: name + ': outline ' + s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor };
             return { none: name + ': outline ' + s.outlineStyle + ' ' + s.outlineWidth + ', no box shadow' +
                 ' (:focus ' + el.matches(':focus') + ', :focus-visible ' + el.matches(':focus-visible') +
                 ', document has focus ' + document.hasFocus() + ')' };",
            vec![],
        )
        .await?;
    Ok(match observed.get("shown").and_then(Value::as_str) {
        Some(shown) => Ok(shown.to_string()),
        None => Err(observed["none"].as_str().unwrap_or("?").to_string()),
    })
}

/// The animations running in the document (CSS transitions and animations, Web Animations).
pub async fn running_animations(client: &Client) -> TestResult<Vec<String>> {
    offenders(
        client,
        "return (document.getAnimations ? document.getAnimations() : [])
             .filter((a) => a.playState === 'running')
             .map((a) => (a.animationName || a.transitionProperty || 'animation') + ' on ' +
                 (a.effect && a.effect.target ? a.effect.target.tagName : '?'));",
        vec![],
    )
    .await
}
