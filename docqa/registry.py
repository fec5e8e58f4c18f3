"""Rule discovery and selection.

Built-in rules and third-party plugins register the same way: an entry point in the
``docqa.rules`` group that loads a Rule class, a list of them, or a module with ``RULES``.
A :class:`Registry` is built fresh for every run; nothing registers at import time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import reduce
from importlib import import_module
from typing import Iterable, Sequence

from . import rx
from .finding import Family
from .rules.base import Rule, rule_classes_from

ENTRY_POINT_GROUP = "docqa.rules"
_CODE_RE = rx.compile(r"^[A-Z]{2,5}[0-9]{3}$")


class RegistryError(Exception):
    """A plugin or rule pack could not be loaded, or a selector names nothing."""


_ENTRY_POINT_RE = rx.compile(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$")


def load_target(value: str):
    """What an entry point's target ``module:attr.attr`` names (as ``EntryPoint.load`` does)."""
    match = _ENTRY_POINT_RE.match(value)
    if match is None:
        raise ValueError(f"not an entry point target: {value!r}")
    module = import_module(match.group("module"))
    return reduce(getattr, filter(None, (match.group("attr") or "").split(".")), module)


def _entry_point_rules() -> list[tuple[type[Rule], str]]:
    """The rule classes of every ``docqa.rules`` entry point, in the order of their names.

    The list of entry points is remembered in the cache directory (scanning the installed
    distributions costs ~25 ms); if a remembered target no longer loads, the distributions are
    scanned again before the failure is reported.
    """
    from .cache import rule_entry_points

    for fresh in (False, True):
        classes: list[tuple[type[Rule], str]] = []
        for name, value in rule_entry_points(fresh=fresh):
            try:
                found = rule_classes_from(load_target(value))
            except Exception as exc:  # a broken plugin must not hide behind a traceback
                if not fresh:
                    break
                raise RegistryError(f"plugin entry point {name!r} ({value}) failed to load: {exc}") from exc
            classes.extend((c, f"entry point {name!r}") for c in found)
        else:
            return classes
    return classes  # pragma: no cover - the fresh pass returns or raises


@dataclass
class Registry:
    rules: dict[str, type[Rule]]

    @classmethod
    def load(cls, extra: Iterable[type[Rule]] = (), *, plugins: bool = True) -> "Registry":
        """Collect rules from the ``docqa.rules`` entry points plus ``extra`` (e.g. user packs)."""
        classes: list[tuple[type[Rule], str]] = []
        if plugins:
            classes.extend(_entry_point_rules())
        classes.extend((c, "rule pack") for c in extra)
        rules: dict[str, type[Rule]] = {}
        for rule, origin in classes:
            problem = _check_metadata(rule)
            if problem:
                raise RegistryError(f"rule {rule.__name__} from {origin}: {problem}")
            if rule.code in rules and rules[rule.code] is not rule:
                raise RegistryError(
                    f"rule code {rule.code} from {origin} is already used by {rules[rule.code].__name__}"
                )
            rules[rule.code] = rule
        return cls(dict(sorted(rules.items())))

    def __iter__(self):
        return iter(self.rules.values())

    def __len__(self) -> int:
        return len(self.rules)

    def get(self, code: str) -> type[Rule] | None:
        return self.rules.get(code.upper())

    def matching(self, selector: str) -> list[type[Rule]]:
        """Rules named by ``selector``: ``ALL``, a family name, a rule name, a code or a code prefix."""
        sel = selector.strip()
        if sel.upper() == "ALL":
            return list(self.rules.values())
        low = sel.lower()
        if low in {f.value for f in Family}:
            return [r for r in self.rules.values() if r.family.value == low]
        by_name = [r for r in self.rules.values() if r.name == low]
        if by_name:
            return by_name
        up = sel.upper()
        return [r for code, r in self.rules.items() if code.startswith(up)]

    def select(
        self,
        select: Sequence[str] | None = None,
        ignore: Sequence[str] = (),
        extend_select: Sequence[str] = (),
    ) -> list[type[Rule]]:
        """Resolve selectors the way ruff does: ``select`` replaces the default set (rules enabled by
        default), ``extend_select`` adds to it, ``ignore`` removes. Unknown selectors are errors.
        A prefix selects off-by-default rules only when it names them exactly (by code or name)."""
        if select is None:
            chosen = {c for c, r in self.rules.items() if r.default_enabled}
        else:
            chosen = set()
            for sel in select:
                chosen |= self._resolve(sel)
        for sel in extend_select:
            chosen |= self._resolve(sel)
        for sel in ignore:
            chosen -= {r.code for r in self._matching_or_fail(sel)}
        return [self.rules[c] for c in sorted(chosen)]

    def _resolve(self, sel: str) -> set[str]:
        found = self._matching_or_fail(sel)
        exact = len(found) == 1 and sel.strip().upper() in (found[0].code, found[0].name.upper())
        return {r.code for r in found if r.default_enabled or exact}

    def _matching_or_fail(self, sel: str) -> list[type[Rule]]:
        found = self.matching(sel)
        if not found:
            raise RegistryError(f"unknown rule selector {sel!r}: no rule code, prefix, name or family matches it")
        return found


def _check_metadata(rule: type[Rule]) -> str | None:
    if not _CODE_RE.match(rule.code or ""):
        return f"code {rule.code!r} is not 2-5 capital letters and 3 digits (e.g. CAS001)"
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", rule.name or ""):
        return f"name {rule.name!r} is not kebab-case"
    if not isinstance(rule.family, Family):
        return f"family {rule.family!r} is not one of {', '.join(f.value for f in Family)}"
    if not rule.summary():
        return "has no docstring summary"
    return None
