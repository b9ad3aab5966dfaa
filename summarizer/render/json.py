"""The ``json`` format: the summary JSON (schema v1, :mod:`summarizer.serialize`) plus the alignment.

The text stays exact so that every offset still indexes ``document.text``; JSON
escapes C0 controls itself, and :func:`summarizer.serialize.dumps` also writes C1
controls, DEL and the Unicode line separators as ``\\uXXXX`` escapes, so the file is
inert on a terminal.  Each sentence and each alignment row is one line.
"""

from __future__ import annotations

from typing import Any

from summarizer.align import Alignment, Piece
from summarizer.model import Summary
from summarizer.serialize import dumps, to_dict


def alignment_to_dict(alignment: Alignment) -> dict[str, Any]:
    """The alignment as JSON-ready data (offsets as in :class:`~summarizer.align.Piece`)."""
    return {
        "summary_sentences": list(alignment.summary_sentences),
        "opcodes": [list(op) for op in alignment.opcodes],
        "rows": [
            {
                "index": row.index,
                "status": row.status,
                "summary_index": row.summary_index,
                "original": [_piece(p) for p in row.original],
                "summary": [_piece(p) for p in row.summary],
            }
            for row in alignment.rows
        ],
    }


def _piece(piece: Piece) -> dict[str, Any]:
    return {"text": piece.text, "start": piece.start, "end": piece.end, "change": piece.change, "cue": piece.cue}


def render_json(summary: Summary, alignment: Alignment) -> str:
    """The summary as JSON with an ``"alignment"`` key, laid out by lines, ending with a newline."""
    data = to_dict(summary)
    data["alignment"] = alignment_to_dict(alignment)
    return dumps(data) + "\n"
