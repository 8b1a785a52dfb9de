"""Sign-off and audit on a copy of the sample project, with require-signoff on (issue 14).

Expected values come from the catalogs and templates themselves (read with polib and GNU
gettext), never from the review code under test.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from pathlib import Path

import polib
import pytest
from conftest import run

from pipeline.lock import project_lock
from pipeline.model import Severity

AR = "Amal Sample <amal.sample@example.org>"
DANA = "Dr Dana Sample <dana.sample@example.org>"
OMAR = "Omar Example <omar@example.org>"
CAR_T = "car-t-or-transplant"
TRAVEL = "travelling-for-treatment"
CRITICAL_HEADINGS = ("Risks to understand", "Staying safe during treatment")


def po_path(root: Path, doc: str, lang: str = "ar") -> Path:
    return root / "locales" / lang / "LC_MESSAGES" / f"{doc}.po"


def live(root: Path, doc: str, lang: str = "ar") -> list[polib.POEntry]:
    return [e for e in polib.pofile(str(po_path(root, doc, lang))) if not e.obsolete]


def critical(root: Path, doc: str) -> set[str]:
    """Entries the sample's policy makes critical, read from the template's own comments."""
    found = set()
    for entry in polib.pofile(str(root / "locales" / f"{doc}.pot")):
        place = " ".join(entry.comment.split())
        if entry.msgid in CRITICAL_HEADINGS or any(f"under “{h}”" in place
                                                    for h in CRITICAL_HEADINGS):
            found.add(entry.msgid)
    return found


def msgid_line(path: Path, msgid: str) -> int:
    """The line of the `msgid` keyword of an entry, read from the file's text."""
    lines = path.read_text("utf-8").splitlines()
    for number, text in enumerate(lines, 1):
        if text.startswith("msgid "):
            parts = [text[6:]]
            for more in lines[number:]:
                if not more.startswith('"'):
                    break
                parts.append(more)
            if "".join(json.loads(p) for p in parts) == msgid:
                return number
    raise AssertionError(msgid)


def findings(root: Path, *args: str) -> list[dict[str, object]]:
    data = json.loads(run(root, "check", "--format", "json", *args).output)
    return [f for f in data["findings"] if f["severity"] == "error"]


def test_the_sample_is_signed_and_passes(sample: Path) -> None:
    result = run(sample, "check")
    assert result.exit_code == 0, result.output
    for lang in ("ar", "ru", "zh"):
        for doc in (CAR_T, TRAVEL):
            text = po_path(sample, doc, lang).read_text("utf-8")
            assert text.count("# signed-off:") == len(live(sample, doc, lang))


def test_approving_without_signing_fails_check(fresh: Path) -> None:
    errors = findings(fresh, "--lang", "ar")
    expected = {(doc, e.msgid) for doc in (CAR_T, TRAVEL) for e in live(fresh, doc)}
    assert {(f["doc"], f["msgid"]) for f in errors} == expected
    assert {f["check"] for f in errors} == {"unsigned"}
    assert run(fresh, "check", "--lang", "ar").exit_code == 1


def test_one_reviewer_clears_all_but_critical_a_second_clinician_clears_those(
        fresh: Path) -> None:
    result = run(fresh, "signoff", "--lang", "ar", "--reviewer", AR, "--role", "translator")
    total = sum(len(live(fresh, doc)) for doc in (CAR_T, TRAVEL))
    assert result.exit_code == 0
    assert result.output.splitlines()[-1] == (
        f"{total} entries signed off by {AR} as translator in {CAR_T}, {TRAVEL}")
    wanted = {(doc, m) for doc in (CAR_T, TRAVEL) for m in critical(fresh, doc)}
    assert len(wanted) > 10
    errors = findings(fresh, "--lang", "ar")
    assert {(f["doc"], f["msgid"]) for f in errors} == wanted
    assert {f["check"] for f in errors} == {"needs-second-review"}
    # The same person again, as clinician, is still one person.
    run(fresh, "signoff", "--lang", "ar", "--reviewer", AR, "--role", "clinician", TRAVEL)
    # Another person, but not a clinician: two people, no clinician.
    run(fresh, "signoff", "--lang", "ar", "--reviewer", OMAR, "--role", "reviewer", CAR_T)
    still = {(f["doc"], f["msgid"]): str(f["message"]) for f in findings(fresh, "--lang", "ar")}
    assert set(still) == wanted
    assert {m.split(";")[0] for (doc, _), m in still.items() if doc == TRAVEL} == {
        "critical section: needs 2 different reviewers (has 1)"}
    assert {m.split(";")[0] for (doc, _), m in still.items() if doc == CAR_T} == {
        "critical section: needs one in the role clinician"}
    for doc in (CAR_T, TRAVEL):   # the clinician signs exactly the critical entries
        chosen = sorted(critical(fresh, doc))
        done = run(fresh, "signoff", "--lang", "ar", "--reviewer", DANA, "--role",
                   "clinician", *[f"--entry={msgid}" for msgid in chosen], doc)
        assert done.exit_code == 0, done.output
        assert done.output.splitlines()[-1].startswith(f"{len(chosen)} entries signed off")
    assert findings(fresh, "--lang", "ar") == []
    assert run(fresh, "check").exit_code == 0
    po = po_path(fresh, CAR_T).read_text("utf-8")
    assert "# signed-off: Amal Sample (translator) " in po
    assert re.search(r"# signed-off: Amal Sample \(translator\) \S+, Omar Example \(reviewer\) "
                     r"\S+, Dr Dana Sample \(clinician\) \S+ \[[0-9a-f]{8}\]", po)
    done = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po_path(fresh, CAR_T))],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_editing_one_msgstr_makes_exactly_that_entry_stale_and_build_refuses(
        sample: Path) -> None:
    path = po_path(sample, TRAVEL)
    po = polib.pofile(str(path))
    target = next(e for e in po if e.msgid.startswith("Please keep the hospital"))
    target.msgstr += " (مُعدَّل)"
    po.save(str(path))
    errors = findings(sample)
    assert [(f["check"], f["lang"], f["doc"], f["msgid"]) for f in errors] == [
        ("signoff-stale", "ar", TRAVEL, target.msgid)]
    result = run(sample, "build", "--lang", "ar", "--format", "html")
    assert result.exit_code == 1
    refused = [line for line in result.output.splitlines() if line.startswith("refused")]
    assert refused == [
        f"refused   ar/{TRAVEL}: 1 with a stale sign-off of {len(live(sample, TRAVEL))} "
        f"entries (released language: sign-off required; see 'pipeline audit --lang ar --doc "
        f"{TRAVEL}', then 'pipeline signoff' after reviewing "
        f"locales/ar/LC_MESSAGES/{TRAVEL}.po)"]
    assert (sample / "output" / "ar" / f"{CAR_T}.html").exists()
    assert not (sample / "output" / "ar" / f"{TRAVEL}.html").exists()
    run(sample, "signoff", "--lang", "ar", "--reviewer", AR, "--role", "translator",
        "--entry", target.msgid, TRAVEL)
    assert run(sample, "build", "--lang", "ar", "--format", "html").exit_code == 0


def test_audit_csv_lists_every_entry_with_reviewer_and_time(sample: Path) -> None:
    result = run(sample, "audit", "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.output)))
    for lang in ("ar", "ru", "zh"):
        for doc in (CAR_T, TRAVEL):
            mine = [r for r in rows if r["lang"] == lang and r["doc"] == doc]
            assert {r["msgid"] for r in mine} == {e.msgid for e in live(sample, doc, lang)}
            assert all(r["reviewer"] and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ",
                                                      r["time"]) for r in mine)
            assert all(r["state"] == "signed" and r["record"] == "valid" for r in mine)
            clinicians = {r["msgid"] for r in mine if r["role"] == "clinician"}
            assert clinicians == critical(sample, doc)
            assert {r["msgid"] for r in mine if r["critical"] == "yes"} == clinicians
    drafts = [r for r in rows if r["lang"] == "es"]
    assert drafts and {r["state"] for r in drafts} == {"machine"}
    assert all(not r["reviewer"] for r in drafts)


def test_audit_text_and_json(sample: Path) -> None:
    text = run(sample, "audit", "--lang", "zh", "--doc", CAR_T).output.splitlines()
    n = len(live(sample, CAR_T, "zh"))
    k = len(critical(sample, CAR_T))
    assert text[0] == (f"zh/{CAR_T}: {n} entries ({k} critical): {n} signed, 0 need a second "
                       "review, 0 stale, 0 approved but unsigned, 0 machine, 0 untranslated")
    assert len(text) == n + 1
    data = json.loads(run(sample, "audit", "--lang", "zh", "--format", "json").output)
    first = data["documents"][0]["entries"][0]
    assert first["signoffs"][0]["reviewer"] == "Wei Sample <wei.sample@example.org>"
    assert first["signoffs"][0]["log"] == f"review/signoffs/zh/{CAR_T}.jsonl:1"


def test_status_shows_signed_and_unsigned(fresh: Path) -> None:
    run(fresh, "signoff", "--lang", "ar", "--reviewer", AR, CAR_T)
    rows = {(r["doc"], r["lang"]): r
            for r in json.loads(run(fresh, "status", "--format", "json").output)["catalogs"]}
    n, k = len(live(fresh, CAR_T)), len(critical(fresh, CAR_T))
    assert (rows[(CAR_T, "ar")]["signed"], rows[(CAR_T, "ar")]["approved_unsigned"]) == (n - k, k)
    assert rows[(TRAVEL, "ar")]["signed"] == 0
    assert rows[(TRAVEL, "zh")]["signed"] == rows[(TRAVEL, "zh")]["translated"]
    assert "signed  unsigned  machine" in run(fresh, "status").output.splitlines()[0]


@pytest.mark.parametrize(("args", "message"), [
    (["--entry", "No such sentence."], "locales/ar/LC_MESSAGES/car-t-or-transplant.po: no "
     "entry with msgid 'No such sentence.' (copy the msgid exactly from the catalog)"),
    (["--reviewer", "just a name"], "reviewer 'just a name' is not 'Name <email>' (write e.g. "
     '--reviewer "Amal Sample <amal@example.org>")'),
])
def test_signoff_refuses_bad_input(sample: Path, args: list[str], message: str) -> None:
    base = {"--reviewer": AR}
    for flag, value in zip(args[::2], args[1::2], strict=True):
        base[flag] = value
    flat = [x for pair in base.items() for x in pair]
    before = (sample / "review" / "signoffs" / "ar" / f"{CAR_T}.jsonl").read_bytes()
    result = run(sample, "signoff", "--lang", "ar", *flat, CAR_T)
    assert result.exit_code == 2
    assert result.output == f"error: {message}\n"
    assert (sample / "review" / "signoffs" / "ar" / f"{CAR_T}.jsonl").read_bytes() == before


def test_signoff_refuses_fuzzy_and_untranslated(sample: Path) -> None:
    path = po_path(sample, CAR_T)
    po = polib.pofile(str(path))
    entries = [e for e in po if not e.obsolete]
    entries[3].flags.append("fuzzy")
    entries[4].msgstr = ""
    po.save(str(path))
    line = {e.msgid: msgid_line(path, e.msgid) for e in entries[3:5]}
    for entry, state in ((entries[3], "fuzzy (not yet approved)"), (entries[4], "untranslated")):
        result = run(sample, "signoff", "--lang", "ar", "--reviewer", OMAR, "--entry",
                     entry.msgid, CAR_T)
        assert result.exit_code == 2
        assert result.output == (f"error: locales/ar/LC_MESSAGES/{CAR_T}.po:"
                                 f"{line[entry.msgid]}: cannot sign off an entry that is "
                                 f"{state} (translate and approve it first (remove 'fuzzy'))\n")
    # several entries at once: one that cannot be signed stops them all before any write
    log = sample / "review" / "signoffs" / "ar" / f"{CAR_T}.jsonl"
    before = log.read_bytes()
    for bad in (entries[3].msgid, "Nope."):
        several = run(sample, "signoff", "--lang", "ar", "--reviewer", OMAR,
                      f"--entry={entries[0].msgid}", f"--entry={bad}", CAR_T)
        assert several.exit_code == 2 and several.output.startswith("error: "), several.output
        assert log.read_bytes() == before
    whole = run(sample, "signoff", "--lang", "ar", "--reviewer", OMAR, CAR_T)
    signed = [line for line in whole.output.splitlines() if line.startswith("signed")]
    assert len(signed) == len(entries) - 2


def test_a_hand_edited_record_is_reported_with_its_line(sample: Path) -> None:
    log = sample / "review" / "signoffs" / "ru" / f"{TRAVEL}.jsonl"
    lines = log.read_text("utf-8").splitlines()
    lines[6] = lines[6].replace('"role": "translator"', '"role": "boss"')
    log.write_text("\n".join(lines) + "\n", "utf-8")
    for command in (["audit"], ["check"]):
        result = run(sample, *command)
        assert result.exit_code == 2
        assert result.output == (f"error: review/signoffs/ru/{TRAVEL}.jsonl:7: malformed "
                                 "sign-off record: bad role or hash (records are written by "
                                 "'pipeline signoff'; restore the line from version control)\n")
    log.write_text('{"time": "2026', "utf-8")
    assert "jsonl:1: malformed sign-off record: Unterminated string" in run(sample, "audit").output


def test_a_second_signoff_waits_for_the_lock(sample: Path) -> None:
    with project_lock(sample, command="signoff"):
        result = run(sample, "signoff", "--lang", "ar", "--reviewer", OMAR)
    assert result.exit_code == 2
    assert "is already working on this project" in result.output


@pytest.mark.parametrize(("lang", "names", "day"), [
    ("ar", "Amal Sample وDr Dana Sample", "28 نوفمبر 2026"),
    ("zh", "Wei Sample和Dr Dana Sample", "2026年11月28日"),
    ("ru", "Olga Sample и Dr Dana Sample", "28 ноября 2026\u202fг."),  # CLDR: narrow nbsp
])
def test_pages_and_pdfs_say_who_reviewed_them_and_when(sample_built: Path, lang: str,
                                                       names: str, day: str) -> None:
    sample = sample_built
    html = (sample / "output" / lang / f"{CAR_T}.html").read_text("utf-8")
    line = re.search(r'<p class="signoff"[^>]*>(.*?)</p>', html)
    assert line is not None
    assert names in line.group(1) and day in line.group(1)
    assert "Reviewed by" not in line.group(1)  # the pipeline's own words, in the page's language
    text = subprocess.run(["pdftotext", str(sample / "output" / lang / f"{CAR_T}.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "Dana Sample" in " ".join(text.split())


def test_a_valid_signoff_clears_unedited_mt(fresh: Path) -> None:
    """The hook for the `unedited-mt` check (issue 13): its findings on signed entries go."""
    from pipeline.checks import REGISTRY, check

    @check("unedited-mt", scope="catalog")
    def unedited(catalog: object, project: object) -> object:
        for entry in catalog.live():  # type: ignore[attr-defined]
            yield catalog.finding("unedited-mt", "machine output approved unedited",  # type: ignore[attr-defined]
                                  entry=entry, severity=Severity.WARNING)

    try:
        data = json.loads(run(fresh, "check", "--lang", "ar", "--format", "json").output)
        flagged = {f["msgid"] for f in data["findings"] if f["check"] == "unedited-mt"}
        assert flagged == {e.msgid for d in (CAR_T, TRAVEL) for e in live(fresh, d)}
        run(fresh, "signoff", "--lang", "ar", "--reviewer", AR, TRAVEL)
        data = json.loads(run(fresh, "check", "--lang", "ar", "--format", "json").output)
        flagged = {(f["doc"], f["msgid"]) for f in data["findings"]
                   if f["check"] == "unedited-mt"}
        assert flagged == {(CAR_T, e.msgid) for e in live(fresh, CAR_T)} | {
            (TRAVEL, m) for m in critical(fresh, TRAVEL)}  # critical: not yet complete
    finally:
        REGISTRY.pop("unedited-mt", None)


def test_sign_api_refuses_a_translation_other_than_the_one_reviewed(fresh: Path) -> None:
    """The review app passes the msgstr it showed; a file changed meanwhile is refused."""
    from pipeline.config import load_config
    from pipeline.review.records import ReviewError
    from pipeline.review.signoff import entry_state, load_records, sign

    config = load_config(fresh)
    entry = live(fresh, TRAVEL)[2]
    with pytest.raises(ReviewError, match="differs from the one reviewed"):
        sign(config, lang="ar", reviewer=AR, docs=[TRAVEL], entry=entry.msgid,
             expect=entry.msgstr + "x")
    assert load_records(config, lang="ar", doc=TRAVEL) == ()
    made = sign(config, lang="ar", reviewer=AR, role="translator", docs=[TRAVEL],
                entry=entry.msgid, expect=entry.msgstr, now="2026-12-01T10:00:00Z")
    assert [(r.reviewer, r.role, r.time, r.msgid) for r in made] == [
        (AR, "translator", "2026-12-01T10:00:00Z", entry.msgid)]
    assert load_records(config, lang="ar", doc=TRAVEL)[0].line == 1
    from pipeline.review.signoff import read_catalog

    catalog = read_catalog(config, lang="ar", doc=TRAVEL)[1]
    one = next(e for e in catalog.live() if e.msgid == entry.msgid)
    state = entry_state(one, made, critical=False, config=config)
    assert (state.state, state.valid) == ("signed", tuple(made))


def test_signoff_entry_without_a_document_finds_it_in_any(fresh: Path) -> None:
    entry = live(fresh, TRAVEL)[5]
    result = run(fresh, "signoff", "--lang", "ar", "--reviewer", AR, "--entry", entry.msgid)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"signed    ar/{TRAVEL}: {entry.msgid[:60]!r}",
        f"1 entry signed off by {AR} as reviewer in {TRAVEL}"]
    again = run(fresh, "signoff", "--lang", "ar", "--reviewer", AR, "--entry", entry.msgid)
    assert again.output.splitlines()[-1] == (f"0 entries signed off by {AR} as reviewer "
                                             "(nothing new to sign)")
    missing = run(fresh, "signoff", "--lang", "ar", "--reviewer", AR, "--entry", "Nope.")
    assert missing.exit_code == 2
    assert missing.output == ("error: no entry with msgid 'Nope.' (copy the msgid exactly "
                              "from the catalog)\n")


def test_a_draft_preview_of_an_unsigned_document_has_the_banner_and_no_reviewed_line(
        fresh: Path) -> None:
    run(fresh, "signoff", "--lang", "ar", "--reviewer", AR, "--role", "translator", CAR_T)
    assert run(fresh, "build", "--lang", "ar", "--format", "html").exit_code == 1
    result = run(fresh, "build", "--lang", "ar", "--format", "html", "--draft")
    assert result.exit_code == 0, result.output
    html = (fresh / "output" / "ar" / f"{CAR_T}.html").read_text("utf-8")
    assert '<p class="banner"' in html
    assert 'class="reviewed"' not in html


def test_without_require_signoff_the_findings_are_warnings(fresh: Path) -> None:
    config = fresh / "pyproject.toml"
    config.write_text(config.read_text("utf-8").replace("require-signoff = true",
                                                        "require-signoff = false"), "utf-8")
    result = run(fresh, "check", "--lang", "ar", "--format", "json")
    assert result.exit_code == 0
    found = json.loads(result.output)["findings"]
    assert {(f["check"], f["severity"]) for f in found} == {("unsigned", "warning")}
    assert len(found) == sum(len(live(fresh, d)) for d in (CAR_T, TRAVEL))
    assert run(fresh, "build", "--lang", "ar", "--format", "html").exit_code == 0
