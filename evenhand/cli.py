"""The ``evenhand`` command line (Typer): parse options, call the library, print, exit.

This is the only module that imports Typer.  It holds no summarization logic: every
command calls :mod:`summarizer` and turns :class:`summarizer.errors.EvenhandError`
into a one-line message on stderr and a non-zero exit code.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer

from evenhand.single import (
    COLOR_CHOICES,
    DEFAULTS,
    EXIT_FAILED,
    EXIT_USAGE,
    SUMMARIZE_ALGORITHMS,
    SUMMARIZE_EDITS,
    SUMMARIZE_ENGINES,
    SUMMARIZE_FORMATS,
    SummarizeFlags,
    check_choice,
    check_flags,
    exit_pipe_closed,
    fail,
    fail_from,
    one_document,
    parse_ratio,
    say,
    show_one,
    summarize_path,
    summary_options,
)
from summarizer.errors import EvenhandError

EVAL_EPILOG = """
[bold]Examples[/bold]

  [dim]# how well the bias score finds loaded sentences (BABE, MBIC, wiki_npov)[/dim]
  evenhand eval bias --data ../shared/data/babe/babe_sg2.dev.jsonl

  [dim]# does a cue cover the word Wikipedia's editors judged biased (WNC pairs)?[/dim]
  evenhand eval words --data ../shared/data/wnc/wnc_biased_word_test.dev.jsonl

  [dim]# ROUGE of every algorithm on the first 200 articles, as JSON[/dim]
  evenhand eval summary --data ../shared/data/bbc-news-summary/bbc_news_summary.dev.jsonl --limit 200 -f json
"""

APP_EPILOG = """
[bold]Examples[/bold]

  [dim]# one article: the summary beside the original, every dropped sentence explained[/dim]
  evenhand summarize article.txt

  [dim]# the decision record (kept or dropped, scores, reasons) for five sentences, as JSON[/dim]
  evenhand summarize article.txt --sentences 5 --format json

  [dim]# a folder of articles, in parallel, one JSON file each plus a manifest[/dim]
  evenhand summarize articles/ --out summaries/ --format json

Run [bold]evenhand COMMAND --help[/bold] for a command's options and more examples.
"""

# -h as well as --help, on every command.
CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}

app = typer.Typer(
    name="evenhand",
    help="Neutral, plain-language extractive summaries of news articles, with every decision explained.",
    epilog=APP_EPILOG,
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    context_settings=CONTEXT_SETTINGS,
)
eval_app = typer.Typer(
    help="Measure evenhand on evaluation sets (JSON Lines files such as those in ../shared/data).",
    epilog=EVAL_EPILOG,
    no_args_is_help=True,
    rich_markup_mode="rich",
    context_settings=CONTEXT_SETTINGS,
)
app.add_typer(eval_app, name="eval")


def _flag_type_hidden(display: Callable[..., str | None]) -> Callable[..., str | None]:
    # Typer's help prints a type beside every option, "<bool>" for flags (--light, --help)
    # and "<str>" beside an argument's own metavar; a flag takes no value, so show none.
    def display_type(self: Any, ctx: Any) -> str | None:
        if getattr(self, "is_flag", False) and not getattr(self, "metavar", None):
            return None
        if isinstance(self, typer.core.TyperArgument) and self.metavar is not None:
            return None
        return display(self, ctx)

    return display_type


typer.core.TyperOption.display_type_rich = _flag_type_hidden(typer.core.TyperOption.display_type_rich)  # type: ignore[method-assign]
typer.core.TyperArgument.display_type_rich = _flag_type_hidden(typer.core.TyperArgument.display_type_rich)  # type: ignore[method-assign]


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("evenhand")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def _show_version(value: bool) -> None:
    if value:
        print(f"evenhand {_version()}")
        raise typer.Exit()


@app.callback()
def main_options(
    show_version: bool = typer.Option(
        False, "--version", "-V", callback=_show_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Neutral, plain-language extractive summaries of news articles, with every decision explained."""

# ---- commands -------------------------------------------------------------------------


# ---- summarize ----

_SUMMARIZE_HELP = """
Summarise articles: one file to the terminal, or many files, folders and JSON Lines corpora in parallel.

A PATH is a file, a folder (searched recursively for [bold]--glob[/bold] patterns; hidden files are skipped), [bold]-[/bold] for standard input, or an http:// or https:// URL (also listed one a line with [bold]--urls FILE[/bold]). HTML pages (by suffix, content type or content) are reduced to their article text first, by trafilatura; their title, author, date, site name and canonical URL go into the JSON. Nothing touches the network unless a URL is given. With one input and no [bold]--out[/bold], the summary is printed; with several, give [bold]--out DIR[/bold] (one output per input, mirroring the input tree, plus DIR/manifest.json) or [bold]--jsonl-out FILE[/bold] (one JSON record per document, streamed).

Inputs are only ever read. Each output is written to a temporary file and renamed into place, so an interrupted run (Ctrl-C) leaves only complete files and a manifest of what was done; run again with [bold]--skip-existing[/bold] to resume. A bad input (missing, empty, binary, undecodable, too large, HTML without an article, a symbolic link loop, a URL that cannot be fetched) is named on stderr with a one-line reason and recorded in the manifest, and the batch goes on. URLs are fetched a few at a time (at most 2 per host), transient failures tried again after a pause; the manifest records each URL, where it led, its status and the time.

Exit status: 0 when every input was summarised (or skipped), 1 when some failed (or an output could not be written), 2 on a usage error, 130 when interrupted, 141 when the reader of standard output went away (as with [bold]| head[/bold]), quietly.
"""

_SUMMARIZE_EPILOG = """
[bold]Examples[/bold]

  [dim]# one article, side by side in the terminal[/dim]
  evenhand summarize article.txt

  [dim]# five sentences by LexRank, with the decision for every sentence as JSON[/dim]
  evenhand summarize article.txt -a lexrank -n 5 -f json

  [dim]# a web page, at most 80 words[/dim]
  evenhand summarize https://example.org/story -w 80

  [dim]# a list of web pages, one URL a line, one JSON file each[/dim]
  evenhand summarize --urls reading-list.txt --out summaries/ -f json

  [dim]# a folder tree on all cores, then resume it after an interruption[/dim]
  evenhand summarize articles/ --out summaries/ -f json
  evenhand summarize articles/ --out summaries/ -f json --skip-existing

  [dim]# a JSON Lines corpus to one JSON Lines file[/dim]
  evenhand summarize corpus.jsonl --jsonl-field text --jsonl-out summaries.jsonl
"""


def _complete_from(choices: tuple[str, ...]) -> Callable[[str], list[str]]:
    def complete(incomplete: str) -> list[str]:
        return [c for c in choices if c.startswith(incomplete.lower())]

    return complete


def _usable_cores() -> int:
    """The cores this process may run on (a container or `taskset` may allow fewer than the machine has)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _interrupt_on_sigterm(signum: int, frame: object) -> None:
    # `kill` stops the batch the way Ctrl-C does: complete files and a manifest, no temporaries.
    raise KeyboardInterrupt


def _cluster_spec(cluster: str | None) -> str | None:
    """``--cluster`` checked before any work (no Dask is imported for it)."""
    if cluster is None:
        return None
    from summarizer.batch_dask import check_cluster
    from summarizer.errors import BatchError

    try:
        return check_cluster(cluster)
    except BatchError as error:
        fail(str(error), code=EXIT_USAGE)


@app.command("summarize", help=_SUMMARIZE_HELP, epilog=_SUMMARIZE_EPILOG)
def summarize_command(
    paths: list[str] | None = typer.Argument(
        None, metavar="PATH", show_default=False,
        help="Files, folders or - (standard input). Default: standard input when it is not a terminal.",
    ),
    algorithm: str = typer.Option(
        DEFAULTS.algorithm, "--algorithm", "-a", metavar="NAME", autocompletion=_complete_from(SUMMARIZE_ALGORITHMS),
        help="neutral (default: central sentences, loaded ones avoided, writer's insertions trimmed) or one of "
        "sumy's: lexrank, textrank, lsa, luhn, edmundson, kl, sumbasic, reduction, random.",
        rich_help_panel="Summary",
    ),
    sentences: int | None = typer.Option(
        None, "--sentences", "-n", metavar="N", help="Keep N sentences.", rich_help_panel="Summary"
    ),
    ratio_text: str | None = typer.Option(
        None, "--ratio", "-r", metavar="R", help="Keep this share of the sentences: 0.2 or 20% (0 < R ≤ 1).",
        rich_help_panel="Summary",
    ),
    words: int | None = typer.Option(
        None, "--words", "-w", metavar="W", rich_help_panel="Summary",
        help="Keep at most W words. One of --sentences, --ratio, --words; default 30% of the sentences, "
        "at least 3.",
    ),
    engine: str = typer.Option(
        DEFAULTS.engine, "--engine", metavar="fast|sumy", autocompletion=_complete_from(SUMMARIZE_ENGINES),
        help="fast: evenhand's vectorised ranking; sumy: sumy's own code (slower, same names).",
        rich_help_panel="Summary",
    ),
    edits: str | None = typer.Option(
        None, "--edits", metavar="none|trim|reword|compress", autocompletion=_complete_from(SUMMARIZE_EDITS),
        show_default=False, rich_help_panel="Summary",
        help="How far kept sentences are edited: none; trim (the writer's bracketed insertions and stance "
        "adverbs removed, cut quotations closed, dangling connectives dropped); reword (and loaded terms said "
        "neutrally); compress (and asides, appositives and non-restrictive relative clauses cut) "
        "\\[default: compress for neutral, none for the others]",
    ),
    trim: bool | None = typer.Option(
        None, "--trim/--no-trim", show_default=False, rich_help_panel="Summary",
        help="Old names for --edits: --trim is the algorithm's own level (trim for sumy's), --no-trim is none.",
    ),
    neutrality: float | None = typer.Option(
        None, "--neutrality", metavar="W", show_default=False, rich_help_panel="Summary",
        help="How strongly neutral avoids loaded sentences: 0 (not at all) to 5 \\[default: 1]",
    ),
    language: str = typer.Option(
        DEFAULTS.language, "--language", metavar="LANG", help="Language for stemming and stop words.",
        rich_help_panel="Summary",
    ),
    output_format: str | None = typer.Option(
        None, "--format", "-f", metavar="FORMAT", autocompletion=_complete_from(SUMMARIZE_FORMATS),
        show_default=False, rich_help_panel="Output",
        help="terminal, text, markdown, html, json or diff \\[default: terminal on a terminal, text otherwise]",
    ),
    out: Path | None = typer.Option(
        None, "--out", "-o", metavar="DIR", file_okay=False, rich_help_panel="Output",
        help="Write one file per input here, mirroring the input tree, plus manifest.json.",
    ),
    jsonl_out: str | None = typer.Option(
        None, "--jsonl-out", metavar="FILE", rich_help_panel="Output",
        help="Stream one JSON record (schema v1) per document to FILE (- for standard output).",
    ),
    parquet_out: Path | None = typer.Option(
        None, "--parquet-out", metavar="DIR", file_okay=False, rich_help_panel="Output",
        help="Write every outcome as Parquet parts (DIR/part-00000.parquet, …: source, status, error, summary "
        "and the JSON record). Needs pip install 'evenhand\\[parquet]'.",
    ),
    globs: list[str] | None = typer.Option(
        None, "--glob", metavar="PATTERN", show_default=False, rich_help_panel="Input",
        help="File names to take from folders; repeatable \\[default: *.txt *.md *.html *.htm]",
    ),
    jsonl_field: str | None = typer.Option(
        None, "--jsonl-field", metavar="FIELD", rich_help_panel="Input",
        help="Read .jsonl inputs as one document per record, the text in FIELD (records named by their "
        "'id', else by line number).",
    ),
    text_column: str | None = typer.Option(
        None, "--text-column", metavar="COLUMN", rich_help_panel="Input",
        help="Read .parquet inputs as one document per row, the text in COLUMN (given, folders are searched "
        "for *.parquet too) \\[default: text]. Needs pip install 'evenhand\\[parquet]'.",
    ),
    id_column: str | None = typer.Option(
        None, "--id-column", metavar="COLUMN", rich_help_panel="Input",
        help="Name the rows of .parquet inputs by COLUMN \\[default: id where there is one, else row-N].",
    ),
    max_bytes: str = typer.Option(
        DEFAULTS.max_bytes, "--max-bytes", metavar="SIZE", rich_help_panel="Input",
        help="Refuse inputs (files and web pages) larger than this (e.g. 512k, 50MB, 1G).",
    ),
    urls_file: str | None = typer.Option(
        None, "--urls", metavar="FILE", rich_help_panel="Web",
        help="Also summarise the web pages listed in FILE, one URL a line (blank lines and # comments "
        "are skipped; - reads standard input).",
    ),
    timeout: float = typer.Option(
        DEFAULTS.timeout, "--timeout", metavar="SECONDS", min=0.1, rich_help_panel="Web",
        help="Give up on a web page that takes longer than this to connect or between bytes.",
    ),
    retries: int = typer.Option(
        DEFAULTS.retries, "--retries", metavar="N", min=0, rich_help_panel="Web",
        help="Try a web page again this many times after a transient failure (timeout, 429, 5xx).",
    ),
    jobs: int | None = typer.Option(
        None, "--jobs", "-j", metavar="N", min=1, show_default=False, rich_help_panel="Batch",
        help="Worker processes \\[default: the number of cores]; 1 runs in one process.",
    ),
    cluster: str | None = typer.Option(
        None, "--cluster", metavar="ADDRESS", rich_help_panel="Batch",
        help="Run the batch on Dask: a scheduler's address (tcp://host:8786), or local[:N] for a local "
        "cluster of N worker processes. Needs pip install 'evenhand\\[dask]'.",
    ),
    skip_existing: bool = typer.Option(
        False, "--skip-existing", rich_help_panel="Batch",
        help="Leave inputs whose output file already exists (resume an interrupted run).",
    ),
    fail_fast: bool = typer.Option(
        False, "--fail-fast", rich_help_panel="Batch", help="Stop at the first input that fails."
    ),
    quiet: bool = typer.Option(
        False, "--quiet", "-q", rich_help_panel="Batch",
        help="No progress bar and no closing tally (failures are still named on stderr).",
    ),
    color: str = typer.Option(
        DEFAULTS.color, "--color", metavar="WHEN", autocompletion=_complete_from(COLOR_CHOICES),
        rich_help_panel="Output",
        help="Colour in the terminal format: auto (on a terminal, unless NO_COLOR is set), always or never.",
    ),
    width: int | None = typer.Option(
        None, "--width", metavar="N", min=20, show_default=False, rich_help_panel="Output",
        help="Columns for the terminal format \\[default: the terminal's width, 80 when not a terminal]",
    ),
    no_pager: bool = typer.Option(
        False, "--no-pager", rich_help_panel="Output",
        help="Print terminal output straight out; by default, on a terminal, output longer than the screen "
        "goes through $PAGER (less -R when it is unset).",
    ),
) -> None:
    from rich.console import Console

    flags = SummarizeFlags(
        algorithm=algorithm, sentences=sentences, ratio_text=ratio_text, words=words, engine=engine, edits=edits,
        trim=trim, neutrality=neutrality, language=language, output_format=output_format, max_bytes=max_bytes,
        timeout=timeout, retries=retries, color=color, width=width, no_pager=no_pager,
    )
    stdout_is_terminal = sys.stdout.isatty()
    checked = check_flags(flags, stdout_is_terminal=stdout_is_terminal, to_files=out is not None or jsonl_out is not None)
    size_limit, output_format, color = checked.size_limit, checked.output_format, checked.color
    if urls_file is not None:
        paths = [*(paths or []), *_read_url_list(urls_file)]
    if not paths:
        if sys.stdin.isatty():
            fail("nothing to summarise: give a file, a folder or - for standard input "
                 "(see evenhand summarize --help)", code=EXIT_USAGE)
        paths = ["-"]

    corpora = [p for p in paths if p.lower().endswith(".jsonl")]
    if corpora and jsonl_field is None:
        fail(f"{corpora[0]} is a JSON Lines file: give --jsonl-field FIELD to summarise that field of each "
             "record (e.g. --jsonl-field text)", code=EXIT_USAGE)

    if out is None and jsonl_out is None and parquet_out is None and len(paths) == 1 and one_document(paths[0]):
        # One document to standard output: loader → summary → renderer, without the batch machinery.
        summarize_path(paths[0], flags, checked, stdout_is_terminal=stdout_is_terminal)
        return

    from summarizer.batch import (
        DEFAULT_GLOBS,
        BatchError,
        BatchOptions,
        Outcome,
        iter_tasks,
        plan_batch,
        read_task,
    )
    from summarizer.fetch import FetchOptions

    options = BatchOptions(
        summary=checked.options,
        format=output_format,
        out=out,
        jsonl_out=jsonl_out,
        globs=tuple(globs) if globs else DEFAULT_GLOBS,
        jsonl_field=jsonl_field,
        jobs=jobs or _usable_cores(),
        fail_fast=fail_fast,
        skip_existing=skip_existing,
        max_bytes=size_limit,
        fetch=FetchOptions(timeout=timeout, retries=retries, max_bytes=size_limit),
        cluster=_cluster_spec(cluster),
        text_column=text_column,
        id_column=id_column,
        parquet_out=parquet_out,
    )
    errors = Console(stderr=True, highlight=False)
    try:
        plan = plan_batch(paths, options)
    except BatchError as error:
        fail(str(error), code=EXIT_USAGE)

    if out is None and jsonl_out is None and parquet_out is None:
        if plan.total > 1:
            fail(f"{plan.total} documents to summarise: give --out DIR to write one file for each "
                 "(or --jsonl-out FILE for one JSON Lines file, --parquet-out DIR for Parquet parts)",
                 code=EXIT_USAGE)
        for failure in plan.failures:
            fail(f"{failure.label}: {failure.reason}")
        item = next(iter_tasks(plan, options), None)
        if item is None:
            fail("nothing to summarise", code=EXIT_FAILED)
        if isinstance(item, Outcome):  # a JSONL record that cannot be read
            fail(f"{item.label}: {item.reason}")
        try:  # a folder holding one file, a corpus of one record: read as the batch reads them
            document = read_task(item, max_bytes=size_limit)
        except EvenhandError as error:
            fail_from(error)
        show_one(document, item.label, checked.options, output_format, color=color, width=width,
                  pager=not no_pager and stdout_is_terminal and output_format == "terminal")
        return

    _run_summarize_batch(plan, options, errors, quiet=quiet)


def _read_url_list(name: str) -> list[str]:
    """The URLs of a ``--urls`` file: one a line, blank lines and ``#`` comments skipped."""
    from summarizer.load import is_url

    try:
        if name == "-":
            text = sys.stdin.read()
        else:
            text = Path(name).read_text(encoding="utf-8-sig", errors="replace")
    except OSError as error:
        fail(f"--urls {name}: cannot read ({error.strerror or error})", code=EXIT_USAGE)
    urls = []
    for number, line in enumerate(text.splitlines(), start=1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        if not is_url(entry):
            fail(f"--urls {name}, line {number}: not an http:// or https:// URL: {entry!r}", code=EXIT_USAGE)
        urls.append(entry)
    if not urls:
        fail(f"--urls {name}: no URLs in the file", code=EXIT_USAGE)
    return urls


def _run_summarize_batch(plan: Any, options: Any, errors: Any, *, quiet: bool) -> None:
    """Run the batch with a progress bar on a terminal; name each failure on stderr."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    from summarizer.batch import BatchEvent

    class RateColumn(ProgressColumn):
        def render(self, task: Any) -> Text:
            speed = task.finished_speed or task.speed
            return Text("" if speed is None else f"{speed:,.1f} articles/s", style="progress.data.speed")

    show_progress = errors.is_terminal and not quiet
    progress = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
        console=errors,
        transient=True,
        disable=not show_progress,
    )
    task_id: Any = None
    failed = 0

    def on_event(event: BatchEvent) -> None:
        nonlocal task_id, failed
        if event.kind == "start":
            progress.start()
            task_id = progress.add_task("summarising", total=event.total)
            return
        if event.kind == "end":
            progress.stop()
            return
        outcome = event.outcome
        if outcome is not None:
            if outcome.status == "failed":
                failed += 1
                say(errors, f"evenhand: failed: {outcome.label}: {outcome.reason}")
            for warning in outcome.warnings:
                say(errors, f"evenhand: warning: {outcome.label}: {warning}")
        progress.update(task_id, completed=event.completed)

    import signal

    from summarizer.batch import run_batch

    previous = signal.signal(signal.SIGTERM, _interrupt_on_sigterm)
    try:
        result = run_batch(plan, options, on_event=on_event)
    except EvenhandError as error:
        progress.stop()
        fail(str(error), code=EXIT_FAILED)
    except BrokenPipeError:
        progress.stop()
        exit_pipe_closed()
    finally:
        progress.stop()
        signal.signal(signal.SIGTERM, previous)
    done = len(result.done)
    rate = done / result.elapsed_s if result.elapsed_s else 0.0
    where = f"; manifest: {options.out / 'manifest.json'}" if options.out is not None else ""
    unreached = f", {result.not_attempted:,} not attempted" if result.not_attempted else ""
    tally = (
        f"evenhand: {done:,} done, {len(result.skipped):,} skipped, {len(result.failed):,} failed{unreached} "
        f"in {result.elapsed_s:,.1f} s ({rate:,.1f} articles/s){where}"
    )
    if result.interrupted:
        say(errors, f"evenhand: interrupted: {tally.removeprefix('evenhand: ')}")
    elif result.stopped_early:
        say(errors, f"evenhand: stopped at the first failure (--fail-fast): {tally.removeprefix('evenhand: ')}")
    elif not quiet:
        say(errors, tally)
    raise typer.Exit(code=result.exit_code)


# ---- view ----


def _attach_keyboard() -> None:
    """After reading piped standard input, read keys from the terminal instead (Textual uses fd 0)."""
    import os

    try:
        terminal = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        fail("standard input was a pipe and there is no terminal to read keys from", code=EXIT_USAGE)
    os.dup2(terminal, 0)
    os.close(terminal)


_VIEW_EPILOG = """
[bold]Examples[/bold]

  [dim]# the bundled example article[/dim]
  evenhand view

  [dim]# an article, five sentences by LexRank, in the light theme[/dim]
  evenhand view article.txt -a lexrank -n 5 --light

  [dim]# a web page, fetched first; or from standard input (keys are read from the terminal)[/dim]
  evenhand view https://example.org/story
  curl -s https://example.org/story | evenhand view -

[bold]Keys[/bold]: j/k move, n/p next/previous dropped, / search (then n/N), d details, c controls, +/- length, e export, ? all keys, q quit.

The theme, algorithm, length, edit level and neutrality weight are remembered between runs in the user's config folder (on Linux ~/.config/evenhand/settings.toml); [bold]--no-config[/bold] neither reads nor writes them. Options given here win over the remembered ones.
"""


def _check_view_file(file: str | None) -> None:
    """A FILE that is not there, or is a folder or unreadable, fails as it does in `summarize` (exit 1)."""
    from summarizer.load import is_url
    from tui.source import load_document

    if file is None or file == "-" or is_url(file):
        return
    try:
        os.stat(file)
    except FileNotFoundError:
        fail(f"{file}: no such file")
    except OSError:
        pass  # under a folder that cannot be searched, say: the loader names the reason
    if os.path.isdir(file):
        fail(f"{file}: is a directory, not a file")
    try:
        load_document(file)
    except EvenhandError as error:
        fail_from(error)


def _view_settings(
    saved: Any, *, algorithm: str | None, sentences: int | None, ratio: float | None, light: bool,
    edits: str | None = None, neutrality: float | None = None,
) -> tuple[Any, str]:
    """The reader's settings and theme: the remembered ones (``saved``, or none), then the options given."""
    from dataclasses import replace

    from tui.config import DARK_THEME, LIGHT_THEME
    from tui.settings import SummarySettings

    settings = saved.settings if saved is not None else SummarySettings()
    if algorithm is not None and algorithm.lower() != settings.algorithm:
        settings = settings.with_algorithm(algorithm.lower())
    if sentences is not None or ratio is not None:
        settings = replace(settings, sentences=sentences, ratio=ratio)
    if edits is not None:
        settings = replace(settings, edits=edits)
    if neutrality is not None:
        settings = replace(settings, neutrality=neutrality)
    theme = LIGHT_THEME if light else (saved.theme if saved is not None and saved.theme else DARK_THEME)
    return settings, theme


@app.command("view", epilog=_VIEW_EPILOG)
def view(
    file: str | None = typer.Argument(
        None, metavar="FILE|-|URL", show_default=False,
        help="Article to open (text, Markdown or HTML); '-' reads standard input; an http:// or https:// URL "
        "is fetched first. Without it, the bundled example opens.",
    ),
    algorithm: str | None = typer.Option(
        None, "--algorithm", "-a", metavar="NAME", autocompletion=_complete_from(SUMMARIZE_ALGORITHMS),
        show_default=False,
        help="neutral, or one of sumy's: lexrank, textrank, lsa, luhn, edmundson, kl, sumbasic, reduction, "
        "random \\[default: the last one used, else neutral]",
    ),
    sentences: int | None = typer.Option(
        None, "--sentences", "-n", metavar="N", min=1, help="Keep this many sentences."
    ),
    ratio_text: str | None = typer.Option(
        None, "--ratio", "-r", metavar="R", help="Keep this share of the sentences: 0.2 or 20% (0 < R ≤ 1)."
    ),
    edits: str | None = typer.Option(
        None, "--edits", metavar="none|trim|reword|compress", autocompletion=_complete_from(SUMMARIZE_EDITS),
        show_default=False,
        help="How far kept sentences are edited (see evenhand summarize --help) \\[default: the last level "
        "used with the algorithm, else compress for neutral, none for the others]",
    ),
    neutrality: float | None = typer.Option(
        None, "--neutrality", metavar="W", show_default=False,
        help="How strongly neutral avoids loaded sentences: 0 to 5 \\[default: the last one used, else 1]",
    ),
    light: bool = typer.Option(False, "--light", help="Start with the light theme."),
    no_config: bool = typer.Option(
        False, "--no-config", help="Neither read nor save the remembered settings (theme, algorithm, length …)."
    ),
) -> None:
    """Open the reader: the original beside its summary, every decision explained ('?' lists the keys)."""
    if algorithm is not None and algorithm.lower() not in SUMMARIZE_ALGORITHMS:
        fail(f"no algorithm named {algorithm!r}; choose one of: {', '.join(SUMMARIZE_ALGORITHMS)}",
             code=EXIT_USAGE)
    ratio = parse_ratio(ratio_text) if ratio_text is not None else None
    if edits is not None:
        edits = check_choice(edits, SUMMARIZE_EDITS, "--edits")
    # The options given are checked as summarize checks them, before anything is read.
    summary_options(algorithm=algorithm, sentences=sentences, ratio=ratio, edits=edits, neutrality=neutrality)
    from tui.config import config_path, load_config
    from tui.source import bundled_example, load_document

    # A file that cannot be read fails first, as in `summarize` (exit 1), terminal or not.
    _check_view_file(file)
    if not sys.stdout.isatty():
        fail("view needs a terminal; use 'evenhand summarize' to print a summary", code=EXIT_USAGE)
    data: bytes | None = None
    document: Any = None
    from summarizer.load import is_url

    if file is not None and is_url(file):
        from summarizer.load import load_url

        try:
            document = load_url(file)  # before the app starts: a failure is one line and an exit code
        except EvenhandError as error:
            fail_from(error)
        source = file
    elif file is None:
        try:
            source = str(bundled_example())
        except EvenhandError as error:
            fail_from(error)
    elif file == "-":
        if sys.stdin.isatty():
            fail("'-' reads standard input, but nothing is piped in", code=EXIT_USAGE)
        source = "-"
        data = sys.stdin.buffer.read()
        try:
            load_document(source, data=data)
        except EvenhandError as error:
            fail_from(error)
        _attach_keyboard()
    else:
        source = file

    config = None if no_config else config_path()
    settings, theme = _view_settings(
        load_config(config) if config is not None else None,
        algorithm=algorithm, sentences=sentences, ratio=ratio, light=light, edits=edits, neutrality=neutrality,
    )

    import asyncio
    import os

    from tui.app import EvenhandApp

    viewer = EvenhandApp(
        None if document is not None else source, data=data, settings=settings, theme=theme, config=config,
        document=document,
    )
    # A summary of a long article may still be running in a worker thread when the reader
    # quits.  asyncio.run() and the interpreter would both wait for it; with our own loop
    # and os._exit the terminal is restored and the shell is back at once.
    viewer.run(loop=asyncio.new_event_loop())
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(viewer.return_code or 0)


# ---- eval bias ----


_EVAL_BIAS_EPILOG = """
[bold]Examples[/bold]

  [dim]# BABE's expert labels; a table, or --format json for the figures alone[/dim]
  evenhand eval bias --data ../shared/data/babe/babe_sg2.dev.jsonl
  evenhand eval bias --data ../shared/data/babe/mbic.dev.jsonl --limit 500 --format json
"""


@eval_app.command("bias", epilog=_EVAL_BIAS_EPILOG)
def eval_bias(
    data: str = typer.Option(
        ...,
        "--data",
        metavar="FILE",
        help="JSON Lines file with 'sentence' and 'label' (BABE, MBIC, wiki_npov or subj labels).",
    ),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Read only the first N records."),
    output_format: str = typer.Option(
        "table", "--format", metavar="table|json", help="Print a table or JSON."
    ),
) -> None:
    """How well the bias score tells biased (or subjective) sentences from the rest."""

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from summarizer.evaluate.bias import evaluate_bias

    result = _evaluated(output_format, lambda: evaluate_bias(data, limit=limit))
    if result is None:
        return
    table = Table(title="Bias score as a sentence classifier", show_header=True)
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("data", Text(result.path))
    table.add_row("dataset", result.dataset)
    table.add_row("sentences", f"{result.n:,} ({result.positives:,} positive, {result.dropped:,} dropped)")
    table.add_row("threshold", f"{result.threshold:.2f}")
    table.add_row("macro-F1", f"{result.macro_f1:.3f}")
    table.add_row("precision", f"{result.precision:.3f}")
    table.add_row("recall", f"{result.recall:.3f}")
    table.add_row("ROC-AUC", f"{result.roc_auc:.3f}")
    table.add_row("accuracy", f"{result.accuracy:.3f}")
    if result.spearman == result.spearman:
        table.add_row("Spearman with the graded scores", f"{result.spearman:+.3f}")
    Console().print(table)


# ---- eval segmentation ----


_EVAL_SEGMENTATION_EPILOG = """
[bold]Examples[/bold]

  [dim]# sentence splitting against the BBC set's reference sentences[/dim]
  evenhand eval segmentation --data ../shared/data/bbc-news-summary/bbc_news_summary.dev.jsonl
"""


@eval_app.command("segmentation", epilog=_EVAL_SEGMENTATION_EPILOG)
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

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from summarizer.evaluate.segmentation import evaluate_segmentation

    result = _evaluated(output_format, lambda: evaluate_segmentation(data, limit=limit))
    if result is None:
        return
    console = Console()
    table = Table(title="Sentence segmentation", show_header=True)
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("data", Text(result.path))
    table.add_row("exact match", f"{result.exact_match:.2%}")
    table.add_row("reference sentences", f"{result.matched:,} of {result.reference_sentences:,} matched")
    table.add_row("misses across a line break", f"{result.across_lines:,}")
    table.add_row("misses not in the text", f"{result.not_in_text:,}")
    table.add_row("misses cut before a lower-case word", f"{result.lower_case_cut:,}")
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


def _check_table_or_json(output_format: str) -> None:
    """The eval commands print a table or JSON; anything else is a usage error."""
    if output_format not in {"table", "json"}:
        fail(f"--format must be 'table' or 'json', not {output_format!r}", code=EXIT_USAGE)


def _evaluated(output_format: str, run: Callable[[], Any]) -> Any:
    """Check ``--format``, run an evaluation (a library error is one line and an exit code), and
    print it as JSON when asked: then ``None`` comes back, else the result for a table."""
    _check_table_or_json(output_format)
    try:
        result = run()
    except EvenhandError as error:
        fail_from(error)
    if output_format == "json":
        _print_json(result)
        return None
    return result


def _evaluated_with_progress(output_format: str, run: Callable[[Callable[[int, int], None]], Any]) -> Any:
    """:func:`_evaluated` with a progress bar on stderr: ``run`` is given the callback that moves it."""

    def with_progress() -> Any:
        progress, update = _eval_progress()
        with progress:
            return run(update)

    return _evaluated(output_format, with_progress)


def _print_json(result: Any) -> None:
    """Print an evaluation result (anything with ``to_dict()``) as indented JSON."""
    import json

    print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))


def _eval_progress() -> tuple[Any, Callable[[int, int], None]]:
    """A transient progress bar on stderr for the eval commands, and the callback that moves it."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(
        TextColumn("summarising"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=Console(stderr=True), transient=True,
    )
    task = progress.add_task("summarising", total=None)

    def update(done: int, total: int) -> None:
        progress.update(task, completed=done, total=total)

    return progress, update


def _system_names(systems: str | None) -> list[str] | None:
    if systems is None:
        return None
    return [name for name in systems.split(",") if name.strip()]


_EVAL_SUMMARY_EPILOG = """
[bold]Examples[/bold]

  [dim]# ROUGE of neutral, lead and every sumy algorithm, two processes[/dim]
  evenhand eval summary --data ../shared/data/bbc-news-summary/bbc_news_summary.dev.jsonl --jobs 2

  [dim]# only two systems, on the first 100 articles[/dim]
  evenhand eval summary --data FILE --systems neutral,lead --limit 100
"""


@eval_app.command("summary", epilog=_EVAL_SUMMARY_EPILOG)
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

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from summarizer.evaluate.summary import evaluate_summary

    result = _evaluated_with_progress(output_format, lambda update: evaluate_summary(
        data, limit=limit, systems=_system_names(systems), engine=engine, jobs=jobs, progress=update
    ))
    if result is None:
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
    console = Console()
    console.print(table)
    sumy = [name for name in result.systems if name not in {"neutral", "lead"}]
    rival = result.best("rouge2", among=sumy)
    if "neutral" in result.systems and rival is not None:
        gap = result.systems["neutral"].rouge2 - result.systems[rival].rouge2
        console.print(
            Text(f"neutral's ROUGE-2 minus the best sumy algorithm's ({rival}): {gap:+.4f}")
        )


# ---- eval integrity ----


@eval_app.command("integrity")
def eval_integrity(
    data: str = typer.Option(
        ..., "--data", metavar="FILE",
        help="JSON Lines file of articles ('text'; 'id' and 'reference_sentences' when present).",
    ),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Check only the first N articles."),
    output_format: str = typer.Option("table", "--format", metavar="table|json", help="Print a table or JSON."),
    systems: str | None = typer.Option(
        None, "--systems", metavar="A,B,...", help="Algorithms to check. Default: neutral and every sumy algorithm.",
    ),
    jobs: int = typer.Option(2, "--jobs", min=1, help="Worker processes (articles are independent)."),
) -> None:
    """How often summaries leave a quotation open or unattributed, a reference unresolved, the lead out."""

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from summarizer.evaluate.integrity import CHECKS, evaluate_integrity
    from summarizer.evaluate.summary import check_systems

    _check_table_or_json(output_format)
    try:
        names = check_systems(_system_names(systems) or []) if systems is not None else None
    except EvenhandError as error:
        fail_from(error)
    if names is not None and "lead" in names:
        fail("'lead' is not an algorithm; choose algorithm names", code=2)
    result = _evaluated_with_progress(output_format, lambda update: evaluate_integrity(
        data, systems=names, limit=limit, jobs=jobs, progress=update
    ))
    if result is None:
        return
    table = Table(
        title=Text(f"Integrity of summaries on {result.path}: {result.articles:,} articles"),
        caption=Text(
            "Share of summaries with each fault (lead missing: share of articles with a lead)."
            f" {result.jobs} job(s); {result.seconds:.1f} s."
        ),
    )
    table.add_column("system")
    table.add_column("length")
    for check in CHECKS:
        table.add_column(check.replace("_", " "), justify="right")
    for name, lengths in result.systems.items():
        for length, row in lengths.items():
            table.add_row(Text(name), length, *(f"{row['rates'][check]:.1%}" for check in CHECKS))
    Console().print(table)


# ---- eval rewording ----


@eval_app.command("rewording")
def eval_rewording(
    data: str = typer.Option(
        ..., "--data", metavar="FILE",
        help="JSON Lines file of WNC pairs ('sentence', 'neutral_version', 'biased_words').",
    ),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Measure only the first N pairs."),
    output_format: str = typer.Option("table", "--format", metavar="table|json", help="Print a table or JSON."),
) -> None:
    """Rewrite each biased sentence as evenhand would and compare with the editors' neutral version."""

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from summarizer.evaluate.rewording import evaluate_rewording

    result = _evaluated(output_format, lambda: evaluate_rewording(data, limit=limit))
    if result is None:
        return
    table = Table(title=Text(f"Rewording on {result.path}: {result.pairs:,} pairs"))
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("exact match with the editors' neutral version", f"{result.exact_match:.1%}")
    table.add_row("biased sentences changed", f"{result.changed:.1%}")
    table.add_row("changes touching the labelled word", f"{result.on_target:.1%}")
    table.add_row("neutral versions changed (false edits)", f"{result.false_edits:.1%}")
    table.add_row("top-1 detection (highest cue is the labelled word)", f"{result.top1_detection:.1%}")
    Console().print(table)


# ---- eval words ----


_EVAL_WORDS_EPILOG = """
[bold]Examples[/bold]

  [dim]# does a cue cover the word Wikipedia's editors removed, and how clean are their rewrites?[/dim]
  evenhand eval words --data ../shared/data/wnc/wnc_biased_word_test.dev.jsonl
  evenhand eval words --data FILE --framing-only --format json
"""


@eval_app.command("words", epilog=_EVAL_WORDS_EPILOG)
def eval_words(
    data: str = typer.Option(
        ..., "--data", metavar="FILE",
        help="JSON Lines file of WNC pairs ('sentence', 'neutral_version', 'biased_words').",
    ),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Measure only the first N pairs."),
    framing_only: bool = typer.Option(
        False, "--framing-only", help="Count only the writer's framing cues, not the general lexicons."
    ),
    output_format: str = typer.Option("table", "--format", metavar="table|json", help="Print a table or JSON."),
) -> None:
    """Recall of the editors' biased word by a cue, precision, and cues left in their neutral rewrites."""

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from summarizer.evaluate.words import evaluate_words

    result = _evaluated(output_format, lambda: evaluate_words(data, limit=limit, all_categories=not framing_only))
    if result is None:
        return
    console = Console()
    table = Table(title=Text(f"Cues on {result.path}: {result.pairs:,} pairs"))
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("biased sentences whose labelled word a cue covers (recall)", f"{result.recall:.1%}")
    table.add_row("cues in biased sentences on the labelled word (precision)", f"{result.precision:.1%}")
    table.add_row("cues per neutral rewrite", f"{result.cues_per_neutral:.3f}")
    table.add_row("neutral rewrites with any cue", f"{result.neutral_with_cue:.1%}")
    console.print(table)
    by_category = Table(title="By category")
    for column in ("category", "cues in biased", "on the labelled word", "cues in neutral"):
        by_category.add_column(column, justify="left" if column == "category" else "right")
    for category, counts in result.per_category.items():
        by_category.add_row(
            category, f"{counts['biased']:,}", f"{counts['on_target']:,}", f"{counts['neutral']:,}"
        )
    console.print(by_category)


# ---- eval neutrality ----


_EVAL_NEUTRALITY_EPILOG = """
[bold]Examples[/bold]

  [dim]# the crowd's bias ratings of what each system keeps[/dim]
  evenhand eval neutrality --data ../shared/data/biased-sents-lim2020/biased_sents.dev.jsonl
"""


def _rho(value: float) -> str:
    """A correlation for a table: signed, three places, ``n/a`` when undefined."""
    return "n/a" if value != value else f"{value:+.3f}"


@eval_app.command("neutrality", epilog=_EVAL_NEUTRALITY_EPILOG)
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

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from summarizer.evaluate.neutrality import evaluate_neutrality

    result = _evaluated_with_progress(output_format, lambda update: evaluate_neutrality(
        data, limit=limit, systems=_system_names(systems), engine=engine, min_sentences=min_sentences,
        progress=update,
    ))
    if result is None:
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
    table.add_column("± s.e.", justify="right")
    table.add_column("articles below their mean", justify="right")
    for name, value in result.systems.items():
        spread = result.standard_errors.get(name, float("nan"))
        table.add_row(
            Text(name), f"{value:.4f}", "n/a" if spread != spread else f"{spread:.4f}",
            f"{result.below_article_mean[name]:,} of {result.articles:,}",
        )
    table.add_row(Text("article mean", style="dim"), f"{result.article_mean:.4f}", "", "")
    table.add_row(Text("lowest possible", style="dim"), f"{result.lowest_possible:.4f}", "", "")
    console.print(table)
    console.print(
        Text(
            f"Spearman of the bias score with the crowd's scores: {_rho(result.spearman)}"
            f" (sentence length: {_rho(result.length_spearman)})"
        )
    )
    if result.mismatches:
        shown = 10
        console.print(
            Text(
                f"{len(result.mismatches):,} article(s) whose rated sentences did not come back one for one"
                " (each piece keeps its rated sentence's score):",
                style="bold",
            )
        )
        for m in result.mismatches[:shown]:
            console.print(
                Text.assemble((f"{m.article}: ", "bold"), f"{m.rated} rated, {m.segmented} segmented; e.g. ", m.example)
            )
        if len(result.mismatches) > shown:
            console.print(Text(f"… and {len(result.mismatches) - shown:,} more (all are listed with --format json)."))


# ---- eval plain ----


_EVAL_PLAIN_EPILOG = """
[bold]Examples[/bold]

  [dim]# grade, words per sentence and ROUGE of neutral (edits on and off) and every sumy algorithm[/dim]
  evenhand eval plain --data ../shared/data/bbc-news-summary/bbc_news_summary.dev.jsonl --jobs 2
  evenhand eval plain --data FILE --limit 100 --format json
"""


@eval_app.command("plain", epilog=_EVAL_PLAIN_EPILOG)
def eval_plain(
    data: str = typer.Option(
        ..., "--data", metavar="FILE",
        help="JSON Lines file with 'text', 'reference' and 'reference_sentences' (BBC News Summary, CNN/DM).",
    ),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Measure only the first N articles."),
    output_format: str = typer.Option("table", "--format", metavar="table|json", help="Print a table or JSON."),
    jobs: int = typer.Option(2, "--jobs", min=1, help="Worker processes (articles are independent)."),
) -> None:
    """How plain the summaries read (grade, words per sentence, long sentences) and their ROUGE."""

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from summarizer.evaluate.plain import evaluate_plain

    result = _evaluated_with_progress(
        output_format, lambda update: evaluate_plain(data, limit=limit, jobs=jobs, progress=update)
    )
    if result is None:
        return
    table = Table(
        title=Text(f"Plain language on {result.path}: {result.articles:,} articles"),
        caption=Text(f"{result.length_rule}. {result.duplicates_skipped:,} duplicates skipped; {result.seconds:.1f} s."),
    )
    table.box, table.caption = None, Text(
        "FK: Flesch–Kincaid grade, w/s: words per sentence, of the article → the summary; >20, >30: summary"
        " sentences over 20 and 30 words; cut: kept sentences compressed; R-2: ROUGE-2 F1 of the selection"
        f" and of the edited summary. {result.length_rule}. {result.duplicates_skipped:,} duplicates skipped;"
        f" {result.seconds:.1f} s."
    )
    for column in ("system", "FK", "→ FK", "w/s", "→ w/s", ">20", ">30", "cut", "R-2 sel", "R-2 ed"):
        table.add_column(column, justify="left" if column == "system" else "right", no_wrap=column == "system")
    for name, s in result.systems.items():
        table.add_row(
            Text(name),
            f"{s.grade_original:.2f}", f"{s.grade_summary:.2f}",
            f"{s.words_per_sentence_original:.1f}", f"{s.words_per_sentence_summary:.1f}",
            f"{s.over_20:.1%}", f"{s.over_30:.1%}", f"{s.edited_sentences:.1%}",
            f"{s.rouge_selection[1]:.4f}", f"{s.rouge_edited[1]:.4f}",
        )
    if result.systems:
        first = next(iter(result.systems.values()))
        table.add_row(
            Text("(references)"), f"{first.grade_original:.2f}", f"{result.reference_grade:.2f}",
            f"{first.words_per_sentence_original:.1f}", f"{result.reference_words_per_sentence:.1f}", "", "", "", "", "",
        )
    console = Console()
    console.print(table)
    for name, s in result.systems.items():
        if s.compression_kinds:
            kinds = ", ".join(f"{kind.replace('_', ' ')} {count:,}" for kind, count in s.compression_kinds.items())
            console.print(Text(f"compression edits of {name}: {kinds}"))


def main() -> None:
    """The Typer application alone (the console entry, :func:`evenhand.start.main`, tries its fast path first)."""
    app()
