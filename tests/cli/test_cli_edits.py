"""The command line's summary options: --edits (with --trim/--no-trim as its old names) and
--neutrality, on summarize, the batch and view, checked where the library checks them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from evenhand.cli import SUMMARIZE_EDITS, app
from summarizer.options import EDITS, NEUTRALITY_MAX
from tests.core.test_options import TEXT

runner = CliRunner()


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "jail.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def run_json(*args: str) -> dict[str, object]:
    result = runner.invoke(app, ["summarize", *args, "-f", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def edit_kinds(data: dict[str, object]) -> set[str]:
    return {e["kind"] for s in data["sentences"] for e in s["edits"]}


def test_the_cli_knows_every_level() -> None:
    assert SUMMARIZE_EDITS == EDITS


def test_each_level_from_the_command_line(article: Path) -> None:
    none, trim, reword, compress = (run_json(str(article), "-n", "6", "--edits", level) for level in EDITS)
    assert edit_kinds(none) == set() and none["trim"] is False
    assert edit_kinds(trim) == {"stance_adverb"} and trim["edits"] == "trim"
    assert "reworded" in edit_kinds(reword) and reword["edits"] == "reword"
    assert "reworded" in edit_kinds(compress) and "edits" not in compress  # neutral's own level: as before
    assert run_json(str(article), "-n", "6") == compress
    assert run_json(str(article), "-n", "6", "--edits", "COMPRESS") == compress


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (["--trim"], ["--edits", "compress"]),
        (["--no-trim"], ["--edits", "none"]),
        (["-a", "textrank", "--trim"], ["-a", "textrank", "--edits", "trim"]),
        (["-a", "textrank", "--no-trim"], ["-a", "textrank", "--edits", "none"]),
        (["-a", "textrank"], ["-a", "textrank", "--edits", "none"]),
    ],
)
def test_trim_and_no_trim_are_the_old_names(article: Path, old: list[str], new: list[str]) -> None:
    assert run_json(str(article), "-n", "6", *old) == run_json(str(article), "-n", "6", *new)


def test_textrank_can_reword(article: Path) -> None:
    data = run_json(str(article), "-a", "textrank", "-n", "6", "--edits", "reword")
    assert "reworded" in edit_kinds(data) and data["edits"] == "reword"


def test_neutrality_from_the_command_line(article: Path) -> None:
    free = run_json(str(article), "-n", "3", "--neutrality", "0", "--edits", "none")
    strict = run_json(str(article), "-n", "3", "--neutrality", str(NEUTRALITY_MAX), "--edits", "none")
    values = [
        (before["factors"]["value"], after["factors"]["value"])
        for before, after in zip(free["sentences"], strict["sentences"], strict=True)  # type: ignore[call-overload]
        if after["factors"]["bias_after_trim"] > 0
    ]
    assert values and any(after < before for before, after in values)
    assert run_json(str(article), "--neutrality", "1") == run_json(str(article))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--edits", "squeeze"], "--edits 'squeeze': choose one of none, trim, reword, compress"),
        (["--edits", "trim", "--trim"], "--edits and --trim are two names for one option"),
        (["--edits", "none", "--no-trim"], "--edits and --trim are two names for one option"),
        (["--neutrality", "6"], "--neutrality must be between 0 and 5, not 6.0"),
        (["--neutrality", "-1"], "--neutrality must be between 0 and 5"),
        (["--neutrality", "nan"], "--neutrality must be between 0 and 5"),
        (["-r", "0%"], "--ratio must be more than 0 and at most 1"),
    ],
)
def test_bad_summary_options_exit_2_with_one_line(article: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["summarize", str(article), *args])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"evenhand: error: {message}")
    assert result.stderr.count("\n") == 1


def test_a_bad_option_fails_before_any_input_is_read(tmp_path: Path) -> None:
    result = runner.invoke(app, ["summarize", str(tmp_path / "missing.txt"), "--neutrality", "9"])
    assert result.exit_code == 2 and "--neutrality" in result.stderr


def test_the_batch_manifest_records_the_level_and_neutrality(article: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text(TEXT.replace("Marsh", "Fen"), encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, [
        "summarize", str(article), str(other), "--out", str(out), "-f", "json", "-j", "1", "-q",
        "--edits", "trim", "--neutrality", "2.5", "-n", "6",
    ])
    assert result.exit_code == 0, result.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["options"]["edits"] == "trim"
    assert manifest["options"]["neutrality"] == 2.5
    assert "trim" not in manifest["options"]
    for name in ("jail.json", "other.json"):
        data = json.loads((out / name).read_text(encoding="utf-8"))
        assert data["edits"] == "trim" and edit_kinds(data) == {"stance_adverb"}


def test_the_batch_manifest_records_the_algorithms_own_level(article: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["summarize", str(article), "--out", str(out), "-a", "lexrank", "-q", "-j", "1"])
    assert result.exit_code == 0, result.stderr
    options = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["options"]
    assert (options["edits"], options["neutrality"]) == ("none", 1.0)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["view", "--edits", "all"], "--edits 'all': choose one of none, trim, reword, compress"),
        (["view", "--neutrality", "7"], "--neutrality must be between 0 and 5"),
    ],
)
def test_view_checks_the_same_options(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in result.output


def test_view_takes_the_level_and_neutrality_over_the_remembered_ones() -> None:
    from evenhand.cli import _view_settings
    from tui.config import SavedConfig
    from tui.settings import SummarySettings

    saved = SavedConfig(SummarySettings(algorithm="lexrank", edits="trim", neutrality=2.0))
    settings, _ = _view_settings(saved, algorithm=None, sentences=None, ratio=None, light=False)
    assert (settings.edits, settings.neutrality) == ("trim", 2.0)
    settings, _ = _view_settings(
        saved, algorithm=None, sentences=None, ratio=None, light=False, edits="reword", neutrality=0.5
    )
    assert (settings.effective_edits(), settings.neutrality) == ("reword", 0.5)
    settings, _ = _view_settings(saved, algorithm="neutral", sentences=None, ratio=None, light=False)
    assert settings.effective_edits() == "compress"  # another algorithm: its own level
