"""The ``evenhand`` command line (Typer): parse options, call the library, print, exit.

This is the only module that imports Typer.  It holds no summarization logic: every
command calls :mod:`summarizer` and turns :class:`summarizer.errors.EvenhandError`
into a one-line message on stderr and a non-zero exit code.
"""

from __future__ import annotations

import sys
from typing import NoReturn

import typer

from summarizer.errors import EvenhandError

app = typer.Typer(
    name="evenhand",
    help="Neutral, plain-language extractive summaries of news articles, with every decision explained.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(
    help="Measure evenhand on evaluation sets (JSON Lines files such as those in ../shared/data).",
    no_args_is_help=True,
)
app.add_typer(eval_app, name="eval")

EXIT_FAILED = 1
EXIT_USAGE = 2


def fail(message: str, *, code: int = EXIT_FAILED) -> NoReturn:
    """Print ``evenhand: error: <message>`` on one line of stderr and exit with ``code``."""
    one_line = " ".join(str(message).split())
    print(f"evenhand: error: {one_line}", file=sys.stderr)
    raise typer.Exit(code=code)


def fail_from(error: EvenhandError) -> NoReturn:
    """Turn a library error into a one-line message and an exit code."""
    fail(str(error), code=EXIT_FAILED)


# ---- commands -------------------------------------------------------------------------


def main() -> None:
    """Console-script entry point."""
    app()
