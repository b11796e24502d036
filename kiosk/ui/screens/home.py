"""业务中心: the services grouped as 12123 groups them (see kiosk.ui.menu)."""
from __future__ import annotations

from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button

from ...services import auth, messaging
from ..base import KioskScreen
from ..dialogs.confirm import ConfirmDialog
from ..menu import grouped, open_entry
from ..widgets.header import KioskHeader
from ..widgets.menu_grid import MenuGrid, menu_up_from_below
from ..widgets.plain import Plain


class HomeScreen(KioskScreen):
    BELOW_MENU = "#sign-out"  # Down from the menu's last row reaches 退出登录, Up comes back (see MenuGrid)
    BINDINGS = [Binding("up", "up_to_menu", show=False)]

    def compose(self) -> ComposeResult:
        yield KioskHeader("业务中心")
        citizen = self.kiosk.citizen
        unit = citizen is not None and citizen.kind == "unit"
        with VerticalScroll(id="home", can_focus=False):  # no invisible Tab stop: the buttons scroll into view
            if citizen:
                yield Plain(self._hello(), id="home-hello", classes="hint")
            for group, entries in grouped(unit):
                yield Plain(group, classes="group-title")
                with MenuGrid(classes="group"):  # the arrow keys move about the menu
                    for entry in entries:
                        yield Button(entry.label, id=f"menu-{entry.key}")
        with Horizontal(classes="buttons", id="home-bar"):  # outside the scroll: always in view
            yield Button("退出登录", id="sign-out", variant="error")

    def _hello(self) -> str:
        citizen = self.kiosk.citizen
        if citizen is None:
            return ""
        id_label = "统一社会信用代码" if citizen.kind == "unit" else "身份证号码"
        return (f"您好，{citizen.name}。{id_label} {citizen.id_masked}，绑定手机 {citizen.phone_masked}。"
                "请选择要办理的业务：")

    def on_mount(self) -> None:
        self.refresh_unread()

    def on_screen_resume(self) -> None:
        self.refresh_unread()

    def refresh_unread(self) -> None:
        """Shown again (back from a service): the account read again (the counter may have reset
        the bound phone meanwhile: the greeting and the demo phone bar follow the new one), then
        the unread count."""
        if self.kiosk.citizen:
            self.call(auth.current_session, self.env, self.kiosk.citizen.account_id, done=self._reread, quiet=True)

    def _reread(self, citizen: auth.CitizenSession | None) -> None:
        self.kiosk.citizen_reread(citizen)
        for hello in self.query("#home-hello").results(Plain):
            hello.update(self._hello())
        if self.kiosk.citizen:
            self.call(messaging.unread_count, self.env, self.kiosk.citizen.account_id, done=self._unread)

    def _unread(self, count: int) -> None:
        # query, not query_one: a sign-out just pressed may have taken the menu away while the count was read
        for button in self.query("#menu-inbox").results(Button):
            button.label = f"消息（{count}条未读）" if count else "消息"

    def action_up_to_menu(self) -> None:
        if not menu_up_from_below(self):
            raise SkipAction()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        bid = event.button.id or ""
        if bid == "sign-out":
            self.ask_sign_out()
        elif bid.startswith("menu-"):
            self.app.push_screen(open_entry(bid.removeprefix("menu-")))

    def ask_sign_out(self) -> None:
        """确定退出登录吗？ first: a stray press does not end what the citizen is doing. Signing out is
        the safe outcome in a public hall, so the question opens on 退出登录; Escape or 暂不退出 stays.
        The idle countdown signs out with the question open as well (it closes every screen)."""

        def answered(yes: bool | None) -> None:
            if yes:
                self.kiosk.request_end_session("已退出登录，欢迎再次使用")

        self.app.push_screen(ConfirmDialog("确定退出登录吗？", "退出登录", "暂不退出", focus_yes=True), callback=answered)
