"""亮证/亮码: the e-licence card with a signed code that regenerates before it expires.

The code area draws the full payload when it fits (120x40) and the compact one otherwise; when
neither fits (80x24) the citizen presses 放大二维码 for the full-screen code view, which needs
45x24 cells. Both screens count down and fetch a new code ``refresh_margin`` seconds early.
"""
from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Static

from ....domain.errors import DomainError
from ....services import elicence_card
from ...base import KioskScreen
from ...widgets.header import KioskHeader
from ...widgets.qr import QrView
from ...widgets.plain import Plain


def refresh_margin(ttl: int) -> int:
    return max(1, min(10, ttl // 3))


class CodeScreen(KioskScreen):
    """Shared by the card and the full-screen view: holds the current code and refreshes it."""

    code: elicence_card.Code | None = None

    @property
    def account_id(self) -> int:
        assert self.kiosk.citizen is not None
        return self.kiosk.citizen.account_id

    def start_codes(self) -> None:
        self.refresh_code()
        self.set_interval(1, self.tick)

    def refresh_code(self) -> None:
        self.call(elicence_card.fresh_code, self.env, self.account_id, done=self.show_code, failed=self.code_failed,
                  quiet=True)  # a background refresh (the first load says 正在生成): no bar taking rows from the code

    def show_code(self, code: elicence_card.Code) -> None:
        self.code = code
        self.query_one(QrView).texts = code.texts
        self.tick()

    def code_failed(self, exc: DomainError) -> None:
        self.code = None
        self.query_one(QrView).texts = ()  # never leave a stale code on screen
        self.show_error(exc)

    def seconds_left(self) -> int:
        if self.code is None:
            return 0
        return max(0, int((self.code.expires_at - self.env.clock.now()).total_seconds()))

    def tick(self) -> None:
        if self.code is None:
            return
        left = self.seconds_left()
        if left <= refresh_margin(self.code.ttl) and not self.busy:
            self.refresh_code()
        self.update_countdown(left)

    def update_countdown(self, left: int) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class CardScreen(CodeScreen):
    def compose(self) -> ComposeResult:
        yield KioskHeader("机动车驾驶证（电子版）")
        with Horizontal(id="card-body"):
            with VerticalScroll(id="card-left"):
                yield Plain("机动车驾驶证（电子版）", id="card-title")
                with Horizontal(id="card-top"):
                    yield Plain("", id="card-photo")
                    yield Plain("正在生成，请稍候。", id="card-fields")
                yield Plain("", id="card-times")
                with Horizontal(classes="buttons"):
                    yield Button("放大二维码", id="card-zoom", variant="primary")
                    yield Button("返回", id="back")
                yield Plain("", classes="screen-error")
            yield QrView(id="card-qr")

    def on_mount(self) -> None:
        self.call(elicence_card.card, self.env, self.account_id, done=self._card)

    def _card(self, card: elicence_card.CardView) -> None:
        title = self.query_one("#card-title", Static)
        title.update(f"机动车驾驶证（电子版）  {card.status_text}")
        title.set_class(card.colour == "green", "-green")
        title.set_class(card.colour == "red", "-red")
        self.query_one("#card-fields", Static).update("\n".join(f"{k}：{v}" for k, v in card.fields))
        photo = Text()
        for i, row in enumerate(card.photo):
            if i:
                photo.append("\n")
            for top, _bottom in row:
                photo.append(" ", style=Style(bgcolor=top))
        self.query_one("#card-photo", Static).update(photo if card.photo else "（无照片）")
        self.start_codes()

    def update_countdown(self, left: int) -> None:
        assert self.code is not None
        now = self.env.clock.now()
        self.query_one("#card-times", Static).update(
            f"生成时间：{self.code.generated_at:%Y-%m-%d %H:%M:%S}\n当前时间：{now:%Y-%m-%d %H:%M:%S}\n"
            f"二维码剩余有效时间：{left}秒，到期前自动刷新")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "back":
            self.app.pop_screen()
        elif event.button.id == "card-zoom":
            self.app.push_screen(FullCodeScreen())


class FullCodeScreen(CodeScreen):
    """Only the code and one line: fits an 80x24 terminal (45x23 cells + 1)."""

    BINDINGS = [Binding("escape", "close", "返回", show=False), Binding("enter", "close", show=False)]

    def compose(self) -> ComposeResult:
        yield QrView(id="full-qr", too_small="窗口太小，无法显示二维码，请放大窗口")
        yield Plain("", id="full-caption")

    def on_mount(self) -> None:
        self.start_codes()

    def update_countdown(self, left: int) -> None:
        self.query_one("#full-caption", Static).update(f"剩余{left}秒自动刷新  按Esc或点击屏幕返回")

    def code_failed(self, exc: DomainError) -> None:
        self.code = None
        self.query_one(QrView).texts = ()
        self.query_one("#full-caption", Static).update(exc.message)

    def on_click(self) -> None:
        self.action_close()

    def action_close(self) -> None:
        self.app.pop_screen()
