"""放大二维码: offered only where the full-screen view draws the code larger than the card does, and
there the modules really are larger (whole scales, square: scale 2 is full blocks two columns
wide), black on white with a quiet zone of 4 modules, read by zxing-cpp and zbar."""
from __future__ import annotations

from kiosk.services import elicence_verify
from kiosk.ui.screens.elicence import CardScreen, FullCodeScreen
from kiosk.ui.widgets.qr import NO_ROOM, QrView
from tests.ui.conftest import screen_text, settle
from tests.ui.elicence_helpers import black_on_white, black_on_white_runs, decode_both, open_card, qr_text_lines


def _zoom_offered(screen: CardScreen) -> bool:
    return not screen.query_one("#card-zoom").has_class("hidden")


async def test_at_120x40_the_card_code_is_already_as_large_as_it_gets_so_no_zoom(kiosk_app, env, people) -> None:
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        card = await open_card(pilot, env, people["driver_normal"])
        view = card.query_one(QrView)
        assert view.shown is not None and view.shown.scale == 1
        assert FullCodeScreen.scale_in(view.texts, kiosk_app.size) == 1  # the whole screen: no larger
        assert not _zoom_offered(card) and "放大二维码" not in screen_text(kiosk_app)
        assert kiosk_app.focused is card.query_one("#back")


async def test_on_a_big_terminal_the_zoom_draws_modules_two_columns_wide(kiosk_app, env, people) -> None:
    async with kiosk_app.run_test(size=(200, 60)) as pilot:
        card = await open_card(pilot, env, people["driver_normal"])
        here = card.query_one(QrView).shown
        assert here is not None and here.scale == 1 and _zoom_offered(card)
        card.query_one("#card-zoom").press()
        await settle(pilot)
        assert isinstance(kiosk_app.screen, FullCodeScreen)
        view = kiosk_app.screen.query_one(QrView)
        qr = view.shown
        assert qr is not None and qr.scale == 2 and qr.quiet_zone == 4
        assert black_on_white(kiosk_app)
        runs = black_on_white_runs(kiosk_app)
        assert len(runs) == qr.rows and {len(r) for r in runs} == {qr.columns} == {2 * qr.modules}
        assert set("".join(runs)) <= {" ", "\u2588"}  # full blocks: every module is one whole text line
        zone = 4 * 2  # 4 modules, two columns (and two half-lines) each
        assert all(r[:zone] == r[-zone:] == " " * zone for r in runs)
        assert all(r == " " * qr.columns for r in runs[:zone // 2] + runs[-(zone // 2):])
        zx, zb = decode_both(qr_text_lines(kiosk_app))
        assert zx == zb == [view.shown_text]
        assert elicence_verify.verify(env, zx[0]).valid


async def test_the_zoom_is_offered_and_withdrawn_as_the_terminal_is_resized(kiosk_app, env, people) -> None:
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        card = await open_card(pilot, env, people["driver_normal"])
        assert _zoom_offered(card) and card.query_one(QrView).shown is None
        assert kiosk_app.focused is card.query_one("#card-zoom")  # Enter zooms, as the code area says
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert not _zoom_offered(card) and kiosk_app.focused is card.query_one("#back")
        await pilot.resize_terminal(70, 20)  # not even the full screen holds a code
        await settle(pilot)
        assert not _zoom_offered(card) and card.query_one(QrView).shown is None
        said = "".join(line.strip() for line in qr_text_lines(kiosk_app))
        assert said == "" and screen_text(kiosk_app).count(NO_ROOM) == 1  # the card's line: not 放大二维码, there is none
        await pilot.resize_terminal(200, 60)
        await settle(pilot)
        assert _zoom_offered(card)


async def test_the_zoom_takes_the_focus_when_it_appears_after_a_resize(kiosk_app, env, people) -> None:
    """Tester: from 120x40 to 80x24 the card said 请选择【放大二维码】 with the focus still on 返回,
    so Enter left the card."""
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        card = await open_card(pilot, env, people["driver_normal"])
        assert kiosk_app.focused is card.query_one("#back")
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert _zoom_offered(card) and kiosk_app.focused is card.query_one("#card-zoom")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, FullCodeScreen)


async def test_the_zoom_does_not_take_the_focus_from_where_the_citizen_put_it(kiosk_app, env, people) -> None:
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        card = await open_card(pilot, env, people["driver_normal"])
        assert kiosk_app.focused is card.query_one("#card-zoom")
        await pilot.press("right")  # to 返回, on purpose
        assert kiosk_app.focused is card.query_one("#back")
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert _zoom_offered(card) and kiosk_app.focused is card.query_one("#back")
