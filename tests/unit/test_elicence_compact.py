"""The compact DL2 profile (fits 80x24) and the 6-month photo rule."""
from __future__ import annotations

from datetime import date, datetime

import base45
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.domain.photo_rules import add_months, may_change, next_change_date
from kiosk.domain.qr_text import fit_qr
from kiosk.services.elicence_codec import key_id_of
from kiosk.services.elicence_compact import CompactClaims, decode_compact, encode_compact
from tests.qr_raster import raster_lines
from tests.ui.elicence_helpers import zbar_read, zxing_read

T0 = datetime(2026, 12, 1, 9, 0)


def _key():  # type: ignore[no-untyped-def]
    key = Ed25519PrivateKey.generate()
    return key, key_id_of(key.public_key())


@pytest.mark.parametrize("name", ["刘洋", "欧阳娜娜", "阿不都热合曼买买提", None])
def test_round_trip_and_fits_45x23(name) -> None:  # type: ignore[no-untyped-def]
    key, kid = _key()
    claims = CompactClaims("500100000055", "A2C1DE", "BDHI", date(2036, 10, 22), 12, name)
    text = encode_compact(claims, key, kid, T0)
    qr = fit_qr(text, 80, 23)
    assert qr is not None and qr.version == 5 and qr.size == (45, 23)
    img = raster_lines(qr.lines(), scale=4)
    assert zxing_read(img) == zbar_read(img) == [text]
    result = decode_compact(text, {kid: key.public_key()}, T0)
    expected_name = name if name and len(name.encode("gb18030")) <= 10 else None
    assert result.valid and result.claims == CompactClaims("500100000055", "A2C1DE", "BDHI", date(2036, 10, 22),
                                                           12, expected_name)


def test_rejections_have_reasons() -> None:
    key, kid = _key()
    ring = {kid: key.public_key()}
    text = encode_compact(CompactClaims("500100000055", "C1", "A", None, 0, "刘洋"), key, kid, T0, ttl_seconds=30)
    assert decode_compact(text, ring, T0).claims.valid_to is None  # type: ignore[union-attr]
    raw = bytearray(base45.b45decode(text[4:]))
    raw[12] ^= 1
    assert decode_compact("DL2:" + base45.b45encode(bytes(raw)).decode(), ring, T0).reason == "签名无效"
    assert decode_compact(text[:-3], ring, T0).reason == "格式错误"
    assert decode_compact("DL2:%%%", ring, T0).reason == "格式错误"
    assert decode_compact(text, {}, T0).reason == "未知的签发密钥"
    assert decode_compact(text, ring, datetime(2026, 12, 1, 9, 0, 30)).reason == "二维码已过期"
    assert decode_compact(text, ring, datetime(2026, 12, 1, 8, 59)).reason == "尚未生效"


def test_six_months_after_an_uploaded_photo() -> None:
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    changed = datetime(2026, 12, 1, 10, 0)
    assert next_change_date("id_card", changed) is None and next_change_date(None, None) is None
    assert next_change_date("camera", changed) == date(2027, 6, 1)
    assert not may_change("upload", changed, date(2027, 5, 31))
    assert may_change("upload", changed, date(2027, 6, 1))
