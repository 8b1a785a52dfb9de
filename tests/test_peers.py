"""Measured against real peers: GNU msgfmt on Django's catalogs, translate-toolkit's pofilter.

Django (a dev dependency) ships real, human-translated .po files in many languages, with
plural forms and python-format directives; a few of them are rejected by `msgfmt --check`.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import django
import pytest

from pipeline.checks import Catalog, Project, registry
from pipeline.checks.run import read
from pipeline.model import Severity

DJANGO = Path(django.__file__).parent
PEER_FILES = [
    *(f"conf/locale/{lang}/LC_MESSAGES/django.po"
      for lang in ("ar", "ru", "zh_Hans", "es", "fr", "pl", "he", "ja", "uk", "cs")),
    "contrib/admin/locale/ar/LC_MESSAGES/djangojs.po",  # javascript-format
    "contrib/admin/locale/es/LC_MESSAGES/django.po",     # msgfmt rejects: 3 plural forms
    "contrib/admin/locale/he/LC_MESSAGES/django.po",     # msgfmt rejects: too few forms
    "contrib/humanize/locale/sr_Latn/LC_MESSAGES/django.po",  # python-format in msgstr[0]
    "contrib/humanize/locale/ru/LC_MESSAGES/django.po",
]
_MSGFMT_LINE = re.compile(r"^[^:]+:(\d+): (?!warning)(.*)$")
_STATISTICS = re.compile(r"(\d+) translated messages?(?:, (\d+) fuzzy translations?)?"
                         r"(?:, (\d+) untranslated messages?)?")
POFILTER = str(Path(sys.executable).parent / "pofilter")


def load(path: Path) -> Catalog:
    catalog = read(path, file=str(path), lang="xx", doc="django")
    assert isinstance(catalog, Catalog), catalog
    return catalog


def msgfmt(path: Path) -> tuple[int, list[tuple[int, str]], tuple[int, int, int]]:
    """Exit status, (line, message) of each fatal error and the statistics of msgfmt."""
    done = subprocess.run(["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(path)],
                          capture_output=True, text=True, env={"LC_ALL": "C"}, check=False)
    errors = [(int(m.group(1)), m.group(2)) for line in done.stderr.splitlines()
              if (m := _MSGFMT_LINE.match(line))]
    stats = _STATISTICS.search(done.stderr)
    assert stats, done.stderr
    numbers = tuple(int(g or 0) for g in stats.groups())
    return done.returncode, errors, (numbers[0], numbers[1], numbers[2])


def entry_of(catalog: Catalog, line: int) -> int:
    """The msgid line of the entry (or header) that a msgfmt line number falls in."""
    starts = sorted({catalog.header_line, *(e.line for e in catalog.entries if not e.obsolete)})
    return max(s for s in starts if s <= line)


@pytest.mark.parametrize("name", PEER_FILES)
def test_syntax_and_statistics_agree_with_msgfmt(name: str) -> None:
    path = DJANGO / name
    catalog = load(path)
    code, errors, statistics = msgfmt(path)
    found = [f for f in registry()["syntax"].func(catalog, Project(config=None))
             if f.severity is Severity.ERROR]
    # Same verdict: msgfmt rejects the file exactly when we report an error.
    assert (code != 0) == bool(found), (errors, found)
    ours = {f.line for f in found}
    theirs = {entry_of(catalog, line) for line, message in errors
              if not message.startswith("nplurals =")}
    # msgfmt stops at the first entry with a wrong number of plural forms; we list all.
    assert theirs <= ours
    assert all("plural forms" in f.message for f in found if f.line not in theirs)
    live = [e for e in catalog.entries if not e.obsolete and e.msgid]
    translated = sum(e.translated and not e.fuzzy for e in live)
    fuzzy = sum(e.translated and e.fuzzy for e in live)
    assert (translated, fuzzy, len(live) - translated - fuzzy) == statistics


BROKEN = r'''msgid ""
msgstr ""
"Project-Id-Version: demo\n"
"PO-Revision-Date: 2026-01-01 00:00+0000\n"
"Last-Translator: a\n"
"Language-Team: ru\n"
"Language: ru\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && "
"n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"

#, python-format
msgid "%(n)s file"
msgid_plural "%(n)s files"
msgstr[0] "файл"
msgstr[1] "%(n)s файла"
msgstr[2] "%(n)s файлов"

#, c-format
msgid "%d day"
msgid_plural "%d days"
msgstr[0] "%d день"
msgstr[1] "%d дня"
msgstr[2] "%d дней"

#, fuzzy, c-format
msgid "fz %d"
msgstr "y"

#, python-format
msgid "%(a)s"
msgstr "%(a)d"

#, c-format
msgid "%s"
msgstr "%d"

#, c-format
msgid "%1$s %2$d"
msgstr "%2$d %1$s"

#, c-format
msgid "%5.2f %%"
msgstr "%f %"

#, python-brace-format
msgid "{a} and {b}"
msgstr "{a} y {c}"

msgid "\nlead"
msgstr "lead"

msgid "trail\n"
msgstr "trail"

msgid "one"
msgid_plural "many"
msgstr[0] "a"
msgstr[1] "b"
'''


@pytest.mark.parametrize(("text", "count"), [
    (BROKEN, 7),        # a wrong plural count: msgfmt checks plural forms leniently
    (BROKEN.split('msgid "one"')[0], 7),    # without it: msgstr[0] must keep %(n)s
])
def test_crafted_errors_flag_the_same_entries_as_msgfmt(tmp_path: Path, text: str,
                                                        count: int) -> None:
    path = tmp_path / "broken.po"
    path.write_text(text, "utf-8")
    catalog = load(path)
    code, errors, _ = msgfmt(path)
    found = [f for f in registry()["syntax"].func(catalog, Project(config=None))
             if f.severity is Severity.ERROR]
    theirs = {entry_of(catalog, line) for line, message in errors
              if not message.startswith("nplurals =")}
    assert code == 1
    assert {f.line for f in found} == theirs
    assert len(theirs) == count


# Where our numbers check and pofilter's `numbers` test (translate-toolkit) differ, and why.
POFILTER_CASES = [
    # source, translation (es), pofilter flags it, we flag it
    ("Take 2.5 mg twice a day.", "Tome 2,5 mg dos veces al día.", True, False),  # locale
    ("Take 2.5 mg once.", "Tome 25 mg una vez.", True, True),
    ("At 38 °C.", "A 83 °C.", True, True),
    ("About 1,000 cells.", "Unas 1.000 células.", False, False),
    ("Take 1.5 mg.", "Tome 1.500 mg.", False, True),    # 1.500 is 1500 to a Spanish reader
    ("Day −7 and day +14.", "Día 7 y día +14.", False, True),   # the sign is a value
    ("Between 25-75 %.", "Entre 25 y 75 %.", False, False),
]


def test_numbers_compared_with_pofilter(tmp_path: Path) -> None:
    assert shutil.which(POFILTER) or Path(POFILTER).exists()
    header = ('msgid ""\nmsgstr ""\n"Language: es\\n"\n'
              '"Content-Type: text/plain; charset=UTF-8\\n"\n')
    body = "".join(f'\nmsgid "{s}"\nmsgstr "{t}"\n' for s, t, _, _ in POFILTER_CASES)
    (tmp_path / "in.po").write_text(header + body, "utf-8")
    subprocess.run([POFILTER, "-t", "numbers", str(tmp_path / "in.po"),
                    str(tmp_path / "out.po")], check=True, capture_output=True)
    flagged = set(re.findall(r'# \(pofilter\) numbers.*\n(?:#.*\n)*msgid "([^"]*)"',
                             (tmp_path / "out.po").read_text("utf-8")))
    catalog = load(tmp_path / "in.po")
    check = registry()["numbers"]
    from pipeline.checks import Scope

    scope = Scope(catalog=Catalog(file="in.po", lang="es", doc="x", entries=catalog.entries))
    ours = {e.msgid for e in catalog.entries if list(check.func(e, scope))}
    assert [(s, s in flagged, s in ours) for s, *_ in POFILTER_CASES] == [
        (s, theirs, we) for s, _, theirs, we in POFILTER_CASES]
