"""What the generic application flow (kiosk.ui.screens.flow) does about an application of the
service still 受理中 (StillPending): 查看网办进度 is offered on it, whether the citizen opens the
service with one, chooses an item that has one, or presses 提交 after another kiosk (or the
counter) made the same application meanwhile."""
from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Button, ContentSwitcher, Static

from ...domain.errors import DomainError, StillPending, sentence
from ..key_order import keys_ready
from ..pointer import step_shown
from ..widgets.stepbar import StepBar
from . import flow_fields

if TYPE_CHECKING:
    from ...services import applications as apps
    from ..base import KioskScreen

    _Base = KioskScreen
else:
    _Base = object


class PendingOffer(_Base):
    prepared: apps.Prepared | None
    _serial: str  # the application 查看网办进度 opens on

    def _refused(self, exc: DomainError) -> None:
        """The service is not open to this citizen (e.g. no licence): say why where the intro was; only 返回
        stays, and no step bar (there are no steps to take). An application of the service still
        受理中 (``StillPending``): its 业务流水号 and what to do now are no error, and 查看网办进度
        goes to it, as from a result (the focus on it: the next step to take)."""
        keys_ready(self, replay=False)  # no field for what was typed meanwhile: dropped
        self._reading_done()  # 返回 shows
        self.query_one(StepBar).display = False
        intro = self.query_one("#intro", Static)
        intro.update(sentence(exc.message))  # alone on the page: a sentence, not a clause
        self.query_one("#next", Button).display = False
        if isinstance(exc, StillPending):
            self._serial = exc.serial_no
            progress = self.query_one("#pending-progress", Button)
            progress.remove_class("hidden")
            progress.focus()
            return
        intro.add_class("screen-error")
        self.query_one("#back", Button).focus()

    def _reading_done(self) -> None:
        """The step bar and the buttons, hidden while the records were read (kiosk.tcss ``-reading``),
        show: with the form, or 返回 alone when the service is refused."""
        for part in self.query(".-reading"):
            part.remove_class("-reading")

    def _follow_pending(self, name: str, value: str) -> None:
        """A choice with an application still 受理中 (context ``pending``: field -> value -> 业务流水号,
        e.g. a vehicle whose 行驶证 is being made): 查看网办进度 is offered beside 下一步 and opens on
        that application while it is chosen; another choice takes it away."""
        assert self.prepared is not None
        serial = flow_fields.pending(self.prepared, name, value)
        if serial is None:
            return
        self._serial = serial
        self.query_one("#pending-progress", Button).set_class(not self._serial, "hidden")

    def _pending_meanwhile(self, exc: StillPending, chosen: dict[str, str]) -> None:
        """提交 refused: the same application was made meanwhile (on another kiosk, or at the
        counter) and is 受理中. As when the service is opened with one: back on the first step,
        which says so and offers 查看网办进度 on it, focused. When it concerns one choice (a
        vehicle, of several: ``exc.field``), the form stays for another one, the message under
        that choice, and the choice now counts as having one (context ``pending``); else the form
        goes (nothing can be applied for now, nor lost by leaving)."""
        self.query_one(ContentSwitcher).current = "step-form"
        step_shown(self.query_one("#step-form"))  # taps held a moment, as at every step change
        self.query_one(StepBar).current = 0
        pending = self.prepared.context.get("pending") if self.prepared else None
        by_value = pending.get(exc.field) if isinstance(pending, dict) and exc.field else None
        if not isinstance(by_value, dict):
            self.query_one("#fields").display = False
            self._refused(exc)
            return
        by_value[chosen.get(exc.field or "", "")] = exc.serial_no
        self.show_error(exc)  # under the choice
        self._follow_pending(exc.field or "", chosen.get(exc.field or "", ""))
        self.query_one("#pending-progress", Button).focus()
