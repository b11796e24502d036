"""The verification desk at a counter: kiosk.services.elicence_verify, for the roles allowed
to verify (核验, 窗口民警/辅警), audited as the signed-in staff member."""
from __future__ import annotations

from . import elicence_verify
from .env import Env
from .permissions import VERIFY, actor, authorise, require
from .staff import StaffSession


def verify(env: Env, staff: StaffSession | None, text: str, online: bool) -> elicence_verify.Report:
    require(staff, *VERIFY)
    with env.db.read() as s:
        authorise(s, env, staff, *VERIFY)
    return elicence_verify.verify(env, text, online=online, verifier=actor(staff))  # type: ignore[arg-type]
