"""`pipeline models list|install`: argos packages validated before anything is unpacked."""

from __future__ import annotations

import hashlib
import json
import stat
import zipfile
from pathlib import Path

import pytest
from conftest import run

from pipeline.engines.packages import installed_packages, packages_dir


@pytest.fixture(scope="session")
def models(tiny_argos: dict[str, Path]) -> dict[str, Path]:
    return tiny_argos


@pytest.fixture
def argos_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "argos-packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(folder))
    return folder


def _rezip(source: Path, target: Path, *, drop: str = "", rename: tuple[str, str] = ("", ""),
           extra: dict[str, bytes] | None = None, meta: dict[str, object] | None = None) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            if drop and info.filename.endswith(drop):
                continue
            data = old.read(info)
            if meta is not None and info.filename.endswith("metadata.json"):
                data = json.dumps(meta).encode()
            name = info.filename.replace(*rename) if rename[0] else info.filename
            new.writestr(name, data)
        for name, data in (extra or {}).items():
            new.writestr(name, data)
    return target


def test_packages_dir_follows_argos(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ARGOS_PACKAGES_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert packages_dir() == tmp_path / "data" / "argos-translate" / "packages"
    settings = tmp_path / "config" / "argos-translate" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"ARGOS_PACKAGES_DIR": str(tmp_path / "mine")}))
    assert packages_dir() == tmp_path / "mine"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "env"))
    assert packages_dir() == tmp_path / "env"


def test_install_then_list(models: dict[str, Path], argos_home: Path, tmp_path: Path) -> None:
    empty = run(tmp_path, "models", "list")
    assert empty.exit_code == 0
    assert "none; install one with 'pipeline models install FILE.argosmodel'" in empty.output
    assert "apertium pairs: en → es (eng-spa)" in empty.output
    result = run(tmp_path, "models", "install", str(models["copy"]))
    assert result.exit_code == 0, result.output
    sha = hashlib.sha256(models["copy"].read_bytes()).hexdigest()
    assert result.output == (f"installed en → fr (translate-en_fr-copy) in "
                             f"{argos_home / 'translate-en_fr-copy'}, sha256 {sha}\n")
    again = run(tmp_path, "models", "install", str(models["copy"]))  # reinstall replaces
    assert again.exit_code == 0
    listed = run(tmp_path, "models", "list")
    # outside a project nothing records the hash
    assert "  en → fr  translate-en_fr-copy 1.0  sha256 not recorded\n" in listed.output
    assert [p.name for p in installed_packages(argos_home)] == ["translate-en_fr-copy"]
    assert sorted(p.name for p in argos_home.iterdir()) == ["translate-en_fr-copy"]


def _symlink(source: Path, target: Path) -> Path:
    _rezip(source, target)
    with zipfile.ZipFile(target, "a") as zf:
        info = zipfile.ZipInfo("translate-en_fr-copy/link")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, "/etc/passwd")
    return target


BROKEN = {
    "not-zip": ("not a valid .argosmodel (zip) file", "the model file is corrupt"),
    "two-folders": ("the archive must hold exactly one top-level folder, found 2", "not an argos"),
    "escape": ("unsafe path in archive: 'translate-en_fr-copy/../../evil.txt'", "outside"),
    "absolute": ("unsafe path in archive: '/tmp/evil.txt'", "outside the folder"),
    "symlink": ("symbolic link in archive: 'translate-en_fr-copy/link'", "plain files only"),
    "no-model": ("model/model.bin is missing from the package", "argos packages need"),
    "bad-json": ("metadata.json is not valid JSON", "damaged"),
    "bad-code": ("metadata.json: 'to_code' must be a language code, not None", "not an argos"),
    "crc": ("is damaged (CRC mismatch)", "corrupt"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_install_refuses_broken_packages(case: str, models: dict[str, Path], argos_home: Path,
                                         tmp_path: Path) -> None:
    good = models["copy"]
    bad = tmp_path / f"{case}.argosmodel"
    top = "translate-en_fr-copy"
    if case == "not-zip":
        bad.write_bytes(b"PK\x03\x04 this is not a zip file")
    elif case == "two-folders":
        _rezip(good, bad, extra={"other/readme.txt": b"x"})
    elif case == "escape":
        _rezip(good, bad, extra={f"{top}/../../evil.txt": b"x"})
    elif case == "absolute":
        _rezip(good, bad, extra={"/tmp/evil.txt": b"x"})
    elif case == "symlink":
        _symlink(good, bad)
    elif case == "no-model":
        _rezip(good, bad, drop="model/model.bin")
    elif case == "bad-json":
        _rezip(good, bad, drop="metadata.json", extra={f"{top}/metadata.json": b"{oops"})
    elif case == "bad-code":
        _rezip(good, bad, meta={"from_code": "en", "package_version": "1"})
    elif case == "crc":
        stored = _rezip(good, tmp_path / "stored.zip")
        data = bytearray(stored.read_bytes())
        with zipfile.ZipFile(stored) as zf:
            info = zf.getinfo(f"{top}/README.md")
        start = info.header_offset + 30 + len(info.filename) + len(info.extra)
        data[start:start + 4] = b"\x00\x00\x00\x00"
        bad.write_bytes(bytes(data))
    result = run(tmp_path, "models", "install", str(bad))
    message, hint = BROKEN[case]
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"error: {bad}") and message in result.output
    assert hint in result.output and result.output.count("\n") == 1
    assert not argos_home.exists() or not [p for p in argos_home.iterdir()
                                           if not p.name.startswith(".")]
    assert not (tmp_path / "evil.txt").exists() and not Path("/tmp/evil.txt").exists()
