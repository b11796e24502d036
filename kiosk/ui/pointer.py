"""Taps on a touch screen, a part of KioskApp (kiosk.ui.app, mixed into it: the same app).

A double-tap (two clicks 0.15 to 0.5 s apart, as a terminal sends them) whose first tap opens a
screen or a dialog put its second tap on whatever the new one shows at that spot: 驾驶证电子版's
question (是否继续申领？) was answered unseen by the second tap of the button that opened it (its
【申领】 at the same spot; the page now opens on it, held the same way as it comes into view); the start screen's 【登录】 put the focus in 短信验证码; the sign-in's
【登录】 opened 网办进度 in the 业务中心 (tester). So for ``FRESH`` seconds after a screen or a dialog
comes on top (pushed, switched to, or back on top when the one over it closes), a screen opens
a question in its page (``hold_taps``), or a wizard shows another step (``step_shown``: 考试预约's
阅读并同意, tapped twice, pressed 选择场次's 下一步 at the same spot), the mouse's press, release and click are dropped here,
where the terminal driver's events come in: one place for every screen and dialog. A tap made
while the new one is still being composed (it may take a second on a busy machine) is dropped too,
and so is one made within ``SEEN`` of its first drawing (a finger already on its way). The
``FRESH`` counts from when it came on top, not from that drawing: counted from the drawing, 考试预约
(drawn 0.2 to 0.6 s after the tap that opened it, at 100x30) dropped a first tap made 0.8 s after
that tap (tester, twice). Keys are never held back nor dropped (a typed ID, Enter, Escape: the
tmux tests drive the kiosk by keys at full speed); nor are mouse moves and scrolls.

A double-tap's second tap (a press within ``SECOND_TAP`` of the last one taken, at the same spot)
is dropped too when a button, a check box or a radio button is under it, or anything other than
what the first was on: the first may have changed what the finger is on (tester: 发送验证码 tapped
twice pressed the 上一步 the page had scrolled there; 阅读并同意 paged a long notice to its end, then
agreed unread; 预约 with a wrong code pressed again on the emptied field, and 请输入... took the place
of 验证码错误; 查询 chose the session the page had scrolled under the finger; 我已阅读并同意's box,
tapped twice, was ticked and unticked). A button meant to be tapped again and again (the
pad's keys, 上个月 and 下个月: kiosk.ui.widgets.repeat_button) takes it; so does a list row (its own rule).

It also notes whether the latest input was the pointer's or a key (``last_input_was_click``):
SubmitGuard starts its moment again for a repeated Enter only, not for a tap.

Pilot's ``click`` hands its events to the screen and skips App.on_event: tests that mean this
rule post the driver's events to the app (tests/ui/test_fresh_screen_taps.py)."""
from __future__ import annotations

from typing import Any

from textual import _time, events
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button
from textual.widgets._toggle_button import ToggleButton  # Checkbox's and RadioButton's base

from .widgets.repeat_button import REPEAT_CLASS

TAP = (events.MouseDown, events.MouseUp, events.Click)


class FreshScreenTaps:
    """``_on_top``: when the screen now on top came on top. ``_fresh_since``: the same, then when it
    was first drawn (later, when it takes a while to compose: taps made meanwhile wait in the queue
    and were aimed at the old one)."""

    FRESH = 0.5  # seconds: taps dropped once a screen or a dialog has come on top (a double-tap's second)
    SEEN = 0.2  # seconds: taps dropped once it is drawn (sooner than a finger can answer what it shows)
    _on_top = 0.0  # on Textual's clock, as _fresh_since
    SECOND_TAP = 0.5  # seconds: a press this soon after the last, at its spot, may be a double-tap's second
    _last_tap: tuple[float, int, int, Widget | None] | None = None  # the last press taken: time, spot, widget
    UNDRAWN = 3.0  # seconds: at most this long, taps are dropped while it is not yet drawn
    _fresh_since = 0.0  # on Textual's clock (textual._time), as the events' own ``time``
    _undrawn = False  # it came on top and is not drawn yet
    _dropped_press = False  # a press was dropped: its release is dropped too, however late
    last_input_was_click = False  # the latest key or tap from the terminal was a tap

    def screen_came_on_top(self, screen: Screen) -> None:
        """From KioskApp.on_mount's screen_change_signal."""
        self.hold_taps(screen)

    def hold_taps(self, shown: Widget) -> None:
        """Something new to answer is on view where the last tap was: taps are dropped from now, and
        from once ``shown`` (the screen, the question) is drawn. A screen calls it for a question it
        shows in its own page, as a dialog would (驾驶证电子版's 是否继续申领？, once the licence is read)."""
        self._on_top = self._fresh_since = _time.get_time()
        self._undrawn = True
        shown.call_after_refresh(self._drawn)

    def _drawn(self) -> None:
        self._fresh_since, self._undrawn = _time.get_time(), False

    async def on_event(self, event: events.Event) -> None:
        if not event.is_forwarded:
            if isinstance(event, events.Key):
                self.last_input_was_click = False
            elif isinstance(event, TAP):
                self.last_input_was_click = True
                if self._drop(event):
                    return
        await super().on_event(event)  # type: ignore[misc]

    def _drop(self, event: Any) -> bool:
        """Whether to drop this press, release or click: made (``event.time``) within ``FRESH`` of
        the new one coming on top, before it was drawn or within ``SEEN`` of that, a double-tap's
        second press (``_second_tap``), or the release of a press dropped."""
        if isinstance(event, events.MouseUp) and self._dropped_press:
            self._dropped_press = False
            return True
        since = event.time - self._fresh_since
        if since >= (self.UNDRAWN if self._undrawn else self.SEEN) and event.time - self._on_top >= self.FRESH:
            if not isinstance(event, events.MouseDown):
                return False
            under = self._under(event)
            if not self._second_tap(event, under):
                self._dropped_press = False
                self._last_tap = (event.time, event.x, event.y, under)
                return False
        if isinstance(event, events.MouseDown):
            self._dropped_press = True
        elif isinstance(event, events.MouseUp) and self.mouse_captured is not None:  # type: ignore[attr-defined]
            self.capture_mouse(None)  # type: ignore[attr-defined]  # pressed on the screen before: let go
        return True

    def _second_tap(self, event: Any, widget: Widget | None) -> bool:
        """A press that is a double-tap's second, on ``widget`` (what is under it): a button that does
        not take repeated taps, a check box or a radio button (a ToggleButton, as every Tick and Choice
        of the app: a double-tap ticked 我已阅读并同意 and took the tick away), or something other than
        what the first was on."""
        last = self._last_tap
        if last is None or event.time - last[0] >= self.SECOND_TAP or (event.x, event.y) != last[1:3]:
            return False
        return widget is not last[3] or (isinstance(widget, (Button, ToggleButton))
                                          and not widget.has_class(REPEAT_CLASS))

    def _under(self, event: Any) -> Widget | None:
        try:
            return self.get_widget_at(event.x, event.y)[0]  # type: ignore[attr-defined,no-any-return]
        except Exception:  # nothing there (NoWidget), or no screen for a moment
            return None


def step_shown(shown: Widget) -> None:
    """A wizard's step ``shown`` took the place of the last one (a ContentSwitcher's): taps are held
    as when a screen opens, so a double-tap's second tap does not press what the new step has at the
    same spot (考试预约's 阅读并同意, tapped twice, pressed 选择场次's 下一步 and said 请先输入时间段并点击
    【查询】 in red: tester). Keys are never held back."""
    app = shown.app
    if isinstance(app, FreshScreenTaps):
        app.hold_taps(shown)
