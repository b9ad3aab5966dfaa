"""Saying it neutrally: the writer's loaded terms replaced by a style table's neutral terms.

The table (:func:`summarizer.lexicons.style_table`) pairs each one-sided or loaded term with
the term a newsroom writes instead ("illegal aliens" → "immigrants in the country
illegally", "death tax" → "estate tax", "gun nuts" → "gun-rights supporters"), or with
nothing where the term is the writer's verdict or puffery ("so-called", "disgraced",
"renowned").  :func:`reword_edits` finds them in a sentence and returns recorded edits:

* only in the writer's voice: never inside quotation marks, never in a title line;
* grammar kept: a capital where the term opened the sentence, "a"/"an" agreeing with the word
  that now follows, and a deleted adjective only where it stands before a noun after a
  determiner or preposition ("a disgraced politician", "of renowned chefs"), with a "most" or
  "very" before it going too;
* scare quotes in the writer's voice lose their marks ("the ‘safety’ of" → "the safety of").

Each edit's ``kind`` is ``"reworded"``, ``"term_deleted"`` or ``"scare_quote_removed"``; the
summary text is derived from the edits like every other change, and every diff shows them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from summarizer.lexicons import StyleEntry, style_table
from summarizer.model import Cue, Document, Edit, Sentence
from summarizer.quotes import inside

#: Words after which an adjective stands before its noun, so deleting it leaves the phrase whole.
_BEFORE_ADJECTIVE = frozenset(
    """a an the this that these those his her its their our my your another other one two three some any
    each every such no of in on at for with by from and or as""".split()
)
#: Degree words that go with a deleted adjective ("the most famous" → "the").
_DEGREE = frozenset("most very more so highly widely world-famous".split())
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# "an" before a vowel sound: a vowel letter, except for the common consonant-sounding ones.
_AN_EXCEPTIONS = re.compile(r"(?:uni|use|usu|eu|one|once|ur)", re.IGNORECASE)
_AN_SILENT_H = re.compile(r"(?:hour|honest|honou?r|heir)", re.IGNORECASE)


@cache
def _pattern() -> re.Pattern[str]:
    terms = sorted({e.term for e in style_table()}, key=len, reverse=True)
    body = "|".join(re.escape(t).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]") for t in terms)
    return re.compile(rf"(?<![\w'’-])(?:{body})(?![\w'’-])", re.IGNORECASE)


def _key(term: str) -> str:
    """A term as matched: lower case, hyphens and runs of space as one space."""
    return re.sub(r"[\s-]+", " ", term.lower())


@cache
def _entries() -> dict[str, StyleEntry]:
    return {_key(e.term): e for e in style_table()}


_TO_SPACE = str.maketrans(dict.fromkeys("-‐–—.,;:!?()[]{}\"“”‘’'/", " "))


@cache
def _first_words() -> frozenset[str]:
    """The first word of every term, as :func:`reword_edits` splits a sentence's words."""
    return frozenset(e.term.translate(_TO_SPACE).split()[0] for e in style_table())


def article_for(word: str) -> str:
    """"a" or "an" for the word that follows."""
    if _AN_SILENT_H.match(word):
        return "an"
    if word[:1].lower() in "aeiou" and not _AN_EXCEPTIONS.match(word):
        return "an"
    return "a"


def reword_edits(
    document: Document,
    sentence: Sentence,
    cues: Sequence[Cue],
    quoted: tuple[tuple[int, int], ...],
) -> tuple[Edit, ...]:
    """The edits that say ``sentence`` in neutral words (see the module docstring).

    Args:
        document: the document.
        sentence: the sentence to reword.
        cues: its cues (scare quotes among them are unquoted).
        quoted: the document's quoted spans; nothing inside them is changed.

    Returns:
        Non-overlapping edits, in order.
    """
    text = document.text
    edits: list[Edit] = []
    # Most sentences hold no term of the table: a set look-up per word rules them out cheaply.
    words = set(sentence.text.lower().translate(_TO_SPACE).split())
    matches = _pattern().finditer(sentence.text) if not words.isdisjoint(_first_words()) else ()
    for match in matches:
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if inside(quoted, start, end):
            continue
        entry = _entries().get(_key(match.group()))
        if entry is None:
            continue
        edit = _replace(text, sentence, start, end, entry) if entry.replacement else _delete(text, sentence, start, end)
        if edit is not None:
            edits.append(edit)
    for cue in cues:
        if cue.category == "scare_quote" and sentence.start <= cue.start and cue.end <= sentence.end:
            inner = cue.text[1:-1] if len(cue.text) > 2 else ""
            if inner and not inside(quoted, cue.start + 1, cue.end - 1) and " " not in inner.strip():
                edits.append(Edit("scare_quote_removed", cue.start, cue.end, cue.text, inner))
    return _without_overlaps(edits)


def _capitalised_like(original: str, replacement: str) -> str:
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _replace(text: str, sentence: Sentence, start: int, end: int, entry: StyleEntry) -> Edit:
    replacement = _capitalised_like(text[start:end], entry.replacement)
    before = _previous_word(text, sentence.start, start)
    if before is not None and before[0].lower() in ("a", "an") and before[1] + len(before[0]) + 1 == start:
        wanted = article_for(replacement)
        if wanted != before[0].lower():
            article = _capitalised_like(before[0], wanted)
            return Edit("reworded", before[1], end, text[before[1] : end], f"{article} {replacement}")
    return Edit("reworded", start, end, text[start:end], replacement)


def _delete(text: str, sentence: Sentence, start: int, end: int) -> Edit | None:
    """Delete an adjective (with its degree word) where a noun follows; fix "a"/"an"."""
    following = _WORD.match(text, _skip_space(text, end, sentence.end))
    if following is None or text[end : following.start()].strip():
        return None
    before = _previous_word(text, sentence.start, start)
    if before is None:
        return None
    word, at = before
    if word.lower() in _DEGREE:
        start = at
        before = _previous_word(text, sentence.start, at)
        if before is None:
            return None
        word, at = before
    if word.lower() not in _BEFORE_ADJECTIVE:
        return None
    cut_end = following.start()
    if word.lower() in ("a", "an"):
        wanted = _capitalised_like(word, article_for(following.group()))
        if wanted != word:
            return Edit("term_deleted", at, cut_end, text[at:cut_end], wanted + " ")
    return Edit("term_deleted", start, cut_end, text[start:cut_end], "")


def _skip_space(text: str, at: int, limit: int) -> int:
    while at < limit and text[at] in " \t":
        at += 1
    return at


def _previous_word(text: str, floor: int, at: int) -> tuple[str, int] | None:
    match = re.search(r"([A-Za-z][\w'’-]*)\s+$", text[floor:at])
    return (match.group(1), floor + match.start(1)) if match else None


def _without_overlaps(edits: list[Edit]) -> tuple[Edit, ...]:
    kept: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if not kept or edit.start >= kept[-1].end:
            kept.append(edit)
    return tuple(kept)


def rewrite(text: str) -> tuple[str, tuple[Edit, ...]]:
    """``text`` as evenhand would say it in the writer's voice: every sentence trimmed and reworded.

    Returns the new text and the edits (offsets index ``text``).  Used by ``evenhand eval
    rewording``; the summary itself applies the same edits to the sentences it keeps.
    """
    from summarizer.edits import apply_edits
    from summarizer.pipeline import analyse
    from summarizer.quotes import quoted_spans
    from summarizer.segment import segment
    from summarizer.trim import trim_edits

    document = segment(text)
    if not document.sentences:
        return text, ()
    analysis = analyse(document)
    quoted = quoted_spans(document)
    pieces: list[str] = []
    every: list[Edit] = []
    cursor = 0
    for sentence in document.sentences:
        cues = analysis.cues[sentence.index]
        edits = _without_overlaps(
            [*trim_edits(document, sentence, cues, quoted=quoted), *reword_edits(document, sentence, cues, quoted)]
        )
        pieces.append(text[cursor : sentence.start])
        pieces.append(apply_edits(sentence, edits) if edits else sentence.text)
        cursor = sentence.end
        every.extend(edits)
    pieces.append(text[cursor:])
    return "".join(pieces), tuple(every)
