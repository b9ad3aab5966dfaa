"""The writer's framing of a source's statement: "claims", "alleges", "what they allege is", "as opposed to".

A report says what someone said; a writer who doubts it writes "the group claims" or "what they
allege is the fear".  The verbs name no side, so a claim reported from the left and one from the
right weigh alike (``evenhand/claim_framing.tsv``).  Each form is found only where it reads as
the writer framing a statement:

* ``verb``: the word is the reporting verb of a subject ("The council also claims that fines …",
  "The ACLU claims detaining …"), not a noun or an adjective ("insurance claims", "the alleged
  attack": ``evenhand/claim_not_before.txt``), and a clause follows ("that", an "-ing" word, a
  possessive, a subject pronoun, or a bare clause: a noun phrase and its verb, "claim the
  program was racist");
* ``np``: a phrase before a noun phrase ("what they allege is the …");
* ``after_report``: a phrase after a doubting reporting verb earlier in the sentence ("The ACLU
  claims … as opposed to safeguarding the nation"; not after "says": "it says it will hire 300, as
  opposed to 500 last year" is the speaker's own comparison).

Only in the writer's voice: inside a quotation the words are the speaker's and no cue is made.
:func:`claim_replacement` gives the neutral wording the rewording (:mod:`summarizer.reword`)
records as an edit, where the table has one ("claims" → "says"; "what they allege is" deleted).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from summarizer import lexicons, regex_cache

#: The file of forms, and the category its cues are (``summarizer.cues.categories.TABLE``).
SOURCE = "evenhand/claim_framing.tsv"
CATEGORY = "claim_framing"

# What follows a reporting verb: a "that" clause (not "claims that were filed": a noun with a
# relative clause), an "-ing" clause, a possessive subject ("ICE's collaboration", "the council's vote"),
# a subject pronoun.
_CLAUSE_AFTER = regex_cache.compile(
    r"[ \t]+(?:that\b(?![ \t]+(?:were|are|was|is|have|has|had|will|would|could|can|may|might)\b)"
    r"|[A-Za-z-]+ing\b|(?:the[ \t]+)?[A-Za-z][\w-]*[’']s\b|(?:he|she|it|they|we|there|i|you)\b)",
    re.IGNORECASE,
)
# What a noun phrase opens with: a determiner, a possessive, a quotation mark, a number.
# A bare clause ("claim the program was racist", "claims the city ignored them"): a noun phrase
# opened by a determiner or a name, then its verb (an auxiliary, "not"/"never", or a past form
# not followed by "by").  "claimed the title in 2004" has no verb after its object, and
# "claims the lives of" none either, so neither reads as reporting.
_AUX = r"(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might|must|did|does|do|never|not)"
_BARE_CLAUSE_AFTER = regex_cache.compile(
    r"[ \t]+(?:(?i:the|a|an|this|these|those|their|his|her|its|our|every|no)[ \t]+[a-z][\w'’-]*"
    r"(?:[ \t]+[a-z][\w'’-]*){0,2}|[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})"
    rf"[ \t]+(?i:{_AUX}\b|[a-z]+ed\b(?![ \t]+by\b))"
)
_NOUN_PHRASE_AFTER = regex_cache.compile(r"[ \t]+(?:the|a|an|this|that|these|those|their|his|her|its|[“\"‘']|\d)", re.IGNORECASE)
_REPORT_BEFORE = regex_cache.compile(
    r"\b(?:claims?|claimed|alleges?|alleged|believes?|believed|insists?|insisted|contends?|contended)\b",
    re.IGNORECASE,
)
_PREVIOUS_WORD = regex_cache.compile(r"([A-Za-z][\w'’-]*)[ \t,]*$")


@dataclass(frozen=True, slots=True)
class ClaimForm:
    """One row of ``evenhand/claim_framing.tsv``."""

    form: str
    context: str
    weight: float
    replacement: str
    rationale: str
    pattern: re.Pattern[str]


@cache
def claim_forms() -> tuple[ClaimForm, ...]:
    """The rows of the table, each with its pattern."""
    rows = []
    for form, context, weight, replacement, rationale in lexicons.rows(SOURCE, 5):
        if context not in ("verb", "np", "after_report"):
            raise lexicons.broken(SOURCE, f"unknown context {context!r} for {form!r}")
        body = form[3:] if form.startswith("re:") else r"\s+".join(re.escape(w) for w in form.split())
        pattern = regex_cache.compile(rf"(?<![\w'’-])(?:{body})(?![\w'’-])", re.IGNORECASE)
        rows.append(ClaimForm(form, context, lexicons.number(SOURCE, weight), replacement, rationale, pattern))
    return tuple(rows)


@cache
def _not_before() -> frozenset[str]:
    return lexicons.word_list("evenhand/claim_not_before.txt")


@cache
def _legal_subjects() -> frozenset[str]:
    return lexicons.word_list("evenhand/claim_legal_subjects.txt")


def _reads_as_verb(text: str, start: int, end: int) -> bool:
    previous = _PREVIOUS_WORD.search(text, 0, start)
    if previous is None or text[previous.end(1) : start].strip(" \t"):
        return False  # first in the sentence, or after a comma: no subject before it
    word = previous.group(1).lower()
    if word in _not_before() or word in _legal_subjects() or word.endswith(("'s", "’s")) or word.isdigit():
        return False
    return _CLAUSE_AFTER.match(text, end) is not None or _BARE_CLAUSE_AFTER.match(text, end) is not None


# Words one of which is in every form's match (tested first: most sentences hold none).
_HINTS = ("claim", "alleg", "opposed")


def claim_framing(text: str) -> list[tuple[int, int, ClaimForm]]:
    """Where ``text`` (one sentence) frames a source's statement: ``(start, end, form)``, in order, not overlapping."""
    lowered = text.lower()
    for hint in _HINTS:  # a loop: any() over a generator is slower here
        if hint in lowered:
            break
    else:
        return []
    found: list[tuple[int, int, ClaimForm]] = []
    for form in claim_forms():
        for match in form.pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e, _ in found):
                continue
            if form.context == "verb" and not _reads_as_verb(text, start, end):
                continue
            if form.context == "np" and not _NOUN_PHRASE_AFTER.match(text, end):
                continue
            if form.context == "after_report" and not _REPORT_BEFORE.search(text, 0, start):
                continue
            found.append((start, end, form))
    return sorted(found, key=lambda f: f[0])


def claim_replacement(cue_text: str) -> str | None:
    """The neutral wording for a cue of this category: a word, ``""`` to delete it, ``None`` for none."""
    for form in claim_forms():
        if form.pattern.fullmatch(cue_text):
            if not form.replacement:
                return None
            return "" if form.replacement == "-" else form.replacement
    return None


def argues_with_source(cue_text: str) -> bool:
    """Whether a cue of this category sets a reported claim against the writer's own view (a form
    of context ``after_report``: "as opposed to"), as framing an opponent does ("instead of noting")."""
    return any(form.context == "after_report" and form.pattern.fullmatch(cue_text) for form in claim_forms())
