"""``path:line:col: severity verdict: message``, one line per item, for editors' tools."""

from __future__ import annotations

from typing import IO

from .common import message, relpath


def report(report, context: dict, stream: IO[str]) -> None:
    for it in report.items:
        c = it.claim
        text = " ".join(message(it).split())
        stream.write(f"{relpath(c.file)}:{c.line}:{c.column}: {it.severity} {it.verdict}: {text}\n")
