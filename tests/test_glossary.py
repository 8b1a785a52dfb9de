"""Glossary: CSV loading and validation, matching in real source sentences, target verification,
and the `pipeline glossary check|export|import` commands."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO, run

from pipeline.errors import GlossaryError
from pipeline.glossary import Glossary, empty_glossary, load_glossary, read_glossary
from pipeline.glossary.csvfile import guard, render_csv, unguard
from pipeline.glossary.tbx import render_tbx
from pipeline.markdown import load_document

DATA = Path(__file__).parent / "data" / "glossary"
HEADER = "id,en,es,fr,ru,ar,zh,dnt,case,forbidden:es,note\n"


@pytest.fixture(scope="module")
def medical() -> Glossary:
    """The test glossary: tests/data/glossary/terms/medical.csv."""
    return load_glossary(DATA / "terms", shown_root=DATA / "terms")


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A copy of the small content project tests/data/glossary/project."""
    root = tmp_path / "mini"
    shutil.copytree(DATA / "project", root)
    return root


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def sentence(doc: str, containing: str) -> str:
    """The source segment of the repository's source/<doc> that contains `containing`."""
    document = load_document(REPO / "source" / doc, shown=doc)
    return next(s.text for s in document.segments if containing in s.text)


# ------------------------------------------------------------------ matching

CAR_T = "car-t-or-transplant.md"
TRAVEL = "travelling-for-treatment.md"


@pytest.mark.parametrize(("doc", "containing", "expected"), [
    # longest match first: "allogeneic stem cell transplant" beats "stem cell transplant"
    (CAR_T, "or allogeneic stem cell transplant for refractory leukemia?",
     ["CAR-T cell therapy", "allogeneic stem cell transplant", "leukemia"]),
    # emphasis around a term, an abbreviation in brackets, a case-sensitive abbreviation
    (CAR_T, "**Cytokine release syndrome (CRS):**",
     ["Cytokine release syndrome", "CRS", "CAR-T", "fever"]),
    (CAR_T, "**Graft-versus-host disease (GVHD):**",
     ["Graft-versus-host disease", "GVHD", "donor"]),
    # plural, and emphasis with single asterisks
    (CAR_T, "First, your T cells are collected", ["T cells", "apheresis"]),
    # "T cells" inside "CAR-T cells" is CAR-T, not a mention of T cells
    (CAR_T, "so that the CAR-T cells have room to grow", ["CAR-T"]),
    (CAR_T, "Possible donors include", ["donors", "donor"]),
    (CAR_T, "For many other leukemias", ["leukemias", "leukemia", "donor", "CAR-T"]),
    # "ALL" is case-sensitive; "CD19" is a do-not-translate antigen name
    (CAR_T, "approved CAR-T products for leukemia",
     ["CAR-T", "leukemia", "leukemia", "ALL", "CD19"]),
    (CAR_T, "one of our haematologists", ["haematologists"]),
    (CAR_T, "recognises CD19", ["CD19", "leukemia"]),
    # a case-sensitive office name written in lower case inside a link is not the name
    (TRAVEL, "[our international patient office]", []),
    # a term inside inline code or a URL is never matched
    (TRAVEL, "`REF-2027-0042`", []),
])
def test_match_real_sentences(medical: Glossary, doc: str, containing: str,
                              expected: list[str]) -> None:
    text = sentence(doc, containing)
    matches = medical.match(text)
    assert [m.text for m in matches] == expected
    assert all(text[m.start:m.end] == m.text for m in matches)
    assert [m.start for m in matches] == sorted(m.start for m in matches)


@pytest.mark.parametrize(("text", "expected"), [
    ("the donor's cells", [("donor's", "donor")]),
    ("the donors' cells", [("donors", "donor")]),
    ("Call the [International Patient Office](https://example.org/ipo).",
     [("International Patient Office", "international-patient-office")]),
    ("[CAR-T cell therapy](https://example.org/car-t-cell-therapy)",
     [("CAR-T cell therapy", "car-t-cell-therapy")]),
    ("cytokine **release** syndrome", [("cytokine **release** syndrome",
                                        "cytokine-release-syndrome")]),
    ("T-cell and T lymphocytes", [("T-cell", "t-cell"), ("T lymphocytes", "t-cell")]),
    ("anti-CD19 antibodies", [("CD19", "cd19")]),
    ("all of them are donors", [("donors", "donor")]),
    ("`CRS` or https://example.org/CRS or <https://example.org/fever>", []),
    ("a feverish donorship", []),
    ("hematologists and leukaemias", [("hematologists", "haematologist"),
                                      ("leukaemias", "leukemia")]),
])
def test_match_variants_and_markup(medical: Glossary, text: str,
                                   expected: list[tuple[str, str]]) -> None:
    assert [(m.text, m.term.id) for m in medical.match(text)] == expected


def test_empty_glossary_matches_nothing(tmp_path: Path) -> None:
    glossary = load_glossary(tmp_path / "missing")
    assert glossary == empty_glossary()
    assert glossary.match("CAR-T cell therapy") == []
    assert glossary.verify("fever", "fiebre", "es") == []


# ------------------------------------------------------------------ verification

@pytest.mark.parametrize(("lang", "source", "target", "expected"), [
    # Spanish: plural, accents folded
    ("es", "cytokine release syndrome", "el síndrome de liberación de citocinas", []),
    ("es", "cytokine release syndrome", "el sindrome de liberacion de citocinas", []),
    ("es", "your T cells", "sus células T", []),
    ("es", "cytokine release syndrome", "una tormenta de citocinas",
     [("missing", 'expected "síndrome de liberación de citocinas"'),
      ("forbidden", '"tormenta de citocinas" is not allowed here, '
                    'use "síndrome de liberación de citocinas"')]),
    # a forbidden phrase inside another matched term's accepted translation is fine
    ("es", "CAR-T cell therapy is a cell therapy",
     "la terapia con células CAR-T es una terapia celular", []),
    ("es", "a cell therapy", "una terapia con células",
     [("missing", 'expected "terapia celular"'),
      ("forbidden", '"terapia con células" is not allowed here, use "terapia celular"')]),
    # French: plural; forbidden word in the plural too
    ("fr", "Possible donors", "Les donneurs possibles", []),
    ("fr", "Possible donors", "Les donateurs possibles",
     [("missing", 'expected "donneur"'),
      ("forbidden", '"donateur" is not allowed here, use "donneur"')]),
    ("fr", "graft-versus-host disease", "la maladie du greffon contre l’hôte", []),
    # Russian: case endings and a fleeting vowel (клетка → клеток)
    ("ru", "after CAR-T cell therapy", "после CAR-T-клеточной терапии", []),
    ("ru", "from a donor", "от донора", []),
    ("ru", "your T cells", "ваших Т-клеток", []),
    ("ru", "cytokine release syndrome", "признаки синдрома высвобождения цитокинов", []),
    ("ru", "cytokine release syndrome", "с синдромом высвобождения цитокинов", []),
    ("ru", "allogeneic stem cell transplant", "после аллогенной трансплантации стволовых клеток",
     []),
    ("ru", "cytokine release syndrome", "это цитокиновый шторм",
     [("missing", 'expected "синдром высвобождения цитокинов"'),
      ("forbidden", '"цитокиновый шторм" is not allowed here, '
                    'use "синдром высвобождения цитокинов"')]),
    ("ru", "fever", "высокая температура", []),
    ("ru", "leukemia", "лечение лимфомы", [("missing", 'expected "лейкоз" or "лейкемия"')]),
    # Arabic: tashkeel, tatweel and hamza forms ignored; clitics and suffixes
    ("ar", "cytokine release syndrome", "مُتلازمةُ إطلاقِ السيتوكينات", []),
    ("ar", "cytokine release syndrome", "متلازمة اطلاق السيتوكينـــات", []),
    ("ar", "leukemia", "علاج لابيضاض الدم", []),
    ("ar", "from donors", "من المتبرعين", []),
    ("ar", "your T cells", "خلاياك التائية", []),
    ("ar", "CRS and fever", "وCRS والحمى", []),
    ("ar", "fever", "سعال", [("missing", 'expected "حمى"')]),
    # Chinese: no word boundaries; full-width Latin letters fold (NFKC)
    ("zh", "CAR-T cell therapy", "接受ＣＡＲ－Ｔ细胞疗法后", []),
    ("zh", "fever", "如果发烧", []),
    ("zh", "cytokine release syndrome", "细胞因子风暴",
     [("missing", 'expected "细胞因子释放综合征"'),
      ("forbidden", '"细胞因子风暴" is not allowed here, use "细胞因子释放综合征"')]),
    # do-not-translate: exact and case-sensitive
    ("zh", "CD19", "CD19抗原", []),
    ("ru", "CD19", "маркер cd19", [("dnt-altered", 'keep "CD19" exactly as in English')]),
    ("es", "the International Patient Office", "la **International Patient Office**", []),
    ("es", "the International Patient Office", "la Oficina Internacional de Pacientes",
     [("dnt-altered", 'keep "International Patient Office" exactly as in English')]),
    # only terms found in the source are verified
    ("es", "Take your medicine.", "Tome su medicamento, una tormenta de citocinas.", []),
    # a specific term the source does not say: another disease, another syndrome
    ("fr", "leukemia that carries the CD19 marker",
     "la leucémie LAL porteuse du marqueur CD19",
     [("added", '"LAL" is the glossary\'s translation of "ALL", which the source does not say: '
                'a wrong term?')]),
    ("es", "Watch for fever.", "Vigile la fiebre y el síndrome de liberación de citocinas.",
     [("added", '"síndrome de liberación de citocinas" is the glossary\'s translation of '
                '"cytokine release syndrome", which the source does not say: a wrong term?')]),
    ("ru", "after the transplant", "после аллогенной трансплантации стволовых клеток",
     []),   # "the transplant" said in full: the source has a word of it
    ("es", "the international office", "la International Patient Office", []),
    ("fr", "leukemia", "la leucémie (lal)", []),    # an abbreviation is written in capitals
    ("zh", "your cells", "您的CAR-T细胞", []),      # an English abbreviation kept as it is
])
def test_verify(medical: Glossary, lang: str, source: str, target: str,
                expected: list[tuple[str, str]]) -> None:
    problems = medical.verify(source, target, lang)
    assert [(p.kind, p.detail) for p in problems] == expected


# ------------------------------------------------------------------ loading CSV

def test_load_fixture(medical: Glossary) -> None:
    assert medical.languages == ("es", "fr", "ru", "ar", "zh")
    by_id = {t.id: t for t in medical.terms}
    assert by_id["t-cell"].source == ("T cell", "T-cell", "T lymphocyte")
    assert by_id["cytokine-release-syndrome"].forbidden_in("zh") == ("细胞因子风暴",)
    assert by_id["cd19"].dnt and by_id["cd19"].case_sensitive
    assert by_id["car-t"].note == "Product class name, kept in Latin letters everywhere"
    assert (by_id["donor"].origin, by_id["donor"].line) == ("medical.csv", 11)
    assert len(medical.fingerprint) == 12


def test_fingerprint_is_stable_and_content_based(tmp_path: Path, medical: Glossary) -> None:
    write(tmp_path / "a", "x.csv", (DATA / "terms" / "medical.csv").read_text("utf-8"))
    copy = load_glossary(tmp_path / "a")
    assert copy.fingerprint == medical.fingerprint
    changed = (DATA / "terms" / "medical.csv").read_text("utf-8").replace("fiebre", "calentura")
    write(tmp_path / "b", "x.csv", changed)
    assert load_glossary(tmp_path / "b").fingerprint != medical.fingerprint


@pytest.mark.parametrize(("text", "message"), [
    (HEADER + "fever,fever,fiebre,fièvre,лихорадка,حمى,发热,,,,\n"
     "crs,CRS,SLC,SRC\n",
     "bad.csv:3: row has 4 cells, the header has 11 "
     "(quote cells that contain commas; one row per concept)"),
    (HEADER + 'fever,"fever,fiebre,fièvre,лихорадка,حمى,发热,,,,\n',
     "bad.csv:2: CSV syntax error: unexpected end of data "
     "(close the quotes around cells with commas)"),
    ("en,es\nfever,fiebre\n", "bad.csv:1: the header has no 'id' column "
     "(columns: id,en,<language>...,note)"),
    ("", "bad.csv:1: empty glossary file: no header row "
     "(start with a header such as 'id,en,es,fr,dnt,case,note')"),
    ("id,en,es,es\nfever,fever,fiebre,fiebre\n",
     "bad.csv:1: duplicate column 'es' (each column name may appear once)"),
    ("id,en,español\nfever,fever,fiebre\n",
     "bad.csv:1: 'español' is not a language tag (unknown language column) "
     "(run 'pipeline glossary check' to see every problem)"),
    ("id,en,xx\nfever,fever,fiebre\n",
     "bad.csv:1: unknown language tag 'xx' (unknown language column) "
     "(run 'pipeline glossary check' to see every problem)"),
    ("id,en,es,dnt\nfever,fever,fiebre,maybe\n",
     "bad.csv:2: 'dnt' must be 'yes' or empty, not 'maybe' "
     "(run 'pipeline glossary check' to see every problem)"),
])
def test_bad_csv_names_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    write(tmp_path, "bad.csv", text)
    with pytest.raises(GlossaryError) as info:
        load_glossary(tmp_path, shown_root=tmp_path)
    assert str(info.value) == message


def test_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "latin1.csv").write_bytes("id,en,es\nfever,fever,fiebre\nx,y,ñ\n".encode("latin-1"))
    with pytest.raises(GlossaryError, match=r"latin1.csv:3: glossary file is not valid UTF-8"):
        load_glossary(tmp_path, shown_root=tmp_path)


def test_a_concept_with_only_forbidden_words_warns_and_places_nothing(tmp_path: Path) -> None:
    """No translation to require or place: the forbidden word is an error, nothing else."""
    from pipeline.glossary.load import validate
    from pipeline.masking import mask

    write(tmp_path, "false-friends.csv", HEADER + "cells,cells,,,,,,,,celda,body cells\n")
    glossary = load_glossary(tmp_path)
    assert validate(glossary) == []
    assert [(p.kind, p.detail) for p in glossary.verify(
        "The cells are sent to a laboratory.", "Las celdas se envían a un laboratorio.", "es")
    ] == [("forbidden", '"celda" is not allowed here')]
    assert glossary.verify("The cells are sent to a laboratory.",
                           "Las células se envían a un laboratorio.", "es") == []
    masked = mask("The cells are sent to a laboratory.", glossary=glossary, lang="es")
    assert not [m for m in masked.masks if m.kind == "term"]


def test_bom_and_short_header(tmp_path: Path) -> None:
    write(tmp_path, "x.csv", "\ufeffid,en,es\nfever,fever,fiebre | calentura\n")
    glossary = load_glossary(tmp_path)
    assert glossary.terms[0].targets == (("es", ("fiebre", "calentura")),)


@pytest.mark.parametrize(("files", "expected"), [
    ({"a.csv": HEADER + "fever,fever,fiebre,fièvre,лихорадка,حمى,发热,,,,\n",
      "b.csv": HEADER + "fever,pyrexia,fiebre,fièvre,лихорадка,حمى,发热,,,,\n"},
     ["b.csv:2: error: duplicate id 'fever' (first at a.csv:2)"]),
    ({"a.csv": HEADER + "fever,fever,fiebre,fièvre,лихорадка,حمى,发热,,,,\n"
               "pyrexia,Fever,calentura,fièvre,лихорадка,حمى,发热,,,,\n"},
     ["a.csv:3: error: 'Fever' is also in concept 'fever' (a.csv:2) with different "
      "translations"]),
    ({"a.csv": HEADER + "fever,fever,fiebre,fièvre,лихорадка,حمى,发热,,,,\n"
               "pyrexia,fever,fiebre,fièvre,лихорадка,حمى,发热,,,,\n"},
     ["a.csv:3: warning: 'fever' is also in concept 'fever' (a.csv:2) with the same "
      "translations: merge them"]),
    ({"a.csv": HEADER + "fever,fever,fiebre,,лихорадка,حمى,发热,,,fiebre,\n"},
     ["a.csv:2: warning: 'fever' has no fr translation",
      "a.csv:2: error: 'fiebre' is both forbidden and accepted for 'fever' in es"]),
    ({"a.csv": HEADER + "fever,fever,fiebre,fièvre,лихорадка,حمى,发热,,,,\n"
               "chill,chill,escalofrío,frisson,озноб,قشعريرة,寒战,,,fiebre,\n"},
     ["a.csv:3: warning: 'fiebre' is forbidden for 'chill' but is the es term of 'fever' "
      "(a.csv:2)"]),
    ({"a.csv": "id,en,es\nipo,Office,Oficina\n"}, []),
])
def test_validation_findings(tmp_path: Path, files: dict[str, str],
                             expected: list[str]) -> None:
    for name, text in files.items():
        write(tmp_path, name, text)
    _, findings = read_glossary(tmp_path, shown_root=tmp_path)
    got = [f"{f.file}:{f.line}: {f.severity.value}: {f.message}" for f in findings]
    assert got == expected


# ------------------------------------------------------------------ CSV export safety

@pytest.mark.parametrize(("cell", "guarded"), [
    ("-7", "'-7"), ("=SUM(A1:A2)", "'=SUM(A1:A2)"), ("+1", "'+1"), ("@home", "'@home"),
    ("'-7", "''-7"), ("'quoted'", "'quoted'"), ("fever", "fever"), ("", ""),
])
def test_formula_guard_round_trips(cell: str, guarded: str) -> None:
    assert guard(cell) == guarded
    assert unguard(guard(cell)) == cell


def test_csv_export_neutralises_formulas_and_reads_back(tmp_path: Path) -> None:
    write(tmp_path / "in", "x.csv",
          'id,en,es,note\nminus-seven,"\'-7",-7,=HYPERLINK("http://evil")\n'
          "at,@risk,'quoted',+1 is fine\n")
    glossary = load_glossary(tmp_path / "in")
    assert [t.source for t in glossary.terms] == [("-7",), ("@risk",)]
    exported = render_csv(glossary)
    assert exported.splitlines()[1:] == [
        "minus-seven,'-7,'-7,,,,\"'=HYPERLINK(\"\"http://evil\"\")\"",
        "at,'@risk,'quoted',,,,'+1 is fine"]
    write(tmp_path / "out", "x.csv", exported)
    again = load_glossary(tmp_path / "out")
    assert [(t.id, t.source, t.targets, t.note) for t in again.terms] == [
        (t.id, t.source, t.targets, t.note) for t in glossary.terms]
    assert again.fingerprint == glossary.fingerprint


# ------------------------------------------------------------------ CLI

def test_check_reports_coverage_and_candidates(mini: Path) -> None:
    fingerprint = load_glossary(mini / "glossary").fingerprint
    result = run(mini, "glossary", "check")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"glossary: 5 concepts in 1 file, languages es, fr, ru (fingerprint {fingerprint})",
        "coverage: 5 of 5 concepts occur in source/ (1 document, 8 segments)",
        "  car-t-cell-therapy                          2×  source/cells.md:2",
        "  t-cell                                      1×  source/cells.md:7",
        "  crs                                         1×  source/cells.md:9",
        "  cd19                                        1×  source/cells.md:7",
        "  fever                                       1×  source/cells.md:9",
        "candidate terms the glossary lacks:",
        "  Day Unit Nurse                              2×  capitalized term  source/cells.md:10",
        "  CAR-T                                       1×  abbreviation      source/cells.md:7",
        "  ICANS                                       1×  abbreviation      source/cells.md:9",
        "glossary check: 0 errors, 0 warnings",
    ]


def test_check_exit_1_on_errors(mini: Path) -> None:
    write(mini / "glossary", "more.csv", "id,en,es,xx\nfever,fever,fiebre,x\n")
    result = run(mini, "glossary", "check")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    findings = [line for line in lines if ": error: " in line or ": warning: " in line]
    assert findings == [
        "glossary/more.csv:1: error: unknown language tag 'xx' (unknown language column)",
        "glossary/more.csv:2: error: duplicate id 'fever' (first at glossary/cells.csv:6)",
        "glossary/more.csv:2: warning: 'fever' has no fr translation",
        "glossary/more.csv:2: warning: 'fever' has no ru translation",
    ]
    assert lines[-1] == "glossary check: 2 errors, 2 warnings"


def test_check_exit_2_on_unreadable_glossary(mini: Path) -> None:
    write(mini / "glossary", "cells.csv", "id,en,es\nfever,fever\n")
    result = run(mini, "glossary", "check")
    assert result.exit_code == 2
    assert result.stderr == ("error: glossary/cells.csv:2: row has 2 cells, the header has 3 "
                             "(quote cells that contain commas; one row per concept)\n")


def test_check_without_glossary(mini: Path) -> None:
    shutil.rmtree(mini / "glossary")
    result = run(mini, "glossary", "check")
    assert result.exit_code == 0
    assert result.output.splitlines()[:2] == [
        "glossary: no .csv or .tbx files in glossary/",
        "coverage: 0 of 0 concepts occur in source/ (1 document, 8 segments)"]


def test_check_passes_on_the_projects_glossary(sample: Path) -> None:
    result = run(sample, "glossary", "check")
    assert result.exit_code == 0, result.output
    assert "glossary check: 0 errors" in result.output


def test_export_csv_to_stdout_and_tbx_to_file(mini: Path) -> None:
    glossary = load_glossary(mini / "glossary", shown_root=mini)
    result = run(mini, "glossary", "export", "--format", "csv")
    assert result.exit_code == 0
    assert result.output == render_csv(glossary)
    out = mini / "out" / "medical.tbx"
    result = run(mini, "glossary", "export", "--format", "tbx", "-o", str(out))
    assert (result.exit_code, result.output) == (0, f"wrote 5 concepts to {out}\n")
    assert out.read_text("utf-8") == render_tbx(glossary)


def test_export_refuses_a_broken_glossary(mini: Path) -> None:
    write(mini / "glossary", "more.csv", "id,en,es\nfever,pyrexia,fiebre\n")
    result = run(mini, "glossary", "export", "--format", "csv")
    assert result.exit_code == 2
    assert result.stderr == ("error: glossary/more.csv:2: duplicate id 'fever' (first at "
                             "glossary/cells.csv:6) (run 'pipeline glossary check' to see "
                             "every problem)\n")


def test_import_csv_copies_it(mini: Path, tmp_path: Path) -> None:
    new = write(tmp_path, "drugs.csv", "id,en,es,fr,ru\ntocilizumab,tocilizumab,tocilizumab,"
                "tocilizumab,тоцилизумаб\n")
    result = run(mini, "glossary", "import", str(new))
    assert (result.exit_code, result.output) == (
        0, f"imported 1 concept from {new} into glossary/drugs.csv\n")
    assert (mini / "glossary" / "drugs.csv").read_bytes() == new.read_bytes()
    again = run(mini, "glossary", "import", str(new))
    assert (again.exit_code, again.output) == (0, "glossary/drugs.csv is already up to date\n")
    new.write_text("id,en,es,fr,ru\nx,y,z,z,z\n", encoding="utf-8")
    clash = run(mini, "glossary", "import", str(new))
    assert clash.exit_code == 2
    assert clash.stderr == (f"error: {new}: glossary/drugs.csv already exists (rename the file, "
                            "or remove glossary/drugs.csv to replace it)\n")


def test_import_tbx_converts_to_csv(mini: Path, tmp_path: Path, medical: Glossary) -> None:
    tbx = write(tmp_path, "medical.tbx", render_tbx(medical))
    (mini / "glossary" / "cells.csv").unlink()
    result = run(mini, "glossary", "import", str(tbx))
    assert result.exit_code == 0, result.output
    assert result.output == (f"imported 18 concepts from {tbx} into glossary/medical.csv "
                             "(converted from TBX)\n")
    assert (mini / "glossary" / "medical.csv").read_text("utf-8") == render_csv(medical)


@pytest.mark.parametrize(("name", "text", "stderr"), [
    ("dup.csv", "id,en,es,fr,ru\nfever,pyrexia,fiebre,fièvre,лихорадка\n",
     ["{file}:2: error: duplicate id 'fever' (first at glossary/cells.csv:6)",
      "error: {file}: not imported: 1 error (fix them and import again)"]),
    ("cols.csv", "id,en,es,fr,ru,klingon\nx,y,z,z,z,z\n",
     ["{file}:1: error: 'klingon' is not a language tag (unknown language column)",
      "error: {file}: not imported: 1 error (fix them and import again)"]),
    ("terms.txt", "id,en\n", ["error: {file}: not a glossary file (import a .csv or .tbx file)"]),
    ("bomb.tbx", '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa">]><martif>&a;</martif>',
     ["error: {file}:1: TBX file declares XML entities or external references, which are not "
      "allowed (remove the <!ENTITY …> declarations; TBX needs none)"]),
])
def test_import_refuses_bad_files(mini: Path, tmp_path: Path, name: str, text: str,
                                  stderr: list[str]) -> None:
    file = write(tmp_path, name, text)
    before = sorted(p.name for p in (mini / "glossary").iterdir())
    result = run(mini, "glossary", "import", str(file))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [s.format(file=file) for s in stderr]
    assert sorted(p.name for p in (mini / "glossary").iterdir()) == before


def test_import_a_file_already_in_glossary(mini: Path) -> None:
    file = mini / "glossary" / "cells.csv"
    result = run(mini, "glossary", "import", str(file))
    assert result.exit_code == 2
    assert result.stderr == (f"error: {file}: the file is already in glossary/ "
                             "(run 'pipeline glossary check' to validate it)\n")


def test_the_source_column_follows_source_language(mini: Path) -> None:
    """A project written in German names its glossary's source column `de`, in CSV and TBX."""
    config = mini / "pyproject.toml"
    config.write_text(config.read_text("utf-8").replace('source-language = "en"',
                                                        'source-language = "de"'), "utf-8")
    for path in (mini / "glossary").iterdir():
        path.unlink()
    write(mini / "glossary", "de.csv", "id,de,es\nfieber,Fieber,fiebre\n")
    result = run(mini, "glossary", "export", "--format", "tbx")
    assert result.exit_code == 0, result.output
    assert '<martif type="TBX-Basic" xml:lang="de">' in result.output
    assert '<langSet xml:lang="de">' in result.output
    (mini / "glossary" / "de.csv").unlink()
    write(mini / "glossary", "de.tbx", result.output)
    again = run(mini, "glossary", "export", "--format", "csv")
    assert again.exit_code == 0, again.output
    assert again.output.splitlines()[:2] == ["id,de,es,dnt,case,forbidden:es,note",
                                             "fieber,Fieber,fiebre,,,,"]
    write(mini / "glossary", "en.csv", "id,en,es\nfever,fever,fiebre\n")
    refused = run(mini, "glossary", "check")
    assert refused.exit_code == 2
    assert refused.output.startswith("error: glossary/en.csv:1:")
    assert "id,de," in refused.output


@pytest.mark.parametrize(("lang", "target", "ok"), [
    ("es", "Use el colirio con corticoide dos veces al día.", True),
    ("es", "Use el colirio con corticoides dos veces al día.", True),
    ("es", "Use el colirio antibiótico dos veces al día.", False),
    ("fr", "Mettez le collyre corticoïde deux fois par jour.", True),
])
def test_a_plural_glossary_form_accepts_its_singular(lang: str, target: str, ok: bool) -> None:
    """The glossary writes «corticoides» (plural); «colirio con corticoide» uses the term."""
    from pipeline.glossary import build_glossary
    from pipeline.model import Term

    term = Term("corticosteroids", ("corticosteroids", "steroid"),
                (("es", ("corticosteroides", "corticoides")),
                 ("fr", ("corticoïdes", "corticostéroïdes"))))
    glossary = build_glossary([term], ["es", "fr"])
    problems = glossary.verify("Use the steroid drops twice a day.", target, lang)
    assert (problems == []) is ok, problems
