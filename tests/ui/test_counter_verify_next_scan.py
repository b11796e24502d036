"""Pilot: 电子驾驶证核验 is ready for the next scan after each result: the code checked is selected
in its field, with the focus there, so a scanner's next code (typed, then Enter) replaces it.
It was appended to the old code and refused (and audited) as 格式错误 (tester)."""
from __future__ import annotations

from sqlalchemy import select

from kiosk.db.models import Account, AuditEntry
from kiosk.domain.errors import DomainError
from kiosk.services import counter_verify, elicence, elicence_card
from tests.ui.conftest import screen_error, set_input, settle
from tests.ui.test_counter import counter_app, issued_code, open_verify


def _compact(env, person) -> str:  # type: ignore[no-untyped-def]
    with env.db.read() as s:
        account_id = s.scalar(select(Account.id).where(Account.id_number == person.id_number))
    elicence.apply_direct(env, account_id)
    return elicence_card.fresh_code(env, account_id).compact


def _selected(app) -> str:  # type: ignore[no-untyped-def]
    field = app.screen.query_one("#input-payload")
    start, end = sorted(field.selection)
    return field.value[start:end] if app.focused is field else ""


async def test_the_next_scan_replaces_the_code_checked(env, people, monkeypatch):
    first, second = people["driver_normal"], people["lorry_driver"]
    _id, code = issued_code(env, first)
    scanned = _compact(env, second)
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_verify(pilot, app)
        set_input(app, "payload", code)
        await pilot.press("enter")  # a scanner ends its code with Enter
        await settle(pilot)
        assert first.name in str(app.screen.query_one("#fields").render())
        assert _selected(app) == code
        await pilot.press(*scanned, "enter")
        await settle(pilot)
        assert app.screen.query_one("#input-payload").value == scanned
        verdict = str(app.screen.query_one("#verdict").render())
        assert verdict.startswith("有效") and "格式错误" not in verdict
        with env.db.read() as s:
            logged = s.scalars(select(AuditEntry.detail).where(AuditEntry.action == "elicence_verify")).all()
        assert not any("格式错误" in d for d in logged)
        await pilot.click("#offline")  # a button pressed: the focus goes back to the code, selected
        await settle(pilot)
        assert str(app.screen.query_one("#verdict").render()).startswith("有效  离线核验")
        assert _selected(app) == scanned

        def refused(*_args):  # type: ignore[no-untyped-def]
            raise DomainError("核验服务暂不可用")

        monkeypatch.setattr(counter_verify, "verify", refused)
        await pilot.click("#online")
        await settle(pilot)
        assert "核验服务暂不可用" in screen_error(app) and _selected(app) == scanned
