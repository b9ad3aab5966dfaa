"""Quotation units: a colon lead-in ("They wrote:") and the quotation it introduces.

News writers introduce long quotations with a sentence ending in a colon, then give the
quotation as one or more paragraphs opening with a quotation mark (by convention a
quotation running over several paragraphs reopens each paragraph with a quotation mark
and closes only the last).  A summary must never show the lead-in without its quotation,
nor the quotation without its speaker, so the selector treats them as one unit: the
lead-in comes with any of the quotation's sentences, and the quotation may be cut only
from its end.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from summarizer import regex_cache
from summarizer.model import Document


@dataclass(frozen=True, slots=True)
class QuoteUnit:
    """Sentences kept together for a quotation: its lead-in (if any) and the sentences it runs over."""

    lead_in: int | None
    quotation: tuple[int, ...]

    @property
    def members(self) -> tuple[int, ...]:
        return self.quotation if self.lead_in is None else (self.lead_in, *self.quotation)


def is_lead_in(text: str) -> bool:
    """A sentence that ends in a colon introduces what follows."""
    return text.rstrip().endswith(":")


def find_quote_units(document: Document) -> tuple[QuoteUnit, ...]:
    """Every colon lead-in that is followed by a quotation, with the quotation's sentences.

    The quotation is the one that opens the next sentence, over as many sentences and
    paragraphs as it runs (see :func:`find_quotations`), together with any quotation that
    continues from it in the same sentence.
    """
    return tuple(u for u in quotation_units(document) if u.lead_in is not None)


def quoted_spans(
    document: Document, quotations: Sequence[Quotation] | None = None
) -> tuple[tuple[int, int], ...]:
    """Spans of the document inside double quotation marks, quotation marks included.

    The double-mark quotations of :func:`find_quotations` (pass them when you have them),
    merged where they overlap.  Single marks are left out: ’ is far more often an apostrophe
    than a closing mark.
    """
    if quotations is None:
        quotations = find_quotations(document)
    return _merge([(q.start, q.end) for q in quotations if q.opening not in SINGLE_OPENINGS])


def _previous_end(text: str, start: int) -> int:
    """``len(text[:start].rstrip())``, without copying the text before ``start``."""
    while start and text[start - 1].isspace():
        start -= 1
    return start


def _merge(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def inside(spans: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    """Whether ``start:end`` lies within one of ``spans`` (sorted and not overlapping, as
    :func:`quoted_spans` gives them), found by bisection: a long text has thousands."""
    if start > end:
        return any(s <= start and end <= e for s, e in spans)
    # The only candidate is the last span to start at or before ``start``.
    last = bisect_right(spans, start, key=_first) - 1
    return last >= 0 and end <= spans[last][1]


#: Verbs and phrases that report what someone said or believes: the clause after one (indirect
#: speech, "Tisdel said the film falsely portrayed her") is the speaker's claim in the writer's
#: words, so its loaded words are the speaker's to keep, as inside quotation marks.
_REPORTING = regex_cache.compile(
    r"\b(?:say|says|said|tells|told|stated|claimed|argues|argued|insists|insisted|contends|contended|"
    r"asserts|asserted|believes|believed|wrote|writes|according\s+to|"
    # Forms that are also nouns report only before "that": "they claim that the layer was …".
    r"(?:claim|claims|allege|alleges|maintain|maintains|maintained|argue|believe|think|thinks|thought|"
    # ("the claims that were filed" is a noun and its relative clause).
    r"suggest|suggests|suggested|assert|contend|insist)\s+that\b(?!\s+(?:were|are|was|is|have|has|had)\b))"
    r"\b(?!['’]s)",
    re.IGNORECASE,
)
# Only forms that are no common noun or adjective: not "state" ("the state's power"), "claims"
# ("insurance claims"), "alleged" ("the alleged attacker"), "maintained" ("maintained roads").


def reported_from(text: str, start: int, end: int, spans: tuple[tuple[int, int], ...]) -> int | None:
    """Where indirect speech begins in the sentence ``text[start:end]``: the end of the first
    reporting verb ("said", "argued", "according to") outside the quoted ``spans``; ``None`` when
    the sentence reports no one.  What follows is the speaker's claim: the rewording and the
    trimming leave its words as they are."""
    for match in _REPORTING.finditer(text, start, end):
        if not inside(spans, match.start(), match.end()):
            return match.end()
    return None


def touches(spans: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    """Whether ``start:end`` overlaps one of ``spans`` (sorted and not overlapping, as
    :func:`quoted_spans` gives them), found by bisection: their ends rise with their starts, so
    of the spans that start before ``end`` the last reaches furthest."""
    last = bisect_left(spans, end, key=_first) - 1
    return last >= 0 and start < spans[last][1]


def _first(span: tuple[int, int]) -> int:
    return span[0]


# ---------------------------------------------------------------------------
# The quotation model: every quotation of the document, located once.

#: The closing mark that answers each opening mark.
CLOSING_FOR = {"“": "”", "„": "“", "«": "»", '"': '"', "‘": "’", "‚": "‘", "'": "'"}
#: Opening marks of single quotations (curly and straight): shown whole, but not counted as speech.
SINGLE_OPENINGS = "‘'"
_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
# Before an opening single mark: the start of a paragraph, a space, a bracket, a dash or an opening double mark.
_MARKS = regex_cache.compile("[“„«”»\"‘’']")
_SINGLE_OPEN_AFTER = " \t\n([{—–-/“„«\""
# A straight single mark opening a word that it shortens, not a quotation: 'em, 'n', 'til, 'cause, 'tis.
_ELISION = regex_cache.compile(r"'(?:em|n|til|till|cause|cos|tis|twas|bout|kay|s)\b", re.IGNORECASE)
# A straight single quotation left open at its paragraph's end is one (the convention of a quotation over
# several paragraphs) only where it opened a paragraph or followed a colon: "Ms Lee said: 'We will …".
_SINGLE_OPEN_LEFT = regex_cache.compile(r"(?:^|:)\s*$")


@dataclass(frozen=True, slots=True)
class Quotation:
    """One quotation: its marks, its span and the sentences it covers.

    Attributes:
        start: offset of the opening mark.
        end: offset just past the closing mark; for a quotation the writer never closed,
            the end of the last paragraph it runs over.
        opening: the opening mark (``“``, ``"``, ``‘``, …).
        closed: whether a closing mark ends it.
        first_sentence, last_sentence: the sentences it starts and ends in.
        depth: 0 for a quotation, 1 for one quoted inside another.
    """

    start: int
    end: int
    opening: str
    closed: bool
    first_sentence: int
    last_sentence: int
    depth: int = 0

    @property
    def closing(self) -> str:
        """The mark that closes this quotation."""
        return CLOSING_FOR.get(self.opening, "”")

    @property
    def sentences(self) -> range:
        return range(self.first_sentence, self.last_sentence + 1)


def find_quotations(document: Document) -> tuple[Quotation, ...]:
    """Every quotation in ``document``, in order of its opening mark.

    Double marks: curly ones open and close, a straight one toggles.  A double quotation
    left open at the end of a paragraph continues when the next paragraph opens with a
    quotation mark (the newspaper convention for a quotation over several paragraphs) and
    otherwise ends, unclosed, with its paragraph.  Single marks count only where they
    cannot be apostrophes: ``‘`` after a space, bracket, dash or double mark opens, and
    ``’`` closes it only when no letter follows; a single quotation never crosses a
    paragraph.  A straight single mark opens likewise (after white space, before a letter, not
    an elision such as 'em), closes after a word or a stop before no letter (not a plural's
    possessive), reopens when met open, and is left open at its paragraph's end only after a
    colon or at the paragraph's start.  A straight double mark after white
    space and before a word opens: met while a straight quotation is open, it reopens (the
    paragraph break of the convention lost), and the open one ends, unclosed, before it.
    """
    text = document.text
    starts = [s.start for s in document.sentences]
    found: list[tuple[int, int, str, bool, int]] = []
    double: tuple[int, str] | None = None  # the open double quotation: (offset, mark)
    for paragraph in document.paragraphs:
        body_start = paragraph.start
        body = text[paragraph.start : paragraph.end]
        lead = len(body) - len(body.lstrip())
        first = body[lead : lead + 1]
        if double is not None:
            if first in _DOUBLE_OPEN or first == '"':
                body_start += lead + 1  # the reopening mark continues the quotation
            else:
                found.append((double[0], _previous_end(text, paragraph.start), double[1], False, 0))
                double = None
        single: tuple[int, str] | None = None
        for hit in _MARKS.finditer(text, body_start, paragraph.end):
            at = hit.start()
            char = hit.group()
            if char in _DOUBLE_OPEN or (char == '"' and double is None):
                if double is None:
                    double = (at, char)
            elif char == '"' and double is not None and double[1] == '"' and _opens(text, at):
                # '… address book. "The phone …': a straight mark after a space and before a word opens;
                # one open already is a quotation reopened mid-paragraph (a paragraph break lost), left
                # unclosed where the sentence before it ends.
                if single is not None and single[0] > double[0]:
                    single = None
                found.append((double[0], _previous_end(text, at), double[1], False, 0))
                double = (at, char)
            elif char in _DOUBLE_CLOSE or char == '"':
                if double is not None:
                    if single is not None and single[0] > double[0]:
                        single = None  # a single mark left open inside was an apostrophe
                    found.append((double[0], at + 1, double[1], True, 0))
                    double = None
            elif char == "‘":
                before = text[at - 1] if at > 0 else "\n"
                if single is None and (before in _SINGLE_OPEN_AFTER or at == paragraph.start):
                    single = (at, char)
            elif char == "’" and single is not None and single[1] == "‘":
                after = text[at + 1 : at + 2]
                if not after.isalpha():
                    depth = _nested(double, single)
                    found.append((single[0], at + 1, "‘", True, depth))
                    single = None
            elif char == "'":
                if single is None:
                    if _opens_single(text, at, paragraph.start):
                        single = (at, char)
                elif single[1] == "'" and _closes_single(text, at, single[0]):
                    depth = _nested(double, single)
                    found.append((single[0], at + 1, "'", True, depth))
                    single = None
                elif single[1] == "'" and _opens_single(text, at, paragraph.start):
                    # "… autism. 'We noted …": one opening while one is open reopens it (a paragraph
                    # break of the convention lost); the open one ends, unclosed, with the sentence
                    # before the new one ("… games . Complex: 'Dehumaniser …": before "Complex:").
                    depth = _nested(double, single)
                    sentence_start = starts[max(0, bisect_right(starts, at) - 1)]
                    end = _previous_end(text, sentence_start if sentence_start > single[0] else at)
                    found.append((single[0], end, "'", False, depth))
                    single = (at, char)
        if single is not None and single[1] == "'" and _SINGLE_OPEN_LEFT.search(text, paragraph.start, single[0]):
            # Left open at the paragraph's end: the quotation goes on in the next paragraph (or the writer
            # never closed it); it ends, unclosed, with this one.
            depth = _nested(double, single)
            found.append((single[0], _previous_end(text, paragraph.end), "'", False, depth))
    if double is not None:
        found.append((double[0], len(text.rstrip()), double[1], False, 0))
    quotations = []
    for start, end, mark, closed, depth in sorted(found):
        first_sentence = bisect_right(starts, start) - 1
        last_sentence = bisect_right(starts, max(start, end - 1)) - 1
        quotations.append(Quotation(start, end, mark, closed, max(first_sentence, 0), last_sentence, min(depth, 1)))
    return tuple(quotations)


def _nested(double: tuple[int, str] | None, single: tuple[int, str]) -> int:
    """1 when the open single quotation is inside the open double one, else 0."""
    return 1 if double is not None and double[0] < single[0] else 0


#: A quoted phrase in lower case this short may end in a plural's s ("an attractive, 'no fuss' computer").
SHORT_PHRASE_WORDS = 3


def _opens_single(text: str, at: int, paragraph_start: int) -> bool:
    """Whether the straight single mark at ``at`` opens a quotation ('We will …'): at a paragraph's
    start or after a space, bracket, dash or double mark, before a letter, and no elision ('em)."""
    before = text[at - 1] if at > paragraph_start else "\n"
    after = text[at + 1 : at + 2]
    return (before in _SINGLE_OPEN_AFTER or at == paragraph_start) and after.isalpha() and not _ELISION.match(text, at)


def _closes_single(text: str, at: int, opened: int) -> bool:
    """Whether the straight single mark at ``at`` closes the one open at ``opened``: after a word or
    a stop, before no letter; not a plural's possessive ("'The players' union …": an s, a space, a
    word in lower case), unless the quotation is a short phrase in lower case ("a dog that 'tosses'
    the ball", "an attractive, 'no fuss' computer": :data:`SHORT_PHRASE_WORDS`)."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1 : at + 3]
    if before.isspace() or after[:1].isalpha():
        return False
    possessive = before in "sS" and after[:1] == " " and after[1:2].islower()
    return not possessive or (text[opened + 1 : opened + 2].islower() and len(text[opened:at].split()) <= SHORT_PHRASE_WORDS)


def _opens(text: str, at: int) -> bool:
    """Whether the straight mark at ``at`` can only open: after white space, before a word."""
    before = text[at - 1] if at > 0 else "\n"
    after = text[at + 1 : at + 2]
    return before.isspace() and (after.isalnum() or after in "‘'(£$€")


def quotation_units(document: Document, quotations: Sequence[Quotation] | None = None) -> tuple[QuoteUnit, ...]:
    """The sentences that must be kept together so that no quotation is shown without its start.

    A unit is a run of sentences joined by quotations that cross from one to the next, with
    the colon lead-in that introduces the first when there is one.  A summary keeps a unit's
    sentences only from its start: the lead-in, then the quotation up to the last sentence kept.
    """
    if quotations is None:
        quotations = find_quotations(document)
    sentences = document.sentences
    runs: list[list[int]] = []
    for quotation in quotations:
        if quotation.first_sentence == quotation.last_sentence:
            continue
        if runs and quotation.first_sentence <= runs[-1][1]:
            runs[-1][1] = max(runs[-1][1], quotation.last_sentence)
        else:
            runs.append([quotation.first_sentence, quotation.last_sentence])
    by_first: dict[int, int] = {first: last for first, last in runs}  # noqa: C416
    units: list[QuoteUnit] = []
    for quotation in quotations:
        first = quotation.first_sentence
        sentence = sentences[first]
        opens_sentence = not document.text[sentence.start : quotation.start].strip()
        lead_in = first - 1 if first > 0 and opens_sentence and is_lead_in(sentences[first - 1].text) else None
        if first in by_first or lead_in is not None:
            last = by_first.pop(first, first)
            if units and units[-1].quotation[-1] >= first:
                continue
            units.append(QuoteUnit(lead_in, tuple(range(first, last + 1))))
    return tuple(units)
