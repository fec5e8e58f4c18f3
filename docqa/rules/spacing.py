"""Spacing rules (family ``spacing``).

Every finding here carries a safe fix: the repair of a spacing slip is mechanical. The rules
look only at prose (paragraphs, list items, headings, table cells); the engine drops anything
that overlaps code, URLs or markup, and each rule steps around numbers (1,200; 3.5), versions
(3.11.2), abbreviations (U.S., e.g., Ph.D.), e-mail addresses, domains and file names
(example.com, config.yaml), ellipses and emoticons.
"""

from __future__ import annotations

import re
from typing import Iterable

from .. import rx
from ..document import Document, Node, NodeKind
from ..finding import Family, Fix, Severity, Violation
from .base import Rule

_CLOSERS = "\"'”’)]»"
# A mark glued to the next word: "Group,and", "economies.The", "really?Yes", 'said.”The'.
_GLUED_RE = rx.compile(
    r"(?<=[^\W_])(?:([,;])|([.!?])[\"'”’)\]]*(?=[A-Z][^\W\d_])|(:)(?=[A-Z][a-z]))(?=[\"'”’)\]]*[^\W\d_])"
)
# Characters that make a glued run an identifier, a path, an address or markup, not prose.
_TECHNICAL_CHARS = set("/\\_@=<>{}[]|#$%^~`+*")
_SPACE_RUN_RE = rx.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")
_SPACE_BEFORE_RE = rx.compile(
    r"(?<=[^\W_]|[\"'”’)\]])([ \t\u00a0]+)(?:([,;:.!?])(?=$|[\s\"'”’)\]])|([,;])(?=[^\W\d_]))", re.MULTILINE
)
_SPACE_INSIDE_OPEN_RE = rx.compile(r"([(\[{“])([ \t\u00a0]+)(?=[^\W_]|[\"'“‘])")
_SPACE_INSIDE_CLOSE_RE = rx.compile(r"(?<=[^\W_]|[.!?\"'”’])([ \t\u00a0]+)([)\]}”])")
_DOUBLED_RE = rx.compile(r"(?<![.,;])([,;.])\1(?![.,;])")


def _prose_blocks(doc: Document) -> list[Node]:
    """Blocks whose text is prose: paragraphs, list items, headings and table cells."""
    return doc.paragraphs + doc.headings + doc.of_kind(NodeKind.TABLE_CELL)


def _run_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The maximal run of non-space characters around ``text[start:end]``."""
    s, e = start, end
    while s > 0 and not text[s - 1].isspace():
        s -= 1
    while e < len(text) and not text[e].isspace():
        e += 1
    return s, e


def _word_start(text: str, pos: int) -> int:
    """Start of the word (letters, digits, inner hyphens and apostrophes) that ends at ``pos``."""
    while pos > 0 and (text[pos - 1].isalnum() or (text[pos - 1] in "-’'" and pos > 1 and text[pos - 2].isalnum())):
        pos -= 1
    return pos


def _word_end(text: str, pos: int) -> int:
    """End of the word that starts at ``pos``."""
    n = len(text)
    while pos < n and (text[pos].isalnum() or (text[pos] in "-’'" and pos + 1 < n and text[pos + 1].isalnum())):
        pos += 1
    return pos


def _letters_before(text: str, pos: int) -> str:
    i = pos
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    return text[i:pos]


def _letters_after(text: str, pos: int) -> str:
    i = pos
    while i < len(text) and text[i].isalpha():
        i += 1
    return text[pos:i]


def _is_technical(run: str) -> bool:
    """True for identifiers, paths, addresses, dotted names and number lists, not prose."""
    if any(c in _TECHNICAL_CHARS for c in run) or "://" in run:
        return True
    core = run.strip(".,;:!?\"'”’“‘()[]")
    if len(re.findall(r"(?<=\w)\.(?=\w)", core)) >= 2:
        return True  # "System.Text.Json", "a.b.c", "www.example.org"
    if core.count(",") >= 2 and not re.search(r",[^\W\d_]{3,}", core):
        return True  # "a,b,c"
    return False


class MissingSpaceAfterPunctuation(Rule):
    """Missing space after a comma, semicolon, colon or sentence-ending mark between two words.

    "Group,and", "economies.The", "really?Yes" and 'said.”The' read as typos; numbers
    (1,200), versions (3.11.2), abbreviations (U.S.A., Ph.D.), URLs, e-mail addresses, domains
    and file names (example.com, config.yaml) and code identifiers are left alone.

    Flagged:
        Samsung Group,and SK Group signed.
        Both economies grew.The deal followed.
        Is it true?Yes, it is.

    Clean:
        Sales rose to 1,200 units in version 3.11.2 of the U.S.A. edition.
        See example.com or config.yaml for details.
        She earned a Ph.D. in 1990 from the U.S. university; x,y pairs are fine.
    """

    code = "SPC001"
    name = "missing-space-after-punctuation"
    family = Family.SPACING
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document) -> Iterable[Violation]:
        text = doc.text
        for block in _prose_blocks(doc):
            for m in _GLUED_RE.finditer(text, block.start, block.end):
                at = m.start()
                mark = text[at]
                insert = at + 1
                while insert < block.end and text[insert] in _CLOSERS:
                    insert += 1
                run_s, run_e = _run_around(text, at, insert)
                if _is_technical(text[run_s:run_e]):
                    continue
                before = _letters_before(text, at)
                after = _letters_after(text, insert)
                if mark == ".":
                    if len(before) <= 2 and at - len(before) > 0 and text[at - len(before) - 1] == ".":
                        continue  # the middle of "Ph.D." or "U.S.A."
                    if len(before) == 1 or (len(after) <= 2 and text[insert + len(after):insert + len(after) + 1] == "."):
                        continue  # an initialism: "U.S.", "Ph.D", "then-U.S."
                    if after.isupper() and len(after) > 1:
                        continue  # "ASP.NET"
                if mark == "," and len(before) == 1 and len(after) == 1:
                    continue  # "x,y"
                start = _word_start(text, at)
                end = _word_end(text, insert)
                yield Violation(
                    start, end,
                    f"missing space after '{mark}' in '{text[start:end]}'",
                    fix=Fix.replace(insert, insert, " "),
                    data={"mark": mark, "suggestion": text[start:insert] + " " + text[insert:end]},
                )


class MultipleSpaces(Rule):
    """Two or more spaces between words.

    Lines laid out in columns (two or more runs of spaces) are left alone, and so are double
    spaces after full stops in a document that uses them consistently (the typewriter habit).

    Flagged:
        The deal was  signed on Monday.

    Clean:
        The deal was signed on Monday.
        One.  Two.  Three sentences, each gap doubled on purpose.  Four.
    """

    code = "SPC002"
    name = "multiple-spaces"
    family = Family.SPACING
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document) -> Iterable[Violation]:
        text = doc.text
        runs = [m for b in _prose_blocks(doc) for m in _SPACE_RUN_RE.finditer(text, b.start, b.end)]
        if not runs:
            return
        gaps = [m for m in runs if _after_sentence(text, m.start())]
        single_gaps = sum(
            1 for b in doc.paragraphs for m in re.finditer(r"[.!?][\"'”’)]* (?=\S)", text[b.start:b.end])
        )
        typewriter = len(gaps) >= 3 and len(gaps) >= single_gaps
        columns = _column_lines(text, runs)
        for m in runs:
            if typewriter and m in gaps:
                continue
            if _line_start(text, m.start()) in columns:
                continue
            n = m.end() - m.start()
            yield Violation(
                m.start(), m.end(), f"{n} spaces where one is expected",
                fix=Fix.replace(m.start(), m.end(), " "), data={"spaces": n},
            )


def _after_sentence(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in _CLOSERS:
        i -= 1
    return i >= 0 and text[i] in ".!?"


def _line_start(text: str, pos: int) -> int:
    return max(text.rfind("\n", 0, pos), text.rfind("\r", 0, pos)) + 1


def _column_lines(text: str, runs: list[re.Match[str]]) -> set[int]:
    """Starts of lines laid out in columns: several space runs and no sentence punctuation at the end."""
    per_line: dict[int, int] = {}
    for m in runs:
        start = _line_start(text, m.start())
        per_line[start] = per_line.get(start, 0) + 1
    out = set()
    for line, n in per_line.items():
        end = min((i for i in (text.find("\n", line), text.find("\r", line)) if i >= 0), default=len(text))
        if n >= 2 and not re.search(r"[.!?,;:][\"'”’)]*\s*$", text[line:end]):
            out.add(line)
    return out


class SpaceBeforePunctuation(Rule):
    """A space before a comma, semicolon, colon, full stop, question or exclamation mark.

    Ellipses (" ..."), emoticons (" :)"), decimal fractions (" .5") and file extensions
    (" .org") are left alone.

    Flagged:
        This , is a test sentence.
        This is a sentence with an orphaned full stop .

    Clean:
        This, is a test sentence.
        This is a sentence with ellipsis ... and a smile :) and a figure of .5 for the .org domain.
    """

    code = "SPC003"
    name = "space-before-punctuation"
    family = Family.SPACING
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document) -> Iterable[Violation]:
        text = doc.text
        for block in _prose_blocks(doc):
            for m in _SPACE_BEFORE_RE.finditer(text, block.start, block.end):
                mark = m.group(2) or m.group(3)
                nxt = text[m.end():m.end() + 1]
                if mark == ":" and nxt in ")(-":
                    continue
                if m.end() > block.end:
                    continue
                yield Violation(
                    m.start(1), m.end(), f"space before '{mark}'",
                    fix=Fix.replace(m.start(1), m.end(1), ""), data={"mark": mark},
                )


class SpaceInsideBrackets(Rule):
    """A space just inside a bracket or curly quotes: "( foo bar)", "(foo bar )", "“ marks ”".

    Flagged:
        This ( foo bar) is a test.
        This (foo bar ) is a test.

    Clean:
        This (foo bar) is a test.
        - [ ] A checkbox at GitHub
    """

    code = "SPC004"
    name = "space-inside-brackets"
    family = Family.SPACING
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document) -> Iterable[Violation]:
        text = doc.text
        for block in _prose_blocks(doc):
            for m in _SPACE_INSIDE_OPEN_RE.finditer(text, block.start, block.end):
                yield Violation(
                    m.start(1), m.end(2), f"space after '{m.group(1)}'",
                    fix=Fix.replace(m.start(2), m.end(2), ""), data={"bracket": m.group(1)},
                )
            for m in _SPACE_INSIDE_CLOSE_RE.finditer(text, block.start, block.end):
                yield Violation(
                    m.start(1), m.end(2), f"space before '{m.group(2)}'",
                    fix=Fix.replace(m.start(1), m.end(1), ""), data={"bracket": m.group(2)},
                )


class DoubledPunctuation(Rule):
    """A doubled comma, semicolon or full stop ("This,, is", "sentence.. Another").

    Ellipses ("...", "....."), relative paths ("../") and ranges ("1..10") are left alone.

    Flagged:
        This,, is a test sentence.
        This is a test sentence.. Another sentence.

    Clean:
        This is a test sentence... More stuff.... And 1..10 or ../docs.
    """

    code = "SPC005"
    name = "doubled-punctuation"
    family = Family.SPACING
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document) -> Iterable[Violation]:
        text = doc.text
        for block in _prose_blocks(doc):
            for m in _DOUBLED_RE.finditer(text, block.start, block.end):
                before = text[m.start() - 1:m.start()] if m.start() else ""
                after = text[m.end():m.end() + 1]
                if m.group(1) == "." and (after in "/\\" or before.isdigit() and after.isdigit()):
                    continue
                if m.group(1) == "," and (not before or before.isspace()) and after.isalpha():
                    continue  # a German opening quote: ",,Test''"
                if before in ("", " ", "\n") and after in ("/", "\\"):
                    continue
                yield Violation(
                    m.start(), m.end(), f"doubled '{m.group(1)}'",
                    fix=Fix.replace(m.start(), m.end(), m.group(1)), data={"mark": m.group(1)},
                )


RULES = [MissingSpaceAfterPunctuation, MultipleSpaces, SpaceBeforePunctuation, SpaceInsideBrackets, DoubledPunctuation]
