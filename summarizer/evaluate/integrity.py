"""Does a summary read right?  Checks of every summary of a corpus, for every system.

For each article of a JSON Lines set (any record with ``text``; ``id`` names it, and
``reference_sentences`` adds a run at the reference's length) and each system, the summary
at the default length is checked for:

* ``unbalanced_quotation``: a quotation mark the summary opens and never closes (a
  quotation continued over paragraphs by the newspaper convention — a paragraph left open,
  the next one reopening — counts as closed when it is closed at its end);
* ``stray_closing``: a closing mark with nothing open (a quotation shown without its start);
* ``unattributed_quotation``: a quotation of five words or more (not a title in capitals) whose speaker the summary
  does not give: no verb of saying in its sentence or in the kept sentence just before it
  (a colon lead-in counts), or one credited to a pronoun whose sentence before was dropped;
* ``unresolved_reference``: a kept sentence, in the writer's voice, opening with a pronoun,
  a demonstrative or a connective, or about something told before it ("Despite the
  decrease, …", "The move was …"), or pointing anywhere at a time told before it ("… before
  then.", "Burka then crowned …"), or speaking anywhere of "this" or "these" something that
  only the sentence before introduced ("… have this mistake corrected"), while the sentence
  before it in the article was dropped;
* ``opens_unresolved``: the summary's first sentence is such a one;
* ``lead_missing``: the article's first sentence of news (not boilerplate, not a title line,
  not a feature's opening question or "I"/"you" sentence) does not open the summary;
* ``contradicted_reason``: a dropped sentence whose reason says it was less central than
  the kept ones while a kept sentence ranks below it.

Each check counts summaries (at most once per summary); ``lead_missing`` is a share of
the articles that have a lead.

These checks are written apart from the selector (:mod:`summarizer.select`,
:mod:`summarizer.context`, :mod:`summarizer.quotes`), with their own word lists and their
own reading of the text, so that they are a second pair of eyes rather than the same rules
run twice.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from summarizer import regex_cache
from summarizer.errors import EmptyInputError, InputError
from summarizer.evaluate._io import read_records

__all__ = ["CHECKS", "IntegrityEvaluation", "check_summary", "evaluate_integrity"]

#: The checks, in the order they are reported.
CHECKS = (
    "unbalanced_quotation",
    "stray_closing",
    "unattributed_quotation",
    "unresolved_reference",
    "opens_unresolved",
    "lead_missing",
    "contradicted_reason",
)
#: A quoted passage this long is a quotation whose speaker must be given; shorter ones are
#: mostly phrases and names ("golden rule", "the high rates").
MIN_QUOTATION_WORDS = 5
#: Examples kept per system and check.
EXAMPLES = 3

_OPEN = "“„«"
_CLOSE = "”»"
_JOINING_WITH_COMMA = frozenset("so then still yet instead".split())
_POINTING = frozenset("he she they it his her hers their theirs its him them this these those another".split())
_TIME_WORDS = frozenset("year week month season morning afternoon evening night weekend time day quarter".split())
_JOINING = frozenset("but however yet also meanwhile then and so instead still nevertheless moreover furthermore".split())
_SAYING = regex_cache.compile(
    r"\b(?:said|says|say|saying|told|tells|tell|telling|wrote|writes|write|added|adds|stated|states|announced|"
    r"announces|explained|explains|insisted|insists|argued|argues|warned|warns|claimed|claims|noted|notes|"
    r"replied|asked|asks|continued|declared|confirmed|admitted|recalled|urged|suggested|acknowledged|"
    r"commented|tweeted|posted|according(?: to)?|quoted|defines|defined|deemed|named|titled|entitled|known as|"
    r"suggests|describ\w+|calls?|called|put it|reported|reports|"
    r"believes?|thinks?|agreed|agrees|predicted|promised|vowed|pledged|estimated|concluded|stressed|"
    r"stresses|emphasi[sz]ed|maintained|maintains|accused|described|dubbed|branded|labelled|labeled|"
    r"hailed|praised|criticised|criticized|complained|cautioned|conceded|revealed|announced|forecast|"
    r"predicts|expects|expected|hopes|hoped|wants|wanted|pointed out|points out|sees|see|saw|calling|"
    r"warning|urging|arguing|insisting|describing|adding|noting|praises|specified|specifies)\b",
    re.IGNORECASE,
)
_PRONOUN_SPEAKER = regex_cache.compile(
    r"\b(?:(?:he|she|they|it|we)\s+(?:\w+ly\s+)?(?:said|says|added|told|wrote|writes|explained|insisted|argued|"
    r"warned|claimed|stated|continued|replied|noted|asked)|(?:said|says|added|told|wrote|continued)\s+(?:he|she|they))\b",
    re.IGNORECASE,
)


# Single marks, read apart from the double ones: one opens a quotation after a space, a bracket,
# a dash, a colon or a double mark and before a letter ('em, 'n' and 'til shorten words); one closes
# after a word or a stop and before no letter, unless it is a plural's ("the players' union").
_SINGLE_OPENING = regex_cache.compile(
    r"(?:^|(?<=[\s(\[{—–:“\"-]))['‘](?=[^\W\d_])(?!(?:em|n|til|till|cause|cos|tis|twas|bout|s)\b)", re.IGNORECASE
)
_SINGLE_CLOSING = regex_cache.compile(r"(?<=\S)['’](?![^\W\d_])")
# "the players' union": a plural's possessive, unless it ends a short phrase in lower case ('no fuss').
_POSSESSIVE = regex_cache.compile(r"(?<=[sS])['’](?= [a-z])")
#: A quoted phrase this short may end in a plural's s ("an attractive, 'no fuss' computer").
SHORT_PHRASE_WORDS = 3


def _single_quote_events(paragraphs: list[str]) -> tuple[int, int]:
    """(opened and never closed, closed after a stop without being opened) for single marks."""
    unclosed = stray = 0
    for number, paragraph in enumerate(paragraphs):
        marks = sorted(
            [(m.start(), True) for m in _SINGLE_OPENING.finditer(paragraph)]
            + [(m.start(), False) for m in _SINGLE_CLOSING.finditer(paragraph)]
        )
        open_at: int | None = None
        for at, opening in marks:
            if opening:
                open_at = at  # met while open: the quotation reopened (a paragraph break lost)
            elif open_at is not None:
                phrase = paragraph[open_at + 1 : at]
                if _POSSESSIVE.match(paragraph, at) and not (phrase[:1].islower() and len(phrase.split()) <= SHORT_PHRASE_WORDS):
                    continue
                open_at = None
            elif paragraph[at - 1 : at] in ".,!?…":
                stray += 1
        following = paragraphs[number + 1].lstrip() if number + 1 < len(paragraphs) else ""
        if open_at is not None and not _SINGLE_OPENING.match(following):
            unclosed += 1
    return unclosed, stray


def _quote_events(text: str) -> tuple[int, int]:
    """(opened and never closed, closed without being opened) over a summary's paragraphs,
    double marks and single ones."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    unclosed, stray = _single_quote_events([p.strip() for p in paragraphs])
    carried = False
    for number, paragraph in enumerate(paragraphs):
        body = paragraph.strip()
        depth = 0
        straight = False
        start = 0
        if carried:
            # The convention: an open quotation reopens the next paragraph with a mark.
            if body[:1] in _OPEN or body[:1] == '"':
                depth, start = 1, 1
                straight = body[:1] == '"'  # a straight quotation reopened: its next mark closes it
            else:
                unclosed += 1
            carried = False
        for char in body[start:]:
            if char in _OPEN:
                depth += 1
            elif char in _CLOSE:
                if depth:
                    depth -= 1
                else:
                    stray += 1
            elif char == '"':
                if straight:
                    straight = False
                    depth = max(0, depth - 1)
                else:
                    straight = True
                    depth += 1
        if depth:
            following = paragraphs[number + 1].strip() if number + 1 < len(paragraphs) else ""
            if following[:1] in _OPEN or following[:1] == '"':
                carried = True
            else:
                unclosed += 1
    return unclosed, stray


def _first_word(text: str) -> str:
    match = re.match(r"[\s(]*([A-Za-z][\w'’-]*)", text)
    return match.group(1).lower() if match else ""


def _points_back(text: str) -> bool:
    """Opens, in the writer's voice, with a word that needs the sentence before."""
    body = text.lstrip()
    if not body or body[0] in _OPEN or body[0] in "\"'‘[":
        return False
    word = _first_word(body)
    if word in _JOINING:
        # "So far", "Instead of", "Still the firm": these join only with a comma after them.
        return word not in _JOINING_WITH_COMMA or bool(re.match(r"\s*[A-Za-z]+\s*,", body))
    if word in _POINTING:
        nxt = body.split(None, 2)[1:2]
        return not (word in ("this", "that", "these", "those") and nxt and nxt[0].lower().rstrip("s,.") in _TIME_WORDS)
    return False


# "Regardless of the decrease, …", "Despite that, …", "After this ruling, …": an opening about
# something told just before.  "The move was …", "The decision came …": a subject that is one.
_ABOUT_BEFORE = re.compile(
    r"(?:regardless of|despite|in spite of|because of|due to|after|following|amid|as a result of|in the wake of|"
    r"in response to)\s+(?P<det>the|this|that|these|those)\b(?P<rest>(?:\s+[a-z][\w'’-]*){0,3})\s*,",
    re.IGNORECASE,
)
_TOLD_OF = frozenset("move decision announcement ruling deal news incident change changes setback comments remarks".split())
_SUBJECT_TOLD_OF = re.compile(
    r"(?:the|that|this)\s+(?P<noun>" + "|".join(sorted(_TOLD_OF)) + r")\s+(?!(?:to|of|by|on|that|for|in|was\s+taken\s+to)\b)[a-z]",
    re.IGNORECASE,
)


# "The rollback comes as …", "This latest cut follows …": a subject set in the context of
# something else is a thing the sentence before told of, whatever its noun.
_SET_IN_CONTEXT = re.compile(
    r"(?:the|this|that|these|those)((?:\s+[a-z][a-z'’-]*){1,3})\s+(?:come|comes|came|follow|follows|followed)"
    r"\s+(?:as|after|amid|days|weeks|months|hours|just|only|shortly|barely|less|a\s+(?:day|week|month|year))\b",
    re.IGNORECASE,
)


def _leans_on_before(text: str, before: str | None) -> bool:
    """Whether a sentence in the writer's voice opens about something the sentence ``before``
    it told of: a phrase with a demonstrative, or with "the" and a noun that ``before`` uses
    (by its first five letters) or that names a thing told (:data:`_TOLD_OF`), or a subject set in
    the context of something else ("The rollback comes as …": :data:`_SET_IN_CONTEXT`)."""
    body = text.lstrip()
    if not body or body[0] in _OPEN or body[0] in "\"'‘[":
        return False
    if _SUBJECT_TOLD_OF.match(body):
        return True
    context = _SET_IN_CONTEXT.match(body)
    if context is not None and context.group(1) == context.group(1).lower():
        return True  # (the subject's words in lower case: "The Bank of England comes" is a name)
    found = _ABOUT_BEFORE.match(body)
    if found is None:
        return False
    words = found.group("rest").split()
    if found.group("det").lower() != "the":
        return not (words and words[0].lower().rstrip("s") in _TIME_WORDS)
    if not words:
        return False
    noun = words[-1].lower()
    if noun in _TOLD_OF:
        return True
    heard = {w[:5] for w in re.findall(r"[a-z]{4,}", (before or "").lower())}
    return len(noun) >= 4 and noun[:5] in heard


def _lost_thing(text: str, told: Sequence[str], shown: Sequence[str]) -> bool:
    """Whether an opening about "the" something ("Regardless of the decrease, …") names what
    the article's sentences just before (``told``) speak of while none of the summary's
    sentences just before it (``shown``, as the summary gives them) does."""
    found = _ABOUT_BEFORE.match(text.lstrip())
    if found is None or found.group("det").lower() != "the" or not found.group("rest").split():
        return False
    noun = found.group("rest").split()[-1].lower()[:5]
    if len(noun) < 4:
        return False

    def speaks_of(t: str) -> bool:
        return any(w[:5] == noun for w in re.findall(r"[a-z]{4,}", t.lower()))

    return any(speaks_of(t) for t in told) and not any(speaks_of(t) for t in shown)


# "… have this mistake corrected", "… junk messages from these machines": a demonstrative and a
# noun anywhere in the sentence, about a thing the sentence before introduced.  The noun is read
# by its first five letters, after at most one word ending in -ed or -ing ("this proposed takeover").
_DEMONSTRATIVE_NOUN = regex_cache.compile(
    r"\b(?:this|these|those|such)\s+(?:(?P<modifier>[a-z]+(?:ed|ing))\s+)?(?P<noun>[a-z][a-z'’-]{3,})\b"
)
# Words after a demonstrative that are not a thing told of: times, amounts, "such as".
_NOT_A_THING = frozenset(
    """year years week weeks month months season seasons morning afternoon evening night weekend time
    times quarter moment point stage days decade century summer winter spring autumn kind kinds sort
    sorts type types sense case cases issue issues respect regard extent level much many were will would
    have with from""".split()
)


def _new_thing_lost(text: str, told: str | None, earlier: Sequence[str]) -> bool:
    """Whether ``text``, in the writer's voice, speaks of "this" or "these" something that the
    sentence before it (``told``) introduced: ``told`` names it (by its first five letters) and
    no sentence of the article before ``told`` (``earlier``) does."""
    if told is None:
        return False
    writer = _writer_part(text)
    for found in _DEMONSTRATIVE_NOUN.finditer(writer):
        noun = found.group("noun").lower()
        if noun in _NOT_A_THING:
            continue
        stem = noun[:5]

        def speaks_of(t: str, stem: str = stem) -> bool:
            return any(w[:5] == stem for w in re.findall(r"[a-z]{4,}", t.lower()))

        if speaks_of(told) and not any(speaks_of(t) for t in earlier):
            return True
    return False


# "before then", "until then", "Gelete Burka then crowned": "then" is a time the sentence
# before gave.  Read outside quotation marks only (a speaker's "then" is the speaker's).
_THEN_TIME = regex_cache.compile(r"\b(?:before|by|until|till|since|from|after|back|even)\s+then\b", re.IGNORECASE)
_THEN_NEXT = regex_cache.compile(r"(?:[A-Z][\w'’.-]*\s+){1,3}then\s+[a-z]")


def _dangling_then(text: str) -> bool:
    """Whether the writer's part of a sentence has a "then" pointing at an earlier time."""
    writer = _writer_part(text).strip()
    return _THEN_TIME.search(writer) is not None or _THEN_NEXT.match(writer) is not None


def _scan(text: str, depth: int = 0) -> tuple[str, int]:
    """The writer's part of a sentence (what lies outside double quotation marks, a space for
    each quoted stretch) and how many quotations are open at its end, given ``depth`` open at
    its start.  A straight mark closes when one is open and opens otherwise; a doubled mark
    (``""``, a slip of the copy) is one mark."""
    writer: list[str] = []
    for char in text.replace('""', '"'):
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth = max(0, depth - 1)
        elif char == '"':
            depth = depth - 1 if depth else 1
        elif not depth:
            writer.append(char)
            continue
        if not writer or writer[-1] != " ":
            writer.append(" ")
    return "".join(writer), depth


def _credited_at_close(kept: Sequence[Any], position: int, before: dict[int, int]) -> bool:
    """Whether a quotation left open by kept sentence ``position`` closes, in the kept sentences
    that follow it in the article, with a verb of saying outside its marks."""
    depth = _scan(kept[position].output)[1]
    for following in range(position + 1, len(kept)):
        if depth <= 0 or before.get(kept[following].index) != kept[following - 1].index:
            return False
        writer, depth = _scan(kept[following].output, depth)
        if depth <= 0:
            return bool(_SAYING.search(writer))
    return False


def _names_who_says(writer: str) -> bool:
    """Whether the writer's words credit someone other than a pronoun with words ("The ACLU claims")."""
    return _SAYING.search(writer) is not None and _PRONOUN_SPEAKER.search(writer) is None


def _writer_part(text: str) -> str:
    return _scan(text)[0]


_MINOR_WORDS = frozenset("a an the of for and or in on at to by with from de la le von van".split())


def _a_title(passage: str) -> bool:
    """Whether a quoted passage is a name or title, every word but the small ones capitalised."""
    words = [w.strip("‘’'()[],.;:!?") for w in passage.split()]
    return all(w[:1].isupper() or not w[:1].isalpha() for w in words if w and w.lower() not in _MINOR_WORDS)


def _quotations_in(text: str) -> list[str]:
    """The double-quoted passages that start in a sentence (to its end when not closed in it);
    a straight mark opens and the next one closes."""
    return [m.group(1) or m.group(2) or "" for m in re.finditer(r'“([^”]*)”?|"([^"]*)"?', text.replace('""', '"'))]


@dataclass(slots=True)
class _Findings:
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CHECKS, 0))
    examples: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {c: [] for c in CHECKS})
    summaries: int = 0
    sentences: int = 0
    articles_with_lead: int = 0
    _flagged: set[str] = field(default_factory=set)

    def add(self, check: str, article: str, sentence: int | None = None) -> None:
        """Count ``check`` once for this summary (later calls for the same summary are ignored)."""
        if check in self._flagged:
            return
        self._flagged.add(check)
        self.counts[check] += 1
        if len(self.examples[check]) < EXAMPLES:
            self.examples[check].append({"article": article, "sentence": None if sentence is None else sentence + 1})

    def merge(self, other: _Findings) -> None:
        for check in CHECKS:
            self.counts[check] += other.counts[check]
            room = EXAMPLES - len(self.examples[check])
            self.examples[check].extend(other.examples[check][:room])
        self.summaries += other.summaries
        self.sentences += other.sentences
        self.articles_with_lead += other.articles_with_lead


def check_summary(summary: Any, article: str, findings: _Findings | None = None) -> _Findings:
    """Run every check on one :class:`~summarizer.model.Summary`."""
    found = findings if findings is not None else _Findings()
    found.summaries += 1
    found._flagged = set()
    decisions = summary.decisions
    kept = [d for d in decisions if d.kept]
    found.sentences += len(kept)
    kept_index = {d.index for d in kept}
    content = [d.index for d in decisions if not d.boilerplate and d.sentence.text.strip()]
    before = {b: a for a, b in pairwise(content)}

    unclosed, stray = _quote_events(summary.text)
    if unclosed:
        found.add("unbalanced_quotation", article)
    if stray:
        found.add("stray_closing", article)

    depth = 0  # quotations left open by the kept sentences just before, read in article order
    previous_owned = False  # the kept sentence before held a quotation with its speaker given
    for position, decision in enumerate(kept):
        output = decision.output
        previous_kept = kept[position - 1] if position else None
        adjacent = previous_kept is not None and before.get(decision.index) == previous_kept.index
        resolvable = before.get(decision.index) is None or before.get(decision.index) in kept_index
        told = before.get(decision.index)
        told_text = decisions[told].sentence.text if told is not None else None
        earlier = [told] if told is not None else []
        if told is not None and before.get(told) is not None:
            earlier.append(before[told])
        lost = _lost_thing(
            output, [decisions[j].sentence.text for j in earlier], [k.output for k in kept[max(0, position - 2) : position]]
        )
        leans = _points_back(output) or _dangling_then(output) or _leans_on_before(output, told_text)
        if not leans and not resolvable and told is not None:
            leans = _new_thing_lost(output, told_text, [d.sentence.text for d in decisions[:told]])
        if lost or (leans and not resolvable):
            found.add("unresolved_reference", article, decision.index)
            if position == 0:
                found.add("opens_unresolved", article, decision.index)
        if not adjacent:
            depth = 0
        carried = depth > 0
        # A quotation carried into a new paragraph reopens it with a mark (the newspaper convention).
        reopened = (
            carried
            and previous_kept is not None
            and output.lstrip()[:1] in _OPEN + '"'
            and decision.sentence.paragraph != previous_kept.sentence.paragraph
        )
        depth = _scan(output.lstrip()[1:] if reopened else output, depth)[1]
        owned = carried and previous_owned
        quotations = [] if carried else _quotations_in(output)
        if quotations:
            # Who says it: a verb of saying or a colon lead-in in the sentence (not credited to a
            # pronoun whose sentence before was dropped), the speaker where it closes, or the
            # kept sentence just before (a lead-in, a verb of saying, the same speaker going on).
            writer = _writer_part(output)
            if _SAYING.search(writer) or writer.rstrip().endswith(":"):
                owned = not (_PRONOUN_SPEAKER.search(writer) and not resolvable)
            else:
                owned = _credited_at_close(kept, position, before) or (
                    adjacent
                    and previous_kept is not None
                    and (
                        previous_kept.output.rstrip().endswith(":")
                        or _SAYING.search(_writer_part(previous_kept.output)) is not None
                        or previous_owned
                    )
                ) or (
                    # The summary's sentence before gives a speaker by name (its own quotation's, or
                    # words reported): a quotation straight after reads as theirs, one credit is enough.
                    previous_kept is not None
                    and (previous_owned or _names_who_says(_writer_part(previous_kept.output)))
                )
            # A passage this long is a quotation whose speaker must be given (shorter: a phrase); a
            # title in capitals ("an “Action Plan for the Development of Italy”") is nobody's words.
            if not owned and any(len(q.split()) >= MIN_QUOTATION_WORDS and not _a_title(q) for q in quotations):
                found.add("unattributed_quotation", article, decision.index)
        previous_owned = owned

    lead = _lead(summary)
    if lead is not None:
        found.articles_with_lead += 1
        if not kept or kept[0].index != lead:
            found.add("lead_missing", article, lead)

    worst = max((d.rank for d in kept), default=0)
    for decision in decisions:
        if decision.kept:
            continue
        claims = " ".join(r.text for r in decision.reasons)
        if ("less central than" in claims or "below the kept sentences" in claims) and decision.rank < worst:
            found.add("contradicted_reason", article, decision.index)
    return found


#: A feature's opening runs to at most this many sentences before the news.
FEATURE_SENTENCES = 3
_ASKS = re.compile(r"\?[\s”’\"')]*$")
_SPEAKS_TO = re.compile(r"^(?:[^,]*,\s*)?(?:you|your|i|my)\s", re.IGNORECASE)


def _feature_opening(text: str) -> bool:
    """A sentence that opens a feature, not news: the writer asks ("Would you believe …?") or
    speaks as "I" or to "you" ("My mom was …", "Upon arrival …, you are greeted …")."""
    writer = _writer_part(text).strip()
    return bool(writer) and (_ASKS.search(writer) is not None or _SPEAKS_TO.match(writer) is not None)


def _lead(summary: Any) -> int | None:
    """The article's first sentence of news: not boilerplate, not a one-line title, not a
    feature's opening of up to :data:`FEATURE_SENTENCES` sentences (unless the next leans on it)."""
    candidates = _lead_candidates(summary)
    for position, index in enumerate(candidates[:FEATURE_SENTENCES]):
        text = summary.decisions[index].sentence.text
        if not _feature_opening(text):
            if position and (_points_back(text) or _leans_on_before(text, None)):
                break
            return index
    return candidates[0] if candidates else None


def _lead_candidates(summary: Any) -> list[int]:
    document = summary.document
    found: list[int] = []
    for decision in summary.decisions:
        if decision.boilerplate or len(decision.sentence.text.split()) < 4:
            continue
        sentence = decision.sentence
        paragraph = document.paragraphs[sentence.paragraph]
        title = (
            sentence.index == 0
            and paragraph.first_sentence == paragraph.last_sentence
            and len(document.paragraphs) > 1
            and sentence.text.rstrip()[-1:] not in ".!?”\"’"
        )
        if not title:
            found.append(sentence.index)
            if len(found) > FEATURE_SENTENCES:
                break
    return found


@dataclass(frozen=True, slots=True)
class IntegrityEvaluation:
    """Counts and rates of every check, per system and length."""

    path: str
    articles: int
    lengths: tuple[str, ...]
    systems: dict[str, dict[str, dict[str, Any]]]
    seconds: float
    jobs: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "articles": self.articles,
            "lengths": list(self.lengths),
            "systems": self.systems,
            "seconds": round(self.seconds, 2),
            "jobs": self.jobs,
        }


def _article_findings(
    item: tuple[str, str, int | None], systems: Sequence[str]
) -> dict[tuple[str, str], _Findings]:
    from summarizer.analysis import analyse
    from summarizer.pipeline import summarize
    from summarizer.segment import segment

    article, text, reference = item
    result: dict[tuple[str, str], _Findings] = {}
    try:
        document = segment(text, source=article)
        if not document.sentences:
            return result
        analysis = analyse(document)
    except EmptyInputError:
        return result
    for system in systems:
        for length, n in (("default", None), ("reference", reference)):
            if length == "reference" and n is None:
                continue
            summary = summarize(document, algorithm=system, sentences=n, analysis=analysis)
            result[(system, length)] = check_summary(summary, article)
    return result


def _items(path: str, limit: int | None) -> list[tuple[str, str, int | None]]:
    items: list[tuple[str, str, int | None]] = []
    for number, record in read_records(path):
        if record.get("is_duplicate"):
            continue
        text = record.get("text")
        if not isinstance(text, str):
            raise InputError(f"{path}, line {number}: expected a 'text' string")
        if not text.strip():
            continue
        refs = record.get("reference_sentences")
        items.append((str(record.get("id", f"line-{number}")), text, len(refs) if isinstance(refs, list) and refs else None))
        if limit is not None and len(items) >= limit:
            break
    if not items:
        raise InputError(f"{path}: no article with text to check")
    return items


def evaluate_integrity(
    path: str | os.PathLike[str],
    *,
    systems: Iterable[str] | None = None,
    limit: int | None = None,
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> IntegrityEvaluation:
    """Check every summary of every article in ``path`` for every system (default: ``neutral`` and every sumy algorithm)."""
    from summarizer.pipeline import ALL_ALGORITHMS

    names = tuple(systems) if systems is not None else ALL_ALGORITHMS
    started = time.perf_counter()
    items = _items(str(path), limit)
    totals: dict[tuple[str, str], _Findings] = {}
    done = 0

    def collect(found: dict[tuple[str, str], _Findings]) -> None:
        nonlocal done
        for key, findings in found.items():
            totals.setdefault(key, _Findings()).merge(findings)
        done += 1
        if progress is not None:
            progress(done, len(items))

    if jobs <= 1:
        for item in items:
            collect(_article_findings(item, names))
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for found in pool.map(_article_findings, items, [names] * len(items), chunksize=8):
                collect(found)
    lengths = tuple(dict.fromkeys(length for _, length in totals))
    report: dict[str, dict[str, dict[str, Any]]] = {}
    for system in names:
        for length in lengths:
            findings = totals.get((system, length))
            if findings is None:
                continue
            rates = {}
            for check in CHECKS:
                denominator = findings.articles_with_lead if check == "lead_missing" else findings.summaries
                rates[check] = round(findings.counts[check] / denominator, 4) if denominator else 0.0
            report.setdefault(system, {})[length] = {
                "summaries": findings.summaries,
                "sentences": findings.sentences,
                "articles_with_lead": findings.articles_with_lead,
                "counts": dict(findings.counts),
                "rates": rates,
                "examples": {c: e for c, e in findings.examples.items() if e},
            }
    return IntegrityEvaluation(str(path), len(items), lengths, report, time.perf_counter() - started, jobs)
