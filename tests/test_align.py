"""The aligner keeps only the scores and works the moves out again on the way back; it must
give exactly what the plain dynamic programme with a table of moves gives."""

import random

from factcheck.match import _weight, align, focus, join_compounds, words


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
