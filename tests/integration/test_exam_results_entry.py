"""考试成绩录入 (one by one and CSV) and ``kiosk exam-result``: every wrong field told at once, and a
result for a booking whose exam fee was never paid recorded all the same with a word to the clerk
(RULES.md and the seeds make no fee a condition of the exam)."""
from __future__ import annotations

import json
import re
from datetime import date

import pytest

from kiosk.__main__ import main
from kiosk.domain.errors import FieldErrors
from kiosk.services import allocation_service, exam_admin_results, fees
from kiosk.services.booking_submit import BookingRequest
from kiosk.services.exam_results import FEE_UNPAID
from kiosk.services.staff import StaffSession
from tests.booking_helpers import account_id, book, sessions

EXAMS = StaffSession("J1003", "赵考务", ("exam_admin",))


def _placed(env, p) -> int:  # type: ignore[no-untyped-def]
    """``p``'s 科目二 booking for the first 2026-12-04 session, placed; the clock after the exam."""
    rows = sessions(env, p, 2, "2026-12-04", "2026-12-04")
    done = book(env, p, BookingRequest(2, "self", (rows[0].id,)))
    env.clock.advance(days=1)
    assert allocation_service.run(env, date(2026, 12, 2)).placed == 1
    env.clock.advance(days=2, hours=2)
    return done.booking_id


def test_every_wrong_field_is_told_at_once_in_the_forms_order(env) -> None:
    with pytest.raises(FieldErrors) as refused:
        exam_admin_results.record_one(env, EXAMS, "500103199901301658", "5", "101", "3")
    assert [f for f, _ in refused.value.problems] == ["id_number", "subject", "score", "attempt"]
    assert "校验位不正确" in refused.value.problems[0][1]


def test_a_csv_line_lists_every_wrong_cell(env) -> None:
    folder = exam_admin_results.import_folder(env)
    (folder / "bad.csv").write_text("500103199901301658,5,101\n", encoding="utf-8")
    report = exam_admin_results.import_csv(env, EXAMS, "bad.csv")
    message = report.errors[0].message
    assert "校验位不正确" in message and "科目须为1到4" in message and "成绩须为0到100" in message


def test_an_unpaid_fee_is_told_to_the_clerk_and_a_paid_one_is_not(env, people) -> None:
    p = people["permit_expiring"]
    booking = _placed(env, p)
    first = exam_admin_results.record_one(env, EXAMS, p.id_number, "2", "60", "1")
    assert first.booking_status == "placed" and first.warning == FEE_UNPAID
    assert FEE_UNPAID not in first.message  # the citizen's note and SMS do not carry it
    fees.pay(env, account_id(env, p), booking, fees.DemoPaymentGateway())
    retake = exam_admin_results.record_one(env, EXAMS, p.id_number, "2", "95", "2")
    assert retake.passed and retake.warning == ""


def test_a_csv_import_lists_the_saved_lines_with_an_unpaid_fee(env, people) -> None:
    p = people["permit_expiring"]
    _placed(env, p)
    (exam_admin_results.import_folder(env) / "r.csv").write_text(f"{p.id_number},2,95,1\n", encoding="utf-8")
    report = exam_admin_results.import_csv(env, EXAMS, "r.csv")
    assert report.saved == 1 and not report.errors
    assert [(w.line, w.message) for w in report.warnings] == [(1, FEE_UNPAID)]


def test_the_cli_says_the_fee_is_unpaid_and_keeps_its_json(env, people, monkeypatch, capsys) -> None:
    monkeypatch.setenv("KIOSK_DATA_DIR", str(env.settings.data_dir))
    p = people["permit_expiring"]
    booking = _placed(env, p)
    now = env.clock.now().isoformat(timespec="minutes")
    assert main(["--db", env.settings.db_url, "--now", now, "exam-result", "--booking", str(booking),
                 "--score", "60"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert re.match(r"\d{16} 第1次：", out[0]) and out[1] == f"注意：{FEE_UNPAID}"  # its 业务流水号
    assert main(["--db", env.settings.db_url, "--now", now, "exam-result", "--booking", str(booking),
                 "--score", "95", "--retake", "--json"]) == 0
    said = capsys.readouterr()
    assert set(json.loads(said.out)) == {"booking", "serial_no", "attempt", "passed", "score", "no_show",
                                         "booking_status", "message"}
    assert said.err.strip() == f"注意：{FEE_UNPAID}"


def test_the_import_folder_is_private(env) -> None:
    """<data dir>/imports holds CSVs with ID numbers and scores: made 0700 like certificates, keys and
    photos (files.private_folder), not 0755 by a plain mkdir."""
    folder = exam_admin_results.import_folder(env)
    assert folder.is_dir() and folder.stat().st_mode & 0o777 == 0o700
