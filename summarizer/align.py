"""The diff view as data: the original's sentences aligned with the summary's, word by word where trimmed.

:func:`align` compares the original with the summary twice over, as
:class:`difflib.SequenceMatcher` would (``autojunk=False``: with autojunk on, difflib
treats any item that makes up over 1% of a sequence of 200 or more as junk):

1. over sentences: the original's sentences against the summary's.  The summary's
   sentences come from the original in order, so this pass is computed directly, in
   linear time, with the opcodes difflib gives (:func:`difflib_sentence_opcodes` is the
   reference the tests compare it with); difflib itself is quadratic at worst, and took
   minutes over the hundreds of thousands of sentences of a 50 MB text.  A sentence is
   *kept* when it reads in the summary exactly as in the original, *trimmed* when it is
   kept with word-level edits, and *dropped* when it is not in the summary;
2. within each trimmed sentence, over words and punctuation: which pieces of the
   original were deleted and which (rare) pieces were inserted.

The comparison keys never identify a sentence by its text alone: an unchanged summary
sentence is keyed by its text and by which occurrence of that text it is, so two
identical sentences ("Related Posts" twice) stay apart, and an edited one has a key of
its own and lands in a ``replace`` block with its source.

The result is plain frozen data, computed once; every renderer and the TUI read it.
Each row also splits its sentence into :class:`Piece` s that carry the marks a renderer
shows: deleted or inserted words, and the category of the cue (loaded language) a piece
lies in.
"""

from __future__ import annotations

import difflib
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from summarizer import regex_cache
from summarizer.cues import FRAMING_CATEGORIES
from summarizer.errors import SummaryError
from summarizer.model import Cue, Decision, Summary

__all__ = [
    "DROPPED", "KEPT", "STATUSES", "TRIMMED", "Alignment", "Piece", "Row", "align", "align_sentences",
    "diff_words", "difflib_sentence_opcodes", "iter_rows",
]

KEPT = "kept"
TRIMMED = "trimmed"
DROPPED = "dropped"
STATUSES = (KEPT, TRIMMED, DROPPED)

SAME = "same"
DELETED = "deleted"
INSERTED = "inserted"

# The key of an edited summary sentence: equal to no original sentence's key.
_EDITED = object()

Opcode = tuple[str, int, int, int, int]

# Words (with inner apostrophes and hyphens), single punctuation marks, and white space.
_TOKEN = regex_cache.compile(r"\w+(?:['’\-]\w+)*|[^\w\s]|\s+")


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of a sentence that a renderer marks one way.

    Attributes:
        text: the characters, exactly as in the original (or in the summary sentence).
        start: where they start: an offset into ``Document.text`` for a piece of the
            original, into the row's ``output`` for a piece of the summary.
        end: where they end (exclusive), in the same frame as ``start``.
        change: ``"same"``, ``"deleted"`` (in the original, not in the summary) or
            ``"inserted"`` (in the summary, not in the original).
        cue: the category of the cue this piece lies in (``"loaded_term"``, ...), or ``None``.
    """

    text: str
    start: int
    end: int
    change: str = SAME
    cue: str | None = None


@dataclass(frozen=True, slots=True)
class Row:
    """One original sentence beside what became of it.

    Attributes:
        index: the sentence's index in the document.
        status: ``"kept"``, ``"trimmed"`` or ``"dropped"``.
        summary_index: the 0-based position of its summary sentence, or ``None`` when dropped.
        decision: the selector's decision for the sentence (reasons, cues, scores).
        original: the original sentence in pieces (offsets into ``Document.text``).
        summary: the summary sentence in pieces (offsets into ``output``); empty when dropped.
    """

    index: int
    status: str
    summary_index: int | None
    decision: Decision
    original: tuple[Piece, ...]
    summary: tuple[Piece, ...] = ()

    @property
    def paragraph(self) -> int:
        return self.decision.sentence.paragraph

    @property
    def text(self) -> str:
        """The original sentence."""
        return self.decision.sentence.text

    @property
    def output(self) -> str:
        """The sentence as it reads in the summary (``""`` when dropped)."""
        return "".join(piece.text for piece in self.summary)

    @property
    def kept(self) -> bool:
        return self.status != DROPPED

    @property
    def reason(self) -> str:
        """Every reason in words, the deciding one first, joined by "; " (``""`` when none was recorded)."""
        return "; ".join(reason.text for reason in self.decision.reasons)


@dataclass(frozen=True, slots=True)
class Alignment:
    """The original and the summary, sentence by sentence.

    Attributes:
        rows: one row per original sentence, in document order.
        summary_sentences: the summary's sentences, in order.
        opcodes: difflib's sentence-level opcodes ``(tag, i1, i2, j1, j2)``, with ``i``
            indexing original sentences and ``j`` summary sentences.
    """

    rows: tuple[Row, ...]
    summary_sentences: tuple[str, ...]
    opcodes: tuple[tuple[str, int, int, int, int], ...]

    def count(self, status: str) -> int:
        """How many rows have ``status``."""
        return sum(1 for row in self.rows if row.status == status)


def align(summary: Summary) -> Alignment:
    """Align the original's sentences with the summary's.

    Args:
        summary: a summary with one decision per sentence; kept decisions carry their
            ``output`` (the sentence as it reads in the summary).

    Returns:
        One :class:`Row` per original sentence, and difflib's sentence-level opcodes.

    Raises:
        SummaryError: the kept sentences do not follow the original's order (a summary
            built or edited by hand; :func:`summarizer.summarize` never makes one).
    """
    outputs, opcodes, pairs = align_sentences(summary)
    return Alignment(rows=tuple(iter_rows(summary, pairs)), summary_sentences=outputs, opcodes=opcodes)


def align_sentences(summary: Summary) -> tuple[tuple[str, ...], tuple[Opcode, ...], dict[int, int]]:
    """The sentence pass of :func:`align` alone: the summary's sentences, the opcodes, and which
    summary sentence each kept original became (original index → summary index).

    With :func:`iter_rows`, a writer makes the rows one at a time instead of holding them all
    (:func:`summarizer.render.json.write_json` does, for very long documents).

    Raises:
        SummaryError: as :func:`align`.
    """
    decisions = summary.decisions
    kept = [d for d in decisions if d.kept]
    outputs = tuple(d.output for d in kept)

    opcodes = _sentence_opcodes(decisions, kept)

    pairs: dict[int, int] = {}
    position = {d.index: j for j, d in enumerate(kept)}  # kept sentences only: a long text's are a share
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            pairs.update(zip(range(i1, i2), range(j1, j2), strict=True))
        elif tag == "replace":
            # An edited summary sentence pairs with its own source, which the keys put in
            # the same block; the block's other originals were dropped.
            for i in range(i1, i2):
                j = position.get(decisions[i].index)
                if j is not None and j1 <= j < j2:
                    pairs[i] = j
    if len(pairs) != len(kept):
        raise SummaryError("the summary's sentences do not follow the order of the original's")
    return outputs, opcodes, pairs


def iter_rows(summary: Summary, pairs: dict[int, int]) -> Iterator[Row]:
    """The rows of :func:`align`, one at a time, given :func:`align_sentences`'s ``pairs``."""
    for i, d in enumerate(summary.decisions):
        yield _row(summary, i, d, pairs.get(i))


def _sentence_opcodes(decisions: Sequence[Decision], kept: Sequence[Decision]) -> tuple[Opcode, ...]:
    """difflib's opcodes for the original's sentence keys against the summary's, in linear time.

    The keys of the original are unique (text and occurrence) and the summary's unchanged
    sentences are a subsequence of them, in order; edited ones match nothing.  So every
    unchanged summary sentence matches its source, and the matching blocks are the runs
    of consecutive matches: exactly what :class:`difflib.SequenceMatcher` finds for these
    keys (``tests/render/test_align.py`` checks it), without its quadratic worst case over tens
    of thousands of sentences.
    """
    # Decisions come one per sentence in order, so a sentence's index is its position; a
    # table is built only for a summary that breaks this (it costs memory over a long text).
    in_order = all(d.index == i for i, d in enumerate(decisions))
    position = {} if in_order else {d.index: i for i, d in enumerate(decisions)}
    blocks: list[list[int]] = []  # [i, j, size]
    for j, d in enumerate(kept):
        if d.output != d.sentence.text:
            continue
        i = d.index if in_order else position[d.index]
        if blocks and blocks[-1][0] + blocks[-1][2] == i and blocks[-1][1] + blocks[-1][2] == j:
            blocks[-1][2] += 1
        else:
            blocks.append([i, j, 1])
    blocks.append([len(decisions), len(kept), 0])
    opcodes: list[Opcode] = []
    i = j = 0
    for ai, bj, size in blocks:  # as difflib.SequenceMatcher.get_opcodes
        if i < ai and j < bj:
            opcodes.append(("replace", i, ai, j, bj))
        elif i < ai:
            opcodes.append(("delete", i, ai, j, bj))
        elif j < bj:
            opcodes.append(("insert", i, ai, j, bj))
        i, j = ai + size, bj + size
        if size:
            opcodes.append(("equal", ai, i, bj, j))
    return tuple(opcodes)


def difflib_sentence_opcodes(decisions: Sequence[Decision], kept: Sequence[Decision]) -> tuple[Opcode, ...]:
    """The same opcodes from :class:`difflib.SequenceMatcher` (the reference the tests compare with)."""
    occurrence = _occurrences([d.sentence.text for d in decisions])
    a_keys: list[Hashable] = [(d.sentence.text, occurrence[i]) for i, d in enumerate(decisions)]
    b_keys: list[Hashable] = [
        (d.output, occurrence[d.index]) if d.output == d.sentence.text else (_EDITED, j)
        for j, d in enumerate(kept)
    ]
    matcher = difflib.SequenceMatcher(None, a_keys, b_keys, autojunk=False)
    return tuple(matcher.get_opcodes())


def _occurrences(texts: Sequence[str]) -> list[int]:
    """For each text, how many times it occurred before."""
    seen: dict[str, int] = {}
    out: list[int] = []
    for text in texts:
        out.append(seen.get(text, 0))
        seen[text] = out[-1] + 1
    return out


def _row(summary: Summary, i: int, decision: Decision, j: int | None) -> Row:
    sentence = decision.sentence
    # Pieces mark the writer's framing; the general lexicons' matches stay in decision.cues.
    cues = tuple(c for c in decision.cues if c.category in FRAMING_CATEGORIES)
    if j is None:
        original = _pieces(sentence.text, sentence.start, [(0, len(sentence.text), SAME)], cues)
        return Row(index=sentence.index, status=DROPPED, summary_index=None, decision=decision, original=original)
    if decision.output == sentence.text:
        original = _pieces(sentence.text, sentence.start, [(0, len(sentence.text), SAME)], cues)
        mirrored = tuple(
            Piece(p.text, p.start - sentence.start, p.end - sentence.start, p.change, p.cue) for p in original
        )
        return Row(index=sentence.index, status=KEPT, summary_index=j, decision=decision, original=original, summary=mirrored)
    left, right, shift = diff_words(sentence.text, decision.output)
    original = _pieces(sentence.text, sentence.start, left, cues)
    # A summary piece lies in a cue when the original characters it came from do.
    shifted = [
        Cue(c.category, c.start - sentence.start, c.end - sentence.start, c.text) for c in cues
    ]
    summary_cues = tuple(
        Cue(c.category, start, end, c.text)
        for c in shifted
        for start, end in _project(shift, c.start, c.end)
    )
    out = _pieces(decision.output, 0, right, summary_cues)
    return Row(index=sentence.index, status=TRIMMED, summary_index=j, decision=decision, original=original, summary=out)


def diff_words(
    before: str, after: str
) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]], list[tuple[int, int, int]]]:
    """Diff two versions of a sentence word by word (difflib, ``autojunk=False``).

    White space is not compared: a deletion that leaves one space where there were two
    counts as the deletion alone.

    Args:
        before: the original sentence.
        after: the sentence as it reads in the summary.

    Returns:
        ``(left, right, same)``: spans ``(start, end, change)`` covering ``before``
        (``"same"`` or ``"deleted"``) and covering ``after`` (``"same"`` or
        ``"inserted"``), and the unchanged runs as ``(before_start, after_start, length)``.
    """
    a_tokens = _tokens(before)
    b_tokens = _tokens(after)
    matcher = difflib.SequenceMatcher(
        None, [t for t, _, _ in a_tokens], [t for t, _, _ in b_tokens], autojunk=False
    )
    a_marks = [SAME] * len(a_tokens)
    b_marks = [SAME] * len(b_tokens)
    same: list[tuple[int, int, int]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                a_token, a_start, _ = a_tokens[i]
                _, b_start, _ = b_tokens[j]
                same.append((a_start, b_start, len(a_token)))
            continue
        for i in range(i1, i2):
            a_marks[i] = DELETED
        for j in range(j1, j2):
            b_marks[j] = INSERTED
    return _spans(before, a_tokens, a_marks, DELETED), _spans(after, b_tokens, b_marks, INSERTED), same


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text) if not m.group().isspace()]


def _spans(
    text: str, tokens: list[tuple[str, int, int]], marks: list[str], changed: str
) -> list[tuple[int, int, str]]:
    """Cover ``text`` with runs of one mark; space between two changed tokens is changed too."""
    if not tokens:
        return [(0, len(text), SAME)] if text else []
    spans: list[tuple[int, int, str]] = []

    def add(start: int, end: int, mark: str) -> None:
        if start >= end:
            return
        if spans and spans[-1][2] == mark and spans[-1][1] == start:
            spans[-1] = (spans[-1][0], end, mark)
        else:
            spans.append((start, end, mark))

    add(0, tokens[0][1], SAME)
    for k, (_, start, end) in enumerate(tokens):
        add(start, end, marks[k])
        gap_end = tokens[k + 1][1] if k + 1 < len(tokens) else len(text)
        both = k + 1 < len(tokens) and marks[k] == changed and marks[k + 1] == changed
        add(end, gap_end, changed if both else SAME)
    return spans


def _project(same: list[tuple[int, int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """Where the characters ``start:end`` of the original landed in the summary sentence."""
    out: list[tuple[int, int]] = []
    for a_start, b_start, length in same:
        lo, hi = max(start, a_start), min(end, a_start + length)
        if lo < hi:
            b_lo, b_hi = b_start + lo - a_start, b_start + hi - a_start
            if out and out[-1][1] >= b_lo - 1:
                # Join the words of one cue across the single space between them.
                out[-1] = (out[-1][0], b_hi)
            else:
                out.append((b_lo, b_hi))
    return out


def _pieces(
    text: str, offset: int, spans: Sequence[tuple[int, int, str]], cues: Sequence[Cue]
) -> tuple[Piece, ...]:
    """Cut ``text`` at every change and cue boundary; offsets are ``offset`` + index into ``text``."""
    cut = {0, len(text)}
    for start, end, _ in spans:
        cut.update((start, end))
    local = []
    for cue in cues:
        start, end = max(0, cue.start - offset), min(len(text), cue.end - offset)
        if start < end:
            local.append((start, end, cue.category))
            cut.update((start, end))
    bounds = sorted(cut)
    pieces: list[Piece] = []
    span_index = 0
    for lo, hi in pairwise(bounds):
        if lo >= hi:
            continue
        while span_index < len(spans) and spans[span_index][1] <= lo:
            span_index += 1
        change = spans[span_index][2] if span_index < len(spans) else SAME
        category = next((c for s, e, c in local if s <= lo and hi <= e), None)
        piece = Piece(text[lo:hi], offset + lo, offset + hi, change, category)
        if pieces and pieces[-1].change == change and pieces[-1].cue == category and pieces[-1].end == piece.start:
            last = pieces[-1]
            pieces[-1] = Piece(last.text + piece.text, last.start, piece.end, change, category)
        else:
            pieces.append(piece)
    return tuple(pieces)
