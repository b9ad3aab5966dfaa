"""Find loaded language in a document: every cue a reader should see, with its exact span.

:func:`find_cues` returns, for each sentence, the cues in it (offsets index ``document.text``).
The categories (:data:`CATEGORIES`; every fact about each is one row of
:data:`~summarizer.cues.categories.TABLE`):

``loaded_term``
    one-sided or loaded terms from every side of a question ("illegal aliens", "far-right",
    "job-killing", "corporate-backed", "slammed"), from evenhand's own list
    (``lexicons/evenhand/loaded_terms.tsv``, balanced between the sides).
``stance_adverb``
    the writer telling the reader what to think ("seemingly", "aptly", "predictably").
``intensifier``
    words that inflate a statement ("drastic", "unprecedented", "skyrocketing"), and puffery,
    the writer's own praise ("prestigious", "renowned", "picturesque"; ``evenhand/puffery.txt``).
``factive_verb``
    verbs that present a claim as established fact ("revealed", "realized"), Hooper's list;
    only in the writer's voice, never inside a quotation.
``assertive_verb``
    verbs that frame what someone said ("claimed", "admitted", "conceded", "insisted"),
    from Hooper's list less the neutral ones ("said", "wrote", "reported"); writer's voice only.
``hedge``
    hedges that cast doubt ("apparently", "supposedly", "presumably"), Hyland's list less
    the everyday words ("would", "about", "often").
``scare_quote``
    a word or short phrase (at most four words) in quotation marks that no speaker is
    credited with in the sentence (no said, wrote, according to ...): the ‘safety’ of.
    Titles, names and terms are not scare quotes: a title in capitals ("Supernova"), a name
    or term introduced as one ("known as", "nicknamed", "the song", "the term"), a fragment
    of under three letters (rock 'n' roll); after "so-called" a quotation always is one.
    In a text without a single capital letter (a lower-cased corpus) titles cannot be told
    apart, so no scare quote is flagged.
``bracketed_insertion``
    the writer's words in square brackets inside a quotation: "immigrants [illegal aliens]".
``rhetorical_question``
    a question in the writer's voice (not a quoted question, not addressed to "you").
``exclamation``
    an exclamation mark in the writer's voice.
``call_to_action``
    the reader addressed and told to act: "Do you want to …", "Click to …", "Sign up …".
``opponent_framing``
    the writer framing an opponent: telling the reader what the other side leaves out or will
    not admit ("instead of noting", "ignores the fact that", "fails to mention", "glosses
    over"; ``evenhand/opponent_framing.txt``, phrases of no side); counted with the loaded
    terms, and inside a quotation at the quoted weight.
``claim_framing``
    the writer's framing of a source's words: "claims", "alleges" where they are the reporting
    verb of a subject, "what they allege is", "as opposed to" after a reported claim
    (``evenhand/claim_framing.tsv``; :mod:`summarizer.cues.claims`); of no side, counted with the
    loaded terms; only in the writer's voice.  The rewording says "claims"/"alleges" as "says".
``valenced_word``
    a strongly positive or negative adjective or adverb (VADER mean valence of magnitude 2 or
    more, for a word in Pattern's adjective list or ending in "-ly"); weight = magnitude / 4.
``subjective_word``
    an evaluative adjective (Pattern subjectivity of 0.7 or more); weight = subjectivity.
    Both general lexicons skip a short list of words that are plain in news copy
    ("interest", "crude", "killed", "former"), which they would otherwise flag, and a word
    that is no modifier or predicate where it stands (before a bracket, a comma or the end, with
    no linking or degree word before it: "Danny Strong (born 1974)"; ``find._used_as_modifier``).
``personal_voice``
    the writer speaking as "I" or "we", or to the reader as "you", outside quotations:
    the voice of opinion, not of reporting.

Plain fixed phrases.  Inside a phrase of ``evenhand/neutral_phrases.tsv`` ("loved ones",
"sexual assault", "Great Britain") no word is a cue: the emotive word is plain there.

Each word is one cue at most: the first category that matches in the order above wins
(evenhand's curated lists before the general lexicons), so a loaded term and its mirror
from the other side weigh the same.  Structural cues (scare quotes, brackets, questions,
exclamations, calls to action, framing an opponent) are found independently and may contain word cues.

Quoted words.  Loaded words inside a real quotation are the speaker's words, not the
writer's: they are still cues, because the reader should see them, but their weight is
multiplied by :data:`QUOTED_FACTOR` and their ``source`` ends in ``" (quoted)"``.  The
writer's own words inserted in brackets inside a quotation count as the writer's voice.
Factive and assertive verbs are framing only in the writer's voice, so inside quotations
they are not cues at all.

Helpers other modules share: :func:`quotation_spans` (where the quotations are),
:func:`bracket_insertions`, :func:`call_to_action` and :func:`opponent_framing`.

The package, one job a module:

    categories   the table of categories: order, framing or general, lists read, weights
    phrases      the phrase index: the lists as regexes, indexed by the run a phrase starts at
    quoting      the quotation scanner the cues read (line by line, single marks too)
    attribution  whether a sentence credits someone with words
    claims       the writer's framing of a source's words ("claims", "what they allege is")
    structural   scare quotes, bracketed insertions, questions, exclamations, calls to action
    find         :func:`find_cues`, putting them together sentence by sentence

Every word list is a file under ``summarizer/lexicons/`` with its source and licence.
"""

from __future__ import annotations

from summarizer.cues.attribution import _attribution_verbs, attribution_verbs, dispute_verbs
from summarizer.cues.categories import CATEGORIES, FRAMING_CATEGORIES, QUOTED_FACTOR, TABLE, Category, Source
from summarizer.cues.find import find_cues
from summarizer.cues.phrases import GAP, GAP_WORDS, SUBJECTIVITY_MIN, VALENCE_MIN, fold_case
from summarizer.cues.quoting import QUOTE_MARKS, quotation_spans, quote_once, quoted_ranges, within_quotation
from summarizer.cues.structural import (
    SCARE_QUOTE_MAX_WORDS,
    bracket_insertions,
    call_to_action,
    opponent_framing,
)

__all__ = [
    "CATEGORIES",
    "FRAMING_CATEGORIES",
    "GAP",
    "GAP_WORDS",
    "QUOTED_FACTOR",
    "QUOTE_MARKS",
    "SCARE_QUOTE_MAX_WORDS",
    "SUBJECTIVITY_MIN",
    "TABLE",
    "VALENCE_MIN",
    "Category",
    "Source",
    "_attribution_verbs",
    "attribution_verbs",
    "bracket_insertions",
    "call_to_action",
    "dispute_verbs",
    "find_cues",
    "fold_case",
    "opponent_framing",
    "quotation_spans",
    "quote_once",
    "quoted_ranges",
    "within_quotation",
]
