"""A citizen with no vehicle in their name (郭涛) is refused every own-vehicle service with 已登记,
not 已备案 (tester: 备案 is the word of 备案非本人机动车, a vehicle in another person's name)."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.db.models import Account
from kiosk.domain.errors import DomainError
from kiosk.services import applications
from kiosk.services.catalog import SERVICES
from kiosk.services.env import Env


@pytest.mark.parametrize("kind", ["vehicle_contact", "vehicle_licence_reissue", "plate_reissue",
                                  "inspection_mark_reissue", "exempt_inspection_mark", "vehicle_transfer"])
def test_no_vehicle_in_ones_name_is_said_as_not_registered(env: Env, people, kind: str) -> None:
    with env.db.read() as s:
        aid = s.scalars(select(Account.id).where(Account.id_number == people["four_fails"].id_number)).one()
    with pytest.raises(DomainError) as refused:
        applications.prepare(env, SERVICES[kind], aid)
    assert refused.value.message == "您名下没有已登记的机动车，无法办理此业务"
