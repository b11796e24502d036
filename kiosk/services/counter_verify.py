"""The verification desk at a counter: kiosk.services.elicence_verify, for the roles allowed
to verify (核验, 窗口民警/辅警), audited as the signed-in staff member: every check, failed ones
too (an unreadable, forged or expired code is worth a line in the log as much as a good one)."""
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
        with env.db.write() as s:
            audit.record(s, env, actor=actor(staff), role=role, action="elicence_verify",  # type: ignore[arg-type]
                         detail=f"{'在线' if online else '离线'}核验：{report.reason}")
    return report
