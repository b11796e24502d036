from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.domain.qr_text import (
    QR_BG,
    QR_FG,
    fit_qr,
    largest_qr,
    pick_qr,
    qr_size,
    render_ansi,
    render_qr,
)
from kiosk.services.elicence_codec import LicenceClaims, decode_and_verify, encode, key_id_of, photo_digest
from tests.qr_raster import lines_to_matrix, raster_lines
from tests.ui.elicence_helpers import zbar_read, zxing_read

T0 = datetime(2025, 3, 1, 9, 30)


def realistic_token(authority: str = "重庆市公安局交通管理局", name: str = "欧阳娜娜") -> tuple[str, dict]:
    key = Ed25519PrivateKey.generate()
    kid = key_id_of(key.public_key())
    claims = LicenceClaims(
        archive_no="500100123456", licence_no="320124198808240056", name=name, sex="女",
        nationality="中国", birth_date=date(1988, 8, 24), first_issue_date=date(2010, 5, 1),
        classes="C1E", valid_from=date(2016, 5, 1), valid_to=date(2026, 5, 1),
        issuing_authority=authority, status="HI", points=6, photo_hash=photo_digest(b"photo"),
    )
    return encode(claims, key, kid, T0), {kid: key.public_key()}


LONG_AUTHORITY = "广西壮族自治区南宁市公安局交通警察支队"


def test_lines_use_half_blocks_only() -> None:
    qr = render_qr("HELLO")
    lines = qr.lines()
    assert len(lines) == qr.rows and all(len(line) == qr.columns for line in lines)
    assert set("".join(lines)) <= set(" \u2580\u2584\u2588")
    assert qr.version == 1 and qr.modules == 21 + 8 and qr.size == (29, 15)
    # matrix and text agree, quiet zone light all round
    assert lines_to_matrix(lines)[: qr.modules] == [list(r) for r in qr.matrix]
    assert not any(qr.matrix[0]) and not any(row[0] for row in qr.matrix)
    assert lines[-1].replace("\u2580", "X").strip() == ""  # odd last row: light lower half
    assert qr.styled_lines()[0] == (lines[0], QR_FG, QR_BG) and QR_FG == "#000000" and QR_BG == "#ffffff"


def test_quiet_zone_minimum() -> None:
    with pytest.raises(ValueError):
        render_qr("HELLO", quiet_zone=2)
    assert render_qr("HELLO", quiet_zone=6).modules == 21 + 12


def test_levels_and_overflow() -> None:
    with pytest.raises(ValueError):
        render_qr("HELLO", level="X")
    with pytest.raises(ValueError):
        render_qr("A" * 5000)
    data = "DL1:" + "A1" * 150
    assert qr_size(data, level="L")[0] <= qr_size(data, level="M")[0] <= qr_size(data, level="H")[0]


def test_render_ansi_sets_colours_on_every_line() -> None:
    out = render_ansi("HELLO")
    lines = out.split("\n")
    assert len(lines) == render_qr("HELLO").rows
    pattern = re.compile(r"\x1b\[38;2;0;0;0;48;2;255;255;255m[ \u2580\u2584\u2588]+\x1b\[0m")
    assert all(pattern.fullmatch(line) for line in lines)


@pytest.mark.parametrize("level", ["L", "M", "Q"])
def test_text_decodes_with_zxing_and_zbar(level: str) -> None:
    token, ring = realistic_token()
    qr = render_qr(token, level=level)
    img = raster_lines(qr.lines(), scale=4)
    assert zxing_read(img) == [token]
    assert zbar_read(img) == [token]
    assert decode_and_verify(zbar_read(img)[0], ring, T0).valid


def test_inverted_colours_are_rejected() -> None:
    token, _ = realistic_token()
    lines = render_qr(token).lines()
    inverted = raster_lines(lines, scale=4, margin=4, inverted=True)
    assert zbar_read(inverted) == []
    assert zxing_read(inverted) == []
    assert zbar_read(raster_lines(lines, scale=4, margin=4)) == [token]


def test_realistic_payload_sizes() -> None:
    token, _ = realistic_token()
    long_token, _ = realistic_token(LONG_AUTHORITY)
    assert 300 <= len(token) <= 400 and len(long_token) <= 420
    for t in (token, long_token):
        # the full signed licence fits a 120x38 window at level M ...
        qr = fit_qr(t, 120, 38, min_level="M")
        assert qr is not None and qr.level in ("M", "Q") and qr.columns <= 120 and qr.rows <= 38
        # ... and never an 80x24 screen: even level L needs more than 24 text rows.
        assert fit_qr(t, 80, 22) is None and fit_qr(t, 80, 24) is None
        assert qr_size(t, level="L")[1] > 24
        assert qr_size(t, level="L")[0] <= 80


def test_fit_prefers_stronger_correction_when_room() -> None:
    qr = fit_qr("HELLO", 80, 22)
    assert qr is not None and qr.level == "Q"
    assert fit_qr("HELLO", 80, 22, max_level="H").level == "H"  # type: ignore[union-attr]
    assert fit_qr("HELLO", 20, 10) is None


def test_short_text_fits_80x22_and_decodes() -> None:
    data = "DL1:ABCDEFGHIJ0123456789"
    qr = fit_qr(data, 80, 22)
    assert qr is not None and qr.rows <= 22
    img = raster_lines(qr.lines())
    assert zbar_read(img) == [data] and zxing_read(img) == [data]


@pytest.mark.parametrize("scale", [2, 3])
def test_a_scaled_code_has_square_larger_modules_and_still_decodes(scale: int) -> None:
    token, ring = realistic_token()
    qr = render_qr(token, level="L")
    big = qr.scaled(scale)
    lines = big.lines()
    assert big.columns == qr.modules * scale and len(lines) == big.rows == (qr.modules * scale + 1) // 2
    matrix = lines_to_matrix(lines)
    for y, row in enumerate(qr.matrix):  # each module: scale columns by scale half-lines, same colour
        for x, dark in enumerate(row):
            assert all(matrix[y * scale + dy][x * scale + dx] == dark for dy in range(scale) for dx in range(scale))
    zone = 4 * scale  # the quiet zone is still 4 modules
    assert not any(any(r) for r in matrix[:zone]) and not any(any(r[:zone]) or any(r[-zone:]) for r in matrix)
    if scale == 2:
        assert set("".join(lines)) <= {" ", "\u2588"}  # full blocks two columns wide
    img = raster_lines(lines, scale=2)
    assert zxing_read(img) == [token] and zbar_read(img) == [token]
    assert decode_and_verify(token, ring, T0).valid
    with pytest.raises(ValueError):
        qr.scaled(0)


def test_the_largest_whole_scale_that_fits() -> None:
    qr = render_qr("HELLO")  # 29 modules
    assert qr.max_scale(29, 15) == 1 and qr.max_scale(58, 29) == 2 and qr.max_scale(200, 29) == 2
    assert qr.max_scale(28, 40) == 0 and qr.max_scale(100, 14) == 0
    big = largest_qr("HELLO", 200, 60, max_level="M")
    assert big is not None and big.scale == 4 and big.rows <= 60 and big.columns <= 200
    assert largest_qr("HELLO", 29, 15, max_level="L").scale == 1  # type: ignore[union-attr]
    assert largest_qr("HELLO", 20, 10) is None


def test_a_larger_scale_beats_stronger_correction_and_ties_keep_the_stronger() -> None:
    data = "DL2:" + "A" * 100
    m, l_ = render_qr(data, level="M").modules, render_qr(data, level="L").modules
    assert l_ < m
    qr = largest_qr(data, 2 * l_, l_, max_level="M")  # scale 2 only at L
    assert qr is not None and (qr.scale, qr.level) == (2, "L")
    qr = largest_qr(data, 2 * m, m, max_level="M")  # scale 2 at both: M
    assert qr is not None and (qr.scale, qr.level) == (2, "M")


def test_pick_the_first_that_fits_or_the_one_drawn_largest() -> None:
    long, short = "DL1:" + "B" * 300, "DL2:" + "C" * 40
    first = pick_qr((long, short), 200, 60)
    assert first is not None and first[0] == long and first[1].scale == 1
    text, qr = pick_qr((long, short), 200, 60, largest=True)  # type: ignore[misc]
    assert text == short and qr.scale > 1
    assert pick_qr((long, short), 30, 15) is None
    assert pick_qr((short, short.replace("C", "D")), 200, 60, largest=True)[0] == short  # type: ignore[index]
