"""The pre-commit framework runs factcheck on staged drafts (.pre-commit-hooks.yaml).

Runs the real pre-commit tool, which builds the hook's own environment from this repository
(installing its dependencies from the package index), against a temporary git repository."""

import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT, write

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def sh(*args, cwd, env=None, check=True):
    return subprocess.run(list(args), cwd=cwd, env=env, capture_output=True, text=True, check=check)


def test_pre_commit_gate_on_staged_drafts(tmp_path):
    pytest.importorskip("pre_commit")
    repo = tmp_path / "newsroom"
    shutil.copytree(ROOT / "sources", repo / "sources")
    write(repo / "setup.cfg", "[factcheck]\nsources = sources\n")
    draft = write(repo / "story.md", '"No country can tackle that alone," said Tim Ayres.\n')
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@t",
    }
    sh("git", "init", "-q", cwd=repo)
    sh("git", "add", ".", cwd=repo)
    cmd = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "factcheck", "--files", "story.md"]
    failed = sh(*cmd, cwd=repo, env=env, check=False)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "story.md:1:1: error misattributed" in failed.stdout
    write(draft, '"No country can tackle that alone," said Kanishka Narayan.\n')
    sh("git", "add", ".", cwd=repo)
    passed = sh(*cmd, cwd=repo, env=env, check=False)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
