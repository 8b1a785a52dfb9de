"""A deterministic large corpus made from our own sample documents, with variation.

`make_corpus(root, documents=200)` writes a content project of `documents` articles
(about 100 segments each: ~20,000 segments) in five target languages. Each article takes
the sample articles' blocks, shuffles sections, changes numbers, names and a few words,
so that sentences repeat across documents only as often as they would in a real site.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CONFIG = """\
[tool.pipeline]
project-name = "Benchmark corpus"
engines = ["pseudo"]

[tool.pipeline.languages]
es = { status = "draft", engines = ["apertium", "pseudo"] }
fr = "draft"
ru = "draft"
ar = "draft"
zh = "draft"
"""
SWAPS = [("patient", "person"), ("doctor", "consultant"), ("hospital", "clinic"),
         ("treatment", "therapy"), ("week", "month"), ("caregiver", "family member"),
         ("blood", "bone marrow"), ("fever", "high temperature"), ("usually", "often"),
         ("important", "essential"), ("team", "care team"), ("small", "short")]


def _sections(text: str) -> tuple[str, list[str]]:
    """Front matter and the `## ` sections of a sample document."""
    _, front, body = text.split("---", 2)
    parts = re.split(r"(?m)^(?=## )", body)
    return front.strip(), [p.strip() for p in parts if p.strip()]


PHRASES = ("in most cases", "for many patients", "at our {city} site", "in {city} hospitals",
           "as your team will explain", "if your doctor agrees", "at our {city} centre",
           "for patients treated in {city}", "in the {city} clinic", "when you are ready",
           "after your first visit", "before the main treatment", "in our experience",
           "according to your care plan", "while you stay in {city}")
CITIES = ("Lisbon", "Madrid", "Lyon", "Kazan", "Dubai", "Shanghai", "Porto", "Seville",
          "Nantes", "Samara", "Doha", "Suzhou", "Valencia", "Lille", "Omsk", "Muscat")
QUARTERS = ("North", "South", "East", "West", "Central", "Riverside", "Old Town", "Harbour")


def _qualify(text: str, rng: random.Random) -> str:
    """Give most sentences a qualifier, so that documents share few identical sentences."""
    def sentence_end(match: re.Match[str]) -> str:
        if rng.random() < 0.25:
            return match.group(0)
        city = f"{rng.choice(CITIES)} {rng.choice(QUARTERS)}"
        phrase = rng.choice(PHRASES).format(city=city)
        return f", {phrase}{match.group(0)}"

    lines = []
    for line in text.splitlines():
        plain = line and not line.startswith(("#", "|", "!", "`", "    "))
        lines.append(re.sub(r"(?<=[a-z])\.(?=\s|$)", sentence_end, line) if plain else line)
    return "\n".join(lines)


def _vary(text: str, rng: random.Random) -> str:
    for old, new in rng.sample(SWAPS, 4):
        text = re.sub(rf"\b{old}\b", new, text)
    text = _qualify(text, rng)

    def number(match: re.Match[str]) -> str:
        value = match.group(0)
        return value if rng.random() < 0.6 else str(int(value) + rng.randint(1, 9))

    # Change some integers, never inside URLs, code or list numbering.
    return re.sub(r"(?<![\w/.`-])\d{1,3}(?![\w.`/])", number, text)


def make_corpus(root: Path, *, documents: int = 200, seed: int = 1) -> Path:
    rng = random.Random(seed)
    samples = [_sections((REPO / "source" / name).read_text("utf-8"))
               for name in ("car-t-or-transplant.md", "travelling-for-treatment.md")]
    (root / "source").mkdir(parents=True, exist_ok=True)
    (root / "glossary").mkdir(exist_ok=True)
    (root / "pyproject.toml").write_text(CONFIG, "utf-8")
    glossary = REPO / "glossary" / "medical.csv"
    (root / "glossary" / glossary.name).write_text(glossary.read_text("utf-8"), "utf-8")
    for n in range(documents):
        front, sections = samples[n % 2]
        extra = rng.sample(samples[(n + 1) % 2][1], k=3)
        chosen = rng.sample(sections, k=len(sections)) + extra
        title = f"Patient guide {n + 1}: " + front.splitlines()[0].split(":", 1)[1].strip()
        header = "\n".join(
            [f"title: {title!r}"] + [line for line in front.splitlines()[1:]])
        body = "\n\n".join(_vary(section, rng) for section in chosen)
        (root / "source" / f"guide-{n + 1:03}.md").write_text(
            f"---\n{header}\n---\n\n# {title}\n\n{body}\n", "utf-8")
    return root


if __name__ == "__main__":
    import sys

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/corpus")
    make_corpus(target, documents=int(sys.argv[2]) if len(sys.argv) > 2 else 200)
    print(target)
