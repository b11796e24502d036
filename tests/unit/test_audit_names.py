"""Every audit action the code records has a Chinese name for the counter screens."""
from __future__ import annotations

import re
from pathlib import Path

from kiosk.services import audit, elicence
from kiosk.services.catalog import SERVICES

KIOSK = Path(audit.__file__).resolve().parent.parent


def _recorded_codes() -> set[str]:
    codes = {elicence.APPLY_KIND, elicence.PHOTO_KIND, *SERVICES,  # a 网办 service records its kind
             "photo_approved", "photo_rejected", "unlock", "unlock_failed", "staff_exit", "staff_exit_failed"}
    for path in KIOSK.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        codes.update(re.findall(r'(?:action|audit_action) ?= ?"([a-z_]+)"', text))
        codes.update(re.findall(r'(?:action|audit_action) ?= ?"[a-z_]+" if [^"]+ else "([a-z_]+)"', text))
    return codes - {"store_true", "store_false", "help", "append"}  # argparse's action=, not the audit log's


def test_every_recorded_action_has_a_chinese_name() -> None:
    codes = _recorded_codes()
    assert {"staff_sign_in", "exam_priority", "exam_booking", "exam_session_create", "face_check_fail"} <= codes
    assert sorted(codes - audit.ACTION_NAMES.keys()) == []


def test_names_and_search_by_name() -> None:
    assert audit.action_name("staff_sign_in") == "工作人员登录"
    assert audit.action_name("something_new") == "something_new"
    assert set(audit.actions_matching("预约")) >= {"exam_booking", "exam_priority", "exam_cancel"}
    assert audit.actions_matching("") == []
    assert [audit.actor_name(a) for a in ("staff:J1001", "citizen:3", "citizen:unregistered", "system", "staff:cli")] \
        == ["J1001", "群众", "群众", "系统", "命令行"]


def test_no_actor_the_code_records_is_shown_raw() -> None:
    """Every actor string written in the code (an ``actor=``, ``reviewer=`` or ``verifier=`` literal,
    or such a parameter's default) is named on screen, not shown as recorded (verifier:cli was)."""
    recorded: set[str] = set()
    for path in KIOSK.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        recorded.update(re.findall(r'\b(?:actor|reviewer|verifier)(?:: str)? ?= ?"([a-z_]+(?::[a-z_]+)?)"', text))
    assert {"verifier:cli", "staff:cli", "cli", "system", "citizen:unregistered"} <= recorded
    assert {a: audit.actor_name(a) for a in recorded if audit.actor_name(a) == a} == {}
    assert {a: audit.actor_label(a) for a in recorded if a in audit.actor_label(a)} == {}
