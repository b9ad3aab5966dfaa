"""Settings remembered between runs of the reader: theme, algorithm, length, edit level, neutrality.

They live in one small TOML file in the user's config folder (``platformdirs``: on Linux
``$XDG_CONFIG_HOME/evenhand/settings.toml``, usually ``~/.config/evenhand/settings.toml``).
Reading is forgiving: a missing, unreadable or hand-edited file with a bad value gives the
defaults for what it cannot use, never an error.  ``evenhand view --no-config`` neither
reads nor writes it.  Nothing here knows Textual.
"""

from __future__ import annotations

import math
import os
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizer.options import ALL_ALGORITHMS, EDITS, NEUTRALITY_MAX, edits_for_trim
from tui.settings import SummarySettings

CONFIG_NAME = "settings.toml"
DARK_THEME = "textual-dark"
LIGHT_THEME = "textual-light"
THEMES = (DARK_THEME, LIGHT_THEME)


def config_path() -> Path:
    """Where the settings are kept for this user."""
    from platformdirs import user_config_path

    return user_config_path("evenhand", appauthor=False) / CONFIG_NAME


@dataclass(frozen=True, slots=True)
class SavedConfig:
    """What a settings file held: summary settings and the theme (``None``: not saved)."""

    settings: SummarySettings = field(default_factory=SummarySettings)
    theme: str | None = None


def _number(value: Any, low: float, high: float) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return float(value) if low <= value <= high else None


def parse_config(data: dict[str, Any]) -> SavedConfig:
    """The usable part of a parsed settings file; anything unknown or out of range is left out."""
    defaults = SummarySettings()
    algorithm = data.get("algorithm")
    sentences = data.get("sentences")
    ratio = _number(data.get("ratio"), 1e-9, 1.0)
    edits = data.get("edits")
    trim = data.get("trim")  # the file of an older evenhand: trim = true/false
    neutrality = _number(data.get("neutrality"), 0.0, NEUTRALITY_MAX)
    theme = data.get("theme")
    if not (isinstance(sentences, int) and not isinstance(sentences, bool) and sentences >= 1):
        sentences = None
    if sentences is not None:
        ratio = None  # one length at a time, as the app keeps it
    algorithm = algorithm if algorithm in ALL_ALGORITHMS else defaults.algorithm
    if edits not in EDITS:
        edits = edits_for_trim(trim, algorithm) if isinstance(trim, bool) else None
    settings = SummarySettings(
        algorithm=algorithm,
        sentences=sentences,
        ratio=ratio,
        edits=edits,
        neutrality=neutrality if neutrality is not None else defaults.neutrality,
    )
    return SavedConfig(settings, theme if theme in THEMES else None)


def load_config(path: Path) -> SavedConfig:
    """The settings saved at ``path``, or the defaults when there are none that can be read."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return SavedConfig()
    return parse_config(data)


def _toml_value(value: str | int | float | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return repr(value)


def format_config(settings: SummarySettings, theme: str | None) -> str:
    """The settings file's text (only the settings that are set)."""
    values: dict[str, str | int | float | bool | None] = {
        "theme": theme,
        "algorithm": settings.algorithm,
        "sentences": settings.sentences,
        "ratio": settings.ratio,
        "edits": settings.edits,
        "neutrality": settings.neutrality,
    }
    lines = ["# evenhand view: the settings of the last session (evenhand view --no-config ignores them)"]
    lines += [f"{key} = {_toml_value(value)}" for key, value in values.items() if value is not None]
    return "\n".join(lines) + "\n"


def save_config(path: Path, settings: SummarySettings, theme: str | None) -> bool:
    """Write the settings to ``path`` atomically; ``False`` if the folder cannot be written."""
    text = format_config(settings, theme)
    try:
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            return True
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(text)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True
