"""Pilot: Enter on a choice whose chosen option the service refuses (its note under the list) keeps
the focus there, as Enter on a text field's wrong value does, and Tab still moves on (tester: 渝AD12345's
交强险已到期 and 刘洋's 期满换证 not yet open were said, and the focus went on to the rest of a form that
could not be sent). And a date field typed too long is told the date's format, not 最多可输入12个字."""
from __future__ import annotations

import pytest

from tests.ui.conftest import field_error, settle
from tests.ui.test_flow_errors import _open
from tests.ui.test_vehicle_documents import choice_error


async def _arrow_then_enter(pilot, field: str, downs: int) -> None:  # type: ignore[no-untyped-def]
    pilot.app.screen.query_one(f"#choice-{field}").focus()
    for _ in range(downs):
        await pilot.press("down")
        await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
@pytest.mark.parametrize(("person", "service", "field", "downs", "said"), [
    ("driver_normal", "licence_replace", "kind", 4, "有效期满前90日内方可申请期满换证"),  # 刘洋: 期满换证
    ("two_cars", "vehicle_transfer", "plate", 1, "渝AD12345不能申请转籍：该车交强险已于"),  # 周杰
])
async def test_enter_on_a_refused_choice_keeps_the_focus_and_tab_moves_on(kiosk_app, env, people, size,
                                                                          person, service, field, downs, said):
    async with kiosk_app.run_test(size=size) as pilot:
        await _open(pilot, env, people[person], service)
        choice = kiosk_app.screen.query_one(f"#choice-{field}")
        await _arrow_then_enter(pilot, field, downs)
        assert said in choice_error(kiosk_app, field)
        assert kiosk_app.focused is choice  # not on to 领取方式 / 转入地（省）
        await pilot.press("enter")  # again: still there, still said
        await settle(pilot)
        assert kiosk_app.focused is choice and said in choice_error(kiosk_app, field)
        await pilot.press("tab")  # as from a wrong text field: Tab moves on
        await settle(pilot)
        assert kiosk_app.focused is not choice and kiosk_app.focused is not None


async def test_enter_on_an_open_choice_still_moves_on(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["driver_normal"], "licence_replace")
        choice = kiosk_app.screen.query_one("#choice-kind")
        await _arrow_then_enter(pilot, "kind", 1)  # 补领: open to him
        assert choice_error(kiosk_app, "kind") == "" and kiosk_app.focused is not choice


async def test_a_date_typed_too_long_is_told_its_format(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["renew_soon"], "licence_replace")
        await _arrow_then_enter(pilot, "kind", 4)  # 期满换证, open to this citizen
        box = kiosk_app.screen.query_one("#input-cert_date")
        box.focus()
        await pilot.press(*"TJ2026112000123")
        await settle(pilot)
        said = field_error(kiosk_app, "cert_date")
        assert said.startswith("请按 ") and said.endswith(" 的格式输入体检日期") and "最多可输入" not in said
        await pilot.press("enter")  # held once, the same words said
        await settle(pilot)
        assert kiosk_app.focused is box and field_error(kiosk_app, "cert_date") == said
        kiosk_app.screen.query_one("#input-cert_no").focus()  # a text field that is no date: the limit
        await pilot.press(*("TJ2026112000" * 3))
        await settle(pilot)
        assert field_error(kiosk_app, "cert_no").startswith("最多可输入")
