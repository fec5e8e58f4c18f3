"""Small, fast text primitives shared by the parsers and the rules: words, sentences, line breaks.

Everything here works on offsets into the original text and never copies or normalises it, so
that what a rule reports can be sliced back out of the file exactly.
"""

from __future__ import annotations

import re
from typing import Callable, Iterator

from . import rx

#: A line break as docqa counts lines: CRLF, lone CR or LF.
LINE_BREAK_RE = rx.compile(r"\r\n|\r|\n")

#: A word: letters, with inner apostrophes or hyphens ("don't", "Jean-Paul", "state-of-the-art").
WORD_RE = rx.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")

#: A URL, a bare domain with a path, or an e-mail address: never prose.
URL_RE = rx.compile(
    r"""(?:(?:https?|ftp)://|www\.)[^\s<>"'`]+[^\s<>"'`.,;:!?)\]]"""
    r"""|[\w.+-]+@[\w-]+(?:\.[\w-]+)+""",
    re.IGNORECASE,
)

# The full stop of a "www." in any letter case (fast: the search runs from full stops only).
_WWW_DOT_RE = rx.compile(r"\.(?<=[wW]{3}\.)")


def may_contain_url(text: str, start: int, end: int) -> bool:
    """False only when ``text[start:end]`` cannot hold a :data:`URL_RE` match.

    Every match consumes "://", "www." (in any case) or "@"; looking for those three is much
    cheaper than running the pattern over text that, in most documents, has no URL at all.
    """
    return (text.find("@", start, end) >= 0 or text.find("://", start, end) >= 0
            or _WWW_DOT_RE.search(text, start, end) is not None)


#: Abbreviations after which a full stop does not end a sentence (lower case, without the last dot).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft vs etc e.g i.e cf al inc ltd co corp no nos vol vols fig figs
    approx est dept univ assn bros jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed
    thu thur thurs fri sat sun u.s u.k u.n e.u a.m p.m gen gov sen rep reps lt col capt cmdr sgt rev
    hon pres ph.d m.d b.a m.a b.sc m.sc op p pp ed eds repr trans ca c approx. no. ave blvd rd hwy
    """.split()
)

# The end of a sentence: terminal punctuation, optional closing quotes/brackets, then white space;
# reference markers glued to it ("games.[7] It") belong to the sentence they close.
_REF_MARKER = r"\[(?:\d{1,3}|[a-z])\]"  # "[6]", "[a]"
_SENT_END_RE = rx.compile(r"([.!?…]+[\"'”’)\]]*)(?:" + _REF_MARKER + r")*(?=\s)")
#: Reference markers after a sentence's end and a space ("1805. [6] An"), or at the end of a line.
_REF_MARKERS_RE = rx.compile(r"(?:[ \t]*" + _REF_MARKER + r")+(?=\s|$)")
_TRAILING_REF_MARKERS_RE = rx.compile(r"(?:\s*" + _REF_MARKER + r")+\s*$")
_TOKEN_BEFORE_RE = rx.compile(r"([\w.’'-]+)$")


def strip_reference_markers(line: str) -> str:
    """``line`` without the reference markers that end it ("...in 1805. [6][7]" -> "...in 1805.")."""
    return _TRAILING_REF_MARKERS_RE.sub("", line) if line.rstrip().endswith("]") else line


def line_starts(text: str) -> list[int]:
    """Offsets at which each line begins (the first is always 0)."""
    starts = [0]
    starts.extend(m.end() for m in LINE_BREAK_RE.finditer(text))
    return starts


def iter_lines(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Yield ``(line_start, line_end)`` for each line in ``text[start:end]``, without the break."""
    end = len(text) if end is None else end
    pos = start
    for m in LINE_BREAK_RE.finditer(text, start, end):
        yield pos, m.start()
        pos = m.end()
    if pos < end:
        yield pos, end


def is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at ``text[dot]`` closes an abbreviation or an initial."""
    m = _TOKEN_BEFORE_RE.search(text, max(0, dot - 24), dot)
    if not m:
        return False
    token = m.group(1).lower().strip("’'-")
    if not token:
        return False
    if token in ABBREVIATIONS:
        return True
    if len(token) == 1 and token.isalpha():  # an initial: "J. Smith", "U. S."
        return True
    # Dotted acronyms such as "U.S" or "a.k.a": single letters between dots.
    return bool(re.fullmatch(r"(?:[^\W\d_]\.)+[^\W\d_]", token))


def split_sentences(
    text: str, start: int, end: int, skip: "Callable[[int], bool] | None" = None
) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentence spans, trimmed of surrounding white space.

    A sentence ends at ``.``, ``!``, ``?`` or an ellipsis followed by white space, unless the full
    stop closes a known abbreviation or an initial, or ``skip(offset)`` says the mark is not
    prose (inside a URL, link target or code span). Reference markers right after the end
    ("1805.[6]", "1805. [6][7]") are part of the sentence they follow. A missing space ("end.Next") does not split:
    that is a spacing error for the spacing rules to report, not a sentence boundary.
    """
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _SENT_END_RE.finditer(text, start, end):
        if skip is not None and skip(m.start()):
            continue
        if m.group(1) == "." and is_abbreviation(text, m.start()):
            continue
        stop = m.end()
        markers = _REF_MARKERS_RE.match(text, stop, end)
        if markers:
            stop = markers.end()
        spans.append((pos, stop))
        pos = stop
    spans.append((pos, end))
    return [(s, e) for s, e in (trim(text, *span) for span in spans) if s < e]


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the white space at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def iter_words(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """Word matches in ``text[start:end]``."""
    return WORD_RE.finditer(text, start, len(text) if end is None else end)
