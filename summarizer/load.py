"""The one loader: a path, bytes, standard input, text or a URL → text → :class:`~summarizer.model.Document`.

Every face (``evenhand summarize``, the batch, ``evenhand view``) reads through here, so a
page is read the same way whichever way it comes in.  The one rule for HTML: a document is
an HTML page when its content type says so (``text/html``, ``application/xhtml+xml``), when
its name ends in ``.html``, ``.htm``, ``.xhtml`` or ``.shtml``, or when the text itself
opens with HTML markup (a doctype, or a tag such as ``<html>``, ``<body>``, ``<p>`` or
``<div>`` first).  An HTML page is reduced to its article by :mod:`summarizer.extract`
(trafilatura), and its title, author, date, site and URLs go into ``Document.page``.

Bytes of an HTML page are decoded by the charset it declares (the HTTP header, then a
``<meta>`` tag), after any byte-order mark; without a declaration, as :func:`summarizer.read.decode`
sniffs them (UTF-8, else cp1252 with a warning).
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import replace
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from summarizer import regex_cache
from summarizer.errors import BinaryInputError
from summarizer.model import Document, WebPage
from summarizer.read import STDIN_NAME, DecodedText, check_not_empty, decode, read_bytes

if TYPE_CHECKING:
    from summarizer.fetch import Fetched, FetchOptions

__all__ = [
    "HTML_SUFFIXES",
    "decode_input",
    "decode_page",
    "is_html",
    "is_url",
    "load_bytes",
    "load_fetched",
    "load_path",
    "load_text",
    "load_url",
    "looks_like_html",
]

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_OPENS_WITH_HTML = regex_cache.compile(
    r"(?:\ufeff)?\s*(?:<!--.*?-->\s*)*(?:<\?xml[^>]*>\s*)?"
    r"<(?:!doctype\s+html|html|head|body|meta|title|p|div|article|main|section|br|h[1-6])\b",
    re.IGNORECASE | re.DOTALL,
)
_META_CHARSET = re.compile(  # bytes: the cache holds str patterns
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
# The WHATWG Encoding Standard reads these labels as windows-1252, as every browser does.
_AS_WINDOWS_1252 = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "cp819"})
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # UTF-32 marks start with these too


def is_url(value: str) -> bool:
    """Whether ``value`` names a web page (``http://`` or ``https://``) rather than a file."""
    return value[:8].lower().startswith(("http://", "https://"))


def looks_like_html(text: str) -> bool:
    """Whether ``text`` opens with HTML markup (comments and an XML declaration may come first)."""
    return _OPENS_WITH_HTML.match(text[:4096]) is not None


def is_html(text: str, *, name: str | None = None, content_type: str | None = None) -> bool:
    """The one rule: HTML by content type, by the name's suffix, or by how the text opens.

    Args:
        text: the decoded text (only its first few kilobytes are looked at).
        name: a file name, path or URL.
        content_type: the media type a server sent (``"text/html"``), if any.
    """
    if content_type is not None and content_type.split(";", 1)[0].strip().lower() in _HTML_TYPES:
        return True
    if name and name != "-":
        path = name.split("?", 1)[0].split("#", 1)[0] if "://" in name else name
        if PurePosixPath(path.replace("\\", "/")).suffix.lower() in HTML_SUFFIXES:
            return True
    return looks_like_html(text)


def _codec(label: str | None) -> str | None:
    """The Python codec for a charset label, or ``None`` when it names none."""
    if not label:
        return None
    lowered = label.strip().lower()
    if lowered in _AS_WINDOWS_1252:
        return "cp1252"
    try:
        return codecs.lookup(lowered).name
    except LookupError:
        return None


def decode_page(data: bytes, *, source: str | None = None, charset: str | None = None) -> DecodedText:
    """Decode a web page: byte-order mark, else the declared charset, else sniffed.

    Args:
        data: the page's bytes.
        source: where they came from, for messages.
        charset: the charset an HTTP header declared; ``None`` looks for ``<meta charset>``.

    Raises:
        EmptyInputError, BinaryInputError, DecodeError: as :func:`summarizer.read.decode`.
    """
    if data.startswith(_BOMS):
        return decode(data, source=source)
    label = charset
    if label is None:
        match = _META_CHARSET.search(data[:4096])
        label = match.group(1).decode("ascii") if match else None
    codec = _codec(label)
    if codec is None or codec == "utf-8" or codec.startswith(("utf-16", "utf-32")):
        decoded = decode(data, source=source)
        if label is not None and codec is None:
            return replace(decoded, warnings=(*decoded.warnings, f"unknown charset {label!r} declared"))
        return decoded
    name = source if source not in (None, "-") else STDIN_NAME if source == "-" else "input"
    if b"\x00" in data:
        raise BinaryInputError(f"{name}: looks like a binary file (it contains NUL bytes), not text")
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        decoded = decode(data, source=source)
        note = f"declared as {label} but not valid {label}"
        return replace(decoded, warnings=(note, *decoded.warnings))
    check_not_empty(text, name)
    return DecodedText(text=text, encoding=codec)


def decode_input(
    data: bytes, *, source: str | None = None, content_type: str | None = None, charset: str | None = None
) -> tuple[DecodedText, bool]:
    """Decode input bytes as the loader does: by the page's charset when HTML, else sniffed.

    Returns:
        The decoded text, and whether the bytes are HTML by the one rule (content type or name;
        text that only looks like HTML is recognised again after decoding).
    """
    html = is_html(data[:4096].decode("latin-1"), name=source, content_type=content_type)
    decoded = decode_page(data, source=source, charset=charset) if html else decode(data, source=source)
    return decoded, html


def load_text(
    text: str,
    *,
    source: str | None = None,
    encoding: str | None = None,
    warnings: tuple[str, ...] = (),
    html: bool | None = None,
    content_type: str | None = None,
    url: str | None = None,
    final_url: str | None = None,
) -> Document:
    """Text (already decoded) → Document, extracting the article first when it is HTML.

    Args:
        text: the text.
        source: where it came from (a path, ``"-"``, a URL), kept on the document.
        encoding: the encoding it was decoded with.
        warnings: notes from reading it.
        html: ``True``/``False`` to say whether it is HTML; ``None`` applies :func:`is_html`.
        content_type: the media type a server sent, for :func:`is_html`.
        url: the page's address, for the extractor.
        final_url: where the page was fetched from after redirects, kept in ``Document.page``.

    Raises:
        InputError: HTML with no article text (and see :func:`summarizer.segment.segment`).
    """
    from summarizer.segment import segment

    if html is None:
        html = is_html(text, name=source, content_type=content_type)
    if not html:
        return segment(text, source=source, encoding=encoding, warnings=warnings)
    from summarizer.extract import extract_article

    label = STDIN_NAME if source == "-" else source
    article = extract_article(text, source=label, url=url or final_url)
    document = segment(article.text, source=source, encoding=encoding, warnings=warnings)
    page: WebPage = replace(article.page, final_url=final_url)
    return replace(document, page=page)


def load_bytes(
    data: bytes,
    *,
    source: str | None = None,
    content_type: str | None = None,
    charset: str | None = None,
    final_url: str | None = None,
) -> Document:
    """Bytes → Document: decoded (by the page's charset when HTML), then :func:`load_text`.

    Raises:
        InputError: empty, binary or undecodable bytes, or HTML with no article text.
    """
    decoded, html = decode_input(data, source=source, content_type=content_type, charset=charset)
    return load_text(
        decoded.text, source=source, encoding=decoded.encoding, warnings=decoded.warnings,
        html=html or None, content_type=content_type, url=source if source and "://" in source else None,
        final_url=final_url,
    )


def load_path(path: str | os.PathLike[str], *, max_bytes: int | None = None, source: str | None = None) -> Document:
    """A file, or standard input when ``path`` is ``"-"`` → Document.

    Args:
        path: the file.
        max_bytes: refuse input larger than this.
        source: the name to keep on the document and use in messages (default: the path).

    Raises:
        InputError: as :func:`summarizer.read.read_bytes` and :func:`load_bytes`.
    """
    name = os.fspath(path)
    return load_bytes(read_bytes(name, max_bytes=max_bytes), source=source or name)


def load_fetched(fetched: Fetched) -> Document:
    """A page from :func:`summarizer.fetch.fetch` → Document (its ``source`` is the URL asked for)."""
    return load_bytes(
        fetched.data, source=fetched.url, content_type=fetched.content_type or None, charset=fetched.charset,
        final_url=fetched.final_url,
    )


def load_url(url: str, *, options: FetchOptions | None = None) -> Document:
    """Fetch ``url`` (see :mod:`summarizer.fetch`) and read it into a Document.

    Raises:
        FetchError: the page could not be fetched.
        InputError: it holds no text, or HTML with no article text.
    """
    from summarizer.fetch import fetch

    return load_fetched(fetch(url, options))
