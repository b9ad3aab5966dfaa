"""The record of a batch, as written to ``manifest.json``."""

from __future__ import annotations

import json
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizer.batch.model import MANIFEST_NAME, MANIFEST_TOOL, Outcome, _display
from summarizer.batch.names import _fold, _Names
from summarizer.errors import BatchError


class Labels(Sequence[str]):
    """A list of names packed into one buffer: what the manifest's ``done`` list holds.

    A batch over a million records names a million inputs; as a list of strings they take
    about 110 bytes each and, interleaved with the batch's passing objects, keep two or three
    times that in the process's memory.  Packed, each takes its UTF-8 bytes and an offset.
    Compares equal to a list of the same names.
    """

    __slots__ = ("_data", "_ends")

    def __init__(self, names: Iterable[str] = ()) -> None:
        self._data = bytearray()
        self._ends = array("Q")
        for name in names:
            self.append(name)

    def append(self, name: str) -> None:
        self._data += name.encode("utf-8", "surrogatepass")
        self._ends.append(len(self._data))

    def __len__(self) -> int:
        return len(self._ends)

    def _at(self, index: int) -> str:
        start = self._ends[index - 1] if index > 0 else 0
        return self._data[start : self._ends[index]].decode("utf-8", "surrogatepass")

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self._at(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("Labels index out of range")
        return self._at(index)

    def __iter__(self) -> Iterator[str]:
        for index in range(len(self._ends)):
            yield self._at(index)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Labels | list | tuple):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, as a list is

    def __repr__(self) -> str:
        return f"Labels({list(self)!r})"


@dataclass(slots=True)
class BatchResult:
    """The batch's record, as written to ``manifest.json``."""

    done: Labels = field(default_factory=Labels)
    skipped: list[str] = field(default_factory=list)
    failed: list[dict[str, str]] = field(default_factory=list)
    warnings: list[dict[str, str]] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    fetched: list[dict[str, Any]] = field(default_factory=list)
    elapsed_s: float = 0.0
    interrupted: bool = False
    stopped_early: bool = False
    #: Inputs a stopped batch never reached (interrupted, ``--fail-fast``, a full disk): counted,
    #: so that done + skipped + failed + not attempted is every input of the plan.
    not_attempted: int = 0
    output_labels: Labels = field(default_factory=Labels)
    output_paths: Labels = field(default_factory=Labels)
    earlier: Earlier | None = None

    @property
    def exit_code(self) -> int:
        """0 when every input was done or skipped, 1 when any failed, 130 when interrupted."""
        if self.interrupted:
            return 130
        return 1 if self.failed else 0

    def add(self, outcome: Outcome, output: str | None = None) -> None:
        """Record ``outcome``; ``output``: its output's path relative to the output folder, if it has one."""
        if output is not None and outcome.status != "failed":
            self.output_labels.append(outcome.label)
            self.output_paths.append(output)
        if outcome.status == "done":
            self.done.append(outcome.label)
        elif outcome.status == "skipped":
            self.skipped.append(outcome.label)
        else:
            self.failed.append({"path": outcome.label, "reason": outcome.reason or "failed"})
        self.warnings.extend({"path": outcome.label, "warning": w} for w in outcome.warnings)
        if outcome.fetch is not None:
            self.fetched.append(outcome.fetch)

    def to_dict(self) -> dict[str, Any]:
        """The manifest: sorted lists, so two runs over the same inputs compare equal.

        ``outputs`` maps every input done or skipped to its output (relative to the output
        folder).  The entries of an earlier batch into the same folder that this batch did not
        redo are kept (see :class:`Earlier`): every output in the folder stays recorded.
        """
        done: Iterable[str] = self.done
        skipped: Iterable[str] = self.skipped
        failed: Iterable[dict[str, str]] = self.failed
        warnings: Iterable[dict[str, str]] = self.warnings
        outputs: Iterable[tuple[str, str]] = zip(self.output_labels, self.output_paths, strict=True)
        if self.earlier is not None:
            ours = _Names(_fold(label) for label in (*self.done, *self.skipped, *(f["path"] for f in self.failed)))
            kept = self.earlier.entries_not_in(ours)
            done, skipped = [*done, *kept["done"]], [*skipped, *kept["skipped"]]
            failed, warnings = [*failed, *kept["failed"]], [*warnings, *kept["warnings"]]
            outputs = [*outputs, *kept["outputs"]]
        manifest = {
            "tool": MANIFEST_TOOL,
            "done": sorted(done),
            "skipped": sorted(skipped),
            "failed": sorted(failed, key=lambda f: f["path"]),
            "warnings": sorted(warnings, key=lambda w: (w["path"], w["warning"])),
            "options": self.options,
            "elapsed_s": round(self.elapsed_s, 3),
            "interrupted": self.interrupted,
        }
        if self.not_attempted:  # only a stopped batch has the key: a whole run's manifest is unchanged
            manifest["not_attempted"] = self.not_attempted
        if self.output_labels or (self.earlier is not None and self.earlier.outputs):
            manifest["outputs"] = dict(sorted(outputs))
        if self.fetched:  # URL inputs: what was asked, where it led, the status and the time
            manifest["fetched"] = sorted(self.fetched, key=lambda f: f["url"])
        return manifest




@dataclass(slots=True)
class Earlier:
    """The manifest an earlier batch left in the output folder: what it did, and which output is whose.

    A later batch into the same folder keeps these entries, except those of the inputs it
    does again; it is refused, before any work, where it would write an output the earlier
    batch wrote for another input (see :func:`check_earlier`).
    """

    done: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[dict[str, str]] = field(default_factory=list)
    warnings: list[dict[str, str]] = field(default_factory=list)
    outputs: dict[str, str] = field(default_factory=dict)  # input label -> output path

    def entries_not_in(self, labels: _Names) -> dict[str, Any]:
        """The entries of the inputs whose (folded) label is not in ``labels``."""

        def keep(label: str) -> bool:
            return _fold(label) not in labels

        return {
            "done": [x for x in self.done if keep(x)],
            "skipped": [x for x in self.skipped if keep(x)],
            "failed": [f for f in self.failed if keep(f["path"])],
            "warnings": [w for w in self.warnings if keep(w["path"])],
            "outputs": [(label, path) for label, path in self.outputs.items() if keep(label)],
        }


def read_earlier(out: Path | None) -> Earlier | None:
    """The manifest of an earlier batch in ``out``, or ``None`` (no folder, no manifest, not ours).

    Raises:
        BatchError: the manifest is there but cannot be read (it is never overwritten unread).
    """
    if out is None:
        return None
    path = out / MANIFEST_NAME
    try:
        with open(path, "rb") as handle:
            data = json.loads(handle.read())
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        if isinstance(error, IsADirectoryError | NotADirectoryError):
            return None
        reason = error.strerror if isinstance(error, OSError) else "not valid JSON"
        raise BatchError(f"--out {_display(str(out))}: cannot read its {MANIFEST_NAME} ({reason}); "
                         "move it away or choose another folder") from None
    if not isinstance(data, dict) or data.get("tool") != MANIFEST_TOOL:
        return None

    def names(key: str) -> list[str]:
        value = data.get(key)
        return [x for x in value if isinstance(x, str)] if isinstance(value, list) else []

    def pairs(key: str, second: str) -> list[dict[str, str]]:
        value = data.get(key)
        if not isinstance(value, list):
            return []
        return [x for x in value if isinstance(x, dict) and isinstance(x.get("path"), str)
                and isinstance(x.get(second), str)]

    outputs = data.get("outputs")
    return Earlier(
        done=names("done"), skipped=names("skipped"), failed=pairs("failed", "reason"),
        warnings=pairs("warnings", "warning"),
        outputs={k: v for k, v in outputs.items() if isinstance(k, str) and isinstance(v, str)}
        if isinstance(outputs, dict) else {},
    )


def check_earlier(earlier: Earlier | None, outputs: Iterable[tuple[str, str, bool]], out: Path) -> None:
    """Refuse a batch that would write an output an earlier batch in ``out`` wrote for another input.

    Args:
        earlier: from :func:`read_earlier`.
        outputs: for each source of this batch, its label, its output path relative to
            ``out`` and whether that is a folder of record outputs (a JSONL corpus, a table).
        out: the output folder (for the message).

    Raises:
        BatchError: one line naming the output and both inputs.
    """
    if earlier is None or not earlier.outputs:
        return
    owner = {_fold(path): label for label, path in earlier.outputs.items()}
    for label, path, is_folder in outputs:
        if not is_folder:
            other = owner.get(_fold(path))
            if other is not None and _fold(other) != _fold(label):
                _refuse(out, path, other, label)
            continue
        prefix = _fold(path).rstrip("/") + "/"
        for other, other_path in earlier.outputs.items():
            if _fold(other_path).startswith(prefix) and not _fold(other).startswith(_fold(label) + "#"):
                _refuse(out, other_path, other, label)


def _refuse(out: Path, path: str, earlier_label: str, label: str) -> None:
    raise BatchError(
        f"--out {_display(str(out))}: {_display(path)} is the output of {_display(earlier_label)} from an earlier "
        f"batch; this batch would write it for {_display(label)} (choose another --out folder)"
    )
