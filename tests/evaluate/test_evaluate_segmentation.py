"""``evenhand eval segmentation`` and the evaluation behind it, on tiny sets written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from evenhand.cli import app
from summarizer.errors import InputError
from summarizer.evaluate.segmentation import evaluate_segmentation

RECORDS = [
    {
        "id": "a1",
        "text": "Dr. Lee spoke. Rates rose 3.5%.\n\nMarkets fell.",
        "reference_sentences": ["Rates rose 3.5%.", "Dr. Lee spoke."],
    },
    # A duplicate is skipped.
    {"id": "a2", "text": "Dr. Lee spoke.", "reference_sentences": ["Dr. Lee spoke."], "is_duplicate": True},
    {
        "id": "a3",
        "text": "Prices [rose] today\nAnd then fell.",
        # The reference runs across the headline line, which we split: a miss.
        "reference_sentences": ["Prices [rose] today And then fell.", "And then fell."],
    },
]


def write_jsonl(path: Path, records: list[object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_evaluate_segmentation_counts(tmp_path: Path) -> None:
    result = evaluate_segmentation(write_jsonl(tmp_path / "set.jsonl", RECORDS))
    assert (result.articles, result.reference_sentences, result.matched) == (2, 4, 3)
    assert result.exact_match == pytest.approx(0.75)
    assert result.duplicates_skipped == 1
    assert result.ms_per_article >= 0
    assert [m.record for m in result.misses] == ["a3"]
    assert result.misses[0].segments == ("Prices [rose] today", "And then fell.")
    assert result.misses[0].across_lines
    assert result.misses[0].kind == "across_lines"
    assert result.across_lines == 1


def test_misses_are_sorted_by_what_the_reference_does(tmp_path: Path) -> None:
    records = [
        {
            "id": "k1",
            "text": '"Why now?" he asked. Nobody knew.\n\nPhoto of the pier',
            "reference_sentences": [
                '"Why now?"',  # cut before a lower-case word where a reader reads on
                "he asked.",  # starts after that cut
                "Photo of the pierNobody knew.",  # a caption glued on: not in the text
                'now?" he asked.',  # none of those
            ],
        }
    ]
    result = evaluate_segmentation(write_jsonl(tmp_path / "set.jsonl", records))
    assert [m.kind for m in result.misses] == ["lower_case_cut", "lower_case_cut", "not_in_text", "other"]
    assert (result.lower_case_cut, result.not_in_text, result.across_lines) == (2, 1, 0)
    assert result.to_dict()["misses"][2]["kind"] == "not_in_text"


def test_evaluate_segmentation_limit(tmp_path: Path) -> None:
    result = evaluate_segmentation(write_jsonl(tmp_path / "set.jsonl", RECORDS), limit=1)
    assert (result.articles, result.matched, result.exact_match) == (1, 2, 1.0)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param('{"id": "x", "text": "A."}\n', "line 1: a record needs 'text'", id="no-references"),
        pytest.param('\n{"reference_sentences": []}\n', "line 2: a record needs 'text'", id="no-text"),
        pytest.param("not json\n", "line 1: not valid JSON", id="not-json"),
        pytest.param("[1, 2]\n", "line 1: expected a JSON object", id="not-an-object"),
        pytest.param("\n\n", "no articles", id="empty"),
    ],
)
def test_evaluate_segmentation_bad_records(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        evaluate_segmentation(path)


runner = CliRunner()


def test_cli_json(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "set.jsonl", RECORDS)
    result = runner.invoke(app, ["eval", "segmentation", "--data", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["exact_match"] == pytest.approx(0.75)
    assert data["articles"] == 2
    assert data["ms_per_article"] >= 0
    assert data["misses"][0]["record"] == "a3"


def test_cli_table_prints_text_not_markup(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "set.jsonl", RECORDS)
    result = runner.invoke(app, ["eval", "segmentation", "--data", str(path), "--limit", "5"])
    assert result.exit_code == 0, result.output
    assert "75.00%" in result.stdout
    # "[rose]" from the data is printed as text, not swallowed as a markup tag.
    assert "[rose]" in result.stdout


@pytest.mark.parametrize(
    ("content", "words"),
    [
        pytest.param(None, "no such file", id="missing"),
        pytest.param('{"id": "x"}\n', "line 1", id="record-without-fields"),
    ],
)
def test_cli_errors_are_one_line(tmp_path: Path, content: str | None, words: str) -> None:
    path = tmp_path / "data.jsonl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["eval", "segmentation", "--data", str(path)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("evenhand: error: ")
    assert words in lines[0]
    assert "Traceback" not in result.output


def test_cli_bad_format(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "set.jsonl", RECORDS)
    result = runner.invoke(app, ["eval", "segmentation", "--data", str(path), "--format", "xml"])
    assert result.exit_code == 2
    assert "--format" in result.stderr
