"""Plain selection for sumy's algorithms: the best-rated sentences within the budget, nothing else,
so a reader can see what an algorithm does on its own."""

from __future__ import annotations

from summarizer.analysis import Analysis
from summarizer.budget import order_by_score, resolve_budget, select_within
from summarizer.model import Budget, Decision, Edit, Reason
from summarizer.neutrality import cue_summary
from summarizer.options import SummaryOptions
from summarizer.quotes import find_quotations, quoted_spans
from summarizer.rank import rank
from summarizer.reword import reword_edits
from summarizer.select.decide import finished, normalise, ranks
from summarizer.select.merge import merge_edits
from summarizer.select.value import LOADED
from summarizer.trim import trim_edits

ALGORITHM_NAMES = {
    "lexrank": "LexRank", "textrank": "TextRank", "lsa": "LSA", "luhn": "Luhn", "edmundson": "Edmundson",
    "kl": "KL-Sum", "sumbasic": "SumBasic", "reduction": "Reduction", "random": "Random", "neutral": "neutral",
}


def select_plain(analysis: Analysis, options: SummaryOptions) -> tuple[tuple[Decision, ...], Budget]:
    """Keep the best-rated sentences of ``options.algorithm`` within the budget.

    Its edits, by level: ``trim`` deletes the writer's glossing brackets and stance adverbs,
    ``reword`` says loaded terms neutrally too.
    """
    algorithm, sentences, ratio, words = options.algorithm, options.sentences, options.ratio, options.words
    language, engine = options.language, options.engine
    trim, reword = options.allows("trim"), options.allows("reword")
    document = analysis.document
    quoted = quoted_spans(document, find_quotations(document)) if reword else ()
    n = len(document.sentences)
    raw = rank(document, algorithm, engine=engine, language=language, words=analysis.words)
    scores = normalise(raw)
    rank_of = ranks(raw)
    budget = resolve_budget(n, sentences=sentences, ratio=ratio, words=words)
    selection = select_within(budget, order_by_score(raw, range(n)), analysis.word_counts)
    name = ALGORITHM_NAMES[algorithm]
    # One form for every sentence, filled in when a reason is read (the text would be one per sentence).
    chosen = f"ranked {{0}} of {{1}} by {name}"
    below = f"ranked {{0}} of {{1}} by {name}, below the kept sentences"
    decisions = []
    for sentence in document.sentences:
        i = sentence.index
        kept = i in selection.kept
        if kept:
            reasons = [Reason.ranked("selected", chosen, rank_of[i], n)]
        else:
            reasons = [Reason.ranked("less_central", below, rank_of[i], n)]
        if analysis.boilerplate[i]:
            reasons.append(Reason("boilerplate", f"boilerplate: {analysis.boilerplate[i]}"))
        if analysis.cues[i] and analysis.bias[i] >= LOADED:
            reasons.append(Reason("loaded", cue_summary(analysis.cues[i])))
        edits = _plain_edits(analysis, i, quoted, reword) if kept and trim else ()
        decisions.append(
            Decision(
                sentence=sentence, kept=kept, score=scores[i], rank=rank_of[i],
                bias=analysis.bias[i], boilerplate=analysis.boilerplate[i] is not None,
                cues=analysis.cues[i],
                reasons=tuple(reasons),
                **finished(analysis, sentence, kept, edits),
            )
        )
    return tuple(decisions), selection.budget


def _plain_edits(analysis: Analysis, i: int, quoted: tuple[tuple[int, int], ...], reword: bool) -> tuple[Edit, ...]:
    """A kept sentence's edits under plain selection: trimmed, and reworded when ``reword``."""
    document, sentence, cues = analysis.document, analysis.document.sentences[i], analysis.cues[i]
    if not reword:
        return trim_edits(document, sentence, cues)
    return merge_edits(trim_edits(document, sentence, cues, quoted=quoted), reword_edits(document, sentence, cues, quoted))
