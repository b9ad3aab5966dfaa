"""Turn a summary's :class:`~summarizer.align.Alignment` into the styled passages the two panes show.

A pane shows :class:`Block` objects (one per paragraph): display text plus :class:`Run`
spans that say which sentence each stretch belongs to and which *roles* it has
(``kept``, ``dropped``, ``boilerplate``, ``glyph``; ``trimmed`` and ``loaded`` in the
original, ``inserted`` in the summary).  The pane maps roles to theme styles, so this
module decides *what* is marked and the stylesheet *how*.

The marks are the alignment's, the same that the diff, HTML and terminal renderers show
(compute once, render many): a piece the alignment calls deleted is ``trimmed`` in the
original, a piece it calls inserted (a bracketed name, a reworded term) is ``inserted``
in the summary, and a piece that lies in a cue of the writer's framing is ``loaded``.

Input text is never parsed as markup, and control characters are shown as visible
symbols (U+2400 block) so they cannot reach the terminal.  The replacement keeps string
length, so offsets into the document map to offsets into the display text by subtraction.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial

from summarizer import Decision, Document
from summarizer.align import DELETED, INSERTED, Alignment, Row

DROPPED_GLYPH = "✗ "
BOILERPLATE_GLYPH = "⊘ "

# White space becomes a plain space (soft wrapping re-flows hard-wrapped text); other
# control characters become their visible Control Pictures twin.
_DISPLAY = dict.fromkeys((9, 10, 11, 12, 13, 133, 8232, 8233), " ")
_DISPLAY.update({code: chr(0x2400 + code) for code in range(0x20) if code not in _DISPLAY})
_DISPLAY[0x7F] = "\u2421"
_DISPLAY.update({code: "\ufffd" for code in range(0x80, 0xA0) if code not in _DISPLAY})


def display_text(text: str) -> str:
    """``text`` with white space flattened and control characters made visible (same length)."""
    return text.translate(_DISPLAY)


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch ``start:end`` of a block's text with one look.

    ``sentence`` is the document index of the sentence it belongs to, or -1 for the
    space between sentences.
    """

    start: int
    end: int
    sentence: int
    roles: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of a pane: its display text and the runs that cover it."""

    text: str
    runs: tuple[Run, ...]

    @property
    def sentences(self) -> tuple[int, ...]:
        seen: dict[int, None] = {}
        for run in self.runs:
            if run.sentence >= 0:
                seen.setdefault(run.sentence)
        return tuple(seen)


def sentence_role(decision: Decision) -> str:
    """``"kept"``, ``"dropped"`` or ``"boilerplate"``."""
    if decision.kept:
        return "kept"
    return "boilerplate" if decision.boilerplate else "dropped"


def _original_runs(row: Row, base: int) -> tuple[str, list[Run]]:
    """The display text of one original sentence (glyph first) and its runs, offset by ``base``.

    The runs are the row's pieces: ``trimmed`` where the alignment deleted words, ``loaded``
    where a piece lies in a cue of the writer's framing (the alignment marks only those; the
    general lexicons are listed in the details panel).
    """
    decision = row.decision
    role = sentence_role(decision)
    glyph = {"dropped": DROPPED_GLYPH, "boilerplate": BOILERPLATE_GLYPH}.get(role, "")
    text = glyph + display_text(row.text)
    runs: list[Run] = []
    if glyph:
        runs.append(Run(base, base + len(glyph), row.index, frozenset({role, "glyph"})))
    shift = base + len(glyph) - decision.sentence.start
    for piece in row.original:
        roles = {role}
        if piece.change == DELETED:
            roles.add("trimmed")
        if piece.cue is not None:
            roles.add("loaded")
        runs.append(Run(piece.start + shift, piece.end + shift, row.index, frozenset(roles)))
    return text, runs


_KEPT = frozenset({"kept"})
_INSERTED = frozenset({"kept", "inserted"})


def _summary_runs(row: Row, base: int) -> tuple[str, list[Run]]:
    """A kept sentence as it reads in the summary, ``inserted`` where the alignment added words."""
    runs = [
        Run(base + piece.start, base + piece.end, row.index, _INSERTED if piece.change == INSERTED else _KEPT)
        for piece in row.summary
    ]
    return display_text(row.output), runs


# One sentence of a block: given its offset in the block, its display text and runs.
_Piece = Callable[[int], tuple[str, list[Run]]]


def _block(pieces: Iterable[_Piece]) -> Block | None:
    """Join sentences into one block, a space (a run of sentence -1) between two; ``None`` if none."""
    parts: list[str] = []
    runs: list[Run] = []
    length = 0
    for piece in pieces:
        if parts:
            parts.append(" ")
            runs.append(Run(length, length + 1, -1))
            length += 1
        text, piece_runs = piece(length)
        parts.append(text)
        runs.extend(piece_runs)
        length += len(text)
    return Block("".join(parts), tuple(runs)) if parts else None


def _whole(text: str, index: int, roles: frozenset[str], base: int) -> tuple[str, list[Run]]:
    """A sentence shown as one run."""
    return text, [Run(base, base + len(text), index, roles)]


def original_blocks(alignment: Alignment) -> tuple[Block, ...]:
    """The original, paragraph by paragraph, every sentence marked by its decision and its row's pieces."""
    blocks = (
        _block(partial(_original_runs, row) for row in rows)
        for _, rows in itertools.groupby(alignment.rows, key=lambda row: row.paragraph)
    )
    return tuple(block for block in blocks if block is not None)


def summary_blocks(alignment: Alignment) -> tuple[Block, ...]:
    """The summary as it reads: kept sentences (edits applied), paragraphs as in the original."""
    kept = (row for row in alignment.rows if row.kept)
    blocks = (
        _block(partial(_summary_runs, row) for row in rows)
        for _, rows in itertools.groupby(kept, key=lambda row: row.paragraph)
    )
    return tuple(block for block in blocks if block is not None)


def document_blocks(document: Document) -> tuple[Block, ...]:
    """The original before any decision: plain sentences, paragraph by paragraph."""
    sentences = document.sentences
    blocks = (
        _block(
            partial(_whole, display_text(sentences[index].text), index, frozenset())
            for index in paragraph.sentence_indices
        )
        for paragraph in document.paragraphs
    )
    return tuple(block for block in blocks if block is not None)
