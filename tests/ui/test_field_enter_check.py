"""Pilot: Enter in a service form's text field that is not the last one checks the value on its
own before moving on (tester: 1234 in 新手机号码, Enter went on to 联系地址 and the next digits typed
went into the address; an expired 体检日期 was said only at 下一步). A wrong value is said under
the field and the focus stays; a good or an empty one moves on as before."""
from __future__ import annotations

from textual.widgets import RadioButton

from tests.ui.conftest import field_error, settle, sign_in


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


async def test_a_short_phone_number_is_said_on_enter_and_the_digits_stay_in_it(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["driver_normal"], "licence_contact")
        address = _value(kiosk_app, "address")
        kiosk_app.screen.query_one("#input-phone").focus()
        await _type(pilot, *"1234", "enter")
        assert field_error(kiosk_app, "phone") == "手机号码应为11位数字，您输入了4位"
        assert _focused(kiosk_app) == "input-phone"
        await _type(pilot, *"567")  # the citizen's further digits: still the phone's
        assert _value(kiosk_app, "address") == address and _value(kiosk_app, "phone") == "1234567"
        assert field_error(kiosk_app, "phone") == ""  # being corrected: the message goes
        kiosk_app.screen.query_one("#input-phone").value = ""
        await _type(pilot, *"13923000055", "enter")  # a good number moves on, as before
        assert _focused(kiosk_app) == "input-address" and field_error(kiosk_app, "phone") == ""


async def test_an_empty_field_still_moves_on(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["driver_normal"], "licence_contact")
        kiosk_app.screen.query_one("#input-phone").focus()
        await _type(pilot, "enter")  # 不更换请留空: nothing to check
        assert _focused(kiosk_app) == "input-address" and field_error(kiosk_app, "phone") == ""


async def test_an_expired_or_impossible_examination_date_is_said_on_enter(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["renew_soon"], "licence_replace")
        renew = next(b for b in kiosk_app.screen.query("#choice-kind RadioButton").results(RadioButton)
                     if b.name == "renew")
        renew.value = True
        await settle(pilot)
        kiosk_app.screen.query_one("#input-cert_no").focus()
        await _type(pilot, "enter")  # empty: on to 体检日期, 请输入 waits for 下一步
        assert _focused(kiosk_app) == "input-cert_date" and field_error(kiosk_app, "cert_no") == ""
        await _type(pilot, *"2026-05-01", "enter")
        assert "已过期" in field_error(kiosk_app, "cert_date") and _focused(kiosk_app) == "input-cert_date"
        kiosk_app.screen.query_one("#input-cert_date").value = ""
        await _type(pilot, *"2026-02-30", "enter")
        assert field_error(kiosk_app, "cert_date") == "2026年2月只有28天"
        assert _focused(kiosk_app) == "input-cert_date"
        kiosk_app.screen.query_one("#input-cert_date").value = ""
        await _type(pilot, *"2026-11-20", "enter")  # valid: on to the next control, as before
        assert _focused(kiosk_app) != "input-cert_date" and field_error(kiosk_app, "cert_date") == ""


async def test_a_wrong_value_in_the_last_field_keeps_the_focus_there(kiosk_app, env, people):
    """延期换领驾驶证 (tester): 其他正当理由, 具体说明 left empty, 延期至 2027-02-30 and Enter. 下一步
    put the focus on the empty 具体说明 above, and the corrected date typed next went into it."""
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await _open(pilot, env, people["renew_soon"], "licence_delay_renewal")
        other = next(b for b in kiosk_app.screen.query("#choice-reason RadioButton").results(RadioButton)
                     if b.name == "其他正当理由")
        other.value = True
        await settle(pilot)
        kiosk_app.screen.query_one("#input-detail").focus()
        await _type(pilot, "enter")  # empty: on to 延期至
        assert _focused(kiosk_app) == "input-until"
        await _type(pilot, *"2027-02-30", "enter")
        assert field_error(kiosk_app, "until") == "2027年2月只有28天"
        assert _focused(kiosk_app) == "input-until"
        await _type(pilot, *["backspace"] * 2, *"28")
        assert _value(kiosk_app, "until") == "2027-02-28" and _value(kiosk_app, "detail") == ""
        await _type(pilot, "enter")  # its own value right now: 下一步, which says 具体说明 is missing
        assert field_error(kiosk_app, "detail") == "请输入具体说明"
        assert _focused(kiosk_app) == "input-detail"  # a refused 下一步 focuses the first wrong field
