"""Pilot, 100x30: a field's 只能输入数字 (a non-digit typed or tapped, refused) goes as soon as the
next edit is taken, even one that leaves the field as it was: the default 2 in 现场教育天数 replaced
by the 2 tapped on the pad, or 3 typed and taken back at once. It stayed under the field, which held
only digits (tester); the length limit's message still stays as before until the value changes."""
from __future__ import annotations

from textual import events
from textual.widgets import Input

from tests.ui.conftest import field_error, settle
from tests.ui.test_keypad_steps import tap_digits

ON_SITE = "现场教育天数只能输入数字"


async def test_the_digits_message_goes_with_the_next_digit_taken(kiosk_app, env, people):
    from tests.ui.test_full_score_flow import _open

    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await _open(pilot, env, people["full_score"])
        await settle(pilot)
        on_site = kiosk_app.screen.query_one("#input-on_site_days", Input)
        assert on_site.value == "2"
        on_site.focus()  # (the pad has no X beside it: x typed)
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert on_site.value == "2" and field_error(kiosk_app, "on_site_days") == ON_SITE
        await tap_digits(pilot, "2")  # the default 2 replaced by a 2: the same value, the message goes
        assert on_site.value == "2" and field_error(kiosk_app, "on_site_days") == ""
        await pilot.press("x")
        await settle(pilot)
        assert field_error(kiosk_app, "on_site_days") == ON_SITE
        await tap_digits(pilot, "del")  # 删除: the field empty holds no non-digit either
        assert on_site.value == "" and field_error(kiosk_app, "on_site_days") == ""


async def test_the_digits_message_goes_after_a_digit_and_its_backspace(kiosk_app, env, people):
    from tests.ui.test_full_score_flow import _open

    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await _open(pilot, env, people["full_score"])
        await settle(pilot)
        on_site = kiosk_app.screen.query_one("#input-on_site_days", Input)
        on_site.focus()
        await settle(pilot)
        await pilot.press("backspace", "2")  # typed, no longer the default a digit would replace
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert on_site.value == "2" and field_error(kiosk_app, "on_site_days") == ON_SITE
        # a digit and its Backspace in one burst (a fast typist, tmux): both in the field's queue
        # before the first Changed is handled, back at 2, where the message was said
        on_site.post_message(events.Key("3", "3"))
        on_site.post_message(events.Key("backspace", None))
        await settle(pilot)
        assert on_site.value == "2" and field_error(kiosk_app, "on_site_days") == ""
