"""The last step of a citizen's service (办理结果): what was done, then 查看网办进度 / 返回业务中心;
``DoneButtons`` is what those buttons do, for the screens that show a DoneStep."""
from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from ..submit_guard import SubmitGuard
from .plain import Plain

if TYPE_CHECKING:
    from ..base import KioskScreen

    _Base = KioskScreen
else:
    _Base = object


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

    def on_button_pressed(self, event: Button.Pressed) -> None:
        bid = event.button.id
        if bid in ("home", "to-progress") and self.too_soon():
            return  # the Enter that pressed 提交, repeated: the 业务流水号 was never seen (tester)
        if bid == "home":
            self.dismiss()
        elif bid in ("to-progress", "pending-progress"):
            from ..screens.records import ProgressScreen

            self.replace_with(ProgressScreen(self._serial))

    def show_done(self, serial: str, result: str, bar: int) -> None:
        """The application ``serial`` was made: ``result`` says how it went, on the DoneStep, with the
        step bar on ``bar``; 查看网办进度 opens on it."""
        self._submitted = True
        self._serial = serial
        self.query_one("#result", Static).update(result)
        self.show_step("step-done", bar)
        self.step_opened()  # its buttons ignore a press for a moment, as 提交 did: the result is read
