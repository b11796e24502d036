"""亮证/亮码 in the running app: the code read off the screen decodes with two decoders and
verifies, at 120x40 (card view, full payload) and 80x24 (full-screen view, compact payload)."""
from __future__ import annotations

from datetime import timedelta

import pytest

from kiosk.services import elicence, elicence_card, elicence_verify
from kiosk.ui.screens.elicence import CardScreen, FullCodeScreen
from kiosk.ui.widgets.qr import QrView
from tests.ui.conftest import screen_text, settle, sign_in
from tests.ui.elicence_helpers import black_on_white, decode_both, qr_text_lines


def _issue(env, people, key: str = "driver_normal") -> int:  # type: ignore[no-untyped-def]
    account_id = elicence_card.account_for(env, people[key].id_number)
    elicence.apply_direct(env, account_id)
    return account_id


async def _open_card(pilot, env, person) -> None:  # type: ignore[no-untyped-def]
    await sign_in(pilot, env, person.id_number, person.phone)
    await pilot.click("#menu-elicence_mine")
    await settle(pilot)
    await pilot.click("#el-show")
    await settle(pilot)


async def test_card_at_120x40_shows_a_full_code_that_both_decoders_read(kiosk_app, env, people) -> None:
    _issue(env, people)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open_card(pilot, env, people["driver_normal"])
        assert isinstance(kiosk_app.screen, CardScreen)
        text = screen_text(kiosk_app)
        assert "刘洋" in text and "5001**********0556" in text and "500112198808240556" not in text
        assert "生成时间" in text and "当前时间" in text and "剩余有效时间" in text
        view = kiosk_app.screen.query_one(QrView)
        assert view.shown is not None and view.shown_text.startswith("DL1:")
        assert view.shown.quiet_zone >= 4
        assert black_on_white(kiosk_app)
        zx, zb = decode_both(qr_text_lines(kiosk_app))
        assert zx == [view.shown_text] and zb == [view.shown_text]
        report = elicence_verify.verify(env, zx[0], online=True)
        assert report.valid, report.reason


async def test_80x24_full_screen_view_shows_the_compact_code(kiosk_app, env, people) -> None:
    _issue(env, people)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open_card(pilot, env, people["driver_normal"])
        await pilot.resize_terminal(80, 24)  # signing in is tested elsewhere; the card is what matters
        await settle(pilot)
        assert kiosk_app.screen.query_one(QrView).shown is None  # no room beside the card
        assert "放大二维码" in screen_text(kiosk_app)
        await pilot.click("#card-zoom")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, FullCodeScreen)
        view = kiosk_app.screen.query_one(QrView)
        assert view.shown is not None and view.shown_text.startswith("DL2:") and view.shown.rows <= 23
        assert black_on_white(kiosk_app)
        zx, zb = decode_both(qr_text_lines(kiosk_app))
        assert zx == [view.shown_text] and zb == [view.shown_text]
        offline = elicence_verify.verify(env, zx[0])
        assert offline.valid and ("姓名", "刘洋") in offline.fields
        online = elicence_verify.verify(env, zx[0], online=True)
        assert online.valid and ("证号", people["driver_normal"].id_number) in online.fields
        assert "剩余" in screen_text(kiosk_app)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, CardScreen)


async def test_80x24_card_names_the_zoom_button_once_whole_on_one_line(kiosk_app, env, people) -> None:
    """The code area beside the card, too small for a code, said 窗口较小，请选择【放大二维码】查看 and the
    card's times 请按【放大二维码】显示二维码 (tester: one is enough). The times' line says it, above the
    button it names; the code area is blank."""
    _issue(env, people)
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await _open_card(pilot, env, people["driver_normal"])
        said = "".join(line.strip() for line in qr_text_lines(kiosk_app))
        assert said == ""
        text = screen_text(kiosk_app)
        assert "窗口较小" not in text and text.count("放大二维码") == 2  # the line and the button
        assert any(line.strip() == "请按【放大二维码】显示二维码" for line in text.splitlines())  # whole, one line


async def test_the_countdown_regenerates_the_code_before_it_expires(kiosk_app, env, people) -> None:
    env.settings.elicence_ttl_seconds = 6
    _issue(env, people)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open_card(pilot, env, people["driver_normal"])
        screen = kiosk_app.screen
        first = screen.code
        assert first is not None and first.ttl == 6
        assert "剩余有效时间：6秒" in screen_text(kiosk_app)
        env.clock.advance(seconds=3)
        screen.tick()
        await settle(pilot)
        assert "剩余有效时间：3秒" in screen_text(kiosk_app)
        env.clock.advance(seconds=2)  # 1 s left: within the refresh margin
        screen.tick()
        await settle(pilot)
        second = screen.code
        assert second is not None and second.full != first.full
        assert second.generated_at == first.generated_at + timedelta(seconds=5)
        zx, zb = decode_both(qr_text_lines(kiosk_app))
        assert zx == zb == [second.full]
        env.clock.advance(seconds=1)  # the first code's 6 s are over, the new one runs on
        assert elicence_verify.verify(env, first.full).reason == "二维码已过期"
        assert elicence_verify.verify(env, second.full).valid


async def test_a_revoked_licence_takes_the_code_off_the_screen(kiosk_app, env, people) -> None:
    _issue(env, people)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open_card(pilot, env, people["driver_normal"])
        from sqlalchemy import update

        from kiosk.db.models import DrivingLicence

        with env.db.write() as s:
            s.execute(update(DrivingLicence).where(DrivingLicence.archive_no == "500100000055").values(status="F"))
        kiosk_app.screen.refresh_code()
        await settle(pilot)
        assert kiosk_app.screen.query_one(QrView).shown is None
        assert "吊销" in screen_text(kiosk_app) and "证号" not in screen_text(kiosk_app)  # the card goes, its reason stays


@pytest.mark.parametrize("key", ["no_photo", "revoked"])
async def test_no_card_without_an_issued_e_licence(kiosk_app, env, people, key: str) -> None:
    person = people[key]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, person.id_number, person.phone)
        await pilot.click("#menu-elicence")
        await settle(pilot)
        assert kiosk_app.screen.query_one("#el-show").has_class("hidden")


async def test_a_delayed_renewal_shows_its_date_on_the_card_at_both_sizes(kiosk_app, env, people) -> None:
    """梁雪 after 延期换领驾驶证 granted to 2028-06-30 (tester): the card said 有效期限 ... 至 <expiry>
    and never the 延期至 date. It is said in the 有效期限 row (its own line when the card is narrow), the code as before."""
    from kiosk.services import applications
    from tests.integration.licence_helpers import DELAY_RENEWAL

    p = people["renew_soon"]
    account_id = elicence_card.account_for(env, p.id_number)
    applications.submit(env, DELAY_RENEWAL, account_id, {"reason": "出国（境）", "detail": "", "until": "2028-06-30"})
    elicence.apply_direct(env, account_id)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open_card(pilot, env, p)
        assert isinstance(kiosk_app.screen, CardScreen)
        text = screen_text(kiosk_app)
        assert "有效期限：2021-01-30 至 2027-01-30" in text and "（延期至2028-06-30）" in text
        view = kiosk_app.screen.query_one(QrView)
        assert view.shown is not None and view.shown_text.startswith("DL1:")
        zx, _zb = decode_both(qr_text_lines(kiosk_app))
        assert zx == [view.shown_text]  # the code beside it, drawn and read as before
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        text = screen_text(kiosk_app)  # whole (a line of its own under the dates), 返回 still on screen
        assert "（延期至2028-06-30）" in text and "返回" in "".join(text.splitlines()[:23])
        assert kiosk_app.screen.query_one(QrView).shown is None and "放大二维码" in screen_text(kiosk_app)
        await pilot.click("#card-zoom")
        await settle(pilot)
        view = kiosk_app.screen.query_one(QrView)
        assert view.shown is not None and view.shown_text.startswith("DL2:") and view.shown.rows <= 23
