"""Inline suppression directives.

Markdown uses HTML comments, reStructuredText comments (``.. docqa: disable CAS001``); plain
text uses the same words on a line of their own::

    <!-- docqa: disable CAS001,SPC -->   …   <!-- docqa: enable -->
    <!-- docqa: disable-next-line CAS001 -->
    <!-- docqa: disable-file -->
    docqa: disable-next-line SPL001            (plain text)

Codes are codes or prefixes; no codes means every rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import rx, textutil

_VERBS = r"(?P<verb>disable-next-line|disable-file|disable|enable)"
_CODES = r"(?P<codes>[A-Za-z0-9_,\s-]*?)"
#: The start and end of a directive's line, whatever the line endings (``^`` and ``$`` know only LF).
_LINE_START = r"(?:(?<=[\r\n])|\A)"
_LINE_END = r"(?=\r\n|\r|\n|\Z)"
MD_DIRECTIVE_RE = rx.compile(r"<!--\s*docqa:\s*" + _VERBS + r"\b" + _CODES + r"\s*-->", re.IGNORECASE)


def _line_directive(lead: str) -> re.Pattern[str]:
    """A directive alone on its line, after ``lead`` (a regex) and optional blanks."""
    return rx.compile(_LINE_START + r"[ \t]*" + lead + r"docqa:[ \t]*" + _VERBS
                      + r"\b(?P<codes>[A-Za-z0-9_, \t-]*)" + _LINE_END, re.IGNORECASE)


TEXT_DIRECTIVE_RE = _line_directive("")
#: reStructuredText: the same words in a comment (``.. docqa: disable-next-line SPL001``).
RST_DIRECTIVE_RE = _line_directive(r"\.\.[ \t]+")


@dataclass
class Suppressions:
    """Where findings are silenced: the whole file, or offset ranges, for some codes or all."""

    file_codes: set[str] | None = field(default_factory=set)  # None: the whole file, every code
    ranges: list[tuple[int, int, frozenset[str] | None]] = field(default_factory=list)

    def suppresses(self, code: str, offset: int) -> bool:
        if self.file_codes is None or _matches(code, self.file_codes):
            return True
        for start, end, codes in self.ranges:
            if start <= offset < end and (codes is None or _matches(code, codes)):
                return True
        return False

    def __bool__(self) -> bool:
        return self.file_codes is None or bool(self.file_codes) or bool(self.ranges)


def _matches(code: str, selectors) -> bool:
    return any(code.startswith(s) for s in selectors)


def _parse_codes(raw: str) -> frozenset[str] | None:
    codes = frozenset(c.strip().upper() for c in re.split(r"[,\s]+", raw) if c.strip())
    return codes or None


def parse_suppressions(text: str, fmt: str) -> Suppressions:
    """Read every directive in ``text`` (a Markdown, reStructuredText or plain-text document)."""
    if "docqa:" not in text and "DOCQA:" not in text.upper():
        return Suppressions()
    regex = {"markdown": MD_DIRECTIVE_RE, "rst": RST_DIRECTIVE_RE}.get(fmt, TEXT_DIRECTIVE_RE)
    sup = Suppressions()
    open_regions: dict[frozenset[str] | None, int] = {}
    for m in regex.finditer(text):
        verb = m.group("verb").lower()
        codes = _parse_codes(m.group("codes"))
        if verb == "disable-file":
            if codes is None:
                sup.file_codes = None
            elif sup.file_codes is not None:
                sup.file_codes |= codes
        elif verb == "disable":
            open_regions.setdefault(codes, m.end())
        elif verb == "enable":
            for key in list(open_regions):
                if codes is None or key is None or key & codes:
                    sup.ranges.append((open_regions.pop(key), m.start(), key))
        else:  # disable-next-line: the next line that has any text
            start, end = _next_line(text, m.end())
            sup.ranges.append((start, end, codes))
    for key, start in open_regions.items():
        sup.ranges.append((start, len(text), key))
    return sup


def _next_line(text: str, pos: int) -> tuple[int, int]:
    lines = textutil.iter_lines(text, pos)
    next(lines, None)  # the rest of the directive's own line
    for s, e in lines:
        if text[s:e].strip():
            return s, e
    return len(text), len(text)
