"""Compressing kept sentences: the cuts a careful sub-editor makes, each a recorded edit.

Deletion-based sentence compression by rules, so that every cut is shown in the diff and
can be checked.  Four kinds, and only these:

* ``aside``: a parenthetical in round brackets ("the firm (a supplier to the army) said"),
  or between a pair of dashes ("the firm – a supplier to the army – said").  A bracketed
  acronym that glosses the words before it ("the Office for National Statistics (ONS)") is
  an aside too, cut only when the acronym is not used elsewhere in the summary.
* ``appositive``: ", the former minister," after a name, opened by a determiner.
* ``relative_clause``: a non-restrictive relative clause between commas (", who lives
  nearby,", ", which makes toys,").  A restrictive one has no commas and is never touched.
* ``split``: a sentence of two clauses joined by one semicolon becomes two sentences
  ("…; he left." → "…. He left."), and so does one whose only ", but" is followed by a
  subject ("…, but it failed." → "…. But it failed.").  Nothing is deleted.

A cut never takes a number (digits or number words), a negation, an attribution ("according
to …", "she said"), a name (a capitalised word) not said elsewhere in the summary or in what
is left of the sentence, or anything inside or touching quotation marks; and it never takes
what looks like part of a list (a closing comma followed by "and", or a list's next item).
What is left reads as a sentence: the deletion takes one of its commas or dashes with it, so
the spacing and punctuation stay whole (:func:`summarizer.edits.apply_edits` folds spaces).
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Sequence

from summarizer.model import Document, Edit, Sentence
from summarizer.quotes import touches

#: The kinds of edit this module makes.
KINDS = ("aside", "appositive", "relative_clause", "split")

#: A cut leaves at least this many words in the sentence.
MIN_WORDS_LEFT = 5
#: The longest aside, appositive or relative clause cut, in words: a longer one is the point of the sentence.
MAX_CUT_WORDS = 15
#: Each side of a semicolon split has at least this many words.
MIN_SPLIT_WORDS = 4

_NUMBER_WORDS = frozenset(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
    hundreds thousand thousands million millions billion billions trillion dozen dozens half quarter
    percent per cent first second third fourth fifth sixth seventh eighth ninth tenth once twice
    double triple quadruple""".split()
)
_NEGATIONS = frozenset(
    "not no never none nobody nothing neither nor cannot without hardly barely scarcely nowhere".split()
)
_ATTRIBUTIONS = frozenset(
    """said says say saying told tell tells according reported reports reportedly claimed claims claim
    stated states added adds announced announces explained explains noted notes wrote writes insisted
    insists argued argues warned warns confirmed confirms denied denies alleged allegedly suggested
    suggests believes believed thinks thought quoted spokesman spokeswoman spokesperson asked""".split()
)
#: Capitalised words that are not names: a cut that holds them takes no name.
_NOT_NAMES = frozenset(
    """the a an this that these those it its he she they his her their we our i in on at of for and but
    or mr mrs ms dr however meanwhile indeed instead separately also still yet now today yesterday last
    earlier later finally so thus therefore moreover furthermore nevertheless similarly overall elsewhere
    again here there then""".split()
)
#: Words that start a phrase before the subject: a name in it is not the subject an appositive follows.
_INTRODUCTORY = frozenset(
    """in on at for with after before during since across from under over by within outside inside
    near as when while although though if because despite once until unlike like among amid following
    against between through throughout without to after soon just""".split()
)
_DAYS_MONTHS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december""".split()
)
_LIST_OR_JOIN = frozenset("and or but nor".split())
_LIST_NEXT = frozenset("a an the".split())
#: The longest appositive cut, in words.
MAX_APPOSITIVE_WORDS = 10
_DETERMINERS = "the|a|an|his|her|its|their|our"

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’\-]*")
_DOUBLE_QUOTES = frozenset('"“”«»')
_BRACKET = re.compile(r" \(([^()]{1,200})\)")
# A dash between spaces: en or em dash, a double hyphen, or a hyphen standing alone.
_DASH = re.compile(r" ?— ?| – | -- | - ")
_APPOSITIVE = re.compile(rf", (?:{_DETERMINERS}) [^,;:()–—\"“”]+?,", re.IGNORECASE)
_RELATIVE = re.compile(r", (?:who|which|whose) [^,;:()–—\"“”]+?,")
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}s?")


def compress_edits(
    document: Document,
    sentence: Sentence,
    quoted: tuple[tuple[int, int], ...],
    *,
    known: Container[str] = frozenset(),
    lower: Container[str] | None = None,
) -> tuple[Edit, ...]:
    """The cuts that compress ``sentence`` (see the module docstring).

    Args:
        document: the document.
        sentence: the sentence to compress.
        quoted: the document's quoted spans (:func:`summarizer.quotes.quoted_spans`); a cut
            never touches them.
        known: the names (capitalised words) said elsewhere in the summary; a cut that takes
            a name not among them, nor left in the sentence, is not made.  By default every
            name counts as unknown except those left in the sentence.
        lower: the words the document writes in lower case (:func:`lower_case_words`), when
            the caller has them; a capitalised word among them is not a name.

    Returns:
        Non-overlapping edits, in order, each within the sentence.
    """
    if not _may_compress(sentence.text):
        return ()
    text = document.text
    if lower is None:
        lower = lower_case_words(text)
    acronyms: dict[Edit, str] = {}
    candidates: list[Edit] = []
    for edit, acronym in _asides(document, sentence):
        candidates.append(edit)
        if acronym is not None:
            acronyms[edit] = acronym
    candidates += [*_appositives(sentence, lower), *_relative_clauses(sentence)]
    candidates = [
        e for e in candidates
        if not touches(quoted, e.start, e.end)
        and not _in_open_quotation(sentence, e.start, e.end)
        and (e in acronyms or _cut_is_safe(e.text))
        and _no_list_after(text, e.end, sentence.end)
    ]
    cuts: list[Edit] = []
    for edit in sorted(candidates, key=lambda e: (e.start, -(e.end - e.start))):
        if cuts and edit.start < cuts[-1].end:
            continue
        cuts.append(edit)
    cuts = _keep_names(sentence, cuts, known, acronyms)
    while cuts and _words_left(sentence, cuts) < MIN_WORDS_LEFT:
        cuts.pop(max(range(len(cuts)), key=lambda j: cuts[j].end - cuts[j].start))
    split = _split(sentence, quoted, cuts)
    return tuple(sorted([*cuts, *([split] if split else [])], key=lambda e: (e.start, e.end)))


def _may_compress(text: str) -> bool:
    # Cheap test first: most sentences hold no bracket, dash, semicolon or comma-clause.
    return any(mark in text for mark in ("(", " –", "—", " -", "--", ";", ", "))


def _asides(document: Document, sentence: Sentence) -> Iterable[tuple[Edit, str | None]]:
    """Bracketed and dashed asides, each with the acronym it is when it glosses the words before it."""
    text, base = sentence.text, sentence.start
    for match in _BRACKET.finditer(text):
        if not text[: match.start()].strip():
            continue
        inner = match.group(1)
        start, end = base + match.start(), base + match.end()
        if _ACRONYM.fullmatch(inner):
            # Glossing the words before it: kept when the acronym is the summary's way to name it.
            if _glosses(text[: match.start()], inner):
                yield Edit("aside", start, end, document.text[start:end]), inner
            continue
        if not any(w.islower() for w in _WORD.findall(inner)):
            continue  # "(Johnson)": a name the writer put in, which the words around it may need
        yield Edit("aside", start, end, document.text[start:end]), None
    dashes = list(_DASH.finditer(text))
    # Only a single pair of dashes: three or more are a list or a dateline's dash plus an aside.
    # A dash that opens a line is a list item's marker ("the firms\n - misled buyers\n - hid…").
    if len(dashes) == 2 and all(text[text.rfind("\n", 0, d.start()) + 1 : d.start()].strip() for d in dashes):
        first, second = dashes
        before = text[: first.start()]
        if len(_WORD.findall(before)) >= 2 and not before.rstrip().endswith(")") and text[second.end() :].strip():
            # The space the cut leaves between the words is its replacement (an em dash may have none).
            start, end = base + first.start(), base + second.end()
            inner = text[first.end() : second.start()].strip()
            yield Edit("aside", start, end, document.text[start:end], " "), inner if _ACRONYM.fullmatch(inner) else None


def _glosses(before: str, acronym: str) -> bool:
    letters = acronym.rstrip("s").replace("&", "")
    capitals = [w[0] for w in _WORD.findall(before) if w[:1].isupper()]
    return len(capitals) >= len(letters) and "".join(capitals[-len(letters) :]) == letters


def _appositives(sentence: Sentence, lower: Container[str]) -> Iterable[Edit]:
    text, base = sentence.text, sentence.start
    for match in _APPOSITIVE.finditer(text):
        before = text[: match.start()]
        name = re.search(r"([A-Z][\w'’\-]*)\W*$", before)
        if name is None or name.end(1) != len(before) or not _is_name(name.group(1), lower):
            continue
        first = _WORD.match(before.lstrip(" \"“‘'("))
        opening_phrase = "," not in before and first is not None and first.group().lower() in _INTRODUCTORY
        if opening_phrase:
            continue
        after = text[match.end() :].lstrip()
        next_word = _WORD.match(after)
        if next_word is None or next_word.group().lower() in ("who", "which", "whose", "where", "that"):
            continue
        if len(_WORD.findall(match.group())) > MAX_APPOSITIVE_WORDS:
            continue
        # ", the minister," → delete ", the minister" and the comma; the space before the verb stays.
        start, end = base + match.start(), base + match.end()
        yield Edit("appositive", start, end, text[match.start() : match.end()])


def _is_name(word: str, lower: Container[str]) -> bool:
    """A capitalised word the document never writes in lower case, and not a day or month."""
    folded = word.lower()
    return folded not in _NOT_NAMES and folded not in _DAYS_MONTHS and folded not in lower


def lower_case_words(text: str) -> frozenset[str]:
    """The words ``text`` writes in lower case: a capitalised word among them is no name."""
    return frozenset(w for w in _WORD.findall(text) if w.islower())


def _relative_clauses(sentence: Sentence) -> Iterable[Edit]:
    text, base = sentence.text, sentence.start
    for match in _RELATIVE.finditer(text):
        if not _WORD.search(text[: match.start()]):
            continue
        if len(_WORD.findall(match.group())) < 3:
            continue
        start, end = base + match.start(), base + match.end()
        if _comma_stays(text[: match.start()], text[match.end() :]):
            # ", government research found." or "Speaking on TV, …, he said": the closing comma sets off more than the clause.
            end -= 1
        yield Edit("relative_clause", start, end, sentence.text[match.start() : end - base])


_TRAILING = re.compile(r"^\s*(?:according\b|[a-z]+ing\b)")


def _comma_stays(before: str, after: str) -> bool:
    """Whether the comma that closes a clause also closes an opening phrase or opens a closing one."""
    if _TRAILING.match(after):
        return True
    rest = [w.lower() for w in _WORD.findall(after)]
    if len(rest) <= 6 and any(w in _ATTRIBUTIONS or w in ("found", "show", "shows", "showed") for w in rest):
        return True
    if "," in before:
        return False
    first = _WORD.match(before.lstrip(" \"“‘'("))
    return first is not None and (first.group().lower() in _INTRODUCTORY or first.group().lower().endswith(("ing", "ly")))


_CLOSING = re.compile(r"[”»]|(?<![^\W\d_])[’'](?![^\W\d_])|(?<=[^\W\d_])[’'](?=\W*$)")
_OPENING = re.compile(r"[“«]|(?:^|(?<=\s))[‘'\"]")


def _in_open_quotation(sentence: Sentence, start: int, end: int) -> bool:
    """Whether the cut lies in a quotation opened in an earlier sentence and closed in this one,
    or the sentence's quotation marks do not pair up (its straight double quotes are odd)."""
    text = sentence.text
    if text.count('"') % 2:
        return True
    closing = _CLOSING.search(text, end - sentence.start)
    if closing is None:
        return False
    return _OPENING.search(text, 0, closing.start()) is None and _OPENING.search(text[: start - sentence.start]) is None


def _cut_is_safe(cut: str) -> bool:
    """No number, negation, attribution or quotation mark in what would be cut, and not too long."""
    if any(ch.isdigit() for ch in cut) or any(ch in _DOUBLE_QUOTES for ch in cut):
        return False
    found = [w.lower() for w in _WORD.findall(cut)]
    if not found or len(found) > MAX_CUT_WORDS:
        return False
    if any(w.endswith(("n't", "n’t")) for w in found):
        return False
    return not any(w in _NUMBER_WORDS or w in _NEGATIONS or w in _ATTRIBUTIONS for w in found)


def _no_list_after(text: str, at: int, limit: int) -> bool:
    """Whether what follows a closing comma is the sentence going on, not a list's next item."""
    rest = _WORD.findall(text[at:limit])
    if not rest:
        return True
    if rest[0].lower() in _LIST_OR_JOIN or (rest[0] in _LIST_NEXT and text[at - 1 : at] == ","):
        return False
    following = text[at:limit].split(",")[0]
    return not any(w.lower() in _LIST_OR_JOIN for w in _WORD.findall(following)[:4])


def _names(text: str) -> set[str]:
    return {w for w in _CAPITALISED.findall(text) if w.lower() not in _NOT_NAMES}


def _keep_names(
    sentence: Sentence, cuts: list[Edit], known: Container[str], acronyms: dict[Edit, str]
) -> list[Edit]:
    """The cuts that take no name unknown elsewhere.  An acronym's gloss the other way round:
    cut only when the summary does not use the acronym (its words are said just before it)."""
    result = list(cuts)
    while True:
        left = _names(_text_without(sentence, result))

        def said(name: str, left: set[str] = left) -> bool:
            return name in left or name in known

        bad = next(
            (
                e for e in result
                if (
                    said(acronyms[e]) or said(acronyms[e].rstrip("s"))
                    if e in acronyms
                    else not all(said(name) for name in _names(e.text))
                )
            ),
            None,
        )
        if bad is None:
            return result
        result.remove(bad)


def _text_without(sentence: Sentence, cuts: Sequence[Edit]) -> str:
    pieces: list[str] = []
    cursor = sentence.start
    for edit in cuts:
        pieces.append(sentence.text[cursor - sentence.start : edit.start - sentence.start])
        cursor = edit.end
    pieces.append(sentence.text[cursor - sentence.start :])
    return " ".join(pieces)


def _words_left(sentence: Sentence, cuts: Sequence[Edit]) -> int:
    return len(_WORD.findall(_text_without(sentence, cuts)))


def _split(sentence: Sentence, quoted: tuple[tuple[int, int], ...], cuts: Sequence[Edit]) -> Edit | None:
    """``"…; he left."`` → ``"…. He left."``: the one semicolon of a sentence of two clauses; or
    failing that, ``"…, but it failed."`` → ``"…. But it failed."`` where a subject follows "but"."""
    text = sentence.text
    if any(ch in _DOUBLE_QUOTES for ch in text):
        return None
    edit = _split_at_semicolon(sentence) if text.count(";") == 1 else _split_at_but(sentence) if ";" not in text else None
    if edit is None or touches(quoted, edit.start, edit.end) or any(c.start < edit.end and edit.start < c.end for c in cuts):
        return None
    # "She said taxes would rise, but cuts would be small": split, the second claim would lose its speaker.
    left = _WORD.findall(_before(sentence, edit.start))
    if any(w.lower() in _ATTRIBUTIONS for w in left):
        return None
    # "X, but Y, says Schneider": the closing attribution covers both halves; split, X would lose it.
    right = sentence.text[edit.end - sentence.start :]
    if "," in right and any(w.lower() in _ATTRIBUTIONS for w in _WORD.findall(right.split(",", 1)[1])):
        return None
    return edit


def _before(sentence: Sentence, at: int) -> str:
    """The sentence's text before the document offset ``at``."""
    return sentence.text[: at - sentence.start]


def _split_at_semicolon(sentence: Sentence) -> Edit | None:
    text = sentence.text
    at = text.index(";")
    left, right = text[:at], text[at + 1 :]
    following = re.match(r"\s+([^\W\d_])", right)
    if following is None or left.count("(") != left.count(")"):
        return None
    left_words, right_words = _WORD.findall(left), _WORD.findall(right)
    if len(left_words) < MIN_SPLIT_WORDS or len(right_words) < MIN_SPLIT_WORDS:
        return None
    if right_words[0].lower() in _LIST_OR_JOIN:
        return None
    start = sentence.start + at
    end = start + 1 + following.end()
    gap = right[: following.start(1)]
    return Edit("split", start, end, text[at : at + 1 + following.end()], "." + gap + following.group(1).upper())


#: Words that open a clause's subject: after ", but" they make the rest a sentence of its own.
_SUBJECTS = frozenset("i he she it we they there this that these those the a an his her its their our some many most".split())
#: Each side of a split at ", but" has at least this many words.
MIN_BUT_WORDS = 7


def _split_at_but(sentence: Sentence) -> Edit | None:
    text = sentence.text
    matches = list(re.finditer(r", but (\w+)", text))
    if len(matches) != 1:
        return None
    match = matches[0]
    left, right = text[: match.start()], text[match.end(1) - len(match.group(1)) :]
    subject = match.group(1)
    if not (subject.lower() in _SUBJECTS or (subject[:1].isupper() and subject != "I" and len(subject) > 1)):
        return None
    if re.search(r"\bnot (?:only|just|merely)\b", left, re.IGNORECASE) or left.count("(") != left.count(")"):
        return None
    if len(_WORD.findall(left)) < MIN_BUT_WORDS or len(_WORD.findall(right)) < MIN_BUT_WORDS:
        return None
    start = sentence.start + match.start()
    end = start + 3  # ", b" → ". B"
    return Edit("split", start, end, text[match.start() : match.start() + 3], ". B")


def split_counts(output: str, edits: Sequence[Edit]) -> list[str]:
    """The sentences a summary sentence reads as: one, or more where a ``split`` edit cut it.

    ``output`` is the sentence with ``edits`` applied; it is cut after each split's full stop.
    """
    pieces: list[str] = []
    cursor = 0
    for edit in edits:
        if edit.kind != "split":
            continue
        at = output.find(edit.replacement, cursor)
        if at < 0:
            continue
        pieces.append(output[cursor : at + 1])
        cursor = at + 1
    pieces.append(output[cursor:])
    return [p.strip() for p in pieces if p.strip()]


def names_in(texts: Iterable[str]) -> frozenset[str]:
    """The capitalised words (names, as this module counts them) in some texts."""
    found: set[str] = set()
    for text in texts:
        found |= _names(text)
    return frozenset(found)
