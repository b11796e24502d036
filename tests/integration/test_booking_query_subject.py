"""A 查询 for no subject (0: sent before the wizard's 选择场次 had one) is refused in Chinese, not with
the KeyError: 0 that ranking_time raised and the citizen saw as 系统繁忙 (seen under heavy load)."""
from __future__ import annotations

from datetime import date

import pytest

from kiosk.domain.errors import DomainError
from kiosk.services import booking_query
from tests.booking_helpers import account_id


@pytest.mark.parametrize("subject, priority", [(0, False), (0, True), (5, False)])
def test_a_query_for_an_unknown_subject_is_refused_in_chinese(env, people, subject: int, priority: bool) -> None:
    aid = account_id(env, people["permit_expiring"])
    with pytest.raises(DomainError) as refused:
        booking_query.query_sessions(env, aid, subject, date(2026, 12, 4), date(2026, 12, 10), None, priority)
    assert refused.value.message == booking_query.NO_SUBJECT and "选择预约科目" in refused.value.message
    assert booking_query.query_sessions(env, aid, 2, date(2026, 12, 4), date(2026, 12, 10)).ranking is not None
