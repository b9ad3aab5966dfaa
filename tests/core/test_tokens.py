"""Word tokenisation: exact offsets, apostrophes, hyphens, numbers, any script."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizer.tokens import count_pieces, count_words, word_spans, words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council voted.", ["The", "council", "voted"]),
        ("don't can’t O’Brien's", ["don't", "can’t", "O’Brien's"]),
        ("the students' union", ["the", "students", "union"]),
        ("'quoted' and ‘curly’", ["quoted", "and", "curly"]),
        ("well-known, state-of-the-art", ["well-known", "state-of-the-art"]),
        ("end- -start yes—no a – b", ["end", "start", "yes", "no", "a", "b"]),
        ("3,000 people paid $1.13bn (£600m), 76% up", ["3,000", "people", "paid", "1.13bn", "600m", "76", "up"]),
        ("in 2004. Then 10.5.3 and 1,", ["in", "2004", "Then", "10.5.3", "and", "1"]),
        ("U.S. e.g. a.m.", ["U", "S", "e", "g", "a", "m"]),
        ("café naïve Zürich Привет мир 東京", ["café", "naïve", "Zürich", "Привет", "мир", "東京"]),
        ("e\u0301te\u0301 decomposed", ["e\u0301te\u0301", "decomposed"]),
        ("snake_case #tag @name", ["snake", "case", "tag", "name"]),
        ("— … !!", []),
        ("", []),
    ],
)
def test_words(text: str, expected: list[str]) -> None:
    assert list(words(text)) == expected
    assert [text[a:b] for a, b in word_spans(text)] == expected
    assert count_words(text) == len(expected)


def test_offsets_index_the_text_given() -> None:
    text = "  Kestrel Bay's  ferry\u00a0will\tsail —  at 7.30 pm.\n"
    spans = word_spans(text)
    assert spans == [(2, 9), (10, 15), (17, 22), (23, 27), (28, 32), (36, 38), (39, 43), (44, 46)]
    assert [text[a:b] for a, b in spans] == ["Kestrel", "Bay's", "ferry", "will", "sail", "at", "7.30", "pm"]


@given(st.text())
def test_spans_are_ordered_words(text: str) -> None:
    spans = word_spans(text)
    assert count_words(text) == len(spans)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        word = text[start:end]
        assert not any(ch.isspace() for ch in word)
        assert word[0].isalnum()
        previous_end = end


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_fast_pattern_finds_the_same_words(text: str) -> None:
    from summarizer.tokens import _MARK, _PLAIN_WORD, _WORD

    plain = _MARK.sub("", text)  # the fast pattern is only used on text without combining marks
    assert _PLAIN_WORD.findall(plain) == _WORD.findall(plain)
    assert [m.span() for m in _PLAIN_WORD.finditer(plain)] == [m.span() for m in _WORD.finditer(plain)]


def test_fast_pattern_on_punctuated_text() -> None:
    from summarizer.tokens import _PLAIN_WORD, _WORD

    text = "end- -start 10.5.3, 1, O’Brien's well--known a-b-c- x'y' 3.,4 ’tis"
    assert _PLAIN_WORD.findall(text) == _WORD.findall(text)


@pytest.mark.parametrize("text", ["", "  ", "Hello, world .", "a\tb\nc  d", "— « quoted » —"])
def test_count_pieces_is_str_split(text: str) -> None:
    assert count_pieces(text) == len(text.split())
