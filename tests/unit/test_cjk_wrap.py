"""Chinese line breaking (kiosk.ui.cjk_wrap): full lines, punctuation kept in place, dates with their time."""
from __future__ import annotations

import re

import pytest
from rich.console import Console
from rich._wrap import divide_line as rich_divide_line
from rich.cells import cell_len

from kiosk.domain.plates import PROVINCES
from kiosk.ui.cjk_wrap import NO_LINE_END, NO_LINE_START, clauses, divide_line, units

NOTICE = ("一、用户初次申领机动车驾驶证或者申请增加大型客车（A1）、牵引车（A2）、城市公交车（A3）、中型客车（B1）、"
          "大型货车（B2）、小型汽车（C1）、小型自动挡汽车（C2）、残疾人专用小型自动挡载客汽车（C5）准驾车型，"
          "参加机动车驾驶人考试的，可以通过互联网平台办理考试预约。")
RESULT = "预约成功：2026-11-24 08:30 渝中考场（重庆市渝中区经纬大道555号）。请缴纳考试费，携带身份证明按时参加考试，可打印预约凭证"


def lines(text: str, width: int) -> list[str]:
    offsets = [0, *divide_line(text, width), len(text)]
    return [text[a:b] for a, b in zip(offsets, offsets[1:])]


@pytest.mark.parametrize("width", range(12, 121, 7))
@pytest.mark.parametrize("text", [NOTICE, RESULT])
def test_lines_fit_and_keep_punctuation_in_place(text: str, width: int) -> None:
    got = lines(text, width)
    assert "".join(got) == text
    assert all(cell_len(line.rstrip()) <= width for line in got)
    assert not any(line[0] in NO_LINE_START for line in got[1:])  # no line starts with 「）」 「，」 「。」
    assert not any(line.rstrip()[-1] in NO_LINE_END for line in got[:-1])  # none ends with 「（」
    # full: each line ends only where the next line's first piece would not have fitted, but the one
    # that gave its last piece to the last line, which would have held one character alone (「场。」)
    full = [cell_len(line) + cell_len(next(units(after))[1].rstrip()) > width for line, after in zip(got, got[1:])]
    assert all(full[:-1])
    if not full[-1]:
        given = next(units(got[-1]))[1]
        assert len(_core(got[-1][len(given):])) <= 1
    assert len(got) == 1 or len(_core(got[-1])) > 1  # never 「场。」 alone


def _core(line: str) -> str:
    """A line without its spaces and closing punctuation."""
    return line.strip().rstrip("".join(NO_LINE_START))


NOTE = "  1. 请在考试开始前30分钟到达考场，签到后参加考试，迟到者不得入场。"  # a 预约凭证 note, 67 cells


@pytest.mark.parametrize("width", [66, 64, 30])
def test_no_last_line_holds_one_character_and_its_punctuation(width: int) -> None:
    got = lines(NOTE, width)
    assert "".join(got) == NOTE and all(cell_len(line.rstrip()) <= width for line in got)
    assert got[-1] == {66: "入场。", 64: "入场。", 30: "得入场。"}[width]  # not 「场。」 alone under 「…迟到者不得入」
    assert lines("录入补考成绩时考试次数填2。", 24) == ["录入补考成绩时考试次数", "填2。"]  # not 「2。」 alone
    assert lines("一二三四五六", 10) == ["一二三四", "五六"]  # one character alone takes one more too


def test_a_date_stays_with_its_time_and_the_line_is_filled_after_it() -> None:
    assert lines(RESULT, 40)[0] == "预约成功：2026-11-24 08:30 渝中考场（重"  # 39 cells; 「庆」 makes 41
    assert lines(RESULT, 18)[:2] == ["预约成功：", "2026-11-24 08:30 "]  # not 「…2026-11-24」 / 「08:30…」


@pytest.mark.parametrize("width", range(14, 40))  # 【放大二维码】 is 14 cells
def test_a_name_in_square_brackets_stays_on_one_line(width: int) -> None:
    text = "窗口较小，请选择【放大二维码】查看。照片符合要求，请选择【提交审核】。"
    got = lines(text, width)
    for name in ("【放大二维码】", "【提交审核】"):
        assert sum(name in line for line in got) == 1, got  # whole on one line, never 「【放大二维」 / 「码】」
    long = "【" + "很长的说明文字" * 4 + "】"  # not a name: wraps as any text
    assert len(lines(long, 20)) == 3


def test_the_old_wrapping_started_lines_with_a_closing_bracket() -> None:
    offsets = [0, *rich_divide_line(NOTICE, 116), len(NOTICE)]
    old = [NOTICE[a:b] for a, b in zip(offsets, offsets[1:])]
    assert any(line[0] == "）" for line in old[1:])  # what the kiosk showed in the 考试预约 notice


def test_latin_text_wraps_at_spaces_as_before() -> None:
    text = "Hello world this is a long english sentence, wrapped at spaces only: C1 C2 2026-11-24"
    for width in (10, 20, 33):
        assert divide_line(text, width) == rich_divide_line(text, width)
    assert lines("abcdefghijklmnopqrstuvwxyz", 10) == ["abcdefghij", "klmnopqrst", "uvwxyz"]  # cut by cells
    assert divide_line("", 10) == [] and divide_line("一二三", 0) == rich_divide_line("一二三", 0)


def test_installed_for_the_pinned_textual() -> None:
    import rich.text
    import textual.content

    from kiosk.ui import cjk_wrap

    assert cjk_wrap.apply(), "written for the pinned Textual; check divide_line's use in textual.content and rich.text"
    assert textual.content.divide_line is divide_line and rich.text.divide_line is divide_line
    note = rich.text.Text(RESULT).wrap(Console(), 50)  # as a table cell wraps its text
    assert [line.plain.rstrip() for line in note] == [line.rstrip() for line in lines(RESULT, 50)]
    assert note[0].plain == "预约成功：2026-11-24 08:30 渝中考场（重庆市渝中区"  # 49 cells


PUBLISH = ("预约结果公布日：2026年12月2日、2026年12月3日、2026年12月5日、2026年12月6日、2026年12月7日、2026年12月8日、"
           "2026年12月9日、2026年12月10日、2026年12月12日、2026年12月13日（时间段内的场次分属12个考试计划）")


@pytest.mark.parametrize("width", range(20, 121, 3))
def test_a_chinese_date_is_never_split(width: int) -> None:
    """Was 「…2026年12」 / 「月12日…」 at 80 columns (tester's finding 13)."""
    got = lines(PUBLISH, width)
    assert "".join(got) == PUBLISH and all(cell_len(line.rstrip()) <= width for line in got)
    for day in re.findall(r"\d{4}年\d{1,2}月\d{1,2}日", PUBLISH):
        assert any(day in line for line in got), day


GREETING = ["您好，刘洋。", "身份证号码 5001**********0556，", "绑定手机 139****0055。", "请选择要办理的业务："]
RANGE = "查询时间段不能超过3个月，请缩短时间段"  # 选择场次's date messages (37 and 42 cells)
FORMAT = "请按 2026-12-05 的格式输入日期（年-月-日）"


def shown(text: str, width: int) -> list[str]:
    """The rows ``text`` takes at ``width``: its own lines, each wrapped as Textual wraps it."""
    return [row for line in text.split("\n") for row in lines(line, width)]


@pytest.mark.parametrize("width", range(20, 121, 3))
def test_clauses_keep_each_clause_whole_on_a_line(width: int) -> None:
    """The 业务中心's greeting at 80x24 (76 cells) read 「...请选择要办」 / 「理的业务：」 (tester)."""
    text = clauses("".join(GREETING), width)
    got = shown(text, width)
    assert "".join(got) == "".join(GREETING) and all(cell_len(line.rstrip()) <= width for line in got)
    for clause in GREETING:  # each that fits a line is whole on one (one longer wraps as usual)
        assert cell_len(clause.rstrip()) > width or any(clause.strip() in line for line in got), clause
    if cell_len("".join(GREETING)) <= width:
        assert text == "".join(GREETING)  # fits: one line, no break


def test_clauses_break_before_the_clause_that_would_be_cut() -> None:
    greeting = "".join(GREETING)
    assert clauses(greeting, 76) == "您好，刘洋。身份证号码 5001**********0556，绑定手机 139****0055。\n请选择要办理的业务："
    assert clauses(greeting, 0) == greeting  # not laid out yet


@pytest.mark.parametrize("width", [26, 30, 36])
def test_the_date_messages_break_after_the_comma_and_before_the_bracket(width: int) -> None:
    """选择场次's 「...请缩」 / 「短时间段」 and 「...日期（年-」 / 「月-日）」: the same rule as the greeting's."""
    assert clauses(RANGE, width) == "查询时间段不能超过3个月，\n请缩短时间段"
    assert clauses(RANGE, 37) == RANGE  # fits
    assert clauses(FORMAT, width + 4) == "请按 2026-12-05 的格式输入日期\n（年-月-日）"
    assert clauses(FORMAT, 42) == FORMAT


def test_clauses_fill_each_line_with_as_many_clauses_as_fit() -> None:
    assert clauses("一二，三四，五六，七八九十一二三四", 12) == "一二，三四，\n五六，七八九十一二三四"
    assert clauses("一二，三四；五六。七八（九十）", 18) == "一二，三四；五六。\n七八（九十）"


def test_a_clause_wider_than_a_line_wraps_from_where_the_line_ends() -> None:
    assert clauses("一二，三四五六七八九十一二三四", 12) == "一二，三四五六七八九十一二三四"  # no break: cut anyway
    assert shown("一二，三四五六七八九十一二三四", 12) == ["一二，三四五", "六七八九十一", "二三四"]


def test_clauses_never_leave_one_character_alone_on_the_last_line() -> None:
    """Greedy, 「九。」 alone under 「一二三四，五六七八，」: the clause before goes down with it."""
    assert clauses("一二三四，五六七八，九。", 20) == "一二三四，\n五六七八，九。"
    # no clause to give (the line before is one clause): not broken there, the wrapping gives a piece
    assert clauses("一二三四五六七八九，十。", 20) == "一二三四五六七八九，十。"
    assert shown("一二三四五六七八九，十。", 20) == ["一二三四五六七八", "九，十。"]


PROGRESS = "已预约现场教育：12月8日 周二 09:00 渝中区车管所教室，请按时参加；网上学习须累计学满30分钟并考试合格，共3小时，5天内有效，记12分"


@pytest.mark.parametrize("width", range(10, 121))
def test_a_weekday_stays_with_its_date_and_time_and_a_number_with_its_unit(width: int) -> None:
    """网办进度 at 80x24 (tester): 「12月8日 周」 / 「二 09:00」 and 「学满30分」 / 「钟」."""
    got = lines(PROGRESS, width)
    assert "".join(got) == PROGRESS and all(cell_len(line.rstrip()) <= width for line in got)
    if width >= cell_len("12月8日 周二 09:00"):
        assert any("12月8日 周二 09:00" in line for line in got), got
    for kept in ("30分钟", "3小时", "5天", "12分"):
        assert any(kept in line for line in got), (kept, got)


@pytest.mark.parametrize("text, whole", [("12月8日（周二）", "12月8日（周二）"), ("下周星期三上午", "星期三"),
                                         ("每周日 08:30 开考", "周日 08:30"), ("时长1.5小时整", "1.5小时")])
def test_weekday_and_unit_units(text: str, whole: str) -> None:
    assert any(whole in unit for _, unit in units(text)), list(units(text))


CODE_SMS = "手机通知（演示）  139****0165 收到短信：【交管12123】您正在办理考试预约，验证码326387，5分钟内有效。请勿将验证码告诉他人。"
RESULT_SMS = ("手机通知（演示）  139****0165 收到短信：【交管12123】您的科目三考试预约（业务流水号2612030000000013）："
              "考试预约申请已受理，系统将在预约结果公布日按排名安排考试。")
SUMMARY = "驾驶证：档案编号 500100000055  准驾车型 C1  状态 正常  本记分周期累积记分：0分  有效期至 2036-10-24"
SELECTED = "所选预约：科目二  考试时间 2026-12-07 08:30  预约成功（未缴费）  业务流水号 2612030000000013"  # 80x24
DELAYED = ("驾驶证：档案编号 320700000282  准驾车型 B2  状态 延期体检（延期至2028-01-01）  本记分周期累积记分：3分  "
           "有效期至 2030-10-24（延期至2031-06-30）")  # the counter's summary with delays granted
AUDITED = "kiosk-vm 2612030000000013 预约编号13 科目二优先考试预约 事由：考生本人因病申请取消"  # 审计日志's 说明


@pytest.mark.parametrize("width", range(10, 121))
@pytest.mark.parametrize("text, whole", [(CODE_SMS, "验证码326387"), (RESULT_SMS, "业务流水号2612030000000013"),
                                         (SUMMARY, "本记分周期累积记分：0分"), (SELECTED, "业务流水号 2612030000000013"),
                                         (SUMMARY, "档案编号 500100000055"), (AUDITED, "预约编号13"),
                                         (DELAYED, "延期至2028-01-01"), (DELAYED, "有效期至 2030-10-24"),
                                         (DELAYED, "延期至2031-06-30")])
def test_a_word_stays_with_its_number(text: str, whole: str, width: int) -> None:
    """The phone bar at 80x24 read 「验证」 / 「码326387」 and 「业务流水」 / 「号2612...」, the counter's summary
    「本记分周期累积记分：」 / 「0分」 (tester): wherever it fits, the word and its number are on one line;
    narrower, the number itself is never cut (it breaks as a word wider than the line did before)."""
    got = lines(text, width)
    assert "".join(got) == text and all(cell_len(line.rstrip()) <= width for line in got)
    if width >= max(cell_len(unit.rstrip()) for _, unit in units(text) if whole in unit):  # with its brackets
        assert any(whole in line for line in got), got
    number = re.search(r"[0-9]+分?$", whole).group()
    if width >= cell_len(number):
        assert any(number in line for line in got), got


def test_the_bar_lines_the_tester_read() -> None:
    assert lines(CODE_SMS, 78) == ["手机通知（演示）  139****0165 收到短信：【交管12123】您正在办理考试预约，",
                                   "验证码326387，5分钟内有效。请勿将验证码告诉他人。"]
    assert [line.rstrip() for line in lines(SUMMARY, 76)] == [  # the counter's 为群众办理 at 80x24
        "驾驶证：档案编号 500100000055  准驾车型 C1  状态 正常", "本记分周期累积记分：0分  有效期至 2036-10-24"]
    assert [line.rstrip() for line in lines(DELAYED, 76)] == [  # 80x24 read 「（延期至」 / 「2028-01-01）」
        "驾驶证：档案编号 320700000282  准驾车型 B2  状态 延期体检", "（延期至2028-01-01）  本记分周期累积记分：3分  有效期至 2030-10-24",
        "（延期至2031-06-30）"]
    assert lines("可凭业务流水号2612030000000001到车管所窗口打印", 20) == [
        "可凭业务流水号", "2612030000000001到", "车管所窗口打印"]  # wider than the line: not cut inside, nor 车管所
    site = "巴南南彭考场（重庆市巴南区南彭街道东盟国际物流园A区（重庆公路物流基地），电话023-66239938）"
    assert lines(site, 74)[1] == "电话023-66239938）"  # 考试场地's list at 80x24 read 「电」 / 「话023-...」


FINISHED = ("业务流水号2612030000000014已办结，已以短信和消息通知申请人。"  # 为群众办理's 办结 of a 机动车转籍申请
            "通知内容：渝A8D2Q7已转出至江苏省连云港市，请买方持机动车档案到转入地车管所办理转入登记。")
REMOVED = ("手机通知（演示）  139****0837 收到短信：【交管12123】您已解除非本人机动车渝B5K821的备案。"  # the SMS bar
           "如需再次备案，请在【备案非本人机动车】中办理。")
PLATES = "您备案的粤ZA123港、渝AD12345、渝A12345D和沪A1234领，以及临时号牌渝A3K7Q、使014578号牌"


@pytest.mark.parametrize("width", range(10, 121))
@pytest.mark.parametrize("text, plates", [(FINISHED, ["渝A8D2Q7"]), (REMOVED, ["渝B5K821"]),
                                          (PLATES, ["粤ZA123港", "渝AD12345", "渝A12345D", "沪A1234领", "渝A3K7Q",
                                                    "使014578"])])
def test_a_plate_is_never_broken(text: str, plates: list[str], width: int) -> None:
    """为群众办理 at 80x24 read 「...通知内容：渝」 / 「A8D2Q7已转出...」, the SMS bar 「...非本人机动车渝」 /
    「B5K821的备案。」 (tester)."""
    got = lines(text, width)
    assert "".join(got) == text and all(cell_len(line.rstrip()) <= width for line in got)
    for plate in plates:
        assert any(plate in line for line in got), (plate, got)


def test_the_plate_lines_the_tester_read() -> None:
    assert lines(FINISHED, 74)[1].startswith("渝A8D2Q7已转出至")
    assert lines(REMOVED, 78) == ["手机通知（演示）  139****0837 收到短信：【交管12123】您已解除非本人机动车",
                                  "渝B5K821的备案。如需再次备案，请在【备案非本人机动车】中办理。"]


def test_every_province_of_the_domain_starts_a_plate() -> None:
    for province in PROVINCES:
        assert any(f"{province}A8D2Q7" in unit for _, unit in units(f"号牌{province}A8D2Q7已转出")), province


@pytest.mark.parametrize("width", [20, 21])
def test_a_format_message_is_not_broken_inside_ge_shi(width: int) -> None:
    """考试计划与安排's 考试日期 at 100x30 (21 cells) read 「请按 2026-12-15 的格」 / 「式输入考试日期」."""
    message = "请按 2026-12-15 的格式输入考试日期"
    assert lines(message, width) == ["请按 2026-12-15 的", "格式输入考试日期"]


AUDIT_LINE = "2026-12-03 09:30:05  A0001  工作人员登录  终端：kiosk-vm  角色：管理员、窗口民警/辅警、审核、考试管理"


@pytest.mark.parametrize("width", range(20, len(AUDIT_LINE) * 2, 3))
def test_a_staff_roles_name_is_not_cut(width: int) -> None:
    """审计日志's line under the list at 80x24 read 「...角色：管理员、窗口民」 / 「警/辅警、审核、考试管理」."""
    got = lines(AUDIT_LINE, width)
    assert "".join(got) == AUDIT_LINE and all(cell_len(line.rstrip()) <= width for line in got)
    assert any("窗口民警/辅警" in line for line in got) and any("考试管理" in line for line in got), got
    assert lines("角色：管理员、窗口民警/辅警", 20) == ["角色：管理员、", "窗口民警/辅警"]


@pytest.mark.parametrize(("text", "width", "word"), [
    ("如绑定的手机号码已不再使用，请携带身份证明原件到车管所窗口重置绑定手机号。", 61, "重置"),  # 登录 beside its scrollbar
    ("实人认证注册：请填写本人姓名、身份证号码和手机号码（仅限二代身份证持有人）。", 62, "身份证"),  # 注册 at 100x30
    ("该手机号码已绑定其他交管12123账户，请换用其他手机号码；如有疑问，请携带身份证原件到车管所窗口咨询", 62, "疑问"),
    ("预留手机号核查通过。输入发送到手机 139****0195 的6位验证码后点击【完成注册】；需要新的验证码请点击【重新发送】。", 62,
     "点击"),
    ("多次人脸识别未通过，本次不能再试。您可以改用驾驶证或机动车预留手机号在线注册，或携带身份证明到车管所窗口面签注册。", 96,
     "车管所"),
    ("请携带身份证明原件", 8, "身份证明"),  # 身份证明 whole, not 「身份证」 / 「明原件」
])
def test_the_words_of_sign_in_and_register_are_not_cut(text: str, width: int, word: str) -> None:
    got = lines(text, width)
    assert "".join(got) == text and all(cell_len(line.rstrip()) <= width for line in got)
    words = [(m.start(), m.end()) for m in re.finditer(word, text)]
    assert not [b for b in divide_line(text, width) for start, end in words if start < b < end], got
