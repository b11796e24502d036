"""How a kiosk screen runs a service call (KioskScreen, kiosk.ui.base, is a ServiceCalls): ``call``
off the UI thread, with the 正在办理，请稍候。 bar when it takes a while and the general error when
no service words the failure, and ``read_live``, the refresh nobody asked for, of which only the
latest read is shown. A deactivated clerk (StaffRevoked) is signed out by either."""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from textual.css.query import NoMatches
from textual.timer import Timer

from ..domain.errors import DomainError, StaffRevoked
from .key_order import keys_ready
from .widgets.phone import make_room
from .widgets.plain import Plain

if TYPE_CHECKING:
    from .base import KioskScreen

    _Base = KioskScreen
else:
    _Base = object

T = TypeVar("T")
log = logging.getLogger("kiosk.ui")
GENERIC_ERROR = "系统繁忙，请稍后再试。您已保存的信息不会丢失。"
WAIT_TEXT = "正在办理，请稍候。"
WAIT_AFTER = 0.4  # seconds a service call may take before the screen says it is working on it
LIVE_SECONDS = 5  # a page that others may change meanwhile (a clerk, a kiosk) is read again this often


class ServiceCalls(_Base):
    busy = False
    # A call the user asked for is running (not a quiet refresh): the idle time does not count
    # meanwhile (KioskApp._idle_tick), so nobody is signed out while 正在办理，请稍候。 shows.
    working = False
    _wait_timer: Timer | None = None
    _live_tickets: dict[Any, int] | None = None  # read_live: the latest read begun, per ``done``

    def call(self, fn: Callable[..., T], *args: Any, done: Callable[[T], None],
             failed: Callable[[DomainError], None] | None = None, quiet: bool = False) -> None:
        """Run ``fn(*args)`` off the UI thread; then ``done(result)`` or show the error.

        While it runs, further calls are ignored (a second press of the same button does nothing);
        if it takes longer than WAIT_AFTER (the database busy with another kiosk's long write, say),
        a bar at the bottom says so until it ends, so a waiting citizen does not think the kiosk
        froze. ``quiet``: no bar, for a refresh the user did not ask for (the bar would take rows
        from what is refreshed, such as a QR code that just fits)."""
        if self.busy:
            return
        self.busy, self.working = True, not quiet
        self.clear_errors()
        if not quiet:
            self._wait_timer = self.set_timer(WAIT_AFTER, self._show_wait)

        def work() -> None:
            try:
                result = fn(*args)
            except StaffRevoked as exc:  # deactivated, or the role taken away: signed out, whatever the screen
                self.app.call_from_thread(self._finish, lambda exc=exc: self.kiosk.staff_signed_out(exc.message))
            except DomainError as exc:
                self.app.call_from_thread(self._finish, lambda exc=exc: (failed or self.show_error)(exc))
            except Exception:  # a citizen never sees a traceback
                log.exception("service call failed: %s", getattr(fn, "__name__", fn))
                self.app.call_from_thread(self._finish, self._failed_unexpectedly)
            else:
                self.app.call_from_thread(self._finish, lambda: done(result))

        self.run_worker(work, thread=True, group="service")

    def _failed_unexpectedly(self) -> None:
        """The general error for a failure no service words. Keys held for a form still to come
        (kiosk.ui.key_order) are let go, but an Escape: no form comes, and a screen that held them
        took no key at all, not even Escape (it stayed on 系统繁忙 until the idle timeout)."""
        keys_ready(self, replay=False)
        self.show_error(DomainError(GENERIC_ERROR))

    def read_live(self, fn: Callable[..., T], *args: Any, done: Callable[[T], None]) -> None:
        """A refresh nobody asked for (a live list, a review decided elsewhere), or a read the clerk's
        own action makes (opening 考试成绩录入): ``fn(*args)`` off the UI thread, then ``done(result)``
        on it. Not ``call``: it does not make the screen busy, and a failure shows nothing (the next
        tick tries again; the user's own actions show errors), but a refusal for a deactivated clerk
        or a role taken away (StaffRevoked), which signs the clerk out at once, as ``call`` does:
        whatever is typed on the screen could not be saved by this account anyway. Only an asked read
        did so: a background refresh was refused every tick and each refusal audited (权限失效，拒绝办理),
        so a clerk deactivated while away from the desk filled the audit log.

        Only the latest read for ``done`` is shown: ``exclusive`` cancels an earlier worker, but a
        thread runs on and still handed its result over, so a read begun before a save could arrive
        after the one begun after it and show the list as it was (考试成绩录入's list, read on the
        screen's return from the question and again after the save: a CI run saw 1（初考） stay).
        A read's kind is where its ``done`` was written (``_read_kind``)."""
        key = _read_kind(done)
        if self._live_tickets is None:
            self._live_tickets = {}
        ticket = self._live_tickets[key] = self._live_tickets.get(key, 0) + 1

        def work() -> None:
            try:
                result = fn(*args)
            except StaffRevoked as exc:
                self.app.call_from_thread(self._revoked, exc.message)
                return
            except Exception:  # noqa: BLE001
                return
            self.app.call_from_thread(self._live_read, done, result, key, ticket)

        # exit_on_error off: whatever goes wrong in a refresh, the kiosk goes on
        self.run_worker(work, thread=True, group="live", exclusive=True, exit_on_error=False)

    def _revoked(self, why: str) -> None:
        """A read refused (``read_live``): signed out, unless this screen was closed meanwhile
        or the clerk is signed out already (another call refused too)."""
        if self.is_attached and self in self.app.screen_stack and self.kiosk.staff is not None:
            self.kiosk.staff_signed_out(why)

    def _live_read(self, done: Callable[[T], None], result: T, key: Any = None, ticket: int = 0) -> None:
        """``done(result)`` if this screen is still the one shown and no later read for ``done`` was
        begun. A screen being taken down (the citizen went on to 网办进度 and back to the menu while
        the read ran) may still be the app's screen with its widgets already gone: nothing is shown then."""
        superseded = key is not None and (self._live_tickets or {}).get(key) != ticket
        if not self.is_attached or self.app.screen is not self or superseded:
            return
        try:
            done(result)
        except NoMatches:
            return

    def _finish(self, then: Callable[[], None]) -> None:
        self.busy = self.working = False
        if self._wait_timer is not None:
            self._wait_timer.stop()
            self._wait_timer = None
        for note in self.query("#wait-note"):
            note.display = False
        if self.is_attached:
            # Not on a screen taken off the stack while the call ran: its widgets go (CI: 网办进度's
            # 返回业务中心 popped 驾驶证电子版 as its reload, begun when it came back on top, ran,
            # and the reload's answer found no #el-message). A live read is kept out likewise.
            if self in self.app.screen_stack:
                then()
            citizen = self.kiosk.citizen
            if citizen is not None:  # demo: the SMS this call sent (受理, payment...) on the phone bar
                self.kiosk.show_demo_sms(citizen.phone, only_new=True)

    def _show_wait(self) -> None:
        if not self.busy:
            return
        notes = self.query("#wait-note")
        if notes:
            notes.first().display = True
        else:
            self.mount(Plain(WAIT_TEXT, id="wait-note"))
            self.call_after_refresh(make_room, self)  # above the demo phone bar, when one shows


def _read_kind(done: Callable[..., Any]) -> Any:
    """What makes reads the same kind for read_live: the code of ``done``. A bound method gives its
    function's, and a lambda made anew on every tick at one place in a screen (``lambda fresh:
    self._live_loaded(count, fresh)``) gives the same code each time: keyed by the lambda itself,
    every tick was a kind of its own, no read ever superseded another, and a ticket was kept per
    tick for as long as the screen lived."""
    func = getattr(done, "__func__", done)
    return getattr(func, "__code__", func)
