"""Discovery: the files, folders, JSON Lines corpora, tables, URLs and standard input a batch will read, and the checks made before any work."""

from __future__ import annotations

import errno
import fnmatch
import json
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, TYPE_CHECKING

from summarizer.batch.manifest import check_earlier, read_earlier
from summarizer.batch.model import (
    JSONL_GLOB,
    MANIFEST_NAME,
    MANIFEST_TOOL,
    STDIN,
    BatchOptions,
    Outcome,
    _display,
    _reason,
    extension_for,
)
from summarizer.batch.names import _fold, _url_name, output_names
from summarizer.batch_parquet import PARQUET_GLOB, is_parquet, require_pyarrow
from summarizer.batch_parquet import table as parquet_table
from summarizer.errors import BatchError, EvenhandError, InputError
from summarizer.load import decode_input, is_url
from summarizer.read import read_at_most

if TYPE_CHECKING:
    pass



# ---- discovery --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Source:
    label: str
    path: Path | None  # None for standard input
    relative: str  # output path stem relative to the output folder, with the input's suffix
    jsonl: bool = False
    url: str | None = None  # a web page to fetch
    parquet: bool = False  # a table of documents, one a row (see summarizer.batch_parquet)


@dataclass(slots=True)
class BatchPlan:
    """What a batch will read: the sources found, the inputs that failed already, and the count.

    Attributes:
        sources: files (and standard input) to summarise, in a stable order.
        failures: inputs that cannot be read at all (missing, empty folder, symlink loop).
        total: the number of documents (a JSONL file counts one per record).
        input_files: the real paths of every input file (never written to).
        stdin_text: standard input, read once.
    """

    sources: list[_Source] = field(default_factory=list)
    failures: list[Outcome] = field(default_factory=list)
    total: int = 0
    input_files: set[str] = field(default_factory=set)
    stdin_text: tuple[str, tuple[str, ...]] | None = None


def _matches(name: str, relative: str, globs: Sequence[str]) -> bool:
    lowered = name.lower()
    for pattern in globs:
        target = relative.lower() if "/" in pattern else lowered
        if fnmatch.fnmatchcase(target, pattern.lower()):
            return True
    return False


def _walk(
    directory: Path,
    *,
    root: Path,
    globs: Sequence[str],
    excluded: set[str],
    ancestors: tuple[tuple[int, int], ...],
    seen_dirs: set[tuple[int, int]],
    failures: list[Outcome],
) -> Iterator[Path]:
    """Files under ``directory`` matching ``globs``, sorted, following links, never looping."""
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError as exc:
        failures.append(Outcome(_display(str(directory)), "failed", reason=f"cannot list the folder ({exc.strerror})"))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue  # hidden files and folders (.git, our own temporary files)
        path = Path(entry.path)
        try:
            stat = entry.stat(follow_symlinks=True)
        except OSError as exc:
            if entry.is_symlink() and (exc.errno == errno.ELOOP or _matches(entry.name, "", globs)):
                reason = "symbolic link loop" if exc.errno == errno.ELOOP else "broken symbolic link"
                failures.append(Outcome(_display(str(path)), "failed", reason=reason))
            continue
        if entry.is_dir(follow_symlinks=True):
            key = (stat.st_dev, stat.st_ino)
            if key in ancestors:
                failures.append(
                    Outcome(_display(str(path)), "failed", reason="symbolic link loop (links back to a folder above it)")
                )
                continue
            if key in seen_dirs or os.path.realpath(path) in excluded or _is_evenhand_output(path):
                continue  # reached twice, or an output folder of this or an earlier run
            seen_dirs.add(key)
            yield from _walk(
                path, root=root, globs=globs, excluded=excluded,
                ancestors=(*ancestors, key), seen_dirs=seen_dirs, failures=failures,
            )
        elif _matches(entry.name, path.relative_to(root).as_posix(), globs):
            if entry.is_file(follow_symlinks=True):
                yield path
            else:  # a FIFO (reading it would wait for a writer), a socket, a device
                failures.append(Outcome(_display(str(path)), "failed", reason="not a regular file; not read"))


def _base(paths: Sequence[Path]) -> Path:
    """The folder the output tree mirrors: the deepest folder holding every input."""
    anchors = [os.path.abspath(p if os.path.isdir(p) else p.parent) for p in paths]
    if not anchors:
        return Path.cwd()
    try:
        return Path(os.path.commonpath(anchors))
    except ValueError:  # different drives
        return Path.cwd()


def _is_within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _is_evenhand_output(folder: Path) -> bool:
    try:
        manifest = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(manifest, dict) and manifest.get("tool") == MANIFEST_TOOL


def _check_out(out: Path, inputs: Sequence[Path]) -> None:
    """Refuse an output folder that could overwrite, or later be read as, input."""
    # os.path's tests, not Path's: on Python 3.11 Path.exists() raises for a path under a folder
    # that cannot be searched (EACCES), where os.path.exists() says False and the open fails cleanly.
    if os.path.exists(out) and not os.path.isdir(out):
        raise BatchError(f"--out {out}: exists and is not a folder")
    real_out = os.path.realpath(out)
    for given in inputs:
        real_in = os.path.realpath(given)
        if os.path.isdir(given):
            if _is_within(real_in, real_out):
                raise BatchError(
                    f"--out {out}: holds the input folder {given}; choose a folder outside the inputs"
                )
            if _is_within(real_out, real_in) and os.path.exists(out) and not _is_evenhand_output(out):
                raise BatchError(
                    f"--out {out}: is inside the input folder {given} and already exists; "
                    "choose a new folder or one outside the inputs"
                )
        elif _is_within(real_in, real_out):
            raise BatchError(f"--out {out}: holds the input file {given}; choose a folder outside the inputs")


def _relative(path: Path, base: Path) -> PurePosixPath:
    """``path`` relative to ``base``, never climbing out of it."""
    try:
        relative = os.path.relpath(os.path.abspath(path), base)
    except ValueError:  # another drive
        return PurePosixPath(path.name)
    parts = [part for part in Path(relative).parts if part not in ("..", ".")]
    return PurePosixPath(*parts) if parts else PurePosixPath(path.name)



def _count_records(path: Path) -> int:
    count = 0
    try:
        with path.open("rb") as handle:
            for line in handle:
                if line.strip():
                    count += 1
    except OSError:
        return 1
    return count


def plan_batch(paths: Sequence[str], options: BatchOptions, *, stdin: IO[bytes] | None = None) -> BatchPlan:
    """Find the inputs: files, folders searched recursively, JSONL files, ``"-"`` for standard input.

    Args:
        paths: what the user named.
        options: the batch options (globs, JSONL field, output folder, size limit).
        stdin: where ``"-"`` reads from (default: this process's standard input).

    Returns:
        The plan.  Inputs that cannot be read at all are in ``failures``, each with its reason.

    Raises:
        BatchError: the output folder or file is unsafe (it holds, or is, an input).
    """
    plan = BatchPlan()
    globs = tuple(options.globs)
    if options.jsonl_field is not None and JSONL_GLOB not in globs:
        globs = (*globs, JSONL_GLOB)
    if options.text_column is not None and PARQUET_GLOB not in globs:
        globs = (*globs, PARQUET_GLOB)
    given = [Path(p) for p in paths if p != STDIN and not is_url(p)]
    if options.out is not None:
        _check_out(options.out, [p for p in given if os.path.exists(p)])
    excluded = {os.path.realpath(options.out)} if options.out is not None else set()

    files: list[Path] = []
    seen_files: set[str] = set()
    stdin_seen = False
    urls: list[str] = []
    for raw in paths:
        if is_url(raw):
            if raw not in urls:
                urls.append(raw)
            continue
        if raw == STDIN:
            if stdin_seen:
                continue
            stdin_seen = True
            stream = stdin if stdin is not None else sys.stdin.buffer
            limit = None if options.max_bytes is None else options.max_bytes + 1
            data = read_at_most(stream, limit)
            try:
                if options.max_bytes is not None and len(data) > options.max_bytes:
                    raise InputError(f"more than the limit of {options.max_bytes:,} bytes")
                decoded, _ = decode_input(data, source=STDIN)  # an HTML page by its declared charset
            except EvenhandError as error:
                plan.failures.append(Outcome(STDIN, "failed", reason=_reason(error, STDIN)))
                continue
            plan.stdin_text = (decoded.text, decoded.warnings)
            continue
        path = Path(raw)
        try:
            path.stat()
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                reason = "symbolic link loop"
            elif os.path.islink(path):
                reason = "broken symbolic link"
            elif exc.errno == errno.ENOENT:
                reason = "no such file or folder"
            else:
                reason = f"cannot read ({exc.strerror})"
            plan.failures.append(Outcome(_display(raw), "failed", reason=reason))
            continue
        if os.path.isdir(path):
            matched = False  # a folder whose files were all named before it still holds some
            real = os.path.realpath(path)
            stat = path.stat()
            key = (stat.st_dev, stat.st_ino)
            for file in _walk(
                path, root=path, globs=globs, excluded=excluded, ancestors=(key,),
                seen_dirs={key}, failures=plan.failures,
            ):
                matched = True
                real_file = os.path.realpath(file)
                if real_file not in seen_files:
                    seen_files.add(real_file)
                    files.append(file)
            if not matched and not any(
                _is_within(os.path.realpath(f.label), real) for f in plan.failures
            ):
                plan.failures.append(
                    Outcome(_display(raw), "failed", reason=f"no files matching {' '.join(globs)} in this folder")
                )
        else:
            real_file = os.path.realpath(path)
            if real_file not in seen_files:
                seen_files.add(real_file)
                files.append(path)

    plan.input_files = set(seen_files)
    base = _base(given)
    tables: dict[Path, int] = {}  # Parquet inputs and their rows; one that cannot be read fails here
    for file in [f for f in files if is_parquet(f)]:
        try:
            tables[file] = parquet_table(file, options.text_column, options.id_column).rows
        except InputError as error:
            plan.failures.append(Outcome(_display(str(file)), "failed", reason=str(error)))
            files.remove(file)
    entries: list[tuple[Path | None, bool]] = [
        (file, file in tables or (options.jsonl_field is not None and file.suffix.lower() == ".jsonl"))
        for file in files
    ]
    if plan.stdin_text is not None:
        entries.append((None, options.jsonl_field is not None))
    extension = extension_for(options.format) if options.out is not None else ""
    relatives = [PurePosixPath("stdin") if file is None else _relative(file, base) for file, _ in entries]
    names = output_names(list(zip(relatives, (jsonl for _, jsonl in entries), strict=True)), extension)
    for (entry, is_jsonl), name in zip(entries, names, strict=True):
        if entry is None:
            assert plan.stdin_text is not None
            plan.sources.append(_Source(STDIN, None, name, jsonl=is_jsonl))
            lines = plan.stdin_text[0].splitlines()
            plan.total += sum(1 for line in lines if line.strip()) if is_jsonl else 1
        elif entry in tables:
            plan.sources.append(_Source(_display(str(entry)), entry, name, parquet=True))
            plan.total += tables[entry]
        else:
            plan.sources.append(_Source(_display(str(entry)), entry, name, jsonl=is_jsonl))
            plan.total += _count_records(entry) if is_jsonl else 1
    # URL outputs avoid every file output, folder of the tree and the manifest.
    taken = {_fold(name) for name in names} | {
        _fold(str(parent)) for rel in relatives for parent in rel.parents if str(parent) != "."
    } | {_fold(MANIFEST_NAME.removesuffix(".json"))}
    for url in urls:
        name = _url_name(url, taken)
        plan.sources.append(_Source(_display(url), None, name, url=url))
        plan.total += 1
    plan.total += len(plan.failures)

    _check_outputs(plan, options, extension)
    if options.out is not None:
        check_earlier(read_earlier(options.out), source_outputs(plan, extension), options.out)
    return plan


def source_outputs(plan: BatchPlan, extension: str) -> Iterator[tuple[str, str, bool]]:
    """Each source's label, output path (relative to the output folder) and whether it is a folder of records."""
    for source in plan.sources:
        folder = source.jsonl or source.parquet
        yield source.label, source.relative if folder else source.relative + extension, folder


def _check_outputs(plan: BatchPlan, options: BatchOptions, extension: str) -> None:
    """Refuse, before any work, outputs that would overwrite an input, the manifest or each other."""
    outputs: dict[str, str] = {}  # real path of an output file -> the input it is for
    if options.out is not None:
        outputs[os.path.realpath(options.out / MANIFEST_NAME)] = "the manifest"
        for source in plan.sources:
            if source.jsonl or source.parquet:
                continue
            real = os.path.realpath(options.out / (source.relative + extension))
            if real in plan.input_files:
                raise BatchError(
                    f"the output for {source.label} would be {_display(real)}, which is an input; not overwritten"
                )
            outputs[real] = source.label
    if options.parquet_out is not None:
        require_pyarrow()  # before any work
    if options.parquet_out is not None and options.out is not None and (
        os.path.realpath(options.parquet_out) == os.path.realpath(options.out)
    ):
        raise BatchError(f"--parquet-out {_display(str(options.parquet_out))}: is the --out folder; give another")
    if options.jsonl_out in (None, STDIN):
        return
    target = str(options.jsonl_out)
    real = os.path.realpath(target)
    if real in plan.input_files:
        raise BatchError(f"--jsonl-out {_display(target)}: is one of the inputs")
    if os.path.isdir(real):
        raise BatchError(f"--jsonl-out {_display(target)}: is a folder; give a file name")
    if real in outputs:
        raise BatchError(f"--jsonl-out {_display(target)}: is the output for {outputs[real]}")
    if options.out is not None and any(
        (s.jsonl or s.parquet) and _is_within(real, os.path.realpath(options.out / s.relative))
        for s in plan.sources
    ):
        raise BatchError(f"--jsonl-out {_display(target)}: lies in a folder of JSONL record outputs")


