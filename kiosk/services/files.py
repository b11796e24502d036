"""Files named by typing a path at a kiosk or counter: only inside the folders meant for them.

A typed path may point into the folder the service reads from (the photo album, the import
folder) or onto removable media (a USB stick mounted under /media, /mnt or /run/media). The
kiosk's own files (its database, its signing keys) and the rest of the system stay out of reach,
and a refused path gets the same answer whether it exists or not.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

REMOVABLE_ROOTS = (Path("/media"), Path("/mnt"), Path("/run/media"))


def within(path_text: str | Path, folders: Iterable[Path]) -> Path | None:
    """The path, resolved (links followed), when it lies inside one of ``folders`` or on removable
    media; otherwise None."""
    try:
        real = Path(str(path_text).strip()).expanduser().resolve()
        roots = [Path(f).expanduser().resolve() for f in (*folders, *REMOVABLE_ROOTS)]
    except (OSError, RuntimeError, ValueError):
        return None
    return real if any(real.is_relative_to(root) for root in roots) else None


def private_folder(path: Path) -> Path:
    """``path``, made if missing, every folder made for it open to the kiosk's user only (0700):
    mkdir(parents=True, mode=0o700) gives that mode to the last folder only, and the data folder
    made on the way (``kiosk db sms-key`` with a new KIOSK_DATA_DIR) was 0755. Folders already
    there are left as they are."""
    path = Path(path)
    for folder in reversed([path, *path.parents]):
        if not folder.exists():
            folder.mkdir(mode=0o700, exist_ok=True)
    if not path.is_dir():  # a file in its place: FileExistsError, as mkdir says it
        path.mkdir(mode=0o700, exist_ok=True)
    return path
