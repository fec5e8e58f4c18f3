"""Heuristic structure for plain text.

Plain text has no markup, so structure is inferred line by line:

* blank lines separate blocks; a block of hard-wrapped lines is one paragraph;
* in a block of unwrapped lines (one paragraph per line), each line is its own block;
* ``- ``, ``* ``, ``• ``, ``1.`` and ``1)`` lines are list items;
* lines starting and ending with ``|`` are table rows, split into cells;
* a short line without terminal punctuation is a heading (the first block: the title);
* a "Table of Contents" line and the list that follows it form a table-of-contents block;
* ``docqa: disable …`` lines are suppression directives, not prose.
"""

from __future__ import annotations

import re

from .. import rx, textutil
from ..document import Document, NodeKind
from . import TEXT_DIRECTIVE_RE, Builder

LIST_MARKER_RE = rx.compile(r"[ \t]*(?:[-*+•‣◦▪]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)])[ \t]+(?=\S)")
TABLE_ROW_RE = rx.compile(r"[ \t]*\|.*\|[ \t]*$")
TABLE_SEPARATOR_RE = rx.compile(r"[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$")
ATX_HEADING_RE = rx.compile(r"[ \t]*(#{1,6})[ \t]+")
TOC_HEADING_RE = rx.compile(
    r"[ \t]*(?:table of contents|contents|in this article|on this page|jump to)[ \t]*:?[ \t]*$",
    re.IGNORECASE,
)
# What a sentence may end with (closing quotes and brackets may follow).
TERMINAL_RE = rx.compile(r"[.!?:;,…][\"'”’)\]]*$")

HEADING_MAX_CHARS = 120
HEADING_MAX_WORDS = 16


def _kind_of(text: str, s: int, e: int) -> str:
    line = text[s:e]
    if TEXT_DIRECTIVE_RE.match(line):
        return "directive"
    if TABLE_SEPARATOR_RE.match(line) and "|" in line:
        return "table_sep"
    if TABLE_ROW_RE.match(line):
        return "table"
    if TOC_HEADING_RE.match(line):
        return "toc"
    if ATX_HEADING_RE.match(line):
        return "atx"
    if LIST_MARKER_RE.match(line):
        return "list"
    return "prose"


def _looks_like_heading(line: str) -> bool:
    stripped = textutil.strip_reference_markers(line.strip())
    if not stripped or len(stripped) > HEADING_MAX_CHARS:
        return False
    if TERMINAL_RE.search(stripped):
        return False
    if not any(c.isalpha() for c in stripped):
        return False
    first = stripped[0]
    if not (first.isupper() or first.isdigit() or first in "\"'“‘"):
        return False
    return len(stripped.split()) <= HEADING_MAX_WORDS


def _is_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """True when a multi-line block of prose lines is one hard-wrapped paragraph."""
    if len(lines) < 2:
        return False
    inner = lines[:-1]
    open_ended = sum(1 for s, e in inner if not TERMINAL_RE.search(textutil.strip_reference_markers(text[s:e].rstrip())))
    return open_ended * 2 >= len(inner)


def parse_text(text: str, path: str | None = None) -> Document:
    b = Builder(text, path, "text")
    groups: list[list[tuple[int, int]]] = [[]]
    for s, e in textutil.iter_lines(text):
        if text[s:e].strip():
            groups[-1].append((s, e))
        elif groups[-1]:
            groups.append([])

    first_block = True
    toc: int | None = None  # index of the open table-of-contents node
    table: int | None = None
    for group in groups:
        if not group:
            continue
        kinds = [_kind_of(text, s, e) for s, e in group]
        if all(k == "prose" for k in kinds) and _is_wrapped(text, group):
            b.add_block(NodeKind.PARAGRAPH, group[0][0], group[-1][1])
            first_block = False
            toc = table = None
            continue
        for (s, e), kind in zip(group, kinds):
            if kind != "table" and kind != "table_sep":
                table = None
            if kind == "directive":
                b.ignore(s, e)
                continue
            if kind in ("table", "table_sep"):
                if table is None:
                    table = b.add(NodeKind.TABLE, s, e)
                _extend(b, table, e)
                if kind == "table_sep":
                    b.ignore(s, e)
                else:
                    _add_table_row(b, s, e, table)
                first_block = False
                continue
            if kind == "toc":
                toc = b.add(NodeKind.TOC, s, e)
                b.add_block(NodeKind.HEADING, s, e, 2, toc)
                first_block = False
                continue
            if kind == "list":
                m = LIST_MARKER_RE.match(text, s, e)
                indent = len(text[s:e]) - len(text[s:e].lstrip())
                parent = toc
                if toc is not None:
                    _extend(b, toc, e)
                b.add_block(NodeKind.LIST_ITEM, m.end(), e, indent // 2, parent)
                first_block = False
                continue
            toc = None
            if kind == "atx":
                m = ATX_HEADING_RE.match(text, s, e)
                b.add_block(NodeKind.HEADING, m.end(), e, len(m.group(1)))
            elif _looks_like_heading(text[s:e]):
                b.add_block(NodeKind.HEADING, s, e, 1 if first_block else 2)
            else:
                b.add_block(NodeKind.PARAGRAPH, s, e)
            first_block = False
    return b.finish()


def _extend(b: Builder, index: int, end: int) -> None:
    node = b.nodes[index]
    if end > node.end:
        b.nodes[index] = type(node)(node.kind, node.start, end, node.level, node.parent, node.index)


def _add_table_row(b: Builder, s: int, e: int, table: int) -> None:
    text = b.text
    row = b.add(NodeKind.TABLE_ROW, *b.trim(s, e), 0, table)
    bars = [i for i in range(s, e) if text[i] == "|"]
    for left, right in zip(bars, bars[1:]):
        cs, ce = b.trim(left + 1, right)
        if ce > cs:
            b.add_block(NodeKind.TABLE_CELL, cs, ce, 0, row)
