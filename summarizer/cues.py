"""Find loaded language in a document: every cue a reader should see, with its exact span.

:func:`find_cues` returns, for each sentence, the cues in it (offsets index ``document.text``).
The categories (:data:`CATEGORIES`):

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
``valenced_word``
    a strongly positive or negative adjective or adverb (VADER mean valence of magnitude 2 or
    more, for a word in Pattern's adjective list or ending in "-ly"); weight = magnitude / 4.
``subjective_word``
    an evaluative adjective (Pattern subjectivity of 0.7 or more); weight = subjectivity.
    Both general lexicons skip a short list of words that are plain in news copy
    ("interest", "crude", "killed", "former"), which they would otherwise flag.
``personal_voice``
    the writer speaking as "I" or "we", or to the reader as "you", outside quotations:
    the voice of opinion, not of reporting.

Plain fixed phrases.  Inside a phrase of ``evenhand/neutral_phrases.tsv`` ("loved ones",
"sexual assault", "Great Britain") no word is a cue: the emotive word is plain there.

Each word is one cue at most: the first category that matches in the order above wins
(evenhand's curated lists before the general lexicons), so a loaded term and its mirror
from the other side weigh the same.  Structural cues (scare quotes, brackets, questions,
exclamations, calls to action) are found independently and may contain word cues.

Quoted words.  Loaded words inside a real quotation are the speaker's words, not the
writer's: they are still cues, because the reader should see them, but their weight is
multiplied by :data:`QUOTED_FACTOR` and their ``source`` ends in ``" (quoted)"``.  The
writer's own words inserted in brackets inside a quotation count as the writer's voice.
Factive and assertive verbs are framing only in the writer's voice, so inside quotations
they are not cues at all.

Helpers other modules share: :func:`quotation_spans` (where the quotations are),
:func:`bracket_insertions` and :func:`call_to_action`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import compress
from typing import Literal, NamedTuple

from summarizer import lexicons
from summarizer.model import Cue, Document, Sentence

CATEGORIES: tuple[str, ...] = (
    "loaded_term",
    "stance_adverb",
    "intensifier",
    "factive_verb",
    "assertive_verb",
    "hedge",
    "scare_quote",
    "bracketed_insertion",
    "rhetorical_question",
    "exclamation",
    "call_to_action",
    "valenced_word",
    "subjective_word",
    "personal_voice",
)

#: The writer's framing devices: evenhand's curated lists and the structural cues.  Views
#: that mark cues in running text may show only these; the general lexicons
#: (``valenced_word``, ``subjective_word``) and ``personal_voice`` match so many words that
#: marking them all would hide the strong cues in noise.
FRAMING_CATEGORIES: frozenset[str] = frozenset(CATEGORIES) - {"valenced_word", "subjective_word", "personal_voice"}

#: Weight multiplier for a word cue inside a real quotation (the speaker's words).
QUOTED_FACTOR = 0.5
#: A quoted span of at most this many words, credited to no speaker, is a scare quote.
SCARE_QUOTE_MAX_WORDS = 4
#: VADER mean valence magnitude from which a word is a ``valenced_word`` cue.
VALENCE_MIN = 2.0
#: Pattern subjectivity from which an adjective is a ``subjective_word`` cue.
SUBJECTIVITY_MIN = 0.7

_WORD_CHARS = r"\w’'\-"
_WORD = re.compile(r"[^\W\d_](?:[\w’'\-]*\w)?")


class _RunInfo(NamedTuple):
    """What one run can yield (see :func:`_run_info`)."""

    #: ``(k, phrases)``: pattern ``k`` of :func:`_word_patterns` may match where the run starts,
    #: and only those of its phrases (indices into its ``ordered``) can (:func:`_candidate_regex`).
    phrases: tuple[tuple[int, tuple[int, ...]], ...]
    #: ``(category, start, end, weight, source)`` of the run's word, offsets within the run.
    word: tuple[str, int, int, float, str] | None
    #: The run is a first- or second-person pronoun.
    personal: bool


# A run: letters, digits, apostrophes and hyphens, the characters the word patterns treat as
# part of a word.  A word pattern can match only where a run starts, and a run holds at most
# one _WORD (from its first letter to its last word character), so what a run can yield is
# worked out once per distinct run and kept (_run_info, _RUN_INFO).  A run's head is the run
# up to its first hyphen.
_RUN = re.compile(r"[\w’'\-]+")
_RUN_CHAR = re.compile(r"[\w’'\-]")
_HEAD = re.compile(r"[\w’']*")
_RUN_INFO: dict[str, _RunInfo | Literal[False]] = {}
_RUN_INFO_LIMIT = 200_000  # distinct runs kept before the table starts again

# Hooper's assertive and factive verbs, less the neutral ones a reporter uses every day
# (say, write, report, explain, find, learn ...): what is left frames a statement as a
# dubious claim ("claimed", "insisted") or an established fact ("revealed").  "concede" and
# "expose" are our additions, and so are the loaded verbs of saying that Wikipedia's Manual of
# Style ("Words to watch: said") and newsroom usage name: speculate, surmise, confess,
# pontificate, aver, opine, proclaim; and "refute", "debunk", which grant the rebuttal success.
_NEUTRAL_ASSERTIVES = frozenset(
    {
        "think", "suppose", "expect", "imagine", "guess", "seem", "appear", "figure", "answer", "argue",
        "certify", "charge", "explain", "grant", "indicate", "intimate", "mention", "predict", "remark",
        "reply", "report", "say", "state", "suggest", "testify", "verify", "write", "agree", "afraid",
        "certain", "sure", "clear", "obvious", "evident", "calculate", "decide", "deduce", "estimate",
        "hope", "suspect", "point out", "postulate", "hypothesize",
    }
)  # fmt: skip
_OUR_ASSERTIVES = frozenset(
    {"concede", "speculate", "surmise", "confess", "pontificate", "aver", "opine", "proclaim", "refute", "debunk"}
)
# Assertive verbs whose bare form is as often a noun ("the claim that", "a hint of", "a vow"):
# the bare form is no framing verb; "claims", "claimed", "claiming" still are.
_NOUN_LIKE_ASSERTIVES = frozenset({"claim", "hint", "guarantee", "vow", "swear"})
_NEUTRAL_FACTIVES = frozenset(
    {
        "know", "forget", "find out", "learn", "note", "observe", "perceive", "recall", "remember", "see",
        "amuse", "suffice", "bother", "make sense", "care", "odd", "strange", "interesting", "relevant",
        "sorry", "exciting", "find",
    }
)  # fmt: skip
# Hyland hedges too common in plain reporting to be worth showing a reader.
_EVERYDAY_HEDGES = frozenset(
    {
        "about", "almost", "around", "approximately", "roughly", "could", "couldn't", "would", "should",
        "may", "might", "ought", "often", "sometimes", "usually", "frequently", "generally", "mostly",
        "mainly", "largely", "relatively", "typically", "typical", "broadly", "quite", "rather",
        "fairly", "estimate", "estimated", "feel", "felt", "feels", "appear", "appears", "appeared",
        "indicate", "indicated", "indicates", "in general", "in most cases", "in most instances",
        "tend to", "tends to", "tended to", "certain amount", "certain extent", "certain level",
        "on the whole", "claim", "claims", "claimed", "argue", "argues", "argued", "possible",
        # The plain words of probability and obligation in reporting: "is likely to", "was supposed to".
        "likely", "unlikely", "supposed",
    }
)  # fmt: skip
# Words the general lexicons rate as valenced or subjective that are plain in news copy
# (a homograph, "rose", "crude"; or a business term, "interest", "gross").  Our list.
_PLAIN_NEWS_WORDS = frozenset(
    {
        "rose", "only", "latest", "key", "total", "far", "own", "possible", "behind", "light", "becoming",
        "rank", "final", "original", "confirmed", "interest", "interests", "crude", "agreement", "gross",
        "positive", "negative", "gain", "gains", "benefit", "benefits", "poverty", "criminal", "fraud",
        "free", "united", "justice", "help", "helps", "helped", "support", "supports", "supported",
        "care", "growth", "trust", "safe", "safety", "security", "protect", "protection", "defense",
        "defence", "win", "won", "winning", "lose", "lost", "loss", "losses", "killed", "dead", "death",
        "deaths", "died", "war", "wars", "crash", "cancer", "prison", "jail", "arrested", "charged",
        "victims", "victim", "injured", "murder", "murdered", "disease", "sick", "ill", "party",
        "parties", "pretty", "dear", "like", "well", "kind", "fine", "sure", "certain", "last", "first",
        "second", "third", "next", "past", "recent", "former", "public", "private", "general", "full",
        "complete", "previous", "current", "available", "entire", "whole", "main", "clean",
        "violation", "violations",
        # Plain in news copy in nearly every use ("potential buyers", "a ceremony honoring", "the award").
        "potential", "honoring", "honouring", "honored", "honoured", "award", "awards", "awarded",
        "festival", "festivals", "medal", "medals",
        # Probability and focus, plain in reporting (as "possible" is), and "artificial", the plain
        # word for what people made.
        "likely", "unlikely", "especially", "artificial",
    }
)  # fmt: skip
_IRREGULAR = {
    "find": ("found",),
    "swear": ("swore", "sworn"),
    "know": ("knew", "known"),
    "see": ("saw", "seen"),
    "forget": ("forgot", "forgotten"),
    "learn": ("learnt",),
    "write": ("wrote", "written"),
    "tell": ("told",),
    "say": ("said",),
    "think": ("thought",),
    "hear": ("heard",),
    "speak": ("spoke", "spoken"),
    "mean": ("meant",),
    "read": ("read",),
    "teach": ("taught",),
    "sing": ("sang", "sung"),
    "forbid": ("forbade", "forbidden"),
    "foretell": ("foretold",),
}

# First and second person, as whole words (a word here is a run of letters, digits,
# apostrophes and hyphens); "US" and "Us" in capitals are a country more often than a pronoun.
_PERSONAL_WORDS = frozenset(
    {
        "I", "We", "we", "Our", "our", "Ours", "ours", "Ourselves", "ourselves", "us", "You", "you",
        "Your", "your", "Yours", "yours", "My", "my", "me", "Mine", "mine",
    }
)  # fmt: skip
_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
_OPEN_CONTEXT = " \t\n([{“„«—–-/"
_ATTRIBUTION = re.compile(
    r"\b(?:according\s+to|quoted|quoting|(?<![Ss]o[\s\-])called|calls|calling|dubbed|dubs|termed|terms|"
    r"labell?ed|described\s+as|describes|describing|referred\s+to|refers\s+to|in\s+the\s+words\s+of|"
    r"put\s+it|headlined|titled|entitled)\b",
    re.IGNORECASE,
)
_CALL_TO_ACTION = re.compile(
    r"""(?ix)
    \b(?:do|would|are|don't|won't|will|can)\s+you\s+(?:want|like|wish|love|need|ready|help|join|support|agree)\b
    | \bclick\s+(?:here|to|below|the|on|this)\b
    | \bsign\s+up\b
    | \bsubscribe\b
    | \bdon't\s+miss\b
    | \bsign\s+(?:the|our)\s+petition\b
    | \bchip\s+in\b
    | \bjoin\s+(?:us|our|the\s+fight|today|now)\b
    | \b(?:follow|like)\s+us\b
    | \bshare\s+(?:this|on)\b
    | \bdonate\b
    | \bbecome\s+a\s+(?:member|subscriber|patron|supporter|donor|insider)\b
    | \bget\s+(?:unprecedented|exclusive|unlimited|instant|full|free|early)\s+access\b
    | \b(?:call|tell|write\s+to|contact)\s+your\s+(?:senators?|representatives?|congress\w*|lawmakers?|mps?)\b
    | ^\W*(?:support|join|read\s+more|learn\s+more|download|register|watch|listen|shop|order|buy)\b
    """
)


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
    forms |= set(_IRREGULAR.get(head, ()))
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
    """The phrases of one pattern in the order its regex tries them: the longest first."""
    return sorted(set(phrases), key=len, reverse=True)


def _compile_phrases(ordered: Iterable[str]) -> re.Pattern[str]:
    body = "|".join(_term_regex(p) for p in ordered)
    return re.compile(rf"(?<![{_WORD_CHARS}])(?:{body})(?![{_WORD_CHARS}])", re.IGNORECASE)


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
    return re.compile(_term_regex(term), re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Phrases:
    """One word pattern, its phrases indexed by what a run must begin with for each to match."""

    category: str
    weight: float
    source: str
    #: The phrases in the order the regex tries them.
    ordered: tuple[str, ...]
    regex: re.Pattern[str]
    #: Folded head (a run up to its first hyphen) → the phrases that may match where it starts.
    exact: dict[str, tuple[int, ...]]
    #: Folded beginning of a head → the phrases (first word ending in ``*``) that may match.
    prefixes: dict[str, tuple[int, ...]]
    #: The lengths of the keys of ``prefixes``, shortest first.
    lengths: tuple[int, ...]
    #: False when a phrase defeats the index: the regex then scans every sentence.
    indexed: bool


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
        category, weight, source, tuple(ordered), _compile_phrases(ordered),
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
    """The loaded terms, then each word category, in the order their cues are taken."""
    factives: set[str] = set()
    for verb in (lexicons.factive_verbs() - _NEUTRAL_FACTIVES) | {"expose", "realise"}:
        factives |= _forms(verb)
    assertives: set[str] = set()
    for verb in (lexicons.assertive_verbs() - _NEUTRAL_ASSERTIVES) | _OUR_ASSERTIVES:
        forms = _forms(verb)
        if verb in _NOUN_LIKE_ASSERTIVES:  # "the claim", "a hint": the bare form is the noun
            forms.discard(verb)
        assertives |= forms
    hedges = {h for h in lexicons.hedges() if h not in _EVERYDAY_HEDGES}
    return (
        # First, so that the words of a fixed phrase are taken before any list can flag them.
        _phrases(_NEUTRAL_PHRASE, lexicons.neutral_phrases(), 0.0, "evenhand/neutral_phrases.tsv"),
        _phrases("loaded_term", (t.term for t in lexicons.loaded_terms()), 1.0, "evenhand/loaded_terms.tsv"),
        _phrases("stance_adverb", lexicons.stance_adverbs(), 1.0, "evenhand/stance_adverbs.txt"),
        _phrases("intensifier", lexicons.intensifiers(), 0.8, "evenhand/intensifiers.txt"),
        # Puffery inflates as an intensifier does, in praise: the same category and weight.
        _phrases("intensifier", lexicons.puffery(), 0.5, "evenhand/puffery.txt"),
        _phrases("factive_verb", factives, 0.8, "recasens/factives.txt"),
        _phrases("assertive_verb", assertives, 0.8, "recasens/assertives.txt"),
        _phrases("hedge", hedges, 0.5, "recasens/hedges.txt"),
    )


@cache
def _sub_pattern(pattern: int, phrases: tuple[int, ...]) -> re.Pattern[str]:
    """The regex of some phrases of one pattern (indices into its ``ordered``), in its order."""
    ordered = _word_patterns()[pattern].ordered
    return _compile_phrases(ordered[i] for i in phrases)


#: A run start's candidate phrases get a regex of their own (a few hundred µs to compile) once
#: they have been candidates this many times; until then the pattern's whole regex is matched
#: there (a few µs), which finds the same match.  So a new text does not wait for hundreds of
#: compilations, and a long session (the TUI, a batch) still matches with the small regexes.
COMPILE_AFTER = 16
_CANDIDATE_USES: dict[tuple[int, tuple[int, ...]], int] = {}


def _candidate_regex(pattern: int, phrases: tuple[int, ...]) -> re.Pattern[str]:
    """A regex that finds, at a run start, what pattern ``pattern``'s regex finds there."""
    key = (pattern, phrases)
    uses = _CANDIDATE_USES.get(key, 0)
    if uses >= COMPILE_AFTER:
        return _sub_pattern(pattern, phrases)
    _CANDIDATE_USES[key] = uses + 1
    return _word_patterns()[pattern].regex


@lru_cache(maxsize=4096)
def _loaded_entry(matched: str) -> lexicons.LoadedTerm:
    """The loaded-terms entry a match of the loaded-terms regex stands for: the longest whose regex matches it all.

    A term's regex begins with its first word's letters, so only the terms whose first word
    begins the (folded) match are tried, and only their regexes are ever compiled.
    """
    folded = fold_case(matched)
    return next(
        t for first, t in _loaded_entries() if folded.startswith(first) and _loaded_regex(t.term).fullmatch(matched)
    )


# Characters whose place in a case-insensitive match Python's ``re`` decides differently
# from ``str.lower``: "İ" and "ı" match "i", "ſ" matches "s"; sigma is mapped to one form so
# that folding does not depend on the neighbouring letters (``str.lower`` writes a final ς).
_FOLD_TABLE = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "Σ": "σ", "ς": "σ"})
_FOLD_SPECIAL = re.compile("[İıſΣς]")  # translating is slow: only when one of these is there


#: Characters that open or close a quotation, straight or curly, single or double, and guillemets.
QUOTE_MARKS = "\"'‘’‚‛“”„‟«»‹›"


def quote_once(text: str, opening: str = "“", closing: str = "”") -> str:
    """``text`` in quotation marks, unless it is already quoted (a scare quote's own marks).

    >>> quote_once("seemingly"), quote_once("‘safety’", "'", "'")
    ('“seemingly”', '‘safety’')
    """
    if len(text) >= 2 and text[0] in QUOTE_MARKS and text[-1] in QUOTE_MARKS:
        return text
    return f"{opening}{text}{closing}"


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


_QUOTE_MARKS = re.compile("[\n“„«”»\"‘’']")


@dataclass(frozen=True, slots=True)
class _Quotations:
    """A document's quotation spans, indexed for lookups by position."""

    spans: tuple[tuple[int, int], ...]
    starts: tuple[int, ...]
    #: ``max_end[k]``: the largest end among ``spans[:k]`` (-1 for none).
    max_end: tuple[int, ...]
    inside: tuple[list[int], list[int]]


def _coverage(spans: Iterable[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The positions strictly inside any span, as sorted disjoint ranges ``first..last``."""
    firsts: list[int] = []
    lasts: list[int] = []
    for start, end in sorted(spans):
        first, last = start + 1, end - 1
        if first > last:
            continue
        if firsts and first <= lasts[-1] + 1:
            if last > lasts[-1]:
                lasts[-1] = last
        else:
            firsts.append(first)
            lasts.append(last)
    return firsts, lasts


def _covered(position: int, coverage: tuple[list[int], list[int]]) -> bool:
    """Whether ``start < position < end`` for some span of the coverage."""
    firsts, lasts = coverage
    i = bisect_right(firsts, position) - 1
    return i >= 0 and position <= lasts[i]


def _scan_quotations(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []  # (kind, start): kind is '"' or "'"
    doubles = 0  # double marks on the stack
    n = len(text)
    for match in _QUOTE_MARKS.finditer(text):  # every other character leaves the state alone
        i = match.start()
        ch = text[i]
        if ch == "\n":
            while stack:
                kind, start = stack.pop()
                if kind == '"':
                    spans.append((start, i))
            doubles = 0
            continue
        if ch in _OPEN_DOUBLE:
            stack.append(('"', i))
            doubles += 1
        elif ch in _CLOSE_DOUBLE or ch == '"':
            if doubles:
                while stack:
                    kind, start = stack.pop()
                    if kind == '"':
                        doubles -= 1
                        spans.append((start, i + 1))
                        break
            elif ch == '"':
                stack.append(('"', i))
                doubles += 1
        else:
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < n else " "
            if ch in "‘'" and prev in _OPEN_CONTEXT and (nxt.isalpha() or nxt in '“"'):  # not ’90s
                stack.append(("'", i))
            elif ch in "’'" and stack and stack[-1][0] == "'" and not nxt.isalpha():
                _, start = stack.pop()
                spans.append((start, i + 1))
    while stack:
        kind, start = stack.pop()
        if kind == '"':
            spans.append((start, n))
    return tuple(sorted(spans))


@lru_cache(maxsize=2)  # find_cues and detect_boilerplate ask for the same document in turn
def _quotations(text: str) -> _Quotations:
    spans = _scan_quotations(text)
    max_end = [-1]
    for _, end in spans:
        max_end.append(max(max_end[-1], end))
    return _Quotations(spans, tuple(start for start, _ in spans), tuple(max_end), _coverage(spans))


def quotation_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Find the quotations in ``text``.

    Double quotation marks (curly, straight, guillemets) and single curly or straight
    marks that open after a space or an opening mark.  A double quotation left open at the
    end of a line runs to the end of that line (news quotations spanning paragraphs reopen
    each paragraph); an unclosed single mark is taken for an apostrophe.

    Args:
        text: the document text.

    Returns:
        ``(start, end)`` spans including the marks, sorted by start; inner quotations
        (single inside double) are listed as well as the outer ones.
    """
    return _quotations(text).spans


def within_quotation(text: str, start: int, middle: int) -> bool:
    """Whether a quotation of ``text`` opens at or before ``start`` and closes after ``middle``.

    Args:
        text: the document text.
        start: an offset into ``text``.
        middle: an offset at or after ``start``.

    Returns:
        ``True`` when some span of :func:`quotation_spans` has ``span_start <= start`` and
        ``middle < span_end``.
    """
    index = _quotations(text)
    return index.max_end[bisect_right(index.starts, start)] > middle


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _strip_possessive(word: str) -> str:
    lowered = word.lower()
    for suffix in ("’s", "'s", "’", "'"):
        if lowered.endswith(suffix):
            return lowered[: -len(suffix)]
    return lowered


# Verbs that credit someone with words (evenhand's list; Recasens' report verbs also hold
# verbs of perception and thought, "find", "see", "believe", which credit no one).
_SPEECH_VERBS = frozenset(
    {
        "say",
        "tell",
        "write",
        "add",
        "state",
        "claim",
        "allege",
        "argue",
        "assert",
        "insist",
        "announce",
        "declare",
        "explain",
        "describe",
        "call",
        "warn",
        "note",
        "report",
        "reply",
        "respond",
        "answer",
        "comment",
        "tweet",
        "post",
        "testify",
        "complain",
        "accuse",
        "acknowledge",
        "admit",
        "concede",
        "charge",
        "contend",
        "maintain",
        "quote",
        "cite",
        "dub",
        "label",
        "term",
        "urge",
        "vow",
        "promise",
        "deny",
        "repeat",
        "reiterate",
        "remark",
        "stress",
        "emphasize",
        "ask",
        "mention",
        "criticize",
        "praise",
        "slam",
        "blast",
        "confirm",
        "protest",
        "pledge",
        "boast",
        "brag",
        "caution",
        "counter",
        "dismiss",
        "rebut",
        "refute",
        "exclaim",
        "shout",
        "scream",
        "joke",
        "quip",
        "retort",
        "lament",
        "plead",
        "demand",
        "dispute",
        "characterize",
        "characterise",
        "brand",
        "read",
        "chant",
    }
)


# Speech verbs that are also common nouns ("the state", "a report", "the charges"): only
# their -ed and -ing forms credit a speaker.
_NOUN_LIKE = frozenset(
    {
        "state", "post", "term", "label", "quote", "charge", "counter", "note", "report", "comment",
        "call", "demand", "tweet", "protest", "praise", "promise", "answer", "reply", "claim", "dispute",
        "brand", "stress", "remark", "pledge", "joke", "quip", "caution", "blast", "slam", "plead",
    }
)  # fmt: skip


@cache
def _attribution_verbs() -> frozenset[str]:
    forms: set[str] = set()
    for verb in _SPEECH_VERBS:
        inflected = _forms(verb)
        if verb in _NOUN_LIKE:
            inflected = {form for form in inflected if form.endswith(("ed", "ing"))}
        forms |= inflected
    return frozenset(forms)


def _is_attributed(outside: str) -> bool:
    """Whether the writer's part of a sentence credits someone with words (said, wrote, called ...)."""
    if _ATTRIBUTION.search(outside):
        return True
    verbs = _attribution_verbs()
    # Lower case only: "United States" and "Reports" in a title are no one speaking.
    return any(word in verbs for word in _words(outside))


@dataclass(frozen=True, slots=True)
class _Brackets:
    """A document's bracketed insertions, indexed for lookups by position."""

    spans: tuple[tuple[int, int], ...]
    starts: tuple[int, ...]
    inside: tuple[list[int], list[int]]


def _run_info(run: str) -> _RunInfo | Literal[False]:
    """What one run can yield, or ``False`` for nothing (most runs)."""
    head = fold_case(run.partition("-")[0])
    candidates = []
    for k, phrases in enumerate(_word_patterns()):
        if not phrases.indexed:
            continue
        found = phrases.exact.get(head, ())
        for length in phrases.lengths:
            if length > len(head):
                break
            found += phrases.prefixes.get(head[:length], ())
        if found:
            candidates.append((k, tuple(sorted(set(found)))))
    word_cue: tuple[str, int, int, float, str] | None = None
    match = _WORD.search(run)
    if match is not None:
        word = _strip_possessive(match.group())
        if word not in _PLAIN_NEWS_WORDS:
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
    personal = run in _PERSONAL_WORDS
    return _RunInfo(tuple(candidates), word_cue, personal) if candidates or word_cue or personal else False


def _modifier(word: str, adjectives: Mapping[str, float]) -> bool:
    """Whether a VADER word is an adjective or adverb: in Pattern's adjective list, or in ``-ly``.

    VADER rates nouns and verbs too ("catastrophe", "attacked", "war"), which in news and
    encyclopedic copy are most often what happened, not the writer's judgement of it; the
    writer's judgement sits in the modifiers (Recasens et al. 2013).  On the WNC dev pairs this
    took the valenced cues per neutral rewrite from 0.32 to 0.12 at a cost of 3 points of recall,
    with BABE SG2 macro-F1 unchanged (0.708).
    """
    return word in adjectives or word.endswith("ly")


def _runs_of(body: str) -> list[tuple[int, int, _RunInfo]]:
    """The sentence's runs that can yield a cue: ``(start, end, info)``, offsets within ``body``."""
    runs = _RUN.findall(body)
    infos = list(map(_RUN_INFO.get, runs))
    if None in infos:
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
    inside_run = _RUN_CHAR.match
    for k in compress(range(len(runs)), infos):
        run = runs[k]
        # The first occurrence of the run's text with no run character on either side is
        # the run itself: runs are maximal, and an earlier run with the same text would have
        # the same info, so it would have come first.  Most runs yield nothing and are skipped.
        start = find(run, position)
        end = start + len(run)
        while (start and inside_run(body, start - 1)) or inside_run(body, end):
            start = find(run, start + 1)
            end = start + len(run)
        found.append((start, end, infos[k]))  # type: ignore[arg-type]  # compress kept truthy ones
        position = end
    return found


def _phrase_matches(body: str, runs: list[tuple[int, int, _RunInfo]]) -> list[tuple[int, list[re.Match[str]]]]:
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
                    match = _candidate_regex(k, phrases_at).match(body, start)
                    if match is not None:
                        matches.append(match)
                        after = match.end()
        if matches:
            found.append((k, matches))
    return found


def _sentence_cues(
    document: Document,
    sentence: Sentence,
    quotes: _Quotations,
    brackets: _Brackets,
) -> tuple[Cue, ...]:
    text = document.text
    base = sentence.start
    body = sentence.text
    inside = quotes.inside

    def quoted(position: int) -> bool:
        return _covered(position, inside) and not _covered(position, brackets.inside)

    taken: list[tuple[int, int]] = []
    cues: list[Cue] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add_word(category: str, start: int, end: int, weight: float, source: str) -> None:
        if not free(start, end):
            return
        in_quote = quoted(start)
        if in_quote and category in ("factive_verb", "assertive_verb"):
            return
        if in_quote:
            weight, source = weight * QUOTED_FACTOR, f"{source} (quoted)"
        taken.append((start, end))
        cues.append(Cue(category, start, end, text[start:end], round(weight, 3), source))

    runs = _runs_of(body)
    patterns = _word_patterns()
    for k, matches in _phrase_matches(body, runs):
        phrases = patterns[k]
        if phrases.category == _NEUTRAL_PHRASE:
            taken.extend((base + m.start(), base + m.end()) for m in matches)
            continue
        for match in matches:
            if phrases.category == "loaded_term":
                entry = _loaded_entry(match.group())
                weight, source = entry.weight, f"evenhand/loaded_terms.tsv:{entry.side}"
            else:
                weight, source = phrases.weight, phrases.source
            add_word(phrases.category, base + match.start(), base + match.end(), weight, source)

    for start, _, info in runs:
        if info.word is not None:
            category, first, last, weight, source = info.word
            add_word(category, base + start + first, base + start + last, weight, source)

    for start, end, info in runs:
        if info.personal and not quoted(base + start):
            add_word("personal_voice", base + start, base + end, 1.0, "rule")

    cues.extend(_structural_cues(document, sentence, quotes, brackets))
    return tuple(sorted(cues, key=lambda cue: (cue.start, cue.end, cue.category)))


def _outside(sentence: Sentence, inside: tuple[list[int], list[int]]) -> str:
    """The sentence with every character inside a quotation blanked out."""
    firsts, lasts = inside
    body = sentence.text
    base = sentence.start
    end = base + len(body)
    i = bisect_right(firsts, base) - 1
    if i < 0 or lasts[i] < base:
        i += 1
    pieces: list[str] = []
    cursor = base
    while i < len(firsts) and firsts[i] < end:
        first, last = max(firsts[i], base), min(lasts[i], end - 1)
        pieces.append(body[cursor - base : first - base])
        pieces.append(" " * (last - first + 1))
        cursor = last + 1
        i += 1
    if not pieces:
        return body
    pieces.append(body[cursor - base :])
    return "".join(pieces)


# What introduces a name, a title or a term in quotation marks: "known as", "nicknamed", "the
# song", "the term".  "so-called" is the scare quote's own herald, so it is no such thing.
_NAMING = re.compile(
    r"(?:\b(?:(?:also\s+|better\s+|widely\s+)?known\s+as|(?<![Ss]o[\s\-])called|nicknamed|named|renamed|dubbed|"
    r"titled|entitled|branded\s+as|the\s+(?:song|single|track|album|record|film|movie|documentary|book|novel|"
    r"memoir|poem|play|musical|opera|show|series|episode|painting|sculpture|game|slogan|motto|term|word|"
    r"phrase|expression|hashtag|name|nickname|title|label|brand|campaign|programme|program|operation|"
    r"project|initiative|act|bill|report))\s*[,:]?\s*$)",
    re.IGNORECASE,
)
_SO_CALLED = re.compile(r"\bso[\s\-]called\s*$", re.IGNORECASE)
_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "n", "from"})


def _names_something(text: str, start: int, inner: str, words: list[str]) -> bool:
    """Whether the quoted ``inner`` at ``start`` names a work, a nickname or a term, so is no scare quote.

    Three rules: a fragment of under three letters ('n' in rock 'n' roll, grade "A"); a title
    in capitals ("Supernova", "The Long Road Home": every word capitalised bar the small
    ones); or a name introduced as one ("known as", "nicknamed", "the song", "the term").
    After "so-called" a quotation is always a scare quote, capitals or not.
    """
    if sum(ch.isalpha() for ch in inner) < 3:
        return True
    if _SO_CALLED.search(text, max(0, start - 12), start):
        return False
    if words[0][:1].isupper() and all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words):
        return True
    return _NAMING.search(text, max(0, start - 40), start) is not None


@lru_cache(maxsize=2)
def _has_capitals(text: str) -> bool:
    return any(ch.isupper() for ch in text)


def _structural_cues(
    document: Document,
    sentence: Sentence,
    quotes: _Quotations,
    brackets: _Brackets,
) -> list[Cue]:
    text = document.text
    cues: list[Cue] = []
    outside = _outside(sentence, quotes.inside)

    attributed: bool | None = None
    first, last = bisect_left(quotes.starts, sentence.start), bisect_left(quotes.starts, sentence.end)
    # In text with no capital letter at all (a lower-cased corpus, a caption), a title cannot be
    # told from a scare quote (see _names_something), so none is flagged: no evidence, no cue.
    spans = quotes.spans[first:last] if _has_capitals(text) else ()
    for start, end in spans:
        if end > sentence.end:
            continue
        inner = text[start + 1 : end - 1] if end - start >= 2 else ""
        words = _words(inner)
        if not words or len(words) > SCARE_QUOTE_MAX_WORDS:
            continue
        if _names_something(text, start, inner, words):
            continue
        if quotes.max_end[bisect_left(quotes.starts, start)] >= end:
            # Inside another quotation: a scare quote of the speaker's.
            cues.append(Cue("scare_quote", start, end, text[start:end], QUOTED_FACTOR, "rule (quoted)"))
            continue
        if attributed is None:
            attributed = _is_attributed(outside)
        if not attributed:
            cues.append(Cue("scare_quote", start, end, text[start:end], 1.0, "rule"))

    spans, starts = brackets.spans, brackets.starts
    for start, end in spans[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]:
        cues.append(Cue("bracketed_insertion", start, end, text[start:end], 1.0, "rule"))

    stripped = outside.rstrip(" \t\n”’\"')]")
    cta = call_to_action(outside)
    if cta is not None:
        s, e = sentence.start + cta[0], sentence.start + cta[1]
        cues.append(Cue("call_to_action", s, e, text[s:e], 1.0, "rule"))
    elif stripped.endswith("?"):
        at = sentence.start + len(stripped) - 1
        cues.append(Cue("rhetorical_question", at, at + 1, "?", 1.0, "rule"))
    if "!" in outside:
        at = sentence.start + outside.index("!")
        cues.append(Cue("exclamation", at, at + 1, "!", 1.0, "rule"))
    return cues


# Words without one of which no branch of _CALL_TO_ACTION can match (each branch needs the
# word whole, or as the text's first word), checked on the folded text before the regex.
_CTA_WORDS = frozenset(
    {"you", "your", "click", "sign", "subscribe", "miss", "chip", "join", "share", "donate", "become", "access"}
)  # fmt: skip
_CTA_OPENERS = frozenset(
    {"support", "join", "read", "learn", "download", "register", "watch", "listen", "shop", "order", "buy"}
)
_CTA_HINTS = ("you", "click", "sign", "subscribe", "miss", "chip", "join", "share", "donate", "become", "access",
              "follow", "like")  # fmt: skip
_TOKEN = re.compile(r"\w+")


def _may_call_to_action(text: str) -> bool:
    folded = fold_case(text)
    first = _TOKEN.search(folded)
    if first is None:
        return False
    if first.group() in _CTA_OPENERS:
        return True
    for hint in _CTA_HINTS:  # a substring test each: quicker than one regex of them all
        if hint in folded:
            break
    else:
        return False
    tokens = set(_TOKEN.findall(folded))
    return not tokens.isdisjoint(_CTA_WORDS) or ("us" in tokens and not tokens.isdisjoint(("follow", "like")))


def call_to_action(text: str) -> tuple[int, int] | None:
    """Find a call to action addressed to the reader.

    A call-to-action phrase ("Click to", "Sign up", "Do you want to", "Subscribe") counts
    when the text addresses the reader ("you", "your") or opens with it, as an imperative.

    Args:
        text: one sentence (quoted parts already blanked out, when that matters).

    Returns:
        The ``(start, end)`` of the phrase within ``text``, or ``None``.
    """
    if not _may_call_to_action(text):
        return None
    match = _CALL_TO_ACTION.search(text)
    if match is None:
        return None
    addressed = re.search(r"\b(?:you|your)\b", text, re.IGNORECASE) is not None
    opening = not text[: match.start()].strip(" \t\n\"“‘'([-–—•*")
    return (match.start(), match.end()) if addressed or opening else None


_BRACKETS = re.compile(r"\[[^\[\]\n]{1,80}\]")


def bracket_insertions(
    text: str, quotes: Sequence[tuple[int, int]] | None = None
) -> tuple[tuple[int, int], ...]:
    """Find the writer's square-bracketed insertions inside quotations.

    Args:
        text: the document text.
        quotes: the quotation spans, when already computed by :func:`quotation_spans`.

    Returns:
        ``(start, end)`` spans including the brackets.
    """
    inside = _quotations(text).inside if quotes is None else _coverage(quotes)
    return tuple((m.start(), m.end()) for m in _BRACKETS.finditer(text) if _covered(m.start(), inside))


def find_cues(document: Document) -> tuple[tuple[Cue, ...], ...]:
    """Find the cues of loaded language in every sentence of ``document``.

    Args:
        document: the segmented text.

    Returns:
        One tuple of cues per sentence, in document order; each cue's ``start:end``
        indexes ``document.text`` and ``cue.text`` is the text as written.
    """
    quotes = _quotations(document.text)
    spans = bracket_insertions(document.text)
    brackets = _Brackets(spans, tuple(start for start, _ in spans), _coverage(spans))
    return tuple(_sentence_cues(document, sentence, quotes, brackets) for sentence in document.sentences)
