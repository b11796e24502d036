"""The step bar keeps every step on one line, however narrow the terminal."""
from __future__ import annotations

import re

from textual.app import App, ComposeResult

from kiosk.ui.screens.booking.wizard import PRIORITY_SHORT, PRIORITY_STEPS
from kiosk.ui.widgets.stepbar import StepBar


class Bar(App):
    def compose(self) -> ComposeResult:
        yield StepBar(PRIORITY_STEPS)


async def test_all_six_priority_steps_fit_at_80_columns() -> None:
    for width, names in ((200, True), (80, False)):
        app = Bar()
        async with app.run_test(size=(width, 10)) as pilot:
            bar = app.query_one(StepBar)
            bar.current = 3
            await pilot.pause()
            line = str(bar.render())
            assert len(PRIORITY_STEPS) == 6 and " 6" in line and f"4.{PRIORITY_STEPS[3]}" in line
            assert bar.render().cell_len <= width
            assert (f"6.{PRIORITY_STEPS[5]}" in line) is names  # with room, every step is named


class ShortBar(App):
    def compose(self) -> ComposeResult:
        yield StepBar(PRIORITY_STEPS, short=PRIORITY_SHORT)


async def test_with_short_labels_every_step_keeps_a_name_at_80_columns() -> None:
    """The priority bar in the wizard at 80x24 is 76 columns wide: every step named, two of them by
    their short labels, rather than 「1 > 2 > 3 > 4 > 5.选择场次 > 6」; still narrower, numbers."""
    for width, named in ((200, True), (80, True), (76, True), (50, False)):
        app = ShortBar()
        async with app.run_test(size=(width, 10)) as pilot:
            bar = app.query_one(StepBar)
            bar.current = 4
            await pilot.pause()
            line = str(bar.render())
            assert bar.render().cell_len <= width
            assert all(re.search(rf"{i}\.\S", line) for i in range(1, 7)) is named, line
            if width == 200:  # with room, the seed's names
                assert all(f"{i + 1}.{step}" in line for i, step in enumerate(PRIORITY_STEPS))
            else:
                assert f"5.{PRIORITY_STEPS[4]}" in line  # the current step by its name
