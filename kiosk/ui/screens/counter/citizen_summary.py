"""为群众办理: what the screen says about the citizen looked up (the summary above the lists, the
time and site of each booking in its list) and which number typed is a unit's credit code
(面签注册 and 单位用户注册 start from it)."""
from __future__ import annotations

from datetime import date

from rich.text import Text

from ....domain.dates import format_range
from ....domain.errors import DomainError
from ....domain.ids import mask_id, mask_phone, normalize_credit_code, normalize_id_number
from ....services.booking import PERMIT_VOID
from ....services.booking_records import BookingView
from ....services.counter_citizen import CitizenFile
from ....services.profile import VehicleView


def _date(d) -> str:  # type: ignore[no-untyped-def]
    return f"{d:%Y-%m-%d}" if d else "-"


def summary_text(f: CitizenFile, void: str = "") -> Text:
    """``void``: the 5-booking limit reached (ExamOutcomes.void): the permit's date marked 已作废 and the
    sentence said under it in bold, so the clerk tells the learner to apply again."""
    if not f.found:
        return Text(f"未查询到 {f.id_number} 的记录。本人持身份证明原件到窗口的，可办理面签注册"
                    "（单位持营业执照办理单位用户注册）。")
    kind = "单位用户" if f.kind == "unit" else "个人用户"
    lines: list[str | Text] = [Text.assemble(
        (f.name, "bold"), f"  {f.id_number}  {kind}  "
        f"12123账户：{f.registered_via or '已注册' if f.registered else '未注册'}  绑定手机：{f.phone_masked}")]
    if not f.registered:
        lines.append(Text.assemble(("该群众尚未注册交管12123", "bold"), "，核验身份证明原件后可办理面签注册。"))
    if f.kind == "unit":  # a unit holds vehicles only: no licence, permit, e-licence or exam lines
        agent = mask_id(f.agent_id_number) if f.agent_id_number else "-"  # masked, as ID numbers are elsewhere
        lines.append(f"代理人：{agent}  委托书：{f.authorisation_ref or '-'}")
        return _joined([*lines, _vehicles_line(f)])
    if f.licence:
        lic = f.licence
        # the points the cycle's (licence_points.points_of); a running delay's day as the card says it
        lines.append(f"驾驶证：档案编号 {lic.archive_no}  准驾车型 {lic.classes}  状态 {lic.status_delayed or lic.status_text}  "
                     f"{lic.points_text}  有效期至 {lic.valid_to_delayed or _date(lic.valid_to)}")
        # as 变更驾驶证联系方式 left them: the clerk confirms a change (T3: only 绑定手机 was shown)
        lines.append(f"驾驶证联系方式：手机号码 {mask_phone(lic.phone) if lic.phone else '-'}  "
                     f"联系地址 {lic.address or '-'}")
    else:
        lines.append("驾驶证：无")
    if f.permit:
        p = f.permit
        lines.append(f"学习驾驶证明：{p.licence_class}  受理 {_date(p.accepted_on)}  "
                     f"核发 {_date(p.issued_on)}  有效期至 {_date(p.valid_to)}{p.age_note}{PERMIT_VOID if void else ''}")
    if void:
        lines.append(Text(f"不能预约考试：{void}", style="bold"))
    lines.append(f"电子驾驶证：{f.elicence}")
    return _joined([*lines, _vehicles_line(f)])


def time_and_site(b: BookingView, short: bool = False) -> tuple[str, str]:
    """The 考试时间 and 考场 cells. A booking waiting for allocation shows, in brief, what it asked
    for: its first session chosen (and how many) and their sites, or the range and site of 服从系统安排;
    ``short`` (when that does not fit): 待安排 and -, the line under the list says it all."""
    if short or not b.wanted:
        return b.when, b.site_name or "-"
    if b.wanted_range and not b.wanted_sessions:
        return f"待安排：{format_range(*b.wanted_range, '{:%m-%d}'.format)}", b.wanted_place
    at, n = b.wanted_sessions[0][0], len(b.wanted_sessions)
    sites = list(dict.fromkeys(name for _, name in b.wanted_sessions))
    return (f"待安排：{at:%m-%d %H:%M}" + (f"等{n}场" if n > 1 else ""),
            sites[0] + (f"等{len(sites)}处" if len(sites) > 1 else ""))


def changed_text(before: BookingView, after: BookingView) -> str:
    """What became of the booking under the clerk's cursor since the file was shown, but a
    cancellation (counter_bookings.cancelled_note says where): paid at a kiosk, placed or not by the
    allocation, its exam over."""
    if after.status == "placed" and after.fee_paid_at and not before.fee_paid_at:
        return f"该预约的考试费已由本人在自助终端缴纳，状态为{after.status_text}。"
    if before.status == "pending" and after.status == "placed":
        return f"该预约已安排考试（{after.when}  {after.site_name}），状态为{after.status_text}。"
    if after.status == "unplaced":
        return "该预约未安排考试" + (f"（{after.unplaced_reason}）" if after.unplaced_reason else "") + "。"
    return f"该预约的状态已变为{after.status_text}。"


def _vehicles_line(f: CitizenFile) -> str:
    """机动车：... (each held vehicle's dates, or 已转出) and, when there are any, the new vehicles not yet registered with their temporary
    plates (a clerk asked about a 临时号牌 finds it here) and the plate numbers chosen (新车选号,
    在用车选号), each with its car: the new car's VIN, the registered one's plate."""
    cars = "；".join(_vehicle(v, f.transferred.get(v.plate)) for v in f.vehicles)
    line = f"机动车：{cars or '无'}"
    for car in f.new_cars:
        plates = "、".join(f"{n}（{_date(a)}至{_date(b)}）" for n, a, b in car.plates)
        line += f"\n未注册新车：{car.label}  车辆识别代号 {car.vin}  临时号牌 {plates or '无'}"
    for c in f.plate_choices:
        car = f"车辆识别代号 {c.car}" if c.service == "新车选号" else f"现号牌 {c.car}"
        line += f"\n选定号牌：{c.number}  {c.service}  {car}  选号日期 {_date(c.chosen_on)}"
    return line


def _vehicle(v: VehicleView, moved: date | None) -> str:
    """One vehicle in the line: one transferred out says 已转出 and when (its dates are the new city's
    now); a held one its inspection date, and its 交强险 when that has expired, each with （已过期）."""
    if moved is not None:
        return f"{v.plate} {v.vehicle_type} 已转出（{_date(moved)}）"
    return f"{v.plate} {v.vehicle_type} 检验至{v.inspection_text}" + (
        f" 交强险至{v.insurance_text}" if v.insurance_expired else "")


def credit_code_in(typed: str) -> str:
    """The typed number as a unit's credit code, or "" when it is not one (a person's ID number is
    never put into 统一社会信用代码; a number valid as both is read as an ID number, as the lookup does)."""
    for check, is_code in ((normalize_id_number, False), (normalize_credit_code, True)):
        try:
            number = check(typed)
        except DomainError:
            continue
        return number if is_code else ""
    return ""


def _joined(lines: list[str | Text]) -> Text:
    return Text("\n").join(Text(x) if isinstance(x, str) else x for x in lines)
