"""Pilot: after 下一步 is refused, the field whose message it is keeps the focus on Enter until its
value is changed (tester: 梁雪 opened 变更驾驶证联系方式, changed nothing, Enter, Enter, Enter:
新的联系方式与原登记信息相同，无需变更 stood under 新手机号码 with the cursor in 联系地址, the digits
typed for the phone went at the end of the address, and two more Enters changed the address to
重庆市渝中区解放碑街道民族路100号139a2300022). Every service form: the FormField does it."""
from __future__ import annotations

from sqlalchemy import select
from textual.widgets import RadioButton

from kiosk.db.models import DrivingLicence
from tests.ui.conftest import field_error, settle, sign_in

SAME = "新的联系方式与原登记信息相同，无需变更"


async def _open(pilot, env, person, service: str) -> None:  # type: ignore[no-untyped-def]
    await sign_in(pilot, env, person.id_number, person.phone)
    await pilot.click(f"#menu-{service}")
    await settle(pilot)


async def _type(pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(*keys)
    await settle(pilot)


def _focused(app) -> str:  # type: ignore[no-untyped-def]
    return app.focused.id if app.focused is not None else ""


def _value(app, name: str) -> str:  # type: ignore[no-untyped-def]
    return app.screen.query_one(f"#input-{name}").value


async def test_enter_stays_in_the_field_the_refusal_is_under(kiosk_app, env, people):
    p = people["renew_soon"]  # 梁雪
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, p, "licence_contact")
        address = _value(kiosk_app, "address")
        assert _focused(kiosk_app) == "input-phone"
        await _type(pilot, "enter")  # empty: on to 联系地址
        await _type(pilot, "enter")  # the last field: 下一步, refused
        assert field_error(kiosk_app, "phone") == SAME and _focused(kiosk_app) == "input-phone"
        await _type(pilot, "enter")  # nothing changed: the message and the focus stay
        assert field_error(kiosk_app, "phone") == SAME and _focused(kiosk_app) == "input-phone"
        await _type(pilot, *"13923000222")  # the phone's digits go into the phone field
        assert _value(kiosk_app, "address") == address and _value(kiosk_app, "phone") == "13923000222"
        assert field_error(kiosk_app, "phone") == ""  # being corrected: the message goes
        await _type(pilot, "enter")  # changed: on to 联系地址 as before
        assert _focused(kiosk_app) == "input-address"
        with env.db.read() as s:
            lic = s.scalar(select(DrivingLicence).where(DrivingLicence.archive_no == f"5001{p.seq:08d}"))
            assert lic.address == address


async def test_tab_still_leaves_it_for_the_other_field_of_the_rule(kiosk_app, env, people):
    """The rule is over both fields: the address alone may be changed (no SMS code needed)."""
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["renew_soon"], "licence_contact")
        await pilot.click("#next")
        await settle(pilot)
        assert field_error(kiosk_app, "phone") == SAME and _focused(kiosk_app) == "input-phone"
        await _type(pilot, "tab")
        assert _focused(kiosk_app) == "input-address"
        await _type(pilot, *"2楼", "enter")
        assert not kiosk_app.screen.query_one("#code-box").display  # 确认并提交, no code asked


async def test_a_field_required_by_the_choice_above_keeps_the_focus_too(kiosk_app, env, people):
    """具体说明 is required only with 其他正当理由 (a rule over two fields), and it is not the last field."""
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["coach_driver"], "licence_delay_review")
        other = next(b for b in kiosk_app.screen.query("#choice-reason RadioButton").results(RadioButton)
                     if b.name == "其他正当理由")
        other.value = True
        await settle(pilot)
        kiosk_app.screen.query_one("#input-until").value = "2027-06-30"
        await pilot.click("#next")
        await settle(pilot)
        said = field_error(kiosk_app, "detail")
        assert said and _focused(kiosk_app) == "input-detail"
        await _type(pilot, "enter")
        assert field_error(kiosk_app, "detail") == said and _focused(kiosk_app) == "input-detail"
        await _type(pilot, *"出国工作两年", "enter")
        assert _focused(kiosk_app) == "input-until"
