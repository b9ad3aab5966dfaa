"""HTML → article text through trafilatura: the story kept, page furniture left out, metadata read."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.errors import InputError
from summarizer.extract import extract_article
from summarizer.load import decode_page

WEB = Path(__file__).resolve().parents[1] / "fixtures" / "web"
PAGES = sorted(p.name.removesuffix(".html") for p in WEB.glob("*.html"))

# Text that is on the pages but is not the article (see tests/fixtures/web/_build.py).
FURNITURE = [
    "Accept all", "We and our partners use cookies", "Share this story", "WhatsApp", "Related stories",
    "Ferry timetable", "Comments (3)", "RiverWatcher", "Follow the money", "All rights reserved",
    "Privacy policy", "Most read", "Man rescues swan", "Leave a reply", "Previous post", "Recent posts",
    "Get the morning briefing", "Sign up for our free newsletter", "Subscribe to keep reading",
    "one pound a week", "Bakery marks fifty years", "More from the Courier", "Video unavailable",
    "Load more updates", "Photo 1 of", "Search",
]


def extract(name: str) -> str:
    data = (WEB / f"{name}.html").read_bytes()
    return extract_article(decode_page(data, source=name).text, source=name).text


def paragraphs(text: str) -> list[str]:
    return [" ".join(block.split()) for block in text.split("\n\n") if block.strip()]


def test_there_are_at_least_fifteen_pages_each_with_its_expected_text() -> None:
    assert len(PAGES) >= 15
    for name in PAGES:
        assert (WEB / f"{name}.expected.txt").is_file(), name


@pytest.mark.parametrize("name", PAGES)
def test_every_article_paragraph_comes_out_in_order(name: str) -> None:
    expected = paragraphs((WEB / f"{name}.expected.txt").read_text(encoding="utf-8"))
    produced = paragraphs(extract(name))
    positions = [produced.index(p) for p in expected]  # ValueError: a paragraph is missing or changed
    assert positions == sorted(positions)
    assert produced[0] == expected[0]  # the headline first


@pytest.mark.parametrize("name", PAGES)
def test_page_furniture_is_left_out(name: str) -> None:
    text = extract(name)
    for furniture in FURNITURE:
        assert furniture not in text, furniture


def test_metadata_is_read() -> None:
    data = (WEB / "bridge_budget.html").read_bytes()
    page = extract_article(decode_page(data).text).page
    assert page.title == "Council approves budget for new river footbridge"
    assert page.author == "Jane Marlow"
    assert page.date == "2025-04-02"
    assert page.site_name == "The Valley Courier"
    assert page.url == "https://news.example/2025/bridge-budget"
    assert page.final_url is None


def test_headings_lists_and_quotations_are_blocks_of_their_own() -> None:
    text = extract("repair_cafe")
    assert "\n\nWhat gets mended\n\n" in text
    assert "\n\nBicycles and pushchairs\n\n" in text
    assert "swum at the pool since she was a child." in extract("lido_reopens")


def test_the_title_is_the_headline_when_the_article_has_none() -> None:
    page = (
        "<html><head><title>Harbour plan approved</title></head><body><div><p>The town council approved a plan"
        " on Tuesday to dredge the old harbour, officials said.</p></div></body></html>"
    )
    text = extract_article(page).text
    assert text.startswith("Harbour plan approved\n\nThe town council")


def test_line_breaks_inside_a_paragraph_survive() -> None:
    page = (
        "<html><body><article><p>The first line of an address, which is long enough to keep.<br>"
        "The second line of the same paragraph, also long enough.</p></article></body></html>"
    )
    text = extract_article(page).text
    assert "long enough to keep.\nThe second line" in text


def test_entities_and_non_ascii_are_decoded() -> None:
    page = "<p>Caf&eacute; owners &amp; fishers met &#8211; and agreed &ldquo;quickly&rdquo; on a plan.</p>"
    assert extract_article(page).text == "Café owners & fishers met – and agreed “quickly” on a plan.\n"


def test_an_xml_declaration_is_accepted() -> None:
    page = '<?xml version="1.0" encoding="utf-8"?><html><body><p>An XHTML page with a declaration in front.</p></body></html>'
    assert extract_article(page).text == "An XHTML page with a declaration in front.\n"


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
        extract_article(page, source="page.html")


def test_page_labels_are_left_out_but_headings_and_short_sentences_stay() -> None:
    page = (
        "<html><body><article><h1>Storm live</h1><p>LIVE</p><p>13:12</p>"
        "<p>The storm reached the coast at noon, forecasters said, and roads were closed.</p>"
        "<h2>Roads</h2><p>Gallery</p><p>Closed.</p><p>The A41 reopened in the evening after the water drained.</p>"
        "</article></body></html>"
    )
    blocks = extract_article(page).text.split("\n\n")
    assert "LIVE" not in blocks and "13:12" not in blocks and "Gallery" not in blocks
    assert "Roads" in blocks and "Closed." in blocks and blocks[0] == "Storm live"


def test_metadata_is_one_line_of_plain_text() -> None:
    page = (
        "<html><head><title>Bridge \x1b[31mopens\x1b[0m\n today</title><meta name='author' content='A\u2028B'></head>"
        "<body><article><h1>A headline of the article itself</h1><p>The bridge opened on Monday after two years "
        "of repairs, the council said.</p></article></body></html>"
    )
    page_info = extract_article(page).page
    for value in (page_info.title, page_info.author):
        assert value is not None
        assert not any(ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F or ch in "\u2028\u2029" for ch in value)


def test_extraction_makes_no_connection() -> None:
    """trafilatura and its helpers (htmldate, courlan, tld) must not reach for the network."""
    import subprocess
    import sys

    code = (
        "import socket\n"
        "def refuse(*a, **k):\n"
        "    raise AssertionError('network use during extraction')\n"
        "socket.socket.connect = refuse\n"
        "socket.getaddrinfo = refuse\n"
        "from pathlib import Path\n"
        "from summarizer.load import load_path\n"
        f"for page in sorted(Path({str(WEB)!r}).glob('*.html')):\n"
        "    load_path(page)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
