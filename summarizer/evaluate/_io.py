"""Reading JSON Lines evaluation sets, with one-line errors that name the file and line.

Every evaluation module reads records through :func:`read_records` and checks fields
with :func:`field`, so a malformed file fails the same way everywhere:
``<file>, line <n>: <what is wrong>``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

from summarizer.errors import InputError

__all__ = ["Record", "field", "read_records"]

T = TypeVar("T")

#: A parsed record with where it came from: (line number, the JSON object).
Record = tuple[int, dict[str, Any]]


def read_records(path: str | os.PathLike[str]) -> Iterator[Record]:
    """Yield every JSON object of a JSON Lines file with its 1-based line number.

    Blank lines are skipped.

    Raises:
        InputError: the file is missing, is a directory, is not UTF-8, or a line is not
            a JSON object; the message names the file (and the line).
    """
    file = Path(path)
    try:
        handle = file.open(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{file}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{file}: is a directory, not a JSON Lines file") from None
    except OSError as exc:
        raise InputError(f"{file}: cannot read ({exc.strerror or exc})") from None
    with handle:
        number = 0
        try:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{file}, line {number}: not valid JSON ({exc.msg})") from None
                if not isinstance(record, dict):
                    raise InputError(f"{file}, line {number}: expected a JSON object per line")
                yield number, record
        except UnicodeDecodeError:
            raise InputError(f"{file}, line {number + 1}: not UTF-8 text; expected a JSON Lines file") from None


def field(
    record: dict[str, Any],
    name: str,
    kind: type[T] | tuple[type, ...],
    *,
    path: str | os.PathLike[str],
    line: int,
    what: str,
) -> T:
    """``record[name]``, checked to be of ``kind``.

    Args:
        record: the parsed JSON object.
        name: the field wanted.
        kind: the type (or types) it must have; ``bool`` never passes for a number.
        path: the file, for the message.
        line: the line number, for the message.
        what: the expected value in words (``"a string"``, ``"a list of strings"``).

    Raises:
        InputError: the field is missing or of another type.
    """
    if name not in record:
        raise InputError(f"{path}, line {line}: the record has no {name!r} field (expected {what})")
    value = record[name]
    kinds = kind if isinstance(kind, tuple) else (kind,)
    # JSON true/false load as bool, which Python counts as an int.
    if (isinstance(value, bool) and bool not in kinds) or not isinstance(value, kinds):
        raise InputError(f"{path}, line {line}: {name!r} must be {what}, not {type(value).__name__}")
    return value  # type: ignore[return-value]
