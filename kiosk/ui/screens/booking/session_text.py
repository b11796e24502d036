"""What step 选择场次 says about its search: the ranking with its rule, and the hint over the table
(what to do next). Pure functions of the last query and the choices (SessionStep shows them)."""
from __future__ import annotations

from ....domain.dates import format_date
from ....services import booking_query as bq

QUERY_HINT = "请选择考试日期和考试地点，点击【查询】，显示对应的可预约考试场次。"
CHANGED = "时间段或考试场地已更改，请点击【查询】查看新的场次后再点击【下一步】"
NOT_QUERIED = "请先输入时间段并点击【查询】"  # said over the table, or under 查询 after 下一步
AGREED_EARLIER = "本终端已阅读并同意{}，不再重复显示。"  # a notice passed by (agreed to earlier): why it did not show
PRIORITY_TEXT = "优先预约：可以选择具有空余优先预约名额的考试场次，预约成功即安排考试"
NONE = "所选时间段内没有可预约的考试场次"
NONE_PRIORITY = "所选时间段内没有可优先预约的考试场次"
WHY = "已到预约结果公布日、截止预约的场次不列出"
WHY_PRIORITY = "优先预约名额已满，或考试计划已截止预约"
AGAIN = "请更改时间段或考场后重新查询"
NONE_FOUND = f"{NONE}（{WHY}），{AGAIN}"
NONE_FOUND_PRIORITY = f"{NONE_PRIORITY}（{WHY_PRIORITY}），{AGAIN}"


def agreed_text(steps: list[str]) -> str:
    """The line on 选择场次 for the notices passed by on the way (their step names, e.g. 业务须知): they
    were agreed to on this terminal before, so the wizard went on past them ("" for none)."""
    return AGREED_EARLIER.format("和".join(f"【{name}】" for name in steps)) if steps else ""


def none_found(priority: bool, result: bq.SessionQuery | None = None) -> str:
    """A query that found no session: said over the empty table, or under 查询 after 下一步 (once).
    A range past the plans published says so with their last day (``result.unpublished``): alone when
    the whole range lies after it, else before the other reasons, of the sessions published."""
    none, why = (NONE_PRIORITY, WHY_PRIORITY) if priority else (NONE, WHY)
    later = result.unpublished if result is not None else None
    if later is None:
        return f"{none}（{why}），{AGAIN}"
    if later.wholly:
        return f"{none}（{later.text}），{AGAIN}"
    return f"{none}（{later.text}；{'已公布的场次' if priority else ''}{why}），{AGAIN}"


def ranking_texts(last_query: bq.SessionQuery | None) -> tuple[str, str]:
    """(the ranking, its rule) of the last query, shown over the sessions it was counted on; nothing
    before a query, nor for 优先预约 (no ranking: the seat is taken at once)."""
    if last_query is None or last_query.ranking is None:
        return "", ""
    r = last_query.ranking
    basis = f"依据：{r.rule_text}。{r.rule_items}"
    if not last_query.rows or r.planned == 0:
        # 暂无排名 (no sessions listed): the time is still the citizen's own, and the seed's rule speaks
        # of that time only (以...为排序时间), so both stay; said as what a ranking will be counted by,
        # not as this one's basis, and with no 下列考试场次 to sum (tester: they read as a ranking's)
        return r.text, f"您本科目的排序时间：{r.at:%Y-%m-%d %H:%M}（有可预约的考试场次时按此时间排名）\n{basis}"
    rule = f"排序时间：{r.at:%Y-%m-%d %H:%M}\n{basis}"
    return r.text, f"{rule}\n计划为下列考试场次的计划人数之和。该排名仅供参考，以最后的公示结果为准。"


def changed_text(marked: int) -> str:
    """Over the table emptied because the dates or the site changed since 查询 (``marked``: sessions
    chosen, kept for a new 查询 that lists them). It starts as CHANGED under 查询 after 下一步 reads,
    so it is not said twice (SessionStep._hint)."""
    text = f"{CHANGED}。"
    if marked:
        text += f"\n您已选择的{marked}个场次：重新查询后仍在查询结果中的，将保留选择。"
    return text


def hint_text(result: bq.SessionQuery | None, queried: bool, rows: int, marked: int, mode: str, priority: bool,
              dropped: int = 0, kept: int = 0) -> str:
    """What to do next over ``rows`` sessions listed (``marked`` of them chosen) in ``mode``;
    ``dropped``: sessions chosen on the last query that this one no longer lists; ``kept``: those it
    lists again after the dates or the site changed."""
    if not queried:
        text = f"{NOT_QUERIED}。"
    elif not rows:
        text = f"{none_found(priority, result)}。"
    elif mode == "system":
        text = f"服从系统安排：系统将在下列{rows}个场次中按排名自动匹配，无需选择场次，点击【下一步】。"
    else:
        one = "选择1个场次" if priority else "选择一个或多个场次"
        text = f"共{rows}个场次，已选{marked}个。请用方向键移到场次上按回车键（或点击该行）{one}，再按一次取消。"
    if result is not None and result.hidden_days:  # said before anything is chosen, not refused at 下一步
        text += f"\n{result.hidden_text}"
    if rows and not priority:  # one 服从系统安排 application counts in every session it may get
        text += "\n已申请人数含时间段覆盖该场次的服从系统安排申请，仅供参考。"
    if result is not None and result.truncated:
        text += "（场次较多，仅显示前400个，请缩短时间段）"
    if result is not None and result.permit_until is not None:
        text += f"\n学习驾驶证明有效期至{format_date(result.permit_until)}{result.permit_note}，只列出此前（含当日）的考试场次。"
    if kept:
        text += f"\n之前选择的{kept}个场次仍在本次查询结果中，已保留选择。"
    if dropped:
        text += f"\n之前选择的{dropped}个场次不在本次查询结果中，已取消选择。"
    return text
