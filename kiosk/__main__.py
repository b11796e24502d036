"""The ``kiosk`` command: the citizen kiosk, the counter terminal, and the admin subcommands."""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from .config import Settings, default_db_url, parse_now

HELP = """交管12123 大厅自助终端 (12123 hall kiosk)

  kiosk                      citizen self-service kiosk (full screen, kiosk mode)
  kiosk --counter            staff counter terminal
  kiosk db upgrade           apply database migrations
  kiosk demo                 (re)load demo data idempotently; print the demo identities
  kiosk outbox [--phone P] [--json]
                             list the SMS outbox, newest first

Environment: KIOSK_DATABASE_URL, KIOSK_NOW (e.g. 2026-12-01T09:00), KIOSK_TERMINAL_ID, KIOSK_DATA_DIR
"""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kiosk", description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", metavar="URL", help="database URL (default: $KIOSK_DATABASE_URL or a SQLite file "
                   "in the per-user data directory)")
    p.add_argument("--terminal-id", metavar="ID", help="name of this terminal (default: kiosk-<hostname>)")
    p.add_argument("--counter", action="store_true", help="run the staff counter terminal")
    p.add_argument("--now", metavar="TIME", help="freeze the clock, e.g. 2026-12-01T09:00 (also $KIOSK_NOW)")
    p.add_argument("--idle", type=int, metavar="SECONDS", help="idle timeout before the session is wiped (default 120)")
    p.add_argument("--no-demo", action="store_true", help="production mode: no demo SMS notifications, no demo data")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    db_sub.add_parser("upgrade", help="apply migrations up to the latest schema")
    sub.add_parser("demo", help="(re)load demo data idempotently and print the demo identities")
    out = sub.add_parser("outbox", help="list the SMS outbox, newest first")
    out.add_argument("--phone", help="only messages to this phone number")
    out.add_argument("--json", action="store_true", help="print JSON")
    out.add_argument("--limit", type=int, default=50, help="how many messages (default 50)")
    return p


def settings_from(args: argparse.Namespace) -> Settings:
    s = Settings(db_url=args.db or default_db_url())
    if args.terminal_id:
        s.terminal_id = args.terminal_id
    s.counter = args.counter
    s.now = parse_now(args.now or os.environ.get("KIOSK_NOW"))
    s.clock_runs = True  # the date is pinned; seconds still tick so countdowns and the live clock move
    if args.idle:
        s.idle_seconds = max(args.idle, s.idle_warning_seconds + 1)
    s.demo = not args.no_demo
    return s


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = settings_from(args)
    except ValueError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 2
    from .services.env import make_env

    env = make_env(settings)
    if args.command == "db":
        from .services.bootstrap import ensure_sqlite_dir
        from .db.migrate import upgrade

        ensure_sqlite_dir(settings.db_url)
        upgrade(env.db.engine)
        print("database is at the latest schema")
        return 0
    if args.command == "demo":
        return _demo(env)
    if args.command == "outbox":
        return _outbox(env, args)
    return _run_app(settings, env)


def _demo(env) -> int:  # type: ignore[no-untyped-def]
    from .services import bootstrap, demo

    bootstrap.prepare(env, load_demo=False)
    added = demo.load(env)
    print(f"demo data loaded: {added}")
    print(f"{'身份证号码':<16}  {'姓名':<8}  {'手机号码':<11}  情形")
    for ident in demo.identities():
        name = ident.name if len(ident.name) <= 6 else ident.name[:6]
        pad = 10 - 2 * len(name)
        situation = ident.situation + ("" if ident.registered else "（未注册）")
        print(f"{ident.id_number:<18}  {name}{' ' * max(pad, 1)}{ident.phone:<11}  {situation}")
    from .services.demo_people import STAFF

    print("\n工号    姓名      角色                         密码        PIN")
    for staff_no, name, roles, password, pin in STAFF:
        print(f"{staff_no:<7} {name:<6}  {','.join(roles):<28} {password:<11} {pin}")
    return 0


def _outbox(env, args) -> int:  # type: ignore[no-untyped-def]
    from .services import bootstrap, messaging

    bootstrap.prepare(env, load_demo=False)
    rows = messaging.outbox(env, args.phone, args.limit)
    if args.json:
        print(json.dumps([{"id": m.id, "phone": m.phone, "body": m.body, "created_at": m.created_at.isoformat()}
                          for m in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("outbox is empty")
    for m in rows:
        print(f"{m.created_at:%Y-%m-%d %H:%M:%S}  {m.phone}  {m.body}")
    return 0


def _run_app(settings: Settings, env) -> int:  # type: ignore[no-untyped-def]
    from .services import bootstrap
    from .ui.app import make_app

    bootstrap.prepare(env, load_demo=settings.demo)
    make_app(settings, env).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
