"""The command line (click only): parse options, make one library call, render, exit."""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
from pathlib import Path

import click
from tabulate import tabulate

from . import __version__, baseline
from .api import check as run_check
from .config import FAIL_ON, Config, load_config
from .corpus import build_index, load_sources
from .errors import FactcheckError
from .reporters import REPORTERS, render


class InputProblem(click.ClickException):
    """Usage or input errors: exit status 2, as the contract says."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"factcheck: error: {self.format_message()}", err=True)


def write_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename, so a failed run
    leaves the previous report whole."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; a report is an ordinary file
        os.replace(tmp, p)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def emit(text: str, output: str | None) -> None:
    if output:
        write_atomic(output, text)
    else:
        click.echo(text, nl=False)


def _config() -> Config:
    try:
        return load_config(".")
    except FactcheckError as e:
        raise InputProblem(str(e)) from None


def _corpus(sources: str | None, config: Config):
    """The sources, through the on-disk index when it exists."""
    index = config.index if Path(config.index).exists() else None
    try:
        corpus = load_sources(sources or config.sources, config.max_bytes, config.alias_map(), index)
    except FactcheckError as e:
        raise InputProblem(str(e)) from None
    _say_rebuilt(index, corpus.index_stats)
    return corpus


def _say_rebuilt(index, stats: dict | None) -> None:
    if stats and stats.get("rebuilt"):
        click.echo(f"factcheck: the index at {index} could not be trusted ({stats['rebuilt']}); rebuilt it", err=True)


sources_option = click.option(
    "--sources",
    "sources",
    metavar="DIR",
    default=None,
    help="Folder of source articles. Default: the 'sources' setting in setup.cfg [factcheck] or pyproject.toml [tool.factcheck], else ./sources.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
def main() -> None:
    """Check quotes and claims in news copy against a folder of source articles."""


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@sources_option
@click.option(
    "--format",
    "fmt",
    default=None,
    metavar="FMT",
    help=f"Report format: {', '.join(sorted(REPORTERS))}. Default: table.",
)
@click.option(
    "--output",
    "-o",
    metavar="FILE",
    default=None,
    help="Write the report to FILE (folders are created; the write is atomic) instead of standard output.",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default=None,
    help="Exit 1 when an item is at or above this severity. Default: error.",
)
@click.option("--tablefmt", default="simple", show_default=True, help="tabulate table style for --format table.")
@click.option(
    "--baseline",
    "baseline_file",
    metavar="FILE",
    default=None,
    help="Report only findings not recorded in FILE (made by 'factcheck baseline').",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where the index lives: in this process, or in shards on Dask workers (pip install 'factcheck[dask]').",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="With --engine dask: the scheduler, e.g. tcp://host:8786. Default: a local cluster of two worker processes.",
)
@click.option(
    "--quote-min-similarity",
    type=click.FloatRange(0, 1),
    default=None,
    help="Below this word similarity no source quote is close enough (unsupported). Default: 0.6.",
)
@click.option(
    "--claim-verify-coverage",
    type=click.FloatRange(0, 1),
    default=None,
    help="Share of a claim's content its evidence must hold to verify it. Default: 0.7.",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Processes checking items. Default: one per core for 200 items or more, else 1.",
)
def check(
    paths,
    sources,
    fmt,
    output,
    fail_on,
    tablefmt,
    baseline_file,
    engine,
    scheduler,
    quote_min_similarity,
    claim_verify_coverage,
    jobs,
) -> None:
    """Check drafts (.md, .txt) and batch claim files (.csv, .jsonl), or folders of them.

    Exit status: 0 when nothing is at or above --fail-on, 1 when the gate fails, 2 for a
    usage or input error (the message names the file and line; every good record is still
    checked and reported).
    """
    config = _config()
    fmt = fmt or config.format
    if fmt not in REPORTERS:
        raise InputProblem(f"unknown format '{fmt}' (valid: {', '.join(sorted(REPORTERS))})")
    fail_on = fail_on or config.fail_on
    if quote_min_similarity is not None:
        config.quote_min_similarity = quote_min_similarity
    if claim_verify_coverage is not None:
        config.claim_verify_coverage = claim_verify_coverage
    if jobs is not None:
        config.jobs = jobs
    corpus = _corpus(sources, config)
    client = None
    if engine == "dask":
        from .dask_engine import use_dask

        try:
            client = use_dask(corpus, scheduler)
        except (FactcheckError, OSError) as e:
            raise InputProblem(f"dask engine: {e}") from None
    elif scheduler:
        raise InputProblem("--scheduler goes with --engine dask")
    try:
        report = run_check(list(paths), corpus, config.settings(), config.max_bytes, progress=_progress())
        baseline_file = baseline_file or config.baseline
        if baseline_file:
            known = baseline.load(baseline_file)
            dropped = baseline.apply(report, known)
            click.echo(f"factcheck: {dropped} finding(s) already in the baseline {baseline_file}", err=True)
    except FactcheckError as e:
        raise InputProblem(str(e)) from None
    buf = io.StringIO()
    # colour only for a person at a terminal, and never when NO_COLOR is set (no-color.org)
    colour = output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    render(fmt, report, {"fail_on": fail_on, "tablefmt": tablefmt, "color": colour}, buf)
    emit(buf.getvalue(), output)
    if client is not None:
        client.close()
    for e in report.errors:
        click.echo(f"factcheck: error: {e}", err=True)
    if report.errors:
        sys.exit(2)
    sys.exit(1 if report.gate_failed(fail_on) else 0)


@main.command("baseline")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@sources_option
@click.option(
    "--output",
    "-o",
    metavar="FILE",
    default=".factcheck-baseline.json",
    show_default=True,
    help="Where to record the findings.",
)
def baseline_cmd(paths, sources, output) -> None:
    """Record today's findings, so that 'check --baseline FILE' reports only new ones.

    A finding is known by its file name, kind, verdict, speaker and words, not its line.
    """
    config = _config()
    corpus = _corpus(sources, config)
    try:
        report = run_check(list(paths), corpus, config.settings(), config.max_bytes, progress=_progress())
    except FactcheckError as e:
        raise InputProblem(str(e)) from None
    write_atomic(output, baseline.dumps(report))
    n = sum(1 for it in report.items if it.verdict != "verified")
    click.echo(f"factcheck: recorded {n} finding(s) in {output}", err=True)
    for e in report.errors:
        click.echo(f"factcheck: error: {e}", err=True)
    sys.exit(2 if report.errors else 0)


def _progress():
    """A progress bar on standard error, only when a person is watching it."""
    if not sys.stderr.isatty():
        return None

    def bar(items, label, length=None):
        return click.progressbar(items, length=length, label=label, file=sys.stderr)

    return bar


def _format_option(choices):
    return click.option(
        "--format", "fmt", type=click.Choice(choices), default="table", show_default=True, help="Output format."
    )


@main.command("sources")
@sources_option
@_format_option(["table", "json"])
def sources_cmd(sources, fmt) -> None:
    """List the sources: id, title, paragraphs, sentences, quotes and words (boilerplate excluded)."""
    corpus = _corpus(sources, _config())
    rows = [
        {
            "id": s.id,
            "title": s.title,
            "paragraphs": sum(1 for p in s.paragraphs if not p.boilerplate and not p.metadata),
            "sentences": len(s.sentences),
            "quotes": len(s.quotes),
            "words": s.words,
            "path": s.path,
        }
        for s in corpus.sources
    ]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        click.echo(tabulate([{k: v for k, v in r.items() if k != "path"} for r in rows], headers="keys"))


@main.command("quotes")
@sources_option
@_format_option(["table", "json"])
def quotes_cmd(sources, fmt) -> None:
    """List every quote in the sources with its speaker, the title given, and where it is."""
    corpus = _corpus(sources, _config())
    rows = []
    for s in corpus.sources:
        for q in s.quotes:
            rows.append(
                {
                    "source": s.id,
                    "line": s.line_of(q.start),
                    "start": q.start,
                    "end": q.end,
                    "speaker": q.speaker,
                    "title": q.title,
                    "partial": q.partial,
                    "text": q.text,
                }
            )
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    table = [
        [f"{r['source']}:{r['line']}", r["speaker"] or "-", (r["title"] or "")[:40], _clip(r["text"], 70)] for r in rows
    ]
    click.echo(tabulate(table, headers=["source", "speaker", "title", "quote"]))


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "\u2026"


@main.command("audit")
@sources_option
@_format_option(["table", "json", "markdown"])
@click.option("--output", "-o", metavar="FILE", default=None, help="Write to FILE instead of standard output.")
def audit_cmd(sources, fmt, output) -> None:
    """List where the sources disagree with each other, most severe first."""
    corpus = _corpus(sources, _config())
    conflicts = corpus.conflicts
    if fmt == "json":
        emit(json.dumps([c.to_json() for c in conflicts], indent=2, ensure_ascii=False) + "\n", output)
        return
    rows = []
    for c in conflicts:
        forms = "\n".join(
            f"'{_clip(f['text'], 60)}': "
            + ", ".join(f"{h['source']}:{h['line']} [{h['start']}-{h['end']}]" for h in f["holders"][:4])
            + (f" +{len(f['holders']) - 4} more" if len(f["holders"]) > 4 else "")
            for f in c.forms
        )
        rows.append([c.severity, c.type, forms])
    tablefmt = "github" if fmt == "markdown" else "simple"
    if fmt == "markdown":
        rows = [[r[0], r[1], r[2].replace("\n", "<br>").replace("|", "\\|")] for r in rows]
    text = (
        tabulate(rows, headers=["severity", "type", "competing forms: source:line [start-end]"], tablefmt=tablefmt)
        + "\n"
    )
    text += f"\n{len(conflicts)} conflict(s) between {len(corpus.sources)} sources\n"
    emit(text, output)


@main.command("index")
@sources_option
@click.option(
    "--index",
    "index_path",
    metavar="FILE",
    default=None,
    help="Where the index lives. Default: the 'index' setting, else .factcheck/index.sqlite.",
)
def index_cmd(sources, index_path) -> None:
    """Build or refresh the on-disk index of the sources.

    A file whose content is unchanged is not analysed again; removed files leave the index.
    check, audit, sources and quotes use the index when it exists.
    """
    config = _config()
    if index_path:
        config.index = index_path
    try:
        built = build_index(sources or config.sources, config.index, config.max_bytes, config.alias_map())
    except FactcheckError as e:
        raise InputProblem(str(e)) from None
    s = built.stats
    _say_rebuilt(config.index, s)
    click.echo(
        f"{config.index}: {built.sources} sources, {built.sentences} sentences, {built.quotes} quotes "
        f"({s['analysed']} analysed, {s['reused']} unchanged, {s['removed']} removed)"
    )


if __name__ == "__main__":  # pragma: no cover
    main()
