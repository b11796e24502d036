"""业务中心: the services grouped as 12123 groups them. Only services that work appear."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.widgets import Button, Static

from ...services import messaging
from ...services.catalog import GROUPS, SERVICES
from ..base import KioskScreen
from ..widgets.header import KioskHeader

# Entries that open a screen of their own rather than the generic application flow.
SCREENS = {
    "my_licence": ("我的驾驶证", "我的驾驶证"),
    "my_vehicles": ("机动车业务", "我的机动车"),
    "progress": ("网办进度", "网办进度"),
    "inbox": ("消息", "消息"),
}


class HomeScreen(KioskScreen):
    def compose(self) -> ComposeResult:
        yield KioskHeader("业务中心")
        citizen = self.kiosk.citizen
        with VerticalScroll(id="home"):
            if citizen:
                yield Static(f"您好，{citizen.name}。身份证号码 {citizen.id_masked}，绑定手机 {citizen.phone_masked}。"
                             "请选择要办理的业务：", classes="hint")
            groups: dict[str, list[tuple[str, str]]] = {}
            for group, kinds in GROUPS.items():
                groups.setdefault(group, []).extend((f"svc-{k}", SERVICES[k].title) for k in kinds)
            for key, (group, label) in SCREENS.items():
                groups.setdefault(group, []).append((f"open-{key}", label))
            order = ["驾驶证业务", "机动车业务", "我的驾驶证", "网办进度", "消息"]
            for group in sorted(groups, key=lambda g: order.index(g) if g in order else len(order)):
                yield Static(group, classes="group-title")
                with Grid(classes="group"):
                    for button_id, label in groups[group]:
                        yield Button(label, id=button_id)
            with Horizontal(classes="buttons"):
                yield Button("退出登录", id="sign-out", variant="error")

    def on_mount(self) -> None:
        self.refresh_unread()

    def on_screen_resume(self) -> None:
        self.refresh_unread()

    def refresh_unread(self) -> None:
        if self.kiosk.citizen:
            self.call(messaging.unread_count, self.env, self.kiosk.citizen.account_id, done=self._unread)

    def _unread(self, count: int) -> None:
        button = self.query_one("#open-inbox", Button)
        button.label = f"消息（{count}条未读）" if count else "消息"

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        bid = event.button.id or ""
        if bid == "sign-out":
            await self.kiosk.end_session()
            self.notify("已退出登录，欢迎再次使用", timeout=4)
        elif bid.startswith("svc-"):
            from .flow import ApplicationFlowScreen

            self.app.push_screen(ApplicationFlowScreen(SERVICES[bid.removeprefix("svc-")]))
        elif bid.startswith("open-"):
            from . import records

            self.app.push_screen(records.SCREEN_FOR[bid.removeprefix("open-")]())
