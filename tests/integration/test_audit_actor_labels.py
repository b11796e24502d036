"""Who acted, as 审计日志 names it, for the entries the admin commands make (kiosk/cli): not the
actor string they record (verifier:cli, staff:cli, cli, system) but 命令行 in the 操作人 column
and, under the table, the command by the name README gives it: 核验命令（kiosk verify）."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.__main__ import build_parser, main
from kiosk.config import ASSETS
from kiosk.db.models import AuditEntry
from kiosk.services import audit, elicence, elicence_card
from tests.integration.test_booking_lifecycle import placed_booking

EXPECTED = {  # (actor recorded, action) -> the label under the table
    ("verifier:cli", "elicence_verify"): "核验命令（kiosk verify）",
    ("staff:cli", "elicence_show"): "出示命令（kiosk elicence show）",
    ("staff:cli", "photo_approved"): "审核命令（kiosk review）",
    ("staff:cli", "photo_rejected"): "审核命令（kiosk review）",
    ("system", "exam_allocate"): "安排命令（kiosk allocate）",
    ("cli", "exam_result"): "成绩录入命令（kiosk exam-result）",
}


def test_each_commands_entry_names_the_command(env, people, monkeypatch, capsys) -> None:
    monkeypatch.setenv("KIOSK_DATA_DIR", str(env.settings.data_dir))

    def run(*args: str, now: str = "2026-12-01T09:00:10") -> None:
        assert main(["--db", env.settings.db_url, "--now", now, *args]) == 0, capsys.readouterr().err

    driver = people["driver_normal"]
    elicence.apply_direct(env, elicence_card.account_for(env, driver.id_number))
    run("elicence", "show", driver.id_number, "--payload-only")
    run("verify", capsys.readouterr().out.strip(), "--online")
    no_photo = elicence_card.account_for(env, people["no_photo"].id_number)
    run("review", "reject", elicence.apply_with_photo(env, no_photo, "camera", ASSETS / "photos" / "camera_2.png")
        .serial_no, "--reason", "1")
    run("review", "approve", elicence.apply_with_photo(env, no_photo, "camera", ASSETS / "photos" / "camera_2.png")
        .serial_no)
    learner = people["permit_expiring"]
    booking = placed_booking(env, learner)  # allocate by the service, as system (kiosk allocate's actor)
    run("exam-result", "--booking", str(booking), "--score", "85", now="2026-12-05T09:00")
    with env.db.read() as s:
        made = {(e.actor, e.action) for e in s.scalars(select(AuditEntry))
                if not e.actor.startswith(("staff:A", "staff:J", "citizen:"))}
    assert made == set(EXPECTED)
    for (actor, action), label in EXPECTED.items():
        assert audit.actor_label(actor, action) == label
        assert audit.actor_name(actor, action) == "命令行"


@pytest.mark.parametrize("label", sorted(set(audit.COMMANDS.values())))
def test_the_commands_named_are_the_real_ones(label: str, capsys) -> None:
    words = label[label.index("（") + 1:-1].split()
    assert words[0] == "kiosk"
    with pytest.raises(SystemExit) as done:
        build_parser().parse_args([*words[1:], "--help"])
    assert done.value.code == 0, label  # an unknown command: exit 2, "invalid choice"


def test_people_are_named_as_before(env) -> None:
    assert [audit.actor_name(a) for a in ("staff:J1001", "citizen:3", "citizen:unregistered", "system")] \
        == ["J1001", "群众", "群众", "系统"]
    assert audit.actor_label("citizen:unregistered", "face_check_fail") == "群众（未注册）"
    assert audit.actor_label("staff:J1001", "citizen_lookup") == "J1001"
