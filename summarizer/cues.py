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
    words that inflate a statement ("drastic", "unprecedented", "skyrocketing").
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
``bracketed_insertion``
    the writer's words in square brackets inside a quotation: "immigrants [illegal aliens]".
``rhetorical_question``
    a question in the writer's voice (not a quoted question, not addressed to "you").
``exclamation``
    an exclamation mark in the writer's voice.
``call_to_action``
    the reader addressed and told to act: "Do you want to …", "Click to …", "Sign up …".
``valenced_word``
    a strongly positive or negative word (VADER mean valence of magnitude 2 or more);
    weight = magnitude / 4.
``subjective_word``
    an evaluative adjective (Pattern subjectivity of 0.7 or more); weight = subjectivity.
    Both general lexicons skip a short list of words that are plain in news copy
    ("interest", "crude", "killed", "former"), which they would otherwise flag.
``personal_voice``
    the writer speaking as "I" or "we", or to the reader as "you", outside quotations:
    the voice of opinion, not of reporting.

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
from collections.abc import Iterable, Sequence
from functools import cache

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

# Hooper's assertive and factive verbs, less the neutral ones a reporter uses every day
# (say, write, report, explain, find, learn ...): what is left frames a statement as a
# dubious claim ("claimed", "insisted") or an established fact ("revealed").  "concede" and
# "expose" are our additions.
_NEUTRAL_ASSERTIVES = frozenset(
    {
        "think", "suppose", "expect", "imagine", "guess", "seem", "appear", "figure", "answer", "argue",
        "certify", "charge", "explain", "grant", "indicate", "intimate", "mention", "predict", "remark",
        "reply", "report", "say", "state", "suggest", "testify", "verify", "write", "agree", "afraid",
        "certain", "sure", "clear", "obvious", "evident", "calculate", "decide", "deduce", "estimate",
        "hope", "suspect", "point out", "postulate", "hypothesize",
    }
)  # fmt: skip
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

# First and second person; "US" and "Us" in capitals are a country more often than a pronoun.
_PERSONAL = re.compile(
    r"(?<![\w’'\-])(?:I|[Ww]e|[Oo]ur|[Oo]urs|[Oo]urselves|us|[Yy]ou|[Yy]our|[Yy]ours|[Mm]y|me|[Mm]ine)(?![\w’'\-])"
)
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


def _term_regex(phrase: str) -> str:
    """The regex body of one phrase: a space also matches a hyphen; ``word*`` any ending."""
    parts = []
    for word in re.split(r"[\s\-]+", phrase):
        star = word.endswith("*")
        parts.append(re.escape(word.rstrip("*")) + (r"[\w\-]*" if star else ""))
    return r"[\s\-]+".join(parts)


def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One regex matching any phrase at word boundaries, the longest phrase first."""
    body = "|".join(_term_regex(p) for p in sorted(set(phrases), key=len, reverse=True))
    return re.compile(rf"(?<![{_WORD_CHARS}])(?:{body})(?![{_WORD_CHARS}])", re.IGNORECASE)


@cache
def _loaded_terms() -> tuple[re.Pattern[str], tuple[tuple[re.Pattern[str], lexicons.LoadedTerm], ...]]:
    """A regex finding any loaded term, and one regex per term to tell which entry matched."""
    terms = lexicons.loaded_terms()
    entries = tuple(
        (re.compile(_term_regex(t.term), re.IGNORECASE), t)
        for t in sorted(terms, key=lambda t: len(t.term), reverse=True)
    )
    return _phrase_pattern(t.term for t in terms), entries


@cache
def _word_patterns() -> tuple[tuple[str, re.Pattern[str], float, str], ...]:
    factives: set[str] = set()
    for verb in (lexicons.factive_verbs() - _NEUTRAL_FACTIVES) | {"expose", "realise"}:
        factives |= _forms(verb)
    assertives: set[str] = set()
    for verb in (lexicons.assertive_verbs() - _NEUTRAL_ASSERTIVES) | {"concede"}:
        assertives |= _forms(verb)
    hedges = {h for h in lexicons.hedges() if h not in _EVERYDAY_HEDGES}
    return (
        ("stance_adverb", _phrase_pattern(lexicons.stance_adverbs()), 1.0, "evenhand/stance_adverbs.txt"),
        ("intensifier", _phrase_pattern(lexicons.intensifiers()), 0.8, "evenhand/intensifiers.txt"),
        ("factive_verb", _phrase_pattern(factives), 0.8, "recasens/factives.txt"),
        ("assertive_verb", _phrase_pattern(assertives), 0.8, "recasens/assertives.txt"),
        ("hedge", _phrase_pattern(hedges), 0.5, "recasens/hedges.txt"),
    )


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
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []  # (kind, start): kind is '"' or "'"
    n = len(text)
    for i, ch in enumerate(text):
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if ch == "\n":
            while stack:
                kind, start = stack.pop()
                if kind == '"':
                    spans.append((start, i))
            continue
        if ch in _OPEN_DOUBLE:
            stack.append(('"', i))
        elif ch in _CLOSE_DOUBLE or ch == '"':
            if any(kind == '"' for kind, _ in stack):
                while stack:
                    kind, start = stack.pop()
                    if kind == '"':
                        spans.append((start, i + 1))
                        break
            elif ch == '"':
                stack.append(('"', i))
        elif ch in "‘'" and prev in _OPEN_CONTEXT and (nxt.isalpha() or nxt in '“"'):  # not ’90s
            stack.append(("'", i))
        elif ch in "’'" and stack and stack[-1][0] == "'" and not nxt.isalpha():
            _, start = stack.pop()
            spans.append((start, i + 1))
    while stack:
        kind, start = stack.pop()
        if kind == '"':
            spans.append((start, n))
    return tuple(sorted(spans))


def _inside(position: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < position < end for start, end in spans)


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


def _sentence_cues(
    document: Document,
    sentence: Sentence,
    quotes: Sequence[tuple[int, int]],
    brackets: Sequence[tuple[int, int]],
) -> tuple[Cue, ...]:
    text = document.text
    base = sentence.start
    body = sentence.text
    local_quotes = [(s, e) for s, e in quotes if s < sentence.end and e > sentence.start]

    def quoted(position: int) -> bool:
        return _inside(position, local_quotes) and not _inside(position, brackets)

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

    pattern, entries = _loaded_terms()
    for match in pattern.finditer(body):
        entry = next(t for regex, t in entries if regex.fullmatch(match.group()))
        source = f"evenhand/loaded_terms.tsv:{entry.side}"
        add_word("loaded_term", base + match.start(), base + match.end(), entry.weight, source)
    for category, regex, weight, source in _word_patterns():
        for match in regex.finditer(body):
            add_word(category, base + match.start(), base + match.end(), weight, source)

    valence, subjectivity = lexicons.valence(), lexicons.subjectivity()
    for match in _WORD.finditer(body):
        word = _strip_possessive(match.group())
        if word in _PLAIN_NEWS_WORDS:
            continue
        start, end = base + match.start(), base + match.end()
        if abs(valence.get(word, 0.0)) >= VALENCE_MIN:
            add_word("valenced_word", start, end, abs(valence[word]) / 4.0, "vader/valence.tsv")
        elif subjectivity.get(word, 0.0) >= SUBJECTIVITY_MIN:
            add_word("subjective_word", start, end, subjectivity[word], "pattern/subjectivity.tsv")

    for match in _PERSONAL.finditer(body):
        start = base + match.start()
        if not quoted(start):
            add_word("personal_voice", start, base + match.end(), 1.0, "rule")

    cues.extend(_structural_cues(document, sentence, local_quotes, brackets))
    return tuple(sorted(cues, key=lambda cue: (cue.start, cue.end, cue.category)))


def _structural_cues(
    document: Document,
    sentence: Sentence,
    quotes: Sequence[tuple[int, int]],
    brackets: Sequence[tuple[int, int]],
) -> list[Cue]:
    text = document.text
    cues: list[Cue] = []
    outside_chars = [
        ch if not _inside(sentence.start + i, quotes) else " " for i, ch in enumerate(sentence.text)
    ]
    outside = "".join(outside_chars)

    for start, end in quotes:
        if start < sentence.start or end > sentence.end:
            continue
        inner = text[start + 1 : end - 1] if end - start >= 2 else ""
        words = _words(inner)
        if not words or len(words) > SCARE_QUOTE_MAX_WORDS:
            continue
        enclosing = [(s, e) for s, e in quotes if s < start and e >= end]
        if enclosing:
            # A scare quote inside a quotation is the speaker's device.
            cues.append(Cue("scare_quote", start, end, text[start:end], QUOTED_FACTOR, "rule (quoted)"))
        elif not _is_attributed(outside):
            cues.append(Cue("scare_quote", start, end, text[start:end], 1.0, "rule"))

    for start, end in brackets:
        if sentence.start <= start < sentence.end:
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


def call_to_action(text: str) -> tuple[int, int] | None:
    """Find a call to action addressed to the reader.

    A call-to-action phrase ("Click to", "Sign up", "Do you want to", "Subscribe") counts
    when the text addresses the reader ("you", "your") or opens with it, as an imperative.

    Args:
        text: one sentence (quoted parts already blanked out, when that matters).

    Returns:
        The ``(start, end)`` of the phrase within ``text``, or ``None``.
    """
    match = _CALL_TO_ACTION.search(text)
    if match is None:
        return None
    addressed = re.search(r"\b(?:you|your)\b", text, re.IGNORECASE) is not None
    opening = not text[: match.start()].strip(" \t\n\"“‘'([-–—•*")
    return (match.start(), match.end()) if addressed or opening else None


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
    spans = quotation_spans(text) if quotes is None else quotes
    return tuple(
        (m.start(), m.end()) for m in re.finditer(r"\[[^\[\]\n]{1,80}\]", text) if _inside(m.start(), spans)
    )


def find_cues(document: Document) -> tuple[tuple[Cue, ...], ...]:
    """Find the cues of loaded language in every sentence of ``document``.

    Args:
        document: the segmented text.

    Returns:
        One tuple of cues per sentence, in document order; each cue's ``start:end``
        indexes ``document.text`` and ``cue.text`` is the text as written.
    """
    quotes = quotation_spans(document.text)
    brackets = bracket_insertions(document.text, quotes)
    return tuple(_sentence_cues(document, sentence, quotes, brackets) for sentence in document.sentences)
