"""Report formats: one module each, one registry. ``report(report, context, stream)``."""

from __future__ import annotations

from collections.abc import Callable
from typing import IO

from . import github, html, json_report, junit, line, markdown, sarif, table

Reporter = Callable[..., None]

REPORTERS: dict[str, Reporter] = {
    "table": table.report,
    "line": line.report,
    "markdown": markdown.report,
    "json": json_report.report,
    "html": html.report,
    "sarif": sarif.report,
    "junit": junit.report,
    "github": github.report,
}


def get(name: str) -> Reporter:
    try:
        return REPORTERS[name]
    except KeyError:
        raise ValueError(f"unknown format '{name}' (valid: {', '.join(sorted(REPORTERS))})") from None


def render(name: str, report, context: dict, stream: IO[str]) -> None:
    get(name)(report, context, stream)
