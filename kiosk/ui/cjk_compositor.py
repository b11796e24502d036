"""Keep Chinese characters whole where one widget is drawn over another (Textual issue #6357).

Textual's compositor cuts every screen line at the left and right edge of every widget on it,
also where a widget lies under an overlay (the 考试场地 list of a Select, a notification). A
double-width character that straddles such a cut is replaced by two spaces, so an open list
showed 「渝中考场（重  市」. Here a widget's line is only cut where it meets another widget
that is actually visible; the pieces it owns side by side stay one piece (the buckets it
spans after the first hold an empty strip, so nothing beneath claims them), and partial
updates learn where each piece really ends.

A partial update also used to cut a line at the edge of the region asked for. That region is
not always a widget's: the screen under the current one (its header clock ticking) passes its
own dirty regions up, measured at the size it was last laid out at. After a resize from 80 to
120 columns with a service screen open, the 业务中心 then lost, every second, the character
across column 80: 「请选择要办理  业务」. So a partial update redraws whole lines.

Only for the Textual version pinned in pyproject.toml: the two methods replaced here are
private, so any other version is left untouched (and tests/ui/test_cjk_overlay.py fails).
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence

import textual
from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region
from textual.strip import Strip

PINNED = "8.2.8"
log = logging.getLogger("kiosk.ui")
_EMPTY = Strip([], 0)
_TEXTUAL_PARTIAL_UPDATE = Compositor.render_partial_update  # taken once, so apply() may run again


def _render_chops(self: Compositor, crop: Region,
                  is_rendered_line: Callable[[int], bool]) -> Sequence[Mapping[int, Strip | None]]:
    cuts = self.cuts
    chops: list[dict[int, Strip | None]] = [dict.fromkeys(cut_set[:-1]) for cut_set in cuts]
    for region, clip, strips in self._get_renders(crop):  # front to back: the first to fill a bucket wins
        render_region = region.intersection(clip)
        render_x = render_region.x
        first_cut, last_cut = render_region.column_span
        for y, strip in zip(render_region.line_range, strips):
            if not is_rendered_line(y):
                continue
            line = chops[y]
            line_cuts = [cut for cut in cuts[y] if last_cut >= cut >= first_cut]
            starts = line_cuts[:-1]  # one bucket per start, up to the next cut
            free = [line.get(cut) is None for cut in starts]
            # cut only where this widget's ownership changes, and at its right edge
            edges = [cut for i, cut in enumerate(line_cuts[1:-1], 1) if free[i] != free[i - 1]] + line_cuts[-1:]
            pieces = dict(zip(starts[:1] + edges[:-1], strip.divide([cut - render_x for cut in edges])))
            for i, cut in enumerate(starts):
                if free[i]:
                    line[cut] = pieces[cut] if cut in pieces else _EMPTY
    return chops


def _render_partial_update(self: Compositor) -> ChopsUpdate | None:
    """Textual's own partial update of the dirty lines, each whole (see above), with each chop's end
    taken from its piece (a piece may now span several buckets) instead of from the cuts."""
    screen = self.size.region
    lines = (Region(0, region.y, screen.width, region.height).intersection(screen) for region in self._dirty_regions)
    self._dirty_regions = {region for region in lines if region}
    update = _TEXTUAL_PARTIAL_UPDATE(self)
    if update is not None:
        update.chop_ends = [[end if strip is None else x + strip.cell_length
                             for (x, strip), end in zip(line.items(), ends)]
                            for line, ends in zip(update.chops, update.chop_ends)]
    return update


def apply() -> bool:
    """Install the two methods; False (and a log line) on a Textual version they were not written for."""
    if textual.__version__ != PINNED:
        log.warning("Textual %s is not %s: CJK overlay fix not applied", textual.__version__, PINNED)
        return False
    Compositor._render_chops = _render_chops  # type: ignore[method-assign,assignment]
    Compositor.render_partial_update = _render_partial_update  # type: ignore[method-assign]
    return True
