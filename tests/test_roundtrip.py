"""Round trip: building with an identity catalog (msgstr = msgid) gives the source's own HTML.

Generated documents mix headings, paragraphs of several sentences ("Dr.", numbers, units),
emphasis, code, links (inline and by reference), images, lists, quotes, tables and hard line
breaks. Each is built through the build stage's page assembly (`page_html`) with every
segment translated by itself, and its <main> must equal rendering the parsed source directly
(after the same link policy, which turns `x.md` links into `x.html`). Whitespace runs are
compared as one space: a soft line break and a space are the same thing in HTML.
"""

from __future__ import annotations

import atexit
import re
import shutil
import string
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.build.page import Job, _sanitize, page_html
from pipeline.markdown import load_document, parse, render_html

WORDS = ("patient", "dose", "fever", "transplant", "cells", "the", "your", "doctor", "we",
         "call", "blood", "week", "take", "after", "CAR-T", "therapy", "e.g.", "approx.", "vs.",
         "no.", "Fig.", "U.S.", "etc.", "J.", "1.", "café", "naïve")
NUMBERS = ("2.5 mg", "38 °C", "1,000", "400 mg/m2", "3.", "10%", "12:30", "-2", "+3", "0.5",
           "No. 7", "1.5.", "v2.0")
TRICKY = ("Dr. Lee", "https://example.org/a.b", "<https://example.org>", "**bold *em* x**",
          "\\*not em\\*", "&amp; &lt;b&gt;", "<b>raw</b>", '[t](https://example.org/x "Title")',
          "**line  \nnext**", "a\\\\", "*a", "`co  \nde`", "x  \ny", "p\\\ny", "[ref][1]",
          "[ref]", "H~2~O", "e.g. Fever", "(see Fig. 2.)", "“Quoted.” Next", "! Bang", "&#x6a;s")

word = st.one_of(st.sampled_from(WORDS), st.sampled_from(NUMBERS),
                 st.text(string.ascii_letters, min_size=1, max_size=9))
plain = st.lists(word, min_size=1, max_size=6).map(" ".join)
inline = st.one_of(
    plain, plain.map(lambda t: f"**{t}**"), plain.map(lambda t: f"*{t}*"),
    plain.map(lambda t: f"_{t}_"), plain.map(lambda t: f"`{t}`"),
    plain.map(lambda t: f"[{t}](https://example.org/x)"), plain.map(lambda t: f"[{t}](other.md)"),
    plain.map(lambda t: f"![{t}](images/x.png)"), st.sampled_from(TRICKY))
sentence = st.tuples(st.lists(inline, min_size=1, max_size=4).map(" ".join),
                     st.sampled_from([".", "?", "!", ".", "…", ".)", '."', ""])).map(
    lambda p: p[0][:1].upper() + p[0][1:] + p[1])
# Between sentences: spaces, a soft break, or a hard break (two spaces or a backslash).
joint = st.sampled_from([" ", " ", "  ", "\n", "  \n", "\\\n"])


def joined(sentences: list[str], joints: list[str]) -> str:
    return sentences[0] + "".join(j + s for j, s in zip(joints, sentences[1:], strict=False))


paragraph = st.builds(joined, st.lists(sentence, min_size=1, max_size=4),
                      st.lists(joint, min_size=3, max_size=3))
line = st.lists(sentence, min_size=1, max_size=3).map(" ".join)
cell = line.map(lambda c: c.replace("|", "\\|"))
block = st.one_of(
    st.tuples(st.integers(1, 3), line).map(lambda h: "#" * h[0] + " " + h[1]),
    paragraph,
    st.lists(line, min_size=1, max_size=3).map(lambda items: "\n".join(f"- {i}" for i in items)),
    st.lists(line, min_size=1, max_size=3).map(
        lambda items: "\n".join(f"{n}. {i}" for n, i in enumerate(items, 1))),
    paragraph.map(lambda p: "\n".join(f"> {row}" for row in p.split("\n"))),
    st.tuples(st.lists(cell, min_size=2, max_size=2),
              st.lists(st.lists(cell, min_size=2, max_size=2), min_size=1, max_size=2)).map(
        lambda t: "| " + " | ".join(t[0]) + " |\n|---|---|\n"
        + "\n".join("| " + " | ".join(r) + " |" for r in t[1])),
    plain.map(lambda alt: f"![{alt}](images/photo.png)"),
    st.just("[1]: https://example.org/ref\n\n[ref]: https://example.org/other"),
)
front = st.one_of(st.just(""), line.filter(lambda t: '"' not in t and "\\" not in t).map(
    lambda t: f'---\ntitle: "{t}"\n---\n\n'))
document = st.builds(lambda fm, blocks: fm + "\n\n".join(blocks) + "\n", front,
                     st.lists(block, min_size=1, max_size=6))
FOLDER = Path(tempfile.mkdtemp(prefix="roundtrip-"))   # one for all examples of a run,
atexit.register(shutil.rmtree, FOLDER, ignore_errors=True)  # removed when it ends
PAGE = {"lang": "es", "dir": "ltr", "project": "", "source_lang": "en", "banner": False,
        "generator": "test", "alternates": [], "switcher": [], "pdf_href": ""}


def bodies(text: str, segmentation: str) -> tuple[str, str]:
    """<main> of the page built with an identity catalog, and the source rendered directly."""
    source = FOLDER / segmentation / "source" / "doc.md"
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_text(text, "utf-8")
    doc = load_document(source, shown="source/doc.md", segmentation=segmentation)
    job = Job(doc="doc", lang="es", source=source, shown="source/doc.md", page=PAGE,
              translations={s.text: s.text for s in doc.segments}, mark_untranslated=False,
              source_lang="en", segmentation=segmentation, output=FOLDER / "output",
              root=FOLDER, todo=("html",))
    html, _ = page_html(job)
    built = html.split("<main>\n", 1)[1].rsplit("\n</main>", 1)[0]
    # What the page adds to the document itself: print-only link addresses, tel: links and
    # focusable tables (tested in test_handouts.py).
    built = re.sub(r'<span class="link-target"> \(<span dir="ltr">[^<]*</span>\)</span>', "",
                   built)
    built = re.sub(r'<a href="tel:[^"]*" dir="ltr">([^<]*)</a>', r"\1", built)
    built = built.replace('<table tabindex="0">', "<table>")
    tokens = parse(text, shown="source/doc.md").tokens
    _sanitize(tokens, source_dir=source.parent, notes=[])
    return built, render_html(tokens).strip()


def same(html: str) -> str:
    return re.sub(r"\s+", " ", html).strip()


@pytest.mark.parametrize(("segmentation", "examples"), [("sentence", 120), ("paragraph", 50)])
def test_identity_catalog_rebuilds_the_source_html(segmentation: str, examples: int) -> None:
    @settings(max_examples=examples, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(document)
    def check(text: str) -> None:
        built, direct = bodies(text, segmentation)
        assert same(built) == same(direct), text

    check()


@pytest.mark.parametrize(("text", "segments", "html"), [
    ("Call us.  \nPhone 555.", ["Call us.", "Phone 555."], "<p>Call us.<br />\nPhone 555.</p>"),
    ("Hospital Street\\\n12 Main Road.", ["Hospital Street", "12 Main Road."],
     "<p>Hospital Street<br />\n12 Main Road.</p>"),
    ("Escaped \\\\\nbackslash.", ["Escaped \\\\ backslash."],
     "<p>Escaped \\ backslash.</p>"),
    ("Code `a  \nb` here.", ["Code `a b` here."], "<p>Code <code>a b</code> here.</p>"),
    ("See [the office][1].\n\n[1]: https://example.org/ipo", ["See [the office][1]."],
     '<p>See <a href="https://example.org/ipo">the office</a>.</p>'),
])
def test_hard_breaks_and_references_survive(text: str, segments: list[str], html: str) -> None:
    built, direct = bodies(text, "sentence")
    doc = load_document(FOLDER / "sentence" / "source" / "doc.md", shown="doc.md")
    assert [s.text for s in doc.segments] == segments
    assert same(built) == same(direct) == same(html)
