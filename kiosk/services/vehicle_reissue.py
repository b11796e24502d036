"""补换领行驶证, 补换领机动车号牌 and 补领检验合格标志 (seed 002, sections 七, 三, 八)."""
from __future__ import annotations

from datetime import date

from ..domain.errors import FormProblems
from ..domain.vehicle_docs import (INSPECTION_MARK_KINDS, LICENCE_REISSUE, LICENCE_WORKING_DAYS, MARK_REISSUE,
                                   MARK_WORKING_DAYS, OTHER, PLATE_REISSUE, PLATE_SETS, PLATE_WORKING_DAYS, REASONS,
                                   clean_choice, clean_reason, due_text, inspection_mark_refusals)
from .applications import FieldSpec, Prepared
from .vehicle_docs import QualifiedDocument, VehicleDocument


def _reason_text(clean: dict[str, str]) -> str:
    return f"{OTHER}（{clean['reason_note']}）" if clean["reason"] == OTHER else clean["reason"]


class _WithReason(VehicleDocument):
    reason_example = ""  # what 其他 might be, for this document

    def extra_fields(self) -> list[FieldSpec]:
        return [FieldSpec("reason", "申请原因", "choice"),
                FieldSpec("reason_note", "具体原因", "text", f"如：{self.reason_example}", max_len=50,
                          show_if=(("reason", OTHER),))]

    def extra_choices(self) -> dict[str, list[tuple[str, str]]]:
        return {"reason": [(r, r) for r in REASONS]}

    def clean_extra(self, form: dict[str, str], facts: dict | None, prepared: Prepared) -> dict[str, str]:
        return clean_reason(form.get("reason", ""), form.get("reason_note", ""))

    def extra_summary(self, clean: dict[str, str]) -> list[tuple[str, str]]:
        return [("申请原因", _reason_text(clean))]


class VehicleLicenceReissue(_WithReason):
    kind = code_purpose = LICENCE_REISSUE
    title = "补换领行驶证"
    document = "行驶证"
    reason_example = "行驶证被盗"
    working_days = LICENCE_WORKING_DAYS
    intro = ("补换领已备案本人机动车的行驶证：请选择机动车、申请原因和领取方式。"
             f"行驶证自受理之日起{LICENCE_WORKING_DAYS}个工作日内制作完成。")


class PlateReissue(_WithReason):
    kind = code_purpose = PLATE_REISSUE
    title = "补换领机动车号牌"
    document = "号牌"
    reason_example = "号牌被盗"
    working_days = PLATE_WORKING_DAYS
    intro = ("补换领已备案本人机动车的号牌：请选择机动车、需补换领的号牌、申请原因和领取方式。"
             f"号牌号码不变，自受理之日起{PLATE_WORKING_DAYS}个工作日内制作完成。")

    def extra_fields(self) -> list[FieldSpec]:
        return [FieldSpec("plates", "补换领的号牌", "choice"), *super().extra_fields()]

    def extra_choices(self) -> dict[str, list[tuple[str, str]]]:
        return {"plates": [(p, p) for p in PLATE_SETS], **super().extra_choices()}

    def clean_extra(self, form: dict[str, str], facts: dict | None, prepared: Prepared) -> dict[str, str]:
        problems = FormProblems()  # the plates and the reason, both told when both are missing
        plates = problems.check(clean_choice, form.get("plates", ""), PLATE_SETS, "plates", "需补换领的号牌")
        reason = problems.check(super().clean_extra, form, facts, prepared)
        problems.raise_found()
        return {"plates": plates or "", **(reason or {})}

    def extra_summary(self, clean: dict[str, str]) -> list[tuple[str, str]]:
        return [("补换领的号牌", f"{clean['plates']}（号牌号码不变）"), *super().extra_summary(clean)]

    def named(self, values: dict) -> str:
        """The plates chosen: 渝A12345的前后号牌最迟于...制作完成, 后号牌已邮寄 (the summary's 补换领的号牌;
        the result said only 号牌, tester). An application of before keeps 号牌."""
        plates = str(values.get("plates", ""))
        return plates if plates in PLATE_SETS else self.document


class InspectionMarkReissue(QualifiedDocument):
    kind = code_purpose = MARK_REISSUE
    open_kinds = INSPECTION_MARK_KINDS  # not while a 免检车 mark is being made either
    title = "补领检验合格标志"
    document = "检验合格标志"
    verb = "补领"
    working_days = MARK_WORKING_DAYS
    intro = ("补领已备案本人机动车的检验合格标志：机动车须在检验有效期内、交强险有效，"
             f"且交通违法已处理完毕。检验合格标志自受理之日起{MARK_WORKING_DAYS}个工作日内制作完成。")

    def vehicle_intro(self, facts: dict, today: date) -> str:
        return (f"{self.intro}\n该车检验有效期至{due_text(facts['inspection_due'], today)}，"
                f"交强险有效期至{due_text(facts['insurance_due'], today)}，未处理的交通违法{facts['unhandled']}起。")

    def vehicle_refusals(self, facts: dict, today: date) -> list[str]:
        return inspection_mark_refusals(today, facts["inspection_due"], facts["insurance_due"], facts["unhandled"])
