"""Make input text inert: control characters shown, never obeyed.

The input is data.  An article may hold terminal escapes (``ESC[2J`` clears a screen,
``ESC]8;;…BEL`` opens a hyperlink), a NUL, a bell or the 8-bit C1 controls (``\\x9b`` is
a one-byte CSI to many terminals).  Every renderer that prints text for a person passes
it through :func:`inert` first, which replaces each such character with a visible glyph:

* C0 controls U+0000–U+001F (except tab and line breaks) and DEL become their Unicode
  "control picture" (``ESC`` → ``␛``, ``BEL`` → ``␇``, ``NUL`` → ``␀``, ``DEL`` → ``␡``);
* C1 controls U+0080–U+009F and lone surrogates (a JSON ``"\\ud800"``, which no UTF-8
  output can hold) become U+FFFD (``�``), the replacement character;
* bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), which
  can make a line read in another order than it is stored, and invisible characters
  (zero-width space, joiners, word joiner, invisible operators, U+FEFF, U+180E, the tag
  characters U+E0000–U+E007F) become a visible ``<U+202E>``-style marker: a reader sees that
  something is there, and it is never obeyed;
* tab and line feed are kept by :func:`inert`; a carriage return (alone, it sends the
  cursor back to overwrite a line) and the Unicode line and paragraph separators (U+2028,
  U+2029) become a line feed, ``\\r\\n`` one line feed; :func:`one_line` folds every run
  of white space that holds a break to one space.

Markup languages (Rich markup, HTML, Markdown) need their own escaping on top of this,
done where the markup is written: Rich output is built from :class:`rich.text.Text`
objects (never parsed as markup), HTML with :func:`html.escape`, Markdown with
:func:`escape_markdown`.  JSON output keeps the exact text (JSON escapes controls itself),
so its offsets still index it.

:func:`one_line` is also the one sanitiser for everything else a person's terminal or
clipboard receives: file names in error and progress lines, failure reasons, the TUI's
titles and the text it copies.

Markdown autolinks: besides CommonMark's ``<…>`` autolinks (``<`` is escaped), GitHub's
renderer links bare ``http://``, ``https://``, ``ftp://``, ``www.`` and e-mail addresses.
:func:`escape_markdown` escapes every ``:`` and ``.`` before a non-space and every ``@``
(see ``_MD_INLINE`` below), so no CommonMark, GFM or linkify renderer finds a link in it.
"""

from __future__ import annotations

import re

from summarizer import regex_cache
from summarizer.invisible import INVISIBLE

__all__ = ["escape_markdown", "inert", "one_line"]

REPLACEMENT = "\ufffd"

_KEEP = {"\t", "\n", "\r"}



def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x20):
        if chr(code) not in _KEEP:
            table[code] = chr(0x2400 + code)
    table[0x7F] = "\u2421"  # ␡
    table[0x2028] = table[0x2029] = "\n"
    for code in range(0x80, 0xA0):
        table[code] = REPLACEMENT
    for code in range(0xD800, 0xE000):  # lone surrogates (from JSON "\ud800"): not writable as UTF-8
        table[code] = REPLACEMENT
    for code in INVISIBLE:
        table[code] = f"<U+{code:04X}>"
    return table


_INERT = _table()
_CARRIAGE_RETURN = regex_cache.compile(r"\r\n?")
# Runs of white space that hold a line break of any kind (or a tab), for one-line views.
_BREAKS = regex_cache.compile(r"[ \t]*[\t\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029][\s]*")


def inert(text: str) -> str:
    """Return ``text`` with every control character but tab and line feed made visible.

    Args:
        text: any text from the input.

    Returns:
        The text with C0/C1 controls and DEL replaced by visible glyphs (see the module
        docstring); tab and ``\\n`` kept; ``\\r\\n``, ``\\r``, U+2028 and U+2029 as ``\\n``.
    """
    return _CARRIAGE_RETURN.sub("\n", text.translate(_INERT))


def one_line(text: str) -> str:
    """Return ``text`` on one line: inert, and each run of white space holding a break folded to a space."""
    return inert(_BREAKS.sub(" ", text))


# CommonMark lets a backslash escape any ASCII punctuation; these are the characters
# that can start markup inside a line (emphasis, links and images, code, HTML and
# autolinks, table cells, strikethrough, entities, a heading's closing #).  With ``[``
# escaped, ``(``, ``)`` and ``!`` can no longer form a link or an image.
# Autolinks: GFM links bare ``scheme:``, ``www.`` and ``local@domain``; linkify plugins
# (markdown-it's) also link bare domains such as ``evil.com``.  Every ``:`` before a
# non-space (``https\://``, ``10\:30``), every ``.`` before a non-space
# (``evil\.com``, ``3\.5``) and the ``.`` of every ``www.`` is escaped, which splits the text where
# such a pattern would match.  cmark-gfm joins text again before it looks for e-mail
# addresses, so every ``@`` also gets a zero-width space before it (written as the
# entity ``&#8203;``: visible in the Markdown source, invisible once rendered).
_MD_INLINE = regex_cache.compile(r"([\\`*_\[\]<>#|~&@]|[:.](?=\S)|(?i:(?<=www)\.))")
_MD_ADDRESS_AT = regex_cache.compile(r"\\@")
# At the start of a line: headings, quotes, list items, thematic breaks, setext underlines.
_MD_LINE_START = regex_cache.compile(r"^(\s*)([-=+>]|\d+(?=[.)]))", re.MULTILINE)


def escape_markdown(text: str) -> str:
    """Return ``text`` (made inert, on one line) so that Markdown shows it literally.

    Every character that could start inline markup is backslash-escaped, including ``|``
    so the text is safe inside a GitHub table cell, and a line may not start a heading,
    quotation or list.

    Args:
        text: any text from the input.
    """
    flat = one_line(text)
    escaped = _MD_ADDRESS_AT.sub("&#8203;\\\\@", _MD_INLINE.sub(r"\\\1", flat))
    return _MD_LINE_START.sub(lambda m: m.group(1) + _escape_line_start(m.group(2)), escaped)


def _escape_line_start(marker: str) -> str:
    if marker.isdigit():
        # "1984. The year" would start an ordered list: escape the full stop after the number.
        return marker + "\\"
    return "\\" + marker
