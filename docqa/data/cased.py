"""How much more often English writes a word capitalised than in lower case, from a cased table.

wordfreq folds case and pyspellchecker counts lower-case uses only, so ``English.name_score``
can only guess a word's capitalisation from the difference of two different corpora. spaCy's
``spacy-lookups-data`` package (MIT) ships ``en_lexeme_prob.json.gz``: the smoothed log
probabilities of about a million English tokens *as written*, "Carnegie" and "carnegie" apart.
From it :func:`capital_lean` gives log10(P("Carnegie") / P("carnegie")): 1.4 for "carnegie",
1.4 for "lucille", 0.5 for "catholic", about 0 for "turkey", -1.2 for "talk", -2.2 for "said".

The package's file is read once (about a second) and the title-case words with their two
probabilities are kept as a MARISA trie in docqa's cache directory (``docqa.wordstats``, with a
digest; ~1.3 MB), so a process pays a few milliseconds. Nothing is downloaded: without the
package installed every lean is None and the rules that use it stay silent.
"""

from __future__ import annotations

import math
from functools import lru_cache

PACKAGE = "spacy_lookups_data"
DATA_FILE = "data/en_lexeme_prob.json.gz"
#: Natural-log probability given to a lower-case form the table does not list (just below its
#: rarest entry, -19.5): "Fuad" is listed and "fuad" is not.
MISSING_LOWER = -20.0
_SCALE = 100  # probabilities are stored negated, in hundredths of a natural-log unit


def _title_case(word: str) -> bool:
    return word[0].isupper() and word[1:].islower()


def _all_capitals(word: str) -> bool:
    return word.isupper() and len(word) <= 8


_SHAPES = {"cased": _title_case, "upper": _all_capitals}


def _probabilities() -> dict[str, float]:
    """The package's whole table (about a million entries: read only to build the tries)."""
    import gzip
    import json

    from ..wordstats import package_file

    path = package_file(PACKAGE, DATA_FILE)
    if path is None or not path.is_file():
        return {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def _records(probs: dict[str, float], shape) -> list[tuple[str, tuple[int, int]]]:
    """``(lower-case word, (its form of ``shape``, its lower-case form))`` for every alphabetic
    word of the package's table whose written form passes ``shape``."""
    out = []
    missing = round(-MISSING_LOWER * _SCALE)
    for word, prob in probs.items():
        if len(word) < 2 or not word.isalpha() or not shape(word):
            continue
        lower = probs.get(word.lower())
        out.append((word.lower(), (round(-prob * _SCALE), missing if lower is None else round(-lower * _SCALE))))
    return out


def _file(kind: str) -> str:
    from ..wordstats import _source_tag

    return f"spacy-{kind}-en-{_source_tag(PACKAGE, DATA_FILE)}.marisa"


@lru_cache(maxsize=2)
def _table(kind: str = "cased"):
    """The stored trie (lower-case word -> (capitalised, lower-case) log probabilities) for
    title-case forms (``cased``: "Carnegie") or all-capital ones (``upper``: "NASA"), or None.
    When one must be built, the other is stored from the same reading of the package's table."""
    from ..wordstats import _stored_trie

    if not available():
        return None

    def build() -> list:
        probs = _probabilities()
        for other in _SHAPES.keys() - {kind}:
            _stored_trie(_file(other), "<HH", lambda: _records(probs, _SHAPES[other]))
        return _records(probs, _SHAPES[kind])

    trie, _ = _stored_trie(_file(kind), "<HH", build)
    return trie if len(trie) else None


@lru_cache(maxsize=1)
def available() -> bool:
    """True when the package's table is installed."""
    from ..wordstats import package_file

    path = package_file(PACKAGE, DATA_FILE)
    return path is not None and path.is_file()


def _lean(kind: str, key: str) -> float | None:
    table = _table(kind)
    found = table.get(key) if table is not None else None
    if not found:
        return None
    cap, low = found[0]
    return (low - cap) / _SCALE / math.log(10)


@lru_cache(maxsize=65536)
def capital_lean(key: str) -> float | None:
    """log10 of how much more often the table has ``key`` capitalised ("Carnegie") than in lower
    case ("carnegie"); None when the table has no capitalised form of ``key`` (or is missing)."""
    return _lean("cased", key)


@lru_cache(maxsize=4096)
def acronym_lower_lean(key: str) -> float | None:
    """log10 of how often the table has ``key`` in lower case for each use in capitals: about
    -0.4 for "json" and "html", 0 for "https", which are written both ways, against -1.3 for
    "nasa" and -1.4 for "fbi", which are slips; None when the table has no all-capital form."""
    lean = _lean("upper", key)
    return None if lean is None else -lean


def capitalised_probability(key: str) -> float | None:
    """The natural-log probability of ``key`` capitalised in the table, or None."""
    table = _table()
    found = table.get(key) if table is not None else None
    return -found[0][0] / _SCALE if found else None


POS_FILE = "data/en_lemma_index.json.gz"
_POS_BITS = {"adj": 1, "noun": 2, "verb": 4, "adv": 8}


@lru_cache(maxsize=1)
def _pos_table():
    """WordNet's lemmas with their parts of speech, as spaCy's lookups package ships them
    (``en_lemma_index``), kept as a trie of bit masks in docqa's cache directory (reading the
    package's JSON costs ~70 ms; the trie a few); None without the package."""
    from ..wordstats import _source_tag, _stored_trie, package_file

    path = package_file(PACKAGE, POS_FILE)
    if path is None or not path.is_file():
        return None

    def build() -> list:
        import gzip
        import json

        with gzip.open(path, "rt", encoding="utf-8") as fh:
            index = json.load(fh)
        masks: dict[str, int] = {}
        for pos, words in index.items():
            for word in words:
                masks[word] = masks.get(word, 0) | _POS_BITS.get(pos, 0)
        return [(w, (m,)) for w, m in masks.items()]

    trie, _ = _stored_trie(f"spacy-pos-en-{_source_tag(PACKAGE, POS_FILE)}.marisa", "<B", build)
    return trie


@lru_cache(maxsize=65536)
def parts_of_speech(key: str) -> frozenset[str]:
    """The parts of speech WordNet gives the lemma ``key`` ("national" -> adj, noun); empty
    for a word it lacks (or without the package). Inflected forms are not lemmatised."""
    table = _pos_table()
    found = table.get(key) if table is not None else None
    if not found:
        return frozenset()
    mask = found[0][0]
    return frozenset(pos for pos, bit in _POS_BITS.items() if mask & bit)
