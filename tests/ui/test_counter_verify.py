"""Pilot: 电子驾驶证核验 never leaves an earlier result beside a new check's answer."""
from __future__ import annotations

from kiosk.domain.errors import DomainError
from kiosk.services import counter_verify
from tests.ui.conftest import field_error, screen_error, set_input, settle
from tests.ui.test_counter import counter_app, issued_code, open_verify


def _result(app) -> str:
    return str(app.screen.query_one("#verdict").render()) + str(app.screen.query_one("#fields").render())


async def test_a_new_check_first_clears_the_last_result(env, people, monkeypatch):
    p = people["driver_normal"]
    _account_id, code = issued_code(env, p)
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_verify(pilot, app)
        set_input(app, "payload", code)
        await pilot.click("#online")
        await settle(pilot)
        assert "有效" in _result(app) and p.name in _result(app)
        set_input(app, "payload", "")
        app.screen.query_one("#input-payload").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert "请扫描或粘贴二维码内容" in field_error(app, "payload")
        assert _result(app) == ""  # not the last driver's 有效 beside the new refusal
        set_input(app, "payload", code)
        await pilot.click("#offline")
        await settle(pilot)
        assert "有效" in _result(app)

        def refused(*_args):
            raise DomainError("核验服务暂不可用")

        monkeypatch.setattr(counter_verify, "verify", refused)
        await pilot.click("#online")
        await settle(pilot)
        assert "核验服务暂不可用" in screen_error(app) and _result(app) == ""


async def test_the_desk_says_authentic_but_not_normal_for_a_suspended_licence(env, people):
    from sqlalchemy import select

    from kiosk.db.models import DrivingLicence

    account_id, code = issued_code(env, people["driver_normal"])
    with env.db.write() as s:
        s.scalar(select(DrivingLicence).where(DrivingLicence.account_id == account_id)).status = "D"
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_verify(pilot, app)
        set_input(app, "payload", code)
        for mode in ("#online", "#offline"):  # online: the record now; offline: the code was signed as 正常
            await pilot.click(mode)
            await settle(pilot)
            verdict = str(app.screen.query_one("#verdict").render())
            if mode == "#online":
                assert verdict.startswith("证件真实，但驾驶证状态异常：暂扣") and "有效" not in verdict
                assert "状态：暂扣" in _result(app)
            else:
                assert verdict.startswith("有效")
