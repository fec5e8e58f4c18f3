"""What a sentence says about where its facts come from.

Three kinds of evidence, kept apart because the rules treat them differently:

* **named**: a source a reader can check: "according to the WHO", "Statistics Korea said on
  Tuesday", "the Bank of Korea's 2024 annual report", "(Kirriemuir & McFarlane, 2004)", a quote
  attributed to a person ("... ," said Dr Livermore), an identifiable office ("police said").
* **vague**: attribution that names nobody: "according to reports", "recent data suggests",
  "studies show", "experts say", "it is estimated", "reportedly"; and **anonymous** sourcing
  ("sources said", "an industry official said"), a subset that is legitimate but unverifiable.
* **tags**: "(Source: X)" labels; *weak* when X is only a name, with no document, date or link.

Links, URLs and reference markers are found from the document's nodes by :mod:`.analysis`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import rx
from .gate import Gate, GateRule

# ------------------------------------------------------------------ vocabulary
#: Heads of subjects that name nobody ("reports said", "experts say", "recent data suggests").
VAGUE_HEADS = frozenset(
    """reports report sources source experts expert analysts analyst observers studies study
    research data figures statistics estimates estimate surveys survey polls poll scientists
    researchers insiders critics commentators economists media press outlets accounts rumours
    rumors rumour rumor people some many others several most videos video footage posts users
    documents numbers evidence""".split()
)
#: Heads that stand for the study or report already named ("the researchers found", "the report said").
ANAPHORIC_HEADS = frozenset(
    """report study survey paper analysis poll census researchers scientists authors team data
    figures statistics findings results estimates review audit investigation inquiry""".split()
)
#: Identifiable offices and bodies: an on-the-record source even without a personal name.
INSTITUTIONS = frozenset(
    """police officials authorities government ministry department agency office court courts
    judge prosecutors prosecutor investigators spokesperson spokesman spokeswoman spokespeople
    representatives representative company firm bank council committee commission board army
    military navy coroner coroners hospital university institute service bureau administration
    embassy statement organisers organizers union federation association party campaign
    regulator watchdog governor mayor minister ministers president chairman chairwoman chair ceo
    director secretary senator sheriff firefighters rescuers witnesses residents doctors medics
    airline operator club league broadcaster newspaper network website magazine journal chief
    head leader premier chancellor king queen pope general commander staff commissioner
    inspector manager founder owner lawyer lawyers attorney attorneys professor researcher
    scientist economist analyst official source""".split()
)
PRONOUNS = frozenset("he she they we i it him her them us".split())
#: Capitalised sentence openers that are ordinary words, not names.
COMMON_OPENERS = frozenset(
    """the a an some many several most few recent new latest other such these those this that
    it there here according by in on at for from with as after before when while although though
    if since during photographs photos images pictures footage videos tests results records
    documents papers numbers figures data statistics estimates polls surveys studies reports
    sources analysis evidence calculations models projections forecasts all both each every
    local state national international official unofficial unnamed anonymous multiple various
    early initial preliminary media news press industry over about around nearly almost more less
    only just up under roughly approximately fewer below above among out half none""".split()
)
#: Capitalised words that name a day or month, never a source ("On Saturday, aftershocks ... reported").
CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april june
    july august september october november december""".split()
)
_SKIP_BACK = frozenset(
    """also later subsequently previously further then now initially earlier recently today
    yesterday tonight monday tuesday wednesday thursday friday saturday sunday last this week
    month year morning evening night afternoon has have had will would could may might did does
    do not on in at reportedly separately jointly publicly privately officially""".split()
)
ATTRIBUTION_VERBS = frozenset(
    """said says say saying told tells tell telling stated states announced announces announce
    reported reports report reporting noted notes added adds claimed claims claiming wrote writes
    tweeted posted confirmed confirms estimated estimates estimate indicated indicates revealed
    reveals found finds find showed shows show suggests indicate suggested suggest published publishes released
    releases predicted predicts forecast forecasts projected projects explained explains warned
    warns argued argues expressed affirmed insisted alleged alleges described describes cited
    cites quoted calculated counted recorded put puts credit credits credited lists listed testified
    disclosed acknowledged admitted countered replied commented remarked observed
    emphasized emphasised stressed highlighted believes believe thinks expects concluded
    concludes determined measured called labelled labeled dubbed termed declared ranked promised
    pledged vowed ranks rates rated rank names named expected""".split()
)
#: A participle right after one of these is an adjective ("with confirmed infections").
_ADJECTIVE_PREPOSITIONS = frozenset("with of for from among without into over under".split())
#: "posted bail", "posted US$2 million bond": money paid.
_POSTED_MONEY_RE = rx.compile(r"[ \u00a0]+(?:(?:US|A|C|NZ|HK)?\$|£|€|\d|bail\b|bond\b|(?:a|the|his|her|their)[ \u00a0]+(?:bail|bond)\b)")
#: After these, "claims", "reports", "estimates" are plural nouns, not verbs ("asylum claims over 150,000").
_NOUN_FOLLOWERS = frozenset("of over in on for from to and or with were are was is have had by , . ; : ) ] that's".split())
_DOCUMENT_HEADS = frozenset("release statement report filing figures data survey accounts website account".split())
_DETERMINERS = frozenset("the a an its their his her our this that these those most more least less".split())
#: Attribution verbs with an everyday sense too ("the band recorded one album", "she named a new
#: chief", "they pledged support"): they source only a figure in their own clause.
WEAK_VERBS = frozenset(
    """recorded recorded counted counts measured listed lists put puts called labelled labeled dubbed
    termed named names ranked ranks rated rates rank promised pledged vowed described describes
    credit credits credited expressed believes believe thinks expects expected released releases published
    publishes found finds find""".split()
)
#: Verbs after which a vague subject ("reports", "experts", "data") is vague attribution.
_VAGUE_VERBS = frozenset(
    """said says say told tell tells suggest suggests suggested show shows showed indicate indicates
    indicated estimate estimates estimated believe believes claim claims claimed report reports
    reported found find finds put puts""".split()
)
#: Participles that take a unit after "as ... in" ("as measured in CO2 equivalents"), where
#: "as reported in the Lancet" takes the place a figure was published.
_UNIT_PARTICIPLES = frozenset("measured calculated expressed counted valued priced denominated adjusted".split())
#: Adverbs without "-ly" between a passive's auxiliary and a reporting participle ("is sometimes
#: claimed", "is often said"), which make it vague attribution.
_PASSIVE_ADVERBS = frozenset("sometimes often also still long once always never now even widely".split())
_PASSIVE_AUX = frozenset("was were is are been be being".split())
_REPORTING_PASSIVES = frozenset("reported estimated said claimed believed thought alleged rumored rumoured suggested understood".split())

#: Words and punctuation; a number with thousands separators is one token ("3,000"), so that its
#: comma does not end a clause ("was estimated at 3,000 deaths by the Red Cross").
_WORD_RE = rx.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|[\w’'.&-]+|[^\w\s]")
_CAP_NAME_RE = rx.compile(r"^[A-Z][\w’'.&-]*$|^[A-Z]{2,}")

_ACCORDING_RE = rx.compile(r"\baccording[ \u00a0]to[ \u00a0]+(?P<x>[^,;:()\"“”]{1,100})", re.IGNORECASE)
_VAGUE_PHRASE_RE = rx.compile(
    r"\b(?:reportedly|purportedly|supposedly|allegedly|rumou?red"
    r"|it[ \u00a0]is[ \u00a0](?:said|believed|thought|reported|estimated|claimed|understood|rumou?red|alleged)"
    r"|it[ \u00a0](?:was|has[ \u00a0]been|had[ \u00a0]been)[ \u00a0](?:reported|estimated|claimed|said|alleged|suggested)"
    r"|(?:widely|commonly|generally)[ \u00a0](?:believed|reported|accepted|thought|cited)"
    r"|by[ \u00a0](?:some|most|many|several|one|all|official|unofficial|various|other)[ \u00a0](?:accounts|estimates|reports|measures)"
    r"|by[ \u00a0](?:[a-z]+[ \u00a0]){0,2}?reports"
    r"|(?:some|many)[ \u00a0](?:say|believe|estimate|claim)"
    r"|(?:multiple|several|various|some|many)[ \u00a0](?:news[ \u00a0]|media[ \u00a0])?(?:outlets|publications)"
    r"|(?:local|state|foreign|international|social|news|some|several)[ \u00a0]media[ \u00a0](?:reports?|reported|reporting|said|say)"
    r"|(?:reported|provided|given|told)[ \u00a0]anonymously"
    r"|an[ \u00a0]estimated"
    r"|a[ \u00a0]reported(?=[ \u00a0]\d|[ \u00a0](?:total|number|figure|count|tally|sum|toll)[ \u00a0]of\b)"
    r"|(?<=,[ \u00a0])(?:estimated|believed|thought|said|reported|rumou?red|alleged)[ \u00a0]to[ \u00a0](?:have|be|number|total|cost|hold|contain)"
    r"|(?:are|is|were|was)[ \u00a0](?:said|believed|thought|reported|estimated|rumou?red|understood)[ \u00a0]to)\b",
    re.IGNORECASE,
)
_ANONYMOUS_RE = rx.compile(
    r"\b(?:(?:sources|insiders)[ \u00a0](?:said|say|says|told|tell|close[ \u00a0]to|familiar[ \u00a0]with|with[ \u00a0]knowledge)"
    r"|according[ \u00a0]to[ \u00a0](?:the[ \u00a0])?(?:sources|a[ \u00a0]source|insiders|people[ \u00a0]familiar)"
    r"|(?:anonymous|unnamed|unidentified)[ \u00a0](?:[\w-]+[ \u00a0])?(?:sources?|officials?|persons?|people|insiders?|diplomats?)"
    r"|on[ \u00a0](?:the[ \u00a0])?condition[ \u00a0]of[ \u00a0]anonymity"
    r"|(?:declined|asked|did[ \u00a0]not[ \u00a0]want|requested)[ \u00a0](?:not[ \u00a0])?to[ \u00a0]be[ \u00a0](?:named|identified)"
    r"|people[ \u00a0]familiar[ \u00a0]with"
    r"|(?:provided|given|told)[ \u00a0]anonymously"
    r"|(?:an?|one)[ \u00a0](?:[\w-]+[ \u00a0]){0,3}?(?:official|source|insider|executive|diplomat|officer|aide|staffer|employee|person|"
    r"MP|lawmaker|legislator|minister|senator|member|analyst|expert|resident|witness)"
    r"[ \u00a0](?:said|says|told|familiar|close|with[ \u00a0]knowledge|who[ \u00a0](?:asked|declined|spoke|requested)))\b",
    re.IGNORECASE,
)
_TAG_RE = rx.compile(
    r"\((?P<label>sources?|data|via|credit|courtesy|figures)[ \u00a0]*:[ \u00a0]*(?P<x>[^()]{1,120})\)"
    r"|^[ \u00a0]*(?P<label2>sources?|data|figures)[ \u00a0]*:[ \u00a0]*(?P<x2>.{1,200})$",
    re.IGNORECASE | re.MULTILINE,
)
_DOCUMENT_WORDS_RE = rx.compile(
    r"\b(?:report|survey|census|study|dataset|data[ \u00a0]set|database|bulletin|yearbook|release|"
    r"statement|paper|journal|table|figure|page|pp?\.|vol\.?|edition|index|outlook|review|accounts|"
    r"filing|statistics|series|working[ \u00a0]paper|brief|factsheet|fact[ \u00a0]sheet|Q[1-4]|H[12]|FY)\b",
    re.IGNORECASE,
)
_YEAR_OR_DATE_RE = rx.compile(
    r"\b(?:1[89]\d\d|20\d\d)\b|\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
    r"Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b"
)
_LINKISH_RE = rx.compile(r"https?://|www\.|\b[\w-]+\.(?:com|org|net|gov|edu|int|io|co|uk|de|kr)\b", re.IGNORECASE)
#: Author-year citations: "(Kirriemuir & McFarlane, 2004; Prensky, 2005)", "Smith et al. (2019)".
CITATION_RE = rx.compile(
    r"\((?:see[ \u00a0])?[A-Z][\w’'-]+(?:[ \u00a0](?:et[ \u00a0]al\.?|and|&)[ \u00a0]?[A-Z]?[\w’'-]*)*,?[ \u00a0](?:19|20)\d\d[a-z]?"
    r"(?:[;,][ \u00a0]*[^()]{0,80})?\)"
    r"|\b[A-Z][\w’'-]+(?:[ \u00a0]et[ \u00a0]al\.?|[ \u00a0](?:and|&)[ \u00a0][A-Z][\w’'-]+)?[ \u00a0]\((?:19|20)\d\d[a-z]?\)"
    r"|\b[A-Z][\w’'-]+[ \u00a0]et[ \u00a0]al\b"
)
#: Reference markers: "[3]", "[^note]", "[2, 5]", superscript digits.
MARKER_RE = rx.compile(r"\[\^[\w-]+\]|\[\d{1,3}(?:[ \u00a0]*[,–-][ \u00a0]*\d{1,3})*\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|<sup>[ \u00a0]*\d+[ \u00a0]*</sup>")
#: A named document: "the Bank of Korea's 2024 annual report", "a survey published in 2017 by ...".
_NAMED_DOCUMENT_RE = rx.compile(
    r"\b[A-Z][\w&.-]*(?:[ \u00a0](?:of|for|and|&|on)?[ \u00a0]?[A-Z][\w&.-]*)*['’]s[ \u00a0](?:(?:19|20)\d\d[ \u00a0])?"
    r"(?:[\w-]+[ \u00a0]){0,2}(?:report|study|survey|census|data|figures|statistics|analysis|estimates?|"
    r"forecasts?|projections?|yearbook|index|database|filing|statement|accounts|budget|bulletin|review|audit|"
    r"rankings?|list|charts?|category|league[ \u00a0]table|tally)\b"
    r"|\b(?:report|study|survey|paper|analysis|poll|census|findings|data|figures|statistics|research|"
    r"review|audit|statement|bulletin)[ \u00a0](?:published|released|issued|compiled|conducted|carried[ \u00a0]out|"
    r"produced|posted|commissioned)[ \u00a0](?:[\w,-]+[ \u00a0]){0,5}?(?:by|in|from)[ \u00a0](?:the[ \u00a0])?[A-Z]"
    r"|\b(?:findings|research|results|a[ \u00a0]study|a[ \u00a0]paper|a[ \u00a0]report)[ \u00a0](?:published|released|issued)"
    r"[ \u00a0](?:[\w,-]+[ \u00a0]){0,3}?in[ \u00a0](?:the[ \u00a0])?[A-Z]"
)
#: "from the US Census Bureau", "a situational report of NDRRMC": a named body or its document.
_NAMED_BODY_RE = rx.compile(
    r"\b(?:from|by|per|via)[ \u00a0](?:the[ \u00a0])?(?:[A-Z][\w&.-]*[ \u00a0]){0,4}(?:Bureau|Office|Agency|Institute|Survey|"
    r"Service|Department|Ministry|Census|Commission|Bank|Organi[sz]ation|Council|Authority|Administration|"
    r"Board|Centre|Center|University|Association|Foundation|Fund|Programme|Program|Statistics)\b"
    r"|\b(?i:report|study|survey|statement|bulletin|update|release|analysis|assessment|census|estimates?|figures|"
    r"data|statistics|numbers|projections?|forecasts?|count|tally|poll)[ \u00a0](?:of|by|from)[ \u00a0]"
    r"(?:the[ \u00a0])?[A-Z]"
)
#: "the 2010 census", "the 2011 UK Census" (not gated: :func:`analyse_sentence` looks for "census" first).
_DATED_CENSUS_RE = rx.compile(r"\b(?:the|its|a)[ \u00a0](?:19|20)\d\d[ \u00a0](?:[A-Z][\w.-]*[ \u00a0]){0,2}(?:national[ \u00a0])?[Cc]ensus\b")
#: A unit of length right before a superscript two or three.
_SQUARED_UNIT_BEFORE_RE = rx.compile(r"(?:\d|\b)(?:k|c|m)?m$|(?:\d|\b)(?:ft|in|mi|yd)$")
#: Verbs that report a figure only with such an object: "the council raised the death toll to six".
_TOLL_VERBS = frozenset("raised increased revised updated lowered put placed".split())
_VERB_TRIGGERS = ATTRIBUTION_VERBS | _TOLL_VERBS | {"citing", "quoting"}
_TOLL_OBJECT_RE = rx.compile(
    r"[ \u00a0]+(?:the|its|their)[ \u00a0]+(?:[\w-]+[ \u00a0]+){0,2}(?:toll|tally|count|figure|estimate|epicent(?:er|re)|value|cost|"
    r"price|damage|bill|worth|number|total)\b",
    re.IGNORECASE,
)
#: 'X made the following announcement: "..."', 'the statement read: "..."': the quote is the statement's.
_STATEMENT_QUOTE_RE = rx.compile(
    r"\b(?:statement|announcement|message|post|tweet|release|notice|letter|report|decree|order|ruling)\b"
    r"(?:[ \u00a0](?:read|reads|said|says|stated|states|noted))?[ \u00a0]*(?:,[^:\"“]{0,30})?:[ \u00a0]*[\"“]"
)
_SUBJECT_BOUNDARY = frozenset(';:(—–"“”‘\'')


@dataclass(frozen=True)
class Evidence:
    """One piece of attribution found in the text: ``text[start:end]``, with what it is."""

    start: int
    end: int
    kind: str  # named | verb (a named subject of "said", "told"...) | vague | anonymous | weak-tag | tag | citation | marker
    text: str


@dataclass
class Attribution:
    """The attribution evidence of one sentence."""

    named: list[Evidence] = field(default_factory=list)
    vague: list[Evidence] = field(default_factory=list)
    anonymous: list[Evidence] = field(default_factory=list)
    weak_tags: list[Evidence] = field(default_factory=list)
    markers: list[Evidence] = field(default_factory=list)

    @property
    def has_any(self) -> bool:
        return bool(self.named or self.vague or self.anonymous or self.weak_tags or self.markers)


#: Each attribution pattern's gate (see :mod:`.gate`): ``(a digit opens it, words one of which opens it)``.
GATES: dict[re.Pattern[str], GateRule] = {
    _TAG_RE: (False, (":",)),
    MARKER_RE: (False, ("[", "<", *"¹²³⁴⁵⁶⁷⁸⁹⁰")),
    CITATION_RE: (False, ("(", "et al", "et\u00a0al")),
    _NAMED_BODY_RE: (False, (
        "bureau", "office", "agency", "institute", "survey", "service", "department", "ministry",
        "census", "commission", "bank", "organi", "council", "authority", "administration", "board",
        "centre", "center", "university", "association", "foundation", "fund", "program", "statistics",
        "report", "study", "statement", "bulletin", "update", "release", "analysis", "assessment",
        "estimate", "figures", "data", "numbers", "projection", "forecast", "count", "tally", "poll",
    )),
    _NAMED_DOCUMENT_RE: (False, (  # a possessive, or a publishing verb
        "'", "’", "published", "released", "issued", "compiled", "conducted", "carried", "produced",
        "posted", "commissioned",
    )),
    _ANONYMOUS_RE: (False, (
        "source", "insider", "familiar", "anonym", "unnamed", "unidentified", "named", "identified",
        "official", "executive", "diplomat", "officer", "aide", "staffer", "employee", "person", "mp",
        "lawmaker", "legislator", "minister", "senator", "member", "analyst", "expert", "resident",
        "witness",
    )),
    _ACCORDING_RE: (False, ("according",)),
    _VAGUE_PHRASE_RE: (False, (
        "report", "purport", "suppos", "alleg", "rumo", "said", "believ", "thought", "estimat", "claim",
        "understood", "suggested", "widely", "commonly", "generally", "accounts", "measures", "say",
        "outlets", "publications", "media", "anonym",
    )),
    _STATEMENT_QUOTE_RE: (False, (":",)),
}
_LOWER_WORD_RE = rx.compile(r"[a-z]+")
#: Public proceedings whose record is a source: "as revealed at trial".
_PROCEEDINGS = frozenset("trial hearing hearings inquest inquiry testimony proceedings court tribunal".split())
_NUMBER_TOKEN_RE = rx.compile(
    r"\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"hundred|hundreds|thousand|thousands|million|millions|billion|dozen|dozens", re.IGNORECASE)
#: What one claims as one's own, not as true: "claimed title to the land", "claimed responsibility".
_CLAIMED_THING_RE = rx.compile(
    r"[ \u00a0]+(?:the[ \u00a0]+)?(?:title|titles|ownership|possession|responsibility|credit|victory|throne|crown|"
    r"sovereignty|independence|asylum|compensation|damages|benefits|land|territory|a[ \u00a0]+share)\b",
    re.IGNORECASE,
)
_LIVES_AFTER_RE = rx.compile(r"[ \u00a0]+(?:[\w,.-]+[ \u00a0]+){0,3}?lives\b|[ \u00a0]+the[ \u00a0]+lives[ \u00a0]+of\b", re.IGNORECASE)


def _verbs_possible(gate: Gate) -> bool:
    """Could :func:`_verb_attributions` find anything? Only with one of its verbs as a whole word."""
    return gate.open or not _VERB_TRIGGERS.isdisjoint(_LOWER_WORD_RE.findall(gate.low))


def analyse_sentence(text: str, start: int, end: int) -> Attribution:
    """Find the attribution evidence in the sentence ``text[start:end]``."""
    out = Attribution()
    gate = Gate(text, start, end, GATES)
    scan = gate.scan
    tag_spans: list[tuple[int, int]] = []
    for m in scan(_TAG_RE):
        content = m.group("x") or m.group("x2") or ""
        tag_spans.append((m.start(), m.end()))
        ev = Evidence(m.start(), m.end(), "tag", m.group().strip())
        if tag_is_specific(content):
            out.named.append(ev)
        else:
            out.weak_tags.append(Evidence(m.start(), m.end(), "weak-tag", m.group().strip()))

    def outside_tags(s: int, e: int) -> bool:
        return not any(ts <= s < te for ts, te in tag_spans)

    for m in scan(MARKER_RE):
        if m.group() in "²³" and _SQUARED_UNIT_BEFORE_RE.search(text, max(start, m.start() - 4), m.start()):
            continue  # "1 km²", "300 m³": an exponent, not a footnote
        out.markers.append(Evidence(m.start(), m.end(), "marker", m.group()))
    for m in scan(CITATION_RE):
        if outside_tags(m.start(), m.end()):
            out.named.append(Evidence(m.start(), m.end(), "citation", m.group()))
    for m in scan(_NAMED_BODY_RE):
        if outside_tags(m.start(), m.end()):
            out.named.append(Evidence(m.start(), m.end(), "named", m.group()))
    if "census" in gate.low:
        # "As of the 2016 census": a dated national census is a document a reader can look up.
        for m in _DATED_CENSUS_RE.finditer(text, start, end):
            out.named.append(Evidence(m.start(), m.end(), "named", m.group()))
    for m in scan(_NAMED_DOCUMENT_RE):
        if outside_tags(m.start(), m.end()):
            out.named.append(Evidence(m.start(), m.end(), "named", m.group()))
    for m in scan(_ANONYMOUS_RE):
        if not _named_appositive_before(text, start, m.start()):
            out.anonymous.append(Evidence(m.start(), m.end(), "anonymous", m.group()))
    anonymous_spans = [(a.start, a.end) for a in out.anonymous]
    for m in scan(_ACCORDING_RE):
        kind = _classify_phrase(m.group("x"))
        if kind is None and re.match(r"[ \u00a0]*(?:the[ \u00a0]+)?[a-z]", m.group("x")):
            kind = "named"  # "according to earlier event plans", "according to the research team": a specific source
        if any(s <= m.start() < e for s, e in anonymous_spans):
            continue
        phrase = m.group().rstrip()
        if kind == "named":
            out.named.append(Evidence(m.start(), m.start() + len(phrase), "named", phrase))
        elif kind == "vague":
            out.vague.append(Evidence(m.start(), m.start() + len(phrase), "vague", phrase))
    for m in scan(_VAGUE_PHRASE_RE):
        if not any(s <= m.start() < e for s, e in anonymous_spans):
            out.vague.append(Evidence(m.start(), m.end(), "vague", m.group()))
    according_spans = [(m.start(), m.end()) for m in scan(_ACCORDING_RE)]
    if _verbs_possible(gate):
        _verb_attributions(text, start, end, out, tag_spans, anonymous_spans, according_spans)
    for m in scan(_STATEMENT_QUOTE_RE):
        out.named.append(Evidence(m.start(), m.end() - 1, "named", m.group()[:-1].rstrip()))
    return out


def tag_is_specific(content: str) -> bool:
    """A source tag names a document, a date or a link, not only an organisation."""
    return bool(_DOCUMENT_WORDS_RE.search(content) or _YEAR_OR_DATE_RE.search(content)
                or _LINKISH_RE.search(content) or re.search(r"[\"“”‘’]", content))


def _named_appositive_before(text: str, floor: int, pos: int) -> bool:
    """True for "Ha Jung-woo, a presidential aide, said": the person is named right before."""
    return bool(re.search(r"[A-Z][\w’'-]+,[ \u00a0]*$", text[max(floor, pos - 40):pos]))


def _looks_like_name(word: str) -> bool:
    """A capitalised word that is neither a common sentence opener nor a day or month."""
    return bool(_CAP_NAME_RE.match(word)) and word.lower() not in COMMON_OPENERS and word.lower() not in CALENDAR


def _classify_phrase(phrase: str) -> str | None:
    """Classify what follows "according to": named, vague or nothing recognisable."""
    words = [w for w in _WORD_RE.findall(phrase) if w.strip()]
    if not words:
        return None
    words = [w.rstrip(".") if len(w) > 2 else w for w in words]
    lower = [w.lower() for w in words]
    first = lower[0]
    if first in PRONOUNS or first in ("his", "her", "their", "its"):
        return "named"
    # Look at the head of the noun phrase: the words before a preposition or verb.
    head_words = []
    for w in words:
        if w.lower() in ("by", "from", "of", "in", "published", "released", "issued", "on", "at", "and", "who", "which", "that", "last", "this"):
            break
        if head_words and w.islower() and w.endswith("ed") and head_words[-1].lower() not in _DETERMINERS:
            break  # "videos posted on social media": a participle after the head
        head_words.append(w)
    head = (head_words[-1] if head_words else words[0]).lower()
    caps = [w for w in words if _looks_like_name(w)]
    if caps:
        return "named"
    if first in ("a", "an", "one", "some", "several", "various", "many", "recent", "new", "other") and head in VAGUE_HEADS:
        return "vague"  # "according to a 2011 study": a year alone does not say whose study
    if any(w.endswith(("'s", "’s")) and w[:-2].lower() in INSTITUTIONS for w in words) or any(
            re.fullmatch(r"(?:19|20)\d\d", w) for w in words):
        return "named"  # "the central bank's 2024 annual report": a dated document of a known body
    if any(w in INSTITUTIONS for w in lower) and head not in VAGUE_HEADS:
        return "named"
    if head in VAGUE_HEADS:
        definite = len(head_words) >= 2 and head_words[-2].lower() in ("the", "this", "that", "its", "their", "his", "her")
        if definite and head in ANAPHORIC_HEADS and not head.endswith("s") or definite and head in ("researchers", "scientists", "authors", "findings", "results"):
            return "named"
        return "vague"
    if any(w in INSTITUTIONS for w in lower):
        return "named"
    return None


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Words and punctuation; a full stop stays on abbreviations ("U.S.", "Dr.") only."""
    out = []
    for m in _WORD_RE.finditer(text, start, end):
        w = m.group()
        if w.endswith(".") and len(w) > 1 and w[:-1].isalpha() and w[:-1].islower():
            out.append((m.start(), m.end() - 1, w[:-1]))
            out.append((m.end() - 1, m.end(), "."))
        else:
            out.append((m.start(), m.end(), w))
    return out


def _verb_attributions(text: str, start: int, end: int, out: Attribution,
                       tag_spans: list[tuple[int, int]], anonymous_spans: list[tuple[int, int]],
                       according_spans: list[tuple[int, int]]) -> None:
    """Attribution verbs ("said", "told", "estimates", "found") and who their subject is."""
    tokens = _tokens(text, start, end)
    for i, (ts, te, tok) in enumerate(tokens):
        low = tok.lower()
        if low in _TOLL_VERBS and _TOLL_OBJECT_RE.match(text, te, end):
            kind, s_subj = _subject_kind(tokens, i, start)
            if kind == "named":
                out.named.append(Evidence(s_subj, te, "verb", text[s_subj:te]))
            continue
        if low in ("citing", "quoting"):
            obj = " ".join(t[2] for t in tokens[i + 1:i + 7])
            if _classify_phrase(obj) == "named":
                out.named.append(Evidence(ts, tokens[min(i + 6, len(tokens) - 1)][1], "named", text[ts:tokens[min(i + 6, len(tokens) - 1)][1]]))
            continue
        if low not in ATTRIBUTION_VERBS or not tok[0].islower():
            continue  # "United States" is a name, not the verb "states"
        if any(s <= ts < e for s, e in according_spans):
            continue  # "according to government reports": already classified as a phrase
        nxt = tokens[i + 1][2].lower() if i + 1 < len(tokens) else "."
        if low.endswith("s") and not low.endswith("ss") and low not in ("says", "tells"):
            prev_tok = tokens[i - 1][2] if i else ""
            plausible_subject = (prev_tok[:1].isupper() or prev_tok in (",", '"', "”", "’", ")")
                                 or prev_tok.lower() in PRONOUNS or prev_tok.lower() in INSTITUTIONS
                                 or prev_tok.lower() in VAGUE_HEADS or prev_tok.lower().endswith("ly"))
            if nxt in _NOUN_FOLLOWERS or not plausible_subject:
                continue  # a plural noun: "asylum claims over 150,000", "vaccination rates dropped"
        if i and tokens[i - 1][2].lower() in _DETERMINERS:
            continue  # "the confirmed death toll", "a reported 30 people": adjectives
        if i and _NUMBER_TOKEN_RE.fullmatch(tokens[i - 1][2]):
            continue  # "1,124 pledged delegates", "30 reported deaths": an adjective after a number
        if (i and tokens[i - 1][2].lower() in _ADJECTIVE_PREPOSITIONS and low.endswith("ed")
                and nxt[:1].isalpha() and nxt not in ("by", "that", "to", "in", "at", "on")):
            continue  # "with confirmed infections", "an earthquake of reported magnitude 4.9": adjectives
        if low == "posted" and _POSTED_MONEY_RE.match(text, te, end):
            continue  # "his lawyers posted US$2 million bond": paid, not published
        if nxt == "to" and i and tokens[i - 1][2] == "," and low in _REPORTING_PASSIVES:
            continue  # "Hurricane Maria, estimated to have done ...": a reduced passive, nobody named
        if nxt in ("up", "off"):
            continue  # "two hundred showed up", "put off": a phrasal verb, not a report
        if i >= 2 and tokens[i - 1][2].lower() == "to" and tokens[i - 2][2].lower() in ("are", "is", "was", "were"):
            continue  # "Liberal Democrats are to find a new leader": an arrangement, nothing reported
        if low.startswith("claim") and (_LIVES_AFTER_RE.match(text, te, end) or _CLAIMED_THING_RE.match(text, te, end)):
            continue  # "the hurricane claimed about 3,000 lives", "claimed title to 160 acres": no report
        if any(s <= ts < e for s, e in tag_spans) or any(s <= ts < e for s, e in anonymous_spans):
            continue
        prev = tokens[i - 1][2].lower() if i else ""
        if prev == "as" and low.endswith("ed") and nxt in ("at", "in", "during", "before"):
            # "As revealed at trial, ...", "as reported in the Lancet": where it was made public.
            span = []
            for t in tokens[i + 2:i + 8]:
                if t[2] in (",", ";", ":", ".", "(", ")"):
                    break
                span.append(t)
            where = [t[2] for t in span]
            if low in _UNIT_PARTICIPLES and nxt == "in" and where and where[0].lower() not in _DETERMINERS:
                continue  # "as measured in CO2 equivalents", "as expressed in 2010 dollars": a unit, no source
            kind = _classify_phrase(" ".join(where))
            if span and (kind == "named" or where[0].lower() in _PROCEEDINGS
                         or where[0].lower() in ("the", "a") and len(where) > 1 and where[1].lower() in _PROCEEDINGS):
                s_ev = tokens[i - 1][0]
                out.named.append(Evidence(s_ev, span[-1][1], "named", text[s_ev:span[-1][1]]))
            elif kind == "vague":
                out.vague.append(Evidence(tokens[i - 1][0], te, "vague", text[tokens[i - 1][0]:te]))
            continue
        participle = low.endswith("ed") and (
            nxt in ("at", "by", "between")
            or nxt == "in" and low in ("estimated", "measured", "calculated", "recorded", "counted", "projected"))
        if participle and prev not in PRONOUNS:
            # "an R0 estimated in the range 2-4", "a toll reported by officials": a participle.
            agent = _passive_agent(tokens, i)
            if agent == "named":
                out.named.append(Evidence(ts, tokens[min(i + 4, len(tokens) - 1)][1], "named", text[ts:tokens[min(i + 4, len(tokens) - 1)][1]]))
            elif low in _REPORTING_PASSIVES:
                out.vague.append(Evidence(ts, te, "vague", text[ts:te]))
            continue
        if prev in _PASSIVE_AUX or (i >= 2 and tokens[i - 2][2].lower() in _PASSIVE_AUX and (
                prev.endswith("ly") or (prev in _PASSIVE_ADVERBS and low in _REPORTING_PASSIVES))):
            agent = _passive_agent(tokens, i)
            if agent == "named":
                out.named.append(Evidence(ts, tokens[min(i + 4, len(tokens) - 1)][1], "named", text[ts:tokens[min(i + 4, len(tokens) - 1)][1]]))
            elif low in _REPORTING_PASSIVES and prev != "be":
                aux_start = tokens[i - 1][0] if prev in _PASSIVE_AUX else tokens[i - 2][0]
                out.vague.append(Evidence(aux_start, te, "vague", text[aux_start:te]))
            continue
        kind, s_subj = _subject_kind(tokens, i, start)
        if kind is None:
            kind = _inverted_kind(tokens, i)
            s_subj = ts
        if kind == "named":
            out.named.append(Evidence(s_subj, te, "verb", text[s_subj:te]))
        elif kind == "vague" and low in _VAGUE_VERBS:
            out.vague.append(Evidence(s_subj, te, "vague", text[s_subj:te]))


def _passive_agent(tokens: list[tuple[int, int, str]], i: int) -> str | None:
    """"was told by Emergencies Minister ...": who the ``by`` agent is, if any."""
    for j in range(i + 1, min(i + 14, len(tokens))):
        if tokens[j][2] in (".", ";", ",", ":"):
            break
        if tokens[j][2].lower() == "by":
            rest = [t[2] for t in tokens[j + 1:j + 6]]
            kind = _classify_phrase(" ".join(rest))
            return kind
    return None


def _subject_kind(tokens: list[tuple[int, int, str]], i: int, floor: int) -> tuple[str | None, int]:
    """Classify the subject before the verb at ``tokens[i]``: named, vague or None."""
    window: list[tuple[int, int, str]] = []
    j = i - 1
    at_boundary = True  # the window stopped at a quote, bracket or the sentence start
    while j >= 0 and len(window) < 14:
        tok = tokens[j][2]
        if tok in _SUBJECT_BOUNDARY:
            break
        if tok.lower() in ("that", "which", "who", "because", "while", "but", "and", "if", "when") and window:
            at_boundary = False
            break
        window.insert(0, tokens[j])
        j -= 1
    if not window:
        return None, tokens[i][0]
    # Skip adverbs, auxiliaries and time words between the subject and the verb.
    k = len(window) - 1
    while k >= 0 and (window[k][2].lower() in _SKIP_BACK or window[k][2].lower().endswith("ly") and window[k][2][0].islower()):
        k -= 1
    if k < 0:
        return None, tokens[i][0]
    head = window[k][2]
    low = head.lower()
    s_subj = window[0][0]
    if low == "which" and k >= 1 and window[k - 1][2] == "," and tokens[i][2].lower() in _VAGUE_VERBS | {"revealed"}:
        # "the data the probe sent back, which showed ...": the relative pronoun stands for a
        # definite report, study or data set named just before.
        for t in range(k - 2, max(-1, k - 8), -1):
            if window[t][2].lower() in ANAPHORIC_HEADS and t >= 1 and window[t - 1][2].lower() in ("the", "its", "their", "this"):
                return "named", window[t - 1][0]
        return None, s_subj
    if low in ("and", "or", "but"):
        return None, s_subj  # "had 750,000 followers, and wrote about ...": the subject is the sentence's, further back
    first = window[0][2]
    if (j >= 0 and tokens[j][2].lower() in ("that", "which", "who") and first[:1].islower()
            and first.lower() not in _DETERMINERS and first.lower() not in PRONOUNS
            and first.lower() not in INSTITUTIONS and first.lower() not in VAGUE_HEADS):
        # "aftershocks of a quake that struck the Philippines on Wednesday have increased the toll":
        # the window is a relative clause inside the subject, whose head comes before "that".
        # Set off by commas ("The United States, which has retreated from ..., has stated"), the
        # clause follows the subject, which names a source when it holds a name.
        if j >= 2 and tokens[j - 1][2] == "," and window[k][2] == ",":
            head_words, boundary = [], None
            for t in range(j - 2, max(-1, j - 8), -1):
                if tokens[t][2] in _SUBJECT_BOUNDARY or tokens[t][2] in (",", ".", ";"):
                    boundary = t
                    break
                head_words.insert(0, tokens[t])
            if not head_words:
                return None, s_subj
            starts_sentence = head_words[0][0] == floor or (boundary is not None and tokens[boundary][2] in '"“')
            if (len(head_words) >= 2 and head_words[-1][2].lower() in ANAPHORIC_HEADS
                    and head_words[-2][2].lower() in ("the", "this", "that", "its", "their", "his", "her")):
                return "named", head_words[0][0]  # "The report, which was leaked on Monday, says"
            for n, (_s, _e, w) in enumerate(head_words):
                if n == 0 and starts_sentence and w.lower() in COMMON_OPENERS:
                    continue
                if _is_name_word(w) or w.lower() in INSTITUTIONS:
                    return "named", head_words[0][0]
        return None, s_subj
    at_sentence_start = window[0][0] == floor or (j >= 0 and tokens[j][2] in '"“')

    def is_name(pos: int) -> bool:
        return _is_name_word(window[pos][2], pos == 0 and at_sentence_start)

    if head in (",", ")"):
        if any(is_name(p) for p in range(k)) or any(w[2].lower() in INSTITUTIONS for w in window[:k]):
            return "named", s_subj
        # "Dr Jane Roe, the lead author of the study and a specialist, said": look back past "and".
        if at_boundary:
            return None, s_subj
        lo = j
        while lo > 0 and tokens[lo - 1][2] not in _SUBJECT_BOUNDARY and i - lo < 30:
            lo -= 1
        for t in tokens[lo:i]:
            w = t[2]
            if _looks_like_name(w) and w.lower() not in VAGUE_HEADS:
                return "named", t[0]
        return None, s_subj
    if low in PRONOUNS:
        return ("named", window[k][0]) if low != "it" or k == len(window) - 1 else (None, s_subj)
    if low == "al" and k >= 1 and window[k - 1][2].lower() == "et":
        return "named", s_subj
    if low in VAGUE_HEADS:
        before = window[k - 1][2].lower() if k >= 1 else ""
        if before in ("the", "this", "that", "these", "its", "their", "his", "her") and low in ANAPHORIC_HEADS:
            return "named", s_subj
        # Only the noun phrase itself can name whose reports or scientists they are ("NASA scientists").
        first = k
        while first > 0 and re.match(r"[\w’'&-]", window[first - 1][2]):
            first -= 1
        if before.endswith(("'s", "’s")) or any(is_name(p) for p in range(first, k)):
            return "named", s_subj
        if before == ")" and k >= 2 and is_name(k - 2):
            return "named", s_subj  # "Johns Hopkins University (JHU) data indicated"
        if low in ("source", "official") and before in ("a", "an", "one"):
            return "vague", s_subj
        return "vague", s_subj
    if low in INSTITUTIONS:
        if low in ("official", "source") and k >= 1 and window[k - 1][2].lower() in ("a", "an", "one"):
            return "vague", s_subj
        return "named", s_subj
    if low in _DOCUMENT_HEADS and any(w[2].endswith(("'s", "’s")) for w in window[max(0, k - 3):k]):
        return "named", s_subj  # "the chain's press release reported": a named body's document
    if is_name(k) or any(is_name(p) for p in range(k)):
        return "named", s_subj
    return None, s_subj


def _is_name_word(w: str, opens_sentence: bool = False) -> bool:
    """A capitalised word of a subject that names someone: not a vague head ("Experts") or a day
    or month, and not an article, or, opening the sentence, a common opener ("Some", "Reports")."""
    if not _CAP_NAME_RE.match(w) or w.lower() in VAGUE_HEADS or w.lower() in CALENDAR:
        return False
    return w.lower() not in (COMMON_OPENERS if opens_sentence else ("the", "a", "an"))


def _inverted_kind(tokens: list[tuple[int, int, str]], i: int) -> str | None:
    """'"...," said his father, Abdullah Kurdi': classify who follows the verb."""
    prev = tokens[i - 1][2] if i else ""
    if prev not in (",", '"', "”", "’", "'") and i:
        return None
    for j in range(i + 1, min(i + 9, len(tokens))):
        w = tokens[j][2]
        low = w.lower()
        if w in (".", ";", "!", "?"):
            break
        if low in PRONOUNS or low in INSTITUTIONS:
            return "named"
        if _looks_like_name(w):
            return "named"
        if low in VAGUE_HEADS:
            return "vague"
    return None
