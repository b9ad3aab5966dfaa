"""The core library never imports Textual (nor Typer): the TUI is a face, not a dependency."""

from __future__ import annotations

import subprocess
import sys


def test_importing_summarizer_does_not_import_textual() -> None:
    code = (
        "import sys, summarizer\n"
        "from summarizer import summarize\n"
        "summarize('One sentence here. Another sentence there. A third one too.')\n"
        "assert 'textual' not in sys.modules, 'textual was imported'\n"
        "assert 'typer' not in sys.modules, 'typer was imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_tui_settings_and_source_do_not_import_textual() -> None:
    # The CLI imports these before deciding to start the app.
    code = "import sys, tui.settings, tui.source\nassert 'textual' not in sys.modules\n"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
