"""Structure rules (family ``structure``): the skeleton of a document against its promises.

A table of contents promises sections, a heading promises a body, a title is said once, and the
last sentence ends. Scraped and generated articles break these promises when text is cut, spliced
or padded. The section and table-of-contents helpers here are shared with the boilerplate rules
and with the ``section`` scope of rule packs.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Iterator

from .. import rx
from ..document import MARKUP_FORMATS, Document, Node, NodeKind
from ..finding import Family, Severity, Violation
from ..textutil import split_sentences, strip_reference_markers
from .base import Rule

#: A heading that introduces a table of contents.
TOC_TITLE_RE = rx.compile(
    r"^\s*(?:table\s+of\s+contents|contents|in\s+this\s+(?:article|post|guide)|on\s+this\s+page|jump\s+to)\s*:?\s*$",
    re.IGNORECASE,
)
#: Numbering and link syntax around a table-of-contents entry ("1.2 ", "[Intro](#intro)").
_ENTRY_NUMBER_RE = rx.compile(r"^\s*(?:\(?\d+(?:\.\d+)*[.)]?|[ivxlc]+[.)]|[a-z][.)])\s+", re.IGNORECASE)
_MD_LINK_RE = rx.compile(r"\[([^\]]*)\]\([^)]*\)")
#: Dot leaders and page numbers of a printed table of contents ("Introduction ....... 3").
PAGE_NUMBER_RE = rx.compile(r"(?:\.{3,}|\s{2,}|\t)\s*\d+\s*$")
#: Where a sentence may end (closing quotes and brackets may follow).
TERMINAL_RE = rx.compile(r"[.!?…:;][\"'”’)\]*_~`]*\s*$")
_NON_ALNUM_RE = rx.compile(r"[^\w]+")
_INNER_SENTENCE_END_RE = rx.compile(r"[a-z)\]”'’][.!?][\"”’)]*\s+[A-Z]")

# Words a complete sentence almost never ends on: articles, prepositions, conjunctions, auxiliaries.
DANGLING_WORDS = frozenset(
    """
    a an the and or but nor to of in on at by for with from into onto than as that which who whose whom
    if because while although though when where whereas so such its their his her our your my this these
    those is are was were be been being has have had do does did can could will would shall should may
    might must very more most also not
    """.split()
)


@dataclass(frozen=True)
class Section:
    """A heading (None for text before the first heading) and the blocks under it, up to the next heading."""

    heading: Node | None
    blocks: tuple[Node, ...]

    @property
    def start(self) -> int:
        return self.heading.start if self.heading is not None else (self.blocks[0].start if self.blocks else 0)

    @property
    def end(self) -> int:
        return self.blocks[-1].end if self.blocks else (self.heading.end if self.heading is not None else 0)


def sections(doc: Document) -> list[Section]:
    """The document cut at every heading (cached per document)."""
    cached = doc.cache.get("structure.sections")
    if cached is not None:
        return cached
    out: list[Section] = []
    heading: Node | None = None
    blocks: list[Node] = []
    for b in doc.blocks:
        if b.kind is NodeKind.HEADING:
            if heading is not None or blocks:
                out.append(Section(heading, tuple(blocks)))
            heading, blocks = b, []
        else:
            blocks.append(b)
    if heading is not None or blocks:
        out.append(Section(heading, tuple(blocks)))
    doc.cache["structure.sections"] = out
    return out


def normalize(text: str) -> str:
    """Case-folded words separated by single spaces, for comparing titles and headings."""
    return _NON_ALNUM_RE.sub(" ", text.casefold()).strip()


def entry_text(doc: Document, node: Node) -> str:
    """The title a table-of-contents entry names, without numbering, link targets or page numbers."""
    text = _MD_LINK_RE.sub(r"\1", doc.slice(node))
    text = PAGE_NUMBER_RE.sub("", text)
    return _ENTRY_NUMBER_RE.sub("", text).strip()


@dataclass(frozen=True)
class Toc:
    """A table of contents: its heading and its entries (list items)."""

    heading: Node
    entries: tuple[Node, ...]


def tables_of_contents(doc: Document) -> list[Toc]:
    """Tables of contents: the plain-text parser's ``toc`` nodes, or a contents heading followed by a list."""
    cached = doc.cache.get("structure.tocs")
    if cached is not None:
        return cached
    out: list[Toc] = []
    for node in doc.of_kind(NodeKind.TOC):
        kids = doc.children(node)
        heads = [k for k in kids if k.kind is NodeKind.HEADING]
        entries = tuple(k for k in kids if k.kind is NodeKind.LIST_ITEM)
        if heads and entries:
            out.append(Toc(heads[0], entries))
    if not out:
        for sec in sections(doc):
            if sec.heading is not None and TOC_TITLE_RE.match(doc.slice(sec.heading)):
                entries = tuple(b for b in sec.blocks if b.kind is NodeKind.LIST_ITEM)
                if entries:
                    out.append(Toc(sec.heading, entries))
    doc.cache["structure.tocs"] = out
    return out


def similarity(a: str, b: str, beat: float = 0.0) -> float:
    """How alike two normalized titles are (0-1): the better of character ratio and word overlap.
    Pairs that provably cannot score above ``beat`` are not compared in full (a cheap bound first)."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    wa, wb = set(a.split()), set(b.split())
    jaccard = len(wa & wb) / len(wa | wb)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() <= max(beat, jaccard) or matcher.quick_ratio() <= max(beat, jaccard):
        return jaccard
    return max(matcher.ratio(), jaccard)


def explicit_level(doc: Document, node: Node) -> bool:
    """True when a heading's level is written down (Markdown, reStructuredText, or a ``#`` heading
    in plain text) rather than guessed from a short line."""
    if doc.format in MARKUP_FORMATS:
        return True
    line_start = max(doc.text.rfind("\n", 0, node.start), doc.text.rfind("\r", 0, node.start)) + 1
    return doc.text[line_start:node.start].strip().startswith("#")


def title_cased(text: str) -> bool:
    """True when the words of four letters or more are (nearly) all capitalised: "Next Steps"."""
    long_words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) >= 4]
    if not long_words or len(text.split()) > 10:
        return False
    return sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words)


def is_question(doc: Document, node: Node) -> bool:
    return doc.slice(node).rstrip().rstrip("\"'”’)*_").endswith("?")


# --------------------------------------------------------------------------- rules
class TocEntryWithoutSection(Rule):
    """A table-of-contents entry names a section that the document does not contain.

    Entries are fuzzy-matched (case, punctuation and numbering ignored) against the headings and
    short blocks after the table of contents. A contents list whose entries mostly match nothing is
    left alone: the body's headings may simply not be recognisable as headings.

    Flagged:
        Guide\\nTable of Contents\\n- Setup\\n- Usage\\n- Troubleshooting\\nSetup\\nInstall the tool first.\\nUsage\\nRun it on a folder.
    Clean:
        Guide\\nTable of Contents\\n- Setup\\n- Usage\\nSetup\\nInstall the tool first.\\nUsage\\nRun it on a folder.
    """

    code = "STR001"
    name = "toc-entry-without-section"
    family = Family.STRUCTURE
    severity = Severity.WARNING
    prose_only = False
    options = {"min_similarity": 0.8, "min_matched_share": 0.5}

    def check(self, doc: Document) -> Iterator[Violation]:
        threshold = float(self.opts["min_similarity"])
        for toc in tables_of_contents(doc):
            body_start = toc.entries[-1].end
            candidates = [
                (b, normalize(doc.slice(b))) for b in doc.blocks
                if b.start >= body_start and b.kind in (NodeKind.HEADING, NodeKind.PARAGRAPH, NodeKind.LIST_ITEM)
                and len(doc.slice(b).split()) <= 40
            ]
            # The title before the contents list is a section too (many generated lists repeat it).
            if doc.title is not None and doc.title.end <= toc.heading.start:
                candidates.append((doc.title, normalize(doc.slice(doc.title))))
            exact = {text: node for node, text in reversed(candidates)}
            results = []
            for entry in toc.entries:
                name = normalize(entry_text(doc, entry))
                if not name:
                    continue
                if name in exact:
                    results.append((entry, name, exact[name], 1.0))
                    continue
                best, score = None, 0.0
                for node, text in candidates:
                    s = similarity(name, text, score)
                    if s > score:
                        best, score = node, s
                results.append((entry, name, best, score))
            matched = sum(1 for *_, s in results if s >= threshold)
            if len(results) < 2 or matched < float(self.opts["min_matched_share"]) * len(results):
                continue
            for entry, name, best, score in results:
                if score >= threshold:
                    continue
                closest = f"; closest heading: {doc.slice(best)!r} ({score:.2f})" if best is not None and score >= 0.3 else ""
                yield Violation(
                    entry.start, entry.end,
                    f"table-of-contents entry {entry_text(doc, entry)!r} has no matching section in the body{closest}",
                    data={"entry": entry_text(doc, entry), "closest": doc.slice(best) if best else None,
                          "similarity": round(score, 3), "matched_entries": matched, "entries": len(results)},
                )


class HeadingWithoutBody(Rule):
    """A heading has no body: nothing follows it, or only unanswered questions.

    A heading directly followed by a heading of the same or a higher level (Markdown), a heading
    that ends the document, and a section that holds only questions (a "Frequently Asked
    Questions" heading with no answers) all promise text that is not there. In plain text,
    consecutive headings are left alone: their levels are unknown, so the first may be a parent.

    Flagged:
        Report\\n\\nResults\\n\\nThe tests passed.\\n\\nNext Steps
        Guide\\n\\nFAQ\\n\\nHow do I install it?\\n\\nHow do I update it?\\n\\nSetup\\n\\nRun the installer.
        # Report\\n\\n## Results\\n\\n## Next steps\\n\\nWe ship on Monday.
    Clean:
        Report\\n\\nResults\\n\\nThe tests passed.\\n\\nNext steps\\n\\nWe will ship on Monday.
        Guide\\n\\nFAQ\\n\\nHow do I install it?\\n\\nRun the installer.\\n\\nSetup\\n\\nRun the installer.
        Report\\n\\nResults\\n\\nUnit tests\\n\\nThe tests passed.
        Notes\\n\\nSome text here.\\n\\nBut wait, there is more
    """

    code = "STR002"
    name = "heading-without-body"
    family = Family.STRUCTURE
    severity = Severity.WARNING
    prose_only = False

    def check(self, doc: Document) -> Iterator[Violation]:
        secs = sections(doc)
        toc_heads = {t.heading.index for t in tables_of_contents(doc)}
        for i, sec in enumerate(secs):
            h = sec.heading
            if h is None or h.index in toc_heads:
                continue
            title = doc.slice(h)
            prose = [b for b in sec.blocks if b.kind in (NodeKind.PARAGRAPH, NodeKind.LIST_ITEM)]
            nxt = secs[i + 1].heading if i + 1 < len(secs) else None
            if not sec.blocks:
                if nxt is None:
                    if h is doc.title or (not explicit_level(doc, h) and not title_cased(title)):
                        # A lone title is a stub, not a structure fault. In plain text a last line
                        # without punctuation may be a heading or a cut-off sentence ("But wait");
                        # only title case makes it surely a heading.
                        continue
                    yield Violation(h.start, h.end, f"heading {title!r} ends the document with no text under it",
                                    data={"heading": title, "reason": "last block"})
                elif explicit_level(doc, h) and explicit_level(doc, nxt) and nxt.level <= h.level:
                    yield Violation(h.start, h.end,
                                    f"heading {title!r} is followed directly by heading {doc.slice(nxt)!r} "
                                    f"(level {nxt.level}) with no text in between",
                                    data={"heading": title, "reason": "empty section", "next": doc.slice(nxt)})
                continue
            checklist = all(b.kind is NodeKind.LIST_ITEM for b in prose)  # "* Are there tests?": a list to work through
            if prose and len(prose) == len(sec.blocks) and not checklist and all(is_question(doc, b) for b in prose):
                yield Violation(h.start, h.end,
                                f"section {title!r} holds only {len(prose)} question(s) and no answer or other text",
                                data={"heading": title, "reason": "only questions", "questions": len(prose)})


class TruncatedEnding(Rule):
    """The document ends mid-sentence: its last block stops without terminal punctuation.

    Evidence is required beyond a missing full stop, since list items and captions often have
    none: the text stops on a word that cannot end a sentence ("to", "the", "and") or on a
    comma, or the last block is running prose whose earlier sentences are all terminated.

    Flagged:
        Findings\\nThe survey ran for two years. Its lasting effect was that it arguably contributed to
        Notes\\n- The final section explains how the approach failed to achieve a breakthrough and
    Clean:
        Findings\\nThe survey ran for two years. Its lasting effect was a change in policy.
        Shopping list\\n- apples\\n- pears
    """

    code = "STR003"
    name = "truncated-ending"
    family = Family.STRUCTURE
    severity = Severity.WARNING
    prose_only = False
    options = {"min_words": 6}

    def check(self, doc: Document) -> Iterator[Violation]:
        blocks = [b for b in doc.blocks if b.kind is not NodeKind.HTML]
        if not blocks:
            return
        last = blocks[-1]
        text = strip_reference_markers(doc.slice(last).rstrip())  # "...in 1805. [6]" ends at "1805."
        if last.kind is NodeKind.HEADING:
            # The plain-text parser takes a short unterminated last line for a heading; one that
            # holds a finished sentence is a paragraph cut short.
            if doc.format != "text" or last is doc.title or not _INNER_SENTENCE_END_RE.search(text):
                return
            spans = split_sentences(doc.text, last.start, last.end)
        elif last.kind in (NodeKind.PARAGRAPH, NodeKind.LIST_ITEM):
            spans = [(n.start, n.end) for n in doc.children(last, NodeKind.SENTENCE)]
        else:
            return
        if not text or TERMINAL_RE.search(text) or doc.is_ignored(last.end - 1, last.end):
            return
        words = text.split()
        if len(words) < int(self.opts["min_words"]):
            return
        tail_word = re.sub(r"[^\w'-]+$", "", words[-1]).lower()
        fragment_start = spans[-1][0] if spans else last.start
        earlier_terminated = len(spans) > 1
        if text.endswith((",", "-", "–", "—")):
            why = f"it stops on {text[-1]!r}"
        elif tail_word in DANGLING_WORDS:
            why = f"it stops on {words[-1]!r}, which cannot end a sentence"
        elif earlier_terminated and len(doc.text[fragment_start:last.end].split()) >= 8 and last.kind is not NodeKind.LIST_ITEM:
            why = "its earlier sentences end with punctuation but the last one does not"
        else:
            return
        tail = " ".join(words[-4:])
        yield Violation(fragment_start, last.end, f"the document ends mid-sentence ('…{tail}'): {why}",
                        data={"last_words": tail, "reason": why})


class DuplicatedTitle(Rule):
    """The document's title is repeated as a heading or paragraph in the body.

    Scraped pages often carry the title twice (the page title and the article headline).
    Table-of-contents entries that list the title are not counted: that is a property of the list.

    Flagged:
        Budget passes after long debate\\n\\nBudget passes after long debate\\n\\nThe council approved the budget on Monday.
    Clean:
        Budget passes after long debate\\n\\nThe council approved the budget on Monday.
    """

    code = "STR004"
    name = "duplicated-title"
    family = Family.STRUCTURE
    severity = Severity.WARNING
    prose_only = False

    def check(self, doc: Document) -> Iterator[Violation]:
        title = doc.title
        if title is None:
            return
        want = normalize(doc.slice(title))
        if len(want.split()) < 2:
            return
        toc_entries = {e.index for t in tables_of_contents(doc) for e in t.entries}
        for b in doc.blocks:
            if b.index == title.index or b.index in toc_entries:
                continue
            if b.kind in (NodeKind.HEADING, NodeKind.PARAGRAPH) and normalize(doc.slice(b)) == want:
                line = doc.position(title.start)[0]
                yield Violation(b.start, b.end, f"the title {doc.slice(title)!r} (line {line}) is repeated here",
                                data={"title": doc.slice(title), "title_line": line})


RULES: list = [TocEntryWithoutSection, HeadingWithoutBody, TruncatedEnding, DuplicatedTitle]
