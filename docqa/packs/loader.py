"""Read a YAML rule pack, keep where each value is written, and validate it against the schema.

Errors name the file, the line and the JSON path of the problem (``$.rules[2].scope``), because a
pack author fixes a file in an editor, not a Python object.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterator

import yaml

# libyaml's loader, when PyYAML was built with it, parses several times faster (same marks, same data).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a pack file."""

    path: str
    line: int | None
    pointer: str  # a JSON path such as ``$.rules[0].tokens[3]``
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.pointer}: {self.message}"


@dataclass
class RawRule:
    """A schema-valid rule mapping and where it came from."""

    data: dict[str, Any]
    path: str
    pointer: str  # JSON path of the rule inside its file
    lines: "LineMap"

    def line_of(self, *keys: str | int) -> int | None:
        return self.lines.line_of([*self.lines.parts(self.pointer), *keys])


@lru_cache(maxsize=1)
def pack_schema() -> dict:
    return json.loads(resources.files("docqa.schemas").joinpath("pack.schema.json").read_text("utf-8"))


def pointer(parts: list[str | int] | tuple) -> str:
    """``["rules", 0, "scope"]`` -> ``$.rules[0].scope``."""
    out = "$"
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else f".{p}"
    return out


class LineMap:
    """Line numbers (1-based) of the values of a composed YAML document, by JSON path."""

    def __init__(self, root: yaml.Node | None) -> None:
        self.root = root

    @staticmethod
    def parts(ptr: str) -> list[str | int]:
        out: list[str | int] = []
        for piece in ptr.lstrip("$").replace("[", ".[").split("."):
            if not piece:
                continue
            out.append(int(piece[1:-1]) if piece.startswith("[") else piece)
        return out

    def line_of(self, parts: list[str | int], key: bool = False) -> int | None:
        """The line of the value at ``parts`` (or of its key when ``key``); the nearest known ancestor's
        line when the path does not exist (a missing key is reported where its object starts)."""
        node = self.root
        line = node.start_mark.line + 1 if node is not None else None
        for i, part in enumerate(parts):
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    if k.value == part:
                        last = i == len(parts) - 1
                        line = (k if key and last else v).start_mark.line + 1
                        node = v
                        break
                else:
                    return line
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
                node = node.value[part]
                line = node.start_mark.line + 1
            else:
                return line
        return line


def _duplicate_keys(node: yaml.Node, parts: list[str | int]) -> Iterator[tuple[list[str | int], int]]:
    """Keys given twice in one mapping: PyYAML silently keeps the last, which hides mistakes."""
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for k, v in node.value:
            if k.value in seen:
                yield [*parts, k.value], k.start_mark.line + 1
            seen.add(k.value)
            yield from _duplicate_keys(v, [*parts, k.value])
    elif isinstance(node, yaml.SequenceNode):
        for i, v in enumerate(node.value):
            yield from _duplicate_keys(v, [*parts, i])


def read_pack(path: Path) -> tuple[list[RawRule], list[Problem]]:
    """Parse and schema-validate one pack file: its rules, or the problems that make it invalid."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Problem(name, None, "$", f"cannot read the pack: {exc}")]
    try:
        root = yaml.compose(text, Loader=_LOADER)
        data = yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        return [], [Problem(name, mark.line + 1 if mark else None, "$", f"invalid YAML: {problem}")]
    lines = LineMap(root)
    if not (isinstance(data, dict) and _known_valid(text)):
        problems = [
            Problem(name, line, pointer(parts), "key given twice (the first value would be ignored)")
            for parts, line in (_duplicate_keys(root, []) if root is not None else [])
        ]
        if not isinstance(data, dict):
            got = "an empty file" if data is None else f"a {type(data).__name__}"
            return [], [Problem(name, lines.line_of([]), "$", f"expected a mapping (one rule, or a pack with 'rules'), got {got}")]
        problems.extend(_schema_problems(data, name, lines))
        if problems:
            return [], problems
        _remember_valid(text)
    if "rules" in data:
        rules = [RawRule(r, name, pointer(["rules", i]), lines) for i, r in enumerate(data["rules"])]
    else:
        rules = [RawRule(data, name, "$", lines)]
    return rules, []


def _validity_marker(text: str) -> Path:
    """A pack text that passed schema validation before (same docqa, same schema) is remembered
    by content hash (:func:`docqa.cache.validity_marker`): validation costs about 0.2 s, paid by
    every one-file lint."""
    from ..cache import validity_marker

    return validity_marker("packs", "pack.schema.json", text.encode("utf-8"))


def _known_valid(text: str) -> bool:
    return _validity_marker(text).is_file()


def _remember_valid(text: str) -> None:
    from ..cache import write_atomic_bytes

    write_atomic_bytes(_validity_marker(text), b"")


def _schema_problems(data: dict, name: str, lines: LineMap) -> list[Problem]:
    import jsonschema

    schema = pack_schema()
    which = "pack" if "rules" in data else "rule"
    validator = jsonschema.Draft202012Validator({"$defs": schema["$defs"], "$ref": f"#/$defs/{which}"})
    out = []
    for err in sorted(validator.iter_errors(data), key=lambda e: (list(map(str, e.absolute_path)), e.message)):
        parts = list(err.absolute_path)
        if err.validator == "additionalProperties":
            allowed = err.schema.get("properties", {})
            for extra in sorted(set(err.instance) - set(allowed)):
                out.append(Problem(
                    name, lines.line_of([*parts, extra], key=True), pointer([*parts, extra]),
                    f"unknown key {extra!r} (allowed here: {', '.join(sorted(allowed))})",
                ))
            continue
        out.append(Problem(name, lines.line_of(parts), pointer(parts), _describe(err)))
    # Several branches (if/then, anyOf) can report the same fault: say it once.
    unique: dict[tuple, Problem] = {}
    for p in out:
        unique.setdefault((p.pointer, p.message), p)
    return list(unique.values())


def _describe(err: Any) -> str:
    """A readable sentence for a jsonschema error (its default wording for anyOf/oneOf is a dump)."""
    if err.validator in ("anyOf", "oneOf"):
        options = [s.get("required") for s in err.validator_value]
        if all(options):
            names = " or ".join("/".join(o) for o in options)
            if err.validator == "oneOf" and any(all(k in err.instance for k in o) for o in options):
                return f"give exactly one of {names}, not both"
            return f"needs {names}"
        return "matches none of the allowed forms"
    if err.validator == "enum":
        return f"{err.instance!r} is not one of {', '.join(map(str, err.validator_value))}"
    if err.validator == "pattern":
        hint = err.schema.get("description")
        return f"{err.instance!r} is not valid" + (f" (expected {hint})" if hint else f" (must match {err.validator_value})")
    if err.validator == "required":
        return err.message.replace("is a required property", "is required")
    return err.message
