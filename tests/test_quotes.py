"""Quotes and their speakers, in sources and drafts: one test per convention."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims import parse_draft_text
from factcheck.quotes import parse_speaker_phrase


def quotes_of(src):
    return [(q.speaker, q.text) for q in src.quotes]


# --- the seeds ------------------------------------------------------------------------------


def test_seed_004_ayres_quote_with_his_title(by_id):
    q = next(
        q for q in by_id["ukaus-itpro"].quotes if q.text.startswith("This MoU brings Australia's AI Safety Institute")
    )
    assert q.speaker == "Tim Ayres"
    assert q.title == "Australian minister for industry and innovation and minister for science"
    assert q.attribution == "after"


def test_seed_003_quote_running_over_two_paragraphs_is_one_quote_with_next_line_speaker(by_id):
    src = by_id["ukaus-ai-security-alliance"]
    q = next(q for q in src.quotes if q.text.startswith("This technology is moving fast"))
    assert q.speaker == "Kanishka Narayan"
    assert q.attribution == "next-line"
    assert len(q.parts) == 2
    assert q.text.endswith("improve lives for Brits and Aussies alike.")
    assert [src.line_of(p.start) for p in q.parts] == [6, 7]
    # the name line is an attribution, not a sentence of reporting
    assert not any(s.text == "Kanishka Narayan" for s in src.sentences)


def test_seed_002_whitehall_quote_has_no_named_speaker(by_id):
    q = next(q for q in by_id["ukaus-ai-security-pact"].quotes if "stress-test frontier systems" in q.text)
    assert q.text == "no country can realistically stress-test frontier systems in isolation"
    assert q.speaker is None
    assert q.attribution == "unnamed"


def test_seed_002_partial_quote_inside_a_sentence(by_id):
    q = next(q for q in by_id["ukaus-ai-security-pact"].quotes if q.text == "fast-moving AI security risks")
    assert q.partial and q.speaker is None


def test_seed_003_according_to_with_title(by_id):
    q = by_id["ukaus-ai-security-alliance"].quotes[0]
    assert (q.speaker, q.title, q.attribution) == ("Kanishka Narayan", "UK AI Minister", "before")


def test_seed_004_paragraph_of_quote_continues_the_previous_speaker(by_id):
    speakers = quotes_of(by_id["ukaus-itpro"])
    assert [s for s, _ in speakers] == [
        "Kanishka Narayan",
        "Kanishka Narayan",
        "Tim Ayres",
        "Tim Ayres",
        "Andrew Charlton",
        "Andrew Charlton",
    ]


def test_seed_001_quotes_with_unnamed_speaker(by_id):
    assert [s for s, _ in quotes_of(by_id["uk-open-source-ai-resilience"])] == [None, None]


# --- conventions, in drafts (the same code reads sources) ------------------------------------


def draft_quotes(text, registry=None):
    return [(c.speaker, c.text) for c in parse_draft_text(text, "d.md", registry).claims if c.kind == "quote"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"We will win," said Jane Doe.', [("Jane Doe", "We will win,")]),
        ('"We will win," Jane Doe said.', [("Jane Doe", "We will win,")]),
        ('Jane Doe said: "We will win."', [("Jane Doe", "We will win.")]),
        ('According to Jane Doe, "we will win."', [("Jane Doe", "we will win.")]),
        ('Jane Doe: "We will win."', [("Jane Doe", "We will win.")]),
        ('"We will win," said Jane Doe, the party leader.', [("Jane Doe", "We will win,")]),
        ('Jane Doe, who leads the party, said: "We will win."', [("Jane Doe", "We will win.")]),
        ('"We will win," Jane Doe told reporters.', [("Jane Doe", "We will win,")]),
        ("\u201cWe will win,\u201d said Jane Doe.", [("Jane Doe", "We will win,")]),
        ('"We will win," said a party spokesperson.', [(None, "We will win,")]),
        ('"We will win."', [(None, "We will win.")]),
    ],
)
def test_attribution_conventions(text, expected):
    assert draft_quotes(text) == expected


def test_quote_split_around_its_attribution():
    assert draft_quotes('"We will win," Jane Doe said, "and we will govern."') == [
        ("Jane Doe", "We will win,"),
        ("Jane Doe", "and we will govern."),
    ]


def test_pronoun_resolves_to_the_last_named_speaker():
    text = '"We will win," said Jane Doe.\n"It will not be easy," she said.\n'
    assert draft_quotes(text) == [("Jane Doe", "We will win,"), ("Jane Doe", "It will not be easy,")]


@pytest.mark.parametrize(
    "between, speaker",
    [
        # a sentence that opens with a person: "he" is that person, not the last speaker
        ("Feargal Sharkey, the former Undertones singer turned campaigner, was scathing.", "Feargal Sharkey"),
        ("Doctors' leader Dr Tom Dolphin disagreed.", "Tom Dolphin"),
        ("The environment secretary, Steve Reed, was in the chamber.", "Steve Reed"),
        # a sentence about a body, or one that opens with something else: the last speaker
        ("The British Medical Association, which represents doctors, has called a strike.", "Wes Streeting"),
        ("Talks resumed on Friday after Chris Weston wrote to ministers.", "Wes Streeting"),
        ("Thames Water said it was reviewing the detail.", "Wes Streeting"),
        ("Thames Water, which serves 16 million customers, was blunt.", "Wes Streeting"),
        ("Jane Doe, who chairs the committee, disagreed.", "Jane Doe"),
        # a name no title introduces is a person's where the sentence gives an age, or a
        # "she" or "he" it reports
        ("Sarah Lin, 41, a nurse who rents in the area, was hopeful.", "Sarah Lin"),
        ("Sarah Lin said she was cautiously hopeful.", "Sarah Lin"),
        ("Tom Briggs told reporters that he would appeal.", "Tom Briggs"),
        ("Harbour Homes said it would appeal.", "Wes Streeting"),
    ],
)
def test_he_or_she_after_a_sentence_about_someone_else_is_that_person(between, speaker):
    text = f'"We will not back down," said Health Secretary Wes Streeting. {between} "It is wrong," he said.\n'
    assert draft_quotes(text) == [("Wes Streeting", "We will not back down,"), (speaker, "It is wrong,")]


def test_he_or_she_reads_no_sentence_inside_a_quote():
    text = '"We acted. Chris Weston did not answer," said Wes Streeting. "It is wrong," he said.\n'
    assert [s for s, _ in draft_quotes(text)] == ["Wes Streeting", "Wes Streeting"]
    # and with no speaker before, the person a sentence opens with is the only one it can be
    assert draft_quotes('Prime Minister Keir Starmer visited Leeds. "It is right," he said.\n') == [
        ("Keir Starmer", "It is right,")
    ]


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            'The environment secretary, Steve Reed, defended the bill, saying it would "put customers first".',
            "Steve Reed",
        ),
        ('Health Secretary Wes Streeting rejected the offer, adding that it was "not serious".', "Wes Streeting"),
        # other participles that report what the subject said
        (
            "Prime Minister Keir Starmer ruled out rejoining the single market, telling business leaders it "
            'would "reopen old wounds".',
            "Keir Starmer",
        ),
        ('Conservative leader Kemi Badenoch hit back, accusing him of "betraying Brexit".', "Kemi Badenoch"),
        # a body's words, or no comma before the participle: nobody's
        ('Thames Water hit back, saying the figures were "misleading".', None),
        ('Jane Doe published the report with critics saying it was "flawed".', None),
    ],
)
def test_a_partial_quote_after_saying_is_the_subjects(text, speaker):
    ((who, _),) = draft_quotes(text)
    assert who == speaker


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a question or an exclamation ends a sentence inside the quote; the attribution goes on
        ('"Why now?" asked union official Sharon Graham.', "Sharon Graham"),
        ('"Stop!" shouted Sharon Graham.', "Sharon Graham"),
        ('"Why now?" Sharon Graham asked.', "Sharon Graham"),
        ('"Why now?" is the question.', None),
        # words between the speaker and the verb
        ('Peter Kyle later told the BBC the closure was "deeply regrettable".', "Peter Kyle"),
        ('"We will win," Jane Doe has said.', "Jane Doe"),
        ('Jane Doe has also said: "We will win."', "Jane Doe"),
        ('"We tried," Jane Doe conceded.', "Jane Doe"),
        # the name first, then who they are, ending in words that look like a name
        (
            '"It is over," said Dr Anthony Fauci, the former director of the Institute of Infectious Diseases.',
            "Anthony Fauci",
        ),
        ('Jane Doe\'s spokesman, John Roe, said: "No."', "John Roe"),
        ('Last week, Jane Doe said: "No."', "Jane Doe"),
        # whatever the speaker told, up to a colon
        ('Jane Doe, the mayor of Leeds, told the BBC\'s Today programme: "We need the money."', "Jane Doe"),
        ('Jane Doe, 45, a teacher from Leeds, said she was "heartbroken".', "Jane Doe"),
        # a first name alone, with an age: vox pops
        ('"We were scared," said Anna, 34, from Leeds.', "Anna"),
        # or with where they are from, as tabloids name the one they introduced in full
        ('"We were scared," said Anna, from Leeds.', "Anna"),
        (
            'Dad-of-three Gary Pike, 46, dived in.\n\n"I just went," said Gary, from Stockport.',
            "Gary Pike",
        ),
        ('Separately, officials said: "We are ready."', None),
        ('The report, published on Monday, said the plan was "dead".', None),
    ],
)
def test_wire_copy_attributions(text, speaker):
    ((who, _),) = draft_quotes(text)
    assert who == speaker


def test_the_sentence_after_a_quote_is_read_on_only_after_a_question_or_an_exclamation():
    text = 'The chancellor, Rachel Reeves, said: "We will fix it." She added: "It will take time."'
    assert draft_quotes(text) == [("Rachel Reeves", "We will fix it."), ("Rachel Reeves", "It will take time.")]
    text = '"Why now?" asked Jane Doe. She added: "It will take time."'
    assert draft_quotes(text) == [("Jane Doe", "Why now?"), ("Jane Doe", "It will take time.")]


def test_an_attribution_after_a_question_is_not_a_claim():
    claims = parse_draft_text('"Why now?" asked Sharon Graham. The plant closes in May.', "d.md").claims
    assert [(c.kind, c.speaker, c.text) for c in claims] == [
        ("quote", "Sharon Graham", "Why now?"),
        ("claim", None, "The plant closes in May."),
    ]


@pytest.mark.parametrize(
    "text, speaker",
    [
        # AP style: abbreviated titles and party-and-state tags
        ('"This is a good bill," Senate Majority Leader Chuck Schumer, D-N.Y., said.', "Chuck Schumer"),
        ('"We have done our job," said Sen. Patty Murray, D-Wash., chair of the committee.', "Patty Murray"),
        ('"He has betrayed us," said Rep. Marjorie Taylor Greene, R-Ga.', "Marjorie Taylor Greene"),
        ('"We will win," said Dr. Jane Smith.', "Jane Smith"),
        # what someone calls a thing is their word for it, whatever clause follows
        (
            'Mitch McConnell called the measure "a responsible compromise," though he said it cost too much.',
            "Mitch McConnell",
        ),
        ('House Speaker Mike Johnson described it as "a good deal".', "Mike Johnson"),
        # where the speaker is from, after the name
        ('"We won," Senator Robert Kline of Ohio, the bill\'s chief sponsor, said.', "Robert Kline"),
        ('"It is not enough," said Chloe Tan of the Green Futures Network.', "Chloe Tan"),
        ('"Shares will fall," said Priya Nair at Coastline Securities.', "Priya Nair"),
        ('"We will," said Secretary of State Antony Blinken.', "Antony Blinken"),
    ],
)
def test_ap_style_attributions(text, speaker):
    ((who, _),) = draft_quotes(text)
    assert who == speaker


def test_punkt_ends_no_sentence_at_a_name_abbreviation():
    from factcheck.entities import NAME_ABBREVIATIONS
    from factcheck.normalise import ABBREVIATIONS

    assert {w.lower() for w in NAME_ABBREVIATIONS} <= set(ABBREVIATIONS)


@pytest.mark.parametrize(
    "text, speaker, title",
    [
        ('"Fine," said Ms. Okafor\'s deputy, Raj Mehta, "really."', "Raj Mehta", "Ms. Okafor's deputy"),
        (
            '"We have done our job," said Sen. Patty Murray, D-Wash., chair of the committee.',
            "Patty Murray",
            "chair of the committee",
        ),
    ],
)
def test_a_title_is_given_as_the_source_writes_it(tmp_path, text, speaker, title):
    # the attribution is read on a copy with abbreviations' full stops masked; the title
    # reported, and recorded for the role conflicts, is the source's own text
    from factcheck.corpus import load_sources

    (tmp_path / "a.txt").write_text(text + "\n", encoding="utf-8")
    corpus = load_sources(tmp_path)
    assert (corpus.quotes[0].speaker, corpus.quotes[0].title) == (speaker, title)
    assert title in corpus.registry.titles_of(speaker)
    assert not any("  " in t for t in corpus.registry.titles_of(speaker))  # no masked stop


@pytest.mark.parametrize(
    "before, speaker",
    [
        ("President Maria Alvarez flew in.", "Maria Alvarez"),
        # two people with the honorific: no guess
        ("President Maria Alvarez met President Li Wei.", None),
    ],
)
def test_the_title_alone_is_the_one_person_holding_it_as_an_honorific(tmp_path, before, speaker):
    from factcheck.corpus import load_sources

    text = f'{before}\n\nThe president, speaking at a rally in Denver, said: "Promises made, promises kept."\n'
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    assert [(q.speaker, q.text) for q in load_sources(tmp_path).quotes] == [(speaker, "Promises made, promises kept.")]


def test_a_title_abbreviation_and_a_party_tag_keep_every_offset():
    from factcheck.quotes import _masked

    text = 'said Sen. Patty Murray, D-Wash., chair. "Hi," said Schumer, D-N.Y.'
    masked = _masked(text)
    assert len(masked) == len(text)
    tag1, tag2 = " " * len(", D-Wash."), " " * len(", D-N.Y.")
    assert masked == f'said Sen  Patty Murray{tag1}, chair. "Hi," said Schumer{tag2}'


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Sen.", "Dr.", "Mrs.", "St", ".", " ", "a", "x", "Ü", "_", "D-N.Y.", ",", "-"]), max_size=20
    )
)
def test_abbreviations_are_masked_where_a_word_starts(pieces):
    """_masked searches without \\b and tests the word's start itself: as the pattern with \\b."""
    import re

    from factcheck.entities import NAME_ABBREVIATIONS
    from factcheck.quotes import _INITIAL_STOP, _PARTY_STATE, _masked

    text = "".join(pieces)
    expected = re.sub(rf"\b(?:{'|'.join(NAME_ABBREVIATIONS)})\.", lambda m: m.group(0)[:-1] + " ", text)
    expected = _PARTY_STATE.sub(lambda m: " " * len(m.group(0)), expected)
    expected = _INITIAL_STOP.sub(lambda m: m.group(0)[0] + " ", expected)
    assert _masked(text) == expected
    assert len(_masked(text)) == len(text)


def test_an_age_or_a_description_after_a_name_is_not_a_title(tmp_path):
    """A title is what the registry compares across sources: "Jane Doe is '54' in one source
    and 'Local MP' in another" would be a false conflict."""
    from factcheck import load_sources
    from tests.conftest import write

    write(
        tmp_path / "a.txt",
        'Local MP Jane Doe, 54, said: "This is devastating."\n\n'
        '"We tried," said John Roe, a former singer.\n\n'
        '"We will win," said Ann Poe, the party leader.\n',
    )
    corpus = load_sources(tmp_path)
    titles = [(q.speaker, q.title) for q in corpus.sources[0].quotes]
    assert titles == [("Jane Doe", "Local MP"), ("John Roe", None), ("Ann Poe", "party leader")]
    assert corpus.registry.titles_of("Jane Doe") == ["Local MP"]


def test_a_full_stop_after_a_name_ends_it():
    """'... said Steve Reed. Reed met ...' names Steve Reed, not "Steve Reed Reed"; initials and
    abbreviations ("Dr.") keep their full stops inside a name."""
    from factcheck.corpus import person_bindings
    from factcheck.entities import AliasRegistry

    text = '"We will act," said Environment Secretary Steve Reed. Reed met Thames Water on Monday.\n'
    assert draft_quotes(text) == [("Steve Reed", "We will act,")]
    text = "J. K. Rowling met Dr. Jane Smith. Smith arrived at noon."
    found = person_bindings(text, AliasRegistry(), strict=False)
    assert [(b.name, b.honorific) for b in found] == [
        ("J K Rowling", None),  # (a name's words are kept without their full stops)
        ("Jane Smith", "Dr."),
    ]


def test_surname_resolves_to_the_full_name_named_before():
    text = '"We will win," said Jane Doe.\n"It will not be easy," Ms Doe added.\n'
    assert [s for s, _ in draft_quotes(text)] == ["Jane Doe", "Jane Doe"]


def test_surname_resolves_through_the_sources(corpus):
    assert draft_quotes('"No country can tackle that alone," Narayan said.', corpus.registry) == [
        ("Kanishka Narayan", "No country can tackle that alone,")
    ]


def test_partial_quote_inside_a_sentence_has_no_speaker():
    text = 'Officials called it a response to "fast-moving AI security risks".'
    assert draft_quotes(text) == [(None, "fast-moving AI security risks")]


def test_of_two_reporting_clauses_the_nearest_gives_the_speaker():
    text = (
        "Chief Executive Oliver Brandt said no plants would close, but works council head "
        'Petra Vogel said staff had been "kept in the dark".'
    )
    assert draft_quotes(text) == [("Petra Vogel", "kept in the dark")]
    # one clause: its speaker, whatever the reported words name
    assert draft_quotes('Oliver Brandt said Petra Vogel was "wrong".') == [("Oliver Brandt", "wrong")]


@pytest.mark.parametrize(
    "text, speakers",
    [
        # features: present tense, people introduced by what they do
        (
            'Headteacher Ruth Adeyemi says the change was immediate. "Children talk again," she says.',
            ["Ruth Adeyemi"],
        ),
        ('Parent Gary Holt says he worries. "My daughter can\'t call me," he says.', ["Gary Holt"]),
        ('"I thought it was the end of the world," she laughs.\n', [None]),
        ('"I thought it was the end of the world," Maya, 15, laughs.\n', ["Maya"]),
        # a relative clause, then the speaker's next words
        (
            '"We have a deal," said Captain Ellen Ward, who chairs the branch, adding: "It is a victory."',
            ["Ellen Ward", "Ellen Ward"],
        ),
    ],
)
def test_feature_attributions(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


def test_name_on_the_line_after_a_quote_is_its_speaker():
    text = "\u201cWe will win, and soon.\u201d\nJane Doe\n"
    assert draft_quotes(text) == [("Jane Doe", "We will win, and soon.")]


def test_unclosed_quote_continues_into_a_paragraph_that_opens_with_a_mark():
    text = '"First part of it.\n\n"Second part," said Jane Doe.\n'
    assert draft_quotes(text) == [("Jane Doe", "First part of it. Second part,")]


def test_unbalanced_quote_ends_with_its_paragraph():
    text = '"Never closed\n\nA plain sentence of reporting here.\n'
    parsed = parse_draft_text(text, "d.md")
    assert [(c.kind, c.text) for c in parsed.claims] == [
        ("quote", "Never closed"),
        ("claim", "A plain sentence of reporting here."),
    ]


def test_the_title_refers_back_to_its_one_holder(tmp_path):
    from factcheck import load_sources
    from tests.conftest import write

    write(
        tmp_path / "a.txt",
        "Health Secretary Wes Streeting visited the hospital on Monday.\n"
        '"We are making progress," the health secretary said.\n'
        '"It is not enough," the spokesperson said.\n',
    )
    (src,) = load_sources(tmp_path).sources
    assert [(q.speaker, q.attribution) for q in src.quotes] == [("Wes Streeting", "title"), (None, "unnamed")]


def test_colon_after_a_short_description_of_the_speaker():
    assert draft_quotes('Jane Doe was blunt: "The plan has failed."') == [("Jane Doe", "The plan has failed.")]


def test_markdown_structure_keeps_columns_and_attributions(corpus):
    from tests.conftest import ROOT

    text = (ROOT / "tests" / "data" / "markdown-draft.md").read_text(encoding="utf-8")
    claims = parse_draft_text(text, "d.md", corpus.registry).claims
    assert [(c.line, c.column, c.kind, c.speaker) for c in claims] == [
        (6, 3, "quote", "Kanishka Narayan"),  # inside a block quote, name in bold
        (8, 3, "claim", None),  # a list item hard-wrapped onto the next line, with a link
        (10, 4, "claim", None),  # emphasis
        (12, 4, "quote", "Kanishka Narayan"),  # the attribution on the indented next line
    ]  # front matter, heading and fenced code give nothing
    assert claims[1].text.endswith("extend their cooperation on AI security and safety.")


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"We will win," said Jos\u00e9 \u00c1lvarez.', [("Jos\u00e9 \u00c1lvarez", "We will win,")]),
        ('"We will win." \u2014 Jane Doe', [("Jane Doe", "We will win.")]),
        ('"We will win." \u2014 Jane Doe, party leader', [("Jane Doe", "We will win.")]),
        ('She said it was "fine" - and left.', [(None, "fine")]),
    ],
)
def test_accented_names_and_dash_attributions(text, expected):
    assert draft_quotes(text) == expected


def test_a_dash_attribution_is_not_a_claim():
    assert [c.kind for c in parse_draft_text('"We will win." \u2014 Jane Doe, party leader\n', "d.md").claims] == [
        "quote"
    ]


def test_titles_bind_to_accented_names():
    from factcheck.corpus import person_bindings
    from factcheck.entities import AliasRegistry

    (b,) = person_bindings("Health Minister Zo\u00eb \u00d6zt\u00fcrk opened the ward.", AliasRegistry())
    assert (b.name, b.title) == ("Zo\u00eb \u00d6zt\u00fcrk", "Health Minister")


def test_marks_are_found_within_the_bounds_given():
    from factcheck.quotes import _marks

    text = '"a" b "c'
    assert _marks(text, 0, len(text)) == [0, 2, 6]
    assert _marks(text, 1, 6) == [2]
    assert _marks(text, 3, 3) == []


def _analysed(tmp_path, text, monkeypatch, always_twice=False):
    """The speakers of a source's quotes, and how many times they were attributed."""
    import factcheck.corpus as corpus_module
    from factcheck.corpus import analyse_source
    from factcheck.ingest import read_source
    from tests.conftest import write

    calls = []
    real = corpus_module.attribute
    with monkeypatch.context() as m:
        m.setattr(corpus_module, "attribute", lambda *a: calls.append(1) or real(*a))
        if always_twice:
            m.setattr(corpus_module, "_people_known", lambda registry: object())
        write(tmp_path / "a.txt", text)
        src = read_source(tmp_path / "a.txt")
        analyse_source(src)
    return [q.speaker for q in src.quotes], len(calls)


def test_quotes_are_attributed_again_only_when_their_speakers_taught_the_registry_someone(tmp_path, monkeypatch):
    # "Smith" resolves to Jane Smith only once the second attribution has named her
    text = '"First," Smith said.\n"Second," said Jane Smith.\n'
    assert _analysed(tmp_path, text, monkeypatch) == (["Jane Smith", "Jane Smith"], 2)
    # everyone is named with a title before they speak: a second pass would change nothing
    text = 'Health Secretary Jane Smith spoke.\n"First," Smith said.\n"Second," said Jane Smith.\n'
    assert _analysed(tmp_path, text, monkeypatch) == (["Jane Smith", "Jane Smith"], 1)


def test_attributing_once_gives_what_attributing_twice_gives(tmp_path, monkeypatch):
    from tests.conftest import ROOT

    speakers = []
    for f in sorted((ROOT / "sources").glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        once, calls = _analysed(tmp_path, text, monkeypatch)
        assert once == _analysed(tmp_path, text, monkeypatch, always_twice=True)[0]
        assert calls in (1, 2)
        speakers += [s for s in once if s]
    assert len(speakers) >= 5  # 8 in the five articles


@pytest.mark.parametrize(
    "text, speakers",
    [
        # initials: their full stops end no attribution (the name keeps its letters)
        ('"Ask not," said John F. Kennedy.', ["John F Kennedy"]),
        ('"Magic is real," J.K. Rowling wrote.', ["J K Rowling"]),  # and no sentence ends at "J.K."
        ('"It works," said George W. Bush, the former president.', ["George W Bush"]),
        ('"No choice," U.S. District Judge Maria Chen wrote in a ruling.', ["Maria Chen"]),
        ('"We are ready," said U.N. Secretary-General Antonio Guterres.', ["Antonio Guterres"]),
        # British local and police titles, and a hyphenated title, are no part of the name
        ('"This is about safety," said council leader Cllr. Joanna Price.', ["Joanna Price"]),
        ('"We found it," said Det Supt Ann Lowe.', ["Ann Lowe"]),
        ('"If we act now, we can," said co-author Prof. Liam Hartley.', ["Liam Hartley"]),
        # a name, a few words on how they spoke, a colon; a lone word only if it is a name
        ('Keir Starmer hit back: "We are cleaning up."', ["Keir Starmer"]),
        ('Critics were scathing: "It is a mess."', [None]),
        # accusing someone in their own words
        ('Kemi Badenoch accused the government of "breaking every promise".', ["Kemi Badenoch"]),
        # someone's spokesman is not that someone; where they wrote is not a name
        ('"No comment," said a spokesman for Mr Smith, Tom Jones.', ["Tom Jones"]),
        ('"It is a scandal," wrote Boris Johnson in his Daily Mail column.', ["Boris Johnson"]),
        ('"We are here," said Dr Jane Doe at the University of Leeds.', ["Jane Doe"]),
        # four names and a particle are one name
        ('"It is a disgrace," said Luiz Inácio Lula da Silva.', ["Luiz Inácio Lula da Silva"]),
        # the words someone calls a thing, after who they are
        (
            'Jean-Luc Moreau, a privacy lawyer in Paris, called the fine "a wake-up call".',
            ["Jean-Luc Moreau"],
        ),
    ],
)
def test_wire_names_and_titles(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


def test_a_title_written_as_one_hyphenated_word_is_no_name():
    from factcheck.entities import is_name_word

    for title in ("Secretary-General", "Vice-President", "Attorney-General", "Editor-in-Chief"):
        assert not is_name_word(title)
    for name in ("Ocasio-Cortez", "Jean-Luc", "Parent-Smith"):
        assert is_name_word(name)


@pytest.mark.parametrize(
    "text, speakers",
    [
        # a person named just before, called by age or nationality
        (
            'Erling Haaland scored twice.\n\n"It was a crazy game," the 23-year-old told Sky Sports.\n',
            ["Erling Haaland"],
        ),
        (
            'Pep Guardiola said: "We won."\n\nArsenal boss Mikel Arteta was furious. '
            '"It is not a penalty," the Spaniard said.\n',
            ["Pep Guardiola", "Mikel Arteta"],
        ),
        # no one named in the sentence before: no guess
        ('The match ended 2-1.\n\n"It was a crazy game," the 23-year-old said.\n', [None]),
        # what sports copy calls a player: the one named before, or whose words go on
        (
            'Declan Rice scored twice.\n\n"I have been arriving in the box," the England international said.\n',
            ["Declan Rice"],
        ),
        (
            'Declan Rice said he was "buzzing".\n\n"I have been arriving in the box," the England '
            "international said.\n",
            ["Declan Rice", "Declan Rice"],
        ),
        # a name in apposition that the sentence describes is its subject, not the last speaker
        (
            '"We will appeal," Alan Berkowitz said.\n\nOne of his former clients, Ellen Marsh, 71, said she '
            'had lost her savings. "I trusted him," she said.\n',
            ["Alan Berkowitz", "Ellen Marsh"],
        ),
    ],
)
def test_sport_and_court_attributions(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "'We have to move on,' said Martin Odegaard. 'There are nine games to play.'",
            [("Martin Odegaard", "We have to move on,"), ("Martin Odegaard", "There are nine games to play.")],
        ),
        ("\u2018We will fight,\u2019 said Jane Doe.", [("Jane Doe", "We will fight,")]),
        ("Jane Doe said the plan was 'deeply flawed'.", [("Jane Doe", "deeply flawed")]),
        ("'It is the clubs' decision,' said Jane Doe.", [("Jane Doe", "It is the clubs' decision,")]),
        # apostrophes are no quotes
        ("The players' union said it would appeal, and Jane Doe's lawyer agreed.", []),
        ("It was rock 'n' roll in the '90s, O'Brien said.", []),
    ],
)
def test_quotes_in_single_marks(text, expected):
    assert draft_quotes(text) == expected


def test_a_quote_in_single_marks_goes_on_into_the_next_paragraph():
    """The multi-paragraph convention in single marks, as British papers write it: a quote left
    open at the end of its paragraph goes on where the next opens with a mark."""
    text = (
        "Detective Inspector Karen Wall said: 'This was a cowardly attack.\n\n"
        "'We are following a number of lines of inquiry.'\n\n"
        "Neighbour Pat Doyle's dog barked.\n"
    )
    (claim,) = [c for c in parse_draft_text(text, "d.md").claims if c.kind == "quote"]
    assert claim.speaker == "Karen Wall"
    assert claim.text == "This was a cowardly attack. We are following a number of lines of inquiry."
    # a mark left open after a colon or a sentence's end runs to its paragraph's end; an
    # apostrophe in running text opens nothing
    assert draft_quotes("Jane Doe said: 'We will fight on.") == [("Jane Doe", "We will fight on.")]
    assert draft_quotes("The fans sang 'til dawn and went home.") == []


@pytest.mark.parametrize(
    "text, speakers",
    [
        # who someone is, capitalised before their name where a sentence opens
        ("Neighbour Pat Doyle, 61, added: 'Edna wouldn't hurt a fly.'", ["Pat Doyle"]),
        ('Mum-of-two Kelly Brown, 34, said: "I cried."', ["Kelly Brown"]),
        ('"Never again," said Grandad Bob Hill.', ["Bob Hill"]),
        (
            'Great-grandmother Maureen O\'Neill, 82, was woken by a noise. "I thought it was the cat," she said.',
            ["Maureen O'Neill"],
        ),
        ('"I fought back," said Pensioner Joan Hale.', ["Joan Hale"]),
        # (a name of two words is left whole, and a surname that is a word is no descriptor)
        ('Adam Driver said: "Fine."', ["Adam Driver"]),
        # a sentence that calls its subject "her" says she is a person: her "she said"
        (
            "Brave Edna Hobbs was watching TV when the intruder smashed through her back door.\n\n"
            "'I thought I was going to die,' she told The Sun.\n",
            ["Edna Hobbs"],
        ),
        # "Now 79, he lives ...": two sentences back, past an opening phrase with a number
        (
            "For 31 years, Donald MacLeod climbed the 142 steps twice a day. Now 79, he lives in a "
            'bungalow.\n\n"People think it was lonely," he says.\n',
            ["Donald MacLeod"],
        ),
        # a body called by its kind, after the text has named it
        (
            "The Northern Lighthouse Board automated the light in 1988. A spokesman for the board "
            'said the change had been "inevitable and, in safety terms, entirely positive".\n',
            ["Northern Lighthouse Board"],
        ),
        ('Wigan Council approved the plan.\n\n"We listened," the council said.\n', ["Wigan Council"]),
        # (no body of that kind named before: no one)
        ('Residents objected.\n\n"We listened," the council said.\n', [None]),
    ],
)
def test_popular_press_and_feature_attributions(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


@pytest.mark.parametrize(
    "text, speakers",
    [
        # a headline's capitals make no full name: "Saka" is Bukayo Saka, not "Late Saka"
        (
            "# Late Saka strike sinks Villa\n\nBukayo Saka scored in the 89th minute.\n\n"
            '"We never stopped believing," Saka told Sky Sports.\n',
            ["Bukayo Saka"],
        ),
        # a surname two people share is the one the text gave first, past an opening phrase
        (
            "Margaret Ellison, a heart surgeon, has died. Her husband, the architect Peter Ellison, "
            'survives her.\n\n"She would not tolerate a sloppy stitch," said Professor Alan Hart.\n\n'
            "In a 2015 interview with the BBC, Ellison recalled the hostility she faced. "
            '"A senior man told me to leave," she said.\n',
            ["Alan Hart", "Margaret Ellison"],
        ),
        # a surname that is also a place's word, after an honorific
        (
            "Professor Jane Park of Imperial College London, who was not involved in the work, said the "
            'result was "intriguing but not yet conclusive".\n\n"Counting is a big claim," she said.\n',
            ["Jane Park", "Jane Park"],
        ),
        # a relative by first name, with no comma
        ('Her daughter Clare said the family was "immensely proud".\n', ["Clare"]),
    ],
)
def test_surnames_and_relatives_in_features(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


@pytest.mark.parametrize(
    "text, speakers",
    [
        # the one person the sentence before names, who is not the last speaker
        (
            'Chief executive Tom Harrington said: "This is a long-term commitment."\n\n'
            "The investment was welcomed by the Mayor of South Yorkshire, Oliver Coppard. "
            '"This is fantastic news for Doncaster," he said.\n',
            ["Tom Harrington", "Oliver Coppard"],
        ),
        # (a sentence naming the last speaker too leaves "he" to the last speaker)
        (
            'Chief executive Tom Harrington said: "This is a long-term commitment."\n\n'
            "Harrington was thanked by the Mayor of South Yorkshire, Oliver Coppard. "
            '"We are delighted," he said.\n',
            ["Tom Harrington", "Tom Harrington"],
        ),
        # who reported the unnamed words just before
        (
            "Amina Yusuf, who has lived on the 14th floor for nine years, said a housing officer told her "
            'in March: "There is nothing to worry about."\n\n"I believed them," she said.\n',
            [None, "Amina Yusuf"],
        ),
        # a name given only in part
        ('Another resident, who gave his name only as Mohammed, said: "We have heard that."\n', ["Mohammed"]),
        ('"Fine," said a nurse, who asked to be identified only by her first name, Grace.\n', ["Grace"]),
    ],
)
def test_who_the_sentence_before_brings_in(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


@pytest.mark.parametrize(
    "text, speakers",
    [
        # whose someone is, before their name, is no part of it
        ('Labour\'s Emily Thornberry said: "We need answers."', ["Emily Thornberry"]),
        ('"We need answers," Labour\'s Emily Thornberry said.', ["Emily Thornberry"]),
        ('The SNP\'s Stephen Flynn said it was "a dark day for Scotland".', ["Stephen Flynn"]),
        # (a possessive name at the end is the name: "Ms. Keller's husband" is hers)
        ('"We will survive," said Donna Keller\'s husband, Ron.', ["Ron"]),
    ],
)
def test_a_possessive_before_a_name(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


def test_single_marks_inside_a_double_quote_are_part_of_it():
    assert draft_quotes("\"He told me 'we are done',\" said Jane Doe.") == [("Jane Doe", "He told me 'we are done',")]


def test_double_marks_inside_a_quote_in_single_marks_are_part_of_it():
    # the way papers that quote in single marks write a quote within a quote
    text = (
        "'It is over,' said Jane Doe. 'They called it \"madness\" but we did it.'\n\n"
        "'It was the right thing to do,' she added.\n\nLabour's leader called it \"a disgrace\".\n"
    )
    assert draft_quotes(text) == [
        ("Jane Doe", "It is over,"),
        ("Jane Doe", 'They called it "madness" but we did it.'),
        ("Jane Doe", "It was the right thing to do,"),
        (None, "a disgrace"),
    ]


def test_a_lone_name_before_how_they_spoke_is_a_speaker_when_someone_has_it():
    from factcheck.entities import AliasRegistry

    registry = AliasRegistry()
    registry.add_person("Keir Starmer")
    assert draft_quotes('Starmer hit back: "We are cleaning up."', registry) == [
        ("Keir Starmer", "We are cleaning up.")
    ]
    assert draft_quotes('Starmer hit back: "We are cleaning up."') == [(None, "We are cleaning up.")]


def test_he_or_she_is_not_someone_the_sources_call_otherwise(tmp_path, monkeypatch):
    """'Ms. Keller' said the last quote; 'he asked' is someone else: not hers, but her
    husband's, whom the sentence two back names ("He said ..." between stands for him)."""
    text = (
        "Plant closes\n\n"
        '"I gave them my whole life," said Donna Keller, 58.\n\n'
        "Ms. Keller's husband, Ron, also works at the plant. He said they had not decided.\n\n"
        '"Where would we go?" he asked.\n\n'
        '"We will survive this," said Mayor Linda Shore.\n\n'
        '"It will hurt," she said.\n'
    )
    speakers, _ = _analysed(tmp_path, text, monkeypatch)
    assert speakers == ["Donna Keller", "Ron", "Linda Shore", "Linda Shore"]


def test_a_descriptor_before_a_name_is_no_part_of_it():
    from factcheck.corpus import person_bindings
    from factcheck.entities import AliasRegistry

    def names(text):
        return [b.name for b in person_bindings(text, AliasRegistry(), strict=False)]

    assert names("Witness Sam Ray saw Gran Edna Hobbs fall.") == ["Sam Ray", "Edna Hobbs"]
    assert names("Minnie Driver laughed.") == ["Minnie Driver"]


def test_a_possessive_name_is_the_name():
    from factcheck.corpus import person_bindings
    from factcheck.entities import AliasRegistry

    (b,) = person_bindings("Ms. Keller's husband works there.", AliasRegistry())
    assert (b.name, b.honorific) == ("Keller", "Ms.")


def test_a_tables_quotes_and_sentences_are_read_its_labels_and_values_are_not():
    text = (
        "| Who | Said |\n"
        "|---|:---:|\n"
        '| Coffey | "We will stand by every community affected." |\n'
        "| Funding | The government will provide 50 million pounds. |\n"
        "| Deaths | at least seven |\n"
    )
    claims = parse_draft_text(text, "d.md").claims
    assert [(c.line, c.column, c.kind, c.speaker, c.text) for c in claims] == [
        (3, 12, "quote", "Coffey", "We will stand by every community affected."),
        (4, 13, "claim", None, "The government will provide 50 million pounds."),
    ]


def test_a_quote_in_single_marks_closes_before_the_next_opening_and_within_reach():
    """The search for a close is bounded (a paragraph of openings is read in linear time)."""
    from factcheck.quotes import SINGLE_QUOTE_REACH, find_quote_spans

    text = "word 'x " * 2000
    assert find_quote_spans(text, [(0, len(text))]) == []
    far = "He said 'it is " + "very " * (SINGLE_QUOTE_REACH // 5) + "long,' and left."
    assert find_quote_spans(far, [(0, len(far))]) == []
    near = "He said 'it is very long,' and left."
    assert [near[a:b] for q in find_quote_spans(near, [(0, len(near))]) for a, b in q.parts] == ["it is very long,"]


def test_many_quotes_in_a_draft_keep_their_sentences_and_speakers():
    """Each quote's sentence and the next quote are found by search, not by reading all."""
    text = "".join(f'"Line {i} is here," said Jane Doe, who was born in {1900 + i}.\n\n' for i in range(300))
    claims = parse_draft_text(text, "d.md").claims
    quotes = [c for c in claims if c.kind == "quote"]
    assert len(quotes) == 300 and {q.speaker for q in quotes} == {"Jane Doe"}
    assert quotes[7].context.startswith('"Line 7 is here,"')
    facts = [c.text for c in claims if c.kind == "claim"]
    assert len(facts) == 300 and facts[7] == "Jane Doe, who was born in 1907"


@pytest.mark.parametrize(
    "text, speakers",
    [
        # a participle's phrase before the speaker is how they spoke, not who
        (
            'Passing sentence on Friday, Mr Justice Johnson said the firm had shown "a shocking disregard".'
            '\n\n"The offending was deliberate," he said.\n',
            ["Johnson", "Johnson"],
        ),
        # a name ending in -ing is a name
        ('Channing Tatum, the actor, said: "I loved it."', ["Channing Tatum"]),
        # what someone does, in lower case, before the name the sentence describes
        (
            '"Not a penny," said Lawrence Gosden.\n\nLocal fisherman Dave Tanner, 58, said he had lost '
            'income. "You can smell it on the nets," he said.\n',
            ["Lawrence Gosden", "Dave Tanner"],
        ),
        # who someone is, then their name and age between commas
        ('Another shop owner, Tom Bell, 61, said: "Half my customers come by car."', ["Tom Bell"]),
        # a relative named by first name, with the verb or in the sentence before "she said";
        # or in full
        ('His wife, Carol, said: "It breaks my heart."', ["Carol"]),
        ('Their daughter, Susan Price, organised a party. "They inspire us," she said.', ["Susan Price"]),
        (
            '"Not a penny," said Lawrence Gosden.\n\nHis wife, Carol, said they had thought of selling. '
            '"It breaks my heart," she said.\n',
            ["Lawrence Gosden", "Carol"],
        ),
        # a sentence opening "When Mary Smith left, ..." is not about Mary Smith
        ('"Not a penny," said Lawrence Gosden.\n\nWhen Mary Smith left, Tom was sad. "It hurts," she said.\n',
         ["Lawrence Gosden", "Lawrence Gosden"]),
    ],
)  # fmt: skip
def test_court_and_local_news_attributions(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


def test_a_knight_or_dame_called_by_first_name_is_the_full_name(tmp_path, monkeypatch):
    text = (
        "Fine\n\n"
        "The agency's chief executive, Sir James Bevan, welcomed the fine. According to Sir James, the case "
        'was "the largest investigation in its history".\n\n'
        '"We are pleased," said Dame Sarah.\n'
    )
    speakers, _ = _analysed(tmp_path, text, monkeypatch)
    # "Dame Sarah" is nobody the source names in full: kept as written, without a guess
    assert speakers == ["James Bevan", "Sarah"]


SPORT_REPORT = (
    "Mikel Arteta praised Bukayo Saka after the derby.\n\n"
    '"He was unplayable," the Arsenal manager told BBC Sport.\n\n'
    'Saka, who was substituted, said the team had "learned from last season".\n\n'
    '"We believe we can win the league," the 23-year-old said.\n\n'
    'Asked about the title, Arteta said: "It is a long season."\n'
)


def test_a_report_names_people_in_full_once_then_by_surname_age_or_job():
    # the surname takes the one full name the text gives it (a name with no title is in no
    # registry); "the Arsenal manager" is the person the sentence before opens with; "the
    # 23-year-old" the one whose words the sentence before quotes
    assert [who for who, _ in draft_quotes(SPORT_REPORT)] == [
        "Mikel Arteta",
        "Bukayo Saka",
        "Bukayo Saka",
        "Mikel Arteta",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the sentence before says who she is, and it is not the job
        'Jane Doe, a teacher, said the plan was poor.\n\n"It is good," the minister said.\n',
        # a job is not the last speaker's for being next to their words
        'Saka, who was substituted, said the team had "learned".\n\n"We were good," the Arsenal manager said.\n',
    ],
)
def test_a_job_is_not_given_to_someone_the_text_does_not_say_holds_it(text):
    assert draft_quotes(text)[-1][0] is None


def test_a_surname_two_people_share_keeps_no_first_name():
    text = 'Serena Williams and Venus Williams played.\n\n"We loved it," Williams said.\n'
    assert draft_quotes(text) == [("Williams", "We loved it,")]


@pytest.mark.parametrize(
    "text, speakers",
    [
        # an apposition, then what they do in lower case before the name, closed by a comma
        (
            '"It was modest," said Dr. Harlan Krumholz.\n\nA patient in the trial, 64-year-old retired nurse '
            'Linda Morris, said she had lost 14kg. "I feel like I have my life back," she said.\n',
            ["Harlan Krumholz", "Linda Morris"],
        ),
        # a verb, what was done, "and said": the subject of both
        (
            'Gov. Gavin Newsom declared a state of emergency and said the state would "use every resource".',
            ["Gavin Newsom"],
        ),
        # "said the state would" is no "told the BBC": the words are reported, not introduced
        ('The minister visited and said the state would "use every resource".', [None]),
        ('Jane Doe told the BBC: "We are fine."', ["Jane Doe"]),
        ('John Roe told The Times: "We are fine."', ["John Roe"]),
    ],
)
def test_wire_and_health_copy_attributions(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


def test_words_reported_after_said_are_a_partial_quote(tmp_path):
    from factcheck.corpus import load_sources

    text = 'Fires\n\nJane Doe said the state would "use every resource".\n\nJohn Roe told the BBC: "We are fine."\n'
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    assert [(q.speaker, q.partial) for q in load_sources(tmp_path).quotes] == [("Jane Doe", True), ("John Roe", False)]


@pytest.mark.parametrize(
    "text, speakers",
    [
        # "she" two sentences back, through a sentence whose subject is "she"
        (
            "Priya Sharma trained as a nurse in Leicester. Last month she moved to Perth. "
            '"I loved my job," she says.\n',
            ["Priya Sharma"],
        ),
        # not through a sentence about someone else
        (
            '"We did it," said Ann Cole.\n\nPriya Sharma trained as a nurse. Last month the hospital closed. '
            '"I loved my job," she says.\n',
            ["Ann Cole", "Ann Cole"],  # (the last speaker, as before)
        ),
        # a body's name that ends in two capitalised words is no person's ("Social Care"): the body's
        (
            'The Department of Health and Social Care said it was "committed to retaining staff".',
            ["Department of Health and Social Care"],
        ),
        # who they are in lower case, then the name between commas
        (
            '"It is a scandal," said Pat Cullen.\n\nHer former colleague, James Okafor, is thinking of '
            'leaving. "Everyone is talking about it," he says.\n',
            ["Pat Cullen", "James Okafor"],
        ),
    ],
)
def test_feature_copy_attributions(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


def test_he_after_her_words_with_no_man_named_is_nobody(tmp_path, monkeypatch):
    text = (
        "Plant closes\n\n"
        '"I gave them my whole life," said Donna Keller, 58.\n\n'
        "Ms. Keller's neighbours also work at the plant.\n\n"
        '"Where would we go?" he asked.\n'
    )
    speakers, _ = _analysed(tmp_path, text, monkeypatch)
    assert speakers == ["Donna Keller", None]


@pytest.mark.parametrize(
    "text, speakers",
    [
        # names with particles and joined articles
        ('Egyptian President Abdel Fattah el-Sisi said Cairo would "spare no effort".', ["Abdel Fattah el-Sisi"]),
        ('"We will win," said Bashar al-Assad.', ["Bashar al-Assad"]),
        ('"We will act," said Ursula von der Leyen.', ["Ursula von der Leyen"]),
        # two initials written as one word; not an abbreviation, nor a body's name
        ('"We will appeal," said JD Vance.', ["JD Vance"]),
        ('JK Rowling has said she "will not be silenced".', ["JK Rowling"]),
        ('JD Vance visited Greenland on Friday.\n\n"It is a great place," Vance said.', ["JD Vance"]),
        ('"Stop," said PC Andrew Harper.', ["Andrew Harper"]),
        ('"It was a great match," BT Sport said.', [None]),
        # particles before a lone surname are the name's: a surname's, or a first name
        ('Al Gore said: "The climate crisis is here."', ["Al Gore"]),
        ('"I am angry," De Niro said.', ["De Niro"]),
        ('Robert De Niro spoke.\n\n"I am angry," De Niro said.', ["Robert De Niro"]),
        ('"We will act," said von der Leyen.', ["von der Leyen"]),
        # being asked, between commas, between the name and the verb
        ('Jalen Brunson had 19 points. Brunson, asked about his sore ankle, said: "It is fine."', ["Jalen Brunson"]),
        # "called for" reports words as "said" does
        (
            'Turkish President Recep Tayyip Erdogan, speaking by video link, called for "an immediate ceasefire".',
            ["Recep Tayyip Erdogan"],
        ),
        # a hyphenated title makes the name after it a person's, for "he wrote"
        (
            '"It is critical," said Sheikh Mohammed Al Thani.\n\nUN Secretary-General Antonio Guterres welcomed '
            'the meeting. "Dialogue is the only path to peace," he wrote on X.\n',
            ["Mohammed Al Thani", "Antonio Guterres"],
        ),
    ],
)
def test_names_and_styles_of_international_copy(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


def test_the_crown_prince_is_the_one_person_styled_prince(tmp_path, monkeypatch):
    text = (
        "Summit\n\nSaudi Crown Prince Mohammed bin Salman hosted leaders in Riyadh.\n\n"
        '"The region cannot afford another war," the crown prince told the summit.\n'
    )
    speakers, _ = _analysed(tmp_path, text, monkeypatch)
    assert speakers == ["Mohammed bin Salman"]


def test_the_full_names_of_a_text_are_read_once_however_many_surnames_it_quotes(monkeypatch):
    # each surname's lookup used to search the whole text: quadratic in a long draft
    import factcheck.quotes as quotes_module

    calls = []
    real = quotes_module._full_names
    monkeypatch.setattr(quotes_module, "_full_names", lambda text: calls.append(1) or real(text))
    people = [("Mikel", "Arteta"), ("Bukayo", "Saka"), ("Declan", "Rice"), ("Ange", "Postecoglou")]
    text = "\n\n".join([f"{a} {b} played on Sunday." for a, b in people] + [f'"We won," {b} said.' for _, b in people])
    assert [who for who, _ in draft_quotes(text)] == [f"{a} {b}" for a, b in people]
    assert len(calls) == 1


def test_a_rank_word_makes_the_title_another_persons(tmp_path, monkeypatch):
    # "the vice president" and "the former president" are not President Maria Alvarez
    text = (
        "Visit\n\nPresident Maria Alvarez flew in.\n\n"
        '"We will win," the vice president said.\n\n"We lost," the former president said.\n\n'
        '"It was close," the president said.\n'
    )
    speakers, _ = _analysed(tmp_path, text, monkeypatch)
    assert speakers == [None, None, "Maria Alvarez"]


def test_a_surname_no_title_registered_is_the_subject_when_the_text_names_them_in_full():
    text = (
        "Jane Goodall, the primatologist, has died aged 91.\n\n"
        '"Mum gave a voice to those who had none," said her son, Hugo.\n\n'
        'Goodall often said she was an optimist. "If we lose hope, we are doomed," she told the Guardian.\n'
    )
    assert [who for who, _ in draft_quotes(text)][-1] == "Jane Goodall"


@pytest.mark.parametrize("markdown", [True, False])
def test_a_live_blogs_time_stamps_are_no_part_of_its_claims(markdown):
    text = "**10:42** \u2014 Southern Water was fined £90m.\n\n9.30pm: Fines were paid.\n\n3.15 million people live there.\n"
    if not markdown:
        text = text.replace("**", "")
    claims = [c.text for c in parse_draft_text(text, "d.md", markdown=markdown).claims]
    assert claims == ["Southern Water was fined £90m.", "Fines were paid.", "3.15 million people live there."]


@pytest.mark.parametrize(
    "text, speakers",
    [
        # a body speaks: by its name, through a spokesperson, in a statement
        ('The Home Office said: "We do not comment on individual cases."', ["Home Office"]),
        ('"We will review the judgment," a spokesperson for Thames Water said.', ["Thames Water"]),
        ('A statement from Southern Water read: "We are deeply sorry."', ["Southern Water"]),
        ('"Officers attended," a Greater Manchester Police spokesperson said.', ["Greater Manchester Police"]),
        ('A Downing Street spokesman said the prime minister had "full confidence" in him.', ["Downing Street"]),
        ('No 10 later said it remained committed to "resetting" relations.', ["No 10"]),
        ('Number 10 said the claims were "nonsense".', ["Number 10"]),
        ('In a statement, the Environment Agency said: "Incidents are down."', ["Environment Agency"]),
        ('"It is under review," a spokeswoman for the Department for Education said.', ["Department for Education"]),
        # a spokesman for a person is not the person, and a nationality is no body
        ('"No comment," a spokesman for the Prime Minister said.', [None]),
        ('"We struck targets," an Israeli military spokesman said.', [None]),
        ('"It is serious," a US official said.', [None]),
        # a group is no one's name where a sentence opens with it
        ('Critics said the plan was "a disgrace".', [None]),
        ('Residents said the smell was "unbearable".', [None]),
        ('"We will appeal," said Ofwat.', ["Ofwat"]),
        ('The plan would cost "at least £2bn", according to a statement from the Treasury.', ["Treasury"]),
        # "according to" a broadcaster that reports what the sentence's speaker said: the speaker's
        (
            'Chinese President Xi Jinping met them. Xi told Ursula von der Leyen and Antonio Costa that "the '
            'challenges facing Europe do not come from China," according to state broadcaster CCTV.',
            ["Xi Jinping"],
        ),
        ('Police said the man was "acting strangely", according to the BBC.', [None]),
        # a name, then what kind of body it is
        ('Usdaw, the shop workers\' union, said it was "deeply disappointed".', ["Usdaw"]),
        ('"Bills will rise," said Ofwat, the water regulator.', ["Ofwat"]),
        ('Jane Doe, the union leader, said it was "a scandal".', ["Jane Doe"]),
        # "she said" after a sentence an unnamed spokeswoman reports is hers, not the last named
        (
            '"It is a blow," said Joanne McGuinness.\n\nA Sainsbury\'s spokeswoman said the company would '
            'help staff. "Where we can, we will redeploy colleagues," she said.',
            ["Joanne McGuinness", "Sainsbury's"],
        ),
        (
            '"We will fight on," said Jane Doe.\n\nA neighbour said the family had lived there for years. '
            '"They were lovely people," she said.',
            ["Jane Doe", None],
        ),
    ],
)
def test_organisations_speak(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


def test_a_body_given_a_quote_is_no_he_or_she():
    text = 'The Home Office said: "We will not comment."\n\n"It is a matter for the courts," she said.\n'
    assert [who for who, _ in draft_quotes(text)] == ["Home Office", None]


def test_a_persons_name_given_a_bodys_words_is_a_misattribution(tmp_path):
    from factcheck.api import check_claims
    from factcheck.corpus import load_sources

    (tmp_path / "a.md").write_text(
        "# Fined\n\nHome Secretary Yvette Cooper visited Kent on Monday. The Home Office said: "
        '"We do not comment on individual cases as a matter of course."\n',
        encoding="utf-8",
    )
    draft = (
        'Yvette Cooper said: "We do not comment on individual cases as a matter of course."\n\n'
        'A Home Office spokesman said: "We do not comment on individual cases as a matter of course."\n'
    )
    corpus = load_sources(tmp_path)
    items = check_claims(parse_draft_text(draft, "d.md", corpus.registry).claims, corpus)
    assert [(it.claim.speaker, it.verdict) for it in items] == [
        ("Yvette Cooper", "misattributed"),
        ("Home Office", "verified"),
    ]


def test_mrs_evans_is_not_mr_bill_evans(tmp_path, monkeypatch):
    # (and a one-word heading is no first name: "Couple" then "Bill Evans" was "Couple Bill Evans")
    text = (
        "Couple\n\nBill Evans, 94, met his wife at a dance in 1953.\n\n"
        '"It was love at first sight," Mr Evans said.\n\n'
        'Mrs Evans laughed. "He couldn\'t dance at all," she said.\n\n'
        '"We love it here," said Mrs Evans.\n\n"I might move," said Mr Evans.\n'
    )
    speakers, _ = _analysed(tmp_path, text, monkeypatch)
    assert speakers == ["Bill Evans", "Mrs Evans", "Mrs Evans", "Bill Evans"]


def test_a_relative_named_before_she_said_is_not_she_if_a_husband(tmp_path, monkeypatch):
    # "Her husband, Ron," is no "she": the sentence before his is hers (past "Behind the bar,"
    # and what she is); and "Ron", a first name given alone, is the "he" of his own sentence
    text = (
        "Pub\n\nBehind the bar, landlady Jean Pritchard, 71, pulled pints as she has done for 43 years. "
        "Her husband, Ron, collected glasses.\n\n"
        '"I never thought I would see this day," she said.\n\n'
        'Ron shook his head. "Nobody did," he said.\n\n'
        'Regular Dave Collins, 58, has drunk here since he was 18. "It is like losing a relative," he said.\n'
    )
    speakers, _ = _analysed(tmp_path, text, monkeypatch)
    assert speakers == ["Jean Pritchard", "Ron", "Dave Collins"]


@pytest.mark.parametrize(
    "text, speakers",
    [
        # a judge, by the honorific: in words quoted or reported
        (
            'Judge Martin Picton told Hale: "You took a knife."\n\n"You showed no remorse," the judge said.\n\n'
            'The judge said Hale had shown "not a flicker of remorse".\n',
            ["Martin Picton", "Martin Picton", "Martin Picton"],
        ),
        # a title in reported speech: the one person the source gives it
        (
            'Prime Minister Keir Starmer spoke in Leeds. "We will win," he said.\n\n'
            'The prime minister said the plan was "dead".\n\nThe shadow chancellor said it was "a mess".\n',
            ["Keir Starmer", "Keir Starmer", None],
        ),
    ],
)
def test_the_one_holder_of_a_title_or_honorific_speaks_for_it(tmp_path, monkeypatch, text, speakers):
    assert _analysed(tmp_path, "Story\n\n" + text, monkeypatch)[0] == speakers


def test_a_first_she_is_the_one_full_name_the_sentence_before_gives(tmp_path, monkeypatch):
    # with no one quoted before, the one person the sentence names, title or not
    text = (
        "Coast\n\nIn Happisburgh, on the Norfolk coast, the cliff edge is now 30 metres from Bryony "
        'Nierop-Reading\'s front door.\n\n"People ask me why I stay," she says.\n'
    )
    assert _analysed(tmp_path, text, monkeypatch)[0] == ["Bryony Nierop-Reading"]


def test_an_interviews_answers_are_the_words_of_the_person_the_story_opens_with(tmp_path, monkeypatch):
    # a question alone on its line, then a paragraph of quote; not where the question names
    # the speaker ("What did parents say?" reports nobody)
    text = (
        "Five minutes with\n\nSarah Lane, head of Oakfield Academy in Wigan, banned smartphones in "
        'September. We asked her how it has gone.\n\n**Has the ban worked?**\n\n"Completely."\n\n'
        '**What did parents say?**\n\n"Most were relieved."\n\nQ: Would you go back?\n\n"Never."\n'
    )
    assert _analysed(tmp_path, text, monkeypatch)[0] == ["Sarah Lane"] * 3


def test_among_those_affected_is_names_the_subject_after_its_verb(tmp_path, monkeypatch):
    text = (
        'Strike\n\n"We will strike," said Tom Dolphin.\n\nAmong those affected is Margaret Hill, 74, who has '
        'waited 14 months for a hip operation. "I just want to walk without pain," she said.\n'
    )
    assert _analysed(tmp_path, text, monkeypatch)[0] == ["Tom Dolphin", "Margaret Hill"]


def test_mr_mitchell_is_not_ms_karen_mitchell(tmp_path, monkeypatch):
    # the full name is given in a quote's attribution, "Ms." with the surname alone after
    text = (
        "Town\n\n"
        '"The thing is," said Karen Mitchell, 58, a former line worker, "nobody came here."\n\n'
        "Ms. Mitchell now drives 40 minutes to a warehouse. Her husband, Dale, retired early.\n\n"
        '"We did everything right," Mr. Mitchell said.\n\n"It was hard," Ms. Mitchell said.\n'
    )
    speakers, _ = _analysed(tmp_path, text, monkeypatch)
    assert speakers == ["Karen Mitchell", "Karen Mitchell", "Mr. Mitchell", "Karen Mitchell"]


@pytest.mark.parametrize(
    "text, speakers",
    [
        # letters after a name are not the name: honours, offices, generations
        ('Prosecutor James Lowe KC told the court: "This was a calculated deception."', ["James Lowe"]),
        ('"It was wrong," said Jane Doe MP.', ["Jane Doe"]),
        ('"I have a dream," said Martin Luther King Jr.', ["Martin Luther King"]),
        # police ranks are honorifics, not names
        ('Detective Constable Alan Briggs, of Surrey Police, said: "He preyed on people."', ["Alan Briggs"]),
        ('Detective Sergeant Mark Rowe said: "We are pleased."', ["Mark Rowe"]),
        ('"A landscape," said John Constable.', ["John Constable"]),
        # a verb, what it did, "but said": the subject of both
        (
            'Health Secretary Wes Streeting welcomed the figures but said there was "a long way to go".\n\n'
            '"We inherited a health service on its knees," he told Sky News.',
            ["Wes Streeting", "Wes Streeting"],
        ),
        # the person, who they are between commas, then how they spoke, and a colon
        ('Rep. Hakeem Jeffries, D-N.Y., the House minority leader, was blunt: "It does nothing."', ["Hakeem Jeffries"]),
        ('On Monday, officials were clear: "No deal."', [None]),
        ('Parkinson\'s assistant, Steve Parkin, put it more simply: "Just win."', ["Steve Parkin"]),
        ('His co-owner, Ryan Reynolds, later posted on Instagram: "Best day ever."', ["Ryan Reynolds"]),
        ('Despite the result, the mood was upbeat: "We go again."', [None]),
        # asides in brackets or between dashes say nothing of who spoke
        ('Rachel Reeves \u2013 the first female chancellor \u2013 said: "It is an honour."', ["Rachel Reeves"]),
        ('"We will see," Jane Doe (pictured) said.', ["Jane Doe"]),
        ('"We will see," said Jane Doe (D-Calif.).', ["Jane Doe"]),
        # a live blog's time opening the entry is no part of the speaker
        ('**14:10** Ms Reeves says the economy is "turning a corner".', ["Reeves"]),
        ('10:42 - Jane Doe said the vote was "close".', ["Jane Doe"]),
        ('3.15 million people said it was "fine".', [None]),
        # a player's position is a description, as a job is: the person the sentence before opens with
        (
            '"We lost it," said Andy Farrell.\n\nMarcus Smith, 25, admitted he had doubted himself. '
            '"I missed two earlier," the fly-half said.',
            ["Andy Farrell", "Marcus Smith"],
        ),
        ('Ireland fly-half Jack Crowley said: "We go again."', ["Jack Crowley"]),
        # what the judge did to whom, then the judge
        ('Jailing Dixon, Recorder Jane Hill told him: "This was brutal."', ["Jane Hill"]),
        ('"Yes," said Channing Tatum, the actor.', ["Channing Tatum"]),
        ('Defending champion Carlos Alcaraz, 21, said: "I love this place."', ["Carlos Alcaraz"]),
        ('Defending, Simon Ford said his client was "ashamed".', ["Simon Ford"]),
        # tabloid and sports verbs of speech
        ('"We were robbed," fumed Jose Mourinho.', ["Jose Mourinho"]),
        ('"I\'m delighted," beamed Emma Raducanu.', ["Emma Raducanu"]),
        # family names written first
        (
            "Chinese President Xi Jinping met Yoon Suk Yeol on Friday.\n\n"
            '"We are neighbours," Xi said.\n\nYoon said the talks had been "candid".',
            ["Xi Jinping", "Yoon Suk Yeol"],
        ),
        # "he" after an opening phrase is still "he": the person the sentence before opens with
        (
            '"This is a relief," said Adriana Pinon, of the ACLU.\n\nTexas Gov. Greg Abbott has spent '
            "billions on the border. In an interview with The Associated Press last year, he said: "
            '"We are doing the job."',
            ["Adriana Pinon", "Greg Abbott"],
        ),
    ],
)
def test_court_and_health_copy_attributions(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


def test_a_body_that_speaks_is_not_registered_as_a_person(tmp_path, monkeypatch):
    from factcheck.corpus import analyse_source
    from factcheck.ingest import read_source

    (tmp_path / "a.txt").write_text(
        'Cuts\n\nUsdaw, the shop workers\' union, said it was "deeply disappointed".\n\n'
        'The Home Office said: "We do not comment."\n',
        encoding="utf-8",
    )
    src = read_source(tmp_path / "a.txt")
    registry = analyse_source(src)
    assert [q.speaker for q in src.quotes] == ["Usdaw", "Home Office"]
    assert registry.person("Usdaw") is None and registry.person("Home Office") is None


def test_one_of_them_and_someones_neighbour_are_the_people_named(tmp_path, monkeypatch):
    # "One, retired nurse Angela Ward, 66, said:" gave nobody; "Her neighbour, Kevin Hall,
    # agreed. "...," he said" gave her the quote, once the registry knew him by first name
    # (his surname is also a word, and the name was bound by "Kevin" alone)
    text = (
        'Tower\n\nResidents booed. One, retired nurse Angela Ward, 66, said: "They have not listened."\n\n'
        'Her neighbour, Kevin Hall, agreed. "It\'s a done deal," he said. "It always was."\n'
    )
    speakers, _ = _analysed(tmp_path, text, monkeypatch)
    assert speakers == ["Angela Ward", "Kevin Hall", "Kevin Hall"]


def test_a_clause_before_the_subject_leaves_it_the_subject(tmp_path, monkeypatch):
    text = (
        "Lido\n\nJenny Marsh and her sister, Claire Lowe, grew up swimming there.\n\n"
        '"We did it," said Claire Lowe.\n\n'
        "When the council announced in 2019 that it would close, Marsh, then 48, started a petition. "
        '"I couldn\'t believe they would let it go," she says.\n\n"We had no idea," Marsh admits.\n'
    )
    speakers, _ = _analysed(tmp_path, text, monkeypatch)
    assert speakers == ["Claire Lowe", "Jenny Marsh", "Jenny Marsh"]


@pytest.mark.parametrize(
    "text, speakers",
    [
        # a surname alone, with a title after it, is a person
        (
            "Sunak\n\nHe was replaced as leader by Kemi Badenoch in November.\n\nBadenoch, the Conservative leader, "
            'said she was "delighted". "Rishi has a huge amount to contribute," she told the BBC.\n',
            ["Kemi Badenoch", "Kemi Badenoch"],
        ),
        # a surname the text gives in full, after an opening phrase, is the "he" that follows
        (
            "Sunak\n\nRishi Sunak has said he will serve a full term as an MP.\n\n"
            'Asked about the reports, Sunak laughed. "We love it here," he said.\n',
            ["Rishi Sunak"],
        ),
        # someone the sources give no title may be described with a rank ...
        (
            "Sunak\n\nRishi Sunak has said he will serve a full term, dismissing speculation.\n\n"
            'Speaking to reporters on Friday, the former prime minister said: "I was elected."\n',
            ["Rishi Sunak"],
        ),
        # ... but not one whose honorific is an office
        ('Alvarez\n\nPresident Maria Alvarez spoke first.\n\nThe vice president said: "No."\n', [None]),
        # and a job with no rank, for someone given no title, as before
        (
            "Derby\n\nMikel Arteta praised Bukayo Saka after the winger scored twice.\n\n"
            '"He was unplayable today," the Arsenal manager told BBC Sport.\n',
            ["Mikel Arteta"],
        ),
    ],
)
def test_politicians_by_surname_and_by_description(tmp_path, monkeypatch, text, speakers):
    assert _analysed(tmp_path, text, monkeypatch)[0] == speakers


def test_police_ranks_abbreviated_and_captains():
    from factcheck.entities import is_honorific

    # (not "Di", which opens Italian surnames)
    assert [is_honorific(w) for w in ("Ch", "PC", "DS", "DC", "Di")] == [True, True, True, True, False]
    assert draft_quotes('Det Ch Insp Laura Hines said: "This was a shocking attack."') == [
        ("Laura Hines", "This was a shocking attack.")
    ]
    assert [who for who, _ in draft_quotes('PC Andrew Harper said: "Fine." DS Mark Rowe said: "Yes."')] == [
        "Andrew Harper",
        "Mark Rowe",
    ]
    from factcheck.quotes import parse_speaker_phrase

    kind, ref = parse_speaker_phrase("England captain Harry Kane")
    assert (kind, ref.name, ref.title) == ("person", "Harry Kane", "England captain")
    # a captain is a title, so "the Belgian" after it is the captain
    text = (
        "Former City captain Vincent Kompany, now in charge of Bayern Munich, told Sky Sports he was not "
        'surprised. "He loves this club," the Belgian said.\n'
    )
    assert draft_quotes(text) == [("Vincent Kompany", "He loves this club,")]


def test_a_byline_and_a_live_blogs_update_label_are_no_claims():
    text = "# Quake\n\n*By our correspondent*\n\nBy Sarah Mitchell\n\n**Update 10:30:** AFAD said 215 people were injured.\n"
    claims = parse_draft_text(text, "d.md").claims
    assert [(c.line, c.text) for c in claims] == [(7, "AFAD said 215 people were injured.")]


def test_a_quote_whose_close_mark_was_left_out():
    # words quoted inside a sentence of reporting do not run on into the next paragraph's quote
    text = (
        'Yerlikaya said rescuers were "working around the clock.\n\n'
        '"Our hearts are with Malatya," President Erdogan said.\n'
    )
    assert draft_quotes(text) == [
        ("Yerlikaya", "working around the clock."),
        ("Erdogan", "Our hearts are with Malatya,"),
    ]
    # a whole quote left open before its attribution ends at the comma
    text = '"We will not stop until every person is reached, Interior Minister Ali Yerlikaya said.\n'
    assert draft_quotes(text) == [("Ali Yerlikaya", "We will not stop until every person is reached,")]
    # the multi-paragraph convention still holds for a quote that opens a statement
    text = 'Ali Yerlikaya said: "We will not stop.\n\n"Every person will be reached."\n'
    assert draft_quotes(text) == [("Ali Yerlikaya", "We will not stop. Every person will be reached.")]


def test_a_name_in_quote_marks_after_a_possessive_is_no_quote():
    text = (
        '"We are not going to negotiate," Sen. Lindsey Graham, R-S.C., told CNN\'s "State of the Union" on Sunday.\n\n'
        'Jane Doe told BBC Radio 4\'s "Today" programme: "We will win."\n\n'
        'Smith\'s "No!" rang out.\n'
    )
    assert draft_quotes(text) == [
        ("Lindsey Graham", "We are not going to negotiate,"),
        ("Jane Doe", "We will win."),
        (None, "No!"),
    ]


@pytest.mark.parametrize(
    "text, speakers",
    [
        # surnames that are also words: after a first name or an honorific they end a name
        ('Theresa May said the deal was "the best available".\n', ["Theresa May"]),
        ('Mrs May said the deal was "the best available".\n', ["May"]),
        (
            'Nick Read told MPs the Post Office had "let people down again".\n\n'
            'Asked whether it could be trusted, Mr Read replied: "I understand why people ask."\n',
            ["Nick Read", "Nick Read"],
        ),
        ('In May the council said it was "listening".\n', [None]),
        # a surname that is a place's word, where the words cut after it say who she is
        ('Emma Hall, whose two children attend the school, says: "They saw a snapshot."\n', ["Emma Hall"]),
        ('Tom Park said: "We are closed."\n', [None]),
        # the name in apposition, then the firm she is of
        ('Her solicitor, Raj Chauhan of Bindmans, said it would have "far-reaching consequences".\n', ["Raj Chauhan"]),
        # an occupation before the name is who they are, not their name
        ('Presenter Claudia Winkleman said: "He made everyone feel like a star."\n', ["Claudia Winkleman"]),
    ],
)
def test_names_that_are_words_and_who_people_are(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


@pytest.mark.parametrize(
    "text, speakers",
    [
        # a state's body by whose it is and a common noun; an adjective alone is no body
        ('The Scottish government said it was "disappointed" by the result.\n', ["Scottish government"]),
        ('The Welsh Government said it was "disappointed" by the result.\n', ["Welsh Government"]),
        ('The Israeli military said: "Two rockets were intercepted."\n', ["Israeli military"]),
        ('"We will respond," the Biden administration said.\n', ["Biden administration"]),
        ('An Israeli spokesman said: "Two rockets were intercepted."\n', [None]),
    ],
)
def test_a_states_bodies_speak(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


@pytest.mark.parametrize(
    "text, speakers",
    [
        # "she said" after a man's quote: not his; the sentence before opens with her
        (
            'Chief executive Thomas Woldbye said it was hard. "Safety is our top priority," he said.\n\n'
            'Passenger Amy Collins, from Bristol, was due to fly to Dallas. "We have been told nothing," '
            "she said.\n",
            ["Thomas Woldbye", "Amy Collins"],
        ),
        # (and no one where the sentence before names no one)
        (
            'Chief executive Thomas Woldbye said it was hard. "Safety is our top priority," he said.\n\n'
            'The airport was closed. "We have been told nothing," she said.\n',
            ["Thomas Woldbye", None],
        ),
        # a lowercase description before the name, with "The", and who he is after it
        (
            'Labour MP Charlie Maynard pressed him. "How many are still employed?" he asked.\n\n'
            "The former sub-postmaster Alan Bates, who led the campaign, said the hearing had changed "
            'nothing. "We have heard apologies before," he said.\n',
            ["Charlie Maynard", "Alan Bates"],
        ),
        # the surname the sentence opens with, not a name inside the clause about him
        (
            "Jannik Sinner beat Taylor Fritz 6-4 6-4 to win the title.\n\n"
            '"It is very special," said Sinner, 23.\n\n'
            "Fritz, who beat Alexander Zverev in the semi-finals, said he had run out of ideas.\n\n"
            '"He just does not give you anything," the American said.\n',
            ["Jannik Sinner", "Taylor Fritz"],
        ),
    ],
)
def test_who_the_he_or_she_is(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


@pytest.mark.parametrize(
    "text, speakers",
    [
        # a lone spokesperson speaks for the body that reports in the sentence before
        (
            "Norfolk County Council says it is reviewing the limit. A spokesperson said: "
            '"We understand the strength of feeling."\n',
            ["Norfolk County Council"],
        ),
        # (not for a person, and not for a name no head word makes a body's)
        ('Mr Moss is not convinced. A spokesman said: "We are listening."\n', [None]),
        ('Northern Powergrid said supplies were back.\n\n"We are working," a spokesperson said.\n', [None]),
        # the subject "he" after an opening clause naming one person
        (
            'When Gary Moss got the call, he was at work.\n\n"An officer told me," he says. "I knew."\n',
            ["Gary Moss", "Gary Moss"],
        ),
        # a paragraph of quote after one reporting what someone, described between commas, said
        (
            "Made Suarta, 42, a fisherman who was travelling to visit his mother, said the ferry began "
            'to tilt.\n\n"At first we thought it was the waves.\n\n"I found a life jacket and jumped."\n',
            ["Made Suarta"],
        ),
        # a title with its article, then the name, then what they said in a participle
        ('The minister Jo Stevens resigned on Friday, saying the policy was "unworkable".\n', ["Jo Stevens"]),
    ],
)
def test_who_speaks_from_the_sentence_before(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


@pytest.mark.parametrize(
    "text, speakers",
    [
        # a noun in -ly is no adverb before the verb: the family speaks, not "Stacey"
        (
            "The woman was named as Stacey Holt.\n\nIn a statement released through police, Stacey's family "
            'said: "She was a loving mum."\n',
            [None],
        ),
        ('"We will fight," Ruth Kelly said.\n', ["Ruth Kelly"]),
        # "President-elect" is a title, not a first name
        (
            "President-elect Donald J. Trump said he would nominate Pete Hegseth.\n\n"
            '"Pete is tough," Mr. Trump said in a statement.\n',
            ["Donald J. Trump"],
        ),
    ],
)
def test_nouns_in_ly_and_titles_elect(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


@pytest.mark.parametrize(
    "text, speakers",
    [
        # a hyphenated title is no name, nor is a headline's
        ("Ex-minister says PM 'misled' Commons over donations\n\nText.\n", [None]),
        # No 10's spokesman speaks for No 10
        ('"The prime minister has always followed the rules," a No 10 spokesman said.\n', ["No 10"]),
        # a conjunction before the sentence's subject
        (
            'Kemi Badenoch said Labour was "rotten".\n\nBut Labour chairwoman Ellie Reeves hit back, saying the '
            'Tories had "no lessons to teach anyone".\n\n"They gave us partygate," she told Times Radio.\n',
            ["Kemi Badenoch", "Ellie Reeves", "Ellie Reeves"],
        ),
        # what kind of body, then its name; a club by its name's head
        ('His club, Northfield United, said it would "support Leon through this process".\n', ["Northfield United"]),
    ],
)
def test_bodies_in_apposition_and_subjects_after_but(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


@pytest.mark.parametrize("verb", ["repeated", "reiterated", "recounted", "lamented", "testified", "scoffed"])
def test_more_verbs_of_saying(verb):
    text = f'NATO Secretary General Mark Rutte spoke.\n\n"We must do more," Rutte {verb}.\n'
    assert [who for who, _ in draft_quotes(text)] == ["Mark Rutte"]


def test_she_after_his_quote_goes_back_to_the_woman_quoted_before():
    text = (
        '"We will fight this," said Ms Keller.\n\n"It is a disgrace," said Mr Brown, her neighbour.\n\n'
        '"We have no choice," she added.\n'
    )
    assert [who for who, _ in draft_quotes(text)] == ["Keller", "Brown", "Keller"]
    # (no one the text calls "she": no one)
    text = '"We will fight this," said Mr Keller.\n\n"It is a disgrace," said Mr Brown.\n\n"No," she added.\n'
    assert [who for who, _ in draft_quotes(text)] == ["Keller", "Brown", None]


@pytest.mark.parametrize(
    "text, speakers",
    [
        # someone's friend by first name, then "he says"
        (
            'Her friend Jack, 28, a fisherman, nods. "My grandad was born there," he says. "It is an Airbnb now."\n',
            ["Jack", "Jack"],
        ),
        # "She laughs." before a quote with no attribution: hers, not the last speaker's
        (
            'Bethany Roberts grew up here. Now she lives in a caravan.\n\n"Every time," she tells me.\n\n'
            'Her friend Jack, 28, nods. "My grandad was born there," he says.\n\n'
            'I ask Bethany whether she would ever leave. She laughs. "And go where?"\n',
            ["Bethany Roberts", "Jack", "Bethany Roberts"],
        ),
        # one of them, by first name and age
        ('Two teenagers are eating pasties. "I want to stay," says one, Lily, 17.\n', ["Lily"]),
        # vox pops: a first name with what they do, or a name given only in part, before "she said"
        (
            '"At least they are investing," said Malcolm Price.\n\nAnother shopper, who gave her name only as '
            'Jean, said she was worried. "I cannot heat the house," she said.\n\n'
            'Tom, a builder, said small firms would be hit. "My boss is cutting hours," he said.\n',
            ["Malcolm Price", "Jean", "Tom"],
        ),
        # (a place is no one: "Leeds, a city," names nobody)
        (
            '"It is fine," said Malcolm Price.\n\nLeeds, a city of 800,000, was quiet. "Yes," he said.\n',
            [
                "Malcolm Price",
                "Malcolm Price",
            ],
        ),
    ],
)
def test_features_and_vox_pops(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


@pytest.mark.parametrize(
    "text, speakers",
    [
        # a state's body named before, called by its kind
        (
            "The Palestinian health ministry said 42 people had been killed. "
            '"Most of them are women and children," the ministry said.\n',
            ["Palestinian health ministry"],
        ),
        # the UN and the EU by their letters
        ('The UN said aid deliveries had been "severely restricted".\n', ["UN"]),
        ('"We will respond," the EU said.\n', ["EU"]),
    ],
)
def test_wire_copys_bodies(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


@pytest.mark.parametrize(
    "text, speakers",
    [
        # a lede describes someone by a title; the paragraph after names them as they report
        (
            'Minister backs reforms\n\nThe housing minister has said the government "will not back down" on '
            "its plans to build 1.5 million homes.\n\nMatthew Pennycook told the conference in Harrogate "
            "that the reforms were essential.\n",
            ["Matthew Pennycook"],
        ),
        (
            'Row\n\nA former cabinet minister has accused the prime minister of having "misled" MPs over '
            'donations this year.\n\nWriting on X, Jake Berry said: "He had not declared it."\n',
            ["Jake Berry", "Jake Berry"],
        ),
        # (not someone with another title, and not past the lede)
        (
            'Row\n\nThe prime minister has said the government "will not back down" on its plans to build '
            "homes.\n\nOpposition leader Kemi Badenoch said the plans were wrong.\n",
            [None],
        ),
    ],
)
def test_a_lede_describes_and_the_next_paragraph_names(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


def test_a_headlines_speaker_before_a_colon():
    text = (
        "Guardiola: City 'not good enough' after fifth straight defeat\n\n"
        'Pep Guardiola admitted Manchester City were "not good enough" after they lost 4-0 at home.\n'
    )
    assert [who for who, _ in draft_quotes(text)] == ["Pep Guardiola", "Pep Guardiola"]
    # (a word before the colon that is no one's surname in the story names no one)
    text = (
        "Minister: 'We will not back down on planning reforms'\n\n"
        'Matthew Pennycook said the reforms were "essential" to the plan.\n'
    )
    assert next(who for who, _ in draft_quotes(text)) is None


@pytest.mark.parametrize(
    "text, speakers",
    [
        # "but" after a quote opens a clause of the speaker's, naming no one; what someone calls
        # a thing is theirs, and so are their next words
        (
            "Dr Ellen Walker, an entomologist at the University of Bristol who was not involved in the "
            'study, called the results "really striking", but cautioned that the bees may be judging area.'
            '\n\n"I\'d want to see it replicated," she said.\n',
            ["Ellen Walker", "Ellen Walker"],
        ),
        # "calls", "describes" in the present tense, as a live page writes
        (
            'Rachel Reeves spoke first.\n\n"I know this," Reeves tells the Commons.\n\n'
            '**13:50** Kemi Badenoch is on her feet. She calls the Budget "a tax raid on working people".\n',
            ["Rachel Reeves", "Kemi Badenoch"],
        ),
        # a "she" the sentence before speaks of but does not name: the person before that
        (
            "Gwen Pryce has farmed the same 200 acres for 31 years. On Thursday night the water came up "
            'faster than she had ever seen it.\n\n"The lane was already a river," she said.\n',
            ["Gwen Pryce"],
        ),
        # the story moved on from the last speaker: the latest person a sentence opens with
        (
            'It is 3am and Sister Abena Owusu has not sat down.\n\n"Bed four wants you," says a healthcare '
            "assistant, Kelly, leaning round the door.\n\nOwusu sighs and goes. Bed four is Mr Ellis, 88, "
            'who cannot sleep. She tells him the day. It is the fourth time tonight.\n\n"Half of it is '
            'this," she says later.\n',
            ["Kelly", "Abena Owusu"],
        ),
        # (the last speaker, where no sentence since opens with anyone)
        (
            '"Bed four wants you," says a healthcare assistant, Kelly.\n\nThe ward is quiet. It is the '
            'fourth time tonight.\n\n"He says it is urgent," she says.\n',
            ["Kelly", "Kelly"],
        ),
    ],
)
def test_who_speaks_in_features_and_live_pages(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


@pytest.mark.parametrize(
    "phrase, name",
    [
        ("a healthcare assistant, Kelly, leaning round the door", "Kelly"),
        ("one nurse, Kelly", "Kelly"),
        ("a spokesman, Monday", None),  # (a weekday is no one)
        ("the nurse, Kelly", None),  # (someone met before is called by their name)
    ],
)
def test_a_first_name_after_someone_introduced(phrase, name):
    kind, ref = parse_speaker_phrase(phrase)
    assert (ref.name if kind == "person" else None) == name


@pytest.mark.parametrize(
    "text, speakers",
    [
        # "She added:" as a paragraph of its own, then the quote
        (
            'Its general secretary, Nicola Ranger, said: "We have never seen corridor care on this '
            'scale."\n\nShe added:\n\n"Ministers have had all year to prepare."\n',
            ["Nicola Ranger", "Nicola Ranger"],
        ),
        # "they" after someone unnamed reported: theirs, not the body quoted before
        (
            'In a statement, Unilever said it "does not comment on market speculation".\n\nOne of the '
            'people said a deal could be announced next week. "It\'s close," they said.\n',
            ["Unilever", None],
        ),
        # a lone spokesperson after a sentence with a decimal point in it
        (
            "The Department of Health and Social Care said it was investing £1.8bn in urgent care. "
            'A spokesperson said: "We are working with NHS England."\n',
            ["Department of Health and Social Care"],
        ),
        # an epithet after a sentence with two people's clauses: no guess
        (
            'Arne Slot said his side produced "the perfect away performance".\n\nMohamed Salah scored twice and Luis Diaz '
            'added a third.\n\n"We controlled the game," the Dutchman told Sky Sports.\n',
            ["Arne Slot", None],
        ),
        # a lede's "head of" someone is the next paragraph's chief executive
        (
            'Ofwat admits error\n\nThe head of the water regulator has admitted it "got it wrong" by '
            "allowing companies to keep bills low.\n\nDavid Black, chief executive of Ofwat, told BBC Radio "
            "4's Today programme that it should have pushed for more investment earlier.\n",
            ["David Black"],
        ),
    ],
)
def test_lead_ins_unnamed_sources_and_ledes(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


@pytest.mark.parametrize(
    "text, speakers",
    [
        # an aside inside the sentence
        (
            'Kemi Badenoch said the resignation was "proof". It was, she said, "a shambles from start to finish".\n',
            ["Kemi Badenoch", "Kemi Badenoch"],
        ),
        # the verb first
        ('Mikel Arteta spoke to reporters.\n\nSays Arteta: "He will make us better."\n', ["Mikel Arteta"]),
        # what the quote is about, then who said it
        (
            '"I want to see prices in the 3,000 yen range" for a 5-kg bag, Shinjiro Koizumi told reporters.\n',
            ["Shinjiro Koizumi"],
        ),
        # "was how X put it"
        (
            '"It is the right thing to do," was how Prof Abba Tijani, director-general of the commission, '
            "put it at the ceremony.\n",
            ["Abba Tijani"],
        ),
        # the passive, in a lede whose next paragraph names the body's director
        (
            "Museum returns bronzes\n\nThe Horniman Museum has handed over six Benin Bronzes, in what was "
            'described by its director as "a moral and appropriate response".\n\nNick Merriman said the '
            "objects had been taken by force in 1897.\n",
            ["Nick Merriman"],
        ),
        # a lede's someone, saying; the next paragraph names them
        (
            "Minister quits\n\nA Home Office minister has resigned, saying delays to the inquiry were "
            '"unforgivable".\n\nIn her resignation letter to the prime minister, Jess Phillips wrote that '
            "she could not defend the timetable.\n",
            ["Jess Phillips"],
        ),
    ],
)
def test_asides_passives_and_verbs_first(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


def test_a_sentence_about_someone_then_she_says():
    text = (
        '"We were queuing for water," says Janet Hughes, 58, who runs a cafe.\n\n'
        'The chief executive, Louise Beardmore, has apologised. "We let our customers down," she said.\n\n'
        'But for Hughes, apologies are not enough. "Sorry doesn\'t pay my suppliers," she says.\n\n'
        'For Monday, the plan stands. "It is late," she says.\n'
    )
    assert [who for who, _ in draft_quotes(text)] == [
        "Janet Hughes",
        "Louise Beardmore",
        "Janet Hughes",
        "Janet Hughes",
    ]


@pytest.mark.parametrize(
    "text, speakers",
    [
        # Ireland's offices are titles, not first names
        (
            'Tánaiste Simon Harris said the opposition was "obsessed with elections". "We\'re focused on '
            'housing," the Fine Gael leader added.\n',
            ["Simon Harris", "Simon Harris"],
        ),
        # a body's name after "of the" in a title is no one's name
        (
            'The leader of the National Rally, Jordan Bardella, called the government "a continuation".\n',
            ["Jordan Bardella"],
        ),
        # a job description right after the words of the person the story opens with
        (
            "AOC in Denver\n\nAlexandria Ocasio-Cortez told a crowd of 34,000 in Denver on Friday that the "
            'party needed to "fight harder" against the administration.\n\n"They are counting on us to give '
            'up," the New York congresswoman said.\n',
            ["Alexandria Ocasio-Cortez", "Alexandria Ocasio-Cortez"],
        ),
        # (not after someone else's: the winger is no manager)
        (
            "Arsenal win\n\nArsenal beat Chelsea 2-0 at the Emirates on Sunday, with two goals in the "
            'second half.\n\nBukayo Saka said the team had "learned a lot".\n\n"We believe in this group," '
            "the Arsenal manager said.\n",
            ["Bukayo Saka", None],
        ),
        # (nor after the words of someone the text gives another title)
        (
            'NHS figures\n\nHealth Secretary Wes Streeting said: "We inherited a health service on its '
            'knees."\n\n"Behind every number is a patient waiting in pain," said the RCN\'s general secretary.\n',
            ["Wes Streeting", None],
        ),
    ],
)
def test_offices_bodies_in_titles_and_jobs_after_the_last_speaker(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


def test_a_passives_agent_who_said():
    text = (
        'Paul Whiteman said schools were "cutting to the bone".\n\nHis warning was echoed by Pepe '
        "Di'Iasio, general secretary of the Association of School and College Leaders, who said: "
        '"We have never seen budgets this tight."\n'
    )
    assert [who for who, _ in draft_quotes(text)] == ["Paul Whiteman", "Pepe Di'Iasio"]


@pytest.mark.parametrize(
    "text, speakers",
    [
        # who asked, and what, are not who answered
        (
            "Asked by counsel to the inquiry, Jennifer Dempster KC, why he had not called an ambulance "
            'sooner, former PC Gareth Lloyd replied: "I thought he was drunk."\n',
            ["Gareth Lloyd"],
        ),
        # whose someone, then them: the sentence's subject is the team-mate
        (
            "Lando Norris won the Sao Paulo Grand Prix.\n\nNorris's team-mate Oscar Piastri finished "
            'second. "It was a good day for the team," the Australian said.\n',
            ["Oscar Piastri"],
        ),
    ],
)
def test_who_answered_and_whose_someone(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


@pytest.mark.parametrize(
    "text, speakers",
    [
        # a spokesperson "for the company" speaks for the body that reports in the sentence
        # before, quoted words and all, whether or not its name has a body's head word
        (
            'Stagecoach said it was "disappointed". A spokesman for the company said: "We have made a fair offer."\n',
            ["Stagecoach", "Stagecoach"],
        ),
        # (not for a person who reports there)
        ('Jane Smith said it was bad. A spokesman for the company said: "No."\n', [None]),
    ],
)
def test_a_spokesperson_for_the_company(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


@pytest.mark.parametrize(
    "text, speakers",
    [
        # an MP by their seat is a job, not a name: the one the sentence before opens with,
        # here one of a group ("Another, Clive Lewis,")
        (
            "Labour backbenchers were divided.\n\nAnother, Clive Lewis, was more forthright. "
            '"It\'s the right thing to do," the Norwich South MP told the Guardian.\n',
            ["Clive Lewis"],
        ),
        ('Jane Smith spoke first. "It is right," said the Sheffield Hallam MP.\n', ["Jane Smith"]),
        # (letters after a name are still a name's)
        ('"It is wrong," said Jane Doe MP.\n', ["Jane Doe"]),
        # being asked, before who answered: "Pressed on ...", "Contacted by ..."
        (
            "Speaking on the radio, the chancellor, Rachel Reeves, defended the rise.\n\nPressed on whether it broke the "
            'promise, she replied: "No."\n\nPressed on the matter, Reeves said: "It does not."\n\n'
            'Quizzed over the delay, Mr Reed admitted: "It is late."\n',
            ["Rachel Reeves", "Rachel Reeves", "Reed"],
        ),
    ],
)
def test_seats_groups_and_being_pressed(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


@pytest.mark.parametrize(
    "text, speakers",
    [
        # what someone called another's doing ("called Schumer's decision ...")
        (
            "Chuck Schumer voted for the bill.\n\nRep. Alexandria Ocasio-Cortez, D-N.Y., called Schumer's "
            'decision "a tremendous slap in the face".\n',
            ["Alexandria Ocasio-Cortez"],
        ),
        # or another ("called Powell ..."), and what the same sentence goes on to report
        (
            "President Donald Trump spoke.\n\nTrump, in a post on his Truth Social platform, called Powell "
            '"a major loser" and said rates should be "much lower."\n\nCritics called Powell "weak".\n',
            ["Donald Trump", "Donald Trump", None],
        ),
        # a fund's name is a body's, and its spokesperson speaks for it
        (
            "Activist investor Elliott Management, which holds a 5% stake, has been pressing for change. "
            'An Elliott spokesperson said the fund "continues to engage constructively" with the board.\n',
            ["Elliott"],
        ),
    ],
)
def test_someones_doing_called_and_a_funds_spokesperson(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


@pytest.mark.parametrize(
    "text, speakers",
    [
        # a first name the text gives alone, as a relative's or with an age, is not a full name
        # it begins that the text gives someone else
        (
            "Microsoft's chief executive, Amy Hood, spoke.\n\nHis sister, Amy, said: \"He was the "
            'funniest person I knew."\n\n"He was kind," Amy said.\n',
            ["Amy", "Amy"],
        ),
        (
            'Jack Draper won.\n\nHer son, Jack, 12, said: "It was scary."\n\n"It was," said her son Jack.\n',
            ["Jack", "Jack"],
        ),
        # (a relative who has the family's surname is the full name: "Their son, Iain," of the
        # MacLeods is Iain MacLeod)
        (
            'Donald MacLeod kept the light.\n\nTheir son, Iain, 52, is an engineer. "Dad never took a '
            'holiday," Iain MacLeod said.\n\n"Not once," Iain said.\n',
            ["Iain MacLeod", "Iain MacLeod"],
        ),
        # (a family name written first still joins, and a surname with an age is no first name)
        ('Xi Jinping met him.\n\n"We are ready," Xi said.\n', ["Xi Jinping"]),
        ('Jack Draper, 23, won.\n\n"It was great," Jack said.\n', ["Jack Draper"]),
    ],
)
def test_a_first_name_given_alone_is_not_a_full_name_it_begins(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


@pytest.mark.parametrize(
    "text, speakers",
    [
        # a coroner, a meteorologist, a chef ... are titles: the "he" after is that person
        ('Senior coroner David Ridley recorded a conclusion. "It was late," he said.\n', ["David Ridley"]),
        # with no one quoted before, "she" says the sentence's subject is a person, titled or not
        (
            '**12:35** Rachel Reeves says the freeze will raise £8bn a year. "This is the right choice," '
            "she tells MPs.\n",
            ["Rachel Reeves"],
        ),
        # (and a live page's new entry carries no "she" over from the entry before)
        (
            '**12:35** Rachel Reeves says the freeze will raise £8bn. "This is the right choice," she tells '
            'MPs.\n\n**12:40** Kemi Badenoch is responding. "This is a Budget of broken promises," she says.\n',
            ["Rachel Reeves", "Kemi Badenoch"],
        ),
        # a surname is the text's own person, named first, not a relative the sources give a title
        (
            "Margaret Ellison, a heart surgeon, has died aged 91.\n\nIn a 2015 interview, Ellison recalled "
            'the hostility she faced. "I took that as a challenge," she said.\n\nShe is survived by her '
            "husband, the architect Peter Ellison.\n",
            ["Margaret Ellison"],
        ),
    ],
)
def test_court_and_science_titles_a_first_she_and_the_storys_own_surname(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


@pytest.mark.parametrize(
    "text, speakers",
    [
        # a first name in -ly after the verb is no adverb ("said Polly Neate")
        ('"Renters are squeezed," said Polly Neate, chief executive of Shelter.\n', ["Polly Neate"]),
        ('"It is bad," said Holly Jones.\n', ["Holly Jones"]),
        # whose comments are no one's words: "His comments came ..." names no speaker
        (
            "Sam Altman spoke.\n\nHis comments came days after the company released its latest model, which "
            'it claims can write software "at the level of a senior engineer".\n',
            [None],
        ),
    ],
)
def test_first_names_in_ly_and_a_possessive_is_no_speaker(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


def test_a_title_between_commas_then_a_verb_is_no_title_of_the_name_after_it(tmp_path, monkeypatch):
    # "the Conservative leader, accused Starmer" had made him the Conservative leader, so that
    # "the prime minister" (a title he no longer held alone) was no longer his
    text = (
        "Brexit\n\nSir Keir Starmer has ruled out rejoining the single market, telling business leaders it "
        'would "reopen old wounds".\n\nSpeaking in London, the prime minister said: "We are not going back."\n\n'
        'Kemi Badenoch, the Conservative leader, accused Starmer of "betraying Brexit".\n'
    )
    speakers, _ = _analysed(tmp_path, text, monkeypatch)
    assert speakers == ["Keir Starmer", "Keir Starmer", "Kemi Badenoch"]


@pytest.mark.parametrize(
    "text, speakers",
    [
        # a rank after a body's name begins no name: "Cal Fire Capt. Thomas Shoots"
        (
            '"This fire is moving faster than anything I have seen," Cal Fire Capt. Thomas Shoots told reporters.\n',
            ["Thomas Shoots"],
        ),
        # (ranks in a row are still one honorific, and a surname that is a rank still a name)
        ('"Yes," said Lieutenant General Sir Mark Carleton-Smith.\n', ["Mark Carleton-Smith"]),
        ('"Yes," said John Major.\n', ["John Major"]),
        # a portfolio's words before the holder's name are no first name
        (
            "Union Minister of State for Science and Technology Jitendra Singh said: "
            '"India will have its own space station by 2035."\n',
            ["Jitendra Singh"],
        ),
        (
            'Secretary of State for Energy Security and Net Zero Ed Miliband said: "We will not blink."\n',
            ["Ed Miliband"],
        ),
    ],
)
def test_a_rank_and_a_portfolio_before_names(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


def test_saint_opens_a_surname_as_a_particle_does(tmp_path, monkeypatch):
    # "St. Louis said" is the one person the text names in full with it
    text = (
        "Leafs edge Canadiens\n\nCanadiens coach Martin St. Louis was frustrated with his team's start.\n\n"
        '"We weren\'t ready," St. Louis said.\n'
    )
    speakers, _ = _analysed(tmp_path, text, monkeypatch)
    assert speakers == ["Martin St Louis"]


@pytest.mark.parametrize(
    "text, speakers",
    [
        # the subject, who they are between commas, a verb with no -ed, then "but conceded
        # that": the subject's words, and the "he" after them
        (
            "The Tanaiste, Simon Harris, struck a similar note but conceded that relations had been "
            '"tested".\n\n"Look, any coalition has its moments," he said.\n',
            ["Simon Harris", "Simon Harris"],
        ),
        (
            'Gov. Gavin Newsom declared an emergency and said the fire was "unprecedented".\n',
            ["Gavin Newsom"],
        ),
        # (a clause about a body, between commas, names no one)
        ('The plan, which the council approved and said would be "transformative", was dropped.\n', [None]),
    ],
)
def test_a_subject_whose_first_verb_is_no_saying(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


@pytest.mark.parametrize(
    "text, speakers",
    [
        # a body's name, then what kind of body it is: the body speaks
        ('The Unite union said it would "fight every job loss".\n', ["Unite"]),
        ('"We will ballot," said the GMB union.\n', ["GMB"]),
        # (the kind alone names no body)
        ('The union said the government had "failed to make a credible offer".\n', [None]),
        # where it happened, then where that is, then who spoke
        (
            "In Pontypridd, where the River Taff burst its banks, shop owner Rhian Jenkins, 47, said she had "
            'been "through this before".\n\n"In 2020 we lost everything," she told Sky News.\n',
            ["Rhian Jenkins", "Rhian Jenkins"],
        ),
        # a participle of writing or noting is the subject's, as "saying" is
        (
            "House Speaker Mike Johnson, R-La., praised the outcome in a post on X, writing that Republicans "
            'had "kept their promise."\n',
            ["Mike Johnson"],
        ),
    ],
)
def test_a_union_by_name_where_it_was_and_writing_that(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


@pytest.mark.parametrize(
    "text, speakers",
    [
        # a first name, then what they do in a few words: a person, not a body or a place
        (
            "Alfie Turner, 12, was walking with grandad Mick, 71, near their home.\n\n"
            'Mick, a retired miner, said: "He saved my life, no question."\n',
            ["Mick"],
        ),
        (
            "Alfie Turner, 12, pulled him out.\n\n"
            '"I just did what I had to do," said Alfie, a Year 8 pupil at Brookfield Community School.\n',
            ["Alfie Turner"],
        ),
        # (a place described is no one)
        ('"Go," said Leeds, a city.\n', [None]),
    ],
)
def test_a_first_name_then_what_they_do(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


def test_a_compound_adjective_before_a_first_name_is_no_name(tmp_path, monkeypatch):
    # "Quick-thinking Alfie" had become a full name, which "said Alfie" then took; and the
    # "he" after a later subject went to the wrong man
    text = (
        "Hero schoolboy saves grandad\n\nAlfie Turner, 12, was walking with grandad Mick, 71.\n\n"
        "Quick-thinking Alfie lay flat on the ice and grabbed his grandfather's coat.\n\n"
        '"I just did what I had to do," said Alfie, a Year 8 pupil.\n\n'
        'Mick, a retired miner, said: "He saved my life."\n\n'
        "Station manager Andy Bird praised Alfie but urged people to stay off frozen water. "
        '"The ice can look solid," he said.\n'
    )
    speakers, _ = _analysed(tmp_path, text, monkeypatch)
    assert speakers == ["Alfie Turner", "Mick", "Andy Bird"]


@pytest.mark.parametrize(
    "text, speakers",
    [
        # a quote within the quote, closing with it: the punctuation before the inner mark
        (
            "Dougie Ross kept the light.\n\n\"My father told me, 'You'll hate it for a year,'\" Ross says. "
            '"He was right."\n',
            ["Dougie Ross", "Dougie Ross"],
        ),
        # an adverb before a colon names no one: the paragraph's speaker goes on
        (
            'Dougie Ross kept the light.\n\n"She\'s exaggerating," he says. Then, after a pause: "A bit."\n',
            ["Dougie Ross", "Dougie Ross"],
        ),
        # what a body is, between commas, before it reports: its spokesperson's words are its
        (
            "The Northern Lighthouse Board, which runs Scotland's lights, says automation saved money. "
            'A spokesperson said: "Our lights are as reliable as ever."\n',
            ["Northern Lighthouse Board"],
        ),
        # what sports copy calls a player is no office: the captain is the all-rounder too
        (
            'England captain Ben Stokes, who made 44, said his side had "let one slip".\n\n'
            '"We had them where we wanted them," the all-rounder said.\n',
            ["Ben Stokes", "Ben Stokes"],
        ),
        # a description whose words go on from the last speaker's is theirs
        (
            'Lord Beckett told Dunbar: "This was a cowardly attack."\n\n'
            'The judge added that Mr Iqbal had been left "afraid to work at night".\n',
            ["Beckett", "Beckett"],
        ),
    ],
)
def test_inner_quotes_adverbs_bodies_described_players_and_going_on(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


@pytest.mark.parametrize(
    "text, speakers",
    [
        # a body named by an acronym or what it does, then the nation it serves
        ('NHS England said it was "looking closely" at the results.\n', ["NHS England"]),
        ('"No comment," said BBC Scotland.\n', ["BBC Scotland"]),
        ('Public Health England said: "The risk is low."\n', ["Public Health England"]),
    ],
)
def test_a_body_named_for_a_nation(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers
    # (a person whose surname is a place is no body)
    from factcheck.quotes import _organisation

    assert _organisation("Jane England") is None and _organisation("NHS England") == "NHS England"


def test_a_description_reporting_after_an_opening_phrase_is_not_the_last_speaker():
    # the sentence before the "he" reports, and its subject is someone the text names no
    # other way: not the last speaker, John McDonnell (no guess: nobody)
    text = (
        'The former shadow chancellor John McDonnell said the cuts would push people "into poverty".\n\n'
        "Speaking at a press conference in Downing Street, the prime minister insisted the reforms were "
        'necessary. "The system we inherited is broken," he said.\n'
    )
    assert [who for who, _ in draft_quotes(text)] == ["John McDonnell", None]


@pytest.mark.parametrize(
    "text, speakers",
    [
        ('"Absolutely not," was Ms Reeves\'s reply.\n', ["Reeves"]),
        ('Rachel Reeves spoke.\n\n"Absolutely not," was Ms Reeves\'s reply.\n', ["Rachel Reeves"]),
        ('"It is the right thing to do," was how Prof Abba Tijani put it.\n', ["Abba Tijani"]),
    ],
)
def test_whose_reply_the_quote_was(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


@pytest.mark.parametrize(
    "text, speakers",
    [
        # what the popular press calls someone it has named is them, as "the 34-year-old" is
        (
            "Kelly Brown, 34, from Leeds, lost her home in the fire.\n\n"
            '"I\'m devastated," the mother of two told The Sun.\n',
            ["Kelly Brown"],
        ),
        # (and says whether he or she: not the husband the sentence before opens with)
        (
            'Kelly Brown, 34, lost her home. Her husband, Ron, was at work.\n\n"It is gone," the mother-of-two said.\n',
            ["Kelly Brown"],
        ),
    ],
)
def test_a_tabloid_epithet_is_the_person_before(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers


@pytest.mark.parametrize(
    "text, speakers",
    [
        # a lone capitalised word before "of" is a person only where the text knows them
        ('Friends of the Earth said the decision was "climate vandalism".\n', [None]),
        # one position, two names, and the team before it: the replacement fly-half is the
        # Leinster out-half
        (
            "Ireland beat New Zealand, with replacement fly-half Sam Prendergast kicking a late penalty.\n\n"
            'Prendergast, 22, admitted he had been nervous. "My legs were shaking," the Leinster out-half said.\n',
            ["Sam Prendergast"],
        ),
    ],
)
def test_a_body_before_of_and_the_out_half(text, speakers):
    assert [who for who, _ in draft_quotes(text)] == speakers
