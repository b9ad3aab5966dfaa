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

The package, by job:

- :mod:`~summarizer.batch.model`: the options, a task, an outcome, a progress event;
- :mod:`~summarizer.batch.discover`: what a batch reads, and the checks made before any work;
- :mod:`~summarizer.batch.names`: output names that cannot collide;
- :mod:`~summarizer.batch.read`: the documents of each source, one at a time;
- :mod:`~summarizer.batch.run`: summarising them, here, in a pool or on a cluster;
- :mod:`~summarizer.batch.write`: output files, the JSON Lines stream, the folder's lock;
- :mod:`~summarizer.batch.manifest`: the record of the batch (``manifest.json``).

A single file summarised to the terminal does not come here (see :mod:`evenhand.cli`).
"""

from __future__ import annotations

from summarizer.batch.discover import BatchPlan, plan_batch
from summarizer.batch.manifest import BatchResult, Labels
from summarizer.batch.model import (
    DEFAULT_GLOBS,
    DEFAULT_MAX_BYTES,
    LOCK_NAME,
    MANIFEST_NAME,
    BatchEvent,
    BatchOptions,
    Outcome,
    Task,
    extension_for,
    render_summary,
)
from summarizer.batch.names import output_names
from summarizer.batch.read import iter_tasks
from summarizer.batch.run import read_task, run_batch, summarize_task
from summarizer.errors import BatchError
from summarizer.options import SummaryOptions
from summarizer.segment import MAX_SENTENCES  # the ceiling, re-exported: segment() refuses longer texts

__all__ = [
    "DEFAULT_GLOBS",
    "DEFAULT_MAX_BYTES",
    "LOCK_NAME",
    "MANIFEST_NAME",
    "MAX_SENTENCES",
    "BatchError",
    "BatchEvent",
    "BatchOptions",
    "BatchPlan",
    "BatchResult",
    "Labels",
    "Outcome",
    "SummaryOptions",
    "Task",
    "extension_for",
    "iter_tasks",
    "output_names",
    "plan_batch",
    "read_task",
    "render_summary",
    "run_batch",
    "summarize_task",
]
