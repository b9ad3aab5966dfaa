"""Renderers: golden files for every format, inert hostile input, the seed, the dispatch.

Golden files live in ``tests/golden/``.  After a deliberate change to a renderer, review
the differences and rewrite them with::

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/render/test_render.py -q

The summaries under test are built by hand from ``tests/fixtures/render/*.json``
(:func:`handmade_summary`), so the golden files depend on the renderers alone.
"""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console

from summarizer.align import align
from summarizer.edits import apply_edits
from summarizer.errors import SummaryError
from summarizer.model import (
    Budget,
    Cue,
    Decision,
    Document,
    Edit,
    Paragraph,
    Readability,
    Reason,
    Sentence,
    Stats,
    Summary,
)
from summarizer.render import EXTENSIONS, FORMATS, render, render_terminal
from summarizer.serialize import from_dict

HERE = Path(__file__).parents[1]  # tests/, where fixtures/ and golden/ are
FIXTURES = HERE / "fixtures" / "render"
GOLDEN = HERE / "golden"

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SGR = re.compile(r"\x1b\[[0-9;]*m")


# ---- a Summary built by hand ------------------------------------------------------------


def _readability(texts: list[str]) -> Readability:
    """Simple, stable numbers: the renderers only format them."""
    words = [len(t.split()) for t in texts]
    total = sum(words)
    sentences = len(texts)
    syllables = round(total * 1.4)
    wps = total / sentences if sentences else 0.0
    spw = syllables / total if total else 0.0
    return Readability(
        sentences=sentences,
        words=total,
        syllables=syllables,
        words_per_sentence=round(wps, 2),
        long_sentence_share=round(sum(1 for w in words if w > 20) / sentences, 4) if sentences else 0.0,
        flesch_reading_ease=round(206.835 - 1.015 * wps - 84.6 * spw, 2),
        flesch_kincaid_grade=round(0.39 * wps + 11.8 * spw - 15.59, 2),
    )


def handmade_summary(name: str) -> Summary:
    """A Summary built from ``tests/fixtures/render/<name>.json`` without the pipeline."""
    return summary_from_spec(json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8")))


def summary_from_spec(spec: dict) -> Summary:
    """A Summary from a plan: ``{"source", "paragraphs": [[{"text", "kept", "reason", "cues", "trim"}]]}``."""
    text = ""
    sentences: list[Sentence] = []
    paragraphs: list[Paragraph] = []
    plans: list[dict] = []
    for p, block in enumerate(spec["paragraphs"]):
        if p:
            text += "\n\n"
        first = len(sentences)
        p_start = len(text)
        for k, plan in enumerate(block):
            if k:
                text += " "
            start = len(text)
            text += plan["text"]
            sentences.append(Sentence(len(sentences), p, start, len(text), plan["text"]))
            plans.append(plan)
        paragraphs.append(Paragraph(p, p_start, len(text), first, len(sentences) - 1))
    document = Document(
        text=text, sentences=tuple(sentences), paragraphs=tuple(paragraphs), source=spec.get("source")
    )

    decisions: list[Decision] = []
    n = len(sentences)
    for sentence, plan in zip(sentences, plans, strict=True):
        cues = []
        for category, words in plan.get("cues", []):
            at = sentence.start + sentence.text.index(words)
            cues.append(Cue(category, at, at + len(words), words))
        edits = []
        for words in plan.get("trim", []):
            at = sentence.start + sentence.text.index(words)
            end = at + len(words)
            if text[end : end + 1] == " ":
                end += 1
            kind = next((c.category for c in cues if c.text == words), "trim")
            edits.append(Edit(kind, at, end, text[at:end]))
        kept = plan["kept"]
        decisions.append(
            Decision(
                sentence=sentence,
                kept=kept,
                score=round(1 - sentence.index / n, 4),
                rank=sentence.index + 1,
                output=apply_edits(sentence, edits) if kept else "",
                boilerplate=plan.get("boilerplate", False),
                cues=tuple(cues),
                edits=tuple(edits) if kept else (),
                reasons=(Reason(*plan.get("reason", ("selected", "kept") if kept else ("less_central", "dropped"))),),
            )
        )
    parts: list[str] = []
    last = None
    for d in decisions:
        if d.kept:
            if last is not None:
                parts.append(" " if d.sentence.paragraph == last else "\n\n")
            parts.append(d.output)
            last = d.sentence.paragraph
    content = [d for d in decisions if not d.boilerplate]
    kept_decisions = [d for d in decisions if d.kept]
    words_original = sum(len(d.sentence.text.split()) for d in content)
    words_summary = sum(len(d.output.split()) for d in kept_decisions)
    stats = Stats(
        words_original=words_original,
        words_summary=words_summary,
        compression=round(words_summary / words_original, 4) if words_original else 0.0,
        readability_original=_readability([d.sentence.text for d in content]),
        readability_summary=_readability([d.output for d in kept_decisions]),
        cues_original=sum(len(d.cues) for d in decisions),
        cues_summary=sum(len(d.cues) for d in kept_decisions) - sum(len(d.edits) for d in kept_decisions),
    )
    return Summary(
        document=document,
        algorithm="neutral",
        engine="fast",
        budget=Budget(sentences=6, target=7, note=spec.get("budget_note")),
        decisions=tuple(decisions),
        text="".join(parts),
        stats=stats,
        trim=True,
        notes=tuple(spec.get("notes", ())),
    )


# ---- golden files -----------------------------------------------------------------------

CASES = [
    ("article", "terminal", {"width": 80, "color": False}, "terminal-80"),
    ("article", "terminal", {"width": 60, "color": False}, "terminal-60"),
    ("article", "terminal", {"width": 100, "color": True}, "terminal-color"),
    ("article", "text", {}, "text"),
    ("article", "markdown", {}, ""),
    ("article", "html", {}, ""),
    ("article", "json", {}, ""),
    ("article", "diff", {}, ""),
    ("hostile", "terminal", {"width": 80, "color": False}, "terminal-80"),
    ("hostile", "text", {}, "text"),
    ("hostile", "markdown", {}, ""),
    ("hostile", "html", {}, ""),
    ("hostile", "json", {}, ""),
    ("hostile", "diff", {}, ""),
]


@pytest.mark.parametrize(("fixture", "fmt", "options", "label"), CASES, ids=[f"{c[0]}-{c[3] or c[1]}" for c in CASES])
def test_golden(fixture: str, fmt: str, options: dict, label: str) -> None:
    output = render(handmade_summary(fixture), fmt, **options)
    path = GOLDEN / f"{fixture}{'.' + label if label else ''}{EXTENSIONS[fmt]}"
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(output.encode("utf-8"))
    assert path.exists(), f"{path} is missing: run UPDATE_GOLDEN=1 pytest {__file__}"
    assert output == path.read_bytes().decode("utf-8")


# ---- the dispatch -------------------------------------------------------------------------


def test_formats_and_extensions_agree() -> None:
    assert FORMATS == ("terminal", "text", "markdown", "html", "json", "diff")
    assert set(EXTENSIONS) == set(FORMATS)
    assert all(ext.startswith(".") for ext in EXTENSIONS.values())


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_alignment_given_renders_as_one_made_here(fmt: str) -> None:
    summary = handmade_summary("article")
    assert render(summary, fmt, width=80, alignment=align(summary)) == render(summary, fmt, width=80)


def test_an_alignment_of_another_summary_is_refused() -> None:
    summary, other = handmade_summary("article"), handmade_summary("hostile")
    assert len(other.decisions) != len(summary.decisions)
    with pytest.raises(SummaryError, match="the alignment is of another summary"):
        render(summary, "html", alignment=align(other))


def test_unknown_format_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        render(handmade_summary("article"), "pdf")


def test_colour_decided_like_rich_when_not_a_terminal() -> None:
    # Under pytest standard output is captured, so not a terminal: no colour.
    output = render(handmade_summary("article"), "terminal", width=80)
    assert "\x1b" not in output
    assert "[-_predictably_-]" in output


def test_colour_on_has_styles_and_no_glyph_markers() -> None:
    output = render(handmade_summary("article"), "terminal", width=100, color=True)
    assert "\x1b[" in output
    assert "[-_predictably_-]" not in output
    assert "predictably" in SGR.sub("", output)


@pytest.mark.parametrize("width", [40, 60, 80, 120])
def test_terminal_fits_the_width(width: int) -> None:
    output = render(handmade_summary("article"), "terminal", width=width, color=False)
    assert max(cell_len(line) for line in output.splitlines()) <= width


def test_kept_sentences_level_with_their_source() -> None:
    output = render(handmade_summary("article"), "terminal", width=120, color=False)
    line = next(line for line in output.splitlines() if "✓ A bus route" in line[:60])
    left, right = line[:60], line[60:]
    assert "A bus route" in left and "✓ A bus route" in right


def test_dropped_rows_show_glyph_and_reason_without_colour() -> None:
    output = render(handmade_summary("article"), "terminal", width=120, color=False)
    line = next(line for line in output.splitlines() if "Is this really" in line)
    assert re.match(r" ?\d+ ✗ ", line) and "✗ rhetorical question" in line


def test_terminal_numbers_every_sentence() -> None:
    summary = handmade_summary("article")
    output = render(summary, "terminal", width=120, color=False)
    numbers = [int(m.group(1)) for m in re.finditer(r"^ ?(\d+) [✓✂✗] ", output, re.MULTILINE)]
    assert numbers == list(range(1, len(summary.decisions) + 1))


def test_html_opens_with_the_summary_as_plain_paragraphs() -> None:
    summary = handmade_summary("article")
    page = render(summary, "html")
    summary_at, measures_at, view_at = (page.index(m) for m in ('class="summary"', 'class="measures"', 'class="view"'))
    assert summary_at < measures_at < view_at
    section = page[summary_at : page.index("</section>", summary_at)]
    assert "<del>" not in section and "<mark" not in section and "✗" not in section
    assert section.count("<p>") >= 1


def test_render_terminal_marks_words_on_a_console_without_colour() -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, width=100, no_color=True, color_system=None, _environ={})
    render_terminal(handmade_summary("article"), console)
    assert "[-_predictably_-]" in buffer.getvalue()
    assert "_heated_" in buffer.getvalue()


def test_notes_shown_where_a_reader_sees_them() -> None:
    summary = handmade_summary("article")
    note = "kept 7 so that a quotation stays whole"
    assert note in render(summary, "terminal", width=200, color=False)
    assert note in render(summary, "markdown")
    assert note in render(summary, "html")
    assert render(summary, "markdown").count(note) == 1


def test_text_is_the_summary_alone() -> None:
    summary = handmade_summary("article")
    assert render(summary, "text") == summary.text + "\n"


def test_diff_marks_dropped_and_trimmed_lines() -> None:
    summary = handmade_summary("article")
    lines = render(summary, "diff").splitlines()
    assert lines[0] == "--- riverside-library.txt"
    assert lines[1] == "+++ riverside-library.txt (summary)"
    assert "-Share this article" in lines
    assert "-Critics, who predictably packed the chamber, said the closure would hurt students who use its computers after school." in lines
    assert "+Critics, who packed the chamber, said the closure would hurt students who use its computers after school." in lines
    assert " A bus route that stops at both branches runs every 20 minutes." in lines


def test_markdown_tables_lists_every_dropped_sentence_once() -> None:
    summary = handmade_summary("article")
    output = render(summary, "markdown")
    section = output.split("## What was dropped and why", 1)[1].split("##", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and not line.startswith(("| #", "| -"))]
    assert len(rows) == len(summary.dropped)
    assert "| 13 | Subscribe now for just $1 a week! | boilerplate: call to action |" in rows


def test_json_is_the_schema_plus_alignment() -> None:
    summary = handmade_summary("article")
    data = json.loads(render(summary, "json"))
    alignment = data.pop("alignment")
    assert from_dict(data) == summary
    statuses = [row["status"] for row in alignment["rows"]]
    assert statuses.count("trimmed") == 2
    assert statuses.count("dropped") == len(summary.dropped)
    text = data["document"]["text"]
    for row in alignment["rows"]:
        for piece in row["original"]:
            assert text[piece["start"] : piece["end"]] == piece["text"]


def test_html_is_self_contained() -> None:
    output = render(handmade_summary("article"), "html")
    assert output.startswith("<!DOCTYPE html>")
    lowered = output.lower()
    for needle in ("<script", "<link", "src=", "http://", "https://", "@import", "url("):
        assert needle not in lowered
    assert "prefers-color-scheme: dark" in output
    assert "@media print" in output
    assert 'title="dropped: rhetorical question"' in output
    assert '<del title="removed"><mark class="cue" title="stance adverb">predictably</mark></del>' in output
    assert '<mark class="cue" title="loaded term">heated</mark>' in output


# ---- input is data, never code ------------------------------------------------------------


def _hostile_outputs(summary: Summary) -> dict[str, str]:
    outputs = {fmt: render(summary, fmt, width=80, color=False) for fmt in FORMATS}
    outputs["terminal-color"] = render(summary, "terminal", width=80, color=True)
    return outputs


def _check_inert(summary: Summary) -> None:
    outputs = _hostile_outputs(summary)
    for fmt, output in outputs.items():
        visible = SGR.sub("", output) if fmt == "terminal-color" else output
        assert CONTROL.search(visible) is None, f"{fmt}: a control character came through"
        assert "\u2028" not in output, f"{fmt}: a raw line separator came through"
    lowered = outputs["html"].lower()
    assert "<script" not in lowered and "<img" not in lowered and "<!--" not in lowered
    assert "&lt;script&gt;" in lowered
    data = json.loads(outputs["json"])
    assert data["document"]["text"] == summary.document.text


def test_hostile_input_is_inert_in_every_format() -> None:
    _check_inert(handmade_summary("hostile"))


def test_hostile_rich_markup_printed_literally() -> None:
    summary = handmade_summary("hostile")
    for color in (False, True):
        output = SGR.sub("", render(summary, "terminal", width=200, color=color))
        assert "[bold red]Breaking[/]" in output
        assert "[link=https://evil.example]resigned[/link]" in output
        assert "␛[2J" in output or "[2J" not in output
        assert "␛]8;;https://evil.example/␇this link␛]8;;␇" in output


def test_hostile_markdown_escaped() -> None:
    output = render(handmade_summary("hostile"), "markdown")
    assert "\\<script\\>" in output
    assert "\\[a link\\](https\\://evil\\.example)" in output
    assert "\\# Not a heading" in output
    for line in output.splitlines():
        if line.startswith("| "):
            assert len(re.findall(r"(?<!\\)\|", line)) == 4, line


def test_hostile_source_name_inert() -> None:
    summary = handmade_summary("hostile")
    diff = render(summary, "diff")
    assert diff.splitlines()[0] == "--- evil<script>␛[2J.txt"
    assert "evil&lt;script&gt;␛[2J.txt" in render(summary, "html")


def test_hostile_text_through_the_pipeline() -> None:
    from summarizer import summarize

    spec = json.loads((FIXTURES / "hostile.json").read_text(encoding="utf-8"))
    text = "\n\n".join(" ".join(s["text"] for s in block) for block in spec["paragraphs"])
    _check_inert(summarize(text, source=spec["source"]))


# ---- the seed -------------------------------------------------------------------------------


@pytest.mark.seed
def test_seed_renders_in_every_format(seed_text: str) -> None:
    from summarizer import summarize

    summary = summarize(seed_text, source="slanted-article.txt")
    outputs = {fmt: render(summary, fmt, width=80, color=False) for fmt in FORMATS}
    assert all(outputs.values())
    assert "-Submit a Correction" in outputs["diff"].splitlines()
    assert "Submit a Correction" not in outputs["text"]
    assert "Submit a Correction" in outputs["terminal"]
    assert max(cell_len(line) for line in outputs["terminal"].splitlines()) <= 80
    json.loads(outputs["json"])


def test_json_output_reads_back_as_the_summary() -> None:
    from summarizer.serialize import from_json

    summary = handmade_summary("hostile")
    assert from_json(render(summary, "json")) == summary


def test_renderers_import_neither_textual_nor_typer() -> None:
    import subprocess
    import sys

    code = (
        "import sys, summarizer.render, summarizer.align; "
        "bad = [m for m in ('textual', 'typer') if m in sys.modules]; "
        "print(','.join(bad)); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=HERE.parent, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_hostile_markdown_parses_to_our_structure_only() -> None:
    markdown_it = pytest.importorskip("markdown_it")
    parser = markdown_it.MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    source = render(handmade_summary("hostile"), "markdown")

    def walk(tokens: list) -> list:
        return [t for token in tokens for t in (token, *walk(token.children or []))]

    kinds = {token.type for token in walk(parser.parse(source))}
    assert not kinds & {"html_inline", "html_block", "link_open", "image", "code_inline", "em_open", "s_open"}
    assert sum(1 for token in walk(parser.parse(source)) if token.type == "heading_open") == 4
    assert "<script" not in parser.render(source)


def test_hostile_html_holds_only_our_tags_and_attributes() -> None:
    from html.parser import HTMLParser

    allowed_tags = {
        "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "p", "strong", "div",
        "table", "colgroup", "col", "thead", "tbody", "tr", "th", "td", "section", "ul", "li", "span",
        "del", "ins", "mark", "main", "footer", "a",
    }
    allowed_attributes = {
        "class", "id", "title", "lang", "charset", "name", "content", "role", "aria-label", "aria-hidden", "scope", "href",
    }
    seen: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            seen.append((tag, attrs))

        def handle_comment(self, data: str) -> None:
            raise AssertionError(f"a comment came through: {data!r}")

    Collector().feed(render(handmade_summary("hostile"), "html"))
    assert {tag for tag, _ in seen} <= allowed_tags
    for _, attrs in seen:
        assert {name for name, _ in attrs} <= allowed_attributes
        assert all((value or "").startswith("#s") for name, value in attrs if name == "href")


def test_line_breaks_inside_a_sentence_fold_to_spaces_in_one_line_views() -> None:
    spec = {"source": "wrapped.txt", "paragraphs": [[
        {"text": "The council\nvoted on\r\nTuesday.", "kept": True, "cues": [["loaded_term", "council\nvoted"]]},
        {"text": "It was\tlate.", "kept": False},
    ]]}
    summary = summary_from_spec(spec)
    terminal = render(summary, "terminal", width=120, color=False)
    assert "✓ The _council voted_ on Tuesday." in terminal
    assert "-It was late." in render(summary, "diff").splitlines()
    assert "| 2 | It was late. | dropped |" in render(summary, "markdown")
    assert render(summary, "text") == "The council\nvoted on\nTuesday.\n"
