"""Fixtures for the TUI tests: our own article and a summary of it computed once and stored.

``fixtures/article.summary.json`` is ``summarize(article.txt, sentences=7)`` saved with
:func:`summarizer.to_json`, so snapshot tests show a fixed result whatever the core's
algorithms do next.  Regenerate it (and review the snapshots) with::

    .venv/bin/python -m tests.tui.conftest
"""

from __future__ import annotations

import asyncio
import inspect
from pathlib import Path

import pytest

from summarizer import Summary, from_json, summarize, to_json

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLE = FIXTURES / "article.txt"
STORED_SUMMARY = FIXTURES / "article.summary.json"
SENTENCES = 7


@pytest.fixture(scope="session")
def stored_summary() -> Summary:
    """The stored summary of ``fixtures/article.txt``."""
    return from_json(STORED_SUMMARY.read_text(encoding="utf-8"))


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests (Pilot tests) in a fresh event loop; no asyncio plugin needed."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    arguments = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
    asyncio.run(pyfuncitem.obj(**arguments))
    return True


def regenerate() -> None:
    summary = summarize(ARTICLE.read_text(encoding="utf-8"), source="article.txt", sentences=SENTENCES)
    STORED_SUMMARY.write_text(to_json(summary) + "\n", encoding="utf-8")


if __name__ == "__main__":
    regenerate()
