"""What a summary is asked for: one frozen, validated :class:`SummaryOptions`.

Every face builds one (the CLI from its flags, the batch once for all its documents, the TUI
from the reader's settings) and passes it whole to :func:`summarizer.summarize`; the rules
for what is a valid option live here and in :func:`summarizer.budget.check_budget`, nowhere
else.  An invalid option raises an :class:`~summarizer.errors.OptionsError`.

The edit levels (``none`` < ``trim`` < ``reword`` < ``compress``) are defined in
:mod:`summarizer.levels`, which the model reads too; they are re-exported here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TypedDict, Unpack

from summarizer.budget import check_budget
from summarizer.errors import OptionsError, UnknownAlgorithmError, UnknownLanguageError
from summarizer.levels import (  # noqa: F401  (re-exported: the faces import them from here)
    DEFAULT_EDITS,
    EDIT_LEVELS,
    EDITS,
    NEUTRAL,
    NO_EDITS,
    EditLevel,
    default_edits,
    edits_for_trim,
)
from summarizer.rank.algorithms import ALGORITHMS, ENGINES

ALL_ALGORITHMS: tuple[str, ...] = (NEUTRAL, *ALGORITHMS)
DEFAULT_ALGORITHM = NEUTRAL
DEFAULT_ENGINE = "fast"
DEFAULT_LANGUAGE = "english"
#: How strongly ``neutral`` avoids loaded sentences: 0 (not at all) to this; 1 is the default.
NEUTRALITY_MAX = 5.0
DEFAULT_NEUTRALITY = 1.0


@dataclass(frozen=True, slots=True)
class SummaryOptions:
    """What :func:`summarizer.summarize` is asked for; checked when it is made.

    Attributes:
        algorithm: ``"neutral"`` or one of sumy's (:data:`ALL_ALGORITHMS`); stored lower-case.
        sentences: keep this many sentences.
        ratio: keep this share of the sentences (0 < ratio ≤ 1).
        words: keep at most this many words (at most one of the three budgets; none: 30%,
            at least 3 sentences).
        language: the language for stemming and stop words.
        engine: ``"fast"`` (evenhand's vectorised ranking) or ``"sumy"`` (sumy's own code).
        edits: the edit level (:data:`EDITS`); ``None``: the algorithm's own
            (:func:`default_edits`: ``compress`` for ``neutral``, ``none`` for sumy's).
        neutrality: how strongly ``neutral`` avoids loaded sentences (0 to :data:`NEUTRALITY_MAX`).

    Raises:
        BudgetError: two budgets at once, or one that is zero, negative or a ratio above 1.
        UnknownAlgorithmError: no algorithm or engine by that name.
        UnknownLanguageError: no stemmer or stop words for ``language``.
        OptionsError: an unknown edit level, or a neutrality weight out of range.
    """

    algorithm: str = DEFAULT_ALGORITHM
    sentences: int | None = None
    ratio: float | None = None
    words: int | None = None
    language: str = DEFAULT_LANGUAGE
    engine: str = DEFAULT_ENGINE
    edits: str | None = None
    neutrality: float = DEFAULT_NEUTRALITY

    def __post_init__(self) -> None:
        object.__setattr__(self, "algorithm", check_algorithm(self.algorithm))
        if self.engine not in ENGINES:
            raise UnknownAlgorithmError(
                f"no engine named {self.engine!r}; choose one of: {', '.join(ENGINES)}", options=("engine",)
            )
        check_budget(sentences=self.sentences, ratio=self.ratio, words=self.words)
        if self.edits is not None:
            check_edits(self.edits)
        neutrality = self.neutrality
        if (
            isinstance(neutrality, bool) or not isinstance(neutrality, int | float)
            or not math.isfinite(neutrality) or not 0.0 <= neutrality <= NEUTRALITY_MAX
        ):
            raise OptionsError(
                f"neutrality must be between 0 and {NEUTRALITY_MAX:g}, not {neutrality!r}",
                options=("neutrality",), problem=f"must be between 0 and {NEUTRALITY_MAX:g}, not {neutrality!r}",
            )
        check_language(self.language)

    @property
    def edit_level(self) -> str:
        """The edit level in force: ``edits``, or the algorithm's own when it is ``None``."""
        return self.edits if self.edits is not None else default_edits(self.algorithm)

    def allows(self, level: str) -> bool:
        """Whether the edits of ``level`` (one of :data:`EDITS`) are made: the level in force includes it."""
        return EDITS.index(self.edit_level) >= EDITS.index(level)

    @property
    def trim(self) -> bool:
        """Whether kept sentences are edited at all (the old ``trim`` switch)."""
        return self.edit_level != NO_EDITS

    def to_dict(self) -> dict[str, object]:
        """The options as recorded (in a batch manifest): the edit level resolved."""
        return {
            "algorithm": self.algorithm,
            "sentences": self.sentences,
            "ratio": self.ratio,
            "words": self.words,
            "engine": self.engine,
            "edits": self.edit_level,
            "language": self.language,
            "neutrality": self.neutrality,
        }


def check_algorithm(algorithm: str) -> str:
    """``algorithm`` lower-cased, or :class:`UnknownAlgorithmError` unless it is one of :data:`ALL_ALGORITHMS`."""
    name = algorithm.lower() if isinstance(algorithm, str) else algorithm
    if name not in ALL_ALGORITHMS:
        raise UnknownAlgorithmError(
            f"no algorithm named {algorithm!r}; choose one of: {', '.join(ALL_ALGORITHMS)}", options=("algorithm",)
        )
    return name


def check_edits(edits: str) -> None:
    """Raise :class:`OptionsError` unless ``edits`` is one of the edit levels (:data:`EDITS`)."""
    if edits not in EDITS:
        raise OptionsError(f"no edit level named {edits!r}; choose one of: {', '.join(EDITS)}", options=("edits",))


def check_language(language: str) -> None:
    """Raise :class:`UnknownLanguageError` unless a stemmer and stop words exist for ``language``."""
    from summarizer.rank.terms import language_tools  # NumPy and the stemmers only when summarising

    try:
        language_tools(language)
    except (LookupError, AttributeError, TypeError):
        raise UnknownLanguageError(
            f"no stemmer or stop words for language {language!r}; try english, german, french, spanish, …",
            options=("language",),
        ) from None


class OptionKeywords(TypedDict, total=False):
    """The options as keyword arguments (of :func:`options_from` and :func:`summarizer.summarize`);
    ``None`` is the default.  Each is the :class:`SummaryOptions` field of that name, but for
    ``trim``, the old switch for ``edits`` (:func:`edits_for_trim`)."""

    algorithm: str | None
    sentences: int | None
    ratio: float | None
    words: int | None
    language: str | None
    engine: str | None
    edits: str | None
    trim: bool | None
    neutrality: float | None


_KEYWORDS = frozenset(OptionKeywords.__annotations__)


def options_from(**keywords: Unpack[OptionKeywords]) -> SummaryOptions:
    """:class:`SummaryOptions` from keyword options where ``None`` means the default, and the old
    ``trim`` switch (see :func:`edits_for_trim`) as another way to give ``edits``.

    Raises:
        OptionsError: as :class:`SummaryOptions`, or ``edits`` and ``trim`` given together.
        TypeError: a keyword that names no option.
    """
    if unknown := sorted(set(keywords) - _KEYWORDS):
        raise TypeError(f"no option named {', '.join(map(repr, unknown))}; the options are: {', '.join(sorted(_KEYWORDS))}")
    algorithm = keywords.get("algorithm") or DEFAULT_ALGORITHM
    edits, trim = keywords.get("edits"), keywords.get("trim")
    language, engine, neutrality = keywords.get("language"), keywords.get("engine"), keywords.get("neutrality")
    if trim is not None:
        if edits is not None:
            raise OptionsError(
                "edits and trim are two names for one option: give edits alone", options=("edits", "trim"),
                problem="are two names for one option: give the first alone",
            )
        if not isinstance(trim, bool):
            raise OptionsError(f"trim must be True or False, not {trim!r}", options=("trim",),
                               problem=f"must be True or False, not {trim!r}")
        edits = edits_for_trim(trim, algorithm if isinstance(algorithm, str) else DEFAULT_ALGORITHM)
    return SummaryOptions(
        algorithm=algorithm,
        sentences=keywords.get("sentences"),
        ratio=keywords.get("ratio"),
        words=keywords.get("words"),
        language=DEFAULT_LANGUAGE if language is None else language,
        engine=DEFAULT_ENGINE if engine is None else engine,
        edits=edits,
        neutrality=DEFAULT_NEUTRALITY if neutrality is None else neutrality,
    )


def resolve_options(options: SummaryOptions | None, keywords: OptionKeywords) -> SummaryOptions:
    """``options`` when given whole, else the options made from ``keywords`` (:func:`options_from`).

    Raises:
        OptionsError: an invalid option, or ``options`` given with keyword options (other than ``None``).
        TypeError: a keyword that names no option.
    """
    if options is None:
        return options_from(**keywords)
    if given := [name for name, value in keywords.items() if value is not None]:
        raise OptionsError(
            f"give the options as options= or as keyword arguments, not both (options= and {', '.join(given)})",
            options=tuple(given),
        )
    return options
