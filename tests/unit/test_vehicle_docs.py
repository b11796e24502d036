"""Rules of the vehicle document services."""
from __future__ import annotations

from datetime import date

import pytest

from kiosk.domain.errors import DomainError
from kiosk.domain.ids import clean_address, meaningful_chars
from kiosk.domain.vehicle_docs import (area_of_plate, check_finish, clean_choice, clean_reason,
                                       inspection_mark_refusals)

TODAY = date(2026, 12, 1)
LATER = date(2027, 6, 1)


def test_a_valid_vehicle_may_have_its_mark_reissued() -> None:
    assert inspection_mark_refusals(TODAY, LATER, LATER, 0) == []
    assert inspection_mark_refusals(TODAY, TODAY, TODAY, 0) == []  # the last valid day still counts


def test_each_refusal_says_what_to_do_first() -> None:
    [overdue] = inspection_mark_refusals(TODAY, date(2026, 11, 30), LATER, 0)
    assert "2026-11-30" in overdue and "先办理机动车检验" in overdue
    [uninsured] = inspection_mark_refusals(TODAY, LATER, date(2026, 11, 20), 0)
    assert "交强险" in uninsured and "2026-11-20" in uninsured and "续保" in uninsured
    [violations] = inspection_mark_refusals(TODAY, LATER, LATER, 2)
    assert "2起交通违法未处理" in violations


def test_all_refusals_are_given_together() -> None:
    assert len(inspection_mark_refusals(TODAY, date(2026, 1, 1), date(2026, 1, 1), 1)) == 3


def test_reason() -> None:
    assert clean_reason("遗失", "ignored") == {"reason": "遗失"}
    assert clean_reason("其他", " 号牌被盗 ") == {"reason": "其他", "reason_note": "号牌被盗"}
    with pytest.raises(DomainError) as e:
        clean_reason("", "")
    assert e.value.field == "reason"
    with pytest.raises(DomainError) as e:
        clean_reason("其他", " ")
    assert e.value.field == "reason_note"
    with pytest.raises(DomainError) as e:
        clean_reason("其他", "x" * 51)
    assert e.value.field == "reason_note" and "50" in e.value.message


def test_address() -> None:
    assert clean_address("  重庆市渝北区新南路1号\x07 ") == "重庆市渝北区新南路1号"
    for bad in ("", "重庆", "x" * 101):
        with pytest.raises(DomainError) as e:
            clean_address(bad)
        assert e.value.field == "address"


def test_choice() -> None:
    assert clean_choice("后号牌", ("前号牌", "后号牌"), "plates", "号牌") == "后号牌"
    with pytest.raises(DomainError, match="请选择号牌"):
        clean_choice("侧号牌", ("前号牌", "后号牌"), "plates", "号牌")


def test_area_of_plate() -> None:
    assert area_of_plate("渝A12345") == "重庆"
    assert area_of_plate("苏G52731") == "连云港"
    assert area_of_plate("京A12345") is None


def test_finish_matches_delivery() -> None:
    check_finish("邮寄", "已邮寄")
    check_finish("窗口领取", "已在窗口领取")
    with pytest.raises(DomainError, match="已在窗口领取"):
        check_finish("窗口领取", "已邮寄")


def test_meaningful_chars_count_letters_digits_and_cjk_only() -> None:
    assert meaningful_chars("") == 0
    assert meaningful_chars("。。") == meaningful_chars("！！！！！！") == meaningful_chars(" ，、-（）…") == 0
    assert meaningful_chars("重庆市1号") == 5
    assert meaningful_chars("Ａｂ１２ 3") == 5  # full-width letters and digits count too
    assert meaningful_chars("号牌被盗。") == 4


@pytest.mark.parametrize("note", ["。。", "！！", " 、 ", "--", "x。"])
def test_a_reason_note_without_content_is_refused(note: str) -> None:
    with pytest.raises(DomainError) as e:
        clean_reason("其他", note)
    assert e.value.field == "reason_note" and "标点和空格不计" in e.value.message


@pytest.mark.parametrize("address", ["。。。。。", "！！！！！！", "重庆 。。。。。", "a-b-c-d", "1 2 3 4 。"])
def test_an_address_without_content_is_refused(address: str) -> None:
    with pytest.raises(DomainError) as e:
        clean_address(address)
    assert e.value.field == "address" and "邮寄地址过短" in e.value.message


@pytest.mark.parametrize("address", ["12345", "abcde", "Room 101, No. 5", "５号１０１"])
def test_an_address_without_place_names_is_refused(address: str) -> None:
    """At least two Chinese characters: a tester's 邮寄地址 12345 was accepted and printed as 邮寄至12345."""
    with pytest.raises(DomainError) as e:
        clean_address(address)
    assert e.value.field == "address" and "请写明省市区街道门牌号，如：" in e.value.message


@pytest.mark.parametrize("address", ["2026年13月1日", "我也不清楚啊", "张三李四王五"])
def test_an_address_without_a_place_word_is_refused(address: str) -> None:
    """Five characters, two of them Chinese, are not yet an address: 2026年13月1日 passed as 邮寄地址 (tester)."""
    with pytest.raises(DomainError) as e:
        clean_address(address)
    assert e.value.field == "address" and e.value.message == (
        "邮寄地址未写明地点（省、市、区、县、镇、街道、路、门牌号等），如：重庆市渝中区解放碑街道民族路100号")


@pytest.mark.parametrize("address", ["2026年12月1号", "2026年12月1日", "２０２６年１２月１号", "二〇二六年十二月一号",
                                     "2026 年 12 月 1 号。", "12月1号12月2号"])
def test_an_address_that_is_only_a_date_is_refused(address: str) -> None:
    """号 is a place word (金龙路1号) and a date's day: 2026年12月1号 passed as 邮寄地址 (tester)."""
    with pytest.raises(DomainError) as e:
        clean_address(address)
    assert e.value.field == "address" and e.value.message == (
        "邮寄地址未写明地点（省、市、区、县、镇、街道、路、门牌号等），如：重庆市渝中区解放碑街道民族路100号")


@pytest.mark.parametrize("address", ["渝北区龙溪街道金龙路1号", "2号楼3单元", "幸福小区12月光路3号", "三号院1号楼"])
def test_an_address_with_a_number_is_not_taken_for_a_date(address: str) -> None:
    assert clean_address(address) == address


@pytest.mark.parametrize("address", ["重庆市渝中区解放碑街道民族路100号", "江苏省连云港市海州区朝阳东路66号",
                                     "北京东城区南锣鼓巷8号", "渝北金开大道", "幸福小区3栋2单元", "阳光大厦1201室",
                                     "沙坪坝三峡广场", "石桥铺白马凼村", "南锣鼓巷东棉花胡同"])
def test_an_address_with_a_place_word_is_accepted(address: str) -> None:
    assert clean_address(address) == address


def test_short_but_real_text_is_accepted() -> None:
    assert clean_reason("其他", "被盗")["reason_note"] == "被盗"
    assert clean_address("渝中区1号") == "渝中区1号"
    assert clean_address("重庆市，渝中区。") == "重庆市，渝中区。"


def test_a_past_validity_date_is_flagged() -> None:
    from kiosk.domain.vehicle_docs import due_text

    assert due_text(date(2026, 11, 23), TODAY) == "2026-11-23（已过期）"
    assert due_text(TODAY, TODAY) == "2026-12-01"  # the last valid day is still valid
    assert due_text(LATER, TODAY) == "2027-06-01"
