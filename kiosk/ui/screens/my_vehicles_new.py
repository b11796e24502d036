"""我的机动车: a new vehicle in the citizen's name not yet registered (新车（未注册登记）), its row in the
table and its text under it: brand and model, the VIN's last 6 characters, the 交强险, the
temporary plate (申请新车临时号牌) in force or to come, and the number chosen (新车选号)."""
from __future__ import annotations

from collections.abc import Callable

from rich.text import Text

from ...domain.vehicle_docs import due_text
from ...services.new_cars import NewCarView

NEW = "新车（未注册登记）"  # its 类别
NO_PLATE = "未上牌"  # 号牌号码 of one with no temporary plate in force
UNREGISTERED = "未注册登记，请到车管所办理注册登记。"

Due = Callable[[str, bool], Text]  # a date's text, on red when past (MyVehiclesScreen._due)


def insurance_text(car: NewCarView) -> str:
    return due_text(car.insurance_due, car.today)


def cells(car: NewCarView, due: Due) -> tuple:
    """Its row: no inspection, violations or contact phone are on record before 注册登记."""
    plate = f"{car.temp_plate[0]}（临时）" if car.temp_plate and car.temp_in_force else NO_PLATE
    return (plate, NEW, car.vehicle_type, car.brand, "", due(insurance_text(car), car.insurance_expired), "", "")


def _temp_plate(car: NewCarView) -> str:
    if car.temp_plate is not None:
        number, start, end = car.temp_plate
        return f"{number}，有效期{start:%Y-%m-%d}至{end:%Y-%m-%d}" + ("" if car.temp_in_force else "（尚未生效）")
    if car.temp_issued and car.last_temp_to is not None:
        return f"无有效的临时号牌（已核发{car.temp_issued}次，最后一副已于{car.last_temp_to:%Y-%m-%d}到期）"
    return "未申请"


def about(car: NewCarView, due: Due) -> Text:
    chosen = f"{car.chosen[0]}（{car.chosen[1]}，注册登记时核发）" if car.chosen else "未选号"
    return Text.assemble(
        f"{car.brand}  {car.vehicle_type}（新车，车辆识别代号后6位{car.vin_tail}）\n"
        f"购车发票日期：{car.invoice_date:%Y-%m-%d}  交强险有效期至：", due(insurance_text(car), car.insurance_expired),
        f"\n临时号牌：{_temp_plate(car)}\n选定号牌号码：{chosen}\n", (UNREGISTERED, "bold"))
