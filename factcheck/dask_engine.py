"""The Dask engine: the archive's index split into shards held by Dask workers.

    factcheck check drafts/ --engine dask --scheduler tcp://scheduler:8786

The source files are split into shards; each worker reads its shard (from a folder every
worker can see) and holds that shard's index. For every query the client takes the
document frequencies of the whole archive, asks every shard for its best partial scores,
merges them into one shortlist, has the shards rescore it, and keeps the best: the same
candidates, in the same order, as one index over the whole archive (see
:mod:`factcheck.index`). Classification happens here, on the client, exactly as with the
local engine. Needs ``pip install 'factcheck[dask]'``.
"""

from __future__ import annotations

import math
from pathlib import Path

from .index import KINDS, RESCORE, Entry, index_terms, partial_weights, select_terms, top, top_with_ties

_SHARDS: dict[str, object] = {}  # on a worker: shard name -> its Index


def _build_shard(name: str, files: list[str], positions: dict[str, int], max_bytes: int) -> dict:
    """On a worker: read one shard's sources and keep its index; returns its statistics."""
    from .corpus import analyse_source
    from .index import Index
    from .ingest import read_source

    class _Shard:  # what Index.build needs of a corpus
        def __init__(self, sources):
            self.sources = sources

    sources = []
    for f in files:
        src = read_source(f, max_bytes, Path(f).stem)
        analyse_source(src)
        sources.append(src)
    index = Index.build(_Shard(sources), positions)
    _SHARDS[name] = index
    return {"df": index.document_frequencies(), "count": index.count}


def _partial(name: str, kind: str, selected: list[str], idf: dict[str, float], n: int):
    return _SHARDS[name].partial(kind, selected, idf, n)


def _rescore(name: str, kind: str, keys: list, idf: dict[str, float]):
    return _SHARDS[name].rescore(kind, keys, idf)


class DaskIndex:
    """An index whose shards live on Dask workers; used like :class:`factcheck.index.Index`."""

    def __init__(self, corpus, client, shards: int | None = None, max_bytes: int | None = None) -> None:
        from .ingest import DEFAULT_MAX_BYTES

        self.client = client
        self.corpus = corpus
        positions = {s.id: n for n, s in enumerate(corpus.sources)}
        paths = [s.path for s in corpus.sources]
        workers = len(client.scheduler_info()["workers"]) or 1
        n = max(1, min(shards or workers, len(paths)))
        self.names = [f"factcheck-shard-{i}-of-{n}-{id(self)}" for i in range(n)]
        # each shard is pinned to one worker, where its index stays between queries
        worker_ids = sorted(client.scheduler_info()["workers"])
        self.workers = [worker_ids[i % len(worker_ids)] for i in range(n)]
        futures = [
            client.submit(
                _build_shard, name, paths[i::n], positions, max_bytes or DEFAULT_MAX_BYTES, workers=[w], pure=False
            )
            for i, (name, w) in enumerate(zip(self.names, self.workers, strict=True))
        ]
        stats = client.gather(futures)
        self.df: dict[str, dict[str, int]] = {k: {} for k in KINDS}
        self.count = dict.fromkeys(KINDS, 0)
        for st in stats:
            for k in KINDS:
                self.count[k] += st["count"][k]
                d = self.df[k]
                for t, c in st["df"][k].items():
                    d[t] = d.get(t, 0) + c
        self._entries = {
            (k, positions[s.id], (s.sentences if k == "sentence" else s.quotes)[j].index): (s.id, j)
            for s in corpus.sources
            for k in KINDS
            for j in range(len(s.sentences if k == "sentence" else s.quotes))
        }

    def vocabulary(self) -> set[str]:
        return set(self.df["sentence"]) | set(self.df["quote"])

    def warm(self) -> None:
        """Nothing to make here: each shard makes its bitsets on the worker that holds it."""

    def _on_all(self, fn, *args):
        futures = [
            self.client.submit(fn, name, *args, workers=[w], pure=False)
            for name, w in zip(self.names, self.workers, strict=True)
        ]
        return [r for part in self.client.gather(futures) for r in part]

    def candidates(self, text: str, kind: str, *, limit: int = 30) -> list[Entry]:
        terms = index_terms(text)
        df = self.df[kind]
        selected = select_terms(terms, lambda t: df.get(t, 0))
        if not selected:
            return []
        n = max(self.count[kind], 1)
        idf = {t: math.log(1 + n / df[t]) for t in terms if df.get(t)}
        weights = partial_weights(selected, idf)
        shortlist = top_with_ties(self._on_all(_partial, kind, selected, weights, limit * RESCORE), limit * RESCORE)
        best = top(self._on_all(_rescore, kind, [k for _, k in shortlist], idf), limit)
        out = []
        for _, key in best:
            sid, j = self._entries[(kind, *key)]
            out.append(Entry(kind, sid, j, key))
        return out


def use_dask(corpus, scheduler: str | None = None, shards: int | None = None, client=None):
    """Make ``corpus`` retrieve through Dask; returns the client (connect with ``scheduler``,
    an address like ``tcp://host:8786``, or pass a ``client``)."""
    try:
        from distributed import Client
    except ImportError:  # pragma: no cover - an optional extra
        from .errors import FactcheckError

        raise FactcheckError("the dask engine needs the extra: pip install 'factcheck[dask]'") from None
    if client is None:
        client = Client(scheduler) if scheduler else Client(processes=True, n_workers=2, threads_per_worker=1)
    corpus._index = DaskIndex(corpus, client, shards)
    return client
