//! The guided story (issue 13, point 3): an intro step, then the events
//! in the order the dataset's `story` names them, or every event in date
//! order when it names none. Previous/Next step through it.
//!
//! Where the reader is in the story is the selection itself (nothing
//! selected is the intro, an event selected is its step), so the story
//! keeps no state of its own: the URL's `#event-id` is the step, and
//! Back/Forward, a click on the timeline and a step all agree. An event
//! that is not a step (the dataset names a few key events) sits between
//! the steps around its date: Next goes to the first step after it.
//!
//! Architecture Invariant: no `leptos`, no `web_sys`; host-tested.

use crate::data::{Dataset, Text};

/// Where the reader is: the intro, or an event (a step or not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoryStep {
    Intro,
    Event(usize),
}

impl StoryStep {
    /// The step the selection stands for.
    pub fn of_selection(selected: Option<usize>) -> StoryStep {
        selected.map_or(StoryStep::Intro, StoryStep::Event)
    }

    /// The selection a step stands for.
    pub fn selection(self) -> Option<usize> {
        match self {
            StoryStep::Intro => None,
            StoryStep::Event(idx) => Some(idx),
        }
    }
}

/// The story of one dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    /// The intro's title: the story's own, else the dataset's (for a
    /// TimelineJS file, its title slide).
    pub title: Text,
    /// The intro's lead: the story's own text, else the dataset's
    /// description.
    pub lead: Text,
    /// Event indices in story order, each once.
    steps: Vec<usize>,
    /// Whether the dataset names its steps (else every event, by date).
    named: bool,
    /// Per event, its position in `steps` (a list, not a hash map: no
    /// hashing code in the page's first wasm module).
    position: Vec<Option<usize>>,
}

impl Story {
    pub fn new(dataset: &Dataset) -> Story {
        let n_events = dataset.events.len();
        let mut steps = Vec::new();
        let mut position = vec![None; n_events];
        if let Some(story) = &dataset.story {
            // Ids in file order, sorted once, looked up by binary search.
            let mut ids: Vec<(&str, usize)> = dataset
                .events
                .iter()
                .enumerate()
                .map(|(idx, event)| (event.id.as_str(), idx))
                .collect();
            ids.sort_unstable();
            for id in &story.steps {
                let Ok(found) = ids.binary_search_by(|(other, _)| (*other).cmp(id.as_str())) else {
                    continue;
                };
                let idx = ids[found].1;
                if position[idx].is_none() {
                    position[idx] = Some(steps.len());
                    steps.push(idx);
                }
            }
        }
        let named = !steps.is_empty();
        if !named {
            steps = (0..n_events).collect();
            position = (0..n_events).map(Some).collect();
        }
        let pick = |own: Option<&Text>, fallback: &Text| match own {
            Some(text) if !text.fr.trim().is_empty() || !text.en.trim().is_empty() => text.clone(),
            _ => fallback.clone(),
        };
        let intro = dataset.story.as_ref().map(|story| &story.intro);
        Story {
            title: pick(intro.map(|intro| &intro.title), &dataset.title),
            lead: pick(intro.map(|intro| &intro.text), &dataset.description),
            steps,
            named,
            position,
        }
    }

    /// The number of event steps (the intro not counted).
    pub fn len(&self) -> usize {
        self.steps.len()
    }

    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// The events the dataset names as its steps, in story order; empty
    /// when it names none (the story is then every event by date).
    pub fn named_steps(&self) -> &[usize] {
        if self.named {
            &self.steps
        } else {
            &[]
        }
    }

    /// The event of the first step, the one "Start" opens.
    pub fn first(&self) -> Option<usize> {
        self.steps.first().copied()
    }

    /// The 1-based number of the step an event is, when it is one.
    pub fn number(&self, event_idx: usize) -> Option<usize> {
        self.position_of(event_idx).map(|pos| pos + 1)
    }

    fn position_of(&self, event_idx: usize) -> Option<usize> {
        self.position.get(event_idx).copied().flatten()
    }

    /// The step after `at`; `None` at the last step.
    pub fn next(&self, at: StoryStep) -> Option<StoryStep> {
        let next = match at {
            StoryStep::Intro => self.steps.first().copied(),
            StoryStep::Event(idx) => match self.position_of(idx) {
                Some(pos) => self.steps.get(pos + 1).copied(),
                // Not a step: the first step dated after it (events are
                // sorted by date, so by index).
                None => self.steps.iter().copied().filter(|&s| s > idx).min(),
            },
        };
        next.map(StoryStep::Event)
    }

    /// The step before `at`: the intro before the first step; `None` at
    /// the intro.
    pub fn previous(&self, at: StoryStep) -> Option<StoryStep> {
        match at {
            StoryStep::Intro => None,
            StoryStep::Event(idx) => {
                let previous = match self.position_of(idx) {
                    Some(pos) => pos.checked_sub(1).map(|pos| self.steps[pos]),
                    None => self.steps.iter().copied().filter(|&s| s < idx).max(),
                };
                Some(previous.map_or(StoryStep::Intro, StoryStep::Event))
            }
        }
    }
}

/// A move through the story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Previous,
    Next,
}

impl Story {
    /// The step one move away from `at`, if any.
    pub fn step(&self, at: StoryStep, direction: Direction) -> Option<StoryStep> {
        match direction {
            Direction::Previous => self.previous(at),
            Direction::Next => self.next(at),
        }
    }
}

/// The story's keys: left and right arrows (up and down keep scrolling
/// the page); none with Alt, Ctrl or Meta, which belong to the browser.
pub fn story_key(key: &str, with_modifier: bool) -> Option<Direction> {
    match (key, with_modifier) {
        ("ArrowLeft", false) => Some(Direction::Previous),
        ("ArrowRight", false) => Some(Direction::Next),
        _ => None,
    }
}

/// The shortest horizontal swipe that moves the story, in CSS pixels.
pub const SWIPE_MIN_PX: f64 = 60.0;

/// A finger's move from `start` to `end` (client x, y) as a story move:
/// mostly sideways and long enough; a swipe to the left goes on, as a
/// page turns.
pub fn swipe(start: (f64, f64), end: (f64, f64)) -> Option<Direction> {
    let (dx, dy) = (end.0 - start.0, end.1 - start.1);
    if !(dx.is_finite() && dy.is_finite()) || dx.abs() < SWIPE_MIN_PX || dx.abs() < 2.0 * dy.abs() {
        return None;
    }
    Some(if dx < 0.0 {
        Direction::Next
    } else {
        Direction::Previous
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data;

    fn walk(story: &Story) -> Vec<StoryStep> {
        let mut at = StoryStep::Intro;
        let mut seen = vec![at];
        while let Some(next) = story.next(at) {
            seen.push(next);
            at = next;
            assert!(seen.len() <= story.len() + 1, "no loop");
        }
        seen
    }

    #[test]
    fn without_named_steps_the_story_is_every_event_in_date_order() {
        let (dataset, _) = data::bundled();
        let story = Story::new(&dataset);
        assert_eq!(story.len(), dataset.events.len());
        assert!(story.named_steps().is_empty());
        let walked = walk(&story);
        assert_eq!(walked[0], StoryStep::Intro);
        let events: Vec<usize> = walked[1..]
            .iter()
            .filter_map(|step| step.selection())
            .collect();
        assert_eq!(events, (0..dataset.events.len()).collect::<Vec<_>>());
        // Dates never go back.
        for pair in events.windows(2) {
            assert!(
                dataset.events[pair[0]].date.start_day()
                    <= dataset.events[pair[1]].date.start_day()
            );
        }
        // And back again to the intro, then nothing before it.
        let mut at = *walked.last().unwrap();
        let mut back = vec![at];
        while let Some(previous) = story.previous(at) {
            back.push(previous);
            at = previous;
        }
        back.reverse();
        assert_eq!(back, walked);
        // The intro is the dataset's own title and description.
        assert_eq!(story.title, dataset.title);
        assert_eq!(story.lead, dataset.description);
        assert_eq!(story.number(0), Some(1));
    }

    fn dataset_with_story() -> Dataset {
        let events: Vec<String> = (1..=6)
            .map(|i| {
                format!(
                    r#"{{"id": "e{i}", "date": "2025-0{i}-01", "track": "t",
                        "title": {{"fr": "Fait {i}", "en": "Fact {i}"}},
                        "summary": {{"fr": "Résumé", "en": "Summary"}}}}"#
                )
            })
            .collect();
        let json = format!(
            r#"{{"tracks": [{{"id": "t", "label": {{"fr": "Piste", "en": "Track"}}}}],
                "events": [{}],
                "story": {{"intro": {{"title": {{"fr": "Le récit", "en": "The story"}},
                                     "text": {{"fr": "Chapeau", "en": "Lead"}}}},
                          "steps": ["e5", "e2", "e2", "nowhere", "e4"]}}}}"#,
            events.join(",")
        );
        let (dataset, _) = data::parse(&json);
        assert_eq!(dataset.events.len(), 6);
        dataset
    }

    #[test]
    fn named_steps_set_the_order_and_the_intro() {
        let dataset = dataset_with_story();
        let story = Story::new(&dataset);
        let idx = |id: &str| dataset.event_idx(id).unwrap();
        // Each named event once, unknown ids left out, in the story's order.
        assert_eq!(story.named_steps(), [idx("e5"), idx("e2"), idx("e4")]);
        assert_eq!(
            walk(&story),
            [
                StoryStep::Intro,
                StoryStep::Event(idx("e5")),
                StoryStep::Event(idx("e2")),
                StoryStep::Event(idx("e4")),
            ]
        );
        assert_eq!(story.title.en, "The story");
        assert_eq!(story.lead.fr, "Chapeau");
        assert_eq!(story.first(), Some(idx("e5")));
        assert_eq!(story.number(idx("e2")), Some(2));
        assert_eq!(story.number(idx("e1")), None);
        assert_eq!(
            story.previous(StoryStep::Event(idx("e5"))),
            Some(StoryStep::Intro)
        );
        assert_eq!(story.previous(StoryStep::Intro), None);
        assert_eq!(story.next(StoryStep::Event(idx("e4"))), None);
    }

    #[test]
    fn an_event_off_the_story_sits_between_the_steps_around_its_date() {
        let dataset = dataset_with_story();
        let story = Story::new(&dataset);
        let idx = |id: &str| dataset.event_idx(id).unwrap();
        // e3 (March) is not a step: the steps dated around it are e2 and e4.
        assert_eq!(
            story.next(StoryStep::Event(idx("e3"))),
            Some(StoryStep::Event(idx("e4")))
        );
        assert_eq!(
            story.previous(StoryStep::Event(idx("e3"))),
            Some(StoryStep::Event(idx("e2")))
        );
        // e1 comes before every step: back goes to the intro.
        assert_eq!(
            story.previous(StoryStep::Event(idx("e1"))),
            Some(StoryStep::Intro)
        );
        // e6 comes after every step: there is no next.
        assert_eq!(story.next(StoryStep::Event(idx("e6"))), None);
    }

    #[test]
    fn the_step_is_the_selection_so_the_url_hash_carries_it() {
        for selected in [None, Some(0), Some(7)] {
            assert_eq!(StoryStep::of_selection(selected).selection(), selected);
        }
        assert_eq!(StoryStep::of_selection(None), StoryStep::Intro);
        // Back to a `#event-id` URL is back to that event's step.
        let (dataset, _) = data::bundled();
        let story = Story::new(&dataset);
        let id = &dataset.events[3].id;
        let selected = crate::state::url::parse_url("", &format!("#{id}"))
            .event_id
            .and_then(|id| dataset.event_idx(&id));
        assert_eq!(
            story.number(StoryStep::of_selection(selected).selection().unwrap()),
            Some(4)
        );
    }

    #[test]
    fn a_timelinejs_title_slide_becomes_the_intro() {
        let json = r#"{"title": {"text": {"headline": "Une histoire", "text": "<p>Le chapeau</p>"}},
            "events": [{"start_date": {"year": "2020"}, "text": {"headline": "A"}},
                       {"start_date": {"year": "2021"}, "text": {"headline": "B"}}]}"#;
        let imported = data::timelinejs::from_json(json);
        let story = Story::new(&imported.dataset);
        assert_eq!(story.title.fr, "Une histoire");
        assert!(story.lead.fr.contains("Le chapeau"), "{:?}", story.lead);
        assert_eq!(story.len(), 2);
    }

    #[test]
    fn arrows_and_swipes_move_through_the_story() {
        assert_eq!(story_key("ArrowRight", false), Some(Direction::Next));
        assert_eq!(story_key("ArrowLeft", false), Some(Direction::Previous));
        assert_eq!(story_key("ArrowLeft", true), None, "Alt+← is Back");
        assert_eq!(story_key("ArrowDown", false), None, "scrolls the page");
        assert_eq!(swipe((300.0, 100.0), (200.0, 110.0)), Some(Direction::Next));
        assert_eq!(
            swipe((100.0, 100.0), (200.0, 90.0)),
            Some(Direction::Previous)
        );
        // Too short, or mostly a scroll.
        assert_eq!(swipe((100.0, 100.0), (140.0, 100.0)), None);
        assert_eq!(swipe((100.0, 100.0), (200.0, 200.0)), None);
        assert_eq!(swipe((f64::NAN, 0.0), (200.0, 0.0)), None);
        let (dataset, _) = data::bundled();
        let story = Story::new(&dataset);
        assert_eq!(
            story.step(StoryStep::Intro, Direction::Next),
            Some(StoryStep::Event(0))
        );
        assert_eq!(
            story.step(StoryStep::Event(0), Direction::Previous),
            Some(StoryStep::Intro)
        );
    }

    #[test]
    fn an_empty_dataset_has_only_the_intro() {
        let story = Story::new(&Dataset::default());
        assert!(story.is_empty());
        assert_eq!(story.next(StoryStep::Intro), None);
        assert_eq!(story.first(), None);
    }
}
