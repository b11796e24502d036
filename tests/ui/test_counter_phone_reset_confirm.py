"""Pilot: 重置绑定手机号 asks first with the number read back (tester: it saved on 提交, and a mistyped
number would take the citizen's codes and notices); 返回修改 keeps the form and changes nothing; a
number that is none is said next to the field with no question."""
from __future__ import annotations

from kiosk.db.models import Account
from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.counter.forms import PhoneResetScreen
from tests.booking_helpers import account_id
from tests.ui.conftest import field_error, set_input, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import look_up, press


async def test_the_new_number_is_read_back_before_it_is_bound(env, people):
    p = people["driver_normal"]
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理")
        await press(pilot, "reset-phone")
        set_input(app, "new_phone", "1380000")
        await press(pilot, "submit")
        assert isinstance(app.screen, PhoneResetScreen) and "11" in field_error(app, "new_phone")  # no question
        set_input(app, "new_phone", "138 0000 9999")
        await press(pilot, "submit")
        assert isinstance(app.screen, ConfirmDialog)
        question = "".join(str(app.screen.query_one("#question").render()).split())
        assert "重置为13800009999？" in question and p.name in question
        await press(pilot, "no")  # 返回修改
        await settle(pilot)
        assert isinstance(app.screen, PhoneResetScreen)
        assert app.screen.query_one("#input-new_phone").value == "138 0000 9999"  # as typed
        with env.db.read() as s:
            assert s.get(Account, account_id(env, p)).phone == p.phone  # nothing changed
        await press(pilot, "submit")
        await press(pilot, "yes")
        await settle(pilot)
        with env.db.read() as s:
            assert s.get(Account, account_id(env, p)).phone == "13800009999"


async def test_the_number_already_bound_is_said_before_the_question(env, people):
    """Verify tester: the citizen's own number went to the question, and 新手机号与当前绑定的手机号相同
    came only after 确认重置."""
    p = people["driver_normal"]
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理")
        await press(pilot, "reset-phone")
        set_input(app, "new_phone", p.phone)
        await press(pilot, "submit")
        assert isinstance(app.screen, PhoneResetScreen)
        assert field_error(app, "new_phone") == "新手机号与当前绑定的手机号相同"


async def test_a_number_bound_to_another_account_is_said_before_the_question(env, people):
    """Tester: 周杰's number for 刘洋 was asked 确认将刘洋的交管12123绑定手机号重置为 13923000105？
    and only after 确认重置 refused as 该手机号码已绑定其他交管12123账户."""
    p, other = people["driver_normal"], people["two_cars"]
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理")
        await press(pilot, "reset-phone")
        set_input(app, "new_phone", other.phone)
        await press(pilot, "submit")
        assert isinstance(app.screen, PhoneResetScreen)  # no question
        assert field_error(app, "new_phone") == "该手机号码已绑定其他交管12123账户"
        with env.db.read() as s:
            assert s.get(Account, account_id(env, p)).phone == p.phone
