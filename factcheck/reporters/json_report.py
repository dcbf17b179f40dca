"""The JSON report of the contract (schema factcheck.report/1)."""

from __future__ import annotations

import json
from collections import Counter
from typing import IO

from .. import __version__
from .common import relpath

SCHEMA = "factcheck.report/1"


def as_dict(report, context: dict) -> dict:
    fail_on = context.get("fail_on", "error")
    verdicts = Counter(it.verdict for it in report.items)
    return {
        "schema": SCHEMA,
        "tool": {"name": "factcheck", "version": __version__},
        "sources": [
            {
                "id": s.id,
                "path": relpath(s.path),
                "title": s.title,
                "sentences": len(s.sentences),
                "quotes": len(s.quotes),
            }
            for s in report.corpus.sources
        ],
        "items": [it.to_json() for it in report.items],
        "conflicts": [c.to_json() for c in report.conflicts],
        "summary": {
            "items": len(report.items),
            "verdicts": dict(sorted(verdicts.items())),
            "gate": "fail" if report.gate_failed(fail_on) else "pass",
            "fail_on": fail_on,
            "input_errors": [str(e) for e in report.errors],
        },
    }


def report(report, context: dict, stream: IO[str]) -> None:
    json.dump(as_dict(report, context), stream, indent=2, ensure_ascii=False)
    stream.write("\n")
