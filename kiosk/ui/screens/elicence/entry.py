"""驾驶证电子版: the licence status decides; a stored photo means answering the seeds' question,
asked as the page opens."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from ....domain.errors import DomainError
from ....services import elicence
from ...base import LIVE_SECONDS
from ...citizen_screen import CitizenScreen
from ...widgets.header import KioskHeader
from ...widgets.plain import Plain
from ...widgets.page import Page


class ElicenceScreen(CitizenScreen):
    """With a stored photo the page opens on the seeds' question (seed 004: 进入【驾驶证电子版】申领页面后，
    系统自动提示...是否继续申领) with its 申领 and 返回; the second choice, 拍照或相册选择 (a new photo,
    reviewed), under it with a line saying so. Without one (吴霞) the message says why (您未留存照片) and
    拍照或相册选择 is the way."""

    def __init__(self) -> None:
        super().__init__()
        self.overview: elicence.Overview | None = None
        self.result: elicence.ApplyResult | None = None  # the 申领 answered on this screen, while still true
        self.refused: DomainError | None = None  # why 申领 was refused: said once the screen is read again
        self._came_from: str | None = None  # the button that opened the photo or card screen: its focus back

    def compose(self) -> ComposeResult:
        yield KioskHeader("驾驶证电子版")
        with Page(classes="form wide"):
            yield Plain("正在查询您的驾驶证状态，请稍候。", id="el-message")
            yield Plain("", id="el-question", classes="el-question hidden")
            yield Plain("", id="el-result")
            with Horizontal(id="el-actions", classes="buttons"):
                yield Button("申领", id="el-confirm", variant="primary", classes="hidden")
                yield Button("拍照或相册选择", id="el-photo-apply", variant="primary", classes="hidden")
                yield Button("出示电子驾驶证", id="el-show", variant="success", classes="hidden")
                yield Button("换照片", id="el-change-photo", classes="hidden")
                yield Button("返回", id="back")
            with Vertical(id="el-other", classes="hidden"):  # the second choice while the question is asked
                yield Plain("", id="el-other-text")
                with Horizontal(classes="buttons"):
                    yield Button("拍照或相册选择", id="el-photo-new")
            yield Plain("", classes="screen-error")

    def on_mount(self) -> None:
        self.reload()
        self.set_interval(LIVE_SECONDS, self._live)  # while 正在审核 (申领 or 换照片): decided at a counter

    def _live(self) -> None:
        """While the application or a 换照片 is in review (正在审核), read it again off the UI thread: a
        clerk's 审核通过 or 退回 shows without the citizen doing anything. Only while this page is in
        front, nothing runs and somebody is signed in; an unchanged overview changes nothing on screen."""
        o = self.overview
        in_review = o is not None and (o.state == "applied" or o.photo_pending is not None)
        if not in_review or self.busy or self.app.screen is not self or self.kiosk.citizen is None:
            return
        self.read_live(elicence.overview, self.env, self.account_id, done=self._live_loaded)

    def _live_loaded(self, fresh: elicence.Overview) -> None:
        if (fresh != self.overview and not self.busy and self.is_attached and self.app.screen is self
                and self.kiosk.citizen is not None):
            self._loaded(fresh, live=True)

    def on_screen_resume(self) -> None:
        # Not while a session wipe (idle timeout) pops the card or 换照片 off this screen: nobody is
        # signed in any more, and this screen goes next.
        if self.overview is not None and self.kiosk.citizen is not None:
            self.reload()

    def reload(self) -> None:
        self.call(elicence.overview, self.env, self.account_id, done=self._loaded)

    def _loaded(self, o: elicence.Overview, live: bool = False) -> None:
        """``live``: read by the timer (see ``_live_loaded``)."""
        actions = self._actions()
        asked = not self.query_one("#el-question").has_class("hidden")
        self.overview = o
        self.query_one("#el-message", Static).update(o.message)
        self._show("#el-message", bool(o.message))
        self.query_one("#el-question", Static).update(o.question if o.direct else "")
        self.query_one("#el-other-text", Static).update(o.photo_hint)
        self._show("#el-question", o.direct)
        if o.direct and not asked:  # its 申领 came where the finger may be (the menu's double-tap, a slow read)
            self.kiosk.hold_taps(self.query_one("#el-question"))
        self._show("#el-confirm", o.direct)
        self._show("#el-other", o.direct)
        self._show("#el-photo-apply", o.can_apply and not o.direct)
        self._show("#el-show", o.can_show)
        self._show("#el-change-photo", o.can_show)
        if self.result is not None and not self._still_true(self.result, o):
            self.result = None  # the card withdrawn (锁定, 吊销...), or a review decided: the old result goes
            self.query_one("#el-result", Static).update("")
        self._show("#el-result", self.result is not None)
        came_from, self._came_from = self._came_from, None
        if came_from in actions and actions == self._actions():  # back from the photo or the card, nothing
            self.query_one(f"#{came_from}", Button).focus()  # changed: on the button pressed (tester: on 申领)
        elif not (live and actions == self._actions() and self.focused is not None):
            self._focus_first_action()  # else the same buttons: the focus stays (tester: it went to 出示电子驾驶证 each time)
        if self.refused is not None:  # under what the screen offers now (出示电子驾驶证, say)
            self.show_error(self.refused)
            self.refused = None

    @staticmethod
    def _still_true(result: elicence.ApplyResult, o: elicence.Overview) -> bool:
        """An issued result while the card is still shown; a pending one while it is still in review."""
        return o.can_show if result.issued else o.pending_serial == result.serial_no

    def _actions(self) -> list[str]:
        """The buttons offered now (by the class set here: the styles follow a moment later)."""
        return [b.id or "" for b in self.query(Button)
                if not any(node.has_class("hidden") for node in b.ancestors_with_self)]

    def _focus_first_action(self) -> None:
        """Keyboard users land on the next sensible step (a pressed button may have just been hidden)."""
        for selector in ("#el-show", "#el-confirm", "#el-photo-apply", "#back"):
            button = self.query_one(selector, Button)
            if not button.has_class("hidden"):
                button.focus()
                return

    def _show(self, selector: str, on: bool) -> None:
        self.query_one(selector).set_class(not on, "hidden")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        bid = event.button.id
        self._came_from = bid if bid in ("el-photo-apply", "el-photo-new", "el-show", "el-change-photo") else None
        if bid == "back":
            self.dismiss()
        elif bid == "el-confirm":
            self.call(elicence.apply_direct, self.env, self.account_id, done=self._applied, failed=self._refused)
        elif bid in ("el-photo-apply", "el-photo-new"):
            from .photo import PhotoScreen

            self.app.push_screen(PhotoScreen("apply"))
        elif bid == "el-show":
            from .card import CardScreen

            self.app.push_screen(CardScreen())
        elif bid == "el-change-photo":
            from .photo import PhotoScreen

            self.app.push_screen(PhotoScreen("change"))

    def _refused(self, exc: DomainError) -> None:
        """申领 refused: the licence changed since the screen read it (another kiosk applied first,
        the card was issued, the licence was locked). Read it again, so the question goes and what
        can be done now is offered (出示电子驾驶证), with the reason under it."""
        self.refused = exc
        self.reload()

    def _applied(self, result: elicence.ApplyResult) -> None:
        """Seed 004: 申领 answers 申请已提交; the result comes by SMS and message, 网办进度 shows the
        progress. In the demo (or applying again with the photo on record) it is decided at once."""
        self.result = result
        if result.issued:
            then = f"{result.message}申领结果已通过短信和消息通知您，也可以在【网办进度】中查询。"
        else:
            then = f"{elicence.REVIEW_TAIL}，也可以通过【网办进度】查询当前业务办理进度。"
        self.query_one("#el-result", Static).update(
            f"申请已提交。\n业务流水号：{result.serial_no}\n办理状态：{result.status}\n{then}")
        self._show("#el-result", True)
        self.kiosk.show_demo_sms(self.kiosk.citizen.phone if self.kiosk.citizen else "")
        self.reload()
