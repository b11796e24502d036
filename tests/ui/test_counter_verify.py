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
