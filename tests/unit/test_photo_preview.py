"""The photo preview's picture (kiosk.services.photos): sized to a box of text cells with the
photo's proportions kept (a cell is one pixel wide and two tall), colours from the photo."""
from __future__ import annotations

from PIL import Image

from kiosk.services import photos


def test_a_22_by_32_photo_fills_the_box_height_and_keeps_its_proportions() -> None:
    assert photos.fit_cells(260, 378, 11, 8) == (11, 8)  # 11 cells x 16 pixel rows: 22:32
    assert photos.fit_cells(260, 378, 17, 12) == (17, 12)
    assert photos.fit_cells(400, 300, 11, 8) == (11, 4)  # landscape: as wide as the box, lower
    assert photos.fit_cells(10, 4000, 11, 8) == (1, 8)  # at least one cell
    assert photos.fit_cells(26, 38, 11, 8) == (11, 8)  # a small photo is enlarged to the box


def _two_tone(path, size=(260, 378)):  # type: ignore[no-untyped-def]
    """White above, red below: the top half is the background the checks look at."""
    img = Image.new("RGB", size, (255, 255, 255))
    img.paste((200, 0, 0), (0, size[1] // 2, size[0], size[1]))
    img.save(path)
    return path


def test_the_check_brings_the_picture_in_the_box_asked_for(tmp_path) -> None:
    check = photos.check_photo(_two_tone(tmp_path / "p.png"), (11, 8))
    assert check.ok and len(check.preview) == 8 and {len(row) for row in check.preview} == {11}
    assert check.preview[0][0] == ("#ffffff", "#ffffff")  # top line: white over white
    assert check.preview[-1][5] == ("#c80000", "#c80000")  # bottom line: red over red
    assert photos.check_photo(tmp_path / "p.png").preview == ()  # no box asked for: no picture


def test_a_photo_that_fails_a_check_still_comes_as_a_picture(tmp_path) -> None:
    check = photos.check_photo(_two_tone(tmp_path / "wide.png", (400, 300)), (11, 8))
    assert not check.ok and len(check.preview) == 4 and len(check.preview[0]) == 11


def test_no_picture_of_what_cannot_be_read(tmp_path) -> None:
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"not a picture")
    assert photos.check_photo(bad, (11, 8)).preview == ()
    assert photos.check_photo(tmp_path / "missing.png", (11, 8)).preview == ()
