"""Markdown code (blocks and inline) is never checked as prose."""

from __future__ import annotations

from conftest import json_output

BAD = "The Group,and  more economies.The end."


def test_code_never_produces_findings(cli, tmp_path):
    text = (
        "# Title\n\n"
        f"Inline `{BAD}` code.\n\n"
        f"```\n{BAD}\n```\n\n"
        f"    {BAD}\n\n"
        f"<div>{BAD}</div>\n\n"
        f"A [link](https://example.com/{BAD.replace(' ', '_')}) and https://example.com/a,b here.\n"
    )
    (tmp_path / "a.md").write_text(text)
    doc = json_output(cli("lint", "--format", "json", "a.md"))
    assert doc["files"][0]["findings"] == []
    # the same text as prose does fire, so the test above can fail
    (tmp_path / "b.md").write_text(f"# Title\n\n{BAD}\n")
    assert json_output(cli("lint", "--format", "json", "b.md"))["files"][0]["findings"]
