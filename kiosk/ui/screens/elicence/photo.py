"""Photo for the e-licence: 证件照上传须知 first, then 拍照 (kiosk camera) or 相册选择 (a list of
the pictures in the album folder, or a file path),
the automatic checks with a small preview of the photo (what is about to be submitted, or why it
is refused: dark, landscape...), and submission for review. Used to apply and to 换照片. Its result
step is a DoneStep's (DoneButtons: its 查看网办进度 (focused) / 返回 ignore the Enter that pressed
提交审核, repeated).

The step bar is over the page (kiosk.ui.widgets.page_column) and the 上方/下方还有内容 line under it
(kiosk.ui.widgets.more_below), as on the service forms: at 100x30 a checked album photo scrolled the
page to its result, and the bar, 请选择照片来源 and 拍照 / 相册选择 went off the top with nothing saying
so and no way back by touch (tester)."""
from __future__ import annotations

from pathlib import Path

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, ContentSwitcher, Input, OptionList, Static
from textual.widgets.option_list import Option

from ....services import elicence, elicence_photos, photos
from ...citizen_screen import CitizenScreen
from ...widgets.done_step import DoneButtons
from ...widgets.field import FormField
from ...widgets.header import KioskHeader
from ...widgets.in_view import bring_into_view
from ...widgets.stepbar import StepBar
from ...widgets.plain import Plain, plain
from ...widgets.page import Page
from ...widgets.page_column import PageColumn
from ...widgets.more_below import MoreBelow
from ...widgets.button_row import ButtonRow
from ...widgets.photo import PhotoPreview

STEPS = ["阅读须知", "拍照或相册选择", "提交结果"]
RETRY = "重新提交照片"  # on the result page of a photo turned down: this page again, from 证件照上传须知
# What to do next once the photo is turned down, as the SMS says it (elicence_review.reject), with the button
NEXT_STEP = {"apply": f"请按要求重新拍摄或选择照片后再次申领：点击【{RETRY}】。",
             "change": f"原电子驾驶证照片继续有效，可按要求重新拍摄或选择照片后重新提交：点击【{RETRY}】。"}
LEAVE_PHOTO = "选择的照片尚未提交审核，返回后不会保留。\n\n确定放弃并返回吗？"
# The preview's largest size in text cells (columns, rows): beside the check's 6 lines, 2 more
# at 80x24 (a 22:32 photo takes 11x8 cells there, 17x12 on a larger terminal).
PREVIEW_NARROW, PREVIEW_WIDE = (11, 8), (17, 12)


class PhotoScreen(DoneButtons, CitizenScreen):
    _failed_check = False  # the last photo checked was refused: its result (#ph-checked) is kept in view
    DRAFT_FIELDS = ("photo",)  # a typed path not yet used

    def __init__(self, purpose: str) -> None:
        super().__init__()
        self.purpose = purpose  # apply / change
        self.source: str | None = None
        self.path: Path | None = None
        self._serial = ""  # the application made, which 查看网办进度 opens on (DoneButtons)
        self._submitted = False  # the photo was sent to review (DoneButtons.show_done)

    def compose(self) -> ComposeResult:
        yield KioskHeader("换照片" if self.purpose == "change" else "驾驶证电子版申领")
        with PageColumn():  # the step bar stays on screen while the page scrolls, 上方/下方还有内容 under it
            yield StepBar(STEPS)
            with Page(classes="form wide"):
                with ContentSwitcher(initial="ph-notice"):
                    with Vertical(id="ph-notice"):
                        yield Plain("正在读取，请稍候。", id="ph-status", classes="hint")
                        yield Plain("", id="ph-notice-text")
                        with ButtonRow(classes="buttons"):
                            yield Button("我已阅读，继续", id="ph-agree", variant="primary", disabled=True)
                            yield Button("返回", id="back")
                    with Vertical(id="ph-take"):
                        yield Plain("请选择照片来源：拍照，或从相册选择照片文件。", classes="hint")
                        with ButtonRow(classes="buttons"):
                            yield Button("拍照", id="ph-camera", variant="primary")
                            yield Button("相册选择", id="ph-album")
                        with Vertical(id="ph-album-box", classes="hidden"):
                            yield Plain("", id="ph-album-hint", classes="hint")
                            yield OptionList(id="ph-album-list")
                            yield FormField("photo", "其他位置的照片（文件路径）", placeholder="例如 /media/usb/photo.png",
                                            max_length=300)
                            with ButtonRow(id="ph-use-row"):  # a row of its own: Down from it to 提交审核 / 返回
                                yield Button("使用该照片", id="ph-use-file")
                        with Horizontal(id="ph-checked"):
                            yield PhotoPreview(id="ph-preview")
                            yield Plain("", id="ph-check")
                        with ButtonRow(classes="buttons"):
                            yield Button("提交审核", id="ph-submit", variant="success", disabled=True)
                            yield Button("返回", id="back-2")
                    with Vertical(id="step-done"):  # DoneButtons: #result, #to-progress, #home (back to 驾驶证电子版)
                        yield Plain("", id="result")
                        with ButtonRow(classes="buttons"):  # the review is what comes next: 网办进度 has the focus
                            yield Button("查看网办进度", id="to-progress", variant="primary")
                            yield Button(RETRY, id="ph-retry", classes="hidden")  # once turned down (_offer_retry)
                            yield Button("返回", id="home")
                yield Plain("", classes="screen-error")
            yield MoreBelow()

    def on_mount(self) -> None:
        status = elicence.photo_change_status if self.purpose == "change" else elicence.apply_photo_status
        self.call(status, self.env, self.account_id, done=self._status)

    def _status(self, status: elicence.PhotoChange) -> None:
        self.query_one("#ph-status", Static).update(status.message)
        agree = self.query_one("#ph-agree", Button)
        if status.allowed:
            self.query_one("#ph-notice-text", Static).update(status.notice)
            agree.disabled = False
            agree.focus()  # Enter after reading goes on (the screen opened on 返回 while this was disabled)
        else:  # nothing to go on to (a photo in review, the 6 months): 返回 alone, not a button that does nothing
            agree.display = False

    def on_button_pressed(self, event: Button.Pressed) -> None:
        bid = event.button.id
        if bid in ("back", "back-2"):
            if self.path:  # a checked photo, not yet submitted
                self.leave(None, LEAVE_PHOTO, no="继续办理")
            else:
                self.leave()
        elif bid == "ph-agree":
            self.show_step("ph-take", 1)
        elif bid == "ph-camera":
            self.source = "camera"
            self.query_one("#ph-album-box").add_class("hidden")  # the album and a typed path no longer apply
            self.call(elicence_photos.take_photo, self.env, done=self._chosen)
        elif bid == "ph-album":
            self.call(elicence_photos.album, self.env, done=self._album)
        elif bid == "ph-use-file":
            self._use_file()
        elif bid == "ph-retry":
            self.replace_with(PhotoScreen(self.purpose))  # its 须知 and whether it may be sent again, anew
        elif bid == "ph-submit" and self.path and self.source:
            fn = elicence.change_photo if self.purpose == "change" else elicence.apply_with_photo
            self.call(fn, self.env, self.account_id, self.source, self.path, done=self._sent)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "input-photo":  # Enter in the path field does what 使用该照片 does
            self._use_file()

    def _use_file(self) -> None:
        field = self.query_one("#field-photo", FormField)
        if not field.value.strip():  # said by the field, not checked as a photo (「照片：」 and a refusal of no path)
            listed = self.query_one("#ph-album-list", OptionList).option_count
            field.set_error("请输入照片文件路径，或从上方相册中选择照片" if listed else "请输入照片文件路径，或点击【拍照】")
            field.focus_input()
            return
        field.settle()  # taken: what it leads to is now the chosen photo (or the reason it is not)
        self.source = "upload"
        self.call(elicence_photos.typed_photo, self.env, field.value, done=self._chosen)  # a bare name: the album's

    def unsaved(self) -> bool:
        """A checked photo ready for 提交审核, or a path typed and not yet used, until submitted."""
        return self.query_one(ContentSwitcher).current == "ph-take" and (self.path is not None or super().unsaved())

    def _album(self, pictures: list[photos.AlbumPhoto]) -> None:
        listed = self.query_one("#ph-album-list", OptionList)
        listed.clear_options()
        listed.add_options([Option(plain(p.label), id=str(p.path)) for p in pictures])  # the id is the picture's path
        listed.display = bool(pictures)
        if pictures:
            listed.highlighted = 0  # Enter takes the newest at once
        self.query_one("#ph-album-hint", Static).update(
            "请选择一张照片（点击或上下键选择，回车确认）：" if pictures else "相册中没有照片。可以拍照，或输入照片文件的位置。")
        self.query_one("#ph-album-box").remove_class("hidden")
        (listed if pictures else self.query_one("#input-photo")).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.source = "upload"
            self._chosen(Path(event.option.id))

    def _chosen(self, path: Path) -> None:
        self._failed_check = False
        self.query_one("#field-photo", FormField).set_error("")  # a photo chosen: no path is asked for now
        self.path = None
        self.query_one("#ph-submit", Button).disabled = True
        box = PREVIEW_NARROW if self.app.has_class("-narrow") else PREVIEW_WIDE
        if self.source == "camera":
            self.call(elicence_photos.check_photo, path, box, done=lambda check: self._checked(path, check))
        else:
            self.call(elicence_photos.check_upload, self.env, path, box,
                      done=lambda check: self._checked(path, check))

    def _checked(self, path: Path, check: photos.PhotoCheck) -> None:
        name = "刚拍摄的照片" if self.source == "camera" else path.name  # the album lists pictures by file name
        lines = [f"照片：{name}（{check.width}x{check.height}像素）" if check.width else f"照片：{name}"]
        lines += [f"  [通过] {p}" for p in check.passed] + [f"  [不符合] {p}" for p in check.problems]
        lines.append("照片符合要求，请点击【提交审核】。" if check.ok else "照片不符合要求，请重新拍照或选择照片。")
        self.query_one("#ph-check", Static).update("\n".join(lines))
        self.query_one("#ph-preview", PhotoPreview).show(check.preview)
        if check.ok:
            self.path = path
            submit = self.query_one("#ph-submit", Button)
            submit.disabled = False
            submit.focus(scroll_visible=False)  # the next Enter submits it
            # in view once the result above it is laid out (at 80x24 it pushes 提交审核 below the last row)
            self.call_after_refresh(submit.scroll_visible, animate=False)
        else:  # why not, in view (at 80x24 the preview pushed the result's last lines below the screen)
            self._failed_check = True
            self.call_after_refresh(bring_into_view, self.query_one("#ph-checked"))

    def on_key(self, event: events.Key) -> None:
        self._failed_check = False  # the citizen moves on: their keys and taps decide what is in view now

    def on_mouse_down(self, event: events.MouseDown) -> None:
        self._failed_check = False

    def on_page_resized(self, event: Page.Resized) -> None:
        """The page got shorter under a focused button (the 上方/下方还有内容 line shown under it once a
        checked photo scrolled the page): the button back in view, or 提交审核, scrolled to the page's
        foot, had its last row under that line."""
        focused = self.focused
        if self._failed_check and not event.grown:  # the refused photo's result stays the one in view: scrolling
            # the button pressed back in view hid it again, when this came after bring_into_view (a loaded machine)
            self.call_after_refresh(bring_into_view, self.query_one("#ph-checked"))
        elif not event.grown and isinstance(focused, Button) and event.page in focused.ancestors:
            self.call_after_refresh(focused.scroll_visible, animate=False)

    def _sent(self, result: elicence.ApplyResult) -> None:
        self.path = None  # submitted: nothing left to lose
        self.kiosk.show_demo_sms(self.kiosk.citizen.phone if self.kiosk.citizen else "")
        # as the seeds' 申请已提交 and the other services' result (业务已提交); the photo is in review, so
        # 查看网办进度 (primary: it has the focus) follows it, and ignores the Enter that pressed 提交审核,
        # repeated (tester)
        note = f"{elicence.REVIEW_TAIL}。" if result.status == elicence.PENDING else result.message
        self._serial = result.serial_no  # before the text that names it (show_done sets it too)
        # while 待审核 the reviewer's decision shows here when it comes (DoneButtons.follow_status)
        self.show_done(result.serial_no, self.result_text(result.status, note), 2, result.status)
        self._offer_retry()

    def result_text(self, status: str, note: str) -> str:
        """申请已提交 while in review, or once approved; a photo turned down is headed 审核不通过 and
        says what to do next, with the button to do it (tester: 申请已提交。 over 办理状态：审核不通过,
        the next step said only by the SMS)."""
        title = elicence.PHOTO_TITLE if self.purpose == "change" else elicence.APPLY_TITLE
        refused = status == elicence.REJECTED
        return (f"{'审核不通过' if refused else '申请已提交'}。\n\n业务名称：{title}\n业务流水号：{self._serial}\n"
                f"办理状态：{status}\n说明：{note}" + (f"\n\n{NEXT_STEP[self.purpose]}" if refused else ""))

    def _status_now(self, now: tuple[str, str] | None) -> None:
        super()._status_now(now)  # DoneButtons: the reviewer's decision, read while the page is in front
        self._offer_retry()

    def _offer_retry(self) -> None:
        self.query_one("#ph-retry", Button).set_class(self._status_shown != elicence.REJECTED, "hidden")
