"""Pilot, 100x30, keyboard: 学法减分's form says 请选择网上学习或公益网点，选择后显示办理步骤. Down chose
网上学习 and Enter, as on any form's last choice, went on to 请核对以下信息 at once: the steps the form
showed above the list were gone before they were read, back only after 上一步 (tester, 宋佳). The
confirm page names the chosen way's steps too, under the summary, before 提交."""
from __future__ import annotations

from kiosk.ui.screens.flow import ApplicationFlowScreen
from tests.ui.conftest import screen_text, settle, sign_in


def _page(app) -> str:  # type: ignore[no-untyped-def]
    return "".join(screen_text(app).split())


async def test_down_enter_shows_the_ways_steps_on_the_confirm_page(kiosk_app, env, people):
    p = people["points_study"]  # 宋佳
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-points_study")
        await settle(pilot)
        screen = kiosk_app.screen
        assert isinstance(screen, ApplicationFlowScreen) and kiosk_app.focused is screen.query_one("#choice-way")
        await pilot.press("down", "enter")  # 网上学习, then Enter: on to 请核对以下信息
        await settle(pilot)
        assert screen.query_one("#step-confirm").display and kiosk_app.focused is screen.query_one("#submit")
        page = _page(kiosk_app)
        assert "学习方式：网上学习" in page and "网上学习考试流程：" in page
        assert "学满30分钟（3日内累计）" in page and "驾驶证减1分" in page  # its first and last steps, on screen
        assert "公益网点学习流程" not in page
        screen.query_one("#prev").press()
        await settle(pilot)
        await pilot.press("down", "enter")  # 公益网点
        await settle(pilot)
        page = _page(kiosk_app)
        assert screen.query_one("#step-confirm").display and "学习方式：公益网点" in page
        assert "公益网点学习流程：" in page and "为期2天活动结果公示" in page and "网上学习考试流程" not in page
