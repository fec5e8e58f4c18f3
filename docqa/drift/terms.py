"""Term weighting for drift: which words carry topical evidence, and how much.

A word's evidence is judged against a background frequency table (wordfreq's English list,
shipped offline with the package) instead of a hand-written stop list: "the", "said" and
"people" are frequent everywhere and say nothing about a document's subject, while "hurricane",
"Samsung" or "denuclearization" are rare in general English and therefore telling when a document
repeats them. Lookups are memoised per word form, because the same few thousand forms recur in
every document.
"""

from __future__ import annotations

import math
import re
from typing import Iterator

from ..textutil import WORD_RE

#: Background probability given to words missing from the frequency table (typos, rare names).
UNSEEN_PROB = 1e-8
#: Words at least this frequent (Zipf scale) are function words: no topical evidence.
FUNCTION_ZIPF = 6.0

_FREQ: dict[str, float] | None = None
#: raw word form -> (normalised term, log10 background probability), or None when not a term.
_TERM_CACHE: dict[str, tuple[str, float] | None] = {}

# Sentence-initial position: a capital after these is not evidence of a name.
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;…][\"'”’)\]]*\s+|[\"'“‘(\[]|\n)\s*$")


def frequencies() -> dict[str, float]:
    """The background word-frequency table (loaded once, on first use)."""
    global _FREQ
    if _FREQ is None:
        import wordfreq  # lazy: 0.1 s to import and 0.1 s to load the table

        _FREQ = wordfreq.get_frequency_dict("en", wordlist="best")
    return _FREQ


def term_of(word: str) -> tuple[str, float] | None:
    """``(term, log10 background probability)`` for a content word, None for a function word.

    The term is the lower-cased word without a possessive ending; a regular plural is folded
    onto its singular when the singular is a known word ("partnerships" -> "partnership").
    """
    hit = _TERM_CACHE.get(word, False)
    if hit is not False:
        return hit  # type: ignore[return-value]
    freq = frequencies()
    t = word.lower().replace("’", "'")
    if t.endswith("'s"):
        t = t[:-2]
    elif t.endswith("'"):
        t = t[:-1]
    if len(t) > 3 and t.endswith("s") and not t.endswith(("ss", "us", "is")):
        if t.endswith("ies") and t[:-3] + "y" in freq:
            t = t[:-3] + "y"
        elif t[:-1] in freq:
            t = t[:-1]
    p = freq.get(t, 0.0)
    logp = math.log10(p) if p > 0 else math.log10(UNSEEN_PROB)
    out = None if len(t) < 2 or logp + 9 >= FUNCTION_ZIPF else (t, logp)
    if len(_TERM_CACHE) > 500_000:  # a run over a huge corpus: keep memory bounded
        _TERM_CACHE.clear()
    _TERM_CACHE[word] = out
    return out


#: Case codes yielded by :func:`iter_terms`.
LOWER, INITIAL, NAME = 0, 1, 2


def iter_terms(text: str, start: int, end: int) -> Iterator[tuple[str, float, int, int, int]]:
    """``(term, log10 p, case, start, end)`` for the content words of ``text[start:end]``.

    ``case`` is :data:`NAME` for a capitalised word that does not open a sentence and for
    acronyms (the evidence that the word names something: a person, a company, a place),
    :data:`INITIAL` for a capital that may only mark a sentence start, :data:`LOWER` otherwise.
    """
    for m in WORD_RE.finditer(text, start, end):
        word = m.group()
        info = term_of(word)
        if info is None:
            continue
        case = LOWER
        if word[0].isupper():
            if len(word) > 1 and word.isupper():
                case = NAME
            else:
                before = text[max(start, m.start() - 4):m.start()]
                initial = m.start() == start or _SENTENCE_START_RE.search(before)
                case = INITIAL if initial else NAME
        yield info[0], info[1], case, m.start(), m.end()
