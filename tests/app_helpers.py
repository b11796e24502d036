"""A 网办 service for tests of the counter's 办结 / 退办: it ends 受理中, as a document service does."""
from __future__ import annotations

from kiosk.domain.errors import DomainError
from kiosk.services import applications
from kiosk.services.applications import FieldSpec, Outcome, Prepared
from kiosk.services.catalog import SERVICES


class DocumentForTest:
    kind = "test_document"
    title = "测试补领证件"
    code_purpose = "test_document"
    finish_choices = ("已邮寄", "已在窗口领取")

    def prepare(self, session, env, account):  # type: ignore[no-untyped-def]
        return Prepared("测试", [FieldSpec("where", "领取地点")], {"where": "窗口"})

    def validate(self, form, prepared):  # type: ignore[no-untyped-def]
        return {"where": form.get("where", "")}

    def phone_to_confirm(self, clean, prepared):  # type: ignore[no-untyped-def]
        return None

    def summary(self, clean, prepared):  # type: ignore[no-untyped-def]
        return [("领取地点", clean["where"])]

    def apply(self, session, env, account, clean, prepared):  # type: ignore[no-untyped-def]
        return Outcome("受理中", "已受理，等待制证", "已受理。")

    def finish(self, session, env, app, how):  # type: ignore[no-untyped-def]
        if how == "已邮寄" and app.payload["where"] == "窗口":
            raise DomainError("申请人选择窗口领取，不能办结为已邮寄")
        return f"证件{how}"


def register_document_service(monkeypatch) -> DocumentForTest:  # type: ignore[no-untyped-def]
    service = DocumentForTest()
    monkeypatch.setitem(SERVICES, service.kind, service)
    return service


def apply_for(env, service, account_id: int, where: str = "窗口") -> str:  # type: ignore[no-untyped-def]
    return applications.submit(env, service, account_id, {"where": where}).serial_no
