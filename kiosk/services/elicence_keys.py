"""Which e-licence signing keys a terminal signs with and which it trusts.

Every terminal signs codes with its own Ed25519 key, kept as files in ``<data dir>/keys``
(kiosk.services.elicence_keyfiles.KeyStore). Terminals on one database trust each other's keys
without anyone copying files: a terminal registers the PUBLIC half of its key in the table
``terminal_keys`` (key id, PEM, terminal id, created_at) before the first code it signs with it
leaves the terminal, and a verifier trusts the keys in its own folder and the keys in that table.
The private key never leaves the folder.

Who can make a verifier trust a key through the table: only someone with write access to the
database. Such a person could sign codes of any content with a key of their own and have the
terminals on this database accept them; but they can already change any licence record, which an
online check (``--online``, the counter's 在线核验) reads as the truth anyway, so the table adds
no new way in. What it cannot do: a row whose key id is not the hash of its public key is
ignored, a row never overrides a key of the verifier's own folder with the same id, and no row
reaches a verifier without the database (police with exported key files trust only those files).
To stop trusting a retired terminal's key, delete its row (and its file from verifiers' folders);
a terminal that signs again registers its key again, so a stolen terminal is dealt with by
revoking its database access, not by deleting rows.

A verifier without a database (``kiosk verify`` on a laptop with only a key folder) gets the
folder's keys: a SQLite file that does not exist is not created, and a database that cannot be
read (not reachable, not migrated yet) is skipped with a line in the log.
"""
from __future__ import annotations

import logging
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from ..db.models import TERMINAL_ID_MAX
from ..db.models_elicence import TerminalKey
from ..db.session import sqlite_file
from .elicence_codec import key_id_of
from .elicence_keyfiles import KeyStore
from .env import Env

log = logging.getLogger(__name__)


_ATTEMPTS = 3
# (database url, key id) registered by this process: one check per key and process, not per code
_registered: set[tuple[str, str]] = set()


def key_store(env: Env) -> KeyStore:
    return KeyStore(env.settings.data_dir / "keys")


def public_pem(key: Ed25519PublicKey) -> str:
    return key.public_bytes(serialization.Encoding.PEM,
                            serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")


def signing_key(env: Env) -> tuple[Ed25519PrivateKey, str]:
    """(private key, key id) to sign with, its public key registered in ``terminal_keys``.

    Creates the key on first use. A key id already registered with another public key (two keys
    whose ids collide, 1 in 4 billion, or a planted row) would make every code refused elsewhere,
    so the terminal then makes itself a new key and registers that one."""
    store = key_store(env)
    for _ in range(_ATTEMPTS):
        key = store.private_key()
        kid = key_id_of(key.public_key())
        if _register(env, kid, public_pem(key.public_key())):
            return key, kid
        log.warning("e-licence key %s is registered with another public key; making a new key", kid)
        store.rotate()
    raise RuntimeError("no e-licence signing key could be registered")


def _register(env: Env, kid: str, pem: str) -> bool:
    """Add the row for ``kid`` unless it is there. False when the id is taken by another key."""
    if (env.db.url, kid) in _registered:
        return True
    for _ in range(2):  # a second try reads the row another process inserted meanwhile
        try:
            with env.db.write() as s:
                row = s.get(TerminalKey, kid)
                if row is None:
                    s.add(TerminalKey(key_id=kid, public_key=pem, terminal_id=env.terminal_id[:TERMINAL_ID_MAX],
                                      created_at=env.clock.now()))
                elif _raw(row.public_key) is None or _raw(row.public_key) != _raw(pem):
                    return False
        except IntegrityError:
            continue
        _registered.add((env.db.url, kid))
        return True
    return False


def _public_key(pem: str) -> Ed25519PublicKey | None:
    try:
        key = serialization.load_pem_public_key(pem.encode("ascii"))
    except (ValueError, TypeError, UnicodeError):
        return None
    return key if isinstance(key, Ed25519PublicKey) else None


def _raw(pem: str) -> bytes | None:
    key = _public_key(pem)
    return None if key is None else key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def registered_keys(env: Env) -> dict[str, Ed25519PublicKey]:
    """The keys of ``terminal_keys`` whose id matches their public key; {} without a database."""
    return {kid: key for kid, key, _terminal in _registered_rows(env)}


def _registered_rows(env: Env) -> list[tuple[str, Ed25519PublicKey, str]]:
    if not _database_exists(env.db.url):
        return []
    try:
        with env.db.read() as s:
            rows = s.execute(select(TerminalKey.key_id, TerminalKey.public_key, TerminalKey.terminal_id)
                             .order_by(TerminalKey.created_at, TerminalKey.key_id)).all()
    except SQLAlchemyError as exc:
        log.warning("未能读取数据库中登记的电子驾驶证公钥（%s），只信任 %s/keys 中的公钥",
                    type(exc).__name__, env.settings.data_dir)
        return []
    found = []
    for kid, pem, terminal in rows:
        key = _public_key(pem)
        if key is not None and key_id_of(key) == kid:  # a row cannot lend its key another id
            found.append((kid, key, terminal))
    return found


def export_all(env: Env, folder: Path) -> list[tuple[str, str, Path]]:
    """Write every key this terminal trusts (its folder's and the database's) as
    ``folder/<key id>.pub.pem``, for a verifier without the database (its ``<data dir>/keys``).
    -> (key id, where it came from: a terminal id, or 本终端, path) per file, in that order."""
    folder.mkdir(parents=True, exist_ok=True)
    own = key_store(env).keyring()
    keys = [(kid, key, "本终端") for kid, key in own.items()]
    keys += [row for row in _registered_rows(env) if row[0] not in own]
    written = []
    for kid, key, source in keys:
        path = folder / f"{kid}.pub.pem"
        path.write_text(public_pem(key), encoding="ascii")
        written.append((kid, source, path))
    return written


def trusted_keyring(env: Env) -> dict[str, Ed25519PublicKey]:
    """The keys a verifier accepts: the database's, then its own folder's (which win on an id)."""
    return {**registered_keys(env), **key_store(env).keyring()}


def _database_exists(url: str) -> bool:
    """False for a SQLite file that is not there: reading it would create an empty one."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return True
    path = sqlite_file(url)  # the file the driver opens
    return path.is_file() if path is not None else parsed.database == ":memory:"
