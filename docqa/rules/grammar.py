"""Grammar rules (family ``grammar``), backed by LanguageTool when one is available.

docqa ships no grammar engine: GRM001 sends the document's prose to a LanguageTool server (see
:mod:`docqa.languagetool` for how one is found or started) and maps its matches to findings.
Code, URLs and markup are sent as markup, so LanguageTool neither checks them nor loses the
offsets. Matches that repeat what docqa's own casing, spacing and spelling rules report are
dropped, and LanguageTool's own spelling, casing and whitespace rules are disabled by default
for the same reason (``disabled_rules``).
"""

from __future__ import annotations

from typing import Iterable, Mapping

from .. import languagetool as lt
from ..document import Document, NodeKind
from ..finding import Family, Fix, Severity, Violation
from .base import Rule

#: LanguageTool rules that duplicate docqa's casing, spacing and spelling families.
DUPLICATE_RULES = (
    "MORFOLOGIK_RULE_EN_US", "MORFOLOGIK_RULE_EN_GB", "MORFOLOGIK_RULE_EN_CA", "MORFOLOGIK_RULE_EN_AU",
    "MORFOLOGIK_RULE_EN_NZ", "MORFOLOGIK_RULE_EN_ZA", "HUNSPELL_RULE",
    "UPPERCASE_SENTENCE_START", "EN_SPECIFIC_CASE", "COMMA_PARENTHESIS_WHITESPACE",
    "WHITESPACE_RULE", "SENTENCE_WHITESPACE", "DOUBLE_PUNCTUATION",
)
# What an inline code span or URL reads as, so that the sentence around it stays grammatical.
_PLACEHOLDER = "Dummy"


class LanguageToolCheck(Rule):
    """Grammar, punctuation and style problems found by a LanguageTool server.

    Needs LanguageTool: ``languagetool-url`` (or ``--languagetool-url``,
    ``DOCQA_LANGUAGETOOL_URL``) naming a server, or ``languagetool-dir`` naming a directory with
    LanguageTool's jars, from which docqa starts a server for the run and stops it afterwards.
    Without either, the rule is skipped and says so once. The examples below run against a
    small stand-in server in the test suite.

    Flagged:
        He bought a apple at the market.

    Clean:
        He bought an apple at the market.
    """

    code = "GRM001"
    name = "languagetool"
    family = Family.GRAMMAR
    severity = Severity.WARNING
    fixable = True
    #: The examples need a LanguageTool server; the generic example test skips this rule.
    needs_service = True
    options = {
        #: Seconds to wait for one answer from the server.
        "timeout": 15.0,
        #: Seconds to wait for a server started from ``languagetool-dir`` to answer.
        "startup_timeout": 90.0,
        "language": "en-US",
        #: LanguageTool rule ids never reported (default: those docqa's own rules cover).
        "disabled_rules": list(DUPLICATE_RULES),
        #: Characters per request; longer documents are sent in pieces at block boundaries.
        "max_chars": 20000,
        #: Drop matches that overlap docqa's own casing, spacing and spelling findings.
        "dedupe": True,
    }

    def __init__(self, options=None, settings=None) -> None:
        super().__init__(options, settings)
        self._backend: lt.Backend | None = None
        self._checked: bool | None = None  # the last file's status, for summarize()

    @property
    def backend(self) -> lt.Backend:
        if self._backend is None:
            self._backend = lt.Backend(
                self.settings, timeout=float(self.opts["timeout"]),
                startup_timeout=float(self.opts["startup_timeout"]), language=str(self.opts["language"]),
                disabled_rules=[str(r) for r in self.opts["disabled_rules"]],
            )
        return self._backend

    def start_run(self) -> None:
        # Start (or reach) the server once in the parent, so forked workers share it.
        if self.backend.configured:
            self.backend.get_client()

    def check(self, doc: Document) -> Iterable[Violation]:
        backend = self.backend
        self._checked = None
        client = backend.get_client()
        if client is None:
            if backend.configured:
                backend.unchecked += 1
                self._checked = False
            return []
        matches: list[lt.Match] = []
        for start, end, annotation in chunks(doc, int(self.opts["max_chars"])):
            try:
                found = client.check(doc.text[start:end], annotation)
            except lt.LanguageToolError as exc:
                backend.fail(str(exc))
                backend.unchecked += 1
                self._checked = False
                return []
            matches.extend(_shift(m, start) for m in found)
        backend.checked += 1
        self._checked = True
        own = own_spans(doc, self.settings) if self.opts["dedupe"] else []
        out = []
        for m in matches:
            if m.end <= m.start and not m.replacements:
                continue
            if any(m.start < e and s < max(m.end, m.start + 1) for s, e in own):
                continue
            out.append(to_violation(m))
        return out

    def summarize(self, doc: Document) -> Mapping[str, object] | None:
        """Whether this file was checked (only when a server is configured): a file that was not
        is kept out of the cache and counted in the run's notice, from whichever process."""
        if self._checked is None:
            return None
        out: dict[str, object] = {"checked": self._checked}
        if not self._checked and self.backend.failure:
            out["failure"] = self.backend.failure
        return out

    def collect(self, results) -> None:
        backend = self.backend
        if not backend.configured:
            return
        statuses = [r.metrics.get(self.family.value) for r in results]
        failed = [m for m in statuses if isinstance(m, dict) and m.get("checked") is False]
        backend.unchecked = len(failed)
        if failed and backend.failure is None:
            backend.failure = str(failed[0].get("failure") or "the server did not answer")

    def notices(self) -> Iterable[str]:
        backend = self.backend
        if not backend.configured:
            return [
                f"grammar checks ({self.code}) skipped: no LanguageTool server "
                f"(set languagetool-url, --languagetool-url or {lt.URL_ENV}, or languagetool-dir)"
            ]
        if backend.failure is not None:
            n = backend.unchecked
            return [f"grammar checks ({self.code}) unavailable: {backend.failure}"
                    + (f"; {n} file{'s' if n != 1 else ''} not checked" if n else "")]
        return []

    def close(self) -> None:
        if self._backend is not None:
            self._backend.close()


def to_violation(m: lt.Match) -> Violation:
    """A LanguageTool match as a docqa violation (the first replacement as an unsafe fix)."""
    fix = Fix.replace(m.start, m.end, m.replacements[0], safe=False) if m.replacements else None
    severity = Severity.INFO if m.issue_type in ("style", "locale-violation", "register") else None
    suggestion = f" Suggestion: '{m.replacements[0]}'." if m.replacements else ""
    return Violation(
        m.start, m.end, f"{m.message}{suggestion} (LanguageTool {m.rule_id})",
        fix=fix, severity=severity,
        data={"rule_id": m.rule_id, "category": m.category, "category_id": m.category_id,
              "issue_type": m.issue_type, "replacements": list(m.replacements[:5]),
              "description": m.rule_description},
    )


def _shift(m: lt.Match, by: int) -> lt.Match:
    from dataclasses import replace

    return replace(m, start=m.start + by, end=m.end + by)


def chunks(doc: Document, max_chars: int) -> list[tuple[int, int, list[Mapping[str, str]]]]:
    """The document's prose in pieces of at most ``max_chars``, cut at block boundaries, each with
    the LanguageTool annotation (``text`` for prose, ``markup`` for everything else) that covers
    ``doc.text[start:end]`` exactly."""
    blocks = sorted(
        (b for b in doc.paragraphs + doc.headings + doc.of_kind(NodeKind.TABLE_CELL) if b.end > b.start),
        key=lambda b: b.start,
    )
    groups: list[list] = []
    for b in blocks:
        if groups and b.end - groups[-1][0].start <= max_chars and b.start >= groups[-1][-1].end:
            groups[-1].append(b)
        elif groups and b.start < groups[-1][-1].end:
            continue  # nested in the previous block
        else:
            groups.append([b])
    out = []
    for group in groups:
        start, end = group[0].start, group[-1].end
        out.append((start, end, annotate(doc, group, start, end)))
    return out


def annotate(doc: Document, blocks, start: int, end: int) -> list[Mapping[str, str]]:
    """Annotation pieces for ``doc.text[start:end]``: prose as text, the rest as markup."""
    text = doc.text
    pieces: list[Mapping[str, str]] = []
    pos = start
    for b in blocks:
        if b.start > pos:
            pieces.append({"markup": text[pos:b.start], "interpretAs": "\n\n"})
        pos = max(pos, b.start)
        for s, e in doc.ignored:
            if e <= pos or s >= b.end:
                continue
            s, e = max(s, pos), min(e, b.end)
            if s > pos:
                pieces.append({"text": text[pos:s]})
            pieces.append({"markup": text[s:e], "interpretAs": _PLACEHOLDER})
            pos = e
        if b.end > pos:
            pieces.append({"text": text[pos:b.end]})
            pos = b.end
    if end > pos:
        pieces.append({"markup": text[pos:end], "interpretAs": "\n\n"})
    return [p for p in pieces if p.get("text", p.get("markup"))]


def own_spans(doc: Document, settings) -> list[tuple[int, int]]:
    """Spans docqa's own casing, spacing and spelling rules report (default options)."""
    key = ("docqa.own_spans", tuple(settings.brands), tuple(settings.words))
    cached = doc.cache.get(key)
    if cached is not None:
        return cached
    from . import spacing
    from .casing import analyse
    from .spelling import Misspelling, check_spelling

    spans = [(h.start, h.end) for h in analyse(doc, settings) if h.code != "CAS005"]
    for cls in spacing.RULES:
        spans.extend((v.start, v.end) for v in cls(None, settings).check(doc))
    spans.extend((v.start, v.end) for v in check_spelling(doc, settings, dict(Misspelling.options)))
    doc.cache[key] = spans
    return spans


RULES = [LanguageToolCheck]
