"""``--format junit``: JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure).

Each linted file is a ``testsuite``; each finding is a failed ``testcase`` named after its rule and
position, with the message and the place in the failure; a file without findings has one passing
test case, so that the report shows what was checked. Characters that XML 1.0 cannot carry
(control characters from a broken file) are replaced by U+FFFD rather than producing a report
that no CI system can parse.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .. import rx
from .base import Reporter, RunReport

_XML_INVALID = rx.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    return _XML_INVALID.sub("\ufffd", text)


class JunitReporter(Reporter):
    """``<testsuites>`` with one ``<testsuite>`` per file and one failing ``<testcase>`` per finding."""

    lists_rules = False

    def render(self, run: RunReport) -> str:
        findings = run.findings
        root = ET.Element("testsuites", name="docqa", tests=str(sum(max(1, len(r.findings)) for r in run.results)),
                          failures=str(len(findings)), errors="0")
        for r in run.results:
            path = _xml(r.path)
            suite = ET.SubElement(root, "testsuite", name=path, tests=str(max(1, len(r.findings))),
                                  failures=str(len(r.findings)), errors="0",
                                  skipped="1" if r.skipped else "0")
            if not r.findings:
                case = ET.SubElement(suite, "testcase", name="docqa", classname=path, file=path)
                if r.skipped:
                    ET.SubElement(case, "skipped", message=_xml("; ".join(r.notices) or "skipped"))
                continue
            for f in r.findings:
                case = ET.SubElement(suite, "testcase", name=f"{f.code} ({f.name}) at {f.line}:{f.column}",
                                     classname=path, file=path, line=str(f.line))
                failure = ET.SubElement(case, "failure", message=_xml(f.message), type=f.code)
                failure.text = _xml(f"{r.path}:{f.line}:{f.column}: {f.severity.value} {f.code} {f.message}")
        ET.indent(root)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
