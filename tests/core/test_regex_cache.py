"""summarizer.regex_cache: saved programs make equal patterns; a missing, damaged or unwritable cache is ignored."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer import regex_cache

ROOT = Path(__file__).resolve().parents[2]
PROBE = (
    "import sys\nfrom summarizer import regex_cache\n"
    "p = regex_cache.compile(r'(?P<w>[A-Z][a-z]+)\\s+(?:said|says)', 2)\n"
    "print(p == __import__('re').compile(p.pattern, 2), p.groupindex == {'w': 1}, bool(p.search('then TOM SAID so')))\n"
)


def _run(cache: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "PYTHONPATH": str(ROOT)}
    env.pop("EVENHAND_NO_CACHE", None)
    return subprocess.run([sys.executable, "-c", PROBE, *extra], capture_output=True, text=True, env=env,
                          cwd=ROOT, check=True, timeout=120)


def _file(cache: Path) -> list[Path]:
    return sorted((cache / "evenhand").glob("regex-*.marshal"))


def test_a_second_process_makes_the_same_patterns_from_the_file(tmp_path: Path) -> None:
    assert _run(tmp_path).stdout.split() == ["True", "True", "True"]
    (saved,) = _file(tmp_path)
    before = saved.read_bytes()
    assert _run(tmp_path).stdout.split() == ["True", "True", "True"]
    assert saved.read_bytes() == before  # nothing new to save


def test_a_damaged_file_is_ignored_and_replaced(tmp_path: Path) -> None:
    _run(tmp_path)
    (saved,) = _file(tmp_path)
    saved.write_bytes(b"\x00not marshal at all")
    assert _run(tmp_path).stdout.split() == ["True", "True", "True"]
    assert _run(tmp_path).stdout.split() == ["True", "True", "True"]


def test_an_unwritable_folder_is_ignored(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert _run(blocker).stdout.split() == ["True", "True", "True"]


def test_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENHAND_NO_CACHE", "1")
    assert regex_cache.cache_file() is None


def test_compile_is_re_compile() -> None:
    pattern = regex_cache.compile(r"\bvote(?:s|d)?\b", re.IGNORECASE)
    assert pattern == re.compile(r"\bvote(?:s|d)?\b", re.IGNORECASE)
    assert pattern.findall("Votes were voted; the VOTE") == ["Votes", "voted", "VOTE"]
