"""Per-file statistics for ``docqa stats PATHS``: size, readability and findings per family.

:func:`file_stats` turns one linted file into a flat row; :func:`render_stats` prints rows as an
aligned text table (with a total line) or as JSON. The CLI owns reading files and linting them.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

from .finding import Family

if TYPE_CHECKING:
    from .document import Document
    from .engine import FileResult

#: Provenance counts copied from ``result.metrics["provenance"]`` when the provenance rules ran.
PROVENANCE_KEYS = ("claims", "sourced", "vague", "unsourced")
#: Families in the order columns are printed (internal errors last).
FAMILY_ORDER = [f.value for f in Family]


def file_stats(doc: "Document", result: "FileResult") -> dict[str, Any]:
    """One row: path, words, sentences, reading ease, grade, findings per family, provenance counts."""
    from .rules.readability import text_stats

    stats = text_stats(doc)
    per_family: dict[str, int] = {}
    for f in result.findings:
        per_family[f.family] = per_family.get(f.family, 0) + 1
    row: dict[str, Any] = {
        "path": result.path if result.path != "<text>" or doc.path is None else doc.path,
        "words": stats["words"],
        "sentences": stats["sentences"],
        "reading_ease": stats["reading_ease"],
        "grade": stats["grade"],
        "findings": dict(sorted(per_family.items(), key=lambda kv: _family_rank(kv[0]))),
    }
    prov = result.metrics.get("provenance")
    if prov:
        row["provenance"] = {k: prov[k] for k in PROVENANCE_KEYS if k in prov}
    return row


def _family_rank(name: str) -> int:
    return FAMILY_ORDER.index(name) if name in FAMILY_ORDER else len(FAMILY_ORDER)


def totals(rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Sums over all rows; reading ease and grade are averaged, weighted by words."""
    words = sum(r["words"] for r in rows)
    out: dict[str, Any] = {"path": "TOTAL", "files": len(rows), "words": words,
                           "sentences": sum(r["sentences"] for r in rows)}
    for key in ("reading_ease", "grade"):
        scored = [(r[key], r["words"]) for r in rows if r.get(key) is not None and r["words"]]
        weight = sum(w for _, w in scored)
        out[key] = round(sum(v * w for v, w in scored) / weight, 1) if weight else None
    findings: dict[str, int] = {}
    for r in rows:
        for fam, n in r.get("findings", {}).items():
            findings[fam] = findings.get(fam, 0) + n
    out["findings"] = dict(sorted(findings.items(), key=lambda kv: _family_rank(kv[0])))
    prov = [r["provenance"] for r in rows if r.get("provenance")]
    if prov:
        out["provenance"] = {k: sum(p.get(k, 0) for p in prov) for k in PROVENANCE_KEYS}
    return out


def render_stats(rows: Iterable[Mapping[str, Any]], fmt: str = "text") -> str:
    """The rows as a text table (one line per file, then a total) or as JSON (``{"files", "total"}``)."""
    rows = list(rows)
    total = totals(rows)
    if fmt == "json":
        return json.dumps({"files": rows, "total": total}, indent=2, ensure_ascii=False) + "\n"
    if fmt != "text":
        raise ValueError(f"unknown stats format {fmt!r} (expected text or json)")
    families = sorted({fam for r in rows for fam in r.get("findings", {})}, key=_family_rank)
    with_prov = any(r.get("provenance") for r in rows)
    header = ["file", "words", "sentences", "ease", "grade", *families]
    if with_prov:
        header += [f"prov.{k}" for k in PROVENANCE_KEYS]

    def cells(r: Mapping[str, Any]) -> list[str]:
        out = [str(r["path"]), str(r["words"]), str(r["sentences"]), _num(r.get("reading_ease")), _num(r.get("grade"))]
        out += [str(r.get("findings", {}).get(fam, 0)) for fam in families]
        if with_prov:
            prov = r.get("provenance") or {}
            out += [str(prov[k]) if k in prov else "-" for k in PROVENANCE_KEYS]
        return out

    table = [header, *(cells(r) for r in rows)]
    if len(rows) != 1:
        table.append(cells(total))
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    lines = []
    for n, line in enumerate(table):
        lines.append("  ".join(c.ljust(widths[i]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(line)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


def _num(value: Any) -> str:
    return "-" if value is None else f"{value:.1f}"
