"""The library entry points: read inputs, check them against a corpus, collect a report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .claims import Parsed, expand_inputs, parse_file
from .classify import Settings, check_item
from .corpus import Corpus, load_sources
from .errors import InputError
from .model import SEVERITY_RANK, Claim, Conflict, Item

PROGRESS_FROM = 300  # claims in one file before a progress bar is worth showing


@dataclass
class Report:
    corpus: Corpus
    items: list[Item]
    errors: list[InputError] = field(default_factory=list)
    inputs: list[str] = field(default_factory=list)
    documents: dict[str, str] = field(default_factory=dict)  # draft path -> its text as read

    @property
    def conflicts(self) -> list[Conflict]:
        """The source conflicts the checked items touch."""
        touched = {cid for it in self.items for cid in it.conflicts}
        known = {c.id: c for c in self.corpus.name_conflicts}
        for key in sorted(self.corpus._fact_cache, key=str):
            known.update({c.id: c for c in self.corpus._fact_cache[key]})
        return sorted(
            (known[c] for c in touched if c in known), key=lambda c: (-SEVERITY_RANK[c.severity], c.type, c.id)
        )

    def gate_failed(self, fail_on: str) -> bool:
        if fail_on == "never":
            return False
        level = SEVERITY_RANK[fail_on]
        return any(SEVERITY_RANK[it.severity] >= level for it in self.items)


PARALLEL_FROM = 200  # items in one call before worker processes are worth starting
CHUNK = 16  # most claims a process takes at a time


def check_claims(claims: list[Claim], corpus: Corpus, settings: Settings | None = None, on_done=None) -> list[Item]:
    """Each claim checked against ``corpus``, in order. With ``settings.jobs`` above 1 (or 0,
    the default, and at least ``PARALLEL_FROM`` claims on a machine with several cores) the
    claims are shared between this process and ``jobs - 1`` workers forked from it, which see
    the loaded corpus without copying it; the items are the same as one process gives.
    ``on_done(n)`` is called as claims are finished."""
    import gc

    # checking makes many short-lived objects and keeps many more (the caches of words,
    # queries and conflicts): at the collector's default of a pass every 700 allocations,
    # its passes over what is kept were a fifth of a check's time at a million sentences
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], COLLECT_EVERY), *threshold[1:])
    try:
        return _check_claims(claims, corpus, settings or Settings(), on_done)
    finally:
        gc.set_threshold(*threshold)


COLLECT_EVERY = 50_000  # allocations between the collector's youngest passes while checking


def _check_claims(claims: list[Claim], corpus: Corpus, settings: Settings, on_done) -> list[Item]:
    jobs = _jobs(settings, len(claims), corpus)
    if claims:
        corpus.warm()  # before forking, so that workers share it; in one process, faster than on first use
    if jobs <= 1:
        out = []
        for c in claims:
            out.append(check_item(c, corpus, settings))
            if on_done:
                on_done(1)
        return out
    import gc
    import multiprocessing

    from .corpus import archive_frozen

    global _SHARED
    ctx = multiprocessing.get_context("fork")
    # small chunks: taking one costs a lock, and the last to finish waits at most one chunk
    size = max(1, min(CHUNK, len(claims) // (jobs * 4)))
    chunks = [claims[i : i + size] for i in range(0, len(claims), size)]
    # this process checks too, beside jobs - 1 forked workers, rather than wait: one fewer copy
    # of a loaded archive is forked and torn down; every process takes the next chunk not yet
    # taken, until none is left
    shared = _Shared(corpus, settings, chunks, ctx.Value("i", 0), ctx.Value("i", 0), set(corpus._fact_cache))
    _SHARED = shared
    done: dict[int, list[Item]] = {}
    reported = 0

    def report() -> None:
        nonlocal reported
        if on_done and shared.finished.value > reported:
            now = shared.finished.value
            on_done(now - reported)
            reported = now

    # the collector, run in a worker, would write to every object it tracks and so copy the
    # whole loaded archive page by page into each worker: frozen objects it leaves alone
    thawed = not archive_frozen()  # an archive loaded from the index is frozen already
    gc.freeze()
    try:
        with ctx.Pool(jobs - 1) as pool:
            # a worker's every task is to check the next chunk not yet taken; its items come
            # back as each is done, while this process checks its own share
            theirs = pool.imap_unordered(_take_one, range(len(chunks)))
            while (i := _next_chunk(shared)) is not None:
                done[i] = _check_chunk(shared, i)
                report()
            for taken in theirs:
                if taken is not None:
                    i, items, found = taken
                    done[i] = items
                    # the conflicts a worker found around its evidence, for the report
                    corpus._fact_cache.update(found)
                    report()
    finally:
        _SHARED = None
        if thawed:
            gc.unfreeze()
    return [it for i in range(len(chunks)) for it in done[i]]


@dataclass
class _Shared:
    """What forked workers see of the check: the corpus, the settings, the claims in chunks,
    the count of chunks taken and of claims finished (shared memory), and which conflicts
    the corpus knew before forking (a worker adds those it has sent back)."""

    corpus: Corpus
    settings: Settings
    chunks: list[list[Claim]]
    taken: object  # multiprocessing.Value("i")
    finished: object  # multiprocessing.Value("i")
    known: set


_SHARED: _Shared | None = None


def _next_chunk(shared: _Shared) -> int | None:
    """The number of the next chunk no process has taken, now taken by this one; None when
    none is left."""
    with shared.taken.get_lock():
        i = shared.taken.value
        shared.taken.value += 1
    return i if i < len(shared.chunks) else None


def _check_chunk(shared: _Shared, i: int) -> list[Item]:
    """The items of chunk ``i``, counted as finished."""
    items = [check_item(c, shared.corpus, shared.settings) for c in shared.chunks[i]]
    with shared.finished.get_lock():
        shared.finished.value += len(items)
    return items


def _take_one(_turn: int):
    """A worker's task: the next chunk not yet taken, as (its number, its items, the conflicts
    found around their evidence that this worker has not sent yet); None when none is left."""
    shared = _SHARED
    i = _next_chunk(shared)
    if i is None:
        return None
    items = _check_chunk(shared, i)
    found = {k: v for k, v in shared.corpus._fact_cache.items() if k not in shared.known}
    shared.known.update(found)  # each conflict is sent once per worker
    return i, items, found


def _jobs(settings: Settings, n: int, corpus: Corpus) -> int:
    import multiprocessing

    from .index import Index
    from .store import worker_count

    if not isinstance(corpus.index, Index) or "fork" not in multiprocessing.get_all_start_methods():
        return 1  # the Dask engine's client cannot be forked; nor can every platform fork
    if settings.jobs:
        return min(settings.jobs, n)
    return worker_count() if n >= PARALLEL_FROM else 1


def _suppressed(item: Item, parsed: Parsed) -> bool:
    for first, last, verdicts in parsed.suppressions:
        if first <= item.claim.line <= last and (verdicts is None or item.verdict in verdicts):
            return True
    return False


def check(
    paths: list[str | Path] | str | Path,
    sources: str | Path | Corpus = "sources",
    settings: Settings | None = None,
    max_bytes: int | None = None,
    progress=None,
) -> Report:
    """Check drafts and batch files against the sources.

    Bad records do not stop the run: each becomes an :class:`InputError` in ``report.errors``
    and every good record is still checked.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    kw = {"max_bytes": max_bytes} if max_bytes else {}
    corpus = sources if isinstance(sources, Corpus) else load_sources(sources, **kw)
    items: list[Item] = []
    errors: list[InputError] = []
    documents: dict[str, str] = {}
    files = expand_inputs(paths)
    for f in files:
        try:
            parsed = parse_file(f, corpus.registry, **kw)
        except InputError as e:
            errors.append(e)
            continue
        errors.extend(parsed.errors)
        if parsed.text is not None:
            documents[str(f)] = parsed.text
        claims = parsed.claims
        if progress is not None and len(claims) >= PROGRESS_FROM:
            with progress(None, f"checking {f.name}", len(claims)) as bar:
                checked = check_claims(claims, corpus, settings, on_done=bar.update)
        else:
            checked = check_claims(claims, corpus, settings)
        items.extend(it for it in checked if not _suppressed(it, parsed))
    items.sort(key=lambda it: (it.claim.file, it.claim.line, it.claim.column, it.claim.id))
    return Report(corpus, items, errors, [str(f) for f in files], documents)
