"""Pilot: 变更机动车联系方式 (周杰, two vehicles, 100x30, tester): 下一步 with nothing changed says
新的联系方式与原登记信息相同，无需变更 under 新手机号码; a tap on the other vehicle then showed its address and
its 当前登记的手机号码 with that message still under 新手机号码. Choosing another vehicle drops the
messages said of the form as it was; one a value earns alone (a phone number too short, an
address left empty) stays."""
from __future__ import annotations

from textual.widgets import RadioButton

from tests.ui.conftest import click_in_view, field_error, press_in_view, set_input, settle, sign_in


async def _open(pilot, env, person) -> list[RadioButton]:  # type: ignore[no-untyped-def]
    await sign_in(pilot, env, person.id_number, person.phone)
    await press_in_view(pilot, "menu-vehicle_contact")
    await settle(pilot)
    return list(pilot.app.screen.query("#choice-plate RadioButton").results(RadioButton))


async def test_another_vehicle_drops_the_message_about_the_first(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        radios = await _open(pilot, env, people["two_cars"])
        assert len(radios) == 2
        await press_in_view(pilot, "next")  # nothing changed
        assert field_error(kiosk_app, "phone") == "新的联系方式与原登记信息相同，无需变更"
        await click_in_view(pilot, radios[1])
        await settle(pilot)
        assert radios[1].value
        assert field_error(kiosk_app, "phone") == ""
        assert field_error(kiosk_app, "address") == ""


async def test_a_wrong_phone_stays_said_with_another_vehicle(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        radios = await _open(pilot, env, people["two_cars"])
        set_input(kiosk_app, "phone", "1380013")
        set_input(kiosk_app, "address", "")
        await press_in_view(pilot, "next")
        assert field_error(kiosk_app, "phone") == "手机号码应为11位数字，您输入了7位"
        assert field_error(kiosk_app, "address") == "请输入联系地址"
        await click_in_view(pilot, radios[1])
        await settle(pilot)
        assert field_error(kiosk_app, "phone") == "手机号码应为11位数字，您输入了7位"
        assert field_error(kiosk_app, "address") == "请输入联系地址"  # still empty: still said
