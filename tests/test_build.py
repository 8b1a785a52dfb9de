"""The build stage's HTML: assembly, validity (Nu checker), safety, release policy, skipping."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import DATA, made_once, nu_errors, run

from pipeline import catalogs
from pipeline.build.page import BANNER
from pipeline.build.run import build
from pipeline.config import load_config
from pipeline.files import atomic_write

DOC = "after-car-t"
RELEASED = ("ar", "zh", "ru")
HOSTILE = {
    "Check your temperature twice a day.":
        "<script>alert(1)</script> <img src=x onerror=alert(2)> Измеряйте температуру.",
    "When to call us":
        'Когда <a href="https://evil.example" onclick="steal()">звонить</a>',
    "New confusion or trouble speaking":
        "[один](javascript:alert(3)) [два](JaVaScRiPt:alert(4)) [три](vbscript:msgbox(5)) "
        "[четыре](data:text/html;base64,PHNjcmlwdD4=) <javascript:alert(7)> "
        "[пять](&#106;avascript:alert(8)) [шесть](java\tscript:alert(9))",
    "Shaking, chills or low blood pressure":
        "![пиксель](data:image/png;base64,iVBORw0KGgo=) ![svg](data:image/svg+xml;base64,PHN2Zz4=) "
        "![файл](file:///etc/hostname) ![выход](../../../../etc/hostname) Озноб",
    "A digital thermometer": '" onerror="alert(10)',
}


def copy_project(tmp: Path, name: str = "build") -> Path:
    root = tmp / name
    shutil.copytree(DATA / "build", root)
    return root


def edit_catalog(root: Path, lang: str, changes: dict[str, tuple[str, bool]]) -> None:
    """Set msgid → (msgstr, fuzzy) in a test project's catalog."""
    path = catalogs.catalog_path(root / "locales", lang, DOC)
    po = catalogs.read_catalog(path)
    for entry in po:
        if entry.msgid in changes:
            entry.msgstr, fuzzy = changes[entry.msgid]
            entry.flags = ["fuzzy"] if fuzzy else []
    atomic_write(path, catalogs.render(po))


class Page(HTMLParser):
    """Elements, attributes and visible text of a built page."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.hidden: list[str] = []  # open elements a screen does not show (print-only)
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))
        void = tag in ("br", "img", "meta", "link")
        starts = tag == "style" or "link-target" in (dict(attrs).get("class") or "")
        if (self.hidden and not void) or starts:
            self.hidden.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.hidden and self.hidden[-1] == tag:
            self.hidden.pop()

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.text.append(data)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        return [a for t, a in self.elements if t == tag
                and all(a.get(k.rstrip("_").replace("_", "-")) == v for k, v in attrs.items())]

    @property
    def visible(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.text))


def plain(markdown: str) -> str:
    """The words a reader sees in a msgstr: Markdown emphasis, code and link targets removed."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return re.sub(r"\*\*|`", "", text)


def approved(root: Path, lang: str) -> dict[str, str]:
    po = catalogs.read_catalog(catalogs.catalog_path(root / "locales", lang, DOC))
    return catalogs.translations(po, approved_only=False)


@dataclass(frozen=True)
class Built:
    root: Path
    hostile: Path
    vnu: dict[str, list[str]]

    def page(self, lang: str, root: Path | None = None) -> str:
        return ((root or self.root) / "output" / lang / f"{DOC}.html").read_text("utf-8")


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The test project built as HTML (--draft), a hostile variant, and one Nu checker run,
    made once per run (the tests only read them)."""
    made = made_once(tmp_path_factory, "html", _build_html)
    assert isinstance(made, dict)
    return Built(root=Path(made["root"]), hostile=Path(made["hostile"]), vnu=made["vnu"])


def _build_html(tmp: Path) -> dict[str, object]:
    root = copy_project(tmp)
    assert run(root, "build", "--draft", "--format", "html").exit_code == 0
    hostile = copy_project(tmp, "hostile")
    edit_catalog(hostile, "ru", {k: (v, False) for k, v in HOSTILE.items()})
    assert run(hostile, "build", "--lang", "ru", "--format", "html").exit_code == 0
    pages = sorted(root.glob("output/**/*.html")) + [hostile / "output" / "ru" / f"{DOC}.html"]
    errors = nu_errors(pages)
    return {"root": str(root), "hostile": str(hostile), "vnu": errors}


@pytest.mark.parametrize("page", ["ar", "zh", "ru", "es", "index", "hostile"])
def test_every_page_is_valid_html(built: Built, page: str) -> None:
    path = {"index": built.root / "output" / "index.html",
            "hostile": built.hostile / "output" / "ru" / f"{DOC}.html"}.get(
        page, built.root / "output" / page / f"{DOC}.html")
    assert str(path) in built.vnu
    assert built.vnu[str(path)] == []


@pytest.mark.parametrize(("lang", "direction", "title", "native"), [
    ("ar", "rtl", "بعد تسريب خلايا CAR-T", "العربية"),
    ("zh", "ltr", "CAR-T细胞输注后", "中文"),
    ("ru", "ltr", "После инфузии CAR-T-клеток", "Русский"),
    ("es", "ltr", "Después de su infusión de CAR-T", "Español"),
])
def test_page_language_direction_title_and_switcher(built: Built, lang: str, direction: str,
                                                    title: str, native: str) -> None:
    page = Page(built.page(lang))
    assert page.find("html") == [{"lang": lang, "dir": direction}]
    assert page.find("h1") and title in page.visible
    assert re.search(rf"<title>{re.escape(title)}</title>", built.page(lang))
    (meta,) = page.find("meta", name="description")
    assert meta["content"] == plain(approved(built.root, lang)[
        "What to watch for at home after CAR-T cell therapy, and when to call us."])
    hreflangs = {a["hreflang"]: a["href"] for a in page.find("link", rel="alternate")}
    assert hreflangs == {t: f"../{t}/{DOC}.html" for t in ("en", "ar", "zh", "ru", "es")} | {
        "x-default": f"../en/{DOC}.html"}
    (current,) = page.find("a", aria_current="page")
    assert current["lang"] == lang and current["dir"] == direction
    assert f">{native}</a>" in built.page(lang)


@pytest.mark.parametrize("lang", RELEASED)
def test_released_page_shows_every_translated_segment_and_no_banner(built: Built,
                                                                   lang: str) -> None:
    page = Page(built.page(lang))
    for msgid, msgstr in approved(built.root, lang).items():
        if msgid == "A digital thermometer":
            assert page.find("img", alt=msgstr, src="../media/images/thermometer.png")
        elif msgid.startswith("What to watch for"):
            assert page.find("meta", name="description", content=msgstr)
        else:
            assert plain(msgstr) in page.visible, msgid
    assert BANNER not in page.visible
    assert "untranslated" not in built.page(lang)
    assert (built.root / "output" / "media" / "images" / "thermometer.png").is_file()


@pytest.mark.parametrize(("lang", "joined"), [
    ("zh", "4周内请留在距离医院30分钟路程以内的地方。每天测量两次体温。"),
    ("ru", "оставайтесь не дальше 30 минут езды от больницы. Измеряйте температуру"),
    ("ar", "لمدة 4 أسابيع. قس درجة حرارتك"),
])
def test_sentences_are_joined_the_way_the_language_writes(built: Built, lang: str,
                                                          joined: str) -> None:
    assert joined in Page(built.page(lang)).visible


def test_draft_page_has_banner_and_marks_untranslated_english(built: Built) -> None:
    html = built.page("es")
    page = Page(html)
    assert page.find("p", class_="banner", role="note")
    assert "Traducción automática, todavía no revisada por un traductor médico" in page.visible
    assert ('<li><bdi class="untranslated" lang="en" dir="ltr">Shaking, chills or low '
            "blood pressure</bdi></li>") in html
    assert "Confusión nueva o dificultad para hablar" in page.visible
    assert page.find("body", class_="draft")


def test_hostile_msgstr_is_inert_in_html(built: Built) -> None:
    html = built.page("ru", built.hostile)
    page = Page(html)
    tags = {tag for tag, _ in page.elements}
    assert "script" not in tags
    for tag, attrs in page.elements:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        for name in ("href", "src"):
            value = re.sub(r"[\x00-\x20]", "", attrs.get(name, "")).lower()
            assert not value.startswith(("javascript:", "vbscript:", "data:", "file:")), attrs
            assert "etc/hostname" not in value
    assert [a["href"] for a in page.find("a") if "href" in a and "evil" in a["href"]] == []
    assert "<script>alert(1)</script>" in page.visible  # shown as text, never run
    assert '<a href="https://evil.example" onclick="steal()">звонить</a>' in page.visible
    assert page.find("img", alt='" onerror="alert(10)')


def test_released_language_refuses_incomplete_document(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    assert run(root, "build", "--format", "html").exit_code == 0
    assert (root / "output" / "ru" / f"{DOC}.html").exists()
    edit_catalog(root, "ru", {"Dose": ("Доза", True), "Acyclovir": ("", False)})
    result = run(root, "build", "--format", "html")
    assert result.exit_code == 1
    assert result.output.splitlines() == [  # en, ar and zh no longer link to ru: rebuilt
        f"built     output/en/{DOC}.html",
        f"built     output/ar/{DOC}.html",
        f"built     output/zh/{DOC}.html",
        f"refused   ru/{DOC}: 1 machine translation not yet approved, 1 untranslated of 16 "
        f"segments (released language: review locales/ru/LC_MESSAGES/{DOC}.po, or build "
        "with --draft)",
        f"skipped   es/{DOC}: draft language (build with --draft to preview it, with a banner)",
        f"removed   output/ru/{DOC}.html (no longer built)",
        "built     output/index.html",
        "3 files built, 0 unchanged; 1 document refused, 1 skipped",
    ]
    assert not (root / "output" / "ru" / f"{DOC}.html").exists()
    index = Page((root / "output" / "review.html").read_text("utf-8"))
    assert "not published: review pending" in index.visible


def test_changed_source_sentence_is_refused_until_translated(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    source = root / "source" / f"{DOC}.md"
    source.write_text(source.read_text("utf-8").replace("twice a day.", "three times a day."),
                      "utf-8")
    result = run(root, "build", "--lang", "ar", "--format", "html")
    assert result.exit_code == 1
    assert f"refused   ar/{DOC}: 1 untranslated of 16 segments" in result.output
    assert not (root / "output" / "ar").exists()


def test_missing_catalog_is_named(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    shutil.rmtree(root / "locales" / "zh")
    result = run(root, "build", "--lang", "zh", "--format", "html")
    assert result.exit_code == 1
    assert (f"refused   zh/{DOC}: no catalog locales/zh/LC_MESSAGES/{DOC}.po (run 'pipeline "
            "extract' and translate it)") in result.output.splitlines()


def test_draft_language_needs_the_draft_flag(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    result = run(root, "build", "--lang", "es")
    assert result.exit_code == 0
    assert not (root / "output" / "es").exists()
    result = run(root, "build", "--lang", "es", "--draft", "--format", "html")
    assert result.output.splitlines()[0] == f"built     output/es/{DOC}.html"


def test_unchanged_inputs_skip_outputs_and_a_changed_catalog_rebuilds(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    run(root, "build", "--format", "html")
    page = root / "output" / "ar" / f"{DOC}.html"
    before = page.stat().st_mtime_ns
    again = run(root, "build", "--format", "html")
    actions = [line.split()[0] for line in again.output.splitlines()[:-1]]
    assert actions == ["unchanged"] * 4 + ["skipped", "unchanged"]
    assert page.stat().st_mtime_ns == before
    edit_catalog(root, "zh", {"Dose": ("用量", False)})
    third = run(root, "build", "--format", "html")
    assert f"built     output/zh/{DOC}.html" in third.output.splitlines()
    assert f"unchanged output/ar/{DOC}.html" in third.output.splitlines()
    assert "用量" in (root / "output" / "zh" / f"{DOC}.html").read_text("utf-8")


def test_build_reads_po_files_only(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    mo = catalogs.catalog_path(root / "locales", "ru", DOC).with_suffix(".mo")
    mo.write_bytes(b"\xde\x12\x04\x95 not a real catalog")
    assert run(root, "build", "--lang", "ru", "--format", "html").exit_code == 0
    assert "Измеряйте температуру" in (root / "output" / "ru" / f"{DOC}.html").read_text()


def test_parallel_build_gives_the_same_pages_as_serial(tmp_path: Path) -> None:
    outputs = []
    for workers in (1, 2):
        root = copy_project(tmp_path, f"w{workers}")
        result = build(load_config(root), formats=("html",), draft=True, workers=workers)
        assert [o.action for o in result.outcomes] == ["built"] * 5
        outputs.append({p.relative_to(root).as_posix(): p.read_bytes()
                        for p in sorted((root / "output").rglob("*.html"))})
    assert outputs[0] == outputs[1]
    # en, ar, zh, ru, es pages; the patient index of en, ar, zh, ru; the review dashboard
    assert len(outputs[0]) == 10


def test_index_lists_documents_and_languages_with_review_state(built: Built) -> None:
    index = Page((built.root / "output" / "review.html").read_text("utf-8"))
    links = {a["href"] for a in index.find("a")}
    assert {f"{lang}/{DOC}.html" for lang in ("ar", "zh", "ru", "es")} <= links
    assert "16/16 approved" in index.visible
    assert "0/16 approved, 15 machine, 1 untranslated" in index.visible
    assert "draft: machine translation" in index.visible


def test_measures_keep_their_order_in_right_to_left_pages(built: Built) -> None:
    """'38 °C' in Arabic text would show as 'C° 38' without an LTR isolate."""
    assert '<span dir="ltr">38 °C</span>' in built.page("ar")
    assert '<span dir="ltr">38 °C</span>' not in built.page("ru")


def test_rebuild_reads_only_the_changed_inputs(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A second build only hashes unchanged sources and catalogs; a changed one is re-read."""
    import pipeline.build.run as build_module

    root = copy_project(tmp_path)
    (root / "source" / "other.md").write_text("# Other page\n\nOne sentence here.\n")
    assert run(root, "extract").exit_code == 0
    assert run(root, "build", "--draft", "--format", "html").exit_code == 0
    read: list[str] = []
    real_doc, real_po = build_module.load_document, catalogs.read_catalog

    def note(path: Path) -> None:
        # the project's own inputs (the pipeline's shipped words are read once per process,
        # whenever a page is first built in this one: not an input of the project)
        if Path(path).is_relative_to(root):
            read.append(Path(path).name)

    monkeypatch.setattr(build_module, "load_document",
                        lambda path, **kw: note(path) or real_doc(path, **kw))
    monkeypatch.setattr(catalogs, "read_catalog",
                        lambda path, **kw: note(path) or real_po(path, **kw))
    assert run(root, "build", "--draft", "--format", "html").exit_code == 0
    assert read == []
    path = catalogs.catalog_path(root / "locales", "es", DOC)
    path.write_text(path.read_text("utf-8").replace('msgstr ""\n\n', 'msgstr "Nuevo"\n\n', 1))
    result = run(root, "build", "--draft", "--format", "html")
    assert read == [f"{DOC}.po"]
    assert f"built     output/es/{DOC}.html" in result.output
    assert "built     output/ru" not in result.output


def test_draft_build_skips_a_language_with_nothing_translated(tmp_path: Path) -> None:
    """No page that claims to be Spanish while every sentence in it is English."""
    root = copy_project(tmp_path)
    (root / "source" / "other.md").write_text("# Other page\n\nOne sentence here.\n")
    assert run(root, "extract").exit_code == 0
    result = run(root, "build", "--draft", "--lang", "es", "--format", "html")
    assert result.exit_code == 0
    assert ("skipped   es/other: nothing translated yet (run 'pipeline translate' or "
            "translate locales/es/LC_MESSAGES/other.po)") in result.output
    assert not (root / "output" / "es" / "other.html").exists()
    assert (root / "output" / "es" / f"{DOC}.html").exists()
