"""The lead's dateline ("WASHINGTON, DC – ") is cut as a recorded edit, at every length."""

from __future__ import annotations

import pytest

from summarizer import summarize
from summarizer.analysis import analyse
from summarizer.context import dateline_edit
from summarizer.segment import segment


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("WASHINGTON, DC – The council voted to close the pier on Monday.", "WASHINGTON, DC – "),
        ("NEW YORK — The council voted to close the pier on Monday.", "NEW YORK — "),
        ("LONDON, March 3 - The council voted to close the pier on Monday.", "LONDON, March 3 - "),
        ("Lakeport, Jan. 5 -- The council voted to close the pier on Monday.", "Lakeport, Jan. 5 -- "),
        ("PORTLAND, Ore., Jan. 5 – The council voted to close the pier on Monday.", "PORTLAND, Ore., Jan. 5 – "),
        ("The council – all nine members – voted to close the pier.", None),
        ("Mayor Ana Reyes – who chairs the board – voted to close the pier.", None),
        ("NASA said the launch would go ahead on Monday.", None),
    ],
)
def test_a_dateline_at_the_start_of_the_lead(text: str, cut: str | None) -> None:
    # (A dateline with an agency in brackets, "Bristol (Reuters) – ", is a sentence of its own already.)
    edit = dateline_edit(segment(text).sentences[0])
    assert (edit.text if edit is not None else None) == cut
    if edit is not None:
        assert (edit.kind, edit.replacement) == ("dateline_cut", "")


STORY = """Pier to close for repairs

HARBOURTON, Maine – The town council voted on Monday to close the old pier for six months of repairs.

The work will cost 2 million dollars, paid from the harbour fund. Fishing boats will use the south quay until the pier reopens.

The council's chair, Ana Reyes, said the pier had been unsafe since the winter storms.
"""


def test_the_lead_opens_without_its_dateline_at_every_length() -> None:
    document = segment(STORY)
    analysis = analyse(document)
    for n in range(1, len(document.sentences) + 1):
        summary = summarize(document, sentences=n, analysis=analysis)
        assert summary.kept[0].output.startswith("The town council voted"), (n, summary.text)
        assert [e.kind for e in summary.kept[0].edits] == ["dateline_cut"]
    untouched = summarize(document, sentences=1, analysis=analysis, edits="none")
    assert untouched.kept[0].output.startswith("HARBOURTON, Maine – ")
