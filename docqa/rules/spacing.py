"""Spacing rules (family ``spacing``)."""

from __future__ import annotations

import re
from typing import Iterable

from ..document import Document
from ..finding import Family, Fix, Severity, Violation
from .base import Rule

# Punctuation glued to the next word: "Group,and", "economies.The", "really?Yes".
_GLUED_RE = re.compile(r"(?<=[^\W\d_])([,;]|[.!?](?=[A-Z]))(?=[^\W\d_])")


class MissingSpaceAfterPunctuation(Rule):
    """Missing space after a comma, semicolon or sentence-ending mark between two words.

    "Group,and" and "economies.The" read as typos; numbers (1,200), versions (3.11.2),
    abbreviations (U.S.A.), URLs and file names (config.yaml) are left alone.

    Flagged:
        Samsung Group,and SK Group signed.
        Both economies grew.The deal followed.

    Clean:
        Sales rose to 1,200 units in version 3.11.2 of the U.S.A. edition.
        See example.com or config.yaml for details.
    """

    code = "SPC001"
    name = "missing-space-after-punctuation"
    family = Family.SPACING
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document) -> Iterable[Violation]:
        text = doc.text
        for block in doc.paragraphs + doc.headings:
            for m in _GLUED_RE.finditer(text, block.start, block.end):
                at = m.start()
                start = _word_start(text, at)
                if text[at] == "." and at - start == 1:
                    continue  # an initialism such as "U.S." or "e.g."
                end = _word_end(text, at + 1)
                mark = text[at]
                yield Violation(
                    start, end,
                    f"missing space after '{mark}' in '{text[start:end]}'",
                    fix=Fix.replace(at + 1, at + 1, " "),
                    data={"suggestion": text[start:at + 1] + " " + text[at + 1:end]},
                )


class MultipleSpaces(Rule):
    """Two or more spaces between words.

    Flagged:
        The deal was  signed on Monday.

    Clean:
        The deal was signed on Monday.
    """

    code = "SPC002"
    name = "multiple-spaces"
    family = Family.SPACING
    severity = Severity.WARNING
    fixable = True

    _RUN_RE = re.compile(r"(?<=\S) {2,}(?=\S)")

    def check(self, doc: Document) -> Iterable[Violation]:
        for block in doc.paragraphs + doc.headings:
            for m in self._RUN_RE.finditer(doc.text, block.start, block.end):
                yield Violation(
                    m.start(), m.end(), f"{m.end() - m.start()} spaces where one is expected",
                    fix=Fix.replace(m.start(), m.end(), " "),
                )


def _word_start(text: str, pos: int) -> int:
    while pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] in "-’'"):
        pos -= 1
    return pos


def _word_end(text: str, pos: int) -> int:
    n = len(text)
    while pos < n and (text[pos].isalnum() or text[pos] in "-’'"):
        pos += 1
    return pos


RULES = [MissingSpaceAfterPunctuation, MultipleSpaces]
