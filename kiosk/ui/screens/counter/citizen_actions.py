"""为群众办理: what the clerk does for the citizen on screen (the file looked up): reset the bound
phone, cancel an exam booking, finish or turn back a 网办 application waiting for the DMV. Each asks
first and, once done, reads the file again. A part of CitizenScreen (kiosk.ui.screens.counter.citizen),
which holds the file (``file``), its lists and fields, and ``refresh_file`` / ``show_file``."""
from __future__ import annotations

from collections.abc import Callable

from textual.widgets import DataTable, Static

from ....domain.dates import ISO_DAY, format_range
from ....domain.errors import DomainError, sentence
from ....domain.priority import cancel_keeps_used
from ....services import counter_applications, counter_bookings, counter_citizen
from ....services.booking_records import BookingView
from ....services.counter_citizen import CitizenFile
from ...dialogs.choose import ChooseDialog
from ...dialogs.confirm import ConfirmDialog
from ...widgets.field import FormField
from ...widgets.plain import ShownLine


CANCELLABLE = ("pending", "placed")
# Beside a booking the counter cannot cancel, why nothing more is done with it; nothing for one already
# cancelled: its status says so (已取消 beside 不能取消 read as a contradiction: tester)
LEFT_AS_IS = {"unplaced": "没有占用考位，无需取消", "done": "考试已结束，不能取消"}
WANTED_IN_DIALOG = 6  # chosen sessions the question lists (up to 20 may be chosen): it still fits 80x24


def _range(b: BookingView) -> str:
    assert b.wanted_range is not None
    return f"预约时间段：{format_range(*b.wanted_range, ISO_DAY)}  考场：{b.wanted_place}"


def wanted_line(b: BookingView) -> str:
    """The line under 所选预约 for a booking waiting for allocation: the sessions chosen (date, time
    and site of each) or the range and site of 服从系统安排; "" for any other booking."""
    if not b.wanted:
        return ""
    if b.wanted_sessions:
        return f"所选场次（{len(b.wanted)}场）：" + "；".join(b.wanted)
    return f"服从系统安排，{_range(b)}"


def exam_time_lines(b: BookingView) -> str:
    """考试时间 and 考场 in the question before a cancellation; while the booking waits for
    allocation, what was applied for: each session chosen on a line of its own, or the range."""
    if not b.wanted:
        return f"考试时间：{b.when}  考场：{b.site_name or '-'}"
    if not b.wanted_sessions:
        return f"考试时间：待安排（服从系统安排）\n  {_range(b)}"
    lines = list(b.wanted)
    if len(lines) > WANTED_IN_DIALOG:
        lines = lines[:WANTED_IN_DIALOG - 1] + [f"另有{len(lines) - WANTED_IN_DIALOG + 1}场，全部场次见页面上的所选场次"]
    return f"考试时间：待安排（自主选择场次，所选{len(b.wanted)}场）\n" + "\n".join(f"  {line}" for line in lines)


class CitizenActions:
    """The per-citizen actions of CitizenScreen (mixed into it: the same screen, the same widgets)."""

    file: CitizenFile | None
    back_to_bookings: bool
    done_for: bool
    decided: bool
    changed_row: str
    say: Callable[[str], None]  # CitizenScreen.say: the line under the page that tells what was done
    _booking_note: Callable[[str], None]  # CertificatePrinting._booking_note: the line under the bookings list
    with_fresh_file: Callable[[Callable[[CitizenFile], None]], None]  # CitizenScreen: read again, then ask
    app_under_cursor: Callable[[], tuple[str, str, str] | None]  # CitizenLists: the row a note under 网办进度 is of
    _app_note_of: tuple[str, str, str] | None

    def _phone_reset(self, result) -> None:  # type: ignore[no-untyped-def]
        if result is not None:
            self.say("绑定手机号已重置，已向新手机号发送通知短信")
            self.done_for = True  # the focus as after a lookup (it stayed on 重置绑定手机号: tester)
            self.refresh_file(result)

    def selected_booking(self) -> BookingView | None:
        """The booking under the cursor of the bookings list, if any."""
        table = self.query_one("#bookings", DataTable)
        if self.file is None or not table.row_count or not table.is_valid_row_index(table.cursor_row):
            return None
        key = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or "")
        return next((b for b in self.file.bookings if str(b.id) == key), None)

    def why_not_cancellable(self, b: BookingView | None) -> str:
        """"" when the counter can cancel ``b``; else why not, to show at once."""
        if b is None:
            return "请先在考试预约列表中选择要取消的预约"
        if b.status == "cancelled":  # as the service would say it (counter_refusal), not 不能取消
            return f"所选预约（{b.subject_name}）已取消，无需再次取消"
        if b.status not in CANCELLABLE:
            return f"所选预约（{b.subject_name}，{b.status_text}）不能取消；只能取消受理中或预约成功的预约"
        return ""

    def show_cancel_target(self) -> None:
        """The 取消事由 part names the booking it would cancel: the one the list's cursor is on."""
        b = self.selected_booking()
        text = ""
        if b is not None:
            when = "" if b.wanted else f"  考试时间 {b.when}"  # waiting: the next line says what it waits for
            text = f"所选预约：{b.subject_name}{when}  {b.status_text}  业务流水号 {b.serial_no or b.id}"
            if b.status in LEFT_AS_IS:  # a part of its own, not glued to the serial number
                text += f"  {LEFT_AS_IS[b.status]}"
            if b.wanted:
                text += "\n" + wanted_line(b)
        self.query_one("#cancel-target", Static).update(text)

    def cancel_selected(self) -> None:
        b = self.selected_booking()
        why = self.why_not_cancellable(b)
        if why or b is None or self.file is None or not self.file.account_id:
            self._booking_note(why)
            return
        field = self.query_one("#field-cancel_reason", FormField)
        try:  # asked before the question, not after it (the service checks it again)
            reason = counter_citizen.check_cancel_reason(field.value)
        except DomainError as exc:
            self.clear_errors()
            self.show_error(exc)  # by the field, which gets the focus
            return
        self.with_fresh_file(lambda f: self._ask_cancel(f, b.id, reason))

    def _ask_cancel(self, f: CitizenFile, booking_id: int, reason: str) -> None:
        """The question about the booking as it is now (the file just read again): paid at a kiosk
        meanwhile, it says the fee is refunded; cancelled meanwhile, why it cannot be, under the list."""
        b = next((b for b in f.bookings if b.id == booking_id), None)
        why = self.why_not_cancellable(b)
        if why or b is None:
            self.call_after_refresh(self._booking_note, why)  # after the refilled list highlighted its row
            return
        self.call(counter_bookings.cancel_consequences, self.env, self.kiosk.staff, f.account_id, b.id,
                  done=lambda consequences: self._confirm_cancel(f, b, reason, consequences))

    def _confirm_cancel(self, f: CitizenFile, b: BookingView, reason: str, consequences: str) -> None:
        """The question itself: the booking, the reason, and what cancelling it does (the fee, the
        ranking time, cancelling online instead: counter_bookings.cancel_consequences)."""
        question = (f"确认为{f.name}在窗口取消以下考试预约？\n\n{b.title}  {b.subject_name}  {b.licence_class}\n"
                    f"{exam_time_lines(b)}\n状态：{b.status_text}\n\n"
                    f"取消事由：{reason}\n{consequences}取消后将以短信和消息通知本人。"
                    + (f"\n\n{cancel_keeps_used(b.subject_name)}" if b.priority else ""))

        def answered(yes: bool | None) -> None:
            if yes and self.file is not None:
                self.call(counter_bookings.cancel, self.env, self.kiosk.staff, self.file.account_id, b.id, reason,
                          done=self._cancelled, failed=self._cancel_refused)

        self.app.push_screen(ConfirmDialog(question, "确认取消"), callback=answered)

    def _cancel_refused(self, exc: DomainError) -> None:
        """Refused (cancelled meanwhile at another counter or by the citizen at a kiosk...): the file
        is read again, then the reason shown under the bookings."""
        # after the refilled list has highlighted its row (a new row under the cursor clears this line)
        self.reload_then_say(lambda message: self.call_after_refresh(self._booking_note, message), exc.message)

    def _cancelled(self, result: counter_bookings.CounterCancelled) -> None:
        """已取消刘洋的科目三优先考试预约（业务流水号...）。 then the 网办进度 entry: the booking named as
        its SMS and the 审计日志 name it (booking_cancelled.booking_name)."""
        whose = f"{self.file.name}的" if self.file is not None else ""
        self.say(f"已取消{whose}{result.name}（业务流水号{result.serial_no or result.booking_id}）。{result.message}")
        self.query_one("#field-cancel_reason", FormField).value = ""
        self.changed_row = result.serial_no or ""  # its 网办进度 row kept in view with the line (_show_focus)
        self.back_to_bookings = True  # the row just cancelled while another may be cancelled; else as after a lookup
        self.refresh_file(result)

    @staticmethod
    def _choices(a) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
        return counter_applications.finish_choices(a.kind, a.status, a.payload)

    def _selected_app(self):  # type: ignore[no-untyped-def]
        """The highlighted application if the counter may finish it; else an error on screen."""
        table = self.query_one("#apps", DataTable)
        a = None
        if self.file is not None and table.row_count:
            key = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or "")
            a = next((a for a in self.file.applications if a.serial_no == key), None)
        if a is None or not self._choices(a):
            kind, status = (a.kind, a.status) if a is not None else ("", "")
            self._app_error(counter_applications.not_the_counters(kind, status))  # a photo in review: why
            return None
        return a

    def finish_selected(self) -> None:  # by its button, or by Enter on the application's row
        self.say("")
        self.query_one("#app-error", Static).update("")
        a = self._selected_app()
        if a is None or self.file is None:
            return
        blocked = counter_applications.finish_blocked(a.kind, a.status, a.payload, a.created_at, self.env.clock.now())
        if blocked:  # told now, not after choosing the one way offered
            self._app_error(f"{a.serial_no}不能办结：{blocked}")
            return
        accepted = f"{a.events[0].note}\n" if a.events and a.events[0].note else ""  # what and how it was asked for
        question = (f"为{self.file.name}办结以下业务？\n\n{a.title}  业务流水号 {a.serial_no}\n{accepted}\n"
                    "请选择办结方式，办结后将以短信和消息通知本人。")

        def chosen(how: str | None) -> None:
            if how and self.file is not None:
                self.call(counter_applications.finish, self.env, self.kiosk.staff, self.file.account_id, a.serial_no,
                          how, done=self._handled, failed=self._not_handled)
            elif not how:
                self.say(f"未办结，业务流水号{a.serial_no}仍为受理中")

        self.app.push_screen(ChooseDialog(question, self._choices(a)), callback=chosen)

    def refuse_selected(self) -> None:
        self.query_one("#app-error", Static).update("")
        a = self._selected_app()
        if a is None or self.file is None:
            return
        try:
            reason = counter_applications.check_refuse_reason(self.query_one("#field-refuse_reason", FormField).value)
        except DomainError as exc:
            self.clear_errors()
            self.show_error(exc)
            return
        question = (f"确认为{self.file.name}退办以下业务？\n\n{a.title}  业务流水号 {a.serial_no}\n"
                    f"退办理由：{reason}\n\n退办后将以短信和消息通知本人。")

        def answered(yes: bool | None) -> None:
            if yes and self.file is not None:
                self.call(counter_applications.refuse, self.env, self.kiosk.staff, self.file.account_id, a.serial_no,
                          reason, done=self._handled, failed=self._not_handled)

        self.app.push_screen(ConfirmDialog(question, "确认退办"), callback=answered)

    def _app_error(self, message: str) -> None:
        """The message under the applications' buttons, scrolled into view (at 80x24 it is below the screen),
        about the row under the cursor as it is now (CitizenLists.drop_stale_app_note)."""
        self._app_note_of = self.app_under_cursor()
        self.query_one("#app-error", ShownLine).show(message)

    def _not_handled(self, exc: DomainError) -> None:
        """Refused: the file is read again (another counter may have decided it), then the reason shown."""
        self.reload_then_say(self._app_error, exc.message)

    def _handled(self, result: counter_applications.Handled) -> None:
        self.query_one("#app-error", Static).update("")
        # the note as the citizen reads it (网办进度, the message): a sentence, with its one 。
        self.say(f"业务流水号{result.serial_no}{result.status}，已以短信和消息通知申请人。通知内容：{sentence(result.note)}")
        self.query_one("#field-refuse_reason", FormField).value = ""
        self.changed_row = result.serial_no  # its row kept in view with the line (_show_focus)
        self.decided = True  # the focus on the next application waiting, else the ID field (_keep_focus)
        self.refresh_file(result)
