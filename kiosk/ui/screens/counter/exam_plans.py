"""考试计划与安排 (考试管理): sessions with live counts, create or edit a session and its plan's
booking window, and run the publication-day allocation for a date. The list of sessions (SessionList)
is in exam_plans_list."""
from __future__ import annotations

from datetime import timedelta

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, DataTable, Input, Select, Static

from ....domain.errors import Conflict, DomainError
from ....domain.typed import DATE_LEN, TIME_LEN
from ....services import exam_admin, exam_admin_results, exam_session_rules
from ....services.allocation_preview import earlier_text, nothing_to_allocate
from ....services.allocation_service import AllocationReport
from ...base import CLEAR_QUESTION, KioskScreen
from ...dialogs.confirm import ConfirmDialog
from ...widgets.date_field import example_placeholder
from ...widgets.field import FormField
from ...widgets.header import KioskHeader
from ...widgets.page import Page
from ...widgets.plain import ErrorLine, Plain, PlainTable
from .dashboard import APPLIED_HINT
from .exam_plans_form import FORM_FIELDS, SessionField, SiteChoice, clear_messages
from .exam_plans_list import COLUMNS, SessionList
from .exam_plans_text import allocation_text, changed, outside

CHOOSE_QUESTION = "填写的内容尚未保存，修改所选场次后不会保留。\n\n确定放弃并修改所选场次吗？"


class ExamPlansScreen(SessionList, KioskScreen):
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
            # the dates filled in are selected as the focus comes, typed over as 优先预约名额's 0 (2026-12-10
            # typed went after 2026-12-03: 2026-12-0320, the rest cut by the length limit)
            with Horizontal(classes="row"):
                yield FormField("date_from", "场次日期从", value=f"{today:%Y-%m-%d}", max_length=DATE_LEN,
                                enter_presses="query", select_on_focus=True)
                yield FormField("date_to", "到", value=f"{today + timedelta(days=7):%Y-%m-%d}", max_length=DATE_LEN,
                                enter_presses="query", select_on_focus=True)
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
                yield SessionField("exam_date", "考试日期", max_length=DATE_LEN,  # one a new plan may have today
                                   placeholder=example_placeholder(exam_session_rules.example_plan(today)["exam_date"]))
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
                                enter_presses="allocate", select_on_focus=True)  # today's typed over, as 场次日期从
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
        locked = exam_session_rules.locked(r.exam_date, r.start_time, self.env.clock.now(), r.allocated)
        if locked is not None:  # the service refuses to save it (kiosk.services.exam_admin)
            said = locked[0].removeprefix("该场次")  # 考试日期已过，不能修改 / ... / 该计划已安排考试，不能修改
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
            self._show_example()
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

    def _show_example(self) -> None:
        """考试日期's example (如 2026-12-08) of the clock's day now, the one a refused save names (the
        service works it out as it refuses): left open past midnight, the screen showed the day before's."""
        example = exam_session_rules.example_plan(self.env.clock.now().date())["exam_date"]
        self.query_one("#input-exam_date", Input).placeholder = example_placeholder(example)

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
            f"{row.classes} 考位{row.seats}{changed(self.loaded, row)}{outside(row.exam_date, self.queried)}")
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
        self._said_after_load = True
        self.reload()

    _said_after_load = False  # the line under the buttons to be brought into view again once the list is read

    def _loaded(self, rows: list[exam_admin.SessionRow]) -> None:
        """The list read again after an allocation may have grown above the line that says what
        it did, and pushed it under the bottom edge again (CI, 120x40): in view once more."""
        super()._loaded(rows)
        if self._said_after_load:
            self._said_after_load = False
            self.call_after_refresh(self.query_one("#plan-message", Static).scroll_visible, animate=False)
