"""Pilot: 为群众办理 after the last application waiting for the counter is turned back (tester: the
focus went to the ID field, whose 18 digits took no more keys: typing did nothing) or finished by
Enter on its row (tester: the row kept the focus, and the next number typed went nowhere), and when
a new one arrives while the file is on screen (tester: the actions did not come back; they did,
under the screen's edge)."""
from __future__ import annotations

from textual.widgets import Button

from kiosk.ui.dialogs.confirm import ConfirmDialog
from tests.app_helpers import apply_for
from tests.booking_helpers import account_id
from tests.ui.conftest import screen_text, set_input, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import look_up, press


async def test_after_the_last_refusal_by_keys_the_next_citizens_number_can_be_typed(env, people, document_service):
    p = people["driver_normal"]
    serial = apply_for(env, document_service, account_id(env, p))
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理业务")
        apps = app.screen.query_one("#apps")
        apps.focus()
        apps.move_cursor(row=apps.get_row_index(serial))
        await settle(pilot)
        await pilot.press("tab", *"abc", "tab", "right")  # 退办理由, then 退办所选业务 (beside 办结所选业务)
        await settle(pilot)
        assert app.focused is app.screen.query_one("#refuse-app", Button)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("left", "enter")  # 确认退办
        await settle(pilot)
        await settle(pilot)
        field = app.screen.query_one("#input-id_number")
        assert app.focused is field and "已退办" in screen_text(app) and "退办所选业务" not in screen_text(app)
        await pilot.press(*"500107199501010426")  # the next citizen's number replaces the last one's
        await settle(pilot)
        assert field.value == "500107199501010426"


async def test_finishing_by_enter_goes_on_to_the_next_waiting_then_to_the_id_field(env, people, document_service):
    p = people["driver_normal"]
    acc = account_id(env, p)
    first, second = apply_for(env, document_service, acc), apply_for(env, document_service, acc)
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理业务")
        apps = app.screen.query_one("#apps")
        done = []
        for _ in range(2):
            assert app.focused is apps  # on the first application waiting: Enter opens 办结
            done.append(apps.coordinate_to_cell_key(apps.cursor_coordinate).row_key.value)
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("left", "enter")  # the first way offered (the focus starts on 取消)
            await settle(pilot)
            await settle(pilot)
        assert sorted(done) == sorted([first, second])  # the cursor went on to the other one
        field = app.screen.query_one("#input-id_number")
        assert app.focused is field and "办结所选业务" not in screen_text(app)
        await pilot.press(*"500107199501010426")  # the next citizen's number replaces the last one's
        assert field.value == "500107199501010426"


async def test_an_application_made_meanwhile_brings_the_actions_back(env, people, document_service):
    p = people["driver_normal"]
    acc = account_id(env, p)
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理业务")
        assert "退办所选业务" not in screen_text(app)
        serial = apply_for(env, document_service, acc)  # the citizen, at a kiosk meanwhile
        app.screen._live()  # noqa: SLF001 - the 5-second timer's read, at once
        await settle(pilot)
        await settle(pilot)
        assert serial in screen_text(app)
        # back on the page, under the list (below the screen's edge here: a live read scrolls nothing)
        assert app.screen.query_one("#app-part").display
        assert app.screen.query_one("#refuse-app").display and app.screen.query_one("#finish-app").display


async def test_after_a_lookup_with_nothing_to_do_the_next_number_replaces_this_one(env, people):
    """未查询到 (and a citizen with nothing waiting): the ID field has the focus, its number selected; it
    stayed in 查询事由, and the next citizen's number went in as the reason of the same lookup (tester).
    A person on record without an account: 面签注册 has it (it was 2 Tabs away)."""
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, "50010119900101123X", "本人到窗口办理业务")  # a valid number nobody has
        await settle(pilot)
        field = app.screen.query_one("#input-id_number")
        assert "未查询到" in screen_text(app) and app.focused is field
        await pilot.press(*"500107199501010426")
        assert field.value == "500107199501010426"
        app.screen.query_one("#input-reason").value = "本人到窗口办理业务"
        await pilot.press("tab", "enter")  # 查询事由, Enter: 王芳, found, nothing for the counter to finish
        await settle(pilot)
        await settle(pilot)
        assert "王芳" in screen_text(app)
        assert app.focused is field or app.focused.id in ("apps", "bookings")
        set_input(app, "id_number", people["new_user"].id_number)
        await press(pilot, "lookup")
        await settle(pilot)
        assert "尚未注册" in screen_text(app) and app.focused is app.screen.query_one("#register")
        await pilot.press("enter")  # 面签注册: the name on record filled in, to compare with the card
        await settle(pilot)
        assert app.screen.query_one("#input-name").value == people["new_user"].name
