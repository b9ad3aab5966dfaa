"""Boilerplate: promotional and navigation lines are labelled, content is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.boilerplate import detect_boilerplate
from summarizer.segment import segment

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

ARTICLE = """\
Harbor town votes to rebuild storm-damaged pier

By Jane Okoro

Photo: The old pier after the January storm (Ellen Park/Harbor Daily)

PORT ELLIS – The town council voted on Monday to rebuild the pier that a January storm tore in half, at a cost of $3.2 million.

Editor's note: An earlier version of this story gave the wrong date for the storm.

The new pier will be 40 feet longer than the old one and will sit two feet higher, the town engineer said. Work is due to start in April.

"We have waited long enough," said Mayor Ruth Allen. "Do you want to join us on opening day? You should, because this pier belongs to everyone."

Fishermen said they hoped the pier would reopen before the summer season.

Like what you read? Subscribe to our newsletter for weekly updates from the coast.  Your membership keeps local news alive.  Proceeds fund our reporters in every harbor town.

Harbor Daily

Share this article
Follow us on Facebook
© 2026 Harbor Daily Media. All rights reserved.
Read more
Submit a Correction
Related Posts
"""


def labels_of(text: str) -> dict[str, str | None]:
    document = segment(text)
    labels = detect_boilerplate(document)
    assert len(labels) == len(document.sentences)
    return {sentence.text: label for sentence, label in zip(document.sentences, labels, strict=True)}


@pytest.fixture(scope="module")
def article() -> dict[str, str | None]:
    return labels_of(ARTICLE)


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("By Jane Okoro", "byline"),
        ("Photo: The old pier after the January storm (Ellen Park/Harbor Daily)", "photo credit"),
        (
            "Editor's note: An earlier version of this story gave the wrong date for the storm.",
            "editor's note",
        ),
        ("Like what you read?", "membership pitch"),
        ("Subscribe to our newsletter for weekly updates from the coast.", "call to action"),
        ("Your membership keeps local news alive.", "membership pitch"),
        ("Proceeds fund our reporters in every harbor town.", "membership pitch"),
        ("Harbor Daily", "orphan line"),
        ("Share this article", "share prompt"),
        ("Follow us on Facebook", "share prompt"),
        ("© 2026 Harbor Daily Media.", "copyright line"),
        ("Read more", "navigation"),
        ("Submit a Correction", "navigation"),
        ("Related Posts", "navigation"),
    ],
)
def test_boilerplate_lines_are_labelled(article: dict[str, str | None], line: str, label: str) -> None:
    assert article[line] == label


@pytest.mark.parametrize(
    "line",
    [
        "Harbor town votes to rebuild storm-damaged pier",
        "PORT ELLIS – The town council voted on Monday to rebuild the pier that a January storm tore in half, at a cost of $3.2 million.",
        "Work is due to start in April.",
        "Fishermen said they hoped the pier would reopen before the summer season.",
    ],
)
def test_content_is_not_boilerplate(article: dict[str, str | None], line: str) -> None:
    assert article[line] is None


def test_a_call_to_action_inside_a_quotation_is_content(article: dict[str, str | None]) -> None:
    quoted = [text for text in article if text.startswith('"Do you want to join us')]
    assert quoted and all(article[text] is None for text in quoted)


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("(Reuters)", "wire credit"),
        ("Reporting by Sam Lee; Editing by Ann Cho", "wire credit"),
        ("The Associated Press contributed to this report.", "wire credit"),
        ("Copyright 2025 The Example Times. All rights reserved.", "copyright line"),
        ("Sign up for our free daily newsletter.", "call to action"),
        ("Read more: Ten towns that rebuilt their piers after a storm .", "navigation"),
    ],
)
def test_single_lines(line: str, label: str) -> None:
    text = f"The council met on Tuesday and approved the plan after a long debate.\n\n{line}\n"
    on_the_line = {sentence: found for sentence, found in labels_of(text).items() if sentence in line}
    assert on_the_line and set(on_the_line.values()) == {label}


def test_a_short_line_before_the_body_is_a_headline_not_an_orphan() -> None:
    text = "Council backs pier plan\n\nThe council backed the pier plan on Monday after a long debate.\n\nHarbor Daily\n"
    labels = labels_of(text)
    assert labels["Council backs pier plan"] is None
    assert labels["Harbor Daily"] == "orphan line"


@pytest.mark.parametrize(
    "text",
    [
        "A US bank said it would donate $8m to the fund.",
        "The firm has about 16 million subscribers in the US.",
        "Subscriptions rose 4% in the quarter, the company said.",
        "Related costs rose sharply, the report said.",
    ],
)
def test_news_about_subscriptions_and_donations_is_content(text: str) -> None:
    body = f"{text}\n\nThe chief executive said the results were in line with forecasts.\n"
    assert labels_of(body)[text] is None


@pytest.mark.parametrize("name", ["slanted-right.txt", "slanted-left.txt"])
def test_examples_end_in_boilerplate_and_open_with_content(name: str) -> None:
    document = segment((EXAMPLES / name).read_text(encoding="utf-8"))
    labels = detect_boilerplate(document)
    assert labels[0] is None and labels[1] is None
    assert labels[-1] == "navigation" and labels[-2] == "navigation"
    assert sum(label is not None for label in labels) >= 7


def test_wire_example_has_only_its_dateline_and_credit_as_boilerplate() -> None:
    document = segment((EXAMPLES / "wire-neutral.txt").read_text(encoding="utf-8"))
    labels = detect_boilerplate(document)
    assert labels[-1] == "wire credit"
    assert document.sentences[1].text == "LAKEPORT, Mich. (Wire) –" and labels[1] == "dateline"
    assert all(label is None for i, label in enumerate(labels[:-1]) if i != 1)


@pytest.mark.seed
def test_seed_promotional_lines_are_flagged_and_headline_is_not(seed_text: str) -> None:
    labels = labels_of(seed_text)
    by_start = {text[:30]: label for text, label in labels.items()}
    for opening in (
        "Do you want to join our privat",
        "Get unprecedented access to so",
        "Proceeds get reinvested into h",
        "Click to check it out.",
        "LET Unity",
        "Submit a Correction",
        "Related Posts",
    ):
        assert by_start[opening] is not None, opening
    headline = next(text for text in labels if text.startswith("ACLU making push"))
    assert labels[headline] is None
    assert sum(label is not None for label in labels.values()) == 7


def test_web_copy_header_of_byline_and_time_stamps_is_boilerplate() -> None:
    text = (
        "By . Priya Castell . PUBLISHED: . 09:12 GMT, 4 March 2025 . | . UPDATED: . 11:40 GMT, 4 March 2025 . "
        "Last updated at 11:40 AM on 4th March 2025 . The ferry company cut two winter crossings on Monday. "
        "Published figures show a 4% fall in passengers. Scroll down for video ."
    )
    document = segment(text)
    labels = {s.text.strip(" .|"): label for s, label in zip(document.sentences, detect_boilerplate(document), strict=True)}
    assert labels["By"] == "byline"
    assert labels["Priya Castell"] == "byline"
    assert labels["PUBLISHED:"] == labels["09:12 GMT, 4 March 2025"] == "time stamp"
    assert labels["Last updated at 11:40 AM on 4th March 2025"] == "time stamp"
    assert labels["The ferry company cut two winter crossings on Monday"] is None
    assert labels["Published figures show a 4% fall in passengers"] is None
    assert labels["Scroll down for video"] == "navigation"


@pytest.mark.parametrize(
    ("header", "names"),
    [
        ("By . Priya Castell . and Tom Okafor .", "Priya Castell . and Tom Okafor ."),
        ("By . Priya Castell For Harbourline .", "Priya Castell For Harbourline ."),
        ("By . Harbour Daily Reporter .", "Harbour Daily Reporter ."),
    ],
)
def test_the_names_after_by_are_the_byline(header: str, names: str) -> None:
    labels = labels_of(f"{header} The ferry company cut two winter crossings on Monday. Fares rose.")
    assert labels[names] == "byline"
    assert labels["The ferry company cut two winter crossings on Monday."] is None


def test_a_sentence_after_by_is_no_byline() -> None:
    labels = labels_of("By . Priya Castell . Ferries and buses in the bay cost more from Monday, the council said.")
    assert labels["Ferries and buses in the bay cost more from Monday, the council said."] is None


def test_photo_captions_are_labelled() -> None:
    text = (
        "The harbour flooded on Sunday after two days of rain. "
        "Flooded: The high street under a metre of water on Sunday morning . "
        "Tom Okafor: He lost his shop and his van in the flood . "
        "The council said it would pay for the clean-up.\n\n"
        "Rescued: A lifeboat crew brings a family ashore near the pier\n\n"
        "Insurers expect claims to pass £2m."
    )
    labels = labels_of(text)
    assert labels["Flooded: The high street under a metre of water on Sunday morning ."] == "photo caption"
    assert labels["Tom Okafor: He lost his shop and his van in the flood ."] == "photo caption"
    assert labels["Rescued: A lifeboat crew brings a family ashore near the pier"] == "photo caption"
    assert labels["The council said it would pay for the clean-up."] is None


def test_in_copy_with_captions_a_caption_with_its_stop_is_one_too() -> None:
    caption = "Soaked: Volunteers fill sandbags outside the town hall."
    with_captions = labels_of(
        "The harbour flooded on Sunday after two days of rain. "
        "Flooded: The high street under a metre of water on Sunday morning . "
        f"{caption} The council said it would pay for the clean-up."
    )
    assert with_captions[caption] == "photo caption"
    without = labels_of(f"The harbour flooded on Sunday after two days of rain. {caption} The council said it would pay.")
    assert without[caption] is None


@pytest.mark.parametrize(
    "line",
    [
        "He said: 'We will rebuild the pier by the spring .",
        "Mr Okafor told the paper: ‘The water came in so fast .",
        "Her conclusion was simple: the council had waited too long to act.",
        "The Harbour Almanac: Tides and Storms sold 4,000 copies in its first week.",
        "They were clear: the pier stays shut until it is safe .",
    ],
)
def test_lead_ins_and_titles_with_a_colon_are_no_captions(line: str) -> None:
    labels = labels_of(f"The harbour flooded on Sunday after two days of rain. {line} Insurers expect claims to pass £2m.")
    assert labels[line] is None


def test_datelines_are_labelled() -> None:
    labels = labels_of("Harbourton (CNN) -- The ferry sank on Monday. Nobody was hurt.")
    assert labels["Harbourton (CNN) --"] == "dateline"
    assert labels["The ferry sank on Monday."] is None


def test_the_bar_between_time_stamps_is_theirs() -> None:
    labels = labels_of("PUBLISHED: . 09:12 GMT, 4 March 2025 . | . UPDATED: . 11:40 GMT, 4 March 2025 . The ferry sank.")
    assert labels["| ."] == "time stamp"
    assert labels["The ferry sank."] is None


def test_labels_read_from_the_cues_are_the_same() -> None:
    """Given the cues and the piece counts (as the analysis passes them), the labels are the ones
    found without: a call to action is read from the cues only where no quotation touches it."""
    from summarizer.cues import find_cues
    from summarizer.tokens import count_pieces

    text = ARTICLE + '\n"Click here to sign up," she said. Sign up today for our newsletter.\n  Click to see more  \n'
    document = segment(text)
    cues = find_cues(document)
    pieces = [count_pieces(s.text) for s in document.sentences]
    assert detect_boilerplate(document, cues=cues, pieces=pieces) == detect_boilerplate(document)
    assert "call to action" in detect_boilerplate(document, cues=cues)
