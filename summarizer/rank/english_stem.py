"""NLTK's English Snowball stemmer, the one sumy uses, without importing NLTK.

sumy stems English with ``nltk.stem.snowball.EnglishStemmer``, and the fast engine must
read exactly the words sumy reads, so it needs the very same stems.  Importing that class
imports all of ``nltk`` (about a second, most of it ``scipy.stats``), and its suffix loops
test every suffix in turn (some 70 ``endswith`` calls a word).  This module is
``EnglishStemmer.stem`` of NLTK 3.10.4 with two changes that do not alter any result:
each suffix loop runs only when the word ends in one of its suffixes (one ``endswith``
with the whole tuple first), and R1/R2 are found with a regular expression instead of a
loop over the letters.  (Comments and docstrings are ours.)  ``tests/rank/test_english_stem.py`` checks it against NLTK's class, word
for word, on a word list of our own and on random words (and on every word of the shared
data sets when they are there).

Derived from NLTK (Natural Language Toolkit), nltk/stem/snowball.py, Copyright (C) 2001-2025
NLTK Project, authors Peter Michael Stahl and Peter Ljunglöf; licensed under the Apache
License, Version 2.0 (see NOTICE).
"""

from __future__ import annotations

from summarizer import regex_cache

_VOWELS = "aeiouy"
_DOUBLE_CONSONANTS = ("bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt")
_LI_ENDING = "cdeghkmnrt"
_STEP0 = ("'s'", "'s", "'")
_STEP1A = ("sses", "ied", "ies", "us", "ss", "s")
_STEP1B = ("eedly", "ingly", "edly", "eed", "ing", "ed")
_STEP2 = (
    "ization", "ational", "fulness", "ousness", "iveness", "tional", "biliti", "lessli", "entli", "ation",
    "alism", "aliti", "ousli", "iviti", "fulli", "enci", "anci", "abli", "izer", "ator", "alli", "bli", "ogi", "li",
)  # fmt: skip
_STEP3 = ("ational", "tional", "alize", "icate", "iciti", "ative", "ical", "ness", "ful")
_STEP4 = (
    "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize",
    "ion", "al", "er", "ic",
)  # fmt: skip
_SPECIAL_WORDS = {
    "skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie", "idly": "idl",
    "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli", "singly": "singl", "sky": "sky",
    "news": "news", "howe": "howe", "atlas": "atlas", "cosmos": "cosmos", "bias": "bias", "andes": "andes",
    "inning": "inning", "innings": "inning", "outing": "outing", "outings": "outing", "canning": "canning",
    "cannings": "canning", "herring": "herring", "herrings": "herring", "earring": "earring",
    "earrings": "earring", "proceed": "proceed", "proceeds": "proceed", "proceeded": "proceed",
    "proceeding": "proceed", "exceed": "exceed", "exceeds": "exceed", "exceeded": "exceed",
    "exceeding": "exceed", "succeed": "succeed", "succeeds": "succeed", "succeeded": "succeed",
    "succeeding": "succeed",
}  # fmt: skip
# A vowel followed by a non-vowel: R1 begins after the first one, R2 after the first in R1.
_REGION = regex_cache.compile("[aeiouy][^aeiouy]")


def _region(word: str) -> str:
    match = _REGION.search(word)
    return word[match.end() :] if match else ""


def _replace(original: str, old: str, new: str) -> str:
    return original[: -len(old)] + new


def _swap(word: str, r1: str, r2: str, suffix: str, new: str, short_r2: str = "") -> tuple[str, str, str]:
    """Replace ``suffix`` by ``new`` in the word and in R1 and R2, as NLTK does.

    A region shorter than the suffix becomes ``""`` (R2 becomes ``short_r2``: NLTK writes "e"
    after some suffixes).
    """
    return (
        _replace(word, suffix, new),
        _replace(r1, suffix, new) if len(r1) >= len(suffix) else "",
        _replace(r2, suffix, new) if len(r2) >= len(suffix) else short_r2,
    )


def _cut(word: str, r1: str, r2: str, letters: int) -> tuple[str, str, str]:
    """Remove the last ``letters`` letters of the word and of R1 and R2."""
    return word[:-letters], r1[:-letters], r2[:-letters]


def stem(word: str) -> str:
    """Stem an English word exactly as ``nltk.stem.snowball.EnglishStemmer().stem`` does."""
    word = word.lower()
    if len(word) <= 2:
        return word
    if word in _SPECIAL_WORDS:
        return _SPECIAL_WORDS[word]
    word = word.replace("\u2019", "'").replace("\u2018", "'").replace("\u201b", "'")
    if word.startswith("'"):
        word = word[1:]
    if word.startswith("y"):
        word = "Y" + word[1:]
    if "y" in word:
        # Left to right on the changed letters: a "y" after a "y" made "Y" stays a vowel.
        chars = list(word)
        for i in range(1, len(chars)):
            if chars[i - 1] in _VOWELS and chars[i] == "y":
                chars[i] = "Y"
        word = "".join(chars)

    step1a_vowel_found = False
    step1b_vowel_found = False
    r1 = ""
    r2 = ""
    if word.startswith(("gener", "commun", "arsen")):
        r1 = word[5:] if word.startswith(("gener", "arsen")) else word[6:]
        for i in range(1, len(r1)):
            if r1[i] not in _VOWELS and r1[i - 1] in _VOWELS:
                r2 = r1[i + 1 :]
                break
    else:
        r1 = _region(word)
        r2 = _region(r1)

    # STEP 0
    if word.endswith(_STEP0):
        for suffix in _STEP0:
            if word.endswith(suffix):
                word, r1, r2 = _cut(word, r1, r2, len(suffix))
                break

    # STEP 1a
    if word.endswith(_STEP1A):
        for suffix in _STEP1A:
            if word.endswith(suffix):
                if suffix == "sses":
                    word, r1, r2 = _cut(word, r1, r2, 2)
                elif suffix in ("ied", "ies"):
                    if len(word[: -len(suffix)]) > 1:
                        word, r1, r2 = _cut(word, r1, r2, 2)
                    else:
                        word, r1, r2 = _cut(word, r1, r2, 1)
                elif suffix == "s":
                    for letter in word[:-2]:
                        if letter in _VOWELS:
                            step1a_vowel_found = True
                            break
                    if step1a_vowel_found:
                        word, r1, r2 = _cut(word, r1, r2, 1)
                break

    # STEP 1b
    if word.endswith(_STEP1B):
        for suffix in _STEP1B:
            if word.endswith(suffix):
                if suffix in ("eed", "eedly"):
                    if r1.endswith(suffix):
                        word, r1, r2 = _swap(word, r1, r2, suffix, "ee")
                else:
                    for letter in word[: -len(suffix)]:
                        if letter in _VOWELS:
                            step1b_vowel_found = True
                            break
                    if step1b_vowel_found:
                        word, r1, r2 = _cut(word, r1, r2, len(suffix))
                        if word.endswith(("at", "bl", "iz")):
                            word = word + "e"
                            r1 = r1 + "e"
                            if len(word) > 5 or len(r1) >= 3:
                                r2 = r2 + "e"
                        elif word.endswith(_DOUBLE_CONSONANTS):
                            word, r1, r2 = _cut(word, r1, r2, 1)
                        elif (
                            r1 == ""
                            and len(word) >= 3
                            and word[-1] not in _VOWELS
                            and word[-1] not in "wxY"
                            and word[-2] in _VOWELS
                            and word[-3] not in _VOWELS
                        ) or (r1 == "" and len(word) == 2 and word[0] in _VOWELS and word[1] not in _VOWELS):
                            word = word + "e"
                            if len(r1) > 0:
                                r1 = r1 + "e"
                            if len(r2) > 0:
                                r2 = r2 + "e"
                break

    # STEP 1c
    if len(word) > 2 and word[-1] in "yY" and word[-2] not in _VOWELS:
        word = word[:-1] + "i"
        r1 = r1[:-1] + "i" if len(r1) >= 1 else ""
        r2 = r2[:-1] + "i" if len(r2) >= 1 else ""

    # STEP 2
    if word.endswith(_STEP2):
        for suffix in _STEP2:
            if word.endswith(suffix):
                if r1.endswith(suffix):
                    if suffix == "tional":
                        word, r1, r2 = _cut(word, r1, r2, 2)
                    elif suffix in ("enci", "anci", "abli"):
                        word = word[:-1] + "e"
                        r1 = r1[:-1] + "e" if len(r1) >= 1 else ""
                        r2 = r2[:-1] + "e" if len(r2) >= 1 else ""
                    elif suffix == "entli":
                        word, r1, r2 = _cut(word, r1, r2, 2)
                    elif suffix in ("izer", "ization"):
                        word, r1, r2 = _swap(word, r1, r2, suffix, "ize")
                    elif suffix in ("ational", "ation", "ator"):
                        word, r1, r2 = _swap(word, r1, r2, suffix, "ate", short_r2="e")
                    elif suffix in ("alism", "aliti", "alli"):
                        word, r1, r2 = _swap(word, r1, r2, suffix, "al")
                    elif suffix == "fulness":
                        word, r1, r2 = _cut(word, r1, r2, 4)
                    elif suffix in ("ousli", "ousness"):
                        word, r1, r2 = _swap(word, r1, r2, suffix, "ous")
                    elif suffix in ("iveness", "iviti"):
                        word, r1, r2 = _swap(word, r1, r2, suffix, "ive", short_r2="e")
                    elif suffix in ("biliti", "bli"):
                        word, r1, r2 = _swap(word, r1, r2, suffix, "ble")
                    elif suffix == "ogi" and word[-4] == "l":
                        word, r1, r2 = _cut(word, r1, r2, 1)
                    elif suffix in ("fulli", "lessli"):
                        word, r1, r2 = _cut(word, r1, r2, 2)
                    elif suffix == "li" and word[-3] in _LI_ENDING:
                        word, r1, r2 = _cut(word, r1, r2, 2)
                break

    # STEP 3
    if word.endswith(_STEP3):
        for suffix in _STEP3:
            if word.endswith(suffix):
                if r1.endswith(suffix):
                    if suffix == "tional":
                        word, r1, r2 = _cut(word, r1, r2, 2)
                    elif suffix == "ational":
                        word, r1, r2 = _swap(word, r1, r2, suffix, "ate")
                    elif suffix == "alize":
                        word, r1, r2 = _cut(word, r1, r2, 3)
                    elif suffix in ("icate", "iciti", "ical"):
                        word, r1, r2 = _swap(word, r1, r2, suffix, "ic")
                    elif suffix in ("ful", "ness"):
                        word, r1, r2 = _cut(word, r1, r2, len(suffix))
                    elif suffix == "ative" and r2.endswith(suffix):
                        word, r1, r2 = _cut(word, r1, r2, 5)
                break

    # STEP 4
    if word.endswith(_STEP4):
        for suffix in _STEP4:
            if word.endswith(suffix):
                if r2.endswith(suffix):
                    if suffix == "ion":
                        if word[-4] in "st":
                            word, r1, r2 = _cut(word, r1, r2, 3)
                    else:
                        word, r1, r2 = _cut(word, r1, r2, len(suffix))
                break

    # STEP 5
    if r2.endswith("l") and word[-2] == "l":
        word = word[:-1]
    elif r2.endswith("e"):
        word = word[:-1]
    elif r1.endswith("e"):
        if len(word) >= 4 and (
            word[-2] in _VOWELS or word[-2] in "wxY" or word[-3] not in _VOWELS or word[-4] in _VOWELS
        ):
            word = word[:-1]

    return word.replace("Y", "y")
