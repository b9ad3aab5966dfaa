"""Whether a sentence credits someone with words: the test that tells a quotation from a scare quote."""

from __future__ import annotations

import re
from functools import cache

from summarizer import lexicons, regex_cache
from summarizer.cues.phrases import _forms, _words


@cache
def _attribution_regex() -> re.Pattern[str]:
    """The phrases that credit a quotation (``evenhand/attribution_phrases.txt``), and "called" not after "so"."""
    phrases = (
        r"\s+".join(map(re.escape, p.split())) for p in lexicons.lines("evenhand/attribution_phrases.txt")
    )
    return regex_cache.compile(rf"\b(?:{'|'.join(phrases)}|(?<![Ss]o[\s\-])called)\b", re.IGNORECASE)


@cache
def _attribution_verbs() -> frozenset[str]:
    """Every form of the verbs that credit someone with words (``evenhand/speech_verbs.txt``).

    A speech verb that is also a common noun ("the state", "a report") counts only in its
    -ed and -ing forms (``evenhand/speech_verbs_noun_like.txt``).
    """
    noun_like = lexicons.word_list("evenhand/speech_verbs_noun_like.txt")
    forms: set[str] = set()
    for verb in lexicons.word_list("evenhand/speech_verbs.txt"):
        inflected = _forms(verb)
        if verb in noun_like:
            inflected = {form for form in inflected if form.endswith(("ed", "ing"))}
        forms |= inflected
    return frozenset(forms)


attribution_verbs = _attribution_verbs


@cache
def dispute_verbs() -> frozenset[str]:
    """Every form of the verbs by which a source is reported as disputing or opposing
    (``evenhand/dispute_verbs.txt``: "Ellison criticised the bill", "the firm denied it")."""
    return frozenset(form for verb in lexicons.word_list("evenhand/dispute_verbs.txt") for form in _forms(verb))


def _is_attributed(outside: str) -> bool:
    """Whether the writer's part of a sentence credits someone with words (said, wrote, called ...)."""
    if _attribution_regex().search(outside):
        return True
    verbs = _attribution_verbs()
    # Lower case only: "United States" and "Reports" in a title are no one speaking.
    return any(word in verbs for word in _words(outside))
