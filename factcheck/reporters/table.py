"""The terminal table (tabulate): one row per item, the difference in a few words."""

from __future__ import annotations

import os
from collections import Counter
from typing import IO

import click
from tabulate import tabulate

from ..model import SEVERITY_RANK


def _short(text: str | None, n: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def difference(item) -> str:
    """The most serious finding in a few words."""
    if not item.findings:
        return ""
    f = max(item.findings, key=lambda f: SEVERITY_RANK[f.severity])
    return f"{f.type}: {f.message}"


def location(item) -> str:
    c = item.claim
    base = os.path.basename(c.file)
    return f"{base}:{c.line}" if not c.id or c.id.startswith(base) else f"{base}:{c.line} [{c.id}]"


COLOURS = {
    "verified": "green",
    "misquote": "red",
    "misattributed": "magenta",
    "contradicted": "red",
    "disputed": "yellow",
    "unsupported": "bright_black",
}


def report(report, context: dict, stream: IO[str]) -> None:
    width = context.get("width", 60)
    colour = context.get("color", False)
    rows = []
    for it in report.items:
        ev = it.evidence[0] if it.evidence else None
        rows.append(
            [
                location(it),
                it.claim.kind,
                click.style(it.verdict, fg=COLOURS[it.verdict], bold=it.severity == "error") if colour else it.verdict,
                _short(it.claim.speaker or "", 20),
                f"{ev.source}:{ev.line}" if ev else "",
                _short(difference(it), width),
            ]
        )
    headers = ["location", "kind", "verdict", "speaker", "source", "difference"]
    stream.write(tabulate(rows, headers=headers, tablefmt=context.get("tablefmt", "simple")) + "\n")
    counts = Counter(it.verdict for it in report.items)
    summary = ", ".join(f"{n} {v}" for v, n in sorted(counts.items(), key=lambda kv: -kv[1]))
    stream.write(f"\n{len(report.items)} items: {summary or 'none'}\n")
    if report.conflicts:
        stream.write(
            f"The sources disagree on {len(report.conflicts)} thing(s) these items depend on: "
            "run 'factcheck audit' to see them.\n"
        )
