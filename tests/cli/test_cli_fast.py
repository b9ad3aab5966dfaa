"""The console entry's fast path (evenhand.start) against the Typer command it stands in for:
the same flags, defaults, output, messages and exit codes, and Typer for everything else."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from evenhand import start
from evenhand.cli import app
from evenhand.single import DEFAULTS, SummarizeFlags
from tests.articles import make_article

ROOT = Path(__file__).resolve().parents[2]


def _summarize_params() -> dict[str, Any]:
    group: Any = get_command(app)  # Typer's own copy of Click's classes
    return {p.name: p for p in group.commands["summarize"].params if p.name}


def test_every_fast_flag_is_the_typer_commands_flag() -> None:
    params = _summarize_params()
    for flag, (field, kind) in start.FLAGS.items():
        param = params[field]
        assert param.param_type_name == "option", flag
        assert flag in (*param.opts, *param.secondary_opts), flag
        if kind is True or kind is False:
            assert param.is_flag and (flag in param.secondary_opts) != kind, flag
        else:
            annotation = param.type_descriptor.annotation
            assert annotation in (kind, kind | None), flag
    assert params["width"].min == start.WIDTH_MIN


def test_the_flags_defaults_are_the_typer_commands() -> None:
    params = _summarize_params()
    for field in SummarizeFlags.__slots__:  # type: ignore[attr-defined]
        default = params[field].default
        assert getattr(DEFAULTS, field) == (None if field == "trim" else default), field


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(make_article(12, paragraphs=4), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "flags",
    [
        ["-f", "json"],
        ["--format", "json", "-n", "2"],
        ["--format=markdown", "-a", "textrank", "--edits", "none"],
        ["-f", "text", "--ratio", "50%", "--no-trim", "--no-pager", "--language", "English", "--neutrality", "2"],
        ["-f", "terminal", "--width", "60", "--color", "never", "-w", "40"],
        ["-f", "diff", "--engine", "SUMY", "-a", "lexrank", "--trim"],
        [],
        # usage errors and failures, each with its message and exit code
        ["-f", "yaml"],
        ["-n", "0"],
        ["--ratio", "1.5"],
        ["--ratio", "lots"],
        ["-w", "1"],
        ["--color", "sometimes"],
        ["-a", "nope"],
        ["--edits", "all"],
        ["-n", "2", "-w", "30"],
        ["--neutrality", "9"],
        ["--language", "klingon"],
    ],
)
def test_the_fast_path_says_what_typer_says(
    flags: list[str], article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["summarize", str(article), *flags]
    assert start.fast_summarize_args(argv) is not None
    with pytest.raises(SystemExit) as stopped:
        start.run_fast(*start.fast_summarize_args(argv))  # type: ignore[misc]
    fast = capsys.readouterr()
    typer = CliRunner().invoke(app, argv)
    assert (stopped.value.code, fast.out, fast.err) == (typer.exit_code, typer.stdout, typer.stderr)


def test_an_empty_file_fails_alike(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:
        start.main(["summarize", str(empty), "-f", "json"])
    fast = capsys.readouterr()
    typer = CliRunner().invoke(app, ["summarize", str(empty), "-f", "json"])
    assert typer.exit_code == 1
    assert (stopped.value.code, fast.out, fast.err) == (typer.exit_code, typer.stdout, typer.stderr)


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--help"],
        ["view", "x.txt"],
        ["summarize"],
        ["summarize", "a.txt", "b.txt"],
        ["summarize", "a.txt", "-n5"],
        ["summarize", "a.txt", "-n", "-3"],
        ["summarize", "a.txt", "-n", "2.5"],
        ["summarize", "a.txt", "-n", "2", "-n", "3"],
        ["summarize", "a.txt", "--out", "dir"],
        ["summarize", "a.txt", "--width", "10"],
        ["summarize", "a.txt", "--help"],
        ["summarize", "a.txt", "-f"],
        ["summarize", "a.txt", "-f=json"],
        ["summarize", "a.txt", "--no-pager=yes"],
        ["summarize", "a.txt", "--", "-b.txt"],
    ],
)
def test_everything_else_is_typers(argv: list[str]) -> None:
    assert start.fast_summarize_args(argv) is None


def test_a_folder_goes_to_typer(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(make_article(5), encoding="utf-8")
    assert start.fast_summarize_args(["summarize", str(tmp_path)]) is not None  # parsed, but not one document
    done = subprocess.run([sys.executable, "-m", "evenhand", "summarize", str(tmp_path), "-f", "json"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    typer = CliRunner().invoke(app, ["summarize", str(tmp_path), "-f", "json"])
    assert (done.returncode, done.stdout) == (typer.exit_code, typer.stdout)


def test_the_fast_path_loads_neither_typer_nor_rich(article: Path) -> None:
    probe = (
        "import sys\nfrom evenhand import start\n"
        f"try:\n    start.main(['summarize', {str(article)!r}, '-f', 'json'])\nexcept SystemExit:\n    pass\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.stdout.startswith("{")
    assert not set(done.stderr.split()) & {"typer", "click", "pydantic", "rich"}
