"""XLIFF export/import: states honestly mapped, round trips through edits and translate-toolkit,
refusals, and that nothing unreviewed becomes approved."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from conftest import run
from hypothesis import given
from hypothesis import strategies as st
from interchange_structure import X1, X2, check_xliff2, check_xliff12
from lxml import etree
from translate.storage import xliff as tt_xliff
from translate.storage import xliff2 as tt_xliff2

from pipeline.interchange import inline

ES = "locales/es/LC_MESSAGES/car-t-or-transplant.po"
RU = "locales/ru/LC_MESSAGES/car-t-or-transplant.po"
PLAIN = ("If your leukemia has not gone away with treatment, or has come back, you may "
         "hear about two advanced options.")
BOLD = ("Leukemia is called **refractory** when it does not respond well enough to "
        "standard treatment.")


def export(root: Path, lang: str, version: str = "2.1", *extra: str) -> Path:
    out = root / f"{lang}-{version}.xlf"
    result = run(root, "xliff", "export", "--lang", lang, "--version", version, "-o", str(out),
                 *extra)
    assert result.exit_code == 0, result.output
    return out


def entries(root: Path, rel: str) -> dict[str, polib.POEntry]:
    return {e.msgid: e for e in polib.pofile(str(root / rel)) if not e.obsolete}


def units2(where: Path | etree._ElementTree) -> dict[str, etree._Element]:
    """English (as Markdown, from originalData) → unit element (of that parsed tree)."""
    found = {}
    tree = etree.parse(str(where)) if isinstance(where, Path) else where
    for unit in tree.getroot().iter(f"{X2}unit"):
        data = {d.get("id"): d.text for d in unit.iter(f"{X2}data")}
        found[_markdown2(unit.find(f"{X2}segment/{X2}source"), data)] = unit
    return found


def _markdown2(element: etree._Element, data: dict[str, str]) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag == f"{X2}ph":
            parts.append(data[child.get("dataRef")])
        else:
            parts += [data[child.get("dataRefStart")], _markdown2(child, data),
                      data[child.get("dataRefEnd")]]
        parts.append(child.tail or "")
    return "".join(parts)


def set_target2(unit: etree._Element, text: str | None, state: str) -> None:
    segment = unit.find(f"{X2}segment")
    segment.set("state", state)
    segment.attrib.pop("subState", None)
    if text is not None:
        target = segment.find(f"{X2}target")
        if target is None:
            target = etree.SubElement(segment, f"{X2}target")
        for child in list(target):
            target.remove(child)
        target.text = text


def save(tree_root: etree._Element, path: Path) -> None:
    path.write_bytes(etree.tostring(tree_root, xml_declaration=True, encoding="UTF-8"))


def test_states_are_mapped_honestly_in_both_versions(sample: Path) -> None:
    po = polib.pofile(str(sample / ES))
    human = po.find(PLAIN)
    human.flags, human.previous_msgid = ["fuzzy"], "If your leukemia has not gone away."
    po.find(BOLD).flags = []  # a person approved this one
    po.save()
    x2 = units2(export(sample, "es"))
    assert x2[BOLD].find(f"{X2}segment").get("state") == "reviewed"
    assert x2[PLAIN].find(f"{X2}segment").get("state") == "initial"
    notes = {n.get("category"): n.text for n in x2[PLAIN].iter(f"{X2}note")}
    assert notes["previous-source"] == "If your leukemia has not gone away."
    states = [s.get("state") for u in x2.values() for s in u.iter(f"{X2}segment")]
    assert states.count("reviewed") == 1 and "final" not in states  # one approved, no sign-off
    machine = next(u for k, u in x2.items() if k not in (BOLD, PLAIN))
    assert machine.find(f"{X2}segment").get("subState") == "pipeline:machine-draft"
    assert any(n.get("category") == "mt" and n.text.startswith("apertium")
               for n in machine.iter(f"{X2}note"))

    root12 = etree.parse(str(export(sample, "es", "1.2"))).getroot()
    approved = [u for u in root12.iter(f"{X1}trans-unit") if u.get("approved") == "yes"]
    assert len(approved) == 1 and "refractory" in "".join(approved[0].find(f"{X1}source")
                                                         .itertext())
    fuzzy = [u for u in root12.iter(f"{X1}trans-unit") if u.find(f"{X1}alt-trans") is not None]
    assert len(fuzzy) == 1
    assert fuzzy[0].find(f"{X1}target").get("state-qualifier") == "fuzzy-match"
    assert fuzzy[0].find(f"{X1}alt-trans/{X1}source").text == "If your leukemia has not gone away."
    # untranslated French: no target, not approved
    fr = etree.parse(str(export(sample, "fr", "1.2"))).getroot()
    assert all(u.find(f"{X1}target") is None and u.get("approved") == "no"
               for u in fr.iter(f"{X1}trans-unit"))


@pytest.mark.parametrize("lang", ["es", "ru", "fr"])
def test_exports_are_structurally_valid_and_parse_with_translate_toolkit(sample: Path,
                                                                          lang: str) -> None:
    count = len(entries(sample, ES)) + len(entries(sample, ES.replace("car-t-or-transplant",
                                                                      "travelling-for-treatment")))
    x2 = export(sample, lang)
    assert check_xliff2(x2.read_bytes()) == []
    store2 = tt_xliff2.Xliff2File.parsestring(x2.read_bytes())
    assert len([u for u in store2.units if not u.isheader()]) == count
    x1 = export(sample, lang, "1.2")
    assert check_xliff12(x1.read_bytes()) == []
    store1 = tt_xliff.xlifffile.parsestring(x1.read_bytes())
    units = [u for u in store1.units if not u.isheader()]
    assert len(units) == count
    plain = next(u for u in units if u.source == PLAIN)
    assert plain.isapproved() == (lang == "ru")


def test_inline_markup_travels_as_protected_elements(sample: Path) -> None:
    unit = units2(export(sample, "ru"))[BOLD]
    source = unit.find(f"{X2}segment/{X2}source")
    pc = source.find(f"{X2}pc")
    assert pc.text == "refractory" and pc.get("canDelete") == "no"
    assert {d.text for d in unit.iter(f"{X2}data")} == {"**"}
    target = unit.find(f"{X2}segment/{X2}target/{X2}pc")
    assert target.get("id") == pc.get("id") and target.text == "рефрактерным"
    root12 = etree.parse(str(export(sample, "ru", "1.2"))).getroot()
    g = [g for g in root12.iter(f"{X1}g") if g.text == "refractory"]
    assert g and g[0].get("ctype") == "bold"


def test_round_trip_changes_exactly_the_intended_entries(sample: Path) -> None:
    assert run(sample, "extract").exit_code == 0
    checked = run(sample, "check").exit_code
    before = entries(sample, ES)
    before_bytes = {p: p.read_bytes() for p in sample.glob("locales/*/LC_MESSAGES/*.po")}
    path = export(sample, "es")
    tree = etree.parse(str(path))
    units = units2(tree)
    set_target2(units[PLAIN], "Si su leucemia no ha desaparecido con el tratamiento, o ha "
                              "vuelto, puede oír hablar de dos opciones avanzadas.", "reviewed")
    second = [k for k in units if k not in (PLAIN, BOLD)][3]
    set_target2(units[second], "Texto de la agencia, aún sin revisar.", "translated")
    units[BOLD].find(f"{X2}segment").set("state", "final")  # machine text approved as is
    edited = sample / "edited.xlf"
    save(tree.getroot(), edited)
    result = run(sample, "xliff", "import", str(edited))
    assert result.exit_code == 0, result.output
    assert "changed: 2 approved, 1 fuzzy drafts" in result.output
    after = entries(sample, ES)
    assert after[PLAIN].msgstr.startswith("Si su leucemia") and "fuzzy" not in after[PLAIN].flags
    assert after[second].msgstr == "Texto de la agencia, aún sin revisar."
    assert "fuzzy" in after[second].flags
    assert after[BOLD].msgstr == before[BOLD].msgstr and "fuzzy" not in after[BOLD].flags
    assert "**refractario**" in after[BOLD].msgstr
    for msgid, entry in before.items():
        if msgid not in (PLAIN, BOLD, second):
            assert (after[msgid].msgstr, after[msgid].flags) == (entry.msgstr, entry.flags)
    others = {p: b for p, b in before_bytes.items() if not str(p).endswith(ES)}
    assert all(p.read_bytes() == b for p, b in others.items())
    snapshot = (sample / ES).read_bytes()
    assert "0 catalogs updated" in run(sample, "extract").output
    assert (sample / ES).read_bytes() == snapshot
    assert run(sample, "check").exit_code == checked
    again = run(sample, "xliff", "import", str(edited))
    assert "changed: 0 approved, 0 fuzzy drafts" in again.output


def test_unreviewed_target_never_overwrites_approved_text(sample: Path) -> None:
    path = export(sample, "ru")
    tree = etree.parse(str(path))
    set_target2(units2(tree)[PLAIN], "Неправильный текст агентства.", "translated")
    save(tree.getroot(), sample / "ru.xlf")
    snapshot = (sample / RU).read_bytes()
    result = run(sample, "xliff", "import", str(sample / "ru.xlf"))
    assert result.exit_code == 0
    assert re.search(r"ru\.xlf:\d+: refused: approved text kept", result.output)
    assert (sample / RU).read_bytes() == snapshot
    assert run(sample, "check").exit_code == 0


def test_translate_toolkit_edit_round_trip(sample: Path) -> None:
    path = export(sample, "es", "1.2")
    store = tt_xliff.xlifffile.parsestring(path.read_bytes())
    unit = next(u for u in store.units if u.source == PLAIN)
    unit.target = "Traducción revisada en la herramienta TAO."
    unit.markapproved(True)
    other = next(u for u in store.units if u.source.startswith("This guide explains"))
    other.target = "Borrador del traductor."
    assert other.isapproved()  # translate-toolkit approves whatever gets a target…
    other.markfuzzy(True)  # …so the translator's "needs review" is set explicitly
    (sample / "tt.xlf").write_bytes(bytes(store))
    result = run(sample, "xliff", "import", str(sample / "tt.xlf"))
    assert result.exit_code == 0, result.output
    after = entries(sample, ES)
    assert after[PLAIN].msgstr == "Traducción revisada en la herramienta TAO."
    assert "fuzzy" not in after[PLAIN].flags
    assert after[other.source].msgstr == "Borrador del traductor."
    assert "fuzzy" in after[other.source].flags
    assert sum("fuzzy" not in e.flags for e in after.values()) == 1


def test_dry_run_writes_nothing(sample: Path) -> None:
    path = export(sample, "es")
    tree = etree.parse(str(path))
    set_target2(units2(tree)[PLAIN], "Texto nuevo.", "reviewed")
    save(tree.getroot(), sample / "e.xlf")
    snapshot = {p: p.read_bytes() for p in sample.glob("locales/**/*.po")}
    result = run(sample, "xliff", "import", "--dry-run", str(sample / "e.xlf"))
    assert "would change: 1 approved" in result.output
    assert {p: p.read_bytes() for p in sample.glob("locales/**/*.po")} == snapshot


def test_changed_english_is_reported_and_offered_as_draft(sample: Path) -> None:
    path = export(sample, "fr")
    tree = etree.parse(str(path))
    set_target2(units2(tree)[PLAIN], "Si votre leucémie n'a pas disparu, vous entendrez "
                                     "parler de deux options.", "reviewed")
    save(tree.getroot(), sample / "fr.xlf")
    md = sample / "source/car-t-or-transplant.md"
    md.write_text(md.read_text().replace("you may hear about", "you might hear about"))
    assert run(sample, "extract").exit_code == 0
    result = run(sample, "xliff", "import", str(sample / "fr.xlf"))
    assert re.search(r"fr\.xlf:\d+: offered: the English changed since export", result.output)
    fr = entries(sample, "locales/fr/LC_MESSAGES/car-t-or-transplant.po")
    new = fr[PLAIN.replace("you may", "you might")]
    assert new.msgstr.startswith("Si votre leucémie") and "fuzzy" in new.flags  # never approved
    assert new.previous_msgid == PLAIN


def test_deleted_protected_markup_is_not_applied(sample: Path) -> None:
    path = export(sample, "es")
    tree = etree.parse(str(path))
    set_target2(units2(tree)[BOLD], "La leucemia se llama refractaria sin marcas.", "reviewed")
    save(tree.getroot(), sample / "e.xlf")
    result = run(sample, "xliff", "import", str(sample / "e.xlf"))
    assert "mismatch: not applied: protected inline element 1 (**…**) is missing" in result.output
    assert "fuzzy" in entries(sample, ES)[BOLD].flags


@pytest.mark.parametrize(("edit", "message"), [
    (lambda t: t.replace("</unit>", "</unt>", 1), "is not well-formed XML"),
    (lambda t: t.replace('<?xml version="1.0" encoding="UTF-8"?>\n',
                         '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n'),
     "<!DOCTYPE> declaration"),
    (lambda t: t.replace('version="2.1"', 'version="3.0"'), "unknown XLIFF version '3.0'"),
    (lambda t: t.replace('pipeline:project="Meridian patient information"',
                         'pipeline:project="Other clinic"'), "file is for project 'Other clinic'"),
    (lambda t: t.replace('trgLang="es"', 'trgLang="de"'), "target language 'de' is not"),
    (lambda t: t.replace('<file id="car-t-or-transplant"', '<file id="elsewhere"'),
     "document 'elsewhere' is not in this project"),
])
def test_bad_files_are_refused_with_one_line_and_nothing_written(sample: Path, edit,
                                                                  message: str) -> None:
    path = export(sample, "es")
    text = path.read_text()
    good = sample / "good.xlf"
    tree = etree.parse(str(path))
    set_target2(units2(tree)[PLAIN], "Texto.", "reviewed")
    save(tree.getroot(), good)
    bad = sample / "bad.xlf"
    bad.write_text(edit(text))
    snapshot = {p: p.read_bytes() for p in sample.glob("locales/**/*.po")}
    result = run(sample, "xliff", "import", str(good), str(bad))
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and re.match(rf"error: {re.escape(str(bad))}:\d+: ", lines[0]), lines
    assert message in lines[0]
    assert {p: p.read_bytes() for p in sample.glob("locales/**/*.po")} == snapshot


def test_per_document_export_and_needs_review_filter(sample: Path) -> None:
    out = sample / "out"
    out.mkdir()
    result = run(sample, "xliff", "export", "--lang", "ru", "--only", "needs-review",
                 "-o", str(out))
    assert result.exit_code == 0, result.output
    files = sorted(p.name for p in out.iterdir())
    assert files == ["car-t-or-transplant.ru.xlf", "travelling-for-treatment.ru.xlf"]
    assert all(not list(etree.parse(str(out / f)).getroot().iter(f"{X2}unit")) for f in files)


def test_critical_documents_are_marked(sample: Path) -> None:
    md = sample / "source/car-t-or-transplant.md"
    md.write_text(md.read_text().replace("audience: international patients",
                                         "audience: international patients\nreview: critical"))
    root = etree.parse(str(export(sample, "ru"))).getroot()
    files = {f.get("id"): f for f in root.iter(f"{X2}file")}
    units = list(files["car-t-or-transplant"].iter(f"{X2}unit"))
    assert units and all(u.get("{urn:x-pipeline:xliff}critical") == "yes" for u in units)
    assert all(any(n.get("category") == "critical" and n.get("priority") == "1"
                   for n in u.iter(f"{X2}note")) for u in units)
    # the other document: only its sections under critical headings (sample policy)
    travel = [u.get("{urn:x-pipeline:xliff}critical") == "yes"
              for u in files["travelling-for-treatment"].iter(f"{X2}unit")]
    assert any(travel) and not all(travel)


@given(st.text(alphabet="ab *_[]()`<>:/h.", max_size=30))
def test_inline_markup_parses_back_to_the_same_markdown(text: str) -> None:
    assert inline.markdown(inline.parse(text)) == text


def test_xliff12_inline_edit_comes_back_as_markdown(sample: Path) -> None:
    path = export(sample, "es", "1.2")
    tree = etree.parse(str(path))
    unit = next(u for u in tree.getroot().iter(f"{X1}trans-unit")
                if "".join(u.find(f"{X1}source").itertext()).startswith("Leukemia is called re"))
    target = unit.find(f"{X1}target")
    g = target.find(f"{X1}g")
    target.text, g.text, g.tail = "La leucemia se llama ", "refractaria", " si no responde."
    target.set("state", "translated")
    unit.set("approved", "yes")
    save(tree.getroot(), sample / "e12.xlf")
    result = run(sample, "xliff", "import", str(sample / "e12.xlf"))
    assert "changed: 1 approved" in result.output, result.output
    entry = entries(sample, ES)[BOLD]
    assert entry.msgstr == "La leucemia se llama **refractaria** si no responde."
    assert "fuzzy" not in entry.flags


def test_signed_entries_go_out_final_and_critical_ones_are_marked(sample: Path) -> None:
    """The sample's Russian catalogs are signed off (review/signoffs): final in 2.1,
    signed-off in 1.2; approving without signing is only reviewed/translated."""
    x2 = units2(export(sample, "ru", "2.1", "--doc", "car-t-or-transplant"))
    states = [u.find(f"{X2}segment").get("state") for u in x2.values()]
    assert states and set(states) == {"final"}
    po = polib.pofile(str(sample / RU))
    po.find(PLAIN).msgstr += " "  # edited after the sign-off: stale, no longer final
    po.save()
    x2 = units2(export(sample, "ru", "2.1", "--doc", "car-t-or-transplant"))
    assert x2[PLAIN].find(f"{X2}segment").get("state") == "reviewed"
    assert sum(u.find(f"{X2}segment").get("state") == "final" for u in x2.values()) == \
        len(x2) - 1
    root12 = etree.parse(str(export(sample, "ru", "1.2", "--doc",
                                    "car-t-or-transplant"))).getroot()
    targets = [u.find(f"{X1}target").get("state") for u in root12.iter(f"{X1}trans-unit")]
    assert targets.count("signed-off") == len(targets) - 1
    marked = [u for u in root12.iter(f"{X1}trans-unit")
              if any("critical" in (n.text or "") for n in u.iter(f"{X1}note"))]
    assert marked, "the sample's dosing and warning sections are critical"
