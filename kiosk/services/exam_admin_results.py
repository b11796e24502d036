"""考试管理: run the publication-day allocation (the service behind ``kiosk allocate``) and
record exam results one by one or from a CSV file (kiosk.services.exam_results does each one).

CSV: one candidate per line, ``身份证号码,科目,成绩[,考试次数[,考试日期]]`` where 科目 is 1-4 (or
科目一..科目四), 成绩 is 0-100 or 缺考, 考试次数 is 1 (初考, also when empty or missing) or 2 (补考),
and 考试日期 (optional) the exam's day, checked against the booking's; a header line and blank
lines are skipped. Every good line is saved in its own transaction; a bad line is reported with
its number and reason and changes nothing. A file imported twice saves nothing the second time:
a file whose every line was saved before is refused whole (its SHA-256 is in the audit entry),
and otherwise each line whose result is recorded as it says it (the same candidate, subject,
attempt, score and, when given, exam day) is skipped, counted apart (已录入过), so a file imported
again once its bad lines are fixed reports only what is still wrong; a line that differs from what
is recorded is refused (第1次考试成绩已录入). With 考试日期, an old file can never be recorded
against a citizen's newer booking.
"""
from __future__ import annotations

import csv
import hashlib
import io
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select

from ..db.models import AuditEntry
from ..domain.errors import DomainError, FormProblems, for_staff
from ..domain.ids import normalize_id_number
from ..domain.typed import date_or_error, half_width, required_date
from . import allocation_service, audit, exam_results, files
from .allocation_preview import Preview, preview
from .date_examples import format_text
from .env import Env
from .permissions import EXAM, actor, authorise
from .staff import StaffSession

log = logging.getLogger("kiosk.services")
MAX_BYTES = 5 * 1024 * 1024
NO_SHOW = ("缺考", "no-show", "noshow")
SUBJECTS = {"1": 1, "2": 2, "3": 3, "4": 4, "科目一": 1, "科目二": 2, "科目三": 3, "科目四": 4}


@dataclass(frozen=True)
class LineError:
    line: int
    text: str
    message: str


@dataclass
class ImportReport:
    total: int = 0
    saved: int = 0
    skipped: int = 0  # lines whose result was recorded already, as they say it (imported before)
    blank: list[int] = field(default_factory=list)  # the numbers of empty lines (,, too), not in total
    errors: list[LineError] = field(default_factory=list)
    warnings: list[LineError] = field(default_factory=list)  # saved lines the clerk should know about (unpaid fee)


def _check(env: Env, staff: StaffSession | None, doing: str) -> str:
    with env.db.read() as s:
        return authorise(s, env, staff, *EXAM, doing=doing)


def _alloc_day(env: Env, day_text: str) -> date:
    """The format message names today, a publication day allocation runs on (the field's own value).
    Nothing typed is asked for by name, 请输入预约结果公布日期, as the other date fields ask (it was
    told the format, tester)."""
    return required_date(day_text, "alloc_date", "预约结果公布日期",
                         format_text(env.clock.now().date(), "预约结果公布日期"))


def example_exam_date(today: date) -> date:
    """A 考试日期 a result may give ``today``, in the import's help and the format message: today's
    (a result is recorded on the exam's day or after)."""
    return today


def allocation_preview(env: Env, staff: StaffSession | None, day_text: str) -> Preview:
    """What 安排考试并公布结果 would take up on that day, asked before it runs."""
    _check(env, staff, "查看待安排的考试预约")
    try:
        return preview(env, _alloc_day(env, day_text))
    except DomainError as e:
        raise DomainError(e.message, "alloc_date") from None


def run_allocation(env: Env, staff: StaffSession | None, day_text: str) -> allocation_service.AllocationReport:
    role = _check(env, staff, audit.action_name("exam_allocate"))
    day = _alloc_day(env, day_text)
    report = allocation_service.run(env, day, actor=actor(staff), role=role)  # type: ignore[arg-type]
    if report.plans == 0:  # nothing allocated, so run() wrote nothing: the clerk's attempt is still logged
        with env.db.write() as s:
            audit.record(s, env, actor=actor(staff), role=role, action="exam_allocate",  # type: ignore[arg-type]
                         detail=allocation_service.audit_text(report))
    return report


def parse_score(text: str) -> tuple[int | None, bool]:
    """'85' -> (85, False); '缺考' -> (None, True)."""
    text = text.strip()
    if text.lower() in NO_SHOW:
        return None, True
    try:
        score = int(half_width(text))
    except ValueError:
        score = -1
    if not 0 <= score <= 100:  # before the candidate is looked up: the form's own mistake first
        raise DomainError("成绩须为0到100的整数，缺考请填写：缺考", "score")
    return score, False


def parse_subject(text: str) -> int:
    subject = SUBJECTS.get(half_width(text).strip())
    if subject is None:
        raise DomainError("科目须为1到4（或科目一到科目四）", "subject")
    return subject


def record_one(env: Env, staff: StaffSession | None, id_number: str, subject_text: str,
               score_text: str, attempt_text: str = "") -> exam_results.Recorded:
    role = _check(env, staff, audit.action_name("exam_result"))
    return _record(env, staff, role, id_number, subject_text, score_text, attempt_text)


@dataclass(frozen=True)
class ResultForm:
    """One result as typed (the form's fields, or a CSV line), checked."""
    subject: int
    score: int | None
    no_show: bool
    attempt: int
    day: date | None  # 考试日期, when given


def read_form(env: Env, id_number: str, subject_text: str, score_text: str, attempt_text: str,
              date_text: str = "") -> ResultForm:
    """Every wrong field is told at once, in the form's order (FieldErrors), before the candidate is
    looked up (here and in the question before 录入成绩: kiosk.services.exam_result_check)."""
    problems = FormProblems()
    problems.check(normalize_id_number, id_number, today=env.clock.now().date())
    subject = problems.check(parse_subject, subject_text)
    scored = problems.check(parse_score, score_text)
    attempt = problems.check(exam_results.parse_attempt, attempt_text)
    example = example_exam_date(env.clock.now().date())
    day = problems.check(date_or_error, date_text, "exam_date",
                         f"考试日期须为 {example:%Y-%m-%d} 这样的日期") if date_text.strip() else None
    problems.raise_found()
    assert subject is not None and scored is not None and attempt is not None
    return ResultForm(subject, scored[0], scored[1], attempt, day)


def _record(env: Env, staff: StaffSession | None, role: str, id_number: str, subject_text: str,
            score_text: str, attempt_text: str, date_text: str = "") -> exam_results.Recorded:
    form = read_form(env, id_number, subject_text, score_text, attempt_text, date_text)
    booking_id = exam_results.find_booking(env, id_number, form.subject, form.day)  # a day of no booking: said so
    return exam_results.record(env, booking_id, score=form.score, no_show=form.no_show, attempt=form.attempt,
                               exam_date=form.day, actor=actor(staff), role=role)


def import_folder(env: Env) -> Path:
    """Where CSV files are put for import (besides a USB stick): ``<data dir>/imports``, made if missing
    open to the kiosk's user only (files.private_folder, as certificates, keys and photos): the files
    carry ID numbers and scores (a plain mkdir made it 0755)."""
    folder = Path(env.settings.data_dir) / "imports"
    try:
        files.private_folder(folder)
    except OSError:  # a read-only data folder: the import then takes files from a USB stick only
        pass
    return folder


def outside_imports(env: Env) -> str:
    return f"只能导入 {import_folder(env)} 文件夹或U盘（/media、/mnt）中的CSV文件"


def read_csv(env: Env, path_text: str) -> tuple[list[tuple[int, list[str]]], str, list[int]]:
    """The lines of a CSV file in the import folder or on removable media (kiosk.services.files),
    the SHA-256 of its bytes, and the numbers of its empty lines (nothing in any cell: ,, too),
    skipped and said in the report: a typed path never reaches the kiosk's own files (its signing
    keys) or the rest of the system."""
    if not path_text.strip():
        raise DomainError("请输入CSV文件路径", "csv_path")
    typed = Path(path_text.strip()).expanduser()
    folder = import_folder(env)
    path = files.within(typed if typed.is_absolute() else folder / typed, [folder])  # a bare name: in the folder
    if path is None:
        raise DomainError(outside_imports(env), "csv_path")
    if path.is_dir():
        raise DomainError("这是一个文件夹，请输入其中CSV文件的完整路径", "csv_path")
    if path.suffix.lower() not in (".csv", ".txt"):
        raise DomainError("只能导入CSV文件（文件名以.csv或.txt结尾）", "csv_path")
    if not path.is_file():
        raise DomainError("未找到该文件，请检查路径", "csv_path")
    if path.stat().st_size > MAX_BYTES:
        raise DomainError("文件超过5MB，请分批导入", "csv_path")
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise DomainError("无法识别文件编码，请另存为UTF-8编码的CSV文件", "csv_path")
    rows, blank = [], []
    for number, cells in enumerate(csv.reader(io.StringIO(text)), start=1):
        cells = [c.strip() for c in cells]
        if not any(cells):  # an empty line, or one of commas only (,,): said, not silently left out (tester)
            blank.append(number)
        elif not (number == 1 and not cells[0][:1].isdigit()):  # not the header
            rows.append((number, cells))
    return rows, hashlib.sha256(raw).hexdigest(), blank


def _outcome(errors: int, digest: str) -> str:
    """The end of an import's audit entry: how many lines were refused, and which file it was."""
    return f"有误{errors}行 SHA256:{digest[:16]}"


def _imported_before(env: Env, digest: str) -> None:
    """Refuse a file (with lines) whose every line an earlier import saved (the same bytes)."""
    with env.db.read() as s:
        at = s.scalar(select(AuditEntry.at).where(AuditEntry.action == "exam_results_import",
                                                  AuditEntry.detail.contains(_outcome(0, digest)))
                      .order_by(AuditEntry.id.desc()).limit(1))
    if at is not None:
        raise DomainError(f"该文件已于{at:%Y-%m-%d %H:%M}导入，各行均已保存，未重复导入；"
                          "如有新的成绩，请放在新的文件中导入", "csv_path")


def _line(cells: list[str]) -> tuple[str, ...]:
    """A line's five cells (身份证号码, 科目, 成绩, 考试次数, 考试日期), the optional ones empty."""
    return (*cells[:3], *(cells[3:] + ["", ""])[:2])


def _recorded_before(env: Env, cells: list[str]) -> bool:
    """A refused line whose result is recorded already, just as the line says it (exam_results.recorded_already)."""
    if not 3 <= len(cells) <= 5:
        return False
    try:
        form = read_form(env, *_line(cells))
        return exam_results.recorded_already(env, cells[0], form.subject, form.attempt, form.score, form.no_show,
                                             form.day)
    except DomainError:  # a line with a wrong cell is no result recorded
        return False
    except Exception:  # noqa: BLE001 - the line is then reported as refused
        log.exception("exam result import: looking for a recorded result")
        return False


def import_csv(env: Env, staff: StaffSession | None, path_text: str,
               progress: Callable[[int, int], None] | None = None) -> ImportReport:
    """Save the good lines, report the bad ones; ``progress(done, total)`` after each line."""
    role = _check(env, staff, audit.action_name("exam_results_import"))
    rows, digest, blank = read_csv(env, path_text)
    if rows:  # an empty file saves nothing, whenever it is imported
        _imported_before(env, digest)
    report = ImportReport(total=len(rows), blank=blank)
    for done, (number, cells) in enumerate(rows, start=1):
        try:
            if not 3 <= len(cells) <= 5:  # another count may mean a shifted column: the wrong number as the score
                raise DomainError(f"每行须有3到5列：身份证号码,科目,成绩[,考试次数[,考试日期]]（该行有{len(cells)}列）")
            recorded = _record(env, staff, role, *_line(cells))
            report.saved += 1
            if recorded.warning:
                report.warnings.append(LineError(number, ",".join(cells)[:80], recorded.warning))
        except DomainError as exc:
            if _recorded_before(env, cells):  # saved by an earlier import of the file: nothing to do
                report.skipped += 1
            else:  # str: every wrong cell of the line (FieldErrors), not only the first; said to the clerk
                # about a line nobody typed at the counter (收到3位, not 您输入了3位), as the CLI says it
                report.errors.append(LineError(number, ",".join(cells)[:80], for_staff(str(exc))))
        except Exception:  # noqa: BLE001 - one broken line never stops the others
            log.exception("exam result import: line %s", number)
            report.errors.append(LineError(number, ",".join(cells)[:80], "系统错误，该行未保存，请稍后单独录入"))
        if progress:
            progress(done, report.total)
    with env.db.write() as s:
        audit.record(s, env, actor=actor(staff), role=role, action="exam_results_import",  # type: ignore[arg-type]
                     detail=f"{Path(path_text.strip()).name} 共{report.total}行，保存{report.saved}行，"
                            f"已录入过{report.skipped}行，" + _outcome(len(report.errors), digest))
    return report
