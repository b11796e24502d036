"""Pilot: 为群众办理 never shows one citizen's file (and its action buttons) under another ID."""
from __future__ import annotations

from tests.ui.conftest import field_error, screen_text, set_input, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import look_up, press

SIZE = (120, 40)


async def test_the_file_goes_when_the_id_changes_or_a_lookup_fails(env, people):
    a, b = people["driver_normal"], people["permit_expiring"]
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, a.id_number, "本人到窗口办理业务")
        assert a.name in screen_text(app) and "重置绑定手机号" in screen_text(app)
        set_input(app, "id_number", b.id_number)  # another citizen's number, not looked up yet
        await settle(pilot)
        assert a.name not in screen_text(app) and "重置绑定手机号" not in screen_text(app)
        assert app.screen.file is None
        set_input(app, "reason", "")
        await press(pilot, "lookup")
        assert "查询事由" in field_error(app, "reason") and a.name not in screen_text(app)
        set_input(app, "id_number", a.id_number)
        set_input(app, "reason", "本人到窗口办理业务")
        await press(pilot, "lookup")
        assert a.name in screen_text(app)
        set_input(app, "reason", " ")  # same number, the lookup itself fails
        await press(pilot, "lookup")
        assert "查询事由" in field_error(app, "reason")
        assert a.name not in screen_text(app) and "重置绑定手机号" not in screen_text(app)


async def test_a_unit_file_shows_its_vehicles_and_no_licence_or_exam_lines(env, people):
    unit = next(p for p in people.values() if p.unit)
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, unit.id_number, "单位代理人到窗口办理业务")
        text = screen_text(app)
        assert unit.name in text and "单位用户" in text and "机动车：" in text and "代理人：" in text
        for line in ("驾驶证：", "电子驾驶证：", "学习驾驶证明：", "考试预约："):  # a unit holds none of these
            assert line not in text, line


async def test_the_file_shows_the_licence_contact_details(env, people):
    """After 变更驾驶证联系方式 the clerk can confirm it: the file showed 绑定手机 only (T3)."""
    from kiosk.domain.ids import mask_phone
    from kiosk.services import profile
    from tests.booking_helpers import account_id

    a = people["driver_normal"]
    lic = profile.licence_of(env, account_id(env, a))
    assert lic is not None and lic.phone and lic.address
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, a.id_number, "本人到窗口办理业务")
        text = screen_text(app).replace("\n", "")
        assert f"驾驶证联系方式：手机号码 {mask_phone(lic.phone)}" in text and lic.address[:6] in text
