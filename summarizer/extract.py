"""HTML → article text and the page's metadata, through trafilatura; or a one-line reason why not.

trafilatura (the best-measured open extractor on the public article-extraction benchmarks)
finds the article and leaves out navigation, banners, share bars, related links and
comments; it also reads the title, author, date, site name and canonical URL.  This module
only turns its result into evenhand's text: one paragraph per block (paragraph, heading,
list item, quotation, table row), separated by blank lines, with the headline first.

What it adds to trafilatura, and why:

- **Paragraph layout.**  trafilatura's plain-text output puts one block a line; evenhand's
  segmenter reads a blank line as a paragraph break, so the blocks are laid out from its
  XML tree instead.
- **The headline.**  A page whose ``<h1>`` sits outside the article element gets its title
  as the first line, as a reader sees it.
- **Page labels left out.**  A block that is not a heading and has no letters (a live blog's
  "13:12") or is one word without a full stop ("LIVE", "Gallery", "Advertisement") is a label
  of the page, not prose; trafilatura keeps them, and a summary would otherwise pick them as
  short, plain "sentences".
- **"No article" is an error.**  On a page with no article trafilatura's fallbacks return
  what they can (often the menu's link text); a result without a single block of four
  words or more is refused with a one-line :class:`~summarizer.errors.InputError`.

trafilatura (and lxml) are imported on first use, so plain text never pays for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from summarizer import regex_cache
from summarizer.errors import InputError
from summarizer.model import WebPage

__all__ = ["Article", "extract_article"]

_SPACE = regex_cache.compile(r"[ \t\r\n\f\v\u00a0]+")
_CONTROL = regex_cache.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_XML_DECLARATION = regex_cache.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
_NESTED_BLOCKS = frozenset({"p", "head", "list", "quote", "table"})
_MIN_BLOCK_WORDS = 4
_LINK_SHARE = 0.9
_CLOSING = (".", "!", "?", '"', "”", "’", "'", ")", ":")  # a page whose longest block is shorter has no article (menus, buttons)


@dataclass(frozen=True, slots=True)
class Article:
    """The article text of a page and what the page says about itself."""

    text: str
    page: WebPage


def _inline_text(element: Any) -> str:
    """The text of one block; ``<lb/>`` becomes a line break."""
    pieces: list[str] = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            pieces.append("\n")
        else:
            pieces.append(_inline_text(child))
        pieces.append(child.tail or "")
    return "".join(pieces)


def _all_links(element: Any) -> bool:
    """Whether a block's text is (nearly) all link text: a menu item or a "read more" pointer."""
    text = "".join(element.itertext())
    linked = sum(len("".join(ref.itertext())) for ref in element.iter("ref"))
    letters = len(text.strip())
    return letters > 0 and linked >= _LINK_SHARE * letters


def _is_label(text: str) -> bool:
    """A page label rather than prose: no letters at all, or one word without closing punctuation."""
    if not any(ch.isalpha() for ch in text):
        return True
    return len(text.split()) == 1 and not text.endswith(_CLOSING)


def _clean(text: str, *, keep_spaces: bool = False) -> str:
    if keep_spaces:
        return "\n".join(line.rstrip() for line in text.strip("\n").split("\n")).strip()
    lines = (_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _blocks(element: Any) -> list[str]:
    """The blocks of trafilatura's ``<body>`` (or of a list or table in it), in order."""
    blocks: list[str] = []
    for child in element:
        tag = child.tag
        if tag in {"list", "table"}:
            blocks.extend(_blocks(child))
        elif tag == "row":
            if any(block.tag in _NESTED_BLOCKS for cell in child for block in cell):
                # A layout table (a page laid out in cells): each cell's paragraphs are blocks.
                for cell in child:
                    lead = _clean(cell.text or "")
                    if lead:
                        blocks.append(lead)
                    blocks.extend(_blocks(cell))
            else:
                cells = [_clean(_inline_text(cell)) for cell in child if not _all_links(cell)]
                row = " | ".join(cell for cell in cells if cell)
                if row:
                    blocks.append(row)
        elif tag == "lb":
            pass
        elif isinstance(tag, str):  # not a comment or processing instruction
            if tag != "head" and _all_links(child):
                continue
            text = _clean(_inline_text(child), keep_spaces=tag == "code")
            if text and (tag == "head" or not _is_label(text)):
                blocks.append(text)
        tail = _clean(child.tail or "")
        if tail:
            blocks.append(tail)
    return blocks


def _parse(html: str, name: str) -> Any:
    import lxml.etree
    import lxml.html

    # lxml refuses a str that declares its own encoding: the text is decoded already.
    html = _XML_DECLARATION.sub("", html, count=1)
    try:
        return lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        raise InputError(f"{name}: HTML with no article text") from None


def _metadata_value(value: Any) -> str | None:
    """One line of plain text: white space collapsed, control characters (ESC, C1, ...) removed."""
    if value is None:
        return None
    text = _CONTROL.sub("", _SPACE.sub(" ", str(value))).strip()
    return text or None


def extract_article(html: str, *, source: str | None = None, url: str | None = None) -> Article:
    """Extract the article text and metadata of an HTML page.

    Args:
        html: the page, decoded.
        source: where it came from, used in the error message.
        url: the page's address, when it was fetched (helps trafilatura resolve the
            canonical URL and the date).

    Returns:
        The article: the headline, then one paragraph per block separated by blank lines,
        ending with a line break; and the page's title, author, date, site name and
        canonical URL (``final_url`` is left to the caller).

    Raises:
        InputError: the page has no article text (only navigation, scripts, or nothing).
    """
    import trafilatura

    name = source or "the HTML input"
    tree = _parse(html, name)
    result: Any = trafilatura.bare_extraction(
        tree,
        url=url,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=True,  # to leave out blocks that are only links; the text keeps no URLs
        with_metadata=True,
    )
    if result is None or result.body is None:
        raise InputError(f"{name}: HTML with no article text")
    blocks = _blocks(result.body)
    if not any(len(block.split()) >= _MIN_BLOCK_WORDS for block in blocks):
        raise InputError(f"{name}: HTML with no article text")
    title = _metadata_value(result.title)
    opens_with_heading = any(child.tag == "head" for child in list(result.body)[:2])
    if title and not opens_with_heading and blocks[0] != title:
        blocks.insert(0, title)
    page = WebPage(
        title=title,
        author=_metadata_value(result.author),
        date=_metadata_value(result.date),
        site_name=_metadata_value(result.sitename),
        url=_metadata_value(result.url),
    )
    return Article(text="\n\n".join(blocks) + "\n", page=page)
