"""Fit the bias score's weights jointly on the development sets, with cross-validation.

The features are :func:`summarizer.neutrality.bias_features`, exactly as the library computes
them (cues from :func:`summarizer.cues.find_cues`; a BABE or MBIC sentence read alone, a Lim
et al. sentence read in its article, rebuilt as ``evenhand eval neutrality`` rebuilds it).
The model is a logistic regression fitted by Newton's method in numpy (no scikit-learn):

- loss: the mean log-loss of each set, weighted BABE SG2 1, BABE SG1 ½, MBIC ½ (SG1 and
  MBIC are the same sentences, labelled by experts and by a crowd) and Lim et al.
  ``--lim-weight`` (default :data:`summarizer.neutrality.LIM_WEIGHT`), whose mean 1–4 crowd
  score becomes the soft label (score − 1) / 3;
- an intercept per set (SG2's ships), so that the sets' base rates do not pull on the slopes;
- L2 ``--l2`` on the standardised slopes; cue features (the writer's groups, ``quoted``, ``density``)
  kept at zero or above: a feature fitted below zero is dropped and the rest refitted.

Five-fold cross-validation, folds by news link (BABE, MBIC: one link's sentences in one
fold, across the three files) and by article (Lim), measures the procedure: BABE macro-F1 at
the threshold 0.5, ROC-AUC, and Spearman's rho of the score with Lim's crowd scores (no-cue
sentences capped at :data:`summarizer.neutrality.NO_CUE_CEILING`, as the library does).
Then the model is fitted on everything, and its weights are printed in original units,
beside the figures of the constants that ship in ``summarizer/neutrality.py``.

Usage::

    .venv/bin/python benchmarks/fit_bias.py [--data ../shared/data] [--lim-weight W] [--l2 L] [--by-event | --kept]

``--by-event`` scores each of Lim's two dev events with weights fitted with the other (and
half of BABE and MBIC), to see whether what is learnt from one event carries to another.

``--kept`` asks the product question behind issue 13's two crowd targets: for each Lim weight
in :data:`KEPT_LIM_WEIGHTS`, BABE SG2 macro-F1 (five-fold CV) and, for each of Lim's two dev
events, the model fitted without that event's articles (intercept swept as below), installed
in place of the shipped weights, and ``neutral`` run on the event's articles at each
``select.value.W_BIAS`` in :data:`KEPT_W_BIAS`: the mean crowd bias of what it keeps and the bias
score's rho with the crowd on that event, beside the article mean and LEAD, LexRank, TextRank.
With ``--bbc FILE`` (the BBC dev set) it adds, for the largest Lim weight fitted on all the dev
sets, BBC ROUGE-2 of ``neutral`` and its kept crowd bias on all of Lim dev at each ``W_BIAS``
(the price of the crowd's score in summary quality; about 90 s a run).

The data is read from ``../shared/data`` next to the repository by default and never
copied anywhere; only the rounded weights are written into the source, by hand.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import zlib
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from summarizer import neutrality
from summarizer.cues import find_cues
from summarizer.evaluate._stats import spearman
from summarizer.evaluate.bias import macro_f1, roc_auc, sentence_document
from summarizer.evaluate.neutrality import measure_article, read_rated_articles
from summarizer.evaluate.summary import evaluate_summary
from summarizer.model import Cue, Sentence
from summarizer.segment import segment
from summarizer.select import value as select_value

DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
SET_WEIGHTS = {"sg2": 1.0, "sg1": 0.5, "mbic": 0.5}
BINARY = {"sg2": "babe/babe_sg2.dev.jsonl", "sg1": "babe/babe_sg1.dev.jsonl", "mbic": "babe/mbic.dev.jsonl"}
LIM = "biased-sents-lim2020/biased_sents.dev.jsonl"
NAMES = tuple(neutrality.WEIGHTS)
CUE_FEATURES = (*neutrality.FEATURE_GROUPS, "quoted", "density")
FOLDS = 5
#: ``--kept``: the Lim weights tried (0 ships; 64 lets the crowd all but decide the slopes) ...
KEPT_LIM_WEIGHTS = (0.0, 16.0, 64.0)
#: ... and the selector's bias weights (0.6 ships).
KEPT_W_BIAS = (0.6, 1.0, 2.0)
KEPT_BASELINES = ("lexrank", "textrank", "lead")


class Rows:
    """Every sentence's features, target, set, fold and whether it has cues."""

    def __init__(self) -> None:
        self.x: list[list[float]] = []
        self.y: list[float] = []
        self.set: list[str] = []
        self.group: list[str] = []
        self.cued: list[bool] = []
        self.raw: list[float] = []
        self.event: list[str] = []

    def add(
        self,
        name: str,
        group: str,
        target: float,
        raw: float,
        sentence: Sentence,
        cues: Sequence[Cue],
        event: str = "",
    ) -> None:
        features = neutrality.bias_features(sentence, cues)
        self.x.append([features[n] for n in NAMES])
        self.y.append(target)
        self.set.append(name)
        self.group.append(group)
        self.cued.append(bool(cues))
        self.raw.append(raw)
        self.event.append(event)


def read(data: Path) -> Rows:
    rows = Rows()
    for name, relative in BINARY.items():
        with (data / relative).open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if record["label"] not in ("biased", "non-biased"):
                    continue
                document = sentence_document(record["sentence"])
                target = 1.0 if record["label"] == "biased" else 0.0
                group = record.get("news_link") or record["id"]
                rows.add(name, group, target, target, document.sentences[0], find_cues(document)[0])
    _, articles, _ = read_rated_articles(data / LIM)
    with (data / LIM).open(encoding="utf-8") as handle:
        events = {str(r["id"]): str(r.get("event", "")) for r in map(json.loads, handle)}
    for article in articles:
        text = "\n\n".join(s.text for s in article.sentences)
        starts, offset = [], 0
        for rated in article.sentences:
            starts.append(offset)
            offset += len(rated.text) + 2
        document = segment(text, source=article.id)
        unit = 0
        for sentence, cues in zip(document.sentences, find_cues(document), strict=True):
            while unit + 1 < len(starts) and sentence.start >= starts[unit + 1]:
                unit += 1
            score = article.sentences[unit].score
            rows.add("lim", article.id, (score - 1) / 3, score, sentence, cues, events.get(article.id, ""))
    return rows


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, offsets: np.ndarray, l2: float) -> np.ndarray:
    """Newton's method for the weighted logistic loss: [shared intercept, slopes, set offsets]."""
    design = np.hstack([np.ones((len(x), 1)), x, offsets])
    penalty = np.r_[0.0, np.ones(x.shape[1]), np.zeros(offsets.shape[1])]
    beta = np.zeros(design.shape[1])
    share = w / w.sum()
    for _ in range(100):
        p = 1 / (1 + np.exp(-design @ beta))
        gradient = design.T @ (share * (p - y)) + l2 * penalty * beta
        hessian = (design * (share * p * (1 - p))[:, None]).T @ design + np.diag(l2 * penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-10:
            break
    return beta


def train(
    columns: Mapping[str, np.ndarray],
    names: Sequence[str],
    y: np.ndarray,
    sets: np.ndarray,
    mask: np.ndarray,
    lim_weight: float,
    l2: float,
) -> tuple[float, dict[str, float]]:
    """The fitting procedure, the one home of it (``bias_candidates.py`` fits with it too).

    Standardise the features ``names`` (columns of ``columns``) over the rows in ``mask``, fit
    the weighted logistic loss (each set's rows weigh :data:`SET_WEIGHTS` in all, Lim
    ``lim_weight``; an intercept per set), drop the cue features (:data:`CUE_FEATURES`) fitted
    below zero and refit.  Returns the intercept and the weights in the features' own units
    (0 for a dropped feature).
    """
    weights_of = {**SET_WEIGHTS, "lim": lim_weight}
    sizes = {s: int(np.sum(sets == s)) for s in weights_of}
    w = np.asarray([weights_of[s] / sizes[s] for s in sets])
    others = [s for s in weights_of if s != "sg2"]
    offsets = np.asarray([[1.0 if s == o else 0.0 for o in others] for s in sets])
    active = list(names)
    while True:
        x = np.column_stack([columns[n] for n in active])[mask]
        mean, scale = x.mean(0), x.std(0) + 1e-12
        beta = fit((x - mean) / scale, y[mask], w[mask], offsets[mask], l2)
        slopes = beta[1 : 1 + len(active)] / scale
        negative = [n for n, s in zip(active, slopes, strict=True) if n in CUE_FEATURES and s < 0]
        if not negative:
            break
        active = [n for n in active if n not in negative]
    weights = dict.fromkeys(names, 0.0)
    weights.update(dict(zip(active, map(float, slopes), strict=True)))
    return float(beta[0] - (beta[1 : 1 + len(active)] * mean / scale).sum()), weights


class Model:
    """The shipped features of :class:`Rows`, fitted by :func:`train`."""

    def __init__(self, rows: Rows, lim_weight: float, l2: float) -> None:
        x = np.asarray(rows.x)
        self.columns = {name: x[:, i] for i, name in enumerate(NAMES)}
        self.y = np.asarray(rows.y)
        self.sets = np.asarray(rows.set)
        self.lim_weight = lim_weight
        self.l2 = l2

    def train(self, mask: np.ndarray) -> tuple[float, dict[str, float]]:
        """(intercept, weights) in the features' own units, fitted on the rows in ``mask``."""
        return train(self.columns, NAMES, self.y, self.sets, mask, self.lim_weight, self.l2)


def scores(x: np.ndarray, cued: np.ndarray, intercept: float, weights: dict[str, float]) -> np.ndarray:
    z = intercept + x @ np.asarray([weights[n] for n in NAMES])
    p = 1 / (1 + np.exp(-z))
    return np.where(cued, p, np.minimum(p, neutrality.NO_CUE_CEILING))


def figures(rows: Rows, p: np.ndarray) -> dict[str, float]:
    sets = np.asarray(rows.set)
    y = np.asarray(rows.y)
    out: dict[str, float] = {}
    for name in BINARY:
        m = sets == name
        truth = list(y[m] == 1)
        out[f"{name}_macro_f1"] = round(macro_f1(truth, list(p[m] >= neutrality.THRESHOLD)), 4)
        out[f"{name}_roc_auc"] = round(roc_auc(truth, list(p[m])), 4)
    m = sets == "lim"
    out["lim_spearman"] = round(spearman(list(p[m]), list(np.asarray(rows.raw)[m])), 4)
    return out


def swept_intercept(rows: Rows, intercept: float, weights: dict[str, float]) -> float:
    """The intercept, in steps of 0.05 from the fitted one, that gives the best mean macro-F1 on SG2
    and SG1 at the threshold 0.5: so that 0.5 keeps its meaning ("reads as loaded" to experts)."""
    x, cued = np.asarray(rows.x), np.asarray(rows.cued)
    sets, truth = np.asarray(rows.set), np.asarray(rows.y) == 1
    return max(
        (round(intercept + step * 0.05, 2) for step in range(-20, 21)),
        key=lambda b: sum(
            macro_f1(list(truth[sets == s]), list(scores(x[sets == s], cued[sets == s], b, weights) >= 0.5))
            for s in ("sg2", "sg1")
        ),
    )


@contextlib.contextmanager
def installed(intercept: float, weights: Mapping[str, float], w_bias: float) -> Iterator[None]:
    """The library scoring with these weights, and the selector weighing bias by ``w_bias``, for a while."""
    saved = neutrality.INTERCEPT, neutrality._WEIGHT_LIST, select_value.W_BIAS
    order = (*neutrality._GROUP_NAMES, "quoted", *neutrality._TEXT_FEATURES)
    neutrality.INTERCEPT, neutrality._WEIGHT_LIST = intercept, tuple(weights[n] for n in order)
    select_value.W_BIAS = w_bias
    try:
        yield
    finally:
        neutrality.INTERCEPT, neutrality._WEIGHT_LIST, select_value.W_BIAS = saved


def kept(rows: Rows, data: Path, l2: float, bbc: Path | None = None) -> dict[str, object]:
    """``--kept``: what ``neutral`` keeps of each Lim event with a bias model fitted without it."""
    _, articles, _ = read_rated_articles(data / LIM)
    with (data / LIM).open(encoding="utf-8") as handle:
        events = {str(r["id"]): str(r.get("event", "")) for r in map(json.loads, handle)}
    names = sorted(set(events.values()))
    sets, event = np.asarray(rows.set), np.asarray(rows.event)
    x, cued = np.asarray(rows.x), np.asarray(rows.cued)
    fold = np.asarray([zlib.crc32(g.encode()) % FOLDS for g in rows.group])

    def mean(values: Sequence[float]) -> float:
        return round(float(np.mean(values)), 4)

    baselines = {}
    for name in names:
        measured = [measure_article(a, KEPT_BASELINES) for a in articles if events[a.id] == name]
        baselines[name] = {
            "article_mean": mean([m.article_mean for m in measured]),
            **{s: mean([m.kept[s] for m in measured]) for s in KEPT_BASELINES},
        }
    report: dict[str, object] = {"baselines": baselines}
    for lim_weight in KEPT_LIM_WEIGHTS:
        model = Model(rows, lim_weight, l2)
        held_out = np.zeros(len(rows.y))
        for k in range(FOLDS):
            intercept, weights = model.train(fold != k)
            held_out[fold == k] = scores(x[fold == k], cued[fold == k], intercept, weights)
        m = sets == "sg2"
        row: dict[str, object] = {
            "sg2_macro_f1_cv": round(macro_f1(list(np.asarray(rows.y)[m] == 1), list(held_out[m] >= 0.5)), 4)
        }
        for name in names:
            intercept, weights = model.train(~((sets == "lim") & (event == name)))
            intercept = swept_intercept(rows, intercept, weights)
            figures_of: dict[str, object] = {}
            for w_bias in KEPT_W_BIAS:
                with installed(intercept, weights, w_bias):
                    measured = [measure_article(a, ("neutral",)) for a in articles if events[a.id] == name]
                pooled = [s for m in measured for s in m.sentence_scores]
                figures_of["spearman"] = round(spearman([s[0] for s in pooled], [s[2] for s in pooled]), 4)
                figures_of[f"neutral_kept_w_bias_{w_bias:g}"] = mean([m.kept["neutral"] for m in measured])
            row[name] = figures_of
        report[f"lim_weight_{lim_weight:g}"] = row
    if bbc is not None:
        lim_weight = max(KEPT_LIM_WEIGHTS)
        model = Model(rows, lim_weight, l2)
        intercept, weights = model.train(np.ones(len(rows.y), dtype=bool))
        intercept = swept_intercept(rows, intercept, weights)
        priced: dict[str, object] = {
            "intercept": intercept,
            "weights": {n: round(w, 3) for n, w in weights.items()},
        }
        for w_bias in KEPT_W_BIAS:
            with installed(intercept, weights, w_bias):
                rouge = evaluate_summary(bbc, systems=("neutral",), jobs=1).systems["neutral"].rouge2
                measured = [measure_article(a, ("neutral",)) for a in articles]
            pooled = [s for m in measured for s in m.sentence_scores]
            priced[f"w_bias_{w_bias:g}"] = {
                "bbc_rouge2": round(rouge, 4),
                "lim_kept": mean([m.kept["neutral"] for m in measured]),
                "lim_spearman": round(spearman([s[0] for s in pooled], [s[2] for s in pooled]), 4),
            }
        report[f"fitted_on_all_lim_weight_{lim_weight:g}"] = priced
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--lim-weight", type=float, default=neutrality.LIM_WEIGHT)
    parser.add_argument("--l2", type=float, default=0.01)
    parser.add_argument(
        "--by-event",
        action="store_true",
        help="two folds instead: Lim by event (one scored with weights fitted with the other), the rest hashed",
    )
    parser.add_argument(
        "--kept",
        action="store_true",
        help="each Lim event summarised by neutral with weights fitted without it (see the module docstring)",
    )
    parser.add_argument(
        "--bbc", type=Path, help="with --kept: the BBC dev set, for ROUGE-2 (see the module docstring)"
    )
    args = parser.parse_args()
    rows = read(args.data)
    if args.kept:
        print(json.dumps(kept(rows, args.data, args.l2, args.bbc), indent=2))
        return
    model = Model(rows, args.lim_weight, args.l2)
    x, cued = np.asarray(rows.x), np.asarray(rows.cued)
    folds = 2 if args.by_event else FOLDS
    fold = np.asarray([zlib.crc32(g.encode()) % folds for g in rows.group])
    if args.by_event:
        names = sorted({e for s, e in zip(rows.set, rows.event, strict=True) if s == "lim"})
        fold = np.asarray(
            [names.index(e) if s == "lim" else f for s, e, f in zip(rows.set, rows.event, fold, strict=True)]
        )
    held_out = np.zeros(len(rows.y))
    for k in range(folds):
        intercept, weights = model.train(fold != k)
        held_out[fold == k] = scores(x[fold == k], cued[fold == k], intercept, weights)
    intercept, weights = model.train(np.ones(len(rows.y), dtype=bool))
    swept = swept_intercept(rows, intercept, weights)
    shipped = scores(x, cued, neutrality.INTERCEPT, dict(neutrality.WEIGHTS))
    report: dict[str, object] = {
        "lim_weight": args.lim_weight,
        "l2": args.l2,
        "cross_validated": figures(rows, held_out),
        "fitted_on_all": {
            "intercept": round(intercept, 3),
            "swept_intercept": swept,
            "weights": {n: round(w, 3) for n, w in weights.items()},
        },
        "shipped_on_all": figures(rows, shipped),
    }
    if args.by_event:
        lim = np.asarray(rows.set) == "lim"
        raw = np.asarray(rows.raw)
        report["lim_spearman_by_event"] = {
            name: round(spearman(list(held_out[lim & (fold == k)]), list(raw[lim & (fold == k)])), 4)
            for k, name in enumerate(names)
        }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
