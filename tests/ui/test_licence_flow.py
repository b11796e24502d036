"""Pilot: 驾驶证补换领 and the 延期 services through the generic flow, each with a refusal shown
next to its field."""
from __future__ import annotations

from sqlalchemy import select
from textual.widgets import Button, RadioButton, Static

from kiosk.db.models import DrivingLicence, Office
from kiosk.ui.screens.flow import ApplicationFlowScreen
from tests.ui.conftest import field_error, screen_error, screen_text, set_input, settle, sign_in


async def _open(pilot, env, person, service: str) -> None:  # type: ignore[no-untyped-def]
    await sign_in(pilot, env, person.id_number, person.phone)
    await pilot.click(f"#menu-{service}")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ApplicationFlowScreen)


async def _choose(pilot, field: str, value: str) -> None:  # type: ignore[no-untyped-def]
    button = next(b for b in pilot.app.screen.query(f"#choice-{field} RadioButton").results(RadioButton)
                  if b.name == value)
    button.value = True
    await settle(pilot)


async def _next(pilot) -> None:  # type: ignore[no-untyped-def]
    """下一步, below a long form (a click would need it scrolled into view)."""
    pilot.app.screen.query_one("#next", Button).press()
    await settle(pilot)


def _choice_error(app, field: str) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(f"#error-{field}", Static).render())


def _shown(app, field: str) -> bool:  # type: ignore[no-untyped-def]
    return bool(app.screen.query_one(f"#box-{field}, #field-{field}").display)


def _chosen(app, field: str) -> str:  # type: ignore[no-untyped-def]
    pressed = app.screen.query_one(f"#choice-{field}").pressed_button
    return pressed.name if pressed else ""


def _licence(env, p) -> DrivingLicence:  # type: ignore[no-untyped-def]
    with env.db.read() as s:
        lic = s.scalars(select(DrivingLicence).where(DrivingLicence.archive_no == f"{p.region[:4]}{p.seq:08d}")).one()
        s.expunge(lic)
        return lic


async def test_renewal_with_an_old_certificate_then_a_good_one(kiosk_app, env, people):
    p = people["renew_soon"]
    before = _licence(env, p).valid_to
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, p, "licence_replace")
        assert "原驾驶证将作废，请自行销毁" in screen_text(kiosk_app)
        assert not _shown(kiosk_app, "cert_no") and _shown(kiosk_app, "address")
        await _choose(pilot, "kind", "renew")
        assert _shown(kiosk_app, "cert_no") and _shown(kiosk_app, "cert_date") and not _shown(kiosk_app, "city")
        set_input(kiosk_app, "cert_no", "CQ2026050101")
        set_input(kiosk_app, "cert_date", "2026-05-01")
        await _next(pilot)
        assert "6个月内有效" in field_error(kiosk_app, "cert_date")
        set_input(kiosk_app, "cert_date", "2026-11-20")
        await _next(pilot)
        text = screen_text(kiosk_app)
        assert "新驾驶证有效期限" in text and "办结后生效" in text and "邮寄至重庆市渝中区" in text
        await pilot.click("#prev")  # back: nothing typed is lost
        await settle(pilot)
        assert kiosk_app.screen.query_one("#input-cert_no").value == "CQ2026050101"
        await _choose(pilot, "kind", "lost")  # hidden, not forgotten
        await _choose(pilot, "kind", "renew")
        assert kiosk_app.screen.query_one("#input-cert_date").value == "2026-11-20"
        await _next(pilot)
        await pilot.click("#submit")
        await settle(pilot)
        text = screen_text(kiosk_app)
        assert "业务流水号" in text and "受理中" in text
        assert _licence(env, p).valid_to == before  # the new period starts when the counter finishes


async def test_spaces_typed_in_the_certificate_number_are_dropped(kiosk_app, env, people):
    """Tester: two spaces then Enter said 请输入身体条件证明上的编号 and the spaces stayed before the
    number typed next; a code's field drops them as the ID and phone fields do."""
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["renew_soon"], "licence_replace")
        await _choose(pilot, "kind", "renew")
        kiosk_app.screen.query_one("#input-cert_no").focus()
        await pilot.press("space", "space", "enter")
        await settle(pilot)
        assert kiosk_app.screen.query_one("#input-cert_no").value == ""
        kiosk_app.screen.query_one("#input-cert_no").focus()
        await pilot.press(*"TJ", "space", *"2026112001")
        await settle(pilot)
        assert kiosk_app.screen.query_one("#input-cert_no").value == "TJ2026112001"


async def test_no_reissue_while_suspended_but_an_exchange_at_a_counter(kiosk_app, env, people):
    p = people["suspended"]
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, env, p, "licence_replace")
        await _choose(pilot, "kind", "lost")
        await _next(pilot)
        assert _choice_error(kiosk_app, "kind") == ("驾驶证处于暂扣期间，不能申请补领，暂扣期满后可申请补领，"
                                                    "或到车管所窗口咨询。")
        assert kiosk_app.focused is kiosk_app.screen.query_one("#choice-kind")  # brought into view
        await _choose(pilot, "kind", "damaged")
        assert _choice_error(kiosk_app, "kind") == ""  # a new choice clears the message
        await _choose(pilot, "delivery", "counter")
        assert _shown(kiosk_app, "office_damaged") and not _shown(kiosk_app, "address")
        await _next(pilot)
        assert _choice_error(kiosk_app, "office_damaged") == "请选择领取新驾驶证的车管所"
        await _choose(pilot, "office_damaged", "1")
        await _next(pilot)
        assert "渝中车管所" in screen_text(kiosk_app)
        await pilot.click("#submit")
        await settle(pilot)
        assert "受理中" in screen_text(kiosk_app)


async def test_the_offices_follow_the_city_that_makes_the_card(kiosk_app, env, people):
    p = people["driver_normal"]

    def offices(field: str) -> list[str]:
        return [str(b.label) for b in kiosk_app.screen.query(f"#choice-{field} RadioButton").results(RadioButton)]

    with env.db.read() as s:  # each by its name and address, as the vehicle forms list them
        chongqing, lianyungang = ([f"{o.name}（{o.address}）" for o in s.scalars(select(Office).where(
            Office.city == city).order_by(Office.id))] for city in ("重庆", "连云港"))

    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, p, "licence_replace")
        await _choose(pilot, "kind", "lost")
        await _choose(pilot, "delivery", "counter")
        assert _shown(kiosk_app, "office_lost") and not _shown(kiosk_app, "office_to0")
        assert offices("office_lost") == chongqing and not _chosen(kiosk_app, "office_lost")
        await _choose(pilot, "kind", "transfer")
        assert _shown(kiosk_app, "city") and not _shown(kiosk_app, "office_lost")
        await _choose(pilot, "city", "连云港")
        assert _shown(kiosk_app, "office_to0")
        assert offices("office_to0") == lianyungang
        await _next(pilot)
        assert _choice_error(kiosk_app, "office_to0") == "请选择领取新驾驶证的车管所"
        office = next(b.name for b in kiosk_app.screen.query("#choice-office_to0 RadioButton").results(RadioButton)
                      if "连云港市车管所" in str(b.label))
        await _choose(pilot, "office_to0", office or "")
        await _next(pilot)
        text = screen_text(kiosk_app)
        assert "转入地：江苏省连云港市" in text and "连云港市车管所" in text
        await pilot.click("#submit")
        await settle(pilot)
        text = screen_text(kiosk_app)
        assert "受理中" in text and "请持本人身份证件到连云港市车管所（" in text  # where to collect it


async def test_delayed_review_too_long_then_granted(kiosk_app, env, people):
    p = people["lorry_driver"]  # 冯莉: B2 with points, her 审验 is due
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, p, "licence_delay_review")
        assert "延期期间不得驾驶机动车" in screen_text(kiosk_app)
        set_input(kiosk_app, "until", "2030-06-30")
        await _next(pilot)
        assert _choice_error(kiosk_app, "reason") == "请选择延期原因"
        await _choose(pilot, "reason", "服兵役")
        await _next(pilot)
        assert field_error(kiosk_app, "until") == "延期最长不超过3年，截止日期最晚为2029-12-01"
        set_input(kiosk_app, "until", "2028-12-01")
        await _next(pilot)
        assert "延期期间不得驾驶机动车" in screen_text(kiosk_app)
        await pilot.click("#submit")
        await settle(pilot)
        text = screen_text(kiosk_app)
        assert "已办结" in text and "延期至2028-12-01" in text
        assert _licence(env, p).status == "A"  # 延期审验 from the day after her 审验 is due (2027-11-20)


async def test_a_licence_expired_over_a_year_cannot_be_delayed(kiosk_app, env, people):
    p = people["expired_long"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, p, "licence_delay_renewal")
        assert "有效期满一年后" in screen_error(kiosk_app)
        assert not kiosk_app.screen.query_one("#next").display


async def test_a_licence_expired_over_a_year_is_sent_to_the_counter_before_the_form(kiosk_app, env, people):
    p = people["expired_long"]  # 韩冬: every 业务类型 would be refused
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, env, p, "licence_replace")
        assert "不能在线补领、换领、期满换证或转入，请到车管所窗口办理" in screen_error(kiosk_app).replace("\n", "")
        assert not kiosk_app.screen.query_one("#next").display
        assert not kiosk_app.screen.query("#fields RadioSet, #fields Input")
        assert kiosk_app.focused is kiosk_app.screen.query_one("#back")


async def test_a_renewal_delay_for_a_licence_valid_for_years(kiosk_app, env, people):
    """刘洋 (valid to 2036-10-22) may apply at any time of the validity (RULES.md, L162 Art 75; he was told
    尚未到换证时间 until 90 days before it); granted, his licence stays 正常 until the expiry."""
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, p, "licence_delay_renewal")
        assert not screen_error(kiosk_app)
        assert "延期截止日期须晚于有效期满日期2036-10-22" in screen_text(kiosk_app)
        await _choose(pilot, "reason", "服兵役")
        set_input(kiosk_app, "until", "2038-06-30")
        await _next(pilot)
        assert "2036-10-23（此前驾驶证状态不变）" in screen_text(kiosk_app)
        await pilot.click("#submit")
        await settle(pilot)
        text = screen_text(kiosk_app)
        assert "已办结" in text and "延期至2038-06-30，自2036-10-23起生效，此前驾驶证状态不变" in text.replace("\n", "")
    assert _licence(env, p).status == "A"


async def test_an_address_of_punctuation_is_refused_next_to_it(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, p, "licence_replace")
        await _choose(pilot, "kind", "damaged")
        set_input(kiosk_app, "address", "！！！！！！")
        await _next(pilot)
        assert "邮寄地址过短" in field_error(kiosk_app, "address")


async def test_no_review_delay_while_a_review_education_is_under_way(kiosk_app, env, people):
    """冯莉 applied for 审验教育 (网络教育): 延期驾驶证审验 says why not before any form."""
    from kiosk.services import applications
    from kiosk.services.catalog import SERVICES
    from tests.booking_helpers import account_id

    p = people["lorry_driver"]
    done = applications.submit(env, SERVICES["review_education"], account_id(env, p),
                               {"way": "网络教育", "declaration": "1"})
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, env, p, "licence_delay_review")
        said = screen_error(kiosk_app).replace("\n", "").replace(" ", "")
        assert f"您的驾驶人审验教育申请（业务流水号{done.serial_no}）正在办理，无需延期审验。" in said
        assert "请到车管所窗口撤回该申请后再申请延期" in said
        assert not kiosk_app.screen.query_one("#next").display and not kiosk_app.screen.query("#fields Input")
    assert _licence(env, p).status == "A"
