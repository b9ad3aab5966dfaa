#!/usr/bin/env python3
"""Set up and run evenhand from a fresh clone with nothing but Python 3.11+.

    python3 dev.py demo      # open the bundled example article in the evenhand TUI
    python3 dev.py test      # lint, type-check and run the whole test suite
    python3 dev.py run ARGS  # run any evenhand command inside the project's environment

Each command first makes sure ``.venv/`` exists and holds what it needs, installed from
PyPI: ``demo`` and ``run`` only what evenhand needs to run; ``test`` adds the test tools
(pytest, hypothesis, ruff, mypy).  Nothing is installed again until ``pyproject.toml``
changes.  pip's own output goes to ``.venv/pip.log``; the terminal gets one line.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".evenhand-installed"
PIP_LOG = VENV / "pip.log"
DEMO_ARTICLE = ROOT / "examples" / "slanted-right.txt"


def say(message: str) -> None:
    print(f"dev.py: {message}", file=sys.stderr, flush=True)


def run(*args: str | Path) -> int:
    return subprocess.call([str(a) for a in args], cwd=ROOT)


def _installed() -> tuple[str, set[str]]:
    """The pyproject hash and the extras the environment was last installed with."""
    try:
        digest, *extras = STAMP.read_text().split()
    except (OSError, ValueError):
        return "", set()
    return digest, set(extras)


def _pip(*args: str) -> bool:
    """Run pip quietly, its output appended to PIP_LOG; True when it succeeded."""
    with PIP_LOG.open("a", encoding="utf-8") as log:
        log.write(f"$ pip {' '.join(args)}\n")
        log.flush()
        code = subprocess.call(
            [str(PYTHON), "-m", "pip", "--disable-pip-version-check", *args],
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
        )
    return code == 0


def _show_pip_failure(what: str) -> None:
    print("failed", file=sys.stderr)
    tail = PIP_LOG.read_text(encoding="utf-8", errors="replace").splitlines()[-25:]
    print("\n".join(tail), file=sys.stderr)
    sys.exit(f"dev.py: could not install {what}; pip's last lines are above (all of it in {PIP_LOG})")


def ensure_environment(*, extras: tuple[str, ...] = ()) -> None:
    """Create .venv and install the project (editable), with ``extras`` too, when needed."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs before any check of the interpreter
        sys.exit("dev.py: evenhand needs Python 3.11 or newer")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    digest, have = _installed()
    if PYTHON.exists() and digest == wanted and set(extras) <= have:
        return
    if digest != wanted:
        have = set()
    started = time.monotonic()
    if not PYTHON.exists():
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    wanted_extras = sorted(have | set(extras))
    what = "evenhand" + (f" and its {', '.join(wanted_extras)} tools" if wanted_extras else "")
    print(f"dev.py: installing {what} into .venv (first run only; pip's log: .venv/pip.log) … ",
          end="", file=sys.stderr, flush=True)
    target = "." + (f"[{','.join(wanted_extras)}]" if wanted_extras else "")
    if not _pip("install", "--upgrade", "pip"):
        _show_pip_failure("pip")
    if not _pip("install", "-e", target):
        _show_pip_failure(what)
    STAMP.write_text(" ".join([wanted, *wanted_extras]) + "\n")
    print(f"done in {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)


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
    ensure_environment(extras=("test",) if command == "test" else ())
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
