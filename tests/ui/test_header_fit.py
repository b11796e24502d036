"""The header keeps its clock on the line whatever the terminal id's length (up to the 100
characters the database takes); a long id is cut with ASCII ..."""
from __future__ import annotations

import dataclasses
import re

import pytest

from kiosk.db.models import TERMINAL_ID_MAX
from kiosk.services.env import Env
from kiosk.ui.app import make_app
from kiosk.ui.widgets.header import fit
from tests.ui.conftest import screen_text, settle


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_long_terminal_id_leaves_the_clock_in_view(env: Env, size: tuple[int, int]) -> None:
    terminal = "hall-3-" + "x" * (TERMINAL_ID_MAX - 7)
    app = make_app(dataclasses.replace(env.settings, terminal_id=terminal), env)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        top = screen_text(app).splitlines()[0]
        clock = f"{env.clock.now():%Y-%m-%d %H:%M}"
        assert clock in top and re.search(r"\d\d:\d\d:\d\d$", top.rstrip())
        assert "终端 hall-3-x" in top and "..." in top
        assert len(top.rstrip()) <= size[0]


def test_fit_counts_cells_not_characters() -> None:
    assert fit("终端 kiosk-01", 20) == "终端 kiosk-01"
    assert fit("终端 abcdefghijklmnop", 10) == "终端 ab..."
    assert fit("张三丰李四王五", 8) == "张三..."  # a wide character that would not fit whole is left out
