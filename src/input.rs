//! The keys the timeline and the charts react to, decoupled from DOM key
//! names: one mapping for every component.
//!
//! Architecture Invariant: a leaf module (no `crate::` import), so that
//! `charts` and `state` can both use it.

/// A navigation key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// Right or down arrow.
    Next,
    /// Left or up arrow.
    Previous,
    First,
    Last,
    /// Enter or Space: open the focused event, select the active mark.
    Activate,
    /// Escape: close, or put the chart's keyboard mark away.
    Dismiss,
    /// `+` (or `=`, the same key unshifted).
    ZoomIn,
    /// `-` (or `_`).
    ZoomOut,
}

impl Key {
    /// Maps a `KeyboardEvent.key` value. A key pressed with Alt, Ctrl or
    /// Meta (`with_modifier`) belongs to the browser or the system: none.
    pub fn from_dom(key: &str, with_modifier: bool) -> Option<Key> {
        if with_modifier {
            return None;
        }
        Some(match key {
            "ArrowRight" | "ArrowDown" => Key::Next,
            "ArrowLeft" | "ArrowUp" => Key::Previous,
            "Home" => Key::First,
            "End" => Key::Last,
            // "Spacebar" and "Esc": older Edge and Firefox.
            "Enter" | " " | "Spacebar" => Key::Activate,
            "Escape" | "Esc" => Key::Dismiss,
            "+" | "=" => Key::ZoomIn,
            "-" | "_" => Key::ZoomOut,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dom_key_names_map_to_one_key_each() {
        let cases = [
            ("ArrowRight", Key::Next),
            ("ArrowDown", Key::Next),
            ("ArrowLeft", Key::Previous),
            ("ArrowUp", Key::Previous),
            ("Home", Key::First),
            ("End", Key::Last),
            ("Enter", Key::Activate),
            (" ", Key::Activate),
            ("Spacebar", Key::Activate),
            ("Escape", Key::Dismiss),
            ("Esc", Key::Dismiss),
            ("+", Key::ZoomIn),
            ("=", Key::ZoomIn),
            ("-", Key::ZoomOut),
            ("_", Key::ZoomOut),
        ];
        for (name, key) in cases {
            assert_eq!(Key::from_dom(name, false), Some(key), "{name:?}");
        }
    }

    #[test]
    fn other_keys_and_modified_keys_are_not_ours() {
        assert_eq!(Key::from_dom("a", false), None);
        assert_eq!(Key::from_dom("Tab", false), None);
        assert_eq!(Key::from_dom("ArrowRight", true), None);
        assert_eq!(Key::from_dom("+", true), None);
    }
}
