"""The shipped lists' loaders: a malformed row is a LexiconError naming its file, never a bare ValueError."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from summarizer import lexicons
from summarizer.cues import claims
from summarizer.errors import EvenhandError, LexiconError

LOADERS: dict[str, Callable[[], object]] = {
    "evenhand/loaded_terms.tsv": lexicons.loaded_terms,
    "evenhand/style.tsv": lexicons.style_table,
    "evenhand/irregular_verbs.tsv": lexicons.irregular_verbs,
    "vader/valence.tsv": lexicons.valence,
    "pattern/subjectivity.tsv": lexicons.subjectivity,
    claims.SOURCE: claims.claim_forms,
}


@pytest.fixture
def broken_list(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str, str], None]]:
    """Make one list file read as the given row; every loader's cache is emptied before and after."""
    read = lexicons._lines

    def make(relative: str, row: str) -> None:
        monkeypatch.setattr(lexicons, "_lines", lambda name: [row] if name == relative else read(name))

    for loader in LOADERS.values():
        loader.cache_clear()  # type: ignore[attr-defined]
    yield make
    monkeypatch.undo()
    for loader in LOADERS.values():
        loader.cache_clear()  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("relative", "row", "problem"),
    [
        ("evenhand/loaded_terms.tsv", "slur\tnowhere\t1", "unknown side 'nowhere' for 'slur'"),
        ("evenhand/loaded_terms.tsv", "slur\tleft", r"2 fields where 3 belong, in 'slur\tleft'"),
        ("evenhand/loaded_terms.tsv", "slur\tleft\theavy", "'heavy' is not a number"),
        ("evenhand/style.tsv", "slur\tword\tup\twhy", "unknown side 'up' for 'slur'"),
        ("evenhand/irregular_verbs.tsv", "say\tsaid\tsays", r"3 fields where 2 belong, in 'say\tsaid\tsays'"),
        ("vader/valence.tsv", "good\t1.9\textra", r"3 fields where 2 belong, in 'good\t1.9\textra'"),
        ("pattern/subjectivity.tsv", "good\tmuch\t0.7", "'much' is not a number"),
        (claims.SOURCE, "claims\tadverb\t1\tsays\twhy", "unknown context 'adverb' for 'claims'"),
    ],
)
def test_a_malformed_row_names_its_file(
    broken_list: Callable[[str, str], None], relative: str, row: str, problem: str
) -> None:
    broken_list(relative, row)
    with pytest.raises(LexiconError) as error:
        LOADERS[relative]()
    assert str(error.value) == f"the shipped list {relative} is broken (reinstall evenhand): {problem}"
    assert isinstance(error.value, EvenhandError) and isinstance(error.value, ValueError)


def test_the_shipped_lists_read() -> None:
    for relative, loader in LOADERS.items():
        assert len(loader()) > 0, relative  # type: ignore[arg-type]
