"""Cheap necessary conditions checked before the provenance patterns run on a sentence.

Every claim or attribution pattern consumes certain letters whatever else it matches: a digit,
a number word, "hundreds", "according", an apostrophe, a colon. Looking for those with ``in`` on
the lower-cased sentence costs a fraction of running the pattern, and most sentences hold none
of them for most patterns. A pattern's gate is ``(digit_ok, words)``: it can match only when
the sentence has a digit (if ``digit_ok``) or contains one of ``words``; every alternative of
the pattern must consume one of them, in any letter case, so that skipping the pattern when its
gate is shut changes no result. ``tests/test_prefilters.py`` checks each gate against strings
generated from its pattern and against every host sentence.
"""

from __future__ import annotations

import re
from typing import Iterator, Mapping

from .. import rx

#: A pattern's gate: whether a digit opens it, and the words (lower case) of which one opens it.
GateRule = tuple[bool, tuple[str, ...]]

_DIGIT_RE = rx.compile(r"\d")
#: Characters that case-insensitive matching equates with an ASCII letter but ``str.lower()`` does
#: not lower to it (dotless i, long s, dotted capital I): with one in the sentence, every gate opens.
_FOLD_TRAPS = frozenset("ıſİ")
_EMPTY: Iterator = iter(())  # an exhausted iterator, shared


class Gate:
    """What one sentence could possibly match: whether it has a digit, and its lower-cased text.

    ``gates`` maps each pattern to its :data:`GateRule`, for :meth:`scan`.
    """

    __slots__ = ("text", "start", "end", "gates", "low", "digit", "open")

    def __init__(self, text: str, start: int, end: int,
                 gates: Mapping[re.Pattern[str], GateRule] | None = None) -> None:
        self.text, self.start, self.end, self.gates = text, start, end, gates or {}
        s = text[start:end]
        self.open = not s.isascii() and not _FOLD_TRAPS.isdisjoint(s)
        self.low = s.lower()
        self.digit = _DIGIT_RE.search(s) is not None

    def has(self, words: tuple[str, ...]) -> bool:
        """True when the sentence contains one of ``words`` (lower case), or no gate applies."""
        if self.open:
            return True
        low = self.low
        for w in words:  # a plain loop: twice as fast as any() over a generator here
            if w in low:
                return True
        return False

    def allows(self, rule: GateRule) -> bool:
        """True when a pattern with this gate ``rule`` can match somewhere in the sentence."""
        digit_ok, words = rule
        return digit_ok and self.digit or self.has(words)

    def scan(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """``pattern``'s matches in the sentence; none, without running it, when its gate is shut."""
        # allows() and has() inlined: scan runs ~27 times per sentence, and the two extra calls
        # were most of its cost.
        digit_ok, words = self.gates[pattern]
        if digit_ok and self.digit or self.open:
            return pattern.finditer(self.text, self.start, self.end)
        low = self.low
        for w in words:
            if w in low:
                return pattern.finditer(self.text, self.start, self.end)
        return _EMPTY
