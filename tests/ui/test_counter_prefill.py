"""Pilot: 为群众办理's registration forms take over the looked-up number only into the field it
fits: a person's ID number into 面签注册's 身份证号码, a unit's credit code into 单位用户注册's
统一社会信用代码, never one into the other's field."""
from __future__ import annotations

from kiosk.domain.ids import uscc_check_char
from kiosk.ui.screens.counter.citizen import CitizenScreen
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import look_up, press

SIZE = (120, 40)
NEW_CODE = "91500000MA5U00009" + uscc_check_char("91500000MA5U00009")  # no account holds it

def _value(app, name: str) -> str:
    return app.screen.query_one(f"#input-{name}").value

async def test_a_persons_id_number_is_not_put_into_the_credit_code(env, people):
    p = people["new_user"]
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "单位用户注册")
        await press(pilot, "unit")
        assert _value(app, "credit_code") == ""
        await pilot.press("escape")  # nothing typed: straight back
        await press(pilot, "register")
        assert _value(app, "id_number") == p.id_number

async def test_a_credit_code_goes_into_the_credit_code_only(env, people):
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, NEW_CODE.lower(), "单位用户注册")
        assert isinstance(app.screen, CitizenScreen)
        await press(pilot, "unit")
        assert _value(app, "credit_code") == NEW_CODE
        await pilot.press("escape")  # only the prefilled code: nothing to lose
        await press(pilot, "register")
        assert _value(app, "id_number") == ""
