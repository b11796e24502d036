"""驾驶证补换领, how the new card reaches the citizen: posted to a checked address or collected at
an office of the city that makes it (the choice and its check, ``_delivery``), and how the summary,
the result, its SMS and the counter say it. Used by kiosk.services.licence_replace.
"""
from __future__ import annotations

from ..domain.errors import FormProblems
from ..domain.free_text import clean_address

DELIVERY = [("邮寄（寄往下面填写的地址）", "mail"), ("到车管所窗口领取", "counter")]
FINISH = {"mail": "已邮寄", "counter": "已在窗口领取"}


def _delivery(form: dict[str, str], ctx: dict[str, object], city: str, field: str | None,
              problems: FormProblems) -> dict[str, str]:
    """How the new card reaches the citizen: posted to a checked address, or collected at an
    office of the city that makes it (the licence's own, or the one it moves to), chosen in the
    office choice ``field`` (None: not on view yet, as the kind or 转入地 is still to be chosen)."""
    delivery = form.get("delivery", "")
    if delivery == "mail":
        return {"delivery": delivery, "address": problems.check(clean_address, form.get("address", "")) or ""}
    if delivery != "counter":
        problems.add("请选择新驾驶证领取方式", "delivery")
        return {}
    if field is None:
        return {"delivery": delivery}
    offices = ctx["offices"]
    assert isinstance(offices, dict)
    office = offices.get(form.get(field, ""))
    if office is None:
        problems.add("请选择领取新驾驶证的车管所", field)
        return {}
    if city and office[0] != city:  # a guard: the list shows only that city's offices
        places = ctx.get("places")
        where = places.get(city, city) if isinstance(places, dict) else city
        problems.add(f"新驾驶证由{where}制作，请选择{where}的车管所", field)
        return {}
    return {"delivery": delivery, "office": form[field], "office_name": office[1], "office_address": office[2]}


def _how(clean: dict) -> str:
    """领取方式 as the summary and the counter name it."""
    if clean["delivery"] == "mail":
        return f"邮寄至{clean['address']}"
    return f"到{_office(clean)}窗口领取"


def _office(clean: dict) -> str:
    """The office the citizen collects the card at, with its address."""
    return f"{clean['office_name']}（{clean['office_address']}）"


def _then(clean: dict) -> str:
    """What happens once the card is made, as the result and its SMS say it: posted, or the citizen
    collects it with an ID at the office chosen, named with its address (as the vehicle documents say
    it, kiosk.services.vehicle_docs)."""
    if clean["delivery"] == "mail":
        return _how(clean)
    return f"请持本人身份证件到{_office(clean)}领取"
