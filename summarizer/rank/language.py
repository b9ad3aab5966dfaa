"""The stemmer and stop words of a language, as sumy gives them (no NLTK data files, nothing downloaded).

Its own module so that the term model (:mod:`summarizer.rank.terms`) and sumy's adapter
(:mod:`summarizer.rank.sumy_adapter`) both read them without importing each other.
"""

from __future__ import annotations

import pkgutil
from collections.abc import Callable
from functools import lru_cache

__all__ = ["stemmer", "stop_words"]


@lru_cache(maxsize=8)
def stemmer(language: str) -> Callable[[str], str]:
    """sumy's stemmer for ``language`` (NLTK's Snowball, which needs no data files).

    Raises:
        LookupError: sumy has no stemmer for ``language``.
    """
    from sumy.nlp.stemmers import Stemmer

    return Stemmer(language)


@lru_cache(maxsize=8)
def stop_words(language: str) -> frozenset[str]:
    """sumy's bundled stop words for ``language``, lower-cased as sumy's summarizers use them.

    A language given by its full name (``"english"``) is read straight from sumy's data
    files, parsed as ``sumy.utils.get_stop_words`` parses them; that module imports
    ``requests`` and ``pycountry`` (a fifth of a second), which only codes such as ``"en"``
    need, to be turned into names.

    Raises:
        LookupError: sumy ships no stop words for ``language``.
    """
    if len(language) > 3 and language.isalpha():
        # sumy's normalize_language leaves such a name as it is, lower-cased.
        try:
            data = pkgutil.get_data("sumy", f"data/stopwords/{language.lower()}.txt")
        except OSError:
            raise LookupError(f"Stop-words are not available for language {language.lower()}.") from None
        if data is not None:
            return frozenset(w.rstrip().lower() for w in data.decode("utf-8").splitlines() if w)
    from sumy.utils import get_stop_words

    return frozenset(word.lower() for word in get_stop_words(language))
