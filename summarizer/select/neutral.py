"""The ``neutral`` selector: the lead, then central, plain, unloaded, not repeated sentences, each
with what it needs to read right — one step per module of :mod:`summarizer.select`."""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from typing import Any

from summarizer.analysis import Analysis
from summarizer.budget import resolve_budget
from summarizer.context import find_lead
from summarizer.edits import apply_edits
from summarizer.model import Budget, Decision, Edit, Reason, Sentence
from summarizer.neutrality import cue_summary
from summarizer.options import SummaryOptions
from summarizer.select.choose import Choice, choose
from summarizer.select.cut import summary_compressions
from summarizer.select.decide import finished, normalise, ranks, shared, twin_of
from summarizer.select.merge import merge_edits
from summarizer.select.needs import Needs, find_needs
from summarizer.select.reasons import (
    compressed_reason,
    dropped_reasons,
    facts_reason,
    kept_reasons,
    plainer_reason,
    reworded_reason,
    selected_reason,
    settled_budget,
)
from summarizer.select.repair import find_repairs, lost_antecedent_edit
from summarizer.select.value import Values, content_sentences, trimmed, value_sentences


def select_neutral(analysis: Analysis, options: SummaryOptions) -> tuple[tuple[Decision, ...], Budget]:
    """The default selector: the lead, then central, plain, unloaded, not repeated sentences,
    each with what it needs to read right (its quotation from the start, its speaker, the
    sentence its pronoun points at).

    Its edits, by level: ``trim`` deletes the writer's glossing brackets and stance adverbs and
    makes kept sentences read right alone (quotations closed, connectives dropped, speakers
    named); ``reword`` says loaded terms neutrally too; ``compress`` also cuts asides,
    appositives and non-restrictive relative clauses (:mod:`summarizer.compress`), and a
    sentence is then valued by its length after the cuts.
    """
    document = analysis.document
    content, headlines = content_sentences(analysis)
    needs = find_needs(analysis, content, trim=options.allows("trim"))
    trims = trimmed(analysis, content, needs.quoted, options)
    if options.allows("trim"):
        needs.after_trim(document, content, trims)
    lead = find_lead(document, content)
    values = value_sentences(analysis, options, content, needs, trims, lead=lead)
    del trims  # the values hold them, and let go of all but the kept sentences' before the decisions
    budget = resolve_budget(
        len(content) or len(document.sentences), sentences=options.sentences, ratio=options.ratio, words=options.words
    )
    choice = choose(analysis, options, content, headlines, needs, values, budget, lead)
    kept, budget = settled_budget(
        budget, choice.chooser.kept, content, values.value, values.counts, needs, set(content)
    )
    decider = _Decider(analysis, options, content, headlines, needs, values, choice, set(kept), lead)
    return tuple(decider.decide(sentence) for sentence in document.sentences), budget


class _Decider:
    """Each sentence's decision once the choice is made: its reasons, its edits, its factors."""

    def __init__(
        self,
        analysis: Analysis,
        options: SummaryOptions,
        content: Sequence[int],
        headlines: set[int],
        needs: Needs,
        values: Values,
        choice: Choice,
        kept: set[int],
        lead: int | None,
    ) -> None:
        document = analysis.document
        n = len(document.sentences)
        self.analysis, self.content, self.headlines, self.needs, self.values, self.choice = (
            analysis, content, headlines, needs, values, choice,
        )
        self.trim, self.kept, self.n = options.allows("trim"), kept, n
        self.rank_of = ranks(values.value)
        self.scores = normalise(values.raw)
        self.unit_index = {m: u.members[0] for u in needs.units for m in u.members}
        self.repairs = find_repairs(document, kept, content, needs, trim=self.trim, lead=lead)
        self.cuts_of = summary_compressions(values.cutter, kept) if values.cutter is not None else {}
        self.worst_kept = max((self.rank_of[k] for k in kept), default=0)
        self.context_kept = sorted(k for k in kept if k in choice.brought)
        # Equal reasons share one tuple: a long text repeats a few hundred thousand times over (most
        # often "repeats sentence N"). A reason with a rank is never equal to another: not looked up.
        self.shared_reasons: dict[tuple[Reason, ...], tuple[Reason, ...]] = {}
        self.outputs: dict[int, str] = {}  # each kept sentence as the summary gives it, so far
        # What the decisions ask of the chooser is asked now, so that its bookkeeping (a key for every
        # sentence, the kept ones' words, the repeats it found) goes too: -1 where no kept sentence is repeated.
        chooser = choice.chooser
        self.repeats_of = array("q", (-1 if (twin := chooser.repeated_by(i)) is None else twin for i in range(n)))
        self.compressed = bool(values.squeezed)
        self._let_go()

    def _let_go(self) -> None:
        """Drop what only the choice needed: for a long text, the sets and lists of every sentence are
        as much memory as the decisions, and the peak was both at once."""
        values, needs, choice = self.values, self.needs, self.choice
        values.cutter = None  # its first cuts are the values' ``squeezed``; the questions go now
        values.one_sided, values.counts, values.raw, values.stems = set(), [], (), None
        needs.quotations, needs.units = (), ()
        choice.chooser.release()
        choice.balance = None
        # Every content sentence's trims and cuts were for judging it; the decisions need the kept ones' trims.
        values.trims = {i: values.trims[i] for i in sorted(self.kept) if i in values.trims}
        values.squeezed = {}

    def decide(self, sentence: Sentence) -> Decision:
        analysis, i = self.analysis, sentence.index
        is_kept = i in self.kept
        reasons = self._first_reasons(i, is_kept)
        edits: tuple[Edit, ...] = ()
        if is_kept:
            edits = self._edits(sentence, reasons)
        self._more_reasons(i, is_kept, edits, reasons)
        novelty = self.choice.novelty
        added = novelty.added.get(i, ()) if novelty is not None and is_kept else ()
        if added and reasons[0].code in ("selected", "selected_loaded", "voice"):
            reasons.append(facts_reason(added))
        if analysis.cues[i] and reasons[0].code not in ("loaded", "selected_loaded"):
            reasons.append(Reason("cues", cue_summary(analysis.cues[i])))
        return Decision(
            sentence=sentence, kept=is_kept, score=self.scores[i], rank=self.rank_of[i],
            bias=analysis.bias[i], boilerplate=analysis.boilerplate[i] is not None,
            cues=analysis.cues[i],
            reasons=shared(tuple(reasons), self.shared_reasons),
            factors=self._factors(i, is_kept, added),
            unit=self.unit_index.get(i),
            speaker=self.needs.voices.speakers[i],
            **finished(analysis, sentence, is_kept, edits, self.outputs.get(i)),
        )

    def _first_reasons(self, i: int, is_kept: bool) -> list[Reason]:
        """The deciding reason, first of the decision's reasons."""
        choice, values, rank_of, n = self.choice, self.values, self.rank_of, self.n
        if is_kept and i in choice.voice_kept:
            return [Reason("voice", f"gives {choice.voice_kept[i]} a say (ranked {rank_of[i]} of {n})")]
        if is_kept:
            return kept_reasons(i, self.analysis, values.loaded, self.needs.unit_of, choice.brought, rank_of, n, choice.lead)
        if i in self.headlines:
            return [Reason("headline", "the article's title line, not a sentence of its news")]
        if i in choice.why:
            return [choice.why[i]]
        return dropped_reasons(
            i, self.analysis, values.loaded, values.unfixable, twin_of(self.repeats_of, i), self.needs.unit_of,
            self.kept, rank_of, n, self.worst_kept, self.context_kept, choice.voice_kept,
        )

    def _edits(self, sentence: Sentence, reasons: list[Reason]) -> tuple[Edit, ...]:
        """A kept sentence's edits: its trims, its repairs and its cuts (the cuts' reason added to ``reasons``)."""
        document, i = self.analysis.document, sentence.index
        edits = merge_edits(self.values.trims.get(i, ()), self.repairs.get(i, ()), document.text)
        if self.cuts_of.get(i):
            edits = merge_edits(edits, self.cuts_of[i])
            reasons.append(compressed_reason(edits, self.analysis.word_counts[i], document, i))
        if self.trim:
            edits = lost_antecedent_edit(document, self.content, i, edits, self.outputs)
            self.outputs[i] = apply_edits(sentence, edits)
        return edits

    def _more_reasons(self, i: int, is_kept: bool, edits: tuple[Edit, ...], reasons: list[Reason]) -> None:
        """What else the reasons say: a plainer twin, the selected reason made true of the sentence as
        kept, the rewordings."""
        length = self.values.length
        twin = twin_of(self.repeats_of, i) if self.compressed and reasons[0].code == "repeats" else None
        if twin is not None and length[twin] < length[i]:
            reasons.append(plainer_reason(twin, length[i], length[twin]))
        if reasons[0].code == "selected":
            reasons[0] = selected_reason(
                self.analysis, i, edits, length[i], self.rank_of[i], self.n, self.needs.voices.speakers[i]
            )
        reworded = reworded_reason(edits)
        if reworded is not None:
            reasons.append(reworded)

    def _factors(self, i: int, is_kept: bool, added: Sequence[str]) -> dict[str, Any]:
        values, novelty = self.values, self.choice.novelty
        return {
            "centrality": round(values.centrality[i], 4),
            "position": round(values.position[i], 4),
            "attributed": values.attributed[i],
            "bias_after_trim": round(float(values.residual_bias[i]), 4),
            "context": round(float(values.context[i]), 4),
            **({"words_after_edits": float(values.length[i])} if self.compressed else {}),
            "value": round(float(values.value[i]), 4),
            **({"new_facts": float(len(added) if is_kept else novelty.new_count(i))} if novelty is not None else {}),
        }
