"""Pilot: at the counter every Tab stop shows it has the focus. A page made only of controls is
no Tab stop of its own (focusing a control scrolls it into view); a page with text that no
control brings into view (a photo, a chart, a report) is one while some of it is out of view
(kiosk.ui.widgets.page.Page), and then shows a bar on its left. All in view, it was a Tab stop
for nothing (tester: Shift+Tab from 考生身份证号码 put a bar down the edge of 考试成绩录入)."""
from __future__ import annotations

from textual.containers import ScrollableContainer
from textual.scroll_view import ScrollView

from kiosk.ui.widgets.page import Page

from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import press
from tests.ui.conftest import settle

SIZE = (120, 40)
PAGES_OF_CONTROLS = {"StaffSignInScreen", "StaffHomeScreen", "CitizenScreen", "StaffAdminScreen", "AuditScreen",
                     "InPersonRegisterScreen", "LockScreen"}
PAGES_WITH_TEXT = {"ReviewScreen", "ExamPlansScreen", "ExamResultsScreen", "VerifyScreen", "DashboardScreen"}


def _more_to_show(pilot) -> bool:  # type: ignore[no-untyped-def]
    pages = pilot.app.screen.query(Page)
    return bool(pages) and pages.first().has_more_to_show


async def _page_stops(pilot) -> list[str]:
    """The scrolling containers among the screen's Tab stops; each must look focused when it is."""
    stops = [w for w in pilot.app.screen.focus_chain  # a container, not a control (Input, DataTable)
             if isinstance(w, ScrollableContainer) and not isinstance(w, ScrollView)]
    for page in stops:
        page.focus()
        await pilot.pause()
        kind, _colour = page.styles.outline_left
        assert kind not in ("", "none", "hidden"), f"{type(pilot.app.screen).__name__}: focused {page!r} shows nothing"
    return [type(pilot.app.screen).__name__ for _ in stops]


async def test_no_tab_stop_at_the_counter_is_invisible(env):
    app = counter_app(env)
    seen: dict[str, int] = {}
    more: dict[str, bool] = {}
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        seen["StaffSignInScreen"] = len(await _page_stops(pilot))
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        seen["StaffHomeScreen"] = len(await _page_stops(pilot))
        for menu in ("m-citizen", "m-review", "m-plans", "m-results", "verify", "m-dashboard", "m-audit", "m-staff"):
            await press(pilot, menu)
            seen[type(app.screen).__name__] = len(await _page_stops(pilot))
            more[type(app.screen).__name__] = _more_to_show(pilot)
            if menu == "m-citizen":
                await press(pilot, "register")
                seen[type(app.screen).__name__] = len(await _page_stops(pilot))
                app.pop_screen()
                await settle(pilot)
            app.pop_screen()
            await settle(pilot)
        await press(pilot, "lock")
        seen[type(app.screen).__name__] = len(await _page_stops(pilot))
    assert set(seen) == PAGES_OF_CONTROLS | PAGES_WITH_TEXT
    assert {name for name, n in seen.items() if n == 0} == PAGES_OF_CONTROLS | {n for n in PAGES_WITH_TEXT if not more[n]}
    assert {name for name, n in seen.items() if n == 1} == {name for name in PAGES_WITH_TEXT if more[name]}
    assert {name for name in PAGES_WITH_TEXT if not more[name]} >= {"ExamResultsScreen", "VerifyScreen"}
