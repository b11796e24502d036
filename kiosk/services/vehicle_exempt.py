"""免检车申领检验标志 (seed 002, section 九): the owner of a 非营运小微型载客汽车 (面包车除外)
applies online, in the 2nd, the 4th or the 8th year of registration (in the 6th and the 10th it
is inspected at a station) and within the three months before the inspection expires, for the
检验合格标志 of a vehicle exempt from on-site inspection (the rule: kiosk.domain.inspection_exempt).
Like the other vehicle documents the mark is mailed or collected; when the counter hands it over
the vehicle's inspection is valid two years on (the 4th, the 6th or the 10th anniversary)."""
from __future__ import annotations

from datetime import date

from ..db.models import Vehicle
from ..domain import inspection_exempt as rule
from ..domain.vehicle_docs import EXEMPT_MARK, INSPECTION_MARK_KINDS, MARK_WORKING_DAYS, due_text
from .env import Env
from .vehicle_docs import QualifiedDocument


def _rule_vehicle(facts: dict) -> rule.Vehicle:
    return rule.Vehicle(facts["vehicle_type"], facts["use_nature"], facts["registered_on"],
                        facts["inspection_due"], facts["insurance_due"], facts["unhandled"])


class ExemptInspectionMark(QualifiedDocument):
    kind = code_purpose = EXEMPT_MARK
    open_kinds = INSPECTION_MARK_KINDS  # not while the mark is being reissued (补领) either
    title = "免检车申领检验标志"
    document = "检验合格标志"
    verb = "申领"
    working_days = MARK_WORKING_DAYS
    intro = ("申领已备案本人机动车的检验合格标志：非营运小微型载客汽车（面包车除外）自注册登记之日起"
             "10年内免予上线检验，在第2年、第4年、第8年检验有效期满前三个月内申领检验标志（第6年、第10年须上线检验）；须交强险有效，且交通违法已处理完毕。"
             f"检验合格标志自受理之日起{MARK_WORKING_DAYS}个工作日内制作完成。")

    def vehicle_intro(self, facts: dict, today: date) -> str:
        registered = facts["registered_on"]
        since = (f"初次登记日期{registered:%Y-%m-%d}（注册登记第{rule.year_of_registration(registered, today)}年）"
                 if registered else "初次登记日期无记录")
        return (f"{self.intro}\n该车{since}，使用性质{facts['use_nature']}，"
                f"检验有效期至{due_text(facts['inspection_due'], today)}，交强险有效期至{due_text(facts['insurance_due'], today)}，"
                f"未处理的交通违法{facts['unhandled']}起。")

    def vehicle_refusals(self, facts: dict, today: date) -> list[str]:
        return rule.refusals(_rule_vehicle(facts), today)

    def handed_over(self, env: Env, vehicle: Vehicle) -> str:
        """The mark of the 2nd (4th, 8th) year: inspection valid to the 4th (6th, 10th) anniversary."""
        assert vehicle.registered_on is not None  # refusals_now refused a vehicle without one
        year = rule.window_year(vehicle.registered_on, vehicle.inspection_due, env.clock.now().date())
        vehicle.inspection_due = rule.next_due(vehicle.registered_on, year)
        return f"，检验有效期至{vehicle.inspection_due:%Y-%m-%d}"
