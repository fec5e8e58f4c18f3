"""Word knowledge shared by the casing and spelling rules, loaded once per process.

* :func:`english` answers "is this an English word, and how common is it?" from two offline
  sources that ship their data: pyspellchecker's English frequency list (membership) and
  wordfreq's Zipf frequencies (how common, including recent words such as "app").
* :func:`easy_words` is the Dale-Chall list of ~3,000 familiar words shipped with textstat:
  words so ordinary that a capitalised use elsewhere never proves they are names.
* :func:`gazetteer`, :func:`brands`, :func:`surnames`, :func:`given_names` and
  :func:`personal_names` read docqa's
  own data files (``docqa/data/*.txt``; sources in ``SOURCES.md``); :func:`given_names` adds
  the first names of Faker's person providers (:func:`package_given_names`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Callable, Collection, Iterable, Iterator, Mapping

from .. import rx

_APOSTROPHES = "’'"


def _data_lines(name: str) -> Iterable[str]:
    text = resources.files("docqa.data").joinpath(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


class _WithCities(Mapping):
    """A read-only mapping: the compiled gazetteer's ``table`` and, for every city of the GeoNames
    list it does not hold, ``city(trie value)``. The 4,876 cities stay in a mapped trie (about
    100 kB) instead of two dicts of Python strings (about 1.5 MB in every process)."""

    def __init__(self, table: dict[str, str], trie, city: Callable[[bytes], str]) -> None:
        self._table, self._trie, self._city = table, trie, city

    def __getitem__(self, key: str) -> str:
        found = self._table.get(key)
        if found is not None:
            return found
        values = self._trie.get(key) if self._trie is not None and isinstance(key, str) else None
        if not values:
            raise KeyError(key)
        return self._city(values[0])

    def get(self, key: str, default=None):  # type: ignore[override]
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key: object) -> bool:
        return key in self._table or (self._trie is not None and isinstance(key, str) and key in self._trie)

    def __iter__(self) -> Iterator[str]:
        yield from self._table
        if self._trie is not None:
            yield from (k for k in self._trie.keys() if k not in self._table)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and dict(self.items()) == dict(other.items())

    __hash__ = None  # type: ignore[assignment]


@dataclass(frozen=True)
class Gazetteer:
    """Names with fixed casing, keyed by their lower-case form."""

    #: lower-case name -> canonical spelling (single words and phrases)
    names: Mapping[str, str] = field(default_factory=dict)
    #: lower-case name -> kind (country, city, institution, company, region, demonym)
    kinds: Mapping[str, str] = field(default_factory=dict)
    #: lower-case single words that are names but also ordinary words ("turkey", "nice")
    ambiguous: frozenset[str] = frozenset()
    #: longest phrase length in words
    max_words: int = 1

    def lookup(self, lowered: str) -> str | None:
        return self.names.get(lowered)


@lru_cache(maxsize=2)
def gazetteer(builtin_only: bool = False) -> Gazetteer:
    """The built-in gazetteer of countries, regions, cities, institutions and companies: the names
    compiled in ``gazetteer.txt`` and, unless ``builtin_only``, the world's larger cities from
    GeoNames (``cities.txt``, built by ``bench/make_cities.py``; a name listed in both, or listed
    as ``[ambiguous]``, keeps what ``gazetteer.txt`` says). Parsing the two files costs about 8 ms
    in every process: the compiled tables are kept in docqa's cache directory (marshal, with a
    digest) and the cities in a stored trie, both named after the files' size and modification
    time, and load in about 2 ms."""
    from ..wordstats import _source_tag, _stored_trie, stored

    tag = _source_tag("docqa", "data/gazetteer.txt") + _source_tag("docqa", "data/cities.txt")
    names, kinds, ambiguous, longest = stored(f"gazetteer-compiled-{tag}.marshal", tuple, _parse_gazetteer)
    if builtin_only:
        return Gazetteer(names, kinds, ambiguous, longest)
    trie, _ = _stored_trie(f"gazetteer-cities-{tag}.marisa", None, lambda: _city_records(names, ambiguous))
    return Gazetteer(_WithCities(names, trie, lambda v: v.decode("utf-8")),
                     _WithCities(kinds, trie, lambda v: "city"), ambiguous, longest)


def _parse_gazetteer() -> tuple[dict[str, str], dict[str, str], frozenset[str], int]:
    """The compiled gazetteer, and the longest name in words of it and the city list together."""
    names: dict[str, str] = {}
    kinds: dict[str, str] = {}
    ambiguous: set[str] = set()
    kind = "name"
    longest = 1
    for line in _data_lines("gazetteer.txt"):
        if line.startswith("[") and line.endswith("]"):
            kind = line[1:-1]
            continue
        key = normalise_apostrophes(line).lower()
        if kind == "ambiguous":
            ambiguous.add(key)
            continue
        names.setdefault(key, line)
        kinds.setdefault(key, kind)
        longest = max(longest, len(key.split()))
    for line in _data_lines("cities.txt"):
        longest = max(longest, len(line.split()))
    return names, kinds, frozenset(ambiguous), longest


def _city_records(names: dict[str, str], ambiguous: frozenset[str]) -> list[tuple[str, bytes]]:
    """(lower-case name, its spelling) for every city the compiled gazetteer leaves out."""
    out = {}
    for line in _data_lines("cities.txt"):
        key = normalise_apostrophes(line).lower()
        if key not in names and key not in ambiguous:
            out.setdefault(key, line.encode("utf-8"))
    return sorted(out.items())


@lru_cache(maxsize=1)
def builtin_brands() -> frozenset[str]:
    """Mixed-case names that are spelled correctly as listed ("iPhone", "eBay")."""
    return frozenset(_data_lines("brands.txt"))


def brands(extra: Iterable[str] = ()) -> frozenset[str]:
    """The built-in brands plus ``extra`` (the config's ``brands`` list)."""
    extra = tuple(extra)
    return builtin_brands() | frozenset(extra) if extra else builtin_brands()


@lru_cache(maxsize=1)
def _names() -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    kind = "name"
    for line in _data_lines("names.txt"):
        if line.startswith("[") and line.endswith("]"):
            kind = line[1:-1]
            continue
        groups.setdefault(kind, set()).add(normalise_apostrophes(line).lower())
    return {k: frozenset(v) for k, v in groups.items()}


def surnames() -> frozenset[str]:
    """Lower-case family names that precede the given name (East Asian name order)."""
    return _names().get("family-first", frozenset())


@lru_cache(maxsize=1)
def given_names() -> "GivenNames":
    """Lower-case given names: docqa's own list (``names.txt``) and the first names of Faker's
    person providers (:func:`package_given_names`) that cannot be read as ordinary English words."""
    return GivenNames(_names().get("given", frozenset()), package_given_names())


def listed_given_names() -> frozenset[str]:
    """docqa's own given names (``names.txt``), without those of installed packages."""
    return _names().get("given", frozenset())


#: A first name from Faker that is also in the English word list counts as a given name only when
#: it is mostly written capitalised (``English.name_score``) and not a common word (wordfreq Zipf).
PACKAGE_GIVEN_MIN_SCORE = 1.3
PACKAGE_GIVEN_MAX_ZIPF = 4.5


class GivenNames(Collection[str]):
    """A read-only set of lower-case given names: the listed ones, and those of an installed
    package that pass :func:`plausible_given_name` (checked on first lookup, then remembered)."""

    def __init__(self, listed: frozenset[str], extra: frozenset[str]) -> None:
        self._listed = listed
        self._extra = extra

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and (key in self._listed or (key in self._extra and plausible_given_name(key)))

    def __iter__(self):
        yield from self._listed
        yield from (k for k in sorted(self._extra) if k not in self._listed and plausible_given_name(k))

    def __len__(self) -> int:
        return sum(1 for _ in self)


@lru_cache(maxsize=16384)
def plausible_given_name(key: str) -> bool:
    """True when a package's first name ``key`` reads as a name, not as an English word: not
    a familiar or title word, not a gazetteer name ("Paris", "China"), and if in the English word
    list, mostly capitalised and not common ("elisha", but not "summer", "royal" or "media")."""
    if len(key) < 3 or key in easy_words() or key in TITLE_WORDS:
        return False
    gaz = gazetteer()
    if key in gaz.names or key in gaz.ambiguous:
        return False
    if key in personal_names():
        return True  # listed by docqa as a surname ("lee"): a given name too in another locale
    eng = english()
    if key in eng.known:
        return eng.name_score(key) >= PACKAGE_GIVEN_MIN_SCORE and eng.zipf(key) < PACKAGE_GIVEN_MAX_ZIPF
    return True


@lru_cache(maxsize=1)
def package_given_names() -> frozenset[str]:
    """Lower-case first names of every locale of Faker's person providers (``faker`` package,
    MIT licence; about 16,000 in Latin script), read from the installed package once and kept in
    docqa's cache directory (importing the 90 provider modules takes ~0.4 s; the stored set loads
    in milliseconds). Empty when Faker is not installed."""
    from ..wordstats import _source_tag, stored

    return stored(f"faker-given-names-{_source_tag('faker', 'providers/person/__init__.py')}.marshal",
                  frozenset, _faker_first_names)


def _faker_first_names() -> frozenset[str]:
    import importlib
    import pkgutil

    try:
        import faker.providers.person as person
    except ImportError:  # pragma: no cover - faker is a dependency
        return frozenset()
    names: set[str] = set()
    for info in pkgutil.iter_modules(person.__path__):
        try:
            provider = importlib.import_module(f"{person.__name__}.{info.name}").Provider
        except (ImportError, AttributeError):  # pragma: no cover - a provider that fails to load
            continue
        for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            value = vars(provider).get(attr)
            if isinstance(value, Mapping):
                value = list(value)  # weighted names: name -> frequency
            if not isinstance(value, (list, tuple, set, frozenset)):
                continue
            for n in value:
                # single names in Latin script ("Stefania", "Tierra"), not "Mary Ann" or "Nguyễn"
                if isinstance(n, str) and n[:1].isupper() and n.isalpha() and all(c < "\u0250" for c in n):
                    names.add(normalise_apostrophes(n).lower())
    return frozenset(names)


@lru_cache(maxsize=1)
def personal_names() -> frozenset[str]:
    """Lower-case surnames and given names of any origin (includes the other two lists)."""
    groups = _names()
    return frozenset().union(*groups.values())


@lru_cache(maxsize=1)
def easy_words() -> frozenset[str]:
    """The Dale-Chall familiar words (lower case), from textstat's data."""
    from ..wordstats import package_file

    path = package_file("textstat", "resources/en/easy_words.txt")
    try:
        if path is None:
            raise FileNotFoundError("textstat is not installed")
        return frozenset(w.strip().lower() for w in path.read_text(encoding="utf-8").split() if w.strip())
    except OSError:  # pragma: no cover - textstat is a dependency
        return frozenset()


#: Common nouns and adjectives that are often capitalised as part of a title or an institution
#: ("the President", "Parliament", "the Northern region"): a capitalised use elsewhere in a
#: document is a style choice, not evidence that the lower-case word is a misspelt name.
TITLE_WORDS = frozenset(
    """
    president presidents presidential prime minister ministers ministry ministries government governments
    parliament parliamentary congress congressional senate senator senators court courts state states
    city cities county counties province provinces provincial party parties church churches university
    universities college colleges school schools department departments agency agencies council councils
    committee committees commission commissions army armies navy police bank banks company companies
    group groups association federation republic republics kingdom kingdoms empire emperor king kings
    queen queens prince princess duke lord lords sir pope bishop archbishop cardinal general generals
    admiral colonel captain sergeant lieutenant major governor governors mayor mayors representative
    representatives judge judges justice justices chairman chairwoman chair chief chiefs director
    directors secretary secretaries chancellor premier commander doctor professor professors dean
    national international federal central global world western eastern northern southern north south
    east west central internet web earth moon sun god gods bible democrat democrats democratic republican
    republicans communist communists socialist socialists liberal liberals conservative conservatives
    labour labor green greens independent independents catholic catholics orthodox administration
    office bureau institute museum academy foundation society union league board authority service
    services corps division faculty hospital library organization organisation embassy consulate assembly
    act acts bill law treaty agreement accord constitution constitutional amendment declaration charter
    war wars battle revolution era age dynasty period day night station airport port harbour harbor
    bridge tower building hall palace castle cathedral temple mosque park square street road avenue
    river lake sea ocean island islands peninsula mountain mountains valley bay gulf coast desert forest
    region regions district districts zone area project program programme plan initiative summit
    conference forum report index award prize cup championship league series festival
    """.split()
)


@dataclass(frozen=True)
class English:
    """Membership and frequency of English words (lower case)."""

    #: the word list (a read-only set-like table: ``word in known``)
    known: Collection[str]
    #: lower-case word -> count in pyspellchecker's list (counts of lower-case uses only)
    counts: Mapping[str, int] = field(default_factory=dict)
    total: int = 1

    def __contains__(self, word: str) -> bool:
        return self.is_word(word)

    def in_list(self, word: str) -> bool:
        """True when ``word`` (any case) is in the spell-checker's word list."""
        return normalise_apostrophes(word).lower() in self.known

    def zipf(self, word: str) -> float:
        """wordfreq's Zipf frequency of ``word`` (0 for unknown; 3 = once per million words)."""
        return _zipf(normalise_apostrophes(word).lower())

    def is_word(self, word: str, min_zipf: float = 3.5) -> bool:
        """True when ``word`` is in the word list or common enough in wordfreq's corpora."""
        return self.in_list(word) or self.zipf(word) >= min_zipf

    def name_score(self, word: str) -> float:
        """How much more often ``word`` is written capitalised than in lower case (log10).

        wordfreq counts every use of a word whatever its case; pyspellchecker's list counts its
        lower-case uses. The difference of the two (in orders of magnitude) is small for common
        nouns ("channel" 0.8, "crew" 0.1) and large for names ("Seoul" 1.6, "Obama" 2.7): a
        score of 1 means roughly nine uses in ten are capitalised.
        """
        key = normalise_apostrophes(word).lower()
        zipf = self.zipf(key)
        count = self.counts.get(key, 0)
        if not count:
            # Not in the lower-case list: a name ("Pelosi"), unless it is a regional spelling
            # of a listed word ("realised" for "realized").
            count = max((self.counts.get(v, 0) for v in spelling_variants(key)), default=0)
            if not count:
                return zipf + 1.0
        return zipf - math.log10(count / self.total * 1e9)


@lru_cache(maxsize=1)
def english() -> English:
    """The English lexicon: pyspellchecker's frequency list and wordfreq's frequencies, read from
    the compact tables of :mod:`docqa.wordstats` (a few milliseconds, ~2 MiB)."""
    from ..wordstats import spelling_counts

    counts = spelling_counts()
    return English(counts, counts, max(1, counts.total))  # type: ignore[arg-type]


@lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    from ..wordstats import zipf

    return zipf(word)


# British and American spellings of the same word: neither is a typo of the other.
VARIANT_PAIRS = (
    ("ise", "ize"), ("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("yse", "yze"),
    ("our", "or"), ("tre", "ter"), ("ogue", "og"), ("ence", "ense"), ("lled", "led"),
    ("lling", "ling"), ("ller", "ler"), ("ae", "e"), ("oe", "e"),
)


def spelling_variants(key: str) -> list[str]:
    """Regional respellings of ``key`` ("colour" -> "color", "realised" -> "realized")."""
    out = []
    for a, b in VARIANT_PAIRS:
        for x, y in ((a, b), (b, a)):
            at = key.find(x)
            if at >= 0:
                out.append(key[:at] + y + key[at + len(x):])
    return out


def normalise_apostrophes(word: str) -> str:
    return word.replace("’", "'").replace("‘", "'")


_POSSESSIVE_RE = rx.compile(r"['’]s$|['’]$", re.IGNORECASE)


def strip_possessive(word: str) -> str:
    """``"Korea’s"`` -> ``"Korea"``; other words unchanged."""
    return _POSSESSIVE_RE.sub("", word) if len(word) > 2 else word
