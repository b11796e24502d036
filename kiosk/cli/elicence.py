"""kiosk verify PAYLOAD | kiosk elicence show|export-key | kiosk review list|approve|reject."""
from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

from ..domain.errors import DomainError
from ..domain.qr_text import fit_qr, render_qr
from ..services import bootstrap, elicence_card, elicence_keys, elicence_review, elicence_verify
from ..services.env import Env


VERIFY_OK, VERIFY_INVALID, VERIFY_ABNORMAL = 0, 1, 2
VERIFY_HELP = """Check a scanned e-licence code: signature, key and validity window (offline), and with
--online also the licence as it is on record now. The first line says what to do with it:
  有效：...                              authentic, licence 正常
  证件真实，但驾驶证状态异常：暂扣       authentic, but the licence is not normal (red on the card)
  无效：...                              not valid (forged, expired, revoked, re-issued, unreadable)

exit codes:
  0 authentic and the licence is normal (正常)
  1 not valid
  2 authentic, but the licence is not normal (暂扣, 超分, 违法未处理 ...)
--json prints valid (authentic), normal, status and headline as well."""


def register(sub: argparse._SubParsersAction) -> None:
    v = sub.add_parser("verify", help="check an e-licence QR payload (DL1:/DL2:); exit 0 only when authentic "
                       "and the licence is normal", description=VERIFY_HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    v.add_argument("payload", help="the scanned text, or - to read it from standard input")
    v.add_argument("--online", action="store_true", help="also check the current record in the database")
    v.add_argument("--json", action="store_true", help="print JSON")
    v.set_defaults(handler=verify)

    e = sub.add_parser("elicence", help="electronic driving licence (staff)")
    e_sub = e.add_subparsers(dest="elicence_command", required=True, metavar="ACTION")
    show = e_sub.add_parser("show", help="print the card and a freshly signed QR code")
    show.add_argument("id_number", help="the driver's ID number")
    show.add_argument("--profile", choices=("auto", "full", "compact"), default="auto",
                      help="QR payload: full (65x33 cells), compact (45x23) or the largest that fits (default)")
    show.add_argument("--payload-only", action="store_true", help="print only the payload text (for scripts)")
    show.set_defaults(handler=show_card)
    export = e_sub.add_parser("export-key", help="print this terminal's public key (PEM) for verifiers "
                              "without the database; --all DIR writes every key it trusts")
    export.add_argument("--all", metavar="DIR", dest="all_to",
                        help="write every key this terminal trusts (its own and those registered in the "
                        "database) as DIR/<key id>.pub.pem, for a verifier's <data dir>/keys")
    export.set_defaults(handler=export_key)

    r = sub.add_parser("review", help="review photos queued by the kiosk (e-licence)")
    r_sub = r.add_subparsers(dest="review_command", required=True, metavar="ACTION")
    r_sub.add_parser("list", help="list pending photo reviews").set_defaults(handler=review_list)
    ok = r_sub.add_parser("approve", help="approve by serial number (业务流水号)")
    ok.add_argument("serial")
    ok.set_defaults(handler=review_approve)
    reasons = "; ".join(f"{i}={t}" for i, t in enumerate(elicence_review.REJECT_REASONS, 1))
    no = r_sub.add_parser("reject", help="reject by serial number with a reason")
    no.add_argument("serial")
    no.add_argument("--reason", required=True, help=f"number or text: {reasons}")
    no.set_defaults(handler=review_reject)


def verify(args: argparse.Namespace, env: Env) -> int:
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


# The e-licence service words its refusals for the citizen at the kiosk (您名下没有机动车驾驶证);
# `kiosk elicence show` is run by staff about someone else.
FOR_STAFF = (("您名下", "该身份证号码名下"), ("您的", "该驾驶人的"), ("您还没有", "该驾驶人还没有"))


def for_staff(message: str) -> str:
    for citizen, staff in FOR_STAFF:
        message = message.replace(citizen, staff)
    return message


def show_card(args: argparse.Namespace, env: Env) -> int:
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
    print(f"  生成时间：{code.generated_at:%Y-%m-%d %H:%M:%S}  有效{code.ttl}秒，至{code.expires_at:%H:%M:%S}")
    print()
    print(qr.ansi())
    print(f"二维码 {'完整' if text == code.full else '简版'}  版本{qr.version}-{qr.level}  {qr.columns}x{qr.rows}")
    return 0


def export_key(args: argparse.Namespace, env: Env) -> int:
    if args.all_to is None:
        print(elicence_keys.key_store(env).export_public_pem(), end="")
        return 0
    for kid, source, path in elicence_keys.export_all(env, Path(args.all_to).expanduser()):
        print(f"{kid}  {source}  {path}")
    return 0


def review_list(args: argparse.Namespace, env: Env) -> int:
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
    bootstrap.prepare(env, load_demo=False)
    try:
        done = elicence_review.approve(env, args.serial)
    except DomainError as exc:
        return _fail(exc)
    print(f"{done.serial_no} {done.status}：{done.note}")
    return 0


def review_reject(args: argparse.Namespace, env: Env) -> int:
    bootstrap.prepare(env, load_demo=False)
    try:
        done = elicence_review.reject(env, args.serial, args.reason)
    except DomainError as exc:
        if exc.field == "reason":  # the counter shows a list; here the numbers are the list
            reasons = "；".join(f"{i} {r}" for i, r in enumerate(elicence_review.REJECT_REASONS, 1))
            return _fail(DomainError(f"--reason 须为1-{len(elicence_review.REJECT_REASONS)}或原因全文：{reasons}"))
        return _fail(exc)
    print(f"{done.serial_no} {done.note}")  # the note already starts with 审核不通过
    return 0
