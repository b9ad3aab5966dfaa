"""The line of numbers above the panes: words, compression, reading grade and cues, before → after."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from summarizer import Summary
from tui.settings import SummarySettings


def stats_text(summary: Summary, settings: SummarySettings) -> Text:
    """The stats line for ``summary`` made with ``settings`` (plain numbers, no markup from input)."""
    stats = summary.stats
    before = stats.readability_original.flesch_kincaid_grade
    after = stats.readability_summary.flesch_kincaid_grade
    text = Text(no_wrap=False)
    text.append("words ", style="bold")
    text.append(f"{stats.words_original:,} → {stats.words_summary:,} ({stats.compression:.0%})")
    text.append(" │ ")
    text.append("grade ", style="bold")
    text.append(f"{before:.1f} → {after:.1f}")
    text.append(" │ ")
    text.append("cues ", style="bold")
    text.append(f"{stats.cues_original:,} → {stats.cues_summary:,}")
    text.append(" │ ")
    text.append(summary.algorithm, style="bold")
    text.append(f" · {settings.describe_length(summary.budget.target)}")
    text.append(f" · edits {summary.edit_level}")
    if summary.algorithm == "neutral":
        text.append(f" · neutrality {settings.neutrality:.2f}")
    return text


class StatsBar(Static):
    """Before-and-after numbers for the summary on screen."""

    def show(self, summary: Summary, settings: SummarySettings) -> None:
        self.update(stats_text(summary, settings))
