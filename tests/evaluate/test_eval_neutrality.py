"""Tests for ``summarizer.evaluate.neutrality`` and ``evenhand eval neutrality`` on tiny sets we wrote."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from evenhand.cli import app
from summarizer import summarize
from summarizer.errors import InputError
from summarizer.evaluate.neutrality import (
    DEFAULT_SYSTEMS,
    RatedArticle,
    RatedSentence,
    evaluate_neutrality,
    measure_article,
    read_rated_articles,
)
from summarizer.segment import segment

# Eight sentences about one event, scored 1-4 as a crowd might.
BRIDGE = [
    ("The river bridge closed on Tuesday for repairs to its deck.", 1.25),
    ("Shockingly, the reckless officials slammed the door on commuters yet again.", 3.75),
    ("Engineers expect the work to take three weeks.", 1.0),
    ("Buses will run every ten minutes between the two banks.", 1.5),
    ("The greedy contractor is once more cashing in on public money.", 3.5),
    ("The repairs cost two hundred thousand pounds, the council said.", 1.25),
    ("Drivers were advised to use the ring road at peak times.", 1.75),
    ("Nobody in charge seems to care about the people stuck in traffic.", 3.25),
]
MARKET = [
    ("The farmers market moved to the old station yard this week.", 1.5),
    ("Stallholders said the new site has more room for vans.", 1.0),
    ("The radical plan was forced through by out-of-touch elites.", 4.0),
    ("The market opens every Saturday from eight until two.", 1.0),
]


def lim_record(identifier: str, rows: list[tuple[str, float]], *, shuffle: bool = False) -> dict[str, Any]:
    sentences = [
        {
            "index": i,
            "sentence": text,
            "scores": [round(score)] * 4,
            "mean_score": score,
            "label": "biased" if score >= 2.5 else "non-biased",
        }
        for i, (text, score) in enumerate(rows)
    ]
    if shuffle:
        sentences.reverse()
    return {"id": identifier, "title": "", "text": " ".join(t for t, _ in rows), "sentences": sentences}


def write(path: Path, records: list[Any]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def lim(tmp_path: Path) -> Path:
    return write(tmp_path / "lim.jsonl", [lim_record("bridge", BRIDGE), lim_record("market", MARKET, shuffle=True)])


def test_reads_lim_articles_in_index_order(lim: Path) -> None:
    form, articles, skipped = read_rated_articles(lim)
    assert form == "lim"
    assert skipped == 0
    assert [a.id for a in articles] == ["bridge", "market"]
    assert [s.text for s in articles[1].sentences] == [t for t, _ in MARKET]
    assert [s.score for s in articles[0].sentences] == [s for _, s in BRIDGE]


def test_article_mean_and_lead_are_exact(lim: Path) -> None:
    result = evaluate_neutrality(lim, systems=["lead"])
    bridge_mean = sum(s for _, s in BRIDGE) / len(BRIDGE)
    market_mean = sum(s for _, s in MARKET) / len(MARKET)
    assert result.article_mean == pytest.approx((bridge_mean + market_mean) / 2)
    # 25% of 8 is 2 sentences; of 4, 1 sentence.
    bridge_lead = (BRIDGE[0][1] + BRIDGE[1][1]) / 2
    assert result.systems["lead"] == pytest.approx((bridge_lead + MARKET[0][1]) / 2)
    assert result.below_article_mean["lead"] == 1  # bridge's lead is above its mean, market's below
    assert result.lowest_possible == pytest.approx(((1.0 + 1.25) / 2 + 1.0) / 2)
    assert result.mismatches == ()


def test_kept_bias_is_the_mean_score_of_the_kept_sentences() -> None:
    article = RatedArticle("bridge", tuple(RatedSentence(t, s) for t, s in BRIDGE))
    measured = measure_article(article, ["textrank", "neutral"])
    document = segment("\n\n".join(t for t, _ in BRIDGE))
    assert len(document.sentences) == len(BRIDGE)
    for system in ("textrank", "neutral"):
        kept = [d.index for d in summarize(document, algorithm=system, ratio=0.25).decisions if d.kept]
        assert kept
        assert measured.kept[system] == pytest.approx(sum(BRIDGE[i][1] for i in kept) / len(kept))
    assert measured.mismatch is None


def test_a_rated_sentence_that_splits_is_reported_and_its_pieces_share_its_score() -> None:
    rows = [*BRIDGE[:3], ("Traffic was heavy. Queues reached the ring road by noon.", 1.5)]
    article = RatedArticle("split", tuple(RatedSentence(t, s) for t, s in rows))
    measured = measure_article(article, ["lead"])
    assert measured.mismatch is not None
    assert measured.mismatch.rated == 4
    assert measured.mismatch.segmented == 5
    assert measured.mismatch.example == rows[3][0]
    # lead keeps round(0.25 * 5) = 1 segmented sentence: the first.
    assert measured.kept["lead"] == BRIDGE[0][1]


def test_reads_mbic_grouped_by_article_in_article_order(tmp_path: Path) -> None:
    first = "A council voted to close the pool. Swimmers were angry. The pool will reopen in May. Fees will rise."
    second = "The town fair drew a crowd. Organisers were pleased."

    def row(i: int, sentence: str, label: str, article_text: str) -> dict[str, Any]:
        return {"id": f"m{i}", "sentence": sentence, "label": label, "article": article_text, "group_id": 1}

    data = write(
        tmp_path / "mbic.jsonl",
        [
            row(1, "The pool will reopen in May.", "non-biased", first),
            row(2, "The town fair drew a crowd.", "biased", second),
            row(3, "A council voted to close the pool.", "biased", first),
            row(4, "Swimmers were angry.", "no-agreement", first),
            {**row(5, "The band played late.", "biased", ""), "news_link": "https://example.org/fair"},
            {**row(6, "Parking was free.", "non-biased", ""), "news_link": "https://example.org/fair"},
        ],
    )
    form, articles, skipped = read_rated_articles(data)
    assert form == "mbic"
    assert skipped == 1
    assert len(articles) == 3
    assert [s.text for s in articles[2].sentences] == ["The band played late.", "Parking was free."]
    pool = articles[0]
    assert [s.text for s in pool.sentences] == ["A council voted to close the pool.", "The pool will reopen in May."]
    assert [s.score for s in pool.sentences] == [1.0, 0.0]
    result = evaluate_neutrality(data, systems=["lead"])
    assert result.article_mean == pytest.approx(((1.0 + 0.0) / 2 + 1.0 + (1.0 + 0.0) / 2) / 3)
    assert evaluate_neutrality(data, systems=["lead"], min_sentences=2).articles == 2


def test_unknown_format_names_the_line(tmp_path: Path) -> None:
    data = write(tmp_path / "x.jsonl", [{"id": 1, "text": "Hello there."}])
    with pytest.raises(InputError, match=r"line 1: neither format"):
        read_rated_articles(data)


def test_bad_lim_sentence_names_the_line(tmp_path: Path) -> None:
    bad = lim_record("bridge", BRIDGE)
    del bad["sentences"][2]["mean_score"]
    data = write(tmp_path / "x.jsonl", [lim_record("market", MARKET), bad])
    with pytest.raises(InputError, match=r"line 2: sentence 3 needs"):
        read_rated_articles(data)


def test_bad_mbic_label_names_the_line(tmp_path: Path) -> None:
    data = write(tmp_path / "x.jsonl", [{"sentence": "A b c.", "label": "maybe", "article": "A b c."}])
    with pytest.raises(InputError, match=r"line 1: 'label' must be"):
        read_rated_articles(data)


def test_cli_json_has_every_default_system(lim: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "neutrality", "--data", str(lim), "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["articles"] == 2
    assert set(payload["systems"]) == set(DEFAULT_SYSTEMS)
    assert all("mean_bias" in v for v in payload["systems"].values())
    assert isinstance(payload["article_mean"], float)


def test_cli_table_and_limit(lim: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "neutrality", "--data", str(lim), "--limit", "1"])
    assert result.exit_code == 0, result.output
    # the title wraps with the path's length, so the count is read from the table's row
    assert "1 of 1" in result.stdout and "2 of" not in result.stdout
    assert "article mean" in result.stdout


def test_cli_unknown_system_is_one_line_error(lim: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "neutrality", "--data", str(lim), "--systems", "neutral,bogus"])
    assert result.exit_code == 1
    assert "bogus" in result.stderr
    assert result.stderr.strip().count("\n") == 0


def test_standard_error_share_below_and_spearman(lim: Path) -> None:
    result = evaluate_neutrality(lim)
    for name in DEFAULT_SYSTEMS:
        kept = [measure_article(a, [name]).kept[name] for a in read_rated_articles(lim)[1]]
        mean = sum(kept) / 2
        expected = (sum((k - mean) ** 2 for k in kept) / 1 / 2) ** 0.5
        assert result.standard_errors[name] == pytest.approx(expected)
    # The loaded sentences we wrote are the ones the crowd rated high: the score tracks them.
    assert result.spearman > 0.5
    assert -1.0 <= result.length_spearman <= 1.0
    payload = result.to_dict()
    assert payload["bias_score_spearman"] == pytest.approx(result.spearman, abs=1e-4)
    lead = payload["systems"]["lead"]
    assert lead["share_below_mean"] == pytest.approx(lead["articles_below_mean"] / 2)
    assert lead["standard_error"] == pytest.approx(result.standard_errors["lead"], abs=1e-4)


def test_one_article_has_no_standard_error(lim: Path) -> None:
    result = evaluate_neutrality(lim, limit=1)
    assert result.to_dict()["systems"]["lead"]["standard_error"] is None


def test_cli_table_shows_spearman(lim: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "neutrality", "--data", str(lim)])
    assert result.exit_code == 0, result.output
    assert "Spearman of the bias score" in result.stdout
