"""登录 and the counter's lookup take an ID number or a credit code: what a citizen typed as an ID
number is told as one (tester's finding: 500105200105051abc got 统一社会信用代码校验位不正确)."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from kiosk.db.models import SmsCode
from kiosk.domain.errors import DomainError
from kiosk.domain.ids import normalize_credit_code, uscc_check_char
from kiosk.services import auth, counter_accounts, counter_citizen
from kiosk.services.env import Env
from kiosk.services.staff import StaffSession

CLERK = StaffSession("J1001", "王警官", ("counter",))


def _no_code_sent(env: Env) -> bool:
    with env.db.read() as s:
        return s.scalar(select(func.count()).select_from(SmsCode)) == 0


def test_an_id_number_with_letters_is_told_as_an_id_number(env: Env) -> None:
    with pytest.raises(DomainError) as err:
        auth.start_sign_in(env, "500105200105051abc")
    assert (err.value.message, err.value.field) == ("身份证号码前17位必须是数字", "id_number")
    with pytest.raises(DomainError, match="身份证号码前17位必须是数字"):
        auth.finish_sign_in(env, "500105200105051abc", "123456")
    assert _no_code_sent(env)


def test_an_id_number_gone_wrong_that_is_a_valid_credit_code_is_still_told_as_an_id_number(env: Env) -> None:
    """1 in 31 of such typos is a valid credit code by its check character: no unit has it, and it
    reads as a person's number (region and birth date), so not 「该统一社会信用代码尚未注册」.
    (A 乐山 number: 51 is 民政 社会团体 and 1102 a region code, as GB 32100's parts must be.)"""
    first17 = "511102199001011AB"
    typo = first17 + uscc_check_char(first17)
    assert normalize_credit_code(typo) == typo
    with pytest.raises(DomainError) as err:
        auth.start_sign_in(env, typo)
    assert (err.value.message, err.value.field) == ("身份证号码前17位必须是数字", "id_number")
    assert _no_code_sent(env)


def test_a_units_code_is_still_told_as_a_credit_code(env: Env) -> None:
    with pytest.raises(DomainError, match="^统一社会信用代码校验位不正确$"):
        auth.start_sign_in(env, "91500000MA5U000011")
    first17 = "91500000MA5U00002"
    with pytest.raises(DomainError, match="该统一社会信用代码尚未注册交管12123"):
        auth.start_sign_in(env, first17 + uscc_check_char(first17))
    assert _no_code_sent(env)


def test_the_counters_lookup_tells_it_the_same_way(env: Env) -> None:
    with pytest.raises(DomainError) as err:
        counter_citizen.lookup(env, CLERK, "500105200105051abc", "本人到窗口办理业务")
    assert (err.value.message, err.value.field) == ("身份证号码前17位必须是数字", "id_number")
    with pytest.raises(DomainError, match="^统一社会信用代码校验位不正确$"):
        counter_citizen.lookup(env, CLERK, "91500000MA5U000011", "本人到窗口办理业务")


@pytest.mark.parametrize("typed", ["91500000MA5U000010", "91500000ma5u000011"])
def test_registering_with_a_credit_code_points_to_the_counter_as_sign_in_does(env: Env, typed: str) -> None:
    """注册 with a unit's code in 身份证号码 said 身份证号码前17位必须是数字, where 登录 says
    单位用户请到车管所窗口办理注册 (tester); a wrong code is still a code, not an ID number gone wrong."""
    with pytest.raises(DomainError) as err:
        auth.check_applicant(env, "王芳", typed, "13800001111")
    assert (err.value.message, err.value.field) == (
        "您输入的是统一社会信用代码，单位用户请到车管所窗口办理注册", "id_number")
    with pytest.raises(DomainError, match="单位请办理单位用户注册"):  # 面签注册 tells the clerk
        counter_accounts.register_in_person(env, CLERK, "王芳", typed, "13800001111")
    with pytest.raises(DomainError, match="^身份证号码前17位必须是数字$"):  # a person's number gone wrong
        auth.check_applicant(env, "王芳", "500105200105051abc", "13800001111")
