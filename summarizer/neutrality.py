"""Score how loaded a sentence reads, from its cues, and say why in plain words.

The bias score is a small logistic model over a handful of named features, every weight of
which is written below with where it came from, so the score can be checked by hand:

    z = INTERCEPT + Σ WEIGHTS[f] · feature[f]        score = 1 / (1 + e^(−z))

Four features are the summed cue weight of a group of categories in the writer's own voice
(:data:`FEATURE_GROUPS`), and one is the summed weight of every cue inside a quotation
(``quoted``: loaded content quoted from a source), each passed through ``log(1 + x)`` so
that the second and third loaded word add less than the first.  The rest read the sentence
itself (``density`` with the cues):

    density     the writer's summed cue weight per word: the same loaded word says more in
                a short sentence than in a long one
    length      log(1 + words): the Lim et al. crowd rates long sentences as more biased,
                BABE's experts do not (given the cues): fitted at about 0
    attributed  1 when the sentence credits a speaker (said, says, told, according to) and
                has no cue in the writer's own voice: then the claim is the speaker's
    figures     1 when the sentence holds a number or a date (a figure, a year, "Tuesday",
                "March"): figures and dates mark reporting
    negations   log(1 + not, never, no, n't ...): denial and contradiction are argument

Hedges are shown as cues but not counted: with them as a feature the cross-validated
macro-F1 on BABE SG2 fell by 0.003.

The weights were fitted jointly on the development sets by ``benchmarks/fit_bias.py``
(numpy; no scikit-learn at run time or in the fit): a logistic regression, L2 0.01 on the
standardised features, minimising the mean log-loss of BABE SG2 (weight 1), BABE SG1 and
MBIC (½ each: the same sentences, labelled by experts and by a crowd) and the Lim et al.
crowd scores (weight :data:`LIM_WEIGHT`; the mean 1–4 score mapped to a soft label in
[0, 1]), each set with an intercept of its own so that their base rates do not pull on
the slopes.  The weights of the cue features are kept at zero or above, so that a cue
never lowers the score.  With the slopes fitted, the intercept was swept in steps of 0.05
to where the threshold 0.5 gives the best mean macro-F1 on SG2 and SG1, so that 0.5 still
means "reads as loaded" to experts.  No word or n-gram weights are learned, so nothing
from those sets ships (their licences forbid it).  Five-fold cross-validation, folds by
news link (BABE, MBIC) and by article (Lim): macro-F1 0.706 on SG2 (ROC-AUC 0.785), 0.695
on SG1, 0.647 on MBIC; the script prints these again.

Lim et al.'s weight is 0.  Every weight above 0 bought the crowd's rank correlation with
the experts' agreement (cross-validated, Lim weight 1 / 2 / 4 / 8: SG2 macro-F1 0.692 /
0.688 / 0.683 / 0.677, Lim Spearman −0.036 / −0.008 / +0.043 / +0.094, against 0.706 and
−0.065 at 0), and fitted with one of Lim's two dev events the weights did little on the other
(``--by-event``, the Facebook articles: −0.16 at weight 0, −0.01 at 8, where plain length
gives +0.26; the Johnson articles: +0.01 and +0.24, length +0.18).
The crowd's ratings follow length and subject (crimes, deaths) more than wording, which no
feature here reads without learning words; ``--lim-weight`` refits with them counted.
``--kept`` runs ``neutral`` on each event with weights fitted without it: at Lim weight 64
the score's rho is +0.18 on each event, SG2 macro-F1 falls to 0.643, and only with the
selector's bias weight raised to 2 is the kept crowd bias near the event's mean, at a large
cost in ROUGE-2 (docs/evaluation.md, "Two targets, one score"), so the weight stays 0.

:data:`split_bias` reports the two kinds of loadedness apart: the writer's own framing
(the score with the quoted cues left out) and what loaded content quoted from a source adds.

:data:`THRESHOLD` is the decision threshold used by ``evenhand eval bias``: a sentence
scoring at or above it counts as biased ("reads as loaded").
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

from summarizer import regex_cache
from summarizer.cues import TABLE as CUE_TABLE
from summarizer.cues import fold_case, quote_once
from summarizer.model import Cue, Sentence
from summarizer.tokens import count_pieces

#: Cue categories pooled into each feature of the model (cues in the writer's own voice;
#: every cue inside a quotation counts towards ``quoted`` instead): each category's
#: ``feature`` in the cue table (:data:`summarizer.cues.TABLE`); hedges count towards none.
FEATURE_GROUPS: Mapping[str, tuple[str, ...]] = {
    feature: tuple(c.name for c in CUE_TABLE if c.feature == feature)
    for feature in dict.fromkeys(c.feature for c in CUE_TABLE if c.feature is not None)
}
#: How much the Lim et al. crowd scores weigh in the joint fit, against 1 for BABE SG2 (see above).
LIM_WEIGHT = 0.0
#: Fitted −0.543, swept to −0.54 (see the module docstring).
INTERCEPT = -0.54
#: Every weight as ``benchmarks/fit_bias.py`` fitted it on all the dev sets, rounded to two decimals.
WEIGHTS: Mapping[str, float] = {
    "loaded": 1.61,  # the writer's loaded terms, stance adverbs, intensifiers: the strongest sign
    "devices": 0.2,  # framing verbs, scare quotes, insertions, questions, exclamations, calls to act
    "lexical": 0.35,  # VADER and Pattern words in the writer's voice (weights ≤ 1 each)
    "personal": 0.33,  # "I", "we", "you" outside quotations
    "quoted": 0.95,  # any cue inside a quotation (its weight already halved): readers count it too
    "density": 7.06,  # the writer's cue weight per word; one cue in 20 words adds 0.35
    "length": -0.01,  # about 0: the experts do not rate long sentences as more biased
    "attributed": -1.33,  # credited to a speaker, no device of the writer's
    "figures": -0.68,  # a number or a date
    "negations": 0.5,  # not, never, no, n't
}
#: A sentence without a single cue never scores above this: it is never called loaded
#: without evidence a reader can see.
NO_CUE_CEILING = 0.45
#: Scores at or above this count as biased.
THRESHOLD = 0.5

_QUOTED = "(quoted)"
# Cues that are the writer's own doing; a sentence with one of them is not excused by "said".
_WRITERS_DEVICES = frozenset(c.name for c in CUE_TABLE if c.writers_device)
# Negations and attribution, matched on the folded text (see :func:`summarizer.cues.fold_case`):
# the same matches as case-insensitive patterns on the original, at a fraction of the cost.
_NEGATION = regex_cache.compile(r"\bn(?:o(?:t|thing|body|ne|r)?|e(?:ver|ither))\b|n[’']t\b")
_ATTRIBUTED = regex_cache.compile(r"\b(?:said|says|told|according\s+to)\b")
# What the folded sentence must hold for each pattern to match (tested first: most do not).
_NEGATION_HINTS = ("no", "never", "neither", "n't", "n’t")
_ATTRIBUTED_HINTS = ("said", "says", "told", "according")
_DIGIT = regex_cache.compile(r"\d")
# Month and weekday names, on the folded text: a date is reporting even when spelt out.
_DATE = regex_cache.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|march|april|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b"
)
# One of these is in every match of _DATE (its search, held back by the \b before each name,
# took 3 µs a sentence without figures; a sentence in four or so holds one of them).
_DATE_HINTS = ("day", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
#: The features read from the sentence itself, after the cue groups and ``quoted``, in the order of WEIGHTS.
_TEXT_FEATURES = ("density", "length", "attributed", "figures", "negations")


def bias_features(sentence: Sentence, cues: Sequence[Cue]) -> dict[str, float]:
    """The model's inputs for one sentence.

    Args:
        sentence: the sentence (its words are read for the text features).
        cues: the sentence's cues, as :func:`summarizer.cues.find_cues` found them.

    Returns:
        One value per key of :data:`WEIGHTS`.
    """
    return dict(zip(WEIGHTS, _features(sentence.text, cues), strict=True))


# FEATURE_GROUPS by position, and the position of each cue category's group.
_GROUP_NAMES = tuple(FEATURE_GROUPS)
_GROUP_INDEX = {category: i for i, group in enumerate(_GROUP_NAMES) for category in FEATURE_GROUPS[group]}
_QUOTED_INDEX = len(_GROUP_NAMES)
_WEIGHT_LIST = tuple(WEIGHTS[name] for name in (*_GROUP_NAMES, "quoted", *_TEXT_FEATURES))


def _features(text: str, cues: Sequence[Cue], pieces: int | None = None) -> list[float]:
    """The feature values in the order of :data:`WEIGHTS` (the groups, ``quoted``, then :data:`_TEXT_FEATURES`).

    ``pieces``: :func:`~summarizer.tokens.count_pieces` of ``text``, when counted already.
    """
    totals = [0.0] * (len(_GROUP_NAMES) + 1)
    writer = False
    for cue in cues:
        if cue.source.endswith(_QUOTED):
            totals[_QUOTED_INDEX] += cue.weight
            continue
        group = _GROUP_INDEX.get(cue.category)
        if group is not None:
            totals[group] += cue.weight
        if not writer and cue.category in _WRITERS_DEVICES:
            writer = True
    values = [math.log1p(total) if total else 0.0 for total in totals]
    words = count_pieces(text) if pieces is None else pieces
    own = sum(totals[: len(_GROUP_NAMES)])
    folded = fold_case(text)
    attributed = not writer and _hinted(folded, _ATTRIBUTED_HINTS) and _ATTRIBUTED.search(folded) is not None
    values += (
        own / words if own else 0.0,
        math.log1p(words),
        1.0 if attributed else 0.0,
        1.0 if _DIGIT.search(text) or (_hinted(folded, _DATE_HINTS) and _DATE.search(folded)) else 0.0,
        math.log1p(len(_NEGATION.findall(folded))) if _hinted(folded, _NEGATION_HINTS) else 0.0,
    )
    return values


def _hinted(text: str, hints: tuple[str, ...]) -> bool:
    for hint in hints:  # noqa: SIM110  # a loop: any() over a generator is slower here
        if hint in text:
            return True
    return False


def _score(values: Sequence[float], has_cues: bool) -> float:
    # Zero terms are left out of the sum: adding 0.0 changes no float, so the score is the
    # same as summing every weight times its feature in the order of WEIGHTS.
    z = INTERCEPT + sum([w * v for w, v in zip(_WEIGHT_LIST, values, strict=True) if v])
    score = 1.0 / (1.0 + math.exp(-z))
    return score if has_cues else min(score, NO_CUE_CEILING)


def bias_score(sentence: Sentence, cues: Sequence[Cue]) -> float:
    """How loaded a sentence reads, from its cues and its wording.

    Args:
        sentence: the sentence.
        cues: its cues.

    Returns:
        A score in [0, 1].  Among sentences of the same wording, more or stronger cues
        always score higher; a sentence without cues scores at most :data:`NO_CUE_CEILING`.
    """
    return _score(_features(sentence.text, cues), bool(cues))


def split_bias(sentence: Sentence, cues: Sequence[Cue]) -> tuple[float, float]:
    """The bias score in two parts: the writer's own framing, and what quoted loaded content adds.

    Args:
        sentence: the sentence.
        cues: its cues.

    Returns:
        ``(framing, quoted)``: ``framing`` is the score with the cues inside quotations left
        out (the writer's words and the sentence's wording); ``quoted`` is what those cues
        add to it, never below 0.  They sum to :func:`bias_score`.  The first calls for
        dropping or rewording; the second for balance (the other side's voice).
    """
    _, framing, quoted = bias_parts(sentence, cues)
    return framing, quoted


def bias_parts(sentence: Sentence, cues: Sequence[Cue], *, pieces: int | None = None) -> tuple[float, float, float]:
    """:func:`bias_score` and :func:`split_bias` together, from one reading of the sentence.

    Args:
        sentence: the sentence.
        cues: its cues.
        pieces: :func:`~summarizer.tokens.count_pieces` of its text, when the analysis has it.

    Returns:
        ``(score, framing, quoted)``.
    """
    values = _features(sentence.text, cues, pieces)
    total = _score(values, bool(cues))
    if not values[_QUOTED_INDEX]:
        return total, total, 0.0
    own = [c for c in cues if not c.source.endswith(_QUOTED)]
    framing = _score([*values[:_QUOTED_INDEX], 0.0, *values[_QUOTED_INDEX + 1 :]], bool(own))
    return total, framing, max(0.0, total - framing)


# How a reason names each category (the cue table's ``label``), kinds in the order they first
# appear in the table, the categories of one kind together: the order reasons list them in.
_LABEL_RANK = {label: rank for rank, label in enumerate(dict.fromkeys(c.label for c in CUE_TABLE))}
_LABELS = {
    c.name: c.label
    for _, c in sorted(enumerate(CUE_TABLE), key=lambda item: (_LABEL_RANK[item[1].label], item[0]))
}
_PRIORITY = {category: rank for rank, category in enumerate(_LABELS)}
_SHOWN_TEXT = {
    "loaded language",
    "framing verb",
    "hedge",
    "scare quote",
    "insertion in a quotation",
    "personal voice",
    "framing an opponent",
    "framing a source's words",
}


def cue_summary(cues: Iterable[Cue]) -> str:
    """Say in plain words what the cues are, for a decision's reason.

    Args:
        cues: the cues of one sentence.

    Returns:
        For example ``"loaded language: 'seemingly', 'aptly'; scare quote: ‘safety’"``;
        ``""`` when there are no cues.  Each kind is named once, in order of first
        appearance, with up to four distinct words for kinds that have words.  Cues in
        the writer's own voice come first; cues inside quotations, the speaker's words,
        follow under their own labels (``"loaded language (quoted): 'thugs'"``).
    """
    order: list[str] = []
    words: dict[str, list[str]] = {}
    for cue in sorted(
        cues, key=lambda c: (c.source.endswith(_QUOTED), _PRIORITY.get(c.category, len(_PRIORITY)), c.start)
    ):
        label = _LABELS.get(cue.category, cue.category.replace("_", " "))
        if cue.source.endswith(_QUOTED):
            label = f"{label} (quoted)"
        if label not in words:
            order.append(label)
            words[label] = []
        shown = cue.text.strip()
        if (
            label.removesuffix(" (quoted)") in _SHOWN_TEXT
            and shown
            and shown not in words[label]
            and len(words[label]) < 4
        ):
            words[label].append(shown)
    parts = []
    for label in order:
        quoted = ", ".join(quote_once(word, "'", "'") for word in words[label])
        parts.append(f"{label}: {quoted}" if quoted else label)
    return "; ".join(parts)
