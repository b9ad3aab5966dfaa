"""Shared test fixtures: the seed article (read from ../shared/seed, never copied in), a local web server."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from .web_server import LocalSite, serve

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = ROOT.parent / "shared" / "seed" / "slanted-article.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The seed article's path, or a skip when ../shared/seed is not beside the repository."""
    if not SEED.is_file():
        pytest.skip(f"the seed article is not at {SEED} (../shared/seed is absent)")
    return SEED


@pytest.fixture(scope="session")
def seed_text(seed_path: Path) -> str:
    """The seed article's text (skips like :func:`seed_path`)."""
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def site() -> Iterator[LocalSite]:
    """Our own web server on 127.0.0.1 (see tests/web_server.py); requests to it bypass any proxy."""
    previous = os.environ.get("NO_PROXY")
    os.environ["NO_PROXY"] = "127.0.0.1,localhost"
    try:
        with serve() as running:
            yield running
    finally:
        if previous is None:
            os.environ.pop("NO_PROXY", None)
        else:
            os.environ["NO_PROXY"] = previous
