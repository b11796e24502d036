"""Pilot: a service refused before its form shows no step bar (1.填写信息 > 2.确认并提交 > 3.办理结果):
there are no steps to take, only the reason and 返回."""
from __future__ import annotations

import pytest

from kiosk.ui.widgets.stepbar import StepBar
from tests.ui.conftest import screen_text
from tests.ui.test_flow_errors import _open


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
@pytest.mark.parametrize(("person", "service", "reason"), [
    ("driver_normal", "points_study", "学法减分"),  # 刘洋: no points to take off
    ("four_fails", "licence_replace", "驾驶证"),  # 郭涛: a learner, no licence to replace
    ("four_fails", "licence_delay_renewal", "驾驶证"),  # 郭涛: 您名下没有机动车驾驶证，无法办理此业务
])
async def test_a_service_refused_at_once_shows_no_step_bar(kiosk_app, env, people, size, person, service, reason):
    async with kiosk_app.run_test(size=size) as pilot:
        await _open(pilot, env, people[person], service)
        screen = kiosk_app.screen
        intro = screen.query_one("#intro").render().plain
        assert not screen.query_one("#next").display and reason in intro
        assert intro.rstrip().endswith("。")  # alone on the page: a sentence (无法办理此业务 ended without one)
        assert not screen.query_one(StepBar).display
        text = screen_text(kiosk_app)
        assert "填写信息" not in text and "确认并提交" not in text and "办理结果" not in text
        assert kiosk_app.focused is screen.query_one("#back")


async def test_a_service_open_to_the_citizen_keeps_its_step_bar(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, env, people["points_study"], "points_study")
        assert kiosk_app.screen.query_one(StepBar).display and "填写信息" in screen_text(kiosk_app)
