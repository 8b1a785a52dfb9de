"""`pipeline translate`: real engines on copies of the sample project; review state is sacred."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import polib
import pytest
from conftest import REPO, run

from pipeline import catalogs as catalogs_module
from pipeline.config import load_config
from pipeline.engines.base import Output
from pipeline.engines.pseudo import PseudoEngine
from pipeline.errors import EngineError
from pipeline.glossary import load_glossary
from pipeline.masking import mask, unmask
from pipeline.translate import review_flags, translate

EPOCH = "1767225600"


@pytest.fixture(scope="session")
def models(tiny_argos: dict[str, Path]) -> dict[str, Path]:
    return tiny_argos


@pytest.fixture
def fresh(sample: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The sample project with freshly extracted, untranslated catalogs and no argos models."""
    shutil.rmtree(sample / "locales", ignore_errors=True)
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "no-models"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.setenv("PIPELINE_ARGOS_COMPUTE_TYPE", "float32")
    assert run(sample, "extract").exit_code == 0
    return sample


def catalogs_of(root: Path, lang: str) -> dict[str, polib.POFile]:
    folder = root / "locales" / lang / "LC_MESSAGES"
    return {p.stem: polib.pofile(str(p)) for p in sorted(folder.glob("*.po"))}


def live(po: polib.POFile) -> list[polib.POEntry]:
    return [e for e in po if not e.obsolete]


def approve(root: Path, lang: str, count: int, *, docs: tuple[str, ...] = ()) -> None:
    """Approve the first `count` entries of each catalog (or of `docs`) by hand."""
    for doc, po in catalogs_of(root, lang).items():
        if docs and doc not in docs:
            continue
        for i, entry in enumerate(live(po)[:count]):
            entry.msgstr = f"APROBADO {i}: {entry.msgid[:20]}"
            entry.flags = [f for f in entry.flags if f != "fuzzy"]
            entry.tcomment = "revisado por M. García"
        po.save()


def approved_blocks(root: Path, lang: str) -> dict[str, list[str]]:
    """The exact text of every approved entry, per catalog file."""
    return {p.name: [b for b in p.read_text("utf-8").split("\n\n") if 'msgstr "APROBADO' in b]
            for p in sorted((root / "locales" / lang).rglob("*.po"))}


def _glossary_terms(lang: str) -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    """(any English form, any form in `lang`) of each sample glossary term, read straight
    from the CSV: a term the source names must be in the draft in one of its agreed forms."""
    with open(REPO / "glossary" / "medical.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))

    def forms(cell: str, exact: bool) -> re.Pattern[str]:
        alternatives = "|".join(re.escape(f.strip()) for f in cell.split("|") if f.strip())
        return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", 0 if exact else re.I)

    return [(forms(row["en"], row["case"] == "yes"), forms(row[lang], row["case"] == "yes"))
            for row in rows if row[lang].strip() and not row["dnt"].strip()]


def _terms_named(text: str, terms: list[tuple[re.Pattern[str], re.Pattern[str]]]
                 ) -> list[re.Pattern[str]]:
    """The target forms of the terms `text` names, longest mention first, none overlapping
    ("CAR-T cell therapy" is one term, not also "T cell")."""
    found = sorted(((m.start(), m.end(), target) for english, target in terms
                    for m in english.finditer(text)), key=lambda f: f[0] - f[1])
    taken: list[tuple[int, int]] = []
    named = []
    for start, end, target in found:
        if all(end <= a or start >= b for a, b in taken):
            taken.append((start, end))
            named.append(target)
    return named


def test_sample_es_is_filled_by_apertium_with_glossary_terms(fresh: Path) -> None:
    result = run(fresh, "translate", "--lang", "es")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert re.fullmatch(r"es: translated (\d+) segments with apertium, 0 from translation "
                        r"memory \(\1 entries\) in \d+\.\d s, \d+ segments/s"
                        r"(, checked in \d+ worker process(es)?)?", lines[0])
    assert lines[1].startswith("    flags: ") and " unknown-word " in lines[1]
    assert lines[-1] == "machine output is marked fuzzy: review it, then remove the fuzzy flag"
    glossary = load_glossary(fresh / "glossary")
    terms = _glossary_terms("es")
    # a warning-only concept (no translation to place, a forbidden word) is flagged, not fixed
    warning = "qa: glossary: forbidden term 'cells': \"celda\" is not allowed here"
    warned = 0
    for doc, po in catalogs_of(fresh, "es").items():
        path = fresh / "locales" / "es" / "LC_MESSAGES" / f"{doc}.po"
        subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(path)], check=True)
        for entry in live(po):
            assert entry.msgstr and "fuzzy" in entry.flags, entry.msgid
            comments = entry.tcomment.splitlines()
            assert comments[0].startswith("mt: apertium 3.") and "eng-spa" in comments[0]
            assert comments[1].startswith(f"mt: glossary {glossary.fingerprint}; pipeline ")
            warned += warning in comments
            assert not [c for c in comments if c.startswith(("qa: mask-lost", "qa: glossary"))
                        and c != warning]
            for spanish in _terms_named(entry.msgid, terms):
                assert spanish.search(entry.msgstr), (spanish.pattern, entry.msgstr)
            assert "ZXQ" not in entry.msgstr
    assert warned > 0    # Apertium writes "celdas" for the body's cells: the reviewer is told
    po = catalogs_of(fresh, "es")["car-t-or-transplant"]
    title = po.find("CAR-T cell therapy or allogeneic stem cell transplant for refractory "
                    "leukemia?")
    assert title is not None and title.msgstr.startswith("Terapia con células CAR-T o ")


def _children() -> set[int]:
    """This process's child processes (from /proc: ours are found by their parent)."""
    me, found = os.getpid(), set()
    for status in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = status.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == me:
            found.add(int(status.parent.name))
    return found


def test_a_run_leaves_no_engine_thread_or_process_behind(fresh: Path) -> None:
    """Run in-process (the review app, a test), translate ends what it started: Apertium's
    processes and the engine worker threads (they piled up, one set per run)."""
    import threading
    threads, children = set(threading.enumerate()), _children()
    assert run(fresh, "translate", "--lang", "es").exit_code == 0
    assert run(fresh, "translate", "--lang", "es", "--refresh-fuzzy").exit_code == 0
    for thread in set(threading.enumerate()) - threads:
        thread.join(timeout=10)
        assert not thread.is_alive(), thread
    assert _children() - children == set()


def test_pseudo_fills_every_language(fresh: Path) -> None:
    result = run(fresh, "translate", "--engine", "pseudo")
    assert result.exit_code == 0, result.output
    config = load_config(fresh)
    for lang in config.languages:
        for po in catalogs_of(fresh, lang.tag).values():
            for entry in live(po):
                assert entry.msgstr.startswith("⟦") and entry.msgstr.endswith("⟧")
                assert "fuzzy" in entry.flags
                assert entry.tcomment.startswith("mt: pseudo ")
        assert f"{lang.tag}: translated " in result.output


def test_without_an_engine_one_line_says_how_to_get_one(fresh: Path) -> None:
    result = run(fresh, "translate", "--lang", "fr")
    assert result.exit_code == 2
    assert result.output == ("error: no engine translates en→fr (tried: argos, apertium) (get an "
                             "en→fr argos model and install it with 'pipeline models install "
                             "FILE.argosmodel', or configure a model under "
                             "[tool.pipeline.models])\n")
    everything = run(fresh, "translate")
    assert everything.exit_code == 0
    fr = [line for line in everything.output.splitlines() if line.startswith("fr:")]
    assert fr == [re.sub(r"^error: ", "fr: 152 segments not translated: ", result.output.strip())]
    assert all(not e.msgstr for po in catalogs_of(fresh, "fr").values() for e in live(po))


@pytest.mark.parametrize("args", [("--engine", "pseudo"), ("--refresh-fuzzy",),
                                  ("--engine", "apertium", "--refresh-fuzzy")])
def test_approved_entries_stay_byte_identical(fresh: Path, args: tuple[str, ...]) -> None:
    approve(fresh, "es", 5)
    run(fresh, "translate", "--lang", "es", "--engine", "pseudo")
    before = {p: p.read_bytes() for p in (fresh / "locales" / "es").rglob("*.po")}
    blocks = approved_blocks(fresh, "es")
    assert sum(map(len, blocks.values())) == 10
    assert run(fresh, "translate", "--lang", "es", *args).exit_code == 0
    assert approved_blocks(fresh, "es") == blocks
    if "--refresh-fuzzy" not in args:
        assert {p: p.read_bytes() for p in before} == before


def test_translation_memory_reuses_approved_entries(project: Path) -> None:
    (project / "source" / "copy.md").write_text(
        (project / "source" / "dosing.md").read_text("utf-8"), "utf-8")
    assert run(project, "extract").exit_code == 0
    approve(project, "es", 3, docs=("dosing",))  # copy.md has the same msgids
    result = run(project, "translate", "--lang", "es", "--engine", "pseudo")
    assert result.exit_code == 0
    assert ", 3 from translation memory (" in result.output
    copy = catalogs_of(project, "es")["copy"]
    for i, entry in enumerate(live(copy)[:3]):
        assert entry.msgstr == f"APROBADO {i}: {entry.msgid[:20]}"
        assert "fuzzy" in entry.flags
        assert re.fullmatch(r"mt: translation memory \(approved in dosing\)\n"
                            r"mt: output [0-9a-f]{12}", entry.tcomment)


def test_refresh_fuzzy_redoes_machine_output_only(fresh: Path) -> None:
    assert run(fresh, "translate", "--lang", "es", "--engine", "pseudo").exit_code == 0
    po = catalogs_of(fresh, "es")["travelling-for-treatment"]
    human = live(po)[0]
    human.msgstr, human.tcomment = "Traducción anterior", "revisar: el original cambió"
    po.save()
    assert run(fresh, "translate", "--lang", "es").output.startswith("es: nothing to translate")
    assert run(fresh, "translate", "--lang", "es", "--refresh-fuzzy").exit_code == 0
    po = catalogs_of(fresh, "es")["travelling-for-treatment"]
    assert live(po)[0].msgstr == "Traducción anterior" and "fuzzy" in live(po)[0].flags
    for entry in live(po)[1:]:
        assert entry.tcomment.startswith("mt: apertium ") and "⟦" not in entry.msgstr


def test_dry_run_writes_nothing(fresh: Path) -> None:
    before = {p: p.read_bytes() for p in (fresh / "locales").rglob("*.po")}
    result = run(fresh, "translate", "--dry-run", "--lang", "es")
    assert result.exit_code == 0
    assert result.output == ("es: would translate 152 segments with apertium, 0 from "
                             "translation memory (152 entries)\n")
    assert {p: p.read_bytes() for p in before} == before


def test_rerun_calls_no_engine_and_comments_survive_extract(fresh: Path) -> None:
    config = load_config(fresh)
    progress: list[tuple[str, int, int]] = []
    first = translate(config, langs=("es",), progress=lambda *a: progress.append(a))
    # Apertium gets its first 64 segments as soon as they are found, then the rest
    assert first.engine_calls == len(progress) > 1 and progress[-1] == ("es", 152, 152)
    assert [done for _, done, _ in progress] == sorted({done for _, done, _ in progress})
    engines: dict[str, object] = {}
    again = translate(config, langs=("es",), engines=engines)  # type: ignore[arg-type]
    assert again.engine_calls == 0 and engines == {} and again.languages[0].entries == 0
    before = catalogs_of(fresh, "es")
    assert run(fresh, "extract").exit_code == 0
    after = catalogs_of(fresh, "es")
    for doc, po in before.items():
        for old, new in zip(live(po), live(after[doc]), strict=True):
            assert (new.msgstr, new.tcomment, new.flags) == (old.msgstr, old.tcomment, old.flags)


def test_copy_model_restores_every_mask_and_places_glossary_terms(
        fresh: Path, models: dict[str, Path]) -> None:
    """The copy model gives back what it was given: the English with every mask restored and
    every glossary term in its French form, as reviewed once in the golden file
    tests/data/golden/copy-model-fr.json (PIPELINE_REGOLD=1 rewrites it; review the diff)."""
    assert run(fresh, "models", "install", str(models["copy"])).exit_code == 0
    result = run(fresh, "translate", "--lang", "fr")
    assert result.exit_code == 0, result.output
    assert "fr: translated 152 segments with argos" in result.output
    got = sorted([entry.msgid, entry.msgstr] for po in catalogs_of(fresh, "fr").values()
                 for entry in live(po))
    for po in catalogs_of(fresh, "fr").values():
        for entry in live(po):
            assert "mask-lost" not in entry.tcomment and "ZXQ" not in entry.msgstr
            assert entry.tcomment.startswith("mt: argos translate-en_fr-copy 1.0 (ctranslate2")
    golden = REPO / "tests" / "data" / "golden" / "copy-model-fr.json"
    if os.environ.get("PIPELINE_REGOLD"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=0) + "\n", "utf-8")
    assert got == json.loads(golden.read_text("utf-8"))


def test_random_model_output_is_flagged_and_never_loses_a_mask_silently(
        project: Path, models: dict[str, Path], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "packages"))
    monkeypatch.setenv("PIPELINE_ARGOS_BEAM", "1")
    assert run(project, "models", "install", str(models["random"])).exit_code == 0
    assert run(project, "extract").exit_code == 0
    result = run(project, "translate", "--lang", "zh", "--engine", "argos")
    assert result.exit_code == 0, result.output
    assert "mask-lost " in result.output and "script " in result.output
    glossary = load_glossary(project / "glossary")
    for po in catalogs_of(project, "zh").values():
        for entry in live(po):
            assert "fuzzy" in entry.flags and "qa: " in entry.tcomment
            assert "ZXQ" not in entry.msgstr and "\n" not in entry.msgstr
            masked = mask(entry.msgid, glossary=glossary, lang="zh", style="word")
            kept = all(m.replacement in entry.msgstr for m in masked.masks)
            assert kept or "qa: mask-lost: " in entry.tcomment
    assert run(project, "translate", "--lang", "zh").output == "zh: nothing to translate\n"


@pytest.mark.parametrize(("source", "output", "expected"), [
    # the registered checks' own messages: translate's flags and `pipeline check` agree
    ("Take 2 tablets.", "Tome 3 comprimidos.",
     ["numbers: numbers differ: 2 of the source missing; 3 not in the source"]),
    ("Take 2.5 mg.", "Tome 2,5 mg.", []),          # review_flags once called this a change
    ("Take two tablets.", "Tome 2 comprimidos.", []),
    ("Call **now**.", "Llame ahora.", ["markup: inline markup differs: missing strong"]),
    ("A long enough sentence here.", "", ["empty: the engine returned nothing"]),
    ("This sentence stays in English.", "This sentence stays in English.",
     ["same-as-source: translation is identical to the source"]),
    ("Short text for a check.", "да да да да да да",    # no full stop: cut off as well
     ["omission: the source ends its sentence but the translation stops at “…да да да да да "
      "да” with no end: is the rest cut off?", "repetition: 'да' repeated"]),
    ("A short text for the length check.", "Длинный текст. " * 7,
     ["length: translation is 3.1× the length of the source (usual for ru: about 1.1×)"]),
    ("Short text for a check.", "Short text for the check.",
     ["leftover-english: English left in the translation: text, for, the, check",
      "script: mostly not in the ru script (Cyrillic: 15 of 15 letters foreign); was it "
      "left untranslated?"]),
])
def test_review_flags(source: str, output: str, expected: list[str]) -> None:
    russian = re.search("[а-яД]", output) or "the check" in output
    assert review_flags(source, output, lang="ru" if russian else "es",
                        glossary=None) == expected


def test_masks_lost_or_damaged_are_reported() -> None:
    masked = mask("Take 5 mg with `water` at https://x.org.", glossary=None, lang="es")
    assert masked.text == "Take ZXQ0 with ZXQ1 at ZXQ2."
    assert unmask("Tome ZXQ0 con ZXQ1 en ZXQ2.", masked).text == \
        "Tome 5 mg con `water` en https://x.org."
    assert [m.token for m in unmask("Tome ZXQ0 con en ZXQ2 ZXQ2.", masked).lost] == \
        ["ZXQ1", "ZXQ2"]
    assert [m.kind for m in unmask("Tome ZXQ0 ZXQ1 ZXQ2 zxq 7.", masked).lost] == ["debris"]


# The child SIGKILLs itself right after the journal's third batch: mid-run, without timing.
KILLER = """
import os, signal, sys
from pathlib import Path
from pipeline import translate as stage
from pipeline.config import load_config
from pipeline.engines.apertium import ApertiumEngine
engine = ApertiumEngine()
engine.batch_size = 8
real, batches = stage._Journal.append, [0]
def append(self, records):
    real(self, records)
    batches[0] += 1
    if batches[0] == 3:
        os.kill(os.getpid(), signal.SIGKILL)
stage._Journal.append = append
stage.translate(load_config(Path(sys.argv[1])), langs=("es",), engines={"apertium": engine})
"""


def test_killed_run_resumes_to_the_same_result(fresh: Path, tmp_path: Path) -> None:
    reference = tmp_path / "reference"
    shutil.copytree(fresh, reference)
    assert run(reference, "translate", "--lang", "es").exit_code == 0
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.run([sys.executable, "-c", KILLER, str(fresh)], env=env)
    assert child.returncode == -signal.SIGKILL
    journal = fresh / ".pipeline" / "translate-es.journal"
    # killed mid-run: the finished batches are in the journal, every catalog still parses
    assert len(journal.read_text("utf-8").splitlines()) == 24
    assert all(catalogs_of(fresh, "es").values())
    result = run(fresh, "translate", "--lang", "es")
    assert result.exit_code == 0
    assert not journal.exists()
    for path in sorted((reference / "locales").rglob("*.po")):
        resumed = fresh / path.relative_to(reference)
        assert resumed.read_text("utf-8") == path.read_text("utf-8")


class DiesMidBatch(PseudoEngine):
    """Pseudo-localization whose every batch stops half-way with an error."""

    def translate_each(self, segments: list[str], *, source: str,
                       target: str) -> Iterator[Output]:
        outputs = self.translate_notes(segments, source=source, target=target)
        yield from outputs[:len(outputs) // 2]
        raise EngineError("the engine died mid-batch")


class OneShort(PseudoEngine):
    """Pseudo-localization that loses the last output of every batch."""

    def translate_each(self, segments: list[str], *, source: str,
                       target: str) -> Iterator[Output]:
        yield from self.translate_notes(segments, source=source, target=target)[:-1]


@pytest.mark.parametrize(("engine", "message"), [
    (DiesMidBatch, "the engine died mid-batch"),
    (OneShort, r"pseudo returned (\d+) outputs for (\d+) segments"),
])
def test_a_batch_that_fails_half_way_writes_nothing(fresh: Path, engine: type[PseudoEngine],
                                                     message: str) -> None:
    """Outputs arrive one by one; none is written unless the whole batch came back."""
    before = {p: p.read_bytes() for p in (fresh / "locales").rglob("*.po")}
    with pytest.raises(EngineError, match=message) as info:
        translate(load_config(fresh), langs=("es",), engine="pseudo",
                  engines={"pseudo": engine()})
    counts = re.search(message, str(info.value))
    assert counts is not None and len(counts.groups()) in (0, 2)
    if counts.groups():   # one short of what was sent
        assert int(counts.group(1)) == int(counts.group(2)) - 1
    assert {p: p.read_bytes() for p in before} == before
    assert not (fresh / ".pipeline" / "translate-es.journal").exists()


def test_rerun_after_one_edit_parses_only_the_changed_catalog(
        fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run(fresh, "translate", "--lang", "es", "--engine", "pseudo").exit_code == 0
    source = fresh / "source" / "travelling-for-treatment.md"
    source.write_text(source.read_text("utf-8") + "\nBring a warm jacket for the flight.\n")
    assert run(fresh, "extract").exit_code == 0
    parsed: list[str] = []
    real = catalogs_module.read_catalog

    def spy(path: Path, *, shown: str | None = None, strict: bool = False) -> object:
        parsed.append(Path(path).name)
        return real(path, shown=shown, strict=strict)

    monkeypatch.setattr(catalogs_module, "read_catalog", spy)
    result = run(fresh, "translate", "--lang", "es", "--engine", "pseudo")
    assert "translated 1 segment with pseudo" in result.output
    assert parsed == ["travelling-for-treatment.po"]
    po = catalogs_of(fresh, "es")["travelling-for-treatment"]
    entry = po.find("Bring a warm jacket for the flight.")
    assert entry.msgstr and "fuzzy" in entry.flags


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.name != ".pipeline.lock"}


PLURALS = ('\nmsgid "One pill"\nmsgid_plural "%d pills"\nmsgstr[0] "a"\nmsgstr[1] "b"\n'
           'msgstr[2] "c"\n')


@pytest.mark.parametrize(("args", "damage", "message"), [
    (("translate", "--engine", "pseudo"), 'msgid "Unclosed\n',
     "unterminated string or invalid escape"),
    (("translate", "--engine", "pseudo"), PLURALS, "msgstr[2]"),
    (("extract",), PLURALS, "msgstr[2]"),
])
def test_a_broken_later_catalog_stops_the_run_before_any_write(
        fresh: Path, args: tuple[str, ...], damage: str, message: str) -> None:
    """es comes before zh in the config: a broken zh catalog must not leave es half-done."""
    broken = fresh / "locales/zh/LC_MESSAGES/car-t-or-transplant.po"
    broken.write_text(broken.read_text("utf-8") + damage, "utf-8")
    before = snapshot(fresh)
    result = run(fresh, *args)
    assert result.exit_code == 2
    assert result.output.startswith("error: locales/zh/LC_MESSAGES/car-t-or-transplant.po:")
    assert message in result.output and len(result.output.splitlines()) == 1
    assert snapshot(fresh) == before


def test_a_named_language_without_an_engine_stops_before_any_write(fresh: Path) -> None:
    before = snapshot(fresh)
    result = run(fresh, "translate", "--lang", "es", "--lang", "fr")
    assert result.exit_code == 2
    assert "no engine translates en→fr" in result.output
    assert snapshot(fresh) == before


def test_refresh_never_replaces_reviewed_or_edited_text(fresh: Path) -> None:
    """Found by the reliability state machine: an approved machine draft whose sentence then
    changed became fuzzy with its old `mt:` comments, and --refresh-fuzzy overwrote it."""
    assert run(fresh, "translate", "--lang", "es", "--engine", "pseudo").exit_code == 0
    path = fresh / "locales/es/LC_MESSAGES/travelling-for-treatment.po"
    po = polib.pofile(str(path))
    approved, edited = live(po)[2], live(po)[3]
    approved.flags.remove("fuzzy")  # approved as it was; its mt: comments stay, as in Poedit
    edited.msgstr = "Texto corregido a mano."  # corrected but still awaiting review
    po.save()
    source = fresh / "source" / "travelling-for-treatment.md"
    source.write_text(source.read_text("utf-8").replace(
        approved.msgid, approved.msgid.replace("organise", "organise well")), "utf-8")
    assert run(fresh, "extract").exit_code == 0
    assert run(fresh, "translate", "--lang", "es", "--engine", "pseudo",
               "--refresh-fuzzy").exit_code == 0
    after = {e.msgid: e for e in polib.pofile(str(path))}
    carried = after[approved.msgid.replace("organise", "organise well")]
    assert (carried.msgstr, carried.previous_msgid) == (approved.msgstr, approved.msgid)
    assert after[edited.msgid].msgstr == "Texto corregido a mano."
