"""Turn bytes (a file, standard input) into text, or say in one line why they are not text.

UTF-8 is the norm (a byte-order mark is removed, nothing else is changed, so offsets
into the returned text are offsets into what the reader sees).  UTF-16 and UTF-32 with a
byte-order mark are accepted, and UTF-16 without one when it is plainly that; legacy
single-byte files fall back to cp1252, then latin-1.  Every guess comes with a warning
that says so.  Input files are only ever opened for reading.
"""

from __future__ import annotations

import codecs
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from summarizer.errors import (
    BinaryInputError,
    DecodeError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
)

__all__ = ["DecodedText", "check_not_empty", "decode", "read_bytes", "read_path"]

STDIN_NAME = "standard input"

# Characters that carry no text: white space (str.isspace covers NBSP and friends)
# and the zero-width ones that str.isspace does not know about.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u180e"

# Byte-order marks, longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control bytes that plain text does not contain (tab, newlines, form feed and escape
# are allowed: old files and terminal captures have them).
_CONTROL_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B}
#: The same bytes as one ``bytes``, for ``bytes.translate`` to delete (a count without a step of Python per byte).
_CONTROL_DELETE = bytes(sorted(_CONTROL_BYTES))
_CONTROL_SHARE = 0.3
_SNIFF_BYTES = 8192


@dataclass(frozen=True, slots=True)
class DecodedText:
    """Text decoded from bytes.

    Attributes:
        text: the decoded text, byte-order mark removed, otherwise unchanged.
        encoding: the codec that decoded it (``"utf-8"``, ``"cp1252"``, ...).
        warnings: anything a reader should know about how the bytes were read.
    """

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def _name(source: str | None) -> str:
    if source is None:
        return "input"
    return STDIN_NAME if source == "-" else source


def check_not_empty(text: str, name: str) -> None:
    """Raise :class:`EmptyInputError` when ``text`` holds only white space (zero-width characters too)."""
    # all() stops at the first character of text, so this is cheap for real input.
    if all(ch.isspace() or ch in ZERO_WIDTH for ch in text):
        raise EmptyInputError(f"{name}: no text, only white space")


def _utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when ``data`` looks like ASCII-range UTF-16 text."""
    sample = data[:_SNIFF_BYTES]
    if len(data) % 2 or len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / (len(sample) // 2)
    odd_nul = sample[1::2].count(0) / (len(sample) // 2)
    for codec, nul_share, other_share in (("utf-16-le", odd_nul, even_nul), ("utf-16-be", even_nul, odd_nul)):
        if nul_share >= 0.9 and other_share == 0:
            try:
                data.decode(codec)
            except UnicodeDecodeError:
                return None
            return codec
    return None


def decode(data: bytes, *, source: str | None = None) -> DecodedText:
    """Decode ``data`` as text.

    Args:
        data: the raw bytes.
        source: where they came from (a path or ``"-"``), used in messages.

    Returns:
        The text, the encoding used and any warnings (for example
        ``"decoded as cp1252: not valid UTF-8"``).

    Raises:
        EmptyInputError: no bytes, or only white space (zero-width characters included).
        BinaryInputError: NUL bytes or mostly control bytes: not a text file.
        DecodeError: a byte-order mark announces an encoding the bytes do not follow.
    """
    name = _name(source)
    if not data:
        raise EmptyInputError(f"{name}: empty input, no text to read")

    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                label = codec.removesuffix("-le").removesuffix("-be").upper()
                raise DecodeError(
                    f"{name}: starts with a {label} byte-order mark but is not valid {label} "
                    f"(byte {exc.start + len(bom)})"
                ) from None
            if "\x00" in text:
                raise BinaryInputError(f"{name}: looks like a binary file (NUL characters)")
            check_not_empty(text, name)
            return DecodedText(text=text, encoding=codec.removesuffix("-le").removesuffix("-be"))

    if b"\x00" in data:
        wide = _utf16_without_bom(data)
        if wide is not None:
            text = data.decode(wide)
            check_not_empty(text, name)
            return DecodedText(
                text=text, encoding="utf-16", warnings=(f"decoded as {wide}: no byte-order mark",)
            )
        raise BinaryInputError(f"{name}: looks like a binary file (it contains NUL bytes), not text")
    sample = data[:_SNIFF_BYTES]
    controls = len(sample) - len(sample.translate(None, _CONTROL_DELETE))
    if controls / len(sample) >= _CONTROL_SHARE:
        raise BinaryInputError(f"{name}: looks like a binary file (mostly control bytes), not text")

    warnings: tuple[str, ...] = ()
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        try:
            text, encoding = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            # latin-1 maps every byte, so this cannot fail.
            text, encoding = data.decode("latin-1"), "latin-1"
        warnings = (f"decoded as {encoding}: not valid UTF-8",)
    check_not_empty(text, name)
    return DecodedText(text=text, encoding=encoding, warnings=warnings)


_CHUNK = 1 << 20


def read_at_most(stream: IO[bytes], limit: int | None, *, expected: int = 0) -> bytes:
    """Up to ``limit`` bytes of ``stream`` (all of it when ``limit`` is ``None``).

    ``stream.read(limit)`` would allocate ``limit`` bytes at once: a ``--max-bytes 1e18``
    is a ``MemoryError``.  So a first read takes what the stream is expected to hold (a
    file's size, plus one byte to see its end) and the rest comes a chunk at a time.
    """
    if limit is None:
        return stream.read()
    want = min(limit, max(expected + 1, _CHUNK))
    data = stream.read(want)
    if len(data) < want or len(data) >= limit:
        return data
    buffer = bytearray(data)
    while len(buffer) < limit:
        chunk = stream.read(min(_CHUNK, limit - len(buffer)))
        if not chunk:
            break
        buffer += chunk
    return bytes(buffer)


def read_bytes(path: str | os.PathLike[str], *, max_bytes: int | None = None) -> bytes:
    """The bytes of a file, or of standard input when ``path`` is ``"-"``.

    Raises:
        InputError: the path is missing, a directory or not readable.
        InputTooLargeError: the input is larger than ``max_bytes``.
    """
    source = os.fspath(path)
    name = _name(source)
    limit = None if max_bytes is None else max_bytes + 1
    if source == "-":
        data = read_at_most(sys.stdin.buffer, limit)
    else:
        file = Path(source)
        try:
            if file.is_dir():
                raise InputError(f"{name}: is a directory, not a file")
            size = file.stat().st_size
            if max_bytes is not None and size > max_bytes:
                raise InputTooLargeError(f"{name}: {size:,} bytes is over the limit of {max_bytes:,} bytes")
            with file.open("rb") as handle:
                data = read_at_most(handle, limit, expected=size)
        except FileNotFoundError:
            raise InputError(f"{name}: no such file") from None
        except PermissionError:
            raise InputError(f"{name}: permission denied") from None
        except OSError as exc:
            raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if max_bytes is not None and len(data) > max_bytes:
        raise InputTooLargeError(f"{name}: more than the limit of {max_bytes:,} bytes")
    return data


def read_path(path: str | os.PathLike[str], *, max_bytes: int | None = None) -> DecodedText:
    """Read and decode a file, or standard input when ``path`` is ``"-"``.

    Args:
        path: the file to read; ``"-"`` reads standard input.
        max_bytes: refuse input larger than this many bytes (``None``: no limit).

    Returns:
        The decoded text (see :func:`decode`).

    Raises:
        InputError: the path is missing, a directory or not readable.
        InputTooLargeError: the input is larger than ``max_bytes``.
        EmptyInputError, BinaryInputError, DecodeError: as :func:`decode`.
    """
    source = os.fspath(path)
    return decode(read_bytes(source, max_bytes=max_bytes), source=source)
