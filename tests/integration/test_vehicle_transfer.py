"""机动车转籍申请 on SQLite with the demo data (test clock 2026-12-01): 周杰 sold his 渝A8D2Q7 to
林晓 of 连云港; the invoice 150002400110 / 00231547 of 2026-11-26, 68000元, 转入地 苏G."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select, update

from kiosk.db.models import Account, Application, AuditEntry, Message, Vehicle, Violation
from kiosk.db.models_transfer import UsedCarInvoice
from kiosk.domain.errors import DomainError, FieldErrors, StillPending
from kiosk.services import applications, counter_applications, other_vehicles
from kiosk.services.catalog import SERVICES
from kiosk.services.env import Env
from kiosk.services.staff import StaffSession
from kiosk.services.vehicle_transfer import VehicleTransferService
from tests.conftest import problems_of
from tests.integration.test_plate_used import transfer_in

TRANSFER = VehicleTransferService()
CLERK = StaffSession("J1001", "王警官", ("counter",))
FORM = {"plate": "渝A8D2Q7", "province": "32", "city_32": "苏G", "invoice_code": "150002400110",
        "invoice_no": "00231547", "invoice_date": "2026-11-26", "price": "68000"}


def account_id(env: Env, id_number: str) -> int:
    with env.db.read() as s:
        return s.scalars(select(Account.id).where(Account.id_number == id_number)).one()


def test_the_invoice_ready_car_is_transferred_in_progress_then_finished_at_the_counter(env: Env, people) -> None:
    aid = account_id(env, people["two_cars"].id_number)  # 周杰
    assert SERVICES["vehicle_transfer"].title == "机动车转籍申请"
    prepared = applications.prepare(env, TRANSFER, aid)
    assert prepared.initial["plate"] == "渝A8D2Q7"  # his 渝AD12345 is refused, said next to it
    assert prepared.context["notes"]["plate"]["渝AD12345"] == (
        "渝AD12345不能申请转籍：该车交强险已于2026-11-21到期，请先续保交强险。")
    checked = applications.check(TRANSFER, {**FORM, "invoice_code": "１５０００２４００１１０", "price": "68000元"}, prepared)
    assert checked.summary == [("号牌号码", "渝A8D2Q7"), ("转入地", "江苏省连云港市（苏G）"),
                               ("二手车销售统一发票", "发票代码150002400110，发票号码00231547"),
                               ("开票日期", "2026-11-26"), ("车价合计", "68000元"), ("买方", "林*")]
    done = applications.submit(env, TRANSFER, aid, FORM)
    assert done.status == "受理中" and "渝A8D2Q7转籍至江苏省连云港市（苏G）" in done.note
    with env.db.read() as s:
        app = s.scalars(select(Application).where(Application.serial_no == done.serial_no)).one()
        assert s.scalars(select(UsedCarInvoice.application_id)).one() == app.id
        assert s.scalar(select(func.count()).where(AuditEntry.action == "vehicle_transfer")) == 1
        bodies = list(s.scalars(select(Message.body).where(Message.account_id == aid)))
        assert any(f"您的机动车转籍申请（业务流水号{done.serial_no}）已受理" in b for b in bodies)  # not 申请申请
    # A second one is refused before the form, with the open application offered.
    with pytest.raises(StillPending) as again:
        applications.prepare(env, TRANSFER, aid)
    assert again.value.serial_no == done.serial_no and "正在办理" in again.value.message
    assert again.value.message.startswith(f"渝A8D2Q7不能申请转籍：该车有一笔机动车转籍申请正在办理（业务流水号"
                                          f"{done.serial_no}），办结后方可申请转籍。")  # 申请 once
    assert counter_applications.finish_choices("vehicle_transfer", "受理中", app.payload) == ("已转出",)
    handled = counter_applications.finish(env, CLERK, aid, done.serial_no, "已转出")
    assert handled.status == "已办结" and "渝A8D2Q7已转出至江苏省连云港市" in handled.note
    assert other_vehicles.page_of(env, aid).transferred == {"渝A8D2Q7": date(2026, 12, 1)}  # 我的机动车: 已转出
    with pytest.raises(DomainError) as after:
        applications.prepare(env, TRANSFER, aid)
    assert "渝A8D2Q7不能申请转籍：该车已于2026-12-01办理转籍（转出），不能再次申请" in after.value.message


def test_a_unit_is_told_of_its_own_vehicles(env: Env, people) -> None:
    unit = applications.prepare(env, TRANSFER, account_id(env, people["unit"].id_number))
    assert unit.intro.startswith("本单位名下机动车作为二手车出售给外地买方的，") and "本人" not in unit.intro
    person = applications.prepare(env, TRANSFER, account_id(env, people["two_cars"].id_number))
    assert person.intro.startswith("本人名下机动车作为二手车出售给外地买方的，")  # the seeds' wording


def test_the_destination_must_match_the_invoice_next_to_the_city(env: Env, people) -> None:
    prepared = applications.prepare(env, TRANSFER, account_id(env, people["two_cars"].id_number))
    with pytest.raises(DomainError) as exc:
        applications.check(TRANSFER, {**FORM, "province": "51", "city_51": "川A"}, prepared)
    assert problems_of(exc) == {"city_51": "转入地必须与二手车销售统一发票一致：该发票的转入地为江苏省连云港市"}
    with pytest.raises(DomainError) as same:
        applications.check(TRANSFER, {**FORM, "province": "50", "city_50": "渝A"}, prepared)
    assert problems_of(same) == {"city_50": "渝A8D2Q7已在重庆市登记，同城交易无需转籍，请办理转移登记"}
    assert prepared.initial["city_50"] == "渝A" and "city_32" not in prepared.initial  # a one-city province chosen
    with pytest.raises(FieldErrors) as both:  # told in the order of the form: the city first
        applications.check(TRANSFER, {**FORM, "province": "50", "city_50": "渝A", "invoice_no": "00231548"}, prepared)
    assert [field for field, _ in both.value.problems] == ["city_50", "invoice_no"]


def test_an_invoice_naming_a_destination_the_kiosk_does_not_list_is_refused_clearly(env: Env, people) -> None:
    """The invoice's 转入地 鲁B (青岛) is none of the kiosk's choices: whatever city is chosen, it is
    said next to it at 下一步 (it passed there, and 提交 then refused with an empty message)."""
    with env.db.write() as s:
        s.execute(update(UsedCarInvoice).values(dest_prefix="鲁B"))
    aid = account_id(env, people["two_cars"].id_number)
    prepared = applications.prepare(env, TRANSFER, aid)
    said = ("该发票的转入地（号牌发牌机关代号鲁B）不在本机可选的转入地中，不能在线申请转籍，"
            "请携带发票到车管所窗口办理")
    with pytest.raises(DomainError) as exc:
        applications.check(TRANSFER, FORM, prepared)
    assert problems_of(exc) == {"city_32": said}
    with pytest.raises(DomainError) as same:  # the vehicle's own city: that reason, as before
        applications.check(TRANSFER, {**FORM, "province": "50", "city_50": "渝A"}, prepared)
    assert problems_of(same) == {"city_50": "渝A8D2Q7已在重庆市登记，同城交易无需转籍，请办理转移登记"}
    with env.db.write() as s:  # changed on record after the form was checked: 提交 says the same
        s.execute(update(UsedCarInvoice).values(dest_prefix="苏G"))
    earlier = applications.prepare(env, TRANSFER, aid)
    checked = applications.check(TRANSFER, FORM, earlier)
    with env.db.write() as s:
        s.execute(update(UsedCarInvoice).values(dest_prefix="鲁B"))
    with pytest.raises(DomainError) as late, env.db.write() as s:
        applications._apply(s, env, TRANSFER, aid, checked, earlier)
    assert (late.value.message, late.value.field) == (said, "city_32")


def test_every_invoice_field_is_checked_and_told_next_to_it(env: Env, people) -> None:
    prepared = applications.prepare(env, TRANSFER, account_id(env, people["two_cars"].id_number))
    with pytest.raises(FieldErrors) as exc:
        applications.check(TRANSFER, {"plate": "渝A8D2Q7", "province": "32", "invoice_code": "15000240011",
                                      "invoice_no": "0023154X", "invoice_date": "2026-13-45", "price": "六万"}, prepared)
    assert problems_of(exc) == {"city_32": "请选择转入地（市）", "invoice_code": "发票代码应为12位数字（现为11位）",
                              "invoice_no": "发票号码应为8位数字", "invoice_date": "日期不正确：月份应为1-12",
                              "price": "请按发票填写车价合计（小写金额，整数元，如 68000）"}
    with pytest.raises(DomainError) as unknown:
        applications.check(TRANSFER, {**FORM, "invoice_no": "00231548"}, prepared)
    assert problems_of(unknown) == {"invoice_no": "未查询到该二手车销售统一发票，请核对发票代码和发票号码"}
    with pytest.raises(FieldErrors) as wrong:
        applications.check(TRANSFER, {**FORM, "invoice_date": "2026-11-25", "price": "66000"}, prepared)
    assert problems_of(wrong) == {"invoice_date": "开票日期与发票记录不符，请核对",
                                "price": "车价合计与发票记录不符，请按发票小写金额填写"}


NOT_ON_INVOICE = "转入地必须与二手车销售统一发票一致：该发票的转入地为江苏省连云港市"


@pytest.mark.parametrize("typed, said", [
    ({"invoice_date": "2026-11-25"}, {"invoice_date": "开票日期与发票记录不符，请核对"}),
    ({"invoice_date": "2026-12-02"}, {"invoice_date": "开票日期不能晚于今天"}),  # tester: said 与发票记录不符
    ({"invoice_date": "2026-13-45"}, {"invoice_date": "日期不正确：月份应为1-12"}),
    ({"invoice_date": ""}, {"invoice_date": "请输入开票日期"}),
    ({"price": "66000"}, {"price": "车价合计与发票记录不符，请按发票小写金额填写"}),
])
def test_a_wrong_invoice_date_or_price_and_the_wrong_destination_are_told_at_once(env: Env, people, typed,
                                                                                  said) -> None:
    """Tester's finding: the first 下一步 said the 开票日期, the 转入地 only on the second. The
    invoice is the vehicle's (code and number): its 转入地 is the one to match, however the
    date or the price was typed."""
    prepared = applications.prepare(env, TRANSFER, account_id(env, people["two_cars"].id_number))
    with pytest.raises(FieldErrors) as exc:
        applications.check(TRANSFER, {**FORM, "province": "51", "city_51": "川A", **typed}, prepared)
    assert problems_of(exc) == {"city_51": NOT_ON_INVOICE, **said}
    assert [field for field, _ in exc.value.problems][0] == "city_51"  # in the order of the form


def test_an_invoice_over_30_days_old_and_the_wrong_destination_are_told_at_once(env: Env, people) -> None:
    with env.db.write() as s:
        s.execute(update(UsedCarInvoice).values(issued_on=date(2026, 10, 31)))
    prepared = applications.prepare(env, TRANSFER, account_id(env, people["two_cars"].id_number))
    with pytest.raises(FieldErrors) as exc:
        applications.check(TRANSFER, {**FORM, "province": "51", "city_51": "川A", "invoice_date": "2026-10-31"},
                           prepared)
    problems = problems_of(exc)
    assert problems["city_51"] == NOT_ON_INVOICE and problems["invoice_date"].startswith("开票日期已超过30日")


def test_the_invoice_of_another_vehicle_is_not_the_destination_to_match(env: Env, people) -> None:
    """An invoice not of the vehicle chosen (nor on record) says nothing of where it goes: only
    the vehicle's own city is refused as a 转入地 then."""
    aid = account_id(env, people["two_cars"].id_number)
    with env.db.write() as s:  # 周杰's other car may be transferred (its 交强险 renewed)
        s.scalars(select(Vehicle).where(Vehicle.plate == "渝AD12345")).one().insurance_due = date(2027, 11, 21)
    prepared = applications.prepare(env, TRANSFER, aid)
    with pytest.raises(DomainError) as exc:
        applications.check(TRANSFER, {**FORM, "plate": "渝AD12345", "province": "51", "city_51": "川A"}, prepared)
    assert problems_of(exc) == {"invoice_no": "该发票所载车辆为渝A8D2Q7，与所选机动车渝AD12345不符"}
    with pytest.raises(DomainError) as unknown:
        applications.check(TRANSFER, {**FORM, "province": "51", "city_51": "川A", "invoice_no": "00231548"}, prepared)
    assert problems_of(unknown) == {"invoice_no": "未查询到该二手车销售统一发票，请核对发票代码和发票号码"}


def test_an_invoice_over_30_days_old_goes_to_the_counter(env: Env, people) -> None:
    with env.db.write() as s:
        s.execute(update(UsedCarInvoice).values(issued_on=date(2026, 10, 31)))
    prepared = applications.prepare(env, TRANSFER, account_id(env, people["two_cars"].id_number))
    with pytest.raises(DomainError) as exc:
        applications.check(TRANSFER, {**FORM, "invoice_date": "2026-10-31"}, prepared)
    assert problems_of(exc)["invoice_date"].startswith("开票日期已超过30日")


def test_refusals_before_the_form_each_with_its_reason(env: Env, people) -> None:
    with pytest.raises(DomainError) as violations:  # 赵磊: 2 unhandled violations
        applications.prepare(env, TRANSFER, account_id(env, people["violation"].id_number))
    assert violations.value.message == "渝B5K821不能申请转籍：该车有2起交通违法未处理，请先处理。"
    with pytest.raises(DomainError) as overdue:  # 马超: inspection overdue
        applications.prepare(env, TRANSFER, account_id(env, people["truck_driver"].id_number))
    assert "苏G52731不能申请转籍：该车检验有效期已于2026-11-11届满，请先办理机动车检验" in overdue.value.message
    # A document still being made for the vehicle: 补换领行驶证 受理中 for 刘洋's only car.
    liu = account_id(env, people["driver_normal"].id_number)
    doc = applications.submit(env, SERVICES["vehicle_licence_reissue"], liu,
                              {"plate": "渝A12345", "reason": "遗失", "delivery": "邮寄", "address": "重庆市渝北区金开大道1号"})
    with pytest.raises(DomainError) as open_doc:
        applications.prepare(env, TRANSFER, liu)
    assert open_doc.value.message == (f"渝A12345不能申请转籍：该车有一笔补换领行驶证申请正在办理（业务流水号{doc.serial_no}），"
                                      "办结后方可申请转籍。")


def test_a_violation_recorded_after_the_form_is_refused_at_submit_and_at_the_counter(env: Env, people) -> None:
    aid = account_id(env, people["two_cars"].id_number)
    prepared = applications.prepare(env, TRANSFER, aid)
    applications.check(TRANSFER, FORM, prepared)
    with env.db.write() as s:
        vid = s.scalars(select(Vehicle.id).where(Vehicle.plate == "渝A8D2Q7")).one()
        s.add(Violation(vehicle_id=vid, occurred_at=datetime(2026, 11, 30, 8), place="重庆市渝中区", behaviour="超速",
                        points=3, fine=200))
    with pytest.raises(DomainError) as exc:
        applications.submit(env, TRANSFER, aid, FORM)
    assert exc.value.message.startswith("渝A8D2Q7不能申请转籍：该车有1起交通违法未处理，请先处理。")
    with env.db.write() as s:
        s.execute(update(Violation).where(Violation.vehicle_id == vid).values(handled_at=datetime(2026, 12, 1, 8)))
    done = applications.submit(env, TRANSFER, aid, FORM)
    with env.db.write() as s:
        s.execute(update(Vehicle).where(Vehicle.id == vid).values(insurance_due=date(2026, 11, 30)))
    with pytest.raises(DomainError) as counter:
        counter_applications.finish(env, CLERK, aid, done.serial_no, "已转出")
    assert counter.value.message.startswith("再次复核不符合转籍条件：该车交强险已于2026-11-30到期")


def test_a_turned_back_transfer_frees_the_invoice_for_a_new_one(env: Env, people) -> None:
    aid = account_id(env, people["two_cars"].id_number)
    first = applications.submit(env, TRANSFER, aid, FORM)
    counter_applications.refuse(env, CLERK, aid, first.serial_no, "申请人要求撤回")
    again = applications.submit(env, TRANSFER, aid, FORM)
    assert again.serial_no != first.serial_no and again.status == "受理中"


def test_a_car_transferred_out_is_no_longer_offered_by_the_other_vehicle_services(env: Env, people) -> None:
    """Once 已转出 the car has left the seller's record: 变更机动车联系方式, the document reissues and
    在用车选号 offered it still (the helper who built 转籍 left that)."""
    aid = account_id(env, people["two_cars"].id_number)  # 周杰: 渝A8D2Q7 and 渝AD12345
    transfer_in(env, "渝A8D2Q7", date(2026, 11, 20))  # so 在用车选号 would offer it too
    plates = {kind: [v for _, v in applications.prepare(env, SERVICES[kind], aid).choices["plate"]]
              for kind in ("vehicle_contact", "vehicle_licence_reissue", "plate_used")}
    assert all("渝A8D2Q7" in offered for offered in plates.values()), plates
    done = applications.submit(env, TRANSFER, aid, FORM)
    counter_applications.finish(env, CLERK, aid, done.serial_no, "已转出")
    for kind in plates:
        offered = [v for _, v in applications.prepare(env, SERVICES[kind], aid).choices["plate"]]
        assert offered == ["渝AD12345"], (kind, offered)


def test_a_car_whose_transfer_is_under_way_gets_no_other_document(env: Env, people) -> None:
    """Vehicle tester: with 渝A8D2Q7's 转籍 受理中, 补换领机动车号牌 went through (new plates mailed for a
    car about to hand its plates back), and 行驶证, 检验合格标志 and 在用车选号 offered it too."""
    aid = account_id(env, people["two_cars"].id_number)  # 周杰: his other car's 交强险 has run out
    transfer_in(env, "渝A8D2Q7", date(2026, 11, 20))  # so 在用车选号 would offer it but for the 转籍
    done = applications.submit(env, TRANSFER, aid, FORM)
    said = f"该车的机动车转籍申请正在办理（业务流水号{done.serial_no}）"
    for kind in ("plate_reissue", "vehicle_licence_reissue", "plate_used"):
        service = SERVICES[kind]
        try:
            prepared = applications.prepare(env, service, aid)
        except DomainError as refused:  # no car left that could have it: said before the form
            assert "渝A8D2Q7不能" in refused.message and said in refused.message, (kind, refused.message)
            continue
        text = prepared.intro + str(prepared.context.get("intros", {})) + str(prepared.context.get("notes", {}))
        assert said in text, (kind, text)
    plates = SERVICES["plate_reissue"]
    with pytest.raises(DomainError) as refused:  # and at 提交, should the form have offered it
        applications.submit(env, plates, aid, {"plate": "渝A8D2Q7", "reason": "遗失", "delivery": "邮寄",
                                               "address": "重庆市渝北区龙溪街道1号"})
    assert said in refused.value.message


def test_the_counter_summary_says_which_car_is_transferred_and_which_insurance_expired(env: Env, people) -> None:
    """Tester: after 已转出 the counter's file still read 「机动车：渝A8D2Q7 小型轿车 检验至2027-06-21；渝AD12345 ...」,
    with neither 已转出 nor 渝AD12345's expired 交强险."""
    from kiosk.services import counter_citizen
    from kiosk.ui.screens.counter.citizen_summary import summary_text
    aid = account_id(env, people["two_cars"].id_number)
    done = applications.submit(env, TRANSFER, aid, FORM)
    counter_applications.finish(env, CLERK, aid, done.serial_no, "已转出")
    line = next(x for x in summary_text(counter_citizen.load(env, CLERK, aid)).plain.splitlines()
                if x.startswith("机动车："))
    assert "渝A8D2Q7 小型轿车 已转出（2026-12-01）" in line and "渝A8D2Q7 小型轿车 检验至" not in line
    assert "渝AD12345 小型新能源汽车 检验至" in line and "交强险至2026-11-21（已过期）" in line
