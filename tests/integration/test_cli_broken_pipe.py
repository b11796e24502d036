"""A subcommand whose reader goes away (`kiosk verify ... | true`, `kiosk demo | head`) still exits
with its own code: a gate script reading verify's 1 for an invalid code got 0 when its output went
into a pipe nobody read. No second error is printed at exit either."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def _into_closed_pipe(tmp_path: Path, *args: str, unbuffered: bool) -> subprocess.CompletedProcess[str]:
    """``kiosk ARGS`` with its standard output a pipe whose reading end is already closed."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_") and k != "PYTHONUNBUFFERED"}
    environ.update(KIOSK_NOW="2026-12-03T09:30", KIOSK_DATA_DIR=str(tmp_path / "data"), PYTHONIOENCODING="utf-8")
    if unbuffered:  # each print meets the broken pipe; buffered, the flush at the end does
        environ["PYTHONUNBUFFERED"] = "1"
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run([sys.executable, "-m", "kiosk", *args], stdout=write_end, stderr=subprocess.PIPE,
                              text=True, env=environ, timeout=120)
    finally:
        os.close(write_end)


@pytest.mark.parametrize("unbuffered", [True, False], ids=["unbuffered", "buffered"])
@pytest.mark.parametrize("json", [True, False], ids=["json", "text"])
def test_verify_of_an_invalid_code_exits_1_into_a_broken_pipe(tmp_path: Path, unbuffered: bool, json: bool) -> None:
    done = _into_closed_pipe(tmp_path, "verify", "garbage", *(["--json"] if json else []), unbuffered=unbuffered)
    assert (done.returncode, done.stderr) == (1, "")


@pytest.mark.parametrize("unbuffered", [True, False], ids=["unbuffered", "buffered"])
def test_demo_that_succeeded_exits_0_into_a_broken_pipe(tmp_path: Path, unbuffered: bool) -> None:
    done = _into_closed_pipe(tmp_path, "demo", unbuffered=unbuffered)
    assert (done.returncode, done.stderr) == (0, "")
