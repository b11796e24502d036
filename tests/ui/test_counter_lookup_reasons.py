"""Pilot: 为群众办理's 常用事由, from assets/config/lookup_reasons.json, under 查询事由. The clerk gets
there with the keyboard (Down in 查询事由, or Tab) and Enter on a reason looks the citizen up with
it; Space or a click only puts it into 查询事由, where it can be added to; a typed reason needs no pick."""
from __future__ import annotations

from sqlalchemy import select
from textual.widgets import Input

from kiosk.db.models import AuditEntry
from kiosk.services.counter_citizen import lookup_reasons
from kiosk.ui.widgets.reasons import ReasonList
from tests.ui.conftest import field_error, screen_text, set_input, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import press

REASONS = lookup_reasons()


def _lookups(env) -> list[str]:
    with env.db.read() as s:
        return [e.detail for e in s.scalars(select(AuditEntry).where(AuditEntry.action == "citizen_lookup")
                                            .order_by(AuditEntry.id))]


async def _citizen_screen(pilot, app) -> ReasonList:
    await _sign_in(pilot, app)
    await press(pilot, "m-citizen")
    return app.screen.query_one("#reasons-reason", ReasonList)


async def test_the_listed_reasons_are_the_configured_ones(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        reasons = await _citizen_screen(pilot, app)
        assert reasons.reasons == REASONS and "本人到窗口办理业务" in REASONS
        lines = screen_text(app).splitlines()
        assert all(any(r in line for line in lines) for r in REASONS)  # each one on screen
        assert reasons.highlighted is None  # none looks chosen before the clerk gets there


async def test_down_arrows_and_enter_look_the_citizen_up_with_a_reason(env, people):
    a = people["driver_normal"]
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        reasons = await _citizen_screen(pilot, app)
        await pilot.press(*a.id_number, "enter")  # Enter in the ID number goes on to 查询事由
        assert app.focused is app.screen.query_one("#input-reason")
        await pilot.press("down")
        assert app.focused is reasons and reasons.highlighted == 0
        await pilot.press("down", "down")
        assert reasons.highlighted == 2
        await pilot.press("up")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one("#input-reason", Input).value == REASONS[1]
        assert a.name in screen_text(app) and _lookups(env) == [f"事由：{REASONS[1]}"]


async def test_the_list_stops_at_both_ends_and_up_goes_back_to_the_field(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        reasons = await _citizen_screen(pilot, app)
        app.screen.query_one("#input-reason").focus()
        await pilot.press("down", *["down"] * (len(REASONS) + 2))
        assert reasons.highlighted == len(REASONS) - 1  # no wrap round to the top
        await pilot.press(*["up"] * (len(REASONS) - 1))
        assert app.focused is reasons and reasons.highlighted == 0
        await pilot.press("up")
        assert app.focused is app.screen.query_one("#input-reason")
        assert reasons.highlighted is None and _lookups(env) == []


async def test_space_takes_a_reason_to_add_to_and_tab_reaches_the_list(env, people):
    a = people["driver_normal"]
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        reasons = await _citizen_screen(pilot, app)
        set_input(app, "id_number", a.id_number)
        set_input(app, "reason", "")
        await press(pilot, "lookup")
        assert "查询事由" in field_error(app, "reason")
        assert app.focused is app.screen.query_one("#input-reason")
        await pilot.press("tab")  # the list is the next Tab stop after the field
        assert app.focused is reasons and reasons.highlighted == 0  # the field is empty: the first
        await pilot.press("down", "space")
        await settle(pilot)
        field = app.screen.query_one("#input-reason", Input)
        assert field.value == REASONS[1] and field_error(app, "reason") == ""  # picked: the message went
        assert a.name not in screen_text(app) and _lookups(env) == []  # Space does not look up
        field.focus()
        await pilot.press("end", *"张三")
        await pilot.press("enter")
        await settle(pilot)
        assert _lookups(env) == [f"事由：{REASONS[1]}张三"]
        field.focus()
        await pilot.press("down")
        assert reasons.highlighted == 0  # the field holds no listed reason now: from the top
        set_input(app, "reason", REASONS[3])
        field.focus()
        await pilot.press("down")
        assert reasons.highlighted == 3  # from the reason the field holds


async def test_a_click_takes_a_reason_without_looking_up(env, people):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _citizen_screen(pilot, app)
        set_input(app, "id_number", people["driver_normal"].id_number)
        await pilot.click("#reasons-reason", offset=(3, 1 + 2))  # the list's border, then the third reason
        await settle(pilot)
        assert app.screen.query_one("#input-reason", Input).value == REASONS[2]
        assert _lookups(env) == []
        await press(pilot, "lookup")
        assert _lookups(env) == [f"事由：{REASONS[2]}"]


async def test_tab_reaches_the_list_on_the_first_reason_and_enter_looks_up_with_it(env, people):
    """The tester's keys: the ID number, Tab (查询事由), Tab (the list), Enter said 请选择或填写查询事由
    （至少2个字）: Tab had left no reason under the bar. As Down from 查询事由, Tab reaches the list on
    the first reason; Down then goes on to the second, Up back to the field."""
    a = people["driver_normal"]
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        reasons = await _citizen_screen(pilot, app)
        await pilot.press(*a.id_number, "tab", "tab")
        assert app.focused is reasons and reasons.highlighted == 0
        await pilot.press("down")
        assert reasons.highlighted == 1
        await pilot.press("up", "up")
        assert app.focused is app.screen.query_one("#input-reason")
        await pilot.press("tab", "enter")
        await settle(pilot)
        assert field_error(app, "reason") == ""
        assert a.name in screen_text(app) and _lookups(env) == [f"事由：{REASONS[0]}"]


async def test_tab_with_a_typed_reason_leaves_it_to_enter(env, people):
    """Noticed in session 22: Tab onto the list, then Enter with no reason under the bar, did
    nothing. A reason the clerk typed is not replaced by the first listed one: Tab reaches the list
    with none under the bar, Enter looks up with the typed reason, and the first arrow key (Up too)
    puts the bar on the first reason."""
    a = people["driver_normal"]
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        reasons = await _citizen_screen(pilot, app)
        await pilot.press(*a.id_number, "tab", *"核对驾驶证信息", "tab")
        assert app.focused is reasons and reasons.highlighted is None
        await pilot.press("up")  # the first, not the last (nor back to the field)
        assert app.focused is reasons and reasons.highlighted == 0
        app.screen.query_one("#input-reason").focus()
        await pilot.press("tab", "enter")
        await settle(pilot)
        assert a.name in screen_text(app) and _lookups(env) == ["事由：核对驾驶证信息"]


async def test_down_and_enter_sent_together_look_the_citizen_up(env, people):
    """Tester (tmux, a macro): Down and Enter at once in the empty 查询事由 said 请选择或填写查询事由
    （至少2个字） and looked nobody up; the Down's focus on the list came after the Enter."""
    from tests.ui.test_typed_ahead_of_form import _key

    a = people["driver_normal"]
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _citizen_screen(pilot, app)
        set_input(app, "id_number", a.id_number)
        set_input(app, "reason", "")
        app.screen.query_one("#input-reason").focus()
        await settle(pilot)
        for key in ("down", "enter"):
            _key(app, key)
        await settle(pilot)
        assert a.name in screen_text(app) and _lookups(env) == [f"事由：{REASONS[0]}"]


async def test_a_wrong_id_is_said_at_enter_and_every_wrong_field_at_lookup(env):
    """17 digits and Enter went on to 查询事由 unsaid; 查询 then told the ID's problem, and the
    reason's only at the next one (tester). Enter says the ID's problem at once, the focus kept;
    查询 says both at once, each under its field; nothing is looked up (or audited)."""
    app = counter_app(env)
    async with app.run_test(size=(100, 30)) as pilot:
        await _citizen_screen(pilot, app)
        id_input = app.screen.query_one("#input-id_number", Input)
        await pilot.press(*"50010719950101042", "enter")
        await settle(pilot)
        assert field_error(app, "id_number") == "身份证号码应为18位，您输入了17位"
        assert app.focused is id_input
        await press(pilot, "lookup")
        assert field_error(app, "id_number") == "身份证号码应为18位，您输入了17位"
        assert field_error(app, "reason") == "请选择或填写查询事由（至少2个字）"
        assert app.focused is id_input  # the first wrong field
        assert _lookups(env) == []
        set_input(app, "id_number", "500107199501010426")
        id_input.focus()
        await pilot.press("enter")  # right now, the reason still empty: on to 查询事由
        await settle(pilot)
        assert field_error(app, "id_number") == ""
        assert app.focused is app.screen.query_one("#input-reason", Input)
