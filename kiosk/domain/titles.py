"""How a message names an application of a service by the service's title."""
from __future__ import annotations


def of_title(title: str) -> str:
    """补换领行驶证 -> 补换领行驶证申请, but 机动车转籍申请 as it is (not 机动车转籍申请申请),
    and 申请新车临时号牌 as 新车临时号牌申请 (not 申请新车临时号牌申请)."""
    if title.endswith("申请"):
        return title
    return f"{title.removeprefix('申请')}申请"
