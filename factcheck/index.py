"""Candidate retrieval: a token inverted index over source sentences and quotes."""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from .normalise import STOPWORDS, stem, tokenize


def index_terms(text: str) -> set[str]:
    """The stems a text is found by: content words only, case and inflection folded."""
    return {stem(t.text) for t in tokenize(text) if t.lower not in STOPWORDS and t.text[:1].isalnum()}


@dataclass
class Entry:
    kind: str  # sentence | quote
    source: str
    number: int  # sentence or quote index within its source
    terms: frozenset[str]


class Index:
    """Stems to the sentences and quotes holding them, weighted by inverse document frequency,
    so a claim is scored against tens of candidates rather than every sentence."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.postings: dict[str, list[int]] = defaultdict(list)
        for i, e in enumerate(entries):
            for t in e.terms:
                self.postings[t].append(i)
        n = max(len(entries), 1)
        self.idf = {t: math.log(1 + n / len(p)) for t, p in self.postings.items()}

    @classmethod
    def build(cls, corpus) -> Index:
        entries = []
        for src in corpus.sources:
            for s in src.sentences:
                entries.append(Entry("sentence", src.id, s.index, frozenset(index_terms(s.text))))
            for q in src.quotes:
                entries.append(Entry("quote", src.id, q.index, frozenset(index_terms(q.text))))
        return cls(entries)

    def score(self, terms: set[str], entry: Entry) -> float:
        return sum(self.idf.get(t, 0.0) for t in terms & entry.terms)

    def candidates(self, text: str, kind: str, *, limit: int = 30) -> list[Entry]:
        """The ``limit`` entries of ``kind`` sharing the most (idf-weighted) stems with ``text``."""
        terms = index_terms(text)
        scores: Counter[int] = Counter()
        for t in terms:
            w = self.idf.get(t)
            if w is None:
                continue
            for i in self.postings[t]:
                if self.entries[i].kind == kind:
                    scores[i] += w
        best = heapq.nsmallest(limit, scores.items(), key=lambda kv: (-kv[1], kv[0]))
        return [self.entries[i] for i, _ in best]

    def all(self, kind: str) -> list[Entry]:
        """Every entry of ``kind``: the brute-force reference the index is tested against."""
        return [e for e in self.entries if e.kind == kind]
