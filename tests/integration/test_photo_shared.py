"""The hall's terminals share the database, not their data folders (separate machines): a photo a
kiosk stored is read from the database by the counter that reviews it, by another kiosk showing
the card, and by the online check of a code (its photo digest). PostgreSQL tester: the counter of
another machine would have shown （无法读取照片）, the other kiosk's card （无照片）."""
from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import select

from kiosk.config import ASSETS
from kiosk.db.models_elicence import PhotoFile, PhotoSubmission
from kiosk.services import counter_review, elicence, elicence_card, elicence_verify, photos
from kiosk.services.staff import StaffSession
from tests.booking_helpers import account_id
from tests.integration.test_elicence_shared_keys import other_terminal
from tests.integration.test_migrations import _downgrade

REVIEWER = StaffSession("J1002", "李审核", ("review",))
CAMERA = ASSETS / "photos" / "camera_1.png"


def _sent_then_folder_gone(env, people) -> tuple[int, str, Path]:  # type: ignore[no-untyped-def]
    """吴霞 sends a camera photo at the kiosk ``env``; then its photos folder is out of reach (on
    this machine only: the other terminals are on others). (account id, serial, stored path)"""
    aid = account_id(env, people["no_photo"])
    serial = elicence.apply_with_photo(env, aid, "camera", CAMERA).serial_no
    with env.db.read() as s:
        stored = Path(s.scalars(select(PhotoSubmission.file_path)).one())
    shutil.move(stored.parent, stored.parent.with_name("photos-elsewhere"))
    assert not stored.exists()
    return aid, serial, stored


def test_the_counter_of_another_machine_reviews_the_photo(env, people, tmp_path) -> None:
    _aid, serial, _stored = _sent_then_folder_gone(env, people)
    counter = other_terminal(env, tmp_path / "counter")
    try:
        item = next(i for i in counter_review.queue(counter, REVIEWER) if i.serial_no == serial)
        assert item.pixels and not item.failed  # the photo drawn, its checks passed
        assert "照片可以正常读取" in item.passed
    finally:
        counter.db.dispose()


def test_another_kiosk_shows_the_card_with_the_photo_and_the_counter_accepts_its_code(env, people, tmp_path) -> None:
    aid, serial, _stored = _sent_then_folder_gone(env, people)
    counter_review.approve(env, REVIEWER, serial)
    kiosk_b, counter = other_terminal(env, tmp_path / "kiosk-b", "kiosk-b"), other_terminal(env, tmp_path / "counter")
    try:
        shown = elicence_card.display(kiosk_b, aid, opening=True)
        assert shown.card is not None and shown.card.photo  # not （无照片）
        for code in shown.code.texts:  # type: ignore[union-attr]
            report = elicence_verify.verify(counter, code, online=True)
            assert report.valid, report.reason  # the same photo digest on both machines
    finally:
        kiosk_b.db.dispose()
        counter.db.dispose()


def test_read_prefers_the_file_here_and_knows_no_photo(env) -> None:
    with env.db.read() as s:
        assert photos.read(s, None) is None
        assert photos.read(s, "photos/id_card_demo.png") == (ASSETS / "photos" / "id_card_demo.png").read_bytes()
        assert photos.read(s, "/nowhere/0123.png") is None  # neither a file here nor in the database


def test_the_upgrade_copies_in_the_photos_stored_before_it(env, people) -> None:
    aid = account_id(env, people["no_photo"])
    elicence.apply_with_photo(env, aid, "camera", CAMERA)
    with env.db.read() as s:
        stored = Path(s.scalars(select(PhotoSubmission.file_path)).one())
    _downgrade(env, "0015")  # as a kiosk of the version before: the photo only in its file
    from kiosk.db.migrate import upgrade

    upgrade(env.db.engine)
    with env.db.read() as s:
        kept = s.get(PhotoFile, stored.name)
        assert kept is not None and kept.data == CAMERA.read_bytes()
