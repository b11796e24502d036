"""The kiosk's idle timeout, a part of KioskApp (kiosk.ui.app, mixed into it: the same app).

Every key, click, scroll or paste restarts the idle time. On a citizen kiosk a countdown shows
(IdleBanner) before the session is wiped; at the counter the screen locks instead. A service call
the user asked for holds the idle time while it runs."""
from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from textual import events

from .widgets.idle import IdleBanner, idle_host

if TYPE_CHECKING:
    from textual.widget import Widget

    from ..config import Settings
    from ..services.auth import CitizenSession
    from ..services.staff import StaffSession

ACTIVITY = (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp, events.Paste)


class IdleTimeout:
    """The idle time (``_last_activity``, ``_dismissing_click``: set in KioskApp.__init__) and what
    happens when it runs out (``_idle_tick``, every second from KioskApp.on_mount)."""

    settings: Settings
    citizen: CitizenSession | None
    staff: StaffSession | None
    locked: bool
    look: str  # KioskApp.look: the look on screen now
    use_look: Callable[[str], None]  # KioskApp.use_look
    lock_counter: Callable[..., None]  # KioskApp.lock_counter: the counter's lock screen
    end_session: Callable[[str], Awaitable[None]]  # KioskApp.end_session: back to the start screen
    _last_activity: float
    _dismissing_click: bool  # a click took the idle countdown away: its release does nothing
    hold_taps: Callable[[Widget], None]  # kiosk.ui.pointer.FreshScreenTaps.hold_taps

    async def on_event(self, event: events.Event) -> None:
        """Every key, click, scroll or paste restarts the idle time. While the countdown before the
        wipe shows, the first one only takes it away: it does nothing else (a Down that dismissed
        it moved the focus in the 业务中心, and the next Enter opened a service nobody chose). A
        click's release is held back with its press, so no button is pressed by it, nor by a
        double-tap's second tap: taps are held a moment, as when a screen opens (tester: a double-tap
        took the countdown away and pressed 放大二维码)."""
        if not event.is_forwarded:
            if isinstance(event, events.MouseUp) and self._dismissing_click:
                self._dismissing_click = False
                return
            if isinstance(event, ACTIVITY) and self.touch():
                self._dismissing_click = isinstance(event, events.MouseDown)
                if self._dismissing_click:
                    self.hold_taps(self.screen)
                return
        elif isinstance(event, ACTIVITY):
            self.touch()
        await super().on_event(event)

    def touch(self) -> bool:
        """Restart the idle time; True when that took the countdown away."""
        self._last_activity = time.monotonic()
        banners = list(self.screen.query(IdleBanner))
        for banner in banners:
            banner.remove()
        return bool(banners)

    def _session_active(self) -> bool:
        if self.settings.counter:
            return self.staff is not None and not self.locked
        return self.citizen is not None or len(self.screen_stack) > 1

    def _working(self) -> bool:
        """A service call the user asked for is running on some screen (KioskScreen.working)."""
        return any(getattr(screen, "working", False) for screen in self.screen_stack)

    async def _idle_tick(self) -> None:
        if not self._session_active():
            # A citizen switched the look on the start screen and walked away: the next one meets
            # the terminal's own look (as after a session).
            if self.look != self.settings.theme and time.monotonic() - self._last_activity >= self.settings.idle_limit:
                self.use_look(self.settings.theme)
                # the start screen: the focus back on 登录 (it stayed on the look button, and the next
                # citizen's Enter switched the look instead: tester)
                getattr(self.screen, "visit_over", lambda: None)()
            return
        if self._working():
            # Not while a call runs (a submission waiting for the database): the citizen is waiting
            # for its result (the 业务流水号), not gone. The idle time starts again when it ends; a
            # countdown already showing goes. A quiet refresh (网办进度, the e-licence code) does
            # not count: it would keep an abandoned session open.
            self.touch()
            return
        remaining = self.settings.idle_limit - (time.monotonic() - self._last_activity)
        if remaining <= 0:
            self.touch()
            if self.settings.counter:
                self.lock_counter(idle=True)
            else:
                await self.end_session(idle_notice(self.citizen is not None))
            return
        if remaining <= self.settings.idle_countdown and not self.settings.counter:
            banners = list(self.screen.query(IdleBanner))
            banner = banners[0] if banners else IdleBanner()
            if not banners:  # where it covers nothing it must not (an e-licence code): widgets.idle
                await idle_host(self.screen).mount(banner)
            banner.show_seconds(int(remaining + 0.999))


def idle_notice(signed_in: bool) -> str:
    """What the start screen says after the idle time ran out: 已退出登录 only when someone was
    signed in (not for an ID typed at 登录 or a 注册 left half filled)."""
    return "因长时间无操作，已退出登录。" if signed_in else "因长时间无操作，已返回首页。"
