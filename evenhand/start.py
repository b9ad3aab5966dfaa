"""The console entry: ``evenhand summarize FILE`` with the common flags straight through, all else to Typer.

Importing Typer (and the pydantic it loads to run a command) costs a new process more than
summarising a short article does.  So :func:`main` first reads the command line itself when it
is ``summarize`` with one input that is one document (:func:`evenhand.single.one_document`)
and only flags of :data:`FLAGS`, each given once with a plain value; it then runs exactly what
the Typer command runs for that case (:func:`evenhand.single.check_flags`, then
:func:`~evenhand.single.summarize_path`), so the output, messages and exit codes are the same.
Anything else (help, completion, several inputs, a folder, ``--out``, an unusual spelling such
as ``-n5``, a value Typer would refuse) goes to the Typer application, which says what Typer says.
"""

from __future__ import annotations

import errno
import io
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

#: Flags the fast path reads: flag → (field of :class:`~evenhand.single.SummarizeFlags`, kind).
#: ``kind`` is ``int``, ``float`` or ``str`` for a flag that takes a value, or the value a
#: flag without one sets.  tests/cli/test_cli_fast.py checks every entry against the Typer command.
FLAGS: dict[str, tuple[str, Any]] = {
    "--algorithm": ("algorithm", str), "-a": ("algorithm", str),
    "--sentences": ("sentences", int), "-n": ("sentences", int),
    "--ratio": ("ratio_text", str), "-r": ("ratio_text", str),
    "--words": ("words", int), "-w": ("words", int),
    "--engine": ("engine", str),
    "--edits": ("edits", str),
    "--trim": ("trim", True), "--no-trim": ("trim", False),
    "--neutrality": ("neutrality", float),
    "--language": ("language", str),
    "--format": ("output_format", str), "-f": ("output_format", str),
    "--color": ("color", str),
    "--width": ("width", int),
    "--no-pager": ("no_pager", True),
}  # fmt: skip
#: The smallest ``--width`` the Typer command accepts (``min=20``).
WIDTH_MIN = 20

# Values read as Typer reads them; anything else (signs, spaces, underscores, exponents) is left to Typer.
_INT = re.compile(r"[0-9]+")
_FLOAT = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def fast_summarize_args(args: Sequence[str]) -> tuple[str, dict[str, Any]] | None:
    """``(path, flags)`` when ``args`` is a ``summarize`` the fast path runs as Typer would, else ``None``.

    ``flags`` maps fields of :class:`~evenhand.single.SummarizeFlags` to the values given.
    """
    if len(args) < 2 or args[0] != "summarize":
        return None
    path: str | None = None
    given: dict[str, Any] = {}
    rest = list(args[1:])
    while rest:
        arg = rest.pop(0)
        if arg == "-" or not arg.startswith("-"):
            if path is not None:
                return None  # several inputs: the batch
            path = arg
            continue
        flag, equals, value = arg.partition("=")
        if flag not in FLAGS or (equals and not flag.startswith("--")):
            return None
        field, kind = FLAGS[flag]
        if field in given:
            return None  # given twice: Typer's rule (the last one wins) is Typer's to apply
        if kind is True or kind is False:
            if equals:
                return None
            given[field] = kind
            continue
        if not equals:
            if not rest:
                return None
            value = rest.pop(0)
        if value.startswith("-"):
            return None  # a negative number, or a flag where a value should be
        if kind is int:
            if not _INT.fullmatch(value):
                return None
            given[field] = int(value)
        elif kind is float:
            if not _FLOAT.fullmatch(value):
                return None
            given[field] = float(value)
        else:
            given[field] = value
    if path is None or ("width" in given and given["width"] < WIDTH_MIN):
        return None
    return path, given


def run_fast(path: str, given: dict[str, Any]) -> None:
    """Run ``evenhand summarize PATH`` with ``given`` flags as the Typer command runs it, exit code and all."""
    from evenhand.single import DEFAULTS, check_flags, summarize_path

    flags = replace(DEFAULTS, **given)
    stdout_is_terminal = sys.stdout.isatty()
    try:
        checked = check_flags(flags, stdout_is_terminal=stdout_is_terminal, to_files=False)
        summarize_path(path, flags, checked, stdout_is_terminal=stdout_is_terminal)
    except KeyboardInterrupt:
        sys.exit(130)  # as Typer ends a command stopped by Ctrl-C
    sys.exit(0)


def main(args: Sequence[str] | None = None) -> None:
    """Console-script entry point (``evenhand``, ``python -m evenhand``).

    The one place where an OS error no command foresaw (writing ``--help`` to a full disk,
    a closed standard output) becomes a one-line message instead of a traceback.
    """
    from evenhand.single import exit_pipe_closed, fail, os_error_message

    _stand_in_for_closed_streams()
    stdout = sys.stdout
    try:
        _main(args)
    except BrokenPipeError:
        exit_pipe_closed()
    except OSError as error:
        fail(os_error_message(error))
    except SystemExit as done:
        # Rich (the help, ``evenhand --help | head -c1``) meets a closed pipe by exiting 1 while
        # handling the BrokenPipeError; Click by wrapping standard output so that the last flush
        # cannot fail (its only reason to replace the stream), then exiting 1.  Either way it is
        # the quiet exit of every other closed pipe.
        if done.code == 1 and (isinstance(done.__context__, BrokenPipeError) or sys.stdout is not stdout):
            exit_pipe_closed()
        raise


class _ClosedStream(io.TextIOBase):
    """Standard output or error when the process was started with it closed (``>&-``)."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "it is closed")

    def isatty(self) -> bool:
        return False


def _stand_in_for_closed_streams() -> None:
    if sys.stdout is None:
        sys.stdout = _ClosedStream()
    if sys.stderr is None:  # nowhere to say anything: the exit code still tells
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def _main(args: Sequence[str] | None) -> None:
    argv = sys.argv[1:] if args is None else list(args)
    if "_EVENHAND_COMPLETE" not in os.environ:  # shell completion is Typer's
        fast = fast_summarize_args(argv)
        if fast is not None:
            from evenhand.single import one_document

            if one_document(fast[0]):
                run_fast(*fast)
    from evenhand.cli import app

    app(args=None if args is None else argv)
