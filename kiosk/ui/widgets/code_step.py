"""The SMS code part of a step, the same wherever a code is asked for (登录's is its own, with the ID
above it): where the code goes (``#code-hint``), 发送验证码 (CodeButton), where it went
(``#code-sent``) and the 6-digit field, digits only. Composed by 注册, a service form's 确认并提交 and
考试预约's 确认并提交, each with the button Enter in the field presses."""
from __future__ import annotations

from collections.abc import Iterator

from textual.widget import Widget

from .code_button import CodeButton
from .field import FormField
from .plain import Plain


def code_widgets(enter_presses: str) -> Iterator[Widget]:
    yield Plain("", id="code-hint", classes="hint")
    yield CodeButton(id="send-code")
    yield Plain("", id="code-sent", classes="hint")
    yield FormField("code", "短信验证码", placeholder="6位数字", max_length=6, only_digits=True,
                    enter_presses=enter_presses)
