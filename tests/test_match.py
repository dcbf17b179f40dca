"""Word alignment and its shortcuts, each held to the plain version it stands in for."""

import random
import re
import sys

import pytest

from factcheck import load_sources
from factcheck.classify import SAME, Settings, _similarity, _similarity_bound, match_quote
from factcheck.match import (
    _PAST_IN_T,
    _SPELLING,
    SPELLING_REACH,
    _weight,
    align,
    focus,
    join_compounds,
    spelling_signature,
    spelling_variant,
    words,
)
from tests.conftest import ROOT


def _plain_align(a, b, *, by="key", gap_a=-1.0, gap_b=-0.3, mismatch=-0.9):
    """The aligner as first written: every cell's move kept in a table."""
    n, m = len(a), len(b)
    ka = [w.stem if by == "stem" else w.key for w in a]
    kb = [w.stem if by == "stem" else w.key for w in b]
    H = [[0.0] * (m + 1) for _ in range(n + 1)]
    P = [[0] * (m + 1) for _ in range(n + 1)]
    A = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        w = a[i - 1]
        if w.special:
            best, best_j = float("-inf"), 0
            for j in range(m + 1):
                if H[i - 1][j] > best:
                    best, best_j = H[i - 1][j], j
                H[i][j], P[i][j], A[i][j] = best, 4, best_j
            continue
        hit = max(_weight(w), 0.4)
        H[i][0], P[i][0] = H[i - 1][0] + gap_a, 2
        for j in range(1, m + 1):
            d = H[i - 1][j - 1] + (hit if ka[i - 1] and ka[i - 1] == kb[j - 1] else mismatch)
            u = H[i - 1][j] + gap_a
            left = H[i][j - 1] + gap_b
            if d >= u and d >= left:
                H[i][j], P[i][j] = d, 1
            elif u >= left:
                H[i][j], P[i][j] = u, 2
            else:
                H[i][j], P[i][j] = left, 3
    j = max(range(m + 1), key=lambda x: (H[n][x], -x))
    score, i, raw = H[n][j], n, []
    if j < m:
        raw.append(("delete", n, n, j, m))
    while i > 0:
        p = P[i][j]
        if p == 1:
            raw.append(("equal" if ka[i - 1] and ka[i - 1] == kb[j - 1] else "replace", i - 1, i, j - 1, j))
            i, j = i - 1, j - 1
        elif p == 2:
            raw.append(("insert", i - 1, i, j, j))
            i -= 1
        elif p == 3:
            raw.append(("delete", i, i, j - 1, j))
            j -= 1
        else:
            raw.append(("absorb", i - 1, i, A[i][j], j))
            i, j = i - 1, A[i][j]
    if j > 0:
        raw.append(("delete", 0, 0, 0, j))
    ops = []
    for tag, i1, i2, j1, j2 in reversed(raw):
        if ops and ops[-1][0] == tag and ops[-1][2] == i1 and ops[-1][4] == j1 and tag != "absorb":
            ops[-1] = (tag, ops[-1][1], i2, ops[-1][3], j2)
        else:
            ops.append((tag, i1, i2, j1, j2))
    return score, ops


def test_align_gives_what_the_plain_programme_gives():
    rng = random.Random(5)
    vocab = [
        "the",
        "a",
        "of",
        "in",
        "is",
        "not",
        "minister",
        "said",
        "Minister",
        "will",
        "spend",
        "2029",
        "2,000",
        "million",
        "pounds",
        "on",
        "cyber",
        "security",
        "cybersecurity",
        "organise",
        "organize",
        "...",
        "…",
        "[the]",
        "[Australian]",
        "Dan",
        "Jarvis",
        "Thursday",
        "Wednesday",
        ",",
        ".",
    ]
    pairs = [("", ""), ("...", "a b c"), ("a b", ""), ("", "a b"), ("[x] a", "a"), ("a ... b", "a x y b")]
    for _ in range(3000):
        item = " ".join(rng.choice(vocab) for _ in range(rng.randint(0, 14)))
        source = " ".join(rng.choice(vocab) for _ in range(rng.randint(0, 40)))
        pairs.append((item, source))
    for item, source in pairs:
        a, b = join_compounds(words(item), focus(words(item), words(source)))
        for by in ("key", "stem"):
            got = align(a, b, by=by, gap_b=-0.15 if by == "stem" else -0.3)
            want = _plain_align(a, b, by=by, gap_b=-0.15 if by == "stem" else -0.3)
            assert (got.score, [(o.tag, o.i1, o.i2, o.j1, o.j2) for o in got.ops]) == want, (item, source, by)


def _plain_spelling_variant(x, y):
    """spelling_variant without its shortcut for words no rule rewrites."""
    x, y = x.lower().replace("-", "").replace(" ", ""), y.lower().replace("-", "").replace(" ", "")
    if x == y or _PAST_IN_T.get(x, x) == _PAST_IN_T.get(y, y):
        return True
    for suffix in ("", "s", "d", "es", "ed", "ing", "ly"):
        if x.endswith(suffix) and y.endswith(suffix):
            xs, ys = x[: len(x) - len(suffix)], y[: len(y) - len(suffix)]
            if any(re.sub(p, r, xs) == re.sub(p, r, ys) for p, r in _SPELLING):
                return True
    return False


def _spelling_words(rng, n):
    stems = ["organ", "colo", "analy", "cent", "catalo", "trave", "defen", "o", "i", "3", "31", "x-", " ", ""]
    tails = [t for p, r in _SPELLING for t in (p.rstrip("$"), r)] + ["e", "s", "d", "n", "1", ""]
    suffixes = ["", "s", "d", "es", "ed", "ing", "ly"]
    out = []
    for _ in range(n):
        w = rng.choice(stems) + rng.choice(tails) + rng.choice(suffixes)
        out.append(w.upper() if rng.random() < 0.2 else w)
    return out


def test_spelling_variant_shortcut_and_signature_hold_to_the_rules():
    rng = random.Random(11)
    ws = _spelling_words(rng, 400)
    pairs = [(rng.choice(ws), rng.choice(ws)) for _ in range(20000)]
    pairs += [("organise", "organize"), ("colour", "color"), ("travelled", "traveled"), ("our", "or"), ("-", "")]
    pairs += [("catalogue", "catalog"), ("cyber-security", "cybersecurity"), ("312", "313"), ("", "")]
    pairs += [(t, ed) for t, ed in _PAST_IN_T.items()] + [
        ("Learned", "learnt"),
        ("learnt", "leant"),
        ("burnt", "learned"),
    ]
    for p, r in _SPELLING:  # each rule both ways, under every suffix, on stems of every length
        for stem in ("", "o", "organ", "Trave"):
            for suffix in ("", "s", "d", "es", "ed", "ing", "ly"):
                pairs.append((stem + p.rstrip("$") + suffix, stem + r + suffix))
                pairs.append((stem + r + suffix, "-" + stem + p.rstrip("$") + suffix))
    variants = 0
    for x, y in pairs:
        want = _plain_spelling_variant(x, y)
        assert spelling_variant(x, y) == want, (x, y)
        if want:  # what the aligner's bound relies on to leave other words unread
            variants += 1
            (lx, nx), (ly, ny) = spelling_signature(x), spelling_signature(y)
            assert lx == ly and abs(nx - ny) <= SPELLING_REACH, (x, y)
    assert variants > 500  # the generated pairs do reach the rules


def test_similarity_bound_is_never_below_the_similarity():
    rng = random.Random(12)
    vocab = [*_spelling_words(rng, 30), "the", "a", "not", "2029", "Jarvis", "...", "[the]", "cyber", "security"]
    vocab.append("cybersecurity")
    reached = 0
    for _ in range(4000):
        item = " ".join(rng.choice(vocab) for _ in range(rng.randint(0, 12)))
        source = " ".join(rng.choice(vocab) for _ in range(rng.randint(0, 30)))
        a, b = join_compounds(words(item), focus(words(item), words(source)))
        got, bound = _similarity(align(a, b, by="key")), _similarity_bound(a, b)
        assert got <= bound, (item, source)
        reached += got == bound > 0
    assert reached > 100  # the bound is tight where every word matches


def test_match_quote_leaves_out_only_what_cannot_tie_with_the_best(tmp_path):
    """``best_only`` and ``at_least`` leave quotes unaligned; what they return must be what the
    full list holds of the best (and above the floor), in the same order, on an archive of
    near-identical quotes (the benchmark's) and on the bundled sources."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import bench
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    world, facts = bench.generate(tmp_path / "sources", 3000, seed=5)
    claims = [c for c, _, _ in bench.make_claims(world, facts, 300, seed=5) if c.kind == "quote"]
    settings = Settings()
    for folder in (tmp_path / "sources", ROOT / "sources"):
        corpus = load_sources(folder)
        texts = [c.text for c in claims] if folder != ROOT / "sources" else [q.text for q in corpus.quotes]
        texts += ["We will save millions", "nothing at all like any of it"]
        for text in texts:
            for candidates in (None, corpus.quotes[:200]):
                full = match_quote(text, corpus, settings, candidates)

                def key(ms):
                    return [(m.view.source, m.view.text, m.similarity, m.alignment.score) for m in ms]

                if full:
                    best = [m for m in full if m.similarity >= full[0].similarity - SAME]
                    assert key(match_quote(text, corpus, settings, candidates, best_only=True)) == key(best)
                floor = [m for m in full if m.similarity >= 0.8]
                assert key(match_quote(text, corpus, settings, candidates, at_least=0.8)) == key(floor)
                both = [m for m in best if m.similarity >= 0.8] if full else []
                got = match_quote(text, corpus, settings, candidates, best_only=True, at_least=0.8)
                assert key(got) == key(both)


@pytest.mark.parametrize("text", ["fell 18 per cent", "fell 18 percent", "fell 18pc", "fell 18%"])
def test_a_percentage_is_one_word_however_written(text):
    from factcheck.match import words

    ws = words(text)
    assert [w.key for w in ws] == ["fell", "18%"]
    assert text[ws[1].start : ws[1].end] == text.split(" ", 1)[1]  # the text as written


@pytest.mark.parametrize(
    "text, key",
    [
        ("until 06:00 GMT", "06:00"),
        ("until 6am GMT", "06:00"),
        ("at 6 a.m. on Friday", "06:00"),
        ("at 6.30pm on", "18:30"),
        ("at 12am", "00:00"),
        ("at 12pm", "12:00"),
        ("at 18:30.", "18:30"),
    ],
)
def test_a_time_of_day_is_one_word_on_the_24_hour_clock(text, key):
    assert key in [w.key for w in words(text)]


def test_numbers_that_look_like_times_are_not():
    assert [w.key for w in words("rose 2.30 points")] == ["rose", "2.30", "points"]
    assert [w.key for w in words("I am here")] == ["i", "am", "here"]
