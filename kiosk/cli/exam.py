"""kiosk allocate | kiosk exam-result: publication-day allocation and recording exam results."""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime

from ..domain.errors import DomainError
from ..services import allocation_preview, allocation_service, bootstrap, exam_results
from ..services.env import Env


def register(sub: argparse._SubParsersAction) -> None:
    al = sub.add_parser("allocate", help="publication day: close booking and place applicants by ranking")
    al.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="the result-publication day to allocate")
    al.add_argument("--json", action="store_true",
                    help='print {"date", "placed", "unplaced", "sessions": [{"id", "seats", "placed"}]}: '
                         'placed and unplaced count the applications this run decided (0 and 0 when the day '
                         'was allocated already); each session\'s placed counts everyone with a seat in it '
                         'now (earlier runs and priority bookings included)')
    al.set_defaults(handler=allocate)

    er = sub.add_parser("exam-result", help="record an exam result (pass/fail by score, or a no-show)")
    who = er.add_mutually_exclusive_group(required=True)
    who.add_argument("--booking", type=int, metavar="ID", help="booking id")
    who.add_argument("--id-number", metavar="ID_NO", help="the candidate's ID number (with --subject)")
    er.add_argument("--subject", type=int, choices=(1, 2, 3, 4), help="subject 1-4 (with --id-number)")
    what = er.add_mutually_exclusive_group(required=True)
    what.add_argument("--score", type=int, metavar="N", help="score 0-100; the pass mark decides pass/fail")
    what.add_argument("--no-show", action="store_true", help="the candidate did not come (counts as a fail)")
    er.add_argument("--at", metavar="TIME", help="when the exam was taken, e.g. 2026-12-04T08:30 "
                    "(default: the session start; the retake one hour later)")
    er.add_argument("--retake", action="store_true",
                    help="this is the booking's retake (补考, the 2nd attempt); without it the 1st attempt, so a "
                         "command run twice does not record the same exam as the retake")
    er.add_argument("--json", action="store_true", help="print the result as JSON")
    er.set_defaults(handler=exam_result)


def _fail(message: str) -> int:
    print(f"kiosk: {message}", file=sys.stderr)
    return 1


def allocate(args: argparse.Namespace, env: Env) -> int:
    try:
        day = date.fromisoformat(args.date)
    except ValueError:
        return _fail(f"--date 须为 2026-12-03 这样的日期，收到 {args.date!r}")
    bootstrap.prepare(env, load_demo=False)
    try:
        earlier = allocation_preview.earlier(env, day)
        report = allocation_service.run(env, day)
    except DomainError as exc:
        return _fail(exc.message)
    if earlier and report.plans:  # on stderr: the JSON on stdout keeps its keys
        print(allocation_preview.earlier_text(earlier), file=sys.stderr)
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False))
        return 0
    print("\n".join(allocate_lines(day, report)))
    return 0


def allocate_lines(day: date, report: allocation_service.AllocationReport) -> list[str]:
    """The day's figures (with the priority seats, which the run did not place, said apart), then only
    the sessions where anyone has a seat, and how many sessions have no one. A run that found the day
    allocated already heads those lines 当日场次现有安排：, so they read as the state, not as its work."""
    priority = sum(c.priority for c in report.sessions)
    if report.plans == 0:
        already = "（已安排过，本次未作更改）" if report.sessions else ""
        lines = [f"{day.isoformat()} 没有待安排的考试计划{already}"]
    else:
        also = f"；另有优先预约{priority}人（预约时已安排）" if priority else ""
        lines = [allocation_service.audit_text(report) + also]
    busy = [c for c in report.sessions if c.placed]
    if report.plans == 0 and report.sessions:  # what an earlier run left, not something done now
        lines.append("当日场次现有安排：")
    for c in busy:
        of_which = f"（含优先预约{c.priority}人）" if c.priority else ""
        lines.append(f"  场次{c.id}：已安排{c.placed}人{of_which} / 考位{c.seats}个")
    if len(busy) < len(report.sessions):
        lines.append(f"  其余{len(report.sessions) - len(busy)}个场次无人安排")
    return lines


def exam_result(args: argparse.Namespace, env: Env) -> int:
    bootstrap.prepare(env, load_demo=False)
    try:
        taken_at = datetime.fromisoformat(args.at) if args.at else None
    except ValueError:
        return _fail(f"--at 须为 2026-12-04T08:30 这样的时间，收到 {args.at!r}")
    try:
        if args.booking is not None:
            booking_id = args.booking
        else:
            if args.subject is None:
                return _fail("按身份证号码录入时须同时给出 --subject（考试科目1-4）")
            booking_id = exam_results.find_booking(env, args.id_number, args.subject)
        r = exam_results.record(env, booking_id, score=args.score, no_show=args.no_show, taken_at=taken_at,
                                attempt=2 if args.retake else 1, actor="cli")
    except DomainError as exc:
        if exc.field == "attempt":  # the counter's words (考试次数) are --retake here
            return _fail(exc.message.replace(exam_results.SAY_RETAKE, "请加 --retake")
                         .replace(exam_results.SAY_FIRST, "（不加 --retake）"))
        return _fail(exc.message)
    if args.json:
        print(json.dumps({"booking": r.booking_id, "attempt": r.attempt, "passed": r.passed, "score": r.score,
                          "no_show": r.no_show, "booking_status": r.booking_status, "message": r.message},
                         ensure_ascii=False))
    else:
        print(f"预约编号{r.booking_id} 第{r.attempt}次：{r.message}")
    if r.warning:  # recorded all the same; with --json on stderr, so the JSON keeps its keys
        print(f"注意：{r.warning}", file=sys.stderr if args.json else sys.stdout)
    return 0
