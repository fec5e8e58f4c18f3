"""The rule kinds a YAML pack can declare, each turned into a :class:`~docqa.rules.base.Rule` subclass.

Every kind reads units of text from a *scope* (sentences, paragraphs, headings, sections, the whole
document) and reports spans with offsets taken from the parse, never re-found in rendered text.
User regular expressions are compiled once, at load time, with the ``regex`` package; each search
runs under a timeout so that a pathological pattern costs a notice, not a hung run.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Iterable, Iterator, Mapping

import regex

from .. import rx
from ..document import NodeKind
from ..finding import Family, Fix, Severity, Violation
from ..rules.base import Rule

if TYPE_CHECKING:
    from ..document import Document
    from .loader import RawRule

#: Seconds one regex search over one scope unit may take before it is abandoned.
REGEX_TIMEOUT = 0.5

#: Placeholders each kind's message template may use.
FIELDS = {
    "existence": {"match"},
    "substitution": {"match", "replacement"},
    "occurrence": {"count", "max", "min", "scope"},
    "capitalization": {"match", "expected", "word"},
    "readability": {"metric", "value", "threshold", "words"},
}

# Words a title-cased heading leaves in lower case (Chicago-style minor words).
MINOR_WORDS = frozenset(
    "a an the and but or nor for so yet as at by in of off on per to up via vs from into onto over with".split()
)


class SpecError(ValueError):
    """A schema-valid rule that still cannot work (bad regex, unknown placeholder); ``key`` says where."""

    def __init__(self, key: tuple[str | int, ...], message: str) -> None:
        super().__init__(message)
        self.key = key


@dataclass(frozen=True)
class Unit:
    """A piece of text a rule looks at: ``[start, end)`` in the document and its kind."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Hit:
    """A regex match with its offsets in the document."""

    start: int
    end: int
    match: "regex.Match[str]"

    def group(self) -> str:
        return self.match.group()


# --------------------------------------------------------------------------- scopes
def units(doc: "Document", scope: str) -> list[Unit]:
    """The units of ``scope`` in ``doc``, in document order."""
    if scope == "document":
        return [Unit(0, len(doc.text), scope)] if doc.text.strip() else []
    if scope == "section":
        from ..rules.structure import sections

        return [Unit(s.start, s.end, scope) for s in sections(doc) if s.end > s.start]
    kinds = {
        "sentence": {NodeKind.SENTENCE},
        "paragraph": {NodeKind.PARAGRAPH},
        "list_item": {NodeKind.LIST_ITEM},
        "heading": {NodeKind.HEADING},
        "block": {NodeKind.PARAGRAPH, NodeKind.LIST_ITEM, NodeKind.HEADING},
    }[scope]
    return [Unit(n.start, n.end, n.kind.value) for n in doc.nodes if n.kind in kinds]


def word_count(doc: "Document", start: int, end: int) -> int:
    return doc.span_word_count(start, end)


# --------------------------------------------------------------------------- regex safety
def nested_quantifier(pattern: str) -> str | None:
    """The first group that repeats something already unbounded, e.g. ``(a+)+``: the classic shape
    of catastrophic backtracking. Returns the offending group's text, or None."""
    stack: list[tuple[int, bool]] = []  # (group start, holds an unbounded quantifier)
    i, n = 0, len(pattern)
    in_class = False
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if i + 1 < n and pattern[i + 1] == "]":
                i += 1
        elif c == "(":
            stack.append((i, False))
        elif c == ")" and stack:
            start, unbounded = stack.pop()
            after = pattern[i + 1:i + 2]
            repeated = after in ("+", "*") or regex.match(r"\{\d*,\}", pattern[i + 1:]) is not None
            if unbounded and repeated:
                return pattern[start:i + 2]
            if stack and (unbounded or repeated):
                stack[-1] = (stack[-1][0], True)
        elif c in "+*" or (c == "{" and regex.match(r"\{\d*,\}", pattern[i:])):
            if stack:
                stack[-1] = (stack[-1][0], True)
        i += 1
    return None


def compile_pattern(pattern: str, ignorecase: bool, key: tuple[str | int, ...]) -> "regex.Pattern[str]":
    """Compile a user regex, refusing patterns that cannot compile or risk catastrophic backtracking."""
    bad = nested_quantifier(pattern)
    if bad:
        raise SpecError(key, f"pattern {pattern!r} nests an unbounded repeat inside another ({bad!r}), "
                             "which can backtrack catastrophically; rewrite it without the nesting")
    try:
        return rx.compile_regex(pattern, regex.V0 | (regex.IGNORECASE if ignorecase else 0))
    except regex.error as exc:
        raise SpecError(key, f"pattern {pattern!r} does not compile: {exc}") from None


def phrase_regex(phrase: str) -> str:
    """A literal phrase as a regex: flexible white space, either apostrophe, word boundaries at word edges."""
    body = r"\s+".join(
        "".join("['’]" if ch in "'’" else regex.escape(ch) for ch in word) for word in phrase.split()
    )
    head = r"(?<!\w)" if phrase[:1].isalnum() else ""
    tail = r"(?!\w)" if phrase[-1:].isalnum() else ""
    return head + body + tail


def check_template(template: str, kind: str) -> None:
    allowed = FIELDS[kind]
    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(template) if f is not None]
    except ValueError as exc:
        raise SpecError(("message",), f"message template is malformed: {exc}") from None
    for f in fields:
        if f.split(".")[0].split("[")[0] not in allowed:
            raise SpecError(("message",), f"message uses {{{f}}}, but a {kind} rule offers only "
                                          + ", ".join("{" + a + "}" for a in sorted(allowed)))


# --------------------------------------------------------------------------- the rule classes
class PackRule(Rule):
    """Common behaviour of rules declared in YAML packs (never registered itself)."""

    kind: ClassVar[str] = ""
    scope: ClassVar[str] = "block"
    default_scope: ClassVar[str] = "block"
    spec: ClassVar[Mapping[str, Any]] = {}
    source: ClassVar[str] = ""  # "file:line" where the rule is declared
    message_template: ClassVar[str] = ""
    min_words: ClassVar[int] = 0
    max_words: ClassVar[int | None] = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._timeouts: list[str] = []

    @classmethod
    def prepare(cls, spec: Mapping[str, Any]) -> dict[str, Any]:
        """Kind-specific class attributes compiled from ``spec``; raise :class:`SpecError`."""
        return {}

    def message(self, **values: Any) -> str:
        return self.message_template.format_map(values)

    def selected_units(self, doc: "Document") -> Iterator[Unit]:
        for u in units(doc, self.scope):
            if self.min_words or self.max_words is not None:
                n = word_count(doc, u.start, u.end)
                if n < self.min_words or (self.max_words is not None and n > self.max_words):
                    continue
            yield u

    def search(self, pattern: "regex.Pattern[str]", doc: "Document", unit: Unit) -> list[Hit]:
        """Matches of ``pattern`` in one unit. The unit is searched on its own, so ``^`` and ``$``
        anchor to the unit's start and end (a heading, a sentence), as pack authors expect."""
        text = doc.text[unit.start:unit.end]
        try:
            found = list(pattern.finditer(text, timeout=REGEX_TIMEOUT))
        except TimeoutError:
            self._timeouts.append(f"{doc.path or '<text>'}:{doc.position(unit.start)[0]}")
            return []
        return [Hit(unit.start + m.start(), unit.start + m.end(), m) for m in found if m.end() > m.start()]

    def notices(self) -> Iterable[str]:
        if self._timeouts:
            shown = ", ".join(self._timeouts[:5]) + (" …" if len(self._timeouts) > 5 else "")
            yield (f"rule {self.code} ({self.source}): a pattern search took longer than {REGEX_TIMEOUT}s "
                   f"and was skipped at {shown}")


class _PatternMixin:
    """Kinds that match ``tokens`` (literal phrases) and ``patterns`` (regexes)."""

    @classmethod
    def compile_matchers(cls, spec: Mapping[str, Any]) -> "regex.Pattern[str]":
        ignorecase = spec.get("ignorecase", True)
        parts = [phrase_regex(t) for t in spec.get("tokens", [])]
        patterns = spec.get("patterns", [])
        for i, p in enumerate(patterns):
            bad = nested_quantifier(p)
            if bad:
                compile_pattern(p, ignorecase, ("patterns", i))  # raises, naming the pattern
            parts.append(f"(?:{p})")
        try:
            return compile_pattern("|".join(parts), ignorecase, ("patterns",))
        except SpecError:
            # Compiling each pattern alone is slower, so it is done only to name the one at fault.
            for i, p in enumerate(patterns):
                compile_pattern(p, ignorecase, ("patterns", i))
            raise


class ExistenceRule(_PatternMixin, PackRule):
    """A phrase or pattern that should not appear."""

    kind = "existence"

    @classmethod
    def prepare(cls, spec: Mapping[str, Any]) -> dict[str, Any]:
        return {"matcher": cls.compile_matchers(spec)}

    def check(self, doc: "Document") -> Iterator[Violation]:
        for unit in self.selected_units(doc):
            for m in self.search(self.matcher, doc, unit):
                yield Violation(m.start, m.end, self.message(match=m.group()),
                                data={"match": m.group(), "rule_source": self.source})


class SubstitutionRule(PackRule):
    """A wrong phrase with its replacement (fixable)."""

    kind = "substitution"
    fixable = True

    @classmethod
    def prepare(cls, spec: Mapping[str, Any]) -> dict[str, Any]:
        ignorecase = spec.get("ignorecase", True)
        pairs = []
        for wrong, right in spec["swap"].items():
            key = ("swap", wrong)
            body = f"(?:{wrong})" if spec.get("regex") else phrase_regex(wrong)
            pairs.append((compile_pattern(body, ignorecase, key), right))
        return {"pairs": tuple(pairs), "safe_fix": spec.get("safe_fix", True)}

    def check(self, doc: "Document") -> Iterator[Violation]:
        for unit in self.selected_units(doc):
            for pattern, right in self.pairs:
                for m in self.search(pattern, doc, unit):
                    repl = m.match.expand(right) if "\\" in right else right
                    repl = match_case(m.group(), repl)
                    if repl == m.group():
                        continue
                    yield Violation(
                        m.start, m.end, self.message(match=m.group(), replacement=repl),
                        fix=Fix.replace(m.start, m.end, repl, safe=self.safe_fix),
                        data={"match": m.group(), "replacement": repl, "rule_source": self.source},
                    )


def match_case(found: str, replacement: str) -> str:
    """Carry the case of ``found`` over to ``replacement`` (ALL CAPS, or a capital first letter)."""
    if not replacement:
        return replacement
    if len(found) > 1 and found.isupper():
        return replacement.upper()
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement


class OccurrenceRule(_PatternMixin, PackRule):
    """Too many, or too few, matches of a pattern in each scope unit."""

    kind = "occurrence"
    prose_only = False

    @classmethod
    def prepare(cls, spec: Mapping[str, Any]) -> dict[str, Any]:
        return {"matcher": cls.compile_matchers(spec), "max": spec.get("max"), "min": spec.get("min")}

    def check(self, doc: "Document") -> Iterator[Violation]:
        for unit in self.selected_units(doc):
            found = [m for m in self.search(self.matcher, doc, unit) if not doc.is_ignored(m.start, m.end)]
            count = len(found)
            values = {"count": count, "max": self.max, "min": self.min, "scope": self.scope}
            if self.max is not None and count > self.max:
                # Point at the matches beyond the limit: that is what the author has to remove.
                start, end = found[self.max].start, found[-1].end
                yield Violation(start, end, self.message(**values), data={**values, "rule_source": self.source})
            elif self.min is not None and count < self.min:
                yield Violation(unit.start, unit.end, self.message(**values), data={**values, "rule_source": self.source})


class CapitalizationRule(PackRule):
    """Each unit (by default each heading) in title case, sentence case, lower or upper case, or matching a pattern."""

    kind = "capitalization"
    default_scope = "heading"
    prose_only = False

    @classmethod
    def prepare(cls, spec: Mapping[str, Any]) -> dict[str, Any]:
        pattern = spec.get("pattern")
        return {
            "style": spec.get("match"),
            "pattern": compile_pattern(pattern, False, ("pattern",)) if pattern else None,
            "exceptions": frozenset(spec.get("exceptions", [])),
        }

    def check(self, doc: "Document") -> Iterator[Violation]:
        from ..textutil import iter_words

        for unit in self.selected_units(doc):
            text = doc.text[unit.start:unit.end]
            if self.pattern is not None:
                try:
                    ok = self.pattern.fullmatch(text, timeout=REGEX_TIMEOUT) is not None
                except TimeoutError:
                    self._timeouts.append(f"{doc.path or '<text>'}:{doc.position(unit.start)[0]}")
                    continue
                if not ok:
                    yield Violation(unit.start, unit.end,
                                    self.message(match=text, expected=self.pattern.pattern, word=""),
                                    data={"match": text, "rule_source": self.source})
                continue
            words = [m for m in iter_words(doc.text, unit.start, unit.end) if not doc.is_ignored(m.start(), m.end())]
            bad = self._offender(doc.text, words)
            if bad is not None:
                yield Violation(unit.start, unit.end,
                                self.message(match=text, expected=f"{self.style} case", word=bad.group()),
                                data={"match": text, "word": bad.group(), "expected": self.style,
                                      "rule_source": self.source})

    def _offender(self, text: str, words: list) -> Any:
        for i, m in enumerate(words):
            w = m.group()
            if w in self.exceptions or (len(w) > 1 and w.isupper()):
                continue  # an accepted spelling, or an acronym
            first, last = i == 0, i == len(words) - 1
            after_colon = i > 0 and text[words[i - 1].end():m.start()].strip().startswith(":")
            if self.style == "upper" and not w.isupper():
                return m
            if self.style == "lower" and not w.islower():
                return m
            if self.style == "title":
                minor = w.lower() in MINOR_WORDS and not (first or last or after_colon)
                if not minor and w[0].islower():
                    return m
                if minor and w[0].isupper() and w != "I":
                    return m
            if self.style == "sentence":
                if (first or after_colon) and w[0].islower():
                    return m
                if not (first or after_colon) and w[0].isupper() and w != "I":
                    return m
        return None


class ReadabilityRule(PackRule):
    """A textstat readability metric over each scope unit, against a threshold."""

    kind = "readability"
    default_scope = "section"
    prose_only = False

    @classmethod
    def prepare(cls, spec: Mapping[str, Any]) -> dict[str, Any]:
        return {"metric": spec["metric"], "max": spec.get("max"), "min": spec.get("min"),
                "min_words": spec.get("min_words", 30)}

    def check(self, doc: "Document") -> Iterator[Violation]:
        from ..rules.readability import measure, prose_text

        for unit in self.selected_units(doc):
            text = prose_text(doc, unit.start, unit.end)
            words = len(text.split())
            if words < max(self.min_words, 1):
                continue
            value = measure(self.metric, text)
            over = self.max is not None and value > self.max
            under = self.min is not None and value < self.min
            if over or under:
                threshold = self.max if over else self.min
                yield Violation(unit.start, unit.end,
                                self.message(metric=self.metric, value=round(value, 1), threshold=threshold, words=words),
                                data={"metric": self.metric, "value": round(value, 2), "threshold": threshold,
                                      "words": words, "rule_source": self.source})


KINDS: dict[str, type[PackRule]] = {
    k.kind: k for k in (ExistenceRule, SubstitutionRule, OccurrenceRule, CapitalizationRule, ReadabilityRule)
}


def build_rule(raw: "RawRule") -> type[PackRule]:
    """Turn one schema-valid rule mapping into a Rule subclass; raise :class:`SpecError`."""
    spec = raw.data
    base = KINDS[spec["kind"]]
    check_template(spec["message"], base.kind)
    attrs = base.prepare(spec)
    summary = spec.get("description") or string.Formatter().vformat(
        spec["message"], (), _Ellipsis()
    )
    flagged = spec["examples"]["flagged"]
    clean = spec["examples"]["clean"]
    line = raw.line_of()
    attrs.update(
        code=spec["code"], name=spec["name"], family=Family(spec["family"]),
        severity=Severity.parse(spec.get("severity", "warning")),
        default_enabled=spec.get("enabled", True),
        scope=spec.get("scope", base.default_scope),
        spec=dict(spec), message_template=spec["message"],
        source=f"{raw.path}:{line}" if line else raw.path,
        min_words=spec.get("min_words", attrs.get("min_words", 0)),
        max_words=spec.get("max_words"),
        __doc__=_docstring(summary.strip().splitlines()[0], flagged, clean, spec.get("link"),
                           f"{raw.path}:{line}" if line else raw.path),
        __module__=__name__,
    )
    class_name = "".join(p.capitalize() for p in spec["name"].split("-")) + spec["code"]
    return type(class_name, (base,), attrs)


class _Ellipsis(dict):
    def __missing__(self, key: str) -> str:
        return "…"


def _docstring(summary: str, flagged: list[str], clean: list[str], link: str | None, source: str) -> str:
    """A Rule docstring whose Flagged/Clean sections carry the pack's examples (so the generic
    docstring-example test runs them too)."""

    def block(items: list[str]) -> str:
        return "\n".join("    " + s.strip().replace("\n", "\\n") for s in items)

    more = f"\n\nDeclared in the rule pack {source}." + (f" See {link}." if link else "")
    return f"{summary}{more}\n\nFlagged:\n{block(flagged)}\n\nClean:\n{block(clean)}\n"
