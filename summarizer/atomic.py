"""Atomic file writes: a reader sees the old file or the complete new one, never half of either.

The data goes to a temporary file in the destination's own directory (so the final
rename never crosses a file system), is flushed to disk, then :func:`os.replace` puts it in
place in one step.  If anything goes wrong, Ctrl-C included, the temporary file is
removed and the destination is left as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

__all__ = ["TMP_PREFIX", "TMP_SUFFIX", "atomic_open", "write_atomic"]

TMP_PREFIX = ".evenhand-"
TMP_SUFFIX = ".tmp"


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# Read once: os.umask can only be read by setting it, which is not thread-safe.
_UMASK = _read_umask()


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike[str], *, text: bool = True) -> Iterator[IO[str] | IO[bytes]]:
    """Open a temporary file that replaces ``path`` when the ``with`` block ends without error.

    Parent directories are created.  On an exception (``KeyboardInterrupt`` included)
    the temporary file is deleted and ``path`` is untouched.  A symbolic link at ``path``
    is replaced by the file, never written through.

    Args:
        path: the destination.
        text: open in text mode (UTF-8, ``\\n`` line ends) rather than binary.

    Yields:
        The open temporary file.
    """
    destination = Path(path)
    destination.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=TMP_PREFIX, suffix=TMP_SUFFIX, dir=destination.parent)
    handle: IO[str] | IO[bytes] | None = None
    try:
        # mkstemp makes 0600 files; give the result the permissions a normal new file gets.
        os.chmod(tmp_name, 0o666 & ~_UMASK)
        handle = os.fdopen(fd, "w", encoding="utf-8", newline="\n") if text else os.fdopen(fd, "wb")
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, destination)
    except BaseException:
        if handle is None:
            os.close(fd)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_open`).

    Args:
        path: the destination; parent directories are created.
        data: text (written as UTF-8) or bytes.
    """
    with atomic_open(path, text=isinstance(data, str)) as handle:
        handle.write(data)  # type: ignore[arg-type]
