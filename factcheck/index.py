"""Candidate retrieval: a token inverted index over source sentences and quotes."""

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


def index_terms(text: str) -> set[str]:
    """The stems a text is found by: content words only, case and inflection folded."""
    return {sys.intern(stem(t.text)) for t in tokenize(text) if t.lower not in STOPWORDS and t.text[:1].isalnum()}


@dataclass(slots=True)
class Entry:
    kind: str  # sentence | quote
    source: str
    number: int  # sentence or quote index within its source
    terms: tuple[str, ...]


class Index:
    """Stems to the sentences and quotes holding them, weighted by inverse document frequency,
    so that an item is scored against tens of candidates rather than every sentence."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.postings: dict[str, dict[str, list[int]]] = {"sentence": defaultdict(list), "quote": defaultdict(list)}
        for i, e in enumerate(entries):
            plist = self.postings[e.kind]
            for t in e.terms:
                plist[t].append(i)
        self.idf: dict[str, dict[str, float]] = {}
        for kind, plist in self.postings.items():
            n = max(sum(1 for e in entries if e.kind == kind), 1)
            self.idf[kind] = {t: math.log(1 + n / len(p)) for t, p in plist.items()}

    @classmethod
    def build(cls, corpus) -> Index:
        entries = []
        for src in corpus.sources:
            for s in src.sentences:
                entries.append(Entry("sentence", src.id, s.index, tuple(sorted(index_terms(s.text)))))
            for q in src.quotes:
                entries.append(Entry("quote", src.id, q.index, tuple(sorted(index_terms(q.text)))))
        return cls(entries)

    def candidates(self, text: str, kind: str, *, limit: int = 30) -> list[Entry]:
        """The ``limit`` entries of ``kind`` sharing the most (idf-weighted) stems with ``text``."""
        plist, idf = self.postings[kind], self.idf[kind]
        terms = sorted((t for t in index_terms(text) if t in plist), key=lambda t: (len(plist[t]), t))
        if not terms:
            return []
        # rare terms first: their postings give each entry a partial score...
        partial: dict[int, float] = defaultdict(float)
        read = 0
        for k, t in enumerate(terms):
            if k >= MIN_TERMS and read + len(plist[t]) > POSTINGS_BUDGET:
                break
            w = idf[t]
            for i in plist[t]:
                partial[i] += w
            read += len(plist[t])
        # ...and the best of those are scored on every term they share with the item
        shortlist = heapq.nsmallest(limit * RESCORE, partial.items(), key=lambda si: (-si[1], si[0]))
        wanted = set(terms)
        scored = [(sum(idf[t] for t in self.entries[i].terms if t in wanted), i) for i, _ in shortlist]
        best = heapq.nsmallest(limit, scored, key=lambda si: (-si[0], si[1]))
        return [self.entries[i] for _, i in best]

    def all(self, kind: str) -> list[Entry]:
        """Every entry of ``kind``: the brute-force reference the index is tested against."""
        return [e for e in self.entries if e.kind == kind]
