"""YAML rule packs: built-in packs validate and pass their examples; broken packs fail precisely."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from docqa.config import Settings
from docqa.engine import instantiate, lint_text
from docqa.finding import Family, Severity
from docqa.packs import PackError, builtin_pack_dir, builtin_rules, load_packs, validate_paths
from docqa.packs.kinds import nested_quantifier
from docqa.registry import Registry

BUILTIN = builtin_rules()
EXAMPLES = [
    (rule, kind, i, text)
    for rule in BUILTIN
    for kind, texts in zip(("flagged", "clean"), (rule.spec["examples"]["flagged"], rule.spec["examples"]["clean"]))
    for i, text in enumerate(texts)
]


def write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(body).lstrip("\n"), encoding="utf-8")
    return path


def lint(text: str, rule_class, path: str = "t.txt"):
    return lint_text(text, instantiate([rule_class], Settings()), path=path).findings


MINIMAL = textwrap.dedent("""
    code: TST001
    name: no-very
    kind: existence
    family: grammar
    message: "avoid {match!r}"
    tokens: [very]
    examples:
      flagged: ["It is very good."]
      clean: ["It is good."]
""").lstrip("\n")


# --------------------------------------------------------------------------- built-in packs
def test_builtin_packs_are_found_in_the_package_or_the_repository():
    import docqa

    where = builtin_pack_dir()
    installed = Path(docqa.__file__).resolve().parent / "_builtin_packs"
    assert where in (installed, Path(docqa.__file__).resolve().parent.parent / "rules")
    assert (where / "web-boilerplate.yaml").is_file()
    assert {r.code for r in BUILTIN} >= {"BPL101", "BPL102", "BPL103", "BPL104"}


def test_builtin_packs_validate():
    assert validate_paths() == []


def test_builtin_rules_are_registered_through_the_entry_point():
    registry = Registry.load()
    for rule in BUILTIN:
        assert registry.get(rule.code) is rule
        assert rule.family is Family.BOILERPLATE


def test_builtin_rules_are_the_same_classes_on_every_call():
    assert [id(c) for c in builtin_rules()] == [id(c) for c in BUILTIN]


@pytest.mark.parametrize("rule,kind,i,text", EXAMPLES, ids=lambda v: v if isinstance(v, str) and len(v) < 8 else None)
def test_builtin_pack_examples(rule, kind, i, text):
    codes = [f.code for f in lint(text, rule)]
    if kind == "flagged":
        assert rule.code in codes, f"{rule.code} flagged example {i} not flagged: {text!r}"
    else:
        assert codes == [], f"{rule.code} clean example {i} flagged: {text!r}"


def test_pack_examples_also_become_docstring_examples():
    rule = next(r for r in BUILTIN if r.code == "BPL101")
    flagged, clean = rule.examples()
    assert flagged == rule.spec["examples"]["flagged"]
    assert clean == rule.spec["examples"]["clean"]
    assert rule.summary() == "A prompt that asks the reader to comment, share, click or subscribe."


def test_engagement_bait_on_the_spammy_seed(request):
    from conftest import SEED_SPAMMY

    rule = next(r for r in BUILTIN if r.code == "BPL101")
    found = lint(SEED_SPAMMY.read_text(encoding="utf-8"), rule, path=str(SEED_SPAMMY))
    assert [(f.line, f.column, f.end_column) for f in found] == [(43, 1, 23)]
    assert "'What are your thoughts'" in found[0].message


# --------------------------------------------------------------------------- loading user packs
def test_single_rule_file_and_directory_loading(tmp_path):
    write(tmp_path, "one.yaml", MINIMAL)
    write(tmp_path, "notes.md", "not a pack")
    (cls,) = load_packs([tmp_path])
    assert (cls.code, cls.name, cls.family, cls.severity) == ("TST001", "no-very", Family.GRAMMAR, Severity.WARNING)
    assert cls.source == f"{tmp_path / 'one.yaml'}:1"
    (f,) = lint("Line one.\nIt is very good.", cls)
    assert (f.line, f.column, f.end_column, f.message) == (2, 7, 11, "avoid 'very'")


def test_user_pack_joins_the_registry(tmp_path):
    classes = load_packs([write(tmp_path, "one.yaml", MINIMAL)])
    registry = Registry.load(classes)
    assert registry.get("TST001") is classes[0]
    assert "TST001" in {r.code for r in registry.select()}


def test_disabled_rule_is_off_by_default(tmp_path):
    (cls,) = load_packs([write(tmp_path, "p.yaml", MINIMAL + "enabled: false\n")])
    registry = Registry.load([cls])
    assert "TST001" not in {r.code for r in registry.select()}
    assert "TST001" in {r.code for r in registry.select(["TST001"])}


# --------------------------------------------------------------------------- broken packs
def problems_of(tmp_path, body: str, name: str = "bad.yaml") -> list[str]:
    return validate_paths([write(tmp_path, name, body)])


def test_unknown_key_names_file_line_and_json_path(tmp_path):
    body = """
        pack: demo
        rules:
          - code: TST001
            name: no-very
            kind: existence
            family: grammar
            message: "avoid {match}"
            tokenz: [very]
            examples: {flagged: [a], clean: [b]}
    """
    path = tmp_path / "bad.yaml"
    errors = problems_of(tmp_path, body)
    assert f"{path}:8: $.rules[0].tokenz: unknown key 'tokenz'" in errors[0]
    assert any(e == f"{path}:3: $.rules[0]: needs tokens or patterns" for e in errors), errors
    with pytest.raises(PackError) as info:
        load_packs([path])
    assert str(info.value).startswith(f"{path}:8: $.rules[0].tokenz: unknown key 'tokenz' (allowed here: ")
    assert len(info.value.problems) == 2


def test_wrong_enum_value(tmp_path):
    body = MINIMAL.replace("kind: existence", "kind: existence\nscope: paragraphs")
    path = tmp_path / "bad.yaml"
    (error,) = problems_of(tmp_path, body)
    assert error.startswith(f"{path}:4: $.scope: 'paragraphs' is not one of sentence, paragraph, list_item")


def test_bad_code_and_missing_required_key(tmp_path):
    body = MINIMAL.replace("code: TST001", "code: tst1").replace('message: "avoid {match!r}"\n', "")
    errors = problems_of(tmp_path, body)
    assert f"{tmp_path / 'bad.yaml'}:1: $.code: 'tst1' is not valid (expected 2-5 capital letters and 3 digits, e.g. BPL101)" in errors
    assert f"{tmp_path / 'bad.yaml'}:1: $: 'message' is required" in errors


def test_regex_that_does_not_compile(tmp_path):
    body = MINIMAL.replace("tokens: [very]", "patterns: ['fine', 'bad(']")
    (error,) = problems_of(tmp_path, body)
    assert error.startswith(f"{tmp_path / 'bad.yaml'}:6: $.patterns[1]: pattern 'bad(' does not compile:")


def test_catastrophic_regex_is_refused(tmp_path):
    body = MINIMAL.replace("tokens: [very]", "patterns: ['(\\w+\\s?)+$']")
    (error,) = problems_of(tmp_path, body)
    assert f"{tmp_path / 'bad.yaml'}:6: $.patterns[0]: pattern" in error
    assert "nests an unbounded repeat" in error


@pytest.mark.parametrize("pattern,bad", [
    (r"(a+)+", "(a+)+"),
    (r"(?:\w+\s?)*x", r"(?:\w+\s?)*"),
    (r"((ab)*c)+", "((ab)*c)+"),
    (r"(a|b)+c", None),
    (r"[(+]+(x)", None),
    (r"\(a+\)+", None),
    (r"(a{2,})+", "(a{2,})+"),
])
def test_nested_quantifier_detection(pattern, bad):
    assert nested_quantifier(pattern) == bad


def test_unknown_message_placeholder(tmp_path):
    body = MINIMAL.replace('"avoid {match!r}"', '"avoid {word}"')
    (error,) = problems_of(tmp_path, body)
    assert error == f"{tmp_path / 'bad.yaml'}:5: $.message: message uses {{word}}, but a existence rule offers only {{match}}"


def test_invalid_yaml_reports_its_line(tmp_path):
    (error,) = problems_of(tmp_path, "code: TST001\nname: [unclosed\nkind: existence\n")
    assert error.startswith(f"{tmp_path / 'bad.yaml'}:")
    assert ": $: invalid YAML:" in error


def test_duplicate_yaml_key(tmp_path):
    errors = problems_of(tmp_path, MINIMAL + "family: casing\n")
    assert errors == [f"{tmp_path / 'bad.yaml'}:10: $.family: key given twice (the first value would be ignored)"]


def test_duplicate_code_across_files_and_with_builtin(tmp_path):
    write(tmp_path, "a.yaml", MINIMAL)
    write(tmp_path, "b.yaml", MINIMAL.replace("no-very", "no-very-two"))
    write(tmp_path, "c.yaml", MINIMAL.replace("TST001", "BPL101").replace("no-very", "no-very-three"))
    errors = validate_paths([tmp_path])
    assert errors == [
        f"{tmp_path / 'b.yaml'}:1: $.code: code TST001 is already used by {tmp_path / 'a.yaml'}:1",
        f"{tmp_path / 'c.yaml'}:1: $.code: code BPL101 is already used by built-in rule engagement-bait",
    ]


def test_empty_file_and_missing_path(tmp_path):
    assert problems_of(tmp_path, "") == [f"{tmp_path / 'bad.yaml'}: $: expected a mapping (one rule, or a pack with 'rules'), got an empty file"]
    assert validate_paths([tmp_path / "nope.yaml"]) == [
        f"{tmp_path / 'nope.yaml'}: rule pack not found (expected a YAML file or a directory of them)"
    ]


def test_cli_validate_exits_2_with_the_precise_message(cli, tmp_path):
    bad = write(tmp_path, "bad.yaml", MINIMAL.replace("family: grammar", "family: grammer"))
    result = cli("validate", str(bad))
    assert result.exit_code == 2
    assert f"{bad}:4: $.family: 'grammer' is not one of drift, boilerplate" in result.output
    ok = cli("validate")
    assert ok.exit_code == 0, ok.output


def test_cli_lint_with_a_broken_user_pack_exits_2(cli, tmp_path):
    (tmp_path / "packs").mkdir()
    write(tmp_path, "packs/bad.yaml", MINIMAL.replace("kind: existence", "kind: existance"))
    (tmp_path / ".docqa.toml").write_text('rule-packs = ["packs"]\n', encoding="utf-8")
    (tmp_path / "doc.txt").write_text("It is very good.\n", encoding="utf-8")
    result = cli("lint", "doc.txt")
    assert result.exit_code == 2
    assert "bad.yaml:3: $.kind: 'existance' is not one of existence, substitution" in result.output


# --------------------------------------------------------------------------- the rule kinds
def test_existence_word_boundaries_case_and_apostrophes(tmp_path):
    body = MINIMAL.replace("tokens: [very]", "tokens: [\"don't\", 'C++']\nignorecase: false")
    (cls,) = load_packs([write(tmp_path, "p.yaml", body.replace("It is very good.", "I don't."))])
    found = lint("I don’t know. Don't. Undon't. Use C++ or C+++.", cls)
    assert [(f.column, f.end_column) for f in found] == [(3, 8), (35, 38), (42, 45)]


def test_existence_anchors_bind_to_the_scope_unit(tmp_path):
    body = MINIMAL.replace("tokens: [very]", "patterns: ['^Note:']\nscope: sentence").replace(
        "It is very good.", "Note: hi.")
    (cls,) = load_packs([write(tmp_path, "p.yaml", body)])
    found = lint("First sentence. Note: second. A Note: third.", cls)
    assert [(f.column, f.end_column) for f in found] == [(17, 22)]


def test_word_limits_on_the_scope_unit(tmp_path):
    body = MINIMAL.replace("tokens: [very]", "tokens: [menu]\nscope: block\nmax_words: 2").replace(
        "It is very good.", "Menu")
    (cls,) = load_packs([write(tmp_path, "p.yaml", body)])
    found = lint("Title here\n\nMenu\n\nThe menu of the restaurant changed.\n", cls)
    assert [(f.line, f.column) for f in found] == [(3, 1)]


def test_substitution_fix_keeps_case(tmp_path):
    body = """
        code: TST002
        name: utilize
        kind: substitution
        family: grammar
        message: "use {replacement!r} instead of {match!r}"
        swap: {utilize: use, "in order to": to}
        examples: {flagged: ["We utilize it."], clean: ["We use it."]}
    """
    (cls,) = load_packs([write(tmp_path, "p.yaml", body)])
    assert cls.fixable
    found = lint("Utilize tools in order to win. We UTILIZE them.", cls)
    assert [(f.column, f.message) for f in found] == [
        (1, "use 'Use' instead of 'Utilize'"),
        (15, "use 'to' instead of 'in order to'"),
        (35, "use 'USE' instead of 'UTILIZE'"),
    ]
    assert [(e.start, e.end, e.content) for f in found for e in f.fix.edits] == [(0, 7, "Use"), (14, 25, "to"), (34, 41, "USE")]
    assert all(f.fix.is_safe for f in found)


def test_substitution_regex_with_groups_and_unsafe_fix(tmp_path):
    body = """
        code: TST003
        name: dollar-first
        kind: substitution
        family: grammar
        message: "write {replacement}"
        regex: true
        safe_fix: false
        swap: {'(\\d+) dollars': '$\\1'}
        examples: {flagged: ["It cost 5 dollars."], clean: ["It cost $5."]}
    """
    (cls,) = load_packs([write(tmp_path, "p.yaml", body)])
    (f,) = lint("It cost 40 dollars.", cls)
    assert (f.message, f.fix.edits[0].content, f.fix.is_safe) == ("write $40", "$40", False)


def test_occurrence_max_points_at_the_excess(tmp_path):
    body = """
        code: TST004
        name: exclamations
        kind: occurrence
        family: grammar
        scope: paragraph
        max: 1
        patterns: ['!']
        message: "{count} exclamation marks in one {scope} (at most {max})"
        examples: {flagged: ["Wow! Yes!"], clean: ["Wow! Yes."]}
    """
    (cls,) = load_packs([write(tmp_path, "p.yaml", body)])
    (f,) = lint("Great! Really! Truly!\n\nCalm! Now.\n", cls)
    assert (f.line, f.column, f.end_column) == (1, 14, 22)
    assert f.message == "3 exclamation marks in one paragraph (at most 1)"


def test_occurrence_min(tmp_path):
    body = """
        code: TST005
        name: needs-source
        kind: occurrence
        family: provenance
        scope: document
        min: 1
        tokens: [according to]
        message: "no attribution in the {scope}"
        examples: {flagged: ["Prices rose."], clean: ["Prices rose, according to the bank."]}
    """
    (cls,) = load_packs([write(tmp_path, "p.yaml", body)])
    (f,) = lint("Prices rose.\nWages fell.", cls)
    assert (f.start, f.end, f.message) == (0, 24, "no attribution in the document")


@pytest.mark.parametrize("style,text,word", [
    ("title", "A Guide to the river Crossings", "river"),
    ("title", "A Guide To the River", "To"),
    ("title", "The Road to Recovery: A New Hope", None),
    ("sentence", "Installing The tool", "The"),
    ("sentence", "Installing the tool: A primer", None),
    ("sentence", "Using the NASA API", None),
    ("upper", "WARNING Now", "Now"),
    ("lower", "all lower case here", None),
])
def test_capitalization_styles(tmp_path, style, text, word):
    body = f"""
        code: TST006
        name: heading-case
        kind: capitalization
        family: casing
        match: {style}
        message: "heading {{match!r}} is not in {{expected}} ({{word}})"
        examples: {{flagged: ["x"], clean: ["y"]}}
    """
    (cls,) = load_packs([write(tmp_path, "p.yaml", body)])
    found = lint(f"# {text}\n\nBody text here.\n", cls, path="t.md")
    assert [f.data["word"] for f in found] == ([word] if word else [])
    if word:
        assert found[0].message == f"heading {text!r} is not in {style} case ({word})"


def test_capitalization_pattern_and_exceptions_are_exclusive(tmp_path):
    body = """
        code: TST007
        name: heading-pattern
        kind: capitalization
        family: casing
        match: title
        pattern: '[A-Z].*'
        message: "bad heading"
        examples: {flagged: ["x"], clean: ["y"]}
    """
    (error,) = problems_of(tmp_path, body)
    assert error == f"{tmp_path / 'bad.yaml'}:1: $: give exactly one of match or pattern, not both"


def test_readability_kind(tmp_path):
    body = """
        code: TST008
        name: hard-paragraph
        kind: readability
        family: readability
        severity: info
        scope: paragraph
        metric: flesch_kincaid_grade
        max: 12
        min_words: 10
        message: "{metric} {value} is above {threshold} ({words} words)"
        examples: {flagged: ["x"], clean: ["y"]}
    """
    (cls,) = load_packs([write(tmp_path, "p.yaml", body)])
    hard = ("Notwithstanding considerable methodological heterogeneity, contemporaneous epidemiological "
            "investigations consistently demonstrate statistically significant associations.")
    found = lint(f"The cat sat on the mat and it was warm and the dog slept.\n\n{hard}\n", cls)
    assert [(f.line, f.severity) for f in found] == [(3, Severity.INFO)]
    assert found[0].message.startswith("flesch_kincaid_grade ")
    assert found[0].data["value"] > 12 and found[0].data["words"] == 12


def test_a_pack_read_back_from_its_validity_marker_equals_the_yaml_parse(tmp_path, monkeypatch):
    """A pack that validated once is read again from its marker (data and line table), without
    PyYAML: same rules, same sources, and the same lines in errors found after validation."""
    import subprocess
    import sys

    from docqa.packs import loader

    monkeypatch.setenv("DOCQA_CACHE_DIR", str(tmp_path / "cache"))
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINIMAL.replace("tokens: [very]", "patterns: ['fine', 'bad(']"), encoding="utf-8")
    packs = sorted(builtin_pack_dir().glob("*.yaml")) + [bad]
    first = [loader.read_pack(p) for p in packs]
    markers = [loader._validity_marker(p.read_text(encoding="utf-8")) for p in packs]
    assert all(m.is_file() and m.stat().st_size > 0 for m in markers)
    again = [loader.read_pack(p) for p in packs]
    for (rules1, problems1), (rules2, problems2) in zip(first, again):
        assert problems1 == problems2 == []
        assert [r.data for r in rules1] == [r.data for r in rules2]
        assert [r.lines.table() for r in rules1] == [r.lines.table() for r in rules2]
        assert [r.line_of("code") for r in rules1] == [r.line_of("code") for r in rules2]
    assert problems_of(tmp_path, bad.read_text(encoding="utf-8"))[0].startswith(
        f"{bad}:6: $.patterns[1]: pattern 'bad(' does not compile:")
    # A fresh process that finds every marker never imports PyYAML.
    probe = ("import sys\nfrom docqa.packs import builtin_rules\nassert builtin_rules()\n"
             "print('yaml' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
    # A damaged marker is not trusted: the pack is parsed and validated again.
    markers[-1].write_bytes(b'{"data": {"code": "TST001"}, "lines"')
    rules, problems = loader.read_pack(bad)
    assert problems == [] and rules[0].data == first[-1][0][0].data
