"""窗口取消预约 records its own reason (取消事由), not the look-up's 查询事由."""
from __future__ import annotations

import pytest
from kiosk.domain.errors import DomainError
from kiosk.services import counter_bookings, counter_citizen
from tests.booking_helpers import account_id
from tests.integration.test_counter_services import CLERK, _priority_booking


@pytest.mark.parametrize("reason", ["", " ", "取"])
def test_a_counter_cancellation_needs_its_own_reason(env, people, reason) -> None:
    p, _row, _done = _priority_booking(env, people)
    aid = account_id(env, p)
    booking_id = counter_citizen.load(env, CLERK, aid).bookings[0].id
    with pytest.raises(DomainError) as err:
        counter_bookings.cancel(env, CLERK, aid, booking_id, reason)
    assert err.value.field == "cancel_reason" and "取消事由" in err.value.message
    assert counter_citizen.load(env, CLERK, aid).bookings[0].status in ("pending", "placed")

