"""The staff home menu, built from the roles: each role sees only its own screens."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.screen import Screen

from ....services import permissions as perm
from ....services.staff import StaffSession

OWN_AUDIT = ("counter", "review", "exam_admin", "admin")  # a verifier sees only the verification desk


@dataclass(frozen=True)
class MenuItem:
    id: str
    label: str
    roles: tuple[str, ...]
    make: Callable[[], Screen]


def _citizen() -> Screen:
    from .citizen import CitizenScreen
    return CitizenScreen()


def _review() -> Screen:
    from .review import ReviewScreen
    return ReviewScreen()


def _plans() -> Screen:
    from .exam_plans import ExamPlansScreen
    return ExamPlansScreen()


def _results() -> Screen:
    from .exam_results import ExamResultsScreen
    return ExamResultsScreen()


def _verify() -> Screen:
    from ..verify import VerifyScreen
    return VerifyScreen()


def _dashboard() -> Screen:
    from .dashboard import DashboardScreen
    return DashboardScreen()


def _audit() -> Screen:
    from .audit import AuditScreen
    return AuditScreen()


def _staff() -> Screen:
    from .staff_admin import StaffAdminScreen
    return StaffAdminScreen()


MENU = (
    MenuItem("m-citizen", "为群众办理", perm.SERVE, _citizen),
    MenuItem("m-review", "审核队列", perm.REVIEW, _review),
    MenuItem("m-plans", "考试计划与安排", perm.EXAM, _plans),
    MenuItem("m-results", "考试成绩录入", perm.EXAM, _results),
    MenuItem("verify", "电子驾驶证核验", perm.VERIFY, _verify),
    MenuItem("m-dashboard", "考试数据看板", perm.DASHBOARD, _dashboard),
    MenuItem("m-audit", "审计日志", OWN_AUDIT, _audit),
    MenuItem("m-staff", "工作人员账户", perm.ADMIN, _staff),
)


def items_for(staff: StaffSession | None) -> list[MenuItem]:
    return [m for m in MENU if perm.may(staff, m.roles)]
