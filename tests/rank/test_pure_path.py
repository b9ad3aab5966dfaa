"""The pure-Python path for short texts (summarizer.rank.pure, select's _Pure* classes) gives the
same floats and the same choices as the NumPy/SciPy path."""

from __future__ import annotations

import pytest

from summarizer import summarize, to_json
from summarizer.rank import graph, pure
from summarizer.rank.terms import content_stems, language_tools, sentence_words
from summarizer.segment import segment
from summarizer.select.choosers import Chooser, PureChooser, pure_unit_rows, unit_rows
from tests.articles import EXAMPLES, make_article

TEXTS = [make_article(seed, paragraphs=6) for seed in range(6)] + [
    p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))
]


@pytest.mark.parametrize("text", TEXTS)
def test_reduction_is_the_sparse_code_bit_for_bit(text: str) -> None:
    stems = content_stems(sentence_words(segment(text)), language_tools("english"))
    assert pure.reduction(stems) == [float(r) for r in graph.reduction(stems)]


def test_reduction_of_sentences_without_terms() -> None:
    assert pure.reduction([[], ["vote"], []]) == [float(r) for r in graph.reduction([[], ["vote"], []])]


@pytest.mark.parametrize("text", TEXTS)
def test_similarities_are_the_sparse_code_bit_for_bit(text: str) -> None:
    document = segment(text)
    n = len(document.sentences)
    value = [float(n - i) for i in range(n)]
    sparse_chooser = Chooser(unit_rows(document, "english"), value)
    pure_chooser = PureChooser(pure_unit_rows(document, "english"), value)
    for j in range(0, n, 2):
        sparse_chooser.keep([j], [1] * n)
        pure_chooser.keep([j], [1] * n)
        assert sparse_chooser.max_sim.tolist() == pure_chooser.max_sim
        assert sparse_chooser.nearest.tolist() == pure_chooser.nearest
    sparse_chooser.drop(0, [1] * n)
    pure_chooser.drop(0, [1] * n)
    assert sparse_chooser.max_sim.tolist() == pure_chooser.max_sim


@pytest.mark.parametrize("options", [{}, {"words": 60}, {"edits": "compress", "ratio": 0.4}, {"algorithm": "reduction"}])
@pytest.mark.parametrize("text", TEXTS)
def test_both_paths_summarise_alike(text: str, options: dict[str, object], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pure, "SMALL_SENTENCES", 10**9)
    small = to_json(summarize(text, **options))  # type: ignore[arg-type]
    monkeypatch.setattr(pure, "SMALL_SENTENCES", -1)
    assert to_json(summarize(text, **options)) == small  # type: ignore[arg-type]


@pytest.mark.parametrize("text", TEXTS[:2])
def test_stems_given_are_the_stems_read(text: str) -> None:
    """The selector finds the terms once and hands them to the centrality and to the chooser's rows:
    the same ratings and rows as each finding them, and what is given is what is read."""
    from summarizer.rank import rank, term_matrix

    document = segment(text)
    stems = content_stems(sentence_words(document), language_tools("english"))
    assert rank(document, "reduction", stems=stems) == rank(document, "reduction")
    assert pure_unit_rows(document, "english", stems=stems) == pure_unit_rows(document, "english")
    assert (term_matrix(document, stems=stems) != term_matrix(document)).nnz == 0
    nothing: list[list[str]] = [[] for _ in stems]
    assert set(rank(document, "reduction", stems=nothing)) == {0.0} != set(rank(document, "reduction"))
    assert pure_unit_rows(document, "english", stems=nothing)[1] == []
