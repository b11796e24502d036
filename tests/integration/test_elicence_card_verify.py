"""驾驶证电子版 services on the demo database: the card and its code, re-application after a
licence change, online verification of revoked and stale licences."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from kiosk.db.models_elicence import ElectronicLicence
from kiosk.domain.errors import DomainError
from kiosk.services import elicence, elicence_card, elicence_verify
from tests.integration.elicence_service_helpers import acc, set_licence


def test_class_change_forces_reapplication_and_old_codes_fail_online(env, people) -> None:
    a = acc(env, people, "driver_normal")
    elicence.apply_direct(env, a)
    old = elicence_card.fresh_code(env, a)
    set_licence(env, "500100000055", classes="C1E")
    for text in old.texts:
        report = elicence_verify.verify(env, text, online=True)
        assert not report.valid and "重新申领" in report.reason
        assert elicence_verify.verify(env, text).valid  # offline the signature is still fine
    o = elicence.overview(env, a)
    assert o.state == "needs_reapply" and o.reapply_reasons == ("准驾车型已变更",) and o.can_apply
    with pytest.raises(DomainError, match="重新申领"):
        elicence_card.fresh_code(env, a)
    # the card screen says it alone, in the card's place: a sentence (tester: no 。)
    assert elicence_card.display(env, a).message == "驾驶证准驾车型、有效期或发证机关已变更，需重新申领电子驾驶证。"
    env.clock.advance(seconds=5)
    assert elicence.apply_direct(env, a).issued
    new = elicence_card.fresh_code(env, a)
    assert elicence_verify.verify(env, new.full, online=True).valid
    assert elicence_verify.verify(env, new.compact, online=True).valid
    assert not elicence_verify.verify(env, old.full, online=True).valid  # still inside its 60 s


def test_a_licence_revoked_after_the_code_was_made_is_reported(env, people) -> None:
    a = acc(env, people, "driver_normal")
    elicence.apply_direct(env, a)
    code = elicence_card.fresh_code(env, a)
    set_licence(env, "500100000055", status="F")
    for text in code.texts:
        assert elicence_verify.verify(env, text).valid
        report = elicence_verify.verify(env, text, online=True)
        assert not report.valid and "吊销" in report.reason
    set_licence(env, "500100000055", status="D")  # 暂扣: genuine, shown in red
    report = elicence_verify.verify(env, code.full, online=True)
    assert report.valid and "暂扣" in report.reason and report.colour == "red"


def test_card_masks_the_number_on_the_kiosk_and_keys_live_in_files(env, people) -> None:
    a = acc(env, people, "driver_normal")
    elicence.apply_direct(env, a)
    card = dict(elicence_card.display(env, a).card.fields)
    assert card["证号"] == "5001**********0556" and card["准驾车型"] == "C1" and card["状态"] == "正常"
    assert dict(elicence_card.staff_card(env, people["driver_normal"].id_number).fields)["证号"].endswith("0556")
    code = elicence_card.fresh_code(env, a)
    assert code.expires_at - code.generated_at == timedelta(seconds=60)
    assert (env.settings.data_dir / "keys" / f"{code.key_id}.key.pem").exists()
    with env.db.read() as s:
        assert s.scalar(select(ElectronicLicence.state).where(ElectronicLicence.account_id == a)) == "issued"


def test_display_reads_card_and_code_from_one_record_and_audits_only_the_opening(env, people) -> None:
    a = acc(env, people, "driver_normal")
    elicence.apply_direct(env, a)
    shows = lambda: len(show_entries(env, a))  # noqa: E731
    opened = elicence_card.display(env, a, opening=True)
    assert opened.card is not None and opened.card.status_text == "正常" and opened.card.colour == "green"
    assert shows() == 1
    set_licence(env, "500100000055", status="D")
    again = elicence_card.display(env, a)  # the screen's refresh: not audited again
    assert shows() == 1
    assert again.card is not None and (again.card.status_text, again.card.colour) == ("暂扣", "red")
    assert dict(elicence_verify.verify(env, again.code.compact).fields)["状态"] == "暂扣"
    for status, said in (("F", "已申领的电子驾驶证不再显示"), ("L", "您的驾驶证状态异常，请联系驾驶证发证地公安交管部门"),
                         ("A", None)):
        set_licence(env, "500100000055", status=status)
        shown = elicence_card.display(env, a)
        if said is None:
            assert shown.card is not None and shown.code is not None and shown.message == ""
        else:
            assert shown.card is None and shown.code is None and said in shown.message


def show_entries(env, account_id):  # type: ignore[no-untyped-def]
    from kiosk.db.models import AuditEntry

    with env.db.read() as s:
        return list(s.scalars(select(AuditEntry.id).where(AuditEntry.account_id == account_id,
                                                          AuditEntry.action == "elicence_show")))
