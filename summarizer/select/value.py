"""Each sentence's value to the ``neutral`` selector, and the factors it is made of.

Value = centrality (sumy's Reduction over the content sentences, 0–1), scaled by how well the
sentence stands alone and reads plainly (:func:`context_factor`: short sentences count for less,
long ones for ``20 / words``), weighed down by its bias score as it reads after its edits
(trimming, rewording and the compression cuts that take the writer's words out).  The same step
marks the *loaded* sentences (set aside until nothing else fills the budget) and counts every
sentence's words as the reader gets them, the words a word budget counts.

The constants were chosen on the development sets (``docs/evaluation.md``); each says how.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

from summarizer import regex_cache
from summarizer.analysis import Analysis
from summarizer.compress import lower_case_words, split_counts
from summarizer.context import dateline_edit, is_headline, opens_with_back_pointer
from summarizer.cues.claims import CATEGORY as CLAIM_CATEGORY
from summarizer.cues.claims import argues_with_source
from summarizer.edits import apply_edits
from summarizer.model import Cue, Document, Edit
from summarizer.neutrality import bias_score
from summarizer.options import SummaryOptions
from summarizer.rank import rank
from summarizer.rank.terms import content_stems, language_tools
from summarizer.readability import LONG_SENTENCE_WORDS, measure_counts, sentence_counts
from summarizer.reword import reword_edits
from summarizer.select.cut import Cutter, compressions
from summarizer.select.decide import normalise
from summarizer.select.merge import ABSORBING, merge_edits, removed
from summarizer.select.needs import Needs
from summarizer.tokens import words as word_list
from summarizer.trim import trim_edits, untrimmable

#: The centrality algorithm behind ``neutral``.
CENTRALITY = "reduction"
#: Weights of the neutral selector's value: importance = centrality, position and
#: attribution (each 0–1), then scaled by context and multiplied down by bias.
W_CENTRALITY = 1.0
#: The centrality (0–1 over the content sentences) is raised to this power before the other factors
#: scale it (> 1: the most central sentences count for more against the plain-language factor).
#: Session 10, BBC dev halves (first/second half of the file), edited ROUGE-2 A / B and Lim dev kept
#: bias: 1 → 0.720 / 0.700, 2.323; 1.2 → 0.728 / 0.705, 2.351; 1.5 → 0.734 / 0.714, 2.356;
#: 2 → 0.739 / 0.719, 2.354.  Every power over 1 raised the kept crowd bias, so it stays 1.
CENTRALITY_POWER = 1.0
W_POSITION = 0.0
W_ATTRIBUTED = 0.0
#: A sentence whose bias score (after trimming) reaches this, or that uses one side's
#: vocabulary in the writer's own voice ("illegal aliens", "gun grabbers"), or in which the writer
#: frames an opponent ("instead of noting", "ignores the fact that": no trim takes it out), is "loaded" and
#: is kept only if nothing else can fill the budget.  Higher than the bias model's own threshold (0.5),
#: which flags too many plain news sentences to set them all aside.  Re-set from 0.6 with the bias model
#: refitted in issue 13, where one loaded term in the writer's voice in a sentence of 20-40 words scores
#: 0.67-0.71 (0.7 kept "The extremist Republican majority … refused" in examples/slanted-left.txt).
LOADED = 0.65
#: How far the bias score (after trimming) weighs a sentence's value down: value × (1 − W_BIAS · bias).
#: 0.8 until the bias model was refitted in issue 13; with the new model 0.6 and LOADED 0.65 were chosen on
#: BBC (ROUGE-2) and Lim et al. (mean crowd bias of what is kept), docs/evaluation.md.
W_BIAS = 0.6
#: Sentences shorter than this many words count for proportionally less ("The board did not say.").
SHORT_SENTENCE_WORDS = 10
#: Plain language: a sentence over LONG_SENTENCE_WORDS words counts for
#: ``(LONG_SENTENCE_WORDS / words) ** W_LENGTH`` of its value (0 = no preference).  The one weight
#: where BBC and Lim et al. pull apart (session 9, with DANGLING_FACTOR 1 and GROUP_SHARE): 0.5 gives
#: BBC dev ROUGE-2 0.738 (halves 0.750 / 0.726) but Lim dev kept bias 2.371; 1 gives 0.722
#: (0.732 / 0.711) and 2.323; 0.7–0.9 gave Lim 2.34–2.35.  Kept at 1 so the kept bias does not rise.
W_LENGTH = 1.0
#: Plain language in syllables too: with compression on, a sentence whose Flesch–Kincaid grade
#: (after its edits) is over GRADE_PLAIN counts for ``(GRADE_PLAIN / grade) ** W_GRADE`` of its value.
GRADE_PLAIN = 12.0
W_GRADE = 0.0
#: A sentence that opens with a pronoun pointing back counts for this share of its value.  0.6 until
#: session 9; now 1: such a sentence brings the one it points at (:func:`summarizer.context.dependencies`)
#: or has it named in brackets, and :data:`GROUP_SHARE` already weighs the place that takes, so the
#: factor counted the cost twice.  BBC dev ROUGE-2 with W_LENGTH 1: 0.7186 → 0.7219 (halves
#: 0.730 → 0.732, 0.707 → 0.711) with GROUP_SHARE; Lim dev kept bias 2.332 → 2.323.
DANGLING_FACTOR = 1.0
_ATTRIBUTION = regex_cache.compile(
    r"\b(?:said|says|told|wrote|writes|stated|states|announced|according to|reported|explained|added|noted)\b",
    re.IGNORECASE,
)


def grade_factors(
    analysis: Analysis, squeezed: dict[int, tuple[Edit, ...]], trims: dict[int, tuple[Edit, ...]], n: int
) -> list[float]:
    """Each sentence's share of value for its grade as it reads after its edits (1 when plain)."""
    document = analysis.document
    factors = [1.0] * n
    for i in squeezed:
        edits = merge_edits(trims[i], squeezed[i])
        if edits:
            pieces = split_counts(apply_edits(document.sentences[i], edits), edits)
            grade = max((measure_counts([sentence_counts(p)]).flesch_kincaid_grade for p in pieces), default=0.0)
        else:
            grade = measure_counts([(analysis.word_counts[i], analysis.syllables[i])]).flesch_kincaid_grade
        if grade > GRADE_PLAIN:
            factors[i] = (GRADE_PLAIN / grade) ** W_GRADE
    return factors


def length_after(document: Document, i: int, edits: Sequence[Edit]) -> int:
    """Words of the sentence's longest part after its edits (a split sentence reads as two)."""
    if not edits:
        return len(word_list(document.sentences[i].text))
    output = apply_edits(document.sentences[i], edits)
    return max((len(word_list(piece)) for piece in split_counts(output, edits)), default=0)


def context_factor(
    document: Document, i: int, words: int, lead_ins: set[int], *, length: int | None = None
) -> float:
    """How well a sentence stands on its own: short sentences and ones that open with a
    pronoun pointing back ("She wants …", "This means …") say little without their neighbours.
    ``length`` is its words as the reader gets them (after compression), when not ``words``."""
    factor = min(1.0, words / SHORT_SENTENCE_WORDS) if words else 0.0
    length = words if length is None else length
    if W_LENGTH and length > LONG_SENTENCE_WORDS:
        factor *= (LONG_SENTENCE_WORDS / length) ** W_LENGTH
    sentence = document.sentences[i]
    if i > 0 and i - 1 not in lead_ins and opens_with_back_pointer(sentence.text):
        factor *= DANGLING_FACTOR
    return factor


def is_one_sided(cue: Cue) -> bool:
    """A term from one side's vocabulary, in the writer's own voice (not quoting a speaker)."""
    return (
        cue.category == "loaded_term"
        and cue.source.endswith((":left", ":right"))
    )


def frames_opponent(cue: Cue) -> bool:
    """The writer arguing with an opponent ("instead of noting"; a reported claim set against the
    writer's own view, "… as opposed to safeguarding the nation"), in the writer's own voice."""
    if cue.source.endswith("(quoted)"):
        return False
    return cue.category == "opponent_framing" or (cue.category == CLAIM_CATEGORY and argues_with_source(cue.text))


def position_scores(content: Sequence[int], n: int) -> array[float]:
    """1 for the first content sentence, falling off over the first dozen or so."""
    result = array("d", bytes(8 * n))  # zeros
    for rank_position, i in enumerate(content):
        result[i] = 1.0 / (1.0 + rank_position / 4.0)
    return result


@dataclass(slots=True)
class Values:
    """Every sentence's value and its factors (machine doubles where one is held per sentence), with
    what the choice weighs beside them.  Not frozen: the decisions let go of what only the choice
    needed, since for a long text these lists are as much memory as the decisions."""

    #: The centrality algorithm's own scores, and the centrality made of them (0–1 over the content).
    raw: Sequence[float]
    centrality: array[float]
    position: array[float]
    attributed: list[float]
    #: Each content sentence's trims and rewordings (:func:`trimmed`).
    trims: dict[int, tuple[Edit, ...]]
    #: The bias score as the sentence reads after its edits.
    residual_bias: list[float]
    #: Sentences with one side's vocabulary, or framing an opponent, in the writer's own voice.
    one_sided: set[int]
    #: The compression cuts, found once per sentence (``None``: no compression), and each content sentence's.
    cutter: Cutter | None
    squeezed: dict[int, tuple[Edit, ...]]
    #: Words of each sentence's longest part as the reader gets it.
    length: list[int]
    context: array[float]
    value: array[float]
    #: Sentences whose writer's words in brackets no trim can take out, and every sentence set aside as loaded.
    unfixable: set[int]
    loaded: set[int]
    #: Each sentence's words as its edits leave them (what a word budget counts), and the words of
    #: those that are repairs the summary may not give (:func:`words_read`).
    counts: list[int]
    optional: dict[int, int]
    #: Every sentence's terms, read by the centrality and again by the chooser's similarities
    #: (``None`` for a text whose words the analysis does not keep: each finds them itself).
    stems: Sequence[Sequence[str]] | None = None


def content_sentences(analysis: Analysis) -> tuple[list[int], set[int]]:
    """The sentences that compete for the summary (not boilerplate, not empty, not the title line), and the title line."""
    document = analysis.document
    n = len(document.sentences)
    content = [i for i in range(n) if analysis.boilerplate[i] is None and analysis.word_counts[i] > 0]
    headlines = {i for i in content if is_headline(document, i)}
    return [i for i in content if i not in headlines], headlines


def trimmed(
    analysis: Analysis, content: Sequence[int], quoted: tuple[tuple[int, int], ...], options: SummaryOptions
) -> dict[int, tuple[Edit, ...]]:
    """Each content sentence's trims (and rewordings, at that level): what a kept sentence would say
    after them is what the reader sees, so that is what is judged."""
    document = analysis.document
    trim, reword = options.allows("trim"), options.allows("reword")
    return {
        i: merge_edits(
            trim_edits(document, document.sentences[i], analysis.cues[i], quoted=quoted),
            reword_edits(document, document.sentences[i], analysis.cues[i], quoted) if reword else (),
        )
        if trim
        else ()
        for i in content
    }


def value_sentences(
    analysis: Analysis,
    options: SummaryOptions,
    content: Sequence[int],
    needs: Needs,
    trims: dict[int, tuple[Edit, ...]],
    *,
    lead: int | None,
) -> Values:
    """Every sentence's value, its factors, the loaded ones and the words each counts for.

    ``trims`` from :func:`trimmed`; ``lead`` the article's lead, whose dateline the summary drops.
    """
    document = analysis.document
    n = len(document.sentences)
    trim, neutrality = options.allows("trim"), options.neutrality
    # The terms once, for the centrality and the chooser's similarities (both read them alike).
    stems = None if analysis.words is None else content_stems(analysis.words, language_tools(options.language))
    raw = rank(
        document, CENTRALITY, engine=options.engine, language=options.language, words=analysis.words, stems=stems
    )
    centrality = normalise_over(raw, content)
    if CENTRALITY_POWER != 1.0:
        centrality = array("d", (c**CENTRALITY_POWER for c in centrality))
    position = position_scores(content, n)
    attributed = [1.0 if _ATTRIBUTION.search(s.text) else 0.0 for s in document.sentences]
    residual_bias, one_sided = _bias_after_trims(analysis, trims)
    # Cuts are found once per sentence: the summary's pass asks again only where its answers differ.
    cutter = (
        Cutter(document, needs.quoted, lower_case_words(document.text), remember=analysis.words is not None)
        if trim and options.allows("compress")
        else None
    )
    squeezed = compressions(cutter, content) if cutter is not None else {}
    _bias_after_cuts(analysis, trims, squeezed, residual_bias, one_sided)
    # Plain language as the reader gets it: a sentence's length after its cuts (its longest part, once split).
    length = list(analysis.word_counts)
    for i, cuts in squeezed.items():
        edits = merge_edits(trims[i], cuts)
        if edits:  # without edits, its words as the analysis counted them
            length[i] = length_after(document, i, edits)
    # The factors every sentence keeps are machine doubles (array "d"), not a float object each: the
    # same floats, a quarter of the memory, and they are all held until the last decision is made.
    context = array(
        "d", (context_factor(document, i, analysis.word_counts[i], needs.lead_ins, length=length[i]) for i in range(n))
    )
    if squeezed and W_GRADE:
        context = array("d", (c * f for c, f in zip(context, grade_factors(analysis, squeezed, trims, n), strict=True)))
    # Element by element, in the order NumPy's array arithmetic took it (the floats are the same).
    value = array("d", (
        (W_CENTRALITY * c + W_POSITION * p + W_ATTRIBUTED * a) * k * (1.0 - W_BIAS * min(1.0, neutrality * b))
        for c, p, a, k, b in zip(centrality, position, attributed, context, residual_bias, strict=True)
    ))
    unfixable = {i for i in content if trim and untrimmable(document, analysis.cues[i]) is not None}
    loaded = {i for i in content if neutrality > 0 and (residual_bias[i] >= LOADED or i in one_sided)} | unfixable
    counts, optional = words_read(analysis, trims, squeezed, needs, lead if trim else None)
    return Values(
        raw=raw, centrality=centrality, position=position, attributed=attributed, trims=trims,
        residual_bias=residual_bias, one_sided=one_sided, cutter=cutter, squeezed=squeezed, length=length,
        context=context, value=value, unfixable=unfixable, loaded=loaded, counts=counts, optional=optional,
        stems=stems,
    )


def _bias_after_trims(analysis: Analysis, trims: dict[int, tuple[Edit, ...]]) -> tuple[list[float], set[int]]:
    """Every sentence's bias score after its trims, and the content sentences one-sided after them."""
    document = analysis.document
    residual_bias = [float(b) for b in analysis.bias]
    one_sided: set[int] = set()
    for i, edits in trims.items():
        left = [c for c in analysis.cues[i] if not removed(c, edits)] if edits else analysis.cues[i]
        if edits:
            residual_bias[i] = bias_score(document.sentences[i], left)
        if any(is_one_sided(c) or frames_opponent(c) for c in left):
            one_sided.add(i)
    return residual_bias, one_sided


def _bias_after_cuts(
    analysis: Analysis,
    trims: dict[int, tuple[Edit, ...]],
    squeezed: dict[int, tuple[Edit, ...]],
    residual_bias: list[float],
    one_sided: set[int],
) -> None:
    """Judge again (in place) the sentences a cut leaves without the writer's loaded words.

    A cut that takes a whole clause with them in it (", handing yet another victory to the lobby
    that bankrolls …") leaves the sentence without them.  Only cuts without a capital count, which
    the summary makes whatever else it keeps (names decide the rest).
    """
    document = analysis.document
    for i, cuts in squeezed.items():
        taken = [c for c in cuts if c.kind in ABSORBING and not any(ch.isupper() for ch in c.text)]
        if not taken:
            continue
        edits = merge_edits(trims[i], taken)
        left = [c for c in analysis.cues[i] if not removed(c, edits)]
        if len(left) < len(analysis.cues[i]):
            residual_bias[i] = bias_score(document.sentences[i], left)
            one_sided.discard(i)
            if any(is_one_sided(c) or frames_opponent(c) for c in left):
                one_sided.add(i)


def words_read(
    analysis: Analysis,
    trims: dict[int, tuple[Edit, ...]],
    squeezed: dict[int, tuple[Edit, ...]],
    needs: Needs,
    lead: int | None,
) -> tuple[list[int], dict[int, int]]:
    """Every sentence's words as its edits leave them (a word budget counts the words the reader gets),
    and for each that holds some, the words of repairs the summary may not give.

    Those are a credit after the same speaker's quotation, a name completed where the summary already
    gave it, the dateline of the kept ``lead``: the voices' share is held without them, so that it
    holds whichever are given.
    """
    document = analysis.document
    entries, speakers, completions, credits = needs.entries, needs.speakers, needs.completions, needs.credits
    counts = list(analysis.word_counts)
    optional: dict[int, int] = {}
    for i, edits in trims.items():
        if edits or i in speakers or i in completions or i in credits or i in entries or squeezed.get(i):
            repaired = (
                entries.get(i, ())
                + ((speakers[i],) if i in speakers else ())
                + ((completions[i][2],) if i in completions else ())
                + ((credits[i][1],) if i in credits else ())
            )
            read_as = merge_edits(merge_edits(edits, repaired), squeezed.get(i, ()))
            counts[i] = len(word_list(apply_edits(document.sentences[i], read_as)))
            if repaired:
                bare = len(word_list(apply_edits(document.sentences[i], merge_edits(edits, squeezed.get(i, ())))))
                if counts[i] > bare:
                    optional[i] = counts[i] - bare
    if lead is not None and (dateline := dateline_edit(document.sentences[lead])) is not None:
        # The kept lead loses its dateline (see find_repairs): words its count holds that the reader does not get.
        optional[lead] = optional.get(lead, 0) + len(word_list(dateline.text))
    return counts, optional


def normalise_over(scores: Sequence[float], indices: Sequence[int]) -> array[float]:
    """``scores`` scaled to [0, 1] over ``indices`` (:func:`~summarizer.select.decide.normalise`); 0 elsewhere."""
    result = array("d", bytes(8 * len(scores)))  # zeros
    if not indices:
        return result
    sub = normalise([scores[i] for i in indices])
    for i, value in zip(indices, sub, strict=True):
        result[i] = value
    return result
