"""The pipeline: text → Document → cues, boilerplate, importance → selection → Summary.

:func:`summarize` is the library's front door.  It computes everything once and returns
plain frozen data; renderers, the TUI and the CLI only read the result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Unpack

from summarizer.analysis import Analysis, analyse
from summarizer.budget import kept_note
from summarizer.compress import split_counts
from summarizer.edits import apply_edits
from summarizer.errors import AnalysisError, EmptyInputError
from summarizer.model import Budget, Decision, Document, Stats, Summary
from summarizer.neutrality import split_bias
from summarizer.options import (  # noqa: F401  (ALL_ALGORITHMS … are imported from here too)
    ALL_ALGORITHMS,
    DEFAULT_ALGORITHM,
    DEFAULT_ENGINE,
    NEUTRAL,
    OptionKeywords,
    SummaryOptions,
    check_language,
    options_from,
    resolve_options,
)
from summarizer.rank import block_note
from summarizer.readability import measure_counts, sentence_counts
from summarizer.segment import segment
from summarizer.select import CENTRALITY, select_neutral, select_plain


def summarize(
    text: str | Document,
    *,
    options: SummaryOptions | None = None,
    source: str | None = None,
    analysis: Analysis | None = None,
    **keywords: Unpack[OptionKeywords],
) -> Summary:
    """Summarise ``text``, recording a decision for every sentence.

    The options come either whole, as ``options`` (what every face passes), or as keyword
    arguments, from which a :class:`SummaryOptions` is made (see it for each one); not both.

    Args:
        text: the article, as a string or an already segmented :class:`Document`.
        options: what is asked for, checked already.
        algorithm: ``"neutral"`` (the default) or one of sumy's: ``lexrank``, ``textrank``,
            ``lsa``, ``luhn``, ``edmundson``, ``kl``, ``sumbasic``, ``reduction``, ``random``.
        sentences: keep this many sentences.
        ratio: keep this share of the sentences (0 < ratio ≤ 1).
        words: keep at most this many words.
        language: the language for stemming and stop words (default English).
        engine: ``"fast"`` (evenhand's vectorised ranking, the default) or ``"sumy"`` (sumy's own code).
        edits: how far kept sentences may be edited: ``"none"``, ``"trim"`` (the writer's
            bracketed insertions and stance adverbs removed, quotations closed, …), ``"reword"``
            (and loaded terms said neutrally) or ``"compress"`` (and asides, appositives and
            non-restrictive relative clauses cut, a sentence split at a semicolon:
            :mod:`summarizer.compress`); by default ``compress`` for ``neutral`` and ``none`` for
            the others.
        trim: the old switch for ``edits``: ``False`` is ``"none"``, ``True`` the algorithm's
            own level (``"trim"`` for sumy's).
        neutrality: how strongly ``neutral`` avoids loaded sentences (0 = not at all, 1 = default, at most 5).
        source: a name for where the text came from, recorded in the result.
        analysis: :func:`analyse` of this same :class:`Document` (passed as ``text``), to
            summarise it again with other options without finding its cues, bias, boilerplate
            and words again (they depend on the text alone); the TUI does this as the reader
            changes the length or the algorithm.

    Returns:
        A :class:`Summary` with one decision per sentence.

    Raises:
        EmptyInputError: the text has no sentences.
        OptionsError: an invalid option, or ``options`` given with keyword options; its kinds
            :class:`BudgetError` (the length budget), :class:`UnknownAlgorithmError` (no
            algorithm or engine by that name) and :class:`UnknownLanguageError`.
        TypeError: a keyword that names no option.
        AnalysisError: ``analysis`` is not of the document given.
    """
    options = resolve_options(options, keywords)
    document = text if isinstance(text, Document) else segment(text, source=source)
    if not document.sentences:
        raise EmptyInputError(f"{document.source or 'the input'}: no text to summarise")
    if analysis is None:
        analysis = analyse(document)
    elif analysis.document is not document:
        raise AnalysisError("the analysis is of another document: pass the Document it was made from")
    return _select_and_assemble(analysis, options)


def _select_and_assemble(analysis: Analysis, options: SummaryOptions) -> Summary:
    algorithm, engine = options.algorithm, options.engine
    if algorithm == NEUTRAL:
        decisions, budget = select_neutral(analysis, options)
    else:
        decisions, budget = select_plain(analysis, options)
    ranked_with = CENTRALITY if algorithm == NEUTRAL else algorithm
    extra = block_note(len(analysis.document.sentences), ranked_with, engine)
    return assemble(
        decisions, budget, analysis,
        algorithm=algorithm, engine=engine, trim=options.trim, language=options.language,
        notes=(extra,) if extra else (), edits=options.edit_level,
    )


def summary_text(document: Document, decisions: Sequence[Decision]) -> str:
    """Join kept sentences: a space within a paragraph, a blank line between paragraphs."""
    parts: list[str] = []
    last_paragraph: int | None = None
    for decision in decisions:
        if not decision.kept:
            continue
        if last_paragraph is not None:
            parts.append(" " if decision.sentence.paragraph == last_paragraph else "\n\n")
        parts.append(decision.output)
        last_paragraph = decision.sentence.paragraph
    return "".join(parts)


def assemble(
    decisions: Sequence[Decision],
    budget: Budget,
    analysis: Analysis,
    *,
    algorithm: str,
    engine: str,
    trim: bool,
    language: str,
    notes: Sequence[str] = (),
    edits: str | None = None,
) -> Summary:
    """Fill in each kept sentence's output text, then the summary text and its stats.

    Words and syllables come from ``analysis``, counted once per sentence; only a kept
    sentence that trimming changed is counted again.
    """
    document = analysis.document
    final = tuple(_with_output(_with_bias_parts(d)) for d in decisions)
    text = summary_text(document, final)
    kept = [d for d in final if d.kept]
    content = [d for d in final if not d.boilerplate] or list(final)

    def counted(decision: Decision) -> tuple[int, int]:
        i = decision.sentence.index
        return analysis.word_counts[i], analysis.syllables[i]

    summary = [
        counts
        for d in kept
        for counts in ([counted(d)] if d.output == d.sentence.text else _split_counts(d))
    ]
    words_original = sum(analysis.word_counts[d.sentence.index] for d in content)
    words_summary = sum(words for words, _ in summary)
    stats = Stats(
        words_original=words_original,
        words_summary=words_summary,
        compression=round(words_summary / words_original, 4) if words_original else 0.0,
        readability_original=measure_counts(map(counted, content)),  # one sentence at a time
        readability_summary=measure_counts(summary),
        cues_original=sum(len(d.cues) for d in final),
        cues_summary=sum(len(d.cues) - _trimmed_cues(d) for d in kept),
    )
    note = kept_note(budget, final)
    if note != budget.note:
        budget = replace(budget, note=note)
    notes = tuple(n for n in (*document.warnings, budget.note, *notes) if n)
    return Summary(
        document=document,
        algorithm=algorithm,
        engine=engine,
        budget=budget,
        decisions=final,
        text=text,
        stats=stats,
        trim=trim,
        language=language,
        notes=notes,
        edits=edits,
    )


def _with_output(decision: Decision) -> Decision:
    """The decision with its summary text filled in (a dropped sentence's stays empty)."""
    if not decision.kept:
        return decision if not decision.output else replace(decision, output="")
    output = apply_edits(decision.sentence, decision.edits)
    return decision if output == decision.output else replace(decision, output=output)


def _with_bias_parts(decision: Decision) -> Decision:
    """The decision with its bias split into the writer's framing and quoted content."""
    if decision.bias is None or decision.bias_framing is not None:
        return decision
    framing, quoted = split_bias(decision.sentence, decision.cues)
    return replace(decision, bias_framing=round(framing, 4), bias_quoted=round(quoted, 4))


def _split_counts(decision: Decision) -> list[tuple[int, int]]:
    """Words and syllables of each sentence an edited summary sentence reads as (a split makes two)."""
    return [sentence_counts(piece) for piece in split_counts(decision.output, decision.edits)] or [
        sentence_counts(decision.output)
    ]


def _trimmed_cues(decision: Decision) -> int:
    """Cues that an edit removed from the summary text."""
    return sum(
        1 for cue in decision.cues
        if any(e.start <= cue.start and cue.end <= e.end and e.start < e.end for e in decision.edits)
    )
