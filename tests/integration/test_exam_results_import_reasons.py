"""考试成绩录入 → 批量导入: the per-line report speaks to the clerk about a file's line, as the
command line speaks to staff (收到3位), not to a citizen typing it (tester: 第4行 123,2,80：身份证号码
应为18位，您输入了3位)."""
from __future__ import annotations

from kiosk.services import exam_admin_results
from tests.integration.test_exam_results_audit import EXAMS


def _write(env, name: str, *lines: str) -> str:  # type: ignore[no-untyped-def]
    (exam_admin_results.import_folder(env) / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return name


def test_a_short_id_number_in_a_file_is_worded_for_staff(env) -> None:  # type: ignore[no-untyped-def]
    report = exam_admin_results.import_csv(env, EXAMS, _write(env, "r.csv", "123,2,80", "123,9,80"))
    assert [(e.line, e.message) for e in report.errors] == [
        (1, "身份证号码应为18位，收到3位"),
        (2, "身份证号码应为18位，收到3位；科目须为1到4（或科目一到科目四）"),  # every wrong cell, each for staff
    ]


def test_the_cli_and_the_import_share_one_wording() -> None:
    from kiosk.cli import elicence
    from kiosk.domain.errors import for_staff

    assert elicence.for_staff is for_staff
