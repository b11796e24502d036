"""Pilot: start screen, sign-in with the SMS code, masking, bad input, kiosk keys, idle timeout."""
from __future__ import annotations

import asyncio
import sqlite3
import time

import pytest
from sqlalchemy.exc import OperationalError

from kiosk.domain.errors import TooSoon
from kiosk.services import auth, elicence, elicence_card
from kiosk.ui.base import GENERIC_ERROR, WAIT_AFTER, WAIT_TEXT
from kiosk.ui.dialogs.staff_pin import StaffPinDialog
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.sign_in import SignInScreen
from kiosk.ui.screens.welcome import WelcomeScreen
from tests.conftest import db_path, last_sms_code
from tests.ui.conftest import (ask_for_a_code, field_error, press_enter_in, screen_error, screen_text, set_input,
                               settle, sign_in, sign_out)


async def test_sign_in_with_code_from_outbox(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        assert isinstance(kiosk_app.screen, WelcomeScreen)
        await sign_in(pilot, env, p.id_number, p.phone)
        assert isinstance(kiosk_app.screen, HomeScreen)
        text = screen_text(kiosk_app)
        assert "5001**********0556" in text and "139****0055" in text
        assert kiosk_app.focused is kiosk_app.screen.query_one("#menu-licence_replace")  # the first entry: Enter opens it
        assert p.id_number not in text and p.phone not in text
        for group in ("驾驶证业务", "机动车业务", "我的驾驶证", "网办进度", "消息"):
            assert group in text


async def test_bad_id_numbers_are_explained_next_to_the_field(kiosk_app, env):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#sign-in")
        await settle(pilot)
        for raw, expected in [("110108196711301866", "校验位"), ("1101081967113018", "18位"),
                              ("110108199902300018", "出生日期"), ("", "请输入身份证号码")]:
            set_input(kiosk_app, "id_number", raw)
            await pilot.click("#send-code")
            await settle(pilot)
            assert expected in field_error(kiosk_app, "id_number"), raw
        set_input(kiosk_app, "id_number", "110108196711301862")  # valid but not registered
        await pilot.click("#send-code")
        await settle(pilot)
        assert "尚未注册" in field_error(kiosk_app, "id_number")
        assert kiosk_app.focused is kiosk_app.screen.query_one("#to-register")  # the next step offered
        kiosk_app.screen.query_one("#input-id_number").focus()
        await pilot.press("backspace")  # correcting the number: the old message goes
        await pilot.pause()
        assert field_error(kiosk_app, "id_number") == ""


async def test_wrong_code_counts_down_then_dies(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await ask_for_a_code(pilot, p.id_number)
        good = last_sms_code(env, p.phone)
        wrong = "000000" if good != "000000" else "111111"
        set_input(kiosk_app, "code", wrong)
        await pilot.click("#submit")
        await settle(pilot)
        assert "还可尝试4次" in field_error(kiosk_app, "code")
        assert isinstance(kiosk_app.screen, SignInScreen)
        for _ in range(4):  # the refused code is taken out of the field: typed again each time
            set_input(kiosk_app, "code", wrong)
            await pilot.click("#submit")
            await settle(pilot)
        set_input(kiosk_app, "code", good)
        await pilot.click("#submit")
        await settle(pilot)
        assert "重新获取" in field_error(kiosk_app, "code")
        assert isinstance(kiosk_app.screen, SignInScreen)


async def test_resend_shows_countdown(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await ask_for_a_code(pilot, p.id_number)
        button = kiosk_app.screen.query_one("#send-code")
        assert button.disabled and "秒" in str(button.label)
        assert "139****0055" in screen_text(kiosk_app)


async def test_back_and_again_within_the_wait_counts_down_and_says_to_use_the_code(kiosk_app, env, people):
    """返回 and 登录 again within 60 s: the new screen's 发送验证码 must not look ready and do
    nothing; it counts down the wait left and says the code already sent still works."""
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await ask_for_a_code(pilot, p.id_number)
        code = last_sms_code(env, p.phone)
        await pilot.click("#back")
        await settle(pilot)
        env.clock.advance(seconds=20)
        await pilot.click("#sign-in")
        await settle(pilot)
        set_input(kiosk_app, "id_number", p.id_number)
        await press_enter_in(pilot, "id_number")
        await settle(pilot)
        button = kiosk_app.screen.query_one("#send-code")
        # 40 s left: less on a slow machine (the count runs in real time, the phone bar shows meanwhile)
        left = str(button.label).removeprefix("重新发送（").removesuffix("）")
        assert button.disabled and left in ("40秒", "39秒", "38秒")
        line = str(kiosk_app.screen.query_one("#code-sent").render())  # said where it went, not as an error
        assert "139****0055" in line and "仍然有效" in line and f"{left}后可重新获取" in line  # the button's count
        assert field_error(kiosk_app, "code") == ""
        set_input(kiosk_app, "code", code)
        await pilot.click("#submit")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, HomeScreen)


async def test_a_refused_resend_leaves_the_count_to_the_button(kiosk_app, env, people):
    """Tester: after a refused resend the button read 重新发送（37秒） while the line under the code
    field still said 请41秒后重新获取. The refusal (an error next to the code field) names the button;
    only the button counts. A code still valid is no refusal any more (tests/ui/test_code_still_valid.py):
    the line under the button counts with it, tick by tick; the refusal's words stay the service's."""
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await ask_for_a_code(pilot, p.id_number)
        await pilot.click("#back")
        await settle(pilot)
        env.clock.advance(seconds=19)
        await pilot.click("#sign-in")
        await settle(pilot)
        set_input(kiosk_app, "id_number", p.id_number)
        await pilot.click("#send-code")
        await settle(pilot)
        left = str(kiosk_app.screen.query_one("#send-code").label).removeprefix("重新发送（").removesuffix("）")
        assert left in ("41秒", "40秒", "39秒")  # 41 (less on a slow machine: the count runs in real time)
        assert field_error(kiosk_app, "code") == ""
        assert f"{left}后可重新获取" in str(kiosk_app.screen.query_one("#code-sent").render())  # the button's count
    with pytest.raises(TooSoon) as refused:
        auth.start_sign_in(env, p.id_number)
    line = refused.value.message
    assert line == "验证码已发送至 139****0055，请输入已收到的验证码；如未收到，请在【重新发送】可用后重新获取"
    assert "秒" not in line


async def test_another_id_number_after_the_code_clears_what_belonged_to_the_first(kiosk_app, env, people):
    first, second = people["driver_normal"], people["two_cars"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await ask_for_a_code(pilot, first.id_number)
        set_input(kiosk_app, "code", "000000")
        await pilot.click("#submit")
        await settle(pilot)
        assert "验证码错误" in field_error(kiosk_app, "code")
        set_input(kiosk_app, "id_number", second.id_number)
        await settle(pilot)
        button = kiosk_app.screen.query_one("#send-code")
        assert str(kiosk_app.screen.query_one("#code-sent").render()) == "" and field_error(kiosk_app, "code") == ""
        assert kiosk_app.screen.query_one("#input-code").value == "" and not button.disabled
        await pilot.click("#send-code")  # at once: 周杰's number has no code waiting
        await settle(pilot)
        assert "验证码已发送至 139****0105" in screen_text(kiosk_app) and button.disabled
        set_input(kiosk_app, "code", last_sms_code(env, second.phone))
        await pilot.click("#submit")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, HomeScreen) and kiosk_app.citizen.name == second.name


async def test_pasted_junk_never_crashes(kiosk_app, env):
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#sign-in")
        await settle(pilot)
        inp = kiosk_app.screen.query_one("#input-id_number")
        inp.focus()
        for junk in ["9" * 10_000, "\x00\x1b[2J\x07" * 50, "😀🚗" * 500, "１２３４５６"]:
            inp.value = ""
            await pilot.press("ctrl+a")
            kiosk_app.screen.query_one("#input-id_number").insert_text_at_cursor(junk)
            await pilot.press("enter")
            await settle(pilot)
            assert len(kiosk_app.screen.query_one("#input-id_number").value) <= 18
            assert field_error(kiosk_app, "id_number")
        assert kiosk_app.is_running and isinstance(kiosk_app.screen, SignInScreen)


async def test_database_error_shows_a_calm_message(kiosk_app, env, monkeypatch, people):
    def broken(*_args):
        raise OperationalError("SELECT 1", {}, Exception("database is locked"))

    monkeypatch.setattr(auth, "start_sign_in", broken)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await ask_for_a_code(pilot, people["driver_normal"].id_number)
        assert GENERIC_ERROR in screen_error(kiosk_app)
        assert "Traceback" not in screen_text(kiosk_app)
        assert kiosk_app.is_running


async def test_a_wait_for_the_database_is_shown_and_then_goes(kiosk_app, env, people):
    """Another kiosk holds the SQLite write lock (a long write, such as a publication-day
    allocation): sending the code waits, the screen says so, and once the lock is free the code
    is sent and the note goes away."""
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#sign-in")
        await settle(pilot)
        set_input(kiosk_app, "id_number", p.id_number)
        other = sqlite3.connect(db_path(env.settings), isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            await pilot.click("#send-code")
            await pilot.pause(WAIT_AFTER + 0.6)
            assert kiosk_app.screen.busy
            assert kiosk_app.screen.query_one("#wait-note").display and WAIT_TEXT in screen_text(kiosk_app)
        finally:
            other.rollback()
            other.close()
        await settle(pilot)
        assert not kiosk_app.screen.query_one("#wait-note").display and WAIT_TEXT not in screen_text(kiosk_app)
        assert last_sms_code(env, p.phone)  # the code was sent after the wait
        assert screen_error(kiosk_app).strip() == ""


async def test_a_quiet_call_shows_no_wait_note(kiosk_app, env):
    """A refresh the citizen did not ask for (the e-licence code) waits without the bar."""
    done = []
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        kiosk_app.screen.call(time.sleep, WAIT_AFTER + 0.5, done=done.append, quiet=True)
        await pilot.pause(WAIT_AFTER + 0.3)
        assert kiosk_app.screen.busy and not kiosk_app.screen.query("#wait-note")
        await settle(pilot)
        assert done == [None] and not kiosk_app.screen.query("#wait-note")


async def test_quit_keys_do_nothing_in_kiosk_mode(kiosk_app, env):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        for key in ("ctrl+c", "ctrl+q", "ctrl+z", "ctrl+p", "ctrl+s", "escape"):
            await pilot.press(key)
            await pilot.pause()
        assert kiosk_app.is_running and kiosk_app.return_code is None
        assert isinstance(kiosk_app.screen, WelcomeScreen)
        assert len(kiosk_app.screen_stack) == 1
        await pilot.click("#sign-in")
        await settle(pilot)
        await pilot.press("escape")  # the screen's 返回 (tests/ui/test_citizen_escape.py), nothing more
        await settle(pilot)
        assert isinstance(kiosk_app.screen, WelcomeScreen) and kiosk_app.is_running


async def test_staff_leave_kiosk_mode_with_hidden_key_and_pin(kiosk_app, env):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f12")
        await pilot.pause()
        assert isinstance(kiosk_app.screen, StaffPinDialog)
        set_input(kiosk_app, "staff_no", "J1001")
        set_input(kiosk_app, "pin", "999999")
        await pilot.click("#ok")
        await settle(pilot)
        assert kiosk_app.is_running and isinstance(kiosk_app.screen, StaffPinDialog)
        assert "PIN" in field_error(kiosk_app, "pin")
        set_input(kiosk_app, "pin", "100100")
        await pilot.click("#ok")
        for _ in range(100):  # the PIN is checked in a worker; the app then exits
            await settle(pilot)
            if kiosk_app.return_code is not None:
                break
            await asyncio.sleep(0.05)
    assert kiosk_app.return_code == 0


async def test_idle_timeout_wipes_the_session(env, people):
    from kiosk.ui.app import make_app

    env.settings.idle_seconds, env.settings.idle_warning_seconds = 4, 2  # the countdown: the last 2 s (at most half the idle time)
    app = make_app(env.settings, env)
    p = people["driver_normal"]

    async def wait_for(condition, seconds: float) -> bool:
        """The idle check ticks once a second, so poll rather than sleep a fixed time."""
        for _ in range(int(seconds / 0.1)):
            await asyncio.sleep(0.1)
            await pilot.pause()
            if condition():
                return True
        return False

    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        assert app.citizen is not None
        assert await wait_for(lambda: "秒后将退出" in screen_text(app), 4)
        assert app.citizen is not None  # warned, not yet wiped
        assert await wait_for(lambda: app.citizen is None and len(app.screen_stack) == 1, 5)
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        assert p.name not in screen_text(app)


async def test_every_screen_reads_at_80x24(kiosk_app, env, people):
    p = people["two_cars"]
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        assert "登录" in screen_text(kiosk_app)
        await sign_in(pilot, env, p.id_number, p.phone)
        assert "业务中心" in screen_text(kiosk_app)
        from kiosk.ui.menu import ENTRIES, open_entry

        for entry in ENTRIES:
            await kiosk_app.push_screen(open_entry(entry.key))
            await settle(pilot)
            text = screen_text(kiosk_app)
            assert entry.label in text or kiosk_app.screen.query("KioskHeader"), entry.key
            assert "Traceback" not in text
            await kiosk_app.pop_screen()
            await settle(pilot)


async def test_session_wipe_with_a_screen_on_top_of_any_service(kiosk_app, env, people):
    """The idle wipe pops every screen; each one uncovered on the way (a service under a card, a
    notice, a dialog) must not act for the citizen who is gone. It once did: 驾驶证电子版 reloaded
    itself when the e-licence card was popped, found nobody signed in and stopped the kiosk."""
    from textual.screen import Screen

    from kiosk.ui.menu import ENTRIES, open_entry

    elicence.apply_direct(env, elicence_card.account_for(env, people["driver_normal"].id_number))
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, people["driver_normal"].id_number, people["driver_normal"].phone)
        citizen = kiosk_app.citizen
        for entry in ENTRIES:
            kiosk_app.citizen = citizen  # signed in again (the same session object, to keep this test quick)
            await kiosk_app.push_screen(HomeScreen())
            await kiosk_app.push_screen(open_entry(entry.key))
            await settle(pilot)
            await kiosk_app.push_screen(Screen())
            await settle(pilot)
            await kiosk_app.end_session("因长时间无操作，已退出登录。")
            await settle(pilot)
            assert isinstance(kiosk_app.screen, WelcomeScreen), entry.key
            assert not kiosk_app.crashed, entry.key


async def test_a_unit_account_sees_its_code_named_and_only_the_services_for_units(kiosk_app, env, people):
    """单位用户: the greeting names the 统一社会信用代码, and the menu leaves out the driving-licence
    and exam services, which each refused a company with wording meant for a person."""
    unit = next(p for p in people.values() if p.unit)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, unit.id_number, unit.phone)
        text = screen_text(kiosk_app)
        assert "统一社会信用代码 9150" in text and "身份证号码" not in text
        shown = {b.id for b in kiosk_app.screen.query("Button") if (b.id or "").startswith("menu-")}
        assert shown == {"menu-vehicle_contact", "menu-plate_reissue", "menu-vehicle_licence_reissue",
                         "menu-inspection_mark_reissue", "menu-exempt_inspection_mark", "menu-temp_plate",
                         "menu-vehicle_transfer",  # 机动车转籍申请: a unit sells its vehicles too
                         "menu-my_vehicles", "menu-progress", "menu-inbox"}
        assert "驾驶证业务" not in text and "我的驾驶证" not in text


async def test_back_on_the_start_screen_the_keyboard_is_on_sign_in(kiosk_app, env, people):
    """After 注册 (or anything the last citizen pressed) the next citizen's Enter means 登录."""
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#register")
        await settle(pilot)
        await pilot.click("#back")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, WelcomeScreen)
        assert kiosk_app.focused is kiosk_app.screen.query_one("#sign-in")
        await sign_in(pilot, env, people["driver_normal"].id_number, people["driver_normal"].phone)
        await sign_out(pilot)
        assert isinstance(kiosk_app.screen, WelcomeScreen)
        assert kiosk_app.focused is kiosk_app.screen.query_one("#sign-in")
