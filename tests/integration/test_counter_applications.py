"""Counter 办结 / 退办 of a 网办 application that waits for the DMV (kiosk.services.counter_applications)."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.db.models import Application, AuditEntry, Message
from kiosk.domain.errors import DomainError, NotFound, PermissionDenied
from kiosk.services import applications, counter_applications, messaging
from kiosk.services.staff import StaffSession
from tests.app_helpers import apply_for
from tests.booking_helpers import account_id

CLERK = StaffSession("J1001", "王警官", ("counter",))
REVIEWER = StaffSession("J1002", "李审核", ("review",))


def _app(env, serial: str) -> Application:  # type: ignore[no-untyped-def]
    with env.db.read() as s:
        app = s.scalars(select(Application).where(Application.serial_no == serial)).one()
        app.events  # noqa: B018  (loaded while the session is open)
        return app


def test_finish_choices_only_for_a_waiting_catalog_service(document_service) -> None:
    assert counter_applications.finish_choices("test_document", "受理中") == ("已邮寄", "已在窗口领取")
    assert counter_applications.finish_choices("test_document", "已办结") == ()
    assert counter_applications.finish_choices("licence_contact", "受理中") == ("已办结",)  # default
    assert counter_applications.finish_choices("exam_booking", "受理中") == ()  # not a 网办 service


def test_finish_records_the_way_and_tells_the_citizen(env, people, document_service) -> None:
    acc = account_id(env, people["driver_normal"])
    serial = apply_for(env, document_service, acc, where="邮寄")
    done = counter_applications.finish(env, CLERK, acc, serial, "已邮寄")
    assert (done.status, done.note) == ("已办结", "证件已邮寄")
    app = _app(env, serial)
    assert app.status == "已办结" and [e.status for e in app.events] == ["受理中", "已办结"]
    assert app.events[-1].text == "证件已邮寄"
    with env.db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "application_finish")).one()
        bodies = list(s.scalars(select(Message.body).where(Message.account_id == acc, Message.channel == "sms")))
    assert (entry.actor, entry.role, entry.account_id) == ("staff:J1001", "counter", acc)
    assert entry.detail.endswith(f"{serial} 测试补领证件 办结：已邮寄；证件已邮寄")  # what it did, too
    assert any(serial in b and "已办结：证件已邮寄" in b for b in bodies)
    # the inbox tells the decision apart from the 受理 message by its title (tester: two rows alike)
    assert [m.title for m in messaging.inbox(env, acc)][:2] == ["测试补领证件（已办结）", "测试补领证件（受理中）"]
    with pytest.raises(DomainError, match="当前状态为已办结，无需再办理"):  # a second counter, or a second press
        counter_applications.finish(env, CLERK, acc, serial, "已邮寄")


def test_the_services_own_check_and_a_wrong_way_refuse_and_change_nothing(env, people, document_service) -> None:
    acc = account_id(env, people["driver_normal"])
    serial = apply_for(env, document_service, acc, where="窗口")
    with pytest.raises(DomainError, match="不能办结为已邮寄"):
        counter_applications.finish(env, CLERK, acc, serial, "已邮寄")
    with pytest.raises(DomainError, match="办结方式"):
        counter_applications.finish(env, CLERK, acc, serial, "已办结")
    assert _app(env, serial).status == "受理中"
    assert counter_applications.finish(env, CLERK, acc, serial, "已在窗口领取").status == "已办结"


def test_refuse_needs_a_reason_and_tells_the_citizen(env, people, document_service) -> None:
    acc = account_id(env, people["driver_normal"])
    serial = apply_for(env, document_service, acc)
    with pytest.raises(DomainError) as empty:
        counter_applications.refuse(env, CLERK, acc, serial, " ")
    assert empty.value.field == "refuse_reason"
    with pytest.raises(DomainError) as short:  # one character: the message says how many are needed
        counter_applications.refuse(env, CLERK, acc, serial, "撤")
    assert short.value.message == "请填写退办理由（至少2个字，如：申请人要求撤回）"
    done = counter_applications.refuse(env, CLERK, acc, serial, "申请人要求撤回")
    assert done.status == "已退办" and "申请人要求撤回" in done.note
    assert [v.status for v in applications.list_for(env, acc) if v.serial_no == serial] == ["已退办"]
    with env.db.read() as s:
        assert s.scalar(select(AuditEntry.detail).where(AuditEntry.action == "application_refuse")).endswith(
            "退办 理由：申请人要求撤回")
    with pytest.raises(DomainError, match="已退办"):
        counter_applications.finish(env, CLERK, acc, serial, "已在窗口领取")


def test_only_the_citizens_own_application_and_only_the_counter_role(env, people, document_service) -> None:
    acc = account_id(env, people["driver_normal"])
    other = account_id(env, people["permit_expiring"])
    serial = apply_for(env, document_service, acc)
    with pytest.raises(NotFound):
        counter_applications.finish(env, CLERK, other, serial, "已在窗口领取")
    with pytest.raises(PermissionDenied):
        counter_applications.finish(env, REVIEWER, acc, serial, "已在窗口领取")
    with pytest.raises(PermissionDenied):
        counter_applications.refuse(env, REVIEWER, acc, serial, "申请人要求撤回")
    assert _app(env, serial).status == "受理中"


def test_a_reissued_licence_is_finished_only_the_way_it_was_asked_for(env, people) -> None:
    from kiosk.services.catalog import SERVICES

    acc = account_id(env, people["driver_normal"])
    form = {"kind": "damaged", "delivery": "mail", "address": "重庆市渝北区新南路1号"}
    serial = applications.submit(env, SERVICES["licence_replace"], acc, form).serial_no
    view = next(v for v in applications.list_for(env, acc) if v.serial_no == serial)
    assert counter_applications.finish_choices(view.kind, view.status, view.payload) == ("已邮寄",)
    with pytest.raises(DomainError, match="办结方式"):
        counter_applications.finish(env, CLERK, acc, serial, "已在窗口领取")
    done = counter_applications.finish(env, CLERK, acc, serial, "已邮寄")
    assert done.status == "已办结" and "换领的驾驶证已邮寄" in done.note
