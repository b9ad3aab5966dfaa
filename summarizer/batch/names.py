"""Output names that cannot collide: the mapping from inputs to outputs, decided for the whole batch at once."""

from __future__ import annotations

import bisect
import hashlib
import itertools
import re
import unicodedata
from array import array
from collections.abc import Iterable, Sequence
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from summarizer.batch.model import _UNSAFE_NAME, LOCK_NAME, MANIFEST_NAME

if TYPE_CHECKING:
    pass



def _fold(name: str) -> str:
    """How file systems compare names: case-insensitively on macOS and Windows, and on macOS
    also blind to Unicode normalisation (``café`` in NFC and in NFD name one file).

    Outputs are kept apart by this rule on every system, a case-sensitive Linux one too, so
    that an output folder copied to a Mac or a Windows machine loses nothing.  It is the
    canonical caseless match of Unicode (NFD, case folding, NFD), written in NFC.
    """
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", name).casefold())


class _Names:
    """Folded names already taken (see :func:`_unique`), held as 8-byte digests rather than as
    the names, most of them in a sorted array: the driver of a batch over a million JSON Lines
    records or table rows keeps two such sets, about 20 MB instead of about 250 MB.

    Two different names share a digest with odds of about 1 in 10^7 for a million names; the
    second is then named by the fallback rule (``ID-line-N``), still once and deterministically.
    """

    __slots__ = ("_recent", "_sorted")
    _MERGE_AT = 1 << 15  # recent digests kept in a set, then merged into the sorted array

    def __init__(self, names: Iterable[str] = ()) -> None:
        self._sorted = array("Q")
        self._recent: set[int] = set()
        for name in names:
            self.add(name)

    @staticmethod
    def _digest(name: str) -> int:
        return int.from_bytes(hashlib.blake2b(name.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        digest = self._digest(name)
        if digest in self._recent:
            return True
        at = bisect.bisect_left(self._sorted, digest)
        return at < len(self._sorted) and self._sorted[at] == digest

    def __len__(self) -> int:
        return len(self._recent) + len(self._sorted)

    def add(self, name: str) -> None:
        if name in self:
            return
        self._recent.add(self._digest(name))
        if len(self._recent) >= self._MERGE_AT:
            self._sorted = array("Q", sorted(itertools.chain(self._sorted, self._recent)))
            self._recent.clear()


def output_names(entries: Sequence[tuple[PurePosixPath, bool]], extension: str) -> list[str]:
    """The output of every input: a mapping where no two outputs can collide.

    Args:
        entries: for each input, in the order found, its path relative to the folder the
            output tree mirrors, and whether its output is a folder (a JSONL corpus, whose
            records become files inside it) rather than a file.
        extension: the output format's extension (``".json"``).

    Returns:
        Each input's output path relative to the output folder, without ``extension``.

    The rule, applied to the whole mapping at once, so that every input has exactly one
    output of its own:

    1. an input's output is its path without its suffix: ``world/a.txt`` → ``world/a.json``;
    2. inputs of one folder whose outputs would have the same name keep their suffixes:
       ``a.txt`` and ``a.md`` → ``a.txt.json`` and ``a.md.json``;
    3. an output that still has the name of another output, of a folder of the output
       tree or of ``manifest.json`` gets ``-2`` (``-3``, …: the first number that names
       nothing else) after its name, in the order the inputs were found; an output
       that collides with nothing keeps its name.

    Names are compared as :func:`_fold` does: case-insensitively and blind to Unicode
    normalisation, as on macOS and Windows, on every system.
    """
    folders = {_fold(str(parent)) for rel, _ in entries for parent in rel.parents if str(parent) != "."}
    reserved = folders | {_fold(MANIFEST_NAME), _fold(LOCK_NAME)}

    def stem(rel: PurePosixPath) -> str:
        return rel.stem if rel.suffix and rel.stem else rel.name

    first = [str(rel.parent / stem(rel)) for rel, _ in entries]
    counts: dict[str, int] = {}
    for name in first:
        counts[_fold(name)] = counts.get(_fold(name), 0) + 1
    wanted = [str(rel) if counts[_fold(name)] > 1 else name for (rel, _), name in zip(entries, first, strict=True)]

    def claim(name: str, is_folder: bool) -> str:
        return _fold(name if is_folder else name + extension)

    claims = [claim(name, is_folder) for name, (_, is_folder) in zip(wanted, entries, strict=True)]
    claimed: dict[str, int] = {}
    for key in claims:
        claimed[key] = claimed.get(key, 0) + 1
    taken: set[str] = {key for key in claims if claimed[key] == 1 and key not in reserved}
    names: list[str] = []
    for name, key, (_, is_folder) in zip(wanted, claims, entries, strict=True):
        if claimed[key] == 1 and key not in reserved:
            names.append(name)
            continue
        if key not in taken and key not in reserved:
            taken.add(key)  # the first of several inputs wanting one name keeps it
            names.append(name)
            continue
        number = 2
        while (candidate := claim(f"{name}-{number}", is_folder)) in taken or candidate in reserved \
                or candidate in claimed:  # never a name another input wants for itself
            number += 1
        taken.add(candidate)
        names.append(f"{name}-{number}")
    return names



def _url_name(url: str, taken: set[str]) -> str:
    """An output stem for a URL: ``host/path-words``, made unique among ``taken``."""
    rest = url.split("://", 1)[-1].split("#", 1)[0]
    host, _, path = rest.partition("/")
    host = _safe_name(host.rsplit("@", 1)[-1].replace(":", "_"))
    parts = [p for p in re.split(r"[/?&=]+", path) if p]
    stem = _safe_name("-".join(parts)) if parts else "index"
    stem = stem.removesuffix(".html").removesuffix(".htm") or "index"
    name, number = f"{host}/{stem}", 1
    while _fold(name) in taken:
        number += 1
        name = f"{host}/{stem}-{number}"
    taken.add(_fold(name))
    return name


def _safe_name(value: str) -> str:
    cleaned = _UNSAFE_NAME.sub("_", value).strip("._") or "record"
    return cleaned[:120]


def _unique(wanted: str, taken: set[str] | _Names, fallback: str) -> str:
    """``wanted``, else ``fallback``, else ``fallback-2``, ``-3``, …: the first not in ``taken`` (compared folded)."""
    for candidate in (wanted, fallback):
        if _fold(candidate) not in taken:
            taken.add(_fold(candidate))
            return candidate
    number = 2
    while _fold(f"{fallback}-{number}") in taken:
        number += 1
    taken.add(_fold(f"{fallback}-{number}"))
    return f"{fallback}-{number}"


