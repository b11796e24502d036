"""Pilot: 登录 at 100x30 with the demo phone bar up, in the state where the code sent is still valid
(发送验证码, 返回, 登录 again within the wait: 验证码已于09:00发送至 139****0055，09:05前仍然有效... on two
rows), and a wrong code (tester): the page ran two rows over, said 上方还有内容 with the intro's first
lines gone above, and beside its scrollbar 重置 was cut as 「...窗口重」 / 「置绑定手机号。」. Now the page
fits as it does without the line (nothing scrolls, 登录 and the intro's first line in view), through
the wait and after it (如未收到，可点击【重新发送】重新获取), and no line of the intro cuts a word."""
from __future__ import annotations

from textual.widgets import Static

from kiosk.ui.widgets.code_button import CodeButton
from kiosk.ui.widgets.more_below import MoreBelow
from kiosk.ui.widgets.page import Page
from kiosk.ui.widgets.phone import PhoneBar
from tests.ui.conftest import ask_for_a_code, field_error, set_input, settle


def rows(widget: Static) -> list[str]:
    return [strip.text.rstrip() for strip in widget.render_lines(widget.size.region)]


def cut_words(lines: list[str], words: tuple[str, ...] = ("重置", "身份证", "车管所", "点击")) -> list[str]:
    """The words cut between a row and the next (「...窗口重」 / 「置...」)."""
    return [word for a, b in zip(lines, lines[1:]) for word in words for k in range(1, len(word))
            if a.endswith(word[:k]) and b.lstrip().startswith(word[k:])]


async def test_at_100x30_the_still_valid_code_and_a_wrong_one_fit_the_page(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await ask_for_a_code(pilot, p.id_number)
        await pilot.click("#back")
        await settle(pilot)
        env.clock.advance(seconds=20)
        await ask_for_a_code(pilot, p.id_number)  # 登录 again: the code is still valid
        await pilot.pause(0.3)
        screen = kiosk_app.screen
        sent = screen.query_one("#code-sent", Static)
        assert "前仍然有效" in str(sent.render()) and sent.size.height == 2
        assert screen.query_one(PhoneBar).outer_size.height == 3  # the SMS shown again, as the demo does
        set_input(kiosk_app, "code", "111111")
        await pilot.click("#submit")
        await settle(pilot)
        await pilot.pause(0.3)
        assert "验证码错误" in field_error(kiosk_app, "code")
        page, more = screen.query_one(Page), screen.query_one(MoreBelow)
        hint = screen.query(".hint").first(Static)
        submit = screen.query_one("#submit")
        button = screen.query_one("#send-code", CodeButton)
        for _ in range(2):  # in the wait, then after it (the line's longest words)
            assert page.max_scroll_y == 0 and page.scroll_y == 0 and not more.display
            assert hint.region.y == 2 and page.scrollable_content_region.contains_region(submit.region)
            assert not cut_words(rows(hint)), rows(hint)
            assert sent.region.y == button.region.bottom  # right under the button it speaks of
            button.start_countdown(0)  # the wait is over: 如未收到，可点击【重新发送】重新获取
            await pilot.pause(0.3)
            assert "【重新发送】重新获取" in str(sent.render()) and sent.size.height == 2


def test_cut_words_finds_the_cut_the_tester_read() -> None:
    assert cut_words(["如绑定的手机号码已不再使用，请携带身份证明原件到车管所窗口重", "置绑定手机号。"]) == ["重置"]
    assert cut_words(["请携带身份证明原件到车管所窗口重置", "绑定手机号。"]) == []


async def test_at_100x30_go_to_register_has_a_row_before_send_code(kiosk_app, env, people):
    """An ID number not registered: 去注册 under its message sat on 发送验证码, two framed buttons as one."""
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await ask_for_a_code(pilot, people["new_user"].id_number)
        screen = kiosk_app.screen
        to_register = screen.query_one("#to-register")
        assert to_register.display and to_register.region.bottom < screen.query_one("#send-code").region.y
        page = screen.query_one(Page)
        assert page.max_scroll_y == 0 and page.scrollable_content_region.contains_region(screen.query_one("#submit").region)
