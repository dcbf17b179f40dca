"""The on-disk index: incremental, never trusted when damaged, and the same answers."""

import json
import shutil
import sqlite3

import pytest

from factcheck import check, load_sources
from factcheck.store import SCHEMA
from tests.conftest import DEV_SET, ROOT, write


@pytest.fixture
def folder(tmp_path):
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    return tmp_path / "sources"


def items(report):
    return [it.to_json() for it in report.items]


def test_unchanged_files_are_not_analysed_again_and_removed_files_leave(folder, tmp_path):
    idx = tmp_path / "i.sqlite"
    first = load_sources(folder, index=idx)
    assert first.index_stats == {"reused": 0, "analysed": 5, "removed": 0, "rebuilt": None}
    assert load_sources(folder, index=idx).index_stats["reused"] == 5
    path = folder / "ukaus-ai-security-alliance.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nA new closing sentence of reporting.\n", encoding="utf-8")
    (folder / "uk-open-source-ai-resilience.txt").unlink()
    third = load_sources(folder, index=idx)
    assert third.index_stats == {"reused": 3, "analysed": 1, "removed": 1, "rebuilt": None}
    assert third.source("ukaus-ai-security-alliance").sentences[-1].text == "A new closing sentence of reporting."


def test_index_gives_the_same_report_as_reading_the_files(folder, tmp_path):
    plain = check([DEV_SET / "draft.md", DEV_SET / "claims.jsonl"], sources=load_sources(folder))
    idx = tmp_path / "i.sqlite"
    load_sources(folder, index=idx)
    cached = load_sources(folder, index=idx)
    assert cached.index_stats["reused"] == 5
    assert items(check([DEV_SET / "draft.md", DEV_SET / "claims.jsonl"], sources=cached)) == items(plain)
    assert [c.to_json() for c in cached.conflicts] == [c.to_json() for c in load_sources(folder).conflicts]


def test_a_file_that_is_not_sqlite_is_rebuilt(folder, tmp_path):
    idx = write(tmp_path / "i.sqlite", b"this is not a database" * 100)
    corpus = load_sources(folder, index=idx)
    assert corpus.index_stats["rebuilt"]
    assert corpus.index_stats["analysed"] == 5


def test_a_tampered_row_is_not_trusted(folder, tmp_path):
    idx = tmp_path / "i.sqlite"
    load_sources(folder, index=idx)
    db = sqlite3.connect(idx)
    db.execute("UPDATE files SET data = ? WHERE path LIKE '%itpro%'", (b"x\x9c" + b"\x00" * 20,))
    db.commit()
    db.close()
    corpus = load_sources(folder, index=idx)
    assert corpus.index_stats["reused"] == 4 and corpus.index_stats["analysed"] == 1
    assert len(corpus.source("ukaus-itpro").quotes) == 6


def test_another_version_is_rebuilt(folder, tmp_path):
    idx = tmp_path / "i.sqlite"
    load_sources(folder, index=idx)
    db = sqlite3.connect(idx)
    db.execute("UPDATE meta SET value = 'factcheck.index/0' WHERE key = 'schema'")
    db.commit()
    db.close()
    corpus = load_sources(folder, index=idx)
    assert "another version" in corpus.index_stats["rebuilt"]
    db = sqlite3.connect(idx)
    assert db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()[0] == SCHEMA


def test_rows_are_json_not_pickle(folder, tmp_path):
    import zlib

    idx = tmp_path / "i.sqlite"
    load_sources(folder, index=idx)
    (data,) = sqlite3.connect(idx).execute("SELECT data FROM files LIMIT 1").fetchone()
    obj = json.loads(zlib.decompress(data))
    assert set(obj) == {"source", "registry"}


def test_index_command_and_check_use_it(folder, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from factcheck.cli import main

    monkeypatch.chdir(tmp_path)
    write(tmp_path / "setup.cfg", f"[factcheck]\nsources = {folder}\n")
    out = CliRunner().invoke(main, ["index"]).output
    assert out.endswith("(5 analysed, 0 unchanged, 0 removed)\n")
    out = CliRunner().invoke(main, ["index"]).output
    assert out.endswith("(0 analysed, 5 unchanged, 0 removed)\n")
    write(tmp_path / ".factcheck" / "index.sqlite", b"garbage")
    result = CliRunner().invoke(main, ["check", str(DEV_SET / "claims.csv"), "--fail-on", "never"])
    assert result.exit_code == 0
    assert "could not be trusted" in result.output
