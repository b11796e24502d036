"""kiosk.db.driver: a Prepared statement stores and reads back what SQLAlchemy itself would."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import bindparam, insert, select, update

from kiosk.db.driver import Driver, Prepared
from kiosk.db.migrate import upgrade
from kiosk.db.models import Account, Application, Booking, LearnerPermit
from kiosk.db.session import Database

_A = Application.__table__
_INSERT = Prepared(insert(_A).values({n: bindparam(n) for n in (
    "serial_no", "account_id", "kind", "title", "status", "payload", "terminal_id", "created_at", "updated_at")})
    .returning(_A.c.id))
_READ = Prepared(select(_A.c.id, _A.c.payload, _A.c.created_at, _A.c.status).where(_A.c.account_id == bindparam("aid"))
                 .order_by(_A.c.id.desc()).limit(1))
_RENAME = Prepared(update(_A).where(_A.c.id == bindparam("app_id"), _A.c.status == "受理中").values(
    status=bindparam("new_status")))
AT = datetime(2027, 1, 4, 9, 30, 15, 123456)


def _database(url: str) -> Database:
    db = Database(url)
    upgrade(db.engine)
    with db.write() as s:
        s.add(Account(id=1, id_number="500112198808240556", name="刘洋", phone="13923000055", registered_at=AT,
                      created_at=AT))
    return db


def _roundtrip(db: Database) -> None:
    with db.write() as s:
        d = Driver(s)
        app_id = d.first(_INSERT, serial_no="s-1", account_id=1, kind="exam_booking", title="考试预约", status="受理中",
                         payload={"subject": 2, "summary": ["姓名：刘洋"]}, terminal_id="t", created_at=AT,
                         updated_at=AT)[0]
        assert d.run(_RENAME, app_id=app_id, new_status="预约成功") == 1
        assert d.run(_RENAME, app_id=app_id, new_status="预约成功") == 0  # the literal condition is compiled in
        row = d.first(_READ, aid=1)
        assert (row.id, row.payload, row.created_at, row.status) == (
            app_id, {"subject": 2, "summary": ["姓名：刘洋"]}, AT, "预约成功")
        assert d.first(_READ, aid=2) is None and d.all(_READ, aid=2) == []
    with db.read() as s:  # the ORM reads what the driver wrote
        app = s.get(Application, app_id)
        assert (app.payload, app.created_at, app.updated_at) == ({"subject": 2, "summary": ["姓名：刘洋"]}, AT, AT)
    db.dispose()


def test_roundtrip_on_sqlite(tmp_path: Path) -> None:
    _roundtrip(_database(f"sqlite:///{tmp_path / 'k.db'}"))


def test_roundtrip_on_postgresql(pg_url: str) -> None:
    _roundtrip(_database(pg_url))


def test_dates_and_booleans_read_as_sqlalchemy_reads_them(tmp_path: Path) -> None:
    db = _database(f"sqlite:///{tmp_path / 'k.db'}")
    with db.write() as s:
        s.add(LearnerPermit(id=7, account_id=1, licence_class="C1", accepted_at=AT, issued_on=date(2027, 1, 5)))
    q = select(LearnerPermit.issued_on, LearnerPermit.active, LearnerPermit.holds_car_licence).where(
        LearnerPermit.id == bindparam("pid"))
    with db.read() as s:
        assert tuple(Driver(s).first(Prepared(q), pid=7)) == tuple(s.connection().execute(q, {"pid": 7}).one())
        assert Driver(s).first(Prepared(q), pid=7).issued_on == date(2027, 1, 5)
    db.dispose()


def test_expanding_parameters_are_refused(tmp_path: Path) -> None:
    db = _database(f"sqlite:///{tmp_path / 'k.db'}")
    with db.read() as s, pytest.raises(ValueError, match="expanding"):
        Driver(s).all(Prepared(select(Booking.id).where(Booking.id.in_(bindparam("ids", expanding=True)))), ids=[1])
    db.dispose()
