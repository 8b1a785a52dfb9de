"""TBX: what we write is TBX-Basic that other tools read, both TBX versions load to the same
model as CSV, the CSV → TBX → CSV round trip holds, and hostile XML fails safely."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from pipeline.errors import GlossaryError
from pipeline.glossary import Glossary, load_glossary, read_glossary
from pipeline.glossary.csvfile import render_csv
from pipeline.glossary.tbx import render_tbx
from pipeline.model import Term

DATA = Path(__file__).parent / "data" / "glossary"


@pytest.fixture(scope="module")
def medical() -> Glossary:
    return load_glossary(DATA / "terms", shown_root=DATA / "terms")


def content(terms: tuple[Term, ...]) -> list[tuple[object, ...]]:
    """A term's meaning, without where it was read from."""
    return [(t.id, t.source, t.targets, t.forbidden, t.dnt, t.case_sensitive, t.note)
            for t in terms]


def load_one(tmp_path: Path, name: str, text: str) -> Glossary:
    folder = tmp_path / name.replace(".", "-")
    folder.mkdir()
    (folder / name).write_text(text, encoding="utf-8")
    return load_glossary(folder, shown_root=folder)


def test_csv_tbx_csv_round_trip(tmp_path: Path, medical: Glossary) -> None:
    tbx = render_tbx(medical)
    back = load_one(tmp_path, "medical.tbx", tbx)
    assert content(back.terms) == content(medical.terms)
    assert back.languages == medical.languages
    assert back.fingerprint == medical.fingerprint
    assert render_csv(back) == render_csv(medical)
    assert render_tbx(back) == tbx
    again = load_one(tmp_path, "medical.csv", render_csv(back))
    assert content(again.terms) == content(medical.terms)


def test_written_tbx_matches_the_tbx_basic_core_structure(medical: Glossary) -> None:
    from lxml import etree

    schema = etree.RelaxNG(etree.parse(str(DATA / "tbx-basic-core.rng")))
    document = etree.fromstring(render_tbx(medical).encode("utf-8"))
    schema.assertValid(document)
    entry = document.find("text/body/termEntry[@id='cytokine-release-syndrome']")
    assert entry is not None
    statuses = [(t.findtext("term"), t.findtext("termNote"))
                for t in entry.findall("langSet[@{http://www.w3.org/XML/1998/namespace}lang='zh']"
                                       "/tig")]
    assert statuses == [("细胞因子释放综合征", "preferredTerm-admn-sts"),
                        ("细胞因子风暴", "deprecatedTerm-admn-sts")]
    # the schema is a real check: a tig without its term is refused
    tig = document.find("text/body/termEntry/langSet/tig")
    assert tig is not None
    tig.remove(tig.find("term"))
    assert not schema.validate(document)


def test_translate_toolkit_reads_our_tbx(medical: Glossary) -> None:
    from translate.storage.tbx import tbxfile

    store = tbxfile.parsestring(render_tbx(medical).encode("utf-8"))
    units = {unit.getid(): unit for unit in store.units}
    assert list(units) == [t.id for t in medical.terms]
    crs = units["cytokine-release-syndrome"]
    assert crs.source == "cytokine release syndrome"
    assert [(t.text, t.administrative_status) for t in crs.get_target_terms("es")] == [
        ("síndrome de liberación de citocinas", "preferredTerm-admn-sts"),
        ("tormenta de citocinas", "deprecatedTerm-admn-sts")]
    assert [t.text for t in units["t-cell"].get_source_terms()] == [
        "T cell", "T-cell", "T lymphocyte"]
    assert not units["cd19"].istranslatable()
    assert units["fever"].istranslatable()
    assert "'donateur' gives money" in units["donor"].getnotes()


def test_tbx_v3_and_2008_load_to_the_same_model_as_csv(tmp_path: Path) -> None:
    tbx, findings = read_glossary(DATA / "tbx", shown_root=DATA)
    csv = load_one(tmp_path, "same.csv",
                   "id,en,fr,es,ru,dnt,case,forbidden:ru,note\n"
                   "apheresis,apheresis,aphérèse,,,,,,\n"
                   "fever,fever | pyrexia,,fiebre | calentura,лихорадка,,,жар,"
                   "Body temperature of 38 °C or higher\n"
                   "cd19,CD19,,,,yes,yes,,\n")
    assert content(tbx.terms) == content(csv.terms)
    assert tbx.languages == csv.languages == ("fr", "es", "ru")
    assert tbx.fingerprint == csv.fingerprint
    assert [(t.origin, t.line) for t in tbx.terms] == [
        ("tbx/v2-ntig.tbx", 6), ("tbx/v3-core.tbx", 9), ("tbx/v3-core.tbx", 28)]
    assert [f"{f.file}:{f.line}: {f.message}" for f in findings] == [
        "tbx/v2-ntig.tbx:6: 'apheresis' has no es translation",
        "tbx/v2-ntig.tbx:6: 'apheresis' has no ru translation",
        "tbx/v3-core.tbx:9: 'fever' has no fr translation"]


def test_tbx_v3_dct_style(tmp_path: Path) -> None:
    glossary = load_one(tmp_path, "dct.tbx", """<?xml version="1.0"?>
<tbx style="dct" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"
     xmlns:basic="http://www.tbxinfo.net/ns/basic">
  <text><body>
    <conceptEntry id="donor">
      <langSec xml:lang="en"><termSec><term>donor</term></termSec></langSec>
      <langSec xml:lang="fr">
        <termSec><term>donneur</term>
          <basic:administrativeStatus>preferredTerm-admn-sts</basic:administrativeStatus>
        </termSec>
        <termSec><term>donateur</term>
          <basic:administrativeStatus>deprecatedTerm-admn-sts</basic:administrativeStatus>
        </termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>""")
    (term,) = glossary.terms
    assert (term.target("fr"), term.forbidden_in("fr")) == (("donneur",), ("donateur",))


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE martif [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<martif><text><body><termEntry><langSet xml:lang="en"><tig><term>&lol9;</term></tig></langSet>
</termEntry></body></text></martif>
"""
XXE = """<?xml version="1.0"?>
<!DOCTYPE martif [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<martif><text><body><termEntry><langSet xml:lang="en"><tig><term>&secret;</term></tig>
</langSet></termEntry></body></text></martif>
"""
PARAMETER = """<?xml version="1.0"?>
<!DOCTYPE martif [<!ENTITY % remote SYSTEM "file:///etc/passwd"> %remote;]>
<martif/>
"""
ENTITY_ERROR = ("{name}:{line}: TBX file declares XML entities or external references, which "
                "are not allowed (remove the <!ENTITY …> declarations; TBX needs none)")


@pytest.mark.parametrize(("text", "line"), [(BILLION_LAUGHS, 3), (XXE, 2), (PARAMETER, 2)])
def test_hostile_xml_is_one_line_error_without_expansion(tmp_path: Path, text: str,
                                                         line: int) -> None:
    started = time.perf_counter()
    with pytest.raises(GlossaryError) as info:
        load_one(tmp_path, "evil.tbx", text)
    assert time.perf_counter() - started < 1.0
    message = str(info.value)
    assert message == ENTITY_ERROR.format(name="evil.tbx", line=line)
    assert "\n" not in message and "root:" not in message


def test_external_dtd_is_never_loaded(tmp_path: Path) -> None:
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY leak "LEAKED">', encoding="utf-8")
    text = (f'<?xml version="1.0"?>\n<!DOCTYPE martif SYSTEM "{dtd.as_uri()}">\n'
            '<martif><text><body><termEntry><langSet xml:lang="en"><tig><term>&leak;</term>'
            "</tig></langSet></termEntry></body></text></martif>\n")
    with pytest.raises(GlossaryError) as info:
        load_one(tmp_path, "dtd.tbx", text)
    # the entity the DTD would define is skipped, not expanded: the term is empty
    assert str(info.value) == ("dtd.tbx:3: empty term "
                               "(run 'pipeline glossary check' to see every problem)")
    assert "LEAKED" not in str(info.value)


@pytest.mark.parametrize(("text", "message"), [
    ('<?xml version="1.0"?>\n<martif>\n<text><body></text>\n</martif>\n',
     "bad.tbx:3: XML syntax error: mismatched tag (fix the XML (is every tag closed?))"),
    ('<?xml version="1.0"?>\n<xliff version="1.2"/>\n',
     "bad.tbx:2: not a TBX file: the root element is <xliff> "
     "(TBX files start with <martif> or <tbx>)"),
    ('<martif><text><body>\n<termEntry id="x">\n<langSet xml:lang="es"><tig><term>fiebre</term>'
     "</tig></langSet></termEntry></body></text></martif>",
     "bad.tbx:2: concept has no English term "
     "(run 'pipeline glossary check' to see every problem)"),
    ('<martif><text><body><termEntry id="x"><langSet xml:lang="en"><tig><term>a</term></tig>'
     '</langSet>\n<langSet xml:lang="klingon"><tig><term>b</term></tig></langSet>'
     "</termEntry></body></text></martif>",
     "bad.tbx:2: 'klingon' is not a language tag (unknown language column) "
     "(run 'pipeline glossary check' to see every problem)"),
    ('<martif><text><body><termEntry id="x"><langSet xml:lang="en">\n<tig><term> </term></tig>'
     "</langSet></termEntry></body></text></martif>",
     "bad.tbx:2: empty term (run 'pipeline glossary check' to see every problem)"),
])
def test_bad_tbx_names_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(GlossaryError) as info:
        load_one(tmp_path, "bad.tbx", text)
    assert str(info.value) == message
