"""Which columns of a table fit the terminal: on a narrow one, columns that the text under the
table repeats are left out rather than cut in half (「预约方」, 「自主选」)."""
from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len

SCROLLBAR = 2  # a vertical scrollbar's width (the page's, or the table's own when it scrolls)


def fit_columns(headers: Sequence[str], rows: Sequence[Sequence[str]], width: int,
                drop_order: Sequence[int], padding: int = 1) -> list[int]:
    """The indexes of the columns to show in ``width`` cells: all of them when they fit, each as
    wide as its widest cell plus ``padding`` on each side (as a DataTable draws it); else without
    the columns of ``drop_order``, first to last, until they do."""
    widths = [max([cell_len(header), *(cell_len(str(row[column])) for row in rows)]) + 2 * padding
              for column, header in enumerate(headers)]
    shown = list(range(len(headers)))
    for column in drop_order:
        if sum(widths[index] for index in shown) <= width:
            break
        shown.remove(column)
    return shown
