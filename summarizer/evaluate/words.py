"""How well the cues find the word an editor judged biased, measured on Wikipedia's neutrality edits (WNC).

Each record of the Wiki Neutrality Corpus word-level set pairs a biased sentence with the
neutral version an editor made of it, and names the biased word(s) (``biased_words``).  Every
biased sentence and every neutral version is read alone, as a one-sentence document, and its
cues found with :func:`summarizer.cues.find_cues`.  The figures:

* ``recall``: the share of biased sentences in which some cue covers a labelled word;
* ``precision``: the share of the biased sentences' cues that cover a labelled word (each
  sentence names one or two words, so this is a lower bound on precision: a sentence may hold
  more loaded words than the editor removed);
* ``cues_per_neutral``: cues per neutral version (fewer is better: the editor left nothing
  loaded there that they saw);
* ``per_category``: for each cue category, its cues in biased sentences, how many of them
  cover the labelled word, and its cues in the neutral versions.

Every cue category is counted; ``all_categories=False`` counts only the writer's framing devices
(:data:`summarizer.cues.FRAMING_CATEGORIES`), leaving out the general lexicons and personal voice.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from summarizer import regex_cache
from summarizer.cues import FRAMING_CATEGORIES, find_cues
from summarizer.errors import InputError
from summarizer.evaluate._io import read_records
from summarizer.evaluate.bias import sentence_document
from summarizer.model import Cue

__all__ = ["WordsEvaluation", "covers", "evaluate_words"]

EXAMPLES = 5
_WORD = regex_cache.compile(r"[^\W_](?:[\w’'\-]*\w)?")


def covers(cue: Cue, labelled: frozenset[str]) -> bool:
    """Whether ``cue``'s text holds one of the ``labelled`` words (lower case) as a whole word."""
    words = {w.lower() for w in _WORD.findall(cue.text)}
    words |= {part for w in words for part in w.split("-")}
    return not words.isdisjoint(labelled)


def _cues(text: str, all_categories: bool) -> tuple[Cue, ...]:
    if not text.strip():
        return ()
    found = find_cues(sentence_document(text))[0]
    return found if all_categories else tuple(c for c in found if c.category in FRAMING_CATEGORIES)


@dataclass(frozen=True, slots=True)
class WordsEvaluation:
    """The figures of :func:`evaluate_words` (see the module docstring)."""

    path: str
    pairs: int
    all_categories: bool
    recall: float
    precision: float
    cues_per_neutral: float
    neutral_with_cue: float
    per_category: dict[str, dict[str, int]]
    seconds: float
    examples: dict[str, list[dict[str, str]]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form printed by ``evenhand eval words --format json``."""
        return {
            "data": self.path,
            "pairs": self.pairs,
            "categories": "all" if self.all_categories else "framing",
            "recall": round(self.recall, 4),
            "precision": round(self.precision, 4),
            "cues_per_neutral": round(self.cues_per_neutral, 4),
            "neutral_with_cue": round(self.neutral_with_cue, 4),
            "per_category": self.per_category,
            "seconds": round(self.seconds, 2),
            "examples": self.examples,
        }


def evaluate_words(
    path: str | os.PathLike[str], *, limit: int | None = None, all_categories: bool = True
) -> WordsEvaluation:
    """Find the cues of every WNC pair's biased sentence and neutral version; see the module docstring.

    Args:
        path: a JSON Lines file with ``sentence``, ``neutral_version`` and ``biased_words`` per record.
        limit: measure only the first ``limit`` pairs.
        all_categories: count every cue category, not only the writer's framing devices.

    Raises:
        InputError: the file cannot be read, a record lacks a field, or there are no pairs.
    """
    started = time.perf_counter()
    pairs = found = cues_biased = cues_hit = cues_neutral = neutral_with = 0
    per_category: dict[str, Counter[str]] = {}
    examples: dict[str, list[dict[str, str]]] = {"missed": [], "neutral_cue": []}
    for number, record in read_records(path):
        if limit is not None and pairs >= limit:
            break
        biased, neutral = record.get("sentence"), record.get("neutral_version")
        words = record.get("biased_words")
        if not isinstance(biased, str) or not isinstance(neutral, str) or not isinstance(words, list):
            raise InputError(
                f"{path}, line {number}: expected 'sentence' and 'neutral_version' strings and a 'biased_words' list"
            )
        labelled = frozenset(w.lower() for w in words if isinstance(w, str) and w)
        pairs += 1
        cues = _cues(biased, all_categories)
        hits = [covers(c, labelled) for c in cues]
        cues_biased += len(cues)
        cues_hit += sum(hits)
        if any(hits):
            found += 1
        elif len(examples["missed"]) < EXAMPLES:
            examples["missed"].append({"sentence": biased, "biased_words": ", ".join(sorted(labelled))})
        for cue, hit in zip(cues, hits, strict=True):
            counts = per_category.setdefault(cue.category, Counter())
            counts["biased"] += 1
            counts["on_target"] += hit
        on_neutral = _cues(neutral, all_categories)
        cues_neutral += len(on_neutral)
        neutral_with += bool(on_neutral)
        for cue in on_neutral:
            per_category.setdefault(cue.category, Counter())["neutral"] += 1
        if on_neutral and len(examples["neutral_cue"]) < EXAMPLES:
            examples["neutral_cue"].append(
                {"neutral": neutral, "cues": ", ".join(f"{c.category}: {c.text}" for c in on_neutral)}
            )
    if not pairs:
        raise InputError(f"{path}: no pairs to measure")
    return WordsEvaluation(
        path=str(path),
        pairs=pairs,
        all_categories=all_categories,
        recall=found / pairs,
        precision=cues_hit / cues_biased if cues_biased else 0.0,
        cues_per_neutral=cues_neutral / pairs,
        neutral_with_cue=neutral_with / pairs,
        per_category={
            category: {key: counts[key] for key in ("biased", "on_target", "neutral")}
            for category, counts in sorted(per_category.items())
        },
        seconds=time.perf_counter() - started,
        examples=examples,
    )
