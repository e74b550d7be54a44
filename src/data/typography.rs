//! French typography: a no-break space (U+202F, narrow, or U+00A0) goes
//! before ; : ! ? and », and after «, so that a line never starts with the
//! punctuation. An ordinary space there is always reported; a missing one
//! too, except before a colon (an English title, an address or a time
//! glues it to the word). The validator warns on French dataset texts that break the
//! rule (quotes are verbatim and left alone); the interface strings follow
//! it too (`i18n::fr`, held by a test).

const NNBSP: char = '\u{202f}';
const NBSP: char = '\u{a0}';

/// What is wrong with a French text's spacing: how many places, and the
/// first one in context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpacingIssues {
    pub count: usize,
    /// A few words around the first place, the faulty space shown as "␣"
    /// (or "‸" where a space is missing).
    pub excerpt: String,
}

fn is_no_break(c: char) -> bool {
    c == NNBSP || c == NBSP
}

/// The places in `text` where high punctuation lacks its no-break space.
/// Each is the index (in chars) of the space to replace, or of the
/// punctuation a space must go before (after, for «), and whether a space
/// is there.
fn places(text: &str) -> Vec<(usize, bool)> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let ends_word = next.is_none_or(char::is_whitespace);
        match c {
            ';' | ':' | '!' | '?' | '»' => match prev {
                None => {}
                Some(p) if is_no_break(p) => {}
                Some(p) if p.is_whitespace() => found.push((i - 1, true)),
                // A code example's key ("seed": …) is not prose.
                Some('"') => {}
                // A colon glued to the word before it belongs to another
                // language or a notation: an English title ("Genesis:
                // Artificial Intelligence…"), an address, a time, a ratio.
                Some(_) if c == ':' => {}
                // "?!", "!!": the space goes before the first one.
                Some('!' | '?') if c != '»' => {}
                // "https://", "10:30", "&amp;": not the end of a word.
                Some(_) if c != '»' && !ends_word => {}
                // "…»" after a quote's own punctuation still needs it.
                Some(_) => found.push((i, false)),
            },
            '«' => match next {
                None => {}
                Some(n) if is_no_break(n) => {}
                Some(n) if n.is_whitespace() => found.push((i + 1, true)),
                Some(_) => found.push((i, false)),
            },
            _ => {}
        }
    }
    found
}

/// The spacing issues of a French text, `None` when it follows the rule.
pub fn french_spacing(text: &str) -> Option<SpacingIssues> {
    let found = places(text);
    let &(at, has_space) = found.first()?;
    let chars: Vec<char> = text.chars().collect();
    let start = at.saturating_sub(20);
    let end = (at + 20).min(chars.len());
    let mut excerpt = String::new();
    if start > 0 {
        excerpt.push('…');
    }
    for (i, &c) in chars.iter().enumerate().take(end).skip(start) {
        if i == at && has_space {
            excerpt.push('␣');
        } else if i == at {
            if c == '«' {
                excerpt.push(c);
                excerpt.push('‸');
            } else {
                excerpt.push('‸');
                excerpt.push(c);
            }
        } else {
            excerpt.push(c);
        }
    }
    if end < chars.len() {
        excerpt.push('…');
    }
    Some(SpacingIssues {
        count: found.len(),
        excerpt,
    })
}

/// `text` with the rule applied: a narrow no-break space before ; ! ? »
/// and after «, a no-break space before : (what a fix would write).
pub fn with_french_spacing(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let fixes = places(text);
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        match fixes.iter().find(|(at, _)| *at == i) {
            Some(&(_, true)) => {
                // The ordinary space becomes the no-break one its
                // neighbour needs.
                let colon = chars.get(i + 1) == Some(&':');
                out.push(if colon { NBSP } else { NNBSP });
            }
            Some(&(_, false)) if c == '«' => {
                out.push(c);
                out.push(NNBSP);
            }
            Some(&(_, false)) => {
                out.push(if c == ':' { NBSP } else { NNBSP });
                out.push(c);
            }
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, how many places, excerpt of the first).
    fn check(cases: &[(&str, usize, &str)]) {
        for (text, count, excerpt) in cases {
            match french_spacing(text) {
                None => assert_eq!(*count, 0, "{text:?} should have {count} issues"),
                Some(issues) => {
                    assert_eq!(issues.count, *count, "{text:?}");
                    assert_eq!(issues.excerpt, *excerpt, "{text:?}");
                    assert!(
                        french_spacing(&with_french_spacing(text)).is_none(),
                        "{text:?} fixed"
                    );
                }
            }
        }
    }

    #[test]
    fn high_punctuation_needs_a_no_break_space() {
        check(&[
            ("Stargate : les annonces", 1, "Stargate␣: les annonces"),
            ("Stargate\u{a0}: les annonces", 0, ""),
            ("Stargate\u{202f}; la suite", 0, ""),
            ("Qui paie ? Personne !", 2, "Qui paie␣? Personne !"),
            ("Qui paie? Personne!", 2, "Qui paie‸? Personne!"),
            ("Note: un titre anglais", 0, ""),
            (
                "le livre «\u{202f}Genesis: Artificial Intelligence\u{202f}»",
                0,
                "",
            ),
            ("des « usines à IA »", 2, "des «␣usines à IA »"),
            ("des «usines à IA»", 2, "des «‸usines à IA»"),
            ("des «\u{202f}usines à IA\u{202f}»", 0, ""),
            ("Vraiment ?!", 1, "Vraiment␣?!"),
            ("Vraiment\u{202f}?!", 0, ""),
        ]);
    }

    #[test]
    fn addresses_times_and_other_uses_are_left_alone() {
        check(&[
            ("voir https://example.org/a?b=1", 0, ""),
            ("à 10:30 précises", 0, ""),
            ("R&amp;D", 0, ""),
            ("!", 0, ""),
        ]);
    }

    #[test]
    fn the_excerpt_shows_the_place_in_a_long_text() {
        let text =
            "Un très long texte d’introduction qui continue : puis la suite du texte bien après";
        let issues = french_spacing(text).unwrap();
        assert_eq!(issues.excerpt, "…duction qui continue␣: puis la suite du …");
    }
}
