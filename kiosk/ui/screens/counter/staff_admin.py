"""工作人员账户 (管理员): list, create with roles; reset a password or a PIN, change the roles,
deactivate and reactivate; each, 创建账户 too, after a confirmation."""
from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, DataTable, Static

from ....domain.errors import DomainError
from ....domain.names import NAME_MAX
from ....services import counter_staff
from ....services.staff import ROLE_NAMES
from ...base import KioskScreen
from ...dialogs.confirm import ConfirmDialog
from ...widgets.choice import Tick
from ...widgets.field import FormField
from ...widgets.header import KioskHeader
from ...widgets.plain import ClauseLine, ErrorLine, Plain, PlainTable
from .staff_questions import AccountQuestions


ACCOUNT_FIELDS = ("reset_password", "reset_pin")  # typed for the account picked (新建账户's are not)
SIGNED_IN = "（当前登录）"  # after the 状态 of the account signed in at this counter
NOT_CHOSEN = "所选账户：未选择（在上方列表中点击一行，或移到该行按回车键）"


class SaidLine(ErrorLine):
    """What the last action did, in the line right under the buttons that made it (none while there
    is nothing to say). It was a line docked at the page's bottom: at 120x40 some 20 rows under the
    buttons, read as belonging to nothing."""

    DEFAULT_CSS = "SaidLine { height: auto; color: $text-success; text-style: bold; }"


class StaffAdminScreen(AccountQuestions, KioskScreen):
    """重置密码, 重置PIN码, 修改角色, 停用账户 and 启用账户 act only on the account the admin picked, named on
    screen; nothing is picked by default (the list's cursor starts on the first row, often the
    admin's own). A click on a row or Enter picks it; after that the pick follows the cursor, so the
    row under it is the account they act on. Once one is picked each of them can be pressed: what the account's state does not
    allow (启用 of an active one, say) is said under the fields, not by a button gone grey."""

    DRAFT_FIELDS = ("new_staff_no", "new_name", "new_password", "pin", "reset_password", "reset_pin")
    ACTIONS = ("reset", "reset-pin", "set-roles", "deactivate", "reactivate")  # on the chosen account

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, counter_staff.StaffRow] = {}
        self.chosen = ""
        self.ticked_for: tuple[str, tuple[str, ...]] = ("", ())  # the account and roles 修改角色's boxes show

    def compose(self) -> ComposeResult:
        yield KioskHeader("工作人员账户")
        with VerticalScroll(classes="form wide", can_focus=False):  # no Tab stop of its own: see kiosk.tcss
            # the picked account's part next after the list (Tab order too), the 新建账户 form after it
            yield PlainTable(id="staff-rows", cursor_type="row", select_on_click=True)  # one click picks, as Enter
            yield ClauseLine(NOT_CHOSEN, id="chosen", classes="group-title")
            with Horizontal(classes="row"):
                yield FormField("reset_password", "新密码（重置密码时填写）", max_length=64, password=True,
                                enter_presses="reset")
                yield FormField("reset_pin", "新PIN码（重置PIN码时填写，6位数字）", max_length=6, digits=True, password=True,
                                enter_presses="reset-pin")
            with Horizontal(classes="buttons"):
                yield Button("重置密码", id="reset", disabled=True)
                yield Button("重置PIN码", id="reset-pin", disabled=True)
                yield Button("停用账户", id="deactivate", variant="error", disabled=True)
                yield Button("启用账户", id="reactivate", disabled=True)
                yield Button("返回", id="back")
            # 修改角色 after them (Tab Tab from 新PIN码 is 重置PIN码 still, as a tester learnt it): the
            # picked account's roles ticked, the same boxes as 新建账户's, and its button beside them
            yield Plain("修改角色（勾选该账户的角色后按修改角色）：")
            with Horizontal(id="account-roles", classes="role-ticks"):
                for role, name in ROLE_NAMES.items():
                    yield Tick(name, id=f"set-role-{role}", disabled=True)
                yield Button("修改角色", id="set-roles", disabled=True)
            # what these buttons did, or why one was refused, in one place: the line under them all
            # (a refusal was above the buttons, what was done below); 创建账户's under its own (SaidLine)
            yield ErrorLine(classes="screen-error", id="staff-refusal")
            yield SaidLine(id="staff-message")
            yield Plain("新建账户：", classes="group-title")
            with Horizontal(classes="row"):
                yield FormField("new_staff_no", "工号", max_length=20)
                yield FormField("new_name", "姓名", max_length=NAME_MAX)
            with Horizontal(classes="row"):
                # Enter in either presses 创建账户 (it checked nothing: the error shown just went)
                yield FormField("new_password", "初始密码（至少8位，含字母和数字）", max_length=64, password=True,
                                enter_presses="create")
                yield FormField("pin", "PIN码（6位数字）", max_length=6, digits=True, password=True, enter_presses="create")
            with Horizontal(id="staff-roles", classes="role-ticks"):
                for role, name in ROLE_NAMES.items():
                    yield Tick(name, id=f"role-{role}")
            yield Plain("", classes="field-error", id="error-roles")  # 请至少选择一个角色, by the boxes
            with Horizontal(classes="buttons"):
                yield Button("创建账户", id="create", variant="primary")
            yield SaidLine(id="create-message")

    def on_mount(self) -> None:
        self.query_one("#staff-rows", DataTable).add_columns("工号", "姓名", "角色", "状态")
        self.reload()

    def reload(self, _: object = None, then: Callable[[], None] | None = None) -> None:
        """The list again; then ``then`` (once the rows are in, so what it brings into view stays there)."""
        def loaded(rows: list[counter_staff.StaffRow]) -> None:
            self._loaded(rows)
            if then is not None:
                then()

        self.call(counter_staff.list_staff, self.env, self.kiosk.staff, done=loaded)

    def _loaded(self, rows: list[counter_staff.StaffRow]) -> None:
        table = self.query_one("#staff-rows", PlainTable)
        table.clear()
        self.rows = {r.staff_no: r for r in rows}
        here = self.kiosk.staff.staff_no if self.kiosk.staff else ""
        for r in rows:  # the account signed in here is marked (it was like any other row) in 状态: after
            # 姓名 it made the list wider than 80x24 has room for, beside a 状态 of 待修改初始密码
            state = f"{r.state_text}{SIGNED_IN}" if r.staff_no == here else r.state_text
            table.add_row(r.staff_no, r.name, r.role_text, state, key=r.staff_no)
        table.measure()  # its height now: what ``then`` brings into view under it stays in view
        if self.chosen in self.rows:  # after an action the list is reloaded: the choice stays
            table.move_cursor(row=table.get_row_index(self.chosen))
        self._choose(self.chosen)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Once an account is picked, the pick follows the list's cursor: what the list shows under
        it is what the buttons act on. (Before, nothing is picked: the cursor starts on the first
        row, often the admin's own.) The row under the cursor now, not the event's: a reload moves
        the cursor to the top and back to the account picked."""
        table = event.data_table
        if not self.chosen or not table.row_count or not table.is_valid_row_index(table.cursor_row):
            return
        key = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or "")
        if key in self.rows and key != self.chosen:
            self._choose(key)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter (or a click) on an account picks it and goes to what is done with it next: 新密码,
        the first field of its part (then 新PIN码, then the buttons), for an active account; 启用账户
        for a deactivated one (its password and PIN cannot be reset). It went to 重置密码: the admin
        who then tabbed on and typed a PIN typed it into no field."""
        self._choose(str(event.row_key.value or ""))
        r = self.rows.get(self.chosen)
        if r is not None:
            self.query_one("#reactivate" if not r.active else "#input-reset_password").focus()

    def on_checkbox_changed(self, event: Tick.Changed) -> None:
        """A role ticked answers 请至少选择一个角色 (as typing in a field takes its message away)."""
        if event.value and str(event.checkbox.id).startswith("role-"):
            self.query_one("#error-roles", Static).update("")

    def _choose(self, staff_no: str) -> None:
        """``staff_no`` the account the buttons act on. When that is another account than before, what
        was typed or said for the one before goes: its 新密码 and 新PIN码 (a PIN typed for J1009 stayed,
        as ``**``, in the field of A0001 picked next), their messages, the screen's line (重置 refused
        for the account before) and what the last action did to it. 新建账户's fields are no account's:
        they stay."""
        r = self.rows.get(staff_no)
        before, self.chosen = self.chosen, staff_no if r else ""
        if before and self.chosen != before:
            self._forget_chosen()
        here = r is not None and self.kiosk.staff is not None and r.staff_no == self.kiosk.staff.staff_no
        # the account signed in here says so here too, as in the list's 状态 (正常（当前登录）); too long
        # for a line (the admin's own, 4 roles: 81 columns at 80x24), （当前登录） goes whole to the next
        self.query_one("#chosen", ClauseLine).say(
            f"所选账户：{r.staff_no} {r.name}（{r.role_text}，{r.state_text}）{SIGNED_IN if here else ''}"
            if r else NOT_CHOSEN)
        for bid in self.ACTIONS:
            self.query_one(f"#{bid}", Button).disabled = r is None
        self._tick_roles(r)

    def _forget_chosen(self) -> None:
        for name in ACCOUNT_FIELDS:
            field = self.query_one(f"#field-{name}", FormField)
            field.value = ""
            field.set_error("")
        self.query_one(".screen-error", Static).update("")
        self.query_one("#staff-message", SaidLine).update("")

    def _v(self, name: str) -> str:
        return self.query_one(f"#field-{name}", FormField).value

    def say(self, text: str, line: str = "staff-message") -> None:
        """``text`` in the line under the buttons that made it (``line``: "create-message" for
        创建账户), brought into view; "": both lines go."""
        if not text:
            for name in ("staff-message", "create-message"):
                self.query_one(f"#{name}", SaidLine).update("")
            return
        said = self.query_one(f"#{line}", SaidLine)
        said.update(text)
        self.call_after_refresh(said.scroll_visible, animate=False)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        bid, staff = event.button.id, self.kiosk.staff
        if bid != "back":
            self.say("")  # the line of the last action would pass for this one's
        if bid == "create":
            roles = [r for r in ROLE_NAMES if self.query_one(f"#role-{r}", Tick).value]
            form = (self._v("new_staff_no"), self._v("new_name"), roles, self._v("new_password"), self._v("pin"))
            self.call(counter_staff.precheck, self.env, staff, *form, done=lambda row: self._confirm_create(row, form))
        elif bid == "set-roles":
            self._confirm_roles()
        elif bid == "reset":
            self._confirm_reset("密码", "reset_password", counter_staff.check_password, counter_staff.reset_password,
                                self._reset)
        elif bid == "reset-pin":
            self._confirm_reset("PIN码", "reset_pin", counter_staff.check_pin, counter_staff.reset_pin,
                                self._pin_reset)
        elif bid == "deactivate":
            self._confirm_deactivate()
        elif bid == "reactivate":
            self._confirm_reactivate()
        elif bid == "back":
            self.leave()

    def _refuse(self, message: str) -> None:
        """What the service would refuse, said before the question is asked, not after it: in the
        line under the buttons, where what they did is said."""
        self.clear_errors()
        self.show_error(DomainError(message, "target"))
        refusal = self.query_one("#staff-refusal", ErrorLine)
        self.call_after_refresh(refusal.scroll_visible, animate=False)

    def _confirm_deactivate(self) -> None:
        """Asked first: the clerk is signed out at their next action, whatever they were doing."""
        r, chosen, staff = self.rows.get(self.chosen), self.chosen, self.kiosk.staff
        if r is None:
            return
        if staff is not None and chosen == staff.staff_no:
            self._refuse(counter_staff.OWN_ACCOUNT)
            return
        if not r.active:
            self._refuse(counter_staff.ALREADY_DEACTIVATED)
            return
        question = (f"确认停用账户 {r.staff_no} {r.name}（{r.role_text}）？\n\n"
                    "停用后该工作人员不能再登录窗口终端，正在使用的终端将在其下一步操作时退出登录。"
                    "需要时可由管理员重新启用。")
        self._ask_then(question, "确认停用", counter_staff.deactivate, chosen, f"账户 {chosen} 已停用")

    def _confirm_reactivate(self) -> None:
        """Asked first, as 停用 is: the account can sign in again."""
        r, chosen = self.rows.get(self.chosen), self.chosen
        if r is None:
            return
        if r.active:  # one's own account too: the admin signed in with it
            self._refuse(counter_staff.ALREADY_ACTIVE)
            return
        question = (f"确认启用账户 {r.staff_no} {r.name}（{r.role_text}）？\n\n"
                    "启用后该工作人员可用原密码和PIN码登录窗口终端，角色不变，连续输错次数和锁定将清除。"
                    "如已忘记密码或PIN码，启用后可重置。")
        self._ask_then(question, "确认启用", counter_staff.reactivate, chosen, f"账户 {chosen} 已启用，可用原密码登录")

    def _confirm_reset(self, what: str, field: str, check, action, done) -> None:  # type: ignore[no-untyped-def]
        """重置密码 / 重置PIN码, asked first as 停用 is: the account's old one stops working at once.
        A deactivated account or a new one the service would refuse is said before the question."""
        r, chosen = self.rows.get(self.chosen), self.chosen
        if r is None:
            return
        if not r.active:
            self._refuse(counter_staff.RESET_DEACTIVATED.format(what))
            return
        secret = self._v(field)
        try:
            check(secret, field)
        except DomainError as exc:
            self.clear_errors()
            self.show_error(exc)
            return
        used = "登录窗口终端" if field == "reset_password" else "解锁屏幕和退出自助模式"  # what a PIN is for
        then = "\n\n该工作人员下次登录时须先修改为本人设置的密码。" if field == "reset_password" else ""  # staff_password
        question = (f"确认重置账户 {r.staff_no} {r.name}（{r.role_text}）的{what}？\n\n"
                    f"重置后原{what}立即失效，该工作人员{used}须用刚填写的新{what}，"
                    f"连续输错次数和锁定将清除。请将新{what}当面告知本人。{then}")
        self._ask_then(question, f"确认重置{what}", action, chosen, "", secret, done=done)

    def _ask_then(self, question: str, yes_label: str, action, chosen: str, said: str,  # type: ignore[no-untyped-def]
                  *args: object, done=None) -> None:
        """``question`` first; on yes, ``action`` on the ``chosen`` account (with ``args``), then
        ``said`` and the list again (or ``done``)."""

        def answered(yes: bool | None) -> None:
            if yes:
                self.call(action, self.env, self.kiosk.staff, chosen, *args, done=done or self._done(said))

        self.app.push_screen(ConfirmDialog(question, yes_label), callback=answered)

    def _done(self, message: str, line: str = "staff-message"):  # type: ignore[no-untyped-def]
        """``message`` said, and brought into view again once the list is reloaded: a list grown by
        a row pushed the line under the page's edge."""
        def show(_: object) -> None:
            self.say(message, line)
            self.reload(then=lambda: self.say(message, line))
        return show

    def _created(self, row: counter_staff.StaffRow) -> None:
        """The form emptied, the focus on its first field (工号) for the next account, and what was
        created said under 创建账户, in view once the list holds the new account (it stayed one row
        under the edge at 100x30, the focus left in the emptied field Enter was pressed in)."""
        for name in ("new_staff_no", "new_name", "new_password", "pin"):
            self.query_one(f"#field-{name}", FormField).value = ""
        for r in ROLE_NAMES:
            self.query_one(f"#role-{r}", Tick).value = False
        message = f"已创建账户 {row.staff_no}（{row.role_text}），该工作人员首次登录时须先修改为本人设置的密码"
        self.say(message, "create-message")

        def ready() -> None:
            self.query_one("#input-new_staff_no").focus(scroll_visible=False)
            self.say(message, "create-message")

        self.reload(then=ready)

    def _reset(self, _: None) -> None:
        self.query_one("#field-reset_password", FormField).value = ""
        self._done(f"{self.chosen} 的密码已重置，失败次数和锁定已清除")(None)

    def _pin_reset(self, _: None) -> None:
        self.query_one("#field-reset_pin", FormField).value = ""
        self._done(f"{self.chosen} 的PIN码已重置，失败次数和锁定已清除")(None)
