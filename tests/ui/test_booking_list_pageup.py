"""Pilot: the line under the booking lists (考试预约凭证 here; 考试费缴纳 and 取消考试预约 have the same page)
scrolled to its end says 上方还有内容 and the key that brings the top back. It said Shift+Tab, as under
the wizards, but the page (focused after 查看预约凭证, so the arrow keys read on) is the first Tab stop:
from it at the end Shift+Tab went round to 返回业务中心, then 查看预约凭证, both in view already, and only
the third press brought the list back. It names PageUp now, which pages up as a tap on the line does,
from the page and from its buttons alike."""
from __future__ import annotations

import pytest
from rich.cells import cell_len

from kiosk.ui.widgets.more_below import MORE_ABOVE_TEXT, MoreBelow
from tests.ui.conftest import screen_text, settle
from tests.ui.test_booking_certificate_top import show_certificate

ABOVE = "上方还有内容：请点这里向上翻页（或按PageUp键）"


@pytest.mark.parametrize("size", ((100, 30), (80, 24)))
@pytest.mark.parametrize("focus", ("page", "#back", "#action"))
async def test_the_line_above_names_the_key_that_brings_the_top_back(kiosk_app, env, people, size, focus):
    async with kiosk_app.run_test(size=size) as pilot:
        page = await show_certificate(pilot, env, people["permit_expiring"])
        if focus == "page":
            assert kiosk_app.focused is page  # the arrow keys read on
            await pilot.press("end")
        else:
            kiosk_app.screen.query_one(focus).focus()  # as Tab brings it, scrolled to the page's end
        await settle(pilot)
        await pilot.pause(0.3)
        hint = kiosk_app.screen.query_one(MoreBelow)
        assert page.scroll_y == page.max_scroll_y and hint.display and hint.upwards
        text = screen_text(kiosk_app)
        assert ABOVE in text and MORE_ABOVE_TEXT not in text
        await pilot.press("pageup")  # what the line says
        await settle(pilot)
        await pilot.pause(0.3)
        assert page.scroll_y < page.max_scroll_y and not hint.upwards
        if focus == "page":
            assert page.scroll_y == 0 and "以下为预约成功的考试" in screen_text(kiosk_app)


async def test_from_the_reading_page_shift_tab_goes_round_to_the_buttons(kiosk_app, env, people):
    """Why the line does not say Shift+Tab here: from the page, at its end, it goes to 返回业务中心."""
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        page = await show_certificate(pilot, env, people["permit_expiring"])
        await pilot.press("end")
        await settle(pilot)
        await pilot.press("shift+tab")
        await settle(pilot)
        assert kiosk_app.focused is kiosk_app.screen.query_one("#back") and page.scroll_y == page.max_scroll_y


async def test_the_wording_is_full_width_and_fits_one_line_at_80x24():
    assert not any(c in ABOVE for c in ",:;()?!…“”·—")
    assert cell_len(ABOVE) <= 80 - 2
