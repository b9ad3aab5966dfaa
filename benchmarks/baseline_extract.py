"""The hand-written extractor evenhand used before trafilatura, kept only as the baseline of
``benchmarks/bench_extract.py`` (not part of the package; ``summarizer/extract.py`` now wraps trafilatura).

HTML → article text: the main story of a web page as plain paragraphs, or a one-line reason why not.

A small readability-style extractor on the standard library's :class:`html.parser.HTMLParser`
(no native code, nothing downloaded).  The page is cut into text blocks (paragraphs,
headings, list items, quotations); script, style, navigation, page headers and footers,
asides, forms and elements whose class or id says "menu", "share", "cookie", ... are left
out.  Each paragraph scores its container (and, less, the container's ancestors) by its
length, discounted by the share of link text; the best-scoring container is the article,
with a bonus for ``<article>``, ``<main>`` and ``itemprop="articleBody"``.  A page with no
paragraphs falls back to its visible text; text with no tags at all is returned as is.

The result keeps one paragraph per block, separated by blank lines, with the page's
``<h1>`` (or, failing that, ``<title>``) as the headline line when the article lacks one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from summarizer.errors import InputError

__all__ = ["html_to_text", "looks_like_html"]

# Elements whose content is never article text.
_SKIP = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "canvas", "object",
        "head", "nav", "aside", "footer", "form", "button", "select", "textarea", "menu",
        "figcaption", "dialog",
    }
)
# Skipped only outside an <article>: a page header is navigation, an article's header is its headline.
_SKIP_OUTSIDE_ARTICLE = frozenset({"header"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
# Elements that hold one block of text.
_TEXT_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "dt", "dd", "td", "th"})
# Elements that hold blocks; each can be the article.
_CONTAINERS = frozenset(
    {"div", "section", "article", "main", "body", "html", "ul", "ol", "dl", "table", "tbody", "tr", "center", "font"}
)
_BLOCK = _TEXT_BLOCKS | _CONTAINERS | frozenset({"header", "figure", "address", "hr", "br"})
# An open element of these kinds is closed when another of the same kind starts (HTML's implied end tags).
_SELF_CLOSING_SIBLINGS = frozenset({"p", "li", "dt", "dd", "td", "th", "tr"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

_BOILERPLATE_NAME = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|footer|sidebar|side-bar|comments?|share|sharing|social|related|promo|"
    r"advert|advertisement|banner|cookies?|consent|newsletter|subscribe|subscription|breadcrumbs?|masthead|"
    r"popup|modal|signup|login|widget|sponsored|outbrain|taboola|skip-link|tags)(?:$|[\s_-])",
    re.IGNORECASE,
)
_ARTICLE_NAME = re.compile(r"article|content|story|post|entry|body|text", re.IGNORECASE)
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_LOOKS_LIKE_HTML = re.compile(r"<(?:!doctype\s+html|html|head|body|p|div|article|br)\b", re.IGNORECASE)

_MIN_PARAGRAPH = 25  # characters: shorter blocks are captions, buttons, datelines
_MAX_LINK_DENSITY = 0.5


@dataclass(slots=True)
class _Block:
    tag: str
    text: str
    ancestors: tuple[int, ...]  # element ids of the enclosing containers, outermost first
    link_chars: int = 0


@dataclass(slots=True)
class _Element:
    tag: str
    ident: int
    bonus: float = 1.0


class _Collector(HTMLParser):
    """Cut a page into text blocks, remembering which containers hold each."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[_Block] = []
        self.elements: dict[int, _Element] = {}
        self.title = ""
        self._stack: list[_Element] = []
        self._skip_depth = 0  # > 0 while inside a skipped element
        self._in_title = False
        self._in_pre = 0
        self._in_link = 0
        self._pieces: list[str] = []
        self._link_chars = 0
        self._article_depth = 0
        self._next_id = 0

    # -- structure ----------------------------------------------------------------------

    def _block_tag(self) -> str:
        for element in reversed(self._stack):
            if element.tag in _TEXT_BLOCKS:
                return element.tag
        return "div"

    def _flush(self) -> None:
        if not self._pieces:
            return
        raw = "".join(self._pieces)
        self._pieces = []
        link_chars, self._link_chars = self._link_chars, 0
        if self._in_pre:
            lines = [line.rstrip() for line in raw.strip("\n").split("\n")]
            text = "\n".join(lines).strip()
        else:
            text = "\n".join(_SPACE.sub(" ", line).strip() for line in raw.split("\n"))
            text = "\n".join(line for line in text.split("\n") if line)
        if not text:
            return
        ancestors = tuple(e.ident for e in self._stack if e.tag in _CONTAINERS)
        self.blocks.append(_Block(self._block_tag(), text, ancestors, link_chars))

    def _skips(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        if tag in _SKIP or (tag in _SKIP_OUTSIDE_ARTICLE and not self._article_depth):
            return True
        if tag in {"body", "html", "article", "main"}:
            return False
        names = " ".join(value or "" for key, value in attrs if key in {"class", "id", "role"})
        values = dict(attrs)
        if "hidden" in values or values.get("aria-hidden") == "true":
            return True
        if "display:none" in (values.get("style") or "").replace(" ", "").lower():
            return True
        role = values.get("role") or ""
        if role in {"navigation", "banner", "contentinfo", "complementary", "search"}:
            return True
        return bool(names and _BOILERPLATE_NAME.search(names))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":  # inside <head>, which is otherwise skipped
            self._in_title = not self.title
            return
        if self._skip_depth:
            if tag not in _VOID:
                self._skip_depth += 1
            return
        if self._skips(tag, attrs):
            self._flush()
            if tag not in _VOID:
                self._skip_depth = 1
            return
        if tag == "br":
            self._pieces.append("\n")
            return
        if tag in _VOID:
            if tag == "hr":
                self._flush()
            return
        if tag in _BLOCK:
            self._flush()
            if tag in _SELF_CLOSING_SIBLINGS:
                self._close_open_sibling(tag)
        if tag == "a":
            self._in_link += 1
        if tag == "pre":
            self._in_pre += 1
        if tag == "article":
            self._article_depth += 1
        element = _Element(tag, self._next_id, _bonus(tag, attrs))
        self._next_id += 1
        self.elements[element.ident] = element
        self._stack.append(element)

    def _close_open_sibling(self, tag: str) -> None:
        for position in range(len(self._stack) - 1, -1, -1):
            open_tag = self._stack[position].tag
            if open_tag == tag:
                self._pop_to(position)
                return
            if open_tag in _CONTAINERS and open_tag != "tr":
                return

    def _pop_to(self, position: int) -> None:
        while len(self._stack) > position:
            element = self._stack.pop()
            if element.tag == "a":
                self._in_link = max(0, self._in_link - 1)
            elif element.tag == "pre":
                self._in_pre = max(0, self._in_pre - 1)
            elif element.tag == "article":
                self._article_depth = max(0, self._article_depth - 1)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
            return
        if self._skip_depth:
            if tag not in _VOID:
                self._skip_depth -= 1
            return
        for position in range(len(self._stack) - 1, -1, -1):
            if self._stack[position].tag == tag:
                if tag in _BLOCK or any(e.tag in _BLOCK for e in self._stack[position:]):
                    self._flush()
                self._pop_to(position)
                return

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
            return
        if self._skip_depth:
            return
        self._pieces.append(data)
        if self._in_link:
            self._link_chars += len(data.strip())

    def close(self) -> None:
        HTMLParser.close(self)
        self._flush()


def _bonus(tag: str, attrs: list[tuple[str, str | None]]) -> float:
    values = dict(attrs)
    if values.get("itemprop") == "articleBody":
        return 2.0
    if tag == "article":
        return 1.5
    if tag == "main" or values.get("role") == "main":
        return 1.25
    names = " ".join(values.get(key) or "" for key in ("class", "id"))
    return 1.15 if names and _ARTICLE_NAME.search(names) else 1.0


def _content_score(block: _Block) -> float:
    """How much a block looks like article prose: its length, less its link text."""
    if block.tag not in {"p", "pre", "blockquote", "div", "td", "dd"} or len(block.text) < _MIN_PARAGRAPH:
        return 0.0
    density = block.link_chars / max(1, len(block.text))
    if density > _MAX_LINK_DENSITY:
        return 0.0
    return len(block.text) * (1.0 - density) + 25.0 * block.text.count(",") ** 0.5


def looks_like_html(text: str) -> bool:
    """Whether ``text`` (the first few kilobytes are enough) is an HTML page rather than plain text."""
    return _LOOKS_LIKE_HTML.search(text[:4096]) is not None


def html_to_text(html: str, *, source: str | None = None) -> str:
    """Extract the article text of an HTML page.

    Args:
        html: the page, decoded.
        source: where it came from, used in the error message.

    Returns:
        The article as plain text: the headline, then one paragraph per block, separated
        by blank lines.  Text without any HTML tags is returned unchanged (plain-text fallback).

    Raises:
        InputError: the page has no article text (only navigation, scripts, or nothing).
    """
    name = source or "the HTML input"
    if "<" not in html:
        if html.strip():
            return html
        raise InputError(f"{name}: HTML with no article text")
    collector = _Collector()
    try:
        collector.feed(html)
        collector.close()
    except (AssertionError, ValueError) as exc:  # very malformed markup
        raise InputError(f"{name}: cannot parse the HTML ({exc})") from None

    blocks = collector.blocks
    scores: dict[int, float] = {}
    for block in blocks:
        score = _content_score(block)
        if not score:
            continue
        # Text straight inside a <div> is a paragraph of the div's parent, as a <p> would be.
        chain = block.ancestors[:-1] if block.tag == "div" and len(block.ancestors) > 1 else block.ancestors
        for depth, ident in enumerate(reversed(chain[-3:])):
            scores[ident] = scores.get(ident, 0.0) + score / (1 << depth)
    chosen: list[_Block]
    if scores:
        best = max(scores, key=lambda ident: (scores[ident] * collector.elements[ident].bonus, -ident))
        chosen = [
            b for b in blocks
            if best in b.ancestors and b.link_chars / max(1, len(b.text)) <= _MAX_LINK_DENSITY
        ]
        headline = next((b for b in blocks if b.tag == "h1"), None)
        if not any(b.tag in _HEADINGS for b in chosen[:2]):
            if headline is not None and headline not in chosen:
                chosen.insert(0, headline)
            elif headline is None and collector.title.strip():
                chosen.insert(0, _Block("h1", _SPACE.sub(" ", collector.title).strip(), ()))
    else:
        chosen = blocks  # no paragraphs anywhere: the visible text, block by block
    text = "\n\n".join(b.text for b in chosen).strip()
    if not text:
        raise InputError(f"{name}: HTML with no article text")
    return text + "\n"
