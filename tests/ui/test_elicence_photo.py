"""The e-licence photo screen: what a citizen with or without a stored photo is told, Enter in the
path field, 返回 with a chosen photo not yet submitted, and 返回业务中心 after 查看网办进度."""
from __future__ import annotations

from pathlib import Path

import pytest

from textual.widgets import Button

from kiosk.config import ASSETS
from kiosk.services import elicence, elicence_card
from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.elicence import ElicenceScreen, PhotoScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.records import ProgressScreen
from tests.ui.conftest import field_error, press_enter_in, screen_text, set_input, settle, sign_in


async def _photo_screen(pilot, env, person,  # type: ignore[no-untyped-def]
                        button: str = "#el-photo-apply") -> PhotoScreen:
    await sign_in(pilot, env, person.id_number, person.phone)
    await pilot.click("#menu-elicence")
    await settle(pilot)
    await pilot.click(button)
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, PhotoScreen)
    return screen


async def _camera_photo(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.click("#ph-agree")
    await pilot.click("#ph-camera")
    await settle(pilot)
    while pilot.app.screen.query_one("#ph-submit").disabled:  # the demo camera takes turns
        await pilot.click("#ph-camera")
        await settle(pilot)


async def _album(pilot) -> None:  # type: ignore[no-untyped-def]
    """The notice agreed to, 相册选择: the path field open."""
    await pilot.click("#ph-agree")
    await pilot.click("#ph-album")
    await settle(pilot)


def _highlight(screen, name: str) -> str:  # type: ignore[no-untyped-def]
    """The album's picture ``name`` highlighted (chosen by name: the demo pictures' order is their
    checkout's file times, which vary between clones); its option id (the picture's path)."""
    listed = screen.query_one("#ph-album-list")
    index = next(i for i in range(listed.option_count) if Path(str(listed.get_option_at_index(i).id)).name == name)
    listed.highlighted = index
    return str(listed.get_option_at_index(index).id)


@pytest.mark.parametrize("key, button, said, not_said", [
    # 赵磊: the second choice under the question
    ("violation", "#el-photo-new", "您有系统留存照片，可以直接申领；也可以按须知要求拍照或从相册选择本人照片", "未留存照片"),
    ("no_photo", "#el-photo-apply", "您未留存照片，请按须知要求拍照或从相册选择本人照片", "您有系统留存照片"),  # 吴霞
])
async def test_what_the_photo_screen_says_depends_on_a_stored_photo(kiosk_app, env, people, key, button, said,
                                                                     not_said) -> None:
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _photo_screen(pilot, env, people[key], button)
        text = screen_text(kiosk_app).replace("\n", "").replace(" ", "")
        assert said in text and not_said not in text
        assert not kiosk_app.screen.query_one("#ph-agree").disabled


async def test_enter_in_the_path_field_uses_the_photo(kiosk_app, env, people) -> None:
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _photo_screen(pilot, env, people["no_photo"])
        await _album(pilot)
        set_input(kiosk_app, "photo", "/etc/passwd")
        await press_enter_in(pilot, "photo")
        await settle(pilot)
        assert "只能使用相册中的照片，或U盘（/media、/mnt）中的照片" in screen_text(kiosk_app)
        assert kiosk_app.screen.query_one("#ph-submit").disabled and field_error(kiosk_app, "photo") == ""


async def test_back_with_a_checked_photo_asks_first(kiosk_app, env, people) -> None:
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        screen = await _photo_screen(pilot, env, people["no_photo"])
        await _camera_photo(pilot)
        await pilot.click("#back-2")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, ConfirmDialog)
        assert "选择的照片尚未提交审核，返回后不会保留。" in screen_text(kiosk_app)
        await pilot.press("enter")  # the safe answer has the focus: 继续办理
        await settle(pilot)
        assert kiosk_app.screen is screen and not screen.query_one("#ph-submit").disabled  # the photo is kept
        await pilot.click("#back-2")
        await settle(pilot)
        await pilot.click("#yes")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, ElicenceScreen)


async def test_back_with_a_typed_path_not_yet_used_asks_first(kiosk_app, env, people) -> None:
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _photo_screen(pilot, env, people["no_photo"])
        await _album(pilot)
        set_input(kiosk_app, "photo", "/media/usb/photo.png")
        await pilot.click("#back-2")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, ConfirmDialog) and "填写的内容尚未保存" in screen_text(kiosk_app)


async def test_back_without_a_photo_leaves_at_once(kiosk_app, env, people) -> None:
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _photo_screen(pilot, env, people["no_photo"])
        await pilot.click("#ph-agree")
        await pilot.click("#back-2")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, ElicenceScreen)


async def test_back_to_the_menu_from_progress_after_a_photo_change(kiosk_app, env, people) -> None:
    person = people["violation"]  # 赵磊
    elicence.apply_direct(env, elicence_card.account_for(env, person.id_number))
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _photo_screen(pilot, env, person, "#el-change-photo")
        await _camera_photo(pilot)
        # pressed, not clicked: the SMS the submission sends may put the phone bar over a button
        kiosk_app.screen.query_one("#ph-submit", Button).press()
        await settle(pilot)
        kiosk_app.screen.query_one("#to-progress", Button).press()
        await settle(pilot)
        assert isinstance(kiosk_app.screen, ProgressScreen) and "更换电子驾驶证照片" in screen_text(kiosk_app)
        kiosk_app.screen.query_one("#back", Button).press()  # 返回业务中心
        await settle(pilot)
        assert isinstance(kiosk_app.screen, HomeScreen)
        assert [type(s) for s in kiosk_app.screen_stack if isinstance(s, (ElicenceScreen, PhotoScreen))] == []


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_checked_photo_line_names_the_button_that_submits_it(kiosk_app, env, people, size) -> None:
    """照片符合要求，请点击【...】 names the label of the button under it, which has the focus, and that
    button sends the photo to review (待审核), as the line says."""
    async with kiosk_app.run_test(size=size) as pilot:
        screen = await _photo_screen(pilot, env, people["no_photo"])
        await _camera_photo(pilot)
        submit = screen.query_one("#ph-submit")
        label = str(submit.label)
        said = str(screen.query_one("#ph-check").render()).replace("\n", "")
        assert f"照片符合要求，请点击【{label}】。" in said and label == "提交审核"
        assert kiosk_app.focused is submit and submit.region.bottom <= size[1]  # in view, Enter presses it
        await pilot.press("enter")
        await settle(pilot)
        assert "办理状态：待审核" in screen_text(kiosk_app)


def wholly_in_view(app, widget) -> bool:  # type: ignore[no-untyped-def]
    """Drawn on screen and not clipped by a scrolling container (a widget scrolled away is not
    among the compositor's visible widgets, or only partly in its container's region)."""
    if widget not in app.screen._compositor.visible_widgets:  # noqa: SLF001
        return False
    visible = widget.region.intersection(app.screen.region)
    for node in widget.ancestors:
        if hasattr(node, "scrollable_content_region") and node is not app.screen:
            visible = visible.intersection(node.scrollable_content_region)
    return bool(widget.region) and visible == widget.region


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_after_the_camera_the_album_goes_and_submit_is_in_view(kiosk_app, env, people, size) -> None:
    """Tester's finding at 80x24: 相册选择 opened, a path typed, then 拍照: the focus went to 提交审核
    below the last row (nothing on screen marked), and the album list and the path field stayed
    above a result that came from the camera."""
    async with kiosk_app.run_test(size=size) as pilot:
        screen = await _photo_screen(pilot, env, people["no_photo"])
        await _album(pilot)
        set_input(kiosk_app, "photo", "/media/usb/photo.png")
        assert screen.query_one("#ph-album-box").display
        await pilot.click("#ph-camera")
        await settle(pilot)
        while screen.query_one("#ph-submit").disabled:  # the demo camera takes turns
            assert not screen.query_one("#ph-album-box").display
            screen.query_one("#ph-camera").focus()
            await pilot.press("enter")
            await settle(pilot)
        await pilot.pause(0.1)
        submit = screen.query_one("#ph-submit")
        assert not screen.query_one("#ph-album-box").display  # nothing of the album above the camera's photo
        assert "刚拍摄的照片" in screen_text(kiosk_app) and "其他位置的照片" not in screen_text(kiosk_app)
        assert kiosk_app.focused is submit and wholly_in_view(kiosk_app, submit)
        await pilot.press("enter")
        await settle(pilot)
        assert "办理状态：待审核" in screen_text(kiosk_app)
        assert not screen.unsaved()  # the hidden path was never used: nothing is asked on leaving


async def test_a_photo_from_the_album_at_80x24_has_submit_in_view(kiosk_app, env, people) -> None:
    """The album list stays (it applies), and the check's result under it pushed 提交审核, which got
    the focus, below the last row: it is scrolled into view once the result is laid out."""
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        screen = await _photo_screen(pilot, env, people["no_photo"])
        await _album(pilot)
        assert kiosk_app.focused is screen.query_one("#ph-album-list")
        _highlight(screen, "camera_1.png")
        await pilot.press("enter")  # a picture that passes the checks
        await settle(pilot)
        await pilot.pause(0.1)
        submit = screen.query_one("#ph-submit")
        assert screen.query_one("#ph-album-box").display and not submit.disabled
        assert kiosk_app.focused is submit and wholly_in_view(kiosk_app, submit)


def drawn_pixels(app, widget) -> list[list[tuple[str, str]]]:  # type: ignore[no-untyped-def]
    """What the terminal shows of ``widget``: per cell, the upper half block's (foreground,
    background) colours as #rrggbb."""
    region = widget.content_region
    app.screen._compositor.render_update(full=True)  # noqa: SLF001
    strips = app.screen._compositor.render_strips()[region.y:region.bottom]  # noqa: SLF001
    rows = []
    for strip in strips:
        cells = []
        for seg in strip.crop(region.x, region.right):
            assert set(seg.text) == {"\u2580"}, seg.text
            assert seg.style is not None and seg.style.color is not None and seg.style.bgcolor is not None
            colours = (seg.style.color.get_truecolor().hex, seg.style.bgcolor.get_truecolor().hex)
            cells += [colours] * len(seg.text)
        rows.append(cells)
    return rows


@pytest.mark.parametrize("size, box", [((80, 24), (11, 8)), ((120, 40), (17, 12))])
async def test_the_photo_is_shown_before_it_is_submitted(kiosk_app, env, people, size, box) -> None:
    """The album open (the tallest the step gets) and a picture of it taken: the picture is
    drawn beside the check's result, scaled to fit with its proportions, in its own colours, and
    it and 提交审核 (with the focus) are both in view."""
    from PIL import Image

    from kiosk.services import photos

    async with kiosk_app.run_test(size=size) as pilot:
        screen = await _photo_screen(pilot, env, people["no_photo"])
        await _album(pilot)
        chosen = _highlight(screen, "camera_2.png")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.pause(0.1)
        with Image.open(chosen) as img:
            expected = photos.half_blocks(img, *photos.fit_cells(*img.size, *box))
        preview = screen.query_one("#ph-preview")
        assert preview.display and len(expected) == box[1]
        assert drawn_pixels(kiosk_app, preview) == [list(row) for row in expected]
        submit = screen.query_one("#ph-submit")
        assert kiosk_app.focused is submit and wholly_in_view(kiosk_app, submit)
        assert wholly_in_view(kiosk_app, preview) and wholly_in_view(kiosk_app, screen.query_one("#ph-check"))


async def test_a_photo_that_cannot_be_read_has_no_preview_and_a_new_one_replaces_it(kiosk_app, env, people,
                                                                                    tmp_path) -> None:
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        screen = await _photo_screen(pilot, env, people["no_photo"])
        await _camera_photo(pilot)
        preview = screen.query_one("#ph-preview")
        assert preview.display and preview.pixels
        album = env.settings.data_dir / "album"
        album.mkdir(parents=True, exist_ok=True)
        (album / "broken.png").write_bytes(b"not a picture")
        await pilot.click("#ph-album")
        await settle(pilot)
        set_input(kiosk_app, "photo", str(album / "broken.png"))
        await press_enter_in(pilot, "photo")
        await settle(pilot)
        assert "无法识别的图片文件" in screen_text(kiosk_app)
        assert not preview.display and preview.pixels == ()  # not the camera's photo any more



async def test_a_photo_in_review_offers_only_back(kiosk_app, env, people) -> None:
    """Tester: 换照片 with a photo in review read 「您的照片正在审核，请等待审核结果后再更换」 (no 。) above a
    我已阅读，继续 that did nothing (the focus skipped it): now a sentence, with 返回 alone under it."""
    from tests.ui.test_elicence_apply import _buttons_on_screen

    person = people["violation"]  # 赵磊
    a = elicence_card.account_for(env, person.id_number)
    elicence.apply_direct(env, a)
    elicence.change_photo(env, a, "camera", ASSETS / "photos" / "camera_1.png")
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _photo_screen(pilot, env, person, "#el-change-photo")
        assert "您的照片正在审核，请等待审核结果后再更换。" in screen_text(kiosk_app).replace("\n", "")
        assert _buttons_on_screen(kiosk_app) == ["返回"] and str(kiosk_app.focused.label) == "返回"


async def test_an_application_in_review_offers_only_back_on_the_photo_screen(kiosk_app, env, people) -> None:
    """拍照或相册选择 opened as the application went to review (it is no longer offered on the page
    after that): the reason as a sentence, and 返回 alone."""
    from tests.ui.test_elicence_apply import _buttons_on_screen

    person = people["violation"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, person.id_number, person.phone)
        env.settings.demo = False  # reviewed, not issued at once
        elicence.apply_direct(env, elicence_card.account_for(env, person.id_number))  # another kiosk
        kiosk_app.push_screen(PhotoScreen("apply"))
        await settle(pilot)
        assert "您的电子驾驶证申请正在审核，请勿重复提交。" in screen_text(kiosk_app).replace("\n", "")
        assert _buttons_on_screen(kiosk_app) == ["返回"] and str(kiosk_app.focused.label) == "返回"
