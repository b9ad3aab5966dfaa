"""The cue categories, in one table: what each is, how much a cue of it weighs, what it reads.

Every fact about a category lives in its row of :data:`TABLE`: the order (the first category
that matches a word wins), whether it is one of the writer's framing devices or a general
lexicon, the lexicon files it reads (each under ``summarizer/lexicons/`` with its licence
and source), the weight of a cue, the bias model's feature it counts towards, and the words
a reason uses for it.  :mod:`summarizer.cues` and :mod:`summarizer.neutrality` derive their
tables from this one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Source:
    """One list a category reads, and the weight of a cue found by it.

    Attributes:
        path: the file under ``summarizer/lexicons/`` (what a cue's ``source`` names), or
            ``"rule"`` for a cue found by a rule of the code.
        weight: the weight of every cue from this list; ``None`` when each entry carries its
            own (a loaded term's weight column, VADER's valence / 4, Pattern's subjectivity).
        adjusted_by: the lists that take words out of it or add words to it (evenhand's).
    """

    path: str
    weight: float | None
    adjusted_by: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Category:
    """One row of :data:`TABLE`.

    Attributes:
        name: the category (``Cue.category``).
        framing: one of the writer's framing devices (evenhand's curated lists and the
            structural cues), shown in running text; ``False`` for the general lexicons and
            personal voice, which match so many words that marking them all hides the rest.
        sources: the lists (or the rule) it is found by, in the order they are tried.
        feature: the bias model's feature its cues in the writer's voice count towards
            (:data:`summarizer.neutrality.FEATURE_GROUPS`); ``None``: shown, not counted.
        writers_device: a cue of it is the writer's own doing, so a sentence that has one is
            not excused by crediting a speaker ("said").
        label: how a decision's reason names it.
    """

    name: str
    framing: bool
    sources: tuple[Source, ...]
    feature: str | None
    writers_device: bool
    label: str


#: Weight multiplier for a word cue inside a real quotation (the speaker's words); their
#: ``source`` ends in ``" (quoted)"``.
QUOTED_FACTOR = 0.5

_RULE = (Source("rule", 1.0),)

#: Every category, in the order a word's cue is taken (evenhand's curated lists before the
#: general lexicons, so a loaded term and its mirror from the other side weigh the same).
TABLE: tuple[Category, ...] = (
    Category(
        "loaded_term", True, (Source("evenhand/loaded_terms.tsv", None),), "loaded", True, "loaded language"
    ),
    Category(
        "stance_adverb",
        True,
        (Source("evenhand/stance_adverbs.txt", 1.0),),
        "loaded",
        True,
        "loaded language",
    ),
    Category(
        "intensifier",
        True,
        # Puffery inflates as an intensifier does, in praise: the same category, a lower weight.
        (Source("evenhand/intensifiers.txt", 0.8), Source("evenhand/puffery.txt", 0.5)),
        "loaded",
        True,
        "loaded language",
    ),
    Category(
        "factive_verb",
        True,
        (
            Source(
                "recasens/factives.txt",
                0.8,
                (
                    "evenhand/factives_plain.txt",
                    "evenhand/factives_added.txt",
                    "evenhand/irregular_verbs.tsv",
                ),
            ),
        ),
        "devices",
        True,
        "framing verb",
    ),
    Category(
        "assertive_verb",
        True,
        (
            Source(
                "recasens/assertives.txt",
                0.8,
                (
                    "evenhand/assertives_plain.txt",
                    "evenhand/assertives_added.txt",
                    "evenhand/assertives_noun_like.txt",
                    "evenhand/irregular_verbs.tsv",
                ),
            ),
        ),
        "devices",
        True,
        "framing verb",
    ),
    Category(
        "hedge",
        True,
        (Source("recasens/hedges.txt", 0.5, ("evenhand/hedges_everyday.txt",)),),
        None,
        False,
        "hedge",
    ),
    Category("scare_quote", True, _RULE, "devices", True, "scare quote"),
    Category("bracketed_insertion", True, _RULE, "devices", True, "insertion in a quotation"),
    Category("rhetorical_question", True, _RULE, "devices", False, "rhetorical question"),
    Category("exclamation", True, _RULE, "devices", False, "exclamation"),
    Category("call_to_action", True, _RULE, "devices", False, "call to action"),
    # The writer arguing with an opponent ("instead of noting", "ignores the fact that"): as
    # strong a sign as a loaded term, and not excused by crediting a speaker nearby.
    Category(
        "opponent_framing",
        True,
        (Source("rule", 1.0, ("evenhand/opponent_framing.txt",)),),
        "loaded",
        True,
        "framing an opponent",
    ),
    # The writer's verb for a source's statement ("claims", "alleges", "what they allege is"): doubt cast
    # on what was said, of no side; each form's weight in its row (summarizer/cues/claims.py).
    Category(
        "claim_framing",
        True,
        (Source("evenhand/claim_framing.tsv", None, ("evenhand/claim_not_before.txt", "evenhand/claim_legal_subjects.txt")),),
        "loaded",
        True,
        "framing a source's words",
    ),
    Category(
        "valenced_word",
        False,
        (Source("vader/valence.tsv", None, ("pattern/subjectivity.tsv", "evenhand/plain_news_words.txt")),),
        "lexical",
        False,
        "loaded language",
    ),
    Category(
        "subjective_word",
        False,
        (Source("pattern/subjectivity.tsv", None, ("evenhand/plain_news_words.txt",)),),
        "lexical",
        False,
        "loaded language",
    ),
    Category(
        "personal_voice",
        False,
        (Source("rule", 1.0, ("evenhand/personal_pronouns.txt",)),),
        "personal",
        False,
        "personal voice",
    ),
)

#: The category names in :data:`TABLE` order.
CATEGORIES: tuple[str, ...] = tuple(category.name for category in TABLE)

#: The writer's framing devices (see :attr:`Category.framing`).  Views that mark cues in
#: running text may show only these.
FRAMING_CATEGORIES: frozenset[str] = frozenset(category.name for category in TABLE if category.framing)

#: The row of each category.
BY_NAME = {category.name: category for category in TABLE}
