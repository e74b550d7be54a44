//! Which mark of a canvas chart is active (shows its tooltip), and whether
//! the keyboard put it there (then it is drawn with a focus ring and
//! announced): a plain state machine over pointer, click, key, blur and
//! layout changes. `components::chart_canvas` keeps one in a signal and
//! forwards DOM events to it.

use crate::input::Key;

/// The active mark of one chart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ChartFocus {
    /// Index into the layout's marks.
    active: Option<usize>,
    /// Whether the keyboard chose `active`.
    by_keyboard: bool,
}

/// What a key press asks of the component.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KeyResponse {
    /// The chart used the key: the page must not (no scrolling, no
    /// second action).
    pub handled: bool,
    /// The mark whose event the reader chose (Enter or Space).
    pub select_mark: Option<usize>,
}

impl ChartFocus {
    /// The mark whose tooltip shows.
    pub fn active(&self) -> Option<usize> {
        self.active
    }

    /// The mark drawn with a focus ring and announced: the keyboard's.
    pub fn keyboard_mark(&self) -> Option<usize> {
        self.active.filter(|_| self.by_keyboard)
    }

    /// The pointer moved over `hit` (a mark, or none). Returns whether
    /// anything changed, so a pointer moving over the same mark writes
    /// nothing.
    pub fn pointer_moved(&mut self, hit: Option<usize>) -> bool {
        if self.active == hit && !self.by_keyboard {
            return false;
        }
        *self = ChartFocus {
            active: hit,
            by_keyboard: false,
        };
        true
    }

    /// The pointer left the chart. A finger "leaves" as it lifts: the
    /// tooltip of a tap stays until the next tap; only a mouse moving off
    /// the chart hides it, and never the keyboard's mark.
    pub fn pointer_left(&mut self, is_mouse: bool) -> bool {
        if !is_mouse || self.by_keyboard || self.active.is_none() {
            return false;
        }
        self.active = None;
        true
    }

    /// A click or tap on `hit`: that mark becomes active, and its event is
    /// selected (the returned mark).
    pub fn clicked(&mut self, hit: Option<usize>) -> Option<usize> {
        *self = ChartFocus {
            active: hit,
            by_keyboard: false,
        };
        hit
    }

    /// A key pressed while the chart has focus, among `n_marks` marks.
    /// The first arrow press lands on the first (or last) mark; Escape
    /// with no keyboard mark is left to the page (it may close a dialog).
    pub fn key(&mut self, key: Key, n_marks: usize) -> KeyResponse {
        let current = self.keyboard_mark();
        let next = match key {
            Key::ZoomIn | Key::ZoomOut => return KeyResponse::default(),
            Key::Dismiss if current.is_none() => return KeyResponse::default(),
            key => move_active(current, n_marks, key),
        };
        *self = ChartFocus {
            active: next,
            by_keyboard: next.is_some(),
        };
        KeyResponse {
            handled: true,
            select_mark: next.filter(|_| key == Key::Activate),
        }
    }

    /// The chart lost keyboard focus: the keyboard's mark goes away (a
    /// pointer's tooltip stays).
    pub fn blurred(&mut self) -> bool {
        if !self.by_keyboard {
            return false;
        }
        *self = ChartFocus::default();
        true
    }

    /// The chart was laid out again with `n_marks` marks (another width,
    /// language or option): an active mark that no longer exists goes.
    pub fn marks_changed(&mut self, n_marks: usize) -> bool {
        if self.active.is_none_or(|mark| mark < n_marks) {
            return false;
        }
        *self = ChartFocus::default();
        true
    }
}

/// The active mark after a navigation key, among `n_marks`. The first
/// arrow press lands on the first (or last) mark.
pub fn move_active(active: Option<usize>, n_marks: usize, key: Key) -> Option<usize> {
    let last = n_marks.checked_sub(1)?;
    match (key, active) {
        (Key::Next, None) | (Key::First, _) => Some(0),
        (Key::Previous, None) | (Key::Last, _) => Some(last),
        (Key::Next, Some(mark)) => Some((mark + 1).min(last)),
        (Key::Previous, Some(mark)) => Some(mark.saturating_sub(1).min(last)),
        (Key::Activate, active) => active.map(|mark| mark.min(last)),
        (Key::Dismiss, _) => None,
        (Key::ZoomIn | Key::ZoomOut, active) => active.map(|mark| mark.min(last)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn focus(active: Option<usize>, by_keyboard: bool) -> ChartFocus {
        ChartFocus {
            active,
            by_keyboard,
        }
    }

    #[test]
    fn arrow_keys_walk_the_marks_and_stop_at_the_ends() {
        assert_eq!(move_active(None, 3, Key::Next), Some(0));
        assert_eq!(move_active(None, 3, Key::Previous), Some(2));
        assert_eq!(move_active(Some(2), 3, Key::Next), Some(2));
        assert_eq!(move_active(Some(0), 3, Key::Previous), Some(0));
        assert_eq!(move_active(Some(1), 3, Key::Last), Some(2));
        assert_eq!(move_active(Some(1), 3, Key::First), Some(0));
        assert_eq!(move_active(Some(1), 3, Key::Dismiss), None);
        assert_eq!(move_active(Some(1), 0, Key::Next), None);
        assert_eq!(move_active(Some(5), 3, Key::Activate), Some(2));
    }

    #[test]
    fn the_pointer_shows_the_mark_under_it_and_writes_nothing_when_it_stays() {
        let mut state = ChartFocus::default();
        assert!(state.pointer_moved(Some(2)));
        assert_eq!(state, focus(Some(2), false));
        assert!(!state.pointer_moved(Some(2)), "same mark: no write");
        assert!(state.pointer_moved(None));
        assert_eq!(state.active(), None);
        assert!(!state.pointer_moved(None));
    }

    #[test]
    fn the_pointer_takes_the_mark_over_from_the_keyboard() {
        let mut state = focus(Some(1), true);
        assert!(
            state.pointer_moved(Some(1)),
            "same mark, but now the pointer's"
        );
        assert_eq!(state, focus(Some(1), false));
        assert_eq!(state.keyboard_mark(), None);
    }

    #[test]
    fn only_a_mouse_leaving_hides_the_pointer_tooltip() {
        let mut state = focus(Some(1), false);
        assert!(
            !state.pointer_left(false),
            "a lifted finger keeps the tap's tooltip"
        );
        assert_eq!(state.active(), Some(1));
        assert!(state.pointer_left(true));
        assert_eq!(state.active(), None);
        assert!(!state.pointer_left(true), "nothing left to hide");
    }

    #[test]
    fn a_mouse_leaving_keeps_the_keyboard_mark() {
        let mut state = focus(Some(1), true);
        assert!(!state.pointer_left(true));
        assert_eq!(state.keyboard_mark(), Some(1));
    }

    #[test]
    fn a_click_activates_and_selects_the_mark_under_it() {
        let mut state = focus(Some(0), true);
        assert_eq!(state.clicked(Some(2)), Some(2));
        assert_eq!(state, focus(Some(2), false));
        assert_eq!(state.clicked(None), None);
        assert_eq!(state.active(), None);
    }

    #[test]
    fn the_first_arrow_lands_on_a_mark_and_enter_selects_it() {
        let mut state = ChartFocus::default();
        let response = state.key(Key::Next, 3);
        assert_eq!(
            response,
            KeyResponse {
                handled: true,
                select_mark: None
            }
        );
        assert_eq!(state.keyboard_mark(), Some(0));
        state.key(Key::Next, 3);
        let response = state.key(Key::Activate, 3);
        assert_eq!(response.select_mark, Some(1));
        assert_eq!(state.keyboard_mark(), Some(1), "the mark stays active");
    }

    #[test]
    fn arrows_start_from_the_keyboard_mark_not_the_pointer_one() {
        let mut state = focus(Some(2), false);
        state.key(Key::Next, 3);
        assert_eq!(state.keyboard_mark(), Some(0));
    }

    #[test]
    fn enter_without_a_keyboard_mark_selects_nothing() {
        let mut state = focus(Some(2), false);
        let response = state.key(Key::Activate, 3);
        assert_eq!(response.select_mark, None);
        assert!(response.handled);
        assert_eq!(state.active(), None);
    }

    #[test]
    fn escape_puts_the_keyboard_mark_away_and_is_left_to_the_page_otherwise() {
        let mut state = focus(Some(1), true);
        assert!(state.key(Key::Dismiss, 3).handled);
        assert_eq!(state.active(), None);
        assert_eq!(state.key(Key::Dismiss, 3), KeyResponse::default());
        let mut pointer = focus(Some(1), false);
        assert!(!pointer.key(Key::Dismiss, 3).handled);
        assert_eq!(pointer.active(), Some(1));
    }

    #[test]
    fn zoom_keys_are_not_the_charts() {
        let mut state = focus(Some(1), true);
        assert_eq!(state.key(Key::ZoomIn, 3), KeyResponse::default());
        assert_eq!(state.key(Key::ZoomOut, 3), KeyResponse::default());
        assert_eq!(state, focus(Some(1), true));
    }

    #[test]
    fn a_chart_without_marks_takes_the_arrows_and_shows_nothing() {
        let mut state = ChartFocus::default();
        assert!(state.key(Key::Next, 0).handled);
        assert_eq!(state, ChartFocus::default());
    }

    #[test]
    fn blur_puts_the_keyboard_mark_away_but_keeps_the_pointer_one() {
        let mut state = focus(Some(1), true);
        assert!(state.blurred());
        assert_eq!(state, ChartFocus::default());
        let mut pointer = focus(Some(1), false);
        assert!(!pointer.blurred());
        assert_eq!(pointer.active(), Some(1));
    }

    #[test]
    fn a_new_layout_drops_an_active_mark_it_no_longer_has() {
        let mut state = focus(Some(4), true);
        assert!(!state.marks_changed(5));
        assert_eq!(state.active(), Some(4));
        assert!(state.marks_changed(4));
        assert_eq!(state, ChartFocus::default());
        assert!(!state.marks_changed(0));
    }
}
