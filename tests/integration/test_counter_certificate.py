"""Counter: 打印预约凭证 for the citizen in front of the clerk (real SQLite file). The certificate is
the kiosk's (kiosk.services.certificates: same rule, same text), written to
<data dir>/certificates/<database folder>/ for the clerk's printer; audited; refused for a booking without one (not
预约成功) and for a clerk deactivated since sign-in."""
from __future__ import annotations

import os
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.db.models import AuditEntry
from kiosk.domain.errors import DomainError, StaffRevoked
from kiosk.services import audit, booking_records, certificates, counter_bookings, counter_staff
from kiosk.services.booking_submit import BookingRequest
from kiosk.services.staff import StaffSession
from tests.booking_helpers import account_id, add_learners, book, sessions

CLERK = StaffSession("J1001", "张窗口", ("counter",))
ADMIN = StaffSession("A0001", "孙管理", ("admin",))


def _priority_placed(env, p) -> int:  # type: ignore[no-untyped-def]
    """``p`` holds a 科目二 priority seat a few days ahead: 预约成功 at once, the fee not yet paid."""
    today = env.clock.now().date()
    row = sessions(env, p, 2, f"{today + timedelta(days=3)}", f"{today + timedelta(days=20)}", priority=True)[0]
    return book(env, p, BookingRequest(2, "priority", (row.id,))).booking_id


def _entries(env, action: str) -> list[AuditEntry]:  # type: ignore[no-untyped-def]
    with env.db.read() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def _done_booking(env, person) -> int:  # type: ignore[no-untyped-def]
    return next(b.id for b in booking_records.my_bookings(env, account_id(env, person), online_only=False)
                if b.status == "done")


def test_the_counter_prints_the_kiosks_certificate_and_audits_it(env):
    learner = add_learners(env, 1, permit_left_days=100)[0]
    aid = account_id(env, learner)
    bid = _priority_placed(env, learner)
    printed = counter_bookings.print_certificate(env, CLERK, aid, bid)
    assert printed.path.parent == certificates.folder_of(env)  # this database's own folder
    assert printed.path.parent.parent == Path(env.settings.data_dir) / "certificates"
    assert printed.path.name == f"exam_certificate_{printed.serial_no}.txt"
    assert printed.path.read_text(encoding="utf-8").strip() == printed.text
    assert printed.text == certificates.certificate(env, aid, bid).text  # the citizen's, word for word
    assert "科目二" in printed.text and "未缴纳" in printed.text  # paid or not, it prints
    [entry] = _entries(env, "exam_certificate_print")
    assert entry.actor == "staff:J1001" and entry.role == "counter" and entry.account_id == aid
    assert printed.serial_no in entry.detail and printed.path.name in entry.detail
    assert audit.action_name("exam_certificate_print") == "打印预约凭证"


def test_the_certificate_file_is_readable_by_the_kiosks_user_only(env):
    """A name and an exam's time and place: the folder and the file are not open to other users of
    the machine, and a file written earlier with wider rights loses them when written again."""
    learner = add_learners(env, 1, permit_left_days=100)[0]
    aid = account_id(env, learner)
    bid = _priority_placed(env, learner)
    path = certificates.certificate(env, aid, bid).path
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o077 == 0
    path.chmod(0o644)
    again = certificates.certificate(env, aid, bid).path
    assert again == path and path.stat().st_mode & 0o777 == 0o600


def test_a_booking_without_a_certificate_is_refused_and_nothing_is_written(env, people):
    learner = add_learners(env, 1, permit_left_days=100)[0]  # 科目一 done: that booking is over
    done = _done_booking(env, learner)
    with pytest.raises(DomainError, match="预约成功"):
        counter_bookings.print_certificate(env, CLERK, account_id(env, learner), done)
    p = people["permit_expiring"]  # a normal booking waits for allocation (受理中)
    today = env.clock.now().date()
    row = sessions(env, p, 2, f"{today + timedelta(days=3)}", f"{today + timedelta(days=9)}")[0]
    pending = book(env, p, BookingRequest(2, "self", (row.id,))).booking_id
    with pytest.raises(DomainError, match="预约成功"):
        counter_bookings.print_certificate(env, CLERK, account_id(env, p), pending)
    with pytest.raises(DomainError, match="未找到"):  # another citizen's booking
        counter_bookings.print_certificate(env, CLERK, account_id(env, learner), pending)
    assert not (Path(env.settings.data_dir) / "certificates").exists()
    assert _entries(env, "exam_certificate_print") == []


def test_a_deactivated_clerk_prints_nothing(env):
    learner = add_learners(env, 1, permit_left_days=100)[0]
    bid = _priority_placed(env, learner)
    counter_staff.create(env, ADMIN, "T8001", "测试员", ["counter"], "abcd1234", "123456")
    counter_staff.deactivate(env, ADMIN, "T8001")
    with pytest.raises(StaffRevoked):
        counter_bookings.print_certificate(env, StaffSession("T8001", "测试员", ("counter",)),
                                           account_id(env, learner), bid)
    assert _entries(env, "exam_certificate_print") == []
    assert [e.detail for e in _entries(env, "staff_refused")] == ["打印预约凭证（该工作人员账户已停用）"]
    assert not (Path(env.settings.data_dir) / "certificates").exists()


def test_certificate_files_older_than_30_days_are_deleted_when_another_is_written(env):
    """They hold a name and an exam: the folder does not keep every certificate ever printed. A
    newer file, and a file that is not a certificate, stay."""
    learner = add_learners(env, 1, permit_left_days=100)[0]
    aid = account_id(env, learner)
    bid = _priority_placed(env, learner)
    folder = Path(env.settings.data_dir) / "certificates"
    folder.mkdir(parents=True, exist_ok=True)
    now = time.time()
    old, recent, other = (folder / "exam_certificate_B1.txt", folder / "exam_certificate_B2.txt",
                          folder / "printer.log")
    for path, days in ((old, certificates.KEEP_DAYS + 1), (recent, certificates.KEEP_DAYS - 1),
                       (other, certificates.KEEP_DAYS + 10)):
        path.write_text("x", encoding="utf-8")
        os.utime(path, (now - days * 86_400, now - days * 86_400))
    printed = certificates.certificate(env, aid, bid)
    assert printed.path.exists() and recent.exists() and other.exists()
    assert not old.exists()
