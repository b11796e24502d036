"""Pilot: a form of the generic flow with several wrong fields shows every message at once, each
next to its field, with the focus on the first wrong field and that field in view."""
from __future__ import annotations

from textual.widgets import Button, RadioButton, Static

from kiosk.ui.screens.flow import ApplicationFlowScreen
from tests.ui.conftest import field_error, screen_error, screen_text, set_input, settle, sign_in


async def _open(pilot, env, person, service: str) -> None:  # type: ignore[no-untyped-def]
    await sign_in(pilot, env, person.id_number, person.phone)
    await pilot.click(f"#menu-{service}")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ApplicationFlowScreen)


async def _next(pilot) -> None:  # type: ignore[no-untyped-def]
    pilot.app.screen.query_one("#next", Button).press()
    await settle(pilot)


def _choice_error(app, field: str) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(f"#error-{field}", Static).render())


async def test_a_wrong_phone_and_an_empty_address_are_both_told(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["driver_normal"], "licence_contact")
        set_input(kiosk_app, "phone", "12345")
        set_input(kiosk_app, "address", "")
        await _next(pilot)
        assert field_error(kiosk_app, "phone") == "手机号码应为11位数字，您输入了5位"
        assert field_error(kiosk_app, "address") == "请输入联系地址"
        assert screen_error(kiosk_app).strip() == ""  # each by its field, none in the line at the bottom
        assert kiosk_app.focused is kiosk_app.screen.query_one("#input-phone")
        assert kiosk_app.screen.query_one("#step-form").display  # still on the form
        set_input(kiosk_app, "phone", "13800138000")  # correcting one field clears only its message
        await settle(pilot)
        assert field_error(kiosk_app, "phone") == "" and field_error(kiosk_app, "address") == "请输入联系地址"
        set_input(kiosk_app, "address", "重庆市渝北区新南路1号")
        await _next(pilot)
        assert "138****8000" in screen_text(kiosk_app) and field_error(kiosk_app, "address") == ""


async def test_an_empty_delay_form_at_80x24_tells_the_reason_and_the_date(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, env, people["lorry_driver"], "licence_delay_review")
        await _next(pilot)
        assert _choice_error(kiosk_app, "reason") == "请选择延期原因"
        assert field_error(kiosk_app, "until") == "请输入延期截止日期"
        # The first wrong field has the focus and is on view with its message.
        assert kiosk_app.focused is kiosk_app.screen.query_one("#choice-reason")
        assert "请选择延期原因" in screen_text(kiosk_app)
        button = next(b for b in kiosk_app.screen.query("#choice-reason RadioButton").results(RadioButton)
                      if b.name == "服兵役")
        button.value = True
        await settle(pilot)
        assert _choice_error(kiosk_app, "reason") == "" and field_error(kiosk_app, "until") != ""


async def test_three_missing_fields_of_a_plate_reissue(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, env, people["driver_normal"], "plate_reissue")
        set_input(kiosk_app, "address", "")
        await _next(pilot)
        assert _choice_error(kiosk_app, "plates") == "请选择需补换领的号牌"
        assert _choice_error(kiosk_app, "reason") == "请选择申请原因"
        assert field_error(kiosk_app, "address") == "请输入邮寄地址"
        assert kiosk_app.focused is kiosk_app.screen.query_one("#choice-plates")
        assert "请选择需补换领的号牌" in screen_text(kiosk_app)  # the page shows the first, not the last


async def test_the_first_wrong_field_stays_in_view_when_the_last_is_far_below(kiosk_app, env, people):
    """A terminal shorter than the form (80x14, the renewal's fields from the certificate number
    to the address do not fit): the page shows the first wrong field with its label, not the last."""
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, env, people["renew_soon"], "licence_replace")
        button = next(b for b in kiosk_app.screen.query("#choice-kind RadioButton").results(RadioButton)
                      if b.name == "renew")
        button.value = True
        await settle(pilot)
        set_input(kiosk_app, "address", "")
        await pilot.resize_terminal(80, 14)
        await settle(pilot)
        await _next(pilot)
        assert field_error(kiosk_app, "cert_no") and field_error(kiosk_app, "address") == "请输入邮寄地址"
        assert kiosk_app.focused is kiosk_app.screen.query_one("#input-cert_no")
        text = screen_text(kiosk_app)
        assert "身体条件证明编号" in text and "请输入身体条件证明上的编号" in text
