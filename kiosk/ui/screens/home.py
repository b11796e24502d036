"""业务中心: the services grouped as 12123 groups them (see kiosk.ui.menu)."""
from __future__ import annotations

from textual import events
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
from ..widgets.menu_grid import LOOKS, MenuGrid, fitting_look, flat_groups, menu_up_from_below
from ..widgets.plain import ClauseLine, Plain


UNREAD_POLL = 5.0  # seconds: the unread count read again while 业务中心 is shown (as the app's DEMO_SMS_POLL)
# a tap on the line pages the menu (on a touch screen no key helps, and the thin scrollbar is hard to hit)
MORE_BELOW = "下方还有更多业务：请点这里向下翻页（或按方向键）"
MORE_ABOVE = "上方还有更多业务：请点这里向上翻页（或按方向键）"


class HomeMenu(VerticalScroll):
    """The 业务中心's page of menu groups: laid out again for the height it has whenever that changes."""

    def on_resize(self, event: events.Resize) -> None:
        fit = getattr(self.screen, "fit_menu", None)
        if fit is not None:
            fit()


class Greeting(ClauseLine):
    """您好，... 请选择要办理的业务：, each clause kept whole on a line at the width the greeting has
    (``cjk_wrap.clauses``): at 80x24 it read 「...请选择要办」 / 「理的业务：」 (tester)."""

    def refitted(self) -> None:
        fit = getattr(self.screen, "fit_menu", None)  # a line more or less: the menu's look follows
        if fit is not None:
            self.call_after_refresh(fit)


class HomeScreen(KioskScreen):
    STAYS = True  # no back key closes it (kiosk.ui.own_close): only signing out, the idle timeout
    BELOW_MENU = "#sign-out"  # Down from the menu's last row reaches 退出登录, Up comes back (see MenuGrid)
    BINDINGS = [Binding("up", "up_to_menu", show=False)]

    def compose(self) -> ComposeResult:
        yield KioskHeader("业务中心")
        citizen = self.kiosk.citizen
        unit = citizen is not None and citizen.kind == "unit"
        with HomeMenu(id="home", can_focus=False):  # no invisible Tab stop: the buttons scroll into view
            if citizen:
                yield Greeting(self._hello(), id="home-hello", classes="hint")
            for group, entries in grouped(unit):
                yield Plain(group, classes="group-title")
                with MenuGrid(classes="group"):  # the arrow keys move about the menu
                    for entry in entries:
                        yield Button(entry.label, id=f"menu-{entry.key}")
        with Horizontal(classes="buttons", id="home-bar"):  # outside the scroll: always in view
            yield Button("退出登录", id="sign-out", variant="error")
            yield Plain("", id="home-more", classes="hidden")

    def _hello(self) -> str:
        """The greeting (Greeting keeps each clause whole on a line)."""
        citizen = self.kiosk.citizen
        if citizen is None:
            return ""
        id_label = "统一社会信用代码" if citizen.kind == "unit" else "身份证号码"
        return (f"您好，{citizen.name}。{id_label} {citizen.id_masked}，绑定手机 {citizen.phone_masked}。"
                "请选择要办理的业务：")

    def on_mount(self) -> None:
        self.watch(self.query_one(HomeMenu), "scroll_y", lambda _y: self.show_more_hint(), init=False)
        self.refresh_unread()
        self.set_interval(UNREAD_POLL, self._poll_unread)

    def _poll_unread(self) -> None:
        """A message that arrives while the citizen stays here (the counter's 办结) counts at once: one
        COUNT query, only while this screen is in front and a citizen is signed in."""
        if self.kiosk.citizen is not None and self.app.screen is self and not self.busy:
            self.read_live(messaging.unread_count, self.env, self.kiosk.citizen.account_id, done=self._unread)

    def fit_menu(self) -> None:
        """The roomiest look of the menu whose every entry fits the page as it is now (the terminal's
        size, less the demo phone bar when it shows): see menu_grid.LOOKS. None fits (80x24 with
        an SMS shown): the tightest, and the page scrolls with a hint beside 退出登录."""
        menu = self.query_one(HomeMenu)
        if not menu.size.height:
            return
        if self.app.has_class("-narrow"):  # every button one line (kiosk.tcss)
            self.remove_class("-slim-bar")
            look = fitting_look(menu, menu.size.height, narrow=True)
        else:
            look = self._wide_look(menu)
        for name in LOOKS:
            menu.set_class(name == look, f"-{name}")
        flat = flat_groups(menu, menu.size.height) if look == "padded" else []
        for grid in menu.query(MenuGrid):
            grid.set_class(grid in flat, "-flat")
        self.call_after_refresh(self.show_more_hint)

    def _wide_look(self, menu: HomeMenu) -> str:
        """On a wide terminal 退出登录 is framed (three rows) under the framed ``tall`` entries, and its
        label over its lower edge (two rows, ``-slim-bar``) under every other look, as their entries are:
        at 100x30 the framed one left the ``padded`` menu a row short, and 网办进度 was drawn as one line
        without an edge, right above the 消息 title, where it read as a label (tester). The look is
        chosen for the height the menu has with the bar it then gets, so the choice does not swing."""
        slim = self.has_class("-slim-bar")
        framed = menu.size.height - (1 if slim else 0)  # the menu's height under the framed bar
        look = fitting_look(menu, framed, narrow=False)
        if look != "tall":
            look = fitting_look(menu, framed + 1, narrow=True)  # (narrow: any look but tall)
        self.set_class(look != "tall", "-slim-bar")
        return look

    def show_more_hint(self) -> None:
        """下方还有更多业务 while entries are below the page's end, 上方 when they are above it."""
        menu = self.query_one(HomeMenu)
        hint = self.query_one("#home-more", Plain)
        below = menu.scroll_y < menu.max_scroll_y
        above = menu.scroll_y > 0
        text = MORE_BELOW if below else MORE_ABOVE if above else ""
        hint.update(text)
        hint.set_class(not text, "hidden")

    def on_click(self, event: events.Click) -> None:
        """A tap on the 下方（上方）还有更多业务 line: the menu one page down (up), to its end when less
        is left; the focus stays where it is (the line takes none). Taps just after the screen
        opened are dropped before they get here (kiosk.ui.pointer)."""
        hint = self.query_one("#home-more", Plain)
        if event.widget is not hint or hint.has_class("hidden"):
            return
        event.stop()
        menu = self.query_one(HomeMenu)
        if menu.scroll_y < menu.max_scroll_y:
            menu.scroll_page_down(animate=False)
        elif menu.scroll_y > 0:
            menu.scroll_page_up(animate=False)

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
        for hello in self.query("#home-hello").results(Greeting):
            hello.say(self._hello())
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
                self.kiosk.request_end_session("已退出登录，欢迎再次使用。")

        self.app.push_screen(ConfirmDialog("确定退出登录吗？", "退出登录", "暂不退出", focus_yes=True), callback=answered)
