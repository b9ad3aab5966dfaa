"""The cue finder's quotation scanner: where the quotations are, line by line, single marks too.

Cues inside a quotation are the speaker's words, not the writer's (:data:`QUOTED_FACTOR`), and a
short quotation credited to no one may be a scare quote, so the cue finder (and the boilerplate
detector) need every quoted span, inner single-mark quotations included.  This is a different
reading from :func:`summarizer.quotes.find_quotations`, the quotation model the selector keeps
units by: that one follows a quotation across paragraphs and ignores straight single marks; this
one ends an open quotation at the end of its line and counts a straight ``'`` that opens after a
space.  (Moving the cues onto that model changes cues in real articles; see ``docs/architecture.md``.)
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from summarizer import regex_cache

_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
_OPEN_CONTEXT = " \t\n([{“„«—–-/"

#: Characters that open or close a quotation, straight or curly, single or double, and guillemets.
QUOTE_MARKS = "\"'‘’‚‛“”„‟«»‹›"


def quote_once(text: str, opening: str = "“", closing: str = "”") -> str:
    """``text`` in quotation marks, unless it is already quoted (a scare quote's own marks).

    >>> quote_once("seemingly"), quote_once("‘safety’", "'", "'")
    ('“seemingly”', '‘safety’')
    """
    if len(text) >= 2 and text[0] in QUOTE_MARKS and text[-1] in QUOTE_MARKS:
        return text
    return f"{opening}{text}{closing}"


_QUOTE_MARKS = regex_cache.compile("[\n“„«”»\"‘’']")


@dataclass(frozen=True, slots=True)
class _Quotations:
    """A document's quotation spans, indexed for lookups by position."""

    spans: tuple[tuple[int, int], ...]
    starts: tuple[int, ...]
    #: ``max_end[k]``: the largest end among ``spans[:k]`` (-1 for none).
    max_end: tuple[int, ...]
    inside: tuple[list[int], list[int]]
    #: Starts of the spans continued from an earlier line (no opening mark: never a scare quote).
    continued: frozenset[int] = frozenset()


def _coverage(spans: Iterable[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The positions strictly inside any span, as sorted disjoint ranges ``first..last``."""
    firsts: list[int] = []
    lasts: list[int] = []
    for start, end in sorted(spans):
        first, last = start + 1, end - 1
        if first > last:
            continue
        if firsts and first <= lasts[-1] + 1:
            if last > lasts[-1]:
                lasts[-1] = last
        else:
            firsts.append(first)
            lasts.append(last)
    return firsts, lasts


def _covered(position: int, coverage: tuple[list[int], list[int]]) -> bool:
    """Whether ``start < position < end`` for some span of the coverage."""
    firsts, lasts = coverage
    i = bisect_right(firsts, position) - 1
    return i >= 0 and position <= lasts[i]


_DOUBLE_MARKS = '“„«”»"'


def _closes_a_continued_quotation(text: str, line: int, i: int) -> bool:
    """Whether the line's first double mark, at ``i``, closes a quotation opened on an earlier line.

    A closing curly mark, or a straight one right after a word or punctuation with no word
    character after it (``…need it."``, ``…protected," he said``), as the line's first mark: the
    line began inside a quotation (a sentence of a quotation cut from its opening, as a corpus
    of one sentence a line has it), so the words before the mark are the speaker's.
    """
    if text[i] in "”»":
        return True
    before = text[i - 1] if i > line else " "
    if text[i] != '"' or before.isspace() or before.isdigit():  # 5" is inches
        return False
    after = text[i + 1 : i + 2]
    return not after.isalnum() and after not in ("'", "’")


def _scan_quotations(text: str) -> tuple[tuple[tuple[int, int], ...], frozenset[int]]:
    """The spans, and the starts of those continued from an earlier line (they have no opening mark)."""
    spans: list[tuple[int, int]] = []
    continued: set[int] = set()
    stack: list[tuple[str, int]] = []  # (kind, start): kind is '"' or "'"
    doubles = 0  # double marks on the stack
    n = len(text)
    line = 0  # where the current line starts
    seen = False  # a double mark seen on this line
    for match in _QUOTE_MARKS.finditer(text):  # every other character leaves the state alone
        i = match.start()
        ch = text[i]
        if ch == "\n":
            while stack:
                kind, start = stack.pop()
                if kind == '"':
                    spans.append((start, i))
            doubles = 0
            line, seen = i + 1, False
            continue
        if ch in _DOUBLE_MARKS and not seen:
            seen = True
            if _closes_a_continued_quotation(text, line, i):
                first = line + len(text[line:i]) - len(text[line:i].lstrip())
                spans.append((first, i + 1))
                continued.add(first)
                continue
        if ch in _OPEN_DOUBLE:
            stack.append(('"', i))
            doubles += 1
        elif ch in _CLOSE_DOUBLE or ch == '"':
            if doubles:
                while stack:
                    kind, start = stack.pop()
                    if kind == '"':
                        doubles -= 1
                        spans.append((start, i + 1))
                        break
            elif ch == '"':
                stack.append(('"', i))
                doubles += 1
        else:
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < n else " "
            if ch in "‘'" and prev in _OPEN_CONTEXT and (nxt.isalpha() or nxt in '“"'):  # not ’90s
                stack.append(("'", i))
            elif ch in "’'" and stack and stack[-1][0] == "'" and not nxt.isalpha():
                _, start = stack.pop()
                spans.append((start, i + 1))
    while stack:
        kind, start = stack.pop()
        if kind == '"':
            spans.append((start, n))
    return tuple(sorted(spans)), frozenset(continued)


@lru_cache(maxsize=2)  # find_cues and detect_boilerplate ask for the same document in turn
def _quotations(text: str) -> _Quotations:
    spans, continued = _scan_quotations(text)
    max_end = [-1]
    for _, end in spans:
        max_end.append(max(max_end[-1], end))
    # A continued quotation has no opening mark: its first character is inside it too.
    inside = _coverage((start - 1, end) if start in continued else (start, end) for start, end in spans)
    return _Quotations(spans, tuple(start for start, _ in spans), tuple(max_end), inside, continued)


def quotation_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Find the quotations in ``text``.

    Double quotation marks (curly, straight, guillemets) and single curly or straight
    marks that open after a space or an opening mark.  A double quotation left open at the
    end of a line runs to the end of that line (news quotations spanning paragraphs reopen
    each paragraph); an unclosed single mark is taken for an apostrophe.

    Args:
        text: the document text.

    Returns:
        ``(start, end)`` spans including the marks, sorted by start; inner quotations
        (single inside double) are listed as well as the outer ones.
    """
    return _quotations(text).spans


def quoted_ranges(text: str) -> tuple[list[int], list[int]]:
    """The positions of ``text`` inside a quotation of :func:`quotation_spans`, as sorted disjoint
    ranges: ``(firsts, lasts)``, range ``k`` covering ``firsts[k]..lasts[k]`` (both included).
    The lists are shared with the scanner's index: read them, do not change them."""
    return _quotations(text).inside


def within_quotation(text: str, start: int, middle: int) -> bool:
    """Whether a quotation of ``text`` opens at or before ``start`` and closes after ``middle``.

    Args:
        text: the document text.
        start: an offset into ``text``.
        middle: an offset at or after ``start``.

    Returns:
        ``True`` when some span of :func:`quotation_spans` has ``span_start <= start`` and
        ``middle < span_end``.
    """
    index = _quotations(text)
    return index.max_end[bisect_right(index.starts, start)] > middle
