"""Inline suppression directives in Markdown, reStructuredText and plain text."""

from __future__ import annotations

from conftest import json_output


def lint_lines(cli, tmp_path, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")
    doc = json_output(cli("lint", "--format", "json", "--select", "SPC001", name))
    return [f["line"] for f in doc["files"][0]["findings"]]


def test_markdown_disable_enable_region(cli, tmp_path):
    text = (
        "One,two.\n\n<!-- docqa: disable SPC001 -->\n\nThree,four.\n\nFive,six.\n\n"
        "<!-- docqa: enable -->\n\nSeven,eight.\n"
    )
    assert lint_lines(cli, tmp_path, "a.md", text) == [1, 11]


def test_markdown_disable_by_prefix_and_other_codes_stay(cli, tmp_path):
    assert lint_lines(cli, tmp_path, "a.md", "<!-- docqa: disable SPC -->\n\nOne,two.\n") == []
    assert lint_lines(cli, tmp_path, "b.md", "<!-- docqa: disable CAS001 -->\n\nOne,two.\n") == [3]


def test_markdown_disable_next_line(cli, tmp_path):
    text = "<!-- docqa: disable-next-line SPC001 -->\nOne,two.\n\nThree,four.\n"
    assert lint_lines(cli, tmp_path, "a.md", text) == [4]


def test_markdown_disable_file(cli, tmp_path):
    assert lint_lines(cli, tmp_path, "a.md", "One,two.\n\n<!-- docqa: disable-file -->\n") == []


def test_plain_text_directives_on_their_own_line(cli, tmp_path):
    text = "One,two.\ndocqa: disable-next-line SPC001\nThree,four.\nFive,six.\n"
    assert lint_lines(cli, tmp_path, "a.txt", text) == [1, 4]
    text = "docqa: disable SPC001\nOne,two.\ndocqa: enable SPC001\nThree,four.\n"
    assert lint_lines(cli, tmp_path, "b.txt", text) == [4]


def test_plain_text_and_rst_directives_with_any_line_endings(cli, tmp_path):
    """Directive lines end in CRLF or a lone CR as well as LF (they were ignored before)."""
    for eol in ("\n", "\r\n", "\r"):
        text = eol.join(["One,two.", "docqa: disable-next-line SPC001", "Three,four.", "Five,six.", ""])
        assert lint_lines(cli, tmp_path, "a.txt", text) == [1, 4], repr(eol)
        text = eol.join(["One,two.", "", ".. docqa: disable-next-line SPC001", "", "Three,four.", "", "Five,six.", ""])
        assert lint_lines(cli, tmp_path, "b.rst", text) == [1, 7], repr(eol)


def test_directive_words_inside_prose_do_not_suppress(cli, tmp_path):
    text = "We wrote docqa: disable SPC001 in the manual,once.\n"
    assert lint_lines(cli, tmp_path, "a.txt", text) == [1]
