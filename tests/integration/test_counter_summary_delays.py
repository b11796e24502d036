"""为群众办理's summary says a granted delay as the citizen's e-licence card and forms do (tester: 刘洋,
his 延期换证 granted to 2038-06-30, read 状态 正常 ... 有效期至 2036-10-22 alone at the counter while his
card said （延期至2038-06-30））: 延期换证 after 有效期至 (licence_delay.valid_to_text), 延期体检 and
延期审验 after the status in 状态 (licence_delay.status_delayed_text), while the delay runs."""
from __future__ import annotations

from datetime import date

from kiosk.services import applications, counter_citizen
from kiosk.services.staff import StaffSession
from kiosk.ui.screens.counter.citizen_summary import summary_text
from tests.integration.licence_helpers import DELAY_MEDICAL, DELAY_RENEWAL, account_id, licence

CLERK = StaffSession("J1001", "王警官", ("counter",))
FORM = {"reason": "服兵役", "detail": ""}


def _summary(env, person) -> str:  # type: ignore[no-untyped-def]
    return summary_text(counter_citizen.lookup(env, CLERK, person.id_number, "群众本人申请查询")).plain


def test_a_granted_renewal_delay_follows_the_expiry(env, people) -> None:
    p = people["driver_normal"]  # 刘洋: 正常 for years yet, 延期换证 open to him
    valid_to = f"有效期至 {licence(env, p).valid_to:%Y-%m-%d}"
    assert f"{valid_to}\n" in _summary(env, p)  # none granted: the date alone, as before
    applications.submit(env, DELAY_RENEWAL, account_id(env, p), {**FORM, "until": "2038-06-30"})
    said = _summary(env, p)
    assert "状态 正常" in said and f"{valid_to}（延期至2038-06-30）" in said  # as his card says it
    env.clock.advance(days=(date(2038, 7, 1) - env.clock.now().date()).days)  # the delay has run out
    assert "延期至" not in _summary(env, p)


def test_a_medical_delay_follows_its_status(env, people) -> None:
    p = people["lorry_driver"]  # 冯莉: B2, gives a 身体条件证明
    applications.submit(env, DELAY_MEDICAL, account_id(env, p), {**FORM, "until": "2028-01-01"})
    said = _summary(env, p)
    assert "状态 延期体检（延期至2028-01-01）" in said
    assert f"有效期至 {licence(env, p).valid_to:%Y-%m-%d}\n" in said  # the validity is not what it puts off
