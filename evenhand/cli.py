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


# ---- eval summary ----


def _system_names(systems: str | None) -> list[str] | None:
    if systems is None:
        return None
    return [name for name in systems.split(",") if name.strip()]


@eval_app.command("summary")
def eval_summary(
    data: str = typer.Option(
        ..., "--data", metavar="FILE",
        help="JSON Lines file with 'text', 'reference' and 'reference_sentences' (BBC News Summary, CNN/DM).",
    ),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Measure only the first N articles."),
    output_format: str = typer.Option("table", "--format", metavar="table|json", help="Print a table or JSON."),
    systems: str | None = typer.Option(
        None, "--systems", metavar="A,B,...",
        help="Systems to compare: 'lead' and algorithm names. Default: neutral, lead and every sumy algorithm.",
    ),
    engine: str = typer.Option("fast", "--engine", metavar="fast|sumy", help="Ranking engine."),
    jobs: int = typer.Option(2, "--jobs", min=1, help="Worker processes (articles are independent)."),
) -> None:
    """ROUGE-1/2/L F1 of every system at each reference's sentence count."""
    import json

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from summarizer.evaluate.summary import evaluate_summary

    if output_format not in {"table", "json"}:
        fail(f"--format must be 'table' or 'json', not {output_format!r}", code=EXIT_USAGE)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(
        TextColumn("summarising"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=Console(stderr=True), transient=True,
    )
    task = progress.add_task("summarising", total=None)

    def update(done: int, total: int) -> None:
        progress.update(task, completed=done, total=total)

    try:
        with progress:
            result = evaluate_summary(
                data, limit=limit, systems=_system_names(systems), engine=engine, jobs=jobs, progress=update
            )
    except EvenhandError as error:
        fail_from(error)
    if output_format == "json":
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    best = result.best("rouge2")
    table = Table(
        title=Text(f"ROUGE F1 on {result.path}: {result.articles:,} articles"),
        caption=Text(
            f"{result.length_rule}. {result.duplicates_skipped:,} duplicates skipped."
            f" Engine {result.engine}; {result.jobs} job(s); {result.seconds:.1f} s."
        ),
    )
    for column in ("system", "ROUGE-1", "ROUGE-2", "ROUGE-L", "words", "seconds"):
        table.add_column(column, justify="left" if column == "system" else "right")
    for name, scores in result.systems.items():
        table.add_row(
            Text(name, style="bold" if name == best else ""),
            f"{scores.rouge1:.4f}", f"{scores.rouge2:.4f}", f"{scores.rougeL:.4f}",
            f"{scores.words:.1f}", f"{result.system_seconds[name]:.1f}",
        )
    table.add_row(Text("reference", style="dim"), "", "", "", f"{result.reference_words:.1f}", "")
    Console().print(table)


# ---- eval neutrality ----


@eval_app.command("neutrality")
def eval_neutrality(
    data: str = typer.Option(
        ..., "--data", metavar="FILE",
        help="JSON Lines file of crowd-rated sentences: Lim et al. ('sentences') or MBIC ('sentence', 'label', 'article').",
    ),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Measure only the first N articles."),
    output_format: str = typer.Option("table", "--format", metavar="table|json", help="Print a table or JSON."),
    systems: str | None = typer.Option(
        None, "--systems", metavar="A,B,...",
        help="Systems to compare: 'lead' and algorithm names. Default: neutral, textrank, lexrank, lead.",
    ),
    engine: str = typer.Option("fast", "--engine", metavar="fast|sumy", help="Ranking engine."),
    min_sentences: int = typer.Option(
        1, "--min-sentences", min=1, help="Leave out articles with fewer rated sentences than this."
    ),
) -> None:
    """Mean crowd bias of the sentences each system keeps in a 25% summary."""
    import json

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from summarizer.evaluate.neutrality import evaluate_neutrality

    if output_format not in {"table", "json"}:
        fail(f"--format must be 'table' or 'json', not {output_format!r}", code=EXIT_USAGE)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(
        TextColumn("summarising"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=Console(stderr=True), transient=True,
    )
    task = progress.add_task("summarising", total=None)

    def update(done: int, total: int) -> None:
        progress.update(task, completed=done, total=total)

    try:
        with progress:
            result = evaluate_neutrality(
                data, limit=limit, systems=_system_names(systems), engine=engine,
                min_sentences=min_sentences, progress=update,
            )
    except EvenhandError as error:
        fail_from(error)
    if output_format == "json":
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    console = Console()
    table = Table(
        title=Text(f"Bias of kept sentences on {result.path} ({result.format}): {result.articles:,} articles"),
        caption=Text(
            f"{result.length_rule}. Lower is more neutral. {result.sentences:,} rated sentences"
            f" ({result.skipped:,} left out)."
        ),
    )
    table.add_column("system")
    table.add_column("mean bias kept", justify="right")
    table.add_column("articles below their mean", justify="right")
    for name, value in result.systems.items():
        table.add_row(Text(name), f"{value:.4f}", f"{result.below_article_mean[name]:,} of {result.articles:,}")
    table.add_row(Text("article mean", style="dim"), f"{result.article_mean:.4f}", "")
    table.add_row(Text("lowest possible", style="dim"), f"{result.lowest_possible:.4f}", "")
    console.print(table)
    if result.mismatches:
        console.print(Text("Articles whose rated sentences did not come back one for one:", style="bold"))
        for m in result.mismatches:
            console.print(
                Text.assemble((f"{m.article}: ", "bold"), f"{m.rated} rated, {m.segmented} segmented; e.g. ", m.example)
            )


def main() -> None:
    """Console-script entry point."""
    app()
