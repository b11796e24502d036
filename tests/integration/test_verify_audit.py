"""The verification desk logs every check, failed ones too, once each (kiosk.services.counter_verify)."""
from __future__ import annotations

from sqlalchemy import select

from kiosk.db.models import AuditEntry
from kiosk.services import counter_verify
from kiosk.services.staff import StaffSession
from tests.ui.test_counter import issued_code

CHECKER = StaffSession("H2001", "钱核验", ("verify",))


def _log(env) -> list[tuple]:
    with env.db.read() as s:
        return list(s.execute(select(AuditEntry.actor, AuditEntry.account_id, AuditEntry.detail)
                              .where(AuditEntry.action == "elicence_verify").order_by(AuditEntry.id)))


def test_every_check_at_the_desk_is_logged_once(env, people):
    account_id, code = issued_code(env, people["driver_normal"])
    assert counter_verify.verify(env, CHECKER, code, online=True).valid
    assert counter_verify.verify(env, CHECKER, code, online=False).valid
    forged = code[:-4] + ("AAAA" if not code.endswith("AAAA") else "BBBB")
    assert not counter_verify.verify(env, CHECKER, forged, online=True).valid
    assert not counter_verify.verify(env, CHECKER, "not a code", online=False).valid
    log = _log(env)
    assert len(log) == 4 and {a for a, _i, _d in log} == {"staff:H2001"}
    assert log[0][1] == account_id and log[0][2].endswith("在线核验：验证通过，驾驶证状态正常")
    assert log[1][1] == account_id and log[1][2].endswith("离线核验：验证通过")  # its holder named too
    assert log[2][2].startswith("在线核验：") and log[3][2].startswith("离线核验：")
    assert [i for _a, i, _d in log[2:]] == [None, None]  # a forged code names nobody


def _roles(env) -> list[tuple[str, str, bool]]:
    with env.db.read() as s:
        return [(a, r, i is not None) for a, r, i in s.execute(
            select(AuditEntry.actor, AuditEntry.role, AuditEntry.account_id)
            .where(AuditEntry.action == "elicence_verify").order_by(AuditEntry.id))]


def test_each_check_carries_the_role_the_clerk_used(env, people):
    """A 窗口 clerk's online check of a valid code was logged as 核验 (a role the clerk does not
    have) while the same clerk's other checks said 窗口; the command line has no staff: verify."""
    from kiosk.services import elicence_verify

    clerk = StaffSession("J1001", "王警官", ("counter",))
    _account_id, code = issued_code(env, people["driver_normal"])
    assert counter_verify.verify(env, clerk, code, online=True).valid  # logged by elicence_verify itself
    assert counter_verify.verify(env, clerk, code, online=False).valid
    assert not counter_verify.verify(env, clerk, "not a code", online=True).valid
    assert counter_verify.verify(env, CHECKER, code, online=True).valid
    assert elicence_verify.verify(env, code, online=True).valid  # kiosk verify --online
    assert _roles(env) == [("staff:J1001", "counter", True), ("staff:J1001", "counter", True),
                           ("staff:J1001", "counter", False), ("staff:H2001", "verify", True),
                           ("verifier:cli", "verify", True)]


def test_a_text_that_is_no_licence_code_is_said_to_be_none(env):
    """H2001 电子驾驶证核验 with hello said only 格式错误 (tester): it is no e-licence code at all."""
    for online in (False, True):
        report = counter_verify.verify(env, CHECKER, "hello", online=online)
        assert (report.valid, report.reason) == (False, "不是电子驾驶证二维码（应以DL1:或DL2:开头）")
    assert counter_verify.verify(env, CHECKER, "DL2:hello", online=False).reason == "格式错误"  # one of ours, broken
    assert [d for _a, _i, d in _log(env)][:2] == ["离线核验：不是电子驾驶证二维码（应以DL1:或DL2:开头）",
                                                   "在线核验：不是电子驾驶证二维码（应以DL1:或DL2:开头）"]


def test_an_offline_check_names_the_holder_as_an_online_one_does(env, people):
    """审计日志 showed 群众 - for an offline check (离线核验：验证通过), 5001**********1124 for the
    online check of the same code, and a search by the citizen's ID missed the offline checks
    (tester). The full code's 证号 is the holder's ID number; the compact one names the 档案编号."""
    from kiosk.domain.ids import mask_id
    from kiosk.services import counter_audit, elicence_card

    account_id, _full = issued_code(env, people["driver_normal"])
    code = elicence_card.fresh_code(env, account_id)
    for text, online in ((code.full, False), (code.compact, False), (code.full, True)):
        assert counter_verify.verify(env, CHECKER, text, online=online).valid
    log = _log(env)
    assert [i for _a, i, _d in log] == [account_id] * 3
    assert log[0][2].endswith(" 离线核验：验证通过") and log[0][2].startswith("档案编号")
    assert log[0][2].split(" ")[0] == log[1][2].split(" ")[0] == log[2][2].split(" ")[0]  # the same 档案编号
    admin = StaffSession("A0001", "管理员", ("admin",))
    found = counter_audit.search(env, admin, counter_audit.AuditFilter(citizen_id=people["driver_normal"].id_number,
                                                                      action="elicence_verify"))
    assert [r.citizen for r in found] == [mask_id(people["driver_normal"].id_number)] * 3
    assert [r.detail.split(" ")[1][:4] for r in found] == ["在线核验", "离线核验", "离线核验"]
