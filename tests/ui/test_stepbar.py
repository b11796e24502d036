"""The step bar keeps every step on one line, however narrow the terminal."""
from __future__ import annotations

from textual.app import App, ComposeResult

from kiosk.ui.screens.booking.wizard import PRIORITY_STEPS
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
