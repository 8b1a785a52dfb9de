"""`pipeline models available|install FROM TO` against a real local index server."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli


@pytest.fixture(scope="module")
def package(tiny_argos: dict[str, Path]) -> bytes:
    return tiny_argos["copy"].read_bytes()


@pytest.fixture
def server(package: bytes) -> Iterator[tuple[str, dict[str, object]]]:
    """An index at /index.json; /good, /corrupt and /redirect serve the packages."""
    state: dict[str, object] = {"index": []}
    files = {"/good": package, "/corrupt": package[:2000] + b"\0" * 500 + package[2500:]}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            if self.path == "/index.json":
                body = json.dumps(state["index"]).encode()
            elif self.path == "/redirect":
                self.send_response(302)
                port = self.server.server_address[1]
                self.send_header("Location", f"http://localhost:{port}/good")
                self.end_headers()
                return
            elif self.path in files:
                body = files[self.path]
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield base, state
    httpd.shutdown()
    thread.join()


def entry(link: str, **extra: object) -> dict[str, object]:
    return {"from_code": "en", "to_code": "fr", "package_version": "1.0", "type": "translate",
            "links": [link], **extra}


def run(tmp_path: Path, base: str, *args: str) -> tuple[int, str]:
    (tmp_path / "project").mkdir(exist_ok=True)
    (tmp_path / "project" / "pyproject.toml").write_text(
        '[tool.pipeline]\n\n[tool.pipeline.languages]\nfr = "draft"\n', "utf-8")
    env = {"PIPELINE_MODEL_INDEX": f"{base}/index.json",
           "ARGOS_PACKAGES_DIR": str(tmp_path / "packages")}
    result = CliRunner().invoke(cli, ["--project", str(tmp_path / "project"), *args], env=env)
    return result.exit_code, result.output


def test_install_from_index_records_sha256(tmp_path: Path, server: tuple[str, dict[str, object]],
                                           package: bytes) -> None:
    base, state = server
    state["index"] = [entry(f"{base}/good", size=len(package))]
    code, out = run(tmp_path, base, "models", "available")
    assert code == 0 and "en → fr  1.0" in out
    sha = hashlib.sha256(package).hexdigest()
    code, out = run(tmp_path, base, "models", "install", "en", "fr", "--sha256", sha)
    assert code == 0, out
    assert f"sha256 {sha}" in out and "downloading" in out
    lock = json.loads((tmp_path / "project" / "models.lock.json").read_text("utf-8"))
    assert lock["translate-en_fr-copy"]["sha256"] == sha
    code, out = run(tmp_path, base, "models", "list")
    assert f"en → fr  translate-en_fr-copy 1.0  sha256 {sha}" in out
    assert not [p for p in (tmp_path / "packages").iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize(("path", "extra", "sha", "message"), [
    ("/corrupt", {}, None, "damaged"),
    ("/good", {}, "0" * 64, "sha256 mismatch for "),
    ("/good", {"size": 1000}, None, "sent more than the 1000 bytes announced"),
    ("/good", {"size": 10**9}, None, "the index announced 1000000000"),
    ("/redirect", {}, None, "redirects to another host (localhost:"),
])
def test_bad_downloads_are_refused(tmp_path: Path, server: tuple[str, dict[str, object]],
                                   path: str, extra: dict[str, object], sha: str | None,
                                   message: str) -> None:
    base, state = server
    state["index"] = [entry(f"{base}{path}", **extra)]
    args = ["models", "install", "en", "fr", *(["--sha256", sha] if sha else [])]
    code, out = run(tmp_path, base, *args)
    errors = [line for line in out.splitlines() if line.startswith("error:")]
    assert code == 2 and len(errors) == 1 and message in errors[0], out
    folder = tmp_path / "packages"
    assert not folder.exists() or list(folder.iterdir()) == []
    assert not (tmp_path / "project" / "models.lock.json").exists()


def test_file_install_records_and_checks_sha256(tmp_path: Path, package: bytes) -> None:
    file = tmp_path / "m.argosmodel"
    file.write_bytes(package)
    code, out = run(tmp_path, "http://127.0.0.1:9", "models", "install", str(file),
                    "--sha256", "ab" * 32)
    assert code == 2 and "sha256 mismatch" in out
    code, out = run(tmp_path, "http://127.0.0.1:9", "models", "install", str(file))
    assert code == 0 and hashlib.sha256(package).hexdigest() in out
