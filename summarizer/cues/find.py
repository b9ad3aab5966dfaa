"""Find the cues of every sentence: the phrase index, the word lexicons, personal voice and the structural cues, in one pass."""

from __future__ import annotations

import re

from summarizer.cues.categories import QUOTED_FACTOR
from summarizer.cues.phrases import _NEUTRAL_PHRASE, _loaded_entry, _phrase_matches, _runs_of, _word_patterns
from summarizer.cues.quoting import _coverage, _covered, _Quotations, _quotations
from summarizer.cues.structural import _Brackets, _structural_cues, bracket_insertions
from summarizer.model import Cue, Document, Sentence

#: Words that begin no noun phrase: a word of the general lexicons before one of these (or
#: before punctuation) modifies nothing after it ("Danny Strong (born 1974)", "Rosendo de las
#: Alas, 88", "it aired on"), unless it takes a complement (:data:`_COMPLEMENT`) or a linking
#: or degree word before it makes it a predicate (:data:`_PREDICATE_BEFORE`).
_FUNCTION_WORDS = frozenset(
    """of in on at for with by from to into about over under between through during among against
    without within upon than as and or but nor so yet if because while is are was were be been being
    am has have had do does did will would can could should may might must it he she they we you i
    him them us me who whom whose which what when where why how not out up down off away back the a
    an this that these those its their his her our my your""".split()
)
#: Linking verbs and degree words after which an adjective is a predicate ("was vulgar", "very poor").
_PREDICATE_BEFORE = frozenset(
    """is are was were be been being am become becomes became seem seems seemed remain remains remained
    look looks looked sound sounds sounded feel feels felt appear appears appeared prove proved proves
    very so too more most less least quite rather extremely really truly highly particularly
    especially increasingly""".split()
)
#: Prepositions that take an adjective's complement ("critical of", "angry at", "hostile to").
_COMPLEMENT = frozenset("of at to about with over for".split())
_NEXT_WORD = re.compile(r"[ \t]*([A-Za-z0-9][\w'’-]*)")
_PREVIOUS_WORD = re.compile(r"([A-Za-z][\w'’-]*)[ \t]+$")


def _used_as_modifier(body: str, start: int, end: int) -> bool:
    """Whether a word of the general lexicons (VADER, Pattern) at ``body[start:end]`` is used as
    a modifier or a predicate: an adverb in "-ly", a word before the next word of a noun phrase
    or before its complement ("critical of"), or a word after a linking or degree word ("was
    vulgar", "very poor").  The lexicons list words out of context; in a name, before a bracket
    or a comma, they judge nothing (WNC half A: the general lexicons' cues per neutral rewrite
    0.254 → 0.19 at a cost of one sentence's recall in 269; BABE SG2 macro-F1 0.7085 → 0.7061)."""
    if body[start:end].lower().endswith("ly"):
        return True
    following = _NEXT_WORD.match(body, end)
    if following is not None:
        word = following.group(1).lower()
        if word not in _FUNCTION_WORDS or word in _COMPLEMENT:
            return True
    previous = _PREVIOUS_WORD.search(body, 0, start)
    return previous is not None and previous.group(1).lower() in _PREDICATE_BEFORE


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
        if in_quote:
            weight, source = weight * QUOTED_FACTOR, f"{source} (quoted)"
        taken.append((start, end))
        cues.append(Cue(category, start, end, text[start:end], round(weight, 3), source))

    runs = _runs_of(body)
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

    cues.extend(_structural_cues(document, sentence, quotes, brackets))
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
