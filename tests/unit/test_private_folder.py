"""files.private_folder: every folder it makes is 0700, those already there are left as they are."""
from __future__ import annotations

import pytest

from kiosk.services.files import private_folder


def test_every_folder_made_is_for_the_owner_only(tmp_path) -> None:
    tmp_path.chmod(0o755)
    made = private_folder(tmp_path / "a" / "b" / "c")
    assert made.is_dir()
    for folder in (tmp_path / "a", tmp_path / "a" / "b", made):
        assert folder.stat().st_mode & 0o777 == 0o700, folder
    assert tmp_path.stat().st_mode & 0o777 == 0o755  # there already: left as it is
    assert private_folder(made) == made  # there: nothing to do


def test_a_file_in_its_place_is_an_error(tmp_path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    for path in (blocker, blocker / "sub"):
        with pytest.raises(OSError):
            private_folder(path)
