"""工作人员账户's questions before 创建账户 and 修改角色: what is about to be made or changed, the
roles named (管理员 above all: one stray Enter on its box ticked it, and 创建账户 asked nothing).
A part of StaffAdminScreen (kiosk.ui.screens.counter.staff_admin), which holds the list (``rows``),
the account picked (``chosen``) and the widgets."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ....domain.errors import DomainError
from ....services import counter_staff, staff_roles
from ....services.staff import ROLE_NAMES, roles_text
from ...dialogs.confirm import ConfirmDialog
from ...widgets.choice import Tick

ADMIN_CAN = "该工作人员可新建和停用工作人员账户、重置他人的密码和PIN码、修改角色，并可查看全部工作人员的审计日志。"
SIGNED_IN = "如该工作人员正在窗口终端上使用此账户："
TAKEN_WHEN = "取消的角色在其下一次办理相应业务时失效，该终端随即退出登录"
ADDED_WHEN = "新增的角色须其重新登录后才可使用"


def create_question(row: counter_staff.StaffRow) -> str:
    admin = f"含管理员角色：{ADMIN_CAN}\n\n" if "admin" in row.roles else ""
    return (f"确认新建账户 {row.staff_no} {row.name}？\n\n角色：{row.role_text}\n\n{admin}"
            "该工作人员首次登录时须先修改为本人设置的密码。")


def roles_question(row: counter_staff.StaffRow, new: list[str]) -> str:
    """The account, its roles now and after; what is added and taken away, 管理员 noted when added."""
    added = [r for r in new if r not in row.roles]
    taken = [r for r in row.roles if r not in new]
    lines = [f"确认修改账户 {row.staff_no} {row.name} 的角色？", "",
             f"原角色：{row.role_text}", f"新角色：{roles_text(new)}", ""]
    if added:
        lines.append(f"新增：{roles_text(added)}")
    if taken:
        lines.append(f"取消：{roles_text(taken)}")
    lines.append("")
    if "admin" in added:
        lines += [f"新增管理员角色：{ADMIN_CAN}", ""]
    when = "；".join(w for w, yes in ((TAKEN_WHEN, taken), (ADDED_WHEN, added)) if yes)
    return "\n".join(lines) + f"\n{SIGNED_IN}{when}。"


class AccountQuestions:
    """创建账户's question and 修改角色 of StaffAdminScreen (mixed into it: the same screen, the same widgets)."""

    rows: dict[str, counter_staff.StaffRow]
    chosen: str
    ticked_for: tuple[str, tuple[str, ...]]
    query_one: Any
    call: Any
    app: Any
    env: Any
    kiosk: Any
    _refuse: Callable[[str], None]  # what is refused, in the line under the account's buttons
    _ask_then: Any  # StaffAdminScreen._ask_then: the question, then the action on the picked account
    _done: Callable[[str], Callable[[object], None]]  # said under the buttons, the list read again
    _created: Callable[[counter_staff.StaffRow], None]

    def _tick_roles(self, r: counter_staff.StaffRow | None) -> None:
        """修改角色's boxes show the picked account's roles: when another is picked, or its roles
        changed (the list read again after 修改角色); not when the list is read again after another
        action, which would undo what the admin ticked meanwhile. None picked: nothing, and no box."""
        shows = (r.staff_no, tuple(sorted(r.roles))) if r else ("", ())
        if shows == self.ticked_for:
            return
        self.ticked_for = shows
        for role in ROLE_NAMES:
            tick = self.query_one(f"#set-role-{role}", Tick)
            tick.value, tick.disabled = r is not None and role in r.roles, r is None

    def _confirm_create(self, row: counter_staff.StaffRow, form: tuple) -> None:  # type: ignore[type-arg]
        """创建账户 asked first, naming the 工号, 姓名 and roles: a stray Enter on 管理员's box ticked it
        and the next Enter made the account at once. Checked before the question (every problem by
        its field, a 工号 taken too), and again on yes."""
        def answered(yes: bool | None) -> None:
            if yes:
                self.call(counter_staff.create, self.env, self.kiosk.staff, *form, done=self._created)

        self.app.push_screen(ConfirmDialog(create_question(row), "确认创建"), callback=answered)

    def _confirm_roles(self) -> None:
        """修改角色 with the roles ticked, asked first; no role, no change and 管理员 taken from one's
        own account are said at once, in the line under the buttons (staff_roles.checked)."""
        r, staff = self.rows.get(self.chosen), self.kiosk.staff
        if r is None:
            return
        roles = [x for x in ROLE_NAMES if self.query_one(f"#set-role-{x}", Tick).value]
        try:
            new = staff_roles.checked(r.roles, roles, own=staff is not None and r.staff_no == staff.staff_no)
        except DomainError as exc:
            self._refuse(exc.message)
            return
        self._ask_then(roles_question(r, new), "确认修改角色", staff_roles.change_roles, r.staff_no, "", new,
                       done=self._roles_changed)

    def _roles_changed(self, change: staff_roles.RoleChange) -> None:
        self._done(f"账户 {change.staff_no} 的角色已改为：{change.new_text}（原为：{change.old_text}）")(None)
