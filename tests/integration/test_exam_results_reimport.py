"""考试成绩录入 → 批量导入, a file imported again once its bad lines are fixed (tester: the lines saved
the first time came back as errors, 该考生最近一次科目二预约的考试已结束，成绩均已录入, while the
screen promises 同一文件重复导入不会重复录入). A line whose result is recorded just as it says it (the
same candidate, subject, attempt, score and, when given, exam day) is skipped and counted apart; a line
that differs from what is recorded is still refused, and nothing is recorded twice."""
from __future__ import annotations

from sqlalchemy import func, select

from kiosk.db.models import AuditEntry, ExamResult
from kiosk.services import exam_admin_results
from tests.integration.test_exam_results_audit import EXAMS, _placed


def _write(env, name: str, *lines: str) -> str:
    (exam_admin_results.import_folder(env) / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return name


def _results(env) -> int:
    with env.db.read() as s:
        return s.scalar(select(func.count(ExamResult.id)))


def test_lines_recorded_by_an_earlier_import_are_skipped_not_refused(env) -> None:
    (p1, p2, p3, p4, p5), row, publish = _placed(env, 5)
    exam_admin_results.run_allocation(env, EXAMS, f"{publish}")
    env.clock.advance(days=3)
    day = f"{row.exam_date:%Y-%m-%d}"
    good = [f"{p1.id_number},2,95",  # a pass: the booking ends
            f"{p2.id_number},科目二,60,1",  # a fail: the booking waits for the retake
            f"{p3.id_number},2,缺考,1,{day}"]  # a no-show, with the exam day
    first = _write(env, "r.csv", "身份证号码,科目,成绩,考试次数,考试日期", *good,
                   f"{p4.id_number},2,8x", f"{p5.id_number},2,101")
    report = exam_admin_results.import_csv(env, EXAMS, first)
    assert (report.saved, report.skipped, [e.line for e in report.errors]) == (3, 0, [5, 6])
    recorded = _results(env)
    again = exam_admin_results.import_csv(env, EXAMS, first)  # as it was: only its bad lines are told
    assert (again.total, again.saved, again.skipped, [e.line for e in again.errors]) == (5, 0, 3, [5, 6])
    fixed = _write(env, "r2.csv", "身份证号码,科目,成绩,考试次数,考试日期", *good,
                   f"{p4.id_number},2,88", f"{p5.id_number},2,59")
    report = exam_admin_results.import_csv(env, EXAMS, fixed)
    assert (report.saved, report.skipped, report.errors) == (2, 3, [])
    assert _results(env) == recorded + 2  # nothing recorded twice
    with env.db.read() as s:
        detail = s.scalar(select(AuditEntry.detail).where(AuditEntry.action == "exam_results_import")
                          .order_by(AuditEntry.id.desc()).limit(1))
    assert "共5行，保存2行，已录入过3行，有误0行" in detail


def test_a_line_unlike_the_result_recorded_is_still_refused(env) -> None:
    (p1, p2, p3), row, publish = _placed(env, 3)
    exam_admin_results.run_allocation(env, EXAMS, f"{publish}")
    env.clock.advance(days=3)
    day = row.exam_date
    exam_admin_results.import_csv(env, EXAMS, _write(env, "r.csv", f"{p1.id_number},2,95", f"{p2.id_number},2,60",
                                                     f"{p3.id_number},2,缺考"))
    recorded = _results(env)
    report = exam_admin_results.import_csv(env, EXAMS, _write(
        env, "other.csv",
        f"{p1.id_number},2,96",  # another score
        f"{p2.id_number},2,61",  # another first score (the booking still waits for the retake)
        f"{p3.id_number},2,80,1",  # a score where 缺考 is recorded
        f"{p1.id_number},2,95,2",  # another attempt
        f"{p1.id_number},2,95,1,{day.replace(day.year - 1)}",  # another day
        f"{p2.id_number},2,60",  # as recorded (考试次数 left out: 1): skipped
    ))
    assert (report.saved, report.skipped, [e.line for e in report.errors]) == (0, 1, [1, 2, 3, 4, 5])
    assert report.errors[0].message == "该考生最近一次科目二预约的考试已结束，成绩均已录入；再次考试须重新预约"
    assert report.errors[1].message.startswith("该考生本次预约的第1次考试成绩已录入（60分，")
    retake = exam_admin_results.import_csv(env, EXAMS, _write(env, "retake.csv", f"{p2.id_number},2,60,2"))
    assert (retake.saved, retake.skipped) == (1, 0)  # the retake's own score, equal to the first: saved
    assert _results(env) == recorded + 1
