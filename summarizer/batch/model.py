"""The batch's vocabulary: its options, a task (one document), an outcome, a progress event, and how inputs are named in messages."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from summarizer import regex_cache
from summarizer.errors import BatchError
from summarizer.model import Summary
from summarizer.options import SummaryOptions
from summarizer.render import EXTENSIONS, render

if TYPE_CHECKING:
    from summarizer.fetch import FetchOptions



DEFAULT_GLOBS: tuple[str, ...] = ("*.txt", "*.md", "*.html", "*.htm")
JSONL_GLOB = "*.jsonl"
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
MANIFEST_NAME = "manifest.json"
LOCK_NAME = ".evenhand.lock"
MANIFEST_TOOL = "evenhand summarize"
STDIN = "-"
_UNSAFE_NAME = regex_cache.compile(r"[^\w.@+=-]+")
_SURROGATE = regex_cache.compile("[\ud800-\udfff]")

Status = Literal["done", "skipped", "failed"]


# ---- options ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """How to run a batch.

    Attributes:
        summary: the options for every document.
        format: the output format of the files under ``out`` (a :mod:`summarizer.render` name).
        out: the folder that mirrors the input tree, or ``None``.
        jsonl_out: a JSON Lines file to stream one record per document to (``"-"``: standard
            output), or ``None``.
        globs: file-name patterns searched for in folders.
        jsonl_field: summarise this field of each record of ``.jsonl`` inputs (``None``: read
            ``.jsonl`` files as text).
        jobs: worker processes; 1 runs in this process.
        fail_fast: stop at the first failure.
        skip_existing: leave inputs whose output file already exists.
        max_bytes: refuse inputs larger than this.
        fetch: timeouts, retries and request limits for URL inputs (``max_bytes`` applies to them too).
        cluster: run the documents on a Dask cluster instead of the local pool: a scheduler's
            address (``tcp://host:8786``) or ``local[:N]`` (see :mod:`summarizer.batch_dask`);
            ``None``: the local pool, and Dask is never imported.
        text_column: the column of texts of Parquet inputs (``None``: ``text``); given, folders
            are searched for ``*.parquet`` too (see :mod:`summarizer.batch_parquet`).
        id_column: the column that names the rows of Parquet inputs (``None``: ``id`` where
            there is one, else ``row-N``).
        parquet_out: a folder to write every outcome to as Parquet parts, or ``None``.
    """

    summary: SummaryOptions = field(default_factory=SummaryOptions)
    format: str = "json"
    out: Path | None = None
    jsonl_out: str | None = None
    globs: tuple[str, ...] = DEFAULT_GLOBS
    jsonl_field: str | None = None
    jobs: int = 1
    fail_fast: bool = False
    skip_existing: bool = False
    max_bytes: int | None = DEFAULT_MAX_BYTES
    fetch: FetchOptions = field(default_factory=lambda: _fetch_options())
    cluster: str | None = None
    text_column: str | None = None
    id_column: str | None = None
    parquet_out: Path | None = None

    def to_dict(self) -> dict[str, Any]:
        """The options as recorded in the manifest."""
        return {
            **self.summary.to_dict(),
            "format": self.format,
            "out": None if self.out is None else str(self.out),
            "jsonl_out": self.jsonl_out,
            "globs": list(self.globs),
            "jsonl_field": self.jsonl_field,
            "jobs": self.jobs,
            "fail_fast": self.fail_fast,
            "skip_existing": self.skip_existing,
            "max_bytes": self.max_bytes,
            "fetch": self.fetch.to_dict(),
            **({"cluster": self.cluster} if self.cluster is not None else {}),
            **({"text_column": self.text_column} if self.text_column is not None else {}),
            **({"id_column": self.id_column} if self.id_column is not None else {}),
            **({"parquet_out": str(self.parquet_out)} if self.parquet_out is not None else {}),
        }


def _fetch_options() -> FetchOptions:
    from summarizer.fetch import FetchOptions  # httpx and the rest only when a URL is given

    return FetchOptions()


# ---- work items and their outcomes ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Task:
    """One document to summarise.

    Attributes:
        label: how the input is named in messages and the manifest (a path, ``path#id``
            for a JSONL record, ``"-"`` for standard input).
        path: the file a worker reads, or ``None`` when ``text`` is given.
        text: the text already read (standard input, JSONL records).
        html: extract the article from HTML first (``None``: the loader's one rule decides,
            by suffix or by content; see :mod:`summarizer.load`).
        output: the output file's path relative to the output folder, or ``None``.
        warnings: warnings from reading ``text``.
        page: a fetched web page (URL inputs): its bytes are read instead of ``path`` or ``text``.
        fetch: what the manifest records of the fetch (URL, final URL, status, time).
    """

    label: str
    path: str | None = None
    text: str | None = None
    html: bool | None = None
    output: str | None = None
    warnings: tuple[str, ...] = ()
    page: Any = None
    fetch: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one input.

    ``rendered`` and ``record`` carry the output from a worker to the writer; they are
    dropped once written.
    """

    label: str
    status: Status
    reason: str | None = None
    warnings: tuple[str, ...] = ()
    output: str | None = None
    rendered: str | None = None
    record: str | None = None
    fetch: dict[str, Any] | None = None
    summary: str | None = None


@dataclass(frozen=True, slots=True)
class BatchEvent:
    """A progress report: ``"start"`` once the work is counted, then one ``"item"`` per input.

    Attributes:
        kind: ``"start"``, ``"item"`` or ``"end"``.
        total: the number of inputs (documents) in the batch.
        completed: inputs finished so far (done, skipped or failed).
        outcome: the input just finished (``"item"`` events).
    """

    kind: Literal["start", "item", "end"]
    total: int
    completed: int = 0
    outcome: Outcome | None = None


EventCallback = Callable[[BatchEvent], None]


# ---- rendering --------------------------------------------------------------------------


def extension_for(fmt: str) -> str:
    """The file extension for an output format (``".json"`` for ``"json"``, ...).

    Raises:
        BatchError: no format by that name.
    """
    if fmt not in EXTENSIONS:
        raise BatchError(f"no output format named {fmt!r}; choose one of: {', '.join(EXTENSIONS)}")
    return EXTENSIONS[fmt]


def render_summary(summary: Summary, fmt: str) -> str:
    """Render ``summary`` for a file: no colour, the default width."""
    return render(summary, fmt, color=False)


# ---- summarising one document -----------------------------------------------------------


def _display(name: str) -> str:
    """A path as text that can be printed and written as UTF-8.

    File names that are not valid UTF-8 reach Python with lone surrogates; each such byte
    is shown as ``\\xNN`` (so two such names stay apart; the file itself is still read
    by its real name).  Any other lone surrogate (from a JSON ``"\\ud800"``) is U+FFFD.
    """
    return _SURROGATE.sub(_escaped_byte, name)


def _escaped_byte(match: re.Match[str]) -> str:
    code = ord(match.group())
    # surrogateescape maps an undecodable byte 0xNN to U+DCNN.
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else "\ufffd"


def _name(label: str) -> str:
    return "standard input" if label == STDIN else label


def _reason(error: BaseException, label: str, path: str | None = None) -> str:
    """The error's message without the input's name in front (the manifest names it apart)."""
    message = str(error)
    # The name is taken off before white space is folded: a name holding a line break or two
    # spaces would otherwise no longer match, and be said twice.
    for name in (path, label, label.split("#", 1)[0], "standard input"):
        if name and message.startswith(f"{name}: "):
            message = message[len(name) + 2 :]
            break
    return _display(" ".join(message.split()) or type(error).__name__)


