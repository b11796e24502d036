"""相册选择: the album folder's pictures, newest first (kiosk.services.photos.album)."""
from __future__ import annotations

import os

from kiosk.services import photos


def test_album_lists_pictures_newest_first_and_skips_the_rest(tmp_path):
    album = tmp_path / "album"
    album.mkdir()
    for n, name in enumerate(["old.png", "new.JPG", "notes.txt", "mid.jpeg"]):
        f = album / name
        f.write_bytes(b"x")
        os.utime(f, (1_700_000_000 + n, 1_700_000_000 + {"old.png": 0, "new.JPG": 300, "mid.jpeg": 100}.get(name, 50)))
    (album / "folder.png").mkdir()  # a folder named like a picture is not one
    found = photos.album([album, tmp_path / "missing"])
    assert [p.path.name for p in found] == ["new.JPG", "mid.jpeg", "old.png"]
    assert found[0].label.startswith("new.JPG（") and found[0].label.endswith("）")


def test_album_shows_at_most_the_limit(tmp_path):
    for n in range(photos.ALBUM_LIMIT + 5):
        (tmp_path / f"p{n:02d}.png").write_bytes(b"x")
    assert len(photos.album([tmp_path])) == photos.ALBUM_LIMIT
