"""我的机动车: the citizen's vehicles in a table, and under it all about the highlighted one,
its unhandled traffic violations included (time, place, what). After them the vehicles in another
person's name the citizen recorded (备案非本人机动车), marked 非本人, each removed with 解除备案
(asked first); an own vehicle transferred out (机动车转籍申请 finished) is marked 已转出, and a
recorded one its owner transferred out 非本人（已转出）, without its dates (备案已失效). Last, the
citizen's new vehicles not yet registered, 新车（未注册登记）, with their temporary plate and chosen
number (kiosk.ui.screens.my_vehicles_new)."""
from __future__ import annotations


from rich.console import Group
from rich.padding import Padding
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual import events
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, DataTable, Static

from ...domain.ids import mask_phone
from ...domain.errors import DomainError
from ...services import other_vehicles, profile
from ...services.new_cars import NewCarView
from ..dialogs.confirm import ConfirmDialog
from ..widgets.fit import fill_to_fit
from ..widgets.plain import PlainTable
from . import my_vehicles_new as new_car
from .records import RecordScreen

COLUMNS = ("号牌号码", "类别", "车辆类型", "品牌", "检验有效期至", "交强险至", "未处理违法", "联系电话")
# On a narrow terminal these are left out, in this order, rather than cut in half: the text under
# the table repeats them for the highlighted vehicle, and its first line says which of them it holds
# (表格未列出联系电话，见下方详情。: 周杰's 联系电话 at 100x30 was gone without a word, tester).
DROP_WHEN_NARROW = (7, 3, 2)
OWN, OTHER, MOVED = "本人", "非本人", "已转出"
OTHER_MOVED = "非本人（已转出）"  # a recorded vehicle its owner transferred out: 备案已失效
UNIT_OWN = "本单位"  # a unit account's own vehicle (单位用户)
# 登记, not 已备案: 备案 is the word of the vehicles in another person's name (备案非本人机动车)
NONE_OWN = "您名下没有已登记的机动车"
UNIT_NAME = "本单位名下"  # what a unit account (单位用户) reads for 您名下


class MyVehiclesScreen(RecordScreen):
    TITLE_TEXT = "我的机动车"

    def on_mount(self) -> None:
        self.rows: list[profile.VehicleView | NewCarView] = []
        self.others: dict[str, other_vehicles.OtherView] = {}  # plate -> a recorded vehicle of another person
        self.moved: dict = {}  # plate -> the day an own vehicle was transferred out
        self.pending: dict[str, list[str]] = {}  # plate -> what another service left it waiting for
        self.warnings: list[str] = []  # the lines in red under the count (VehiclesPage.warnings)
        self._columns: list[int] = []
        remove = Button("解除备案", id="remove-other", variant="error")
        remove.display = False  # only while a 非本人 vehicle is highlighted
        self.query_one(".buttons", Horizontal).mount(remove, before=0)
        theme = self.app.get_css_variables()
        # An overdue inspection or an expired 交强险 says （已过期） on the theme's red, also in the
        # highlighted row: the table's cursor keeps a cell's own colours (red text alone on the
        # cursor's blue was hard to read, and the cursor's style used to replace it).
        self.past = Style(bold=True, color=theme["foreground"], bgcolor=theme["error"])
        table = self.query_one(DataTable)
        table.cursor_foreground_priority = table.cursor_background_priority = "renderable"
        self.reload()

    def reload(self) -> None:
        self.call(other_vehicles.page_of, self.env, self.account_id, done=self._page)

    def _page(self, page: other_vehicles.VehiclesPage) -> None:
        self.others = {o.vehicle.plate: o for o in page.others}
        self.moved = page.transferred
        self.pending = page.pending
        self.warnings = page.warnings()
        self._loaded([*page.own, *(o.vehicle for o in page.others), *page.new])

    def _loaded(self, rows: list[profile.VehicleView | NewCarView]) -> None:
        self.rows = rows
        table = self.query_one(DataTable)
        self.show_table(bool(rows))
        if not rows:
            self.query_one("#remove-other").display = False
            self.set_status(f"{self._whose(NONE_OWN)}。")
            return
        new = sum(1 for v in rows if isinstance(v, NewCarView))
        moved = sum(1 for v in rows if not isinstance(v, NewCarView) and v.plate in self.moved)
        own = len(rows) - len(self.others) - moved - new
        gone = sum(1 for o in self.others.values() if o.moved)
        in_force = len(self.others) - gone
        others = (f"已转籍转出{moved}辆。" if moved else "") + (
            f"另备案非本人机动车{in_force}辆。" if in_force else "") + (
            f"备案的非本人机动车中{gone}辆已转出，备案已失效。" if gone else "") + (
            f"另有未注册登记的新车{new}辆。" if new else "")
        self.set_status(Text.assemble(self._whose(f"您名下共有{own}辆已登记的机动车。" if own else f"{NONE_OWN}。") + others
                                      + ("选中一辆查看详情。" if len(rows) > 1 else ""),
                                      *((f"\n{w}", "bold red") for w in self.warnings)))
        self._columns = []  # refilled: a reload after 解除备案 has other rows
        self._fill()
        table.move_cursor(row=0)
        self._show(0)
        table.focus()

    def _fill(self) -> None:
        """The rows, in the columns that fit the page's width (again after a resize, when they change,
        and the text under the table with them: what it says the table left out)."""
        before = self._columns
        self._columns = fill_to_fit(self.query_one(PlainTable), self.query_one(VerticalScroll), COLUMNS,
                                    [self._cells(v) for v in self.rows], DROP_WHEN_NARROW, self._columns)
        if before and self._columns != before:
            self._show(self.query_one(DataTable).cursor_row)

    def _left_out(self, v: profile.VehicleView | NewCarView) -> Text:
        """The line over the text of ``v`` naming the columns the table left out that ``v`` has
        something in (the text under it says them: another person's vehicle has no 联系电话 there,
        nor in the table), or nothing when there are none."""
        cells = self._cells(v)
        names = [COLUMNS[c] for c in sorted(DROP_WHEN_NARROW) if c not in self._columns and str(cells[c])]
        if not names:
            return Text()
        said = names[0] if len(names) == 1 else f"{'、'.join(names[:-1])}和{names[-1]}"
        return Text(f"表格未列出{said}，见下方详情。\n")

    def on_resize(self, event: events.Resize) -> None:
        if self.rows:
            self.call_after_refresh(self._fill)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show(event.cursor_row)

    def _show(self, index: int) -> None:
        if not 0 <= index < len(self.rows):
            return
        v = self.rows[index]
        if isinstance(v, NewCarView):
            self.query_one("#remove-other").display = False
            self.query_one("#detail", Static).update(Text.assemble(self._left_out(v), new_car.about(v, self._due)))
            return
        other = self.others.get(v.plate)
        self.query_one("#remove-other").display = other is not None
        if other is not None and other.moved:  # its dates are the new city's: not shown
            about = Text.assemble(f"{v.plate}  {v.vehicle_type}  {v.brand}（非本人机动车，所有人{other.owner}，"
                                  f"{other.recorded_at:%Y-%m-%d}备案，{other.plate_kind}）\n{other.gone}，"
                                  "可解除备案。\n",
                                  f"未处理的交通违法{v.unhandled_violations}起：" if v.violations else "未处理的交通违法：无")
        elif other is not None:
            whose = (f"{v.plate}  {v.vehicle_type}  {v.brand}（非本人机动车，所有人{other.owner}，"
                     f"{other.recorded_at:%Y-%m-%d}备案，{other.plate_kind}）\n检验有效期至：")
            about = Text.assemble(whose, self._due(v.inspection_text, v.inspection_overdue),
                                  "\n交强险有效期至：", self._due(v.insurance_text, v.insurance_expired), "\n",
                                  f"未处理的交通违法{v.unhandled_violations}起：" if v.violations else "未处理的交通违法：无")
        else:
            moved = f"（已于{self.moved[v.plate]:%Y-%m-%d}转籍转出）" if v.plate in self.moved else ""
            about = self._own_about(v, moved)
        self._detail(v, about)

    def _own_about(self, v: profile.VehicleView, moved: str) -> Text:
        """An own vehicle in full; under its name what another service left it waiting for (a 转籍
        受理中, a new number chosen by 在用车选号 to be fetched at the DMV: tester, it read as any car)."""
        return Text.assemble(
            f"{v.plate}  {v.vehicle_type}  {v.brand}{moved}\n",
            *((f"{note}。\n", "bold") for note in self.pending.get(v.plate, ())),
            f"初次登记日期：{v.registered_text}  使用性质：{v.use_nature}"
            "\n检验有效期至：", self._due(v.inspection_text, v.inspection_overdue),
            "\n交强险有效期至：", self._due(v.insurance_text, v.insurance_expired), f"\n联系电话：{mask_phone(v.phone)}\n",
            f"未处理的交通违法{v.unhandled_violations}起：" if v.violations else "未处理的交通违法：无")

    def _detail(self, v: profile.VehicleView, about: Text) -> None:
        about = Text.assemble(self._left_out(v), about)
        if not v.violations:
            self.query_one("#detail", Static).update(about)
            return
        listed = Table.grid(padding=(0, 2))  # a long place wraps inside its own column, under itself
        listed.add_column(no_wrap=True)
        listed.add_column(ratio=1, overflow="fold")
        for x in v.violations:  # Text: what was recorded is shown as it is, never as markup
            listed.add_row(f"{x.occurred_at:%Y-%m-%d %H:%M}",
                           Text(f"{x.place}\n{x.behaviour}（记{x.points}分，罚款{x.fine}元）"))
        self.query_one("#detail", Static).update(Group(about, Padding(listed, (0, 0, 0, 2))))


    def _cells(self, v: profile.VehicleView | NewCarView) -> tuple:
        if isinstance(v, NewCarView):
            return new_car.cells(v, self._due)
        other = self.others.get(v.plate)
        if other is not None and other.moved:  # no stale dates of a vehicle gone from the city
            return (v.plate, OTHER_MOVED, v.vehicle_type, v.brand, "", "", f"{v.unhandled_violations}起", "")
        kind = OTHER if other else MOVED if v.plate in self.moved else self._own
        phone = "" if other else mask_phone(v.phone)  # not another owner's
        return (v.plate, kind, v.vehicle_type, v.brand, self._due(v.inspection_text, v.inspection_overdue),
                self._due(v.insurance_text, v.insurance_expired), f"{v.unhandled_violations}起", phone)

    @property
    def _own(self) -> str:
        """What 类别 says of the account's own vehicle: 本单位 for a unit, 本人 for a person."""
        citizen = self.kiosk.citizen
        return UNIT_OWN if citizen is not None and citizen.kind == "unit" else OWN

    def _whose(self, text: str) -> str:
        """``text`` with 您名下 said 本单位名下 for a unit (as the vehicle services' own words)."""
        return text.replace("您名下", UNIT_NAME) if self._own == UNIT_OWN else text

    def _due(self, text: str, past: bool) -> Text:
        """A validity date; one that is past (it says （已过期）) on red, so it does not look like a valid one."""
        return Text(text, style=self.past if past else "")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id != "remove-other":
            super().on_button_pressed(event)
            return
        table = self.query_one(DataTable)
        row = table.cursor_row
        vehicle = self.rows[row] if 0 <= row < len(self.rows) else None
        if not isinstance(vehicle, profile.VehicleView) or vehicle.plate not in self.others:
            return
        plate = vehicle.plate

        def answered(yes: bool | None) -> None:
            if yes:
                self.call(other_vehicles.remove, self.env, self.account_id, plate, done=self._removed,
                          failed=self._not_removed)

        self.app.push_screen(ConfirmDialog(f"确定解除非本人机动车{plate}的备案吗？解除后该车不再显示在【我的机动车】中，"
                                           "如需再次备案须重新办理。", "解除备案"), callback=answered)

    def _removed(self, note: str) -> None:
        self.reload()
        self.notify(note + "。", timeout=6)

    def _not_removed(self, exc: DomainError) -> None:
        self.show_error(exc)
        self.reload()
