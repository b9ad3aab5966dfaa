"""Greedy rankings — KL-Sum and SumBasic — rated by the order in which they pick sentences.

Both pick one sentence at a time until none is left; a sentence's rating is minus the
step at which it was picked (0 for the first), as in sumy 0.13.  They reproduce sumy's
word handling, quirks included (see each function), but score all candidates of a step
with array arithmetic over sparse term counts instead of Python loops over dicts, and
SumBasic re-scores only the sentences whose words changed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from summarizer.rank.terms import count_terms

_NOISE = 1e-12


def kl(
    words: Sequence[Sequence[str]], stop_words: frozenset[str], *, near_ties: list[frozenset[int]] | None = None
) -> np.ndarray:
    """KL-Sum (Haghighi & Vanderwende 2009) as sumy's ``KLSummarizer`` rates.

    Each step adds the sentence whose words, joined with the summary's, leave the
    smallest KL divergence from the document's word distribution (first in document order
    on a tie).  As in sumy: words are lower-cased, not stemmed; a candidate's words drop
    stop words, but the document distribution drops only stop words as written (so
    "The" counts, "the" does not), and the summary contributes all its words as written.

    Args:
        words: every sentence's words, as written.
        stop_words: lower-case stop words.
        near_ties: if given, a list that gets, for each step, the sentences whose
            divergence is within 1e-9 (relative) of the smallest — where the last bits of
            floating point decide between them, and so may decide differently in sumy.
    """
    n = len(words)
    document = Counter(w.lower() for ws in words for w in ws if w not in stop_words)
    total = sum(document.values())
    candidates = [[w.lower() for w in ws if w.lower() not in stop_words] for ws in words]
    terms = count_terms(candidates)
    vocabulary = terms.vocabulary
    raw = [[vocabulary.setdefault(w, len(vocabulary)) for w in ws] for ws in words]
    for w in document:
        vocabulary.setdefault(w, len(vocabulary))
    size = len(vocabulary)
    doc_freq = np.zeros(size)
    for w, f in document.items():
        doc_freq[vocabulary[w]] = f / total
    with np.errstate(divide="ignore"):
        log_doc = np.where(doc_freq > 0, np.log(doc_freq), 0.0)

    counts = terms.counts
    indptr, col, count = counts.indptr, counts.indices, counts.data
    row = np.repeat(np.arange(n), np.diff(indptr))
    d, log_d = doc_freq[col], log_doc[col]
    candidate_mass = np.bincount(row, weights=d, minlength=n)
    lengths = terms.lengths.astype(float)
    by_term = np.argsort(col, kind="stable")  # each term's entries, for updates
    term_start = np.searchsorted(col[by_term], np.arange(size + 1))

    # Per entry (sentence i, term w): how the candidate's word w changes the summary's
    # divergence sum, d_w * log(d_w / (x + c_w)) minus the summary-only d_w * log(d_w / c_w);
    # and d_w again when w is already in the summary (its mass is then counted once).
    change = d * (log_d - np.log(count))
    overlap = np.zeros(len(col))
    gain = np.bincount(row, weights=change, minlength=n)
    overlap_mass = np.zeros(n)

    summary = np.zeros(size)  # counts of the summary's words
    summary_length = 0
    base = 0.0  # sum over summary words w with d_w > 0 of d_w * log(d_w / c_w)
    base_mass = 0.0  # sum of d_w over the same words
    alive = np.ones(n, dtype=bool)
    ratings = np.zeros(n)
    for step in range(n):
        joint_length = lengths + summary_length
        with np.errstate(divide="ignore", invalid="ignore"):
            divergence = base + gain + np.log(joint_length) * (base_mass + candidate_mass - overlap_mass)
        divergence[joint_length == 0] = 0.0  # nothing to compare: sumy's sum over no words
        divergence[~alive] = np.inf
        # Differences in the last bits are noise (sumy sums the same terms in another
        # order): treat them as ties and take the earlier sentence, as sumy does on a tie.
        lowest = divergence.min()
        best = int(np.argmax(divergence <= lowest + _NOISE * abs(lowest)))
        if near_ties is not None:
            margin = 1e-9 * max(abs(divergence[best]), 1e-300)
            near_ties.append(frozenset(np.flatnonzero(divergence <= divergence[best] + margin).tolist()))
        ratings[best] = -step
        alive[best] = False
        if not raw[best]:
            continue
        np.add.at(summary, raw[best], 1.0)
        summary_length += len(raw[best])
        present = (summary > 0) & (doc_freq > 0)
        base = float(np.sum(doc_freq[present] * (log_doc[present] - np.log(summary[present]))))
        base_mass = float(np.sum(doc_freq[present]))
        # Only entries of the words just added change, and only their sentences' sums.
        touched = [by_term[term_start[t] : term_start[t + 1]] for t in set(raw[best])]
        entries = np.concatenate(touched) if touched else np.zeros(0, dtype=np.int64)
        if not len(entries):
            continue
        c = summary[col[entries]]
        de, lde = d[entries], log_d[entries]
        change[entries] = de * (lde - np.log(count[entries] + c)) - de * (lde - np.log(c))
        overlap[entries] = de
        rows = np.unique(row[entries])
        rows = rows[alive[rows]]
        if len(rows):
            _resum(rows, indptr, change, gain)
            _resum(rows, indptr, overlap, overlap_mass)
    return ratings


def _resum(rows: np.ndarray, indptr: np.ndarray, values: np.ndarray, totals: np.ndarray) -> None:
    """Set ``totals[rows]`` to the sums of those rows' ``values``, added in entry order."""
    starts = indptr[rows]
    lengths = indptr[rows + 1] - starts
    offsets = np.cumsum(lengths) - lengths
    entries = np.repeat(starts - offsets, lengths) + np.arange(int(lengths.sum()))
    local = np.repeat(np.arange(len(rows)), lengths)
    totals[rows] = np.bincount(local, weights=values[entries], minlength=len(rows))


def sumbasic(stems: Sequence[Sequence[str]]) -> np.ndarray:
    """SumBasic (Nenkova & Vanderwende 2005) as sumy's ``SumBasicSummarizer`` rates.

    Each step picks the sentence with the highest mean word probability (first in
    document order on a tie), then squares the probability of each of its words — once
    per occurrence, as sumy does.  Sums are taken in sumy's order, so the choices are
    sumy's exactly.

    Args:
        stems: every sentence's terms (lower-cased, stop words dropped, stemmed).
    """
    n = len(stems)
    terms = count_terms(stems)
    size = terms.counts.shape[1]
    total = int(terms.lengths.sum())
    frequency = np.zeros(size + 1)  # the last slot pads short sentences with 0.0
    if total:
        frequency[:size] = np.bincount(terms.counts.indices, weights=terms.counts.data, minlength=size) / total
    width = max(int(terms.lengths.max()) if n else 0, 1)
    padded = np.full((n, width), size, dtype=np.int64)
    for i, ids in enumerate(terms.order):
        padded[i, : len(ids)] = ids
    lengths = terms.lengths
    postings = sparse.csc_array(terms.counts)

    def mean(rows: np.ndarray) -> np.ndarray:
        # cumsum adds left to right, as Python's sum over sumy's list does.
        sums = np.cumsum(frequency[padded[rows]], axis=1)[:, -1]
        return np.where(lengths[rows] > 0, sums / np.maximum(lengths[rows], 1), 0.0)

    averages = mean(np.arange(n))
    ratings = np.zeros(n)
    for step in range(n):
        best = int(np.argmax(averages))
        ratings[best] = -step
        averages[best] = -np.inf
        chosen = terms.order[best]
        if not chosen:
            continue
        for t in chosen:
            frequency[t] *= frequency[t]
        # Re-score the sentences (not yet picked) that hold any of the words just squared.
        squared = np.fromiter(set(chosen), dtype=np.int64)
        starts = postings.indptr[squared]
        counts = postings.indptr[squared + 1] - starts
        holders = postings.indices[np.repeat(starts - (np.cumsum(counts) - counts), counts) + np.arange(int(counts.sum()))]
        mark = np.zeros(n, dtype=bool)
        mark[holders] = True
        touched = np.flatnonzero(mark & np.isfinite(averages))
        if len(touched):
            averages[touched] = mean(touched)
    return ratings
