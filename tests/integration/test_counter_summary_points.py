"""为群众办理's summary writes a licence's points as the citizen's 我的驾驶证 does: the current 记分周期's
(licence_points.points_of, through profile.LicenceView) under the name they count by
(licence_points.label_of): 本记分周期累积记分：0分 once a cycle has ended cleared, and
累积记分（含上一记分周期转入）：12分 for points carried from an ended cycle (it said 记分 12 either way)."""
from __future__ import annotations

from kiosk.services import counter_citizen
from kiosk.services.staff import StaffSession
from kiosk.ui.screens.counter.citizen_summary import summary_text
from tests.integration.test_points_cycle_services import move_to, next_cycle
from tests.booking_helpers import account_id

CLERK = StaffSession("J1001", "王警官", ("counter",))


def _summary(env, person) -> str:  # type: ignore[no-untyped-def]
    return summary_text(counter_citizen.lookup(env, CLERK, person.id_number, "群众本人申请查询")).plain


def test_points_carried_from_an_ended_cycle_are_named_so(env, people) -> None:
    person = people["full_score"]  # 徐明, 12 points
    assert "本记分周期累积记分：12分" in _summary(env, person)
    move_to(env, next_cycle(env, account_id(env, person)))
    said = _summary(env, person)
    assert "累积记分（含上一记分周期转入）：12分" in said and "本记分周期" not in said


def test_points_of_an_ended_cycle_are_not_counted(env, people) -> None:
    person = people["points_study"]  # 宋佳, 4 points
    assert "本记分周期累积记分：4分" in _summary(env, person)
    move_to(env, next_cycle(env, account_id(env, person)))
    assert "本记分周期累积记分：0分" in _summary(env, person)
