"""The edit levels: how far a summary may edit its kept sentences.

The levels are ordered, each one including the ones before it (:data:`EDIT_LEVELS`)::

    none     the kept sentences as the writer wrote them
    trim     + the writer's bracketed insertions and stance adverbs removed, a quotation cut
               short closed, a dangling connective dropped, a lead-in's pronoun named
    reword   + the writer's loaded terms said in a style table's neutral terms
    compress + asides, appositives and non-restrictive relative clauses cut, a sentence
               split at a semicolon (summarizer.compress)

A new level is one more entry at its place in :data:`EDIT_LEVELS`; a selector asks
:meth:`summarizer.options.SummaryOptions.allows` whether its kind of edit is on.  This module
imports nothing of evenhand's, so the model (:class:`~summarizer.model.Summary`) and the
options (:mod:`summarizer.options`) both read it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The algorithm that is evenhand's own (the others are sumy's, :mod:`summarizer.rank.algorithms`).
NEUTRAL = "neutral"


@dataclass(frozen=True, slots=True)
class EditLevel:
    """One level of the edits a summary may make, with what it adds to the level before."""

    name: str
    adds: str


#: The edit levels, each including every one before it.
EDIT_LEVELS: tuple[EditLevel, ...] = (
    EditLevel("none", "no edits: the kept sentences as the writer wrote them"),
    EditLevel(
        "trim",
        "the writer's bracketed insertions and stance adverbs removed, a quotation cut short closed, "
        "a dangling connective dropped, a lead-in's pronoun given the speaker's name",
    ),
    EditLevel("reword", "the writer's loaded terms said in a style table's neutral terms"),
    EditLevel(
        "compress",
        "asides, appositives and non-restrictive relative clauses cut, a sentence split at a semicolon "
        "(never a number, a negation, an attribution, a quotation or a name said nowhere else)",
    ),
)
EDITS: tuple[str, ...] = tuple(level.name for level in EDIT_LEVELS)
NO_EDITS = EDITS[0]
#: The level an algorithm edits at unless asked otherwise; any other algorithm: no edits.
DEFAULT_EDITS: dict[str, str] = {NEUTRAL: "compress"}


def default_edits(algorithm: str) -> str:
    """The edit level ``algorithm`` uses when none is asked for."""
    return DEFAULT_EDITS.get(algorithm.lower(), NO_EDITS)


def edits_for_trim(trim: bool | None, algorithm: str) -> str | None:
    """The edit level the old ``trim`` switch stands for (``None``: not given, the default).

    ``trim=False`` is no edits; ``trim=True`` is the algorithm's own level when it has one,
    else ``"trim"``.
    """
    if trim is None:
        return None
    if not trim:
        return NO_EDITS
    level = default_edits(algorithm)
    return level if level != NO_EDITS else "trim"
