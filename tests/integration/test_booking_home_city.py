"""booking_results.home_city for a citizen with neither a permit nor a booking: the office city that
her licence's 发证机关 names, found by one query that returns one row (it listed every office city
on each call: review). On SQLite with the demo data (offices in 重庆 and 连云港)."""
from __future__ import annotations

from sqlalchemy import event, update

from kiosk.db.models import DrivingLicence, Office
from kiosk.services.booking_results import home_city
from kiosk.services.demo_people import Person
from kiosk.services.env import Env
from tests.booking_helpers import account_id


def _home(env: Env, p: Person) -> tuple[str | None, list[str]]:
    """home_city of ``p`` and the statements that read the offices meanwhile."""
    seen: list[str] = []

    def keep(conn, cursor, statement, params, context, executemany):  # type: ignore[no-untyped-def]
        if "offices" in statement:
            seen.append(statement)

    aid = account_id(env, p)
    event.listen(env.db.engine, "before_cursor_execute", keep)
    try:
        with env.db.read() as s:
            city = home_city(s, aid)
    finally:
        event.remove(env.db.engine, "before_cursor_execute", keep)
    return city, seen


def test_the_licence_authority_names_the_city_in_one_targeted_query(env: Env, people: dict[str, Person]) -> None:
    liu, ma = people["driver_normal"], people["truck_driver"]  # licences of 重庆 and of 连云港, no permit
    with env.db.write() as s:
        s.add_all(Office(city=f"城市{i:02d}", name="车管所", address="某路1号", phone="023-0000")
                  for i in range(40))  # offices of cities no demo licence names
    for p, city in ((liu, "重庆"), (ma, "连云港")):
        found, statements = _home(env, p)
        assert found == city
        (statement,) = statements  # one read of the offices, for the licence's city only
        assert "driving_licences" in statement and "LIMIT" in statement and "DISTINCT" not in statement
    with env.db.write() as s:
        s.execute(update(DrivingLicence).where(DrivingLicence.account_id == account_id(env, liu))
                  .values(issuing_authority="某市公安局交通管理局"))
    assert _home(env, liu)[0] is None  # a 发证机关 no office city names: every site


def test_a_city_with_like_wildcards_names_only_itself(env: Env, people: dict[str, Person]) -> None:
    """An office city holding % or _ is matched as those characters, not as LIKE's wildcards: 「%」
    matched every 发证机关 and 「重_」 matched 重庆 (the city sorted first won over the licence's own)."""
    liu = people["driver_normal"]  # 重庆市公安局交通管理局
    with env.db.write() as s:
        s.add_all(Office(city=city, name="车管所", address="某路1号", phone="023-0000") for city in ("%", "重_", "/", "\\"))
    assert _home(env, liu)[0] == "重庆"
    with env.db.write() as s:
        s.execute(update(DrivingLicence).where(DrivingLicence.account_id == account_id(env, liu))
                  .values(issuing_authority="某市公安局交通管理局"))
    assert _home(env, liu)[0] is None
    with env.db.write() as s:
        s.execute(update(DrivingLicence).where(DrivingLicence.account_id == account_id(env, liu))
                  .values(issuing_authority="重_市公安局交通管理局"))
    assert _home(env, liu)[0] == "重_"
