"""evenhand's core library: neutral, plain-language extractive summaries with every decision recorded.

    >>> from summarizer import summarize
    >>> summary = summarize(article_text, sentences=5)
    >>> print(summary.text)
    >>> for d in summary.decisions:
    ...     print(d.kept, d.reason.text)

This package never imports Textual or Typer; the TUI (``tui``) and the command line
(``evenhand``) are thin faces over it.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

# Names are imported on first use (PEP 562), so ``import summarizer`` stays cheap and a
# program that needs one piece does not pay for sumy, NumPy and SciPy.  No name here may
# be the name of a submodule: importing ``summarizer.segment`` would replace a function
# called ``segment`` (use ``from summarizer.segment import segment``).
_EXPORTS = {
    "summarizer.errors": (
        "BinaryInputError", "BudgetError", "DecodeError", "EmptyInputError", "EvenhandError",
        "FetchError", "InputError", "InputTooLargeError", "NothingFitsError", "OptionsError",
        "UnknownAlgorithmError", "UnknownFormatError", "UnknownLanguageError", "AnalysisError", "SchemaError",
        "SummaryError", "BatchError", "EvaluationError", "LexiconError",
    ),
    "summarizer.model": (
        "SCHEMA_VERSION", "Budget", "Cue", "Decision", "Document", "Edit", "Paragraph",
        "Readability", "Reason", "Sentence", "Speaker", "Stats", "Summary", "WebPage",
    ),
    "summarizer.read": ("DecodedText", "decode", "read_path"),
    "summarizer.load": ("load_bytes", "load_path", "load_text", "load_url"),
    "summarizer.serialize": ("from_dict", "from_json", "to_dict", "to_json"),
    "summarizer.options": ("ALL_ALGORITHMS", "DEFAULT_ALGORITHM", "EDITS", "SummaryOptions"),
    "summarizer.analysis": ("Analysis", "analyse"),
    "summarizer.pipeline": ("summarize",),
}
_MODULE_OF = {name: module for module, names in _EXPORTS.items() for name in names}

if TYPE_CHECKING:
    from summarizer.analysis import Analysis, analyse
    from summarizer.errors import (
        AnalysisError,
        BatchError,
        BinaryInputError,
        BudgetError,
        DecodeError,
        EmptyInputError,
        EvaluationError,
        EvenhandError,
        FetchError,
        InputError,
        InputTooLargeError,
        LexiconError,
        NothingFitsError,
        OptionsError,
        SchemaError,
        SummaryError,
        UnknownAlgorithmError,
        UnknownFormatError,
        UnknownLanguageError,
    )
    from summarizer.load import load_bytes, load_path, load_text, load_url
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
    from summarizer.options import ALL_ALGORITHMS, DEFAULT_ALGORITHM, EDITS, SummaryOptions
    from summarizer.pipeline import summarize
    from summarizer.read import DecodedText, decode, read_path
    from summarizer.serialize import from_dict, from_json, to_dict, to_json


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'summarizer' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "ALL_ALGORITHMS",
    "DEFAULT_ALGORITHM",
    "EDITS",
    "SCHEMA_VERSION",
    "Analysis",
    "AnalysisError",
    "BatchError",
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
    "EvaluationError",
    "EvenhandError",
    "FetchError",
    "InputError",
    "InputTooLargeError",
    "LexiconError",
    "NothingFitsError",
    "OptionsError",
    "Paragraph",
    "Readability",
    "Reason",
    "SchemaError",
    "Sentence",
    "Speaker",
    "Stats",
    "Summary",
    "SummaryError",
    "SummaryOptions",
    "UnknownAlgorithmError",
    "UnknownFormatError",
    "UnknownLanguageError",
    "WebPage",
    "analyse",
    "decode",
    "from_dict",
    "from_json",
    "load_bytes",
    "load_path",
    "load_text",
    "load_url",
    "read_path",
    "summarize",
    "to_dict",
    "to_json",
]
