"""The pipeline's own words (banner, footer, index, document control) in its gettext domain.

Translations ship as PO files in the package (`pipeline/locale/<lang>/LC_MESSAGES/pipeline.po`)
and are read with the project's catalog code: no compile step, and a content project's own
catalog (`<theme-dir>/locale/<lang>/LC_MESSAGES/pipeline.po`) overrides any string. Only
approved entries count: a fuzzy entry is not yet a human translation. A string with no
translation falls back to English, and says so (`lang_of`), so pages can mark it `lang="en"`.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from markupsafe import Markup, escape

from pipeline.languages import catalog_tag, fallbacks

DOMAIN = "pipeline"
SOURCE_LANG = "en"


def _noop(message: str) -> str:
    """Marks a string for extraction into the pipeline domain without translating it."""
    return message


N_ = _noop
BANNER = "Machine translation, not yet reviewed by a medical translator"


class Translator:
    """A gettext-like object for one language: `gettext`, `ngettext`, and `lang_of`."""

    def __init__(self, lang: str, table: dict[str, str]) -> None:
        self.lang = lang
        self._table = table

    def gettext(self, message: str) -> str:
        return self._table.get(message) or message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        # Plural entries are keyed by the singular; one form is shipped (counts are spelled out).
        return self._table.get(singular if n == 1 else plural) or (singular if n == 1 else plural)

    def lang_of(self, message: str) -> str:
        """The language the shown text is in: this translator's, or English when it fell back."""
        return self.lang if self.lang == SOURCE_LANG or message in self._table else SOURCE_LANG

    def markup(self, message: str, **values: object) -> Markup:
        """HTML for a string: escaped, `%(name)s` filled, wrapped in lang="en" if it fell back."""
        text = escape(self.gettext(message))
        if values:
            text = Markup(str(text) % {k: escape(v) if not isinstance(v, Markup) else v
                                       for k, v in values.items()})
        if self.lang_of(message) != self.lang:
            return Markup(f'<span lang="{SOURCE_LANG}" dir="ltr">{text}</span>')
        return Markup(text)


def _candidates(lang: str) -> list[str]:
    """`zh-Hant-TW` → ["zh-Hant-TW", "zh_Hant_TW", "zh-Hant", "zh"]: the most specific first."""
    return list(dict.fromkeys(spelled for tag in fallbacks(lang)
                              for spelled in (tag, catalog_tag(tag))))


def _read(path: Path, shown: str) -> dict[str, str]:
    from pipeline import catalogs

    if not path.is_file():
        return {}
    po = catalogs.read_catalog(path, shown=shown, strict=True)
    return catalogs.translations(po, approved_only=True)


@lru_cache(maxsize=64)
def _shipped(lang: str) -> tuple[tuple[str, str], ...]:
    root = files("pipeline") / "locale"
    table: dict[str, str] = {}
    for tag in reversed(_candidates(lang)):  # general first, the specific one wins
        path = Path(str(root / tag / "LC_MESSAGES" / f"{DOMAIN}.po"))
        table.update(_read(path, f"pipeline/locale/{tag}/LC_MESSAGES/{DOMAIN}.po"))
    return tuple(sorted(table.items()))


def project_catalog(theme_dir: Path, tag: str) -> Path:
    """Where a content project keeps its overrides of the pipeline's words for `tag`."""
    return theme_dir / "locale" / tag / "LC_MESSAGES" / f"{DOMAIN}.po"


def translator(lang: str, project: Path | None = None) -> Translator:
    """The pipeline's words in `lang`; `project` is a theme folder whose catalogs override them."""
    table = dict(_shipped(lang))
    if project is not None:
        for tag in reversed(_candidates(lang)):
            path = project_catalog(project, tag)
            table.update(_read(path, str(path)))
    return Translator(lang, table)


def shipped_languages() -> tuple[str, ...]:
    root = files("pipeline") / "locale"
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir()))
