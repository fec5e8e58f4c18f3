"""The rule contract.

A rule is a class with permanent metadata (code, name, family, default severity) and a
:meth:`Rule.check` method that yields :class:`~docqa.finding.Violation` objects: spans with a
message and optional fix. Its docstring is its documentation: the first line is the summary, and
``Flagged:`` / ``Clean:`` sections hold examples that the test suite runs (one document per
indented line; ``\\n`` in an example stands for a line break).

Rules never compute line numbers, never read files and never print. They receive a parsed
:class:`~docqa.document.Document` and the run's :class:`~docqa.config.Settings`.
"""

from __future__ import annotations

import inspect
import re
from typing import TYPE_CHECKING, Any, ClassVar, Iterable, Mapping, Sequence

from .. import rx
from ..finding import Family, Severity, Violation

if TYPE_CHECKING:
    from ..config import Settings
    from ..document import Document

_SECTION_RE = rx.compile(r"^(Flagged|Clean):[ \t]*$", re.MULTILINE)


class Rule:
    """Base class of every rule, built-in, YAML-declared or third-party."""

    #: Permanent code, e.g. ``CAS001``. Never reused, never renumbered.
    code: ClassVar[str] = ""
    #: Kebab-case name, e.g. ``lowercase-proper-noun``.
    name: ClassVar[str] = ""
    family: ClassVar[Family] = Family.INTERNAL
    severity: ClassVar[Severity] = Severity.WARNING
    #: Off-by-default rules run only when selected explicitly (by code or prefix).
    default_enabled: ClassVar[bool] = True
    #: True when the rule can offer fixes (shown in ``docqa rules``).
    fixable: ClassVar[bool] = False
    #: False for rules whose findings span whole blocks (drift, structure): the engine then does
    #: not drop findings that overlap code or URLs.
    prose_only: ClassVar[bool] = True
    #: Option defaults; ``[tool.docqa.rules.CODE]`` in the config overrides them (same types).
    options: ClassVar[Mapping[str, Any]] = {}

    def __init__(self, options: Mapping[str, Any] | None = None, settings: "Settings | None" = None) -> None:
        from ..config import Settings

        self.opts: dict[str, Any] = {**self.options, **(options or {})}
        self.settings: Settings = settings if settings is not None else Settings()

    def check(self, doc: "Document") -> Iterable[Violation]:  # pragma: no cover - interface
        """Yield the violations of this rule in ``doc``."""
        raise NotImplementedError

    def summarize(self, doc: "Document") -> Mapping[str, Any] | None:
        """Per-file metrics to report beside the findings (e.g. provenance counts); default none."""
        return None

    def start_run(self) -> None:
        """Acquire run-level resources once, in the parent process, before any file is linted
        (worker processes are forked after this and share what it set up, e.g. a server)."""

    def collect(self, results: Sequence[Any]) -> None:
        """See every file's result in the parent after the run (``FileResult.metrics`` carries
        what :meth:`summarize` returned in whichever process linted the file)."""

    def notices(self) -> Iterable[str]:
        """Lines to tell the user once per run, after linting (e.g. "grammar checks skipped: …")."""
        return ()

    def close(self) -> None:
        """Release run-level resources (a server the rule started); called once after the run."""

    # ---------------------------------------------------------------- documentation
    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        text = cls.doc()
        return text.splitlines()[0].strip() if text else ""

    @classmethod
    def examples(cls) -> tuple[list[str], list[str]]:
        """The ``Flagged`` and ``Clean`` example documents from the docstring."""
        return parse_examples(cls.doc())


def parse_examples(text: str) -> tuple[list[str], list[str]]:
    """Split ``Flagged:``/``Clean:`` sections of a docstring into example documents."""
    found: dict[str, list[str]] = {"Flagged": [], "Clean": []}
    matches = list(_SECTION_RE.finditer(text))
    for i, m in enumerate(matches):
        body_end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        for line in text[m.end():body_end].splitlines():
            if line.startswith((" ", "\t")) and line.strip():
                found[m.group(1)].append(line.strip().replace("\\n", "\n"))
            elif line.strip():
                break  # the section ends at the first unindented line
    return found["Flagged"], found["Clean"]


def rule_classes_from(obj: Any) -> list[type[Rule]]:
    """Accept what an entry point may load: a Rule class, an iterable of them, a module with
    ``RULES``, or a callable returning any of these."""
    if isinstance(obj, type) and issubclass(obj, Rule):
        return [obj]
    if inspect.ismodule(obj):
        return rule_classes_from(getattr(obj, "RULES", []))
    if callable(obj) and not isinstance(obj, type):
        return rule_classes_from(obj())
    if isinstance(obj, Iterable) and not isinstance(obj, (str, bytes)):
        out: list[type[Rule]] = []
        for item in obj:
            out.extend(rule_classes_from(item))
        return out
    raise TypeError(f"expected a docqa Rule class or a list of them, got {obj!r}")
