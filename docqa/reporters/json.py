"""``--format json``: one JSON object for the whole run (schema: docqa/schemas/output.schema.json)."""

from __future__ import annotations

import json

from .base import Reporter, RunReport, finding_dict


class JsonReporter(Reporter):
    lists_rules = False

    def render(self, run: RunReport) -> str:
        files = []
        for r in run.results:
            entry = {"path": r.path, "findings": [finding_dict(f, r) for f in r.findings]}
            if r.metrics:
                entry["metrics"] = r.metrics
            if r.notices:
                entry["notices"] = list(r.notices)
            if r.skipped:
                entry["skipped"] = True
            files.append(entry)
        doc = {"version": run.version, "files": files, "summary": run.summary()}
        if run.notices:
            doc["notices"] = list(run.notices)
        return json.dumps(doc, indent=2, ensure_ascii=False, default=str) + "\n"
