"""Speed benchmark: docqa against proselint and a bare read-and-tokenise pass, on the same corpus.

Builds, under ``bench/out/`` (git-ignored):

* ``corpus-1x/``: the shared host articles (``../shared/eval/hosts/``) replicated to at least
  2,000 files and 4 MB (each replica starts at a different paragraph, so no two files are equal);
* ``corpus-4x/``: the same recipe at four times the files and bytes;
* ``single-1.25mb.txt``, ``single-5mb.txt`` and ``single-20mb.txt``: every host article one after
  the other (title line, then its paragraphs), repeated until the size is reached: one long
  document, linted in a ladder of growing sizes;
* ``proselint-venv/``: proselint from the package index, in its own environment (never a docqa
  dependency).

Then it times, in one run and alternating between tools on each repetition: ``docqa lint`` with a
fresh cache directory (cold: no cached results; what docqa keeps per machine, which any machine
builds once on docqa's first run (word tables, compiled patterns, the entry-point list, the built-in pack's and the
config's validity markers), is made in an untimed warm-up and copied in), the same again (warm), ``docqa lint --jobs 1`` (for the parallel
speed-up and the identical-output check), proselint, and a bare Python pass that reads every file
and splits it into tokens. Each child is reaped with ``os.wait4``, which gives its own peak
resident set size (``ru_maxrss``; for a process tree, the largest single process). Also measured:
one-small-file latency (median of several alternating runs), ``docqa --help`` against
``python -c "import click"``, and time growth from 1x to 4x the corpus and along the single-file
ladder. A ladder step that takes longer than linear growth allows (4.4x the step before, plus a
margin) or than the single-file budget is killed and reported as such, which keeps the run
bounded when some rule is superlinear; the steps after it are skipped.

Writes ``bench/results/perf.json`` (every sample, medians, ratios, targets) and
``bench/results/perf.md`` (the README fragment, with the command that reproduced it).

    python bench/perf.py            # the full run (about 10 minutes on 2 cores)
    python bench/perf.py --quick    # an eighth of the sizes, one repetition: a smoke test
"""

from __future__ import annotations

import argparse
import compileall
import json
import math
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOSTS = ROOT.parent / "shared" / "eval" / "hosts"
OUT = ROOT / "bench" / "out"
RESULTS = ROOT / "bench" / "results"
MB = 1_000_000  # throughput is reported in decimal megabytes (10^6 bytes) per second

#: The targets of issue 8, as (name, comparison, threshold).
TARGETS = {
    "cold_vs_proselint_throughput": (">=", 10.0),
    "warm_speedup_over_cold": (">=", 50.0),
    "one_file_latency_vs_proselint": ("<=", 1.0),
    "help_vs_import_click": ("<", 2.0),
    "peak_rss_vs_proselint": ("<", 2.0),
    "growth_1x_to_4x": ("<=", 4.4),
    "single_20mb_completes": ("==", 1.0),
    "growth_single_5mb_to_20mb": ("<=", 4.4),
    "jobs2_speedup_over_jobs1": (">=", 1.6),
}


# --------------------------------------------------------------------------- corpus
def load_hosts() -> list[tuple[str, list[str]]]:
    """``(title, paragraphs)`` of every host article, in a fixed order (by id)."""
    records = []
    for path in sorted(HOSTS.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    records.append((rec["id"], rec["title"], rec["paragraphs"]))
    records.sort()
    return [(title, paras) for _, title, paras in records]


def article(title: str, paragraphs: list[str], first: int, target: int) -> str:
    """The title, then paragraphs from index ``first`` onwards (wrapping), until ``target`` bytes."""
    parts = [title]
    size = len(title.encode("utf-8"))
    n = len(paragraphs)
    for k in range(n):
        p = paragraphs[(first + k) % n]
        parts.append(p)
        size += len(p.encode("utf-8")) + 2
        if size >= target:
            break
    return "\n\n".join(parts) + "\n"


def build_corpus(directory: Path, n_files: int, min_bytes: int, hosts) -> dict:
    """Write ``n_files`` article files totalling at least ``min_bytes`` (skipped when already built)."""
    manifest = directory / "MANIFEST.json"
    want = {"files": n_files, "min_bytes": min_bytes, "hosts": len(hosts), "recipe": 1}
    if manifest.is_file():
        got = json.loads(manifest.read_text())
        if {k: got.get(k) for k in want} == want:
            return got
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    written = 0
    for i in range(n_files):
        title, paras = hosts[i % len(hosts)]
        replica = i // len(hosts)
        # Spread what is still missing over the files still to write, so the total reaches min_bytes.
        target = math.ceil((min_bytes - written) / (n_files - i))
        text = article(title, paras, (replica * 2) % len(paras), target)
        data = text.encode("utf-8")
        # 100 files per folder, as in a docs tree.
        path = directory / f"d{i // 100:03d}" / f"a{i:05d}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        written += len(data)
    got = dict(want, bytes=written)
    manifest.write_text(json.dumps(got))
    return got


def build_single(path: Path, min_bytes: int, hosts) -> dict:
    """One long document: every host article (title line, paragraphs) in turn until ``min_bytes``."""
    if path.is_file() and min_bytes <= path.stat().st_size < min_bytes + 20_000:
        return {"bytes": path.stat().st_size}
    chunks, size, i = [], 0, 0
    while size < min_bytes:
        title, paras = hosts[i % len(hosts)]
        chunk = "\n\n".join([title, *paras]) + "\n\n"
        chunks.append(chunk)
        size += len(chunk.encode("utf-8"))
        i += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(chunks), encoding="utf-8")
    return {"bytes": path.stat().st_size}


def corpus_bytes(directory: Path) -> int:
    return sum(p.stat().st_size for p in directory.rglob("*.txt"))


# --------------------------------------------------------------------------- tools
def ensure_proselint(log) -> tuple[list[str], str] | None:
    """proselint's command in ``bench/out/proselint-venv`` (installed with pip when missing)."""
    venv = OUT / "proselint-venv"
    exe = venv / "bin" / "proselint"
    if not exe.exists():
        log("installing proselint into bench/out/proselint-venv (bench only, not a docqa dependency)")
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        done = subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "proselint"],
                              capture_output=True, text=True)
        if done.returncode != 0 or not exe.exists():
            log("proselint could not be installed: " + done.stderr.strip()[-300:])
            return None
    version = subprocess.run([str(venv / "bin" / "python"), "-c",
                              "import importlib.metadata as m; print(m.version('proselint'))"],
                             capture_output=True, text=True).stdout.strip()
    return [str(exe), "check"], version


def docqa_command() -> list[str]:
    """The installed ``docqa`` console script beside this interpreter (what a user runs)."""
    script = Path(sys.executable).parent / "docqa"
    return [str(script)] if script.exists() else [sys.executable, "-m", "docqa"]


def snapshot_code() -> tuple[Path, dict]:
    """A frozen copy of docqa's code and built-in packs under ``bench/out/snapshot``.

    Every docqa run imports it (``PYTHONPATH``), so that edits made to the working tree while the
    benchmark runs cannot change the code between runs; they would also invalidate the warm
    cache, whose key includes a fingerprint of docqa's modules. Returns the directory and what
    was copied (the commit, and any files that differed from it).
    """
    snap = OUT / "snapshot"
    if snap.exists():
        shutil.rmtree(snap)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "docqa", snap / "docqa", ignore=ignore)
    shutil.copytree(ROOT / "rules", snap / "rules", ignore=ignore)
    # Byte-compile the copy, as pip does when it installs a wheel: without this, a shell that sets
    # PYTHONDONTWRITEBYTECODE made every timed docqa run compile its modules from source.
    compileall.compile_dir(snap / "docqa", quiet=1, workers=1)

    def git(*a: str) -> str:
        done = subprocess.run(["git", *a], cwd=ROOT, capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else ""

    dirty = [line[3:] for line in git("status", "--porcelain", "--", "docqa", "rules").splitlines()]
    return snap, {"commit": git("rev-parse", "HEAD"), "uncommitted": dirty}


#: The baseline: read every file and split it into word and punctuation tokens, nothing else.
BARE_PASS = r"""
import os, re, sys
token = re.compile(r"\w+|[^\w\s]")
n = 0
for root in sys.argv[1:]:
    paths = [root] if os.path.isfile(root) else sorted(
        os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith(".txt"))
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            n += len(token.findall(fh.read()))
print(n)
"""


# --------------------------------------------------------------------------- measuring
@dataclass
class Sample:
    """One timed child process."""

    wall: float
    cpu: float
    rss_mib: float
    status: int
    output: Path | None = None
    timed_out: bool = False


#: A small launcher between the benchmark and each measured command. A child's ``ru_maxrss``
#: includes the memory of the process it was forked from (Linux carries the high-water mark
#: across ``exec``), so the benchmark's own ~30 MiB would be a floor under every figure; forking
#: from this minimal interpreter (``-S -I``: no site imports) keeps that floor near 8 MiB, and it
#: is measured and reported (``launcher_floor``). The launcher times fork to reaping and writes
#: wall time, CPU time, peak RSS and exit status as JSON to the pipe it is given.
LAUNCHER = r"""
import os, sys, time, json
fd = int(sys.argv[1])
t = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(sys.argv[2], sys.argv[2:])
    finally:
        os._exit(127)
_, status, ru = os.wait4(pid, 0)
wall = time.perf_counter() - t
os.write(fd, json.dumps([wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss, os.waitstatus_to_exitcode(status)]).encode())
"""


def run_child(cmd: list[str], *, cwd: Path, env: dict | None = None, stdout: Path | None = None,
              timeout: float = 1800.0) -> Sample:
    """Run ``cmd`` through the launcher; wall time from fork to reaping, CPU and peak RSS from
    ``os.wait4`` on the command's own process. A run over ``timeout`` seconds is killed."""
    out = stdout.open("wb") if stdout else subprocess.DEVNULL
    read_fd, write_fd = os.pipe()
    timed_out = threading.Event()
    try:
        proc = subprocess.Popen([sys.executable, "-S", "-I", "-c", LAUNCHER, str(write_fd), *cmd],
                                cwd=cwd, env=env, stdout=out, stderr=subprocess.DEVNULL,
                                pass_fds=(write_fd,), start_new_session=True)
        os.close(write_fd)

        def kill() -> None:
            timed_out.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        with os.fdopen(read_fd, "rb") as pipe:
            raw = pipe.read()
        proc.wait()
        timer.cancel()
    finally:
        if stdout:
            out.close()
    if not raw:  # killed: no report from the launcher
        return Sample(timeout, 0.0, 0.0, -9, stdout, True)
    wall, cpu, rss_kib, status = json.loads(raw)
    return Sample(wall, cpu, rss_kib / 1024, status, stdout, timed_out.is_set())


@dataclass
class Series:
    """Repeated samples of one configuration."""

    name: str
    nbytes: int = 0
    samples: list[Sample] = field(default_factory=list)

    def add(self, s: Sample) -> Sample:
        self.samples.append(s)
        return s

    @property
    def wall(self) -> float:
        return statistics.median(s.wall for s in self.samples)

    @property
    def rss(self) -> float:
        return max(s.rss_mib for s in self.samples)

    def summary(self) -> dict:
        d = {
            "runs": len(self.samples),
            "wall_s_median": round(self.wall, 4),
            "wall_s_all": [round(s.wall, 4) for s in self.samples],
            "cpu_s_median": round(statistics.median(s.cpu for s in self.samples), 3),
            "peak_rss_mib": round(self.rss, 1),
            "exit_status": sorted({s.status for s in self.samples}),
            "timed_out": any(s.timed_out for s in self.samples),
        }
        if self.nbytes:
            d["bytes"] = self.nbytes
            d["mb_per_s"] = round(self.nbytes / MB / self.wall, 3)
        return d


def same_output(a: Path, b: Path) -> bool:
    return a.read_bytes() == b.read_bytes()


# --------------------------------------------------------------------------- the run
SINGLE_LADDER_MB = (1.25, 5, 20)
#: A ladder step may take this much longer than linear growth from the step before allows.
LADDER_MARGIN = 1.5


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="an eighth of the sizes and one repetition")
    ap.add_argument("--repeats", type=int, help="repetitions of the corpus runs (default 3; 1 with --quick)")
    ap.add_argument("--latency-runs", type=int, help="runs of each one-file and start-up measurement (default 7)")
    ap.add_argument("--single-budget", type=float, default=240.0,
                    help="seconds the whole single-file ladder may take (default 240)")
    ap.add_argument("--no-proselint", action="store_true", help="skip proselint (ratios to it are then absent)")
    ap.add_argument("--no-single", action="store_true", help="skip the single-file ladder")
    ap.add_argument("--live", action="store_true",
                    help="measure the working tree itself, not a frozen snapshot of it")
    ap.add_argument("--results", type=Path, default=RESULTS, help="where perf.json and perf.md go")
    args = ap.parse_args(argv)

    scale = 8 if args.quick else 1
    repeats = args.repeats or (1 if args.quick else 3)
    lat_runs = args.latency_runs or (3 if args.quick else 7)
    tag = "quick" if args.quick else "full"

    def log(msg: str) -> None:
        print(f"[perf {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)

    OUT.mkdir(parents=True, exist_ok=True)
    hosts = load_hosts()
    c1 = OUT / f"corpus-1x-{tag}"
    c4 = OUT / f"corpus-4x-{tag}"
    build_corpus(c1, 2000 // scale, 4 * MB // scale, hosts)
    build_corpus(c4, 4 * 2000 // scale, 4 * 4 * MB // scale, hosts)
    ladder = [] if args.no_single else [OUT / f"single-{mb / scale:g}mb.txt" for mb in SINGLE_LADDER_MB]
    for mb, path in zip(SINGLE_LADDER_MB, ladder):
        build_single(path, int(mb * MB) // scale, hosts)
    # A typical small file for the one-file latency: the median-sized article of the corpus.
    sized = sorted(c1.rglob("*.txt"), key=lambda p: p.stat().st_size)
    small = sized[len(sized) // 2]
    b1, b4 = corpus_bytes(c1), corpus_bytes(c4)
    log(f"corpus 1x: {len(sized)} files, {b1 / MB:.2f} MB; 4x: {b4 / MB:.2f} MB; small file {small.stat().st_size} bytes")

    # One config for every docqa run: the defaults, plus a size limit that admits the 20 MB file.
    config = OUT / "docqa-bench.toml"
    config.write_text("# written by bench/perf.py: default rules; admit the 20 MB single file\n"
                      "max-file-size = 100000000\n")
    docqa = docqa_command()
    lint = [*docqa, "lint", "--config", str(config), "--exit-zero", "-q"]
    prose = None if args.no_proselint else ensure_proselint(log)
    ncpu = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()

    work = Path(tempfile.mkdtemp(prefix="run-", dir=OUT))
    env = dict(os.environ)
    # Installed programs (proselint in its venv, docqa from a wheel) run from compiled bytecode;
    # docqa's snapshot is compiled in snapshot_code() and may cache what it imports from it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    code = {"snapshot": None}
    if not args.live:
        snap, code = snapshot_code()
        code["snapshot"] = str(snap.relative_to(ROOT))
        env["PYTHONPATH"] = str(snap) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    # Untimed: compile the snapshot's modules, load every rule once and build docqa's word tables
    # (docqa.wordstats: built once per machine from the installed packages), so no timed run
    # pays for what only the first run after installing docqa pays.
    # The whole 1x corpus is linted once, so that every table a corpus run can need is built.
    tables = work / "tables"
    env["DOCQA_CACHE_DIR"] = str(tables)
    run_child([*lint, "--no-cache", c1.name], cwd=OUT, env=env)

    def cache_env(name: str) -> dict:
        """A fresh cache directory: no cached results, but what docqa keeps per machine already
        there: the word tables, the compiled patterns, the remembered entry-point list and the
        validity markers of the built-in pack and the bench's config (each made once, by docqa's
        first run)."""
        directory = work / name
        if not directory.exists():
            shutil.copytree(tables, directory, ignore=shutil.ignore_patterns("results-*"))
        return dict(env, DOCQA_CACHE_DIR=str(directory))

    series = {name: Series(name) for name in (
        "docqa_cold", "docqa_warm", "docqa_cold_jobs1", "proselint", "bare", "docqa_cold_4x",
        "docqa_one_file", "proselint_one_file", "docqa_help", "import_click", "launcher_floor")}
    for name in ("docqa_cold", "docqa_warm", "docqa_cold_jobs1", "proselint", "bare"):
        series[name].nbytes = b1
    series["docqa_cold_4x"].nbytes = b4
    identical: list[bool] = []
    findings_lines: list[int] = []
    internal_errors: list[int] = []  # DQA001 lines: a rule that crashed on a file
    load_before = os.getloadavg()
    t0 = time.perf_counter()

    # Corpus runs, alternating tools within each repetition so that load drifts hit all of them.
    for rep in range(repeats):
        cache = f"cache-{rep}"
        out_default, out_warm, out_j1 = work / f"default-{rep}.out", work / f"warm-{rep}.out", work / f"jobs1-{rep}.out"
        s = series["docqa_cold"].add(run_child([*lint, c1.name], cwd=OUT, env=cache_env(cache), stdout=out_default))
        findings_lines.append(len(out_default.read_bytes().splitlines()))
        internal_errors.append(out_default.read_bytes().count(b"DQA001"))
        log(f"rep {rep + 1}/{repeats}: docqa cold {s.wall:.2f} s, {s.rss_mib:.0f} MiB, status {s.status}")
        s = series["docqa_warm"].add(run_child([*lint, c1.name], cwd=OUT, env=cache_env(cache), stdout=out_warm))
        identical.append(same_output(out_warm, out_default))
        log(f"rep {rep + 1}/{repeats}: docqa warm {s.wall:.2f} s, output identical to cold: {identical[-1]}")
        if prose:
            s = series["proselint"].add(run_child([*prose[0], c1.name], cwd=OUT))
            log(f"rep {rep + 1}/{repeats}: proselint {s.wall:.2f} s, {s.rss_mib:.0f} MiB")
        s = series["bare"].add(run_child([sys.executable, "-c", BARE_PASS, c1.name], cwd=OUT))
        log(f"rep {rep + 1}/{repeats}: bare pass {s.wall:.2f} s")
        if rep < max(1, repeats - 1):  # the slowest configuration: one repetition fewer
            s = series["docqa_cold_jobs1"].add(run_child(
                [*lint, "--jobs", "1", c1.name], cwd=OUT, env=cache_env(f"cache-j1-{rep}"), stdout=out_j1))
            identical.append(same_output(out_j1, out_default))
            log(f"rep {rep + 1}/{repeats}: docqa --jobs 1 {s.wall:.2f} s, {s.rss_mib:.0f} MiB, "
                f"output identical to the default --jobs: {identical[-1]}")
        for name in (cache, f"cache-j1-{rep}"):
            shutil.rmtree(work / name, ignore_errors=True)

    s = series["docqa_cold_4x"].add(run_child([*lint, c4.name], cwd=OUT, env=cache_env("cache-4x")))
    log(f"docqa cold 4x corpus {s.wall:.2f} s")

    # The single-file ladder: each step 4x the one before; killed beyond linear growth or the budget.
    single: list[dict] = []
    spent, previous = 0.0, None
    for path in ladder:
        size = path.stat().st_size
        remaining = args.single_budget - spent
        bound = remaining if previous is None else min(remaining, previous * 4.4 * LADDER_MARGIN)
        if bound <= 1:
            single.append({"bytes": size, "wall_s": None, "completed": False, "skipped": True,
                           "why": "the single-file budget was spent"})
            continue
        s = run_child([*lint, "--no-cache", path.name], cwd=OUT, env=env, timeout=bound)
        spent += s.wall
        step = {"bytes": size, "wall_s": round(s.wall, 3), "cpu_s": round(s.cpu, 2),
                "completed": not s.timed_out, "status": s.status,
                "peak_rss_mib": round(s.rss_mib, 1), "mb_per_s": round(size / MB / s.wall, 3),
                "killed_at_s": round(bound, 1) if s.timed_out else None}
        single.append(step)
        log(f"docqa {path.name}: {s.wall:.1f} s{' (killed)' if s.timed_out else ''}, {s.rss_mib:.0f} MiB")
        if s.timed_out:
            for rest in ladder[ladder.index(path) + 1:]:
                single.append({"bytes": rest.stat().st_size, "wall_s": None, "completed": False,
                               "skipped": True, "why": "the step before was killed"})
            break
        previous = s.wall

    # Latency: one small file and start-up, alternating, median of several runs.
    for _ in range(lat_runs):
        series["docqa_one_file"].add(run_child([*lint, "--no-cache", str(small)], cwd=OUT, env=env))
        if prose:
            series["proselint_one_file"].add(run_child([*prose[0], str(small)], cwd=OUT))
        series["docqa_help"].add(run_child([*docqa, "--help"], cwd=OUT, env=env))
        series["import_click"].add(run_child([sys.executable, "-c", "import click"], cwd=OUT))
        series["launcher_floor"].add(run_child([shutil.which("true") or "/bin/true"], cwd=OUT))
    log(f"one file: docqa {series['docqa_one_file'].wall:.3f} s"
        + (f", proselint {series['proselint_one_file'].wall:.3f} s" if prose else "")
        + f"; --help {series['docqa_help'].wall:.3f} s vs import click {series['import_click'].wall:.3f} s")
    elapsed = time.perf_counter() - t0
    load_after = os.getloadavg()
    shutil.rmtree(work, ignore_errors=True)

    S = {k: v for k, v in series.items() if v.samples}
    have_p = "proselint" in S
    ratios: dict[str, float | None] = {}

    def ratio(name: str, value: float | None) -> None:
        ratios[name] = None if value is None else round(value, 3)

    ratio("cold_vs_proselint_throughput", S["proselint"].wall / S["docqa_cold"].wall if have_p else None)
    ratio("warm_speedup_over_cold", S["docqa_cold"].wall / S["docqa_warm"].wall)
    ratio("one_file_latency_vs_proselint",
          S["docqa_one_file"].wall / S["proselint_one_file"].wall if have_p else None)
    ratio("help_vs_import_click", S["docqa_help"].wall / S["import_click"].wall)
    # Like for like: one docqa process (--jobs 1) against proselint's one process.
    ratio("peak_rss_vs_proselint", S["docqa_cold_jobs1"].rss / S["proselint"].rss if have_p else None)
    ratio("growth_1x_to_4x", S["docqa_cold_4x"].wall / S["docqa_cold"].wall)
    big = single[-1] if single else None
    ratio("single_20mb_completes", None if big is None else float(big["completed"]))
    if len(single) >= 2 and single[-1]["completed"] and single[-2]["completed"]:
        ratio("growth_single_5mb_to_20mb", single[-1]["wall_s"] / single[-2]["wall_s"])
    else:
        ratio("growth_single_5mb_to_20mb", None)
    ratio("jobs2_speedup_over_jobs1", S["docqa_cold_jobs1"].wall / S["docqa_cold"].wall)
    ratio("bare_vs_proselint_throughput", S["proselint"].wall / S["bare"].wall if have_p else None)
    ratio("docqa_cold_vs_bare_time", S["docqa_cold"].wall / S["bare"].wall)
    verdicts = {}
    for name, (op, bar) in TARGETS.items():
        v = ratios.get(name)
        verdicts[name] = None if v is None else {">=": v >= bar, "<=": v <= bar, "<": v < bar, "==": v == bar}[op]
    if verdicts["growth_single_5mb_to_20mb"] is None and single and not single[-1]["completed"]:
        verdicts["growth_single_5mb_to_20mb"] = False  # a killed step grew faster than linearly
    command = "python bench/perf.py" + (" --quick" if args.quick else "") + (
        f" --repeats {args.repeats}" if args.repeats else "") + (" --live" if args.live else "") + (
        f" --single-budget {args.single_budget:g}" if args.single_budget != 240.0 else "")
    report = {
        "command": command,
        "quick": args.quick,
        "machine": {"cpus": ncpu, "python": platform.python_version(), "platform": platform.platform(),
                    "load_average_before": [round(x, 2) for x in load_before],
                    "load_average_after": [round(x, 2) for x in load_after]},
        "tools": {"docqa": "docqa lint --exit-zero -q (default rules, default --jobs = one per CPU)",
                  "proselint": prose[1] if prose else None},
        "corpus": {"files_1x": len(sized), "bytes_1x": b1, "bytes_4x": b4,
                   "small_file_bytes": small.stat().st_size},
        "series": {k: v.summary() for k, v in S.items()},
        "single_file_ladder": single,
        "ratios": ratios,
        "targets": {k: {"op": op, "bar": bar, "value": ratios.get(k), "met": verdicts[k]}
                    for k, (op, bar) in TARGETS.items()},
        "output_identical": {"jobs1_and_warm_vs_default": all(identical) if identical else None,
                             "comparisons": len(identical)},
        "output_lines_per_cold_run": findings_lines,
        "internal_errors_per_cold_run": internal_errors,
        "code": code,
        "elapsed_s": round(elapsed, 1),
    }
    args.results.mkdir(parents=True, exist_ok=True)
    suffix = "-quick" if args.quick else ""
    (args.results / f"perf{suffix}.json").write_text(json.dumps(report, indent=2) + "\n")
    (args.results / f"perf{suffix}.md").write_text(markdown(report))
    print(markdown(report))
    return 0


def markdown(r: dict) -> str:
    """The README fragment: the figures, the targets and whether each is met."""
    S, R = r["series"], r["ratios"]

    def row(label: str, key: str) -> str:
        s = S.get(key)
        if not s:
            return f"| {label} | not run | | | |"
        mbs = f"{s['mb_per_s']:.2f}" if "mb_per_s" in s else ""
        return f"| {label} | {s['wall_s_median']:.3f} | {s['cpu_s_median']:.2f} | {mbs} | {s['peak_rss_mib']:.0f} |"

    def ladder_row(step: dict) -> str:
        label = f"docqa lint, one {step['bytes'] / MB:.2f} MB file"
        if step.get("skipped"):
            return f"| {label} | skipped: {step['why']} | | | |"
        if not step["completed"]:
            return f"| {label} | killed at {step['killed_at_s']:.0f} s | | | |"
        return f"| {label} | {step['wall_s']:.1f} | {step['cpu_s']:.1f} | {step['mb_per_s']:.2f} | {step['peak_rss_mib']:.0f} |"

    def verdict(key: str) -> str:
        t = r["targets"][key]
        met = "met" if t["met"] else ("**not met**" if t["met"] is False else "not measured")
        value = "" if t["value"] is None else f"{t['value']:g}"
        return f"| {key} | {t['op']} {t['bar']:g} | {value} | {met} |"

    c, m = r["corpus"], r["machine"]
    lines = [
        "### Speed",
        "",
        f"Measured with `{r['command']}` ({r['elapsed_s'] / 60:.0f} min) on {m['cpus']} CPUs shared with other "
        f"jobs (load average {m['load_average_before'][0]} before, {m['load_average_after'][0]} after), "
        f"Python {m['python']}, proselint {r['tools']['proselint'] or '(not installed)'}. Corpus: "
        f"{c['files_1x']:,} files, {c['bytes_1x'] / MB:.2f} MB (the shared host articles replicated); 4x corpus "
        f"{c['bytes_4x'] / MB:.2f} MB. Times are medians of alternating runs ({S['docqa_cold']['runs']} per corpus "
        "configuration); peak RSS is the child's own `ru_maxrss` (for docqa's worker pool, its largest process). "
        "A cold run starts with no cached results; what docqa keeps per machine (built once, on its first run: "
        "the word tables from the installed packages, the compiled regular-expression programs, the list of "
        "rule entry points, and the validity markers of the built-in pack and the config) is made in an untimed warm-up, as the module bytecode is.",
        "",
        "| run | wall s | CPU s | MB/s | peak RSS MiB |",
        "|---|---:|---:|---:|---:|",
        row("docqa lint, cold cache (default --jobs)", "docqa_cold"),
        row("docqa lint, warm cache", "docqa_warm"),
        row("docqa lint --jobs 1, cold cache", "docqa_cold_jobs1"),
        row("proselint check", "proselint"),
        row("bare read and tokenise (Python)", "bare"),
        row("docqa lint, 4x corpus, cold", "docqa_cold_4x"),
        *(ladder_row(step) for step in r["single_file_ladder"]),
        row("docqa lint, one small file", "docqa_one_file"),
        row("proselint check, one small file", "proselint_one_file"),
        row("docqa --help", "docqa_help"),
        row('python -c "import click"', "import_click"),
        row("`true` (the launcher's floor under every figure)", "launcher_floor"),
        "",
        "| target (issue 8) | bar | measured | |",
        "|---|---|---:|---|",
        *(verdict(k) for k in r["targets"]),
        "",
        f"Output of `--jobs 1` and of the warm run identical to the default cold run: "
        f"{r['output_identical']['jobs1_and_warm_vs_default']} ({r['output_identical']['comparisons']} comparisons). "
        f"The bare pass is {R.get('bare_vs_proselint_throughput')}x faster than proselint; docqa cold takes "
        f"{R.get('docqa_cold_vs_bare_time')}x the bare pass's time.",
        "",
    ]
    if any(r["internal_errors_per_cold_run"]):
        lines += [f"Internal errors (DQA001: a rule crashed on a file) per cold run: {r['internal_errors_per_cold_run']}. "
                  "A file with one is never cached, so every warm run lints it again and loads every rule's data.", ""]
    code = r.get("code") or {}
    if code.get("snapshot"):
        dirty = f" plus uncommitted changes to {len(code['uncommitted'])} file(s)" if code.get("uncommitted") else ""
        lines += [f"Code measured: a snapshot of commit {code['commit'][:10]}{dirty}.", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
