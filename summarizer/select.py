"""Choosing sentences: plain top-k for sumy's algorithms, and the ``neutral`` selector.

Plain selection keeps the best-rated sentences within the budget and nothing else, so
a reader can see what an algorithm does on its own.

``neutral`` values every sentence by its centrality (sumy's Reduction: how much it shares
with the rest of the article), scaled by how well it stands alone (very short sentences and
ones that open with a pronoun pointing back count for less) and by plain language (a
sentence over 20 words counts for 20/words of its value), then weighed down by its bias
score as it would read after trimming.  Strongly loaded sentences are set aside and used
only if nothing else fills the budget.  It never keeps boilerplate, treats a colon lead-in
and its quotation as one unit, and skips a sentence that repeats one already kept (maximal
marginal relevance).  Every dropped sentence's first reason names the deciding factor in
plain words.

The constants below were chosen on the development sets with ``evenhand eval summary``
(BBC, ROUGE-2 at the reference length) and ``evenhand eval neutrality`` (Lim et al.: mean
crowd bias of the kept sentences); ``docs/evaluation.md`` gives the figures.  The two pull
apart: BBC's references favour long central sentences, and Lim's crowd rates long
sentences as more biased; the plain-language term is what serves both.  Position and
attribution terms are kept as knobs but set to 0: both cost ROUGE on BBC and raised the
kept bias on Lim.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
from scipy import sparse

from summarizer.budget import order_by_score, resolve_budget, select_within
from summarizer.context import (
    connective_edit,
    dependencies,
    find_lead,
    is_headline,
    name_the_speaker,
    opens_with_back_pointer,
)
from summarizer.edits import apply_edits
from summarizer.model import Budget, Cue, Decision, Document, Edit, Reason
from summarizer.neutrality import THRESHOLD, bias_score, cue_summary
from summarizer.quotes import Quotation, QuoteUnit, find_quotations, quotation_units, quoted_spans
from summarizer.rank import rank, term_matrix
from summarizer.readability import LONG_SENTENCE_WORDS
from summarizer.reword import reword_edits
from summarizer.tokens import words as word_list
from summarizer.trim import trim_edits, untrimmable

#: The centrality algorithm behind ``neutral``.
CENTRALITY = "reduction"

#: Weights of the neutral selector's value: importance = centrality, position and
#: attribution (each 0–1), then scaled by context and multiplied down by bias.
W_CENTRALITY = 1.0
W_POSITION = 0.0
W_ATTRIBUTED = 0.0
#: A sentence whose bias score (after trimming) reaches this, or that uses one side's
#: vocabulary in the writer's own voice ("illegal aliens", "gun grabbers"), is "loaded" and
#: is kept only if nothing else can fill the budget.  Higher than the bias model's own threshold (0.5),
#: which flags too many plain news sentences to set them all aside.
LOADED = 0.6
#: The lead is kept first when its bias score after trimming is below the bias model's own
#: threshold: a lead that reads neutrally says what happened; a slanted one competes like any other.
LEAD_BIAS = THRESHOLD
#: Edit kinds that say a sentence in other words (the style table), named in the reasons.
REWORDING = ("reworded", "term_deleted", "scare_quote_removed")
#: Cosine similarity above which a sentence repeats one already kept.
REPEATS = 0.8
#: Up to this many sentences redundancy is measured by cosine similarity (MMR); above it,
#: only exact repeats (the same words in the same order) are caught, so time stays linear.
MMR_SENTENCES = 5000
#: How much similarity to what is kept counts against a candidate (MMR's trade-off).
W_REDUNDANCY = 0.1

#: Sentences shorter than this many words count for proportionally less ("The board did not say.").
SHORT_SENTENCE_WORDS = 10
#: Plain language: a sentence over LONG_SENTENCE_WORDS words counts for
#: ``(LONG_SENTENCE_WORDS / words) ** W_LENGTH`` of its value (0 = no preference).
W_LENGTH = 1.0
#: A sentence that opens with a pronoun pointing back counts for this share of its value.
DANGLING_FACTOR = 0.6
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|wrote|writes|stated|states|announced|according to|reported|explained|added|noted)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Analysis:
    """What is known of every sentence before selection, in document order.

    It depends on the text alone, not on the options of a summary, so one analysis serves every
    summary of its document (:func:`summarizer.pipeline.summarize`'s ``analysis``).
    """

    #: The document analysed (the very object: a summary checks it is given this one).
    document: Document
    cues: tuple[tuple[Cue, ...], ...]
    bias: tuple[float, ...]
    boilerplate: tuple[str | None, ...]
    word_counts: tuple[int, ...]
    #: Syllables per sentence, counted once with the words for the readability figures.
    syllables: tuple[int, ...]
    #: Every sentence's words, split once for ranking too; ``None`` for a text of more than
    #: :data:`WORDS_KEPT` sentences, whose words are split again block by block (memory stays bounded).
    words: tuple[tuple[str, ...], ...] | None = None


#: Up to this many sentences the analysis keeps every sentence's words for the ranking (a
#: few MB); a longer text is split again where needed, so its words are not all held at once.
WORDS_KEPT = 20_000


ALGORITHM_NAMES = {
    "lexrank": "LexRank", "textrank": "TextRank", "lsa": "LSA", "luhn": "Luhn", "edmundson": "Edmundson",
    "kl": "KL-Sum", "sumbasic": "SumBasic", "reduction": "Reduction", "random": "Random", "neutral": "neutral",
}


def normalise(scores: Sequence[float]) -> tuple[float, ...]:
    """Scale scores to [0, 1] (min–max); all equal scores become 1."""
    if not scores:
        return ()
    values = [s if math.isfinite(s) else 0.0 for s in scores]
    low, high = min(values), max(values)
    if high - low <= 1e-12:
        return tuple(1.0 for _ in values)
    return tuple(round((v - low) / (high - low), 6) for v in values)


def ranks(scores: Sequence[float]) -> tuple[int, ...]:
    """1-based rank of every sentence by score, ties broken by position."""
    order = order_by_score(scores, range(len(scores)))
    result = [0] * len(scores)
    for position, index in enumerate(order, start=1):
        result[index] = position
    return tuple(result)


def select_plain(
    analysis: Analysis,
    algorithm: str,
    *,
    sentences: int | None,
    ratio: float | None,
    words: int | None,
    language: str,
    engine: str,
    trim: bool,
) -> tuple[tuple[Decision, ...], Budget]:
    """Keep the best-rated sentences of ``algorithm`` within the budget."""
    document = analysis.document
    n = len(document.sentences)
    raw = rank(document, algorithm, engine=engine, language=language, words=analysis.words)
    scores = normalise(raw)
    rank_of = ranks(raw)
    budget = resolve_budget(n, sentences=sentences, ratio=ratio, words=words)
    selection = select_within(budget, order_by_score(raw, range(n)), analysis.word_counts)
    name = ALGORITHM_NAMES[algorithm]
    decisions = []
    for sentence in document.sentences:
        i = sentence.index
        kept = i in selection.kept
        if kept:
            reasons = [Reason("selected", f"ranked {rank_of[i]} of {n} by {name}")]
        else:
            reasons = [Reason("less_central", f"ranked {rank_of[i]} of {n} by {name}, below the kept sentences")]
        if analysis.boilerplate[i]:
            reasons.append(Reason("boilerplate", f"boilerplate: {analysis.boilerplate[i]}"))
        if analysis.cues[i] and analysis.bias[i] >= LOADED:
            reasons.append(Reason("loaded", cue_summary(analysis.cues[i])))
        decisions.append(
            Decision(
                sentence=sentence, kept=kept, score=scores[i], rank=rank_of[i],
                bias=analysis.bias[i], boilerplate=analysis.boilerplate[i] is not None,
                cues=analysis.cues[i],
                edits=trim_edits(document, sentence, analysis.cues[i]) if kept and trim else (),
                reasons=tuple(reasons),
            )
        )
    return tuple(decisions), selection.budget


def select_neutral(
    analysis: Analysis,
    *,
    sentences: int | None,
    ratio: float | None,
    words: int | None,
    language: str,
    engine: str,
    trim: bool,
    neutrality: float,
) -> tuple[tuple[Decision, ...], Budget]:
    """The default selector: the lead, then central, plain, unloaded, not repeated sentences,
    each with what it needs to read right (its quotation from the start, its speaker, the
    sentence its pronoun points at)."""
    document = analysis.document
    n = len(document.sentences)
    content = [i for i in range(n) if analysis.boilerplate[i] is None and analysis.word_counts[i] > 0]
    headlines = {i for i in content if is_headline(document, i)}
    content = [i for i in content if i not in headlines]
    raw = rank(document, CENTRALITY, engine=engine, language=language, words=analysis.words)
    centrality = _normalise_over(raw, content)
    position = _position_scores(content, n)
    attributed = [1.0 if _ATTRIBUTION.search(s.text) else 0.0 for s in document.sentences]
    quotations = find_quotations(document)
    units = quotation_units(document, quotations)
    unit_of: dict[int, QuoteUnit] = {m: u for u in units for m in u.members}
    lead_ins = {u.lead_in for u in units if u.lead_in is not None}
    # "They wrote:" → "[The ACLU] wrote:" where the speaker is named earlier: it then needs no sentence before it.
    speakers = {i: e for i in lead_ins if trim and (e := name_the_speaker(document, i)) is not None}
    needs = dependencies(
        document, analysis.boilerplate, analysis.word_counts, quotations, connectives=trim, named=speakers
    )
    quoted = quoted_spans(document, quotations)
    # What a kept sentence would say after trimming is what the reader sees: judge that.
    trims = {
        i: _merge_edits(
            trim_edits(document, document.sentences[i], analysis.cues[i], quoted=quoted),
            reword_edits(document, document.sentences[i], analysis.cues[i], quoted),
        )
        if trim
        else ()
        for i in content
    }
    residual_bias = np.asarray(analysis.bias, dtype=float)
    one_sided: set[int] = set()
    for i, edits in trims.items():
        left = [c for c in analysis.cues[i] if not _removed(c, edits)] if edits else analysis.cues[i]
        if edits:
            residual_bias[i] = bias_score(document.sentences[i], left)
        if any(_is_one_sided(c) for c in left):
            one_sided.add(i)
    context = np.asarray([_context_factor(document, i, analysis.word_counts[i], lead_ins) for i in range(n)])
    importance = (
        W_CENTRALITY * np.asarray(centrality) + W_POSITION * np.asarray(position) + W_ATTRIBUTED * np.asarray(attributed)
    ) * context
    value = importance * (1.0 - 0.8 * np.minimum(1.0, neutrality * residual_bias))

    budget = resolve_budget(len(content) or n, sentences=sentences, ratio=ratio, words=words)
    unfixable = {
        i for i in content if trim and untrimmable(document, analysis.cues[i]) is not None
    }
    loaded = {i for i in content if neutrality > 0 and (residual_bias[i] >= LOADED or i in one_sided)} | unfixable
    # A word budget counts the words the reader gets: a sentence as its edits leave it.
    counts = list(analysis.word_counts)
    for i, edits in trims.items():
        if edits or i in speakers:
            counts[i] = len(word_list(apply_edits(document.sentences[i], _merge_edits(edits, (speakers[i],) if i in speakers else ()))))
    word_limit = budget.words
    target = budget.target
    chooser: _BaseChooser = (
        _Chooser(_unit_rows(document, language, analysis.words), value)
        if len(content) <= MMR_SENTENCES
        else _LargeChooser(document, value)
    )
    allowed = set(content)
    why: dict[int, Reason] = {}
    brought: dict[int, int] = {}  # a sentence kept as the context of another → that other
    lead = find_lead(document, content)
    lead_kept = False
    if lead is not None and lead not in loaded and residual_bias[lead] < LEAD_BIAS:
        group = _group(lead, unit_of, needs, chooser.kept_set, allowed)
        if chooser.fits(group, counts, word_limit, target):
            chooser.keep(group, counts)
            brought.update({j: lead for j in group if j != lead})
            lead_kept = True

    for allow_loaded in (False, True):
        # A lead-in is never chosen for itself: it comes with its quotation.
        pool = [i for i in content if i not in lead_ins and (allow_loaded or i not in loaded)]
        chooser.open(pool)
        while not chooser.done(word_limit, target):
            best = chooser.best()
            if best is None:
                break
            twin = chooser.nearest_kept(best)
            if twin is not None and chooser.similarity_to_kept(best) >= REPEATS:
                chooser.reject(best, repeats=twin)
                continue
            # Prefer ending a cut quotation where its paragraph ends, when the budget allows.
            own = unit_of[best].members if best in unit_of else ()
            group = _group(best, unit_of, needs, chooser.kept_set, allowed, document=document, avoid=loaded)
            if not chooser.fits(group, counts, word_limit, target):
                group = _group(best, unit_of, needs, chooser.kept_set, allowed)
            if not allow_loaded:
                tainted = [j for j in group if j in loaded and j != best and j not in own]
                if tainted:
                    why[best] = Reason(
                        "needs_context",
                        f"it needs sentence {tainted[0] + 1} to read right, which was set aside for loaded language",
                    )
                    chooser.reject(best)
                    continue
            if not chooser.fits(group, counts, word_limit, target):
                why[best] = _over_budget(len(group) - 1)
                chooser.reject(best)
                continue
            chooser.keep(group, counts)
            why.pop(best, None)
            brought.update({j: best for j in group if j != best})
        if chooser.done(word_limit, target) or neutrality == 0:
            break

    kept = chooser.kept
    note = budget.note
    if word_limit is not None:
        if not kept and content:
            best = max(content, key=lambda i: (value[i], -i))
            kept = _group(best, unit_of, needs, set(), allowed)
            note = (
                f"no sentence fits in {word_limit} words: kept the most important one alone,"
                f" which has {sum(counts[j] for j in kept)} words"
            )
        budget = Budget(words=word_limit, target=len(kept), note=note)
    elif len(kept) > budget.target:
        budget = Budget(
            sentences=budget.sentences, ratio=budget.ratio, target=budget.target,
            note=_join(note, f"kept {len(kept)} sentences, not {budget.target}, to keep a quotation with its lead-in"),
        )

    kept_set = set(kept)
    rank_of = ranks(value.tolist())
    scores = normalise(raw)
    unit_index = {m: u.members[0] for u in units for m in u.members}
    repairs = _repairs(document, kept_set, quotations, needs, content, trim, speakers)
    worst_kept = max((rank_of[k] for k in kept_set), default=0)
    context_kept = sorted(k for k in kept_set if k in brought)
    # Equal reasons share one tuple: a long text repeats a few hundred thousand times over.
    shared_reasons: dict[tuple[Reason, ...], tuple[Reason, ...]] = {}
    decisions = []
    for sentence in document.sentences:
        i = sentence.index
        is_kept = i in kept_set
        if is_kept:
            reasons = _kept_reasons(i, analysis, loaded, unit_of, brought, rank_of, n, lead if lead_kept else None)
        elif i in headlines:
            reasons = [Reason("headline", "the article's title line, not a sentence of its news")]
        elif i in why:
            reasons = [why[i]]
        else:
            reasons = _dropped_reasons(
                i, analysis, loaded, unfixable, chooser.repeated_by(i), unit_of, kept_set, rank_of, n,
                worst_kept, context_kept,
            )
        edits = _merge_edits(trims.get(i, ()), repairs.get(i, ())) if is_kept else ()
        reworded = [e for e in edits if e.kind in REWORDING]
        if reworded:
            changes = ", ".join(
                f"'{e.text.strip()}' → '{e.replacement.strip()}'" if e.replacement.strip() else f"'{e.text.strip()}' deleted"
                for e in reworded[:4]
            )
            reasons.append(Reason("reworded", f"reworded in neutral terms: {changes}"))
        if analysis.cues[i] and reasons[0].code not in ("loaded", "selected_loaded"):
            reasons.append(Reason("cues", cue_summary(analysis.cues[i])))
        decisions.append(
            Decision(
                sentence=sentence, kept=is_kept, score=scores[i], rank=rank_of[i],
                bias=analysis.bias[i], boilerplate=analysis.boilerplate[i] is not None,
                cues=analysis.cues[i],
                edits=edits,
                reasons=shared_reasons.setdefault(tuple(reasons), tuple(reasons)),
                factors={
                    "centrality": round(centrality[i], 4),
                    "position": round(position[i], 4),
                    "attributed": attributed[i],
                    "bias_after_trim": round(float(residual_bias[i]), 4),
                    "context": round(float(context[i]), 4),
                    "value": round(float(value[i]), 4),
                },
                unit=unit_index.get(i),
            )
        )
    return tuple(decisions), budget


def _over_budget(extra: int) -> Reason:
    with_context = f" with the {extra} sentence{'s' if extra > 1 else ''} it needs to read right" if extra else ""
    return Reason("over_budget", f"it did not fit in what was left of the length budget{with_context}")


def _group(
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


def _repairs(
    document: Document,
    kept: set[int],
    quotations: Sequence[Quotation],
    needs: Sequence[tuple[int, ...]],
    content: Sequence[int],
    trim: bool,
    speakers: dict[int, Edit],
) -> dict[int, tuple[Edit, ...]]:
    """The edits that make the kept sentences read right on their own: a quotation cut short
    is closed (an ellipsis and its closing mark), a quotation the writer never closed gets its
    mark, an opening connective ("But", "However,") whose sentence before was dropped goes, and
    a lead-in's pronoun whose sentence before was dropped gives way to the speaker's name."""
    if not trim:
        return {}
    repairs: dict[int, list[Edit]] = {}
    previous_content = {b: a for a, b in pairwise(content)}
    # The quotations over each kept sentence, in document order: one pass, not one per kept sentence.
    over: dict[int, list[Quotation]] = {}
    for q in quotations:
        for k in range(q.first_sentence, q.last_sentence + 1):
            if k in kept:
                over.setdefault(k, []).append(q)
    for k in sorted(kept):
        sentence = document.sentences[k]
        open_quotes = [
            q for q in over.get(k, ())
            if q.first_sentence <= k
            and ((k < q.last_sentence and k + 1 not in kept) or (k == q.last_sentence and not q.closed))
            and q.start < sentence.end
        ]
        if open_quotes:
            cut = any(k < q.last_sentence for q in open_quotes)
            marks = "".join(q.closing for q in sorted(open_quotes, key=lambda q: q.start, reverse=True))
            end = sentence.end
            repairs.setdefault(k, []).append(
                Edit("quotation_closed", end, end, "", (" …" if cut else "") + marks)
            )
        before = previous_content.get(k)
        if k in speakers and before is not None and before not in kept:
            repairs.setdefault(k, []).append(speakers[k])
        if before is None or before not in kept:
            edit = connective_edit(sentence)
            if edit is not None:
                repairs.setdefault(k, []).append(edit)
    return {k: tuple(v) for k, v in repairs.items()}


def _merge_edits(first: Sequence[Edit], second: Sequence[Edit]) -> tuple[Edit, ...]:
    """Both sets of edits in order, leaving out any of the second that would overlap the first."""
    merged = list(first)
    for edit in second:
        if all(edit.end <= e.start or edit.start >= e.end or (edit.start == edit.end == e.end) for e in merged):
            merged.append(edit)
    return tuple(sorted(merged, key=lambda e: (e.start, e.end)))


class _BaseChooser:
    """Greedy choice of sentences by value, skipping repeats of what is already kept.

    Subclasses say how similar a candidate is to what is kept (:meth:`nearest_kept`,
    :meth:`similarity_to_kept`) and which open candidate is best now (:meth:`best`).
    """

    def __init__(self, value: np.ndarray) -> None:
        self.value = value
        self.open_mask = np.zeros(value.shape[0], dtype=bool)
        self.kept: list[int] = []
        self.kept_set: set[int] = set()
        self.words = 0
        self.repeats: dict[int, int] = {}

    def open(self, pool: Sequence[int]) -> None:
        """Make ``pool`` the candidates, less what is kept or was found to repeat."""
        self.open_mask[:] = False
        fresh = [i for i in pool if i not in self.kept_set and i not in self.repeats]
        if fresh:
            self.open_mask[np.asarray(fresh, dtype=np.int64)] = True

    def best(self) -> int | None:
        raise NotImplementedError

    def nearest_kept(self, i: int) -> int | None:
        raise NotImplementedError

    def similarity_to_kept(self, i: int) -> float:
        raise NotImplementedError

    def _kept_one(self, j: int) -> None:
        """Update similarity bookkeeping after ``j`` is kept."""

    def reject(self, i: int, *, repeats: int | None = None) -> None:
        self.open_mask[i] = False
        if repeats is not None:
            self.repeats[i] = repeats

    def fits(self, group: Sequence[int], counts: Sequence[int], word_limit: int | None, target: int) -> bool:
        fresh = [j for j in group if j not in self.kept_set]
        if word_limit is None:
            return len(self.kept) + len(fresh) <= target
        return self.words + sum(counts[j] for j in fresh) <= word_limit

    def keep(self, group: Sequence[int], counts: Sequence[int]) -> None:
        for j in group:
            if j in self.kept_set:
                continue
            self.kept.append(j)
            self.kept_set.add(j)
            self.words += counts[j]
            self.open_mask[j] = False
            self._kept_one(j)

    def repeated_by(self, i: int) -> int | None:
        """The kept sentence that ``i`` (not kept) nearly repeats, if any."""
        if i in self.repeats:
            return self.repeats[i]
        if i in self.kept_set or self.similarity_to_kept(i) < REPEATS:
            return None
        return self.nearest_kept(i)

    def done(self, word_limit: int | None, target: int) -> bool:
        return word_limit is None and len(self.kept) >= target


class _Chooser(_BaseChooser):
    """Maximal marginal relevance over cosine similarity, vectorised over all candidates.

    Keeps, for every sentence, its highest similarity to any kept sentence, so each step
    is one pass over an array instead of a pass over every kept sentence; a kept
    sentence's similarities are computed once, when it is kept (one sparse row product),
    so no sentence × sentence matrix is ever built.
    """

    def __init__(self, rows: sparse.csr_matrix, value: np.ndarray) -> None:
        super().__init__(value)
        n = value.shape[0]
        self.rows = rows
        self.columns = sparse.csr_matrix(rows.T)
        self.max_sim = np.zeros(n)
        self.nearest = np.full(n, -1, dtype=np.int64)

    def best(self) -> int | None:
        if not self.open_mask.any():
            return None
        gain = np.where(self.open_mask, self.value - W_REDUNDANCY * self.max_sim, -np.inf)
        return int(np.argmax(gain))  # argmax takes the first maximum: ties go to the earlier sentence

    def nearest_kept(self, i: int) -> int | None:
        j = int(self.nearest[i])
        return None if j < 0 else j

    def similarity_to_kept(self, i: int) -> float:
        return float(self.max_sim[i])

    def _kept_one(self, j: int) -> None:
        # Row j times the term columns, summed term by term in the order scipy's sparse
        # product uses (so bit for bit its result), without scipy's per-call overhead.
        rows, columns = self.rows, self.columns
        first, last = rows.indptr[j], rows.indptr[j + 1]
        terms, weights = rows.indices[first:last], rows.data[first:last]
        starts, ends = columns.indptr[terms], columns.indptr[terms + 1]
        sentences = np.concatenate([columns.indices[a:b] for a, b in zip(starts, ends, strict=True)] or [[]])
        products = np.concatenate(
            [w * columns.data[a:b] for w, a, b in zip(weights, starts, ends, strict=True)] or [[]]
        )
        row = np.bincount(sentences.astype(np.int64), weights=products, minlength=self.max_sim.shape[0])
        closer = row > self.max_sim
        self.nearest[closer] = j
        self.max_sim = np.maximum(self.max_sim, row)


class _LargeChooser(_BaseChooser):
    """The same choice for very long texts: best value first, exact repeats skipped.

    Similarity is 1 between sentences with the same words in the same order and 0
    otherwise, so each step costs a dictionary look-up.
    """

    def __init__(self, document: Document, value: np.ndarray) -> None:
        super().__init__(value)
        self.order = [int(i) for i in np.lexsort((np.arange(value.shape[0]), -value))]
        self.position = 0
        # A hash of the joined words per sentence (a tuple of words would cost ten times the
        # memory of the string, the string four times the hash); equal hashes are compared by words.
        self.document = document
        self.keys = [hash(self._key(i)) for i in range(value.shape[0])]
        # hash → the first kept sentence of each distinct key with that hash, and its key.
        self.first_with: dict[int, list[tuple[int, str]]] = {}
        self.last: tuple[int, int | None] = (-1, None)  # the last look-up, asked twice in a row

    def _key(self, i: int) -> str:
        return " ".join(word_list(self.document.sentences[i].text)).lower()

    def _first_kept_like(self, i: int) -> int | None:
        """The first kept sentence with the same words in the same order as ``i``, if any."""
        if self.last[0] == i:
            return self.last[1]
        kept = self.first_with.get(self.keys[i])
        found = None
        if kept:
            key = self._key(i)
            found = next((j for j, other in kept if other == key), None)
        self.last = (i, found)
        return found

    def open(self, pool: Sequence[int]) -> None:
        super().open(pool)
        self.position = 0

    def best(self) -> int | None:
        while self.position < len(self.order):
            i = self.order[self.position]
            self.position += 1
            if self.open_mask[i]:
                return i
        return None

    def nearest_kept(self, i: int) -> int | None:
        return self._first_kept_like(i)

    def similarity_to_kept(self, i: int) -> float:
        return 0.0 if self._first_kept_like(i) is None else 1.0

    def _kept_one(self, j: int) -> None:
        if self._first_kept_like(j) is None:
            self.first_with.setdefault(self.keys[j], []).append((j, self._key(j)))
        self.last = (-1, None)


def _kept_reasons(
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
    return [Reason("selected", f"ranked {rank_of[i]} of {n}: central, plain and neutral")]


def _dropped_reasons(
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
) -> list[Reason]:
    unit = unit_of.get(i)
    if analysis.boilerplate[i] is not None:
        return [Reason("boilerplate", f"boilerplate: {analysis.boilerplate[i]}")]
    if analysis.word_counts[i] == 0:
        return [Reason("no_words", "no words to summarise")]
    if unit is not None and unit.lead_in == i:
        return [Reason("lead_in", "introduces a quotation that was not kept")]
    if repeats is not None:
        return [Reason("repeats", f"repeats sentence {repeats + 1}")]
    if i in unfixable:
        return [Reason("loaded", "the writer's words in brackets replace the speaker's and cannot be removed cleanly")]
    if i in loaded:
        return [Reason("loaded", cue_summary(analysis.cues[i]))]
    if unit is not None and any(m in kept for m in unit.members):
        return [Reason("quotation_cut", "later part of a kept quotation, cut for length")]
    if rank_of[i] > worst_kept:
        return [Reason("less_central", f"ranked {rank_of[i]} of {n}: less central than every kept sentence")]
    below = [k for k in context_kept if rank_of[k] > rank_of[i]]
    listed = ", ".join(str(k + 1) for k in below[:4]) + (", …" if len(below) > 4 else "")
    return [
        Reason(
            "outranked",
            f"ranked {rank_of[i]} of {n}: the budget filled before its turn with sentences chosen first"
            f" and the context they need (sentence{'s' if len(below) > 1 else ''} {listed})"
            if below
            else f"ranked {rank_of[i]} of {n}: the budget filled before its turn (sentences are chosen by value"
            " less their overlap with what is already kept)",
        )
    ]


def _context_factor(document: Document, i: int, words: int, lead_ins: set[int]) -> float:
    """How well a sentence stands on its own: short sentences and ones that open with a
    pronoun pointing back ("She wants …", "This means …") say little without their neighbours."""
    factor = min(1.0, words / SHORT_SENTENCE_WORDS) if words else 0.0
    if W_LENGTH and words > LONG_SENTENCE_WORDS:
        factor *= (LONG_SENTENCE_WORDS / words) ** W_LENGTH
    sentence = document.sentences[i]
    if i > 0 and i - 1 not in lead_ins and opens_with_back_pointer(sentence.text):
        factor *= DANGLING_FACTOR
    return factor


def _is_one_sided(cue: Cue) -> bool:
    """A term from one side's vocabulary, in the writer's own voice (not quoting a speaker)."""
    return (
        cue.category == "loaded_term"
        and cue.source.endswith((":left", ":right"))
    )


def _removed(cue: Cue, edits: Sequence[Edit]) -> bool:
    """Whether an edit deleted or reworded the cue's words."""
    return any(e.start <= cue.start and cue.end <= e.end and e.start < e.end for e in edits)


def _join(first: str | None, second: str) -> str:
    return f"{first}; {second}" if first else second


def _normalise_over(scores: Sequence[float], indices: Sequence[int]) -> list[float]:
    result = [0.0] * len(scores)
    if not indices:
        return result
    sub = normalise([scores[i] for i in indices])
    for i, value in zip(indices, sub, strict=True):
        result[i] = value
    return result


def _position_scores(content: Sequence[int], n: int) -> list[float]:
    """1 for the first content sentence, falling off over the first dozen or so."""
    result = [0.0] * n
    for rank_position, i in enumerate(content):
        result[i] = 1.0 / (1.0 + rank_position / 4.0)
    return result


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


def _unit_rows(
    document: Document, language: str, words: Sequence[Sequence[str]] | None = None
) -> sparse.csr_matrix:
    """Sentence × term rows scaled to unit length: a row times the transpose gives cosines."""
    matrix = sparse.csr_matrix(term_matrix(document, language=language, words=words), dtype=float)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)
