"""Make the README's picture of the reader: ``python -m tui.screenshot docs/tui.svg``.

Summarises the bundled example (``examples/slanted-right.txt``), opens the reader at
120×36, moves the cursor to the first dropped sentence, and saves an SVG screenshot.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from summarizer import summarize
from tui.app import EvenhandApp
from tui.settings import SummarySettings
from tui.source import bundled_example, load_document

SIZE = (120, 36)


async def save_screenshot(target: Path, *, theme: str = "textual-dark") -> Path:
    """Write an SVG of the reader showing the bundled example to ``target``."""
    example = bundled_example()
    document = load_document(str(example))
    summary = summarize(document)
    app = EvenhandApp(summary=summary, settings=SummarySettings(), theme=theme)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n", "n")
        await pilot.pause()
        app.save_screenshot(filename=target.name, path=str(target.parent))
    return target


def main(argv: list[str]) -> int:
    target = Path(argv[0] if argv else "docs/tui.svg")
    print(asyncio.run(save_screenshot(target)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
