"""Plain-language marks per sentence, as readers of the Hemingway app expect them.

Three kinds of mark, noted (never acted on) for every sentence:

* **difficulty**: ``"very hard"`` when the sentence's Flesch–Kincaid grade is
  :data:`VERY_HARD_GRADE` or more, ``"hard"`` when it is :data:`HARD_GRADE` or more, each
  only for a sentence of at least :data:`MIN_WORDS` words (a short sentence of long words
  is not hard to follow).  Hemingway does not publish its formula; these are the grade
  thresholds commonly reported for its yellow (hard) and red (very hard) highlights, applied
  to the grade evenhand already computes (:mod:`summarizer.readability`);
* **passive voice**: a form of *be* (``is``, ``was``, ``been``, …), at most one ``-ly``
  adverb, then a past participle: a word ending in ``-ed`` or ``-en`` or one of the common
  irregular ones ("was made", "were quickly sold", "has been told").  A heuristic, like
  Hemingway's: "was tired" counts too;
* **plainer words**: a long or formal word with a common plainer alternative from evenhand's
  own list (``summarizer/lexicons/evenhand/plain_words.tsv``): "utilise" → "use",
  "commence" → "begin".  The alternative is noted, never substituted.

Marks are derived from the sentence text alone, so every face computes them the same way
from the :class:`~summarizer.model.Summary` it already has.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from summarizer import regex_cache
from summarizer.model import Decision, Summary
from summarizer.readability import measure_counts, sentence_counts

#: A sentence at or above this Flesch–Kincaid grade is hard to read …
HARD_GRADE = 10.0
#: … and at or above this one, very hard.
VERY_HARD_GRADE = 14.0
#: Sentences shorter than this are never marked hard.
MIN_WORDS = 14

HARD = "hard"
VERY_HARD = "very hard"

_BE = r"(?:am|is|are|was|were|be|been|being|'s|’s|'re|’re)"
_IRREGULAR = (
    "born borne brought built bought caught chosen done drawn driven eaten fallen felt fought found "
    "forgotten forgiven frozen given gone grown heard held hidden hit hurt kept known laid led left lent "
    "lost made meant met paid put read ridden run said seen sent set shaken shot shown shut sold sought "
    "spent split spoken spread stolen struck stuck sworn taken taught thought thrown told torn understood "
    "upheld woken won worn written"
)
_PASSIVE = regex_cache.compile(
    rf"\b{_BE}\s+(?:[a-z]+ly\s+)?((?:[a-z]+(?:ed|en))|(?:{'|'.join(_IRREGULAR.split())}))\b",
    re.IGNORECASE,
)
# -en and -ed words that are not participles after "is": "is open", "was often", "is seen" stays.
_NOT_PARTICIPLES = frozenset("open often even eleven seven ten when then garden children kitchen women men".split())


@dataclass(frozen=True, slots=True)
class PlainWord:
    """A word with a plainer alternative, located in the sentence (offsets into its text)."""

    start: int
    end: int
    text: str
    plainer: str


@dataclass(frozen=True, slots=True)
class PlainMarks:
    """The plain-language marks of one sentence.

    Attributes:
        grade: its Flesch–Kincaid grade (0 for a sentence without words).
        words: its words.
        difficulty: ``"very hard"``, ``"hard"`` or ``None``.
        passive: each passive construction found, as written ("was made").
        plainer: each word with a plainer alternative.
    """

    grade: float
    words: int
    difficulty: str | None
    passive: tuple[str, ...] = ()
    plainer: tuple[PlainWord, ...] = ()

    @property
    def marked(self) -> bool:
        return bool(self.difficulty or self.passive or self.plainer)

    def describe(self) -> str:
        """The marks in words, for a detail line ("" when there are none)."""
        parts = []
        if self.difficulty:
            parts.append(f"{self.difficulty} to read (grade {self.grade:.0f}, {self.words} words)")
        if self.passive:
            parts.append("passive voice: " + ", ".join(f"'{p}'" for p in self.passive))
        if self.plainer:
            parts.append("plainer words: " + ", ".join(f"'{w.text}' → '{w.plainer}'" for w in self.plainer))
        return "; ".join(parts)

    def to_dict(self) -> dict[str, object]:
        """JSON-ready data (``plainer`` offsets index the sentence's text)."""
        return {
            "grade": self.grade,
            "difficulty": self.difficulty,
            "passive": list(self.passive),
            "plainer": [{"start": w.start, "end": w.end, "text": w.text, "plainer": w.plainer} for w in self.plainer],
        }


@cache
def plain_words() -> dict[str, str]:
    """evenhand's list of long or formal words and their plainer alternatives."""
    text = resources.files("summarizer.lexicons").joinpath("evenhand/plain_words.tsv").read_text(encoding="utf-8")
    table = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            word, plainer = line.split("\t")
            table[word.lower()] = plainer
    return table


@cache
def _plain_pattern() -> re.Pattern[str]:
    terms = sorted(plain_words(), key=len, reverse=True)
    # A verb's other forms count too: "utilised", "commences", "facilitating".  The terms are
    # grouped by their first letter, each group behind a look-ahead for it: ``re`` then tries a
    # position against a dozen letters rather than every term (3× faster), and since no
    # character matches two of the letters, the first term in order to match is the same.
    groups: dict[str, list[str]] = {}
    for term in terms:
        groups.setdefault(term[0], []).append(_forms(term))
    body = "|".join(f"(?={re.escape(first)})(?:{'|'.join(forms)})" for first, forms in groups.items())
    return regex_cache.compile(r"(?<![\w'’-])(?:" + body + r")(?![\w'’-])", re.IGNORECASE)


def _forms(term: str) -> str:
    if " " in term:
        return re.escape(term).replace(r"\ ", r"\s+")
    if term.endswith("e"):
        return re.escape(term[:-1]) + "(?:e|es|ed|ing)"
    return re.escape(term) + "(?:s|es|ed|ing)?"


def _base(found: str) -> str | None:
    table = plain_words()
    word = re.sub(r"\s+", " ", found.lower())
    if word in table:
        return word
    for ending in ("ing", "ed", "es", "s", "d"):
        stem = word.removesuffix(ending)
        for candidate in (stem, stem + "e"):
            if stem != word and candidate in table:
                return candidate
    return None


def mark_sentence(text: str) -> PlainMarks:
    """The plain-language marks of one sentence (see the module docstring)."""
    count, syllables = sentence_counts(text)
    grade = measure_counts([(count, syllables)]).flesch_kincaid_grade if count else 0.0
    difficulty = None
    if count >= MIN_WORDS:
        difficulty = VERY_HARD if grade >= VERY_HARD_GRADE else HARD if grade >= HARD_GRADE else None
    passive = tuple(
        m.group() for m in _PASSIVE.finditer(text) if m.group(1).lower() not in _NOT_PARTICIPLES
    )
    plainer = tuple(
        PlainWord(m.start(), m.end(), m.group(), plain_words()[base])
        for m in _plain_pattern().finditer(text)
        if (base := _base(m.group())) is not None
    )
    return PlainMarks(grade=grade, words=count, difficulty=difficulty, passive=passive, plainer=plainer)


@dataclass(frozen=True, slots=True)
class PlainSummary:
    """How many sentences carry each mark: of the original's sentences, and of the summary's."""

    hard: int
    very_hard: int
    passive: int
    plainer: int
    sentences: int

    def to_dict(self) -> dict[str, int]:
        """JSON-ready data."""
        return {
            "sentences": self.sentences, "hard": self.hard, "very_hard": self.very_hard,
            "passive": self.passive, "plainer": self.plainer,
        }


def marks_once() -> Callable[[str], PlainMarks]:
    """:func:`mark_sentence` keeping each text's marks: one summary's JSON marks every sentence for
    its record and again for the counts (the marks are the text's alone, so equal texts share them)."""
    seen: dict[str, PlainMarks] = {}

    def mark(text: str) -> PlainMarks:
        marks = seen.get(text)
        if marks is None:
            marks = seen[text] = mark_sentence(text)
        return marks

    return mark


def count_marks(texts: Iterable[str], *, mark: Callable[[str], PlainMarks] = mark_sentence) -> PlainSummary:
    """Count the marks over some sentences, one sentence at a time (a long text's marks are never
    all held unless ``mark`` keeps them: :func:`marks_once`)."""
    hard = very_hard = passive = plainer = sentences = 0
    for text in texts:
        marks = mark(text)
        if not marks.words:
            continue
        sentences += 1
        hard += marks.difficulty == HARD
        very_hard += marks.difficulty == VERY_HARD
        passive += bool(marks.passive)
        plainer += bool(marks.plainer)
    return PlainSummary(hard=hard, very_hard=very_hard, passive=passive, plainer=plainer, sentences=sentences)


def summary_line(original: PlainSummary, summary: PlainSummary) -> tuple[str, str]:
    """The measures table's line: hard / very hard / passive counts of the original and of the summary."""

    def line(counts: PlainSummary) -> str:
        return f"{counts.hard} / {counts.very_hard} / {counts.passive}"

    return line(original), line(summary)


def summary_sentences(summary: Summary) -> list[str]:
    """The summary's sentences as the reader gets them: a kept sentence split at its semicolon is two."""
    from summarizer.compress import split_counts

    return [piece for d in summary.kept for piece in (split_counts(d.output, d.edits) or [d.output])]


def original_sentences(summary: Summary) -> Iterator[str]:
    """The original's sentences without its boilerplate (as its readability counts them), one at a
    time: a long text's sentences are not copied all at once."""
    decisions = summary.decisions
    everything = all(d.boilerplate for d in decisions)  # then every sentence counts, as readability has it
    return (d.sentence.text for d in decisions if everything or not d.boilerplate)


def plain_counts(
    summary: Summary, *, mark: Callable[[str], PlainMarks] = mark_sentence
) -> tuple[PlainSummary, PlainSummary]:
    """The marks counted over the original's sentences and over the summary's (each sentence's by ``mark``)."""
    return count_marks(original_sentences(summary), mark=mark), count_marks(summary_sentences(summary), mark=mark)


def decision_marks(decision: Decision, *, mark: Callable[[str], PlainMarks] = mark_sentence) -> dict[str, object]:
    """A sentence's marks as JSON-ready data: of the original sentence (``plainer`` offsets index
    ``Document.text``), and for a kept sentence that was edited, the grade and difficulty it reads at
    (each text's marks by ``mark``)."""
    marks = mark(decision.sentence.text)
    data = marks.to_dict()
    base = decision.sentence.start
    data["plainer"] = [
        {"start": w.start + base, "end": w.end + base, "text": w.text, "plainer": w.plainer} for w in marks.plainer
    ]
    if decision.kept and decision.output != decision.sentence.text:
        after = mark(decision.output)
        data["output_grade"], data["output_difficulty"] = after.grade, after.difficulty
    return data
