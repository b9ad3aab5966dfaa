"""Measure sentence segmentation against reference sentences in a JSON Lines set.

Each record needs ``text`` (the article) and ``reference_sentences`` (sentences taken
from it, as in ``../shared/data/bbc-news-summary``).  A reference sentence counts as
matched when exactly one segment of the text equals it, white space normalised.
Records marked ``"is_duplicate": true`` are skipped so repeated articles count once.

Misses are sorted by what the reference does where the segments do not: it runs across a
line break (a headline, caption or list line joined to the next line), it is not in the
text at all (white space normalised: a caption the summary file glued to another sentence),
or it cuts at a stop before a lower-case word (``"Why now?" | he asked.``).  These are the
reference's conventions rather than errors of the segmenter; the rest are counted as other.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer import regex_cache
from summarizer.errors import InputError
from summarizer.evaluate._io import read_records
from summarizer.segment import split_sentences

__all__ = ["SegmentationMiss", "SegmentationResult", "evaluate_segmentation"]

_CONTEXT = 30


@dataclass(frozen=True, slots=True)
class SegmentationMiss:
    """A reference sentence that no single segment matched.

    Attributes:
        record: the record's ``id`` (or ``line N`` when it has none).
        reference: the reference sentence, white space normalised.
        segments: the segments that overlap it, white space normalised.
        across_lines: the reference runs across a line break of the text (a headline,
            caption or list line that the segmenter ends at the line, by design).
        kind: ``"across_lines"``, ``"not_in_text"``, ``"lower_case_cut"`` (the reference
            starts or ends at a stop next to a lower-case word of the text) or ``"other"``.
    """

    record: str
    reference: str
    segments: tuple[str, ...]
    across_lines: bool = False
    kind: str = "other"


@dataclass(frozen=True, slots=True)
class SegmentationResult:
    """How well :func:`summarizer.segment.split_sentences` reproduces reference sentences.

    Attributes:
        path: the file measured.
        exact_match: share of reference sentences that came out as exactly one segment (0–1).
        articles: articles measured (duplicates skipped).
        reference_sentences: reference sentences measured.
        matched: reference sentences matched exactly.
        ms_per_article: mean time to segment one article, in milliseconds.
        duplicates_skipped: records skipped because ``is_duplicate`` was true.
        across_lines: misses whose reference runs across a line break of the text.
        not_in_text: misses whose reference does not occur in the text (no segmentation
            could match it).
        lower_case_cut: misses whose reference cuts at a stop before (or starts after a
            stop with) a lower-case word, where the segmenter reads on.
        misses: the first few misses, as examples.
    """

    path: str
    exact_match: float
    articles: int
    reference_sentences: int
    matched: int
    ms_per_article: float
    duplicates_skipped: int = 0
    across_lines: int = 0
    not_in_text: int = 0
    lower_case_cut: int = 0
    misses: tuple[SegmentationMiss, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The result as plain JSON-ready data."""
        return {
            "path": self.path,
            "exact_match": self.exact_match,
            "articles": self.articles,
            "reference_sentences": self.reference_sentences,
            "matched": self.matched,
            "ms_per_article": self.ms_per_article,
            "duplicates_skipped": self.duplicates_skipped,
            "across_lines": self.across_lines,
            "not_in_text": self.not_in_text,
            "lower_case_cut": self.lower_case_cut,
            "misses": [
                {
                    "record": m.record,
                    "reference": m.reference,
                    "segments": list(m.segments),
                    "across_lines": m.across_lines,
                    "kind": m.kind,
                }
                for m in self.misses
            ],
        }


def _normalise(text: str) -> str:
    return " ".join(text.split())


def _overlapping(reference: str, segments: list[str]) -> tuple[str, ...]:
    head, tail = reference[:_CONTEXT], reference[-_CONTEXT:]
    return tuple(
        segment
        for segment in segments
        if segment in reference or reference in segment or head in segment or tail in segment
    )


_STOP_END = regex_cache.compile(r"[.!?…][\"'”’»)\]]*\Z")
_LOWER_AFTER = regex_cache.compile(r"\s+[\"'“‘(]*[a-z]")
_STOP_BEFORE = regex_cache.compile(r"[.!?…][\"'”’»)\]]*\s+\Z")


def _kind(reference: str, text: str) -> str:
    """Where ``reference`` (white space normalised) sits in ``text``: see :class:`SegmentationMiss`."""
    pattern = r"\s+".join(re.escape(word) for word in reference.split())
    found = re.search(pattern, text)
    if found is None:
        return "not_in_text"
    if any(mark in found.group() for mark in "\n\r"):
        return "across_lines"
    ends_at_stop = _STOP_END.search(reference) and _LOWER_AFTER.match(text, found.end())
    starts_after_stop = reference[:1].islower() and _STOP_BEFORE.search(
        text, max(0, found.start() - 8), found.start()
    )
    return "lower_case_cut" if ends_at_stop or starts_after_stop else "other"


def evaluate_segmentation(
    path: str | os.PathLike[str], *, limit: int | None = None, examples: int = 10
) -> SegmentationResult:
    """Segment every article of a JSON Lines set and compare with its reference sentences.

    Args:
        path: a JSON Lines file whose records have ``text`` and ``reference_sentences``.
        limit: measure only the first ``limit`` articles (after skipping duplicates).
        examples: how many misses to keep as examples.

    Returns:
        The exact-match share, counts, time per article and example misses.

    Raises:
        InputError: the file cannot be read, a line is not JSON, or a record lacks
            ``text`` or ``reference_sentences``; the message names the line.
    """
    file = Path(path)
    articles = total = matched = duplicates = 0
    kinds = dict.fromkeys(("across_lines", "not_in_text", "lower_case_cut", "other"), 0)
    seconds = 0.0
    misses: list[SegmentationMiss] = []
    for number, record in read_records(file):
        if limit is not None and articles >= limit:
            break
        if record.get("is_duplicate") is True:
            duplicates += 1
            continue
        text = record.get("text")
        references = record.get("reference_sentences")
        if not isinstance(text, str) or not (
            isinstance(references, list) and all(isinstance(r, str) for r in references)
        ):
            raise InputError(
                f"{file}, line {number}: a record needs 'text' (a string) and "
                "'reference_sentences' (a list of strings)"
            )
        started = time.perf_counter()
        spans = split_sentences(text)
        seconds += time.perf_counter() - started
        articles += 1
        segments = [_normalise(text[start:end]) for start, end in spans]
        found = set(segments)
        for reference in references:
            total += 1
            normal = _normalise(reference)
            if normal in found:
                matched += 1
                continue
            kind = _kind(normal, text)
            kinds[kind] += 1
            if len(misses) < examples:
                label = str(record.get("id", f"line {number}"))
                overlapping = _overlapping(normal, segments)
                misses.append(SegmentationMiss(label, normal, overlapping, kind == "across_lines", kind))
    if articles == 0:
        raise InputError(f"{file}: no articles to measure")
    return SegmentationResult(
        path=str(file),
        exact_match=matched / total if total else 0.0,
        articles=articles,
        reference_sentences=total,
        matched=matched,
        ms_per_article=seconds / articles * 1000,
        duplicates_skipped=duplicates,
        across_lines=kinds["across_lines"],
        not_in_text=kinds["not_in_text"],
        lower_case_cut=kinds["lower_case_cut"],
        misses=tuple(misses),
    )
