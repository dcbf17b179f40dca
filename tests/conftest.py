"""Shared fixtures: the bundled sources, read once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import load_sources

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
# The project's shared folder (the dev set and the SARIF schema) beside this checkout, as the
# workspace lays it out; a checkout elsewhere uses the copy in tests/data/shared, which
# test_the_shared_copy_is_current keeps equal to the folder wherever both are present
SHARED_FOLDER = ROOT.parent / "shared"
SHARED_COPY = ROOT / "tests" / "data" / "shared"
SHARED = SHARED_FOLDER if (SHARED_FOLDER / "dev-set" / "gold.tsv").is_file() else SHARED_COPY
DEV_SET = SHARED / "dev-set"


@pytest.fixture(scope="session")
def corpus():
    return load_sources(SOURCES)


@pytest.fixture(scope="session")
def by_id(corpus):
    return {s.id: s for s in corpus.sources}


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path
