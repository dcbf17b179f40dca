"""Report formats: one module each, one registry. ``report(report, context, stream)``."""

from __future__ import annotations

from collections.abc import Callable
from typing import IO

from . import json_report, table

Reporter = Callable[..., None]

REPORTERS: dict[str, Reporter] = {
    "table": table.report,
    "json": json_report.report,
}


def get(name: str) -> Reporter:
    try:
        return REPORTERS[name]
    except KeyError:
        raise ValueError(f"unknown format '{name}' (valid: {', '.join(sorted(REPORTERS))})") from None


def render(name: str, report, context: dict, stream: IO[str]) -> None:
    get(name)(report, context, stream)
