"""Configuration: discovery, validation (JSON Schema) and the resolved :class:`Settings`.

docqa reads ``.docqa.toml`` (top level) or ``[tool.docqa]`` in ``pyproject.toml``, from the
nearest directory upwards from where it runs, or the file named by ``--config``. Unknown keys
and wrong types are errors that name the file, the key and what was expected.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from .finding import Severity

CONFIG_FILES = (".docqa.toml", "docqa.toml", "pyproject.toml")


class ConfigError(Exception):
    """A configuration file is missing, unreadable, not TOML, or fails validation."""


@dataclass(frozen=True)
class Settings:
    """The effective configuration of a run (config file merged with command-line options)."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    fail_on: Severity = Severity.WARNING
    exclude: tuple[str, ...] = ()
    extend_exclude: tuple[str, ...] = ()
    extensions: tuple[str, ...] = (".txt", ".md", ".markdown", ".rst")
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    severity: Mapping[str, Severity] = field(default_factory=dict)  # per rule code
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # per rule code
    rule_packs: tuple[str, ...] = ()
    #: Accepted words (spelling) and mixed-case names (casing), added to the built-in lists.
    words: tuple[str, ...] = ()
    brands: tuple[str, ...] = ()
    languagetool_url: str | None = None
    languagetool_dir: str | None = None
    cache_dir: str | None = None
    baseline: str | None = None
    max_file_size: int = 10 * 1024 * 1024
    #: Where the config came from (for messages) and the directory relative paths resolve against.
    source: str | None = None
    root: str = "."


@lru_cache(maxsize=1)
def config_schema() -> dict:
    from importlib import resources

    return json.loads(resources.files("docqa.schemas").joinpath("config.schema.json").read_text("utf-8"))


def find_config(start: Path) -> tuple[Path, dict] | None:
    """The nearest config at or above ``start``: ``(path, table)``; pyproject.toml only counts
    when it has a ``[tool.docqa]`` table."""
    start = start.resolve()
    for directory in [start, *start.parents]:
        for name in CONFIG_FILES:
            candidate = directory / name
            if not candidate.is_file():
                continue
            data = _read_toml(candidate)
            if name == "pyproject.toml":
                table = data.get("tool", {}).get("docqa")
                if table is None:
                    continue
                return candidate, table
            return candidate, data
    return None


def load_config(path: Path) -> tuple[Path, dict]:
    """Read an explicitly named config file (``--config``)."""
    if not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("docqa", {})
    return path, data


def _read_toml(path: Path) -> dict:
    import tomllib  # here: a run that finds no config file never needs the parser (3.6 ms)

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None


def validate(table: Mapping[str, Any], source: str) -> None:
    """Validate a ``[tool.docqa]`` table against the schema; raise :class:`ConfigError` naming the key.

    Importing jsonschema and walking the schema costs about 30 ms, paid by every run (a pre-commit
    hook linting one file). A table that validated once is remembered in the cache directory by
    a hash of its typed contents, docqa's version and the schema, as rule packs are.
    """
    marker = _validity_marker(table)
    if marker is not None and marker.is_file():
        return
    import jsonschema

    validator = jsonschema.Draft202012Validator(config_schema())
    errors = sorted(validator.iter_errors(table), key=lambda e: list(e.absolute_path))
    if not errors:
        if marker is not None:
            from .cache import write_atomic_bytes

            write_atomic_bytes(marker, b"")
        return
    err = errors[0]
    key = ".".join(str(p) for p in err.absolute_path) or "(top level)"
    if err.validator == "additionalProperties":
        extra = sorted(set(err.instance) - set(err.schema.get("properties", {})))
        where = f"{key}." if err.absolute_path else ""
        allowed = ", ".join(sorted(err.schema.get("properties", {})))
        raise ConfigError(f"{source}: unknown key {where}{extra[0]!s} (allowed: {allowed})")
    expected = err.schema.get("description") or _expected(err.schema)
    raise ConfigError(f"{source}: key {key}: {err.message}" + (f" (expected {expected})" if expected else ""))


def _validity_marker(table: Mapping[str, Any]) -> Path | None:
    """Where a valid ``table`` is remembered (:func:`docqa.cache.validity_marker`), hashed with
    its values' types (a TOML date and the string that reads the same differ); None if the table
    cannot be hashed."""
    from .cache import validity_marker

    def typed(value: Any) -> Any:
        if isinstance(value, Mapping):
            return ("table", tuple(sorted((str(k), typed(v)) for k, v in value.items())))
        if isinstance(value, (list, tuple)):
            return ("array", tuple(typed(v) for v in value))
        return (type(value).__name__, value)

    try:
        blob = repr(typed(table)).encode("utf-8", "surrogatepass")
    except (TypeError, ValueError):
        return None
    return validity_marker("configs", "config.schema.json", blob)


def _expected(schema: Mapping[str, Any]) -> str:
    if "enum" in schema:
        return "one of " + ", ".join(map(str, schema["enum"]))
    t = schema.get("type")
    if t == "array":
        return "a list of " + str(schema.get("items", {}).get("type", "values")) + "s"
    return f"a {t}" if t else ""


def settings_from_table(table: Mapping[str, Any], source: str | None = None, root: str = ".") -> Settings:
    """Validated config table -> :class:`Settings`."""
    if source is not None:
        validate(table, source)

    def tup(key: str) -> tuple[str, ...]:
        return tuple(table.get(key, ()))

    return Settings(
        select=tuple(table["select"]) if "select" in table else None,
        ignore=tup("ignore"),
        extend_select=tup("extend-select"),
        fail_on=Severity.parse(table.get("fail-on", "warning")),
        exclude=tup("exclude"),
        extend_exclude=tup("extend-exclude"),
        extensions=tuple(table["extensions"]) if "extensions" in table else Settings.extensions,
        per_file_ignores={k: tuple(v) for k, v in table.get("per-file-ignores", {}).items()},
        severity={k.upper(): Severity.parse(v) for k, v in table.get("severity", {}).items()},
        rule_options={k.upper(): dict(v) for k, v in table.get("rules", {}).items()},
        rule_packs=tup("rule-packs"),
        words=tup("words"),
        brands=tup("brands"),
        languagetool_url=table.get("languagetool-url"),
        languagetool_dir=table.get("languagetool-dir"),
        cache_dir=table.get("cache-dir"),
        baseline=table.get("baseline"),
        max_file_size=int(table.get("max-file-size", Settings.max_file_size)),
        source=source,
        root=root,
    )
