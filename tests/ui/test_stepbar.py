"""The step bar keeps every step on one line, however narrow the terminal."""
from __future__ import annotations

import re

import pytest
from textual.app import App, ComposeResult
from textual.geometry import Size

from kiosk.ui.screens.booking.wizard import NORMAL_STEPS, PRIORITY_SHORT, PRIORITY_STEPS
from kiosk.ui.widgets.stepbar import StepBar
from tests.ui.conftest import settle
from tests.ui.test_booking_wizard import step, to_sessions


class Bar(App):
    def compose(self) -> ComposeResult:
        yield StepBar(PRIORITY_STEPS)


async def test_all_six_priority_steps_fit_at_80_columns() -> None:
    """With room, every step numbered and named; at 80 columns every step by the seed's name, without
    numbers; narrower still, the other steps by their number."""
    for width, said in ((200, "numbered"), (80, "names"), (60, "numbers")):
        app = Bar()
        async with app.run_test(size=(width, 10)) as pilot:
            bar = app.query_one(StepBar)
            bar.current = 3
            await pilot.pause()
            line = str(bar.render())
            assert len(PRIORITY_STEPS) == 6 and bar.render().cell_len <= width
            assert all(step in line for step in PRIORITY_STEPS) is (said != "numbers"), line
            assert (f"4.{PRIORITY_STEPS[3]}" in line and " 6" in line) is (said != "names"), line


class ShortBar(App):
    def compose(self) -> ComposeResult:
        yield StepBar(PRIORITY_STEPS, short=PRIORITY_SHORT)


async def test_with_short_labels_every_step_keeps_its_seed_name_at_80_columns() -> None:
    """The priority bar in the wizard at 80x24 is 76 columns wide: every step by the seed's name
    (切换优先预约, 优先预约业务须知: tester, not the short 优先预约 and 优先须知), without numbers, rather
    than 「1 > 2 > 3 > 4 > 5.选择场次 > 6」; still narrower, numbers."""
    for width, named in ((200, True), (80, True), (76, True), (67, True), (50, False)):
        app = ShortBar()
        async with app.run_test(size=(width, 10)) as pilot:
            bar = app.query_one(StepBar)
            bar.current = 4
            await pilot.pause()
            line = str(bar.render())
            assert bar.render().cell_len <= width
            assert all(step in line for step in PRIORITY_STEPS) is named, line
            if width == 200:  # with room, numbered too
                assert all(f"{i + 1}.{step}" in line for i, step in enumerate(PRIORITY_STEPS))
            elif not named:
                assert f"5.{PRIORITY_STEPS[4]}" in line  # the current step by its name


NORMAL_4 = " 1.科目确认   >   2.业务须知   >   3.选择场次   >   4.确认并提交 "
PRIORITY_100 = " 1.科目确认 > 2.业务须知 > 3.切换优先预约 > 4.优先预约业务须知 > 5.选择场次 > 6.确认并提交 "
PRIORITY_80 = "科目确认＞业务须知＞切换优先预约＞优先预约业务须知＞选择场次＞确认并提交"


def gaps(line: str) -> list[str]:
    """What stands before, between and after the steps (1.科目确认, 科目确认, or 2 alone) of a bar's line."""
    return re.split(r"[^\s>＞]+", line)


def evenly_spaced(line: str) -> bool:
    """One separator throughout, with as much space either side of it, and the same space before the
    first step as after the last (the tester at 80 columns: 1.科目确认> 2.业务须知>  3.优先预约 > ...)."""
    first, *between, last = gaps(line)
    sep = between[0]
    side = " " * (len(sep) - len(sep.lstrip(" ")))
    return set(between) == {sep} and sep in (f"{side}>{side}", f"{side}＞{side}") and first == last == " " * len(first)


class AnyBar(App):
    def __init__(self, steps: list[str], short: list[str] | None) -> None:
        super().__init__()
        self.steps, self.short = steps, short

    def compose(self) -> ComposeResult:
        yield StepBar(self.steps, short=self.short)


class WidthBar(StepBar):
    """A bar that renders as if it were ``width`` columns wide."""
    width = 200

    @property
    def size(self) -> Size:
        return Size(self.width, 1)


async def test_every_width_tier_spaces_the_steps_evenly() -> None:
    for steps, short in ((NORMAL_STEPS, None), (PRIORITY_STEPS, PRIORITY_SHORT), (PRIORITY_STEPS, None)):
        bar = WidthBar(steps, short=short)
        for bar.width in range(200, 40, -1):  # 40: the narrowest, numbers-only line of the 6 steps
            for bar.current in range(len(steps)):
                line = bar.render()
                assert line.cell_len <= bar.width and evenly_spaced(line.plain), (bar.width, line.plain)


async def test_the_bars_rendered_at_80_and_100_columns() -> None:
    """Bare, the bar is as wide as the terminal; in the wizard 4 columns less (next test)."""
    for steps, short, width, said in ((NORMAL_STEPS, None, 80, NORMAL_4), (NORMAL_STEPS, None, 100, NORMAL_4),
                                      (PRIORITY_STEPS, PRIORITY_SHORT, 100, PRIORITY_100),
                                      (PRIORITY_STEPS, PRIORITY_SHORT, 76, PRIORITY_80)):
        app = AnyBar(steps, short)
        async with app.run_test(size=(width, 5)) as pilot:
            app.query_one(StepBar).current = 2
            await pilot.pause()
            assert app.query_one(StepBar).render().plain == said, width
    app = AnyBar(PRIORITY_STEPS, PRIORITY_SHORT)
    async with app.run_test(size=(80, 5)) as pilot:  # room for the names with a space either side
        await pilot.pause()
        assert app.query_one(StepBar).render().plain == " 科目确认 > 业务须知 > 切换优先预约 > 优先预约业务须知 > 选择场次 > 确认并提交 "


@pytest.mark.parametrize("size, priority", [((80, 24), PRIORITY_80), ((100, 32), PRIORITY_100)],
                         ids=["80x24", "100x32"])
async def test_the_wizard_bars_at_80x24_and_100x32(kiosk_app, env, people, size, priority) -> None:
    """王芳's bar, as drawn: 4 steps on 科目确认, 6 once 切换至优先预约 was chosen."""
    async with kiosk_app.run_test(size=size) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        kiosk_app.screen.query_one("#prev-sessions").press()  # the notice agreed to is skipped
        await settle(pilot)
        assert step(kiosk_app) == ("step-subject", 0) and drawn(kiosk_app) == NORMAL_4.rstrip()
        await to_priority(pilot)
        assert step(kiosk_app) == ("step-priority-notice", 3) and drawn(kiosk_app) == priority.rstrip()


async def to_priority(pilot) -> None:  # type: ignore[no-untyped-def]
    """From 科目确认 (科目二 chosen, its notice agreed to): 选择场次, 切换至优先预约."""
    for button in ("next-subject", "to-priority"):
        pilot.app.screen.query_one(f"#{button}").press()
        await settle(pilot)


def drawn(app) -> str:  # type: ignore[no-untyped-def]
    bar = app.screen.query_one(StepBar)
    strips = app.screen._compositor.render_strips()  # noqa: SLF001
    return strips[bar.region.y].crop(bar.content_region.x, bar.content_region.right).text.rstrip()


async def test_full_score_bar_keeps_its_numbers_as_the_other_wizards_do() -> None:
    """满分学习考试's 4 steps: where its seed names fit only without numbers (62 columns beside the
    number pad at 100x32) it showed 选择教育城市和教育方式＞确认现场教育场次＞..., unnumbered and full-width;
    now its short labels, numbered and spaced as 考试预约's bar: 1.选择城市和方式 > 2.确认场次 > ..."""
    from kiosk.ui.screens.full_score import SHORT, STEPS

    bar = WidthBar(STEPS, short=SHORT, short_before_bare=True)
    for bar.width in range(200, 40, -1):
        for bar.current in range(len(STEPS)):
            line = bar.render().plain
            assert bar.render().cell_len <= bar.width and evenly_spaced(line), (bar.width, line)
            if bar.width >= 49:  # the narrowest numbered line of the short labels
                assert all(f"{i + 1}." in line for i in range(len(STEPS))), (bar.width, line)
    bar.width, bar.current = 62, 0
    assert bar.render().plain == " 1.选择城市和方式 > 2.确认场次 > 3.信息确认 > 4.办理结果 "


@pytest.mark.parametrize("size", [(100, 30), (120, 40)], ids=["100x30", "120x40"])
async def test_full_score_bar_is_the_same_on_every_step(kiosk_app, env, people, size) -> None:
    """Beside the number pad, shown with the day fields only, 100x30 read 1.选择城市和方式 > 2.确认场次
    > ... on the first step and 1.选择教育城市和教育方式 > 2.确认现场教育场次 > ... on the next (tester;
    120x40 changed its spacing). The bar is over the page and the pad, as 考试预约's."""
    from kiosk.ui.screens.full_score import STEPS
    from tests.ui.test_full_score_flow import _open

    async with kiosk_app.run_test(size=size) as pilot:
        await _open(pilot, env, people["full_score"])
        await settle(pilot)
        screen = kiosk_app.screen
        assert screen.query_one("KeypadBox").display  # the pad beside the day fields
        first = drawn(kiosk_app)
        screen.query_one("#next").press()  # the days filled in (2 + 3): on to 确认现场教育场次
        await settle(pilot)
        assert screen.query_one(StepBar).current == 1 and drawn(kiosk_app) == first
        assert all(f"{i + 1}.{name}" in first for i, name in enumerate(STEPS)), first
