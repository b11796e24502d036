"""考试成绩录入 → 批量导入: the per-line report speaks to the clerk about a file's line, as the
command line speaks to staff (收到3位), not to a citizen typing it (tester: 第4行 123,2,80：身份证号码
应为18位，您输入了3位)."""
from __future__ import annotations

from kiosk.services import exam_admin_results
from tests.integration.test_exam_results_audit import EXAMS


def _write(env, name: str, *lines: str) -> str:  # type: ignore[no-untyped-def]
    (exam_admin_results.import_folder(env) / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return name


def test_a_short_id_number_in_a_file_is_worded_for_staff(env) -> None:  # type: ignore[no-untyped-def]
    report = exam_admin_results.import_csv(env, EXAMS, _write(env, "r.csv", "123,2,80", "123,9,80"))
    assert [(e.line, e.message) for e in report.errors] == [
        (1, "身份证号码应为18位，收到3位"),
        (2, "身份证号码应为18位，收到3位；科目须为1到4（或科目一到科目四）"),  # every wrong cell, each for staff
    ]


def test_the_cli_and_the_import_share_one_wording() -> None:
    from kiosk.cli import elicence
    from kiosk.domain.errors import for_staff

    assert elicence.for_staff is for_staff


def test_a_line_of_another_day_is_refused_for_its_date_once_the_results_are_in(env) -> None:  # type: ignore[no-untyped-def]
    """Tester: 500105200105051763,2,90,2,2026-12-08 for a booking whose exam was on 12-07, its results
    all recorded, was refused as 已结束，成绩均已录入, where README says a line whose 考试日期 is not
    the booking's exam day is refused for that reason. A line of the exam day recorded keeps that reason."""
    from datetime import timedelta

    from tests.integration.test_exam_results_audit import _placed

    (p1, p2), row, publish = _placed(env, 2)
    exam_admin_results.run_allocation(env, EXAMS, f"{publish}")
    env.clock.advance(days=3)
    day, later = row.exam_date, row.exam_date + timedelta(days=1)
    first = exam_admin_results.import_csv(env, EXAMS, _write(
        env, "r.csv", f"{p1.id_number},2,95", f"{p2.id_number},2,60", f"{p2.id_number},2,70,2"))
    assert (first.saved, first.errors) == (3, [])  # both bookings closed: a pass, and a failed retake
    report = exam_admin_results.import_csv(env, EXAMS, _write(
        env, "again.csv",
        f"{p2.id_number},2,90,2,{later:%Y-%m-%d}",  # another day than the booking's
        f"{p1.id_number},2,80,1,{later:%Y-%m-%d}",
        f"{p1.id_number},2,80,1,{day:%Y-%m-%d}",  # the exam day, its result recorded (another score)
        f"{p1.id_number},2,80",  # no day given
    ))
    mismatch = f"该考生的科目二考试安排在{day:%Y-%m-%d}，与考试日期{later:%Y-%m-%d}不符，未录入"
    ended = "该考生最近一次科目二预约的考试已结束，成绩均已录入；再次考试须重新预约"
    assert [(e.line, e.message) for e in report.errors] == [(1, mismatch), (2, mismatch), (3, ended), (4, ended)]
    assert report.saved == 0
