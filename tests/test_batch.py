"""Batch claim files: every record yields one item or one error naming its line."""

import pytest

from factcheck.claims import parse_csv, parse_file, parse_jsonl
from tests.conftest import DEV_SET


def test_dev_csv_and_jsonl_give_the_same_claims(corpus):
    a = parse_file(DEV_SET / "claims.csv", corpus.registry).claims
    b = parse_file(DEV_SET / "claims.jsonl", corpus.registry).claims
    assert [(c.id, c.kind, c.text, c.speaker) for c in a] == [(c.id, c.kind, c.text, c.speaker) for c in b]
    assert [c.line for c in a] == list(range(2, 14))
    assert [c.line for c in b] == list(range(1, 13))


def test_kind_defaults_from_speaker():
    p = parse_csv("id,text,speaker\na,Some words here,Jane Doe\nb,A claim about things,\n", "x.csv")
    assert [(c.id, c.kind) for c in p.claims] == [("a", "quote"), ("b", "claim")]


def test_quoted_newline_keeps_the_record_start_line():
    p = parse_csv('id,text\na,"first line\nsecond line"\nb,next one here\n', "x.csv")
    assert [(c.id, c.line) for c in p.claims] == [("a", 2), ("b", 4)]
    assert p.claims[0].text == "first line second line"


@pytest.mark.parametrize(
    "text, message",
    [
        ("id,claim\na,b\n", "x.csv:1: the header has no 'text' column (it has: id, claim)"),
        ("id,text\na,one claim here\na,two claims here\n", "x.csv:3: duplicate id 'a' (first on line 2)"),
        ("id,text\na,one,two\n", "x.csv:2: record has 3 fields, the header 2"),
        ("id,text\n,no id here\n", "x.csv:2: record has no 'id'"),
        ("id,text,kind\na,words here,opinion\n", "x.csv:2: 'kind' must be 'quote' or 'claim', not 'opinion'"),
    ],
)
def test_csv_errors_name_file_and_line(text, message):
    p = parse_csv(text, "x.csv")
    assert [str(e) for e in p.errors] == [message]


@pytest.mark.parametrize(
    "line, message",
    [
        ("{not json", "x.jsonl:2: not valid JSON (Expecting property name enclosed in double quotes at column 2)"),
        ("[1, 2]", "x.jsonl:2: a record must be a JSON object, not list"),
        ('{"id": "b", "text": 5}', "x.jsonl:2: 'text' is an int, not a string"),
        ('{"id": "a", "text": "again"}', "x.jsonl:2: duplicate id 'a' (first on line 1)"),
    ],
)
def test_jsonl_errors_name_file_and_line_and_keep_good_records(line, message):
    text = '{"id": "a", "text": "A good claim."}\n' + line + '\n{"id": "c", "text": "Another good one."}\n'
    p = parse_jsonl(text, "x.jsonl")
    assert [str(e) for e in p.errors] == [message]
    assert [c.id for c in p.claims] == ["a", "c"]
