"""A service form's date left empty is asked for by its name (请输入延期截止日期), as the form's
other empty fields are (请输入联系地址, 请选择延期原因); the format (请按 2026-11-20 的格式输入...)
is said only of a date written wrong (tester: 延期驾驶证审验 said the format under an empty 延期至)."""
from __future__ import annotations

import pytest

from kiosk.domain.errors import DomainError
from kiosk.services import applications
from kiosk.services.catalog import SERVICES
from kiosk.services.env import Env
from tests.conftest import problems_of
from tests.integration.licence_helpers import account_id

CASES = [  # service, who opens it, the date field, its name, the format message
    # each form names its own example, one the citizen's form accepts on the day (test_licence_delay_example,
    # test_date_examples): the tests' clock is 2026-12-01
    ("licence_delay_renewal", "renew_soon", "until", "延期截止日期", "请按 2028-01-30 的格式输入延期截止日期"),
    ("licence_delay_medical", "lorry_driver", "until", "延期截止日期", "请按 2027-12-01 的格式输入延期截止日期"),
    ("licence_delay_review", "coach_driver", "until", "延期截止日期", "请按 2028-11-20 的格式输入延期截止日期"),
    ("licence_replace", "renew_soon", "cert_date", "体检日期", "请按 2026-11-28 的格式输入体检日期"),
    ("vehicle_transfer", "two_cars", "invoice_date", "开票日期", "请按 2026-11-28 的格式输入开票日期"),
    ("temp_plate", "points_study", "start", "有效期起始日期", "请按 2026-12-01 的格式输入起始日期"),
]
FORMS = {"licence_replace": {"kind": "renew"}}  # 体检日期 is asked for 期满换证


def _said(env: Env, people, service: str, who: str, field: str, typed: str) -> str:  # type: ignore[no-untyped-def]
    prepared = applications.prepare(env, SERVICES[service], account_id(env, people[who]))
    with pytest.raises(DomainError) as exc:
        applications.check(SERVICES[service], {**FORMS.get(service, {}), field: typed}, prepared)
    return problems_of(exc)[field]


@pytest.mark.parametrize(("service", "who", "field", "label", "form_message"), CASES)
def test_an_empty_date_is_asked_for_by_its_name(env: Env, people, service, who, field, label,  # type: ignore[no-untyped-def]
                                               form_message) -> None:
    assert _said(env, people, service, who, field, "") == f"请输入{label}"
    assert _said(env, people, service, who, field, "  ") == f"请输入{label}"


@pytest.mark.parametrize(("service", "who", "field", "label", "form_message"), CASES)
def test_a_date_written_wrong_is_told_its_format(env: Env, people, service, who, field, label,  # type: ignore[no-untyped-def]
                                                 form_message) -> None:
    assert _said(env, people, service, who, field, "明年六月") == form_message
