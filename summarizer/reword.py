"""Saying it neutrally: the writer's loaded terms replaced by a style table's neutral terms.

The table (:func:`summarizer.lexicons.style_table`) pairs each one-sided or loaded term with
the term a newsroom writes instead ("illegal aliens" → "immigrants in the country
illegally", "death tax" → "estate tax", "gun nuts" → "gun-rights supporters"), or with
nothing where the term is the writer's verdict ("so-called", "disgraced", "infamous").
:func:`reword_edits` finds them in a sentence and returns recorded edits:

* only in the writer's voice: never inside quotation marks, never in a title line, and no
  deletion in indirect speech, after a reporting verb ("Critics said the draconian curfew …"
  keeps "draconian": :func:`summarizer.quotes.reported_from`);
* grammar kept: a capital where the term opened the sentence, "a"/"an" agreeing with the word
  that now follows, and a deleted adjective only where it modifies the word after it ("a
  disgraced politician", "of prestigious chefs", "the city's picturesque bridge"; not "became
  famous overnight", not "is famous for"), with a degree word before it going too ("the most
  magnificent", "hugely impressive");
* puffery, intensifiers and stance adverbs (the cues of :data:`DELETED_SOURCES`) and the
  writer's verdicts of no one side (:data:`VERDICT_SOURCE`, "a draconian curfew") deleted the
  same way, and an "-ly" adverb between two words ("were horribly massacred" → "were
  massacred") or opening the sentence ("Sadly, the mill closed" → "The mill closed"); an
  adverb that attributes a claim ("allegedly") is never deleted (:data:`~summarizer.trim.KEPT_ADVERBS`);
* of these list words, one a sentence at most (:data:`DELETION_BUDGET`), the most loaded
  first (:func:`rank_cues`), and never a flag-only word, loaded in some uses and plain in
  others ("famous", "popular", "controversial": :func:`summarizer.lexicons.flag_only`), which
  stays a cue for the reader to see;
* scare quotes in the writer's voice lose their marks ("the ‘safety’ of" → "the safety of").

Each edit's ``kind`` is ``"reworded"``, ``"term_deleted"`` or ``"scare_quote_removed"``; the
summary text is derived from the edits like every other change, and every diff shows them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from summarizer import regex_cache
from summarizer.cues.claims import CATEGORY as CLAIM_CATEGORY
from summarizer.cues.claims import claim_replacement
from summarizer.lexicons import StyleEntry, flag_only, style_table, subjectivity
from summarizer.model import Cue, Document, Edit, Sentence
from summarizer.quotes import inside, reported_from
from summarizer.trim import KEPT_ADVERBS

#: Words after which an adjective stands before its noun, so deleting it leaves the phrase whole.
_BEFORE_ADJECTIVE = frozenset(
    """a an the this that these those his her its their our my your another other one two three some any
    each every such no of in on at for with by from and or as after before into about over under between
    through during among against without within toward towards upon than""".split()
)
#: A word that does not begin a noun phrase: a deleted adjective before one of these was no
#: modifier ("she is famous for", "was popular with").
_NOT_A_NOUN = frozenset(
    """a an the this that these those of in on at for with by from to into about over under between through
    during among against without within toward towards upon than as and or but nor so yet if because while
    is are was were be been being am has have had do does did will would can could should may might must
    it he she they we you i his her its their our my your him them us me who whom whose which what when where
    why how not no out up down off away back""".split()  # a particle: "numbers spiralling out of control"
)
_PARTICLE = regex_cache.compile(r"\s+(?:away|off|out|into|through|open|apart|up|down)\b", re.IGNORECASE)
_OPENING_MARKS = frozenset("“‘\"'«")
#: Verbs after which an adjective is a predicate ("is famous", "became popular"), not a modifier.
_LINKING_VERBS = frozenset(
    """is are was were be been being am become becomes became becoming seem seems seemed remain remains
    remained look looks looked sound sounds sounded feel feels felt grow grows grew stay stays stayed get
    gets got prove proves proved turn turns turned""".split()
)
#: The lists whose cues are deleted where the sentence stays whole: intensifiers and
#: puffery (one category, see :mod:`summarizer.cues`) and stance adverbs.  Trimming deletes
#: most stance adverbs already (:mod:`summarizer.trim`); these edits add the ones it leaves:
#: first in the sentence ("Sadly, the …" → "The …") and stance adverbs without "-ly".
DELETED_SOURCES = frozenset({"evenhand/intensifiers.txt", "evenhand/puffery.txt", "evenhand/stance_adverbs.txt"})
#: The loaded terms of no one side, the writer's verdicts; deleted only before a noun after a
#: determiner or a preposition ("a draconian law"), never where the word may be a verb.
VERDICT_SOURCE = "evenhand/loaded_terms.tsv:any"
#: The least weight of a verdict that is deleted: 0.6 is the lexicon's "loaded in most news
#: uses" (see ``loaded_terms.tsv``), so every verdict of no side, attributive, may go.
VERDICT_MIN_WEIGHT = 0.6
#: Degree adverbs without "-ly" that modify the next word ("very popular", "really good").
_DEGREE_ADVERBS = frozenset("very really truly".split())  # alone they are kept: "is very unlikely"
#: Degree words that go with a deleted adjective ("the most famous" → "the").
_DEGREE = frozenset("most very more so highly widely world-famous".split())
#: Words in "-ly" that are no degree adverb: they stay when the adjective after them goes.
_NOT_DEGREE = frozenset("only early likely daily weekly monthly yearly family holy ugly july italy".split())
_WORD = regex_cache.compile(r"[A-Za-z0-9][\w'’-]*")
#: Endings no English verb form has ("dictatorial", "simplistic", "extravagant"): such a word
#: before a noun is its modifier even without a determiner before it.
_ADJECTIVE_ENDING = regex_cache.compile(r"(?:ial|ical|istic|ous|ive|ant|ent|ible|able)$", re.IGNORECASE)
# "an" before a vowel sound: a vowel letter, except for the common consonant-sounding ones.
_AN_EXCEPTIONS = regex_cache.compile(r"(?:uni|use|usu|eu|one|once|ur)", re.IGNORECASE)
_AN_SILENT_H = regex_cache.compile(r"(?:hour|honest|honou?r|heir)", re.IGNORECASE)


@cache
def _pattern() -> re.Pattern[str]:
    # Longest first; ties in alphabetical order, so the pattern is the same in every process.
    terms = sorted({e.term for e in style_table()}, key=lambda t: (-len(t), t))
    body = "|".join(re.escape(t).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]") for t in terms)
    return regex_cache.compile(rf"(?<![\w'’-])(?:{body})(?![\w'’-])", re.IGNORECASE)


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


#: How many of the writer's puffery words, intensifiers and stance adverbs one sentence loses
#: at most, the most loaded first (:func:`rank_cues`): Wikipedia's editors fix one word, and a
#: summary that rewrites every adjective reads as a new text, not the writer's.
DELETION_BUDGET = 1

#: The order in which cues are taken for the most loaded (:func:`rank_cues`): one-sided labels
#: and the writer's verdicts and stance adverbs first, then intensifiers and puffery, the general
#: lexicons' valenced and subjective words, then framing verbs, hedges, and last the structural
#: cues.  Framing verbs ("claimed", "asserted") and hedges ("probably") come after the loaded
#: modifiers: in encyclopedic and news copy they are most often a source's claim reported as one,
#: and an editor who strikes one word strikes the modifier (WNC half A: the labelled word was the
#: framing verb in 5 of 13 sentences and the hedge in 1 of 7; this order took top-1 there from
#: 44.2% to 45.0%).
CUE_TIERS: dict[str, int] = {
    "loaded_term": 0,
    "stance_adverb": 0,
    "intensifier": 1,
    "valenced_word": 2,
    "subjective_word": 2,
    "assertive_verb": 3,
    "factive_verb": 3,
    "claim_framing": 3,
    "hedge": 4,
}
_LAST_TIER = 5


#: Endings of adjectives and adverbs ("dictatorial", "tragically", "famous", "hopeless"): the
#: writer's loaded word is most often a modifier, so within a tier these come first.
_MODIFIER_ENDING = regex_cache.compile(r"(?:ous|ful|ive|ic|al|able|ible|ant|ent|ish|less|ly|est|y)$", re.IGNORECASE)


def rank_cues(cues: Sequence[Cue]) -> list[Cue]:
    """``cues``, the one most likely to be the writer's loaded word first.

    By tier (:data:`CUE_TIERS`), then a modifier's ending before any other word (part of speech
    by simple morphology), then weight, then position (the earlier first).
    """
    return sorted(cues, key=_rank_key)


def _rank_key(cue: Cue) -> tuple[int, int, float, int]:
    modifier = 0 if _MODIFIER_ENDING.search(cue.text) else 1
    return (CUE_TIERS.get(cue.category, _LAST_TIER), modifier, -cue.weight, cue.start)


def _deletable(cue: Cue) -> bool:
    """Whether a cue is one the rewording may delete, not a flag-only word: puffery, an intensifier,
    a stance adverb, or one word of the writer's verdict (:func:`_is_verdict`)."""
    return (cue.source in DELETED_SOURCES or _is_verdict(cue)) and not _flag_only(cue.text)


def _is_verdict(cue: Cue) -> bool:
    """A plainly loaded term of no one side ("draconian", "sinister", "crackpot"): the writer's verdict.

    One-sided labels are not deleted ("leftist", "far-right" name a position; the table
    replaces the ones a newsroom would).  Terms loaded in most uses (weight 0.6: "simplistic",
    "garbled", "extravagant") count too: they are deleted only as a modifier before a noun
    (:func:`_delete`), where the sentence reads the same without the writer's verdict.
    """
    return cue.source == VERDICT_SOURCE and cue.weight >= VERDICT_MIN_WEIGHT and " " not in cue.text


def _flag_only(term: str) -> bool:
    """Whether a term is loaded in some uses and plain in others: a cue, never deleted."""
    return _key(term) in _flag_only_keys()


@cache
def _flag_only_keys() -> frozenset[str]:
    return frozenset(_key(w) for w in flag_only())


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
    # Indirect speech ("she said the plan was draconian") is the speaker's claim: nothing after
    # the reporting verb is deleted (the table's neutral terms still replace one-sided labels).
    # Most sentences hold no term of the table: a set look-up per word rules them out cheaply.
    words = set(sentence.text.lower().translate(_TO_SPACE).split())
    matches = list(_pattern().finditer(sentence.text)) if not words.isdisjoint(_first_words()) else []
    # Where the reporting verb is matters only to a deletion: looked for only when one may be made.
    reported = (
        reported_from(text, sentence.start, sentence.end, quoted)
        if matches or any(_deletable(cue) for cue in cues)
        else None
    )
    # The lists' deletions compete for the sentence's budget, the most loaded first; the table's edits do not.
    deletions: list[tuple[tuple[int, int, float, int], Edit]] = []
    for match in matches:
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if inside(quoted, start, end):
            continue
        entry = _entries().get(_key(match.group()))
        if entry is None or (" " not in entry.term and _PARTICLE.match(text, end)):
            continue  # "blasted away the competition", "slams into": a verb of motion, not of saying
        if entry.replacement:
            if entry.term.endswith(" passing") and not _ends_phrase(text, end, sentence.end):
                continue  # "his passing game", "her passing and shooting": the sport, not a death
            edits.append(_replace(text, sentence, start, end, entry))
        elif (
            not _flag_only(match.group())
            and (reported is None or start < reported)
            and (edit := _delete(text, sentence, start, end)) is not None
        ):
            edits.append(edit)
    for cue in cues:
        if (
            _deletable(cue)
            and sentence.start <= cue.start
            and cue.end <= sentence.end
            and not inside(quoted, cue.start, cue.end)
            and (reported is None or cue.start < reported)
        ):
            edit = _delete_modifier(text, sentence, cue)
            if edit is not None:
                deletions.append((_rank_key(cue), edit))
    budget = DELETION_BUDGET - sum(1 for e in edits if e.kind == "term_deleted")
    for _, edit in sorted(deletions, key=lambda d: d[0]):
        if budget <= 0:
            break
        if not any(edit.start < e.end and e.start < edit.end for e in edits):
            edits.append(edit)
            budget -= 1
    edits.extend(_claim_edits(text, sentence, cues, quoted))
    for cue in cues:
        if cue.category == "scare_quote" and sentence.start <= cue.start and cue.end <= sentence.end:
            inner = cue.text[1:-1] if len(cue.text) > 2 else ""
            if inner and not inside(quoted, cue.start + 1, cue.end - 1) and " " not in inner.strip():
                edits.append(Edit("scare_quote_removed", cue.start, cue.end, cue.text, inner))
    return _without_overlaps(edits)


def _claim_edits(
    text: str, sentence: Sentence, cues: Sequence[Cue], quoted: tuple[tuple[int, int], ...]
) -> list[Edit]:
    """The writer's framing of a source's words said neutrally ("claims" → "says"; "what they
    allege is" deleted before its noun phrase): :func:`summarizer.cues.claims.claim_replacement`.
    Made after a reporting verb too: the framing word is the writer's, not the speaker's."""
    edits: list[Edit] = []
    for cue in cues:
        if cue.category != CLAIM_CATEGORY or not (sentence.start <= cue.start and cue.end <= sentence.end):
            continue
        if inside(quoted, cue.start, cue.end):
            continue
        replacement = claim_replacement(cue.text)
        if replacement is None:
            continue
        if replacement:
            edits.append(Edit("reworded", cue.start, cue.end, cue.text, _capitalised_like(cue.text, replacement)))
        else:
            end = _skip_space(text, cue.end, sentence.end)
            edits.append(Edit("term_deleted", cue.start, end, text[cue.start : end], ""))
    return edits


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


def _delete(text: str, sentence: Sentence, start: int, end: int, *, size: bool = False) -> Edit | None:
    """Delete an adjective (with its degree word) where a noun follows; fix "a"/"an".

    ``size``: the adjective is an intensifier or puffery word, which may state a quantity
    (:func:`_states_the_quality`)."""
    after = _skip_space(text, end, sentence.end)
    if after == end:
        return None
    # The noun may be quoted: "their popular “cringe” style" → "their “cringe” style".
    opening = 1 if text[after : after + 1] in _OPENING_MARKS else 0
    following = _WORD.match(text, after + opening)
    if following is None or following.group().lower() in _NOT_A_NOUN:
        return None
    before = _previous_word(text, sentence.start, start)
    if before is None:
        # First in the sentence, before a common noun: the noun takes the capital ("Greedy
        # landlords raised rents" → "Landlords raised rents"); before a capital it may be a name.
        if opening or text[sentence.start : start].strip(" \t") or not following.group()[:1].islower():
            return None
        noun = _capitalised_like(text[start:end], following.group())
        return Edit("term_deleted", start, following.end(), text[start : following.end()], noun)
    word, at = before
    if word.lower() in _DEGREE or (word.lower().endswith("ly") and word.lower() not in _NOT_DEGREE):
        start = at
        before = _previous_word(text, sentence.start, at)
        if before is None:
            return None
        word, at = before
    if word.lower() in _LINKING_VERBS:
        return None  # "became famous overnight": a predicate, not a modifier
    if word.lower() in _PERSONAL_POSSESSIVES and text[start:end].lower().split()[-1] in _ATTACHMENT:
        return None
    if _states_the_quality(text, word, following, sentence.end, size=size):
        return None
    if word.lower() in _COORDINATORS:
        return _delete_coordinated(text, sentence, at, start, end)
    cut_end = after
    if word.lower() in ("a", "an"):
        wanted = _capitalised_like(word, article_for(following.group()))
        if wanted != word:
            return Edit("term_deleted", at, cut_end, text[at:cut_end], wanted + " ")
    return Edit("term_deleted", start, cut_end, text[start:cut_end], "")


def _delete_modifier(text: str, sentence: Sentence, cue: Cue) -> Edit | None:
    """Delete an intensifier, a puffery word or a stance adverb where the sentence stays whole.

    An "-ly" adverb between two words goes with the space after it ("were horribly massacred" →
    "were massacred", "an exceptionally strong" → "a strong"); first in the sentence it goes with
    its comma, the next word taking its capital ("Sadly, the …" → "The …"); "very", "really" and
    "truly" go only with a deleted adjective; anything else is taken for an adjective and deleted
    before the word it modifies (:func:`_delete`).  Nothing with a capital inside the sentence (a
    name) and no adverb that attributes a claim ("allegedly") is deleted.
    """
    start, end = cue.start, cue.end
    word = text[start:end]
    lowered = word.lower()
    if " " in word or lowered in KEPT_ADVERBS:
        return None
    if word[:1].isupper() and text[sentence.start : start].strip(" \t\"“‘'("):
        return None  # a capital inside the sentence: part of a name ("Advanced Step in Innovative Mobility")
    if lowered in _DEGREE_ADVERBS:
        return None  # deleted only with the adjective after it (see _delete)
    if not lowered.endswith("ly"):
        if _is_verdict(cue) and not (_after_determiner(text, sentence, start) or _ADJECTIVE_ENDING.search(lowered)):
            return None  # "He boasted record profits": perhaps a verb; "when dictatorial ministers": an adjective
        return _delete(text, sentence, start, end, size=cue.source in DELETED_SOURCES)
    head = text[sentence.start : start]
    if not head.strip(" \t"):
        comma = re.match(r",?\s+", text[end : sentence.end])
        following = _WORD.match(text, end + comma.end()) if comma else None
        if following is None:
            return None
        return Edit("term_deleted", start, following.end(), text[start : following.end()],
                    _capitalised_like(word, following.group()))  # fmt: skip
    following = _WORD.match(text, _skip_space(text, end, sentence.end))
    if following is None or following.start() == end or not re.search(r"[\w,]\s+$", head):
        return None
    before = _previous_word(text, sentence.start, start)
    if before is not None and before[0].lower() in _COORDINATORS:
        return _delete_coordinated(text, sentence, before[1], start, end)
    if before is not None and before[0].lower() in ("a", "an"):
        # "an exceptionally strong" → "a strong"
        wanted = _capitalised_like(before[0], article_for(following.group()))
        if wanted != before[0]:
            at = before[1]
            return Edit("term_deleted", at, following.start(), text[at : following.start()], wanted + " ")
    return Edit("term_deleted", start, following.start(), text[start : following.start()], "")


_COORDINATORS = frozenset({"and", "or", "nor"})
#: Nouns of measure: an adjective before one states the quantity ("the gigantic size of", "a huge
#: majority", "the enormous number of"), so deleting it changes what the sentence says.
_MEASURE_NOUNS = frozenset(
    """size sizes scale scales number numbers amount amounts extent magnitude quantity quantities volume
    proportion proportions sum sums majority minority share range degree margin toll""".split()
)


#: Words of attachment: after a person's possessive they tell what that person holds dear ("his most
#: cherished beliefs", "her beloved garden"), the person's feeling and not the writer's praise.
_ATTACHMENT = frozenset("beloved cherished treasured prized dearest".split())
_PERSONAL_POSSESSIVES = frozenset("his her their my our your".split())


def _states_the_quality(text: str, before: str, noun: re.Match[str], limit: int, *, size: bool) -> bool:
    """Whether the adjective between ``before`` and ``noun`` is what the phrase says, not a modifier
    it can lose: an intensifier (``size``) before a noun of measure ("the gigantic size of", "a huge
    majority"; not a verdict: "the corporate-backed majority" loses only the writer's word), or in "of" + adjective + a
    singular common noun that ends the phrase, with no determiner ("nations of questionable
    stability (…", "a man of great courage.": without the adjective the phrase says the opposite
    or nothing; "a group of prestigious chefs" keeps its sense without it, and "of embattled
    Russian oil giant Yukos" is a longer noun phrase)."""
    word = noun.group()
    if size and word.lower() in _MEASURE_NOUNS:
        return True
    if before.lower() != "of" or not (word.isalpha() and word.islower()):
        return False
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return False  # a plural: "of prestigious chefs"
    after = _skip_space(text, noun.end(), limit)
    following = _WORD.match(text, after)
    return following is None or following.start() != after or following.group().lower() in _NOT_A_NOUN


def _delete_coordinated(text: str, sentence: Sentence, coordinator: int, start: int, end: int) -> Edit | None:
    """Delete a modifier joined to the one before it ("the old and picturesque town" → "the old
    town", "quickly and brutally" → "quickly"), the coordinator going with it; after a word that
    is no modifier, a noun ("an actor and award-winning writer"), the modifier goes alone
    ("an actor and writer")."""
    before = _previous_word(text, sentence.start, coordinator)
    if before is None:
        return None
    if not _looks_like_modifier(before[0]):
        # "an actor and award-winning writer" → "an actor and writer": the modifier goes alone.
        cut_end = _skip_space(text, end, sentence.end)
        return Edit("term_deleted", start, cut_end, text[start:cut_end], "")
    cut = before[1] + len(before[0])
    return Edit("term_deleted", cut, end, text[cut:end], "")


def _looks_like_modifier(word: str) -> bool:
    lowered = word.lower()
    return lowered in subjectivity() or bool(_MODIFIER_ENDING.search(lowered)) or _flag_only(lowered)


def _after_determiner(text: str, sentence: Sentence, start: int) -> bool:
    """Whether the word at ``start`` follows a determiner, a preposition or a possessive ("the", "of", "the city's")."""
    before = _previous_word(text, sentence.start, start)
    if before is None:
        return False
    word = before[0].lower()
    return word in _BEFORE_ADJECTIVE or word.endswith(("'s", "’s"))


def _ends_phrase(text: str, end: int, limit: int) -> bool:
    """Whether the noun phrase ends at ``end``: punctuation, the sentence's end, a name or a
    function word other than "and"/"or" follows ("until his passing.", "after her passing in
    1990", "after his passing Smith took over")."""
    following = _WORD.match(text, _skip_space(text, end, limit))
    if following is None or following.group()[:1].isupper():
        return True
    word = following.group().lower()
    return word in _NOT_A_NOUN and word not in _COORDINATORS | {"but"}


def _skip_space(text: str, at: int, limit: int) -> int:
    while at < limit and text[at] in " \t":
        at += 1
    return at


def _previous_word(text: str, floor: int, at: int) -> tuple[str, int] | None:
    match = re.search(r"([A-Za-z0-9][\w'’-]*)\s+$", text[floor:at])
    return (match.group(1), floor + match.start(1)) if match else None


def _without_overlaps(edits: list[Edit]) -> tuple[Edit, ...]:
    kept: list[Edit] = []
    # At one start the longer edit wins: "very" going with the adjective it props up.
    for edit in sorted(edits, key=lambda e: (e.start, -e.end)):
        if not kept or edit.start >= kept[-1].end:
            kept.append(edit)
    return tuple(kept)


def rewrite(text: str) -> tuple[str, tuple[Edit, ...]]:
    """``text`` as evenhand would say it in the writer's voice: every sentence trimmed and reworded.

    Returns the new text and the edits (offsets index ``text``).  Used by ``evenhand eval
    rewording``; the summary itself applies the same edits to the sentences it keeps.
    """
    from summarizer.analysis import analyse
    from summarizer.edits import apply_edits
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
