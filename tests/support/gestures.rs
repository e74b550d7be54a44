//! Touch, mouse and wheel input as WebDriver actions: the reader's fingers and wheel, not
//! synthetic DOM events.
//!
//! Chromium and Firefox deliver touch actions as touch pointer events (`pointerType` "touch");
//! WebKitGTK's driver has no touch device and delivers them as mouse events.
//!
//! Every gesture ends by releasing the input state, so that the next action starts clean.

use std::time::Duration;

use fantoccini::actions::{
    InputSource, KeyAction, KeyActions, MouseActions, PointerAction, TouchActions, WheelAction,
    WheelActions, MOUSE_BUTTON_LEFT,
};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::Client;

use super::browser::Engine;
use super::TestResult;

/// How many steps a drag moves in: enough for the app to see a gesture, not a jump.
const DRAG_STEPS: u32 = 6;
const STEP_DURATION: Duration = Duration::from_millis(16);

/// The centre of `element` in viewport coordinates (CSS pixels).
pub async fn centre(client: &Client, element: &Element) -> TestResult<(f64, f64)> {
    let rect = client
        .execute(
            "const r = arguments[0].getBoundingClientRect(); \
             return [r.left + r.width / 2, r.top + r.height / 2];",
            vec![serde_json::to_value(element)?],
        )
        .await?;
    let x = rect[0].as_f64().ok_or("no bounding box")?;
    let y = rect[1].as_f64().ok_or("no bounding box")?;
    Ok((x, y))
}

/// Scrolls `element` to the middle of the viewport: pointer actions aimed at an element do not
/// scroll to it (Firefox refuses a target outside the viewport).
pub async fn scroll_into_view(client: &Client, element: &Element) -> TestResult {
    client
        .execute(
            "arguments[0].scrollIntoView({ block: 'center', inline: 'nearest' });",
            vec![serde_json::to_value(element)?],
        )
        .await?;
    Ok(())
}

/// A finger taps `element` in its centre (pointer type `touch`).
pub async fn tap(client: &Client, element: &Element) -> TestResult {
    scroll_into_view(client, element).await?;
    let finger = TouchActions::new("finger".to_string())
        .then(PointerAction::MoveToElement {
            element: element.clone(),
            duration: None,
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Pause {
            duration: Duration::from_millis(50),
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    client.perform_actions(finger).await?;
    client.release_actions().await?;
    Ok(())
}

/// A finger (`touch`) or the mouse (`mouse`) presses at the centre of `element`, moves `dx`
/// pixels sideways in small steps, and lifts.
pub async fn drag(client: &Client, element: &Element, dx: f64, pointer: Pointer) -> TestResult {
    scroll_into_view(client, element).await?;
    let (x, y) = centre(client, element).await?;
    let steps = (1..=DRAG_STEPS).map(|step| PointerAction::MoveTo {
        duration: Some(STEP_DURATION),
        x: (x + dx * f64::from(step) / f64::from(DRAG_STEPS)).round(),
        y: y.round(),
    });
    let start = [
        PointerAction::MoveTo {
            duration: None,
            x: x.round(),
            y: y.round(),
        },
        PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        },
    ];
    let end = [PointerAction::Up {
        button: MOUSE_BUTTON_LEFT,
    }];
    let all: Vec<PointerAction> = start.into_iter().chain(steps).chain(end).collect();
    perform(client, all, pointer).await
}

/// Moves the mouse to `(x, y)` in the viewport (a hover), without pressing.
pub async fn hover_at(client: &Client, x: f64, y: f64) -> TestResult {
    let mouse = MouseActions::new("mouse".to_string()).then(PointerAction::MoveTo {
        duration: None,
        x: x.round(),
        y: y.round(),
    });
    client.perform_actions(mouse).await?;
    client.release_actions().await?;
    Ok(())
}

/// A click (`Mouse`) or a finger tap (`Touch`) at `(x, y)` in the viewport.
pub async fn press_at(client: &Client, x: f64, y: f64, pointer: Pointer) -> TestResult {
    let actions = [
        PointerAction::MoveTo {
            duration: None,
            x: x.round(),
            y: y.round(),
        },
        PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        },
        PointerAction::Pause {
            duration: Duration::from_millis(50),
        },
        PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        },
    ];
    perform(client, actions, pointer).await
}

/// Performs `actions` with a mouse or a finger, then releases them.
async fn perform(
    client: &Client,
    actions: impl IntoIterator<Item = PointerAction>,
    pointer: Pointer,
) -> TestResult {
    match pointer {
        Pointer::Touch => {
            let finger = actions
                .into_iter()
                .fold(TouchActions::new("finger".to_string()), InputSource::then);
            client.perform_actions(finger).await?;
        }
        Pointer::Mouse => {
            let mouse = actions
                .into_iter()
                .fold(MouseActions::new("mouse".to_string()), InputSource::then);
            client.perform_actions(mouse).await?;
        }
    }
    client.release_actions().await?;
    Ok(())
}

/// Which pointer a gesture uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pointer {
    Mouse,
    Touch,
}

/// Ctrl + wheel over the centre of `element`: `delta_y < 0` turns the wheel up (zoom in).
///
/// WebDriver key and wheel actions together in Chromium and Firefox. WebKitGTK's driver
/// delivers the wheel but without the Ctrl key held by the key source, so there a `WheelEvent`
/// with `ctrlKey` is dispatched on the element (the event the app listens to).
pub async fn ctrl_wheel(client: &Client, element: &Element, delta_y: i64) -> TestResult {
    if Engine::current() == Engine::Webkit {
        return dispatch_ctrl_wheel(client, element, delta_y).await;
    }
    scroll_into_view(client, element).await?;
    let (x, y) = centre(client, element).await?;
    let keys = KeyActions::new("keyboard".to_string())
        .then(KeyAction::Down {
            value: char::from(Key::Control),
        })
        .then(KeyAction::Pause {
            duration: Duration::ZERO,
        })
        .then(KeyAction::Up {
            value: char::from(Key::Control),
        });
    let wheel = WheelActions::new("wheel".to_string())
        .then(WheelAction::Pause {
            duration: Duration::ZERO,
        })
        .then(WheelAction::Scroll {
            duration: None,
            x: x.round() as i64,
            y: y.round() as i64,
            delta_x: 0,
            delta_y,
        })
        .then(WheelAction::Pause {
            duration: Duration::ZERO,
        });
    client
        .perform_actions(fantoccini::actions::Actions::from(keys).and(wheel))
        .await?;
    client.release_actions().await?;
    Ok(())
}

/// A `WheelEvent` with `ctrlKey`, dispatched at the centre of `element`.
async fn dispatch_ctrl_wheel(client: &Client, element: &Element, delta_y: i64) -> TestResult {
    scroll_into_view(client, element).await?;
    client
        .execute(
            "const el = arguments[0]; const r = el.getBoundingClientRect();
             el.dispatchEvent(new WheelEvent('wheel', {
                 bubbles: true, cancelable: true, ctrlKey: true, deltaY: arguments[1],
                 deltaMode: 0, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2,
             }));",
            vec![serde_json::to_value(element)?, serde_json::json!(delta_y)],
        )
        .await?;
    Ok(())
}
