"""Shared test fixtures: the seed article (read from ../shared/seed, never copied in)."""

from __future__ import annotations

from pathlib import Path

import pytest

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
