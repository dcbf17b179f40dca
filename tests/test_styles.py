"""Attribution in other house styles than the seeds': a wire story and a broadcaster's story
(written for these tests). Regressions here are generalisation failures."""

import pytest

from factcheck import load_sources
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def styles():
    return {s.id: s for s in load_sources(ROOT / "tests" / "data" / "styles").sources}


def speakers(src):
    return [(src.line_of(q.start), q.speaker) for q in src.quotes]


def test_wire_story(styles):
    assert speakers(styles["wire"]) == [
        (3, "Rachel Reeves"),  # "...," Reeves told parliament.
        (3, "Rachel Reeves"),  # a second quote in the paragraph continues
        (4, "Mel Stride"),  # said X, the shadow chancellor
        (6, "Mel Stride"),  # he said
        (8, "Andrew Bailey"),  # X, governor of ..., said: "..."
        (9, "Huw Pill"),  # warned that "..." (partial)
        (10, "Treasury"),  # a Treasury spokesperson: the body speaks
        (10, "Treasury"),  # and goes on in the paragraph
        (11, "Keir Starmer"),  # told reporters in Downing Street: "..."
        (12, "Keir Starmer"),  # "...," Mr Starmer added, "..."
        (12, "Keir Starmer"),
    ]
    titles = {q.speaker: q.title for q in styles["wire"].quotes if q.title}
    assert titles["Mel Stride"] == "shadow chancellor"
    assert titles["Keir Starmer"] == "Prime Minister"


def test_wire_credit_line_is_boilerplate(styles):
    assert [p.boilerplate for p in styles["wire"].paragraphs][-1] == "credits"


def test_broadcaster_story(styles):
    assert speakers(styles["bbc"]) == [
        (3, "Wes Streeting"),  # X said the figures were "..." (reported speech)
        (3, "Wes Streeting"),  # ... but warned there was "..."
        (4, "Wes Streeting"),  # he told BBC Breakfast
        (5, "Wes Streeting"),  # a paragraph of quote continues
        (7, "Sarah Clarke"),  # says Prof Clarke -> the full name given earlier
        (8, "Tim Cooksley"),  # a quote over two paragraphs
        (11, "Jane Doe"),  # X, who sits on ..., said the government "..."
    ]
