"""The offices (车管所) a form offers: one reader of the ``offices`` table, and one way of listing
them (a tester found 驾驶证补换领 listing 「重庆  渝中车管所」 with nothing chosen, the vehicle forms
「渝中车管所（重庆市渝中区经纬大道555号）」 with the first one chosen)."""
from __future__ import annotations

from sqlalchemy import select

from kiosk.db.models import Account, Office
from kiosk.services import applications, offices
from kiosk.services.catalog import SERVICES
from kiosk.services.env import Env


def _account(env: Env, person) -> int:  # type: ignore[no-untyped-def]
    with env.db.read() as s:
        return s.scalars(select(Account.id).where(Account.id_number == person.id_number)).one()


def test_listed_in_loading_order_and_by_city(env: Env) -> None:
    with env.db.read() as s:
        every = offices.listed(s)
        assert [o.id for o in every] == sorted(o.id for o in every)
        assert offices.cities_of(every) == ["重庆", "连云港"]
        assert [o.name for o in offices.listed(s, ["连云港"])] == ["连云港市车管所", "连云港市赣榆车管所"]
        assert offices.label(every[0]) == "渝中车管所（重庆市渝中区经纬大道555号）"


def test_every_form_lists_an_office_by_name_and_address_with_none_chosen(env: Env, people) -> None:
    aid = _account(env, people["driver_normal"])  # 刘洋: a 重庆 licence and a 渝 car
    with env.db.read() as s:
        chongqing = [(f"{o.name}（{o.address}）", str(o.id))
                     for o in s.scalars(select(Office).where(Office.city == "重庆").order_by(Office.id))]
    licence = applications.prepare(env, SERVICES["licence_replace"], aid)
    assert licence.choices["office_lost"] == chongqing
    assert not any(name.startswith("office") for name in licence.initial)
    for kind in ("vehicle_licence_reissue", "plate_reissue", "inspection_mark_reissue"):
        vehicle = applications.prepare(env, SERVICES[kind], aid)
        assert vehicle.choices["office"] == chongqing and "office" not in vehicle.initial
