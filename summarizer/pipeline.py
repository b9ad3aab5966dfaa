"""The pipeline: text → Document → cues, boilerplate, importance → selection → Summary.

:func:`summarize` is the library's front door.  It computes everything once and returns
plain frozen data; renderers, the TUI and the CLI only read the result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from summarizer.boilerplate import detect_boilerplate
from summarizer.cues import find_cues
from summarizer.edits import apply_edits
from summarizer.errors import EmptyInputError, UnknownAlgorithmError, UnknownLanguageError
from summarizer.model import Budget, Decision, Document, Stats, Summary
from summarizer.neutrality import bias_score
from summarizer.rank import ALGORITHMS, ENGINES, block_note
from summarizer.rank.terms import language_tools
from summarizer.readability import measure_counts, sentence_counts, syllables
from summarizer.segment import segment
from summarizer.select import CENTRALITY, WORDS_KEPT, Analysis, select_neutral, select_plain
from summarizer.tokens import words as split_words

NEUTRAL = "neutral"
ALL_ALGORITHMS: tuple[str, ...] = (NEUTRAL, *ALGORITHMS)
DEFAULT_ALGORITHM = NEUTRAL
DEFAULT_ENGINE = "fast"


def summarize(
    text: str | Document,
    *,
    algorithm: str = DEFAULT_ALGORITHM,
    sentences: int | None = None,
    ratio: float | None = None,
    words: int | None = None,
    language: str = "english",
    engine: str = DEFAULT_ENGINE,
    trim: bool | None = None,
    neutrality: float = 1.0,
    source: str | None = None,
    analysis: Analysis | None = None,
) -> Summary:
    """Summarise ``text``, recording a decision for every sentence.

    Args:
        text: the article, as a string or an already segmented :class:`Document`.
        algorithm: ``"neutral"`` (the default) or one of sumy's: ``lexrank``, ``textrank``,
            ``lsa``, ``luhn``, ``edmundson``, ``kl``, ``sumbasic``, ``reduction``, ``random``.
        sentences: keep this many sentences.
        ratio: keep this share of the sentences (0 < ratio ≤ 1).
        words: keep at most this many words.
        language: the language for stemming and stop words.
        engine: ``"fast"`` (evenhand's vectorised ranking) or ``"sumy"`` (sumy's own code).
        trim: remove the writer's bracketed insertions and stance adverbs from kept
            sentences; by default on for ``neutral`` and off for the others.
        neutrality: how strongly ``neutral`` avoids loaded sentences (0 = not at all, 1 = default).
        source: a name for where the text came from, recorded in the result.
        analysis: :func:`analyse` of this same :class:`Document` (passed as ``text``), to
            summarise it again with other options without finding its cues, bias, boilerplate
            and words again (they depend on the text alone); the TUI does this as the reader
            changes the length or the algorithm.

    Returns:
        A :class:`Summary` with one decision per sentence.

    Raises:
        EmptyInputError: the text has no sentences.
        BudgetError: the length budget is invalid.
        UnknownAlgorithmError: no algorithm or engine by that name.
        UnknownLanguageError: no stemmer or stop words for ``language``.
        ValueError: ``analysis`` is not of the document given.
    """
    algorithm = algorithm.lower()
    if algorithm not in ALL_ALGORITHMS:
        raise UnknownAlgorithmError(f"no algorithm named {algorithm!r}; choose one of: {', '.join(ALL_ALGORITHMS)}")
    if engine not in ENGINES:
        raise UnknownAlgorithmError(f"no engine named {engine!r}; choose one of: {', '.join(ENGINES)}")
    if not 0.0 <= neutrality <= 5.0:
        raise ValueError(f"neutrality must be between 0 and 5, not {neutrality!r}")
    document = text if isinstance(text, Document) else segment(text, source=source)
    if not document.sentences:
        raise EmptyInputError(f"{document.source or 'the input'}: no text to summarise")
    if trim is None:
        trim = algorithm == NEUTRAL

    check_language(language)
    if analysis is None:
        analysis = analyse(document)
    elif analysis.document is not document:
        raise ValueError("the analysis is of another document: pass the Document it was made from")
    return _select_and_assemble(
        analysis, algorithm=algorithm, sentences=sentences, ratio=ratio, words=words,
        language=language, engine=engine, trim=trim, neutrality=neutrality,
    )


def check_language(language: str) -> None:
    """Raise :class:`UnknownLanguageError` unless a stemmer and stop words exist for ``language``."""
    try:
        language_tools(language)
    except LookupError:
        raise UnknownLanguageError(
            f"no stemmer or stop words for language {language!r}; try english, german, french, spanish, …"
        ) from None


def _select_and_assemble(
    analysis: Analysis,
    *,
    algorithm: str,
    sentences: int | None,
    ratio: float | None,
    words: int | None,
    language: str,
    engine: str,
    trim: bool,
    neutrality: float,
) -> Summary:
    if algorithm == NEUTRAL:
        decisions, budget = select_neutral(
            analysis,
            sentences=sentences, ratio=ratio, words=words,
            language=language, engine=engine, trim=trim, neutrality=neutrality,
        )
    else:
        decisions, budget = select_plain(
            analysis, algorithm,
            sentences=sentences, ratio=ratio, words=words,
            language=language, engine=engine, trim=trim,
        )
    ranked_with = CENTRALITY if algorithm == NEUTRAL else algorithm
    extra = block_note(len(analysis.document.sentences), ranked_with, engine)
    return assemble(
        decisions, budget, analysis,
        algorithm=algorithm, engine=engine, trim=trim, language=language, notes=(extra,) if extra else (),
    )


def analyse(document: Document) -> Analysis:
    """Cues, bias scores, boilerplate labels, words and syllables for every sentence of ``document``.

    Summarising takes the analysis from here; pass it to :func:`summarize` (``analysis=``)
    to summarise the same document again with other options without doing this again.
    """
    cues = find_cues(document)
    words: tuple[tuple[str, ...], ...] | None = None
    if len(document.sentences) <= WORDS_KEPT:
        split = tuple(split_words(s.text) for s in document.sentences)
        word_counts, syllable_counts, words = tuple(map(len, split)), tuple(map(syllables, split)), split
    else:  # a long text: count sentence by sentence, never holding every sentence's words at once
        word_counts, syllable_counts = _counts(document)
    return Analysis(
        document=document,
        cues=cues,
        bias=tuple(bias_score(s, c) for s, c in zip(document.sentences, cues, strict=True)),
        boilerplate=detect_boilerplate(document),
        word_counts=word_counts,
        syllables=syllable_counts,
        words=words,
    )


def _counts(document: Document) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Words and syllables of every sentence, split one sentence at a time."""
    word_counts: list[int] = []
    syllable_counts: list[int] = []
    for sentence in document.sentences:
        split = split_words(sentence.text)
        word_counts.append(len(split))
        syllable_counts.append(syllables(split))
    return tuple(word_counts), tuple(syllable_counts)


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
) -> Summary:
    """Fill in each kept sentence's output text, then the summary text and its stats.

    Words and syllables come from ``analysis``, counted once per sentence; only a kept
    sentence that trimming changed is counted again.
    """
    document = analysis.document
    final = tuple(_with_output(d) for d in decisions)
    text = summary_text(document, final)
    kept = [d for d in final if d.kept]
    content = [d for d in final if not d.boilerplate] or list(final)

    def counted(decision: Decision) -> tuple[int, int]:
        i = decision.sentence.index
        return analysis.word_counts[i], analysis.syllables[i]

    original = [counted(d) for d in content]
    summary = [counted(d) if d.output == d.sentence.text else sentence_counts(d.output) for d in kept]
    words_original = sum(words for words, _ in original)
    words_summary = sum(words for words, _ in summary)
    stats = Stats(
        words_original=words_original,
        words_summary=words_summary,
        compression=round(words_summary / words_original, 4) if words_original else 0.0,
        readability_original=measure_counts(original),
        readability_summary=measure_counts(summary),
        cues_original=sum(len(d.cues) for d in final),
        cues_summary=sum(len(d.cues) - _trimmed_cues(d) for d in kept),
    )
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
    )


def _with_output(decision: Decision) -> Decision:
    """The decision with its summary text filled in (a dropped sentence's stays empty)."""
    if not decision.kept:
        return decision if not decision.output else replace(decision, output="")
    return replace(decision, output=apply_edits(decision.sentence, decision.edits))


def _trimmed_cues(decision: Decision) -> int:
    """Cues that an edit removed from the summary text."""
    return sum(
        1 for cue in decision.cues
        if any(e.start <= cue.start and cue.end <= e.end and e.start < e.end for e in decision.edits)
    )
