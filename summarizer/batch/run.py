"""Running: summarise each document (here, in a process pool or on a cluster) and hand each outcome to the writer."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import TYPE_CHECKING, Any

from summarizer.batch.discover import BatchPlan, source_outputs
from summarizer.batch.manifest import BatchResult, check_earlier, read_earlier
from summarizer.batch.model import (
    STDIN,
    BatchEvent,
    BatchOptions,
    EventCallback,
    Outcome,
    Task,
    _name,
    _reason,
    extension_for,
    render_summary,
)
from summarizer.batch.read import iter_tasks
from summarizer.batch.write import _JsonlOut, _output_folder, _Writer, write_manifest
from summarizer.batch_parquet import ParquetOut
from summarizer.errors import BatchError, EvenhandError, InputError
from summarizer.model import Document, Summary
from summarizer.one import summarize_document
from summarizer.options import SummaryOptions

if TYPE_CHECKING:
    pass



def read_task(task: Task, *, max_bytes: int | None = None) -> Document:
    """Read (or take) and extract one task's document, through the one loader (:mod:`summarizer.load`).

    Raises:
        EvenhandError: the input cannot be read (the message names it).
    """
    from summarizer.load import load_fetched, load_path, load_text

    if task.page is not None:
        return load_fetched(task.page)
    if task.text is not None:
        return load_text(task.text, source=task.label, warnings=task.warnings, html=task.html)
    if task.path is None:
        raise InputError(f"{task.label}: nothing to read")
    return load_path(task.path, max_bytes=max_bytes, source=task.label)


def summarize_task(task: Task, options: SummaryOptions, *, max_bytes: int | None = None) -> Summary:
    """Read one task's document and summarise it (see :func:`summarizer.one.summarize_document`).

    Raises:
        EvenhandError: the input cannot be read or summarised (the message names it).
    """
    return summarize_document(read_task(task, max_bytes=max_bytes), options, name=_name(task.label))


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


def _init_worker(parent: int) -> None:
    # The parent handles Ctrl-C: workers finish the document in hand, then the pool shuts down.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # A worker dies with its parent: after a `kill -9` of the batch no orphan waits forever.
    # The parent's pid comes from the parent: read here with os.getppid(), a worker whose
    # parent was killed while it started would watch its new parent (init) for ever.
    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=_exit_with_parent, args=(parent,), name="evenhand-parent-watch",
                     daemon=True).start()


def _exit_with_parent(parent: int, interval: float = 0.5) -> None:
    while os.getppid() == parent:
        time.sleep(interval)
    os._exit(1)



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
        if options.out is not None:  # read again under the folder's lock: a batch may have finished since the plan
            result.earlier = read_earlier(options.out)
            check_earlier(result.earlier, source_outputs(plan, extension_for(options.format)), options.out)
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
    # Never more workers than documents: `--jobs 100000` for three files starts two.
    workers = min(options.jobs, plan.total - len(plan.failures))
    pool = _start_pool(options, workers) if client is None and workers > 1 else None
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
                _run_pool(plan, options, writer, pool, workers)
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
        if result.interrupted or result.stopped_early:
            result.not_attempted = max(0, plan.total - writer.completed)
        if options.out is not None:
            unwritten = write_manifest(options.out, result)
            if stopped is None:
                stopped = unwritten
    if on_event is not None:
        on_event(BatchEvent("end", plan.total, writer.completed))
    if stopped is not None:
        raise stopped


def _ready(item: Task | Outcome, writer: _Writer) -> Task | None:
    """The task to run, or ``None`` when the item is already finished (failed or skipped)."""
    settled = _settled(item, writer)
    if settled is not None:
        writer.finish(settled)
        return None
    assert isinstance(item, Task)
    return item


def _settled(item: Task | Outcome, writer: _Writer) -> Outcome | None:
    """The outcome of an item that needs no work (failed already, or skipped), else ``None``."""
    if isinstance(item, Outcome):
        return item
    if writer.options.skip_existing:
        # Skipped when every output it has is there already: the file, the JSONL record.
        path = writer.output_path(item.output)
        present = [] if path is None else [path.exists()]
        if writer.jsonl is not None:
            present.append(writer.jsonl.target != STDIN and item.label in writer.jsonl.done)
        if writer.parquet is not None:
            present.append(item.label in writer.parquet.done)
        if present and all(present):
            return Outcome(item.label, "skipped", reason="output exists", output=item.output)
    return None


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


def _start_pool(options: BatchOptions, workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes, all started, with the pipeline loaded."""
    _warm_up(options)
    # Forked workers inherit the loaded pipeline; spawned ones would each load it again
    # (Python 3.14 makes forkserver the default on Linux).  No thread runs here yet.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork") if sys.platform == "linux" and "fork" in methods else None
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(os.getpid(),),
                               mp_context=context)
    wait([pool.submit(os.getpid) for _ in range(workers)])
    return pool


class _InOrder:
    """Finished outcomes handed to the writer in the order of the inputs, not of the workers.

    So a batch's ``--jsonl-out`` file, its output files, its failure lines and its manifest
    come out the same with ``--jobs 2`` (or ``--cluster``) as with ``--jobs 1``, run after
    run; and what a killed batch leaves is a prefix of what a whole one writes, which
    ``--skip-existing`` completes byte for byte.

    Every piece of work takes a :meth:`ticket` at the point in the input order where it
    belongs, before it starts, and later hands in its outcomes (one document's, or a
    cluster unit's list of them) with :meth:`put`.  Outcomes that finish early wait here
    (at most the work in flight: callers bound ``len(pending) + len(waiting)``); those still
    waiting when the batch is interrupted were never written and are done again on resume.
    """

    __slots__ = ("next", "tickets", "waiting", "writer")

    def __init__(self, writer: _Writer) -> None:
        self.writer = writer
        self.waiting: dict[int, Sequence[Outcome]] = {}
        self.next = 0
        self.tickets = 0

    def ticket(self) -> int:
        """The next place in the order of the inputs."""
        self.tickets += 1
        return self.tickets - 1

    def put(self, ticket: int, outcomes: Sequence[Outcome]) -> bool:
        """Record the outcomes of ``ticket`` (in their order); write every outcome now due.

        True when the batch must stop (``--fail-fast``): the outcomes after the one that
        stopped it are not written, as with ``--jobs 1``.

        Raises:
            BatchError: a write failed such that no later one can succeed.
        """
        self.waiting[ticket] = outcomes
        while self.next in self.waiting:
            due = self.waiting.pop(self.next)
            self.next += 1
            for outcome in due:
                if _stop(self.writer.finish(outcome), self.writer.options, self.writer.result):
                    return True
        return False


def _run_pool(plan: BatchPlan, options: BatchOptions, writer: _Writer, pool: ProcessPoolExecutor,
              workers: int) -> None:
    # A bounded number of documents in flight (running, or finished and waiting for their
    # turn) keeps memory flat however large the batch.
    in_flight = workers * 4
    pending: dict[Future[Outcome], tuple[int, Task]] = {}
    order = _InOrder(writer)
    stop = False
    try:
        for item in iter_tasks(plan, options):
            # Inputs that need no work (skipped, failed already) wait for their turn too: bounded.
            while pending and len(pending) + len(order.waiting) >= in_flight and not stop:
                stop = _collect(pending, order)
            if stop:
                break
            settled = _settled(item, writer)
            if settled is not None:
                if order.put(order.ticket(), (settled,)):
                    stop = True
                    break
                continue
            assert isinstance(item, Task)
            pending[pool.submit(_process, item, options)] = (order.ticket(), item)
        while pending and not stop:
            stop = _collect(pending, order)
    finally:
        for future in pending:
            future.cancel()


def _collect(pending: dict[Future[Outcome], tuple[int, Task]], order: _InOrder) -> bool:
    """Wait for at least one document in flight to finish; write what is due. True when the batch must stop."""
    finished, _ = wait(pending, return_when=FIRST_COMPLETED)
    stop = False
    for future in finished:
        ticket, task = pending.pop(future)
        if future.cancelled():
            continue
        try:
            outcome = future.result()
        except Exception as error:  # the worker died (killed, out of memory)
            reason = f"worker process failed: {type(error).__name__}: {error}"
            outcome = Outcome(task.label, "failed", reason=" ".join(reason.split()), output=task.output)
        if not stop and order.put(ticket, (outcome,)):
            stop = True
    return stop

