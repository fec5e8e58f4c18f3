"""Parsers that turn raw text into a :class:`~docqa.document.Document`.

The parsers (Markdown, reStructuredText, plain text) feed a :class:`Builder`, which owns what they share: node indices, sentence
splitting of prose blocks, URL detection and the merged list of non-prose spans.
"""

from __future__ import annotations

import re

from .. import rx, textutil
from ..document import Document, Node, NodeKind, PROSE_BLOCKS

#: Inline code in Markdown: a run of backticks, content, the same run.
INLINE_CODE_RE = rx.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
#: The target of a Markdown link or image: ``](target)``.
LINK_TARGET_RE = rx.compile(r"\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
#: An inline HTML tag or comment in Markdown prose.
INLINE_HTML_RE = rx.compile(r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>", re.DOTALL)
#: A suppression directive on a line of its own in plain text ("docqa: disable CAS001").
TEXT_DIRECTIVE_RE = rx.compile(r"^[ \t]*docqa:[ \t]*(?:disable|enable)", re.IGNORECASE)


class Builder:
    """Collects nodes in document order and the spans that are not prose."""

    def __init__(self, text: str, path: str | None, fmt: str) -> None:
        self.text = text
        self.path = path
        self.fmt = fmt
        self.nodes: list[Node] = []
        self._ignored: list[tuple[int, int]] = []
        self._inline_from = 0  # where the spans found in the block being scanned begin

    def add(self, kind: NodeKind, start: int, end: int, level: int = 0, parent: int | None = None) -> int:
        index = len(self.nodes)
        self.nodes.append(Node(kind, start, end, level, parent, index))
        return index

    def ignore(self, start: int, end: int) -> None:
        if end > start:
            self._ignored.append((start, end))

    def add_non_prose(self, kind: NodeKind, start: int, end: int, parent: int | None = None) -> None:
        """A node that is never checked as prose (code, a URL): added and its span ignored."""
        self.add(kind, start, end, 0, parent)
        self.ignore(start, end)

    def is_ignored_at(self, offset: int) -> bool:
        """True when ``offset`` lies in a non-prose span found so far in the block being scanned."""
        return any(s <= offset < e for s, e in self._ignored[self._inline_from:])

    def add_block(self, kind: NodeKind, start: int, end: int, level: int = 0, parent: int | None = None) -> int:
        """Add a block, find its inline non-prose spans, and split prose blocks into sentences."""
        start, end = self.trim(start, end)
        first_ignored = self._inline_from = len(self._ignored)
        index = self.add(kind, start, end, level, parent)
        self.scan_inline(start, end, index)
        if kind in PROSE_BLOCKS:
            inline = [(s, e) for s, e in self._ignored[first_ignored:] if s < end and e > start]

            def in_code_or_link(offset: int) -> bool:
                return any(s <= offset < e for s, e in inline)

            for s, e in textutil.split_sentences(self.text, start, end, in_code_or_link if inline else None):
                self.add(NodeKind.SENTENCE, s, e, 0, index)
        return index

    def scan_inline(self, start: int, end: int, parent: int) -> None:
        text = self.text
        # Each pattern below needs a character most blocks lack (a backtick, "](", "<", or what
        # textutil.may_contain_url looks for): checking for it first skips most of the scanning.
        if self.fmt == "markdown":
            if text.find("`", start, end) >= 0:
                for m in INLINE_CODE_RE.finditer(text, start, end):
                    self.add_non_prose(NodeKind.INLINE_CODE, m.start(), m.end(), parent)
            if text.find("](", start, end) >= 0:
                for m in LINK_TARGET_RE.finditer(text, start, end):
                    self.add(NodeKind.LINK, m.start() + 2, m.end() - 1, 0, parent)
                    self.ignore(m.start() + 1, m.end())
            if text.find("<", start, end) >= 0:
                for m in INLINE_HTML_RE.finditer(text, start, end):
                    self.ignore(m.start(), m.end())
        elif self.fmt == "rst":
            from .rst import scan_inline

            scan_inline(self, start, end, parent)
        if textutil.may_contain_url(text, start, end):
            for m in textutil.URL_RE.finditer(text, start, end):
                self.add_non_prose(NodeKind.URL, m.start(), m.end(), parent)

    def trim(self, start: int, end: int) -> tuple[int, int]:
        return textutil.trim(self.text, start, end)

    def finish(self) -> Document:
        merged: list[tuple[int, int]] = []
        for s, e in sorted(self._ignored):
            if merged and s <= merged[-1][1]:
                if e > merged[-1][1]:
                    merged[-1] = (merged[-1][0], e)
            else:
                merged.append((s, e))
        return Document(
            text=self.text, path=self.path, format=self.fmt,
            nodes=tuple(self.nodes), ignored=tuple(merged),
        )
