"""Term weighting for drift: which words carry topical evidence, and how much.

A word's evidence is judged against a background frequency table (wordfreq's English list,
shipped offline with the package) instead of a hand-written stop list: "the", "said" and
"people" are frequent everywhere and say nothing about a document's subject, while "hurricane",
"Samsung" or "denuclearization" are rare in general English and therefore telling when a document
repeats them. Lookups are memoised per word form, because the same few thousand forms recur in
every document, and counting is done with C-level ``Counter``/``map`` calls: this is the hot path
of the drift rule.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Iterable, Mapping

from .. import rx
from ..textutil import WORD_RE

#: Background probability given to words missing from the frequency table (typos, rare names).
UNSEEN_PROB = 1e-8
#: Words at least this frequent (Zipf scale) are function words: no topical evidence.
FUNCTION_ZIPF = 6.0
#: A capitalised word that does not open a sentence (the character before the space is not a
#: sentence end, an opening quote or bracket): the evidence that a word names something.
NAME_RE = rx.compile_regex(r"(?<=[^\s.!?:;…\"“‘(\[][ \t])\p{Lu}[^\W\d_]*(?:['’\-][^\W\d_]+)*")

_TERM: dict[str, str | None] = {}  # word as written -> term (None: a function word)
_LOGP: dict[str, float] = {}  # term -> log10 background probability
_CACHE_LIMIT = 500_000


def frequencies() -> Mapping[str, float]:
    """The background word-frequency table: wordfreq's English list, as a compact trie stored in
    docqa's cache directory (:mod:`docqa.wordstats`; a few milliseconds to load)."""
    from ..wordstats import frequencies as table

    return table()


def normalise(word: str) -> str:
    """The term for a word: lower case, no possessive, a regular plural folded onto its singular
    when the singular is a known word ("partnerships" -> "partnership")."""
    freq = frequencies()
    t = word.lower().replace("’", "'")
    if t.endswith("'s"):
        t = t[:-2]
    elif t.endswith("'"):
        t = t[:-1]
    if len(t) > 3 and t.endswith("s") and not t.endswith(("ss", "us", "is")):
        # Fold only onto a singular at least as common as the plural: "partnerships" ->
        # "partnership", but "James" is not a plural of "jame".
        plural = freq.get(t, 0.0)
        if t.endswith("ies") and freq.get(t[:-3] + "y", 0.0) >= plural:
            t = t[:-3] + "y"
        elif freq.get(t[:-1], 0.0) >= plural and t[:-1] in freq:
            t = t[:-1]
    return t


def _resolve(words: Iterable[str]) -> None:
    if len(_TERM) > _CACHE_LIMIT:  # a run over a huge corpus: keep memory bounded
        _TERM.clear()
    freq = frequencies()
    for word in words:
        t = normalise(word)
        p = freq.get(t, 0.0)
        logp = math.log10(p) if p > 0 else math.log10(UNSEEN_PROB)
        if len(t) < 2 or logp + 9 >= FUNCTION_ZIPF:
            _TERM[word] = None
        else:
            _TERM[word] = t
            _LOGP[t] = logp


def count_terms(words: list[str]) -> Counter:
    """Content terms of ``words`` (as found by ``WORD_RE``) with their counts."""
    missing = set(words).difference(_TERM)
    if missing:
        _resolve(missing)
    counts = Counter(map(_TERM.__getitem__, words))
    counts.pop(None, None)
    return counts


def terms_of(words: Iterable[str]) -> set[str]:
    """The set of content terms among ``words``."""
    words = set(words)
    missing = words.difference(_TERM)
    if missing:
        _resolve(missing)
    out = set(map(_TERM.__getitem__, words))
    out.discard(None)
    return out  # type: ignore[return-value]


def term_of_word(word: str) -> str | None:
    """The content term of one word as written, None for a function word."""
    if word not in _TERM:
        _resolve((word,))
    return _TERM[word]


def logp(term: str) -> float:
    """log10 background probability of a term returned by :func:`count_terms`."""
    return _LOGP[term]


def words(text: str, start: int, end: int) -> list[str]:
    """The words of ``text[start:end]``."""
    return WORD_RE.findall(text, start, end)


def name_words(text: str, start: int, end: int) -> list[str]:
    """Capitalised words of ``text[start:end]`` that do not open a sentence."""
    return NAME_RE.findall(text, start, end)
