"""Quantitative claims in a sentence: the numbers a reader would ask "says who?" about.

A claim is a percentage or fraction, a money amount, a measurement with a unit, a count (ten or
more of something, an approximate large count such as "thousands of", or a tally of casualties,
votes or delegates of any size), a multiplier ("doubled", "three times as many"), a ranking with a
scope ("the world's largest", "the deadliest since 2018") or a change stated with a number ("rose
to 31").

Numbers that only name or locate something are not claims: dates, years and year ranges, times
of day, durations, ages, ordinals, versions, section and list numbers, identifiers ("Boeing 707",
"Route 66"), phone numbers, street addresses, quantities inside quoted titles, and small counts of
the people or things a story is about ("two gunmen", "the five demands").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from .. import rx
from .gate import Gate, GateRule

# ------------------------------------------------------------------ vocabulary
_UNITS_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12,
}
_WORD_NUM = (
    r"(?:" + "|".join(_TENS_WORDS) + r")(?:[- ](?:" + "|".join(list(_UNITS_WORDS)[:9]) + r"))?"
    r"|" + "|".join(sorted(_UNITS_WORDS, key=len, reverse=True))
)
NUMBER_RE = rx.compile(
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"|\b(?P<word>half[ \u00a0]a[ \u00a0](?:million|billion)|(?:a|one)[ \u00a0]quarter[ \u00a0-](?:million|billion)|"
    + _WORD_NUM + r"|a dozen|dozen|a[ \u00a0](?:hundred|thousand|million|billion))\b",
    re.IGNORECASE,
)
_SCALE_AFTER_RE = rx.compile(r"[ \u00a0]?(hundred|thousand|million|billion|trillion|bn|mn|mln|tn)\b", re.IGNORECASE)
_GLUED_SCALE = {"k", "m", "mn", "bn", "b", "tn"}

_CURRENCY_CODES = r"IRR|THB|MXN|CUC|CUP|PLN|CZK|HUF|TRY|EGP|AED|SAR|IDR|MYR|PHP|VND|ILS|NGN|KES|ARS|CLP|COP|PEN|TWD|ISK"
#: A currency code written against the amount: "THB1,500", "USD25".
_GLUED_CODE_BEFORE_RE = rx.compile(
    r"\b(?:USD|EUR|GBP|JPY|KRW|CNY|INR|CHF|AUD|CAD|HKD|SGD|NZD|SEK|NOK|DKK|BRL|ZAR|RUB|" + _CURRENCY_CODES + r")$"
)
_CURRENCY_BEFORE_RE = rx.compile(
    r"(?:(?:(?:US|U\.S\.|A|AU|C|CA|CDN|NZ|HK|S|R|NT|Mex)?\$|€|£|¥|₩|₹|₽|₺|₪|₦|₱|₿)[ \u00a0]?|"
    r"\b(?:USD|EUR|GBP|JPY|KRW|CNY|RMB|INR|CHF|AUD|CAD|HKD|SGD|NZD|SEK|NOK|DKK|BRL|ZAR|RUB|" + _CURRENCY_CODES + r"|Rs\.?)[ \u00a0]?)$"
)
_CURRENCY_WORDS = (
    r"dollars?|euros?|pounds sterling|pounds|yen|yuan|renminbi|rupees?|rubles?|roubles?|francs?|"
    r"pesos?|cents?|pence|dinars?|riyals?|rials?|dirhams?|lira|liras|shekels?|baht|kronor|kronas?|"
    r"krone|kroner|rand|naira|reais|ringgit|rupiah|zloty|forint|hryvnias?|bitcoins?|won"
)
_CURRENCY_AFTER_RE = rx.compile(r"[ \u00a0](?:" + _CURRENCY_WORDS + r")\b", re.IGNORECASE)

_PERCENT_AFTER_RE = rx.compile(
    r"[ \u00a0]?(?:%|percent\b|per[ \u00a0]cent\b|pct\b|percentage[ \u00a0]points?\b|per[ \u00a0]mille\b|‰)",
    re.IGNORECASE,
)
_UNIT_WORDS = (
    r"km|kms|kilomet(?:re|er)s?|met(?:re|er)s?|m|cm|mm|miles?|mi|mph|km/h|kmh|kph|knots|m/s|ft|feet|foot|"
    r"inch(?:es)?|yards?|acres?|hectares?|ha|sq|square|km2|km²|m²|m2|kg|kgs|kilo(?:gram)?s?|grams?|mg|µg|mcg|"
    r"tonnes?|tons?|lbs?|ounces?|oz|lit(?:re|er)s?|ml|gallons?|barrels?|bpd|cubic|MW|GW|kW|kWh|MWh|GWh|"
    r"TWh|watts?|volts?|degrees?|[°º][CF]?|celsius|fahrenheit|moles?|mol|ppm|ppb|dB|decibels?|calories|kcal|"
    r"Hz|kHz|MHz|GHz|bytes|KB|MB|GB|TB|PB|Mbps|Gbps|megapixels|light[- ]years?|votes?"
)
_UNIT_AFTER_RE = rx.compile(r"[ \u00a0]?(?:" + _UNIT_WORDS + r")(?![\w-])", re.IGNORECASE)
_GLUED_UNIT_RE = rx.compile(r"(?:" + _UNIT_WORDS + r")$", re.IGNORECASE)
_TIME_UNITS = frozenset(
    """second seconds sec secs minute minutes min mins hour hours hr hrs h day days night nights week
    weeks weekend weekends fortnight fortnights month months year years yr yrs decade decades century
    centuries millennium millennia season seasons term terms semester semesters quarter quarters
    lifetime lifetimes generation generations times time""".split()
)
_TIME_OF_DAY_AFTER_RE = rx.compile(
    r"[ \u00a0]?(?:a\.?m\.?|p\.?m\.?|UTC|GMT|BST|CET|CEST|EET|EST|EDT|CST|CDT|PST|PDT|JST|KST|IST|AEST|"
    r"local time|o['’]clock|hrs|hours local)(?![\w])",
    re.IGNORECASE,
)
_MONTHS = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
_MONTH_BEFORE_RE = rx.compile(r"\b(?:" + _MONTHS + r")\.?,?[ \u00a0](?:the[ \u00a0])?$")
_MONTH_AFTER_RE = rx.compile(r"^(?:st|nd|rd|th)?,?[ \u00a0](?:of[ \u00a0])?(?:" + _MONTHS + r")\b")
_YEAR_PREPOSITIONS = frozenset(
    "in since by of from until till to before after during between circa c. ca. early late mid around "
    "year years fiscal fy spring summer autumn fall winter and or the class".split()
)
# Lower-case words that turn the number after them into a label, not a quantity.
_IDENTIFIER_WORDS = frozenset(
    """version v release build revision rev update patch section sections chapter chapters article
    articles clause clauses paragraph paragraphs page pages p pp line lines item items step steps
    figure figures fig table tables appendix note notes no nos number numbers flight route routes
    room rooms suite floor apt unit level phase stage grade class category type model channel
    season episode volume vol issue part act scene verse rule exhibit gate platform terminal
    highway interstate bus tram track lot plot box station block district ward precinct zone
    sector post posts code id ticket order amendment resolution psalm size reference ref
    question questions option options slide slides""".split()
)
# Sentence-initial capitalised words that are quantifiers, not the name of an identifier.
_QUANTIFIER_WORDS = frozenset(
    """about around some over nearly almost approximately roughly only just more fewer less at up by
    all another the a an another exactly precisely an estimated estimated some total and or but
    while whereas with without of for from to in on than since after before among under below
    above beyond within between""".split()
)
_STREET_AFTER_RE = rx.compile(
    r"^[ \u00a0](?:[A-Z][\w'’.-]*[ \u00a0]){1,3}(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Boulevard|"
    r"Blvd\.?|Lane|Ln\.?|Drive|Dr\.?|Way|Place|Pl\.?|Square|Sq\.?|Court|Ct\.?|Terrace|Crescent|Close|"
    r"Parkway|Pkwy|Highway|Hwy|Row|Walk|Gardens|Plaza|Circle|Alley)\b"
)
#: After a three-digit number from 100 to 599: an HTTP status ("404 and 405 exceptions", "a 503
#: error"), a code that names a kind of response, not a count.
_HTTP_STATUS_AFTER_RE = rx.compile(
    r"^(?:[ \u00a0]?(?:,|and|or|to|-|–)[ \u00a0]?[1-5]\d\d)*[ \u00a0](?:HTTP[ \u00a0])?"
    r"(?:errors?|exceptions?|responses?|status(?:es)?|status[ \u00a0]codes?|codes?|redirects?|pages?)\b",
    re.IGNORECASE,
)
_PHONE_RE = rx.compile(
    r"(?<![\w+])(?:\+\d{1,3}[ \u00a0.-]?)?(?:\(\d{1,5}\)[ \u00a0.-]?)?\d{2,5}(?:[ \u00a0.-]\d{2,5}){1,4}(?![\w])"
)
_AGE_BEFORE_RE = rx.compile(r"\b(?:aged|age|ages)[ \u00a0]$", re.IGNORECASE)
_AGE_AFTER_RE = rx.compile(r"^(?:[- ](?:and[- ]a[- ]half[- ])?years?[- ]old|[- ]year[- ]olds?|[- ]month[- ]old)", re.IGNORECASE)
_NAME_COMMA_BEFORE_RE = rx.compile(r"[A-Z][\w'’.-]+,[ \u00a0]$")
_NAME_PAREN_BEFORE_RE = rx.compile(r"[A-Z][\w'’.-]+[ \u00a0]\($")

_NATIONALITY_RE = rx.compile(r"(?:an|ans|ian|ians|ese|ish|ers|ons|ics)$")
_PLURAL_IRREGULAR = frozenset(
    """people persons children men women police personnel staff cattle sheep fish deer aircraft
    livestock crew troops folk poultry clergy faculty offspring spacecraft swine bison""".split()
)
_NOT_NOUNS = frozenset(
    """is was has does this its his hers ours yours theirs as us thus plus versus less unless across
    always perhaps whereas besides towards afterwards sometimes nevertheless series news various means
    previous serious famous numerous enormous dangerous anonymous ambitious obvious this was
    des les los las dos das""".split()
)
_BREAK_WORDS = frozenset(
    """the a an and or but nor to of in on at by for from with as than that which who whom whose
    is are was were be been being has have had will would could should shall may might can did do
    does not no this these those its his her their our my your it he she they we i you per each
    also only just about over under between after before during since until into onto upon via
    when where while if because so then there here what how why all both either neither""".split()
)
#: A player's or a team's game record ("In 31 games, he batted .287"): sports results, like scores.
_SPORTS_NOUNS = frozenset(
    """games matches innings appearances caps goals runs rbi rbis homers touchdowns wickets assists
    rebounds at-bats""".split()
)
# Nouns whose count is a result, a toll or a tally: a claim at any size.
_TALLY_NOUNS = frozenset(
    """deaths dead fatalities casualties victims injuries injured wounded survivors bodies killed
    arrests votes delegates seats electors counts charges""".split()
)
_CASUALTY_VERBS = (
    r"(?:dead|killed|injured|wounded|missing|hurt|died|arrested|detained|evacuated|rescued|"
    r"hospitali[sz]ed|drowned|perished|taken[ \u00a0]to[ \u00a0](?:a[ \u00a0]|the[ \u00a0])?hospital)\b"
)
_CASUALTY_AFTER_RE = rx.compile(
    r"^(?:(?:[ \u00a0](?:(?-i:[a-z])[\w-]*|a|an)){0,4}?[ \u00a0](?:were|are|was|have[ \u00a0]been|had[ \u00a0]been|has[ \u00a0]been|"
    r"remain|remained)(?:[ \u00a0](?:confirmed|reported|believed|feared|presumed|now|later|seriously|critically|"
    r"also|all|both|each|reportedly)){0,2}"
    r"|(?:[ \u00a0]of[ \u00a0](?:his|her|their|its|the)(?=[ \u00a0]))?"
    r"(?:[ \u00a0](?:people|persons|others|more|civilians|soldiers|children|adults|(?-i:[a-z])[\w-]*|"
    r"(?-i:[A-Z][a-z]+(?:ans|ese|is|ers)))){0,3})"
    r"[ \u00a0]" + _CASUALTY_VERBS,
    re.IGNORECASE,
)
_CASUALTY_BEFORE_RE = rx.compile(
    r"\b(?:killed|killing|kills|kill|injured|injuring|injures|wounded|wounding|wounds|left|leaving|"
    r"claimed|claiming|evacuated|evacuating|rescued|arrested|arresting|detained|a[ \u00a0]total[ \u00a0]of|"
    r"toll[ \u00a0](?:\w+[ \u00a0]){0,3}(?:to|of|at|from)|toll[ \u00a0]of)"
    r"[ \u00a0](?:at[ \u00a0]least[ \u00a0]|more[ \u00a0]than[ \u00a0]|over[ \u00a0]|about[ \u00a0]|around[ \u00a0]|"
    r"some[ \u00a0]|nearly[ \u00a0]|almost[ \u00a0]|up[ \u00a0]to[ \u00a0]|an[ \u00a0]estimated[ \u00a0]|another[ \u00a0]|all[ \u00a0]|"
    r"a[ \u00a0]further[ \u00a0]|roughly[ \u00a0]|approximately[ \u00a0])?$",
    re.IGNORECASE,
)
_GROWTH_BEFORE_RE = rx.compile(
    r"\b(?:rose|risen|rises|rising|fell|fallen|falls|falling|grew|grown|grows|growing|increased|"
    r"increases|increasing|decreased|decreases|declined|declines|dropped|drops|jumped|jumps|surged|"
    r"surges|soared|soars|plunged|plummeted|climbed|climbs|slumped|reached|reaches|hit|hits|topped|"
    r"exceeded|exceeds|surpassed|swelled|ballooned|shrank|shrunk|"
    # changed to a figure: "was reduced to about 500", "has been expanded to 58"
    r"(?:reduced|expanded|lowered|raised|boosted|slashed|cut|trimmed)(?=[ \u00a0]to[ \u00a0]))"
    r"[ \u00a0](?:by[ \u00a0]|to[ \u00a0]|from[ \u00a0])?(?:an[ \u00a0]estimated[ \u00a0]|about[ \u00a0]|nearly[ \u00a0]|"
    r"almost[ \u00a0]|some[ \u00a0]|over[ \u00a0]|more[ \u00a0]than[ \u00a0]|around[ \u00a0]|roughly[ \u00a0])?$",
    re.IGNORECASE,
)
#: "a crowd of", "an audience of some": the number after is a head count.
_CROWD_BEFORE_RE = rx.compile(
    r"\b(?:crowds?|audiences?|turnout|attendance|gatherings?|rally|march|herds?|flocks?|colony|colonies|swarms?|"
    r"population)[ \u00a0](?:of|estimated[ \u00a0]at|numbering)[ \u00a0]"
    r"(?:about[ \u00a0]|around[ \u00a0]|some[ \u00a0]|nearly[ \u00a0]|almost[ \u00a0]|over[ \u00a0]|more[ \u00a0]than[ \u00a0]|up[ \u00a0]to[ \u00a0])?$",
    re.IGNORECASE,
)
#: A name introduced by "called", "known as": "the Court of Forty Pillars", "the Gang of Four".
_NAME_CUE_BEFORE_RE = rx.compile(
    r"\b(?:called|named|known[ \u00a0]as|nicknamed|dubbed|titled|entitled)[ \u00a0](?:the[ \u00a0])?"
    r"(?:(?-i:[A-Z])[\w'’-]*[ \u00a0](?:(?:of|de|la|the|and)[ \u00a0])?){1,4}$",
    re.IGNORECASE,
)
#: "all vessels exceeding 300 tons", "any company with more than 50 staff": a class, not a finding.
_THRESHOLD_BEFORE_RE = rx.compile(
    r"\b(?:all|any|every|each|only)[ \u00a0](?:[\w-]+[ \u00a0]){1,3}?(?:exceeding|over|above|under|below|of[ \u00a0]more[ \u00a0]than|"
    r"with[ \u00a0](?:more|fewer|less)[ \u00a0]than|with[ \u00a0]at[ \u00a0](?:least|most)|weighing[ \u00a0](?:more|less)[ \u00a0]than|"
    r"larger[ \u00a0]than|smaller[ \u00a0]than)[ \u00a0]$",
    re.IGNORECASE,
)
_RECORD_BEFORE_RE = rx.compile(r"\b(?:a|an|the)[ \u00a0](?:new[ \u00a0]|all-time[ \u00a0])?record[ \u00a0]$", re.IGNORECASE)

# Word forms of large, approximate counts ("thousands of protesters", "Dozens died").
_LARGE_RE = rx.compile(
    r"\b(?:(?:tens|hundreds)[ \u00a0]of[ \u00a0](?:thousands|millions|billions)|dozens|hundreds|thousands|"
    r"millions|billions)\b(?:[ \u00a0]of[ \u00a0](?:[\w'’-]+[ \u00a0]){0,3}?(?P<noun>[\w'’-]+))?",
    re.IGNORECASE,
)
#: Plural nouns after "thousands of" that count no population or quantity.
_NOT_COUNTED = frozenset(
    """ways reasons things words aspects topics ideas examples kinds types forms sorts times
    questions answers stories""".split()
)
_VOTE_RE = rx.compile(
    r"\b(?:vot(?:ed|es|ing)|by[ \u00a0]a[ \u00a0](?:vote|margin)[ \u00a0]of|passed|approved|rejected)[ \u00a0]"
    r"(\d+|" + _WORD_NUM + r")[ \u00a0]?(?:to|-|–)[ \u00a0]?(\d+|" + _WORD_NUM + r")\b"
    # A tally later in a sentence about a vote: "The vote passed along party lines, 230-to-198."
    r"|\b(?:vote|votes|voted|voting|margin)\b[^.;:!?]{0,80}?(?<![\w,.])(\d{1,3}(?:,\d{3})*)[ \u00a0]?(?:-to-|to|–|-)[ \u00a0]?"
    r"(\d{1,3}(?:,\d{3})*)(?![\w%])",
    re.IGNORECASE,
)
_MONEY_WORDS_RE = rx.compile(
    r"\b(?:tens[ \u00a0]of[ \u00a0])?(?:millions|billions|thousands)[ \u00a0](?:of[ \u00a0](?:dollars|euros|pounds)|in[ \u00a0]"
    r"(?:sales|revenue|funding|damages|donations|profits?|losses|fines|aid|investment))\b",
    re.IGNORECASE,
)
_SEVERAL_RE = rx.compile(
    r"\b(?:(?-i:S)everal|(?-i:A)[ \u00a0]few|(?-i:M)any|(?-i:S)ome|several|a[ \u00a0]few|many|some)[ \u00a0]"
    r"(?:hundred|thousand|million|billion)[ \u00a0](?:[\w-]+[ \u00a0]){0,2}?(?:[a-z][\w-]*s|people|children|men|women|police|staff|personnel|feet)\b"
)
#: How often something has happened: "Only once before has Congress voted ...", "twice in its history".
_TIMES_BEFORE_RE = rx.compile(
    r"\bonly[ \u00a0](?:once|twice|(?:three|four|five|six|seven|eight|nine|ten|\d+)[ \u00a0]times)[ \u00a0](?:before|previously)\b"
    r"|\b(?:once|twice|(?:three|four|five|six|seven|eight|nine|ten|\d+)[ \u00a0]times)[ \u00a0](?:before[ \u00a0])?"
    r"(?:in[ \u00a0](?:its|their|the|(?-i:[A-Z])[\w-]*['’]s)[ \u00a0](?:[\w-]+[ \u00a0])?history|since[ \u00a0](?:records[ \u00a0]began|\d{4}))\b",
    re.IGNORECASE,
)
_CHANGE_NUM = r"(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?|" + _WORD_NUM + r")"
#: A record over a period: "only the third Orioles pitcher since 1950 to ...", "the first woman since 1960 to".
#: (Not in :data:`GATES`: :func:`find_claims` looks for "since" first.)
_SINCE_RECORD_RE = rx.compile(
    r"\b(?:only[ \u00a0])?the[ \u00a0](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
    r"[ \u00a0](?:[\w'’-]+[ \u00a0]){1,4}?since[ \u00a0](?:(?:1[5-9]|20)\d\d|records[ \u00a0]began)[ \u00a0]to\b",
    re.IGNORECASE,
)
#: A change stated from one figure to another: "reduced the number of polling stations from 180 to 5".
_FROM_TO_RE = rx.compile(
    r"\b(?:increased?|increases|increasing|raised|raises|raising|reduced|reduces|reducing|cut|cuts|cutting|lowered|"
    r"lowers|rose|risen|rises|fell|fallen|falls|grew|grown|grows|dropped|drops|declined|declines|jumped|climbed|"
    r"soared|surged|plunged|slashed|boosted|expanded|shrank|shrunk|revised|went|gone|rise|fall|drop|decrease[sd]?|decline)\b"
    r"(?:[ \u00a0][\w'’-]+){0,8}?[ \u00a0]from[ \u00a0](?:about[ \u00a0]|around[ \u00a0]|some[ \u00a0]|nearly[ \u00a0]|a[ \u00a0]previous[ \u00a0])?"
    r"(?P<a>" + _CHANGE_NUM + r")(?:[ \u00a0](?:[a-z]+|per[ \u00a0]cent|percent)){0,2}[ \u00a0]to[ \u00a0]"
    r"(?:about[ \u00a0]|around[ \u00a0]|some[ \u00a0]|nearly[ \u00a0]|just[ \u00a0]|only[ \u00a0])?(?P<b>" + _CHANGE_NUM + r")(?![\w:/.-]\w)",
    re.IGNORECASE,
)
_NUMBERING_RE = rx.compile(r"\b(?:numbering[ \u00a0]in|by|in)[ \u00a0]the[ \u00a0](?:hundreds|thousands|millions|tens[ \u00a0]of[ \u00a0]thousands)\b", re.IGNORECASE)

_MULTIPLIER_RE = rx.compile(
    r"\b(?:(?:doubled|tripled|trebled|quadrupled|halved)(?![ \u00a0](?:down|up|over|back|as|(?:the|their|his|her|its)[ \u00a0](?:lead|advantage|score))\b)"
    r"|(?:(?:to|will|would|could|may|might|set[ \u00a0]to|expected[ \u00a0]to|likely[ \u00a0]to|projected[ \u00a0]to|"
    r"forecast[ \u00a0]to|poised[ \u00a0]to|going[ \u00a0]to|on[ \u00a0]track[ \u00a0]to)[ \u00a0](?:more[ \u00a0]than[ \u00a0])?"
    r"(?:double|triple|treble|quadruple|halve))(?![ \u00a0](?:as|down|up|check)\b)"
    r"|(?:\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred)[- ]?fold\b"
    r"|by[ \u00a0]a[ \u00a0]factor[ \u00a0]of[ \u00a0](?:\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred)"
    r"|twice[ \u00a0](?:as[ \u00a0](?:many|much|likely|large|high|fast|big|often)|the[ \u00a0](?:number|rate|amount|size|level))"
    r"|(?:\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred)[ \u00a0]times[ \u00a0]"
    r"(?:as[ \u00a0](?:many|much|likely|large|high|fast|big|often)|more|higher|larger|bigger|greater|faster|"
    r"lower|smaller|less|the[ \u00a0](?:number|rate|amount|size|level|average|national)|that[ \u00a0]of))",
    re.IGNORECASE,
)
_SUPERLATIVES = (
    r"largest|biggest|highest|lowest|smallest|richest|poorest|oldest|youngest|tallest|longest|"
    r"shortest|deadliest|busiest|fastest|slowest|heaviest|hottest|coldest|wettest|driest|strongest|"
    r"widest|deepest|cheapest|costliest|worst|greatest[ \u00a0]number|"
    r"most[ \u00a0](?:populous|populated|densely[ \u00a0]populated|visited|valuable|expensive|popular|prevalent|"
    r"common|deadly|widely[ \u00a0]used|widely[ \u00a0]read|watched|viewed|downloaded|used|powerful)|"
    r"most-(?:watched|viewed|visited|downloaded|populous)|best[- ]selling|fastest[- ]growing|"
    r"highest[- ]grossing|top[- ]selling|least[ \u00a0](?:populous|populated|developed|visited)"
)
_ORDINALS = r"second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)"
_SMALL_COUNT = r"\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred"
_GENERIC_SCOPES = r"world|globe|planet|nation|country|continent|region|industry|sector|market|city|state|company|firm"
#: Adjectives of taste, not of measure: "one of the most beautiful towns in the world" ranks nothing
#: a reader could count.
_EVALUATIVE = (
    r"beautiful|interesting|important|impressive|stunning|attractive|picturesque|charming|romantic|"
    r"spectacular|magnificent|remarkable|fascinating|exciting|lovely|wonderful|pleasant|scenic|elegant|"
    r"iconic|brilliant|distinguished|outstanding|honou?red|respected|admired|inspiring|memorable|"
    r"enjoyable|delightful|gorgeous|breathtaking|striking|unique|intriguing|amazing|incredible"
)
_RANK_SCOPED_RE = rx.compile(
    r"\b(?:the[ \u00a0])?(?:(?P<generic>" + _GENERIC_SCOPES + r")|(?P<proper>[A-Z][\w&.-]*(?:[ \u00a0][A-Z][\w&.-]*){0,3}))"
    r"['’]s?[ \u00a0](?:former[ \u00a0])?(?:(?:" + _ORDINALS + r")[- ])?"
    r"(?P<rank>(?:top|leading|largest|biggest)[ \u00a0](?:" + _SMALL_COUNT + r")\b|(?:" + _SMALL_COUNT
    + r")[ \u00a0](?:largest|biggest|leading|richest|top)\b|" + _SUPERLATIVES
    + r"|(?P<soft>top|leading|number[- ]one|No\.?[ \u00a0]?1)"
    # "the world's most rare orchids": any measurable "most" after a generic scope (not "most beautiful").
    + r"|(?P<most>most[ \u00a0](?!(?:" + _EVALUATIVE + r")\b)(?-i:[a-z])[a-z-]+))\b"
)
_RANK_SCOPE_AFTER_RE = rx.compile(
    r"\b(?:the[ \u00a0])?(?:(?:" + _ORDINALS + r")[- ])?(?:" + _SUPERLATIVES + r")\b"
    r"(?![- ](?:rank|ranking|ranked|paid|placed)\b)(?:,?[ \u00a0][\w'’-]+){0,7}?,?[ \u00a0](?:in[ \u00a0]the[ \u00a0](?:[\w-]+[ \u00a0]){0,2}world|worldwide|in[ \u00a0](?:its[ \u00a0]|the[ \u00a0]\w+['’]s[ \u00a0])?history|"
    r"on[ \u00a0]record|ever[ \u00a0](?:recorded|built|made|seen|measured)|in[ \u00a0]the[ \u00a0](?:country|nation|region|state|"
    r"continent|EU|European[ \u00a0]Union|US|UK|world)|in[ \u00a0](?:Europe|Asia|Africa|America|North[ \u00a0]America|"
    r"South[ \u00a0]America|Latin[ \u00a0]America|Australia|Oceania|the[ \u00a0]Middle[ \u00a0]East|(?-i:[A-Z][a-z]+))|globally|"
    r"of[ \u00a0]all[ \u00a0]time|to[ \u00a0]date|since[ \u00a0](?:records[ \u00a0]began|\d{4}|the[ \u00a0]\w+|an?[ \u00a0]\w+)|"
    # a named place's body or history: "of Tonga's parliament", "in China's history"
    r"(?:in|of|on)[ \u00a0](?-i:[A-Z][a-z]+)['’]s[ \u00a0](?:parliament|senate|congress|history|league|government|army|"
    r"navy|economy|population|cities|towns|companies|universities|museums)|"
    # A place as the scope: "the largest village on the island", "the biggest cinema of the island",
    # "the richest city on the Italian mainland", "in the U.S.", "out of mainland Scotland".
    r"(?:in|on|of|out[ \u00a0]of)[ \u00a0]the[ \u00a0](?:[\w-]+[ \u00a0])?(?:islands?|mainland|archipelago|peninsula|coast|"
    r"province|county|metro[ \u00a0]area|city|town|country|nation)|in[ \u00a0]the[ \u00a0](?:U\.S|U\.K|United[ \u00a0](?:States|Kingdom))|"
    r"out[ \u00a0]of[ \u00a0](?:mainland[ \u00a0])?(?-i:[A-Z][a-z]+))\b"
)
#: An ordinal superlative ("second-largest"); or a measurable superlative as the predicate: "his reign
#: was the longest", "X is the largest group ...".
_RANK_ORDINAL_RE = rx.compile(
    r"\b(?:" + _ORDINALS + r")[- ](?:" + _SUPERLATIVES + r")\b(?![- ](?:rank|ranking|ranked|paid|placed)\b)"
    r"|\b(?:is|was|are|were|remains|remained|became|becomes|has[ \u00a0]become|had[ \u00a0]become)[ \u00a0](?:now[ \u00a0]|still[ \u00a0]|currently[ \u00a0])?"
    r"(?:the|its|their)[ \u00a0](?:(?:" + _ORDINALS + r")[- ])?"
    r"(?:largest|biggest|longest|oldest|deadliest|busiest|tallest|smallest|heaviest|richest|poorest|costliest|"
    r"widest|deepest|hottest|coldest|wettest|driest|highest|lowest|most[ \u00a0](?:populous|populated|visited))\b"
    r"(?![- ](?:rank|ranking|ranked|paid|placed)\b)"
)
#: "the highest civil court", "the second lowest grade": a place in a hierarchy, not a measurement.
_HIERARCHY_RE = rx.compile(
    r"\b(?:highest|lowest|top|senior|supreme)[ \u00a0-](?:[\w-]+[ \u00a0]){0,2}?(?:courts?|grades?|ranks?|honou?rs?|awards?|"
    r"decorations?|offices?|posts?|tiers?|authority|authorities|bod(?:y|ies)|class|classes|categor(?:y|ies)|classification|"
    r"priority|division|clearance|echelons?|chambers?|order|instance|positions?|judicial|appellate|military[ \u00a0]award)\b",
    re.IGNORECASE,
)
_RANKED_RE = rx.compile(
    r"\b(?:ranked|ranks|rated|placed)[ \u00a0](?:as[ \u00a0])?(?:No\.?[ \u00a0]?|number[ \u00a0])?"
    r"(?:\d+(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|top|"
    r"among[ \u00a0]the[ \u00a0](?:top|best|worst|largest)|in[ \u00a0]the[ \u00a0]top|last|bottom)\b"
    r"|\b(?:among|one[ \u00a0]of)[ \u00a0]the[ \u00a0]top[ \u00a0](?:" + _SMALL_COUNT + r")\b"
    r"|\bto[ \u00a0](?:No\.?[ \u00a0]?|number[ \u00a0])\d+[ \u00a0](?:in|on)\b",
)
#: "more than any other female singer", "higher than all other states": a ranking without a superlative.
_COMPARATIVE_RANK_RE = rx.compile(
    r"\b(?:more|higher|larger|bigger|greater|faster|longer|fewer|less|lower|smaller)[ \u00a0](?:[\w-]+[ \u00a0]){0,2}?"
    r"than[ \u00a0](?:any[ \u00a0]other|all[ \u00a0]other|any[ \u00a0]previous|ever[ \u00a0]before)\b",
    re.IGNORECASE,
)
#: Any "most <adjective>" with an absolute scope: "the most successful software products ever";
#: and a ranking by a tally: "had the most pledged delegates".
_MOST_EVER_RE = rx.compile(
    r"\b(?:the|one[ \u00a0]of[ \u00a0]the)[ \u00a0]most[ \u00a0](?!(?:" + _EVALUATIVE + r")\b)[\w-]+(?:[ \u00a0][\w-]+){0,3}?[ \u00a0]"
    r"(?:ever(?![ \u00a0]since)|in[ \u00a0](?:recorded[ \u00a0])?history|of[ \u00a0]all[ \u00a0]time|in[ \u00a0]the[ \u00a0](?:world|country|nation))\b"
    # A ranking per head: "the most bookshops per capita".
    r"|\bthe[ \u00a0]most[ \u00a0](?:[\w-]+[ \u00a0]){1,3}per[ \u00a0](?:capita|head|person|resident|inhabitant)\b"
    r"|\bthe[ \u00a0]most[ \u00a0](?:[\w-]+[ \u00a0])?"
    r"(?:votes|seats|delegates|electors|medals|titles|wins|deaths|casualties|cases|arrests|members)\b",
    re.IGNORECASE,
)
#: A ranking against every member of a group: "the most Nobel Prizes of any Asian nation", "the
#: largest population of any country" (not "the most beautiful of any").
_OF_ANY_RE = rx.compile(
    r"\bthe[ \u00a0](?:most|largest|biggest|highest|lowest|greatest|smallest|fewest|longest|oldest|richest)"
    r"[ \u00a0](?!(?:" + _EVALUATIVE + r"|of)\b)(?:[\w-]+[ \u00a0]){1,3}?of[ \u00a0]any[ \u00a0](?:other[ \u00a0])?[\w-]+",
    re.IGNORECASE,
)
#: A named measure and its value: "the measles R0 is about 12-18", "turnout was 62".
_METRIC_RE = rx.compile(
    r"\b(?:R0|R-?naught|rate|ratio|index|score|average|median|turnout|yield|inflation|unemployment|"
    r"GDP|population|attendance|circulation|readership|viewership|mortality|incidence|prevalence)"
    r"(?:[ \u00a0]values?)?(?:[ \u00a0]of[ \u00a0](?:the[ \u00a0])?(?-i:[A-Z])[\w-]*(?:[ \u00a0](?-i:[A-Z])[\w-]*){0,2}"
    r"|[ \u00a0]of[ \u00a0](?:the|this|its|their)[ \u00a0](?:city|town|village|island|country|region|state|area|county|district))?[ \u00a0](?:(?:is|was|were|are)[ \u00a0](?:estimated|put|reported|thought|believed|said)[ \u00a0](?:at|to[ \u00a0]be)|"
    r"is|was|were|are|of|at|stood[ \u00a0]at|reached|hit|estimated[ \u00a0]in[ \u00a0]the[ \u00a0]range)"
    r"[ \u00a0](?:about|around|roughly|approximately|nearly|almost|just[ \u00a0]over|just[ \u00a0]under|over|under|some)?[ \u00a0]?"
    r"\d[\d,]*(?:\.\d+)?(?:[ \u00a0]?[-–][ \u00a0]?\d[\d,]*(?:\.\d+)?)?"
)
_RECORD_RE = rx.compile(r"\brecord[- ](?:high|low|levels?|numbers?|breaking)\b", re.IGNORECASE)
_SHARE_RE = rx.compile(
    r"\b(?:significant|large|larger|major|dominant|substantial|sizeable|sizable|huge|growing|majority|"
    r"lion['’]s)[ \u00a0]share[ \u00a0]of[ \u00a0](?:the[ \u00a0])?(?:[\w-]+[ \u00a0]){0,2}?(?:market|sales|revenue|"
    r"exports|production|output|supply|demand|trade|spending|investment|population|votes?|seats)\b",
    re.IGNORECASE,
)
#: What "half of the ..." can be a stretch of, not a share of a whole: "the second half of the season".
_PERIODS = r"time|way|day|night|year|month|week|century|season|game|match|hour|decade|term"
_PROPORTION_RE = rx.compile(
    r"(?<!first )(?<!second )(?<!last )(?<!latter )(?<!former )\b(?:(?:almost|nearly|about|around|roughly|approximately|more[ \u00a0]than|"
    r"over|less[ \u00a0]than|under|just[ \u00a0]over|just[ \u00a0]under|some|fully|only)[ \u00a0])?"
    r"(?:half|one[- ]half|a[ \u00a0]third|one[- ]third|two[- ]thirds|a[ \u00a0]quarter|one[- ]quarter|"
    r"three[- ]quarters|a[ \u00a0]fifth|one[- ]fifth|a[ \u00a0]tenth|one[- ]tenth)"
    r"(?:[ \u00a0]of[ \u00a0](?!(?:the[ \u00a0])?(?:\d+(?:st|nd|rd|th)[ \u00a0])?(?:" + _PERIODS + r")\b)[\w'’]+"
    r"|[ \u00a0]as[ \u00a0](?:much|many)"
    # "more than half the investment" (not "half the time", "half the battle")
    r"|(?<=half)[ \u00a0]the[ \u00a0](?!(?:" + _PERIODS + r"|battle|fun|story|problem)\b)[\w'’]+)"
    r"|(?<![\d.,])\b(?:one|two|three|four|five|\d+)(?:[ \u00a0](?:in|out[ \u00a0]of)[ \u00a0](?:every[ \u00a0])?|-in-)"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|(?!(?:1[5-9]|20)\d\d\b)\d[\d,]*)\b",
    re.IGNORECASE,
)
_RULE_RE = rx.compile(
    r"\b(?:must|(?:is|are)[ \u00a0](?:required|needed)|required[ \u00a0]to|needs?[ \u00a0]to|have[ \u00a0]to|has[ \u00a0]to|"
    r"eligible|at[ \u00a0]least[ \u00a0][^.;]{0,40}(?:are|is)[ \u00a0](?:needed|required)|limited[ \u00a0]to|capped[ \u00a0]at|"
    r"restricted[ \u00a0]to|set[ \u00a0]at|a[ \u00a0](?:maximum|minimum)[ \u00a0]of|"
    # a fine a law sets ("faces a fine of up to"), not one a court gave ("was given a fine of US$86,000")
    r"(?<!given[ \u00a0]a[ \u00a0])(?<!handed[ \u00a0]a[ \u00a0])(?<!imposed[ \u00a0]a[ \u00a0])(?<!received[ \u00a0]a[ \u00a0])"
    r"(?<!paid[ \u00a0]a[ \u00a0])(?<!issued[ \u00a0]a[ \u00a0])(?<!pay[ \u00a0]a[ \u00a0])(?:fine|penalty)[ \u00a0]of|punishable[ \u00a0]by|"
    r"(?:characteri[sz]es?|defines?|classif(?:y|ies))[ \u00a0](?:[\w-]+[ \u00a0]){0,3}?(?:where|when|in[ \u00a0]which|with|as)|"
    r"(?:^|(?<=[ \u00a0]))if|under[ \u00a0](?:the[ \u00a0])?(?:new[ \u00a0]|previous[ \u00a0]|current[ \u00a0]|proposed[ \u00a0]|old[ \u00a0])?"
    r"(?:law|rules?|act|bill|proposal|plan|agreement|deal|regulations?|scheme|policy|(?-i:[A-Z]{2,})))\b",
    re.IGNORECASE,
)
#: "requires" (or "require", "requiring") right before a claim whose clause goes on with "to"
#: and a verb: the construction of an obligation ("requires 70% of the subsidy to go to ...").
_REQUIRE_BEFORE_RE = rx.compile(r"\brequir(?:es?|ing)[ \u00a0](?:that[ \u00a0])?(?:at[ \u00a0]least[ \u00a0]|no[ \u00a0]more[ \u00a0]than[ \u00a0])?$", re.IGNORECASE)
_TO_VERB_RE = rx.compile(r"[^.;!?]{0,60}?[ \u00a0]to[ \u00a0](?!the\b|a\b|an\b|\d)[a-z]+\b")
_ASPIRATION_RE = rx.compile(
    # "rose to become", "went on to become": what happened, not an aim
    r"\b(?:(?<!rose[ \u00a0])(?<!grew[ \u00a0])(?<!went[ \u00a0]on[ \u00a0])(?<!came[ \u00a0])to[ \u00a0]become|aims?[ \u00a0]to|aiming[ \u00a0]to|ambitions?|goals?|bid[ \u00a0]to|push(?:es)?[ \u00a0]to|"
    r"seeks?[ \u00a0]to|seeking[ \u00a0]to|hopes?[ \u00a0]to|hoping[ \u00a0]to|strives?[ \u00a0]to|striving|wants?[ \u00a0]to|"
    r"plans?[ \u00a0]to|vision|aspires?|aspirations?|dreams?|targets?|intends?[ \u00a0]to|"
    r"determined[ \u00a0]to|set[ \u00a0]out[ \u00a0]to|on[ \u00a0]track[ \u00a0]to)\b",
    re.IGNORECASE,
)
_QUOTED_RE = rx.compile(r"\"([^\"\n]{1,90})\"|“([^”\n]{1,90})”|‘([^’\n]{1,90})’|(?<![\w])'([^'\n]{1,60})'(?![\w])")
_TITLE_CUES_RE = rx.compile(
    r"\b(?:titled|entitled|called|named|dubbed|film|movie|book|novel|song|album|single|show|series|"
    r"programme|program|episode|article|paper|headline|exhibition|play|game|campaign|project|"
    r"operation|initiative|policy|act|bill|law|report|study|slogan|motto|track|magazine|column|"
    r"podcast|documentary|opera|poem|painting|the)[ \u00a0]*$",
    re.IGNORECASE,
)
_LIST_NUMBER_RE = rx.compile(r"(?:^|(?<=[\s:;(]))\(?\d{1,2}[.)](?=[ \u00a0]+\S)|\(\d{1,2}\)")
_YEAR_LIKE_RE = rx.compile(r"1\d{3}|20\d\d")
_TOKEN_RE = rx.compile(r"[\w'’-]+|[^\w\s]")
_NEXT_WORD_RE = rx.compile(r"[ \u00a0]+([\w'’-]+(?:\.[\w'’-]+)*\.?)")


@dataclass(frozen=True)
class Claim:
    """A quantitative claim: ``text[start:end]``, of ``kind`` (percent, money, count, measure,
    multiplier, ranking, proportion, share, growth)."""

    start: int
    end: int
    kind: str
    text: str


# ------------------------------------------------------------------ prefilters
# Words one of which each pattern consumes (see :mod:`.gate`).
_NUMBER_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fifteen", "twenty", "thirty", "forty", "fifty", "dozen", "hundred", "thousand",
    "million", "billion",
)
_LARGE_WORDS = ("dozens", "hundreds", "thousands", "millions", "billions")
_PROPORTION_WORDS = (  # the fractions, and the denominator of "one in ten" (or a digit)
    "half", "third", "quarter", "fifth", "tenth", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "hundred", "thousand", "million",
)
_SUPERLATIVE_WORDS = (  # what every alternative of _SUPERLATIVES starts with
    "largest", "biggest", "highest", "lowest", "smallest", "richest", "poorest", "oldest", "youngest",
    "tallest", "longest", "shortest", "deadliest", "busiest", "fastest", "slowest", "heaviest",
    "hottest", "coldest", "wettest", "driest", "strongest", "widest", "deepest", "cheapest",
    "costliest", "worst", "greatest", "most", "best", "top", "least",
)
_TIMES_BEFORE_WORDS = ("once", "twice", "times")  # what every match of _TIMES_BEFORE_RE holds
_FROM_TO_WORDS = ("from",)  # what every match of _FROM_TO_RE holds
#: Each claim pattern's gate: ``(a digit opens it, words one of which opens it)``.
GATES: dict[re.Pattern[str], GateRule] = {
    NUMBER_RE: (True, _NUMBER_WORDS),
    _LARGE_RE: (False, _LARGE_WORDS),
    _NUMBERING_RE: (False, _LARGE_WORDS),
    _SEVERAL_RE: (False, ("hundred", "thousand", "million", "billion")),
    _VOTE_RE: (False, ("vot", "margin", "passed", "approved", "rejected")),
    _MONEY_WORDS_RE: (False, _LARGE_WORDS),
    _METRIC_RE: (True, ()),
    _MULTIPLIER_RE: (False, ("doubl", "tripl", "trebl", "quadrupl", "halv", "fold", "factor", "twice", "times")),
    _SHARE_RE: (False, ("share",)),
    _PROPORTION_RE: (True, _PROPORTION_WORDS),
    _RANK_SCOPED_RE: (False, ("'", "’")),  # a possessive: "the world's largest"
    _RANK_SCOPE_AFTER_RE: (False, _SUPERLATIVE_WORDS),
    _RANK_ORDINAL_RE: (False, _SUPERLATIVE_WORDS),
    _RANKED_RE: (True, ("rank", "rated", "placed", "top")),  # a digit: "rose to No. 3 in"
    _RECORD_RE: (False, ("record",)),
    _COMPARATIVE_RANK_RE: (False, ("than",)),
    _MOST_EVER_RE: (False, ("most",)),
    _OF_ANY_RE: (False, ("any",)),
}


def find_claims(
    text: str, start: int, end: int, ignored: Callable[[int, int], bool] | None = None
) -> list[Claim]:
    """The claims in ``text[start:end]`` (one sentence), sorted and non-overlapping.

    ``ignored(s, e)`` tells which spans are not prose (code, URLs); numbers there are skipped.
    """
    is_ignored = ignored or (lambda s, e: False)
    blocked: list[tuple[int, int]] | None = None  # computed for the first candidate only
    found: list[Claim] = []
    gate = Gate(text, start, end, GATES)

    def add(s: int, e: int, kind: str) -> None:
        nonlocal blocked
        if s >= e or is_ignored(s, e):
            return
        if blocked is None:
            blocked = _blocked_spans(text, start, end)
        if any(bs <= s < be for bs, be in blocked):
            return
        found.append(Claim(s, e, kind, text[s:e]))

    for m in gate.scan(NUMBER_RE):
        result = _classify_number(text, start, end, m)
        if result:
            add(*result)
    for m in gate.scan(_LARGE_RE):
        noun = (m.group("noun") or "").lower()
        if noun in _TIME_UNITS or noun in _NOT_COUNTED:
            continue
        if not noun and re.search(r"\bthe[ \u00a0]$", text[max(start, m.start() - 4):m.start()], re.IGNORECASE):
            continue  # "Of the thousands, one ...": the crowd already counted
        add(m.start(), m.end(), "count")
    for m in gate.scan(_NUMBERING_RE):
        add(m.start(), m.end(), "count")
    for m in gate.scan(_SEVERAL_RE):
        if m.group().rsplit(None, 1)[-1].lower() not in _TIME_UNITS:  # "for a few hundred years": a duration
            add(m.start(), m.end(), "count")
    # Two patterns outside the gate table (a literal word anchors each), gated here by that word:
    # every match of _TIMES_BEFORE_RE holds "once", "twice" or "times", every match of _FROM_TO_RE
    # holds "from" (Gate.has opens for the characters that case folding equates with ASCII).
    # Run ungated on every sentence, the two cost 0.3 s on the host articles and bench file.
    if gate.has(_TIMES_BEFORE_WORDS):
        for m in _TIMES_BEFORE_RE.finditer(text, start, end):
            add(m.start(), m.end(), "count")
    if gate.has(("since",)):
        for m in _SINCE_RECORD_RE.finditer(text, start, end):
            add(m.start(), m.end(), "ranking")
    if gate.has(_FROM_TO_WORDS):
        for m in _FROM_TO_RE.finditer(text, start, end):
            if not any(_YEAR_LIKE_RE.fullmatch(m.group(k)) for k in ("a", "b")):
                add(m.start("a") - len("from "), m.end("b"), "growth")
    for m in gate.scan(_VOTE_RE):
        if m.group(1):
            add(m.start(1), m.end(2), "count")
        elif not any(_YEAR_LIKE_RE.fullmatch(m.group(k)) for k in (3, 4)):
            add(m.start(3), m.end(4), "count")
    for m in gate.scan(_MONEY_WORDS_RE):
        add(m.start(), m.end(), "money")
    for m in gate.scan(_METRIC_RE):
        if not _in_year_context(text, m):
            add(m.start(), m.end(), "measure")
    for m in gate.scan(_MULTIPLIER_RE):
        add(m.start(), m.end(), "multiplier")
    for m in gate.scan(_SHARE_RE):
        add(m.start(), m.end(), "share")
    for m in gate.scan(_PROPORTION_RE):
        add(m.start(), m.end(), "proportion")
    for s, e in _rankings(text, start, end, gate):
        add(s, e, "ranking")
    if not found:
        return found
    # A requirement ("candidates must receive 15% of the vote") is not a measurement.
    found = [c for c in found if not _in_rule_clause(text, start, end, c)]
    # An aim or a target ("aims to cut it to one percent") is not a claim about the present.
    found = [c for c in found if not _ASPIRATION_RE.search(text, max(start, c.start - 80), c.start)]
    return _merge(found)


def _in_year_context(text: str, m: re.Match[str]) -> bool:
    """"the population of 1990" style matches: the number is a year, not the measure's value."""
    value = re.search(r"\d[\d,.]*$", m.group())
    return bool(value and re.fullmatch(r"1[5-9]\d\d|20\d\d", value.group()) and m.group().rstrip()[-5:-4] != ",")


def _in_rule_clause(text: str, start: int, end: int, c: Claim) -> bool:
    """Is the claim in the same clause as "must", "is required", "are needed"?"""
    lo = max(start, c.start - 100)
    hi = min(end, c.end + 60)
    before = re.split(r"[,;:\"“”()]", text[lo:c.start])[-1]
    after = re.split(r"[,;:\"“”()]", text[c.end:hi])[0]
    if _RULE_RE.search(before) or _RULE_RE.search(after):
        return True
    # "The program requires 70% of that subsidy to go to carriers": an obligation, not a measure.
    if _REQUIRE_BEFORE_RE.search(before) and _TO_VERB_RE.match(after):
        return True
    # "Under the new law, that number drops to six": an opening clause that governs the sentence.
    opening = re.match(r"[ \u00a0\"“]*(?:Under|If)[ \u00a0][^,;:]{1,60}[,;:]", text[start:c.start])
    return bool(opening and _RULE_RE.search(opening.group()))


def _rankings(text: str, start: int, end: int, gate: Gate | None = None) -> list[tuple[int, int]]:
    gate = gate or Gate(text, start, end, GATES)
    spans = []
    for m in gate.scan(_RANK_SCOPED_RE):
        if m.group("most") and not m.group("generic"):
            continue  # "Roe's most widely noticed essays": a name's "most" is taste, not a ranking
        if m.group("proper"):
            # A name's possessive is a ranking only with a measurable superlative ("Iran's largest
            # fleet"), not with "leading" or "top" alone, and never a sentence-initial common word.
            if m.group("soft") or m.group("proper").split()[0].lower() in _QUANTIFIER_WORDS:
                continue
        spans.append((m.start(), m.end()))
    for pattern in (_RANK_SCOPE_AFTER_RE, _RANK_ORDINAL_RE, _RANKED_RE, _RECORD_RE, _COMPARATIVE_RANK_RE, _MOST_EVER_RE, _OF_ANY_RE):
        spans.extend((m.start(), m.end()) for m in gate.scan(pattern))
    return [(s, e) for s, e in spans if not _HIERARCHY_RE.match(text, _superlative_at(text, s, e), end)]


def _superlative_at(text: str, s: int, e: int) -> int:
    """Where the superlative of a ranking span starts (its first highest/lowest/top), else ``s``."""
    m = re.search(r"\b(?:highest|lowest|top|senior|supreme)\b", text[s:e], re.IGNORECASE)
    return s + m.start() if m else s


def _merge(claims: list[Claim]) -> list[Claim]:
    claims.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[Claim] = []
    for c in claims:
        if out and c.start < out[-1].end:
            continue  # keep the earlier (longer) claim
        out.append(c)
    return out


def _blocked_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans inside which no number is a claim: quoted titles, phone numbers, list numbering."""
    spans: list[tuple[int, int]] = []
    for m in _QUOTED_RE.finditer(text, start, end):
        inner = next(g for g in m.groups() if g is not None)
        if _is_title(inner) or _TITLE_CUES_RE.search(text, max(start, m.start() - 30), m.start()):
            spans.append((m.start(), m.end()))
    for m in _PHONE_RE.finditer(text, start, end):
        digits = sum(ch.isdigit() for ch in m.group())
        seps = len(re.findall(r"[ \u00a0.-]", m.group()))
        if digits >= 7 and ("(" in m.group() or m.group().startswith("+") or seps >= 2) and "," not in m.group():
            spans.append((m.start(), m.end()))
    for m in _LIST_NUMBER_RE.finditer(text, start, end):
        spans.append((m.start(), m.end()))
    return spans


def _is_title(inner: str) -> bool:
    """A short quoted string in title case ("Ocean's 11", "The 39 Steps") is a name, not speech."""
    words = inner.split()
    if not words or len(words) > 8:
        return False
    content = [w for w in words if len(w) > 3 and w[0].isalpha()]
    capital = [w for w in content if w[0].isupper()]
    if not content:
        return bool(words[0][:1].isupper()) or inner.strip().replace(",", "").isdigit()
    return len(capital) * 2 > len(content) and words[0][:1].isupper()


def _value(m: re.Match[str], scale: str | None) -> float:
    digits = m.group("digits")
    if digits:
        value = float(digits.replace(",", ""))
    else:
        word = m.group("word").lower().replace("a dozen", "twelve").replace("dozen", "twelve")
        fraction = re.match(r"(half|(?:a|one)[ \u00a0]quarter)[ \u00a0-](?:a[ \u00a0])?(million|billion)$", word)
        if fraction:
            return (0.5 if fraction.group(1) == "half" else 0.25) * _SCALES[fraction.group(2)]
        if word.startswith("a ") or word.startswith("a\u00a0"):
            return _SCALES[word[2:]] * (_SCALES.get(scale.lower(), 1) if scale else 1)
        parts = re.split(r"[- ]", word)
        value = float(sum(_TENS_WORDS.get(p, 0) + _UNITS_WORDS.get(p, 0) for p in parts))
    if scale:
        value *= _SCALES.get(scale.lower(), 1)
    return value


def _prev_word(text: str, pos: int, floor: int) -> str:
    m = re.search(r"([\w'’.&-]+)[ \u00a0]*$", text[max(floor, pos - 40):pos])
    return m.group(1) if m else ""


def _classify_number(text: str, start: int, end: int, m: re.Match[str]) -> tuple[int, int, str] | None:
    """Decide whether the number ``m`` is the core of a claim; return its span and kind."""
    s, e = m.start(), m.end()
    digits = m.group("digits")
    before = text[max(start, s - 60):s]
    prev_char = text[s - 1] if s > start else " "
    next_char = text[e] if e < end else " "

    if digits:
        # Glued to a word or another number: an identifier, code, time, ratio or path.
        if (prev_char.isalnum() and not _GLUED_CODE_BEFORE_RE.search(before)) or prev_char in "_#/:\\" or (
                prev_char in "-." and s - 2 >= start and text[s - 2].isalnum()):
            return None
        if next_char in ":/" and e + 1 < end and text[e + 1].isdigit():
            m_race = _RACE_TIME_RE.match(text, s, end) if next_char == ":" and prev_char != ":" else None
            if m_race and _SPORT_RECORD_RE.search(text, start, end):
                return s, m_race.end(), "measure"  # "in setting the new record, ... completing the race in 2:14:04"
            return None  # a time (15:30), a date (10/01) or a ratio
        if next_char == "." and e + 1 < end and text[e + 1].isdigit():
            return None  # a version or a dotted date: 3.10.4, 01.10.2025
    else:
        if re.search(r"\w-(?:to|or)-$", text[max(start, s - 8):s]):
            pass  # "one-to-two hundred people": the upper end of a range is counted
        elif prev_char in "-" or next_char == "-" and not text[e:e + 5].lower().startswith(("-fold", "-to-", "-or-")):
            return None  # "one-pack", "two-thirds" (handled as a proportion), "twenty-first"

    # Glued suffix: 35km, $5bn, 6am, 2nd, 1990s, A300-style tails.
    glued = re.match(r"[A-Za-z°%µ²/]+", text[e:end])
    glued_kind = None
    if digits and glued:
        suffix = glued.group()
        if suffix == "%":
            glued_kind = "percent"
        elif suffix.lower() in _GLUED_SCALE and _CURRENCY_BEFORE_RE.search(before):
            glued_kind = "money"
        elif _GLUED_UNIT_RE.fullmatch(suffix):
            glued_kind = "measure"
        else:
            return None
        e_unit = e + len(suffix)
    if digits and next_char in "%" and glued_kind is None:
        glued_kind, e_unit = "percent", e + 1

    value_scale = _SCALE_AFTER_RE.match(text, e, end) if not glued else None
    scale = value_scale.group(1) if value_scale else None
    e_num = value_scale.end() if value_scale else e
    value = _value(m, scale)
    after = text[e_num:min(end, e_num + 80)]
    is_plain_digits = bool(digits) and "," not in digits and "." not in digits

    # Ranges: keep the whole "36 and 40", "45% to 60%", "two to three hundred".
    rng = re.match(r"(?:[ \u00a0]?(?:-|–|—|to|and)[ \u00a0]?)(\d[\d,]*(?:\.\d+)?|" + _WORD_NUM + r")(?![\w])"
                   r"(?:[ \u00a0](?:hundred|thousand|million|billion|trillion)\b)?", after, re.IGNORECASE)

    if is_plain_digits and len(digits) == 4 and 1000 <= value <= 2099 and not scale:
        year_range = re.match(r"[ \u00a0]?[-–—/][ \u00a0]?(\d{2}|\d{4})\b", after)
        unit = _UNIT_AFTER_RE.match(text, e, end)
        measured = unit is not None and not unit.group().strip()[:1].isupper() and "vote" not in unit.group().lower()
        if not measured and (year_range or not _plural_noun_follows(after)
                             or _prev_word(text, s, start).lower() in _YEAR_PREPOSITIONS
                             or _LAW_NAME_BEFORE_RE.search(before)):
            return None  # a year, a year range, a year-like label or a law's year ("Act, 1972")

    if _MONTH_BEFORE_RE.search(before) or _MONTH_AFTER_RE.match(text[e:end]):
        return None
    if _TIME_OF_DAY_AFTER_RE.match(after):
        return None
    if _AGE_BEFORE_RE.search(before) or _AGE_AFTER_RE.match(text[e:end]):
        return None
    if digits and (_NAME_COMMA_BEFORE_RE.search(before) and re.match(r",", after)
                   or _NAME_PAREN_BEFORE_RE.search(before) and re.match(r"\)", after)):
        return None  # "James Ford, 42, a ..." or "Smith (42)": an age
    if digits and _STREET_AFTER_RE.match(text[e:end]):
        return None  # a street address
    if is_plain_digits and len(digits) == 3 and 100 <= value <= 599 and _HTTP_STATUS_AFTER_RE.match(text[e:end]):
        return None  # "404 and 405 exceptions": HTTP statuses
    if (digits and re.search(r"\bat[ \u00a0]$", before) and re.match(r"[ \u00a0](?-i:[A-Z])[\w'’.-]*[ \u00a0](?-i:[a-zA-Z])", text[e:end])
            and not _plural_noun_follows(text[e:end])):
        return None  # "at 36 Quai des Orfevres": an address written name-first
    prev = _prev_word(text, s, start)
    prev_lower = prev.lower().rstrip(".")
    if prev_lower == "category" and digits and _STORM_EVENT_BEFORE_RE.search(before):
        m_storm = _STORM_CATEGORY_RE.match(text, e, end)
        return s - len(prev) - 1, m_storm.end(), "measure"  # "made landfall as a Category 5 hurricane"
    if prev_lower in _IDENTIFIER_WORDS or prev.startswith("#"):
        return None
    currency = _CURRENCY_BEFORE_RE.search(before)
    if (digits and prev[:1].isupper() and not prev.endswith(("'s", "’s", "s'")) and not currency
            and prev_lower not in _QUANTIFIER_WORDS and "," not in digits and text[s - 1:s] in (" ", "\u00a0")):
        return None  # "Boeing 707", "Summit 2026", "Category 5": a name with a number in it

    if _NAME_CUE_BEFORE_RE.search(before):
        return None  # "a hall called the Court of Forty Pillars", "known as the Gang of Four": part of a name
    if _THRESHOLD_BEFORE_RE.search(before):
        return None  # "like all vessels exceeding 300 tons": a class defined by a threshold
    s_claim = max(start, s - 60) + currency.start() if currency else s

    if glued_kind:
        return s_claim, e_unit, glued_kind
    m_pct = _PERCENT_AFTER_RE.match(text, e_num, end)
    if m_pct:
        return s, m_pct.end(), "percent"
    if rng:
        e_rng = e_num + rng.end()
        m_pct = _PERCENT_AFTER_RE.match(text, e_rng, end)
        if m_pct:
            return s, m_pct.end(), "percent"
    if currency:
        return s_claim, e_num, "money"
    m_cur = _CURRENCY_AFTER_RE.match(text, e_num, end)
    if m_cur and m_cur.group().strip().lower() in ("pounds", "pound") and (
            re.search(r"\bweigh\w*[ \u00a0](?:about[ \u00a0]|around[ \u00a0]|nearly[ \u00a0]|just[ \u00a0]|only[ \u00a0])?$", before, re.IGNORECASE)
            or re.match(r"[ \u00a0]*\([ \u00a0]*[\d.,]+[ \u00a0]?kg", text[m_cur.end():end])):
        return s_claim, m_cur.end(), "measure"  # "weighed 82 pounds (37 kg)": a weight, not money
    if m_cur and (m_cur.group().strip().lower() != "won" or scale or (digits and "," in digits)):
        return s, m_cur.end(), "money"

    # Durations are not statistics ("for 30 hours", "three years in prison", "a 10-minute walk").
    tokens = _TOKEN_RE.findall(after[:60])
    first = tokens[0].lower() if tokens else ""
    if rng and tokens:
        tail = _TOKEN_RE.findall(after[rng.end():rng.end() + 60])
        first = tail[0].lower() if tail else ""
        tokens = tail
    if first == "times" and (scale or value >= 100) and not rng:
        # "used over one million times": a large count of occurrences, not a multiplier or a duration.
        return s_claim, e_num + len(after) - len(after.lstrip()) + len("times"), "count"
    if first in ("days", "hours", "nights") and value >= 10 and _WEATHER_AFTER_RE.match(after):
        return s_claim, e_num + _WEATHER_AFTER_RE.match(after).end(), "count"  # "240 days of sunshine": a climate figure
    if first.split("-")[0] in _TIME_UNITS or first in ("more", "consecutive", "straight", "full") and len(tokens) > 1 and tokens[1].lower() in _TIME_UNITS:
        if digits and first.startswith(("second", "minute", "hour")) and _SPORT_RECORD_RE.search(text, start, end):
            return s_claim, e_num + len(after) - len(after.lstrip()) + len(first), "measure"  # "a world record of 46.78 seconds"
        return None
    if _POINTS_SCORE_AFTER_RE.match(after) or _POINTS_SCORE_BEFORE_RE.search(before):
        return None  # "a 22 points to 10 win": a score
    m_margin = _VOTE_MARGIN_AFTER_RE.match(text, e_num, end)
    if m_margin and value >= 2:
        return s_claim, m_margin.end(), "count"  # "a 149 vote margin": an election result
    m_mag = re.match(r"[- \u00a0](?:magnitude|on[ \u00a0]the[ \u00a0](?:Richter|moment[ \u00a0]magnitude)[ \u00a0]scale)\b", text[e_num:end], re.IGNORECASE)
    if m_mag:
        return s_claim, e_num + m_mag.end(), "measure"  # an earthquake's measured size
    if text[e_num:e_num + 1] == "-" and not text[e_num:e_num + 5].lower() == "-fold":
        return None  # a compound adjective: "ten-storey", "25-room", "22-mile"
    e_after = e_num + (rng.end() if rng else 0)
    m_unit = _UNIT_AFTER_RE.match(text, e_after, end)
    if m_unit and not digits and m_unit.group().strip().lower().startswith("degree"):
        m_unit = None  # "the second of four degrees": diplomas or grades; temperatures are written in digits
    if m_unit and re.search(r"\d[\d,.]*[ \u00a0]?[^\s(]{0,12}[ \u00a0]?\([~≈]?$", before):
        return None  # "75 m (250 ft)": a conversion of the quantity before it
    if m_unit:
        if re.search(r"\b(?:a|an|the)[ \u00a0](?:\w+[ \u00a0])?$", before, re.IGNORECASE):
            return None  # "a 15 meter high statue", "the 75 m ship": a description, not a finding
        if re.search(r"\bwithin[ \u00a0](?:about[ \u00a0])?$", before):
            return None  # "within 5 km": a radius, not a finding
        return s_claim, m_unit.end(), "measure"
    m_mag = re.search(r"\bmagnitude[ \u00a0](?:of[ \u00a0])?$", before, re.IGNORECASE)
    if m_mag:
        return s - (len(before) - m_mag.start()), e_num, "measure"

    growth = _GROWTH_BEFORE_RE.search(before)
    casualty_after = _CASUALTY_AFTER_RE.match(text[e_after:end])
    casualty = _CASUALTY_BEFORE_RE.search(before) or casualty_after or _casualty_after_aside(text[e_after:end])
    record = _RECORD_BEFORE_RE.search(before)
    noun_end, noun = _count_noun(text, e_after, end)
    referential = re.search(r"\b(?:the|these|those|both|all|its|his|her|their|our|my|your|of)[ \u00a0]$", before, re.IGNORECASE)
    is_one = value < 2 and not scale
    if is_one and not (growth or m_unit or _single_casualty(text, s, e_after, end, start, casualty_after)):
        return None
    large = value >= 10 or bool(scale)
    crowd = _CROWD_BEFORE_RE.search(before)
    if noun is not None:
        tally = noun in _TALLY_NOUNS
        if noun in _SPORTS_NOUNS and not (growth or record or scale) and value < 1000:
            return None  # a game record is a sports result, like a score
        if referential and casualty and referential.group().lower().startswith("all"):
            referential = None  # "killing all seven astronauts": a toll, not a group named before
        if referential and not tally and not large:
            return None
        if large or tally or casualty or growth or record:
            if (referential and re.search(r"\b(?:the|these|those|both|its|his|her|their|our|my|your)[ \u00a0]$", before, re.IGNORECASE)
                    and not (((tally or casualty) and value >= 10) or growth) and not (large and _TOTAL_BEFORE_RE.search(before))):
                return None  # "the 36 members", "the two delegates": a group already introduced
            return s_claim, noun_end, "count"
        if value >= 2 and _ONLY_BEFORE_RE.search(before) and _PERFECT_RE.search(text, start, end):
            return s_claim, noun_end, "count"  # "only two presidents have been impeached": a historical count
        return None
    if casualty:
        return s_claim, e_after + (casualty_after.end() if casualty_after else 0), "count"
    if growth or record:
        return s_claim, e_after, "growth" if growth else "count"
    if large and _BARE_TALLY_BEFORE_RE.search(before) and re.match(r"[ \u00a0]*(?:[.;]|,[ \u00a0]|$)", text[e_after:end]):
        return s_claim, e_after, "count"  # "McCarthy ... received 192.": votes or delegates, the noun left out
    if large and _SETTLEMENT_OF_RE.search(before):
        return s_claim, e_after, "count"  # "a city of 45,000": a population
    if crowd and large:
        return s_claim, e_after, "count"  # "a crowd of a hundred thousand"
    if large and _APPROX_BEFORE_RE.search(before) and _CLAUSE_VERB_AFTER_RE.match(text, e_after, end):
        return s_claim, e_after, "count"  # "Fewer than two hundred showed up": a head count, noun left out
    if scale and _SCALES.get(scale.lower(), 1) >= 1e6 and not referential:
        return s_claim, e_after, "count"  # "more than 2.9 million strong": a count whatever follows
    return None


#: "a Category 5 hurricane" after a verb of what the storm did ("made landfall as", "reached",
#: "strengthened to"): the storm's measured strength, not a name with a number in it.
_STORM_CATEGORY_RE = rx.compile(r"(?:[ \u00a0](?:hurricane|typhoon|cyclone|storm)\b)?", re.IGNORECASE)
_STORM_EVENT_BEFORE_RE = rx.compile(
    r"\b(?:landfall|made|reached|reaching|strengthened|strengthening|intensified|upgraded|downgraded|weakened|"
    r"peaked|became|hit|struck)\b[^.;]{0,25}$", re.IGNORECASE)
#: "received 192.", "had 54": a bare count that ends its clause after a verb of winning or holding.
_BARE_TALLY_BEFORE_RE = rx.compile(r"\b(?:received|receiving|won|winning|got|secured|garnered|took|had)[ \u00a0]$")
#: "only two", "has only impeached two": a count that the sentence says is all there ever was.
_ONLY_BEFORE_RE = rx.compile(r"\bonly[ \u00a0](?:[a-z]+ed[ \u00a0])?$")
#: A perfect tense with its participle: "have been impeached", "has only impeached".
_PERFECT_RE = rx.compile(r"\b(?:has|have|had)[ \u00a0](?:only[ \u00a0]|ever[ \u00a0]|never[ \u00a0])?(?:been[ \u00a0])?[a-z]+ed\b")
#: A sporting record in the sentence: "the world record", "set a new record", "the women-only record of".
_SPORT_RECORD_RE = rx.compile(
    r"\b(?:world|national|olympic|european|continental|course|meet|championship|all-time|area|[\w-]+-only|"
    r"women['’]s|men['’]s)[ \u00a0-]records?\b|\b(?:set|setting|broke|breaking|beat|beating)[ \u00a0](?:a|the|her|his|their)"
    r"[ \u00a0](?:new[ \u00a0])?(?:\w+[ \u00a0])?record\b|\brecord[ \u00a0]time\b", re.IGNORECASE)
#: A race time, hours and minutes and seconds: "2:14:04", "1:59:40.2".
_RACE_TIME_RE = rx.compile(r"\d{1,2}:\d\d:\d\d(?:\.\d+)?\b")
#: "The Wildlife Protection Act, 1972 lists": a year that is part of a law's name.
_LAW_NAME_BEFORE_RE = rx.compile(r"\b(?-i:Act|Acts|Code|Ordinance|Regulations?),?[ \u00a0]$")
#: "22 points to 10": a score, either number.
_POINTS_SCORE_AFTER_RE = rx.compile(r"[ \u00a0]points?[ \u00a0](?:to|-|–)[ \u00a0]\d", re.IGNORECASE)
_POINTS_SCORE_BEFORE_RE = rx.compile(r"\d[ \u00a0]points?[ \u00a0](?:to|-|–)[ \u00a0]$", re.IGNORECASE)
#: "a 149 vote margin", "a 30 seat majority": the size of a win.
_VOTE_MARGIN_AFTER_RE = rx.compile(r"[ \u00a0](?:votes?|seats?)[ \u00a0](?:margin|majority|lead|gap|difference)\b", re.IGNORECASE)
#: "among the 163 teams", "one of the 40 members": the size of the whole group is stated.
#: "Of the 40 passengers, 22 were ...", opening a clause, does the same.
_TOTAL_BEFORE_RE = rx.compile(
    r"(?:\b(?:among|one[ \u00a0]of|out[ \u00a0]of)|(?:^|[,;:(][ \u00a0]?)of)[ \u00a0]the[ \u00a0]$", re.IGNORECASE)
#: "over 240 days of sunshine a year": a count of days of some weather.
_WEATHER_AFTER_RE = rx.compile(
    r"[ \u00a0]+(?:days|hours|nights)[ \u00a0]+of[ \u00a0]+(?:sunshine|sun|rain|rainfall|snow|snowfall|frost|fog|precipitation)\b",
    re.IGNORECASE,
)
#: "a city of", "a town of some": the number after is its population.
_SETTLEMENT_OF_RE = rx.compile(
    r"\b(?:an?|the)[ \u00a0](?:[\w-]+[ \u00a0])?(?:city|town|village|metropolis|conurbation|agglomeration|municipality|"
    r"community|island|nation|country)[ \u00a0]of[ \u00a0](?:about[ \u00a0]|around[ \u00a0]|some[ \u00a0]|nearly[ \u00a0]|almost[ \u00a0]|"
    r"over[ \u00a0]|more[ \u00a0]than[ \u00a0]|roughly[ \u00a0]|just[ \u00a0]over[ \u00a0]|just[ \u00a0]under[ \u00a0])?$",
    re.IGNORECASE,
)
#: An approximate amount: with a large number and no noun, still a head count ("Over a thousand were ...").
_APPROX_BEFORE_RE = rx.compile(
    r"\b(?:fewer[ \u00a0]than|more[ \u00a0]than|less[ \u00a0]than|over|about|around|nearly|almost|some|roughly|"
    r"approximately|an[ \u00a0]estimated|at[ \u00a0]least|up[ \u00a0]to|well[ \u00a0]over|just[ \u00a0]over|just[ \u00a0]under)[ \u00a0]$",
    re.IGNORECASE,
)
#: The number is the subject of a verb: "... were reported", "... showed up", "... attended".
_CLAUSE_VERB_AFTER_RE = rx.compile(
    r"[ \u00a0](?:were|was|are|is|have|has|had|will|would|could|did|(?-i:[a-z])[a-z]+ed)\b(?![ \u00a0]by\b)", re.IGNORECASE
)
#: "Five people, who were all crew, were rescued": a casualty verb after an aside.
_ASIDE_RE = rx.compile(
    r"^((?:[ \u00a0](?:(?-i:[a-z])[\w-]*)){0,2}),[ \u00a0](?:who|which|all|most|many|some|including|among[ \u00a0]them)\b[^,;:()]{1,60},"
)


def _single_casualty(text: str, s: int, e_after: int, end: int, start: int, casualty_after: re.Match[str] | None) -> bool:
    """"One other person was injured": one casualty, stated as the subject of a casualty verb
    (``casualty_after``, the match of :data:`_CASUALTY_AFTER_RE` after the number), is a tally
    (not "one of the victims was ...", not "no one was hurt"; one arrest is narrative)."""
    if casualty_after is None or re.match(r"[ \u00a0]of\b", text[e_after:end]) or _prev_word(text, s, start).lower() == "no":
        return False
    return not re.search(r"(?:arrested|detained|evacuated|rescued)$", casualty_after.group(), re.IGNORECASE)


def _casualty_after_aside(after: str) -> re.Match[str] | None:
    m = _ASIDE_RE.match(after)
    return _CASUALTY_AFTER_RE.match(m.group(1) + after[m.end():]) if m else None


def _plural_noun_follows(after: str) -> bool:
    return _count_noun(after, 0, len(after))[1] is not None


def _count_noun(text: str, pos: int, end: int) -> tuple[int, str | None]:
    """After a number: the end offset and lower-cased head of the plural noun it counts, if any.

    Up to three modifiers may come first ("170 suspected deaths", "100 Republican national security
    experts"), then an optional "of the" ("39 of the state's 40 delegates").
    """
    words: list[tuple[int, str]] = []  # (end offset, word), contiguous: only spaces between
    p = pos
    while len(words) < 9:
        w = _NEXT_WORD_RE.match(text, p, min(end, p + 60))
        if not w:
            break
        words.append((w.end(), w.group(1)))
        p = w.end()
    i = 0
    if words and words[0][1].lower() in ("more", "additional", "other", "further", "extra"):
        i = 1
    if i < len(words) and words[i][1].lower() == "of":
        # "N of the X", "N of Khan's victims", "39 of the state's 40 delegates"
        i += 1
        while i < len(words) and (words[i][1].lower() in ("the", "its", "their", "his", "her", "those", "these", "all")
                                  or words[i][1].endswith(("'s", "’s")) or words[i][1].isdigit()):
            i += 1
    capitalised = 0
    for j in range(i, min(i + 4, len(words))):
        w = words[j][1].rstrip(".")
        lw = w.lower()
        if w[:1].isupper() and not w.isupper() and not _NATIONALITY_RE.search(w):
            # "28,000 Andy Warhol photographs" is a count; "36 Quai des Orfèvres", "11 Justices" are not.
            nxt = words[j + 1][1] if j + 1 < len(words) else ""
            if (j == i and _is_plural_noun(lw) and lw not in _TIME_UNITS and not words[j][1].endswith(".")
                    and nxt[:1].islower() and not _is_plural_noun(nxt.lower())):
                return words[j][0], lw  # "fifteen Democrats defected", "100 Polaroids selected"
            capitalised += 1
            continue
        if capitalised and (not _is_plural_noun(lw) or lw in _TIME_UNITS):
            break
        if _is_plural_noun(lw):
            return (pos, None) if lw in _TIME_UNITS else (words[j][0] - (1 if words[j][1].endswith(".") else 0), lw)
        if lw in _BREAK_WORDS or lw.isdigit() or lw in _TIME_UNITS:
            break
    return pos, None


def _is_plural_noun(word: str) -> bool:
    if word in _PLURAL_IRREGULAR or word.endswith(("children", "people", "men", "women")):
        return True
    if word in _NOT_NOUNS or word in _BREAK_WORDS or len(word) < 3:
        return False
    if "'" in word or "’" in word:
        return False
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "ous", "'s"))
