"""Try candidate features for the bias score against people, with cross-validation (issue 13).

The shipped model (:mod:`summarizer.neutrality`) is a logistic over ten named features fitted
by ``benchmarks/fit_bias.py``.  This script asks whether a transparent feature that the
crowd or the experts might respond to, and that the model does not read yet, would help:

- each candidate alone: Spearman's rho with the Lim et al. crowd scores (all dev sentences and
  per dev event) and ROC-AUC on BABE SG2, SG1 and MBIC;
- each candidate added to the ten, fitted as ``fit_bias.py`` fits (joint log-loss, a set
  intercept each, cue features kept ≥ 0, L2 0.01), at Lim weight 0 (the shipped choice) and
  16: five-fold CV (folds by news link and by article) for BABE macro-F1 / ROC-AUC and Lim's
  rho, and Lim's rho by event (each event scored by a model fitted without it);
- at Lim weight 0, each of the ten left out, and the cue features alone;
- the ceiling for the crowd alone: an ordinary least-squares fit on Lim only, of length with
  up to three other features, each event scored by the fit on the other.

No candidate ships: the figures are the record of what was tried.  Candidates read only the
lists the package ships (VADER, Pattern) and rules written here.

Usage::

    .venv/bin/python benchmarks/bias_candidates.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import re
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import fit_bias

from summarizer import lexicons, neutrality
from summarizer.cues import find_cues, quotation_spans
from summarizer.evaluate._stats import spearman
from summarizer.evaluate.bias import macro_f1, roc_auc, sentence_document
from summarizer.evaluate.neutrality import read_rated_articles
from summarizer.model import Cue, Sentence
from summarizer.segment import segment

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_THIRD = frozenset({"he", "she", "they", "him", "her", "them", "his", "their"})
_OPENERS = frozenset(
    {"but", "however", "yet", "still", "even", "indeed", "instead", "meanwhile", "so", "now"}
)
# Contested claims and harm, written here from general news vocabulary (not from a data set).
_CONFLICT = re.compile(
    r"\b(?:accus\w*|alleg\w*|deni\w*|deny\w*|disput\w*|controvers\w*|scandal\w*|attack\w*|critic\w*|"
    r"condemn\w*|blam\w*|protest\w*|threat\w*|investigat\w*|lawsuit\w*|sued?|suing|resign\w*|misconduct|"
    r"abus\w*|assault\w*|harass\w*|molest\w*|lie[sd]?|lying|fake|fraud\w*|corrupt\w*|violat\w*|"
    r"scrutiny|backlash|outrage\w*|uproar|suicide|killed|death|dead|probe\w*|guilty|victim\w*|crime\w*)\b",
    re.IGNORECASE,
)

Candidate = Callable[[Sentence, "list[Cue]", "tuple[tuple[int, int], ...]"], float]


def _words(sentence: Sentence) -> list[str]:
    return [w.lower() for w in _WORD.findall(sentence.text)]


def _quoted_share(sentence: Sentence, spans: tuple[tuple[int, int], ...]) -> float:
    inside = sum(max(0, min(e, sentence.end) - max(s, sentence.start)) for s, e in spans)
    return inside / max(1, sentence.end - sentence.start)


def _candidates() -> dict[str, Candidate]:
    valence, subjectivity = lexicons.valence(), lexicons.subjectivity()

    def per_word(values: list[float]) -> float:
        return sum(values) / max(1, len(values))

    return {
        # Subjectivity density per word: Pattern subjectivity of every word (not only ≥ 0.7).
        "subjectivity_per_word": lambda s, c, q: per_word([subjectivity.get(w, 0.0) for w in _words(s)]),
        "subjectivity_sum": lambda s, c, q: math.log1p(sum(subjectivity.get(w, 0.0) for w in _words(s))),
        # Intensity of feeling: VADER |valence| of every word, nouns and verbs too ("killed", "lies").
        "valence_per_word": lambda s, c, q: per_word([abs(valence.get(w, 0.0)) for w in _words(s)]),
        "negative_valence": lambda s, c, q: math.log1p(
            sum(-min(0.0, valence.get(w, 0.0)) for w in _words(s))
        ),
        "positive_valence": lambda s, c, q: math.log1p(sum(max(0.0, valence.get(w, 0.0)) for w in _words(s))),
        # The feeling the content carries, whoever's words: VADER |valence| / 4 of every word, summed
        # ("killed", "assault", "lies" as much as "outrageous"; session 7).
        "intensity": lambda s, c, q: math.log1p(sum(abs(valence.get(w, 0.0)) for w in _words(s)) / 4),
        # Quoted against the writer's voice.
        "quoted_share": lambda s, c, q: _quoted_share(s, q),
        # Named entities and numbers per word.
        "capitals_per_word": lambda s, c, q: per_word(
            [1.0 if i and w[:1].isupper() else 0.0 for i, w in enumerate(_WORD.findall(s.text))]
        ),
        "numbers_per_word": lambda s, c, q: (
            len(re.findall(r"\d+(?:[.,]\d+)*", s.text)) / max(1, len(_words(s)))
        ),
        # Hedges (shown as cues, not counted by the model).
        "hedges": lambda s, c, q: math.log1p(sum(x.weight for x in c if x.category == "hedge")),
        # Sentence-initial framing ("But", "However", "Even").
        "framing_opener": lambda s, c, q: 1.0 if (_words(s) or [""])[0] in _OPENERS else 0.0,
        "third_person_per_word": lambda s, c, q: per_word([1.0 if w in _THIRD else 0.0 for w in _words(s)]),
        # Contested claims and harm (allegations, denials, deaths): what the crowd's top sentences share.
        "conflict": lambda s, c, q: math.log1p(len(_CONFLICT.findall(s.text))),
    }


class Table:
    """Every sentence: the ten shipped features, the candidates, the target, set, group and event."""

    def __init__(self) -> None:
        self.features: dict[str, list[float]] = {}
        self.y: list[float] = []
        self.raw: list[float] = []
        self.set: list[str] = []
        self.group: list[str] = []
        self.event: list[str] = []
        self.cued: list[bool] = []
        self._candidates = _candidates()

    def add(self, name: str, group: str, target: float, raw: float, sentence: Sentence, cues: list[Cue],
            spans: tuple[tuple[int, int], ...], event: str = "") -> None:  # fmt: skip
        values = dict(neutrality.bias_features(sentence, cues))
        values.update({k: f(sentence, cues, spans) for k, f in self._candidates.items()})
        for key, value in values.items():
            self.features.setdefault(key, []).append(value)
        self.y.append(target)
        self.raw.append(raw)
        self.set.append(name)
        self.group.append(group)
        self.event.append(event)
        self.cued.append(bool(cues))


def read(data: Path) -> Table:
    """The rows of ``fit_bias.read``, with the candidates."""
    table = Table()
    for name, relative in fit_bias.BINARY.items():
        with (data / relative).open(encoding="utf-8") as handle:
            for record in map(json.loads, handle):
                if record["label"] not in ("biased", "non-biased"):
                    continue
                document = sentence_document(record["sentence"])
                target = 1.0 if record["label"] == "biased" else 0.0
                group = record.get("news_link") or record["id"]
                spans = quotation_spans(document.text)
                table.add(
                    name, group, target, target, document.sentences[0], list(find_cues(document)[0]), spans
                )
    _, articles, _ = read_rated_articles(data / fit_bias.LIM)
    with (data / fit_bias.LIM).open(encoding="utf-8") as handle:
        events = {str(r["id"]): str(r.get("event", "")) for r in map(json.loads, handle)}
    for article in articles:
        text = "\n\n".join(s.text for s in article.sentences)
        starts, offset = [], 0
        for rated in article.sentences:
            starts.append(offset)
            offset += len(rated.text) + 2
        document = segment(text, source=article.id)
        spans = quotation_spans(document.text)
        unit = 0
        for sentence, cues in zip(document.sentences, find_cues(document), strict=True):
            while unit + 1 < len(starts) and sentence.start >= starts[unit + 1]:
                unit += 1
            score = article.sentences[unit].score
            table.add(
                "lim", article.id, (score - 1) / 3, score, sentence, list(cues), spans, events[article.id]
            )
    return table


class Fitter:
    """``fit_bias.train``, the one fitting procedure, over any named features of a :class:`Table`."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.x = {k: np.asarray(v) for k, v in table.features.items()}
        self.y = np.asarray(table.y)
        self.sets = np.asarray(table.set)
        self.cued = np.asarray(table.cued)

    def train(self, names: list[str], mask: np.ndarray, lim_weight: float) -> tuple[float, dict[str, float]]:
        return fit_bias.train(self.x, names, self.y, self.sets, mask, lim_weight, 0.01)

    def score(self, mask: np.ndarray, intercept: float, weights: dict[str, float]) -> np.ndarray:
        z = intercept + sum(self.x[n][mask] * v for n, v in weights.items())
        p = 1 / (1 + np.exp(-z))
        return np.where(self.cued[mask], p, np.minimum(p, neutrality.NO_CUE_CEILING))

    def cross_validate(self, names: list[str], lim_weight: float) -> dict[str, object]:
        table = self.table
        fold = np.asarray([zlib.crc32(g.encode()) % fit_bias.FOLDS for g in table.group])
        held = np.zeros(len(self.y))
        for k in range(fit_bias.FOLDS):
            intercept, weights = self.train(names, fold != k, lim_weight)
            held[fold == k] = self.score(fold == k, intercept, weights)
        out: dict[str, object] = {}
        for name in ("sg2", "sg1", "mbic"):
            m = self.sets == name
            truth = list(self.y[m] == 1)
            out[f"{name}_macro_f1"] = round(macro_f1(truth, list(held[m] >= neutrality.THRESHOLD)), 4)
            out[f"{name}_roc_auc"] = round(roc_auc(truth, list(held[m])), 4)
        lim, raw, event = self.sets == "lim", np.asarray(table.raw), np.asarray(table.event)
        out["lim_spearman"] = round(spearman(list(held[lim]), list(raw[lim])), 4)
        by_event = {}
        for name in sorted(set(event[lim])):
            test = lim & (event == name)
            intercept, weights = self.train(names, ~test, lim_weight)
            by_event[name] = round(spearman(list(self.score(test, intercept, weights)), list(raw[test])), 4)
        out["lim_spearman_by_event"] = by_event
        return out


def univariate(table: Table) -> dict[str, dict[str, float]]:
    sets, raw, y, event = (np.asarray(a) for a in (table.set, table.raw, table.y, table.event))
    lim = sets == "lim"
    out = {}
    for key, values in table.features.items():
        v = np.asarray(values)
        row = {"lim_spearman": round(spearman(list(v[lim]), list(raw[lim])), 3)}
        for name in sorted(set(event[lim])):
            m = lim & (event == name)
            row[f"lim_{name}"] = round(spearman(list(v[m]), list(raw[m])), 3)
        for name in ("sg2", "sg1", "mbic"):
            m = sets == name
            row[f"{name}_roc_auc"] = round(roc_auc(list(y[m] == 1), list(v[m])), 3)
        out[key] = row
    return out


def crowd_ceiling(table: Table, names: list[str]) -> list[dict[str, object]]:
    """Length and up to three others, least squares on Lim alone, each event scored by the other's fit."""
    sets, raw, event = np.asarray(table.set), np.asarray(table.raw), np.asarray(table.event)
    lim = sets == "lim"
    events = sorted(set(event[lim]))
    results = []
    others = [n for n in names if n != "length"]
    for k in range(4):
        for combo in itertools.combinations(others, k):
            chosen = ["length", *combo]
            x = np.column_stack([np.asarray(table.features[n])[lim] for n in chosen])
            x = (x - x.mean(0)) / (x.std(0) + 1e-9)
            design = np.column_stack([np.ones(len(x)), x])
            rho = {}
            for name in events:
                train = event[lim] != name
                a = design[train]
                beta = np.linalg.solve(a.T @ a + 0.1 * np.eye(a.shape[1]), a.T @ raw[lim][train])
                rho[name] = round(spearman(list(design[~train] @ beta), list(raw[lim][~train])), 4)
            results.append({"features": chosen, "by_event": rho, "worst": min(rho.values())})
    results.sort(key=lambda r: -float(r["worst"]))  # type: ignore[arg-type]
    return results[:5]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=fit_bias.DEFAULT_DATA)
    args = parser.parse_args()
    table = read(args.data)
    fitter = Fitter(table)
    shipped = list(fit_bias.NAMES)
    candidates = [k for k in table.features if k not in shipped]
    report: dict[str, object] = {"univariate": univariate(table)}
    for lim_weight in (0.0, 16.0):
        runs: dict[str, object] = {"shipped ten": fitter.cross_validate(shipped, lim_weight)}
        for name in candidates:
            runs[f"+ {name}"] = fitter.cross_validate([*shipped, name], lim_weight)
        runs["+ all candidates"] = fitter.cross_validate([*shipped, *candidates], lim_weight)
        if not lim_weight:  # and each of the ten left out: which of them work against the crowd
            for name in shipped:
                runs[f"- {name}"] = fitter.cross_validate([n for n in shipped if n != name], lim_weight)
            text_features = ("personal", "figures", "attributed", "negations", "length")
            runs["cue groups, quoted and density only"] = fitter.cross_validate(
                [n for n in shipped if n not in text_features], lim_weight
            )
        report[f"cross_validated_lim_weight_{lim_weight:g}"] = runs
    report["crowd_only_ceiling"] = crowd_ceiling(table, [*shipped, *candidates])
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
