"""`evenhand eval bias`: reads each label format, prints a table or JSON, fails in one line."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from typer.testing import CliRunner

from evenhand.cli import app
from summarizer.errors import InputError
from summarizer.evaluate.bias import evaluate_bias, macro_f1, roc_auc

runner = CliRunner()

BIASED = [
    "The radical left mayor shockingly slammed the so-called reform.",
    "Greedy, corporate-backed senators rammed through the bizarre, job-killing bill!",
    "The far-right regime seemingly believes the ‘safety’ of critics is optional.",
]
NEUTRAL = [
    "The council voted 7 to 2 on Tuesday to approve the budget, officials said.",
    "The company said revenue rose 3 percent to $4.1 billion in the quarter.",
    "The museum will reopen on 12 May after a two-year renovation, its director said.",
]


def write_jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.fixture
def babe(tmp_path: Path) -> Path:
    rows: list[dict[str, object]] = [{"sentence": s, "label": "biased", "biased_words": []} for s in BIASED]
    rows += [{"sentence": s, "label": "non-biased", "biased_words": []} for s in NEUTRAL]
    rows.append({"sentence": "The vote is on Friday.", "label": "no-agreement", "biased_words": []})
    return write_jsonl(tmp_path / "babe_like.jsonl", rows)


def test_json_output_on_babe_format(babe: Path) -> None:
    result = runner.invoke(app, ["eval", "bias", "--data", str(babe), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["dataset"] == "babe/mbic"
    assert data["n"] == 6 and data["dropped"] == 1 and data["positives"] == 3
    for key in ("macro_f1", "precision", "recall", "roc_auc", "threshold"):
        assert 0.0 <= data[key] <= 1.0
    # These sentences are clear-cut: the score ranks every biased one above every neutral one.
    assert data["roc_auc"] == 1.0
    assert data["macro_f1"] == 1.0


def test_table_output(babe: Path) -> None:
    result = runner.invoke(app, ["eval", "bias", "--data", str(babe)])
    assert result.exit_code == 0, result.output
    assert "macro-F1" in result.stdout and "ROC-AUC" in result.stdout


def test_limit_takes_the_first_records(babe: Path) -> None:
    result = runner.invoke(app, ["eval", "bias", "--data", str(babe), "--limit", "4", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["n"] == 4 and data["positives"] == 3


@pytest.mark.parametrize(
    ("positive", "negative", "dataset"),
    [("biased", "neutral", "wiki_npov"), ("subjective", "objective", "subj")],
)
def test_other_label_sets_are_recognised(tmp_path: Path, positive: str, negative: str, dataset: str) -> None:
    rows: list[dict[str, object]] = [{"sentence": s, "label": positive} for s in BIASED]
    rows += [{"sentence": s, "label": negative} for s in NEUTRAL]
    result = evaluate_bias(write_jsonl(tmp_path / "set.jsonl", rows))
    assert result.dataset == dataset
    assert result.n == 6 and result.positives == 3


def test_one_class_gives_null_auc(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "one.jsonl", [{"sentence": s, "label": "subjective"} for s in BIASED])
    result = runner.invoke(app, ["eval", "bias", "--data", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["roc_auc"] is None


def test_unknown_labels_fail_in_one_line(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "odd.jsonl", [{"sentence": "A.", "label": "maybe"}])
    result = runner.invoke(app, ["eval", "bias", "--data", str(path)])
    assert result.exit_code == 1
    assert "unknown labels (maybe)" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_field_and_missing_file(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "bad.jsonl", [{"text": "A.", "label": "biased"}])
    with pytest.raises(InputError, match="'sentence'"):
        evaluate_bias(path)
    result = runner.invoke(app, ["eval", "bias", "--data", str(tmp_path / "absent.jsonl")])
    assert result.exit_code == 1 and "no such file" in result.stderr


def test_bad_format_is_a_usage_error(babe: Path) -> None:
    result = runner.invoke(app, ["eval", "bias", "--data", str(babe), "--format", "xml"])
    assert result.exit_code == 2


def test_macro_f1_by_hand() -> None:
    truth = [True, True, False, False]
    predicted = [True, False, False, False]
    # positive: P=1, R=0.5, F1=2/3; negative: P=2/3, R=1, F1=0.8
    assert macro_f1(truth, predicted) == pytest.approx((2 / 3 + 0.8) / 2)


def test_roc_auc_by_hand() -> None:
    assert roc_auc([True, False, True, False], [0.9, 0.1, 0.4, 0.6]) == pytest.approx(0.75)
    assert roc_auc([True, False], [0.5, 0.5]) == pytest.approx(0.5)
    assert math.isnan(roc_auc([True, True], [0.1, 0.2]))


def test_spearman_only_where_every_record_is_graded(tmp_path: Path) -> None:
    rows: list[dict[str, object]] = [
        {"sentence": s, "label": "biased", "mean_score": 3.0 + i / 10} for i, s in enumerate(BIASED)
    ]
    rows += [{"sentence": s, "label": "non-biased", "mean_score": 1.0 + i / 10} for i, s in enumerate(NEUTRAL)]
    graded = evaluate_bias(write_jsonl(tmp_path / "graded.jsonl", rows))
    assert graded.spearman > 0.5
    assert graded.to_dict()["spearman"] == pytest.approx(graded.spearman, abs=1e-4)
    rows[0].pop("mean_score")
    partial = evaluate_bias(write_jsonl(tmp_path / "partial.jsonl", rows))
    assert math.isnan(partial.spearman)
    assert partial.to_dict()["spearman"] is None
    table = runner.invoke(app, ["eval", "bias", "--data", str(tmp_path / "graded.jsonl")])
    assert table.exit_code == 0 and "Spearman" in table.output
