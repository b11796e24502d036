"""The e-licence photo page by keyboard (tester, 80x24: on 拍照 Down did nothing and on 提交审核 Up did
nothing, only Tab moved; and Down then Enter took a photo). Up and Down go between the rows of
buttons, as in the 业务中心 menu, so what Enter presses is where the focus visibly went."""
from __future__ import annotations

import pytest

from kiosk.ui.screens.elicence import ElicenceScreen, PhotoScreen
from tests.ui.conftest import settle, sign_in


async def _take_page(pilot, env, person) -> PhotoScreen:  # type: ignore[no-untyped-def]
    """驾驶证电子版 -> 拍照或相册选择 -> 我已阅读，继续, by keys: the 拍照 / 相册选择 page."""
    await sign_in(pilot, env, person.id_number, person.phone)
    await pilot.click("#menu-elicence")
    await settle(pilot)
    await pilot.click("#el-photo-new")  # the second choice under the question (a stored photo)
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, PhotoScreen) and pilot.app.focused is screen.query_one("#ph-agree")
    await pilot.press("enter")
    await settle(pilot)
    assert pilot.app.focused is screen.query_one("#ph-camera")
    return screen


def _focused(app) -> str:  # type: ignore[no-untyped-def]
    return app.focused.id if app.focused is not None else ""


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_up_and_down_move_between_the_rows_of_buttons(kiosk_app, env, people, size) -> None:
    async with kiosk_app.run_test(size=size) as pilot:
        screen = await _take_page(pilot, env, people["driver_normal"])
        await pilot.press("down")  # 提交审核 is disabled until a photo passes: the row's 返回
        assert _focused(kiosk_app) == "back-2"
        await pilot.press("up")  # back up, to the same column's 相册选择
        assert _focused(kiosk_app) == "ph-album"
        await pilot.press("left", "enter")  # 拍照
        await settle(pilot)
        while screen.query_one("#ph-submit").disabled:  # the demo camera takes turns
            screen.query_one("#ph-camera").press()
            await settle(pilot)
        assert _focused(kiosk_app) == "ph-submit"
        await pilot.press("up")
        assert _focused(kiosk_app) == "ph-camera"
        await pilot.press("down")
        assert _focused(kiosk_app) == "ph-submit"
        await pilot.press("right", "up")
        assert _focused(kiosk_app) == "ph-album"


async def test_down_then_enter_does_not_take_a_photo(kiosk_app, env, people) -> None:
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        screen = await _take_page(pilot, env, people["driver_normal"])
        await pilot.press("down", "enter")  # 返回, where the focus went: no photo taken
        await settle(pilot)
        assert screen.source is None and screen.path is None
        assert isinstance(kiosk_app.screen, ElicenceScreen)


async def test_with_the_album_open_down_and_up_stop_at_each_control(kiosk_app, env, people) -> None:
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await _take_page(pilot, env, people["driver_normal"])
        await pilot.press("right", "enter")  # 相册选择
        await settle(pilot)
        focused = _focused(kiosk_app)
        assert focused in ("ph-album-list", "input-photo")  # what the album found
        kiosk_app.screen.query_one("#ph-use-file").focus()
        await pilot.pause()
        await pilot.press("down")
        assert _focused(kiosk_app) == "back-2"
        await pilot.press("up")
        assert _focused(kiosk_app) == "ph-use-file"
