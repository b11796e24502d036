"""The 延期至 field's example is a date the form accepts for the citizen (tester: 刘洋, valid to
2036-10-24, read 例如 2028-06-30 and was told 延期换证的截止日期须晚于驾驶证有效期满日期2036-10-24 when
he typed it: an elderly user copies the example). The format message names the same date."""
from __future__ import annotations

import pytest

from kiosk.domain.errors import DomainError
from kiosk.services import applications
from tests.conftest import problems_of
from tests.integration.licence_helpers import DELAY_MEDICAL, DELAY_RENEWAL, DELAY_REVIEW, account_id, licence


@pytest.mark.parametrize(("service", "who"), [(DELAY_RENEWAL, "driver_normal"), (DELAY_RENEWAL, "renew_soon"),
                                              (DELAY_MEDICAL, "lorry_driver"), (DELAY_REVIEW, "coach_driver")],
                         ids=["renewal-liu-yang", "renewal-soon", "medical", "review"])
def test_the_example_of_until_is_accepted(env, people, service, who) -> None:  # type: ignore[no-untyped-def]
    prepared = applications.prepare(env, service, account_id(env, people[who]))
    until = next(f for f in prepared.fields if f.name == "until")
    assert until.placeholder.startswith("例如 ")
    example = until.placeholder.removeprefix("例如 ")
    applications.check(service, {"reason": "服兵役", "detail": "", "until": example}, prepared)  # no refusal
    with pytest.raises(DomainError) as exc:
        applications.check(service, {"reason": "服兵役", "detail": "", "until": "明年六月"}, prepared)
    assert problems_of(exc)["until"] == f"请按 {example} 的格式输入延期截止日期"


def test_liu_yangs_example_is_a_year_after_his_expiry(env, people) -> None:  # type: ignore[no-untyped-def]
    p = people["driver_normal"]
    prepared = applications.prepare(env, DELAY_RENEWAL, account_id(env, p))
    valid_to = licence(env, p).valid_to
    until = next(f for f in prepared.fields if f.name == "until")
    assert until.placeholder == f"例如 {valid_to.year + 1}-{valid_to:%m-%d}"
