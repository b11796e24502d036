"""Signed, compact QR payload for the electronic driving licence.

In the spirit of EU DCC (HC1:) and ISO 18013-5: a real COSE_Sign1 (RFC 9052, CBOR tag 18)
signed with Ed25519, encoded in base45 (RFC 9285) behind the prefix ``DL1:``. The text uses
only the QR alphanumeric alphabet, so the QR code stays small.

COSE_Sign1 = 18([protected: bstr .cbor {1: -8 (alg EdDSA), 4: kid (4 raw bytes)},
                 unprotected: {}, payload: bstr .cbor claims, signature: bstr (64)])
The signature covers Sig_structure ["Signature1", protected, h'', payload] (RFC 9052 4.4).

Payload: a CBOR map with small integer keys (one byte each on the wire). Dates are int days
since 1970-01-01 (RFC 8943 tag-100 numbers, untagged); times are int POSIX seconds.

  1 issued_at          2 expires_at          3 archive_no (text, 12 digits)
  4 licence_no (text, the 18-char ID number)  5 name (text)
  6 sex (int, GB/T 2261.1: 1 男, 2 女)         7 nationality (text, e.g. 中国)
  8 birth_date         9 first_issue_date   10 classes (text, e.g. C1, A2D)
 11 valid_from        12 valid_to (null = 长期)  13 issuing_authority (text)
 14 status (text, codes, e.g. HI)          15 points (int)
 16 photo_hash (bytes 8..32, optional; see photo_digest)

A typical licence gives about 150 payload bytes, 230 bytes of COSE, 350 characters of text:
a version 11-12 QR code at level M (69-73 columns x 35-37 text lines).

Naive datetimes are taken as local time (the kiosk's Clock returns naive local time); the
result's datetimes have the same kind as ``now``. The signing keys are files of a folder
(kiosk.services.elicence_keyfiles.KeyStore).
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import base45
import cbor2
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kiosk.domain.clock import epoch, from_epoch
from kiosk.domain.licence import STATUS_NAMES

PREFIX = "DL1:"
MAX_TEXT = 2048  # a QR code cannot carry more alphanumeric text than 4296 chars anyway
CLOCK_SKEW_SECONDS = 30
ALG_EDDSA = -8
COSE_SIGN1_TAG = 18

OK = "验证通过"
BAD_FORMAT = "格式错误"
UNKNOWN_KEY = "未知的签发密钥"
BAD_SIGNATURE = "签名无效"
EXPIRED = "二维码已过期"
NOT_YET_VALID = "尚未生效"

_EPOCH = date(1970, 1, 1)
_SEX_CODES = {"男": 1, "女": 2}
_SEX_NAMES = {v: k for k, v in _SEX_CODES.items()}
_ARCHIVE = re.compile(r"[0-9]{12}")
_LICENCE_NO = re.compile(r"[0-9]{17}[0-9X]")
_CLASSES = re.compile(r"[A-Z][0-9]?([A-Z][0-9]?)*")


def _check(ok: object, message: str) -> None:
    if not ok:
        raise ValueError(message)


def _is_text(value: object, max_len: int) -> bool:
    return isinstance(value, str) and 0 < len(value) <= max_len and value.isprintable()


def _is_date(value: object) -> bool:
    return isinstance(value, date) and not isinstance(value, datetime)


@dataclass(frozen=True)
class LicenceClaims:
    """The licence data carried by the QR code. Validated on construction (ValueError)."""

    archive_no: str
    licence_no: str
    name: str
    sex: str  # 男 / 女
    nationality: str
    birth_date: date
    first_issue_date: date
    classes: str
    valid_from: date
    valid_to: date | None  # None = 长期
    issuing_authority: str
    status: str
    points: int
    photo_hash: bytes | None = None

    def __post_init__(self) -> None:
        _check(isinstance(self.archive_no, str) and _ARCHIVE.fullmatch(self.archive_no), "archive_no: 12 digits")
        _check(isinstance(self.licence_no, str) and _LICENCE_NO.fullmatch(self.licence_no), "licence_no: ID number")
        _check(_is_text(self.name, 64) and _is_text(self.nationality, 32), "name / nationality: text")
        _check(_is_text(self.issuing_authority, 64), "issuing_authority: text")
        _check(self.sex in _SEX_CODES, "sex: 男 or 女")
        _check(_is_text(self.classes, 32) and _CLASSES.fullmatch(self.classes), "classes: e.g. C1")
        _check(_is_text(self.status, 20) and all(c in STATUS_NAMES for c in self.status), "status: codes")
        _check(all(map(_is_date, (self.birth_date, self.first_issue_date, self.valid_from))), "dates: date")
        _check(self.valid_to is None or _is_date(self.valid_to), "valid_to: date or None")
        _check(type(self.points) is int and 0 <= self.points <= 255, "points: 0..255")
        _check(self.photo_hash is None or (isinstance(self.photo_hash, bytes) and 8 <= len(self.photo_hash) <= 32),
               "photo_hash: 8..32 bytes")


def photo_digest(image_bytes: bytes) -> bytes:
    """The value for ``photo_hash``: the first 16 bytes of SHA-256 of the photo file."""
    return hashlib.sha256(image_bytes).digest()[:16]


@dataclass(frozen=True)
class VerifyResult:
    valid: bool
    reason: str  # Chinese, one of the constants above
    claims: LicenceClaims | None = None  # only when valid
    issued_at: datetime | None = None  # known once the signature checked out
    expires_at: datetime | None = None
    key_id: str | None = None


# ---------------------------------------------------------------- encoding
def _days(d: date | None) -> int | None:
    return None if d is None else (d - _EPOCH).days


def _from_days(value: object) -> date:
    _check(type(value) is int and -60000 <= value <= 120000, "bad day number")  # type: ignore[operator]
    return _EPOCH + timedelta(days=value)  # type: ignore[arg-type]


_SAME = (lambda v: v, lambda v: v)
_DAYS = (_days, _from_days)
# claim name -> (CBOR key, (to wire, from wire))
_FIELDS = {
    "archive_no": (3, _SAME), "licence_no": (4, _SAME), "name": (5, _SAME),
    "sex": (6, (_SEX_CODES.__getitem__, _SEX_NAMES.__getitem__)), "nationality": (7, _SAME),
    "birth_date": (8, _DAYS), "first_issue_date": (9, _DAYS), "classes": (10, _SAME),
    "valid_from": (11, _DAYS), "valid_to": (12, (_days, lambda v: None if v is None else _from_days(v))),
    "issuing_authority": (13, _SAME), "status": (14, _SAME), "points": (15, _SAME), "photo_hash": (16, _SAME),
}
_REQUIRED_KEYS = set(range(1, 16))
_ALL_KEYS = set(range(1, 17))


def _claims_map(claims: LicenceClaims, iat: int, exp: int) -> dict[int, object]:
    m: dict[int, object] = {1: iat, 2: exp}
    for name, (key, (to_wire, _)) in _FIELDS.items():
        value = getattr(claims, name)
        if not (name == "photo_hash" and value is None):
            m[key] = to_wire(value)
    return m


def _claims_from_map(m: object) -> tuple[LicenceClaims, int, int]:
    _check(isinstance(m, Mapping) and _REQUIRED_KEYS <= set(m) <= _ALL_KEYS, "bad claims map")
    iat, exp = m[1], m[2]  # type: ignore[index]
    _check(all(type(t) is int and 0 <= t < 2**40 for t in (iat, exp)) and iat < exp, "bad time")
    values = {name: from_wire(m.get(key)) for name, (key, (_, from_wire)) in _FIELDS.items()}  # type: ignore[union-attr]
    return LicenceClaims(**values), iat, exp


def _sig_structure(protected: bytes, payload: bytes) -> bytes:
    return cbor2.dumps(["Signature1", protected, b"", payload])


def key_id_of(public_key: Ed25519PublicKey) -> str:
    """First 8 hex chars of SHA-256 of the raw 32-byte public key."""
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:8]


def encode(claims: LicenceClaims, key: Ed25519PrivateKey, key_id: str, issued_at: datetime,
           ttl_seconds: int = 60) -> str:
    """Sign ``claims`` and return the QR text, e.g. 'DL1:6BFOXN*TS0BI$ZD...'."""
    _check(type(ttl_seconds) is int and ttl_seconds > 0, "ttl_seconds must be a positive int")
    kid = bytes.fromhex(key_id)
    iat = int(epoch(issued_at))
    payload = cbor2.dumps(_claims_map(claims, iat, iat + ttl_seconds))
    protected = cbor2.dumps({1: ALG_EDDSA, 4: kid})
    signature = key.sign(_sig_structure(protected, payload))
    cose = cbor2.dumps(cbor2.CBORTag(COSE_SIGN1_TAG, [protected, {}, payload, signature]))
    return PREFIX + base45.b45encode(cose).decode("ascii")


# ---------------------------------------------------------------- decoding
def _to_datetime(ts: int, now: datetime) -> datetime:
    return from_epoch(ts, now)  # naive 北京时间 when ``now`` is naive


def _parse_envelope(text: object) -> tuple[bytes, str, bytes, bytes]:
    """-> (protected, kid hex, payload, signature); raises on anything malformed."""
    _check(isinstance(text, str) and len(text) <= MAX_TEXT, "not a short string")
    text = text.strip()  # type: ignore[union-attr]
    _check(text.startswith(PREFIX) and text.isascii(), "prefix")
    raw = base45.b45decode(text[len(PREFIX):])
    obj = cbor2.loads(raw)
    # Exactly one encoding is accepted: no trailing bytes, no alternative length forms.
    _check(cbor2.dumps(obj) == raw, "non-canonical")
    _check(isinstance(obj, cbor2.CBORTag) and obj.tag == COSE_SIGN1_TAG, "not COSE_Sign1")
    parts = obj.value
    _check(isinstance(parts, (list, tuple)) and len(parts) == 4, "not COSE_Sign1")
    protected, unprotected, payload, signature = parts
    _check(all(isinstance(p, bytes) for p in (protected, payload, signature)), "bad parts")
    _check(isinstance(unprotected, Mapping) and not unprotected and len(signature) == 64, "bad parts")
    header = cbor2.loads(protected)
    _check(isinstance(header, Mapping) and set(header) == {1, 4} and header[1] == ALG_EDDSA, "bad header")
    kid = header[4]
    _check(isinstance(kid, bytes) and len(kid) == 4, "bad kid")
    return protected, kid.hex(), payload, signature


def signature_problem(keyring: Mapping[str, Ed25519PublicKey], kid: str, signature: bytes,
                      message: bytes) -> str | None:
    """UNKNOWN_KEY or BAD_SIGNATURE, or None when ``signature`` over ``message`` checks out with
    the key ``kid``. Shared by both QR profiles; never raises."""
    try:
        public_key = keyring.get(kid)
    except Exception:  # noqa: BLE001
        public_key = None
    if public_key is None:
        return UNKNOWN_KEY
    try:
        public_key.verify(signature, message)
    except Exception:  # noqa: BLE001 - InvalidSignature, or a wrong object in the keyring
        return BAD_SIGNATURE
    return None


def decode_and_verify(text: str, keyring: Mapping[str, Ed25519PublicKey], now: datetime, *,
                      skew_seconds: int = CLOCK_SKEW_SECONDS) -> VerifyResult:
    """Check a scanned QR text. Never raises: every failure is a VerifyResult with a reason.

    Order: 格式错误 (unreadable) -> 未知的签发密钥 -> 签名无效 -> 尚未生效 (issued more than
    ``skew_seconds`` after ``now``) -> 二维码已过期 (``now`` >= expiry) -> 验证通过."""
    try:
        protected, kid, payload, signature = _parse_envelope(text)
    except Exception:  # noqa: BLE001 - hostile input of any shape
        return VerifyResult(False, BAD_FORMAT)
    problem = signature_problem(keyring, kid, signature, _sig_structure(protected, payload))
    if problem:
        return VerifyResult(False, problem, key_id=kid)
    try:
        claims, iat, exp = _claims_from_map(cbor2.loads(payload))
        issued_at, expires_at, now_ts = _to_datetime(iat, now), _to_datetime(exp, now), epoch(now)
    except Exception:  # noqa: BLE001 - signed but unreadable (should not happen)
        return VerifyResult(False, BAD_FORMAT, key_id=kid)
    if iat > now_ts + skew_seconds:
        return VerifyResult(False, NOT_YET_VALID, None, issued_at, expires_at, kid)
    if now_ts >= exp:
        return VerifyResult(False, EXPIRED, None, issued_at, expires_at, kid)
    return VerifyResult(True, OK, claims, issued_at, expires_at, kid)
