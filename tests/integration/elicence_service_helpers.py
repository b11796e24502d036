"""Helpers of the 驾驶证电子版 service tests (test_elicence_apply_review, _card_verify, _page_photos)."""
from __future__ import annotations

from sqlalchemy import update

from kiosk.config import ASSETS
from kiosk.db.models import DrivingLicence
from kiosk.services import elicence_card

GOOD = ASSETS / "photos" / "camera_1.png"


def acc(env, people, key):  # type: ignore[no-untyped-def]
    return elicence_card.account_for(env, people[key].id_number)


def set_licence(env, archive_no: str, **values) -> None:  # type: ignore[no-untyped-def]
    with env.db.write() as s:
        s.execute(update(DrivingLicence).where(DrivingLicence.archive_no == archive_no).values(**values))
