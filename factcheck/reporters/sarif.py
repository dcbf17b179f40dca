"""SARIF 2.1.0, for code-scanning dashboards: one result per item that is not verified."""

from __future__ import annotations

import json
from typing import IO

from .. import __version__
from ..model import VERDICTS
from .common import VERDICT_HELP, message, relpath

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def as_dict(report, context: dict) -> dict:
    rules = [
        {
            "id": v,
            "name": v.title(),
            "shortDescription": {"text": VERDICT_HELP[v]},
            "defaultConfiguration": {
                "level": LEVEL[{"verified": "info", "disputed": "warning", "unsupported": "warning"}.get(v, "error")]
            },
        }
        for v in VERDICTS
    ]
    results = []
    for it in report.items:
        if it.verdict == "verified" and it.severity == "info":
            continue
        c = it.claim
        result = {
            "ruleId": it.verdict,
            "ruleIndex": VERDICTS.index(it.verdict),
            "level": LEVEL[it.severity],
            "message": {"text": message(it)},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": relpath(c.file)},
                        "region": {"startLine": c.line, "startColumn": c.column},
                    }
                }
            ],
            "partialFingerprints": {"factcheck/v1": f"{c.kind}:{c.speaker or ''}:{c.text}"},
            "properties": {
                "kind": c.kind,
                "speaker": c.speaker,
                "id": c.id,
                "findings": [f.to_json() for f in it.findings],
            },
        }
        related = []
        for n, e in enumerate(it.evidence):
            src = report.corpus.source(e.source)
            related.append(
                {
                    "id": n,
                    "message": {"text": f"evidence: {e.text[:200]}"},
                    "physicalLocation": {
                        "artifactLocation": {"uri": relpath(src.path)},
                        "region": {"startLine": e.line, "charOffset": e.start, "charLength": e.end - e.start},
                    },
                }
            )
        if related:
            result["relatedLocations"] = related
        results.append(result)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "factcheck",
                        "version": __version__,
                        "informationUri": "https://example.invalid/factcheck",
                        "rules": rules,
                    }
                },
                "results": results,
                "columnKind": "unicodeCodePoints",
            }
        ],
    }


def report(report, context: dict, stream: IO[str]) -> None:
    json.dump(as_dict(report, context), stream, indent=2, ensure_ascii=False)
    stream.write("\n")
