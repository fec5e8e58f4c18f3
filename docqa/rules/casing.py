"""Casing rules (family ``casing``).

The evidence is the document's own vocabulary first: a name the writer spells "OpenAI" a dozen
times is a slip when it appears once as "openai". A built-in gazetteer (countries, regions,
cities, institutions, companies) covers names the document uses only once, and a list of
mixed-case brands keeps "iPhone" and "eBay" from looking like slips.

All casing rules share one analysis per document (:func:`analyse`), so that one slip gets one
finding: a lower-case name at a sentence start is reported as a name (CAS001), not twice.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, NamedTuple

from .. import rx, textutil
from ..data import cased, lexicon
from ..document import Document, Node, NodeKind
from ..finding import Family, Fix, Severity, Violation
from .base import Rule

if TYPE_CHECKING:
    from ..config import Settings

# Characters that may open a sentence before its first word: quotes, brackets, emphasis.
_OPENERS = "\"'“‘„«‹([{*_¿¡"
# A word directly after one of these starts a clause, so its capital proves nothing.
_CLAUSE_MARKS = ".!?:;([{•|–—\u2022"
_FUNCTION_WORDS = frozenset(
    """
    a an the and or but nor so yet for of in on at to by from with without into onto upon over under
    about above below after before between among through during since until than as if then that this
    these those there here where when while who whom whose which what why how is are was were be been
    being am do does did done has have had having will would shall should can could may might must not
    no yes it its it's he him his she her hers we us our ours you your yours they them their theirs i me
    my mine one ones all any some each every both either neither few many much more most other such
    own same very too also just only even still again ever never always often per via vs etc
    la le les de del dela della degli di da das do dos van von der den ter ten du des el al bin ibn y zu
    """.split()
)
#: ``English.name_score`` from which a gazetteer name that is also an ordinary word ("twitter",
#: "congress") is reported on the document's evidence or before a capitalised word.
AMBIGUOUS_NAME_SCORE = 1.0
#: ... and from which (with ``cased.capital_lean`` at least AMBIGUOUS_ALONE_LEAN) it is a slip in
#: lower case with no capitalised use in the document ("twitter" 2.1 and -0.15, "cambridge" 2.4
#: and 1.2; not "congress" 1.65, "sydney" or "apple").
AMBIGUOUS_ALONE_SCORE = 2.0
AMBIGUOUS_ALONE_LEAN = -0.2
#: wordfreq Zipf below which an English word that the document uses alone as a name needs only
#: one such use to make its single lower-case use a slip ("Stavanger" ... "stavanger").
RARE_NAME_ZIPF = 3.0
#: Capitalised uses of a two-word name from which its one use with a lower-case second word is a slip.
DOMINANT_PAIR = 4
#: ``cased.capital_lean`` from which one capitalised use of such a name is enough (see ``_dominant_pair``).
PAIR_LEAN = -0.5
_DISCIPLINE_ENDINGS = ("ology", "graphy", "ics", "ism", "istry", "nomy")
#: ``cased.capital_lean`` (log10 of capitalised over lower-case uses in English) from which a word
#: in lower case once is reported with no capitalised use in the document, when ``English.name_score``
#: agrees ("carnegie" 1.4, "lucille" 1.4, "nightwing" 0.9; "schoolboy" 1.0 but name score 0.3) ...
LONE_LEAN = 0.85
LONE_NAME_SCORE = 1.0
#: ``cased.acronym_lower_lean`` from which an acronym's lower-case form is a form of its own: -0.4
#: for "json" and "html", -0.6 for "utf", 0 for "https"; against -1.2 to -1.7 for "nasa", "fbi",
#: "nato", "bbc", "ibm", "nhs" (and -0.8 for "eu", -0.8 for "ssl", which stay reported).
ACRONYM_LOWER_LEAN = -0.75
#: Adverbs that link sentences: English opens so many sentences with them that they lean to the
#: capital in a cased word table ("additionally" 0.9, "furthermore" 0.9), yet they are never names.
_CONNECTIVES = frozenset("""
    additionally furthermore moreover meanwhile nevertheless nonetheless however therefore otherwise
    likewise instead hence thus besides indeed accordingly conversely similarly subsequently overall
    notwithstanding henceforth thereafter thereby hereby whereas
""".split())
#: ... with one capitalised use mid-sentence ("catholic" 0.5, "meiji" 1.3) ...
ATTESTED_LEAN = 0.4
#: ... and with at least DOMINANT_USES, two of them alone (not inside a longer name), for a word
#: that English writes capitalised at least a third as often as in lower case ("turkey" 0.0,
#: "polish" -0.3; not "channel" -0.8 or "main" -1.4).
DOCUMENT_LEAN = -0.5
DOMINANT_USES = 3
#: Lower-case uses from which an English word is the document's own word, not a slip for the
#: name of the same spelling in docqa's gazetteer (see ``_Analysis._lower_case_word``).
LOWER_CASE_USES = 3
#: ``English.name_score`` from which a word counts as a name (about nine uses in ten capitalised).
NAME_SCORE = 1.5
#: Months and weekdays, always capitalised ("may", "march" and "august" are also ordinary words).
_CALENDAR = {
    w.lower(): w for w in
    "January February April June July September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
}
# Words that follow the pronoun "I": they tell it from a variable "i" or an enumerator "(i)".
_PRONOUN_I_VERBS = frozenset(
    """
    am was have had think thought do did don't didn't will would can could can't couldn't should shall
    must may might know knew want wanted said say feel felt believe guess love like liked hope mean
    meant see saw just really also never always still only agree wish remember need needed get got
    went go tried made found heard told asked decided started came wonder suppose understand
    """.split()
)
# Nouns that head the names of places, institutions and events ("World War II", "Royal Air
# Force", "Seal Island"); person titles ("president") are not among them: "Turkish president
# Erdoğan" is a common style.
_NAME_NOUNS = frozenset(
    """
    war wars university college institute island islands bay river lake sea ocean mountain mountains
    street avenue road square bridge tower hall palace castle cathedral church airport station force
    army navy party league cup prize award festival museum library hospital school academy centre
    center council committee commission court assembly parliament congress senate ministry department
    agency bureau foundation society association federation union forest desert valley canal strait
    """.split()
)
_PERSON_TITLES = frozenset(
    """
    pope president king queen prince princess sir dame lord lady saint st mr mrs ms dr professor prof
    senator governor mayor general admiral captain chancellor minister premier sheikh imam rabbi
    cardinal bishop archbishop reverend rev judge justice
    """.split()
)
#: Words that announce a mention of the word after them ("the word łódź", "called geofences").
_MENTION_CUES = frozenset("word words term terms called named dubbed spelled spelt".split())
_COMPASS = frozenset("north south east west northern southern eastern western central".split())
_CLAUSE_OPENERS = frozenset("when if because and but so that as before after while since until though".split())
_PARTICLES = frozenset("la le de del dela della di da das do dos van von der den du des el al bin ibn".split())
_INSTITUTION_HEADS = (
    "Ministry|Department|Office|Bureau|Agency|Institute|University|College|School|Museum|Academy|"
    "Council|Committee|Commission|Court|Bank|Board|Centre|Center|Society|Association|Federation|"
    "Foundation|League|Party|Church|Administration|Authority|Service|Division|Faculty|Hospital|"
    "Library|Organization|Organisation|Embassy|Consulate|Assembly|Corporation|Secretary|Minister"
)
_INSTITUTION_RE = rx.compile(
    rf"\b({_INSTITUTION_HEADS}) (?:of|for) (?:the )?([a-z][\w’'-]*)((?: (?:and|&|of|for|the|[a-z][\w’'-]*)){{0,3}}) "
    r"(?:and|&) ([A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*)"
)
# "Museum of natural History": a lower-case word between "of" and the capitalised rest of a name.
_INSTITUTION_OF_RE = rx.compile(
    rf"\b({_INSTITUTION_HEADS}) (?:of|for) (?:the )?([a-z][\w’'-]*) ([A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*)"
)
# Head nouns of institutions' names: in lower case before "of"/"for"/"on" and a capitalised
# word they are a slip ("the university of Birmingham"). Not "centre of" ("the centre of Paris"),
# nor "embassy", "museum", "church" or "court", which often describe ("the court of Louis XIV").
_LOWER_HEADS = frozenset(
    "university college institute department ministry academy council committee commission faculty "
    "bureau federation center centre".split()
)
_HEAD_LINKS = {k: ("of", "for", "on") for k in _LOWER_HEADS} | {"center": ("for",), "centre": ("for",)}
# Capitalised words that end a name: a lower-case word between another capitalised word and one
# of these belongs to the name ("Royal veterinary College", "West palm Beach").
_END_HEADS = frozenset(
    """
    university college institute academy school hospital museum library cathedral church chapel
    beach park gardens square street avenue boulevard bridge tower palace castle stadium arena
    airport station harbour harbor lake river island islands mountains valley falls county
    team council committee commission agency bureau foundation society association federation
    """.split()
)
# Verbs that put a capitalised subject before a capitalised object ("Biden told Congress").
_VERBS_BEFORE_NAMES = frozenset(
    """
    said says told tells asked asks met meets visited visits joined joins left leaves attended attends
    entered enters thanked thanks urged urges called calls named names praised praises criticised
    criticized blamed blames sued sues beat beats leads led won wins lost loses took takes became
    becomes runs ran heads headed chairs chaired founded founds
    """.split()
)
# Heads of names that no house style writes in lower case after the name ("Trinity College").
_ALWAYS_CAPITALISED_HEADS = frozenset("university college institute academy".split())
# Generic words that open place names in English and the languages it borrows them from.
_PLACE_PREFIXES = frozenset(
    "cape mount mt lake loch fort port isle glen san santa santo sao são sainte ste puerto porto rio "
    "monte mont ciudad bahia bahía".split()
)
#: How common (Zipf) a word after a place prefix may be and still read as a name ("Cape canaveral").
PLACE_NAME_MAX_ZIPF = 3.5
_CALENDAR_WORDS = frozenset(_CALENDAR) | {"may", "march", "august"}
# What follows an author's name in a reference: " et al.", ", 2014)", " (2004)", ", & Name", ", Name".
_CITATION_NEXT = frozenset([" e", " (", ", "])
_CITATION_YEAR_RE = rx.compile(r"(?:, | \()(?:1[6-9]|20)\d\d[a-z]?[);,]")
_CITATION_LIST_RE = rx.compile(r", (?:& |and )?[A-Z]")
_YEAR_AHEAD_RE = rx.compile(r"[^()\n]{0,120}?,? (?:1[6-9]|20)\d\d[a-z]?\)")
_ENUMERATOR_RE = rx.compile(r"(?:[ivxlcdm]{1,6}|[a-z])[.)](?=\s)", re.IGNORECASE)
_IDENTIFIER_RE = rx.compile(r"[^\s]*?(?:[./\\_@#=<>(){}\[\]:+][\w/\\]|\w\()")
_TERMINAL_RE = rx.compile(r"[.!?:][\"'”’)\]]*$")
_HYPHENATED_GIVEN_NAME_RE = rx.compile(r"[A-Z][a-z]+-[a-z]+")
#: "may", "march" and "august" are months before a day of the month or a year ("march 11", "may 2019").
_AMBIGUOUS_MONTHS = frozenset(("may", "march", "august"))
_DETERMINERS = frozenset("a an the some any much more most no this that these those my your his her its our their".split())
_DATE_PREPOSITIONS = frozenset(
    "in on since until till by from of during through throughout before after early late mid last next this".split()
)
_DATE_AFTER_RE = rx.compile(r" (?:1[5-9]\d\d|20\d\d|[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\b(?![.,]?\d)")
#: A lower-case word in code or a link target (letters only, between non-letters).
_CODE_WORD_RE = rx.compile(r"(?<![A-Za-z])[a-z]{2,}(?![A-Za-z])")


# --------------------------------------------------------------------------- tokens
class Token(NamedTuple):
    """A prose word with what the casing rules need to know about its position.

    A named tuple rather than a frozen dataclass: a document has one per word, and a tuple is
    built several times faster (the same fields, immutable, compared by value)."""

    start: int
    end: int
    text: str
    base: str  # the word without a possessive ending ("Korea’s" -> "Korea")
    key: str  # lower-case base with plain apostrophes
    context: str  # prose | heading | toc | cell
    initial: bool  # first word of a sentence, clause or cell: capitalised by position
    block: int  # index of the block node
    shape: str  # lower | title | upper | mixed


def _shape(word: str) -> str:
    if word.isascii() and word.islower():
        return "lower"  # the common case; for ASCII, islower() means every letter is lower case
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return "other"
    if all(c.islower() for c in letters):
        return "lower"
    if all(c.isupper() for c in letters):
        return "upper" if len(letters) > 1 else "title"
    if letters[0].isupper() and all(c.islower() for c in letters[1:]):
        return "title"
    return "mixed"


def _context(doc: Document, node: Node) -> str:
    if node.kind is NodeKind.HEADING:
        return "toc" if node.parent is not None and doc.nodes[node.parent].kind is NodeKind.TOC else "heading"
    if node.kind is NodeKind.TABLE_CELL:
        return "cell"
    if node.kind is NodeKind.LIST_ITEM and node.parent is not None and doc.nodes[node.parent].kind is NodeKind.TOC:
        return "toc"
    return "prose"


def _is_initial(text: str, start: int, block_start: int, sentence_starts: set[int]) -> bool:
    if start in sentence_starts:
        return True
    i = start - 1
    opened = False
    while i >= block_start and (text[i] in " \t\xa0" or text[i] in _OPENERS):
        opened = opened or text[i] in _OPENERS
        i -= 1
    if i < block_start or opened:
        return True  # block start, or a quotation or bracket that may open a sentence
    return text[i] in _CLAUSE_MARKS or text[i] in "\r\n" or (text[i] == "-" and i > 0 and text[i - 1] == " ")


def _first_letter(text: str, start: int, end: int) -> int:
    i = start
    while i < end and (text[i].isspace() or text[i] in _OPENERS):
        i += 1
    return i


@dataclass
class Vocabulary:
    """How the document spells each word, split by position (evidence) and context."""

    tokens: list[Token] = field(default_factory=list)
    blocks: dict[int, list[Token]] = field(default_factory=dict)
    lower_count: Counter = field(default_factory=Counter)
    #: key -> Counter of capitalised spellings seen mid-sentence in prose (strong evidence)
    evidence: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    #: key -> Counter of capitalised spellings seen anywhere they are not capitalised by position
    loose: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    #: key -> Counter of capitalised spellings used alone mid-sentence (not inside a longer name)
    bare: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    #: (key1, key2) -> Counter of "Word Word" spellings of adjacent capitalised pairs
    pairs: dict[tuple[str, str], Counter] = field(default_factory=lambda: defaultdict(Counter))


def vocabulary(doc: Document) -> Vocabulary:
    """The document's words with position and spelling statistics (cached on the document)."""
    cached = doc.cache.get("docqa.vocabulary")
    if cached is not None:
        return cached
    text = doc.text
    vocab = Vocabulary()
    sentence_starts = {_first_letter(text, s.start, s.end) for s in doc.sentences}
    blocks = list(doc.paragraphs) + list(doc.headings) + doc.of_kind(NodeKind.TABLE_CELL)
    blocks.sort(key=lambda n: n.start)
    # word as written -> (word, base, key, shape), computed once per form: the tokens of a long
    # document share these strings instead of holding three new ones each.
    forms: dict[str, tuple[str, str, str, str]] = {}
    n = len(text)
    for node in blocks:
        ctx = _context(doc, node)
        toks: list[Token] = []
        bs = node.start
        # Fast paths, each returning what the full test returns (the tests run per word were a
        # third of this function's time): a block that overlaps no non-prose span holds no word
        # that does; a word between plain separators is not glued to code; a word after a space
        # after a letter, digit or comma is not initial.
        any_ignored = doc.is_ignored(node.start, node.end)
        for m in textutil.iter_words(text, node.start, node.end):
            s, e = m.span()
            if any_ignored and doc.is_ignored(s, e):
                continue
            before = text[s - 1] if s > 0 else " "
            if not (before in _PLAIN_BEFORE and (e >= n or text[e] in _PLAIN_AFTER)) and _glued_to_code(text, s, e):
                continue
            word = m.group()
            form = forms.get(word)
            if form is None:
                base = lexicon.strip_possessive(word)
                form = forms[word] = (word, base, lexicon.normalise_apostrophes(base).lower(), _shape(base))
            word, base, key, shape = form
            if s in sentence_starts:
                initial = True
            elif before == " " and s - 2 >= bs and (text[s - 2].isalnum() or text[s - 2] == ","):
                initial = False
            else:
                initial = _is_initial(text, s, bs, sentence_starts)
            toks.append(Token(s, e, word, base, key, ctx, initial, node.index, shape))
        vocab.blocks[node.index] = toks
        vocab.tokens.extend(toks)
        for i, t in enumerate(toks):
            if t.shape == "lower":
                vocab.lower_count[t.key] += 1
            elif t.shape in ("title", "upper", "mixed"):
                if not t.initial and ctx == "prose":
                    vocab.evidence[t.key][t.base] += 1
                if not t.initial or t.shape == "mixed":
                    vocab.loose[t.key][t.base] += 1
                if not t.initial and not _capital_neighbour(text, toks, i):
                    vocab.bare[t.key][t.base] += 1
            if i and t.shape != "lower" and toks[i - 1].shape != "lower" and text[toks[i - 1].end:t.start] == " ":
                prev = toks[i - 1]
                if not prev.initial and ctx in ("prose", "cell"):
                    vocab.pairs[(prev.key, t.key)][f"{prev.text} {t.base}"] += 1
                elif not prev.initial:
                    vocab.pairs[(prev.key, t.key)][f"~{prev.text} {t.base}"] += 1  # title-case context
    doc.cache["docqa.vocabulary"] = vocab
    return vocab


def _capital_neighbour(text: str, toks: list[Token], i: int) -> bool:
    """True when token ``i`` is part of a run of capitalised words ("Crew Dragon", "Kim Jong-un")."""
    t = toks[i]
    if i and toks[i - 1].shape != "lower" and text[toks[i - 1].end:t.start] == " " and not toks[i - 1].initial:
        return True
    if i + 1 < len(toks) and toks[i + 1].shape != "lower" and text[t.end:toks[i + 1].start] == " ":
        return True
    return False


#: Characters before and after a word with which ``_glued_to_code`` is always False.
_PLAIN_BEFORE = frozenset(" \t\n\xa0\"'“‘(-")
_PLAIN_AFTER = frozenset(" \t\n\xa0,;:)\"”’'!?-")


def _glued_to_code(text: str, s: int, e: int) -> bool:
    """True for word pieces of identifiers, file names, numbers and editorial brackets
    ("config.yaml", "5th", "v2", "[I]ncreasingly")."""
    before = text[s - 1] if s > 0 else " "
    after = text[e] if e < len(text) else " "
    if before.isdigit() or after.isdigit() or before in "_/\\@#$%=<>~^|]" or after in "_/\\@#=<>~^|[":
        return True
    if before == "." and s > 1 and text[s - 2].isalnum():
        return True  # "config.yaml": the part after the dot
    if after == "." and e + 1 < len(text) and text[e + 1].isalnum() and not text[e + 1].isupper():
        return True  # "config.yaml", "example.com": the part before the dot
    return False


# --------------------------------------------------------------------------- word classes
@lru_cache(maxsize=65536)
def word_tier(key: str) -> str:
    """How much a capitalised use elsewhere proves that ``key`` is a name.

    ``C``: an ordinary word (function word, familiar word, title noun, ambiguous name) that is
    never reported on the strength of capitals elsewhere; ``A``: not an English word at all
    ("openai"), so one capitalised use is enough; ``B``: an English-list word that is also a
    name ("lee", "seoul"), which needs repeated, consistent evidence.
    """
    parts = [p for p in re.split(r"[-'’]", key) if p]
    if not parts:
        return "C"
    easy = lexicon.easy_words()
    gaz = lexicon.gazetteer()
    eng = lexicon.english()
    if key in _FUNCTION_WORDS or key in gaz.ambiguous or key in lexicon.TITLE_WORDS:
        return "C"
    if all(p in easy or p in _FUNCTION_WORDS or p in lexicon.TITLE_WORDS for p in parts):
        if eng.name_score(key) < NAME_SCORE:
            return "C"
    if not eng.is_word(key, min_zipf=3.0):
        return "A"
    return "B"


@lru_cache(maxsize=65536)
def name_like(key: str, threshold: float = NAME_SCORE) -> bool:
    """True for words that are names on their own: not English at all ("openai"), or an English
    word that is mostly written capitalised ("seoul", "donald"; see ``English.name_score``)."""
    tier = word_tier(key)
    if tier == "A":
        return True
    if tier != "B":
        return False
    eng = lexicon.english()
    return min(eng.name_score(p) for p in key.split("-") if p) >= threshold


@lru_cache(maxsize=1)
def _phrase_lengths() -> dict[str, int]:
    """First word of each multi-word gazetteer name -> the most words such a name has."""
    longest: dict[str, int] = {}
    for key in lexicon.gazetteer().names:
        words = key.split(" ")
        if len(words) > 1 and len(words) > longest.get(words[0], 0):
            longest[words[0]] = len(words)
    return longest


# --------------------------------------------------------------------------- analysis
@dataclass
class Hit:
    code: str
    start: int
    end: int
    message: str
    replacement: str | None
    safe: bool
    data: dict


class _Analysis:
    def __init__(self, doc: Document, settings: "Settings") -> None:
        self.doc = doc
        self.text = doc.text
        self.vocab = vocabulary(doc)
        self.gaz = lexicon.gazetteer()
        self.brands = lexicon.brands(settings.brands)
        self.accepted = {lexicon.normalise_apostrophes(w).lower() for w in settings.words}
        self.hits: list[Hit] = []
        self.covered: list[tuple[int, int]] = []
        # One byte per character, 1 where a span is covered: the overlap test is a C-level find
        # over the span instead of a scan of every earlier hit (quadratic on long documents).
        self._mask = bytearray(len(self.text))
        self._form_counts: dict[str, int] = {}
        self._not_heads: frozenset[str] | None = None  # words capitalised other than as a name's head
        self._windows: tuple[Counter, dict] | None = None
        self._code: frozenset[str] | None = None
        self._token_blocks: list[tuple[int, int]] | None = None  # (first word start, block index), sorted

    # ------------------------------------------------------------------ helpers
    def _cover(self, s: int, e: int) -> None:
        self.covered.append((s, e))
        if e > s:
            self._mask[s:e] = b"\x01" * (e - s)

    def _is_covered(self, s: int, e: int) -> bool:
        if e > s:
            return self._mask.find(1, s, e) >= 0
        return any(s < ce and cs < e for cs, ce in self.covered)  # an empty span: strictly inside

    def _add(self, hit: Hit) -> None:
        if hit.code == "CAS001" and self.text[hit.start:hit.end].lower() in self._code_words():
            self._cover(hit.start, hit.end)  # settled: no later check reports it either
            return
        self.hits.append(hit)
        self._cover(hit.start, hit.end)

    def _code_words(self) -> frozenset[str]:
        if self._code is None:
            self._code = code_words(self.doc)
        return self._code

    def run(self) -> list[Hit]:
        """Run every casing check once, most specific first, so that one slip gets one hit."""
        self.gazetteer_phrases()
        self.single_words()
        self.attested_pairs()
        self.institution_names()
        self.family_names()
        self.personal_names()
        self.name_neighbours()
        self.name_nouns()
        self.lowercase_heads()
        self.head_sandwiches()
        self.name_openers()
        self.shared_heads()
        self.words_before_heads()
        self.names_in_lists()
        self.named_universities()
        self.written_alone_elsewhere()
        self.adjective_heads()
        self.institution_heads()
        self.place_prefixes()
        self.citation_names()
        self.acronym_expansions()
        self.compound_titles()
        self.lone_given_names()
        self.general_casing()
        self.stray_capitals()
        self.sentence_starts()
        self.pronoun_i()
        self.capitalised_common_nouns()
        return self.hits

    # ------------------------------------------------------------------ CAS001 phrases
    def gazetteer_phrases(self) -> None:
        """"south korea", "the United states": a gazetteer name with a word in lower case (CAS001)."""
        longest = _phrase_lengths()
        for toks in self.vocab.blocks.values():
            i = 0
            while i < len(toks):
                matched = 0
                # Only a word that opens some listed phrase can start a match, and no window
                # longer than that word's longest phrase can match.
                for n in range(min(longest.get(toks[i].key, 0), len(toks) - i), 1, -1):
                    window = toks[i:i + n]
                    if any(self.text[a.end:b.start] != " " for a, b in zip(window, window[1:])):
                        continue
                    key = " ".join(t.key for t in window[:-1]) + " " + window[-1].key
                    canon = self.gaz.lookup(key)
                    if canon is None:
                        continue
                    matched = n
                    if not self._phrase_hit(window, canon) and all(
                        t.base == c or t.shape == "upper" for t, c in zip(window, canon.split(" "))
                    ):
                        self._cover(window[0].start, window[-1].end)  # written as listed
                    break
                i += matched or 1

    def _phrase_hit(self, window: list[Token], canon: str) -> bool:
        canon_words = canon.split(" ")
        if len(canon_words) != len(window):
            return False
        lowered = [
            t for t, c in zip(window, canon_words)
            if t.shape == "lower" and _shape(c) != "lower" and t.key not in _FUNCTION_WORDS
        ]
        if not lowered:
            return False  # "the Hague" in running text is fine
        capitals = [t for t in window if t.shape != "lower"]
        name_like = any(self._name_like(t.key) for t in lowered)
        if not capitals:
            # All lower case: "south korea" is a slip, "white house" may be a white house.
            if not name_like:
                return False
        elif all(window.index(t) > window.index(c) for t in lowered for c in capitals):
            # "the United states" is a slip; "White house" at a sentence start may be a house,
            # and "the Korean peninsula" (a nationality and a common noun) is a house style.
            if not name_like and capitals[0].initial:
                return False
            if not name_like and all(self.gaz.kinds.get(c.key) == "demonym" for c in capitals):
                return False
        start, end = window[0].start, window[-1].start + len(window[-1].base)
        fixed = _respell(self.text[start:end], canon)
        kind = self.gaz.kinds.get(canon.lower(), "name")
        seen = self._written_elsewhere(fixed)
        where = f"written so {seen} time{'s' if seen != 1 else ''} in this document; " if seen else ""
        self._add(Hit(
            "CAS001", start, end,
            f"'{self.text[start:end]}' should be capitalised as '{fixed}' ({where}{kind} in docqa's gazetteer)",
            fixed, seen > 0, {"evidence": "gazetteer", "kind": kind, "expected": fixed, "count": seen},
        ))
        return True

    def _written_elsewhere(self, form: str) -> int:
        """How often the document itself writes ``form`` as a whole word (or phrase); remembered
        per form, so that a name repeated all over a long document costs one search."""
        count = self._form_counts.get(form)
        if count is None:
            count = self._form_counts[form] = len(re.findall(rf"(?<![\w-]){re.escape(form)}(?![\w-])", self.text))
        return count

    def _name_like(self, key: str) -> bool:
        """A word that is a name on its own: not English, mostly capitalised, or a known place."""
        if key in self.gaz.ambiguous:
            return False
        return name_like(key) or (word_tier(key) == "B" and key in self.gaz.names)

    # ------------------------------------------------------------------ CAS001 words
    def single_words(self) -> None:
        """"openai", "seoul": one word of a name in lower case (CAS001)."""
        v = self.vocab
        for t in v.tokens:
            if t.shape != "lower" or len(t.key) < 2 or t.key in self.accepted:
                continue
            if self._is_covered(t.start, t.end):
                continue
            tier = word_tier(t.key)
            gaz_form = self.gaz.lookup(t.key) if t.key not in self.gaz.ambiguous else None
            form, count, source = None, 0, ""
            if tier == "A":
                candidates = v.loose.get(t.key)
                if candidates:
                    form, count = candidates.most_common(1)[0]
                    total = sum(candidates.values())
                    if v.lower_count[t.key] > total:
                        form = None  # the writer's own lower-case name ("docqa")
                    elif _shape(form) != "mixed" and (not v.bare.get(t.key) or total < 2):
                        form = None  # seen once, or only inside a longer name ("Kopinga Marae")
                    elif self._after_determiner(t) and self._name_head_only(t.key):
                        form = None  # "the marae": the noun the document's names are built on
                    source = "document"
            elif t.key in self.gaz.ambiguous and lexicon.english().name_score(t.key) >= AMBIGUOUS_NAME_SCORE:
                # A name that is also a word ("twitter", "congress", "sydney"), mostly capitalised in
                # English: a slip when the document writes it capitalised at least twice and never
                # otherwise in lower case, or when a capitalised word of the same name follows
                # ("google Chrome", "sydney Morning Herald"). One English nearly always capitalises
                # (``AMBIGUOUS_ALONE_SCORE`` and a cased lean of ``AMBIGUOUS_ALONE_LEAN``: "twitter",
                # "cambridge"; not "congress"), or that spaCy's cased table has capitalised far more
                # often (``LONE_LEAN``: "china", "sydney"; not after a lower-case word: "bone china"),
                # is a slip in lower case once with at most one capitalised use in the document.
                candidates = v.evidence.get(t.key)
                lean = cased.capital_lean(t.key)
                score = lexicon.english().name_score(t.key)
                if (v.lower_count[t.key] == 1 and t.key not in lexicon.TITLE_WORDS and lean is not None
                        and (not candidates or candidates.most_common(1)[0][1] < 2)
                        and ((score >= AMBIGUOUS_ALONE_SCORE and lean >= AMBIGUOUS_ALONE_LEAN)
                             or (score >= AMBIGUOUS_NAME_SCORE and lean >= LONE_LEAN and not self._after_modifier(t)))):
                    form, count, source = self.gaz.lookup(t.key) or _capitalised(t.key), 0, "gazetteer"
                elif (candidates and v.lower_count[t.key] == 1 and candidates.most_common(1)[0][1] >= 2
                        and t.key not in lexicon.TITLE_WORDS):  # "members of parliament" beside "Parliament"
                    form, count = candidates.most_common(1)[0]
                    source = "document"
                elif self._before_capitalised_word(t) and self.gaz.lookup(t.key) and not self._before_given_name(t):
                    form, count, source = self.gaz.lookup(t.key), 0, "gazetteer"
            elif tier == "B" and (name_like(t.key) or t.key in lexicon.personal_names() or gaz_form is not None
                                  or t.key in lexicon.given_names()):
                candidates = v.evidence.get(t.key)
                if candidates:
                    form, count = candidates.most_common(1)[0]
                    # A word mostly written capitalised in English needs one capitalised use here.
                    needed = 1 if lexicon.english().name_score(t.key) >= NAME_SCORE else 2
                    if count < needed or v.lower_count[t.key] * 2 > max(count, 2):
                        form = None
                    elif self._after_determiner(t) and self._name_head_only(t.key):
                        form = None  # "the marae" beside "Kopinga Marae": the noun a name is built on
                    source = "document"
            elif (tier == "B" and v.lower_count[t.key] == 1 and t.key not in lexicon.TITLE_WORDS
                  and lexicon.english().zipf(t.key) < RARE_NAME_ZIPF and not _inflected(t.key)):
                # A rare English word that the document writes capitalised inside a longer name
                # ("Blenheim Palace", "Stavanger Airport", "David Turpin") and never otherwise in
                # lower case: its one lower-case use, alone, is the same name ("at blenheim").
                inside = (v.evidence.get(t.key) or Counter()) - (v.bare.get(t.key) or Counter())
                if inside:
                    form, count = inside.most_common(1)[0]
                    source = "document"
            if form is None and t.key in _CALENDAR:
                form, count, source = _CALENDAR[t.key], 0, "calendar"
            if form is None and t.key in _AMBIGUOUS_MONTHS and _DATE_AFTER_RE.match(self.text, t.end) and self._after_date_preposition(t):
                form, count, source = _capitalised(t.key), 0, "calendar"  # "in march 2018", "on august 20"
            if (form is None and gaz_form is None and t.key.endswith("ns") and t.key[:-1] not in self.gaz.ambiguous
                    and self.gaz.kinds.get(t.key[:-1]) == "demonym"):
                # a plural nationality: "americans", "europeans" (the gazetteer lists "American")
                form, count, source = self.gaz.lookup(t.key[:-1]) + "s", 0, "gazetteer"
            if form is None and gaz_form is not None and " " not in gaz_form and not self._lower_case_word(t.key):
                form, count, source = gaz_form, 0, "gazetteer"
            if form is None or form.lower() != t.base.lower() or form == t.base:
                continue
            if source == "document" and _lower_case_acronym(form, t.key):
                continue
            if source in ("document", "gazetteer") and self._mentioned_or_foreign(t):
                continue  # "the word łódź"
            end = t.start + len(t.base)
            if source == "document":
                rivals = [c for f, c in (v.loose.get(t.key) or Counter()).items() if f != form]
                safe = (count >= 2 or form == gaz_form) and sum(rivals) * 2 < count
                where = f"{count} time{'s' if count != 1 else ''} elsewhere in this document"
                message = f"'{t.base}' is written '{form}' {where}"
                data = {"evidence": "document", "expected": form, "count": count,
                        "lowercase_count": v.lower_count[t.key]}
            elif source == "calendar":
                safe = True
                message = f"'{t.base}' names a month or a day and is capitalised: '{form}'"
                data = {"evidence": "calendar", "expected": form}
            else:
                kind = self.gaz.kinds.get(t.key, "name")
                seen = self._written_elsewhere(form)
                safe = seen > 0
                where = f"written so {seen} time{'s' if seen != 1 else ''} in this document; " if seen else ""
                message = f"'{t.base}' is a proper noun: '{form}' ({where}{kind} in docqa's gazetteer)"
                data = {"evidence": "gazetteer", "kind": kind, "expected": form, "count": seen}
            self._add(Hit("CAS001", t.start, end, message, form, safe, data))

    def _lower_case_word(self, key: str) -> bool:
        """True when the document uses ``key`` as an English word of its own: an English word it
        writes in lower case at least LOWER_CASE_USES times and more often than capitalised
        mid-sentence ("adobe" sixteen times in an article on the building material, though
        "Adobe" is also a company's name)."""
        v = self.vocab
        lower = v.lower_count[key]
        if lower < LOWER_CASE_USES or key not in lexicon.english().known:
            return False
        return lower > sum((v.evidence.get(key) or Counter()).values())

    def _name_head_only(self, key: str) -> bool:
        """True when the document capitalises ``key`` only right after another capitalised word that
        is no function word ("Kopinga Marae", "Fath Airport"; not "The BBC"), also one that opens a
        sentence: the word is the head of names, and alone it is the common noun they are built on."""
        if self._not_heads is None:  # one pass over the document for every word
            not_heads = set()
            text = self.text
            for toks in self.vocab.blocks.values():
                for i, t in enumerate(toks):
                    if t.shape != "lower" and not t.initial:
                        prev = toks[i - 1] if i else None
                        if (prev is None or prev.shape == "lower" or prev.key in _FUNCTION_WORDS
                                or text[prev.end:t.start] != " "):
                            not_heads.add(t.key)
            self._not_heads = frozenset(not_heads)
        return key not in self._not_heads

    def _word_before(self, t: Token) -> Token | None:
        """The word right before ``t`` in its block, one space away; None if there is none."""
        toks = self.vocab.blocks.get(t.block, [])
        i = toks.index(t)
        prev = toks[i - 1] if i else None
        return prev if prev is not None and self.text[prev.end:t.start] == " " else None

    def _after_determiner(self, t: Token) -> bool:
        """True when a determiner directly precedes ``t`` ("the marae", "a palace")."""
        prev = self._word_before(t)
        return prev is not None and prev.key in _DETERMINERS

    def _after_modifier(self, t: Token) -> bool:
        """True when a lower-case content word or a determiner directly precedes ``t`` ("fine bone
        china", "some china"): the word is then a common noun as often as a name."""
        prev = self._word_before(t)
        return (prev is not None and prev.shape == "lower"
                and (prev.key not in _FUNCTION_WORDS or prev.key in _DETERMINERS))

    def _after_date_preposition(self, t: Token) -> bool:
        """True when ``t`` follows a word that introduces a date ("in", "on", "since", "early")."""
        prev = self._word_before(t)
        return prev is not None and prev.key in _DATE_PREPOSITIONS

    def _run_goes_on(self, toks: list[Token], k: int) -> bool:
        """True when a capitalised word follows ``toks[k]`` one space away: the name runs on past
        it (other checks weigh such a run)."""
        return (k + 1 < len(toks) and toks[k + 1].shape != "lower"
                and self.text[toks[k].end:toks[k + 1].start] == " ")

    def _word_after(self, t: Token) -> Token | None:
        """The word right after ``t`` in its block, one space away; None if there is none."""
        toks = self.vocab.blocks.get(t.block, [])
        i = toks.index(t)
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        return nxt if nxt is not None and self.text[t.end:nxt.start] == " " else None

    def _before_capitalised_word(self, t: Token) -> bool:
        """True when ``t`` is followed, in prose, by a capitalised word that continues a name."""
        nxt = self._word_after(t)
        return (t.context == "prose" and nxt is not None and nxt.shape == "title" and not nxt.initial
                and nxt.key not in _FUNCTION_WORDS and nxt.key not in _CALENDAR_WORDS and nxt.base != "I")

    def _before_given_name(self, t: Token) -> bool:
        """True when the word after ``t`` is a given name: "the speaker of the parliament Ali
        Larijani" names a person after the noun, not a longer name the noun opens."""
        nxt = self._word_after(t)
        return nxt is not None and nxt.key in lexicon.given_names()

    def _mentioned_or_foreign(self, t: Token) -> bool:
        """"the word łódź": a word mentioned as a word; "La pointe de la ...": inside a phrase of
        another language, where common nouns keep their lower case."""
        toks = self.vocab.blocks.get(t.block, [])
        i = toks.index(t)
        prev = toks[i - 1] if i else None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if prev is not None and prev.key in _MENTION_CUES and not self.text[prev.end:t.start].strip(" \"'“‘:"):
            return True
        if (prev is not None and prev.key in _PARTICLES and nxt is not None and nxt.key in _PARTICLES
                and self.text[prev.end:t.start] == " " and self.text[t.end:nxt.start] == " "):
            return True
        return self._after_foreign_words(toks, i)

    def _after_foreign_words(self, toks: list[Token], i: int) -> bool:
        """"la juramentación como gobernador del honorable Pedro": at least FOREIGN_RUN of the five
        words before ``toks[i]`` (in its clause) are lower-case words that are neither English nor
        particles, so the word stands in a phrase of another language."""
        english = lexicon.english()
        foreign = 0
        for j in range(i - 1, max(-1, i - 6), -1):
            w = toks[j]
            if self.text[w.end:toks[j + 1].start].strip():
                break  # punctuation between: another clause
            if w.shape == "lower" and w.key.isalpha() and w.key not in _PARTICLES and not english.is_word(w.key):
                foreign += 1  # particles ("de la") belong to names too: "Jean de La Fontaine"
        return foreign >= FOREIGN_RUN

    # ------------------------------------------------------------------ CAS003
    def attested_pairs(self) -> None:
        """"data Center" where the document writes "Data Center", "Donald tusk" where it writes
        "Donald Tusk": one word of a two-word name in lower case."""
        v = self.vocab
        for toks in v.blocks.values():
            for a, b in zip(toks, toks[1:]):
                if self.text[a.end:b.start] != " " or (a.key, b.key) not in v.pairs or self._is_covered(a.start, b.end):
                    continue  # only a pair the document also writes capitalised can be reported here
                if a.shape == "lower" and b.shape != "lower":
                    low = a
                    if a.key in _FUNCTION_WORDS or b.base == "I":
                        continue
                    if _starts_own_name(self.text, toks, b) and self._triple_written(toks, a) < 1:
                        continue  # "to storm Area 51": the capital belongs to the next name
                elif a.shape != "lower" and b.shape == "lower" and a.context == "prose" and not a.initial:
                    # "Donald tusk" beside "Donald Tusk": only for a name-like word; "Democratic
                    # party" beside "Democratic Party" or "Iodine deficiency" beside "Iodine
                    # Deficiency" are house styles and title case, not slips (even "Leulumoega
                    # District hospital" beside three "Leulumoega District Hospital"). Personal
                    # names ("Doris day's"), universities and colleges have no such styles.
                    low = b
                    if not (name_like(b.key) or b.key in _ALWAYS_CAPITALISED_HEADS
                            or (a.key in lexicon.given_names() and a.text == a.base)
                            or self._dominant_pair(a, b) or self._surname_pair(a, b)):
                        continue
                else:
                    continue
                seen = v.pairs.get((a.key, b.key))
                if not seen:
                    continue
                plain = Counter({k: c for k, c in seen.items() if not k.startswith("~")})
                if self._mentioned_or_foreign(low) and not (low is a and sum(plain.values()) >= 2):
                    continue  # "called geofences" mentions a word; "called flyboard Air" beside two "Flyboard Air" names
                if not plain and word_tier(low.key) == "C":
                    continue  # attested only in title-case headings: "AI Infrastructure"
                spelled, count = (plain or Counter({k[1:]: c for k, c in seen.items()})).most_common(1)[0]
                fixed = spelled.split(" ", 1)[0 if low is a else 1]
                end = b.start + len(b.base)
                self._add(Hit(
                    "CAS003", a.start, end,
                    f"'{self.text[a.start:end]}' mixes cases; this document writes '{spelled}'",
                    None, True, {"evidence": "document", "expected": spelled, "count": count,
                                 "replace": [low.start, low.start + len(low.base), fixed]},
                ))

    def _dominant_pair(self, a: Token, b: Token) -> bool:
        """True when the document writes "A B" capitalised in prose at least DOMINANT_PAIR times
        and this "A b" is its only other spelling ("Space center" beside five "Space Center");
        a house style shows in more than one lower-case use or in fewer capitalised ones, unless
        English itself often capitalises "b" (``PAIR_LEAN``) and the document never otherwise
        writes it in lower case."""
        seen = self.vocab.pairs.get((a.key, b.key))
        if not seen or a.text != a.base:
            return False
        plain = sum(c for k, c in seen.items() if not k.startswith("~"))
        if self._name_windows()[0][(a.base, b.base)] != 1:
            return False
        if plain >= DOMINANT_PAIR:
            return True
        # Written so once or more, when English capitalises the word often ("Seal island" beside
        # "Seal Island": "Island" -0.2; not "District hospital", "Hospital" -1.3) and the document
        # has it nowhere else in lower case; not after a demonym ("European union", "Greek foreign").
        lean = cased.capital_lean(b.key)
        return (plain >= 1 and lean is not None and lean >= PAIR_LEAN and self.vocab.lower_count[b.key] == 1
                and self.gaz.kinds.get(a.key) != "demonym")

    def _surname_pair(self, a: Token, b: Token) -> bool:
        """True when "b" is a surname in docqa's lists that the document writes capitalised after
        "A" at least twice in prose and nowhere else in lower case ("Doris day's" beside three
        "Doris Day": "Doris" may be a given name docqa does not know)."""
        if b.key not in lexicon.personal_names() or self.vocab.lower_count[b.key] != 1 or a.text != a.base:
            return False
        seen = self.vocab.pairs.get((a.key, b.key)) or Counter()
        return sum(c for k, c in seen.items() if not k.startswith("~")) >= SURNAME_PAIR_USES

    def _name_windows(self) -> tuple[Counter, dict[tuple[str, str, str], list[tuple[Token, Token, Token]]], dict[str, list[str]]]:
        """Built once per document, on first use, in one pass over the words: how often each
        "Capitalised lower" pair is written ("Space center"), and the three-word windows whose
        last two words are capitalised ("native American Rights", "Native American Rights"),
        keyed by their lower-case words, and for each word capitalised mid-sentence after another
        capitalised word, those words ("Fath" and "Newark" for "Airport")."""
        if self._windows is None:
            text = self.text
            mixed: Counter = Counter()
            triples: dict[tuple[str, str, str], list[tuple[Token, Token, Token]]] = defaultdict(list)
            before_caps: dict[str, list[str]] = defaultdict(list)
            for toks in self.vocab.blocks.values():
                for k in range(len(toks) - 1):
                    x, y = toks[k], toks[k + 1]
                    if text[x.end:y.start] != " ":
                        continue
                    if x.shape != "lower" and y.shape == "lower":
                        mixed[(x.base, y.base)] += 1
                    if x.shape != "lower" and y.shape == "title" and not x.initial:
                        before_caps[y.key].append(x.key)
                    if y.shape != "lower" and k + 2 < len(toks):
                        z = toks[k + 2]
                        if z.shape != "lower" and text[y.end:z.start] == " ":
                            triples[(x.key, y.key, z.key)].append((x, y, z))
            self._windows = (mixed, triples, before_caps)
        return self._windows

    def _triple_written(self, toks: list[Token], low: Token) -> int:
        """How often the document writes capitalised, mid-sentence, the three-word name made of
        ``low`` and the two capitalised words after it ("Native American Rights" for "native
        American Rights"), when this lower-case use is its only other spelling."""
        i = toks.index(low)
        span = toks[i:i + 3]
        if len(span) != 3:
            return 0
        windows = self._name_windows()[1].get((span[0].key, span[1].key, span[2].key), [])
        bases = [x.base for x in span]
        if sum(1 for w in windows if [x.base for x in w] == bases) != 1:
            return 0
        # mid-sentence, and not in a title-case line ("Operators for Testing Geographic Information Systems")
        return sum(1 for w in windows if w[0].shape == "title" and not w[0].initial
                   and w[0].context in ("prose", "cell") and not self._title_case_block(w[0].block))

    def _title_case_block(self, block: int) -> bool:
        node = self.doc.nodes[block]
        return _is_title_case(self.text[node.start:node.end])

    def institution_names(self) -> None:
        """"Institute of marine and Coastal Sciences": a lower-case word inside a name."""
        for toks in self.vocab.blocks.values():
            if not toks:
                continue
            s, e = toks[0].start, toks[-1].end
            for m in [*_INSTITUTION_RE.finditer(self.text, s, e), *_INSTITUTION_OF_RE.finditer(self.text, s, e)]:
                if self._is_covered(m.start(), m.end()) or self.doc.is_ignored(m.start(), m.end()):
                    continue
                tail = m.lastindex or 0
                words = self.text[m.start(2):m.start(tail)].split(" ")
                if any(w and w[0].isupper() for w in words) or m.group(2) in _FUNCTION_WORDS:
                    continue
                fixed_mid = " ".join(
                    w if (w in _FUNCTION_WORDS and w not in ("i",)) or not w else w[0].upper() + w[1:]
                    for w in words
                )
                span_text = self.text[m.start():m.end()]
                fixed = self.text[m.start():m.start(2)] + fixed_mid + self.text[m.start(tail):m.end()]
                self._add(Hit(
                    "CAS003", m.start(), m.end(),
                    f"'{span_text}' is a name with a lower-case word inside; expected '{fixed}'",
                    fixed, False, {"evidence": "name pattern", "expected": fixed},
                ))

    def family_names(self) -> None:
        """"song Kang-ho": a lower-case family name directly before a capitalised given name."""
        names = lexicon.surnames()
        for toks in self.vocab.blocks.values():
            for a, b in zip(toks, toks[1:]):
                if a.shape != "lower" or a.key not in names or self.text[a.end:b.start] != " ":
                    continue
                if b.shape not in ("title", "mixed") or b.initial or self._is_covered(a.start, b.end):
                    continue
                if _HYPHENATED_GIVEN_NAME_RE.fullmatch(b.base):
                    if lexicon.english().in_list(b.key):
                        continue  # "Jean-luc" style compounds of English words are not given names
                elif word_tier(b.key) != "A" or word_tier(a.key) == "C":
                    continue
                fixed = a.text[0].upper() + a.text[1:]
                end = b.start + len(b.base)
                self._add(Hit(
                    "CAS003", a.start, end,
                    f"family name '{a.text}' before the given name '{b.base}' should be capitalised: "
                    f"'{fixed} {b.base}'",
                    None, False, {"evidence": "name order", "expected": f"{fixed} {b.base}",
                                  "replace": [a.start, a.end, fixed]},
                ))

    def personal_names(self) -> None:
        """"adam Schiff", "Nicole towarek": one half of a personal name in lower case."""
        eng = lexicon.english()
        for toks in self.vocab.blocks.values():
            for k, (a, b) in enumerate(zip(toks, toks[1:])):
                if self.text[a.end:b.start] != " " or self._is_covered(a.start, b.end):
                    continue
                if a.shape == "lower" and b.shape == "title" and not b.initial:
                    low, cap = a, b
                elif a.shape == "title" and b.shape == "lower" and a.context == "prose" and (
                        not a.initial or a.key in lexicon.given_names()):
                    low, cap = b, a
                else:
                    continue
                if low.key in _FUNCTION_WORDS or low.key in self.accepted:
                    continue
                given, people = lexicon.given_names(), lexicon.personal_names()
                if word_tier(low.key) == "C" and not (
                        low is b and cap.key in given and self.vocab.lower_count[low.key] == 1
                        and (low.key not in lexicon.TITLE_WORDS or low.key in _COMPASS)  # not "the Johnson government"
                        and sum((self.vocab.bare.get(low.key) or Counter()).values()) >= BARE_SURNAME_USES):
                    continue  # an ordinary word, unless the document writes it alone as a name ("Douglass north" beside two "North")
                # The lower-case half is capitalised elsewhere in this document: strong evidence.
                elsewhere = bool(self.vocab.loose.get(low.key))
                if low is a:
                    # "adam Schiff": a given name in lower case before a capitalised surname;
                    # "usman Khan": an unknown word before a known surname.
                    surname = cap.key in people or name_like(cap.key, 1.5)
                    given_low = low.key in given and lexicon.english().name_score(low.key) >= 0.8  # not "grant"
                    if not given_low and word_tier(low.key) == "B":
                        # "carly Simon", "orson Welles": English writes the word capitalised far more
                        # often than not (spaCy's cased table), though docqa's lists lack it
                        lean = cased.capital_lean(low.key)
                        given_low = lean is not None and lean >= LONE_LEAN
                    if not given_low and low.key in given and word_tier(cap.key) == "A" and cap.key.isalpha():
                        # "rod Blagojevich": before a surname that is no English word, a given name
                        # English writes in lower case more often ("rod" 0.5) is enough, unless it
                        # is a very common word ("will")
                        given_low = (eng.name_score(low.key) >= GIVEN_BEFORE_FOREIGN_SCORE
                                     and eng.zipf(low.key) < GIVEN_BEFORE_FOREIGN_MAX_ZIPF)
                    ok = surname and (given_low or (word_tier(low.key) == "A" and cap.key in people))
                else:
                    # "Nicole towarek": a surname in lower case after a capitalised given name;
                    # "Pope francis": a given name in lower case after a title.
                    ok = cap.key in given and (
                        word_tier(low.key) == "A" or low.key in people or name_like(low.key, 1.5) or elsewhere
                        or (cap.text == cap.base and _rare_surname_like(low, eng))
                    ) or (cap.key in _PERSON_TITLES and low.key in given
                          and lexicon.english().name_score(low.key) >= 0.8)
                    if not ok and k and cap.shape == "title" and cap.text == cap.base and not cap.initial:
                        # "Franklin Delano roosevelt": a surname after a given and a middle name
                        first = toks[k - 1]
                        ok = (first.key in given and first.shape == "title" and self.text[first.end:cap.start] == " "
                              and (word_tier(low.key) == "A" or low.key in people or name_like(low.key, 1.5)))
                if not ok:
                    continue
                fixed = _capitalised(low.base)
                both = f"{a.base if a is cap else fixed} {b.base if b is cap else fixed}"
                self._add_capitalised(
                    low, a.start, b.start + len(b.base),
                    f"'{low.base}' is part of the personal name '{both}' and is capitalised",
                    evidence="personal name", expected=both,
                )

    def name_neighbours(self) -> None:
        """"Recep tayyip Erdoğan", "Cape canaveral", "maxime Bernier": a word that is no English
        word but is attested in wordfreq's corpora (so a name, not a slip), in lower case beside a
        capitalised word of the same name."""
        eng = lexicon.english()
        gaz = self.gaz
        for toks in self.vocab.blocks.values():
            for k, low in enumerate(toks):
                if low.shape != "lower" or len(low.key) < 3 or low.key in _FUNCTION_WORDS or low.key in self.accepted:
                    continue
                if low.context != "prose" or self._is_covered(low.start, low.end):
                    continue
                prev = toks[k - 1] if k else None
                nxt = toks[k + 1] if k + 1 < len(toks) else None
                left = (prev is not None and prev.shape in ("title", "mixed") and self.text[prev.end:low.start] == " "
                        and (not prev.initial or prev.key in lexicon.given_names())
                        and prev.key not in _FUNCTION_WORDS and gaz.kinds.get(prev.key) != "demonym"
                        and not (prev.key.endswith(("an", "ese", "ish")) and prev.key not in lexicon.personal_names()))
                right = (nxt is not None and nxt.shape == "title" and self.text[low.end:nxt.start] == " "
                         and nxt.key not in _FUNCTION_WORDS and nxt.key not in _CALENDAR and nxt.base != "I"
                         and nxt.key not in gaz.names)
                if not (left or right):
                    continue
                min_zipf = NEIGHBOUR_MIN_ZIPF if left else NEIGHBOUR_MIN_ZIPF_RIGHT
                if not left and word_tier(nxt.key) == "A" and nxt.key.isalpha():
                    min_zipf = NEIGHBOUR_MIN_ZIPF  # before another name that is no English word: "kazimir Malevich"
                if not _name_evidence(low.key, eng, min_zipf):
                    continue
                if self.vocab.lower_count[low.key] > 1 and not (self.vocab.loose.get(low.key) or self.vocab.evidence.get(low.key)):
                    continue  # "Y-Chromosomal haplogroup" beside two more "haplogroup": the document's own word
                if left and prev.key not in lexicon.given_names() and low.key.endswith(_LATIN_ENDINGS):
                    continue  # "Ficus carica": a species name keeps its epithet in lower case
                strangers = [o for o in toks[max(0, k - 4):k + 5] if o is not low and o.shape == "lower"
                             and len(o.key) > 2 and o.key.isalpha() and o.key not in eng.known and eng.zipf(o.key) < 3.0]
                if strangers:
                    continue  # "Ut enim ad minim veniam": a phrase of another language
                cap = prev if left else nxt
                fixed = _capitalised(low.base)
                a, b = (cap, low) if left else (low, cap)
                both = f"{a.base if a is cap else fixed} {b.base if b is cap else fixed}"
                self._add_capitalised(
                    low, a.start, b.start + len(b.base),
                    f"'{low.base}' is no English word but a name in wordfreq's corpora, beside "
                    f"'{cap.base}': '{both}'?",
                    evidence="name neighbour", expected=both,
                )

    def name_nouns(self) -> None:
        """"World war II", "University of east Anglia": a name noun in lower case between two
        capitalised words of the same name."""
        for toks in self.vocab.blocks.values():
            for k in range(1, len(toks) - 1):
                low = toks[k]
                if low.shape != "lower" or not (low.key in _NAME_NOUNS or low.key in _COMPASS):
                    continue
                if low.key in _FUNCTION_WORDS or self._is_covered(low.start, low.end):
                    continue
                nxt = toks[k + 1]
                prev = toks[k - 1]
                between = self.text[prev.end:low.start]
                if between == " of " and k >= 2:
                    prev = toks[k - 2] if self.text[toks[k - 2].end:toks[k - 1].start] == " " else prev
                    between = " " if prev is not toks[k - 1] else between
                if between != " " and between != " of ":
                    continue
                if low.key in _COMPASS and between != " of ":
                    continue  # "north London" is a common style; "University of east Anglia" is not
                if self.text[low.end:nxt.start] != " " or prev.shape == "lower" or prev.initial:
                    continue
                if nxt.shape not in ("title", "upper") or nxt.key in _CALENDAR or nxt.base == "I":
                    continue
                if nxt.key in lexicon.given_names():
                    continue  # "the Florida company Ridgeback": a noun before another name
                if prev.key in _FUNCTION_WORDS or nxt.key in _FUNCTION_WORDS:
                    continue
                if any(t.key == low.key and t.shape == "title" for t in toks[k + 2:k + 6]):
                    continue  # "the Hindu-nationalist party Bharatiya Janata Party": the noun, then the name
                self._add_word_in_name(low, prev, nxt, "name pattern")

    def _add_word_in_name(self, low: Token, first: Token, last: Token, evidence: str) -> None:
        """Report ``low``, in lower case between ``first`` and ``last`` of one name (CAS003)."""
        start, end = first.start, last.start + len(last.base)
        self._add_capitalised(
            low, start, end,
            f"'{low.base}' is part of the name '{self.text[start:low.start]}{_capitalised(low.base)}"
            f"{self.text[low.start + len(low.base):end]}' and is capitalised",
            evidence=evidence,
        )

    def _add_capitalised(self, low: Token, start: int, end: int, message: str, **data: object) -> None:
        """A CAS003 hit over ``start:end`` whose (unsafe) fix capitalises the word ``low``."""
        replace = [low.start, low.start + len(low.base), _capitalised(low.base)]
        self._add(Hit("CAS003", start, end, message, None, False, {**data, "replace": replace}))

    def lowercase_heads(self) -> None:
        """"the university of Birmingham", "the center for Food Safety": the head noun of an
        institution's name in lower case before "of", "for" or "on" and the capitalised rest."""
        for toks in self.vocab.blocks.values():
            for k in range(1, len(toks) - 2):
                head, link, cap = toks[k], toks[k + 1], toks[k + 2]
                if head.shape != "lower" or head.key not in _LOWER_HEADS or link.key not in _HEAD_LINKS.get(head.key, ()):
                    continue
                if self.text[head.end:link.start] != " " or self.text[link.end:cap.start] != " ":
                    continue
                if cap.shape not in ("title", "upper") or cap.key in _FUNCTION_WORDS or cap.key in _CALENDAR_WORDS:
                    continue
                if self.gaz.kinds.get(cap.key) == "demonym" or self._is_covered(head.start, cap.end):
                    continue  # "the museum of Egyptian antiquities" describes; it does not name
                prev = toks[k - 1]
                if self.text[prev.end:head.start] != " " or not (
                        prev.key == "the" or prev.text != prev.base or (prev.shape == "title" and not prev.initial)):
                    continue  # "a university of Chicago student" describes; "the university of ..." names
                end = cap.start + len(cap.base)
                self._add_capitalised(
                    head, head.start, end,
                    f"'{head.base}' heads the name '{_capitalised(head.base)}{self.text[head.start + len(head.base):end]}' "
                    "and is capitalised",
                    evidence="name head",
                )

    def head_sandwiches(self) -> None:
        """"Royal veterinary College", "West palm Beach": a lower-case word between a capitalised
        word and the capitalised head noun that ends a name ("College", "Beach", "University")."""
        for toks in self.vocab.blocks.values():
            for k in range(1, len(toks) - 1):
                prev, low, nxt = toks[k - 1], toks[k], toks[k + 1]
                if low.shape != "lower" or nxt.shape != "title" or nxt.key not in _END_HEADS:
                    continue
                if prev.shape not in ("title", "upper", "mixed") or prev.initial or prev.text != prev.base:
                    continue
                if self.text[prev.end:low.start] != " " or self.text[low.end:nxt.start] != " ":
                    continue
                if (low.key in _FUNCTION_WORDS or low.key in self.accepted or not low.key.isalpha()
                        or low.key.endswith(("ed", "ing")) or low.key in _VERBS_BEFORE_NAMES):
                    continue  # "Trump visited University Hospital", "Biden told Congress"
                if prev.key in _FUNCTION_WORDS or self._is_covered(prev.start, nxt.end):
                    continue
                self._add_word_in_name(low, prev, nxt, "name head")

    def name_openers(self) -> None:
        """"the national Park", "the presidential Medal of Freedom", "a world War II-era bomber": an
        adjective that opens names ("national", "presidential", "world": docqa's title words that
        WordNet lists as adjectives and English often capitalises; "royal", which English
        capitalises about as often as not) in lower case before a common
        noun that is capitalised mid-sentence, so only as a word of the name the adjective opens.
        The adjective must be the document's only lower-case use of it ("the national team" twice
        is a house style), and the noun no body it describes ("the federal Government")."""
        v = self.vocab
        for toks in v.blocks.values():
            for k in range(len(toks) - 1):
                low, nxt = toks[k], toks[k + 1]
                if low.shape != "lower" or low.context != "prose" or nxt.shape != "title" or nxt.initial:
                    continue
                if v.lower_count[low.key] != 1 or low.key in self.accepted or self.text[low.end:nxt.start] != " ":
                    continue
                if low.key in _COMPASS or low.key in _PARTY_ADJECTIVES or low.key in _FUNCTION_WORDS:
                    continue
                low_lean = cased.capital_lean(low.key)
                if low_lean is None or low_lean < (OPENER_LEAN if low.key in lexicon.TITLE_WORDS else OPENER_LEAN_OTHER):
                    continue  # "national", "world"; any other adjective only when English capitalises it often ("royal")
                prev = toks[k - 1] if k else None
                if (prev is not None and prev.shape != "lower" and self.text[prev.end:low.start] == " "
                        and prev.text == prev.base):
                    continue  # inside a run of capitalised words (other checks weigh it), but not after "London's"
                if nxt.key in _PERSON_TITLES or nxt.key in _CALENDAR_WORDS or nxt.key in _DESCRIBED_BODIES:
                    continue
                next_lean = cased.capital_lean(nxt.key)
                if next_lean is None or next_lean >= COMMON_NOUN_LEAN:
                    continue
                noun = nxt.key[:-1] if nxt.key.endswith("s") and not cased.parts_of_speech(nxt.key) else nxt.key  # "Wars"
                if "adj" not in cased.parts_of_speech(low.key) or "noun" not in cased.parts_of_speech(noun):
                    continue
                if self._is_covered(low.start, nxt.end):
                    continue
                self._add_capitalised(
                    low, low.start, nxt.start + len(nxt.base),
                    f"'{low.base} {nxt.base}': '{nxt.base}' is capitalised as a word of a name that "
                    f"'{low.base}' opens; '{_capitalised(low.base)} {nxt.base}'?",
                    evidence="name opener",
                )

    def shared_heads(self) -> None:
        """"Westchester County airport" where the document writes "Fath Airport" and "Newark
        Airport": a name noun in lower case at the end of a run of capitalised words, when the
        document capitalises it mid-sentence at least twice, after at least two different words
        and never after this one, and never otherwise writes it in lower case. The same name
        written both ways ("District Hospital", "District hospital") is a house style left alone."""
        v = self.vocab
        for toks in v.blocks.values():
            for k in range(1, len(toks)):
                prev, low = toks[k - 1], toks[k]
                if low.shape != "lower" or low.context != "prose" or not (low.key in _NAME_NOUNS or low.key in _END_HEADS):
                    continue
                if prev.shape not in ("title", "upper") or prev.initial or prev.key in _FUNCTION_WORDS:
                    continue
                if self.text[prev.end:low.start] != " " or v.lower_count[low.key] != 1:
                    continue
                if self._run_goes_on(toks, k):
                    continue  # the run goes on: other checks weigh it
                if self.gaz.kinds.get(prev.key) == "demonym" or self._is_covered(prev.start, low.end):
                    continue
                if sum((v.evidence.get(low.key) or Counter()).values()) < 2:
                    continue
                before = set(self._name_windows()[2].get(low.key, ()))
                if len(before) < 2 or prev.key in before:
                    continue
                fixed = _capitalised(low.base)
                self._add_capitalised(
                    low, prev.start, low.start + len(low.base),
                    f"'{low.base}' ends the name '{prev.base} {fixed}'? This document writes '{fixed}' "
                    f"in {len(before)} other names",
                    evidence="shared head",
                )

    def words_before_heads(self) -> None:
        """"the leiden University Libraries": a word in lower case directly before a capitalised
        head noun that ends names ("University", "Stadium", "Museum"), when English mostly
        capitalises the word (``ATTESTED_LEAN``) or it is no English word at all, and the document
        has it nowhere else in lower case."""
        v = self.vocab
        for toks in v.blocks.values():
            for k in range(len(toks) - 1):
                low, nxt = toks[k], toks[k + 1]
                if low.shape != "lower" or nxt.shape != "title" or nxt.key not in _END_HEADS:
                    continue
                if low.context != "prose" or nxt.initial or self.text[low.end:nxt.start] != " ":
                    continue
                if v.lower_count[low.key] != 1 or low.key in _FUNCTION_WORDS or low.key in self.accepted:
                    continue
                if not low.key.isalpha() or len(low.key) < 4:
                    continue
                lean = cased.capital_lean(low.key)
                if not ((word_tier(low.key) == "A" and not _inflected(low.key)) or (lean is not None and lean >= ATTESTED_LEAN)):
                    continue
                if self._is_covered(low.start, nxt.end) or self._mentioned_or_foreign(low):
                    continue
                fixed = _capitalised(low.base)
                self._add_capitalised(
                    low, low.start, nxt.start + len(nxt.base),
                    f"'{low.base}' opens the name '{fixed} {nxt.base}'? English mostly writes '{fixed}'",
                    evidence="name head", expected=f"{fixed} {nxt.base}",
                )

    def names_in_lists(self) -> None:
        """"Ansel Adams, chuck Close, Walker Evans": a given name in lower case before a capitalised
        word, between two items of a comma list that are "Given Surname" names themselves."""
        v, text = self.vocab, self.text
        given = lexicon.given_names()
        for toks in v.blocks.values():

            def person_at(i: int) -> bool:
                return (0 <= i < len(toks) - 1 and toks[i].shape == "title" and toks[i + 1].shape == "title"
                        and text[toks[i].end:toks[i + 1].start] == " " and toks[i].key in given)

            for k in range(2, len(toks) - 3):
                low, cap = toks[k], toks[k + 1]
                if low.shape != "lower" or low.key not in given or cap.shape != "title":
                    continue
                if text[low.end:cap.start] != " " or v.lower_count[low.key] != 1 or low.key in self.accepted:
                    continue
                if text[toks[k - 1].end:low.start] != ", " or text[cap.end:toks[k + 2].start] != ", ":
                    continue
                if not (person_at(k - 2) and person_at(k + 2)) or self._is_covered(low.start, cap.end):
                    continue
                fixed = _capitalised(low.base)
                self._add_capitalised(
                    low, low.start, cap.start + len(cap.base),
                    f"'{low.base} {cap.base}' stands in a list of personal names: '{fixed} {cap.base}'?",
                    evidence="personal name", expected=f"{fixed} {cap.base}",
                )

    def named_universities(self) -> None:
        """"Howard university": "university", "college", "institute" or "academy" in lower case
        after a capitalised word that is a personal name in docqa's lists (not a place, whose
        "a London university" describes), ending the name."""
        v = self.vocab
        people = lexicon.personal_names()
        for toks in v.blocks.values():
            for k in range(1, len(toks)):
                prev, low = toks[k - 1], toks[k]
                if low.shape != "lower" or low.key not in _ALWAYS_CAPITALISED_HEADS or prev.shape != "title":
                    continue
                if prev.initial or prev.text != prev.base or prev.key not in people or self.text[prev.end:low.start] != " ":
                    continue
                if prev.key in self.gaz.names or self.gaz.kinds.get(prev.key) == "demonym" or v.lower_count[low.key] != 1:
                    continue
                if self._run_goes_on(toks, k):
                    continue
                if self._is_covered(prev.start, low.end):
                    continue
                fixed = _capitalised(low.base)
                self._add_capitalised(
                    low, prev.start, low.start + len(low.base),
                    f"'{prev.base} {low.base}' names a {low.base}: '{prev.base} {fixed}'",
                    evidence="name head", expected=f"{prev.base} {fixed}",
                )

    def written_alone_elsewhere(self) -> None:
        """"a member of the democratic Party" beside two "Democratic" alone: a word the document
        writes capitalised on its own mid-sentence at least ``ALONE_USES`` times and never otherwise
        in lower case, in lower case directly beside a capitalised word (so inside a name). A title
        word only before the capitalised word: "the Government" twice beside "the Johnson
        government" is a house style."""
        v = self.vocab
        for toks in v.blocks.values():
            for k, low in enumerate(toks):
                if low.shape != "lower" or low.context != "prose" or v.lower_count[low.key] != 1:
                    continue
                if sum((v.bare.get(low.key) or Counter()).values()) < ALONE_USES:
                    continue
                if low.key in _FUNCTION_WORDS or low.key in self.accepted or not low.key.isalpha() or len(low.key) < 3:
                    continue
                if low.key in _CALENDAR_WORDS or self._is_covered(low.start, low.end):
                    continue
                prev = toks[k - 1] if k else None
                nxt = toks[k + 1] if k + 1 < len(toks) else None
                left = (prev is not None and prev.shape in ("title", "upper") and not prev.initial
                        and prev.key not in _FUNCTION_WORDS and self.text[prev.end:low.start] == " "
                        and low.key not in lexicon.TITLE_WORDS)
                right = (nxt is not None and nxt.shape == "title" and not nxt.initial and nxt.key not in _FUNCTION_WORDS
                         and nxt.key not in _CALENDAR_WORDS and self.text[low.end:nxt.start] == " ")
                if not (left or right) or self._mentioned_or_foreign(low):
                    continue
                cap = prev if left else nxt
                a, b = (cap, low) if left else (low, cap)
                form = (v.bare.get(low.key) or Counter()).most_common(1)[0][0]
                self._add_capitalised(
                    low, a.start, b.start + len(b.base),
                    f"'{low.base}' beside '{cap.base}' reads as a name: this document writes '{form}' alone "
                    f"{sum(v.bare[low.key].values())} times and never otherwise in lower case",
                    evidence="document", expected=form,
                )

    def adjective_heads(self) -> None:
        """"the Scottish National party", "the Second World war": a name noun ("party", "war",
        "airport") in lower case after a capitalised adjective that English mostly writes in lower
        case (``cased.capital_lean`` from -1.0 to ADJECTIVE_HEAD_LEAN: "national", "international",
        "world"), which is capitalised only as a word of the name the noun ends. Not after
        nationalities and party adjectives ("the Democratic party" is a house style), and only
        the document's one lower-case use of the noun."""
        for toks in self.vocab.blocks.values():
            for k in range(1, len(toks)):
                prev, low = toks[k - 1], toks[k]
                if low.shape != "lower" or low.key not in _NAME_NOUNS or low.context != "prose":
                    continue
                if prev.shape != "title" or prev.initial or prev.text != prev.base or self.text[prev.end:low.start] != " ":
                    continue
                if self._run_goes_on(toks, k):
                    continue  # the name goes on: other checks weigh it
                if self.vocab.lower_count[low.key] != 1 or low.key in self.accepted:
                    continue
                if prev.key in _COMPASS or prev.key in _PARTY_ADJECTIVES or self.gaz.kinds.get(prev.key) == "demonym":
                    continue
                lean = cased.capital_lean(prev.key)
                if lean is None or not OPENER_LEAN <= lean < ADJECTIVE_HEAD_LEAN or "adj" not in cased.parts_of_speech(prev.key):
                    continue
                if self._is_covered(prev.start, low.end):
                    continue
                fixed = _capitalised(low.base)
                self._add_capitalised(
                    low, prev.start, low.start + len(low.base),
                    f"'{prev.base} {low.base}': '{prev.base}' is capitalised only inside a name, which "
                    f"'{low.base}' ends: '{prev.base} {fixed}'?",
                    evidence="name pattern", expected=f"{prev.base} {fixed}",
                )

    def institution_heads(self) -> None:
        """"the National Transportation Safety board", "the Metro Toronto Convention centre": the
        head noun of an institution's name in lower case after at least INSTITUTION_RUN capitalised
        words that do not already end in a head ("Saint Francis Hospital department" is a
        department of a named hospital), when the document has the noun nowhere else in lower case."""
        v, text = self.vocab, self.text
        n = INSTITUTION_RUN
        for toks in v.blocks.values():
            for k in range(n, len(toks)):
                low = toks[k]
                if low.shape != "lower" or low.key not in _INSTITUTION_NOUNS or low.context != "prose":
                    continue
                if v.lower_count[low.key] != 1 or low.key in self.accepted:
                    continue
                run = toks[k - n:k]
                if any(c.shape not in ("title", "upper") or c.key in _FUNCTION_WORDS for c in run):
                    continue
                if any(text[x.end:y.start] != " " for x, y in zip(run, run[1:] + [low])):
                    continue
                last = run[-1]
                if last.initial or last.text != last.base or self.gaz.kinds.get(last.key) == "demonym":
                    continue
                if last.key in _INSTITUTION_NOUNS or last.key in _NAME_NOUNS or last.key in _END_HEADS:
                    continue
                if self._run_goes_on(toks, k):
                    continue
                if self._is_covered(run[0].start, low.end):
                    continue
                self._add_word_in_name(low, run[0], low, "name head")

    def acronym_expansions(self) -> None:
        """"the Organisation of Islamic cooperation (OIC)", "the automatic Identification System
        (AIS)": a name spelled out before its acronym in brackets, whose words' initials are the
        acronym's capitals in order (function words aside), with at least as many words capitalised
        mid-sentence as in lower case. All in lower case ("gross domestic product (GDP)") is a house
        style, and so is a name before a common noun phrase ("Java virtual machine (JVM)")."""
        text = self.text
        for m in _ACRONYM_RE.finditer(text):
            letters = [c for c in m.group(1) if c.isupper()]
            toks = self.vocab.blocks.get(self._block_at(m.start()))
            if not toks or not 2 <= len(letters) <= ACRONYM_MAX_LETTERS:
                continue
            k = bisect.bisect_left(toks, m.start(), key=lambda t: t.start) - 1
            words: list[Token] = []
            after = m.start()
            while k >= 0 and len(words) < len(letters):
                t = toks[k]
                if text[t.end:after].strip(" ,") or text[t.end:after].count(",") > 1:
                    break  # the name runs on words next to each other (a comma between two is allowed)
                if t.key not in _FUNCTION_WORDS or (t.shape != "lower" and t.key[0] == letters[-1 - len(words)].lower()):
                    words.append(t)
                after = t.start
                k -= 1
            words.reverse()
            if len(words) != len(letters) or any(w.base[:1].upper() != c for w, c in zip(words, letters)):
                continue
            lowered = [w for w in words if w.shape == "lower" and w.context == "prose" and w.key not in self.accepted]
            capitals = [w for w in words if w.shape in ("title", "upper") and not w.initial]
            if not lowered or not capitals or len(capitals) < len(lowered):
                continue
            start, end = words[0].start, words[-1].start + len(words[-1].base)
            for low in lowered:
                if self._is_covered(low.start, low.end):
                    continue  # already reported (a listed name may cover the rest: "United Nations")
                self._add_capitalised(
                    low, start, end,
                    f"'{text[start:end]}' is spelled out by its acronym {m.group(0)}, and its other words are "
                    f"capitalised: '{_capitalised(low.base)}'",
                    evidence="acronym", expected=_capitalised(low.base), acronym=m.group(1),
                )

    def compound_titles(self) -> None:
        """"Prime minister Boris Johnson", "the Foreign secretary", "British prime Minister": a
        two-word office title with one word capitalised and the other not. Either both words are
        capitalised (a formal title, "Prime Minister") or neither is (a description, "the prime
        minister"). At a sentence start the first word's capital proves nothing, so a finding there
        needs a name right after the title and the office capitalised mid-sentence elsewhere in the
        document ("Interior minister Joachim Brudziński" beside "Foreign Minister")."""
        text, v = self.text, self.vocab
        for toks in v.blocks.values():
            for i, (a, b) in enumerate(zip(toks, toks[1:])):
                if b.key not in _OFFICE_NOUNS or a.key.rsplit("-", 1)[-1] not in _OFFICE_MODIFIERS:
                    continue
                if text[a.end:b.start] != " " or a.context != "prose" or b.context != "prose" or b.text != b.base:
                    continue
                head = a.base.rsplit("-", 1)[-1]  # "Ex-Prime"
                if _shape(head) == "title" and b.shape == "lower" and (not a.initial or self._titled_name_after(toks, i + 1)):
                    low, fixed = b, f"{head} {_capitalised(b.base)}"
                elif _shape(head) == "lower" and b.shape == "title":
                    low, fixed = a, f"{_capitalised(head)} {b.base}"
                else:
                    continue
                start, end = a.end - len(head), b.start + len(b.base)
                if self._is_covered(start, end) or low.key in self.accepted:
                    continue
                self._add(Hit(
                    "CAS003", start, end,
                    f"'{text[start:end]}' mixes cases in one title: '{fixed}' (a formal title) or "
                    f"'{fixed.lower()}' (a description)",
                    None, False, {"evidence": "office title", "expected": fixed,
                                  "replace": [start, end, fixed]},
                ))

    def _titled_name_after(self, toks: list[Token], k: int) -> bool:
        """True when the office word ``toks[k]`` is followed by a capitalised name and the
        document capitalises that office word mid-sentence somewhere."""
        if k + 1 >= len(toks) or not self.vocab.evidence.get(toks[k].key):
            return False
        nxt = toks[k + 1]
        return (nxt.shape == "title" and nxt.key not in _FUNCTION_WORDS and nxt.key not in _CALENDAR_WORDS
                and self.text[toks[k].end:nxt.start] == " ")

    def _block_at(self, pos: int) -> int | None:
        """The index of the block whose first word is the last to start before ``pos`` (None
        before every block); the block starts are sorted once per document."""
        if self._token_blocks is None:
            self._token_blocks = sorted((toks[0].start, index) for index, toks in self.vocab.blocks.items() if toks)
        i = bisect.bisect_right(self._token_blocks, (pos, float("inf"))) - 1
        return self._token_blocks[i][1] if i >= 0 else None

    def lone_given_names(self) -> None:
        """"Stanislaus and christopher": one of docqa's given names that English mostly writes
        capitalised (``name_like``), in lower case with no capitalised use in the document (CAS001;
        with such a use, :meth:`single_words` has already weighed the document's evidence)."""
        v = self.vocab
        listed = lexicon.listed_given_names()
        for t in v.tokens:
            if t.shape != "lower" or t.context != "prose" or t.key not in listed or t.key in self.accepted:
                continue
            if word_tier(t.key) != "B" or not name_like(t.key) or v.evidence.get(t.key) or self._is_covered(t.start, t.end):
                continue
            if self._mentioned_or_foreign(t):
                continue
            end = t.start + len(t.base)
            form = _capitalised(t.base)
            self._add(Hit(
                "CAS001", t.start, end, f"'{t.base}' is a given name, mostly written capitalised: '{form}'",
                form, False, {"evidence": "given name", "expected": form},
            ))

    def place_prefixes(self) -> None:
        """"Cape canaveral", "Lake tahoe", "Mount kenya": a rare word in lower case after the
        generic word that opens a place name."""
        eng = lexicon.english()
        for toks in self.vocab.blocks.values():
            for k in range(1, len(toks)):
                prefix, low = toks[k - 1], toks[k]
                if prefix.key not in _PLACE_PREFIXES or prefix.shape != "title" or prefix.text != prefix.base:
                    continue
                if low.shape != "lower" or low.context != "prose" or self.text[prefix.end:low.start] != " ":
                    continue
                if (not low.key.isalpha() or low.key in _FUNCTION_WORDS or low.key in self.accepted
                        or low.key in lexicon.easy_words() or _inflected(low.key) or low.key in lexicon.TITLE_WORDS):
                    continue
                if not (word_tier(low.key) == "A" or name_like(low.key) or eng.zipf(low.key) < PLACE_NAME_MAX_ZIPF):
                    continue
                if self._is_covered(prefix.start, low.end) or self._mentioned_or_foreign(low):
                    continue
                fixed = _capitalised(low.base)
                self._add_capitalised(
                    low, prefix.start, low.start + len(low.base),
                    f"'{prefix.base} {low.base}' reads as a place name: '{prefix.base} {fixed}'?",
                    evidence="place name", expected=f"{prefix.base} {fixed}",
                )

    def citation_names(self) -> None:
        """"gibbons et al.", "(Li, Polat, scalzo, & Bavelier, 2010)", "Cruse and croft (2004)": an
        author's surname in lower case in a reference."""
        eng = lexicon.english()
        text = self.text
        for toks in self.vocab.blocks.values():
            for k, low in enumerate(toks):
                if low.shape != "lower" or text[low.end:low.end + 2] not in _CITATION_NEXT:
                    continue  # most words: a space and a letter other than "e" follow
                if low.context != "prose" or len(low.key) < 3 or not low.key.isalpha():
                    continue
                if low.key in _FUNCTION_WORDS or low.key in self.accepted or self._is_covered(low.start, low.end):
                    continue
                after = text[low.end:low.end + 12]
                prev = toks[k - 1] if k else None
                if prev is not None and prev.key == "and" and k > 1:
                    prev = toks[k - 2]  # "Cruse and croft (2004)"
                why = None
                if re.match(r" et al\b", after):
                    why = "before 'et al.'"
                elif _CITATION_YEAR_RE.match(after) or _CITATION_LIST_RE.match(after):
                    before = text[max(0, low.start - 8):low.start]
                    author_before = prev is not None and prev.shape == "title" and (
                        re.fullmatch(r",? (?:and|&) ", text[prev.end:low.start]) or text[prev.end:low.start] == ", ")
                    opens = re.search(r"(?:\(|\(e\.g\., |\(see |\(cf\. )$", before) is not None
                    if not (author_before or opens):
                        continue
                    if _CITATION_LIST_RE.match(after) and not _YEAR_AHEAD_RE.match(text, low.end):
                        continue  # a list of names, but no year closes it: not a reference
                    name = word_tier(low.key) == "A" or name_like(low.key) or _rare_surname_like(low, eng)
                    if not name:
                        continue
                    why = "in a reference"
                if why is None:
                    continue
                self._add_capitalised(
                    low, low.start, low.start + len(low.base),
                    f"'{low.base}' reads as an author's surname {why}; '{_capitalised(low.base)}'?",
                    evidence="citation",
                )

    def general_casing(self) -> None:
        """"at carnegie Hall", "the polish market" beside eight "Polish": a word that English writes
        mostly capitalised (spaCy's cased word probabilities, ``cased.capital_lean``), in lower
        case once in a document; the less English leans to the capital, the more capitalised
        uses the document itself must show (CAS001)."""
        v = self.vocab
        eng = lexicon.english()
        for t in v.tokens:
            if t.shape != "lower" or t.context != "prose" or len(t.key) < 3 or not t.key.isalpha():
                continue
            if t.key in _FUNCTION_WORDS or t.key in self.accepted or v.lower_count[t.key] != 1:
                continue
            if t.key in _CALENDAR_WORDS:
                continue  # months and days have their own check; "may", "march", "august" are also words
            lean = cased.capital_lean(t.key)
            if lean is None or lean < DOCUMENT_LEAN or self._is_covered(t.start, t.end):
                continue
            if t.key in _CONNECTIVES or _derived_adverb(t.key, eng):
                continue  # "it additionally normalizes": sentence-opening adverbs lean to the capital
            seen = v.evidence.get(t.key) or Counter()
            count = sum(seen.values())
            bare = sum((v.bare.get(t.key) or Counter()).values())
            if (lean >= LONE_LEAN and eng.name_score(t.key) >= LONE_NAME_SCORE and word_tier(t.key) != "C"
                    and t.key not in self.gaz.ambiguous):
                # "carnegie", "lucille": mostly capitalised in both tables; not "china" or "august"
                why = "general"
            elif count >= 1 and lean >= ATTESTED_LEAN:
                why = "attested"  # "catholic" beside "Catholic"
            elif (count >= DOMINANT_USES and bare >= 2 and t.key not in lexicon.TITLE_WORDS
                  and not t.key.endswith(_DISCIPLINE_ENDINGS)):
                why = "dominant"  # "the polish market" beside eight "Polish"
            else:
                continue
            if self._mentioned_or_foreign(t):
                continue
            form = seen.most_common(1)[0][0] if seen else _capitalised(t.base)
            if form.lower() != t.base.lower() or form == t.base:
                continue
            ratio, cap = 10 ** lean, _capitalised(t.base)
            if ratio >= 1.5:
                general = f"English writes '{cap}' {ratio:.0f} times as often as '{t.base}'"
            elif ratio >= 0.67:
                general = f"English writes '{cap}' about as often as '{t.base}'"
            else:
                general = f"English writes '{cap}' once for every {1 / ratio:.0f} '{t.base}'"
            where = f"this document writes '{form}' {count} time{'s' if count != 1 else ''} and never otherwise in lower case; " if count else ""
            self._add(Hit(
                "CAS001", t.start, t.start + len(t.base),
                f"'{t.base}' is probably the name '{form}': {where}{general} (spaCy's cased word probabilities)",
                form, False,
                {"evidence": "cased frequency", "basis": why, "expected": form, "count": count, "lean": round(lean, 2)},
            ))

    # ------------------------------------------------------------------ CAS004
    def stray_capitals(self) -> None:
        """"OlafssonS", "SOuth": a capital where none belongs (CAS004)."""
        v = self.vocab
        eng = lexicon.english()
        for t in v.tokens:
            if t.shape != "mixed" or t.base in self.brands or t.text in self.brands:
                continue
            if self._is_covered(t.start, t.end):
                continue
            parts = t.base.split("-")
            for k, part in enumerate(parts):
                suggestion, why = _stray_capital(part, eng, v)
                if suggestion is None:
                    continue
                fixed = "-".join(parts[:k] + [suggestion] + parts[k + 1:])
                stem = "-".join(parts[:k] + [part[:-1]])
                seen = (v.loose.get(stem.lower()) or Counter())[stem]
                if why == "trailing" and part[-1] == "S" and k == len(parts) - 1 and seen:
                    # "OlafssonS cabinet" where "Olafsson" is a name here: a lost apostrophe.
                    fixed = stem + "’s"
                    message = (
                        f"stray capital at the end of '{t.base}': the document writes '{stem}' "
                        f"{seen} time{'s' if seen != 1 else ''}; a possessive '{fixed}'?"
                    )
                else:
                    message = f"stray capital inside '{t.base}'; expected '{fixed}'"
                self._add(Hit(
                    "CAS004", t.start, t.start + len(t.base), message, fixed, False,
                    {"expected": fixed, "kind": why},
                ))
                break

    # ------------------------------------------------------------------ CAS002
    def sentence_starts(self) -> None:
        """Sentences, paragraphs and Markdown headings that start in lower case (CAS002)."""
        doc, text = self.doc, self.text
        for node in doc.paragraphs:
            if _context(doc, node) == "toc":
                continue
            sentences = doc.children(node, NodeKind.SENTENCE)
            for i, sent in enumerate(sentences):
                p = _first_letter(text, sent.start, sent.end)
                if p >= sent.end or not text[p].islower():
                    continue
                if text[sent.start] in "([{":
                    continue  # "[citation needed]", "(see below)": a bracketed note
                if i == 0 and not self._block_start_is_sentence(node, sentences):
                    continue
                if i > 0 and not _previous_sentence_ends_cleanly(text, sentences[i - 1]):
                    continue
                self._maybe_sentence_start(p, "sentence")
        for node in doc.headings:
            if _context(doc, node) == "toc":
                continue
            p = _first_letter(text, node.start, node.end)
            if p < node.end and text[p].islower():
                self._maybe_sentence_start(p, "heading")

    def _block_start_is_sentence(self, node: Node, sentences: list[Node]) -> bool:
        doc, text = self.doc, self.text
        only = sentences[0]
        if len(sentences) == 1 and not _TERMINAL_RE.search(textutil.strip_reference_markers(text[only.start:only.end])):
            return False  # a fragment ("this"), a label or a title
        prev = _previous_block(doc, node)
        if prev is not None and prev.kind in (NodeKind.CODE_BLOCK, NodeKind.HTML, NodeKind.TABLE_ROW):
            return False  # "where `x` is ...": a sentence continuing after a code block
        if prev is not None and prev.kind in (NodeKind.PARAGRAPH, NodeKind.LIST_ITEM):
            tail = text[prev.start:prev.end].rstrip()
            if tail and (tail[-1] in ":,;" or tail[-1].isalnum()):
                return False  # the previous block runs on: "physical disability;" / "and other."
        if node.kind is NodeKind.LIST_ITEM:
            siblings = _list_siblings(doc, node)
            starts = [text[_first_letter(text, s.start, s.end)] for s in siblings if s is not node]
            starts = [c for c in starts if c.isalpha()]
            if len(starts) < 2 or sum(c.isupper() for c in starts) * 3 < len(starts) * 2:
                return False  # the list's own convention is lower-case items
        return True

    def _maybe_sentence_start(self, p: int, where: str) -> None:
        text, doc = self.text, self.doc
        m = textutil.WORD_RE.match(text, p)
        if not m or doc.is_ignored(p, m.end()) or self._is_covered(p, m.end()):
            return
        word = m.group()
        base = lexicon.strip_possessive(word)
        if _shape(base) != "lower" or base in self.brands:
            return
        run_end = p
        while run_end < len(text) and not text[run_end].isspace():
            run_end += 1
        if _IDENTIFIER_RE.match(text, p, run_end) or _ENUMERATOR_RE.match(text, p):
            return  # "languagetool.org is ...", "width() returns", "iv. Introduction", "a) first"
        if p > 0 and text[p - 1] == "`":
            return
        key = lexicon.normalise_apostrophes(base).lower()
        if key in self.accepted or key in _PARTICLES:
            return  # "du Motel", "van Gogh": name particles keep their case
        if base == key and key in self._code_words():
            return  # "pip is the installer" beside `pip install`: a command keeps its case
        if word_tier(key) == "A" and not self.vocab.evidence.get(key):
            return  # the document's own lower-case name ("docqa is ...")
        if where == "heading" and not lexicon.english().in_list(key) and key not in _FUNCTION_WORDS:
            return
        fixed = word[0].upper() + word[1:]
        label = "a sentence" if where == "sentence" else "a heading"
        self._add(Hit(
            "CAS002", p, m.end(), f"'{word}' starts {label} in lower case; expected '{fixed}'",
            fixed, False, {"expected": fixed, "where": where},
        ))

    # ------------------------------------------------------------------ CAS006
    def pronoun_i(self) -> None:
        """"when i talked": the pronoun in lower case (not "page i", "(i)", "for i in range")."""
        for toks in self.vocab.blocks.values():
            for k, t in enumerate(toks):
                contraction = t.key in ("i'm", "i'll", "i've", "i'd")
                if t.text not in ("i",) and not (contraction and t.text[0] == "i"):
                    continue
                nxt = toks[k + 1] if k + 1 < len(toks) else None
                prev = toks[k - 1] if k else None
                if not contraction:
                    if self.text[t.end:t.end + 1] != " " or nxt is None or nxt.shape != "lower":
                        continue
                    verb_like = nxt.key in _PRONOUN_I_VERBS or nxt.key.endswith(("ed", "n't"))
                    after_conjunction = prev is not None and prev.key in _CLAUSE_OPENERS
                    if not (verb_like or after_conjunction):
                        continue
                if self._is_covered(t.start, t.end):
                    continue
                fixed = "I" + t.text[1:]
                self._add(Hit(
                    "CAS006", t.start, t.end, f"the pronoun '{t.text}' is written '{fixed}'", fixed, True,
                    {"expected": fixed},
                ))

    # ------------------------------------------------------------------ CAS005
    def capitalised_common_nouns(self) -> None:
        """"in the field of Artificial Intelligence": common words capitalised mid-sentence."""
        v = self.vocab
        eng = lexicon.english()
        for toks in v.blocks.values():
            i = 0
            while i < len(toks):
                t = toks[i]
                if t.context != "prose" or t.initial or t.shape != "title" or i == 0:
                    i += 1
                    continue
                j = i
                while j + 1 < len(toks) and toks[j + 1].shape == "title" and self.text[toks[j].end:toks[j + 1].start] == " ":
                    j += 1
                first = i
                run = toks[i:j + 1]
                i = j + 1
                if not 2 <= len(run) <= 4:
                    continue
                prev = toks[first - 1]
                if prev.shape != "lower" or self.text[prev.end:run[0].start] != " ":
                    continue
                if j + 1 < len(toks) and toks[j + 1].shape != "lower" and self.text[run[-1].end:toks[j + 1].start] == " ":
                    continue
                keys = [r.key for r in run]
                if any(k in lexicon.TITLE_WORDS or k in self.gaz.names or k in self.gaz.ambiguous for k in keys):
                    continue
                if self.gaz.lookup(" ".join(keys)) or any(not eng.in_list(k) or eng.zipf(k) < 3.5 for k in keys):
                    continue
                after = self.text[run[-1].end:run[-1].end + 12]
                if re.match(r"\s*\(\s*[A-Z]{2,}", after):
                    continue  # "Wartime Operational Control (WOC)": a defined name
                before = toks[:first]
                if after.startswith(":") and all(b.shape != "lower" or b.key in _FUNCTION_WORDS for b in before):
                    continue  # a title-case label: "The Importance of Balancing Alliances: ..."
                if self._is_covered(run[0].start, run[-1].end):
                    continue
                start, end = run[0].start, run[-1].start + len(run[-1].base)
                lowered = self.text[start:end].lower()
                self._add(Hit(
                    "CAS005", start, end,
                    f"'{self.text[start:end]}' is capitalised mid-sentence but reads as common nouns; "
                    f"'{lowered}'?", lowered, False, {"expected": lowered},
                ))


#: Party adjectives: "the Democratic party", "the Conservative party" are house styles, and
#: "democratic Party" is left to the document's own evidence.
_PARTY_ADJECTIVES = frozenset(
    "democratic republican communist socialist liberal conservative green independent progressive nationalist unionist".split()
)
#: Bodies that a capitalised adjective describes rather than names ("the federal Government").
_DESCRIBED_BODIES = frozenset("government governments administration administrations state states regime authorities".split())
#: ``cased.capital_lean`` from which an adjective opens names often enough ("national" -0.35,
#: "presidential" -0.5, "world" -0.95; not "former" -1.1 or "full" -1.25) ...
OPENER_LEAN = -1.0
#: ... for an adjective that is no title word: "royal" 0.13, "imperial" 0.13, "golden" -0.2
#: (not "new", "old", "great", "former") ...
OPENER_LEAN_OTHER = -0.3
#: ... and below which a noun capitalised mid-sentence is a common noun made a name's word
#: ("Park", "Medal", "War"; "Day" -1.35).
COMMON_NOUN_LEAN = -0.5
#: Capitalised uses alone, mid-sentence, from which an ordinary word after a given name is its
#: surname ("Douglass north" beside two "North").
BARE_SURNAME_USES = 2
#: ``English.name_score`` and most Zipf of a given name that is also a word ("rod", "chuck") for
#: it to count as a given name in lower case before a surname that is no English word.
GIVEN_BEFORE_FOREIGN_SCORE = 0.5
GIVEN_BEFORE_FOREIGN_MAX_ZIPF = 5.2
#: Capitalised uses of "Given Surname" from which "Given surname" is a slip for any given name.
SURNAME_PAIR_USES = 2
#: Capitalised uses alone, mid-sentence, from which a word in lower case beside a capitalised
#: word is the same name.
ALONE_USES = 2
#: ``cased.capital_lean`` below which a capitalised adjective before a name noun is capitalised
#: only inside a name ("National" -0.35, "World" -0.95; not "Royal" 0.1 or "Democratic" -0.25).
ADJECTIVE_HEAD_LEAN = -0.3
#: Head nouns of institutions' names ...
#: Two-word office titles, written both capitalised or both in lower case ("Prime Minister",
#: "the foreign secretary"): the first word, and the office.
_OFFICE_MODIFIERS = frozenset(
    "prime foreign home interior defence defense finance deputy vice chief attorney health education "
    "justice trade transport environment energy agriculture culture treasury shadow first supreme".split()
)
_OFFICE_NOUNS = frozenset("minister secretary president chancellor general leader commissioner premier".split())
#: Words of another language in a row before a word that put it in that language's phrase.
FOREIGN_RUN = 2
#: "(OIC)", "(PG&E)", "(IoT)": an acronym in brackets right after the words it stands for.
_ACRONYM_RE = re.compile(r"(?<= )\(([A-Z][A-Za-z&]*[A-Z])\)")
#: Longer acronyms are rarely spelled out word for word ("UNESCO" is six).
ACRONYM_MAX_LETTERS = 8

_INSTITUTION_NOUNS = frozenset(
    """
    foundation board association society union service centre center council committee commission agency
    institute department ministry bureau federation league authority academy corporation trust fund
    """.split()
)
#: ... reported in lower case after this many capitalised words (after two, "the Malaysia Tourism
#: board" and "the Trump Organization board" are as often a house style or a description).
INSTITUTION_RUN = 3
#: How common (Zipf) a word that no English list has must be in wordfreq to count as a name
#: beside a capitalised word on its left ("Recep tayyip") or on its right ("maxime Bernier").
NEIGHBOUR_MIN_ZIPF = 1.0
NEIGHBOUR_MIN_ZIPF_RIGHT = 2.0
_LATIN_ENDINGS = ("a", "ae", "us", "um", "is", "ii", "i", "ensis", "oides", "ica", "icus")
_PREFIXES = ("un", "non", "re", "pre", "co", "counter", "anti", "geo", "neo", "post", "sub", "super", "over")


def _name_evidence(key: str, eng: lexicon.English, min_zipf: float) -> bool:
    """True when ``key`` is no English word (not listed, not a compound or a prefixed word) and
    yet common enough in wordfreq's corpora that it is a name rather than a slip or a coinage."""
    if word_tier(key) != "A" or not key.isalpha():
        return False
    if eng.zipf(key) < min_zipf:
        return False
    if any(key[:i] in eng.known and key[i:] in eng.known for i in range(4, len(key) - 3)):
        return False  # "counterterrorism", "wastewater"
    if any(key.startswith(p) and key[len(p):] in eng.known for p in _PREFIXES):
        return False  # "unaired"
    if any(v in eng.known for v in lexicon.spelling_variants(key)) or (key.endswith("s") and key[:-1] in eng.known):
        return False  # "debutants"
    if _derived_adverb(key, eng):
        return False  # "natively": an adverb of an English word the list lacks
    return True


#: After a given name, an English word rarer than this (Zipf) that is no everyday word reads as
#: a surname in lower case ("Andrew kinsman", "Charles ryder").
SURNAME_MAX_ZIPF = 3.6


#: Endings of verbs, adverbs, adjectives and abstract nouns: such a word after a given name is
#: no surname ("Roman numerals" aside, "Grace abounding", "Hope eternal").
_COMMON_SUFFIXES = ("ed", "ing", "ly", "ous", "ive", "ical", "tion", "sion", "ness", "ment", "ism", "ist", "ful",
                    "less", "able", "ible", "ity")


def _rare_surname_like(tok: Token, eng: lexicon.English) -> bool:
    key = tok.key
    return (key.isalpha() and len(key) > 3 and key not in lexicon.easy_words() and key not in lexicon.TITLE_WORDS
            and not key.endswith(_COMMON_SUFFIXES) and not (key.endswith("s") and key[:-1] in eng.known)
            and eng.zipf(key) < SURNAME_MAX_ZIPF)


def _is_title_case(line: str) -> bool:
    """True for a line whose longer words all start with a capital (a title or a heading)."""
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", line) if len(w) > 3]
    return bool(words) and all(w[0].isupper() for w in words)


#: A reStructuredText hyperlink target: ".. _name: URL", the URL on the same or the next line
#: (the name may be quoted in backticks).
_RST_TARGET_RE = rx.compile(r"(?m)^[ \t]*\.\.[ \t]+_`?([^`:\n]+)`?:(?:[ \t]*\r?\n)?[ \t]+(\S+)")


def code_words(doc: Document) -> frozenset[str]:
    """Lower-case words of the document's code ("run `ruff check`"), and of link texts that their
    own targets repeat ("[flynt](https://pypi.org/project/flynt/)"). A word the document writes so
    is a command, package, module or identifier, and the same word in prose names that ("running
    ruff", "writes to stdout"). Other words of link targets are not evidence: a news link's slug
    ("/north-korea-tests-missiles") writes names in lower case too. Computed once per document."""
    found = doc.cache.get("casing.code_words")
    if found is None:
        text = doc.text
        words = set()
        for n in doc.nodes:
            if n.kind in (NodeKind.INLINE_CODE, NodeKind.CODE_BLOCK):
                words.update(_CODE_WORD_RE.findall(text, n.start, n.end))
            elif n.kind is NodeKind.LINK:
                label = _link_label(text, n.start)
                if label:
                    words.update(set(_CODE_WORD_RE.findall(label)) & set(_CODE_WORD_RE.findall(text, n.start, n.end)))
        if doc.format == "rst":
            # reStructuredText's named links: "`devpi`_" in the text, ".. _devpi: https://.../devpi" below.
            for m in _RST_TARGET_RE.finditer(text):
                words.update(set(_CODE_WORD_RE.findall(m.group(1))) & set(_CODE_WORD_RE.findall(m.group(2))))
        found = doc.cache["casing.code_words"] = frozenset(words)
    return found


def _link_label(text: str, target: int) -> str:
    """The text of the link whose target starts at ``target``: Markdown's "[label](target)" or
    reStructuredText's "`label <target>`_" (at most a line's worth before it)."""
    if text[target - 2:target] == "](":
        opening = text.rfind("[", max(0, target - 200), target - 2)
        return text[opening + 1:target - 2] if opening >= 0 else ""
    opening = text.rfind("`", max(0, target - 200), target)
    return text[opening + 1:target] if opening >= 0 else ""


def _lower_case_acronym(form: str, key: str) -> bool:
    """True when ``form`` is written in capitals ("JSON") and English writes it in lower case often
    enough that the lower case is a form of its own ("json" for the file format, "https" for the
    scheme), not a slip ("nasa", "fbi"): see ``cased.acronym_lower_lean``."""
    if len(form) < 2 or not form.isupper():
        return False
    lean = cased.acronym_lower_lean(key)
    return lean is not None and lean >= ACRONYM_LOWER_LEAN


def _derived_adverb(key: str, eng) -> bool:
    """True for an adverb made from an English word that is mostly written in lower case
    ("interestingly" from "interesting", "additionally" from "additional"); names that end in
    "-ly" ("Kelly", "Beverly", "Italy") have no such stem."""
    for suffix, stem_end in (("ally", "al"), ("ily", "y"), ("ably", "able"), ("ibly", "ible"), ("ly", "")):
        if key.endswith(suffix) and len(key) - len(suffix) >= 4:
            stem = key[: -len(suffix)] + stem_end
            if stem in eng.known:
                lean = cased.capital_lean(stem)
                return lean is None or lean < 0
    return False


def _capitalised(word: str) -> str:
    """``word`` with its first letter in upper case and the rest as written ("mcDonald" stays)."""
    return word[:1].upper() + word[1:]


def _inflected(key: str) -> bool:
    """True for a word that reads as an inflected or derived form of an English word ("modifies",
    "warranties", "unpacking", "emulator", "oceanography"): a term, not a name."""
    known = lexicon.english().known
    if key.endswith(_DISCIPLINE_ENDINGS) or key.endswith(("ing", "ed")):
        return True
    if key.endswith("s") and (key[:-1] in known or key[:-2] in known or (key.endswith("ies") and key[:-3] + "y" in known)):
        return True
    return key.endswith(("or", "er")) and (key[:-2] in known or key[:-2] + "e" in known)


def _starts_own_name(text: str, toks: list[Token], t: Token) -> bool:
    """True when ``t`` is followed by a number or a capitalised word: it begins a name of its own."""
    rest = text[t.end:t.end + 2]
    if len(rest) == 2 and rest[0] == " " and rest[1].isdigit():
        return True
    i = toks.index(t)
    return i + 1 < len(toks) and toks[i + 1].shape != "lower" and text[t.end:toks[i + 1].start] == " "


def _respell(surface: str, canon: str) -> str:
    """Give ``surface`` the casing of ``canon`` word by word, keeping the surface's separators."""
    out = []
    for sw, cw in zip(surface.split(" "), canon.split(" ")):
        out.append(cw if sw.lower() == cw.lower() else sw)
    return " ".join(out)


def _stray_capital(part: str, eng: lexicon.English, v: Vocabulary) -> tuple[str | None, str]:
    if re.fullmatch(r"[A-Za-z]*[a-z]{3}[A-Z]", part):
        return part[:-1] + part[-1].lower(), "trailing"
    if re.fullmatch(r"[A-Z]{2}[a-z]{2,}", part):
        fixed = part[0] + part[1:].lower()
        if eng.in_list(fixed.lower()) or fixed in (v.loose.get(fixed.lower()) or {}):
            return fixed, "leading"
        return None, ""
    if re.fullmatch(r"[a-z]{2,}[A-Z][a-z]{2,}", part) and eng.in_list(part.lower()):
        return part.lower(), "inner"
    m = re.fullmatch(r"([A-Z][a-z]+)([A-Z][a-z]*)", part)
    if m and eng.in_list(part.lower()) and not (eng.in_list(m.group(1).lower()) and eng.in_list(m.group(2).lower())):
        if m.group(1).lower() in {"mc", "mac", "de", "di", "la", "le", "van", "von", "du", "da", "o"}:
            return None, ""
        return part[0] + part[1:].lower(), "inner"
    return None, ""


def _previous_sentence_ends_cleanly(text: str, prev: Node) -> bool:
    """False when the previous "sentence" may not have ended: after an ellipsis ("[...]"), a
    question or exclamation in quotes or in a title ("'Why?' she asked", "Why? solo album"),
    an initial ("E. coli") or an abbreviation the sentence splitter does not know ("incl.")."""
    raw = text[prev.start:prev.end].rstrip()
    tail = raw.rstrip("\"'”’)]")
    if tail.endswith(("…", "...", "[...]", "[…]")) or raw.endswith(("[...]", "[…]")):
        return False
    if not tail.endswith("."):
        # After "?" or "!" a lower-case word is as often a title ("Why? solo album"), a quoted
        # question ("'Why?' she asked") or a mention ("huh? in context") as a slip.
        return False
    dot = prev.start + len(tail) - 1
    if textutil.is_abbreviation(text, dot):
        return False
    if re.search(r"(?:^|[\s(:])\d{1,3}\.$", tail):
        return False  # an inline enumerator: "two claims: 1. that ..."
    m = re.search(r"(?:^|[\s(\-/])([^\W\d_]{1,5})\.$", tail)
    if m:
        word = m.group(1)
        if len(word) == 1 or not lexicon.english().in_list(word.lower()):
            return False  # "ESBL-E. coli", "incl.", "viz.", "Mlle."
    return True


def _block_starts(doc: Document) -> list[int] | None:
    """The start of each of ``doc.blocks`` (in reading order, so sorted), kept on the document;
    None should they ever not be sorted (then the lookups below scan)."""
    starts = doc.cache.get("casing.block_starts")
    if starts is None:
        starts = [b.start for b in doc.blocks]
        starts = doc.cache["casing.block_starts"] = starts if all(a <= b for a, b in zip(starts, starts[1:])) else False
    return starts or None


def _block_index(doc: Document, node: Node) -> int:
    """Where ``node`` is in ``doc.blocks``: a binary search, then the blocks that share its start."""
    starts, blocks = _block_starts(doc), doc.blocks
    i = bisect.bisect_left(starts, node.start) if starts is not None else 0
    while blocks[i] is not node:
        i += 1
    return i


def _previous_block(doc: Document, node: Node) -> Node | None:
    """The last block that starts before ``node`` (a binary search, not a scan of every block:
    called for each block that opens in lower case, a scan was quadratic on long documents)."""
    starts = _block_starts(doc)
    if starts is None:
        return _scan_previous_block(doc, node)
    i = bisect.bisect_left(starts, node.start)
    return doc.blocks[i - 1] if i else None


def _scan_previous_block(doc: Document, node: Node) -> Node | None:
    """:func:`_previous_block` by a scan of every block, for blocks not in reading order."""
    prev = None
    for b in doc.blocks:
        if b.start >= node.start:
            break
        prev = b
    return prev


def _list_siblings(doc: Document, node: Node) -> list[Node]:
    """The run of list items around ``node`` at the same level, not broken by other blocks (items
    nested deeper inside the run are passed over)."""
    blocks = doc.blocks

    def sibling(b: Node) -> bool:
        return b.kind is NodeKind.LIST_ITEM and b.level == node.level and b.parent == node.parent

    def deeper(b: Node) -> bool:
        return b.kind is NodeKind.LIST_ITEM and b.level > node.level

    i = _block_index(doc, node)
    lo = hi = i
    for j in range(i - 1, -1, -1):
        if sibling(blocks[j]):
            lo = j
        elif not deeper(blocks[j]):
            break
    for j in range(i + 1, len(blocks)):
        if sibling(blocks[j]):
            hi = j
        elif not deeper(blocks[j]):
            break
    return [b for b in blocks[lo:hi + 1] if sibling(b)]


def analyse(doc: Document, settings: "Settings") -> list[Hit]:
    """All casing hits of ``doc`` (cached per document and settings)."""
    key = ("docqa.casing", tuple(settings.brands), tuple(settings.words))
    hits = doc.cache.get(key)
    if hits is None:
        hits = _Analysis(doc, settings).run()
        doc.cache[key] = hits
    return hits


def _violations(rule: Rule, doc: Document) -> Iterable[Violation]:
    for h in analyse(doc, rule.settings):
        if h.code != rule.code:
            continue
        fix = None
        if "replace" in h.data:
            s, e, content = h.data["replace"]
            fix = Fix.replace(s, e, content, safe=h.safe)
        elif h.replacement is not None:
            fix = Fix.replace(h.start, h.end, h.replacement, safe=h.safe)
        data = {k: v for k, v in h.data.items() if k != "replace"}
        yield Violation(h.start, h.end, h.message, fix=fix, data=data)


# --------------------------------------------------------------------------- rules
class LowercaseProperNoun(Rule):
    """A proper noun written in lower case where the document or the gazetteer capitalises it.

    The document's own spelling is the main evidence ("openai" when "OpenAI" appears elsewhere);
    docqa's gazetteer of countries, regions, cities, institutions and companies covers names used
    once. Ordinary words that are also names ("turkey", "apple", "president") are left alone
    unless the document itself capitalises them consistently.

    Flagged:
        OpenAI released a model. Critics said openai moved too fast. OpenAI disagreed.
        The delegation flew from Tokyo to seoul on Monday.
        Talks between south korea and Japan resumed.

    Clean:
        OpenAI released a model. Critics said the company moved too fast.
        She bought an apple at the market, then a turkey for dinner.
        The president met the prime minister in Seoul.
    """

    code = "CAS001"
    name = "lowercase-proper-noun"
    family = Family.CASING
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document) -> Iterable[Violation]:
        return _violations(self, doc)


class LowercaseSentenceStart(Rule):
    """A sentence, paragraph or heading that starts with a lower-case letter.

    Not after abbreviations (e.g., U.S., etc.), an ellipsis or a quoted question; not for code,
    URLs, file names, enumerators ("iv."), mixed-case brands ("iPhone") or the document's own
    lower-case names; list items only when the rest of the list starts with capitals.

    Flagged:
        The treaty was signed in 2011. this landmark agreement cut tariffs.
        while the talks went on, prices rose.

    Clean:
        The treaty was signed in the U.S. in 2011. It cut tariffs.
        Prices rose, e.g. for rice. Wait... then they fell.
        iPhone sales rose. example.com is a domain.
    """

    code = "CAS002"
    name = "lowercase-sentence-start"
    family = Family.CASING
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document) -> Iterable[Violation]:
        return _violations(self, doc)


class LowercaseWordInName(Rule):
    """A lower-case word inside a capitalised multi-word name.

    "data Center" where the document writes "Data Center", "Institute of marine and Coastal
    Sciences", half of a personal name in lower case ("adam Smith"), or a family name in lower
    case before its given name ("song Kang-ho"), the head of an institution's name ("the
    university of Birmingham"), a word between a name and its head ("West palm Beach"), or an
    author's surname in a reference ("scalzo, & Bavelier, 2010").

    Flagged:
        The Data Center opened in May. A second data Center is planned.
        She studied at the Institute of marine and Coastal Sciences.
        He taught at the university of Birmingham and at London's Royal veterinary College.
        The film starred song Kang-ho in the lead.
        The effect was replicated (Li, Polat, scalzo, & Bavelier, 2010).

    Clean:
        The Data Center opened in May. A second data center is planned.
        She studied at the Institute of Marine and Coastal Sciences.
        They walked through the centre of Paris; Tesla chief Elon Musk told Congress.
        They walked in the park on Sunday.
    """

    code = "CAS003"
    name = "lowercase-word-in-name"
    family = Family.CASING
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document) -> Iterable[Violation]:
        return _violations(self, doc)


class StrayCapital(Rule):
    """A stray capital letter inside a word ("OlafssonS", "SOuth") that is not a known brand.

    Mixed-case brands (iPhone, eBay, OpenAI, macOS, YouTube) come from docqa's list and the
    config's ``brands``; CamelCase compounds of two words ("PowerPoint") and name particles
    ("McDonald", "DeSantis") are accepted.

    Flagged:
        Chancellor Olafsson resigned. The policy of OlafssonS cabinet was debated.
        Relations with SOuth Africa improved.

    Clean:
        She bought an iPhone on eBay and watched YouTube on macOS.
        McDonald and DeSantis spoke about PowerPoint.
    """

    code = "CAS004"
    name = "stray-capital"
    family = Family.CASING
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document) -> Iterable[Violation]:
        return _violations(self, doc)


class CapitalisedCommonNoun(Rule):
    """Common nouns capitalised mid-sentence ("in the field of Artificial Intelligence").

    Off by default: titles, programmes and defined terms are often capitalised on purpose, so
    this rule is noisier than the others. Runs of two to four capitalised common words are
    reported unless they are a known name, follow or precede another capitalised word, or are
    defined with an acronym ("Wartime Operational Control (WOC)").

    Flagged:
        The company works in the field of Artificial Intelligence and robotics.

    Clean:
        The company works in the field of artificial intelligence and robotics.
        She joined the World Health Organization in Geneva.
    """

    code = "CAS005"
    name = "capitalised-common-noun"
    family = Family.CASING
    severity = Severity.INFO
    default_enabled = False
    fixable = True

    def check(self, doc: Document) -> Iterable[Violation]:
        return _violations(self, doc)


class LowercasePronounI(Rule):
    """The pronoun "I" written in lower case ("when i talked", "i'm").

    Only before a verb or adverb that follows the pronoun, or in a contraction, so that a
    variable ("for i in range"), a page ("page i") or an enumerator ("(i)") is left alone.

    Flagged:
        Way back in the day, I had no tonality whatsoever when i talked.
        No, i'm not letting you near my kids.

    Clean:
        The table of contents can be found on page i.
        These are: (i) examples; (ii) case studies.
    """

    code = "CAS006"
    name = "lowercase-pronoun-i"
    family = Family.CASING
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document) -> Iterable[Violation]:
        return _violations(self, doc)


RULES = [
    LowercaseProperNoun, LowercaseSentenceStart, LowercaseWordInName, StrayCapital, CapitalisedCommonNoun,
    LowercasePronounI,
]
