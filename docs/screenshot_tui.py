"""Take the README's picture of the TUI: ``docs/tui.svg`` from the real app on the bundled example.

    .venv/bin/python docs/screenshot_tui.py            # writes docs/tui.svg (120×36, dark theme)

The app reads and summarises ``examples/slanted-right.txt`` in its worker, as ``evenhand
view`` does; the cursor is then put on the second dropped sentence.  docs/rendering.md says
how to turn the SVG into ``docs/tui.png`` with headless Chromium.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.app import EvenhandApp  # noqa: E402


async def main(size: tuple[int, int] = (120, 36)) -> None:
    app = EvenhandApp(str(ROOT / "examples" / "slanted-right.txt"))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        await pilot.press("n", "n")
        await pilot.pause(0.2)
        app.save_screenshot(filename="tui.svg", path=str(ROOT / "docs"))


if __name__ == "__main__":
    asyncio.run(main())
