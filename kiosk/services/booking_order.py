"""Exam booking: several sessions chosen (自主选择场次), in the order allocation tries them, and what
预约模式 says of it on 确认并提交 (only one is arranged, and in which order)."""
from __future__ import annotations

from datetime import date

# The allocation places an applicant in the first of its chosen sessions with a seat left (issue 3);
# with sessions in plans published on different days, an earlier day's first (each day's allocation
# sees only that day's plans), and the summary lists them in that order (tester: 胡斌's second choice,
# published a day earlier, was given while 按所选顺序 promised his first)
ONE_OF_THEM = "（所选{n}个场次只安排其中一个，按所选顺序）"
BY_PUBLISH_DAY = "（所选{n}个场次只安排其中一个，按预约结果公布日先后安排{same_day}）"


def tried_order(rows: list[tuple]) -> list[tuple]:
    """Chosen sessions (publication day last) in the order allocation tries them: each publication
    day's allocation sees only that day's plans, so an earlier day's session is tried (and given)
    before a later day's, whatever the order chosen; on one day, in the order chosen."""
    return sorted(rows, key=lambda r: r[-1])  # stable: the order chosen within a day


def mode_note(publish: list[date]) -> str:
    """What 预约模式 adds for several sessions chosen (their publication days, in the order tried):
    only one is arranged (not two exams: tester), and in which order."""
    n = len(publish)
    if len(set(publish)) == 1:
        return ONE_OF_THEM.format(n=n)
    same_day = "，同一公布日的场次按所选顺序" if len(set(publish)) < n else ""
    return BY_PUBLISH_DAY.format(n=n, same_day=same_day)
