"""Terminals on one database trust each other's e-licence keys (each with its own data folder, as
on separate machines): a code a citizen kiosk shows passes at the counter, through the service and
``kiosk verify``; a key in neither the verifier's folder nor the database is still refused, and a
verifier without the database keeps to the key files it was given."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select, text

from kiosk.__main__ import main
from kiosk.config import Settings
from kiosk.db.models import Account, DrivingLicence
from kiosk.db.models_elicence import TerminalKey
from kiosk.services import elicence, elicence_card, elicence_keys, elicence_verify
from kiosk.services.elicence_codec import encode, key_id_of
from kiosk.services.elicence_keyfiles import KeyStore
from kiosk.services.env import Env, make_env
from tests.conftest import NOW

LIU_YANG = "500112198808240556"


def other_terminal(env: Env, folder: Path, terminal_id: str = "counter-01") -> Env:
    """Another terminal on ``env``'s database, with a data folder of its own."""
    folder.mkdir()
    return make_env(Settings(db_url=env.settings.db_url, now=NOW, terminal_id=terminal_id, data_dir=folder))


@pytest.fixture
def counter(env: Env, tmp_path: Path) -> Iterator[Env]:
    other = other_terminal(env, tmp_path / "counter")
    yield other
    other.db.dispose()


@pytest.fixture
def kiosk_code(env: Env) -> elicence_card.Code:
    """刘洋's code as the citizen kiosk ``env`` shows it, signed with the kiosk's own key."""
    account_id = elicence_card.account_for(env, LIU_YANG)
    elicence.apply_direct(env, account_id)
    return elicence_card.display(env, account_id, opening=True).code  # type: ignore[return-value]


def forged_code(env: Env, key: Ed25519PrivateKey) -> str:
    """刘洋's licence data signed with ``key`` (a key no terminal registered)."""
    with env.db.read() as s:
        lic = s.scalars(select(DrivingLicence).where(DrivingLicence.archive_no == "500100000055")).one()
        claims = elicence_card.claims_of(s.get(Account, lic.account_id), lic, env.clock.now().date())
    return encode(claims, key, key_id_of(key.public_key()), env.clock.now())


def test_the_counter_accepts_a_code_signed_by_a_kiosk_with_another_data_folder(env, counter, kiosk_code) -> None:
    assert kiosk_code.key_id not in elicence_keys.key_store(counter).keyring()  # not copied anywhere
    for code in kiosk_code.texts:
        report = elicence_verify.verify(counter, code)
        assert report.normal and report.headline.startswith("有效") and report.key_id == kiosk_code.key_id
        online = elicence_verify.verify(counter, code, online=True, verifier="staff:H2001")
        assert online.normal and online.online and ("姓名", "刘洋") in online.fields
    with counter.db.read() as s:
        row = s.get(TerminalKey, kiosk_code.key_id)
    assert (row.terminal_id, row.created_at) == ("test-kiosk", NOW)
    assert row.public_key.startswith("-----BEGIN PUBLIC KEY-----") and "PRIVATE" not in row.public_key
    assert row.public_key == elicence_keys.key_store(env).export_public_pem()


def test_the_kiosk_accepts_the_counters_codes_too(env, counter) -> None:
    account_id = elicence_card.account_for(counter, LIU_YANG)
    elicence.apply_direct(counter, account_id)
    code = elicence_card.fresh_code(counter, account_id)  # `kiosk elicence show` at the counter
    assert elicence_verify.verify(env, code.compact).normal
    with env.db.read() as s:
        assert s.get(TerminalKey, code.key_id).terminal_id == "counter-01"


def test_a_key_in_neither_the_folder_nor_the_database_is_refused(env, counter, kiosk_code, tmp_path) -> None:
    stranger = KeyStore(tmp_path / "stranger")
    forged = forged_code(env, stranger.private_key())
    for verifier in (env, counter):
        report = elicence_verify.verify(verifier, forged, online=True)
        assert not report.valid and report.reason == "未知的签发密钥" and not report.online


def test_a_row_cannot_lend_its_key_another_id(env, counter, kiosk_code) -> None:
    """A planted row under the kiosk's key id with the forger's public key: the forger's codes carry
    that id, and are refused at the counter (the row's key does not hash to its id)."""
    forger = Ed25519PrivateKey.generate()
    with env.db.write() as s:
        s.add(TerminalKey(key_id="0badc0de", public_key=elicence_keys.public_pem(forger.public_key()),
                          terminal_id="nobody", created_at=NOW))
    with env.db.read() as s:
        lic = s.scalars(select(DrivingLicence).where(DrivingLicence.archive_no == "500100000055")).one()
        claims = elicence_card.claims_of(s.get(Account, lic.account_id), lic, env.clock.now().date())
    forged = encode(claims, forger, "0badc0de", NOW)
    assert elicence_verify.verify(counter, forged).reason == "未知的签发密钥"
    assert "0badc0de" not in elicence_keys.trusted_keyring(counter)
    assert kiosk_code.key_id in elicence_keys.trusted_keyring(counter)


def test_a_key_id_taken_by_another_key_makes_the_terminal_a_new_key(env, counter) -> None:
    store = elicence_keys.key_store(env)
    taken = store.key_id  # the kiosk's key exists, not yet registered; its id is taken meanwhile
    with env.db.write() as s:
        s.add(TerminalKey(key_id=taken, public_key=elicence_keys.public_pem(Ed25519PrivateKey.generate().public_key()),
                          terminal_id="elsewhere", created_at=NOW))
    account_id = elicence_card.account_for(env, LIU_YANG)
    elicence.apply_direct(env, account_id)
    code = elicence_card.fresh_code(env, account_id)
    assert code.key_id != taken and store.key_id == code.key_id
    assert elicence_verify.verify(counter, code.full).normal


def test_a_verifier_without_the_database_trusts_the_key_files_it_was_given(env, kiosk_code, tmp_path) -> None:
    police = tmp_path / "police"
    (police / "keys").mkdir(parents=True)
    missing_db = police / "kiosk.db"
    laptop = make_env(Settings(db_url=f"sqlite:///{missing_db}", now=NOW, terminal_id="police", data_dir=police))
    try:
        assert elicence_verify.verify(laptop, kiosk_code.full).reason == "未知的签发密钥"
        (police / "keys" / "kiosk-a.pem").write_text(elicence_keys.key_store(env).export_public_pem())
        for code in kiosk_code.texts:
            assert elicence_verify.verify(laptop, code).normal
        assert not missing_db.exists()  # looking for registered keys did not create a database
    finally:
        laptop.db.dispose()


def test_a_database_not_yet_migrated_gives_the_folder_keys_only(env, counter, kiosk_code) -> None:
    with env.db.write() as s:
        s.execute(text("DROP TABLE terminal_keys"))
    assert elicence_verify.verify(counter, kiosk_code.full).reason == "未知的签发密钥"
    assert elicence_verify.verify(env, kiosk_code.full).normal  # the kiosk's own folder still counts


# kiosk verify / kiosk elicence show, each run with a terminal's own KIOSK_DATA_DIR -----------------

@pytest.fixture
def kiosk_cli(env, monkeypatch, capsys):  # type: ignore[no-untyped-def]
    def run(folder: Path, *args: str, db: str | None = env.settings.db_url) -> tuple[int, str]:
        monkeypatch.setenv("KIOSK_DATA_DIR", str(folder))
        monkeypatch.delenv("KIOSK_DATABASE_URL", raising=False)
        rc = main([*(("--db", db) if db else ()), "--now", "2026-12-01T09:00:10", *args])
        return rc, capsys.readouterr().out

    return run


def test_kiosk_verify_at_the_counter_accepts_the_kiosks_payload(env, counter, kiosk_cli, tmp_path) -> None:
    elicence.apply_direct(env, elicence_card.account_for(env, LIU_YANG))
    kiosk_dir, counter_dir = env.settings.data_dir, counter.settings.data_dir
    for profile in ("full", "compact"):
        rc, payload = kiosk_cli(kiosk_dir, "elicence", "show", LIU_YANG, "--payload-only", "--profile", profile)
        assert rc == 0
        rc, out = kiosk_cli(counter_dir, "verify", payload.strip())
        assert rc == 0 and out.startswith("有效：验证通过"), out
        rc, out = kiosk_cli(counter_dir, "verify", payload.strip(), "--online", "--json")
        assert rc == 0 and json.loads(out)["fields"]["姓名"] == "刘洋"
    forged = forged_code(env, KeyStore(tmp_path / "stranger").private_key())
    rc, out = kiosk_cli(counter_dir, "verify", forged)
    assert rc == 1 and out.startswith("无效：未知的签发密钥")


def test_kiosk_verify_offline_with_an_exported_key_file_and_no_database(env, kiosk_cli, kiosk_code,
                                                                        tmp_path) -> None:
    rc, pem = kiosk_cli(env.settings.data_dir, "elicence", "export-key")
    assert rc == 0
    police = tmp_path / "police"
    police.mkdir()
    rc, out = kiosk_cli(police, "verify", kiosk_code.full, db=None)  # default: <data dir>/kiosk.db, absent
    assert rc == 1 and out.startswith("无效：未知的签发密钥")
    (police / "keys").mkdir()
    (police / "keys" / "kiosk-a.pub.pem").write_text(pem)
    rc, out = kiosk_cli(police, "verify", kiosk_code.full, db=None)
    assert rc == 0 and out.startswith("有效：验证通过")
    assert not (police / "kiosk.db").exists()


def test_export_key_all_gives_a_verifier_without_the_database_every_terminals_key(
        env, counter, kiosk_cli, kiosk_code, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter_kid = elicence_keys.key_store(counter).key_id  # the counter's own key, not yet used
    police = tmp_path / "police"
    police.mkdir()
    rc, out = kiosk_cli(counter.settings.data_dir, "elicence", "export-key", "--all", str(police / "keys"))
    assert rc == 0
    assert out.splitlines() == [f"{counter_kid}  本终端  {police / 'keys' / counter_kid}.pub.pem",
                                f"{kiosk_code.key_id}  test-kiosk  {police / 'keys' / kiosk_code.key_id}.pub.pem"]
    assert "PRIVATE" not in "".join(p.read_text() for p in (police / "keys").iterdir())
    for code in kiosk_code.texts:
        rc, out = kiosk_cli(police, "verify", code, db=None)
        assert rc == 0 and out.startswith("有效：验证通过"), out
