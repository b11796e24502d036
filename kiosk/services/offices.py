"""The DMV offices (车管所) of the ``offices`` table, read and listed the same way by every form
that offers one (驾驶证补换领, the vehicle documents, 审验教育)."""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Office


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
