"""Pilot: 现场教育天数 lowered after choosing its sessions. The sessions chosen are kept (which of
them to drop is the citizen's to say), and the hint over the table says at once how many to
un-choose and how, under the table: the hint over it said 请选择2个现场教育场次 ... 已选3个, and only a
refused tap or 下一步 said to un-choose (tester: not clear for an elderly user)."""
from __future__ import annotations

from kiosk.ui.widgets.stepbar import StepBar
from tests.ui.conftest import set_input, settle
from tests.ui.test_full_score_flow import _choose_rows, _open, _press


def _said(app) -> str:  # type: ignore[no-untyped-def]
    return "".join(str(app.screen.query_one("#error-sessions").render()).split())


async def test_lowering_the_days_says_how_many_to_unchoose_as_the_step_opens(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["full_score"])
        await settle(pilot)
        screen = kiosk_app.screen
        set_input(kiosk_app, "on_site_days", "4")
        set_input(kiosk_app, "online_days", "1")
        await _press(pilot, "#next")
        await _choose_rows(pilot, 0, 1, 3, 5)  # four days
        assert len(screen.marked) == 4 and _said(kiosk_app) == ""
        await _press(pilot, "#prev-form")
        set_input(kiosk_app, "on_site_days", "2")
        set_input(kiosk_app, "online_days", "3")
        await _press(pilot, "#next")
        assert screen.query_one(StepBar).current == 1 and len(screen.marked) == 4  # kept
        assert _said(kiosk_app) == ("现场教育天数为2天，最多只能选择2个场次（已选4个），请取消2个："
                                    "在要取消的已选场次上按回车键（或点击该行）")
        await _choose_rows(pilot, 5)  # one un-chosen: one more to go
        assert len(screen.marked) == 3 and "请取消1个" in _said(kiosk_app)
        await _choose_rows(pilot, 3)
        assert len(screen.marked) == 2 and _said(kiosk_app) == ""
        await _press(pilot, "#next-sessions")
        assert screen.query_one(StepBar).current == 2
