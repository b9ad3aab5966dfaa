"""The conventions the command line keeps: --version, -h, ratios as 20%, --color, --width,
the pager, completion everywhere, one exit code for unreadable input, and word budgets kept."""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

import pytest
import typer
from click.shell_completion import CompletionItem
from typer.testing import CliRunner

from evenhand import cli, single
from evenhand.cli import app
from tests.articles import make_article

runner = CliRunner()
ANSI = re.compile(r"\x1b\[[0-9;]*m")
ARTICLE = Path(__file__).resolve().parents[1] / "tui" / "fixtures" / "article.txt"


def test_version() -> None:
    for flag in ("--version", "-V"):
        result = runner.invoke(app, [flag])
        assert result.exit_code == 0
        assert re.fullmatch(r"evenhand \S+\n", result.stdout)


@pytest.mark.parametrize("command", [[], ["summarize"], ["view"], ["eval"], ["eval", "bias"], ["eval", "summary"]])
def test_dash_h_is_help_with_examples_and_no_type_beside_flags(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "-h"], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.stdout and "Examples" in result.stdout
    assert "<bool>" not in result.stdout


@pytest.mark.parametrize("ratio", ["20%", "0.2", " 20 % "])
def test_ratio_as_a_share_or_a_percentage(ratio: str) -> None:
    expected = runner.invoke(app, ["summarize", str(ARTICLE), "-r", "0.2", "-f", "json"])
    result = runner.invoke(app, ["summarize", str(ARTICLE), "-r", ratio, "-f", "json"])
    assert result.exit_code == 0, result.output
    assert result.stdout == expected.stdout
    assert '"ratio": 0.2' in result.stdout


@pytest.mark.parametrize(("ratio", "message"), [
    ("20", "for a percentage write 20%"), ("0%", "more than 0"), ("120%", "at most 1"), ("half", "such as 0.2"),
])
def test_bad_ratios_are_usage_errors(ratio: str, message: str) -> None:
    result = runner.invoke(app, ["summarize", str(ARTICLE), "-r", ratio])
    assert result.exit_code == 2
    assert message in result.stderr


def test_color_always_and_never() -> None:
    always = runner.invoke(app, ["summarize", str(ARTICLE), "-f", "terminal", "--color", "always"])
    never = runner.invoke(app, ["summarize", str(ARTICLE), "-f", "terminal", "--color", "never"])
    assert always.exit_code == never.exit_code == 0
    assert ANSI.search(always.stdout)
    assert not ANSI.search(never.stdout)
    assert runner.invoke(app, ["summarize", str(ARTICLE), "--color", "sometimes"]).exit_code == 2


@pytest.mark.parametrize("width", [40, 60, 100])
def test_width(width: int) -> None:
    result = runner.invoke(app, ["summarize", str(ARTICLE), "-f", "terminal", "--color", "never", "--width", str(width)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= width
    assert any(len(line) >= width - 2 for line in lines)


def test_terminal_format_numbers_the_sentences() -> None:
    result = runner.invoke(app, ["summarize", str(ARTICLE), "-f", "terminal", "--color", "never", "--width", "100"])
    numbers = [int(n) for n in re.findall(r"^ ?(\d+) [✓✂✗] ", result.stdout, re.MULTILINE)]
    assert numbers[:3] == [1, 2, 3] and numbers == sorted(numbers)


@pytest.mark.parametrize("fmt", ["terminal", "text", "markdown", "html", "json", "diff"])
def test_a_word_budget_no_sentence_fits_prints_nothing_and_says_why(fmt: str) -> None:
    result = runner.invoke(app, ["summarize", str(ARTICLE), "-w", "3", "-f", fmt])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"evenhand: error: {ARTICLE}: no sentence fits in 3 words: the best candidate has ")


@pytest.mark.parametrize("words", [12, 25, 40, 80])
def test_a_summary_never_has_more_words_than_asked(words: int) -> None:
    import json

    result = runner.invoke(app, ["summarize", str(ARTICLE), "-w", str(words), "-f", "json"])
    if result.exit_code == 1:
        assert "no sentence fits" in result.stderr
        return
    assert result.exit_code == 0
    assert json.loads(result.stdout)["stats"]["words_summary"] <= words


@pytest.mark.parametrize(("name", "content", "message"), [
    ("bad.txt", b"\x00\x01binary\x00", "binary"), ("empty.txt", b"", "empty"), ("gone.txt", None, "no such file"),
])
def test_unreadable_input_has_one_exit_code_in_view_and_summarize(
    tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    for command in ("summarize", "view"):
        result = runner.invoke(app, [command, str(path)])
        assert result.exit_code == 1, (command, result.output)
        assert result.stderr.startswith("evenhand: error: ") and message in result.stderr
        assert len(result.stderr.splitlines()) == 1


def _completions(command: str, option: str, incomplete: str) -> list[str]:
    click_app = typer.main.get_command(app)
    sub = click_app.commands[command]  # type: ignore[attr-defined]
    param = next(p for p in sub.params if option in p.opts)
    ctx = sub.make_context(command, [], resilient_parsing=True)
    items: list[CompletionItem] = param.shell_complete(ctx, incomplete)
    return [item.value for item in items]


@pytest.mark.parametrize("command", ["summarize", "view"])
def test_algorithm_names_complete_in_every_command(command: str) -> None:
    assert _completions(command, "--algorithm", "lex") == ["lexrank"]
    assert "textrank" in _completions(command, "--algorithm", "")


def test_color_completes() -> None:
    assert _completions("summarize", "--color", "a") == ["auto", "always"]


def test_long_output_goes_through_the_pager(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from summarizer import summarize

    paged = tmp_path / "paged.txt"
    script = f"import sys; open({str(paged)!r}, 'w', encoding='utf-8').write(sys.stdin.read())"
    monkeypatch.setenv("PAGER", f"{shlex.quote(sys.executable)} -c {shlex.quote(script)}")
    monkeypatch.setattr("shutil.get_terminal_size", lambda: __import__("os").terminal_size((80, 10)))
    summary = summarize(make_article(3, paragraphs=6))
    single.print_summary(summary, "terminal", color="never", width=80, pager=True)
    assert "Original" in paged.read_text(encoding="utf-8")


def test_short_output_and_no_pager_print_directly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from summarizer import summarize

    monkeypatch.setenv("PAGER", "/nonexistent/pager")
    monkeypatch.setattr("shutil.get_terminal_size", lambda: __import__("os").terminal_size((80, 10)))
    summary = summarize(make_article(3, paragraphs=6))
    single.print_summary(summary, "terminal", color="never", width=80, pager=True)  # the pager cannot run
    assert "Original" in capsys.readouterr().out
    single.print_summary(summary, "terminal", color="never", width=80, pager=False)
    assert "Original" in capsys.readouterr().out


def test_view_settings_remembered_then_overridden_by_options() -> None:
    from tui.config import DARK_THEME, LIGHT_THEME, SavedConfig
    from tui.settings import SummarySettings

    saved = SavedConfig(SummarySettings(algorithm="lexrank", sentences=5, neutrality=2.0), LIGHT_THEME)
    settings, theme = cli._view_settings(saved, algorithm=None, sentences=None, ratio=None, light=False)
    assert settings == saved.settings and theme == LIGHT_THEME
    settings, theme = cli._view_settings(saved, algorithm="TextRank", sentences=None, ratio=0.5, light=False)
    assert (settings.algorithm, settings.sentences, settings.ratio, settings.neutrality) == ("textrank", None, 0.5, 2.0)
    settings, theme = cli._view_settings(None, algorithm=None, sentences=3, ratio=None, light=False)  # --no-config
    assert settings == SummarySettings(sentences=3) and theme == DARK_THEME
    assert cli._view_settings(None, algorithm=None, sentences=None, ratio=None, light=True)[1] == LIGHT_THEME
