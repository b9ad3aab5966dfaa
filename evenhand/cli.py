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


# ---- eval segmentation ----


@eval_app.command("segmentation")
def eval_segmentation(
    data: str = typer.Option(
        ..., "--data", metavar="FILE", help="JSON Lines file with 'text' and 'reference_sentences'."
    ),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Measure only the first N articles."),
    output_format: str = typer.Option(
        "table", "--format", metavar="table|json", help="Print a table or JSON."
    ),
) -> None:
    """Share of reference sentences the segmenter reproduces exactly, and its speed."""
    import json

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from summarizer.evaluate.segmentation import evaluate_segmentation

    if output_format not in {"table", "json"}:
        fail(f"--format must be 'table' or 'json', not {output_format!r}", code=EXIT_USAGE)
    try:
        result = evaluate_segmentation(data, limit=limit)
    except EvenhandError as error:
        fail_from(error)
    if output_format == "json":
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    console = Console()
    table = Table(title="Sentence segmentation", show_header=True)
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("data", Text(result.path))
    table.add_row("exact match", f"{result.exact_match:.2%}")
    table.add_row("reference sentences", f"{result.matched:,} of {result.reference_sentences:,} matched")
    table.add_row("misses across a line break", f"{result.across_lines:,}")
    table.add_row("articles", f"{result.articles:,} ({result.duplicates_skipped:,} duplicates skipped)")
    table.add_row("time", f"{result.ms_per_article:.3f} ms per article")
    console.print(table)
    if result.misses:
        console.print(Text("Examples of misses (reference, then the segments that overlap it):", style="bold"))
        for miss in result.misses:
            where = " (runs across a line break)" if miss.across_lines else ""
            console.print(Text.assemble((f"{miss.record}{where}: ", "bold"), miss.reference))
            for piece in miss.segments:
                console.print(Text.assemble(("    segment: ", "dim"), piece))


def main() -> None:
    """Console-script entry point."""
    app()
