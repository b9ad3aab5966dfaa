"""The one sanitiser: controls, bidi and invisible characters shown, never obeyed; Markdown that never links."""

from __future__ import annotations

import re

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from summarizer import summarize
from summarizer.render import render
from summarizer.render.sanitize import escape_markdown, inert, one_line

BIDI_AND_INVISIBLE = "\u202e\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061c" \
    "\u200b\u200c\u200d\u2060\ufeff\U000e0041"

LINKY = (
    "Read https://evil.example/x now.",
    "Visit www.evil.example today.",
    "Write to press@evil.example for more.",
    "Old style <http://evil.example> links.",
    "Escaped \\<http://evil.example\\> links.",
    "Mail mailto:press@evil.example or xmpp:bot@evil.example/x please.",
    "Try ftp://files.evil.example/a.zip and evil.com and WWW.EVIL.EXAMPLE too.",
    "A footnote [1](https://evil.example) and ![img](x.png) and [ref][r].",
    "Raw <a href='https://evil.example'>html</a> and <img src=x onerror=alert(1)>.",
    "Entities &lt;b&gt; and &#x3C;script&#x3E; stay text.",
)

GFM = MarkdownIt("commonmark", {"linkify": True}).enable("linkify")


def _renderings(markdown: str) -> list[str]:
    return [
        cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE),
        cmarkgfm.markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE),
        GFM.render(markdown),
    ]


@pytest.mark.parametrize("text", LINKY)
def test_no_renderer_makes_a_link_or_html_of_escaped_text(text: str) -> None:
    for html in _renderings(escape_markdown(text)):
        assert "<a " not in html and "<img" not in html and "<script" not in html, html


@pytest.mark.parametrize("text", LINKY)
def test_raw_text_would_have_linked(text: str) -> None:
    # The cases are real: unescaped, some renderer turns each into a link or HTML.
    if "stay text" in text:
        pytest.skip("entities only")
    assert any("<a " in html or "<img" in html for html in _renderings(text)), text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*"ab.:/@<>[]()!w_*`\\&#;x -", "www.", "http://", "@e.co", "<a href="]),
                max_size=30).map("".join))
def test_escaped_text_never_renders_markup(text: str) -> None:
    for html in _renderings(escape_markdown(text)):
        # Paragraphs, and a code block for a text that starts with four spaces: no link, no HTML.
        body = re.sub(r"</?(p|pre|code)>|<br />", "", html)
        assert "<" not in body, (text, html)


def test_escaping_keeps_the_words() -> None:
    html = cmarkgfm.github_flavored_markdown_to_html(escape_markdown("It cost 3.5 dollars at 10:30: e@x.co"))
    assert html.replace("\u200b", "") == "<p>It cost 3.5 dollars at 10:30: e@x.co</p>\n"


@pytest.mark.parametrize("char", list(BIDI_AND_INVISIBLE))
def test_bidi_and_invisible_characters_are_made_visible(char: str) -> None:
    shown = inert(f"abc{char}def")
    assert char not in shown
    assert f"<U+{ord(char):04X}>" in shown
    assert char not in one_line(f"x{char}\ny")


def test_bidi_controls_are_visible_in_every_human_format_and_exact_in_json() -> None:
    text = "The vote passed on Monday.\u202e Reversed text here. The mayor spoke\u200b later. The clerk counted."
    summary = summarize(text, sentences=2)
    for fmt in ("terminal", "text", "markdown", "html", "diff"):
        output = render(summary, fmt, color=False)
        assert "\u202e" not in output and "\u200b" not in output, fmt
        assert "U+202E" in output, fmt
    assert "\\u202e" in render(summary, "json") and "\u202e" not in render(summary, "json")
