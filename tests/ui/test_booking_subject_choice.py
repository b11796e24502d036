"""Pilot: 科目确认 with more than one subject to book opens with none chosen.

Tester's finding: with 科目二 and 科目三 both offered, (*) 科目二 was chosen from the start, so Enter,
Enter went on with a subject the citizen never picked. Now none is chosen until the citizen picks one;
Enter or 下一步 before that says under the list how to choose; a single subject is chosen at once;
back and forth keeps the citizen's choice."""
from __future__ import annotations

from textual.widgets import RadioSet

from kiosk.ui.screens.booking.subject_step import NO_SUBJECT
from tests.ui.conftest import screen_text, settle
from tests.ui.test_booking_wizard import open_wizard, step


def line(app) -> str:  # type: ignore[no-untyped-def]
    note = app.screen.query_one("#error-subject")
    return "".join(str(note.render()).split()) if note.display else ""


async def test_two_subjects_none_chosen_until_the_citizen_picks(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_wizard(pilot, env, people["permit_expiring"])  # 王芳: 科目二 and 科目三
        radio = kiosk_app.screen.query_one("#subject", RadioSet)
        assert len(radio.query("RadioButton")) == 2 and radio.pressed_button is None
        assert "(*)" not in screen_text(kiosk_app) and kiosk_app.focused is radio
        await pilot.press("enter")  # Enter, Enter: nothing picked, nothing goes on
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert step(kiosk_app)[0] == "step-subject" and radio.pressed_button is None
        assert kiosk_app.focused is radio and line(kiosk_app) == "请选择预约科目：请按上下方向键或点击选项进行选择"  # not 尚未选择：...
        kiosk_app.screen.query_one("#next-subject").press()  # 下一步 too: said next to the list, in Chinese
        await settle(pilot)
        assert step(kiosk_app)[0] == "step-subject" and line(kiosk_app) == NO_SUBJECT
        assert "请先选择预约科目" in screen_text(kiosk_app) and kiosk_app.focused is radio
        await pilot.press("down", "down")  # the first key chooses 科目二, the next 科目三
        await settle(pilot)
        assert radio.pressed_button is not None and radio.pressed_button.name == "3"
        assert line(kiosk_app) == ""  # chosen: the line goes
        await pilot.press("enter")
        await settle(pilot)
        assert step(kiosk_app)[0] == "step-notice"
        await pilot.click("#agree")
        await settle(pilot)
        assert kiosk_app.screen.sessions.subject == 3
        for back in ("#prev-sessions", "#prev-notice"):
            await pilot.click(back)
            await settle(pilot)
        assert step(kiosk_app)[0] == "step-subject"
        radio = kiosk_app.screen.query_one("#subject", RadioSet)  # read again: the list is new
        assert radio.pressed_button is not None and radio.pressed_button.name == "3"  # the citizen's choice kept


async def test_a_single_subject_is_chosen_at_once(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await open_wizard(pilot, env, people["k3_ready"])  # 胡斌: 科目三 only
        radio = kiosk_app.screen.query_one("#subject", RadioSet)
        assert radio.pressed_button is not None and radio.pressed_button.name == "3"
        await pilot.press("enter")
        await settle(pilot)
        assert step(kiosk_app)[0] == "step-notice"
