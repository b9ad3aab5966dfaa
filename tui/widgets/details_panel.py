"""The decision for the sentence under the cursor: kept or dropped, reasons, speaker, cues and scores.

The lines come in order of what a reader needs first (the verdict and its reason, the cues,
what was trimmed, then the numbers), and the strip scrolls rather than cut off what does
not fit, so a small terminal loses nothing.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from summarizer import Decision, Summary
from summarizer.cues import quote_once
from summarizer.plain import mark_sentence
from tui.passages import BOILERPLATE_GLYPH, DROPPED_GLYPH, display_text, sentence_role

_VERDICT = {
    "kept": ("✓ kept", "bold"),
    "dropped": (f"{DROPPED_GLYPH}dropped", "bold"),
    "boilerplate": (f"{BOILERPLATE_GLYPH}dropped as boilerplate", "bold"),
}

#: The selector's factor names in plain words (unknown ones are shown with spaces for underscores).
FACTOR_LABELS = {
    "position": "position",
    "centrality": "centrality",
    "attributed": "attributed",
    "bias_after_trim": "bias after trimming",
    "context": "stands alone",
    "value": "value used for selection",
    "new_facts": "new facts",
}


def factor_label(name: str) -> str:
    """A factor's name as the details show it: ``"bias_after_trim"`` → ``"bias after trimming"``."""
    return FACTOR_LABELS.get(name, name.replace("_", " "))


def _position(decision: Decision, total: int) -> float:
    """Position weight as the selector saw it, or the plain share through the text."""
    if "position" in decision.factors:
        return float(decision.factors["position"])
    return 1.0 - decision.index / max(1, total)


def _figure(text: Text, label: str, value: str, *, first: bool = False) -> None:
    if not first:
        text.append(" · ", style="dim")
    text.append(f"{label} ", style="bold")
    text.append(value)


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
    text.append("cues ", style="bold")
    if decision.cues:
        for number, cue in enumerate(decision.cues):
            if number:
                text.append(" · ")
            text.append(f"{cue.category.replace('_', ' ')} ", style="italic")
            text.append(quote_once(display_text(cue.text)))
    else:
        text.append("none")

    if decision.speaker is not None:
        text.append("\n")
        text.append("speaker ", style="bold")
        text.append(display_text(decision.speaker.name))
        text.append(" (quoted)" if decision.speaker.quoted else " (reported)", style="dim")

    deletions = [e for e in decision.edits if e.end > e.start]
    if deletions:
        text.append("\n")
        text.append("trimmed ", style="bold")
        for number, edit in enumerate(deletions):
            if number:
                text.append(" · ")
            text.append(quote_once(display_text(edit.text)), style="strike")
            if edit.replacement:
                text.append(f" → {quote_once(display_text(edit.replacement))}")

    marks = mark_sentence(decision.output if decision.kept else decision.sentence.text)
    if marks.marked:
        text.append("\n")
        text.append("plain ", style="bold")
        text.append(display_text(marks.describe()))

    # The rank is the selector's order: by the value it weighed when it has one, else by importance.
    factors = dict(decision.factors)
    value = factors.pop("value", None)
    ranked = f" (rank {decision.rank} of {total})"
    text.append("\n")
    _figure(text, "importance", f"{decision.score:.2f}" + ("" if value is not None else ranked), first=True)
    if value is not None:
        _figure(text, factor_label("value"), f"{value:.2f}{ranked}")
    _figure(text, "bias", "not measured" if decision.bias is None else f"{decision.bias:.2f}")
    if decision.bias_quoted:
        # The two kinds of loadedness call for different treatment: reword the writer's, balance the quoted.
        _figure(text, "writer's framing", f"{decision.bias_framing or 0.0:.2f}")
        _figure(text, "quoted from a source", f"{decision.bias_quoted:.2f}")
    if "bias_after_trim" in factors:
        _figure(text, factor_label("bias_after_trim"), f"{factors.pop('bias_after_trim'):.2f}")
    _figure(text, "position", f"{_position(decision, total):.2f}")
    factors.pop("position", None)
    for key, weight in factors.items():
        _figure(text, factor_label(key), f"{weight:.0f}" if key == "new_facts" else f"{weight:.2f}")

    for reason in decision.reasons[1:]:
        text.append("\n")
        text.append("also ", style="bold")
        text.append(display_text(reason.text))
    return text


class DetailsPanel(VerticalScroll, can_focus=False):
    """Shows why the sentence under the cursor was kept or dropped; scrolls when it does not fit."""

    def compose(self) -> ComposeResult:
        yield Static(Text("No sentence under the cursor."), id="details-text")

    @property
    def text(self) -> str:
        """What the panel says now, as plain text."""
        return str(self.query_one("#details-text", Static).render())

    def show(self, summary: Summary, index: int | None) -> None:
        if index is None or not 0 <= index < len(summary.decisions):
            content = Text("No sentence under the cursor.")
        else:
            content = details_text(summary, index)
        self.query_one("#details-text", Static).update(content)
        self.scroll_home(animate=False)
