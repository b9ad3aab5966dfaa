"""``evenhand view``: the checks it makes before starting the Textual app."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from evenhand.cli import app

runner = CliRunner()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["view", "--algorithm", "nonsense"], "no algorithm named 'nonsense'"),
        (["view", "--sentences", "3", "--ratio", "0.5"], "--sentences and --ratio are mutually exclusive"),
        (["view", "--ratio", "1.5"], "--ratio must be more than 0 and at most 1"),
        (["view", "--ratio", "150%"], "--ratio must be more than 0 and at most 1"),
        (["view", "--ratio", "half"], "give a share such as 0.2 or 20%"),
    ],
)
def test_bad_options_are_usage_errors(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in result.output


def test_view_needs_a_terminal(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("One sentence. Two sentences.", "utf-8")
    result = runner.invoke(app, ["view", str(article)])  # CliRunner's stdout is not a terminal
    assert result.exit_code == 2
    assert "view needs a terminal" in result.output


def test_view_does_not_import_textual_before_it_must() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from evenhand.cli import app\n"
        "CliRunner().invoke(app, ['view', '--algorithm', 'nonsense'])\n"
        "assert 'textual' not in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
