"""The real ``kiosk`` command (subprocess) on temporary SQLite files, and what ``kiosk demo`` loads."""
from __future__ import annotations

import functools
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select, text

from kiosk.db.migrate import is_current
from kiosk.db.models import (Account, DrivingLicence, ExamPlan, ExamResult, ExamSession, LearnerPermit, Staff,
                             Vehicle)
from kiosk.db.session import make_engine
from kiosk.domain.ids import age_on, normalize_credit_code, normalize_id_number, normalize_phone
from kiosk.domain.plates import normalize_plate
from kiosk.services import auth, bootstrap
from kiosk.services.env import Env, make_env

NOW = "2026-12-01T09:00"
TODAY = date(2026, 12, 1)
ID_ROW = re.compile(r"^(\d{17}[\dX]|[0-9A-Z]{18})\s", re.M)


@functools.cache
def _data_dir() -> str:
    return tempfile.mkdtemp(prefix="kiosk-cli-data-")


def run_kiosk(*args: str, timeout: float = 120, **kiosk_env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    # a data folder of the test run's own: without it each run logged its refused databases (file is
    # not a database) into the user's ~/.local/share/kiosk12123/kiosk.log
    environ.update(KIOSK_NOW=NOW, KIOSK_DATA_DIR=_data_dir(), PYTHONIOENCODING="utf-8")
    environ.update(kiosk_env)
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True, text=True,
                          env=environ, timeout=timeout)


def ok(*args: str) -> str:
    done = run_kiosk(*args)
    assert done.returncode == 0, f"kiosk {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def added(output: str) -> dict[str, int]:
    """{'群众': 23, ...} from the first line of `kiosk demo` ("演示数据已载入（按2026-12-01的日期）：办事网点 +0，
    群众 +23，...")."""
    line = next(x for x in output.splitlines() if x.startswith("演示数据已载入（按"))
    return {k: int(v) for k, v in re.findall(r"([\u4e00-\u9fff]+) \+(\d+)", line.partition("：")[2])}


def row_counts(url: str) -> dict[str, int]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            tables = [t for t in inspect(conn).get_table_names() if t != "alembic_version"]
            return {t: conn.scalar(text(f'SELECT count(*) FROM "{t}"')) for t in tables}
    finally:
        engine.dispose()


def test_help_lists_the_commands_and_options() -> None:
    out = ok("--help")
    assert out.startswith("用法：kiosk ") and "\n选项：\n" in out and "显示本帮助并退出" in out
    for word in ("db", "demo", "outbox", "--counter", "--db", "--terminal-id", "--now"):
        assert re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", out), word


def test_a_malformed_now_is_a_clear_error(tmp_path: Path) -> None:
    done = run_kiosk("--db", f"sqlite:///{tmp_path / 'k.db'}", "--now", "tomorrow", "db", "upgrade")
    assert done.returncode == 2
    assert done.stderr.strip() == "kiosk: KIOSK_NOW / --now 须为 2026-12-01T09:00 这样的时间，收到 'tomorrow'"
    assert not (tmp_path / "k.db").exists()


def test_a_database_that_cannot_be_used_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    """A file that is not a database, a PostgreSQL server that is not there: one line saying what
    and where (password hidden), exit code 1, for the kiosk itself and for a subcommand."""
    bad = tmp_path / "k.db"
    bad.write_text("not a database")
    refused = "postgresql+psycopg://kiosk:secret@127.0.0.1:1/kiosk"
    for args, expected in [(("--db", f"sqlite:///{bad}", "demo"), "file is not a database"),
                           (("--db", f"sqlite:///{bad}", "--counter"), "file is not a database"),
                           (("--db", refused, "allocate", "--date", "2026-12-01"), "kiosk:***@127.0.0.1:1/kiosk")]:
        done = run_kiosk(*args, timeout=60)
        assert done.returncode == 1, (args, done.stderr)
        assert "Traceback" not in done.stderr and "secret" not in done.stderr, done.stderr
        assert "无法使用" in done.stderr and expected in done.stderr, done.stderr
    assert bad.read_text() == "not a database"  # left as it was


def test_a_database_url_that_cannot_be_used_is_the_same_message_not_a_traceback(tmp_path: Path) -> None:
    """An unknown scheme, a string that is no URL, another database, a driver that is not installed:
    from --db or from KIOSK_DATABASE_URL, for a subcommand and for the counter, one line saying so
    (for another database: which ones the kiosk supports, not "No module named 'MySQLdb'")."""
    supported = "只支持 SQLite（sqlite:///文件路径）和 PostgreSQL（postgresql+psycopg://用户@主机/库名）"
    for url, reason in [("foo://bar", supported), ("not a url", "无法识别的数据库地址：not a url（例：sqlite:///"),
                        ("mysql://u@localhost/x", supported),
                        ("postgres://u@localhost/x", "不能写作 postgres://，PostgreSQL 的地址请以 postgresql+psycopg:// 开头"),
                        ("postgresql+psycopg2://u@localhost/x", f"No module named 'psycopg2'）。{supported}")]:
        for args, environ in [(("--db", url, "outbox"), {}), (("--db", url, "--counter"), {}),
                              (("outbox",), {"KIOSK_DATABASE_URL": url}),
                              (("--counter",), {"KIOSK_DATABASE_URL": url})]:
            done = run_kiosk(*args, timeout=60, **environ)
            assert done.returncode == 1, (url, args, done.stderr)
            assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
            assert ("无法使用" in done.stderr or url == "not a url") and "--db 或 KIOSK_DATABASE_URL" in done.stderr
            assert reason in done.stderr, done.stderr


def test_a_sqlite_path_in_a_folder_that_does_not_exist_is_refused(tmp_path: Path) -> None:
    """A typo in --db must not quietly give a new, empty database (and folders) somewhere else."""
    missing = tmp_path / "nonexistent" / "dir"
    for args, environ in [(("--db", f"sqlite:///{missing / 'x.db'}", "outbox"), {}),
                          (("outbox",), {"KIOSK_DATABASE_URL": f"sqlite:///{missing / 'x.db'}"}),
                          (("--db", f"sqlite:///{missing / 'x.db'}", "--counter"), {})]:
        done = run_kiosk(*args, timeout=60, **environ)
        assert done.returncode == 1, (args, done.stderr)
        assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert f"文件夹 {missing} 不存在" in done.stderr, done.stderr
    assert not (tmp_path / "nonexistent").exists()
    # a new database file in a folder that exists is fine (db upgrade, as a first run with --db), and
    # so is the default data folder, made on first run
    assert ok("--db", f"sqlite:///{tmp_path / 'new.db'}", "db", "upgrade").startswith("已将数据库结构升级到最新版本")
    assert ok("--db", f"sqlite:///{tmp_path / 'new.db'}", "outbox").strip() == "短信发件箱为空"
    data = tmp_path / "data" / "deeper"
    done = run_kiosk("db", "upgrade", timeout=60, KIOSK_DATA_DIR=str(data))
    assert done.returncode == 0 and (data / "kiosk.db").exists(), done.stderr


def test_a_data_folder_that_cannot_be_made_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    environ = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    environ.update(KIOSK_NOW=NOW, PYTHONIOENCODING="utf-8", KIOSK_DATA_DIR=str(blocker / "data"))
    done = subprocess.run([sys.executable, "-m", "kiosk"], capture_output=True, text=True, env=environ, timeout=60)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert f"无法读写 {blocker / 'data'}" in done.stderr, done.stderr


def test_db_upgrade_creates_the_schema_in_a_folder_that_does_not_exist_yet(tmp_path: Path) -> None:
    path = tmp_path / "new" / "deeper" / "kiosk.db"
    url = f"sqlite:///{path}"
    assert ok("--db", url, "db", "upgrade").strip().startswith("已将数据库结构升级到最新版本（")
    assert path.exists()
    counts = row_counts(url)
    assert {"accounts", "audit_log", "exam_sessions", "sms_codes"} <= set(counts)
    assert sum(counts.values()) == 0  # schema only, no demo data
    engine = make_engine(url)
    try:
        assert is_current(engine)
    finally:
        engine.dispose()
    ok("--db", url, "db", "upgrade")  # again: nothing to do, no error


@dataclass
class DemoRun:
    url: str
    first: str
    second: str
    counts_first: dict[str, int]
    counts_second: dict[str, int]


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> DemoRun:
    url = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'kiosk.db'}"
    first = ok("--db", url, "demo")
    counts_first = row_counts(url)
    second = ok("--db", url, "demo")
    return DemoRun(url, first, second, counts_first, row_counts(url))


@pytest.fixture(scope="module")
def demo_env(demo_run: DemoRun, tmp_path_factory: pytest.TempPathFactory,
             settings_factory) -> Iterator[Env]:  # type: ignore[no-untyped-def]
    settings = settings_factory(tmp_path_factory.mktemp("demo_env"))
    settings.db_url = demo_run.url
    env = make_env(settings)
    yield env
    env.db.dispose()


def test_demo_twice_is_idempotent(demo_run: DemoRun) -> None:
    assert demo_run.counts_first["accounts"] >= 20
    assert demo_run.counts_first["exam_plans"] > 0 and demo_run.counts_first["staff"] > 0
    assert demo_run.counts_second == demo_run.counts_first
    first, second = added(demo_run.first), added(demo_run.second)
    assert set(first) == {"办事网点", "群众", "考试计划", "工作人员"}
    assert first["群众"] >= 20 and first["考试计划"] > 0 and first["工作人员"] > 0
    assert set(second) == set(first) and set(second.values()) == {0}  # the second run adds nothing
    assert demo_run.first.startswith(f"演示数据已载入（按{TODAY}的日期）：")  # KIOSK_NOW's day


def test_demo_prints_a_table_of_at_least_20_identities(demo_run: DemoRun) -> None:
    ids = ID_ROW.findall(demo_run.first)
    assert len(ids) >= 20 and len(set(ids)) == len(ids)
    assert "身份证号码" in demo_run.first and "手机号码" in demo_run.first
    for line in demo_run.first.splitlines():
        if ID_ROW.match(line):
            assert re.search(r"\b1[3-9]\d{9}\b", line), line  # each identity shows its phone
    assert "（未注册）" in demo_run.first
    assert "J1001" in demo_run.first and "kiosk-1001" in demo_run.first  # staff table
    assert "考试管理" in demo_run.first and "exam_admin" not in demo_run.first  # roles as the counter names them


def test_outbox_json_newest_first_and_filtered_by_phone(demo_run: DemoRun, tmp_path: Path,
                                                        settings_factory) -> None:  # type: ignore[no-untyped-def]
    # A copy of the demo database, so the module's other tests see it unchanged.
    path = tmp_path / "outbox.db"
    with closing(sqlite3.connect(demo_run.url.removeprefix("sqlite:///"))) as src, \
            closing(sqlite3.connect(path)) as dst:
        src.backup(dst)
    url = f"sqlite:///{path}"
    settings = settings_factory(tmp_path)
    settings.db_url = url
    env = make_env(settings)
    try:
        bootstrap.prepare(env)
        with env.db.read() as s:
            accounts = list(s.scalars(select(Account).where(Account.registered_at.is_not(None),
                                                            Account.kind == "personal").order_by(Account.id).limit(2)))
        for account in (accounts[0], accounts[1], accounts[0]):
            auth.start_sign_in(env, account.id_number)
            env.clock.advance(seconds=61)  # type: ignore[attr-defined]
    finally:
        env.db.dispose()
    listed = json.loads(ok("--db", url, "outbox", "--json", "--limit", "1000"))
    assert isinstance(listed, list) and set(listed[0]) >= {"id", "phone", "body", "created_at"}
    every = [m for m in listed if m["created_at"] >= NOW]  # the demo history's SMS are older
    assert every == listed[:3] and len(listed) > 3  # newest first, then the history
    # the history too, by time (README tester: by row id it began 2026-09-04, the demo's people
    # being added one after another, and the newest of them were past --limit)
    assert [m["created_at"] for m in listed] == sorted((m["created_at"] for m in listed), reverse=True)
    times = [m["created_at"] for m in every]
    assert times == sorted(times, reverse=True) and len(set(times)) == 3
    assert [m["phone"] for m in every] == [accounts[0].phone, accounts[1].phone, accounts[0].phone]
    assert all(re.search(r"验证码\d{6}", m["body"]) for m in every)
    assert not any(re.search(r"验证码\d{6}", m["body"]) for m in listed[3:])
    mine = json.loads(ok("--db", url, "outbox", "--json", "--phone", accounts[0].phone))
    assert [m["id"] for m in mine if m["created_at"] >= NOW] == [every[0]["id"], every[2]["id"]]
    assert {m["phone"] for m in mine} == {accounts[0].phone}
    plain = ok("--db", url, "outbox", "--phone", accounts[1].phone)
    assert accounts[1].phone in plain and accounts[0].phone not in plain


def upgraded(path: Path) -> str:
    """The URL of a new database at ``path``, made as an administrator makes one (kiosk db upgrade)."""
    url = f"sqlite:///{path}"
    ok("--db", url, "db", "upgrade")
    return url


def test_outbox_limit_below_one_is_refused(tmp_path: Path) -> None:
    url = upgraded(tmp_path / "k.db")
    for limit in ("0", "-5"):
        done = run_kiosk("--db", url, "outbox", "--limit", limit, timeout=60)
        assert done.returncode == 2 and done.stdout == "", done
        assert done.stderr.strip() == f"kiosk: --limit 须为不小于1的整数，收到 {limit}", done.stderr


def test_outbox_phone_that_is_no_phone_number_is_refused(tmp_path: Path) -> None:
    done = run_kiosk("--db", upgraded(tmp_path / "k.db"), "outbox", "--phone", "abc", timeout=60)
    assert done.returncode == 2 and done.stdout == "", done  # not "outbox is empty", as if it were a number
    assert done.stderr.startswith("kiosk: --phone 手机号码") and done.stderr.strip().endswith("收到 abc"), done.stderr


def test_outbox_of_an_empty_database(tmp_path: Path) -> None:
    url = upgraded(tmp_path / "empty.db")
    assert json.loads(ok("--db", url, "outbox", "--json")) == []
    assert ok("--db", url, "outbox").strip() == "短信发件箱为空"
    assert ok("--db", url, "outbox", "--phone", "13900000000").strip() == "短信发件箱中没有发往该号码的短信"


# What the demo data covers ------------------------------------------------------------------

def test_demo_has_at_least_20_valid_citizens(demo_env: Env) -> None:
    with demo_env.db.read() as s:
        people = list(s.scalars(select(Account).where(Account.kind == "personal")))
        assert len(people) >= 20
        for a in people:
            assert normalize_id_number(a.id_number) == a.id_number
            if a.phone:
                normalize_phone(a.phone)
        assert len({a.phone for a in people if a.phone}) == len([a for a in people if a.phone])
        for plate in s.scalars(select(Vehicle.plate)):
            assert normalize_plate(plate) == plate
        assert any(a.registered_at is None for a in people)  # someone to register
        assert any(age_on(a.id_number, TODAY) < 18 for a in people)  # someone too young for C1


def test_demo_has_a_learner_before_kemu_one(demo_env: Env) -> None:
    with demo_env.db.read() as s:
        assert s.scalar(select(func.count()).where(LearnerPermit.issued_on.is_(None),
                                                   LearnerPermit.active.is_(True))) >= 1


def test_demo_has_a_kemu_two_failed_yesterday(demo_env: Env) -> None:
    with demo_env.db.read() as s:
        fails = [r for r in s.scalars(select(ExamResult).where(ExamResult.subject == 2, ExamResult.passed.is_(False)))
                 if r.taken_at.date() == TODAY - timedelta(days=1)]
        assert len(fails) >= 2 and len({r.booking_id for r in fails}) == 1  # exam and retake of one booking


def test_demo_has_a_permit_expiring_in_about_four_months(demo_env: Env) -> None:
    with demo_env.db.read() as s:
        ends = [d for d in s.scalars(select(LearnerPermit.valid_to)) if d is not None]
    assert any(timedelta(days=100) <= d - TODAY <= timedelta(days=140) for d in ends)
    assert any(d - TODAY < timedelta(days=183) for d in ends)  # under 6 months: priority booking


def test_demo_licence_statuses_points_and_photos(demo_env: Env) -> None:
    with demo_env.db.read() as s:
        licences = list(s.scalars(select(DrivingLicence)))
    statuses = {code for lic in licences for code in lic.status}
    assert {"A", "F", "L", "H"} <= statuses
    assert any(lic.points >= 9 and lic.points < 12 for lic in licences)
    assert any(lic.photo is None for lic in licences)
    assert any(lic.photo is not None for lic in licences)


def test_demo_has_a_holder_of_two_vehicles(demo_env: Env) -> None:
    with demo_env.db.read() as s:
        most = s.execute(select(Vehicle.owner_id, func.count()).group_by(Vehicle.owner_id)
                         .order_by(func.count().desc()).limit(1)).one()
        owner = s.get(Account, most[0])
        assert most[1] >= 2 and owner is not None and owner.kind == "personal"


def test_demo_has_a_unit_account(demo_env: Env) -> None:
    with demo_env.db.read() as s:
        unit = s.scalars(select(Account).where(Account.kind == "unit")).one()
        assert normalize_credit_code(unit.id_number) == unit.id_number
        assert unit.agent_id_number and s.scalar(select(Account).where(Account.id_number == unit.agent_id_number))
        assert unit.authorisation_ref


def test_demo_has_60_days_of_exam_plans_over_several_sites(demo_env: Env) -> None:
    with demo_env.db.read() as s:
        ahead = ExamPlan.allocated_at.is_(None)  # the plans of the demo learners' past exams are allocated
        first, last = s.execute(select(func.min(ExamPlan.exam_date), func.max(ExamPlan.exam_date)).where(ahead)).one()
        assert first > TODAY and (last - TODAY).days >= 59
        # allocated: the plans of past exams, and those whose publication day was before the demo's
        # first day (run then, nobody had applied), so the counter lists none as 逾期
        assert s.scalar(select(func.max(ExamPlan.publish_on)).where(~ahead)) < TODAY
        assert s.scalar(select(func.min(ExamPlan.publish_on)).where(ahead)) >= TODAY
        days = set(s.scalars(select(ExamPlan.exam_date).where(ahead).distinct()))
        assert len(days) >= 50
        assert len(set(s.scalars(select(ExamSession.site_id).distinct()))) >= 3
        assert set(s.scalars(select(ExamPlan.subject).distinct())) == {1, 2, 3}
        assert s.scalar(select(func.count()).where(ExamPlan.publish_on >= ExamPlan.exam_date)) == 0
        assert s.scalar(select(func.count()).where(ExamSession.seats <= 0)) == 0


def test_demo_has_staff_for_every_role(demo_env: Env) -> None:
    with demo_env.db.read() as s:
        roles = {r for staff in s.scalars(select(Staff)) for r in staff.roles}
    assert {"counter", "review", "exam_admin", "verify", "admin"} <= roles


@pytest.mark.parametrize("now", ["2028-02-29T09:00", "2027-12-31T09:00"])
def test_demo_loads_on_any_day(now: str, tmp_path: Path, settings_factory) -> None:  # type: ignore[no-untyped-def]
    settings = settings_factory(tmp_path)
    settings.now = datetime.fromisoformat(now)
    env = make_env(settings)
    try:
        assert bootstrap.prepare(env) is True
    finally:
        env.db.dispose()
