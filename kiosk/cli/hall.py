"""kiosk sites load|list | kiosk staff add|role|list: setting up a hall without the demo data (its offices
and exam sites, its first 管理员, who then makes the other accounts at the counter)."""
from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.errors import DomainError, FieldErrors
from ..domain.roles import ROLE_NAMES
from .help_format import pad
from .options import ACTION, add

if TYPE_CHECKING:
    from ..services import reference_sites
    from ..services.env import Env

SITES_LOAD_HELP = ("载入车管所和考场：只添加数据库中还没有的（按名称对照），已有的不改动，可重复执行。文件为 JSON，格式与"
                   "随程序提供的名单相同；不给出文件时载入该名单（重庆各车管所及其考场，另有连云港的两个演示网点）。"
                   "文件有误时一项也不载入")
STAFF_ADD_HELP = ("新建工作人员账户（如本厅的第一个管理员，其余账户可由管理员在柜台终端的工作人员账户中新建）。"
                  "在终端中执行时询问密码和PIN码，各输入两次；加 --password-stdin 时从标准输入读入")
STAFF_ROLE_HELP = ("修改工作人员账户的角色（与柜台终端工作人员账户中的修改角色相同）：--role 给出修改后的全部角色。"
                   "不能一个角色也不给，不能与现有角色相同，也不能取消最后一个在用管理员账户的管理员角色。"
                   "正在使用该账户的窗口终端：取消的角色在其下一次办理相应业务时失效并退出登录，新增的角色在重新登录后可用")
TRIES = 3  # a password or PIN typed wrong (or not the same twice) this many times: nothing is made


def register(sub: argparse._SubParsersAction) -> None:
    sites = add(sub, "sites", "车管所和考场：载入名单，列出现有的")
    sites_sub = sites.add_subparsers(dest="sites_command", required=True, metavar=ACTION)
    load = add(sites_sub, "load", "载入车管所和考场（只添加缺少的）", description=SITES_LOAD_HELP)
    load.add_argument("file", nargs="?", metavar="文件", help="车管所和考场名单（JSON 文件）；默认为随程序提供的名单")
    load.set_defaults(handler=sites_load)
    add(sites_sub, "list", "列出车管所及其考场").set_defaults(handler=sites_list)

    staff = add(sub, "staff", "工作人员账户：新建，修改角色，列出")
    staff_sub = staff.add_subparsers(dest="staff_command", required=True, metavar=ACTION)
    new = add(staff_sub, "add", "新建工作人员账户", description=STAFF_ADD_HELP)
    new.add_argument("staff_no", metavar="工号", help="4到20位字母或数字")
    new.add_argument("--name", required=True, metavar="姓名", help="工作人员姓名（汉字）")
    _role_option(new, "角色，可重复给出以授予多个：")
    new.add_argument("--password-stdin", action="store_true",
                     help="从标准输入读入密码和PIN码，各一行（第一行密码，第二行PIN码），不再询问；供脚本使用，"
                     "密码不要写在命令行上")
    new.set_defaults(handler=staff_add)
    role = add(staff_sub, "role", "修改工作人员账户的角色", description=STAFF_ROLE_HELP)
    role.add_argument("staff_no", metavar="工号", help="要修改角色的账户")
    _role_option(role, "修改后的角色，可重复给出以授予多个（未给出的角色即取消）：")
    role.set_defaults(handler=staff_role)
    add(staff_sub, "list", "列出工作人员账户（工号、姓名、角色、状态）").set_defaults(handler=staff_list)


def _role_option(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("--role", required=True, action="append", choices=list(ROLE_NAMES), metavar="角色",
                        help=help_text + "，".join(f"{k}（{v}）" for k, v in ROLE_NAMES.items()))


def _fail(exc: DomainError) -> int:
    for _, message in exc.problems if isinstance(exc, FieldErrors) else [(exc.field, exc.message)]:
        print(f"kiosk: {message}", file=sys.stderr)
    return 1


def sites_load(args: argparse.Namespace, env: Env) -> int:
    from ..services import bootstrap, reference_sites

    try:
        listed = reference_sites.read(Path(args.file) if args.file else reference_sites.SEED)
        bootstrap.prepare(env, load_demo=False)
        added = reference_sites.load(env, listed)
    except DomainError as exc:
        return _fail(exc)
    print(loaded_text(added, listed))
    return 0


def loaded_text(added: reference_sites.Added, listed: reference_sites.SiteList) -> str:
    in_file = f"名单中车管所{len(listed.offices)}个，考场{len(listed.sites)}个"
    if not added.offices and not added.sites:
        return f"车管所和考场均已在数据库中，未作更改（{in_file}）"
    rest = "" if (added.offices, added.sites) == (len(listed.offices), len(listed.sites)) else "，其余已在数据库中"
    return f"已添加车管所{added.offices}个，考场{added.sites}个（{in_file}{rest}）"


def sites_list(args: argparse.Namespace, env: Env) -> int:
    from ..services import bootstrap, reference_sites

    bootstrap.prepare(env, load_demo=False)
    offices = reference_sites.listed_sites(env)
    if not offices:
        print("数据库中没有车管所（可用 kiosk sites load 载入）")
        return 0
    for o in offices:
        print(pad(o.city, 8) + pad(o.name, 20) + pad(o.phone, 15) + o.address)
        for site in o.sites:
            print(" " * 8 + f"考场：{site}")
    print(f"共有车管所{len(offices)}个，考场{sum(len(o.sites) for o in offices)}个")
    return 0


def staff_add(args: argparse.Namespace, env: Env) -> int:
    from ..services import bootstrap, staff_setup

    bootstrap.prepare(env, load_demo=False)
    try:
        staff_setup.precheck(env, args.staff_no, args.name, args.role)
        password, pin = _from_stdin() if args.password_stdin else _asked()
        row = staff_setup.create(env, args.staff_no, args.name, args.role, password, pin)
    except DomainError as exc:
        return _fail(exc)
    except (EOFError, KeyboardInterrupt):
        print("\nkiosk: 已取消，未新建账户", file=sys.stderr)
        return 1
    print(f"已新建工作人员账户：{row.staff_no} {row.name}（{row.role_text}）")
    print("可在柜台终端（kiosk --counter）用该工号和密码登录")
    return 0


def staff_role(args: argparse.Namespace, env: Env) -> int:
    from ..services import bootstrap, staff_setup

    bootstrap.prepare(env, load_demo=False)
    try:
        change = staff_setup.change_roles(env, args.staff_no, args.role)
    except DomainError as exc:
        return _fail(exc)
    print(f"已修改工作人员账户 {change.staff_no} {change.name} 的角色：{change.new_text}（原为：{change.old_text}）")
    return 0


def _from_stdin() -> tuple[str, str]:
    lines = sys.stdin.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the last line's newline
    if len(lines) != 2:
        raise DomainError(f"--password-stdin：标准输入须恰好两行（第一行密码，第二行PIN码），收到{len(lines)}行")
    password, pin = (line.removesuffix("\r") for line in lines)
    return password, pin


def _asked() -> tuple[str, str]:
    if not sys.stdin.isatty():
        raise DomainError("标准输入不是终端，无法询问密码：请在终端中执行，或加 --password-stdin 从标准输入读入"
                          "密码和PIN码（各一行）")
    from ..services.counter_staff import check_password, check_pin

    password = _ask("密码（至少8位，须同时包含字母和数字）：", "再次输入密码：", "密码", check_password)
    pin = _ask("PIN码（6位数字，用于解除锁屏和退出程序）：", "再次输入PIN码：", "PIN码", check_pin)
    return password, pin


def _ask(prompt: str, again: str, what: str, check: Callable[[str], str]) -> str:
    """A secret typed twice without echo, checked after the first time; asked again (TRIES in all)
    when it breaks the rules or the second differs."""
    for _ in range(TRIES):
        first = getpass.getpass(prompt)
        try:
            value = check(first)
        except DomainError as exc:
            print(f"kiosk: {exc.message}", file=sys.stderr)
            continue
        if getpass.getpass(again) == first:
            return value
        print(f"kiosk: 两次输入的{what}不一致，请重新输入", file=sys.stderr)
    raise DomainError(f"{what}{TRIES}次未输入成功，未新建账户")


def staff_list(args: argparse.Namespace, env: Env) -> int:
    from ..services import bootstrap, staff_setup

    bootstrap.prepare(env, load_demo=False)
    rows = staff_setup.listed(env)
    if not rows:
        print("数据库中没有工作人员账户（可用 kiosk staff add 新建）")
        return 0
    print(pad("工号", 22) + pad("姓名", 14) + pad("角色", 40) + "状态")
    for r in rows:
        print(pad(r.staff_no, 22) + pad(r.name, 14) + pad(r.role_text, 40) + r.state_text)
    return 0
