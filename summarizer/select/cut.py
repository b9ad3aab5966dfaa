"""The compression cuts of the ``neutral`` selector (:func:`summarizer.compress.compress_edits`):
found once per sentence as the values are made, and found again for the summary only where the
kept sentences answer the cuts' questions otherwise."""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence
from functools import partial
from typing import Any

from summarizer.compress import compress_edits, content_words, names_in
from summarizer.model import Document, Edit


class Cutter:
    """:func:`~summarizer.compress.compress_edits` for one document: each sentence's cuts found
    once, and found again for the summary only when asked with other names or words.

    The cuts depend on ``known`` and ``said`` only through the questions ``name in known`` and
    ``word in said``: the first cuts of a sentence are kept with the questions asked for them and
    their answers, and a later call whose containers answer them all alike gets them back (the same
    answers take the same path through the rules, so the same cuts).  Most sentences ask nothing.
    Held by one summary, never shared between documents; with ``remember`` false (a long text)
    nothing but the first cuts is held, and each later call finds its cuts again, and each
    sentence's names and content words are found again each time they are asked for.
    """

    __slots__ = ("_names", "_words", "asked", "document", "first", "lower", "quoted", "remember")

    def __init__(
        self, document: Document, quoted: tuple[tuple[int, int], ...], lower: frozenset[str], *, remember: bool = True
    ) -> None:
        self.document, self.quoted, self.lower, self.remember = document, quoted, lower, remember
        #: Sentence → its first cuts (the values' cuts, which the selector holds anyway).
        self.first: dict[int, tuple[Edit, ...]] = {}
        #: Sentence → the questions its first cuts asked of ``known`` and of ``said``, with their answers
        #: (only for sentences that asked some).
        self.asked: dict[int, tuple[dict[Any, bool], dict[Any, bool]]] = {}
        #: Sentence → its names (:func:`~summarizer.compress.names_in`) and content words
        #: (:func:`~summarizer.compress.content_words`), found once for both passes (only with ``remember``).
        self._names: dict[int, frozenset[str]] = {}
        self._words: dict[int, frozenset[str]] = {}

    def names_of(self, i: int) -> frozenset[str]:
        """Sentence ``i``'s names, as :func:`~summarizer.compress.names_in` finds them."""
        found = self._names.get(i)
        if found is None:
            found = names_in((self.document.sentences[i].text,))
            if self.remember:
                self._names[i] = found
        return found

    def words_of(self, i: int) -> frozenset[str]:
        """Sentence ``i``'s content words, as :func:`~summarizer.compress.content_words` finds them."""
        found = self._words.get(i)
        if found is None:
            found = content_words(self.document.sentences[i].text)
            if self.remember:
                self._words[i] = found
        return found

    def first_cuts(self, i: int, known: Container[str], said: Container[str]) -> tuple[Edit, ...]:
        """Sentence ``i``'s cuts, ``known`` and ``said`` as for ``compress_edits``; kept as its first."""
        if not self.remember:
            edits = self.first[i] = self._find(i, known, said)
            return edits
        recorded_known, recorded_said = _Asked(known), _Asked(said)
        edits = self.first[i] = self._find(i, recorded_known, recorded_said)
        if recorded_known.answers or recorded_said.answers:
            self.asked[i] = (recorded_known.answers, recorded_said.answers)
        return edits

    def cuts_again(self, i: int, known: Container[str], said: Container[str]) -> tuple[Edit, ...]:
        """Sentence ``i``'s cuts with other ``known`` and ``said``: its first ones where those answer
        the questions they asked alike."""
        if self.remember and i in self.first:
            asked_known, asked_said = self.asked.get(i, _NOTHING_ASKED)
            if all((name in known) is answer for name, answer in asked_known.items()) and all(
                (word in said) is answer for word, answer in asked_said.items()
            ):
                return self.first[i]
        return self._find(i, known, said)

    def _find(self, i: int, known: Container[str], said: Container[str]) -> tuple[Edit, ...]:
        return compress_edits(
            self.document, self.document.sentences[i], self.quoted, known=known, lower=self.lower, said=said,
        )


_NOTHING_ASKED: tuple[dict[Any, bool], dict[Any, bool]] = ({}, {})  # read only


class _Asked:
    """A container that answers as ``inner`` does and remembers each question and its answer."""

    __slots__ = ("answers", "inner")

    def __init__(self, inner: Container[str]) -> None:
        self.inner = inner
        self.answers: dict[Any, bool] = {}

    def __contains__(self, item: object) -> bool:
        answer = item in self.inner
        self.answers[item] = answer
        return answer


def compressions(cutter: Cutter, content: Sequence[int]) -> dict[int, tuple[Edit, ...]]:
    """Each content sentence's cuts as selection values it: names count as said when another
    sentence of the article says them (the summary is not chosen yet)."""
    seen: dict[str, int] = {}
    for i in content:
        for name in cutter.names_of(i):
            seen[name] = seen.get(name, 0) + 1
    repeated = frozenset(name for name, count in seen.items() if count > 1)
    # The cutter holds each sentence's words for the summary's pass, but not for a long text
    # (``remember`` false): for one, those sets were the biggest structure of the whole summary.
    counts: dict[str, int] = {}
    for i in content:
        for word in cutter.words_of(i):
            counts[word] = counts.get(word, 0) + 1
    for i in content:
        cutter.first_cuts(i, repeated, _SaidElsewhere(counts, partial(cutter.words_of, i)))
    return cutter.first


class _SaidElsewhere:
    """The names the other kept sentences say: a name is known to sentence ``i`` when a kept
    sentence other than ``i`` has it.  ``own`` reads sentence ``i``'s own names, called on the first
    question (most sentences' cuts ask none)."""

    __slots__ = ("counts", "own", "read_own")

    def __init__(self, counts: dict[str, int], read_own: Callable[[], frozenset[str]]) -> None:
        self.counts, self.read_own = counts, read_own
        self.own: frozenset[str] | None = None

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        count = self.counts.get(name, 0)
        if count != 1:
            return count > 1  # said by no sentence, or by another whatever this one says
        if self.own is None:
            self.own = self.read_own()
        return name not in self.own


def summary_compressions(cutter: Cutter, kept: set[int]) -> dict[int, tuple[Edit, ...]]:
    """The kept sentences' cuts, each keeping any name no other kept sentence says."""
    # Each sentence's names and words as the values' pass found them (found again for a long text).
    counts: dict[str, int] = {}
    word_counts: dict[str, int] = {}
    for k in kept:
        for name in cutter.names_of(k):
            counts[name] = counts.get(name, 0) + 1
        for word in cutter.words_of(k):
            word_counts[word] = word_counts.get(word, 0) + 1
    return {
        k: cutter.cuts_again(
            k,
            _SaidElsewhere(counts, partial(cutter.names_of, k)),
            _SaidElsewhere(word_counts, partial(cutter.words_of, k)),
        )
        for k in sorted(kept)
    }
