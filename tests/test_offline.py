"""Sentence splitting needs no NLTK data: the Punkt model is built from shipped parameters."""

import json
import subprocess
import sys

from factcheck.normalise import split_sentences, train_tokenizer

PROBE = r"""
import json, nltk
nltk.data.path[:] = []  # no nltk_data folder anywhere, not even a system one
try:
    nltk.data.find("tokenizers/punkt")
    found = True
except LookupError:
    found = False
from factcheck.normalise import split_sentences
text = "Dr Andrew Charlton met Lt. Gen. Smith in the U.K. on Monday. He said it went well."
print(json.dumps({"punkt_data_found": found, "sentences": [text[a:b] for a, b in split_sentences(text)]}))
"""


def test_sentences_split_with_no_nltk_data_anywhere(tmp_path):
    env = {"NLTK_DATA": str(tmp_path / "none"), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    assert result["punkt_data_found"] is False
    assert result["sentences"] == [
        "Dr Andrew Charlton met Lt. Gen. Smith in the U.K. on Monday.",
        "He said it went well.",
    ]


def test_punkt_is_never_downloaded():
    from pathlib import Path

    import factcheck.normalise as n

    for module in Path(n.__file__).parent.rglob("*.py"):
        assert "nltk.download" not in module.read_text(encoding="utf-8"), module


def test_titles_and_initialisms_do_not_split():
    text = "Mr. Jones and Prof. Smith met Sen. Lee at St. Paul's. The U.S. economy grew 2.5% in Jan. last year."
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == [
        "Mr. Jones and Prof. Smith met Sen. Lee at St. Paul's.",
        "The U.S. economy grew 2.5% in Jan. last year.",
    ]


def test_quote_mark_after_full_stop_stays_with_its_sentence():
    text = '"It is done." Then they left.'
    assert [text[a:b] for a, b in split_sentences(text)] == ['"It is done."', "Then they left."]


def test_tokenizer_can_be_trained_further_on_sources(corpus):
    tok = train_tokenizer([s.text for s in corpus.sources])
    assert "dr" in tok._params.abbrev_types  # the shipped list survives training
