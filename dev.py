#!/usr/bin/env python3
"""Set up and run evenhand from a fresh clone with nothing but Python 3.11+.

    python3 dev.py demo      # open the bundled example article in the evenhand TUI
    python3 dev.py test      # lint, type-check and run the whole test suite
    python3 dev.py run ARGS  # run any evenhand command inside the project's environment

Each command first makes sure ``.venv/`` exists and holds the project with its test
dependencies (installed from PyPI; re-installed only when ``pyproject.toml`` changes).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".evenhand-installed"
DEMO_ARTICLE = ROOT / "examples" / "slanted-right.txt"


def say(message: str) -> None:
    print(f"dev.py: {message}", file=sys.stderr, flush=True)


def run(*args: str | Path) -> int:
    return subprocess.call([str(a) for a in args], cwd=ROOT)


def ensure_environment() -> None:
    """Create .venv and install the project (editable, with test extras) when needed."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs before any check of the interpreter
        sys.exit("dev.py: evenhand needs Python 3.11 or newer")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if PYTHON.exists() and STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    if not PYTHON.exists():
        say(f"creating a virtual environment in {VENV}")
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    say("installing evenhand and its test dependencies (first run only)")
    quiet = ["--quiet"] if os.environ.get("CI") else []
    if run(PYTHON, "-m", "pip", "install", *quiet, "--upgrade", "pip") != 0:
        sys.exit("dev.py: could not upgrade pip")
    if run(PYTHON, "-m", "pip", "install", *quiet, "-e", ".[test]") != 0:
        sys.exit("dev.py: could not install evenhand; see pip's message above")
    STAMP.write_text(wanted + "\n")


def demo(args: list[str]) -> int:
    target = args or [str(DEMO_ARTICLE)]
    return run(BIN / "evenhand", "view", *target)


def test(args: list[str]) -> int:
    steps = [
        ("ruff", [BIN / "ruff", "check", "."]),
        ("mypy", [BIN / "mypy"]),
        ("pytest", [BIN / "pytest", *args]),
    ]
    for name, command in steps:
        say(f"running {name}")
        code = run(*command)
        if code != 0:
            say(f"{name} failed (exit {code})")
            return code
    return 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(__doc__)
        return 0
    command, args = argv[0], argv[1:]
    if command not in ("demo", "test", "run"):
        print(f"dev.py: unknown command {command!r}; use demo, test or run", file=sys.stderr)
        return 2
    ensure_environment()
    if command == "demo":
        return demo(args)
    if command == "test":
        return test(args)
    return run(BIN / "evenhand", *args)


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except BrokenPipeError:  # `python3 dev.py --help | head -1`: stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(141)
