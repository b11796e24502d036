"""Counter exam administration in the audit log: one allocation entry, by the clerk (the CLI's by
system), and per-result entries with the staff role, named by the 业务流水号; CSV lines with other than 3 or 4 columns refused; a file
imported twice records nothing the second time (the attempt is said, 考试次数; a line recorded as it
says it is skipped)."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from kiosk.db.models import AuditEntry
from kiosk.domain.errors import DomainError
from kiosk.services import allocation_service, exam_admin_results
from kiosk.services.booking_submit import BookingRequest
from kiosk.services.staff import StaffSession
from tests.booking_helpers import add_learners, book, sessions

EXAMS = StaffSession("J1003", "赵考务", ("exam_admin",))


def _entries(env, action: str) -> list[tuple[str, str]]:
    with env.db.read() as s:
        return [(a, r) for a, r in s.execute(select(AuditEntry.actor, AuditEntry.role)
                                             .where(AuditEntry.action == action).order_by(AuditEntry.id))]


def _placed(env, n: int):
    people = add_learners(env, n)
    today = env.clock.now().date()
    row = sessions(env, people[0], 2, f"{today + timedelta(days=11)}", f"{today + timedelta(days=20)}")[0]
    for person in people:
        book(env, person, BookingRequest(2, "self", (row.id,)))
    publish = row.exam_date - timedelta(days=2)
    env.clock.advance(days=(publish - today).days)
    return people, row, publish


def test_counter_allocation_and_results_are_logged_once_by_the_clerk_with_the_role(env, tmp_path) -> None:
    (p, p2, p3), row, publish = _placed(env, 3)
    before = len(_entries(env, "exam_allocate"))
    assert exam_admin_results.run_allocation(env, EXAMS, f"{publish}").placed >= 3
    assert _entries(env, "exam_allocate")[before:] == [("staff:J1003", "exam_admin")]
    env.clock.advance(days=3)
    exam_admin_results.record_one(env, EXAMS, p.id_number, "2", "95")
    csv_file = exam_admin_results.import_folder(env) / "r.csv"
    csv_file.write_text(f"{p2.id_number},2,95,1,2026-12-04,extra\n{p3.id_number},2,95\n{p2.id_number},2\n", encoding="utf-8")
    report = exam_admin_results.import_csv(env, EXAMS, str(csv_file))
    assert report.saved == 1 and [e.line for e in report.errors] == [1, 3]
    assert report.errors[0].message == "每行须有3到5列：身份证号码,科目,成绩[,考试次数[,考试日期]]（该行有6列）"
    assert _entries(env, "exam_result") == [("staff:J1003", "exam_admin")] * 2


def test_cli_allocation_is_logged_once_by_system(env) -> None:
    _, _, publish = _placed(env, 1)
    before = len(_entries(env, "exam_allocate"))
    allocation_service.run(env, publish)
    assert _entries(env, "exam_allocate")[before:] == [("system", "")]


def test_a_file_imported_twice_is_not_taken_for_the_retakes(env) -> None:
    """The tester's case: the same results file imported twice used to record every score again as
    the retake, closing the bookings. Now the second import saves nothing and says why; a retake
    is saved only with 考试次数 2 (or 补考), and never before the first attempt."""
    (p, p2, p3), row, publish = _placed(env, 3)
    exam_admin_results.run_allocation(env, EXAMS, f"{publish}")
    env.clock.advance(days=3)
    first = exam_admin_results.import_folder(env) / "first.csv"
    first.write_text(f"身份证号码,科目,成绩\n{p.id_number},2,70\n{p2.id_number},科目二,70,1\n", encoding="utf-8")
    assert exam_admin_results.import_csv(env, EXAMS, "first.csv").saved == 2
    with pytest.raises(DomainError, match="各行均已保存，未重复导入") as err:  # the same file: refused whole
        exam_admin_results.import_csv(env, EXAMS, "first.csv")
    assert err.value.field == "csv_path"
    copy = exam_admin_results.import_folder(env) / "copy.csv"  # the same lines in another file: line by line,
    copy.write_text(first.read_text(encoding="utf-8").replace("身份证号码", "证件号码")  # those recorded skipped
                    + f"{p.id_number},2,95\n", encoding="utf-8")  # a retake score without 考试次数: refused
    again = exam_admin_results.import_csv(env, EXAMS, "copy.csv")
    assert (again.saved, again.skipped, [e.line for e in again.errors]) == (0, 2, [4])
    assert again.errors[0].message.startswith("该考生本次预约的第1次考试成绩已录入（70分，")
    assert "考试次数请填2" in again.errors[0].message
    retakes = exam_admin_results.import_folder(env) / "retakes.csv"
    retakes.write_text(f"{p.id_number},2,95,2\n{p2.id_number},2,60,补考\n{p3.id_number},2,90,2\n", encoding="utf-8")
    report = exam_admin_results.import_csv(env, EXAMS, "retakes.csv")
    assert report.saved == 2 and [e.line for e in report.errors] == [3]
    assert report.errors[0].message == "该考生本次预约还没有第1次考试成绩，请先录入第1次成绩（考试次数填1）"
    r = exam_admin_results.record_one(env, EXAMS, p3.id_number, "2", "90", "")
    assert (r.attempt, r.passed) == (1, True)
    # a file with a refused line may be imported again (once fixed elsewhere); its saved lines are not saved twice
    assert exam_admin_results.import_csv(env, EXAMS, "retakes.csv").saved == 0


def test_an_exam_date_in_the_file_keeps_an_old_line_off_a_newer_booking(env) -> None:
    """考试日期 (5th column) must be the booking's exam day: a line of an earlier exam is refused."""
    (p, p2), row, publish = _placed(env, 2)
    exam_admin_results.run_allocation(env, EXAMS, f"{publish}")
    env.clock.advance(days=3)
    day = f"{row.exam_date:%Y-%m-%d}"
    (exam_admin_results.import_folder(env) / "dated.csv").write_text(
        f"{p.id_number},2,95,1,{day}\n{p2.id_number},2,95,1,2026-11-20\n{p2.id_number},2,95,,{day[:4]}年{day[5:7]}月\n",
        encoding="utf-8")
    report = exam_admin_results.import_csv(env, EXAMS, "dated.csv")
    assert report.saved == 1 and [e.line for e in report.errors] == [2, 3]
    assert report.errors[0].message == f"该考生的科目二考试安排在{day}，与考试日期2026-11-20不符，未录入"
    assert report.errors[1].message == f"考试日期须为 {env.clock.now():%Y-%m-%d} 这样的日期"  # today


def test_a_results_audit_entry_names_the_serial_the_clerk_sees_not_the_booking_id(env) -> None:
    """Tester: 录入考试成绩 read 预约编号13 第1次 75分, an id no clerk sees. Now the entry names the
    application's 业务流水号, from the form and from a CSV file alike; 预约编号 only for a booking
    without an application."""
    from kiosk.db.models import Application, Booking
    from tests.booking_helpers import account_id
    (p, p2, p3), row, publish = _placed(env, 3)
    exam_admin_results.run_allocation(env, EXAMS, f"{publish}")
    env.clock.advance(days=3)
    ids = [account_id(env, who) for who in (p, p2, p3)]
    with env.db.write() as s:
        bookings = [s.scalar(select(Booking).where(Booking.account_id == aid, Booking.subject == 2)) for aid in ids]
        serial = [s.get(Application, b.application_id).serial_no for b in bookings]
        bare = bookings[2].id
        bookings[2].application_id = None
    exam_admin_results.record_one(env, EXAMS, p.id_number, "2", "75")
    (exam_admin_results.import_folder(env) / "r.csv").write_text(
        f"{p2.id_number},2,缺考\n{p3.id_number},2,90\n", encoding="utf-8")
    assert exam_admin_results.import_csv(env, EXAMS, "r.csv").saved == 2
    with env.db.read() as s:
        details = list(s.scalars(select(AuditEntry.detail).where(AuditEntry.action == "exam_result")
                                 .order_by(AuditEntry.id)))
    assert details == [f"{serial[0]} 第1次 75分", f"{serial[1]} 第1次 缺考", f"预约编号{bare} 第1次 90分"]
    assert len(serial[0]) == 16 and serial[0].isdigit()
