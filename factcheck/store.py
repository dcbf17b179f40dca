"""The on-disk index: each source's analysis kept in SQLite, keyed by the file's content hash.

A file whose hash is unchanged is not analysed again; a removed file leaves the index. Rows
are compressed JSON (never pickle: an index found in a repository must not be able to run
code in a CI gate), each with a checksum. A file that is not SQLite, fails SQLite's own check,
has another schema or factcheck version, or holds a row whose checksum does not match is
not trusted: it is deleted and built again. Writes happen in one transaction, so a run that
dies half way leaves the previous index whole.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import zlib
from pathlib import Path

from . import __version__
from .entities import AliasRegistry
from .ingest import DEFAULT_MAX_BYTES, read_source
from .model import Mention, Paragraph, Quote, Sentence, Source, Span

SCHEMA = "factcheck.index/1"


class CorruptIndex(Exception):
    pass


# --- (de)serialising one analysed source ---------------------------------------------------


def source_to_dict(src: Source) -> dict:
    return {
        "id": src.id,
        "path": src.path,
        "text": src.text,
        "meta": src.meta,
        "encoding": src.encoding,
        # vars(), not dataclasses.asdict: these hold only plain values, and asdict's deep
        # copies were a quarter of the time it took to build the index
        "paragraphs": [vars(p) for p in src.paragraphs],
        "sentences": [vars(s) for s in src.sentences],
        "quotes": [{**vars(q), "parts": [[p.start, p.end] for p in q.parts]} for q in src.quotes],
        "mentions": [vars(m) for m in src.mentions],
    }


def source_from_dict(d: dict) -> Source:
    src = Source(d["id"], d["path"], d["text"], d["meta"], encoding=d["encoding"])
    src.paragraphs = [Paragraph(**p) for p in d["paragraphs"]]
    src.sentences = [Sentence(**s) for s in d["sentences"]]
    src.quotes = [Quote(**{**q, "parts": [Span(a, b) for a, b in q["parts"]]}) for q in d["quotes"]]
    src.mentions = [Mention(**m) for m in d["mentions"]]
    return src


def _pack(obj: dict) -> tuple[bytes, str]:
    data = zlib.compress(json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)
    return data, hashlib.sha256(data).hexdigest()


def _unpack(data: bytes, checksum: str) -> dict:
    if hashlib.sha256(data).hexdigest() != checksum:
        raise CorruptIndex("a row's checksum does not match")
    try:
        return json.loads(zlib.decompress(data).decode("utf-8"))
    except (zlib.error, ValueError) as e:
        raise CorruptIndex(f"a row cannot be read ({e})") from None


# --- the database ---------------------------------------------------------------------------


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(str(path))
    db.execute("PRAGMA journal_mode=WAL")
    return db


def _check(db: sqlite3.Connection) -> None:
    try:
        ok = db.execute("PRAGMA quick_check").fetchone()[0]
        if ok != "ok":
            raise CorruptIndex(f"SQLite quick_check: {ok}")
        meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.DatabaseError as e:
        raise CorruptIndex(str(e)) from None
    if meta.get("schema") != SCHEMA or meta.get("version") != __version__:
        raise CorruptIndex(f"built by another version ({meta.get('schema')}, factcheck {meta.get('version')})")


def _create(db: sqlite3.Connection) -> None:
    db.executescript(
        """
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS files(
            path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, size INTEGER NOT NULL,
            data BLOB NOT NULL, checksum TEXT NOT NULL
        );
        """
    )
    db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA,))
    db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (__version__,))
    db.commit()


def _remove(path: Path) -> None:
    for p in (path, Path(str(path) + "-wal"), Path(str(path) + "-shm")):
        if p.exists():
            p.unlink()


def open_index(path: str | Path) -> tuple[sqlite3.Connection, str | None]:
    """The index database, built anew when what is there cannot be trusted; also why it was
    rebuilt (None when it was fine or new)."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    reason = None
    if p.exists():
        try:
            db = _connect(p)
            _check(db)
            return db, None
        except (CorruptIndex, sqlite3.DatabaseError) as e:
            reason = str(e)
            with contextlib.suppress(Exception):
                db.close()
            _remove(p)
    db = _connect(p)
    _create(db)
    return db, reason


def load_indexed(
    files: list[Path], index_path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[Source], list[AliasRegistry], dict]:
    """Sources and their registries, from the index where a file is unchanged, analysed and
    stored where not; removed files are dropped. Returns also what was done."""
    db, rebuilt = open_index(index_path)
    stats = {"reused": 0, "analysed": 0, "removed": 0, "rebuilt": rebuilt}
    try:
        known = {
            row[0]: (row[1], row[2], row[3]) for row in db.execute("SELECT path, sha256, data, checksum FROM files")
        }
    except sqlite3.DatabaseError as e:  # damage quick_check did not see: start again, once
        db.close()
        _remove(Path(index_path))
        db, _ = open_index(index_path)
        known = {}
        stats["rebuilt"] = str(e)
    sources, registries = [], []
    wanted = set()
    try:
        with db:  # one transaction: all of this run's changes, or none
            slots: list = []  # per file, in order: a loaded (source, registry) or a file to analyse
            todo: list[tuple[int, Path, str, int]] = []
            for f in files:
                key = str(f)
                wanted.add(key)
                size = f.stat().st_size
                if size > max_bytes:
                    read_source(f, max_bytes)  # raises the usual error naming the file
                digest = hashlib.sha256(f.read_bytes()).hexdigest()
                row = known.get(key)
                obj = None
                if row is not None and row[0] == digest:
                    try:
                        obj = _unpack(row[1], row[2])
                    except CorruptIndex:
                        obj = None
                if obj is not None:
                    slots.append((source_from_dict(obj["source"]), AliasRegistry.from_export(obj["registry"])))
                    stats["reused"] += 1
                else:
                    slots.append(None)
                    todo.append((len(slots) - 1, f, digest, size))
            for (n, f, digest, size), (packed, checksum) in zip(
                todo, _analyse_all([f for _, f, _, _ in todo], max_bytes), strict=True
            ):
                db.execute(
                    "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)", (str(f), digest, size, packed, checksum)
                )
                obj = _unpack(packed, checksum)
                slots[n] = (source_from_dict(obj["source"]), AliasRegistry.from_export(obj["registry"]))
                stats["analysed"] += 1
            for src, reg in slots:
                sources.append(src)
                registries.append(reg)
            for key in set(known) - wanted:
                db.execute("DELETE FROM files WHERE path = ?", (key,))
                stats["removed"] += 1
    finally:
        db.close()
    return sources, registries, stats


def _analyse_one(args: tuple[str, int]) -> tuple[bytes, str]:
    """Read and analyse one file; the packed row (a worker process's job)."""
    from .corpus import analyse_source

    path, max_bytes = args
    f = Path(path)
    src = read_source(f, max_bytes, f.stem)
    reg = analyse_source(src)
    return _pack({"source": source_to_dict(src), "registry": reg.export()})


PARALLEL_FROM = 64  # files to analyse before worker processes are worth starting


def _analyse_all(files: list[Path], max_bytes: int) -> list[tuple[bytes, str]]:
    """Every file analysed on its own (analysis never looks across files), in worker processes
    when there are many; the results come back in the order of ``files``."""
    jobs = [(str(f), max_bytes) for f in files]
    workers = min(os.cpu_count() or 1, 8)
    if len(jobs) < PARALLEL_FROM or workers < 2:
        return [_analyse_one(j) for j in jobs]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_analyse_one, jobs, chunksize=16))
