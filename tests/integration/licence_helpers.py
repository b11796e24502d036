"""Helpers of the 驾驶证补换领 and 延期 service tests (test_licence_services, test_licence_delay)."""
from __future__ import annotations


import pytest
from sqlalchemy import select

from kiosk.db.models import Account, Application, DrivingLicence, Office
from kiosk.domain.errors import DomainError
from kiosk.services import applications
from kiosk.services.catalog import SERVICES
from kiosk.services.demo_people import Person
from kiosk.services.env import Env

REPLACE = SERVICES["licence_replace"]
DELAY_RENEWAL, DELAY_MEDICAL, DELAY_REVIEW = (SERVICES[k] for k in (
    "licence_delay_renewal", "licence_delay_medical", "licence_delay_review"))
ADDRESS = "重庆市渝北区新南路1号"


def account_id(env: Env, p: Person) -> int:
    with env.db.read() as s:
        return s.scalars(select(Account.id).where(Account.id_number == p.id_number)).one()


def licence(env: Env, p: Person) -> DrivingLicence:
    with env.db.read() as s:
        lic = s.scalars(select(DrivingLicence).where(DrivingLicence.account_id == account_id(env, p))).one()
        s.expunge(lic)
        return lic


def office_id(env: Env, name: str) -> str:
    with env.db.read() as s:
        return str(s.scalars(select(Office.id).where(Office.name == name)).one())


def refused(service, env: Env, p: Person, form: dict[str, str]) -> DomainError:  # type: ignore[no-untyped-def]
    prepared = applications.prepare(env, service, account_id(env, p))
    with pytest.raises(DomainError) as err:
        applications.check(service, form, prepared)
    return err.value


def finish(env: Env, serial_no: str, how: str) -> str:
    with env.db.write() as s:
        app = s.scalars(select(Application).where(Application.serial_no == serial_no)).one()
        return SERVICES[app.kind].finish(s, env, app, how)  # type: ignore[attr-defined]


def renewal(cert_date: str = "2026-11-20") -> dict[str, str]:
    return {"kind": "renew", "cert_no": "CQ20261120001", "cert_date": cert_date, "delivery": "mail",
            "address": ADDRESS}


def set_licence(env: Env, p: Person, **values: object) -> None:
    with env.db.write() as s:
        lic = s.scalars(select(DrivingLicence).where(DrivingLicence.account_id == account_id(env, p))).one()
        for key, value in values.items():
            setattr(lic, key, value)


def apply_late(env: Env, service, aid: int, form: dict[str, str], prepared) -> applications.Submitted:  # type: ignore[no-untyped-def]
    """The second kiosk's submission: checked against what it prepared earlier, applied now."""
    checked = applications.check(service, form, prepared)
    with env.db.write() as s:
        return applications._apply(s, env, service, aid, checked, prepared)

