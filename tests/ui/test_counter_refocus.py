"""Pilot: what the clerk sees after acting is what is true and where the focus is. 办结 of a
licence change shows the e-licence to re-apply (the summary read afresh, not half of it); at 80x24
the row a lookup focuses is on screen; unlocking the counter puts the focus back where it was,
never on 锁定屏幕 (the next Enter would lock it again)."""
from __future__ import annotations

from textual.widgets import Static

from kiosk.services import applications, elicence
from kiosk.services.catalog import SERVICES
from kiosk.ui.dialogs.choose import ChooseDialog
from kiosk.ui.screens.counter.citizen import CitizenScreen
from kiosk.ui.screens.lock import LockScreen
from kiosk.ui.screens.staff_home import StaffHomeScreen
from tests.app_helpers import apply_for
from tests.booking_helpers import account_id
from tests.ui.conftest import set_input, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import look_up, press


def _summary(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#citizen-summary", Static).render())


def _on_screen(app, widget) -> bool:  # type: ignore[no-untyped-def]
    """``widget`` (for a table: its row under the cursor) is what the screen shows at its place."""
    region = widget.region
    if not region.height:
        return False
    y = region.y
    if hasattr(widget, "cursor_row"):
        y += widget._get_row_region(widget.cursor_row).y - int(widget.scroll_y)  # noqa: SLF001
    if not 0 <= y < app.size.height:
        return False
    shown, _ = app.screen.get_widget_at(region.x, y)
    return shown is widget or widget in shown.ancestors


async def test_after_a_transfer_is_finished_the_e_licence_is_to_reapply(env, people):
    p = people["points_study"]  # 宋佳
    acc = account_id(env, p)
    elicence.apply_direct(env, acc)
    service = SERVICES["licence_replace"]
    with env.db.read() as s:
        from kiosk.db.models import Account

        city = service.prepare(s, env, s.get(Account, acc)).choices["city"][0][1]
    form = {"kind": "transfer", "city": city, "delivery": "mail", "address": "四川省成都市武侯区一环路1号"}
    serial = applications.submit(env, service, acc, form).serial_no
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理业务")
        assert "电子驾驶证：已签发" in _summary(app)
        table = app.screen.query_one("#apps")
        assert app.focused is table and table.get_row_index(serial) == table.cursor_row
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ChooseDialog)
        await press(pilot, "answer-0")  # 已邮寄, the one way
        assert isinstance(app.screen, CitizenScreen)
        text = _summary(app)
        assert str(table.get_row(serial)[2]) == "已办结"  # the same read as the summary's
        assert "电子驾驶证：需重新申领" in text and "已签发" not in text


async def test_at_80x24_the_row_a_lookup_focuses_is_on_screen(env, people, document_service):
    p = people["driver_normal"]
    acc = account_id(env, p)
    for _ in range(2):
        apply_for(env, document_service, acc)
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理业务")
        table = app.screen.query_one("#apps")
        assert app.focused is table and table.cursor_row == 0  # the first waiting (the newest on top)
        assert _on_screen(app, table), "the focused row is below the screen"
        await pilot.press("enter")
        await settle(pilot)
        await press(pilot, "answer-1")  # 已在窗口领取
        assert isinstance(app.screen, CitizenScreen)
        focused = app.focused
        assert focused is not None and _on_screen(app, focused)  # after the action too


async def _unlock(pilot, app) -> None:
    """The lock screen is up: the PIN typed and Enter, back on 窗口工作台."""
    assert isinstance(app.screen, LockScreen)
    set_input(app, "pin", "100100")
    app.screen.query_one("#input-pin").focus()
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, StaffHomeScreen)


async def test_unlocking_puts_the_focus_back_not_on_the_lock_button(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app)
        assert isinstance(app.screen, StaffHomeScreen)
        menu = app.screen.query_one("#m-citizen")
        menu.focus()
        await pilot.click("#lock")  # the click focuses 锁定屏幕 on its way
        await settle(pilot)
        await _unlock(pilot, app)
        assert app.focused is menu  # where the clerk was
        await pilot.press("enter")  # so Enter opens 为群众办理, it does not lock again
        await settle(pilot)
        assert isinstance(app.screen, CitizenScreen)
        app.pop_screen()
        await settle(pilot)
        lock = app.screen.query_one("#lock")
        lock.focus()  # Tabbed to it: the place before the lock is the lock button itself
        await pilot.press("enter")
        await settle(pilot)
        await _unlock(pilot, app)
        assert app.focused is not None and app.focused is not lock
