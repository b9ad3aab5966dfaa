"""Compressing kept sentences: the cuts a careful sub-editor makes, each a recorded edit.

Deletion-based sentence compression by rules, so that every cut is shown in the diff and
can be checked.  Seven kinds, and only these:

* ``aside``: a parenthetical in round brackets ("the firm (a supplier to the army) said"),
  or between a pair of dashes ("the firm – a supplier to the army – said").  A bracketed
  acronym that glosses the words before it ("the Office for National Statistics (ONS)") is
  an aside too, cut only when the acronym is not used elsewhere in the summary.
* ``appositive``: ", the former minister,", ", chief executive of Acme,", ", one of the oldest
  firms," or ", Acme's finance chief," after a name.  A
  speaker's ("Jane Harrow, the minister, said") says who is speaking: kept, unless the summary
  says every content word of it elsewhere.
* ``relative_clause``: a non-restrictive relative clause between commas (", who lives
  nearby,", ", which makes toys,"), or one that ends the sentence (", which surprised many.");
  not a ", who …" after an attribution (it describes the speaker).  A restrictive one has no
  commas and is never touched.
* ``trailing_phrase``: a participle phrase that ends the sentence (", prompting fears of a
  strike."); never one that reports speech or limits the claim ("saying", "excluding", "starting").
  A summing-up appositive that gives an unnamed side's verdict (", a move critics say turns the
  county into a magnet for …") is cut the same way: the writer's comment by proxy.
* ``example``: an example list that ends the sentence (", such as trains and buses.").
* ``opening``: a phrase before the subject whose every content word the summary says elsewhere
  ("After the long debate, the council agreed" → "The council agreed"); never a time ("Last
  month,") nor a condition ("if", "when", "unless" do not open a cuttable phrase).
* ``split``: a sentence becomes two or more at its semicolons ("…; he left." → "…. He left."),
  or at ", but" or a bare "but" before a subject and verb ("…, but it failed." → "…. But it
  failed."), or at ", and", ", while", ", whereas" or a lone dash before a new subject and verb
  (the joining word deleted).  Where ", and" or ", but" (or a bare "and" before an auxiliary)
  goes on with a second verb of the sentence's own subject, the subject is said again in square
  brackets, an insertion the diff shows ("Ferrylink employs 900 people on the islands and has
  bought a rival firm." → "Ferrylink employs 900 people on the islands. [Ferrylink] has bought
  a rival firm."; a role before a name is not said again: "Chief executive Ann Lee" → "[Ann
  Lee]"; a past form before "to" is such a verb: "refused to comment, but said …"; an indefinite subject comes back definite: "A spokeswoman …" → "[The
  spokeswoman …]"); a speaker's ", adding that" (or ", but added that", ", and added that")
  reads as a sentence of its own ("The mayor said …, adding that …" → "The mayor said …. [The
  mayor] added that …"); a bare "and" between two plain main clauses, the second opening with a
  name or a determined noun and a verb told for certain ("… in May and Acme was sold …" → "…
  in May. Acme was sold …"); and a final ", which" or ", who" clause whose verb comes first,
  after a whole object, becomes a sentence about its antecedent, said again in brackets ("…
  sold the pier to Ferrylink, which runs the ferries." → "… to Ferrylink. [Ferrylink] runs the
  ferries."), a split where the relative clause cut would lose its fact.  Never inside a
  quotation or across one, never where the second part would lose its
  speaker, never into a part that is no clause (a list's item, a participle, "but that …").

A cut never takes a number (digits or number words), a negation, an attribution ("according
to …", "she said"), a name (a capitalised word) not said elsewhere in the summary or in what
is left of the sentence, or anything inside or touching quotation marks; and it never takes
what looks like part of a list (a closing comma followed by "and", or a list's next item).
What is left reads as a sentence: the deletion takes one of its commas or dashes with it, so
the spacing and punctuation stay whole (:func:`summarizer.edits.apply_edits` folds spaces).
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Sequence
from functools import lru_cache
from itertools import islice

from summarizer import regex_cache
from summarizer.model import Document, Edit, Sentence
from summarizer.quotes import touches

#: The kinds of edit this module makes.
KINDS = ("aside", "appositive", "relative_clause", "trailing_phrase", "example", "opening", "split")

#: A cut leaves at least this many words in the sentence.
MIN_WORDS_LEFT = 5
#: The longest aside, appositive or relative clause cut, in words: a longer one is the point of the sentence.
MAX_CUT_WORDS = 15
#: Each side of a semicolon split has at least this many words.
MIN_SPLIT_WORDS = 4

_NUMBER_WORDS = frozenset(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
    hundreds thousand thousands million millions billion billions trillion dozen dozens half quarter
    percent per cent first second third fourth fifth sixth seventh eighth ninth tenth once twice
    double triple quadruple""".split()
)
_NEGATIONS = frozenset(
    "not no never none nobody nothing neither nor cannot without hardly barely scarcely nowhere".split()
)
_ATTRIBUTIONS = frozenset(
    """said says say saying told tell tells according reported reports reportedly claimed claims claim
    stated states added adds announced announces explained explains noted notes wrote writes insisted
    insists argued argues warned warns confirmed confirms denied denies alleged allegedly suggested
    suggests believes believed thinks thought quoted spokesman spokeswoman spokesperson asked argue believe
    predict predicts predicted forecast forecasts estimate estimates expects insist fear feared""".split()
)
#: Capitalised words that are not names: a cut that holds them takes no name.
_NOT_NAMES = frozenset(
    """the a an this that these those it its he she they his her their we our i in on at of for and but
    or mr mrs ms dr however meanwhile indeed instead separately also still yet now today yesterday last
    earlier later finally so thus therefore moreover furthermore nevertheless similarly overall elsewhere
    again here there then""".split()
)
#: Words that start a phrase before the subject: a name in it is not the subject an appositive follows.
_INTRODUCTORY = frozenset(
    """in on at for with after before during since across from under over by within outside inside
    near as when while although though if because despite once until unlike like among amid following
    against between through throughout without to after soon just""".split()
)
_DAYS_MONTHS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december""".split()
)
_LIST_OR_JOIN = frozenset("and or but nor".split())
_LIST_NEXT = frozenset("a an the".split())
#: The longest appositive cut, in words.
MAX_APPOSITIVE_WORDS = 10
_DETERMINERS = "the|a|an|his|her|its|their|our"

_WORD = regex_cache.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_CAPITALISED = regex_cache.compile(r"\b[A-Z][\w'’\-]*")
_DOUBLE_QUOTES = frozenset('"“”«»')
_BRACKET = regex_cache.compile(r" \(([^()]{1,200})\)")
# A dash between spaces: en or em dash, a double hyphen, or a hyphen standing alone.
_DASH = regex_cache.compile(r" ?— ?| – | -- | - ")


def _may_have_dash(text: str) -> bool:
    """Whether :data:`_DASH` may match in ``text`` (a test cheaper than the search)."""
    return "—" in text or " – " in text or " -" in text
#: Words that open a role said of a name without a determiner (", chief executive of Acme,").
_ROLES = (
    "chief|head|director|chairman|chairwoman|chair|president|vice-president|leader|minister|secretary|manager"
    "|coach|editor|founder|co-founder|owner|professor|captain|deputy|senior|former|spokesman|spokeswoman"
)
#: ", one of the …" and ", Acme's …" open an appositive too ("Mittal, one of the biggest steel firms,",
#: "Ann Lee, Acme's finance chief,").
_APPOSITIVE = regex_cache.compile(
    rf", (?:(?:{_DETERMINERS}) |(?:{_ROLES})\b|one of (?:{_DETERMINERS}) |(?-i:[A-Z][\w-]*['’]s (?=[a-z])))[^,;:()–—\"“”]*?,",
    re.IGNORECASE,
)
_POSSESSIVE_OPENING = regex_cache.compile(r", [A-Z][\w-]*['’]s [a-z]")
_RELATIVE = regex_cache.compile(r", (?:who|which|whose) (?:(?! - | -- )[^,;:()–—\"“”])+?,")
_ACRONYM = regex_cache.compile(r"[A-Z][A-Z&]{1,7}s?")


def compress_edits(
    document: Document,
    sentence: Sentence,
    quoted: tuple[tuple[int, int], ...],
    *,
    known: Container[str] = frozenset(),
    lower: Container[str] | None = None,
    said: Container[str] = frozenset(),
) -> tuple[Edit, ...]:
    """The cuts that compress ``sentence`` (see the module docstring).

    Args:
        document: the document.
        sentence: the sentence to compress.
        quoted: the document's quoted spans (:func:`summarizer.quotes.quoted_spans`); a cut
            never touches them.
        known: the names (capitalised words) said elsewhere in the summary; a cut that takes
            a name not among them, nor left in the sentence, is not made.  By default every
            name counts as unknown except those left in the sentence.
        lower: the words the document writes in lower case (:func:`lower_case_words`), when
            the caller has them; a capitalised word among them is not a name.
        said: the content words (:func:`content_words`) said elsewhere in the summary: an
            opening phrase is cut, and a speaker's role repeated, only when every content word
            of it is among them.  By default nothing counts as said, and neither is cut.
            ``known`` and ``said`` are only asked ``x in …``: the selector reuses a sentence's cuts
            where its containers answer those questions alike (``summarizer.select.cut.Cutter``).

    Returns:
        Non-overlapping edits, in order, each within the sentence.
    """
    if not _may_compress(sentence.text):
        return ()
    text = document.text
    if lower is None:
        lower = lower_case_words(text)
    acronyms: dict[Edit, str] = {}
    candidates: list[Edit] = []
    for edit, acronym in _asides(document, sentence):
        candidates.append(edit)
        if acronym is not None:
            acronyms[edit] = acronym
    candidates += [
        *_appositives(sentence, lower, said),
        *_relative_clauses(sentence),
        *_final_relative_clause(sentence),
        *_trailing_phrases(sentence),
        *_opening(sentence, said),
    ]
    candidates = [
        e for e in candidates
        if not touches(quoted, e.start, e.end)
        and not _in_open_quotation(sentence, e.start, e.end)
        and (e in acronyms or _cut_is_safe(e.text) or (e.kind == "trailing_phrase" and _is_verdict_appositive(e.text)))
        and (_dashed(e) or _no_list_after(text, e.end, sentence.end))
    ]
    cuts: list[Edit] = []
    for edit in sorted(candidates, key=lambda e: (e.start, -(e.end - e.start))):
        if cuts and edit.start < cuts[-1].end:
            continue
        cuts.append(edit)
    cuts = _keep_names(sentence, cuts, known, acronyms)
    while cuts and _words_left(sentence, cuts) < MIN_WORDS_LEFT:
        cuts.pop(max(range(len(cuts)), key=lambda j: cuts[j].end - cuts[j].start))
    splits = _splits(sentence, quoted, cuts)
    return tuple(sorted([*cuts, *splits], key=lambda e: (e.start, e.end)))


def _dashed(edit: Edit) -> bool:
    """Whether a cut is an aside between a pair of dashes: what follows its closing dash ("- … - and
    is forecast to …") goes on with the sentence, not a list's next item (the dashes mark it off)."""
    return edit.kind == "aside" and edit.text.lstrip()[:1] in "–—-" and edit.text.rstrip()[-1:] in "–—-"


def _may_compress(text: str) -> bool:
    # Cheap test first: most sentences hold no bracket, dash, semicolon or comma-clause.
    return any(mark in text for mark in ("(", " –", "—", " -", "--", ";", ", ", " and ", " but "))


def _asides(document: Document, sentence: Sentence) -> Iterable[tuple[Edit, str | None]]:
    """Bracketed and dashed asides, each with the acronym it is when it glosses the words before it."""
    text, base = sentence.text, sentence.start
    for match in _BRACKET.finditer(text) if " (" in text else ():
        if not text[: match.start()].strip():
            continue
        inner = match.group(1)
        start, end = base + match.start(), base + match.end()
        if _ACRONYM.fullmatch(inner):
            # Glossing the words before it: kept when the acronym is the summary's way to name it.
            if _glosses(text[: match.start()], inner):
                yield Edit("aside", start, end, document.text[start:end]), inner
            continue
        if not any(w.islower() for w in _WORD.findall(inner)):
            continue  # "(Johnson)": a name the writer put in, which the words around it may need
        yield Edit("aside", start, end, document.text[start:end]), None
    dashes = list(_DASH.finditer(text)) if _may_have_dash(text) else []
    # Only a single pair of dashes: three or more are a list or a dateline's dash plus an aside.
    # A dash that opens a line is a list item's marker ("the firms\n - misled buyers\n - hid…").
    if len(dashes) == 2 and all(text[text.rfind("\n", 0, d.start()) + 1 : d.start()].strip() for d in dashes):
        first, second = dashes
        before = text[: first.start()]
        if len(_WORD.findall(before)) >= 2 and not before.rstrip().endswith(")") and text[second.end() :].strip():
            # The space the cut leaves between the words is its replacement (an em dash may have none).
            start, end = base + first.start(), base + second.end()
            inner = text[first.end() : second.start()].strip()
            if inner.split(" ", 1)[0].lower() in _LIST_OR_JOIN:
                return  # "identify - and break the arms of - a man": a second verb of the sentence, not an aside
            following = _WORD.findall(text[second.end() :])[:1]
            if "," in before and following and following[0].lower() in _ATTRIBUTIONS:
                return  # "Ann Lee, head of the Acme Bank - one of its lenders - said": the dash closed the appositive too
            # "When the call is passed on – to a manager – rates rise": the dash closed the opening clause too.
            opening = _WORD.match(before.lstrip())
            gap = ", " if opening and opening.group().lower() in _SUBORDINATORS and "," not in before else " "
            yield Edit("aside", start, end, document.text[start:end], gap), inner if _ACRONYM.fullmatch(inner) else None


#: Words that open a subordinate clause before the main one ("When …, rates rise").
_SUBORDINATORS = frozenset("when if as after before although though while whilst because since until unless once whereas".split())


def _glosses(before: str, acronym: str) -> bool:
    letters = acronym.rstrip("s").replace("&", "")
    capitals = [w[0] for w in _WORD.findall(before) if w[:1].isupper()]
    return len(capitals) >= len(letters) and "".join(capitals[-len(letters) :]) == letters


def _appositives(sentence: Sentence, lower: Container[str], said: Container[str]) -> Iterable[Edit]:
    text, base = sentence.text, sentence.start
    for match in _APPOSITIVE.finditer(text):
        before = text[: match.start()]
        name = re.search(r"([A-Z][\w'’\-]*)\W*$", before)
        if name is None or name.end(1) != len(before) or not (_is_name(name.group(1), lower) or _proper_run(before)):
            continue
        first = _WORD.match(before.lstrip(" \"“‘'("))
        opening_phrase = "," not in before and first is not None and first.group().lower() in _INTRODUCTORY
        if opening_phrase:
            continue
        after = text[match.end() :].lstrip()
        next_word = _WORD.match(after)
        if next_word is None or next_word.group().lower() in ("who", "which", "whose", "where", "that"):
            continue
        if not _sentence_goes_on(after):
            continue  # "The Kyrgyz Republic, a small, mountainous state": the comma was inside the appositive
        if len(_WORD.findall(match.group())) > MAX_APPOSITIVE_WORDS:
            continue
        if re.search(r"\b(?:which|who|that)\b", match.group()) and not _main_verb_next(text[match.end() :]):
            # ", a web album which lets people upload, tag, …": its clause goes on past the comma.  Not
            # where the main clause's verb follows (", the company that owns the track, worked …").
            continue
        if (
            not re.match(rf", (?:{_DETERMINERS}|one of) ", match.group(), re.IGNORECASE)
            and match.group()[2].isupper()
            and not _POSSESSIVE_OPENING.match(match.group())
        ):
            continue  # ", Chief Constable Ann Lee,": a title before a name, not a role after one
        # "Jane Harrow, the health minister, said …": a speaker's role says who is speaking; kept
        # unless the summary says it already (every content word of it said elsewhere).
        near = [w.lower() for w in _WORD.findall(after)[:3]] + [w.lower() for w in _WORD.findall(before)[-4:-1]]
        if any(w in _ATTRIBUTIONS for w in near) and not _all_said(match.group(), said):
            continue
        # ", the minister," → delete ", the minister" and the comma; the space before the verb stays.
        start, end = base + match.start(), base + match.end()
        yield Edit("appositive", start, end, text[match.start() : match.end()])


def _sentence_goes_on(after: str) -> bool:
    """Whether what follows an appositive's closing comma is the sentence going on: a verb, an
    adverb, a small word or a name; not a lower-case word that could go on with the appositive
    (", a small, mountainous state": an adjective list)."""
    found = _WORD.findall(after)[:2]
    if not found:
        return False
    word = found[0]
    lower = word.lower()
    if not word.islower() or lower in _STOPWORDS or lower in _INTRODUCTORY or lower in _VERB_ADVERBS:
        return True
    if lower in _ATTRIBUTIONS or lower in _AUXILIARIES or lower in _FINITE or lower in _PAST_ONLY:
        return True
    if lower.endswith("ly") and len(found) > 1:
        # "recently joined" goes on; "hilly state" does not.
        verb = found[1]
        return verb in _AUXILIARIES or verb in _FINITE or verb in _PAST_ONLY or verb.endswith("ed") or _present_s(verb)
    if lower.endswith("ed"):
        # "resigned in May", "joined a charity" go on; "crowded island" does not.
        return len(found) < 2 or found[1].lower() in _STOPWORDS or found[1].lower() in _INTRODUCTORY
    return _present_s(word) or _main_verb_next(after)


def _main_verb_next(after: str) -> bool:
    """Whether the words after an appositive's closing comma open with a finite verb (an
    auxiliary or a past form: "has said", "worked through"), the main clause going on."""
    found = _WORD.findall(after)[:3]
    k = 1 if found and found[0].lower() in _VERB_ADVERBS else 0
    if len(found) < k + 2 or not found[k].islower():
        return False
    return found[k] in _AUXILIARIES or found[k] in _PAST_ONLY or _verb_at(["", *found[k:]], 1)


def _proper_run(before: str) -> bool:
    """Whether the text before a comma ends in a name of capitalised words whose last is a common
    noun ("Hallam Civic Trust", "Westmoor Health Board"): two or more, none a small word."""
    run = re.search(r"(?:^|[^\w'’-])((?:[A-Z][\w'’-]* )+[A-Z][\w'’-]*)$", before)
    if run is None:
        return False
    words = run.group(1).split()
    named = [w for w in words if w.lower() not in _NOT_NAMES and w.lower() not in _DAYS_MONTHS]
    return len(named) >= 2 and named == words[len(words) - len(named) :]


def _is_name(word: str, lower: Container[str]) -> bool:
    """A capitalised word the document never writes in lower case, and not a day or month."""
    folded = word.lower()
    return folded not in _NOT_NAMES and folded not in _DAYS_MONTHS and folded not in lower


def lower_case_words(text: str) -> frozenset[str]:
    """The words ``text`` writes in lower case: a capitalised word among them is no name."""
    # A stretch of text at a time, cut at a space (no word holds one): a list of every word of a
    # long document would be its biggest structure, and a word at a time costs a step of Python each.
    found: set[str] = set()
    start = 0
    while start < len(text):
        cut = text.find(" ", start + _STRETCH)
        end = len(text) if cut < 0 else cut
        found.update(filter(str.islower, _WORD.findall(text, start, end)))
        start = end
    return frozenset(found)


#: How many characters at least :func:`lower_case_words` reads at a time.
_STRETCH = 1 << 16


def _relative_clauses(sentence: Sentence) -> Iterable[Edit]:
    text, base = sentence.text, sentence.start
    for match in _RELATIVE.finditer(text):
        if not _WORD.search(text[: match.start()]):
            continue
        if len(_WORD.findall(match.group())) < 3:
            continue
        start, end = base + match.start(), base + match.end()
        if _comma_stays(text[: match.start()], text[match.end() :]):
            # ", government research found." or "Speaking on TV, …, he said": the closing comma sets off more than the clause.
            end -= 1
        yield Edit("relative_clause", start, end, sentence.text[match.start() : end - base])


#: A clause's words: no comma, colon, bracket, quotation mark or dash ("- means …" closes an aside it sits in).
_CLAUSE_BODY = r"(?:(?! - | -- )[^,;:()–—\"“”])+?"
_FINAL_RELATIVE = regex_cache.compile(rf", (?:who|which|whose) {_CLAUSE_BODY}(?=[.!?]$)")


def _final_relative_clause(sentence: Sentence) -> Iterable[Edit]:
    """", which surprised the board." or ", who joined in May." that ends the sentence.  One that
    describes the speaker of an attribution before it ("…, said Ann Lee, who runs the shop.") is kept."""
    text, base = sentence.text.rstrip(), sentence.start
    for match in _FINAL_RELATIVE.finditer(text):
        before = text[: match.start()]
        if len(_WORD.findall(match.group())) < 3 or len(_WORD.findall(before)) < MIN_WORDS_LEFT:
            continue
        if match.group().startswith(", who") and any(w.lower() in _ATTRIBUTIONS for w in _WORD.findall(before)):
            continue
        if _WORD.findall(before)[0].lower() in _SUBORDINATORS:
            continue  # "While the minister has worked on ending it, …, which has seen …": the clause may be all the main clause there is
        if _list_before(before):
            continue
        if any(e.start == base + match.start() for e in _split_at_relative(sentence)):
            continue  # it reads as a sentence of its own: split, no fact is lost
        yield Edit("relative_clause", base + match.start(), base + match.end(), match.group())


#: Participles that qualify the claim rather than add to it, or that report speech: never cut.
_QUALIFYING = frozenset(
    """according excluding including depending assuming pending barring starting beginning ending following
    regarding concerning during notwithstanding saying adding claiming arguing warning insisting noting
    explaining telling suggesting stating calling urging describing accusing denying admitting asking
    threatening promising vowing pledging citing quoting writing reporting""".split()
)
#: Words in -ing that are not participles.
_NOT_PARTICIPLES = frozenset(
    "something anything nothing everything morning evening thing things king spring ring wing bring sing string"
    " managing".split()
)
_TRAILING_PHRASE = regex_cache.compile(rf", ([a-z]+ing) {_CLAUSE_BODY}(?=[.!?]$)")
_EXAMPLES = regex_cache.compile(r", (?:such as|including) [^;:()–—\"“”]+?(?=[.!?]$)")


#: A summing-up appositive that ends the sentence and gives an unnamed side's verdict on what it
#: reports (", a move critics say turns the county into a magnet for …", ", a decision opponents
#: fear will …"): the writer's comment by proxy, no named speaker's words, so the attribution
#: inside it does not keep it.  Cut like a trailing participle phrase (", handing yet another
#: victory to …"), so the same comment from either side goes alike.
_VERDICT_APPOSITIVE = regex_cache.compile(
    r", an? (?:move|step|decision|measure|vote|change|shift|ruling|plan|policy|deal) (?:that |which )?"
    r"(?:critics|opponents|supporters|detractors|observers|some|many) (?:say|said|argue|argued|fear|feared|warn|warned"
    r"|claim|claimed|call|called|see|saw) [^,;:()–—\"“”\d]+?(?=[.!?]$)"
)


def _trailing_phrases(sentence: Sentence) -> Iterable[Edit]:
    """A participle phrase that ends the sentence (", prompting fears of a strike."), an
    example list that ends it (", such as trains and buses.") and an unnamed side's verdict in a
    summing-up appositive (:data:`_VERDICT_APPOSITIVE`)."""
    text, base = sentence.text.rstrip(), sentence.start
    for match in _VERDICT_APPOSITIVE.finditer(text):
        found = _WORD.findall(match.group())
        if 3 <= len(found) <= MAX_CUT_WORDS and len(_WORD.findall(text[: match.start()])) >= MIN_WORDS_LEFT:
            yield Edit("trailing_phrase", base + match.start(), base + match.end(), match.group())
    for pattern, kind in ((_TRAILING_PHRASE, "trailing_phrase"), (_EXAMPLES, "example")):
        for match in pattern.finditer(text):
            before = text[: match.start()]
            if any(w.lower() in _ATTRIBUTIONS for w in _WORD.findall(before)[-5:]):
                continue  # "…, said Dominic Hirsch, managing director of …": it tells who the speaker is
            if kind == "trailing_phrase":
                verb = match.group(1)
                if verb in _QUALIFYING or verb in _NOT_PARTICIPLES or len(verb) < 6:
                    continue
                if any(w.lower() in _AUXILIARIES for w in _WORD.findall(match.group())):
                    continue  # ", allowing Turkey in would …": the subject of a clause, not a phrase
            if len(_WORD.findall(match.group())) < 3 or len(_WORD.findall(before)) < MIN_WORDS_LEFT:
                continue
            if _list_before(before):
                continue
            yield Edit(kind, base + match.start(), base + match.end(), match.group())


def _is_verdict_appositive(cut: str) -> bool:
    """Whether a cut is a whole summing-up appositive of an unnamed side's verdict (:data:`_VERDICT_APPOSITIVE`)."""
    match = _VERDICT_APPOSITIVE.match(cut + ".")
    return match is not None and match.end() == len(cut)


def _list_before(before: str) -> bool:
    """Whether the text before a final phrase ends in a list's items ("swimming, running, cycling")."""
    if "," not in before:
        return False
    parts = before.split(",")
    if len(_WORD.findall(parts[-1])) <= 3:
        return True
    # "ABN Amro, BNP Paribas, Calyon, JP Morgan Chase Bank": short items, one after another.
    return len(parts) >= 3 and all(len(_WORD.findall(p)) <= 4 for p in parts[-2:])


#: Words that open a phrase before the subject which may be cut when the summary says what it holds.
#: Not "if", "unless", "when", "until", "under", "without": they limit what the sentence claims.
_OPENERS = frozenset(
    """after following despite amid although though while in on at during earlier later last this speaking
    meanwhile separately""".split()
)
_TIMES = frozenset(
    """day week weekend month year decade century season quarter morning afternoon evening night tonight today
    yesterday tomorrow ago spring summer autumn winter hour minute""".split()
)
_STOPWORDS = frozenset(
    """the a an of in on at to for by with from and or but as is are was were be been being has have had it its
    this that these those he she they we his her their our who which after following despite amid although
    though while during earlier later last speaking meanwhile separately also than then there into over""".split()
)


def content_words(text: str) -> frozenset[str]:
    """The content words of a text, folded ("Rates" → "rate"): what :func:`compress_edits`'s
    ``said`` holds."""
    found = set(map(_content_fold, _WORD.findall(text)))
    found.discard(None)
    return frozenset(found)  # type: ignore[arg-type]  # None was taken out


@lru_cache(maxsize=1 << 16)  # kept per word, as stems are: news repeats its words
def _content_fold(word: str) -> str | None:
    """The word folded, or ``None`` for a stop word."""
    return None if word.lower() in _STOPWORDS else _fold(word)


def _fold(word: str) -> str:
    word = word.lower().replace("’", "'")
    word = word.removesuffix("'s")
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _all_said(text: str, said: Container[str]) -> bool:
    found = content_words(text)
    return bool(found) and all(w in said for w in found)


def _opening(sentence: Sentence, said: Container[str]) -> Iterable[Edit]:
    """"After the vote in May, the council closed the road." → "The council closed the road.":
    a phrase before the subject whose every content word the summary says elsewhere."""
    text, base = sentence.text, sentence.start
    first = _WORD.match(text)
    if first is None or first.start() != 0 or first.group().lower() not in _OPENERS or "," not in text:
        return
    comma = text.index(",")
    lead, rest = text[:comma], text[comma + 1 :]
    subject = re.match(r"\s+([^\W\d_])", rest)
    if subject is None or len(_WORD.findall(lead)) < 2 or not _opens_clause(rest):
        return
    if not _all_said(lead, said) or any(_fold(w) in _TIMES or _fold(w) in _DAYS_MONTHS for w in _WORD.findall(lead)):
        return  # "Last month, …": when it happened is a fact, said elsewhere or not
    if first.group().lower() in ("in", "on", "at") and any(w[:1].isupper() for w in _WORD.findall(lead)[1:]):
        return  # "In Europe, cameras can …": where it holds limits the claim
    end = comma + 1 + subject.end()
    yield Edit("opening", base, base + end, text[:end], subject.group(1).upper())


#: Finite verbs and auxiliaries: a clause has one within its first words.
_FINITE = frozenset(
    """is are was were has have had will would can could may might must should shall does did do said says
    told won lost made got took gave went came saw found left kept became began paid put set cut led held
    rose fell grew hit sold bought built brought sent spent lent struck""".split()
)
#: Past forms that are never participles: "fell to", "rose by" are finite.
_PAST_ONLY = frozenset("rose fell grew went came took gave saw began became ran wrote spoke chose drove flew threw knew drew broke stood".split())
_PRONOUNS = frozenset("i he she it we they there".split())


def _opens_clause(rest: str) -> bool:
    """Whether ``rest`` opens with a subject and a finite verb ("the pound fell", "it has …")."""
    found = _WORD.findall(rest)[:10]
    if len(found) < 2:
        return False
    head = found[0]
    if head.lower() == "that" and found[1].lower() not in _AUXILIARIES:
        return False  # "…, but that banks had …": the second half of a reported claim, not a clause
    if head.islower() and head not in _SUBJECTS:
        # "prices rose"; not "operational control, are": a bare noun's verb comes before any comma.
        return _opens_with_noun(_WORD.findall(rest.split(",", 1)[0])[:8])
    if head.lower() not in _SUBJECTS and not (head[:1].isupper() and head.lower() not in _NOT_NAMES):
        return False
    verb = found[2] if found[1].lower() in _VERB_ADVERBS and len(found) > 2 else found[1]
    if head.lower() in _PRONOUNS and verb.endswith("s") and verb.islower():
        return True  # "it seems", "there now seems"
    # "the number of pupils in the valley is": a subject of up to seven words before its verb.
    for k in range(1, min(9, len(found))):
        if found[k].lower() in _CLAUSE_MARKERS or found[k].lower() in _SUBORDINATORS or found[k].lower() == "than":
            return False  # "a deal which took …", "the highest since records began", "less than …": another clause's verb
        if _verb_at(found, k):
            return True
    return False


def _verb_at(found: Sequence[str], k: int) -> bool:
    """Whether ``found[k]`` reads as a finite verb: not after "to" ("to do so"), and a past form
    not before "by", "in" … ("an argument amplified by")."""
    word = found[k]
    if found[k - 1].lower() == "to" or not (word.lower() in _FINITE or (word.islower() and word.endswith("ed") and len(word) > 4 and "-" not in word)):
        return False
    following = found[k + 1].lower() if k + 1 < len(found) else ""
    return word.lower() in _AUXILIARIES or word.lower() in _PAST_ONLY or not _participle_next(word, following)


def _opens_with_noun(found: Sequence[str]) -> bool:
    """Whether words open a clause with a bare noun subject and its verb ("prices rose", "oil
    prices have fallen"): the verb (an auxiliary or a past form) second or third, after words
    that are neither verbs nor small words."""
    if not found or not _could_be_noun(found[0]):
        return False
    for k in range(1, min(6, len(found))):
        verb = found[k].lower()
        following = found[k + 1].lower() if k + 1 < len(found) else ""
        if verb in _AUXILIARIES or verb in _PAST_ONLY or ((verb in _FINITE or (verb.endswith("ed") and "-" not in verb)) and not _participle_next(verb, following)):
            return True
        if not (_could_be_noun(found[k]) or verb in _NOUN_LINKS):
            return False
    return False


#: Small words a bare noun subject may hold before its verb ("fares on the buses have").
_NOUN_LINKS = frozenset("of in on at for from the a an its their his her".split())


def _could_be_noun(word: str) -> bool:
    lower = word.lower()
    return (
        word.islower() and len(lower) > 2 and lower not in _STOPWORDS and lower not in _CLAUSE_MARKERS
        and lower not in _AUXILIARIES and lower not in _FINITE and lower not in _VERB_ADVERBS
        and lower not in _NUMBER_WORDS and lower not in _NEGATIONS
        and lower not in _ADVERBS and not lower.endswith(("ing", "ly", "ed"))
    )


_ADVERBS = frozenset("almost never always often usually rarely perhaps maybe quite very much more most less least well".split())


_TRAILING = regex_cache.compile(r"^\s*(?:according\b|[a-z]+ing\b)")


def _comma_stays(before: str, after: str) -> bool:
    """Whether the comma that closes a clause also closes an opening phrase or opens a closing one."""
    if _TRAILING.match(after):
        return True
    rest = [w.lower() for w in _WORD.findall(after)]
    if rest and rest[0] in _ATTRIBUTIONS:
        # "Ana Pereira, who heads the board, said": the clause sat between the speaker and the verb.
        return False
    if len(rest) <= 6 and any(w in _ATTRIBUTIONS or w in ("found", "show", "shows", "showed") for w in rest):
        return True
    if "," in before:
        return False
    first = _WORD.match(before.lstrip(" \"“‘'("))
    return first is not None and (first.group().lower() in _INTRODUCTORY or first.group().lower().endswith(("ing", "ly")))


_CLOSING = regex_cache.compile(r"[”»]|(?<![^\W\d_])[’'](?![^\W\d_])|(?<=[^\W\d_])[’'](?=\W*$)")
#: The marks every :data:`_CLOSING` match is.
_CLOSING_MARKS = "”»’'"
_OPENING = regex_cache.compile(r"[“«]|(?:^|(?<=\s))[‘'\"]")


def _in_open_quotation(sentence: Sentence, start: int, end: int) -> bool:
    """Whether the cut lies in a quotation opened in an earlier sentence and closed in this one,
    or the sentence's quotation marks do not pair up (its straight double quotes are odd)."""
    text = sentence.text
    if text.count('"') % 2:
        return True
    if not any(mark in text for mark in _CLOSING_MARKS):
        return False  # no mark that can close: most sentences
    closing = _CLOSING.search(text, end - sentence.start)
    if closing is None:
        return False
    return _OPENING.search(text, 0, closing.start()) is None and _OPENING.search(text[: start - sentence.start]) is None


def _cut_is_safe(cut: str) -> bool:
    """No number, negation, attribution or quotation mark in what would be cut, and not too long."""
    if any(ch.isdigit() for ch in cut) or any(ch in _DOUBLE_QUOTES for ch in cut):
        return False
    found = [w.lower() for w in _WORD.findall(cut)]
    if not found or len(found) > MAX_CUT_WORDS:
        return False
    if any(w.endswith(("n't", "n’t")) for w in found):
        return False
    # "one of the biggest firms": no count ("one of three" has its number all the same).
    found = [w for k, w in enumerate(found) if not (w == "one" and found[k + 1 : k + 2] == ["of"])]
    # "one-third", "twenty-five": each part a word too (a word without a hyphen is its own part).
    parts = [part for w in found if not _HYPHENS.isdisjoint(w) for part in _HYPHEN.split(w)]
    return not any(w in _NUMBER_WORDS or w in _NEGATIONS or w in _ATTRIBUTIONS for w in [*found, *parts])


_HYPHEN = regex_cache.compile(r"[-‐‑]")
_HYPHENS = frozenset("-‐‑")


def _no_list_after(text: str, at: int, limit: int) -> bool:
    """Whether what follows a closing comma is the sentence going on, not a list's next item."""
    rest = _WORD.findall(text[at:limit])
    if not rest:
        return True
    if rest[0].lower() in _LIST_OR_JOIN or (rest[0] in _LIST_NEXT and text[at - 1 : at] == ","):
        return False
    following = text[at:limit].split(",")[0]
    return not any(w.lower() in _LIST_OR_JOIN for w in _WORD.findall(following)[:4])


def _names(text: str) -> set[str]:
    found = set(map(_name_of, _CAPITALISED.findall(text)))
    found.discard(None)
    return found  # type: ignore[return-value]  # None was taken out


@lru_cache(maxsize=1 << 14)  # kept per word, as _content_fold is: the same names come back sentence after sentence
def _name_of(word: str) -> str | None:
    """The name a capitalised word is, or ``None`` for none."""
    # One capital alone is no name: an opening cut takes the capital its subject gets back.
    # "Larkhill's" is the name "Larkhill": said once with the possessive, once without, it is said.
    name = _POSSESSIVE_END.sub("", word)
    return name if len(name) > 1 and name.lower() not in _NOT_NAMES and name.lower() not in _OPENERS else None


_POSSESSIVE_END = regex_cache.compile(r"['’]s?$")


def _keep_names(
    sentence: Sentence, cuts: list[Edit], known: Container[str], acronyms: dict[Edit, str]
) -> list[Edit]:
    """The cuts that take no name unknown elsewhere.  An acronym's gloss the other way round:
    cut only when the summary does not use the acronym (its words are said just before it)."""
    result = list(cuts)
    if not result:
        return result  # nothing to keep a name from: the sentence's names are not looked for
    while True:
        left = _names(_text_without(sentence, result))

        def said(name: str, left: set[str] = left) -> bool:
            return name in left or name in known

        bad = next(
            (
                e for e in result
                if (
                    said(acronyms[e]) or said(acronyms[e].rstrip("s"))
                    if e in acronyms
                    else not all(said(name) for name in _names(e.text))
                )
            ),
            None,
        )
        if bad is None:
            return result
        result.remove(bad)


def _text_without(sentence: Sentence, cuts: Sequence[Edit]) -> str:
    pieces: list[str] = []
    cursor = sentence.start
    for edit in cuts:
        pieces.append(sentence.text[cursor - sentence.start : edit.start - sentence.start])
        cursor = edit.end
    pieces.append(sentence.text[cursor - sentence.start :])
    return " ".join(pieces)


def _words_left(sentence: Sentence, cuts: Sequence[Edit]) -> int:
    return len(_WORD.findall(_text_without(sentence, cuts)))


def _splits(sentence: Sentence, quoted: tuple[tuple[int, int], ...], cuts: Sequence[Edit]) -> list[Edit]:
    """Where the sentence reads as two or more: at each semicolon between clauses (``"…; he
    left."`` → ``"…. He left."``); or, failing any, at ``", but"`` or a lone ``" but "`` before a
    subject (the "But" kept: ``"…. But it failed."``), at ``", and"``, ``", while"`` or
    ``", whereas"`` before a new subject and verb (the joining word deleted: ``"…, while profits
    fell."`` → ``"…. Profits fell."``) and at a single dash before one.  Where ``", and"`` or
    ``", but"`` goes on with a second verb of the sentence's subject, the subject is repeated in
    square brackets (``"Ann Lee left the firm, and has joined a rival."`` → ``"Ann Lee left the
    firm. [Ann Lee] has joined a rival."``); and a speaker's ``", adding that"`` reads as a sentence
    of its own (``"Ann Lee said …, adding that …"`` → ``"Ann Lee said …. [Ann Lee] added that …"``).
    Never inside a quotation, nor where a quotation would be cut in two; never where an
    attribution before the split would leave the second part without its speaker, nor where one
    after it covers both parts."""
    text = sentence.text
    if not _quotes_pair(text):
        return []
    own_subject: list[Edit] = [*_split_at_added(sentence), *_split_at_relative(sentence)]
    if ";" in text:
        candidates = _split_at_semicolons(sentence)
    else:
        joins, own_subject = _split_at_joins(sentence), [*own_subject, *_split_at_second_verb(sentence)]
        joins += _split_at_bare_and(sentence)
        candidates = [e for e in (_split_at_but(sentence),) if e is not None] + joins
    chosen: list[Edit] = []
    for edit in sorted([*candidates, *own_subject], key=lambda e: e.start):
        if touches(quoted, edit.start, edit.end) or any(c.start < edit.end and edit.start < c.end for c in cuts):
            continue
        if chosen and edit.start < chosen[-1].end:
            continue
        left, right = _before(sentence, edit.start), sentence.text[edit.end - sentence.start :]
        if not (_quotes_pair(left) and _quotes_pair(right)) or _in_open_quotation(sentence, edit.start, edit.end):
            continue  # a quotation would be cut in two
        # "X, but Y, says Schneider": the closing attribution covers both halves; split, X would lose it.
        if "," in right and any(w.lower() in _ATTRIBUTIONS for w in _WORD.findall(right.split(",", 1)[1])):
            continue
        # "She said taxes would rise, but cuts would be small": split, the second claim would lose its
        # speaker.  A split that names its subject again says whose the second part is.
        if edit not in own_subject and any(w.lower() in _ATTRIBUTIONS for w in _WORD.findall(left)):
            continue
        chosen.append(edit)
    return chosen


def _quotes_pair(text: str) -> bool:
    """Whether every quotation opened in ``text`` closes in it (straight double quotes even,
    curly ones each answered)."""
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")


def _before(sentence: Sentence, at: int) -> str:
    """The sentence's text before the document offset ``at``."""
    return sentence.text[: at - sentence.start]


def _split_at_semicolons(sentence: Sentence) -> list[Edit]:
    """A split at each semicolon: one semicolon between two parts of four words or more; of
    several, only where every part after one opens a clause (a list's items do not)."""
    text = sentence.text
    points = [m.start() for m in re.finditer(";", text)]
    bounds = [-1, *points, len(text)]
    parts = [text[bounds[k] + 1 : bounds[k + 1]] for k in range(len(bounds) - 1)]
    if len(points) > 1 and not all(_opens_clause(p) for p in parts[1:]):
        return []
    edits = []
    for k, at in enumerate(points):
        left, right = parts[k], parts[k + 1]
        following = re.match(r"\s+([^\W\d_])", right)
        if following is None or text[:at].count("(") != text[:at].count(")"):
            return []
        left_words, right_words = _WORD.findall(left), _WORD.findall(right)
        if len(left_words) < MIN_SPLIT_WORDS or len(right_words) < MIN_SPLIT_WORDS:
            return []
        if right_words[0].lower() in _LIST_OR_JOIN:
            return []
        if right_words[0].lower() in _SUBORDINATORS or (right_words[0].islower() and right_words[0].endswith(("ing", "ed"))):
            return []  # "…; bringing these medicines within reach": a phrase, not a clause
        if not any(w.islower() and len(w) > 2 and w not in _STOPWORDS for w in right_words):
            return []  # "…; the GMC Savana, Sierra and Yukon.": a list's next item, not a clause
        start = sentence.start + at
        end = start + 1 + following.end()
        gap = right[: following.start(1)]
        edits.append(Edit("split", start, end, text[at : at + 1 + following.end()], "." + gap + following.group(1).upper()))
    return edits


_JOIN = regex_cache.compile(r"(?:, (?:and|while|whereas)| [–—-]) ([^\W\d_])")
#: What every :data:`_JOIN` match holds: a sentence with none of them is not searched.
_JOIN_WORDS = (", and ", ", while ", ", whereas ", " – ", " — ", " - ")


def _split_at_joins(sentence: Sentence) -> list[Edit]:
    """``", and"``, ``", while"``, ``", whereas"`` or a lone dash before a new subject and verb."""
    text = sentence.text
    if not any(join in text for join in _JOIN_WORDS):
        return []
    dashes = len(_DASH.findall(text))
    edits = []
    for match in _JOIN.finditer(text):
        if match.group().startswith(" ") and dashes != 1:
            continue  # a pair of dashes is an aside; more, a list
        left, right = text[: match.start()], text[match.start(1) :]
        if left.count("(") != left.count(")") or re.search(r"\b(?:between|both)\b", left, re.IGNORECASE):
            continue
        if len(_WORD.findall(left)) < MIN_BUT_WORDS or len(_WORD.findall(right)) < MIN_BUT_WORDS:
            continue
        if not _opens_clause(right) or _list_before(left) or not _has_verb(left, strict=match.group().startswith((",", " ")) and "and" in match.group()):
            continue
        start, end = sentence.start + match.start(), sentence.start + match.end()
        edits.append(Edit("split", start, end, match.group(), ". " + match.group(1).upper()))
    return edits


_BARE_AND = regex_cache.compile(r" and ((?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir) [a-z][\w'’-]*(?: [a-z][\w'’-]*)?|[A-Z][\w'’&.-]*(?: [A-Z][\w'’&.-]*){0,2}) ")


#: What a relative clause's antecedent is: a name (up to four capitalised words, "of" between) or a
#: determiner and up to three words, ending at the ", which" or ", who" that ends the sentence.
_RELATIVE_SPLIT = regex_cache.compile(
    r"(?:^|(?<= ))(?P<antecedent>(?:[Tt]he )?[A-Z][\w'’&.-]*(?: (?:of )?[A-Z][\w'’&.-]*){0,3}"
    r"|(?:the|a|an|its|his|her|their|our) [a-z][\w'’-]*(?: [a-z][\w'’-]*){0,2}), (?P<pronoun>which|who) "
    rf"(?P<clause>{_CLAUSE_BODY})(?=[.!?]$)"
)
#: Words before the antecedent that make it the whole object of the clause's verb (not "the sale of X").
_OBJECT_BEFORE = frozenset("to by".split())


def _split_at_relative(sentence: Sentence) -> list[Edit]:
    """A non-restrictive ``", which"`` or ``", who"`` clause that ends the sentence, whose verb
    comes first (it is the clause's subject), after a main clause whose verb or "to"/"by" takes
    the antecedent whole: the antecedent is said again in brackets (``"The firm sold the pier to
    Ferrylink, which runs the island ferries."`` → ``"The firm sold the pier to Ferrylink.
    [Ferrylink] runs the island ferries."``; "a boat" comes back as "[The boat]").  Not where the
    antecedent could be the noun before it ("the sale of Acme, which"), after an attribution (the
    clause is part of what was said, or describes the speaker), nor where the clause's first word
    is no verb ("which Acme says was …")."""
    text = sentence.text.rstrip()
    if ", which " not in text and ", who " not in text:
        return []  # the pattern's one fixed part: most sentences have neither, and the search is slow
    matches = list(_RELATIVE_SPLIT.finditer(text))
    if len(matches) != 1 or not _quotes_pair(text):
        return []
    match = matches[0]
    antecedent, clause = match.group("antecedent"), match.group("clause")
    before = text[: match.start("antecedent")]
    left_words, previous = _WORD.findall(before), _WORD.findall(before)[-1:]
    if len(left_words) + len(_WORD.findall(antecedent)) < MIN_BUT_WORDS or len(_WORD.findall(clause)) < MIN_SPLIT_WORDS:
        return []
    if any(w.lower() in _ATTRIBUTIONS for w in left_words) or any(ch in before for ch in "()") or _DASH.search(text):
        return []  # a dash may close an aside the clause sits in ("A low rate - … to the dollar, which … - means")
    if antecedent[:1].isupper():
        if not all(w.lower() not in _NOT_NAMES or w.lower() == "the" for w in antecedent.split()):
            return []
    elif any(w in _STOPWORDS or w in _AUXILIARIES or w in _FINITE or w in _PAST_ONLY for w in antecedent.split()[1:]):
        return []  # "its profits have risen, which": a clause, not a noun phrase
    if not previous or not ((previous[0] in _OBJECT_BEFORE and antecedent[:1].isupper()) or _takes_object(previous[0])):
        return []  # "make pages fit to the screen width, which eliminates …": the clause is the ability's
    verbs = list(_WORD.finditer(clause))
    k = 0
    while k < len(verbs) and verbs[k].group().lower() in _VERB_ADVERBS:
        k += 1
    if k >= len(verbs) or not (_finite_verb(verbs, k) or _present_s(verbs[k].group())):
        return []
    first, rest = antecedent.split(" ", 1) if " " in antecedent else (antecedent, "")
    if first in ("a", "an"):
        first = "the"
    named = (first[0].upper() + first[1:] + (" " + rest if rest else "")).strip()
    start = sentence.start + match.end("antecedent")
    end = sentence.start + match.start("clause") - 1
    return [Edit("split", start, end, text[match.end("antecedent") : match.start("clause") - 1], f". [{named}]")]


def _takes_object(word: str) -> bool:
    """Whether a word before a noun phrase reads as a verb taking it as object ("bought", "runs")."""
    lower = word.lower()
    if not word.islower() or lower in _STOPWORDS or lower in _NUMBER_WORDS:
        return False
    return lower in _FINITE or lower in _PAST_ONLY or (lower.endswith("ed") and len(lower) > 4 and "-" not in lower) or lower in (
        "bought", "sold", "won", "built", "joined", "met", "beat", "leads", "runs", "owns", "signed", "hired", "named"
    )


def _split_at_bare_and(sentence: Sentence) -> list[Edit]:
    """A bare ``" and "`` between two plain main clauses, the second opening with a name or a
    determined noun and its verb told for certain (an auxiliary or a past form that is never a
    participle): ``"The sale went ahead in May and Acme was sold to a rival."`` → ``"The sale
    went ahead in May. Acme was sold to a rival."``.  Only where the first part is one main
    clause with a verb of its own and nothing that could reach over the "and" (an opening phrase,
    a subordinate or reported clause, "between", "both"), so the second part needs nothing of it."""
    text = sentence.text
    matches = list(_BARE_AND.finditer(text))
    if len(matches) != 1:
        return []
    match = matches[0]
    left, subject = text[: match.start()], match.group(1)
    if subject[:1].isupper() and not all(w.lower() not in _NOT_NAMES for w in subject.split()):
        return []  # "and He", "and The": not a name
    after = _WORD.findall(text[match.end() :])
    last = subject.split()[-1]
    if subject[:1].islower() and len(subject.split()) == 3 and (last in _AUXILIARIES or last in _PAST_ONLY):
        subject, after = subject.rsplit(" ", 1)[0], [last, *after]  # "and the council has": its verb, not its noun
    verbs = list(_WORD.finditer(text, match.end()))
    if not after or not (after[0] in _AUXILIARIES or after[0] in _PAST_ONLY or (subject[:1].isupper() and verbs and not _present_s(after[0]) and _finite_verb(verbs, 0))):
        return []  # "and the firm owned by": a verb not told for certain from a noun or a participle
    if after[0] in ("is", "was", "has") and subject[:1].islower() and _present_s(subject.split()[-1]):
        return []  # "and the prices was": the words do not make a subject and its verb
    left_words = [w.lower() for w in _WORD.findall(left)]
    if len(left_words) < MIN_BARE_AND_WORDS or len(after) < MIN_SPLIT_WORDS - 1:
        return []
    if left_words[0] in _INTRODUCTORY or left_words[0] in _SUBORDINATORS or left_words[0] in _LEADING_JOINS:
        return []  # "After the sale went ahead and …", "In May prices rose and …": the opening reaches over the "and"
    if any(w in _CLAUSE_MARKERS or w in _SUBORDINATORS or w in _ATTRIBUTIONS or w in ("between", "both", "either", "neither") for w in left_words):
        return []
    if _list_before(left) or any(ch in left for ch in "()–—") or not _has_verb(left, strict=True):
        return []
    # " and the" → ". The": the edit takes the subject's first letter, which comes back a capital.
    start, end = sentence.start + match.start(), sentence.start + match.start(1) + 1
    return [Edit("split", start, end, text[match.start() : match.start(1) + 1], ". " + subject[0].upper())]


def _has_verb(left: str, *, strict: bool = False) -> bool:
    """Whether the part before a split has a verb of its own, outside a relative clause ("Mr
    Walsh, who took charge in 2000, and his team": none).  ``strict`` (before ", and", which
    joins nouns as often as clauses: "Cheap copies of its drugs, …, and a weak dollar had hit
    profits"): a verb told for certain (an auxiliary, a past form)."""
    main = re.sub(r", (?:who|which|whose) [^,]*(?:,|$)", ",", left)
    found = _WORD.findall(main)
    if strict:
        return any(
            _verb_at(found, k)
            or (_present_s(found[k]) and (found[k - 1].lower() in ("he", "she", "it") or (k > 1 and found[k - 1][:1].isupper())))
            for k in range(1, len(found))
        )
    if main == left:
        return True  # no relative clause to hide the want of one (present verbs are not told from nouns)
    return any(
        _verb_at(found, k) or _present_s(found[k]) for k in range(1, len(found))
    )


def _present_s(word: str) -> bool:
    """A lower-case word that may be a verb in -s ("continues"), or a plural noun."""
    return word.islower() and len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))


#: Words that open a clause's subject: after ", but" they make the rest a sentence of its own.
_SUBJECTS = frozenset("i he she it we they there this that these those the a an his her its their our some many most".split())
#: Each side of a split at ", but" has at least this many words.
MIN_BUT_WORDS = 7


def _split_at_but(sentence: Sentence) -> Edit | None:
    """``", but"`` before a subject, or a lone ``" but "`` before a subject and its verb."""
    text = sentence.text
    if " but " not in text:
        return None  # the pattern's fixed part
    matches = list(re.finditer(r"(,| [–—-])? but (\w+)", text))
    if len(matches) != 1:
        return None
    match = matches[0]
    left, right = text[: match.start()], text[match.start(2) :]
    subject = match.group(2)
    if subject == "I" or (len(subject) < 2 and subject != "a"):
        return None  # "but I": a speaker's own words; "a" opens a subject ("but a fall in sales has …")
    if not _opens_clause(right):
        return None  # "cheap but good", ", but an improvement on …": no clause of its own after "but"
    if re.search(r"\bnot (?:only|just|merely)\b", left, re.IGNORECASE) or left.count("(") != left.count(")"):
        return None
    if len(_WORD.findall(left)) < MIN_BUT_WORDS or len(_WORD.findall(right)) < MIN_BUT_WORDS or not _has_verb(left):
        return None
    start = sentence.start + match.start()
    end = start + len(match.group(1) or "") + 2  # ", b", " – b" or " b" → ". B"
    return Edit("split", start, end, text[match.start() : end - sentence.start], ". B")


#: Auxiliaries and modals: the finite verb that opens a verb phrase ("has made", "will leave").
_AUXILIARIES = frozenset("is are was were has have had will would can could may might must should shall does did do".split())
#: Adverbs that may stand between "and" and the verb it joins ("and now hopes", "and has also").
_VERB_ADVERBS = frozenset("also now still then later since already even just further again soon yet".split())
#: Words that open a clause inside the first part: its subject may not be the sentence's.
_CLAUSE_MARKERS = frozenset("that which who whom whose where when whether while if because as although though unless until".split())
#: After a past form, a word that marks it as a participle ("and based in", "and owned by").
_PARTICIPLE_NEXT = frozenset("by in at from to for on with as into of".split())
#: Past forms that before "to" are the finite verb of an infinitive ("refused to comment"), not a
#: participle ("sold to a rival").  Not "offered", "promised", "needed", "intended": "the money
#: promised to farmers", "the cash needed to rebuild" are participles.
_TO_VERBS = frozenset(
    "refused agreed decided failed tried wanted attempted declined hoped managed continued seemed appeared threatened vowed voted"
    " proved".split()
)


def _participle_next(word: str, following: str) -> bool:
    """Whether the word after a past form marks it as a participle ("owned by", "sold to")."""
    return following in _PARTICIPLE_NEXT and not (following == "to" and word.lower() in _TO_VERBS)
#: Words before a noun: an attribution word after one is a noun ("the reports", "its claims").
_NOUN_DETERMINERS = frozenset("the a an its his her their these those such".split())
#: The longest subject repeated in brackets, in words.
MAX_SUBJECT_WORDS = 5
#: Sentence openers that are not part of the subject.
_LEADING_JOINS = frozenset("and but so yet meanwhile however now".split())
#: The part before a split at a bare "and" has at least this many words ("The sale went ahead in May").
MIN_BARE_AND_WORDS = 6
#: Each side of a split that repeats its subject has at least this many words.
MIN_VERB_SPLIT_WORDS = 5


_ASIDE_MARK = regex_cache.compile(r"[,;:()\"“”‘’'–—]")


def _subject(text: str) -> tuple[str, int, str] | None:
    """The sentence's subject, where it opens the sentence plainly: its words as written (the
    first letter a capital), the offset where its verb starts, and the verb (``"Light crude oil
    futures fell …"`` → ``("Light crude oil futures", 24, "fell")``).  ``None`` for an opening
    phrase, a subject with commas (an appositive), an indefinite one ("A spokesman") or one longer
    than :data:`MAX_SUBJECT_WORDS`."""
    # Only the first words are read (a leading join, the longest subject, its verb and the word after).
    found = list(islice(_WORD.finditer(text), MAX_SUBJECT_WORDS + 4))
    first = 1 if found and found[0].group().lower() in _LEADING_JOINS else 0
    if len(found) < first + 2 or text[: found[0].start()].strip():
        return None
    head = found[first].group()
    if (first == 0 and not head[:1].isupper()) or head.lower() in _INTRODUCTORY or head.lower() in _OPENERS:
        return None
    if head.lower() in ("there", "according", "it", "this", "that", "these", "those"):
        return None  # "There is …", "It is likely …": nothing to name again
    indefinite = head.lower() in ("a", "an")
    if indefinite and (len(found) < first + 3 or found[first + 1].group().lower() in _QUANTITY_NOUNS):
        return None  # "A number of firms …", "A few …": no one thing to name again
    for k in range(first + 1, min(len(found), first + MAX_SUBJECT_WORDS + 2)):
        if not _finite_verb(found, k, subject=True):
            continue
        end = k
        while end - 1 > first and found[end - 1].group().endswith("ly") and found[end - 1].group().islower():
            end -= 1  # "Mr Yushchenko recently defeated": the adverb is not the subject's
        words = found[first:end]
        if not words or len(words) > MAX_SUBJECT_WORDS or words[-1].group().lower() in _STOPWORDS:
            return None
        if any(w.group().lower() in _CLAUSE_MARKERS or (w.group().lower() in _ATTRIBUTIONS and not w.group().startswith("spokes")) for w in words[1:]):
            return None  # "Critics argue that these moves do": a clause, not a subject
        start, stop = words[0].start(), words[-1].end()
        if _ASIDE_MARK.search(text[start : found[k].start()].replace("'s ", "").replace("’s ", "")):
            return None  # "Ann Lee, the mayor, …": an appositive or an aside
        subject = text[start:stop]
        if indefinite:
            # "A spokesman for the firm refused …, but said …": the second time, it is the one just named.
            subject = "the" + subject[len(head) :]
        return subject[0].upper() + subject[1:], found[k].start(), found[k].group()
    return None


#: Nouns that say how many, not who: "A number of firms" is not one thing to name again.
_QUANTITY_NOUNS = frozenset(
    """number lot few little third half quarter majority minority handful couple dozen series range total host
    variety fraction bit string raft wave slew spate""".split()
)


def _finite_verb(found: Sequence[re.Match[str]], k: int, *, subject: bool = False) -> bool:
    """Whether ``found[k]`` reads as a finite verb: an auxiliary, a common past form, or a present
    form in -s (after a name, as a subject's verb: "Orange claims"; else before "to" or "that":
    "and hopes to"); a past form before "by", "in", "to" … is a participle ("and owned by")."""
    word = found[k].group()
    lower = word.lower()
    if not word.islower() or "'" in word or "’" in word:
        return False
    if lower in _AUXILIARIES:
        return True
    following = found[k + 1].group().lower() if k + 1 < len(found) else ""
    if lower in _PAST_ONLY:
        return True
    if lower in _FINITE or (lower.endswith("ed") and len(lower) > 4 and "-" not in lower):  # "so-called" is no verb
        return not _participle_next(lower, following)
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(lower) > 3:
        if subject:
            previous = found[k - 1].group()
            return previous[:1].isupper() and previous[-2:] not in ("'s", "’s") and following not in ("of", "and", "or")
        return following in ("to", "that")
    return False


_VERB_JOIN = regex_cache.compile(r"(,| [–—-])? (and|but) ")


def _split_at_second_verb(sentence: Sentence) -> list[Edit]:
    """``", and"`` or ``", but"`` (or a dash, or a bare "and" before an auxiliary) going on with a
    second verb of the sentence's subject: the subject is said again in brackets.  Only where the
    first part is one clause (no second finite verb, no "that" or "which" clause, no attribution
    after its verb), so the second verb can be no one else's."""
    text = sentence.text
    if " and " not in text and " but " not in text:
        return []  # no _VERB_JOIN anywhere: the subject is not looked for
    found = _subject(text)
    if found is None:
        return []
    subject, verb_at, _ = found
    subject = _named_again(subject)
    chosen: list[tuple[re.Match[str], list[re.Match[str]]]] = []
    for match in _VERB_JOIN.finditer(text, verb_at):
        if match.group(1) and match.group(1) != "," and len(_DASH.findall(text)) != 1:
            continue  # a pair of dashes is an aside; more, a list
        rest = list(_WORD.finditer(text, match.end()))
        k = 0
        while k < len(rest) and rest[k].group().lower() in _VERB_ADVERBS:
            k += 1
        if k >= len(rest) or not _finite_verb(rest, k):
            continue
        if not match.group(1) and rest[k].group().lower() not in _AUXILIARIES:
            continue  # a bare "and" joins a verb only where an auxiliary says so ("and was kept")
        chosen.append((match, rest))
    if len(chosen) != 1:
        return []
    match, rest = chosen[0]
    middle = list(_WORD.finditer(text, verb_at, match.start()))
    for k, word in enumerate(middle):
        lower = word.group().lower()
        # "refused to comment on the reports": a noun after a determiner reports nothing.
        spoken = lower in _ATTRIBUTIONS and not (k and middle[k - 1].group().lower() in _NOUN_DETERMINERS)
        if lower in _CLAUSE_MARKERS or spoken or (k and word.group() in _AUXILIARIES):  # "in May" is no "may"
            return []
    left = text[: match.start()]
    if left.count("(") != left.count(")") or re.search(r"\b(?:between|both|either|neither)\b", left, re.IGNORECASE):
        return []
    if len(_WORD.findall(left)) < MIN_BUT_WORDS or len(rest) < MIN_VERB_SPLIT_WORDS:
        return []
    replacement = f". But [{subject}]" if match.group(2) == "but" else f". [{subject}]"
    start, end = sentence.start + match.start(), sentence.start + match.end() - 1
    return [Edit("split", start, end, match.group().rstrip(), replacement)]


_SAYING_PAST = {"said": "added", "told": "added", "added": "added", "says": "adds", "tells": "adds", "adds": "adds"}
_ADDING = regex_cache.compile(r", adding\b|, but added\b|,? and added\b")
#: A speaker named plainly: capitalised words ("Ann Lee", "Mr Lee", "the Bank of England") or
#: "the" and a word for a body or a role ("the company", "the firm's chairman").
_SPEAKER = (
    r"(?:(?:[Tt]he )?[A-Z][\w'’.&-]*(?: (?:of |for |and |de )?[A-Z][\w'’.&-]*){0,4}"
    r"|[Tt]he (?:[\w'’-]+ ){0,2}(?:company|firm|group|bank|government|ministry|department|agency|union|council"
    r"|board|spokesman|spokeswoman|spokesperson|minister|chairman|chairwoman|chief|boss|report|statement|survey"
    r"|mayor|president|governor|police|court|judge|official|regulator|watchdog|club|party|leader|manager|coach))"
)
_SPEAKER_BEFORE = regex_cache.compile(rf"(?:^|, |[”\"] )(?P<speaker>{_SPEAKER}) (?P<verb>said|says|added|adds)$")
_SPEAKER_AFTER = regex_cache.compile(rf"\b(?P<verb>said|says|added|adds) (?P<speaker>{_SPEAKER})$")


def _named_again(subject: str) -> str:
    """How a subject is said again in brackets: a role before a name goes ("Chief executive Helen
    Barraclough" → "Helen Barraclough", "Council member Jim Okafor" → "Jim Okafor"); a title
    written in capitals stays ("Prime Minister Ann Lee"), as does a subject that ends in no name."""
    words = subject.split()
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper() and words[k - 1].lower() not in _NOT_NAMES:
        k -= 1
    if len(words) - k >= 2 and any(w.islower() for w in words[:k]) and words[k - 1].islower():
        return " ".join(words[k:])
    return subject


def _split_at_added(sentence: Sentence) -> list[Edit]:
    """A speaker's ``", adding that …"``: ``"Ann Lee said …, adding that …"`` → ``"Ann Lee said ….
    [Ann Lee] added that …"``; the speaker may follow the words (``"…, Ann Lee said, adding …"``,
    ``"…, said Ann Lee, adding …"``).  Only with one speaker in the first part."""
    text = sentence.text
    if "add" not in text:
        return []  # "adding" or "added": the pattern's verb
    matches = list(_ADDING.finditer(text))
    if len(matches) != 1:
        return []
    match = matches[0]
    left = text[: match.start()]
    rest = _WORD.findall(text[match.end() :])
    if len(rest) < MIN_SPLIT_WORDS or rest[0].lower() in ("to", "up", "in", "on", "and"):
        return []  # "adding to the losses": not speech
    speaking = [w for w in _WORD.findall(left) if w in _SAYING_PAST or w.lower() in ("told", "according")]
    if len(speaking) != 1 or speaking[0] == "according":
        return []
    speaker = verb = None
    for pattern in (_SPEAKER_BEFORE, _SPEAKER_AFTER):
        found = pattern.search(left)
        if found is not None:
            speaker, verb = found.group("speaker"), found.group("verb")
            break
    if speaker is None:
        opening = _subject(left)
        if opening is None or opening[2] not in _SAYING_PAST:
            return []
        speaker, verb = opening[0], opening[2]
    assert verb is not None
    if len(_WORD.findall(speaker)) > MAX_SUBJECT_WORDS:
        return []
    speaker = _named_again(speaker[0].upper() + speaker[1:])
    start, end = sentence.start + match.start(), sentence.start + match.end()
    said_again = _SAYING_PAST[verb] if match.group().endswith("adding") else "added"
    but = "But " if "but" in match.group() else ""
    return [Edit("split", start, end, match.group(), f". {but}[{speaker}] {said_again}")]


def describe_split(edit: Edit) -> str:
    """Where a ``split`` edit cut its sentence, in words ("split at its semicolon", "split at ', but'")."""
    text = edit.text.strip()
    if text.startswith(";"):
        return "split at its semicolon"
    if text[:1] in "–—-":
        return "split at its dash"
    joined = _WORD.findall(text)[0].lower()
    return f"split at ', {joined}'" if text.startswith(",") else f"split at '{joined}'"


def split_counts(output: str, edits: Sequence[Edit]) -> list[str]:
    """The sentences a summary sentence reads as: one, or more where a ``split`` edit cut it.

    ``output`` is the sentence with ``edits`` applied; it is cut after each split's full stop.
    """
    pieces: list[str] = []
    cursor = 0
    for edit in edits:
        if edit.kind != "split":
            continue
        at = output.find(edit.replacement, cursor)
        if at < 0:
            continue
        pieces.append(output[cursor : at + 1])
        cursor = at + 1
    pieces.append(output[cursor:])
    return [p.strip() for p in pieces if p.strip()]


def names_in(texts: Iterable[str]) -> frozenset[str]:
    """The capitalised words (names, as this module counts them) in some texts."""
    found: set[str] = set()
    for text in texts:
        found |= _names(text)
    return frozenset(found)
