"""Turn a :class:`~summarizer.Summary` into the styled passages the two panes show.

A pane shows :class:`Block` objects (one per paragraph): display text plus :class:`Run`
spans that say which sentence each stretch belongs to and which *roles* it has
(``dropped``, ``boilerplate``, ``trimmed``, ``loaded``, ``glyph``).  The pane maps roles
to theme styles, so this module decides *what* is marked and the stylesheet *how*.

Input text is never parsed as markup, and control characters are shown as visible
symbols (U+2400 block) so they cannot reach the terminal.  The replacement keeps string
length, so offsets into the document map to offsets into the display text by subtraction.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from summarizer import Decision, Document, Summary
from summarizer.cues import FRAMING_CATEGORIES

# Cue categories underlined in the original: the writer's framing only; the general
# lexicons are listed in the details panel.
LOADED_CATEGORIES = FRAMING_CATEGORIES

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


def _sentence_runs(decision: Decision, base: int) -> tuple[str, list[Run]]:
    """The display text of one original sentence (glyph first) and its runs, offset by ``base``."""
    sentence = decision.sentence
    role = sentence_role(decision)
    glyph = {"dropped": DROPPED_GLYPH, "boilerplate": BOILERPLATE_GLYPH}.get(role, "")
    text = glyph + display_text(sentence.text)
    runs: list[Run] = []
    if glyph:
        runs.append(Run(base, base + len(glyph), sentence.index, frozenset({role, "glyph"})))
    body = base + len(glyph)
    shift = body - sentence.start

    marks: list[tuple[int, int, str]] = []
    for edit in decision.edits:
        if edit.end > edit.start and not edit.replacement:
            marks.append((edit.start, edit.end, "trimmed"))
    for cue in decision.cues:
        if cue.category in LOADED_CATEGORIES and cue.end > cue.start:
            marks.append((cue.start, cue.end, "loaded"))
    cuts = {sentence.start, sentence.end}
    for start, end, _ in marks:
        cuts.add(min(max(start, sentence.start), sentence.end))
        cuts.add(min(max(end, sentence.start), sentence.end))
    ordered = sorted(cuts)
    for start, end in itertools.pairwise(ordered):
        if start == end:
            continue
        roles = {role}
        roles.update(name for m_start, m_end, name in marks if m_start <= start and end <= m_end)
        runs.append(Run(start + shift, end + shift, sentence.index, frozenset(roles)))
    return text, runs


def original_blocks(summary: Summary) -> tuple[Block, ...]:
    """The original, paragraph by paragraph, every sentence marked by its decision."""
    decisions = summary.decisions
    blocks: list[Block] = []
    for paragraph in summary.document.paragraphs:
        parts: list[str] = []
        runs: list[Run] = []
        length = 0
        for index in paragraph.sentence_indices:
            if parts:
                parts.append(" ")
                runs.append(Run(length, length + 1, -1))
                length += 1
            text, sentence_runs = _sentence_runs(decisions[index], length)
            parts.append(text)
            runs.extend(sentence_runs)
            length += len(text)
        if parts:
            blocks.append(Block("".join(parts), tuple(runs)))
    return tuple(blocks)


def summary_blocks(summary: Summary) -> tuple[Block, ...]:
    """The summary as it reads: kept sentences (edits applied), paragraphs as in the original."""
    blocks: list[Block] = []
    parts: list[str] = []
    runs: list[Run] = []
    length = 0
    last_paragraph: int | None = None
    for decision in summary.decisions:
        if not decision.kept:
            continue
        paragraph = decision.sentence.paragraph
        if last_paragraph is not None and paragraph != last_paragraph and parts:
            blocks.append(Block("".join(parts), tuple(runs)))
            parts, runs, length = [], [], 0
        if parts:
            parts.append(" ")
            runs.append(Run(length, length + 1, -1))
            length += 1
        text = display_text(decision.output or decision.sentence.text)
        parts.append(text)
        runs.append(Run(length, length + len(text), decision.index, frozenset({"kept"})))
        length += len(text)
        last_paragraph = paragraph
    if parts:
        blocks.append(Block("".join(parts), tuple(runs)))
    return tuple(blocks)


def document_blocks(document: Document) -> tuple[Block, ...]:
    """The original before any decision: plain sentences, paragraph by paragraph."""
    blocks: list[Block] = []
    for paragraph in document.paragraphs:
        parts: list[str] = []
        runs: list[Run] = []
        length = 0
        for index in paragraph.sentence_indices:
            if parts:
                parts.append(" ")
                runs.append(Run(length, length + 1, -1))
                length += 1
            text = display_text(document.sentences[index].text)
            parts.append(text)
            runs.append(Run(length, length + len(text), index))
            length += len(text)
        if parts:
            blocks.append(Block("".join(parts), tuple(runs)))
    return tuple(blocks)
