"""Trimming kept sentences: small, recorded deletions that leave the writer's facts.

Two kinds, and only these:

* ``bracketed_insertion``: the writer's own words put in square brackets inside a
  quotation ("immigrants [illegal aliens]").  Removed when the bracket glosses the word
  before it, so the quotation reads as the speaker said it.  A bracket that *replaces*
  the speaker's word ("that enable [illegal aliens] to navigate") cannot be removed
  without leaving a hole: :func:`untrimmable` says so and the selector avoids the sentence.
* ``stance_adverb``: an ``-ly`` stance adverb in the writer's own voice ("seemingly",
  "aptly"), not first in the sentence, not inside quotation marks nor in indirect speech
  after a reporting verb ("he said the film falsely portrayed her"), whose removal leaves
  a grammatical sentence.

Words inside quotation marks are never changed except to remove a bracketed insertion,
and no word is ever substituted.
"""

from __future__ import annotations

from collections.abc import Sequence

from summarizer import regex_cache
from summarizer.model import Cue, Document, Edit, Sentence
from summarizer.quotes import inside, quoted_spans, reported_from

# Words after which a bracket is a gloss, not a replacement: "he [Smith]", "it [the bill]".
_PRONOUNS = frozenset(
    "he she it they them him her we us this that these those who".split()
)
# Words after which a bracket must be a replacement: articles, prepositions, verbs of saying and being.
_FUNCTION_WORDS = frozenset(
    """a an the to of in on at by for with from into onto than as and or but nor
    is are was were be been being has have had do does did will would can could should may might must
    enable enables allow allows let lets make makes help helps said says told""".split()
)
_WORD_BEFORE = regex_cache.compile(r"([A-Za-z’'-]+)\s*$")
_LAST_WORD = regex_cache.compile(r"([A-Za-z’'-]+)\W*$")


def bracket_is_gloss(document: Document, cue: Cue) -> bool:
    """Whether the bracketed words gloss the word before them, so that deleting them leaves the quotation whole."""
    before = _WORD_BEFORE.search(document.text[max(0, cue.start - 40) : cue.start])
    if before is None:
        return False
    word = before.group(1).lower()
    if word in _PRONOUNS:
        return True
    if word in _FUNCTION_WORDS:
        return False
    last = _LAST_WORD.search(cue.text.strip("[]"))
    if last is None:
        return False
    # A gloss agrees in number with the noun it glosses: "immigrants [illegal aliens]".
    return word.endswith("s") == last.group(1).lower().endswith("s")


def untrimmable(document: Document, cues: Sequence[Cue]) -> Cue | None:
    """The first bracketed insertion that replaces a word (and so cannot be deleted), if any."""
    for cue in cues:
        if cue.category == "bracketed_insertion" and not bracket_is_gloss(document, cue):
            return cue
    return None


def trim_edits(
    document: Document,
    sentence: Sentence,
    cues: Sequence[Cue],
    *,
    quoted: tuple[tuple[int, int], ...] | None = None,
) -> tuple[Edit, ...]:
    """The deletions that trim ``sentence``: glossing brackets and removable stance adverbs.

    Args:
        document: the document the sentence and cues belong to.
        sentence: a kept sentence.
        cues: the sentence's cues (from :func:`summarizer.cues.find_cues`).
        quoted: the document's quoted spans, when the caller has them already
            (:func:`summarizer.quotes.quoted_spans`); computed when not given.

    Returns:
        Non-overlapping edits, in order, each within the sentence.
    """
    if quoted is None:
        quoted = quoted_spans(document)
    edits: list[Edit] = []
    for cue in sorted(cues, key=lambda c: c.start):
        if not sentence.start <= cue.start < cue.end <= sentence.end:
            continue
        edit: Edit | None = None
        if cue.category == "bracketed_insertion" and bracket_is_gloss(document, cue):
            edit = _delete_with_space(document, "bracketed_insertion", cue.start, cue.end, sentence)
        elif cue.category == "stance_adverb" and _removable_adverb(document, sentence, cue, quoted):
            edit = _delete_adverb(document, cue, sentence)
        if edit is not None and (not edits or edit.start >= edits[-1].end):
            edits.append(edit)
    return tuple(edits)


# Adverbs that mark a claim as someone else's: deleting one would state the claim as fact
# ("he allegedly stole" → "he stole").  They stay cues; they are never cut.
KEPT_ADVERBS = frozenset({"allegedly", "reportedly", "supposedly", "purportedly", "ostensibly", "apparently"})


def _removable_adverb(document: Document, sentence: Sentence, cue: Cue, quoted: tuple[tuple[int, int], ...]) -> bool:
    word = cue.text.strip()
    if not word.lower().endswith("ly") or " " in word or word.lower() in KEPT_ADVERBS:
        return False
    if inside(quoted, cue.start, cue.end):
        return False
    reported = reported_from(document.text, sentence.start, sentence.end, quoted)
    if reported is not None and cue.start >= reported:
        return False  # indirect speech: "he said the film falsely portrayed her" is his claim
    # First in the sentence, the next word would need a capital letter: that is a substitution.
    before = document.text[sentence.start : cue.start]
    if not before.strip(" \t\"“‘'("):
        return False
    # "… said aptly." as the last word can change meaning less predictably; keep it.
    after = document.text[cue.end : sentence.end]
    return bool(after.strip(" .,;:!?\"”’'"))


def _delete_with_space(document: Document, kind: str, start: int, end: int, sentence: Sentence) -> Edit:
    text = document.text
    if start > sentence.start and text[start - 1] == " ":
        start -= 1
    elif end < sentence.end and text[end] == " ":
        end += 1
    return Edit(kind=kind, start=start, end=end, text=text[start:end])


def _delete_adverb(document: Document, cue: Cue, sentence: Sentence) -> Edit:
    text = document.text
    start, end = cue.start, cue.end
    # ", frankly," → delete ", frankly" and leave the second comma's clause intact.
    before = text[sentence.start : start].rstrip()
    after = text[end : sentence.end]
    if before.endswith(",") and after.lstrip().startswith(","):
        start = sentence.start + len(before) - 1
        end = end + (len(after) - len(after.lstrip())) + 1
        return Edit(kind="stance_adverb", start=start, end=end, text=text[start:end])
    return _delete_with_space(document, "stance_adverb", start, end, sentence)
