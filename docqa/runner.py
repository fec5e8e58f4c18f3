"""Lint (and optionally fix) one file: read, parse, run rules, apply fixes, write back.

Everything a worker process needs is in :class:`Job`, so that the same function serves a serial
run, a process pool and the cache.
"""

from __future__ import annotations

import itertools
import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Sequence

from .config import Settings
from .document import parse
from .engine import FileResult, lint_document
from .files import FileProblem, read_source
from .finding import Family, Finding, Severity
from .fixes import FixConflict, fix_text, unified_diff, write_atomic
from .rules.base import Rule
from .suppress import parse_suppressions

UNREADABLE = ("DQA002", "unreadable-file")


class LazyRules(Sequence[Rule]):
    """The rules of a run, built on first use.

    Building them imports every rule module and compiles the rule packs (about 0.1 s); a run whose
    files all come from the cache never needs them (the cache key does not: see
    :func:`docqa.cache.config_key`).
    """

    def __init__(self, build: Callable[[], Sequence[Rule]]) -> None:
        self._build = build
        self._rules: list[Rule] | None = None

    @property
    def loaded(self) -> bool:
        return self._rules is not None

    def _get(self) -> list[Rule]:
        if self._rules is None:
            self._rules = list(self._build())
        return self._rules

    def __getitem__(self, i):  # type: ignore[override]
        return self._get()[i]

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())


def rules_loaded(rules: Sequence[Rule]) -> bool:
    """False only for :class:`LazyRules` that were never needed."""
    return not isinstance(rules, LazyRules) or rules.loaded


@dataclass
class Job:
    """What to do with the files of a run."""

    rules: Sequence[Rule]
    settings: Settings
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False  # compute fixes, show them as a diff, write nothing
    use_cache: bool = False
    #: after :func:`run_files`: the run-level notices the cache kept from the last run that built
    #: the rules, for a run served entirely from the cache (None when the rules ran)
    cached_notices: list[str] | None = None


def run_files(
    work: Sequence[tuple[Path, str, Sequence[str]]], job: Job, *, jobs: int = 0, progress: bool = False
) -> list[FileResult]:
    """Lint ``(path, display, ignore_codes)`` items; results come back in input order.

    Cached results are looked up first (by content hash); the rest are linted in ``jobs`` worker
    processes (0: one per CPU) when there are enough files to pay for the pool, else serially.
    The output is identical whatever ``jobs`` is.
    """
    results: list[FileResult | None] = [None] * len(work)
    cache = _open_cache(job) if job.use_cache else None
    keys: dict[int, str] = {}
    pending: list[int] = []
    for i, (path, display, ignore) in enumerate(work):
        if cache is not None:
            key = _cache_key(path, display, ignore, job.settings.max_file_size, cache)
            if key is not None:
                keys[i] = key
                hit = cache.get(key, display)
                if hit is not None:
                    results[i] = hit
                    continue
        pending.append(i)

    if pending:
        for rule in job.rules:
            rule.start_run()
    workers = jobs or _cpu_count()
    items = [work[i] for i in pending]
    with _progress(progress and len(items) >= PROGRESS_MIN_FILES, len(items)) as bar:
        if workers > 1 and len(items) >= PARALLEL_MIN_FILES and _can_fork():
            # Lint the first file here: the rules load their data (dictionaries, frequency
            # tables) lazily, and workers forked afterwards share it instead of each loading it.
            first = lint_file(*items[0][:2], job, items[0][2])
            # The loaded rules and tables stay alive for the whole run: frozen, the collector in
            # each worker never walks them (nor touches their pages, which stay shared).
            import gc

            gc.freeze()
            linted = itertools.chain([first], _parallel(items[1:], job, workers))
        else:
            linted = (lint_file(p, d, job, ign) for p, d, ign in items)
        for i, result in zip(pending, linted):
            results[i] = result
            bar.update(1)
            if i in keys and _cacheable(result):
                cache.put(keys[i], result)
    if rules_loaded(job.rules):
        for rule in job.rules:
            rule.collect(results)
        if cache is not None:
            cache.notices = [n for rule in job.rules for n in rule.notices()]
    elif cache is not None:
        job.cached_notices = list(cache.notices)
    if cache is not None:
        cache.save()
    return results  # type: ignore[return-value]


PARALLEL_MIN_FILES = 4
PROGRESS_MIN_FILES = 50
_WORKER_JOB: Job | None = None


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _parallel(items, job: Job, workers: int) -> Iterator[FileResult]:
    """Lint in forked workers that inherit the parent's rules (no pickling of rules, no re-import)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _WORKER_JOB
    _WORKER_JOB = job
    chunk = max(1, min(64, len(items) // (workers * 8)))
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        yield from pool.map(_lint_in_worker, items, chunksize=chunk)


def _lint_in_worker(item) -> FileResult:
    path, display, ignore = item
    assert _WORKER_JOB is not None
    return lint_file(path, display, _WORKER_JOB, ignore)


def _open_cache(job: Job):
    from .cache import ResultCache, config_key, default_dir

    directory = Path(job.settings.cache_dir) if job.settings.cache_dir else default_dir()
    if not directory.is_absolute():
        directory = Path(job.settings.root) / directory
    return ResultCache(directory, config_key(job.settings))


def _cache_key(path: Path, display: str, ignore: Sequence[str], max_size: int, cache) -> str | None:
    """The cache entry key of a file: from the digest remembered for its unchanged status, else
    from its bytes (read and hashed, and the digest remembered)."""
    from .cache import content_digest, entry_key

    try:
        st = path.stat()
        if st.st_size > max_size:
            return None
        where = os.path.abspath(path)
        digest = cache.known_digest(where, st)
        if digest is None:
            raw = path.read_bytes()
            digest = content_digest(raw)
            if len(raw) == st.st_size:  # not changed while being read
                cache.remember_digest(where, st, digest)
        return entry_key(digest, display, ignore)
    except OSError:
        return None


def _cacheable(result: FileResult) -> bool:
    """Only complete results are cached: not a skipped or unreadable file, not a rule crash, and
    not a file a rule could not check (``"checked": False`` in its metrics, e.g. a grammar server
    that was down: the next run must try again)."""
    if result.skipped or any(f.code in ("DQA001", "DQA002") for f in result.findings):
        return False
    return all(m.get("checked", True) is not False for m in result.metrics.values() if isinstance(m, dict))


@contextmanager
def _progress(show: bool, total: int):
    """A progress bar on stderr, only when asked for and stderr is a terminal."""
    if not (show and sys.stderr.isatty()):
        yield _NoBar()
        return
    import click

    with click.progressbar(length=total, label="docqa", file=sys.stderr, show_pos=True) as bar:
        yield bar


class _NoBar:
    def update(self, n: int) -> None:
        pass


def lint_file(path: Path, display: str, job: Job, ignore_codes: Sequence[str] = ()) -> FileResult:
    """Lint one file. Never raises for a bad file: problems become findings or notices."""
    with _collector_paused():
        return _lint_file(path, display, job, ignore_codes)


@contextmanager
def _collector_paused():
    """Python's cyclic garbage collector, off while one file is linted. Linting makes almost no
    reference cycles (a 5 MB file: none collected), but the collector's full passes walk the whole
    heap, which grows with the file: 12-15% of the time of a long file, and more the longer it is.
    Between files (and for cycles a file did make) it runs as usual."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _lint_file(path: Path, display: str, job: Job, ignore_codes: Sequence[str] = ()) -> FileResult:
    try:
        source = read_source(path, display, job.settings.max_file_size)
    except FileProblem as problem:
        result = FileResult(path=display)
        if problem.kind == "binary":
            result.skipped = True
            result.notices.append(f"{display}: {problem}")
        else:
            result.findings.append(_unreadable(str(problem)))
        return result

    def lint(text: str) -> FileResult:
        doc = parse(text, display)
        return lint_document(doc, job.rules, job.settings, ignore_codes=ignore_codes,
                             suppressions=parse_suppressions(text, doc.format))

    result = lint(source.text)
    if not (job.fix or job.diff) or not any(f.fix for f in result.findings):
        return result

    def relint(text: str) -> list[Finding]:
        return lint(text).findings

    new_text, applied, _ = fix_text(source.text, relint, unsafe=job.unsafe_fixes)
    if new_text == source.text:
        return result
    if job.diff:
        result.diff = unified_diff(display, source.text, new_text)
        return result
    try:
        write_atomic(path, source.encode(new_text), expected=source.raw)
    except FixConflict as exc:
        result.notices.append(str(exc))
        return result
    except OSError as exc:
        result.notices.append(f"{display}: could not write fixes: {exc.strerror or exc}")
        return result
    result = lint(new_text)
    result.fixed = applied
    return result


def _unreadable(message: str) -> Finding:
    return Finding(
        code=UNREADABLE[0], name=UNREADABLE[1], family=Family.INTERNAL.value, severity=Severity.ERROR,
        message=message, start=0, end=0, line=1, column=1, end_line=1, end_column=1,
    )
