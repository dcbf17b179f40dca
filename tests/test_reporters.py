"""Every reporter: golden files from one fixed set of items, and each format read back by the
tools its readers use."""

import io
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from factcheck import check
from factcheck.reporters import REPORTERS, get, render
from tests.conftest import ROOT, SHARED

GOLDEN = ROOT / "tests" / "golden"
DRAFT = "tests/data/golden-draft.md"


@pytest.fixture(scope="module")
def report(corpus):
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        yield check([DRAFT, "tests/data/golden-batch.jsonl"], sources=corpus)
    finally:
        os.chdir(cwd)


def rendered(report, fmt, **context):
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        buf = io.StringIO()
        render(fmt, report, {"fail_on": "error", **context}, buf)
        return buf.getvalue()
    finally:
        os.chdir(cwd)


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
def test_golden(report, fmt):
    out = rendered(report, fmt)
    path = GOLDEN / f"report.{fmt}"
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        path.write_text(out, encoding="utf-8")
    assert path.exists(), f"no golden file for {fmt}: run with FACTCHECK_UPDATE_GOLDEN=1 and review the diff"
    assert out == path.read_text(encoding="utf-8")


def test_every_reporter_has_a_golden_file():
    assert {p.suffix[1:] for p in GOLDEN.glob("report.*")} == set(REPORTERS)


def test_unknown_format_lists_the_valid_ones():
    with pytest.raises(
        ValueError, match=r"unknown format 'pdf' \(valid: github, html, json, junit, line, markdown, sarif, table\)"
    ):
        get("pdf")


def test_sarif_is_valid_against_the_official_schema(report):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((SHARED / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    doc = json.loads(rendered(report, "sarif"))
    jsonschema.validate(doc, schema)
    results = doc["runs"][0]["results"]
    assert {r["ruleId"] for r in results} >= {"contradicted", "misattributed", "misquote", "unsupported", "disputed"}
    r = next(r for r in results if r["ruleId"] == "misattributed")
    assert r["locations"][0]["physicalLocation"]["region"] == {"startLine": 4, "startColumn": 1}
    rel = r["relatedLocations"][0]["physicalLocation"]
    src = (ROOT / rel["artifactLocation"]["uri"]).read_text(encoding="utf-8")
    region = rel["region"]
    assert "No country can tackle that alone" in src[region["charOffset"] : region["charOffset"] + region["charLength"]]


def test_junit_parses_back_with_failures_at_or_above_fail_on(report):
    junitparser = pytest.importorskip("junitparser")
    path = Path(GOLDEN / "report.junit")
    xml = junitparser.JUnitXml.fromfile(str(path))
    suites = list(xml)
    cases = [c for s in suites for c in s]
    assert len(cases) == len(report.items)
    failed = [c for c in cases if not c.is_passed]
    assert len(failed) == sum(1 for it in report.items if it.severity == "error")
    for fail_on, expected in (("warning", sum(1 for it in report.items if it.severity != "info")), ("never", 0)):
        root = ET.fromstring(rendered(report, "junit", fail_on=fail_on).split("\n", 1)[1])
        assert int(root.get("failures")) == expected


def test_github_annotations(report):
    lines = rendered(report, "github").splitlines()
    assert lines[1].startswith(
        "::error file=tests/data/golden-draft.md,line=3,col=1,title=factcheck contradicted::date: "
    )
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)


def test_input_html_is_escaped_in_html_and_markdown(report):
    for fmt in ("html", "markdown"):
        out = rendered(report, fmt)
        assert "<script>alert(1)</script>" not in out
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    html = rendered(report, "html")
    assert html.count("<script>") == 1  # the report's own filter, nothing from input
    assert "http://" not in html and "https://" not in html  # self-contained


def test_line_format(report):
    first = rendered(report, "line").splitlines()[2]
    assert (
        first
        == "tests/data/golden-draft.md:3:1: error contradicted: date: the source says 'Sunday', the item says 'Monday'"
    )
