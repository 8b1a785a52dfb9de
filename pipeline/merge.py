"""Merge a template into a language's catalog with GNU msgmerge's semantics.

What a catalog already has is kept (header fields, Plural-Forms, translator comments, the
translations of unchanged sentences); a changed sentence gets the most similar old
translation as fuzzy with its previous msgid (`#|`); what the template dropped becomes
obsolete (`#~`). Lives beside pipeline.catalogs, which reads and writes the files.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable

from polib import POEntry, POFile

from pipeline import languages
from pipeline.catalogs import WRAP, is_machine_output, is_translated, now_stamp
from pipeline.languages import plural_forms
from pipeline.model import MergeStats

FUZZY_THRESHOLD = 0.6  # msgmerge's own threshold for a fuzzy match
_WORD = re.compile(r"\w{3,}")


def _nplurals(meta: dict[str, str]) -> int:
    found = re.search(r"nplurals\s*=\s*(\d+)", meta.get("Plural-Forms", ""))
    return int(found.group(1)) if found else 2


# What one pair of msgids measured (old, new) → (exact?, ratio or its upper bound): every
# language's catalog of a document holds the same English, so a run measures each pair once.
Similarity = dict[tuple[str, str], tuple[bool, float]]


def _similar(index: dict[str, list[POEntry]], pool: list[POEntry],
             msgid: str, memo: Similarity) -> POEntry | None:
    """The most similar translated old entry (ratio ≥ FUZZY_THRESHOLD), as msgmerge finds it.

    Candidates sharing a word come first (cheap); when none of them is similar enough, every
    old entry whose length allows the threshold is tried, so short segments ("Close" for
    "Closed") are not missed.
    """
    matcher = difflib.SequenceMatcher(None, "", msgid, autojunk=False)

    def best_of(candidates: Iterable[POEntry]) -> POEntry | None:
        best, best_ratio = None, FUZZY_THRESHOLD
        for entry in candidates:
            total = len(entry.msgid) + len(msgid)
            if not total or 2 * min(len(entry.msgid), len(msgid)) / total < best_ratio:
                continue
            exact, ratio = memo.get((entry.msgid, msgid), (False, 1.0))
            if ratio < best_ratio:
                continue
            if not exact:
                matcher.set_seq1(entry.msgid)
                ratio = matcher.real_quick_ratio()       # upper bounds of ratio(), cheap first
                if ratio >= best_ratio:
                    ratio = matcher.quick_ratio()
                exact = ratio >= best_ratio
                if exact:
                    ratio = matcher.ratio()
                memo[(entry.msgid, msgid)] = (exact, ratio)
                if not exact:
                    continue
            if ratio > best_ratio or (ratio == best_ratio and best is None):
                best, best_ratio = entry, ratio
        return best

    near: dict[int, POEntry] = {}
    for word in set(_WORD.findall(msgid.lower())):
        for entry in index.get(word, ()):
            near[id(entry)] = entry
    return best_of(near.values()) or best_of(e for e in pool if id(e) not in near)


def _header(pot: POFile, old: POFile | None, *, lang: str) -> tuple[str, dict[str, str]]:
    """The merged header: the catalog's own fields kept (Plural-Forms included), as msgmerge
    does; the template's creation date; fields a new catalog needs filled in."""
    first = (pot.header or "").splitlines()[:1] or ["the project"]
    subject = first[0].removeprefix("Translation template for ")
    header = (old.header if old is not None and old.header
              else f"{lang} translation of {subject}")
    meta = dict(old.metadata) if old is not None else {}
    created = pot.metadata.get("POT-Creation-Date") or now_stamp()
    defaults = {
        "Project-Id-Version": pot.metadata.get("Project-Id-Version") or "pipeline",
        "Report-Msgid-Bugs-To": pot.metadata.get("Report-Msgid-Bugs-To", ""),
        "POT-Creation-Date": created,
        "PO-Revision-Date": created,
        "Last-Translator": "pipeline",
        "Language-Team": lang,
        "Language": languages.catalog_tag(lang),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": plural_forms(lang),
    }
    for key, value in defaults.items():
        if not meta.get(key):
            meta[key] = value
    meta["POT-Creation-Date"] = created
    if meta["PO-Revision-Date"].startswith("YEAR"):
        meta["PO-Revision-Date"] = created
    return header, meta


def merge(pot: POFile, old: POFile | None, *, lang: str, memo: Similarity | None = None
          ) -> tuple[POFile, MergeStats]:
    """Merge a template into a catalog the way msgmerge does.

    Exact matches keep their msgstr, fuzzy flag and translator comments; a new msgid similar
    to a translated old one gets its msgstr as fuzzy with `#|` previous msgid; other
    translated old entries no longer in the template become obsolete. Format flags, range and
    wrapping come from the template. No msgstr is ever dropped. `memo`: the similarities
    already measured in this run (the other languages' catalogs of the same document).
    """
    memo = {} if memo is None else memo
    new = POFile(wrapwidth=WRAP)
    new.header, new.metadata = _header(pot, old, lang=lang)
    new.metadata_is_fuzzy = bool(old.metadata_is_fuzzy) if old is not None else False
    nplurals = _nplurals(new.metadata)

    old_entries = list(old) if old is not None else []
    live = {(e.msgctxt, e.msgid): e for e in old_entries if not e.obsolete}
    dead = {(e.msgctxt, e.msgid): e for e in old_entries if e.obsolete}
    index: dict[str, list[POEntry]] = defaultdict(list)
    pool = [e for e in live.values() if is_translated(e) or e.msgstr]
    for entry in pool:
        for word in set(_WORD.findall(entry.msgid.lower())):
            index[word].append(entry)
    used: set[tuple[str | None, str]] = set()
    kept = added = fuzzy = 0
    for tentry in pot:
        if tentry.obsolete:  # an obsolete entry in a template is history, not work
            continue
        key = (tentry.msgctxt, tentry.msgid)
        entry = POEntry(msgid=tentry.msgid, msgctxt=tentry.msgctxt, msgstr="",
                        comment=tentry.comment, occurrences=list(tentry.occurrences),
                        msgid_plural=tentry.msgid_plural,
                        flags=[f for f in tentry.flags if f != "fuzzy"])
        if tentry.msgid_plural:
            entry.msgstr_plural = dict.fromkeys(range(nplurals), "")
        previous = live.get(key) or dead.get(key)
        if previous is not None:
            used.add(key)  # an obsolete exact match comes back, as msgmerge does
            _carry(previous, entry, tentry)
            if previous.obsolete and is_machine_output(previous):
                entry.flags = sorted(set(entry.flags) | {"fuzzy"})  # no tool approves
            kept += 1
        else:
            similar = _similar(index, pool, tentry.msgid, memo)
            if similar is not None:
                used.add((similar.msgctxt, similar.msgid))  # lives on as the #| previous
                _carry(similar, entry, tentry)
                entry.flags = sorted(set(entry.flags) | {"fuzzy"})
                # The English the translation was made for: the source's own #| if it had one.
                made_for = similar.previous_msgid if "fuzzy" in similar.flags else None
                entry.previous_msgid = made_for or similar.msgid
                entry.previous_msgctxt = (similar.previous_msgctxt if made_for
                                          else similar.msgctxt)
                fuzzy += 1
            else:
                added += 1
        new.append(entry)
    obsolete = 0
    for entry in old_entries:
        key = (entry.msgctxt, entry.msgid)
        if key in used or not (entry.msgstr or any(entry.msgstr_plural.values())):
            continue
        gone = POEntry(msgid=entry.msgid, msgctxt=entry.msgctxt, msgstr=entry.msgstr,
                       msgid_plural=entry.msgid_plural, msgstr_plural=dict(entry.msgstr_plural),
                       tcomment=entry.tcomment, flags=list(entry.flags), obsolete=True,
                       previous_msgid=entry.previous_msgid,
                       previous_msgctxt=entry.previous_msgctxt,
                       previous_msgid_plural=entry.previous_msgid_plural)
        new.append(gone)
        obsolete += 1
    return new, MergeStats(kept=kept, added=added, fuzzy=fuzzy, obsolete=obsolete)


def _carry(source: POEntry, target: POEntry, template: POEntry) -> None:
    """Copy what belongs to the translator (msgstr, fuzzy, comments, #| lines); the other
    flags (format, range, no-wrap) come from the template, as in msgmerge."""
    if target.msgid_plural and source.msgstr_plural:
        forms = {int(k): v for k, v in source.msgstr_plural.items()}
        target.msgstr_plural = {n: forms.get(n, "") for n in
                                range(max(len(target.msgstr_plural), len(forms)))}
    elif target.msgid_plural and source.msgstr:
        target.msgstr_plural = {**target.msgstr_plural, 0: source.msgstr}
    else:
        target.msgstr = source.msgstr or source.msgstr_plural.get(0, "") or ""
    target.tcomment = source.tcomment
    target.flags = sorted(set(template.flags) - {"fuzzy"} | ({"fuzzy"} & set(source.flags)))
    if "fuzzy" in source.flags:
        target.previous_msgid = source.previous_msgid
        target.previous_msgctxt = source.previous_msgctxt
        target.previous_msgid_plural = source.previous_msgid_plural




