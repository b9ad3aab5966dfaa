"""How evenhand rewords a loaded sentence, measured on Wikipedia's neutrality edits (WNC).

Each record of the Wiki Neutrality Corpus word-level set pairs a biased sentence with the
neutral version an editor made of it (one word deleted or replaced: ``biased_words``).  For
every pair this rewrites the biased sentence as evenhand does in a summary (its trimming and
the style table, :func:`summarizer.reword.rewrite`) and reports:

* ``exact_match``: the rewrite equals the editor's neutral version, as Pryzant et al. (2020)
  measure it, both read the same way (:func:`_fold`: white space, case, spacing around
  punctuation and "a"/"an" folded, since WNC is lower-cased and tokenised);
* ``changed`` and ``on_target``: the share of biased sentences evenhand changed, and of those
  the share whose edits touch the labelled word;
* ``false_edits``: the share of the editors' neutral versions that evenhand changes at all;
* ``top1_detection``: the share of biased sentences whose most loaded cue covers the labelled
  word (Recasens et al. 2013's measure), the cue the rewording would take first
  (:func:`summarizer.reword.rank_cues`: one-sided labels, verdicts and stance adverbs before
  intensifiers, the general lexicons, framing verbs and hedges; then weight, then position).
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass
from typing import Any

from summarizer import regex_cache
from summarizer.errors import InputError
from summarizer.evaluate._io import read_records

__all__ = ["RewordingEvaluation", "evaluate_rewording"]

EXAMPLES = 5


_SPACE_BEFORE = regex_cache.compile(r"\s+(?=[,.;:!?)\]])")
_SPACE_AFTER = regex_cache.compile(r"(?<=[(\[])\s+")
_AN = regex_cache.compile(r"\ban\b")


def _fold(text: str) -> str:
    """The form in which a rewrite and the editor's version are compared; the same on both sides.

    WNC's text is lower-cased and often tokenised ("kingdom , and", "( born"), and its editors
    leave "an" standing when they delete the word after it ("an outspoken democrat" → "an
    democrat"), so: white space folded, lower case, no space before closing punctuation or after
    an opening bracket, and "an" read as "a".
    """
    folded = " ".join(text.split()).lower()
    folded = _SPACE_AFTER.sub("", _SPACE_BEFORE.sub("", folded))
    return _AN.sub("a", folded)


def _words(text: str) -> set[str]:
    return {w.strip(".,;:!?()\"'“”‘’").lower() for w in text.split()} - {""}


@dataclass(frozen=True, slots=True)
class RewordingEvaluation:
    """The figures of :func:`evaluate_rewording`."""

    path: str
    pairs: int
    exact_match: float
    changed: float
    on_target: float
    false_edits: float
    top1_detection: float
    seconds: float
    examples: dict[str, list[dict[str, str]]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "pairs": self.pairs,
            "exact_match": round(self.exact_match, 4),
            "changed": round(self.changed, 4),
            "on_target": round(self.on_target, 4),
            "false_edits": round(self.false_edits, 4),
            "top1_detection": round(self.top1_detection, 4),
            "seconds": round(self.seconds, 2),
            "examples": self.examples,
        }


def evaluate_rewording(path: str | os.PathLike[str], *, limit: int | None = None) -> RewordingEvaluation:
    """Rewrite every WNC pair's biased sentence and its neutral version; see the module docstring.

    Raises:
        InputError: the file cannot be read, or a record lacks ``sentence``/``neutral_version``.
    """
    from summarizer.analysis import analyse
    from summarizer.reword import rank_cues, rewrite
    from summarizer.segment import segment

    started = time.perf_counter()
    pairs = exact = changed = on_target = false_edits = top1 = 0
    examples: dict[str, list[dict[str, str]]] = {"exact": [], "missed": [], "false_edit": []}
    for number, record in read_records(path):
        biased, neutral = record.get("sentence"), record.get("neutral_version")
        if not isinstance(biased, str) or not isinstance(neutral, str):
            raise InputError(f"{path}, line {number}: expected 'sentence' and 'neutral_version' strings")
        labelled = {w.lower() for w in record.get("biased_words") or [] if isinstance(w, str)}
        pairs += 1
        output, edits = rewrite(biased)
        if _fold(output) == _fold(neutral):
            exact += 1
            if len(examples["exact"]) < EXAMPLES:
                examples["exact"].append({"sentence": biased, "rewrite": output})
        elif len(examples["missed"]) < EXAMPLES:
            examples["missed"].append({"sentence": biased, "rewrite": output, "neutral": neutral})
        if edits:
            changed += 1
            if any(_words(e.text) & labelled for e in edits):
                on_target += 1
        neutral_output, neutral_edits = rewrite(neutral)
        if neutral_edits and _fold(neutral_output) != _fold(neutral):
            false_edits += 1
            if len(examples["false_edit"]) < EXAMPLES:
                examples["false_edit"].append({"neutral": neutral, "rewrite": neutral_output})
        document = segment(biased)
        cues = [c for found in analyse(document).cues for c in found] if document.sentences else []
        if cues:
            best = rank_cues(cues)[0]
            if _words(best.text) & labelled or any(re.search(rf"\b{re.escape(w)}\b", best.text.lower()) for w in labelled):
                top1 += 1
        if limit is not None and pairs >= limit:
            break
    if not pairs:
        raise InputError(f"{path}: no pairs to measure")
    return RewordingEvaluation(
        path=str(path),
        pairs=pairs,
        exact_match=exact / pairs,
        changed=changed / pairs,
        on_target=on_target / changed if changed else 0.0,
        false_edits=false_edits / pairs,
        top1_detection=top1 / pairs,
        seconds=time.perf_counter() - started,
        examples=examples,
    )
