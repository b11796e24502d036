"""Pilot: 选择场次's dates for a citizen who can only tap (no keyboard to type 2026-12-05): a tap on
开始日期 or 结束日期 opens a month to tap a day in (kiosk.ui.dialogs.date_picker); the day goes into the
field and 查询 uses it; 取消 keeps the old date; a day before the first bookable one cannot be
chosen; the focus coming in by Tab opens nothing. Today is 2026-12-01 (tests.conftest)."""
from __future__ import annotations

from datetime import date

from textual.widgets import Button, Input

from kiosk.config import HIGH_CONTRAST
from kiosk.ui.app import make_app
from kiosk.ui.dialogs.date_picker import DatePickerDialog
from tests.ui.conftest import click_in_view, screen_text, settle
from tests.ui.test_booking_wizard import to_sessions

SIZES = ((120, 40), (100, 30), (80, 24))


def value(app, name: str) -> str:
    return app.screen_stack[-2 if isinstance(app.screen, DatePickerDialog) else -1].query_one(
        f"#input-{name}", Input).value


async def open_picker(pilot, name: str) -> DatePickerDialog:
    await click_in_view(pilot, pilot.app.screen.query_one(f"#input-{name}"))
    dialog = pilot.app.screen
    assert isinstance(dialog, DatePickerDialog)
    return dialog


def day_button(dialog: DatePickerDialog, day: date) -> Button:
    return dialog.query_one(f"#day-{dialog.cells.index(day)}", Button)


async def tap(pilot, button: Button) -> None:
    await pilot.click(button)
    await settle(pilot)


async def test_a_tap_on_a_date_opens_the_month_and_a_tapped_day_is_queried(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        assert value(kiosk_app, "date_from") == "2026-12-04"  # the first open day, as the step opens
        dialog = await open_picker(pilot, "date_from")
        text = screen_text(kiosk_app)
        assert "选择开始日期" in text and "2026年12月" in text and "一     二     三     四     五     六     日" in text
        assert day_button(dialog, date(2026, 12, 4)).has_class("-current")  # the field's date
        assert kiosk_app.focused is day_button(dialog, date(2026, 12, 4))
        await tap(pilot, day_button(dialog, date(2026, 12, 7)))
        assert not isinstance(kiosk_app.screen, DatePickerDialog)
        assert value(kiosk_app, "date_from") == "2026-12-07"
        dialog = await open_picker(pilot, "date_to")  # 2026-12-17: the same month, 下个月 for January
        assert "选择结束日期" in screen_text(kiosk_app)
        await tap(pilot, dialog.query_one("#next-month", Button))
        assert "2027年1月" in screen_text(kiosk_app)
        await tap(pilot, dialog.query_one("#prev-month", Button))
        await tap(pilot, day_button(dialog, date(2026, 12, 10)))
        assert value(kiosk_app, "date_to") == "2026-12-10"
        await click_in_view(pilot, kiosk_app.screen.query_one("#query"))
        step = kiosk_app.screen.query_one("#step-sessions")
        assert step.queried == (date(2026, 12, 7), date(2026, 12, 10), None)
        assert step.rows and all(date(2026, 12, 7) <= r.exam_date <= date(2026, 12, 10) for r in step.rows)


async def test_cancel_and_escape_keep_the_old_date(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        dialog = await open_picker(pilot, "date_from")
        await tap(pilot, dialog.query_one("#next-month", Button))
        await tap(pilot, dialog.query_one("#cancel", Button))
        assert not isinstance(kiosk_app.screen, DatePickerDialog)
        assert value(kiosk_app, "date_from") == "2026-12-04"
        field = kiosk_app.screen.query_one("#input-date_from", Input)
        assert field.cursor_position == len(field.value)  # not where the tap landed (tester: 2027-13-451)
        await open_picker(pilot, "date_to")
        await pilot.press("right", "escape")
        await settle(pilot)
        assert not isinstance(kiosk_app.screen, DatePickerDialog)
        assert value(kiosk_app, "date_to") == "2026-12-17"


async def test_a_day_before_the_first_bookable_one_cannot_be_chosen(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        kiosk_app.screen.query_one("#input-date_from", Input).value = "2026-11-20"  # typed: a past day
        dialog = await open_picker(pilot, "date_from")
        assert dialog.query_one("#prev-month", Button).disabled  # no bookable day in November
        today = day_button(dialog, date(2026, 12, 1))
        assert today.disabled and not day_button(dialog, date(2026, 12, 2)).disabled
        await tap(pilot, today)
        assert isinstance(kiosk_app.screen, DatePickerDialog)
        assert value(kiosk_app, "date_from") == "2026-11-20"
        assert kiosk_app.focused is day_button(dialog, date(2026, 12, 2))  # the first bookable day
        await pilot.press("left", "up")  # the arrows never go before it
        assert kiosk_app.focused is day_button(dialog, date(2026, 12, 2))
        await pilot.press("down", "right", "enter")
        await settle(pilot)
        assert value(kiosk_app, "date_from") == "2026-12-10"


async def test_keyboard_focus_opens_nothing_and_typing_works(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        start = kiosk_app.screen.query_one("#input-date_from", Input)
        for _ in range(12):
            await pilot.press("tab")
            if kiosk_app.focused is start:
                break
        assert kiosk_app.focused is start
        await pilot.press("tab")
        await settle(pilot)
        assert kiosk_app.focused is kiosk_app.screen.query_one("#input-date_to", Input)
        assert not isinstance(kiosk_app.screen, DatePickerDialog)
        await pilot.press("shift+tab", *["backspace"] * 10, *"2026-12-05")
        await settle(pilot)
        assert not isinstance(kiosk_app.screen, DatePickerDialog) and start.value == "2026-12-05"


async def test_it_fits_at_every_size(kiosk_app, env, people):
    async with kiosk_app.run_test(size=SIZES[0]) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        dialog = await open_picker(pilot, "date_to")
        for size in SIZES:
            await pilot.resize_terminal(*size)
            await settle(pilot)
            box = dialog.query_one("Vertical").region
            assert box.right <= size[0] and box.bottom <= size[1]
            for widget in ("#prev-month", "#next-month", "#cancel", "#days", "#day-1"):
                region = dialog.query_one(widget).region
                assert region.height and box.contains_region(region), (size, widget)


async def test_high_contrast_marks_the_days_that_cannot_be_chosen(env, people):
    """高对比度: a day before the first bookable one is on black with its number struck through, a day
    that may be chosen on a cell set off from the dialog (tester: the two looked alike, 251 on 236 and
    231 on 237)."""
    env.settings.theme = HIGH_CONTRAST
    app = make_app(env.settings, env)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        dialog = await open_picker(pilot, "date_from")
        off, on = day_button(dialog, date(2026, 12, 1)), day_button(dialog, date(2026, 12, 3))
        frame = dialog.query_one("Vertical").styles.background
        assert off.disabled and off.styles.text_style.strike
        assert off.styles.background == app.current_theme.to_color_system().background
        assert not on.disabled and on.styles.background.brightness - frame.brightness > 0.1


async def test_the_end_offers_no_day_before_a_valid_start(kiosk_app, env, people):
    """Tester: 结束日期's month offered days before 开始日期 (最早可选2026年12月4日 with 开始日期
    2026-12-07), each refused at 查询. Now it starts at a valid start and says so on one line; a start
    that is no date, or before the first bookable day, leaves it at the first bookable day."""
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        dialog = await open_picker(pilot, "date_from")
        await tap(pilot, day_button(dialog, date(2026, 12, 7)))
        dialog = await open_picker(pilot, "date_to")
        hint = dialog.query_one(".hint")
        assert "点击日期即可选择，不早于开始日期2026年12月7日" in screen_text(kiosk_app)
        assert hint.region.height == 1  # one line: the dialog keeps its size (22 rows at 80x24)
        assert day_button(dialog, date(2026, 12, 6)).disabled and not day_button(dialog, date(2026, 12, 7)).disabled
        assert dialog.query_one("#prev-month", Button).disabled
        await pilot.press("escape")
        await settle(pilot)
        for typed in ("2026-13-45", "2026-11-20"):
            kiosk_app.screen.query_one("#input-date_from", Input).value = typed
            dialog = await open_picker(pilot, "date_to")
            assert "最早可选2026年12月2日" in screen_text(kiosk_app)
            assert not day_button(dialog, date(2026, 12, 2)).disabled
            await pilot.press("escape")
            await settle(pilot)


async def test_a_start_picked_after_the_end_moves_the_end_to_it(kiosk_app, env, people):
    """开始日期 picked after 结束日期 (2026-12-17): 结束日期 becomes the same day, and 查询 takes the range,
    rather than 结束日期不能早于开始日期 at 查询. A start picked before the end leaves the end as it is."""
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        dialog = await open_picker(pilot, "date_from")
        await tap(pilot, day_button(dialog, date(2026, 12, 10)))
        assert value(kiosk_app, "date_to") == "2026-12-17"
        dialog = await open_picker(pilot, "date_from")
        await tap(pilot, day_button(dialog, date(2026, 12, 20)))
        assert (value(kiosk_app, "date_from"), value(kiosk_app, "date_to")) == ("2026-12-20", "2026-12-20")
        await click_in_view(pilot, kiosk_app.screen.query_one("#query"))
        await settle(pilot)
        assert "结束日期不能早于开始日期" not in screen_text(kiosk_app)
        assert kiosk_app.screen.query_one("#step-sessions").queried == (date(2026, 12, 20), date(2026, 12, 20), None)


async def test_next_month_tapped_quickly_turns_at_every_tap(kiosk_app, env, people):
    """Tester: 下个月 tapped five times 0.15 s apart turned three months (a Button ignores a click in the
    0.2 s of its press effect). Taps as the terminal driver sends them."""
    import asyncio

    from tests.ui.conftest import driver_tap

    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        dialog = await open_picker(pilot, "date_to")
        assert "2026年12月" in screen_text(kiosk_app)
        await asyncio.sleep(0.6)  # past the taps dropped as a dialog opens
        x, y = dialog.query_one("#next-month", Button).region.center
        for _ in range(4):
            driver_tap(kiosk_app, x, y)
            await asyncio.sleep(0.15)
        await settle(pilot)
        assert "2027年4月" in screen_text(kiosk_app)
