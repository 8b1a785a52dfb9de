"""Each language's approved entries across a project's catalogs: the corpus the substitution
and omission checks learn from (pipeline.checks.lexicon), read once per language and run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline.checks.lexicon import Corpus, corpus_of


class Corpora:
    """Each language's approved entries in every catalog of a project, read on first use."""

    def __init__(self, config: Any, *, wanted: bool = True) -> None:
        self.config = config
        self.wanted = wanted
        self._built: dict[str, Corpus] = {}
        self._fingerprints: dict[str, str] = {}
        self._read: dict[Path, Any] = {}   # catalogs read for a corpus, until the runner takes them

    def _paths(self, lang: str) -> list[Path]:
        from pipeline.catalogs import catalog_path

        folder = catalog_path(self.config.locales_dir, lang, "x").parent
        return sorted(folder.glob("*.po")) if folder.is_dir() else []

    def fingerprint(self, lang: str) -> str:
        """A digest of the catalogs a language's corpus is read from (keys the check cache)."""
        from pipeline.files import file_digest

        if not self.wanted:
            return ""
        if lang not in self._fingerprints:
            self._fingerprints[lang] = file_digest(*self._paths(lang))
        return self._fingerprints[lang]

    def take(self, path: Path) -> Any:
        """The catalog at `path` as a corpus read it (a Catalog or a syntax Finding), handed
        over once so that the runner does not parse it again; None when not read."""
        return self._read.pop(path, None)

    def get(self, lang: str) -> Corpus | None:
        """The corpus of `lang` (None when no check that reads one is enabled)."""
        if not self.wanted:
            return None
        if lang not in self._built:
            from pipeline.checks.inputs import read
            from pipeline.model import Finding

            pairs: list[tuple[str, str]] = []
            for path in self._paths(lang):
                loaded = read(path, file=self.config.rel(path), lang=lang, doc=path.stem)
                self._read[path] = loaded
                if not isinstance(loaded, Finding):
                    pairs += [(e.msgid, e.msgstr) for e in loaded.live()
                              if e.translated and not e.fuzzy and not e.msgid_plural]
            self._built[lang] = corpus_of(pairs, lang)
        return self._built[lang]
