"""What every format shows around the sentences: glyphs, the header's measures, the notes.

Kept here once so that the terminal, Markdown and HTML views name things the same way,
and every colour a view uses has a glyph or a text style as its twin.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from summarizer.align import DELETED, DROPPED, KEPT, TRIMMED, Row
from summarizer.model import Readability, Summary

#: The glyph that marks each row status.
GLYPHS = {KEPT: "✓", TRIMMED: "✂", DROPPED: "✗"}

#: In views without styles, the twins of strike-through, insertion and underline.
DELETED_OPEN, DELETED_CLOSE = "[-", "-]"
INSERTED_OPEN, INSERTED_CLOSE = "{+", "+}"
CUE_OPEN, CUE_CLOSE = "_", "_"

#: What each status means, in the order a legend lists them.
MEANINGS = (
    (KEPT, "kept as written"),
    (TRIMMED, "kept, with the writer's words struck out"),
    (DROPPED, "dropped: the reason is beside it"),
)


@dataclass(frozen=True, slots=True)
class Measure:
    """One line of the header: a label, the original's value and the summary's."""

    label: str
    original: str
    summary: str


def measures(summary: Summary) -> tuple[Measure, ...]:
    """The header's before-and-after numbers, formatted for reading."""
    stats = summary.stats
    before, after = stats.readability_original, stats.readability_summary
    kept = sum(1 for d in summary.decisions if d.kept)
    boilerplate = sum(1 for d in summary.decisions if d.boilerplate)
    # The readability rows count the original without its boilerplate: say so beside the count.
    original = (
        f"{len(summary.decisions) - boilerplate} (+{boilerplate} boilerplate)"
        if boilerplate and boilerplate < len(summary.decisions)
        else str(len(summary.decisions))
    )
    return (
        Measure("sentences", original, str(kept)),
        Measure("words", f"{stats.words_original:,}", f"{stats.words_summary:,} ({stats.compression:.0%})"),
        *_readability(before, after),
        _plain_measure(summary),
        Measure("loaded-language cues", str(stats.cues_original), str(stats.cues_summary)),
    )


def _plain_measure(summary: Summary) -> Measure:
    """Hemingway-style marks: sentences hard and very hard to read, and in the passive voice."""
    from summarizer.plain import plain_counts, summary_line

    original, after = summary_line(*plain_counts(summary))
    return Measure("hard/very hard/passive", original, after)


def _readability(before: Readability, after: Readability) -> tuple[Measure, ...]:
    return (
        Measure("words per sentence", f"{before.words_per_sentence:.1f}", f"{after.words_per_sentence:.1f}"),
        Measure("sentences over 20 words", f"{before.long_sentence_share:.0%}", f"{after.long_sentence_share:.0%}"),
        Measure("Flesch reading ease", f"{before.flesch_reading_ease:.1f}", f"{after.flesch_reading_ease:.1f}"),
        Measure("Flesch–Kincaid grade", f"{before.flesch_kincaid_grade:.1f}", f"{after.flesch_kincaid_grade:.1f}"),
    )


def notes(summary: Summary) -> tuple[str, ...]:
    """Everything a reader should know about how the summary was made (not yet made inert)."""
    found = list(summary.notes)
    note = summary.budget.note
    if note and note not in found:
        found.append(note)
    boilerplate = sum(1 for d in summary.decisions if d.boilerplate)
    if boilerplate and boilerplate < len(summary.decisions):
        found.append(
            f"the original's measures leave out its {boilerplate} boilerplate sentence{'s' if boilerplate > 1 else ''}"
        )
    return tuple(found)


def title(summary: Summary) -> str:
    """A one-line description of the summary (not yet made inert)."""
    source = summary.document.source or "the input"
    return f"evenhand summary of {source} ({summary.algorithm})"


def page_line(summary: Summary) -> str | None:
    """A web page's own description: title, site, author, date and URL (``None`` for plain text)."""
    page = summary.document.page
    if page is None:
        return None
    parts = [part for part in (page.title, page.site_name) if part]
    line = " — ".join(parts)
    details = [f"by {page.author}" if page.author else "", page.date or "", page.url or page.final_url or ""]
    rest = " · ".join(detail for detail in details if detail)
    return " · ".join(part for part in (line, rest) if part) or None


def cue_name(category: str) -> str:
    """A cue category as words: ``"loaded_term"`` → ``"loaded term"``."""
    return category.replace("_", " ")


def removed(row: Row) -> tuple[str, ...]:
    """What a trimmed row lost, each as words (not yet made inert): ``"seemingly (stance adverb)"``.

    The selector's recorded edits name their kind; words the alignment found deleted
    without a recorded edit are listed as they are.
    """
    out: list[str] = []
    edits = row.decision.edits
    for change, run in groupby(row.original, key=lambda piece: piece.change):
        if change != DELETED:
            continue
        pieces = list(run)
        words = "".join(piece.text for piece in pieces).strip()
        if not words:
            continue
        start, end = pieces[0].start, pieces[-1].end
        edit = next((e for e in edits if e.start < end and start < e.end and e.kind), None)
        if edit is None:
            out.append(words)
        elif edit.replacement.strip() and edit.kind not in _CAPITAL_ONLY:
            out.append(f"{words} → {edit.replacement.strip()} ({cue_name(edit.kind)})")
        else:
            out.append(f"{words} ({cue_name(edit.kind)})")
    return tuple(out)


#: Edits whose replacement is only the capital the next word needs ("But the" → "The").
_CAPITAL_ONLY = frozenset({"connective_dropped", "opening_dropped"})
