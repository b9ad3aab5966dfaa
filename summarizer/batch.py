"""Summarise many inputs: find them, run them in a process pool, write each result atomically.

The batch engine behind ``evenhand summarize``.  It knows nothing of the command line:
progress and per-input outcomes reach the caller through a callback, and every bad input
becomes a one-line reason in the :class:`BatchResult` (and in ``manifest.json``) while the
rest of the batch goes on.

    plan = plan_batch(["articles/"], options)      # discovery: files, JSONL records, stdin
    result = run_batch(plan, options, on_event=print)

Nothing is lost: inputs are only opened for reading; an output folder inside the input tree
is refused unless it is new (or an earlier evenhand output) and is never searched for
inputs; each output is written to a temporary file and renamed into place; Ctrl-C stops
the batch after the documents in flight, leaving only complete files and a manifest of
what was done.
"""

from __future__ import annotations

import bisect
import contextlib
import errno
import fnmatch
import hashlib
import itertools
import json
import multiprocessing
import os
import re
import signal
import sys
import threading
import time
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, TYPE_CHECKING, Any, Literal, cast

from summarizer.atomic import TMP_PREFIX, TMP_SUFFIX, atomic_open, write_atomic
from summarizer.batch_parquet import PARQUET_GLOB, ParquetOut, is_parquet, require_pyarrow
from summarizer.batch_parquet import table as parquet_table
from summarizer.budget import check_word_budget
from summarizer.errors import BatchError, EvenhandError, FetchError, InputError, NothingFitsError
from summarizer.load import decode_input, is_url
from summarizer.model import Summary
from summarizer.options import SummaryOptions
from summarizer.render import EXTENSIONS, render
from summarizer.segment import MAX_SENTENCES  # the ceiling, re-exported: segment() refuses longer texts

if TYPE_CHECKING:
    from summarizer.fetch import FetchOptions

__all__ = [
    "DEFAULT_GLOBS",
    "DEFAULT_MAX_BYTES",
    "MANIFEST_NAME",
    "MAX_SENTENCES",
    "BatchError",
    "BatchEvent",
    "BatchOptions",
    "BatchPlan",
    "BatchResult",
    "Outcome",
    "SummaryOptions",
    "Task",
    "extension_for",
    "iter_tasks",
    "plan_batch",
    "render_summary",
    "run_batch",
    "summarize_task",
]

DEFAULT_GLOBS: tuple[str, ...] = ("*.txt", "*.md", "*.html", "*.htm")
JSONL_GLOB = "*.jsonl"
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
MANIFEST_NAME = "manifest.json"
LOCK_NAME = ".evenhand.lock"
MANIFEST_TOOL = "evenhand summarize"
STDIN = "-"
_UNSAFE_NAME = re.compile(r"[^\w.@+=-]+")
_SURROGATE = re.compile("[\ud800-\udfff]")

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


class Labels(Sequence[str]):
    """A list of names packed into one buffer: what the manifest's ``done`` list holds.

    A batch over a million records names a million inputs; as a list of strings they take
    about 110 bytes each and, interleaved with the batch's passing objects, keep two or three
    times that in the process's memory.  Packed, each takes its UTF-8 bytes and an offset.
    Compares equal to a list of the same names.
    """

    __slots__ = ("_data", "_ends")

    def __init__(self, names: Iterable[str] = ()) -> None:
        self._data = bytearray()
        self._ends = array("Q")
        for name in names:
            self.append(name)

    def append(self, name: str) -> None:
        self._data += name.encode("utf-8", "surrogatepass")
        self._ends.append(len(self._data))

    def __len__(self) -> int:
        return len(self._ends)

    def _at(self, index: int) -> str:
        start = self._ends[index - 1] if index > 0 else 0
        return self._data[start : self._ends[index]].decode("utf-8", "surrogatepass")

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self._at(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("Labels index out of range")
        return self._at(index)

    def __iter__(self) -> Iterator[str]:
        for index in range(len(self._ends)):
            yield self._at(index)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Labels | list | tuple):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, as a list is

    def __repr__(self) -> str:
        return f"Labels({list(self)!r})"


@dataclass(slots=True)
class BatchResult:
    """The batch's record, as written to ``manifest.json``."""

    done: Labels = field(default_factory=Labels)
    skipped: list[str] = field(default_factory=list)
    failed: list[dict[str, str]] = field(default_factory=list)
    warnings: list[dict[str, str]] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    fetched: list[dict[str, Any]] = field(default_factory=list)
    elapsed_s: float = 0.0
    interrupted: bool = False
    stopped_early: bool = False

    @property
    def exit_code(self) -> int:
        """0 when every input was done or skipped, 1 when any failed, 130 when interrupted."""
        if self.interrupted:
            return 130
        return 1 if self.failed else 0

    def add(self, outcome: Outcome) -> None:
        if outcome.status == "done":
            self.done.append(outcome.label)
        elif outcome.status == "skipped":
            self.skipped.append(outcome.label)
        else:
            self.failed.append({"path": outcome.label, "reason": outcome.reason or "failed"})
        self.warnings.extend({"path": outcome.label, "warning": w} for w in outcome.warnings)
        if outcome.fetch is not None:
            self.fetched.append(outcome.fetch)

    def to_dict(self) -> dict[str, Any]:
        """The manifest: sorted lists, so two runs over the same inputs compare equal."""
        manifest = {
            "tool": MANIFEST_TOOL,
            "done": sorted(self.done),
            "skipped": sorted(self.skipped),
            "failed": sorted(self.failed, key=lambda f: f["path"]),
            "warnings": sorted(self.warnings, key=lambda w: (w["path"], w["warning"])),
            "options": self.options,
            "elapsed_s": round(self.elapsed_s, 3),
            "interrupted": self.interrupted,
        }
        if self.fetched:  # URL inputs: what was asked, where it led, the status and the time
            manifest["fetched"] = sorted(self.fetched, key=lambda f: f["url"])
        return manifest


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
    message = " ".join(str(error).split()) or type(error).__name__
    for name in (path, label, label.split("#", 1)[0], "standard input"):
        if name and message.startswith(f"{name}: "):
            message = message[len(name) + 2 :]
            break
    return _display(message)


def summarize_task(task: Task, options: SummaryOptions, *, max_bytes: int | None = None) -> Summary:
    """Read (or take), extract and summarise one document, through the one loader (:mod:`summarizer.load`).

    Raises:
        EvenhandError: the input cannot be read or summarised (the message names it).
    """
    from summarizer.load import load_fetched, load_path, load_text
    from summarizer.pipeline import summarize

    if task.page is not None:
        document = load_fetched(task.page)
    elif task.text is not None:
        document = load_text(task.text, source=task.label, warnings=task.warnings, html=task.html)
    else:
        if task.path is None:
            raise InputError(f"{task.label}: nothing to read")
        document = load_path(task.path, max_bytes=max_bytes, source=task.label)
    if not document.sentences:
        raise InputError(f"{_name(task.label)}: no sentence to summarise (the text holds no words)")
    summary = summarize(document, options=options)
    if not summary.kept:
        raise InputError(f"{_name(task.label)}: no sentence to keep (every sentence was dropped)")
    try:
        check_word_budget(summary, options.words)
    except NothingFitsError as error:
        raise NothingFitsError(f"{_name(task.label)}: {error}") from None
    return summary


def _process(task: Task, options: BatchOptions) -> Outcome:
    """Summarise one task and render what the writer needs; never raises for bad input."""
    try:
        summary = summarize_task(task, options.summary, max_bytes=options.max_bytes)
        rendered = render_summary(summary, options.format) if options.out is not None else None
        record = None
        if options.jsonl_out is not None or options.parquet_out is not None:
            from summarizer.serialize import to_json

            record = to_json(summary, indent=None)
    except EvenhandError as error:
        return Outcome(task.label, "failed", reason=_reason(error, task.label, task.path), output=task.output,
                       fetch=task.fetch)
    except RecursionError:
        return Outcome(task.label, "failed", reason="too deeply nested to read", output=task.output,
                       fetch=task.fetch)
    except Exception as error:  # a bug must not sink the other thousand documents
        return Outcome(
            task.label, "failed", reason=f"internal error: {type(error).__name__}: {error}", output=task.output,
            fetch=task.fetch,
        )
    return Outcome(
        task.label,
        "done",
        warnings=summary.document.warnings,
        output=task.output,
        rendered=rendered,
        record=record,
        fetch=task.fetch,
        summary=summary.text if options.parquet_out is not None else None,
    )


def _init_worker() -> None:
    # The parent handles Ctrl-C: workers finish the document in hand, then the pool shuts down.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # A worker dies with its parent: after a `kill -9` of the batch no orphan waits forever.
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), name="evenhand-parent-watch",
                     daemon=True).start()


def _exit_with_parent(parent: int, interval: float = 0.5) -> None:
    while os.getppid() == parent:
        time.sleep(interval)
    os._exit(1)


# ---- discovery --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Source:
    label: str
    path: Path | None  # None for standard input
    relative: str  # output path stem relative to the output folder, with the input's suffix
    jsonl: bool = False
    url: str | None = None  # a web page to fetch
    parquet: bool = False  # a table of documents, one a row (see summarizer.batch_parquet)


@dataclass(slots=True)
class BatchPlan:
    """What a batch will read: the sources found, the inputs that failed already, and the count.

    Attributes:
        sources: files (and standard input) to summarise, in a stable order.
        failures: inputs that cannot be read at all (missing, empty folder, symlink loop).
        total: the number of documents (a JSONL file counts one per record).
        input_files: the real paths of every input file (never written to).
        stdin_text: standard input, read once.
    """

    sources: list[_Source] = field(default_factory=list)
    failures: list[Outcome] = field(default_factory=list)
    total: int = 0
    input_files: set[str] = field(default_factory=set)
    stdin_text: tuple[str, tuple[str, ...]] | None = None


def _matches(name: str, relative: str, globs: Sequence[str]) -> bool:
    lowered = name.lower()
    for pattern in globs:
        target = relative.lower() if "/" in pattern else lowered
        if fnmatch.fnmatchcase(target, pattern.lower()):
            return True
    return False


def _walk(
    directory: Path,
    *,
    root: Path,
    globs: Sequence[str],
    excluded: set[str],
    ancestors: tuple[tuple[int, int], ...],
    seen_dirs: set[tuple[int, int]],
    failures: list[Outcome],
) -> Iterator[Path]:
    """Files under ``directory`` matching ``globs``, sorted, following links, never looping."""
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError as exc:
        failures.append(Outcome(_display(str(directory)), "failed", reason=f"cannot list the folder ({exc.strerror})"))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue  # hidden files and folders (.git, our own temporary files)
        path = Path(entry.path)
        try:
            stat = entry.stat(follow_symlinks=True)
        except OSError as exc:
            if entry.is_symlink() and (exc.errno == errno.ELOOP or _matches(entry.name, "", globs)):
                reason = "symbolic link loop" if exc.errno == errno.ELOOP else "broken symbolic link"
                failures.append(Outcome(_display(str(path)), "failed", reason=reason))
            continue
        if entry.is_dir(follow_symlinks=True):
            key = (stat.st_dev, stat.st_ino)
            if key in ancestors:
                failures.append(
                    Outcome(_display(str(path)), "failed", reason="symbolic link loop (links back to a folder above it)")
                )
                continue
            if key in seen_dirs or os.path.realpath(path) in excluded or _is_evenhand_output(path):
                continue  # reached twice, or an output folder of this or an earlier run
            seen_dirs.add(key)
            yield from _walk(
                path, root=root, globs=globs, excluded=excluded,
                ancestors=(*ancestors, key), seen_dirs=seen_dirs, failures=failures,
            )
        elif _matches(entry.name, path.relative_to(root).as_posix(), globs):
            if entry.is_file(follow_symlinks=True):
                yield path
            else:  # a FIFO (reading it would wait for a writer), a socket, a device
                failures.append(Outcome(_display(str(path)), "failed", reason="not a regular file; not read"))


def _base(paths: Sequence[Path]) -> Path:
    """The folder the output tree mirrors: the deepest folder holding every input."""
    anchors = [os.path.abspath(p if p.is_dir() else p.parent) for p in paths]
    if not anchors:
        return Path.cwd()
    try:
        return Path(os.path.commonpath(anchors))
    except ValueError:  # different drives
        return Path.cwd()


def _is_within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _is_evenhand_output(folder: Path) -> bool:
    try:
        manifest = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(manifest, dict) and manifest.get("tool") == MANIFEST_TOOL


def _check_out(out: Path, inputs: Sequence[Path]) -> None:
    """Refuse an output folder that could overwrite, or later be read as, input."""
    if out.exists() and not out.is_dir():
        raise BatchError(f"--out {out}: exists and is not a folder")
    real_out = os.path.realpath(out)
    for given in inputs:
        real_in = os.path.realpath(given)
        if given.is_dir():
            if _is_within(real_in, real_out):
                raise BatchError(
                    f"--out {out}: holds the input folder {given}; choose a folder outside the inputs"
                )
            if _is_within(real_out, real_in) and out.exists() and not _is_evenhand_output(out):
                raise BatchError(
                    f"--out {out}: is inside the input folder {given} and already exists; "
                    "choose a new folder or one outside the inputs"
                )
        elif _is_within(real_in, real_out):
            raise BatchError(f"--out {out}: holds the input file {given}; choose a folder outside the inputs")


def _relative(path: Path, base: Path) -> PurePosixPath:
    """``path`` relative to ``base``, never climbing out of it."""
    try:
        relative = os.path.relpath(os.path.abspath(path), base)
    except ValueError:  # another drive
        return PurePosixPath(path.name)
    parts = [part for part in Path(relative).parts if part not in ("..", ".")]
    return PurePosixPath(*parts) if parts else PurePosixPath(path.name)


def _fold(name: str) -> str:
    """How file systems compare names: case-insensitively on macOS and Windows."""
    return name.casefold()


class _Names:
    """Folded names already taken (see :func:`_unique`), held as 8-byte digests rather than as
    the names, most of them in a sorted array: the driver of a batch over a million JSON Lines
    records or table rows keeps two such sets, about 20 MB instead of about 250 MB.

    Two different names share a digest with odds of about 1 in 10^7 for a million names; the
    second is then named by the fallback rule (``ID-line-N``), still once and deterministically.
    """

    __slots__ = ("_recent", "_sorted")
    _MERGE_AT = 1 << 15  # recent digests kept in a set, then merged into the sorted array

    def __init__(self, names: Iterable[str] = ()) -> None:
        self._sorted = array("Q")
        self._recent: set[int] = set()
        for name in names:
            self.add(name)

    @staticmethod
    def _digest(name: str) -> int:
        return int.from_bytes(hashlib.blake2b(name.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        digest = self._digest(name)
        if digest in self._recent:
            return True
        at = bisect.bisect_left(self._sorted, digest)
        return at < len(self._sorted) and self._sorted[at] == digest

    def __len__(self) -> int:
        return len(self._recent) + len(self._sorted)

    def add(self, name: str) -> None:
        if name in self:
            return
        self._recent.add(self._digest(name))
        if len(self._recent) >= self._MERGE_AT:
            self._sorted = array("Q", sorted(itertools.chain(self._sorted, self._recent)))
            self._recent.clear()


def output_names(entries: Sequence[tuple[PurePosixPath, bool]], extension: str) -> list[str]:
    """The output of every input: a mapping where no two outputs can collide.

    Args:
        entries: for each input, in the order found, its path relative to the folder the
            output tree mirrors, and whether its output is a folder (a JSONL corpus, whose
            records become files inside it) rather than a file.
        extension: the output format's extension (``".json"``).

    Returns:
        Each input's output path relative to the output folder, without ``extension``.

    The rule, applied to the whole mapping at once, so that every input has exactly one
    output of its own:

    1. an input's output is its path without its suffix: ``world/a.txt`` → ``world/a.json``;
    2. inputs of one folder whose outputs would have the same name keep their suffixes:
       ``a.txt`` and ``a.md`` → ``a.txt.json`` and ``a.md.json``;
    3. an output that still has the name of another output, of a folder of the output
       tree or of ``manifest.json`` gets ``-2`` (``-3``, …: the first number that names
       nothing else) after its name, in the order the inputs were found; an output
       that collides with nothing keeps its name.

    Names are compared case-insensitively, as on macOS and Windows.
    """
    folders = {_fold(str(parent)) for rel, _ in entries for parent in rel.parents if str(parent) != "."}
    reserved = folders | {_fold(MANIFEST_NAME), _fold(LOCK_NAME)}

    def stem(rel: PurePosixPath) -> str:
        return rel.stem if rel.suffix and rel.stem else rel.name

    first = [str(rel.parent / stem(rel)) for rel, _ in entries]
    counts: dict[str, int] = {}
    for name in first:
        counts[_fold(name)] = counts.get(_fold(name), 0) + 1
    wanted = [str(rel) if counts[_fold(name)] > 1 else name for (rel, _), name in zip(entries, first, strict=True)]

    def claim(name: str, is_folder: bool) -> str:
        return _fold(name if is_folder else name + extension)

    claims = [claim(name, is_folder) for name, (_, is_folder) in zip(wanted, entries, strict=True)]
    claimed: dict[str, int] = {}
    for key in claims:
        claimed[key] = claimed.get(key, 0) + 1
    taken: set[str] = {key for key in claims if claimed[key] == 1 and key not in reserved}
    names: list[str] = []
    for name, key, (_, is_folder) in zip(wanted, claims, entries, strict=True):
        if claimed[key] == 1 and key not in reserved:
            names.append(name)
            continue
        if key not in taken and key not in reserved:
            taken.add(key)  # the first of several inputs wanting one name keeps it
            names.append(name)
            continue
        number = 2
        while (candidate := claim(f"{name}-{number}", is_folder)) in taken or candidate in reserved \
                or candidate in claimed:  # never a name another input wants for itself
            number += 1
        taken.add(candidate)
        names.append(f"{name}-{number}")
    return names


def _count_records(path: Path) -> int:
    count = 0
    try:
        with path.open("rb") as handle:
            for line in handle:
                if line.strip():
                    count += 1
    except OSError:
        return 1
    return count


def plan_batch(paths: Sequence[str], options: BatchOptions, *, stdin: IO[bytes] | None = None) -> BatchPlan:
    """Find the inputs: files, folders searched recursively, JSONL files, ``"-"`` for standard input.

    Args:
        paths: what the user named.
        options: the batch options (globs, JSONL field, output folder, size limit).
        stdin: where ``"-"`` reads from (default: this process's standard input).

    Returns:
        The plan.  Inputs that cannot be read at all are in ``failures``, each with its reason.

    Raises:
        BatchError: the output folder or file is unsafe (it holds, or is, an input).
    """
    plan = BatchPlan()
    globs = tuple(options.globs)
    if options.jsonl_field is not None and JSONL_GLOB not in globs:
        globs = (*globs, JSONL_GLOB)
    if options.text_column is not None and PARQUET_GLOB not in globs:
        globs = (*globs, PARQUET_GLOB)
    given = [Path(p) for p in paths if p != STDIN and not is_url(p)]
    if options.out is not None:
        _check_out(options.out, [p for p in given if p.exists()])
    excluded = {os.path.realpath(options.out)} if options.out is not None else set()

    files: list[Path] = []
    seen_files: set[str] = set()
    stdin_seen = False
    urls: list[str] = []
    for raw in paths:
        if is_url(raw):
            if raw not in urls:
                urls.append(raw)
            continue
        if raw == STDIN:
            if stdin_seen:
                continue
            stdin_seen = True
            stream = stdin if stdin is not None else sys.stdin.buffer
            limit = None if options.max_bytes is None else options.max_bytes + 1
            data = stream.read() if limit is None else stream.read(limit)
            try:
                if options.max_bytes is not None and len(data) > options.max_bytes:
                    raise InputError(f"more than the limit of {options.max_bytes:,} bytes")
                decoded, _ = decode_input(data, source=STDIN)  # an HTML page by its declared charset
            except EvenhandError as error:
                plan.failures.append(Outcome(STDIN, "failed", reason=_reason(error, STDIN)))
                continue
            plan.stdin_text = (decoded.text, decoded.warnings)
            continue
        path = Path(raw)
        try:
            path.stat()
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                reason = "symbolic link loop"
            elif path.is_symlink():
                reason = "broken symbolic link"
            elif exc.errno == errno.ENOENT:
                reason = "no such file or folder"
            else:
                reason = f"cannot read ({exc.strerror})"
            plan.failures.append(Outcome(_display(raw), "failed", reason=reason))
            continue
        if path.is_dir():
            found_before = len(files)
            real = os.path.realpath(path)
            stat = path.stat()
            key = (stat.st_dev, stat.st_ino)
            for file in _walk(
                path, root=path, globs=globs, excluded=excluded, ancestors=(key,),
                seen_dirs={key}, failures=plan.failures,
            ):
                real_file = os.path.realpath(file)
                if real_file not in seen_files:
                    seen_files.add(real_file)
                    files.append(file)
            if len(files) == found_before and not any(
                _is_within(os.path.realpath(f.label), real) for f in plan.failures
            ):
                plan.failures.append(
                    Outcome(_display(raw), "failed", reason=f"no files matching {' '.join(globs)} in this folder")
                )
        else:
            real_file = os.path.realpath(path)
            if real_file not in seen_files:
                seen_files.add(real_file)
                files.append(path)

    plan.input_files = set(seen_files)
    base = _base(given)
    tables: dict[Path, int] = {}  # Parquet inputs and their rows; one that cannot be read fails here
    for file in [f for f in files if is_parquet(f)]:
        try:
            tables[file] = parquet_table(file, options.text_column, options.id_column).rows
        except InputError as error:
            plan.failures.append(Outcome(_display(str(file)), "failed", reason=str(error)))
            files.remove(file)
    entries: list[tuple[Path | None, bool]] = [
        (file, file in tables or (options.jsonl_field is not None and file.suffix.lower() == ".jsonl"))
        for file in files
    ]
    if plan.stdin_text is not None:
        entries.append((None, options.jsonl_field is not None))
    extension = extension_for(options.format) if options.out is not None else ""
    relatives = [PurePosixPath("stdin") if file is None else _relative(file, base) for file, _ in entries]
    names = output_names(list(zip(relatives, (jsonl for _, jsonl in entries), strict=True)), extension)
    for (entry, is_jsonl), name in zip(entries, names, strict=True):
        if entry is None:
            assert plan.stdin_text is not None
            plan.sources.append(_Source(STDIN, None, name, jsonl=is_jsonl))
            lines = plan.stdin_text[0].splitlines()
            plan.total += sum(1 for line in lines if line.strip()) if is_jsonl else 1
        elif entry in tables:
            plan.sources.append(_Source(_display(str(entry)), entry, name, parquet=True))
            plan.total += tables[entry]
        else:
            plan.sources.append(_Source(_display(str(entry)), entry, name, jsonl=is_jsonl))
            plan.total += _count_records(entry) if is_jsonl else 1
    # URL outputs avoid every file output, folder of the tree and the manifest.
    taken = {_fold(name) for name in names} | {
        _fold(str(parent)) for rel in relatives for parent in rel.parents if str(parent) != "."
    } | {_fold(MANIFEST_NAME.removesuffix(".json"))}
    for url in urls:
        name = _url_name(url, taken)
        plan.sources.append(_Source(_display(url), None, name, url=url))
        plan.total += 1
    plan.total += len(plan.failures)

    _check_outputs(plan, options, extension)
    return plan


def _check_outputs(plan: BatchPlan, options: BatchOptions, extension: str) -> None:
    """Refuse, before any work, outputs that would overwrite an input, the manifest or each other."""
    outputs: dict[str, str] = {}  # real path of an output file -> the input it is for
    if options.out is not None:
        outputs[os.path.realpath(options.out / MANIFEST_NAME)] = "the manifest"
        for source in plan.sources:
            if source.jsonl or source.parquet:
                continue
            real = os.path.realpath(options.out / (source.relative + extension))
            if real in plan.input_files:
                raise BatchError(
                    f"the output for {source.label} would be {_display(real)}, which is an input; not overwritten"
                )
            outputs[real] = source.label
    if options.parquet_out is not None:
        require_pyarrow()  # before any work
    if options.parquet_out is not None and options.out is not None and (
        os.path.realpath(options.parquet_out) == os.path.realpath(options.out)
    ):
        raise BatchError(f"--parquet-out {_display(str(options.parquet_out))}: is the --out folder; give another")
    if options.jsonl_out in (None, STDIN):
        return
    target = str(options.jsonl_out)
    real = os.path.realpath(target)
    if real in plan.input_files:
        raise BatchError(f"--jsonl-out {_display(target)}: is one of the inputs")
    if os.path.isdir(real):
        raise BatchError(f"--jsonl-out {_display(target)}: is a folder; give a file name")
    if real in outputs:
        raise BatchError(f"--jsonl-out {_display(target)}: is the output for {outputs[real]}")
    if options.out is not None and any(
        (s.jsonl or s.parquet) and _is_within(real, os.path.realpath(options.out / s.relative))
        for s in plan.sources
    ):
        raise BatchError(f"--jsonl-out {_display(target)}: lies in a folder of JSONL record outputs")


def _url_name(url: str, taken: set[str]) -> str:
    """An output stem for a URL: ``host/path-words``, made unique among ``taken``."""
    rest = url.split("://", 1)[-1].split("#", 1)[0]
    host, _, path = rest.partition("/")
    host = _safe_name(host.rsplit("@", 1)[-1].replace(":", "_"))
    parts = [p for p in re.split(r"[/?&=]+", path) if p]
    stem = _safe_name("-".join(parts)) if parts else "index"
    stem = stem.removesuffix(".html").removesuffix(".htm") or "index"
    name, number = f"{host}/{stem}", 1
    while _fold(name) in taken:
        number += 1
        name = f"{host}/{stem}-{number}"
    taken.add(_fold(name))
    return name


def _safe_name(value: str) -> str:
    cleaned = _UNSAFE_NAME.sub("_", value).strip("._") or "record"
    return cleaned[:120]


def _unique(wanted: str, taken: set[str] | _Names, fallback: str) -> str:
    """``wanted``, else ``fallback``, else ``fallback-2``, ``-3``, …: the first not in ``taken`` (compared folded)."""
    for candidate in (wanted, fallback):
        if _fold(candidate) not in taken:
            taken.add(_fold(candidate))
            return candidate
    number = 2
    while _fold(f"{fallback}-{number}") in taken:
        number += 1
    taken.add(_fold(f"{fallback}-{number}"))
    return f"{fallback}-{number}"


def _without_surrogates(text: str) -> tuple[str, int]:
    """``text`` with lone surrogates (a JSON ``"\\ud800"``: no UTF-8 output can hold one) as U+FFFD."""
    cleaned, count = _SURROGATE.subn("\ufffd", text)
    return cleaned, count


@dataclass(frozen=True, slots=True)
class _Record:
    """One non-blank JSON Lines line, read: whether it is an object, its own ``id`` (``None``
    when it has none), and the text to summarise or the reason it cannot be."""

    number: int
    is_object: bool
    ident: str | None = None
    text: str | None = None
    reason: str | None = None
    warnings: tuple[str, ...] = ()


def _read_record(number: int, line: str, field_name: str, max_bytes: int | None) -> _Record | None:
    """Line ``number`` of a JSONL input as a :class:`_Record`, ``None`` when it is blank."""
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return _Record(number, False, reason=f"not valid JSON ({exc.msg})")
    except RecursionError:
        return _Record(number, False, reason="too deeply nested to read")
    if not isinstance(record, dict):
        return _Record(number, False, reason="not a JSON object")
    ident = record.get("id")
    ident = str(ident) if isinstance(ident, str | int) and str(ident).strip() else None
    value = record.get(field_name)
    if not isinstance(value, str):
        reason = f"no {field_name!r} field" if value is None else f"the {field_name!r} field is not text"
        return _Record(number, True, ident, reason=reason)
    if max_bytes is not None and len(value.encode("utf-8", "surrogatepass")) > max_bytes:
        return _Record(number, True, ident,
                       reason=f"the {field_name!r} field is over the limit of {max_bytes:,} bytes")
    value, replaced = _without_surrogates(value)
    warnings = (f"{replaced:,} lone surrogate(s) replaced by U+FFFD",) if replaced else ()
    return _Record(number, True, ident, text=value, warnings=warnings)


class _RecordNamer:
    """Names the records of one JSONL input in the order they come (see :func:`_records`)."""

    def __init__(self, source: _Source, labels: _Names) -> None:
        self.source = source
        self.labels = labels
        self.names = _Names()
        self.unit = "row" if source.parquet else "line"  # how a record without an id is named

    def name(self, number: int, record: _Record) -> tuple[str, str | None]:
        """The label and output path of ``record``, line ``number`` of the file (no output: not an object)."""
        line_label = f"{self.source.label}#{self.unit}-{number}"
        if not record.is_object:
            return _unique(line_label, self.labels, line_label), None
        ident, _ = _without_surrogates(record.ident if record.ident is not None else f"{self.unit}-{number}")
        name = _unique(_safe_name(ident), self.names, f"{_safe_name(ident)}-{self.unit}-{number}")
        label = _unique(_display(f"{self.source.label}#{ident}"), self.labels, line_label)
        return label, f"{self.source.relative}/{name}"


def _record_item(record: _Record, label: str, output: str | None) -> Task | Outcome:
    if record.reason is not None:
        return Outcome(label, "failed", reason=record.reason)
    return Task(label, text=record.text, html=None, output=output, warnings=record.warnings)


def _records(
    source: _Source, text: str | None, field_name: str, max_bytes: int | None, labels: _Names
) -> Iterator[Task | Outcome]:
    """One task per JSON Lines record (or an outcome saying why a record cannot be read).

    Each record's output is named by its ``id`` (else ``line-N``), made safe for a file
    name; a name already used in this file (compared case-insensitively) becomes
    ``ID-line-N``, then ``ID-line-N-2``, …  Its label in messages and the manifest,
    ``FILE#ID``, is unique in the whole batch (``labels``) the same way: ``FILE#line-N``,
    then ``FILE#line-N-2``, …
    """
    namer = _RecordNamer(source, labels)

    def lines() -> Iterator[str]:
        if text is not None:
            yield from text.splitlines()
            return
        assert source.path is not None
        with source.path.open("r", encoding="utf-8", errors="replace") as handle:
            yield from handle

    for number, line in enumerate(lines(), start=1):
        record = _read_record(number, line, field_name, max_bytes)
        if record is not None:
            yield _record_item(record, *namer.name(number, record))


def _labels(plan: BatchPlan) -> _Names:
    """The labels taken before any JSONL record or table row is named: files, standard input, failures."""
    return _Names([_fold(s.label) for s in plan.sources if not (s.jsonl or s.parquet)]
                  + [_fold(f.label) for f in plan.failures])


def _table_record(number: int, text: str | None, ident: Any, column: str, max_bytes: int | None) -> _Record:
    """Row ``number`` (from 1) of a Parquet input as a :class:`_Record`, as a JSONL record would be."""
    name = str(ident) if isinstance(ident, str | int) and str(ident).strip() else None
    if text is None:
        return _Record(number, True, name, reason=f"no {column!r} value")
    if max_bytes is not None and len(text.encode("utf-8")) > max_bytes:
        return _Record(number, True, name, reason=f"the {column!r} value is over the limit of {max_bytes:,} bytes")
    return _Record(number, True, name, text=text)


def _table_rows(source: _Source, options: BatchOptions, labels: _Names) -> Iterator[Task | Outcome]:
    """One task per row of a Parquet input (or an outcome saying why a row cannot be summarised)."""
    assert source.path is not None
    namer = _RecordNamer(source, labels)
    try:
        table = parquet_table(source.path, options.text_column, options.id_column)
        for number, (text, ident) in enumerate(table.rows_of(), start=1):
            record = _table_record(number, text, ident, table.text_column, options.max_bytes)
            yield _record_item(record, *namer.name(number, record))
    except (InputError, OSError) as error:  # changed or damaged since the plan read its metadata
        reason = error.strerror if isinstance(error, OSError) else str(error)
        yield Outcome(_unique(source.label, labels, f"{source.label}#rest"), "failed", reason=f"cannot read ({reason})")


def _source_items(source: _Source, plan: BatchPlan, options: BatchOptions, labels: _Names) -> Iterator[Task | Outcome]:
    """The documents of one non-URL source (see :func:`iter_tasks`)."""
    stdin_text = plan.stdin_text[0] if plan.stdin_text and source.path is None else None
    if source.parquet:
        yield from _table_rows(source, options, labels)
    elif source.jsonl:
        assert options.jsonl_field is not None
        yield from _records(source, stdin_text, options.jsonl_field, options.max_bytes, labels)
    elif source.path is None:
        assert plan.stdin_text is not None
        yield Task(STDIN, text=plan.stdin_text[0], html=None, output=source.relative, warnings=plan.stdin_text[1])
    else:
        yield Task(source.label, path=str(source.path), output=source.relative)


def iter_tasks(plan: BatchPlan, options: BatchOptions) -> Iterator[Task | Outcome]:
    """Every document of ``plan`` as a task, lazily: JSONL files are read record by record.

    A JSONL record that cannot be read comes as a failed :class:`Outcome` instead.  URL inputs
    are fetched here, in this process (see :func:`_fetched_tasks`), after the files.
    """
    # Labels name inputs in messages and the manifest: each is used once in a batch.
    labels = _labels(plan)
    for source in plan.sources:
        if source.url is None:
            yield from _source_items(source, plan, options, labels)
    web = [source for source in plan.sources if source.url is not None]
    if web:
        yield from _fetched_tasks(web, options)


def _fetched_tasks(sources: Sequence[_Source], options: BatchOptions) -> Iterator[Task | Outcome]:
    """Fetch the URL inputs (a limit overall and per host, retries with back-off), as each arrives."""
    from dataclasses import replace

    from summarizer.fetch import fetch_many, fetch_record

    by_url: dict[str, _Source] = {source.url: source for source in sources if source.url is not None}
    fetch_options = replace(options.fetch, max_bytes=options.max_bytes)
    for url, result, took in fetch_many(list(by_url), fetch_options):
        source = by_url[url]
        record = fetch_record(result, elapsed_s=took)
        if isinstance(result, FetchError):
            yield Outcome(source.label, "failed", reason=_reason(result, source.label), output=source.relative,
                          fetch=record)
        else:
            yield Task(source.label, page=result, output=source.relative, fetch=record)


# ---- running ----------------------------------------------------------------------------


# Errors after which no later write can succeed either: the batch stops at once.
_FATAL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS})


class _Writer:
    """Writes finished outcomes (files, JSONL records) and keeps the record: parent process only."""

    def __init__(self, plan: BatchPlan, options: BatchOptions, result: BatchResult, jsonl: _JsonlOut | None,
                 on_event: EventCallback | None, parquet: ParquetOut | None = None) -> None:
        self.plan = plan
        self.options = options
        self.result = result
        self.jsonl = jsonl
        self.parquet = parquet
        self.on_event = on_event
        self.completed = 0
        self.extension = extension_for(options.format) if options.out is not None else ""

    def output_path(self, relative: str | None) -> Path | None:
        if self.options.out is None or relative is None:
            return None
        return self.options.out / (relative + self.extension)

    def finish(self, outcome: Outcome) -> Outcome:
        fatal: BatchError | None = None
        try:
            if outcome.status == "done":
                outcome = self._write(outcome)
            elif outcome.status == "failed":
                if self.jsonl is not None:
                    self.jsonl.write(json.dumps({"source": outcome.label, "error": outcome.reason}))
                if self.parquet is not None:
                    self.parquet.add(outcome.label, "failed", error=outcome.reason)
        except BatchError as error:  # nothing more can be written: record this input, then stop
            fatal = error
            outcome = Outcome(outcome.label, "failed", reason=str(error), output=outcome.output, fetch=outcome.fetch)
        slim = Outcome(outcome.label, outcome.status, outcome.reason, outcome.warnings, outcome.output,
                       fetch=outcome.fetch)
        self.result.add(slim)
        self.completed += 1
        if self.on_event is not None:
            self.on_event(BatchEvent("item", self.plan.total, self.completed, slim))
        if fatal is not None:
            raise fatal
        return slim

    def _write(self, outcome: Outcome) -> Outcome:
        path = self.output_path(outcome.output)
        if path is not None and outcome.rendered is not None:
            try:
                if os.path.realpath(path) in self.plan.input_files:
                    raise BatchError(f"{_display(str(path))} is an input file; not overwritten")
                write_atomic(path, outcome.rendered)
            except OSError as error:  # disk full, permissions, a folder where the file should be
                reason = f"cannot write {_display(str(path))} ({error.strerror or type(error).__name__})"
                if error.errno in _FATAL_ERRNOS:
                    raise BatchError(reason) from None
                return Outcome(outcome.label, "failed", reason=reason, output=outcome.output, fetch=outcome.fetch)
            except BatchError as error:
                return Outcome(outcome.label, "failed", reason=str(error), output=outcome.output,
                               fetch=outcome.fetch)
        if self.jsonl is not None and outcome.record is not None:
            self.jsonl.write(outcome.record)
        if self.parquet is not None:
            self.parquet.add(outcome.label, "done", summary=outcome.summary, record=outcome.record)
        return outcome


class _JsonlOut:
    """The ``--jsonl-out`` stream: one record a line, appended and flushed as each document finishes.

    With ``resume`` (``--skip-existing``) an existing file is kept: its complete summary
    records are the documents already done (by their ``source``); a torn last line (the
    run before was killed mid-write), lines that are not JSON and error records are
    dropped, so those inputs are tried again.  Otherwise the file starts empty.  The open
    file is locked: a second batch writing to it is refused.
    """

    def __init__(self, target: str, *, resume: bool) -> None:
        self.target = target
        self.done: set[str] = set()
        self.handle: IO[str]
        if target == STDIN:
            self.handle = sys.stdout
            return
        try:
            if resume and os.path.exists(target):
                self._repair()
                self.handle = open(target, "a", encoding="utf-8", newline="\n")  # noqa: SIM115
            else:
                self.handle = open(target, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        except OSError as error:
            raise BatchError(f"--jsonl-out {_display(target)}: cannot write ({error.strerror})") from None
        try:
            _lock(self.handle.fileno())
        except BlockingIOError:
            self.handle.close()
            raise BatchError(
                f"--jsonl-out {_display(target)}: another evenhand batch is writing to it"
            ) from None

    def _repair(self) -> None:
        with open(self.target, "rb") as handle:
            data = handle.read()
        kept: list[bytes] = []
        lines = data.split(b"\n")
        complete, torn = lines[:-1], lines[-1]
        for line in complete:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict) and "error" not in record and isinstance(record.get("source"), str):
                self.done.add(record["source"])
                kept.append(line)
        if torn or len(kept) != len(complete):
            write_atomic(self.target, b"".join(line + b"\n" for line in kept))

    def write(self, line: str) -> None:
        try:
            self.handle.write(line + "\n")
            self.handle.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            reason = error.strerror or type(error).__name__
            raise BatchError(f"cannot write --jsonl-out {_display(self.target)} ({reason})") from None

    def close(self) -> None:
        if self.handle is not sys.stdout:
            with contextlib.suppress(OSError):
                self.handle.close()


def _lock(fd: int) -> None:
    """Take an exclusive lock on ``fd`` without waiting (``BlockingIOError`` when held); freed when closed."""
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            raise BlockingIOError from None
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


@contextlib.contextmanager
def _output_folder(out: Path | None, *, flag: str = "--out") -> Iterator[None]:
    """Create ``out``, hold its lock for the batch, and remove temporary files a killed run left.

    The lock is ``out/.evenhand.lock``, locked with ``flock`` (freed by the kernel if the
    process is killed) and removed when the batch ends.  A lock file removed by another
    batch between our open and our lock is not ours: we open it again.
    """
    if out is None:
        yield
        return
    shown = _display(str(out))
    lock = out / LOCK_NAME
    try:
        out.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise BatchError(f"{flag} {shown}: exists and is not a folder") from None
    except OSError as error:
        raise BatchError(f"{flag} {shown}: cannot create the folder ({error.strerror})") from None
    while True:
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise BatchError(f"{flag} {shown}: cannot write there ({error.strerror})") from None
        try:
            _lock(fd)
        except BlockingIOError:
            os.close(fd)
            raise BatchError(
                f"{flag} {shown}: another evenhand batch is writing to this folder; wait for it or choose another"
            ) from None
        try:
            if os.stat(lock).st_ino == os.fstat(fd).st_ino:
                break
        except FileNotFoundError:
            pass
        os.close(fd)
    try:
        _remove_stale_temporaries(out)
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(lock)
        os.close(fd)


def _remove_stale_temporaries(out: Path) -> None:
    """Temporary files of an earlier run that was killed (this run holds the folder's lock)."""
    for folder, _, names in os.walk(out):
        for name in names:
            if name.startswith(TMP_PREFIX) and name.endswith(TMP_SUFFIX):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(folder, name))


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Ignore a second Ctrl-C while the batch winds down and writes its manifest."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def run_batch(plan: BatchPlan, options: BatchOptions, *, on_event: EventCallback | None = None) -> BatchResult:
    """Summarise every input of ``plan``; write outputs, JSONL records and the manifest.

    Bad inputs are recorded (reason in ``failed``) and the batch goes on, unless
    ``options.fail_fast``.  Ctrl-C (``KeyboardInterrupt``) stops the batch after the
    documents in flight; the result then has ``interrupted`` set, and only complete files
    and the manifest are left behind.

    Before any work the output folder is created and locked (a second batch into it is
    refused) and temporary files left by a killed run are removed; the ``--jsonl-out``
    file is opened (and, resuming, repaired).

    Args:
        plan: from :func:`plan_batch`.
        options: the batch options.
        on_event: called in this process with a ``"start"`` event, one ``"item"`` event per
            input and an ``"end"`` event.

    Returns:
        The record of the batch (the manifest's content).

    Raises:
        BatchError: the output folder or JSONL file cannot be written (before any work),
            or a write failed such that no later one can succeed (a full disk); the
            manifest is still written where it can be.
        BrokenPipeError: ``--jsonl-out -`` and the reader of standard output went away.
    """
    started = time.perf_counter()
    result = BatchResult(options=options.to_dict())
    if options.out is not None:
        extension_for(options.format)  # an unknown format fails before any work
    with _cluster(plan, options) as client, _output_folder(options.out), _parquet_out(options) as parquet:
        jsonl = None if options.jsonl_out is None else _JsonlOut(options.jsonl_out, resume=options.skip_existing)
        try:
            _run_locked(plan, options, result, jsonl, on_event, started, client, parquet)
        finally:
            if jsonl is not None:
                jsonl.close()
    return result


@contextlib.contextmanager
def _parquet_out(options: BatchOptions) -> Iterator[ParquetOut | None]:
    """The ``--parquet-out`` dataset, locked for the batch; its last part is written however the batch ends."""
    if options.parquet_out is None:
        yield None
        return
    with _output_folder(options.parquet_out, flag="--parquet-out"):
        parquet = ParquetOut(options.parquet_out, resume=options.skip_existing)
        try:
            yield parquet
        finally:
            with _sigint_ignored():
                parquet.flush()


@contextlib.contextmanager
def _cluster(plan: BatchPlan, options: BatchOptions) -> Iterator[Any]:
    """The Dask client of ``options.cluster``, connected before anything is written (``None``: no cluster)."""
    if options.cluster is None or plan.total == len(plan.failures):
        yield None
        return
    from summarizer.batch_dask import connect  # Dask only when asked for

    with connect(options.cluster) as client:
        yield client


def _run_locked(plan: BatchPlan, options: BatchOptions, result: BatchResult, jsonl: _JsonlOut | None,
                on_event: EventCallback | None, started: float, client: Any = None,
                parquet: ParquetOut | None = None) -> None:
    # Workers start before the caller's progress display (a thread) does: forking a
    # process that runs threads is best avoided.
    pool = _start_pool(options) if client is None and options.jobs > 1 and plan.total > len(plan.failures) else None
    writer = _Writer(plan, options, result, jsonl, on_event, parquet)
    stopped: BaseException | None = None
    try:
        if on_event is not None:
            on_event(BatchEvent("start", plan.total))
        for failure in plan.failures:
            writer.finish(failure)
            if options.fail_fast:
                result.stopped_early = True
                break
        if not result.stopped_early:
            if client is not None:
                from summarizer.batch_dask import run_on_cluster

                run_on_cluster(client, plan, options, writer)
            elif pool is None:
                _run_here(plan, options, writer)
            else:
                _run_pool(plan, options, writer, pool)
    except KeyboardInterrupt:
        result.interrupted = True
    except (BatchError, BrokenPipeError) as error:
        result.stopped_early = True
        stopped = error
    finally:
        if pool is not None:
            with _sigint_ignored():
                pool.shutdown(wait=True, cancel_futures=True)
    with _sigint_ignored():
        result.elapsed_s = time.perf_counter() - started
        if options.out is not None:
            manifest = options.out / MANIFEST_NAME
            try:
                # ASCII escapes: the manifest must be written whatever the names it holds.  Written as
                # it is encoded: a manifest of a million names is never one string in memory.
                with atomic_open(manifest) as handle:
                    text = cast(IO[str], handle)
                    json.dump(result.to_dict(), text, indent=2)
                    text.write("\n")
            except OSError as error:
                if stopped is None:
                    stopped = BatchError(f"cannot write the manifest {_display(str(manifest))} ({error.strerror})")
    if on_event is not None:
        on_event(BatchEvent("end", plan.total, writer.completed))
    if stopped is not None:
        raise stopped


def _ready(item: Task | Outcome, writer: _Writer) -> Task | None:
    """The task to run, or ``None`` when the item is already finished (failed or skipped)."""
    if isinstance(item, Outcome):
        writer.finish(item)
        return None
    if writer.options.skip_existing:
        # Skipped when every output it has is there already: the file, the JSONL record.
        path = writer.output_path(item.output)
        present = [] if path is None else [path.exists()]
        if writer.jsonl is not None:
            present.append(writer.jsonl.target != STDIN and item.label in writer.jsonl.done)
        if writer.parquet is not None:
            present.append(item.label in writer.parquet.done)
        if present and all(present):
            writer.finish(Outcome(item.label, "skipped", reason="output exists", output=item.output))
            return None
    return item


def _stop(outcome: Outcome, options: BatchOptions, result: BatchResult) -> bool:
    if options.fail_fast and outcome.status == "failed":
        result.stopped_early = True
        return True
    return False


def _run_here(plan: BatchPlan, options: BatchOptions, writer: _Writer) -> None:
    for item in iter_tasks(plan, options):
        task = _ready(item, writer)
        if task is None:
            if isinstance(item, Outcome) and _stop(item, options, writer.result):
                return
            continue
        if _stop(writer.finish(_process(task, options)), options, writer.result):
            return


_WARM_UP_TEXT = "Warm-up text. It loads the word lists once, before the workers start. Then they share them."


def _warm_up(options: BatchOptions) -> None:
    """Load the pipeline's modules and word lists here, so forked workers start with them (~3 s each)."""
    with contextlib.suppress(Exception):
        _process(Task("warm-up", text=_WARM_UP_TEXT), options)


def _start_pool(options: BatchOptions) -> ProcessPoolExecutor:
    """A pool of ``options.jobs`` workers, all started, with the pipeline loaded."""
    _warm_up(options)
    # Forked workers inherit the loaded pipeline; spawned ones would each load it again
    # (Python 3.14 makes forkserver the default on Linux).  No thread runs here yet.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork") if sys.platform == "linux" and "fork" in methods else None
    pool = ProcessPoolExecutor(max_workers=options.jobs, initializer=_init_worker, mp_context=context)
    wait([pool.submit(os.getpid) for _ in range(options.jobs)])
    return pool


def _run_pool(plan: BatchPlan, options: BatchOptions, writer: _Writer, pool: ProcessPoolExecutor) -> None:
    # A bounded number of documents in flight keeps memory flat however large the batch.
    in_flight = options.jobs * 4
    pending: dict[Future[Outcome], Task] = {}
    stop = False
    try:
        for item in iter_tasks(plan, options):
            task = _ready(item, writer)
            if task is None:
                if isinstance(item, Outcome) and _stop(item, options, writer.result):
                    stop = True
                    break
                continue
            while len(pending) >= in_flight and not stop:
                stop = _collect(pending, options, writer)
            if stop:
                break
            pending[pool.submit(_process, task, options)] = task
        while pending and not stop:
            stop = _collect(pending, options, writer)
    finally:
        for future in pending:
            future.cancel()


def _collect(pending: dict[Future[Outcome], Task], options: BatchOptions, writer: _Writer) -> bool:
    """Wait for at least one document in flight to finish; write it. True when the batch must stop."""
    finished, _ = wait(pending, return_when=FIRST_COMPLETED)
    stop = False
    for future in finished:
        task = pending.pop(future)
        if future.cancelled():
            continue
        try:
            outcome = future.result()
        except Exception as error:  # the worker died (killed, out of memory)
            reason = f"worker process failed: {type(error).__name__}: {error}"
            outcome = Outcome(task.label, "failed", reason=" ".join(reason.split()), output=task.output)
        if _stop(writer.finish(outcome), options, writer.result):
            stop = True
    return stop
