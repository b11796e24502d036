"""Every 消息 title names the service and what became of it, the same way: 学法减分（受理中）,
科目二考试预约（已取消）, 用户注册（注册成功）. Some named the outcome (学法减分（已办结）, 注册成功) and
others only the service (学法减分, 考试成绩, 考试预约结果（科目二）), so the list said what happened for
some services only."""
from __future__ import annotations

import re

from sqlalchemy import select

from kiosk.db.models import Message
from kiosk.domain.ids import uscc_check_char
from kiosk.services import applications, cancellation, counter_accounts, messaging
from kiosk.services.booking_submit import BookingRequest
from kiosk.services.points_study import PointsStudy
from kiosk.services.staff import StaffSession
from tests.booking_helpers import account_id, book, sessions

CLERK = StaffSession("J1001", "王警官", ("counter",))
STYLE = re.compile(r"[^（）]+（[^（）]+）")  # the service, then its outcome in full-width brackets


def test_each_service_titles_its_message_with_the_service_and_the_outcome(env, people) -> None:
    study = people["points_study"]
    aid = account_id(env, study)
    serial = applications.submit(env, PointsStudy(), aid, {"way": "网上学习"}).serial_no
    assert messaging.inbox(env, aid)[0].title == "学法减分（受理中）"  # it said 学法减分
    assert serial in messaging.inbox(env, aid)[0].body

    learner = people["permit_expiring"]
    lid = account_id(env, learner)
    done = book(env, learner, BookingRequest(2, "self", (sessions(env, learner, 2, "2026-12-04", "2026-12-06")[0].id,)))
    assert messaging.inbox(env, lid)[0].title == "科目二考试预约（受理中）"  # it said 考试预约（科目二）
    env.clock.advance(hours=1)
    cancellation.cancel(env, lid, done.booking_id)
    assert messaging.inbox(env, lid)[0].title == "科目二考试预约（已取消）"  # it said 取消考试预约（科目二）

    counter_accounts.reset_phone(env, CLERK, lid, "13800003333")
    assert messaging.inbox(env, lid)[0].title == "绑定手机号变更（已办结）"  # it said 绑定手机号已变更

    code = "91500000MA5U00002" + uscc_check_char("91500000MA5U00002")
    unit = counter_accounts.register_unit(env, CLERK, "重庆测试运输有限公司", code, "13800002222", "委托书001",
                                          people["driver_normal"].id_number)
    assert messaging.inbox(env, unit.account_id)[0].title == "用户注册（注册成功）"  # it said 注册成功


def test_every_message_the_demo_history_and_the_services_wrote_has_the_one_style(env, people) -> None:
    """The demo's past (bookings, results, fees: 考试成绩 and 考试费缴纳 alone) and the messages above."""
    test_each_service_titles_its_message_with_the_service_and_the_outcome(env, people)
    with env.db.read() as s:
        titles = set(s.scalars(select(Message.title).where(Message.channel == "inbox")))
    assert len(titles) >= 8 and [t for t in titles if not STYLE.fullmatch(t)] == [], titles
