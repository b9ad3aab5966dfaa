"""The cue table is the one home of each category's facts, and every list it names ships with a licence."""

from __future__ import annotations

import ast
from importlib import resources
from pathlib import Path

import pytest

from summarizer import cues, neutrality
from summarizer.cues import TABLE, categories
from summarizer.model import Cue
from summarizer.segment import segment

PACKAGE = Path(cues.__file__).parent
LEXICONS = resources.files("summarizer.lexicons")


def test_categories_follow_the_table() -> None:
    assert tuple(c.name for c in TABLE) == cues.CATEGORIES
    assert len(set(cues.CATEGORIES)) == len(TABLE)
    assert {"loaded_term", "stance_adverb", "intensifier", "factive_verb",
                                       "assertive_verb", "hedge", "scare_quote", "bracketed_insertion",
                                       "rhetorical_question", "exclamation", "call_to_action", "opponent_framing",
                                       "claim_framing"} == cues.FRAMING_CATEGORIES  # fmt: skip


def test_neutrality_reads_its_groups_and_labels_from_the_table() -> None:
    grouped = {name for group in neutrality.FEATURE_GROUPS.values() for name in group}
    assert grouped == {c.name for c in TABLE if c.feature is not None}
    assert set(neutrality._LABELS) == set(cues.CATEGORIES)
    # Reasons list the kinds in the order they first appear in the table.
    assert list(dict.fromkeys(neutrality._LABELS.values()))[:3] == [
        "loaded language",
        "framing verb",
        "hedge",
    ]


@pytest.mark.parametrize(
    "path", sorted({p for c in TABLE for s in c.sources for p in (s.path, *s.adjusted_by)})
)
def test_every_list_the_table_names_ships(path: str) -> None:
    if path == "rule":
        return
    assert LEXICONS.joinpath(path).is_file(), path
    folder = LEXICONS.joinpath(path.split("/")[0])
    assert folder.joinpath("SOURCE.md").is_file()
    assert any(entry.name.startswith("LICENSE") for entry in folder.iterdir())


def test_every_cue_source_names_a_row_of_the_table() -> None:
    text = (
        "The radical left-wing plan seemingly threatens the ‘safety’ of a "
        "drastic, terrible and brilliant idea. Do you want to help? We did! She said “it is a "
        "disaster [sic] for the thugs”."
    )
    found: list[Cue] = [cue for sentence in cues.find_cues(segment(text)) for cue in sentence]
    assert {cue.category for cue in found} >= {
        "loaded_term",
        "stance_adverb",
        "scare_quote",
        "personal_voice",
    }
    for cue in found:
        path = cue.source.removesuffix(" (quoted)").partition(":")[0]
        assert path in {s.path for s in categories.BY_NAME[cue.category].sources}, cue


#: The call-to-action and opponent-framing prefilters: the words their patterns need, indexes over
#: ``evenhand/call_to_action.txt`` and ``evenhand/opponent_framing.txt`` kept in step by
#: tests/core/test_cue_prefilters.py, not lists of cues.
_INDEXES = {"_CTA_WORDS", "_CTA_OPENERS", "_CTA_HINTS", "_FRAMING_HINTS", "__all__"}


def test_no_word_list_is_inline() -> None:
    """No set, tuple or list of five or more words in the cue package: lists live in lexicons/."""
    for module in PACKAGE.glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for statement in tree.body:
            names = (
                {ast.unparse(t) for t in statement.targets} if isinstance(statement, ast.Assign) else set()
            )
            if names & _INDEXES:
                continue
            for node in ast.walk(statement):
                if isinstance(node, ast.Set | ast.List | ast.Tuple):
                    words = [
                        e
                        for e in node.elts
                        if isinstance(e, ast.Constant) and isinstance(e.value, str) and e.value.isalpha()
                    ]
                    assert len(words) < 5, f"{module.name}:{node.lineno}: an inline word list"


def test_a_plain_intensifier_is_found_by_its_list() -> None:
    (found,) = cues.find_cues(segment("The drastic plan passed."))
    assert [c.source for c in found] == ["evenhand/intensifiers.txt"]
