"""Voices: who speaks in each sentence, found once per document.

A news article gives people and organisations a say: in quotation marks (`“…,” Quayle said`),
in reported speech (`The council said the change would save …`, `according to the ministry`),
or after a colon lead-in (`A group of harbour traders disagreed. They wrote:`).  This module
finds, for every sentence, the speaker it credits, with the span of the mention, so that the
selector can give every voice a say and let none take over the summary
(:func:`summarizer.select.select_neutral`), and every face can show who speaks.

The rules are plain and local, built on the quotation model (:mod:`summarizer.quotes`):

* the writer's part of a sentence (outside quotation marks) credits a speaker with ``NAME
  said`` (any speech verb of :mod:`summarizer.cues`, and a few verbs of belief), ``said
  NAME``, ``according to NAME`` or a colon lead-in ``NAME wrote:``; ``NAME`` is a name in
  capitals ("Maria Quayle", "the ACLU", "Time Warner"), a generic source ("critics",
  "analysts", "a spokesman", "the company") or a pronoun;
* a pronoun ("he said", "They wrote:") stands for the speaker named last: the one
  :func:`summarizer.context.name_the_speaker` finds for a lead-in, else the last voice
  heard within a few sentences ("he" and "she" only a person);
* a sentence that only goes on with a quotation (its later sentences, the paragraphs of a
  quotation after its lead-in, a quotation opening the sentence after its speaker's)
  belongs to the quotation's speaker;
* one voice may be named in several ways: "Maria Quayle", "Ms Quayle" and "Quayle" are one
  voice by the surname, and "the company" is the organisation that spoke last when one did.

Nothing here is learned from data; it will miss speakers a parser would find (a speaker
named only in a long apposition, speech verbs far from their subject), and it never
invents one: a sentence with no speaker it can name has none.
"""

from __future__ import annotations

import re
from bisect import insort
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache

from summarizer import regex_cache
from summarizer.context import name_the_speaker
from summarizer.cues import _attribution_verbs, dispute_verbs
from summarizer.model import Document, Speaker
from summarizer.quotes import SINGLE_OPENINGS, Quotation, find_quotations, is_lead_in, quotation_units
from summarizer.tokens import words as word_list

__all__ = ["VoiceMap", "find_voices"]

#: How many sentences back a pronoun or a continued quotation looks for its speaker.
LOOKBACK = 4
#: How many characters before a speech verb its subject (with an apposition) may start.
_SUBJECT_REACH = 200

# Verbs of belief that report a view as a say ("The ACLU believes …"); cues' speech verbs do the rest.
_VIEW_VERBS = frozenset("believe believes believed think thinks thought claims point points pointed disagreed agreed objected responded".split())
# Speech verbs that are mostly something else after a name ("Smith read", "the firm posted profits").
_NOT_SPEECH = frozenset(
    "read reads post posts posted posting call calls report reports reported reporting counter counters "
    "term terms quote quotes charge charges charged brand brands cite cites cited protest protests "
    "promise promises promised answer answers answered".split()
)
_TITLES = frozenset(
    "mr mrs ms miss dr sir dame lord lady prof professor president senator governor judge mayor sheriff "
    "chancellor minister secretary leader chairman chairwoman commissioner councillor councilman "
    "councilwoman congressman congresswoman representative rep".split()
)
#: A title may follow up to this many words of office ("State Senator", "Senate Majority Leader").
_TITLE_REACH = 3
# Generic sources: a say, though not a name ("critics said", "a spokesman said").
_GENERIC = (
    "critics", "analysts", "experts", "parents", "families", "teachers", "workers", "staff", "users", "customers", "officials", "economists", "observers", "investors", "traders",
    "residents", "campaigners", "activists", "protesters", "lawyers", "doctors", "scientists",
    "researchers", "supporters", "opponents", "sources", "insiders", "witnesses", "police", "officers",
    "spokesman", "spokeswoman", "spokesperson", "source", "official", "analyst", "insider", "witness",
    "company", "firm", "group", "bank", "council", "government", "ministry", "department", "agency",
    "board", "union", "association", "court", "report", "study", "survey", "statement", "committee", "commission",
    "regulator", "airline", "carrier", "retailer", "maker", "giant", "club", "team", "party",
)  # fmt: skip
_GENERIC_WORDS = frozenset(_GENERIC)
# Generic names for an organisation that, when one has spoken, are that organisation.
_SAME_ORGANISATION = frozenset("company firm group bank airline carrier retailer maker giant".split())
_PRONOUNS = {"he": "person", "she": "person", "they": "group", "it": "group"}
_CAPITAL = r"[A-Z][\w’'&.-]*"
# A name in capitals, up to five words, with "of", "for", "and" or "&" inside ("Bank of England").
_NAME = rf"{_CAPITAL}(?:\s+(?:(?:of|for|and|the|de|von|van)\s+)?{_CAPITAL}){{0,4}}"
_DESCRIBED = (
    r"(?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Tt]his|[Oo]ne|[Ss]ome|[Mm]any|[Oo]ther)\s+)?"
    r"(?:[\w’'-]+\s+){0,3}?"
    r"(?:" + "|".join(_GENERIC) + r")"
)
# A subject that ends just before a speech verb: a name, a description, or a pronoun.
_SUBJECT_BEFORE = regex_cache.compile(
    rf"(?<![\w’'-])(?P<name>(?:[Tt]he\s+)?{_NAME}|{_DESCRIBED}|[Hh]e|[Ss]he|[Tt]hey|[Ii]t)\s*$"
)
#: The most words (runs without a space) a match of :data:`_SUBJECT_BEFORE` spans: "The", then a
#: name of five capitals with a joining word between each two ("Bank of England of …").  Only
#: the last so many words before a verb are searched.
_SUBJECT_WORDS = 10
# What may stand between the subject and its verb: "has also", "does aptly", "later" (and any "…ly" word).
_BETWEEN_WORDS = ("has", "have", "had", "does", "do", "did", "also", "further", "later", "then", "again")
# Those words, at the end of the words before a verb: ``(?:\s+(?:has|…|\w+ly))*\s*$``, matched on the
# text read backwards.  The end-anchored pattern searched forwards tries every start in the 200
# characters before each verb; read backwards it is one anchored match over the few words it takes.
_BETWEEN_REVERSED = regex_cache.compile(r"\s*(?:(?:" + "|".join(w[::-1] for w in _BETWEEN_WORDS) + r"|yl\w+)\s+)*")
# An apposition before the verb: "Maria Quayle, the finance chief, said"; or a name in one: "Its finance chief, Maria Quayle, told".
_APPOSITION = regex_cache.compile(r",\s(?P<inner>[^,“”\"]{2,80}),\s*$")
_SPEECH_WORD = regex_cache.compile(r"\b[a-z]+\b")
#: The verbs of :data:`_VERB_SUBJECT`, in its order: each a whole lower-case word (:data:`_SPEECH_WORD`) where it matches.
_VERB_SUBJECT_WORDS = (
    "said", "says", "added", "adds", "wrote", "writes", "explained", "insisted", "argued", "warned", "asked", "continued",
    "replied", "noted",
)  # fmt: skip
_VERB_SUBJECT_VERBS = frozenset(_VERB_SUBJECT_WORDS)
# "said NAME", "said chief executive Tom Smith", "said the company".
# "said Harbour Line’s chief executive, Petra Lind": an organisation's title, then the name.
_VERB_SUBJECT = regex_cache.compile(
    r"\b(?P<verb>" + "|".join(_VERB_SUBJECT_WORDS) + ")"
    rf"\s+(?:(?:(?:the\s+)?{_CAPITAL}(?:\s+{_CAPITAL}){{0,3}}[’']s\s+)?(?:[a-z]+,?\s+){{0,3}}?(?P<name>{_NAME})"
    rf"|(?P<described>{_DESCRIBED}))(?=\s*(?:[.,;:!?)]|$|\s+(?:who|in|on|at)\b))"
)
_ACCORDING = regex_cache.compile(
    r"\baccording\s+to\s+(?:(?:a|an|the|its|their)\s+(?:\w+\s+){0,2}?(?:report|study|survey|statement|figures|data|"
    rf"estimates?|research|poll)\s+(?:by|from|of)\s+)?(?P<name>(?:the\s+)?{_NAME}|{_DESCRIBED})"
)
_NOT_A_NAME = frozenset(
    "the a an in on at but and for of this that these those it as by to if when while after before "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december however meanwhile also so yet still".split()
)


@dataclass(frozen=True, slots=True)
class VoiceMap:
    """Every sentence's speaker (``None`` for the writer's own voice), and what they say in quotation marks.

    Attributes:
        speakers: one :class:`~summarizer.model.Speaker` or ``None`` per sentence, in order.
        quoted_words: per sentence, the words its speaker says in quotation marks (a
            lead-in counts whole: it only presents the quotation); 0 without a speaker.
    """

    speakers: tuple[Speaker | None, ...]
    quoted_words: tuple[int, ...]
    #: The voices reported as disputing or opposing ("Ellison criticised the bill", "the firm
    #: denied it"): the writer's words of a sentence crediting them hold a verb of
    #: ``evenhand/dispute_verbs.txt``.  They answer another side, so the selector gives them a say.
    disputing: frozenset[str] = frozenset()

    @property
    def voices(self) -> tuple[str, ...]:
        """The voices the article gives a say, in the order they first speak."""
        seen: dict[str, None] = {}
        for speaker in self.speakers:
            if speaker is not None:
                seen.setdefault(speaker.name, None)
        return tuple(seen)

    def voice(self, index: int) -> str | None:
        speaker = self.speakers[index]
        return None if speaker is None else speaker.name


@dataclass(slots=True)
class _Known:
    """A voice heard so far: its fullest name and whether it is a person."""

    name: str
    person: bool
    organisation: bool


class _Heard:
    """The voices heard so far by key, and the keys by name: a speaker's name (as it reads, or in
    lower case) leads back to its voice's key without a look at every voice heard.

    A name several voices have had leads to the one heard first, as a look through the voices in
    the order they were heard would.
    """

    __slots__ = ("_by_folded", "_by_name", "_order", "by_key")

    def __init__(self) -> None:
        self.by_key: dict[str, _Known] = {}
        self._order: dict[str, int] = {}  # key → when it was first heard
        self._by_name: dict[str, list[str]] = {}  # name → the keys of that name, first heard first
        self._by_folded: dict[str, list[str]] = {}  # the same by the name in lower case

    def add(self, key: str, known: _Known) -> None:
        """A new voice (``key`` not heard before)."""
        self._order[key] = len(self.by_key)
        self.by_key[key] = known
        self._index(key, known.name)

    def rename(self, key: str, name: str) -> None:
        """The voice of ``key`` goes by ``name`` from now on."""
        known = self.by_key[key]
        for index, old in ((self._by_name, known.name), (self._by_folded, known.name.lower())):
            index[old].remove(key)
            if not index[old]:
                del index[old]
        known.name = name
        self._index(key, name)

    def _index(self, key: str, name: str) -> None:
        for index, form in ((self._by_name, name), (self._by_folded, name.lower())):
            insort(index.setdefault(form, []), key, key=self._order.__getitem__)

    def key_of_name(self, name: str) -> str:
        """The key of the voice that goes by ``name`` (a name's own key when none does)."""
        keys = self._by_name.get(name)
        return keys[0] if keys else _key(name)[0]

    def key_of_folded(self, name: str) -> str | None:
        """The key of the voice whose name in lower case is ``name`` in lower case, if one is."""
        keys = self._by_folded.get(name.lower())
        return keys[0] if keys else None


def find_voices(
    document: Document, quotations: Sequence[Quotation] | None = None, *, skip: Collection[int] = ()
) -> VoiceMap:
    """Who speaks in every sentence of ``document`` (see the module's docstring for the rules).

    Sentences in ``skip`` (boilerplate) have no speaker and are not searched.
    """
    if quotations is None:
        quotations = find_quotations(document)
    sentences = document.sentences
    n = len(sentences)
    text = document.text
    quoted_spans = [(q.start, q.end) for q in quotations if q.depth == 0 and q.opening not in SINGLE_OPENINGS]
    pieces = _quoted_pieces(document, quoted_spans)
    inside = [sum(end - start for start, end in p) for p in pieces]
    lead_in_of: dict[int, int] = {}
    for unit in quotation_units(document, quotations):
        if unit.lead_in is not None:
            lead_in_of.update(dict.fromkeys(unit.quotation, unit.lead_in))
    # Sentences a quotation runs over from an earlier one: they go on with its speaker.
    continues: dict[int, int] = {}
    for q in quotations:
        if q.depth == 0:
            for i in range(q.first_sentence + 1, q.last_sentence + 1):
                if q.start < sentences[i].start:
                    continues.setdefault(i, q.first_sentence)
    heard = _Heard()
    by_key = heard.by_key  # read here; added to and renamed only through ``heard``
    speakers: list[Speaker | None] = [None] * n
    last_voice: list[tuple[int, str]] = []  # (sentence, key) of every voice heard, in order
    named_at: dict[str, int] = {}  # a voice's key → the last sentence that names it
    disputing: set[str] = set()  # the keys of the voices reported as disputing
    for i, sentence in enumerate(sentences):
        if i in skip:
            continue
        writer = _writer_part(sentence.text, sentence.start, pieces[i])
        lower_words = frozenset(_SPEECH_WORD.findall(writer))
        found = _credited(writer, lower_words)
        speaker: Speaker | None = None
        if found is not None:
            mention, start, end = found
            key, pronoun = _key(mention)
            if pronoun is not None:
                named = _resolve(document, i, pronoun, last_voice, heard)
                if named is not None:
                    speaker = Speaker(by_key[named].name, sentence.start + start, sentence.start + end, False, named_at.get(named))
            else:
                key = _merge_generic(key, mention, last_voice, by_key, i)
                known = by_key.get(key)
                person = _is_person(mention)
                if known is None:
                    heard.add(key, _Known(_label(mention), person, _is_organisation(mention)))
                elif len(_label(mention)) > len(known.name) and not _is_generic(mention):
                    heard.rename(key, _label(mention))
                speaker = Speaker(by_key[key].name, sentence.start + start, sentence.start + end, False, None)
                named_at[key] = i
        # Reported as disputing or opposing: the writer's words hold a verb of dispute_verbs.txt.
        if speaker is not None and not dispute_verbs().isdisjoint(lower_words):
            disputing.add(heard.key_of_name(speaker.name))
        if speaker is None:
            # No speaker of its own: a quotation going on from an earlier sentence, or opening the
            # sentence right after its speaker's, or the quotation a lead-in introduced.
            source = continues.get(i)
            if source is None and i in lead_in_of:
                source = lead_in_of[i]
            if source is None and _opens_with_quotation(sentence.text) and i > 0 and speakers[i - 1] is not None:
                source = i - 1
            if source is not None and speakers[source] is not None:
                earlier = speakers[source]
                assert earlier is not None
                speaker = Speaker(earlier.name, sentence.start, sentence.start, False, earlier.via if earlier.via is not None else source)
        if speaker is not None:
            quoted = inside[i] > 0 or is_lead_in(sentence.text)
            speaker = Speaker(speaker.name, speaker.start, speaker.end, quoted, speaker.via)
            speakers[i] = speaker
            last_voice.append((i, heard.key_of_name(speaker.name)))
    quoted_words = tuple(
        0
        if speakers[i] is None or not speakers[i].quoted  # type: ignore[union-attr]
        else len(word_list(sentences[i].text)) if is_lead_in(sentences[i].text)
        else sum(len(word_list(text[start:end])) for start, end in pieces[i])
        for i in range(n)
    )
    # Every name the voice went by ("Ellison", then "State Senator Maria Ellison"): one voice.
    disputing_names = frozenset(speakers[i].name for i, key in last_voice if key in disputing)  # type: ignore[union-attr]
    return VoiceMap(tuple(speakers), quoted_words, disputing_names)


def _quoted_pieces(document: Document, spans: Sequence[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Per sentence, its parts inside quotation marks (one sweep: sentences and spans are both in order)."""
    result: list[list[tuple[int, int]]] = [[] for _ in document.sentences]
    first = 0
    for sentence in document.sentences:
        while first < len(spans) and spans[first][1] <= sentence.start:
            first += 1
        k = first
        while k < len(spans) and spans[k][0] < sentence.end:
            start, end = max(spans[k][0], sentence.start), min(spans[k][1], sentence.end)
            if start < end:
                result[sentence.index].append((start, end))
            k += 1
    return result


def _writer_part(text: str, offset: int, pieces: Sequence[tuple[int, int]]) -> str:
    """The sentence with its parts inside double quotation marks (``pieces``, document offsets)
    blanked, offsets kept.  The quotation model's spans, not the marks read again: a sentence
    that opens inside a quotation begun before it ('… judgements," Mr Lee said.') has its
    closing mark first, and the writer's words are what follows it."""
    if not pieces:
        return text
    chars = list(text)
    for start, end in pieces:
        chars[start - offset : end - offset] = " " * (end - start)
    return "".join(chars)


def _opens_with_quotation(text: str) -> bool:
    return text.lstrip()[:1] in "“\"„«"


@cache
def _speech_verbs() -> frozenset[str]:
    return (_attribution_verbs() | _VIEW_VERBS) - _NOT_SPEECH


def _credited(writer: str, words: frozenset[str]) -> tuple[str, int, int] | None:
    """The mention of the speaker the writer's words credit, with its offsets in the sentence
    (``words``: the writer's lower-case words, :data:`_SPEECH_WORD`)."""
    for match in _ACCORDING.finditer(writer) if "according" in writer else ():
        found = _trimmed(writer, match.start("name"), match.end("name"))
        if found is not None:
            return found
    # Each pattern below needs a verb that is one of the sentence's lower-case words: most
    # sentences have none of them, and their words, found at once, rule the searches out.
    verbs = _speech_verbs()
    for match in _SPEECH_WORD.finditer(writer) if not verbs.isdisjoint(words) else ():
        if match.group() not in verbs:
            continue
        if match.group().startswith("point") and not writer[match.end() :].startswith(" out"):
            continue  # "Main points of the plan:" is no one pointing out
        # Only the words just before the verb can be its subject: searching them alone keeps
        # the end-anchored patterns linear in the sentence's length.
        offset = max(0, match.start() - _SUBJECT_REACH)
        before = writer[offset : match.start()]
        head = before[: _between_start(before)]
        apposition = _APPOSITION.search(head)
        if apposition is not None:
            inner = _SUBJECT_BEFORE.search(apposition.group("inner"))
            if inner is not None and inner.start() == 0:
                found = _trimmed(writer, offset + apposition.start("inner"), offset + apposition.end("inner"))
                if found is not None and found[0][:1].isupper():
                    return found
            head = head[: apposition.start()]
        subject = _SUBJECT_BEFORE.search(head, _last_words(head, _SUBJECT_WORDS))
        if subject is not None:
            found = _trimmed(writer, offset + subject.start("name"), offset + subject.end("name"))
            if found is not None:
                return found
    for match in _VERB_SUBJECT.finditer(writer) if not _VERB_SUBJECT_VERBS.isdisjoint(words) else ():
        group = "name" if match.group("name") else "described"
        found = _trimmed(writer, match.start(group), match.end(group))
        if found is not None:
            return found
    return None


def _last_words(text: str, count: int) -> int:
    """Where the space before ``text``'s last ``count`` words begins (0 when it has no more words).

    An end-anchored search from there finds what a search of the whole text finds, when no match
    spans more words: it starts in one of the last words, and its look-behind still reads the
    character before it (a search from a position sees the text before it)."""
    parts = text.rsplit(None, count)
    return len(parts[0]) if len(parts) > count else 0


def _between_start(before: str) -> int:
    """Where the words that may stand between a subject and its verb (:data:`_BETWEEN_WORDS`)
    begin at the end of ``before``: ``len(before)`` when there are none."""
    return len(before) - _BETWEEN_REVERSED.match(before[::-1]).end()  # type: ignore[union-attr]  # matches empty


def _trimmed(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The mention at ``start:end`` without opening words that are not a name ("But Quayle" → "Quayle")."""
    words = list(re.finditer(r"\S+", text[start:end]))
    while len(words) > 1 and words[0].group().lower().strip(",") in _NOT_A_NAME - {"the", "a", "an"}:
        words.pop(0)
    if not words:
        return None
    begin, finish = start + words[0].start(), start + words[-1].end()
    name = text[begin:finish].rstrip(",.;:")
    finish = begin + len(name)
    if not name or name.endswith(("’s", "'s", "’", "'")) or not _plausible(name):
        return None
    return name, begin, finish


def _plausible(name: str) -> bool:
    first = name.split()[0].lower().strip("’'")
    if first in _PRONOUNS:
        return len(name.split()) == 1
    words = [w.lower() for w in name.split()]
    return not all(w in _NOT_A_NAME for w in words) and words[-1] not in _NOT_A_NAME


def _key(mention: str) -> tuple[str, str | None]:
    """A voice's key (the surname for a person, the name for the rest), or the pronoun it is."""
    lowered = mention.lower()
    if lowered in _PRONOUNS:
        return "", lowered
    words = [w.strip("’'.,") for w in mention.split()]
    if _is_generic(mention):
        return " ".join(w.lower() for w in words if w.lower() not in ("the", "a", "an", "its", "their", "his", "her")), None
    words = [w for w in words if w.lower() not in _TITLES and w.lower() != "the"] or words
    head, of, rest = mention.partition(" of ")
    if of and rest[:1].isupper() and _is_person(head):
        return _key(head)
    if _is_person(mention):
        return words[-1].lower().removesuffix("’s").removesuffix("'s"), None
    return " ".join(w.lower() for w in words), None


def _label(mention: str) -> str:
    """The name as a summary's reader would see it: "The ACLU" within a sentence's flow is "the ACLU"."""
    words = mention.split()
    if len(words) == 1 and _is_generic(mention):
        return mention.lower()
    if words[0] in ("The", "A", "An", "Its", "Their", "His", "Her") and (len(words) > 1):
        return " ".join([words[0].lower(), *words[1:]])
    return mention


def _is_generic(mention: str) -> bool:
    words = mention.split()
    # "critics", "the company", "Critics" opening a sentence; not "the Friends of Old Mill Library".
    return words[-1].lower() in _GENERIC_WORDS and (len(words) == 1 or not words[-1][:1].isupper())


def _is_person(mention: str) -> bool:
    # "Mike Powell of Dresdner Kleinwort": a person of an organisation.
    head, of, rest = mention.partition(" of ")
    if of and rest[:1].isupper() and _is_person(head):
        return True
    words = mention.split()
    if words[0].lower().strip(".") in _TITLES:
        return True
    # "State Senator Maria Ellison", "Senate Majority Leader Carl Vossberg": a title after the words
    # of its office, then a person's name.
    for k, word in enumerate(words[1 : _TITLE_REACH + 1], start=1):
        if word.lower().strip(".") in _TITLES and k + 1 < len(words):
            name = " ".join(words[k + 1 :])
            return _is_person(name) or (k + 2 == len(words) and words[-1][1:].islower() and not _is_organisation(name))
    if _is_generic(mention):
        return mention.split()[-1].lower() in ("spokesman", "spokeswoman", "spokesperson", "analyst", "official", "insider", "witness")
    capitals = [w for w in words if w[:1].isupper()]
    return (
        len(words) in (2, 3)
        and len(capitals) == len(words)
        and words[0].lower() != "the"
        and not _is_organisation(mention)
        and all(w[1:].islower() or len(w) <= 2 for w in words)
    )


_ORGANISATION_WORDS = frozenset(
    "inc corp corporation ltd plc co company group bank association council union party ministry "
    "department office agency commission committee board court fund institute university college "
    "foundation society federation league club trust service services authority organisation organization "
    "network systems motors airlines airways international".split()
)


def _is_organisation(mention: str) -> bool:
    words = [w.lower().strip(".,") for w in mention.split()]
    return any(w in _ORGANISATION_WORDS for w in words) or (len(words) <= 2 and mention.split()[-1].isupper())


def _merge_generic(
    key: str, mention: str, last_voice: Sequence[tuple[int, str]], by_key: dict[str, _Known], i: int
) -> str:
    """"The company said" after Time Warner spoke is Time Warner."""
    if not _is_generic(mention) or mention.split()[-1].lower() not in _SAME_ORGANISATION:
        return key
    for _, earlier in reversed(last_voice):
        if not by_key[earlier].person and not _is_generic(by_key[earlier].name):
            return earlier
    return key


def _resolve(
    document: Document,
    i: int,
    pronoun: str,
    last_voice: Sequence[tuple[int, str]],
    heard: _Heard,
) -> str | None:
    """The key of the voice a pronoun speaker stands for, or ``None``."""
    if is_lead_in(document.sentences[i].text):
        edit = name_the_speaker(document, i)
        if edit is not None:
            # The speaker context.py names for the lead-in ("A group of harbour traders disagreed."):
            # a voice from now on, if not one already.
            named = edit.replacement.strip("[]")
            known_key = heard.key_of_folded(named)
            if known_key is not None:
                return known_key
            key, _ = _key(named)
            if key not in heard.by_key:
                heard.add(key, _Known(_label(named), _is_person(named), _is_organisation(named)))
            return key
    kind = _PRONOUNS[pronoun]
    for sentence, key in reversed(last_voice):
        if i - sentence > LOOKBACK:
            break
        known = heard.by_key[key]
        if kind == "person" and not known.person:
            continue
        if kind == "group" and known.person:
            continue
        return key
    return None
