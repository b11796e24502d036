"""Read the QR code off a Textual screen exactly as the terminal would show it, and decode it."""
from __future__ import annotations

import pytest
import zxingcpp
from PIL import Image

try:
    from pyzbar import pyzbar
except ImportError:  # zbar's shared library (Debian libzbar0) is missing: .ci/run installs it when it can
    pyzbar = None

from kiosk.ui.widgets.qr import QrView
from tests.qr_raster import raster_lines

HALF = set("\u2580\u2584\u2588")


def zxing_read(img: Image.Image) -> list[str]:
    found = zxingcpp.read_barcodes(img, formats=zxingcpp.BarcodeFormat.QRCode, try_invert=False)
    return [b.text for b in found]


def zbar_read(img: Image.Image) -> list[str]:
    if pyzbar is None:
        pytest.skip("zbar is not installed (Debian package libzbar0): the zbar decoder cannot be tried")
    return [s.data.decode("ascii") for s in pyzbar.decode(img, symbols=[pyzbar.ZBarSymbol.QRCODE])]


def qr_strips(app, selector: str = "QrView"):  # type: ignore[no-untyped-def]
    """The rendered strips of the QR widget's region (cropped by cells, so CJK text on the same
    line to the left does not shift anything)."""
    widget = app.screen.query_one(selector, QrView)
    region = widget.content_region
    app.screen._compositor.render_update(full=True)  # noqa: SLF001
    strips = app.screen._compositor.render_strips()  # noqa: SLF001
    return [strip.crop(region.x, region.right) for strip in strips[region.y:region.bottom]]


def qr_text_lines(app, selector: str = "QrView") -> list[str]:  # type: ignore[no-untyped-def]
    return [strip.text for strip in qr_strips(app, selector)]


def black_on_white(app, selector: str = "QrView") -> bool:  # type: ignore[no-untyped-def]
    """Every cell that carries a module is painted #000000 on #ffffff."""
    seen = False
    for strip in qr_strips(app, selector):
        for seg in strip:
            if set(seg.text) & HALF:
                seen = True
                style = seg.style
                if style is None or style.color is None or style.bgcolor is None:
                    return False
                if style.color.get_truecolor() != (0, 0, 0) or style.bgcolor.get_truecolor() != (255, 255, 255):
                    return False
    return seen


def decode_both(lines: list[str]) -> tuple[list[str], list[str]]:
    img = raster_lines(lines, scale=4, margin=0, strict=False)
    return zxing_read(img), zbar_read(img)


def black_on_white_runs(app, selector: str = "QrView") -> list[str]:  # type: ignore[no-untyped-def]
    """Per line of the QR widget, the characters painted #000000 on #ffffff (the code with its
    quiet zone, nothing of the theme around it); lines without any are left out."""
    runs = []
    for strip in qr_strips(app, selector):
        cells = ""
        for seg in strip:
            style = seg.style
            if (style is not None and style.color is not None and style.bgcolor is not None
                    and style.color.get_truecolor() == (0, 0, 0)
                    and style.bgcolor.get_truecolor() == (255, 255, 255)):
                cells += seg.text
        if cells:
            runs.append(cells)
    return runs


async def open_card(pilot, env, person):  # type: ignore[no-untyped-def]
    """``person`` signed in with an e-licence issued, on 出示电子驾驶证 (the CardScreen)."""
    from kiosk.services import elicence, elicence_card
    from kiosk.ui.screens.elicence.card import CardScreen
    from tests.ui.conftest import settle, sign_in

    elicence.apply_direct(env, elicence_card.account_for(env, person.id_number))
    await sign_in(pilot, env, person.id_number, person.phone)
    await pilot.click("#menu-elicence_mine")
    await settle(pilot)
    await pilot.click("#el-show")
    await settle(pilot)
    assert isinstance(pilot.app.screen, CardScreen)
    return pilot.app.screen
