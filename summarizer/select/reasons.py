"""The reasons of the ``neutral`` selector's decisions, in plain words: why each sentence was kept
or dropped (the first reason names the deciding factor), and the budget's note where the summary
could not keep what was asked."""

from __future__ import annotations

from collections.abc import Sequence

from summarizer.analysis import Analysis
from summarizer.compress import KINDS as COMPRESSION
from summarizer.compress import describe_split
from summarizer.model import Budget, Cue, Document, Edit, Reason, Speaker
from summarizer.neutrality import cue_summary
from summarizer.quotes import QuoteUnit
from summarizer.readability import LONG_SENTENCE_WORDS
from summarizer.select.decide import join_notes
from summarizer.select.merge import REWORDING, removed
from summarizer.select.needs import Needs, with_needs
from summarizer.select.value import length_after


def compressed_reason(edits: Sequence[Edit], words: int, document: Document, i: int) -> Reason:
    cuts = [e for e in edits if e.kind in COMPRESSION]
    names = ", ".join(
describe_split(e) if e.kind == "split" else f"{e.kind.replace('_', ' ')} '{e.text.strip(' ,–—-')}' cut"
        for e in cuts[:4]
    )
    after = length_after(document, i, edits)
    return Reason("compressed", f"compressed for plain reading ({words} → {after} words a sentence): {names}")


def over_budget(extra: int) -> Reason:
    with_context = f" with the {extra} sentence{'s' if extra > 1 else ''} it needs to read right" if extra else ""
    return Reason("over_budget", f"it did not fit in what was left of the length budget{with_context}")


#: The reason a sentence chosen for its value gives, by (plain, neutral): shared forms, so that a long
#: text's decisions do not each hold a string of their own.
SELECTED_FORMS = {
    (True, True): "ranked {0} of {1}: central, plain and neutral",
    (False, True): "ranked {0} of {1}: central and neutral, though long",
    (True, False): "ranked {0} of {1}: central and plain",
    (False, False): "ranked {0} of {1}: central, though long",
}


def loaded_words_left(cues: Sequence[Cue], edits: Sequence[Edit]) -> list[str]:
    """The loaded terms in the writer's voice that no edit of the sentence takes out."""
    return [
        c.text
        for c in cues
        if c.category == "loaded_term"
        and not c.source.endswith("(quoted)")
        and not any(e.start <= c.start and c.end <= e.end for e in edits)
    ]


def kept_reasons(
    i: int,
    analysis: Analysis,
    loaded: set[int],
    unit_of: dict[int, QuoteUnit],
    brought: dict[int, int],
    rank_of: Sequence[int],
    n: int,
    lead: int | None,
) -> list[Reason]:
    unit = unit_of.get(i)
    if i == lead:
        return [Reason("lead", "the article's lead: its first sentence of news")]
    if unit is not None and unit.lead_in == i:
        return [Reason("lead_in", "introduces a kept quotation")]
    if i in brought:
        other = brought[i]
        if unit is not None and other in unit.members:
            return [Reason("quotation", f"part of the quotation that sentence {other + 1} belongs to, kept from its start")]
        return [Reason("context", f"kept so that sentence {other + 1}, which refers back to it, reads right")]
    if i in loaded:
        return [Reason("selected_loaded", f"kept to fill the budget despite {cue_summary(analysis.cues[i])}")]
    return [Reason.ranked("selected", "ranked {0} of {1}: central, plain and neutral", rank_of[i], n)]


def dropped_reasons(
    i: int,
    analysis: Analysis,
    loaded: set[int],
    unfixable: set[int],
    repeats: int | None,
    unit_of: dict[int, QuoteUnit],
    kept: set[int],
    rank_of: Sequence[int],
    n: int,
    worst_kept: int,
    context_kept: Sequence[int],
    voice_kept: dict[int, str],
) -> list[Reason]:
    unit = unit_of.get(i)
    if analysis.boilerplate[i] is not None:
        return [Reason("boilerplate", f"boilerplate: {analysis.boilerplate[i]}")]
    if analysis.word_counts[i] == 0:
        return [Reason("no_words", "no words to summarise")]
    if unit is not None and unit.lead_in == i:
        if any(m in kept for m in unit.quotation):
            return [Reason("lead_in", "introduces a kept quotation whose speaker is named in brackets instead")]
        return [Reason("lead_in", "introduces a quotation that was not kept")]
    if repeats is not None:
        return [Reason("repeats", f"repeats sentence {repeats + 1}")]
    if i in unfixable:
        return [Reason("loaded", "the writer's words in brackets replace the speaker's and cannot be removed cleanly")]
    if i in loaded:
        return [Reason("loaded", cue_summary(analysis.cues[i]))]
    if unit is not None and any(m in kept for m in unit.members):
        return [Reason("quotation_cut", "part of a kept quotation, cut for length")]
    if rank_of[i] > worst_kept:
        return [Reason.ranked("less_central", "ranked {0} of {1}: less central than every kept sentence", rank_of[i], n)]
    for k in sorted(voice_kept):
        if rank_of[k] > rank_of[i]:
            return [
                Reason(
                    "outranked",
                    f"ranked {rank_of[i]} of {n}: room was held for sentence {k + 1}, which gives {voice_kept[k]} a say",
                )
            ]
    below = [k for k in context_kept if rank_of[k] > rank_of[i]]
    if not below:
        return [Reason.ranked("outranked", _FILLED, rank_of[i], n)]
    listed = ", ".join(str(k + 1) for k in below[:4]) + (", …" if len(below) > 4 else "")
    return [
        Reason(
            "outranked",
            f"ranked {rank_of[i]} of {n}: the budget filled before its turn with sentences chosen first"
            f" and the context they need (sentence{'s' if len(below) > 1 else ''} {listed})",
        )
    ]


_FILLED = (
    "ranked {0} of {1}: the budget filled before its turn (sentences are chosen by value"
    " less their overlap with what is already kept, plus the facts they add)"
)


def settled_budget(
    budget: Budget,
    kept: list[int],
    content: Sequence[int],
    value: Sequence[float],
    counts: Sequence[int],
    needs: Needs,
    allowed: set[int],
) -> tuple[list[int], Budget]:
    """The kept sentences and the budget as kept, with a note where it is not what was asked.

    Under a word budget that no sentence fits, the most important one is kept alone (with what it
    needs); a sentence budget is passed only to keep a quotation with its lead-in.
    """
    note = budget.note
    if budget.words is not None:
        if not kept and content:
            best = max(content, key=lambda i: (value[i], -i))
            kept = with_needs(best, needs.unit_need, needs.needs, set(), allowed)
            note = (
                f"no sentence fits in {budget.words} words: kept the most important one alone,"
                f" which has {sum(counts[j] for j in kept)} words"
            )
        return kept, Budget(words=budget.words, target=len(kept), note=note)
    if len(kept) > budget.target:
        return kept, Budget(
            sentences=budget.sentences, ratio=budget.ratio, target=budget.target,
            note=join_notes(note, f"kept {len(kept)} sentences, not {budget.target}, to keep a quotation with its lead-in"),
        )
    return kept, budget


def selected_reason(
    analysis: Analysis, i: int, edits: Sequence[Edit], length: int, rank: int, n: int, whose: Speaker | None
) -> Reason:
    """A sentence chosen for its value: each word of the reason true of it as kept.

    "plain" only within LONG_SENTENCE_WORDS words (``length``: its longest part, once split),
    "neutral" only with no cue of the writer's left after its edits (the cues, listed after, say
    which); a loaded term left is named, and whose it is.
    """
    leftover = loaded_words_left(analysis.cues[i], edits)
    plain = length <= LONG_SENTENCE_WORDS
    if leftover:
        # "central, plain and neutral" would not be true: say what is left and whose it is.
        listed = ", ".join(f"'{w}'" for w in leftover)
        note = f"{listed} reported as {whose.name}'s" if whose is not None else f"loaded words left: {listed}"
        return Reason("selected", f"ranked {rank} of {n}: {'central and plain' if plain else 'central'}; {note}")
    writer_cues = any(not c.source.endswith("(quoted)") and not removed(c, edits) for c in analysis.cues[i])
    return Reason.ranked("selected", SELECTED_FORMS[plain, not writer_cues], rank, n)


def plainer_reason(twin: int, words: int, twin_words: int) -> Reason:
    """A sentence dropped for one kept that says much the same in fewer words."""
    return Reason("plainer", f"sentence {twin + 1} says much the same in plainer words: {twin_words} words to {words}")


def reworded_reason(edits: Sequence[Edit]) -> Reason | None:
    """The rewordings among a kept sentence's edits, listed (``None``: none)."""
    reworded = [e for e in edits if e.kind in REWORDING]
    if not reworded:
        return None
    changes = ", ".join(
        f"'{e.text.strip()}' → '{e.replacement.strip()}'" if e.replacement.strip() else f"'{e.text.strip()}' deleted"
        for e in reworded[:4]
    )
    return Reason("reworded", f"reworded in neutral terms: {changes}")


def facts_reason(added: Sequence[str]) -> Reason:
    """The facts a kept sentence adds that no sentence kept before it says."""
    return Reason("facts", "adds what no sentence kept before it says: " + ", ".join(added[:5]))
