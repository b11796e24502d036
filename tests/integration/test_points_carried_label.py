"""Points carried from an ended 记分周期 (12 or more, 违法未处理) are not called 本记分周期's: every screen
names them by kiosk.domain.points.points_label: 累积记分（含上一记分周期转入）."""
from __future__ import annotations

from datetime import date

import pytest

from kiosk.domain.points import points_carried, points_label
from kiosk.services import applications, profile
from kiosk.services.catalog import SERVICES
from tests.booking_helpers import account_id
from tests.integration.test_points_cycle_services import REVIEW, STUDY, move_to, next_cycle, refusal

CARRIED = "累积记分（含上一记分周期转入）"
TAKE = "须参加满分教育，请在【学习教育业务】中申请【满分学习考试】"


def test_the_label_of_carried_points() -> None:
    first = date(2010, 10, 24)
    assert points_carried(12, date(2026, 12, 3), first, date(2027, 10, 24), "B")
    assert points_carried(3, date(2026, 12, 3), first, date(2027, 10, 24), "H")
    assert not points_carried(12, date(2026, 12, 3), first, date(2027, 10, 23), "B")  # still its cycle
    assert not points_carried(4, date(2026, 12, 3), first, date(2027, 10, 24), "A")  # cleared
    assert not points_carried(12, None, first, date(2027, 10, 24), "B")  # day not known: as this cycle's
    assert (points_label(True), points_label(False)) == (CARRIED, "本记分周期累积记分")


def test_a_full_score_carried_into_the_new_cycle_is_not_called_this_cycles(env, people) -> None:
    acc = account_id(env, people["full_score"])  # 徐明, 12 points (超分)
    assert profile.licence_of(env, acc).points_label == "本记分周期累积记分"  # type: ignore[union-attr]
    assert "您本记分周期累积记分12分" in applications.prepare(env, SERVICES["full_score"], acc).intro
    move_to(env, next_cycle(env, acc))
    lic = profile.licence_of(env, acc)
    assert lic is not None and (lic.points_label, lic.points) == (CARRIED, 12)
    intro = applications.prepare(env, SERVICES["full_score"], acc).intro
    assert f"您{CARRIED}12分" in intro and "本记分周期已记" not in intro
    # The refusals name the menu entry where the 满分教育 is applied for (they said 请参加满分教育)
    assert refusal(env, STUDY, acc) == f"{CARRIED}已满12分，不能申请学法减分。{TAKE}"
    assert refusal(env, REVIEW, acc) == f"{CARRIED}已满12分，{TAKE}"


@pytest.mark.parametrize("key", ["violation"])
def test_unhandled_violations_carried_are_named_so(env, people, key: str) -> None:
    acc = account_id(env, people[key])  # 赵磊, 违法未处理, 3 points
    move_to(env, next_cycle(env, acc))
    lic = profile.licence_of(env, acc)
    assert lic is not None and (lic.points_label, lic.points) == (CARRIED, 3)
