"""Installed argos-translate packages: find, list and install `.argosmodel` files offline.

Packages live where argos-translate keeps them: `$ARGOS_PACKAGES_DIR`, else the
`ARGOS_PACKAGES_DIR` of argos's settings.json, else `$XDG_DATA_HOME/argos-translate/packages`
(default `~/.local/share/argos-translate/packages`). argostranslate itself is never imported:
importing it creates folders and pulls in stanza.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pipeline.errors import EngineError

MAX_TOTAL_BYTES = 4 * 1024**3
MAX_FILES = 10_000
MAX_RATIO = 200  # uncompressed / compressed, per file: beyond it is a zip bomb, not a model
REQUIRED = ("from_code", "to_code")
_CODE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
INSTALL_HINT = "install one with 'pipeline models install FILE.argosmodel'"


@dataclass(frozen=True, slots=True)
class ArgosPackage:
    """An installed translation package: its folder, language pair and versions."""

    path: Path
    from_code: str
    to_code: str
    package_version: str = ""
    argos_version: str = ""
    target_prefix: str = ""

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def tokenizer(self) -> Path:
        return self.path / "sentencepiece.model"

    @property
    def model(self) -> Path:
        return self.path / "model"


def packages_dir() -> Path:
    """Where argos-translate installs packages (its own settings, same precedence)."""
    given = os.environ.get("ARGOS_PACKAGES_DIR")
    if given:
        return Path(given)
    home = Path.home()
    config = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
    try:
        settings = json.loads((config / "argos-translate" / "settings.json").read_text("utf-8"))
        if isinstance(settings, dict) and isinstance(settings.get("ARGOS_PACKAGES_DIR"), str):
            return Path(settings["ARGOS_PACKAGES_DIR"])
    except (OSError, ValueError):
        pass
    data = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return data / "argos-translate" / "packages"


def _read_metadata(raw: bytes, *, where: str) -> dict[str, str]:
    try:
        meta = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise EngineError(f"metadata.json is not valid JSON: {exc}", path=where,
                          hint="the model file is damaged; get it again") from None
    if not isinstance(meta, dict):
        raise EngineError("metadata.json must be a JSON object", path=where,
                          hint="this is not an argos translation package")
    for key in REQUIRED:
        value = meta.get(key)
        if not isinstance(value, str) or not _CODE.match(value):
            raise EngineError(f"metadata.json: '{key}' must be a language code, not {value!r}",
                              path=where, hint="this is not an argos translation package")
    if meta.get("type", "translate") != "translate":
        raise EngineError(f"metadata.json: package type {meta.get('type')!r} is not a "
                          "translation package", path=where,
                          hint="install a translation (.argosmodel) package")
    return {k: str(v) for k, v in meta.items() if isinstance(v, str | int | float)}


def installed_packages(folder: Path | None = None) -> list[ArgosPackage]:
    """Translation packages installed in `folder` (default: argos's packages folder)."""
    folder = folder or packages_dir()
    found = []
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        meta_path = path / "metadata.json"
        if not path.is_dir() or not meta_path.is_file():
            continue
        try:
            meta = _read_metadata(meta_path.read_bytes(), where=str(meta_path))
        except (EngineError, OSError):
            continue  # not ours to judge: argos skips broken folders too
        if not (path / "model" / "model.bin").is_file() or \
                not (path / "sentencepiece.model").is_file():
            continue
        found.append(ArgosPackage(path=path, from_code=meta["from_code"], to_code=meta["to_code"],
                                  package_version=meta.get("package_version", ""),
                                  argos_version=meta.get("argos_version", ""),
                                  target_prefix=meta.get("target_prefix", "")))
    return found


def _check_archive(archive: zipfile.ZipFile, *, shown: str) -> tuple[str, dict[str, str]]:
    """Validate members and metadata; return the top-level folder name and the metadata."""
    infos = archive.infolist()
    if not infos or len(infos) > MAX_FILES:
        raise EngineError(f"the archive holds {len(infos)} files", path=shown,
                          hint=f"an argos model has between 1 and {MAX_FILES} files")
    tops: set[str] = set()
    total = 0
    for info in infos:
        name = PurePosixPath(info.filename)
        if name.is_absolute() or ".." in name.parts or "\\" in info.filename or \
                not name.parts or ":" in name.parts[0]:
            raise EngineError(f"unsafe path in archive: {info.filename!r}", path=shown,
                              hint="refusing a file that would be written outside the folder")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise EngineError(f"symbolic link in archive: {info.filename!r}", path=shown,
                              hint="argos models contain plain files only")
        tops.add(name.parts[0])
        total += info.file_size
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO \
                and info.file_size > 1024**2:
            raise EngineError(f"{info.filename} expands {info.file_size // info.compress_size}×",
                              path=shown, hint="this looks like a zip bomb, not a model")
    if total > MAX_TOTAL_BYTES:
        raise EngineError(f"the archive expands to {total / 1024**3:.1f} GiB", path=shown,
                          hint=f"the limit is {MAX_TOTAL_BYTES // 1024**3} GiB")
    if len(tops) != 1:
        raise EngineError(f"the archive must hold exactly one top-level folder, found "
                          f"{len(tops)}", path=shown, hint="this is not an argos package")
    top = tops.pop()
    names = {i.filename.rstrip("/") for i in infos}
    for needed in ("metadata.json", "model/model.bin", "sentencepiece.model"):
        if f"{top}/{needed}" not in names:
            raise EngineError(f"{needed} is missing from the package", path=shown,
                              hint="argos packages need metadata.json, model/ and "
                                   "sentencepiece.model")
    meta = _read_metadata(archive.read(f"{top}/metadata.json"), where=shown)
    return top, meta


def install(file: Path, *, folder: Path | None = None) -> ArgosPackage:
    """Validate an .argosmodel file and unpack it into the packages folder (replacing)."""
    shown = str(file)
    folder = folder or packages_dir()
    try:
        with zipfile.ZipFile(file) as archive:
            top, _meta = _check_archive(archive, shown=shown)
            damaged = archive.testzip()
            if damaged is not None:
                raise EngineError(f"{damaged} is damaged (CRC mismatch)", path=shown,
                                  hint="the model file is corrupt; get it again")
            folder.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=".install-", dir=folder))
            try:
                archive.extractall(staging)
                target = folder / top
                old = folder / f".old-{top}"
                if target.exists():
                    target.rename(old)
                (staging / top).rename(target)
                shutil.rmtree(old, ignore_errors=True)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise EngineError(f"not a valid .argosmodel (zip) file: {exc}", path=shown,
                          hint="the model file is corrupt or not an argos model") from None
    except OSError as exc:
        raise EngineError(f"cannot install the model: {exc.strerror or exc}", path=shown,
                          hint=f"check that {folder} is writable") from None
    for package in installed_packages(folder):
        if package.path.name == top:
            return package
    raise EngineError("the package was unpacked but cannot be loaded", path=shown,
                      hint="check metadata.json, model/model.bin and sentencepiece.model")
