"""Exam-booking benchmark (issue 3, item 8). Figures go in the closing note; nothing here is a test.

Rerun from the repository root:
    python bench/booking_bench.py            # 100,000 allocation, 306,600-session query, 8-process booking
    python bench/booking_bench.py --big      # also 1,000,000 applications over 20,000 sessions (slow setup)
    python bench/booking_bench.py --procs 8 --per-proc 400
    python bench/booking_bench.py --skip allocation query --repeat 5   # booking only, median of 5 runs
    python bench/booking_bench.py --skip query concurrency --pg postgresql+psycopg://postgres@127.0.0.1/bench

Each part builds a fresh SQLite file in a temporary folder (migrated with the real Alembic
scripts, filled with bulk inserts that are not timed) and then times the real services:
allocation_service.run, booking_query.query_sessions and booking_submit.submit.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlalchemy  # noqa: E402
from sqlalchemy import func, insert, select  # noqa: E402

from bench import bench_data  # noqa: E402
from kiosk.config import Settings  # noqa: E402
from kiosk.db.models import Booking, ExamSession, SmsCode  # noqa: E402
from kiosk.services import (allocation_release, allocation_service, allocation_sql, booking_query,  # noqa: E402
                            bootstrap)
from kiosk.services.env import Env, make_env  # noqa: E402

NOW = datetime(2027, 1, 4, 9, 0)
CODE = "246810"


def machine() -> None:
    model = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    print(f"machine: {os.cpu_count()} logical cores, {model}, {platform.system()} {platform.release()}")
    print(f"python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, SQLAlchemy {sqlalchemy.__version__}")
    loop, insert_s = calibration()
    print(f"speed of this machine (to compare runs across machines): 10,000,000 Python additions {loop:.2f} s; "
          f"1,000,000 rows into an in-memory SQLite table {insert_s:.2f} s")


def calibration() -> tuple[float, float]:
    """Two small fixed workloads, timed: the same code's figures differ about as much as these do."""
    t0 = time.perf_counter()
    total = 0
    for i in range(10_000_000):
        total += i
    loop = time.perf_counter() - t0
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b TEXT)")
    t0 = time.perf_counter()
    db.executemany("INSERT INTO t VALUES (?, ?, ?)", ((i, i * 7 % 1000, "x" * 20) for i in range(1_000_000)))
    db.commit()
    took = time.perf_counter() - t0
    db.close()
    return loop, took


def fresh_env(folder: Path, name: str, now: datetime = NOW, url: str | None = None) -> Env:
    """A migrated database: a new SQLite file in ``folder``, or the (empty) database at ``url``."""
    settings = Settings(db_url=url or f"sqlite:///{folder / name}", now=now, terminal_id="bench", data_dir=folder)
    settings.clock_runs = False
    env = make_env(settings)
    bootstrap.prepare(env, load_demo=False)
    return env


def checkpoint(env: Env) -> None:
    """Settle the freshly inserted rows as on a live system: SQLite moves them from the WAL into the
    database file; PostgreSQL gets its statistics (autovacuum would, given time)."""
    if env.db.engine.dialect.name == "sqlite":
        with env.db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return
    with env.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE")


def bench_allocation(folder: Path, applicants: int, sites: int, days: int, url: str | None = None) -> None:
    publish = NOW.date()
    env = fresh_env(folder, f"alloc_{applicants}.db", url=url)
    t0 = time.perf_counter()
    site_ids = bench_data.sites(env, sites)
    rows = bench_data.plans(env, site_ids, publish + timedelta(days=2), days, (2, 3), publish_on=publish,
                            opens_at=NOW - timedelta(days=20))
    accounts = bench_data.learners(env, applicants, NOW)
    bench_data.applications(env, accounts, rows, NOW)
    checkpoint(env)
    setup = time.perf_counter() - t0
    seats = sum(r["seats"] for r in rows)
    phases: dict[str, float] = {}
    timed_parts = [(allocation_service, "_applicants"), (allocation_service, "allocate"), (allocation_sql, "load"),
                   (allocation_sql, "write_bookings"), (allocation_release, "release_placed"),
                   (allocation_service, "_publish")]
    originals = [(module, name, getattr(module, name)) for module, name in timed_parts]
    for module, name, real in originals:  # time the phases of the service with thin wrappers

        def timed(*a, _real=real, _name=name):  # type: ignore[no-untyped-def]
            start = time.perf_counter()
            try:
                return _real(*a)
            finally:
                phases[_name] = time.perf_counter() - start

        setattr(module, name, timed)
    t0 = time.perf_counter()
    try:
        report = allocation_service.run(env, publish)
    finally:
        for module, name, real in originals:
            setattr(module, name, real)
    took = time.perf_counter() - t0
    with env.db.read() as s:
        over = s.scalar(select(func.count()).select_from(ExamSession).where(ExamSession.placed > ExamSession.seats))
        booked = s.scalar(select(func.count()).select_from(Booking).where(Booking.status == "placed"))
        filled = s.scalar(select(func.sum(ExamSession.placed)))
    if not report.placed:
        raise SystemExit("allocation benchmark: nobody was placed; the generated applications do not take part")
    if over or booked != report.placed or filled != report.placed:
        raise SystemExit(f"allocation benchmark: counts do not match ({booked}, {filled}, {report.placed}, {over})")
    dialect = env.db.engine.dialect
    where = "" if url is None else f" on {dialect.name} {'.'.join(map(str, dialect.server_version_info or ()))}"
    print(f"allocation{where}: {applicants:,} applications over {len(rows):,} sessions ({seats:,} seats): "
          f"{took:.2f} s (placed {report.placed:,}, unplaced {report.unplaced:,}, sessions over capacity {over}; "
          f"setup {setup:.1f} s, not timed)")
    rest = took - sum(phases.values())
    print(f"  of which: reading the pending applications {phases['_applicants']:.2f} s; pure domain allocate() "
          f"{phases['allocate']:.2f} s; loading the result {phases['load']:.2f} s; bookings and sessions "
          f"{phases['write_bookings']:.2f} s; later plans' counts {phases['release_placed']:.2f} s; 网办进度 "
          f"status/timeline, inbox and SMS rows {phases['_publish']:.2f} s; the rest (smaller reads and writes, the commit) {rest:.2f} s")
    t0 = time.perf_counter()
    again = allocation_service.run(env, publish)
    print(f"  second run (idempotent): {time.perf_counter() - t0:.3f} s, placed {again.placed}, unplaced {again.unplaced}")
    env.db.dispose()


def bench_query(folder: Path, sites: int, days: int, repeats: int = 60) -> None:
    env = fresh_env(folder, "query.db", now=datetime(2027, 1, 1, 9, 0))
    t0 = time.perf_counter()
    site_ids = bench_data.sites(env, sites)
    rows = bench_data.plans(env, site_ids, date(2027, 1, 1), days, (1, 2, 3), opens_at=datetime(2026, 1, 1))
    account = bench_data.learners(env, 1, env.clock.now())[0]
    start = date(2027, 1, 10)
    # a second learner has a 科目三 exam on a day that every range she queries holds: that day is left out
    busy = bench_data.learners(env, 1, env.clock.now(), first_id=2)[0]
    busy_day = start + timedelta(days=30)
    k3 = next(r["id"] for r in rows if r["subject"] == 3 and r["exam_date"] == busy_day)
    with env.db.write() as s:
        s.execute(insert(Booking).values(account_id=busy, permit_id=busy, subject=3, licence_class="C1", mode="self",
                                         choices=[k3], ranking_time=NOW, status="placed", session_id=k3,
                                         created_at=NOW))
    checkpoint(env)
    setup = time.perf_counter() - t0
    print(f"session query: {len(rows):,} sessions over {days} days x {sites} sites x 3 subjects "
          f"(setup {setup:.1f} s, not timed)")
    cases = [("14 days, one site", 17, account), ("14 days, all sites (first 400 rows)", None, account),
             ("3 days, all sites", None, account), ("14 days, one site, an exam on one of the days", 17, busy)]
    for label, site, who in cases:
        span = 2 if label.startswith("3") else 13
        times = []
        for i in range(repeats):
            frm = start + timedelta(days=i % 30) if who == account else busy_day - timedelta(days=i % 14)
            t0 = time.perf_counter()
            result = booking_query.query_sessions(env, who, 2, frm, frm + timedelta(days=span), site)
            times.append((time.perf_counter() - t0) * 1000)
        print(f"  {label}: median {statistics.median(times):.1f} ms, p95 {sorted(times)[int(len(times) * .95)]:.1f} ms "
              f"({len(result.rows)} rows, whole service call incl. facts and ranking)")
    assert result.hidden_days == (busy_day,)  # the last case did leave that day out
    first_day_timing(env, account, repeats)
    env.db.dispose()


def first_day_timing(env: Env, account: int, repeats: int) -> None:
    """booking_query.first_session_day, read once when 选择场次 opens (its default dates start there):
    the bench's plans of the next two days have closed (published two days before the exam)."""
    times = []
    for i in range(repeats):
        t0 = time.perf_counter()
        day = booking_query.first_session_day(env, account, 1 + i % 3)
        times.append((time.perf_counter() - t0) * 1000)
    closed = (day - env.clock.now().date()).days - 1 if day else None
    print(f"  first bookable day: median {statistics.median(times):.1f} ms, p95 {sorted(times)[int(len(times) * .95)]:.1f} ms "
          f"(once per subject when 选择场次 opens; {day}, after {closed} days of closed plans)")


class _Undo(Exception):
    pass


def _warm_up(env: Env, account: int, session: int) -> None:
    """A kiosk process has served citizens before: its statements are compiled and its modules
    imported. So each process first runs the whole booking path once (priority and normal, code
    check included) in transactions that are rolled back, and the clock starts afterwards."""
    from kiosk.services import booking_submit, codes
    from kiosk.services.booking_submit import BookingRequest

    for mode in ("priority", "self"):
        req = BookingRequest(2, mode, (session,))
        with env.db.fast(write=False) as s:
            plan = booking_submit._plan(s, env, account, req)
            pre = codes.precheck(s, env, plan.facts.account.phone or "", booking_submit.CODE_PURPOSE, CODE)
        try:
            with env.db.fast(write=True) as s:
                codes.settle(s, env, pre)
                booking_submit.book(s, env, account, req, plan)
                raise _Undo
        except _Undo:
            pass


def _booker(db_url: str, data_dir: Path, accounts: list[int], sessions: list[int], barrier, out,  # type: ignore[no-untyped-def]
            with_code: bool) -> None:
    from kiosk.domain.errors import Conflict
    from kiosk.services import booking_submit
    from kiosk.services.booking_submit import BookingRequest

    settings = Settings(db_url=db_url, now=NOW, terminal_id=f"bench-{os.getpid()}", data_dir=data_dir)
    settings.clock_runs = False
    env = make_env(settings)
    _warm_up(env, accounts[0], sessions[0])
    ok = refused = 0
    barrier.wait()
    t0, cpu0 = time.perf_counter(), time.process_time()
    for n, acc in enumerate(accounts):
        sid = sessions[(acc * 7 + n) % len(sessions)]
        priority = acc % 2 == 0
        req = BookingRequest(2, "priority" if priority else "self", (sid,))
        try:
            if with_code:
                booking_submit.submit(env, acc, req, CODE)
            else:  # the same validation and write transaction, minus the SMS code
                with env.db.fast(write=False) as s:
                    plan = booking_submit._plan(s, env, acc, req)
                with env.db.fast(write=True) as s:
                    booking_submit.book(s, env, acc, req, plan)
            ok += 1
        except Conflict:
            refused += 1
    out.put((ok, refused, t0, time.perf_counter(), time.process_time() - cpu0))
    barrier.wait()  # kiosks keep running: no process exits (about 0.2 s of CPU) while others still book
    env.db.dispose()


def bench_concurrency(folder: Path, procs: int, per_proc: int, with_code: bool, run: int = 1) -> float:
    """One run on a fresh database file; bookings/s."""
    env = fresh_env(folder, f"concurrent_{with_code}_{run}.db")
    site_ids = bench_data.sites(env, 4)
    rows = bench_data.plans(env, site_ids, NOW.date() + timedelta(days=3), 5, (2,), opens_at=NOW - timedelta(days=5),
                            seats=40, quota=10)
    total = procs * per_proc
    accounts = bench_data.learners(env, total, NOW, permit_left_days=100)
    from kiosk.services.code_keys import code_hash as keyed_hash  # one hash for every code row: setup only

    code_hash = keyed_hash(env, CODE, b"bench-salt-16byt")
    with env.db.write() as s:
        s.execute(insert(SmsCode.__table__), [
            {"phone": str(13000000000 + a), "purpose": "exam_booking", "code_hash": code_hash, "sent_at": NOW,
             "expires_at": NOW + timedelta(minutes=5), "attempts": 0} for a in accounts])
    checkpoint(env)
    session_ids = [r["id"] for r in rows]
    quota = sum(r["priority_quota"] for r in rows)
    ctx = mp.get_context("spawn")
    barrier, out = ctx.Barrier(procs), ctx.Queue()
    workers = [ctx.Process(target=_booker, args=(env.settings.db_url, folder, accounts[i::procs], session_ids, barrier, out,
                                                 with_code)) for i in range(procs)]
    for w in workers:
        w.start()
    results = [out.get(timeout=600) for _ in workers]
    for w in workers:
        w.join()
    ok = sum(r[0] for r in results)
    refused = sum(r[1] for r in results)
    wall = max(r[3] for r in results) - min(r[2] for r in results)
    cpu = sum(r[4] for r in results)
    with env.db.read() as s:
        over = s.scalar(select(func.count()).select_from(ExamSession).where(
            (ExamSession.placed > ExamSession.seats) | (ExamSession.priority_taken > ExamSession.priority_quota)))
        taken = s.scalar(select(func.sum(ExamSession.priority_taken)))
        per_session = select(func.count()).where(Booking.priority, Booking.session_id == ExamSession.id)
        mismatched = s.scalar(select(func.count()).select_from(ExamSession).where(
            (ExamSession.priority_taken != per_session.scalar_subquery())
            | (ExamSession.placed != ExamSession.priority_taken)))
        new_bookings = s.scalar(select(func.count()).select_from(Booking).where(Booking.subject == 2))
    print(f"concurrent booking: {procs} processes, {total:,} submissions (half priority on {len(session_ids)} sessions "
          f"with {quota} priority seats, half normal), "
          + ("full service call booking_submit.submit incl. the SMS-code check:" if with_code else
             "booking transaction only (validation, seat, application, messages; code check skipped):"))
    print(f"  {ok:,} booked + {refused:,} refused (seat gone) in {wall:.2f} s = {(ok + refused) / wall:,.0f} "
          f"submissions/s, {ok / wall:,.0f} bookings/s; priority seats taken {taken}/{quota}; "
          f"sessions over capacity {over}")
    print(f"  CPU of the {procs} processes: {cpu:.2f} s = {cpu / (ok + refused) * 1000:.2f} ms per submission "
          f"({cpu / wall / (os.cpu_count() or 1):.0%} of the machine's cores during the run)")
    print(f"  check: {new_bookings:,} bookings stored for {ok:,} successes; sessions whose priority/placed counts "
          f"differ from their bookings: {mismatched}")
    if over or mismatched or new_bookings != ok:
        raise SystemExit("booking benchmark: counts do not match")
    env.db.dispose()
    return ok / wall


def repeated_concurrency(folder: Path, procs: int, per_proc: int, repeat: int) -> None:
    """This VM's speed drifts from minute to minute, so each variant runs ``repeat`` times,
    alternating, and the spread is reported with the median."""
    figures: dict[bool, list[float]] = {True: [], False: []}
    for n in range(1, repeat + 1):
        for with_code in (True, False):
            if repeat > 1:
                print(f"[run {n}/{repeat}]", end=" ")
            figures[with_code].append(bench_concurrency(folder, procs, per_proc, with_code, n))
    if repeat > 1:
        for with_code, label in ((True, "full service call"), (False, "booking transaction only")):
            got = sorted(figures[with_code])
            print(f"concurrent booking over {repeat} runs, {label}: median {statistics.median(got):,.0f} bookings/s "
                  f"(lowest {got[0]:,.0f}, highest {got[-1]:,.0f}; runs at or above 1,000: "
                  f"{sum(g >= 1000 for g in got)} of {repeat})")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--big", action="store_true", help="also allocate 1,000,000 applications")
    p.add_argument("--procs", type=int, default=8)
    p.add_argument("--per-proc", type=int, default=250)
    p.add_argument("--repeat", type=int, default=1, help="run the concurrent booking this many times (median, range)")
    p.add_argument("--skip", nargs="*", default=[], choices=["allocation", "query", "concurrency"])
    p.add_argument("--pg", metavar="URL", help="also allocate 100,000 applications on this empty PostgreSQL "
                   "database, e.g. postgresql+psycopg://postgres@127.0.0.1:5432/bench (it is filled, not emptied)")
    args = p.parse_args()
    machine()
    with tempfile.TemporaryDirectory(prefix="booking_bench_") as tmp:
        folder = Path(tmp)
        if "allocation" not in args.skip:
            bench_allocation(folder, 100_000, sites=25, days=20)
            if args.big:
                bench_allocation(folder, 1_000_000, sites=125, days=40)
            if args.pg:
                bench_allocation(folder, 100_000, sites=25, days=20, url=args.pg)
        if "query" not in args.skip:
            bench_query(folder, sites=140, days=365)
        if "concurrency" not in args.skip:
            repeated_concurrency(folder, args.procs, args.per_proc, args.repeat)


if __name__ == "__main__":
    main()
