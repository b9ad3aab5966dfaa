"""Compression: asides, appositives, non-restrictive relative clauses and semicolon splits,
and the cuts that must never happen (fixtures we wrote ourselves, tests/fixtures/compress/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.compress import KINDS, compress_edits, content_words, names_in, split_counts
from summarizer.edits import apply_edits
from summarizer.pipeline import summarize
from summarizer.quotes import quoted_spans
from summarizer.segment import segment

FIXTURES = Path(__file__).parents[1] / "fixtures" / "compress" / "cuts.tsv"


def _rows() -> list[tuple[str, str, str]]:
    rows = []
    for line in FIXTURES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            kind, sentence, expected = line.split("\t")
            rows.append((kind, sentence, sentence if expected == "=" else expected))
    return rows


def compressed(text: str) -> tuple[str, list[str]]:
    """The text with every sentence compressed as if all were in the summary, and the kinds of cut."""
    doc = segment(text)
    quoted = quoted_spans(doc)
    out, kinds = [], []
    for sentence in doc.sentences:
        others = names_in(s.text for s in doc.sentences if s.index != sentence.index)
        said = content_words(" ".join(s.text for s in doc.sentences if s.index != sentence.index))
        edits = compress_edits(doc, sentence, quoted, known=others, said=said)
        kinds += [e.kind for e in edits]
        out.append(apply_edits(sentence, edits) if edits else sentence.text)
    return " ".join(out), kinds


@pytest.mark.parametrize(("kind", "sentence", "expected"), _rows(), ids=[f"{k}-{i}" for i, (k, _, _) in enumerate(_rows())])
def test_each_kind_of_cut_and_the_cuts_that_must_not_happen(kind: str, sentence: str, expected: str) -> None:
    result, kinds = compressed(sentence)
    assert result == expected
    if kind in KINDS:
        assert kind in kinds
    if expected == sentence:
        assert not kinds


def test_a_name_said_elsewhere_in_the_summary_may_be_cut() -> None:
    doc = segment("The council (led by Mary Okafor) agreed the plan after a long debate in the hall.")
    sentence = doc.sentences[0]
    assert compress_edits(doc, sentence, (), known=frozenset()) == ()
    edits = compress_edits(doc, sentence, (), known=frozenset({"Mary", "Okafor"}))
    assert apply_edits(sentence, edits) == "The council agreed the plan after a long debate in the hall."


def test_edits_are_recorded_deletions_within_the_sentence() -> None:
    doc = segment("Intro line here for context. Jane Harrow, the former health minister, will stand again next year.")
    sentence = doc.sentences[1]
    (edit,) = compress_edits(doc, sentence, ())
    assert edit.kind == "appositive"
    assert doc.text[edit.start : edit.end] == edit.text == ", the former health minister,"
    assert edit.replacement == ""


def test_a_split_counts_as_two_sentences() -> None:
    doc = segment("The road will reopen after the summer holidays; residents remain sceptical of the promise.")
    sentence = doc.sentences[0]
    edits = compress_edits(doc, sentence, ())
    assert [e.kind for e in edits] == ["split"]
    output = apply_edits(sentence, edits)
    assert split_counts(output, edits) == [
        "The road will reopen after the summer holidays.", "Residents remain sceptical of the promise.",
    ]


ARTICLE = (
    "The town council (which met in the old hall on a wet evening) agreed the new bridge plan after a long debate.\n\n"
    "The bridge, which opened long ago, carries most of the town's traffic each day and needs repair.\n\n"
    "Jane Harrow, the council leader, wants the work to start in the spring and end in the autumn.\n\n"
    "Residents were pleased with the plan; shopkeepers feared the closures would cost them trade.\n\n"
    "The council will publish the full plan next month on its website for everyone to read.\n\n"
    "A public meeting will follow in the town square, where residents can ask questions."
)


def test_neutral_compresses_by_default_and_every_cut_is_an_edit() -> None:
    summary = summarize(ARTICLE, sentences=4)
    cuts = [e for d in summary.kept for e in d.edits if e.kind in KINDS]
    assert cuts
    for d in summary.kept:
        assert d.output == apply_edits(d.sentence, d.edits)
    assert any(r.code == "compressed" for d in summary.kept for r in d.reasons)


@pytest.mark.parametrize("options", [{"edits": "reword"}, {"trim": False}, {"algorithm": "lexrank"}])
def test_compression_is_off_when_asked_without_trim_and_for_sumy(options: dict[str, object]) -> None:
    summary = summarize(ARTICLE, sentences=4, **options)  # type: ignore[arg-type]
    assert not [e for d in summary.kept for e in d.edits if e.kind in KINDS]


def test_the_summary_measures_count_a_split_sentence_as_two() -> None:
    on = summarize(ARTICLE, ratio=1.0)
    off = summarize(ARTICLE, ratio=1.0, edits="reword")
    assert any(e.kind == "split" for d in on.kept for e in d.edits)
    assert on.stats.readability_summary.sentences == off.stats.readability_summary.sentences + 1
    assert on.stats.readability_summary.words_per_sentence < off.stats.readability_summary.words_per_sentence


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html", "json", "diff"])
def test_every_format_shows_the_cuts(fmt: str) -> None:
    from summarizer.render import render

    summary = summarize(ARTICLE, ratio=1.0)
    out = render(summary, fmt, width=200, color=False) if fmt == "terminal" else render(summary, fmt)
    assert "which opened long ago" in out  # the struck words, in the original
    assert "The bridge carries most of the town" in out  # the sentence as it reads after the cut
    if fmt == "terminal":
        assert "[-, which opened long ago,-]" in out and "{+. Shopkeepers+}" in out
    if fmt == "markdown":
        assert "(relative clause)" in out and "(appositive)" in out and "(aside)" in out


def test_of_two_sentences_saying_the_same_the_plainer_is_kept_and_the_reason_says_so() -> None:
    text = (
        "The town council met on Monday night to decide the future of the old bridge over the river.\n\n"
        "The new bridge plan was agreed by the town council after a long and tiring debate in the old hall on"
        " Monday night, with many residents watching from the crowded public gallery above.\n\n"
        "The town council agreed the new bridge plan after a long and tiring debate in the old hall on Monday night.\n\n"
        "Work on the bridge will start in the spring and end in the autumn, the council leader told residents.\n\n"
        "The bridge carries most of the traffic in the town each day."
    )
    summary = summarize(text, sentences=2)
    longer, shorter = summary.decisions[1], summary.decisions[2]
    assert shorter.kept and not longer.kept
    assert longer.reasons[0].code == "repeats"
    assert any(r.code == "plainer" and "sentence 3" in r.text for r in longer.reasons)


def test_list_markers_are_not_a_dashed_aside() -> None:
    # A lead-in and its two lower-case items are one sentence; their dashes mark items, not an aside.
    text = "The court found the firms\n - misled buyers\n - hid the risks.\nThe firms will appeal."
    assert compressed(text) == ("The court found the firms\n - misled buyers\n - hid the risks. The firms will appeal.", [])


def test_a_relative_clause_between_speaker_and_verb_leaves_no_comma() -> None:

    for text, expected in (
        ("Council member Ana Pereira, who proposed the change last year, said ridership was down.",
         "Council member Ana Pereira said ridership was down."),
        ("Speaking on TV, the mayor, who runs the city council, said no.", "Speaking on TV, the mayor said no."),
        ("Sales fell sharply, which worried the investors, government research found.",
         "Sales fell sharply, government research found."),
    ):
        document = segment(text)
        sentence = document.sentences[0]
        assert apply_edits(sentence, compress_edits(document, sentence, (), known=set(), lower=frozenset())) == expected


def test_an_opening_phrase_is_cut_only_when_the_summary_says_what_it_holds() -> None:
    doc = segment("After the long debate in the hall, the council agreed the plan for the bridge.")
    sentence = doc.sentences[0]
    assert compress_edits(doc, sentence, ()) == ()
    said = content_words("The debate in the hall was long.")
    (edit,) = compress_edits(doc, sentence, (), said=said)
    assert edit.kind == "opening"
    assert apply_edits(sentence, (edit,)) == "The council agreed the plan for the bridge."
    # "If …" limits what the sentence claims: never cut, whatever the summary says.
    doc = segment("If the debate in the hall runs long, the council will delay the plan for the bridge.")
    assert compress_edits(doc, doc.sentences[0], (), said=said) == ()


def test_a_speakers_role_is_cut_only_when_the_summary_says_it_already() -> None:
    doc = segment("Jane Harrow, the former health minister, told reporters she would stand again.")
    sentence = doc.sentences[0]
    assert compress_edits(doc, sentence, ()) == ()
    said = content_words("Ms Harrow was the health minister until the spring, a former post.")
    (edit,) = compress_edits(doc, sentence, (), said=said)
    assert apply_edits(sentence, (edit,)) == "Jane Harrow told reporters she would stand again."


def test_the_lower_case_words_of_a_long_text_are_read_a_stretch_at_a_time_as_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    import summarizer.compress as compress

    text = "Acme said the rail-link works. Ana’s well-known firm sold it.\n" * 40 + "lone\u00a0word end"
    whole = frozenset(w for w in compress._WORD.findall(text) if w.islower())
    monkeypatch.setattr(compress, "_STRETCH", 7)  # cuts inside every sentence: only at spaces
    assert compress.lower_case_words(text) == whole
    assert compress.lower_case_words("") == frozenset()
