"""Candidate retrieval: a token inverted index over source sentences and quotes.

The index is a compressed sparse array per kind (numpy): term -> the entries holding it
(postings), so that scoring a query adds up postings in C rather than in a Python loop, and an
archive of a million sentences costs tens of megabytes. A term on 1 entry in ``COMMON`` or more
is also held as a bitset (a bit per entry), so that a query on common terms ANDs 64 entries at
a time instead of reading tens of thousands of postings, and rescoring tests a bit.

Retrieval runs in four steps, so that an index split into shards (see :mod:`factcheck.dask_engine`)
gives exactly the candidates one index gives:

1. the item's terms, rarest first (by document frequency over the whole archive), up to a
   budget of postings (``select_terms``);
2. each shard scores the entries those terms reach, on those terms (``partial``);
3. the best ``limit * RESCORE`` partial scores over all shards form the shortlist, with every
   entry that ties with the last of them (up to ``TIES``): where thousands of sentences share
   the rare terms, cutting the tie by position would drop the right one at random;
4. each shard scores its entries on the shortlist on every term they share with the item
   (``rescore``), and the best ``limit`` win.

Scores are sums of idf weights, rounded to 9 decimals so that the order terms are added in
cannot break a tie differently on different shards. Ties go to the earlier source, then the
earlier sentence or quote.
"""

from __future__ import annotations

import math
import sys
from array import array
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain

import numpy as np

from .normalise import STOPWORDS, TOKEN, stem

# Postings read per query before the more common terms are left out: rare terms find the
# candidates, and every candidate is then scored on all the terms it shares with the item.
POSTINGS_BUDGET = 50_000
MIN_TERMS = 3
RESCORE = 4  # shortlist size, as a multiple of the candidates asked for
TIES = 8_000  # most entries a shortlist holds, ties included
KINDS = ("sentence", "quote")
DECIMALS = 9
ASKED = 4096  # queries whose candidates are kept
SUBSETS = 10  # up to this many terms, an entry's score is looked up by the set of terms it holds
BITS_UP_TO = 5  # up to this many terms, sets of terms are counted on bitsets when their postings are long
COMMON = 64  # a term on at least 1 in this many entries is kept as a bitset too

Key = tuple[int, int]  # (source position in the archive, sentence or quote number)


def index_terms(text: str) -> set[str]:
    """The stems a text is found by: content words only, case and inflection folded."""
    out = set(map(_term, TOKEN.findall(text)))  # no match objects: every sentence comes here
    out.discard(None)
    return out


@lru_cache(maxsize=262144)
def _term(word: str) -> str | None:
    """A token's index term, or None for a function word or a mark (every sentence of an
    archive is read for its terms: a word is worked out once)."""
    if word.lower() in STOPWORDS or not word[:1].isalnum():
        return None
    return sys.intern(stem(word))


@dataclass(slots=True)
class Entry:
    kind: str  # sentence | quote
    source: str
    number: int  # sentence or quote index within its source
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
            # are read whatever they cost
            continue
        out.append(t)
        read += df(t)
    return out


def partial_weights(selected: list[str], idf: dict[str, float]) -> dict[str, float]:
    """The weights the selected terms find candidates with: a number weighs no more than the
    lightest word. A number is rare, so its idf is high, but it is just what a claim may have
    changed: at full weight, the hundreds of sentences sharing the changed number crowd out
    the one sentence that says the same thing with the right number. Rescoring then weighs
    every term in full."""
    words = [idf[t] for t in selected if not t[:1].isdigit()]
    cap = min(words) if words else None
    return {t: (min(idf[t], cap) if cap is not None and t[:1].isdigit() else idf[t]) for t in selected}


def top(scored, n: int) -> list[tuple[float, Key]]:
    """The ``n`` best (score, key) pairs: highest score, then earliest key."""
    return sorted(scored, key=lambda sk: (-sk[0], sk[1]))[:n]


def top_with_ties(scored, n: int, cap: int = TIES) -> list[tuple[float, Key]]:
    """The ``n`` best (score, key) pairs and every pair scoring as the last of them, at most
    ``cap`` in all: highest score, then earliest key."""
    ranked = sorted(scored, key=lambda sk: (-sk[0], sk[1]))
    if len(ranked) <= n:
        return ranked
    floor = ranked[n - 1][0]
    return [sk for sk in ranked[:cap] if sk[0] >= floor]


class _Kind:
    """The entries of one kind (sentences or quotes): an inverted sparse array (term -> the
    entries holding it), and for the common terms a bitset as well (a bit per entry)."""

    def __init__(self, slot: np.ndarray, number: np.ndarray, fwd_ptr: np.ndarray, fwd: np.ndarray, vocab_size: int):
        """``fwd_ptr`` (int64, n + 1) and ``fwd`` (int32 term ids, entry by entry) give each
        entry's terms; only their inversion is kept."""
        self.slot = slot  # int32: the entry's source, as a position in Index.source_ids
        self.number = number  # int32: its sentence or quote number
        n = len(slot)
        self.n = n
        self.words = (n + 63) // 64  # a bitset's length in 64-bit words
        owner = np.repeat(np.arange(n, dtype=np.int32), np.diff(fwd_ptr))
        order = np.argsort(fwd, kind="stable")
        self.post = owner[order]  # entry ids, ascending within each term
        self.df = np.bincount(fwd, minlength=vocab_size).astype(np.int64)
        self.post_ptr = np.zeros(vocab_size + 1, dtype=np.int64)
        np.cumsum(self.df, out=self.post_ptr[1:])
        self._bits: dict[int, np.ndarray] = {}

    def postings(self, t: int) -> np.ndarray:
        return self.post[self.post_ptr[t] : self.post_ptr[t + 1]]

    def common(self, t: int) -> bool:
        """Whether term ``t`` is on 1 in ``COMMON`` entries or more: its bitset is kept, and
        costs at most twice its postings."""
        return int(self.df[t]) * COMMON >= self.n > 0

    def common_terms(self) -> list[int]:
        """Every term :meth:`common` holds for, at once (none when there are no entries)."""
        return np.flatnonzero(self.df * COMMON >= self.n).tolist() if self.n else []

    def bits(self, t: int) -> np.ndarray:
        """The entries holding term ``t``, a bit each (bit ``e % 64`` of word ``e // 64``)."""
        b = self._bits.get(t)
        if b is None:
            b = _to_bits(self.postings(t), self.words)
            if self.common(t):
                self._bits[t] = b
        return b

    def warm(self) -> None:
        """Every common term's bitset, made now (before worker processes are forked, so that
        they share them)."""
        for t in self.common_terms():
            self.bits(t)

    def holding(self, t: int, entries: np.ndarray, at: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
        """1 where the entry holds term ``t``, else 0; ``at`` is the entries' (word, bit)."""
        if self.common(t):
            word, bit = at
            return (self.bits(t)[word] >> bit) & np.uint64(1)
        p = self.postings(t)
        if not len(p):
            return np.zeros(len(entries), dtype=np.uint64)
        return p[np.minimum(np.searchsorted(p, entries), len(p) - 1)] == entries


class IndexBuilder:
    """Takes sources' terms one source at a time (so that an archive's term lists need never
    be in memory together) and makes the :class:`Index`."""

    def __init__(self) -> None:
        self.source_ids: list[str] = []
        self.positions: list[int] = []
        self.term_id: dict[str, int] = {}
        # compact arrays, not lists of Python ints: at a million sentences the term ids alone
        # are sixteen million numbers
        self.raw = {k: (array("i"), array("i"), array("q", [0]), array("i")) for k in KINDS}

    def add(self, source_id: str, position: int, per_kind: tuple[list[list[str]], list[list[str]]]) -> None:
        slot = len(self.source_ids)
        self.source_ids.append(source_id)
        self.positions.append(position)
        tid = self.term_id
        for kind, lists in zip(KINDS, per_kind, strict=True):
            slots, numbers, ptr, flat = self.raw[kind]
            terms = list(chain.from_iterable(lists))  # each entry's distinct terms, entry by entry
            # every term of a loaded archive is read here (sixteen million at a million
            # sentences): looked up in C, and numbered one by one only where one is new
            ids = list(map(tid.get, terms))
            if None in ids:
                ids = [tid.setdefault(t, len(tid)) for t in terms]  # new terms numbered in order
            base = len(flat)
            flat.extend(ids)
            ptr.extend([base + end for end in accumulate(map(len, lists))])
            slots.extend([slot] * len(lists))
            numbers.extend(range(len(lists)))

    def finish(self) -> Index:
        vocab = [""] * len(self.term_id)
        for t, i in self.term_id.items():
            vocab[i] = sys.intern(t)
        kinds = {}
        for kind, (slots, numbers, ptr, flat) in self.raw.items():
            kinds[kind] = _Kind(
                np.frombuffer(slots, dtype=np.int32).copy(),
                np.frombuffer(numbers, dtype=np.int32).copy(),
                np.frombuffer(ptr, dtype=np.int64).copy(),
                np.frombuffer(flat, dtype=np.int32).copy(),
                len(vocab),
            )
        return Index(self.source_ids, self.positions, vocab, kinds)


class Index:
    """Stems to the sentences and quotes holding them, weighted by inverse document frequency,
    so that an item is scored against tens of candidates rather than every sentence."""

    def __init__(self, source_ids: list[str], positions: list[int], vocab: list[str], kinds: dict[str, _Kind]) -> None:
        self.source_ids = list(source_ids)
        self.positions = np.asarray(positions, dtype=np.int64)
        self._position_list = self.positions.tolist()  # read entry by entry: as Python ints
        self.vocab = vocab
        self.term_id = {t: i for i, t in enumerate(vocab)}
        self.kinds = kinds
        self.count = {k: self.kinds[k].n for k in KINDS}
        self._slot_of_pos = {int(p): i for i, p in enumerate(self.positions)}
        self._first: dict[tuple[str, int], int | None] = {}
        self._asked: dict[tuple[frozenset[str], str, int], tuple[Entry, ...]] = {}

    @classmethod
    def build(cls, corpus, positions: dict[str, int] | None = None) -> Index:
        """The index of ``corpus``; ``positions`` gives each source's place in the whole
        archive when the corpus is one shard of it."""
        positions = positions or {s.id: n for n, s in enumerate(corpus.sources)}
        builder = IndexBuilder()
        for src in corpus.sources:
            builder.add(src.id, positions[src.id], source_terms(src))
        return builder.finish()

    def warm(self) -> None:
        """What queries read, made now: the common terms' bitsets."""
        for k in self.kinds.values():
            k.warm()

    def vocabulary(self) -> set[str]:
        both = self.kinds["sentence"].df + self.kinds["quote"].df
        return {self.vocab[i] for i in np.flatnonzero(both)}

    # statistics, for an archive split into shards
    def document_frequencies(self) -> dict[str, dict[str, int]]:
        out = {}
        for k in KINDS:
            df = self.kinds[k].df
            out[k] = {self.vocab[i]: int(df[i]) for i in np.flatnonzero(df)}
        return out

    def df(self, kind: str, term: str) -> int:
        i = self.term_id.get(term)
        return int(self.kinds[kind].df[i]) if i is not None else 0

    def idf(self, kind: str, term: str) -> float:
        df = self.df(kind, term)
        return math.log(1 + max(self.count[kind], 1) / df) if df else 0.0

    def _keys(self, kind: str, entries: np.ndarray) -> list[Key]:
        k = self.kinds[kind]
        return list(zip(self.positions[k.slot[entries]].tolist(), k.number[entries].tolist(), strict=True))

    # the four steps
    def _partial(self, kind: str, selected: list[str], idf: dict[str, float], n: int) -> tuple[np.ndarray, np.ndarray]:
        """Step 2 on this index: the ``n`` best entries on the selected terms and all that tie
        with the last of them (at most ``TIES``), with their scores, best first (ties: earlier
        entry)."""
        k = self.kinds[kind]
        ids = [self.term_id[t] for t in selected if t in self.term_id]
        empty = np.zeros(0, dtype=np.int64), np.zeros(0)
        if not ids or not k.n:
            return empty
        lists = [k.postings(t) for t in ids]
        hits = sum(map(len, lists))
        if not hits:
            return empty
        weights = [idf[self.vocab[t]] for t in ids]
        if len(ids) == 1:  # every entry on the one list ties
            entries, scores = lists[0].astype(np.int64), np.full(hits, round(weights[0], DECIMALS))
        elif len(ids) <= BITS_UP_TO and hits * 64 >= len(ids) * (1 << len(ids)) * k.words:
            # long lists: reading them would cost more than the most the bitsets can
            entries, scores = _sum_by_bits([k.bits(t) for t in ids], weights, n)
        elif len(ids) <= SUBSETS:
            entries, scores = _sum_by_subset(lists, weights, k.n, n)
        else:
            entries, scores = _sum_by_sorting(lists, weights, n)
        order = np.lexsort((entries, -scores))[:TIES]
        return entries[order], scores[order]

    def _rescore(self, kind: str, entries: np.ndarray, idf: dict[str, float]) -> np.ndarray:
        """Step 4 on this index: each entry scored on every term it shares with the item."""
        k = self.kinds[kind]
        at = (entries >> 6, (entries & 63).astype(np.uint64))
        sums = np.zeros(len(entries))
        for t in sorted(idf):  # term by term, as the weights were always added
            i = self.term_id.get(t)
            if i is not None:
                sums += k.holding(i, entries, at) * idf[t]
        return np.round(sums, DECIMALS)

    def partial(self, kind: str, selected: list[str], idf: dict[str, float], n: int) -> list[tuple[float, Key]]:
        entries, scores = self._partial(kind, selected, idf, n)
        return list(zip(scores.tolist(), self._keys(kind, entries), strict=True))

    def rescore(self, kind: str, keys: list[Key], idf: dict[str, float]) -> list[tuple[float, Key]]:
        entries = self._entries_of(kind, keys)
        if not len(entries):
            return []
        return list(zip(self._rescore(kind, entries, idf).tolist(), self._keys(kind, entries), strict=True))

    def _entries_of(self, kind: str, keys: list[Key]) -> np.ndarray:
        """The entry ids of ``keys`` held here (keys of other shards are skipped)."""
        k = self.kinds[kind]
        out = []
        for pos, num in keys:
            slot = self._slot_of_pos.get(pos)
            if slot is None:
                continue
            first = self._first_entry(kind, slot)
            if first is not None:
                e = first + num
                if e < k.n and k.slot[e] == slot and k.number[e] == num:
                    out.append(e)
        return np.asarray(out, dtype=np.int64)

    def _first_entry(self, kind: str, slot: int) -> int | None:
        key = (kind, slot)
        if key not in self._first:
            k = self.kinds[kind]
            i = int(np.searchsorted(k.slot, slot))
            self._first[key] = i if i < k.n and k.slot[i] == slot else None
        return self._first[key]

    def candidates(self, text: str, kind: str, *, limit: int = 30) -> list[Entry]:
        """The ``limit`` entries of ``kind`` sharing the most (idf-weighted) stems with ``text``."""
        # an item quoted word for word asks twice: for itself, and (as its evidence) for the
        # sources that say it otherwise; the answer depends only on the text's terms, so a
        # quote and its source, which differ by a comma, ask once
        terms = index_terms(text)
        key = (frozenset(terms), kind, limit)
        hit = self._asked.pop(key, None)
        if hit is None:
            hit = self._candidates(terms, kind, limit)
            if len(self._asked) >= ASKED:
                self._asked.pop(next(iter(self._asked)))
        self._asked[key] = hit  # most recently asked last
        return list(hit)

    def _candidates(self, terms: set[str], kind: str, limit: int) -> tuple[Entry, ...]:
        selected = select_terms(terms, lambda t: self.df(kind, t))
        if not selected:
            return ()
        idf = {t: self.idf(kind, t) for t in terms}
        # steps 2-4 on entry numbers: with one index, entries ascend with their keys
        shortlist, _ = self._partial(kind, selected, partial_weights(selected, idf), limit * RESCORE)
        if not len(shortlist):
            return ()
        scores = self._rescore(kind, shortlist, idf)
        order = np.lexsort((shortlist, -scores))[:limit]
        return tuple(self._entries(kind, shortlist[order]))

    def _entries(self, kind: str, ids: np.ndarray) -> list[Entry]:
        k = self.kinds[kind]
        names, places = self.source_ids, self._position_list
        return [
            Entry(kind, names[slot], num, (places[slot], num))
            for slot, num in zip(k.slot[ids].tolist(), k.number[ids].tolist(), strict=True)
        ]

    def all(self, kind: str) -> list[Entry]:
        """Every entry of ``kind``: the brute-force reference the index is tested against."""
        return self._entries(kind, np.arange(self.kinds[kind].n))


def _set_scores(weights: list[float]) -> np.ndarray:
    """Every set of terms' score, by the set as a bitmask (bit i: term i): its terms' weights
    added in term order, as :func:`_sum_by_sorting` adds them."""
    table = [0.0]
    for w in weights:
        table = table + [t + w for t in table]  # the sets with this term: those without, plus it
    return np.round(np.array(table), DECIMALS)


def _sum_by_subset(lists: list[np.ndarray], weights: list[float], size: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Each entry's summed weight over the term lists it is on, and only the entries among
    the ``n`` best and their ties (unordered), found without sorting the hits: each entry
    is marked with the set of terms it holds (a bit per term), and with a few terms there
    are few sets, each with one score."""
    lists = [p.astype(np.intp) for p in lists]  # as indices: converted once, not at every use
    bits = np.zeros(size, dtype=np.uint16)
    for i, p in enumerate(lists):
        bits[p] |= np.uint16(1 << i)
    # each entry once: from the longest list it is on, or else from the first; the longest
    # list's entries are all taken as they are, unfiltered
    longest = max(range(len(lists)), key=lambda i: len(lists[i]))
    found, held = [lists[longest]], [bits[lists[longest]]]
    for i, p in enumerate(lists):
        if i == longest:
            continue
        b = bits[p]
        taken = (1 << longest) | ((1 << i) - 1)  # lists an entry would have been taken from
        first = (b & np.uint16(taken)) == 0
        found.append(p[first])
        held.append(b[first])
    entries = np.concatenate(found)
    sets = np.concatenate(held)
    table = _set_scores(weights)
    if len(entries) > n:
        # the n-th best score: count the entries holding each set, best sets first
        best_first = np.argsort(-table, kind="stable")
        reached = np.cumsum(np.bincount(sets, minlength=len(table))[best_first])
        floor = table[best_first[int(np.searchsorted(reached, n))]]
        keep = (table >= floor)[sets]
        entries, sets = entries[keep], sets[keep]
    return entries, table[sets]


def _to_bits(entries: np.ndarray, words: int) -> np.ndarray:
    """Ascending entry numbers as a bitset of ``words`` 64-bit words."""
    if len(entries) * 128 >= words * 64:  # dense: a byte per entry, packed in C
        mask = np.zeros(words * 64, dtype=np.uint8)
        mask[entries] = 1
        return np.packbits(mask, bitorder="little").view(np.uint64)
    out = np.zeros(words, dtype=np.uint64)
    if len(entries):
        e = entries.astype(np.int64)
        word = e >> 6
        starts = np.flatnonzero(np.concatenate(([True], word[1:] != word[:-1])))  # each word's first entry
        out[word[starts]] = np.bitwise_or.reduceat(np.left_shift(np.uint64(1), (e & 63).astype(np.uint64)), starts)
    return out


def _sum_by_bits(bitsets: list[np.ndarray], weights: list[float], n: int) -> tuple[np.ndarray, np.ndarray]:
    """As :func:`_sum_by_subset`, from each term's bitset: the entries holding exactly a set
    of terms are found by AND and AND NOT, set by set, best score first, until ``n`` entries
    (and the sets tying with the last) are found; the postings are never read."""
    table = _set_scores(weights)
    found, floor, reached = [], None, 0
    for held in np.argsort(-table, kind="stable").tolist():
        if held == 0 or (floor is not None and table[held] < floor):
            break  # set 0 (no term) scores least: every set worth having is done
        inside = [b for i, b in enumerate(bitsets) if held >> i & 1]
        mask = np.bitwise_and(inside[0], inside[1]) if len(inside) > 1 else inside[0].copy()
        for b in inside[2:]:
            mask &= b
        for i, b in enumerate(bitsets):
            if not held >> i & 1:
                mask &= ~b
        count = int(np.bitwise_count(mask).sum())
        if count:
            found.append((held, mask))
            reached += count
            if floor is None and reached >= n:
                floor = table[held]
    if not found:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    # the entries of every set found, unpacked together from the words that hold any
    mask = found[0][1]  # made here: free to change
    for _, more in found[1:]:
        mask |= more
    # (numpy finds the nonzero elements of a bool array several times faster than of others)
    words = np.flatnonzero(mask != 0)
    at = np.flatnonzero(np.unpackbits(mask[words].view(np.uint8), bitorder="little").view(np.bool_))
    word, bit = words[at >> 6], (at & 63).astype(np.uint64)
    if len(found) == 1:
        held = np.full(len(at), found[0][0])
    else:  # each entry's set of terms, a bit per term
        held = np.zeros(len(at), dtype=np.intp)
        for i, b in enumerate(bitsets):
            held |= ((b[word] >> bit) & np.uint64(1)).astype(np.intp) << i
    return word * 64 + bit.astype(np.int64), table[held]


def _sum_by_sorting(lists: list[np.ndarray], weights: list[float], n: int) -> tuple[np.ndarray, np.ndarray]:
    """As :func:`_sum_by_subset`, for more terms than it takes: the hits sorted (stably, so
    that every entry's weights are added in the order of the terms), each run summed."""
    hits = np.concatenate(lists)
    w = np.repeat(np.array(weights), [len(p) for p in lists])
    order = np.argsort(hits, kind="stable")
    hits = hits[order]
    starts = np.flatnonzero(np.concatenate(([True], hits[1:] != hits[:-1])))
    entries = hits[starts].astype(np.int64)
    scores = np.round(np.add.reduceat(w[order], starts), DECIMALS)
    if len(entries) > n:
        # the n-th best score, found in C; every entry scoring at least that is kept
        floor = np.partition(scores, len(scores) - n)[len(scores) - n]
        keep = scores >= floor
        entries, scores = entries[keep], scores[keep]
    return entries, scores


def source_terms(src) -> tuple[list[list[str]], list[list[str]]]:
    """The terms of each sentence and each quote of one analysed source."""
    return (
        [sorted(index_terms(s.text)) for s in src.sentences],
        [sorted(index_terms(q.text)) for q in src.quotes],
    )
