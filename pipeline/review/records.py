"""Sign-off records: one append-only JSON Lines log per catalog, the single source of truth.

`<records-dir>/<lang>/<doc>.jsonl` holds one record per line, oldest first. One file per
catalog (not per language) means two reviewers working on different documents never touch
the same file, so their branches merge without conflicts; within one file, lines are only
ever appended (`merge=union` in .gitattributes joins two appends). Optional SSH signatures
are made and checked with `ssh-keygen -Y sign/verify` against the project's allowed_signers.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.errors import PipelineError, decode_utf8
from pipeline.files import atomic_write
from pipeline.model import ROLES, SignOff

NAMESPACE = "pipeline-signoff"
_FIELDS = ("time", "reviewer", "role", "lang", "doc", "hash", "msgctxt", "msgid")
_ARMOUR = ("-----BEGIN SSH SIGNATURE-----", "-----END SSH SIGNATURE-----")


class ReviewError(PipelineError):
    """A sign-off cannot be made, or a sign-off record is malformed."""


def entry_hash(msgctxt: str | None, msgid: str, msgid_plural: str,
               msgstrs: Iterable[str]) -> str:
    """The hash that binds a sign-off to the exact English and translation reviewed."""
    payload = json.dumps([msgctxt, msgid, msgid_plural or "", list(msgstrs)],
                         ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(payload.encode("utf-8")).hexdigest()


def log_path(root: Path, records_dir: str, lang: str, doc: str) -> Path:
    return root / records_dir / lang / f"{doc}.jsonl"


def payload(record: SignOff) -> bytes:
    """The bytes a signature covers: every field but the signature, in a fixed order."""
    data = {k: getattr(record, k) for k in _FIELDS}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def to_line(record: SignOff) -> str:
    data: dict[str, Any] = {k: getattr(record, k) for k in _FIELDS}
    if data["msgctxt"] is None:
        del data["msgctxt"]
    if record.signature:
        data["sig"] = record.signature
    return json.dumps(data, ensure_ascii=False)


def read_log(path: Path, *, shown: str) -> tuple[SignOff, ...]:
    """Every record of one log; a malformed line is an error naming file:line."""
    if not path.exists():
        return ()
    text = decode_utf8(path.read_bytes(), shown=shown, error=ReviewError,
                       what="sign-off log", hint="restore it from version control")
    records = []
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ReviewError(f"malformed sign-off record: {exc.msg}", path=shown, line=number,
                              hint="records are written by 'pipeline signoff'; restore the "
                                   "line from version control") from None
        if not isinstance(data, dict):
            raise ReviewError("malformed sign-off record: not an object", path=shown,
                              line=number, hint="restore the line from version control")
        missing = [k for k in _FIELDS if k != "msgctxt" and not isinstance(data.get(k), str)]
        if missing or data.get("role") not in ROLES or not str(data.get("hash", "")
                                                               ).startswith("sha256:"):
            what = f"missing '{missing[0]}'" if missing else "bad role or hash"
            raise ReviewError(f"malformed sign-off record: {what}", path=shown, line=number,
                              hint="records are written by 'pipeline signoff'; restore the "
                                   "line from version control")
        records.append(SignOff(
            reviewer=data["reviewer"], role=data["role"], time=data["time"],
            lang=data["lang"], doc=data["doc"], hash=data["hash"], msgid=data["msgid"],
            msgctxt=data.get("msgctxt"), signature=str(data.get("sig", "")),
            file=shown, line=number))
    return tuple(records)


def append_records(path: Path, records: Iterable[SignOff]) -> None:
    """Append records to a log atomically: the file holds all old lines and all new, or none."""
    old = path.read_text("utf-8") if path.exists() else ""
    if old and not old.endswith("\n"):
        old += "\n"
    new = "".join(to_line(r) + "\n" for r in records)
    atomic_write(path, old + new)


def sign_payload(record: SignOff, key: Path) -> str:
    """An SSH signature of the record (armour stripped to one line), made with `key`."""
    with tempfile.TemporaryDirectory() as tmp:
        message = Path(tmp) / "record"
        message.write_bytes(payload(record))
        done = subprocess.run(["ssh-keygen", "-q", "-Y", "sign", "-f", str(key),
                               "-n", NAMESPACE, str(message)],
                              capture_output=True, text=True, stdin=subprocess.DEVNULL)
        signature = Path(f"{message}.sig")
        if done.returncode or not signature.exists():
            reason = done.stderr.strip().splitlines()[-1:] or ["failed"]
            raise ReviewError(f"ssh-keygen could not sign: {reason[0]}", path=key,
                              hint="pass the reviewer's private SSH key with --key")
        lines = signature.read_text("ascii").split()
    return "".join(w for w in lines if w not in _ARMOUR[0].split() + _ARMOUR[1].split())


def verify(record: SignOff, allowed_signers: Path) -> bool:
    """Does the record carry a valid SSH signature by its reviewer's e-mail?"""
    if not record.signature or not record.email or not allowed_signers.exists():
        return False
    return _verify(payload(record), record.signature, record.email, str(allowed_signers),
                   allowed_signers.stat().st_mtime_ns)


@lru_cache(maxsize=4096)
def _verify(message: bytes, signature: str, email: str, signers: str, _mtime: int) -> bool:
    body = "\n".join(signature[i:i + 76] for i in range(0, len(signature), 76))
    with tempfile.TemporaryDirectory() as tmp:
        sig = Path(tmp) / "record.sig"
        sig.write_text(f"{_ARMOUR[0]}\n{body}\n{_ARMOUR[1]}\n", "ascii")
        done = subprocess.run(["ssh-keygen", "-Y", "verify", "-f", signers, "-I", email,
                               "-n", NAMESPACE, "-s", str(sig)], input=message,
                              capture_output=True)
    return done.returncode == 0
