"""Handouts as a reader gets them: the sample project built, read back with pdftotext,
pdffonts, the Nu checker and axe-core in headless Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import REPO, nu_errors, run

from pipeline.build import ui
from pipeline.build.page import isolate_measures

DOC = "travelling-for-treatment"
AXE = REPO / ".tools" / "node_modules" / "axe-core" / "axe.min.js"

# What each language's handout must print, written out by hand (not computed by the code).
PRINTED = {
    "en": ["Page 1 of", "Document control", "Leaflet number", "November 26, 2026",
           "This is the original English version."],
    "es": ["Traducción automática, todavía no revisada por un traductor médico", "Página 1 de",
           "Control del documento", "26 de noviembre de 2026",
           "Traducido de la versión original en inglés 2.1 del 26 de noviembre de 2026."],
    "ru": ["Страница 1 из", "Сведения о документе", "26 ноября 2026"],
    "ar": ["الصفحة", "بيانات الوثيقة", "رقم النشرة", "نوفمبر"],
    "zh": ["第 1 页，共", "文件信息", "2026年11月26日"],
}


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


@pytest.mark.parametrize("lang", sorted(PRINTED))
def test_handout_prints_localized_furniture_and_document_control(sample_built: Path,
                                                                  lang: str) -> None:
    raw = _pdf_text(sample_built / "output" / lang / f"{DOC}.pdf")
    text = re.sub(r"[ \t]+", " ", re.sub("[\u202a-\u202e\u2066-\u2069]", "", raw))
    for expected in PRINTED[lang]:
        assert expected in text, (lang, expected)
    assert "MUH-IPO-014" in text
    flat = re.sub(r"\s", "", text)
    if lang == "ar":  # pdftotext gives the lines of a wrapped LTR run in visual order
        assert "https://www.example-hospital.org/international/" in flat and "records" in flat
    else:
        assert "https://www.example-hospital.org/international/records" in flat
    if lang != "es":
        assert "Machine translation" not in text


@pytest.mark.parametrize("lang", sorted(PRINTED))
def test_handout_fonts_are_all_embedded(sample_built: Path, lang: str) -> None:
    listing = subprocess.run(["pdffonts", str(sample_built / "output" / lang / f"{DOC}.pdf")],
                             capture_output=True, text=True, check=True).stdout
    rows = listing.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), listing


def test_english_page_is_built_and_every_page_names_it_as_x_default(sample_built: Path) -> None:
    page = (sample_built / "output" / "ar" / f"{DOC}.html").read_text("utf-8")
    assert f'<link rel="alternate" hreflang="en" href="../en/{DOC}.html">' in page
    assert f'<link rel="alternate" hreflang="x-default" href="../en/{DOC}.html">' in page
    english = (sample_built / "output" / "en" / f"{DOC}.html").read_text("utf-8")
    assert '<html lang="en" dir="ltr">' in english and 'class="banner"' not in english


def test_phone_numbers_become_tel_links(sample_built: Path) -> None:
    page = (sample_built / "output" / "en" / f"{DOC}.html").read_text("utf-8")
    assert '<a href="tel:+442079460123" dir="ltr">+44 20 7946 0123</a>' in page


def test_draft_banner_and_switcher_label_are_in_the_page_language(sample_built: Path) -> None:
    page = (sample_built / "output" / "es" / f"{DOC}.html").read_text("utf-8")
    assert ('<p class="banner" role="note">Traducción automática, todavía no revisada por un '
            'traductor médico</p>') in page
    assert '<nav class="languages" aria-label="Idiomas">' in page
    assert "Descargar este folleto en PDF" in page


def test_patient_index_per_language_lists_only_published_titles(sample_built: Path) -> None:
    out = sample_built / "output"
    english = (out / "index.html").read_text("utf-8")
    assert "Travelling abroad for treatment: a practical guide" in english
    assert 'href="ar/index.html"' in english and 'href="es/index.html"' not in english
    arabic = (out / "ar" / "index.html").read_text("utf-8")
    assert '<html lang="ar" dir="rtl">' in arabic and "معلومات للمرضى" in arabic
    assert "Travelling abroad" not in arabic  # the Arabic title, not the English one
    assert not (out / "es" / "index.html").exists()  # a draft is not published to patients
    dashboard = (out / "review.html").read_text("utf-8")
    assert "draft: machine translation" in dashboard


def test_bad_document_date_is_one_line_with_file_and_line(sample: Path) -> None:
    source = sample / "source" / f"{DOC}.md"
    source.write_text(source.read_text("utf-8").replace("review-date: 2028-11-26",
                                                        "review-date: 2028-13-40"), "utf-8")
    result = run(sample, "build", "--lang", "ru", "--format", "html")
    assert result.exit_code == 2
    assert result.output == (f"error: source/{DOC}.md:6: front matter 'review-date' is not a "
                             "date: '2028-13-40' (write it as YYYY-MM-DD, e.g. 'review-date: "
                             "2027-01-31')\n")
    assert not (sample / "output").exists()


def test_unshipped_language_falls_back_to_english_marked_and_project_overrides(
        tmp_path: Path) -> None:
    german = ui.translator("de")
    assert str(german.markup("Languages")) == '<span lang="en" dir="ltr">Languages</span>'
    catalog = ui.project_catalog(tmp_path, "es")
    catalog.parent.mkdir(parents=True)
    catalog.write_text('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                       'msgid "Languages"\nmsgstr "Elija su idioma"\n', "utf-8")
    assert ui.translator("es", tmp_path).gettext("Languages") == "Elija su idioma"
    assert ui.translator("es").gettext("Languages") == "Idiomas"


def test_every_template_string_is_in_the_pipeline_domain() -> None:
    templates = (REPO / "pipeline" / "build" / "templates").glob("*.j2")
    used = {m for p in templates
            for m in re.findall(r't\.(?:markup|gettext)\(\s*["\']([^"\']+)["\']', p.read_text())}
    pot = (REPO / "pipeline" / "locale" / "pipeline.pot").read_text("utf-8")
    assert used and all(f'msgid "{m}"' in pot for m in used)
    for lang in ("es", "fr", "ru", "ar", "zh"):
        assert all(ui.translator(lang).lang_of(m) == lang for m in used), lang


def test_theme_templates_override_the_package_ones(sample: Path) -> None:
    folder = sample / "theme" / "templates"
    folder.mkdir(parents=True)
    page = (REPO / "pipeline" / "build" / "templates" / "page.html.j2").read_text("utf-8")
    (folder / "page.html.j2").write_text(page.replace("<main>", '<main class="custom">'), "utf-8")
    assert run(sample, "build", "--lang", "ru", "--format", "html").exit_code == 0
    built = (sample / "output" / "ru" / f"{DOC}.html").read_text("utf-8")
    assert '<main class="custom">' in built and "Meridian University Hospital" in built


def test_bilingual_handout_pairs_each_english_block_with_its_translation(sample: Path) -> None:
    (sample / "source" / "car-t-or-transplant.md").unlink()  # one document is enough here
    assert run(sample, "build", "--lang", "ru", "--bilingual").exit_code == 0
    assert not (sample / "output" / "ru" / "car-t-or-transplant.pdf").exists()
    html = (sample / "output" / "ru" / f"{DOC}.html").read_text("utf-8")
    assert '<body class="released bilingual">' in html
    assert html.count('<div class="pair">') == html.count('<div class="original" lang="en"')
    assert ('<div class="pair"><div class="original" lang="en" dir="ltr"><h1>Travelling abroad '
            'for treatment: a practical guide</h1></div><div class="translation"><h1>Поездка '
            "на лечение за границу: практическое руководство</h1></div></div>") in html
    text = _pdf_text(sample / "output" / "ru" / f"{DOC}.pdf")
    assert "Travelling abroad" in text and "Поездка на лечение" in text


def test_full_stop_after_a_phone_number_stays_outside_the_ltr_span() -> None:
    assert isolate_measures("اتصل على +44 20 7946 0123.") == \
        'اتصل على <span dir="ltr">+44 20 7946 0123</span>.'


def test_every_page_is_valid_html(sample_built: Path) -> None:
    pages = sorted((sample_built / "output").rglob("*.html"))
    assert len(pages) > 10
    assert {p: e for p, e in nu_errors(pages).items() if e} == {}


def test_axe_finds_no_serious_violation_and_phone_width_fits(sample_built: Path,
                                                             tmp_path: Path) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 f"--user-data-dir={tmp_path / 'chromium'}"):
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium") or "chromium"
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    # axe-core is evaluated in every page as it loads (sent to the browser once, not once a
    # page over WebDriver: 0.1 s a page)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument",
                           {"source": AXE.read_text("utf-8")})
    problems = []
    try:
        # axe at phone width on every kind of page in every language (documents share one
        # template, so one document per language and folder), and the phone-width check on
        # every page. At desktop width the same pages differ only in layout, not in words or
        # markup: axe there on one left-to-right and one right-to-left language's pages and
        # the shared ones (what fits 390 px fits 1280: those are checked there too).
        pages = sorted((sample_built / "output").rglob("*.html"))
        audited = {min((p for p in pages if p.parent == folder and p.name != "index.html"),
                       default=folder / "index.html") for folder in {p.parent for p in pages}}
        audited |= {p for p in pages if p.name in ("index.html", "review.html")}
        wide_audited = {p for p in audited if p.parent.name in ("en", "ar", "output")}
        assert len(audited) > len(wide_audited) >= 5
        for width in (390, 1280):
            driver.set_window_size(width, 900)
            for page in pages if width == 390 else sorted(wide_audited):
                driver.get(page.as_uri())
                if page in audited:
                    found = driver.execute_async_script(
                        "const done = arguments[arguments.length - 1];"
                        # only the violations' nodes are collected (axe's own option for
                        # large pages), not every passing node
                        "axe.run(document, {resultTypes: ['violations']})"
                        ".then(r => done(r.violations.filter("
                        "v => v.impact === 'serious' || v.impact === 'critical')"
                        ".map(v => v.id + ': ' + v.nodes.length)));")
                    problems += [f"{page.relative_to(sample_built)} @{width}: {f}"
                                 for f in found]
                wide = driver.execute_script("return document.documentElement.scrollWidth")
                if wide > width:
                    problems.append(f"{page.relative_to(sample_built)} @{width}: {wide}px wide")
    finally:
        driver.quit()
    assert problems == []
