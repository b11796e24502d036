"""Step 科目确认: who applies, the subjects that may be booked (a ``Choices`` list) and those that
cannot, with the reason; 返回 and 下一步 (pressed by the screen, which goes on).

Of several subjects none is chosen at first: the citizen picks one (Enter, Enter went on with the
first, a subject nobody picked). A single subject is chosen from the start. Enter on the list with
none chosen, or 下一步, says under the list how to choose, and the list keeps the focus.
"""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, RadioSet, Static

from ....services import booking_query as bq
from ...widgets.choice import Choice, Choices, nothing_chosen
from ...widgets.plain import ErrorLine, Plain, plain

NO_SUBJECT = "请先选择预约科目：按上下方向键或点击科目进行选择，再点击【下一步】"


class SubjectStep(Vertical):
    DEFAULT_CSS = """
    SubjectStep { height: auto; }
    SubjectStep #error-subject { margin: 0 0 1 0; }  /* apart from 暂不能预约的科目 under it */
    """

    def compose(self) -> ComposeResult:
        yield Plain("正在读取您的考试信息，请稍候。", id="applicant", classes="hint")
        yield Vertical(id="subject-box")
        yield ErrorLine(id="error-subject", classes="field-error")  # none chosen: how to choose
        yield Plain("", id="not-bookable")
        with Horizontal(classes="buttons -reading") as row:  # shown once the subjects are there (the wizard)
            row.display = False
            yield Button("返回", id="back")
            yield Button("下一步", id="next-subject", variant="primary", disabled=True)

    def failed(self, message: str) -> None:
        """The citizen's exam facts could not be read: why, and 返回 only."""
        self.query_one("#applicant", Static).update(message + "。请点击【返回】。")
        self.query_one("#next-subject", Button).display = False  # no 下一步 that does nothing

    async def show(self, ov: bq.Overview, chosen: int | None) -> None:
        """The subjects of ``ov``, ``chosen`` still chosen when it may still be booked (a choice
        read again keeps the citizen's pick); who applies; what cannot be booked and why."""
        box = self.query_one("#subject-box", Vertical)
        await box.remove_children()
        await box.mount_all(self._widgets(ov, chosen))
        self.query_one("#error-subject", Static).update("")
        self.query_one("#applicant", Static).update(
            f"姓名：{ov.name_masked}    身份证明号码：{ov.id_masked}    手机号码：{ov.phone_masked}\n"
            f"申请准驾车型：{ov.class_text}    {ov.permit_text}" + ("\n请选择预约科目，点击【下一步】。" if ov.bookable else ""))
        refused = [f"{o.title}：{o.reason}" for o in ov.subjects if not o.allowed]
        self.query_one("#not-bookable", Static).update(
            ("暂不能预约的科目：\n" + "\n".join(refused)) if refused else "")
        self.query_one("#next-subject", Button).disabled = not ov.bookable
        self.query_one("#next-subject", Button).display = bool(ov.bookable)  # no 下一步 that does nothing

    @staticmethod
    def _widgets(ov: bq.Overview, chosen: int | None) -> list[Widget]:
        if not ov.bookable:
            return [Plain("您目前没有可以预约的考试科目，原因如下：", classes="hint")]
        keep = chosen if any(o.subject == chosen for o in ov.bookable) else None
        if len(ov.bookable) == 1:
            keep = ov.bookable[0].subject
        return [Choices(*(Choice(plain(o.title), value=o.subject == keep, name=str(o.subject)) for o in ov.bookable),
                        id="subject")]

    @property
    def chosen(self) -> int | None:
        """The subject chosen (None: none yet, or no list: nothing can be booked)."""
        pressed = next((radio.pressed_button for radio in self.query("#subject").results(RadioSet)), None)
        return int(pressed.name) if pressed is not None and pressed.name else None

    def ask(self, message: str = NO_SUBJECT) -> None:
        """None chosen: ``message`` under the list, which has the focus."""
        lists = self.query("#subject").results(RadioSet)
        radio = next(lists, None)
        if radio is None:
            return
        line = self.query_one("#error-subject", Static)
        line.update(message)
        radio.focus(scroll_visible=False)
        self.call_after_refresh(line.scroll_visible, animate=False)

    def say(self, message: str) -> None:
        """Why the subject chosen went (预约 refused: booked on another kiosk first, no longer allowed)
        under the list, in view; the focus on the list, or on 返回 when none is left to book."""
        line = self.query_one("#error-subject", Static)
        line.update(message)
        radio = next(self.query("#subject").results(RadioSet), None)
        if radio is not None:
            radio.focus(scroll_visible=False)
        self.call_after_refresh(line.scroll_visible, animate=False)

    def on_choices_nothing_chosen(self, event: Choices.NothingChosen) -> None:
        event.stop()
        self.ask(nothing_chosen("预约科目"))

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self.query_one("#error-subject", Static).update("")  # chosen: the line that asked for it goes
