"""Measure the bias score as a sentence classifier on a labelled JSON Lines set.

Each record needs ``sentence`` and ``label``.  The dataset kind is recognised from the
labels present (as in ``../shared/data``):

    babe / mbic   ``biased`` / ``non-biased`` / ``no-agreement`` (dropped); biased is positive
    wiki_npov     ``biased`` / ``neutral``; biased is positive
    subj          ``subjective`` / ``objective``; subjective is positive

Every sentence is scored alone, as a one-sentence document: cues from
:func:`summarizer.cues.find_cues`, score from :func:`summarizer.neutrality.bias_score`, and a
sentence at or above :data:`summarizer.neutrality.THRESHOLD` is predicted positive.  The
metrics (macro-F1 over both classes, precision and recall of the positive class, ROC-AUC)
are computed here in plain Python.  Where every record also carries a graded score
(``mean_score`` or ``score``, a number, as crowd ratings are), Spearman's rho between the
bias score and it is reported as well (``spearman``; ``null`` otherwise).
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.cues import find_cues
from summarizer.errors import InputError
from summarizer.evaluate._io import field, read_records
from summarizer.evaluate._stats import rounded, spearman
from summarizer.model import Document, Paragraph, Sentence
from summarizer.neutrality import THRESHOLD, bias_score

__all__ = ["BiasEvaluation", "evaluate_bias", "macro_f1", "roc_auc", "score_text"]

#: Known label sets: dataset kind → (positive label, negative label, labels to drop).
DATASETS: dict[str, tuple[str, str, frozenset[str]]] = {
    "babe/mbic": ("biased", "non-biased", frozenset({"no-agreement"})),
    "wiki_npov": ("biased", "neutral", frozenset()),
    "subj": ("subjective", "objective", frozenset()),
}


@dataclass(frozen=True, slots=True)
class BiasEvaluation:
    """How well the bias score separates the two classes of a labelled set.

    Attributes:
        path: the file measured.
        dataset: the kind recognised from the labels (``"babe/mbic"``, ``"wiki_npov"``, ``"subj"``).
        roc_auc: area under the ROC curve of the scores (threshold-free); ``nan`` (``null``
            in JSON) when only one class is present.
        n: sentences scored (dropped labels not counted).
        positives: sentences with the positive label.
        dropped: records dropped for their label (``no-agreement``).
        threshold: the decision threshold.
        macro_f1: mean of the F1 of both classes.
        precision: precision of the positive class.
        recall: recall of the positive class.
        accuracy: share predicted right.
        spearman: Spearman's rho of the bias score with the records' graded scores
            (``mean_score`` or ``score``), ``nan`` when not every record has one.
    """

    path: str
    dataset: str
    n: int
    positives: int
    dropped: int
    threshold: float
    macro_f1: float
    precision: float
    recall: float
    roc_auc: float
    accuracy: float
    spearman: float = float("nan")

    def to_dict(self) -> dict[str, Any]:
        """The JSON form printed by ``evenhand eval bias --format json``."""
        return {
            "dataset": self.dataset,
            "data": self.path,
            "n": self.n,
            "positives": self.positives,
            "dropped": self.dropped,
            "threshold": self.threshold,
            "macro_f1": round(self.macro_f1, 4),
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "roc_auc": None if math.isnan(self.roc_auc) else round(self.roc_auc, 4),
            "accuracy": round(self.accuracy, 4),
            "spearman": rounded(self.spearman),
        }


def sentence_document(text: str) -> Document:
    """A one-sentence :class:`Document` for ``text`` (white space around it left outside the span)."""
    stripped = text.strip()
    start = len(text) - len(text.lstrip())
    end = start + len(stripped)
    return Document(
        text=text,
        sentences=(Sentence(index=0, paragraph=0, start=start, end=end, text=stripped),),
        paragraphs=(Paragraph(index=0, start=start, end=end, first_sentence=0, last_sentence=0),),
    )


def score_text(text: str) -> float:
    """Bias score of ``text`` read as one sentence."""
    document = sentence_document(text)
    return bias_score(document.sentences[0], find_cues(document)[0])


def _f1(tp: int, fp: int, fn: int) -> float:
    return 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)


def macro_f1(truth: list[bool], predicted: list[bool]) -> float:
    """Mean F1 of the positive and the negative class."""
    tp = sum(t and p for t, p in zip(truth, predicted, strict=True))
    fp = sum(p and not t for t, p in zip(truth, predicted, strict=True))
    fn = sum(t and not p for t, p in zip(truth, predicted, strict=True))
    tn = len(truth) - tp - fp - fn
    return (_f1(tp, fp, fn) + _f1(tn, fn, fp)) / 2


def roc_auc(truth: list[bool], scores: list[float]) -> float:
    """Area under the ROC curve (the Mann–Whitney statistic, ties counted half).

    Returns ``nan`` when one class is absent.
    """
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        mean_rank = (i + j) / 2 + 1
        for k in range(i, j + 1):
            ranks[order[k]] = mean_rank
        i = j + 1
    positives = sum(truth)
    negatives = len(truth) - positives
    if positives == 0 or negatives == 0:
        return float("nan")
    rank_sum = sum(rank for rank, t in zip(ranks, truth, strict=True) if t)
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def _kind(labels: set[str], path: str | os.PathLike[str]) -> str:
    for kind, (positive, negative, dropped) in DATASETS.items():
        if labels and labels <= {positive, negative} | dropped and labels & {positive, negative}:
            return kind
    shown = ", ".join(sorted(labels)) or "none"
    raise InputError(
        f"{path}: unknown labels ({shown}); expected biased/non-biased/no-agreement (BABE, MBIC), "
        "biased/neutral (wiki_npov) or subjective/objective (subj)"
    )


def evaluate_bias(
    path: str | os.PathLike[str], *, limit: int | None = None, threshold: float = THRESHOLD
) -> BiasEvaluation:
    """Score every sentence of a labelled set and measure the classifier.

    Args:
        path: a JSON Lines file with ``sentence`` and ``label`` per record.
        limit: read only the first ``limit`` records (before dropping ``no-agreement``).
        threshold: scores at or above it are predicted positive.

    Returns:
        The measures, as :class:`BiasEvaluation`.

    Raises:
        InputError: the file cannot be read, a record lacks a field, the labels are of
            no known set, or no sentence is left to score.
    """
    rows: list[tuple[str, str, float | None]] = []
    for line, record in read_records(path):
        if limit is not None and len(rows) >= limit:
            break
        sentence = field(record, "sentence", str, path=path, line=line, what="a string")
        label = field(record, "label", str, path=path, line=line, what="a string")
        rows.append((sentence, label, _graded(record)))
    kind = _kind({label for _, label, _ in rows}, path)
    positive, _negative, drop = DATASETS[kind]
    kept = [(sentence, label == positive) for sentence, label, _ in rows if label not in drop]
    graded = [score for _, label, score in rows if label not in drop]
    if not kept:
        raise InputError(f"{path}: no labelled sentences to score")
    truth = [is_positive for _, is_positive in kept]
    scores = [score_text(sentence) for sentence, _ in kept]
    predicted = [score >= threshold for score in scores]
    tp = sum(t and p for t, p in zip(truth, predicted, strict=True))
    precision = tp / sum(predicted) if any(predicted) else 0.0
    recall = tp / sum(truth) if any(truth) else 0.0
    accuracy = sum(t == p for t, p in zip(truth, predicted, strict=True)) / len(truth)
    return BiasEvaluation(
        path=str(Path(path)),
        dataset=kind,
        n=len(kept),
        positives=sum(truth),
        dropped=len(rows) - len(kept),
        threshold=threshold,
        macro_f1=macro_f1(truth, predicted),
        precision=precision,
        recall=recall,
        roc_auc=roc_auc(truth, scores),
        accuracy=accuracy,
        spearman=(
            spearman(scores, [float(g) for g in graded if g is not None])
            if all(g is not None for g in graded)
            else float("nan")
        ),
    )


def _graded(record: dict[str, Any]) -> float | None:
    """A record's graded score (``mean_score``, else ``score``), when it has a number there."""
    for name in ("mean_score", "score"):
        value = record.get(name)
        if isinstance(value, int | float) and not isinstance(value, bool) and not math.isnan(value):
            return float(value)
    return None
