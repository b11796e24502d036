"""The keyed hash of one-time SMS codes (kiosk.services.codes stores only this).

HMAC-SHA256 under a secret key kept in a file of the terminal's data folder
(``keys/sms-code.key``), never in the database, with a per-code salt. A six-digit code has only a
million values, so any unkeyed hash, even a slow one such as scrypt, can be searched through by
whoever reads the table within the code's five minutes; without the key nothing can. The check
costs microseconds, which keeps booking fast on a busy hall. A code is checked by the terminal that
sent it (same data folder): each salt starts with 4 bytes derived from that terminal's key
(``_key_id``), so another terminal can tell a code it cannot check from a wrong one
(``hashed_here``).
"""
from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from functools import lru_cache
from pathlib import Path

from .env import Env
from .files import private_folder


def key_path(data_dir: Path) -> Path:
    return Path(data_dir) / "keys" / "sms-code.key"


def ensure_key(data_dir: Path) -> bytes:
    """The terminal's code key, created if missing (``kiosk db sms-key``), as sending a code would."""
    return _key(data_dir)


@lru_cache(maxsize=8)
def _key(data_dir: Path) -> bytes:
    """The terminal's code key: 32 random bytes, created on first use (mode 0600). It is written
    to a temporary file first and then linked into place, so a process starting at the same
    moment reads either no key file or the whole key, never a half-written one."""
    path = key_path(data_dir)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        private_folder(path.parent)
    tmp = path.with_name(f".sms-code.key.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(secrets.token_bytes(32))
    try:
        os.link(tmp, path)  # fails if another process published its key first: use that one
    except FileExistsError:
        pass
    finally:
        tmp.unlink()
    return path.read_bytes()


def code_hash(env: Env, code: str, salt: bytes) -> str:
    """``salt$HMAC-SHA256(key, salt + code)``, both in hex."""
    digest = hmac.new(_key(env.settings.data_dir), salt + code.encode(), hashlib.sha256).hexdigest()
    return salt.hex() + "$" + digest


def _key_id(env: Env) -> bytes:
    """4 bytes that name this terminal's key (not the key: an HMAC of a constant under it)."""
    return hmac.new(_key(env.settings.data_dir), b"sms-code key id", hashlib.sha256).digest()[:4]


def new_salt(env: Env) -> bytes:
    """16 bytes: this terminal's key id, then 12 random ones."""
    return _key_id(env) + secrets.token_bytes(12)


def hashed_here(env: Env, stored: str) -> bool:
    """Was ``stored`` made with this terminal's key (its salt starts with the key id)?"""
    return stored[:8] == _key_id(env).hex()


def matches(env: Env, code: str, stored: str) -> bool:
    """Is ``code`` the code hashed into ``stored`` (with this terminal's key)?"""
    salt_hex, _, _digest = stored.partition("$")
    try:
        salt = bytes.fromhex(salt_hex)
    except ValueError:
        return False
    return hmac.compare_digest(code_hash(env, code, salt), stored)
