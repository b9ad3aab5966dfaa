"""The decision for the sentence under the cursor: kept or dropped, scores, cues and reasons."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from summarizer import Decision, Summary
from tui.passages import BOILERPLATE_GLYPH, DROPPED_GLYPH, display_text, sentence_role

_VERDICT = {
    "kept": ("✓ kept", "bold"),
    "dropped": (f"{DROPPED_GLYPH}dropped", "bold"),
    "boilerplate": (f"{BOILERPLATE_GLYPH}dropped as boilerplate", "bold"),
}


def _position(decision: Decision, total: int) -> float:
    """Position weight as the selector saw it, or the plain share through the text."""
    if "position" in decision.factors:
        return float(decision.factors["position"])
    return 1.0 - decision.index / max(1, total)


def details_text(summary: Summary, index: int) -> Text:
    """A plain account of decision ``index`` of ``summary`` (input text is appended as plain text)."""
    decision = summary.decisions[index]
    total = len(summary.decisions)
    verdict, style = _VERDICT[sentence_role(decision)]
    text = Text()
    text.append(verdict, style=style)
    text.append(f"  sentence {index + 1} of {total}", style="dim")
    if decision.reasons:
        text.append("  —  ")
        text.append(display_text(decision.reasons[0].text))
    text.append("\n")
    text.append("importance ", style="bold")
    text.append(f"{decision.score:.2f} (rank {decision.rank})")
    text.append("   bias ", style="bold")
    text.append("not measured" if decision.bias is None else f"{decision.bias:.2f}")
    text.append("   position ", style="bold")
    text.append(f"{_position(decision, total):.2f}")
    others = [(k, v) for k, v in decision.factors.items() if k != "position"]
    for key, value in others:
        text.append(f"   {key} ", style="bold")
        text.append(f"{value:.2f}")
    text.append("\n")
    text.append("cues ", style="bold")
    if decision.cues:
        for number, cue in enumerate(decision.cues):
            if number:
                text.append(" · ")
            text.append(f"{cue.category.replace('_', ' ')} ", style="italic")
            text.append(f"“{display_text(cue.text)}”")
    else:
        text.append("none")
    deletions = [e for e in decision.edits if e.end > e.start]
    if deletions:
        text.append("\n")
        text.append("trimmed ", style="bold")
        for number, edit in enumerate(deletions):
            if number:
                text.append(" · ")
            text.append(f"“{display_text(edit.text)}”", style="strike")
            if edit.replacement:
                text.append(f" → “{display_text(edit.replacement)}”")
    for reason in decision.reasons[1:]:
        text.append("\n")
        text.append("also ", style="bold")
        text.append(display_text(reason.text))
    return text


class DetailsPanel(Static):
    """Shows why the sentence under the cursor was kept or dropped."""

    def show(self, summary: Summary, index: int | None) -> None:
        if index is None or not 0 <= index < len(summary.decisions):
            self.update(Text("No sentence under the cursor."))
        else:
            self.update(details_text(summary, index))
