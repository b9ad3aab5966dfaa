"""Cut text into paragraphs and sentences with exact character offsets.

Rules, in the order they apply:

1. Lines.  A blank line ends a paragraph.  Inside a block of lines, a line break ends a
   sentence after a list item (``-``, ``*``, ``•``, ``1.``) or before one, after a lead-in
   that ends with a colon, after a headline or label (a line with no final punctuation
   followed by one that does not run on in lower case; it is also its own paragraph),
   and after a line that ends with a full stop, ``?`` or ``!`` (also a new paragraph:
   copied news often has one paragraph per line).  Hard-wrapped prose (three or more
   lines of even length) is read as one run of text, its line breaks as spaces.  A
   lead-in of four words or more, with no final punctuation, whose list items start in
   lower case ("The court found the firms" / "- misled buyers" / "- hid the risks.") is
   one sentence, over blank lines too, and so is a paragraph cut off after a comma or
   semicolon and the next one.
2. Stops.  A full stop, ``?``, ``!`` or ellipsis followed by white space ends a sentence
   unless the next word starts in lower case (``eBay`` and ``iPod`` excepted), or the
   word before is a title or similar abbreviation (``Mr.``, ``Sen.``, ``e.g.``, ``No. 5``),
   or it is an initial (``George W. Bush``), an abbreviation that can end a sentence
   (``Inc.``, ``U.S.``, ``a.m.``, ``Jan.``, ``R-Ala.``) or an ellipsis, and the next word
   is not a usual sentence opener (``The``, ``He``, an opening quotation mark...).
   Closing quotation marks and brackets right after the stop end the sentence with it.
   A full stop with white space before it (" . ", copied news's flattened line breaks)
   after a word a sentence cannot end on ("in", "the", "Mr", a comma) goes on.
3. Datelines.  A line that opens with a place and an agency in brackets and a dash
   ("Beirut (CNN) -- ", "LONDON (Reuters) - ", "(CNN) -- ") has them cut off as a sentence
   of their own, so the lead is the news (:mod:`summarizer.boilerplate` labels it).

Spans never include the white space around a sentence, and every character that is not
white space (zero-width spaces count as white space, but are never removed) belongs to
exactly one sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from summarizer import regex_cache
from summarizer.errors import InputTooLargeError
from summarizer.model import Document, Paragraph, Sentence

#: The most sentences a document may have: past this, :func:`segment` stops and refuses the
#: text.  Memory grows with sentences, not bytes (about 1.4 kB each to summarise and write as
#: JSON), so 520,000 sentences stay under 1 GB: a full ``--max-bytes`` (50 MiB) of prose
#: (499,900 sentences in the measured text, 882 MB to JSON), while 50 MB of one-word lines
#: (millions of sentences) is refused after reading 520,000 of them.  ``docs/limits.md`` gives
#: the measurements.
MAX_SENTENCES = 520_000

__all__ = ["DATELINE", "is_space", "segment", "split_sentences"]

# White space for splitting: what str.isspace() accepts (NBSP included) plus the
# zero-width characters, which stay in the text.
_ZW = "\u200b\u200c\u200d\u2060\ufeff\u180e"
_WS = rf"\s{_ZW}"
# Every white-space code point (they all lie below U+3001), for stripping spans.
_STRIP = "".join(ch for ch in map(chr, range(0x3001)) if ch.isspace()) + _ZW

_LINE = regex_cache.compile(
    r"[^\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]*(?:\r\n|[\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]|\Z)"
)

_QUOTES = "\"'“‘«„‚‹"
_OPENERS = _QUOTES + "([{"
_CLOSERS = "\"'”’»›)]}"
_CLOSE_CLASS = re.escape(_CLOSERS)
# A stop: the stop itself (tried only at the start of a run of stops, so a long run of
# dots costs linear time), closing quotes or brackets, then white space and (looked at,
# not consumed) the start of the next word.
_PUNCT = r"(?P<punct>[.!?…](?<![.!?…][.!?…])[.!?…]*+)"
# Copied text sometimes loses the space after a closing quotation mark ("honest.'But"):
# a capital letter right after the quote counts as the next word.
_STOP = regex_cache.compile(
    rf"{_PUNCT}(?P<close>[{_CLOSE_CLASS}*]*+)(?:[{_WS}]++|(?<=[\"'”’»])(?=[A-Z]))"
    rf"(?=(?P<next>[^{_WS}]{{1,40}}))"
)
_TAIL_STOP = regex_cache.compile(rf"{_PUNCT}(?P<close>[{_CLOSE_CLASS}*]*+)$")
_LAST_WORD = regex_cache.compile(rf"[^{_WS}]*\Z")
_WORD_WINDOW = 40
_LIST_ITEM = regex_cache.compile(r"(?:[-*•‣▪–—+]|\d{1,3}[.)]|\(?[a-z]\))[ \t\xa0]")
# A line that ends with a stop or a colon (closing quotes may follow).
_FINAL = regex_cache.compile(rf"[.!?…:][{_CLOSE_CLASS}*]*$")
#: A dateline: an optional place ("Beirut", "Kabul, Afghanistan", "LAKEPORT, Mich.", "NEW YORK,
#: March 3"), the agency in brackets and a dash.
DATELINE = regex_cache.compile(
    r"(?:[A-Z][\w.'’-]*(?:,?[ \t]+[A-Z0-9][\w.'’-]*){0,4}[ \t]+)?"
    r"\((?:[A-Z][\w.&-]*(?:[ \t]+[A-Z][\w.&-]*){0,2})\)[ \t]*(?:--|—|–|-)"
)
# How far into a sentence a dateline's bracket may be.
_DATELINE_REACH = 60
_INITIALS = regex_cache.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_PARTY = regex_cache.compile(r"[RDI]-(?:[A-Z][a-z]{1,4}|[A-Z]\.[A-Z])")
_INITIAL = regex_cache.compile(r"[A-Z]\.")
_CAMEL = regex_cache.compile(r"[a-z]+[A-Z]")


def _words(listing: str) -> frozenset[str]:
    return frozenset(listing.split())


# Abbreviations that do not end a sentence (a title before a name, "e.g.").
_NEVER_FINAL = _words(
    """mr mrs ms messrs mme mlle dr prof sen sens rep reps gov govt gen lt col maj capt cmdr
    cdr sgt cpl pvt adm rev hon pres supt insp det fr mt ft rt e.g i.e cf viz vs v
    approx ca dept univ assn natl intl est fig figs vol vols pp p no nos op art arts ch sec
    secs para paras ed eds ref refs tel nr"""
)
# Of those, the ones that are abbreviations only before a number ("No. 10", "p. 5").
_BEFORE_NUMBER = _words("no nos p pp vol vols art arts fig figs sec secs op ch para paras ref refs tel")
# Abbreviations that may end a sentence: split only before a usual sentence opener.
_MAYBE_FINAL = _words(
    """st ave rd blvd hwy inc corp co ltd llc plc bros etc al jr sr u.s u.k u.n e.u d.c n.y l.a u.s.a ph.d
    b.a m.a jan feb mar apr jun jul aug sep sept oct nov dec ala ariz ark calif colo conn fla
    kan kans ky md mich minn mont neb nev okla tenn tex vt wis wyo n.h n.j n.m n.c n.d s.c s.d
    r.i w.va yrs mins hrs oz lb lbs sq"""
)
_CLOCK = frozenset({"a.m", "p.m"})
_AFTER_CLOCK = _words(
    """monday tuesday wednesday thursday friday saturday sunday today tomorrow tonight
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec local"""
)
# Words that start sentences (and seldom follow an abbreviation inside one).
_OPENER_WORDS = _words(
    """a an the he she it they we i you his her its their our my your this that these those
    there here but and or so yet if when while after before as at in on for with by from to
    of since although though because however meanwhile also still then now what who why how
    where which some many most several all both each such no not one two three mr mrs ms dr
    last next earlier later according analysts officials critics experts police"""
)
# Words a sentence cannot end on: a full stop with white space before it after one of these
# ("pleading guilty in . 2008") is a line break of the copy flattened into a dot, not a stop.
_NOT_LAST = _words(
    """the an and or nor but since than because although though whether if is are was were be
    been has have had will would can could should may might must my our your their its whose
    mr mrs ms dr"""
)
# Prepositions can end a sentence ("the escape you have been waiting for . The lodge"), so
# after one the dot is a break only before a usual sentence opener or a quotation.
_PREPOSITIONS = _words("of in on at to for with from into onto about over under after before")
# The fewest words of a lead-in that its list items finish (shorter lines are headings).
_LEAD_IN_WORDS = 4
# Headings and labels: a short line with no final punctuation.
_HEADLINE_MAX = 200


def is_space(ch: str) -> bool:
    """Whether ``ch`` is white space for segmentation (zero-width characters count)."""
    return ch.isspace() or ch in _ZW


def _content(text: str, start: int, end: int) -> tuple[int, int]:
    """The span ``start:end`` without white space around it."""
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    return start, end


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """Content spans of each line (``(s, s)`` for a blank line)."""
    for match in _LINE.finditer(text):
        if match.start() == match.end():
            break
        start, end = _content(text, match.start(), match.end())
        yield start, end
        if match.end() == len(text):
            break


def _is_list_item(line: str) -> bool:
    return _LIST_ITEM.match(line) is not None or line in {"-", "*", "•"}


def _hard_wrapped(text: str, block: list[tuple[int, int]]) -> bool:
    """Whether a block's lines look wrapped at a fixed width (newlines are just spaces)."""
    if len(block) < 3:
        return False
    lengths = [end - start for start, end in block[:-1]]
    longest = max(lengths)
    if longest < 40 or longest > 120 or min(lengths) < 0.7 * longest:
        return False
    # Wrapped lines mostly end mid-sentence; a line per sentence or paragraph does not.
    finals = sum(1 for start, end in block[:-1] if _FINAL.search(text, start, end))
    return finals * 2 < len(block) - 1


def _continues_list(line: str, following: str, *, in_list: bool) -> bool:
    """Whether the list item ``following`` goes on with the sentence of ``line``.

    A lead-in with no final punctuation ("The court found the firms") whose items start in
    lower case ("- misled buyers", "- hid the risks.") is one sentence: the items finish it.
    The sentence goes on over the items until one ends with a stop.  After a lead-in that
    ends with a colon, or with items in capitals, every item is its own sentence.
    """
    if not _is_list_item(following) or _FINAL.search(line):
        return False
    if not in_list and (_is_list_item(line) or len(line.split()) < _LEAD_IN_WORDS):
        # A short line is a heading ("What we know"), not the start of a sentence.
        return False
    body = _LIST_ITEM.sub("", following, count=1).lstrip(_OPENERS)
    return body[:1].islower()


def _runs_on(line: str, following: str, *, in_list: bool) -> bool:
    """Whether a sentence goes on over a blank line, from ``line`` into ``following``."""
    # A paragraph cut off after a comma or semicolon, or a lead-in and its lower-case items.
    if _is_list_item(line) or _is_list_item(following):
        return _continues_list(line, following, in_list=in_list)
    return line.endswith((",", ";"))


def _line_breaks(
    text: str, block: list[tuple[int, int]], *, in_list: bool = False
) -> tuple[list[tuple[bool, bool]], bool]:
    """For each gap between two lines of a block: (ends a sentence, starts a paragraph).

    ``in_list``: the block's first line is an item that goes on with a sentence begun before
    it.  Also returns whether the block's last line is such an item.
    """
    wrapped = _hard_wrapped(text, block)
    breaks: list[tuple[bool, bool]] = []
    for (start, end), (next_start, next_end) in pairwise(block):
        line = text[start:end]
        following = text[next_start:next_end]
        if _continues_list(line, following, in_list=in_list):
            in_list = True
            breaks.append((False, False))
            continue
        in_list = False
        if _is_list_item(line) or _is_list_item(following) or line.endswith(":"):
            breaks.append((True, False))
            continue
        first = following.lstrip(_OPENERS)[:1]
        if _FINAL.search(line):
            # In wrapped text a line end is a space; elsewhere it is a strong hint, but
            # "Mr.\nSmith" or a lower-case run-on still stays together.
            ends = _splits(line, following, line_end=not wrapped)
            # Text with one paragraph per line (no blank lines) is common in copied news.
            breaks.append((ends, ends and not wrapped))
            continue
        if wrapped or first.islower() or line.endswith((",", ";", "-", "–", "—", "(", "&")):
            breaks.append((False, False))
            continue
        # A heading, a byline or a label: its own sentence and paragraph.
        breaks.append((True, len(line) <= _HEADLINE_MAX))
    return breaks, in_list


def _splits(line: str, following: str, *, line_end: bool) -> bool:
    """Whether the stop that ends ``line`` ends a sentence, given the next line."""
    match = _TAIL_STOP.search(line)
    if match is None:
        return True
    nxt = following[:_WORD_WINDOW].split(maxsplit=1)
    prev = _word_before(line, 0, match.start())
    return _is_boundary(prev, match.group("punct"), nxt[0] if nxt else "", line_end=line_end)


def _word_before(text: str, floor: int, index: int) -> str:
    """The (at most 40 characters of the) word that ends at ``index``."""
    window = text[max(floor, index - _WORD_WINDOW) : index]
    found = _LAST_WORD.search(window)
    return found.group() if found else ""


def _is_boundary(prev: str, punct: str, nxt: str, *, line_end: bool = False, spaced: bool = False) -> bool:
    """Decide whether a stop ends a sentence, from the words either side of it.

    ``line_end``: the stop ends a line of unwrapped text, so only a lower-case next
    word or a title ("Mr.") keeps the sentence going.  ``spaced``: white space comes
    before the stop (``prev`` is the word before that space), as where copied news turned
    its line breaks into " . ".
    """
    word = nxt.lstrip(_OPENERS + "*-–—¡¿")
    if not word:
        # The next "word" is only punctuation (a dash, a lone quote): not a new sentence
        # unless it opens a quotation.
        return nxt[:1] in _OPENERS
    first = word[0]
    if first.islower() and not _CAMEL.match(word):
        # A lower-case word runs on ("etc. and"); "eBay" or "iPod" may still open a sentence.
        return False
    lowered = word.rstrip(_CLOSERS + ",.;:!?").lower()
    if spaced and punct == ".":
        # "guilty in . 2008", "After the war, . Elizabeth": a line broken mid-sentence.
        before = prev.lstrip(_OPENERS).lower()
        if before in _PREPOSITIONS:
            return lowered in _OPENER_WORDS or nxt[0] in _QUOTES
        return not (prev.endswith((",", ";")) or before in _NOT_LAST)
    # After an abbreviation that may end a sentence: a new sentence only if a usual
    # opener follows (or the line ends there).
    opens = line_end or lowered in _OPENER_WORDS or nxt[0] in _QUOTES
    if punct.startswith("..") or "…" in punct:
        # Mostly an elision inside a quotation ("such as... Maldives"): a new sentence
        # only when a usual opener follows.
        return opens
    if punct != ".":
        # ? and !: the case of the next word decides.
        return True
    stripped = prev.lstrip(_OPENERS)
    if not stripped or (stripped.isupper() and len(stripped) > 1 and "." not in stripped):
        # "MS.", "FT.", "US.": a capitalised word, not an abbreviation, unless the copy is in
        # capitals on both sides, as datelines and headlines are ("ST. LOUIS —", "FT. WORTH,"):
        # there an abbreviation before a capitalised name that is no usual opener goes on.
        bare = stripped.lower()
        upper_name = len(lowered) > 1 and word.rstrip(_CLOSERS + ",.;:!?").isupper()
        return not (
            upper_name and lowered not in _OPENER_WORDS and (bare in _NEVER_FINAL or bare in _MAYBE_FINAL)
        )
    party = _PARTY.fullmatch(stripped)
    if party:
        # "R-Ala.": a party and state after a politician's name.
        return opens
    bare = stripped.lower()
    if bare in _NEVER_FINAL:
        if bare in _BEFORE_NUMBER:
            # "No. 10" is an abbreviation; "said no. Then" ends a sentence.
            return not first.isdigit()
        return False
    if bare in _CLOCK:
        # "7:30 p.m. Authorities said": a time ends a sentence unless a day, a month
        # or a time zone follows ("7 p.m. Wednesday", "9 a.m. EST").
        zone = len(lowered) > 1 and word.startswith(lowered.upper())
        return line_end or not (lowered in _AFTER_CLOCK or zone)
    if bare in _MAYBE_FINAL or _INITIALS.fullmatch(bare):
        return opens
    if len(stripped) == 1 and stripped.isupper():
        # An initial ("George W. Bush", "J. K. Rowling"), unless a usual opener follows.
        return opens and not _INITIAL.fullmatch(word)
    return True


def _dateline(text: str, begin: int, end: int) -> tuple[int, int] | None:
    """Where a dateline that opens a sentence at ``begin`` ends, and where the news after it starts."""
    if text.find("(", begin, min(end, begin + _DATELINE_REACH)) < 0:
        return None
    match = DATELINE.match(text, begin, end)
    if match is None or match.end() >= end or not is_space(text[match.end()]):
        return None
    rest = _content(text, match.end(), end)[0]
    # The news opens after it with a capital, a figure or a quotation ("Lintel (LTL) - the bus
    # maker - cut …" is a company's ticker in an aside, not a dateline).
    if rest < end and (text[rest].isupper() or text[rest].isdigit() or text[rest] in _QUOTES):
        return match.end(), rest
    return None


def _split_run(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    """Split the run ``text[start:end]`` (no hard breaks inside) into sentences."""
    begin = start
    dateline = _dateline(text, begin, end)
    if dateline is not None:
        out.append((begin, dateline[0]))
        begin = dateline[1]
    for match in _STOP.finditer(text, start, end):
        at = match.start()
        if at < begin:
            continue  # inside a dateline already cut off ("LAKEPORT, Mich. (Wire) –")
        spaced = at > start and is_space(text[at - 1])
        if spaced:
            # The word before the space: what a " . " line break follows.
            at = _content(text, max(start, at - _WORD_WINDOW), at)[1]
        prev = _word_before(text, start, at)
        if _is_boundary(prev, match.group("punct"), match.group("next"), spaced=spaced):
            stop = match.end("close")
            if stop > begin:
                out.append((begin, stop))
            begin = match.end()
            dateline = _dateline(text, begin, end)
            if dateline is not None:
                # Web copy flattens its lines: "… 4 March 2025 . Harbourton (CNN) -- The ferry …".
                out.append((begin, dateline[0]))
                begin = dateline[1]
    if begin < end:
        out.append(_content(text, begin, end))


class _TooManyLines(Exception):
    """A run of more non-blank lines than a document may have sentences."""


def _blocks(text: str, max_lines: int | None = None) -> Iterator[list[tuple[int, int]]]:
    """Runs of non-blank lines (content spans), separated by blank lines.

    Raises:
        _TooManyLines: a run is longer than ``max_lines`` (its lines alone would outgrow memory).
    """
    block: list[tuple[int, int]] = []
    for start, end in _lines(text):
        if start == end:
            if block:
                yield block
                block = []
        else:
            block.append((start, end))
            if max_lines is not None and len(block) > max_lines:
                raise _TooManyLines
    if block:
        yield block


def _paragraphs(text: str, max_lines: int | None = None) -> Iterator[list[tuple[int, int]]]:
    """Sentence spans, one list per paragraph (a list may be empty)."""
    spans: list[tuple[int, int]] = []
    run_start = 0
    last: tuple[int, int] | None = None  # the last line of the block before
    last_in_list = False  # ... and whether it is an item that carries a sentence on
    for block in _blocks(text, max_lines):
        in_list = False
        if last is None:
            run_start = block[0][0]
        else:
            line, following = text[last[0] : last[1]], text[block[0][0] : block[0][1]]
            # A blank line ends the paragraph, unless the sentence plainly goes on after it.
            in_list = _continues_list(line, following, in_list=last_in_list)
            if not (in_list or _runs_on(line, following, in_list=last_in_list)):
                _split_run(text, run_start, last[1], spans)
                yield spans
                spans = []
                run_start = block[0][0]
        breaks, last_in_list = _line_breaks(text, block, in_list=in_list)
        for index, (sentence_break, paragraph_break) in enumerate(breaks):
            if sentence_break:
                _split_run(text, run_start, block[index][1], spans)
                run_start = block[index + 1][0]
                if paragraph_break:
                    yield spans
                    spans = []
        last = block[-1]
    if last is not None:
        _split_run(text, run_start, last[1], spans)
        yield spans


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences.

    Args:
        text: any text.

    Returns:
        ``(start, end)`` spans in order: ``text[start:end]`` is a sentence without
        surrounding white space; together they cover every non-space character once.
    """
    spans: list[tuple[int, int]] = []
    for paragraph in _paragraphs(text):
        spans.extend(paragraph)
    return spans


def segment(
    text: str,
    *,
    source: str | None = None,
    encoding: str | None = None,
    warnings: tuple[str, ...] = (),
    max_sentences: int | None = None,
) -> Document:
    """Cut ``text`` into a :class:`~summarizer.model.Document` of paragraphs and sentences.

    Args:
        text: the decoded text; offsets index it unchanged.
        source: where the text came from, kept on the document.
        encoding: the encoding it was decoded with, kept on the document.
        warnings: notes from reading, kept on the document.
        max_sentences: refuse a text of more sentences than this (default
            :data:`MAX_SENTENCES`), before they are all made.

    Returns:
        The document; ``Sentence.paragraph`` is the paragraph index and each
        ``Paragraph`` names its first and last sentence.

    Raises:
        InputTooLargeError: the text has more than ``max_sentences`` sentences.
    """
    limit = MAX_SENTENCES if max_sentences is None else max_sentences
    sentences: list[Sentence] = []
    paragraphs: list[Paragraph] = []
    try:
        for spans in _paragraphs(text, limit):
            if not spans:
                continue
            if len(sentences) + len(spans) > limit:
                raise InputTooLargeError(
                    f"{source or 'the text'}: more than {limit:,} sentences, the most evenhand summarises"
                    " (memory grows with sentences; see docs/limits.md); split the text into articles"
                )
            first = len(sentences)
            paragraph = len(paragraphs)  # one int object for the paragraph's sentences, not one each
            for start, end in spans:
                sentences.append(Sentence.within(text, len(sentences), paragraph, start, end))
            # The paragraph's first and last sentence are the int objects its sentences hold as their index.
            paragraphs.append(
                Paragraph(paragraph, spans[0][0], spans[-1][1], sentences[first].index, sentences[-1].index)
            )
    except _TooManyLines:
        raise InputTooLargeError(
            f"{source or 'the text'}: more than {limit:,} lines without a blank line, more than evenhand"
            " summarises (memory grows with lines and sentences; see docs/limits.md); split the text into articles"
        ) from None
    return Document(
        text=text,
        sentences=tuple(sentences),
        paragraphs=tuple(paragraphs),
        source=source,
        encoding=encoding,
        warnings=warnings,
    )
