"""Sign-offs survive the tools translators and the pipeline run (extract, msgcat, msgmerge,
a Poedit-style save, sentence moves), a killed `signoff` leaves whole records, and SSH
signatures are made and checked by the real ssh-keygen with keys made here."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
from collections.abc import Callable
from pathlib import Path

import polib
import pytest
from conftest import run
from killpoints import killed_at, replacements
from test_review import AR, CAR_T, DANA, OMAR, TRAVEL, critical, findings, live, po_path

from pipeline.review.records import _verify, read_log


def states(root: Path, lang: str = "ar") -> dict[tuple[str, str], str]:
    data = json.loads(run(root, "audit", "--lang", lang, "--format", "json").output)
    return {(d["doc"], e["msgid"]): e["state"] for d in data["documents"] for e in d["entries"]}


def comments(root: Path) -> int:
    return sum(po_path(root, d).read_text("utf-8").count("# signed-off:") for d in (CAR_T, TRAVEL))


def test_signoffs_survive_msgcat_msgmerge_and_a_poedit_style_save(sample: Path) -> None:
    before, marks = states(sample), comments(sample)
    assert set(before.values()) == {"signed"}
    path, pot = po_path(sample, CAR_T), sample / "locales" / f"{CAR_T}.pot"
    subprocess.run(["msgcat", "-o", str(path), str(path)], check=True)
    subprocess.run(["msgmerge", "--quiet", "--update", "--backup=none", str(path), str(pot)],
                   check=True)
    # Poedit re-saves without wrapping limits of its own and stamps its headers.
    subprocess.run(["msgcat", "--no-wrap", "-o", str(path), str(path)], check=True)
    text = path.read_text("utf-8").replace(
        '"Content-Transfer-Encoding: 8bit\\n"\n',
        '"Content-Transfer-Encoding: 8bit\\n"\n"X-Generator: Poedit 3.4.2\\n"\n', 1)
    path.write_text(text.replace("PO-Revision-Date: 2026-11-26 00:20+0000",
                                 "PO-Revision-Date: 2026-12-01 10:00+0100"), "utf-8")
    assert "X-Generator: Poedit" in path.read_text("utf-8")
    assert states(sample) == before
    assert comments(sample) == marks
    assert run(sample, "check").exit_code == 0


def test_a_moved_sentence_keeps_its_signoff_an_edited_one_loses_it(sample: Path) -> None:
    source = sample / "source" / f"{TRAVEL}.md"
    text = source.read_text("utf-8")
    moved = "Travelling to another country for medical care can feel like a lot to organise."
    edited = "Please keep the hospital's phone number with you during the journey."
    assert moved in text and edited in text
    text = text.replace(moved + " ", "").replace(edited, edited.replace("journey", "trip"))
    text = text.replace("## Flying home\n", f"## Flying home\n\n{moved}\n", 1)
    source.write_text(text, "utf-8")
    before = states(sample)
    assert run(sample, "extract").exit_code == 0
    after = states(sample)
    changed = edited.replace("journey", "trip")
    assert {k: v for k, v in after.items() if v != "signed"} == {(TRAVEL, changed): "machine"}
    assert set(after) - set(before) == {(TRAVEL, changed)}
    assert (TRAVEL, moved) in after and after[(TRAVEL, moved)] == "signed"
    # The translator approves the new text (as Poedit does): it now needs a sign-off.
    path = po_path(sample, TRAVEL)
    po = polib.pofile(str(path))
    entry = po.find(changed)
    assert entry is not None
    entry.flags.remove("fuzzy")
    entry.previous_msgid = None
    po.save(str(path))
    subprocess.run(["msgcat", "-o", str(path), str(path)], check=True)
    errors = findings(sample, "--lang", "ar")
    assert [(f["check"], f["msgid"]) for f in errors] == [("unsigned", changed)]


def signoff_killed_at(root: Path, at: int) -> subprocess.CompletedProcess[str]:
    return killed_at(root, at, "signoff", "--lang", "ar", "--reviewer", OMAR)


def test_a_killed_signoff_leaves_whole_records_and_resumes(fresh: Path, tmp_path: Path
                                                           ) -> None:
    counting = tmp_path / "counting"
    shutil.copytree(fresh, counting)
    full = signoff_killed_at(counting, 10**9)
    writes = replacements(full)
    assert writes == 4                        # per document: the log, then the catalog
    expected = {(d, e.msgid) for d in (CAR_T, TRAVEL) for e in live(fresh, d)}
    for at in (1, -1, 2, -2, 3, -3, 4):
        work = tmp_path / f"work{at}"
        shutil.copytree(fresh, work)
        assert signoff_killed_at(work, at).returncode == -signal.SIGKILL
        for log in (work / "review" / "signoffs" / "ar").glob("*.jsonl"):
            assert log.read_text("utf-8").endswith("\n")
            read_log(log, shown=log.name)     # every line is a whole record
        for doc in (CAR_T, TRAVEL):
            polib.pofile(str(po_path(work, doc)))
        assert signoff_killed_at(work, 10**9).returncode == 0
        records = [(r.doc, r.msgid) for d in (CAR_T, TRAVEL)
                   for r in read_log(work / "review" / "signoffs" / "ar" / f"{d}.jsonl",
                                     shown=d)]
        assert sorted(records) == sorted(expected)  # each entry signed exactly once
        assert comments(work) == len(expected)
        assert not list(work.rglob(".*.tmp"))


@pytest.fixture
def keys(tmp_path: Path) -> dict[str, Path]:
    made = {}
    for who, email in (("amal", "amal.sample@example.org"), ("dana", "dana.sample@example.org"),
                       ("omar", "omar@example.org")):
        key = tmp_path / "keys" / who
        key.parent.mkdir(exist_ok=True)
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", email, "-f",
                        str(key)], check=True)
        made[who] = key
    return made


def counting_ssh_keygen(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[], int]:
    """The real ssh-keygen behind a shim on PATH that counts its runs (the count, as read)."""
    shim, calls = folder / "bin", folder / "calls"
    shim.mkdir()
    (shim / "ssh-keygen").write_text(f'#!/bin/sh\necho "$1" >> {calls}\n'
                                     f'exec {shutil.which("ssh-keygen")} "$@"\n', "utf-8")
    (shim / "ssh-keygen").chmod(0o755)
    monkeypatch.setenv("PATH", f"{shim}:{os.environ['PATH']}")
    return lambda: len(calls.read_text().splitlines()) if calls.exists() else 0


def built(root: Path, *, new_process: bool = False) -> str:
    """What `pipeline build` did with the Arabic CAR-T page; `new_process`: as a new process
    would, without this process's memory of signatures already verified."""
    if new_process:
        _verify.cache_clear()
    output = run(root, "build", "--lang", "ar", "--format", "html").output
    return next(x for x in output.splitlines() if f"ar/{CAR_T}" in x).split()[0]


def test_ssh_signed_signoffs(fresh: Path, keys: dict[str, Path], tmp_path: Path,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    config = fresh / "pyproject.toml"
    config.write_text(config.read_text("utf-8").replace(
        '# signatures = "ssh"; allowed-signers = "review/allowed_signers"',
        'signatures = "ssh"\nallowed-signers = "review/allowed_signers"'), "utf-8")
    signers = [f"{email} {keys[who].with_suffix('.pub').read_text().split(' ', 2)[0]} "
               f"{keys[who].with_suffix('.pub').read_text().split(' ', 2)[1]}"
               for who, email in (("amal", "amal.sample@example.org"),
                                  ("dana", "dana.sample@example.org"))]
    (fresh / "review" / "allowed_signers").write_text("\n".join(signers) + "\n", "utf-8")
    # ru and zh records carry no signature: with signatures required they do not count.
    assert {f["lang"] for f in findings(fresh)} == {"ar", "ru", "zh"}
    no_key = run(fresh, "signoff", "--lang", "ar", "--reviewer", AR, CAR_T)
    assert no_key.exit_code == 2
    assert no_key.output == ("error: pyproject.toml: this project requires SSH-signed "
                             "sign-offs (pass your private key with --key ~/.ssh/id_ed25519)\n")
    assert run(fresh, "signoff", "--lang", "ar", "--reviewer", AR, "--role", "translator",
               "--key", str(keys["amal"]), CAR_T).exit_code == 0
    assert run(fresh, "signoff", "--lang", "ar", "--reviewer", DANA, "--role", "clinician",
               "--key", str(keys["dana"]), *[f"--entry={m}" for m in critical(fresh, CAR_T)],
               CAR_T).exit_code == 0
    assert [f for f in findings(fresh, "--lang", "ar") if f["doc"] == CAR_T] == []
    # A rebuild does not verify an unchanged document's signatures again: the verdict is
    # kept under the digest of everything it was read from.
    verifications = counting_ssh_keygen(tmp_path, monkeypatch)
    assert built(fresh) == "built"
    assert built(fresh, new_process=True) == "unchanged" and verifications() == 0
    log = fresh / "review" / "signoffs" / "ar" / f"{CAR_T}.jsonl"
    lines = log.read_text("utf-8").splitlines()
    assert all(json.loads(line)["sig"] for line in lines)
    # A record edited by hand (here: its reviewer) no longer verifies.
    first = json.loads(lines[0])
    lines[0] = lines[0].replace("Amal Sample", "Amal Sampel")
    log.write_text("\n".join(lines) + "\n", "utf-8")
    assert built(fresh) == "refused" and verifications() > 0      # verified anew
    errors = [f for f in findings(fresh, "--lang", "ar") if f["doc"] == CAR_T]
    assert [(f["check"], f["msgid"]) for f in errors] == [("unsigned", first["msgid"])]
    assert "no sign-off whose SSH signature verifies" in str(errors[0]["message"])
    # A key that is not in allowed_signers signs, but its records do not count.
    assert run(fresh, "signoff", "--lang", "ar", "--reviewer", OMAR, "--key",
               str(keys["omar"]), "--entry", first["msgid"], CAR_T).exit_code == 0
    errors = [f for f in findings(fresh, "--lang", "ar") if f["doc"] == CAR_T]
    assert [(f["check"], f["msgid"]) for f in errors] == [("unsigned", first["msgid"])]
