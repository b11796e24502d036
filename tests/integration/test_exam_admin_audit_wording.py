"""An edited exam session's audit entry says what changed in the very words of the line the clerk
reads after 保存场次 (已修改：优先预约名额由4改为1 / 未作修改): one helper, exam_admin.edit_text, writes
both (the entry said 变更：优先名额由4改为1 / 未变更, so a search of the log for the clerk's words
found nothing). A new session's entry names no change."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.db.models import AuditEntry
from kiosk.services import exam_admin
from kiosk.services.staff import StaffSession
from kiosk.ui.screens.counter.exam_plans_text import changed

EXAMS = StaffSession("J1003", "赵考务", ("exam_admin",))
FORM = dict(site_id=1, exam_date="2027-02-10", start_time="08:30", subject="3", classes="C1C2C5", seats="40",
            priority_quota="4", opens_on="2026-12-05", publish_on="2027-02-08")


def _last_detail(env) -> str:
    with env.db.read() as s:
        return s.scalars(select(AuditEntry.detail).order_by(AuditEntry.id.desc())).first()


@pytest.mark.parametrize(("typed", "said"), [
    (dict(priority_quota="1"), "已修改：优先预约名额由4改为1"),
    (dict(seats="45", priority_quota="1"), "已修改：考位数由40改为45，优先预约名额由4改为1"),
    ({}, "未作修改"),
])
def test_the_audit_entry_words_an_edit_as_the_saved_line_does(env, typed, said) -> None:
    new = exam_admin.save_session(env, EXAMS, exam_admin.SessionForm(**FORM))
    assert "修改" not in _last_detail(env)  # a new session: no change named
    loaded = exam_admin.shown(new)
    row = exam_admin.save_session(env, EXAMS, exam_admin.SessionForm(
        **{**FORM, **typed}, session_id=new.id, loaded=loaded))
    line = changed(loaded, row)  # what 考试计划与安排 adds to 已保存场次 ...
    assert line == f"；{said}"
    assert _last_detail(env).endswith(line)
