"""Keys typed fast (a burst from a typist, a card reader, tmux send-keys) act where they were
typed, in order: a part of KioskApp (kiosk.ui.app, mixed into it: the same app).

Keys typed ahead of a form. A screen whose fields come only after a database read (a service's
form: 正在读取您的登记信息，请稍候。) has nothing to type into meanwhile: the first digits of a 手机号码
typed right after the Enter that opened 变更驾驶证联系方式 vanished (tester). Such a screen holds a
list in ``typed_ahead`` until its fields are there and the focus is in the first one; the keys that
come meanwhile wait in it (``hold``), and ``keys_ready`` hands them on then, in order, before any
key typed later (Escape too: the screen does not go back while it reads, and said 正在办理，请稍候。).
A screen that could not show its form (``keys_ready(screen, replay=False)``) drops them but Escape:
with no field they would press whatever has the focus. The keys typed after the Enter that opens such a
screen (a 业务中心 tile's: kiosk.ui.widgets.menu_grid) and before it is on top are held too
(``hold_until_next_screen``): they went to the tile, which did nothing with them.
"""
from __future__ import annotations

from typing import Any

from textual import events
from textual.screen import Screen
from textual.widget import Widget

OPENS_WITHIN = 1.0  # seconds: keys held after a press that opens a screen, at most (it opened none)


def keys_ready(screen: Screen, replay: bool = True) -> None:
    """``screen``'s fields are there and the focus is where typing goes: the keys held meanwhile are
    handed on (all but an Escape dropped, when not ``replay``), after the keys already read and before the next ones."""
    held = getattr(screen, "typed_ahead", None)
    if held is None:
        return
    if not replay:  # only a way back asked for is kept
        held[:] = [key for key in held if key.key == "escape"][:1]
    app = screen.app
    if isinstance(app, KeyOrder):
        app.call_later(app.replay, screen)  # after the keys queued before now (they join the list)
    else:
        screen.typed_ahead = None  # type: ignore[attr-defined]


def hold_until_next_screen(widget: Widget) -> None:
    """``widget`` was just pressed and opens a screen: the keys typed from now wait for it."""
    app = widget.app
    if isinstance(app, KeyOrder):
        app.hold_until_next_screen(widget.screen)


class KeyOrder:
    """Mixed into the app: holds the keys typed ahead of a form."""

    _pending: tuple[Screen, list[events.Key]] | None = None  # keys read since a press on that screen

    def hold_until_next_screen(self, screen: Screen) -> None:
        pending = self._pending = (screen, [])
        self.set_timer(OPENS_WITHIN, lambda: self._settle_pending(pending))  # type: ignore[attr-defined]

    def _settle_pending(self, pending: tuple[Screen, list[events.Key]] | None = None) -> None:
        """The keys held since the press go to the screen on top now (from the app's
        screen_change_signal, or the next key): into its own list while its fields are not there
        yet, else read once it is drawn. ``pending``: only those (a timer's, when nothing opened)."""
        if self._pending is None or (pending is not None and pending is not self._pending):
            return
        _, keys = self._pending
        self._pending = None
        front: Any = self.screen  # type: ignore[attr-defined]
        ahead = getattr(front, "typed_ahead", None)
        if ahead is not None:
            ahead[:0] = keys
        else:  # a screen with nothing to wait for: the keys once it is laid out, the next ones after them
            front.typed_ahead = keys
            front.call_after_refresh(keys_ready, front)

    def _held_for(self) -> list[events.Key] | None:
        if self._pending is not None:
            pressed_on, keys = self._pending
            if self.screen is pressed_on:  # type: ignore[attr-defined]  # still to come
                return keys
            self._settle_pending()
        return getattr(self.screen, "typed_ahead", None)  # type: ignore[attr-defined]

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            held = self._held_for()
            if held is not None:
                held.append(event)
                return
        await super().on_event(event)  # type: ignore[misc]

    async def replay(self, screen: Screen) -> None:
        """The keys ``screen`` held, read now in order, as if they had just been typed."""
        held = getattr(screen, "typed_ahead", None)
        screen.typed_ahead = None  # type: ignore[attr-defined]
        if not held or self.screen is not screen:  # type: ignore[attr-defined]
            return
        for key in held:
            again = events.Key(key.key, key.character)
            again.set_sender(self)  # type: ignore[arg-type]
            await self.on_event(again)
