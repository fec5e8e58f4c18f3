"""The document model: one parse per file into nodes that keep offsets into the original text.

A :class:`Document` holds the text exactly as read (CRLF, BOM-less, nothing normalised), a flat
tuple of :class:`Node` objects in document order, and the spans that are not prose (code, URLs,
markup, directives) so that no rule checks them. Line and column are derived from offsets by
:class:`LineIndex`, only when a finding is reported.
"""

from __future__ import annotations

import bisect
import enum
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Iterable, Iterator

from . import textutil


class NodeKind(str, enum.Enum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE = "table"
    TABLE_ROW = "table_row"
    TABLE_CELL = "table_cell"
    TOC = "toc"  # a table-of-contents block: its heading line and its entries
    CODE_BLOCK = "code_block"
    INLINE_CODE = "inline_code"
    LINK = "link"
    URL = "url"
    HTML = "html"  # a block of markup, not prose: HTML in Markdown; a directive or field list in reStructuredText
    FRONT_MATTER = "front_matter"
    SENTENCE = "sentence"


#: Formats whose headings and their levels are marked up, not guessed from short lines.
MARKUP_FORMATS = frozenset({"markdown", "rst"})
#: Block kinds whose text is prose and is split into sentences.
PROSE_BLOCKS = frozenset({NodeKind.PARAGRAPH, NodeKind.LIST_ITEM})
#: Kinds that are never checked as prose.
NON_PROSE = frozenset(
    {NodeKind.CODE_BLOCK, NodeKind.INLINE_CODE, NodeKind.URL, NodeKind.HTML, NodeKind.FRONT_MATTER}
)


@dataclass(frozen=True)
class Node:
    """A span of the document. ``parent`` is the index of the enclosing node in ``Document.nodes``."""

    kind: NodeKind
    start: int
    end: int
    level: int = 0  # heading level (1 = title); list nesting depth
    parent: int | None = None
    index: int = -1  # own position in Document.nodes


class LineIndex:
    """Maps offsets to 1-based line and column (columns in code points; CRLF and lone CR count as one break)."""

    def __init__(self, text: str) -> None:
        self._starts = textutil.line_starts(text)
        self._len = len(text)

    @classmethod
    def from_starts(cls, starts: list[int], length: int) -> "LineIndex":
        """Rebuild an index from :attr:`starts` (e.g. from the cache) without the text."""
        index = cls.__new__(cls)
        index._starts, index._len = list(starts), length
        return index

    @property
    def starts(self) -> list[int]:
        return self._starts

    @property
    def length(self) -> int:
        return self._len

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset)

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, self._len))
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def offset(self, line: int, column: int) -> int:
        """The offset of a 1-based ``line``/``column``; the inverse of :meth:`position`."""
        return self._starts[line - 1] + column - 1

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]


@dataclass
class Document:
    """A parsed file. Build one with :func:`parse`."""

    text: str
    path: str | None = None
    format: str = "text"
    nodes: tuple[Node, ...] = ()
    ignored: tuple[tuple[int, int], ...] = ()  # sorted, merged non-prose spans
    #: Shared analyses computed once per document and reused by several rules (keyed by name).
    cache: dict[str, Any] = field(default_factory=dict, repr=False)

    # ----------------------------------------------------------------- structure
    def of_kind(self, *kinds: NodeKind) -> list[Node]:
        want = set(kinds)
        return [n for n in self.nodes if n.kind in want]

    @cached_property
    def blocks(self) -> list[Node]:
        """Top-level blocks in reading order: headings, paragraphs, list items, table rows, code."""
        block_kinds = {
            NodeKind.HEADING, NodeKind.PARAGRAPH, NodeKind.LIST_ITEM, NodeKind.TABLE_ROW,
            NodeKind.CODE_BLOCK, NodeKind.HTML,
        }
        return [n for n in self.nodes if n.kind in block_kinds]

    @cached_property
    def headings(self) -> list[Node]:
        return self.of_kind(NodeKind.HEADING)

    @cached_property
    def paragraphs(self) -> list[Node]:
        """Prose blocks: paragraphs and list items."""
        return [n for n in self.nodes if n.kind in PROSE_BLOCKS]

    @cached_property
    def sentences(self) -> list[Node]:
        return self.of_kind(NodeKind.SENTENCE)

    @cached_property
    def title(self) -> Node | None:
        """The document's title: a level-1 heading that is the first block, if there is one."""
        for n in self.blocks:
            if n.kind is NodeKind.HEADING and n.level == 1:
                return n
            if n.kind not in (NodeKind.HTML,):
                return None
        return None

    @cached_property
    def _children(self) -> dict[int, list[Node]]:
        by_parent: dict[int, list[Node]] = {}
        for n in self.nodes:
            if n.parent is not None:
                by_parent.setdefault(n.parent, []).append(n)
        return by_parent

    def children(self, node: Node, kind: NodeKind | None = None) -> list[Node]:
        """The nodes whose parent is ``node``, in document order (optionally only of ``kind``).

        Looked up in an index built once per document: scanning every node for every call made
        rules that visit each block quadratic in the document's length.
        """
        return [n for n in self._children.get(node.index, ()) if kind is None or n.kind is kind]

    def parent_of(self, node: Node) -> Node | None:
        return None if node.parent is None else self.nodes[node.parent]

    def block_at(self, offset: int) -> Node | None:
        for n in self.blocks:
            if n.start <= offset < n.end:
                return n
        return None

    def slice(self, node: Node | tuple[int, int]) -> str:
        if isinstance(node, Node):
            return self.text[node.start:node.end]
        return self.text[node[0]:node[1]]

    # ----------------------------------------------------------------- prose
    @cached_property
    def _ignored_starts(self) -> list[int]:
        return [s for s, _ in self.ignored]

    def is_ignored(self, start: int, end: int | None = None) -> bool:
        """True when ``[start, end)`` overlaps a non-prose span (code, URL, markup, directive)."""
        end = start + 1 if end is None or end <= start else end
        # Spans are merged and sorted: only the last one starting before ``end`` can overlap.
        i = bisect.bisect_right(self._ignored_starts, end - 1) - 1
        return i >= 0 and self.ignored[i][1] > start

    def words(self, node: Node | None = None) -> Iterator[tuple[int, int, str]]:
        """``(start, end, word)`` for the prose words in ``node`` (default: the whole document)."""
        nodes: Iterable[Node] = [node] if node is not None else self.paragraphs + self.headings
        for n in nodes:
            for m in textutil.iter_words(self.text, n.start, n.end):
                if not self.is_ignored(m.start(), m.end()):
                    yield m.start(), m.end(), m.group()

    def word_count(self, node: Node | None = None) -> int:
        """How many words :meth:`words` yields for ``node`` (default: the whole document)."""
        nodes: Iterable[Node] = [node] if node is not None else self.paragraphs + self.headings
        return sum(self.span_word_count(n.start, n.end) for n in nodes)

    def span_word_count(self, start: int, end: int) -> int:
        """How many prose words (word matches outside non-prose spans) lie in ``[start, end)``."""
        if not self.is_ignored(start, end):
            # Nothing in the span is ignored (the usual case): count the matches without
            # building a tuple and testing each one, several times faster on long documents.
            return len(textutil.WORD_RE.findall(self.text, start, end))
        return sum(1 for m in textutil.iter_words(self.text, start, end) if not self.is_ignored(m.start(), m.end()))

    # ----------------------------------------------------------------- positions
    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    def position(self, offset: int) -> tuple[int, int]:
        return self.lines.position(offset)


def detect_format(path: str | Path | None) -> str:
    """``markdown`` for Markdown file names, ``rst`` for reStructuredText, else ``text``."""
    if path is None:
        return "text"
    suffix = Path(path).suffix.lower()
    if suffix in {".md", ".markdown", ".mdown", ".mkd"}:
        return "markdown"
    return "rst" if suffix in {".rst", ".rest"} else "text"


def parse(text: str, path: str | Path | None = None, fmt: str | None = None) -> Document:
    """Parse ``text`` into a :class:`Document` (Markdown, reStructuredText or heuristic plain text)."""
    fmt = fmt or detect_format(path)
    if fmt == "markdown":
        from .parsing.markdown import parse_markdown as parser
    elif fmt == "rst":
        from .parsing.rst import parse_rst as parser
    else:
        from .parsing.text import parse_text as parser
    return parser(text, None if path is None else str(path))
