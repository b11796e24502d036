"""The list of DMV offices to collect at has one name in every service (tester: 领取网点 in 驾驶证补换领,
领取地点 in 补换领机动车号牌 and 补领检验合格标志): 领取网点, with its summary row likewise."""
from __future__ import annotations

from kiosk.services import licence_replace, vehicle_docs


def test_the_office_list_is_named_alike_everywhere() -> None:
    licence = {spec.label.split("（")[0] for spec in licence_replace.office_fields("重庆", ["成都"], {"重庆": "重庆市", "成都": "四川省成都市"})}
    vehicle = {spec.label for spec in vehicle_docs.DELIVERY_FIELDS if spec.name == "office"}
    assert licence == vehicle == {"领取网点"}
