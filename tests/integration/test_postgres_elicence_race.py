"""驾驶证电子版 on two kiosks at the same moment for one citizen, on PostgreSQL: the second waits
for the first (the account row is locked first) and is told what the first did, as on SQLite,
instead of 系统繁忙 (a unique-constraint error) or a second application."""
from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select, update

from kiosk.config import ASSETS
from kiosk.db.models import Application, DrivingLicence
from kiosk.db.models_elicence import ElectronicLicence, PhotoSubmission
from kiosk.domain.errors import DomainError
from kiosk.services import elicence
from kiosk.services.elicence_card import account_for
from kiosk.services.env import Env
from tests.integration.test_postgres_booking import pause_once

pytestmark = pytest.mark.postgres


def _race(env: Env, monkeypatch, pause_in: str, first, second) -> tuple[dict, BaseException | None]:  # type: ignore[no-untyped-def]
    """``first()`` pauses in ``elicence.<pause_in>`` with its transaction open while ``second()``
    runs; what the first returned, and what the second raised (None: it did not)."""
    inside = pause_once(monkeypatch, elicence, pause_in)
    done: dict = {}
    thread = threading.Thread(target=lambda: done.update(result=first()))
    thread.start()
    assert inside.wait(10)
    refused = None
    try:
        second()
    except Exception as exc:  # noqa: BLE001 - the test says which it must be
        refused = exc
    thread.join(10)
    return done, refused


def _count(env: Env, kind: str, account_id: int) -> int:
    with env.db.read() as s:
        return s.scalar(select(func.count()).select_from(Application).where(
            Application.kind == kind, Application.account_id == account_id))


def test_two_kiosks_applying_at_once_issue_one_e_licence(pg_env: Env, people, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    env = pg_env
    aid = account_for(env, people["driver_normal"].id_number)
    done, refused = _race(env, monkeypatch, "issue", lambda: elicence.apply_direct(env, aid),
                          lambda: elicence.apply_direct(env, aid))
    assert isinstance(refused, DomainError) and refused.message == "您已申领电子驾驶证，无需重复申领", repr(refused)
    assert done["result"].issued
    assert _count(env, elicence.APPLY_KIND, aid) == 1


def test_two_kiosks_re_applying_at_once_make_one_application(pg_env: Env, people, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """准驾车型 changed since issue: the e-licence needs re-applying. No unique constraint would catch
    a second application here."""
    env = pg_env
    aid = account_for(env, people["driver_normal"].id_number)
    elicence.apply_direct(env, aid)
    with env.db.write() as s:
        s.execute(update(DrivingLicence).where(DrivingLicence.account_id == aid).values(classes="C1E"))
    assert elicence.overview(env, aid).state == "needs_reapply"
    done, refused = _race(env, monkeypatch, "issue", lambda: elicence.apply_direct(env, aid),
                          lambda: elicence.apply_direct(env, aid))
    assert isinstance(refused, DomainError) and refused.message == "您已申领电子驾驶证，无需重复申领", repr(refused)
    assert done["result"].issued
    assert _count(env, elicence.APPLY_KIND, aid) == 2  # the first application and one re-application
    with env.db.read() as s:
        assert s.scalars(select(ElectronicLicence.classes).where(ElectronicLicence.account_id == aid)).one() == "C1E"


def test_two_kiosks_changing_the_photo_at_once_queue_one_photo(pg_env: Env, people, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    env = pg_env
    aid = account_for(env, people["driver_normal"].id_number)
    elicence.apply_direct(env, aid)  # demo: issued with the stored ID-card photo, which may be changed at once
    photo = ASSETS / "photos" / "camera_1.png"
    done, refused = _race(env, monkeypatch, "_submission", lambda: elicence.change_photo(env, aid, "camera", photo),
                          lambda: elicence.change_photo(env, aid, "camera", photo))
    assert isinstance(refused, DomainError) and refused.message == "您的照片正在审核，请等待审核结果后再更换", repr(refused)
    assert done["result"].status == elicence.PENDING
    assert _count(env, elicence.PHOTO_KIND, aid) == 1
    with env.db.read() as s:
        assert s.scalar(select(func.count()).where(PhotoSubmission.account_id == aid,
                                                   PhotoSubmission.state == "pending")) == 1
