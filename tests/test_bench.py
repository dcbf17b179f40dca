"""The benchmark's contract: one JSON object with the figures the scale issue asks for.
(Its timings are figures for benchmarks/RESULTS.md, never asserted here.)"""

import json
import subprocess
import sys

from tests.conftest import ROOT


def test_bench_prints_one_json_object_with_every_figure(tmp_path):
    cmd = [sys.executable, str(ROOT / "benchmarks" / "bench.py"), "--sentences", "400", "--claims", "40"]
    cmd += ["--brute-sample", "12", "--draft-runs", "2", "--json", "--workdir", str(tmp_path)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    result = json.loads(out)
    for key in (
        "index_build_sentences_per_s",
        "check_claims_per_s",
        "draft40_p50_ms",
        "draft40_p95_ms",
        "peak_rss_mb",
        "speedup_vs_bruteforce",
        "agreement",
    ):
        assert isinstance(result[key], int | float) and result[key] >= 0, key
    assert result["sentences"] == 400 and result["claims"] == 40 and result["bruteforce_sample"] == 12
    assert 0 <= result["agreement"] <= 1 and result["agreement_answerable_claims"] >= 6
    # counting ties can only add claims on which we agree
    assert result["agreement"] <= result["agreement_counting_ties"] <= 1
    # the claims have known answers: on a small archive nearly every verdict is the known one
    assert result["verdict_accuracy"] >= 0.9
    assert result["draft40_p50_ms"] <= result["draft40_p95_ms"]
    usage = result["check_usage"]
    assert usage["self_user_s"] > 0 and usage["self_minor_faults"] >= 0 and "workers_sys_s" in usage
