"""Pilot: a dropdown opened by a tap has its bar where a key would put it (kiosk.ui.widgets.dropdown):
tap, Down, Enter chooses the first option, as Enter, Down, Enter does (tester: tap, Down, Enter
chose the prompt 请选择考场 in 考试计划与安排; 审核队列's 不通过原因 the same). Every dropdown is a Dropdown."""
from __future__ import annotations

import ast

from textual.widgets import Select
from textual.widgets._select import SelectOverlay

from kiosk.services.elicence_review import REJECT_REASONS
from kiosk.ui.widgets.dropdown import Dropdown
from tests.ui.conftest import settle
from tests.ui.test_choice_marks import ui_nodes_outside_choice
from tests.ui.test_counter import counter_app
from tests.ui.test_counter_plans_form import _open
from tests.ui.counter_helpers import SIZE, open_review, queued_photo


async def tap_down_enter(pilot, select: Select) -> None:  # type: ignore[type-arg]
    await pilot.click(f"#{select.id}")
    await settle(pilot)
    assert select.expanded
    assert select.query_one(SelectOverlay).highlighted == 0  # the prompt, as Enter opens it
    await pilot.press("down", "enter")
    await settle(pilot)
    assert not select.expanded


async def test_tap_down_enter_chooses_the_first_site(env):
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot, app)
        site = app.screen.query_one("#site", Select)
        await tap_down_enter(pilot, site)
        assert site.value == site._options[1][1]  # the first site, not the prompt (Select.NULL)


async def test_tap_down_enter_chooses_the_first_reason(env, people):
    queued_photo(env, people)
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot, app)
        reason = app.screen.query_one("#reason", Select)
        await tap_down_enter(pilot, reason)
        assert reason.value == REJECT_REASONS[0]


async def test_a_tap_on_a_chosen_value_opens_the_list_on_it(env, people):
    queued_photo(env, people)
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot, app)
        reason = app.screen.query_one("#reason", Select)
        reason.value = REJECT_REASONS[2]
        await settle(pilot)
        await pilot.click("#reason")
        await settle(pilot)
        assert reason.query_one(SelectOverlay).highlighted == 3  # the prompt is option 0


def test_every_dropdown_of_the_app_is_a_dropdown():
    """No screen builds Textual's Select itself or a subclass of it but through Dropdown."""
    offenders = []
    for path, node in ui_nodes_outside_choice():
        if path.name == "dropdown.py":
            continue
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Select":
            offenders.append(f"{path.name}:{node.lineno}")
        if isinstance(node, ast.ClassDef):
            for base in node.bases:
                name = base.value if isinstance(base, ast.Subscript) else base
                if getattr(name, "id", None) == "Select":
                    offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == [] and issubclass(Dropdown, Select)
