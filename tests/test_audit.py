"""Disagreements between sources, and the aliases that are not disagreements."""

import pytest
from click.testing import CliRunner

from factcheck.cli import main


def by_id(corpus):
    return {c.id: c for c in corpus.conflicts}


def test_australian_safety_institute_variant_with_sources_and_offsets(corpus):
    c = by_id(corpus)["entity-variant:australian-safety-institute"]
    assert c.severity == "warning"
    short, long = c.forms
    assert short["text"] == "Australian Safety Institute"
    assert [(h["source"], h["line"]) for h in short["holders"]] == [("ukaus-ai-security-alliance", 3)]
    assert long["text"] == "Australian AI Safety Institute"
    assert {h["source"] for h in long["holders"]} == {"ukaus-ai-security-pact", "ukaus-itpro"}
    src = corpus.source("ukaus-ai-security-alliance")
    h = short["holders"][0]
    assert src.text[h["start"] : h["end"]] == "Australian Safety Institute"


def test_punctuation_only_variant_is_info(corpus):
    c = by_id(corpus)[
        "entity-variant:international-network-for-advanced-ai-measurement-evaluation-and-science:punctuation"
    ]
    assert c.severity == "info"
    assert {f["text"] for f in c.forms} == {
        "International Network for Advanced AI Measurement, Evaluation and Science",
        "International Network for Advanced AI Measurement, Evaluation, and Science",
    }


def test_aliases_and_case_are_not_conflicts(corpus):
    texts = " ".join(f["text"] for c in corpus.conflicts for f in c.forms)
    for alias in ("AISI", "UK AI Security Institute", "National Cyber Security Centre", "UK AI minister"):
        assert alias not in texts


def test_audit_table(monkeypatch):
    from tests.conftest import ROOT

    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["audit"])
    assert result.exit_code == 0
    # (the table alone: a note that a stale index was rebuilt goes to standard error)
    lines = result.stdout.splitlines()
    assert lines[0].split()[:2] == ["severity", "type"]
    assert lines[2].startswith("warning")  # most severe first


def test_narayan_quote_variant_is_spelling_only(corpus):
    (c,) = [c for c in corpus.conflicts if c.type == "quote-variant"]
    assert c.severity == "info"
    sources = {h["source"] for f in c.forms for h in f["holders"]}
    assert sources == {"ukaus-ai-security-alliance", "ukaus-itpro"}
    assert "cyber security" in c.message and "cybersecurity" in c.message
    for f in c.forms:
        for h in f["holders"]:
            assert corpus.source(h["source"]).text[h["start"] : h["end"]] == h["text"]


def test_which_australian_minister_signs(corpus):
    c = by_id(corpus)["role:counterpart:australia"]
    assert c.severity == "warning"
    people = {f["text"].split(" (")[0]: {h["source"] for h in f["holders"]} for f in c.forms}
    assert people == {
        "Andrew Charlton": {"ukaus-ai-security-alliance", "ukaus-itpro"},
        "Tim Ayres": {"ukaus-itpro"},
    }


def test_established_last_year_or_newly_created(corpus):
    c = by_id(corpus)["status:ai-safety-institute"]
    established, new = c.forms
    assert [h["source"] for h in established["holders"]] == ["ukaus-ai-security-pact"]
    assert "late last year" in established["holders"][0]["text"]
    assert {h["source"] for h in new["holders"]} == {"ukaus-itpro"}
    assert any("newly-created" in h["text"] for h in new["holders"])


def _corpus(tmp_path, files):
    from factcheck import load_sources
    from tests.conftest import write

    for name, text in files.items():
        write(tmp_path / name, text)
    return load_sources(tmp_path)


def test_fact_conflict_between_sources(tmp_path):
    corpus = _corpus(
        tmp_path,
        {
            "a.txt": "The council approved the budget on Tuesday after a long debate.\n",
            "b.txt": "The council approved the budget on Wednesday after a long debate.\n",
        },
    )
    (c,) = corpus.conflicts
    assert (c.type, c.severity) == ("fact", "warning")
    assert [f["text"] for f in c.forms] == ["Tuesday", "Wednesday"]


REUTERS = (
    "Storm Babet kills seven\n\n"
    "LONDON (Reuters) - Storm Babet killed at least seven people across Britain on Friday, police said, "
    "as record rainfall flooded hundreds of homes.\n\n"
    "Environment Secretary Therese Coffey said the government would provide 50 million pounds for "
    "affected households.\n\n"
    "The Met Office issued a rare red warning for parts of eastern Scotland on Thursday.\n\n"
    '"This is an unprecedented event and we will stand by every community affected," Coffey told reporters.\n'
)
AP = (
    "Deadly storm floods Scottish towns\n\n"
    "BRECHIN, Scotland (AP) \u2014 Storm Babette killed at least six people in Britain, authorities said "
    "Friday, as heavy rain flooded hundreds of homes.\n\n"
    "Environment Minister Therese Coffey said the government would provide 40 million pounds for "
    "affected households.\n\n"
    "The Met Office issued a red warning for parts of eastern Scotland on Wednesday.\n\n"
    '"This is an unprecedented event, and we will stand by every community that has been affected," '
    "Humza Yousaf told reporters.\n"
)


def test_two_agencies_telling_one_event_in_their_own_words_disagree_on_its_facts(tmp_path):
    corpus = _corpus(tmp_path, {"reuters.txt": REUTERS, "ap.txt": AP})
    facts = {tuple(sorted(f["text"] for f in c.forms)) for c in corpus.conflicts if c.type == "fact"}
    assert facts == {("seven", "six"), ("40", "50"), ("Thursday", "Wednesday")}
    # the same words, reworded, given to two people
    (c,) = [c for c in corpus.conflicts if c.type == "attribution"]
    assert {f["text"] for f in c.forms} == {"Therese Coffey", "Humza Yousaf"}


@pytest.mark.parametrize(
    "one, other",
    [
        # another topic, another speaker, another verb: other statements, whatever the numbers
        (
            "The Toronto Transport Council reviewed 767 new flood defences projects in Perth on Saturday.",
            "The Toronto Transport Council reviewed 462 new port upgrades projects in Perth on Saturday.",
        ),
        (
            "Alfie Nakamura, the minister for science, said the Oslo Water Council would review solar farms "
            "in May 2023.",
            "Ella Moreau, the minister for science, said the Oslo Water Council would review solar farms "
            "in January 2023.",
        ),
        (
            "The Perth Transport Agency rejected 173 new coastal erosion projects in Osaka on Friday, officials said.",
            "The Perth Transport Agency paused 33 new coastal erosion projects in Osaka on Friday, officials said.",
        ),
    ],
)
def test_statements_that_differ_in_more_than_a_value_are_no_fact_conflict(tmp_path, one, other):
    corpus = _corpus(tmp_path, {"a.txt": f"One\n\n{one}\n", "b.txt": f"Two\n\n{other}\n"})
    assert not [c for c in corpus.conflicts if c.type == "fact"]


BBC = (
    "Storm Babet: Brechin counts the cost\n\n"
    "The Met Office's red warning for eastern Scotland was issued on Thursday.\n\n"
    'Ms Coffey said: "This is an unprecedented event and we will stand by every community affected."\n'
)


def test_a_claim_is_disputed_where_one_source_agrees_and_another_does_not(tmp_path):
    # the closest telling of the Reuters sentence is the BBC's, which agrees; the AP's does not
    from factcheck import Claim, check_claims

    corpus = _corpus(tmp_path, {"reuters.txt": REUTERS, "ap.txt": AP, "bbc.txt": BBC})
    claim = Claim(
        "c", "d.md", 1, 1, "claim", "The Met Office issued a rare red warning for eastern Scotland on Thursday."
    )
    quote = Claim(
        "q",
        "d.md",
        3,
        1,
        "quote",
        "This is an unprecedented event and we will stand by every community affected.",
        "Therese Coffey",
    )
    it, q = check_claims([claim, quote], corpus)
    assert it.verdict == "disputed"
    assert any(f.type == "date" and "Wednesday" in f.message for f in it.findings)
    # the AP gives the words, a little reworded, to Humza Yousaf
    assert q.verdict == "disputed"
    assert any(f.type == "speaker" and "Humza Yousaf" in f.message for f in q.findings)


@pytest.mark.parametrize("amount", ["40", "$40", "£40"])
def test_an_amount_one_telling_adds_is_no_rewording(amount):
    # a sum counts, with a currency's sign or without; a word that names and counts nothing
    # is rewording
    from factcheck.audit import _rewording
    from factcheck.match import align, words

    def added(extra):
        al = align(
            words("The council approved the plan on Monday"), words(f"The council approved the {extra} plan on Monday")
        )
        (seg,) = al.segments()
        return _rewording(al, seg)

    assert not added(amount)
    assert added("rare")


def test_a_dateline_is_no_part_of_the_first_sentence(tmp_path):
    corpus = _corpus(tmp_path, {"reuters.txt": REUTERS, "ap.txt": AP})
    assert corpus.source("reuters").sentences[1].text.startswith("Storm Babet killed")
    assert corpus.source("ap").sentences[1].text.startswith("Storm Babette killed")
    # its words are still the source's text, and a heading keeps its capitals
    assert "LONDON (Reuters)" in corpus.source("reuters").text
    assert corpus.source("reuters").sentences[0].text == "Storm Babet kills seven"


def test_one_title_in_two_countries_is_two_titles(tmp_path):
    corpus = _corpus(
        tmp_path,
        {
            "a.txt": "Summit\n\nDutch Prime Minister Mark Rutte met Hungarian Prime Minister Viktor Orban.\n",
            "b.txt": "Talks\n\nDutch Prime Minister Dick Schoof met the press.\n",
        },
    )
    (c,) = [c for c in corpus.conflicts if c.type == "role"]
    assert {f["text"] for f in c.forms} == {"Mark Rutte: Dutch Prime Minister", "Dick Schoof: Dutch Prime Minister"}


@pytest.mark.parametrize(
    "a, b",
    [
        (
            "We will build the new bridge by the end of the decade,",
            "We will build the new bridge by the end of the decade,",
        ),
        # the same words spelled two ways
        (
            "We will organise the whole programme by the end of the decade,",
            "We will organize the whole programme by the end of the decade,",
        ),
    ],
)
def test_attribution_conflict_between_sources(tmp_path, a, b):
    corpus = _corpus(tmp_path, {"a.txt": f'"{a}" said Jane Doe.\n', "b.txt": f'"{b}" said John Roe.\n'})
    (c,) = [c for c in corpus.conflicts if c.type == "attribution"]
    assert {f["text"] for f in c.forms} == {"Jane Doe", "John Roe"}


def test_one_person_two_titles(tmp_path):
    corpus = _corpus(
        tmp_path,
        {
            "a.txt": "Health Secretary Jane Doe opened the ward.\n",
            "b.txt": "Education Secretary Jane Doe opened the school.\n",
        },
    )
    (c,) = [c for c in corpus.conflicts if c.type == "role"]
    assert {f["text"] for f in c.forms} == {"Health Secretary", "Education Secretary"}


def test_check_lists_the_conflicts_its_items_touch(tmp_path):
    from factcheck import check

    corpus = _corpus(
        tmp_path / "src",
        {
            "a.txt": "The council approved the budget on Tuesday after a long debate.\n",
            "b.txt": "The council approved the budget on Wednesday after a long debate.\n",
        },
    )
    from tests.conftest import write

    draft = write(tmp_path / "d.md", "The council approved the budget on Tuesday after a long debate.\n")
    report = check([draft], sources=corpus)
    (it,) = report.items
    assert it.verdict == "disputed"
    assert [c.type for c in report.conflicts] == ["fact"]


@pytest.mark.parametrize(
    "text",
    [
        "(Lagos) Health Institute set up last year",
        "subagency Water Institute",
        "the Institute of Health Agency",
        "A new AI Safety Institute and the UK Agency",
        "its own AI safety institute, established in 2023",
        "Institute Agency Council",
        "xInstitute Agency",
        "a b c d e Institute",
        "Health\tInstitute and Water  Agency",
        "the offices of the Agency",
        "THE LAGOS HEALTH INSTITUTE was set up",
        "the Ministère de la Santé Agency and Zoë's Institute",
        "an agenſy and the Health Inſtitute",
    ],
)
def test_bodies_are_what_the_words_first_pattern_finds(text):
    import re

    from factcheck.audit import _bodies
    from factcheck.entities import ORG_HEADS

    alts = "|".join(sorted(ORG_HEADS))
    pattern = re.compile(r"((?:[A-Za-z]+\s+){0,3}?(?:" + alts + r"))\b", re.I)
    want = [(m.group(1), m.start(), m.end()) for m in pattern.finditer(text)]
    assert [(b.group(1), b.start(), b.end()) for b in _bodies(text)] == want


def test_heads_tree_matches_the_plain_list():
    """The organisation heads' pattern shares prefixes; it must find what the list finds."""
    import random
    import re

    from factcheck.audit import _heads
    from factcheck.entities import ORG_HEADS
    from factcheck.normalise import alternation

    words = sorted(ORG_HEADS)
    plain = re.compile(r"(?:" + "|".join(words) + r")\b", re.I)
    assert _heads().pattern == alternation(words) + r"\b"
    assert re.fullmatch(alternation(["co", "coalition", "corp"]), "co")
    assert alternation(["co", "coalition", "corp"]) == "co(?:|alition|rp)"
    rng = random.Random(3)
    texts = ["Tesco and the Co-op Group's BOARD, a Corporation's corp. council", "economic councils"]
    for _ in range(3000):
        picks = [
            rng.choice([*words, "xx", "tesco", "Co-op"]) + rng.choice(["", "s", "_", ",", ".", "é"]) for _ in range(4)
        ]
        text = " ".join(picks)
        texts.append(text.upper() if rng.random() < 0.3 else text)
    for text in texts:
        assert [m.span() for m in _heads().finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_status_words_tree_matches_the_plain_list():
    import random
    import re

    from factcheck.audit import _STATUS, _STATUS_WORDS

    plain = re.compile(r"\b(" + _STATUS + r")\b", re.I)
    rng = random.Random(2)
    words = [*_STATUS.split("|"), "setup", "news", "renew", "up", "set", "NEWLY"]
    texts = [" ".join(rng.choice(words) + rng.choice(["", " ", "s", "-", "é"]) for _ in range(4)) for _ in range(5000)]
    for text in ["A newly created body", "It was set up in 2020", "the Renewal Institute", *texts]:
        assert [m.span() for m in _STATUS_WORDS.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_status_search_in_lower_case_finds_what_ignorecase_finds():
    """``_says_status`` lowers ASCII text instead of asking IGNORECASE: the same answer on
    every text, including the letters IGNORECASE folds that lower() does not ("ſ", "K")."""
    import random

    from factcheck.audit import _STATUS, _STATUS_WORDS, _says_status

    rng = random.Random(3)
    words = [*_STATUS.split("|"), "setup", "news", "renew", "SET UP", "Newly", "ſet up", "eſtablished", "Kreated"]
    marks = ["", " ", "s", "-", "é", "_", "1", "'", "\u212a"]
    texts = [" ".join(rng.choice(words) + rng.choice(marks) for _ in range(4)) for _ in range(5000)]
    texts += ["A newly created body", "NEW", "news", "It was Set Up in 2020", "the Renewal Institute", ""]
    found = 0
    for text in texts:
        want = _STATUS_WORDS.search(text) is not None
        assert _says_status(text) == want, text
        found += want
    assert 0 < found < len(texts)


def test_head_words_found_in_lowered_ascii_text_are_those_ignorecase_finds():
    import random

    from factcheck.audit import _head_matches, _heads
    from factcheck.entities import ORG_HEADS

    rng = random.Random(8)
    words = [*sorted(ORG_HEADS)[:40], "Institute", "AGENCY", "ſervice", "Zoë", "the", "x", "Co", "COUNCILS"]
    texts = [" ".join(rng.choice(words) + rng.choice(["", "s", "'s", "-", "1"]) for _ in range(6)) for _ in range(3000)]
    for text in texts:
        want = [m.span() for m in _heads().finditer(text)]
        assert [m.span() for m in _head_matches(text)] == want, text


@pytest.mark.parametrize(
    "one, other",
    [
        (
            "Sales rose to £2.1bn last year, the company said.",
            "Sales rose to £3.1bn last year, the company said.",
        ),
        ("Turnout was 70 per cent in the first round.", "Turnout was 60 per cent in the first round."),
        (
            "The council approved the budget after a long debate.",
            "The council rejected the budget after a long debate.",
        ),
    ],
)
def test_one_statement_with_another_value_or_its_opposite_is_a_fact_conflict(tmp_path, one, other):
    corpus = _corpus(tmp_path, {"a.txt": f"One\n\n{one}\n", "b.txt": f"Two\n\n{other}\n"})
    assert len([c for c in corpus.conflicts if c.type == "fact"]) == 1


def test_one_officer_given_two_ranks_is_a_role_conflict(tmp_path):
    from factcheck import load_sources
    from tests.conftest import write

    write(tmp_path / "a.txt", 'Fraud\n\nDetective Inspector Mark Rowe said: "This was a calculated fraud."\n')
    write(tmp_path / "b.txt", 'Fraud\n\n"This was a calculated fraud," said Detective Sergeant Mark Rowe.\n')
    write(tmp_path / "c.txt", 'Fraud\n\nSergeant Mark Rowe said it was "calculated".\n')  # a bare rank: no title
    roles = [c for c in load_sources(tmp_path).conflicts if c.type == "role"]
    assert [sorted(f["text"] for f in c.forms) for c in roles] == [["Detective Inspector", "Detective Sergeant"]]


BYPASS = {
    "a.txt": "Council backs bypass\n\nHarrowfield council approved the new bypass on Tuesday night after a "
    "four-hour debate.\n",
    "b.txt": "Bypass plan thrown out\n\nHarrowfield council did not approve the new bypass on Tuesday night after "
    "a four-hour debate.\n",
}


def test_a_negation_one_telling_lacks_is_shown_with_the_word_it_negates(tmp_path):
    corpus = _corpus(tmp_path, BYPASS)
    (c,) = corpus.conflicts
    assert [f["text"] for f in c.forms] == ["approved", "did not approve"]
    assert c.message == "negation: 'approved' (a) vs 'did not approve' (b)"


def test_a_fact_conflict_reads_the_same_whichever_telling_check_asked_about(tmp_path):
    from factcheck import Claim, check_claims

    corpus = _corpus(tmp_path, BYPASS)
    claims = [
        Claim("1", "d.md", 1, 1, "claim", "Harrowfield council approved the new bypass on Tuesday night."),
        Claim("2", "d.md", 2, 1, "claim", "Harrowfield council did not approve the new bypass on Tuesday night."),
    ]
    one, two = check_claims(claims, corpus)
    assert [e.source for e in one.evidence] == ["a"] and [e.source for e in two.evidence] == ["b"]
    assert one.findings[-1].message == two.findings[-1].message


@pytest.mark.parametrize(
    "text, verdict",
    [
        # it says what was or was not done: either way, the sources disagree on it
        ("Harrowfield council approved the new bypass on Tuesday night.", "disputed"),
        ("Harrowfield council did not approve the new bypass on Tuesday night.", "disputed"),
        ("Harrowfield council rejected the new bypass.", "disputed"),
        # wrong on another count, which no source disputes
        ("Harrowfield council approved the new bypass on Wednesday night.", "contradicted"),
        # says nothing of the vote's outcome
        ("Harrowfield council held a four-hour debate on the bypass on Tuesday night.", None),
    ],
)
def test_a_claim_that_says_whether_it_was_done_is_disputed_where_the_sources_disagree(tmp_path, text, verdict):
    from factcheck import Claim, check_claims

    corpus = _corpus(tmp_path, BYPASS)
    (item,) = check_claims([Claim("1", "d.md", 1, 1, "claim", text)], corpus)
    disputes = [f for f in item.findings if "disagree on whether it was done" in f.message]
    if verdict is None:
        assert item.verdict != "disputed" and not disputes
    else:
        assert item.verdict == verdict
        assert bool(disputes) == (verdict == "disputed")


BRIDGE = {
    "bbc.txt": "Bridge collapse\n\nAt least five people have died after a road bridge collapsed into the River Tay "
    "near Perth on Monday evening, police have said.\n\nThe bridge was built in 1968.\n",
    "herald.txt": "Tay bridge collapses\n\nSix people were killed when a bridge over the River Tay collapsed on "
    "Monday night, sending four vehicles plunging into the river.\n",
    "courier.txt": "What we know\n\nA bridge over the River Tay near Perth collapsed on Monday evening.\n",
}


def test_two_tolls_told_in_other_words_are_a_conflict(tmp_path):
    # "have died" / "were killed", and more words that differ than one statement told two
    # ways would have: the toll still counts one event's dead
    corpus = _corpus(tmp_path, BRIDGE)
    (c,) = [c for c in corpus.conflicts if c.type == "fact"]
    assert [(f["text"], f["holders"][0]["source"]) for f in c.forms] == [("At least five", "bbc"), ("Six", "herald")]
    # a claim of either toll is disputed, whichever source it matches best
    from factcheck import Claim, check_claims

    items = check_claims(
        [
            Claim("a", "d.md", 1, 1, "claim", "Five people died when a bridge over the River Tay collapsed on Monday."),
            Claim("b", "d.md", 2, 1, "claim", "Six people were killed when a bridge over the River Tay collapsed."),
        ],
        corpus,
    )
    assert [it.verdict for it in items] == ["disputed", "disputed"]


def test_tolls_of_different_things_are_no_conflict(tmp_path):
    # the dead and the hurt are two counts; a toll and a sentence with none are no dispute
    corpus = _corpus(
        tmp_path,
        {
            "a.txt": "Five people were injured when a bus crashed on the M1 near Leicester on Monday.\n",
            "b.txt": "Two people were killed when a bus crashed on the M1 near Leicester on Monday.\n",
            "c.txt": "A bus crashed on the M1 near Leicester on Monday, closing the road for hours.\n",
        },
    )
    assert [c for c in corpus.conflicts if c.type == "fact"] == []
