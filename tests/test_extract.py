"""HTML → article text: the story kept, the page furniture left out, a clear error when there is no story."""

from __future__ import annotations

import pytest

from summarizer.errors import InputError
from summarizer.extract import html_to_text, looks_like_html

LEDE = "The town council approved a plan on Tuesday to dredge the old harbour, officials said."
SECOND = "The work, which will cost &pound;2.4m, is due to start in March, the council's engineer said."
THIRD = "Residents had complained about silt for years, and some said the plan came too late."

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><title>Harbour plan approved | The Daily Tide</title>
<style>p {{ color: red }}</style><script>var tracking = "Do not read this script text.";</script></head>
<body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<div class="logo">The Daily Tide</div></header>
<div class="sidebar"><h3>Most read</h3>
<p>A very popular story about a cat that climbed a lighthouse, read by everybody this week.</p></div>
<main><article>
<h1>Harbour plan approved</h1>
<p>{LEDE}</p>
<p>{SECOND}</p>
<figure><img src="harbour.jpg"><figcaption>The harbour at low tide, photographed last year.</figcaption></figure>
<div class="share-tools"><a href="#">Share on social media</a> <a href="#">Email this story</a></div>
<p>{THIRD}</p>
</article></main>
<div id="cookie-banner"><p>We use cookies to improve your experience on this website, accept them all.</p></div>
<footer><p>Copyright 2026 The Daily Tide. All rights reserved in every way there is.</p></footer>
</body></html>
"""


def test_article_paragraphs_are_kept_in_order_with_the_headline_first() -> None:
    text = html_to_text(PAGE)
    paragraphs = text.strip().split("\n\n")
    assert paragraphs == [
        "Harbour plan approved",
        LEDE,
        SECOND.replace("&pound;", "£"),
        THIRD,
    ]


@pytest.mark.parametrize(
    "furniture",
    ["Home", "Most read", "cat that climbed", "script text", "color: red", "cookies", "Copyright", "Share on",
     "low tide", "Daily Tide"],
)
def test_page_furniture_is_left_out(furniture: str) -> None:
    assert furniture not in html_to_text(PAGE)


def test_the_longest_prose_wins_without_an_article_element() -> None:
    page = (
        "<html><body><div id='menu'><ul><li><a href='/a'>One link</a></li><li><a href='/b'>Two</a></li></ul></div>"
        f"<div class='story-body'><p>{LEDE}</p><p>{THIRD}</p></div>"
        "<div><p>Short aside.</p></div></body></html>"
    )
    assert html_to_text(page) == f"{LEDE}\n\n{THIRD}\n"


def test_link_lists_are_not_taken_for_the_article() -> None:
    links = "".join(f"<p><a href='/{i}'>A related headline number {i} that is long enough</a></p>" for i in range(20))
    page = f"<html><body><div>{links}</div><div><p>{LEDE}</p><p>{SECOND}</p></div></body></html>"
    text = html_to_text(page)
    assert "related headline" not in text
    assert LEDE in text


def test_the_title_is_the_headline_when_there_is_no_h1() -> None:
    page = f"<html><head><title>Harbour  plan\napproved</title></head><body><p>{LEDE}</p></body></html>"
    assert html_to_text(page) == f"Harbour plan approved\n\n{LEDE}\n"


def test_line_breaks_and_preformatted_text_survive() -> None:
    page = f"<body><p>{LEDE}<br>{THIRD}</p><pre>line one\n  line two</pre></body>"
    text = html_to_text(page)
    assert f"{LEDE}\n{THIRD}" in text
    assert "line one\n  line two" in text


def test_unclosed_paragraphs_are_closed_by_the_next_one() -> None:
    page = f"<body><div><p>{LEDE}<p>{THIRD}</div></body>"
    assert html_to_text(page) == f"{LEDE}\n\n{THIRD}\n"


def test_a_page_without_paragraphs_falls_back_to_its_visible_text() -> None:
    page = "<html><body><div>Just a line of text in a div.</div><div>Another line.</div></body></html>"
    assert html_to_text(page) == "Just a line of text in a div.\n\nAnother line.\n"


def test_text_without_tags_is_returned_as_is() -> None:
    assert html_to_text("Plain text, no markup at all.\n") == "Plain text, no markup at all.\n"


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title></title><script>var a = 1;</script></head><body><nav><a href='/'>Home</a></nav></body></html>",
        "<html><body>   </body></html>",
        "   \n",
    ],
)
def test_no_article_text_is_a_named_input_error(page: str) -> None:
    with pytest.raises(InputError, match=r"^page\.html: HTML with no article text$"):
        html_to_text(page, source="page.html")


def test_entities_and_non_ascii_are_decoded() -> None:
    page = "<body><p>Caf&eacute; owners &amp; fishers met &#8211; and agreed &ldquo;quickly&rdquo;.</p></body>"
    assert html_to_text(page) == "Café owners & fishers met – and agreed “quickly”.\n"


def test_looks_like_html() -> None:
    assert looks_like_html("<!DOCTYPE html><html><body><p>x</p></body></html>")
    assert looks_like_html("\n  <p>A paragraph</p>")
    assert not looks_like_html("A sentence with a < sign and a > sign.")
    assert not looks_like_html("WASHINGTON, DC – The council met on Tuesday.")


def test_a_blog_layout_keeps_the_post_and_leaves_comments_and_hidden_text() -> None:
    page = f"""<html><body><div id="page"><div id="content">
<article class="post type-post">
<header class="entry-header"><h1 class="entry-title">Harbour plan approved</h1></header>
<div class="entry-content ad-free">
<p>{LEDE}</p>
<p style="display: none">A hidden paragraph that readers never see on the page at all.</p>
<p>{THIRD}</p>
<div class="share-this"><p>Share this story with your friends and family on every network.</p></div>
</div></article>
<div id="comments" class="comments-area"><p>What a terrible decision, the council should resign at once, all of them.</p></div>
</div></div></body></html>"""
    assert html_to_text(page) == f"Harbour plan approved\n\n{LEDE}\n\n{THIRD}\n"
