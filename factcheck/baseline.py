"""A baseline: today's findings recorded, so that a gate adopted on an existing archive
reports only what is new.

A finding is known by what it says, not where: file name, kind, verdict, speaker and the
item's words. Editing lines above it does not make it new; changing the item does.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from .errors import InputError

SCHEMA = "factcheck.baseline/1"


def fingerprint(item) -> str:
    c = item.claim
    key = [os.path.basename(c.file), c.kind, item.verdict, c.speaker or "", " ".join(c.text.lower().split())]
    return hashlib.sha1(json.dumps(key, ensure_ascii=False).encode("utf-8")).hexdigest()


def dumps(report) -> str:
    rows = sorted(
        (
            {
                "fingerprint": fingerprint(it),
                "file": it.claim.file,
                "line": it.claim.line,
                "verdict": it.verdict,
                "text": it.claim.text,
            }
            for it in report.items
            if it.verdict != "verified"
        ),
        key=lambda r: (r["file"], r["line"], r["fingerprint"]),
    )
    return json.dumps({"schema": SCHEMA, "findings": rows}, indent=2, ensure_ascii=False) + "\n"


def load(path: str | Path) -> set[str]:
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(path, "baseline file does not exist (make one with 'factcheck baseline')") from None
    except (OSError, ValueError) as e:
        raise InputError(path, f"baseline is not valid JSON ({e})") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("findings"), list):
        raise InputError(path, f"not a factcheck baseline (expected schema {SCHEMA})")
    return {r["fingerprint"] for r in data["findings"] if isinstance(r, dict) and "fingerprint" in r}


def apply(report, known: set[str]) -> int:
    """Drop the items the baseline knows; returns how many were dropped."""
    before = len(report.items)
    report.items = [it for it in report.items if it.verdict == "verified" or fingerprint(it) not in known]
    return before - len(report.items)
