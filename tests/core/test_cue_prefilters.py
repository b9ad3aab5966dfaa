"""The shortcuts that make cues, boilerplate and bias scoring fast never change a result.

Each pattern is run only where a cheap test says it could match: a phrase only where a run
of word characters starts with its first word, a call to action or a pitch only when the
folded text holds a word it needs.  These tests check that the cheap tests are never
stricter than the patterns, on texts made of the patterns' own words, so that a word added
to a pattern without its hint fails here rather than silently missing cues.
"""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer import boilerplate, lexicons, neutrality
from summarizer.cues import fold_case, quotation_spans, structural
from summarizer.cues import phrases as index

ALL_CHARACTERS = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
BMP = ALL_CHARACTERS[:0xF800]  # U+0000..U+FFFF, surrogates left out


def _mask(pattern: str, text: str) -> str:
    return re.sub("[^1]", "0", re.sub(pattern, "1", text))


def test_fold_case_keeps_length_and_word_characters() -> None:
    assert len(fold_case(ALL_CHARACTERS)) == len(ALL_CHARACTERS)
    folded = fold_case(BMP)
    for pattern in (r"\w", r"[\w’'\-]", r"[\w’']", r"\s"):
        assert _mask(pattern, folded) == _mask(pattern, BMP), pattern


def test_fold_case_maps_every_case_insensitive_match_of_ascii() -> None:
    for letter in "abcdefghijklmnopqrstuvwxyz0123456789":
        for ch in re.findall(letter, ALL_CHARACTERS, re.IGNORECASE):
            assert fold_case(ch) == letter, (letter, ch)


def _pattern_words(*patterns: re.Pattern[str]) -> list[str]:
    words: set[str] = set()
    for pattern in patterns:
        words |= set(re.findall(r"[A-Za-z][A-Za-z'’\-]*", pattern.pattern))
    return sorted(words)


def _phrase_words() -> list[str]:
    words: set[str] = set()
    for phrases in index._word_patterns():
        for phrase in phrases.ordered:
            words |= set(re.split(r"[\s\-]+", phrase.replace("*", "ing")))
            words.add(phrase.replace("*", ""))
    return sorted(words)


def _texts(words: list[str]) -> st.SearchStrategy[str]:
    word = st.sampled_from(words).flatmap(
        lambda w: st.sampled_from([w, w.upper(), w.capitalize(), w.replace("i", "İ"), w.replace("s", "ſ")])
    )
    glue = st.sampled_from([" ", " ", " ", "-", "  ", "\n", ", ", ". ", "’s ", "'", "“", "”", '"', "(", ")", "[", "]",
                            "/", ":", "!", "?", "2024", "© ", ""])  # fmt: skip
    return st.lists(st.tuples(word, glue), max_size=14).map(lambda parts: "".join(w + g for w, g in parts))


PHRASE_WORDS = _phrase_words()
LEXICON_SAMPLE = [*PHRASE_WORDS, "I", "we", "We", "us", "US", "you", "said", "told", "disaster", "brilliant"]


@settings(max_examples=300, deadline=None)
@given(text=_texts(LEXICON_SAMPLE))
def test_phrase_index_finds_what_the_regex_finds(text: str) -> None:
    # Every candidate set has its own small regex; they find what the pattern's whole regex finds.
    _check_phrase_index(text)


def _check_phrase_index(text: str) -> None:
    expected = [[m.span() for m in phrases.regex.finditer(text)] for phrases in index._word_patterns()]
    found: list[list[tuple[int, int]]] = [[] for _ in expected]
    for k, matches in index._phrase_matches(text, index._runs_of(text)):
        assert matches, "a pattern without matches is left out"
        found[k] = [m.span() for m in matches]
    assert found == expected


def test_needles_never_hide_a_phrase() -> None:
    # Each phrase written out (gaps filled, endings added, in capitals, hyphenated, a long s and a
    # dotted capital I for its letters): the index, needles and all, finds what the regexes find.
    for phrases in index._word_patterns():
        for phrase in phrases.ordered:
            plain = phrase.replace(index.GAP, "the new bill").replace("*", "ing")
            for text in (plain, plain.upper(), plain.replace(" ", "-"), plain.replace("s", "ſ").replace("i", "İ")):
                _check_phrase_index(f"As seen, {text} today.")


def test_every_phrase_is_indexed() -> None:
    assert all(phrases.indexed for phrases in index._word_patterns())


@settings(max_examples=150, deadline=None)
@given(_texts(LEXICON_SAMPLE))
def test_run_look_ups_match_the_word_and_pronoun_patterns(text: str) -> None:
    runs = index._runs_of(text)
    personal = [(s, e) for s, e, info in runs if info.personal]
    pronouns = re.compile(
        r"(?<![\w’'\-])(?:I|[Ww]e|[Oo]ur|[Oo]urs|[Oo]urselves|us|[Yy]ou|[Yy]our|[Yy]ours|[Mm]y|me|[Mm]ine)(?![\w’'\-])"
    )
    assert personal == [m.span() for m in pronouns.finditer(text)]
    words = {m.start() for m in index._WORD.finditer(text)}
    for start, _, info in runs:
        if info.word is not None:
            assert start + info.word[1] in words


CTA_WORDS = [*_pattern_words(structural._call_to_action_regex()), "you", "your", "us", "want", "to"]


@settings(max_examples=200, deadline=None)
@given(_texts(CTA_WORDS))
def test_call_to_action_hint_is_never_stricter_than_the_pattern(text: str) -> None:
    if structural._call_to_action_regex().search(text):
        assert structural._may_call_to_action(text)


FRAMING_WORDS = [*_pattern_words(structural._opponent_framing_regex()), "the", "fact", "to", "of", "you", "won't"]


@settings(max_examples=200, deadline=None)
@given(_texts(FRAMING_WORDS))
def test_opponent_framing_hint_is_never_stricter_than_the_pattern(text: str) -> None:
    if structural._opponent_framing_regex().search(text):
        assert structural._may_frame_opponent(text)


@settings(max_examples=100, deadline=None)
@given(_texts([*CTA_WORDS, *FRAMING_WORDS]))
def test_text_folded_once_gives_what_folding_it_again_gives(text: str) -> None:
    # The cue finder folds a sentence once for the needles, the calls to action and the framing.
    folded = fold_case(text)
    assert structural.call_to_action(text, folded=folded) == structural.call_to_action(text)
    assert structural.opponent_framing(text, folded=folded) == structural.opponent_framing(text)
    assert index._runs_of(text, folded) == index._runs_of(text)


BOILERPLATE_WORDS = _pattern_words(
    boilerplate._WIRE, boilerplate._PHOTO, boilerplate._PITCH, boilerplate._COPYRIGHT
)


@settings(max_examples=200, deadline=None)
@given(_texts([*BOILERPLATE_WORDS, "Reuters", "AP", "our", "you"]))
def test_boilerplate_hints_are_never_stricter_than_the_patterns(text: str) -> None:
    folded = fold_case(text)
    for pattern, hints in (
        (boilerplate._WIRE, boilerplate._WIRE_HINTS),
        (boilerplate._PHOTO, boilerplate._PHOTO_HINTS),
        (boilerplate._PITCH, boilerplate._PITCH_HINTS),
        (boilerplate._COPYRIGHT, boilerplate._COPYRIGHT_HINTS),
    ):
        if pattern.search(text) or pattern.match(text):
            assert boilerplate._hinted(folded, hints), pattern.pattern[:40]


NEGATIONS = [
    "not",
    "never",
    "no",
    "nothing",
    "nobody",
    "none",
    "neither",
    "nor",
    "don't",
    "won’t",
    "n't",
    "now",
    "note",
]
ATTRIBUTIONS = ["said", "says", "told", "according", "to", "according to", "sayso", "toldo"]
DATES = [*_pattern_words(neutrality._DATE), "Monday", "SEPT", "Sept", "september", "January", "october", "August", "Thursday", "June", "today", "decade"]


@settings(max_examples=300, deadline=None)
@given(_texts([*NEGATIONS, *ATTRIBUTIONS, *DATES]))
def test_bias_feature_patterns_on_folded_text_match_as_case_insensitive_ones(text: str) -> None:
    # The patterns run on the folded text, with hints tested first by substring.
    negation = re.compile(r"\b(?:not|never|no|nothing|nobody|none|neither|nor)\b|n[’']t\b", re.IGNORECASE)
    attribution = re.compile(r"\b(?:said|says|told|according\s+to)\b", re.IGNORECASE)
    folded = fold_case(text)
    assert len(neutrality._NEGATION.findall(folded)) == len(negation.findall(text))
    assert (neutrality._ATTRIBUTED.search(folded) is not None) == (attribution.search(text) is not None)
    if neutrality._NEGATION.search(folded):
        assert any(hint in folded for hint in neutrality._NEGATION_HINTS)
    if neutrality._ATTRIBUTED.search(folded):
        assert any(hint in folded for hint in neutrality._ATTRIBUTED_HINTS)
    if neutrality._DATE.search(folded):
        assert any(hint in folded for hint in neutrality._DATE_HINTS)


def _spans_by_scanning_every_character(text: str) -> tuple[tuple[int, int], ...]:
    """The quotation scan as first written, one character at a time.

    With the rule for a line that begins inside a quotation: its first double mark closes it
    (a curly closing mark, or a straight one after a letter or punctuation and before no word).
    """
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    n = len(text)
    line, seen = 0, False
    for i, ch in enumerate(text):
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if ch == "\n":
            while stack:
                kind, start = stack.pop()
                if kind == '"':
                    spans.append((start, i))
            line, seen = i + 1, False
            continue
        if ch in "“„«”»\"" and not seen:
            seen = True
            before = text[i - 1] if i > line else " "
            closing = ch in "”»" or (
                ch == '"' and not before.isspace() and not before.isdigit() and not (nxt.isalnum() or nxt in "'’")
            )
            if closing:
                first = line
                while text[first].isspace():
                    first += 1
                spans.append((first, i + 1))
                continue
        if ch in "“„«":
            stack.append(('"', i))
        elif ch in "”»" or ch == '"':
            if any(kind == '"' for kind, _ in stack):
                while stack:
                    kind, start = stack.pop()
                    if kind == '"':
                        spans.append((start, i + 1))
                        break
            elif ch == '"':
                stack.append(('"', i))
        elif ch in "‘'" and prev in " \t\n([{“„«—–-/" and (nxt.isalpha() or nxt in '“"'):
            stack.append(("'", i))
        elif ch in "’'" and stack and stack[-1][0] == "'" and not nxt.isalpha():
            _, start = stack.pop()
            spans.append((start, i + 1))
    while stack:
        kind, start = stack.pop()
        if kind == '"':
            spans.append((start, n))
    return tuple(sorted(spans))


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab ’'‘“”„«»\"\n([-.90\t")), max_size=60))
def test_quotation_scan_jumps_between_marks_without_changing_spans(text: str) -> None:
    assert quotation_spans(text) == _spans_by_scanning_every_character(text)


def test_lexicons_are_ascii() -> None:
    # The phrase index relies on it (a non-ASCII phrase switches its pattern to a full scan).
    assert all(t.term.isascii() for t in lexicons.loaded_terms())


def test_loaded_entry_is_the_longest_term_whose_regex_matches_it_all() -> None:
    terms = sorted(lexicons.loaded_terms(), key=lambda t: len(t.term), reverse=True)
    every = [(re.compile(index._term_regex(t.term), re.IGNORECASE), t) for t in terms]
    for term in terms:
        for ending in ("", "s", "ers"):
            for text in (
                term.term.replace("*", ending),
                term.term.replace("*", ending).upper().replace(" ", "-"),
            ):
                if index._phrase_pattern([term.term]).fullmatch(text):
                    assert index._loaded_entry(text) == next(t for regex, t in every if regex.fullmatch(text))


def test_one_head_index_gives_each_run_the_candidates_of_every_pattern_looked_up_alone() -> None:
    from pathlib import Path

    def alone(run: str) -> tuple[tuple[int, tuple[int, ...]], ...]:
        head = index.fold_case(run.partition("-")[0])
        candidates = []
        for k, pattern in enumerate(index._word_patterns()):
            if not pattern.indexed:
                continue
            found = pattern.exact.get(head, ())
            for length in pattern.lengths:
                if length <= len(head):
                    found += pattern.prefixes.get(head[:length], ())
            if found:
                candidates.append((k, tuple(sorted(set(found)))))
        return tuple(candidates)

    fixtures = Path(__file__).parents[1] / "fixtures"
    runs = {run for p in fixtures.rglob("*.txt") for run in index._RUN.findall(p.read_text(encoding="utf-8"))}
    # The lists' own first words, in the forms a "*" ending allows, hyphenated and capitalised.
    for pattern in index._word_patterns():
        for phrase in pattern.ordered:
            first = phrase.split()[0].rstrip("*")
            runs |= {first, first + "ing", first + "-led", first.capitalize(), first.upper()}
    assert runs
    for run in runs:
        info = index._run_info(run)
        assert (info.phrases if info else ()) == alone(run), run


def test_run_character_test_is_the_regex_on_every_code_point() -> None:
    run_char = re.compile(r"[\w’'\-]")
    assert all(index._in_run(c) == bool(run_char.match(c)) for c in map(chr, range(sys.maxunicode + 1)))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab [] _\né1'", max_size=120))
def test_bracket_pattern_opens_with_its_bracket_and_finds_what_the_look_behind_did(text: str) -> None:
    before = re.compile(r"(?<!\w)\[[^\[\]\n]{1,80}\](?!\w)")
    assert [m.span() for m in structural._BRACKETS.finditer(text)] == [m.span() for m in before.finditer(text)]
