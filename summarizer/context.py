"""What a sentence needs around it to read right in a summary.

A sentence taken out of its article can point at nothing: "He told the parliament …",
"But the government refused …", "The move follows …", a quotation with no speaker, a list
item without its heading, "Pereira said" with Pereira never introduced.  This module says,
for every sentence, which earlier sentences it depends on (:func:`dependencies`); which
opening connective can be dropped instead as a recorded edit (:func:`connective_edit`); and
which lead-in pronoun can give way to the speaker's name in brackets (:func:`name_the_speaker`).
The selector keeps a sentence only with what it depends on, and the lead (:func:`find_lead`)
is the article's first sentence of news.

Sentences in a speaker's voice (inside a quotation) are left alone: their pronouns are the
speaker's, and the quotation itself is kept whole by :mod:`summarizer.quotes`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from functools import lru_cache

from summarizer import regex_cache
from summarizer.cues.attribution import dispute_verbs
from summarizer.cues.structural import is_capitalised_title
from summarizer.model import Document, Edit, Sentence, Speaker
from summarizer.quotes import SINGLE_OPENINGS, Quotation, is_lead_in

#: Words that, opening a sentence, point back at something said before.
BACK_POINTERS = frozenset(
    "he she they it his her their its him them this these those that such".split()
)
#: Sentence-opening connectives that join a sentence to the one before it; in a summary
#: without that sentence they are dropped (a recorded edit) or the sentence brings it.
CONNECTIVES = (
    "but", "however", "yet", "still", "also", "meanwhile", "then", "and", "so", "instead",
    "nevertheless", "nonetheless", "moreover", "furthermore", "in addition", "besides",
    "similarly", "likewise", "otherwise", "therefore", "thus", "hence", "even so",
    "at the same time", "in turn", "as a result", "by contrast", "in contrast",
    "on the other hand", "in the meantime", "separately", "elsewhere", "later", "afterwards",
    "since then", "until then", "by then",
)  # fmt: skip
_CONNECTIVE = regex_cache.compile(
    r"(?P<word>" + "|".join(sorted((re.escape(c).replace(r"\ ", r"\s+") for c in CONNECTIVES), key=len, reverse=True))
    + r")(?P<comma>\s*,)?\s+(?=\S)",
    re.IGNORECASE,
)
# "The move", "The Scot", "The former", "Kraft's comments": a definite description of
# something or someone only just introduced.
_REFERENCE = regex_cache.compile(
    r"""(?x)
    (?i:the|this|that|these|those)\s+
      (?i:move|decision|comments?|remarks?|announcement|statement|deal|plan|proposals?|figures?|
         claims?|ruling|freeze|change|changes|increase|rise|fall|drop|cut|cuts|pair|duo|trio|
         latter|former|incident|attack|case|report|findings|result|results|measure|measures|
         bill|news|warning|request|offer|agreement|loss|losses|win|victory|defeat|
         scot|welshman|englishman|irishman|frenchman|german|american|briton|australian|spaniard|
         italian|russian|dutchman|swede|argentine|brazilian|\d+-year-old|group|groups|coalition|
         organisation|organization|association|campaign|couple|man|woman)\b
    | [A-Z][\w'’-]*['’]s?\s+(?:comments?|remarks?|statement|words|decision|move|announcement|
         claims?|warning|criticism|admission|appointment|departure|resignation|arrival)\b
    | (?:[A-Z][\w'’.-]*\s+){1,3}then\s+[a-z]
    # "Another problem was …", "Another 1,700 jobs will go": one more of what was told before.
    | (?i:another)\s+\S
    # "The rollback comes as …", "The new levy follows …": whatever the noun, a thing set in its
    # context ("comes as", "came after", "follows") is one the sentence before told of.
    | (?i:the|this|that|these|those)\s+(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*\s+
      (?:comes|come|came|follows|follow|followed)\s+
      (?:as|after|amid|just|only|days|weeks|months|hours|less|barely|shortly|a\s+(?:day|week|month|year))\b
    """
)
_TIMES = frozenset(
    "year years week weeks month months season seasons morning afternoon evening night weekend "
    "summer winter spring autumn decade century time day days quarter".split()
)
# "… have this mistake corrected", "… junk mail from these machines": a demonstrative and its
# noun in the writer's words, after at most one word in -ed or -ing ("this proposed takeover").
# In lower case: an opening "This …" is :data:`BACK_POINTERS`' job.
_DEMONSTRATIVE_NOUN = regex_cache.compile(
    r"\b(?:this|these|those|such)\s+(?:[a-z][\w’'-]*(?:ed|ing)\s+)?(?P<noun>[a-z][\w’'-]{3,})\b"
)
_DEMONSTRATIVE_WORDS = (" this ", " these ", " those ", " such ")
#: Words after a demonstrative that name no thing told of: amounts, kinds, verbs of saying.
_NOT_TOLD_OF = frozenset(
    """kind kinds sort sorts type types sense respect regard extent much many point points stage
    moment case cases said says told were will would have with from that than""".split()
)


def _first_mentions(document: Document) -> dict[str, int]:
    """Each word's stem (:func:`_stem`, lower case) → the first sentence that uses it."""
    first: dict[str, int] = {}
    seen: set[str] = set()  # a word met before has its stem's first sentence already
    for sentence in document.sentences:
        for word in _LOWER_WORD.findall(sentence.text.lower()):
            if word not in seen:
                seen.add(word)
                first.setdefault(_stem(word), sentence.index)
    return first


_LOWER_WORD = regex_cache.compile(r"[a-z][\w’'-]*")


def speaks_of_the_new(text: str, before: int, first: dict[str, int]) -> bool:
    """Whether ``text``, in the writer's words, speaks of "this" or "these" something that
    sentence ``before`` is the first to tell of (``first``: :func:`_first_mentions`)."""
    if not any(word in text for word in _DEMONSTRATIVE_WORDS):
        return False
    for match in _DEMONSTRATIVE_NOUN.finditer(_outside_quotes(text)):
        noun = match.group("noun").lower()
        if noun in _NOT_TOLD_OF or noun in _TIMES:
            continue
        if first.get(_stem(noun)) == before:
            return True
    return False


# "… guidance for operators before then.": a time named only in the sentence before.
_THEN_AFTER = regex_cache.compile(r"\b(?:before|by|until|till|since|from|after|back|even)\s+then\b", re.IGNORECASE)


def _points_to_then(text: str) -> bool:
    """Whether the writer's words point at a time named before ("… before then."): :data:`_THEN_AFTER`,
    searched only in a sentence that has the word."""
    return "then" in text.lower() and _THEN_AFTER.search(_outside_quotes(_after_connectives(text))) is not None


_OPENING_MARKS = "“„«\"‘"
_LIST_MARK = regex_cache.compile(r"(?:[-*•·–—]|\d{1,2}[.)])\s+")
#: The verbs of :data:`_PRONOUN_SAID`: after a pronoun ("he said"), and before one (a subset: "said he").
_PRONOUN_VERBS = (
    "said", "says", "added", "told", "wrote", "writes", "explained", "insisted", "argued", "warned", "claimed", "stated",
    "continued", "replied", "noted", "asked",
)  # fmt: skip
_VERBS_BEFORE_PRONOUN = ("said", "says", "added", "told", "wrote", "explained", "insisted", "argued", "warned", "continued", "replied")
_PRONOUN_SAID = regex_cache.compile(
    r"\b(?:(?:he|she|they|it|we)\s+(?:" + "|".join(_PRONOUN_VERBS) + ")"
    # "…,” said he." ends the sentence; "said it would" begins what was said, and needs no speaker.
    r"|(?:" + "|".join(_VERBS_BEFORE_PRONOUN) + r")\s+(?:he|she|they|it)(?=\s*[.,;!?]|\s*$))\b",
    re.IGNORECASE,
)


def _pronoun_credited(text: str) -> bool:
    """Whether the writer's words credit a pronoun with them ("… ,” he said."): :data:`_PRONOUN_SAID`
    over them, searched only where one of its verbs is in the sentence.  The test is by ``lower``,
    so only in ASCII text: ignoring case, the pattern's "s" matches "ſ" too, which ``lower`` keeps."""
    if text.isascii():
        lowered = text.lower()
        if not any(verb in lowered for verb in _PRONOUN_VERBS):
            return False
    return _PRONOUN_SAID.search(_outside_quotes(text)) is not None
_SAID = regex_cache.compile(
    r"\b(?:said|says|say|told|tells|wrote|writes|added|adds|stated|states|announced|explained|insisted|"
    r"argued|argues|warned|warns|claimed|claims|noted|replied|asked|continued|according\s+to|declared|"
    r"confirmed|admitted|recalled|urged|suggested|acknowledged|commented|tweeted|posted)\b",
    re.IGNORECASE,
)


# A double-quoted stretch, to the end of the text when it is not closed.
_DOUBLE_QUOTED = regex_cache.compile(r"[“\"][^”\"]*(?:[”\"]|$)")
_FIRST_WORD = regex_cache.compile(r"[\s(\[]*([A-Za-z][\w'’-]*)")


def first_word(text: str) -> str:
    """The sentence's first word, lower-cased, without opening marks."""
    match = _FIRST_WORD.match(text)
    return match.group(1).lower() if match else ""


def opens_with_back_pointer(text: str) -> bool:
    """Whether a sentence in the writer's voice opens with a word pointing back ("He", "This", "The move"),
    or has one as the subject after a short opening phrase ("In a letter to the board, the group wrote:")."""
    body = _after_connective(text).lstrip(" (")
    opening = _OPENING_PHRASE.match(body)
    if opening is not None and _points_back(body[opening.end() :]):
        return True
    return _points_back(body)


_OPENING_PHRASE = regex_cache.compile(
    r"(?:In|At|On|After|During|Before|Speaking|Writing|Asked|Later|While|Although|Though|Despite|Since|Because|When|As|If)"
    r"\b[^,.;:“\"]{0,60},\s+"
)


def _points_back(body: str) -> bool:
    word = first_word(body)
    if word in BACK_POINTERS:
        # "This year", "That night": a time, not a reference to the sentence before.
        following = body.split(None, 2)[1:2]
        return not (word in ("this", "that", "these", "those") and following and following[0].lower().strip(",.") in _TIMES)
    return _REFERENCE.match(body) is not None


def _after_connectives(text: str) -> str:
    """The sentence past its opening connectives, which may be dropped ("Since then, however, …")."""
    body = text.lstrip()
    position = 0
    while (match := _connective(body, position)) is not None:
        position = match.end()
    return body[position:]


def _after_connective(text: str) -> str:
    match = _connective(text.lstrip())
    return text.lstrip()[match.end() :] if match else text.lstrip()


#: Connectives that are also plain words ("So far", "Instead of", "Still the firm", "Then there were"):
#: they count as connectives only with a comma after them ("So, …", "Instead, …").
COMMA_ONLY = frozenset(
    "so then still yet instead later afterwards elsewhere separately besides otherwise thus hence "
    "likewise similarly".split()
)


def _connective(text: str, pos: int = 0) -> re.Match[str] | None:
    """The opening connective at ``pos``, if ``text`` has one there (see :data:`COMMA_ONLY`)."""
    match = _CONNECTIVE.match(text, pos)
    if match is None:
        return None
    word = " ".join(match.group("word").lower().split())
    if word in COMMA_ONLY and not match.group("comma"):
        return None
    return match


# "Regardless of the decrease, …", "Despite the move, …", "After that decision, …": an opening
# phrase about something a sentence before told of.  Its noun phrase is short and definite.
_DEPENDENT_OPENING = regex_cache.compile(
    r"""(?x)
    (?i:Regardless\s+of|Irrespective\s+of|Despite|In\s+spite\s+of|Notwithstanding|Because\s+of|Due\s+to|Owing\s+to|
       As\s+a\s+result\s+of|In\s+response\s+to|In\s+light\s+of|In\s+the\s+wake\s+of|After|Following|Since|Amid|Given)
    \s+(?P<det>the|this|that|these|those|such)\s+
    (?P<words>(?:[a-z][\w’'-]*\s+){0,2}(?P<head>[a-z][\w’'-]*))
    \s*,\s+(?=[A-Za-z])
    """
)
#: Nouns that, after "the" in such an opening, name an event or a figure told of before.
_EVENT_NOUNS = frozenset(
    """move decision announcement ruling verdict deal agreement plan proposal proposals change changes
    increase increases rise rises fall falls drop decline decrease decreases cut cuts reduction setback
    delay delays incident attack attacks crash accident controversy criticism row dispute scandal
    comments remarks statement claims allegations warning warnings news report findings figures result
    results measure measures ban vote defeat win victory loss losses resignation departure arrest arrests
    closure merger takeover bid offer request appeal complaint complaints protest protests strike
    strikes shooting killing killings death deaths""".split()
)


def dependent_opening(text: str, before: str | None = None) -> re.Match[str] | None:
    """The opening phrase (after any connectives) that points at something told before it:
    "Regardless of the decrease, …", "Despite this move, …", "After the ruling, …".

    A demonstrative ("this", "those") always points back (not a time: "After this week, …");
    "the" does when its noun names an event or a figure (:data:`_EVENT_NOUNS`) or is a word
    of ``before``, the sentence before it.  ``None`` in a speaker's voice or without one.
    """
    body = text.lstrip()
    if body[:1] in _OPENING_MARKS:
        return None
    position = 0
    while (connective := _connective(body, position)) is not None:
        position = connective.end()
    match = _DEPENDENT_OPENING.match(body, position)
    if match is None:
        return None
    head = match.group("head").lower()
    if head.rstrip("s") in _TIMES or head in _TIMES:
        return None
    if match.group("det") != "the" or head in _EVENT_NOUNS:
        return match
    if before is not None and _stem(head) in {_stem(w) for w in _LOWER_WORD.findall(before.lower())}:
        return match
    return None


def antecedent_lost(text: str, told: Sequence[tuple[str, str | None]]) -> bool:
    """Whether a sentence before told of what ``text``'s opening phrase is about ("the
    decrease") and the summary no longer does.  ``told``: the sentences just before, nearest
    first, each as (the original, the summary's version or ``None`` when dropped): the phrase
    is lost when an original says its noun and no kept version does (a cut took "which has
    seen a significant decrease" out, or the sentence that says it was dropped)."""
    match = dependent_opening(text)
    if match is None and told:
        match = dependent_opening(text, told[0][0])
    if match is None:
        return False
    head = _stem(match.group("head").lower())

    def says(t: str) -> bool:
        return head in {_stem(w) for w in _LOWER_WORD.findall(t.lower())}

    return any(says(original) for original, _ in told) and not any(shown is not None and says(shown) for _, shown in told)


@lru_cache(maxsize=1 << 16)  # kept per word, as compression's folds are: news repeats its words
def _stem(word: str) -> str:
    for ending in ("ings", "ing", "es", "s", "ed"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def opening_edit(sentence: Sentence, before: str | None = None) -> Edit | None:
    """Dropping an opening phrase that points at a dropped sentence ("Regardless of the
    decrease, the ACLU …" → "The ACLU …"), with any connectives before it and a capital for
    what follows: the sentence stays whole and says no more than it can stand behind."""
    text = sentence.text
    lead = len(text) - len(text.lstrip())
    match = dependent_opening(text, before)
    if match is None:
        return None
    end = lead + match.end()
    start = sentence.start + lead
    return Edit("opening_dropped", start, sentence.start + end + 1, text[lead : end + 1], text[end].upper())


def connective_edit(sentence: Sentence) -> Edit | None:
    """Dropping the sentence's opening connective ("But ", "However, "), with a capital for what follows.

    Only in the writer's voice (the sentence does not open with a quotation mark), and only
    when the rest starts with a letter or a digit, so the sentence stays whole.  Connectives
    stacked one after another ("Since then, however, …") are dropped together.
    """
    text = sentence.text
    lead = len(text) - len(text.lstrip())
    match = _connective(text, lead)
    if match is None:
        return None
    # Stacked connectives go together: "Since then, however, Fiat cars …" → "Fiat cars …".
    while (more := _connective(text, match.end())) is not None:
        match = more
    rest = text[match.end() :]
    if not rest[:1].isalnum():
        return None
    start = sentence.start + lead
    end = sentence.start + match.end() + 1
    old = text[lead : match.end() + 1]
    return Edit("connective_dropped", start, end, old, rest[:1].upper())


def dependencies(
    document: Document,
    boilerplate: Sequence[str | None],
    word_counts: Sequence[int],
    quotations: Sequence[Quotation],
    *,
    connectives: bool = True,
    named: Collection[int] = (),
    completed: Collection[int] = (),
    credits: dict[int, tuple[tuple[int, ...], Edit]] | None = None,
    speakerless: set[int] | None = None,
) -> tuple[tuple[int, ...], ...]:
    """For every sentence, the earlier sentences it needs in a summary (none: ``()``).

    A sentence needs the content sentence before it when, in the writer's voice, it opens with
    a pronoun or a reference to something just introduced ("He", "This", "The move",
    "Kraft's comments"), points at a time named before it ("… before then."), credits its quotation to a pronoun ("… ,” he said."), opens a
    quotation nobody is credited with, or (with ``connectives``, when no edit may drop it)
    opens with a connective ("But", "However"), or speaks of "this" or "these" something that
    the sentence before is the first to tell of (:func:`speaks_of_the_new`: "… have this mistake
    corrected").  A list item needs its heading line.
    Sentences in ``named`` have their pronoun replaced by the speaker's name
    (:func:`name_the_speaker`) and need nothing; sentences in ``completed`` have a surname
    completed in brackets (:func:`name_completions`) and do not need the sentence that
    introduced the person.  With ``credits`` (a dict to fill), a quotation or attribution that
    would need the sentences back to its speaker gets, where the speaker is named there, an
    edit that credits it in brackets instead (:func:`credit_the_quotation`): ``credits[i]`` is
    (the sentences it stands in for, the edit), and ``i`` needs nothing for its speaker.  With
    ``speakerless`` (a set to fill), a sentence opening a quotation whose speaker no sentence
    within :data:`SPEAKER_LOOKBACK` before it names is added: kept, it would read as the
    writer's words or the wrong speaker's.
    """
    sentences = document.sentences
    n = len(sentences)
    content = [boilerplate[i] is None and word_counts[i] > 0 for i in range(n)]
    inside_from_before = [False] * n  # the sentence opens inside a quotation begun earlier
    opens_quotation = [False] * n
    for q in quotations:
        for i in range(q.first_sentence + 1, q.last_sentence + 1):
            if q.start < sentences[i].start:
                inside_from_before[i] = True
        if q.depth == 0 and q.opening not in SINGLE_OPENINGS and not document.text[sentences[q.first_sentence].start : q.start].strip():
            opens_quotation[q.first_sentence] = True
    needs: list[tuple[int, ...]] = [()] * n
    previous: int | None = None
    heading: int | None = None
    history: list[int] = []  # the content sentences so far, in order
    first_named: dict[str, int] = {}  # a surname → the sentence that first gives the whole name
    titled: dict[str, frozenset[str]] | None = None  # found when a pronoun first needs a name
    first_mentions: dict[str, int] | None = None  # found when a demonstrative first needs it
    for i, sentence in enumerate(sentences):
        if not content[i]:
            continue
        if i in named:
            previous = i
            history.append(i)
            continue
        text = sentence.text
        paragraph = document.paragraphs[sentence.paragraph]
        first_of_paragraph = paragraph.first_sentence == i
        listed = first_of_paragraph and _opens_with_list_mark(document.text, paragraph.start, paragraph.end)
        introduced = None if i in completed else _introduction(sentence.text, i, first_named)
        if listed and heading is not None:
            needs[i] = (heading,)
        elif previous is not None and not inside_from_before[i]:
            stripped = text.lstrip()
            if stripped[:1] in _OPENING_MARKS:
                writer = _outside_quotes(text)
                if opens_quotation[i] and not is_lead_in(sentences[previous].text) and (
                    not _SAID.search(writer) or _PRONOUN_SAID.search(writer)
                ):
                    chain = _back_to_speaker(sentences, history)
                    credit = credit_the_quotation(document, i, chain) if credits is not None else None
                    if credit is not None and credits is not None:
                        credits[i] = (chain, credit)
                    else:
                        needs[i] = chain
                        if speakerless is not None and not _names_a_speaker(sentences[chain[-1]].text):
                            speakerless.add(i)
            elif (
                opens_with_back_pointer(text)
                or _pronoun_credited(text)
                or _points_to_then(text)
                or (not connectives and _connective(stripped))
                or (not connectives and dependent_opening(text, sentences[previous].text) is not None)
            ):
                credit = credit_the_quotation(document, i, (previous,)) if credits is not None else None
                if credit is None and credits is not None:
                    if titled is None:
                        titled = titled_surnames(document)
                    credit = name_the_pronoun(document, i, previous, titled)
                # The credit stands in only when its pronoun is all that points back ("He said …",
                # "… , they said."), not "This, he said, …" or an opening connective kept.
                opening = sentence.start + len(text) - len(stripped)
                if (
                    credits is not None
                    and credit is not None
                    and (credit.start == opening or not opens_with_back_pointer(text))
                    and (connectives or not _connective(stripped))
                    and not _points_to_then(text)
                ):
                    credits[i] = ((previous,), credit)
                else:
                    needs[i] = (previous,)
        if (
            not needs[i]
            and previous is not None
            and not inside_from_before[i]
            and (credits is None or i not in credits)
            and _quotes_without_speaker(text)
        ):
            # "The deficit and the shortfall with China “are big issues going forward”." after
            # "“…,” said Anthony Crescenzi.": the words are his, and only the sentence before says so.
            chain = _back_to_speaker(sentences, history)
            if _names_a_speaker(sentences[chain[-1]].text):
                needs[i] = chain
        if (
            not needs[i]
            and previous is not None
            and not inside_from_before[i]
            and (credits is None or i not in credits)
            and any(word in text for word in _DEMONSTRATIVE_WORDS)
        ):
            # "However, the new Cabir strains have this mistake corrected …" after "A mistake in
            # the way the original Cabir was written meant …": the thing is told of only there.
            if first_mentions is None:
                first_mentions = _first_mentions(document)
            if speaks_of_the_new(text, previous, first_mentions):
                needs[i] = (previous,)
        if introduced is not None and introduced not in needs[i]:
            needs[i] = (*needs[i], introduced)
        for match in _FULL_NAME.finditer(text):
            first_named.setdefault(match.group(2), i)
        if is_lead_in(text) and not opens_quotation[min(i + 1, n - 1)]:
            heading = i
        elif not listed and first_of_paragraph:
            heading = None
        previous = i
        history.append(i)
    return tuple(needs)


def _opens_with_list_mark(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` opens, after white space, with a list mark ("- ", "2) "): read
    in place, not from a copy of the paragraph (a text of one paragraph has thousands of sentences)."""
    while start < end and text[start].isspace():
        start += 1
    return _LIST_MARK.match(text, start, end) is not None


# "Ana Pereira", "Mr Tom Brandt": a name with the surname last.  Each of these name patterns opens
# with ``(?=[A-Z])``: every match starts with a capital, and the look-ahead turns every other word
# away before the alternatives after it are tried (the matches are the same; the search 1.6× faster).
_FULL_NAME = regex_cache.compile(r"\b(?=[A-Z])(?!(?:The|A|An|In|On|At|But|And|For|Of|This|That|These|Those|It|As|By|To|If|When)\b)([A-Z][a-z]+\.?)\s+(?:[A-Z]\.\s+)?([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
# "…," Pereira said. / said Pereira. / Mr Brandt said: a speaker called by surname alone.
_SURNAME_SPEAKER = regex_cache.compile(
    r"(?:(?<![A-Za-z] )(?<![A-Za-z]{2} )\b(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+"
    r"(?:said|says|told|added|wrote|argued|warned|insisted|explained)\b"
    r"|\b(?:said|says|added)\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s*[.,;])"
)
#: The verbs every :data:`_SURNAME_SPEAKER` match holds: a sentence with none is not searched.
_SURNAME_VERB = regex_cache.compile(r"said|says|told|added|wrote|argued|warned|insisted|explained")


def _surname_speakers(writer: str) -> Iterator[re.Match[str]]:
    """:data:`_SURNAME_SPEAKER` over the writer's words of a sentence, where they have a verb of saying."""
    return _SURNAME_SPEAKER.finditer(writer) if _SURNAME_VERB.search(writer) else iter(())


def _introduction(text: str, index: int, first_named: dict[str, int]) -> int | None:
    """The earlier sentence that introduced the person this one calls by surname alone ("Pereira said")."""
    if _SURNAME_VERB.search(text) is None:  # the writer's part only blanks the rest: no verb here, none there
        return None
    for match in _surname_speakers(_outside_quotes(text)):
        surname = match.group(1) or match.group(2)
        introduced = first_named.get(surname)
        if introduced is not None and introduced != index:
            return introduced
    return None


# "Trevor Manuel", "Ana M. Pereira": a given name before a surname (overlapping, so
# "Finance Minister Trevor Manuel" yields Manuel's given name "Trevor").
_GIVEN_SURNAME = regex_cache.compile(r"(?=[A-Z])(?=\b(?P<given>[A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?(?P<surname>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b)")
#: Capitalised words that are no given name: titles, offices and sentence openers.
_NOT_GIVEN = frozenset(
    """Mr Mrs Ms Miss Dr Sir Dame Lord Lady Prof Professor President Senator Governor Judge Mayor Minister
    Secretary Chancellor Chairman Chairwoman Chief Director Manager Coach Captain General Judge Justice Officer
    Inspector Sergeant Detective Bishop Pope King Queen Prince Princess Council Councillor Member Leader Mister
    The A An In On At But And For Of This That These Those It As By To If When While After Before Since Then
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
    September October November December New North South East West United Royal National""".split()
)


def name_completions(document: Document, content: Sequence[int]) -> dict[int, tuple[int, str, Edit]]:
    """For a sentence that calls a speaker by surname alone ("Pereira said", "Mr Manuel told"),
    the edit that completes the name in brackets ("[Ana] Pereira", "Mr [Trevor] Manuel") from
    the earlier sentence that gave it whole: sentence → (that sentence, the surname, the edit).

    The selector applies the edit only when that sentence is not in the summary, instead of
    keeping it for the name alone.
    """
    first_named: dict[str, tuple[int, str]] = {}  # a surname → the sentence that first gives it whole, its given name
    out: dict[int, tuple[int, str, Edit]] = {}
    for i in content:
        sentence = document.sentences[i]
        text = sentence.text
        # Masking only blanks: a sentence without a verb of saying has none once masked.
        writer = _mask_quotes(text) if _SURNAME_VERB.search(text) is not None else ""
        for match in _surname_speakers(writer):
            group = 1 if match.group(1) else 2
            surname, at = match.group(group), match.start(group)
            found = first_named.get(surname)
            if found is None or found[0] == i or re.search(rf"\b{re.escape(found[1])}\s+{re.escape(surname)}\b", text):
                continue
            start = sentence.start + at
            out[i] = (found[0], surname, Edit("name_completed", start, start, "", f"[{found[1]}] "))
            break
        for match in _GIVEN_SURNAME.finditer(text):
            if match.group("given") not in _NOT_GIVEN and match.group("surname") not in _NOT_GIVEN:
                first_named.setdefault(match.group("surname"), (i, match.group("given")))
    return out


def _mask_quotes(text: str) -> str:
    """The sentence with what is between double quotation marks blanked out, offsets kept.

    A sentence that opens inside a quotation begun in the sentence before ('… judgements," Mr
    Lee said.') has its closing mark first: what comes before that mark is blanked too."""
    tail = _closed_first(text)
    if tail is not None:
        text = " " * tail.end() + text[tail.end() :]
    return _DOUBLE_QUOTED.sub(lambda m: " " * len(m.group()), text)


# The words up to a first mark that can only close: "”", or a straight mark after the
# punctuation that ends a quotation and before a space or the end ('judgements," Mr Lee said').
_CLOSED_FIRST = regex_cache.compile(r'[^“”"]*(?:”|(?<=[,.!?…])"(?=\s|$))')


def _closed_first(text: str) -> re.Match[str] | None:
    """:data:`_CLOSED_FIRST` at the start of ``text``; not searched where no mark that can close is."""
    return _CLOSED_FIRST.match(text) if "”" in text or '"' in text else None


#: How far back a quotation with no speaker of its own looks for the sentence that names one.
SPEAKER_LOOKBACK = 3


def _names_a_speaker(text: str) -> bool:
    """Whether a sentence credits someone by name with words, or introduces a quotation (a colon lead-in)."""
    writer = _outside_quotes(text)
    return is_lead_in(text) or bool(_SAID.search(writer) and not _PRONOUN_SAID.search(writer))


# Verbs by which a sentence's own subject gives the words it quotes ("Standard Chartered sees “…”",
# "It blamed “…”", "the Halifax survey concluded that there was “…”"), beyond the verbs of saying.
_VOICING = regex_cache.compile(
    r"\b(?:describ\w+|call(?:s|ed|ing)?|dub(?:s|bed|bing)|brand(?:s|ed|ing)|label+(?:s|ed|ing)|term(?:s|ed)|quot\w+|"
    r"known\s+as|put\s+it|accus\w+|hail\w*|prais\w+|criticis\w+|criticiz\w+|complain\w*|blam\w+|"
    r"see(?:s|ing)?|saw|hop(?:es|ed|ing)|conclud\w+|predict\w*|promis\w+|vow\w*|pledg\w+|expect\w*|want\w*|"
    r"saying|telling|warning|urg\w+|arguing|insisting|adding|noting|reject\w*|deni\w+|deny\w*|attribut\w+|"
    r"specif\w+|statement|report\w*|survey|stud(?:y|ies)|poll|letter|according|think\w*|thought|feel\w*|felt|"
    r"believ\w+|agree\w*|maintain\w*|stress\w*|emphasi[sz]\w+|estimat\w+|forecast\w*|object\w*|"
    r"ask\w*|keen|point\w*\s+out|plans?|aim\w*|seeks?|sought|wish\w*|titled|entitled|named)\b",
    re.IGNORECASE,
)
_QUOTED_PASSAGE = regex_cache.compile(r"[“\"]([^”\"]+)[”\"]")


def _quotes_without_speaker(text: str) -> bool:
    """Whether a sentence in the writer's voice holds someone's words (a quoted passage of five
    words or more; shorter, a phrase; not a title such as “Action Plan for the Development of Italy”) and nothing in
    it says whose: no verb of saying, thinking or wanting, no statement or report, no colon."""
    if text.lstrip()[:1] in _OPENING_MARKS:
        return False
    passages = [
        words
        for m in _QUOTED_PASSAGE.finditer(text)
        if len(words := m.group(1).split()) >= 5 and not is_capitalised_title(words)
    ]
    if not passages:
        return False
    writer = _outside_quotes(text)
    return not (is_lead_in(text) or _SAID.search(writer) or _VOICING.search(writer))


def _back_to_speaker(sentences: Sequence[Sentence], history: Sequence[int]) -> tuple[int, ...]:
    """The sentences from the one before back to the nearest that credits someone with words.

    "Mr Lee said exports fell. Sales rose in Asia. “We are pleased.”": the quotation needs both
    sentences before it, so that the speaker is named and the sentences stay together.  When
    none names a speaker within :data:`SPEAKER_LOOKBACK`, the sentence before is enough.
    """
    chain: list[int] = []
    for j in reversed(history[-SPEAKER_LOOKBACK:]):
        chain.append(j)
        writer = _outside_quotes(sentences[j].text)
        if is_lead_in(sentences[j].text) or (_SAID.search(writer) and not _PRONOUN_SAID.search(writer)):
            return tuple(chain)
    return tuple(chain[:1])


_PRONOUN_SPEAKER = regex_cache.compile(
    r"\b(?:(?P<before>[Hh]e|[Ss]he|[Tt]hey)\s+(?:said|says|added|told|wrote|writes|explained|insisted|argued|warned|"
    r"claimed|stated|continued|replied|noted)|(?:said|says|added|told|wrote|explained|insisted|argued|warned|continued|"
    r"replied)\s+(?P<after>he|she|they)(?=\s*[.,;!?]|\s*$))\b"
)


def credit_the_quotation(document: Document, index: int, chain: Sequence[int]) -> Edit | None:
    """The bracketed credit that gives a sentence its speaker without the sentences ``chain``
    before it: "“…,” he said." → "“…,” [Mr Lee] said."; "“We are pleased.”" → "[Mr Lee said:] “We are pleased.”".

    The speaker is the named subject of a verb of saying in the farthest sentence of ``chain``
    (the one :func:`_back_to_speaker` stopped at); "he" and "she" take only a person's name.
    ``None`` when no speaker is named there or the sentence is not one of these forms: the
    selector then keeps the chain.
    """
    sentence = document.sentences[index]
    text = sentence.text
    masked = _mask_quotes(text)
    pronoun = _PRONOUN_SPEAKER.search(masked)
    lead = len(text) - len(text.lstrip())
    stripped = text.lstrip()
    if pronoun is None and (stripped[:1] not in _OPENING_MARKS or _SAID.search(masked)):
        return None
    if not chain:
        return None
    source = _outside_quotes(document.sentences[chain[-1]].text)
    if is_lead_in(document.sentences[chain[-1]].text) and not _NAMED_SPEAKER.search(source):
        return None
    kind = "any"
    if pronoun is not None:
        word = (pronoun.group("before") or pronoun.group("after")).lower()
        kind = _SUBJECT_PRONOUNS[word]
    name = _speaker_in(source, kind)
    if name is None:
        return None
    if pronoun is not None:
        group = "before" if pronoun.group("before") else "after"
        start = sentence.start + pronoun.start(group)
        return Edit("speaker_named", start, start + len(pronoun.group(group)), pronoun.group(group), f"[{name}]")
    start = sentence.start + lead
    return Edit("speaker_credited", start, start, "", f"[{name} {saying_verb(document, chain[-1])}:] ")


# "In a brief, the ACLU wrote:", "the union said in a statement": words that were written.
_WRITTEN = regex_cache.compile(
    r"\b(?:wrote|writes|written)\b|\bin\s+(?:a|an|the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:letter|report|statement|brief|filing|submission|email|e-mail|blog|post|article|essay|column|memo|note|paper|"
    r"press\s+release|release|tweet|message)\b",
    re.IGNORECASE,
)


def saying_verb(document: Document, naming: int | None) -> str:
    """The verb a bracketed credit uses: "wrote" where the sentence ``naming`` the speaker says
    the words were written (a report, a letter, a statement, "wrote"), else "said"."""
    if naming is None:
        return "said"
    return "wrote" if _WRITTEN.search(_outside_quotes(document.sentences[naming].text)) else "said"


def enter_quotation(document: Document, index: int, quotations: Sequence[Quotation], speaker: Speaker | None) -> tuple[Edit, ...] | None:
    """The edits that let a sentence of a quotation be kept without the sentences before it in the
    quotation (its lead-in, its earlier sentences): the opening mark where it starts inside the
    quotation ("“We will …"), and its speaker, named in brackets as the newsroom does, where the
    sentence does not name them itself ("[Mr Lee said:] “We will …", "“…,” [Mr Lee] said.").

    ``speaker`` is the sentence's voice (:mod:`summarizer.voices`).  ``None`` when the speaker is
    not known, or is credited to a pronoun that cannot take a name, or the sentence's own words
    open by pointing back ("They were …", "But we …"): the sentence then comes with the
    quotation from its start.
    """
    sentence = document.sentences[index]
    text = sentence.text
    stripped = text.lstrip()
    start = sentence.start + len(text) - len(stripped)
    if speaker is None or not stripped:
        return None
    # The speaker's "They were …", "But we …" point back at the words before, which the summary would not have.
    said = stripped.lstrip(_OPENING_MARKS)
    if opens_with_back_pointer(said) or _connective(said) is not None:
        return None
    edits: list[Edit] = []
    name = speaker.name[0].upper() + speaker.name[1:]
    begun = [
        q for q in quotations
        if q.depth == 0 and q.first_sentence < index <= q.last_sentence and q.start < sentence.start
    ]
    if speaker.start == speaker.end:
        # The verb: as the sentence naming the speaker, or the quotation's lead-in, has it ("They wrote:").
        lead_in = begun[0].first_sentence - 1 if begun and begun[0].first_sentence > 0 else None
        verb = saying_verb(document, speaker.via)
        if verb == "said" and lead_in is not None and is_lead_in(document.sentences[lead_in].text):
            verb = saying_verb(document, lead_in)
        edits.append(Edit("speaker_credited", start, start, "", f"[{name} {verb}:] "))
    elif speaker.via is not None:
        pronoun = document.text[speaker.start : speaker.end]
        if pronoun.lower() not in _SUBJECT_PRONOUNS:
            return None
        edits.append(Edit("speaker_named", speaker.start, speaker.end, pronoun, f"[{name}]"))
    if begun and not _well_marked(document, begun[0]):
        return None
    if begun and stripped[:1] not in _OPENING_MARKS:
        edits.append(Edit("quotation_opened", start, start, "", begun[0].opening))
    return tuple(sorted(edits, key=lambda e: (e.start, e.end)))


def titled_surnames(document: Document) -> dict[str, frozenset[str]]:
    """Every surname the article gives with a title ("Mr Blair", "Ms Pereira") → its titles, found once."""
    found: dict[str, set[str]] = {}
    for match in _TITLED.finditer(document.text):
        found.setdefault(match.group("surname"), set()).add(match.group("title").rstrip("."))
    return {surname: frozenset(titles) for surname, titles in found.items()}


def name_the_pronoun(
    document: Document, index: int, previous: int, titled: dict[str, frozenset[str]]
) -> Edit | None:
    """Replace an opening "He" or "She" with the person the sentence before names, in square
    brackets: "He told the parliament …" → "[Jack McConnell] told the parliament …".

    Only when the sentence before (``previous``, the content sentence just before) names exactly
    one person, as its subject (the name opens it, after any title or office in capitals, or
    it credits the person with words).  A person is a name with a title, or one the article
    gives with a title elsewhere (``titled``: :func:`titled_surnames`), and the title must not
    say the other sex ("Mr" for "She").  Otherwise ``None``: the selector keeps the sentence before.
    """
    sentence = document.sentences[index]
    text = sentence.text
    stripped = text.lstrip()
    match = _OPENING_PRONOUN.match(stripped)
    if match is None:
        return None
    pronoun = match.group("pronoun")
    writer = _outside_quotes(document.sentences[previous].text).strip()
    people: dict[str, tuple[int, str]] = {}  # surname → where the mention starts, the mention
    for found in _CAPITALISED.finditer(writer):
        surname = found.group()
        if _NEXT_NAME.match(writer, found.end()):
            continue  # "Ada" in "Ada Lund": the surname is the last name of the run
        before = _BEFORE_SURNAME.search(writer, 0, found.start())
        title = before.group("title") if before is not None else None
        given = before.group("given") if before is not None else None
        if given is not None and given in _NOT_GIVEN:
            given = None
        titles = set(titled.get(surname, ())) | ({title.rstrip(".")} if title else set())
        if not titles:
            continue
        if titles & (_HERS if pronoun == "He" else _HIS):
            return None
        start = found.start()
        if before is not None and (title or given):
            start = before.start("title") if title else before.start("given")
        people.setdefault(surname, (start, writer[start : found.end()]))
    if len(people) != 1:
        return None
    ((at, name),) = people.values()
    speaker = _speaker_in(writer, "person")
    if not (_CAPITALS_ONLY.fullmatch(writer[:at]) or (speaker is not None and name in speaker)):
        return None
    start = sentence.start + len(text) - len(stripped)
    return Edit("pronoun_named", start, start + len(pronoun), pronoun, f"[{name}]")


def _well_marked(document: Document, quotation: Quotation) -> bool:
    """Whether a quotation over several sentences reads as the quotation model has it: closed, and
    no sentence after its first opening with a quotation mark inside its paragraph.  Otherwise
    ("… address book. "The phone …": a paragraph break lost, straight marks toggled the wrong way)
    the model may have the quotation's start and end wrong, and none of it is kept from its middle."""
    if not quotation.closed:
        return False
    text = document.text
    if quotation.opening == '"':
        # A straight mark opens after white space and before a word, and closes after one.
        before, after = text[quotation.start - 1 : quotation.start], text[quotation.start + 1 : quotation.start + 2]
        if (before and not before.isspace()) or not after or after.isspace():
            return False
        if text[quotation.end - 2 : quotation.end - 1].isspace() or text[quotation.end : quotation.end + 1].isalnum():
            return False
    for i in range(quotation.first_sentence + 1, quotation.last_sentence + 1):
        sentence = document.sentences[i]
        opens_paragraph = document.paragraphs[sentence.paragraph].first_sentence == i
        if sentence.text.lstrip()[:1] in _OPENING_MARKS and not opens_paragraph:
            return False
    return True


def _speaker_in(writer: str, kind: str) -> str | None:
    """The last named subject of a verb of saying in ``writer`` (a sentence's own words), capitalised."""
    named = sorted([*_NAMED_SPEAKER.finditer(writer), *_NAMED_AFTER.finditer(writer)], key=lambda m: m.start("name"))
    for found in reversed([m.group("name").removesuffix(".") for m in named]):
        # "But Ian Shepherdson said": the connective is not part of the name.
        opening = _connective(found)
        name = found[opening.end() :] if opening is not None and found[opening.end() :][:1].isupper() else found
        if kind == "person" and not (
            re.match(_TITLES, name) or (len(name.split()) >= 2 and not name.lower().startswith("the "))
        ):
            continue
        if name.split()[0].lower() in BACK_POINTERS or name.split()[0].lower() in ("we", "i", "you"):
            continue
        return name[0].upper() + name[1:]
    return None


def _outside_quotes(text: str) -> str:
    """The writer's part of a sentence: what is not between double quotation marks (nor before
    the closing mark of a quotation the sentence opens inside: see :func:`_mask_quotes`)."""
    tail = _closed_first(text)
    if tail is not None:
        text = " " + text[tail.end() :]
    return _DOUBLE_QUOTED.sub(" ", text)


def is_headline(document: Document, index: int) -> bool:
    """Whether sentence ``index`` is the article's title line: a first paragraph of one line
    that does not end as a sentence does, with more of the article after it."""
    if index != 0 or len(document.paragraphs) < 2:
        return False
    paragraph = document.paragraphs[0]
    if paragraph.first_sentence != paragraph.last_sentence:
        return False
    text = document.sentences[0].text.rstrip()
    return bool(text) and "\n" not in text and text[-1] not in ".!?…”\"’:;"


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# "WASHINGTON, DC – ", "ST. LOUIS – ", "Baghdad (Reuters) – ", "LONDON, March 3 – ", "Paris, Jan. 5 (AFP) — ":
# a place (in capitals, or named before an agency or a date), then a dash, before the news.
_LEAD_DATELINE = regex_cache.compile(
    r"""(?x)
    (?:
      [A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+){0,3}                 # a place in capitals
        (?:,[ \t]+[A-Z][A-Za-z.]*(?:[ \t]+[A-Z][A-Za-z.]*)?)?        # its state or country
        (?:,[ \t]+MONTH[ \t]+\d{1,2})?
        (?:[ \t]*\([A-Z][\w.&-]*(?:[ \t]+[A-Z][\w.&-]*){0,2}\))?
    | [A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}                         # a place in capitals and small letters
        (?:,[ \t]+[A-Z][A-Za-z.]*(?:[ \t]+[A-Z][A-Za-z.]*)?)?
        (?:,[ \t]+MONTH[ \t]+\d{1,2}(?:[ \t]*\([A-Z][\w.&-]*(?:[ \t]+[A-Z][\w.&-]*){0,2}\))?
          |[ \t]*\([A-Z][\w.&-]*(?:[ \t]+[A-Z][\w.&-]*){0,2}\))     # … only with a date or an agency
    | \([A-Z][\w.&-]*(?:[ \t]+[A-Z][\w.&-]*){0,2}\)                # "(CNN) -- "
    )
    [ \t]*(?:--|—|–|-)[ \t]+(?=[A-Z“"‘'])
    """.replace("MONTH", _MONTH)
)


def dateline_edit(sentence: Sentence) -> Edit | None:
    """Cutting the dateline that opens the lead ("WASHINGTON, DC – The ACLU …" → "The ACLU …"):
    where and from whom the story was filed is not part of its news."""
    text = sentence.text
    lead = len(text) - len(text.lstrip())
    match = _LEAD_DATELINE.match(text, lead)
    if match is None or len(text[match.end() :].split()) < 4:
        return None
    start = sentence.start + lead
    return Edit("dateline_cut", start, sentence.start + match.end(), text[lead : match.end()], "")


#: How many content sentences a feature opening may run to before the lead: past them, the
#: first is the lead after all (the whole piece is in the writer's own voice).
FEATURE_LOOKAHEAD = 3
# "My mom was …", "You can now buy …", "Upon arrival at the airport, you are greeted …": the
# writer speaking as "I" or to "you" as the subject, not "a screen near you" in passing.
_PERSONAL_SUBJECT = regex_cache.compile(
    r"(?:[^,.;:?!]{0,120},\s+)?(?:You|you|Your|your|I|My|my)\b(?!['’]\w)(?!\s*[,.;:!?])|I['’](?:m|ve|d|ll)\b"
)


def is_feature_opening(text: str) -> bool:
    """Whether a sentence opens a feature rather than tells news: in the writer's own words it
    asks a question ("Would you believe …?", "Bored of your surroundings?") or has "I" or
    "you" for its subject ("My mom was always sports mad", "Upon arrival …, you are greeted …")."""
    writer = _outside_quotes(text).strip()
    if not writer:
        return False
    if writer.rstrip("”’\"' )").endswith("?"):
        return True
    return _PERSONAL_SUBJECT.match(writer) is not None


def find_lead(document: Document, content: Sequence[int]) -> int | None:
    """The article's lead: its first content sentence that is not the title line, past a
    feature opening (:func:`is_feature_opening`) of up to :data:`FEATURE_LOOKAHEAD` sentences."""
    candidates = [i for i in content if not is_headline(document, i)]
    for i in candidates[:FEATURE_LOOKAHEAD]:
        text = document.sentences[i].text
        if not is_feature_opening(text):
            # "It is what happens …", "But …" lean on the opening: it is the lead after all.
            if i != candidates[0] and (opens_with_back_pointer(text) or _connective(text.lstrip()) is not None):
                break
            return i
    return candidates[0] if candidates else None


# ---------------------------------------------------------------------------
# Naming the speaker: "They wrote:" → "[The ACLU] wrote:", the newsroom's clarification.

_SUBJECT_PRONOUNS = {"they": "any", "he": "person", "she": "person"}
# "They wrote:", "He said in a statement:", "She told reporters after the vote:".
_LEAD_IN = regex_cache.compile(
    r"(?P<pronoun>They|He|She)\s+(?:\w+ly\s+)?(?:also\s+)?\w+(?:\s+(?:in|on|to|at)\s+[\w’' ]{1,40}"
    r"|\s+(?:reporters|journalists|the\s+\w+)(?:\s+(?:after|before|at|in|on)\s+[\w’' ]{1,30})?)?\s*:\s*"
)
# A title as a whole word: "Dr" and "Dr." but not "Drax".
_TITLES = r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Prof|Professor|President|Senator|Governor|Judge|Mayor)(?:\.|\b)"
_SAYING_VERBS = (
    r"(?:said|says|wrote|writes|told|tells|argued|argues|added|adds|stated|states|believes|claims|claimed|"
    r"warned|warns|insisted|insists|explained|noted|notes|point(?:s|ed)?\s+out|announced|disagreed|agreed|replied|"
    # a say that disputes ("Maria Ellison blasted the bill", "the firm denied it"): the finite forms
    + "|".join(sorted((v for v in dispute_verbs() if v.endswith(("s", "d"))), key=lambda v: (-len(v), v)))
    + r")\b"
)
_NAMED_SPEAKER = regex_cache.compile(
    r"(?:^\s*|[,;–—]\s*|\b(?:while|when|as|after|and|but|in\s+a\s+\w+,)\s+)"
    r"(?P<name>(?:[Tt]he\s+)?[A-Z][\w’'.&-]*(?:\s+(?:of\s+)?[A-Z][\w’'.&-]*){0,4}"
    # "The union said", "A group of harbour traders disagreed": a description in lower case.
    r"|[Tt]he\s+[a-z]+(?:\s+[a-z]+)?|[Aa]\s+(?:group|number)\s+of\s+[a-z]+(?:\s+[a-z]+)?)"
    # "Mr Lee, the chief executive, said": the name, then an appositive between commas;
    # "Kirsten Pfeifer from the Consumer Electronics Association, told": then where they work.
    r"(?:,\s+[^,;:“”\"]{1,60},|\s+(?:from|at)\s+(?:the\s+)?[A-Z][\w’'.&-]*(?:\s+(?:of\s+)?[A-Z][\w’'.&-]*){0,5},?)?\s+"
    r"(?:(?:does|do|did|has|have|had|also|\w+ly)\s+){0,2}" + _SAYING_VERBS
)
# "“…,” said Anthony Crescenzi, a bond strategist.": the verb before the name (not "said Monday").
_NAMED_AFTER = regex_cache.compile(
    r"\b(?:said|says|added|adds|wrote|writes|explained|warned|insisted|argued|noted|replied)\s+"
    r"(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b)"
    r"(?P<name>(?:[Tt]he\s+)?[A-Z][\w’'.&-]*(?:\s+(?:of\s+)?[A-Z][\w’'.&-]*){0,4})(?=\s*(?:[,.;!?]|$))"
)
_SAYING = regex_cache.compile(r"\b" + _SAYING_VERBS)
# "He", "She" opening a sentence in the writer's voice, before a word in lower case ("He told …").
_OPENING_PRONOUN = regex_cache.compile(r"(?P<pronoun>He|She)\s+(?=[a-z])")
_PERSON_TITLES = r"Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Prof|Professor"
# A word that may be a surname, and what may stand before it: a title, a given name ("Mr Blair", "Dr Ana Pereira", "Jack McConnell").
_CAPITALISED = regex_cache.compile(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")
_NEXT_NAME = regex_cache.compile(r"\s+[A-Z][a-z]")
_BEFORE_SURNAME = regex_cache.compile(rf"(?:(?P<title>(?:{_PERSON_TITLES})\.?)\s+)?(?:(?P<given>[A-Z][a-z]+)\s+)?\Z")
_TITLED = regex_cache.compile(rf"\b(?P<title>(?:{_PERSON_TITLES})\.?)\s+(?:[A-Z][a-z]+\s+)?(?P<surname>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
_HIS = frozenset("Mr Sir Lord".split())
_HERS = frozenset("Mrs Ms Miss Dame Lady".split())
# Nothing but words in capitals (titles, offices: "Prime Minister ") before a name.
_CAPITALS_ONLY = regex_cache.compile(r"(?:[A-Z][\w’'.-]*\s+)*")


def name_the_speaker(document: Document, index: int, *, lookback: int = 8) -> Edit | None:
    """Replace a lead-in's pronoun subject ("They wrote:") with its speaker in square brackets.

    The speaker is the named subject of the nearest earlier sentence that credits someone
    with words or a view ("the ACLU wrote", "Maria Quayle said"), within ``lookback``
    sentences; "he" and "she" take only a person's name (a title, or two or more names).
    Nothing is done when no such subject is found: the selector then keeps the sentence
    before instead.
    """
    sentence = document.sentences[index]
    text = sentence.text.strip()
    match = _LEAD_IN.fullmatch(text)
    if match is None or len(text.split()) > 8:
        return None
    kind = _SUBJECT_PRONOUNS[match.group("pronoun").lower()]
    for earlier in range(index - 1, max(-1, index - 1 - lookback), -1):
        writer = _outside_quotes(document.sentences[earlier].text)
        label = _speaker_in(writer, kind)
        if label is not None:
            start = sentence.start + (len(sentence.text) - len(sentence.text.lstrip()))
            pronoun = match.group("pronoun")
            return Edit("speaker_named", start, start + len(pronoun), pronoun, f"[{label}]")
        if _SAYING.search(writer):
            return None  # the nearest one to say something is not named: no guessing further back
    return None
