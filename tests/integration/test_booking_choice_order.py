"""自主选择场次 with the chosen sessions published on different days: each day's allocation sees only
that day's plans, so a session published earlier is given before one chosen first but published
later. 确认并提交 says so and lists the sessions in the order they are tried (tester: 胡斌 chose
12-09 渝中考场 first, 12-08 second, was told 按所选顺序 and given 12-08)."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from kiosk.db.models import Booking, ExamPlan, ExamSession
from kiosk.services import allocation_service, booking_submit
from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import account_id, book, sessions


def publish_on(env, ids) -> dict[int, date]:
    with env.db.read() as s:
        return dict(s.execute(select(ExamSession.id, ExamPlan.publish_on).join(ExamPlan)
                              .where(ExamSession.id.in_(ids))).all())


def line(summary, key: str) -> str:
    return next(v for k, v in summary if k == key)


def test_sessions_published_on_different_days_are_listed_in_the_order_tried(env, people):
    p = people["k3_ready"]
    rows = sessions(env, p, 3, "2026-12-04", "2026-12-05")
    first = next(r for r in rows if r.exam_date == date(2026, 12, 5))  # chosen first, published later
    same = [r for r in rows if r.exam_date == date(2026, 12, 4)][:2]  # one publication day, chosen 2nd and 3rd
    days = publish_on(env, [first.id, *(r.id for r in same)])
    assert days[first.id] > days[same[0].id] == days[same[1].id]
    req = BookingRequest(3, "self", (first.id, same[1].id, same[0].id))
    checked = booking_submit.check(env, account_id(env, p), req)
    assert line(checked.summary, "预约模式") == (
        "自主选择场次（所选3个场次只安排其中一个，按预约结果公布日先后安排，同一公布日的场次按所选顺序）")
    listed = [line(checked.summary, f"场次{n}") for n in (1, 2, 3)]
    assert [s.split()[0] for s in listed] == ["2026-12-04", "2026-12-04", "2026-12-05"]
    assert same[1].site_name in listed[0] and same[0].site_name in listed[1] and first.site_name in listed[2]
    # each day on its own publication day: the one tried first here is the one given
    done = book(env, p, BookingRequest(3, "self", (first.id, same[1].id)))
    assert line(done.summary, "预约模式") == "自主选择场次（所选2个场次只安排其中一个，按预约结果公布日先后安排）"
    assert same[1].site_name in line(done.summary, "场次1")
    env.clock.advance(days=1)
    allocation_service.run(env, days[same[1].id])
    with env.db.read() as s:
        assert s.get(Booking, done.booking_id).session_id == same[1].id


def test_sessions_of_one_publication_day_keep_the_order_chosen(env, people):
    p = people["k3_ready"]
    same = [r for r in sessions(env, p, 3, "2026-12-04", "2026-12-04")][:2]
    checked = booking_submit.check(env, account_id(env, p), BookingRequest(3, "self", (same[1].id, same[0].id)))
    assert line(checked.summary, "预约模式") == "自主选择场次（所选2个场次只安排其中一个，按所选顺序）"
    assert same[1].site_name in line(checked.summary, "场次1")
