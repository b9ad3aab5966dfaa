"""What to open: a file, standard input, or the bundled example; and how to read it as a Document.

Reading goes through the one loader, :mod:`summarizer.load`, as ``evenhand summarize`` does:
HTML (by suffix or by content) is reduced to its article by trafilatura; the encoding, the
reader's warnings and a web page's metadata travel with the :class:`~summarizer.Document`.
"""

from __future__ import annotations

from pathlib import Path

from summarizer import Document, InputError
from summarizer.load import load_bytes, load_path

EXAMPLE_NAME = "slanted-right.txt"


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
    return load_bytes(data, source=source) if data is not None else load_path(source)
