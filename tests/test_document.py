"""The document model: offsets, line index, structure of plain text and Markdown."""

from __future__ import annotations

from docqa.document import LineIndex, NodeKind, parse
from docqa.textutil import split_sentences


def kinds(doc, *wanted):
    return [(n.kind.value, doc.slice(n)) for n in doc.nodes if n.kind.value in wanted]


def test_line_index_counts_crlf_and_lone_cr_as_one_break():
    idx = LineIndex("ab\r\ncd\ref\ngh")
    assert [idx.position(o) for o in (0, 4, 7, 10)] == [(1, 1), (2, 1), (3, 1), (4, 1)]
    assert idx.position(2) == (1, 3)  # the \r of \r\n is still on line 1
    assert idx.offset(3, 1) == 7 and idx.offset(3, 2) == 8


def test_columns_are_code_points_even_outside_the_bmp():
    text = "😀 ab,cd"
    assert LineIndex(text).position(text.index(",")) == (1, 5)


def test_plain_text_structure():
    text = (
        "A Title For The Piece\n"
        "Table of Contents\n"
        "- First Part\n"
        "- Second Part\n"
        "First Part\n"
        "Body text goes here. It has two sentences.\n"
        "| Name | Role |\n"
        "|---|---|\n"
        "| Ann | Chair |\n"
        "* a list item that ends with a full stop.\n"
    )
    doc = parse(text, "x.txt")
    assert doc.slice(doc.title) == "A Title For The Piece"
    assert kinds(doc, "heading") == [
        ("heading", "A Title For The Piece"), ("heading", "Table of Contents"), ("heading", "First Part"),
    ]
    toc = doc.of_kind(NodeKind.TOC)[0]
    assert [doc.slice(n) for n in doc.children(toc, NodeKind.LIST_ITEM)] == ["First Part", "Second Part"]
    assert kinds(doc, "table_cell") == [("table_cell", c) for c in ("Name", "Role", "Ann", "Chair")]
    assert kinds(doc, "list_item")[-1] == ("list_item", "a list item that ends with a full stop.")
    para = doc.of_kind(NodeKind.PARAGRAPH)[0]
    assert [doc.slice(s) for s in doc.children(para, NodeKind.SENTENCE)] == [
        "Body text goes here.", "It has two sentences.",
    ]
    sep = text.index("|---")
    assert doc.is_ignored(sep, sep + 3)


def test_hard_wrapped_plain_text_is_one_paragraph():
    text = "Title\n\nThis paragraph is wrapped\nat a fixed width and goes\non for three lines.\n\nNext one.\n"
    doc = parse(text, "x.txt")
    assert [doc.slice(p) for p in doc.of_kind(NodeKind.PARAGRAPH)] == [
        "This paragraph is wrapped\nat a fixed width and goes\non for three lines.", "Next one.",
    ]


def test_markdown_code_links_and_front_matter_are_not_prose():
    text = (
        "---\ntitle: x\n---\n"
        "# Heading\n\n"
        "Text with `inline,code` and a [link](https://example.com/a,b) here.\n\n"
        "```\nfenced,code\n```\n\n"
        "    indented,code\n"
    )
    doc = parse(text, "x.md")
    for needle in ("title: x", "inline,code", "https://example.com/a,b", "fenced,code", "indented,code"):
        at = text.index(needle)
        assert doc.is_ignored(at, at + len(needle)), needle
    at = text.index("Text with")
    assert not doc.is_ignored(at, at + 9)
    assert doc.slice(doc.title) == "Heading"


def test_markdown_lists_tables_and_offsets():
    text = "Intro para.\n\n- item one\n- item two\n\n| a | b |\n|---|---|\n| c | d |\n"
    doc = parse(text, "x.md")
    assert kinds(doc, "list_item") == [("list_item", "item one"), ("list_item", "item two")]
    assert kinds(doc, "table_cell") == [("table_cell", c) for c in "abcd"]
    for n in doc.nodes:
        assert 0 <= n.start <= n.end <= len(text)


def test_sentence_splitting_respects_abbreviations_and_missing_spaces():
    text = "Dr. Smith met U.S. officials, e.g. at noon. Then he left.Next came more."
    spans = [text[s:e] for s, e in split_sentences(text, 0, len(text))]
    assert spans == ["Dr. Smith met U.S. officials, e.g. at noon.", "Then he left.Next came more."]


def test_reference_markers_belong_to_the_sentence_they_close():
    text = "He won 45 games in 2010. [12] Holt started 2013 with 3 wins.[13][14] It was a record. [a]"
    spans = [text[s:e] for s, e in split_sentences(text, 0, len(text))]
    assert spans == ["He won 45 games in 2010. [12]", "Holt started 2013 with 3 wins.[13][14]",
                     "It was a record. [a]"]
    # a bracketed word after a sentence is not a marker; an abbreviation before a marker stays one
    text = "It ended. [Editor's note: it did not.] The U.S. [3] team won."
    spans = [text[s:e] for s, e in split_sentences(text, 0, len(text))]
    assert spans == ["It ended.", "[Editor's note: it did not.]", "The U.S. [3] team won."]


def test_a_paragraph_that_ends_with_reference_markers_is_no_heading():
    doc = parse("Title\n\nHe scored 45 goals in 2010. [12] Holt retired in 2013. [13][14]\n", "a.txt")
    assert [(n.kind.value, doc.slice(n)) for n in doc.blocks] == [
        ("heading", "Title"), ("paragraph", "He scored 45 goals in 2010. [12] Holt retired in 2013. [13][14]")]


def test_no_sentence_boundary_inside_link_targets_or_code():
    text = "See [the notes](https://example.com/v1.2.) and `x. y` then more. Next one.\n"
    doc = parse(text, "a.md")
    assert [doc.slice(s) for s in doc.sentences] == [
        "See [the notes](https://example.com/v1.2.) and `x. y` then more.", "Next one.",
    ]
