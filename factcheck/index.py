"""Candidate retrieval: a token inverted index over source sentences and quotes.

Retrieval runs in four steps, so that an index split into shards (see :mod:`factcheck.dask_engine`)
gives exactly the candidates one index gives:

1. the item's terms, rarest first (by document frequency over the whole archive), up to a
   budget of postings (``select_terms``);
2. each shard scores the entries those terms reach, on those terms (``partial``);
3. the best ``limit * RESCORE`` partial scores over all shards form the shortlist;
4. each shard scores its entries on the shortlist on every term they share with the item
   (``rescore``), and the best ``limit`` win.

Ties go to the earlier source, then the earlier sentence or quote.
"""

from __future__ import annotations

import heapq
import math
import sys
from collections import defaultdict
from dataclasses import dataclass

from .normalise import STOPWORDS, stem, tokenize

# Postings read per query before the more common terms are left out: rare terms find the
# candidates, and every candidate is then scored on all the terms it shares with the item.
POSTINGS_BUDGET = 5_000
MIN_TERMS = 3
RESCORE = 4  # shortlist size, as a multiple of the candidates asked for
KINDS = ("sentence", "quote")

Key = tuple[int, int]  # (source position in the archive, sentence or quote number)


def index_terms(text: str) -> set[str]:
    """The stems a text is found by: content words only, case and inflection folded."""
    return {sys.intern(stem(t.text)) for t in tokenize(text) if t.lower not in STOPWORDS and t.text[:1].isalnum()}


@dataclass(slots=True)
class Entry:
    kind: str  # sentence | quote
    source: str
    number: int  # sentence or quote index within its source
    terms: tuple[str, ...]
    key: Key = (0, 0)


def select_terms(terms: set[str], df) -> list[str]:
    """The terms whose postings are read: rarest first, within the budget (at least three).

    Numbers come last: they are rare, so they would lead, but a number is just what a claim
    may have changed, and candidates found by the changed number are the wrong ones. They
    still count when the candidates are scored."""
    ranked = sorted((t for t in terms if df(t)), key=lambda t: (t[:1].isdigit(), df(t), t))
    out, read = [], 0
    for t in ranked:
        if t[:1].isdigit():
            # after the words: a number that is rare enough is read too, so that among
            # sentences alike but for their numbers the one with the item's number leads
            if df(t) <= POSTINGS_BUDGET // 4:
                out.append(t)
            continue
        if read + df(t) > POSTINGS_BUDGET and len(out) >= MIN_TERMS:
            # common terms only score the candidates the rare ones found; but at least three
            # are read whatever they cost (at 1M sentences, fewer found the wrong candidates)
            continue
        out.append(t)
        read += df(t)
    return out


def top(scored, n: int) -> list[tuple[float, Key]]:
    """The ``n`` best (score, key) pairs: highest score, then earliest key."""
    scored = list(scored)
    if len(scored) > 4 * n:
        # the n-th best score, found in C; only pairs at or above it are sorted in Python
        floor = heapq.nlargest(n, (s for s, _ in scored))[-1]
        scored = [sk for sk in scored if sk[0] >= floor]
    scored.sort(key=lambda sk: (-sk[0], sk[1]))
    return scored[:n]


class Index:
    """Stems to the sentences and quotes holding them, weighted by inverse document frequency,
    so that an item is scored against tens of candidates rather than every sentence."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.postings: dict[str, dict[str, list[int]]] = {k: defaultdict(list) for k in KINDS}
        self.by_key: dict[str, dict[Key, int]] = {k: {} for k in KINDS}
        self.count = dict.fromkeys(KINDS, 0)
        for i, e in enumerate(entries):
            plist = self.postings[e.kind]
            for t in e.terms:
                plist[t].append(i)
            self.by_key[e.kind][e.key] = i
            self.count[e.kind] += 1

    @classmethod
    def build(cls, corpus, positions: dict[str, int] | None = None) -> Index:
        """The index of ``corpus``; ``positions`` gives each source's place in the whole
        archive when the corpus is one shard of it."""
        positions = positions or {s.id: n for n, s in enumerate(corpus.sources)}
        entries = []
        for src in corpus.sources:
            pos = positions[src.id]
            for s in src.sentences:
                entries.append(Entry("sentence", src.id, s.index, tuple(sorted(index_terms(s.text))), (pos, s.index)))
            for q in src.quotes:
                entries.append(Entry("quote", src.id, q.index, tuple(sorted(index_terms(q.text))), (pos, q.index)))
        return cls(entries)

    def vocabulary(self) -> set[str]:
        return set(self.postings["sentence"]) | set(self.postings["quote"])

    # statistics, for an archive split into shards
    def document_frequencies(self) -> dict[str, dict[str, int]]:
        return {k: {t: len(p) for t, p in self.postings[k].items()} for k in KINDS}

    def df(self, kind: str, term: str) -> int:
        p = self.postings[kind].get(term)
        return len(p) if p else 0

    def idf(self, kind: str, term: str) -> float:
        df = self.df(kind, term)
        return math.log(1 + max(self.count[kind], 1) / df) if df else 0.0

    # the four steps
    def partial(self, kind: str, selected: list[str], idf: dict[str, float], n: int) -> list[tuple[float, Key]]:
        plist = self.postings[kind]
        scores: dict[int, float] = defaultdict(float)
        for t in selected:
            w = idf[t]
            for i in plist.get(t, ()):
                scores[i] += w
        return top(((s, self.entries[i].key) for i, s in scores.items()), n)

    def rescore(self, kind: str, keys: list[Key], idf: dict[str, float]) -> list[tuple[float, Key]]:
        out = []
        for key in keys:
            i = self.by_key[kind].get(key)
            if i is not None:
                out.append((sum(idf.get(t, 0.0) for t in self.entries[i].terms), key))
        return out

    def candidates(self, text: str, kind: str, *, limit: int = 30) -> list[Entry]:
        """The ``limit`` entries of ``kind`` sharing the most (idf-weighted) stems with ``text``."""
        terms = index_terms(text)
        selected = select_terms(terms, lambda t: self.df(kind, t))
        if not selected:
            return []
        idf = {t: self.idf(kind, t) for t in terms}
        shortlist = self.partial(kind, selected, idf, limit * RESCORE)
        best = top(self.rescore(kind, [k for _, k in shortlist], idf), limit)
        return [self.entries[self.by_key[kind][k]] for _, k in best]

    def all(self, kind: str) -> list[Entry]:
        """Every entry of ``kind``: the brute-force reference the index is tested against."""
        return [e for e in self.entries if e.kind == kind]
