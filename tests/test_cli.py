"""The command line: whole outputs, exit statuses, atomic report files."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from tests.conftest import DEV_SET, ROOT, write


@pytest.fixture
def run(monkeypatch):
    monkeypatch.chdir(ROOT)

    def invoke(*args):
        return CliRunner().invoke(main, [str(a) for a in args])

    return invoke


def test_every_command_has_help(run):
    for cmd in ([], ["check"], ["sources"], ["quotes"], ["audit"]):
        result = run(*cmd, "--help")
        assert result.exit_code == 0
        assert "Usage:" in result.output


def test_version(run):
    result = run("--version")
    assert result.output == "factcheck, version 0.1.0\n"


def test_sources_table(run):
    result = run("sources")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == ["id", "title", "paragraphs", "sentences", "quotes", "words"]
    assert any(line.startswith("ukaus-itpro") for line in lines)


def test_sources_json(run):
    rows = json.loads(run("sources", "--format", "json").output)
    itpro = next(r for r in rows if r["id"] == "ukaus-itpro")
    assert (itpro["paragraphs"], itpro["sentences"], itpro["quotes"]) == (14, 19, 6)


def test_quotes_json_lists_speaker_and_title(run):
    rows = json.loads(run("quotes", "--format", "json").output)
    ayres = next(r for r in rows if r["text"].startswith("This MoU brings"))
    assert (ayres["source"], ayres["line"], ayres["speaker"]) == ("ukaus-itpro", 8, "Tim Ayres")
    assert ayres["title"].startswith("Australian minister for industry")


@pytest.mark.parametrize("fail_on, status", [("error", 1), ("warning", 1), ("never", 0)])
def test_gate_exit_status(run, fail_on, status):
    assert run("check", DEV_SET / "draft.md", "--fail-on", fail_on).exit_code == status


def test_gate_passes_on_verified_copy(run, tmp_path):
    draft = write(tmp_path / "ok.md", "The UK hosted the AI Safety Summit at Bletchley Park in 2023.\n")
    for fail_on in ("error", "warning", "never"):
        assert run("check", draft, "--fail-on", fail_on).exit_code == 0
    warn = write(tmp_path / "warn.md", "The UK AI Security Institute will open an office in Perth next year.\n")
    assert run("check", warn, "--fail-on", "error").exit_code == 0
    assert run("check", warn, "--fail-on", "warning").exit_code == 1


def test_bad_input_exits_2_naming_file_and_line_and_keeps_good_records(run, tmp_path):
    batch = write(tmp_path / "b.jsonl", '{"id": "a", "text": "The agreement was announced on Sunday."}\n{"id": 1\n')
    out = tmp_path / "r.json"
    result = run("check", batch, "--format", "json", "--output", out)
    assert result.exit_code == 2
    assert f"factcheck: error: {batch}:2: not valid JSON" in result.output
    assert [i["id"] for i in json.loads(out.read_text())["items"]] == ["a"]


def test_missing_path_and_unknown_format_exit_2(run, tmp_path):
    result = run("check", tmp_path / "nope.md")
    assert result.exit_code == 2
    assert "nope.md: no such file or folder" in result.output
    result = run("check", DEV_SET / "draft.md", "--format", "yaml")
    assert result.exit_code == 2
    assert "unknown format 'yaml' (valid: github, html, json, junit, line, markdown, sarif, table)" in result.output


def test_output_is_written_atomically_into_new_folders(run, tmp_path):
    out = tmp_path / "deep" / "er" / "report.json"
    run("check", DEV_SET / "claims.csv", "--format", "json", "--output", out)
    assert json.loads(out.read_text())["summary"]["items"] == 12
    assert [p.name for p in out.parent.iterdir()] == ["report.json"]


def test_table_report_shows_location_verdict_speaker_source_and_difference(run):
    result = run("check", DEV_SET / "draft.md", "--fail-on", "never")
    line7 = next(line for line in result.output.splitlines() if line.startswith("draft.md:7 "))
    assert line7.split()[:4] == ["draft.md:7", "quote", "misattributed", "Tim"]
    assert "speaker: the sources attribute these words to Kanishka Nara" in line7
    assert result.output.rstrip().endswith("run 'factcheck audit' to see them.")


def test_setup_cfg_settings_apply_and_options_override(run, tmp_path, monkeypatch):
    write(tmp_path / "setup.cfg", "[factcheck]\nsources = arts\nfail_on = never\n")
    arts = tmp_path / "arts"
    write(arts / "a.txt", "The council approved the budget on Tuesday.\n")
    draft = write(tmp_path / "d.md", "The council approved the budget on Friday.\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", str(draft)])
    assert result.exit_code == 0, result.output
    assert "contradicted" in result.output
    assert CliRunner().invoke(main, ["check", str(draft), "--fail-on", "error"]).exit_code == 1


def test_bad_setting_is_a_clear_error(run, tmp_path, monkeypatch):
    write(tmp_path / "setup.cfg", "[factcheck]\nfail_on = sometimes\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["sources"])
    assert result.exit_code == 2
    assert "'fail_on' must be one of error, warning, never, not 'sometimes'" in result.output


def test_python_dash_m_runs_the_cli():
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "factcheck", "--version"], capture_output=True, text=True, cwd=Path(ROOT)
    )
    assert out.stdout == "factcheck, version 0.1.0\n"


def test_readme_cli_reference_matches_help():
    from factcheck._docs import update

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert update(readme) == readme, "README's CLI reference drifted: run python -m factcheck._docs README.md"


def test_readme_python_api_example_runs(monkeypatch):
    import re

    monkeypatch.chdir(ROOT)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = re.search(r"## Python API\n.*?```python\n(.*?)```", readme, re.S).group(1)
    exec(compile(code, "README.md", "exec"), {})


def test_baseline_reports_only_new_findings(run, tmp_path):
    draft = write(
        tmp_path / "d.md", "The agreement was announced on Monday.\nNarayan signed the agreement in Canberra.\n"
    )
    base = tmp_path / "base.json"
    result = run("baseline", draft, "--output", base)
    assert result.exit_code == 0
    assert json.loads(base.read_text())["schema"] == "factcheck.baseline/1"
    assert run("check", draft, "--baseline", base).exit_code == 0  # nothing new
    # a new finding, and the old ones moved down a line: only the new one is reported
    write(draft, "The deal builds on a 2023 MoU between the UK and Australia.\n" + draft.read_text())
    result = run("check", draft, "--baseline", base, "--format", "line")
    assert result.exit_code == 1
    assert [line.split(": ")[1] for line in result.output.splitlines() if "contradicted" in line] == [
        "error contradicted"
    ]
    assert "2 finding(s) already in the baseline" in result.output


def test_bad_baseline_is_an_input_error(run, tmp_path):
    bad = write(tmp_path / "b.json", "{}")
    result = run("check", DEV_SET / "draft.md", "--baseline", bad)
    assert result.exit_code == 2
    assert "not a factcheck baseline" in result.output


def test_suppression_comments(run, tmp_path):
    text = (
        "<!-- factcheck: ignore -->\nThe agreement was announced on Monday.\n\n"
        "<!-- factcheck: ignore unsupported -->\nThe UK AI Security Institute will open an office in Perth next year.\n"
        "Narayan signed the agreement in Canberra.\n\n"
        "<!-- factcheck: ignore misquote -->\nThe deal builds on a 2023 MoU between the UK and Australia.\n"
    )
    draft = write(tmp_path / "d.md", text)
    result = run("check", draft, "--format", "line")
    lines = result.output.splitlines()
    assert [line.split(":")[1] for line in lines] == ["6", "9"]  # 2 ignored; 5 is unsupported; 9 is no misquote


def test_accepted_aliases_are_not_conflicts(tmp_path, monkeypatch):
    write(
        tmp_path / "pyproject.toml",
        '[tool.factcheck]\nsources = "' + str(ROOT / "sources") + '"\n\n[tool.factcheck.aliases]\n'
        '"Australian Safety Institute" = "Australian AI Safety Institute"\n',
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["audit", "--format", "json"])
    assert result.exit_code == 0, result.output
    ids = [c["id"] for c in json.loads(result.stdout)]
    assert "entity-variant:australian-safety-institute" not in ids


def test_word_draft_items_are_numbered_by_paragraph(run, tmp_path):
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    doc.add_heading("UK and Australia", level=1)
    doc.add_paragraph("The agreement was announced on Monday.")
    doc.add_paragraph("")
    doc.add_paragraph('"No country can tackle that alone," said Tim Ayres.')
    path = tmp_path / "draft.docx"
    doc.save(str(path))
    result = run("check", path, "--format", "json")
    items = json.loads(result.stdout)["items"]
    assert [(i["line"], i["verdict"]) for i in items] == [(2, "contradicted"), (4, "misattributed")]


def test_not_a_word_document_is_an_input_error(run, tmp_path):
    bad = write(tmp_path / "draft.docx", b"PK\x03\x04 not really a zip")
    result = run("check", bad)
    assert result.exit_code == 2
    assert "draft.docx: not a readable Word document" in result.output


def test_no_color_and_files_get_plain_text(run, tmp_path, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    result = run("check", DEV_SET / "draft.md")
    assert "\x1b[" not in result.output


@pytest.mark.parametrize("fail_on", ["error", "warning", "never"])
def test_input_error_exits_2_whatever_the_gate(run, tmp_path, fail_on):
    bad = write(tmp_path / "b.csv", "id,text\n1,The agreement was announced on Sunday.\n1,duplicate\n")
    result = run("check", bad, "--fail-on", fail_on)
    assert result.exit_code == 2
    assert "b.csv:3: duplicate id '1'" in result.output


def test_no_progress_bar_unless_stderr_is_a_terminal(monkeypatch):
    import io

    from factcheck import cli

    monkeypatch.setattr(cli.sys, "stderr", io.StringIO())
    assert cli._progress() is None
