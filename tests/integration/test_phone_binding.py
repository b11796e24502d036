"""One phone number is bound to one 12123 account (its sign-in codes go there): every way of binding
a phone refuses a number another account already has, with the same message; the kiosk's 注册 adds
what the citizen can do (tester: 该手机号码已绑定其他交管12123账户 alone was a dead end)."""
from __future__ import annotations

import pytest

from kiosk.domain.errors import DomainError
from kiosk.domain.ids import uscc_check_char
from kiosk.services import auth, counter_accounts, messaging
from kiosk.services.staff import StaffSession
from tests.booking_helpers import account_id

CLERK = StaffSession("J1001", "王警官", ("counter",))
TAKEN = "该手机号码已绑定其他交管12123账户"
TO_CITIZEN = TAKEN + "，请换用其他手机号码；如有疑问，请携带身份证原件到车管所窗口咨询"
NEW_UNIT = "91500000MA5U00002" + uscc_check_char("91500000MA5U00002")


def test_counter_phone_reset_refuses_a_number_bound_to_another_account(env, people) -> None:
    liu, zhou = people["driver_normal"], people["two_cars"]
    aid = account_id(env, liu)
    sent = len(messaging.outbox(env, zhou.phone))
    with pytest.raises(DomainError) as refused:
        counter_accounts.reset_phone(env, CLERK, aid, zhou.phone)
    assert (refused.value.message, refused.value.field) == (TAKEN, "new_phone")
    assert len(messaging.outbox(env, zhou.phone)) == sent  # no SMS about someone else's account


def test_registration_refuses_a_number_bound_to_another_account(env, people, last_code) -> None:
    new, bound = people["new_user"], people["driver_normal"].phone
    with pytest.raises(DomainError) as at_check:  # the kiosk says so before the face check
        auth.check_applicant(env, new.name, new.id_number, bound)
    assert (at_check.value.message, at_check.value.field) == (TO_CITIZEN, "phone")
    with pytest.raises(DomainError) as at_counter:  # 面签注册: the clerk is told the fact alone
        counter_accounts.register_in_person(env, CLERK, new.name, new.id_number, bound)
    assert at_counter.value.message == TAKEN
    applicant = auth.Applicant(new.name, new.id_number, bound)  # checked before the number was bound
    auth.face_check(env, applicant)
    auth.send_register_code(env, bound)
    with pytest.raises(DomainError) as at_kiosk:
        auth.complete_registration(env, applicant, last_code(env, bound), "face")
    assert at_kiosk.value.message == TO_CITIZEN
    with pytest.raises(DomainError) as unit:  # 单位用户注册
        counter_accounts.register_unit(env, CLERK, "重庆测试运输有限公司", NEW_UNIT, bound, "委托书001",
                                       people["driver_normal"].id_number)
    assert (unit.value.message, unit.value.field) == (TAKEN, "phone")
    done = counter_accounts.register_in_person(env, CLERK, new.name, new.id_number, new.phone)  # a free number
    assert done.phone == new.phone


def test_the_database_refuses_a_second_binding_that_slipped_past_the_check(env, people, monkeypatch) -> None:
    """Two counters binding one number at the same moment: both pass check_phone_free; the unique
    index on registered accounts' phones refuses the second, with the same message, and leaves the
    account as it was."""
    liu, zhou = people["driver_normal"], people["two_cars"]
    aid = account_id(env, liu)
    monkeypatch.setattr(auth, "check_phone_free", lambda *a, **k: None)  # as if the other binding came just after
    with pytest.raises(DomainError) as refused:
        counter_accounts.reset_phone(env, CLERK, aid, zhou.phone)
    assert (refused.value.message, refused.value.field) == (TAKEN, "new_phone")
    assert counter_accounts.reset_phone(env, CLERK, aid, "13900001111").phone == "13900001111"


def test_a_registration_that_slipped_past_the_check_is_told_what_to_do(env, people, last_code, monkeypatch) -> None:
    """The same at the kiosk's 注册: the unique index refuses, with the citizen's message."""
    new, bound = people["new_user"], people["driver_normal"].phone
    applicant = auth.Applicant(new.name, new.id_number, bound)
    auth.face_check(env, applicant)
    auth.send_register_code(env, bound)
    monkeypatch.setattr(auth, "check_phone_free", lambda *a, **k: None)
    with pytest.raises(DomainError) as refused:
        auth.complete_registration(env, applicant, last_code(env, bound), "face")
    assert (refused.value.message, refused.value.field) == (TO_CITIZEN, "phone")
