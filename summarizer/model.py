"""The result model: frozen, plain data that every face of evenhand reads.

A :class:`Document` is the decoded text cut into paragraphs and sentences with exact
character offsets (``doc.text[s.start:s.end] == s.text`` always).  A :class:`Summary`
holds one :class:`Decision` per original sentence: kept or dropped, its scores, its
cues, the edits made to it and the reasons, in words a person can read.

Offsets are Python string indices (Unicode code points) into ``Document.text``, the
text as decoded: a byte-order mark removed, nothing else changed.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping
from dataclasses import FrozenInstanceError, dataclass, field
from threading import Lock
from types import MappingProxyType
from typing import ClassVar

from summarizer.levels import edits_for_trim

#: Version 2 added each sentence's ``speaker``; version 1 files are still read (no speakers).
SCHEMA_VERSION = 2


def _frozen_mapping(data: Mapping[str, float] | None = None) -> Mapping[str, float]:
    if data and all(type(value) is float for value in data.values()):
        return Factors(data)
    return MappingProxyType(dict(data or {}))


class Factors(Mapping[str, float]):
    """A read-only mapping of names to floats, stored compactly: one per sentence adds up.

    The names are shared by every mapping with the same names in the same order, and the
    values are held as machine doubles, not float objects, in a block shared with the mappings
    made just before and after it: about a sixth of a dict's memory behind a
    ``MappingProxyType``, for the same items in the same order.
    """

    __slots__ = ("_at", "_block", "_names")
    _NAMES: ClassVar[dict[tuple[str, ...], tuple[tuple[str, ...], dict[str, int]]]] = {}
    #: The block new mappings' values are appended to; a full block is left to the mappings in it.
    #: 256 values, so that every offset into a block is one of Python's shared small integers.
    _BLOCK_VALUES: ClassVar[int] = 256
    _open: ClassVar[list[array[float]]] = [array("d")]
    _lock: ClassVar[Lock] = Lock()

    def __init__(self, data: Mapping[str, float]) -> None:
        names = tuple(data)
        shared = self._NAMES.get(names)
        if shared is None:
            shared = self._NAMES.setdefault(names, (names, {name: k for k, name in enumerate(names)}))
        self._names = shared
        values = array("d", data.values())
        with self._lock:
            block = self._open[0]
            if len(block) + len(values) > self._BLOCK_VALUES:
                block = self._open[0] = array("d")
            self._at = len(block)
            block.extend(values)
            self._block = block

    def __getitem__(self, name: str) -> float:
        return self._block[self._at + self._names[1][name]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names[0])

    def __len__(self) -> int:
        return len(self._names[0])

    def __contains__(self, name: object) -> bool:
        return name in self._names[1]

    def __repr__(self) -> str:
        return f"Factors({dict(self)!r})"

    def __reduce__(self) -> tuple[type[Factors], tuple[dict[str, float]]]:
        return Factors, (dict(self),)


class _Frozen:
    """A hand-written frozen class with slots: fields are set once, through ``object.__setattr__``,
    and assigning or deleting one afterwards raises ``FrozenInstanceError`` as a frozen dataclass does."""

    __slots__ = ()

    def _key(self) -> tuple[object, ...]:
        """The fields that make two instances equal."""
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, _Frozen)
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")


class Sentence(_Frozen):
    """One sentence of the original, located by exact offsets.

    Frozen plain data, like the other results, with the fields ``index``, ``paragraph``,
    ``start``, ``end`` and ``text``.  A sentence made by :func:`summarizer.segment.segment`
    (:meth:`within`) holds no text of its own: ``text`` is sliced from the document's text
    when asked, since a copy of every sentence was as much memory again as the document
    (more with the small objects' overhead) for a long text.  ``Sentence(index, paragraph,
    start, end, text)`` holds the text it is given, as before.
    """

    __slots__ = ("_base", "_source", "end", "index", "paragraph", "start")
    __match_args__ = ("index", "paragraph", "start", "end", "text")
    index: int
    paragraph: int
    start: int
    end: int
    #: The text ``text`` is sliced from, and where it begins in the document (``None``: it is the text).
    _source: str
    _base: int | None

    def __init__(self, index: int, paragraph: int, start: int, end: int, text: str) -> None:
        self._set(index, paragraph, start, end, text, None)

    @classmethod
    def within(cls, source: str, index: int, paragraph: int, start: int, end: int) -> Sentence:
        """The sentence at ``source[start:end]``, reading its text from ``source`` (the document's text)."""
        sentence = cls.__new__(cls)
        sentence._set(index, paragraph, start, end, source, 0)
        return sentence

    def _set(self, index: int, paragraph: int, start: int, end: int, source: str, base: int | None) -> None:
        put = object.__setattr__
        put(self, "index", index)
        put(self, "paragraph", paragraph)
        put(self, "start", start)
        put(self, "end", end)
        put(self, "_source", source)
        put(self, "_base", base)

    @property
    def text(self) -> str:
        """The sentence's text: ``document.text[start:end]``."""
        base = self._base
        return self._source if base is None else self._source[self.start - base : self.end - base]

    def _key(self) -> tuple[int, int, int, int, str]:
        return (self.index, self.paragraph, self.start, self.end, self.text)

    def __hash__(self) -> int:  # the offsets without the text: equal sentences still hash alike
        return hash((self.index, self.paragraph, self.start, self.end))

    def __repr__(self) -> str:
        return (
            f"Sentence(index={self.index!r}, paragraph={self.paragraph!r}, start={self.start!r},"
            f" end={self.end!r}, text={self.text!r})"
        )

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        # A document's sentences pickle their one shared text once (pickle remembers objects).
        if self._base is None:
            return Sentence, (self.index, self.paragraph, self.start, self.end, self._source)
        return _within, (self._source, self.index, self.paragraph, self.start, self.end)


def _within(source: str, index: int, paragraph: int, start: int, end: int) -> Sentence:
    return Sentence.within(source, index, paragraph, start, end)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A run of sentences separated from the next by a blank line (or a line break)."""

    index: int
    start: int
    end: int
    first_sentence: int
    last_sentence: int

    @property
    def sentence_indices(self) -> range:
        return range(self.first_sentence, self.last_sentence + 1)


@dataclass(frozen=True, slots=True)
class WebPage:
    """What a web page says about itself, for a document extracted from HTML (a file or a URL).

    Every field is ``None`` when the page does not say.

    Attributes:
        title: the article's title (from its metadata or headline).
        author: the author or authors, as the page names them.
        date: the publication date, ISO 8601 (``"2024-03-05"``).
        site_name: the site or publication.
        url: the canonical URL the page declares.
        final_url: where it was fetched from after redirects (``None`` for a file).
    """

    title: str | None = None
    author: str | None = None
    date: str | None = None
    site_name: str | None = None
    url: str | None = None
    final_url: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """Decoded text cut into paragraphs and sentences.

    Attributes:
        text: the text as decoded; every offset indexes it.
        sentences: every sentence, in order; together they cover every non-space character.
        paragraphs: every paragraph, in order.
        source: where the text came from (a path, ``"-"`` for stdin, or ``None``).
        encoding: the encoding the bytes were decoded with, when read from bytes.
        warnings: anything a reader should know about how the text was read.
        page: the web page's title, author, date, site and URLs, when the text was
            extracted from HTML; ``None`` for plain text.
    """

    text: str
    sentences: tuple[Sentence, ...]
    paragraphs: tuple[Paragraph, ...]
    source: str | None = None
    encoding: str | None = None
    warnings: tuple[str, ...] = ()
    page: WebPage | None = None

    def __len__(self) -> int:
        return len(self.sentences)

    def __iter__(self) -> Iterator[Sentence]:
        return iter(self.sentences)


@dataclass(frozen=True, slots=True)
class Cue:
    """Evidence of loaded or promotional language, located in the document.

    ``category`` is one of the names in :mod:`summarizer.cues` (for example
    ``"loaded_term"``, ``"stance_adverb"``, ``"scare_quote"``); ``weight`` is how much
    it counts towards the sentence's bias score.
    """

    category: str
    start: int
    end: int
    text: str
    weight: float = 1.0
    source: str = ""


@dataclass(frozen=True, slots=True)
class Edit:
    """A recorded change to a kept sentence: ``text`` at ``start:end`` becomes ``replacement``.

    Deletions have an empty ``replacement``; an inserted attribution has ``start == end``.
    """

    kind: str
    start: int
    end: int
    text: str
    replacement: str = ""


class Reason(_Frozen):
    """Why a sentence was kept or dropped: a stable ``code`` and plain ``text``.

    Frozen plain data with the fields ``code`` and ``text``, equal and hashed by them.
    ``Reason(code, text)`` holds its text; :meth:`ranked` keeps a shared form and up to two
    numbers instead and writes the text when asked: most sentences of a long text have a
    reason of their own ("ranked 4,102 of 499,900 …"), and its text was most of the reason.
    """

    __slots__ = ("_a", "_b", "_text", "code")
    __match_args__ = ("code", "text")
    code: str
    #: The text, or (when ``_a`` is not ``None``) the form ``text`` fills with ``_a`` and ``_b``.
    _text: str
    _a: int | None
    _b: int | None

    def __init__(self, code: str, text: str) -> None:
        self._set(code, text, None, None)

    @classmethod
    def ranked(cls, code: str, form: str, a: int, b: int | None = None) -> Reason:
        """The reason whose text is ``form.format(a, b)``, written when it is read."""
        reason = cls.__new__(cls)
        reason._set(code, form, a, b)
        return reason

    def _set(self, code: str, text: str, a: int | None, b: int | None) -> None:
        put = object.__setattr__
        put(self, "code", code)
        put(self, "_text", text)
        put(self, "_a", a)
        put(self, "_b", b)

    @property
    def text(self) -> str:
        """The reason in plain words."""
        return self._text if self._a is None else self._text.format(self._a, self._b)

    @property
    def shared(self) -> bool:
        """Whether the reason holds its text (it may be one of many equal ones), not a form of its own."""
        return self._a is None

    def _key(self) -> tuple[str, str]:
        return (self.code, self.text)

    def __repr__(self) -> str:
        return f"Reason(code={self.code!r}, text={self.text!r})"

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return Reason, (self.code, self.text)


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who speaks in a sentence: a person or organisation the article credits with words.

    Attributes:
        name: the voice as the article names it most fully ("Maria Quayle", "the ACLU",
            "critics"); every sentence of one voice carries the same name.
        start, end: the mention in this sentence (the name, or the pronoun standing for it:
            "They wrote:"); ``start == end`` when the sentence only goes on with a quotation
            whose speaker is named elsewhere.
        quoted: the sentence gives the speaker's words in quotation marks (or is the lead-in
            of a quotation), not only reported speech.
        via: the sentence that names the speaker, when this one names them by a pronoun or
            not at all; ``None`` when it names them itself.
    """

    name: str
    start: int
    end: int
    quoted: bool = False
    via: int | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    """What happened to one original sentence.

    Attributes:
        sentence: the original sentence.
        kept: whether it is in the summary.
        score: importance from the ranking algorithm, scaled to [0, 1] (1 = most central).
        rank: 1-based rank by importance, ties broken by position.
        output: the sentence as it reads in the summary (edits applied); ``""`` when dropped.
        bias: bias score in [0, 1] from the cues, or ``None`` when not measured.
        boilerplate: promotional or navigation text, never counted as content.
        cues: evidence found in the sentence.
        edits: changes made to the sentence in the summary.
        reasons: the reasons, the deciding one first.
        factors: the other numbers the selector weighed (position, redundancy, ...).
        unit: the index of the first sentence of the unit this sentence belongs to (a
            colon lead-in and its quotation form one unit), or ``None``.
        bias_framing: the part of ``bias`` that is the writer's own framing (the score
            with the cues inside quotations left out), or ``None`` when not measured.
        bias_quoted: the part of ``bias`` that loaded content quoted from a source adds
            (``bias_framing + bias_quoted`` is ``bias``, to rounding), or ``None`` when not measured.
        speaker: who speaks in the sentence (:mod:`summarizer.voices`), or ``None`` for
            the writer's own voice (and for selectors that do not look).
    """

    sentence: Sentence
    kept: bool
    score: float
    rank: int
    output: str = ""
    bias: float | None = None
    boilerplate: bool = False
    cues: tuple[Cue, ...] = ()
    edits: tuple[Edit, ...] = ()
    reasons: tuple[Reason, ...] = ()
    factors: Mapping[str, float] = field(default_factory=_frozen_mapping)
    unit: int | None = None
    bias_framing: float | None = None
    bias_quoted: float | None = None
    speaker: Speaker | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.factors, MappingProxyType | Factors):
            object.__setattr__(self, "factors", _frozen_mapping(self.factors))

    @property
    def index(self) -> int:
        return self.sentence.index

    @property
    def reason(self) -> Reason | None:
        """The deciding reason."""
        return self.reasons[0] if self.reasons else None


@dataclass(frozen=True, slots=True)
class Budget:
    """The length asked for, and what it came to.

    Exactly one of ``sentences``, ``ratio`` and ``words`` is set, or none for the default.
    ``target`` is the number of sentences the selector aimed for (for a word budget, the
    number it could fit); ``note`` says when the budget could not be met as asked.
    """

    sentences: int | None = None
    ratio: float | None = None
    words: int | None = None
    target: int = 0
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Readability:
    """Plain-language measures of a text."""

    sentences: int
    words: int
    syllables: int
    words_per_sentence: float
    long_sentence_share: float
    flesch_reading_ease: float
    flesch_kincaid_grade: float


@dataclass(frozen=True, slots=True)
class Stats:
    """Before-and-after numbers for the summary."""

    words_original: int
    words_summary: int
    compression: float
    readability_original: Readability
    readability_summary: Readability
    cues_original: int = 0
    cues_summary: int = 0


@dataclass(frozen=True, slots=True)
class Summary:
    """One decision per original sentence, and the summary they make.

    Attributes:
        document: the original.
        algorithm: the selector's name (``"neutral"``, ``"lexrank"``, ...).
        engine: ``"fast"`` (evenhand's own vectorised ranking) or ``"sumy"``.
        budget: the length asked for and reached.
        decisions: exactly one per sentence of ``document``, in document order.
        text: the summary text (kept sentences with their edits, in document order).
        stats: words, compression, readability and cue counts before and after.
        trim: whether kept sentences were edited at all (``edit_level`` is not ``"none"``).
        notes: anything a reader should know about how the summary was made.
        edits: the edit level the summary was made with (:data:`summarizer.options.EDITS`);
            when not given, the one ``trim`` stands for with this algorithm
            (:func:`summarizer.options.edits_for_trim`: off is ``"none"``, on the algorithm's own level).
    """

    document: Document
    algorithm: str
    engine: str
    budget: Budget
    decisions: tuple[Decision, ...]
    text: str
    stats: Stats
    trim: bool = False
    language: str = "english"
    notes: tuple[str, ...] = ()
    edits: str | None = None

    def __post_init__(self) -> None:
        if self.edits is None:
            object.__setattr__(self, "edits", edits_for_trim(self.trim, self.algorithm))

    @property
    def edit_level(self) -> str:
        """The edit level (``edits``, filled in from ``trim`` when not given)."""
        assert self.edits is not None
        return self.edits

    @property
    def kept(self) -> tuple[Decision, ...]:
        return tuple(d for d in self.decisions if d.kept)

    @property
    def dropped(self) -> tuple[Decision, ...]:
        return tuple(d for d in self.decisions if not d.kept)

    @property
    def source(self) -> str | None:
        return self.document.source
