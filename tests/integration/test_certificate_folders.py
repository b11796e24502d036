"""预约凭证 files per database: 业务流水号 are numbered by each database, so two databases used under
one data folder wrote the same certificates/exam_certificate_<serial>.txt, the second certificate
over the first one's file. Each database now has its own folder under certificates/ (its name and
a short hash of its URL, the password masked); pruning still reaches every folder."""
from __future__ import annotations

import os
import time
from datetime import timedelta

from kiosk.db.models import Account
from kiosk.services import certificates, counter_bookings
from kiosk.services.booking_submit import BookingRequest
from kiosk.services.staff import StaffSession
from tests.booking_helpers import account_id, add_learners, book, sessions
from tests.conftest import _prepared_env, make_settings

CLERK = StaffSession("J1001", "张窗口", ("counter",))


def _placed(env):  # type: ignore[no-untyped-def]
    """A learner's 科目二 priority seat a few days ahead: (account id, booking id)."""
    p = add_learners(env, 1, permit_left_days=100)[0]
    today = env.clock.now().date()
    row = sessions(env, p, 2, f"{today + timedelta(days=3)}", f"{today + timedelta(days=20)}", priority=True)[0]
    return account_id(env, p), book(env, p, BookingRequest(2, "priority", (row.id,))).booking_id


def test_two_databases_in_one_data_folder_keep_each_its_own_certificate(env, _template_db):
    other = _prepared_env(make_settings(env.settings.data_dir, "other.db"), _template_db)
    try:
        first_ids = _placed(env)
        first = certificates.certificate(env, *first_ids)
        second_ids = _placed(other)
        with other.db.write() as s:  # told apart from the first one's text whatever the serials
            s.get(Account, second_ids[0]).name = "另一库考生"
        second = certificates.certificate(other, *second_ids)
        assert first.serial_no == second.serial_no  # each database numbers its own: the same 业务流水号
        assert first.path != second.path and first.path.parent.parent == second.path.parent.parent
        assert first.path.read_text(encoding="utf-8") == first.text + "\n"  # not overwritten by the second
        assert second.path.read_text(encoding="utf-8") == second.text + "\n" and "另一库考生" in second.text
        printed = counter_bookings.print_certificate(env, CLERK, *first_ids)
        assert printed.path == first.path  # the counter writes where the kiosk does, for the same database
        assert certificates.shown_path(env, printed.path) == str(printed.path.relative_to(env.settings.data_dir))
    finally:
        other.db.dispose()


def test_the_folder_is_the_databases_whatever_its_password_or_path(tmp_path):
    name = certificates.database_folder
    assert name("postgresql+psycopg://kiosk:one@db.hall/kiosk") == name("postgresql+psycopg://kiosk:two@db.hall/kiosk")
    assert name("postgresql+psycopg://kiosk:one@db.hall/kiosk").startswith("kiosk-")
    assert "one" not in name("postgresql+psycopg://kiosk:one@db.hall/kiosk")
    assert name("postgresql+psycopg://kiosk@db.hall/kiosk") != name("postgresql+psycopg://kiosk@db.other/kiosk")
    here = os.getcwd()
    try:
        os.chdir(tmp_path)
        assert name("sqlite:///k.db") == name(f"sqlite:///{tmp_path}/k.db") == name(f"sqlite:///{tmp_path}/./k.db")
    finally:
        os.chdir(here)
    assert name(f"sqlite:///{tmp_path}/k.db") != name(f"sqlite:///{tmp_path}/j.db")


def test_old_certificates_of_every_database_are_pruned(env):
    """A file older than KEEP_DAYS in another database's folder, or straight in certificates/ (written
    before the folders per database), is deleted when a certificate is written; newer ones stay."""
    root = env.settings.data_dir / "certificates"
    now = time.time()
    old_other, new_other, old_flat = (root / "other-0123abcd" / "exam_certificate_B1.txt",
                                      root / "other-0123abcd" / "exam_certificate_B2.txt",
                                      root / "exam_certificate_B3.txt")
    for path, days in ((old_other, certificates.KEEP_DAYS + 1), (new_other, 1), (old_flat, certificates.KEEP_DAYS + 5)):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
        os.utime(path, (now - days * 86_400, now - days * 86_400))
    written = certificates.certificate(env, *_placed(env))
    assert written.path.exists() and new_other.exists()
    assert not old_other.exists() and not old_flat.exists()


def test_a_chinese_database_name_is_kept_in_its_folder(tmp_path):
    """数据.db gave the folder __-089f37b6 (tester): its name is kept, as a letter is."""
    name = certificates.database_folder(f"sqlite:///{tmp_path / '数据.db'}")
    assert name.startswith("数据-") and len(name) == len("数据-") + 8
    assert certificates.database_folder(f"sqlite:///{tmp_path / 'a b.db'}").startswith("a_b-")
