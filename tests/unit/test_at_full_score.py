"""The refusal at 12 points says which it is (domain.points.AtFullScore), so a service offers
查看网办进度 on the 满分学习考试 application it names without searching the text for its 业务流水号."""
from __future__ import annotations

from datetime import date

import pytest

from kiosk.domain import points_study, review_education
from kiosk.domain.errors import StillPending
from kiosk.domain.points import AtFullScore, DriverFacts, FullScoreApplied
from kiosk.services.education_facts import refused

TODAY = date(2026, 12, 3)
FULL = DriverFacts(("C1",), "A", 12, date(2015, 6, 1))
APPLIED = FullScoreApplied("S20261203000042", "受理中")


def _refusals(applied):  # type: ignore[no-untyped-def]
    return (points_study.refusal(FULL, TODAY, 0, full_scores=(0, 0), full_score=applied),
            review_education.refusal(FULL, False, False, None, applied))


@pytest.mark.parametrize("which", [0, 1])
def test_the_refusal_at_12_points_names_the_application(which: int) -> None:
    reason = _refusals(APPLIED)[which]
    assert isinstance(reason, AtFullScore) and reason.applied == APPLIED
    error = refused(reason)
    assert isinstance(error, StillPending) and error.serial_no == APPLIED.serial_no and str(error) == reason


@pytest.mark.parametrize("which", [0, 1])
def test_not_applied_for_is_a_plain_refusal(which: int) -> None:
    reason = _refusals(None)[which]
    assert isinstance(reason, AtFullScore) and reason.applied is None
    assert not isinstance(refused(reason), StillPending)


def test_another_refusal_quoting_a_serial_is_not_taken_for_it() -> None:
    assert not isinstance(refused(f"您已有一项申请正在受理中（业务流水号{APPLIED.serial_no}）"), StillPending)
