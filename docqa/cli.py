"""The ``docqa`` command line.

Exit codes: 0 no finding at or above the fail level; 1 findings (or, with ``--diff``, changes to
make); 2 a usage, configuration or rule-pack error, or an internal error.
Configuration and flags share one path: the config file gives defaults, flags override them.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Sequence

import click

from . import __version__

FAIL_LEVELS = ("error", "warning", "info")


class DocqaError(click.ClickException):
    """An error the user can fix (config, rule pack, selector): one line, exit 2."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"docqa: error: {self.format_message()}", err=True)


def _split(values: Sequence[str]) -> tuple[str, ...]:
    """``--select A,B --select C`` -> ``("A", "B", "C")``."""
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def _use_color(no_color: bool, stream=None) -> bool:
    if no_color or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    stream = stream or sys.stdout
    return bool(getattr(stream, "isatty", lambda: False)())


def load_settings(config: Path | None, **overrides):
    """Config file (explicit, or discovered upwards from the working directory) + flag overrides."""
    from .config import ConfigError, find_config, load_config, settings_from_table

    try:
        if config is not None:
            path, table = load_config(config)
        else:
            found = find_config(Path.cwd())
            path, table = found if found else (None, {})
        settings = settings_from_table(
            table, str(path) if path else None, str(path.parent.resolve()) if path else str(Path.cwd())
        )
    except ConfigError as exc:
        raise DocqaError(str(exc)) from None
    changes = {k: v for k, v in overrides.items() if v is not None and v != ()}
    return replace(settings, **changes) if changes else settings


def build_rules(settings, *, all_rules: bool = False):
    """The registry of a run (built-ins, plugins, user packs) and the selected rule instances."""
    from .engine import RuleOptionError, instantiate
    from .packs import load_packs
    from .registry import Registry, RegistryError

    try:
        extra = load_packs(_resolve(settings.root, settings.rule_packs)) if settings.rule_packs else []
        registry = Registry.load(extra)
        if all_rules:
            classes = registry.select(["ALL"])
        else:
            classes = registry.select(settings.select, settings.ignore, settings.extend_select)
        return registry, instantiate(classes, settings)
    except (RegistryError, RuleOptionError) as exc:
        raise DocqaError(str(exc)) from None
    except Exception as exc:
        if type(exc).__name__ == "PackError":
            raise DocqaError(str(exc)) from None
        raise


def _resolve(root: str, paths: Sequence[str]) -> list[Path]:
    return [p if p.is_absolute() else Path(root) / p for p in map(Path, paths)]


def _discover(paths: Sequence[Path], settings) -> list[tuple[Path, str]]:
    from .files import discover

    missing = [p for p in paths if not p.exists() and not p.is_symlink()]
    if missing:
        raise DocqaError(f"path does not exist: {missing[0]}")
    return discover(
        paths or [Path(".")], extensions=settings.extensions,
        exclude=settings.exclude + settings.extend_exclude, root=Path(settings.root),
    )


def _per_file_ignores(settings, display: str) -> tuple[str, ...]:
    if not settings.per_file_ignores:
        return ()
    import pathspec

    from .files import real_path

    rel = display
    try:
        rel = real_path(Path(display)).relative_to(Path(settings.root)).as_posix()
    except ValueError:
        pass
    codes: list[str] = []
    for glob, selectors in settings.per_file_ignores.items():
        if pathspec.GitIgnoreSpec.from_lines([glob]).match_file(rel):
            codes.extend(s.upper() for s in selectors)
    return tuple(codes)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="docqa")
def cli() -> None:
    """docqa: a document-quality and provenance linter for prose.

    Finds off-topic drift, SEO and content-farm boilerplate, casing, spacing and spelling slips,
    and uncited statistics, with exact line and column and the evidence for each finding.

    \b
    Examples:
      docqa lint seeds/                    lint a directory (default: .)
      docqa lint --format json notes.md    machine-readable output
      docqa lint --fix docs/               apply safe fixes
      docqa rules                          list rules
      docqa explain CAS001                 document one rule
    """


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", default="text", show_default=True, metavar="FORMAT",
              help="Output format: text, json, or any installed docqa reporter (see docqa lint --help-formats).")
@click.option("--select", multiple=True, metavar="CODES", help="Only these rules: codes, prefixes, names or families (comma-separated; repeatable).")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules (comma-separated; repeatable).")
@click.option("--extend-select", multiple=True, metavar="CODES", help="Add rules to the selection, e.g. off-by-default ones.")
@click.option("--fail-on", type=click.Choice(FAIL_LEVELS), help="Lowest severity that makes the exit status 1 [default: warning].")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--fix", is_flag=True, help="Apply safe fixes in place (atomic writes).")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply unsafe fixes too.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; write nothing.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only: no summary when clean, no notices.")
@click.option("--no-color", is_flag=True, help="Never colour the output (colour is used only on a terminal).")
@click.option("--config", type=click.Path(path_type=Path, dir_okay=False), help="Config file (default: nearest .docqa.toml or pyproject.toml with [tool.docqa]).")
@click.option("--languagetool-url", metavar="URL", envvar="DOCQA_LANGUAGETOOL_URL", help="LanguageTool server for grammar checks [env: DOCQA_LANGUAGETOOL_URL].")
@click.option("-o", "--output-file", type=click.Path(path_type=Path, dir_okay=False), help="Write the report to this file instead of standard output.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, help="Parallel worker processes (default 0: one per CPU).")
@click.option("--no-cache", is_flag=True, help="Do not read or write the result cache.")
@click.option("--baseline", type=click.Path(path_type=Path, dir_okay=False), help="Report only findings not recorded in this baseline file.")
@click.option("--write-baseline", type=click.Path(path_type=Path, dir_okay=False), help="Record the current findings in this baseline file (and exit 0).")
@click.option("--diff-base", metavar="REV", help="Report only findings on lines added or changed since git revision REV.")
@click.option("--help-formats", is_flag=True, help="List the output formats and exit.")
def lint(paths, fmt, select, ignore, extend_select, fail_on, exit_zero, fix, unsafe_fixes, diff,
         quiet, no_color, config, languagetool_url, output_file, jobs, no_cache, baseline,
         write_baseline, diff_base, help_formats):
    """Lint files and directories (default: the current directory).

    Directories are searched for .txt, .md, .markdown and .rst files. Exit status: 0 clean,
    1 findings at or above --fail-on, 2 usage, configuration or internal error.
    """
    from .finding import Severity
    from .reporters import RunReport, available, get_reporter
    from .runner import Job, LazyRules, rules_loaded, run_files

    if help_formats:
        click.echo("\n".join(available()))
        return
    try:
        reporter_cls = get_reporter(fmt)
    except (KeyError, TypeError) as exc:
        raise click.BadParameter(str(exc).strip("'\""), param_hint="'--format'") from None
    if unsafe_fixes and not (fix or diff):
        raise click.UsageError("--unsafe-fixes needs --fix or --diff")

    settings = load_settings(
        config, select=_split(select) or None, extend_select=_split(extend_select) or None,
        fail_on=Severity.parse(fail_on) if fail_on else None, languagetool_url=languagetool_url,
    )
    if ignore:  # flags add to the config's ignore list; --select replaces the selection
        settings = replace(settings, ignore=settings.ignore + _split(ignore))
    # docqa builds millions of small acyclic objects (tokens, nodes) for a large document; the
    # cyclic collector's default thresholds rescan them over and over (7% of the time on a 5 MB
    # file). Collections still run, just less often; this is the CLI's process, not a library's.
    import gc

    gc.set_threshold(100_000, 50, 100)
    use_cache = not no_cache and not (fix or diff)
    # With the cache on, the rules are built only if some file is not served from it; without it
    # they are built now, so that a broken rule pack or option fails before any file is read.
    rules = LazyRules(lambda: build_rules(settings)[1]) if use_cache else build_rules(settings)[1]
    files = _discover(list(paths), settings)
    job = Job(rules=rules, settings=settings, fix=fix, unsafe_fixes=unsafe_fixes, diff=diff, use_cache=use_cache)
    work = [(p, d, _per_file_ignores(settings, d)) for p, d in files]
    reporter = reporter_cls(color=_use_color(no_color or output_file is not None))

    try:
        results = run_files(work, job, jobs=jobs, progress=not reporter.machine and not quiet)
    finally:
        notices = []
        if rules_loaded(rules):
            for rule in rules:
                notices.extend(rule.notices())
                rule.close()
        else:
            notices = list(job.cached_notices or ())

    if diff_base:
        from .gitdiff import GitDiffError, filter_changed_lines

        try:
            results = filter_changed_lines(results, diff_base, Path(settings.root))
        except GitDiffError as exc:
            raise DocqaError(str(exc)) from None
    if write_baseline:
        from .baseline import write_baseline as write_bl

        write_bl(write_baseline, results)
        click.echo(f"docqa: wrote {sum(len(r.findings) for r in results)} findings to baseline {write_baseline}", err=True)
        sys.exit(0)
    if baseline is None and settings.baseline and not write_baseline:
        baseline = _resolve(settings.root, [settings.baseline])[0]
    if baseline:
        from .baseline import BaselineError, apply_baseline

        try:
            results = apply_baseline(baseline, results)
        except BaselineError as exc:
            raise DocqaError(str(exc)) from None

    if not reporter.machine:
        reporter.quiet = quiet  # type: ignore[attr-defined]
    listed = [type(r) for r in rules] if rules_loaded(rules) or reporter.lists_rules else []
    run = RunReport(results=results, version=__version__, rules=listed, notices=notices, fix_mode=fix)
    if diff:
        diffs = "".join(r.diff for r in results if r.diff)
        _emit(diffs, output_file)
    else:
        _emit(reporter.render(run), output_file, reporter.color)
    if not quiet:
        for r in results:
            for note in r.notices:
                click.echo(f"docqa: {note}", err=True)
        for note in notices:
            click.echo(f"docqa: {note}", err=True)

    if any(f.code == "DQA001" for f in run.findings):
        sys.exit(2)
    if diff:
        sys.exit(1 if any(r.diff for r in results) and not exit_zero else 0)
    threshold = settings.fail_on.rank
    failing = any(f.severity.rank >= threshold for f in run.findings)
    sys.exit(1 if failing and not exit_zero else 0)


def _emit(text: str, output_file: Path | None, color: bool = False) -> None:
    if output_file is None:
        click.echo(text, nl=False, color=color)  # click strips ANSI codes off a TTY unless told
        return
    try:
        # A report path such as reports/docqa.sarif in CI: its folder is created, as ruff does.
        output_file.parent.mkdir(parents=True, exist_ok=True)
        output_file.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise DocqaError(f"cannot write {output_file}: {exc.strerror or exc}") from None


@cli.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
@click.option("--config", type=click.Path(path_type=Path, dir_okay=False))
def rules_cmd(fmt, config):
    """List every rule: code, name, family, default severity, summary (off-by-default ones too)."""
    import json

    settings = load_settings(config)
    registry, _ = build_rules(settings, all_rules=True)
    rows = list(registry)
    if fmt == "json":
        click.echo(json.dumps([
            {"code": r.code, "name": r.name, "family": r.family.value, "severity": r.severity.value,
             "default_enabled": r.default_enabled, "fixable": r.fixable, "summary": r.summary()}
            for r in rows
        ], indent=2))
        return
    if fmt == "markdown":
        click.echo("| code | name | family | severity | default | fix | summary |")
        click.echo("|---|---|---|---|---|---|---|")
        for r in rows:
            summary = r.summary().replace("|", "\\|")
            click.echo(f"| {r.code} | {r.name} | {r.family.value} | {r.severity.value} | "
                       f"{'on' if r.default_enabled else 'off'} | {'yes' if r.fixable else ''} | {summary} |")
        return
    for r in rows:
        on = "+" if r.default_enabled else "-"
        fixmark = "*" if r.fixable else " "
        click.echo(f"{r.code}  {on}{fixmark} {r.name:<34} {r.family.value:<12} {r.severity.value:<8} {r.summary()}")
    click.echo("\n+ on by default, - off by default (select it by code), * fixable")


@cli.command()
@click.argument("code")
@click.option("--config", type=click.Path(path_type=Path, dir_okay=False))
def explain(code, config):
    """Print a rule's documentation, options and examples."""
    settings = load_settings(config)
    registry, _ = build_rules(settings, all_rules=True)
    rule = registry.get(code) or next((r for r in registry if r.name == code.lower()), None)
    if rule is None:
        raise DocqaError(f"unknown rule {code!r}; `docqa rules` lists them")
    state = "on by default" if rule.default_enabled else "off by default"
    click.echo(f"{rule.code} ({rule.name})")
    click.echo(f"family: {rule.family.value}; default severity: {rule.severity.value}; {state}; "
               f"{'fixable' if rule.fixable else 'not fixable'}")
    click.echo()
    click.echo(rule.doc())
    if rule.options:
        click.echo()
        click.echo(f"Options ([tool.docqa.rules.{rule.code}]):")
        for key, value in rule.options.items():
            click.echo(f"    {key} = {value!r}")


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--config", type=click.Path(path_type=Path, dir_okay=False))
def stats(paths, fmt, config):
    """Per-file statistics: words, sentences, readability, provenance and findings per family."""
    from .document import parse
    from .engine import lint_document
    from .files import FileProblem, read_source
    from . import stats as stats_mod

    settings = load_settings(config)
    _, rules = build_rules(settings)
    rows = []
    try:
        for path, display in _discover(list(paths), settings):
            try:
                source = read_source(path, display, settings.max_file_size)
            except FileProblem as exc:
                click.echo(f"docqa: {display}: {exc}", err=True)
                continue
            doc = parse(source.text, display)
            rows.append(stats_mod.file_stats(doc, lint_document(doc, rules, settings)))
    finally:
        for rule in rules:
            rule.close()
    click.echo(stats_mod.render_stats(rows, fmt), nl=False)


@cli.command()
@click.argument("packs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--config", type=click.Path(path_type=Path, dir_okay=False), help="Also validate this config file.")
def validate(packs, config):
    """Validate rule packs (default: the built-in packs and those named in the config) and the config."""
    from .packs import validate_paths

    settings = load_settings(config)  # raises with a precise message when the config is broken
    targets = list(packs) or _resolve(settings.root, settings.rule_packs)
    errors = validate_paths(targets)
    for e in errors:
        click.echo(f"docqa: error: {e}", err=True)
    if errors:
        sys.exit(2)
    what = f"{len(targets)} pack path(s)" if targets else "built-in packs"
    click.echo(f"docqa: {what} and config OK")


@cli.command()
@click.option("--config", type=click.Path(path_type=Path, dir_okay=False))
def clean(config):
    """Delete docqa's caches: cached results, plugin lists, validity markers, and the word tables
    and compiled patterns built from the installed packages (rebuilt on the next run)."""
    from .cache import clean_cache_dir, default_dir

    settings = load_settings(config)
    directories = [default_dir()]
    if settings.cache_dir:
        configured = Path(settings.cache_dir)
        directories.append(configured if configured.is_absolute() else Path(settings.root) / configured)
    for directory in dict.fromkeys(d.resolve() for d in directories):
        count, size = clean_cache_dir(directory)
        if count:
            click.echo(f"docqa: removed {count} file(s), {size / 2**20:.1f} MiB, from {directory}")
        else:
            click.echo(f"docqa: nothing to remove in {directory}")


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: run the CLI; turn any unexpected exception into one line and exit 2."""
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="docqa", standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo("docqa: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # an internal error: one line, no traceback (DOCQA_DEBUG=1 shows it)
        if os.environ.get("DOCQA_DEBUG"):
            raise
        click.echo(f"docqa: internal error: {type(exc).__name__}: {exc} (set DOCQA_DEBUG=1 for a traceback)", err=True)
        sys.exit(2)
