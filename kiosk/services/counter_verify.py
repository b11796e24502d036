"""The verification desk at a counter: kiosk.services.elicence_verify, for the roles allowed
to verify (核验, 窗口民警/辅警), audited as the signed-in staff member: every check, failed ones
too (an unreadable, forged or expired code is worth a line in the log as much as a good one).
An offline check of an authentic code names its holder too (群众, and 档案编号 in the 说明), as an
online one does: a search of the log by the citizen's ID finds both (tester: an offline check's
群众 was -)."""
from __future__ import annotations

from . import audit, elicence_verify
from .env import Env
from .permissions import VERIFY, actor, authorise
from .staff import StaffSession


def verify(env: Env, staff: StaffSession | None, text: str, online: bool) -> elicence_verify.Report:
    with env.db.read() as s:
        role = authorise(s, env, staff, *VERIFY, doing=audit.action_name("elicence_verify"))
    report = elicence_verify.verify(env, text, online=online, verifier=actor(staff), role=role)  # type: ignore[arg-type]
    if not report.logged:  # an online check of a known licence logged itself, with the citizen (and the role)
        archive_no = getattr(report.claims, "archive_no", "")
        with env.db.write() as s:
            audit.record(s, env, actor=actor(staff), role=role, action="elicence_verify",  # type: ignore[arg-type]
                         account_id=elicence_verify.holder_of(s, report.claims),
                         detail=f"{f'档案编号{archive_no} ' if archive_no else ''}"
                                f"{'在线' if online else '离线'}核验：{report.reason}")
    return report
