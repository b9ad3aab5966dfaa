"""The batch on a Dask distributed cluster: Dask only schedules, :func:`summarizer.batch.run._process` does the work.

Used by :func:`summarizer.batch.run_batch` when ``BatchOptions.cluster`` is set (``evenhand
summarize … --cluster``); nothing here imports Dask until a batch runs on a cluster.

    --cluster tcp://host:8786     a running scheduler (``dask scheduler``, ``dask worker``)
    --cluster local               a LocalCluster on 127.0.0.1, one worker process per core
    --cluster local:N             … with N worker processes

The work goes to the data:

- a JSON Lines input is cut into byte ranges (at line ends) that the workers read
  themselves; the driver only seeks to find the cuts, so it never holds the corpus.  Each
  range is read twice on a worker: once to learn the records' ids (so the driver names
  every record exactly as the local pool does, in file order), once to summarise them;
- a Parquet input goes out row group by row group, in slices of rows: the driver reads only
  the id column (to name every row as the local path does), each worker reads the texts
  of its slice itself (see :mod:`summarizer.batch_parquet`);
- files (and standard input, web pages) are listed once by the plan and handed out in
  chunks; a worker reads each file itself.

The driver keeps a bounded number of ranges and chunks in flight (running, or finished and
waiting for their turn) and writes their outcomes in the order of the inputs, however the
cluster finishes them: each unit takes its ticket of the local pool's
:class:`~summarizer.batch.run._InOrder` where it belongs, and what needs no work (skipped,
failed already) keeps its place within its unit.  Written through the same writer as the
local pool, the outputs, the ``--jsonl-out`` file (byte for byte), the failure lines and the
manifest are those of ``--jobs 1``; an interrupted run leaves a prefix of a whole run's
``--jsonl-out``, which ``--skip-existing`` completes byte for byte.  The other guarantees
hold too: collision-free names, every failure named once.  A worker that dies is replaced
and its tasks are run again by Dask; what still fails is named, input by input.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from summarizer import regex_cache
from summarizer.batch.discover import BatchPlan, _Source
from summarizer.batch.model import BatchOptions, Outcome, Task
from summarizer.batch.names import _Names
from summarizer.batch.read import (
    _fetched_tasks,
    _labels,
    _read_record,
    _record_item,
    _RecordNamer,
    _source_items,
    _table_record,
)
from summarizer.batch.run import _InOrder, _process, _settled
from summarizer.batch.write import _Writer
from summarizer.batch_parquet import table as parquet_table
from summarizer.errors import BatchError

__all__ = ["CHUNK", "MAX_RANGE_BYTES", "MIN_RANGE_BYTES", "check_cluster", "connect", "local_workers", "run_on_cluster"]

CHUNK = 8  # files (or other read documents) per task
MIN_SLICE_ROWS = 16  # rows of a Parquet input per task, at least …
MAX_SLICE_ROWS = 256  # … and at most (a slice's outcomes come back whole)
MIN_RANGE_BYTES = 64 * 1024
MAX_RANGE_BYTES = 1024 * 1024  # a range's outcomes (rendered JSON) come back whole: keep them small
_LOCAL = regex_cache.compile(r"local(?::(\d+))?")
_ADDRESS = regex_cache.compile(r"(tcp|tls|ws|wss|inproc|ucx)://\S+")


def local_workers(spec: str) -> int | None:
    """The number of workers of a ``local[:N]`` spec (``local``: the usable cores), ``None`` for an address."""
    match = _LOCAL.fullmatch(spec.strip())
    if match is None:
        return None
    if match.group(1) is None:
        return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
    return int(match.group(1))


def check_cluster(spec: str) -> str:
    """``spec`` if it names a cluster: ``local``, ``local:N`` (N ≥ 1) or ``tcp://host:port``.

    Raises:
        BatchError: anything else (a usage error: no Dask is imported to find out).
    """
    workers = local_workers(spec)
    if workers is not None:
        if workers < 1:
            raise BatchError(f"--cluster {spec}: a local cluster needs at least 1 worker")
        return spec.strip()
    if _ADDRESS.fullmatch(spec.strip()) is None:
        raise BatchError(f"--cluster {spec!r}: give a scheduler address (tcp://host:8786) or local[:N]")
    return spec.strip()


CONNECT_TIMEOUT = "10s"


@contextlib.contextmanager
def connect(spec: str) -> Iterator[Any]:
    """A Dask client for ``spec``; a local cluster is started (bound to 127.0.0.1) and closed with it."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise BatchError("--cluster needs Dask: pip install 'evenhand[dask]'") from None
    workers = local_workers(spec)
    cluster = None
    try:
        if workers is not None:
            import dask

            # Workers sample their own stacks every 10 ms by default (for the dashboard's
            # profile, which a local batch has none of): costly for pure-Python work.
            # The scheduler's HTTP server always starts (8787 by default, taken when another
            # cluster runs): on a free port of 127.0.0.1 it never collides.
            with dask.config.set({"distributed.worker.profile.enabled": False}):
                cluster = LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                    dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR,
                )
            client = Client(cluster)
            client.register_plugin(_quiet_on_ctrl_c(), name="evenhand-ctrl-c")
        else:
            client = Client(spec, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as error:
        if cluster is not None:
            cluster.close()
        reason = " ".join(str(error).split()) or type(error).__name__
        raise BatchError(f"--cluster {spec}: cannot reach the scheduler ({reason})") from None
    try:
        yield client
    finally:
        with contextlib.suppress(Exception):
            client.close()
        if cluster is not None:
            with contextlib.suppress(Exception):
                cluster.close()


def _quiet_on_ctrl_c() -> Any:
    """A worker plugin: local workers ignore Ctrl-C (it reaches the whole terminal's process group).

    The driver handles it: it cancels the work, writes the manifest and closes the cluster,
    as the local pool's workers leave it to their parent (``batch.run._init_worker``).
    """
    from distributed import WorkerPlugin

    class QuietOnCtrlC(WorkerPlugin):
        def setup(self, worker: Any) -> None:
            import signal
            import threading

            if threading.current_thread() is threading.main_thread():
                signal.signal(signal.SIGINT, signal.SIG_IGN)

    return QuietOnCtrlC()


# ---- what runs on a worker --------------------------------------------------------------


def _run_chunk(tasks: Sequence[Task], options: BatchOptions) -> list[Outcome]:
    """Summarise and render a chunk of documents: the local pool's function, one by one."""
    return [_process(task, options) for task in tasks]


def _range_lines(path: str, start: int, end: int) -> Iterator[str]:
    """The lines of bytes ``start`` to ``end`` of ``path``, read as the local path reads the whole file."""
    with open(path, "rb") as handle:
        handle.seek(start)
        data = handle.read(end - start)
    # Universal newlines and replaced bad bytes, as open(path, "r", errors="replace") gives.
    yield from io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="replace")


def _scan_range(path: str, start: int, end: int, field_name: str, max_bytes: int | None) -> tuple[int, list[Any]]:
    """The number of lines of a range and its records without their text (numbered from 1 in the range)."""
    count = 0
    records = []
    for count, line in enumerate(_range_lines(path, start, end), start=1):
        record = _read_record(count, line, field_name, max_bytes)
        if record is not None:
            records.append(replace(record, text=None))
    return count, records


def _run_range(path: str, start: int, end: int, wanted: dict[int, tuple[str, str | None]],
               options: BatchOptions) -> list[Outcome]:
    """Summarise the records of a range named in ``wanted`` (line in the range → label, output)."""
    assert options.jsonl_field is not None
    outcomes = []
    for number, line in enumerate(_range_lines(path, start, end), start=1):
        if number not in wanted:
            continue
        record = _read_record(number, line, options.jsonl_field, options.max_bytes)
        if record is None:
            continue
        item = _record_item(record, *wanted[number])
        outcomes.append(_process(item, options) if isinstance(item, Task) else item)
    return outcomes


_ROW_GROUP_CACHE: dict[tuple[str, int], list[tuple[str | None, Any]]] = {}


def _row_group(path: str, text_column: str | None, id_column: str | None, row_group: int) -> list[tuple[str | None, Any]]:
    """The ``(text, id)`` rows of one row group: the last one read is kept, for the next slice of it."""
    key = (path, row_group)
    rows = _ROW_GROUP_CACHE.get(key)
    if rows is None:
        rows = list(parquet_table(path, text_column, id_column).rows_of(row_group))
        _ROW_GROUP_CACHE.clear()
        _ROW_GROUP_CACHE[key] = rows
    return rows


def _run_rows(path: str, row_group: int, first: int, wanted: dict[int, tuple[str, str | None]],
              options: BatchOptions) -> list[Outcome]:
    """Summarise the rows of a row group named in ``wanted`` (row of the table, from 1 → label, output);
    ``first`` is the table row of the row group's first row."""
    rows = _row_group(path, options.text_column, options.id_column, row_group)
    column = parquet_table(path, options.text_column, options.id_column).text_column
    outcomes = []
    for number, (label, output) in wanted.items():
        text, ident = rows[number - first]
        item = _record_item(_table_record(number, text, ident, column, options.max_bytes), label, output)
        outcomes.append(_process(item, options) if isinstance(item, Task) else item)
    return outcomes


# ---- the driver -------------------------------------------------------------------------


def byte_ranges(path: str | Path, target: int) -> list[tuple[int, int]]:
    """``path`` cut into ranges of about ``target`` bytes, each ending at a line end (or the file's end)."""
    size = os.path.getsize(path)
    ranges = []
    start = 0
    with open(path, "rb") as handle:
        while start < size:
            end = start + target
            if end >= size:
                end = size
            else:
                handle.seek(end - 1)
                while True:  # to the next newline, in blocks: a long line is never read whole
                    block = handle.read(64 * 1024)
                    if not block:
                        end = size
                        break
                    cut = block.find(b"\n")
                    if cut >= 0:
                        end = handle.tell() - len(block) + cut + 1
                        break
            ranges.append((start, end))
            start = end
    return ranges


class _Stop(Exception):
    """The batch stops early (``--fail-fast``)."""


CHUNK_ENTRIES = CHUNK * 32  # a chunk's inputs, with those that need no work (skipped, failed): at most


@dataclass(slots=True)
class _Unit:
    """Work to submit, the inputs it covers (named if the work itself fails), and the outcomes of
    the inputs among them that need no work (skipped, or failed already), each at its place.

    A unit without ``function`` is only settled outcomes (a range whose records were all
    skipped, a range that cannot be read).
    """

    function: Callable[..., list[Outcome]] | None
    args: tuple[Any, ...] = ()
    covers: list[tuple[str, str | None]] = field(default_factory=list)
    settled: list[tuple[int, Outcome]] = field(default_factory=list)  # (outcomes of the work before it, outcome)

    def work(self, *args: Any) -> _Unit:
        """The unit, its work given ``args``; with no input to work on, only its settled outcomes."""
        if self.covers:
            self.args = args
        else:
            self.function = None
        return self

    def settle(self, outcome: Outcome) -> None:
        """``outcome`` needs no work: its place is after the work covered so far."""
        self.settled.append((len(self.covers), outcome))

    def outcomes(self, worked: Sequence[Outcome]) -> list[Outcome]:
        """The unit's outcomes in the order of its inputs: ``worked`` (the work's) with the settled ones."""
        merged: list[Outcome] = []
        taken = 0
        for before, outcome in self.settled:
            merged.extend(worked[taken:before])
            taken = max(taken, before)
            merged.append(outcome)
        merged.extend(worked[taken:])
        return merged


def _settled_unit(outcome: Outcome) -> _Unit:
    unit = _Unit(None)
    unit.settle(outcome)
    return unit


class _ClusterRun:
    """The driver: units go out in the order of the inputs, each with its ticket of an
    :class:`~summarizer.batch.run._InOrder`, and their outcomes are written in that order,
    however the cluster finishes them (as the local pool's are)."""

    def __init__(self, client: Any, plan: BatchPlan, options: BatchOptions, writer: _Writer) -> None:
        self.client = client
        self.plan = plan
        self.options = options
        self.writer = writer
        self.width = max(1, sum(client.nthreads().values()))
        self.order = _InOrder(writer)

    def put(self, ticket: int, outcomes: Sequence[Outcome]) -> None:
        if self.order.put(ticket, outcomes):
            raise _Stop

    def run(self) -> None:
        from distributed import as_completed

        # Units in flight, running or finished and waiting for their turn: memory stays flat.
        in_flight = self.width * 2
        pending: dict[Any, tuple[int, _Unit]] = {}
        completed = as_completed()
        units = self.units()
        try:
            for unit in units:
                while pending and len(pending) + len(self.order.waiting) >= in_flight:
                    self.collect(next(completed), pending)
                ticket = self.order.ticket()
                if unit.function is None:
                    self.put(ticket, unit.outcomes(()))
                    continue
                future = self.client.submit(unit.function, *unit.args, pure=False)
                pending[future] = (ticket, unit)
                completed.add(future)
            while pending:
                self.collect(next(completed), pending)
        except _Stop:
            pass
        finally:
            units.close()  # its futures are released while the client is still open
            if pending:
                with contextlib.suppress(Exception):
                    self.client.cancel(list(pending))

    def collect(self, future: Any, pending: dict[Any, tuple[int, _Unit]]) -> None:
        ticket, unit = pending.pop(future)
        try:
            worked = future.result()
        except Exception as error:  # the work failed past Dask's retries (workers killed again and again)
            reason = " ".join(f"worker failed: {type(error).__name__}: {error}".split())
            worked = [Outcome(label, "failed", reason=reason, output=output) for label, output in unit.covers]
        finally:
            future.release()
        self.put(ticket, unit.outcomes(worked))

    def units(self) -> Generator[_Unit, None, None]:
        """The work in the order of the inputs: chunks of files, ranges of JSONL, slices of tables.

        What needs no work goes in the open chunk, at its place (no chunk open: alone), so a
        chunk's place in the order is that of its first input.
        """
        labels = _labels(self.plan)
        chunk = _Unit(_run_chunk)
        tasks: list[Task] = []

        def flush() -> Iterator[_Unit]:
            nonlocal chunk
            if tasks:  # what needs no work joins only a chunk with a task
                yield chunk.work(list(tasks), self.options)
            chunk = _Unit(_run_chunk)
            tasks.clear()

        def items() -> Iterator[Task | Outcome | _Source]:
            for source in self.plan.sources:
                if source.url is not None:
                    continue
                if (source.jsonl or source.parquet) and source.path is not None:
                    yield source
                else:
                    yield from _source_items(source, self.plan, self.options, labels)
            web = [source for source in self.plan.sources if source.url is not None]
            if web:
                yield from _fetched_tasks(web, self.options)

        for item in items():
            if isinstance(item, _Source):
                yield from flush()
                yield from self.slices(item, labels) if item.parquet else self.ranges(item, labels)
                continue
            settled = _settled(item, self.writer)
            if settled is not None:
                if not tasks:
                    yield _settled_unit(settled)
                    continue
                chunk.settle(settled)
            else:
                assert isinstance(item, Task)
                tasks.append(item)
                chunk.covers.append((item.label, item.output))
            if len(tasks) >= CHUNK or len(tasks) + len(chunk.settled) >= CHUNK_ENTRIES:
                yield from flush()
        yield from flush()

    def slices(self, source: _Source, labels: _Names) -> Iterator[_Unit]:
        """The rows of one Parquet input, slice by slice of each row group, named as the local path names them."""
        assert source.path is not None
        path = str(source.path)
        namer = _RecordNamer(source, labels)
        try:
            table = parquet_table(path, self.options.text_column, self.options.id_column)
        except Exception as error:  # changed since the plan read it
            yield _settled_unit(Outcome(source.label, "failed", reason=f"cannot read ({error})"))
            return
        size = max(MIN_SLICE_ROWS, min(MAX_SLICE_ROWS, table.rows // (self.width * 8) + 1))
        first = 1  # the table row of this row group's first row
        for group, count in enumerate(table.row_groups):
            try:
                idents = table.ids(group)
            except Exception as error:
                reason = " ".join(f"cannot read row group {group} ({type(error).__name__}: {error})".split())
                yield _settled_unit(Outcome(f"{source.label}@rows-{first}-{first + count - 1}", "failed",
                                            reason=reason))
                first += count
                continue
            unit = _Unit(_run_rows)
            wanted: dict[int, tuple[str, str | None]] = {}
            for offset, ident in enumerate(idents):
                number = first + offset
                # Texts are the worker's to read: a row is named from its id alone (as the local path names it).
                record = _table_record(number, "", ident, table.text_column, None)
                label, output = namer.name(number, record)
                settled = _settled(Task(label, output=output), self.writer)
                if settled is not None:
                    unit.settle(settled)
                else:
                    wanted[number] = (label, output)
                    unit.covers.append((label, output))
                if len(wanted) >= size or len(unit.settled) >= MAX_SLICE_ROWS:
                    yield unit.work(path, group, first, wanted, self.options)
                    unit, wanted = _Unit(_run_rows), {}
            if wanted or unit.settled:
                yield unit.work(path, group, first, wanted, self.options)
            first += count

    def ranges(self, source: _Source, labels: _Names) -> Iterator[_Unit]:
        """The records of one JSONL file, range by range, named in file order as the local path names them."""
        assert source.path is not None and self.options.jsonl_field is not None
        path = str(source.path)
        try:
            size = os.path.getsize(path)
            target = max(MIN_RANGE_BYTES, min(MAX_RANGE_BYTES, size // (self.width * 8) + 1))
            cuts = byte_ranges(path, target)
        except OSError as error:
            yield _settled_unit(Outcome(source.label, "failed", reason=f"cannot read ({error.strerror})"))
            return
        scans = [
            self.client.submit(_scan_range, path, start, end, self.options.jsonl_field, self.options.max_bytes,
                               pure=False)
            for start, end in cuts
        ]
        namer = _RecordNamer(source, labels)
        first = 0  # lines before this range
        try:
            for (start, end), scan in zip(cuts, scans, strict=True):
                try:
                    count, records = scan.result()
                except Exception as error:
                    reason = " ".join(f"worker failed reading it: {type(error).__name__}: {error}".split())
                    yield _settled_unit(Outcome(f"{source.label}@{start}-{end}", "failed", reason=reason))
                    continue
                finally:
                    scan.release()
                unit = _Unit(_run_range)
                wanted: dict[int, tuple[str, str | None]] = {}
                for record in records:
                    label, output = namer.name(first + record.number, record)
                    settled = (Outcome(label, "failed", reason=record.reason) if record.reason is not None
                               else _settled(Task(label, output=output), self.writer))
                    if settled is not None:
                        unit.settle(settled)
                    else:
                        wanted[record.number] = (label, output)
                        unit.covers.append((label, output))
                first += count
                if wanted or unit.settled:
                    yield unit.work(path, start, end, wanted, self.options)
        finally:
            for scan in scans:
                scan.release()


def run_on_cluster(client: Any, plan: BatchPlan, options: BatchOptions, writer: _Writer) -> None:
    """Run the documents of ``plan`` on the cluster of ``client`` (from :func:`connect`); every
    outcome goes through ``writer``.

    Raises:
        BatchError: a write failed such that no later one can succeed.
    """
    _ClusterRun(client, plan, options, writer).run()
