"""考试成绩录入 (one by one and CSV): every wrong field told at once."""
from __future__ import annotations

import pytest

from kiosk.domain.errors import FieldErrors
from kiosk.services import exam_admin_results
from kiosk.services.staff import StaffSession

EXAMS = StaffSession("J1003", "赵考务", ("exam_admin",))


def test_every_wrong_field_is_told_at_once_in_the_forms_order(env) -> None:
    with pytest.raises(FieldErrors) as refused:
        exam_admin_results.record_one(env, EXAMS, "500103199901301658", "5", "101", "3")
    assert [f for f, _ in refused.value.problems] == ["id_number", "subject", "score", "attempt"]
    assert "校验位不正确" in refused.value.problems[0][1]


def test_a_csv_line_lists_every_wrong_cell(env) -> None:
    folder = exam_admin_results.import_folder(env)
    (folder / "bad.csv").write_text("500103199901301658,5,101\n", encoding="utf-8")
    report = exam_admin_results.import_csv(env, EXAMS, "bad.csv")
    message = report.errors[0].message
    assert "校验位不正确" in message and "科目须为1到4" in message and "成绩须为0到100" in message
