"""reStructuredText: the block structure of a Sphinx or docutils document, with exact offsets.

docutils itself builds a document tree but keeps only line numbers, and its parse runs the
directives (includes, autodoc) that a linter must never execute; what docqa needs is which spans
are prose, which are headings and which are markup or code. This scanner follows the
reStructuredText specification's block rules on the lines of the original text:

* section titles (a title with an underline, optionally an overline, of one repeated punctuation
  character) are headings, levelled in the order their adornment styles first appear; the
  adornments and transitions are markup;
* paragraphs, bullet and enumerated list items, block quotes, footnote and citation texts, the
  definitions of definition lists and the content of admonitions (``note``, ``warning``,
  ``seealso``...) are prose;
* a paragraph ending in ``::`` introduces a literal block; literal blocks, doctest blocks and the
  content of code directives (``code-block``, ``literalinclude``, ``math``...) are code;
* every other explicit markup block (directives such as ``image``, ``toctree`` or ``automodule``,
  their options, comments, hyperlink targets, substitution definitions), field lists and
  definition-list terms are markup, never checked;
* grid and simple tables are tables whose cells are checked like Markdown table cells.

Inline, interpreted text and roles (``:func:`name```, ```text```), inline literals
(````code````), substitution references (``|name|``), footnote and citation references
(``[1]_``) and the targets of hyperlink references (```text <url>`_``) are markup; the words of
a hyperlink reference are prose.
"""

from __future__ import annotations

import re

from .. import rx, textutil
from ..document import Document, NodeKind
from . import Builder

#: Characters the specification allows in section adornments and transitions.
_ADORNMENT_CHARS = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
_ADORNMENT_RE = rx.compile(r"([" + re.escape(_ADORNMENT_CHARS) + r"])\1*[ \t]*$")
_BULLET_RE = rx.compile(r"[-*+•‣⁃][ \t]+(?=\S)")
_ENUMERATOR_RE = rx.compile(r"(?:\(?(?:\d+|#|[a-zA-Z]|[ivxlcdmIVXLCDM]+)\)|(?:\d+|#|[a-zA-Z]|[ivxlcdmIVXLCDM]+)\.)[ \t]+(?=\S)")
_EXPLICIT_RE = rx.compile(r"\.\.(?:[ \t]+|$)")
_DIRECTIVE_RE = rx.compile(r"\.\.[ \t]+(?:\|[^|]+\|[ \t]+)?([\w][\w:.+-]*)[ \t]*::")
_FOOTNOTE_RE = rx.compile(r"\.\.[ \t]+\[(?:\d+|#[\w.-]*|\*|[\w.-]+)\][ \t]*")
_FIELD_RE = rx.compile(r":(?![ \t])[^:`]+(?<![ \t]):(?:[ \t]+|$)")
_GRID_BORDER_RE = rx.compile(r"\+(?:[-=]+\+)+[ \t]*$")
_SIMPLE_BORDER_RE = rx.compile(r"=+(?:[ \t]+=+)+[ \t]*$")
_LINE_BLOCK_RE = rx.compile(r"\|(?:[ \t]+|$)")

#: Directives whose content is prose (admonitions and the like); their content is parsed as body.
PROSE_DIRECTIVES = frozenset("""
    admonition attention caution danger error hint important note tip warning seealso todo
    topic sidebar rubric epigraph highlights pull-quote compound container versionadded
    versionchanged deprecated
""".split())
#: Directives whose content is code or other literal text.
CODE_DIRECTIVES = frozenset("""
    code code-block sourcecode literalinclude highlight math raw doctest testcode testoutput
    testsetup testcleanup productionlist parsed-literal jupyter-execute ipython graphviz
    mermaid
""".split())

# Inline markup: each consumes a character most prose lacks (a backtick, a bar, "]_").
_INLINE_LITERAL_RE = rx.compile(r"(?<![\w\\])``(?!\s).*?(?<!\s)``(?!\w)", re.DOTALL)
_ROLE_RE = rx.compile(r"(?<![\w\\]):[\w.+-]+(?::[\w.+-]+)*:`[^`]+`|(?<![\w\\])`[^`]+`:[\w.+-]+(?::[\w.+-]+)*:(?!\w)")
_INTERPRETED_RE = rx.compile(r"(?<![\w\\`])`(?!\s)([^`]+?)(?<!\s)`(__?)?(?![\w`])")
_LINK_TARGET_RE = rx.compile(r"\s*<[^<>`]+>$")
_SUBSTITUTION_RE = rx.compile(r"(?<![\w\\])\|(?!\s)[^|]+(?<!\s)\|(?:__?)?(?!\w)")
_FOOTNOTE_REF_RE = rx.compile(r"(?<!\\)\[(?:\d+|#[\w.-]*|\*|[\w.-]+)\]_(?!\w)")
_WORD_REF_RE = rx.compile(r"(?<=\w)__?(?=[\s.,;:!?)\]'\"]|$)")


#: Block quotes and lists nested deeper than this are left unread (markup, not prose): real
#: documents stay far below it, and each level rescans what it holds.
MAX_NESTING = 30


def parse_rst(text: str, path: str | None = None) -> Document:
    b = Builder(text, path, "rst")
    lines = list(textutil.iter_lines(text))
    _Scanner(b, lines).body(lines, top=True)
    return b.finish()


class _Scanner:
    def __init__(self, builder: Builder, lines: list[tuple[int, int]]) -> None:
        self.b = builder
        self.text = text = builder.text
        self.styles: list[tuple[str, bool]] = []  # adornment styles in order of first use
        # Per physical line, keyed by its end offset (which dedented spans keep): where its
        # leading blanks end, and whether it is blank. Computed once, so that nested blocks,
        # which look at their lines again, cost no more per line than the top level does.
        self._text_at: dict[int, int] = {}
        self._blank: dict[int, bool] = {}
        for s, e in lines:
            i = s
            while i < e and text[i] in " \t":
                i += 1
            self._text_at[e] = i
            self._blank[e] = not text[i:e].strip()

    # ----------------------------------------------------------------- helpers
    def blank(self, span: tuple[int, int]) -> bool:
        return self._blank[span[1]]

    def indent(self, span: tuple[int, int]) -> int:
        return max(0, self._text_at[span[1]] - span[0])

    def dedent(self, spans: list[tuple[int, int]], by: int) -> list[tuple[int, int]]:
        """The spans with up to ``by`` leading blanks cut off each (blank lines stay as they are)."""
        return [(s + min(by, self.indent((s, e))), e) for s, e in spans]

    def indented_run(self, lines, i: int, deeper_than: int = 0) -> int:
        """The end of the run of lines from ``i`` that are blank or indented more than
        ``deeper_than``; trailing blank lines are left out."""
        j, last = i, i
        while j < len(lines) and (self.blank(lines[j]) or self.indent(lines[j]) > deeper_than):
            j += 1
            if not self.blank(lines[j - 1]):
                last = j
        return last

    def adornment(self, span: tuple[int, int]) -> str | None:
        s, e = span
        m = _ADORNMENT_RE.match(self.text, s, e)
        return m.group(1) if m and m.end() - s >= 2 and self.indent(span) == 0 else None

    def level(self, char: str, overlined: bool) -> int:
        style = (char, overlined)
        if style not in self.styles:
            self.styles.append(style)
        return self.styles.index(style) + 1

    def ignore(self, spans) -> None:
        for s, e in spans:
            self.b.ignore(s, e)

    def code(self, spans, kind: NodeKind = NodeKind.CODE_BLOCK) -> None:
        """Code (or, with ``kind`` HTML, other markup that renders as content, such as a
        ``toctree`` or an ``autoclass``): a block that is never prose but is not nothing either."""
        body = [sp for sp in spans if not self.blank(sp)]
        if body:
            self.b.add(kind, body[0][0], body[-1][1])
            self.ignore(spans)

    # ----------------------------------------------------------------- blocks
    def body(self, lines: list[tuple[int, int]], top: bool = False, first_kind: NodeKind = NodeKind.PARAGRAPH,
             level: int = 0) -> None:
        text, b = self.text, self.b
        if level > MAX_NESTING:
            self.code(lines, NodeKind.HTML)
            return
        i, n = 0, len(lines)
        kind = first_kind
        while i < n:
            if self.blank(lines[i]):
                i += 1
                continue
            s, e = lines[i]
            stripped = text[s:e].strip()
            nxt = lines[i + 1] if i + 1 < n else None

            if self.indent(lines[i]) > 0:  # a block quote (or a stray indented block)
                j = self.indented_run(lines, i)
                inner = lines[i:j]
                depth = min(self.indent(sp) for sp in inner if not self.blank(sp))
                self.body(self.dedent(inner, depth), level=level + 1)
                i = j
                continue

            # Section title with an overline: adornment, title, same adornment.
            char = self.adornment(lines[i])
            if (char and top and nxt is not None and i + 2 < n and not self.blank(nxt)
                    and self.adornment(lines[i + 2]) == char and self.adornment(nxt) is None):
                ts, te = b.trim(*nxt)
                b.add_block(NodeKind.HEADING, ts, te, self.level(char, True))
                self.ignore([lines[i], lines[i + 2]])
                i += 3
                continue
            if char and len(stripped) >= 4 and (nxt is None or self.blank(nxt)):
                self.ignore([lines[i]])  # a transition
                i += 1
                continue
            # Section title with an underline only.
            if (top and nxt is not None and self.adornment(nxt) and char is None
                    and len(text[nxt[0]:nxt[1]].strip()) >= min(4, len(stripped))):
                b.add_block(NodeKind.HEADING, *b.trim(s, e), self.level(self.adornment(nxt), False))
                self.ignore([nxt])
                i += 2
                continue

            if _EXPLICIT_RE.match(text, s, e):
                i = self.explicit(lines, i, level)
                continue
            if _GRID_BORDER_RE.match(text, s, e):
                i = self.grid_table(lines, i)
                continue
            if _SIMPLE_BORDER_RE.match(text, s, e):
                i = self.simple_table(lines, i)
                continue
            if stripped.startswith(">>>"):
                j = i
                while j < n and not self.blank(lines[j]):
                    j += 1
                self.code(lines[i:j])
                i = j
                continue
            m = _BULLET_RE.match(text, s, e) or _ENUMERATOR_RE.match(text, s, e)
            if m and not (nxt is not None and not self.blank(nxt) and self.indent(nxt) == 0
                          and not (_BULLET_RE.match(text, *nxt) or _ENUMERATOR_RE.match(text, *nxt))
                          and m.re is _ENUMERATOR_RE):
                i = self.list_item(lines, i, m.end() - s, level)
                continue
            if _FIELD_RE.match(text, s, e):
                j = self.indented_run(lines, i + 1)
                self.code(lines[i:max(j, i + 1)], NodeKind.HTML)
                i = max(j, i + 1)
                continue
            if _LINE_BLOCK_RE.match(text, s, e):
                j = i
                while j < n and not self.blank(lines[j]) and _LINE_BLOCK_RE.match(text, *lines[j]):
                    ls, le = lines[j]
                    mark = _LINE_BLOCK_RE.match(text, ls, le)
                    b.ignore(ls, mark.end())
                    if mark.end() < le:
                        b.add_block(NodeKind.PARAGRAPH, mark.end(), le, level)
                    j += 1
                i = j
                continue
            # Definition list item: a term line, then its definition indented below it.
            if nxt is not None and not self.blank(nxt) and self.indent(nxt) > 0:
                self.ignore([lines[i]])
                j = self.indented_run(lines, i + 1)
                inner = lines[i + 1:j]
                depth = min(self.indent(sp) for sp in inner if not self.blank(sp))
                self.body(self.dedent(inner, depth), level=level + 1)
                i = j
                continue

            # A paragraph: non-blank lines at this indentation.
            j = i
            while j < n and not self.blank(lines[j]) and self.indent(lines[j]) == 0:
                j += 1
            i = self.paragraph(lines, i, j, kind, level)
            kind = NodeKind.PARAGRAPH

    def paragraph(self, lines, i: int, j: int, kind: NodeKind, level: int) -> int:
        """Add the paragraph ``lines[i:j]``; a final ``::`` opens a literal block after it."""
        text, b = self.text, self.b
        s, e = lines[i][0], lines[j - 1][1]
        body = text[s:e].rstrip()
        if not body.endswith("::"):
            b.add_block(kind, s, e, level)
            return j
        end = s + len(body)
        if body == "::":
            b.ignore(s, end)
        else:
            colons = end - 2
            spaced = text[colons - 1] in " \t"
            b.ignore(colons - 1 if spaced else colons + 1, end)  # "text::" reads "text:"; "text ::" reads "text"
            b.add_block(kind, s, colons - 1 if spaced else colons + 1, level)
        k = j
        while k < len(lines) and self.blank(lines[k]):
            k += 1
        if k < len(lines) and self.indent(lines[k]) > 0:
            end_block = self.indented_run(lines, k)
        else:  # a quoted literal block: unindented lines that start with the same punctuation
            end_block = k
            quote = text[lines[k][0]] if k < len(lines) else ""
            while end_block < len(lines) and not self.blank(lines[end_block]) and quote in _ADORNMENT_CHARS \
                    and text[lines[end_block][0]:lines[end_block][0] + 1] == quote:
                end_block += 1
        self.code(lines[k:end_block])
        return max(end_block, j)

    def list_item(self, lines, i: int, content_col: int, level: int) -> int:
        s, e = lines[i]
        self.b.ignore(s, s + content_col)
        j = self.indented_run(lines, i + 1)
        inner = [(s + content_col, e)] + self.dedent(lines[i + 1:j], content_col)
        self.body(inner, first_kind=NodeKind.LIST_ITEM, level=level)
        return max(j, i + 1)

    def explicit(self, lines, i: int, level: int) -> int:
        """A directive, footnote, citation, target, substitution definition or comment."""
        text, b = self.text, self.b
        s, e = lines[i]
        j = max(self.indented_run(lines, i + 1), i + 1)
        block = lines[i:j]
        directive = _DIRECTIVE_RE.match(text, s, e)
        footnote = _FOOTNOTE_RE.match(text, s, e)
        if directive and not text[s:e].lstrip(". \t").startswith("|"):
            name = directive.group(1).lower().split(":")[-1]
            if name not in PROSE_DIRECTIVES and name not in CODE_DIRECTIVES:
                self.code(block, NodeKind.HTML)  # "toctree", "autoclass", "image": content, not prose
                return j
            self.ignore([lines[i]])
            rest = block[1:]
            depth = min((self.indent(sp) for sp in rest if not self.blank(sp)), default=0)
            content = self.dedent(rest, depth)
            k = 0
            while k < len(content) and not self.blank(content[k]) and _FIELD_RE.match(text, *content[k]):
                k += 1  # the directive's options
            self.ignore(content[:k])
            if name in PROSE_DIRECTIVES:
                self.body(content[k:], level=level + 1)
            else:
                self.code(content[k:])
        elif footnote:
            b.ignore(s, footnote.end())
            rest = block[1:]
            depth = min((self.indent(sp) for sp in rest if not self.blank(sp)), default=0)
            first = [(footnote.end(), e)] if footnote.end() < e else []
            self.body(first + self.dedent(rest, depth), level=level + 1)
        else:  # a comment, a hyperlink target or a substitution definition
            self.ignore(block)
        return j

    def grid_table(self, lines, i: int) -> int:
        text, b = self.text, self.b
        j = i
        while j < len(lines) and not self.blank(lines[j]) and text[lines[j][0]:lines[j][1]].lstrip()[:1] in "+|":
            j += 1
        table = b.add(NodeKind.TABLE, lines[i][0], lines[j - 1][1])
        for s, e in lines[i:j]:
            if _GRID_BORDER_RE.match(text, s, e):
                b.ignore(s, e)
                continue
            row = b.add(NodeKind.TABLE_ROW, *b.trim(s, e), 0, table)
            bars = [k for k in range(s, e) if text[k] in "|+"]
            for left, right in zip(bars, bars[1:]):
                b.ignore(left, left + 1)
                cs, ce = b.trim(left + 1, right)
                if ce > cs:
                    b.add_block(NodeKind.TABLE_CELL, cs, ce, 0, row)
            if bars:
                b.ignore(bars[-1], bars[-1] + 1)
        return j

    def simple_table(self, lines, i: int) -> int:
        text, b = self.text, self.b
        s0, e0 = lines[i]
        columns = [(m.start(), m.end()) for m in re.finditer(r"=+", text[s0:e0])]
        j, borders = i, 0
        while j < len(lines):
            s, e = lines[j]
            if _SIMPLE_BORDER_RE.match(text, s, e):
                borders += 1
                j += 1
                # The table ends at a border followed by a blank line, once it has a body.
                if borders >= 2 and (j >= len(lines) or self.blank(lines[j])):
                    break
                continue
            if self.blank(lines[j]) and borders >= 3:
                break
            j += 1
        table = b.add(NodeKind.TABLE, s0, lines[j - 1][1])
        for s, e in lines[i:j]:
            if self.blank((s, e)):
                continue
            if _SIMPLE_BORDER_RE.match(text, s, e) or set(text[s:e].strip()) <= set("- "):
                b.ignore(s, e)
                continue
            row = b.add(NodeKind.TABLE_ROW, *b.trim(s, e), 0, table)
            for k, (left, _) in enumerate(columns):
                right = columns[k + 1][0] if k + 1 < len(columns) else e - s
                cs, ce = b.trim(s + min(left, e - s), s + min(right, e - s))
                if ce > cs:
                    b.add_block(NodeKind.TABLE_CELL, cs, ce, 0, row)
        return j


def scan_inline(b: Builder, start: int, end: int, parent: int) -> None:
    """Record the inline markup of a reStructuredText block as non-prose."""
    text = b.text
    if text.find("``", start, end) >= 0:
        for m in _INLINE_LITERAL_RE.finditer(text, start, end):
            b.add_non_prose(NodeKind.INLINE_CODE, m.start(), m.end(), parent)
    if text.find("`", start, end) >= 0:
        for m in _ROLE_RE.finditer(text, start, end):
            if not b.is_ignored_at(m.start()):
                b.add_non_prose(NodeKind.INLINE_CODE, m.start(), m.end(), parent)
        for m in _INTERPRETED_RE.finditer(text, start, end):
            if b.is_ignored_at(m.start()):
                continue
            if not m.group(2):  # interpreted text with the default role: code-like in most docs
                b.add_non_prose(NodeKind.INLINE_CODE, m.start(), m.end(), parent)
                continue
            # A hyperlink reference: the words are prose, the quotes, target and underscores are not.
            b.ignore(m.start(), m.start(1))
            target = _LINK_TARGET_RE.search(m.group(1))
            inner_end = m.start(1) + target.start() if target else m.end(1)
            if target:
                b.add(NodeKind.LINK, m.start(1) + target.start(), m.end(1), 0, parent)
            b.ignore(inner_end, m.end())
    if text.find("|", start, end) >= 0:
        for m in _SUBSTITUTION_RE.finditer(text, start, end):
            b.ignore(m.start(), m.end())
    if text.find("]_", start, end) >= 0:
        for m in _FOOTNOTE_REF_RE.finditer(text, start, end):
            b.ignore(m.start(), m.end())
    if text.find("_", start, end) >= 0:
        for m in _WORD_REF_RE.finditer(text, start, end):
            b.ignore(m.start(), m.end())
