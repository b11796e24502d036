"""Pilot: who is signed in reads the same in the header of every page (tester's finding: a unit
account at 80x24 showed `9150*********...` on 业务中心 but `9150*******...` on 我的机动车, the room
for it depending on the page's title). Where the name and the masked number do not both fit, the
name alone shows; a masked number is never cut in the middle."""
from __future__ import annotations

import pytest

from kiosk.ui.widgets.header import KioskHeader, pick
from tests.ui.conftest import screen_text, settle, sign_in


def who_part(app) -> str:
    """The header's line after its title: who is signed in and the clock."""
    header = app.screen.query_one(KioskHeader)
    line = screen_text(app).splitlines()[0]
    return line.split(header.page_title, 1)[1].strip()


async def open_menu(pilot, key: str) -> None:
    pilot.app.screen.query_one(f"#menu-{key}").press()
    await settle(pilot)


@pytest.mark.parametrize("size", [(80, 24), (100, 32), (120, 40)])
async def test_a_unit_account_reads_the_same_on_every_page(kiosk_app, env, people, size):
    unit = people["unit"]
    async with kiosk_app.run_test(size=size) as pilot:
        await sign_in(pilot, env, unit.id_number, unit.phone)
        seen = {"业务中心": who_part(kiosk_app)}
        for key, title in (("my_vehicles", "我的机动车"), ("progress", "网办进度"), ("inbox", "消息"),
                           ("exempt_inspection_mark", "免检车申领检验标志")):
            await open_menu(pilot, key)
            assert kiosk_app.screen.query_one(KioskHeader).page_title == title
            seen[title] = who_part(kiosk_app)
            await pilot.press("escape")
            await settle(pilot)
        assert len(set(seen.values())) == 1, seen
        who = seen["业务中心"]
        assert who.startswith("重庆山城物流有限公司") and "..." not in who
        if size == (80, 24):  # name and 9150**********0010 do not both fit: the name alone
            assert "9150" not in who
        else:
            assert "重庆山城物流有限公司  9150**********0010" in who


async def test_a_citizen_keeps_name_and_masked_number_at_80x24(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        home = who_part(kiosk_app)
        await open_menu(pilot, "my_vehicles")
        assert who_part(kiosk_app) == home
        assert home.startswith("刘洋  5001**********0556  ")


def test_pick_takes_the_first_form_that_fits() -> None:
    forms = ["重庆山城物流有限公司  9150**********0010", "重庆山城物流有限公司"]
    assert pick(forms, 40) == forms[0]
    assert pick(forms, 39) == forms[1]
    assert pick(forms, 12) == "重庆山城..."
    assert pick(forms, 3) == ""
    assert pick([], 40) == ""
