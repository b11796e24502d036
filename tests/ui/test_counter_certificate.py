"""Pilot: 为群众办理, 打印预约凭证. On a booking 预约成功 the clerk gets the citizen's certificate in a
dialog that names the file saved for the printer (certificates/<database folder>/... in the data dir); on one without a
certificate the list says why at once. At 80x24 the dialog fits the screen and its text scrolls."""
from __future__ import annotations


import pytest

from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.widgets import DataTable, Static

from kiosk.services import certificates
from kiosk.ui.screens.counter.citizen import CitizenScreen
from tests.booking_helpers import add_learners
from tests.ui.conftest import screen_text, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import look_up, press, priority_booked


def _row_of(app, status: str) -> int:  # type: ignore[no-untyped-def]
    b = next(b for b in app.screen.file.bookings if b.status == status)
    return app.screen.query_one("#bookings", DataTable).get_row_index(str(b.id))


async def _looked_up(pilot, env):  # type: ignore[no-untyped-def]
    """A learner with 科目一 done and a 科目二 priority seat (预约成功), looked up at the counter."""
    learner = add_learners(env, 1, permit_left_days=100)[0]
    priority_booked(env, learner)
    await _sign_in(pilot, pilot.app)
    await look_up(pilot, learner.id_number, "本人到窗口办理业务")
    placed = next(b for b in pilot.app.screen.file.bookings if b.status == "placed")
    return learner, placed


async def test_the_clerk_prints_a_placed_bookings_certificate_and_is_told_at_once_when_there_is_none(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        learner, placed = await _looked_up(pilot, env)
        table = app.screen.query_one("#bookings", DataTable)
        table.move_cursor(row=_row_of(app, "done"))  # 科目一, its exam passed: no certificate
        await settle(pilot)
        await press(pilot, "print-certificate")
        assert isinstance(app.screen, CitizenScreen)  # nothing printed
        note = str(app.screen.query_one("#booking-error", Static).render())
        assert "没有预约凭证" in note and "（科目一，考试合格）" in note
        table.move_cursor(row=_row_of(app, "placed"))
        await settle(pilot)
        await press(pilot, "print-certificate")
        saved = certificates.folder_of(env) / f"exam_certificate_{placed.serial_no}.txt"
        shown = screen_text(app)
        assert "机动车驾驶人考试预约凭证" in shown and f"业务流水号：{placed.serial_no}" in shown
        # the path from the data folder on, the database's folder in it: the clerk finds the file
        where = str(saved.relative_to(env.settings.data_dir))
        assert where.startswith("certificates/") and where.count("/") == 2
        assert learner.name in shown and where in shown and "打印" in shown
        assert saved.read_text(encoding="utf-8").startswith("机动车驾驶人考试预约凭证")
        await pilot.press("enter")  # 关闭 has the focus
        await settle(pilot)
        assert isinstance(app.screen, CitizenScreen)


async def test_at_80x24_the_certificate_fits_and_scrolls(env):
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        _learner, placed = await _looked_up(pilot, env)
        app.screen.query_one("#bookings", DataTable).move_cursor(row=_row_of(app, "placed"))
        await settle(pilot)
        await press(pilot, "print-certificate")
        dialog = app.screen
        assert dialog.query_one("#cert-text", VerticalScroll).region  # the dialog is up
        box = dialog.query_one("Vertical")
        assert dialog.region.contains_region(box.region)  # not cut at the bottom edge
        shown = screen_text(app)
        assert f"exam_certificate_{placed.serial_no}.txt" in shown and "关闭" in shown
        assert "因故不能参加考试" not in shown  # the end of the text is further down
        await pilot.press("end")
        await settle(pilot)
        assert "因故不能参加考试" in screen_text(app) and "关闭" in screen_text(app)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_no_line_of_the_certificate_holds_one_character_alone(env, size):
    """The dialog printed 「迟到者不得入」 / 「场。」: it is wide enough for each note on a line of its own
    now, at 120x40 and at 80x24 (and a longer line would not leave one character alone: cjk_wrap)."""
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await _looked_up(pilot, env)
        app.screen.query_one("#bookings", DataTable).move_cursor(row=_row_of(app, "placed"))
        await settle(pilot)
        await press(pilot, "print-certificate")
        shown = app.screen.query_one("#cert-text", VerticalScroll).query_one(Static)
        rows = [strip.text.strip() for strip in shown.render_lines(Region(0, 0, *shown.size))]
        assert "1. 请在考试开始前30分钟到达考场，签到后参加考试，迟到者不得入场。" in rows
        short = [row for row in rows if row and len(row.rstrip("。，、；：）")) <= 1]
        assert not short, rows
