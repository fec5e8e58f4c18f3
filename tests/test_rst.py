"""reStructuredText: markup, directives and code are never checked; the prose in between is."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import json_output, run_docqa
from docqa.document import NodeKind, parse
from docqa.suppress import parse_suppressions

GUIDE = Path(__file__).parent / "fixtures" / "guide.rst"

#: The slips written into the guide's prose, and nothing else: (code, line, column, flagged text).
EXPECTED = [
    ("SPL001", 13, 49, "thier"),         # a paragraph
    ("SPC001", 22, 38, "directory,and"),  # the content of a note directive
    ("SPL001", 40, 38, "occured"),       # a definition-list definition
    ("SPL001", 52, 16, "recieve"),       # a simple-table cell
    ("SPL001", 55, 35, "recieve"),       # a footnote
]


def findings(path: Path) -> list[tuple[str, int, int, str]]:
    text = path.read_bytes().decode("utf-8")
    lines = text.splitlines()
    report = json_output(run_docqa("lint", "--no-cache", "--format", "json", str(path), cwd=path.parent))
    (entry,) = report["files"]
    return [(f["code"], f["line"], f["column"], lines[f["line"] - 1][f["column"] - 1:f["end_column"] - 1])
            for f in entry["findings"]]


def test_only_the_slips_in_prose_are_reported(tmp_path):
    path = tmp_path / "guide.rst"
    path.write_bytes(GUIDE.read_bytes())
    assert findings(path) == EXPECTED


def test_crlf_gives_the_same_lines_and_columns(tmp_path):
    path = tmp_path / "guide.rst"
    path.write_bytes(GUIDE.read_bytes().replace(b"\n", b"\r\n"))
    assert findings(path) == EXPECTED


def test_the_same_text_read_as_plain_text_is_noisy(tmp_path):
    """What the guide gave before docqa parsed reStructuredText: its markup reported as prose."""
    path = tmp_path / "guide.txt"
    path.write_bytes(GUIDE.read_bytes())
    codes = [code for code, *_ in findings(path)]
    assert codes.count("SPC005") >= 5 and len(codes) > 2 * len(EXPECTED)


def test_structure():
    text = GUIDE.read_text(encoding="utf-8")
    doc = parse(text, "guide.rst")
    assert doc.format == "rst"
    headings = [(doc.slice(n), n.level) for n in doc.headings]
    assert headings == [("Release Guide", 1), ("Installing", 2), ("Options", 3)]
    code = [doc.slice(n) for n in doc.of_kind(NodeKind.CODE_BLOCK)]
    assert code[0].startswith("pip install example") and code[0].endswith("echo ..done")
    assert code[1].strip().startswith(">>> import example")
    items = [doc.slice(n) for n in doc.of_kind(NodeKind.LIST_ITEM)]
    assert len(items) == 3 and items[0].startswith("``--fast`` skips")
    # "Usage example::" reads "Usage example:" and opens the literal block.
    assert "Usage example:" in [doc.slice(n) for n in doc.paragraphs]
    assert doc.is_ignored(text.index("Usage example::") + len("Usage example:"))
    cells = [doc.slice(n) for n in doc.of_kind(NodeKind.TABLE_CELL)]
    assert cells[:4] == ["Name", "Meaning", "fast", "skips checks"] and "verbose recieve" in cells
    for markup in (".. contents::", ":depth: 2", ".. _install:", ".. image::", ":alt: a diagram",
                   ".. |project| replace::", ":option:`--quiet`", ":ref:`install`", "<https://example.com>",
                   "|project|", "[1]_", "=============", "+============+"):
        at = text.index(markup)
        assert doc.is_ignored(at, at + len(markup)), markup
    # The words of a hyperlink reference are prose; its target is not.
    at = text.index("the docs <")
    assert not doc.is_ignored(at, at + len("the docs"))


@pytest.mark.parametrize("text, prose", [
    ("Title\n=====\n\nSome text.\n", ["Some text."]),
    ("* one item\n  goes on\n* two\n", ["one item\n  goes on", "two"]),
    ("#. first\n#. second\n", ["first", "second"]),
    ("A quote follows.\n\n    Indented quote text.\n", ["A quote follows.", "Indented quote text."]),
    (".. warning:: Mind the gap.\n\n   More warning text.\n", ["More warning text."]),
    ("Lines::\n\n  code here\n\nAfter.\n", ["Lines:", "After."]),
    ("Expanded ::\n\n  code here\n", ["Expanded"]),
    (":Author: Someone\n:Version: 1.0\n\nBody.\n", ["Body."]),
    ("| a line block\n| second line\n", ["a line block", "second line"]),
    ("..\n   a comment block\n   over two lines\n\nText.\n", ["Text."]),
])
def test_prose_blocks(text, prose):
    doc = parse(text, "x.rst")
    assert [doc.slice(n) for n in doc.paragraphs] == prose


def test_rst_comments_carry_suppressions():
    text = "Intro.\n\n.. docqa: disable-next-line SPL001\n\nA slip: thier.\n"
    sup = parse_suppressions(text, "rst")
    assert sup.suppresses("SPL001", text.index("thier")) and not sup.suppresses("SPC001", text.index("thier"))


def test_a_section_whose_body_is_a_directive_is_not_empty(tmp_path):
    """Sphinx pages often hold a section of nothing but a ``toctree`` or ``autoclass``: content
    that the build generates, never prose, but not an empty section either."""
    text = ("Guide\n=====\n\nIntro text for the guide.\n\nAPI\n---\n\n.. autoclass:: Signer\n   :members:\n\n"
            "More Pages\n----------\n\n.. toctree::\n   :maxdepth: 2\n\n   api\n   changes\n\n"
            "Options\n-------\n\n:param x: the value\n:returns: nothing\n\nEmpty\n-----\n\nLast\n----\n\nDone.\n")
    path = tmp_path / "guide.rst"
    path.write_text(text, encoding="utf-8")
    report = json_output(run_docqa("lint", "--no-cache", "--format", "json", "--select", "STR", str(path), cwd=tmp_path))
    assert [(f["code"], f["line"]) for f in report["files"][0]["findings"]] == [("STR002", 27)]  # "Empty"


@pytest.mark.parametrize("line", ["{}word", "{}- item"])
def test_deeply_nested_blocks_are_parsed_in_bounded_work(line):
    """3,000 lines each indented further than the one before (definition lists or lists inside
    each other): each level used to recount every line's indentation, and the recursion had no
    floor. Nesting past MAX_NESTING is left as markup; the parse finishes and covers the text."""
    from docqa.parsing.rst import MAX_NESTING

    text = "\n".join(line.format(" " * (2 * i)) for i in range(3000)) + "\n"
    doc = parse(text, "deep.rst")
    deepest = [n for n in doc.nodes if n.kind is NodeKind.HTML]
    assert len(deepest) == 1 and doc.is_ignored(len(text) - 5)
    assert len(doc.of_kind(NodeKind.LIST_ITEM)) <= MAX_NESTING + 1
