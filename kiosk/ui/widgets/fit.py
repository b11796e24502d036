"""Which columns of a table fit the terminal: on a narrow one, columns that the text under the
table repeats are left out rather than cut in half (「预约方」, 「自主选」)."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.cells import cell_len
from textual.widget import Widget

from .plain import PlainTable

SCROLLBAR = 2  # a vertical scrollbar's width (the page's, or the table's own when it scrolls)


def column_widths(headers: Sequence[str], rows: Sequence[Sequence[str]], padding: int = 1) -> list[int]:
    """Each column's width as a DataTable draws it: its header or widest cell, ``padding`` each side."""
    return [max([cell_len(header), *(cell_len(str(row[column])) for row in rows)]) + 2 * padding
            for column, header in enumerate(headers)]


def fits(headers: Sequence[str], rows: Sequence[Sequence[str]], width: int, drop_order: Sequence[int],
         padding: int = 1) -> bool:
    """Whether the columns ``fit_columns`` keeps fit ``width`` (else the table scrolls sideways)."""
    widths = column_widths(headers, rows, padding)
    return sum(widths[column] for column in fit_columns(headers, rows, width, drop_order, padding)) <= width


def fit_columns(headers: Sequence[str], rows: Sequence[Sequence[str]], width: int,
                drop_order: Sequence[int], padding: int = 1) -> list[int]:
    """The indexes of the columns to show in ``width`` cells: all of them when they fit, each as
    wide as its widest cell plus ``padding`` on each side (as a DataTable draws it); else without
    the columns of ``drop_order``, first to last, until they do."""
    widths = column_widths(headers, rows, padding)
    shown = list(range(len(headers)))
    for column in drop_order:
        if sum(widths[index] for index in shown) <= width:
            break
        shown.remove(column)
    return shown


def room(page: Widget) -> int:
    """The cells a table has across ``page`` (the scrolling page it is in), its scrollbar left out
    whether it shows now or not: the same for the same width, however the page is laid out at the
    moment. Measured inside the scrollbar, a page whose scrollbar had not come yet (审核队列 filled
    before the photo under the list made the page taller) kept a column that a refill with the
    scrollbar there dropped (80x24: 审核内容 went on 刷新). Before the page's first layout, the
    terminal's width less the page's margins."""
    return (page.content_region.width or page.app.size.width - 2) - SCROLLBAR


def fill_to_fit(table: PlainTable, page: Widget, headers: Sequence[str], cells: Sequence[Sequence[Any]],
                drop_order: Sequence[int], shown_before: Sequence[int], keep_cursor: bool = True) -> list[int]:
    """Fill ``table`` with ``cells`` in the columns of ``headers`` that fit the width of ``page`` (the
    scrolling page the table is in), and return their indexes. When they are ``shown_before`` and
    ``keep_cursor``, the table is left as it is (a resize that changes nothing); otherwise it is
    refilled, the cursor kept on its row when ``keep_cursor``."""
    shown = fit_columns(headers, cells, room(page), drop_order)
    if keep_cursor and list(shown) == list(shown_before):
        return shown
    cursor = table.cursor_row
    table.clear(columns=True)
    table.add_columns(*(headers[column] for column in shown))
    for row in cells:
        table.add_row(*(row[column] for column in shown))
    if keep_cursor and 0 <= cursor < len(cells):
        table.move_cursor(row=cursor)
    table.measure()  # its height now, not on its next idle: what is brought into view under it stays
    return shown


def refill_to_fit(table: PlainTable, page: Widget, headers: Sequence[str], cells: Sequence[Sequence[Any]],
                  keys: list[str], drop_order: Sequence[int]) -> list[int]:
    """As ``fill_to_fit``, for a list that refreshes itself (``PlainTable.refill``): the rows keep
    their ``keys``, the cursor its row and the view its scroll; the columns are built again only
    when those that fit change. Returns the indexes of the columns shown."""
    shown = fit_columns(headers, cells, room(page), drop_order)
    table.refill([tuple(row[column] for column in shown) for row in cells], keys,
                 [headers[column] for column in shown])
    return shown
