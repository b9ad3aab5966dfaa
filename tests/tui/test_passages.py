"""What the panes are told to draw: roles, glyphs, offsets, and no control characters."""

from __future__ import annotations

from summarizer import Summary, summarize
from summarizer.align import align
from tui.passages import BOILERPLATE_GLYPH, DROPPED_GLYPH, display_text, original_blocks, summary_blocks
from tui.widgets.sentence_pane import wrap_starts


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
