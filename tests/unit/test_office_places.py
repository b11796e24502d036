"""A city of the offices table named with its province (驾驶证转入's 转入地: a bare 连云港 read like
demo data, tester): from the provinces the kiosk knows, else from an office's address."""
from __future__ import annotations

from kiosk.db.models import Office
from kiosk.services.offices import place


def _office(city: str, address: str) -> Office:
    return Office(city=city, name=f"{city}车管所", address=address, phone="0000-0000000")


def test_known_cities_carry_their_province() -> None:
    assert place("连云港") == "江苏省连云港市"
    assert place("重庆") == "重庆市"  # a municipality is its own province
    assert place("成都市") == "四川省成都市"


def test_another_city_is_named_as_its_offices_addresses_name_it() -> None:
    offices = [_office("重庆", "重庆市渝中区经纬大道555号"), _office("洛阳", "河南省洛阳市洛龙区开元大道1号")]
    assert place("洛阳", offices) == "河南省洛阳市"
    assert place("洛阳", offices[:1]) == "洛阳"  # no address of its own: the name as listed
