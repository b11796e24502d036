"""考试计划与安排 (考试管理): sessions with live counts, create or edit a session and its plan's
booking window, and run the publication-day allocation for a date."""
from __future__ import annotations

from datetime import timedelta

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, DataTable, Input, Select, Static

from ....domain.errors import Conflict, DomainError
from ....domain.typed import DATE_LEN, TIME_LEN
from ....services import exam_admin, exam_admin_results, exam_session_rules
from ....services.allocation_preview import earlier_text, nothing_to_allocate
from ....services.allocation_service import AllocationReport
from ...base import CLEAR_QUESTION, KioskScreen
from ...dialogs.confirm import ConfirmDialog
from ...widgets.field import FormField
from ...widgets.fit import refill_to_fit, room
from ...widgets.header import KioskHeader
from ...widgets.page import Page
from ...widgets.plain import ErrorLine, Plain, PlainTable
from .dashboard import APPLIED_HINT
from .exam_plans_form import FORM_FIELDS, SessionField, SiteChoice, clear_messages
from .exam_plans_text import allocation_text, hint, outside

# 状态 right after 科目, so it is in view with the session it belongs to. On a narrow terminal the
# columns the clerk reads least are left out, first to last: 优先名额/已用, 车型, 编号, 已申请, then
# 公布日, 时间 and 考位. At 80 columns that keeps 公布日 (which sessions an allocation run publishes,
# 安排考试并公布结果's date) and 考位 beside 已安排; 已申请 goes before them, an approximate count (仅供
# 参考: one application counts in several sessions). What is left out is said for the highlighted
# session in the line under the table (优先名额/已用 among it), so nothing is out of reach.
COLUMNS = ("编号", "日期", "时间", "考场", "科目", "状态", "车型", "考位", "优先名额/已用", "已申请", "已安排", "公布日")
DROP_WHEN_NARROW = (8, 6, 0, 9, 11, 2, 7)
MORE_ORDER = (8, 9, 11, 7, 2, 0, 6)  # the line under the table: what matters most first


CHOOSE_QUESTION = "填写的内容尚未保存，修改所选场次后不会保留。\n\n确定放弃并修改所选场次吗？"


class ExamPlansScreen(KioskScreen):
    DRAFT_FIELDS = FORM_FIELDS  # a session being created or changed

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, exam_admin.SessionRow] = {}
        self.shown: list[int] = list(range(len(COLUMNS)))  # the columns in the table
        self.editing: int | None = None
        self.loaded: exam_admin.Shown | None = None  # the edited session as chosen (the service compares)
        self.queried: tuple[str, str] | None = None  # the dates of the list shown (None: no list)

    def compose(self) -> ComposeResult:
        today = self.env.clock.now().date()
        yield KioskHeader("考试计划与安排")
        with Page(classes="form wide"):  # a Tab stop only while it has more to show
            with Horizontal(classes="row"):
                yield FormField("date_from", "场次日期从", value=f"{today:%Y-%m-%d}", max_length=DATE_LEN,
                                enter_presses="query")
                yield FormField("date_to", "到", value=f"{today + timedelta(days=7):%Y-%m-%d}", max_length=DATE_LEN,
                                enter_presses="query")
            with Horizontal(classes="buttons"):
                yield Button("查询场次", id="query", variant="primary")
                yield Button("返回", id="back")
            yield PlainTable(id="sessions", cursor_type="row", select_on_click=True)
            yield ErrorLine("", id="session-more")  # the highlighted session's columns left out (narrow)
            yield Plain(APPLIED_HINT, classes="hint", id="applied-hint")
            yield Plain("新建场次（选中列表中的场次后可修改）：", classes="group-title", id="form-title")
            yield SiteChoice([], prompt="选择考场", id="site")
            yield Plain("", id="error-site", classes="field-error")  # 请选择考场, by the choice
            with Horizontal(classes="row"):
                yield SessionField("exam_date", "考试日期", placeholder="如 2027-01-15", max_length=DATE_LEN)
                yield SessionField("start_time", "开考时间", placeholder="如 08:30", max_length=TIME_LEN)
                yield SessionField("subject", "科目(1-4)", max_length=3)
                yield SessionField("classes", "准考车型", placeholder="如 C1C2C5", max_length=40)
            with Horizontal(classes="row"):
                yield SessionField("seats", "考位数", max_length=3)
                yield SessionField("priority_quota", "优先预约名额", value="0", max_length=3, select_on_focus=True)
                yield SessionField("opens_on", "开放预约日期", max_length=DATE_LEN)
                yield SessionField("publish_on", "结果公布日期", max_length=DATE_LEN)
            with Horizontal(classes="buttons"):
                yield Button("保存场次", id="save", variant="primary")
                yield Button("新建（清空表单）", id="new")
            yield Plain("", id="error-session", classes="field-error")  # about the session itself (已过)
            yield Plain("预约结果公布日安排考试：", classes="group-title")
            with Horizontal(classes="row"):
                # Enter presses 安排考试并公布结果, which asks before it allocates
                yield FormField("alloc_date", "预约结果公布日期", value=f"{today:%Y-%m-%d}", max_length=DATE_LEN,
                                enter_presses="allocate")
            with Horizontal(classes="buttons"):
                yield Button("安排考试并公布结果", id="allocate", variant="warning")
            yield Plain("", classes="screen-error")
            yield Plain("", id="plan-message")

    def on_mount(self) -> None:
        self._fill()  # the header from the start
        self.call(exam_admin.sites, self.env, self.kiosk.staff, done=self._sites)
        self.set_interval(10, self._live)  # live counts

    def _sites(self, options: list[tuple[str, int]]) -> None:
        self.query_one("#site", Select).set_options(options)
        self.query_sessions()

    def _v(self, name: str) -> str:
        return self.query_one(f"#field-{name}", FormField).value

    def query_sessions(self, to_list: bool = False) -> None:
        """查询场次 with the dates typed; refused, the list goes (its rows would pass for those dates').
        ``to_list`` (the clerk's 查询场次, or Enter in a date): sessions found, the list has the focus on
        its first row, as 为群众办理's look-up puts it on its list (tester: it stayed in 到, Down did not
        reach the list); none found, it stays where it was, for other dates."""
        dates = (self._v("date_from"), self._v("date_to"))

        def loaded(rows: list[exam_admin.SessionRow]) -> None:
            self.queried = dates
            self._loaded(rows)
            table = self.query_one("#sessions", PlainTable)
            if to_list and table.row_count:
                table.move_cursor(row=0)
                table.focus()

        def refused(exc: DomainError) -> None:
            self.queried = None
            self._loaded([])
            self.show_error(exc)

        self.call(exam_admin.list_sessions, self.env, self.kiosk.staff, *dates, done=loaded, failed=refused)

    def reload(self) -> None:
        """After a save or an allocation: the list of the dates last queried (as the live refresh)."""
        if self.queried is None:
            self.query_sessions()
        else:
            self.call(exam_admin.list_sessions, self.env, self.kiosk.staff, *self.queried, done=self._loaded)

    def _live(self) -> None:
        """Refresh the counts of the dates last queried (not dates typed since, without 查询),
        without touching the form or its error messages."""
        dates = self.queried
        if self.busy or dates is None:
            return
        self.read_live(exam_admin.list_sessions, self.env, self.kiosk.staff, *dates,
                       done=lambda rows: self._live_loaded(dates, rows))

    def _live_loaded(self, dates: tuple[str, str], rows: list[exam_admin.SessionRow]) -> None:
        if dates == self.queried:  # not when another query (or a refused one) came in meanwhile
            self._loaded(rows)

    def _loaded(self, rows: list[exam_admin.SessionRow]) -> None:
        self.rows = {str(r.id): r for r in rows}
        self._fill()

    def _fill(self) -> None:
        """The rows in the columns that fit the page (again after a resize). Refilled in place: the
        live refresh keeps the row and the scroll the clerk is reading."""
        self.shown = refill_to_fit(self.query_one("#sessions", PlainTable), self.query_one(VerticalScroll), COLUMNS,
                                   [_cells(r) for r in self.rows.values()], list(self.rows), DROP_WHEN_NARROW)
        self.query_one("#applied-hint", Plain).update(hint(self.rows.values()))
        self._more()

    def _more(self) -> None:
        """Under the table, the highlighted session's columns that are left out, named with the
        session: 12-04 08:30 渝中考场 科目二：优先名额/已用 5/1，已申请 3，编号 12，车型 C1C2C5 (on
        two lines, after the session, when one does not fit)."""
        table = self.query_one("#sessions", PlainTable)
        left_out = [col for col in MORE_ORDER if col not in self.shown]
        r = None
        if left_out and table.row_count and table.is_valid_row_index(table.cursor_row):
            r = self.rows.get(str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value))
        text = ""
        if r is not None:
            cells = _cells(r)
            session = f"{r.exam_date:%m-%d} {r.start_time:%H:%M} {r.site} {r.subject_name}"
            more = "，".join(f"{COLUMNS[col]} {cells[col]}" for col in left_out)
            one_line = cell_len(f"{session}：{more}") <= room(self.query_one(VerticalScroll))
            text = f"{session}：{more}" if one_line else f"{session}：\n{more}"
        self.query_one("#session-more", ErrorLine).update(text)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._more()

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self._fill)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """A session chosen in the list fills the form to be changed; a new or changed session typed
        and not saved is asked about first, as 返回 and 新建 do (tester: a refused new session was gone
        without a word when Enter on the list chose a row)."""
        r = self.rows.get(str(event.row_key.value))
        if r is not None:
            self.leave(lambda: self._load(r), CHOOSE_QUESTION, "放弃并修改所选场次")

    def _load(self, r: exam_admin.SessionRow) -> None:
        self.editing, self.loaded = r.id, exam_admin.shown(r)
        self.query_one("#site", Select).value = r.site_id
        values = (f"{r.exam_date}", f"{r.start_time:%H:%M}", str(r.subject), r.classes, str(r.seats),
                  str(r.priority_quota), f"{r.opens_on}", f"{r.publish_on}")
        for name, value in zip(FORM_FIELDS, values):
            self.query_one(f"#field-{name}", FormField).value = value
        clear_messages(self)  # 请输入考试日期 stayed under the date filled in (tester)
        title = f"修改场次 {r.id}（{r.site} {r.exam_date} {r.subject_name}）："
        locked = exam_session_rules.locked(r.exam_date, r.start_time, self.env.clock.now())
        if locked is not None:  # the service refuses to save it (kiosk.services.exam_admin)
            said = locked[0].removeprefix("该场次")  # 考试日期已过，不能修改 / 考试已开始，不能修改
            title = f"查看场次 {r.id}（{r.site} {r.exam_date} {r.subject_name}）：{said}"
        else:  # to the form, at what is changed most, 考位数 (tester: the focus stayed on the list, 6 Tabs away)
            self.query_one("#input-seats", Input).focus()
        self.query_one("#form-title", Static).update(title)

    def _clear_form(self) -> None:
        """The form emptied with its messages (请输入考位数 under an empty field would pass for the next
        session's)."""
        self.editing = self.loaded = None
        for name in FORM_FIELDS:
            self.query_one(f"#field-{name}", FormField).value = "0" if name == "priority_quota" else ""
        clear_messages(self)
        self.query_one("#form-title", Static).update("新建场次（选中列表中的场次后可修改）：")

    def _discard(self) -> None:
        """新建（清空表单）: an empty form (``_clear_form``, its messages too), without the 考场 chosen.
        After a save the site stays chosen for the next session (``_clear_form`` alone)."""
        self._clear_form()
        self.query_one("#site", Select).clear()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        bid = event.button.id
        if bid in ("query", "new", "save", "allocate") and not self.busy:
            self._status("")  # the line of the last action would contradict this one's result or error
        if bid == "query":
            self.query_sessions(to_list=True)
        elif bid == "new":
            self.leave(self._discard, CLEAR_QUESTION, "放弃并清空")  # asks first when something is typed
        elif bid == "save":
            site = self.query_one("#site", Select).value
            form = exam_admin.SessionForm(site if isinstance(site, int) else None,
                                          *(self._v(n) for n in FORM_FIELDS), session_id=self.editing,
                                          loaded=self.loaded)
            self.call(exam_admin.save_session, self.env, self.kiosk.staff, form, done=self._saved,
                      failed=self._refused)
        elif bid == "allocate":
            self.call(exam_admin_results.allocation_preview, self.env, self.kiosk.staff, self._v("alloc_date"),
                      done=self._confirm_allocation)
        elif bid == "back":
            self.leave()

    def focus_field(self, field: str) -> None:
        """The site is a choice, not a FormField: it takes the focus itself when it is wrong. What
        concerns the session itself (its exam day has passed) is said under 保存场次 and brought
        into view; the focus stays where it was."""
        if field == "site":
            self.query_one("#site", Select).focus()
        elif field == "session":
            note = self.query_one("#error-session", Static)
            self.call_after_refresh(note.scroll_visible, animate=False)
        else:
            super().focus_field(field)

    def _status(self, text: str) -> None:
        line = self.query_one("#plan-message", Static)
        line.update(text)
        if text:  # below the last button: brought into view, at 120x40 it was under the bottom edge
            self.call_after_refresh(line.scroll_visible, animate=False)

    def _saved(self, row: exam_admin.SessionRow) -> None:
        self._status(
            f"已保存场次 {row.id}：{row.site} {row.exam_date} {row.start_time:%H:%M} {row.subject_name} "
            f"{row.classes} 考位{row.seats}{outside(row.exam_date, self.queried)}")
        self._clear_form()
        # The next session is typed from the top of the form (the site stays chosen), not from the
        # field Enter was pressed in (结果公布日期 was 6 BTabs away from 考试日期).
        self.query_one("#input-exam_date", Input).focus()
        self.reload()

    def _refused(self, exc: DomainError) -> None:
        """Said as any refusal, the form kept as typed. Changed by another counter since it was chosen
        (Conflict): the list is read again (as the live refresh, which keeps the message), so choosing
        the session there loads it as it is now."""
        self.show_error(exc)
        if isinstance(exc, Conflict):
            self._live()

    def _confirm_allocation(self, p) -> None:  # type: ignore[no-untyped-def]
        """Allocation closes booking and notifies every applicant at once: asked first."""
        if p.plans == 0:  # an earlier day still waiting is named (the date defaults to today)
            self._status(f"{nothing_to_allocate(p.date, p.allocated > 0)}。{earlier_text(p.earlier)}")
            return
        waiting = (f"涉及待安排的考试预约申请至多 {p.applications} 份" if p.applications
                   else "目前没有待安排的考试预约申请")
        question = (f"确认安排 {p.date:%Y-%m-%d} 公布结果的考试？\n\n"
                    f"考试计划 {p.plans} 个，场次 {p.sessions} 个；{waiting}。\n"
                    f"这些计划已于{p.date:%Y-%m-%d}零时截止网上预约；安排后，结果立即通过网办进度、短信和消息通知群众，"
                    "不能撤销。")
        if p.earlier:
            question += "\n\n" + earlier_text(p.earlier)
        day = f"{p.date:%Y-%m-%d}"

        def answered(yes: bool | None) -> None:
            if yes:
                self.call(exam_admin_results.run_allocation, self.env, self.kiosk.staff, day, done=self._allocated)

        self.app.push_screen(ConfirmDialog(question, "确认安排并公布"), callback=answered)

    def _allocated(self, report: AllocationReport) -> None:
        self._status(allocation_text(report))
        self.reload()


def _cells(r: exam_admin.SessionRow) -> tuple[str, ...]:
    """A session's row, in the order of COLUMNS."""
    return (str(r.id), f"{r.exam_date:%m-%d}", f"{r.start_time:%H:%M}", r.site, r.subject_name, r.state, r.classes,
            str(r.seats), f"{r.priority_quota}/{r.priority_taken}", str(r.applicants), str(r.placed),
            f"{r.publish_on:%m-%d}")
