"""Masking keeps numbers and unit symbols fixed and leaves time and range words to the engine."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline import catalogs
from pipeline.engines.apertium import ApertiumEngine
from pipeline.engines.argos import ArgosEngine, ArgosSettings
from pipeline.engines.packages import install
from pipeline.engines.pseudo import PseudoEngine
from pipeline.masking import mask, unmask

ROOT = Path(__file__).resolve().parent.parent

CASES = [
    ("Take 500 mg every 6 hours.", ["500 mg", "6"], "Take ZXQ0 every ZXQ1 hours."),
    ("Often 4 to 12 weeks", ["4", "12"], "Often ZXQ0 to ZXQ1 weeks"),
    ("Wait approx. 30 minutes.", ["30"], "Wait approx. ZXQ0 minutes."),
    ("Inject 14 units of insulin.", ["14"], "Inject ZXQ0 units of insulin."),
    ("Store at 2–8 °C, 2 mg/kg, 1.5 m² and 3-4 days.", ["2–8 °C", "2 mg/kg", "1.5 m²", "3-4"],
     "Store at ZXQ0, ZXQ1, ZXQ2 and ZXQ3 days."),
    ("Give 4 to 12 mg daily.", ["4", "12 mg"], "Give ZXQ0 to ZXQ1 daily."),
]
ENGLISH_TIME = re.compile(r"\b(hours?|weeks?|minutes?|units?|days?|months?|approx\.?)\b", re.I)


@pytest.mark.parametrize(("text", "masked", "engine_sees"), CASES)
def test_only_numbers_and_unit_symbols_are_masked(text: str, masked: list[str],
                                                  engine_sees: str) -> None:
    result = mask(text, glossary=None, lang="es")
    assert [m.original for m in result.masks] == masked
    assert result.text == engine_sees


def test_apertium_translates_time_and_range_words() -> None:
    engine = ApertiumEngine()
    sources = ["Take 500 mg every 6 hours.", "Often 3 to 6 weeks", "Wait approx. 30 minutes.",
               "Inject 14 units of insulin.", "It takes approx. 3 to 6 hours."]
    items = [mask(s, glossary=None, lang="es", style=engine.mask_style) for s in sources]
    outputs = engine.translate_notes([m.text for m in items], source="en", target="es")
    restored = [unmask(o.text, m) for o, m in zip(outputs, items, strict=True)]
    assert not any(r.lost for r in restored)
    assert [r.text for r in restored] == [
        "Toma 500 mg cada 6 horas.", "A menudo 3 a 6 semanas",
        "Espera aproximadamente 30 minutos.", "Inyecta 14 unidades de insulina.",
        "Toma aproximadamente 3 a 6 horas."]


def test_pseudo_engine_sees_the_time_words() -> None:
    engine = PseudoEngine()
    item = mask("Take 500 mg every 6 hours.", glossary=None, lang="fr", style=engine.mask_style)
    [out] = engine.translate_batch([item.text], source="en", target="fr")
    text = unmask(out, item).text
    assert "500 mg" in text and " 6 " in text and "ĥöûŕš" in text and "hours" not in text


def test_tiny_argos_engines_round_trip_counts_and_words(tmp_path: Path,
                                                       tiny_argos: dict[str, Path]) -> None:
    built = tiny_argos
    settings = ArgosSettings(compute_type="float32", beam=2, threads=1)
    copy = ArgosEngine(packages=[install(built["copy"], folder=tmp_path / "p")],
                       settings=settings)
    rand = ArgosEngine(packages=[install(built["random"], folder=tmp_path / "q")],
                       settings=settings)
    source = "take two tablets every 6 hours for 4 to 12 weeks"
    item = mask(source, glossary=None, lang="fr", style=copy.mask_style)
    assert item.text == "take two tablets every ZXQ0 hours for ZXQ1 to ZXQ2 weeks"
    [out] = copy.translate_batch([item.text], source="en", target="fr")
    assert out == item.text  # the copy model returns what it was given: the words are the MT's
    assert unmask(out, item).text == source
    [noise] = rand.translate_batch([item.text], source="en", target="zh")
    assert isinstance(noise, str)  # a random model may drop tokens; translate retries then


def test_sample_spanish_drafts_have_no_english_time_words() -> None:
    for path in sorted((ROOT / "locales" / "es" / "LC_MESSAGES").glob("*.po")):
        for entry in catalogs.read_catalog(path, shown=path.name, strict=True):
            if entry.msgstr and "fuzzy" in entry.flags:
                assert not ENGLISH_TIME.search(entry.msgstr), (path.name, entry.msgstr)
