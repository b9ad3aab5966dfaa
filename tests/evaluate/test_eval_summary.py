"""Tests for ``summarizer.evaluate.summary`` and ``evenhand eval summary`` on tiny sets we wrote."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from evenhand.cli import app
from summarizer.errors import EvaluationError, InputError, UnknownAlgorithmError
from summarizer.evaluate.summary import (
    LEAD,
    default_systems,
    evaluate_summary,
    read_summary_set,
)

HARBOUR = [
    "The town council approved a new harbour wall on Monday after a year of debate.",
    "The wall will cost four million pounds and should be finished by next spring.",
    "Fishing crews said storms had damaged their boats three times last winter.",
    "The council will pay for the work from its reserves and a national grant.",
    "Some residents asked whether the wall would block the view from the promenade.",
    "Engineers said the design keeps the view open at the northern end.",
]
LIBRARY = [
    "The city library will open on Sundays from next month.",
    "Staff numbers will rise by six to cover the extra day.",
    "Visitors had asked for weekend hours in a survey last year.",
    "The library also plans a reading club for teenagers.",
    "Its budget for books stays the same as last year.",
]


def article(sentences: list[str], paragraph_size: int = 2) -> str:
    """Sentences joined as paragraphs of ``paragraph_size`` sentences."""
    paragraphs = [" ".join(sentences[i : i + paragraph_size]) for i in range(0, len(sentences), paragraph_size)]
    return "\n\n".join(paragraphs)


def record(identifier: str, sentences: list[str], reference: list[str], **extra: Any) -> dict[str, Any]:
    return {
        "id": identifier,
        "text": article(sentences),
        "reference": " ".join(reference),
        "reference_sentences": reference,
        **extra,
    }


def write(path: Path, records: list[Any]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    return write(
        tmp_path / "set.jsonl",
        [
            record("harbour", HARBOUR, HARBOUR[:2], is_duplicate=False),
            record("library", LIBRARY, [LIBRARY[0], LIBRARY[2], LIBRARY[3]], is_duplicate=False),
            record("harbour-again", HARBOUR, HARBOUR[:2], is_duplicate=True),
        ],
    )


def test_reads_records_skipping_duplicates(dataset: Path) -> None:
    items, duplicates = read_summary_set(dataset)
    assert [i.id for i in items] == ["harbour", "library"]
    assert [i.sentences for i in items] == [2, 3]
    assert duplicates == 1


def test_limit_counts_articles_measured(dataset: Path) -> None:
    items, _ = read_summary_set(dataset, limit=1)
    assert [i.id for i in items] == ["harbour"]


def test_reference_defaults_to_joined_sentences(tmp_path: Path) -> None:
    rec = record("a", HARBOUR, HARBOUR[1:3])
    del rec["reference"]
    items, _ = read_summary_set(write(tmp_path / "x.jsonl", [rec]))
    assert items[0].reference == " ".join(HARBOUR[1:3])


def test_lead_matching_the_reference_scores_one(tmp_path: Path) -> None:
    data = write(tmp_path / "lead.jsonl", [record("harbour", HARBOUR, HARBOUR[:3])])
    result = evaluate_summary(data, systems=[LEAD, "textrank"])
    lead = result.systems[LEAD]
    assert (lead.rouge1, lead.rouge2, lead.rougeL) == (1.0, 1.0, 1.0)
    assert 0.0 < result.systems["textrank"].rouge2 <= 1.0
    assert list(result.systems) == [LEAD, "textrank"]


def test_scores_are_means_over_articles(tmp_path: Path) -> None:
    # Article one: lead is exactly the reference (1.0).  Article two: the reference is two
    # later sentences, so lead scores below 1; the set's score is the mean of the two.
    data = write(
        tmp_path / "mean.jsonl",
        [record("h", HARBOUR, HARBOUR[:2]), record("l", LIBRARY, LIBRARY[3:5])],
    )
    both = evaluate_summary(data, systems=[LEAD]).systems[LEAD].rouge1
    second = evaluate_summary(
        write(tmp_path / "second.jsonl", [record("l", LIBRARY, LIBRARY[3:5])]), systems=[LEAD]
    ).systems[LEAD].rouge1
    assert second < 1.0
    assert both == pytest.approx((1.0 + second) / 2)


def test_default_systems_cover_neutral_lead_and_every_sumy_algorithm() -> None:
    systems = default_systems()
    assert systems[:2] == ("neutral", LEAD)
    assert {"lexrank", "textrank", "lsa", "luhn", "edmundson", "kl", "sumbasic", "reduction", "random"} <= set(systems)


def test_every_system_is_measured_and_bounded(dataset: Path) -> None:
    result = evaluate_summary(dataset)
    assert result.articles == 2
    assert result.duplicates_skipped == 1
    assert set(result.systems) == set(default_systems())
    for scores in result.systems.values():
        for value in (scores.rouge1, scores.rouge2, scores.rougeL):
            assert 0.0 <= value <= 1.0
    payload = result.to_dict()
    assert payload["articles"] == 2
    assert set(payload["systems"]["neutral"]) >= {"rouge1", "rouge2", "rougeL"}
    assert "length_rule" in payload


def test_worker_processes_give_the_same_scores(dataset: Path) -> None:
    systems = ["neutral", LEAD, "lexrank"]
    alone = evaluate_summary(dataset, systems=systems, jobs=1)
    shared = evaluate_summary(dataset, systems=systems, jobs=2)
    assert alone.systems == shared.systems
    assert shared.jobs == 2


def test_unknown_system_is_refused(dataset: Path) -> None:
    with pytest.raises(UnknownAlgorithmError, match="nosuch"):
        evaluate_summary(dataset, systems=["nosuch"])


@pytest.mark.parametrize("jobs", [0, -2])
def test_fewer_than_one_job_is_refused_before_the_file_is_read(tmp_path: Path, jobs: int) -> None:
    with pytest.raises(EvaluationError, match=f"jobs must be at least 1, not {jobs}"):
        evaluate_summary(tmp_path / "absent.jsonl", jobs=jobs)


def test_malformed_line_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(record("h", HARBOUR, HARBOUR[:2])) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"line 2: not valid JSON"):
        read_summary_set(path)


def test_missing_field_names_the_line(tmp_path: Path) -> None:
    rec = record("h", HARBOUR, HARBOUR[:2])
    del rec["reference_sentences"]
    with pytest.raises(InputError, match=r"line 1: .*'reference_sentences'"):
        read_summary_set(write(tmp_path / "x.jsonl", [rec]))


def test_cli_json(dataset: Path) -> None:
    result = CliRunner().invoke(
        app, ["eval", "summary", "--data", str(dataset), "--format", "json", "--systems", "lead,lexrank", "--jobs", "1"]
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["articles"] == 2
    assert list(payload["systems"]) == ["lead", "lexrank"]


def test_cli_table_prints_every_system(dataset: Path) -> None:
    result = CliRunner().invoke(
        app, ["eval", "summary", "--data", str(dataset), "--systems", "neutral,lead,lexrank", "--jobs", "1"]
    )
    assert result.exit_code == 0, result.output
    assert "neutral" in result.stdout and "lead" in result.stdout and "ROUGE-2" in result.stdout
    assert "best sumy algorithm's (lexrank)" in result.stdout


def test_cli_missing_file_is_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "summary", "--data", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0
    assert "no such file" in result.stderr


def test_cli_bad_format_is_usage_error(dataset: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "summary", "--data", str(dataset), "--format", "xml"])
    assert result.exit_code == 2
