"""The library entry points: read inputs, check them against a corpus, collect a report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .claims import Parsed, expand_inputs, parse_file
from .classify import Settings, check_item
from .corpus import Corpus, load_sources
from .errors import InputError
from .model import SEVERITY_RANK, Claim, Conflict, Item

PROGRESS_FROM = 300  # claims in one file before a progress bar is worth showing


@dataclass
class Report:
    corpus: Corpus
    items: list[Item]
    errors: list[InputError] = field(default_factory=list)
    inputs: list[str] = field(default_factory=list)
    documents: dict[str, str] = field(default_factory=dict)  # draft path -> its text as read

    @property
    def conflicts(self) -> list[Conflict]:
        """The source conflicts the checked items touch."""
        touched = {cid for it in self.items for cid in it.conflicts}
        known = {c.id: c for c in self.corpus.name_conflicts}
        for key in sorted(self.corpus._fact_cache, key=str):
            known.update({c.id: c for c in self.corpus._fact_cache[key]})
        return sorted(
            (known[c] for c in touched if c in known), key=lambda c: (-SEVERITY_RANK[c.severity], c.type, c.id)
        )

    def gate_failed(self, fail_on: str) -> bool:
        if fail_on == "never":
            return False
        level = SEVERITY_RANK[fail_on]
        return any(SEVERITY_RANK[it.severity] >= level for it in self.items)


def check_claims(claims: list[Claim], corpus: Corpus, settings: Settings | None = None) -> list[Item]:
    settings = settings or Settings()
    return [check_item(c, corpus, settings) for c in claims]


def _suppressed(item: Item, parsed: Parsed) -> bool:
    for first, last, verdicts in parsed.suppressions:
        if first <= item.claim.line <= last and (verdicts is None or item.verdict in verdicts):
            return True
    return False


def check(
    paths: list[str | Path] | str | Path,
    sources: str | Path | Corpus = "sources",
    settings: Settings | None = None,
    max_bytes: int | None = None,
    progress=None,
) -> Report:
    """Check drafts and batch files against the sources.

    Bad records do not stop the run: each becomes an :class:`InputError` in ``report.errors``
    and every good record is still checked.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    kw = {"max_bytes": max_bytes} if max_bytes else {}
    corpus = sources if isinstance(sources, Corpus) else load_sources(sources, **kw)
    items: list[Item] = []
    errors: list[InputError] = []
    documents: dict[str, str] = {}
    files = expand_inputs(paths)
    for f in files:
        try:
            parsed = parse_file(f, corpus.registry, **kw)
        except InputError as e:
            errors.append(e)
            continue
        errors.extend(parsed.errors)
        if parsed.text is not None:
            documents[str(f)] = parsed.text
        claims = parsed.claims
        if progress is not None and len(claims) >= PROGRESS_FROM:
            with progress(claims, f"checking {f.name}") as bar:
                checked = [it for c in bar for it in check_claims([c], corpus, settings)]
        else:
            checked = check_claims(claims, corpus, settings)
        items.extend(it for it in checked if not _suppressed(it, parsed))
    items.sort(key=lambda it: (it.claim.file, it.claim.line, it.claim.column, it.claim.id))
    return Report(corpus, items, errors, [str(f) for f in files], documents)
