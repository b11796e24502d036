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


async def test_a_code_refused_before_the_online_query_is_said_as_the_audit_says_it(env):
    """The tester's keys: DL2:xyz, Tab Right (在线核验), Enter. The screen said 离线核验：格式错误 while
    the audit log recorded 在线核验：格式错误; now both say 在线核验, and the screen that the licence's
    status was not queried."""
    from sqlalchemy import select

    from kiosk.db.models import AuditEntry
    NOT_QUERIED = "（二维码本身未通过检查，未查询驾驶证当前状态）"

    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_verify(pilot, app)
        await pilot.press(*"DL2:xyz", "tab", "right")
        assert app.focused.id == "online"
        await pilot.press("enter")
        await settle(pilot)
        verdict = str(app.screen.query_one("#verdict").render())
        with env.db.read() as s:
            logged = s.scalars(select(AuditEntry.detail).where(AuditEntry.action == "elicence_verify")).all()
        assert logged == ["在线核验：格式错误"]
        assert verdict == f"无效  在线核验：格式错误{NOT_QUERIED}"
        await pilot.click("#offline")
        await settle(pilot)
        assert str(app.screen.query_one("#verdict").render()) == "无效  离线核验：格式错误"  # as it was asked
