"""Injection: msgstr and glossary content with HTML/JS/CSS is inert in HTML and PDF output.

Hypothesis writes hostile translations (script and style elements, event handlers,
javascript:/vbscript:/data:/file: URLs in links and images, entity-encoded and mixed-case
schemes, whitespace and control characters inside schemes, SVG, CSS url()) into every kind of
segment of a page (title, description, heading, sentence, list item, table cell, image alt),
builds it, and parses the result: no executable element, no event-handler or style attribute,
no href/src whose scheme is not http, https, mailto or tel. PDFs are rendered through a fetcher
that records every URL: nothing remote and nothing outside the project is ever read.
"""

from __future__ import annotations

import atexit
import csv
import io
import re
import shutil
import tempfile
from html.parser import HTMLParser
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import catalogs
from pipeline.build import pdf
from pipeline.build.page import Job, page_html
from pipeline.files import atomic_write
from pipeline.glossary.tbx import read_tbx
from pipeline.markdown import load_document

SOURCE = """---
title: "After your infusion"
description: "What to watch for at home."
---

# When to call us

Check your temperature twice a day. Call the [office](https://example.org/ipo) at once.

- New confusion or trouble speaking

| Medicine | Dose |
|---|---|
| Acyclovir | 400 mg twice a day |

> Never stop a medicine on your own.

![A digital thermometer](images/thermometer.png)
"""
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
# Every element and attribute the page template and the Markdown renderer may produce.
ELEMENTS = {"html", "head", "meta", "title", "link", "body", "header", "nav", "ul", "ol", "li",
            "a", "main", "footer", "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
            "table", "thead", "tbody", "tr", "th", "td", "em", "strong", "code", "pre", "img",
            "br", "hr", "span", "bdi", "style", "section", "dl", "dt", "dd", "div"}
ATTRIBUTES = {"lang", "dir", "charset", "name", "content", "rel", "href", "hreflang", "class",
              "role", "aria-current", "type", "src", "alt", "title", "start", "style",
              "aria-label", "aria-labelledby", "id", "tabindex"}
EXECUTABLE = ("javascript", "vbscript", "data", "file", "livescript", "blob", "filesystem")
_URL_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_STRIPPED = re.compile(r"[\x00-\x20\x7f]")


def scheme_of(url: str) -> str:
    """The scheme a browser sees in a parsed attribute: C0 controls and spaces dropped."""
    return m.group(1) if (m := _URL_SCHEME.match(_STRIPPED.sub("", url).lower())) else ""


class Page(HTMLParser):
    """Every element with its attributes, and where the <main> body starts and ends."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    handle_startendtag = handle_starttag


def assert_inert(text: str) -> None:
    page = Page(text)
    for tag, attrs in page.elements:
        assert tag in ELEMENTS, (tag, attrs)
        assert set(attrs) <= ATTRIBUTES - {"style"}, (tag, attrs)
        for name in ("href", "src"):
            if name in attrs:
                scheme = scheme_of(attrs[name])
                assert not scheme or scheme in SAFE_SCHEMES, (tag, attrs)
        if tag == "img":
            assert scheme_of(attrs["src"]) in ("", "http", "https"), attrs
        if tag == "span":
            assert attrs.get("class") in ("link-target", None), attrs
    # The one <style> is the template's @page words, in <head>, before any translated text.
    assert text.count("<style") <= 1 and text.find("<style") < text.find("<body")
    for tag in ("script", "iframe", "object", "embed", "svg", "math", "form", "base"):
        assert tag not in {t for t, _ in page.elements}


# ---------------------------------------------------------------- hostile translations

SCHEMES = ("javascript", "vbscript", "data", "file", "livescript")


def disguise(scheme: str, how: int, case: int) -> str:
    """A scheme written the ways filters miss: mixed case, entities, controls, spaces."""
    mixed = "".join(c.upper() if (case >> i) & 1 else c for i, c in enumerate(scheme))
    return [
        f"{mixed}:",
        f"&#x{ord(mixed[0]):x};{mixed[1:]}:",
        f"&#{ord(mixed[0])};{mixed[1:]}&colon;",
        f"{mixed[:4]}\t{mixed[4:]}:",
        f"{mixed[:4]}&#x09;{mixed[4:]}:",
        f"{mixed[:4]}&Tab;{mixed[4:]}:",
        f"\x01{mixed}:",
        f" {mixed}:",
        f"{mixed}&#58;",
        f"{mixed[:2]}\n{mixed[2:]}:",
        f"{mixed}%3A",
        f"&#x{ord(mixed[0]):x}{mixed[1:]}:",
    ][how % 12]


scheme_url = st.builds(lambda s, how, case, body: disguise(s, how, case) + body,
                       st.sampled_from(SCHEMES), st.integers(0, 11), st.integers(0, 1023),
                       st.sampled_from(["alert(1)", "text/html;base64,PHNjcmlwdD4=",
                                        "image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+",
                                        "image/png;base64,iVBORw0KGgo=", "///etc/passwd",
                                        "msgbox(1)", "//evil.example/%0aalert(1)"]))
url = st.one_of(scheme_url, st.sampled_from([
    "https://example.org/ok", "//evil.example/x.png", "/etc/passwd", "../../../../etc/passwd",
    "images/../../pyproject.toml", "\\\\evil.example\\share", "mailto:a@example.org",
    "tel:+15551234", "other.md", "#top", "https://evil.example/track.png?c=1"]))
raw_html = st.sampled_from([
    "<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "<svg onload=alert(3)>",
    "<style>body{background:url(https://evil.example/x)}</style>",
    '<a href="javascript:alert(4)">x</a>', '<div style="background:url(javascript:alert(5))">',
    "<iframe src=https://evil.example>", '" onmouseover="alert(6)', "' onfocus='alert(7)",
    "<math><mi xlink:href=javascript:alert(8)>", "<base href=https://evil.example/>",
    "<!--", "-->", "<![CDATA[", "]]>", "</main><script>alert(9)</script>",
    "url(https://evil.example/bg.png)", "@import 'https://evil.example/x.css';",
    "&lt;script&gt;", "\u2e26", "\u2e27", "<span class=x>", "</span>", "<br/>", "\x00",
    "expression(alert(10))", "<object data=x>", "<form action=javascript:alert(11)>"])
markdown = st.one_of(
    st.builds(lambda t, u: f"[{t}]({u})", st.sampled_from(["link", "<b>x</b>", "*em*"]), url),
    st.builds(lambda t, u: f"![{t}]({u})", st.sampled_from(["pic", "x\" onerror=\"alert(1)"]),
              url),
    st.builds(lambda u: f"<{u}>", url),
    st.builds(lambda u, t: f'[x]({u} "{t}")', url,
              st.sampled_from(['t" onclick="alert(1)', "t' x='1"])),
    st.builds(lambda u: f"[x][r]\n\n[r]: {u}", url),
    url,
)
hostile = st.lists(st.one_of(raw_html, markdown, st.sampled_from(["Текст", "x", " ", "\n"])),
                   min_size=1, max_size=5).map(" ".join)
FOLDER = Path(tempfile.mkdtemp(prefix="injection-"))   # one for all examples of a run,
atexit.register(shutil.rmtree, FOLDER, ignore_errors=True)  # removed when it ends
PAGE = {"project": "<script>alert(0)</script>", "source_lang": "en", "generator": "test",
        "alternates": [], "switcher": [], "pdf_href": ""}


def build_page(msgstrs: list[str], *, lang: str, draft: bool) -> str:
    """The page of SOURCE with its segments translated by `msgstrs` (cycled)."""
    source = FOLDER / "source" / "doc.md"
    if not source.exists():
        source.parent.mkdir(parents=True)
        source.write_text(SOURCE, "utf-8")
        image = DATA / "build" / "source" / "images" / "thermometer.png"
        for folder in (source.parent / "images", FOLDER / "output" / "media" / "images"):
            folder.mkdir(parents=True)
            shutil.copyfile(image, folder / image.name)
        shutil.copyfile(files("pipeline.build") / "templates" / "style.css",  # type: ignore[arg-type]
                        FOLDER / "output" / "style.css")
    segments = [s.text for s in load_document(source, shown="source/doc.md").segments]
    translations = {s: msgstrs[i % len(msgstrs)] for i, s in enumerate(segments)
                    if not draft or i % 2}
    job = Job(doc="doc", lang=lang, source=source, shown="source/doc.md",
              page={**PAGE, "lang": lang, "dir": "rtl" if lang == "ar" else "ltr",
                    "banner": draft},
              translations=translations, mark_untranslated=draft, source_lang="en",
              segmentation="sentence", output=FOLDER / "output", root=FOLDER, todo=("html",))
    return page_html(job)[0]


@settings(max_examples=500, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(hostile, min_size=1, max_size=8), st.sampled_from(["es", "ar", "ru"]),
       st.booleans())
def test_hostile_msgstr_is_inert_in_html(msgstrs: list[str], lang: str, draft: bool) -> None:
    assert_inert(build_page(msgstrs, lang=lang, draft=draft))


@pytest.mark.parametrize(("url", "expected"), [
    ("javascript:alert(1)", "javascript"), ("JaVaScRiPt:x", "javascript"),
    ("&#x6a;avascript:x", "javascript"), ("java\tscript:x", "javascript"),
    ("\x01 javascript:x", "javascript"), ("java&#x09;script:x", "javascript"),
    ("https://x", "https"), ("other.html", ""), ("//evil.example", ""), ("java%09script:", ""),
])
def test_scheme_normalisation_of_the_checker(url: str, expected: str) -> None:
    (_, attrs), = Page(f'<a href="{url}">').elements  # entities are decoded by the parser
    assert scheme_of(attrs["href"]) == expected


# ---------------------------------------------------------------- PDF: nothing fetched


class Recorder:
    """Wraps pipeline.build.pdf's fetcher: every URL WeasyPrint asks for, and what was served."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.served: list[str] = []

    def make(self, *, roots: tuple[Path, ...]) -> Any:
        fetcher = MAKE_FETCHER(roots=roots)
        inner = fetcher.fetch

        def fetch(url: str, headers: Any = None) -> Any:
            self.asked.append(url)
            result = inner(url, headers)
            self.served.append(url)
            return result

        fetcher.fetch = fetch
        return fetcher


MAKE_FETCHER = pdf.make_fetcher


PDF_CASES = [
    ["![x](https://evil.example/x.png) ![y](file:///etc/hostname) ![z](/etc/hostname)",
     "<style>@import url(https://evil.example/x.css)</style> url(file:///etc/passwd)"],
    ["![a](images/../../../../../etc/hostname) [b](https://evil.example) "
     "![c](data:image/svg+xml;base64,PHN2Zz48aW1hZ2UgaHJlZj0iaHR0cHM6Ly9ldmlsIi8+PC9zdmc+)"],
    ["<link rel=stylesheet href=https://evil.example/x.css> ![d](//evil.example/y.png)",
     "![e](images/thermometer.png) <img src=file:///etc/passwd>"],
]


@pytest.mark.parametrize("msgstrs", PDF_CASES)
def test_pdf_never_fetches_remote_or_outside_files(msgstrs: list[str], tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   no_network: None) -> None:
    recorder = Recorder()
    monkeypatch.setattr(pdf, "make_fetcher", recorder.make)
    page = build_page(msgstrs, lang="ru", draft=False)
    assert_inert(page)
    out = FOLDER / "output" / "ru"
    report = pdf.render_pdf(html=page, base=out, roots=(FOLDER,), target=tmp_path / "doc.pdf")
    assert (tmp_path / "doc.pdf").read_bytes().startswith(b"%PDF")
    inside = str(FOLDER.resolve())
    for url in recorder.served:
        assert url.startswith("file://") and url.removeprefix("file://").startswith(inside), url
    remote = [u for u in recorder.asked if not u.startswith("file://")]
    assert all(u[:80] in report.refused_urls for u in remote)
    assert "/etc/" not in " ".join(recorder.served)
    assert sorted(set(recorder.served)) == [(FOLDER / "output" / p).resolve().as_uri()
                                            for p in ("media/images/thermometer.png",
                                                      "style.css")]


@settings(max_examples=6, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(msgstrs=st.lists(hostile, min_size=1, max_size=4))
def test_hostile_msgstr_pdf_reads_nothing_outside(msgstrs: list[str], tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  no_network: None) -> None:
    test_pdf_never_fetches_remote_or_outside_files(msgstrs, tmp_path, monkeypatch, no_network)


# ---------------------------------------------------------------- glossary content


ENGLISH = {"fever": "fever", "paracetamol": "paracetamol", "haematologist": "haematologist",
           "car-t": "CAR-T cell therapy"}
term = hostile.map(lambda t: re.sub(r"[\x00-\x1f|]", " ", t)).filter(lambda t: t.strip())


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test project with es released, extracted."""
    root = tmp_path_factory.mktemp("glossary") / "project"
    shutil.copytree(DATA / "project", root)
    config = (root / "pyproject.toml").read_text("utf-8")
    (root / "pyproject.toml").write_text(config.replace(
        'es = { status = "draft", engines = ["apertium", "pseudo"] }', 'es = "released"'), "utf-8")
    assert run(root, "extract").exit_code == 0
    return root


FIXED_TERMS = {"fever": "<script>alert(1)</script>", "paracetamol": "[x](javascript:alert(2))",
               "haematologist": "![y](data:image/svg+xml;base64,PHN2Zz4=) <img src=x onerror=a()>",
               "car-t": "&#x6a;avascript:alert(3) <style>*{}</style>"}


@settings(max_examples=20, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(terms=st.one_of(st.just(FIXED_TERMS), st.fixed_dictionaries(
    {k: term for k in ENGLISH})))
def test_hostile_glossary_terms_are_inert_after_translate_and_build(
        terms: dict[str, str], extracted: Path, tmp_path: Path) -> None:
    """Glossary targets reach pages through MT (terms are placed verbatim): still inert."""
    root = Path(tempfile.mkdtemp(dir=tmp_path)) / "project"
    shutil.copytree(extracted, root)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "en", "es", "note"])
    for term_id, english in ENGLISH.items():
        writer.writerow([term_id, english, terms[term_id], "<b onclick=x()>note</b>"])
    (root / "glossary" / "terms.csv").write_text(out.getvalue(), "utf-8")
    result = run(root, "translate", "--lang", "es", "--engine", "pseudo")
    assert result.exit_code == 0, result.output
    path = catalogs.catalog_path(root / "locales", "es", "dosing")
    po = catalogs.read_catalog(path)
    placed = " ".join(e.msgstr for e in po)
    assert all(value.strip() in placed for value in terms.values())
    for entry in po:
        entry.flags = [f for f in entry.flags if f != "fuzzy"]  # a reviewer approves all
    atomic_write(path, catalogs.render(po))
    # the PDF of the fixed terms only (what a PDF may read is test_hostile_msgstr_pdf_...'s)
    pdf = terms is FIXED_TERMS
    result = run(root, "build", "--lang", "es", *(() if pdf else ("--format", "html")))
    assert result.exit_code == 0, result.output
    assert_inert((root / "output" / "es" / "dosing.html").read_text("utf-8"))
    if pdf:
        assert (root / "output" / "es" / "dosing.pdf").read_bytes().startswith(b"%PDF")
    exported = run(root, "glossary", "export", "--format", "tbx")
    assert exported.exit_code == 0
    tbx_terms, _, problems = read_tbx(exported.output.encode(), shown="export.tbx")
    assert not problems  # well-formed: the content stayed text, no element was injected
    assert {t.id: t.target("es")[0] for t in tbx_terms} == {
        k: " ".join(v.split()) for k, v in terms.items()}
