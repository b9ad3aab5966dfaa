"""Find the cues of every sentence: the phrase index, the word lexicons, personal voice and the structural cues, in one pass."""

from __future__ import annotations

import sys

from summarizer import regex_cache
from summarizer.cues.categories import QUOTED_FACTOR
from summarizer.cues.claims import CATEGORY as CLAIM_CATEGORY
from summarizer.cues.claims import SOURCE as CLAIM_SOURCE
from summarizer.cues.claims import claim_framing
from summarizer.cues.phrases import (
    _NEUTRAL_PHRASE,
    _loaded_entry,
    _phrase_matches,
    _runs_of,
    _word_patterns,
    fold_case,
)
from summarizer.cues.quoting import _coverage, _covered, _Quotations, _quotations
from summarizer.cues.structural import _Brackets, _structural_cues, bracket_insertions
from summarizer.model import Cue, Document, Sentence

#: Linking verbs and degree words after which an adjective is a predicate ("was vulgar", "very poor").
_PREDICATE_BEFORE = frozenset(
    """is are was were be been being am become becomes became seem seems seemed remain remains remained
    look looks looked sound sounds sounded feel feels felt appear appears appeared prove proved proves
    very so too more most less least quite rather extremely really truly highly particularly
    especially increasingly""".split()
)
#: One float object per weight a cue can have (a few dozen), shared by every cue.
_WEIGHTS: dict[float, float] = {}
_NEXT_WORD = regex_cache.compile(r"[ \t]*[A-Za-z0-9]")
_PREVIOUS_WORD = regex_cache.compile(r"([A-Za-z][\w'’-]*)[ \t]+$")


def _used_as_modifier(body: str, start: int, end: int) -> bool:
    """Whether a word of the general lexicons (VADER, Pattern) at ``body[start:end]`` may be used
    as a modifier or a predicate: an adverb in "-ly", a word with a word after it, or a word after
    a linking or degree word ("was vulgar", "very poor").  The lexicons list words out of context;
    before a bracket, a comma or the end with no linking word before it, a word is most often a
    name or a verb's form ("Danny Strong (born 1974)", "Rosendo de las Alas, 88") and judges
    nothing.  (WNC half A: cues per neutral rewrite 0.446 → 0.416, recall unchanged; also
    rejecting a word before a function word gave 0.394 but cost BABE SG2 macro-F1 0.7085 → 0.7061
    and BBC ROUGE-2, so it was left out.)"""
    if body[start:end].lower().endswith("ly") or _NEXT_WORD.match(body, end):
        return True
    previous = _PREVIOUS_WORD.search(body, 0, start)
    return previous is not None and previous.group(1).lower() in _PREDICATE_BEFORE


# A participle's agent: "maintained by", "revealed by".
_PASSIVE_BY = regex_cache.compile(r"(?i)\s+by\b")


def _sentence_cues(
    document: Document,
    sentence: Sentence,
    quotes: _Quotations,
    brackets: _Brackets,
) -> tuple[Cue, ...]:
    text = document.text
    base = sentence.start
    body = sentence.text
    inside = quotes.inside

    def quoted(position: int) -> bool:
        return _covered(position, inside) and not _covered(position, brackets.inside)

    taken: list[tuple[int, int]] = []
    cues: list[Cue] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add_word(category: str, start: int, end: int, weight: float, source: str) -> None:
        if not free(start, end):
            return
        in_quote = quoted(start)
        if in_quote and category in ("factive_verb", "assertive_verb"):
            return
        if category in ("factive_verb", "assertive_verb") and _PASSIVE_BY.match(text, end) and text[start:end].lower().endswith(("ed", "en", "wn")):
            # "websites maintained by al-Sadr's followers": a participle with its agent describes, it asserts nothing.
            return
        if in_quote:
            weight, source = weight * QUOTED_FACTOR, f"{source} (quoted)"
        taken.append((start, end))
        # A long text repeats the same words, weights and sources thousands of times: share them.
        weight = round(weight, 3)
        shared = _WEIGHTS.setdefault(weight, weight) if weight else weight  # -0.0 stays itself
        cues.append(Cue(category, start, end, sys.intern(text[start:end]), shared, sys.intern(source)))

    # The writer's framing of a source's words ("also claims that"): before the lists, so the verb is one cue.
    for first, last, form in claim_framing(body):
        if not quoted(base + first):
            add_word(CLAIM_CATEGORY, base + first, base + last, form.weight, CLAIM_SOURCE)

    folded = fold_case(body)  # the phrase needles and the structural cues read it
    runs = _runs_of(body, folded)
    patterns = _word_patterns()
    for k, matches in _phrase_matches(body, runs):
        phrases = patterns[k]
        if phrases.category == _NEUTRAL_PHRASE:
            taken.extend((base + m.start(), base + m.end()) for m in matches)
            continue
        for match in matches:
            if phrases.category == "loaded_term":
                entry = _loaded_entry(match.group())
                weight, source = entry.weight, f"evenhand/loaded_terms.tsv:{entry.side}"
            else:
                weight, source = phrases.weight, phrases.source
            add_word(phrases.category, base + match.start(), base + match.end(), weight, source)

    for start, _, info in runs:
        if info.word is not None:
            category, first, last, weight, source = info.word
            if not _used_as_modifier(body, start + first, start + last):
                continue
            add_word(category, base + start + first, base + start + last, weight, source)

    for start, end, info in runs:
        if info.personal and not quoted(base + start):
            add_word("personal_voice", base + start, base + end, 1.0, "rule")

    cues.extend(_structural_cues(document, sentence, quotes, brackets, body, folded))
    if len(cues) < 2:  # most sentences: nothing to sort
        return tuple(cues)
    return tuple(sorted(cues, key=lambda cue: (cue.start, cue.end, cue.category)))


def find_cues(document: Document) -> tuple[tuple[Cue, ...], ...]:
    """Find the cues of loaded language in every sentence of ``document``.

    Args:
        document: the segmented text.

    Returns:
        One tuple of cues per sentence, in document order; each cue's ``start:end``
        indexes ``document.text`` and ``cue.text`` is the text as written.
    """
    quotes = _quotations(document.text)
    spans = bracket_insertions(document.text)
    brackets = _Brackets(spans, tuple(start for start, _ in spans), _coverage(spans))
    return tuple(_sentence_cues(document, sentence, quotes, brackets) for sentence in document.sentences)
