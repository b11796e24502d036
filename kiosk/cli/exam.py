"""kiosk allocate | kiosk exam-result: publication-day allocation and recording exam results."""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from typing import TYPE_CHECKING

from ..domain.errors import DomainError
from ..domain.typed import option_refusal, parse_date
from .options import add, refuse_option

if TYPE_CHECKING:
    from ..services import allocation_service
    from ..services.env import Env


ALLOCATE_HELP = ("结果公布日：截止该日公布结果的考试计划的预约，按排序为申请人安排考位，结果发往网办进度、消息和短信。"
                 "可重复执行：已安排过的日期不再更改。更早的公布日还有未安排的计划时，另在标准错误输出上提示")


def register(sub: argparse._SubParsersAction) -> None:
    al = add(sub, "allocate", "结果公布日：截止预约，按排序安排考位", description=ALLOCATE_HELP)
    al.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="要安排的结果公布日；填 today 则为终端"
                    "时钟（北京时间）的今天，供每天定时执行")
    al.add_argument("--json", action="store_true",
                    help='以 JSON 输出 {"date", "placed", "unplaced", "sessions": [{"id", "seats", "placed"}]}：'
                         "placed 和 unplaced 为本次安排的申请数（placed 为安排到考位的，unplaced 为未能安排的；当日"
                         "已安排过时均为0）；sessions 中每个场次的 seats 为考位数，placed 为该场次现有的已安排人数"
                         "（含以前的安排和优先预约）")
    al.set_defaults(handler=allocate)

    er = add(sub, "exam-result", "录入考试成绩（按分数判定合格或不合格，或记为缺考）")
    who = er.add_mutually_exclusive_group(required=True)
    who.add_argument("--booking", metavar="业务流水号", help="考试预约的业务流水号（16位，网办进度、消息和短信中所示）；"
                     "无业务流水号的预约填其预约编号（审计日志中所示）")
    who.add_argument("--id-number", metavar="身份证号码", help="考生的身份证号码（须同时给出 --subject）")
    er.add_argument("--subject", type=int, choices=(1, 2, 3, 4), help="考试科目1-4（与 --id-number 同用）")
    what = er.add_mutually_exclusive_group(required=True)
    what.add_argument("--score", type=int, metavar="分数", help="成绩0-100，按合格分数线判定合格或不合格")
    what.add_argument("--no-show", action="store_true", help="考生缺考（按不合格计）")
    er.add_argument("--at", metavar="时间", help="考试时间，如 2026-12-04T08:30（默认：场次开始时间；补考为其后一小时）")
    er.add_argument("--retake", action="store_true",
                    help="本次为该预约的补考（第2次考试）；不加则为第1次，因此同一条命令执行两次不会把同一场考试记为补考")
    er.add_argument("--json", action="store_true", help="以 JSON 输出结果（键：booking，serial_no，attempt，passed，"
                    "score，no_show，booking_status，message；booking 为预约编号，serial_no 为业务流水号，无则为 null）")
    er.set_defaults(handler=exam_result)


def _fail(message: str) -> int:
    print(f"kiosk: {message}", file=sys.stderr)
    return 1


def allocate(args: argparse.Namespace, env: Env) -> int:
    from ..services import allocation_preview, allocation_service, bootstrap

    day = allocation_day(args.date, env)
    if day is None:
        return refuse_option(option_refusal("--date", args.date, "须为 2026-12-03 这样的日期或 today"))
    bootstrap.prepare(env, load_demo=False)
    try:
        earlier = allocation_preview.earlier(env, day)
        report = allocation_service.run(env, day)
    except DomainError as exc:
        return _fail(exc.message)
    if earlier:  # on stderr (the JSON on stdout keeps its keys); also when the day had no plans of its own
        print(allocation_preview.earlier_text(earlier), file=sys.stderr)
    if args.json:
        if report.plans == 0:  # on stderr (the JSON keeps its keys): 0 and 0 read the same for a day done
            print(allocation_preview.nothing_to_allocate(day, bool(report.sessions)), file=sys.stderr)
        print(json.dumps(report.as_json(), ensure_ascii=False))
        return 0
    print("\n".join(allocate_lines(day, report)))
    return 0


TODAY = ("today", "今天")


def allocation_day(text: str, env: Env) -> date | None:
    """--date: a date as the screens read one (２０２６-１２-０５ and 2026/12/5 too), or today: the
    kiosk's own day (北京时间), whatever the time zone of the machine a daily timer runs on (at
    00:05 in Beijing a server on UTC is still on the day before)."""
    if text.strip().lower() in TODAY:
        return env.clock.now().date()
    return parse_date(text)


def allocate_lines(day: date, report: allocation_service.AllocationReport) -> list[str]:
    """The day's figures (with the priority seats, which the run did not place, said apart), then only
    the sessions where anyone has a seat, and how many sessions have no one. A run that found the day
    allocated already heads those lines 当日场次现有安排：, so they read as the state, not as its work."""
    from ..services import allocation_preview, allocation_service

    priority = sum(c.priority for c in report.sessions)
    if report.plans == 0:
        lines = [allocation_preview.nothing_to_allocate(day, bool(report.sessions))]
    else:
        also = f"；另有优先预约{priority}人（预约时已安排）" if priority else ""
        lines = [allocation_service.audit_text(report) + also]
    busy = [c for c in report.sessions if c.placed]
    if report.plans == 0 and report.sessions:  # what an earlier run left, not something done now
        lines.append("当日场次现有安排：")
    for c in busy:
        of_which = f"（含优先预约{c.priority}人）" if c.priority else ""
        named = f"（{c.label()}）" if c.label() else ""
        lines.append(f"  场次{c.id}{named}：已安排{c.placed}人{of_which} / 考位{c.seats}个")
    if len(busy) < len(report.sessions):
        lines.append(f"  其余{len(report.sessions) - len(busy)}个场次无人安排")
    return lines


def exam_result(args: argparse.Namespace, env: Env) -> int:
    from ..services import bootstrap, exam_booking_ref, exam_results

    try:
        taken_at = datetime.fromisoformat(args.at) if args.at is not None else None
    except ValueError:
        return refuse_option(option_refusal("--at", args.at, "须为 2026-12-04T08:30 这样的时间"))
    if args.booking is None and args.subject is None:
        return refuse_option("按身份证号码录入时须同时给出 --subject（考试科目1-4）")
    if args.booking is not None and exam_booking_ref.parse_ref(args.booking) is None:
        return refuse_option(f"--booking {exam_booking_ref.REF_FORM}，收到 {args.booking!r}")
    bootstrap.prepare(env, load_demo=False)
    try:
        exam_results.check_entry(args.score, args.no_show)  # the command's own values before any look-up
        if args.booking is not None:
            booking_id = exam_booking_ref.booking_of(env, args.booking)
        else:
            booking_id = exam_results.find_booking(env, args.id_number, args.subject)
        r = exam_results.record(env, booking_id, score=args.score, no_show=args.no_show, taken_at=taken_at,
                                attempt=2 if args.retake else 1, actor="cli")
    except DomainError as exc:
        if exc.field == "attempt":  # the counter's words (考试次数) are --retake here
            return _fail(exc.message.replace(exam_results.SAY_RETAKE, "请加 --retake")
                         .replace(exam_results.SAY_FIRST, "（不加 --retake）"))
        return _fail(exc.message)
    if args.json:
        print(json.dumps({"booking": r.booking_id, "serial_no": r.serial_no or None, "attempt": r.attempt,
                          "passed": r.passed, "score": r.score, "no_show": r.no_show,
                          "booking_status": r.booking_status, "message": r.message}, ensure_ascii=False))
    else:
        print(f"{r.name} 第{r.attempt}次：{r.message}")
    if r.warning:  # recorded all the same; with --json on stderr, so the JSON keeps its keys
        print(f"注意：{r.warning}", file=sys.stderr if args.json else sys.stdout)
    return 0
