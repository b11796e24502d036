"""Pilot: 为群众办理 keeps the ID number and 查询事由 while the clerk is away from the screen and back,
for this sign-in only (tester: back from the 窗口工作台 for the same citizen, 查询事由 was empty). The
reason kept is that citizen's: another number takes it away, theirs brings it back; signing out
(and in again) forgets both."""
from __future__ import annotations

import pytest
from textual.widgets import Input

from kiosk.db.models import AuditEntry
from kiosk.ui.screens.counter.citizen import CitizenScreen
from kiosk.ui.screens.counter.citizen_kept import same_number
from tests.ui.conftest import settle
from tests.ui.test_counter import _sign_in, counter_app, sign_out_at_counter
from tests.ui.counter_helpers import look_up, press

SIZE = (120, 40)
REASON = "代办（持委托书）核对身份"


def _value(app, name: str) -> str:  # type: ignore[no-untyped-def]
    return app.screen.query_one(f"#input-{name}", Input).value


async def _away_and_back(pilot) -> None:  # type: ignore[no-untyped-def]
    await press(pilot, "back")
    await settle(pilot)
    assert not isinstance(pilot.app.screen, CitizenScreen)
    await press(pilot, "m-citizen")
    await settle(pilot)
    assert isinstance(pilot.app.screen, CitizenScreen)


def _lookups(env) -> list[str]:  # type: ignore[no-untyped-def]
    with env.db.read() as s:
        return [a.detail for a in s.query(AuditEntry).filter(AuditEntry.action == "citizen_lookup")]


async def test_back_on_the_screen_the_same_citizen_has_the_reason_again(env, people):
    p = people["driver_normal"]
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, REASON)
        await _away_and_back(pilot)
        assert _value(app, "id_number") == p.id_number and _value(app, "reason") == REASON
        field = app.screen.query_one("#input-id_number", Input)
        assert app.focused is field and field.selected_text == p.id_number  # the next number replaces it
        await pilot.press("enter")  # looks the same citizen up again, with the reason kept
        await settle(pilot)
        await settle(pilot)
        assert app.screen.file is not None and app.screen.file.name == p.name
        assert len(_lookups(env)) == 2 and all(REASON in d for d in _lookups(env))


async def test_another_citizen_does_not_get_the_kept_reason(env, people):
    first, other = people["driver_normal"], people["new_user"]
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, first.id_number, REASON)
        await _away_and_back(pilot)
        await pilot.press(*other.id_number)  # over the selected number
        await settle(pilot)
        assert _value(app, "id_number") == other.id_number and _value(app, "reason") == ""
        await pilot.press("enter")  # no reason: on to 查询事由, nobody looked up with the other's
        await settle(pilot)
        assert app.focused is app.screen.query_one("#input-reason") and len(_lookups(env)) == 1
        field = app.screen.query_one("#input-id_number", Input)
        field.focus()
        field.select_all()
        await pilot.press(*first.id_number)  # the first citizen again after all: theirs is back
        await settle(pilot)
        assert _value(app, "reason") == REASON


async def test_signing_out_forgets_the_number_and_the_reason(env, people):
    p = people["driver_normal"]
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, REASON)
        await press(pilot, "back")
        await settle(pilot)
        await sign_out_at_counter(pilot)
        await _sign_in(pilot, app)  # the same clerk, a new sign-in
        await press(pilot, "m-citizen")
        await settle(pilot)
        assert _value(app, "id_number") == "" and _value(app, "reason") == ""
        assert app.focused is app.screen.query_one("#input-id_number")


@pytest.mark.parametrize(("typed", "same"), [
    ("500112198808240556", True), ("５００１１２１９８８０８２４０５５６", True), (" 500112 19880824 0556 ", True),
    ("50011219880824055x", False), ("5001121988", False)])
def test_the_kept_number_is_compared_as_ids_are_read(typed: str, same: bool) -> None:
    """Full-width digits or spaces typed do not count as another citizen's number (the reason stays)."""
    assert same_number(typed, "500112198808240556") is same
    assert same_number("11010519491231002x", "11010519491231002X")
