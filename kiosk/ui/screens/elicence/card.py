"""亮证/亮码: the e-licence card with a signed code that regenerates before it expires.

The code area draws the full payload when it fits (120x40) and the compact one otherwise, each as
large as it fits. 放大二维码 opens the full-screen code view, which draws whichever payload gets
the largest modules (the compact one at scale 2 from about 200x60); it is offered only where that
view draws the code larger than the card does: at 80x24 (no code beside the card; the view needs
45x24 cells) and on big terminals, not at 120x40, where the card's code is already as large as
the whole screen allows. Both screens fetch a new code ``refresh_margin`` seconds early, and count
down where they draw it: the card that draws none (80x24) says to press 放大二维码 instead, and
where no code can be drawn at all either screen says 窗口太小 instead; the code area itself stays
blank (it said 窗口较小，请选择【放大二维码】查看 beside the card's line: the same twice, tester).

Each fetch is one ``elicence_card.display``: the card and the code read from the same licence
record, and the card screen redraws all of it (details, status, green/red) from that result. A
licence that is no longer displayed (吊销, 撤销, 注销, 锁定, 停止使用, or to be re-applied for)
takes the card, the code, the clocks and 放大二维码 off the screen; its message stays, with 返回.
"""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.geometry import Size
from textual.timer import Timer
from textual.widgets import Button, Static

from ....domain.qr_text import pick_qr
from ....services import elicence_card
from ...citizen_screen import CitizenScreen
from ...widgets.header import KioskHeader
from ...widgets.idle import IDLE_HOST
from ...widgets.page import Page
from ...widgets.photo import photo_text
from ...widgets.qr import NO_ROOM, QrView
from ...widgets.plain import Plain

CARD_PARTS = ("#card-title", "#card-top", "#card-times")  # 放大二维码: _offer_zoom
ZOOM_FOR_CODE = "请按【放大二维码】显示二维码"  # the times' line where the card draws no code


def refresh_margin(ttl: int) -> int:
    return max(1, min(10, ttl // 3))


class CodeScreen(CitizenScreen):
    """Shared by the card and the full-screen view: fetches the card and its code, counts down."""

    code: elicence_card.Code | None = None
    _ticker: Timer | None = None

    def start_codes(self, opening: bool = False) -> None:
        self.refresh_code(opening)
        self._ticker = self.set_interval(1, self.tick)

    def refresh_code(self, opening: bool = False) -> None:
        # A background refresh (the first load says 正在生成): quiet, no bar taking rows from the code.
        self.call(elicence_card.display, self.env, self.account_id, opening, done=self._fetched, quiet=True)

    def _fetched(self, shown: elicence_card.Display) -> None:
        self.code = shown.code
        if shown.code is None:
            self.stop_codes()
        self.show(shown)
        self.tick()

    def stop_codes(self) -> None:
        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None

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
        if left == 0:  # the refresh failed (a busy database): never leave an expired code on screen
            self.query_one(QrView).texts = ()
        self.update_countdown(left)

    def show(self, shown: elicence_card.Display) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def update_countdown(self, left: int) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class CardScreen(CodeScreen):
    # The citizen moved the focus off 放大二维码 while it was shown (to 返回): when it is offered
    # again (the terminal resized back), it does not take the focus from there.
    _zoom_left = False
    _code_on_card = True  # the code area beside the card draws the code (_offer_zoom): the times count down

    def compose(self) -> ComposeResult:
        yield KioskHeader("机动车驾驶证（电子版）")
        with Horizontal(id="card-body"):
            # A Tab stop only while the card does not fit (kiosk.ui.widgets.page): a tap on a blank
            # cell focused it, the bar down its left edge took 放大二维码's focus, and Enter did nothing
            with Page(id="card-left", classes=IDLE_HOST):  # the idle countdown: not over the code
                yield Plain("机动车驾驶证（电子版）", id="card-title")
                with Horizontal(id="card-top"):
                    yield Plain("", id="card-photo")
                    yield Plain("正在生成，请稍候。", id="card-fields")
                yield Plain("", id="card-times")
                yield Plain("", id="card-message", classes="hidden")
                with Horizontal(classes="buttons"):
                    yield Button("放大二维码", id="card-zoom", variant="primary", classes="hidden")
                    yield Button("返回", id="back")
                yield Plain("", classes="screen-error")
            yield QrView(id="card-qr", too_small="")  # the times say where the code is (update_countdown)

    def on_mount(self) -> None:
        self.start_codes(opening=True)

    def show(self, shown: elicence_card.Display) -> None:
        """The whole card from one result: every part is redrawn, or taken away."""
        card, code = shown.card, shown.code
        for selector in CARD_PARTS:
            self.query_one(selector).set_class(card is None, "hidden")
        self.query_one("#card-qr", QrView).display = card is not None
        self.set_class(card is None, "-gone")  # the message takes the card's width and the code's
        message = self.query_one("#card-message", Static)
        message.update(shown.message)
        message.set_class(card is not None, "hidden")
        if card is None or code is None:
            self.query_one("#card-qr", QrView).texts = ()
            self._offer_zoom()  # first: 放大二维码 withdrawn with the focus, not left on purpose
            self.query_one("#back", Button).focus()
            return
        title = self.query_one("#card-title", Static)
        title.update(f"机动车驾驶证（电子版）  {card.status_text}")
        title.set_class(card.colour == "green", "-green")
        title.set_class(card.colour == "red", "-red")
        self.query_one("#card-fields", Static).update("\n".join(f"{k}：{v}" for k, v in card.fields))
        self.query_one("#card-photo", Static).update(photo_text(card.photo) if card.photo else "（无照片）")
        self.query_one("#card-qr", QrView).texts = code.texts
        self._offer_zoom()

    def on_qr_view_resized(self) -> None:
        self._offer_zoom()

    def on_screen_resume(self) -> None:
        self._offer_zoom()  # the terminal may have been resized while the full-screen view was open

    def _offer_zoom(self) -> None:
        """放大二维码 only where the full-screen view draws the code larger than the card does; where
        neither can draw it, the times say to enlarge the window instead (update_countdown)."""
        view = self.query_one("#card-qr", QrView)
        zoom = self.query_one("#card-zoom", Button)
        here = view.scale_for(*view.content_size) if view.display else 0
        there = FullCodeScreen.scale_in(view.texts, self.app.size) if view.display else 0
        offered = there > here
        self._code_on_card = here > 0
        if zoom.has_class("hidden") == offered:
            back, had_focus = self.query_one("#back", Button), zoom.has_focus
            zoom.set_class(not offered, "hidden")
            if not offered:
                self._zoom_left = not had_focus
                if had_focus:
                    back.focus()
            elif not self._zoom_left and self.focused in (None, back):
                # Enter zooms, as the code area says (also after the terminal was made smaller,
                # where 返回 had the focus only because there was nothing else to press)
                zoom.focus()
        if self.code is not None:  # the times say where the code is, from now
            self.update_countdown(self.seconds_left())

    def update_countdown(self, left: int) -> None:
        """The code's times under the card while the card draws it; where it does not (80x24: no room
        beside the card), no countdown for a code not on view (tester: 二维码剩余有效时间：40秒 beside
        none), but where to see it: 放大二维码, which makes its own code with its own countdown."""
        assert self.code is not None
        now = f"当前时间：{self.env.clock.now():%Y-%m-%d %H:%M:%S}"
        view = self.query_one("#card-qr", QrView)
        if view.texts and not self._code_on_card:
            where = ZOOM_FOR_CODE if not self.query_one("#card-zoom").has_class("hidden") else NO_ROOM
            self.query_one("#card-times", Static).update(f"{now}\n{where}")
            return
        self.query_one("#card-times", Static).update(
            f"生成时间：{self.code.generated_at:%Y-%m-%d %H:%M:%S}\n{now}\n"
            f"二维码剩余有效时间：{left}秒，到期前自动刷新")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "back":
            self.dismiss()
        elif event.button.id == "card-zoom" and self.code is not None:
            self.app.push_screen(FullCodeScreen(), callback=self._zoom_closed)

    def _zoom_closed(self, gone: bool | None) -> None:
        if gone:  # the full-screen view found the licence no longer displayed: the card reads it again
            self.refresh_code()


class FullCodeScreen(CodeScreen):
    """Only the code, as large as the screen allows, and one line: fits an 80x24 terminal (45x23
    cells + 1). Closes itself, back to the card, when the licence is no longer displayed. The idle
    countdown takes the caption's line, not the top rows of the code (kiosk.ui.widgets.idle)."""

    DEFAULT_CLASSES = f"{IDLE_HOST} -one-line"

    BINDINGS = [Binding("escape", "close", "返回", show=False), Binding("enter", "close", show=False)]

    def compose(self) -> ComposeResult:
        yield QrView(id="full-qr", too_small="", largest=True)  # the caption says it (update_countdown)
        yield Plain("", id="full-caption")

    @staticmethod
    def scale_in(texts: tuple[str, ...], size: Size) -> int:
        """How large this view draws ``texts`` on a ``size`` terminal (0: not at all): the whole
        screen but the caption line (kiosk.tcss #full-qr, #full-caption)."""
        found = pick_qr(texts, size.width, size.height - 1, largest=True)
        return found[1].scale if found else 0

    def on_mount(self) -> None:
        self.start_codes()

    def show(self, shown: elicence_card.Display) -> None:
        if shown.code is None:
            self.query_one(QrView).texts = ()
            self.dismiss(True)
            return
        self.query_one(QrView).texts = shown.code.texts

    def on_qr_view_resized(self) -> None:
        if self.code is not None:  # the terminal resized: the caption says whether the code is on view
            self.update_countdown(self.seconds_left())

    def update_countdown(self, left: int) -> None:
        """The countdown of the code on view; where the terminal was made too small for it, that
        instead (tester: 剩余40秒自动刷新 under no code at all)."""
        view = self.query_one("#full-qr", QrView)
        drawn = not view.texts or view.scale_for(*view.content_size) > 0
        said = f"剩余{left}秒自动刷新" if drawn else NO_ROOM
        self.query_one("#full-caption", Static).update(f"{said}  按Esc或点击屏幕返回")

    def on_click(self) -> None:
        self.action_close()

    def action_close(self) -> None:
        self.dismiss(False)
