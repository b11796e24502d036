"""Pilot, 100x30: the e-licence photo step keeps its step bar on screen and says 上方还有内容 when a
checked photo has scrolled its top away (tester: 吴霞, 相册选择, camera_dark.png: the bar, the line
saying what to do and 拍照 / 相册选择 went off the top with nothing saying so), and a tap on that line
brings them back; the album's hint says a tap chooses too."""
from __future__ import annotations

from textual.widgets import OptionList

from kiosk.ui.widgets.more_below import MORE_ABOVE_TEXT, MORE_BELOW_TEXT, MoreBelow
from kiosk.ui.widgets.stepbar import StepBar
from tests.ui.conftest import screen_text, settle
from tests.ui.test_elicence_photo import _album, _photo_screen


def _on_view(app, selector: str) -> bool:  # type: ignore[no-untyped-def]
    """All of the widget within the page's view."""
    page = app.screen.query_one("Page")
    return page.scrollable_content_region.contains_region(app.screen.query_one(selector).region)


async def test_a_checked_photo_says_there_is_more_above(kiosk_app, env, people) -> None:
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await _photo_screen(pilot, env, people["no_photo"])
        await _album(pilot)
        assert "点击或上下键选择，回车确认" in screen_text(kiosk_app)
        more = kiosk_app.screen.query_one(MoreBelow)
        assert more.display and str(more.render()) == MORE_BELOW_TEXT  # 提交审核 below the edge
        listed = kiosk_app.screen.query_one("#ph-album-list", OptionList)
        listed.highlighted = next(i for i in range(listed.option_count)
                                  if "camera_dark.png" in str(listed.get_option_at_index(i).id))
        listed.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert "照片不符合要求" in screen_text(kiosk_app)
        assert not _on_view(kiosk_app, "#ph-camera")  # scrolled to the result: the buttons above
        assert kiosk_app.screen.query_one(StepBar).region.y == 1  # the bar under the title, on screen
        assert more.display and str(more.render()) == MORE_ABOVE_TEXT
        await pilot.click(MoreBelow)
        await settle(pilot)
        assert _on_view(kiosk_app, "#ph-camera") and _on_view(kiosk_app, "#ph-album")
