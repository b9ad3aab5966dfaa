"""Paragraph-level precision and recall of the HTML extractors on our own web-page fixtures.

    .venv/bin/python benchmarks/bench_extract.py            # table (Markdown), as in docs/evaluation.md
    .venv/bin/python benchmarks/bench_extract.py --json     # the same figures as JSON

Each page in ``tests/fixtures/web/`` (made up by us, laid out as news sites are) comes with
``NAME.expected.txt``: the headline, subheadings and paragraphs it should yield.  Both
extractors read the page's bytes the way evenhand read them in their time:

- ``baseline``: the hand-written extractor evenhand shipped until trafilatura replaced it
  (``benchmarks/baseline_extract.py``), after ``summarizer.read.decode`` (UTF-8, else cp1252);
- ``trafilatura``: ``summarizer.load.load_path`` (declared charset, trafilatura, our layout).

A produced paragraph counts as correct when it matches an expected paragraph not yet
matched, with white space collapsed and a difflib ratio of at least 0.9 (a changed quotation
mark or a dropped word still counts; a paragraph merged with another, or with a caption, does
not).  Precision = correct / produced, recall = matched / expected, both over all pages
together (micro-averaged); a page an extractor refuses produces nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from baseline_extract import html_to_text  # noqa: E402

from summarizer.errors import InputError  # noqa: E402
from summarizer.load import load_path  # noqa: E402
from summarizer.read import decode  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "web"
THRESHOLD = 0.9


def paragraphs(text: str) -> list[str]:
    return [" ".join(block.split()) for block in text.split("\n\n") if block.strip()]


def baseline(path: Path) -> str:
    return html_to_text(decode(path.read_bytes(), source=str(path)).text)


def trafilatura(path: Path) -> str:
    return load_path(path).text


def score(produced: list[str], expected: list[str], threshold: float = THRESHOLD) -> int:
    """How many produced paragraphs match an expected one (each expected one matched once)."""
    left = list(expected)
    correct = 0
    for paragraph in produced:
        best, best_ratio = None, 0.0
        for index, candidate in enumerate(left):
            ratio = 1.0 if candidate == paragraph else SequenceMatcher(None, candidate, paragraph).ratio()
            if ratio > best_ratio:
                best, best_ratio = index, ratio
        if best is not None and best_ratio >= threshold:
            correct += 1
            left.pop(best)
    return correct


def measure() -> dict[str, dict[str, float | int | dict[str, list[int]]]]:
    pages = sorted(FIXTURES.glob("*.html"))
    results: dict[str, dict[str, float | int | dict[str, list[int]]]] = {}
    for name, extractor in (("baseline", baseline), ("trafilatura", trafilatura)):
        produced_total = expected_total = correct_total = exact_total = 0
        per_page: dict[str, list[int]] = {}
        started = time.perf_counter()
        for page in pages:
            expected = paragraphs(page.with_suffix("").with_suffix(".expected.txt").read_text(encoding="utf-8"))
            try:
                produced = paragraphs(extractor(page))
            except InputError:
                produced = []
            correct = score(produced, expected)
            exact_total += score(produced, expected, 1.0)
            per_page[page.stem] = [correct, len(produced), len(expected)]
            produced_total += len(produced)
            expected_total += len(expected)
            correct_total += correct
        seconds = time.perf_counter() - started
        precision = correct_total / produced_total if produced_total else 0.0
        recall = correct_total / expected_total if expected_total else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        results[name] = {
            "pages": len(pages), "produced": produced_total, "expected": expected_total, "correct": correct_total,
            "exact": exact_total,
            "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "ms_per_page": round(1000 * seconds / max(1, len(pages)), 1), "per_page": per_page,
        }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()
    results = measure()
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print("| extractor | pages | paragraphs produced | expected | correct | of which exact | precision | recall "
          "| F1 | ms/page |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, r in results.items():
        print(f"| {name} | {r['pages']} | {r['produced']} | {r['expected']} | {r['correct']} | {r['exact']} | "
              f"{r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | {r['ms_per_page']} |")
    print()
    print("| page | baseline correct/produced/expected | trafilatura correct/produced/expected |")
    print("| --- | ---: | ---: |")
    base, traf = results["baseline"]["per_page"], results["trafilatura"]["per_page"]
    assert isinstance(base, dict) and isinstance(traf, dict)
    for page in base:
        print(f"| {page} | {'/'.join(map(str, base[page]))} | {'/'.join(map(str, traf[page]))} |")


if __name__ == "__main__":
    main()
