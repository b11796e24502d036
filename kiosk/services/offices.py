"""The DMV offices (车管所) of the ``offices`` table, read and listed the same way by every form
that offers one (驾驶证补换领, the vehicle documents, 审验教育)."""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Office
from ..domain.plate_entry import home_province as _home_province
from ..domain.vehicle_transfer import CITIES


def listed(session: Session, cities: Iterable[str] | None = None) -> list[Office]:
    """The offices (only those of ``cities`` when given) in the order they were loaded (the seed's list)."""
    query = select(Office).order_by(Office.id)
    if cities is not None:
        query = query.where(Office.city.in_(list(cities)))
    return list(session.scalars(query))


def cities_of(offices: Iterable[Office]) -> list[str]:
    """The cities of ``offices``, each once, in their order."""
    return list(dict.fromkeys(o.city for o in offices))


def label(office: Office) -> str:
    """An office as a choice shows it: its name and where it is (渝中车管所（重庆市渝中区经纬大道555号）)."""
    return f"{office.name}（{office.address}）"


def place(city: str, offices: Iterable[Office] = ()) -> str:
    """A city of the ``offices`` table named with its province, as a citizen reads a place name
    (连云港 -> 江苏省连云港市, 重庆 -> 重庆市): from the list of provinces and cities the kiosk knows,
    else from the address of one of ``offices`` in that city (江苏省连云港市海州区... -> 江苏省连云港市),
    else the city as the table names it."""
    for cities in CITIES.values():
        for known in cities:
            if known.name in (city, f"{city}市"):
                return known.label
    for office in offices:
        end = office.address.find(f"{city}市") if office.city == city else -1
        if end >= 0:
            return office.address[:end + len(city) + 1]
    return city


def home_province(session: Session) -> str:
    """The abbreviation of the kiosk's own province (渝 for the demo's Chongqing offices): the one most
    of the ``offices`` table's offices are in, by their addresses; "" when none says. A plate's
    province list opens on it."""
    return _home_province(o.address for o in listed(session))
