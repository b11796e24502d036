"""What the 延期 services say before the form is a whole sentence ending with 。 (tester's finding:
延期换领驾驶证 ended "...（2036-07-24起）方可申请", with no object and no full stop); the same for
its siblings 延期提交身体证明 and 延期驾驶证审验. On SQLite with the demo data (test clock 2026-12-01)."""
from __future__ import annotations

from datetime import date

import pytest

from kiosk.domain.errors import DomainError
from kiosk.services import applications, auth
from kiosk.services.demo_people import Person
from kiosk.services.env import Env
from tests.conftest import last_sms_code
from tests.integration.licence_helpers import DELAY_MEDICAL, DELAY_RENEWAL, DELAY_REVIEW, account_id


@pytest.mark.parametrize("who, service, says", [
    ("expired_long", DELAY_MEDICAL,  # 韩冬: C1, expired over a year ago
     # N and P named apart: trolleybus and tram are not 大中型客货车 (tester)
     "您的准驾车型不含大中型客货车（A1、A2、A3、B1、B2）、无轨电车（N）或有轨电车（P），且未满70周岁，"
     "无需每年提交身体条件证明，无需申请延期。"),
    ("expired_long", DELAY_REVIEW,
     "您的准驾车型不含大型客车、重型牵引挂车、城市公交车、中型客车、大型货车，无需参加驾驶证审验，无需申请延期。"),
    ("expired_long", DELAY_RENEWAL,
     "驾驶证有效期至2025-10-27，有效期满一年后（2026-10-27以后）不能申请延期，请到车管所窗口办理。"),
], ids=["medical-not-needed", "review-not-needed", "past-the-year"])
def test_a_refusal_before_the_form_is_a_whole_sentence(env: Env, people: dict[str, Person], who, service,
                                                       says) -> None:
    with pytest.raises(DomainError) as e:
        applications.prepare(env, service, account_id(env, people[who]))
    assert e.value.field is None and e.value.message == says


def test_a_delay_already_granted_is_said_in_a_whole_sentence(env: Env, people: dict[str, Person]) -> None:
    aid = account_id(env, people["renew_soon"])
    applications.submit(env, DELAY_RENEWAL, aid, {"reason": "服兵役", "detail": "", "until": "2028-06-30"})
    with pytest.raises(DomainError) as e:
        applications.prepare(env, DELAY_RENEWAL, aid)
    assert e.value.message == ("您已获准延期换领驾驶证（延期至2028-06-30），自2027-01-31起延期期间不得驾驶机动车，"
                               "无需重复申请。")  # 梁雪's licence is valid to 2027-01-30: 正常 until then
    env.clock.advance(days=(date(2027, 1, 31) - env.clock.now().date()).days)  # its status begins at her sign-in
    p = people["renew_soon"]
    auth.start_sign_in(env, p.id_number)
    auth.finish_sign_in(env, p.id_number, last_sms_code(env, p.phone))
    with pytest.raises(DomainError) as e:
        applications.prepare(env, DELAY_RENEWAL, aid)
    assert e.value.message == "您的驾驶证已在延期换证期间（延期至2028-06-30），无需重复申请。"
