"""Pilot: 网办进度's 办理过程 at 80x24. Tester: beside its time and status a step's note had 26
columns, and wrapped badly (已缴纳考试费150元，支付方式：演示支付，支付流水号： over three lines). At
80x24 the note goes under its time and status, across the page; at 120x40 it stays beside them."""
from __future__ import annotations

from tests.ui.conftest import screen_text, settle, sign_in

PAID = "已缴纳考试费150元，支付方式：演示支付，"
SERIAL = "支付流水号：DEMO"  # with its number on the next line, not 支付流水号： / DEMO... (cjk_wrap: a word with its number)


async def _timeline(kiosk_app, env, people, size) -> list[str]:
    p = people["four_fails"]  # 考试预约（科目二）: 受理中, 预约成功, 已缴费, 考试不合格 twice
    async with kiosk_app.run_test(size=size) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-progress")
        await settle(pilot)
        await pilot.press("enter")  # the 办理过程 into view
        await settle(pilot)
        await pilot.pause(0.2)
        return screen_text(kiosk_app).splitlines()


async def test_at_80x24_a_note_goes_under_its_time_and_status(kiosk_app, env, people):
    lines = await _timeline(kiosk_app, env, people, (80, 24))
    paid = [i for i, line in enumerate(lines) if "已缴费" in line and "2026-08-01 10:00:00" in line]
    assert paid, lines
    i = paid[0]
    assert lines[i].split()[-1] == "已缴费"  # the time and status alone on their line
    assert PAID in lines[i + 1]  # the note's first sentence whole, on the line under them
    assert lines[i + 2].strip("█ ").startswith(SERIAL)
    assert lines[i + 1].index("已") > lines[i].index("2026")  # indented under the time


async def test_at_120x40_a_note_stays_beside_its_time_and_status(kiosk_app, env, people):
    lines = await _timeline(kiosk_app, env, people, (120, 40))
    i = next(i for i, line in enumerate(lines) if "2026-08-01 10:00:00" in line and "已缴费" in line)
    assert PAID in lines[i] and lines[i + 1].strip().startswith(SERIAL)
