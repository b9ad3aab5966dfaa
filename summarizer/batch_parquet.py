"""Parquet corpora for the batch: one document per row in, Parquet partitions out.

A ``.parquet`` input is a table with one article per row: the text in ``--text-column``
(default ``text``), its name in ``--id-column`` (default ``id`` where the table has one;
otherwise rows are named ``row-N``).  Rows become documents exactly as JSON Lines records do
(:func:`summarizer.batch.read._record_item`): the same labels (``FILE#ID``), output names, size
limit and failures, so a table and the same records as JSON Lines give the same outputs.

``--parquet-out DIR`` writes the outcomes as a Parquet dataset: ``DIR/part-00000.parquet``,
``part-00001.parquet``, … of up to :data:`ROWS_PER_PART` rows each, with the columns of
:data:`OUT_SCHEMA` (``source``, ``status``, ``error``, ``summary``, ``record``).  Each part is
written atomically when it is full (and the last one at the end), so a killed run leaves
only whole parts; ``--skip-existing`` resumes, keeping the done rows and trying the failed
ones again.  Any Parquet reader takes the folder as one table (pyarrow, pandas,
``dask.dataframe.read_parquet``, DuckDB, Spark).

Reading needs pyarrow (``pip install 'evenhand[parquet]'``, also in the ``dask`` extra); it
is imported only when a Parquet input or ``--parquet-out`` is given.

On a Dask cluster (:mod:`summarizer.batch_dask`) a table goes out row group by row group,
in slices of rows: the driver reads only the id column, to name every row as the local
path does; each worker reads the text of its slice itself.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from summarizer import regex_cache
from summarizer.atomic import atomic_open
from summarizer.errors import BatchError, InputError

__all__ = [
    "DEFAULT_ID_COLUMN",
    "DEFAULT_TEXT_COLUMN",
    "OUT_SCHEMA_COLUMNS",
    "PARQUET_SUFFIXES",
    "ROWS_PER_PART",
    "ParquetOut",
    "Table",
    "is_parquet",
    "open_table",
    "require_pyarrow",
]

PARQUET_SUFFIXES = (".parquet", ".pq")
PARQUET_GLOB = "*.parquet"
DEFAULT_TEXT_COLUMN = "text"
DEFAULT_ID_COLUMN = "id"
ROWS_PER_PART = 10_000  # rows of --parquet-out per part file: a killed run redoes at most this many
BATCH_ROWS = 256  # rows read at a time on the local path
OUT_SCHEMA_COLUMNS = ("source", "status", "error", "summary", "record")
_PART = regex_cache.compile(r"part-(\d{5,})\.parquet")
_INSTALL = "pip install 'evenhand[parquet]'"


def is_parquet(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` names a Parquet file (by its suffix)."""
    return str(path).lower().endswith(PARQUET_SUFFIXES)


def require_pyarrow() -> None:
    """Raise :class:`BatchError` (a usage error) when pyarrow is not installed."""
    _pyarrow()


def _pyarrow() -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise BatchError(f"Parquet needs pyarrow: {_INSTALL}") from None
    return pq


class Table:
    """A Parquet input, opened for its metadata: columns checked, rows counted, nothing read yet.

    Attributes:
        path: the file.
        text_column: the column of texts.
        id_column: the column of names, or ``None`` (rows are named ``row-N``).
        rows: the number of rows.
        row_groups: the number of rows of each row group, in order.
    """

    def __init__(self, path: str, text_column: str | None, id_column: str | None) -> None:
        pq = _pyarrow()
        import pyarrow as pa

        self.path = path
        try:
            handle = pq.ParquetFile(path)
        except OSError as error:
            raise InputError(f"cannot read ({error.strerror or error})") from None
        except (pa.ArrowException, ValueError) as error:
            raise InputError(f"not a Parquet file ({_one_line(error)})") from None
        schema = handle.schema_arrow
        names = list(schema.names)
        self.text_column = text_column or DEFAULT_TEXT_COLUMN
        if self.text_column not in names:
            raise InputError(f"no column {self.text_column!r} (the table has {_listed(names)}); "
                             "give --text-column NAME")
        kind = schema.field(self.text_column).type
        if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
            raise InputError(f"the {self.text_column!r} column is not text (it holds {kind})")
        if id_column is not None and id_column not in names:
            raise InputError(f"no column {id_column!r} (the table has {_listed(names)}); give --id-column NAME")
        self.id_column = id_column or (DEFAULT_ID_COLUMN if DEFAULT_ID_COLUMN in names else None)
        metadata = handle.metadata
        self.rows: int = metadata.num_rows
        self.row_groups: list[int] = [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)]

    def columns(self) -> list[str]:
        return [self.text_column] if self.id_column is None else [self.text_column, self.id_column]

    def ids(self, row_group: int) -> list[Any]:
        """The id column of one row group (``None`` for each row where there is none): all the driver reads."""
        if self.id_column is None:
            return [None] * self.row_groups[row_group]
        handle = _pyarrow().ParquetFile(self.path)
        return handle.read_row_group(row_group, columns=[self.id_column]).column(0).to_pylist()

    def rows_of(self, row_group: int | None = None) -> Iterator[tuple[str | None, Any]]:
        """``(text, id)`` of every row (of one row group), read a batch at a time."""
        handle = _pyarrow().ParquetFile(self.path)
        groups = None if row_group is None else [row_group]
        for batch in handle.iter_batches(batch_size=BATCH_ROWS, columns=self.columns(), row_groups=groups):
            texts = batch.column(0).to_pylist()
            idents = batch.column(1).to_pylist() if self.id_column is not None else [None] * len(texts)
            yield from zip(texts, idents, strict=True)


@functools.lru_cache(maxsize=64)
def open_table(path: str, text_column: str | None, id_column: str | None, mtime_ns: int) -> Table:
    """A :class:`Table`, opened once per process for a file as it is (``mtime_ns`` keys a changed file anew)."""
    return Table(path, text_column, id_column)


def table(path: str | os.PathLike[str], text_column: str | None, id_column: str | None) -> Table:
    """The :class:`Table` of ``path`` (see :func:`open_table`)."""
    name = os.fspath(path)
    try:
        mtime = os.stat(name).st_mtime_ns
    except OSError as error:
        raise InputError(f"cannot read ({error.strerror})") from None
    return open_table(name, text_column, id_column, mtime)


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


def _listed(names: Sequence[str]) -> str:
    shown = ", ".join(repr(n) for n in names[:8])
    return shown + (f" and {len(names) - 8} more" if len(names) > 8 else "") if names else "no columns"


# ---- --parquet-out ------------------------------------------------------------------------


class ParquetOut:
    """The ``--parquet-out`` dataset: outcomes buffered and written as whole part files.

    The caller holds the folder (created, locked, a killed run's temporary files removed:
    ``batch.write._output_folder``).

    Without ``resume`` a folder that already holds parts is refused (nothing of an earlier
    run is overwritten); with it (``--skip-existing``) the done rows of the parts there are
    the documents already done, and rows that failed are removed from their parts (each
    part rewritten atomically) so those inputs are tried again and every input is in the
    dataset once.
    """

    def __init__(self, target: str | os.PathLike[str], *, resume: bool, rows_per_part: int | None = None) -> None:
        pq = _pyarrow()
        self.pq = pq
        self.folder = Path(target)
        self.rows_per_part = rows_per_part or ROWS_PER_PART
        self.done: set[str] = set()
        self.buffer: list[dict[str, str | None]] = []
        shown = str(target)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            raise BatchError(f"--parquet-out {shown}: exists and is not a folder") from None
        except OSError as error:
            raise BatchError(f"--parquet-out {shown}: cannot create the folder ({error.strerror})") from None
        parts = sorted((int(m.group(1)), name) for name in os.listdir(self.folder) if (m := _PART.fullmatch(name)))
        if parts and not resume:
            raise BatchError(f"--parquet-out {shown}: holds the parts of an earlier run; give --skip-existing "
                             "to resume it, or choose another folder")
        self.next = parts[-1][0] + 1 if parts else 0
        for _, name in parts:
            self._resume_part(self.folder / name)

    def _schema(self) -> Any:
        import pyarrow as pa

        return pa.schema([(name, pa.large_string() if name in ("summary", "record") else pa.string())
                          for name in OUT_SCHEMA_COLUMNS])

    def _resume_part(self, path: Path) -> None:
        try:
            rows = self.pq.read_table(path, columns=["source", "status"]).to_pylist()
        except Exception as error:  # a part that is not ours, or damaged: stop rather than guess
            raise BatchError(f"--parquet-out {path}: cannot read this part ({_one_line(error)})") from None
        done = [r["status"] == "done" for r in rows]
        self.done.update(r["source"] for r, ok in zip(rows, done, strict=True) if ok)
        if not all(done):
            whole = self.pq.read_table(path)
            import pyarrow as pa

            kept = whole.filter(pa.array(done))
            self._write(path, kept)

    def _write(self, path: Path, data: Any) -> None:
        try:
            with atomic_open(path, text=False) as handle:
                self.pq.write_table(data, handle)
        except OSError as error:
            raise BatchError(f"cannot write --parquet-out {path} ({error.strerror or type(error).__name__})") from None

    def add(self, source: str, status: str, *, error: str | None = None, summary: str | None = None,
            record: str | None = None) -> None:
        """Buffer one outcome; a full buffer is written as the next part."""
        self.buffer.append({"source": source, "status": status, "error": error, "summary": summary,
                            "record": record})
        if len(self.buffer) >= self.rows_per_part:
            self.flush()

    def flush(self) -> None:
        """Write the buffered rows as the next part (nothing when there are none)."""
        if not self.buffer:
            return
        import pyarrow as pa

        data = pa.Table.from_pylist(self.buffer, schema=self._schema())
        self._write(self.folder / f"part-{self.next:05d}.parquet", data)
        self.next += 1
        self.buffer.clear()
