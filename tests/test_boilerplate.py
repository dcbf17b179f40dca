"""What is not the article's own reporting is marked, kept out of sentences, and never evidence."""

import pytest

from factcheck.ingest import read_source
from tests.conftest import write


def marked(src):
    return [(p.line, p.boilerplate) for p in src.paragraphs if p.boilerplate]


def test_seed_000_trailing_source_line_is_metadata(by_id):
    src = by_id["ukgov-cyberuk-ai-defence"]
    assert marked(src) == [(15, "source-line")]
    assert not any("Source: UK Government" in s.text for s in src.sentences)


def test_seed_001_comments_block(by_id):
    src = by_id["uk-open-source-ai-resilience"]
    assert marked(src) == [(15, "comments"), (16, "comments"), (17, "comments")]
    assert src.sentences[-1].text.endswith("regulatory standards for AI and cyber defense.")


def test_seed_002_trailing_related_headlines(by_id):
    src = by_id["ukaus-ai-security-pact"]
    assert marked(src) == [(17, "related-headlines"), (18, "related-headlines")]
    assert not any("Magowan" in s.text or "Quantum" in s.text for s in src.sentences)


def test_seed_003_read_also_line(by_id):
    src = by_id["ukaus-ai-security-alliance"]
    assert marked(src) == [(22, "read-also")]
    assert not any("Bruno Fernandes" in s.text for s in src.sentences)


def test_seed_004_newsletter_bio_and_related_list(by_id):
    src = by_id["ukaus-itpro"]
    reasons = dict(marked(src))
    assert reasons[10] == "newsletter"
    assert reasons[16] == "author-bio"
    assert {reasons[n] for n in range(17, 33)} == {"related-articles"}
    # the closing list of related articles yields no sentences
    assert all(s.paragraph < 16 for s in src.sentences)
    assert src.sentences[-1].text.startswith('"By strengthening cooperation with democracies')


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Read more: Ten things you missed", "read-also"),
        ("RELATED: Markets fall again", "read-also"),
        ("Subscribe to our newsletter for daily updates", "newsletter"),
        ("Jane Roe is a senior reporter covering technology for the paper.", "author-bio"),
        ("Loading comments...", "comments"),
    ],
)
def test_boilerplate_rules_are_general(tmp_path, line, reason):
    body = "A first sentence of reporting.\nA second paragraph of reporting, with more.\n"
    src = read_source(write(tmp_path / "a.txt", body + line + "\n"))
    assert marked(src) == [(3, reason)]


def test_boilerplate_is_never_evidence(corpus):
    from factcheck import Claim, check_claims

    claim = Claim("x", "t", 1, 1, "claim", "Bruno Fernandes broke the Premier League assist record.")
    (item,) = check_claims([claim], corpus)
    assert item.verdict == "unsupported"
    assert not any("Bruno" in e.text for e in item.evidence)


def _texts(alphabet, n=4000, seed=5):
    import random

    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(n)]


def test_terminal_is_the_pattern_it_replaced():
    import re

    from factcheck.ingest import _terminal

    pattern = re.compile(r"[.!?\"')\]:;]\s*$")
    pieces = ["a", "B", ".", "!", "?", '"', "'", ")", "]", ":", ";", ",", " ", "\n", "\t", "\u00a0", "\u2003", "x."]
    texts = [*_texts(pieces), "", " ", "Done.", "Done. ", "Done.\n", "Heading", "He said: ", "(aside)\n\n"]
    assert sum(_terminal(t) for t in texts) > 100
    for t in texts:
        assert _terminal(t) == bool(pattern.search(t)), repr(t)


def test_newsletter_pattern_with_its_lookahead_finds_what_it_found():
    import re

    from factcheck.ingest import _NEWSLETTER

    plain = re.compile(
        r"\b(sign up|signup|subscribe)\b.{0,120}\b(newsletter|inbox|report|free|today|updates|briefing)\b"
        r"|\bnewsletter\b.{0,60}\b(sign up|subscribe)\b",
        re.I,
    )
    words = [
        "sign up",
        "SIGN UP",
        "ſign up",
        "signup",
        "Subscribe",
        "newsletter",
        "NEWSLETTER",
        "inbox",
        "free",
        "today",
        "x",
        "news",
        "resign up",
        "the",
        "report",
        "briefing",
    ]
    pieces = [w + sep for w in words for sep in (" ", "", ". ", "\n")]
    texts = _texts(pieces, seed=6)
    assert sum(bool(plain.search(t)) for t in texts) > 100
    for t in texts:
        assert [m.span() for m in _NEWSLETTER.finditer(t)] == [m.span() for m in plain.finditer(t)], repr(t)


def test_newsletter_precheck_finds_what_the_pattern_finds():
    """ASCII paragraphs without "sign" or "subscribe" are passed over unscanned; the answer is
    the pattern's on every text, including letters IGNORECASE folds and lower() does not."""
    import random

    from factcheck.ingest import _NEWSLETTER, _newsletter

    rng = random.Random(4)
    words = ["sign up", "Sign Up", "SIGNUP", "subscribe", "SUBSCRIBE", "newsletter", "Newsletter", "inbox"]
    words += ["free", "today", "briefing", "report", "updates", "the", "signs", "designer", "\u2014", "x"]
    words += ["\u017fign up", "\u017fubscribe", "s\u0131gn up", "S\u0130GN UP", "newsletters"]
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 6))) for _ in range(5000)]
    found = 0
    for text in texts:
        want = _NEWSLETTER.search(text) is not None
        assert _newsletter(text) == want, text
        found += want
    assert 500 < found < 4500
