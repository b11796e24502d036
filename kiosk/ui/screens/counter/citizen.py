"""为群众办理: look up the citizen in front of the clerk (with the reason for access), see their
record, and act for them (面签注册, 单位用户注册, 重置绑定手机号, cancel an exam booking or print its
预约凭证, finish or turn back a 网办 application waiting for the DMV). This module is the look-up and
the file on screen; the actions on the file are in citizen_actions (打印预约凭证 in certificate), the
summary's text in citizen_summary, its two lists (their columns, the focus on them) in citizen_lists."""
from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, DataTable, Input, Static

from ....domain.errors import DomainError
from ....services import certificates, counter_citizen
from ....services.counter_citizen import CitizenFile
from ...base import LIVE_SECONDS, KioskScreen
from ...widgets.field import FormField
from ...widgets.header import KioskHeader
from ...widgets.plain import Plain, PlainTable, ShownLine, StatusLine
from ...widgets.reasons import ReasonField, ReasonList
from .certificate import CertificatePrinting
from .citizen_actions import CANCELLABLE, CitizenActions
from .citizen_kept import KeptLookup
from .citizen_lists import APP_COLUMNS, BOOKING_COLUMNS, CitizenLists
from .citizen_summary import credit_code_in, summary_text


class CitizenScreen(KeptLookup, CitizenLists, CitizenActions, CertificatePrinting, KioskScreen):
    def __init__(self) -> None:
        super().__init__()
        self.file: CitizenFile | None = None
        self._shown_for = ""  # the ID field's text when the file on screen was shown
        self._shown_account: int | None = None  # whose file the tables show (their cursor is kept for them)
        self.back_to_bookings = False  # a booking was just cancelled: the list keeps the focus while another may be
        self.done_for = False  # 重置绑定手机号 just done: the focus goes as after a lookup
        self.decided = False  # an application was just finished or turned back: on to the next one waiting
        self._shown_count = 0  # files shown so far: a live read begun before the last one is dropped

    def compose(self) -> ComposeResult:
        yield KioskHeader("为群众办理")
        # What the last action did (取消, 办结, 退办, 注册): a line of its own under the page, always in view;
        # a notification over the page's bottom right hid the 网办进度 rows that action had just changed
        yield StatusLine(id="citizen-message")
        with VerticalScroll(classes="form wide", can_focus=False):  # no Tab stop of its own: see kiosk.tcss
            yield Plain("群众本人在场时，输入身份证号码（单位为统一社会信用代码），选择或填写查询事由，查询记录写入审计日志。",
                        classes="hint")
            with Horizontal(classes="row"):
                yield FormField("id_number", "身份证号码/统一社会信用代码", max_length=18, digits=True)
                yield ReasonField("reason", "查询事由", counter_citizen.lookup_reasons(), placeholder="在下方选择，或直接输入",
                                  hint="常用事由（点击填入，回车即查询）：")
            with Horizontal(classes="buttons"):
                yield Button("查询", id="lookup", variant="primary")
                yield Button("面签注册", id="register")
                yield Button("单位用户注册", id="unit")
                yield Button("返回", id="back")
            yield Plain("", classes="screen-error")
            yield Plain("", id="citizen-summary")
            with Horizontal(classes="buttons", id="file-actions"):
                yield Button("重置绑定手机号", id="reset-phone")
            yield Plain("考试预约：", classes="group-title", id="bookings-title")
            yield PlainTable(id="bookings", cursor_type="row")
            with Horizontal(classes="buttons", id="booking-actions"):  # for the booking under the cursor
                yield Button("打印预约凭证", id="print-certificate")
            yield Plain("", id="booking-error", classes="field-error")  # why the row under Enter cannot be cancelled
            with Vertical(id="cancel-part"):  # its own reason, recorded in the audit log
                yield Plain("", id="cancel-target")  # which booking 窗口取消所选预约 would cancel
                yield FormField("cancel_reason", "取消事由（窗口取消所选预约时填写）", placeholder="如：考生本人申请取消考试预约",
                                max_length=100, enter_presses="cancel-booking")
                with Horizontal(classes="buttons"):
                    yield Button("窗口取消所选预约", id="cancel-booking", variant="warning")
            yield Plain("网办进度：", classes="group-title", id="apps-title")
            yield PlainTable(id="apps", cursor_type="row")
            with Vertical(id="app-part"):  # for an application 受理中 that the counter finishes
                yield FormField("refuse_reason", "退办理由（退办所选业务时填写）", placeholder="如：申请人要求撤回",
                                max_length=100, enter_presses="refuse-app")
                with Horizontal(classes="buttons"):
                    yield Button("办结所选业务", id="finish-app", variant="primary")
                    yield Button("退办所选业务", id="refuse-app", variant="warning")
            yield ShownLine("", id="app-error", classes="field-error")  # outside: still seen when the part goes

    def on_mount(self) -> None:
        self.query_one("#bookings", DataTable).add_columns(*BOOKING_COLUMNS)
        self.query_one("#apps", DataTable).add_columns(*APP_COLUMNS)
        self._show_parts(found=False, unit=False)  # no file yet
        if not self.restore_kept():  # the number and reason the clerk left here (citizen_kept)
            self.query_one("#input-id_number", Input).focus()
        self.set_interval(LIVE_SECONDS, self._live)  # the citizen may change the file at a kiosk meanwhile

    def _live(self) -> None:
        """The file on screen read again (as the counter's other live lists are), so its rows and
        the clerk's questions say what the citizen did at a kiosk meanwhile (paid the fee, say).
        Not while an action runs or a dialog is over the screen; an unchanged file changes nothing."""
        f = self.file
        if self.busy or f is None or not f.account_id or self.app.screen is not self:
            return
        count = self._shown_count
        self.read_live(counter_citizen.load, self.env, self.kiosk.staff, f.account_id,
                       done=lambda fresh: self._live_loaded(count, fresh))

    def _live_loaded(self, count: int, fresh: CitizenFile) -> None:
        if (count == self._shown_count and not self.busy and self.file is not None and self.is_attached
                and fresh.account_id == self.file.account_id and fresh != self.file):
            before = self.selected_booking()  # the booking the clerk is on: changed meanwhile, it is said
            self.show_file(fresh, live=True)
            if before is not None:
                self.say_changed(before, next((b for b in fresh.bookings if b.id == before.id), None))

    def with_fresh_file(self, then: Callable[[CitizenFile], None]) -> None:
        """The file read again and shown (another counter, or the citizen at a kiosk, may have changed
        it since), then ``then(file)``: a question to the clerk is built from what is true now."""
        if self.file is None or not self.file.account_id:
            return

        def loaded(f: CitizenFile) -> None:
            self.show_file(f, live=True)  # not the clerk's action: the focus stays (or goes near it)
            then(f)

        self.call(counter_citizen.load, self.env, self.kiosk.staff, self.file.account_id, done=loaded)

    def on_reason_list_taken(self, event: ReasonList.Taken) -> None:
        """Enter on a common reason (now in 查询事由) looks the citizen up with it."""
        if event.submit:
            self.lookup()

    def on_input_changed(self, event: Input.Changed) -> None:
        """Another ID typed: the file shown (and its actions) belongs to someone else now. The ID
        and 查询事由 are kept for the clerk's next visit to the screen (citizen_kept)."""
        if event.input.id == "input-id_number" and self.file is not None and event.value != self._shown_for:
            self.clear_file()
        self.keep_changed(event)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the ID field looks up at once when 查询事由 holds a reason (the last citizen's,
        kept: tester, a new number typed and Enter only went to 查询事由); else on to 查询事由. A
        wrong number (or none) is said under it at once and the focus stays, as at the citizen 登录
        (17 digits went on to 查询事由 unsaid, their problem told only at 查询)."""
        if event.input.id == "input-id_number" and (problem := counter_citizen.id_problem(self.env, event.value)):
            self.show_error(DomainError(problem, "id_number"))
        elif event.input.id == "input-id_number" and not self.query_one("#field-reason", FormField).value.strip():
            self.query_one("#input-reason", Input).focus()
        else:
            self.lookup()

    def _typed_id(self) -> str:
        return self.query_one("#field-id_number", FormField).value

    def say(self, text: str) -> None:
        """``text`` in the line under the page ("": the line goes, and the row it spoke of is no
        longer kept in view)."""
        if not text:
            self.changed_row = ""
        self.query_one("#citizen-message", StatusLine).say(text)

    def on_status_line_placed(self, _: StatusLine.Placed) -> None:
        """The line took the page's last rows: what has the focus kept in view (80x24: the
        application's row, right under the list's header after a look-up, was hidden by
        未办结...仍为受理中, the focus left on it). Only once the line is laid out: brought into view
        before that, with the page's old height, the row went under the line all the same."""
        self._show_focus()

    def lookup(self) -> None:
        self.say("")  # about the citizen looked up before, or an action before this look-up
        self.release_kept()  # the reason is this visit's now: kept for the next citizen as any
        reason = self.query_one("#field-reason", FormField).value
        self.call(counter_citizen.lookup, self.env, self.kiosk.staff, self._typed_id(), reason,
                  done=self._looked_up, failed=self._lookup_failed)

    def _looked_up(self, f: CitizenFile) -> None:
        """A lookup, of the citizen on screen too, starts the file from the top, the focus on the first
        thing to do (tester: the same citizen again kept the focus in 查询事由 and the old row, each Enter
        logging another lookup). What was said under the lists was about the view before."""
        self.query_one("#app-error", Static).update("")
        self.query_one("#booking-error", Static).update("")
        self.show_file(f, lookup=True)

    def _lookup_failed(self, exc: DomainError) -> None:
        self.clear_file()  # the file of an earlier lookup would pass for this one's
        self.show_error(exc)

    def refresh_file(self, _result: object = None) -> None:
        if _result is not None and self.file is not None and self.file.account_id:
            self.call(counter_citizen.load, self.env, self.kiosk.staff, self.file.account_id,
                      done=self.show_file)

    def reload_then_say(self, say: Callable[[str], None], message: str) -> None:
        """A refused action on the file: the file read again (another counter may have changed
        it meanwhile), then ``say(message)`` in the line under the list it concerns."""
        if self.file is None or not self.file.account_id:
            say(message)
            return

        def reloaded(f: CitizenFile) -> None:
            self.show_file(f, live=True)
            say(message)

        self.call(counter_citizen.load, self.env, self.kiosk.staff, self.file.account_id, done=reloaded)

    def clear_file(self) -> None:
        """No file on screen: its summary, tables and the buttons that act on it go."""
        self.file, self._shown_account = None, None
        self.say("")  # what was done for that citizen
        self.query_one("#citizen-summary", Static).update("")
        self._show_parts(found=False, unit=False)
        self.query_one("#bookings", DataTable).clear()
        self.query_one("#apps", DataTable).clear()
        self.query_one("#field-cancel_reason", FormField).value = ""  # it was this citizen's
        self.query_one("#field-refuse_reason", FormField).value = ""
        self.query_one("#app-error", Static).update("")
        self.query_one("#booking-error", Static).update("")

    def _show_parts(self, found: bool, unit: bool) -> None:
        """The file's actions and its applications when a file was found; its bookings too, except
        for a unit (it books no exams). Shown and hidden by ``display`` alone, from the start (on_mount), as
        show_file sets some of them: a class ``hidden`` put back did not hide a list show_file had shown
        (tester: after a failed lookup the 网办进度 header stayed under the buttons, with no row)."""
        for wid in ("#file-actions", "#apps-title", "#apps", "#app-part"):
            self.query_one(wid).display = found
        for wid in ("#bookings-title", "#bookings", "#booking-actions", "#cancel-part"):
            self.query_one(wid).display = found and not unit

    def show_file(self, f: CitizenFile, live: bool = False, lookup: bool = False) -> None:
        """``live``: read again without the clerk acting (the timer, a question, a refusal): the focus
        and the scroll stay as they are, unless what had the focus is gone (CitizenLists._keep_focus).
        ``lookup``: the clerk looked the citizen up, as for another citizen (_focus_work)."""
        self.file, self._shown_for = f, self._typed_id()
        self._shown_count += 1
        self.query_one("#citizen-summary", Static).update(summary_text(f, f.exams.void))
        found = f.found
        self._show_parts(found, unit=f.kind == "unit")
        self.query_one("#reset-phone").display = found and f.registered
        self.query_one("#cancel-part").display = any(b.status in CANCELLABLE for b in f.bookings)
        self.query_one("#booking-actions").display = any(certificates.has_certificate(b) for b in f.bookings)
        self.query_one("#app-part").display = bool(self._waiting_rows(f))
        bookings, apps = self.query_one("#bookings", PlainTable), self.query_one("#apps", PlainTable)
        new = lookup or f.account_id != self._shown_account
        if new:  # another citizen, or a lookup: from the top (refill keeps the clerk's row in the same citizen's lists)
            bookings.clear()
            apps.clear()
        self._shown_account = f.account_id
        self._fit_bookings()
        self._fit_apps()
        self.drop_stale_app_note()  # its row's status changed under it (live), or its row is gone
        for table, title, name in ((bookings, "#bookings-title", "考试预约"), (apps, "#apps-title", "网办进度")):
            table.can_focus = table.row_count > 0  # an empty list is no Tab stop
            table.display = table.row_count > 0  # no header over nothing: the title says 无
            self.query_one(title, Static).update(f"{name}：" if table.row_count else f"{name}：无")
        self.show_cancel_target()
        if new or not found:  # not found: no account, so never "new"
            self._focus_work(f)
            self.call_after_refresh(self._show_focus)
        else:
            self.call_after_refresh(self._keep_focus, live)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        from .forms import InPersonRegisterScreen, PhoneResetScreen, UnitRegisterScreen

        bid = event.button.id
        if bid not in ("back", "lookup"):
            self.say("")  # the line of the last action would pass for this one's
        if bid == "lookup":
            self.lookup()
        elif bid == "register":  # what was typed, unless it is a unit's credit code
            typed = "" if credit_code_in(self._typed_id()) else self._typed_id().strip()
            f = self.file  # the person shown, on record without an account: their name as recorded
            name = f.name if f is not None and f.found and not f.registered and f.kind != "unit" else ""
            self.app.push_screen(InPersonRegisterScreen(typed, name), callback=self._registered)
        elif bid == "unit":
            self.app.push_screen(UnitRegisterScreen(credit_code_in(self._typed_id())), callback=self._registered)
        elif bid == "reset-phone" and self.file and self.file.account_id:
            self.app.push_screen(PhoneResetScreen(self.file.account_id, self.file.name), callback=self._phone_reset)
        elif bid == "print-certificate":
            self.print_selected()
        elif bid == "cancel-booking":
            self.cancel_selected()
        elif bid == "finish-app":
            self.finish_selected()
        elif bid == "refuse-app":
            self.refuse_selected()
        elif bid == "back":
            self.dismiss()

    def _registered(self, result) -> None:  # type: ignore[no-untyped-def]
        if result is None:
            return
        self.query_one("#field-id_number", FormField).value = result.id_number  # the file shown before goes
        self.say(f"{result.name} 注册成功，已发送注册成功通知")
        # the focus as after a lookup (the ID field, unless something waits for the counter): it stayed
        # on 面签注册 when the same number was looked up before, and the next one typed went nowhere
        self.call(counter_citizen.load, self.env, self.kiosk.staff, result.account_id,
                  done=lambda f: self.show_file(f, lookup=True))
