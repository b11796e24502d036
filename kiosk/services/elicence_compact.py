"""The compact QR profile ``DL2:`` for small terminals (80x24).

The full profile ``DL1:`` (kiosk.services.elicence_codec, COSE_Sign1) needs a version 10-L
code, 65 columns x 33 text lines: it cannot be drawn on an 80x24 terminal. Measured budget:
24 lines - 1 line of countdown = 23 text lines = 46 module rows, so at most 45 modules with
the 4-module quiet zone: version 5 (37 modules). A version 5-L code holds 154 alphanumeric
characters; ``DL2:`` + base45 leaves 150, i.e. 100 bytes. COSE_Sign1 alone costs 77 bytes
around a 64-byte signature, so this profile uses a fixed binary layout instead (big-endian):

  kid 4 | iat u32 (POSIX s) | ttl u16 (s) | archive_no u40 | valid_to u16 (days since
  1970-01-01, 0xFFFF = 长期) | classes u24 (bit i = CLASSES[i]) | status u24 (bit i =
  STATUS_ORDER[i]) | points u8 | name length u8 | name (GB18030, at most 10 bytes)
  | Ed25519 signature (64) over b"DL2" + all the bytes before it

That is 89 bytes without the name, at most 99 with it (153 characters: version 5-L). A name
that does not fit in 10 bytes (more than 5 common characters) is left out and the verifier
shows 请在线核验. The ID number, birth date and the rest stay in the database: ``kiosk
verify --online`` completes them. Same key ring, same reasons as the full profile.
"""
from __future__ import annotations

import struct
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import base45
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kiosk.domain.clock import epoch, from_epoch
from kiosk.domain.licence import CLASSES, STATUS_NAMES, parse_classes

from .elicence_codec import BAD_FORMAT, CLOCK_SKEW_SECONDS, EXPIRED, NOT_YET_VALID, OK, signature_problem

PREFIX = "DL2:"
MAX_NAME_BYTES = 10
NO_END = 0xFFFF
STATUS_ORDER = tuple(STATUS_NAMES)  # "A".."Z" as listed in kiosk.domain.licence
_CONTEXT = b"DL2"
_EPOCH = date(1970, 1, 1)
_SIG = 64


@dataclass(frozen=True)
class CompactClaims:
    archive_no: str
    classes: str
    status: str
    valid_to: date | None  # None = 长期
    points: int
    name: str | None = None  # None when it did not fit


@dataclass(frozen=True)
class CompactResult:
    valid: bool
    reason: str
    claims: CompactClaims | None = None
    issued_at: datetime | None = None
    expires_at: datetime | None = None
    key_id: str | None = None


def _bits(items: str | tuple[str, ...], order: tuple[str, ...]) -> int:
    value = 0
    for item in items:
        value |= 1 << order.index(item)
    return value


def _unbits(value: int, order: tuple[str, ...]) -> tuple[str, ...]:
    if value >> len(order):
        raise ValueError("unknown bit")
    return tuple(item for i, item in enumerate(order) if value >> i & 1)


def _name_bytes(name: str | None) -> bytes:
    if not name:
        return b""
    raw = name.encode("gb18030")
    return raw if len(raw) <= MAX_NAME_BYTES else b""


def _body(claims: CompactClaims, key_id: str, iat: int, ttl: int) -> bytes:
    if not (claims.archive_no.isdigit() and len(claims.archive_no) == 12):
        raise ValueError("archive_no: 12 digits")
    if not 0 < ttl <= 0xFFFF or not 0 <= claims.points <= 255:
        raise ValueError("ttl / points out of range")
    days = NO_END if claims.valid_to is None else (claims.valid_to - _EPOCH).days
    name = _name_bytes(claims.name)
    head = struct.pack(">4sIH", bytes.fromhex(key_id), iat, ttl)
    head += int(claims.archive_no).to_bytes(5, "big") + struct.pack(">H", days)
    head += _bits(parse_classes(claims.classes), CLASSES).to_bytes(3, "big")
    head += _bits(claims.status, STATUS_ORDER).to_bytes(3, "big")
    return head + bytes([claims.points, len(name)]) + name


def encode_compact(claims: CompactClaims, key: Ed25519PrivateKey, key_id: str, issued_at: datetime,
                   ttl_seconds: int = 60) -> str:
    body = _body(claims, key_id, int(epoch(issued_at)), ttl_seconds)
    return PREFIX + base45.b45encode(body + key.sign(_CONTEXT + body)).decode("ascii")


def _parse(raw: bytes) -> tuple[str, int, int, CompactClaims, bytes, bytes]:
    """-> (kid, iat, ttl, claims, signed bytes, signature); raises on anything malformed."""
    if len(raw) < 25 + _SIG:
        raise ValueError("short")
    kid, iat, ttl = struct.unpack(">4sIH", raw[:10])
    archive = int.from_bytes(raw[10:15], "big")
    (days,) = struct.unpack(">H", raw[15:17])
    classes = _unbits(int.from_bytes(raw[17:20], "big"), CLASSES)
    status = _unbits(int.from_bytes(raw[20:23], "big"), STATUS_ORDER)
    points, name_len = raw[23], raw[24]
    end = 25 + name_len
    if name_len > MAX_NAME_BYTES or len(raw) != end + _SIG or archive > 999_999_999_999:
        raise ValueError("length")
    if not classes or not status or ttl == 0:
        raise ValueError("empty field")
    name = raw[25:end].decode("gb18030") if name_len else None
    if name is not None and not (name.isprintable() and name.strip() == name and name):
        raise ValueError("name")
    valid_to = None if days == NO_END else _EPOCH + timedelta(days=days)
    claims = CompactClaims(f"{archive:012d}", "".join(classes), "".join(status), valid_to, points, name)
    return kid.hex(), iat, ttl, claims, raw[:end], raw[end:]


def decode_compact(text: str, keyring: Mapping[str, Ed25519PublicKey], now: datetime, *,
                   skew_seconds: int = CLOCK_SKEW_SECONDS) -> CompactResult:
    """Check a scanned ``DL2:`` text. Never raises; same order of checks as the full profile."""
    try:
        if not isinstance(text, str) or len(text) > 400:
            raise ValueError("not a short string")
        text = text.strip()
        if not (text.startswith(PREFIX) and text.isascii()):
            raise ValueError("prefix")
        raw = base45.b45decode(text[len(PREFIX):])
        if base45.b45encode(raw).decode("ascii") != text[len(PREFIX):]:
            raise ValueError("non-canonical")
        kid, iat, ttl, claims, signed, signature = _parse(raw)
    except Exception:  # noqa: BLE001 - hostile input of any shape
        return CompactResult(False, BAD_FORMAT)
    problem = signature_problem(keyring, kid, signature, _CONTEXT + signed)
    if problem:
        return CompactResult(False, problem, key_id=kid)
    issued_at, expires_at, now_ts = from_epoch(iat, now), from_epoch(iat + ttl, now), epoch(now)
    if iat > now_ts + skew_seconds:
        return CompactResult(False, NOT_YET_VALID, None, issued_at, expires_at, kid)
    if now_ts >= iat + ttl:
        return CompactResult(False, EXPIRED, None, issued_at, expires_at, kid)
    return CompactResult(True, OK, claims, issued_at, expires_at, kid)
