"""The reader's settings: how each control changes what is asked of summarize()."""

from __future__ import annotations

import pytest

from summarizer import ALL_ALGORITHMS
from summarizer.errors import BudgetError, OptionsError, UnknownAlgorithmError
from summarizer.options import EDITS, SummaryOptions
from tui.settings import RATIOS, SummarySettings


def test_default_options_are_the_librarys() -> None:
    assert SummarySettings().options() == SummaryOptions()
    assert SummarySettings().options().edit_level == "compress"


def test_options_carry_every_setting() -> None:
    settings = SummarySettings(algorithm="lexrank", ratio=0.5, edits="trim", neutrality=2.0)
    assert settings.options() == SummaryOptions(algorithm="lexrank", ratio=0.5, edits="trim", neutrality=2.0)


def test_a_setting_the_library_refuses_is_an_options_error() -> None:
    with pytest.raises(OptionsError):
        SummarySettings(sentences=2, ratio=0.5).options()


@pytest.mark.parametrize(
    ("current", "change", "available", "expected"),
    [(5, 1, 10, 6), (5, -1, 10, 4), (1, -1, 10, 1), (10, 1, 10, 10)],
)
def test_length_steps_stay_within_the_text(current: int, change: int, available: int, expected: int) -> None:
    settings = SummarySettings(ratio=0.5).with_length(current, change, available=available)
    assert (settings.sentences, settings.ratio) == (expected, None)


def test_ratios_cycle_and_replace_a_sentence_count() -> None:
    settings = SummarySettings(sentences=4)
    seen = []
    for _ in RATIOS:
        settings = settings.next_ratio()
        assert settings.sentences is None
        seen.append(settings.ratio)
    assert tuple(seen) == RATIOS
    assert settings.next_ratio().ratio == RATIOS[0]


@pytest.mark.parametrize("ratio", [0.0, -0.5, 1.5, float("nan")])
def test_a_ratio_out_of_range_is_the_librarys_budget_error(ratio: float) -> None:
    with pytest.raises(BudgetError, match="ratio must be more than 0 and at most 1") as error:
        SummarySettings(sentences=3).with_ratio(ratio)
    assert error.value.options == ("ratio",)
    assert SummarySettings(sentences=3).with_ratio(1.0).ratio == 1.0


def test_algorithms_cycle_through_all_and_reset_the_edit_level() -> None:
    settings = SummarySettings(edits="none")
    names = []
    for _ in ALL_ALGORITHMS:
        names.append(settings.algorithm)
        settings = settings.next_algorithm()
        assert settings.edits is None
    assert tuple(names) == ALL_ALGORITHMS
    with pytest.raises(UnknownAlgorithmError, match="no algorithm") as error:
        settings.with_algorithm("nonsense")
    assert error.value.options == ("algorithm",)
    assert settings.with_algorithm("TextRank").algorithm == "textrank"  # as SummaryOptions reads it


def test_edit_levels_cycle_from_the_algorithms_own() -> None:
    assert SummarySettings().effective_edits() == "compress"
    assert SummarySettings().next_edits().edits == "none"  # compress wraps round to none
    assert SummarySettings(algorithm="lexrank").effective_edits() == "none"
    assert SummarySettings(algorithm="lexrank").next_edits().edits == "trim"
    settings, seen = SummarySettings(edits="none"), []
    for _ in EDITS:
        seen.append(settings.effective_edits())
        settings = settings.next_edits()
    assert tuple(seen) == EDITS
    with pytest.raises(OptionsError, match="no edit level") as error:
        SummarySettings().with_edits("compress-everything")
    assert error.value.options == ("edits",)


def test_neutrality_is_clamped() -> None:
    assert SummarySettings(neutrality=0.1).with_neutrality(-0.25).neutrality == 0.0
    assert SummarySettings(neutrality=4.9).with_neutrality(0.25).neutrality == 5.0
    assert SummarySettings().with_neutrality(0.25).neutrality == 1.25


def test_length_is_described_in_words() -> None:
    assert SummarySettings(sentences=3).describe_length(3) == "3 sentences"
    assert SummarySettings(ratio=0.2).describe_length(1) == "20% (1 sentence)"
    assert SummarySettings().describe_length(4) == "default (4 sentences)"
