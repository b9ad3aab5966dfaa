"""Word tokenisation with exact offsets: the one definition of a "word" in evenhand.

A word is a run of letters or digits (any script, combining marks included), which may
be joined into one word by an apostrophe or a hyphen between two such runs (``don't``,
``O’Brien``, ``well-known``) or, between two digits, by a point or a comma (``3,000``,
``1.13``).  Everything else — punctuation, symbols, white space, underscores — separates
words.  Offsets are Python string indices into the text given, so
``text[start:end]`` is the word.
"""

from __future__ import annotations

import re

from summarizer import regex_cache

# A letter or digit, followed by any combining marks (so decomposed "é" stays one word).
_MARKS = r"\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_ALNUM = rf"[^\W_][{_MARKS}]*"
# What may join two runs: an apostrophe or hyphen (ASCII and typographic), or a point or
# comma between digits.
_JOINER = r"(?:['\u2019\u02bc\-\u2010\u2011]|(?<=\d)[.,](?=\d))"
_WORD = regex_cache.compile(rf"(?:{_ALNUM})+(?:{_JOINER}(?:{_ALNUM})+)*")
# The same words in text without combining marks (nearly all text), twice as fast: no
# backtracking into a run of letters, and no look for marks after each one.
_PLAIN_WORD = regex_cache.compile(rf"[^\W_]++(?:{_JOINER}[^\W_]++)*+")
_MARK = regex_cache.compile(f"[{_MARKS}]")


def _pattern(text: str) -> re.Pattern[str]:
    return _WORD if _MARK.search(text) else _PLAIN_WORD


def word_spans(text: str) -> list[tuple[int, int]]:
    """Find every word of ``text``.

    Args:
        text: any text.

    Returns:
        ``(start, end)`` offsets of each word, in order; ``text[start:end]`` is the word.
    """
    return [match.span() for match in _pattern(text).finditer(text)]


def words(text: str) -> tuple[str, ...]:
    """The words of ``text``, in order (the text at each of :func:`word_spans`)."""
    return tuple(_pattern(text).findall(text))  # the pattern has no groups: findall gives whole words


def count_words(text: str) -> int:
    """Count the words of ``text`` as :func:`word_spans` finds them."""
    return len(_pattern(text).findall(text))


def count_pieces(text: str) -> int:
    """Count the white-space-separated pieces of ``text`` (``str.split``, punctuation alone included).

    Not words: the length the boilerplate rules (:mod:`summarizer.boilerplate`) and the bias
    model's density and length (:mod:`summarizer.neutrality`) read, which were fitted on it.
    The analysis counts it once per sentence for both.
    """
    return len(text.split())
