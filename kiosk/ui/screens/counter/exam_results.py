"""考试成绩录入 (考试管理): one candidate at a time, or a whole CSV file with a progress bar and
a per-line error report (the good lines are saved)."""
from __future__ import annotations

import logging

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, DataTable, ProgressBar, Static

from ....domain.errors import DomainError, sentence
from ....services import exam_admin_results, exam_result_check, exam_results
from ....services.exam_admin_results import ImportReport
from ...base import KioskScreen
from ...dialogs.confirm import ConfirmDialog
from ...widgets.field import FormField
from ...widgets.fit import refill_to_fit
from ...widgets.header import KioskHeader
from ...widgets.page import Page
from ...widgets.plain import Plain, PlainTable

log = logging.getLogger("kiosk.ui")


# Why 考试次数 says 2 after a failed first attempt, and how the next candidate gets 1
RETAKE_NEXT = "考试次数已填2，可接着录入该考生的补考成绩；录入其他考生时输入其身份证号码，考试次数即恢复为1。"


# Candidates still to have a result recorded (today's, and those of earlier days whose result was
# never recorded, after today's); on a narrow terminal 考场, then 时间, are left out (the date stays:
# it tells a missed day's candidate from today's)
AWAITING_COLUMNS = ("日期", "时间", "考场", "科目", "考试次数", "姓名", "身份证号码")
AWAITING_DROP = (2, 1)


def _awaiting_cells(a: exam_result_check.Awaiting) -> tuple[str, ...]:
    # 时间: when the attempt due is taken, as the question before 录入成绩 says it (a retake's is later)
    return (f"{a.exam_date:%Y-%m-%d}", f"{a.at:%H:%M}", a.site, a.subject_name,
            "2（补考）" if a.attempt == 2 else "1（初考）", a.name, a.id_number)


def _awaiting_title(found: exam_result_check.AwaitingDay) -> str:
    day = f"今日（{found.day:%Y-%m-%d}）"
    if not found.rows:
        return f"{day}及此前{exam_result_check.EARLIER_DAYS}天内没有待录入成绩的考生。"
    more = f"（仅列出前{len(found.rows)}人）" if found.more else ""
    choose = "：选择一行，即填入其身份证号码、科目和考试次数。"
    if not found.earlier:
        return f"{day}待录入成绩的考生 {len(found.rows)} 人{more}{choose}"
    return (f"待录入成绩的考生 {len(found.rows)} 人（含以前日期未录入的 {found.earlier} 人，列在今日之后）"
            f"{more}{choose}")


def _candidate(id_number: str, subject: str) -> tuple[str, str]:
    return "".join(id_number.split()).upper(), subject.strip()


class ExamResultsScreen(KioskScreen):
    # What 录入成绩 did, or why it did not, set apart from the 批量导入 part under it by a blank line
    DEFAULT_CSS = """
    ExamResultsScreen #record-result.said { margin: 0 0 1 0; }
    ExamResultsScreen #awaiting, ExamResultsScreen #awaiting-title.alone { margin: 0 0 1 0; }
    """
    awaiting: dict[str, exam_result_check.Awaiting] = {}  # the rows listed, by booking id
    DRAFT_FIELDS = ("id_number", "subject", "score", "attempt")  # one result being typed in
    # (ID number, subject) whose first attempt failed and whose retake may be entered next, if any
    retake_for: tuple[str, str] | None = None
    _attempt_for: tuple[str, str] = ("", "")  # the candidate and subject 考试次数 was filled in for
    _said: tuple[Text, ...] = ()  # the lines under 录入成绩 now

    def compose(self) -> ComposeResult:
        yield KioskHeader("考试成绩录入")
        with Page(classes="form wide"):  # a Tab stop only while it has more to show
            yield Plain("逐个录入：输入考生身份证号码（或在下方待录入成绩的考生中选择）、科目（1-4）、成绩（0-100，"
                        "缺考填写：缺考）和考试次数（1初考，2补考）。首次不合格可参加本次预约的补考，录入补考成绩时考试次数填2。",
                        classes="hint")
            with Horizontal(classes="row"):
                yield FormField("id_number", "考生身份证号码", max_length=18, digits=True)
                yield FormField("subject", "科目", max_length=3)
                yield FormField("score", "成绩", max_length=3, digits=True)
                yield FormField("attempt", "考试次数", max_length=2, digits=True, value="1",
                                select_on_focus=True)  # Tab in, 2 typed: 2, not 12 (as 优先预约名额)
            with Horizontal(classes="buttons"):
                yield Button("录入成绩", id="record", variant="primary")
            yield Plain("", id="record-result")
            yield Plain("", id="awaiting-title")
            table = PlainTable(id="awaiting", cursor_type="row", select_on_click=True)
            table.display = False  # shown once there are candidates to list
            yield table
            yield Plain(self._import_help(), classes="hint", id="import-hint")
            yield FormField("csv_path", "CSV文件路径", placeholder="如 results.csv 或 /media/usb/results.csv",
                            max_length=300)
            with Horizontal(classes="buttons"):
                yield Button("导入文件", id="import", variant="primary")
                yield Button("返回", id="back")
            bar = ProgressBar(id="import-progress", show_eta=False)
            bar.display = False  # shown once an import starts: idle, it would animate as if busy
            yield bar
            yield Plain("", classes="screen-error")
            yield Plain("", id="import-report")

    def _import_help(self) -> str:
        """批量导入's help, its 考试日期 example of the clock's day now (as a refused line's message names it)."""
        example = exam_admin_results.example_exam_date(self.env.clock.now().date())
        return ("批量导入：CSV文件每行为 身份证号码,科目,成绩,考试次数,考试日期（可有标题行；考试次数1为初考、"
                f"2为补考，不填即为初考；考试日期如 {example:%Y-%m-%d}，填写后须与考生的考试日期一致）。正确的行会保存，"
                "错误的行逐行列出原因；同一文件重复导入不会重复录入（此前录入过的行跳过）。"
                f"文件请放在 {exam_admin_results.import_folder(self.env)} 文件夹（只输入文件名即可）或U盘中。")

    def _show_example(self) -> None:
        """The help's example of the day again (an import, a save, the screen back on top): left open past
        midnight, it named the day before's, and a refused line's message today's."""
        hint, text = self.query_one("#import-hint", Static), self._import_help()
        if str(hint.render()) != text:  # unchanged: no new layout (the page keeps its scroll)
            hint.update(text)

    def on_screen_resume(self) -> None:  # opened, or back on top (KioskScreen's handler runs too)
        self._read_awaiting()

    def _read_awaiting(self) -> None:
        """The candidates still to have a result (again after each save or import). Asked for by the
        clerk (the screen opened, a save): a deactivated clerk is signed out at once."""
        self._show_example()
        self.read_live(exam_result_check.awaiting, self.env, self.kiosk.staff, done=self._list_awaiting)

    def _list_awaiting(self, found: exam_result_check.AwaitingDay) -> None:
        self.awaiting = {str(a.booking_id): a for a in found.rows}
        self.query_one("#awaiting-title", Static).update(_awaiting_title(found))
        self._fill_awaiting()
        self._recheck_retake(found)

    def _recheck_retake(self, found: exam_result_check.AwaitingDay) -> None:
        """The retake the form invites (RETAKE_NEXT, 考试次数 2) no longer due by the list just read (a CSV
        import recorded it, or another terminal did): the hint goes, and the form filled in for it is
        emptied, 考试次数 back to 1 (what is typed for someone else stays). A list cut at MAX_AWAITING
        may just not show the candidate: nothing is concluded from it."""
        key = self.retake_for
        if key is None or found.more or any(
                a.attempt == 2 and _candidate(a.id_number, str(a.subject)) == key for a in found.rows):
            return
        self.retake_for = None
        self._say(*(line for line in self._said if line.plain != RETAKE_NEXT))
        if _candidate(self._v("id_number"), self._v("subject")) == key:
            for name in ("id_number", "subject", "score"):
                self.query_one(f"#field-{name}", FormField).value = ""
            self._prefill(("", ""))
            for f in self.draft_fields():  # an empty form: nothing typed to lose
                f.settle()

    def _fill_awaiting(self) -> None:
        table = self.query_one("#awaiting", PlainTable)
        table.display = bool(self.awaiting)
        self.query_one("#awaiting-title", Static).set_class(not self.awaiting, "alone")  # no list under it
        refill_to_fit(table, self.query_one(VerticalScroll), AWAITING_COLUMNS,
                      [_awaiting_cells(a) for a in self.awaiting.values()], list(self.awaiting), AWAITING_DROP)

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self._fill_awaiting)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """A candidate chosen: their ID number, subject and 考试次数 in the form, the score next."""
        a = self.awaiting.get(str(event.row_key.value))
        if a is None:
            return
        self.query_one("#field-id_number", FormField).value = a.id_number
        self.query_one("#field-subject", FormField).value = str(a.subject)
        key = _candidate(a.id_number, str(a.subject))
        if a.attempt == 2:  # the first attempt failed: its retake is due, as after saving it here
            self.retake_for = key
        self._prefill(key)
        self.query_one("#field-score", FormField).focus_input()

    def _v(self, name: str) -> str:
        return self.query_one(f"#field-{name}", FormField).value

    def on_input_changed(self, event) -> None:  # type: ignore[no-untyped-def]
        """Another candidate or subject, however it got there (typed, pasted, or its change arriving
        once the field was left): their first attempt, not the last one's retake nor a 2 typed for
        someone else; 2 again only for the candidate and subject whose retake is due."""
        if event.input.id in ("input-id_number", "input-subject"):
            key = _candidate(self._v("id_number"), self._v("subject"))
            if key != self._attempt_for:
                self._prefill(key)

    def _prefill(self, key: tuple[str, str]) -> None:
        """考试次数 for the candidate and subject ``key``: 2 for the retake due, else 1."""
        self._attempt_for = key
        self.query_one("#field-attempt", FormField).value = "2" if key == self.retake_for else "1"

    def on_input_submitted(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.input.id == "input-csv_path":
            self.start_import()
        else:
            self.record()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "record":
            self.record()
        elif event.button.id == "import":
            self.start_import()
        elif event.button.id == "back":
            self.leave()

    def record(self) -> None:
        """Asked first (a result cannot be changed once recorded): the candidate, subject, attempt,
        score and verdict read back; what would be refused is said before the question."""
        self._say()  # no earlier result beside a new error
        typed = (self._v("id_number"), self._v("subject"), self._v("score"), self._v("attempt"))
        self.call(exam_result_check.preview_one, self.env, self.kiosk.staff, *typed,
                  done=lambda p: self._confirm_record(p, typed), failed=self._record_failed)

    def _confirm_record(self, p: exam_result_check.Pending, typed: tuple[str, str, str, str]) -> None:
        kind = "补考" if p.attempt == 2 else "初考"
        exam = (f"考试时间：{p.exam}\n" if p.exam else "") + (f"考场：{p.site}\n" if p.site else "")
        unpaid = f"注意：{exam_results.FEE_UNPAID}。\n" if p.unpaid else ""
        question = (f"确认录入以下考试成绩？\n\n考生：{p.candidate}\n科目：{p.subject}\n{exam}"
                    f"考试次数：第{p.attempt}次（{kind}）\n成绩：{p.verdict}\n\n{unpaid}成绩录入后不能修改，请核对。")

        def answered(yes: bool | None) -> None:
            if yes:
                self.call(exam_admin_results.record_one, self.env, self.kiosk.staff, *typed, done=self._recorded,
                          failed=self._record_failed)

        self.app.push_screen(ConfirmDialog(question, "确认录入", "返回修改"), callback=answered)

    def _record_failed(self, exc: DomainError) -> None:
        """Next to its field, or next to 录入成绩 (not under the CSV part further down)."""
        if exc.field:
            self.show_error(exc)
        else:
            self._say(Text(sentence(exc.message), style="red"))

    def _say(self, *lines: Text) -> None:
        """What 录入成绩 did (each line a sentence), under its button; nothing: cleared."""
        self._said = lines
        said = self.query_one("#record-result", Static)
        said.update(Text("\n").join(lines))
        said.set_class(bool(lines), "said")

    def _recorded(self, r) -> None:  # type: ignore[no-untyped-def]
        colour = "green" if r.passed else "red"
        retake = r.booking_status == "placed"  # a failed first attempt: the same candidate's retake may come next
        # r.message: the 网办进度 note; said as the citizen's inbox says it (exam_results.result_message)
        lines = [Text(f"已录入（第{r.attempt}次）：{r.candidate}，{exam_results.result_message(r.message)}", colour)]
        if r.warning:  # recorded all the same; the clerk is told (an unpaid exam fee), as the question told it
            lines.append(Text(f"注意：{sentence(r.warning)}", "bold yellow"))
        if retake:
            lines.append(Text(RETAKE_NEXT))
        self._say(*lines)
        self._read_awaiting()  # the candidate leaves the list, or is due for the retake
        self.query_one("#field-score", FormField).value = ""
        if not retake:  # the booking ended: the next result is another candidate's, typed into an empty field
            self.query_one("#field-id_number", FormField).value = ""
        key = _candidate(self._v("id_number"), self._v("subject"))
        self.retake_for = key if retake else None
        self._prefill(key)
        for f in self.draft_fields():  # recorded: what stays in the form is saved, not a draft
            f.settle()
        # As RETAKE_NEXT says: this candidate's retake score next (ID number and subject kept, 考试次数 2);
        # else the next candidate's ID number. The cursor is at the end of the field, nothing selected.
        self.query_one("#field-score" if retake else "#field-id_number", FormField).focus_input()

    def start_import(self) -> None:
        self._show_example()
        bar = self.query_one("#import-progress", ProgressBar)
        bar.update(total=None, progress=0)
        bar.display = True
        self.query_one("#import-report", Static).update("正在导入，请稍候")

        def progress(done: int, total: int) -> None:
            try:
                self.app.call_from_thread(bar.update, total=total, progress=done)
            except Exception:  # the screen or the app is gone (closing): the import itself goes on
                log.debug("import progress not shown", exc_info=True)

        self.call(exam_admin_results.import_csv, self.env, self.kiosk.staff, self._v("csv_path"), progress,
                  done=self._imported, failed=self._import_failed)

    def _import_failed(self, exc) -> None:  # type: ignore[no-untyped-def]
        self.query_one("#import-progress", ProgressBar).display = False
        self.query_one("#import-report", Static).update("")
        self.show_error(exc)

    def _imported(self, report: ImportReport) -> None:
        bar = self.query_one("#import-progress", ProgressBar)
        bar.update(total=max(report.total, 1), progress=max(report.total, 1))
        skipped = f"已录入过 {report.skipped} 行（跳过），" if report.skipped else ""
        lines = [Text(f"共 {report.total} 行：已保存 {report.saved} 行，{skipped}错误 {len(report.errors)} 行。"
                      f"{blank_text(report.blank)}")]
        lines += [Text.assemble((f"第{e.line}行", "red"), f" {e.text}：{e.message}") for e in report.errors]
        lines += [Text.assemble((f"第{e.line}行", "bold yellow"), f" {e.text}：已保存；注意：{e.message}")
                  for e in report.warnings]
        report_line = self.query_one("#import-report", Static)
        report_line.update(Text("\n").join(lines))
        # In view from its top, the page focused to read on with the arrow keys (80x24: only the bar
        # showed, the report under it off the screen, and Tab did not reach it: tester)
        self.call_after_refresh(self.query_one(Page).read_from, report_line)
        self._read_awaiting()


BLANK_NAMED = 5  # the empty lines named by number at most


def blank_text(blank: list[int]) -> str:
    """The file's empty lines (,, too), which the count leaves out: 另有空行 1 行（第7行），已跳过。
    ('' for none). A line of commas only was skipped unsaid, and 共 5 行 of a 6-line file read as a
    line lost (tester)."""
    if not blank:
        return ""
    named = "、".join(str(n) for n in blank[:BLANK_NAMED]) + ("等" if len(blank) > BLANK_NAMED else "")
    return f"另有空行 {len(blank)} 行（第{named}行），已跳过。"
