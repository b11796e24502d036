"""The Textual application: kiosk mode, who is signed in; the idle timeout is in app_idle.
Screens do the rest."""
from __future__ import annotations

import logging
import time
from typing import Any

from textual import events, work
from textual.app import App
from textual.filter import LineFilter
from textual.screen import Screen

from ..config import PROJECT_ROOT, Settings
from ..services.auth import CitizenSession
from ..services.env import Env, make_env
from ..services.staff import StaffSession
from . import cjk_compositor, cjk_wrap, scrollbar
from . import theme as looks
from .app_idle import IdleTimeout
from .bindings import APP_BINDINGS
from .key_order import KeyOrder
from .pointer import FreshScreenTaps

log = logging.getLogger("kiosk.ui")
DEMO_SMS_POLL = 5.0  # seconds: how often a demo kiosk looks for an SMS the citizen's own calls did not send


class KioskApp(IdleTimeout, FreshScreenTaps, KeyOrder, App, inherit_bindings=False):
    CSS_PATH = str(PROJECT_ROOT / "kiosk.tcss")
    ENABLE_COMMAND_PALETTE = False
    TITLE = "交管12123"
    BINDINGS = APP_BINDINGS

    def __init__(self, settings: Settings, env: Env) -> None:
        cjk_compositor.apply()  # Chinese text stays whole under open lists and notifications
        cjk_wrap.apply()  # Chinese paragraphs fill their lines; no line starts with 「）」 or 「，」
        scrollbar.apply()  # a thumb at an end of its track exactly when that end of the list is in view
        super().__init__()
        self.settings, self.env = settings, env
        self.citizen: CitizenSession | None = None
        self._staff: StaffSession | None = None
        # 为群众办理's ID and 查询事由 as the clerk left them (counter.citizen_kept), for this sign-in only
        self.kept_lookup: tuple[str, str] | None = None
        self.locked = False
        self._last_activity = time.monotonic()
        self._dismissing_click = False  # a click took the idle countdown away: its release does nothing
        self._generation = 0  # bumped when a session is wiped; late worker results are then dropped
        self.start_notice = ""  # shown once on the start screen (kiosk.__main__: after a restart)
        self._goodbye = ""  # the sign-out notice end_session left (已退出登录，...): gone at the next sign-in
        self.crashed = False  # an error no screen handled ended this run (see _handle_exception)
        self._sms_seen: dict[str, int] = {}  # phone -> id of the newest SMS shown or noted (demo phone bar)
        self.register_theme(looks.STANDARD_LOOK)
        self.register_theme(looks.HIGH_CONTRAST_LOOK)
        self._no_dim = looks.NoDim()
        self.use_look(settings.theme)

    # -- the look: the terminal's (settings.theme), or the one a citizen chose for their visit ---
    @property
    def look(self) -> str:
        """The look on screen now: kiosk.config.STANDARD or HIGH_CONTRAST."""
        return looks.HIGH_CONTRAST if self.theme == looks.HIGH_CONTRAST_THEME else looks.STANDARD

    def use_look(self, look: str) -> None:
        """Show ``look`` (a kiosk.config theme name) on every screen from now on."""
        high = look == looks.HIGH_CONTRAST
        self.ansi_theme_dark = looks.HIGH_CONTRAST_ANSI if high else looks.STANDARD_ANSI  # Rich's "red", "green"
        self.theme = looks.TEXTUAL_THEMES[look]

    def get_line_filters(self) -> list[LineFilter]:
        """Under the high-contrast look, "dim" text goes first: Textual's own filter would draw it grey."""
        filters = list(super().get_line_filters())
        return [self._no_dim, *filters] if self.look == looks.HIGH_CONTRAST else filters

    # -- screens -------------------------------------------------------------------------
    def get_default_screen(self) -> Screen:
        if self.settings.counter:
            from .screens.staff_sign_in import StaffSignInScreen

            return StaffSignInScreen()
        from .screens.welcome import WelcomeScreen

        return WelcomeScreen()

    @property
    def staff(self) -> StaffSession | None:
        return self._staff

    @staff.setter
    def staff(self, staff: StaffSession | None) -> None:
        """Who is signed in at the counter. Another sign-in (or none) forgets what the last one kept."""
        if staff is not self._staff:
            self.kept_lookup = None
        self._staff = staff

    def who_text(self) -> str:
        if self.citizen:
            return f"{self.citizen.name}  {self.citizen.id_masked}"
        if self.staff:
            return f"{self.staff.name}（{self.staff.staff_no}）"
        return "终端 " + self.settings.terminal_id

    def signed_in(self, citizen: CitizenSession) -> None:
        from .screens.home import HomeScreen

        self.citizen = citizen
        self.forget_goodbye()
        self.show_demo_sms(citizen.phone, only_new=True)  # notes the SMS so far (the sign-in code)
        self.switch_screen(HomeScreen())

    def citizen_reread(self, citizen: CitizenSession | None) -> None:
        """The signed-in citizen's account read again (auth.current_session): a phone the counter
        reset meanwhile is the one the 业务中心 names and the demo phone bar follows."""
        if citizen is not None and self.citizen is not None and citizen.account_id == self.citizen.account_id:
            self.citizen = citizen

    def notify(self, message: str, *, markup: bool = False, **kwargs: Any) -> None:  # type: ignore[override]
        """Notifications show their text as it is: it may hold a name or a reason someone typed
        (see kiosk.ui.widgets.plain), so square brackets are never read as markup."""
        super().notify(message, markup=False, **kwargs)

    def show_demo_sms(self, phone: str, *, only_new: bool = False, message_id: int | None = None) -> None:
        """Demo mode: show the newest SMS to ``phone`` as the notification a phone would show.

        ``only_new``: only if it came after the last one shown for that phone (after a service call:
        the 受理 or payment SMS it sent, not the sign-in code again); the first look at a phone
        only notes where its SMS stand. ``message_id``: that SMS instead, again (a code still valid,
        asked for once more within the resend wait: CodeStillValid)."""
        if self.settings.demo and phone:
            self._fetch_demo_sms(phone, self._generation, only_new, message_id)

    def _poll_demo_sms(self) -> None:
        if self.citizen is not None:
            self.show_demo_sms(self.citizen.phone, only_new=True)

    @work(thread=True, group="demo-sms")
    def _fetch_demo_sms(self, phone: str, generation: int, only_new: bool, message_id: int | None = None) -> None:
        from ..services.messaging import latest_sms_notification, sms_notification

        latest = (latest_sms_notification(self.env, phone) if message_id is None
                  else sms_notification(self.env, phone, message_id))
        if latest is None:
            return
        sms_id, text = latest
        if message_id is None:  # one shown again tells nothing of where that phone's SMS stand
            seen = self._sms_seen.get(phone)
            self._sms_seen[phone] = max(sms_id, seen or 0)
            if only_new and (seen is None or sms_id <= seen):
                return
        self.call_from_thread(self._show_phone_bar, text, generation)

    def _show_phone_bar(self, text: str, generation: int) -> None:
        from .widgets.phone import show_sms

        if generation != self._generation:  # that citizen's session has been wiped meanwhile
            return
        show_sms(self, text)

    def request_end_session(self, notice: str) -> None:
        """For a screen's own handler: a screen cannot await its own removal, so schedule it."""
        self.call_later(self.end_session, notice)

    async def end_session(self, notice: str = "") -> None:
        """Wipe whoever is signed in and everything they saw; go back to the start screen."""
        from .widgets.phone import PhoneBar

        self.citizen = None
        self._generation += 1
        self.use_look(self.settings.theme)  # the next citizen meets the terminal's own look
        if not self.settings.counter:
            self.staff = None
        self.clear_notifications()
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        for bar in self.screen.query(PhoneBar):
            await bar.remove()
        if notice:
            self._goodbye = notice
            self.notify(notice, timeout=6)

    def forget_goodbye(self) -> None:
        """Someone signed in (a citizen, or a clerk at the counter): the last session's sign-out notice
        (已退出登录，欢迎再次使用。, 已退出登录，请工作人员登录) goes, here and on every later screen. It
        was for whoever walked up, and stayed its 6 s into the next clerk's workbench (tester).
        Other notifications (注册成功，已为您登录, a counter's restart notice) stay."""
        goodbye, self._goodbye = self._goodbye, ""
        for notification in list(self._notifications) if goodbye else ():
            if notification.message == goodbye:
                self._unnotify(notification)

    def staff_signed_out(self, why: str, *, refused: bool = True) -> None:
        """A service refused the clerk (account deactivated or role taken away since sign-in, the lock
        screen's right PIN of a deactivated account too), or ``refused`` False: the clerk signed out
        at the lock screen. Back to the staff sign-in, every screen of the session closed. ``why``
        a refusal's: it stays there, saying whose sign-in ended, in the screen's message line until
        someone starts signing in (StaffSignInScreen.signed_out); a notification was gone within
        seconds, and the next clerk at the counter saw a plain sign-in form. Else a notification."""
        staff = self.staff
        self.staff, self.locked = None, False
        if not refused:
            self.request_end_session(why)
        else:
            whose = f"{staff.name}（工号 {staff.staff_no}）" if staff is not None else ""
            self.call_later(self._signed_out_refused, f"{whose}已退出登录：{why}")

    async def _signed_out_refused(self, why: str) -> None:
        from .screens.staff_sign_in import StaffSignInScreen

        await self.end_session()
        start = self.screen_stack[0]
        if isinstance(start, StaffSignInScreen):
            start.signed_out(why)
        else:  # no staff sign-in under it (not a counter terminal)
            self.notify(why, timeout=6)

    def lock_counter(self, idle: bool = False) -> None:
        """锁定屏幕, or the counter's idle time ran out: the lock screen until the PIN (or 退出登录)."""
        from .screens.lock import LockScreen, refocus_after_lock

        screen = self.screen  # once unlocked, its focus goes back where it was (never on 锁定屏幕)
        before = screen.focus_before_lock() if hasattr(screen, "focus_before_lock") else screen.focused
        self.locked = True
        self.push_screen(LockScreen(idle=idle), callback=lambda _: refocus_after_lock(screen, before))

    # -- kiosk mode ----------------------------------------------------------------------
    def action_swallow(self) -> None:
        """Quit, suspend, palette and screenshot keys do nothing in kiosk mode."""

    def action_focus_previous(self) -> None:
        """Shift+Tab: the focus back, and on a page's first control the page at its top (the line
        under it says 上方还有内容 ... （或按Shift+Tab键）: kiosk.ui.widgets.page.Page.top_after_shift_tab)."""
        from .widgets.page import top_after_shift_tab

        self.screen.focus_previous()
        top_after_shift_tab(self.screen)

    def action_staff_exit(self) -> None:
        """F12. A citizen kiosk: any active staff member's number and PIN leave kiosk mode. A counter
        terminal: with a clerk signed in (locked or not), only that clerk's number and PIN close the
        program, and the clerk is signed out (staff.exit_counter); with nobody signed in, any
        active staff member's."""
        from ..services import staff as staff_service
        from .dialogs.staff_pin import StaffPinDialog

        if isinstance(self.screen, StaffPinDialog):
            return

        def done(staff: StaffSession | None) -> None:
            if staff is not None:
                if self.settings.counter:
                    self.staff, self.locked = None, False  # signed out with the exit (exit_counter)
                self.exit(return_code=0)

        if not self.settings.counter:
            self.push_screen(StaffPinDialog("退出自助模式：请工作人员输入工号和PIN码"), callback=done)
            return
        clerk = self.staff
        prompt = "退出窗口终端程序：请工作人员输入工号和PIN码" if clerk is None else \
            f"退出窗口终端程序（将同时退出登录）：\n请{clerk.name}（工号 {clerk.staff_no}）输入工号和PIN码"

        def check(staff_no: str, pin: str) -> StaffSession:  # whoever is signed in when 确定 is pressed
            return staff_service.exit_counter(self.env, self.staff, staff_no, pin, locked=self.locked)

        self.push_screen(StaffPinDialog(prompt, action="counter_exit", check=check), callback=done)

    # -- an error no screen handled --------------------------------------------------------
    def _handle_exception(self, error: Exception) -> None:
        """A bug surfaced: the traceback goes to the log file, not onto the hall's screen. Textual
        (pinned, 8.2.8) still ends the run, as it must; kiosk.__main__ then starts a fresh one on
        the start screen. Under Pilot the error is still raised to the test."""
        self.crashed = True
        log.error("unexpected error, the kiosk restarts (%s)", self.settings.terminal_id, exc_info=error)
        super()._handle_exception(error)

    def _print_error_renderables(self) -> None:
        if self.crashed:  # the traceback Textual would print on exit: already in the log file
            self._exit_renderables.clear()
            return
        super()._print_error_renderables()

    # -- mounted, resized -------------------------------------------------------------------
    def on_mount(self) -> None:
        from .widgets.phone import follow_dialogs

        self.set_interval(1, self._idle_tick)
        if self.settings.demo and not self.settings.counter:
            # an SMS sent while the citizen stays on one screen (the counter cancelled a booking) shows
            # too, not only after the citizen's next service call (tester)
            self.set_interval(DEMO_SMS_POLL, self._poll_demo_sms)
        # a dialog opened or closed: the demo SMS shown under it shows on it too
        self.screen_change_signal.subscribe(self, lambda _screen: self.call_after_refresh(follow_dialogs, self))
        # a screen or a dialog came on top: a tap in the next moment is dropped (FreshScreenTaps)
        self.screen_change_signal.subscribe(self, self.screen_came_on_top, immediate=True)
        # keys typed after a tile's Enter, held until the screen it opens is on top, go to it (KeyOrder)
        self.screen_change_signal.subscribe(self, lambda _screen: self._settle_pending(), immediate=True)
        if self.start_notice and self.settings.counter:  # the kiosk's start screen shows it (WelcomeScreen)
            self.notify(self.start_notice, severity="warning", timeout=60)

    def on_resize(self, event: events.Resize) -> None:
        """Small terminals (80x24) drop the on-screen keypad; the keyboard does the same job.

        Textual restyles only the screen on top when the App's class changes (and a screen that
        comes back is not restyled): the screens under it, the 业务中心 say, would come back with
        the other size's layout (3 columns of 1-row buttons on a wide terminal). So every screen
        of the stack takes the new class's styles at once."""
        narrow = event.size.width < 100 or event.size.height < 30
        if narrow == self.has_class("-narrow"):
            return
        self.set_class(narrow, "-narrow")
        for screen in self.screen_stack[:-1]:
            screen.update_node_styles(animate=False)


def make_app(settings: Settings, env: Env | None = None) -> KioskApp:
    """The factory the CLI and the tests use."""
    return KioskApp(settings, env or make_env(settings))
