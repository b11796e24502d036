"""How ``kiosk --help`` is laid out: argparse's headings in Chinese (用法：, 位置参数：, 选项：) and the
text wrapped by terminal cells. argparse counts characters and breaks lines only at spaces, so a
Chinese sentence (two cells a character, no spaces) ran past the terminal's edge and a Chinese
metavar pushed the help column out of line."""
from __future__ import annotations

import argparse
import re
import unicodedata

USAGE = "用法："
# A line does not start with closing punctuation, nor end with opening punctuation.
NO_LINE_START = frozenset("，。、；：）」』！？),.;:!?]}")
NO_LINE_END = frozenset("（「『([{<")
# One item of a usage line, as argparse splits it: (a | b), [--opt X], or a word.
_USAGE_PART = re.compile(r"\(.*?\)+(?=\s|$)|\[.*?\]+(?=\s|$)|\S+")


def cells(text: str) -> int:
    """Terminal cells ``text`` takes: two for a wide (CJK) character, one for the others."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int) -> str:
    """``text`` padded to ``width`` terminal cells, at least one space after it (a table's column)."""
    return text + " " * max(1, width - cells(text))


def _words(text: str) -> list[tuple[str, bool]]:
    """``text`` as the pieces a line may break between, each with whether a space came before it: a
    run of ASCII (or other narrow) characters stays whole, each Chinese character is a piece of its
    own, and punctuation (Chinese, or an ASCII sign after a Chinese character) keeps to the piece it
    closes or opens."""
    words: list[list] = []
    spaced = glue = narrow_before = False
    for ch in text:
        if ch.isspace():
            spaced = True
            continue
        narrow = cells(ch) == 1
        sign = narrow and not ch.isalnum() and ch not in NO_LINE_END  # the > of <密钥编号>.pub.pem, a /
        if words and not spaced and (glue or sign or ch in NO_LINE_START or (narrow and narrow_before)):
            words[-1][0] += ch
        else:
            words.append([ch, spaced])
        spaced, glue, narrow_before = False, ch in NO_LINE_END, narrow
    return [(w, s) for w, s in words]


def wrap(text: str, width: int) -> list[str]:
    """``text`` (spaces collapsed) in lines of at most ``width`` cells; a single piece longer than
    that (a long URL) gets a line of its own."""
    lines: list[str] = []
    line = ""
    for word, spaced in _words(text):
        joined = line + (" " if spaced and line else "") + word
        if line and cells(joined) > width:
            lines.append(line)
            line = word
        else:
            line = joined
    return [*lines, line] if line else lines


class KioskHelpFormatter(argparse.HelpFormatter):
    """argparse's layout, measured in cells, with Chinese headings (the colon after them too)."""

    class _Section(argparse.HelpFormatter._Section):  # noqa: SLF001 - argparse's own section class
        def format_help(self) -> str:
            text = super().format_help()
            if isinstance(self.heading, str) and self.heading is not argparse.SUPPRESS:
                text = text.replace(f"{self.heading}:\n", f"{self.heading}：\n", 1)
            return text

    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, USAGE if prefix is None else prefix)

    def _format_usage(self, usage, actions, groups, prefix):  # type: ignore[no-untyped-def]
        """argparse's usage line, wrapped again by cells with the lines after the first under the
        first item after the program's name (argparse's rule, in cells)."""
        body = " ".join(super()._format_usage(usage, actions, groups, "").split())
        prefix = USAGE if prefix is None else prefix
        if not body.startswith(self._prog):
            return f"{prefix}{body}\n\n"
        head = prefix + self._prog
        parts = _USAGE_PART.findall(body[len(self._prog):])
        width = self._width - self._current_indent
        indent = " " * (cells(head) + 1 if cells(head) + 1 <= width * 3 // 4 else cells(prefix))
        lines, line = [], head
        for part in parts:
            if line != head and cells(line) + 1 + cells(part) > width:
                lines.append(line)
                line = indent + part
            else:
                line = f"{line} {part}"
        lines.append(line)
        return "\n".join(lines) + "\n\n"

    def add_argument(self, action: argparse.Action) -> None:
        if action.help is not argparse.SUPPRESS:
            invocations = [self._format_action_invocation(action)]
            invocations += [self._format_action_invocation(s) for s in self._iter_indented_subactions(action)]
            self._action_max_length = max(self._action_max_length,
                                          max(map(cells, invocations)) + self._current_indent)
            self._add_item(self._format_action, [action])

    def _format_action(self, action: argparse.Action) -> str:
        """As argparse's, with the option column padded by cells."""
        help_position = min(self._action_max_length + 2, self._max_help_position)
        help_width = max(self._width - help_position, 11)
        action_width = help_position - self._current_indent - 2
        header = " " * self._current_indent + self._format_action_invocation(action)
        indent_first = help_position
        if not action.help:
            parts = [header + "\n"]
        elif cells(header) - self._current_indent <= action_width:
            parts = [header + " " * (help_position - cells(header))]
            indent_first = 0
        else:
            parts = [header + "\n"]
        if action.help and action.help.strip():
            lines = self._split_lines(self._expand_help(action), help_width)
            if lines:
                parts.append(" " * indent_first + lines[0] + "\n")
                parts += [" " * help_position + line + "\n" for line in lines[1:]]
        elif not parts[0].endswith("\n"):
            parts.append("\n")
        for sub in self._iter_indented_subactions(action):
            parts.append(self._format_action(sub))
        return self._join_parts(parts)

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap(text, width - cells(indent)))


class KioskRawDescriptionFormatter(KioskHelpFormatter):
    """The description as written (a table, exit codes); the options as KioskHelpFormatter lays them out."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "".join(indent + line for line in text.splitlines(keepends=True))
