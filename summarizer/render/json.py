"""The ``json`` format: the summary JSON (schema v1, :mod:`summarizer.serialize`) plus the alignment.

The text stays exact so that every offset still indexes ``document.text``; JSON
escapes C0 controls itself, and :func:`summarizer.serialize.dumps` also writes C1
controls, DEL and the Unicode line separators as ``\\uXXXX`` escapes, so the file is
inert on a terminal.  Each sentence and each alignment row is one line.
"""

from __future__ import annotations

from typing import Any, TextIO

from summarizer.align import Alignment, Piece, Row, align_sentences, iter_rows
from summarizer.model import Summary
from summarizer.serialize import Stream, dump, dumps, to_dict


def alignment_to_dict(alignment: Alignment) -> dict[str, Any]:
    """The alignment as JSON-ready data (offsets as in :class:`~summarizer.align.Piece`)."""
    return {
        "summary_sentences": list(alignment.summary_sentences),
        "opcodes": [list(op) for op in alignment.opcodes],
        "rows": [_row(row) for row in alignment.rows],
    }


def _row(row: Row) -> dict[str, Any]:
    return {
        "index": row.index,
        "status": row.status,
        "summary_index": row.summary_index,
        "original": [_piece(p) for p in row.original],
        "summary": [_piece(p) for p in row.summary],
    }


def _piece(piece: Piece) -> dict[str, Any]:
    return {"text": piece.text, "start": piece.start, "end": piece.end, "change": piece.change, "cue": piece.cue}


def render_json(summary: Summary, alignment: Alignment) -> str:
    """The summary as JSON with an ``"alignment"`` key, laid out by lines, ending with a newline."""
    data = to_dict(summary)
    data["alignment"] = alignment_to_dict(alignment)
    return dumps(data) + "\n"


def write_json(summary: Summary, file: TextIO) -> None:
    """Write :func:`render_json`'s text to ``file`` a piece at a time, byte for byte the same.

    Neither the text nor the alignment's rows are ever held whole: each sentence's record and
    each row is made as it is written, so memory grows with the summary, not with the JSON
    (which is about nine times the size of the original text).
    """
    outputs, opcodes, pairs = align_sentences(summary)
    data = to_dict(summary, streamed=True)
    data["alignment"] = {
        "summary_sentences": list(outputs),
        "opcodes": Stream(lambda: map(list, opcodes)),
        "rows": Stream(lambda: map(_row, iter_rows(summary, pairs))),
    }
    dump(data, file)
    file.write("\n")
