"""审计日志's 群众身份证号码 is checked as 为群众办理 checks it: a number with a wrong check digit was
searched for, found nothing and read 共 0 条, as if that citizen had no entries."""
from __future__ import annotations

import pytest

from kiosk.domain.errors import DomainError
from kiosk.services import counter_audit, counter_citizen
from kiosk.services.staff import StaffSession

ADMIN = StaffSession("A0001", "孙管理", ("admin",))
CLERK = StaffSession("J1001", "王警官", ("counter",))


def test_a_wrong_check_digit_is_refused_by_the_field(env, people):
    right = people["driver_normal"].id_number
    wrong = right[:17] + ("0" if right[17] != "0" else "1")
    with pytest.raises(DomainError) as caught:
        counter_audit.search(env, ADMIN, counter_audit.AuditFilter(citizen_id=wrong))
    assert caught.value.field == "citizen_id" and str(caught.value) == "身份证号码校验位不正确，请核对最后一位"
    with pytest.raises(DomainError, match="应为18位"):
        counter_audit.search(env, ADMIN, counter_audit.AuditFilter(citizen_id=right[:10]))


def test_a_right_number_still_finds_the_citizens_entries(env, people):
    right = people["driver_normal"].id_number
    counter_citizen.lookup(env, CLERK, right, "本人到窗口办理业务")
    rows = counter_audit.search(env, ADMIN, counter_audit.AuditFilter(citizen_id=f" {right.lower()} "))
    assert [r.action for r in rows] == ["citizen_lookup"]
