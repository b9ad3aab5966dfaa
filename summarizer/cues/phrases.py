"""The phrase index: every word list of the cue table matched against a sentence, quickly.

Each list becomes one regex of its phrases at word boundaries (:func:`_term_regex`: a space
also matches a hyphen, ``word*`` any ending, ``...`` a gap), and each phrase is indexed by the
run of word characters it must begin at, so a sentence is matched only where a run that can
start a phrase begins (:func:`_phrase_matches`).  What a run can yield — the patterns that may
start there, its single-word lexicon cue (VADER, Pattern), whether it is a personal pronoun —
is worked out once per distinct run and kept (:func:`_run_info`).  :func:`fold_case` is the
conservative lower-casing the quick tests before a case-insensitive regex rely on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import compress
from typing import Literal, NamedTuple

from summarizer import lexicons, regex_cache
from summarizer.cues.categories import TABLE

#: VADER mean valence magnitude from which a word is a ``valenced_word`` cue.
VALENCE_MIN = 2.0
#: Pattern subjectivity from which an adjective is a ``subjective_word`` cue.
SUBJECTIVITY_MIN = 0.7

_WORD_CHARS = r"\w’'\-"
_WORD = regex_cache.compile(r"[^\W\d_](?:[\w’'\-]*\w)?")


class _RunInfo(NamedTuple):
    """What one run can yield (see :func:`_run_info`)."""

    #: ``(k, phrases)``: pattern ``k`` of :func:`_word_patterns` may match where the run starts,
    #: and only those of its phrases (indices into its ``ordered``) can (:func:`_sub_pattern`).
    phrases: tuple[tuple[int, tuple[int, ...]], ...]
    #: ``(category, start, end, weight, source)`` of the run's word, offsets within the run.
    word: tuple[str, int, int, float, str] | None
    #: The run is a first- or second-person pronoun.
    personal: bool
    #: Folded words one of which the (folded) sentence must hold for any of :attr:`phrases` to
    #: match: one literal word after the first of each phrase (:func:`_needle`).  ``None`` where
    #: there is no such test: a phrase of one word or none to test, or a word or pronoun cue.
    #: "to", "of", "in", "a" begin a few rare phrases ("to my knowledge", "of course"): a sixth of
    #: a news text's runs, each tried as a regex match where the sentence holds none of them.
    needles: tuple[str, ...] | None = None


# A run: letters, digits, apostrophes and hyphens, the characters the word patterns treat as
# part of a word.  A word pattern can match only where a run starts, and a run holds at most
# one _WORD (from its first letter to its last word character), so what a run can yield is
# worked out once per distinct run and kept (_run_info, _RUN_INFO).  A run's head is the run
# up to its first hyphen.
_RUN = regex_cache.compile(r"[\w’'\-]+")
_RUN_JOINERS = "_’'-"


def _in_run(char: str) -> bool:
    r"""Whether ``char`` is a run character: the same test as ``re.match(r"[\w’'\-]", char)``
    (``\w`` is ``str.isalnum`` or ``_``, code point for code point), without a regex call."""
    return char.isalnum() or char in _RUN_JOINERS


_HEAD = regex_cache.compile(r"[\w’']*")
_RUN_INFO: dict[str, _RunInfo | Literal[False]] = {}
_RUN_INFO_LIMIT = 200_000  # distinct runs kept before the table starts again


@cache
def _plain_news_words() -> frozenset[str]:
    """Words the general lexicons flag that are plain in news copy (``evenhand/plain_news_words.txt``)."""
    return lexicons.word_list("evenhand/plain_news_words.txt")


@cache
def _personal_words() -> frozenset[str]:
    """First- and second-person pronouns, case as written (``evenhand/personal_pronouns.txt``)."""
    return lexicons.word_list("evenhand/personal_pronouns.txt", fold=False)


def _forms(base: str) -> set[str]:
    """Inflected forms of a (possibly multi-word) verb: claim → claims, claimed, claiming."""
    head, _, rest = base.partition(" ")
    tail = f" {rest}" if rest else ""
    forms = {head}
    stem = head[:-1] if head.endswith("e") else head
    if head.endswith("y") and head[-2:-1] not in "aeiou":
        forms |= {head[:-1] + "ies", head[:-1] + "ied", head + "ing"}
    else:
        forms |= {head + "s", head + "es", stem + "ed", stem + "ing"}
        if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", head):
            forms |= {head + head[-1] + "ed", head + head[-1] + "ing"}  # admit → admitted
    forms |= set(lexicons.irregular_verbs().get(head, ()))
    return {form + tail for form in forms}


#: In a phrase, a word of its own that stands for up to :data:`GAP_WORDS` words of any kind:
#: "rammed ... through" matches "rammed the bill through" and "rammed through".
GAP = "..."
GAP_WORDS = 4
_GAP_REGEX = rf"(?:[\s\-]+[\w’']+){{0,{GAP_WORDS}}}?"


def _term_regex(phrase: str) -> str:
    """The regex body of one phrase: a space also matches a hyphen; ``word*`` any ending; ``...`` a gap.

    A phrase that ends in "left" or "right" also matches with "wing" or "winger(s)" after it
    ("radical left" in "radical left-wing", "far right" in "far-right wingers"): one entry
    covers the forms, so a term does not weigh less for being hyphenated.
    """
    words = re.split(r"[\s\-]+", phrase)
    parts = []
    for word in words:
        if word == GAP:
            parts.append(_GAP_REGEX)
            continue
        star = word.endswith("*")
        parts.append(re.escape(word.rstrip("*")) + (r"[\w\-]*" if star else ""))
    body = r"[\s\-]+".join(parts).replace(r"[\s\-]+" + _GAP_REGEX + r"[\s\-]+", _GAP_REGEX + r"[\s\-]+")
    if len(words) > 1 and words[-1] in ("left", "right"):
        body += r"(?:[\s\-]wing(?:ers?)?)?"
    return body


def _ordered(phrases: Iterable[str]) -> list[str]:
    """The phrases of one pattern in the order its regex tries them: the longest first (ties in
    alphabetical order, so the pattern is the same in every process)."""
    return sorted(set(phrases), key=lambda p: (-len(p), p))


def _compile_phrases(ordered: Iterable[str]) -> re.Pattern[str]:
    body = "|".join(_term_regex(p) for p in ordered)
    return regex_cache.compile(rf"(?<![{_WORD_CHARS}])(?:{body})(?![{_WORD_CHARS}])", re.IGNORECASE)


def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One regex matching any phrase at word boundaries, the longest phrase first."""
    return _compile_phrases(_ordered(phrases))


@cache
def _loaded_entries() -> tuple[tuple[str, lexicons.LoadedTerm], ...]:
    """Every loaded term, the longest first, with the folded letters its first word begins with."""
    terms = sorted(lexicons.loaded_terms(), key=lambda t: len(t.term), reverse=True)
    return tuple((fold_case(re.split(r"[\s\-]+", t.term)[0].rstrip("*")), t) for t in terms)


@cache
def _loaded_regex(term: str) -> re.Pattern[str]:
    return regex_cache.compile(_term_regex(term), re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Phrases:
    """One word pattern, its phrases indexed by what a run must begin with for each to match."""

    category: str
    weight: float
    source: str
    #: The phrases in the order the regex tries them.
    ordered: tuple[str, ...]
    #: Folded head (a run up to its first hyphen) → the phrases that may match where it starts.
    exact: dict[str, tuple[int, ...]]
    #: Folded beginning of a head → the phrases (first word ending in ``*``) that may match.
    prefixes: dict[str, tuple[int, ...]]
    #: The lengths of the keys of ``prefixes``, shortest first.
    lengths: tuple[int, ...]
    #: False when a phrase defeats the index: the regex then scans every sentence.
    indexed: bool

    @property
    def regex(self) -> re.Pattern[str]:
        """The regex of all the phrases, compiled the first time it is asked for.

        Where the index works (:attr:`indexed`), matching reads only the small regexes of
        the candidates at each run start (:func:`_sub_pattern`), so this one, which takes
        most of a new process's first summary to compile, is never built.
        """
        return _whole_pattern(self.ordered)


@cache
def _whole_pattern(ordered: tuple[str, ...]) -> re.Pattern[str]:
    return _compile_phrases(ordered)


def _phrases(category: str, phrases: Iterable[str], weight: float, source: str) -> _Phrases:
    r"""Build a word pattern and index its phrases by their first word.

    A match starts where no word character precedes, so where a run starts (see
    :data:`_RUN`).  The phrase's first word, as :func:`_term_regex` writes it, ends at a
    space or hyphen, that is where the run's head ends; with ``*`` it may go on into the
    head; a character outside ``[\w’']`` in it ends the run, so the head, right there.
    At a given run start only the phrases whose first word fits the head can match, so a
    regex of just those, in the same order, finds the same match there (:func:`_sub_pattern`).
    """
    ordered = _ordered(phrases)
    exact: dict[str, list[int]] = {}
    prefixes: dict[str, list[int]] = {}
    indexed = True
    for i, phrase in enumerate(ordered):
        first = re.split(r"[\s\-]+", phrase)[0]
        literal = first.rstrip("*")
        key = _HEAD.match(literal).group()  # type: ignore[union-attr]  # [..]* always matches
        if not key or not literal.isascii():
            indexed = False
        elif first.endswith("*") and key == literal:
            prefixes.setdefault(fold_case(key), []).append(i)
        else:
            exact.setdefault(fold_case(key), []).append(i)
    return _Phrases(
        category, weight, source, tuple(ordered),
        {key: tuple(found) for key, found in exact.items()},
        {key: tuple(found) for key, found in prefixes.items()},
        tuple(sorted({len(key) for key in prefixes})),
        indexed,
    )  # fmt: skip


#: The pseudo-category of the fixed phrases in which an emotive word is plain: a match takes
#: its words (no cue may cover them) and yields no cue itself.
_NEUTRAL_PHRASE = "neutral_phrase"


@cache
def _word_patterns() -> tuple[_Phrases, ...]:
    """The plain fixed phrases, then each list of :data:`~summarizer.cues.categories.TABLE`, in the order their cues are taken."""
    # First, so that the words of a fixed phrase are taken before any list can flag them.
    patterns = [_phrases(_NEUTRAL_PHRASE, lexicons.neutral_phrases(), 0.0, "evenhand/neutral_phrases.tsv")]
    for category in TABLE:
        for source in category.sources:
            phrases_of = _PHRASE_LISTS.get(source.path)
            if phrases_of is not None:
                weight = 1.0 if source.weight is None else source.weight  # a loaded term's own weight wins
                patterns.append(_phrases(category.name, phrases_of(), weight, source.path))
    return tuple(patterns)


def _factives() -> set[str]:
    """Hooper's factives less the plain ones, with evenhand's additions, in every form."""
    factives: set[str] = set()
    plain, added = (
        lexicons.word_list("evenhand/factives_plain.txt"),
        lexicons.word_list("evenhand/factives_added.txt"),
    )
    for verb in (lexicons.factive_verbs() - plain) | added:
        factives |= _forms(verb)
    return factives


def _assertives() -> set[str]:
    """Hooper's assertives less the plain ones, with evenhand's additions, in every form."""
    assertives: set[str] = set()
    plain = lexicons.word_list("evenhand/assertives_plain.txt")
    added = lexicons.word_list("evenhand/assertives_added.txt")
    noun_like = lexicons.word_list("evenhand/assertives_noun_like.txt")
    for verb in (lexicons.assertive_verbs() - plain) | added:
        forms = _forms(verb)
        if verb in noun_like:  # "the claim", "a hint": the bare form is the noun
            forms.discard(verb)
        assertives |= forms
    return assertives


def _hedges() -> set[str]:
    everyday = lexicons.word_list("evenhand/hedges_everyday.txt")
    return {h for h in lexicons.hedges() if h not in everyday}


#: The phrases of each list a category matches as phrases (the others are read word by word,
#: :func:`_run_info`, or found by rules).
_PHRASE_LISTS: Mapping[str, Callable[[], Iterable[str]]] = {
    "evenhand/loaded_terms.tsv": lambda: (t.term for t in lexicons.loaded_terms()),
    "evenhand/stance_adverbs.txt": lexicons.stance_adverbs,
    "evenhand/intensifiers.txt": lexicons.intensifiers,
    "evenhand/puffery.txt": lexicons.puffery,
    "recasens/factives.txt": _factives,
    "recasens/assertives.txt": _assertives,
    "recasens/hedges.txt": _hedges,
}


@cache
def _sub_pattern(pattern: int, phrases: tuple[int, ...]) -> re.Pattern[str]:
    """The regex of some phrases of one pattern (indices into its ``ordered``), in its order.

    At a run start whose candidates are ``phrases`` it finds what the pattern's whole regex
    finds there.  Each candidate set is compiled once per process (a few hundred µs; a news
    article has a few dozen), which is far less than the whole regexes (about 100 ms).
    """
    ordered = _word_patterns()[pattern].ordered
    return _compile_phrases(ordered[i] for i in phrases)


@lru_cache(maxsize=4096)
def _loaded_entry(matched: str) -> lexicons.LoadedTerm:
    """The loaded-terms entry a match of the loaded-terms regex stands for: the longest whose regex matches it all.

    A term's regex begins with its first word's letters, so only the terms whose first word
    begins the (folded) match are tried, and only their regexes are ever compiled.
    """
    folded = fold_case(matched)
    return next(
        t
        for first, t in _loaded_entries()
        if folded.startswith(first) and _loaded_regex(t.term).fullmatch(matched)
    )


# Characters whose place in a case-insensitive match Python's ``re`` decides differently
# from ``str.lower``: "İ" and "ı" match "i", "ſ" matches "s"; sigma is mapped to one form so
# that folding does not depend on the neighbouring letters (``str.lower`` writes a final ς).
_FOLD_TABLE = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "Σ": "σ", "ς": "σ"})
_FOLD_SPECIAL = regex_cache.compile("[İıſΣς]")  # translating is slow: only when one of these is there


def fold_case(text: str) -> str:
    """Lower-case ``text`` for quick, conservative tests before a case-insensitive regex.

    Every character that an ``re.IGNORECASE`` pattern matches with a lower-case ASCII
    letter or digit folds to that letter or digit, and folding keeps the length and the
    word characters of ``text`` in place, so the folded text can be searched for the words
    a pattern needs before the pattern itself is run on the original.

    Args:
        text: any text.

    Returns:
        The folded text, as long as ``text``.
    """
    if text.isascii() or _FOLD_SPECIAL.search(text) is None:
        return text.lower()
    return text.translate(_FOLD_TABLE).lower()


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _strip_possessive(word: str) -> str:
    lowered = word.lower()
    for suffix in ("’s", "'s", "’", "'"):
        if lowered.endswith(suffix):
            return lowered[: -len(suffix)]
    return lowered


def _run_info(run: str) -> _RunInfo | Literal[False]:
    """What one run can yield, or ``False`` for nothing (most runs)."""
    head = fold_case(run.partition("-")[0])
    exact, prefixes, lengths = _head_index()
    hits = exact.get(head, ())
    size = len(head)
    for length in lengths:
        if length > size:
            break
        more = prefixes.get(head[:length])
        if more:
            hits += more
    candidates: list[tuple[int, tuple[int, ...]]] | tuple[tuple[int, tuple[int, ...]], ...]
    if len(hits) <= 1:
        candidates = hits  # one pattern's phrases, in order already (_phrases numbers them in order)
    else:
        found: dict[int, set[int]] = {}
        for k, phrases_at in hits:
            found.setdefault(k, set()).update(phrases_at)
        candidates = [(k, tuple(sorted(found[k]))) for k in sorted(found)]
    word_cue: tuple[str, int, int, float, str] | None = None
    match = _WORD.search(run)
    if match is not None:
        word = _strip_possessive(match.group())
        if word not in _plain_news_words():
            valence, subjectivity = lexicons.valence(), lexicons.subjectivity()
            if abs(valence.get(word, 0.0)) >= VALENCE_MIN and _modifier(word, subjectivity):
                word_cue = (
                    "valenced_word",
                    match.start(),
                    match.end(),
                    abs(valence[word]) / 4.0,
                    "vader/valence.tsv",
                )
            elif subjectivity.get(word, 0.0) >= SUBJECTIVITY_MIN:
                word_cue = (
                    "subjective_word",
                    match.start(),
                    match.end(),
                    subjectivity[word],
                    "pattern/subjectivity.tsv",
                )
    personal = run in _personal_words()
    if not (candidates or word_cue or personal):
        return False
    needles = None if word_cue or personal else _needles(tuple(candidates))
    return _RunInfo(tuple(candidates), word_cue, personal, needles)


def _needle(phrase: str) -> str | None:
    """A word the folded text must hold wherever ``phrase`` matches, other than its first
    (which the run itself is): its longest literal ASCII word after the first, lower-cased;
    ``None`` if it has none (one word, or only gaps and words of other characters).

    The phrase's regex (:func:`_term_regex`) matches each such word as written, case aside, and
    every character an ``re.IGNORECASE`` match takes for an ASCII letter folds to that letter
    (:func:`fold_case`), so the folded text holds the word where the phrase matches.
    """
    words = [w.rstrip("*") for w in re.split(r"[\s\-]+", phrase)[1:] if w != GAP]
    literal = [w.lower() for w in words if w.isascii() and w.isalpha()]
    return max(literal, key=len) if literal else None


@lru_cache(maxsize=4096)
def _needles(candidates: _Hits) -> tuple[str, ...] | None:
    """The needles (:func:`_needle`) of every phrase of ``candidates``, or ``None`` if one has none."""
    patterns = _word_patterns()
    found: set[str] = set()
    for k, phrases in candidates:
        for i in phrases:
            needle = _needle(patterns[k].ordered[i])
            if needle is None:
                return None
            found.add(needle)
    return tuple(sorted(found))


_Hits = tuple[tuple[int, tuple[int, ...]], ...]


@cache
def _head_index() -> tuple[dict[str, _Hits], dict[str, _Hits], tuple[int, ...]]:
    """Every indexed pattern's heads in one index, so a new run is looked up once, not once per pattern.

    ``(exact, prefixes, lengths)``: a folded head, or the beginning of one, → ``(k, phrases)`` of
    each pattern ``k`` with phrases that may match there (its ``exact`` and ``prefixes``); the
    lengths of the keys of ``prefixes``, shortest first.
    """
    exact: dict[str, list[tuple[int, tuple[int, ...]]]] = {}
    prefixes: dict[str, list[tuple[int, tuple[int, ...]]]] = {}
    for k, phrases in enumerate(_word_patterns()):
        if not phrases.indexed:
            continue
        for key, found in phrases.exact.items():
            exact.setdefault(key, []).append((k, found))
        for key, found in phrases.prefixes.items():
            prefixes.setdefault(key, []).append((k, found))
    return (
        {key: tuple(hits) for key, hits in exact.items()},
        {key: tuple(hits) for key, hits in prefixes.items()},
        tuple(sorted({len(key) for key in prefixes})),
    )


def _modifier(word: str, adjectives: Mapping[str, float]) -> bool:
    """Whether a VADER word is an adjective or adverb: in Pattern's adjective list, or in ``-ly``.

    VADER rates nouns and verbs too ("catastrophe", "attacked", "war"), which in news and
    encyclopedic copy are most often what happened, not the writer's judgement of it; the
    writer's judgement sits in the modifiers (Recasens et al. 2013).  On the WNC dev pairs this
    took the valenced cues per neutral rewrite from 0.32 to 0.12 at a cost of 3 points of recall,
    with BABE SG2 macro-F1 unchanged (0.708).
    """
    return word in adjectives or word.endswith("ly")


def _runs_of(body: str, folded: str | None = None) -> list[tuple[int, int, _RunInfo]]:
    """The sentence's runs that can yield a cue: ``(start, end, info)``, offsets within ``body``
    (``folded``: :func:`fold_case` of it, when folded already)."""
    runs = _RUN.findall(body)
    infos: list[_RunInfo | Literal[False] | None]
    try:  # every run seen before (a warm process, most of a long text): no test for a missing one
        infos = list(map(_RUN_INFO.__getitem__, runs))
    except KeyError:
        infos = list(map(_RUN_INFO.get, runs))
        if len(_RUN_INFO) > _RUN_INFO_LIMIT:
            _RUN_INFO.clear()
        for i, info in enumerate(infos):
            if info is None:
                infos[i] = _RUN_INFO[runs[i]] = _run_info(runs[i])
    if not any(infos):
        return []
    found: list[tuple[int, int, _RunInfo]] = []
    position = 0
    find = body.find
    for k in compress(range(len(runs)), infos):
        needles = infos[k].needles  # type: ignore[union-attr]  # compress kept truthy ones
        if needles is not None:  # only phrases may start here: none can if the sentence lacks every needle
            if folded is None:
                folded = fold_case(body)
            for needle in needles:  # a loop: any() over a generator is slower here
                if needle in folded:
                    break
            else:
                continue  # a run of the same text later gets the same answer, so ``position`` stays right
        run = runs[k]
        # The first occurrence of the run's text with no run character on either side is
        # the run itself: runs are maximal, and an earlier run with the same text would have
        # the same info, so it would have come first.  Most runs yield nothing and are skipped.
        start = find(run, position)
        end = start + len(run)
        while (start and _in_run(body[start - 1])) or (end < len(body) and _in_run(body[end])):
            start = find(run, start + 1)
            end = start + len(run)
        found.append((start, end, infos[k]))  # type: ignore[arg-type]  # compress kept truthy ones
        position = end
    return found


def _phrase_matches(
    body: str, runs: list[tuple[int, int, _RunInfo]]
) -> list[tuple[int, list[re.Match[str]]]]:
    """``(k, matches)`` for each word pattern ``k`` that matches in ``body``, in pattern order.

    The matches are what ``regex.finditer(body)`` yields for the pattern.
    """
    candidates: dict[int, list[tuple[int, tuple[int, ...]]]] = {}
    for start, _, info in runs:
        for k, phrases_at in info.phrases:
            candidates.setdefault(k, []).append((start, phrases_at))
    found: list[tuple[int, list[re.Match[str]]]] = []
    for k, phrases in enumerate(_word_patterns()):
        if not phrases.indexed:
            matches = list(phrases.regex.finditer(body))
        elif k not in candidates:
            continue
        else:
            # Only where a candidate run starts, in order, as finditer would try them.
            matches = []
            after = 0
            for start, phrases_at in candidates[k]:
                if start >= after:
                    match = _sub_pattern(k, phrases_at).match(body, start)
                    if match is not None:
                        matches.append(match)
                        after = match.end()
        if matches:
            found.append((k, matches))
    return found
