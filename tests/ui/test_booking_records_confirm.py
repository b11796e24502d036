"""Pilot: the confirm question of 取消考试预约 and 考试费缴纳 shows only its own two buttons; after
paying, 缴纳考试费 goes for that booking; the fee is shown before anything is pressed (tester's
findings 10 and 11)."""
from __future__ import annotations

from kiosk.services.booking_submit import BookingRequest
from kiosk.ui.widgets.phone import PhoneBar
from tests.booking_helpers import book, sessions
from tests.ui.conftest import screen_text, settle
from tests.ui.test_booking_records import open_entry, placed_on_12_04


def shown(app, selector: str) -> bool:
    return all(getattr(n, "display", True) for n in app.screen.query_one(selector).ancestors_with_self)


async def test_the_cancel_question_hides_the_buttons_under_it(kiosk_app, env, people):
    p = people["permit_expiring"]
    rows = sessions(env, p, 2, "2026-12-04", "2026-12-06")
    book(env, p, BookingRequest(2, "self", (rows[0].id,)))
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_entry(pilot, env, p, "exam_cancel")
        await pilot.click("#action")
        await settle(pilot)
        assert shown(kiosk_app, "#confirm-yes") and shown(kiosk_app, "#confirm-no")
        assert not shown(kiosk_app, "#back") and not shown(kiosk_app, "#action")  # only the question's two
        assert "返回业务中心" not in screen_text(kiosk_app)
        await pilot.click("#confirm-no")
        await settle(pilot)
        assert not shown(kiosk_app, "#confirm-box") and shown(kiosk_app, "#back") and shown(kiosk_app, "#action")
        assert kiosk_app.focused is kiosk_app.screen.query_one("#action")  # where the citizen was


async def test_the_fee_is_shown_first_and_paid_once(kiosk_app, env, people):
    p = people["permit_expiring"]
    placed_on_12_04(env, p)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_entry(pilot, env, p, "exam_fee")
        assert "考试费：150元（未缴纳）" in str(kiosk_app.screen.query_one("#detail").render())  # before pressing
        await pilot.click("#action")
        await settle(pilot)
        assert not shown(kiosk_app, "#back") and not shown(kiosk_app, "#action")
        await pilot.click("#confirm-yes")
        await settle(pilot)
        bars = kiosk_app.screen.query(PhoneBar)  # the payment SMS on the demo phone, then out of the way
        assert bars and "支付流水号" in str(bars.first().render())
        bars.first().display = False
        await pilot.pause()
        text = screen_text(kiosk_app)
        assert "缴费成功" in text and text.count("支付流水号") == 1 and text.count("150元") == 1
        detail = str(kiosk_app.screen.query_one("#detail").render())
        assert "已缴纳考试费150元" in detail and "考试费已缴纳" not in detail  # said once, with the amount
        assert shown(kiosk_app, "#back") and not shown(kiosk_app, "#action")  # no second 缴纳考试费
        assert "缴纳考试费" not in text.replace("已缴纳考试费", "").replace("点击【缴纳考试费】", "")


async def test_after_paying_the_list_stays_on_the_booking_paid(kiosk_app, env, people):
    p = people["permit_expiring"]
    placed_on_12_04(env, p)  # 科目二, placed by the 12-02 allocation
    later = sessions(env, p, 3, "2026-12-05", "2026-12-10", priority=True)
    book(env, p, BookingRequest(3, "priority", (later[0].id,)))  # 科目三, placed at once: its exam listed second
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_entry(pilot, env, p, "exam_fee")
        screen = kiosk_app.screen
        assert [r.subject for r in screen.rows] == [2, 3]  # by exam time: 12-04 first
        screen.query_one("#bookings").move_cursor(row=1)
        await settle(pilot)
        await pilot.click("#action")
        await settle(pilot)
        await pilot.click("#confirm-yes")
        await settle(pilot)
        assert screen.query_one("#bookings").cursor_row == 1 and screen.selected().subject == 3
        assert "科目三" in str(screen.query_one("#detail").render()) and not shown(kiosk_app, "#action")
        screen.query_one("#bookings").move_cursor(row=0)  # the other one is still to pay
        await settle(pilot)
        assert shown(kiosk_app, "#action") and "考试费：150元（未缴纳）" in str(screen.query_one("#detail").render())
