"""The card's automatic refresh re-reads the licence: its details, colour and status change with the
code it re-signs, and a licence no longer displayed (吊销, 锁定...) takes the whole card away."""
from __future__ import annotations

import pytest
from sqlalchemy import update

from kiosk.db.models import DrivingLicence
from kiosk.services import elicence, elicence_card, elicence_verify
from kiosk.ui.screens.elicence import CardScreen, ElicenceScreen, FullCodeScreen
from kiosk.ui.widgets.qr import QrView
from tests.ui.conftest import screen_text, settle, sign_in

ARCHIVE = "500100000055"  # 刘洋, driver_normal


def _set_status(env, status: str) -> None:  # type: ignore[no-untyped-def]
    with env.db.write() as s:
        s.execute(update(DrivingLicence).where(DrivingLicence.archive_no == ARCHIVE).values(status=status))


async def _open_card(pilot, env, people) -> CardScreen:  # type: ignore[no-untyped-def]
    person = people["driver_normal"]
    elicence.apply_direct(env, elicence_card.account_for(env, person.id_number))
    await sign_in(pilot, env, person.id_number, person.phone)
    await pilot.click("#menu-elicence_mine")
    await settle(pilot)
    await pilot.click("#el-show")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, CardScreen)
    return screen


async def _timer_refresh(pilot, env, screen) -> None:  # type: ignore[no-untyped-def]
    """What the one-second timer does once the code is within its refresh margin."""
    env.clock.advance(seconds=55)
    screen.tick()
    await settle(pilot)


def _title(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#card-title").render())


async def test_a_refresh_redraws_status_and_colour_with_the_code(kiosk_app, env, people) -> None:
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        screen = await _open_card(pilot, env, people)
        title = screen.query_one("#card-title")
        assert _title(kiosk_app).endswith("正常") and title.has_class("-green")
        first = screen.code
        _set_status(env, "D")  # 暂扣 while the card is on screen
        await _timer_refresh(pilot, env, screen)
        assert screen.code is not None and screen.code.full != first.full  # re-signed...
        assert _title(kiosk_app).endswith("暂扣") and title.has_class("-red") and not title.has_class("-green")
        assert "状态：暂扣" in screen_text(kiosk_app) and "状态：正常" not in screen_text(kiosk_app)
        shown = screen.query_one(QrView).shown_text
        report = elicence_verify.verify(env, shown, online=True)
        assert dict(report.fields)["状态"] == "暂扣"  # ...and the card says what the code says
        _set_status(env, "A")  # and back
        await _timer_refresh(pilot, env, screen)
        assert _title(kiosk_app).endswith("正常") and title.has_class("-green") and not title.has_class("-red")
        assert "状态：正常" in screen_text(kiosk_app)


@pytest.mark.parametrize("status, message", [
    ("F", "您的驾驶证状态为吊销，不能申领电子驾驶证，已申领的电子驾驶证不再显示"),
    ("L", "您的驾驶证状态异常，请联系驾驶证发证地公安交管部门"),
])
@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_a_licence_no_longer_shown_takes_the_card_away(kiosk_app, env, people, status, message, size) -> None:
    async with kiosk_app.run_test(size=size) as pilot:
        screen = await _open_card(pilot, env, people)
        _set_status(env, status)
        await _timer_refresh(pilot, env, screen)
        text = screen_text(kiosk_app)
        assert message.replace("，", "") in text.replace("\n", "").replace(" ", "").replace("，", "")
        for gone in ("刘洋", "证号", "状态：", "生成时间", "当前时间", "剩余有效时间", "放大二维码"):
            assert gone not in text.replace("刘洋  5001", ""), gone  # (the header names who is signed in)
        assert screen.query_one(QrView).shown is None and not screen.query_one(QrView).display
        assert kiosk_app.focused is screen.query_one("#back")  # the way out
        env.clock.advance(seconds=90)  # nothing comes back, the message stays
        screen.tick()
        await settle(pilot)
        # the header's clock (first line) may tick meanwhile; the rest is unchanged
        assert screen_text(kiosk_app).splitlines()[1:] == text.splitlines()[1:]
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(kiosk_app.screen, CardScreen)


async def test_the_full_screen_code_goes_back_to_the_card_when_it_is_no_longer_shown(kiosk_app, env, people) -> None:
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        card = await _open_card(pilot, env, people)
        await pilot.click("#card-zoom")
        await settle(pilot)
        full = kiosk_app.screen
        assert isinstance(full, FullCodeScreen) and full.query_one(QrView).shown is not None
        _set_status(env, "F")
        await _timer_refresh(pilot, env, full)
        assert kiosk_app.screen is card
        text = screen_text(kiosk_app)
        assert "不再显示" in text and "证号" not in text and "放大二维码" not in text


async def _apply_on_screen(pilot, env, person) -> None:
    """``person`` signed in, on 驾驶证电子版, has applied there (its result on the screen)."""
    await sign_in(pilot, env, person.id_number, person.phone)
    await pilot.click("#menu-elicence_mine")
    await settle(pilot)
    await pilot.click("#el-confirm")  # the question's 申领, asked as the page opens
    await settle(pilot)


@pytest.mark.parametrize("status", ["L", "F"])
async def test_a_card_withdrawn_takes_the_earlier_apply_result_away_too(kiosk_app, env, people, status) -> None:
    """申领 on the screen shows its result; the licence then becomes 锁定 (or 吊销) while the card is
    open: back on 驾驶证电子版 the fixed message stands alone, not above the old 已办结 result."""
    person = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _apply_on_screen(pilot, env, person)
        assert "业务流水号" in screen_text(kiosk_app) and "已办结" in screen_text(kiosk_app)
        await pilot.click("#el-show")
        await settle(pilot)
        card = kiosk_app.screen
        assert isinstance(card, CardScreen)
        _set_status(env, status)
        await _timer_refresh(pilot, env, card)
        await pilot.click("#back")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, ElicenceScreen)
        text = screen_text(kiosk_app)
        assert ("状态异常" if status == "L" else "不再显示") in text.replace("\n", "")
        for stale in ("办理状态", "已办结", "申领结果已通过短信"):  # (the demo SMS bar may still name the serial)
            assert stale not in text, stale
        assert str(kiosk_app.screen.query_one("#el-result").render()).strip() == ""


async def test_the_apply_result_stays_while_the_card_is_still_shown(kiosk_app, env, people) -> None:
    """暂扣 still shows the card (in red): the result of the 申领 is still true and stays."""
    person = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _apply_on_screen(pilot, env, person)
        _set_status(env, "D")
        kiosk_app.screen.reload()
        await settle(pilot)
        assert "业务流水号" in screen_text(kiosk_app) and "已办结" in screen_text(kiosk_app)
