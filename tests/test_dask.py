"""The Dask engine gives the local engine's report: a real LocalCluster, two worker processes."""

import pytest

from factcheck import check, load_sources
from tests.conftest import DEV_SET, ROOT

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_dask_report_is_identical_to_local(client):
    from factcheck.dask_engine import DaskIndex, use_dask

    inputs = [DEV_SET / "draft.md", DEV_SET / "claims.jsonl"]
    local = check(inputs, sources=load_sources(ROOT / "sources"))
    corpus = load_sources(ROOT / "sources")
    use_dask(corpus, client=client)
    assert isinstance(corpus._index, DaskIndex)
    assert len(corpus._index.names) == 2  # one shard per worker
    distributed_report = check(inputs, sources=corpus)
    assert [it.to_json() for it in distributed_report.items] == [it.to_json() for it in local.items]
    assert [c.id for c in distributed_report.conflicts] == [c.id for c in local.conflicts]


def test_shards_return_the_local_candidates(client):
    from factcheck.dask_engine import use_dask

    local = load_sources(ROOT / "sources")
    sharded = load_sources(ROOT / "sources")
    use_dask(sharded, client=client, shards=3)
    for text in ("The agreement was announced on Sunday.", "No country can tackle that alone", "AI Safety Institute"):
        for kind in ("sentence", "quote"):
            want = [(e.source, e.number) for e in local.index.candidates(text, kind, limit=10)]
            got = [(e.source, e.number) for e in sharded.index.candidates(text, kind, limit=10)]
            assert got == want
