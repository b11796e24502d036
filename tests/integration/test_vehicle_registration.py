"""Vehicles carry 初次登记日期 and 使用性质 (migration 0010): rows from before get sensible values,
demo vehicles theirs, and 我的机动车 reads them."""
from __future__ import annotations

from datetime import date

from alembic import command
from sqlalchemy import select, text

from kiosk.db.migrate import alembic_config
from kiosk.db.models import Account, Vehicle
from kiosk.services import bootstrap, profile
from kiosk.services.env import Env, make_env

# The test clock is 2026-12-01: each demo car was first registered so many years before its inspection is due.
DEMO = {"渝A12345": (date(2023, 1, 19), "非营运"), "渝A8D2Q7": (date(2015, 6, 19), "非营运"),
        "渝AD12345": (date(2019, 6, 19), "非营运"), "渝B5K821": (date(2023, 6, 19), "非营运"),
        "苏G52731": (date(2018, 11, 11), "营运"), "渝A6P318": (date(2021, 6, 19), "非营运"),
        "渝A9K006": (date(2022, 11, 11), "非营运"), "渝D72518": (date(2024, 6, 19), "营运")}


def _registrations(env: Env) -> dict[str, tuple[date | None, str]]:
    with env.db.read() as s:
        return {v.plate: (v.registered_on, v.use_nature) for v in s.scalars(select(Vehicle))}


def test_demo_vehicles_are_registered_relative_to_the_clock(env: Env) -> None:
    assert _registrations(env) == DEMO


def test_an_upgraded_database_keeps_its_rows_and_the_demo_cars_get_theirs(tmp_path, settings_factory) -> None:
    env = make_env(settings_factory(tmp_path, "old.db"))
    try:
        bootstrap.prepare(env)
        command.downgrade(alembic_config(env.settings.db_url), "0009")  # as made by the version before
        with env.db.write() as s:  # a vehicle the demo does not know, recorded before
            owner = s.scalars(select(Account.id).where(Account.id_number == "500112198808240556")).one()
            s.execute(text("INSERT INTO vehicles (owner_id, plate, vehicle_type, brand, inspection_due, insurance_due,"
                           " phone, address) VALUES (:o, '渝A00001', '小型轿车', '', '2027-01-01', '2027-01-01',"
                           " '13923000055', '')"), {"o": owner})
        assert bootstrap.prepare(env) is False
        bootstrap.prepare(env)  # and again: nothing changes
        assert _registrations(env) == {**DEMO, "渝A00001": (None, "非营运")}
        [view] = [v for v in profile.vehicles_of(env, owner) if v.plate == "渝A00001"]
        assert view.registered_text == "无记录" and view.use_nature == "非营运"
    finally:
        env.db.dispose()
