"""Get argos packages from an argos-style package index: list, download, verify, record.

This is the only module that touches the network, and only when `pipeline models available`
or `pipeline models install FROM TO` runs; translation never does. A download is limited in
size, must come from the index's own host (a redirect elsewhere is refused), must match the
size the index gives and the `--sha256` asked for, and is then installed with the same
validation as a file. argos's index carries no checksums, so the sha256 of every installed
package is recorded in the project (`models.lock.json`), where `models list` shows it.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline.engines.packages import ArgosPackage, install, packages_dir
from pipeline.errors import EngineError
from pipeline.files import atomic_write

DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
MAX_DOWNLOAD = 2 * 1024**3
MAX_INDEX = 16 * 1024**2
LOCK_FILE = "models.lock.json"
Progress = Callable[[int, int | None], None]


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One package the index offers."""

    from_code: str
    to_code: str
    version: str
    url: str
    size: int | None = None


def index_url() -> str:
    """The index to read: $PIPELINE_MODEL_INDEX, else argos-translate's public index."""
    return os.environ.get("PIPELINE_MODEL_INDEX") or DEFAULT_INDEX


def max_download() -> int:
    value = os.environ.get("PIPELINE_MODEL_MAX_BYTES", "")
    return int(value) if value.isdigit() else MAX_DOWNLOAD


class _SameHost(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to the host (and scheme) the request went to."""

    def redirect_request(self, req: urllib.request.Request, fp: object, code: int, msg: str,
                         headers: object, newurl: str) -> urllib.request.Request | None:
        old, new = urllib.parse.urlsplit(req.full_url), urllib.parse.urlsplit(newurl)
        if (old.scheme, old.netloc) != (new.scheme, new.netloc):
            raise EngineError(f"{req.full_url} redirects to another host ({new.netloc})",
                              hint="refusing it; point PIPELINE_MODEL_INDEX at the host "
                                   "that serves the files")
        return super().redirect_request(req, fp, code, msg, headers, newurl)  # type: ignore


def _open(url: str) -> object:
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise EngineError(f"not an http(s) URL: {url}", hint="use an http:// or https:// URL")
    opener = urllib.request.build_opener(_SameHost)
    try:
        return opener.open(url, timeout=60)
    except urllib.error.HTTPError as exc:
        raise EngineError(f"{url}: HTTP {exc.code} {exc.reason}",
                          hint="check the URL or try again later") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise EngineError(f"cannot reach {url}: {reason}",
                          hint="check the network, or install from a file") from None


def read_index(url: str | None = None) -> list[IndexEntry]:
    """The translation packages an argos-style index lists."""
    url = url or index_url()
    response = _open(url)
    raw = response.read(MAX_INDEX + 1)  # type: ignore[attr-defined]
    if len(raw) > MAX_INDEX:
        raise EngineError(f"the index at {url} is larger than {MAX_INDEX // 1024**2} MiB",
                          hint="this is not a package index")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise EngineError(f"the index at {url} is not valid JSON: {exc}",
                          hint="check PIPELINE_MODEL_INDEX") from None
    if not isinstance(data, list):
        raise EngineError(f"the index at {url} is not a list of packages",
                          hint="check PIPELINE_MODEL_INDEX")
    entries = []
    for item in data:
        if not isinstance(item, dict) or item.get("type", "translate") != "translate":
            continue
        links = item.get("links")
        if not (isinstance(links, list) and links and isinstance(links[0], str)):
            continue
        size = item.get("size")
        entries.append(IndexEntry(str(item.get("from_code", "")), str(item.get("to_code", "")),
                                  str(item.get("package_version", "")),
                                  urllib.parse.urljoin(url, links[0]),
                                  size if isinstance(size, int) and size >= 0 else None))
    return entries


def _download(entry: IndexEntry, dest: Path, progress: Progress | None) -> str:
    """Write the package to `dest` within the limits; return its sha256."""
    limit = max_download()
    response = _open(entry.url)
    header = response.headers.get("Content-Length")  # type: ignore[attr-defined]
    length = int(header) if header and header.isdigit() else None
    expected = entry.size if entry.size is not None else length
    if expected is not None and expected > limit:
        raise EngineError(f"{entry.url} is {expected} bytes, over the {limit}-byte limit",
                          hint="raise PIPELINE_MODEL_MAX_BYTES if you trust it")
    digest = hashlib.sha256()
    done = 0
    with dest.open("wb") as out:
        while chunk := response.read(1 << 16):  # type: ignore[attr-defined]
            done += len(chunk)
            if done > limit or (expected is not None and done > expected):
                raise EngineError(f"{entry.url} sent more than the "
                                  f"{expected if expected is not None else limit} bytes "
                                  "announced", hint="the index or server is wrong; refusing")
            digest.update(chunk)
            out.write(chunk)
            if progress:
                progress(done, expected)
    if expected is not None and done != expected:
        raise EngineError(f"{entry.url} sent {done} bytes, the index announced {expected}",
                          hint="the download was cut short or the index is wrong; try again")
    return digest.hexdigest()


def lock_path(root: Path) -> Path:
    return root / LOCK_FILE


def recorded(root: Path) -> dict[str, dict[str, str]]:
    """Package folder name → {sha256, source, pair} as recorded in the project."""
    try:
        data = json.loads(lock_path(root).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def record(root: Path, package: ArgosPackage, sha256: str, source: str) -> None:
    data = recorded(root)
    data[package.name] = {"pair": f"{package.from_code}-{package.to_code}",
                          "version": package.package_version, "sha256": sha256,
                          "source": source}
    atomic_write(lock_path(root), json.dumps(dict(sorted(data.items())), indent=2,
                                             ensure_ascii=False) + "\n")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def install_from_index(root: Path | None, source: str, target: str, *, sha256: str | None = None,
                       url: str | None = None, folder: Path | None = None,
                       progress: Progress | None = None) -> tuple[ArgosPackage, str]:
    """Download the index's source→target package, verify it, install it, record its hash."""
    url = url or index_url()
    matches = [e for e in read_index(url) if (e.from_code, e.to_code) == (source, target)]
    if not matches:
        raise EngineError(f"the index lists no {source}→{target} package", path=url,
                          hint="see 'pipeline models available'")
    entry = max(matches, key=lambda e: e.version)
    folder = folder or packages_dir()
    folder.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=".download-", suffix=".argosmodel", dir=folder)
    os.close(handle)
    temp = Path(name)
    try:
        got = _download(entry, temp, progress)
        if sha256 and got != sha256.lower():
            raise EngineError(f"sha256 mismatch for {entry.url}: got {got}",
                              hint=f"expected {sha256}; refusing the package")
        package = install(temp, folder=folder)
    finally:
        temp.unlink(missing_ok=True)
    if root is not None:
        record(root, package, got, entry.url)
    return package, got
