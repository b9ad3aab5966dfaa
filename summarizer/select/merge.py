"""One sentence's edits from several sources (trims, rewordings, repairs, cuts) merged into one ordered set.

Where two overlap the first stands, except that a cut of a whole clause takes the rewordings
inside it, a dropped connective takes the deletions it overlaps, and a dropped opening phrase
takes the words it loses.
"""

from __future__ import annotations

from collections.abc import Sequence

from summarizer.model import Cue, Edit

#: Edit kinds that say a sentence in other words (the style table), named in the reasons.
REWORDING = ("reworded", "term_deleted", "scare_quote_removed")


#: Compression cuts that take the trims and rewordings inside them (:func:`merge_edits`).
ABSORBING = frozenset({"trailing_phrase", "relative_clause", "appositive", "aside", "example"})
#: The edits such a cut takes with it.
_ABSORBED = frozenset({*REWORDING, "stance_adverb"})


def merge_edits(first: Sequence[Edit], second: Sequence[Edit], text: str | None = None) -> tuple[Edit, ...]:
    """Both sets of edits in order, leaving out any of the second that would overlap the first,
    except (given the document's ``text``) a dropped connective, which takes the deletions it
    overlaps into itself."""
    merged = list(first)
    for edit in second:
        clashes = [e for e in merged if not (edit.end <= e.start or edit.start >= e.end or (edit.start == edit.end == e.end))]
        if not clashes:
            merged.append(edit)
        elif edit.kind in ABSORBING and not edit.replacement and all(
            edit.start <= e.start and e.end <= edit.end and e.kind in _ABSORBED for e in clashes
        ):
            # A cut that takes a whole clause takes the rewording inside it: the writer's comment
            # (", handing yet another victory to the greedy lobby …") goes with its loaded word.
            merged = [e for e in merged if e not in clashes] + [edit]
        elif text is not None and edit.kind == "connective_dropped" and (folded := _fold_connective(edit, clashes, text)):
            merged = [e for e in merged if e not in clashes] + [folded]
        elif edit.kind == "opening_dropped" and all(edit.start <= e.start and e.end < edit.end for e in clashes):
            # The words the phrase loses go with it ("Regardless of the drastic decrease, " with "drastic" deleted).
            merged = [e for e in merged if e not in clashes] + [edit]
    return tuple(sorted(merged, key=lambda e: (e.start, e.end)))


def _fold_connective(connective: Edit, deletions: Sequence[Edit], text: str) -> Edit | None:
    """"However, sadly the …" with "sadly" deleted: one edit that drops both and capitalises the
    first word left ("The …"); ``None`` unless every overlapping edit is a deletion that starts
    after the connective does."""
    if any(e.replacement or e.start < connective.start for e in deletions):
        return None
    end = max(e.end for e in deletions)
    while end < len(text) and text[end].isspace():
        end += 1
    if end >= len(text) or not text[end].isalnum():
        return None
    # The connective's words, then what the deletions leave of the rest, up to the first letter.
    cut = connective.end - len(connective.replacement)
    left = "".join(
        text[p] for p in range(cut, end) if not any(e.start <= p < e.end for e in deletions)
    ).strip()
    if left:
        return None  # words between the connective and the deletions: not a clean fold
    return Edit("connective_dropped", connective.start, end + 1, text[connective.start : end + 1], text[end].upper())


def removed(cue: Cue, edits: Sequence[Edit]) -> bool:
    """Whether an edit deleted or reworded the cue's words."""
    return any(e.start <= cue.start and cue.end <= e.end and e.start < e.end for e in edits)
