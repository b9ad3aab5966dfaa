"""Reading: the documents of each source, one at a time (files, JSON Lines records, table rows, fetched pages)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from summarizer.batch.discover import BatchPlan, _Source
from summarizer.batch.model import _SURROGATE, STDIN, BatchOptions, Outcome, Task, _display, _reason
from summarizer.batch.names import _fold, _Names, _safe_name, _unique
from summarizer.batch_parquet import table as parquet_table
from summarizer.errors import FetchError, InputError

if TYPE_CHECKING:
    pass



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
    if number == 1:  # a byte order mark (files written on Windows) is not part of the first record
        line = line.removeprefix("\ufeff")
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

    try:
        for number, line in enumerate(lines(), start=1):
            record = _read_record(number, line, field_name, max_bytes)
            if record is not None:
                yield _record_item(record, *namer.name(number, record))
    except OSError as error:  # deleted, or made unreadable, since the plan counted its records
        reason = f"cannot read ({error.strerror or type(error).__name__})"
        yield Outcome(_unique(source.label, labels, f"{source.label}#rest"), "failed", reason=reason)


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
    """Fetch the URL inputs (a limit overall and per host, retries with back-off), in the order given.

    In order, so that a batch's ``--jsonl-out`` and its ``--skip-existing`` resume are the same
    file however fast each page comes: a page waits for the ones before it.
    """
    from dataclasses import replace

    from summarizer.fetch import fetch_many, fetch_record

    by_url: dict[str, _Source] = {source.url: source for source in sources if source.url is not None}
    fetch_options = replace(options.fetch, max_bytes=options.max_bytes)
    for url, result, took in fetch_many(list(by_url), fetch_options, ordered=True):
        source = by_url[url]
        record = fetch_record(result, elapsed_s=took)
        if isinstance(result, FetchError):
            yield Outcome(source.label, "failed", reason=_reason(result, source.label), output=source.relative,
                          fetch=record)
        else:
            yield Task(source.label, page=result, output=source.relative, fetch=record)


