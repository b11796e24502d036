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



@pytest.mark.parametrize(("service", "who"), [(DELAY_RENEWAL, "driver_normal"), (DELAY_MEDICAL, "lorry_driver"),
                                              (DELAY_REVIEW, "coach_driver")], ids=["renewal", "medical", "review"])
def test_the_example_of_another_reason_is_none_of_the_listed_ones(env, people, service, who) -> None:  # type: ignore[no-untyped-def]
    """具体说明（选择其他正当理由时必填）'s example read 例如 2027年3月起出国工作, which is 出国（境）, a reason
    of the list (tester): it is one the list does not name, and the form takes it as 其他正当理由's."""
    from kiosk.domain.licence_delay import REASONS

    prepared = applications.prepare(env, service, account_id(env, people[who]))
    fields = {f.name: f for f in prepared.fields}
    assert [value for _, value in prepared.choices["reason"]] == list(REASONS) and REASONS[-1] == "其他正当理由"
    assert fields["detail"].placeholder.startswith("例如 ")
    example = fields["detail"].placeholder.removeprefix("例如 ")
    for word in ("兵", "出国", "出境", "境外", "国外", "病", "伤", "住院", "治疗"):  # 服兵役, 出国（境）, 因病（伤）住院治疗
        assert word not in example, (word, example)
    until = fields["until"].placeholder.removeprefix("例如 ")
    checked = applications.check(service, {"reason": "其他正当理由", "detail": example, "until": until}, prepared)
    assert checked.clean["detail"] == example
