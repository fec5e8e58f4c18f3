"""Markdown through markdown-it-py (CommonMark plus GFM tables).

markdown-it reports block positions as line ranges; offsets inside a line are recovered by
locating the block's first content line in the source, so every node points into the original
text. Code blocks, HTML, front matter and link targets are recorded as non-prose.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import rx, textutil
from ..document import Document, NodeKind
from . import Builder

FRONT_MATTER_RE = rx.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n.*?^(?:---|\+\+\+|\.\.\.)[ \t]*$", re.DOTALL | re.MULTILINE)
_BLOCKQUOTE_PREFIX_RE = rx.compile(r"[ \t]*(?:>[ \t]?)*")


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table")


def parse_markdown(text: str, path: str | None = None) -> Document:
    b = Builder(text, path, "markdown")
    starts = textutil.line_starts(text)
    ends = [m.start() for m in textutil.LINE_BREAK_RE.finditer(text)] + [len(text)]

    source = text
    fm = FRONT_MATTER_RE.match(text)
    if fm:
        b.add_non_prose(NodeKind.FRONT_MATTER, 0, fm.end())
        # Keep line numbers: blank the front matter out for the Markdown parser.
        source = "\n" * (len(textutil.line_starts(fm.group())) - 1) + text[fm.end():]

    tokens = _parser().parse(source)
    stack: list[str] = []  # open container tokens
    item_has_para: list[bool] = []
    table: int | None = None
    pending_heading: tuple[int, int] | None = None  # (level, line) of an open heading

    for i, tok in enumerate(tokens):
        t = tok.type
        if t.endswith("_open") and tok.nesting == 1 and t not in ("paragraph_open", "heading_open"):
            stack.append(t)
            if t == "list_item_open":
                item_has_para.append(False)
            if t == "table_open" and tok.map:
                table = b.add(NodeKind.TABLE, starts[tok.map[0]], ends[tok.map[1] - 1])
        elif t.endswith("_close") and tok.nesting == -1 and t not in ("paragraph_close", "heading_close"):
            if stack:
                stack.pop()
            if t == "list_item_close" and item_has_para:
                item_has_para.pop()
            if t == "table_close":
                table = None

        if t == "heading_open" and tok.map:
            pending_heading = (int(tok.tag[1]), tok.map[0])
        elif t == "inline" and pending_heading is not None:
            level, line = pending_heading
            pending_heading = None
            s, e = _locate(text, starts[line], ends[line], tok.content)
            b.add_block(NodeKind.HEADING, s, e, level)
        elif t == "paragraph_open" and tok.map:
            inline = tokens[i + 1]
            first_line = inline.content.split("\n", 1)[0]
            s, _ = _locate(text, starts[tok.map[0]], ends[tok.map[0]], first_line)
            e = ends[tok.map[1] - 1]
            kind = NodeKind.PARAGRAPH
            if item_has_para and not item_has_para[-1]:
                kind = NodeKind.LIST_ITEM
                item_has_para[-1] = True
            level = stack.count("bullet_list_open") + stack.count("ordered_list_open") - 1
            b.add_block(kind, s, e, max(level, 0))
        elif t in ("fence", "code_block") and tok.map:
            s, e = starts[tok.map[0]], ends[tok.map[1] - 1]
            b.add_non_prose(NodeKind.CODE_BLOCK, s, e)
        elif t == "html_block" and tok.map:
            s, e = starts[tok.map[0]], ends[tok.map[1] - 1]
            b.add_non_prose(NodeKind.HTML, s, e)
        elif t == "hr" and tok.map:
            b.ignore(starts[tok.map[0]], ends[tok.map[0]])
        elif t == "tr_open" and tok.map:
            line = tok.map[0]
            s, e = starts[line], ends[line]
            row = b.add(NodeKind.TABLE_ROW, *b.trim(s, e), 0, table)
            _add_cells(b, s, e, row)
            if tokens[i - 1].type == "thead_open" and line + 1 < len(starts):
                b.ignore(starts[line + 1], ends[line + 1])  # the delimiter row
    return b.finish()


def _locate(text: str, line_start: int, line_end: int, content: str) -> tuple[int, int]:
    """Find ``content``'s first line inside a source line; fall back to the line minus its markers."""
    probe = content.strip()
    if probe:
        at = text.find(probe, line_start, line_end)
        if at >= 0:
            return at, at + len(probe) if "\n" not in content else line_end
    m = _BLOCKQUOTE_PREFIX_RE.match(text, line_start, line_end)
    return (m.end() if m else line_start), line_end


def _add_cells(b: Builder, s: int, e: int, row: int) -> None:
    text = b.text
    bars = [i for i in range(s, e) if text[i] == "|" and (i == 0 or text[i - 1] != "\\")]
    edges = bars if bars and bars[0] == b.trim(s, e)[0] else [s - 1] + bars
    if not bars or bars[-1] != b.trim(s, e)[1] - 1:
        edges = edges + [e]
    for left, right in zip(edges, edges[1:]):
        cs, ce = b.trim(left + 1, right)
        if ce > cs:
            b.add_block(NodeKind.TABLE_CELL, cs, ce, 0, row)
