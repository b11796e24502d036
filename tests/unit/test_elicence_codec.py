from __future__ import annotations

import os
import stat
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import base45
import cbor2
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.services.elicence_codec import (
    BAD_FORMAT,
    BAD_SIGNATURE,
    EXPIRED,
    NOT_YET_VALID,
    OK,
    PREFIX,
    UNKNOWN_KEY,
    LicenceClaims,
    decode_and_verify,
    encode,
    key_id_of,
    photo_digest,
)
from kiosk.services.elicence_keyfiles import KeyStore

T0 = datetime(2025, 3, 1, 9, 30, 0)
B45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"


def sample_claims(**kw: object) -> LicenceClaims:
    base = dict(
        archive_no="500100123456", licence_no="320124198808240056", name="欧阳娜娜", sex="女",
        nationality="中国", birth_date=date(1988, 8, 24), first_issue_date=date(2010, 5, 1),
        classes="C1", valid_from=date(2016, 5, 1), valid_to=date(2026, 5, 1),
        issuing_authority="重庆市公安局交通管理局", status="A", points=3,
        photo_hash=photo_digest(b"photo"),
    )
    base.update(kw)
    return LicenceClaims(**base)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture(scope="module")
def kid(key: Ed25519PrivateKey) -> str:
    return key_id_of(key.public_key())


@pytest.fixture(scope="module")
def ring(key: Ed25519PrivateKey, kid: str) -> dict:
    return {kid: key.public_key()}


@pytest.fixture(scope="module")
def token(key: Ed25519PrivateKey, kid: str) -> str:
    return encode(sample_claims(), key, kid, T0)


def test_round_trip(token: str, ring: dict) -> None:
    assert token.startswith(PREFIX)
    assert set(token) <= set(B45)
    r = decode_and_verify(token, ring, T0 + timedelta(seconds=5))
    assert (r.valid, r.reason) == (True, OK)
    assert r.claims == sample_claims()
    assert r.issued_at == T0 and r.expires_at == T0 + timedelta(seconds=60)


@pytest.mark.parametrize(
    "claims",
    [sample_claims(valid_to=None, photo_hash=None, status="HI", sex="男", points=0),
     sample_claims(classes="A2D", birth_date=date(1949, 12, 31), points=24)],
)
def test_round_trip_variants(claims: LicenceClaims, key: Ed25519PrivateKey, kid: str, ring: dict) -> None:
    r = decode_and_verify(encode(claims, key, kid, T0, ttl_seconds=30), ring, T0)
    assert r.valid and r.claims == claims
    assert r.expires_at == T0 + timedelta(seconds=30)


def test_aware_datetimes(key: Ed25519PrivateKey, kid: str, ring: dict) -> None:
    at = datetime(2025, 3, 1, 1, 30, tzinfo=timezone.utc)
    token = encode(sample_claims(), key, kid, at)
    cst = timezone(timedelta(hours=8))
    r = decode_and_verify(token, ring, datetime(2025, 3, 1, 9, 30, 20, tzinfo=cst))
    assert r.valid and r.issued_at == at and r.issued_at.tzinfo == cst


def test_expiry_and_clock_skew(token: str, ring: dict) -> None:
    assert decode_and_verify(token, ring, T0 + timedelta(seconds=59)).valid
    for later in (60, 61, 3600):
        r = decode_and_verify(token, ring, T0 + timedelta(seconds=later))
        assert (r.valid, r.reason, r.claims) == (False, EXPIRED, None)
        assert r.expires_at == T0 + timedelta(seconds=60)
    assert decode_and_verify(token, ring, T0 - timedelta(seconds=20)).valid  # small skew
    r = decode_and_verify(token, ring, T0 - timedelta(minutes=5))
    assert (r.valid, r.reason) == (False, NOT_YET_VALID)


def test_every_single_char_change_is_rejected(token: str, ring: dict) -> None:
    now = T0 + timedelta(seconds=1)
    for i, ch in enumerate(token):
        for other in {"0", "Z", ":", "%"} - {ch}:
            tampered = token[:i] + other + token[i + 1 :]
            r = decode_and_verify(tampered, ring, now)
            assert not r.valid and r.reason in (BAD_FORMAT, BAD_SIGNATURE, UNKNOWN_KEY), (i, other)


def test_every_single_byte_change_is_rejected(token: str, ring: dict) -> None:
    raw = base45.b45decode(token[len(PREFIX) :])
    now = T0 + timedelta(seconds=1)
    for i in range(len(raw)):
        for flip in (0x01, 0x80):
            bad = bytearray(raw)
            bad[i] ^= flip
            r = decode_and_verify(PREFIX + base45.b45encode(bytes(bad)).decode(), ring, now)
            assert not r.valid, i


def test_payload_change_gives_bad_signature(token: str, ring: dict) -> None:
    raw = base45.b45decode(token[len(PREFIX) :])
    cose = cbor2.loads(raw)
    protected, unprotected, payload, sig = cose.value
    claims = cbor2.loads(payload)
    forged = dict(claims)
    forged[15] = 0  # points
    forged_raw = cbor2.dumps(cbor2.CBORTag(18, [protected, {}, cbor2.dumps(forged), sig]))
    r = decode_and_verify(PREFIX + base45.b45encode(forged_raw).decode(), ring, T0)
    assert (r.valid, r.reason) == (False, BAD_SIGNATURE)


def test_truncated(token: str, ring: dict) -> None:
    for n in range(len(token)):
        assert not decode_and_verify(token[:n], ring, T0).valid
    assert decode_and_verify(token + "0", ring, T0).reason == BAD_FORMAT
    assert decode_and_verify(token + "000", ring, T0).reason == BAD_FORMAT


def test_wrong_key_and_unknown_kid(token: str, kid: str) -> None:
    other = Ed25519PrivateKey.generate()
    r = decode_and_verify(token, {kid: other.public_key()}, T0)
    assert (r.valid, r.reason) == (False, BAD_SIGNATURE)
    r = decode_and_verify(token, {key_id_of(other.public_key()): other.public_key()}, T0)
    assert (r.valid, r.reason, r.key_id) == (False, UNKNOWN_KEY, kid)
    assert decode_and_verify(token, {}, T0).reason == UNKNOWN_KEY
    assert decode_and_verify(token, {kid: "not a key"}, T0).reason == BAD_SIGNATURE  # type: ignore[dict-item]


@pytest.mark.parametrize(
    "garbage",
    ["", "DL1:", "DL1", "HC1:6BF", "hello", "DL1:\u4e2d\u6587", "DL1:" + "0" * 5000, "\x00" * 10,
     "DL1:" + "A" * 100, "dl1:abc", PREFIX + base45.b45encode(b"\xff" * 40).decode(),
     PREFIX + base45.b45encode(cbor2.dumps([1, 2, 3])).decode(),
     PREFIX + base45.b45encode(cbor2.dumps(cbor2.CBORTag(18, [b"", {}, b"", b""]))).decode(),
     PREFIX + base45.b45encode(b"\x9f" * 3000).decode()[:2000]],
)
def test_garbage(garbage: str, ring: dict) -> None:
    r = decode_and_verify(garbage, ring, T0)
    assert (r.valid, r.reason, r.claims) == (False, BAD_FORMAT, None)


def test_non_string_input(ring: dict) -> None:
    for value in (None, b"DL1:", 12, ["DL1:"]):
        assert decode_and_verify(value, ring, T0).reason == BAD_FORMAT  # type: ignore[arg-type]


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text())
def test_random_text_never_raises(ring: dict, text: str) -> None:
    r = decode_and_verify(text, ring, T0)
    assert not r.valid and r.reason == BAD_FORMAT


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=600))
def test_random_bytes_never_raise(ring: dict, data: bytes) -> None:
    r = decode_and_verify(PREFIX + base45.b45encode(data).decode(), ring, T0)
    assert not r.valid and r.reason


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_mutated_tokens_never_raise(token: str, ring: dict, data: st.DataObject) -> None:
    raw = bytearray(base45.b45decode(token[len(PREFIX) :]))
    cut = data.draw(st.integers(0, len(raw)))
    extra = data.draw(st.binary(max_size=20))
    pos = data.draw(st.integers(0, len(raw) - 1))
    raw[pos] = data.draw(st.integers(0, 255))
    mutated = bytes(raw[:cut]) + extra
    r = decode_and_verify(PREFIX + base45.b45encode(mutated).decode(), ring, T0)
    assert r.valid == (mutated == base45.b45decode(token[len(PREFIX) :]))


def test_claims_validation() -> None:
    with pytest.raises(ValueError):
        sample_claims(archive_no="12345")
    with pytest.raises(ValueError):
        sample_claims(licence_no="32012419880824005")
    with pytest.raises(ValueError):
        sample_claims(sex="M")
    with pytest.raises(ValueError):
        sample_claims(status="AQ")
    with pytest.raises(ValueError):
        sample_claims(points=-1)
    with pytest.raises(ValueError):
        sample_claims(birth_date=datetime(1988, 8, 24))
    with pytest.raises(ValueError):
        encode(sample_claims(), Ed25519PrivateKey.generate(), "00000000", T0, ttl_seconds=0)
    assert replace(sample_claims(), points=12).points == 12


# ---------------------------------------------------------------- key store
def test_key_store_creates_and_reuses(tmp_path: Path) -> None:
    store = KeyStore(tmp_path / "keys")
    key = store.private_key()
    kid = store.key_id
    assert len(kid) == 8 and kid == key_id_of(key.public_key())
    priv = tmp_path / "keys" / f"{kid}.key.pem"
    assert stat.S_IMODE(os.stat(priv).st_mode) == 0o600
    again = KeyStore(tmp_path / "keys")
    assert again.key_id == kid
    assert again.export_public_pem().startswith("-----BEGIN PUBLIC KEY-----")
    assert list(again.keyring()) == [kid]
    token = encode(sample_claims(), again.private_key(), again.key_id, T0)
    assert decode_and_verify(token, store.keyring(), T0).valid


def test_key_rotation_keeps_old_keys(tmp_path: Path) -> None:
    store = KeyStore(tmp_path)
    old_token = encode(sample_claims(), store.private_key(), store.key_id, T0)
    old_kid = store.key_id
    new_kid = store.rotate()
    assert new_kid != old_kid and store.key_id == new_kid
    ring = store.keyring()
    assert set(ring) == {old_kid, new_kid}
    assert decode_and_verify(old_token, ring, T0).valid
    new_token = encode(sample_claims(), store.private_key(), store.key_id, T0)
    assert decode_and_verify(new_token, ring, T0).key_id == new_kid


def test_key_store_ignores_foreign_files(tmp_path: Path) -> None:
    store = KeyStore(tmp_path)
    kid = store.key_id
    (tmp_path / "junk.pem").write_text("not a pem")
    assert list(store.keyring()) == [kid]
    assert KeyStore(tmp_path / "missing").keyring() == {}
