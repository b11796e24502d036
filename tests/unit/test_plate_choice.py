"""新车选号 / 在用车选号 number rules (kiosk.domain.plate_choice): pure, no database."""
from __future__ import annotations

import random
import re
from datetime import date

import pytest

from kiosk.domain import plate_choice as rule
from kiosk.domain.errors import DomainError

SERIAL = "[0-9A-HJ-NP-Z]"


@pytest.mark.parametrize("typed, kind, letter, number", [
    ("8K2B6", rule.SMALL, "", "渝A8K2B6"),
    ("渝a 12345", rule.SMALL, "", "渝A12345"),  # with the prefix, a space, lower case
    ("８ｋ２ｂ６", rule.SMALL, "", "渝A8K2B6"),  # full-width forms
    ("D12345", rule.SMALL_NEV, "D", "渝AD12345"),
    ("FA1234", rule.SMALL_NEV, "F", "渝AFA1234"),
    ("12345D", rule.LARGE_NEV, "D", "渝A12345D"),
])
def test_a_number_by_the_rule_is_accepted_whole(typed: str, kind: str, letter: str, number: str) -> None:
    assert rule.clean_own(typed, kind, "渝A", letter) == number


@pytest.mark.parametrize("typed, kind, letter, words", [
    ("", rule.SMALL, "", "请输入自编号牌号码（渝A之后5位）"),
    ("8K2O6", rule.SMALL, "", "不使用字母I和O"),
    ("8I2B6", rule.SMALL, "", "不使用字母I和O"),
    ("8K2B", rule.SMALL, "", "小型汽车自编号码为渝A之后5位（现为4位）"),
    ("8K2B66", rule.SMALL, "", "现为6位"),
    ("8KAB6", rule.SMALL, "", "自编号码最多使用2个字母（现有3个）"),
    ("8K-B6", rule.SMALL, "", "只能使用数字和字母，请检查：-"),
    ("川A8K2B6", rule.SMALL, "", "号牌号码须以渝A开头（渝A之后5位自编），如渝A8K2B6"),  # another DMV's prefix
    ("渝B8K2B6", rule.SMALL, "", "号牌号码须以渝A开头（渝A之后5位自编），如渝A8K2B6"),  # tester: it blamed 渝
    ("渝BD12345", rule.SMALL_NEV, "D", "号牌号码须以渝A开头（渝A之后6位自编），如渝ADA1234"),
    ("12345", rule.SMALL_NEV, "D", "现为5位"),
    ("F12345", rule.SMALL_NEV, "D", "第1位应为D（D表示纯电动汽车）"),
    ("DA12B4", rule.SMALL_NEV, "D", "后4位应为数字"),
    ("12345F", rule.LARGE_NEV, "D", "第6位应为D"),
    ("1234AD", rule.LARGE_NEV, "D", "前5位应为数字"),
])
def test_a_number_against_the_rule_is_refused_saying_why(typed: str, kind: str, letter: str, words: str) -> None:
    with pytest.raises(DomainError) as exc:
        rule.clean_own(typed, kind, "渝A", letter, field="own_0")
    assert words in exc.value.message and exc.value.field == "own_0"


def test_the_kinds_the_seed_names_choose_online_and_others_are_told_why() -> None:
    assert [rule.kind_refusal(k) for k in rule.KINDS] == ["", "", ""]
    assert rule.kind_refusal("大型汽车") == "大型汽车不能网上选号（网上选号限小型汽车、小型新能源汽车、大型新能源汽车）"


@pytest.mark.parametrize("vehicle_type, plate, kind", [
    ("小型轿车", "渝A12345", rule.SMALL), ("小型普通客车", "渝B5K821", rule.SMALL),
    ("小型新能源汽车", "渝AD12345", rule.SMALL_NEV), ("大型普通客车", "渝A12345F", rule.LARGE_NEV),
    ("重型半挂牵引车", "苏G52731", "大型汽车"),
])
def test_the_kind_of_a_registered_car(vehicle_type: str, plate: str, kind: str) -> None:
    assert rule.kind_of_registered(vehicle_type, plate) == kind


def test_the_new_energy_letter_follows_the_fuel_and_the_number() -> None:
    assert rule.energy_letter("纯电动") == "D"
    assert rule.energy_letter("插电式混合动力") == rule.energy_letter("燃料电池") == "F"
    assert rule.letter_of(rule.SMALL_NEV, "渝AD12345") == "D" and rule.letter_of(rule.LARGE_NEV, "渝A12345F") == "F"
    assert rule.letter_of(rule.SMALL, "渝A12345") == ""


@pytest.mark.parametrize("kind, letter, shape", [
    (rule.SMALL, "", rf"渝A{SERIAL}{{5}}"), (rule.SMALL_NEV, "F", rf"渝AF{SERIAL}[0-9]{{4}}"),
    (rule.LARGE_NEV, "D", r"渝A[0-9]{5}D"),
])
def test_the_random_set_is_50_free_numbers_of_the_kind(kind: str, letter: str, shape: str) -> None:
    taken = {"渝A12345"} | {f"渝A{n:05d}" for n in range(0, 100000, 3)}
    found = rule.draw_pool(random.Random(7), kind, "渝A", letter, taken)
    assert len(found) == len(set(found)) == rule.POOL_SIZE and found == sorted(found)
    assert all(re.fullmatch(shape, n) for n in found) and not taken & set(found)
    assert all(rule.clean_own(n, kind, "渝A", letter) == n for n in found)  # each one a valid number too
    assert found == rule.draw_pool(random.Random(7), kind, "渝A", letter, taken)  # the same seed, the same set


def test_a_small_car_random_number_has_at_most_two_letters() -> None:
    rng = random.Random(1)
    serials = [rule.random_serial(rng, rule.SMALL) for _ in range(2000)]
    assert max(sum(c in rule.LETTERS for c in s) for s in serials) == 2
    assert not any(set(s) & {"I", "O"} for s in serials)


def test_the_old_number_is_kept_after_a_year_of_use_within_two_years_of_the_transfer() -> None:
    registered, today = date(2024, 3, 1), date(2026, 12, 3)
    assert rule.keep_refusal(registered, date(2025, 3, 1), today) == ""  # used exactly 1 year
    assert "使用不满1年" in rule.keep_refusal(registered, date(2025, 2, 28), today)
    assert rule.keep_refusal(date(2020, 1, 1), date(2024, 12, 3), today) == ""  # the last day of the 2 years
    late = rule.keep_refusal(date(2020, 1, 1), date(2024, 12, 2), today)
    assert late.startswith("保留原号牌须自过户（转入）之日起2年内申请（最迟2026-12-02当天）")
    assert "登记日期未记录" in rule.keep_refusal(None, date(2026, 1, 1), today)



def test_the_rule_as_the_form_says_it() -> None:
    assert rule.rule_text(rule.SMALL, "渝A") == "渝A之后5位，由数字和字母组成，字母最多2个，不使用字母I和O，例如 渝A8K2B6"
    assert rule.rule_text(rule.SMALL_NEV, "渝A", "D").endswith("例如 渝ADA1234")
    assert rule.rule_text(rule.LARGE_NEV, "渝A", "F").endswith("例如 渝A12345F")


def test_the_example_is_one_not_taken() -> None:
    assert rule.example(rule.SMALL, "", "渝A", {"渝A8K2B6"}) == "8K2B7"
    assert rule.example(rule.SMALL, "", "渝A", {"渝A8K2B6", "渝A8K2B7"}) == "8K2B8"
    assert rule.example(rule.SMALL, "", "渝A", {f"渝A{n // 100}K{n // 10 % 10}B{n % 10}" for n in range(826, 1000)}) == "0K0B0"
    assert rule.example(rule.SMALL_NEV, "D", "渝A", {"渝ADA1234"}) == "DA1235"
    assert rule.example(rule.LARGE_NEV, "F", "渝A", {"渝A12345F"}) == "12346F"
    assert rule.example(rule.SMALL, "", "渝B", {"渝A8K2B6"}) == "8K2B6"  # another office's number
    assert rule.rule_text(rule.SMALL, "渝A", taken={"渝A8K2B6"}).endswith("例如 渝A8K2B7")
    for kind, letter in ((rule.SMALL, ""), (rule.SMALL_NEV, "F"), (rule.LARGE_NEV, "D")):  # still by the rule
        taken = {f"渝A{rule.example(kind, letter)}"}
        assert rule.clean_own(rule.example(kind, letter, "渝A", taken), kind, "渝A", letter) not in taken
