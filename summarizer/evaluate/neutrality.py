"""Measure how biased the sentences are that each summarizer keeps, on crowd-rated articles.

Two JSON Lines formats are read, as in ``../shared/data``:

- Lim et al. (``biased-sents-lim2020``): one article per record, with ``sentences``, a
  list of ``{"index", "sentence", "mean_score", ...}``; a sentence's bias is its
  ``mean_score`` (1–4).
- MBIC (``babe/mbic.dev.jsonl``): one rated sentence per record, with ``sentence``,
  ``label`` and ``article`` (the full text it came from); sentences are grouped by
  article (by ``news_link`` when the article text is empty) and put in the article's order; bias is 1.0 for ``biased``, 0.0 for
  ``non-biased``; ``no-agreement`` sentences are left out.

Each article is rebuilt from its rated sentences alone, one per paragraph, so the
segmenter gets exactly those sentences back; the mapping is checked, and an article
where a rated sentence came out as several sentences is reported (each of its pieces
carries the rated sentence's score).  Every system summarises the article to a quarter
of its sentences (at least one); the result is the mean bias of what each system keeps,
averaged over articles, next to the mean of all rated sentences (``article_mean``), with
its standard error over articles and the share of articles kept below their own mean.

How far the bias score itself tracks the crowd is reported too: Spearman's rho between
every rated sentence's bias score (:func:`summarizer.neutrality.bias_score`, read in its
article) and its crowd score, pooled over the articles, and, as a yardstick, the rho of
plain sentence length (words) with the crowd score.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from types import MappingProxyType
from typing import Any

from summarizer.errors import InputError, UnknownAlgorithmError
from summarizer.evaluate._io import Record, field, read_records
from summarizer.evaluate._stats import rounded, spearman, standard_error
from summarizer.evaluate.summary import LEAD, check_systems

__all__ = [
    "DEFAULT_SYSTEMS",
    "LENGTH_RULE",
    "RATIO",
    "ArticleNeutrality",
    "Mismatch",
    "NeutralityEvaluation",
    "RatedArticle",
    "RatedSentence",
    "evaluate_neutrality",
    "measure_article",
    "read_rated_articles",
]

DEFAULT_SYSTEMS = ("neutral", "textrank", "lexrank", LEAD)
RATIO = 0.25
LENGTH_RULE = "each system keeps 25% of the article's sentences (ratio=0.25), at least 1; lead = the first ones"
MBIC_SCORES = {"biased": 1.0, "non-biased": 0.0}


@dataclass(frozen=True, slots=True)
class RatedSentence:
    """A sentence and its crowd bias score (higher = more biased)."""

    text: str
    score: float


@dataclass(frozen=True, slots=True)
class RatedArticle:
    """An article made of its rated sentences, in order."""

    id: str
    sentences: tuple[RatedSentence, ...]


@dataclass(frozen=True, slots=True)
class Mismatch:
    """An article whose rated sentences did not come back one for one from the segmenter.

    Attributes:
        article: the article's id.
        rated: how many rated sentences it has.
        segmented: how many sentences the segmenter made of them.
        example: the first rated sentence that did not come back whole.
    """

    article: str
    rated: int
    segmented: int
    example: str


@dataclass(frozen=True, slots=True)
class ArticleNeutrality:
    """One article's figures: the mean bias of what each system kept, and of all its sentences."""

    article_mean: float
    kept: Mapping[str, float]
    lowest: float
    mismatch: Mismatch | None = None
    #: ``(bias score, words, crowd score)`` of every sentence the segmenter made.
    sentence_scores: tuple[tuple[float, int, float], ...] = ()


@dataclass(frozen=True, slots=True)
class NeutralityEvaluation:
    """Mean kept bias per system on a set of rated articles.

    Attributes:
        path: the file measured.
        format: ``lim`` or ``mbic``.
        articles: articles measured.
        article_mean: mean bias of all rated sentences, averaged per article.
        systems: mean bias of the kept sentences per system, averaged over articles.
        below_article_mean: per system, the articles where it kept less bias than the article's mean.
        lowest_possible: the lowest mean a summary of the same length could reach, averaged over articles.
        sentences: rated sentences used.
        skipped: rated sentences left out (MBIC ``no-agreement``, empty sentences).
        mismatches: articles whose sentences did not map one for one.
        length_rule: how long each summary was made.
        standard_errors: per system, the standard error of its mean kept bias over articles.
        spearman: Spearman's rho of the bias score with the crowd scores, over all sentences.
        length_spearman: Spearman's rho of sentence length (words) with the crowd scores.
    """

    path: str
    format: str
    articles: int
    article_mean: float
    systems: Mapping[str, float]
    below_article_mean: Mapping[str, int]
    lowest_possible: float
    sentences: int
    skipped: int
    mismatches: tuple[Mismatch, ...] = ()
    length_rule: str = LENGTH_RULE
    standard_errors: Mapping[str, float] = dataclass_field(default_factory=lambda: MappingProxyType({}))
    spearman: float = float("nan")
    length_spearman: float = float("nan")

    def to_dict(self) -> dict[str, Any]:
        """The result as plain JSON-ready data."""
        return {
            "path": self.path,
            "format": self.format,
            "articles": self.articles,
            "sentences": self.sentences,
            "skipped_sentences": self.skipped,
            "length_rule": self.length_rule,
            "article_mean": round(self.article_mean, 4),
            "lowest_possible": round(self.lowest_possible, 4),
            "systems": {
                name: {
                    "mean_bias": round(value, 4),
                    "standard_error": rounded(self.standard_errors.get(name, float("nan"))),
                    "articles_below_mean": self.below_article_mean[name],
                    "share_below_mean": round(self.below_article_mean[name] / self.articles, 4),
                }
                for name, value in self.systems.items()
            },
            "bias_score_spearman": rounded(self.spearman),
            "length_spearman": rounded(self.length_spearman),
            "mismatches": [
                {"article": m.article, "rated": m.rated, "segmented": m.segmented, "example": m.example}
                for m in self.mismatches
            ],
        }


def _normalise(text: str) -> str:
    return " ".join(text.split())


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _lim_article(record: dict[str, Any], *, path: str | os.PathLike[str], line: int) -> tuple[RatedArticle, int]:
    rows = field(record, "sentences", list, path=path, line=line, what="a list of rated sentences")
    ordered: list[tuple[float, int, RatedSentence]] = []
    skipped = 0
    for position, row in enumerate(rows):
        if not (isinstance(row, dict) and isinstance(row.get("sentence"), str) and _number(row.get("mean_score"))):
            raise InputError(
                f"{path}, line {line}: sentence {position + 1} needs 'sentence' (a string) and 'mean_score' (a number)"
            )
        text = _normalise(row["sentence"])
        if not text:
            skipped += 1
            continue
        index = row.get("index")
        place = float(index) if isinstance(index, int | float) and not isinstance(index, bool) else float(position)
        ordered.append((place, position, RatedSentence(text, float(row["mean_score"]))))
    ordered.sort(key=lambda entry: (entry[0], entry[1]))
    identifier = record.get("id")
    article = RatedArticle(
        id=str(identifier) if identifier is not None else f"line {line}",
        sentences=tuple(entry[2] for entry in ordered),
    )
    return article, skipped


def _mbic_articles(
    records: Iterable[Record], *, path: str | os.PathLike[str]
) -> tuple[list[RatedArticle], int]:
    groups: dict[str, list[tuple[int, int, RatedSentence]]] = {}
    names: dict[str, str] = {}
    skipped = 0
    for line, record in records:
        sentence = field(record, "sentence", str, path=path, line=line, what="a string")
        label = field(record, "label", str, path=path, line=line, what="a string")
        article = field(record, "article", str, path=path, line=line, what="the article's text")
        text = _normalise(sentence)
        if label not in MBIC_SCORES or not text:
            if label not in (*MBIC_SCORES, "no-agreement"):
                raise InputError(
                    f"{path}, line {line}: 'label' must be 'biased', 'non-biased' or 'no-agreement', not {label!r}"
                )
            skipped += 1
            continue
        # A record without its article text is grouped by its link, failing that it stands alone.
        link = record.get("news_link")
        key = _normalise(article) or (f"link {link}" if isinstance(link, str) and link.strip() else f"line {line}")
        place = key.find(text)
        groups.setdefault(key, []).append(
            (place if place >= 0 else len(key), line, RatedSentence(text, MBIC_SCORES[label]))
        )
        if key not in names:
            identifier = record.get("id")
            names[key] = f"article of {identifier}" if identifier is not None else f"article of line {line}"
    articles = []
    for key, rows in groups.items():
        rows.sort(key=lambda entry: (entry[0], entry[1]))
        articles.append(RatedArticle(id=names[key], sentences=tuple(entry[2] for entry in rows)))
    return articles, skipped


def read_rated_articles(
    path: str | os.PathLike[str], *, limit: int | None = None
) -> tuple[str, list[RatedArticle], int]:
    """Read a Lim et al. or MBIC file as articles of rated sentences.

    The format is told from the first record: ``sentences`` (Lim et al.) or ``sentence``
    with ``label`` and ``article`` (MBIC).

    Args:
        path: the JSON Lines file.
        limit: keep only the first ``limit`` articles (in the order they first appear).

    Returns:
        The format (``lim`` or ``mbic``), the articles, and how many rated sentences were left out.

    Raises:
        InputError: the file cannot be read, is in neither format, or a record is malformed.
    """
    records = list(read_records(path))
    if not records:
        raise InputError(f"{path}: no records")
    line, first = records[0]
    if "sentences" in first:
        articles: list[RatedArticle] = []
        skipped = 0
        for line, record in records:
            article, lost = _lim_article(record, path=path, line=line)
            articles.append(article)
            skipped += lost
        form = "lim"
    elif "sentence" in first and "label" in first:
        articles, skipped = _mbic_articles(records, path=path)
        form = "mbic"
    else:
        raise InputError(
            f"{path}, line {line}: neither format: expected 'sentences' (Lim et al.) or 'sentence' and 'label' (MBIC)"
        )
    if limit is not None:
        articles = articles[:limit]
    articles = [a for a in articles if a.sentences]
    if not articles:
        raise InputError(f"{path}: no rated sentences to measure")
    return form, articles, skipped


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def measure_article(article: RatedArticle, systems: Sequence[str], *, engine: str = "fast") -> ArticleNeutrality:
    """Summarise one rated article with every system and average the bias of what each keeps."""
    from summarizer.budget import resolve_budget
    from summarizer.cues import find_cues
    from summarizer.neutrality import bias_score
    from summarizer.pipeline import summarize
    from summarizer.segment import segment

    text = "\n\n".join(s.text for s in article.sentences)
    starts: list[int] = []
    offset = 0
    for rated in article.sentences:
        starts.append(offset)
        offset += len(rated.text) + 2
    document = segment(text, source=article.id)
    owner: list[int] = []
    unit = 0
    for sentence in document.sentences:
        while unit + 1 < len(starts) and sentence.start >= starts[unit + 1]:
            unit += 1
        owner.append(unit)
    pieces = [owner.count(u) for u in range(len(article.sentences))]
    mismatch = None
    if len(document.sentences) != len(article.sentences) or any(
        s.text != article.sentences[u].text for s, u in zip(document.sentences, owner, strict=True)
    ):
        broken = next((u for u, count in enumerate(pieces) if count != 1), owner[0] if owner else 0)
        mismatch = Mismatch(article.id, len(article.sentences), len(document.sentences), article.sentences[broken].text)

    scores = [article.sentences[u].score for u in owner]
    cues = find_cues(document)
    sentence_scores = tuple(
        (bias_score(sentence, found), len(sentence.text.split()), score)
        for sentence, found, score in zip(document.sentences, cues, scores, strict=True)
    )
    target = resolve_budget(len(scores), ratio=RATIO).target
    kept: dict[str, float] = {}
    for system in systems:
        if system == LEAD:
            chosen = list(range(target))
        else:
            summary = summarize(document, algorithm=system, ratio=RATIO, engine=engine)
            chosen = [d.index for d in summary.decisions if d.kept]
        kept[system] = _mean([scores[i] for i in chosen]) if chosen else float("nan")
    return ArticleNeutrality(
        article_mean=_mean([s.score for s in article.sentences]),
        kept=MappingProxyType(kept),
        lowest=_mean(sorted(scores)[:target]),
        mismatch=mismatch,
        sentence_scores=sentence_scores,
    )


def evaluate_neutrality(
    path: str | os.PathLike[str],
    *,
    limit: int | None = None,
    systems: Sequence[str] | None = None,
    engine: str = "fast",
    min_sentences: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> NeutralityEvaluation:
    """Measure the mean crowd bias of what each system keeps, article by article.

    Args:
        path: a Lim et al. or MBIC JSON Lines file.
        limit: measure only the first ``limit`` articles.
        systems: ``lead`` and algorithm names; by default neutral, textrank, lexrank and lead.
        engine: the ranking engine, ``fast`` or ``sumy``.
        min_sentences: leave out articles with fewer rated sentences than this (with one,
            every system keeps the same sentence).
        progress: called with (articles done, articles in all) after each article.

    Returns:
        The mean kept bias per system, the article mean and the mapping check.

    Raises:
        InputError: the file cannot be read or a record is malformed.
        UnknownAlgorithmError: an unknown system or engine.
    """
    from summarizer.rank import ENGINES

    if engine not in ENGINES:
        raise UnknownAlgorithmError(f"no engine named {engine!r}; choose one of: {', '.join(ENGINES)}")
    names = check_systems(systems if systems is not None else DEFAULT_SYSTEMS)
    form, articles, skipped = read_rated_articles(path)
    articles = [a for a in articles if len(a.sentences) >= min_sentences]
    if limit is not None:
        articles = articles[:limit]
    if not articles:
        raise InputError(f"{path}: no article has {min_sentences} or more rated sentences")
    results: list[ArticleNeutrality] = []
    for article in articles:
        results.append(measure_article(article, names, engine=engine))
        if progress is not None:
            progress(len(results), len(articles))
    pooled = [entry for r in results for entry in r.sentence_scores]
    return NeutralityEvaluation(
        path=str(path),
        format=form,
        articles=len(results),
        article_mean=_mean([r.article_mean for r in results]),
        systems=MappingProxyType({name: _mean([r.kept[name] for r in results]) for name in names}),
        below_article_mean=MappingProxyType(
            {name: sum(1 for r in results if r.kept[name] < r.article_mean) for name in names}
        ),
        lowest_possible=_mean([r.lowest for r in results]),
        sentences=sum(len(a.sentences) for a in articles),
        skipped=skipped,
        mismatches=tuple(r.mismatch for r in results if r.mismatch is not None),
        standard_errors=MappingProxyType({name: standard_error([r.kept[name] for r in results]) for name in names}),
        spearman=spearman([s[0] for s in pooled], [s[2] for s in pooled]),
        length_spearman=spearman([float(s[1]) for s in pooled], [s[2] for s in pooled]),
    )
