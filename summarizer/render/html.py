"""The ``html`` format: one self-contained page: the summary, the measures, then the two texts side by side.

No external assets and no JavaScript: the styles are inline, light and dark follow
``prefers-color-scheme``, and a print stylesheet drops the backgrounds.  Each original
sentence is a table row beside what became of it; a dropped sentence is highlighted,
marked ``✗`` and carries its reason on hover (a ``title`` attribute), in the summary
column and in the list "What was dropped and why"; a sentence in which someone speaks names
them under it ("speaker: Maria Quayle (quoted)").  Trimmed words are struck
(``<del>``), loaded words marked (``<mark>``, underlined).  Every colour has a glyph or a
text style as its twin.

All text from the input goes through :func:`html.escape` after its control characters
are made visible, so ``<script>`` in an article is only ever shown.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from itertools import groupby

from summarizer.align import DELETED, DROPPED, INSERTED, TRIMMED, Alignment, Piece, Row
from summarizer.model import Summary
from summarizer.render import legend
from summarizer.render.sanitize import inert, one_line

STYLESHEET = """
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0;
  --head: #f6f8fa; --kept: #1a7f37; --trimmed: #9a6700; --drop: #cf222e;
  --dropped-bg: #ffebe9; --dropped-fg: #59636e; --cue-bg: #fff8c5; --cue-line: #9a6700;
  --del: #cf222e; --ins-bg: #dafbe1; --note-bg: #ddf4ff;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d;
    --head: #151b23; --kept: #3fb950; --trimmed: #d29922; --drop: #f85149;
    --dropped-bg: #2d1618; --dropped-fg: #9198a1; --cue-bg: #3b2e0a; --cue-line: #d29922;
    --del: #ff7b72; --ins-bg: #12361f; --note-bg: #0c2d48;
  }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 96rem; padding: 1.5rem; background: var(--bg); color: var(--fg);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; overflow-wrap: anywhere; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
.meta { color: var(--muted); margin: 0 0 1rem; }
.summary { max-width: 46rem; font-size: 1.05rem; margin-bottom: 1.5rem; }
.summary h2 { margin-top: 0; }
.top { display: flex; flex-wrap: wrap; gap: 1rem 2.5rem; align-items: flex-start; }
table { border-collapse: collapse; }
.measures th, .measures td { padding: .15rem .75rem .15rem 0; text-align: right; }
.measures th:first-child, .measures td:first-child { text-align: left; }
.measures thead th { color: var(--muted); font-weight: normal; border-bottom: 1px solid var(--border); }
.note { background: var(--note-bg); border-left: 4px solid var(--muted); padding: .4rem .75rem; margin: .5rem 0; }
.key { list-style: none; margin: 0; padding: 0; }
.key li { margin: .1rem 0; }
.glyph { display: inline-block; width: 1.2em; font-weight: bold; }
.kept .glyph, .key .kept { color: var(--kept); }
.trimmed .glyph, .key .trimmed { color: var(--trimmed); }
.dropped .glyph, .key .dropped { color: var(--drop); }
.view { width: 100%; table-layout: fixed; margin-top: 1rem; }
.view th { text-align: left; background: var(--head); border-bottom: 2px solid var(--border); padding: .4rem .6rem; }
.view td { vertical-align: top; padding: .35rem .6rem; border-bottom: 1px solid var(--border); overflow-wrap: anywhere; }
.view tbody + tbody tr:first-child td { border-top: 2px solid var(--border); }
.view td.original { border-right: 1px solid var(--border); }
tr.dropped td { background: var(--dropped-bg); }
tr.dropped td.original { color: var(--dropped-fg); }
.reason { font-style: italic; color: var(--muted); }
.num { color: var(--muted); font-size: .8em; margin-right: .3em; }
.speaker { display: block; color: var(--muted); font-size: .8em; }
del { color: var(--del); text-decoration: line-through 2px; }
ins { background: var(--ins-bg); text-decoration: underline; }
mark.cue { background: var(--cue-bg); color: inherit; text-decoration: underline wavy var(--cue-line);
  text-underline-offset: 3px; }
.why td { padding: .2rem .75rem .2rem 0; vertical-align: top; }
.why td:first-child { text-align: right; white-space: nowrap; }
footer { margin-top: 2rem; color: var(--muted); font-size: .85em; }
a { color: inherit; }
@media (max-width: 50rem) { .view, .view tbody, .view tr, .view td { display: block; width: 100%; }
  .view thead { display: none; } .view td.original { border-right: 0; } }
@media print {
  :root { --bg: #fff; --fg: #000; --muted: #444; --dropped-bg: #fff; --cue-bg: #fff; --ins-bg: #fff; --note-bg: #fff; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  tr.dropped td.original { text-decoration: line-through 1px; }
  a { text-decoration: none; }
}
"""


def _e(text: str) -> str:
    """Escape text from the input for HTML, after making its control characters visible."""
    return html.escape(inert(text), quote=True)


def _a(text: str) -> str:
    """Escape text for an attribute value, on one line."""
    return html.escape(one_line(text), quote=True)


def render_html(summary: Summary, alignment: Alignment) -> str:
    """The whole page as a string (UTF-8, ending with a newline)."""
    title = legend.title(summary)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="color-scheme" content="light dark">',
        '<meta name="generator" content="evenhand">',
        f"<title>{_a(title)}</title>",
        f"<style>{STYLESHEET}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{_a(title)}</h1>",
        f'<p class="meta">{_a(_meta(summary))}</p>',
        *(f'<p class="meta page">{_a(line)}</p>' for line in (legend.page_line(summary),) if line),
        *(f'<p class="note" role="note"><strong>Note:</strong> {_a(note)}</p>' for note in legend.notes(summary)),
        "</header>",
        "<main>",
        _summary(alignment),
        '<div class="top">',
        _measures(summary),
        _key(alignment),
        "</div>",
        _view(alignment),
        _why(alignment),
        "</main>",
        '<footer>Made with evenhand: an extractive summary; every sentence is the writer\'s own, '
        "or the writer's own with words removed.</footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _summary(alignment: Alignment) -> str:
    """The summary as it reads: plain paragraphs, as in the original, before anything else."""
    kept = [row for row in alignment.rows if row.kept]
    if not kept:
        body = "<p><em>No sentence was kept.</em></p>"
    else:
        body = "\n".join(
            "<p>" + " ".join(_e(one_line(row.output)) for row in rows) + "</p>"
            for _, rows in groupby(kept, key=lambda row: row.paragraph)
        )
    return f'<section class="summary" aria-label="Summary">\n<h2>Summary</h2>\n{body}\n</section>'


def _meta(summary: Summary) -> str:
    budget = summary.budget
    asked = (
        f"{budget.sentences} sentences" if budget.sentences is not None
        else f"{budget.ratio:.0%} of the sentences" if budget.ratio is not None
        else f"{budget.words} words" if budget.words is not None
        else "the default length"
    )
    trimmed = "trimmed" if summary.trim else "not trimmed"
    return f"algorithm {summary.algorithm} ({summary.engine} engine) · asked for {asked} · {trimmed}"


def _measures(summary: Summary) -> str:
    rows = "".join(
        f"<tr><td>{_a(m.label)}</td><td>{_a(m.original)}</td><td>→ {_a(m.summary)}</td></tr>"
        for m in legend.measures(summary)
    )
    return (
        '<table class="measures"><thead><tr><th scope="col">measure</th><th scope="col">original</th>'
        f'<th scope="col">summary</th></tr></thead><tbody>{rows}</tbody></table>'
    )


def _key(alignment: Alignment) -> str:
    items = [
        f'<li><span class="glyph {status}" aria-hidden="true">{legend.GLYPHS[status]}</span>'
        f"{_a(meaning)} ({alignment.count(status)})</li>"
        for status, meaning in legend.MEANINGS
    ]
    items.append("<li><del>struck words</del> were removed from a kept sentence</li>")
    items.append('<li><mark class="cue">marked words</mark> are loaded wording (cues); hover for the kind</li>')
    items.append("<li>hover over a dropped sentence to read why it was dropped</li>")
    return '<section class="legend" aria-label="Key"><ul class="key">' + "".join(items) + "</ul></section>"


def _view(alignment: Alignment) -> str:
    out = [
        '<table class="view">',
        '<colgroup><col><col></colgroup>',
        '<thead><tr><th scope="col">Original</th><th scope="col">Summary</th></tr></thead>',
    ]
    for _, rows in groupby(alignment.rows, key=lambda row: row.paragraph):
        out.append("<tbody>")
        out.extend(_row(row) for row in rows)
        out.append("</tbody>")
    out.append("</table>")
    return "\n".join(out)


def _plain_marks(row: Row) -> str:
    """The sentence's plain-language marks as it reads in the summary (as written, when dropped)."""
    from summarizer.plain import mark_sentence

    return mark_sentence(row.output or row.text).describe()


def _row(row: Row) -> str:
    glyph = (
        f'<span class="glyph" role="img" aria-label="{row.status}">{legend.GLYPHS[row.status]}</span>'
    )
    number = f'<span class="num">{row.index + 1}</span>'
    hover = f"{row.status}: {row.reason}" if row.reason else row.status
    if row.status == TRIMMED:
        hover = " · ".join(part for part in (f"{row.status}: removed {'; '.join(legend.removed(row))}", row.reason) if part)
    plain = _plain_marks(row)
    if plain:
        hover = f"{hover} · plain language: {plain}"
    speaker = row.decision.speaker
    said = ""
    if speaker is not None:
        how = "quoted" if speaker.quoted else "reported"
        hover = f"{hover} · speaker: {speaker.name} ({how})"
        said = f'<span class="speaker">speaker: {_e(one_line(speaker.name))} ({how})</span>'
    original = f'<td class="original">{glyph}{number}{_pieces(row.original)}{said}</td>'
    if row.status == DROPPED:
        summary = f'<td class="summary"><span class="reason">{glyph}{_a(row.reason or "dropped")}</span></td>'
    else:
        summary = f'<td class="summary">{glyph}{_pieces(row.summary)}</td>'
    return f'<tr class="{row.status}" id="s{row.index + 1}" title="{_a(hover)}">{original}{summary}</tr>'


def _pieces(pieces: Sequence[Piece]) -> str:
    out: list[str] = []
    for change, run in groupby(pieces, key=lambda piece: piece.change):
        inner = "".join(
            f'<mark class="cue" title="{_a(legend.cue_name(piece.cue))}">{_e(piece.text)}</mark>'
            if piece.cue
            else _e(piece.text)
            for piece in run
        )
        if change == DELETED:
            out.append(f'<del title="removed">{inner}</del>')
        elif change == INSERTED:
            out.append(f'<ins title="added">{inner}</ins>')
        else:
            out.append(inner)
    return "".join(out)


def _why(alignment: Alignment) -> str:
    dropped = [row for row in alignment.rows if row.status == DROPPED]
    if not dropped:
        return "<h2>What was dropped and why</h2>\n<p>Nothing was dropped.</p>"
    rows = "\n".join(
        f'<tr><td><a href="#s{row.index + 1}">{row.index + 1}</a></td><td>{_a(row.reason or "dropped")}</td></tr>'
        for row in dropped
    )
    return f'<h2>What was dropped and why</h2>\n<table class="why"><tbody>\n{rows}\n</tbody></table>'
