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
from typing import TYPE_CHECKING, Any, Iterator

if TYPE_CHECKING:
    import yaml


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
    """Line numbers (1-based) of the values of a composed YAML document, by JSON path.

    Built from PyYAML's node tree, or from :meth:`table` (every path with its value's and its
    key's line), which is what a pack that validated before is read back from.
    """

    def __init__(self, root: "yaml.Node | None" = None, table: dict[str, list] | None = None) -> None:
        self._table = table if table is not None else self._tabulate(root)

    @staticmethod
    def parts(ptr: str) -> list[str | int]:
        out: list[str | int] = []
        for piece in ptr.lstrip("$").replace("[", ".[").split("."):
            if not piece:
                continue
            out.append(int(piece[1:-1]) if piece.startswith("[") else piece)
        return out

    @staticmethod
    def _tabulate(root: "yaml.Node | None") -> dict[str, list]:
        """``{"$.rules[0].scope": [value line, key line], ...}`` for every node under ``root``
        (the first of a key given twice, as a lookup by key finds it)."""
        if root is None:
            return {}
        import yaml

        table: dict[str, list] = {"$": [root.start_mark.line + 1, None]}
        stack: list[tuple[Any, list[str | int]]] = [(root, [])]
        while stack:
            node, parts = stack.pop()
            if isinstance(node, yaml.MappingNode):
                children = [(k.value, v, k.start_mark.line + 1) for k, v in node.value]
            elif isinstance(node, yaml.SequenceNode):
                children = [(i, v, None) for i, v in enumerate(node.value)]
            else:
                continue
            for part, value, key_line in children:
                ptr = pointer([*parts, part])
                if ptr not in table:
                    table[ptr] = [value.start_mark.line + 1, key_line]
                    stack.append((value, [*parts, part]))
        return table

    def table(self) -> dict[str, list]:
        return self._table

    def line_of(self, parts: list[str | int], key: bool = False) -> int | None:
        """The line of the value at ``parts`` (or of its key when ``key``); the nearest known ancestor's
        line when the path does not exist (a missing key is reported where its object starts)."""
        root = self._table.get("$")
        line = root[0] if root else None
        for i in range(len(parts)):
            found = self._table.get(pointer(parts[: i + 1]))
            if found is None:
                return line
            line = found[1] if key and i == len(parts) - 1 and found[1] is not None else found[0]
        return line


def _duplicate_keys(node: "yaml.Node", parts: list[str | int]) -> Iterator[tuple[list[str | int], int]]:
    """Keys given twice in one mapping: PyYAML silently keeps the last, which hides mistakes."""
    import yaml

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
    """Parse and schema-validate one pack file: its rules, or the problems that make it invalid.

    A pack text that validated before (same docqa, same schema, same bytes) is read back from
    its validity marker, which holds the parsed data and its line table: no YAML parse and no
    validation, which cost a one-file lint ~25 ms (most of it importing PyYAML).
    """
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Problem(name, None, "$", f"cannot read the pack: {exc}")]
    marker = _validity_marker(text)
    stored = _stored_parse(marker)
    if stored is not None:
        data, lines = stored
    else:
        import yaml

        # libyaml's loader, when PyYAML was built with it, parses several times faster (same marks, same data).
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        try:
            root = yaml.compose(text, Loader=loader)
            data = yaml.load(text, Loader=loader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
            problem = getattr(exc, "problem", None) or str(exc)
            return [], [Problem(name, mark.line + 1 if mark else None, "$", f"invalid YAML: {problem}")]
        lines = LineMap(root)
        if not (isinstance(data, dict) and marker.is_file()):
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
        _remember_valid(marker, data, lines)
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


def _stored_parse(marker: Path) -> tuple[dict, LineMap] | None:
    """The data and line table kept in ``marker``; None when it is missing, empty (a marker of
    an older docqa) or not what :func:`_remember_valid` writes."""
    try:
        stored = json.loads(marker.read_bytes() or b"null")
    except (OSError, ValueError):
        return None
    if not (isinstance(stored, dict) and isinstance(stored.get("data"), dict) and isinstance(stored.get("lines"), dict)):
        return None
    if not all(isinstance(v, list) and len(v) == 2 for v in stored["lines"].values()):
        return None
    return stored["data"], LineMap(table=stored["lines"])


def _remember_valid(marker: Path, data: dict, lines: LineMap) -> None:
    """Mark the pack text valid, keeping its parse when JSON holds it exactly (a YAML date or a
    number used as a key would not come back the same: then only the empty marker is kept)."""
    from ..cache import write_atomic_bytes

    body = b""
    try:
        blob = json.dumps({"data": data, "lines": lines.table()}, ensure_ascii=False, allow_nan=False)
        if json.loads(blob)["data"] == data:
            body = blob.encode("utf-8")
    except (TypeError, ValueError):
        pass
    write_atomic_bytes(marker, body)


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
