"""Step 选择场次: ranking, date range and exam site, 查询, mode, and the session table. This module holds
the step's fields and what was searched and chosen; the table (its columns and
marks) is in session_table, the focus and what is brought into view in session_focus, the search typed
and the request for 确认并提交 in session_request.

Enter (or a click) on a row toggles its mark in 自主选择场次; the priority table allows one. Under
服从系统安排 nothing is chosen: the table has no 选择 column, and Enter brings the line that says so
into view. Enter on 预约模式 moves the focus on to what comes next (``after_mode``), and so does a
查询 that finds sessions (the wizard's ``_found``).
Everything typed or marked is kept when the citizen goes back and forth, for the normal and the
priority mode each: switching from one to the other and back finds the last search and choices.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, RadioSet, Select, Static

from ....domain.clock import Clock
from ....domain.errors import DomainError
from ....domain.exam import SUBJECT_TITLES
from ....domain.typed import DATE_LEN
from ....services import booking_query as bq
from ....services.booking import example_range
from ...widgets.choice import Choice, Choices
from ...widgets.field import FormField
from ...widgets.plain import ErrorLine, Plain, PlainTable
from .session_dates import SessionDates, defaults
from .session_fields import DateField, SiteSelect
from .session_focus import SessionFocus
from .session_request import SessionRequest
from .session_table import SessionsMore, SessionTable
# CHANGED is named here too (tests: session_step.CHANGED)
from .session_text import CHANGED, PRIORITY_TEXT, QUERY_HINT, agreed_text, changed_text, hint_text, ranking_texts

__all__ = ["CHANGED", "Selection", "SessionStep"]


@dataclass
class Selection:
    """One mode's search and choices, kept while the other mode is shown."""

    rows: list[bq.SessionRow]
    marked: list[int]
    queried: tuple[date, date, int | None] | None
    result: bq.SessionQuery | None
    fields: tuple[str, str, object]  # 开始日期, 结束日期 as typed, and the site chosen


class SessionStep(SessionRequest, SessionTable, SessionFocus, SessionDates, Vertical):
    DEFAULT_CSS = """
    SessionStep { height: auto; }
    SessionStep #range { height: auto; }
    SessionStep #range > FormField { width: 1fr; max-width: 52; padding: 0 4 0 0; }  /* 48 for its message */
    SessionStep #range Input { width: 30; }
    SessionStep #site { width: 100%; margin: 0 0 1 0; }  /* as wide as what its open list covers */
    SessionStep #booked-subject { text-style: bold; height: auto; }
    SessionStep #notice-agreed { color: $text-muted; height: auto; }
    SessionStep #ranking { text-style: bold; color: $accent; height: auto; }
    SessionStep #sessions-alert { color: $error; text-style: bold; height: auto; }
    SessionStep #priority-row { height: auto; margin: 0 0 1 0; }
    SessionStep #to-priority { margin: 0 2 0 0; }
    SessionStep #priority-why { width: 1fr; }  /* its margin: kiosk.tcss (over .hint's) */
    """

    def __init__(self, clock: Clock, id: str | None = None) -> None:
        super().__init__(id=id)
        self.clock = clock  # the day may change while the wizard is open (SessionDates)
        self.today = clock.now().date()
        self.first_day: date | None = None  # read when the step opens for the subject (SessionDates)
        self.priority = False
        self.subject = 0
        self.rows: list[bq.SessionRow] = []
        self.marked: list[int] = []
        self.queried: tuple[date, date, int | None] | None = None
        self.last_query: bq.SessionQuery | None = None  # the last query's, for the ranking and the hint
        self.kept: dict[bool, Selection] = {}  # by priority: the other mode's selection, of this subject

    def compose(self) -> ComposeResult:
        yield Plain("", id="booked-subject")  # which subject the sessions are for (else said only at 确认并提交)
        agreed = Plain("", id="notice-agreed")  # a notice the wizard passed by, agreed to earlier (agreed_earlier)
        agreed.display = False
        yield agreed
        yield Plain(QUERY_HINT, id="query-how", classes="hint")  # what to do (优先预约: what it is first)
        # at the top (seed 001 step 3: a link for those who may): under a long table it went unseen
        with Horizontal(id="priority-row"):  # why it is offered beside it: no row taken from the sessions
            yield Button("切换至优先预约", id="to-priority", variant="warning")
            yield Plain("", id="priority-why", classes="hint")
        start, end = defaults(self.today, self.first_day)
        first, last = example_range(self.today)  # dates the query accepts today (follow_day: the next day's)
        with Horizontal(id="range"):
            yield DateField("date_from", "开始日期", example=first,
                            value=start, max_length=DATE_LEN, clock=self.clock,
                            enter_focuses="date_to")  # as in every form: Enter goes to the next field
            yield DateField("date_to", "结束日期", example=last,
                            value=end, max_length=DATE_LEN, clock=self.clock,
                            enter_presses="query")
        yield Label("考试场地（不选则查询全部考场）", classes="choice-label")
        yield SiteSelect([], prompt="全部考场", id="site")
        yield Button("查询", id="query", variant="primary")
        yield ErrorLine(id="query-error", classes="field-error")  # 下一步 refused: 查询 first
        yield Label("预约模式", classes="choice-label", id="mode-label")
        yield Choices(Choice("自主选择场次", value=True, name="self"), Choice("服从系统安排", name="system"),
                       id="mode")
        # The ranking over the sessions it was counted on (计划为下列考试场次...): in view with them
        yield Plain("", id="ranking")
        yield Plain("", id="ranking-rule", classes="hint")
        yield Plain("", id="sessions-hint", classes="hint")
        yield ErrorLine(id="sessions-alert", classes="field-error")  # about the sessions listed or chosen
        table = PlainTable(id="sessions", cursor_type="row", zebra_stripes=True, select_on_click=True)
        yield table
        yield SessionsMore(table, id="sessions-more")  # 下方还有内容 while sessions are below the table's edge
        with Horizontal(classes="buttons"):
            yield Button("上一步", id="prev-sessions")
            yield Button("下一步", id="next-sessions", variant="primary")

    def set_sites(self, sites: list[bq.SiteView]) -> None:
        self.query_one("#site", Select).set_options([(s.label, s.id) for s in sites])

    def configure(self, subject: int, priority: bool, priority_link: bool, why: str = "") -> None:
        """Entering the step: a new subject starts a new selection; the other mode of the same subject
        finds its own as it was left (or a new one), and the mode left keeps its own for a return."""
        if (subject, priority) != (self.subject, self.priority):
            other = subject != self.subject
            if other:
                self.kept = {}
            else:
                self.kept[self.priority] = self._selection()
            self.subject, self.priority = subject, priority
            self._restore(self.kept.pop(priority, None))
            if other:
                self.new_subject()  # its own default dates (SessionDates)
        self.follow_day()  # opened before midnight: untouched defaults from the day shown now
        self.query_one("#booked-subject", Static).update(
            f"预约科目：{SUBJECT_TITLES[subject]}" + ("    优先预约" if priority else ""))
        self.query_one("#query-how", Static).update(f"{PRIORITY_TEXT}\n{QUERY_HINT}" if priority else QUERY_HINT)
        self.query_one("#mode-label").display = not priority
        self.query_one("#mode", RadioSet).display = not priority
        # the link for one who may; for one who would but has used the subject's chance, the line why not
        self.query_one("#priority-row").display = bool(priority_link or why) and not priority
        self.query_one("#to-priority").display = priority_link and not priority
        self.query_one("#priority-why", Static).update(f"{why}。" if why else "")
        self.query_one("#priority-why").set_class(not priority_link, "-alone")  # no button's caption to line up with
        self._hint()
        self.call_after_refresh(self._recheck_dates)

    def agreed_earlier(self, steps: list[str]) -> None:
        """Say under the subject that the notices ``steps`` (their step names) were passed by, agreed to
        on this terminal before: the step bar went from 科目确认 to 选择场次 with no word (tester)."""
        line = self.query_one("#notice-agreed", Static)
        line.update(agreed_text(steps))
        line.display = bool(steps)  # no blank line when every notice was shown on the way

    def _recheck_dates(self) -> None:
        """A date typed wrong keeps its message when the step is shown again (every change of step
        clears the messages; the dates stay as typed, and go into 优先预约 with the citizen): it is
        said before 查询 is pressed, not only then."""
        if not self.is_attached:
            return
        for field in self.query(DateField):
            try:
                field.day()
            except DomainError as refused:
                field.set_error(refused.message, scroll=False)

    def _selection(self) -> Selection:
        fields = {f.field_name: f for f in self.query(FormField)}
        return Selection(self.rows, self.marked, self.queried, self.last_query,
                         (fields["date_from"].value, fields["date_to"].value, self.query_one("#site", Select).value))

    def _restore(self, kept: Selection | None) -> None:
        """Show ``kept`` (None: nothing searched yet, the dates as they stand)."""
        self.query_one("#sessions-alert", Static).update("")
        if kept is None:
            self.rows, self.marked, self.queried, self.last_query = [], [], None, None
        else:
            self.rows, self.marked, self.queried, self.last_query = kept.rows, kept.marked, kept.queried, kept.result
            fields = {f.field_name: f for f in self.query(FormField)}
            fields["date_from"].value, fields["date_to"].value = kept.fields[0], kept.fields[1]
            self.query_one("#site", Select).value = kept.fields[2]
        self._show_ranking()
        self._fill_table()

    @property
    def mode(self) -> str:
        if self.priority:
            return "priority"
        pressed = self.query_one("#mode", RadioSet).pressed_button
        return (pressed.name or "self") if pressed else "self"

    def show_result(self, result: bq.SessionQuery, args: tuple, explained: bool = False) -> None:
        """``explained``: queried again after 预约 was refused for the sessions chosen; the alert says
        why they went, so the line under the table does not say it again (之前选择的...已取消选择)."""
        changed = self.queried is not None and self.queried != (args[1], args[2], args[3])
        self.queried = (args[1], args[2], args[3])
        self.query_one("#sessions-alert", Static).update("")  # takes no line until there is something to say
        self.rows = result.rows
        keep = {r.id for r in result.rows}
        dropped = len([m for m in self.marked if m not in keep])
        self.marked = [m for m in self.marked if m in keep]
        self.last_query = result
        self._show_ranking()
        self._fill_table()
        # after a change of dates or site: the sessions chosen that the new list still has are said kept
        kept = len(self.marked) if changed and self.mode != "system" else 0
        self._hint(0 if explained else dropped, kept)

    def _show_ranking(self) -> None:
        ranking, rule = ranking_texts(None if self.stale() else self.last_query)  # not of other dates
        for line, text in (("#ranking", ranking), ("#ranking-rule", rule)):
            widget = self.query_one(line, Static)
            widget.update(text)
            widget.display = bool(text)  # no blank lines over the table before a query, nor for 优先预约

    def forget_result(self) -> None:
        """The last query's list and ranking go (a new one was refused); the sessions chosen are kept
        for a query that lists them again."""
        self.rows, self.queried, self.last_query = [], None, None
        self.query_one("#sessions-alert", Static).update("")
        self._show_ranking()
        self._fill_table()
        self._hint()

    def show_alert(self, message: str, moved: str = "", refused: DomainError | None = None) -> None:
        """A submission refused for the chosen sessions (the seat went to another kiosk): said right
        above the table the kiosk has just queried again, and scrolled into view; ``moved``: the dates
        changed for that query (SessionDates.move_past); ``refused``: that query was refused too (a
        date's message is next to the field; one for no field, 系统繁忙, is said here after why)."""
        alert = self.query_one("#sessions-alert", Static)
        lines = [f"{message.rstrip('。')}。"]
        if refused is None:
            lines.append(f"{moved}，已为您重新查询" if moved else "已为您重新查询")
            lines[-1] += "，下表为最新的可预约场次。"
        else:
            lines += [f"{moved}。"] if moved else []
            lines += [f"{refused.message.rstrip('。')}。"] if refused.field is None else []
        alert.update("\n".join(lines))
        alert.scroll_visible(animate=False, top=True)

    def _hint(self, dropped: int = 0, kept: int = 0) -> None:
        """What to do next; ``dropped``: sessions chosen on the last query that this one no longer lists;
        ``kept``: those it lists again, after a change of the dates or the site."""
        if self.stale():
            text = changed_text(len(self.marked) if self.mode != "system" else 0)
        else:
            text = hint_text(self.last_query, self.queried is not None, len(self.rows), len(self.marked), self.mode,
                             self.priority, dropped, kept)
        said = str(self.query_one("#query-error", Static).content)
        if said and text.startswith(f"{said}。"):  # 请先...【查询】 or 没有...场次 said under 查询: not twice
            text = text.removeprefix(f"{said}。").lstrip("\n")
        self.query_one("#sessions-hint", Static).update(text)

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        self.query_one("#sessions-alert", Static).update("")  # said of the other mode
        self._fill_table()
        self._hint()

    def on_input_changed(self, event: Input.Changed) -> None:
        """A date changed: 「时间段或考试场地已更改」 under 查询 goes (checked again at the next 下一步),
        and the last list with it when the dates no longer are those queried (``refresh_list``)."""
        self._query_error_gone()
        self.refresh_list()

    def on_select_changed(self, event: Select.Changed) -> None:
        self._query_error_gone()
        self.refresh_list()

    def refresh_list(self) -> None:
        """The dates or the site changed since the last 查询 (a day picked in the calendar, typed, or
        another site): its sessions, ranking and notes (您...已有其他科目的考试) are taken off the
        screen, and the line over the table says to press 【查询】 (tester: a 12-07 row could be chosen
        under dates that said 12-08). The sessions chosen stay chosen for a new 查询 that lists them
        again (said so). Changed back to what was queried, the list shows again."""
        if self.stale() == self.shown_stale:
            return
        if self.stale():
            self.query_one("#sessions-alert", Static).update("")  # about the list taken away
        self._show_ranking()
        self._fill_table()
        self._hint()

    def _query_error_gone(self) -> None:
        line = self.query_one("#query-error", Static)
        if str(line.content):
            line.update("")
            self._hint()  # 请先...【查询】 is said over the table again
