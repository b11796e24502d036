"""Pilot, 100x30: 满分学习考试's 现场教育天数 and 网络教育天数 hold digits only, as a phone field or a
service form's number does (FormField ``only_digits``). The tester's pad X and letters went into
them as typed (2X, a) and were refused only at 下一步; now they are refused as they come, said under
the field, and the days filled in stay as they were."""
from __future__ import annotations

from textual import events
from textual.widgets import Input

from tests.ui.conftest import field_error, settle
from tests.ui.test_keypad_steps import tap_digits
from tests.ui.test_keypad_x_key import x_shown


async def test_the_day_fields_refuse_x_and_letters_as_typed(kiosk_app, env, people):
    from tests.ui.test_full_score_flow import _open

    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await _open(pilot, env, people["full_score"])
        await settle(pilot)
        on_site = kiosk_app.screen.query_one("#input-on_site_days", Input)
        online = kiosk_app.screen.query_one("#input-online_days", Input)
        assert (on_site.value, online.value) == ("2", "3")
        assert not x_shown(kiosk_app)  # no X on the pad beside a number of days (an ID number's only)
        on_site.focus()
        await settle(pilot)
        await pilot.press("x")  # refused
        await settle(pilot)
        assert on_site.value == "2" and field_error(kiosk_app, "on_site_days") == "现场教育天数只能输入数字"
        await tap_digits(pilot, "4")  # the default still replaced by the first digit; the message goes
        assert on_site.value == "4" and field_error(kiosk_app, "on_site_days") == ""
        online.focus()
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert online.value == "3" and field_error(kiosk_app, "online_days") == "网络教育天数只能输入数字"
        await pilot.press("1")
        await settle(pilot)
        assert online.value == "1" and field_error(kiosk_app, "online_days") == ""
        online.post_message(events.Paste("2天"))  # refused whole
        await settle(pilot)
        assert online.value == "1" and field_error(kiosk_app, "online_days") == "网络教育天数只能输入数字"
