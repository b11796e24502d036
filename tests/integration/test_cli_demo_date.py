"""`kiosk demo` says the day its data is dated from: loaded without KIOSK_NOW (the machine's date) and the
kiosk then started with KIOSK_NOW=2026-12-03, every demo date disagreed with README (tester), and
nothing had said which day the data was for. A later `kiosk demo` at another clock adds only what is
missing, and still names the day the people were loaded for."""
from __future__ import annotations

from pathlib import Path

from tests.integration.test_cli import added, run_kiosk


def ok(*args: str, **kiosk_env: str) -> str:
    done = run_kiosk(*args, **kiosk_env)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_demo_names_the_day_its_data_is_for(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'kiosk.db'}"
    first = ok("--db", url, "demo", KIOSK_NOW="2026-12-07T10:00")
    assert first.splitlines()[0].startswith("演示数据已载入（按2026-12-07的日期）：办事网点 +")
    again = ok("--db", url, "demo", KIOSK_NOW="2026-12-03T09:30")  # README's clock, on data loaded for 12-07
    assert again.splitlines()[0].startswith("演示数据已载入（按2026-12-07的日期）：")
    assert added(again)["群众"] == 0
