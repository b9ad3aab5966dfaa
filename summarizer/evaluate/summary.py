"""Measure summary quality with ROUGE against reference summaries in a JSON Lines set.

Each record needs ``text`` (the article), ``reference`` (the reference summary) and
``reference_sentences`` (its sentences), as in ``../shared/data/bbc-news-summary`` and
``cnn-dailymail-sample``.  Every system summarises an article to as many sentences as
its reference has, so length does not decide the comparison; ``lead`` keeps the first
sentences of evenhand's segmentation.  Scores are ROUGE-1, ROUGE-2 and ROUGE-L F1 (the
``rouge-score`` package, Porter stemming), as fractions from 0 to 1, averaged over
articles.  Records marked ``"is_duplicate": true`` are skipped so repeated articles
count once.  Articles are independent, so they are spread over worker processes.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any, TypeVar

from summarizer.errors import EmptyInputError, EvaluationError, InputError, UnknownAlgorithmError
from summarizer.evaluate._io import field, read_records

__all__ = [
    "LEAD",
    "LENGTH_RULE",
    "ArticleRouge",
    "RougeScores",
    "SummaryEvaluation",
    "SummaryItem",
    "default_systems",
    "evaluate_summary",
    "read_summary_set",
    "score_article",
]

#: The baseline that keeps the first sentences of the article.
LEAD = "lead"
LENGTH_RULE = (
    "each system keeps k sentences, k = the reference's sentence count (len(reference_sentences));"
    " lead = the first k sentences of evenhand's segmentation"
)
METRICS = ("rouge1", "rouge2", "rougeL")


def default_systems() -> tuple[str, ...]:
    """``neutral``, ``lead`` and every sumy algorithm."""
    from summarizer.pipeline import ALL_ALGORITHMS

    return ("neutral", LEAD, *(a for a in ALL_ALGORITHMS if a != "neutral"))


def check_systems(systems: Iterable[str]) -> tuple[str, ...]:
    """The system names, lower-cased, without repeats, each a known algorithm or ``lead``.

    Raises:
        UnknownAlgorithmError: a name is neither ``lead`` nor an algorithm.
    """
    from summarizer.pipeline import ALL_ALGORITHMS

    known = (*ALL_ALGORITHMS, LEAD)
    result: list[str] = []
    for name in systems:
        system = name.strip().lower()
        if system not in known:
            raise UnknownAlgorithmError(f"no system named {name!r}; choose from: {', '.join(known)}")
        if system not in result:
            result.append(system)
    if not result:
        raise UnknownAlgorithmError(f"no system to measure; choose from: {', '.join(known)}")
    return tuple(result)


@dataclass(frozen=True, slots=True)
class SummaryItem:
    """One article to summarise and its reference."""

    id: str
    text: str
    reference: str
    sentences: int


@dataclass(frozen=True, slots=True)
class RougeScores:
    """Mean ROUGE F1 of one system over the articles (fractions 0–1) and its mean length."""

    rouge1: float
    rouge2: float
    rougeL: float
    words: float = 0.0

    def to_dict(self) -> dict[str, float]:
        """The scores as plain JSON-ready data."""
        return {"rouge1": self.rouge1, "rouge2": self.rouge2, "rougeL": self.rougeL, "words": self.words}


@dataclass(frozen=True, slots=True)
class ArticleRouge:
    """What one article gave: per system (ROUGE-1, ROUGE-2, ROUGE-L F1, words) and seconds."""

    scores: Mapping[str, tuple[float, float, float, int]]
    seconds: Mapping[str, float]


@dataclass(frozen=True, slots=True)
class SummaryEvaluation:
    """ROUGE of every system on a JSON Lines set.

    Attributes:
        path: the file measured.
        articles: articles measured (duplicates skipped).
        systems: mean scores per system, in the order asked for.
        reference_words: mean words per reference summary.
        duplicates_skipped: records skipped because ``is_duplicate`` was true.
        engine: the ranking engine (``fast`` or ``sumy``).
        jobs: worker processes used.
        seconds: wall-clock time of the whole run.
        system_seconds: time spent in each system, summed over all workers.
        length_rule: how long each summary was made.
    """

    path: str
    articles: int
    systems: Mapping[str, RougeScores]
    reference_words: float
    duplicates_skipped: int
    engine: str
    jobs: int
    seconds: float
    system_seconds: Mapping[str, float]
    length_rule: str = LENGTH_RULE

    def best(self, metric: str = "rouge2", *, among: Sequence[str] | None = None) -> str | None:
        """The system with the highest ``metric`` (optionally only ``among`` some systems)."""
        names = [s for s in self.systems if among is None or s in among]
        if not names:
            return None
        return max(names, key=lambda s: getattr(self.systems[s], metric))

    def to_dict(self) -> dict[str, Any]:
        """The result as plain JSON-ready data."""
        return {
            "path": self.path,
            "articles": self.articles,
            "duplicates_skipped": self.duplicates_skipped,
            "length_rule": self.length_rule,
            "engine": self.engine,
            "reference_words": round(self.reference_words, 2),
            "systems": {name: _rounded(scores.to_dict()) for name, scores in self.systems.items()},
            "timing": {
                "jobs": self.jobs,
                "seconds": round(self.seconds, 2),
                "system_seconds": {name: round(s, 2) for name, s in self.system_seconds.items()},
            },
        }


def _rounded(values: Mapping[str, float]) -> dict[str, float]:
    return {key: round(value, 4 if key != "words" else 1) for key, value in values.items()}


def read_summary_set(
    path: str | os.PathLike[str], *, limit: int | None = None
) -> tuple[list[SummaryItem], int]:
    """Read the articles of a JSON Lines summary set.

    Args:
        path: the file; each record needs ``text``, ``reference`` (or only
            ``reference_sentences``, joined by spaces) and ``reference_sentences``.
        limit: read only the first ``limit`` articles (skipped duplicates do not count).

    Returns:
        The articles, and how many duplicates were skipped.

    Raises:
        InputError: the file cannot be read or a record lacks a field; the message names the line.
    """
    items: list[SummaryItem] = []
    duplicates = 0
    for line, record in read_records(path):
        if limit is not None and len(items) >= limit:
            break
        if record.get("is_duplicate") is True:
            duplicates += 1
            continue
        text = field(record, "text", str, path=path, line=line, what="a string")
        sentences = field(
            record, "reference_sentences", list, path=path, line=line, what="a list of strings"
        )
        if not sentences or not all(isinstance(s, str) for s in sentences):
            raise InputError(f"{path}, line {line}: 'reference_sentences' must be a non-empty list of strings")
        if "reference" in record:
            reference = field(record, "reference", str, path=path, line=line, what="a string")
        else:
            reference = " ".join(sentences)
        identifier = record.get("id")
        items.append(
            SummaryItem(
                id=str(identifier) if identifier is not None else f"line {line}",
                text=text,
                reference=reference,
                sentences=len(sentences),
            )
        )
    if not items:
        raise InputError(f"{path}: no articles to measure")
    return items, duplicates


@lru_cache(maxsize=1)
def _scorer() -> Any:
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)


def rouge_f1(reference: str, candidate: str) -> tuple[float, float, float]:
    """ROUGE-1, ROUGE-2 and ROUGE-L F1 of ``candidate`` against ``reference`` (stemmed): the one
    scoring every ROUGE figure here uses."""
    result = _scorer().score(reference, candidate)
    return result["rouge1"].fmeasure, result["rouge2"].fmeasure, result["rougeL"].fmeasure


_Work = TypeVar("_Work")
_Result = TypeVar("_Result")


def check_jobs(jobs: int) -> None:
    """Raise :class:`EvaluationError` unless ``jobs`` (worker processes) is at least 1."""
    if jobs < 1:
        raise EvaluationError(f"jobs must be at least 1, not {jobs!r}")


def map_articles(
    run: Callable[[_Work], _Result],
    work: Sequence[_Work],
    jobs: int,
    progress: Callable[[int, int], None] | None = None,
) -> list[_Result]:
    """``run`` over every article's work, in order, in this process (``jobs`` 1) or spread over
    worker processes; ``progress`` is called with (done, in all) after each article."""
    results: list[_Result] = []
    if jobs == 1 or len(work) <= 1:
        for packed in work:
            results.append(run(packed))
            if progress is not None:
                progress(len(results), len(work))
        return results
    workers = min(jobs, len(work))
    chunk = max(1, min(8, len(work) // (workers * 8)))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for result in pool.map(run, work, chunksize=chunk):
            results.append(result)
            if progress is not None:
                progress(len(results), len(work))
    return results


def _count_words(text: str) -> int:
    from summarizer.tokens import count_words

    return count_words(text)


def score_article(item: SummaryItem, systems: Sequence[str], engine: str) -> ArticleRouge:
    """Summarise one article with every system and score each summary against the reference.

    An article with no sentences gives every system an empty summary (score 0).
    """
    from summarizer.pipeline import summarize
    from summarizer.segment import segment

    document = segment(item.text, source=item.id)
    scores: dict[str, tuple[float, float, float, int]] = {}
    seconds: dict[str, float] = {}
    for system in systems:
        started = time.perf_counter()
        if system == LEAD:
            candidate = " ".join(s.text for s in document.sentences[: item.sentences])
        else:
            try:
                candidate = summarize(document, algorithm=system, sentences=item.sentences, engine=engine).text
            except EmptyInputError:
                candidate = ""
        rouge = rouge_f1(item.reference, candidate)
        seconds[system] = time.perf_counter() - started
        scores[system] = (*rouge, _count_words(candidate))
    # Plain dicts: the result crosses a process boundary, and mappingproxy cannot be pickled.
    return ArticleRouge(scores, seconds)


def _score_packed(args: tuple[SummaryItem, tuple[str, ...], str]) -> ArticleRouge:
    return score_article(*args)


def evaluate_summary(
    path: str | os.PathLike[str],
    *,
    limit: int | None = None,
    systems: Sequence[str] | None = None,
    engine: str = "fast",
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> SummaryEvaluation:
    """Summarise every article of a JSON Lines set with each system and average its ROUGE.

    Args:
        path: a JSON Lines file with ``text``, ``reference`` and ``reference_sentences``.
        limit: measure only the first ``limit`` articles (after skipping duplicates).
        systems: ``lead`` and algorithm names; by default ``neutral``, ``lead`` and every sumy algorithm.
        engine: the ranking engine, ``fast`` or ``sumy``.
        jobs: worker processes (1 = in this process).
        progress: called with (articles done, articles in all) after each article.

    Returns:
        Mean ROUGE-1/2/L F1 per system, with counts and timings.

    Raises:
        InputError: the file cannot be read or a record is malformed.
        UnknownAlgorithmError: an unknown system or engine.
        EvaluationError: ``jobs`` below 1.
    """
    from summarizer.rank import ENGINES

    if engine not in ENGINES:
        raise UnknownAlgorithmError(f"no engine named {engine!r}; choose one of: {', '.join(ENGINES)}")
    check_jobs(jobs)
    names = check_systems(systems) if systems is not None else default_systems()
    items, duplicates = read_summary_set(path, limit=limit)
    started = time.perf_counter()
    results = map_articles(_score_packed, [(item, names, engine) for item in items], jobs, progress)
    elapsed = time.perf_counter() - started
    count = len(results)
    means = {
        name: RougeScores(
            rouge1=sum(r.scores[name][0] for r in results) / count,
            rouge2=sum(r.scores[name][1] for r in results) / count,
            rougeL=sum(r.scores[name][2] for r in results) / count,
            words=sum(r.scores[name][3] for r in results) / count,
        )
        for name in names
    }
    return SummaryEvaluation(
        path=str(path),
        articles=count,
        systems=MappingProxyType(means),
        reference_words=sum(_count_words(item.reference) for item in items) / count,
        duplicates_skipped=duplicates,
        engine=engine,
        jobs=min(jobs, len(items)),
        seconds=elapsed,
        system_seconds=MappingProxyType({name: sum(r.seconds[name] for r in results) for name in names}),
    )
