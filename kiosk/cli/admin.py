"""kiosk db upgrade | kiosk db sms-key | kiosk demo | kiosk outbox."""
from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from ..domain.errors import DomainError
from ..domain.ids import normalize_phone
from .help_format import pad
from .options import ACTION, add, refuse_option

if TYPE_CHECKING:
    from ..services.env import Env


def register(sub: argparse._SubParsersAction) -> None:
    db = sub.add_parser("db", help="数据库维护", description="数据库维护：升级数据库结构，新建短信验证码密钥")
    db_sub = db.add_subparsers(dest="db_command", required=True, metavar=ACTION)
    add(db_sub, "upgrade", "把数据库结构升级到最新版本（新数据库连同所在文件夹一起建）").set_defaults(
        handler=db_upgrade, needs_db=False)  # the way to make a new database
    add(db_sub, "sms-key", "本终端还没有短信验证码密钥（<数据目录>/keys/sms-code.key，权限0600）时新建，已有的从不"
        "替换；输出其路径。共用同一数据库的各终端要在任一终端都能使用另一终端发出的验证码，须用同一密钥："
        "把该文件复制到每台终端，再重启它们"
        ).set_defaults(handler=sms_key, needs_db=False)  # a file in the data folder only
    add(sub, "demo", "载入演示数据（可重复执行，只补上缺少的），并列出演示身份和工作人员账号").set_defaults(
        handler=load_demo, needs_db=False)  # makes the database it loads into, as the kiosk's first run
    out = add(sub, "outbox", "列出短信发件箱，最新的在前")
    out.add_argument("--phone", metavar="手机号码", help="只列出发往该手机号码的短信")
    out.add_argument("--json", action="store_true", help="以 JSON 输出（键：id，phone，body，created_at）")
    out.add_argument("--limit", type=int, default=50, metavar="条数", help="最多列出多少条（默认50）")
    out.set_defaults(handler=outbox)


def db_upgrade(args: argparse.Namespace, env: Env) -> int:
    from ..services import bootstrap

    reached = bootstrap.migrate(env)
    print(f"已将数据库结构升级到最新版本（{reached}）" if reached else "数据库结构已是最新版本")
    return 0


def sms_key(args: argparse.Namespace, env: Env) -> int:
    """The path of the key on standard output (for a script: cp "$(kiosk db sms-key)" ...), what was
    done on standard error. The key is made as a terminal makes it when it sends its first code."""
    from ..services import code_keys

    path = code_keys.key_path(env.settings.data_dir)
    existed = path.exists()
    key = code_keys.ensure_key(env.settings.data_dir)  # creates it as a terminal would, or reads it
    print(path)
    if not existed:
        print("kiosk: 已新建短信验证码密钥（权限0600）。各终端共用时，把该文件复制到每台终端数据目录的 keys/ 下"
              "（权限0600），再重启正在运行的终端", file=sys.stderr)
        return 0
    print("kiosk: 短信验证码密钥已存在，未改动", file=sys.stderr)
    mode = path.stat().st_mode & 0o777
    if mode & 0o077:
        print(f"kiosk: 注意：该文件的权限为{mode:04o}，其他用户可读，请改为0600（chmod 600 {path}）", file=sys.stderr)
    if len(key) < 32:
        print(f"kiosk: 注意：该文件只有{len(key)}字节（新建的密钥为32字节），请确认它是完整的密钥文件", file=sys.stderr)
    return 0


# What ``demo.load`` counts, as `kiosk demo` says it.
DEMO_ADDED = {"offices": "办事网点", "citizens": "群众", "plans": "考试计划", "staff": "工作人员"}


def load_demo(args: argparse.Namespace, env: Env) -> int:
    from ..services import bootstrap, demo
    from ..services.demo_people import STAFF
    from ..services.staff import roles_text  # as the counter names roles

    bootstrap.prepare(env, load_demo=False)
    added = demo.load(env)
    day = demo.loaded_for(env) or env.clock.now().date()  # an earlier load's day when it was there before
    print(f"演示数据已载入（按{day:%Y-%m-%d}的日期）：" + "，".join(f"{DEMO_ADDED.get(k, k)} +{v}" for k, v in added.items()))
    print(pad("身份证号码", 20) + pad("姓名", 22) + pad("手机号码", 13) + "情形")
    for ident in demo.identities():
        situation = ident.situation + ("" if ident.registered else "（未注册）")
        print(pad(ident.id_number, 20) + pad(ident.name, 22) + pad(ident.phone, 13) + situation)
    print()
    print(pad("工号", 8) + pad("姓名", 10) + pad("角色", 40) + pad("密码", 12) + "PIN")
    for staff_no, name, roles, password, pin in STAFF:
        print(pad(staff_no, 8) + pad(name, 10) + pad(roles_text(roles), 40) + pad(password, 12) + pin)
    return 0


def outbox(args: argparse.Namespace, env: Env) -> int:
    from ..services import bootstrap, messaging

    if args.limit < 1:  # -5 listed everything and 0 said "outbox is empty"
        return refuse_option(f"--limit 须为不小于1的整数，收到 {args.limit}")
    phone = None
    if args.phone is not None:
        try:
            phone = normalize_phone(args.phone)  # `--phone abc` said "outbox is empty", as if it were a number
        except DomainError as exc:
            return refuse_option(f"--phone {exc.message}，收到 {args.phone}")
    bootstrap.prepare(env, load_demo=False)
    rows = messaging.outbox(env, phone, args.limit)
    if args.json:
        print(json.dumps([{"id": m.id, "phone": m.phone, "body": m.body, "created_at": m.created_at.isoformat()}
                          for m in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("短信发件箱中没有发往该号码的短信" if phone else "短信发件箱为空")
    for m in rows:
        print(f"{m.created_at:%Y-%m-%d %H:%M:%S}  {m.phone}  {m.body}")
    return 0
