"""Sign-off state of entries, and `sign`: the API that `pipeline signoff` and the review app use.

    load_records(config, lang=, doc=)            -> the log's records, oldest first
    entry_state(entry, records, critical=, ...)  -> EntryState of one catalog entry
    document_states(config, lang=, doc=)         -> EntryState of every live entry
    sign(config, lang=, reviewer=, role=, docs=, entry=) -> the records it appended

The log (pipeline.review.records) is the one source of truth. The `# signed-off:` translator
comment that Poedit shows is derived from it: `sign` rewrites it for every entry of each
catalog it touched, and `sync_comments` does so on demand; check, build and audit never read it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pipeline import catalogs
from pipeline.checks import Catalog, Entry
from pipeline.config import Config
from pipeline.files import atomic_write
from pipeline.lock import project_lock
from pipeline.markdown import load_document
from pipeline.model import ROLES, SignOff
from pipeline.review import records as rec
from pipeline.review.policy import critical_msgids
from pipeline.review.records import ReviewError

COMMENT = "signed-off:"
_REVIEWER = re.compile(r"^\s*(?P<name>[^<>]*\S)\s*<(?P<email>[^<>\s]+@[^<>\s]+)>\s*$")
STATES = ("signed", "second-review", "stale", "unsigned", "machine", "untranslated")


@dataclass(frozen=True)
class EntryState:
    """Where one entry stands: its state, whether it is critical and which records count."""

    msgid: str
    msgctxt: str | None
    line: int
    state: str                      # one of STATES
    critical: bool
    hash: str
    valid: tuple[SignOff, ...] = ()  # records for the current text (signature checked)
    stale: tuple[SignOff, ...] = ()  # records for an earlier translation of this English
    note: str = ""                  # what is missing, in words

    @property
    def ok(self) -> bool:
        return self.state == "signed"


def hash_of(entry: Entry) -> str:
    forms = entry.msgstr_plural if entry.msgid_plural else (entry.msgstr,)
    return rec.entry_hash(entry.msgctxt, entry.msgid, entry.msgid_plural, forms)


def load_records(config: Config, *, lang: str, doc: str) -> tuple[SignOff, ...]:
    path = rec.log_path(config.root, config.review.records_dir, lang, doc)
    return rec.read_log(path, shown=config.rel(path))


def state_inputs(config: Config, *, lang: str, doc: str) -> list[Path]:
    """The files a document's sign-off states are read from: its catalog, its English source
    (critical sections), its sign-off records and, with SSH signatures, the allowed signers.
    A digest of them (and of `config.review`) says when the states may have changed."""
    review = config.review
    paths = [catalogs.catalog_path(config.locales_dir, lang, doc),
             config.source_dir / f"{doc}.md",
             rec.log_path(config.root, review.records_dir, lang, doc)]
    if review.signatures == "ssh":
        paths.append(config.root / review.allowed_signers)
    return paths


def _valid(record: SignOff, config: Config) -> bool:
    if config.review.signatures != "ssh":
        return True
    return rec.verify(record, config.root / config.review.allowed_signers)


def entry_state(entry: Entry, records: Sequence[SignOff], *, critical: bool,
                config: Config) -> EntryState:
    """The sign-off state of one entry, given its catalog's records."""
    current = hash_of(entry)
    base = EntryState(msgid=entry.msgid, msgctxt=entry.msgctxt, line=entry.line,
                      state="signed", critical=critical, hash=current)
    if not entry.translated:
        return replace(base, state="untranslated")
    if entry.fuzzy:
        return replace(base, state="machine")
    mine = [r for r in records if r.msgid == entry.msgid and r.msgctxt == entry.msgctxt]
    matching = [r for r in mine if r.hash == current]
    valid = tuple(r for r in matching if _valid(r, config))
    stale = tuple(r for r in mine if r.hash != current)
    if not valid:
        if stale:
            note = (f"signed by {stale[-1].name} on {stale[-1].time[:10]}, but the "
                    "translation changed since")
            return replace(base, state="stale", stale=stale, note=note)
        note = ("no sign-off whose SSH signature verifies" if matching else "no sign-off")
        return replace(base, state="unsigned", stale=stale, note=note)
    if critical:
        policy = config.review
        people = {r.person for r in valid}
        missing = []
        if len(people) < policy.critical_reviewers:
            missing.append(f"{policy.critical_reviewers} different reviewers "
                           f"(has {len(people)})")
        if policy.critical_roles and not any(r.role in policy.critical_roles for r in valid):
            missing.append(f"one in the role {' or '.join(policy.critical_roles)}")
        if missing:
            return replace(base, state="second-review", valid=valid, stale=stale,
                           note="critical section: needs " + " and ".join(missing))
    return replace(base, valid=valid, stale=stale)


def _critical(config: Config, doc: str) -> frozenset[str]:
    source = config.source_dir / f"{doc}.md"
    if not source.exists():
        return frozenset()
    document = load_document(source, shown=config.rel(source),
                             segmentation=config.segmentation)
    return critical_msgids(config.review, document)


def read_catalog(config: Config, *, lang: str, doc: str) -> tuple[Any, Catalog]:
    """A catalog as polib object (for writing) and as the checks' Catalog (for states)."""
    from pipeline.checks.inputs import to_catalog

    path = catalogs.catalog_path(config.locales_dir, lang, doc)
    shown = config.rel(path)
    if not path.exists():
        raise ReviewError(f"no catalog for {doc} in {lang}", path=shown,
                          hint="run 'pipeline extract' first")
    po = catalogs.read_catalog(path, shown=shown, strict=True)
    return po, to_catalog(po, path.read_text("utf-8"), file=shown, lang=lang, doc=doc)


def catalog_states(config: Config, catalog: Catalog) -> list[EntryState]:
    """The state of every live entry of a catalog (already parsed)."""
    records = load_records(config, lang=catalog.lang, doc=catalog.doc)
    critical = _critical(config, catalog.doc)
    return [entry_state(e, records, critical=e.msgid in critical, config=config)
            for e in catalog.live()]


def document_states(config: Config, *, lang: str, doc: str) -> list[EntryState]:
    return catalog_states(config, read_catalog(config, lang=lang, doc=doc)[1])


def parse_reviewer(text: str) -> str:
    found = _REVIEWER.match(text or "")
    if not found:
        raise ReviewError(f"reviewer {text!r} is not 'Name <email>'",
                          hint='write e.g. --reviewer "Amal Sample <amal@example.org>"')
    return f"{found.group('name')} <{found.group('email')}>"


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def sign(config: Config, *, lang: str, reviewer: str, role: str = "reviewer",
         docs: Iterable[str] = (), entry: str | Iterable[str] | None = None,
         expect: str | None = None, key: Path | None = None, now: str | None = None,
         locked: bool = False) -> list[SignOff]:
    """Sign off every approved entry of `docs` (all documents if none) not yet signed by
    `reviewer` in `role` in its current form; return the records appended.

    `entry` limits it to one msgid (or to several), and then refuses (ReviewError, exit 2),
    before anything is written, an entry that is missing, fuzzy or untranslated, or whose
    msgstr is not `expect` when given (the text the reviewer saw of the one entry). Takes the
    project lock unless the caller holds it (`locked=True`).
    """
    from pipeline.extract import source_files

    config.language(lang)
    who = parse_reviewer(reviewer)
    if role not in ROLES:
        raise ReviewError(f"unknown role '{role}'", hint=f"use one of {', '.join(ROLES)}")
    if config.review.signatures == "ssh" and key is None:
        raise ReviewError("this project requires SSH-signed sign-offs",
                          path=config.rel(config.root / "pyproject.toml"),
                          hint="pass your private key with --key ~/.ssh/id_ed25519")
    names = list(docs) or [p.stem for p in source_files(config)]
    chosen = None if entry is None else (
        frozenset({entry}) if isinstance(entry, str) else frozenset(entry))
    if not locked:
        with project_lock(config.root, command="signoff"):
            return _sign(config, lang, who, role, names, chosen, expect, key, now)
    return _sign(config, lang, who, role, names, chosen, expect, key, now)


def _sign(config: Config, lang: str, who: str, role: str, names: list[str],
          chosen: frozenset[str] | None, expect: str | None, key: Path | None,
          now: str | None) -> list[SignOff]:
    person = SignOff(who, role, "", lang, "", "sha256:", "").person
    plans: list[tuple[str, Any, list[SignOff]]] = []
    files = []
    for doc in names:
        po, catalog = read_catalog(config, lang=lang, doc=doc)
        files.append(catalog.file)
        records = load_records(config, lang=lang, doc=doc)
        wanted = [e for e in catalog.live() if chosen is None or e.msgid in chosen]
        for one in wanted if chosen is not None else ():
            if not one.translated or one.fuzzy:
                state = "untranslated" if not one.translated else "fuzzy (not yet approved)"
                raise ReviewError(f"cannot sign off an entry that is {state}",
                                  path=catalog.file, line=one.line,
                                  hint="translate and approve it first (remove 'fuzzy')")
            if expect is not None and expect != one.msgstr:
                raise ReviewError("the translation in the file differs from the one reviewed",
                                  path=catalog.file, line=one.line,
                                  hint="reload the entry and review it again")
        new: list[SignOff] = []
        when = now or _now()
        for item in wanted:
            if not item.translated or item.fuzzy:
                continue
            current = hash_of(item)
            if any(r.hash == current and r.person == person and r.role == role
                   and r.msgid == item.msgid for r in records):
                continue
            record = SignOff(reviewer=who, role=role, time=when, lang=lang, doc=doc,
                             hash=current, msgid=item.msgid, msgctxt=item.msgctxt)
            if key is not None:
                record = SignOff(**{**_fields(record), "signature": rec.sign_payload(record,
                                                                                     key)})
            new.append(record)
        plans.append((doc, po, new))
    found = {e.msgid for _, po, _ in plans for e in po if not e.obsolete}
    missing = sorted(chosen - found) if chosen is not None else []
    if missing:
        raise ReviewError(f"no entry with msgid {missing[0][:50]!r}",
                          path=files[0] if len(files) == 1 else None,
                          hint="copy the msgid exactly from the catalog")
    appended: list[SignOff] = []
    for doc, po, new in plans:  # everything was checked before the first write
        if new:
            path = rec.log_path(config.root, config.review.records_dir, lang, doc)
            rec.append_records(path, new)
            appended += new
        sync_comments(config, lang=lang, doc=doc, po=po)  # also catches up after a kill
    return appended


def _fields(record: SignOff) -> dict[str, Any]:
    return {f.name: getattr(record, f.name) for f in fields(record)}


def comment_for(state: EntryState) -> str:
    """The `# signed-off:` line Poedit shows for an entry with valid sign-offs."""
    people = [f"{r.name} ({r.role}) {r.time[:10]}" for r in state.valid]
    return f"{COMMENT} {', '.join(dict.fromkeys(people))} [{state.hash[7:15]}]"


def sync_comments(config: Config, *, lang: str, doc: str, po: Any = None) -> bool:
    """Rewrite the `# signed-off:` comments of one catalog from its log; True if written."""
    path = catalogs.catalog_path(config.locales_dir, lang, doc)
    if po is None:
        po = read_catalog(config, lang=lang, doc=doc)[0]
    before = catalogs.content(po)
    from pipeline.checks.inputs import to_catalog

    catalog = to_catalog(po, catalogs.render(po), file=config.rel(path), lang=lang, doc=doc)
    states = {(s.msgctxt, s.msgid): s for s in catalog_states(config, catalog)}
    for item in po:
        if item.obsolete:
            continue
        kept = [line for line in (item.tcomment or "").splitlines()
                if not line.startswith(COMMENT)]
        state = states.get((item.msgctxt, item.msgid))
        if state is not None and state.valid:
            kept.append(comment_for(state))
        item.tcomment = "\n".join(kept)
    if catalogs.content(po) == before:
        return False
    atomic_write(path, catalogs.render(po))
    return True
