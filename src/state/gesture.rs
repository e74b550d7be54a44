//! The timeline's gestures as pure transitions: wheel, pointer (drag to
//! pan, two fingers to pinch), the click that ends a drag, and the zoom
//! gesture that holds the marker layout until it rests. The timeline
//! component turns DOM events into [`Input`]s, hands them to one
//! [`Gestures`] with what the plot looks like now ([`Plot`]), and carries
//! out the [`Response`]: a window to show, a default to prevent, a pointer
//! to capture, a timer to start.

use crate::scale::{TimeScale, View};

/// How far (CSS pixels) a single pointer moves before a press becomes a
/// drag: less is a tap or a click.
pub const DRAG_THRESHOLD_PX: f64 = 5.0;

/// Pixels a wheel's "line" stands for (`deltaMode` 1, Firefox with a mouse).
pub const WHEEL_LINE_PX: f64 = 16.0;

/// How much Ctrl + wheel zooms: a factor of `exp(-delta_y × this)`.
pub const WHEEL_ZOOM_PER_PX: f64 = 0.004;

/// Fingers closer than this (CSS pixels) count as this far apart, so a
/// pinch never divides by zero.
const MIN_PINCH_PX: f64 = 1.0;

/// One input the timeline reacts to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Input {
    /// A wheel or trackpad step.
    Wheel {
        delta_x: f64,
        delta_y: f64,
        /// `deltaMode` is lines, not pixels.
        in_lines: bool,
        /// Ctrl or Meta held (trackpad pinches come this way too): zoom.
        zoom: bool,
        /// The pointer's `clientX`.
        client_x: f64,
    },
    /// A pointer pressed on the plot. `counts` is false for mouse buttons
    /// other than the main one.
    PointerDown {
        pointer_id: i32,
        client_x: f64,
        counts: bool,
    },
    PointerMove {
        pointer_id: i32,
        client_x: f64,
    },
    /// A pointer lifted or cancelled.
    PointerEnd {
        pointer_id: i32,
    },
    /// The task after a drag ended has come: the click that ended it has
    /// been dispatched, so clicks select again.
    ClickWindowOver,
    /// The zoom gesture rested (no step for [`ZOOM_REST`]).
    ///
    /// [`ZOOM_REST`]: crate::state::gesture::ZOOM_REST
    ZoomRested,
    /// A navigation key: the reader left the wheel for the keyboard.
    Key,
}

/// How long a wheel or pinch zoom rests before the markers are laid out
/// for the zoom it reached.
pub const ZOOM_REST: std::time::Duration = std::time::Duration::from_millis(150);

/// The plot as it is when an input arrives.
#[derive(Clone, Copy)]
pub struct Plot<'a> {
    pub view: View,
    /// The pan and zoom bounds.
    pub bounds: View,
    /// The plot's width in CSS pixels.
    pub width: f64,
    /// The plot's left edge in client coordinates; asked only for inputs
    /// that need it (a wheel zoom, a pinch), since reading it may force a
    /// layout.
    pub left: &'a dyn Fn() -> f64,
}

/// What the component does after an input.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Response {
    /// The window to show (`ViewState::set_view`).
    pub view: Option<View>,
    /// The browser must not scroll or zoom the page for this event.
    pub prevent_default: bool,
    /// Capture the pointer: the drag or pinch goes on outside the plot.
    pub capture_pointer: bool,
    /// A zoom step: (re)start the [`ZOOM_REST`] timer, which sends
    /// [`Input::ZoomRested`].
    pub restart_zoom_rest: bool,
    /// A drag ended: send [`Input::ClickWindowOver`] in the next task.
    pub end_click_window_later: bool,
}

/// The gesture in progress.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gestures {
    /// Pointers down: id and `clientX`.
    pointers: Vec<(i32, f64)>,
    /// The window and the pointers' positions when the current gesture's
    /// shape (one pointer, two) began.
    origin_view: Option<View>,
    origin_xs: Vec<f64>,
    /// The pointers moved past [`DRAG_THRESHOLD_PX`] or pinched.
    moved: bool,
    /// A drag just ended: the click it ends must not select.
    swallow_click: bool,
    /// A wheel or pinch zoom goes on: the timeline holds its layout.
    zooming: bool,
}

impl Gestures {
    /// Whether a wheel or pinch zoom goes on (the timeline holds its
    /// marker layout and hides labels until it rests).
    pub fn zooming(&self) -> bool {
        self.zooming
    }

    /// Whether a click now is the one that ends a drag (and must not
    /// select or zoom).
    pub fn swallows_click(&self) -> bool {
        self.swallow_click
    }

    /// Applies one input.
    pub fn handle(&mut self, input: Input, plot: Plot<'_>) -> Response {
        match input {
            Input::Wheel {
                delta_x,
                delta_y,
                in_lines,
                zoom,
                client_x,
            } => self.wheel(delta_x, delta_y, in_lines, zoom, client_x, plot),
            Input::PointerDown {
                pointer_id,
                client_x,
                counts,
            } => {
                if counts {
                    self.pointer_down(pointer_id, client_x, plot.view);
                }
                Response::default()
            }
            Input::PointerMove {
                pointer_id,
                client_x,
            } => self.pointer_move(pointer_id, client_x, plot),
            Input::PointerEnd { pointer_id } => self.pointer_end(pointer_id, plot.view),
            Input::ClickWindowOver => {
                self.swallow_click = false;
                Response::default()
            }
            Input::ZoomRested | Input::Key => {
                self.zooming = false;
                Response::default()
            }
        }
    }

    fn zoom_step(&mut self) -> Response {
        self.zooming = true;
        Response {
            restart_zoom_rest: true,
            prevent_default: true,
            ..Response::default()
        }
    }

    /// Ctrl + wheel zooms around the pointer; a sideways wheel pans; a
    /// vertical one is the page's (it scrolls).
    fn wheel(
        &mut self,
        delta_x: f64,
        delta_y: f64,
        in_lines: bool,
        zoom: bool,
        client_x: f64,
        plot: Plot<'_>,
    ) -> Response {
        let unit = if in_lines { WHEEL_LINE_PX } else { 1.0 };
        let (dx, dy) = (delta_x * unit, delta_y * unit);
        let scale = TimeScale::new(plot.view, plot.width);
        if zoom {
            let anchor = scale.fraction_at(client_x - (plot.left)());
            let factor = (-dy * WHEEL_ZOOM_PER_PX).exp();
            Response {
                view: Some(plot.view.zoomed(factor, anchor, &plot.bounds)),
                ..self.zoom_step()
            }
        } else if dx.abs() > dy.abs() {
            Response {
                view: Some(plot.view.panned(scale.days_for_px(dx), &plot.bounds)),
                prevent_default: true,
                ..Response::default()
            }
        } else {
            Response::default()
        }
    }

    fn pointer_down(&mut self, pointer_id: i32, client_x: f64, view: View) {
        self.swallow_click = false;
        self.moved = false;
        self.pointers.retain(|(id, _)| *id != pointer_id);
        self.pointers.push((pointer_id, client_x));
        self.restart_shape(view);
    }

    /// The gesture's shape changed (a pointer came or went): it goes on
    /// from here.
    fn restart_shape(&mut self, view: View) {
        self.origin_view = Some(view);
        self.origin_xs = self.pointers.iter().map(|(_, x)| *x).collect();
    }

    /// One pointer drags the window; two pinch it around their middle.
    fn pointer_move(&mut self, pointer_id: i32, client_x: f64, plot: Plot<'_>) -> Response {
        let Some(slot) = self.pointers.iter_mut().find(|(id, _)| *id == pointer_id) else {
            return Response::default();
        };
        slot.1 = client_x;
        let Some(origin) = self.origin_view else {
            return Response::default();
        };
        let scale = TimeScale::new(origin, plot.width);
        match (self.pointers.as_slice(), self.origin_xs.as_slice()) {
            ([(_, x1)], [x0]) => {
                let dx = x1 - x0;
                let starts_drag = !self.moved && dx.abs() > DRAG_THRESHOLD_PX;
                self.moved |= starts_drag;
                if !self.moved {
                    return Response::default();
                }
                Response {
                    view: Some(origin.panned(-scale.days_for_px(dx), &plot.bounds)),
                    prevent_default: true,
                    capture_pointer: starts_drag,
                    ..Response::default()
                }
            }
            ([(_, a1), (_, b1), ..], [a0, b0, ..]) => {
                let before = (a0 - b0).abs().max(MIN_PINCH_PX);
                let now = (a1 - b1).abs().max(MIN_PINCH_PX);
                let middle = (a0 + b0) / 2.0;
                let anchor = scale.fraction_at(middle - (plot.left)());
                self.moved = true;
                Response {
                    view: Some(origin.zoomed(now / before, anchor, &plot.bounds)),
                    capture_pointer: true,
                    ..self.zoom_step()
                }
            }
            _ => Response::default(),
        }
    }

    /// A pointer lifted: the others go on from where they are. Only the
    /// click that ends a drag (dispatched before the next task) is
    /// swallowed: a later click, or Enter on a marker, selects as usual.
    fn pointer_end(&mut self, pointer_id: i32, view: View) -> Response {
        self.pointers.retain(|(id, _)| *id != pointer_id);
        let was_drag = self.moved;
        self.swallow_click |= was_drag;
        self.restart_shape(view);
        if self.pointers.is_empty() {
            self.moved = false;
        }
        Response {
            end_click_window_later: was_drag,
            ..Response::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOUNDS: View = View {
        start: 0.0,
        end: 1000.0,
    };
    const WIDTH: f64 = 1000.0;
    const LEFT: f64 = 100.0;

    /// The plot showing days 400 to 500 on 1000 px (10 px a day), its left
    /// edge at clientX 100.
    fn plot(view: View) -> Plot<'static> {
        Plot {
            view,
            bounds: BOUNDS,
            width: WIDTH,
            left: &|| LEFT,
        }
    }

    fn start_view() -> View {
        View::new(400.0, 500.0)
    }

    /// Runs inputs, each against the window the previous one left.
    fn run(gestures: &mut Gestures, inputs: &[Input]) -> (View, Vec<Response>) {
        let mut view = start_view();
        let mut responses = Vec::new();
        for &input in inputs {
            let response = gestures.handle(input, plot(view));
            if let Some(new_view) = response.view {
                view = new_view;
            }
            responses.push(response);
        }
        (view, responses)
    }

    fn down(pointer_id: i32, client_x: f64) -> Input {
        Input::PointerDown {
            pointer_id,
            client_x,
            counts: true,
        }
    }

    fn pointer_move(pointer_id: i32, client_x: f64) -> Input {
        Input::PointerMove {
            pointer_id,
            client_x,
        }
    }

    fn end(pointer_id: i32) -> Input {
        Input::PointerEnd { pointer_id }
    }

    fn wheel(delta_x: f64, delta_y: f64, zoom: bool) -> Input {
        Input::Wheel {
            delta_x,
            delta_y,
            in_lines: false,
            zoom,
            client_x: LEFT + 250.0,
        }
    }

    fn close(a: View, b: View) -> bool {
        (a.start - b.start).abs() < 1e-9 && (a.end - b.end).abs() < 1e-9
    }

    #[test]
    fn a_vertical_wheel_is_left_to_the_page() {
        let mut gestures = Gestures::default();
        let (view, responses) = run(&mut gestures, &[wheel(0.0, 120.0, false)]);
        assert_eq!(responses, vec![Response::default()]);
        assert_eq!(view, start_view());
        assert!(!gestures.zooming());
    }

    #[test]
    fn a_sideways_wheel_pans_by_its_pixels() {
        let mut gestures = Gestures::default();
        let (view, responses) = run(&mut gestures, &[wheel(50.0, 10.0, false)]);
        assert!(close(view, View::new(405.0, 505.0)), "{view:?}");
        assert!(responses[0].prevent_default);
        assert!(!responses[0].restart_zoom_rest);
        assert!(!gestures.zooming(), "a pan holds no layout");
    }

    #[test]
    fn a_wheel_in_lines_counts_sixteen_pixels_a_line() {
        let mut gestures = Gestures::default();
        let input = Input::Wheel {
            delta_x: 3.0,
            delta_y: 0.0,
            in_lines: true,
            zoom: false,
            client_x: 0.0,
        };
        let (view, _) = run(&mut gestures, &[input]);
        assert!(close(view, View::new(404.8, 504.8)), "{view:?}");
    }

    #[test]
    fn ctrl_wheel_zooms_around_the_pointer_and_starts_a_zoom_gesture() {
        let mut gestures = Gestures::default();
        let (view, responses) = run(&mut gestures, &[wheel(0.0, -100.0, true)]);
        let factor = (100.0 * WHEEL_ZOOM_PER_PX).exp();
        let expected = start_view().zoomed(factor, 0.25, &BOUNDS);
        assert!(close(view, expected), "{view:?} {expected:?}");
        assert!(view.span() < start_view().span(), "wheel up zooms in");
        // The day under the pointer (a quarter across) stays under it.
        let day_under = |v: View| v.start + v.span() * 0.25;
        assert!((day_under(view) - day_under(start_view())).abs() < 1e-9);
        assert!(responses[0].prevent_default && responses[0].restart_zoom_rest);
        assert!(gestures.zooming());
    }

    #[test]
    fn a_zoom_gesture_ends_when_it_rests_or_a_key_is_pressed() {
        let mut gestures = Gestures::default();
        run(
            &mut gestures,
            &[wheel(0.0, -100.0, true), Input::ZoomRested],
        );
        assert!(!gestures.zooming());
        run(&mut gestures, &[wheel(0.0, 100.0, true), Input::Key]);
        assert!(!gestures.zooming());
    }

    #[test]
    fn a_press_that_moves_less_than_the_threshold_is_a_click() {
        let mut gestures = Gestures::default();
        let (view, responses) = run(
            &mut gestures,
            &[down(1, 300.0), pointer_move(1, 304.0), end(1)],
        );
        assert_eq!(view, start_view());
        assert!(responses.iter().all(|r| *r == Response::default()));
        assert!(!gestures.swallows_click(), "the click selects");
    }

    #[test]
    fn a_drag_pans_against_the_pointer_and_captures_it_once() {
        let mut gestures = Gestures::default();
        let (view, responses) = run(
            &mut gestures,
            &[
                down(1, 300.0),
                pointer_move(1, 350.0),
                pointer_move(1, 400.0),
            ],
        );
        // 100 px right at 10 px a day: 10 days earlier.
        assert!(close(view, View::new(390.0, 490.0)), "{view:?}");
        assert!(responses[1].capture_pointer && responses[1].prevent_default);
        assert!(!responses[2].capture_pointer, "captured once");
        assert!(responses[2].prevent_default);
    }

    #[test]
    fn the_click_that_ends_a_drag_is_swallowed_and_only_that_one() {
        let mut gestures = Gestures::default();
        let (_, responses) = run(
            &mut gestures,
            &[down(1, 300.0), pointer_move(1, 380.0), end(1)],
        );
        assert!(responses[2].end_click_window_later);
        assert!(gestures.swallows_click());
        run(&mut gestures, &[Input::ClickWindowOver]);
        assert!(!gestures.swallows_click(), "a later click selects");
    }

    #[test]
    fn a_new_press_clears_a_swallowed_click() {
        let mut gestures = Gestures::default();
        run(
            &mut gestures,
            &[
                down(1, 300.0),
                pointer_move(1, 380.0),
                end(1),
                down(1, 300.0),
            ],
        );
        assert!(!gestures.swallows_click());
    }

    #[test]
    fn a_secondary_mouse_button_starts_nothing() {
        let mut gestures = Gestures::default();
        let right_button = Input::PointerDown {
            pointer_id: 1,
            client_x: 300.0,
            counts: false,
        };
        let (view, _) = run(&mut gestures, &[right_button, pointer_move(1, 400.0)]);
        assert_eq!(view, start_view());
        assert_eq!(gestures, Gestures::default());
    }

    #[test]
    fn a_pointer_that_never_pressed_moves_nothing() {
        let mut gestures = Gestures::default();
        let (view, responses) = run(&mut gestures, &[pointer_move(7, 400.0)]);
        assert_eq!(view, start_view());
        assert_eq!(responses, vec![Response::default()]);
    }

    #[test]
    fn two_fingers_spreading_zoom_in_around_their_middle() {
        let mut gestures = Gestures::default();
        // Fingers at 300 and 500 (plot x 200 and 400: middle at 300 px, 0.3).
        let (view, responses) = run(
            &mut gestures,
            &[down(1, 300.0), down(2, 500.0), pointer_move(2, 700.0)],
        );
        let expected = start_view().zoomed(2.0, 0.3, &BOUNDS);
        assert!(close(view, expected), "{view:?} {expected:?}");
        assert!(responses[2].capture_pointer && responses[2].restart_zoom_rest);
        assert!(gestures.zooming());
    }

    #[test]
    fn fingers_on_one_spot_never_divide_by_zero() {
        let mut gestures = Gestures::default();
        let (view, _) = run(
            &mut gestures,
            &[down(1, 300.0), down(2, 300.0), pointer_move(2, 302.0)],
        );
        assert!(view.start.is_finite() && view.end.is_finite());
        assert!(view.span() <= start_view().span());
    }

    #[test]
    fn lifting_one_finger_of_a_pinch_goes_on_as_a_drag_from_there() {
        let mut gestures = Gestures::default();
        let (pinched, _) = run(
            &mut gestures,
            &[down(1, 300.0), down(2, 500.0), pointer_move(2, 700.0)],
        );
        let after_lift = gestures.handle(end(2), plot(pinched));
        assert!(after_lift.end_click_window_later, "the pinch moved");
        assert!(gestures.swallows_click());
        // The remaining finger drags from where it is, at the new zoom.
        let response = gestures.handle(pointer_move(1, 350.0), plot(pinched));
        let scale = TimeScale::new(pinched, WIDTH);
        let expected = pinched.panned(-scale.days_for_px(50.0), &BOUNDS);
        assert!(close(response.view.unwrap(), expected));
        assert!(
            !response.capture_pointer,
            "still the same gesture: no new capture"
        );
    }

    #[test]
    fn after_the_last_pointer_lifts_a_new_press_must_move_again_to_drag() {
        let mut gestures = Gestures::default();
        run(
            &mut gestures,
            &[down(1, 300.0), pointer_move(1, 380.0), end(1)],
        );
        let (view, _) = run(&mut gestures, &[down(1, 300.0), pointer_move(1, 303.0)]);
        assert_eq!(view, start_view());
    }

    #[test]
    fn a_drag_stops_at_the_bounds() {
        let mut gestures = Gestures::default();
        let (view, _) = run(&mut gestures, &[down(1, 0.0), pointer_move(1, 100_000.0)]);
        assert_eq!(view.start, BOUNDS.start);
        assert!((view.span() - start_view().span()).abs() < 1e-9);
    }
}
