"""One document to standard output, for ``evenhand summarize``: its flags checked, the summary printed.

The Typer command (:mod:`evenhand.cli`) and the fast path of the console entry
(:mod:`evenhand.start`) both go through here, so a flag means the same, is checked in the same
order and fails with the same message and exit code whichever of them parsed the command line.
This module imports neither Typer nor Rich (Rich only to print a warning or the terminal view):
a whole ``evenhand summarize FILE -f json`` process loads only what that summary needs.
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass
from typing import Any, NoReturn

from summarizer.errors import EvenhandError
from summarizer.levels import EDITS, NEUTRAL
from summarizer.rank.algorithms import ALGORITHMS, ENGINES
from summarizer.render.formats import FORMATS

EXIT_FAILED = 1
EXIT_USAGE = 2
#: The widest ``--width``: Rich pads each line to the width, and one past the machine's index
#: range is an ``OverflowError`` (checked here, not by Typer, so that ``--help`` is unchanged).
WIDTH_MAX = 10_000


def terminal_safe(message: object) -> str:
    """``message`` on one line, every control, bidi and invisible character made visible.

    Every line this module prints about an input (errors, failures, warnings) passes
    through here: file names and reasons are data, never escape sequences.
    """
    from summarizer.render.sanitize import one_line

    return " ".join(one_line(str(message)).split())


def fail(message: str, *, code: int = EXIT_FAILED) -> NoReturn:
    """Print ``evenhand: error: <message>`` on one line of stderr and exit with ``code``."""
    print(f"evenhand: error: {terminal_safe(message)}", file=sys.stderr)
    raise SystemExit(code)


EXIT_PIPE_CLOSED = 141  # 128 + SIGPIPE, what a shell reports for a Unix tool stopped by `| head`


def exit_pipe_closed() -> NoReturn:
    """The reader of standard output went away (``| head``): stop quietly, as Unix tools do."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    with contextlib.suppress(OSError, ValueError):  # a closed standard output has no descriptor to replace
        os.dup2(devnull, sys.stdout.fileno())  # so that Python's last flush at exit cannot fail again
    os.close(devnull)
    raise SystemExit(EXIT_PIPE_CLOSED)


def os_error_message(error: OSError) -> str:
    """An OS error as one line: the path it names, else what standard output could not take."""
    reason = error.strerror or str(error) or type(error).__name__
    if error.filename is not None:
        return f"{os.fsdecode(error.filename)}: {reason}"
    return f"cannot write standard output ({reason})"


def fail_from(error: EvenhandError) -> NoReturn:
    """Turn a library error into a one-line message and an exit code."""
    fail(str(error), code=EXIT_FAILED)


SUMMARIZE_ALGORITHMS: tuple[str, ...] = (NEUTRAL, *ALGORITHMS)
SUMMARIZE_FORMATS = FORMATS
SUMMARIZE_ENGINES = ENGINES
SUMMARIZE_EDITS = EDITS
COLOR_CHOICES = ("auto", "always", "never")


def parse_size(value: str) -> int:
    """``"50MB"``, ``"512k"``, ``"1G"`` or a plain number of bytes."""
    text = value.strip().lower().removesuffix("b").removesuffix("i")
    scale = 1
    for suffix, factor in (("k", 1024), ("m", 1024**2), ("g", 1024**3)):
        if text.endswith(suffix):
            text, scale = text[: -len(suffix)], factor
            break
    try:
        size = int(float(text) * scale)
    except (ValueError, OverflowError):  # not a number, nan, inf, 1e400
        raise ValueError(f"not a size: {value!r} (try 50MB, 512k or a number of bytes)") from None
    if size <= 0:
        raise ValueError("must be more than 0 bytes")
    return size


def parse_ratio(value: str, option: str = "--ratio") -> float:
    """``"0.2"`` or ``"20%"`` as a share of the sentences, above 0 and at most 1 (else a usage error)."""
    text = value.strip()
    percent = text.endswith("%")
    try:
        number = float(text.removesuffix("%").strip())
    except ValueError:
        fail(f"{option} {value!r}: give a share such as 0.2 or 20%", code=EXIT_USAGE)
    if percent:
        number /= 100
    elif number > 1:
        fail(f"{option} must be more than 0 and at most 1, not {value} (for a percentage write {value}%)",
             code=EXIT_USAGE)
    return number  # its range is checked with the other options (summarizer.options)


def summary_options(**given: Any) -> Any:
    """The :class:`summarizer.options.SummaryOptions` of the flags given (``None``: not given);
    an invalid one is a usage error naming its flag."""
    from summarizer.errors import OptionsError
    from summarizer.options import options_from

    try:
        return options_from(**given)
    except OptionsError as error:
        fail(options_message(error), code=EXIT_USAGE)


def options_message(error: Any) -> str:
    """An :class:`~summarizer.errors.OptionsError`'s message with the options named by their flags."""
    flags = [f"--{name}" for name in error.options]
    if flags and error.problem is not None:
        return f"{' and '.join(flags)} {error.problem}"
    return f"{flags[0]}: {error}" if flags else str(error)


def check_choice(value: str, choices: tuple[str, ...], option: str) -> str:
    lowered = value.lower()
    if lowered not in choices:
        fail(f"{option} {value!r}: choose one of {', '.join(choices)}", code=EXIT_USAGE)
    return lowered


def say(console: Any, message: str, *, style: str | None = None) -> None:
    """One line on stderr through ``console`` (so it prints above a progress bar), never as markup."""
    from rich.text import Text

    console.print(Text(terminal_safe(message), style=style or ""), soft_wrap=True, highlight=False)


def one_document(path: str) -> bool:
    """``path`` is one document, read whole: standard input, a URL, a file that is not a corpus."""
    from summarizer.load import is_url

    if path == "-" or is_url(path):
        return True
    return os.path.isfile(path) and not path.lower().endswith((".jsonl", ".parquet"))


def load_one(path: str, max_bytes: int, *, timeout: float, retries: int) -> Any:
    """Read one document through the one loader (a one-line error if it cannot be read)."""
    from summarizer.load import decode_input, is_url, load_path, load_text, load_url
    from summarizer.read import read_bytes

    try:
        if is_url(path):
            from summarizer.fetch import FetchOptions  # the web client only for a URL

            return load_url(path, options=FetchOptions(timeout=timeout, retries=retries, max_bytes=max_bytes))
        if path == "-":  # decoded as a page would be (by its declared charset), as the batch reads it
            data = read_bytes("-", max_bytes=max_bytes)
            decoded, _ = decode_input(data, source="-")
            return load_text(decoded.text, source="-", warnings=decoded.warnings)
        return load_path(path, max_bytes=max_bytes, source=path)
    except EvenhandError as error:
        fail_from(error)


def show_one(document: Any, label: str, options: Any, output_format: str, *, color: str, width: int | None,
              pager: bool) -> None:
    """Summarise one document and print it (warnings on stderr first)."""
    from summarizer.one import summarize_document

    name = "standard input" if label == "-" else label
    try:
        summary = summarize_document(document, options, name=name)
    except EvenhandError as error:
        fail_from(error)
    if summary.document.warnings:  # Rich is loaded only to say something
        from rich.console import Console

        errors = Console(stderr=True, highlight=False)
        for warning in summary.document.warnings:
            say(errors, f"evenhand: warning: {label}: {warning}")
    try:
        print_summary(summary, output_format, color=color, width=width, pager=pager)
        sys.stdout.flush()
    except EvenhandError as error:  # a renderer's (a SummaryError from the alignment)
        fail_from(error)
    except BrokenPipeError:
        exit_pipe_closed()
    except OSError as error:  # a full disk behind a redirection
        fail(f"cannot write standard output ({error.strerror or type(error).__name__})")


def print_summary(summary: Any, output_format: str, *, color: str, width: int | None, pager: bool) -> None:
    """Write one summary to standard output, through a pager when it is longer than the screen."""
    import shutil

    from summarizer.render import render, write

    use_color = {"always": True, "never": False}.get(color)
    if use_color is None:  # auto: as Rich decides (a terminal, NO_COLOR unset)
        use_color = None if output_format == "terminal" else False
    if not pager:  # written a piece at a time: a long document's JSON is never held whole
        write(summary, output_format, sys.stdout, width=width, color=use_color)
        return
    output = render(summary, output_format, width=width, color=use_color)
    if output.count("\n") >= shutil.get_terminal_size().lines and page(output):
        return
    sys.stdout.write(output)


def page(output: str) -> bool:
    """Show ``output`` in ``$PAGER`` (``less -R`` by default, as git does); ``False`` if none would run."""
    import shlex
    import shutil
    import subprocess

    command = shlex.split(os.environ.get("PAGER") or "less -R")
    if not command or shutil.which(command[0]) is None:
        return False
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")  # quit when it fits, keep colours, leave the text on screen
    try:
        with subprocess.Popen(command, stdin=subprocess.PIPE, env=env, text=True, encoding="utf-8") as process:
            assert process.stdin is not None
            try:
                process.stdin.write(output)
                process.stdin.close()
            except BrokenPipeError:  # the reader quit the pager before the end
                pass
            process.wait()
    except OSError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class SummarizeFlags:
    """The flags of ``evenhand summarize`` that shape one summary, as given on the command line.

    The defaults here are the command's defaults (the Typer command reads them from
    :data:`DEFAULTS`); ``None`` is "not given".
    """

    algorithm: str = NEUTRAL
    sentences: int | None = None
    ratio_text: str | None = None
    words: int | None = None
    engine: str = "fast"
    edits: str | None = None
    trim: bool | None = None
    neutrality: float | None = None
    language: str = "english"
    output_format: str | None = None
    max_bytes: str = "50MB"
    timeout: float = 20.0
    retries: int = 2
    color: str = "auto"
    width: int | None = None
    no_pager: bool = False


DEFAULTS = SummarizeFlags()


@dataclass(frozen=True, slots=True)
class Checked:
    """What :func:`check_flags` made of the flags: the summary's options and how to print it."""

    options: Any  # summarizer.options.SummaryOptions
    size_limit: int
    output_format: str
    color: str


def check_flags(flags: SummarizeFlags, *, stdout_is_terminal: bool, to_files: bool) -> Checked:
    """Check ``flags`` in the command's order; the first bad one is a usage error (exit 2).

    Args:
        flags: as given.
        stdout_is_terminal: whether standard output is a terminal (the default format).
        to_files: ``--out`` or ``--jsonl-out`` was given (the default format is then text).
    """
    ratio = parse_ratio(flags.ratio_text) if flags.ratio_text is not None else None
    color = check_choice(flags.color, COLOR_CHOICES, "--color")
    if flags.width is not None and flags.width > WIDTH_MAX:
        fail(f"--width must be at most {WIDTH_MAX:,}, not {flags.width}", code=EXIT_USAGE)
    algorithm = check_choice(flags.algorithm, SUMMARIZE_ALGORITHMS, "--algorithm")
    engine = check_choice(flags.engine, SUMMARIZE_ENGINES, "--engine")
    edits = check_choice(flags.edits, SUMMARIZE_EDITS, "--edits") if flags.edits is not None else None
    options = summary_options(
        algorithm=algorithm, sentences=flags.sentences, ratio=ratio, words=flags.words, engine=engine, edits=edits,
        trim=flags.trim, neutrality=flags.neutrality, language=flags.language.lower(),
    )
    try:
        size_limit = parse_size(flags.max_bytes)
    except ValueError as error:
        fail(f"--max-bytes: {error}", code=EXIT_USAGE)
    output_format = flags.output_format
    if output_format is None:
        output_format = "terminal" if stdout_is_terminal and not to_files else "text"
    output_format = check_choice(output_format, SUMMARIZE_FORMATS, "--format")
    return Checked(options, size_limit, output_format, color)


def summarize_path(path: str, flags: SummarizeFlags, checked: Checked, *, stdout_is_terminal: bool) -> None:
    """Read the one document at ``path`` (:func:`one_document`), summarise it and print it."""
    document = load_one(path, checked.size_limit, timeout=flags.timeout, retries=flags.retries)
    show_one(document, path, checked.options, checked.output_format, color=checked.color, width=flags.width,
             pager=not flags.no_pager and stdout_is_terminal and checked.output_format == "terminal")
