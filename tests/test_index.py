"""The on-disk index: incremental, never trusted when damaged, and the same answers."""

import json
import shutil
import sqlite3

import pytest

from factcheck import Claim, Settings, build_index, check, check_claims, load_sources, store
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


def test_a_new_index_is_built_without_the_log_and_kept_with_it(folder, tmp_path, monkeypatch):
    # built with a rollback journal (the log would hold every new page twice), then left in
    # write-ahead-log mode for the refreshes and the checks that read it
    idx = tmp_path / "i.sqlite"
    modes = []
    real_write = store._write_row

    def write_row(db, *args):
        modes.append(db.execute("PRAGMA journal_mode").fetchone()[0])
        return real_write(db, *args)

    monkeypatch.setattr(store, "_write_row", write_row)
    build_index(folder, idx)
    assert modes == ["delete"] * 5
    with sqlite3.connect(idx) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    (folder / "extra.txt").write_text("The council approved 12 new homes on Monday.\n", encoding="utf-8")
    modes.clear()
    built = build_index(folder, idx)
    assert modes == ["wal"] and built.stats["analysed"] == 1 and built.stats["reused"] == 5
    with sqlite3.connect(idx) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert not (tmp_path / "i.sqlite-journal").exists()


def test_build_index_stores_what_a_load_stores_without_a_retrieval_index(folder, tmp_path, monkeypatch):
    """``build_index`` (``factcheck index``) writes the rows and the saved name conflicts a
    load writes, makes no retrieval index and no sentence, and a check afterwards reuses every
    file and gives the report of an index a load built."""
    import factcheck.index as ix
    import factcheck.store as store

    def no_retrieval(*_a, **_k):
        raise AssertionError("build_index made a retrieval index")

    by_load = tmp_path / "load.sqlite"
    load_sources(folder, index=by_load)
    with monkeypatch.context() as m:
        m.setattr(ix.IndexBuilder, "add", no_retrieval)
        m.setattr(ix.IndexBuilder, "finish", no_retrieval)
        m.setattr(ix.Index, "build", no_retrieval)
        m.setattr(store, "Sentence", no_retrieval)  # the sentences of the rows read back
        built = build_index(folder, tmp_path / "built.sqlite")
    assert (built.sources, built.stats) == (5, {"reused": 0, "analysed": 5, "removed": 0, "rebuilt": None})
    plain = load_sources(folder)
    assert built.sentences == len(plain.sentences) and built.quotes == len(plain.quotes)

    def rows(path):
        db = sqlite3.connect(path)
        try:
            files = db.execute("SELECT path, sha256, core, detail, registry, terms, gathered FROM files ORDER BY path")
            return files.fetchall(), db.execute("SELECT key, state, value FROM archive ORDER BY key").fetchall()
        finally:
            db.close()

    assert rows(tmp_path / "built.sqlite") == rows(by_load)
    again = build_index(folder, tmp_path / "built.sqlite")
    assert again.stats["reused"] == 5 and again.sentences == built.sentences
    corpus = load_sources(folder, index=tmp_path / "built.sqlite")
    assert corpus.index_stats["reused"] == 5
    drafts = [DEV_SET / "draft.md", DEV_SET / "claims.jsonl"]
    assert items(check(drafts, sources=corpus)) == items(check(drafts, sources=plain))


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
    db.execute("UPDATE files SET core = ? WHERE path LIKE '%itpro%'", (b"x\x9c" + b"\x00" * 20,))
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


def test_an_index_made_by_other_code_of_the_same_version_is_rebuilt(folder, tmp_path, monkeypatch):
    """An editable install whose checkout changed keeps its version number; what the old code
    made of each file is not reused."""
    idx = tmp_path / "i.sqlite"
    load_sources(folder, index=idx)
    assert load_sources(folder, index=idx).index_stats["reused"] == 5
    monkeypatch.setattr(store, "code_stamp", lambda: "other code")
    corpus = load_sources(folder, index=idx)
    assert "other factcheck code" in corpus.index_stats["rebuilt"]
    assert corpus.index_stats["analysed"] == 5
    assert load_sources(folder, index=idx).index_stats["reused"] == 5


def test_the_code_stamp_is_a_hash_of_the_package_modules():
    stamp = store.code_stamp()
    assert len(stamp) == 64 and stamp == store.code_stamp()


def test_rows_are_json_not_pickle(folder, tmp_path):
    """Rows are plain JSON (Zstandard-compressed) that any JSON reader takes."""
    import zstandard

    def unzip(b):
        return zstandard.ZstdDecompressor().decompress(b)

    idx = tmp_path / "i.sqlite"
    load_sources(folder, index=idx)
    db = sqlite3.connect(idx)
    core, detail, registry, terms = db.execute("SELECT core, detail, registry, terms FROM files LIMIT 1").fetchone()
    assert {"id", "text", "sentences", "quotes"} <= set(json.loads(unzip(core)))
    assert set(json.loads(unzip(detail))) == {"paragraphs", "mentions"}
    assert set(json.loads(unzip(registry))) == {"people", "orgs", "acronyms"}
    sentence_terms, _quote_terms = json.loads(unzip(terms))
    assert sentence_terms and all(isinstance(t, str) for ts in sentence_terms for t in ts)
    gathered = [json.loads(unzip(g)) for (g,) in db.execute("SELECT gathered FROM files")]
    assert all(set(g) == {"orgs", "parties", "status"} for g in gathered)
    (conflicts,) = db.execute("SELECT value FROM archive WHERE key = 'name_conflicts'").fetchone()
    assert set(json.loads(unzip(conflicts))) == {"conflicts", "speakers", "holders_by_place"}


def test_packed_rows_are_the_standard_librarys_json():
    """Rows are compact UTF-8 JSON that the standard library reads back into the same objects
    (orjson writes a float's exponent as 1e-7 where ``json`` writes 1e-07; the value is the
    same), and anything else is a corrupt row."""
    import zstandard

    from factcheck.store import CorruptIndex, _pack, _unpack

    obj = {
        "text": 'Zoë Öztürk said "No" \u2014 \U0001f600 \\ \t',
        "rows": [[0, -3, 2**40, 1.5, 1e-7, None, True, False, ""]],
        "nested": {"a": {"b": []}},
    }
    raw = zstandard.ZstdDecompressor().decompress(_pack(obj))
    assert json.loads(raw) == obj
    assert "Zoë Öztürk".encode() in raw and b", " not in raw
    without_floats = {k: v for k, v in obj.items() if k != "rows"}
    assert _pack(without_floats) == zstandard.ZstdCompressor(level=1).compress(
        json.dumps(without_floats, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    )
    assert _unpack(_pack(obj)) == obj
    not_json = zstandard.ZstdCompressor().compress(b"{not json")
    for bad in (b"", b"junk", not_json, _pack(obj)[:-3]):
        with pytest.raises(CorruptIndex):
            _unpack(bad)


def test_where_name_conflicts_are_held_is_saved_with_them(folder, tmp_path, monkeypatch):
    """The holders sorted by their sources' places are saved with the name conflicts, read
    back instead of made again, and give each source the conflicts reading the files gives."""
    import numpy as np

    from factcheck.corpus import Corpus
    from factcheck.store import pack_rows, unpack_rows

    plain = load_sources(folder)
    idx = tmp_path / "i.sqlite"
    load_sources(folder, index=idx)
    stored = load_sources(folder, index=idx)
    assert np.array_equal(stored._holders_by_place, plain.holders_by_place())
    assert stored._holders_by_place.shape[1] > 0 and stored._holders_by_place.dtype == np.int64
    want = {src.id: [(s, e, c.to_json()) for s, e, c in plain.name_conflicts_at(src.id)] for src in plain.sources}
    assert any(want.values())
    monkeypatch.setattr(Corpus, "_holders", lambda self: pytest.fail("made again"))
    for src in plain.sources:
        assert [(s, e, c.to_json()) for s, e, c in stored.name_conflicts_at(src.id)] == want[src.id]
    assert stored.name_conflicts_at("no such source") == []
    monkeypatch.undo()
    # saved for another set of holders (cannot be, but is not trusted): made again
    import factcheck.store as store

    real = store.unpack_rows
    monkeypatch.setattr(store, "unpack_rows", lambda value: real(value)[:, :-1])
    stale = load_sources(folder, index=idx)
    monkeypatch.undo()
    assert stale._holders_by_place is None
    src = plain.sources[0].id
    assert [c.id for _, _, c in stale.name_conflicts_at(src)] == [c.id for _, _, c in plain.name_conflicts_at(src)]
    # packed whole and read back whole; a value an older version saved, or a damaged one, is none
    rows = np.arange(-3, 9, dtype=np.int64).reshape(4, 3)
    assert np.array_equal(unpack_rows(json.loads(json.dumps(pack_rows(rows)))), rows)
    for bad in (None, [1, 2], {"shape": [4, 3], "int64": "!!"}, {"shape": [4, 4], "int64": pack_rows(rows)["int64"]}):
        assert unpack_rows(bad) is None


def test_details_are_read_from_the_index_when_asked_for(folder, tmp_path):
    plain = load_sources(folder)
    idx = tmp_path / "i.sqlite"
    load_sources(folder, index=idx)
    stored = load_sources(folder, index=idx)
    for a, b in zip(plain.sources, stored.sources, strict=True):
        assert "mentions" not in vars(b) and "paragraphs" not in vars(b)  # left on disk
        assert b.mentions == a.mentions and b.paragraphs == a.paragraphs
        assert b.sentences == a.sentences and b.quotes == a.quotes and b.text == a.text


def test_what_each_source_brings_to_the_conflicts_is_kept_with_its_row(folder, tmp_path, monkeypatch):
    import sys

    from factcheck.audit import gather

    plain = load_sources(folder)
    idx = tmp_path / "i.sqlite"
    load_sources(folder, index=idx)
    stored = load_sources(folder, index=idx)

    def not_again(src):
        raise AssertionError(f"{src.id} was analysed again")

    monkeypatch.setattr(sys.modules["factcheck.audit"], "gather", not_again)  # read from the rows
    kept = {src.id: facts for src, facts in stored.gathered()}
    monkeypatch.undo()
    assert kept == {src.id: gather(src) for src in plain.sources}
    assert any(kept[s]["orgs"] for s in kept) and any(kept[s]["status"] for s in kept)
    assert any(kept[s]["parties"] for s in kept)


def test_saved_conflicts_are_used_only_for_the_same_archive(folder, tmp_path):
    idx = tmp_path / "i.sqlite"
    first = load_sources(folder, index=idx)
    want = [c.to_json() for c in first.name_conflicts]
    assert [c.to_json() for c in load_sources(folder, index=idx).name_conflicts] == want
    # tampered: not trusted, worked out again
    db = sqlite3.connect(idx)
    db.execute("UPDATE archive SET value = ? WHERE key = 'name_conflicts'", (b"x\x9c" + b"\x00" * 20,))
    db.commit()
    db.close()
    assert [c.to_json() for c in load_sources(folder, index=idx).name_conflicts] == want
    # accepted aliases change the conflicts: not the saved ones
    aliased = load_sources(folder, index=idx, aliases={"Australian Safety Institute": "Australian AI Safety Institute"})
    assert len(aliased.name_conflicts) < len(want)
    # a changed source changes them too
    f = next(folder.glob("*itpro*"))
    f.write_text(f.read_text(encoding="utf-8").replace("Australian", "Austrian"), encoding="utf-8")
    changed = load_sources(folder, index=idx)
    assert changed.index_stats["analysed"] == 1
    assert [c.to_json() for c in changed.name_conflicts] == [c.to_json() for c in load_sources(folder).name_conflicts]


def test_index_command_and_check_use_it(folder, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from factcheck.cli import main

    monkeypatch.chdir(tmp_path)
    write(tmp_path / "setup.cfg", f"[factcheck]\nsources = {folder}\n")
    out = CliRunner().invoke(main, ["index"]).output
    assert out.endswith("(5 analysed, 0 unchanged, 0 removed)\n")
    out = CliRunner().invoke(main, ["index"]).output
    assert out.endswith("(0 analysed, 5 unchanged, 0 removed)\n")
    plain = load_sources(folder)
    assert f"5 sources, {len(plain.sentences)} sentences, {len(plain.quotes)} quotes" in out
    write(tmp_path / ".factcheck" / "index.sqlite", b"garbage")
    out = CliRunner().invoke(main, ["index"]).output
    assert "could not be trusted" in out and out.endswith("(5 analysed, 0 unchanged, 0 removed)\n")
    write(tmp_path / ".factcheck" / "index.sqlite", b"garbage")
    result = CliRunner().invoke(main, ["check", str(DEV_SET / "claims.csv"), "--fail-on", "never"])
    assert result.exit_code == 0
    assert "could not be trusted" in result.output


def _near_duplicates(tmp_path, n=600):
    """An archive of sentences alike but for their numbers, years (each once) and places."""
    folder = tmp_path / "dups"
    folder.mkdir()
    lines = [
        f"In {1400 + i}, the Lagos Health Institute recorded {100 + i} complaints about solar farms "
        f"across {'Lagos' if i % 2 else 'Leeds'} and nearby towns."
        for i in range(n)
    ]
    for a in range(0, n, 25):
        (folder / f"a{a:04d}.txt").write_text("\n".join(lines[a : a + 25]) + "\n", encoding="utf-8")
    return load_sources(folder), lines


def test_a_changed_number_finds_the_sentence_it_was_changed_from(tmp_path, monkeypatch):
    # hundreds of sentences share every word: the shortlist must not be cut among those ties
    # by position, and the changed number (shared by another sentence) must not outweigh the
    # sentence that says the same with the right number
    import factcheck.index
    from factcheck.classify import match_claim

    # as in a large archive: the postings budget admits only the three rarest words
    monkeypatch.setattr(factcheck.index, "POSTINGS_BUDGET", 10)
    corpus, lines = _near_duplicates(tmp_path)
    origin = lines[-1]  # the last: cutting ties by position would leave it out
    claim = origin.replace("699", "650")  # 650 is another sentence's (of another year and place)
    assert "650" in " ".join(lines)
    found = [(e.source, e.number) for e in corpus.index.candidates(claim, "sentence", limit=30)]
    want = next((s.source, s.index) for src in corpus.sources for s in src.sentences if s.text == origin)
    assert want in found
    best = match_claim(claim, corpus, Settings())[0]
    assert best.sentence.text == origin
    it = check_claims([Claim("c", "t", 1, 1, "claim", claim)], corpus)[0]
    assert it.verdict == "contradicted"
    assert [(f.type, f.expected, f.found) for f in it.findings] == [("number", "699", "650")]


def test_partial_weights_cap_numbers_at_the_lightest_word():
    from factcheck.index import partial_weights

    idf = {"solar": 2.5, "lago": 2.0, "699": 7.0}
    assert partial_weights(["solar", "lago", "699"], idf) == {"solar": 2.5, "lago": 2.0, "699": 2.0}
    assert partial_weights(["699"], idf) == {"699": 7.0}  # nothing to weigh it against


def test_a_row_with_a_good_checksum_that_cannot_be_read_is_analysed_again(folder, tmp_path):
    from factcheck.store import _checksum

    idx = tmp_path / "i.sqlite"
    load_sources(folder, index=idx)
    db = sqlite3.connect(idx)
    path, detail, registry, terms = db.execute(
        "SELECT path, detail, registry, terms FROM files WHERE path LIKE '%itpro%'"
    ).fetchone()
    core = b"not zstandard at all"
    db.execute(
        "UPDATE files SET core = ?, checksum = ? WHERE path = ?",
        (core, _checksum([core, detail, registry, terms]), path),
    )
    db.commit()
    db.close()
    corpus = load_sources(folder, index=idx)
    assert corpus.index_stats["reused"] == 4 and corpus.index_stats["analysed"] == 1
    assert len(corpus.source("ukaus-itpro").quotes) == 6
    assert load_sources(folder, index=idx).index_stats["reused"] == 5  # and the row is good again


@pytest.mark.parametrize("seed", range(6))
def test_scores_by_set_of_terms_equal_scores_by_sorting_the_hits(seed):
    """The three ways of adding up an entry's weights find the same best entries, ties and all."""
    import numpy as np

    from factcheck.index import _sum_by_bits, _sum_by_sorting, _sum_by_subset, _to_bits

    rng = np.random.default_rng(seed)
    size = 5_000
    k = int(rng.integers(1, 8))
    lists = [np.sort(rng.choice(size, int(rng.integers(0, 1_500)), replace=False)).astype(np.int32) for _ in range(k)]
    # equal weights on purpose: sets of terms that tie
    weights = [float(w) for w in rng.choice([0.7, 1.3, 2.9], k)]
    bitsets = [_to_bits(p, (size + 63) // 64) for p in lists]
    sparse = np.array([0, 3, 63, 64, 65, 4_999], dtype=np.int32)  # too few to pack byte by byte
    for p, b in [*zip(lists, bitsets, strict=True), (sparse, _to_bits(sparse, (size + 63) // 64))]:
        assert np.flatnonzero(np.unpackbits(b.view(np.uint8), bitorder="little")).tolist() == p.tolist()
    for n in (1, 5, 40, 10_000):
        b = _sum_by_sorting(lists, weights, n)
        ob = np.lexsort((b[0], -b[1]))
        for a in (_sum_by_subset(lists, weights, size, n), _sum_by_bits(bitsets, weights, n)):
            oa = np.lexsort((a[0], -a[1]))
            assert a[0][oa].tolist() == b[0][ob].tolist() and a[1][oa].tolist() == b[1][ob].tolist()
            if len(a[0]) and n < len(set(np.concatenate(lists).tolist())):
                assert len(a[0]) >= n


def test_rescoring_adds_the_weight_of_every_term_an_entry_holds():
    """Common terms are read from their bitsets, rare ones from their postings: either way each
    entry scores the weights of the item's terms it holds, and nothing for those it lacks."""
    import random

    import numpy as np

    from factcheck.index import COMMON, IndexBuilder

    rng = random.Random(3)
    words = [f"w{i}" for i in range(40)]
    builder = IndexBuilder()
    held = []
    for s in range(50):
        sentences = []
        for _ in range(20):
            # w0..w4 on most sentences (common: bitsets), the rest rarely
            terms = {w for w in words[:5] if rng.random() < 0.5} | {w for w in words[5:] if rng.random() < 0.005}
            sentences.append(sorted(terms))
            held.append(set(terms))
        builder.add(f"s{s}", s, (sentences, []))
    index = builder.finish()
    kind = index.kinds["sentence"]
    common = {index.vocab[t] for t in range(len(index.vocab)) if kind.common(t)}
    assert set(words[:5]) <= common and common.isdisjoint(words[10:])  # both ways are exercised
    assert kind.n >= COMMON
    idf = {w: index.idf("sentence", w) for w in ["w0", "w3", "w7", "w12", "w33", "absent"]}
    entries = np.array(rng.sample(range(kind.n), 300), dtype=np.int64)
    got = index._rescore("sentence", entries, idf)
    want = [round(sum(w for t, w in sorted(idf.items()) if t in held[e]), 9) for e in entries.tolist()]
    assert got.tolist() == want
    assert any(held[e] & {"w7", "w12", "w33"} for e in entries.tolist())  # a rare term is held somewhere
    assert kind.common_terms() == [t for t in range(len(index.vocab)) if kind.common(t)]
    # no quotes at all: no term is common among them, and warming makes nothing for them
    quotes = index.kinds["quote"]
    assert quotes.n == 0 and quotes.common_terms() == []
    index.warm()
    assert quotes._bits == {} and set(kind._bits) == set(kind.common_terms())


def test_worker_processes_are_counted_from_the_cores_this_process_may_use(monkeypatch):
    import os

    from factcheck.store import MAX_WORKERS, worker_count

    if not hasattr(os, "sched_getaffinity"):
        pytest.skip("no CPU affinity on this platform")
    monkeypatch.setattr(os, "cpu_count", lambda: 64)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1})
    assert worker_count() == 2  # a container's share, not the machine's 64 cores
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: set(range(32)))
    assert worker_count() == MAX_WORKERS


def test_a_loaded_archive_is_frozen_before_the_collector_is_on_again(folder, tmp_path, monkeypatch):
    """Everything made while loading is in the collector's youngest generation: frozen
    first, the collector's first pass after the load does not walk it (a second at a million
    sentences). The collector is on again after, as it was before."""
    import gc

    idx = tmp_path / "i.sqlite"
    load_sources(folder, index=idx)
    seen = []
    real_freeze = gc.freeze
    monkeypatch.setattr(gc, "freeze", lambda: (seen.append(gc.isenabled()), real_freeze()))
    assert gc.isenabled()
    load_sources(folder, index=idx)
    assert seen == [False] and gc.isenabled()
