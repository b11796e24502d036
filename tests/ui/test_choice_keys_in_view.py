"""Pilot, 80x24: what keys in a burst choose stays on the page (tester). Tab into a list just shown
by the choice before it (在用车选号's random set after Down Down to 随机选号; 补领检验合格标志's 领取网点
after 窗口领取) focused it below the page's edge, its scroll made before the list was laid out, and the
arrows then chose options never seen. Now the focused list is brought into view once laid out
(ApplicationFlowScreen._tab); the page then follows the arrows as it does for a list already shown."""
from __future__ import annotations

from textual.widget import Widget

from tests.ui.conftest import settle
from tests.ui.test_plate_choice_fast_keys import _key, _open
from tests.ui.test_vehicle_documents import _open as vehicle_form

SIZE = (80, 24)


def on_page(app, widget: Widget) -> bool:  # type: ignore[no-untyped-def]
    page = app.screen.query_one("Page")
    return bool(widget.region.height) and page.region.contains_region(widget.region)


def chosen(app, field: str) -> Widget:  # type: ignore[no-untyped-def]
    button = app.screen.query_one(f"#choice-{field}").pressed_button
    assert button is not None
    return button


async def test_tab_into_the_random_set_shown_by_the_burst_brings_it_into_view(kiosk_app, env, people):
    async with kiosk_app.run_test(size=SIZE) as pilot:
        await _open(pilot, env, people)  # 周杰's 在用车选号, the focus on 车辆
        for key in ["tab", "down", "down", "tab", "down", "down", "down"]:
            _key(kiosk_app, key)
        await settle(pilot)
        assert kiosk_app.focused is kiosk_app.screen.query_one("#choice-pick_1")
        assert on_page(kiosk_app, chosen(kiosk_app, "pick_1"))  # the number ticked is one the citizen sees


async def test_an_arrow_takes_the_page_along_a_long_list(kiosk_app, env, people):
    async with kiosk_app.run_test(size=SIZE) as pilot:
        await vehicle_form(pilot, env, people["two_cars"], "inspection_mark_reissue")  # 周杰, 补领检验合格标志
        for key in ["tab", "down", "tab"]:  # in a burst: 领取方式 窗口领取, then its 领取网点 list
            _key(kiosk_app, key)
        await settle(pilot)
        offices = kiosk_app.screen.query_one("#choice-office")
        assert kiosk_app.focused is offices and len(offices.query("RadioButton")) > 12
        for n in (7, 5, 3):  # Down in bursts (tester: 7, then 5 more went below the edge)
            for _ in range(n):
                _key(kiosk_app, "down")
            await settle(pilot)
            assert on_page(kiosk_app, chosen(kiosk_app, "office"))
