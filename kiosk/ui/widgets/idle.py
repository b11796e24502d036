"""The idle warning shown in the last seconds before a citizen's session is wiped."""
from __future__ import annotations

from textual.widgets import Static


class IdleBanner(Static):
    DEFAULT_CSS = """
    IdleBanner { dock: top; layer: overlay; width: 100%; height: 3; content-align: center middle;
                 background: $warning; color: $text; text-style: bold; }
    """

    def show_seconds(self, seconds: int) -> None:
        self.update(f"长时间无操作，{seconds}秒后将退出并返回首页。触摸屏幕或按任意键继续办理。")
