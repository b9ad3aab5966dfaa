"""Recognise promotional and navigation text, which is never content.

:func:`detect_boilerplate` gives each sentence ``None`` or a short plain label, used in the
reason text ("boilerplate: call to action").  Labels:

    call to action      the reader told to act: "Click to check it out.", "Sign up today"
    membership pitch    newsletter, membership and donation pitches, and every sentence of a
                        paragraph that is mostly such a pitch ("Proceeds get reinvested …")
    navigation          site furniture: "Related Posts", "Submit a Correction", "Read more"
    share prompt        "Share this article", "Follow us on …"
    copyright line      "© 2026 …", "All rights reserved"
    time stamp          "PUBLISHED: 14:11 EST, 25 October 2013", "Last updated at 3:31 PM on …"
    byline              "By Jane Smith", "Written by …" (a short line of its own), or "By ."
                        followed by the names as a sentence of their own ("Jane Smith .",
                        "Jane Smith . and Tom Lee .", "Jane Smith for MailOnline .")
    photo credit        "Photo: …", "(AP Photo/…)", "Getty Images"
    photo caption       a line without its own full stop, opened by a short label and a colon:
                        "Flooded: The high street under a metre of water ." (web copy flattens
                        the caption's line end into " ."); in copy with such captions, a sentence
                        of the same shape with its full stop too
    dateline            "(CNN) --", "LONDON (Reuters) -": the place and the agency before the
                        lead, which :mod:`summarizer.segment` cuts off as a sentence of its own
    editor's note       "Editor's note: …"
    wire credit         "(Reuters)", "Reporting by …; Editing by …", "… contributed to this report"
    orphan line         a short line without final punctuation after the body has ended,
                        such as a site name ("LET Unity")

Context matters as much as the words: a call to action inside a quotation is a speaker's
words, not boilerplate; a short unpunctuated line at the top is a headline, and only after
the last sentence of the body is it an orphan.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from summarizer import regex_cache
from summarizer.cues import call_to_action, fold_case, quoted_ranges, within_quotation
from summarizer.model import Cue, Document, Sentence
from summarizer.segment import DATELINE as _DATELINE
from summarizer.tokens import count_pieces

#: At most this many words for a line to be an orphan, a byline or navigation.
SHORT_LINE_WORDS = 6
#: A paragraph is a pitch when at least this share of its sentences are calls to action or pitches.
PITCH_SHARE = 0.5

_FLAGS = re.IGNORECASE
_NAVIGATION = regex_cache.compile(
    r"^\W*(?:related\s+(?:posts?|articles?|stories|content|coverage|topics|links)|read\s+more(?:\s*:.*)?|more\s+from|"
    r"more\s+on\s+this\s+story|recommended(?:\s+for\s+you)?|you\s+may\s+also\s+like|you\s+might\s+also\s+like|"
    r"trending(?:\s+now)?|most\s+(?:popular|read)|next\s+(?:article|post|story)|previous\s+(?:article|post|story)|"
    r"submit\s+a\s+(?:correction|tip)|report\s+an?\s+(?:error|typo)|suggest\s+a\s+correction|"
    r"(?:leave\s+a\s+|view\s+|show\s+)?comments?(?:\s+\(\d+\))?|tags?:.*|filed\s+under:?.*|categories:.*|"
    r"back\s+to\s+top|skip\s+to\s+(?:main\s+)?content|advertisement|sponsored(?:\s+content)?|"
    r"continue\s+reading|top\s+stories|latest\s+news|see\s+also|click\s+here|scroll\s+down\s+for\s+(?:video|more))\W*$",
    _FLAGS,
)
_SHARE = regex_cache.compile(
    r"^\W*(?:share\s+(?:this|on|via)\b|follow\s+(?:us|me)\b|like\s+us\s+on\b|tweet\s+this\b|email\s+this\b|"
    r"print\s+this\b|share\s*$|(?:facebook|twitter|linkedin|whatsapp|email|print|reddit)(?:\W+(?:facebook|twitter|"
    r"linkedin|whatsapp|email|print|reddit|x))*\W*$)",
    _FLAGS,
)
_COPYRIGHT = regex_cache.compile(
    r"(?:©|\(c\)\s*(?:19|20)\d\d|\bcopyright\s+(?:©\s*)?(?:19|20)\d\d|\ball\s+rights\s+reserved\b)", _FLAGS
)
_BYLINE = regex_cache.compile(
    r"^(?i:by|written\s+by|words\s+by|story\s+by)\s+[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}"
    r"(?:\s*(?:,|and|&|\||-|–)\s*[\w .'’\-]+)?\s*$"
)
_PHOTO = regex_cache.compile(
    r"(?:^\W*(?i:photo|photograph|image|picture|pictured|credit|illustration)s?\s*(?i:by\b|:|/|credit\b)|"
    r"\b(?:AP|AFP|Reuters|Getty)\s*(?:Photo|Images)\b|\bGetty\s+Images\b|^\(?[A-Z]{2,}/[A-Z][\w ]+\)?$)",
)
# A page's time stamp: "PUBLISHED: .", "Last updated at 3:31 PM on 19th July 2011 .",
# "14:11 EST, 25 October 2013 ." (web copy keeps them as short sentences of their own).
_TIME_DATE = (
    r"(?:\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[A-Z]{2,4})?,?\s*)?"
    r"(?:(?:on\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}(?:st|nd|rd|th)?,?)\s+\d{4})?"
)
_TIMESTAMP = regex_cache.compile(
    r"^\W*(?:(?i:published|updated|last\s+(?:updated|modified)|posted)\s*(?::|\s(?i:at|on)\b)[\s.|]*"
    + _TIME_DATE
    + r"|\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[A-Z]{2,4})?,?\s*"
    + _TIME_DATE
    + r")[\s.|]*$"
)
_BY_ALONE = regex_cache.compile(r"^\W*(?i:by)\W*$")
# The names after "By .": capitalised words, a few joining words, the dots of flattened line
# ends ("John Hall . and Ted Thornhill .", "Harriet Arkell For Mailonline .").
_BYLINE_NAMES = regex_cache.compile(
    r"^(?:[A-Z][\w'’\-]*\.?|and|&|for|in|with|\.|,)(?:\s+(?:[A-Z][\w'’\-]*\.?|and|&|for|in|with|\.|,))*$"
)
#: At most this many names and joining words in the line after "By .".
BYLINE_NAME_WORDS = 9
# A caption's label: a few words, the first capitalised, then a colon ("Flooded:", "Andrew Moss:",
# "Stand by your man:"); its text does not open a quotation (a colon before one is a lead-in).
_CAPTION = regex_cache.compile(r"^(?P<label>[A-Z][\w'’\-]*(?:\s+[\w'’&\-]+){0,4}):\s+(?P<rest>[^\s'\"‘“].*)$", re.DOTALL)
# A label that is a clause, not a caption's headword: it says who spoke or points back.
_NOT_LABEL = regex_cache.compile(
    r"^(?:He|She|It|They|We|I|You|This|That|These|Those|There|His|Her|Their|Its|But|And|Or|So)\b|"
    r"\b(?:said|says|say|added|adds|told|tells|wrote|writes|reads?|replied|asked|explained|continued|insisted|"
    r"warned|stated|declared|announced|claimed|argued|noted|posted|tweeted|commented|revealed|admitted|"
    r"concluded|ruled|responded|recalled|urged|is|are|was|were|has|have|had)\b",
)
#: A caption's text after its label has at least this many words.
CAPTION_WORDS = 4
#: A caption with a full stop of its own, in copy with captions, has at most this many words.
CAPTION_MAX_WORDS = 40
# The line end of web copy flattened into " .": the line had no full stop of its own.
_FLATTENED_END = regex_cache.compile(r"\s\.$")
_EDITORS_NOTE = regex_cache.compile(r"^\W*editor[’']?s[’']?\s+note\b", _FLAGS)
_WIRE = regex_cache.compile(
    r"^\W*(?:\((?:Reuters|AP|AFP|Bloomberg|UPI)\)\W*|(?:additional\s+)?reporting\s+by\b.*|editing\s+by\b.*|"
    r"writing\s+by\b.*|compiled\s+by\b.*|.{0,80}\bcontributed\s+(?:to\s+)?this\s+report\W*)$",
    _FLAGS,
)
_PITCH = regex_cache.compile(
    r"\b(?:newsletters?|subscri(?:be|ber|bers|ption|ptions)|members?hip|members-only|premium\s+(?:content|access)|"
    r"donat(?:e|ion|ions)|proceeds|patreon|paywall|exclusive\s+(?:access|content|stories)|"
    r"unprecedented\s+access|ad-free|inbox|sign\s+up|support\s+(?:our|independent)\s+(?:journalism|work|reporting))\b",
    _FLAGS,
)
# The reader or the publication addressed; "us" in lower case only ("US bank" is not "us").
_ADDRESS = regex_cache.compile(r"\b(?:[Yy]ou|[Yy]our|[Oo]ur|us)\b")
_FINAL = regex_cache.compile(r"[.!?…:;][\"'”’)\]]*$")


def _is_prose(sentence: Sentence, words: int) -> bool:
    """Whether a sentence of ``words`` words (:func:`~summarizer.tokens.count_pieces`) reads as prose: long enough, and stopped."""
    return words >= SHORT_LINE_WORDS and _FINAL.search(sentence.text) is not None


# Words (folded) without one of which a pattern cannot match: tested before the pattern.
_WIRE_HINTS = ("(", "reporting", "editing", "writing", "compiled", "contributed")
_PHOTO_HINTS = ("/", "photo", "image", "picture", "credit", "illustration")
_PITCH_HINTS = (
    "newsletter", "subscri", "member", "premium", "donat", "proceeds", "patreon", "paywall", "exclusive",
    "unprecedented", "ad-free", "inbox", "sign", "support",
)  # fmt: skip
_COPYRIGHT_HINTS = ("©", "(c)", "copyright", "reserved")


def _hinted(folded: str, hints: tuple[str, ...]) -> bool:
    """Whether ``folded`` holds any of ``hints`` (a substring test each: quicker than one regex)."""
    for hint in hints:  # noqa: SIM110  # a loop: any() over a generator is slower here
        if hint in folded:
            return True
    return False


#: How many lines' answers :class:`_Lines` keeps at most.
_REMEMBERED = 256


class _Lines:
    """Where each sentence's line starts and ends, with what is asked of lines, worked out once.

    A line is the text between two newlines.  Keeping the newline offsets and, per line, the
    first and last character that is not white space, keeps every question about a sentence's
    line as cheap on a document of one long line as on a short article.  Sentences are asked
    about in order, so only the lines asked about last are remembered (:data:`_REMEMBERED`):
    a long document's memory is not spent on a cache of every line.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks = array("q", (m.start() for m in re.finditer("\n", text)))
        self._edges: dict[int, tuple[int, int]] = {}
        self._copyright: dict[tuple[int, int], bool] = {}

    def _line(self, position: int) -> int:
        """The index of the line ``position`` is on (a newline ends its own line)."""
        return bisect_left(self.breaks, position)

    def _bounds(self, line: int) -> tuple[int, int]:
        start = self.breaks[line - 1] + 1 if line else 0
        end = self.breaks[line] if line < len(self.breaks) else len(self.text)
        return start, end

    def _edges_of(self, line: int) -> tuple[int, int]:
        """The first character of the line that is not white space, and one past the last."""
        edges = self._edges.get(line)
        if edges is None:
            start, end = self._bounds(line)
            content = self.text[start:end]
            if len(self._edges) >= _REMEMBERED:
                self._edges.clear()
            edges = self._edges[line] = (
                start + len(content) - len(content.lstrip()),
                start + len(content.rstrip()),
            )
        return edges

    def alone(self, sentence: Sentence) -> bool:
        """Whether nothing but white space shares the sentence's first and last line."""
        first, _ = self._edges_of(self._line(sentence.start))
        _, last = self._edges_of(self._line(sentence.end))
        return first >= sentence.start and last <= sentence.end

    def copyright(self, sentence: Sentence) -> bool:
        """Whether the sentence's whole line is a short copyright line."""
        key = (self._line(sentence.start), self._line(sentence.end))
        found = self._copyright.get(key)
        if found is None:
            start, end = self._bounds(key[0])[0], self._bounds(key[1])[1]
            whole = self.text[start:end].strip()
            if len(self._copyright) >= _REMEMBERED:
                self._copyright.clear()
            found = self._copyright[key] = (
                _hinted(fold_case(whole), _COPYRIGHT_HINTS)
                and _COPYRIGHT.search(whole) is not None
                and count_pieces(whole) <= 25
            )
        return found


def _is_caption(line: str, alone: bool, *, stopped: bool = False) -> bool:
    """A line without its own full stop (flattened into " ." or none at all), opened by a
    short label and a colon: "Flooded: The high street under a metre of water ."; with
    ``stopped``, one that has its stop too."""
    if ":" not in line[:60]:
        return False
    if not (stopped or _FLATTENED_END.search(line) or (alone and not _FINAL.search(line))):
        return False
    match = _CAPTION.match(line)
    return (
        match is not None
        and _NOT_LABEL.search(match.group("label")) is None
        and count_pieces(match.group("rest").rstrip(" .")) >= CAPTION_WORDS
    )


def _line_label(sentence: Sentence, quoted: bool, lines: _Lines, words: int, called: bool | None = None) -> str | None:
    """The label of one sentence on its own (``words``: its :func:`~summarizer.tokens.count_pieces`, the same stripped or not;
    ``called``: whether :func:`call_to_action` of its text finds one, when the cues know it already)."""
    text = sentence.text
    line = text.strip()
    short = words <= SHORT_LINE_WORDS
    alone = lines.alone(sentence)
    folded = fold_case(line)
    if _EDITORS_NOTE.search(line):
        return "editor's note"
    if lines.copyright(sentence):
        return "copyright line"
    if words <= 25 and _hinted(folded, _WIRE_HINTS) and _WIRE.match(line):
        return "wire credit"
    if alone and words <= 20 and _hinted(folded, _PHOTO_HINTS) and _PHOTO.search(line):
        return "photo credit"
    if alone and short and _BYLINE.match(line):
        return "byline"
    if short and _BY_ALONE.match(line):
        return "byline"
    if words <= 10 and _TIMESTAMP.match(line):
        return "time stamp"
    if words <= 8 and _DATELINE.fullmatch(line):
        return "dateline"
    if (alone or short or line.lower().startswith("read more:")) and _NAVIGATION.match(line):
        return "navigation"
    if (alone or short) and _SHARE.match(line):
        return "share prompt"
    if quoted:
        return None
    if _is_caption(line, alone):
        return "photo caption"
    if words <= 40 and (called if called is not None and len(line) == len(text) else call_to_action(line) is not None):
        return "call to action"
    if words <= 40 and _hinted(folded, _PITCH_HINTS) and _PITCH.search(line) and _ADDRESS.search(line):
        return "membership pitch"
    return None


def _calls_found(document: Document, cues: Sequence[Sequence[Cue]]) -> list[bool | None]:
    """Per sentence, whether :func:`call_to_action` of its text finds one, read from its cues where
    they tell: the cue finder asks the same of the sentence with its quotations blanked out, so
    for a sentence that no quotation touches the answer is the same; ``None`` for the others."""
    firsts, lasts = quoted_ranges(document.text)
    found: list[bool | None] = []
    for sentence, own in zip(document.sentences, cues, strict=True):
        at = bisect_right(firsts, sentence.end - 1) - 1  # the last quoted range starting in or before the sentence
        if at >= 0 and lasts[at] >= sentence.start:
            found.append(None)
        else:
            found.append(any(cue.category == "call_to_action" for cue in own) if own else False)
    return found


def detect_boilerplate(
    document: Document,
    *,
    cues: Sequence[Sequence[Cue]] | None = None,
    pieces: Sequence[int] | None = None,
) -> tuple[str | None, ...]:
    """Label the promotional and navigation sentences of ``document``.

    Args:
        document: the segmented text.
        cues: :func:`~summarizer.cues.find_cues` of it, when found already: their calls to
            action are not looked for again.
        pieces: :func:`~summarizer.tokens.count_pieces` of every sentence, when counted already.

    Returns:
        One entry per sentence: ``None`` for content, or a short plain label such as
        ``"call to action"`` or ``"orphan line"``.
    """
    sentences = document.sentences
    if not sentences:
        return ()
    text = document.text
    lines = _Lines(text)

    def quoted(sentence: Sentence) -> bool:
        return within_quotation(text, sentence.start, (sentence.start + sentence.end) // 2)

    counts = [count_pieces(s.text) for s in sentences] if pieces is None else pieces  # every later test reads these
    if cues is None:
        labels: list[str | None] = [_line_label(s, quoted(s), lines, n) for s, n in zip(sentences, counts, strict=True)]
    else:
        labels = [
            _line_label(s, quoted(s), lines, n, called)
            for s, n, called in zip(sentences, counts, _calls_found(document, cues), strict=True)
        ]

    # "By ." then the names on their own: the names are the rest of the byline.
    for i in range(1, len(sentences)):
        if labels[i - 1] == "byline" and _BY_ALONE.match(sentences[i - 1].text) and labels[i] is None:
            name = sentences[i].text.strip()
            named = [w for w in name.split() if w not in (".", ",")]
            if named and len(named) <= BYLINE_NAME_WORDS and named[0][:1].isupper() and _BYLINE_NAMES.match(name):
                labels[i] = "byline"
        # "PUBLISHED: . 14:11 EST … | . UPDATED: ." : the bar between two time stamps is theirs too.
        elif (
            labels[i - 1] == "time stamp"
            and labels[i] is None
            and i + 1 < len(sentences)
            and labels[i + 1] == "time stamp"
            and not any(c.isalnum() for c in sentences[i].text)
        ):
            labels[i] = "time stamp"

    # Copy whose captions show (a label, a colon, no full stop of their own) has more of them
    # that kept their stop ("Rescued: A lifeboat crew brings the family ashore."): the same
    # shape, in the same copy, is a caption too.
    if "photo caption" in labels:
        for i, sentence in enumerate(sentences):
            if (
                labels[i] is None
                and counts[i] <= CAPTION_MAX_WORDS
                and not quoted(sentence)
                and _is_caption(sentence.text.strip(), alone=True, stopped=True)
            ):
                labels[i] = "photo caption"

    # A paragraph that is mostly pitch is all pitch ("Proceeds get reinvested …").
    for paragraph in document.paragraphs:
        members = list(paragraph.sentence_indices)
        pitched = [i for i in members if labels[i] in ("call to action", "membership pitch")]
        if pitched and len(pitched) / len(members) >= PITCH_SHARE:
            for i in members:
                if labels[i] is None and not quoted(sentences[i]):
                    labels[i] = "membership pitch"

    # After the body ends, short lines without final punctuation are page furniture.
    content = [i for i, s in enumerate(sentences) if labels[i] is None and _is_prose(s, counts[i])]
    if content:
        body_end = content[-1]
        for i in range(body_end + 1, len(sentences)):
            sentence = sentences[i]
            if (
                labels[i] is None
                and counts[i] <= SHORT_LINE_WORDS
                and not _FINAL.search(sentence.text)
                and lines.alone(sentence)
            ):
                labels[i] = "orphan line"
    return tuple(labels)
