"""驾驶证电子版 in the running app: the question for a stored photo, the camera/album path with
its checks, the status messages, and 换照片 with the 6-month rule."""
from __future__ import annotations

from textual.widgets import Button

from kiosk.config import ASSETS
from kiosk.services import elicence, elicence_card, elicence_review
from kiosk.ui.screens.elicence import ElicenceScreen, PhotoScreen
from tests.ui.conftest import screen_text, set_input, settle, sign_in


async def _open(pilot, env, person, entry: str = "#menu-elicence") -> None:  # type: ignore[no-untyped-def]
    await sign_in(pilot, env, person.id_number, person.phone)
    await pilot.click(entry)
    await settle(pilot)


QUESTION = "您当前符合直接使用二代身份证申领电子驾驶证的条件，是否继续申领？"


def _buttons_on_screen(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(b.label) for b in app.screen.query(Button)
            if all(node.display for node in b.ancestors_with_self)]


async def test_stored_photo_question_then_card(kiosk_app, env, people) -> None:
    """Seed 004: the page opens on the question, 申领 answers 申请已提交 (once: it said so twice),
    then what follows (the demo decides at once: 已办结, the card)."""
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["driver_normal"], "#menu-elicence_mine")
        assert isinstance(kiosk_app.screen, ElicenceScreen)
        assert QUESTION in screen_text(kiosk_app)
        await pilot.click("#el-confirm")
        await settle(pilot)
        text = screen_text(kiosk_app)
        assert "业务流水号" in text and "已办结" in text and text.count("申请已提交") == 1
        assert "申领结果已通过短信和消息通知您，也可以在【网办进度】中查询。" in text.replace("\n", "")
        assert "是否继续申领" not in text and "拍照或相册选择" not in text
        assert _buttons_on_screen(kiosk_app) == ["出示电子驾驶证", "换照片", "返回"]  # 换照片 once generated


async def test_the_question_is_asked_as_the_page_opens(kiosk_app, env, people) -> None:
    """It opened on 申领电子驾驶证 beside 拍照或相册选择, and the question came only after it: now the
    question with its 申领 and 返回 first, 拍照或相册选择 under it as the second choice, saying why."""
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, env, people["driver_normal"])
        text = screen_text(kiosk_app)
        page = text.split("\n", 1)[1]  # under the header
        assert page.lstrip().startswith(QUESTION) and "您的驾驶证状态符合" not in text  # said once, first
        assert _buttons_on_screen(kiosk_app) == ["申领", "返回", "拍照或相册选择"]
        assert kiosk_app.focused is kiosk_app.screen.query_one("#el-confirm")
        tab_stops = [w.id for w in kiosk_app.screen.focus_chain if isinstance(w, Button)]
        assert tab_stops == ["el-confirm", "back", "el-photo-new"]  # Tab reaches no hidden button
        assert "可以自愿选择是否更换照片；如需现在使用新照片申领，请按【拍照或相册选择】。" in "".join(text.split())
        question, confirm, other = (kiosk_app.screen.query_one(s).region for s in
                                    ("#el-question", "#el-confirm", "#el-photo-new"))
        assert question.bottom <= confirm.y < other.y  # the question, its 申领, then the second choice
        await pilot.click("#el-photo-new")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, PhotoScreen)
        assert "您有系统留存照片，可以直接申领" in "".join(screen_text(kiosk_app).split())


async def test_escape_on_the_question_leaves_as_back_does(kiosk_app, env, people) -> None:
    """The question is the page: Escape is its 返回, and nothing was applied for."""
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["driver_normal"])
        assert QUESTION in screen_text(kiosk_app)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(kiosk_app.screen, ElicenceScreen)
        assert elicence.overview(env, kiosk_app.citizen.account_id).can_apply


async def test_locked_licence_shows_the_fixed_message_and_no_buttons(kiosk_app, env, people) -> None:
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["locked"])
        assert "您的驾驶证状态异常，请联系驾驶证发证地公安交管部门" in screen_text(kiosk_app)
        for bid in ("#el-question", "#el-confirm", "#el-photo-apply", "#el-other", "#el-show", "#el-change-photo"):
            assert kiosk_app.screen.query_one(bid).has_class("hidden")
        assert _buttons_on_screen(kiosk_app) == ["返回"]


async def test_no_photo_camera_checks_then_queue_for_review(kiosk_app, env, people) -> None:
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["no_photo"])
        text = "".join(screen_text(kiosk_app).split())
        assert "您未留存照片，不能直接使用二代身份证申领，请通过拍照或相册选择提交本人照片" in text  # why
        assert "是否继续申领" not in text  # no question: the photo is the way
        assert _buttons_on_screen(kiosk_app) == ["拍照或相册选择", "返回"]
        assert kiosk_app.focused is kiosk_app.screen.query_one("#el-photo-apply")
        await pilot.click("#el-photo-apply")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, PhotoScreen) and "证件照上传须知" in screen_text(kiosk_app)
        assert kiosk_app.focused is kiosk_app.screen.query_one("#ph-agree")  # Enter after reading goes on
        await pilot.click("#ph-agree")
        await pilot.click("#ph-album")
        await settle(pilot)
        assert kiosk_app.focused is kiosk_app.screen.query_one("#ph-album-list")
        assert kiosk_app.focused.highlighted == 0  # Enter picks the newest at once
        # a typed path outside the album and USB media: one answer, whether the file exists or not
        for outside in ("/etc/passwd", "/etc/no-such-photo.png", str(env.settings.data_dir)):
            set_input(kiosk_app, "photo", outside)
            await pilot.click("#ph-use-file")
            await settle(pilot)
            assert "只能使用相册中的照片" in screen_text(kiosk_app) and "未找到" not in screen_text(kiosk_app)
            assert "无法识别" not in screen_text(kiosk_app)
        set_input(kiosk_app, "photo", str(ASSETS / "photos" / "camera_landscape.png"))
        await pilot.click("#ph-use-file")
        await settle(pilot)
        assert "宽高比约为22:32" in screen_text(kiosk_app) and kiosk_app.screen.query_one("#ph-submit").disabled
        album = kiosk_app.screen.query_one("#ph-album-list")  # 相册选择: pick from a list, no path to type
        labels = [str(album.get_option_at_index(i).prompt) for i in range(album.option_count)]
        assert any(x.startswith("camera_2.png（") for x in labels)
        album.focus()
        album.highlighted = next(i for i, x in enumerate(labels) if x.startswith("camera_2.png"))
        await pilot.press("enter")
        await settle(pilot)
        assert "照片：camera_2.png" in screen_text(kiosk_app) and "照片符合要求" in screen_text(kiosk_app)
        assert kiosk_app.focused is kiosk_app.screen.query_one("#ph-submit")
        await pilot.click("#ph-submit")
        await settle(pilot)
        assert "待审核" in screen_text(kiosk_app)
    [item] = elicence_review.pending(env)
    assert item.name == "吴霞" and item.source == "相册选择"


async def test_change_photo_notice_then_six_month_refusal(kiosk_app, env, people) -> None:
    account_id = elicence_card.account_for(env, people["driver_normal"].id_number)
    elicence.apply_direct(env, account_id)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["driver_normal"])
        await pilot.click("#el-change-photo")
        await settle(pilot)
        assert "证件照上传须知" in screen_text(kiosk_app) and "可以马上更换" in screen_text(kiosk_app)
        await pilot.click("#ph-agree")
        await pilot.click("#ph-camera")
        await settle(pilot)
        while kiosk_app.screen.query_one("#ph-submit").disabled:  # the demo camera takes turns
            await pilot.click("#ph-camera")
            await settle(pilot)
        assert "照片：刚拍摄的照片" in screen_text(kiosk_app) and "camera_" not in screen_text(kiosk_app)
        await pilot.click("#ph-submit")
        await settle(pilot)
        assert "待审核" in screen_text(kiosk_app)
        serial = elicence_review.pending(env)[0].serial_no
        elicence_review.approve(env, serial)
        await pilot.click("#home")
        await settle(pilot)
        await pilot.click("#el-change-photo")
        await settle(pilot)
        assert "2027年6月1日起再申请。" in screen_text(kiosk_app)
        assert kiosk_app.screen.query_one("#ph-agree").disabled


async def test_apply_in_review_says_submitted_and_what_follows(kiosk_app, env, people) -> None:
    """Outside the demo the ID-card photo is reviewed: 申领 answers 申请已提交, the review within a
    working day, the result by SMS and message, the progress in 网办进度 (it said the result had
    been sent already); the page then says it is in review, with nothing to apply with."""
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        env.settings.demo = False  # reviewed, not issued at once
        await _open(pilot, env, p)
        await pilot.click("#el-confirm")
        await settle(pilot)
        text = "".join(screen_text(kiosk_app).split())
        assert "申请已提交。业务流水号：" in text and "办理状态：待审核" in text
        assert ("公安交管部门将在一个工作日内审核，结果通过短信和消息通知您，"
                "也可以通过【网办进度】查询当前业务办理进度。") in text
        assert "已通过短信" not in text and text.count("申请已提交") == 1
        assert "正在审核" in text and "是否继续申领" not in text
        assert _buttons_on_screen(kiosk_app) == ["返回"]


async def test_applied_on_another_kiosk_while_the_question_was_open(kiosk_app, env, people) -> None:
    """Tester: 您已申领电子驾驶证，无需重复申领 (another kiosk applied first), and the screen kept the
    申领 question, with no 出示 button. Now it reads the licence again and offers the card."""
    from tests.booking_helpers import account_id

    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, p)
        assert "是否继续申领？" in screen_text(kiosk_app)
        elicence.apply_direct(env, account_id(env, p))  # the other kiosk
        await pilot.click("#el-confirm")
        await settle(pilot)
        text = screen_text(kiosk_app)
        assert "是否继续申领？" not in text and kiosk_app.screen.query_one("#el-question").has_class("hidden")
        assert "您已申领电子驾驶证，无需重复申领" in text  # why, under what is offered now
        assert "您已申领电子驾驶证，可以出示使用。" in text
        assert _buttons_on_screen(kiosk_app) == ["出示电子驾驶证", "换照片", "返回"]
        assert kiosk_app.focused is kiosk_app.screen.query_one("#el-show")


async def test_back_from_the_photo_screen_the_focus_is_where_it_was(kiosk_app, env, people) -> None:
    """Tester: 拍照或相册选择, then Escape and 放弃并返回, put the focus on 申领 (the page is read again on
    return and focused its first button): it is back on 拍照或相册选择, the button pressed."""
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, env, people["driver_normal"])
        kiosk_app.screen.query_one("#el-photo-new", Button).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, PhotoScreen)
        kiosk_app.screen.dismiss()
        await settle(pilot)
        assert isinstance(kiosk_app.screen, ElicenceScreen)
        assert kiosk_app.focused is kiosk_app.screen.query_one("#el-photo-new")
