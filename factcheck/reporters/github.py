"""GitHub Actions workflow commands: an annotation on the draft line for every finding."""

from __future__ import annotations

from typing import IO

from .common import message, relpath

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def report(report, context: dict, stream: IO[str]) -> None:
    for it in report.items:
        if it.verdict == "verified" and it.severity == "info":
            continue  # what is right needs no annotation
        c = it.claim
        props = f"file={_escape_property(relpath(c.file))},line={c.line},col={c.column},title={_escape_property('factcheck ' + it.verdict)}"
        stream.write(f"::{LEVEL[it.severity]} {props}::{_escape_data(message(it))}\n")
