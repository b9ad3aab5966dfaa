"""The summary as JSON: a documented, versioned schema, and its exact round trip.

Schema version 2 (``docs/schema.md`` describes every field; version 1 files, which have no
``speaker``, are still read)::

    {"schema_version": 2, "source": ..., "algorithm": ..., "engine": ..., "language": ...,
     "trim": bool, "edits": "none"|"trim"|"reword"|"compress" (only where "trim" does not say it), "budget": {"sentences", "ratio", "words", "target", "note"},
     "summary": "the summary text", "notes": [...],
     "document": {"text": ..., "encoding": ..., "warnings": [...],
                  "page": {"title", "author", "date", "site_name", "url", "final_url"},  # web pages only
                  "paragraphs": [{"index", "start", "end", "first_sentence", "last_sentence"}]},
     "sentences": [{"index", "paragraph", "start", "end", "text", "kept", "score", "rank",
                    "bias", "bias_framing", "bias_quoted", "boilerplate", "cues": [...],
                    "edits": [...], "reasons": [...], "output", "factors": {...}, "unit",
                    "speaker": {"name", "start", "end", "quoted", "via"} | null, "plain": {...}}],
     "stats": {"words_original", "words_summary", "compression", "cues_original",
               "cues_summary", "readability": {"original": {...}, "summary": {...}}}}

Offsets are code-point indices into ``document.text``, so ``text[start:end]`` is the
sentence (or cue, or edit) in any language that indexes strings by code point.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, fields
from typing import TYPE_CHECKING, Any, TextIO

from summarizer import regex_cache
from summarizer.errors import SchemaError  # re-exported: its home is summarizer.errors
from summarizer.invisible import INVISIBLE_CLASS
from summarizer.model import (
    SCHEMA_VERSION,
    Budget,
    Cue,
    Decision,
    Document,
    Edit,
    Paragraph,
    Readability,
    Reason,
    Sentence,
    Speaker,
    Stats,
    Summary,
    WebPage,
)
from summarizer.options import edits_for_trim

if TYPE_CHECKING:
    from summarizer.plain import PlainMarks


def to_dict(summary: Summary, *, streamed: bool = False) -> dict[str, Any]:
    """The summary as plain JSON-ready data (schema version :data:`~summarizer.model.SCHEMA_VERSION`).

    With ``streamed``, the sentences (and the paragraphs) are a :class:`Stream`, each made as :func:`dump`
    writes it, so a document of hundreds of thousands of sentences is never held as data
    all at once (only :func:`dump` and :func:`dumps` write a :class:`Stream`).
    """
    document = summary.document
    from summarizer.plain import mark_sentence, marks_once

    # Each sentence is marked once for its record and its count; streamed, no marks are held.
    mark = mark_sentence if streamed else marks_once()
    sentences: list[dict[str, Any]] | Stream = (
        Stream(lambda: map(_decision_to_dict, summary.decisions))
        if streamed
        else [_decision_to_dict(d, mark) for d in summary.decisions]
    )
    stats = summary.stats
    return {
        "schema_version": SCHEMA_VERSION,
        "source": document.source,
        "algorithm": summary.algorithm,
        "engine": summary.engine,
        "language": summary.language,
        "trim": summary.trim,
        **_edits_field(summary),
        "budget": asdict(summary.budget),
        "summary": summary.text,
        "notes": list(summary.notes),
        "document": _document_to_dict(document, streamed=streamed),
        "sentences": sentences,
        "stats": {
            "words_original": stats.words_original,
            "words_summary": stats.words_summary,
            "compression": stats.compression,
            "cues_original": stats.cues_original,
            "cues_summary": stats.cues_summary,
            "readability": {
                "original": asdict(stats.readability_original),
                "summary": asdict(stats.readability_summary),
            },
            "plain": _plain_to_dict(summary, mark),
        },
    }


def _edits_field(summary: Summary) -> dict[str, str]:
    """``{"edits": level}`` when ``trim`` alone does not say the edit level, else nothing: a summary
    with its algorithm's own level (or none) reads as it did before the field was added."""
    level = summary.edit_level
    return {} if level == edits_for_trim(summary.trim, summary.algorithm) else {"edits": level}


def _plain_to_dict(summary: Summary, mark: Callable[[str], PlainMarks]) -> dict[str, Any]:
    """Hard, very hard, passive and plainer-word sentence counts (derived from the text: not read back)."""
    from summarizer.plain import plain_counts

    original, after = plain_counts(summary, mark=mark)
    return {"original": original.to_dict(), "summary": after.to_dict()}


def _document_to_dict(document: Document, *, streamed: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "text": document.text,
        "encoding": document.encoding,
        "warnings": list(document.warnings),
    }
    if document.page is not None:  # only for web pages: plain-text summaries stay as they were
        data["page"] = asdict(document.page)
    # Streamed, a long text's paragraphs (one for every two sentences or so) are not all held as dicts.
    data["paragraphs"] = Stream(lambda: map(asdict, document.paragraphs)) if streamed else [asdict(p) for p in document.paragraphs]
    return data


def _decision_to_dict(decision: Decision, mark: Callable[[str], PlainMarks] | None = None) -> dict[str, Any]:
    s = decision.sentence
    return {
        "index": s.index,
        "paragraph": s.paragraph,
        "start": s.start,
        "end": s.end,
        "text": s.text,
        "kept": decision.kept,
        "score": decision.score,
        "rank": decision.rank,
        "bias": decision.bias,
        "bias_framing": decision.bias_framing,
        "bias_quoted": decision.bias_quoted,
        "boilerplate": decision.boilerplate,
        "cues": [_flat(c) for c in decision.cues],
        "edits": [_flat(e) for e in decision.edits],
        "reasons": [_flat(r) for r in decision.reasons],
        "output": decision.output,
        "factors": dict(decision.factors),
        "unit": decision.unit,
        "speaker": None if decision.speaker is None else _flat(decision.speaker),
        "plain": _marks(decision, mark),
    }


def _marks(decision: Decision, mark: Callable[[str], PlainMarks] | None) -> dict[str, Any]:
    from summarizer.plain import decision_marks

    return decision_marks(decision) if mark is None else decision_marks(decision, mark=mark)


_FIELDS: dict[type, tuple[str, ...]] = {
    kind: tuple(f.name for f in fields(kind)) for kind in (Cue, Edit, Speaker)
} | {Reason: Reason.__match_args__}
#: The versions :func:`from_dict` reads: version 1 is version 2 without speakers.
READABLE_VERSIONS = (1, SCHEMA_VERSION)


def _flat(record: Cue | Edit | Reason | Speaker) -> dict[str, Any]:
    """A record of plain values as a dict: what ``asdict`` gives, without its deep copies."""
    return {name: getattr(record, name) for name in _FIELDS[type(record)]}


def to_json(summary: Summary, *, indent: int | None = 2) -> str:
    """The summary as a JSON string (UTF-8, non-ASCII kept as is), laid out as :func:`dumps` does."""
    return dumps(to_dict(summary), indent=indent)


# C-accelerated: json.dumps with an indent runs the pure-Python encoder, ten times slower.
_COMPACT = json.JSONEncoder(ensure_ascii=False).encode
# Characters the encoder writes raw (non-ASCII is kept); they can only occur inside strings.
# Bidi controls and invisible characters are escaped too (exact, but inert on a terminal),
# and so are lone surrogates, which no UTF-8 output could hold.
_RAW = regex_cache.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff" + INVISIBLE_CLASS + "]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code > 0xFFFF:  # a tag character: JSON writes it as a surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


class Stream:
    """A list of objects (dicts or lists) that :func:`dump` writes as it makes them, one a line.

    ``make`` is called once per writing and returns the items in order; nothing holds them
    all at once.  It is laid out as the same list would be.
    """

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Iterable[Any]]) -> None:
        self.make = make


def dumps(data: Any, *, indent: int | None = 2) -> str:
    """Write JSON-ready ``data`` as JSON text that is inert on a terminal and quick to write.

    Non-ASCII text is kept as is; JSON escapes the C0 controls, and DEL, the C1 controls,
    the Unicode line separators, bidi controls, invisible characters and lone surrogates
    are written as ``\\uXXXX`` escapes too.  With ``indent=None``
    the text is one line.  Otherwise it is laid out for reading and for line tools such as
    ``grep`` and ``diff``: the top-level object and the objects in it show one key a line,
    and a list of objects or lists shows one item a line, each item on a line of its own.
    """
    text = _COMPACT(data) if indent is None else "".join(_layout(data, " " * indent, ""))
    return _RAW.sub(_escape, text)


#: :func:`dump` writes about this many characters at a time.
CHUNK = 1 << 20


def dump(data: Any, file: TextIO, *, indent: int = 2) -> None:
    """Write ``data`` to ``file`` exactly as :func:`dumps` would, a piece at a time.

    Memory stays within a few times :data:`CHUNK` beyond ``data`` itself: long strings are
    encoded slice by slice, and a :class:`Stream`'s items are made as they are written.
    """
    pending: list[str] = []
    size = 0
    for piece in _layout(data, " " * indent, ""):
        pending.append(piece)
        size += len(piece)
        if size >= CHUNK:
            file.write(_RAW.sub(_escape, "".join(pending)))
            pending, size = [], 0
    file.write(_RAW.sub(_escape, "".join(pending)))


def _layout(value: Any, step: str, pad: str) -> Iterator[str]:
    """The pieces of :func:`dumps`'s layout of ``value`` (before escaping), in order."""
    inner = pad + step
    if isinstance(value, dict) and value and len(pad) < 2 * len(step):
        opening = "{\n"
        for key, item in value.items():
            yield f"{opening}{inner}{_COMPACT(key)}: "
            yield from _layout(item, step, inner)
            opening = ",\n"
        yield f"\n{pad}}}"
    elif isinstance(value, Stream):
        items = iter(value.make())
        first = next(items, _NOTHING)
        if first is _NOTHING:
            yield "[]"
        elif not isinstance(first, dict | list):
            yield from _flat_list(first, items)
        else:
            yield f"[\n{inner}{_COMPACT(first)}"
            for item in items:
                yield f",\n{inner}{_COMPACT(item)}"
            yield f"\n{pad}]"
    elif isinstance(value, list) and value and isinstance(value[0], dict | list):
        yield "[\n" + ",\n".join(inner + _COMPACT(item) for item in value) + f"\n{pad}]"
    elif isinstance(value, list) and value:
        yield from _flat_list(value[0], iter(value[1:]))
    elif isinstance(value, str) and len(value) > CHUNK:
        # A character's JSON encoding does not depend on its neighbours: encode slice by slice.
        yield '"'
        for start in range(0, len(value), CHUNK):
            yield _COMPACT(value[start : start + CHUNK])[1:-1]
        yield '"'
    else:
        yield _COMPACT(value)


_NOTHING = object()


def _flat_list(first: Any, rest: Iterator[Any]) -> Iterator[str]:
    """A list of plain values on one line, as the encoder writes it (``[a, b]``), an item at a time:
    a long text's ``summary_sentences`` is millions of characters, and one string of it was copied
    three times over as it was escaped and written."""
    yield "[" + _COMPACT(first)
    for item in rest:
        yield ", " + _COMPACT(item)
    yield "]"


def from_dict(data: dict[str, Any]) -> Summary:
    """Rebuild a :class:`Summary` from :func:`to_dict`'s output.

    Raises:
        SchemaError: missing fields, a schema version this code does not read, or
            offsets that do not index the text.
    """
    version = data.get("schema_version") if isinstance(data, dict) else None
    if version not in READABLE_VERSIONS:
        raise SchemaError(
            f"expected an evenhand summary with schema_version {' or '.join(map(str, READABLE_VERSIONS))}, got {version!r}"
        )
    try:
        doc = data["document"]
        text: str = doc["text"]
        sentences = tuple(
            Sentence(index=s["index"], paragraph=s["paragraph"], start=s["start"], end=s["end"], text=s["text"])
            for s in data["sentences"]
        )
        for sentence in sentences:
            if text[sentence.start : sentence.end] != sentence.text:
                raise SchemaError(f"sentence {sentence.index}: its offsets do not index its text")
        document = Document(
            text=text,
            sentences=sentences,
            paragraphs=tuple(Paragraph(**p) for p in doc["paragraphs"]),
            source=data.get("source"),
            encoding=doc.get("encoding"),
            warnings=tuple(doc.get("warnings", ())),
            page=WebPage(**doc["page"]) if doc.get("page") is not None else None,
        )
        decisions = tuple(
            Decision(
                sentence=sentence,
                kept=s["kept"],
                score=s["score"],
                rank=s["rank"],
                output=s.get("output", ""),
                bias=s.get("bias"),
                bias_framing=s.get("bias_framing"),
                bias_quoted=s.get("bias_quoted"),
                boilerplate=s.get("boilerplate", False),
                cues=tuple(Cue(**c) for c in s.get("cues", ())),
                edits=tuple(Edit(**e) for e in s.get("edits", ())),
                reasons=tuple(Reason(**r) for r in s.get("reasons", ())),
                factors=s.get("factors", {}),
                unit=s.get("unit"),
                speaker=Speaker(**s["speaker"]) if s.get("speaker") is not None else None,
            )
            for sentence, s in zip(sentences, data["sentences"], strict=True)
        )
        stats_data = data["stats"]
        stats = Stats(
            words_original=stats_data["words_original"],
            words_summary=stats_data["words_summary"],
            compression=stats_data["compression"],
            readability_original=Readability(**stats_data["readability"]["original"]),
            readability_summary=Readability(**stats_data["readability"]["summary"]),
            cues_original=stats_data.get("cues_original", 0),
            cues_summary=stats_data.get("cues_summary", 0),
        )
        return Summary(
            document=document,
            algorithm=data["algorithm"],
            engine=data.get("engine", "fast"),
            budget=Budget(**data["budget"]),
            decisions=decisions,
            text=data["summary"],
            stats=stats,
            trim=data.get("trim", False),
            language=data.get("language", "english"),
            notes=tuple(data.get("notes", ())),
            edits=data.get("edits"),
        )
    except (KeyError, TypeError) as error:
        raise SchemaError(f"not an evenhand summary: {error}") from None


def from_json(text: str) -> Summary:
    """Rebuild a :class:`Summary` from :func:`to_json`'s output."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise SchemaError(f"not JSON: {error}") from None
    return from_dict(data)
