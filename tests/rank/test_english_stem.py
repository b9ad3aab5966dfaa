"""The vendored English stemmer gives NLTK's stems, word for word (sumy stems with NLTK's)."""

from __future__ import annotations

import json
import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.stem.snowball import EnglishStemmer

from summarizer import lexicons
from summarizer.rank.english_stem import stem
from summarizer.tokens import words

NLTK = EnglishStemmer().stem
DATA = Path(__file__).resolve().parents[3] / "shared" / "data"

# Every branch of the algorithm, and the words the examples and lexicons use.
CASES = """
skis skies dying news proceeding succeeded generously communism arsenal generation communities
caresses ponies ties cries gas gaps kiwis agreed feed bleed disagreeably luxuriating hopping hoping
plastered bled filing conflated troubled sized fitted failing fizzed cry by say happy sky
relational conditional valenci hesitanci digitizer conformabli radicalli differentli vileli
analogousli vietnamization predication operator feudalism decisiveness hopefulness callousness
formaliti sensitiviti sensibiliti fluentli hopefulli homelessli biologi geologist
triplicate formative formalize electriciti electrical hopeful goodness revival allowance inference
airliner gyroscopic adjustable defensible irritant replacement adjustment dependent adoption
homologou communism activate angulariti homologous effective bowdlerize controll roll cease
yes youth yyyy ayyy sayyid boyy ‘tis o’brien’s students' rock'n'roll ’s 's' x '' y'all
""".split()


def _own_words() -> list[str]:
    found = set(CASES)
    for path in Path(__file__).resolve().parents[2].glob("examples/*.txt"):
        found.update(w.lower() for w in words(path.read_text(encoding="utf-8")))
    found.update(lexicons.valence())
    found.update(lexicons.subjectivity())
    return sorted(found)


def test_same_stems_as_nltk_on_our_words() -> None:
    own = _own_words()
    assert len(own) > 5000
    assert [w for w in own if stem(w) != NLTK(w)] == []


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=string.ascii_lowercase + "yyyy'’‘-eeaiou", min_size=0, max_size=14))
def test_same_stems_as_nltk_on_random_words(word: str) -> None:
    assert stem(word) == NLTK(word)


@given(st.sampled_from(CASES).map(str.upper) | st.sampled_from(CASES).map(str.capitalize))
def test_case_is_folded_as_nltk_folds_it(word: str) -> None:
    assert stem(word) == NLTK(word)


@pytest.mark.skipif(not DATA.is_dir(), reason="the shared data sets are not beside the repository")
def test_same_stems_as_nltk_on_every_word_of_the_shared_data() -> None:
    vocabulary: set[str] = set()
    for path in DATA.glob("**/*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            for value in record.values() if isinstance(record, dict) else ():
                if isinstance(value, str):
                    vocabulary.update(w.lower() for w in words(value))
    assert len(vocabulary) > 10_000
    assert [w for w in sorted(vocabulary) if stem(w) != NLTK(w)] == []
