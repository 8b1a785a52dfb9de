"""Benchmark: `pipeline check` vs translate-toolkit's `pofilter` on the same catalogs.

Builds a project of 10,000 segments (20 documents) translated into 5 languages (50,000
approved entries with numbers, units, negations, links and code spans), then times
`run_checks` (all checks, glossary included, report rendered) and `pofilter` (all of its
default tests, and only its numbers/printf/urls tests) over the same locales/ folder.

    .venv/bin/python bench/bench_check.py [--segments 10000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pipeline import catalogs
from pipeline.checks.report import render_json
from pipeline.checks.run import run_checks
from pipeline.config import load_config
from pipeline.extract import extract
from pipeline.files import atomic_write

REPO = Path(__file__).resolve().parent.parent
LANGS = ("es", "fr", "ru", "ar", "zh")
# English template → translations; {a}/{b} are numbers written the locale's way.
TEMPLATES = [
    ("Take {a} mg of the syrup {b} times a day.",
     {"es": "Tome {a} mg del jarabe {b} veces al día.",
      "fr": "Prenez {a} mg de sirop {b} fois par jour.",
      "ru": "Принимайте {a} мг сиропа {b} раза в день.",
      "ar": "تناول {a} ملغ من الشراب {b} مرات في اليوم.",
      "zh": "每天{b}次，每次服用{a}毫克糖浆。"}),
    ("If your temperature is **{a} °C or higher** on day {b}, call us at once.",
     {"es": "Si su temperatura es de **{a} °C o más** el día {b}, llámenos de inmediato.",
      "fr": "Si votre température atteint **{a} °C ou plus** le jour {b}, appelez-nous.",
      "ru": "Если температура **{a} °C или выше** на {b}-й день, сразу позвоните нам.",
      "ar": "إذا بلغت حرارتك **{a} °م أو أكثر** في اليوم {b}، اتصل بنا فورًا.",
      "zh": "如果第{b}天体温达到 **{a} °C 或更高**，请立即联系我们。"}),
    ("Do not eat for {b} hours before the {a} ml infusion.",
     {"es": "No coma durante {b} horas antes de la infusión de {a} ml.",
      "fr": "Ne mangez pas pendant {b} heures avant la perfusion de {a} ml.",
      "ru": "Не ешьте {b} часов до инфузии {a} мл.",
      "ar": "لا تأكل لمدة {b} ساعات قبل التسريب بحجم {a} مل.",
      "zh": "输注{a}毫升之前{b}小时内不要进食。"}),
    ("Read [the leaflet {b}](https://www.example-hospital.org/leaflets/{b}) and keep "
     "`REF-{b}` for your records.",
     {"es": "Lea [el folleto {b}](https://www.example-hospital.org/leaflets/{b}) y guarde "
            "`REF-{b}`.",
      "fr": "Lisez [la notice {b}](https://www.example-hospital.org/leaflets/{b}) et gardez "
            "`REF-{b}`.",
      "ru": "Прочитайте [листовку {b}](https://www.example-hospital.org/leaflets/{b}) и "
            "сохраните `REF-{b}`.",
      "ar": "اقرأ [النشرة {b}](https://www.example-hospital.org/leaflets/{b}) واحتفظ بـ "
            "`REF-{b}`.",
      "zh": "请阅读[说明书 {b}](https://www.example-hospital.org/leaflets/{b})并保存 "
            "`REF-{b}`。"}),
    ("Your dose is {a} mg/kg, given over {b} minutes.",
     {"es": "Su dosis es de {a} mg/kg, administrada en {b} minutos.",
      "fr": "Votre dose est de {a} mg/kg, administrée en {b} minutes.",
      "ru": "Ваша доза — {a} мг/кг, вводится за {b} минут.",
      "ar": "جرعتك {a} ملغ/كغ، تُعطى خلال {b} دقيقة.",
      "zh": "您的剂量为{a}毫克/千克，在{b}分钟内给药。"}),
]
DECIMAL = {"es": ",", "fr": ",", "ru": ",", "ar": ".", "zh": "."}
CONFIG = """[tool.pipeline]
project-name = "Benchmark"
engines = ["pseudo"]

[tool.pipeline.languages]
es = "released"
fr = "released"
ru = "released"
ar = "released"
zh = "released"
"""


def number(index: int, lang: str) -> str:
    whole, tenth = divmod(index, 10)
    return f"{whole % 900 + 1}{DECIMAL.get(lang, '.')}{tenth}"


def make_project(root: Path, segments: int, documents: int = 20) -> None:
    """A project whose sources, templates and approved catalogs hold `segments` segments."""
    (root / "source").mkdir(parents=True)
    (root / "pyproject.toml").write_text(CONFIG, "utf-8")
    shutil.copytree(REPO / "glossary", root / "glossary")
    per_doc = segments // documents
    table: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}
    for d in range(documents):
        paragraphs = []
        for i in range(per_doc):
            k = d * per_doc + i
            english, targets = TEMPLATES[k % len(TEMPLATES)]
            source = english.format(a=number(k, "en"), b=k + 1)
            paragraphs.append(source)
            for lang in LANGS:
                table[lang][source] = targets[lang].format(a=number(k, lang), b=k + 1)
        text = f"---\ntitle: Leaflet {d}\n---\n\n" + "\n\n".join(paragraphs) + "\n"
        (root / "source" / f"leaflet-{d:02}.md").write_text(text, "utf-8")
    config = load_config(root)
    extract(config)
    for lang in LANGS:
        for d in range(documents):
            path = catalogs.catalog_path(config.locales_dir, lang, f"leaflet-{d:02}")
            po = catalogs.read_catalog(path)
            for entry in po:
                entry.msgstr = table[lang].get(entry.msgid, f"Folleto {d}")
            atomic_write(path, catalogs.render(po))


def timed(label: str, func: object) -> float:
    start = time.perf_counter()
    func()  # type: ignore[operator]
    seconds = time.perf_counter() - start
    print(f"{label:<48} {seconds:7.2f} s")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="build the project here and keep it")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="bench-check-"))
    if not (root / "pyproject.toml").exists():
        make_project(root, args.segments)
    config = load_config(root)
    report = run_checks(config)
    print(f"{report.entries} approved entries in {report.catalogs} catalogs, "
          f"{len(report.findings)} findings")
    ours = timed("pipeline check (all checks, json rendered)",
                 lambda: render_json(run_checks(load_config(root))))
    pofilter = str(Path(sys.executable).parent / "pofilter")
    out = Path(tempfile.mkdtemp(prefix="bench-pofilter-"))
    theirs_all = timed("pofilter (default tests)", lambda: subprocess.run(
        [pofilter, "--progress=none", str(root / "locales"), str(out / "all")],
        check=True, capture_output=True))
    theirs_some = timed("pofilter -t numbers -t printf -t urls", lambda: subprocess.run(
        [pofilter, "--progress=none", "-t", "numbers", "-t", "printf", "-t", "urls",
         str(root / "locales"), str(out / "some")], check=True, capture_output=True))
    print(f"ratio pofilter (default) / pipeline check: {theirs_all / ours:.1f}x")
    print(f"ratio pofilter (3 tests) / pipeline check: {theirs_some / ours:.1f}x")
    shutil.rmtree(out, ignore_errors=True)
    if args.keep is None:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
