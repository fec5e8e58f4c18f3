"""The compact word tables equal the packages' own data, and a damaged cache file is rebuilt."""

from __future__ import annotations

import os

import pytest
import wordfreq
from spellchecker import SpellChecker

from docqa import wordstats


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """Tables loaded from an empty cache directory of their own."""
    monkeypatch.setenv("DOCQA_CACHE_DIR", str(tmp_path))
    for fn in (wordstats.frequencies, wordstats.spelling_counts):
        fn.cache_clear()
    yield tmp_path
    for fn in (wordstats.frequencies, wordstats.spelling_counts):
        fn.cache_clear()


def test_frequency_table_equals_wordfreq(fresh):
    theirs = wordfreq.get_frequency_dict("en", wordlist="best")
    ours = wordstats.frequencies()
    assert len(ours) == len(theirs)
    sample = list(theirs)[::11]
    assert [ours[w] for w in sample] == [theirs[w] for w in sample]
    assert ours.get("qzxqzxq") is None and "qzxqzxq" not in ours and "hurricane" in ours


def test_zipf_equals_wordfreq_for_plain_and_other_words(fresh):
    words = list(wordfreq.get_frequency_dict("en", wordlist="best"))[::37] + [
        "qzxqzxq", "don't", "o'brien", "rock'n'roll", "Hello", "café", "naïve", "x-ray", "2020", "l'azo", "",
        "year-round", "world-class", "łódź", "zurbarán", "русский", "中国", "ß", "straße", "ﬁne", "ⅰ", "hindī",
        "a--b", "-x", "x-", "well-qzxqzxq", "e\u0301", "ʌtˢo", "ª",
    ]
    assert [wordstats.zipf(w) for w in words] == [wordfreq.zipf_frequency(w, "en") for w in words]


def test_spelling_counts_equal_pyspellchecker(fresh):
    theirs = SpellChecker(language="en", distance=1).word_frequency.dictionary
    ours = wordstats.spelling_counts()
    assert len(ours) == len(theirs) and ours.total == sum(theirs.values())
    assert all(ours[w] == theirs[w] for w in list(theirs)[::13])
    assert dict(ours.items()) == theirs


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty"])
def test_a_damaged_cache_file_is_rebuilt_not_trusted(fresh, damage):
    wordstats.frequencies()
    (path,) = fresh.glob("wordfreq-en-*.marisa")
    good = path.read_bytes()
    bad = {
        "truncate": good[: len(good) // 2],
        "flip": good[:-100] + bytes([good[-100] ^ 0xFF]) + good[-99:],
        "garbage": os.urandom(4096),
        "empty": b"",
    }[damage]
    path.write_bytes(bad)
    wordstats.frequencies.cache_clear()
    assert wordstats.frequencies()["the"] == wordfreq.get_frequency_dict("en", wordlist="best")["the"]
    assert path.read_bytes() == good  # written again, whole


def test_unwritable_cache_directory_still_works(monkeypatch, tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setenv("DOCQA_CACHE_DIR", str(blocker / "cache"))
    wordstats.spelling_counts.cache_clear()
    try:
        assert wordstats.spelling_counts()["the"] > 0
    finally:
        wordstats.spelling_counts.cache_clear()


def test_zipf_equals_wordfreq_on_every_word_of_the_seeds(fresh):
    import re
    from pathlib import Path

    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent.parent / "seeds").glob("*.txt")))
    words = sorted({w.lower() for w in re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", text)})
    assert len(words) > 500
    assert [wordstats.zipf(w) for w in words] == [wordfreq.zipf_frequency(w, "en") for w in words]


def test_anagram_index_equals_a_dict_built_from_the_word_list(fresh):
    theirs: dict[str, set[str]] = {}
    for w, n in SpellChecker(language="en", distance=1).word_frequency.dictionary.items():
        if len(w) >= 6 and n >= 20 and w.isalpha():
            theirs.setdefault("".join(sorted(w)), set()).add(w)
    index = wordstats.anagrams(6, 20)
    assert all(set(index.get(k)) == v for k, v in theirs.items())
    assert index.get("".join(sorted("caution"))) == ("auction", "caution")
    assert index.get("qqqqqq") == () and index.get("aegnr") == ()  # too short to be listed


def test_zipf_equals_wordfreq_on_random_words_with_hyphens_and_apostrophes(fresh):
    import random

    rnd = random.Random(20261123)
    alphabet = "abcdeéhilnorstuyß'-\u2019"
    words = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 10))) for _ in range(6000)]
    words += ["l'eau", "d'état", "y'all", "qu'il", "wai'd", "t'ho", "o'brien", "rock'n'roll", "l'état-major",
              "china\u2019s", "l\u2019eau", "don\u2019t", "rock\u2019n'roll"]
    assert [wordstats.zipf(w) for w in words] == [wordfreq.zipf_frequency(w, "en") for w in words]


def test_common_words_are_the_list_words_at_least_that_common(fresh):
    theirs = {w for w in SpellChecker(language="en", distance=1).word_frequency.dictionary
              if wordfreq.zipf_frequency(w, "en") >= 3.5}
    assert wordstats.common_words(3.5) == theirs
    wordstats.common_words.cache_clear()
    assert wordstats.common_words(3.5) == theirs  # read back from the stored file


def test_stored_hyphenation_patterns_hyphenate_as_pyphen_does(fresh, monkeypatch):
    """pyphen's patterns, stored once and loaded into pyphen's own cache, give every word the
    positions pyphen's own parse gives; a damaged stored copy is parsed again, not trusted."""
    import pyphen

    path = pyphen.LANGUAGES[pyphen.language_fallback("en_US")]
    reference = pyphen.HyphDict(path)
    words = list(wordstats.spelling_counts())[::7] + ["hyphenation", "qzxqzxq", "naïve", "a", ""]
    for attempt in ("build", "load", "damaged"):
        monkeypatch.setattr(pyphen, "hdcache", {})
        if attempt == "damaged":
            (stored,) = fresh.glob("pyphen-*.marshal")
            stored.write_bytes(stored.read_bytes()[:-50])
        wordstats.load_hyphenation("en_US")
        assert path in pyphen.hdcache, attempt
        ours = pyphen.Pyphen(lang="en_US")
        assert ours.hd is pyphen.hdcache[path]
        assert [list(map(int, ours.hd.positions(w))) for w in words] == [
            list(map(int, reference.positions(w))) for w in words], attempt
    assert len(list(fresh.glob("pyphen-*.marshal"))) == 1


def test_the_stored_gazetteer_is_the_parsed_one_and_a_damaged_copy_is_rebuilt(fresh):
    from docqa.data import lexicon

    def everything(g):
        return dict(g.names.items()), dict(g.kinds.items()), g.ambiguous, g.max_words

    lexicon.gazetteer.cache_clear()
    try:
        built = everything(lexicon.gazetteer())  # parsed, then stored
        assert sorted(p.suffix for p in fresh.glob("gazetteer-*")) == [".marisa", ".marshal"]
        lexicon.gazetteer.cache_clear()
        loaded = lexicon.gazetteer()  # read back from the cache directory
        assert everything(loaded) == built
        names, kinds, ambiguous, longest = lexicon._parse_gazetteer()
        cities = list(lexicon._data_lines("cities.txt"))
        assert len(built[0]) == len(names) + len(lexicon._city_records(names, ambiguous)) > len(names) + 4000
        assert all(built[0][k] == v and built[1][k] == kinds[k] for k, v in names.items())
        assert loaded.kinds["kikwit"] == "city" and loaded.lookup("kikwit") == "Kikwit" and "kikwit" in loaded.names
        assert loaded.lookup("south korea") == "South Korea" and loaded.kinds.get("qzxqzx") is None
        assert len(cities) > 4000
        for path in fresh.glob("gazetteer-*"):
            path.write_bytes(path.read_bytes()[:-7])  # truncated: its digest fails
        lexicon.gazetteer.cache_clear()
        assert everything(lexicon.gazetteer()) == built
    finally:
        lexicon.gazetteer.cache_clear()
