"""Word-level alignment of an item against a source text.

A semi-global alignment: every word of the item is placed, the source may begin and end
anywhere (a quote may be part of a longer one; a claim may be part of a long sentence).
Marked omissions ("...") and bracketed insertions ("[the Australian]") in the item absorb any
run of source words at no cost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .normalise import STOPWORDS, TOKEN, stem, word_key


@dataclass(slots=True, eq=False)
class Word:
    """A word of an item or a source, for alignment. Not to be changed once made (it is
    shared through the cache of :func:`words`); not frozen, because a frozen dataclass is
    made several times more slowly, and every candidate's words are made for every item."""

    text: str
    start: int
    end: int
    key: str
    stem: str
    special: str | None = None  # gap | bracket
    capital: bool = False


def words(text: str, offset: int = 0, sentence_start: bool = True) -> list[Word]:
    """The words of ``text`` for alignment, with offsets (plus ``offset``); cached, because the
    same source sentences are candidates for many items. The list must not be changed."""
    return list(_words(text, offset, sentence_start))


@lru_cache(maxsize=65536)
def _words(text: str, offset: int = 0, sentence_start: bool = True) -> tuple[Word, ...]:
    """The words of ``text`` for alignment, with offsets (plus ``offset``)."""
    out = []
    prev_end = -1  # where the last token ended; -1: none yet
    for m in TOKEN.finditer(text):
        w = m.group()
        start, end = m.span()
        if w == "..." or w == "\u2026":
            out.append(Word(w, start + offset, end + offset, "", "", "gap"))
        elif w[0] == "[":
            out.append(Word(w, start + offset, end + offset, "", "", "bracket"))
        else:
            cap = w[0].isupper()
            if cap and w.lower() in STOPWORDS:
                # a capital on a function word is no name where a sentence or a quote begins:
                # at the start, or after the last mark that is not a space being one of .!?:"
                if prev_end < 0:
                    before = text[:start].rstrip()
                    initial = sentence_start or (before != "" and before[-1] in '.!?:"')
                else:
                    before = text[prev_end:start].rstrip()
                    initial = (before[-1] if before else text[prev_end - 1]) in '.!?:"'
                cap = not initial
            out.append(Word(w, start + offset, end + offset, word_key(w), stem(w), None, cap))
        prev_end = end
    if _TIME_TEXT.search(text):
        out = _times_joined(out, text, offset)
    if ("cent" in text or "pc" in text or "CENT" in text or "PC" in text) and _PERCENT_WORDS.search(text):
        return tuple(_percent_joined(out, text, offset))  # (the substrings first: most texts hold none)
    return tuple(out)


# a time of day: "06:00", "18:30", "6am", "6.30pm", "6 p.m."
_TIME_TEXT = re.compile(r"\b\d{1,2}(?::\d\d\b|(?:[.:]\d\d)?\s?(?:[ap]m\b|[ap]\.m\.))", re.I)
_HALF_DAY = {"am": 0, "pm": 12, "a.m": 0, "p.m": 12}


def _times_joined(ws: list[Word], text: str, offset: int) -> list[Word]:
    """A time of day as one word whose key is the time on the 24-hour clock ("6am", "06:00"
    and "6 a.m." are "06:00"; "6.30pm" is "18:30"), so that the ways of writing it align."""
    out: list[Word] = []
    i = 0
    while i < len(ws):
        w = ws[i]
        m = _ONE_TIME.match(text, w.start - offset) if w.key[:1].isdigit() else None
        if m is None:
            out.append(w)
            i += 1
            continue
        hour, minute = int(m.group("h")), int(m.group("m") or 0)
        half = (m.group("ap") or "").lower().rstrip(".")
        # (a time is on the 12-hour clock, or written with a colon: "2.30" is a number)
        timed = half or m.group("sep") == ":"
        if half:
            hour = hour % 12 + _HALF_DAY[half]
        end = m.end() + offset
        if not timed or hour > 23 or minute > 59:
            out.append(w)
            i += 1
            continue
        key = f"{hour:02d}:{minute:02d}"
        out.append(Word(m.group(0), w.start, end, key, key, None, False))
        i += 1
        while i < len(ws) and ws[i].start < end:
            i += 1  # the words the time was read from
    return out


_ONE_TIME = re.compile(r"(?P<h>\d{1,2})(?:(?P<sep>[:.])(?P<m>\d\d))?(?:\s?(?P<ap>[ap]m\b|[ap]\.m\.?))?", re.I)


_PERCENT_WORDS = re.compile(r"(?:\bper\s?cent|\bpercent|\dpc|\d\spc)\b", re.I)


def _percent_joined(ws: list[Word], text: str, offset: int) -> list[Word]:
    """ "18 per cent", "18 percent" and "18pc" as one word, "18%", so that they align with
    each other and compare by value."""
    out: list[Word] = []
    i = 0
    while i < len(ws):
        w = ws[i]
        k = w.key
        if k[:1].isdigit() and not k.endswith("%"):
            nxt = [x.key for x in ws[i + 1 : i + 3]]
            n = 2 if nxt[:2] == ["per", "cent"] else 1 if nxt[:1] in (["percent"], ["pc"]) else 0
            if n:
                last = ws[i + n]
                key = k + "%"
                out.append(Word(text[w.start - offset : last.end - offset], w.start, last.end, key, stem(key)))
                i += n + 1
                continue
        out.append(w)
        i += 1
    return out


FOCUS = 400  # source words an alignment looks at


def focus(a: list[Word], b: list[Word], size: int = FOCUS) -> list[Word]:
    """The ``size`` words of a long source text where most of the item's words are, so that
    aligning against a megabyte-long sentence costs what a normal one does."""
    if len(b) <= size:
        return b
    wanted = {w.key for w in a} | {w.stem for w in a}
    hits = [j for j, w in enumerate(b) if w.key in wanted or w.stem in wanted]
    if not hits:
        return b[:size]
    best, best_start, lo = 0, hits[0], 0
    for hi in range(len(hits)):
        while hits[hi] - hits[lo] >= size:
            lo += 1
        if hi - lo + 1 > best:
            best, best_start = hi - lo + 1, hits[lo]
    start = max(0, min(best_start - size // 8, len(b) - size))
    return b[start : start + size]


def join_compounds(a: list[Word], b: list[Word]) -> tuple[list[Word], list[Word]]:
    """Where one side writes two words that the other writes as one ("cyber security" /
    "cybersecurity"), join the pair so that the alignment sees one word on each side."""

    def join(side: list[Word], other_keys: set[str]) -> list[Word]:
        out: list[Word] = []
        i = 0
        while i < len(side):
            w = side[i]
            if i + 1 < len(side) and not w.special and not side[i + 1].special:
                k = w.key + side[i + 1].key
                if k in other_keys and w.key not in other_keys:
                    n = side[i + 1]
                    out.append(Word(w.text + " " + n.text, w.start, n.end, k, stem(k), None, w.capital))
                    i += 2
                    continue
            out.append(w)
            i += 1
        return out

    return join(a, {w.key for w in b}), join(b, {w.key for w in a})


@dataclass
class Op:
    tag: str  # equal | replace | insert (item only) | delete (source only) | absorb (gap/bracket)
    i1: int
    i2: int
    j1: int
    j2: int


@dataclass
class Alignment:
    a: list[Word]
    b: list[Word]
    ops: list[Op]
    score: float
    texts: tuple[str, str] | None = None  # what ``a`` and ``b`` were read from, if known

    def span(self, side: str, i1: int, i2: int) -> str:
        """Words ``i1:i2`` of side ``a`` or ``b`` as their text writes them (see :func:`span_text`)."""
        ws = self.a if side == "a" else self.b
        return span_text(ws, i1, i2, self.texts and self.texts[side == "b"])

    @property
    def window(self) -> tuple[int, int]:
        inner = [o for o in self.ops if o.tag in ("equal", "replace", "absorb") and o.j2 > o.j1]
        if not inner:
            return (0, 0)
        return inner[0].j1, inner[-1].j2

    def matched(self) -> int:
        return sum(o.i2 - o.i1 for o in self.ops if o.tag == "equal")

    def matched_b(self) -> set[int]:
        """The indices of the ``b`` words an ``a`` word matched."""
        return {j for o in self.ops if o.tag == "equal" for j in range(o.j1, o.j2)}

    def segments(self) -> list[Op]:
        """The differing stretches inside the window, neighbours merged."""
        lo, hi = self.window
        out: list[Op] = []
        for o in self.ops:
            if o.tag in ("equal", "absorb"):
                continue
            if o.tag == "delete" and (o.j2 <= lo or o.j1 >= hi):
                continue
            if out and out[-1].i2 == o.i1 and out[-1].j2 == o.j1:
                p = out[-1]
                out[-1] = Op("replace", p.i1, o.i2, p.j1, o.j2)
            else:
                out.append(Op(o.tag, o.i1, o.i2, o.j1, o.j2))
        for k, o in enumerate(out):
            if o.i2 > o.i1 and o.j2 > o.j1:
                out[k] = Op("replace", o.i1, o.i2, o.j1, o.j2)
        return out


def _weight(w: Word) -> float:
    if w.special:
        return 0.0
    if w.key in STOPWORDS:
        return 0.4
    return 2.0 if w.capital or w.key[:1].isdigit() else 1.0


def align(
    a: list[Word], b: list[Word], *, by: str = "key", gap_a: float = -1.0, gap_b: float = -0.3, mismatch: float = -0.9
) -> Alignment:
    """Align item words ``a`` against source words ``b`` (semi-global, see module doc).

    A changed word costs a little less than an added one, so that "Thursday" against
    "Wednesday" is read as a change even where the source could simply end before it."""
    n, m = len(a), len(b)
    if by == "stem":
        ka = [w.stem for w in a]
        kb = [w.stem for w in b]
    else:
        ka = [w.key for w in a]
        kb = [w.key for w in b]
    NEG = float("-inf")
    # H[i][j]: the best score of a[:i] against b up to j. Only the scores are kept: the move
    # into a cell is worked out again on the way back, for the n + m cells of the path alone,
    # from the same three sums compared in the same order (the filling is the alignment's
    # cost; every candidate of every item is aligned). Rows are appended as they are filled,
    # reading the row above in step. A[i]: in a gap's row, where each cell's absorbed run starts.
    H: list[list[float]] = [[0.0] * (m + 1)]
    A: dict[int, list[int]] = {}
    hits: list[float] = [0.0]  # per row: what a match scores
    for i in range(1, n + 1):
        w = a[i - 1]
        prev = H[i - 1]
        if w.special:
            best, best_j = NEG, 0
            row, arow = [], []
            for v in prev:
                if v > best:
                    best, best_j = v, len(row)
                row.append(best)
                arow.append(best_j)
            H.append(row)
            A[i] = arow
            hits.append(0.0)
            continue
        hit = max(_weight(w), 0.4)
        hits.append(hit)
        key = ka[i - 1] or None  # an empty key matches nothing
        left = diag = prev[0]  # the cells left of (once moved below) and up-left of the one being filled
        left += gap_a
        row = [left]
        for other, up in zip(kb, prev[1:]):
            d = diag + (hit if key == other else mismatch)
            u = up + gap_a
            b_gap = left + gap_b
            left = d if d >= u and d >= b_gap else (u if u >= b_gap else b_gap)
            row.append(left)
            diag = up
        H.append(row)
    # the source may end anywhere
    score = max(H[n])
    j = H[n].index(score)  # the first of the best
    i = n
    raw: list[tuple[str, int, int, int, int]] = []
    if j < m:
        raw.append(("delete", n, n, j, m))
    while i > 0:
        if i in A:
            j0 = A[i][j]
            raw.append(("absorb", i - 1, i, j0, j))
            i, j = i - 1, j0
            continue
        same = bool(ka[i - 1]) and j > 0 and ka[i - 1] == kb[j - 1]
        if j > 0:  # the filling's choice: diagonal first, then up, then left
            d = H[i - 1][j - 1] + (hits[i] if same else mismatch)
            u = H[i - 1][j] + gap_a
            b_gap = H[i][j - 1] + gap_b
            move = 1 if d >= u and d >= b_gap else (2 if u >= b_gap else 3)
        else:
            move = 2
        if move == 1:
            raw.append(("equal" if same else "replace", i - 1, i, j - 1, j))
            i, j = i - 1, j - 1
        elif move == 2:
            raw.append(("insert", i - 1, i, j, j))
            i -= 1
        else:
            raw.append(("delete", i, i, j - 1, j))
            j -= 1
    if j > 0:
        raw.append(("delete", 0, 0, 0, j))
    raw.reverse()
    ops: list[Op] = []
    for tag, i1, i2, j1, j2 in raw:
        if ops and ops[-1].tag == tag and ops[-1].i2 == i1 and ops[-1].j2 == j1 and tag != "absorb":
            ops[-1].i2, ops[-1].j2 = i2, j2
        else:
            ops.append(Op(tag, i1, i2, j1, j2))
    return Alignment(a, b, ops, score)


def span_text(ws: list[Word], i1: int, i2: int, text: str | None = None) -> str:
    """Words ``i1:i2`` of ``ws``: from ``text``, which they were read from, as it writes them
    ("7-2", "£4.2m", "U.S."), its spaces folded; else joined by spaces."""
    if text is not None and i2 > i1:
        return " ".join(text[ws[i1].start : ws[i2 - 1].end].split())
    return " ".join(w.text for w in ws[i1:i2])


_SPELLING = [
    (r"ise$", "ize"),
    (r"isation$", "ization"),
    (r"our$", "or"),
    (r"yse$", "yze"),
    (r"tre$", "ter"),
    (r"ence$", "ense"),
    (r"ogue$", "og"),
    (r"lled$", "led"),
    (r"lling$", "ling"),
]


# British past forms in -t beside their -ed ("lessons must be learnt" is the quote "learned")
_PAST_IN_T = {
    "learnt": "learned", "burnt": "burned", "spelt": "spelled", "dreamt": "dreamed", "spoilt": "spoiled",
    "leapt": "leaped", "spilt": "spilled", "smelt": "smelled", "knelt": "kneeled", "dwelt": "dwelled",
}  # fmt: skip

_SUFFIXES = ("", "s", "d", "es", "ed", "ing", "ly")
# the last letters of a word some rule rewrites: the rules rewrite a word's end, under one of
# the suffixes; two words that differ, and that no rule rewrites, are no variants
_REWRITABLE_ENDS = frozenset({pat.rstrip("$")[-1] for pat, _ in _SPELLING} | {s[-1] for s in _SUFFIXES if s})


@lru_cache(maxsize=65536)
def spelling_variant(x: str, y: str) -> bool:
    """British/American spellings and hyphenation of one word."""
    x, y = _spelling_folded(x), _spelling_folded(y)
    if x == y or _PAST_IN_T.get(x, x) == _PAST_IN_T.get(y, y):
        return True
    if x[-1:] not in _REWRITABLE_ENDS and y[-1:] not in _REWRITABLE_ENDS:
        return False
    for suffix in _SUFFIXES:
        if not (x.endswith(suffix) and y.endswith(suffix)):
            continue
        xs, ys = x[: len(x) - len(suffix)], y[: len(y) - len(suffix)]
        for pat, rep in _SPELLING:
            if re.sub(pat, rep, xs) == re.sub(pat, rep, ys):
                return True
    return False


def _spelling_folded(x: str) -> str:
    return x.lower().replace("-", "").replace(" ", "")


@lru_cache(maxsize=65536)
def spelling_signature(x: str) -> tuple[str, int]:
    """The first letter and the length of a word as :func:`spelling_variant` compares it. Two
    words are variants only if their letters are the same and their lengths at most
    ``SPELLING_REACH`` apart: its rules rewrite the end of a word, keep the first letter of
    what they rewrite, and change its length by two at most."""
    x = _spelling_folded(x)
    return x[:1], len(x)


SPELLING_REACH = 2
