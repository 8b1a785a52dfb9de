"""Write the sample project's sign-offs (fictional sample reviewers) for its released languages.

Run from the repository root after the released sample catalogs change:
    PYTHONPATH=. .venv/bin/python scripts/sample_signoffs.py
Each translator signs every approved entry; the sample clinician signs the critical ones.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.config import load_config
from pipeline.review.signoff import document_states, sign

TRANSLATORS = {
    "ar": "Amal Sample <amal.sample@example.org>",
    "ru": "Olga Sample <olga.sample@example.org>",
    "zh": "Wei Sample <wei.sample@example.org>",
}
CLINICIAN = "Dr Dana Sample <dana.sample@example.org>"


def main() -> None:
    config = load_config(Path.cwd())
    for lang, translator in TRANSLATORS.items():
        sign(config, lang=lang, reviewer=translator, role="translator",
             now="2026-11-27T09:30:00Z")
        for doc in ("car-t-or-transplant", "travelling-for-treatment"):
            for state in document_states(config, lang=lang, doc=doc):
                if state.state == "second-review":
                    sign(config, lang=lang, reviewer=CLINICIAN, role="clinician", docs=[doc],
                         entry=state.msgid, now="2026-11-28T14:00:00Z")


if __name__ == "__main__":
    main()
