"""A hall set up without the demo data, on a real SQLite file: `kiosk --no-demo db upgrade`, `kiosk
sites load`, `kiosk staff add`. Before these commands such a database had no office, no exam site
and no staff account, and the first 管理员 could not be made (counter_staff.create needs one)."""
from __future__ import annotations

import getpass
import io
import json
import sqlite3
import sys
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kiosk.config import Settings
from kiosk.db.models import Account, AuditEntry, ExamSite, Office, Staff
from kiosk.services import audit, demo, exam_admin, staff
from kiosk.services.env import Env, make_env

GOOD = "kiosk-hall1\n246810\n"  # --password-stdin: the password, then the PIN


@pytest.fixture
def hall(cli_run, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A new database made as README says (`kiosk --no-demo db upgrade`); ``hall(*argv, stdin=...)``
    runs a subcommand on it."""
    url = f"sqlite:///{tmp_path / 'hall' / 'kiosk.db'}"

    def run(*argv: str, stdin: str | None = None) -> tuple[int, str, str]:
        if stdin is not None:
            sys.stdin = io.StringIO(stdin)  # monkeypatch below puts the real one back
        return cli_run("--db", url, "--now", "2026-12-03T09:30", *argv)

    assert run("--no-demo", "db", "upgrade")[0] == 0
    run.url = url  # type: ignore[attr-defined]
    return run


@pytest.fixture(autouse=True)
def _keep_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", sys.stdin)


def _env(url: str) -> Env:
    return make_env(Settings(db_url=url, terminal_id="test-hall"))


def _count(url: str, model: type) -> int:
    env = _env(url)
    try:
        with env.db.read() as s:
            return s.scalar(select(func.count()).select_from(model)) or 0
    finally:
        env.db.dispose()


def test_a_new_hall_has_nothing_until_it_is_set_up(hall) -> None:  # type: ignore[no-untyped-def]
    assert [_count(hall.url, m) for m in (Office, ExamSite, Staff)] == [0, 0, 0]
    assert hall("sites", "list") == (0, "数据库中没有车管所（可用 kiosk sites load 载入）\n", "")
    assert hall("staff", "list") == (0, "数据库中没有工作人员账户（可用 kiosk staff add 新建）\n", "")


def test_sites_load_adds_the_bundled_list_once(hall) -> None:  # type: ignore[no-untyped-def]
    assert hall("sites", "load") == (0, "已添加车管所17个，考场8个（名单中车管所17个，考场8个）\n", "")
    assert hall("sites", "load") == (0, "车管所和考场均已在数据库中，未作更改（名单中车管所17个，考场8个）\n", "")
    assert [_count(hall.url, m) for m in (Office, ExamSite)] == [17, 8]
    code, out, _ = hall("sites", "list")
    assert code == 0 and out.splitlines()[-1] == "共有车管所17个，考场8个"
    assert out.splitlines()[:2] == ["重庆    渝中车管所          023-63255068   重庆市渝中区经纬大道555号",
                                    "        考场：渝中考场"]


def test_a_file_of_the_hall_adds_what_is_missing(hall, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    hall("sites", "load")
    mine = tmp_path / "mine.json"
    mine.write_text(json.dumps({"offices": [
        {"city": "重庆", "name": "渝中车管所", "address": "另一个地址", "phone": "023-00000000"},
        {"city": "重庆", "name": "璧山车管所", "address": "重庆市璧山区某路1号", "phone": "023-41410000"}],
        "sites": [{"office": "璧山车管所", "name": "璧山考场"}, {"office": "大渡口车管所", "name": "大渡口考场"},
                  {"office": "渝中车管所", "name": "渝中考场"}]}, ensure_ascii=False), encoding="utf-8")
    assert hall("sites", "load", str(mine)) == (
        0, "已添加车管所1个，考场2个（名单中车管所2个，考场3个，其余已在数据库中）\n", "")
    env = _env(hall.url)
    with env.db.read() as s:  # what was there is kept as it was; a new site takes its office's address
        assert s.scalar(select(Office.address).where(Office.name == "渝中车管所")) == "重庆市渝中区经纬大道555号"
        site = s.scalar(select(ExamSite).where(ExamSite.name == "大渡口考场"))
        assert (site.office.name, site.address) == ("大渡口车管所", "重庆市大渡口区建桥工业园C区石林大道15号")
    env.db.dispose()


BAD_FILES = [
    ("{", "不是有效的 JSON（第1行第2列）"),
    ("[]", "文件须为一个 JSON 对象，含 offices（车管所）和 sites（考场）两个列表"),
    ('{"offices": []}', "文件须为一个 JSON 对象，含 offices（车管所）和 sites（考场）两个列表"),
    ('{"offices": [{"city": "重庆", "name": "甲车管所", "address": "某地"}], "sites": []}',
     "offices 第1项缺少 phone（须为非空的文字）"),
    ('{"offices": [{"city": "重庆", "name": " ", "address": "某地", "phone": "1"}], "sites": []}',
     "offices 第1项缺少 name（须为非空的文字）"),
    ('{"offices": [], "sites": ["渝中考场"]}', "sites 第1项须为 JSON 对象（含 office、name）"),
    ('{"offices": [{"city": "重庆", "name": "甲车管所", "address": "某地", "phone": "1"}],'
     ' "sites": [{"office": "甲车管所", "name": "甲考场"}, {"office": "乙车管所", "name": "乙考场"}]}',
     "sites 第2项（乙考场）所属的车管所「乙车管所」不在文件的 offices 中，数据库中也没有"),
    ('{"offices": [{"city": "重庆", "name": "甲车管所", "address": "某地", "phone": "1"},'
     ' {"city": "成都", "name": "甲车管所", "address": "某地", "phone": "1"}], "sites": []}',
     "offices 第2项的车管所名称「甲车管所」与前面的重复"),
    ('{"offices": [{"city": "重庆重庆重庆重庆重庆重庆重庆重庆重庆重庆重庆", "name": "甲车管所", "address": "某地", "phone": "1"}],'
     ' "sites": []}', "offices 第1项的 city 超过20个字"),
]


BAD_IDS = ["json", "list", "no-sites", "no-phone", "blank-name", "site-text", "unknown-office", "twice", "too-long"]


@pytest.mark.parametrize(("text", "said"), BAD_FILES, ids=BAD_IDS)
def test_a_bad_file_is_refused_whole(hall, tmp_path: Path, text: str, said: str) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.json"
    bad.write_text(text, encoding="utf-8")
    code, out, err = hall("sites", "load", str(bad))
    assert (code, out) == (1, "") and err.startswith("kiosk: ") and said in err, err
    assert [_count(hall.url, m) for m in (Office, ExamSite)] == [0, 0]  # not even the good first entry


def test_a_missing_or_unreadable_file_is_said(hall, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert hall("sites", "load", str(tmp_path / "nope.json")) == (1, "", f"kiosk: 找不到文件：{tmp_path / 'nope.json'}\n")
    (tmp_path / "latin.json").write_bytes(b'{"offices": [{"city": "\xd6\xd8"}]}')
    latin = tmp_path / "latin.json"
    assert hall("sites", "load", str(latin))[2] == f"kiosk: 文件 {latin} 不是 UTF-8 编码的文本\n"
    assert hall("sites", "load", str(tmp_path))[2] == f"kiosk: {tmp_path} 是目录，不是文件\n"


def test_the_first_admin_is_made_and_signs_in(hall) -> None:  # type: ignore[no-untyped-def]
    hall("sites", "load")
    assert hall("staff", "add", "a0001", "--name", "张伟", "--role", "admin", "--role", "exam_admin",
                "--password-stdin", stdin=GOOD) == (
        0, "已新建工作人员账户：A0001 张伟（考试管理、管理员）\n可在柜台终端（kiosk --counter）用该工号和密码登录\n", "")
    code, out, _ = hall("staff", "list")
    assert code == 0 and out.splitlines()[1].split() == ["A0001", "张伟", "考试管理、管理员", "正常"]
    env = _env(hall.url)
    try:
        session = staff.sign_in(env, "A0001", "kiosk-hall1")  # the counter's sign-in
        assert session.roles == ("exam_admin", "admin")
        assert staff.check_pin(env, "A0001", "246810", "unlock", staff_no_typed=False) == session
        assert [name for name, _ in exam_admin.sites(env, session)][:2] == ["渝中考场", "沙坪坝土主考场"]
        with env.db.read() as s:
            row = s.scalar(select(Staff))
            assert row.password_hash.startswith("$argon2id$") and row.pin_hash.startswith("$argon2id$")
            made = s.scalars(select(AuditEntry).where(AuditEntry.action == "staff_create")).all()
            assert [(a.actor, a.role, a.detail) for a in made] == [("system", "admin", "A0001 张伟 考试管理、管理员")]
            assert audit.actor_label("system", "staff_create") == "建账命令（kiosk staff add）"  # the 审计日志's line
    finally:
        env.db.dispose()


@pytest.mark.parametrize(("argv", "stdin", "said"), [
    (["A0001"], "short1\n246810\n", ["kiosk: 密码至少8位，须同时包含字母和数字"]),
    (["A0001"], "kiosk-hall1\n12345\n", ["kiosk: PIN码须为6位数字"]),
    (["A0001"], "kiosk-hall1\n", ["kiosk: --password-stdin：标准输入须恰好两行（第一行密码，第二行PIN码），收到1行"]),
    (["A0001"], "", ["kiosk: --password-stdin：标准输入须恰好两行（第一行密码，第二行PIN码），收到0行"]),
    (["A-1", "--name", "Bob"], GOOD, ["kiosk: 工号须为4到20位字母或数字", "kiosk: 姓名只能包含汉字（少数民族姓名可含间隔号・）"]),
])
def test_a_refused_account_is_not_made(hall, argv, stdin, said) -> None:  # type: ignore[no-untyped-def]
    argv = [*argv, "--name", "张伟"] if "--name" not in argv else argv
    assert hall("staff", "add", *argv, "--role", "admin", "--password-stdin", stdin=stdin) == (
        1, "", "".join(f"{line}\n" for line in said))
    assert _count(hall.url, Staff) == 0 and _count(hall.url, AuditEntry) == 0


def test_a_staff_number_taken_is_refused_before_anything_is_asked(hall) -> None:  # type: ignore[no-untyped-def]
    assert hall("staff", "add", "A0001", "--name", "张伟", "--role", "admin", "--password-stdin", stdin=GOOD)[0] == 0
    left = "kiosk-other2\n135790\n"
    assert hall("staff", "add", "A0001", "--name", "李娜", "--role", "counter", "--password-stdin", stdin=left) == (
        1, "", "kiosk: 该工号已存在\n")
    assert sys.stdin.read() == left  # refused before the secrets were read
    assert _count(hall.url, Staff) == 1


def test_without_a_terminal_the_secrets_come_only_from_password_stdin(hall) -> None:  # type: ignore[no-untyped-def]
    assert hall("staff", "add", "A0001", "--name", "张伟", "--role", "admin", stdin=GOOD) == (
        1, "", "kiosk: 标准输入不是终端，无法询问密码：请在终端中执行，或加 --password-stdin 从标准输入读入"
               "密码和PIN码（各一行）\n")
    assert _count(hall.url, Staff) == 0


def test_staff_role_changes_roles_as_the_counter_does_and_keeps_the_last_admin(hall) -> None:  # type: ignore[no-untyped-def]
    """``kiosk staff role``: the roles given are the account's afterwards, audited as the counter's 修改角色
    (made by 角色命令); no change and the last active admin's 管理员 are refused, exit code 1."""
    hall("staff", "add", "A0001", "--name", "张伟", "--role", "admin", "--password-stdin", stdin=GOOD)
    hall("staff", "add", "J0001", "--name", "李娜", "--role", "counter", "--password-stdin", stdin=GOOD)
    assert hall("staff", "role", "j0001", "--role", "review", "--role", "counter") == (
        0, "已修改工作人员账户 J0001 李娜 的角色：窗口民警/辅警、审核（原为：窗口民警/辅警）\n", "")
    assert hall("staff", "role", "J0001", "--role", "counter", "--role", "review") == (
        1, "", "kiosk: 所选角色与该账户现有角色相同，未作修改\n")
    assert hall("staff", "role", "A0001", "--role", "counter") == (
        1, "", "kiosk: 不能取消最后一个在用管理员账户的管理员角色（须至少保留一个管理员）\n")
    assert hall("staff", "role", "X0009", "--role", "counter") == (1, "", "kiosk: 未找到该工号\n")
    code, out, _ = hall("staff", "list")
    assert [line.split()[2] for line in out.splitlines()[1:]] == ["管理员", "窗口民警/辅警、审核"]
    env = _env(hall.url)
    try:
        with env.db.read() as s:
            made = s.scalars(select(AuditEntry).where(AuditEntry.action == "staff_roles_change")).all()
            assert [(a.actor, a.detail) for a in made] == [("system", "J0001 窗口民警/辅警 改为 窗口民警/辅警、审核")]
        assert audit.actor_label("system", "staff_roles_change") == "角色命令（kiosk staff role）"
    finally:
        env.db.dispose()
    with pytest.raises(SystemExit) as done:  # no role given: the option parser's usage
        hall("staff", "role", "J0001")
    assert done.value.code == 2


def test_an_unknown_role_is_refused_by_the_parser(hall) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as done:
        hall("staff", "add", "A0001", "--name", "张伟", "--role", "boss")
    assert done.value.code == 2


@pytest.mark.parametrize("argv", [("sites", "load"), ("sites", "list"), ("staff", "list"),
                                  ("staff", "add", "A0001", "--name", "张伟", "--role", "admin", "--password-stdin")])
def test_a_database_without_the_kiosk_schema_is_refused(cli_run, tmp_path: Path, argv) -> None:  # type: ignore[no-untyped-def]
    sys.stdin = io.StringIO(GOOD)
    missing = tmp_path / "typo.db"
    code, out, err = cli_run("--db", f"sqlite:///{missing}", *argv)
    assert (code, out) == (1, "") and err.startswith(f"kiosk: 数据库文件不存在：{missing}，未新建数据库。"), err
    assert not missing.exists()
    empty = tmp_path / "empty.db"
    empty.touch()
    code, out, err = cli_run("--db", f"sqlite:///{empty}", *argv)
    assert (code, out) == (1, "") and "中没有自助终端的数据，未新建数据库结构" in err, err
    with closing(sqlite3.connect(empty)) as db:  # no table made in it (opening it may write its header)
        assert db.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _typed(monkeypatch: pytest.MonkeyPatch, *answers: str | type[BaseException]) -> list[str]:
    """At a terminal, getpass answering ``answers`` in turn (an exception class: raised); the prompts."""
    prompts: list[str] = []
    left = iter(answers)

    def getpass_(prompt: str = "") -> str:
        prompts.append(prompt)
        answer = next(left)
        if isinstance(answer, type):
            raise answer()
        return answer
    monkeypatch.setattr(getpass, "getpass", getpass_)
    sys.stdin = _Terminal()
    return prompts


def test_at_a_terminal_each_secret_is_asked_twice_and_again_when_wrong(hall, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    prompts = _typed(monkeypatch, "short", "kiosk-hall1", "kiosk-hall2", "kiosk-hall1", "kiosk-hall1",
                     "24681", "246810", "246810")
    code, out, err = hall("staff", "add", "A0001", "--name", "张伟", "--role", "admin")
    assert code == 0 and out.startswith("已新建工作人员账户：A0001 张伟（管理员）"), err
    assert err == ("kiosk: 密码至少8位，须同时包含字母和数字\nkiosk: 两次输入的密码不一致，请重新输入\n"
                   "kiosk: PIN码须为6位数字\n")
    assert prompts == ["密码（至少8位，须同时包含字母和数字）：", "密码（至少8位，须同时包含字母和数字）：", "再次输入密码：",
                       "密码（至少8位，须同时包含字母和数字）：", "再次输入密码：",
                       "PIN码（6位数字，用于解除锁屏和退出程序）：", "PIN码（6位数字，用于解除锁屏和退出程序）：",
                       "再次输入PIN码："]
    env = _env(hall.url)
    assert staff.sign_in(env, "A0001", "kiosk-hall1").staff_no == "A0001"
    env.db.dispose()


def test_at_a_terminal_three_failures_or_ctrl_d_make_nothing(hall, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _typed(monkeypatch, "kiosk-hall1", "kiosk-hall1", *["246810", "135790"] * 3)
    code, _, err = hall("staff", "add", "A0001", "--name", "张伟", "--role", "admin")
    assert code == 1 and err.endswith("kiosk: 两次输入的PIN码不一致，请重新输入\nkiosk: PIN码3次未输入成功，未新建账户\n"), err
    _typed(monkeypatch, "kiosk-hall1", EOFError)
    assert hall("staff", "add", "A0001", "--name", "张伟", "--role", "admin") == (1, "", "\nkiosk: 已取消，未新建账户\n")
    assert _count(hall.url, Staff) == 0


@pytest.mark.parametrize("setup", [("staff", "add", "A0001", "--name", "张伟", "--role", "admin"), ("sites", "load")])
def test_a_terminal_started_without_no_demo_adds_no_demo_data_to_a_hall_set_up_by_hand(hall, setup) -> None:  # type: ignore[no-untyped-def]
    """Only staff (or only offices), no citizen yet: the demo loader took that for an empty database and
    added its people and its staff accounts with their published passwords (J1001 kiosk-1001)."""
    by_hand = setup[0] == "staff"
    assert hall(*setup, *(["--password-stdin"] if by_hand else []), stdin=GOOD if by_hand else None)[0] == 0
    env = _env(hall.url)
    try:
        assert demo.load_if_empty(env) is False
    finally:
        env.db.dispose()
    assert _count(hall.url, Account) == 0
    assert _count(hall.url, Staff) == (1 if by_hand else 0)


def test_a_terminal_started_without_no_demo_on_a_hall_runs_as_with_it(hall, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Demo mode shows every SMS (sign-in codes too) on the kiosk's screen and takes demo payments: on
    a hall set up by hand it would let whoever stands there sign in as any citizen. A terminal started
    there without --no-demo runs as with it; one on the demo's database stays in demo mode."""
    from kiosk import __main__ as kiosk_main
    from kiosk.services import gateways

    assert hall("sites", "load")[0] == 0
    seen: list[tuple[bool, object]] = []

    class _App:
        crashed, return_code, start_notice = False, 0, ""

        def __init__(self, settings: Settings, env: Env) -> None:
            seen.append((settings.demo, gateways.terminal_gateway(env)))

        def run(self) -> None:
            pass

    monkeypatch.setattr("kiosk.ui.app.make_app", _App)
    env = _env(hall.url)
    try:
        assert env.settings.demo is True  # the default: no --no-demo
        assert kiosk_main._run_app(env.settings, env) == 0  # noqa: SLF001
        assert seen == [(False, None)] and _count(hall.url, Account) == 0
        demo.load(env)  # `kiosk demo`: now it holds the demo's people
        env.settings.demo = True
        assert kiosk_main._run_app(env.settings, env) == 0  # noqa: SLF001
        assert seen[1][0] is True and seen[1][1] is not None
    finally:
        env.db.dispose()
