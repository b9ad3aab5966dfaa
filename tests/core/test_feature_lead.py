"""A feature's opening (a question to the reader, "I" or "you" as the subject) is not the lead:
the summary opens with the first sentence of news, at every length.  Texts are our own."""

from __future__ import annotations

import pytest

from summarizer import summarize
from summarizer.analysis import analyse
from summarizer.context import find_lead, is_feature_opening
from summarizer.cues import find_cues
from summarizer.evaluate.integrity import _feature_opening, _lead, check_summary
from summarizer.segment import segment


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("Would you believe these photos were taken from a kayak?", True),
        ("Bored of your garden and want to liven things up?", True),
        ("My grandfather was always mad about trains.", True),
        ("Upon arrival at the station, you are greeted by a brass band.", True),
        ("You can now buy a ticket with your phone.", True),
        ("The council voted on Monday to close the pier.", False),
        ("Loyalty cards are coming to a screen near you.", False),
        ("Viruses sent to catch you out are changing, experts say.", False),
        ('"Why now?" asked the chair of the committee.', False),
    ],
)
def test_feature_openings_by_the_selector_and_by_the_check(text: str, feature: bool) -> None:
    assert is_feature_opening(text) is feature
    assert _feature_opening(text) is feature


STORY = """Would you take a night train to the coast?

Hundreds of travellers will get the chance from May. The rail company Northline said on Tuesday it would run a sleeper service from the capital to Porthaven three nights a week.

Tickets will go on sale in March, the company said. A cabin for two will cost 180 pounds.

The service last ran in 1994, when it was cut for lack of passengers.
"""


def test_the_summary_opens_with_the_news_at_every_length() -> None:
    document = segment(STORY)
    analysis = analyse(document)
    content = [i for i in range(len(document.sentences)) if analysis.boilerplate[i] is None]
    lead = find_lead(document, content)
    assert document.sentences[lead].text.startswith("Hundreds of travellers")
    for n in range(1, len(document.sentences) + 1):
        summary = summarize(document, sentences=n, analysis=analysis)
        assert summary.kept[0].index == lead, (n, summary.text)
        assert _lead(summary) == lead
        assert check_summary(summary, "train").counts["lead_missing"] == 0
        assert summary.decisions[0].reasons[0].code in ("feature_opening", "headline")


def test_a_sentence_that_leans_on_the_opening_keeps_the_opening_as_the_lead() -> None:
    document = segment("Is the pier safe? It is not, engineers said on Monday. The council will close it in May.")
    assert find_lead(document, [0, 1, 2]) == 0


def test_a_participle_with_its_agent_is_no_framing_verb() -> None:
    document = segment("The cleric returned, according to websites maintained by his followers.")
    assert not [c for c in find_cues(document)[0] if c.category == "assertive_verb"]
    document = segment("The minister maintained that the plan was sound.")
    assert [c.text for c in find_cues(document)[0] if c.category == "assertive_verb"] == ["maintained"]
