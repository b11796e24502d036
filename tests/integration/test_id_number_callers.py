"""Every place an ID number is typed refuses the same numbers with the same message: one born after
today (by the kiosk's clock, 2026-12-01 in the tests) and one whose province code does not exist,
both with a right check digit. Nothing is registered, sent or looked up for them."""
from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from kiosk.db.models import Account, SmsCode
from kiosk.domain.errors import DomainError
from kiosk.domain.ids import id_check_char
from kiosk.services import auth, counter_accounts, counter_citizen, elicence_card, exam_results
from kiosk.services.env import Env
from kiosk.services.staff import StaffSession

CLERK = StaffSession("J1001", "王警官", ("counter",))
BORN_2030 = "110108203001010019"
TOMORROW = "32012420261202005" + id_check_char("32012420261202005")  # the clock says 2026-12-01
NO_PROVINCE = "000000199001010018"
FUTURE = "身份证号码中的出生日期晚于今天，请核对第7至14位"
PROVINCE = "身份证号码中的省份代码不存在，请核对第1至2位"

CALLERS: dict[str, Callable[[Env, str], object]] = {
    "注册": lambda env, n: auth.check_applicant(env, "王芳", n, "13800001111"),
    "登录（发送验证码）": lambda env, n: auth.start_sign_in(env, n),
    "登录（验证码）": lambda env, n: auth.finish_sign_in(env, n, "123456"),
    "预留手机号注册": lambda env, n: auth.check_reserved_phone(env, n, "13800001111"),
    "窗口查询": lambda env, n: counter_citizen.lookup(env, CLERK, n, "本人到窗口办理业务"),
    "面签注册": lambda env, n: counter_accounts.register_in_person(env, CLERK, "王芳", n, "13800001111"),
    "单位用户注册（代理人）": lambda env, n: counter_accounts.register_unit(
        env, CLERK, "重庆测试运输有限公司", "91500000MA5U000010", "13800002222", "委托书001", n),
    "电子驾驶证核验": lambda env, n: elicence_card.account_for(env, n),
    "考试成绩录入": lambda env, n: exam_results.find_booking(env, n, 1),
}


@pytest.mark.parametrize("number, message", [(BORN_2030, FUTURE), (TOMORROW, FUTURE), (NO_PROVINCE, PROVINCE)],
                         ids=["born-2030", "born-tomorrow", "region-000000"])
@pytest.mark.parametrize("caller", CALLERS)
def test_every_caller_refuses_the_number_naming_what_is_wrong(env: Env, caller: str, number: str,
                                                               message: str) -> None:
    with pytest.raises(DomainError) as err:
        CALLERS[caller](env, number)
    assert err.value.message == message
    assert err.value.field in ("id_number", "agent_id")
    with env.db.read() as s:
        assert s.scalar(select(func.count()).select_from(SmsCode)) == 0
        assert s.scalar(select(Account.id).where(Account.id_number == number)) is None


def test_a_number_born_today_is_still_taken(env: Env) -> None:
    """The boundary: a new-born's number (born on the clock's day) registers like any other."""
    today = "32012420261201005" + id_check_char("32012420261201005")
    assert auth.check_applicant(env, "王芳", today, "13800001111").id_number == today
