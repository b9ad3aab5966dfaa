"""serialize.dumps: valid JSON that reads back the same, laid out by lines, inert on a terminal."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from summarizer.serialize import dumps

_leaves = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
_json = st.recursive(
    _leaves, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4), max_leaves=20
)


@given(_json)
def test_reads_back_the_same(data: Any) -> None:
    for indent in (None, 2, 4):
        assert json.loads(dumps(data, indent=indent)) == data


@given(st.text())
def test_no_raw_c1_control_or_line_separator(text: str) -> None:
    out = dumps({"text": text, "items": [{"text": text}]})
    assert not any(0x7F <= ord(ch) <= 0x9F or ch in "\u2028\u2029" for ch in out)
    assert json.loads(out)["text"] == text


def test_layout_one_item_a_line() -> None:
    data = {"a": 1, "b": {"c": [1, 2], "d": {"e": 3}}, "rows": [{"x": 1}, {"x": 2}], "empty": [], "none": {}}
    assert dumps(data) == (
        "{\n"
        '  "a": 1,\n'
        '  "b": {\n'
        '    "c": [1, 2],\n'
        '    "d": {"e": 3}\n'
        "  },\n"
        '  "rows": [\n'
        '    {"x": 1},\n'
        '    {"x": 2}\n'
        "  ],\n"
        '  "empty": [],\n'
        '  "none": {}\n'
        "}"
    )
    assert dumps(data, indent=None) == json.dumps(data, ensure_ascii=False)
