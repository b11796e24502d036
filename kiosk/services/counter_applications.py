"""Counter: finish (办结) or turn back (退办) a 网办 application that waits for the DMV.

A service on the generic flow (kiosk.services.catalog) whose application ends 受理中 waits for
the DMV to make a document (a new card, a plate, a label); the clerk finishes it when it is
handed over or posted. The service says how it may be finished (``finish_choices``, default
办结) and may apply its effect then (``finish(session, env, app, how) -> note``, raising
DomainError to refuse). 退办 turns an application back with the clerk's reason; nothing the
service would do at completion has happened yet. Either way the citizen gets an SMS and an
inbox message, 网办进度 a timeline entry, and the audit log an entry.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ..db.models import Account, Application
from ..domain.errors import DomainError, NotFound, sentence
from ..domain.ids import staff_reason
from . import applications, audit, elicence, messaging
from .applications import FINISHED, TURNED_BACK, WAITING
from .catalog import SERVICES
from .env import Env
from .permissions import SERVE, actor, authorise, permitted
from .staff import StaffSession

DEFAULT_CHOICES = ("已办结",)
DONE_ELSEWHERE = "该业务当前状态为{status}，无需再办理（可能已由其他窗口办理），列表已更新"


@dataclass(frozen=True)
class Handled:
    serial_no: str
    status: str
    note: str


def finish_choices(kind: str, status: str, payload: dict | None = None) -> tuple[str, ...]:
    """How a clerk may finish an application of ``kind`` in ``status``; () when it is not the
    counter's to finish (another kind of application, or not 受理中). A service whose way follows
    from what was asked (posted or collected, studied online or on site) says so with
    ``finish_by = (payload key, {value asked: way to finish})``: only that one way is offered."""
    service = SERVICES.get(kind)
    if service is None or status != WAITING:
        return ()
    by = getattr(service, "finish_by", None)
    if by is not None and payload is not None:
        key, ways = by
        if str(payload.get(key, "")) in ways:
            return (ways[str(payload[key])],)
    return tuple(getattr(service, "finish_choices", DEFAULT_CHOICES))


def not_the_counters(kind: str, status: str) -> str:
    """Why the clerk cannot finish or turn back an application that is not the counter's, when
    there is more to say than to pick one 受理中: an e-licence photo waits for the reviewer
    (tester: 刘洋's 更换电子驾驶证照片 待审核 got only the general message)."""
    if kind in (elicence.APPLY_KIND, elicence.PHOTO_KIND) and status == elicence.PENDING:
        return "该业务正在等待审核岗审核照片，由审核岗在【审核队列】中办理"
    return "请在网办进度列表中选择受理中、待窗口办结的业务"


def finish_blocked(kind: str, status: str, payload: dict, applied_at: datetime, now: datetime) -> str | None:
    """Why the only way offered to finish it would be refused at ``now`` (a study not done yet, or
    past its days), so the clerk is told before choosing it; None when it may be tried. Only the
    timing a service can tell from the application itself (``finish_problem``); the re-checks
    that read the database stay in ``finish``."""
    choices = finish_choices(kind, status, payload)
    check = getattr(SERVICES.get(kind), "finish_problem", None)
    if len(choices) != 1 or check is None:
        return None
    return check(payload, applied_at, now, choices[0])


def check_refuse_reason(reason: str) -> str:
    return staff_reason(reason, field="refuse_reason", label="退办理由", example="申请人要求撤回")


def finish(env: Env, staff: StaffSession | None, account_id: int, serial_no: str, how: str) -> Handled:
    with env.db.write() as s:
        role = authorise(s, env, staff, *SERVE, doing=audit.action_name("application_finish"))
        app, account = _waiting(s, account_id, serial_no)
        service = SERVICES[app.kind]
        allowed = finish_choices(app.kind, app.status, app.payload)
        if how not in allowed:
            raise DomainError(f"办结方式应为：{'或'.join(allowed)}", "how")
        hook = getattr(service, "finish", None)
        note = hook(s, env, app, how) if hook is not None else how
        return _decide(s, env, staff, role, app, account, FINISHED, note, f"办结：{how}；{note}",
                       action="application_finish")


def refuse(env: Env, staff: StaffSession | None, account_id: int, serial_no: str, reason: str) -> Handled:
    permitted(env, staff, *SERVE, doing=audit.action_name("application_refuse"))
    reason = check_refuse_reason(reason)
    with env.db.write() as s:
        role = authorise(s, env, staff, *SERVE, doing=audit.action_name("application_refuse"))
        app, account = _waiting(s, account_id, serial_no)
        note = f"车管所窗口退办，理由：{reason}。如有需要可重新申请"
        return _decide(s, env, staff, role, app, account, TURNED_BACK, note, f"退办 理由：{reason}",
                       action="application_refuse")


def _waiting(s, account_id: int, serial_no: str) -> tuple[Application, Account]:  # type: ignore[no-untyped-def]
    """The citizen's application, locked (PostgreSQL: two counters cannot both decide it)."""
    app = s.scalar(select(Application).where(Application.serial_no == serial_no).with_for_update())
    account = s.get(Account, account_id)
    if app is None or account is None or app.account_id != account_id or app.kind not in SERVICES:
        raise NotFound("未找到该群众的这项网办业务")
    if app.status != WAITING:
        raise DomainError(DONE_ELSEWHERE.format(status=app.status))
    return app, account


def _decide(s, env: Env, staff: StaffSession | None, role: str, app: Application, account: Account,  # type: ignore[no-untyped-def]
            status: str, note: str, detail: str, action: str) -> Handled:
    applications.transition(s, env, app, status, note)
    audit.record(s, env, actor=actor(staff), role=role, action=action,  # type: ignore[arg-type]
                 account_id=account.id, detail=f"{app.serial_no} {app.title} {detail}")
    # titled with the decision: the inbox lists it apart from the 受理 message, which has the same
    # business name (tester: two rows 补换领行驶证)
    messaging.notify(s, env, account, applications.decided_title(app.title, status),
                     f"您的{applications.of_title(app.title)}（业务流水号{app.serial_no}）{status}：{sentence(note)}")
    return Handled(app.serial_no, status, note)
