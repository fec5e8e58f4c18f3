"""Spelling rules (family ``spelling``).

An offline dictionary check tuned for precision: a word is reported only when it is unknown to
the English word list, is not part of the document's own vocabulary (names, terms it uses
consistently, anything it capitalises elsewhere), is rare in wordfreq's corpora, and has exactly
one much more common word one edit away ("recieve" -> "receive"). Everything else, including
rare proper names ("Vlieland") and accepted variants ("dialog"), is left alone.

The word list is pyspellchecker's English frequency list (``docqa.data.lexicon.english``);
candidates are every word one edit away (a deletion, transposition, substitution or insertion)
that is in that list, ranked by wordfreq's Zipf frequency.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING, Collection, Iterable

from .. import rx
from ..data import lexicon
from ..document import Document
from ..finding import Family, Fix, Severity, Violation
from .base import Rule
from .casing import code_words, vocabulary

if TYPE_CHECKING:
    from ..config import Settings

_LETTERS = string.ascii_lowercase


def edits1(word: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion away from ``word``."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in _LETTERS]
    inserts = [a + c + b for a, b in splits for c in _LETTERS]
    return set(deletes + transposes + replaces + inserts)


@lru_cache(maxsize=8192)
def suggestions(word: str) -> tuple[tuple[str, float], ...]:
    """Known words one edit away from lower-case ``word``, most frequent first, with Zipf scores.

    Common words of six letters or more spelled with the same letters with two of them moved
    ("vehical" -> "vehicle", "desicion" -> "decision") are candidates too.
    """
    eng = lexicon.english()
    found = {c for c in edits1(word) if c != word and c in eng.known}
    if len(word) >= 6:
        found.update(c for c in _anagrams().get("".join(sorted(word)), ()) if c != word and _transpositions(word, c) <= 2)
    ranked = sorted(((c, eng.zipf(c) + edit_prior(word, c)) for c in found), key=lambda cz: (-cz[1], cz[0]))
    return tuple(ranked)


@lru_cache(maxsize=4096)
def two_edit_suggestions(word: str) -> tuple[tuple[str, float], ...]:
    """Common words two typing slips away from lower-case ``word`` ("proffesional", "publically",
    "vehical"), most likely first; scores are Zipf frequencies plus ``TWO_EDIT_PRIOR``."""
    if len(word) < MIN_TWO_EDIT_LENGTH:
        return ()
    eng = lexicon.english()
    one = {c for c, _ in suggestions(word)}
    # Only words common enough to survive the filter below are looked for (a set of ~14,000
    # instead of the 160,000-word list): the same result, found faster.
    from ..wordstats import common_words

    candidates = _second_slips(edits1(word), common_words(TWO_EDIT_MIN_ZIPF))
    more = [(c, eng.zipf(c)) for c in candidates if c not in one and c != word]
    return tuple(sorted(((c, z + TWO_EDIT_PRIOR + (FIRST_LETTER_PRIOR if c[:1] != word[:1] else 0.0))
                         for c, z in more if z >= TWO_EDIT_MIN_ZIPF),
                        key=lambda cz: (-cz[1], cz[0])))


#: Two-edit corrections are looked for in words this long or longer, when no one-edit correction
#: reaches ``TWO_EDIT_BELOW`` (Zipf); they must be at least ``TWO_EDIT_MIN_ZIPF`` common, are
#: scored ``TWO_EDIT_PRIOR`` below their frequency, and are reported only when one stands out.
MIN_TWO_EDIT_LENGTH = 7
TWO_EDIT_BELOW = 3.0
TWO_EDIT_MIN_ZIPF = 3.5
TWO_EDIT_PRIOR = -1.0


def _second_slips(first: set[str], known: Collection[str]) -> set[str]:
    """Words of ``known`` one deletion, transposition or doubled letter away from any of ``first``.

    Not every second edit: those three are the common second slips ("proffesional": one letter
    doubled, one dropped), and the search stays small (about 3 x length strings per first edit).
    """
    out: set[str] = set()
    for w in first:
        n = len(w)
        for i in range(n):
            d = w[:i] + w[i + 1:]
            if d in known:
                out.add(d)
            if i + 1 < n:
                t = w[:i] + w[i + 1] + w[i] + w[i + 2:]
                if t in known:
                    out.add(t)
            dbl = w[:i] + w[i] + w[i:]
            if dbl in known:
                out.add(dbl)
    return out


#: How much likelier (in Zipf units, i.e. log10) a kind of slip is than a plain substitution:
#: typists swap neighbouring letters and double or drop letters more often than they replace one.
EDIT_PRIORS = {"transposition": 0.7, "double": 0.5, "indel": 0.3, "substitution": 0.0, "other": 0.0}


def edit_kind(typo: str, word: str) -> str:
    """The kind of single edit that turns ``word`` into ``typo`` (or "other")."""
    if len(typo) == len(word):
        diff = [i for i, (a, b) in enumerate(zip(typo, word)) if a != b]
        if len(diff) == 2 and diff[1] == diff[0] + 1 and typo[diff[0]] == word[diff[1]] and typo[diff[1]] == word[diff[0]]:
            return "transposition"
        return "substitution" if len(diff) == 1 else "other"
    longer, shorter = (typo, word) if len(typo) > len(word) else (word, typo)
    if len(longer) - len(shorter) != 1:
        return "other"
    for i in range(len(longer)):
        if longer[:i] + longer[i + 1:] == shorter:
            doubled = (i > 0 and longer[i - 1] == longer[i]) or (i + 1 < len(longer) and longer[i + 1] == longer[i])
            return "double" if doubled else "indel"
    return "other"


#: Neighbouring keys on a QWERTY keyboard: a substitution of a neighbour is a typing slip.
_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEIGHBOURS: dict[str, set[str]] = {}
for _r, _row in enumerate(_KEY_ROWS):
    for _i, _c in enumerate(_row):
        near = _NEIGHBOURS.setdefault(_c, set())
        for _rr in (_r - 1, _r, _r + 1):
            if 0 <= _rr < len(_KEY_ROWS):
                for _j in (_i - 1, _i, _i + 1):
                    if 0 <= _j < len(_KEY_ROWS[_rr]) and _KEY_ROWS[_rr][_j] != _c:
                        near.add(_KEY_ROWS[_rr][_j])
#: A substitution of a neighbouring key is this much likelier than another substitution.
KEYBOARD_PRIOR = 0.3
#: Typists rarely get the first letter wrong: a correction that changes it costs this much.
FIRST_LETTER_PRIOR = -0.5


def edit_prior(typo: str, word: str) -> float:
    kind = edit_kind(typo, word)
    prior = EDIT_PRIORS[kind]
    if kind == "substitution":
        a, b = next((x, y) for x, y in zip(typo, word) if x != y)
        if b in _NEIGHBOURS.get(a, ()):
            prior += KEYBOARD_PRIOR
    if typo[:1] != word[:1]:
        prior += FIRST_LETTER_PRIOR
    return prior


def _anagrams():
    """Listed words of six letters or more (20 uses or more), keyed by their sorted letters: a
    stored trie (:func:`docqa.wordstats.anagrams`), not a 40 MiB dict built in every process."""
    from ..wordstats import anagrams

    return anagrams(6, 20)


def _transpositions(a: str, b: str) -> int:
    """Moves between two words of the same letters: positions that differ, halved."""
    return sum(x != y for x, y in zip(a, b)) // 2 + (len(a) != len(b)) * 99


class Misspelling(Rule):
    """A confident spelling mistake, with its correction ("recieve" -> "receive").

    Only lower-case words are checked; a word is accepted when it is in the English word list,
    common in wordfreq's corpora, a computing term or tool name of cspell's software-terms
    dictionaries ("stdout", "systemd"), in the config's ``words``, or part of the document's own
    vocabulary (capitalised anywhere, used three times or more, or written in its code or as a
    link to itself). A word is reported only
    when one known word one edit away is far more common than both the word itself and any
    other candidate.

    Flagged:
        The team will recieve the award on Friday.
        The accident occured shortly after noon.

    Clean:
        The team will receive the award after a long dialog with the jury.
        The ferry to Vlieland leaves shortly after noon.
    """

    code = "SPL001"
    name = "misspelling"
    family = Family.SPELLING
    severity = Severity.WARNING
    fixable = True
    options = {
        #: A word this common (Zipf) or more in wordfreq is never a typo.
        "max_word_zipf": 3.3,
        #: The correction must be at least this much more common (Zipf difference).
        "min_margin": 2.0,
        #: The correction must be at least this common.
        "min_suggestion_zipf": 3.0,
        #: Below this lead over the second correction (Zipf), the word is reported only when it
        #: is rarer than ``max_tie_zipf``, with its candidates and no safe fix.
        "min_lead": 1.0,
        "max_tie_zipf": 3.3,
        #: A fix is safe when the best correction beats the second by this much (else unsafe).
        "safe_lead": 1.5,
        #: Words shorter than this are never checked.
        "min_length": 4,
        #: Four-letter words this common (Zipf) or more are as often abbreviations or loans
        #: ("tapa") as typos: they are reported only when the correction is a very common word
        #: ("wich" -> "which", "with").
        "max_short_word_zipf": 2.0,
        "min_short_suggestion_zipf": 5.0,
    }

    def check(self, doc: Document) -> Iterable[Violation]:
        return check_spelling(doc, self.settings, self.opts)


def check_spelling(doc: Document, settings: "Settings", opts: dict) -> list[Violation]:
    """The spelling violations of ``doc`` (shared with the benchmark, which varies ``opts``)."""
    vocab = vocabulary(doc)
    eng = lexicon.english()
    # Words the document writes in its code ("stdout", "systemd" in a command) are identifiers.
    accepted = {lexicon.normalise_apostrophes(w).lower() for w in settings.words} | code_words(doc)
    counts = Counter(t.key for t in vocab.tokens)
    out: list[Violation] = []
    # part -> True when _judge's first, word-only tests (_settled_key: length, letters, a known or
    # accepted word) already return None: most words, and each is tested once per document instead
    # of once per use (_judge ran 247k times on the host articles and bench file).
    settled: dict[str, bool] = {}
    min_length = opts["min_length"]
    for t in vocab.tokens:
        if t.shape != "lower":
            continue
        offset = 0
        for part in t.base.split("-"):
            done = settled.get(part)
            if done is None:
                done = settled[part] = _settled_key(part, accepted, eng, min_length) is None
            if done:
                offset += len(part) + 1
                continue
            verdict = _judge(part, t, vocab, counts, accepted, eng, opts, doc.text)
            if verdict is not None:
                best, zipf, others = verdict
                start = t.start + offset
                end = start + len(part)
                lead = zipf - (others[0][1] if others else 0.0)
                safe = lead >= opts["safe_lead"]
                if lead < opts["min_lead"]:
                    what = "' or '".join([best] + [c for c, z in others if zipf - z < opts["min_lead"]][:2])
                    message = f"'{part}' looks like a misspelling of '{what}'"
                else:
                    message = f"'{part}' looks like a misspelling of '{best}'"
                out.append(Violation(
                    start, end, message,
                    fix=Fix.replace(start, end, best, safe=safe),
                    data={
                        "suggestion": best, "word_zipf": round(eng.zipf(part), 2),
                        "suggestion_zipf": round(zipf, 2),
                        "alternatives": [c for c, _ in others[:3]],
                    },
                ))
            offset += len(part) + 1
    return out


_PREFIXES = (
    "re", "un", "pre", "non", "co", "over", "under", "out", "mis", "dis", "anti", "sub", "inter",
    "multi", "post", "semi", "super", "self", "cross", "counter", "micro", "mini", "ultra", "de",
    "mid", "bi", "tri", "pro", "hyper", "cyber", "geo", "eco", "bio",
)
def is_accepted_form(key: str, eng: lexicon.English) -> bool:
    """A known word with a productive prefix ("reposted"), a regional spelling ("iodise") or a
    regular ending (:func:`regular_inflection`)."""
    for prefix in _PREFIXES:
        rest = key[len(prefix):]
        if key.startswith(prefix) and len(rest) >= 5 and rest in eng.known:
            return True
    return regular_inflection(key, eng) or any(v in eng.known for v in lexicon.spelling_variants(key))


_VOWELS = frozenset("aeiouy")


def regular_inflection(key: str, eng: lexicon.English) -> bool:
    """True for an ending that no spelling rule can get wrong on a known word: ``-ing`` after a
    stem ending in two consonants ("lint" -> "linting": nothing doubles, no ``e`` drops), and the
    plural of a known ``-er`` or ``-or`` noun ("linters", "parsers"). The word list lacks many such
    forms of newer words; slips of the rules themselves ("occuring", "begining", "makeing") and
    plurals of mass nouns ("feedbacks") are left to the checks that follow."""
    if key.endswith("ing"):
        stem = key[:-3]
        return len(stem) >= 3 and stem[-1] not in _VOWELS and stem[-1] not in "wx" \
            and stem[-2] not in _VOWELS and stem in eng.known
    if key.endswith(("ers", "ors")):
        return len(key) >= 6 and key[:-1] in eng.known
    if key.endswith("s") and not key.endswith("ss") and len(key) >= 5:
        # "gotchas", "lints", "hydrogens": the -s form of a listed noun or verb (WordNet's parts of
        # speech), unless the noun is one that takes no plural ("feedbacks", "informations").
        stem = key[:-1]
        if stem in _UNCOUNTABLE or stem.endswith(("s", "x", "z", "ch", "sh")) or stem not in eng.known:
            return False
        from ..data import cased

        pos = cased.parts_of_speech(stem)
        if pos:
            return bool(pos & {"noun", "verb"})
        # A listed word WordNet lacks ("gotcha"): its -s form written on the web is one too.
        return len(stem) >= 5 and eng.zipf(key) >= PLURAL_MIN_ZIPF
    return False


#: How common on the web (wordfreq's Zipf scale) the -s form of a listed word WordNet does not
#: know must be to pass as its plural ("gotchas" 1.6).
PLURAL_MIN_ZIPF = 1.0
#: Nouns that take no plural, whose "-s" form is a common slip ("feedbacks", "advices").
_UNCOUNTABLE = frozenset(
    """feedback information advice equipment furniture luggage baggage research knowledge evidence
    software hardware homework housework traffic machinery jewellery jewelry clothing garbage rubbish
    vocabulary progress wildlife livestock mail music news""".split()
)


#: Longer letter runs (hashes, base64, a line without spaces) are never judged as typos.
MAX_WORD_LENGTH = 30


@lru_cache(maxsize=1)
def software_terms():
    """Computing terms and tool names that the English word list lacks ("stdout", "systemd",
    "pipx", "lexer"): ``docqa/data/software_terms.txt``, from cspell's software-terms and Python
    dictionaries (MIT; see ``software_terms.LICENSE``). Technical prose uses them in running text,
    not only in code. Kept as a stored trie (:mod:`docqa.wordstats`): a set of the 8,879 words
    took 1.4 MB of every process's memory, the trie a tenth of it. Supports ``in``."""
    from ..wordstats import stored_word_set

    return stored_word_set("software-terms", "docqa", "data/software_terms.txt")


def _settled_key(part, accepted, eng, min_length):
    """``part``'s lower-case key, or None when the word alone settles that it is no typo: too short,
    not plain letters, accepted, known, or a software term."""
    key = lexicon.normalise_apostrophes(part).lower()
    if len(key) < min_length or not key.isascii() or not key.replace("'", "").isalpha():
        return None
    if key in accepted or key in eng.known or key in software_terms():
        return None
    return key


def _judge(part, tok, vocab, counts, accepted, eng, opts, text=""):
    """``(best, zipf, others)`` when ``part`` is a confident typo, else None."""
    key = _settled_key(part, accepted, eng, opts["min_length"])
    if key is None:
        return None
    if len(key) > MAX_WORD_LENGTH:
        return None  # not a slip of a known word; and candidate generation grows with length
    if "'" in key:
        stem = key.split("'", 1)[0]
        if stem in eng.known or len(stem) < opts["min_length"]:
            return None  # "wasn't", "o'clock": contractions and elisions
        key = stem
    word_zipf = eng.zipf(key)
    if word_zipf >= opts["max_word_zipf"]:
        return None  # common on the web: a variant or a new word ("colour", "app")
    short_and_known = len(key) <= 4 and word_zipf >= opts["max_short_word_zipf"]
    if counts[key] >= 3 or vocab.loose.get(key) or vocab.evidence.get(key):
        return None  # the document's own vocabulary: used often, or capitalised as a name
    gaz = lexicon.gazetteer()
    if key in gaz.names or key in lexicon.personal_names() or is_accepted_form(key, eng):
        return None
    if _foreign_context(tok, vocab, eng, text) or _accented_loan(key):
        return None
    cands = suggestions(key)
    two_edits = False
    if not cands or cands[0][1] < TWO_EDIT_BELOW:
        more = two_edit_suggestions(key)
        if more:
            cands, two_edits = more, True
    if not cands:
        return None
    best, zipf = cands[0]
    if zipf < opts["min_suggestion_zipf"] or zipf - word_zipf < opts["min_margin"]:
        return None
    if short_and_known and eng.zipf(best) < opts["min_short_suggestion_zipf"]:
        return None  # short rare words are as often abbreviations or loans as typos
    others = list(cands[1:])
    if others and zipf - others[0][1] < opts["min_lead"]:
        # Two plausible corrections ("wich": "with" or "which"): still a typo, but report it
        # only when the word is rare enough to be one, and never with a safe fix; two slips
        # away from several words is too far to tell ("pleure": "pure" or "lure").
        if word_zipf >= opts["max_tie_zipf"] or two_edits:
            return None
        if short_and_known and len(others) > 1 and zipf - others[1][1] < opts["min_lead"]:
            return None  # "plat": "play", "plan" or "plant" - a short word of its own, likelier
    if (two_edits or (others and zipf - others[0][1] < opts["min_lead"]) or edit_kind(key, best) == "other") and (
            _glossed(tok, eng, text)):
        return None  # "taonga (treasures)": a foreign term with its gloss, unless a plain slip
    return best, zipf, others


_LANGUAGES = frozenset(
    """
    latin greek french german italian spanish portuguese dutch danish swedish norwegian finnish
    polish czech russian ukrainian turkish arabic hebrew persian hindi urdu bengali chinese mandarin
    cantonese japanese korean thai vietnamese indonesian malay tagalog swahili maori hawaiian
    welsh irish gaelic scottish yiddish sanskrit esperanto
    """.split()
)
#: Words that announce a mention of a word right after them ("the word chien", "called taonga").
_MENTION_CUES = frozenset("word words term terms called named dubbed spelled spelt".split())
#: What may stand between a language's name and a word of it: "in French by chien", "French for
#: dog", "Greek: logos". A language name directly before a noun is an adjective ("Chinese goverment").
_MENTION_LINKS = frozenset("for as by is word term the a an called".split())
#: A gloss in brackets right after a word: "taonga (treasures)", "taghut [idolatry]".
_GLOSS_RE = rx.compile(r"\s?[(\[][\"'“‘]?([a-z][a-z ,'-]{1,40}?)[\"'”’]?[)\]]")
#: Accented letters that English loans lose in plain typing ("attache" for "attaché").
_ACCENTS = {"e": "éè", "a": "àâ", "i": "ï", "o": "öô", "u": "üù", "n": "ñ", "c": "ç"}


def _foreign_context(tok, vocab, eng, text: str = "") -> bool:
    """True when the word sits in a foreign phrase or is named as a word of another language:
    an unknown lower-case word beside it ("ubique animos"), a particle before it ("La notte"),
    a capitalised name right after a short word ("dela Vega"), a language or a mention named just
    before it ("in French by chien", "the word łódź") or a gloss in brackets after it
    ("taonga (treasures)")."""
    toks = vocab.blocks.get(tok.block, [])
    try:
        i = toks.index(tok)
    except ValueError:
        return False
    text_between = lambda a, b: b.start - a.end <= 2  # noqa: E731 - adjacent words
    for j in (i - 1, i + 1):
        if 0 <= j < len(toks):
            other = toks[j]
            near = text_between(other, tok) if j < i else text_between(tok, other)
            if not near:
                continue
            if (other.shape == "lower" and other.key.isalpha() and other.key not in eng.known
                    and eng.zipf(other.key) < 4.0 and len(other.key) > 2 and not _compound(other.key, eng)
                    and other.key not in software_terms() and not _slip_of_english(other.key, eng)):
                return True
            if j < i and other.key in ("la", "le", "il", "el", "der", "die", "das", "de", "del"):
                return True
            if j > i and len(tok.key) <= 4 and other.shape in ("title", "mixed") and other.base != "I":
                return True  # "dela Vega", "bin Salman": a particle of the name that follows
    strangers = [o for o in toks[max(0, i - 6):i + 7] if o is not tok and _stranger(o, eng)]
    if len(strangers) >= 2:
        return True  # a sentence in another language: "Ne pleure pas ! J'ai besoin de tout ..."
    if i and toks[i - 1].key in _MENTION_CUES and not text[toks[i - 1].end:tok.start].strip(" \"'“‘:"):
        return True  # "the word chien", "called taonga"
    for j in range(max(0, i - 4), i):
        if toks[j].key in _LANGUAGES:
            between = toks[j + 1:i]
            gap = text[toks[j].end:tok.start] if text else ""
            if (between and all(b.key in _MENTION_LINKS for b in between)) or any(c in gap for c in ":,\"“‘("):
                return True
    return False


def _slip_of_english(key: str, eng: lexicon.English) -> bool:
    """True when an unknown word is one slip from an English word written far more often
    ("correspondances" for "correspondences"): a second typo beside a word, not a foreign one."""
    cands = suggestions(key)
    return bool(cands) and cands[0][1] >= 2.5 and cands[0][1] - eng.zipf(key) >= 2.0 and len(key) >= 6


def _glossed(tok, eng, text: str) -> bool:
    """True when an English gloss in brackets follows the word: "taonga (treasures)"."""
    m = _GLOSS_RE.match(text, tok.end)
    return bool(m) and all(w in eng.known for w in re.findall(r"[a-z]+", m.group(1)))


#: Endings of English learned words: an unknown word built with one ("allelochemicals",
#: "microbiomes", "glaciations") is a technical term of English prose, not a word of another language.
_ENGLISH_LEARNED_ENDINGS = ("ical", "icals", "ome", "omes", "ology", "ologies", "ations", "isms", "ities",
                            "ized", "izes", "izing", "ness")


def _stranger(tok, eng: lexicon.English) -> bool:
    """A lower-case word of three letters or more that no English source knows (computing jargon
    and learned English coinages are English: "stdout" or "microbiomes" beside a word does not
    make a foreign phrase)."""
    k = tok.key
    return (tok.shape == "lower" and len(k) > 2 and k.replace("'", "").isalpha() and k not in eng.known
            and eng.zipf(k) < 3.0 and not _compound(k, eng) and k not in software_terms()
            and not (len(k) >= 8 and k.endswith(_ENGLISH_LEARNED_ENDINGS)))


def _compound(key: str, eng: lexicon.English) -> bool:
    """True for a closed compound of two listed words ("wastewater", "livestream")."""
    return any(key[:i] in eng.known and key[i:] in eng.known for i in range(4, len(key) - 3))


def _accented_loan(key: str) -> bool:
    """True when ``key`` is a common word of another language with its accents dropped."""
    for i, c in enumerate(key):
        for a in _ACCENTS.get(c, ""):
            if lexicon.english().zipf(key[:i] + a + key[i + 1:]) >= 2.0:
                return True
    return False


RULES = [Misspelling]
