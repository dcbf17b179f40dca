"""check: verdicts and findings, one test per finding type; the index against brute force."""

import json
import subprocess
import sys

import pytest

from factcheck import Claim, Settings, check, check_claims
from factcheck.claims import parse_file
from factcheck.classify import match_claim, match_quote
from tests.conftest import DEV_SET, ROOT


def item(corpus, text, kind="claim", speaker=None):
    (it,) = check_claims([Claim("t", "t.md", 1, 1, kind, text, corpus.registry.canonical_person(speaker))], corpus)
    return it


def verdict_findings(corpus, text, kind="claim", speaker=None):
    """An item's verdict and its findings as (type, expected, found)."""
    it = item(corpus, text, kind, speaker)
    return it.verdict, [(f.type, f.expected, f.found) for f in it.findings]


def checker(tmp_path, source_text):
    """``check(text, kind="claim", who=None)``: :func:`verdict_findings` against one source
    file holding ``source_text``."""
    from factcheck import load_sources
    from tests.conftest import write

    write(tmp_path / "a.txt", source_text)
    corpus = load_sources(tmp_path)
    return lambda text, kind="claim", who=None: verdict_findings(corpus, text, kind, who)


def types(it):
    return {f.type for f in it.findings}


# --- the dev set, scored the way reviewers score it ------------------------------------------


@pytest.mark.parametrize("batch", ["claims.jsonl", "claims.csv"])
def test_dev_set_scores_100_percent(tmp_path, batch):
    out = tmp_path / "dev.json"
    run = [sys.executable, "-m", "factcheck", "check", str(DEV_SET / "draft.md"), str(DEV_SET / batch)]
    subprocess.run([*run, "--sources", str(ROOT / "sources"), "--format", "json", "--output", str(out)], cwd=ROOT)
    score = subprocess.run(
        [sys.executable, str(DEV_SET / "score.py"), str(DEV_SET / "gold.tsv"), str(out), "--min-acc=100"],
        capture_output=True,
        text=True,
    )
    assert "accuracy 100.0% (43/43); false-verified 0" in score.stdout, score.stdout
    assert "finding-type hits 16/16; speaker hits 15/15" in score.stdout
    assert score.returncode == 0


# --- quotes ----------------------------------------------------------------------------------


def test_verified_quote_allows_typography_and_a_contiguous_part(corpus):
    it = item(corpus, "This technology is moving fast, and so are the risks that come with it", "quote", "Narayan")
    assert it.verdict == "verified"
    assert it.evidence[0].speaker == "Kanishka Narayan"


def test_one_changed_word_in_a_forty_word_quote_is_a_misquote(corpus):
    long = (
        "Australia and the UK have always worked closely to keep our people safe and that partnership matters "
        "more than ever in the age of AI. This technology is moving fast, and so are the risks that come with it "
        "particularly in areas like cybersecurity. No country can tackle that alone"
    )
    assert len(long.split()) >= 40
    assert item(corpus, long, "quote", "Kanishka Narayan").verdict == "verified"
    changed = long.replace("moving fast", "moving slowly")
    it = item(corpus, changed, "quote", "Kanishka Narayan")
    assert it.verdict == "misquote"
    (f,) = [f for f in it.findings if f.type == "wording"]
    assert (f.expected, f.found) == ("fast", "slowly")


def test_marked_omission_and_bracketed_insertion_are_allowed(corpus):
    assert (
        item(corpus, "Australia and the UK have always worked closely … that partnership matters", "quote").verdict
        == "verified"
    )
    assert (
        item(
            corpus,
            "This MoU brings [the Australian] AI Safety Institute and the UK AI Security Institute together",
            "quote",
        ).verdict
        == "verified"
    )


def test_unmarked_omission_is_a_misquote(corpus):
    it = item(corpus, "This technology is moving fast, particularly in areas like cyber security", "quote", "Narayan")
    assert it.verdict == "misquote"
    assert "omission" in types(it)


def test_added_word_is_an_insertion(corpus):
    it = item(corpus, "No country can ever tackle that alone", "quote", "Narayan")
    assert it.verdict == "misquote"
    assert "insertion" in types(it)


def test_spelling_variant_is_not_a_misquote(corpus):
    it = item(
        corpus, "we can stay ahead of the risks, strengthen our defenses and make sure AI is used", "quote", "Narayan"
    )
    assert it.verdict == "verified"
    assert "spelling" in types(it)


def test_a_british_past_in_t_is_a_spelling_not_a_misquote(tmp_path):
    from factcheck import load_sources
    from tests.conftest import write

    write(tmp_path / "a.txt", 'Hearing\n\n"Lessons must be learned," Helen Marsh told MPs.\n')
    it = item(load_sources(tmp_path), "Lessons must be learnt,", "quote", "Helen Marsh")
    assert it.verdict == "verified"
    assert "spelling" in types(it)


def test_same_words_other_speaker_is_misattributed(corpus):
    it = item(corpus, "No country can tackle that alone.", "quote", "Andrew Charlton")
    assert it.verdict == "misattributed"
    (f,) = [f for f in it.findings if f.type == "speaker"]
    assert (f.expected, f.found) == ("Kanishka Narayan", "Andrew Charlton")


def test_a_first_name_known_alone_is_not_another_sources_full_name(tmp_path):
    """One article's "His sister, Amy," is not the Amy Hood of another: her words given to Amy
    Hood are misattributed, and Amy Hood's own words are hers."""
    from factcheck import load_sources
    from tests.conftest import write

    write(tmp_path / "family.txt", 'Roads\n\nHis sister, Amy, 19, said: "He was the funniest person I knew."\n')
    write(tmp_path / "tech.txt", 'Cuts\n\n"We remain capacity constrained," chief financial officer Amy Hood said.\n')
    corpus = load_sources(tmp_path)
    it = item(corpus, "He was the funniest person I knew.", "quote", "Amy Hood")
    assert it.verdict == "misattributed"
    (f,) = [f for f in it.findings if f.type == "speaker"]
    assert (f.expected, f.found) == ("Amy", "Amy Hood")
    assert item(corpus, "We remain capacity constrained.", "quote", "Amy Hood").verdict == "verified"


def test_quote_without_speaker_is_checked_for_words_only(corpus):
    assert item(corpus, "Stronger nations make for better allies.", "quote").verdict == "verified"


def test_quote_nobody_said_is_unsupported(corpus):
    assert item(corpus, "We will never share research with Australia", "quote", "Narayan").verdict == "unsupported"


# --- claims: one test per finding type -------------------------------------------------------


def test_verified_claim(corpus):
    it = item(corpus, "The UK hosted the AI Safety Summit at Bletchley Park in 2023.")
    assert it.verdict == "verified"
    assert it.evidence[0].source == "ukaus-ai-security-pact"


@pytest.mark.parametrize(
    "text, finding",
    [
        (
            "Other nations, including the United States, Russia, and European allies, are already investing heavily in AI-powered security solutions.",
            "entity",
        ),
        ("Australia's minister for science, Andrew Charlton, welcomed the deal.", "role"),
        ("The UK hosted the AI Safety Summit at Bletchley Park in 2022.", "date"),
        ("The agreement was announced on Monday.", "date"),
        ("The deal builds on a 2023 MoU between the UK and Australia on online safety and security.", "number"),
        (
            "The UK government has spent the past five years attempting to position itself as a global convenor on AI governance.",
            "number",
        ),
        (
            "Britain's National Cyber Security Centre warned that generative AI would not increase cyber intrusions by 2027.",
            "negation",
        ),
        ("Narayan signed the agreement in Canberra.", "modality"),
    ],
)
def test_contradicted_claims_name_the_difference(corpus, text, finding):
    it = item(corpus, text)
    assert it.verdict == "contradicted"
    assert finding in types(it)
    f = next(f for f in it.findings if f.type == finding)
    assert f.expected or f.found


@pytest.mark.parametrize(
    "source, claim, expected, found",
    [
        ("Sales rose 4.4% to £61.5bn, the company said on Wednesday.", "Sales fell 4.4% to £61.5bn.", "rose", "fell"),
        ("Analysts had expected a profit of £2.1bn.", "Analysts had expected a loss of £2.1bn.", "profit", "loss"),
        ("Sterling dropped 0.9% against the dollar.", "Sterling rose 0.9% against the dollar.", "dropped", "rose"),
        ("Carter, 27, denied the charge.", "Carter, 27, admitted the charge.", "denied", "admitted"),
        ("Shares plunged 12% in early trading.", "Shares soared 12% in early trading.", "plunged", "soared"),
        (
            "The footprints were left 1.5 million years ago in northern Kenya.",
            "The footprints were left 1.5 million years ago in southern Kenya.",
            "northern",
            "southern",
        ),
        ("Shares closed up 3.2% at 285p on Friday.", "Shares closed down 3.2% at 285p on Friday.", "up", "down"),
        (
            "The council approved the plan by nine votes to four.",
            "The council rejected the plan by nine votes to four.",
            "approved",
            "rejected",
        ),
        (
            "The Senate passed the climate bill on Sunday.",
            "The Senate rejected the climate bill on Sunday.",
            "passed",
            "rejected",
        ),
        (
            "The central bank raised interest rates to 4.5%.",
            "The central bank cut interest rates to 4.5%.",
            "raised",
            "cut",
        ),
        (
            "The company opened its plant in Leipzig in 2019.",
            "The company closed its plant in Leipzig in 2019.",
            "opened",
            "closed",
        ),
        (
            "A former banker was convicted on Friday of defrauding clients.",
            "A former banker was acquitted on Friday of defrauding clients.",
            "convicted",
            "acquitted",
        ),
        (
            "Hungary and Poland rejected the migration plan outright.",
            "Hungary and Poland backed the migration plan outright.",
            "rejected",
            "backed",
        ),
        (
            "The city banned electric scooters from its pavements in 2021.",
            "The city allowed electric scooters on its pavements in 2021.",
            "banned",
            "allowed",
        ),
        (
            "European Union leaders failed on Thursday to agree on how to share responsibility.",
            "European Union leaders agreed on Thursday on how to share responsibility.",
            "failed on Thursday to agree",
            "agreed",
        ),
        (
            "The chief executive declined to comment on the report.",
            "The chief executive commented on the report.",
            "declined to comment",
            None,  # the item leaves the words out
        ),
    ],
)
def test_a_word_for_its_opposite_contradicts(tmp_path, source, claim, expected, found):
    """ "Sales fell" against "sales rose" is what the source denies, not a wording the
    sources never use."""
    from factcheck import load_sources
    from tests.conftest import write

    write(tmp_path / "a.txt", f"Results day\n\n{source}\n")
    it = item(load_sources(tmp_path), claim)
    assert it.verdict == "contradicted"
    f = next(f for f in it.findings if f.type == "negation")
    assert (f.expected, f.found) == (expected, found)
    assert item(load_sources(tmp_path), source).verdict == "verified"


@pytest.mark.parametrize(
    "source, claim, verdicts",
    [
        # the same number written in words or with a scale is no contradiction
        ("The company will cut 3,000 jobs by 2027.", "The company will cut three thousand jobs by 2027.", {"verified"}),
        ("Sales rose to £2.1bn last year.", "Sales rose to £2,100,000,000 last year.", {"verified"}),
        ("Sales rose to £61.5bn last year.", "Sales rose to £61.5 billion last year.", {"verified"}),
        ("The fund holds 3,500,000 pounds.", "The fund holds 3.5 million pounds.", {"verified"}),
        ("The fund holds 3.5 million pounds.", "The fund holds 3,500,000 pounds.", {"verified"}),
        ("About 200 people attended.", "About two hundred people attended.", {"verified"}),
    ],
)
def test_a_number_in_words_or_with_a_scale_is_judged_by_value(tmp_path, source, claim, verdicts):
    from factcheck import load_sources
    from tests.conftest import write

    write(tmp_path / "a.txt", f"Results day\n\n{source}\n")
    it = item(load_sources(tmp_path), claim)
    assert it.verdict in verdicts
    assert not [f for f in it.findings if f.type == "number"]


@pytest.mark.parametrize(
    "source, claim, expected, found",
    [
        (
            "The company will cut 3,000 jobs by 2027.",
            "The company will cut four thousand jobs by 2027.",
            "3,000",
            "four thousand",
        ),
        ("The fund holds 3,500,000 pounds.", "The fund holds 4.5 million pounds.", "3,500,000", "4.5 million"),
    ],
)
def test_a_different_number_in_words_or_with_a_scale_contradicts(tmp_path, source, claim, expected, found):
    from factcheck import load_sources
    from tests.conftest import write

    write(tmp_path / "a.txt", f"Results day\n\n{source}\n")
    it = item(load_sources(tmp_path), claim)
    assert it.verdict == "contradicted"
    assert [(f.expected, f.found) for f in it.findings if f.type == "number"] == [(expected, found)]


ALVAREZ = (
    "Climate bill\n\nThe Senate narrowly passed a sweeping climate bill on Sunday, handing President Maria "
    "Alvarez a major legislative victory.\n\nThe White House press secretary, Ana Ruiz, told reporters that "
    'the president would sign the bill "as soon as it reaches her desk."\n'
)


def test_done_where_another_sentence_only_expects_it_is_a_modality_error(tmp_path):
    # the best sentence holds everything but the verb; another says it "would" happen
    from factcheck import load_sources
    from tests.conftest import write

    write(tmp_path / "a.txt", ALVAREZ)
    it = item(load_sources(tmp_path), "President Maria Alvarez signed the climate bill.")
    assert it.verdict == "contradicted"
    (f,) = [f for f in it.findings if f.type == "modality"]
    assert f.expected == "would"
    assert any("would sign the bill" in e.text for e in it.evidence)


@pytest.mark.parametrize(
    "claim",
    [
        "The Senate narrowly passed a sweeping climate bill on Sunday.",  # the sentence says it
        "President Maria Alvarez will sign the climate bill.",  # no more than the sources say
    ],
)
def test_a_claim_no_sentence_hedges_is_not_a_modality_error(tmp_path, claim):
    from factcheck import load_sources
    from tests.conftest import write

    write(tmp_path / "a.txt", ALVAREZ)
    it = item(load_sources(tmp_path), claim)
    assert not [f for f in it.findings if f.type == "modality"]


def test_date_finding_names_both_values(corpus):
    it = item(corpus, "The agreement was announced on Monday.")
    f = next(f for f in it.findings if f.type == "date")
    assert (f.expected, f.found) == ("Sunday", "Monday")


def test_title_held_by_the_person_verifies(corpus):
    assert item(corpus, "Dan Jarvis is the UK Security Minister.").verdict == "verified"
    assert item(corpus, "Tim Ayres is Australia's minister for science.").verdict == "verified"


def test_title_of_another_person_is_a_role_finding(corpus):
    it = item(corpus, "Kanishka Narayan is the UK Security Minister.")
    assert it.verdict == "contradicted"
    f = next(f for f in it.findings if f.type == "role")
    assert f.found == "UK Security Minister"
    assert "Dan Jarvis" in f.message


def test_a_speakers_job_and_where_it_is_done_is_their_title(tmp_path):
    """ "Russ Mould, investment director at AJ Bell," gives him that title, so a draft that puts
    him at another firm is told so (a quote's words still verify it, with a role warning)."""
    from factcheck import load_sources
    from tests.conftest import write

    write(
        tmp_path / "src" / "a.txt",
        'Shares\n\nRuss Mould, investment director at AJ Bell, said: "Investors are losing patience."\n',
    )
    write(
        tmp_path / "draft.md",
        '"Investors are losing patience," said Russ Mould, investment director at Hargreaves Lansdown.\n\n'
        '"Investors are losing patience," said Russ Mould, investment director at AJ Bell.\n',
    )
    corpus = load_sources(tmp_path / "src")
    wrong, right = check_claims(parse_file(tmp_path / "draft.md", corpus.registry).claims, corpus)
    assert (wrong.verdict, wrong.severity) == ("verified", "warning")
    assert [(f.type, f.expected, f.found) for f in wrong.findings] == [
        ("role", "investment director at AJ Bell", "investment director at Hargreaves Lansdown")
    ]
    assert (right.verdict, right.findings) == ("verified", [])


def test_disputed_when_the_sources_disagree_on_a_name(corpus):
    it = item(corpus, "The Australian Safety Institute will monitor developments in frontier AI systems.")
    assert it.verdict == "disputed"
    f = next(f for f in it.findings if f.type == "entity-variant")
    assert (f.expected, f.found) == ("Australian AI Safety Institute", "Australian Safety Institute")
    assert it.conflicts == ["entity-variant:australian-safety-institute"]


def test_unsupported_when_nothing_is_close(corpus):
    assert item(corpus, "The UK AI Security Institute will open an office in Perth next year.").verdict == "unsupported"
    assert item(corpus, "The UK plans to ban open-source AI models.").verdict == "unsupported"


def test_a_word_the_sources_never_use_blocks_verified(corpus):
    it = item(
        corpus, "The UK and Australia have cancelled plans to extend their cooperation on AI security and safety."
    )
    assert it.verdict == "unsupported"
    assert "cancelled" in it.findings[0].message


def test_pronoun_sentence_supports_a_claim_naming_its_subject(corpus):
    assert item(corpus, "The UK and Australia plan to carry out joint research.").verdict == "verified"


# --- the index against brute force ------------------------------------------------------------


def dev_claims(corpus):
    claims = []
    for name in ("draft.md", "claims.jsonl"):
        claims.extend(parse_file(DEV_SET / name, corpus.registry).claims)
    return claims


def test_index_candidates_hold_brute_force_best_on_every_dev_item(corpus):
    settings = Settings()
    everything = corpus.sentences
    for c in dev_claims(corpus):
        if c.kind == "claim":
            brute = match_claim(c.text, corpus, Settings(aligned_candidates=len(everything)), sentences=everything)[0]
            indexed = match_claim(c.text, corpus, settings)[0]
            if check_claims([c], corpus)[0].verdict == "unsupported":
                # nothing in the sources says it (a fabricated claim): which near miss is shown
                # is no answer to compare
                continue
            assert (indexed.sentence.source, indexed.sentence.index) == (brute.sentence.source, brute.sentence.index), (
                c.text
            )
        else:
            brute = match_quote(c.text, corpus, settings, candidates=corpus.quotes)[0]
            indexed = match_quote(c.text, corpus, settings)[0]
            assert indexed.view.text == brute.view.text, c.text
            assert indexed.similarity == brute.similarity


def test_index_scores_far_fewer_candidates_than_sentences(corpus):
    cands = corpus.index.candidates("The agreement was announced on Sunday.", "sentence", limit=30)
    assert 0 < len(cands) <= 30
    assert len(corpus.sentences) > 100


# --- reports ----------------------------------------------------------------------------------


def test_check_api_orders_items_and_reports_input_errors(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "The agreement was announced on Sunday."}\nnot json\n', encoding="utf-8")
    report = check([bad], sources=ROOT / "sources")
    assert [i.claim.id for i in report.items] == ["a"]
    assert [str(e) for e in report.errors] == [f"{bad}:2: not valid JSON (Expecting value at column 1)"]


def test_json_report_follows_the_contract(tmp_path):
    out = tmp_path / "r.json"
    subprocess.run(
        [sys.executable, "-m", "factcheck", "check", str(DEV_SET / "claims.csv"), "--format", "json", "-o", str(out)],
        cwd=ROOT,
    )
    rep = json.loads(out.read_text())
    assert rep["schema"] == "factcheck.report/1"
    assert rep["tool"]["name"] == "factcheck"
    assert {s["id"] for s in rep["sources"]} >= {"ukaus-itpro"}
    b02 = next(i for i in rep["items"] if i["id"] == "b02")
    assert b02["verdict"] == "misattributed" and b02["severity"] == "error" and b02["line"] == 3
    ev = b02["evidence"][0]
    src = (ROOT / "sources" / f"{ev['source']}.txt").read_text(encoding="utf-8")
    assert (
        src[ev["start"] : ev["end"]].replace("\u2019", "'").startswith("Australia and the UK")
        or "No country" in src[ev["start"] : ev["end"]]
    )
    assert rep["summary"]["gate"] == "fail"


def test_numbers_compare_by_value(corpus):
    it = item(
        corpus,
        "The UK government has spent the past 3 years attempting to position itself as a global convenor on AI governance.",
    )
    assert it.verdict == "verified"


def test_title_in_a_quote_attribution_is_checked(corpus):
    from factcheck.claims import parse_draft_text

    parsed = parse_draft_text(
        '"No country can tackle that alone," said UK Security Minister Kanishka Narayan.\n', "d.md", corpus.registry
    )
    (it,) = check_claims(parsed.claims, corpus)
    assert it.verdict == "verified"  # the words and the speaker are right
    assert it.severity == "warning"  # the title is not
    (f,) = [f for f in it.findings if f.type == "role"]
    assert f.found == "UK Security Minister"


def test_short_claim_needs_all_its_content(corpus):
    assert item(corpus, "Narayan said the partnership was vital.").verdict == "unsupported"


def test_quote_paragraph_after_reported_speech_takes_that_speaker(corpus):
    from factcheck.claims import parse_draft_text

    text = 'Narayan said the partnership was vital.\n\n"No country can tackle that alone."\n'
    quotes = [c for c in parse_draft_text(text, "d.md", corpus.registry).claims if c.kind == "quote"]
    assert [(q.speaker, q.line) for q in quotes] == [("Kanishka Narayan", 3)]


def _small_corpus(tmp_path, *articles):
    from factcheck import load_sources

    folder = tmp_path / "sources"
    folder.mkdir()
    for n, text in enumerate(articles):
        (folder / f"a{n}.txt").write_text(text + "\n", encoding="utf-8")
    return load_sources(folder)


ARCHIVE = (
    "The Nairobi Water Agency rejected 523 new hospital beds projects in Austin on Wednesday, officials said.",
    "The Perth Transport Agency delayed 14 new flood defences projects in Leeds on Friday, officials said.",
)


def test_a_word_changed_for_another_the_sources_use_is_not_verified(tmp_path):
    # every word of the claim is in the archive, and all but one in the evidence sentence:
    # the sentence says 'rejected', so the claim that it 'delayed' is not confirmed
    corpus = _small_corpus(tmp_path, *ARCHIVE)
    it = item(corpus, "The Nairobi Water Agency delayed 523 new hospital beds projects in Austin on Wednesday.")
    assert it.verdict == "unsupported"
    (f,) = it.findings
    assert (f.type, f.expected, f.found) == ("wording", "rejected", "delayed")
    assert item(corpus, ARCHIVE[0]).verdict == "verified"


def test_a_swapped_organisation_is_named_in_full(tmp_path):
    corpus = _small_corpus(tmp_path, *ARCHIVE)
    it = item(corpus, "The Perth Transport Agency rejected 523 new hospital beds projects in Austin on Wednesday.")
    assert it.verdict == "contradicted"
    assert [(f.type, f.expected, f.found) for f in it.findings] == [
        ("entity", "Nairobi Water Agency", "Perth Transport Agency")
    ]


@pytest.mark.parametrize("jobs", [2, 3])
def test_worker_processes_give_the_items_one_process_gives(corpus, jobs):
    """This process and jobs - 1 forked workers share the chunks; the items come back in
    order, every claim is reported done, and what workers found reaches the report."""
    from factcheck import load_sources
    from factcheck.api import Report

    claims = dev_claims(corpus) * 3  # enough for several chunks per worker
    serial, forked = load_sources(ROOT / "sources"), load_sources(ROOT / "sources")
    one = check_claims(claims, serial, Settings(jobs=1))
    seen = []
    two = check_claims(claims, forked, Settings(jobs=jobs), on_done=seen.append)
    assert [it.to_json() for it in two] == [it.to_json() for it in one]
    assert [it.conflicts for it in two] == [it.conflicts for it in one]
    # (how many reports there are depends on which process finishes which chunk when: a
    # loaded machine may see two; the count is what is promised)
    assert sum(seen) == len(claims) and all(n > 0 for n in seen)
    # the conflicts the workers found around their evidence (quotes, facts) reach the report
    found_by_workers = {c.id for c in Report(forked, two).conflicts} - {c.id for c in forked.name_conflicts}
    assert found_by_workers
    assert [c.to_json() for c in Report(forked, two).conflicts] == [c.to_json() for c in Report(serial, one).conflicts]
    # what every item reads was worked out before forking, once, not in each worker
    assert forked._holders_by_place is not None and forked._positions is not None
    assert forked._speakers is not None and forked._vocabulary is not None


def test_quote_evidence_is_the_quote_not_the_passage_it_belongs_to(tmp_path):
    corpus = _small_corpus(
        tmp_path,
        '"We will spend 40 million pounds on bus routes," said Health Minister Ava Okafor.\n'
        '"We will spend 90 million pounds on school meals," Okafor said.',
    )
    it = item(corpus, "We will spend 90 million pounds on school meals", kind="quote", speaker="Ava Okafor")
    assert it.verdict == "verified"
    (e,) = it.evidence
    assert e.text == "We will spend 90 million pounds on school meals,"


def test_the_collector_runs_less_often_while_checking_and_as_before_after(corpus, monkeypatch):
    import gc
    import sys

    from factcheck.api import COLLECT_EVERY

    api = sys.modules["factcheck.api"]
    before = gc.get_threshold()
    seen = []
    real = api.check_item

    def spy(claim, corpus, settings):
        seen.append(gc.get_threshold()[0])
        return real(claim, corpus, settings)

    monkeypatch.setattr(api, "check_item", spy)
    items = check_claims(dev_claims(corpus)[:3], corpus, Settings(jobs=1))
    assert len(items) == 3 and seen and min(seen) >= COLLECT_EVERY
    assert gc.get_threshold() == before

    def broken(claim, corpus, settings):
        raise RuntimeError("boom")

    monkeypatch.setattr(api, "check_item", broken)
    with pytest.raises(RuntimeError):
        check_claims(dev_claims(corpus)[:1], corpus, Settings(jobs=1))
    assert gc.get_threshold() == before


@pytest.mark.parametrize("loaded_from_index", [False, True])
def test_forked_workers_see_a_frozen_archive_and_only_what_the_check_froze_is_thawed(
    corpus, monkeypatch, loaded_from_index
):
    """Before forking, everything is frozen so that the workers' collectors leave the shared
    archive alone; after, the check thaws only if nothing was frozen before it (an archive
    loaded from the index stays frozen). Whether one was is remembered, not counted: counting
    walks every frozen object."""
    import gc

    import factcheck.corpus as corpus_module

    calls = []
    monkeypatch.setattr(corpus_module, "_FROZEN", loaded_from_index)
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    monkeypatch.setattr(gc, "unfreeze", lambda: calls.append("unfreeze"))
    monkeypatch.setattr(gc, "get_freeze_count", lambda: pytest.fail("walks every frozen object"))
    items = check_claims(dev_claims(corpus)[:4], corpus, Settings(jobs=2))
    assert len(items) == 4
    assert calls == (["freeze"] if loaded_from_index else ["freeze", "unfreeze"])


def test_the_shared_copy_is_current():
    """tests/data/shared is what a checkout away from the workspace tests with: the same
    files as the shared folder, byte for byte, wherever that folder is present."""
    from tests.conftest import SHARED_COPY, SHARED_FOLDER

    copied = sorted(p.relative_to(SHARED_COPY) for p in SHARED_COPY.rglob("*") if p.is_file())
    assert copied, "tests/data/shared is empty"
    if not SHARED_FOLDER.is_dir():
        pytest.skip("no shared folder beside this checkout to compare with")
    for rel in copied:
        assert (SHARED_COPY / rel).read_bytes() == (SHARED_FOLDER / rel).read_bytes(), rel
    theirs = {p.relative_to(SHARED_FOLDER) for d in ("dev-set", "schemas") for p in (SHARED_FOLDER / d).glob("*")}
    assert theirs == set(copied)


CORAL = (
    "Coral study\n\nNearly half of the world's coral reefs could disappear by 2050 unless emissions fall "
    "sharply, according to a study published on Wednesday.\n\nErling Haaland scored twice, including a "
    "stoppage-time winner, to take his tally to 27 goals this season.\n"
)


def test_a_sure_word_in_place_of_the_sources_hedge_is_a_modality_error(tmp_path):
    from factcheck import load_sources
    from tests.conftest import write

    write(tmp_path / "a.txt", CORAL)
    corpus = load_sources(tmp_path)
    it = item(corpus, "Nearly half of the world's coral reefs will disappear by 2050, according to a study.")
    assert it.verdict == "contradicted"
    (f,) = [f for f in it.findings if f.type == "modality"]
    assert (f.expected, f.found) == ("could", "will")
    # hedged as the source hedges it: no error
    same = item(corpus, "Nearly half of the world's coral reefs may disappear by 2050, according to a study.")
    assert not [f for f in same.findings if f.type == "modality"]


def test_a_number_the_best_sentence_does_not_give_is_not_verified(tmp_path):
    from factcheck import load_sources
    from tests.conftest import write

    write(tmp_path / "a.txt", CORAL)
    corpus = load_sources(tmp_path)
    it = item(corpus, "Erling Haaland scored three times to take his tally to 27 goals this season.")
    assert it.verdict == "unsupported"
    assert [(f.type, f.found) for f in it.findings] == [("number", "three")]
    # a number it gives, by value, and "one", which counts nothing, are no such number
    assert (
        item(corpus, "Erling Haaland scored twice to take his tally to twenty-seven goals this season.").verdict
        != "contradicted"
    )
    assert (
        item(
            corpus,
            "Erling Haaland scored twice, including one stoppage-time winner, to take his tally to 27 goals this season.",
        ).verdict
        == "verified"
    )


def test_a_finding_quotes_the_words_as_each_side_writes_them(tmp_path):
    from factcheck import load_sources
    from tests.conftest import write

    write(tmp_path / "a.txt", "Vote\n\nCouncillors voted 7-2 on Tuesday night to approve the plan for £4.2m.\n")
    it = item(load_sources(tmp_path), "Councillors voted 6-3 on Tuesday night to approve the plan for £4.2m.")
    assert it.verdict == "contradicted"
    assert [(f.expected, f.found) for f in it.findings if f.type == "number"] == [("7-2", "6-3")]
    assert "'7-2'" in it.findings[0].message


def test_a_title_with_another_country_is_a_role_error(tmp_path):
    from factcheck import load_sources
    from tests.conftest import write

    write(
        tmp_path / "a.txt",
        'Summit\n\n"We will not accept any quota," Hungarian Prime Minister Viktor Orban told reporters.\n\n'
        'Asked about unanimity, Dutch Prime Minister Mark Rutte said: "Yes, if we have to."\n',
    )
    corpus = load_sources(tmp_path)
    it = item(corpus, "Viktor Orban is the Dutch Prime Minister.")
    assert it.verdict == "contradicted"
    (f,) = [f for f in it.findings if f.type == "role"]
    assert (f.expected, f.found) == ("Hungarian Prime Minister", "Dutch Prime Minister")
    assert "Mark Rutte" in f.message  # whose title it is
    assert item(corpus, "Viktor Orban is the Hungarian Prime Minister.").verdict == "verified"


def test_an_office_written_as_an_honorific_is_a_title_to_check(tmp_path):
    from factcheck import load_sources
    from tests.conftest import write

    write(
        tmp_path / "a.txt",
        "Budget\n\nHealth Secretary Wes Streeting visited Leeds.\n\nChancellor Rachel Reeves spoke on Monday.\n",
    )
    corpus = load_sources(tmp_path)
    it = item(corpus, "Chancellor Wes Streeting visited Leeds.")
    (f,) = [f for f in it.findings if f.type == "role"]
    assert (f.expected, f.found) == ("Health Secretary", "Chancellor")
    assert it.verdict == "contradicted"
    # the office the sources give as an honorific is no error
    assert not [f for f in item(corpus, "Chancellor Rachel Reeves spoke on Monday.").findings if f.type == "role"]


def test_what_an_attribution_says_of_its_speaker_is_checked_as_a_claim(tmp_path):
    from factcheck import check_claims, load_sources
    from factcheck.claims import parse_draft_text
    from tests.conftest import write

    write(
        tmp_path / "a.txt",
        'Bike lanes\n\nResident Maureen Clark, 68, who has lived on Mill Road for 40 years, said: "I don\'t cycle."\n',
    )
    corpus = load_sources(tmp_path)
    draft = (
        '"I don\'t cycle," said Maureen Clark, who has lived on Mill Road for 30 years.\n\n'
        '"I don\'t cycle," said Maureen Clark, who has lived on Mill Road for 40 years.\n\n'
        # no number or date in the clause, or a partial quote: the quote alone
        '"I don\'t cycle," said Maureen Clark, who was not at her best.\n\n'
        'Maureen Clark said she did "not cycle".\n'
    )
    claims = parse_draft_text(draft, "d.md", corpus.registry).claims
    assert [(c.line, c.kind, c.text) for c in claims if c.kind == "claim"] == [
        (1, "claim", "Maureen Clark, who has lived on Mill Road for 30 years"),
        (3, "claim", "Maureen Clark, who has lived on Mill Road for 40 years"),
    ]
    verdicts = {(it.claim.line, it.claim.kind): it.verdict for it in check_claims(claims, corpus)}
    assert verdicts[(1, "claim")] == "contradicted"
    assert verdicts[(3, "claim")] == "verified"
    assert verdicts[(1, "quote")] == verdicts[(3, "quote")] == "verified"


def test_a_short_quote_sharing_only_function_words_is_no_misquote(tmp_path):
    from factcheck import Claim, check_claims, load_sources
    from tests.conftest import write

    write(tmp_path / "a.txt", 'Summit\n\n"We will not accept any quota, now or in the future," Viktor Orban said.\n')
    corpus = load_sources(tmp_path)

    def verdict(text):
        return check_claims([Claim("q", "d.md", 1, 1, "quote", text, "Kevin O'Brien")], corpus)[0].verdict

    assert verdict("We will appeal.") == "unsupported"  # "we will" is all it shares
    assert verdict("We will not accept any quota.") == "misattributed"
    write(tmp_path / "b.txt", 'Reply\n\n"No," said Kevin O\'Brien.\n')
    corpus = load_sources(tmp_path)
    assert verdict("No.") == "verified"  # function words are all it has to share


def test_a_quote_that_drops_a_negation_is_a_misquote_that_says_so(tmp_path):
    from factcheck import load_sources
    from tests.conftest import write

    write(
        tmp_path / "a.txt",
        'Bees\n\nProfessor Jane Park said the result was "intriguing but not yet conclusive".\n\n'
        '"Edna wouldn\'t hurt a fly," said Pat Doyle.\n\n"This is a beginning, not an end," said Marina Silva.\n\n'
        '"We will build new homes, fix the roads and end the crisis in care," said Tom Hale.\n',
    )
    corpus = load_sources(tmp_path)

    def check(text, who):
        it = item(corpus, text, "quote", who)
        return it.verdict, sorted({f.type for f in it.findings}), [f.expected for f in it.findings]

    # a short quote whose words that say something are all the source's, in order, within
    # twice its length: the same quote, misquoted, though too few words match for similarity
    assert check("intriguing and conclusive", "Jane Park") == (
        "misquote",
        ["negation", "wording"],
        ["but not yet", "but not yet"],
    )
    assert check("Edna would hurt a fly.", "Pat Doyle")[:2] == ("misquote", ["negation", "wording"])
    # a negation that only moved is no negation finding
    assert check("This is an end, not a beginning.", "Marina Silva")[:2] == ("misquote", ["insertion"])
    # two words of a long quote far apart are not it
    assert check("new crisis", "Tom Hale")[0] == "unsupported"
    assert check("new homes and roads", "Tom Hale")[:2] == ("misquote", ["wording"])  # ", fix the" for "and"


def test_a_fragment_quoted_without_the_negation_before_it_is_a_misquote(tmp_path):
    """A fragment, "a serious approach" of "no sign of a serious approach", says the opposite: a negation
    error naming what was left behind. Not where the negation negates nothing after it, or a
    clause ends between them."""
    check = checker(
        tmp_path,
        'Talks\n\nDmitry Peskov said Moscow saw "no sign of a serious approach" from Kyiv.\n\n'
        'Jane Doe said the plan was "nothing but a serious attempt to help".\n\n'
        '"It is not, in my view, a good deal for us," said Tom Hale.\n\n'
        '"We have never had a budget this tight," said Pat Doyle.\n',
    )
    assert check("a serious approach", "quote", "Dmitry Peskov") == (
        "misquote",
        [("negation", "no sign of a serious approach", "a serious approach")],
    )
    assert check("a budget this tight", "quote", "Pat Doyle")[0] == "misquote"
    assert check("a serious attempt to help", "quote", "Jane Doe") == ("verified", [])
    assert check("a good deal for us", "quote", "Tom Hale") == ("verified", [])
    # (the whole quote, negation and all, is the quote)
    assert check("no sign of a serious approach", "quote", "Dmitry Peskov") == ("verified", [])


def test_a_claim_made_of_two_sentences_is_read_against_both(tmp_path):
    from factcheck import load_sources
    from tests.conftest import write

    write(
        tmp_path / "a.txt",
        "Senate\n\nThe Senate passed a stopgap spending bill late Friday, averting a shutdown. The measure, "
        "approved 77-19, keeps the government funded through Dec. 20.\n\nThe council has 705 staff. It "
        "recorded 698 complaints last year.\n",
    )
    corpus = load_sources(tmp_path)

    def check(text):
        it = item(corpus, text)
        return it.verdict, sorted({f.type for f in it.findings}), it.evidence[0].text if it.evidence else None

    verdict, found, evidence = check("The Senate passed the bill 77-19 late on Friday.")
    assert (verdict, found) == ("verified", [])
    assert evidence.startswith("The Senate passed") and evidence.endswith("through Dec. 20.")
    # a value the pair holds in another order is not set against the claim's: no verdict
    # from the pair, which would otherwise verify "Thursday" by its other words
    assert (
        check("The Senate passed the bill 77-19 on Thursday, keeping the government funded through Dec. 20.")[0]
        == "unsupported"
    )
    # a sentence that contradicts the claim keeps its contradiction, whatever the next says
    assert check("The council recorded 705 complaints last year.")[:2] == ("contradicted", ["number"])


def test_a_number_in_another_place_and_a_number_given_to_another_thing(tmp_path):
    from factcheck import load_sources
    from tests.conftest import write

    write(
        tmp_path / "a.txt",
        "Quake\n\nA 6.1 magnitude earthquake shook eastern Turkey on Tuesday, killing 14 people and injuring 215, "
        "AFAD said.\n",
    )
    corpus = load_sources(tmp_path)

    def check(text):
        it = item(corpus, text)
        return it.verdict, [(f.type, f.expected) for f in it.findings]

    # the sentence gives the number in another order, beside what the item says it of
    assert check("AFAD said 215 people were injured.") == ("verified", [])
    # the number is the injured, not the dead: another number stands beside "killing"
    assert check("The earthquake killed 215 people on Tuesday, AFAD said.") == (
        "contradicted",
        [("number", "killing 14 people")],
    )
    # and a changed number is set against the one beside what the item says it of
    assert check("AFAD said 216 people were injured.") == ("contradicted", [("number", "215")])
    # a number placed as well beside the item's words as another is no error
    write(
        tmp_path / "a.txt",
        "Quake\n\nA 6.1 magnitude earthquake shook eastern Turkey on Tuesday, killing 14 people and injuring 215, "
        "Turkey's disaster agency AFAD said.\n",
    )
    corpus = load_sources(tmp_path)
    assert check("AFAD said 215 people were injured.") == ("verified", [])


def test_one_person_named_two_ways_is_no_dispute(tmp_path):
    from factcheck import load_sources
    from tests.conftest import write

    write(tmp_path / "a.txt", 'Quake\n\n"Our hearts are with Malatya," said President Recep Tayyip Erdogan.\n')
    write(tmp_path / "b.txt", 'Quake\n\n"Our hearts are with Malatya," President Tayyip Erdogan said.\n')
    write(tmp_path / "c.txt", 'Other\n\n"We will rebuild every home," said Ali Yerlikaya.\n')
    write(tmp_path / "d.txt", 'Other\n\n"We will rebuild every home," said Murat Kurum.\n')
    corpus = load_sources(tmp_path)

    def verdict(text, who):
        return item(corpus, text, "quote", who).verdict

    assert verdict("Our hearts are with Malatya.", "Erdogan") == "verified"
    assert verdict("We will rebuild every home.", "Ali Yerlikaya") == "disputed"  # two people


def test_swapped_roles_scales_and_multiples(tmp_path):
    from factcheck import load_sources
    from tests.conftest import write

    write(
        tmp_path / "a.txt",
        "Briefs\n\nArsenal beat Chelsea 3-1 at the Emirates on Saturday.\n\nEmmanuel Macron met Keir Starmer in "
        "Paris on Monday.\n\nJeremy Hunt was replaced by Rachel Reeves as chancellor in July.\n\nThe company's "
        "profits fell by a third to \u00a31.2bn last year.\n\nAverage house prices have doubled since 2010.\n\n"
        "Sales more than doubled last year.\n",
    )
    corpus = load_sources(tmp_path)

    def check(text):
        it = item(corpus, text)
        return it.verdict, sorted({f.type for f in it.findings})

    # who did what to whom, the other way round
    assert check("Chelsea beat Arsenal 3-1 at the Emirates on Saturday.") == ("contradicted", ["entity"])
    assert check("Jeremy Hunt replaced Rachel Reeves as chancellor in July.") == ("contradicted", ["entity"])
    # the same said otherwise: a verb either side may do, the other voice, another place in the sentence
    assert check("Keir Starmer met Emmanuel Macron in Paris on Monday.") == ("verified", [])
    assert check("Rachel Reeves replaced Jeremy Hunt as chancellor in July.") == ("verified", [])
    assert check("On Saturday, Arsenal beat Chelsea 3-1 at the Emirates.") == ("verified", [])
    # a number's scale, and how many times over
    assert check("The company's profits fell by a third to \u00a31.2m last year.") == ("contradicted", ["number"])
    assert check("The company's profits fell by a third to \u00a31.2 billion last year.") == ("verified", [])
    assert check("Average house prices have tripled since 2010.") == ("contradicted", ["number"])
    assert check("Sales tripled last year.")[0] == "unsupported"  # tripled is more than doubled


TRIAL = (
    "Trial\n\nA weekly injection reduced the risk of heart attacks and strokes by 20% in people with heart "
    "disease, according to a large international trial.\n\nLocal fisherman Dave Tanner, 58, said he had lost "
    "a third of his income since 2015.\n\nHe added that one in six patients stopped taking the drug.\n\n"
    "Raman said the company would cut about 1,200 jobs by the end of March.\n"
)


@pytest.mark.parametrize(
    "claim, verdict, finding",
    [
        # a share against a share: "half" is not "a third", "one in four" not "one in six"
        ("Dave Tanner said he had lost half of his income since 2015.", "contradicted", "number"),
        ("He added that one in four patients stopped taking the drug.", "contradicted", "number"),
        # "a fifth" is "20%"
        ("A weekly injection reduced the risk of heart attacks and strokes by a fifth.", "verified", None),
        # "a quarter" is not, though the words around it align elsewhere ("a | large")
        ("A weekly injection reduced the risk of heart attacks and strokes by a quarter.", "unsupported", "number"),
    ],
)
def test_shares_are_compared_by_value_however_written(tmp_path, claim, verdict, finding):
    from factcheck import load_sources
    from tests.conftest import write

    write(tmp_path / "a.txt", TRIAL)
    it = item(load_sources(tmp_path), claim)
    assert it.verdict == verdict
    assert (finding in types(it)) if finding else not it.findings


def test_a_hedge_elsewhere_counts_only_for_what_the_claim_says_was_done(tmp_path):
    # "would cut about 1,200 jobs" says nothing of whether the injection cut the risk
    from factcheck import load_sources
    from tests.conftest import write

    write(tmp_path / "a.txt", TRIAL)
    it = item(load_sources(tmp_path), "A weekly injection cut the risk of heart attacks and strokes by 20%.")
    assert "modality" not in types(it)


def test_a_share_is_read_however_written():
    from factcheck.classify import _fraction
    from factcheck.match import words

    got = {t: _fraction(words(t)) for t in ["half", "a third", "two-thirds", "three quarters", "one in six", "20%"]}
    assert got == {"half": 0.5, "a third": 1 / 3, "two-thirds": 2 / 3, "three quarters": 0.75, "one in six": 1 / 6,
                   "20%": 0.2}  # fmt: skip
    assert _fraction(words("the third time")) is None and _fraction(words("1,200")) is None


@pytest.mark.parametrize(
    "claim, verdict",
    [
        ("Shares in Northline fell 18 per cent on Tuesday.", "verified"),
        ("Shares in Northline fell 18 percent on Tuesday.", "verified"),
        ("Shares in Northline fell 19 per cent on Tuesday.", "contradicted"),
    ],
)
def test_per_cent_in_words_is_a_percentage(tmp_path, claim, verdict):
    from factcheck import load_sources
    from tests.conftest import write

    write(tmp_path / "a.txt", "Chips\n\nShares in Northline fell 18% on Tuesday after a profit warning.\n")
    it = item(load_sources(tmp_path), claim)
    assert it.verdict == verdict
    if verdict == "contradicted":
        (f,) = it.findings
        assert (f.type, f.expected, f.found) == ("number", "18%", "19 per cent")


def test_a_stretch_saying_another_thing_is_no_number_change(tmp_path):
    # the best sentence shares the name; where it differs it says something else, with a
    # number in it ("67, of Shrewsbury, was sentenced at"): not a changed number
    from factcheck import load_sources
    from tests.conftest import write

    write(
        tmp_path / "a.txt",
        "Fraud\n\nDerek Holloway, 67, of Shrewsbury, was sentenced at Stafford Crown Court on Tuesday after "
        "being found guilty of fraud by abuse of position.\n",
    )
    it = item(load_sources(tmp_path), "Derek Holloway has been jailed for seven years.")
    assert it.verdict == "unsupported"
    assert "number" not in types(it)


@pytest.mark.parametrize(
    "claim, verdict, kind",
    [
        ("The Justice Department criticised the ruling on Thursday.", "contradicted", "negation"),
        ("The Justice Department welcomed the ruling on Thursday.", "verified", None),
        ("Abbott has spent millions of dollars on border security since 2021.", "contradicted", "number"),
        ("Abbott has spent billions of dollars on border security since 2021.", "verified", None),
        # a swapped name inside a body's name is an entity error, not just words the sources never say
        ("Researchers at the University of Exeter analysed the satellite data.", "contradicted", "entity"),
        # a vague quantity against a number is no number error
        ("Thousands of people attended the rally in Austin.", "unsupported", None),
    ],
)
def test_opposite_verdicts_magnitudes_and_names_of_bodies(tmp_path, claim, verdict, kind):
    from factcheck import load_sources
    from tests.conftest import write

    write(
        tmp_path / "a.txt",
        "Ruling\n\nThe Justice Department welcomed the ruling on Thursday.\n\n"
        "Abbott has spent billions of dollars on border security since 2021.\n\n"
        "Researchers at the University of Reading analysed the satellite data.\n\n"
        "About 3,000 people attended the rally in Austin.\n",
    )
    it = item(load_sources(tmp_path), claim)
    assert it.verdict == verdict
    if kind:
        assert kind in types(it)
    else:
        assert "number" not in types(it) and "negation" not in types(it)


def test_a_day_the_source_does_not_give_and_numbers_the_item_keeps(tmp_path):
    check = checker(
        tmp_path,
        "Tributes\n\nTributes have been paid to former judge Len Walsh, who has died at the age of 81.\n\n"
        "The airport closed until 23:59 on Friday, affecting about 200,000 passengers.\n\n"
        "The cap does not apply to units first occupied after Nov. 15, 2018.\n\n"
        "The minister said the plan would go ahead.\n\n"
        '"This is not a decision anyone wanted," Councillor Mark Pugh said.\n\n'
        "Mr Pugh said the council faced a \u00a314m gap in its budget next year.\n",
    )

    # a day or a month the sentence does not give is not verified by it
    assert check("Len Walsh died at the age of 81 on Saturday.") == ("unsupported", [("date", None, "Saturday")])
    assert check("In May, the minister said the plan would go ahead.") == ("unsupported", [("date", None, "May")])
    assert check("The minister said the plan would go ahead.") == ("verified", [])
    # (a modal "may" is no month)
    assert check("The minister said the plan may go ahead.")[1] == []
    # a changed number is set against the source's, not a number the item gives too
    assert check("The airport closed until 23:59 on Friday, affecting about 300,000 passengers.") == (
        "contradicted",
        [("number", "200,000", "300,000")],
    )
    assert check("The cap does not apply to units first occupied after Nov. 15, 2019.") == (
        "contradicted",
        [("number", "2018", "2019")],
    )
    # the person the source calls by honorific, named in full with a title: no swapped name
    assert check("Councillor Mark Pugh said the council faced a \u00a314m gap in its budget next year.") == (
        "verified",
        [],
    )
    assert check("Councillor Ruth Pugh said the council faced a \u00a314m gap in its budget next year.")[0] == (
        "contradicted"
    )


def test_done_stated_as_possible_and_titles_qualified_by_whose(tmp_path):
    from factcheck import load_sources
    from tests.conftest import write

    write(
        tmp_path / "a.txt",
        "Ruling\n\nThe Court of Appeal has overturned a High Court ruling that banned protests.\n\n"
        "The council said it reviewed the decision last year.\n\n"
        "Jane Doe was appointed chief executive of the bank.\n\n"
        "The committee is expected to publish its report.\n\n"
        "Natural Resources Wales issued 27 warnings. Its head of flood incident management, Jeremy Parr, "
        'said teams were "out on the ground".\n\n'
        'Chief Financial Officer Colette Kress said demand was "staggering".\n\n'
        '"Blackwell demand is staggering, and we are racing to scale supply," Jensen Huang said.\n',
    )
    corpus = load_sources(tmp_path)

    def check(text, kind="claim", who=None):
        return verdict_findings(corpus, text, kind, who)

    # a thing done, stated as what could, will or is expected to happen
    for hedged in ("could overturn", "will overturn", "is expected to overturn"):
        assert check(f"The Court of Appeal {hedged} a High Court ruling that banned protests.") == (
            "contradicted",
            [("modality", "has overturned", hedged)],
        )
    assert check("The council said it will review the decision.")[1][0][:2] == ("modality", "reviewed")
    # (made passive: "is expected to be appointed" where the source says she was)
    assert check("Jane Doe is expected to be appointed chief executive of the bank.")[1] == [
        ("modality", "was appointed", "is expected to be appointed")
    ]
    assert check("The Court of Appeal overturned a High Court ruling that banned protests.") == ("verified", [])
    assert check("The committee is expected to publish its report.") == ("verified", [])
    # whose the title is, which the source's "Its" leaves to the sentence before: no role error
    quoted = item(corpus, "out on the ground", "quote", "Jeremy Parr")
    quoted.claim.context = "Natural Resources Wales's head of flood incident management, Jeremy Parr, said"
    from factcheck.classify import _role_findings

    assert _role_findings(quoted.claim.context, corpus)[0] == []
    assert _role_findings("Natural Resources Wales chief executive Jeremy Parr said", corpus)[0] != []
    # a word two people both said is no disputed statement: each of them said it
    assert check("staggering", "quote", "Colette Kress") == ("verified", [])
    assert check("staggering", "quote", "Jensen Huang") == ("verified", [])


def test_scales_and_times_written_two_ways(tmp_path):
    check = checker(
        tmp_path,
        "Figures\n\nThe council faced a \u00a314m gap in its budget next year.\n\n"
        "The government plans to build 1.5 million homes by 2029.\n\n"
        "The Met Office extended its amber warning until 06:00 GMT on Sunday.\n",
    )

    assert check("The council faced a \u00a314 million gap in its budget next year.") == ("verified", [])
    assert check("The government plans to build 1.5m homes by 2029.") == ("verified", [])
    assert check("The Met Office extended its amber warning until 6am GMT on Sunday.") == ("verified", [])
    assert check("The Met Office extended its amber warning until 7am GMT on Sunday.") == (
        "contradicted",
        [("date", "06:00", "7am")],
    )


def test_hyphenated_compounds_and_headlines(tmp_path):
    from factcheck import load_sources
    from tests.conftest import write

    write(
        tmp_path / "a.txt",
        "Open Source AI Models and Strengthening the UK Cyber Resilience\n\n"
        "Two-thirds of members backed the deal on Monday.\n\n"
        "Nvidia forecast fourth-quarter revenue above estimates.\n",
    )
    corpus = load_sources(tmp_path)

    def check(text):
        it = item(corpus, text)
        return it.verdict, [(f.type, f.found) for f in it.findings]

    # one side writes as one hyphenated word what the other writes as two
    assert check("Two thirds of members backed the deal on Monday.") == ("verified", [])
    assert check("Nvidia forecast fourth quarter revenue above estimates.") == ("verified", [])
    # a headline verifies nothing it leaves out
    verdict, findings = check("The UK plans to ban open-source AI models.")
    assert verdict == "unsupported"
    assert findings == [("wording", "plans ban")]


def test_times_relative_to_now_a_refusal_to_say_and_which_numbers_a_finding_names(tmp_path):
    check = checker(
        tmp_path,
        "Vote\n\nSenate Majority Leader John Thune declined to say when a vote would be held.\n\n"
        "The Teme peaked at 5.2 metres early on Friday, 0.3 metres above its previous record.\n\n"
        "The court heard Hale had persuaded 11 clients, the oldest aged 93, to move their savings.\n\n"
        "Bees can count to four, a study finds.\n\n"
        "Bernard Kelly died aged 84, his family said.\n",
    )

    # "said" where the source declined to say
    assert check("Senate Majority Leader John Thune said when a vote would be held.") == (
        "contradicted",
        [("negation", "declined to say", "said")],
    )
    # a time relative to now the sentence does not give: not verified by it
    assert check("Bernard Kelly died aged 84 last week, his family said.") == (
        "unsupported",
        [("date", None, "last week")],
    )
    assert check("Bernard Kelly died aged 84, his family said.") == ("verified", [])
    # the number set against the item's, where it stands beside what the item says; not
    # another beside a word they share
    assert check("The Teme peaked at 5.4 metres early on Friday.") == ("contradicted", [("number", "5.2", "5.4")])
    assert check("The court heard Hale had persuaded 12 clients to move their savings.")[1] == [("number", "11", "12")]
    # the values, not the words the alignment put with them
    assert check("Bees can count to five, according to a study.") == ("contradicted", [("number", "four", "five")])


def test_a_clause_left_out_and_a_place_at_the_end(tmp_path):
    check = checker(
        tmp_path,
        "Robbery\n\nThe woman, who has not been named, was pushed to the floor at about 4pm on Tuesday, "
        "Humberside Police said.\n\nThe results were presented at the European Congress on Obesity in Venice.\n\n"
        "The council did not approve the plan on Monday.\n\n"
        "Prof Tara Spires-Jones, of the University of Edinburgh, who was not involved in the research, said "
        "the study cannot prove that walking itself lowers the risk.\n",
    )

    # a relative clause the item leaves out denies nothing the item says
    assert check("The woman was pushed to the floor at about 4pm on Tuesday, police said.") == ("verified", [])
    # (a negation the item drops from what it states is still an error)
    assert check("The council approved the plan on Monday.")[0] == "contradicted"
    # and the finding names it, not a clause about someone that the item's words stand against
    assert check("Prof Tara Spires-Jones said the study could prove that walking itself lowers the risk.") == (
        "contradicted",
        [("negation", "cannot", "could")],
    )
    # a name for a name at the end of the sentence: the source does not say it
    assert check("The results were presented at the European Congress on Obesity in Vienna.") == (
        "unsupported",
        [("wording", "Venice", "Vienna")],
    )


def test_opposite_people_and_times_a_thing_ruled_out_and_a_number_moved(tmp_path):
    check = checker(
        tmp_path,
        "Grenfell\n\nMs Elcock, who escaped from the 11th floor with her daughter, said the wait had been long.\n\n"
        "Work and Pensions Secretary Liz Kendall is expected to set out the plans next week.\n\n"
        "The government would publish a revised budget in the spring.\n\n"
        "Taoiseach Micheal Martin has ruled out calling a snap general election.\n\n"
        "In the summer of 2025, the taps in Buxton ran dry for eleven days.\n\n"
        "Reform UK won the by-election by six votes after a recount.\n",
    )

    assert check("Ms Elcock escaped from the 11th floor with her son.") == (
        "contradicted",
        [("negation", "daughter", "son")],
    )
    assert check("The government would publish a revised budget in the autumn.") == (
        "contradicted",
        [("date", "spring", "autumn")],
    )
    assert ("date", "next", "last") in check("Liz Kendall is expected to set out the plans last week.")[1]
    # (and before for after)
    assert check("Reform UK won the by-election by six votes before a recount.") == (
        "contradicted",
        [("date", "after", "before")],
    )
    assert check("Taoiseach Micheal Martin has called a snap general election.")[0] == "contradicted"
    assert check("The taps in Buxton ran dry for eleven days in the summer of 2024.") == (
        "contradicted",
        [("number", "2025", "2024")],
    )
    # (a number the item gives too is not the one it changed)
    assert check("The taps in Buxton ran dry for 11 days in the summer of 2025.")[0] != "contradicted"


def test_a_day_the_sentence_gives_elsewhere_in_the_order_is_a_date_error(tmp_path):
    """ "promised on Wednesday that the city would rebuild" against "on Tuesday promised
    residents ... that the city would rebuild": the sentence's one day, another, put elsewhere
    in the order, which the alignment never compared with the item's."""
    check = checker(
        tmp_path,
        "Fires\n\nLos Angeles Mayor Karen Bass on Tuesday promised residents of fire-ravaged "
        'neighborhoods that the city would rebuild "faster than anyone thinks possible".\n\n'
        "In March the council voted to close the library on Ash Road.\n\n"
        "Police said the man had been released on bail pending further inquiries into the attack.\n",
    )
    assert check("Los Angeles Mayor Karen Bass promised on Wednesday that the city would rebuild.") == (
        "contradicted",
        [("date", "Tuesday", "Wednesday")],
    )
    assert check("The council voted to close the library on Ash Road in April.") == (
        "contradicted",
        [("date", "March", "April")],
    )
    # (not where the sentence names no day)
    assert check("Police said on Sunday the man had been released on bail pending further inquiries.")[0] == (
        "unsupported"
    )


def test_stopped_short_of_and_a_saying_clause_left_out(tmp_path):
    """ "backed joint borrowing" against "stopped short of backing joint borrowing" is a
    negation; a "saying ..." clause the item leaves out denies nothing, so the day it changed
    is what is wrong."""
    check = checker(
        tmp_path,
        "Defence\n\nFrench President Emmanuel Macron on Wednesday called for a joint European fund to pay "
        'for defence, saying the continent could "no longer depend on others for its security".\n\n'
        'German Chancellor Friedrich Merz said he supported "much closer" cooperation but stopped short of '
        "backing joint borrowing.\n",
    )
    assert check("Friedrich Merz backed joint borrowing.") == (
        "contradicted",
        [("negation", "stopped short of backing", None)],
    )
    assert check("Emmanuel Macron called for a joint European fund to pay for defence on Tuesday.") == (
        "contradicted",
        [("date", "Wednesday", "Tuesday")],
    )
    assert check("Emmanuel Macron called for a joint European fund to pay for defence.") == ("verified", [])


def test_more_opposite_verbs(tmp_path):
    """Bought and sold, lend and borrow, create and destroy ... say the opposite of each other."""
    check = checker(
        tmp_path,
        "Deals\n\nThe company bought 40 stores from Tesco last year.\n\nThe bank will lend £2bn to the firm.\n\n"
        "The new factory will create 300 jobs in the town.\n\n"
        "A federal judge on Friday blocked a Texas law on age checks for social media.\n",
    )
    assert check("A federal judge on Friday upheld a Texas law on age checks for social media.") == (
        "contradicted",
        [("negation", "blocked", "upheld")],
    )
    assert check("A federal judge on Friday approved a Texas law on age checks for social media.")[0] == "contradicted"
    assert check("The company sold 40 stores to Tesco last year.") == ("contradicted", [("negation", "bought", "sold")])
    assert check("The bank will borrow £2bn from the firm.") == ("contradicted", [("negation", "lend", "borrow")])
    assert check("The new factory will destroy 300 jobs in the town.") == (
        "contradicted",
        [("negation", "create", "destroy")],
    )
    assert check("The company bought 40 stores from Tesco last year.") == ("verified", [])


def test_a_count_in_words_the_sources_disagree_on_is_disputed(tmp_path):
    """Two sources say "Fourteen", one "Sixteen": a claim of fourteen is disputed, though its
    best sentence is a third source's that agrees with it word for word."""
    from factcheck import load_sources
    from tests.conftest import write

    line = " people were rescued after a fire broke out on a ferry off the Isle of Wight on Thursday evening.\n"
    write(tmp_path / "bbc.txt", "Ferry fire\n\nFourteen" + line)
    write(tmp_path / "itv.txt", "Ferry rescue\n\nSixteen" + line)
    write(tmp_path / "local.txt", "Ferry blaze\n\nFourteen" + line)
    corpus = load_sources(tmp_path)
    it = item(corpus, "Fourteen" + line.rstrip())
    assert it.verdict == "disputed"
    assert [(f.type, f.severity) for f in it.findings] == [("number", "warning")]
    assert {"Fourteen", "Sixteen"} <= set(it.findings[0].message.replace("'", " ").split())


def test_a_comparison_turned_round_is_a_negation(tmp_path):
    """The same words, compared the other way round, say the opposite; the same comparison, or
    a "more than" count, is no error."""
    check = checker(
        tmp_path,
        "Jobs\n\nSam Altman has said artificial intelligence will transform most jobs within five years, but "
        "insisted it would create more work than it destroys.\n\n"
        "More than 1,000 people were evacuated from their homes on Monday.\n",
    )
    verdict, findings = check("Sam Altman said artificial intelligence would destroy more jobs than it creates.")
    assert verdict == "contradicted"
    assert findings == [("negation", "create more work than it destroys", None)]
    assert check("Sam Altman said artificial intelligence would create more work than it destroys.") == ("verified", [])
    assert check("More than 1,000 people were evacuated from their homes on Monday.") == ("verified", [])


def test_words_moved_against_a_negation_the_item_never_names_deny_nothing(tmp_path):
    """The item's words are the source's in another order: set against "did not approve",
    which the item never says, they are no negation; words found nowhere else still are."""
    check = checker(
        tmp_path,
        "Bypass\n\nHarrowfield council did not approve the new bypass on Tuesday night after a four-hour "
        "debate.\n\nCampaigners said the penalty did not go far enough.\n\n"
        "Ed Miliband said there was no indication of foul play.\n",
    )
    verdict, findings = check("Harrowfield council held a four-hour debate on the bypass on Tuesday night.")
    assert verdict == "unsupported" and [t for t, *_ in findings] == ["wording"]
    assert check("Campaigners said the penalty went far enough.")[1][0][0] == "negation"
    assert check("Ed Miliband said there was evidence of foul play.")[1][0][0] == "negation"


def test_a_claim_that_states_no_disputed_value_does_not_depend_on_the_dispute(tmp_path):
    from factcheck import load_sources
    from tests.conftest import write

    write(tmp_path / "a.txt", "Homes\n\nThe council approved 340 new homes at its meeting on Monday.\n")
    write(tmp_path / "b.txt", "Homes vote\n\nThe council approved 430 new homes at its meeting on Monday.\n")
    corpus = load_sources(tmp_path)
    assert item(corpus, "The council approved 340 new homes at its meeting on Monday.").verdict == "disputed"
    assert item(corpus, "The council approved 500 new homes at its meeting on Monday.").verdict == "disputed"
    # (the day is not in dispute: a claim of it alone is verified)
    assert item(corpus, "The council approved new homes at its meeting on Monday.").verdict == "verified"


def test_no_10_and_downing_street_are_one_speaker(tmp_path):
    from factcheck import check_claims, load_sources
    from factcheck.claims import parse_draft_text
    from tests.conftest import write

    write(tmp_path / "a.txt", 'Story\n\nNo 10 said the claims were "complete nonsense".\n')
    corpus = load_sources(tmp_path)
    draft = (
        'Downing Street said the claims were "complete nonsense".\n\n'
        'The Treasury said the claims were "complete nonsense".\n'
    )
    items = check_claims(parse_draft_text(draft, "d.md", corpus.registry).claims, corpus)
    assert [(it.claim.speaker, it.verdict) for it in items] == [
        ("Downing Street", "verified"),
        ("Treasury", "misattributed"),
    ]


def test_words_after_the_last_match_that_the_sources_never_use_keep_a_claim_from_verified(tmp_path):
    check = checker(
        tmp_path,
        "Leeds\n\nMichael Osei, 29, was found seriously injured on Call Lane in the early hours of Saturday and "
        "died in hospital.\n\nA patient, 64-year-old Linda Morris, said she had lost 14kg.\n\n"
        "The site covers 30 hectares.\n",
    )
    assert check("Michael Osei died at the scene.") == ("unsupported", [("wording", None, "scene")])
    assert check("Michael Osei, 29, was found seriously injured on Call Lane and died at home.")[0] == "unsupported"
    # a unit spelled out where the source abbreviates it, or the other way round, is no new word
    assert check("Linda Morris said she had lost 14 kilograms.") == ("verified", [])
    assert check("The site covers 30 ha.") == ("verified", [])
    assert check("Linda Morris said she had lost 14 stone.")[0] == "unsupported"


def test_a_scale_or_currency_written_out_is_what_the_source_writes_short(tmp_path):
    check = checker(
        tmp_path,
        "Roads\n\nThe county council will spend £40m on new roads, bridges and schools in the county next year.\n",
    )
    assert check(
        "The county council will spend 40 million pounds on new roads, bridges and schools in the county next year."
    ) == ("verified", [])
    # another currency, another scale: not what the source says
    verdict, findings = check(
        "The county council will spend 40 million euros on new roads, bridges and schools in the county next year."
    )
    assert (verdict, findings) == ("unsupported", [("wording", None, "euros")])
    assert (
        check(
            "The county council will spend 40 billion pounds on new roads, bridges and schools in the county next year."
        )[0]
        == "unsupported"
    )


def test_a_span_of_time_put_for_another_is_a_date_error(tmp_path):
    check = checker(
        tmp_path,
        "Shop\n\nResidents have saved their only shop after raising £250,000 in six weeks.\n\n"
        "Prices rose 5% in the past year.\n",
    )
    assert check("Residents have saved their only shop after raising £250,000 in six months.") == (
        "contradicted",
        [("date", "weeks", "months")],
    )
    assert check("Prices rose 5% in the past month.") == ("contradicted", [("date", "year", "month")])
    # the same span counted another way is no error
    assert check("Prices rose 5% in the past 12 months.")[0] != "contradicted"


def test_a_quote_of_function_words_alone_is_found_by_its_speaker_and_then_by_all(tmp_path):
    # "I just did what I had to do" has no word the index reads: it was "no source quote is
    # close". It is read against the speaker's quotes, then against every quote.
    check = checker(
        tmp_path,
        "Boy saves grandad\n\nAlfie Turner, 12, pulled him out.\n\n"
        '"I just did what I had to do," said Alfie, a Year 8 pupil.\n\n'
        'His mum, Gemma Turner, said: "We are so proud of him."\n',
    )
    assert check("I just did what I had to do", "quote", "Alfie Turner") == ("verified", [])
    verdict, findings = check("I just did what I had to do", "quote", "Gemma Turner")
    assert verdict == "misattributed" and findings[0][:2] == ("speaker", "Alfie Turner")
    assert check("I just did what I had to do", "quote")[0] == "verified"


def test_a_weekday_is_not_set_against_a_share(tmp_path):
    # "on Tuesday" against a headline's "by 4.99%" was a date error "the source says '4.99%'"
    check = checker(tmp_path, "Council tax to rise by 4.99% as county faces gap\n\nThe mayor agreed it.\n")
    assert check("The council tax rise was agreed on Tuesday.") == (
        "unsupported",
        [("wording", None, "agreed Tuesday")],
    )
    # (the share against the share is a number error, as before)
    verdict, findings = check("Council tax will rise by 5% on Tuesday.")
    assert verdict == "contradicted" and [f[:2] for f in findings] == [("number", "4.99%")]
    # (and a day of the month or a year is still a date against a weekday)
    check = checker(tmp_path / "b", "The vote was held on 17 February, the council said.\n")
    assert check("The vote was held on Tuesday, the council said.") == (
        "contradicted",
        [("date", "17 February", "Tuesday")],
    )


def test_an_age_the_article_gives_otherwise_in_another_sentence(tmp_path):
    # copy joins one sentence's age to another's deed: no one sentence holds the claim, and the
    # wrong age was only "the sources do not say: 13, ..."
    check = checker(
        tmp_path,
        "Hero schoolboy saves grandad\n\nA brave schoolboy pulled his grandfather from a frozen pond on "
        "Saturday.\n\nAlfie Turner, 12, was walking with grandad Mick, 71, near their home in Chesterfield.\n\n"
        "Declan Moloney (44), of Ballyclough, was also there.\n",
    )
    assert check("Alfie Turner, 13, pulled his grandfather from a frozen pond.") == (
        "contradicted",
        [("number", "12", "13")],
    )
    assert check("Grandad Mick, 72, was walking near their home in Chesterfield.")[1] == [("number", "71", "72")]
    assert check("Declan Moloney (45) was there.")[1][0] == ("number", "44", "45")
    # the age the article gives, and an age it gives no one, are no error
    assert check("Alfie Turner, 12, pulled his grandfather from a frozen pond.")[0] == "verified"
    assert not any(f[0] == "number" for f in check("Sarah Jones, 30, pulled her grandfather from a pond.")[1])


def test_a_short_quote_changed_is_found_through_the_sentence_around_it(tmp_path):
    # "within weeks" shares only "within" with the source's "within months": too little to
    # find it by, so it was "no source quote is close". The sentence around it finds the
    # source's sentence, and the one short quote of that speaker there.
    from factcheck import load_sources
    from factcheck.claims import parse_draft_text
    from tests.conftest import write

    write(
        tmp_path / "src" / "a.txt",
        "Swinney sets out independence plan\n\nFirst Minister John Swinney addressed the SNP conference.\n\n"
        'The first minister later told reporters he would set out a timetable "within months".\n',
    )
    corpus = load_sources(tmp_path / "src")

    def check(draft):
        (claim,) = [c for c in parse_draft_text(draft, "d.md").claims if c.kind == "quote"]
        (it,) = check_claims([claim], corpus)
        return it.verdict, [(f.type, f.expected, f.found) for f in it.findings]

    assert check('Swinney told reporters he would set out a timetable "within weeks".\n') == (
        "misquote",
        [("wording", "months", "weeks")],
    )
    assert check('Swinney told reporters he would set out a timetable "within months".\n')[0] == "verified"
    # too little around the quote to find its sentence by: no guess
    assert check('Swinney said it was "within weeks".\n')[0] == "unsupported"


def test_a_number_whose_clause_the_item_moved(tmp_path):
    # the item puts its clauses in another order, so the words around its number align with
    # nothing; the sentence's one number with two of the same words around it is read
    check = checker(
        tmp_path,
        "Edinburgh man jailed\n\nAn Edinburgh man who attacked a taxi driver with a bottle after refusing to "
        "pay his fare has been jailed for three years.\n\nCraig Dunbar, 31, admitted the assault.\n",
    )
    verdict, findings = check("Craig Dunbar, 31, was jailed for four years for attacking a taxi driver in Edinburgh.")
    assert verdict == "contradicted" and findings == [("number", "three", "four")]
    # (the age the article gives him is no number out of place, and the right count verifies
    # nothing false)
    assert check("Craig Dunbar, 31, was jailed for three years for attacking a taxi driver in Edinburgh.")[0] != (
        "contradicted"
    )


def test_a_count_written_into_a_word_and_in_favour_against(tmp_path):
    check = checker(
        tmp_path,
        "Manchester United have signed Benfica centre-back Antonio Silva for £45m on a five-year contract.\n\n"
        "North Yorkshire Council's planning committee voted seven to four against the scheme on Tuesday.\n",
    )
    assert check("Manchester United have signed Antonio Silva for £45m on a four-year contract.") == (
        "contradicted",
        [("number", "five-year", "four-year")],
    )
    assert check("Manchester United have signed Antonio Silva for £45m on a five-year contract.")[0] == "verified"
    verdict, findings = check("The planning committee voted seven to four in favour of the scheme on Tuesday.")
    assert verdict == "contradicted" and findings[0][0] == "negation"


def test_a_place_against_a_place_first_and_second_included(tmp_path):
    check = checker(tmp_path, "Republican Curtis Sliwa finished a distant third in the mayoral race.\n")
    assert check("Curtis Sliwa finished a close second in the mayoral race.") == (
        "contradicted",
        [("number", "third", "second")],
    )
    assert check("Curtis Sliwa finished third in the mayoral race.")[0] == "verified"


def test_a_number_the_sentence_after_gives_in_the_same_words(tmp_path):
    # copy joins two sentences: the count is the next sentence's, with the same words round it
    check = checker(
        tmp_path,
        "Sewage spills rise\n\nWater companies in England discharged raw sewage into rivers and seas for more "
        "than 3.6m hours last year, according to Environment Agency data.\n\n"
        "The figures, published on Wednesday, show a 13% increase on the previous year.\n",
    )
    verdict, findings = check(
        "Water companies discharged raw sewage for more than 3.6m hours last year, a 31% increase on the previous year."
    )
    assert verdict == "contradicted" and findings == [("number", "13%", "31%")]


def test_a_name_run_stops_at_a_mark(tmp_path):
    # "released through Police Scotland, Mr Iqbal said" had made one name, "Police Scotland
    # Mr Iqbal", which the item's "Mohammed Iqbal" was then said to be swapped for
    check = checker(
        tmp_path,
        "Taxi driver attacked\n\nMohammed Iqbal, 52, needed 24 stitches.\n\n"
        'In a statement released through Police Scotland, Mr Iqbal said: "I have driven a taxi in this city '
        'for 20 years."\n',
    )
    assert check("Mohammed Iqbal has driven a taxi in Edinburgh for 20 years.") == (
        "unsupported",
        [("wording", None, "Mohammed Edinburgh")],
    )
