"""`kiosk exam-result --booking` takes the 业务流水号 that screens, SMS and 网办进度 show (tester: only the
internal id worked, `--booking 2612030000000017` said 未找到该考试预约), and says it in its output; the
预约编号 (internal id) still names a booking without an application, as the 审计日志 does."""
from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from kiosk.__main__ import main
from kiosk.db.models import AuditEntry, Booking
from kiosk.services import allocation_service
from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import book, sessions


@pytest.fixture
def run(env, monkeypatch, capsys):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KIOSK_DATA_DIR", str(env.settings.data_dir))

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--db", env.settings.db_url, "--now", "2026-12-05T09:00", "exam-result", *args])
        said = capsys.readouterr()
        return code, said.out.strip(), said.err.strip().removeprefix("kiosk: ")

    return run


def _placed(env, p):  # type: ignore[no-untyped-def]
    """``p``'s 科目二 booking for 2026-12-04, placed: (its booking id, its 业务流水号)."""
    rows = sessions(env, p, 2, "2026-12-04", "2026-12-04")
    done = book(env, p, BookingRequest(2, "self", (rows[0].id,)))
    env.clock.advance(days=1)
    assert allocation_service.run(env, date(2026, 12, 2)).placed == 1
    return done.booking_id, done.serial_no


def _audit(env) -> list[str]:
    with env.db.read() as s:
        return list(s.scalars(select(AuditEntry.detail).where(AuditEntry.action == "exam_result")
                              .order_by(AuditEntry.id)))


def test_the_serial_names_the_booking_and_the_output_says_it(env, people, run) -> None:
    bid, serial = _placed(env, people["permit_expiring"])
    assert len(serial) == 16 and serial.isdigit() and serial != str(bid)
    code, out, err = run("--booking", serial, "--score", "70")
    assert (code, err) == (0, "")
    assert out.startswith(f"{serial} 第1次：考试时间2026-12-04 08:30，科目二考试成绩70分，不合格")
    assert "预约编号" not in out
    code, out, _ = run("--booking", f" {serial[:8]} {serial[8:]}", "--score", "95", "--retake", "--json")
    said = json.loads(out)
    assert code == 0 and (said["booking"], said["serial_no"], said["attempt"], said["passed"]) == (bid, serial, 2, True)
    assert _audit(env) == [f"{serial} 第1次 70分", f"{serial} 第2次 95分"]


def test_the_internal_id_still_names_a_booking_without_an_application(env, people, run) -> None:
    bid, _ = _placed(env, people["permit_expiring"])
    with env.db.write() as s:
        s.get(Booking, bid).application_id = None
    code, out, _ = run("--booking", str(bid), "--score", "70", "--json")
    assert code == 0 and json.loads(out)["serial_no"] is None
    code, out, _ = run("--booking", f"预约编号{bid}", "--score", "95", "--retake")
    assert code == 0 and out.startswith(f"预约编号{bid} 第2次：")
    assert _audit(env) == [f"预约编号{bid} 第1次 70分", f"预约编号{bid} 第2次 95分"]


def test_a_reference_that_names_no_exam_booking_says_which_it_is(env, people, run) -> None:
    _placed(env, people["permit_expiring"])
    assert run("--booking", "2612039999999999", "--score", "70")[::2] == (1, "未找到业务流水号为2612039999999999的业务")
    assert run("--booking", "9999", "--score", "70")[::2] == (1, "未找到预约编号为9999的考试预约（业务流水号为16位数字）")
    code, _, err = run("--booking", "26120300000000171", "--score", "70")  # 17 digits: neither
    assert code == 2 and err.startswith("--booking 须为16位业务流水号（无业务流水号的预约为其预约编号），收到")
    assert run("--booking", "abc", "--score", "70")[0] == 2
    assert _audit(env) == []


def test_the_help_names_the_serial(run, capsys) -> None:
    with pytest.raises(SystemExit):
        main(["exam-result", "--help"])
    text = capsys.readouterr().out
    assert "--booking 业务流水号" in text and "--booking 预约编号" not in text
