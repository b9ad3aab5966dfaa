"""Facts: the numbers, dates and names a sentence carries, as keys that can be compared.

The ``neutral`` selector values what a sentence adds that the kept ones do not yet say
(:mod:`summarizer.select`): "about 30,000 people" and "56,000 detained in 2019" are news a
summary should not lose to one more framing sentence.  A fact here is

* a number with its unit, normalised so that one quantity written two ways is one fact
  ("30 thousand" and "30,000"; "$1.13bn" and "1.13 billion"; "76%" and "76 per cent");
* a date word: a month or a day of the week (years are numbers);
* a name: a word in capitals that is not just the first word of its sentence (a first word
  counts when the article never writes it in lower case), an acronym ("ACLU"), and a numbered
  section or programme ("287(g)": a name, not the number 287).

A quantity (:func:`is_quantity`: a count, an amount, a share, not a year) is the scale of the news:
the selector values a new one more than any other fact.

Nothing is learned; a name is a word, not an entity ("Donald Trump" is two facts, and
"Trump" alone then adds nothing new).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from summarizer import regex_cache
from summarizer.model import Document

__all__ = ["is_quantity", "sentence_facts"]

_MULTIPLIERS = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
    "trillion": 1e12, "tn": 1e12,
}  # fmt: skip
_NUMBER = regex_cache.compile(
    r"(?<![\w.,])(?P<number>\d{1,3}(?:,\d{3})+|\d+)(?P<decimal>\.\d+)?(?!\d|\([A-Za-z]\))"
    r"(?:\s?(?P<unit>%|per\s?cent|thousand|million|billion|trillion|bn|mn|tn|m|k)\b|(?P<percent>%))?",
    re.IGNORECASE,
)
_DATE_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
# Capitalised words that are not names: pronouns, titles, and words a sentence or a heading opens with.
_NOT_NAMES = frozenset(
    "i i'm i've i'd i'll mr mrs ms miss dr sir the a an and but or of in on at to for by with from "
    "as it its this that these those he she they we you his her their our your my "
    "if when while after before however meanwhile also so yet still there here".split()
)
_WORD = regex_cache.compile(r"[A-Za-z][\w’'&-]*")


def sentence_facts(document: Document) -> tuple[dict[str, str], ...]:
    """The facts of every sentence of ``document`` (see the module's docstring): key → the words
    that first say it in the sentence ("number:30000" → "30,000")."""
    words = [_WORD.findall(s.text) for s in document.sentences]
    # A sentence's first word is a name only where the article capitalises it elsewhere too.
    names_inside = {w for ws in words for w in ws[1:] if w[:1].isupper()}
    return tuple(_facts(s.text, ws, names_inside) for s, ws in zip(document.sentences, words, strict=True))


# A number that names a section or a programme ("287(g)", "501(c)"): a name, not a quantity.
_SECTION = regex_cache.compile(r"(?<![\w.,])\d+\([A-Za-z]\)")
_DIGIT = regex_cache.compile(r"\d")


def _facts(text: str, words: Sequence[str], names_inside: set[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    # Both patterns need a digit (a section its bracket too): most sentences have none, and a search is slower than the test.
    if _DIGIT.search(text) is not None:
        for match in _SECTION.finditer(text) if "(" in text else ():
            found.setdefault("name:" + match.group().lower(), match.group())
        for match in _NUMBER.finditer(text):
            found.setdefault(_number_key(match), match.group().strip())
    for position, raw in enumerate(words):
        word, lowered, is_date, may_name = _read_word(raw)
        if is_date:
            found.setdefault("date:" + lowered, word)
        elif may_name and (position > 0 or raw in names_inside or word.isupper()):
            found.setdefault("name:" + lowered, word)
    return found


@lru_cache(maxsize=1 << 16)  # kept per word, as compress's folds are: each word is read once, not once a document
def _read_word(raw: str) -> tuple[str, str, bool, bool]:
    """A word without its possessive, folded, whether it is a date word, and whether it may be a name."""
    word = raw.rstrip("’'").removesuffix("’s").removesuffix("'s")
    lowered = word.lower()
    return word, lowered, lowered in _DATE_WORDS, word[:1].isupper() and len(word) > 1 and lowered not in _NOT_NAMES


#: A bare whole number in this range is most often a year ("In 2019"), not a quantity.
_YEARS = (1800, 2100)


def is_quantity(key: str) -> bool:
    """Whether a fact's key is a quantity (a count, an amount, a share), not a year or a name."""
    if not key.startswith("number:"):
        return False
    value = key.removeprefix("number:")
    if value.endswith("%"):
        return True
    number = float(value)
    return not (number.is_integer() and _YEARS[0] <= number <= _YEARS[1])


def _number_key(match: re.Match[str]) -> str:
    value = float(match.group("number").replace(",", "") + (match.group("decimal") or ""))
    unit = (match.group("unit") or match.group("percent") or "").lower().replace(" ", "")
    if unit in ("%", "percent"):
        return f"number:{value:g}%"
    return f"number:{value * _MULTIPLIERS.get(unit, 1.0):g}"
