"""Errors the library raises; every face turns them into a one-line message.

    EvenhandError                 base: catch this to catch them all
    ├── InputError                the input cannot be summarised
    │   ├── EmptyInputError       no text (empty, or only white space)
    │   ├── BinaryInputError      bytes that are not text (NUL bytes, control bytes)
    │   ├── DecodeError           bytes that decode in no supported encoding
    │   ├── InputTooLargeError    over the size limit asked for
    │   ├── FetchError            a URL that could not be fetched (DNS, refused, timeout,
    │   │                         an HTTP error status, too many redirects, not HTML or text)
    │   └── NothingFitsError      no sentence of this input fits in the word budget asked for
    ├── OptionsError              an invalid option of a summary (an unknown edit level, a
    │   │                         neutrality weight out of range, …: see summarizer.options)
    │   ├── BudgetError           an invalid length budget (0, negative, ratio > 1, two at once)
    │   ├── UnknownAlgorithmError no summarizer (or engine) by that name
    │   ├── UnknownLanguageError  no stemmer or stop words for that language
    │   └── UnknownFormatError    no output format by that name
    ├── AnalysisError             an analysis passed to summarize() that is of another document
    ├── SummaryError              a summary whose parts disagree: edits that overlap or leave
    │                             their sentence, kept sentences out of the original's order,
    │                             an alignment given to render() that is of another summary
    ├── SchemaError               JSON that is not an evenhand summary of a version this code reads
    ├── BatchError                a batch that cannot run as asked (an unsafe --out, …)
    ├── EvaluationError           an evaluation that cannot run as asked (fewer than 1 job)
    └── LexiconError              a shipped word list or table that is malformed (a broken
                                  installation: reinstall evenhand)

Every error is also a ``ValueError`` where it stands for a wrong value (options, analysis,
summary, schema, batch, evaluation, a shipped list's rows), so code that caught
``ValueError`` before these existed still works.  The tree above is checked against the
classes below by ``tests/core/test_errors_tree.py``.

Each message is one line, names what is wrong and, where it helps, what to do.
"""

from __future__ import annotations


class EvenhandError(Exception):
    """Base of every error evenhand raises on purpose."""


class InputError(EvenhandError):
    """The input cannot be summarised."""


class EmptyInputError(InputError):
    """The input holds no text."""


class BinaryInputError(InputError):
    """The input is binary data, not text."""


class DecodeError(InputError):
    """The input's bytes decode in no supported encoding."""


class InputTooLargeError(InputError):
    """The input is larger than the limit asked for."""


class FetchError(InputError):
    """A URL could not be fetched.

    Attributes:
        url: the URL asked for.
        status: the HTTP status when the server answered (``None`` otherwise).
        transient: whether trying again later may work (a timeout, 429, 502, 503, 504).
        final_url: the URL after redirects, when the server was reached.
    """

    def __init__(
        self, message: str, *, url: str, status: int | None = None, transient: bool = False,
        final_url: str | None = None,
    ) -> None:
        super().__init__(message)
        self.url = url
        self.status = status
        self.transient = transient
        self.final_url = final_url


class NothingFitsError(InputError):
    """No sentence of the input fits in the word budget (see :func:`summarizer.budget.check_word_budget`)."""


class OptionsError(EvenhandError, ValueError):
    """An option of a summary is invalid (:class:`summarizer.options.SummaryOptions`).

    Attributes:
        options: the names of the options at fault (``("sentences", "ratio")``), as
            :class:`~summarizer.options.SummaryOptions` names them; a face names its own
            flags from them.
        problem: what is wrong with them, to follow their names (``"must be at least 1, not 0"``);
            ``None`` when the message says it whole.
    """

    def __init__(self, message: str, *, options: tuple[str, ...] = (), problem: str | None = None) -> None:
        super().__init__(message)
        self.options = options
        self.problem = problem


class BudgetError(OptionsError):
    """The length budget is invalid."""


class UnknownAlgorithmError(OptionsError):
    """No summarizer has that name."""


class UnknownLanguageError(OptionsError):
    """No stemmer or stop words for that language."""


class UnknownFormatError(OptionsError):
    """No output format has that name (:mod:`summarizer.render.formats`)."""


class AnalysisError(EvenhandError, ValueError):
    """An :class:`~summarizer.analysis.Analysis` given to :func:`summarizer.summarize` is of another document."""


class SummaryError(EvenhandError, ValueError):
    """A :class:`~summarizer.model.Summary` whose parts disagree.

    Edits that overlap or leave their sentence (:func:`summarizer.edits.apply_edits`), or kept
    sentences out of the original's order (:func:`summarizer.align.align`).  A summary made by
    :func:`summarizer.summarize` never raises it; one built or edited by hand may.
    """


class SchemaError(EvenhandError, ValueError):
    """A JSON document that is not an evenhand summary of a version this code reads."""


class BatchError(EvenhandError, ValueError):
    """The batch cannot run as asked (an unsafe ``--out``, an output that is an input, ...)."""


class EvaluationError(EvenhandError, ValueError):
    """An evaluation (:mod:`summarizer.evaluate`) cannot run as asked (fewer than one job, ...)."""


class LexiconError(EvenhandError, ValueError):
    """A word list or table shipped with evenhand is malformed (:mod:`summarizer.lexicons`).

    The files are part of the package, so this is a broken installation (or a bad edit of a
    list), never a fault of the input: the message names the file and the row.
    """
