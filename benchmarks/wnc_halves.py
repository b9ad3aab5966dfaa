"""Split a WNC dev file in two halves by a hash of each record's id, for cross-validated tuning.

    python benchmarks/wnc_halves.py ../shared/data/wnc/wnc_biased_word_test.dev.jsonl /tmp/wnc

writes ``/tmp/wnc/dev_a.jsonl`` (the half rules were developed on) and ``/tmp/wnc/dev_b.jsonl``
(the half only measured).  The shared file is already the hash-even half of WNC's test split,
so this uses the first byte of the id's MD5, a different hash, and is deterministic.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path


def half(record_id: str) -> str:
    return "ab"[hashlib.md5(record_id.encode("utf-8")).digest()[0] % 2]


def main(source: str, target: str) -> None:
    out = Path(target)
    out.mkdir(parents=True, exist_ok=True)
    files = {h: (out / f"dev_{h}.jsonl").open("w", encoding="utf-8") for h in "ab"}
    counts = dict.fromkeys("ab", 0)
    with open(source, encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                h = half(json.loads(line)["id"])
                files[h].write(line)
                counts[h] += 1
    for f in files.values():
        f.close()
    print(f"dev_a.jsonl: {counts['a']} pairs, dev_b.jsonl: {counts['b']} pairs, in {out}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
