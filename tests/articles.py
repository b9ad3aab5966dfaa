"""Short wire-style articles of our own, different for every seed, for batch and CLI tests."""

from __future__ import annotations

import random
import re
from pathlib import Path

SUBJECTS = ("The council", "The harbour master", "Local traders", "The health board", "Two engineers",
            "The mayor", "A spokesperson for the port", "Ferry passengers", "The auditors", "Fishing crews")
VERBS = ("said", "reported", "confirmed", "told reporters", "wrote in a letter", "announced")
CLAUSES = ("that the dredging would begin in March", "that costs had risen by 12% since spring",
           "that the old pier would close for two weeks", "that a second survey was needed",
           "that tide gauges had been replaced", "that the budget would be published on Friday",
           "that water quality met the standard", "that night crossings would resume",
           "that the plan had been delayed twice", "that a public meeting was planned")


def make_article(seed: int, *, paragraphs: int = 4) -> str:
    """A short wire-style article of our own, different for every seed."""
    rng = random.Random(seed)
    body = [" ".join(f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(CLAUSES)}." for _ in range(3))
            for _ in range(paragraphs)]
    return f"Harbour works, report {seed}\n\n" + "\n\n".join(body) + "\n"


EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
NAMES = ("Pereira", "Okafor", "Grant", "Lindqvist", "Moreau", "Haddad", "Nakamura", "Oduya", "Kowalski",
         "Brennan", "Castillo", "Ferreira", "Ivanova", "Mensah", "Sato", "Varga", "Whitfield", "Zhou")
PLACES = ("Lakeport", "Riverton", "Ashford", "Millbrook", "Eastwick", "Harrow Bay", "Kingsbridge", "Northgate")
_NUMBER = re.compile(r"\d")
_NAME = re.compile(r"\b(?:Pereira|Okafor|Grant|Lakeport)\b")


def make_long_text(size: int, *, seed: int = 0) -> str:
    """Prose of about ``size`` characters (ASCII apart from the examples' own quotation marks and
    dashes): the paragraphs of ``examples/*.txt`` shuffled into articles, digits and names varied,
    so that few sentences repeat exactly.  For memory and time tests of very long documents."""
    paragraphs = [
        p.strip()
        for path in sorted(EXAMPLES.glob("*.txt"))
        for p in path.read_text(encoding="utf-8").split("\n\n")
        if len(p.split()) > 6
    ]
    rng = random.Random(seed)
    digits = "0123456789"
    parts: list[str] = []
    total = 0
    article = 0
    while total < size:
        article += 1
        place = rng.choice(PLACES)
        chosen = rng.sample(paragraphs, 8)
        chunk = [f"{place} report {article}: {rng.choice(SUBJECTS).lower()} and the budget"]
        for p in chosen:
            p = _NUMBER.sub(lambda _: rng.choice(digits), p)
            p = _NAME.sub(lambda m, place=place: place if m.group() == "Lakeport" else rng.choice(NAMES), p)
            chunk.append(p)
        text = "\n\n".join(chunk) + "\n\n"
        parts.append(text)
        total += len(text)
    return "".join(parts)[:size].rstrip() + "\n"
