"""Measure how plain the summaries read, and what compression costs in ROUGE.

For each article of a JSON Lines summary set (``text``, ``reference``,
``reference_sentences``, as :mod:`summarizer.evaluate.summary` reads them), every system
summarises it twice:

* at the **default length** (30% of the sentences, at least 3), for the plain-language
  figures: the Flesch–Kincaid grade and words per sentence of the article and of the summary
  (means over articles), and the share of summary sentences over 20 and over 30 words
  (pooled over every summary sentence; a sentence split at its semicolon counts as two);
* at the **reference's sentence count**, as ``evenhand eval summary`` does, for ROUGE F1
  twice over: of the *selection* (the kept sentences as the article wrote them, so that cuts
  are not penalised for leaving the extractive references) and of the summary *as edited*;
* the **references' own** grade and words per sentence (means over articles), for scale: a
  system that matches extractive references in ROUGE reads as they do.

Systems: ``neutral`` (every edit on), ``neutral-no-edits`` (trim, rewording and compression
off) and every sumy algorithm (which never edit).  Records marked ``"is_duplicate": true``
are skipped.  Articles are independent, so they are spread over worker processes.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from summarizer.errors import EmptyInputError
from summarizer.evaluate.summary import SummaryItem, check_jobs, map_articles, read_summary_set, rouge_f1

__all__ = ["NO_EDITS", "PlainEvaluation", "PlainScores", "default_plain_systems", "evaluate_plain", "plain_article"]

#: ``neutral`` with every edit off.
NO_EDITS = "neutral-no-edits"
LENGTH_RULE = (
    "readability at the default length (30% of the sentences, at least 3); ROUGE at the reference's"
    " sentence count, of the selection (kept sentences as written) and of the summary as edited"
)
#: Words above which a sentence is long (the US plain-language guideline) and very long.
LONG, VERY_LONG = 20, 30


def default_plain_systems() -> tuple[str, ...]:
    """``neutral``, ``neutral-no-edits`` and every sumy algorithm."""
    from summarizer.rank import ALGORITHMS

    return ("neutral", NO_EDITS, *ALGORITHMS)


@dataclass(frozen=True, slots=True)
class PlainScores:
    """One system's means over the articles.

    Attributes:
        grade_original: mean Flesch–Kincaid grade of the articles (boilerplate left out).
        grade_summary: mean Flesch–Kincaid grade of the summaries.
        words_per_sentence_original: mean words per sentence of the articles.
        words_per_sentence_summary: mean words per sentence of the summaries.
        over_20: share of summary sentences over 20 words (pooled).
        over_30: share of summary sentences over 30 words (pooled).
        rouge_selection: mean ROUGE-1/2/L F1 of the selection at the reference length.
        rouge_edited: mean ROUGE-1/2/L F1 of the edited summary at the reference length.
        edited_sentences: share of kept sentences (default length) with at least one compression edit.
        compression_kinds: compression edits of each kind in the kept sentences (default length), summed.
    """

    grade_original: float
    grade_summary: float
    words_per_sentence_original: float
    words_per_sentence_summary: float
    over_20: float
    over_30: float
    rouge_selection: tuple[float, float, float]
    rouge_edited: tuple[float, float, float]
    edited_sentences: float = 0.0
    compression_kinds: Mapping[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The scores as plain JSON-ready data."""
        return {
            "grade_original": round(self.grade_original, 2),
            "grade_summary": round(self.grade_summary, 2),
            "words_per_sentence_original": round(self.words_per_sentence_original, 2),
            "words_per_sentence_summary": round(self.words_per_sentence_summary, 2),
            "over_20": round(self.over_20, 4),
            "over_30": round(self.over_30, 4),
            "compressed_sentences": round(self.edited_sentences, 4),
            "compression_kinds": dict(self.compression_kinds),
            "rouge_selection": dict(zip(("rouge1", "rouge2", "rougeL"), (round(v, 4) for v in self.rouge_selection), strict=True)),
            "rouge_edited": dict(zip(("rouge1", "rouge2", "rougeL"), (round(v, 4) for v in self.rouge_edited), strict=True)),
        }


@dataclass(frozen=True, slots=True)
class PlainEvaluation:
    """The plain-language figures of every system on a JSON Lines set."""

    path: str
    articles: int
    systems: Mapping[str, PlainScores]
    duplicates_skipped: int
    jobs: int
    seconds: float
    length_rule: str = LENGTH_RULE
    #: Mean Flesch–Kincaid grade and words per sentence of the reference summaries.
    reference_grade: float = 0.0
    reference_words_per_sentence: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """The result as plain JSON-ready data."""
        return {
            "path": self.path,
            "articles": self.articles,
            "duplicates_skipped": self.duplicates_skipped,
            "length_rule": self.length_rule,
            "reference": {
                "grade": round(self.reference_grade, 2),
                "words_per_sentence": round(self.reference_words_per_sentence, 2),
            },
            "systems": {name: scores.to_dict() for name, scores in self.systems.items()},
            "timing": {"jobs": self.jobs, "seconds": round(self.seconds, 2)},
        }


@dataclass(frozen=True, slots=True)
class ArticlePlain:
    """What one article gave, per system: grades, words per sentence, sentence lengths, ROUGE."""

    #: system → (grade original, grade summary, wps original, wps summary)
    readability: Mapping[str, tuple[float, float, float, float]]
    #: system → words of each summary sentence
    lengths: Mapping[str, tuple[int, ...]]
    #: system → (ROUGE-1, ROUGE-2, ROUGE-L of the selection, then of the edited summary)
    rouge: Mapping[str, tuple[float, float, float, float, float, float]]
    #: system → (kept sentences, kept sentences with a compression edit)
    compressed: Mapping[str, tuple[int, int]]
    #: system → compression edits of each kind in the kept sentences
    kinds: Mapping[str, Mapping[str, int]]
    #: the reference summary's grade and words per sentence
    reference: tuple[float, float] = (0.0, 0.0)


def plain_article(item: SummaryItem, systems: Sequence[str]) -> ArticlePlain:
    """Summarise one article with every system at both lengths and measure it."""
    from summarizer.analysis import analyse
    from summarizer.compress import KINDS, split_counts
    from summarizer.pipeline import summarize
    from summarizer.readability import measure
    from summarizer.segment import segment
    from summarizer.tokens import count_words

    document = segment(item.text, source=item.id)
    written = measure([s.text for s in segment(item.reference).sentences])
    reference = (written.flesch_kincaid_grade, written.words_per_sentence)
    readability: dict[str, tuple[float, float, float, float]] = {}
    lengths: dict[str, tuple[int, ...]] = {}
    rouge: dict[str, tuple[float, float, float, float, float, float]] = {}
    compressed: dict[str, tuple[int, int]] = {}
    kinds: dict[str, dict[str, int]] = {system: {} for system in systems}
    if not document.sentences:
        for system in systems:
            readability[system] = (0.0, 0.0, 0.0, 0.0)
            lengths[system] = ()
            rouge[system] = (0.0,) * 6
            compressed[system] = (0, 0)
        return ArticlePlain(readability, lengths, rouge, compressed, kinds, reference)
    analysis = analyse(document)
    for system in systems:
        algorithm = "neutral" if system == NO_EDITS else system
        options: dict[str, Any] = {"trim": False} if system == NO_EDITS else {}
        try:
            default = summarize(document, algorithm=algorithm, analysis=analysis, **options)
            at_reference = summarize(
                document, algorithm=algorithm, analysis=analysis, sentences=item.sentences, **options
            )
        except EmptyInputError:
            readability[system], lengths[system], rouge[system], compressed[system] = (0.0,) * 4, (), (0.0,) * 6, (0, 0)
            continue
        before, after = default.stats.readability_original, default.stats.readability_summary
        readability[system] = (
            before.flesch_kincaid_grade, after.flesch_kincaid_grade, before.words_per_sentence, after.words_per_sentence
        )
        kept = default.kept
        lengths[system] = tuple(
            n for d in kept for piece in (split_counts(d.output, d.edits) or [d.output]) if (n := count_words(piece))
        )
        compressed[system] = (len(kept), sum(1 for d in kept if any(e.kind in KINDS for e in d.edits)))
        for edit in (e for d in kept for e in d.edits if e.kind in KINDS):
            kinds[system][edit.kind] = kinds[system].get(edit.kind, 0) + 1
        selection = " ".join(d.sentence.text for d in at_reference.kept)
        rouge[system] = (*rouge_f1(item.reference, selection), *rouge_f1(item.reference, at_reference.text))
    return ArticlePlain(readability, lengths, rouge, compressed, kinds, reference)


def _packed(args: tuple[SummaryItem, tuple[str, ...]]) -> ArticlePlain:
    return plain_article(*args)


def evaluate_plain(
    path: str | os.PathLike[str],
    *,
    limit: int | None = None,
    systems: Sequence[str] | None = None,
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> PlainEvaluation:
    """Measure every system's plain-language figures and ROUGE on a JSON Lines set.

    Args:
        path: a JSON Lines file with ``text``, ``reference`` and ``reference_sentences``.
        limit: measure only the first ``limit`` articles (after skipping duplicates).
        systems: by default ``neutral``, ``neutral-no-edits`` and every sumy algorithm.
        jobs: worker processes (1 = in this process).
        progress: called with (articles done, articles in all) after each article.

    Raises:
        InputError: the file cannot be read or a record is malformed.
        UnknownAlgorithmError: an unknown system.
        EvaluationError: ``jobs`` below 1.
    """
    from summarizer.compress import KINDS
    from summarizer.errors import UnknownAlgorithmError

    check_jobs(jobs)
    known = default_plain_systems()
    names = tuple(dict.fromkeys(s.strip().lower() for s in systems)) if systems is not None else known
    unknown = [s for s in names if s not in known]
    if unknown or not names:
        raise UnknownAlgorithmError(f"no system named {(unknown or [''])[0]!r}; choose from: {', '.join(known)}")
    items, duplicates = read_summary_set(path, limit=limit)
    started = time.perf_counter()
    results = map_articles(_packed, [(item, names) for item in items], jobs, progress)
    count = len(results)

    def mean(values: Sequence[float]) -> float:
        return sum(values) / len(values) if values else 0.0

    scores: dict[str, PlainScores] = {}
    for name in names:
        lengths = [n for r in results for n in r.lengths[name]]
        kept = sum(r.compressed[name][0] for r in results)
        scores[name] = PlainScores(
            grade_original=mean([r.readability[name][0] for r in results]),
            grade_summary=mean([r.readability[name][1] for r in results]),
            words_per_sentence_original=mean([r.readability[name][2] for r in results]),
            words_per_sentence_summary=mean([r.readability[name][3] for r in results]),
            over_20=mean([1.0 if n > LONG else 0.0 for n in lengths]),
            over_30=mean([1.0 if n > VERY_LONG else 0.0 for n in lengths]),
            rouge_selection=(
                mean([r.rouge[name][0] for r in results]),
                mean([r.rouge[name][1] for r in results]),
                mean([r.rouge[name][2] for r in results]),
            ),
            rouge_edited=(
                mean([r.rouge[name][3] for r in results]),
                mean([r.rouge[name][4] for r in results]),
                mean([r.rouge[name][5] for r in results]),
            ),
            edited_sentences=sum(r.compressed[name][1] for r in results) / kept if kept else 0.0,
            compression_kinds=MappingProxyType(
                {kind: total for kind in KINDS if (total := sum(r.kinds[name].get(kind, 0) for r in results))}
            ),
        )
    return PlainEvaluation(
        path=str(path),
        articles=count,
        systems=MappingProxyType(scores),
        duplicates_skipped=duplicates,
        jobs=min(jobs, len(items)),
        seconds=time.perf_counter() - started,
        reference_grade=mean([r.reference[0] for r in results]),
        reference_words_per_sentence=mean([r.reference[1] for r in results]),
    )
