"""What the panes are told to draw: roles, glyphs, offsets, and no control characters; the marks the alignment's."""

from __future__ import annotations

import itertools
from pathlib import Path

from rich.text import Text

from summarizer import Summary, summarize
from summarizer.align import DELETED, INSERTED, Alignment, align
from tui.app import EvenhandApp
from tui.passages import (
    BOILERPLATE_GLYPH,
    DROPPED_GLYPH,
    Block,
    display_text,
    original_blocks,
    summary_blocks,
)
from tui.settings import SummarySettings
from tui.widgets.sentence_pane import SentencePane, wrap_starts


def _roles_of(blocks, sentence: int) -> set[str]:  # type: ignore[no-untyped-def]
    return {role for block in blocks for run in block.runs if run.sentence == sentence for role in run.roles}


def test_every_sentence_is_drawn_once_with_its_role(stored_summary: Summary) -> None:
    blocks = original_blocks(align(stored_summary))
    order = [s for block in blocks for s in block.sentences]
    assert order == list(range(len(stored_summary.decisions)))
    for decision in stored_summary.decisions:
        roles = _roles_of(blocks, decision.index)
        if decision.kept:
            assert "kept" in roles and "glyph" not in roles
        elif decision.boilerplate:
            assert {"boilerplate", "glyph"} <= roles
        else:
            assert {"dropped", "glyph"} <= roles


def test_runs_locate_the_sentence_text_and_glyphs(stored_summary: Summary) -> None:
    for block in original_blocks(align(stored_summary)):
        for run in block.runs:
            piece = block.text[run.start : run.end]
            if "glyph" in run.roles:
                assert piece in {DROPPED_GLYPH, BOILERPLATE_GLYPH}
            elif run.sentence >= 0:
                sentence = stored_summary.decisions[run.sentence].sentence.text
                assert piece in display_text(sentence)


def test_trimmed_words_and_loaded_cues_are_marked(stored_summary: Summary) -> None:
    blocks = original_blocks(align(stored_summary))
    trimmed = [block.text[r.start : r.end] for block in blocks for r in block.runs if "trimmed" in r.roles]
    loaded = [block.text[r.start : r.end] for block in blocks for r in block.runs if "loaded" in r.roles]
    assert any("predictably" in piece for piece in trimmed)
    assert "alarmists" in " ".join(loaded)


def test_summary_pane_shows_kept_outputs_in_paragraphs(stored_summary: Summary) -> None:
    blocks = summary_blocks(align(stored_summary))
    assert [s for block in blocks for s in block.sentences] == [d.index for d in stored_summary.kept]
    assert "\n\n".join(block.text for block in blocks) == stored_summary.text


def test_runs_cover_every_block_end_to_end(stored_summary: Summary) -> None:
    alignment = align(stored_summary)
    for block in (*original_blocks(alignment), *summary_blocks(alignment)):
        edges = [(run.start, run.end) for run in block.runs]
        assert edges[0][0] == 0 and edges[-1][1] == len(block.text)
        assert all(end == start for (_, end), (start, _) in itertools.pairwise(edges))
        assert all(start < end for start, end in edges)


def test_control_characters_and_markup_are_shown_not_obeyed() -> None:
    summary = summarize("Red [bold]alert[/bold] here \x1b[31m now. Second line\tends.\n\nMore text here.")
    text = " ".join(block.text for block in original_blocks(align(summary)))
    assert "[bold]alert[/bold]" in text
    assert "\x1b" not in text and "\u241b" in text
    assert "\t" not in text


def test_wrapping_breaks_at_spaces_and_folds_long_words() -> None:
    text = "one two three four five"
    starts = wrap_starts(text, 9)
    lines = [text[a:b].rstrip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
    assert lines == ["one two", "three", "four five"]
    assert wrap_starts("abcdefghij", 4) == [0, 4, 8]
    wide = "漢字漢字漢字"
    assert all(
        len(wide[a:b]) <= 2 for a, b in zip(wrap_starts(wide, 4), [*wrap_starts(wide, 4)[1:], 6], strict=True)
    )


# An article of our own whose summary (4 sentences, compress) splits a sentence at ", adding" and
# names its speaker again in brackets: the alignment deletes ", adding" and inserts ". [Ms Ruiz] added".
TRAM = (
    "Kelby opens its first tram line\n\n"
    "The new tram line in Kelby opened on Monday after four years of building work.\n\n"
    "Transport Minister Alma Ruiz rode the first tram from the station to the harbour, and has promised "
    "a second line to the airport by 2028.\n\n"
    "Fares on the line will be two pounds for a single journey until the end of the year, the operator said.\n\n"
    "Ms Ruiz said the trams would run every six minutes at peak times, adding that the route had been "
    "planned with residents.\n\n"
    "Shopkeepers on Dock Street said the building work had cost them customers."
)


def _marked(blocks: tuple[Block, ...], role: str) -> list[tuple[int, str]]:
    """``(sentence, text)`` of every stretch with ``role``, adjacent runs of one sentence joined."""
    out: list[tuple[int, str]] = []
    for block in blocks:
        last_end = -1
        for run in block.runs:
            if role not in run.roles:
                continue
            piece = block.text[run.start : run.end]
            if out and out[-1][0] == run.sentence and last_end == run.start:
                out[-1] = (run.sentence, out[-1][1] + piece)
            else:
                out.append((run.sentence, piece))
            last_end = run.end
    return out


def _changed(alignment: Alignment, change: str, side: str) -> list[tuple[int, str]]:
    """``(sentence, text)`` of the alignment's pieces with ``change``, adjacent pieces joined."""
    out: list[tuple[int, str]] = []
    for row in alignment.rows:
        last_end = -1
        for piece in getattr(row, side):
            if piece.change != change:
                continue
            if out and out[-1][0] == row.index and last_end == piece.start:
                out[-1] = (row.index, out[-1][1] + display_text(piece.text))
            else:
                out.append((row.index, display_text(piece.text)))
            last_end = piece.end
    return out


async def test_the_panes_marks_are_the_alignments_pieces(tmp_path: Path) -> None:
    article = tmp_path / "tram.txt"
    article.write_text(TRAM, encoding="utf-8")
    app = EvenhandApp(str(article), settings=SummarySettings(sentences=4, edits="compress"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.reader
        summary, alignment = screen.summary, screen.alignment
        assert summary is not None and alignment is not None
        # The screen's alignment is its summary's, computed once by the worker.
        assert [row.decision for row in alignment.rows] == list(summary.decisions)
        assert alignment == align(summary)
        original = screen.query_one("#original", SentencePane)._blocks
        condensed = screen.query_one("#summary", SentencePane)._blocks

        trimmed = _marked(original, "trimmed")
        inserted = _marked(condensed, "inserted")
        assert trimmed == _changed(alignment, DELETED, "original") == [(4, ", adding")]
        assert inserted == _changed(alignment, INSERTED, "summary") == [(4, ". [Ms Ruiz] added")]
        # Nothing but the alignment's pieces is trimmed, nor inserted in the original.
        assert not _marked(original, "inserted") and not _marked(condensed, "trimmed")
        assert "Ms Ruiz said the trams would run every six minutes at peak times. [Ms Ruiz] added that" in (
            " ".join(block.text for block in condensed)
        )
        subtitle = screen.query_one("#summary", SentencePane).border_subtitle
        assert subtitle is not None and Text.from_markup(str(subtitle)).plain == "added"
