"""The audit screen: search the append-only log. 管理员 sees every entry; every other staff
member sees only their own. There is no service that edits or deletes an entry (the ORM hook in
kiosk.db.session and the database triggers refuse it as well)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, and_, or_, select

from ..db.models import Account, AuditEntry, Staff
from ..domain.errors import FormProblems, PermissionDenied
from ..domain.ids import mask_id, normalize_person_or_unit_id
from ..domain.typed import date_or_error
from . import audit
from .date_examples import format_text
from .env import Env
from .permissions import ADMIN, active, actor, may, permitted
from .staff import StaffSession

LIMIT = 500
FIELDS = ("staff_no", "citizen_id", "action", "date_from", "date_to")  # the form's, in its order
OTHERS_REFUSED = "您只能查看本人的操作记录，没有权限查看其他工作人员的记录（需要管理员角色）"
ANY_ROLE = ("counter", "review", "exam_admin", "verify", "admin")  # each sees its own entries


@dataclass(frozen=True)
class AuditFilter:
    staff_no: str = ""
    citizen_id: str = ""
    action: str = ""
    date_from: str = ""
    date_to: str = ""


@dataclass(frozen=True)
class AuditRow:
    at: datetime
    actor: str
    role: str
    terminal_id: str
    citizen: str
    action: str
    detail: str


EXAMPLE_DAYS = 7  # the examples' range: the last week, today's entries too


def example_range(today: date) -> dict[str, date]:
    """A 开始日期 and 结束日期 (by field) a search takes ``today``, shown as the fields' examples and
    named by their format messages: recent days."""
    return {"date_from": today - timedelta(days=EXAMPLE_DAYS - 1), "date_to": today}


def _day(text: str, field: str, today: date) -> date | None:
    text = text.strip()
    if not text:
        return None
    return date_or_error(text, field, format_text(example_range(today)[field], "日期"))


def _dates(start: date | None, end: date | None) -> str:
    """The date range a search asked for, as its audit entry says it: 全部, 2026-12-01起,
    截至2026-12-31, 2026-12-01至2026-12-31, or the one day."""
    if start and end:
        return f"{start}" if start == end else f"{start}至{end}"
    if start:
        return f"{start}起"
    return f"截至{end}" if end else "全部"


# Refusals whose 说明 names the action attempted first, as permissions.refused_detail writes it:
# 查询群众档案（该工作人员账户已停用）; and those of one action only.
NAMING_REFUSALS = ("staff_refused", "staff_denied")
REFUSAL_OF = {"audit_search_refused": "audit_search"}


def _like(text: str) -> str:
    """``text`` for a LIKE pattern with ``\\`` as its escape character."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def action_matches(text: str) -> ColumnElement[bool]:
    """Entries of the actions ``text`` names (part of a code or of a Chinese name), and the
    refusals of those actions: a search for 查询群众档案 (or citizen_lookup) finds the lookups and
    also the lookups refused, whose 说明 reads 查询群众档案（无窗口民警/辅警角色）. The text is looked
    for in the 说明 before its last （, so 停用 finds 停用工作人员账户（...）, not every refusal of
    a deactivated account."""
    codes = {c for c in audit.ACTION_NAMES if text in c} | set(audit.actions_matching(text))
    names = {text} | {audit.action_name(c) for c in codes}
    named = or_(*(AuditEntry.detail.like(f"%{_like(n)}%（%", escape="\\") for n in sorted(names)))
    return or_(AuditEntry.action.contains(text, autoescape=True), AuditEntry.action.in_(sorted(codes)),
               and_(AuditEntry.action.in_(NAMING_REFUSALS), named),
               AuditEntry.action.in_([r for r, of in REFUSAL_OF.items() if of in codes]))


def search(env: Env, staff: StaffSession | None, f: AuditFilter) -> list[AuditRow]:
    """Newest first, at most LIMIT rows. A non-admin's staff filter is forced to themselves."""
    permitted(env, staff, *ANY_ROLE, doing=audit.action_name("audit_search"))
    assert staff is not None
    own = not may(staff, ADMIN)
    staff_no = staff.staff_no if own else "".join(f.staff_no.split()).upper()
    asked = "".join(f.staff_no.split()).upper()
    # a clerk deactivated, or no longer admin, is signed out; else the role searched with (an
    # admin's 管理员, a clerk's own first role as every other service records it: 窗口, 审核...)
    role = active(env, staff, *(ADMIN if not own else ANY_ROLE), doing=audit.action_name("audit_search"))
    # Every wrong field said at once, in the form's order (as 考试计划与安排's 保存场次): one per
    # 查询 had the clerk correct the 工号, then the ID number, then the dates (tester).
    problems = FormProblems()
    if own and asked and asked != staff.staff_no:  # refused, and the attempt kept in the log
        with env.db.write() as s:
            audit.record(s, env, actor=actor(staff), role=role, action="audit_search_refused",
                         detail=f"查看工号{asked[:12]}的操作记录（无管理员角色）")
        problems.add(OTHERS_REFUSED, "staff_no")
    # checked as 为群众办理 checks it: a mistyped number (its check digit) was searched for and
    # found nothing, 共 0 条, as if that citizen had no entries
    today = env.clock.now().date()
    citizen = (problems.check(normalize_person_or_unit_id, f.citizen_id, "citizen_id", today=today)
               if f.citizen_id.strip() else "")
    start = problems.check(_day, f.date_from, "date_from", today)
    end = problems.check(_day, f.date_to, "date_to", today)
    if start and end and end < start:
        problems.add("结束日期不能早于开始日期", "date_to")
    if problems.problems == [("staff_no", OTHERS_REFUSED)]:  # alone, the refusal it is
        raise PermissionDenied(OTHERS_REFUSED, "staff_no")
    problems.raise_found(FIELDS)
    q = select(AuditEntry, Account.id_number).outerjoin(Account, Account.id == AuditEntry.account_id)
    if staff_no:
        q = q.where(AuditEntry.actor == f"staff:{staff_no}")
    if citizen:
        q = q.where(Account.id_number == citizen)
    if text := f.action.strip():  # a code ("citizen_lookup") or part of its Chinese name ("登录")
        q = q.where(action_matches(text))
    if start:
        q = q.where(AuditEntry.at >= datetime.combine(start, datetime.min.time()))
    if end:
        q = q.where(AuditEntry.at < datetime.combine(end + timedelta(days=1), datetime.min.time()))
    with env.db.write() as s:
        rows = s.execute(q.order_by(AuditEntry.id.desc()).limit(LIMIT)).all()
        audit.record(s, env, actor=actor(staff), role=role, action="audit_search",
                     detail=f"工号：{staff_no or '全部'}；群众：{'指定' if f.citizen_id.strip() else '全部'}；"
                            f"操作：{f.action.strip() or '全部'}；日期：{_dates(start, end)}")
        return [AuditRow(e.at, e.actor, e.role, e.terminal_id, mask_id(idn) if idn and len(idn) == 18 else "",
                         e.action, e.detail) for e, idn in rows]


@dataclass(frozen=True)
class Found:
    """A search's rows, and ``note``: what the count should say with them ('' when nothing): an
    admin's 工号 that no staff account has (ZZ9 found 共 0 条 and nothing said why)."""
    rows: list[AuditRow]
    note: str


def find(env: Env, staff: StaffSession | None, f: AuditFilter) -> Found:
    """``search``, and for an admin's 工号 that is no staff member's, 没有工号为ZZ9的工作人员 (its
    entries are still listed: a sign-in tried with that number is kept under it)."""
    rows = search(env, staff, f)
    asked = "".join(f.staff_no.split()).upper()
    if not asked or staff is None or not may(staff, ADMIN):
        return Found(rows, "")
    with env.db.read() as s:
        known = s.scalar(select(Staff.id).where(Staff.staff_no == asked)) is not None
    return Found(rows, "" if known else f"没有工号为{asked[:20]}的工作人员")
