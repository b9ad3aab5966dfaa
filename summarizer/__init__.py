"""evenhand's core library: neutral, plain-language extractive summaries with every decision recorded.

    >>> from summarizer import summarize
    >>> summary = summarize(article_text, sentences=5)
    >>> print(summary.text)
    >>> for d in summary.decisions:
    ...     print(d.kept, d.reason.text)

This package never imports Textual or Typer; the TUI (``tui``) and the command line
(``evenhand``) are thin faces over it.
"""

from summarizer.errors import (
    BinaryInputError,
    BudgetError,
    DecodeError,
    EmptyInputError,
    EvenhandError,
    InputError,
    InputTooLargeError,
    UnknownAlgorithmError,
)
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
    Stats,
    Summary,
)
from summarizer.read import DecodedText, decode, read_path
from summarizer.segment import segment
from summarizer.serialize import SchemaError, from_dict, from_json, to_dict, to_json
from summarizer.summarize import ALL_ALGORITHMS, DEFAULT_ALGORITHM, summarize

__all__ = [
    "ALL_ALGORITHMS",
    "DEFAULT_ALGORITHM",
    "SCHEMA_VERSION",
    "BinaryInputError",
    "Budget",
    "BudgetError",
    "Cue",
    "Decision",
    "DecodeError",
    "DecodedText",
    "Document",
    "Edit",
    "EmptyInputError",
    "EvenhandError",
    "InputError",
    "InputTooLargeError",
    "Paragraph",
    "Readability",
    "Reason",
    "SchemaError",
    "Sentence",
    "Stats",
    "Summary",
    "UnknownAlgorithmError",
    "decode",
    "from_dict",
    "from_json",
    "read_path",
    "segment",
    "summarize",
    "to_dict",
    "to_json",
]
