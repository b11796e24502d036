"""为群众办理: look up the citizen in front of the clerk (with the reason for access), see their
record, and act for them (面签注册, 单位用户注册, 重置绑定手机号, cancel an exam booking, finish or
turn back a 网办 application waiting for the DMV)."""
from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, DataTable, Input, Static

from ....domain.errors import DomainError
from ....domain.ids import normalize_credit_code, normalize_id_number
from ....services import counter_applications, counter_bookings, counter_citizen
from ....services.counter_citizen import CitizenFile
from ...base import KioskScreen
from ...dialogs.choose import ChooseDialog
from ...dialogs.confirm import ConfirmDialog
from ...widgets.field import FormField
from ...widgets.fit import refill_to_fit
from ...widgets.header import KioskHeader
from ...widgets.plain import Plain, PlainTable
from ...widgets.reasons import ReasonField, ReasonList


BOOKING_COLUMNS = ("业务流水号", "业务", "科目", "车型", "状态", "考试时间", "考场")
BOOKING_DROP = (3, 1, 0)  # when narrow: 车型, then 业务, then 业务流水号 go, not the time or the site


def _date(d) -> str:  # type: ignore[no-untyped-def]
    return f"{d:%Y-%m-%d}" if d else "-"


def summary_text(f: CitizenFile) -> Text:
    if not f.found:
        return Text(f"未查询到 {f.id_number} 的记录。本人持身份证明原件到窗口的，可办理面签注册"
                    "（单位持营业执照办理单位用户注册）。")
    kind = "单位用户" if f.kind == "unit" else "个人用户"
    lines: list[str | Text] = [Text.assemble(
        (f.name, "bold"), f"  {f.id_number}  {kind}  "
        f"12123账户：{f.registered_via or '已注册' if f.registered else '未注册'}  绑定手机：{f.phone_masked}")]
    if not f.registered:
        lines.append(Text.assemble(("该群众尚未注册交管12123", "bold"), "，核验身份证明原件后可办理面签注册。"))
    if f.kind == "unit":  # a unit holds vehicles only: no licence, permit, e-licence or exam lines
        lines.append(f"代理人：{f.agent_id_number or '-'}  委托书：{f.authorisation_ref or '-'}")
        return _joined([*lines, _vehicles_line(f)])
    if f.licence:
        lic = f.licence
        lines.append(f"驾驶证：档案编号 {lic.archive_no}  准驾车型 {lic.classes}  状态 {lic.status_text}  "
                     f"记分 {lic.points}  有效期至 {_date(lic.valid_to)}")
    else:
        lines.append("驾驶证：无")
    if f.permit:
        p = f.permit
        lines.append(f"学习驾驶证明：{p.licence_class}  受理 {_date(p.accepted_on)}  "
                     f"核发 {_date(p.issued_on)}  有效期至 {_date(p.valid_to)}")
    lines.append(f"电子驾驶证：{f.elicence}")
    return _joined([*lines, _vehicles_line(f)])


def _vehicles_line(f: CitizenFile) -> str:
    cars = "；".join(f"{v.plate} {v.vehicle_type} 检验至{_date(v.inspection_due)}" for v in f.vehicles)
    return f"机动车：{cars or '无'}"


def credit_code_in(typed: str) -> str:
    """The typed number as a unit's credit code, or "" when it is not one (a person's ID number is
    never put into 统一社会信用代码; a number valid as both is read as an ID number, as the lookup does)."""
    for check, is_code in ((normalize_id_number, False), (normalize_credit_code, True)):
        try:
            number = check(typed)
        except DomainError:
            continue
        return number if is_code else ""
    return ""


def _joined(lines: list[str | Text]) -> Text:
    return Text("\n").join(Text(x) if isinstance(x, str) else x for x in lines)


class CitizenScreen(KioskScreen):
    def __init__(self) -> None:
        super().__init__()
        self.file: CitizenFile | None = None
        self._shown_for = ""  # the ID field's text when the file on screen was shown
        self._shown_account: int | None = None  # whose file the tables show (their cursor is kept for them)

    def compose(self) -> ComposeResult:
        yield KioskHeader("为群众办理")
        with VerticalScroll(classes="form wide", can_focus=False):  # no Tab stop of its own: see kiosk.tcss
            yield Plain("群众本人在场时，输入身份证号码（单位为统一社会信用代码），选择或填写查询事由，查询记录写入审计日志。",
                        classes="hint")
            with Horizontal(classes="row"):
                yield FormField("id_number", "身份证号码/统一社会信用代码", max_length=18)
                yield ReasonField("reason", "查询事由", counter_citizen.lookup_reasons(), placeholder="在下方选择，或直接输入",
                                  hint="常用事由（上下键选择，回车即查询）：")
            with Horizontal(classes="buttons"):
                yield Button("查询", id="lookup", variant="primary")
                yield Button("面签注册", id="register")
                yield Button("单位用户注册", id="unit")
                yield Button("返回", id="back")
            yield Plain("", classes="screen-error")
            yield Plain("", id="citizen-summary")
            with Horizontal(classes="buttons hidden", id="file-actions"):
                yield Button("重置绑定手机号", id="reset-phone")
            yield Plain("考试预约：", classes="group-title hidden", id="bookings-title")
            yield PlainTable(id="bookings", cursor_type="row", classes="hidden")
            with Vertical(id="cancel-part", classes="hidden"):  # its own reason, recorded in the audit log
                yield FormField("cancel_reason", "取消事由（窗口取消所选预约时填写）", placeholder="如：考生本人申请取消考试预约",
                                max_length=100, enter_presses="cancel-booking")
                with Horizontal(classes="buttons"):
                    yield Button("窗口取消所选预约", id="cancel-booking", variant="warning")
            yield Plain("网办进度：", classes="group-title hidden", id="apps-title")
            yield PlainTable(id="apps", cursor_type="row", classes="hidden")
            with Vertical(id="app-part", classes="hidden"):  # for an application 受理中 that the counter finishes
                yield FormField("refuse_reason", "退办理由（退办所选业务时填写）", placeholder="如：申请人要求撤回",
                                max_length=100, enter_presses="refuse-app")
                with Horizontal(classes="buttons"):
                    yield Button("办结所选业务", id="finish-app", variant="primary")
                    yield Button("退办所选业务", id="refuse-app", variant="warning")
            yield Plain("", id="app-error", classes="field-error")  # outside: still seen when the part goes

    def on_mount(self) -> None:
        self.query_one("#bookings", DataTable).add_columns(*BOOKING_COLUMNS)
        self.query_one("#apps", DataTable).add_columns("业务流水号", "业务", "状态", "更新时间")
        self.query_one("#input-id_number", Input).focus()

    def on_reason_list_taken(self, event: ReasonList.Taken) -> None:
        """Enter on a common reason (now in 查询事由) looks the citizen up with it."""
        if event.submit:
            self.lookup()

    def on_input_changed(self, event: Input.Changed) -> None:
        """Another ID typed: the file shown (and its actions) belongs to someone else now."""
        if event.input.id == "input-id_number" and self.file is not None and event.value != self._shown_for:
            self.clear_file()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "input-id_number":
            self.query_one("#input-reason", Input).focus()
        else:
            self.lookup()

    def _typed_id(self) -> str:
        return self.query_one("#field-id_number", FormField).value

    def lookup(self) -> None:
        reason = self.query_one("#field-reason", FormField).value
        self.call(counter_citizen.lookup, self.env, self.kiosk.staff, self._typed_id(), reason, done=self.show_file,
                  failed=self._lookup_failed)

    def _lookup_failed(self, exc: DomainError) -> None:
        self.clear_file()  # the file of an earlier lookup would pass for this one's
        self.show_error(exc)

    def refresh_file(self, _result: object = None) -> None:
        if _result is not None and self.file is not None and self.file.account_id:
            self.call(counter_citizen.load, self.env, self.kiosk.staff, self.file.account_id, done=self.show_file)

    def clear_file(self) -> None:
        """No file on screen: its summary, tables and the buttons that act on it go."""
        self.file, self._shown_account = None, None
        self.query_one("#citizen-summary", Static).update("")
        self._show_parts(found=False, unit=False)
        self.query_one("#bookings", DataTable).clear()
        self.query_one("#apps", DataTable).clear()
        self.query_one("#field-cancel_reason", FormField).value = ""  # it was this citizen's
        self.query_one("#field-refuse_reason", FormField).value = ""
        self.query_one("#app-error", Static).update("")

    def _show_parts(self, found: bool, unit: bool) -> None:
        """The file's actions and its applications when a file was found; its bookings too, except
        for a unit (it books no exams)."""
        for wid in ("#file-actions", "#apps-title", "#apps", "#app-part"):
            self.query_one(wid).set_class(not found, "hidden")
        for wid in ("#bookings-title", "#bookings", "#cancel-part"):
            self.query_one(wid).set_class(not found or unit, "hidden")

    def show_file(self, f: CitizenFile) -> None:
        self.file, self._shown_for = f, self._typed_id()
        self.query_one("#citizen-summary", Static).update(summary_text(f))
        found = f.found
        self._show_parts(found, unit=f.kind == "unit")
        self.query_one("#reset-phone").display = found and f.registered
        self.query_one("#cancel-part").display = any(b.status in ("pending", "placed") for b in f.bookings)
        self.query_one("#app-part").display = any(self._choices(a) for a in f.applications[:20])
        bookings, apps = self.query_one("#bookings", PlainTable), self.query_one("#apps", PlainTable)
        new = f.account_id != self._shown_account
        if new:  # another citizen: from the top (refill keeps the clerk's row in the same citizen's lists)
            bookings.clear()
            apps.clear()
        self._shown_account = f.account_id
        self._fit_bookings()
        shown = f.applications[:20]
        apps.refill([(a.serial_no, a.title, a.status, f"{a.updated_at:%Y-%m-%d %H:%M}") for a in shown],
                    [a.serial_no for a in shown])
        for table in (bookings, apps):
            table.can_focus = table.row_count > 0  # an empty list is no Tab stop
        if new:
            self._focus_work(f)
        else:
            self.call_after_refresh(self._keep_focus)

    def _fit_bookings(self) -> None:
        """The file's bookings in the columns that fit (80x24: the time and the site stay whole)."""
        f = self.file
        if f is None:
            return
        cells = [(b.serial_no or str(b.id), b.title, b.subject_name, b.licence_class, b.status_text, b.when,
                  b.site_name or "-") for b in f.bookings]
        refill_to_fit(self.query_one("#bookings", PlainTable), self.query_one(VerticalScroll), BOOKING_COLUMNS, cells,
                      [str(b.id) for b in f.bookings], BOOKING_DROP)

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self._fit_bookings)

    def _focus_work(self, f: CitizenFile) -> None:
        """A citizen just looked up: the first thing the counter can do for them has the focus,
        an application to finish, else a booking to cancel (Enter on its row acts on it)."""
        shown = f.applications[:20]
        waiting = next((i for i, a in enumerate(shown) if self._choices(a)), None)
        open_ = next((i for i, b in enumerate(f.bookings) if b.status in ("pending", "placed")), None)
        for table_id, row in (("#apps", waiting), ("#bookings", open_)):
            if row is not None:
                table = self.query_one(table_id, PlainTable)
                table.move_cursor(row=row)
                table.focus()
                return

    def _keep_focus(self) -> None:
        """After an action the part that had the focus may be gone (the last application finished,
        the last booking cancelled): the ID field then takes it, its text selected for the next citizen."""
        focused = self.app.focused
        if focused is None or not focused.can_focus or not all(w.display for w in focused.ancestors_with_self):
            self.query_one("#input-id_number", Input).focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a row: 办结 for an application; a booking asks for the cancellation reason first."""
        if event.data_table.id == "apps":
            self.finish_selected()
        elif event.data_table.id == "bookings" and self.query_one("#cancel-part").display:
            self.query_one("#input-cancel_reason", Input).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        from .forms import InPersonRegisterScreen, PhoneResetScreen, UnitRegisterScreen

        bid = event.button.id
        if bid == "lookup":
            self.lookup()
        elif bid == "register":  # what was typed, unless it is a unit's credit code
            typed = "" if credit_code_in(self._typed_id()) else self._typed_id().strip()
            self.app.push_screen(InPersonRegisterScreen(typed), callback=self._registered)
        elif bid == "unit":
            self.app.push_screen(UnitRegisterScreen(credit_code_in(self._typed_id())), callback=self._registered)
        elif bid == "reset-phone" and self.file and self.file.account_id:
            self.app.push_screen(PhoneResetScreen(self.file.account_id, self.file.name), callback=self._phone_reset)
        elif bid == "cancel-booking":
            self.cancel_selected()
        elif bid == "finish-app":
            self.finish_selected()
        elif bid == "refuse-app":
            self.refuse_selected()
        elif bid == "back":
            self.app.pop_screen()

    def _registered(self, result) -> None:  # type: ignore[no-untyped-def]
        if result is None:
            return
        self.notify(f"{result.name} 注册成功，已发送注册成功通知", timeout=6)
        self.query_one("#field-id_number", FormField).value = result.id_number
        self.call(counter_citizen.load, self.env, self.kiosk.staff, result.account_id, done=self.show_file)

    def _phone_reset(self, result) -> None:  # type: ignore[no-untyped-def]
        if result is not None:
            self.notify("绑定手机号已重置，已向新手机号发送通知短信", timeout=6)
            self.refresh_file(result)

    def cancel_selected(self) -> None:
        table = self.query_one("#bookings", DataTable)
        if self.file is None or not self.file.account_id or table.row_count == 0:
            self.query_one(".screen-error", Static).update("请先在考试预约列表中选择要取消的预约")
            return
        key = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or "")
        b = next((b for b in self.file.bookings if str(b.id) == key), None)
        if b is None or b.status not in ("pending", "placed"):
            self.query_one(".screen-error", Static).update("所选预约不能取消，请在考试预约列表中选择受理中或已安排的预约")
            return
        field = self.query_one("#field-cancel_reason", FormField)
        try:  # asked before the question, not after it (the service checks it again)
            reason = counter_citizen.check_cancel_reason(field.value)
        except DomainError as exc:
            self.clear_errors()
            self.show_error(exc)  # by the field, which gets the focus
            return
        question = (f"确认为{self.file.name}在窗口取消以下考试预约？\n\n{b.title}  {b.subject_name}  {b.licence_class}\n"
                    f"考试时间：{b.when}  考场：{b.site_name or '-'}\n状态：{b.status_text}\n\n"
                    f"取消事由：{reason}\n" + ("已缴纳的考试费将予退还（原路退回）。" if b.fee_paid_at else "")
                    + "取消后将以短信和消息通知本人。")

        def answered(yes: bool | None) -> None:
            if yes and self.file is not None:
                self.call(counter_bookings.cancel, self.env, self.kiosk.staff, self.file.account_id, b.id, reason,
                          done=self._cancelled)

        self.app.push_screen(ConfirmDialog(question, "确认取消"), callback=answered)

    def _cancelled(self, result: counter_bookings.CounterCancelled) -> None:
        self.notify(f"考试预约已取消。{result.message}", timeout=8)
        self.query_one("#field-cancel_reason", FormField).value = ""
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
            self._app_error("请在网办进度列表中选择受理中、待窗口办结的业务")
            return None
        return a

    def finish_selected(self) -> None:
        self.query_one("#app-error", Static).update("")
        a = self._selected_app()
        if a is None or self.file is None:
            return
        accepted = f"{a.events[0].note}\n" if a.events and a.events[0].note else ""  # what and how it was asked for
        question = (f"为{self.file.name}办结以下业务？\n\n{a.title}  业务流水号 {a.serial_no}\n{accepted}\n"
                    "请选择办结方式，办结后将以短信和消息通知本人。")

        def chosen(how: str | None) -> None:
            if how and self.file is not None:
                self.call(counter_applications.finish, self.env, self.kiosk.staff, self.file.account_id, a.serial_no,
                          how, done=self._handled, failed=self._not_handled)
            elif not how:
                self.notify(f"未办结，业务流水号{a.serial_no}仍为受理中", timeout=4)

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
        """The message under the applications' buttons, scrolled into view (at 80x24 it is below the screen)."""
        note = self.query_one("#app-error", Static)
        note.update(message)
        self.call_after_refresh(note.scroll_visible)

    def _not_handled(self, exc: DomainError) -> None:
        """Refused: the file is read again (another counter may have decided it), then the reason shown."""
        if self.file is None or not self.file.account_id:
            self._app_error(exc.message)
            return

        def reloaded(f: CitizenFile) -> None:
            self.show_file(f)
            self._app_error(exc.message)

        self.call(counter_citizen.load, self.env, self.kiosk.staff, self.file.account_id, done=reloaded)

    def _handled(self, result: counter_applications.Handled) -> None:
        self.query_one("#app-error", Static).update("")
        self.notify(f"业务流水号{result.serial_no}{result.status}，已以短信和消息通知申请人。通知内容：{result.note}",
                    timeout=8)
        self.query_one("#field-refuse_reason", FormField).value = ""
        self.refresh_file(result)
