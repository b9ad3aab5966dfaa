"""What is known of every sentence before selection: its cues, bias, boilerplate label, words and syllables.

:func:`analyse` reads a :class:`~summarizer.model.Document` once; the result depends on the text
alone, so one :class:`Analysis` serves every summary of its document, whatever the options.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass

from summarizer.boilerplate import detect_boilerplate
from summarizer.cues import find_cues
from summarizer.model import Cue, Document
from summarizer.neutrality import bias_parts, split_bias
from summarizer.readability import syllables
from summarizer.tokens import count_pieces
from summarizer.tokens import words as split_words


@dataclass(frozen=True, slots=True)
class Analysis:
    """What is known of every sentence before selection, in document order.

    It depends on the text alone, not on the options of a summary, so one analysis serves every
    summary of its document (:func:`summarizer.pipeline.summarize`'s ``analysis``).
    """

    #: The document analysed (the very object: a summary checks it is given this one).
    document: Document
    cues: tuple[tuple[Cue, ...], ...]
    bias: tuple[float, ...]
    boilerplate: tuple[str | None, ...]
    word_counts: tuple[int, ...]
    #: Syllables per sentence, counted once with the words for the readability figures.
    syllables: tuple[int, ...]
    #: Every sentence's words, split once for ranking too; ``None`` for a text of more than
    #: :data:`WORDS_KEPT` sentences, whose words are split again block by block (memory stays bounded).
    words: tuple[tuple[str, ...], ...] | None = None
    #: The two parts of each sentence's bias (:func:`~summarizer.neutrality.split_bias`), read with
    #: it in one pass (machine doubles: the same floats, 16 bytes a sentence); ``None``: found when asked.
    bias_framing: array[float] | None = None
    bias_quoted: array[float] | None = None

    def bias_split(self, i: int) -> tuple[float, float]:
        """Sentence ``i``'s bias as the writer's framing and what quoted content adds."""
        if self.bias_framing is None or self.bias_quoted is None:
            return split_bias(self.document.sentences[i], self.cues[i])
        return self.bias_framing[i], self.bias_quoted[i]


#: Up to this many sentences the analysis keeps every sentence's words for the ranking (a
#: few MB); a longer text is split again where needed, so its words are not all held at once.
WORDS_KEPT = 20_000


def analyse(document: Document) -> Analysis:
    """Cues, bias scores, boilerplate labels, words and syllables for every sentence of ``document``.

    Summarising takes the analysis from here; pass it to :func:`summarizer.pipeline.summarize` (``analysis=``)
    to summarise the same document again with other options without doing this again.
    """
    cues = find_cues(document)
    words: tuple[tuple[str, ...], ...] | None = None
    if len(document.sentences) <= WORDS_KEPT:
        split = tuple(split_words(s.text) for s in document.sentences)
        word_counts, syllable_counts, words = tuple(map(len, split)), tuple(map(syllables, split)), split
    else:  # a long text: count sentence by sentence, never holding every sentence's words at once
        word_counts, syllable_counts = _counts(document)
    bias, framing, quoted = [], array("d"), array("d")
    pieces = tuple(count_pieces(s.text) for s in document.sentences)  # boilerplate and bias both read these
    for sentence, found, n in zip(document.sentences, cues, pieces, strict=True):  # the score and its parts in one reading
        score, own, other = bias_parts(sentence, found, pieces=n)
        bias.append(score)
        framing.append(own)
        quoted.append(other)
    return Analysis(
        document=document,
        cues=cues,
        bias=tuple(bias),
        boilerplate=detect_boilerplate(document, cues=cues, pieces=pieces),
        word_counts=word_counts,
        syllables=syllable_counts,
        words=words,
        bias_framing=framing,
        bias_quoted=quoted,
    )


def _counts(document: Document) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Words and syllables of every sentence, split one sentence at a time."""
    word_counts: list[int] = []
    syllable_counts: list[int] = []
    for sentence in document.sentences:
        split = split_words(sentence.text)
        word_counts.append(len(split))
        syllable_counts.append(syllables(split))
    return tuple(word_counts), tuple(syllable_counts)
