"""The result cache: a file's findings, keyed by its content hash and the effective configuration.

One JSON index per configuration (docqa version, settings, selected rules and their options, rule
pack contents) lives under the user cache directory, or ``cache-dir`` from the config. An entry is
keyed by the BLAKE2 hash of the file's bytes plus what else changes the result for that file (its
format and per-file ignores). Entries are validated when read; a corrupt, foreign or stale index is
ignored and rebuilt, never trusted. Writes are atomic (temporary file, then rename).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any, Iterable

from . import __version__
from .cachedir import default_dir
from .document import LineIndex
from .engine import FileResult
from .finding import Applicability, Edit, Finding, Fix, Severity

FORMAT_VERSION = 1
MAX_ENTRIES = 100_000


def write_atomic_bytes(path: Path, data: bytes) -> None:
    """Best-effort atomic write of a cache file; a cache that cannot be written only costs speed."""
    _write_atomic(path, "wb", lambda fh: fh.write(data))


#: Sibling cache files (result indexes of other configurations, plugin lists of other import
#: paths) unused for this long are deleted when a new one is written, and at most this many kept:
#: each docqa version, configuration and virtual environment writes its own.
STALE_DAYS = 30
MAX_SIBLINGS = 64


def prune_siblings(path: Path, pattern: str, max_age_days: float = STALE_DAYS, keep: int = MAX_SIBLINGS) -> list[Path]:
    """Delete the files of ``path``'s directory that match ``pattern`` (a glob), other than
    ``path``, when unused (not modified) for ``max_age_days``, and beyond the ``keep`` most
    recently used. Best effort; returns what was deleted."""
    import time

    now = time.time()
    found = []
    try:
        for other in path.parent.glob(pattern):
            if other != path and other.is_file():
                try:
                    found.append((other.stat().st_mtime, other))
                except OSError:
                    continue
    except OSError:
        return []
    found.sort(reverse=True)
    removed = []
    for i, (mtime, other) in enumerate(found):
        if i >= keep - 1 or now - mtime > max_age_days * 86400:
            try:
                other.unlink()
                removed.append(other)
            except OSError:
                pass
    return removed


#: What docqa writes in a cache directory (and nothing else there is touched by ``docqa clean``).
CACHE_FILE_PATTERNS = ("results-*.json", "plugins-*.json", "*.marisa", "*.marshal", "valid-*/*",
                       ".results-*", ".plugins-*", ".*.marisa.*", ".*.marshal.*")


def clean_cache_dir(directory: Path) -> tuple[int, int]:
    """Delete docqa's files from ``directory`` (see :data:`CACHE_FILE_PATTERNS`) and the emptied
    ``valid-*`` folders; return how many files were removed and their total size in bytes."""
    count = size = 0
    if not directory.is_dir():
        return 0, 0
    for pattern in CACHE_FILE_PATTERNS:
        for path in directory.glob(pattern):
            try:
                if path.is_file() and not path.is_symlink():
                    n = path.stat().st_size
                    path.unlink()
                    count, size = count + 1, size + n
            except OSError:
                continue
    for folder in directory.glob("valid-*"):
        try:
            folder.rmdir()  # only when empty
        except OSError:
            pass
    return count, size


def write_atomic_chunks(path: Path, chunks: Iterable[str]) -> None:
    """Like :func:`write_atomic_bytes`, for text produced piece by piece (UTF-8)."""
    _write_atomic(path, "w", lambda fh: fh.writelines(chunks))


def _write_atomic(path: Path, mode: str, write) -> None:
    """A temporary file in the same directory, filled by ``write(handle)``, then renamed over
    ``path``; on any OS error nothing is left behind and the old file stays."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(fd, mode, **({"encoding": "utf-8"} if "b" not in mode else {})) as fh:
            write(fh)
        os.replace(tmp, path)
        tmp = None
    except OSError:
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def validity_marker(kind: str, schema: str, content: bytes) -> Path:
    """Where a document that passed validation against docqa's schema ``schema`` is remembered:
    ``valid-<kind>/<hash>`` in the cache directory, the hash covering docqa's version, the schema
    and ``content``. Validation imports jsonschema and walks the schema (30-200 ms a run); any
    change to the document, the schema or docqa validates again."""
    from importlib import resources

    schema_bytes = resources.files("docqa.schemas").joinpath(schema).read_bytes()
    digest = hashlib.sha256(__version__.encode() + b"\0" + schema_bytes + b"\0" + content).hexdigest()
    return default_dir() / f"valid-{kind}" / digest


def config_key(settings) -> str:
    """A hash of everything besides a file's bytes that can change its findings: docqa's version
    and code, the settings (which include the rule selection and every rule option), the rule
    plugins installed (entry points with their distributions' versions), and the contents of the
    built-in and configured rule packs. It is computed without importing a rule, so that a run
    served entirely from the cache never loads them."""
    payload = {
        "docqa": __version__,
        "code": _code_fingerprint(),
        "format": FORMAT_VERSION,
        "settings": {
            k: v for k, v in asdict(settings).items()
            if k not in ("source", "root", "cache_dir", "baseline", "exclude", "extend_exclude", "extensions", "per_file_ignores")
        },
        "plugins": _plugin_sources(),
        "packs": _pack_digest(settings),
    }
    blob = json.dumps(payload, sort_keys=True, default=str).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()[:40]


def _plugin_sources(fresh: bool = False) -> list[list[str]]:
    """Every ``docqa.rules`` entry point: name, target, distribution and its version.

    Scanning the installed distributions costs ~25 ms, as much as the rest of a fully cached run.
    The list is kept in the cache directory under a tag of what that scan reads: the metadata
    directories (``*.dist-info``, ``*.egg-info``) on the import path and the modification times
    of their ``entry_points.txt``, listed in about half a millisecond. Installing, removing or
    reinstalling a distribution changes the tag. ``fresh`` scans again whatever is stored.
    """
    import sys

    tag = hashlib.sha256()
    for entry in sys.path:
        try:
            with os.scandir(entry or ".") as found:
                names = sorted(e.name for e in found if e.name.endswith((".dist-info", ".egg-info")))
        except OSError:
            names = []
        tag.update(f"{entry}\x00".encode("utf-8", "surrogatepass"))
        for name in names:
            try:
                mtime = os.stat(os.path.join(entry or ".", name, "entry_points.txt")).st_mtime_ns
            except OSError:
                mtime = -1
            tag.update(f"{name}\x00{mtime}\x00".encode("utf-8", "surrogatepass"))
    path = default_dir() / f"plugins-{tag.hexdigest()[:32]}.json"
    if not fresh:
        try:
            known = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(known, list) and all(
                isinstance(e, list) and len(e) == 4 and all(isinstance(x, str) for x in e) for e in known
            ):
                return known
        except (OSError, ValueError):
            pass
    from importlib.metadata import entry_points

    from .registry import ENTRY_POINT_GROUP

    out = []
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        dist = getattr(ep, "dist", None)
        out.append([ep.name, ep.value, getattr(dist, "name", "") or "", getattr(dist, "version", "") or ""])
    out.sort()
    write_atomic_bytes(path, json.dumps(out).encode("utf-8"))
    prune_siblings(path, "plugins-*.json")
    return out


def rule_entry_points(fresh: bool = False) -> list[tuple[str, str]]:
    """``(name, target)`` of every ``docqa.rules`` entry point, sorted by name (see
    :func:`_plugin_sources`: remembered per state of the import path)."""
    return sorted((name, value) for name, value, _, _ in _plugin_sources(fresh))


def _code_fingerprint() -> str:
    """Sizes and modification times of docqa's own modules: an edited checkout (same version
    number, different code) must not be served results computed by the old code."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for f in sorted(root.rglob("*.py")):
        try:
            st = f.stat()
        except OSError:
            continue
        h.update(f"{f.relative_to(root)}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def _pack_digest(settings) -> str:
    """The contents of the built-in rule packs and of the configured ones."""
    from .packs import builtin_pack_dir

    h = hashlib.sha256()
    for entry in [str(builtin_pack_dir()), *settings.rule_packs]:
        p = Path(entry) if Path(entry).is_absolute() else Path(settings.root) / entry
        files = sorted(p.rglob("*.y*ml")) if p.is_dir() else [p]
        for f in files:
            try:
                h.update(f.read_bytes())
            except OSError:
                h.update(b"missing:" + str(f).encode())
    return h.hexdigest()


def content_digest(raw: bytes) -> str:
    """The BLAKE2 hash of a file's bytes (what a cache entry is keyed by)."""
    return hashlib.blake2b(raw, digest_size=20).hexdigest()


def entry_key(digest: str, display: str, ignore_codes: Iterable[str]) -> str:
    """A cache entry's key: the file's content digest, its format (suffix) and per-file ignores."""
    suffix = Path(display).suffix.lower()
    blob = f"{digest}\x00{suffix}\x00{','.join(sorted(ignore_codes))}".encode("utf-8", "surrogatepass")
    return hashlib.blake2b(blob, digest_size=20).hexdigest()


#: A file's status is remembered only if the file had not changed for this long when it was read:
#: any later change then gives it a newer change time, even within one tick of the file system's
#: clock (the "racy" case git guards against the same way).
RACY_NS = 2_000_000_000


class ResultCache:
    """A dict-like view of one configuration's index; :meth:`save` writes new entries back."""

    def __init__(self, directory: Path, key: str) -> None:
        self.path = directory / f"results-{key}.json"
        self.key = key
        self._entries: dict[str, dict] = {}
        self._new: dict[str, FileResult] = {}  # turned into JSON by save()
        #: the run-level notices of the last run that built the rules ("grammar checks skipped"),
        #: repeated by a run served entirely from the cache
        self.notices: list[str] = []
        self._saved_notices: list[str] = []
        #: absolute path -> [size, mtime_ns, ctime_ns, inode, content digest] of a file read
        #: before, so that an unchanged file is not read again to find its digest
        self._stats: dict[str, list] = {}
        self._new_stats: dict[str, list] = {}
        self._load()

    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(data, dict) and data.get("key") == self.key and isinstance(data.get("entries"), dict):
            self._entries = data["entries"]
            notices = data.get("notices", [])
            if isinstance(notices, list) and all(isinstance(n, str) for n in notices):
                self.notices = list(notices)
                self._saved_notices = list(notices)
            stats = data.get("stats")
            if isinstance(stats, dict):
                self._stats = stats

    def known_digest(self, path: str, st: os.stat_result) -> str | None:
        """The content digest of ``path`` remembered for exactly this status, if it can be trusted."""
        e = self._stats.get(path)
        if (isinstance(e, list) and len(e) == 5 and isinstance(e[4], str)
                and e[0] == st.st_size and e[1] == st.st_mtime_ns and e[2] == st.st_ctime_ns and e[3] == st.st_ino):
            return e[4]
        return None

    def remember_digest(self, path: str, st: os.stat_result, digest: str) -> None:
        """Remember the digest read from ``path`` with status ``st`` (taken before the read),
        unless the file changed too recently for its status to prove it unchanged later."""
        import time

        if max(st.st_mtime_ns, st.st_ctime_ns) >= time.time_ns() - RACY_NS:
            return
        entry = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, digest]
        if self._stats.get(path) != entry:
            self._new_stats[path] = entry

    def get(self, key: str, display: str) -> FileResult | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        try:
            return result_from_dict(entry, display)
        except (KeyError, TypeError, ValueError):  # corrupt entry: ignore, relint
            self._entries.pop(key, None)
            return None

    def put(self, key: str, result: FileResult) -> None:
        # Kept as it is and turned into JSON only by save(), entry by entry: a run over thousands
        # of files does not hold a second copy of every result as dicts and one string.
        self._new[key] = result

    def save(self) -> None:
        if not self._new and not self._new_stats and self.notices == self._saved_notices:
            return
        keys = list(dict.fromkeys([*self._entries, *self._new]))[-MAX_ENTRIES:]
        stats = {**self._stats, **self._new_stats}
        if len(stats) > MAX_ENTRIES:
            stats = dict(list(stats.items())[-MAX_ENTRIES:])
        dumps = json.JSONEncoder(separators=(",", ":")).encode

        def chunks():
            yield '{"key":' + dumps(self.key) + ',"notices":' + dumps(self.notices) + ',"stats":' + dumps(stats)
            yield ',"entries":{'
            for i, key in enumerate(keys):
                new = self._new.get(key)
                entry = result_to_dict(new) if new is not None else self._entries[key]
                yield ("," if i else "") + dumps(key) + ":" + dumps(entry)
            yield "}}"

        write_atomic_chunks(self.path, chunks())
        prune_siblings(self.path, "results-*.json")


_FINDING_FIELDS = [f.name for f in fields(Finding)]


def result_to_dict(r: FileResult) -> dict:
    findings = []
    for f in r.findings:
        d = {name: getattr(f, name) for name in _FINDING_FIELDS}
        d["severity"] = f.severity.value
        d["data"] = dict(f.data)
        d["fix"] = None if f.fix is None else {
            "applicability": f.fix.applicability.value,
            "edits": [[e.start, e.end, e.content] for e in f.fix.edits],
        }
        findings.append(d)
    lines = r.lines if r.lines is not None and any(f.fix for f in r.findings) else None
    return {
        "findings": findings, "metrics": r.metrics, "notices": r.notices,
        "lines": None if lines is None else [lines.starts, lines.length],
    }


def result_from_dict(d: dict, display: str) -> FileResult:
    findings = []
    for f in d["findings"]:
        fix = None
        if f["fix"] is not None:
            fix = Fix(tuple(Edit(int(s), int(e), str(c)) for s, e, c in f["fix"]["edits"]),
                      Applicability(f["fix"]["applicability"]))
        findings.append(Finding(**{**f, "severity": Severity(f["severity"]), "fix": fix}))
    lines = None if d["lines"] is None else LineIndex.from_starts(d["lines"][0], d["lines"][1])
    return FileResult(path=display, findings=findings, metrics=dict(d["metrics"]),
                      notices=list(d["notices"]), lines=lines)
