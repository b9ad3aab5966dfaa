"""Compiled regular expressions kept between processes, so a new process does not compile them again.

evenhand's modules compile about 180 patterns, some of them long lists of words.  Python
compiles a pattern in Python code, which costs a new ``evenhand summarize`` process about
65 ms, a third of its time.  :func:`compile` is ``re.compile`` for evenhand's own patterns:
it makes the pattern from the compiled program an earlier process saved, and at exit saves
the programs of the patterns this process had to compile.

Safe by construction:

* a program is saved only after the pattern made from it compares equal to the one
  ``re.compile`` made (``re.Pattern`` equality compares the pattern, the flags and the
  compiled code), and ``_sre`` checks every program it is given;
* the file is keyed on the Python build and its regular-expression engine (``sys.version``,
  ``_sre.MAGIC``, ``_sre.CODESIZE``, ``_sre.MAXGROUPS``), each entry on its pattern and flags;
* it lives in the user's cache folder (``$XDG_CACHE_HOME/evenhand``, else ``~/.cache/evenhand``;
  ``%LOCALAPPDATA%\\evenhand\\Cache`` on Windows, ``~/Library/Caches/evenhand`` on macOS), is
  written to a temporary file and renamed into place, and anything that goes wrong (no
  folder, no permission, a damaged file, another Python) is ignored: ``re`` then compiles
  as usual;
* at most :data:`LIMIT` patterns are kept (those used last first); ``EVENHAND_NO_CACHE=1``
  turns the cache off.
"""

from __future__ import annotations

import atexit
import hashlib
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["LIMIT", "cache_file", "compile"]

#: Patterns kept in the file at most.
LIMIT = 2048

_Entry = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]
#: ``(pattern, flags)`` → what ``_sre.compile`` needs, as read from the file (``None``: not read yet).
_stored: dict[tuple[str, int], _Entry] | None = None
#: Keys made from the file in this process, and patterns compiled here that it lacked.
_used: set[tuple[str, int]] = set()
_new: dict[tuple[str, int], re.Pattern[str]] = {}


def cache_file() -> Path | None:
    """Where the compiled patterns of this Python build are kept, or ``None`` when turned off."""
    if os.environ.get("EVENHAND_NO_CACHE", "").strip() not in ("", "0"):
        return None
    try:
        import _sre

        engine = f"{sys.version}|{sys.implementation.cache_tag}|{_sre.MAGIC}|{_sre.CODESIZE}|{_sre.MAXGROUPS}"
    except (ImportError, AttributeError):
        return None
    if not (hasattr(re, "_parser") and hasattr(getattr(re, "_compiler", None), "_code")):
        return None  # not the engine this module knows (CPython 3.11 to 3.13)
    tag = hashlib.sha256(engine.encode("utf-8")).hexdigest()[:16]
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "evenhand" / "Cache"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches" / "evenhand"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "evenhand"
    return base / f"regex-{tag}.marshal"


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # re.compile's name, on purpose
    """``re.compile(pattern, flags)``, from the saved program when an earlier process compiled it."""
    stored = _stored if _stored is not None else _open()
    key = (pattern, int(flags))
    entry = stored.get(key)
    if entry is not None:
        try:
            import _sre

            compiled: re.Pattern[str] = _sre.compile(pattern, *entry)
        except Exception:  # a damaged entry: compile it again
            pass
        else:
            _used.add(key)
            return compiled
    compiled = re.compile(pattern, flags)
    if isinstance(pattern, str) and not int(flags) & re.DEBUG and len(_new) < LIMIT:
        _new[key] = compiled
    return compiled


def _open() -> dict[tuple[str, int], _Entry]:
    """Read the file once (nothing when there is none or it cannot be read) and save at exit."""
    global _stored
    _stored = {}
    try:
        path = cache_file()
        if path is None:
            return _stored
        atexit.register(_save, path)
        data = marshal.loads(path.read_bytes())
        if isinstance(data, dict):
            _stored = data
    except Exception:  # a cache never stops the program
        pass
    return _stored


def _entry(compiled: re.Pattern[str], given: int) -> _Entry | None:
    """What ``_sre.compile`` needs to make ``compiled`` (compiled with flags ``given``) again,
    checked to make an equal pattern; ``None`` if it does not."""
    import _sre

    parser, compiler = re._parser, re._compiler  # type: ignore[attr-defined]
    pattern = compiled.pattern
    parsed = parser.parse(pattern, given)
    code = [int(op) for op in compiler._code(parsed, given)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    entry: _Entry = (int(given | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    if _sre.compile(pattern, *entry) != compiled:
        return None
    return entry


def _save(path: Path) -> None:
    """Add this process's new patterns to the file (the ones used last kept first, up to :data:`LIMIT`)."""
    try:
        if not _new:
            return
        stored = _stored or {}
        fresh = {key: entry for key, compiled in _new.items() if (entry := _entry(compiled, key[1])) is not None}
        merged: dict[tuple[str, int], _Entry] = {**{k: stored[k] for k in _used if k in stored}, **fresh}
        for key, entry in stored.items():
            if len(merged) >= LIMIT:
                break
            merged.setdefault(key, entry)
        data = marshal.dumps(merged)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".regex-", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except Exception:  # a cache that cannot be written is simply not written
        return
