"""Writing: output files, the ``--jsonl-out`` stream, the output folder's lock, and the manifest."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, cast

from summarizer.atomic import TMP_PREFIX, TMP_SUFFIX, atomic_open, write_atomic
from summarizer.batch.discover import BatchPlan
from summarizer.batch.manifest import BatchResult
from summarizer.batch.model import (
    LOCK_NAME,
    MANIFEST_NAME,
    STDIN,
    BatchEvent,
    BatchOptions,
    EventCallback,
    Outcome,
    _display,
    extension_for,
)
from summarizer.batch_parquet import ParquetOut
from summarizer.errors import BatchError

if TYPE_CHECKING:
    pass



# Errors after which no later write can succeed either: the batch stops at once.
_FATAL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS})


@contextlib.contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Hold SIGINT and SIGTERM until the block ends, then act on them as their handlers would."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []

    def defer(signum: int, frame: object) -> None:
        pending.append(signum)

    previous = {number: signal.signal(number, defer) for number in _DEFERRED}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        for received in dict.fromkeys(pending):
            handler = previous[signal.Signals(received)]
            if callable(handler):
                handler(received, None)
            elif handler == signal.SIG_DFL:
                signal.raise_signal(received)


_DEFERRED = (signal.SIGINT, signal.SIGTERM)


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
        """Write ``outcome``'s outputs and record it; Ctrl-C or ``kill`` meanwhile takes effect just after.

        So an output on disk is always in the manifest, and an input in the manifest has its output.
        """
        with interrupts_deferred():
            return self._finish(outcome)

    def _finish(self, outcome: Outcome) -> Outcome:
        fatal: BatchError | None = None
        try:
            if outcome.status == "done":
                outcome = self._write(outcome)
            elif outcome.status == "failed":
                if self.jsonl is not None:
                    self.jsonl.write_failure(outcome.label, json.dumps({"source": outcome.label, "error": outcome.reason}))
                if self.parquet is not None:
                    self.parquet.add(outcome.label, "failed", error=outcome.reason)
        except BatchError as error:  # nothing more can be written: record this input, then stop
            fatal = error
            outcome = Outcome(outcome.label, "failed", reason=str(error), output=outcome.output, fetch=outcome.fetch)
        slim = Outcome(outcome.label, outcome.status, outcome.reason, outcome.warnings, outcome.output,
                       fetch=outcome.fetch)
        output = None
        if self.options.out is not None and outcome.output is not None:
            output = outcome.output + self.extension
        self.result.add(slim, output=output)
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
            self.jsonl.write(outcome.record, source=outcome.label)
        if self.parquet is not None:
            self.parquet.add(outcome.label, "done", summary=outcome.summary, record=outcome.record)
        return outcome


class _JsonlOut:
    """The ``--jsonl-out`` stream: one record a line, appended and flushed as each document finishes.

    With ``resume`` (``--skip-existing``) an existing file is kept: its complete summary
    records are the documents already done (by their ``source``); a torn last line (the
    run before was killed mid-write) and lines that are not JSON are dropped.  An input
    with an error record is tried again: failing the same way, its record stays where it
    is (so a resumed file is byte for byte the file of a run never stopped, the batch
    writing in the order of the inputs); done now, or failing otherwise, its new record
    is appended and the old one removed when the file is closed.  Otherwise the file
    starts empty.  The open file is locked: a second batch writing to it is refused.
    """

    def __init__(self, target: str, *, resume: bool) -> None:
        self.target = target
        self.done: set[str] = set()
        self.failed: dict[str, str] = {}  # resuming: the error record of each input that failed before
        self.stale: set[str] = set()  # error records an input's new record replaces
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
            if not isinstance(record, dict) or not isinstance(record.get("source"), str):
                continue
            if "error" in record:
                self.failed[record["source"]] = line.decode("utf-8", "surrogateescape")
            else:
                self.done.add(record["source"])
            kept.append(line)
        if torn or len(kept) != len(complete):
            write_atomic(self.target, b"".join(line + b"\n" for line in kept))

    def write_failure(self, source: str, line: str) -> None:
        """Write an input's error record, unless the file has it already (resuming)."""
        if self.failed.get(source) == line:
            return
        self.write(line, source=source)

    def write(self, line: str, *, source: str | None = None) -> None:
        if source is not None and source in self.failed:
            self.stale.add(self.failed.pop(source))
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
            if self.stale:
                self._drop_stale()

    def _drop_stale(self) -> None:
        """Remove the error records that newer records of the same inputs replaced (resuming)."""
        try:
            with open(self.target, encoding="utf-8", errors="surrogateescape", newline="\n") as old, \
                    atomic_open(self.target) as opened:
                new = cast(IO[str], opened)
                for line in old:
                    if line.rstrip("\n") not in self.stale:
                        new.write(line)
        except OSError as error:
            raise BatchError(f"cannot write --jsonl-out {_display(self.target)} ({error.strerror})") from None


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




def write_manifest(out: Path, result: BatchResult) -> BatchError | None:
    """Write ``out/manifest.json`` atomically; the error to report when it cannot be written."""
    manifest = out / MANIFEST_NAME
    try:
        # ASCII escapes: the manifest must be written whatever the names it holds.  Written as
        # it is encoded: a manifest of a million names is never one string in memory.
        with atomic_open(manifest) as handle:
            text = cast(IO[str], handle)
            json.dump(result.to_dict(), text, indent=2)
            text.write("\n")
    except OSError as error:
        return BatchError(f"cannot write the manifest {_display(str(manifest))} ({error.strerror})")
    return None
