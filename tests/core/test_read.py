"""Reading bytes and files into text: encodings, white space kept, one-line errors."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from summarizer.errors import (
    BinaryInputError,
    DecodeError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
)
from summarizer.read import DecodedText, decode, read_path


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        pytest.param("Café “quoted”.".encode(), "Café “quoted”.", "utf-8", id="utf-8"),
        pytest.param(b"\xef\xbb\xbfHello.\n", "Hello.\n", "utf-8", id="utf-8-bom-removed"),
        pytest.param(b"One.\r\nTwo.\r\n", "One.\r\nTwo.\r\n", "utf-8", id="crlf-kept"),
        pytest.param("a\u00a0b\tc".encode(), "a\u00a0b\tc", "utf-8", id="nbsp-and-tab-kept"),
        pytest.param("a\u200bb".encode(), "a\u200bb", "utf-8", id="zero-width-kept"),
        pytest.param(b"\xff\xfeH\x00i\x00", "Hi", "utf-16", id="utf-16-le-bom"),
        pytest.param(b"\xfe\xff\x00H\x00i", "Hi", "utf-16", id="utf-16-be-bom"),
    ],
)
def test_decode_text(data: bytes, text: str, encoding: str) -> None:
    decoded = decode(data)
    assert decoded == DecodedText(text=text, encoding=encoding, warnings=())


def test_decode_cp1252_fallback_warns() -> None:
    decoded = decode(b"caf\xe9 \x93quoted\x94")
    assert decoded.text == "café “quoted”"
    assert decoded.encoding == "cp1252"
    assert decoded.warnings == ("decoded as cp1252: not valid UTF-8",)


def test_decode_utf16_without_bom_warns() -> None:
    decoded = decode("Plain words.\n".encode("utf-16-le"))
    assert decoded.text == "Plain words.\n"
    assert decoded.warnings == ("decoded as utf-16-le: no byte-order mark",)


def test_decode_latin1_when_cp1252_cannot() -> None:
    # 0x81 is undefined in cp1252.
    decoded = decode(b"caf\xe9 \x81")
    assert decoded.encoding == "latin-1"
    assert decoded.warnings == ("decoded as latin-1: not valid UTF-8",)


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        pytest.param(b"", EmptyInputError, "empty", id="empty"),
        pytest.param(b" \n\t\r\n", EmptyInputError, "white space", id="whitespace-only"),
        pytest.param("\u200b\u00a0\ufeff \n".encode(), EmptyInputError, "white space", id="zero-width-only"),
        pytest.param(b"\xef\xbb\xbf", EmptyInputError, "white space", id="bom-only"),
        pytest.param(b"PK\x03\x04\x00\x00binary", BinaryInputError, "binary", id="nul-bytes"),
        pytest.param(bytes(range(1, 9)) * 20, BinaryInputError, "binary", id="control-bytes"),
        pytest.param(b"\xff\xfeH", DecodeError, "UTF-16", id="broken-utf-16"),
    ],
)
def test_decode_errors(data: bytes, error: type[Exception], words: str) -> None:
    with pytest.raises(error) as caught:
        decode(data, source="story.txt")
    message = str(caught.value)
    assert message.startswith("story.txt: ")
    assert words in message
    assert "\n" not in message


def test_read_path_reads_without_changing_the_file(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    data = b"\xef\xbb\xbfHeadline\r\n\r\nBody.\r\n"
    path.write_bytes(data)
    decoded = read_path(path)
    assert decoded.text == "Headline\r\n\r\nBody.\r\n"
    assert path.read_bytes() == data


def test_read_path_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 100)
    assert read_path(path, max_bytes=500).text.startswith("word")
    with pytest.raises(InputTooLargeError, match=r"big\.txt.*over the limit of 499 bytes"):
        read_path(path, max_bytes=499)


def test_read_path_missing(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    with pytest.raises(InputError, match=r"nope\.txt: no such file") as caught:
        read_path(path)
    assert type(caught.value) is InputError


def test_read_path_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_path(tmp_path)


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="needs POSIX permissions, not root")
def test_read_path_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Hidden.", encoding="utf-8")
    path.chmod(0)
    try:
        with pytest.raises(InputError, match=r"secret\.txt: permission denied"):
            read_path(path)
    finally:
        path.chmod(0o600)


def test_read_path_permission_error_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The same path as above, reachable when the tests run as root.
    path = tmp_path / "locked.txt"
    path.write_text("Hidden.", encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InputError, match=r"locked\.txt: permission denied"):
        read_path(path)


def test_read_path_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"From a pipe.\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    assert read_path("-").text == "From a pipe.\n"


def test_read_path_stdin_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"x" * 50), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    with pytest.raises(InputTooLargeError, match="standard input"):
        read_path("-", max_bytes=10)
