"""The ``neutral`` selector's greedy choice: the lead first, then the candidate of most value now, each
with what it needs to read right, while the budget allows.

Two passes: the first leaves the loaded sentences aside, the second lets them fill what is left
(unless ``neutrality`` is 0, when there is one pass over all).  A candidate that repeats a kept
sentence is skipped, one that needs others competes by what its group gives per place
(:data:`GROUP_SHARE`), and the voices' hooks (:mod:`summarizer.select.balance`) hold room for each
voice's say and keep any voice within its share.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from summarizer.analysis import Analysis
from summarizer.lexicons import flag_only
from summarizer.model import Budget, Cue, Edit, Reason, Sentence
from summarizer.neutrality import bias_score
from summarizer.options import SummaryOptions
from summarizer.select.balance import VoiceBalance, give_voices, rebalance
from summarizer.select.choosers import BaseChooser, Chooser, LargeChooser, PureChooser, make_chooser
from summarizer.select.merge import removed
from summarizer.select.needs import Needs, with_needs
from summarizer.select.novelty import Novelty, PureNovelty, weigh_facts
from summarizer.select.reasons import over_budget
from summarizer.select.value import LOADED, Values
from summarizer.trim import KEPT_ADVERBS

#: Whether a sentence that needs others to read right (its quotation from the start, its lead-in, the
#: sentence its pronoun points at) competes by its group's value per place the group takes, rather than
#: by its own value alone: the group's other sentences take places of the budget too.
GROUP_SHARE = True
#: The lead is kept first when its bias score after trimming is below this: a lead that reads neutrally
#: says what happened; a slanted one competes like any other.  The bias model's own threshold (0.5) until
#: issue 12: it dropped plain leads with one mild cue ("claims", "revealed", "the US giant", 0.50-0.57)
#: that the selector itself would keep, so the lead now yields only where any sentence is set aside.
LEAD_BIAS = LOADED


@dataclass(slots=True)
class Choice:
    """What the greedy choice made: the chooser (its ``kept`` in the order chosen) and why each
    sentence came in or was turned away."""

    chooser: BaseChooser
    balance: VoiceBalance | None
    #: The facts each kept sentence added (``None``: facts not weighed, a very long text).
    novelty: Novelty | PureNovelty | None
    #: A sentence's reason where the choice found one (set aside, over the budget, …).
    why: dict[int, Reason]
    #: A sentence kept as the context of another → that other.
    brought: dict[int, int]
    #: A sentence kept to give a voice a say → the voice.
    voice_kept: dict[int, str]
    #: The lead, if it was kept first as the lead.
    lead: int | None


def choose(
    analysis: Analysis,
    options: SummaryOptions,
    content: Sequence[int],
    headlines: set[int],
    needs: Needs,
    values: Values,
    budget: Budget,
    lead: int | None,
) -> Choice:
    """Choose the summary's sentences within ``budget`` (see the module)."""
    return _Greedy(analysis, options, content, headlines, needs, values, budget, lead).run()


class _Greedy:
    """One greedy choice: its state, and a method for each of its steps."""

    def __init__(
        self,
        analysis: Analysis,
        options: SummaryOptions,
        content: Sequence[int],
        headlines: set[int],
        needs: Needs,
        values: Values,
        budget: Budget,
        lead: int | None,
    ) -> None:
        self.analysis, self.content, self.needs, self.values = analysis, content, needs, values
        self.neutrality = options.neutrality
        self.word_limit, self.target = budget.words, budget.target
        self.counts, self.loaded = values.counts, values.loaded
        self.chooser = chooser = make_chooser(analysis, content, values.value, options.language, values.stems)
        self.allowed = set(content)
        # Candidates to choose for themselves (a quotation with no speaker may still come as part of its unit).
        self.choosable = self.allowed - needs.speakerless
        self.why: dict[int, Reason] = {
            i: Reason("no_speaker", "a quotation whose speaker no sentence before it names: it would read as the writer's words")
            for i in needs.speakerless
        }
        self.brought: dict[int, int] = {}
        # Facts are weighed where redundancy is (cosine MMR); a very long text is chosen by value alone.
        bias_factor = [1.0 - 0.8 * min(1.0, self.neutrality * b) for b in values.residual_bias]
        self.novelty: Novelty | PureNovelty | None = None
        if isinstance(chooser, PureChooser | Chooser):
            chooser.novelty = self.novelty = weigh_facts(
                analysis.document, bias_factor, pure=isinstance(chooser, PureChooser)
            )
        self.balance = VoiceBalance(needs.voices, self.counts, content)
        chooser.tally = self.balance.tally
        self.voice_kept: dict[int, str] = {}
        #: Set aside because its voice had its share → the voice, and the group it came with.
        self.capped: dict[int, tuple[str, tuple[int, ...]]] = {}
        self.lead, self.headlines = lead, headlines
        self.planned: list[tuple[str, int]] = []

    def group_of(self, i: int) -> list[int]:
        """``i`` with what it needs that is not kept yet."""
        return with_needs(i, self.needs.unit_need, self.needs.needs, self.chooser.kept_set, self.allowed)

    def run(self) -> Choice:
        self._skip_feature_opening()
        lead_kept = self._keep_lead()
        self.planned = self.balance.plan(
            self._candidates(), self.values.value, self.group_of, self.chooser, self.word_limit, self.target,
        )
        for allow_loaded in (False, True):
            self._fill(allow_loaded)
            if self.chooser.done(self.word_limit, self.target) or self.neutrality == 0:
                break
        if self.balance.several:
            rebalance(
                self.balance, self.chooser, self.counts, self.values.value, self._candidates(), self.needs.unit_of,
                self.needs.needs, self.group_of, self.lead if lead_kept else None, self.voice_kept, self.capped,
                self.word_limit, self.target, self.values.optional,
            )
        for i, reason in self.balance.reasons(self.capped, self.chooser).items():
            if i not in self.chooser.kept_set:
                self.why[i] = reason
        return Choice(
            chooser=self.chooser, balance=self.balance, novelty=self.novelty, why=self.why, brought=self.brought,
            voice_kept=self.voice_kept, lead=self.lead if lead_kept else None,
        )

    def _candidates(self) -> list[int]:
        """The sentences a voice's say may be: not a lead-in, not loaded, choosable."""
        lead_ins, loaded, choosable = self.needs.lead_ins, self.loaded, self.choosable
        return [i for i in self.content if i not in lead_ins and i not in loaded and i in choosable]

    def _skip_feature_opening(self) -> None:
        """A feature opening before the lead ("Would you believe …?") is not chosen: the summary opens with the news."""
        lead = self.lead
        for i in self.content:
            if lead is None or i >= lead:
                break
            if i not in self.headlines and i in self.choosable:
                self.choosable.discard(i)
                self.why[i] = Reason(
                    "feature_opening", f"a feature opening before the lead, sentence {lead + 1}: the summary opens with the news"
                )

    def _keep_lead(self) -> bool:
        """Keep the lead first, with what it needs, unless it is loaded or does not fit."""
        lead, values, chooser = self.lead, self.values, self.chooser
        if (
            lead is None
            or lead in values.one_sided
            or lead in values.unfixable
            or (
                self.neutrality > 0
                and not _lead_bias(
                    self.analysis.document.sentences[lead], self.analysis.cues[lead], values.trims.get(lead, ())
                ) < LEAD_BIAS
            )
        ):
            return False
        group = self.group_of(lead)
        if not chooser.fits(group, self.counts, self.word_limit, self.target):
            return False
        chooser.keep(group, self.counts)
        self.brought.update({j: lead for j in group if j != lead})
        return True

    def _fill(self, allow_loaded: bool) -> None:
        """One pass of the greedy choice; loaded sentences are candidates only with ``allow_loaded``."""
        chooser, lead_ins, loaded, choosable = self.chooser, self.needs.lead_ins, self.loaded, self.choosable
        # A lead-in is never chosen for itself: it comes with its quotation.
        pool = [i for i in self.content if i not in lead_ins and i in choosable and (allow_loaded or i not in loaded)]
        chooser.open(pool)
        while not chooser.done(self.word_limit, self.target):
            best = chooser.best()
            if best is None:
                break
            self._consider(best, allow_loaded)
        if self.planned:
            self._give_voices()

    def _consider(self, best: int, allow_loaded: bool) -> None:
        """Keep ``best`` with what it needs, or turn it away (for now, or with a reason)."""
        chooser, counts, word_limit, target = self.chooser, self.counts, self.word_limit, self.target
        twin = chooser.repeats_kept(best)
        if twin is not None:
            chooser.reject(best, repeats=twin)
            return
        if GROUP_SHARE and not isinstance(chooser, LargeChooser) and best not in chooser.shares:
            # A sentence that needs others to read right is weighed by what its whole group gives per place.
            share = chooser.share_per_place(best, self.group_of(best), counts, word_limit)
            if share is not None and share < chooser.gain_of(best) - 1e-12:
                chooser.set_share(best, share)
                return
        group = self._group(best)
        if not allow_loaded:
            unit = self.needs.unit_of.get(best)
            own = unit.members if unit is not None else ()
            tainted = [j for j in group if j in self.loaded and j != best and j not in own]
            if tainted:
                self.why[best] = Reason(
                    "needs_context",
                    f"it needs sentence {tainted[0] + 1} to read right, which was set aside for loaded language",
                )
                chooser.reject(best)
                return
        if not chooser.fits(group, counts, word_limit, target):
            self.why[best] = over_budget(len(group) - 1)
            chooser.reject(best)
            return
        # Voices: none takes more than its share; the room left is held for those not heard yet.
        crowded = self.balance.crowding(group, chooser, word_limit, target)
        if crowded is not None:
            self.capped[best] = (crowded, tuple(group))
            chooser.reject(best)
            return
        if self.planned and not self.balance.room_left(group, self.planned, self.group_of, chooser, word_limit, target):
            self._give_voices()
            return
        chooser.keep(group, counts)
        self.why.pop(best, None)
        self.brought.update({j: best for j in group if j != best})

    def _group(self, best: int) -> list[int]:
        """``best`` with what it needs, its quotation run on to the end of its paragraph when the budget allows."""
        needs, chooser = self.needs, self.chooser
        group = with_needs(
            best, needs.unit_need, needs.needs, chooser.kept_set, self.allowed,
            document=self.analysis.document, avoid=self.loaded,
        )
        if not chooser.fits(group, self.counts, self.word_limit, self.target):
            group = self.group_of(best)
        return group

    def _give_voices(self) -> None:
        give_voices(
            self.planned, self.balance, self.group_of, self.chooser, self.counts, self.word_limit, self.target,
            self.voice_kept, self.brought, self.why,
        )
        self.planned = []


#: Categories of the general lexicons: words loaded in some uses, matched so widely that one in a
#: lead ("oil giant", "illegal", "desperate") is most often plain news English.
_GENERAL_LEXICONS = frozenset({"valenced_word", "subjective_word"})
#: Intensifiers that only add emphasis ("very concerned", "hugely popular"), no side and no verdict.
_EMPHASIS = frozenset("very really truly".split())


def _mild_in_a_lead(cue: Cue) -> bool:
    """Whether a cue left in the lead is one its news outweighs: a general lexicon's word, a
    flag-only word ("popular", "controversial": loaded in some uses, plain in others), an adverb
    of emphasis ("very", "hugely"), or an adverb that attributes a claim ("allegedly", as
    newsrooms require for an unproven charge)."""
    word = cue.text.strip().lower()
    if cue.category in _GENERAL_LEXICONS or word in KEPT_ADVERBS or word in _flag_only_words():
        return True
    return cue.category == "intensifier" and (word in _EMPHASIS or word.endswith("ly"))


@cache
def _flag_only_words() -> frozenset[str]:
    return frozenset(w.lower() for w in flag_only())


def _lead_bias(sentence: Sentence, cues: Sequence[Cue], edits: Sequence[Edit]) -> float:
    """The lead's bias as its news weighs it: after its edits, without the mild cues
    (:func:`_mild_in_a_lead`).  The lead says what happened, so only the writer's framing (a
    verdict, a one-sided label, a scare quote, the writer's own voice) sets it aside."""
    left = [c for c in cues if not removed(c, edits) and not _mild_in_a_lead(c)]
    return float(bias_score(sentence, left))
