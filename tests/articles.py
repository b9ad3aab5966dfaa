"""Short wire-style articles of our own, different for every seed, for batch and CLI tests."""

from __future__ import annotations

import random

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
