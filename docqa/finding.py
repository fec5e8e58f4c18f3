"""Findings, fixes and their vocabulary, as frozen data.

Offsets are the truth: a rule reports character offsets into the document's text, and line and
column are derived once, by the engine, from the document's line index.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Mapping


class Severity(str, enum.Enum):
    """How serious a finding is; ordered ``info < warning < error``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    @classmethod
    def parse(cls, value: "str | Severity") -> "Severity":
        if isinstance(value, Severity):
            return value
        try:
            return cls(value.lower())
        except ValueError:
            raise ValueError(f"unknown severity {value!r} (expected error, warning or info)") from None


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Family(str, enum.Enum):
    """The rule families; every rule belongs to exactly one."""

    DRIFT = "drift"
    BOILERPLATE = "boilerplate"
    CASING = "casing"
    SPACING = "spacing"
    SPELLING = "spelling"
    GRAMMAR = "grammar"
    PROVENANCE = "provenance"
    STRUCTURE = "structure"
    READABILITY = "readability"
    INTERNAL = "internal"


class Applicability(str, enum.Enum):
    """Whether a fix may be applied without a human looking (``safe``) or only on request."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True, order=True)
class Edit:
    """Replace ``text[start:end]`` with ``content``."""

    start: int
    end: int
    content: str


@dataclass(frozen=True)
class Fix:
    """One or more edits that together repair a finding."""

    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE

    @classmethod
    def replace(cls, start: int, end: int, content: str, *, safe: bool = True) -> "Fix":
        return cls((Edit(start, end, content),), Applicability.SAFE if safe else Applicability.UNSAFE)

    @property
    def is_safe(self) -> bool:
        return self.applicability is Applicability.SAFE


@dataclass(frozen=True)
class Violation:
    """What a rule reports: a span, a message and the evidence behind it.

    The engine turns a violation into a :class:`Finding` by adding the rule's identity, the
    effective severity and the line/column of the span.
    """

    start: int
    end: int
    message: str
    fix: Fix | None = None
    severity: Severity | None = None  # overrides the rule's default when set
    data: Mapping[str, Any] = field(default_factory=dict)  # evidence, scores: shown in JSON


@dataclass(frozen=True)
class Finding:
    """A reported problem at a place in a file."""

    code: str
    name: str
    family: str
    severity: Severity
    message: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int  # exclusive
    fix: Fix | None = None
    data: Mapping[str, Any] = field(default_factory=dict)
    #: Identity that survives edits elsewhere in the file: rule, flagged text and its neighbourhood
    #: (never the line number), plus an occurrence count for repeats. Set by the engine.
    fingerprint: str = ""

    @property
    def fixable(self) -> bool:
        return self.fix is not None

    def sort_key(self) -> tuple:
        return (self.start, self.end, self.code)
