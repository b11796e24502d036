"""考试计划与安排, two counters editing one session: each form carries the session as it loaded it
(SessionForm.loaded); a save over values another counter changed since is refused, with what changed,
and nothing is written or audited (tester: B's save of 优先预约名额 put A's 考位 8 back to 5)."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.db.models import AuditEntry, ExamSession
from kiosk.domain.errors import Conflict
from kiosk.services import exam_admin
from kiosk.services.staff import StaffSession

EXAMS = StaffSession("J1003", "赵考务", ("exam_admin",))
BASE = dict(site_id=1, exam_date="2027-02-10", start_time="10:00", subject="1", classes="C1C2", seats="5",
            priority_quota="0", opens_on="2026-12-05", publish_on="2027-02-08")


def _form(row: exam_admin.SessionRow | None = None, **kw) -> exam_admin.SessionForm:
    """The form as a counter sends it: ``row`` loaded (its values shown), then ``kw`` typed over them."""
    values = dict(BASE, **kw)
    if row is None:
        return exam_admin.SessionForm(**values)
    return exam_admin.SessionForm(**values, session_id=row.id, loaded=exam_admin.shown(row))


def _saved(env, session_id: int) -> tuple:
    with env.db.read() as s:
        x = s.get(ExamSession, session_id)
        return x.start_time, x.classes, x.seats, x.priority_quota, x.plan.booking_opens_at, x.plan.publish_on


def _edits(env) -> list[str]:
    with env.db.read() as s:
        return list(s.scalars(select(AuditEntry.detail).where(AuditEntry.action == "exam_session_save")))


def test_a_save_over_another_counters_change_is_refused(env) -> None:
    row = exam_admin.save_session(env, EXAMS, _form())
    a, b = _form(row, seats="8"), _form(row, priority_quota="2")  # both loaded 考位 5, 优先预约名额 0
    assert exam_admin.save_session(env, EXAMS, a).seats == 8
    after_a, edits = _saved(env, row.id), _edits(env)
    with pytest.raises(Conflict) as refused:
        exam_admin.save_session(env, EXAMS, b)
    assert refused.value.message == "该场次已被其他工作人员修改（考位数由5改为8），请重新查询后再修改"
    assert refused.value.field == "session"  # said by the form, under 保存场次
    assert _saved(env, row.id) == after_a and _edits(env) == edits  # A's 考位 8 kept; nothing audited
    reloaded = next(r for r in exam_admin.list_sessions(env, EXAMS, "2027-02-10", "2027-02-10") if r.id == row.id)
    fixed = exam_admin.save_session(env, EXAMS, _form(reloaded, seats="8", priority_quota="2"))
    assert (fixed.seats, fixed.priority_quota) == (8, 2)  # loaded again: saved


@pytest.mark.parametrize("changed, told", [
    (dict(start_time="14:00"), "开考时间由10:00改为14:00"),
    (dict(classes="C1"), "准考车型由C1C2改为C1"),
    (dict(priority_quota="3"), "优先预约名额由0改为3"),
    (dict(opens_on="2026-12-06", publish_on="2027-02-09"), "开放预约日期由2026-12-05改为2026-12-06，"
                                                           "结果公布日期由2027-02-08改为2027-02-09"),
])
def test_every_field_and_the_plans_window_is_compared(env, changed, told) -> None:
    row = exam_admin.save_session(env, EXAMS, _form())
    exam_admin.save_session(env, EXAMS, _form(row, **changed))
    with pytest.raises(Conflict) as refused:
        exam_admin.save_session(env, EXAMS, _form(row, seats="9"))
    assert f"（{told}）" in refused.value.message


def test_the_window_changed_through_another_session_of_the_plan_is_compared(env) -> None:
    first = exam_admin.save_session(env, EXAMS, _form())
    second = exam_admin.save_session(env, EXAMS, _form(start_time="14:00"))  # the same plan
    exam_admin.save_session(env, EXAMS, _form(first, opens_on="2026-12-06"))
    with pytest.raises(Conflict) as refused:
        exam_admin.save_session(env, EXAMS, _form(second, start_time="14:00", seats="9"))
    assert "开放预约日期由2026-12-05改为2026-12-06" in refused.value.message
    assert _saved(env, second.id)[2] == 5


def test_an_unchanged_session_and_a_new_one_are_saved(env) -> None:
    row = exam_admin.save_session(env, EXAMS, _form())
    assert exam_admin.save_session(env, EXAMS, _form(row, seats="7")).seats == 7
    assert exam_admin.save_session(env, EXAMS, _form(start_time="14:00")).id != row.id
