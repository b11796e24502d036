"""The demo people are consistent with themselves: a licence's 档案编号 starts with its issuing
city's code, and the address on the account, the licence and the vehicles is in that city (tester's
finding: 马超's licence from 连云港市公安局交通警察支队 had 档案编号 500100000145 and a 重庆市渝中区
address). Every demo ID number passes the kiosk's own check, on the demo clock's day."""
from __future__ import annotations

from sqlalchemy import select

from kiosk.db.models import Account, DrivingLicence, Vehicle
from kiosk.domain.ids import normalize_id_number
from kiosk.services.demo_people import PEOPLE

CITY = {"5001": ("重庆", "重庆市公安局交通管理局"), "3207": ("连云港", "连云港市公安局交通警察支队")}


def test_ma_chao_is_from_lianyungang_throughout(env, people) -> None:
    p = people["truck_driver"]
    with env.db.read() as s:
        account = s.scalars(select(Account).where(Account.id_number == p.id_number)).one()
        lic = s.scalars(select(DrivingLicence).where(DrivingLicence.account_id == account.id)).one()
        (car,) = s.scalars(select(Vehicle).where(Vehicle.owner_id == account.id))
    assert p.name == "马超" and lic.archive_no == "320700000145"
    assert lic.issuing_authority == "连云港市公安局交通警察支队"
    assert all(a.startswith("江苏省连云港市") for a in (account.address, lic.address, car.address))


def test_every_demo_licence_and_address_is_of_one_city(env) -> None:
    with env.db.read() as s:
        rows = s.execute(select(Account, DrivingLicence).join(DrivingLicence, DrivingLicence.account_id == Account.id))
        checked = 0
        for account, lic in rows:
            city, authority = CITY[lic.archive_no[:4]]
            assert account.id_number[:4] == lic.archive_no[:4] and len(lic.archive_no) == 12
            assert lic.issuing_authority == authority and city in account.address and city in lic.address
            for car in s.scalars(select(Vehicle).where(Vehicle.owner_id == account.id)):
                assert city in car.address
            checked += 1
    assert checked >= 15  # 19 demo licences


def test_every_demo_id_number_passes_the_kiosks_check(env) -> None:
    today = env.clock.now().date()
    for p in PEOPLE:
        if not p.unit:
            assert normalize_id_number(p.id_number, today=today) == p.id_number


def test_a_plain_learner_may_book_subject_two_normally(env, people) -> None:
    """Tester (session 24): no demo learner could simply book 科目二; 郭涛's every booking warns of
    a fifth attempt and 王芳 is the priority case. 陈晨 may, without priority."""
    from sqlalchemy import select

    from kiosk.db.models import Account
    from kiosk.services import booking_query

    p = people["k2_ready"]
    with env.db.read() as s:
        aid = s.scalars(select(Account.id).where(Account.id_number == p.id_number)).one()
    options = {o.subject: o for o in booking_query.overview(env, aid).subjects}
    assert options[2].allowed and not options[2].priority_allowed, options[2]
    assert not options[1].allowed  # 科目一 passed (科目三 may be booked too: its 30 days are over)
