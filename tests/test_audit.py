"""Disagreements between sources, and the aliases that are not disagreements."""

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
    lines = result.output.splitlines()
    assert lines[0].split()[:2] == ["severity", "type"]
    assert lines[2].startswith("warning")  # most severe first
