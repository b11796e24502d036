"""The last step of a citizen's service (办理结果): what was done, then 查看网办进度 / 返回业务中心;
``DoneButtons`` is what those buttons do, for the screens that show a DoneStep, and how its 办理状态
follows a decision made elsewhere while the page is in front."""
from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from ...domain.errors import sentence
from ...services import applications as apps
from ...services.elicence import PENDING
from ..calls import LIVE_SECONDS
from ..submit_guard import SubmitGuard
from .plain import Plain

if TYPE_CHECKING:
    from ..base import KioskScreen

    _Base = KioskScreen
else:
    _Base = object

# The statuses in which an application waits for someone else: a clerk's 办结 or 退办 at a counter
# (受理中), a reviewer's decision on a photo (待审核). A result page showing one reads it again.
AWAITING_OTHERS = (apps.WAITING, PENDING)
DONE_TAIL = "办理结果已发送到您的消息和手机短信，可在【网办进度】中查询。"


class DoneStep(Vertical):
    """``#result`` holds the outcome (业务流水号, 办理状态 ...); the screen handles the two buttons
    (``DoneButtons``)."""

    def compose(self) -> ComposeResult:
        yield Plain("", id="result")
        with Horizontal(classes="buttons"):
            yield Button("查看网办进度", id="to-progress")
            yield Button("返回业务中心", id="home", variant="primary")


class DoneButtons(SubmitGuard, _Base):
    """For a screen with a DoneStep (``#step-done``): ``show_done`` shows the application made, and
    its buttons do their part: 返回业务中心 (``#home``) goes back to the 业务中心, 查看网办进度
    (``#to-progress``, and ``#pending-progress`` offered before the form on an application still
    受理中: PendingOffer) opens 网办进度 on ``_serial``. Textual calls this ``on_button_pressed``
    as well as the screen's own (it calls the handler of every class of the screen). A wizard that
    shows its steps its own way (the booking wizard: its step bar, where the page is scrolled) sets
    ``_serial`` and shows the DoneStep itself instead of calling ``show_done``. Those buttons ignore
    a press for a moment once the step is shown (SubmitGuard: ``step_opened``), so the Enter that
    pressed 提交, repeated, does not leave the 业务流水号 unread (tester)."""

    _serial: str  # the application 查看网办进度 opens on
    _submitted: bool  # the application was made: leaving drops nothing
    _status_shown = ""  # the 办理状态 the result page says (read again while AWAITING_OTHERS: follow_status)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        bid = event.button.id
        if bid in ("home", "to-progress") and self.too_soon():
            return  # the Enter that pressed 提交, repeated: the 业务流水号 was never seen (tester)
        if bid == "home":
            self.dismiss()
        elif bid in ("to-progress", "pending-progress"):
            from ..screens.records import ProgressScreen

            self.replace_with(ProgressScreen(self._serial))

    def show_done(self, serial: str, result: str, bar: int, status: str = "") -> None:
        """The application ``serial`` was made: ``result`` says how it went, on the DoneStep, with the
        step bar on ``bar``; 查看网办进度 opens on it. ``status``: its 办理状态 in ``result``; while it
        waits for someone else (AWAITING_OTHERS) the page follows it (``follow_status``)."""
        self._submitted = True
        self._serial = serial
        self.query_one("#result", Static).update(result)
        self.show_step("step-done", bar)
        self.step_opened()  # its buttons ignore a press for a moment, as 提交 did: the result is read
        self._status_shown = status
        if status in AWAITING_OTHERS:
            self.set_interval(LIVE_SECONDS, self.follow_status)

    def result_text(self, status: str, note: str) -> str:
        """The result page's text for the application in ``status``, with ``note`` (its latest entry's)
        as 说明. The service form, 满分学习考试 and the photo pages say it their own way, with the title."""
        return (f"业务流水号：{self._serial}\n办理状态：{status}\n说明：{sentence(note)}\n\n"
                + (DONE_TAIL if status not in AWAITING_OTHERS else ""))

    def follow_status(self) -> None:
        """The result page while its application waits for a clerk or a reviewer (受理中, 待审核): the
        application read again every LIVE_SECONDS, so a decision made meanwhile (办结 or 退办 at a
        counter, a photo approved or turned down) shows in 办理状态 and 说明, as the SMS under it says
        it (the page kept 受理中, tester). Only while this page is in front, nothing runs and the
        citizen is signed in; the focus stays where it is."""
        if (self._status_shown not in AWAITING_OTHERS or self.busy or self.app.screen is not self
                or self.kiosk.citizen is None):
            return
        self.read_live(apps.decision_of, self.env, self.kiosk.citizen.account_id, self._serial,
                       done=self._status_now)

    def _status_now(self, now: tuple[str, str] | None) -> None:
        if now is None or now[0] == self._status_shown or self.kiosk.citizen is None:
            return
        self._status_shown = now[0]
        self.query_one("#result", Static).update(self.result_text(*now))
