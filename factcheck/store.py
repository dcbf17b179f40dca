"""The on-disk index: each source's analysis kept in SQLite, keyed by the file's content hash.

A file whose hash is unchanged is not analysed again; a removed file leaves the index. Rows
are JSON compressed with Zstandard (never pickle: an index found in a repository must not be
able to run code in a CI gate), each with a checksum. A file that is not SQLite, fails
SQLite's own check, or was made by another schema, factcheck version or factcheck code (a
checkout changed in place keeps its version number) is not trusted: it is deleted
and built again; a row whose checksum does not match, or that cannot be read, is analysed
again. Writes happen in one transaction, so a run that dies half way leaves the previous index
whole.

Besides each file's rows, the ``archive`` table keeps what looks across all files (the name
conflicts), stamped with the state of the archive it was worked out for and checksummed; it
is used only for that state.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import sqlite3
import threading
from operator import attrgetter
from pathlib import Path

import orjson
import zstandard

from . import __version__
from .entities import AliasRegistry, RegistryMerge
from .index import IndexBuilder
from .ingest import DEFAULT_MAX_BYTES, read_source
from .model import Mention, Paragraph, Quote, Sentence, Source, Span

SCHEMA = "factcheck.index/5"


class CorruptIndex(Exception):
    pass


# --- (de)serialising one analysed source ---------------------------------------------------
#
# A source is kept in five parts, so that loading an archive reads only what checking needs:
# ``core`` (text, sentences, quotes), ``detail`` (paragraphs and mentions, read when asked
# for), the source's own ``registry`` of names, the index ``terms`` of each sentence
# and quote, and what it brings to the conflicts across sources (``gathered``, see
# :func:`factcheck.audit.gather`; read only when those must be worked out again).


def source_core(src: Source) -> dict:
    return {
        "id": src.id,
        "path": src.path,
        "text": src.text,
        "meta": src.meta,
        "encoding": src.encoding,
        "sentences": [[s.paragraph, s.start, s.end, s.text, s.heading, s.context] for s in src.sentences],
        "quotes": [
            [[[p.start, p.end] for p in q.parts], q.text, q.speaker, q.title, q.sentence, q.partial, q.attribution]
            for q in src.quotes
        ],
    }


# Paragraphs and mentions are kept as rows of their fields, in the order of the classes'
# fields (a mention without its source, the row's own): most of an archive's rows are
# mentions, and rows take less time to encode and less room than objects naming each field.
PARAGRAPH_ROW = attrgetter("index", "start", "end", "line", "boilerplate", "metadata")
MENTION_ROW = attrgetter("kind", "start", "end", "text", "canonical", "person", "boilerplate")


def source_detail(src: Source) -> dict:
    return {
        "paragraphs": [PARAGRAPH_ROW(p) for p in src.paragraphs],
        "mentions": [MENTION_ROW(m) for m in src.mentions],
    }


def core_to_source(d: dict, cls=Source, sentences: bool = True) -> Source:
    """The source a core row holds; without ``sentences``, its sentences are left unmade
    (``src.sentences`` is None): an index build reads none of them, and at a million sentences
    they are a million objects made and freed."""
    src = cls.__new__(cls)
    sid = d["id"]
    src.id, src.path, src.text, src.meta, src.encoding = sid, d["path"], d["text"], d["meta"], d["encoding"]
    src.norm, src.norm_paragraphs, src.norm_sentences = None, [], []
    # one string object for the source id and the speakers, not one per sentence and quote
    src.sentences = (
        [
            Sentence(sid, i, para, a, b, text, heading, ctx)
            for i, (para, a, b, text, heading, ctx) in enumerate(d["sentences"])
        ]
        if sentences
        else None
    )
    names: dict[str, str] = {}
    src.quotes = [
        Quote(
            sid,
            i,
            [Span(a, b) for a, b in parts],
            text,
            names.setdefault(speaker, speaker) if speaker else None,
            title,
            sentence,
            partial,
            how,
        )
        for i, (parts, text, speaker, title, sentence, partial, how) in enumerate(d["quotes"])
    ]
    return src


def detail_parts(d: dict, source_id: str) -> tuple[list[Paragraph], list[Mention]]:
    return [Paragraph(*p) for p in d["paragraphs"]], [Mention(source_id, *m) for m in d["mentions"]]


class StoredSource(Source):
    """A source loaded from the index: its text, sentences and quotes are held; paragraphs and
    mentions are read from the index when asked for (they are what an archive is mostly made
    of, and checking does not need them)."""

    _store: SourceStore | None = None

    def __getattr__(self, name: str):
        if name in ("paragraphs", "mentions") and self._store is not None:
            paragraphs, mentions = self._store.detail(self.id)
            return paragraphs if name == "paragraphs" else mentions
        raise AttributeError(name)


class SourceStore:
    """Reads sources' details from the index, a few hundred at a time in memory."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.registry: AliasRegistry | None = None  # the merged registry, once there is one
        self._db: sqlite3.Connection | None = None
        self._pid = 0
        self._paths: dict[str, str] = {}
        self._cache: dict[str, tuple] = {}

    def _conn(self) -> sqlite3.Connection:
        if self._db is None or self._pid != os.getpid():  # a forked worker opens its own
            self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._db

    def detail(self, source_id: str) -> tuple[list[Paragraph], list[Mention]]:
        hit = self._cache.pop(source_id, None)
        if hit is None:
            row = self._conn().execute("SELECT detail FROM files WHERE path = ?", (self._paths[source_id],)).fetchone()
            if row is None:
                raise CorruptIndex(f"the index lost {source_id}")
            paragraphs, mentions = detail_parts(_unpack(row[0]), source_id)
            if self.registry is not None:
                canonicalise_mentions(mentions, self.registry)
            hit = (paragraphs, mentions)
            if len(self._cache) >= DETAIL_CACHE:
                self._cache.pop(next(iter(self._cache)))
        self._cache[source_id] = hit  # most recently used last
        return hit


DETAIL_CACHE = 256


def canonicalise_mentions(mentions: list[Mention], registry: AliasRegistry) -> None:
    for m in mentions:
        if m.kind == "person":
            m.canonical = registry.canonical_person(m.canonical)
        if m.person:
            m.person = registry.canonical_person(m.person)


# Every file's five parts are packed by the build's workers and three are unpacked by every
# load: orjson writes the same JSON as the standard library's ``json`` (compact, UTF-8) in a
# seventh of the time and reads it in 60%, and Zstandard at level 1 compresses as well as zlib
# at level 1 in a third of the time and decompresses in a third (measured on the benchmark's
# rows: packing went from 15 to 3.7 µs a sentence).
#
# A Zstandard context costs ten times what it packs a row in, and is not safe to share
# between threads: each thread keeps its own.
_contexts = threading.local()


def _zstd() -> tuple[zstandard.ZstdCompressor, zstandard.ZstdDecompressor]:
    try:
        return _contexts.pair
    except AttributeError:
        _contexts.pair = zstandard.ZstdCompressor(level=1), zstandard.ZstdDecompressor()
        return _contexts.pair


def _pack(obj: dict) -> bytes:
    return _zstd()[0].compress(orjson.dumps(obj))


def _checksum(blobs) -> str:
    h = hashlib.sha256()
    for b in blobs:
        h.update(len(b).to_bytes(8, "little"))
        h.update(b)
    return h.hexdigest()


def _unpack(data: bytes) -> dict:
    try:
        return orjson.loads(_zstd()[1].decompress(data))
    except (zstandard.ZstdError, ValueError, MemoryError) as e:
        raise CorruptIndex(f"a row cannot be read ({e})") from None


# --- the database ---------------------------------------------------------------------------


def _connect(path: Path, wal: bool = True) -> sqlite3.Connection:
    """A connection to the index. It is kept in write-ahead-log mode, where a check reading it
    does not wait for a refresh writing it, except while it is first built (``wal=False``):
    the log would hold every page of the new file, written to it again when it is closed
    (at a million sentences, 250 MB twice and 0.5 s at the end of the build), where a
    rollback journal keeps nothing for pages the file did not have.
    :func:`load_indexed` turns the log on once its transaction is committed."""
    db = sqlite3.connect(str(path))
    if wal:
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
    if meta.get("code") != code_stamp():
        raise CorruptIndex("built by other factcheck code (the same version number, changed in place)")


@functools.cache
def code_stamp() -> str:
    """A hash of factcheck's own modules: an index stores what they made of each file, so an
    index made by other code, under the same version number (an editable install whose
    checkout was pulled or edited), is made again rather than trusted."""
    h = hashlib.sha256()
    for p in sorted(Path(__file__).parent.glob("*.py")):
        h.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def _create(db: sqlite3.Connection) -> None:
    db.executescript(
        """
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS files(
            path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, size INTEGER NOT NULL,
            core BLOB NOT NULL, detail BLOB NOT NULL, registry BLOB NOT NULL, terms BLOB NOT NULL,
            gathered BLOB NOT NULL, checksum TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS archive(
            key TEXT PRIMARY KEY, state TEXT NOT NULL, value BLOB NOT NULL, checksum TEXT NOT NULL
        );
        """
    )
    db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA,))
    db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (__version__,))
    db.execute("INSERT OR REPLACE INTO meta VALUES ('code', ?)", (code_stamp(),))
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
    db = _connect(p, wal=False)  # a new file: see _connect
    _create(db)
    return db, reason


class Loaded:
    """What the index gives for an archive: its sources (details left on disk; without
    ``retrieval``, sentences left unmade), their registries merged as they come (finished by
    :func:`factcheck.corpus.merge`), their index terms, the archive's counts of sentences and
    quotes, and what was done."""

    def __init__(self, store: SourceStore, retrieval: bool = True) -> None:
        self.store = store
        self.sources: list[StoredSource] = []
        self.registry_merge = RegistryMerge()  # each source's registry, merged as it comes
        self.index = IndexBuilder() if retrieval else None  # None: the terms are not read
        self.gathered: dict[str, bytes] = {}  # source id -> what it brings to the name conflicts, packed
        self.stats = {"reused": 0, "analysed": 0, "removed": 0, "rebuilt": None}
        self.state = ""  # the digest of every file's path and content
        self.sentences = self.quotes = 0  # in the archive

    def add(self, core: dict, registry: dict, terms, gathered: bytes) -> None:
        # a build that checks nothing reads no sentence: they are counted, not made
        src = core_to_source(core, StoredSource, sentences=self.index is not None)
        self.sentences += len(core["sentences"])
        self.quotes += len(core["quotes"])
        src._store = self.store
        self.store._paths[src.id] = src.path
        self.sources.append(src)
        self.registry_merge.add_export(registry)
        if self.index is not None:
            self.index.add(src.id, len(self.sources) - 1, terms)
        self.gathered[src.id] = gathered  # read (once) only if the name conflicts must be worked out


def _write_row(db: sqlite3.Connection, f: Path, digest: str, size: int, blobs: tuple[bytes, ...]) -> tuple:
    """Store one analysed file (its ``_analyse_one`` parts); the parts a load keeps: core,
    registry, terms, gathered."""
    db.execute(
        "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (str(f), digest, size, *blobs, _checksum(blobs)),
    )
    core, _detail, registry, terms, gathered = blobs
    return core, registry, terms, gathered


def load_indexed(
    files: list[Path], index_path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES, retrieval: bool = True
) -> Loaded:
    """Sources from the index where a file is unchanged, analysed and stored where not;
    removed files are dropped. Without ``retrieval`` the index terms are stored but not read
    back (a build that checks nothing makes no retrieval index)."""
    db, rebuilt = open_index(index_path)
    out = Loaded(SourceStore(index_path), retrieval)
    out.stats["rebuilt"] = rebuilt
    try:
        known = {row[0]: row[1] for row in db.execute("SELECT path, sha256 FROM files")}
    except sqlite3.DatabaseError as e:  # damage quick_check did not see: start again, once
        db.close()
        _remove(Path(index_path))
        db, _ = open_index(index_path)
        known = {}
        out.stats["rebuilt"] = str(e)
    wanted = set()
    state = hashlib.sha256(SCHEMA.encode())
    try:
        with db:  # one transaction: all of this run's changes, or none
            slots: list = []  # per file, in order: its parts, or None until it is analysed
            seen: list[list] = []  # per file: path, digest (once known), size
            todo: list[tuple[int, Path, int]] = []
            for f in files:
                key = str(f)
                wanted.add(key)
                size = f.stat().st_size
                if size > max_bytes:
                    read_source(f, max_bytes)  # raises the usual error naming the file
                # a file the index holds is hashed here, to see if it changed; a new one is
                # hashed by the worker that reads it to analyse it (once, and not in turn)
                digest = hashlib.sha256(f.read_bytes()).hexdigest() if key in known else None
                parts = None
                if digest is not None and known[key] == digest:
                    row = db.execute(
                        "SELECT core, detail, registry, terms, gathered, checksum FROM files WHERE path = ?", (key,)
                    ).fetchone()
                    if row is not None and _checksum(row[:5]) == row[5]:
                        parts = (row[0], row[2], row[3], row[4])  # read (and checked again) below
                if parts is not None:
                    out.stats["reused"] += 1
                else:
                    todo.append((len(slots), f, size))
                slots.append(parts)
                seen.append([f, digest, size])
            done = 0  # files before this one are loaded

            def decode(parts) -> list:
                # core, registry, and the terms only to search by
                return [_unpack(parts[0]), _unpack(parts[1]), _unpack(parts[2]) if retrieval else None]

            def load_ready() -> None:
                # in file order, as far as the files are ready; while the workers analyse
                # the rest, the rows they have sent back are decoded here
                nonlocal done
                while done < len(slots) and slots[done] is not None:
                    parts = slots[done]
                    try:
                        decoded = decode(parts)
                    except CorruptIndex:  # written whole but unreadable: analysed again
                        f, _, size = seen[done]
                        digest, blobs = _analyse_one((str(f), max_bytes))
                        seen[done][1] = digest
                        parts = _write_row(db, f, digest, size, blobs)
                        decoded = decode(parts)
                        out.stats["reused"] -= 1
                        out.stats["analysed"] += 1
                    out.add(*decoded, parts[3])
                    slots[done] = ()  # loaded: only the compressed rows of files not yet loaded are held
                    done += 1

            load_ready()
            for (n, f, size), (digest, blobs) in zip(
                todo, _analyse_all([f for _, f, _ in todo], max_bytes), strict=True
            ):
                seen[n][1] = digest
                slots[n] = _write_row(db, f, digest, size, blobs)
                out.stats["analysed"] += 1
                load_ready()
            load_ready()
            for key in set(known) - wanted:
                db.execute("DELETE FROM files WHERE path = ?", (key,))
                out.stats["removed"] += 1
        db.execute("PRAGMA journal_mode=WAL")  # (a new file is built without the log)
    finally:
        db.close()
    for f, digest, _ in seen:
        state.update(f"{f}\0{digest}\n".encode())
    out.state = state.hexdigest()
    return out


def pack_rows(rows) -> dict:
    """Rows of int64 (a 2-D numpy array) as the JSON of an archive value: their shape and
    their bytes (little-endian, base64), read back whole instead of number by number."""
    import base64

    import numpy as np

    return {"shape": list(rows.shape), "int64": base64.b64encode(np.ascontiguousarray(rows, "<i8").tobytes()).decode()}


def unpack_rows(value):
    """What :func:`pack_rows` packed, or None for anything else (a value saved by an older
    version, or damaged)."""
    import base64
    import binascii

    import numpy as np

    try:
        rows = np.frombuffer(base64.b64decode(value["int64"], validate=True), "<i8").astype(np.int64)
        return rows.reshape(value["shape"])
    except (TypeError, KeyError, ValueError, binascii.Error):
        return None


def saved(index_path: str | Path, key: str, state: str):
    """What was saved under ``key`` for this ``state`` of the archive, or None."""
    db = sqlite3.connect(str(index_path))
    try:
        row = db.execute("SELECT state, value, checksum FROM archive WHERE key = ?", (key,)).fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        db.close()
    if row is None or row[0] != state or _checksum([row[1]]) != row[2]:
        return None
    try:
        return _unpack(row[1])
    except CorruptIndex:
        return None


def save(index_path: str | Path, key: str, state: str, value) -> None:
    db = sqlite3.connect(str(index_path))
    try:
        with db:
            data = _pack(value)
            db.execute("INSERT OR REPLACE INTO archive VALUES (?, ?, ?, ?)", (key, state, data, _checksum([data])))
    finally:
        db.close()


def _analyse_one(args: tuple[str, int]) -> tuple[str, tuple[bytes, bytes, bytes, bytes, bytes]]:
    """Read and analyse one file: its content hash and its packed parts (a worker process's
    job)."""
    from .audit import gather
    from .corpus import analyse_source
    from .index import source_terms

    path, max_bytes = args
    f = Path(path)
    data = f.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    src = read_source(f, max_bytes, f.stem, data)
    reg = analyse_source(src)
    return digest, (
        _pack(source_core(src)),
        _pack(source_detail(src)),
        _pack(reg.export()),
        _pack(source_terms(src)),
        _pack(gather(src)),
    )


PARALLEL_FROM = 64  # files to analyse before worker processes are worth starting
MAX_WORKERS = 8


def worker_count() -> int:
    """Worker processes worth starting here: one per core this process may run on (a
    container's or CPU set's share, not the whole machine's), at most ``MAX_WORKERS``."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return min(cores, MAX_WORKERS)


def _analyse_all(files: list[Path], max_bytes: int):
    """Every file analysed on its own (analysis never looks across files), in worker processes
    when there are many; the results come back in the order of ``files``."""
    jobs = [(str(f), max_bytes) for f in files]
    workers = worker_count()
    if len(jobs) < PARALLEL_FROM or workers < 2:
        yield from (_analyse_one(j) for j in jobs)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_analyse_one, jobs, chunksize=16)
