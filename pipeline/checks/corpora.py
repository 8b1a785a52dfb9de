"""Each language's approved entries across a project's catalogs: the corpus the substitution
and omission checks learn from (pipeline.checks.lexicon), read once per language and run."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from pipeline.checks.lexicon import Corpus, corpus_of
from pipeline.state import Memo


class Corpora:
    """Each language's approved entries in every catalog of a project, read on first use.

    `memo` (the check cache) keeps, per catalog file, a digest of its approved pairs: the
    fingerprint that keys every catalog's cached findings changes only when what the corpus
    is made of changes, not when a catalog gains a fuzzy draft or a new untranslated entry
    (a one-sentence edit then re-checks the catalogs it touched, not the whole language).
    """

    def __init__(self, config: Any, *, wanted: bool = True, memo: Memo | None = None) -> None:
        self.config = config
        self.wanted = wanted
        self.memo = memo
        self._built: dict[str, Corpus] = {}
        self._fingerprints: dict[str, str] = {}
        self._read: dict[Path, Any] = {}   # catalogs read for a corpus, until the runner takes them
        self._pairs: dict[Path, list[tuple[str, str]]] = {}

    def _paths(self, lang: str) -> list[Path]:
        from pipeline.catalogs import catalog_path

        folder = catalog_path(self.config.locales_dir, lang, "x").parent
        return sorted(folder.glob("*.po")) if folder.is_dir() else []

    def _approved(self, path: Path, lang: str) -> list[tuple[str, str]]:
        """The approved (msgid, msgstr) pairs of one catalog, read once per run."""
        if path not in self._pairs:
            from pipeline.checks.inputs import read
            from pipeline.model import Finding

            loaded = read(path, file=self.config.rel(path), lang=lang, doc=path.stem)
            self._read[path] = loaded
            self._pairs[path] = [] if isinstance(loaded, Finding) else [
                (e.msgid, e.msgstr) for e in loaded.live()
                if e.translated and not e.fuzzy and not e.msgid_plural]
        return self._pairs[path]

    def fingerprint(self, lang: str) -> str:
        """A digest of the approved pairs the language's corpus is made of (keys the check
        cache); a catalog whose file is unchanged is not read for it."""
        from pipeline.files import file_digest

        if not self.wanted:
            return ""
        if lang not in self._fingerprints:
            whole = hashlib.sha256()
            for path in self._paths(lang):
                item, digest = f"corpus:{self.config.rel(path)}", file_digest(path)
                pairs = self.memo.get(item, digest) if self.memo is not None else None
                if pairs is None:
                    approved = json.dumps(sorted(self._approved(path, lang)),
                                          ensure_ascii=False)
                    pairs = hashlib.sha256(approved.encode("utf-8")).hexdigest()
                    if self.memo is not None:
                        self.memo.put(item, digest, pairs)
                whole.update(f"{path.name}\0{pairs}\0".encode())
            self._fingerprints[lang] = whole.hexdigest()
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
            pairs = [pair for path in self._paths(lang) for pair in self._approved(path, lang)]
            self._built[lang] = corpus_of(pairs, lang)
        return self._built[lang]
