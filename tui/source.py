"""What to open: a file, standard input, or the bundled example; and how to read it as a Document.

HTML (by suffix, or by look) goes through :func:`summarizer.extract.html_to_text`; the
encoding and the reader's warnings travel with the :class:`~summarizer.Document`.
"""

from __future__ import annotations

from pathlib import Path

from summarizer import Document, InputError, decode, read_path
from summarizer.extract import html_to_text, looks_like_html
from summarizer.segment import segment

EXAMPLE_NAME = "slanted-right.txt"
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})


def bundled_example() -> Path:
    """The example article that ships in ``examples/`` next to the ``tui`` package.

    Raises:
        InputError: this installation has no ``examples/`` folder (a wheel ships without it).
    """
    path = Path(__file__).resolve().parent.parent / "examples" / EXAMPLE_NAME
    if not path.is_file():
        raise InputError(
            f"the bundled example ({EXAMPLE_NAME}) is not part of this installation; "
            "give a file to open: evenhand view ARTICLE.txt"
        )
    return path


def load_document(source: str, *, data: bytes | None = None) -> Document:
    """Read ``source`` (a path; ``"-"`` with ``data`` for standard input) into a Document.

    Raises:
        InputError: missing, empty, binary or undecodable input, or HTML with no article.
    """
    decoded = decode(data, source=source) if data is not None else read_path(source)
    text = decoded.text
    if Path(source).suffix.lower() in HTML_SUFFIXES or looks_like_html(text):
        text = html_to_text(text, source=None if source == "-" else source)
    return segment(text, source=source, encoding=decoded.encoding, warnings=tuple(decoded.warnings))
