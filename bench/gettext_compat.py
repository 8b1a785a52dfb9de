"""Byte compatibility with GNU msgcat on every catalog Django ships (~1,200 in ~100 languages).

    .venv/bin/python bench/gettext_compat.py

Prints how many of them the pipeline renders exactly as `msgcat` does, and the time of each
side: our render of all catalogs, and polib's own str() of the same parsed catalogs.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

from pipeline import catalogs  # noqa: E402


def main() -> int:
    files = sorted(Path(django.__file__).parent.rglob("*.po"))
    parsed = [catalogs.read_catalog(p) for p in files]
    started = time.perf_counter()
    rendered = [catalogs.render(po) for po in parsed]
    ours = time.perf_counter() - started
    started = time.perf_counter()
    for po in parsed:
        str(po)
    polib_time = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        def same(item: tuple[int, str]) -> bool:
            index, text = item
            out = Path(tmp) / f"{index}.po"
            out.write_text(text, "utf-8")
            peer = subprocess.run(["msgcat", str(out)], capture_output=True, text=True,
                                  check=True).stdout
            return peer == text

        with ThreadPoolExecutor(max_workers=4) as pool:
            identical = sum(pool.map(same, enumerate(rendered)))
    entries = sum(len(po) for po in parsed)
    print(f"{identical}/{len(files)} catalogs identical to msgcat ({entries:,} entries)")
    print(f"render: pipeline {ours:.2f} s, polib str() {polib_time:.2f} s "
          f"(ratio {ours / polib_time:.2f})")
    return 0 if identical == len(files) else 1


if __name__ == "__main__":
    raise SystemExit(main())
