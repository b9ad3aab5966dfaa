"""The structural cues: scare quotes, bracketed insertions, rhetorical questions, exclamations, calls to action,
the writer framing an opponent.

They are found from the sentence's shape and its quotations rather than from word lists, and
may contain word cues.  :func:`call_to_action` and :func:`bracket_insertions` are shared with
the boilerplate detector.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from summarizer import lexicons, regex_cache
from summarizer.cues.attribution import _is_attributed
from summarizer.cues.categories import QUOTED_FACTOR
from summarizer.cues.phrases import _words, fold_case
from summarizer.cues.quoting import _coverage, _covered, _Quotations, _quotations
from summarizer.model import Cue, Document, Sentence

#: A quoted span of at most this many words, credited to no speaker, is a scare quote.
SCARE_QUOTE_MAX_WORDS = 4


@cache
def _call_to_action_regex() -> re.Pattern[str]:
    """The calls to action of ``evenhand/call_to_action.txt``, one alternative a line."""
    return regex_cache.compile(
        "(?i)" + "|".join(f"(?:{line})" for line in lexicons.lines("evenhand/call_to_action.txt"))
    )


@cache
def _opponent_framing_regex() -> re.Pattern[str]:
    """The writer framing an opponent (``evenhand/opponent_framing.txt``), one alternative a line."""
    return regex_cache.compile(
        "(?i)" + "|".join(f"(?:{line})" for line in lexicons.lines("evenhand/opponent_framing.txt"))
    )


# One of these is in the folded text of every match of _opponent_framing_regex() (each line
# needs one of the words), tested before the regex: most sentences hold none.  "leave out the
# fact" is hinted by "fact", not "out" ("about", "without": a news sentence in eight holds "out").
_FRAMING_HINTS = ("instead", "rather", "ignor", "overlook", "fail", "neglect", "omit", "fact", "gloss", "blind",
                  "you", "yet")  # fmt: skip


def _may_frame_opponent(text: str, folded: str | None = None) -> bool:
    if folded is None:
        folded = fold_case(text)
    for hint in _FRAMING_HINTS:  # noqa: SIM110  # a loop: any() over a generator is slower here
        if hint in folded:
            return True
    return False


def opponent_framing(text: str, *, folded: str | None = None) -> list[tuple[int, int]]:
    """Find where the writer frames an opponent: what the other side leaves out or will not admit.

    "instead of noting", "ignores the fact that", "fails to mention", "glosses over": the
    writer arguing with the people reported on, whichever side they are (the list names none).

    Args:
        text: one sentence.
        folded: :func:`~summarizer.cues.fold_case` of ``text``, when folded already.

    Returns:
        The ``(start, end)`` of every such phrase within ``text``, in order.
    """
    if not _may_frame_opponent(text, folded):
        return []
    return [match.span() for match in _opponent_framing_regex().finditer(text)]


@dataclass(frozen=True, slots=True)
class _Brackets:
    """A document's bracketed insertions, indexed for lookups by position."""

    spans: tuple[tuple[int, int], ...]
    starts: tuple[int, ...]
    inside: tuple[list[int], list[int]]


def _outside(sentence: Sentence, inside: tuple[list[int], list[int]], body: str | None = None) -> str:
    """The sentence (``body``: its text, when read already) with every character inside a quotation
    blanked out; ``body`` itself where no quotation touches it."""
    firsts, lasts = inside
    if body is None:
        body = sentence.text
    base = sentence.start
    end = base + len(body)
    i = bisect_right(firsts, base) - 1
    if i < 0 or lasts[i] < base:
        i += 1
    pieces: list[str] = []
    cursor = base
    while i < len(firsts) and firsts[i] < end:
        first, last = max(firsts[i], base), min(lasts[i], end - 1)
        pieces.append(body[cursor - base : first - base])
        pieces.append(" " * (last - first + 1))
        cursor = last + 1
        i += 1
    if not pieces:
        return body
    pieces.append(body[cursor - base :])
    return "".join(pieces)


# What introduces a name, a title or a term in quotation marks: "known as", "nicknamed", "the
# song", "the term".  "so-called" is the scare quote's own herald, so it is no such thing.
@cache
def _naming_regex() -> re.Pattern[str]:
    """What introduces a name (``evenhand/naming_phrases.txt``, and "called" not after "so"), right before a quotation."""
    phrases = (r"\s+".join(map(re.escape, p.split())) for p in lexicons.lines("evenhand/naming_phrases.txt"))
    return regex_cache.compile(rf"(?:\b(?:{'|'.join(phrases)}|(?<![Ss]o[\s\-])called)\s*[,:]?\s*$)", re.IGNORECASE)


_SO_CALLED = regex_cache.compile(r"\bso[\s\-]called\s*$", re.IGNORECASE)


@cache
def _small_words() -> frozenset[str]:
    """The small words a title in capitals may hold in lower case (``evenhand/title_small_words.txt``)."""
    return lexicons.word_list("evenhand/title_small_words.txt")


def is_capitalised_title(words: Sequence[str]) -> bool:
    """Whether quoted words read as a title in capitals ("The Long Road Home", "Action Plan for the
    Development of Italy"): the first capitalised, every other capitalised or a small word."""
    return bool(words) and words[0][:1].isupper() and all(w[:1].isupper() or w.lower() in _small_words() for w in words)


def _names_something(text: str, start: int, inner: str, words: list[str]) -> bool:
    """Whether the quoted ``inner`` at ``start`` names a work, a nickname or a term, so is no scare quote.

    Three rules: a fragment of under three letters ('n' in rock 'n' roll, grade "A"); a title
    in capitals ("Supernova", "The Long Road Home": every word capitalised bar the small
    ones); or a name introduced as one ("known as", "nicknamed", "the song", "the term").
    After "so-called" a quotation is always a scare quote, capitals or not.
    """
    if sum(ch.isalpha() for ch in inner) < 3:
        return True
    if _SO_CALLED.search(text, max(0, start - 12), start):
        return False
    if is_capitalised_title(words):
        return True
    return _naming_regex().search(text, max(0, start - 40), start) is not None


@lru_cache(maxsize=2)
def _has_capitals(text: str) -> bool:
    return any(ch.isupper() for ch in text)


def _structural_cues(
    document: Document,
    sentence: Sentence,
    quotes: _Quotations,
    brackets: _Brackets,
    body: str | None = None,
    folded: str | None = None,
) -> list[Cue]:
    text = document.text
    cues: list[Cue] = []
    if body is None:
        body = sentence.text
    outside = _outside(sentence, quotes.inside, body)
    if folded is None:  # the calls to action and the framing read it: folded once
        folded = fold_case(body)

    attributed: bool | None = None
    first, last = bisect_left(quotes.starts, sentence.start), bisect_left(quotes.starts, sentence.end)
    # In text with no capital letter at all (a lower-cased corpus, a caption), a title cannot be
    # told from a scare quote (see _names_something), so none is flagged: no evidence, no cue.
    spans = quotes.spans[first:last] if _has_capitals(text) else ()
    for start, end in spans:
        if end > sentence.end or start in quotes.continued:
            continue
        inner = text[start + 1 : end - 1] if end - start >= 2 else ""
        words = _words(inner)
        if not words or len(words) > SCARE_QUOTE_MAX_WORDS:
            continue
        if _names_something(text, start, inner, words):
            continue
        if quotes.max_end[bisect_left(quotes.starts, start)] >= end:
            # Inside another quotation: a scare quote of the speaker's.
            cues.append(Cue("scare_quote", start, end, text[start:end], QUOTED_FACTOR, "rule (quoted)"))
            continue
        if attributed is None:
            attributed = _is_attributed(outside)
        if not attributed:
            cues.append(Cue("scare_quote", start, end, text[start:end], 1.0, "rule"))

    spans, starts = brackets.spans, brackets.starts
    for start, end in spans[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]:
        cues.append(Cue("bracketed_insertion", start, end, text[start:end], 1.0, "rule"))

    stripped = outside.rstrip(" \t\n”’\"')]")
    cta = call_to_action(outside, folded=folded if outside is body else None)
    if cta is not None:
        s, e = sentence.start + cta[0], sentence.start + cta[1]
        cues.append(Cue("call_to_action", s, e, text[s:e], 1.0, "rule"))
    elif stripped.endswith("?"):
        at = sentence.start + len(stripped) - 1
        cues.append(Cue("rhetorical_question", at, at + 1, "?", 1.0, "rule"))
    if "!" in outside:
        at = sentence.start + outside.index("!")
        cues.append(Cue("exclamation", at, at + 1, "!", 1.0, "rule"))
    # Framing an opponent: the writer's, or inside a quotation the speaker's (at the quoted weight).
    for first, last in opponent_framing(body, folded=folded):
        s, e = sentence.start + first, sentence.start + last
        if _covered(s, quotes.inside) and not _covered(s, brackets.inside):
            cues.append(Cue("opponent_framing", s, e, text[s:e], QUOTED_FACTOR, "rule (quoted)"))
        else:
            cues.append(Cue("opponent_framing", s, e, text[s:e], 1.0, "rule"))
    return cues


# Words without one of which no branch of _call_to_action_regex() can match (each branch needs the
# word whole, or as the text's first word), checked on the folded text before the regex.
_CTA_WORDS = frozenset(
    {"you", "your", "click", "sign", "subscribe", "miss", "chip", "join", "share", "donate", "become", "access"}
)  # fmt: skip
_CTA_OPENERS = frozenset(
    {"support", "join", "read", "learn", "download", "register", "watch", "listen", "shop", "order", "buy"}
)
_CTA_HINTS = ("you", "click", "sign", "subscribe", "miss", "chip", "join", "share", "donate", "become", "access",
              "follow", "like")  # fmt: skip
_TOKEN = regex_cache.compile(r"\w+")


def _may_call_to_action(text: str, folded: str | None = None) -> bool:
    if folded is None:
        folded = fold_case(text)
    first = _TOKEN.search(folded)
    if first is None:
        return False
    if first.group() in _CTA_OPENERS:
        return True
    for hint in _CTA_HINTS:  # a substring test each: quicker than one regex of them all
        if hint in folded:
            break
    else:
        return False
    tokens = set(_TOKEN.findall(folded))
    return not tokens.isdisjoint(_CTA_WORDS) or ("us" in tokens and not tokens.isdisjoint(("follow", "like")))


def call_to_action(text: str, *, folded: str | None = None) -> tuple[int, int] | None:
    """Find a call to action addressed to the reader.

    A call-to-action phrase ("Click to", "Sign up", "Do you want to", "Subscribe") counts
    when the text addresses the reader ("you", "your") or opens with it, as an imperative.

    Args:
        text: one sentence (quoted parts already blanked out, when that matters).
        folded: :func:`~summarizer.cues.fold_case` of ``text``, when folded already.

    Returns:
        The ``(start, end)`` of the phrase within ``text``, or ``None``.
    """
    if not _may_call_to_action(text, folded):
        return None
    match = _call_to_action_regex().search(text)
    if match is None:
        return None
    addressed = re.search(r"\b(?:you|your)\b", text, re.IGNORECASE) is not None
    opening = not text[: match.start()].strip(" \t\n\"“‘'([-–—•*")
    return (match.start(), match.end()) if addressed or opening else None


# A bracket joined to a word's letters repairs that word ("ripp[ing]", "[t]he"): no insertion.
# The pattern opens with the bracket and looks back past it ("(?<!\w\[)", the same test as
# "(?<!\w)" before it), so that the regex engine skips to each "[" instead of trying every
# position of the document: 2 ms to 0.04 ms on a text of 1,000 sentences.
_BRACKETS = regex_cache.compile(r"\[(?<!\w\[)[^\[\]\n]{1,80}\](?!\w)")


def bracket_insertions(
    text: str, quotes: Sequence[tuple[int, int]] | None = None
) -> tuple[tuple[int, int], ...]:
    """Find the writer's square-bracketed insertions inside quotations.

    Args:
        text: the document text.
        quotes: the quotation spans, when already computed by :func:`quotation_spans`.

    Returns:
        ``(start, end)`` spans including the brackets.
    """
    inside = _quotations(text).inside if quotes is None else _coverage(quotes)
    return tuple((m.start(), m.end()) for m in _BRACKETS.finditer(text) if _covered(m.start(), inside))
