"""Pilot: 驾驶证信息 for a learner shows the 学习驾驶证明 and where to go next (the tester: 胡斌 saw
only 您名下没有机动车驾驶证); someone with neither a licence nor a permit sees that line alone."""
from __future__ import annotations

import pytest
from textual.widgets import Button

from tests.ui.conftest import settle, sign_in


async def _open(pilot, env, p) -> str:  # type: ignore[no-untyped-def]
    await sign_in(pilot, env, p.id_number, p.phone)
    pilot.app.screen.query_one("#menu-my_licence", Button).press()
    await settle(pilot)
    return str(pilot.app.screen.query_one("#status").render()) + "\n" + str(pilot.app.screen.query_one("#detail").render())


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_a_learner_sees_his_permit_and_the_next_step(kiosk_app, env, people, size):
    p = people["k3_ready"]  # 胡斌
    async with kiosk_app.run_test(size=size) as pilot:
        text = await _open(pilot, env, p)
        assert "您名下没有机动车驾驶证。" in text and "学习驾驶证明" in text
        assert "C2（小型自动挡汽车）" in text and "科目二 已合格" in text and "科目三 未考" in text
        assert "有效期至：" in text and "可在【考试预约】中预约科目三考试。" in text
        assert "档案编号" not in text


async def test_no_licence_and_no_permit_shows_the_one_line(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        text = await _open(pilot, env, people["no_licence"])
        assert text.strip() == "您名下没有机动车驾驶证。"
        assert kiosk_app.focused is kiosk_app.screen.query_one("#back")
