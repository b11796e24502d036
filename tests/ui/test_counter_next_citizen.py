"""Pilot: 为群众办理 after what the clerk did for the citizen on screen, the focus goes where the next
keys belong, as after a lookup (README: an application waiting, else a booking that can be
cancelled, else the ID field, its number selected for the next citizen's). Testers at 120x40:
after 面签注册 (林晓 注册成功) the focus stayed on 面签注册 and the next ID typed went nowhere (Tab Tab
Enter left the screen by 返回); after 重置绑定手机号 on its button; after cancelling the last booking
that could be cancelled on the bookings list. The 面签注册 form opened from a lookup had 姓名 and
身份证号码 filled but the focus on 姓名 (the phone typed went into the name); Enter in 姓名 said
nothing of a wrong name until 提交. A new ID typed over the selected one and Enter went to
查询事由 (still holding the reason), and a second Enter was needed to look up."""
from __future__ import annotations

from textual.widgets import Input

from kiosk.db.models import AuditEntry
from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.counter.citizen import CitizenScreen
from kiosk.ui.screens.counter.forms import InPersonRegisterScreen
from tests.booking_helpers import add_learners
from tests.ui.conftest import field_error, screen_text, set_input, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import look_up, press, priority_booked

SIZE = (120, 40)
NEXT_ID = "500107199501010426"  # 王芳 (on record, registered)


async def _next_number_replaces(pilot, app) -> None:  # type: ignore[no-untyped-def]
    """The ID field has the focus, its number selected: the next citizen's number replaces it."""
    field = app.screen.query_one("#input-id_number", Input)
    assert app.focused is field
    await pilot.press(*NEXT_ID)
    await settle(pilot)
    assert field.value == NEXT_ID


async def test_after_in_person_registration_the_next_number_replaces_this_one(env, people):
    p = people["new_user"]  # 林晓, on record without an account
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理业务")
        assert app.focused is app.screen.query_one("#register")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, InPersonRegisterScreen)
        assert app.screen.query_one("#input-name", Input).value == p.name
        assert app.focused is app.screen.query_one("#input-phone")  # the first field left empty
        await pilot.press(*"13800001111", "enter")
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, CitizenScreen)
        assert f"{p.name} 注册成功" in screen_text(app)
        await _next_number_replaces(pilot, app)


async def test_enter_in_the_name_says_a_wrong_name_at_once(env, people):
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await press(pilot, "m-citizen")
        await press(pilot, "register")
        assert app.focused is app.screen.query_one("#input-name")  # nothing filled: the first field
        await pilot.press(*"abc", "enter")
        await settle(pilot)
        assert "汉字" in field_error(app, "name")
        assert app.focused is app.screen.query_one("#input-name")  # the focus stays for the correction
        set_input(app, "name", "林晓")
        await pilot.press("enter")
        await settle(pilot)
        assert app.focused is app.screen.query_one("#input-id_number")
        await pilot.press(*"1234", "enter")
        await settle(pilot)
        assert "18" in field_error(app, "id_number") and app.focused is app.screen.query_one("#input-id_number")


async def test_after_the_phone_reset_the_next_number_replaces_this_one(env, people):
    p = people["driver_normal"]  # registered, nothing waiting for the counter
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理业务")
        app.screen.query_one("#reset-phone").focus()  # as the clerk reaches it: Tab, then Enter
        await pilot.press("enter")
        await settle(pilot)
        set_input(app, "new_phone", "13800009999")
        await press(pilot, "submit")
        await press(pilot, "yes")
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, CitizenScreen) and "绑定手机号已重置" in screen_text(app)
        await _next_number_replaces(pilot, app)


async def _cancel_under_cursor(pilot, app) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("enter")  # on the booking's row: its 取消事由
    await settle(pilot)
    set_input(app, "cancel_reason", "考生本人申请取消")
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, ConfirmDialog)
    await pilot.click("#yes")
    await settle(pilot)
    await settle(pilot)
    assert isinstance(app.screen, CitizenScreen)


async def test_after_the_last_cancellable_booking_the_next_number_replaces_this_one(env):
    learner = add_learners(env, 1, permit_left_days=100)[0]  # 科目一 passed (not cancellable), 科目二 booked
    priority_booked(env, learner)
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, learner.id_number, "本人到窗口办理业务")
        assert app.focused is app.screen.query_one("#bookings")
        await _cancel_under_cursor(pilot, app)
        assert "的科目二优先考试预约（业务流水号" in screen_text(app)
        await _next_number_replaces(pilot, app)


async def test_enter_in_the_id_field_looks_up_with_the_reason_already_there(env, people):
    first, second = people["driver_normal"], people["new_user"]
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, first.id_number, "本人到窗口办理业务")
        field = app.screen.query_one("#input-id_number", Input)
        assert app.focused is field
        await pilot.press(*second.id_number, "enter")  # over the selected number
        await settle(pilot)
        await settle(pilot)
        assert second.name in screen_text(app) and app.screen.file is not None
        assert app.focused is app.screen.query_one("#register")  # where a lookup puts it
        with env.db.read() as s:
            reasons = [a.detail for a in s.query(AuditEntry).filter(AuditEntry.action == "citizen_lookup")]
        assert len(reasons) == 2 and all("本人到窗口办理业务" in r for r in reasons)


async def test_enter_in_the_id_field_with_no_reason_goes_to_the_reason(env, people):
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await press(pilot, "m-citizen")
        await pilot.press(*people["driver_normal"].id_number, "enter")
        await settle(pilot)
        assert app.focused is app.screen.query_one("#input-reason") and app.screen.file is None
