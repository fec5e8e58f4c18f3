"""Regenerate the generated parts of README.md: the rule table and the measured-quality section.

    python bench/update_readme.py          # rewrite README.md
    python bench/update_readme.py --check  # exit 1 if README.md is out of date

The rule table is ``docqa rules --format markdown``; the quality section is the concatenation of
the fragments the bench scripts write to ``bench/results/*.md``.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
RESULTS = ROOT / "bench" / "results"


def rules_table() -> str:
    out = subprocess.run(
        [sys.executable, "-m", "docqa", "rules", "--format", "markdown"],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )
    return out.stdout.strip()


def results_section() -> str:
    parts = [p.read_text(encoding="utf-8").strip() for p in sorted(RESULTS.glob("*.md"))]
    return "\n\n".join(parts) if parts else "_No bench results yet._"


def render(readme: str) -> str:
    for name, body in (("rules", rules_table()), ("results", results_section())):
        readme = re.sub(
            rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)",
            lambda m: m.group(1) + body + "\n" + m.group(2), readme, flags=re.DOTALL,
        )
    return readme


def main(argv: list[str]) -> int:
    current = README.read_text(encoding="utf-8")
    wanted = render(current)
    if "--check" in argv:
        if current != wanted:
            print("README.md is out of date: run python bench/update_readme.py", file=sys.stderr)
            return 1
        return 0
    README.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
