"""Characters that change how text reads without being seen: bidi controls and invisible characters.

A right-to-left override (U+202E) makes a line display in another order than it is
stored; zero-width characters and the tag characters hide text in plain sight.  The
renderers show each as a ``<U+202E>``-style marker (:mod:`summarizer.render.sanitize`) and
JSON writes each as a ``\\uXXXX`` escape (:mod:`summarizer.serialize`): exact, never obeyed.
"""

from __future__ import annotations

__all__ = ["INVISIBLE", "INVISIBLE_CLASS"]

INVISIBLE: tuple[int, ...] = (
    0x061C,  # Arabic letter mark
    0x180E,  # Mongolian vowel separator
    *range(0x200B, 0x2010),  # zero-width space, non-joiner, joiner; left-to-right and right-to-left marks
    *range(0x202A, 0x202F),  # bidi embeddings and overrides
    *range(0x2060, 0x2065),  # word joiner, invisible operators
    *range(0x2066, 0x206A),  # bidi isolates
    0xFEFF,  # zero-width no-break space (a byte order mark inside the text)
    *range(0xFFF9, 0xFFFC),  # interlinear annotation controls
    0xE0001,  # language tag
    *range(0xE0020, 0xE0080),  # tag characters (invisible ASCII)
)


def _character_class(codes: tuple[int, ...]) -> str:
    # Runs as ranges: a regex class of single characters is ~20 times slower to match.
    runs: list[list[int]] = []
    for code in sorted(codes):
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "".join(chr(lo) if lo == hi else f"{chr(lo)}-{chr(hi)}" for lo, hi in runs)


INVISIBLE_CLASS = _character_class(INVISIBLE)
"""The characters of :data:`INVISIBLE` as the inside of a regular-expression ``[...]`` class."""
