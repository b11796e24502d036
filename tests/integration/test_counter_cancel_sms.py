"""The SMS and message after a counter cancellation say it once: 「已在车管所窗口取消。申请人于
2026-12-03 09:39在车管所窗口取消优先预约。」 said the same thing twice. The time and the ranking
sentence stay; a paid fee's promise sits between them.

Tester (王芳's 科目三 priority booking cancelled at the counter): the booking's message was titled
科目三优先考试预约（预约成功）, its cancellation 科目三考试预约（已取消） and the SMS spoke of 您的科目三优先预约,
three names for one booking; and 排序时间已变为本次取消的时间 gave no time where the kiosk's own
cancellation says （2026-12-03 09:32）. Now named as when it was made, in the kiosk's sentence."""
from __future__ import annotations

from sqlalchemy import select

from kiosk.db.models import Account, AuditEntry
from kiosk.domain.ranking import ranking_time
from kiosk.services import applications, counter_bookings, counter_citizen, fees, messaging
from kiosk.services.booking import load_facts
from tests.booking_helpers import account_id
from tests.integration.test_booking_lifecycle import placed_booking
from tests.integration.test_counter_cancel_reason import _Bank
from tests.integration.test_counter_services import CLERK, _priority_booking


def _phone(env, aid: int) -> str:  # type: ignore[no-untyped-def]
    with env.db.read() as s:
        return s.scalar(select(Account.phone).where(Account.id == aid))


def test_the_cancellation_is_said_once_with_its_time_and_the_ranking(env, people) -> None:
    p, _row, done = _priority_booking(env, people)
    aid = account_id(env, p)
    booking_id = next(b.id for b in counter_citizen.load(env, CLERK, aid).bookings if b.priority)
    result = counter_bookings.cancel(env, CLERK, aid, booking_id, "本人申请")
    now = f"{env.clock.now():%Y-%m-%d %H:%M}"
    expected = (f"您的科目二优先考试预约（业务流水号{done.serial_no}）已在车管所窗口取消。"
                f"您科目二考试预约的排序时间已变为本次取消预约的时间（{now}），重新预约时按此时间排序。")
    assert messaging.inbox(env, aid)[0].body == expected
    made = messaging.inbox(env, aid)[1]  # the booking's own message names it so
    assert made.title == "科目二优先考试预约（预约成功）" and "您的科目二优先考试预约（业务流水号" in made.body
    assert messaging.inbox(env, aid)[0].title == "科目二优先考试预约（已取消）"
    sms = messaging.outbox(env, _phone(env, aid), limit=1)[0].body
    assert sms.endswith(expected) and sms.count("窗口取消") == 1 and sms.count(now) == 1
    # 网办进度 and the clerk: the kiosk's third-person sentence (其...), the time in it
    note = f"申请人于{now}在车管所窗口取消预约。其科目二考试预约的排序时间已变为本次取消预约的时间（{now}），"
    assert applications.list_for(env, aid)[0].events[-1].note.startswith(note) and result.message.startswith(note)


def test_the_ranking_time_said_is_the_one_the_next_booking_gets(env, people) -> None:
    """RULES.md ranking rule (3): a successful booking cancelled, priority too, ranks by the cancellation."""
    p, _row, _done = _priority_booking(env, people)
    aid = account_id(env, p)
    booking_id = next(b.id for b in counter_citizen.load(env, CLERK, aid).bookings if b.priority)
    env.clock.advance(minutes=7)
    counter_bookings.cancel(env, CLERK, aid, booking_id, "本人申请")
    with env.db.read() as s:
        f = load_facts(s, aid)
    at = ranking_time(2, f.permit.accepted_at, f.attempts, f.bookings).at
    assert at == env.clock.now() and f"（{at:%Y-%m-%d %H:%M}）" in messaging.inbox(env, aid)[0].body


def test_a_paid_fees_promise_comes_before_the_ranking(env, people) -> None:
    p = people["permit_expiring"]
    aid, bid = account_id(env, p), placed_booking(env, p)
    fees.pay(env, aid, bid)
    counter_bookings.cancel(env, CLERK, aid, bid, "考生本人申请", _Bank())
    body = messaging.inbox(env, aid)[1].body  # [0]: the bank's 已原路退回
    assert body.count("窗口取消") == 1 and "已缴纳的考试费150元将予退还。" in body
    assert body.index("将予退还") < body.index("排序时间已变为本次取消预约的时间（")


def test_the_audit_entry_and_the_clerk_name_the_booking_as_its_sms_does(env, people) -> None:
    """The 审计日志 said 优先预约 (counter_bookings' own word) and the clerk heard 考试预约已取消 while
    the citizen's SMS named 科目二优先考试预约: one name now (booking_cancelled.booking_name), the
    entry's 预约编号 token kept (where_cancelled finds the cancellation by it)."""
    p, _row, done = _priority_booking(env, people)
    aid = account_id(env, p)
    booking_id = next(b.id for b in counter_citizen.load(env, CLERK, aid).bookings if b.priority)
    result = counter_bookings.cancel(env, CLERK, aid, booking_id, "本人申请")
    assert result.name == "科目二优先考试预约"
    with env.db.read() as s:
        detail = s.scalars(select(AuditEntry.detail).where(AuditEntry.action == "exam_cancel_counter")).one()
    assert detail == f"{done.serial_no} 预约编号{booking_id} 科目二优先考试预约 事由：本人申请"
    assert "在车管所窗口" in counter_bookings.cancelled_note(env, CLERK, aid, booking_id)
