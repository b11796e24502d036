"""kiosk verify PAYLOAD | kiosk elicence show|export-key | kiosk review list|approve|reject."""
from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.errors import DomainError, for_staff  # `kiosk elicence show` is run by staff about someone else
from ..domain.photo_rules import REJECT_REASONS
from .help_format import KioskRawDescriptionFormatter
from .options import ACTION, add

if TYPE_CHECKING:
    from ..services.env import Env


VERIFY_OK, VERIFY_INVALID, VERIFY_ABNORMAL = 0, 1, 2
VERIFY_HELP = """核验扫描到的电子驾驶证二维码：离线核验签名、密钥和有效时间；加 --online 时
再核对数据库中该驾驶证现在的记录。输出的第一行是结论：
  有效：...                         证件真实，驾驶证状态正常
  证件真实，但驾驶证状态异常：暂扣  驾驶证状态不正常（电子驾驶证上为红色）
  无效：...                         伪造、过期、已失效、已重新签发或无法识别

退出码：
  0 证件真实，驾驶证状态正常
  1 证件无效
  2 证件真实，但驾驶证状态异常（暂扣、超分、违法未处理等）
加 --json 时另输出 valid（证件真实）、normal（状态正常）、status（驾驶证状态）
和 headline（结论）。"""


def register(sub: argparse._SubParsersAction) -> None:
    v = add(sub, "verify", "核验电子驾驶证二维码内容（DL1:/DL2:）；仅当证件真实且驾驶证状态正常时退出码为0",
            description=VERIFY_HELP, formatter_class=KioskRawDescriptionFormatter)
    v.add_argument("payload", metavar="二维码内容", help="扫描得到的文本；为 - 时从标准输入读取")
    v.add_argument("--online", action="store_true", help="同时核对数据库中该驾驶证现在的记录")
    v.add_argument("--json", action="store_true", help="以 JSON 输出")
    v.set_defaults(handler=verify, needs_db=lambda a: a.online)  # offline: the key files alone

    e = add(sub, "elicence", "电子驾驶证（工作人员用）：显示电子驾驶证，导出公钥")
    e_sub = e.add_subparsers(dest="elicence_command", required=True, metavar=ACTION)
    show = add(e_sub, "show", "显示驾驶人的电子驾驶证和新签发的二维码")
    show.add_argument("id_number", metavar="身份证号码", help="驾驶人的身份证号码")
    show.add_argument("--profile", choices=("auto", "full", "compact"), default="auto",
                      help="二维码内容：full（完整，65x33格），compact（简版，45x23格），或 auto：终端放得下的最大一种"
                      "（默认）")
    show.add_argument("--payload-only", action="store_true", help="只输出二维码内容文本（供脚本使用）")
    show.set_defaults(handler=show_card)
    export = add(e_sub, "export-key", "输出本终端的公钥（PEM），供不连数据库的核验端使用；加 --all 目录 时写出本终端"
                 "信任的全部公钥")
    export.add_argument("--all", metavar="目录", dest="all_to",
                        help="把本终端信任的全部公钥（本终端的和数据库中登记的）写为 目录/<密钥编号>.pub.pem，"
                        "供核验端放入其 <数据目录>/keys")
    export.set_defaults(handler=export_key, needs_db=lambda a: a.all_to is not None)  # --all: the database's keys

    r = add(sub, "review", "审核自助终端提交的照片（电子驾驶证）")
    r_sub = r.add_subparsers(dest="review_command", required=True, metavar=ACTION)
    add(r_sub, "list", "列出待审核的照片").set_defaults(handler=review_list)
    ok = add(r_sub, "approve", "按业务流水号审核通过")
    ok.add_argument("serial", metavar="业务流水号", help="待审核照片的业务流水号（见 kiosk review list）")
    ok.set_defaults(handler=review_approve)
    reasons = "；".join(f"{i}={t}" for i, t in enumerate(REJECT_REASONS, 1))
    no = add(r_sub, "reject", "按业务流水号审核不通过，须给出原因")
    no.add_argument("serial", metavar="业务流水号", help="待审核照片的业务流水号（见 kiosk review list）")
    no.add_argument("--reason", required=True, metavar="原因", help=f"原因编号或原因全文：{reasons}")
    no.set_defaults(handler=review_reject)


def verify(args: argparse.Namespace, env: Env) -> int:
    from ..services import bootstrap, elicence_verify

    text = sys.stdin.read() if args.payload == "-" else args.payload
    if args.online:
        bootstrap.prepare(env, load_demo=False)
    report = elicence_verify.verify(env, text, online=args.online)
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(report.headline)
        if report.valid and not report.normal:
            print(f"核验结果：{report.reason}")
        if report.generated_at and report.expires_at:
            print(f"生成时间：{report.generated_at:%Y-%m-%d %H:%M:%S}  有效至：{report.expires_at:%Y-%m-%d %H:%M:%S}"
                  f"  密钥：{report.key_id}")
        for label, value in report.fields:
            print(f"{label}：{value}")
    return VERIFY_OK if report.normal else VERIFY_ABNORMAL if report.valid else VERIFY_INVALID


def _fail(exc: DomainError) -> int:
    print(f"kiosk: {exc.message}", file=sys.stderr)
    return 1


def show_card(args: argparse.Namespace, env: Env) -> int:
    from ..domain.qr_text import fit_qr, render_qr
    from ..services import bootstrap, elicence_card

    bootstrap.prepare(env, load_demo=False)
    try:
        account_id = elicence_card.account_for(env, args.id_number)
        card = elicence_card.staff_card(env, args.id_number)
        code = elicence_card.fresh_code(env, account_id)
    except DomainError as exc:
        return _fail(DomainError(for_staff(exc.message), exc.field))
    cols, rows = shutil.get_terminal_size((120, 40))
    profile = args.profile
    if profile == "auto":  # the full code when the terminal shows all of it, else the compact one
        profile = "full" if fit_qr(code.full, cols, rows - 1, max_level="L") else "compact"
    text = code.full if profile == "full" else code.compact
    qr = render_qr(text, level="L")
    if args.payload_only:
        print(text)
        return 0
    print(f"机动车驾驶证（电子版）  {'正常' if card.colour == 'green' else card.status_text}")
    for label, value in card.fields:
        print(f"  {label}：{value}")
    until = "%H:%M:%S" if code.expires_at.date() == code.generated_at.date() else "%Y-%m-%d %H:%M:%S"  # past midnight
    print(f"  生成时间：{code.generated_at:%Y-%m-%d %H:%M:%S}  有效{code.ttl}秒，至{code.expires_at.strftime(until)}")
    print()
    print(qr.ansi())
    print(f"二维码 {'完整' if text == code.full else '简版'}  版本{qr.version}-{qr.level}  {qr.columns}x{qr.rows}")
    return 0


def export_key(args: argparse.Namespace, env: Env) -> int:
    from ..services import elicence_keys

    if args.all_to is None:
        print(elicence_keys.key_store(env).export_public_pem(), end="")
        return 0
    for kid, source, path in elicence_keys.export_all(env, Path(args.all_to).expanduser()):
        print(f"{kid}  {source}  {path}")
    return 0


def review_list(args: argparse.Namespace, env: Env) -> int:
    from ..services import bootstrap, elicence_review

    bootstrap.prepare(env, load_demo=False)
    rows = elicence_review.pending(env)
    if not rows:
        print("没有待审核的照片")
    for item in rows:
        print(f"{item.serial_no}  {item.title}  {item.name} {item.id_masked}  {item.source}  "
              f"{item.submitted_at:%Y-%m-%d %H:%M}  {item.photo}")
        print("    自动检查：" + "；".join(item.checks))
    return 0


def review_approve(args: argparse.Namespace, env: Env) -> int:
    from ..services import bootstrap, elicence_review

    bootstrap.prepare(env, load_demo=False)
    try:
        done = elicence_review.approve(env, args.serial)
    except DomainError as exc:
        return _fail(exc)
    print(f"{done.serial_no} {done.status}：{done.note}")
    return 0


def review_reject(args: argparse.Namespace, env: Env) -> int:
    from ..services import bootstrap, elicence_review

    bootstrap.prepare(env, load_demo=False)
    try:
        done = elicence_review.reject(env, args.serial, args.reason)
    except DomainError as exc:
        if exc.field == "reason":  # the counter shows a list; here the numbers are the list
            reasons = "；".join(f"{i} {r}" for i, r in enumerate(REJECT_REASONS, 1))
            return _fail(DomainError(f"--reason 须为1-{len(REJECT_REASONS)}或原因全文：{reasons}"))
        return _fail(exc)
    print(f"{done.serial_no} {done.note}")  # the note already starts with 审核不通过
    return 0
