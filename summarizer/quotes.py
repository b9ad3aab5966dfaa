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
from dataclasses import dataclass

from summarizer.model import Document

OPENING_QUOTES = "\"“‘«„'"
_DOUBLE_MARKS = re.compile('[“„«”»"]')
_CLOSING_QUOTES = "\"”’»'"


@dataclass(frozen=True, slots=True)
class QuoteUnit:
    """A lead-in sentence and the quotation's sentences that follow it, in order."""

    lead_in: int
    quotation: tuple[int, ...]

    @property
    def members(self) -> tuple[int, ...]:
        return (self.lead_in, *self.quotation)


def is_lead_in(text: str) -> bool:
    """A sentence that ends in a colon introduces what follows."""
    return text.rstrip().endswith(":")


def find_quote_units(document: Document) -> tuple[QuoteUnit, ...]:
    """Find every colon lead-in that is followed by a quotation, with the quotation's sentences.

    The quotation is the next paragraph when it opens with a quotation mark, and each
    following paragraph that also opens with one, until a paragraph's text closes the
    quotation (its last non-space character is a closing quotation mark, or it holds a
    closing mark after its opening one).  A lead-in that ends a line, with the quotation
    on the next line of the same paragraph, takes the sentences up to the closing mark.
    """
    units: list[QuoteUnit] = []
    sentences = document.sentences
    paragraphs = document.paragraphs
    for sentence in sentences:
        if not is_lead_in(sentence.text) or sentence.index + 1 >= len(sentences):
            continue
        paragraph = paragraphs[sentence.paragraph]
        if sentence.index < paragraph.last_sentence:
            # "He said: “…”" inside one paragraph: the rest of the paragraph is the quotation.
            following = sentences[sentence.index + 1]
            if following.text[:1] in OPENING_QUOTES:
                inline: list[int] = []
                for index in range(sentence.index + 1, paragraph.last_sentence + 1):
                    inline.append(index)
                    if _closes(sentences[index].text):
                        break
                units.append(QuoteUnit(sentence.index, tuple(inline)))
            continue
        quotation: list[int] = []
        for next_paragraph in paragraphs[sentence.paragraph + 1 :]:
            text = document.text[next_paragraph.start : next_paragraph.end].strip()
            if not text or text[0] not in OPENING_QUOTES:
                break
            quotation.extend(next_paragraph.sentence_indices)
            if _closes(text):
                break
        if quotation:
            units.append(QuoteUnit(sentence.index, tuple(quotation)))
    return tuple(units)


def _closes(paragraph_text: str) -> bool:
    """Whether a quotation's text (a paragraph or sentence) ends it, rather than running on."""
    body = paragraph_text[1:] if paragraph_text[:1] in OPENING_QUOTES else paragraph_text
    return body.rstrip()[-1:] in _CLOSING_QUOTES or any(mark in body for mark in "”»")


def quoted_spans(document: Document) -> tuple[tuple[int, int], ...]:
    """Spans of the document inside double quotation marks, quotation marks included.

    Curly marks open and close; a straight mark toggles.  A quotation left open at the end
    of a paragraph runs on when the next paragraph opens with a quotation mark (the
    multi-paragraph convention) and otherwise ends with its paragraph.  Single marks are
    left out: ’ is far more often an apostrophe than a closing mark.
    """
    spans: list[tuple[int, int]] = []
    text = document.text
    open_at: int | None = None
    for paragraph in document.paragraphs:
        body = text[paragraph.start : paragraph.end]
        lead = len(body) - len(body.lstrip())
        if open_at is not None and body[lead : lead + 1] not in ("“", '"', "„", "«"):
            spans.append((open_at, _previous_end(text, paragraph.start)))
            open_at = None
        for match in _DOUBLE_MARKS.finditer(body):
            char = match.group()
            at = paragraph.start + match.start()
            if char in "“„«":
                if open_at is None:
                    open_at = at
            elif char in "”»":
                if open_at is not None:
                    spans.append((open_at, at + 1))
                    open_at = None
            elif open_at is None:  # a straight mark toggles
                open_at = at
            else:
                spans.append((open_at, at + 1))
                open_at = None
        # a reopened multi-paragraph quotation: the opening mark of the next paragraph continues it
    if open_at is not None:
        spans.append((open_at, len(text.rstrip())))
    return _merge(spans)


def _previous_end(text: str, start: int) -> int:
    return len(text[:start].rstrip())


def _merge(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def inside(spans: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    """Whether ``start:end`` lies within one of ``spans``."""
    return any(s <= start and end <= e for s, e in spans)
