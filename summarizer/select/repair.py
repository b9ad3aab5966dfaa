"""The edits that make kept sentences read right without the ones dropped around them: a quotation
closed, a connective dropped, a speaker named or credited, a name completed, a dateline removed."""

from __future__ import annotations

from collections.abc import Sequence

from summarizer.context import antecedent_lost, connective_edit, dateline_edit, opening_edit
from summarizer.model import Document, Edit, Sentence, Speaker
from summarizer.quotes import Quotation
from summarizer.select.merge import merge_edits
from summarizer.select.needs import Needs, previous_in

#: How many sentences back an opening phrase's noun ("Regardless of the decrease, …") is looked for.
ANTECEDENT_LOOKBACK = 2




def find_repairs(
    document: Document,
    kept: set[int],
    content: Sequence[int],
    needs: Needs,
    *,
    trim: bool,
    lead: int | None = None,
) -> dict[int, tuple[Edit, ...]]:
    """The edits that make the kept sentences read right on their own: a quotation cut short
    is closed (an ellipsis and its closing mark), a quotation the writer never closed gets its
    mark, an opening connective ("But", "However,") whose sentence before was dropped goes, and
    a lead-in's pronoun whose sentence before was dropped gives way to the speaker's name, and
    a surname whose whole name is in a dropped sentence is completed ("[Ana] Pereira"), and a
    quotation whose speaker is named only in a dropped sentence is credited in brackets, and a
    sentence kept without the one before it in its quotation gets its opening mark and its
    speaker in brackets (:func:`summarizer.context.enter_quotation`).

    One credit is enough: a quotation whose kept sentence before, in the summary, is a quotation
    of the same speaker (every sentence's voice, :attr:`Needs.voices`) gets no "[X said:]" of its own.
    The kept ``lead`` loses its dateline ("WASHINGTON, DC – ").  Without ``trim``, none.
    """
    if not trim:
        return {}
    quotations, speakers, completions = needs.quotations, needs.speakers, needs.completions
    credits, entries, speaker_of = needs.credits, needs.entries, needs.voices.speakers
    repairs: dict[int, list[Edit]] = {}
    if lead is not None and lead in kept and (dateline := dateline_edit(document.sentences[lead])) is not None:
        repairs[lead] = [dateline]
    # The quotations over each kept sentence, in document order: one pass, not one per kept sentence.
    over: dict[int, list[Quotation]] = {}
    for q in quotations:
        for k in range(q.first_sentence, q.last_sentence + 1):
            if k in kept:
                over.setdefault(k, []).append(q)
    completed: set[str] = set()  # surnames the summary has given whole so far
    last: int | None = None  # the kept sentence before, in the summary
    for k in sorted(kept):
        sentence = document.sentences[k]
        same_voice = (
            last is not None
            and _same_voice(speaker_of, last, k)
            and (
                document.sentences[last].text.lstrip()[:1] in "“\"‘"
                or any(q.depth == 0 and q.first_sentence < last <= q.last_sentence for q in over.get(last, ()))
            )
        )
        last = k
        if k in completions:
            introduced, surname, completion = completions[k]
            if introduced not in kept and surname not in completed:
                repairs.setdefault(k, []).append(completion)
            completed.add(surname)
        closing = _closing(sentence, over.get(k, ()), kept)
        if closing is not None:
            repairs.setdefault(k, []).append(closing)
        before = previous_in(content, k)
        if k in speakers and before is not None and before not in kept:
            repairs.setdefault(k, []).append(speakers[k])
        # The credit stands in for the sentences back to the speaker when one of them was dropped, and
        # is given too when they are all kept but a sentence of the writer's stands between ("“…,” Ms
        # Pfeifer told the BBC. The show featured 2005's products. “Consumers are …”").
        if (
            k in credits
            and (not all(j in kept for j in credits[k][0]) or len(credits[k][0]) > 1)
            and not (same_voice and credits[k][1].kind == "speaker_credited")
        ):
            repairs.setdefault(k, []).append(credits[k][1])
        if k in entries and (before is None or before not in kept):
            repairs.setdefault(k, []).extend(
                e for e in entries[k] if not (same_voice and e.kind == "speaker_credited")
            )
        elif before is None or before not in kept:
            edit = opening_edit(sentence, None if before is None else document.sentences[before].text)
            edit = edit or connective_edit(sentence)
            if edit is not None:
                repairs.setdefault(k, []).append(edit)
    return {k: tuple(v) for k, v in repairs.items()}


def _closing(sentence: Sentence, over: Sequence[Quotation], kept: set[int]) -> Edit | None:
    """The closing marks of the quotations ``over`` kept ``sentence`` that stay open at its end: cut
    short (an ellipsis first) where the sentence after it in the quotation was dropped, or never
    closed by the writer."""
    k = sentence.index
    open_quotes = [
        q for q in over
        if q.first_sentence <= k
        and ((k < q.last_sentence and k + 1 not in kept) or (k == q.last_sentence and not q.closed))
        and q.start < sentence.end
    ]
    if not open_quotes:
        return None
    cut = any(k < q.last_sentence for q in open_quotes)
    marks = "".join(q.closing for q in sorted(open_quotes, key=lambda q: q.start, reverse=True))
    return Edit("quotation_closed", sentence.end, sentence.end, "", (" …" if cut else "") + marks)


def _same_voice(speaker_of: Sequence[Speaker | None], before: int, k: int) -> bool:
    """Whether sentence ``before`` gives the words, in quotation marks, of the speaker whose
    words ``k`` goes on with: words only reported ("The ACLU also claims …") still leave the
    quotation after them its credit, so the reader can tell the claim from the quotation."""
    if not speaker_of:
        return False
    first, second = speaker_of[before], speaker_of[k]
    return first is not None and second is not None and first.name.lower() == second.name.lower()


def lost_antecedent_edit(
    document: Document, content: Sequence[int], i: int, edits: tuple[Edit, ...], outputs: dict[int, str]
) -> tuple[Edit, ...]:
    """``edits`` of kept sentence ``i``, with its opening phrase dropped where it names something the
    kept sentences before it no longer say: "Regardless of the decrease, …" after a kept sentence
    whose cut took "a significant decrease" out (``outputs``: the summary's text of those so far)."""
    told: list[tuple[str, str | None]] = []
    j = previous_in(content, i)
    while j is not None and len(told) < ANTECEDENT_LOOKBACK:
        told.append((document.sentences[j].text, outputs.get(j)))
        j = previous_in(content, j)
    sentence = document.sentences[i]
    if any(shown is not None for _, shown in told) and antecedent_lost(sentence.text, told):
        opening = opening_edit(sentence)
        if opening is not None:
            return merge_edits(edits, (opening,), document.text)
    return edits
