//! The count of the browser hooks the app holds (observers and listeners,
//! started and released by `components::browser`): what the browser tests
//! compare after many dataset swaps and after unmounting
//! (tests/web_hooks.rs).

/// How many hooks of each kind are live.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LiveHooks {
    /// `ResizeObserver`s (a timeline's or chart's width, the embed's height).
    pub resize_observers: u32,
    /// `MutationObserver`s (a chart watching `<html>`'s theme attributes).
    pub mutation_observers: u32,
    /// `change` listeners on a `prefers-color-scheme` media query.
    pub media_listeners: u32,
    /// Listeners on `window` (drag and drop, history, resize, print, messages).
    pub window_listeners: u32,
}

/// The kinds of hooks [`LiveHooks`] counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HookKind {
    Resize,
    Mutation,
    Media,
    Window,
}

impl LiveHooks {
    /// None live.
    pub const NONE: LiveHooks = LiveHooks {
        resize_observers: 0,
        mutation_observers: 0,
        media_listeners: 0,
        window_listeners: 0,
    };

    fn count(&mut self, kind: HookKind) -> &mut u32 {
        match kind {
            HookKind::Resize => &mut self.resize_observers,
            HookKind::Mutation => &mut self.mutation_observers,
            HookKind::Media => &mut self.media_listeners,
            HookKind::Window => &mut self.window_listeners,
        }
    }

    /// The count once a hook of `kind` has started.
    pub fn started(mut self, kind: HookKind) -> LiveHooks {
        let count = self.count(kind);
        *count = count.saturating_add(1);
        self
    }

    /// The count once a hook of `kind` has been released (never below zero).
    pub fn released(mut self, kind: HookKind) -> LiveHooks {
        let count = self.count(kind);
        *count = count.saturating_sub(1);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_counts_its_own_hooks_up_and_down_to_zero() {
        let hooks = LiveHooks::NONE
            .started(HookKind::Resize)
            .started(HookKind::Resize)
            .started(HookKind::Mutation)
            .started(HookKind::Media)
            .started(HookKind::Window)
            .started(HookKind::Window)
            .started(HookKind::Window);
        assert_eq!(
            hooks,
            LiveHooks {
                resize_observers: 2,
                mutation_observers: 1,
                media_listeners: 1,
                window_listeners: 3,
            }
        );
        let hooks = hooks
            .released(HookKind::Resize)
            .released(HookKind::Window)
            .released(HookKind::Media);
        assert_eq!(
            hooks,
            LiveHooks {
                resize_observers: 1,
                mutation_observers: 1,
                media_listeners: 0,
                window_listeners: 2,
            }
        );
        // A release the count never saw (a hook started before counting) stays at zero.
        assert_eq!(hooks.released(HookKind::Media).media_listeners, 0);
        assert_eq!(LiveHooks::default(), LiveHooks::NONE);
    }
}
