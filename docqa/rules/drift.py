"""Drift rules (family ``drift``): spans that leave the document's subject."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Mapping

from .. import rx
from ..finding import Family, Severity, Violation
from .base import Rule

if TYPE_CHECKING:
    from ..document import Document

#: Sections that a README, a documentation page or a reference article has whatever its subject:
#: how to get help, contribute, cite or license it, and where to read further. Their words are
#: the project's housekeeping, not its subject, so a span inside them is not drift.
META_SECTIONS = frozenset(name.strip() for name in """
    about|about the project|about this project|authors|author|maintainers|contributors|credits|
    acknowledgements|acknowledgments|thanks|sponsors|sponsorship|funding|support|getting help|help|
    contact|contact us|community|contributing|contribute|how to contribute|development|developing|
    code of conduct|security|reporting security issues|security policy|license|licence|licensing|
    copyright|release policy|releases|versioning|changelog|change log|release notes|
    public api|api|api reference|installation|install|requirements|see also|related projects|
    further reading|references|external links|notes|bibliography|sources|links|resources|citation|
    citing|how to cite|contents|table of contents|indices and tables|glossary
    """.split("|"))

_HEADING_NOISE_RE = rx.compile(r"^[\s\d.)(:#*_`-]+|[\s:.!*_`]+$")
_HEADING_LIST_RE = rx.compile(r"\s*(?:,|&|\band\b|/)\s*")


def is_meta_heading(heading: str) -> bool:
    """True for a heading naming a housekeeping section ("License", "2. Getting help:",
    "Support and contributing")."""
    name = " ".join(_HEADING_NOISE_RE.sub("", heading.strip()).lower().split())
    if not name:
        return False
    return name in META_SECTIONS or all(part in META_SECTIONS for part in _HEADING_LIST_RE.split(name) if part)


def _in_meta_sections(doc: "Document", start: int, end: int) -> bool:
    """True when every section the span ``start..end`` touches is a housekeeping section."""
    touched = [h for h in doc.headings if h.start < end]
    before = [h for h in touched if h.end <= start]
    inside = [h for h in touched if h.end > start]
    # The section the span starts in: the last heading before it, unless it opens with a heading.
    opens_with_heading = bool(inside) and doc.text[start:inside[0].start].strip() == ""
    sections = inside if opens_with_heading else before[-1:] + inside
    return bool(sections) and (opens_with_heading or bool(before)) and all(
        is_meta_heading(doc.text[h.start:h.end]) for h in sections
    )


class OffTopicDrift(Rule):
    """A contiguous span that leaves the subject the title and the rest of the document establish.

    The subject is what the title, the lead and the rest of the document talk about, weighted by
    how rare each word is in general English (wordfreq's offline table). Each contiguous run of
    blocks whose rare words the rest of the document does not share, whose names it never
    mentions and which drops the subject's key terms is one finding covering its lines. The
    message gives the subject's key terms, the span's own, its similarity to the rest of the
    document against that of a typical section of the same length, and the line where the drift
    starts. Documents with fewer than ``min_document_words`` content words get no verdict; spans
    need ``min_span_words`` content words and ``min_distinctive_terms`` rare words of their own.
    Code, markup and the table of contents are not evidence. Spans inside the housekeeping sections
    every README or reference page has ("Support", "Contributing", "License", "See also": see
    ``META_SECTIONS``) are not reported: their subject is the project's upkeep.

    Flagged:
        Harbour bridge reopens after repairs\\nThe harbour bridge in Port Alder reopened to traffic on Monday after eight months of repairs to its steel deck and suspension cables.\\nEngineers from the city council replaced corroded cables and resurfaced the deck, and the bridge now carries two cycle lanes beside the road.\\nThe council said the repairs to the bridge cost twelve million dollars, slightly more than the original estimate for the steel and cable work.\\nCommuters had used a ferry across the harbour while the bridge was closed, and ferry operators reported record passenger numbers.\\nThe council plans to inspect the cables of the bridge every year and to repaint the deck railings next spring.\\nMeanwhile, the defending champion of the clay court tennis tournament, Marta Okonkwo of Brazil, withdrew from the semifinal with a wrist injury after losing the first set to Ilse Vandermeer.\\nVandermeer will face the Japanese qualifier Hana Sato in Sunday's final, a rematch of last year's junior championship match, which Sato won in three sets.
        Harbour bridge reopens after repairs\\nThe harbour bridge in Port Alder reopened to traffic on Monday after eight months of repairs to its steel deck and suspension cables.\\nEngineers from the city council replaced corroded cables and resurfaced the deck, and the bridge now carries two cycle lanes beside the road.\\nThe council said the repairs to the bridge cost twelve million dollars, slightly more than the original estimate for the steel and cable work.\\nMeanwhile, the defending champion of the clay court tennis tournament, Marta Okonkwo of Brazil, withdrew from the semifinal with a wrist injury after losing the first set to Ilse Vandermeer.\\nVandermeer will face the Japanese qualifier Hana Sato in Sunday's final, a rematch of last year's junior championship match, which Sato won in three sets.\\nCommuters had used a ferry across the harbour while the bridge was closed, and ferry operators reported record passenger numbers.\\nThe council plans to inspect the cables of the bridge every year and to repaint the deck railings next spring.
    Clean:
        Harbour bridge reopens after repairs\\nThe harbour bridge in Port Alder reopened to traffic on Monday after eight months of repairs to its steel deck and suspension cables.\\nEngineers from the city council replaced corroded cables and resurfaced the deck, and the bridge now carries two cycle lanes beside the road.\\nThe council said the repairs to the bridge cost twelve million dollars, slightly more than the original estimate for the steel and cable work.\\nCommuters had used a ferry across the harbour while the bridge was closed, and ferry operators reported record passenger numbers.\\nThe council plans to inspect the cables of the bridge every year and to repaint the deck railings next spring.
        Harbour bridge reopens\\nThe harbour bridge in Port Alder reopened to traffic on Monday after eight months of repairs to its steel deck and suspension cables.\\nMeanwhile, the defending champion of the clay court tennis tournament, Marta Okonkwo of Brazil, withdrew from the semifinal with a wrist injury after losing the first set to Ilse Vandermeer.
    """

    code = "DRF001"
    name = "off-topic-drift"
    family = Family.DRIFT
    severity = Severity.WARNING
    prose_only = False  # a finding spans whole blocks, code and links included
    options = {
        # Probability the model must give a span; higher is stricter (fewer, surer findings).
        "threshold": 0.6,
        # Content words a span needs before it is judged at all.
        "min_span_words": 10,
        # Rare words of its own (used nowhere else in the document) a span needs.
        "min_distinctive_terms": 3,
        # Content words a document needs before it gets a verdict.
        "min_document_words": 60,
        # Largest share of the document's content words one span may take (the subject must remain).
        "max_span_share": 0.7,
    }

    def _analysis(self, doc: "Document"):
        from ..drift import analyse  # lazy: loads the frequency table on first use

        key = ("drift.analysis", tuple(sorted(self.opts.items())))
        analysis = doc.cache.get(key)
        if analysis is None:
            analysis = analyse(
                doc,
                threshold=float(self.opts["threshold"]),
                min_span_tokens=int(self.opts["min_span_words"]),
                min_confined_terms=int(self.opts["min_distinctive_terms"]),
                min_document_tokens=int(self.opts["min_document_words"]),
                max_span_share=float(self.opts["max_span_share"]),
            )
            doc.cache[key] = analysis
        return analysis

    def summarize(self, doc: "Document") -> Mapping[str, Any]:
        """Whether the document got a verdict (and why not), and how many off-topic spans."""
        analysis = self._analysis(doc)
        return {"judged": int(analysis.verdict == "ok"), "verdict": analysis.verdict,
                "off_topic_spans": len(analysis.spans)}

    def check(self, doc: "Document") -> Iterable[Violation]:
        """One violation per off-topic span, covering its blocks."""
        analysis = self._analysis(doc)
        subject = ", ".join(analysis.subject_terms) or "(none)"
        for span in analysis.spans:
            if _in_meta_sections(doc, span.start, span.end):
                continue  # a README's "Support" or "License": housekeeping, not a change of subject
            line = doc.position(span.start)[0]
            end_line = doc.position(span.end)[0]
            where = f"at line {line}" if line == end_line else f"from line {line} to line {end_line}"
            own = ", ".join(span.span_terms) or "(no distinctive terms)"
            message = (
                f"Off-topic {where}: this span is about {own}, while the document is about {subject}; "
                f"its similarity to the rest of the document is {span.similarity:.2f} against "
                f"{span.typical:.2f} for a typical section of its length (drift probability "
                f"{span.probability:.2f})"
            )
            data = {
                "drift_starts_line": line,
                "probability": round(span.probability, 3),
                "similarity": round(span.similarity, 3),
                "typical_similarity": round(span.typical, 3),
                "subject_terms": list(analysis.subject_terms),
                "span_terms": list(span.span_terms),
                "features": {k: round(v, 3) for k, v in span.features.items()},
            }
            yield Violation(span.start, span.end, message, data=data)


RULES: list = [OffTopicDrift]
