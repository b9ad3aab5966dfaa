"""Sentence and paragraph segmentation: rules, exact offsets, coverage."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.segment import is_space, segment, split_sentences

FIXTURES = Path(__file__).parents[1] / "fixtures" / "segmentation"


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


CASES = [
    pytest.param(
        "Mr. Smith met Dr. Jones at 10 a.m. on Monday. They talked.",
        ["Mr. Smith met Dr. Jones at 10 a.m. on Monday.", "They talked."],
        id="abbreviation-titles-and-time",
    ),
    pytest.param(
        "Police came at 7:30 p.m. Wednesday and left at 9 p.m. EST. Witnesses saw them at 10 a.m. Neighbours agreed.",
        [
            "Police came at 7:30 p.m. Wednesday and left at 9 p.m. EST.",
            "Witnesses saw them at 10 a.m.",
            "Neighbours agreed.",
        ],
        id="abbreviation-clock-times",
    ),
    pytest.param(
        "Sen. Ann Cole, R-Ala., voted no. The bill failed.",
        ["Sen. Ann Cole, R-Ala., voted no.", "The bill failed."],
        id="abbreviation-party-state",
    ),
    pytest.param(
        "The U.S. economy grew. Exports rose.",
        ["The U.S. economy grew.", "Exports rose."],
        id="abbreviation-us-inside",
    ),
    pytest.param(
        "She moved to the U.S. The move paid off.",
        ["She moved to the U.S.", "The move paid off."],
        id="abbreviation-us-at-end",
    ),
    pytest.param(
        "Shares in Acme Inc. rose 5%. Rivals at Bolt Corp. fell.",
        ["Shares in Acme Inc. rose 5%.", "Rivals at Bolt Corp. fell."],
        id="abbreviation-company",
    ),
    pytest.param(
        "ST. LOUIS — Flood water reached the levee on Sunday. Crews worked overnight.",
        ["ST. LOUIS — Flood water reached the levee on Sunday.", "Crews worked overnight."],
        id="abbreviation-capitals-dateline",
    ),
    pytest.param(
        "FT. COLLINS, Colo. — A dam gave way. MT. HOOD WAS CLOSED. NO ONE WAS HURT.",
        ["FT. COLLINS, Colo. — A dam gave way.", "MT. HOOD WAS CLOSED.", "NO ONE WAS HURT."],
        id="abbreviation-capitals-name",
    ),
    pytest.param(
        "She read it in the FT. The paper agreed. THE TEAM LEFT FOR THE US. THE FANS WAITED.",
        ["She read it in the FT.", "The paper agreed.", "THE TEAM LEFT FOR THE US.", "THE FANS WAITED."],
        id="capitals-word-ends-sentence",
    ),
    pytest.param(
        "It was listed as No. 12 on the agenda. It passed.",
        ["It was listed as No. 12 on the agenda.", "It passed."],
        id="abbreviation-number",
    ),
    pytest.param(
        "Bring a tool, e.g. a hammer. Then wait.",
        ["Bring a tool, e.g. a hammer.", "Then wait."],
        id="abbreviation-eg",
    ),
    pytest.param(
        "The vote is on Jan. 5 in Leeds. Everyone will attend.",
        ["The vote is on Jan. 5 in Leeds.", "Everyone will attend."],
        id="abbreviation-month",
    ),
    pytest.param(
        "Profits rose 3.5% to $1.13bn (£600m). Sales were flat at 2.4m units.",
        ["Profits rose 3.5% to $1.13bn (£600m).", "Sales were flat at 2.4m units."],
        id="decimals-and-money",
    ),
    pytest.param(
        "J. K. Lin wrote it. George W. Bush read it.",
        ["J. K. Lin wrote it.", "George W. Bush read it."],
        id="initials",
    ),
    pytest.param(
        '"We won. We are happy," she said. Fans cheered.',
        ['"We won.', 'We are happy," she said.', "Fans cheered."],
        id="quotation-with-several-sentences",
    ),
    pytest.param(
        'The mayor said: "The work is done." Next week the wall opens.',
        ['The mayor said: "The work is done."', "Next week the wall opens."],
        id="ends-inside-straight-quotes",
    ),
    pytest.param(
        "She called it “a disaster.” Others disagreed.",
        ["She called it “a disaster.”", "Others disagreed."],
        id="ends-inside-curly-double-quotes",
    ),
    pytest.param(
        "He said it was ‘enough.’ The room went quiet.",
        ["He said it was ‘enough.’", "The room went quiet."],
        id="ends-inside-curly-single-quotes",
    ),
    pytest.param(
        "Le maire a dit «non.» Then he left.",
        ["Le maire a dit «non.»", "Then he left."],
        id="ends-inside-guillemets",
    ),
    pytest.param(
        "'It was fun.'But it was late. He said \"no.\"Then he left.",
        ["'It was fun.'", "But it was late.", 'He said "no."', "Then he left."],
        id="no-space-after-closing-quote",
    ),
    pytest.param(
        '"Why now?" she asked. Nobody knew!',
        ['"Why now?" she asked.', "Nobody knew!"],
        id="question-in-quotes-runs-on",
    ),
    pytest.param(
        "Storm hits coast\nThe storm hit the coast on Sunday. Homes were damaged.",
        ["Storm hits coast", "The storm hit the coast on Sunday.", "Homes were damaged."],
        id="headline-line",
    ),
    pytest.param(
        "LONDON, UK – Prices rose on Monday. Traders were calm.",
        ["LONDON, UK – Prices rose on Monday.", "Traders were calm."],
        id="dateline",
    ),
    pytest.param(
        "Key points:\n- prices rose\n* wages fell\n• rents doubled\n1. taxes went up",
        ["Key points:", "- prices rose", "* wages fell", "• rents doubled", "1. taxes went up"],
        id="list-items",
    ),
    pytest.param(
        "He paused... then went on. It was late… The end came.",
        ["He paused... then went on.", "It was late…", "The end came."],
        id="ellipses",
    ),
    pytest.param(
        'She paused... "It is over," she said.',
        ["She paused...", '"It is over," she said.'],
        id="ellipsis-then-quotation",
    ),
    pytest.param(
        "Critics said:\n\n“It is too costly. It is too slow.”",
        ["Critics said:", "“It is too costly.", "It is too slow.”"],
        id="colon-lead-in-then-quotation-paragraph",
    ),
    pytest.param(
        "They wrote:\n“No.”",
        ["They wrote:", "“No.”"],
        id="colon-lead-in-then-line",
    ),
    pytest.param(
        "The reason is simple: money. It ran out.",
        ["The reason is simple: money.", "It ran out."],
        id="colon-mid-line-does-not-split",
    ),
    pytest.param(
        "First line here.\r\nSecond one.\r\n\r\nNew paragraph.",
        ["First line here.", "Second one.", "New paragraph."],
        id="crlf",
    ),
    pytest.param(
        "One.\u00a0Two.\tThree.",
        ["One.", "Two.", "Three."],
        id="nbsp-and-tab",
    ),
    pytest.param(
        "One.\u200bTwo. \u200bThree.\u200b",
        ["One.", "Two.", "Three."],
        id="zero-width-space",
    ),
    pytest.param(
        "The council met on Tuesday to discuss the sea wall and the\n"
        "budget for the next year, which had been delayed by the long\n"
        "debate over costs and the wishes of the residents said Mayor\n"
        "Ruiz after the vote. It ended late.",
        [
            "The council met on Tuesday to discuss the sea wall and the\n"
            "budget for the next year, which had been delayed by the long\n"
            "debate over costs and the wishes of the residents said Mayor\n"
            "Ruiz after the vote.",
            "It ended late.",
        ],
        id="hard-wrapped-prose",
    ),
    pytest.param(
        "The court found the firms\n - misled buyers\n - hid the risks.\nThe firms will appeal.",
        ["The court found the firms\n - misled buyers\n - hid the risks.", "The firms will appeal."],
        id="lower-case-items-finish-the-lead-in",
    ),
    pytest.param(
        "The court found the firms\n\n - misled buyers\n - hid the risks.\n\nThe firms will appeal.",
        ["The court found the firms\n\n - misled buyers\n - hid the risks.", "The firms will appeal."],
        id="lower-case-items-finish-the-lead-in-over-a-blank-line",
    ),
    pytest.param(
        "Winners\n- Best film: Dusk\n- Best actor: Sam Okoro",
        ["Winners", "- Best film: Dusk", "- Best actor: Sam Okoro"],
        id="capitalised-items-stay-apart",
    ),
    pytest.param(
        "What we know\n- three people were hurt\n- the road is shut",
        ["What we know", "- three people were hurt", "- the road is shut"],
        id="a-short-heading-is-not-a-lead-in",
    ),
    pytest.param(
        "The firm agreed to stop sales in 2003,\n\nThe fines were paid later.",
        ["The firm agreed to stop sales in 2003,\n\nThe fines were paid later."],
        id="paragraph-cut-after-a-comma-runs-on",
    ),
    pytest.param(
        "Arsenal 2-1 Chelsea\nHenry scored twice. Federer won 3-6 6-4 7-5. Kick-off is at 5.30pm. Fans waited.",
        [
            "Arsenal 2-1 Chelsea",
            "Henry scored twice.",
            "Federer won 3-6 6-4 7-5.",
            "Kick-off is at 5.30pm.",
            "Fans waited.",
        ],
        id="results-scores-and-times",
    ),
    pytest.param(
        "He lives on Downing St. His neighbour moved to St. Albans. She met Rev. Hill and Mt. Kenya guides.",
        [
            "He lives on Downing St.",
            "His neighbour moved to St. Albans.",
            "She met Rev. Hill and Mt. Kenya guides.",
        ],
        id="street-or-saint",
    ),
    pytest.param(
        "Gov. Ray, Sen. Cole, Rep. Bell, Lt. Col. Tran and Sgt. Moss met. Acme Ltd. and Bolt Inc. paid. "
        "It was Leeds vs. York and Hall v Hart. J.K. Rowling flew to the U.S. The trip was long.",
        [
            "Gov. Ray, Sen. Cole, Rep. Bell, Lt. Col. Tran and Sgt. Moss met.",
            "Acme Ltd. and Bolt Inc. paid.",
            "It was Leeds vs. York and Hall v Hart.",
            "J.K. Rowling flew to the U.S.",
            "The trip was long.",
        ],
        id="titles-companies-versus-initials",
    ),
    pytest.param(
        'She starred in Who Wants To Be A Winner? last year. "Is this real?!" she asked. Nos. 3 and 4 won.',
        [
            "She starred in Who Wants To Be A Winner? last year.",
            '"Is this real?!" she asked.',
            "Nos. 3 and 4 won.",
        ],
        id="quoted-and-punctuated-titles",
    ),
    pytest.param(
        "By . Jo Hale . PUBLISHED: . 10:02 GMT, 3 May 2024 . The ferry sailed . Pictured: the ferry . "
        "The crew, who had trained for . months, were ready. It docked in . 2019 after the war, . "
        "Mr . Ross said. The wait was worth waiting for . The crowd came in . ‘It is fine,’ Ross said.",
        [
            "By .",
            "Jo Hale .",
            "PUBLISHED: .",
            "10:02 GMT, 3 May 2024 .",
            "The ferry sailed .",
            "Pictured: the ferry .",
            "The crew, who had trained for . months, were ready.",
            "It docked in . 2019 after the war, . Mr . Ross said.",
            "The wait was worth waiting for .",
            "The crowd came in .",
            "‘It is fine,’ Ross said.",
        ],
        id="line-breaks-flattened-into-spaced-dots",
    ),
    pytest.param(
        "Harbourton (CNN) -- The ferry sank on Monday. Nobody was hurt.\n\n"
        "(CNN) -- A second ferry sailed.\n\nKELP BAY, Maine (Reuters) - Fares rose 4%.",
        [
            "Harbourton (CNN) --", "The ferry sank on Monday.", "Nobody was hurt.",
            "(CNN) --", "A second ferry sailed.", "KELP BAY, Maine (Reuters) -", "Fares rose 4%.",
        ],
        id="datelines-are-cut-off",
    ),
    pytest.param(
        "Lintel (LTL) - the bus maker - cut 900 jobs. The firm (Lintel) - which makes buses - said so.",
        ["Lintel (LTL) - the bus maker - cut 900 jobs.", "The firm (Lintel) - which makes buses - said so."],
        id="brackets-and-dashes-that-are-no-dateline",
    ),
    pytest.param(
        "Sales rose. eBay said so. It costs more, etc. and that is all.",
        ["Sales rose.", "eBay said so.", "It costs more, etc. and that is all."],
        id="lower-case-next-word",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_fixture_article() -> None:
    text = (FIXTURES / "article.txt").read_text(encoding="utf-8")
    expected = (FIXTURES / "article.sentences.txt").read_text(encoding="utf-8").splitlines()
    assert sentences(text) == expected


@pytest.mark.parametrize("desk", ["sport", "entertainment", "politics"])
def test_fixture_desks(desk: str) -> None:
    text = (FIXTURES / f"{desk}.txt").read_text(encoding="utf-8")
    expected = (FIXTURES / f"{desk}.sentences.txt").read_text(encoding="utf-8").splitlines()
    assert [" ".join(s.split()) for s in sentences(text)] == expected


def test_lead_in_and_its_items_are_one_paragraph() -> None:
    doc = segment("Intro line.\n\nThe court found the firms\n\n - misled buyers\n - hid the risks.\n\nEnd.")
    assert [s.paragraph for s in doc.sentences] == [0, 1, 2]


def test_document_paragraphs() -> None:
    text = "Storm hits coast\nThe storm hit. Homes flooded.\n\nThey wrote:\n“Help.”\n\nShare this"
    doc = segment(text, source="x.txt", encoding="utf-8", warnings=("w",))
    assert [s.text for s in doc.sentences] == [
        "Storm hits coast",
        "The storm hit.",
        "Homes flooded.",
        "They wrote:",
        "“Help.”",
        "Share this",
    ]
    assert [s.paragraph for s in doc.sentences] == [0, 1, 1, 2, 2, 3]
    assert [(p.first_sentence, p.last_sentence) for p in doc.paragraphs] == [(0, 0), (1, 2), (3, 4), (5, 5)]
    assert [text[p.start : p.end] for p in doc.paragraphs][1] == "The storm hit. Homes flooded."
    assert (doc.source, doc.encoding, doc.warnings) == ("x.txt", "utf-8", ("w",))
    assert [s.index for s in doc.sentences] == list(range(6))


def test_one_paragraph_per_line() -> None:
    text = (
        "The council met on Tuesday to discuss the new sea wall for the town.\n"
        "Residents were asked to send their views on the plan by next month.\n"
        "A final vote on the wall is expected to take place early next year.\n"
        "Budget talks resume soon"
    )
    doc = segment(text)
    assert [s.paragraph for s in doc.sentences] == [0, 1, 2, 3]
    assert doc.sentences[-1].text == "Budget talks resume soon"


def test_empty_and_blank_text() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\u200b\n\t") == []
    assert segment("").sentences == ()


# Pieces that exercise the rules: stops, quotes, abbreviations, odd white space, lists.
_PIECES = st.sampled_from(
    [
        "word", "Word", "U.S.", "Mr.", "e.g.", "J.", "3.5", "$1", ".", "...", "…", "?", "!", ":", ",",
        '"', "“", "”", "’", "«", "»", "(", ")", "-", "*", "•", "1.", " ", " ", "  ", "\n", "\n\n",
        "\r\n", "\r", "\t", "\u00a0", "\u200b", "\ufeff", "\u2028", "eBay", "The", "no",
        " . ", "in", "St.", "- low", "\n - item", ";",
    ]
)  # fmt: skip
_TEXTS = st.one_of(st.lists(_PIECES, max_size=60).map("".join), st.text(max_size=80))


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_spans_are_exact_and_cover_every_character_once(text: str) -> None:
    spans = split_sentences(text)
    covered = [0] * len(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)  # in order, never overlapping
        assert not is_space(text[start]) and not is_space(text[end - 1])
        for index in range(start, end):
            covered[index] += 1
        previous_end = end
    for index, char in enumerate(text):
        if not is_space(char):
            assert covered[index] == 1, (index, char)


@settings(max_examples=100, deadline=None)
@given(_TEXTS)
def test_document_is_consistent(text: str) -> None:
    doc = segment(text)
    assert doc.text is text
    for index, sentence in enumerate(doc.sentences):
        assert sentence.index == index
        assert sentence.text == text[sentence.start : sentence.end]
    expected_first = 0
    for index, paragraph in enumerate(doc.paragraphs):
        assert paragraph.index == index
        assert paragraph.first_sentence == expected_first <= paragraph.last_sentence
        members = [doc.sentences[i] for i in paragraph.sentence_indices]
        assert all(s.paragraph == index for s in members)
        assert (paragraph.start, paragraph.end) == (members[0].start, members[-1].end)
        expected_first = paragraph.last_sentence + 1
    assert expected_first == len(doc.sentences)


def test_long_runs_stay_fast() -> None:
    # Long tokens or runs of dots must not make the splitter quadratic.
    text = "x" * 200_000 + " " + "." * 200_000 + " end"
    assert len(split_sentences(text)) >= 1


@pytest.mark.seed
def test_seed_article(seed_text: str) -> None:
    text = seed_text
    doc = segment(text)
    found = [s.text for s in doc.sentences]
    headline = text.splitlines()[0].strip()
    assert found[0] == headline
    assert doc.sentences[1].paragraph != doc.sentences[0].paragraph
    assert found[1].startswith("WASHINGTON, DC – The ACLU")
    assert "In a brief, the ACLU wrote:" in found
    assert found.count("They wrote:") >= 1
    for label in ("Submit a Correction", "Related Posts", "LET Unity"):
        assert label in found
    # Every lead-in ends its sentence at the colon; the quotation starts the next one.
    for index, sentence in enumerate(found[:-1]):
        if sentence.endswith(":"):
            assert found[index + 1].startswith("“")
