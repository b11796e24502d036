"""Counter forms for the citizen in front of the clerk: 面签注册, 单位用户注册, 重置绑定手机号.
Each dismisses with the service's result (or None when the clerk goes back)."""
from __future__ import annotations

from functools import partial

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input

from ....domain.ids import PHONE_INPUT_LEN
from ....services import counter_accounts
from ...base import KioskScreen
from ...dialogs.confirm import ConfirmDialog
from ...widgets.field import FormField
from ...widgets.header import KioskHeader
from ...widgets.plain import Plain


class _CounterForm(KioskScreen):
    TITLE_TEXT = ""
    HINT = ""

    def fields(self) -> list[FormField]:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        yield KioskHeader(self.TITLE_TEXT)
        with VerticalScroll(classes="form wide", can_focus=False):  # no Tab stop of its own: see kiosk.tcss
            yield Plain(self.HINT, classes="hint")
            yield from self.fields()
            yield Plain("", classes="screen-error")
            with Horizontal(classes="buttons"):
                yield Button("提交", id="submit", variant="primary")
                yield Button("返回", id="back")

    def on_mount(self) -> None:
        """The first field left empty has the focus: 面签注册 opened from a lookup has 姓名 and
        身份证号码 filled, and the phone typed went into the name (tester: 高峰13923000055)."""
        inputs = list(self.query(Input))
        next((i for i in inputs if not i.value), inputs[0]).focus()

    def draft_fields(self) -> list[FormField]:
        return list(self.query(FormField))  # the whole form is the draft until 提交 succeeds

    def value(self, name: str) -> str:
        return self.query_one(f"#field-{name}", FormField).value

    def on_input_submitted(self, event: Input.Submitted) -> None:
        inputs = list(self.query(Input))
        i = inputs.index(event.input)
        if i + 1 < len(inputs):
            inputs[i + 1].focus()
        else:
            self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "submit":
            self.submit()
        elif event.button.id == "back":
            self.leave()

    def submit(self) -> None:
        raise NotImplementedError


class InPersonRegisterScreen(_CounterForm):
    TITLE_TEXT = "面签注册"
    HINT = ("请核验申请人本人有效身份证明原件，核对姓名和身份证号码后录入。面签注册无需短信验证码，"
            "注册成功后将向所填手机号发送通知。")

    def __init__(self, id_number: str = "", name: str = "") -> None:
        """``name``: the name on record for ``id_number`` (a person looked up without an account), for
        the clerk to compare with the ID card rather than type (tester)."""
        super().__init__()
        self._id_number, self._name = id_number, name

    def fields(self) -> list[FormField]:
        """Enter in a field checks it on its own before moving on (a wrong name said under 姓名 at
        once, not at 提交); in 手机号码 it submits the form."""
        return [FormField("name", "姓名", value=self._name, max_length=30, enter_moves_on=True,
                          check=partial(self._problem, "name")),
                FormField("id_number", "身份证号码", value=self._id_number, max_length=18, digits=True,
                          enter_moves_on=True, check=partial(self._problem, "id_number")),
                FormField("phone", "手机号码", max_length=PHONE_INPUT_LEN, phone=True)]

    def _problem(self, name: str, value: str) -> str:
        return counter_accounts.in_person_field_problem(self.env, name, value)

    def submit(self) -> None:
        self.call(counter_accounts.register_in_person, self.env, self.kiosk.staff, self.value("name"),
                  self.value("id_number"), self.value("phone"), done=self.dismiss)


class UnitRegisterScreen(_CounterForm):
    TITLE_TEXT = "单位用户注册"
    HINT = ("请核验营业执照（统一社会信用代码）、单位委托书和代理人身份证明原件。"
            "统一社会信用代码按GB 32100校验。")

    def __init__(self, credit_code: str = "") -> None:
        super().__init__()
        self._credit_code = credit_code

    def fields(self) -> list[FormField]:
        return [FormField("unit_name", "单位名称", max_length=100),
                FormField("credit_code", "统一社会信用代码", value=self._credit_code, max_length=18, digits=True),
                FormField("authorisation_ref", "委托书编号",
                          placeholder=f"至少{counter_accounts.AUTHORISATION_REF_MIN}个字母或数字，如：委托书（2026）第001号",
                          max_length=100),
                FormField("agent_id", "代理人身份证号码", max_length=18, digits=True),
                FormField("phone", "联系手机号码", max_length=PHONE_INPUT_LEN, phone=True)]

    def submit(self) -> None:
        self.call(counter_accounts.register_unit, self.env, self.kiosk.staff, self.value("unit_name"),
                  self.value("credit_code"), self.value("phone"), self.value("authorisation_ref"),
                  self.value("agent_id"), done=self.dismiss)


class PhoneResetScreen(_CounterForm):
    TITLE_TEXT = "重置绑定手机号"
    HINT = "申请人原绑定手机号遗失：核验身份证明原件后录入新手机号。新手机号将收到变更通知短信。"

    def __init__(self, account_id: int, name: str) -> None:
        super().__init__()
        self._account_id, self._citizen_name = account_id, name

    def fields(self) -> list[FormField]:
        return [FormField("new_phone", f"{self._citizen_name} 的新手机号码", max_length=PHONE_INPUT_LEN, phone=True)]

    def submit(self) -> None:
        """Asked first, the number read back (a mistyped one would take the citizen's codes and
        notices); a number the reset would refuse (none, the one bound now, one bound to another
        account) is said next to the field, with no question."""
        self.call(counter_accounts.check_new_phone, self.env, self.kiosk.staff, self._account_id,
                  self.value("new_phone"), done=self._ask)

    def _ask(self, phone: str) -> None:
        question = (f"确认将{self._citizen_name}的交管12123绑定手机号重置为 {phone}？\n\n"
                    "重置后验证码和通知将发送到新手机号，原手机号不再接收。")

        def answered(yes: bool | None) -> None:
            if yes:
                self.call(counter_accounts.reset_phone, self.env, self.kiosk.staff, self._account_id, phone,
                          done=self.dismiss)

        self.app.push_screen(ConfirmDialog(question, "确认重置", "返回修改"), callback=answered)
