"""The rules of 机动车转籍申请 and 备案非本人机动车 (kiosk.domain.vehicle_transfer, other_vehicle)."""
from __future__ import annotations

from datetime import date

import pytest

from kiosk.domain import other_vehicle as ov
from kiosk.domain import vehicle_transfer as vt
from kiosk.domain.errors import DomainError

TODAY = date(2026, 12, 1)


def _message(fn, *args) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as exc:
        fn(*args)
    return exc.value.message


def test_destinations_by_province_and_city() -> None:
    assert vt.destination("32", "苏G") == vt.City("江苏省", "连云港市", "苏G")
    assert vt.destination("32", "苏G").label == "江苏省连云港市" and vt.destination("11", "京A").label == "北京市"
    assert _message(vt.destination, "99", "苏G") == "请选择转入地（省）"
    assert _message(vt.destination, "51", "苏G") == "请选择转入地（市）"  # a city of another province
    assert vt.city_field("51") == "city_51" and len(vt.BY_PREFIX) == sum(len(c) for c in vt.CITIES.values())


def test_same_area_and_the_invoices_destination() -> None:
    assert vt.same_area("渝A8D2Q7", "渝A") and vt.same_area("渝B5K821", "渝A")  # 重庆 is one city
    assert vt.same_area("苏G52731", "苏G") and not vt.same_area("苏A12345", "苏G")
    lyg, chengdu = vt.BY_PREFIX["苏G"], vt.BY_PREFIX["川A"]
    assert vt.destination_refusal("渝A8D2Q7", lyg, "苏G") == ""
    assert vt.destination_refusal("渝A8D2Q7", lyg, None) == ""  # no invoice found yet: said at its own field
    assert vt.destination_refusal("渝A8D2Q7", chengdu, "苏G") == "转入地必须与二手车销售统一发票一致：该发票的转入地为江苏省连云港市"
    assert vt.destination_refusal("苏G52731", lyg, None).startswith("苏G52731已在江苏省连云港市登记，同城交易无需转籍")
    # an invoice's 转入地 the kiosk does not list matches no choice: refused, never passed
    assert vt.destination_refusal("渝A8D2Q7", lyg, "鲁B") == (
        "该发票的转入地（号牌发牌机关代号鲁B）不在本机可选的转入地中，不能在线申请转籍，请携带发票到车管所窗口办理")


def test_invoice_fields() -> None:
    assert vt.clean_invoice_code(" １５０００２４００１１０ ") == "150002400110"
    assert _message(vt.clean_invoice_code, "") == "请输入发票代码"
    assert _message(vt.clean_invoice_code, "1500024001") == "发票代码应为12位数字（现为10位）"
    assert _message(vt.clean_invoice_no, "0023154A") == "发票号码应为8位数字"
    assert vt.clean_price("68,000.00") == 68000 and vt.clean_price("68000元") == 68000
    for bad in ("0", "六万", "12.5", "100000000"):
        assert _message(vt.clean_price, bad).startswith("请按发票填写车价合计")


def test_invoice_date_within_30_days() -> None:
    assert vt.invoice_date_refusal(date(2026, 11, 1), TODAY) == ""  # the 30th day back
    assert vt.invoice_date_refusal(date(2026, 10, 31), TODAY).startswith("开票日期已超过30日")
    assert vt.invoice_date_refusal(date(2026, 12, 2), TODAY) == "开票日期不能晚于今天"


def test_vehicle_refusals_each_with_its_reason() -> None:
    ok = {"today": TODAY, "inspection_due": date(2027, 1, 1), "insurance_due": date(2027, 1, 1), "unhandled": 0}
    assert vt.vehicle_refusals(**ok) == []
    assert vt.vehicle_refusals(**{**ok, "unhandled": 2, "insurance_due": date(2026, 11, 30),
                                  "inspection_due": date(2026, 11, 1)}) == [
        "该车有2起交通违法未处理，请先处理", "该车检验有效期已于2026-11-01届满，请先办理机动车检验",
        "该车交强险已于2026-11-30到期，请先续保交强险"]
    assert vt.vehicle_refusals(**ok, open_serial="2612010000000001", open_title="补换领行驶证") == [
        "该车有一笔补换领行驶证申请正在办理（业务流水号2612010000000001），办结后方可申请转籍"]
    assert vt.vehicle_refusals(**ok, transferred_on=date(2026, 11, 2)) == ["该车已于2026-11-02办理转籍（转出），不能再次申请"]


def test_plates_by_kind() -> None:
    assert ov.clean_plate("渝b5k821", ov.SMALL) == "渝B5K821"
    assert ov.clean_plate("渝AD12345", ov.SMALL_NEV) == "渝AD12345"
    assert ov.clean_plate("粤ｚa123港", ov.HONG_KONG) == "粤ZA123港"
    assert ov.clean_plate("粤Z3H71澳", ov.MACAU) == "粤Z3H71澳"
    assert _message(ov.clean_plate, "渝AD12345", ov.SMALL) == "小型汽车号牌为7位（新能源汽车号牌请选择小型新能源汽车）"
    assert _message(ov.clean_plate, "渝A12345D", ov.SMALL_NEV) == "该号牌为大型新能源汽车号牌，只能备案小型新能源汽车"
    assert _message(ov.clean_plate, "渝A12345", ov.SMALL_NEV) == "小型新能源汽车号牌为8位，如渝AD12345"
    assert _message(ov.clean_plate, "粤ZA123港", ov.MACAU) == "该号牌为香港入出境车号牌，请选择对应的号牌种类"
    assert _message(ov.clean_plate, "粤ZA1O3港", ov.HONG_KONG).startswith("香港入出境车号牌为粤Z、4位字母或数字加港字")
    assert _message(ov.clean_plate, "", ov.MACAU) == "请输入号牌号码"
    assert _message(ov.clean_kind, "大型汽车").startswith("请选择号牌种类")


def test_kind_of_a_vehicle_on_record_and_the_proof() -> None:
    assert ov.kind_of("渝B5K821", "小型普通客车") == ov.SMALL
    assert ov.kind_of("渝AD12345", "小型新能源汽车") == ov.SMALL_NEV
    assert ov.kind_of("粤ZB802港", "小型轿车") == ov.HONG_KONG and ov.kind_of("粤Z3H71澳", "小型普通客车") == ov.MACAU
    assert ov.kind_of("苏G52731", "重型半挂牵引车") is None and ov.kind_of("渝A12345D", "大型新能源客车") is None
    vin = "LC0CE4CB6R0582157"
    assert ov.proof_matches(ov.BY_VIN, {"vin6": "582157"}, vin, "赵磊", "500103199211110837")
    assert not ov.proof_matches(ov.BY_VIN, {"vin6": "582157"}, None, "赵磊", "500103199211110837")
    assert ov.proof_matches(ov.BY_OWNER, {"owner_name": "赵磊", "owner_id6": "110837"}, vin, "赵磊", "500103199211110837")
    assert not ov.proof_matches(ov.BY_OWNER, {"owner_name": "赵雷", "owner_id6": "110837"}, vin, "赵磊",
                                "500103199211110837")
    assert ov.clean_proof(" 11083x ", "owner_id6", "x") == "11083X"
    assert ov.limit_refusal(2) == "" and ov.limit_refusal(3).startswith("您已备案3辆非本人机动车（每个账户最多3辆）")
