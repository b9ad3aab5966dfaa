"""The one loader: path, bytes, stdin, text or URL → Document, with one rule for HTML for every face."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from summarizer.errors import BinaryInputError, FetchError, InputError
from summarizer.load import decode_page, is_html, load_bytes, load_path, load_text, load_url, looks_like_html
from tests.web_server import LocalSite

WEB = Path(__file__).resolve().parents[1] / "fixtures" / "web"
ARTICLE = (
    "<!DOCTYPE html><html><head><title>Harbour plan approved</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Harbour plan approved</h1>"
    "<p>The town council approved a plan on Tuesday to dredge the old harbour, officials said.</p>"
    "<p>Residents had complained about silt for years, and some said the plan came too late.</p>"
    "</article></body></html>"
)


@pytest.mark.parametrize(
    ("text", "name", "content_type", "expected"),
    [
        (ARTICLE, "page.txt", None, True),  # by content, whatever the suffix
        ("Plain text that mentions <p> tags.", "page.html", None, True),  # by suffix
        ("Plain text.", "https://news.example/story.html?x=1", None, True),
        ("Plain text.", None, "text/html; charset=utf-8", True),  # by content type
        ("Plain text.", None, "application/xhtml+xml", True),
        ("\ufeff<!-- saved page -->\n<html><body><p>x</p></body></html>", None, None, True),
        ("\n  <p>A paragraph</p>", None, None, True),
        ("A sentence with a < sign and a > sign, and <p> later on.", "story.txt", None, False),
        ("WASHINGTON, DC – The council met on Tuesday.", "-", "text/plain", False),
    ],
)
def test_the_one_rule_for_html(text: str, name: str | None, content_type: str | None, expected: bool) -> None:
    assert is_html(text, name=name, content_type=content_type) is expected


def test_looks_like_html_needs_markup_first() -> None:
    assert looks_like_html("<!doctype html><p>x")
    assert not looks_like_html("Text first, then <html>.")


def test_html_saved_as_txt_is_extracted_not_printed_as_markup(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    document = load_path(path)
    assert "<" not in document.text and "Home" not in document.text
    assert document.text.startswith("Harbour plan approved\n\nThe town council")
    assert document.page is not None and document.page.title == "Harbour plan approved"


def test_plain_text_has_no_page_and_is_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("First sentence here. Second one.\n\nA new paragraph.\n", encoding="utf-8")
    document = load_path(path)
    assert document.text == "First sentence here. Second one.\n\nA new paragraph.\n"
    assert document.page is None and document.encoding == "utf-8"


def test_standard_input_goes_through_the_same_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
    document = load_path("-")
    assert document.source == "-" and document.text.startswith("Harbour plan approved")


def test_bytes_and_text_give_the_same_document() -> None:
    from_bytes = load_bytes(ARTICLE.encode(), source="x")
    from_text = load_text(ARTICLE, source="x")
    assert from_bytes.text == from_text.text and from_bytes.page == from_text.page


def test_the_declared_meta_charset_is_used() -> None:
    data = (WEB / "euro_exchange.html").read_bytes()  # ISO-8859-15 in <meta> only: 0xA4 is €
    decoded = decode_page(data, source="euro")
    assert decoded.encoding == "iso8859-15" and not decoded.warnings
    assert "€4,000" in decoded.text
    assert "€4,000" in load_bytes(data, source="euro").text


def test_the_header_charset_wins_over_the_meta_one() -> None:
    data = '<html><head><meta charset="utf-8"></head><body><p>Caf\u00e9 owners met.</p></body></html>'.encode("cp1252")
    assert decode_page(data, charset="windows-1252").text.count("Café") == 1


def test_iso_8859_1_is_read_as_windows_1252_as_browsers_do() -> None:
    data = '<html><head><meta charset="iso-8859-1"></head><body><p>\u201cQuoted\u201d</p></body></html>'.encode("cp1252")
    decoded = decode_page(data)
    assert decoded.encoding == "cp1252" and "“Quoted”" in decoded.text


def test_without_a_declaration_the_bytes_are_sniffed() -> None:
    assert decode_page("<p>Café</p>".encode()).encoding == "utf-8"
    latin = decode_page("<p>Café</p>".encode("cp1252"))
    assert latin.encoding == "cp1252" and latin.warnings


def test_a_wrong_declaration_falls_back_with_a_warning() -> None:
    data = '<html><head><meta charset="shift_jis"></head><body><p>\x82\xff\xfe</p></body></html>'.encode("latin-1")
    decoded = decode_page(data, source="x")
    assert any("declared as shift_jis" in w for w in decoded.warnings)


def test_an_unknown_charset_is_a_warning() -> None:
    decoded = decode_page(b'<html><head><meta charset="x-no-such"></head><body><p>Hello</p></body></html>')
    assert decoded.encoding == "utf-8" and "unknown charset 'x-no-such' declared" in decoded.warnings


def test_binary_bytes_are_refused_even_with_a_declared_charset() -> None:
    with pytest.raises(BinaryInputError):
        decode_page(b'<meta charset="windows-1252">\x00\x01\x02', source="x")


def test_html_without_an_article_is_a_one_line_input_error(tmp_path: Path) -> None:
    path = tmp_path / "menu.html"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match=r"menu\.html: HTML with no article text$"):
        load_path(path)


def test_a_url_is_fetched_extracted_and_its_metadata_kept(site: LocalSite) -> None:
    document = load_url(site.url("/redirect/1"))
    assert document.source == site.url("/redirect/1")
    assert document.page is not None
    assert document.page.title == "Council approves budget for new river footbridge"
    assert document.page.date == "2025-04-02"
    assert document.page.final_url == site.url("/pages/bridge_budget.html")
    assert "Accept all" not in document.text and "RiverWatcher" not in document.text


def test_a_legacy_encoded_page_from_a_server(site: LocalSite) -> None:
    document = load_url(site.url("/pages/cafe_award.html"))
    assert document.encoding == "cp1252"
    assert "José and Inés Peña" in document.text and "“warm, unfussy service”" in document.text


def test_plain_text_from_a_server_is_read_as_text(site: LocalSite) -> None:
    document = load_url(site.url("/plain"))
    assert document.page is None and document.text.startswith("Library to open on Sundays")


def test_a_url_that_fails_raises_a_fetch_error(site: LocalSite) -> None:
    with pytest.raises(FetchError, match="HTTP 404"):
        load_url(site.url("/status/404"))


@pytest.mark.parametrize("name", sorted(p.name.removesuffix(".html") for p in WEB.glob("*.html")))
def test_every_fixture_served_from_127_0_0_1_yields_its_article_and_metadata(site: LocalSite, name: str) -> None:
    from .test_extract import FURNITURE, paragraphs

    document = load_url(site.url(f"/pages/{name}.html"))
    expected = paragraphs((WEB / f"{name}.expected.txt").read_text(encoding="utf-8"))
    produced = paragraphs(document.text)
    positions = [produced.index(p) for p in expected]
    assert positions == sorted(positions)
    for furniture in FURNITURE:
        assert furniture not in document.text, furniture
    assert document.page is not None and document.page.title == expected[0]
    assert document.page.date is not None and document.page.date[:4] in {"2024", "2025"}
