"""Disagreements between sources: one body named in forms that differ by a distinguishing word."""

from __future__ import annotations

import re
from collections import defaultdict

from .entities import is_place, org_key
from .model import SEVERITY_RANK, Conflict


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(w in it for w in short)


def _representative(items) -> str:
    """The form most often written; a possessive ("Australia's X") gives way to a name."""
    counts: dict[str, int] = defaultdict(int)
    for _, m in items:
        counts[m.text] += 1
    return min(counts, key=lambda t: (-counts[t], "'s" in t, t))


def entity_variants(corpus) -> list[Conflict]:
    """Organisation names that differ between sources.

    Not conflicts: an acronym and its definition, a shorter form that only drops a place
    ("AI Security Institute" / "UK AI Security Institute"), case. Conflicts: a form that drops
    or adds a word inside the name, keeping its first word and its head ("Australian Safety
    Institute" / "Australian AI Safety Institute": warning); punctuation only (info).
    """
    by_key: dict[str, list] = defaultdict(list)
    for src in corpus.sources:
        for m in src.mentions:
            if m.kind == "org" and not m.boilerplate and len(m.text.split()) >= 2:
                by_key[org_key(m.text)].append((src, m))

    def holders(items) -> list[dict]:
        return sorted(
            (
                {
                    "source": src.id,
                    "line": src.line_of(m.start),
                    "start": m.start,
                    "end": m.end,
                    "text": src.text[m.start : m.end],
                }
                for src, m in items
            ),
            key=lambda h: (h["source"], h["start"]),
        )

    conflicts: list[Conflict] = []
    keys = sorted(by_key)
    for k in keys:
        # punctuation only: the same words, written with different commas
        raw: dict[str, list] = defaultdict(list)
        for src, m in by_key[k]:
            raw[re.sub(r"\s+", " ", m.canonical.replace("'s", "")).lower()].append((src, m))
        punct = {re.sub(r"[^\w ]", "", r): r for r in raw}
        if len(raw) > 1 and len({s.id for s, _ in by_key[k]}) > 1 and len(punct) < len(raw):
            forms = [{"text": items[0][1].text, "holders": holders(items)} for r, items in sorted(raw.items())]
            conflicts.append(
                Conflict(
                    f"entity-variant:{_slug(k)}:punctuation",
                    "entity-variant",
                    "info",
                    "the sources punctuate this name differently: " + " vs ".join(f"'{f['text']}'" for f in forms),
                    forms,
                )
            )
    for _i, long in enumerate(keys):
        lw = long.split()
        for short in keys:
            sw = short.split()
            if len(sw) >= len(lw) or len(sw) < 2:
                continue
            if sw[0] != lw[0] or sw[-1] != lw[-1] or not _is_subsequence(sw, lw):
                continue
            extra = [w for w in lw if w not in sw]
            if not extra or all(is_place(w) for w in extra):
                continue
            forms = []
            for key in (short, long):
                items = by_key[key]
                forms.append({"text": _representative(items), "holders": holders(items)})
            src_sets = [{h["source"] for h in f["holders"]} for f in forms]
            if src_sets[0] == src_sets[1] and len(src_sets[0]) == 1:
                continue  # one article using a long and a short form of one name
            conflicts.append(
                Conflict(
                    f"entity-variant:{_slug(short)}",
                    "entity-variant",
                    "warning",
                    f"'{forms[0]['text']}' ({', '.join(sorted(src_sets[0]))}) vs '{forms[1]['text']}' "
                    f"({', '.join(sorted(src_sets[1]))}): the forms differ by '{' '.join(extra)}'",
                    forms,
                )
            )
    return conflicts


def find_conflicts(corpus) -> list[Conflict]:
    conflicts = entity_variants(corpus)
    conflicts.sort(key=lambda c: (-SEVERITY_RANK[c.severity], c.type, c.id))
    return conflicts
