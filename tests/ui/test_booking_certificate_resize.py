"""Pilot: 考试预约凭证 after 查看预约凭证 (tester's finding): at 90x28 the certificate's first line was
a row of the list above it, and after a resize (90x28 -> 160x50, -> 80x24) the list's detail came
back in its place, in a page focused with nothing to scroll. The certificate stays and reflows,
with nothing of the list above it when it does not all fit; a question left open stays open."""
from __future__ import annotations

from kiosk.ui.widgets.page import Page
from tests.ui.conftest import screen_text, settle
from tests.ui.test_booking_records import open_entry, placed_on_12_04

TITLE = "机动车驾驶人考试预约凭证"


def detail(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#detail").render())


def above_title(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The screen's lines between the header and the certificate's title (which is on screen)."""
    lines = screen_text(app).splitlines()
    at = next(i for i, line in enumerate(lines) if TITLE in line)
    return [line.strip(" █") for line in lines[1:at]]


async def resize(pilot, w: int, h: int) -> None:  # type: ignore[no-untyped-def]
    await pilot.resize_terminal(w, h)
    await settle(pilot)
    await pilot.pause(0.2)


async def test_the_certificate_has_nothing_of_the_list_above_it_at_90x28(kiosk_app, env, people):
    p = people["permit_expiring"]
    _rows, done = placed_on_12_04(env, p)
    async with kiosk_app.run_test(size=(90, 28)) as pilot:
        await open_entry(pilot, env, p, "exam_certificate")
        await pilot.press("enter")
        await settle(pilot)
        assert not any(above_title(kiosk_app))  # at most the blank line above it, no 「2612... 科目二」
        assert kiosk_app.focused is kiosk_app.screen.query_one(Page)  # the arrow keys read on


async def test_the_certificate_stays_after_a_resize(kiosk_app, env, people):
    p = people["permit_expiring"]
    _rows, done = placed_on_12_04(env, p)
    async with kiosk_app.run_test(size=(90, 28)) as pilot:
        await open_entry(pilot, env, p, "exam_certificate")
        await pilot.click("#action")
        await settle(pilot)
        await resize(pilot, 160, 50)  # 预约模式 now fits: the table is filled again
        assert TITLE in detail(kiosk_app) and f"业务流水号：{done.serial_no}" in detail(kiosk_app)
        assert TITLE in screen_text(kiosk_app)
        page = kiosk_app.screen.query_one(Page)
        assert not page.has_focus  # all of it fits: no focused page with nothing to scroll
        assert kiosk_app.focused is kiosk_app.screen.query_one("#action")  # where it was pressed
        await resize(pilot, 80, 24)  # the column goes again; the certificate, longer than the page, in view
        assert TITLE in detail(kiosk_app) and not any(above_title(kiosk_app))
        await pilot.press("end")
        await settle(pilot)
        assert "预约凭证已保存" in screen_text(kiosk_app)


async def test_enter_on_the_row_then_a_resize_keeps_the_certificate(kiosk_app, env, people):
    p = people["permit_expiring"]
    placed_on_12_04(env, p)
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await open_entry(pilot, env, p, "exam_certificate")
        await pilot.press("enter")
        await settle(pilot)
        await resize(pilot, 160, 50)
        assert TITLE in detail(kiosk_app)
        assert kiosk_app.focused is kiosk_app.screen.query_one("#bookings")  # back on the row it came from
        await resize(pilot, 90, 28)
        assert TITLE in detail(kiosk_app) and not any(above_title(kiosk_app))


async def test_a_question_stays_open_after_a_resize(kiosk_app, env, people):
    p = people["permit_expiring"]
    placed_on_12_04(env, p)
    async with kiosk_app.run_test(size=(90, 28)) as pilot:
        await open_entry(pilot, env, p, "exam_fee")
        await pilot.press("enter")
        await settle(pilot)
        assert kiosk_app.screen.query_one("#confirm-box").display
        await resize(pilot, 160, 50)
        assert kiosk_app.screen.query_one("#confirm-box").display and "确认支付吗" in screen_text(kiosk_app)
        assert kiosk_app.focused is kiosk_app.screen.query_one("#confirm-no")
