"""One document to one summary, refusing what a reader would not accept: the last step of every face.

A single file on the command line goes loader → :func:`summarize_document` → renderer; the
batch (:mod:`summarizer.batch`) calls the same function for each of its documents.
"""

from __future__ import annotations

from summarizer.budget import check_word_budget
from summarizer.errors import InputError, NothingFitsError
from summarizer.model import Document, Summary
from summarizer.options import SummaryOptions

__all__ = ["summarize_document"]


def summarize_document(document: Document, options: SummaryOptions, *, name: str) -> Summary:
    """Summarise ``document``; an input with nothing to keep, or no sentence within ``--words``, is an error.

    Args:
        document: from :mod:`summarizer.load`.
        options: what the summary is asked for.
        name: how messages name the input (``"standard input"``, a path, ``FILE#ID``).

    Raises:
        InputError: the text holds no sentence, or every sentence was dropped.
        NothingFitsError: no sentence fits in the word budget.
    """
    from summarizer.pipeline import summarize

    if not document.sentences:
        raise InputError(f"{name}: no sentence to summarise (the text holds no words)")
    summary = summarize(document, options=options)
    if not summary.kept:
        raise InputError(f"{name}: no sentence to keep (every sentence was dropped)")
    try:
        check_word_budget(summary, options.words)
    except NothingFitsError as error:
        raise NothingFitsError(f"{name}: {error}") from None
    return summary
