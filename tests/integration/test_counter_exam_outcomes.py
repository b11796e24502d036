"""A learner's finished bookings, as the counter's citizen file and the citizen's own booking lists
(取消考试预约, 考试费缴纳, 预约凭证) show them: each says how it ended as the citizen's 网办进度 says it
(考试合格 / 考试不合格 / 缺考, not 考试已结束), and a fifth failed 科目二 booking is said as 科目确认
says it (the file's ``exams.void``), so the clerk can tell the learner to apply again. 科目确认
after a no-show says 缺考, not 考试和补考均不合格."""
from __future__ import annotations

import pytest

from kiosk.domain.errors import DomainError
from kiosk.services import applications, booking_query, booking_records, counter_citizen, exam_results
from kiosk.services.staff import StaffSession
from tests.booking_helpers import account_id
from tests.ui.test_booking_records import placed_on_12_04

VOID = "科目二已预约考试5次均不合格，其他已考合格的科目成绩作废，请重新申请机动车驾驶证"
CLERK = StaffSession("J1001", "王警官", ("counter",))


def _outcomes(env, staff, aid: int):  # type: ignore[no-untyped-def]
    """What the counter's file of ``aid`` says of its five-fail limit (read with the rest of it)."""
    return counter_citizen.load(env, staff, aid).exams


def _statuses(env, aid: int, bid: int) -> set[str]:  # type: ignore[no-untyped-def]
    """How booking ``bid`` reads in the counter's file and in the citizen's own lists."""
    counter = next(b for b in counter_citizen.load(env, CLERK, aid).bookings if b.id == bid)
    mine = next(b for b in booking_records.my_bookings(env, aid) if b.id == bid)
    return {counter.status_text, mine.status_text, booking_records.booking(env, aid, bid).status_text}


def _progress(env, aid: int, serial: str) -> str:  # type: ignore[no-untyped-def]
    """The status 网办进度 shows for the application ``serial``."""
    return next(a.status_text for a in applications.list_for(env, aid) if a.serial_no == serial)


def _placed(env, p):  # type: ignore[no-untyped-def]
    """``p``'s 科目二 booking placed in the 2026-12-04 08:30 session, the clock at 11:00 that day."""
    aid = account_id(env, p)
    _, done = placed_on_12_04(env, p)
    bid = next(b.id for b in booking_records.my_bookings(env, aid) if b.serial_no == done.serial_no)
    env.clock.advance(days=2, hours=2)
    return aid, bid, done.serial_no


def test_a_fifth_failed_booking_is_said_with_its_result_and_the_void_permit(env, people):
    aid, bid, serial = _placed(env, people["four_fails"])  # 郭涛: four failed 科目二 bookings
    assert _outcomes(env, CLERK, aid).void == ""
    header = booking_query.overview(env, aid).permit_text
    assert header.startswith("学习驾驶证明有效期至") and "作废" not in header
    exam_results.record(env, bid, score=60, attempt=1)
    exam_results.record(env, bid, score=70, attempt=2)
    outcomes = _outcomes(env, CLERK, aid)
    assert booking_query.overview(env, aid).permit_text == header + "（已作废）"  # 考试预约's header
    assert booking_records.booking(env, aid, bid).status == "done"
    assert _statuses(env, aid, bid) == {"考试不合格"} == {_progress(env, aid, serial)}
    assert outcomes.void == VOID and all(o.reason == VOID for o in booking_query.overview(env, aid).subjects)


def test_a_no_show_reads_缺考_at_the_counter_and_in_科目确认(env, people):
    aid, bid, serial = _placed(env, people["permit_expiring"])  # 王芳: 科目一 passed, 科目二 to take
    exam_results.record(env, bid, no_show=True, attempt=1)
    assert _statuses(env, aid, bid) == {"缺考"} == {_progress(env, aid, serial)}
    assert _outcomes(env, CLERK, aid).void == ""
    k2 = next(o for o in booking_query.overview(env, aid).subjects if o.subject == 2)
    assert k2.reason == "科目二本次预约考试缺考（按不合格处理），须10日后重新预约，2026年12月14日起可以预约"


def test_a_pass_reads_考试合格_and_a_booking_still_open_keeps_its_own_words(env, people):
    aid, bid, serial = _placed(env, people["permit_expiring"])
    exam_results.record(env, bid, score=70, attempt=1)  # failed, the retake still to come: placed
    assert booking_records.booking(env, aid, bid).status == "placed"
    assert _statuses(env, aid, bid) == {"预约成功（未缴费）"}
    exam_results.record(env, bid, score=90, attempt=2)
    assert _statuses(env, aid, bid) == {"考试合格"} == {_progress(env, aid, serial)}


def test_only_the_counter_reads_the_outcomes(env, people):
    with pytest.raises(DomainError):
        _outcomes(env, None, account_id(env, people["four_fails"]))
