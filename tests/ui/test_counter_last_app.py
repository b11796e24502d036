"""Pilot: 为群众办理 after the last application waiting for the counter is turned back (tester: the
focus went to the ID field, whose 18 digits took no more keys: typing did nothing), and when a new one arrives while the file is
on screen (tester: the actions did not come back; they did, under the screen's edge)."""
from __future__ import annotations

from textual.widgets import Button

from kiosk.ui.dialogs.confirm import ConfirmDialog
from tests.app_helpers import apply_for
from tests.booking_helpers import account_id
from tests.ui.conftest import screen_text, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.test_counter_screens import look_up


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
