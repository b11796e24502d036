"""Pilot: 电子驾驶证核验 never leaves an earlier result beside a new check's answer."""
from __future__ import annotations

from sqlalchemy import select

from kiosk.db.models import Account
from kiosk.domain.errors import DomainError
from kiosk.services import counter_verify, elicence, elicence_card
from kiosk.ui.screens.verify import VerifyScreen
from tests.ui.conftest import field_error, screen_error, set_input, settle
from tests.ui.test_counter import _sign_in, counter_app


def _result(app) -> str:
    return str(app.screen.query_one("#verdict").render()) + str(app.screen.query_one("#fields").render())


async def test_a_new_check_first_clears_the_last_result(env, people, monkeypatch):
    p = people["driver_normal"]
    with env.db.read() as s:
        account_id = s.scalar(select(Account.id).where(Account.id_number == p.id_number))
    elicence.apply_direct(env, account_id)
    code = elicence_card.fresh_code(env, account_id).full
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app, "H2001", "kiosk-2001")
        await pilot.click("#verify")
        await settle(pilot)
        assert isinstance(app.screen, VerifyScreen)
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
