"""Provenance rules (family ``provenance``): statistics without a source a reader can check.

All four rules read one shared analysis (:func:`docqa.provenance.analysis.analyse`, cached per
document), so a sentence is judged once: sourced, vague, unverifiable or unsourced. A sentence
with several figures gives one finding, on its first figure; the other figures are in ``data``.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from ..finding import Family, Severity, Violation
from .base import Rule


def _analysis(doc):
    from ..provenance.analysis import analyse  # lazy: keeps `docqa --help` fast

    return analyse(doc)


def _claim_data(cs) -> dict[str, Any]:
    return {
        "claims": [{"text": c.text, "kind": c.kind, "start": c.start, "end": c.end} for c in cs.claims],
        "status": cs.status,
        "reason": cs.reason,
        "sentence": [cs.start, cs.end],
    }


class _ProvenanceRule(Rule):
    family = Family.PROVENANCE

    def summarize(self, doc) -> Mapping[str, Any]:
        """Per-file counts {claims, sourced, vague, unsourced} (claims = sentences with a statistic)."""
        return _analysis(doc).counts()


class UnsourcedStatistic(_ProvenanceRule):
    """A statistic with no source in its sentence or the one before.

    Percentages, money, counts, measurements, multipliers and rankings need a source a reader can
    check: a named person or organisation ("Statistics Korea said on Tuesday"), a document with a
    date ("the central bank's 2024 annual report"), a link, or a reference marker. Dates, years,
    times, versions, list numbers and identifiers are not statistics and are never flagged.

    Flagged:
        Over 1,000 rescuers responded to the collapse.
        The company's revenue grew 40% last year, making it the world's largest supplier.
    Clean:
        Revenue grew 40% last year, according to the company's 2024 annual report.
        The meeting took place on October 1, 2025, in Seoul.
        Version 3.2 was released in 2019.
    """

    code = "PRV001"
    name = "unsourced-statistic"
    severity = Severity.WARNING

    def check(self, doc) -> Iterable[Violation]:
        for cs in _analysis(doc).sentences:
            if cs.status != "unsourced":
                continue
            claim = cs.claims[0]
            yield Violation(
                claim.start, claim.end,
                f'statistic "{claim.text}" has no source: nothing in this sentence or the one before '
                "says who measured it; cite a named person, organisation or document, a date or a link",
                data=_claim_data(cs),
            )


class VagueAttribution(_ProvenanceRule):
    """A statistic whose only attribution is vague ("according to reports", "studies show").

    Phrases such as "recent data suggests", "experts say", "it is estimated", "reportedly" or
    "sources said" sound like a source but name nobody a reader could check.

    Flagged:
        According to reports, the two firms ordered 500,000 wafers.
        Studies show that 40% of users never read the terms.
    Clean:
        According to Reuters, the two firms ordered 500,000 wafers.
        Studies show that reading matters.
    """

    code = "PRV002"
    name = "vague-attribution"
    severity = Severity.WARNING

    def check(self, doc) -> Iterable[Violation]:
        for cs in _analysis(doc).sentences:
            if cs.status != "vague" or cs.vague is None:
                continue
            claim = cs.claims[0]
            message = (f'statistic "{claim.text}" rests only on vague attribution "{cs.vague.text}"; '
                       "name the source (organisation, document, date or link)")
            if cs.weak is not None:
                message += f'; "{cs.weak.text}" names no document, date or link either'
            data = _claim_data(cs)
            data["phrase"] = {"text": cs.vague.text, "start": cs.vague.start, "end": cs.vague.end}
            if cs.weak is not None:
                data["tag"] = {"text": cs.weak.text, "start": cs.weak.start, "end": cs.weak.end}
            yield Violation(claim.start, claim.end, message, data=data)


class UnverifiableSource(_ProvenanceRule):
    """A source tag that names only an organisation, with no document, date or link.

    "(Source: SomeCompany)" cannot be checked: which report, from when, where? A tag with a
    document title, a year or a URL is fine.

    Flagged:
        Sales rose 12% in the third quarter (Source: Acme Research).
        Source: Acme Research
    Clean:
        Sales rose 12% in the third quarter (Source: Acme Research, Quarterly Market Report 2024).
        Sales rose 12% (Source: https://example.org/q3).
    """

    code = "PRV003"
    name = "unverifiable-source"
    severity = Severity.INFO

    def check(self, doc) -> Iterable[Violation]:
        analysis = _analysis(doc)
        tags = [(cs.weak, _claim_data(cs)) for cs in analysis.sentences if cs.status == "unverifiable" and cs.weak]
        tags += [(tag, {}) for tag in analysis.weak_tags]
        seen: set[int] = set()
        for tag, data in tags:
            if tag.start in seen:
                continue
            seen.add(tag.start)
            yield Violation(
                tag.start, tag.end,
                f'source "{tag.text}" names an organisation but no document, date or link; '
                "say which report or dataset, when it was published and where to find it",
                data={**data, "tag": tag.text},
            )


class AnonymousSource(_ProvenanceRule):
    """Anonymous sourcing ("sources said", "an official who declined to be named").

    Legitimate in journalism but unverifiable; off by default, select PRV004 to review them.

    Flagged:
        The deal is close, sources said on Sunday.
        An industry official said the talks had stalled.
    Clean:
        The deal is close, the ministry said on Sunday.
        Ha Min-ji, a presidential aide, said the talks had stalled.
    """

    code = "PRV004"
    name = "anonymous-source"
    severity = Severity.INFO
    default_enabled = False

    def check(self, doc) -> Iterable[Violation]:
        seen: set[int] = set()
        for ev in _analysis(doc).anonymous:
            if ev.start in seen:
                continue
            seen.add(ev.start)
            yield Violation(
                ev.start, ev.end,
                f'anonymous sourcing "{ev.text}": the reader cannot check who said it; name the '
                "source or say why it cannot be named",
                data={"phrase": ev.text},
            )


RULES: list = [UnsourcedStatistic, VagueAttribution, UnverifiableSource, AnonymousSource]
