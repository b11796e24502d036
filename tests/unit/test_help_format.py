"""kiosk.cli.help_format.wrap: help text wrapped by terminal cells, where Chinese may break between any
two characters but not before closing punctuation, and an ASCII word or path stays whole."""
from __future__ import annotations

import pytest

from kiosk.cli.help_format import NO_LINE_END, NO_LINE_START, cells, wrap

TEXT = ("把本终端信任的全部公钥（本终端的和数据库中登记的）写为 目录/<密钥编号>.pub.pem，供核验端放入其 "
        "<数据目录>/keys；默认 $KIOSK_THEME 或 standard，如 2026-12-01T09:00（也可用 $KIOSK_NOW）")


@pytest.mark.parametrize("width", range(20, 61))
def test_lines_fit_the_width_in_cells_and_lose_nothing(width: int) -> None:
    lines = wrap(TEXT, width)
    assert all(cells(line) <= width for line in lines), lines
    assert "".join(lines).replace(" ", "") == TEXT.replace(" ", "")
    assert not any(line[0] in NO_LINE_START or line[-1] in NO_LINE_END for line in lines), lines
    assert not any(line[0] in "/>." for line in lines), lines  # an ASCII sign stays with what it follows
    for word in (">.pub.pem，", "/keys；", "$KIOSK_THEME", "2026-12-01T09:00", "$KIOSK_NOW）"):
        assert any(word in line for line in lines), (word, lines)

def test_a_piece_longer_than_the_width_gets_a_line_of_its_own() -> None:
    assert wrap("数据库 postgresql+psycopg://user@host/kiosk 无法使用", 12) == [
        "数据库", "postgresql+psycopg://user@host/kiosk", "无法使用"]


def test_spaces_between_ascii_words_stay_single_and_none_is_added_to_chinese() -> None:
    assert wrap("以  JSON\n输出，键：id，phone", 80) == ["以 JSON 输出，键：id，phone"]
