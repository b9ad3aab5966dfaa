"""The ``json`` format: the summary JSON (schema v1, :mod:`summarizer.serialize`) plus the alignment.

The text stays exact so that every offset still indexes ``document.text``; JSON
escapes C0 controls itself, and this module also writes C1 controls, DEL and the
Unicode line separators as ``\\uXXXX`` escapes, so the file is inert on a terminal.
"""

from __future__ import annotations

import json
from typing import Any

from summarizer.align import Alignment, Piece
from summarizer.model import Summary
from summarizer.serialize import to_dict

# Characters json.dumps(ensure_ascii=False) writes raw; they only occur inside strings.
_RAW = {code: f"\\u{code:04x}" for code in (*range(0x7F, 0xA0), 0x2028, 0x2029)}


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
    """The summary as JSON with an ``"alignment"`` key, indented, ending with a newline."""
    data = to_dict(summary)
    data["alignment"] = alignment_to_dict(alignment)
    return json.dumps(data, ensure_ascii=False, indent=2).translate(_RAW) + "\n"
