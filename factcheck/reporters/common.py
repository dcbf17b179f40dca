"""What every reporter says the same way: where an item is, and its difference in words."""

from __future__ import annotations

import os

from ..model import SEVERITY_RANK

VERDICT_HELP = {
    "verified": "The sources say this.",
    "misquote": "A source quote is close, but words differ.",
    "misattributed": "The words match a source quote given to someone else.",
    "contradicted": "A source sentence matches except for a name, title, number, date, negation or certainty.",
    "disputed": "The sources disagree with each other on something the item depends on.",
    "unsupported": "Nothing in the sources is close enough to confirm or contradict it.",
}


def primary(item):
    """The most serious finding, or None."""
    if not item.findings:
        return None
    return max(item.findings, key=lambda f: SEVERITY_RANK[f.severity])


def message(item) -> str:
    f = primary(item)
    if f is None:
        ev = item.evidence[0] if item.evidence else None
        return f"{item.verdict}" + (f" by {ev.source}:{ev.line}" if ev else "")
    return f"{f.type}: {f.message}"


def relpath(path: str) -> str:
    """A path as reporters show it: relative to the working folder when inside it, with '/'."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        rel = path
    if rel.startswith(".."):
        rel = path
    return rel.replace(os.sep, "/")


def at_or_above(item, fail_on: str) -> bool:
    return fail_on != "never" and SEVERITY_RANK[item.severity] >= SEVERITY_RANK[fail_on]
