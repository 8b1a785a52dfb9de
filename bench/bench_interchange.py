"""XLIFF 2.1 / 1.2 and TMX on a ~20,000-segment corpus: export, an agency's edit, import.

Run: .venv/bin/python bench/bench_interchange.py [--docs 200]

Builds the generated corpus (bench/corpus.py), extracts it, fills Spanish with the pseudo
engine (machine drafts), then times `xliff export`, the import of a file in which every
target was changed and half of them marked reviewed, `extract` afterwards (must change
nothing), and `tm export` / `tm import`. Each step runs the real CLI in its own process.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH)]

from corpus import make_corpus  # noqa: E402

PIPELINE = [sys.executable, "-m", "pipeline"]
X2 = "{urn:oasis:names:tc:xliff:document:2.0}"
X1 = "{urn:oasis:names:tc:xliff:document:1.2}"


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def step(root: Path, *args: str) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds, last line said) of one CLI run in its own process."""
    started, cpu = time.perf_counter(), _cpu()
    done = subprocess.run([*PIPELINE, "--project", str(root), *args], capture_output=True,
                          text=True, check=True)
    return (time.perf_counter() - started, _cpu() - cpu,
            done.stdout.strip().splitlines()[-1])


def agency_edit(path: Path, version: str) -> int:
    """Change every target and mark every second unit reviewed, as a CAT tool saves it."""
    tree = etree.parse(str(path))
    if version == "2.1":
        segments = list(tree.getroot().iter(f"{X2}segment"))
        for n, segment in enumerate(segments):
            target = segment.find(f"{X2}target")
            if target is not None:
                target.text = "Agencia: " + (target.text or "")
            segment.set("state", "reviewed" if n % 2 else "translated")
            segment.attrib.pop("subState", None)
        count = len(segments)
    else:
        units = list(tree.getroot().iter(f"{X1}trans-unit"))
        for n, unit in enumerate(units):
            target = unit.find(f"{X1}target")
            if target is not None:
                target.text = "Agencia: " + (target.text or "")
                target.set("state", "translated")
                target.attrib.pop("state-qualifier", None)
            unit.set("approved", "yes" if n % 2 else "no")
        count = len(units)
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    return count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=200)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        root = make_corpus(Path(tmp) / "corpus", documents=args.docs)
        step(root, "extract")
        step(root, "translate", "--lang", "es", "--engine", "pseudo")
        for version in ("2.1", "1.2"):
            out = root / f"es-{version}.xlf"
            rows.append((f"xliff export {version}",
                         *step(root, "xliff", "export", "--lang", "es", "--version", version,
                               "-o", str(out))))
            units = agency_edit(out, version)
            rows.append((f"xliff import {version} ({units} units)",
                         *step(root, "xliff", "import", str(out))))
            rows.append(("extract afterwards", *step(root, "extract")))
        tmx = root / "es.tmx"
        rows.append(("tm export", *step(root, "tm", "export", "--lang", "es", "-o", str(tmx))))
        rows.append(("tm import", *step(root, "tm", "import", str(tmx))))
    width = max(len(r[0]) for r in rows)
    print(f"{'step':<{width}}  {'wall':>8}  {'CPU':>8}  last line")
    for name, seconds, cpu, said in rows:
        print(f"{name:<{width}}  {seconds:6.2f} s  {cpu:6.2f} s  {said[:100]}")


if __name__ == "__main__":
    main()
