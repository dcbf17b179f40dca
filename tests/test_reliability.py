"""Reliability: bad input is refused clearly, nothing is lost, output is deterministic, and
hidden characters cannot slip a misquote past the gate."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import Claim, check_claims, load_sources
from factcheck.claims import parse_csv, parse_draft_text, parse_jsonl
from factcheck.cli import main
from factcheck.ingest import read_source
from factcheck.normalise import fold
from tests.conftest import DEV_SET, ROOT, write


def run(*args, cwd=ROOT):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, [str(a) for a in args])
    finally:
        os.chdir(old)


# --- bad input: exit 2, a message naming the file (and line), good records kept ---------------


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("bin.md", b"\x00\x01\x02\x03binary\x00data" * 20, "bin.md: binary file"),
        ("empty.md", b"", "empty.md: file is empty"),
        ("blank.md", b"  \n\n", "blank.md: file is empty"),
        ("notes.pdf", b"%PDF-1.4", "notes.pdf: unknown input type '.pdf'"),
    ],
)
def test_bad_draft_files(tmp_path, name, content, message):
    path = write(tmp_path / name, content)
    result = run("check", path)
    assert result.exit_code == 2
    assert message in result.output


def test_oversized_draft(tmp_path):
    write(tmp_path / "src" / "a.txt", "The agreement was announced on Sunday.\n")
    write(tmp_path / "setup.cfg", "[factcheck]\nsources = src\nmax_bytes = 1000\n")
    path = write(tmp_path / "big.md", "The agreement was announced on Sunday. " * 100)
    result = run("check", path, cwd=tmp_path)
    assert result.exit_code == 2
    assert "big.md: file is 3,900 bytes, over the limit of 1,000 (max_bytes setting)" in result.output


def test_unreadable_file(tmp_path, monkeypatch):
    path = write(tmp_path / "locked.md", "The agreement was announced on Sunday.\n")

    real = Path.read_bytes

    def refuse(self, *a, **k):
        if self.name == "locked.md":
            raise PermissionError(13, "Permission denied")
        return real(self, *a, **k)

    # root reads any file whatever its mode, so the refusal is simulated where it happens
    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = run("check", path)
    assert result.exit_code == 2
    assert "locked.md: cannot be read (permission denied)" in result.output


def test_sources_folder_with_no_sources(tmp_path):
    (tmp_path / "src").mkdir()
    write(tmp_path / "src" / "notes.json", "{}")
    result = run("check", DEV_SET / "draft.md", "--sources", tmp_path / "src")
    assert result.exit_code == 2
    assert "src: no sources: the folder holds no .txt or .md files" in result.output
    result = run("check", DEV_SET / "draft.md", "--sources", tmp_path / "missing")
    assert result.exit_code == 2
    assert "missing: sources folder does not exist" in result.output


def test_binary_source_is_named(tmp_path):
    write(tmp_path / "src" / "good.txt", "The council met on Monday.\n")
    write(tmp_path / "src" / "photo.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" * 10)
    result = run("check", DEV_SET / "draft.md", "--sources", tmp_path / "src")
    assert result.exit_code == 2
    assert "photo.txt: binary file" in result.output


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("a.csv", "id,claim\n1,x\n", "a.csv:1: the header has no 'text' column"),
        ("b.csv", "id,text\n1,The deal was signed.,extra\n", "b.csv:2: record has 3 fields, the header 2"),
        (
            "c.csv",
            "id,text\n1,The deal was signed.\n1,Again the same id.\n",
            "c.csv:3: duplicate id '1' (first on line 2)",
        ),
        ("d.jsonl", '{"id": "1", "text": "ok here"}\n{oops\n', "d.jsonl:2: not valid JSON"),
        ("e.jsonl", '"just a string"\n', "e.jsonl:1: a record must be a JSON object, not str"),
        ("f.jsonl", '{"id": "1", "text": ["a", "list"]}\n', "f.jsonl:1: 'text' is a list, not a string"),
    ],
)
def test_bad_batch_records(tmp_path, name, content, message):
    path = write(tmp_path / name, content)
    out = tmp_path / "r.json"
    result = run("check", path, "--format", "json", "--output", out)
    assert result.exit_code == 2
    assert message in result.output
    assert out.exists()  # the good records are still reported


@pytest.mark.parametrize(
    "encoding, bom",
    [
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-16-le", b""),
        ("cp1252", b""),
        ("utf-8", b"\xef\xbb\xbf"),
    ],
)
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_drafts_in_any_encoding_and_line_ending(tmp_path, encoding, bom, newline):
    text = (
        newline.join(["# Title", "", "The agreement was announced on Monday.", "Caf\u00e9 owners said it went well."])
        + newline
    )
    path = write(tmp_path / "d.txt", bom + text.encode(encoding))
    result = run("check", path, "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)["items"]
    assert [(i["line"], i["column"]) for i in items] == [(3, 1), (4, 1)]
    assert items[0]["verdict"] == "contradicted"
    assert items[1]["text"] == "Caf\u00e9 owners said it went well."


# --- hard text: no crash, no hang ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '"Unbalanced quote at the start of a paragraph\nand "nested "quotes" inside" here.\n',
        '"Yes," she said.\n',
        '"' * 5000 + "\n",
        ('He said "a" ' * 2000) + "\n",
        "\u201c\u201c\u201d\u201d\u2018\u2019\u201d\n",
        "word " * 200_000 + "\n",  # a megabyte-long paragraph with no full stop
    ],
)
def test_hard_text_does_not_break_drafts_or_sources(tmp_path, corpus, text):
    parsed = parse_draft_text(text, "d.md", corpus.registry)
    items = check_claims(parsed.claims, corpus)
    assert len(items) == len(parsed.claims)
    src = read_source(write(tmp_path / "s.txt", text))
    for s in src.sentences:
        assert fold(src.text[s.start : s.end]) == s.text


def test_a_source_with_a_megabyte_paragraph_is_still_checked(tmp_path):
    body = ("the committee continued its long review of the budget " * 19_000) + "\n"
    write(tmp_path / "src" / "long.txt", body)
    write(tmp_path / "src" / "short.txt", "The council approved the budget on Tuesday after a long debate.\n")
    corpus = load_sources(tmp_path / "src")
    (item,) = check_claims(
        [Claim("x", "t", 1, 1, "claim", "The council approved the budget on Friday after a long debate.")], corpus
    )
    assert item.verdict == "contradicted"


# --- can't be fooled ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "disguise",
    [
        lambda w: w[0] + "\u200b" + w[1:],  # zero-width space
        lambda w: w.replace("a", "\u0430").replace("e", "\u0435").replace("o", "\u043e"),  # Cyrillic look-alikes
        lambda w: w[0] + "\u00ad" + w[1:],  # soft hyphen
        lambda w: w[0] + "\u2060" + w[1:],  # word joiner
    ],
)
def test_hidden_characters_cannot_hide_a_misquote(corpus, disguise):
    base = "This agreement with the UK reflects our shared commitment to ensuring artificial intelligence is developed and deployed {w}"
    (changed,) = check_claims(
        [Claim("x", "t", 1, 1, "quote", base.format(w=disguise("quickly")), "Andrew Charlton")], corpus
    )
    assert changed.verdict == "misquote"
    (same,) = check_claims(
        [Claim("x", "t", 1, 1, "quote", base.format(w=disguise("safely")), "Andrew Charlton")], corpus
    )
    assert same.verdict == "verified"
    assert same.severity == "warning"  # the words are right but the text hides characters
    f = next(f for f in same.findings if f.type == "typography")
    assert "\\u" in f.found


def test_non_breaking_spaces_do_not_split_or_join_words(corpus):
    (it,) = check_claims(
        [Claim("x", "t", 1, 1, "quote", "No\u00a0country can tackle that\u00a0alone", "Narayan")], corpus
    )
    assert it.verdict == "verified"


# --- nothing lost --------------------------------------------------------------------------------

record = st.fixed_dictionaries(
    {"id": st.text(min_size=0, max_size=6), "text": st.one_of(st.text(max_size=60), st.integers(), st.none())},
    optional={
        "speaker": st.one_of(st.text(max_size=20), st.none()),
        "kind": st.sampled_from(["quote", "claim", "", "x"]),
    },
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(record, st.text(max_size=30)), max_size=12))
def test_every_jsonl_record_gives_one_item_or_one_error(lines):
    text = "\n".join(json.dumps(x) if isinstance(x, dict) else x.replace("\n", " ").replace("\r", " ") for x in lines)
    parsed = parse_jsonl(text, "x.jsonl")
    records = [n for n, line in enumerate(text.split("\n"), start=1) if line.strip()]
    got = sorted([c.line for c in parsed.claims] + [e.line for e in parsed.errors])
    assert got == records  # exactly one outcome per non-blank line


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=8), st.text(max_size=40)), max_size=10))
def test_every_csv_record_gives_one_item_or_one_error(rows):
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["id", "text"])
    for r in rows:
        w.writerow(r)
    parsed = parse_csv(buf.getvalue(), "x.csv")
    non_blank = [r for r in rows if any(c.strip() for c in r)]
    assert len(parsed.claims) + len(parsed.errors) == len(non_blank)


def test_a_failed_run_leaves_the_previous_report_whole(tmp_path, monkeypatch):
    out = tmp_path / "r.json"
    assert (
        run("check", DEV_SET / "claims.csv", "--format", "json", "--output", out, "--fail-on", "never").exit_code == 0
    )
    before = out.read_text()

    def explode(*a, **k):
        raise RuntimeError("disk full")

    import factcheck.cli

    monkeypatch.setattr(factcheck.cli.os, "replace", explode)
    result = run("check", DEV_SET / "draft.md", "--format", "json", "--output", out)
    assert result.exit_code != 0
    assert out.read_text() == before
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]  # no temporary file left behind


def test_reports_are_written_only_where_asked(tmp_path):
    write(tmp_path / "d.md", "The agreement was announced on Sunday.\n")
    write(tmp_path / "setup.cfg", f"[factcheck]\nsources = {ROOT / 'sources'}\n")
    run("check", tmp_path / "d.md", cwd=tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.md", "setup.cfg"]


# --- deterministic --------------------------------------------------------------------------------


def test_output_is_byte_identical_whatever_the_hash_seed_and_file_order(tmp_path):
    outs = []
    for seed, order in (("0", "a"), ("4242", "b")):
        src = tmp_path / f"src-{order}"
        files = sorted((ROOT / "sources").iterdir(), reverse=order == "b")
        src.mkdir()
        for f in files:  # created in a different order, so the directory lists differently
            (src / f.name).write_bytes(f.read_bytes())
        for fmt in ("json", "sarif"):
            out = tmp_path / f"{order}.{fmt}"
            env = {**os.environ, "PYTHONHASHSEED": seed}
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "factcheck",
                    "check",
                    str(DEV_SET / "draft.md"),
                    str(DEV_SET / "claims.jsonl"),
                    "--sources",
                    str(src),
                    "--format",
                    fmt,
                    "--output",
                    str(out),
                ],
                env=env,
                cwd=ROOT,
                check=False,
            )
            outs.append(out.read_text().replace(str(src), "SRC"))
    assert outs[0] == outs[2] and outs[1] == outs[3]


# --- property: arbitrary text through the pipeline --------------------------------------------


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(st.text(max_size=400))
def test_any_unicode_source_round_trips(tmp_path_factory, text):
    d = tmp_path_factory.mktemp("p")
    path = d / "s.txt"
    path.write_bytes(text.encode("utf-8"))
    if not text.strip() or "\x00" in text:
        return
    try:
        src = read_source(path)
    except Exception as e:  # only the refusals we mean
        from factcheck.errors import InputError

        assert isinstance(e, InputError)
        return
    from factcheck.corpus import analyse_source

    analyse_source(src)
    for s in src.sentences:
        assert fold(src.text[s.start : s.end]) == s.text
    for q in src.quotes:
        assert " ".join(fold(src.text[p.start : p.end]) for p in q.parts) == q.text
    for m in src.mentions:
        assert fold(src.text[m.start : m.end]) == m.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_any_draft_gives_one_verdict_per_item(corpus, text):
    parsed = parse_draft_text(text, "d.md", corpus.registry)
    items = check_claims(parsed.claims, corpus)
    assert len(items) == len(parsed.claims)
    assert all(
        it.verdict in {"verified", "misquote", "misattributed", "contradicted", "disputed", "unsupported"}
        for it in items
    )


def test_an_overlong_item_is_checked_in_part_and_says_so(corpus):
    (it,) = check_claims([Claim("x", "t", 1, 1, "claim", "the committee kept reviewing " * 2_000)], corpus)
    assert it.severity in ("warning", "error")
    assert any("only its first 300 were checked" in f.message for f in it.findings)
