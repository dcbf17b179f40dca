"""A Markdown table, for pull requests and wikis; everything from input is escaped."""

from __future__ import annotations

import html
import re
from collections import Counter
from typing import IO

from .common import message, relpath


def cell(text: str | None) -> str:
    """Text safe inside a Markdown table cell: HTML escaped, Markdown syntax backslashed."""
    t = html.escape(" ".join((text or "").split()), quote=False)
    return re.sub(r"([\\`*_\[\]#|])", r"\\\1", t)


def report(report, context: dict, stream: IO[str]) -> None:
    stream.write("# factcheck report\n\n")
    counts = Counter(it.verdict for it in report.items)
    stream.write(", ".join(f"**{n}** {v}" for v, n in sorted(counts.items())) + "\n\n")
    stream.write(
        "| location | kind | item | verdict | speaker | source | difference |\n|---|---|---|---|---|---|---|\n"
    )
    for it in report.items:
        c = it.claim
        ev = it.evidence[0] if it.evidence else None
        row = [
            f"{relpath(c.file)}:{c.line}",
            c.kind,
            cell(c.text if len(c.text) <= 80 else c.text[:79] + "\u2026"),
            f"**{it.verdict}**" if it.severity != "info" else it.verdict,
            cell(c.speaker),
            cell(f"{ev.source}:{ev.line}") if ev else "",
            cell(message(it)) if it.findings else "",
        ]
        stream.write("| " + " | ".join(row) + " |\n")
    if report.conflicts:
        stream.write("\n## Where the sources disagree\n\n")
        for c in report.conflicts:
            stream.write(f"- {c.severity} {c.type}: {cell(c.message)}\n")
