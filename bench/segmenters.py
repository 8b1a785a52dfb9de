"""Measure sentence segmenters on the hard-case table (tests/data/segmentation.tsv).

Run: .venv/bin/python bench/segmenters.py   — prints accuracy and speed per candidate.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from pipeline.segment import split_sentences

TABLE = Path(__file__).parent.parent / "tests" / "data" / "segmentation.tsv"


def load_cases() -> list[tuple[str, list[str]]]:
    rows = [line.split("\t") for line in TABLE.read_text("utf-8").splitlines()
            if line and not line.startswith("#")]
    return [(text, expected.split(" || ")) for text, expected in rows]


def candidates() -> dict[str, Callable[[str], list[str]]]:
    found: dict[str, Callable[[str], list[str]]] = {"pipeline.segment": split_sentences}
    try:
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False)
        found["pysbd 0.3"] = lambda t: [s.strip() for s in seg.segment(t) if s.strip()]
    except ImportError:
        pass
    try:
        from syntok import segmenter

        def syntok_split(text: str) -> list[str]:
            out = []
            for paragraph in segmenter.analyze(text):
                for sentence in paragraph:
                    out.append("".join(t.spacing + t.value for t in sentence).strip())
            return out

        found["syntok 1.4"] = syntok_split
    except ImportError:
        pass
    return found


def main() -> None:
    cases = load_cases()
    corpus = [text for text, _ in cases] * 200
    print(f"{'segmenter':<18} {'correct':>9}  {'sentences/s':>12}  failures")
    for name, split in candidates().items():
        failures = [text for text, expected in cases if split(text) != expected]
        start = time.perf_counter()
        count = sum(len(split(text)) for text in corpus)
        rate = count / (time.perf_counter() - start)
        shown = "; ".join(f[:28] for f in failures[:4]) + (" …" if len(failures) > 4 else "")
        correct = f"{len(cases) - len(failures):>4}/{len(cases):<4}"
        print(f"{name:<18} {correct}  {rate:>12,.0f}  {shown}")


if __name__ == "__main__":
    main()
