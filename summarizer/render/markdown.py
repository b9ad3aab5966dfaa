"""The ``markdown`` format: the summary, then a table "What was dropped and why".

Text from the input is escaped (:func:`~summarizer.render.sanitize.escape_markdown`):
it reads literally in any CommonMark or GitHub renderer, ``|`` included, so a sentence
can never open a link, an HTML tag, a heading or a new table cell.
"""

from __future__ import annotations

from itertools import groupby

from summarizer.align import DROPPED, TRIMMED, Alignment
from summarizer.model import Summary
from summarizer.render import legend
from summarizer.render.sanitize import escape_markdown


def render_markdown(summary: Summary, alignment: Alignment) -> str:
    """The summary as Markdown: title, notes, the summary paragraphs, measures, then what was dropped."""
    out: list[str] = [f"# {escape_markdown(legend.title(summary))}", ""]
    for note in legend.notes(summary):
        out += [f"> **Note:** {escape_markdown(note)}", ""]

    kept = [row for row in alignment.rows if row.kept]
    if kept:
        for _, rows in groupby(kept, key=lambda row: row.paragraph):
            out += [" ".join(escape_markdown(row.output) for row in rows), ""]
    else:
        out += ["*No sentence was kept.*", ""]

    out += ["## Measures", "", "| measure | original | summary |", "| --- | ---: | ---: |"]
    out += [
        f"| {escape_markdown(m.label)} | {m.original} | {m.summary} |" for m in legend.measures(summary)
    ]
    out.append("")

    dropped = [row for row in alignment.rows if row.status == DROPPED]
    out += ["## What was dropped and why", ""]
    if dropped:
        out += ["| # | sentence | why |", "| ---: | --- | --- |"]
        out += [
            f"| {row.index + 1} | {escape_markdown(row.text)} | {escape_markdown(row.reason or 'dropped')} |"
            for row in dropped
        ]
    else:
        out.append("Nothing was dropped.")
    out.append("")

    trimmed = [row for row in alignment.rows if row.status == TRIMMED]
    if trimmed:
        out += ["## What was trimmed", "", "| # | removed | kept as |", "| ---: | --- | --- |"]
        for row in trimmed:
            removed = "; ".join(escape_markdown(words) for words in legend.removed(row))
            out.append(f"| {row.index + 1} | {removed or '(spacing only)'} | {escape_markdown(row.output)} |")
        out.append("")
    return "\n".join(out)
