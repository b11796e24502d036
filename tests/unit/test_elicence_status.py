from __future__ import annotations

from datetime import date

import pytest

from kiosk.domain.elicence import (
    LOCKED_MESSAGE,
    apply_decision,
    card_colour,
    needs_reapply,
    normalize_codes,
    reapply_reasons,
)
from kiosk.domain.licence import STATUS_NAMES

AMBIGUOUS = "\u2026\u201c\u201d\u00b7\u2014\u2460"


@pytest.mark.parametrize("code", list("AHINPT"))
def test_may_apply(code: str) -> None:
    d = apply_decision(code)
    assert d.kind == "may_apply" and d.may_apply and d.shows_issued
    assert d.blocking == ""


@pytest.mark.parametrize("code", list("BDUKMSRZ"))
def test_shown_red(code: str) -> None:
    d = apply_decision(code)
    assert d.kind == "shown_red" and not d.may_apply and d.shows_issued
    assert d.colour == "red"
    assert STATUS_NAMES[code] in d.message and "红色" in d.message


@pytest.mark.parametrize("code", list("EFGC"))
def test_hidden(code: str) -> None:
    d = apply_decision(code)
    assert d.kind == "hidden" and not d.may_apply and not d.shows_issued


@pytest.mark.parametrize("code", list("LJ"))
def test_locked_message_exact(code: str) -> None:
    d = apply_decision(code)
    assert d.kind == "locked" and not d.shows_issued
    assert d.message == "您的驾驶证状态异常，请联系驾驶证发证地公安交管部门" == LOCKED_MESSAGE


def test_every_known_code_is_classified() -> None:
    for code in STATUS_NAMES:
        assert apply_decision(code).kind in ("may_apply", "shown_red", "hidden", "locked")


@pytest.mark.parametrize(
    ("codes", "kind", "blocking"),
    [
        ("HI", "may_apply", ""),
        ("AH", "may_apply", ""),
        ("NPT", "may_apply", ""),
        ("HD", "shown_red", "D"),
        ("IBM", "shown_red", "BM"),
        ("DF", "hidden", "F"),
        ("HEG", "hidden", "EG"),
        ("BL", "locked", "L"),
        ("FJ", "locked", "J"),
        ("HIDFL", "locked", "L"),
        ("DK", "shown_red", "DK"),
    ],
)
def test_most_restrictive_wins(codes: str, kind: str, blocking: str) -> None:
    d = apply_decision(codes)
    assert (d.kind, d.blocking) == (kind, blocking)


def test_order_does_not_matter() -> None:
    for a, b in [("HD", "DH"), ("FL", "LF"), ("BE", "EB")]:
        assert apply_decision(a).kind == apply_decision(b).kind


def test_message_names_only_blocking_codes() -> None:
    d = apply_decision("HD")
    assert "暂扣" in d.message and "违法未处理" not in d.message


def test_normalisation_and_unknown_codes() -> None:
    assert normalize_codes(" hi ") == "HI"
    assert normalize_codes("") == "A" and normalize_codes(None) == "A"
    assert normalize_codes("HHI") == "HI"
    assert apply_decision("").kind == "may_apply"
    assert apply_decision("X").kind == "locked"  # unknown: fail closed
    assert apply_decision("HX").message == LOCKED_MESSAGE


def test_card_colour() -> None:
    assert card_colour("A") == "green"
    assert card_colour("") == "green"
    for codes in ("H", "I", "HI", "N", "AH", "B", "D", "M"):
        assert card_colour(codes) == "red"


def test_messages_avoid_ambiguous_width_characters() -> None:
    for code in list(STATUS_NAMES) + ["HD", "DF", "C"]:
        assert not set(apply_decision(code).message) & set(AMBIGUOUS)


def _snap(**kw: object) -> dict[str, object]:
    base: dict[str, object] = {
        "classes": "C1",
        "valid_from": date(2016, 5, 1),
        "valid_to": date(2026, 5, 1),
        "issuing_authority": "重庆市公安局交通管理局",
    }
    base.update(kw)
    return base


def test_needs_reapply() -> None:
    issued = _snap()
    assert not needs_reapply(issued, _snap())
    assert not needs_reapply(_snap(classes="C1E"), _snap(classes="EC1"))
    assert needs_reapply(issued, _snap(classes="C1E"))
    assert needs_reapply(issued, _snap(valid_to=date(2032, 5, 1)))
    assert needs_reapply(issued, _snap(valid_to=None))
    assert needs_reapply(issued, _snap(valid_from=date(2016, 6, 1)))
    assert needs_reapply(issued, _snap(issuing_authority="四川省成都市公安局交通管理局"))
    assert reapply_reasons(issued, _snap(classes="B2", valid_to=None)) == ["准驾车型已变更", "驾驶证有效期已变更"]


def test_needs_reapply_accepts_objects() -> None:
    class Rec:
        classes = "C1"
        valid_from = date(2016, 5, 1)
        valid_to = date(2026, 5, 1)
        issuing_authority = "重庆市公安局交通管理局"

    assert not needs_reapply(Rec(), _snap())
    rec = Rec()
    rec.points = 6  # type: ignore[attr-defined]  # other fields do not matter
    assert not needs_reapply(_snap(), rec)
