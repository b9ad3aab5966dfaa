"""The word lists evenhand ships, and one cached loader for each.

Every list sits in a folder with its licence and a ``SOURCE.md`` that says where it came from;
the repository's ``NOTICE`` names them all:

    vader/valence.tsv           VADER valence (MIT, Hutto 2016)
    pattern/subjectivity.tsv    Pattern adjective subjectivity (PDDL, via TextBlob, MIT)
    recasens/*.txt              Hyland hedges, Hooper factives and
                                assertives (MIT, via rpryzant/neutralizing-bias)
    evenhand/*                  lists the evenhand contributors wrote (MIT): loaded terms, stance
                                adverbs, intensifiers, puffery, plain fixed phrases, the style table,
                                and the lists the cue finder reads beside them (which of Hooper's
                                and Hyland's words are plain, plain news words, speech verbs,
                                pronouns, irregular verbs, title words): :func:`word_list`

Lists are read once, on first use, from the installed package (no network, no downloads).
A row that does not read as its file's rows must (a missing field, a weight that is not a
number, an unknown side) is a :class:`~summarizer.errors.LexiconError` naming the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType

from summarizer.errors import LexiconError

SIDES = ("left", "right", "any")


@dataclass(frozen=True, slots=True)
class LoadedTerm:
    """One entry of evenhand's loaded-terms list.

    Attributes:
        term: lower-case term; a space also matches a hyphen, a final ``*`` any word ending,
            a word ``...`` up to four words in between ("rammed ... through").
        side: ``"left"``, ``"right"`` (the side that typically uses it) or ``"any"``.
        weight: 1.0 for plainly loaded terms, less for terms that are descriptive in some uses.
    """

    term: str
    side: str
    weight: float


def _lines(relative: str) -> list[str]:
    text = resources.files(__name__).joinpath(relative).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def lines(relative: str) -> tuple[str, ...]:
    """Return the entries of one list file, one a line, as written (comments and blank lines left out)."""
    return tuple(_lines(relative))


def rows(relative: str, width: int) -> tuple[tuple[str, ...], ...]:
    """Return the rows of one tab-separated list file, each split into its ``width`` fields.

    Raises:
        LexiconError: a row with another number of fields.
    """
    found = []
    for line in _lines(relative):
        fields = tuple(line.split("\t"))
        if len(fields) != width:
            raise broken(relative, f"{len(fields)} fields where {width} belong, in {line!r}")
        found.append(fields)
    return tuple(found)


def number(relative: str, text: str) -> float:
    """``text``, a field of the list file ``relative``, as a number.

    Raises:
        LexiconError: ``text`` is not a number.
    """
    try:
        return float(text)
    except ValueError:
        raise broken(relative, f"{text!r} is not a number") from None


def broken(relative: str, problem: str) -> LexiconError:
    """The error for a malformed row of the shipped list file ``relative``."""
    return LexiconError(f"the shipped list {relative} is broken (reinstall evenhand): {problem}")


def _word_set(relative: str) -> frozenset[str]:
    return frozenset(line.lower() for line in _lines(relative))


@cache
def loaded_terms() -> tuple[LoadedTerm, ...]:
    """Return evenhand's loaded terms, in file order."""
    terms = []
    source = "evenhand/loaded_terms.tsv"
    for term, side, weight in rows(source, 3):
        if side not in SIDES:
            raise broken(source, f"unknown side {side!r} for {term!r}")
        terms.append(LoadedTerm(term=term.lower(), side=side, weight=number(source, weight)))
    return tuple(terms)


@cache
def stance_adverbs() -> frozenset[str]:
    """Return evenhand's stance adverbs ("seemingly", "aptly", ...)."""
    return _word_set("evenhand/stance_adverbs.txt")


@cache
def intensifiers() -> frozenset[str]:
    """Return evenhand's intensifiers ("drastic", "unprecedented", ...)."""
    return _word_set("evenhand/intensifiers.txt")


@cache
def puffery() -> frozenset[str]:
    """Return evenhand's peacock and puffery words ("prestigious", "renowned", ...), with the adverb of each adjective.

    The adverb praises as its adjective does ("remarkable" → "remarkably", "brilliant" →
    "brilliantly", "heroic" → "heroically"), so the list holds the adjectives and the forms
    are made here (:func:`adverb_of`).
    """
    words = _word_set("evenhand/puffery.txt")
    adverbs = {adverb for word in words if (adverb := adverb_of(word))}
    # An adverb already on another list ("incredibly", "remarkably") stays there, one home per word.
    return words | (adverbs - _PLAIN_ADVERBS - intensifiers() - stance_adverbs())


# Adverbs of puffery adjectives that have a plain sense of their own: "notably" (especially),
# "popularly known as".
_PLAIN_ADVERBS = frozenset({"notably", "popularly"})


def adverb_of(adjective: str) -> str | None:
    """The "-ly" adverb of a one-word adjective, by the regular spelling rules; ``None`` for other words.

    >>> [adverb_of(w) for w in ("brilliant", "remarkable", "heroic", "lovely", "award-winning")]
    ['brilliantly', 'remarkably', 'heroically', None, None]
    """
    if " " in adjective or "-" in adjective or adjective.endswith(("ly", "ing", "ed", "est", "er")):
        return None
    if adjective.endswith("ble"):
        return adjective[:-1] + "y"
    if adjective.endswith("ic"):
        return adjective + "ally"
    if adjective.endswith("ary"):
        return None
    if adjective.endswith("y") and len(adjective) > 3:
        return adjective[:-1] + "ily"
    if adjective.endswith(("ful", "ous", "ant", "ent", "al", "ive", "ish", "ite", "ine", "id")):
        return adjective + "ly"
    return None


@cache
def neutral_phrases() -> frozenset[str]:
    """Return evenhand's fixed phrases in which an emotive word is plain ("loved ones", "sexual assault")."""
    return _word_set("evenhand/neutral_phrases.tsv")


@cache
def word_list(relative: str, *, fold: bool = True) -> frozenset[str]:
    """Return one of the plain word lists, one entry a line (``"evenhand/plain_news_words.txt"``).

    Args:
        relative: the file, relative to this package.
        fold: lower-case every entry; ``False`` keeps the case as written (a list matched
            case-sensitively, as ``evenhand/personal_pronouns.txt``).
    """
    return _word_set(relative) if fold else frozenset(_lines(relative))


@cache
def irregular_verbs() -> Mapping[str, tuple[str, ...]]:
    """Return the irregular forms of the verbs the cue lists inflect ("say" → ("said",))."""
    table = {}
    for verb, forms in rows("evenhand/irregular_verbs.tsv", 2):
        table[verb] = tuple(forms.split(","))
    return MappingProxyType(table)


@cache
def hedges() -> frozenset[str]:
    """Return Hyland's hedges (single words and phrases)."""
    return _word_set("recasens/hedges.txt")


@cache
def factive_verbs() -> frozenset[str]:
    """Return Hooper's factive verbs and predicates (base forms)."""
    return _word_set("recasens/factives.txt")


@cache
def assertive_verbs() -> frozenset[str]:
    """Return Hooper's assertive verbs and predicates (base forms)."""
    return _word_set("recasens/assertives.txt")


@cache
def valence() -> Mapping[str, float]:
    """Return VADER mean valence (−4..+4) by lower-case word."""
    table = {}
    for word, value in rows("vader/valence.tsv", 2):
        table[word] = number("vader/valence.tsv", value)
    return MappingProxyType(table)


@cache
def subjectivity() -> Mapping[str, float]:
    """Return Pattern adjective subjectivity (0..1) by lower-case word form."""
    table = {}
    for word, subj, _polarity in rows("pattern/subjectivity.tsv", 3):
        table[word] = number("pattern/subjectivity.tsv", subj)
    return MappingProxyType(table)


@dataclass(frozen=True, slots=True)
class StyleEntry:
    """One entry of evenhand's style table (``evenhand/style.tsv``).

    Attributes:
        term: the loaded term, lower case.
        replacement: what a newsroom writes instead; ``""`` to delete the term.
        side: ``"left"``, ``"right"`` (the side that typically uses it) or ``"any"``.
        rationale: one line on why.
    """

    term: str
    replacement: str
    side: str
    rationale: str


@cache
def style_table() -> tuple[StyleEntry, ...]:
    """Return evenhand's style table, in file order."""
    entries = []
    source = "evenhand/style.tsv"
    for term, replacement, side, rationale in rows(source, 4):
        if side not in SIDES:
            raise broken(source, f"unknown side {side!r} for {term!r}")
        entries.append(StyleEntry(term=term.lower(), replacement=replacement, side=side, rationale=rationale))
    return tuple(entries)


@cache
def flag_only() -> frozenset[str]:
    """Return the words that are loaded in some uses and plain in others ("famous", "popular").

    They stay cues, so the reader sees them; the rewording never deletes them
    (``evenhand/flag_only.txt``).
    """
    return _word_set("evenhand/flag_only.txt")
