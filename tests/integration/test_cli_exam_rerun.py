"""`kiosk exam-result` run again for a result already recorded: refused, nothing recorded, and the
README quotes what it says in each case (it quoted 第1次考试成绩已录入 for a booking the first result
had ended, where the command says 该预约不是待考状态)."""
from __future__ import annotations


import pytest

from kiosk.__main__ import main
from kiosk.config import PROJECT_ROOT
from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import book, sessions

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


@pytest.fixture
def booked(env, people, monkeypatch, capsys):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KIOSK_DATA_DIR", str(env.settings.data_dir))
    person = people["permit_expiring"]
    target = sessions(env, person, 2, "2026-12-04", "2026-12-04", priority=True)[0]
    booking = book(env, person, BookingRequest(2, "priority", (target.id,))).booking_id

    def record(*what: str, by_id: bool = False) -> tuple[int, str]:
        who = ["--id-number", person.id_number, "--subject", "2"] if by_id else ["--booking", str(booking)]
        code = main(["--db", env.settings.db_url, "--now", "2026-12-04T15:00", "exam-result", *who, *what])
        return code, capsys.readouterr().err.strip().removeprefix("kiosk: ")

    return record


def _quoted(said: str) -> bool:
    return f"`{said}`" in README


def test_after_a_failed_first_attempt_the_second_run_says_it_is_recorded(booked) -> None:  # type: ignore[no-untyped-def]
    assert booked("--score", "70")[0] == 0
    for by_id in (False, True):
        code, said = booked("--score", "70", by_id=by_id)
        assert code == 1 and said.startswith("该考生本次预约的第1次考试成绩已录入（70分，")
        assert _quoted(said), said


@pytest.mark.parametrize("first", [("--score", "90"), ("--no-show",)])
def test_after_a_result_that_ended_the_booking_it_is_closed(booked, first) -> None:  # type: ignore[no-untyped-def]
    assert booked(*first)[0] == 0
    code, said = booked(*first)
    assert code == 1 and said == "该预约不是待考状态（须为预约成功且尚未结束），不能录入成绩" and _quoted(said)
    code, said = booked(*first, by_id=True)
    assert code == 1 and said == "该考生最近一次科目二预约的考试已结束，成绩均已录入；再次考试须重新预约" and _quoted(said)


@pytest.mark.parametrize("by_id", [False, True], ids=["booking", "id-number"])
def test_a_score_out_of_range_is_refused_before_any_booking_is_looked_up(booked, by_id: bool) -> None:  # type: ignore[no-untyped-def]
    """--id-number 500103199901301657 --subject 3 --score 101 said 该考生没有已安排的科目三考试 (tester):
    the score is the command's own value, checked in both forms before the booking is looked up."""
    assert booked("--score", "101", by_id=by_id) == (1, "考试成绩应为0到100之间的整数")
    assert booked("--score", "-1", by_id=by_id) == (1, "考试成绩应为0到100之间的整数")


def test_a_score_out_of_range_for_a_subject_not_booked_is_refused_for_the_score(env, people, monkeypatch, capsys):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KIOSK_DATA_DIR", str(env.settings.data_dir))
    person = people["permit_expiring"]
    assert main(["--db", env.settings.db_url, "--now", "2026-12-04T15:00", "exam-result", "--id-number",
                 person.id_number, "--subject", "3", "--score", "101"]) == 1
    assert capsys.readouterr().err.strip() == "kiosk: 考试成绩应为0到100之间的整数"


def test_an_exam_time_that_names_no_day_is_told_so(booked) -> None:  # type: ignore[no-untyped-def]
    assert booked("--score", "70", "--at", "2026-02-30T09:00") == (
        2, "--at 2026年2月只有28天，收到 '2026-02-30T09:00'")
    assert booked("--score", "70", "--at", "2026-12-04T25:00") == (
        2, "--at 须为 2026-12-04T08:30 这样的时间，收到 '2026-12-04T25:00'")
