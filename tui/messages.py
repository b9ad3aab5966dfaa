"""Messages the app's parts send each other, named for what happened (past tense)."""

from __future__ import annotations

from textual.message import Message

from summarizer import Analysis, Document, Summary
from summarizer.align import Alignment
from tui.passages import Block
from tui.settings import SummarySettings


class DocumentRead(Message):
    """The worker read and segmented a new document; its summary is still being made."""

    def __init__(self, document: Document, blocks: tuple[Block, ...], generation: int) -> None:
        super().__init__()
        self.document = document
        self.blocks = blocks
        self.generation = generation


class DocumentAnalysed(Message):
    """The worker analysed the document (cues, bias, boilerplate, words) for the run ``generation``.

    The analysis depends on the text alone, so the screen keeps it for re-summarising.
    """

    def __init__(self, analysis: Analysis, generation: int) -> None:
        super().__init__()
        self.analysis = analysis
        self.generation = generation


class SummaryReady(Message):
    """The worker finished a summary for the current document, aligned it, and laid out both
    panes' text from that one alignment."""

    def __init__(
        self,
        summary: Summary,
        alignment: Alignment,
        settings: SummarySettings,
        generation: int,
        *,
        original: tuple[Block, ...],
        condensed: tuple[Block, ...],
    ) -> None:
        super().__init__()
        self.summary = summary
        self.alignment = alignment
        self.settings = settings
        self.generation = generation
        self.original = original
        self.condensed = condensed


class SummaryFailed(Message):
    """The worker could not read or summarise the input; ``message`` says why in one line."""

    def __init__(self, message: str, source: str | None, generation: int, *, fatal: bool) -> None:
        super().__init__()
        self.message = message
        self.source = source
        self.generation = generation
        self.fatal = fatal


class SentenceClicked(Message):
    """The reader clicked a sentence in one of the panes."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index


class PaneScrolled(Message):
    """The reader scrolled a pane; ``index`` is the sentence now at its top."""

    def __init__(self, pane_id: str, index: int) -> None:
        super().__init__()
        self.pane_id = pane_id
        self.index = index


class SettingsChosen(Message):
    """The reader changed an option in the controls panel."""

    def __init__(self, settings: SummarySettings) -> None:
        super().__init__()
        self.settings = settings


class SettingsApplied(Message):
    """A summary made with ``settings`` is on screen (the app remembers them for next time)."""

    def __init__(self, settings: SummarySettings) -> None:
        super().__init__()
        self.settings = settings
