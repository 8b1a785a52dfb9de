"""TMX 1.4b: only approved pairs go out, with dates and the document; an imported memory
feeds translate as fuzzy drafts; bad files are refused."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from conftest import run
from interchange_structure import XML_LANG, check_tmx
from lxml import etree
from translate.storage import tmx as tt_tmx

FR = "locales/fr/LC_MESSAGES/car-t-or-transplant.po"
PLAIN = ("If your leukemia has not gone away with treatment, or has come back, you may "
         "hear about two advanced options.")
TMX = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
<header creationtool="memoQ" creationtoolversion="11" segtype="sentence" o-tmf="memoQ"
 adminlang="en-us" srclang="{src}" datatype="plaintext"/>
<body>
<tu><tuv xml:lang="en-US"><seg>{english}</seg></tuv>
<tuv xml:lang="fr-FR"><seg>Si votre leucémie n'a pas disparu, vous pourriez entendre parler
 de deux options avancées.</seg></tuv></tu>
</body>
</tmx>
"""


def test_export_has_only_approved_pairs_with_dates_and_document(sample: Path) -> None:
    out = sample / "tm.tmx"
    result = run(sample, "tm", "export", "--lang", "ru", "--lang", "es", "-o", str(out))
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert check_tmx(data) == []
    root = etree.fromstring(data)
    langs = {tuv.get(XML_LANG) for tuv in root.iter("tuv")}
    assert langs == {"en", "ru"}  # es holds only machine drafts: none of them travels
    ru = [e for doc in ("car-t-or-transplant", "travelling-for-treatment")
          for e in polib.pofile(str(sample / f"locales/ru/LC_MESSAGES/{doc}.po"))
          if e.msgstr and not e.obsolete and "fuzzy" not in e.flags]
    assert len(root.findall("body/tu")) == len(ru)
    header = polib.pofile(str(sample / "locales/ru/LC_MESSAGES/car-t-or-transplant.po")).metadata
    y, mo, d, h, mi = re.match(r"(\d+)-(\d+)-(\d+) (\d+):(\d+)",
                               header["PO-Revision-Date"]).groups()
    tu = next(tu for tu in root.iter("tu") if tu.find("tuv/seg").text == PLAIN)
    assert tu.get("changedate") == f"{y}{mo}{d}T{h}{mi}00Z"
    assert tu.find("prop").get("type") == "x-document"
    assert tu.find("prop").text == "car-t-or-transplant"
    store = tt_tmx.tmxfile.parsestring(data)
    assert len(store.units) == len(ru)


def test_imported_memory_feeds_translate_as_fuzzy_drafts(sample: Path) -> None:
    assert run(sample, "extract").exit_code == 0
    source = sample / "agency.tmx"
    source.write_text(TMX.format(src="en-US", english=PLAIN))
    result = run(sample, "tm", "import", str(source))
    assert result.exit_code == 0, result.output
    assert "imported 1 segment pairs into locales/tm/agency.tmx" in result.output
    result = run(sample, "translate", "--lang", "fr", "--engine", "pseudo")
    assert result.exit_code == 0, result.output
    entry = polib.pofile(str(sample / FR)).find(PLAIN)
    assert entry.msgstr == ("Si votre leucémie n'a pas disparu, vous pourriez entendre parler "
                            "de deux options avancées.")
    assert "fuzzy" in entry.flags
    assert "mt: translation memory (TMX locales/tm/agency.tmx)" in entry.tcomment
    snapshot = (sample / FR).read_bytes()
    assert "0 catalogs updated" in run(sample, "extract").output
    assert (sample / FR).read_bytes() == snapshot


@pytest.mark.parametrize(("text", "message"), [
    (TMX.format(src="de", english=PLAIN), "source language 'de' is not the project's 'en'"),
    (TMX.format(src="en", english="&lol;").replace(
        '<!DOCTYPE tmx SYSTEM "tmx14.dtd">', '<!DOCTYPE tmx [<!ENTITY lol "lol">]>'),
     "<!DOCTYPE> declaration"),
    (TMX.format(src="en", english=PLAIN).replace("</tu>", "</tuu>"), "not well-formed XML"),
    (TMX.format(src="en", english=PLAIN).replace('version="1.4"', 'version="2.0"', 1)
     .replace('<?xml version="2.0"', '<?xml version="1.0"'), "not a TMX 1.4 document"),
])
def test_bad_memories_are_refused(sample: Path, text: str, message: str) -> None:
    bad = sample / "bad.tmx"
    bad.write_text(text)
    result = run(sample, "tm", "import", str(bad))
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and re.match(rf"error: {re.escape(str(bad))}:\d+: ", lines[0])
    assert message in lines[0]
    assert not (sample / "locales/tm").exists()
