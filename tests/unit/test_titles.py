"""An application named by its service's title says 申请 once (tester: 机动车转籍申请申请)."""
from __future__ import annotations

from datetime import date

from kiosk.domain import vehicle_transfer as vt
from kiosk.domain.licence_delay import KINDS, under_way_refusal
from kiosk.domain.titles import of_title
from kiosk.domain.vehicle_docs import open_refusal
from kiosk.services import applications


def test_of_title_adds_shen_qing_once() -> None:
    assert of_title("补换领行驶证") == "补换领行驶证申请"
    assert of_title("机动车转籍申请") == "机动车转籍申请"
    assert of_title("申请新车临时号牌") == "新车临时号牌申请"
    assert applications.of_title is of_title  # the services' name is the same helper


def test_transfer_refusal_of_an_open_transfer_says_shen_qing_once() -> None:
    ok = {"today": date(2026, 12, 3), "inspection_due": date(2027, 1, 1), "insurance_due": date(2027, 1, 1),
          "unhandled": 0}
    assert vt.vehicle_refusals(**ok, open_serial="2612030000000001", open_title="机动车转籍申请") == [
        "该车有一笔机动车转籍申请正在办理（业务流水号2612030000000001），办结后方可申请转籍"]


def test_vehicle_document_refusal_with_a_title_ending_in_shen_qing() -> None:
    assert open_refusal("渝A8D2Q7", "机动车转籍申请", "2612030000000001") == (
        "渝A8D2Q7已有一笔机动车转籍申请正在办理（业务流水号2612030000000001），办结后方可再次申请。"
        "可在【网办进度】中查询办理情况。")
    assert "有一笔机动车转籍申请正在办理" in open_refusal(
        "渝A8D2Q7", "补换领行驶证", "2612030000000001", "行驶证", "机动车转籍申请")


def test_delay_refusal_names_the_application_once() -> None:
    renewal = next(k for k in KINDS if k.status == "N")
    assert under_way_refusal(renewal, "2612030000000001").startswith(
        "您的期满换证申请（业务流水号2612030000000001）正在办理，无需延期换证。")
