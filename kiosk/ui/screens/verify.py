"""Counter: the e-licence verification desk (police, insurer, car-rental). Paste or scan a code."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Input, Static

from ...domain.errors import DomainError
from ...services import counter_verify, elicence_verify
from ..base import KioskScreen
from ..widgets.field import FormField
from ..widgets.header import KioskHeader
from ..widgets.page import Page
from ..widgets.plain import Plain


NOT_QUERIED = "（二维码本身未通过检查，未查询驾驶证当前状态）"


class VerifyScreen(KioskScreen):
    def compose(self) -> ComposeResult:
        yield KioskHeader("电子驾驶证核验")
        with Page(classes="form wide"):  # a Tab stop only while it has more to show
            yield Plain("请扫描驾驶人出示的电子驾驶证二维码，或粘贴二维码内容（以DL1:或DL2:开头）。"
                        "离线核验检查签名和有效期；在线核验同时查询驾驶证当前状态。", classes="hint")
            yield FormField("payload", "二维码内容", placeholder="DL1:...", max_length=4096)
            with Horizontal(classes="buttons"):
                yield Button("离线核验", id="offline")
                yield Button("在线核验", id="online", variant="primary")
                yield Button("清除", id="clear")
                yield Button("返回", id="back")
            yield Plain("", id="verdict")
            yield Plain("", id="fields")
            yield Plain("", classes="screen-error")

    def on_mount(self) -> None:
        self.query_one("#input-payload", Input).focus()

    def on_input_submitted(self) -> None:
        self._verify(online=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        bid = event.button.id
        if bid in ("offline", "online"):
            self._verify(online=bid == "online")
        elif bid == "clear":
            self.query_one("#field-payload", FormField).value = ""
            self._show(None)
            self.query_one("#input-payload", Input).focus()  # ready for the next scan or paste
        elif bid == "back":
            self.dismiss()

    def _verify(self, *, online: bool) -> None:
        """Any new check, refused or not, first takes the last one's result off the screen."""
        if self.busy:  # a check still running: this press is ignored, its result is not cleared
            return
        self._show(None)
        text = self.query_one("#field-payload", FormField).value.strip()
        if not text:
            self.query_one("#field-payload", FormField).set_error("请扫描或粘贴二维码内容")
            return
        self.call(counter_verify.verify, self.env, self.kiosk.staff, text, online,
                  done=lambda report: self._show(report, online), failed=self._refused)

    def _refused(self, exc: DomainError) -> None:
        self.show_error(exc)
        self._ready_for_next()

    def _ready_for_next(self) -> None:
        """After each result the code checked is selected in its field, with the focus there: a
        scanner's next code (typed, then Enter) replaces it, where it was appended to it and failed
        as 格式错误 (tester). Selected, not cleared: the same code may still be checked the other way
        (离线核验 after 在线核验) or a pasted one corrected, and 清除 empties the field."""
        field = self.query_one("#input-payload", Input)
        field.focus()
        field.select_all()

    def _show(self, report: elicence_verify.Report | None, asked_online: bool = False) -> None:
        """The verdict, under the check asked for, as the audit log records it (在线核验：格式错误):
        a code refused before the online query said 离线核验 after 在线核验 was pressed; it also
        says the licence's status was then not queried."""
        verdict, fields = self.query_one("#verdict", Static), self.query_one("#fields", Static)
        if report is None:
            verdict.update("")
            fields.update("")
            return
        self._ready_for_next()
        mode = "在线核验" if asked_online or report.online else "离线核验"
        not_queried = NOT_QUERIED if asked_online and not report.online else ""
        if report.normal:
            said = ("有效", "bold green")
        elif report.valid:  # authentic, but 暂扣, 超分, 违法未处理...: not to be taken as 有效
            said = (f"证件真实，但驾驶证状态异常：{report.status}", "bold red")
        else:
            said = ("无效", "bold red")
        verdict.update(Text.assemble(said, f"  {mode}：{report.reason}{not_queried}"))
        lines = [f"{label}：{value}" for label, value in report.fields]
        if report.generated_at:
            lines.append(f"生成时间：{report.generated_at:%Y-%m-%d %H:%M:%S}")
        if report.expires_at:
            lines.append(f"有效期至：{report.expires_at:%Y-%m-%d %H:%M:%S}")
        fields.update("\n".join(lines))
