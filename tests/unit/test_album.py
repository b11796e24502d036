"""相册选择: the album folder's pictures, newest first (kiosk.services.photos.album)."""
from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path

from kiosk.domain.clock import epoch
from kiosk.services import elicence_photos, photos


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


def test_album_shows_no_time_after_the_kiosk_clock(tmp_path):
    """Files written after the kiosk's clock (the demo's KIOSK_NOW before the day they were written)
    show the kiosk's time, not one still to come; the order stays the files' own."""
    now = datetime(2026, 12, 3, 9, 30)
    for name, at in (("earlier.png", datetime(2026, 12, 1, 8, 5)), ("later.png", datetime(2026, 12, 7, 18, 0)),
                     ("latest.png", datetime(2026, 12, 7, 18, 1))):
        f = tmp_path / name
        f.write_bytes(b"x")
        os.utime(f, (epoch(at), epoch(at)))
    labels = [p.label for p in photos.album([tmp_path], now)]
    assert labels == ["latest.png（2026-12-03 09:30）", "later.png（2026-12-03 09:30）", "earlier.png（2026-12-01 08:05）"]
    assert photos.album([tmp_path])[0].label == "latest.png（2026-12-07 18:01）"  # no clock given: the file's


def test_the_kiosk_album_takes_its_clock(env):
    """相册选择 at the kiosk (elicence_photos.album): times after the kiosk's clock show that clock."""
    folder = Path(env.settings.data_dir) / "album"
    folder.mkdir(parents=True, exist_ok=True)
    f = folder / "mine.png"
    f.write_bytes(b"x")
    later = epoch(env.clock.now() + timedelta(days=4))
    os.utime(f, (later, later))
    mine = [p for p in elicence_photos.album(env) if p.path == f]
    assert [p.label for p in mine] == [f"mine.png（{env.clock.now():%Y-%m-%d %H:%M}）"]
