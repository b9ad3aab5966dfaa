"""Tests for ``summarizer.evaluate.plain`` and ``evenhand eval plain`` on a tiny set we wrote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from evenhand.cli import app
from summarizer.errors import EvaluationError, UnknownAlgorithmError
from summarizer.evaluate.plain import NO_EDITS, default_plain_systems, evaluate_plain
from tests.core.test_compress import ARTICLE

PLAIN = (
    "The shop on the corner will close in June. Its owner is retiring after thirty years. "
    "Customers said they would miss the shop. A bakery may take over the building next year."
)


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    records = [
        {"id": "bridge", "text": ARTICLE, "reference_sentences": [
            "The town council agreed the new bridge plan after a long debate.",
            "The bridge carries most of the town's traffic each day and needs repair.",
        ]},
        {"id": "shop", "text": PLAIN, "reference_sentences": ["The shop on the corner will close in June."]},
        {"id": "again", "text": PLAIN, "is_duplicate": True, "reference_sentences": ["x"]},
    ]
    path = tmp_path / "set.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_every_system_is_measured_and_edits_make_neutral_plainer(dataset: Path) -> None:
    result = evaluate_plain(dataset)
    assert tuple(result.systems) == default_plain_systems()
    assert result.articles == 2 and result.duplicates_skipped == 1
    on, off = result.systems["neutral"], result.systems[NO_EDITS]
    assert on.grade_original == off.grade_original
    assert on.words_per_sentence_summary < off.words_per_sentence_summary
    assert on.edited_sentences > 0 and off.edited_sentences == 0
    # The selection is the same sentences, so its ROUGE is the same; the edited text differs.
    assert 0 <= on.rouge_selection[1] <= 1 and on.rouge_edited != on.rouge_selection
    assert result.systems["lexrank"].rouge_edited == result.systems["lexrank"].rouge_selection
    assert 0 <= on.over_30 <= on.over_20 <= 1
    # The references' own readability, for scale.
    assert result.reference_grade != 0 and result.reference_words_per_sentence > 0


def test_unknown_system_is_an_error(dataset: Path) -> None:
    with pytest.raises(UnknownAlgorithmError):
        evaluate_plain(dataset, systems=["nonesuch"])


def test_fewer_than_one_job_is_refused_before_the_file_is_read(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="jobs must be at least 1, not 0"):
        evaluate_plain(tmp_path / "absent.jsonl", jobs=0)


def test_cli_json_and_table(dataset: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "plain", "--data", str(dataset), "--format", "json", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data["systems"]) == set(default_plain_systems())
    assert {"grade_original", "grade_summary", "over_20", "over_30", "rouge_selection", "rouge_edited"} <= set(
        data["systems"]["neutral"]
    )
    table = CliRunner().invoke(app, ["eval", "plain", "--data", str(dataset), "--jobs", "1"])
    assert table.exit_code == 0 and NO_EDITS in table.stdout and "(references)" in table.stdout
    assert set(data["reference"]) == {"grade", "words_per_sentence"} and data["reference"]["words_per_sentence"] > 0


def test_compression_edits_are_counted_by_kind(dataset: Path) -> None:
    from summarizer.compress import KINDS

    result = evaluate_plain(dataset, systems=["neutral", NO_EDITS])
    kinds = result.systems["neutral"].compression_kinds
    assert kinds and set(kinds) <= set(KINDS) and all(n > 0 for n in kinds.values())
    assert not result.systems[NO_EDITS].compression_kinds
    assert result.systems["neutral"].to_dict()["compression_kinds"] == dict(kinds)
