"""面签注册: Enter in 姓名 or 身份证号码 checks that field on its own (counter_accounts.
in_person_field_problem); 手机号码 is the last field, where Enter is 提交, which says a wrong number
under it and keeps the focus there. The 手机号码 check in_person_field_problem also held was called
by no field: it is gone, and Enter in 手机号码 is pinned here as it behaves."""
from __future__ import annotations

import pytest

from kiosk.services import counter_accounts
from kiosk.ui.screens.counter.forms import InPersonRegisterScreen
from tests.ui.conftest import field_error, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import press


def test_the_field_checks_are_those_of_the_fields_enter_moves_on_from(env):
    assert counter_accounts.in_person_field_problem(env, "name", "Li Lei") != ""
    assert counter_accounts.in_person_field_problem(env, "id_number", "1234") != ""
    with pytest.raises(KeyError):  # no field asks for it: Enter in 手机号码 is 提交
        counter_accounts.in_person_field_problem(env, "phone", "1234")


async def test_enter_in_a_wrong_phone_says_so_under_it_and_keeps_the_focus(env, people):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app)
        await press(pilot, "m-citizen")
        await press(pilot, "register")
        assert isinstance(app.screen, InPersonRegisterScreen)
        p = people["new_user"]
        await pilot.press(*p.name, "enter", *p.id_number, "enter", *"1234", "enter")
        await settle(pilot)
        assert isinstance(app.screen, InPersonRegisterScreen)
        assert field_error(app, "phone") == "手机号码应为11位数字，您输入了4位"
        assert field_error(app, "name") == field_error(app, "id_number") == ""
        assert app.focused is app.screen.query_one("#input-phone")
        await pilot.press(*["backspace"] * 4, *"13800001111", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, InPersonRegisterScreen)  # 提交: registered
