"""`evenhand eval words`: recall of the labelled biased word, precision, cues per neutral rewrite."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from evenhand.cli import app
from summarizer.errors import InputError
from summarizer.evaluate.words import evaluate_words

runner = CliRunner()

PAIRS = [
    {
        "sentence": "The prestigious award went to the mayor.",
        "neutral_version": "The award went to the mayor.",
        "biased_words": ["prestigious"],
    },
    {
        "sentence": "The report correctly notes the cost of the plan.",
        "neutral_version": "The report notes the cost of the plan.",
        "biased_words": ["correctly"],
    },
    {
        "sentence": "The senator was born in 1950 in the capital.",
        "neutral_version": "The senator was born in 1950 in the capital.",
        "biased_words": ["capital"],
    },
]


def write(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_recall_precision_and_cues_per_neutral(tmp_path: Path) -> None:
    result = evaluate_words(write(tmp_path / "wnc.jsonl", PAIRS))
    assert result.pairs == 3
    assert result.recall == pytest.approx(2 / 3)
    assert result.precision == pytest.approx(1.0)
    assert result.cues_per_neutral == 0.0
    assert result.per_category["stance_adverb"] == {"biased": 1, "on_target": 1, "neutral": 0}
    assert result.examples["missed"][0]["biased_words"] == "capital"


def test_cues_in_a_neutral_rewrite_are_counted(tmp_path: Path) -> None:
    rows = [{**PAIRS[0], "neutral_version": "The renowned award went to the mayor."}]
    result = evaluate_words(write(tmp_path / "wnc.jsonl", rows), all_categories=False)
    assert result.cues_per_neutral == 1.0
    assert result.neutral_with_cue == 1.0


def test_limit_and_errors(tmp_path: Path) -> None:
    assert evaluate_words(write(tmp_path / "wnc.jsonl", PAIRS), limit=1).pairs == 1
    with pytest.raises(InputError):
        evaluate_words(write(tmp_path / "bad.jsonl", [{"sentence": "x"}]))
    with pytest.raises(InputError):
        evaluate_words(write(tmp_path / "empty.jsonl", []))


def test_cli_table_and_json(tmp_path: Path) -> None:
    path = write(tmp_path / "wnc.jsonl", PAIRS)
    table = runner.invoke(app, ["eval", "words", "--data", str(path)])
    assert table.exit_code == 0, table.output
    assert "recall" in table.output and "66.7%" in table.output
    out = runner.invoke(app, ["eval", "words", "--data", str(path), "--framing-only", "--format", "json"])
    assert out.exit_code == 0, out.output
    figures = json.loads(out.output)
    assert figures["categories"] == "framing"
    assert figures["recall"] == pytest.approx(0.6667, abs=1e-4)


def test_cli_fails_in_one_line(tmp_path: Path) -> None:
    out = runner.invoke(app, ["eval", "words", "--data", str(tmp_path / "missing.jsonl")])
    assert out.exit_code != 0
