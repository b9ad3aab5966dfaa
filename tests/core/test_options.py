"""The options object: one home for what a summary may be asked, its checks and its edit levels."""

from __future__ import annotations

import json
import math
import pickle
from dataclasses import replace

import pytest

from summarizer import from_json, summarize, to_json
from summarizer.compress import KINDS as COMPRESSION
from summarizer.errors import (
    BudgetError,
    EvenhandError,
    OptionsError,
    UnknownAlgorithmError,
    UnknownLanguageError,
)
from summarizer.options import (
    EDIT_LEVELS,
    EDITS,
    NEUTRALITY_MAX,
    SummaryOptions,
    default_edits,
    edits_for_trim,
    options_from,
)
from summarizer.select import REWORDING

TEXT = """Jail crowding grows in Marsh County

The Marsh County jail held 40 illegal aliens last year, according to the sheriff's office. Sheriff Dana Cole said the jail was built for 300 people and now holds 410.

The county board will vote on Monday on a plan to add 120 beds. The plan would, predictably, cost the county $9 million over five years, the budget office said.

Board member Ruth Alvarez said the county should spend the money on courts instead. "We need faster hearings, not more cells," she said.
"""
TRIMS = (
    "bracketed_insertion", "stance_adverb", "quotation_closed", "quotation_opened", "connective_dropped", "speaker_named",
    "speaker_credited", "pronoun_named", "name_completed",
)


def kinds(summary: object) -> set[str]:
    return {e.kind for d in summary.kept for e in d.edits}  # type: ignore[attr-defined]


# ---- checks ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "error", "names"),
    [
        ({"sentences": 2, "ratio": 0.5}, BudgetError, ("sentences", "ratio")),
        ({"ratio": 0.5, "words": 40}, BudgetError, ("ratio", "words")),
        ({"sentences": 0}, BudgetError, ("sentences",)),
        ({"sentences": 2.5}, BudgetError, ("sentences",)),
        ({"sentences": True}, BudgetError, ("sentences",)),
        ({"words": -4}, BudgetError, ("words",)),
        ({"ratio": 0}, BudgetError, ("ratio",)),
        ({"ratio": 1.5}, BudgetError, ("ratio",)),
        ({"ratio": math.nan}, BudgetError, ("ratio",)),
        ({"algorithm": "bogus"}, UnknownAlgorithmError, ("algorithm",)),
        ({"engine": "gpu"}, UnknownAlgorithmError, ("engine",)),
        ({"language": "klingon"}, UnknownLanguageError, ("language",)),
        ({"edits": "compress-it-all"}, OptionsError, ("edits",)),
        ({"edits": "Reword"}, OptionsError, ("edits",)),
        ({"neutrality": -0.1}, OptionsError, ("neutrality",)),
        ({"neutrality": NEUTRALITY_MAX + 0.01}, OptionsError, ("neutrality",)),
        ({"neutrality": math.inf}, OptionsError, ("neutrality",)),
        ({"neutrality": "1"}, OptionsError, ("neutrality",)),
    ],
)
def test_an_invalid_option_is_an_options_error_naming_it(
    given: dict[str, object], error: type[OptionsError], names: tuple[str, ...]
) -> None:
    with pytest.raises(error) as raised:
        SummaryOptions(**given)  # type: ignore[arg-type]
    assert isinstance(raised.value, OptionsError) and isinstance(raised.value, EvenhandError)
    assert raised.value.options == names
    assert "\n" not in str(raised.value)
    # summarize() checks the same way, whichever way the options come.
    with pytest.raises(error):
        summarize(TEXT, **given)  # type: ignore[arg-type]


def test_the_budget_errors_name_the_option_then_the_problem() -> None:
    with pytest.raises(BudgetError) as raised:
        SummaryOptions(sentences=2, words=3)
    assert str(raised.value) == "sentences and words are mutually exclusive: give one length budget"
    assert raised.value.problem == "are mutually exclusive: give one length budget"


def test_the_limits_are_accepted() -> None:
    for neutrality in (0, 0.0, 1, NEUTRALITY_MAX):
        assert SummaryOptions(neutrality=neutrality).neutrality == neutrality
    assert SummaryOptions(ratio=1).ratio == 1
    assert SummaryOptions(algorithm="TextRank").algorithm == "textrank"


def test_options_are_frozen_comparable_and_pickle() -> None:
    options = SummaryOptions(algorithm="lexrank", words=80, edits="trim", neutrality=2.0)
    with pytest.raises(AttributeError):
        options.words = 3  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(options)) == options  # sent whole to the batch's worker processes
    with pytest.raises(BudgetError):
        replace(options, sentences=3)  # a changed copy is checked again


# ---- edit levels ------------------------------------------------------------------------------


def test_levels_are_ordered_and_each_includes_the_ones_before() -> None:
    assert EDITS == tuple(level.name for level in EDIT_LEVELS) == ("none", "trim", "reword", "compress")
    reword = SummaryOptions(edits="reword")
    assert reword.allows("none") and reword.allows("trim") and reword.allows("reword")
    assert not reword.allows("compress") and SummaryOptions(edits="compress").allows("reword")
    trim = SummaryOptions(edits="trim")
    assert trim.allows("trim") and not trim.allows("reword")
    assert not SummaryOptions(edits="none").allows("trim")


def test_each_algorithm_has_its_own_default_level() -> None:
    assert default_edits("neutral") == SummaryOptions().edit_level == "compress"
    for algorithm in ("lexrank", "textrank", "random"):
        assert default_edits(algorithm) == SummaryOptions(algorithm=algorithm).edit_level == "none"
    assert SummaryOptions().edits is None  # "the algorithm's own", resolved when read
    assert replace(SummaryOptions(), algorithm="textrank").edit_level == "none"


@pytest.mark.parametrize(
    ("trim", "algorithm", "level"),
    [
        (None, "neutral", None), (True, "neutral", "compress"), (False, "neutral", "none"),
        (None, "textrank", None), (True, "textrank", "trim"), (False, "textrank", "none"),
    ],
)
def test_the_old_trim_switch_is_an_alias(trim: bool | None, algorithm: str, level: str | None) -> None:
    assert edits_for_trim(trim, algorithm) == level
    options = options_from(algorithm=algorithm, trim=trim)
    assert options.edit_level == (level or default_edits(algorithm))
    assert summarize(TEXT, algorithm=algorithm, trim=trim, sentences=6) == summarize(
        TEXT, options=options_from(algorithm=algorithm, edits=level, sentences=6)
    )


def test_trim_and_edits_together_are_refused() -> None:
    with pytest.raises(OptionsError) as raised:
        options_from(edits="trim", trim=True)
    assert raised.value.options == ("edits", "trim")


def test_no_edits_leaves_every_kept_sentence_as_written() -> None:
    summary = summarize(TEXT, sentences=6, edits="none")
    assert kinds(summary) == set()
    assert all(d.output == d.sentence.text for d in summary.kept)
    assert summary.edit_level == "none" and not summary.trim


@pytest.mark.parametrize("algorithm", ["neutral", "textrank"])
def test_trim_trims_and_does_not_reword(algorithm: str) -> None:
    summary = summarize(TEXT, algorithm=algorithm, sentences=6, edits="trim")
    assert kinds(summary) == {"stance_adverb"}
    assert "predictably" not in summary.text and "illegal aliens" in summary.text
    assert summary.edit_level == "trim" and summary.trim


@pytest.mark.parametrize("algorithm", ["neutral", "textrank"])
def test_reword_trims_and_rewords(algorithm: str) -> None:
    summary = summarize(TEXT, algorithm=algorithm, sentences=6, edits="reword")
    assert {"stance_adverb", "reworded"} <= kinds(summary)
    assert "immigrants in the country illegally" in summary.text and "illegal aliens" not in summary.text
    assert summary.edit_level == "reword"


def test_on_the_seed_each_level_does_what_it_says(seed_text: str) -> None:
    none, trim, reword, compress = (summarize(seed_text, edits=level) for level in EDITS)
    assert kinds(none) == set()
    assert kinds(trim) and kinds(trim) <= set(TRIMS)
    assert not kinds(trim) & set(REWORDING)
    assert kinds(reword) & set(REWORDING), "rewording rewords the seed"
    assert not kinds(reword) & set(COMPRESSION)
    assert kinds(compress) & set(REWORDING) and summarize(seed_text) == compress


# ---- summarize(options=...) -------------------------------------------------------------------


def test_options_whole_or_as_keywords_give_the_same_summary() -> None:
    options = SummaryOptions(algorithm="lexrank", sentences=3, edits="trim")
    assert summarize(TEXT, options=options) == summarize(TEXT, algorithm="lexrank", sentences=3, edits="trim")
    assert summarize(TEXT, options=SummaryOptions()) == summarize(TEXT)


def test_options_and_keyword_options_together_are_refused() -> None:
    with pytest.raises(OptionsError, match="not both") as raised:
        summarize(TEXT, options=SummaryOptions(), sentences=3)
    assert raised.value.options == ("sentences",)


def test_neutrality_reaches_the_selector() -> None:
    free, strict = (summarize(TEXT, sentences=3, edits="none", neutrality=w) for w in (0, NEUTRALITY_MAX))
    loaded = [d.index for d in free.decisions if d.factors["bias_after_trim"] > 0 and d.factors["value"] > 0]
    assert loaded
    for i in loaded:
        assert strict.decisions[i].factors["value"] < free.decisions[i].factors["value"]


# ---- recorded ---------------------------------------------------------------------------------


def test_json_names_the_level_only_where_trim_does_not_say_it() -> None:
    for algorithm, level, written in [
        ("neutral", "compress", False), ("neutral", "none", False), ("neutral", "trim", True),
        ("neutral", "reword", True),
        ("textrank", "none", False), ("textrank", "trim", False), ("textrank", "reword", True),
    ]:
        summary = summarize(TEXT, algorithm=algorithm, sentences=4, edits=level)
        data = json.loads(to_json(summary))
        assert data["trim"] is (level != "none")
        assert ("edits" in data) is written and data.get("edits", level) == level
        assert from_json(to_json(summary)) == summary
        assert from_json(to_json(summary)).edit_level == level


def test_options_record_their_level_resolved() -> None:
    assert SummaryOptions().to_dict() == {
        "algorithm": "neutral", "sentences": None, "ratio": None, "words": None, "engine": "fast",
        "edits": "compress", "language": "english", "neutrality": 1.0,
    }
    assert SummaryOptions(algorithm="luhn").to_dict()["edits"] == "none"
