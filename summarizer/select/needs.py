"""What each sentence needs to read right in a summary, and the edits that can stand in for it.

A sentence of a quotation needs the quotation from its start (and its lead-in, "She said:"),
unless its opening mark and speaker can be given in brackets (:func:`quotation_entries`); a
sentence whose pronoun points back needs the sentence it points at, unless the name can be given
in brackets (:func:`summarizer.context.dependencies`).  :func:`with_needs` is a sentence with
everything it brings.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from summarizer.analysis import Analysis
from summarizer.context import (
    dependencies,
    enter_quotation,
    name_completions,
    name_the_speaker,
    opens_with_back_pointer,
)
from summarizer.edits import apply_edits
from summarizer.model import Document, Edit
from summarizer.quotes import Quotation, QuoteUnit, find_quotations, quotation_units, quoted_spans
from summarizer.voices import VoiceMap, find_voices


@dataclass(slots=True)
class Needs:
    """The document's quotations and voices, and what each sentence needs with it.

    Not frozen: :meth:`after_trim` adds what trimming makes a sentence need, and the decisions let
    go of the quotations once the repairs are found.
    """

    quotations: Sequence[Quotation]
    units: Sequence[QuoteUnit]
    #: Sentence → the quotation unit it belongs to (its lead-in and the quotation's sentences).
    unit_of: dict[int, QuoteUnit]
    #: The sentences that introduce a quotation ("She said:"): never chosen for themselves.
    lead_ins: set[int]
    voices: VoiceMap
    #: A later sentence of a quotation that may be kept without the ones before it → the edits it then needs.
    entries: dict[int, tuple[Edit, ...]]
    #: :attr:`unit_of` less the :attr:`entries`: the sentences that need their unit from its start.
    unit_need: dict[int, QuoteUnit]
    #: "They wrote:" → "[The ACLU] wrote:" where the speaker is named earlier: it then needs no sentence before it.
    speakers: dict[int, Edit]
    #: "Pereira said" → "[Ana] Pereira said" where the whole name is given earlier: no sentence needed for it.
    completions: dict[int, tuple[int, str, Edit]]
    #: "“…,” he said." → "“…,” [Mr Lee] said."; a quotation with no speaker → "[Mr Lee said:] “…”".
    credits: dict[int, tuple[tuple[int, ...], Edit]]
    #: Quotations whose speaker no sentence before them names: not kept, they would read as the writer's words.
    speakerless: set[int]
    #: For every sentence, the earlier sentences it needs (:func:`summarizer.context.dependencies`).
    needs: tuple[tuple[int, ...], ...]
    #: The document's spans inside quotation marks.
    quoted: tuple[tuple[int, int], ...]

    def after_trim(self, document: Document, content: Sequence[int], trims: dict[int, tuple[Edit, ...]]) -> None:
        """Add what each sentence needs once trimmed (:func:`needs_after_trim`)."""
        self.needs = needs_after_trim(document, content, trims, self.needs, self.lead_ins)


def find_needs(analysis: Analysis, content: Sequence[int], *, trim: bool) -> Needs:
    """The quotations, voices and needs of ``analysis``'s document; with ``trim``, the edits that
    stand in for a sentence's needs (a speaker named, a name completed, a quotation entered)."""
    document = analysis.document
    n = len(document.sentences)
    quotations = find_quotations(document)
    units = quotation_units(document, quotations)
    unit_of: dict[int, QuoteUnit] = {m: u for u in units for m in u.members}
    lead_ins = {u.lead_in for u in units if u.lead_in is not None}
    voices = find_voices(document, quotations, skip={i for i in range(n) if analysis.boilerplate[i] is not None})
    # A sentence of a quotation may be kept without the sentences before it in the quotation when its
    # speaker can be credited in brackets and its opening mark given: "[Mr Lee said:] “We will …".
    entries = quotation_entries(document, units, quotations, voices) if trim and QUOTATION_ENTRIES else {}
    speakers = {i: e for i in lead_ins if trim and (e := name_the_speaker(document, i)) is not None}
    completions = name_completions(document, content) if trim else {}
    credits: dict[int, tuple[tuple[int, ...], Edit]] = {}
    speakerless: set[int] = set()
    needs = dependencies(
        document, analysis.boilerplate, analysis.word_counts, quotations, connectives=trim, named=speakers,
        completed=completions, credits=credits if trim else None, speakerless=speakerless if trim else None,
    )
    return Needs(
        quotations=quotations, units=units, unit_of=unit_of, lead_ins=lead_ins, voices=voices, entries=entries,
        unit_need={m: u for m, u in unit_of.items() if m not in entries}, speakers=speakers,
        completions=completions, credits=credits, speakerless=speakerless, needs=needs,
        quoted=quoted_spans(document, quotations),
    )


#: Whether a sentence of a quotation may be kept without the sentences before it in the quotation
#: (its lead-in, its start), its opening mark and its speaker given by recorded edits (issue 12:
#: "a kept part of a quotation is the whole quotation, or the cut is a recorded edit").
QUOTATION_ENTRIES = True


def previous_in(content: Sequence[int], i: int) -> int | None:
    """The content sentence before ``i`` (itself one of ``content``, which is in order), if any."""
    at = bisect_left(content, i)
    return content[at - 1] if at > 0 and at < len(content) and content[at] == i else None


def with_needs(
    i: int,
    unit_of: dict[int, QuoteUnit],
    needs: Sequence[tuple[int, ...]],
    kept: set[int],
    allowed: set[int],
    *,
    document: Document | None = None,
    avoid: set[int] | None = None,
) -> list[int]:
    """``i`` and everything it needs that is not kept yet: its quotation from the start (with
    the lead-in), the sentence its pronoun or reference points at, and theirs in turn."""
    if not needs[i] and i not in unit_of:  # most sentences: needing nothing, it comes alone
        return [] if i in kept else [i]
    out: set[int] = set()
    todo = [i]
    while todo:
        m = todo.pop()
        if m in out or m in kept:
            continue
        out.add(m)
        unit_part = _with_unit(m, unit_of, (), allowed, document=document if m == i else None, avoid=avoid)
        todo.extend(j for j in unit_part if j != m)
        todo.extend(needs[m])
    return sorted(out)


def needs_after_trim(
    document: Document,
    content: Sequence[int],
    trims: dict[int, tuple[Edit, ...]],
    needs: tuple[tuple[int, ...], ...],
    lead_ins: set[int],
) -> tuple[tuple[int, ...], ...]:
    """``needs``, plus the content sentence before it for each sentence that its trimming leaves
    opening with a word pointing back: "Surely it has to be …" reads "It has to be …" once the
    stance adverb is deleted, and needs what "it" is as much as a sentence written so."""
    extra: dict[int, tuple[int, ...]] = {}
    for i, edits in trims.items():
        sentence = document.sentences[i]
        if not edits or needs[i] or i - 1 in lead_ins:
            continue
        before = previous_in(content, i)
        if before is None:
            continue
        if not any(e.start <= sentence.start < e.end or e.start == sentence.start for e in edits):
            continue
        if opens_with_back_pointer(apply_edits(sentence, edits)) and not opens_with_back_pointer(sentence.text):
            extra[i] = (before,)
    if not extra:
        return needs
    return tuple(extra.get(i, need) for i, need in enumerate(needs))


def quotation_entries(
    document: Document, units: Sequence[QuoteUnit], quotations: Sequence[Quotation], voices: VoiceMap
) -> dict[int, tuple[Edit, ...]]:
    """For each later sentence of a quotation unit that may be kept without the sentences before
    it in the unit, the edits it then needs (:func:`summarizer.context.enter_quotation`).  A
    unit's first sentence keeps its lead-in, the writer's own words for who speaks ("They wrote:",
    its pronoun named in brackets where needed); without one its speaker is the selector's usual
    context."""
    entries: dict[int, tuple[Edit, ...]] = {}
    for unit in units:
        for m in unit.quotation[1:]:
            edits = enter_quotation(document, m, quotations, voices.speakers[m])
            if edits is not None:
                entries[m] = edits
    return entries


def _with_unit(
    i: int,
    unit_of: dict[int, QuoteUnit],
    kept: Collection[int],
    content: Collection[int],
    *,
    document: Document | None = None,
    avoid: set[int] | None = None,
) -> list[int]:
    """The sentences that must come with ``i``: its unit's lead-in and the quotation up to ``i``.

    With ``document``, the quotation runs on to the end of ``i``'s paragraph, so a cut
    quotation ends where the writer's paragraph does, but stops before any sentence in
    ``avoid`` (loaded ones must not come in on another sentence's coat-tails).
    """
    unit = unit_of.get(i)
    if unit is None:
        return [i]
    allowed = content if isinstance(content, set) else set(content)
    if i == unit.lead_in:
        first = unit.quotation[0]
        return [j for j in (i, first) if j in allowed or j == i]
    last = i
    if document is not None:
        paragraph = document.sentences[i].paragraph
        for q in unit.quotation:
            if q <= i:
                continue
            if document.sentences[q].paragraph != paragraph or (avoid and q in avoid):
                break
            last = q
    prefix = [*([unit.lead_in] if unit.lead_in is not None else []), *[q for q in unit.quotation if q <= last]]
    return [j for j in prefix if j not in kept and (j in allowed or j == i)]
