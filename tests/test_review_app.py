"""The review app in a real browser (Debian's Chromium through Selenium) and over raw HTTP."""

from __future__ import annotations

import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import polib
import pytest
from conftest import REPO, run

from pipeline.config import load_config
from pipeline.review.app import ReviewApp, listen, url_of

CHROMIUM, DRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
AXE = REPO / ".tools" / "node_modules" / "axe-core" / "axe.min.js"
DOC = "car-t-or-transplant"
REVIEWER = "Ann Reviewer <ann@example.org>"


@pytest.fixture
def server(fresh: Path) -> Iterator[ReviewApp]:
    """The app serving a copy of the sample project on a free loopback port."""
    httpd, app = listen(load_config(fresh), reviewer=REVIEWER, role="clinician",
                        host="127.0.0.1", port=0)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield app
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    # scripts/setup.sh installs both; a missing browser fails the test instead of skipping it
    assert CHROMIUM.exists() and DRIVER.exists(), "run scripts/setup.sh (chromium, chromedriver)"
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
                 "--window-size=1280,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=options)
    yield driver
    driver.quit()


def po_of(app: ReviewApp, lang: str, doc: str = DOC) -> Path:
    return app.project.path(lang, doc)


def wait(driver: Any, condition: Any, timeout: float = 10) -> Any:
    """Wait for a condition (looked at every 50 ms, not Selenium's 500); an element replaced by
    a page load mid-check is looked up again."""
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.05, ignored_exceptions=(
        NoSuchElementException, StaleElementReferenceException)).until(condition)


def entry_box(driver: Any, key: int) -> Any:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, f"#entry-{key} textarea")


def open_doc(driver: Any, app: ReviewApp, lang: str, query: str = "") -> None:
    from selenium.webdriver.common.by import By

    driver.get(url_of(app, f"/doc/{lang}/{DOC}") + query)
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "article.entry"))


def test_overview_filter_edit_approve_sign_undo(server: ReviewApp, browser: Any,
                                                tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    browser.get(url_of(server))
    rows = browser.find_elements(By.CSS_SELECTOR, "table.overview tbody tr")
    assert len(rows) == 10                               # 5 languages x 2 documents
    browser.find_element(By.CSS_SELECTOR, f'a[href="/doc/es/{DOC}"]').click()
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "article.entry"))
    assert len(browser.find_elements(By.CSS_SELECTOR, "article.entry")) == 84
    browser.find_element(By.LINK_TEXT, "Critical").click()
    wait(browser, lambda d: "filter=critical" in d.current_url)
    # the classes of every entry shown, in one round trip (not one per element)
    critical = browser.execute_script(
        "return [...document.querySelectorAll('article.entry')].map(a => a.className)")
    assert 0 < len(critical) < 84
    assert all("is-critical" in c.split() for c in critical)

    open_doc(browser, server, "es")
    box = entry_box(browser, 5)
    english = browser.find_element(By.CSS_SELECTOR, "#en-5").text
    box.clear()
    box.send_keys("Traducción revisada por una persona.")
    browser.find_element(By.CSS_SELECTOR, '#entry-5 button[value="save"]').click()
    wait(browser, lambda d: "Saved" in d.find_element(By.ID, "message").text)
    entry = polib.pofile(str(po_of(server, "es"))).find(english)
    assert entry is not None and entry.msgstr == "Traducción revisada por una persona."
    assert "fuzzy" in entry.flags                        # a save stays "needs review"

    browser.find_element(By.CSS_SELECTOR, '#entry-5 button[value="approve-sign"]').click()
    wait(browser, lambda d: "signed off" in d.find_element(By.ID, "message").text)
    entry = polib.pofile(str(po_of(server, "es"))).find(english)
    assert entry is not None and "fuzzy" not in entry.flags
    log = next((server.config.root / "review").rglob(f"es/{DOC}*"))
    records = [json.loads(line) for line in log.read_text("utf-8").splitlines() if line]
    assert [(r["msgid"], r["role"]) for r in records] == [(english, "clinician")]
    assert "Ann Reviewer" in records[0]["reviewer"]
    # the file is what the CLI writes: extract and msgfmt leave it exactly as it is
    written = po_of(server, "es").read_bytes()
    assert run(server.config.root, "extract").exit_code == 0
    assert po_of(server, "es").read_bytes() == written
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po_of(server, "es"))],
                   check=True)

    before_undo = po_of(server, "es").read_bytes()
    box = entry_box(browser, 6)
    box.clear()
    box.send_keys("Otra frase.")
    browser.find_element(By.CSS_SELECTOR, '#entry-6 button[value="approve"]').click()
    wait(browser, lambda d: "Approved" in d.find_element(By.ID, "message").text)
    assert po_of(server, "es").read_bytes() != before_undo
    browser.find_element(By.CSS_SELECTOR, "form.undo button").click()
    wait(browser, lambda d: "Undone" in d.find_element(By.ID, "message").text)
    assert po_of(server, "es").read_bytes() == before_undo


def test_keyboard_only_review(server: ReviewApp, browser: Any) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    open_doc(browser, server, "fr")
    ActionChains(browser).key_down(Keys.ALT).send_keys("n").key_up(Keys.ALT).perform()
    wait(browser, lambda d: d.switch_to.active_element.get_attribute("id") == "t-0")
    ActionChains(browser).key_down(Keys.ALT).send_keys("n").key_up(Keys.ALT).perform()
    wait(browser, lambda d: d.switch_to.active_element.get_attribute("id") == "t-1")
    english = browser.find_element(By.CSS_SELECTOR, "#en-1").text
    ActionChains(browser).key_down(Keys.CONTROL).send_keys(Keys.ENTER).key_up(
        Keys.CONTROL).perform()
    wait(browser, lambda d: "Approved" in d.find_element(By.ID, "message").text)
    entry = polib.pofile(str(po_of(server, "fr"))).find(english)
    assert entry is not None and "fuzzy" not in entry.flags
    # after the reload the approved entry keeps the focus, so review goes on from there
    wait(browser, lambda d: d.switch_to.active_element.get_attribute("id") == "t-1")


def test_live_findings_refresh_as_the_reviewer_types(server: ReviewApp, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    open_doc(browser, server, "es")
    articles = browser.find_elements(By.CSS_SELECTOR, "article.entry")
    digits = next(a for a in articles
                  if any(c.isdigit() for c in a.find_element(By.CSS_SELECTOR, ".english").text))
    box = digits.find_element(By.TAG_NAME, "textarea")
    box.clear()
    box.send_keys("Texto sin cifras")
    wait(browser, lambda d: digits.find_elements(By.CSS_SELECTOR, ".findings li"))
    assert "number" in digits.find_element(By.CSS_SELECTOR, ".findings").text.lower()


def test_concurrent_edit_on_disk_shows_both_versions(server: ReviewApp, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    open_doc(browser, server, "es")
    english = browser.find_element(By.CSS_SELECTOR, "#en-3").text
    path = po_of(server, "es")
    po = polib.pofile(str(path))
    entry = po.find(english)
    assert entry is not None
    entry.msgstr = "Versión guardada en Poedit."
    po.save(str(path))                                   # a translator saves meanwhile
    on_disk = path.read_bytes()
    box = entry_box(browser, 3)
    box.clear()
    box.send_keys("Versión del revisor.")
    browser.find_element(By.CSS_SELECTOR, '#entry-3 button[value="approve"]').click()
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "section.conflict"))
    assert browser.find_element(By.CSS_SELECTOR, ".conflict .mine").text == \
        "Versión del revisor."
    assert browser.find_element(By.CSS_SELECTOR, ".conflict .theirs").text == \
        "Versión guardada en Poedit."
    assert path.read_bytes() == on_disk                  # nothing was written


HOSTILE = ['<script>window.__xss = 1</script>', '<img src=x onerror="window.__xss=2">',
           '[click](javascript:window.__xss=3)', '"><svg onload="window.__xss=4">']


def test_hostile_entries_are_inert(server: ReviewApp, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    path = po_of(server, "es")
    po = polib.pofile(str(path))
    for i, payload in enumerate(HOSTILE):
        po.append(polib.POEntry(msgid=f"{payload} {i}", msgstr=payload,
                                tcomment=f"mt: {payload}", flags=["fuzzy"]))
    po.save(str(path))
    open_doc(browser, server, "es")
    opened = browser.execute_script(
        "const all = document.querySelectorAll('details.preview');"
        "all.forEach(d => { d.open = true; }); return all.length")
    assert opened > 84
    assert browser.execute_script("return window.__xss === undefined")
    assert not browser.find_elements(By.CSS_SELECTOR, "main script, main img, main svg")
    assert not browser.find_elements(By.CSS_SELECTOR, 'a[href^="javascript:"]')
    english = browser.execute_script(
        "return [...document.querySelectorAll('.english')].map(e => e.innerText)")
    assert all(f"{p} {i}" in english for i, p in enumerate(HOSTILE))


def request(app: ReviewApp, method: str, path: str, *, headers: dict[str, str] | None = None,
            body: str = "") -> tuple[int, str, dict[str, str]]:
    connection = http.client.HTTPConnection("127.0.0.1", app.port, timeout=10)
    connection.request(method, path, body=body.encode(), headers=headers or {})
    response = connection.getresponse()
    cookies = response.headers.get_all("Set-Cookie") or []
    headers = {**dict(response.getheaders()), "Set-Cookie": "\n".join(cookies)}
    return response.status, response.read().decode(), headers


def session(app: ReviewApp) -> tuple[str, str]:
    """The cookies and CSRF token a browser gets with its first (token-carrying) visit."""
    status, html, headers = request(app, "GET", f"/?token={app.token}")
    assert status == 200
    cookies = "; ".join(c.split(";")[0] for c in headers["Set-Cookie"].split("\n")
                        if c.startswith("review_"))
    csrf = html.split('name="csrf" value="', 1)[1].split('"', 1)[0] if 'name="csrf"' in html \
        else next(iter(app.sessions.values())).csrf
    return cookies, csrf


def test_requests_without_token_csrf_origin_or_host_are_refused(server: ReviewApp) -> None:
    path = po_of(server, "es")
    before = path.read_bytes()
    assert request(server, "GET", "/")[0] == 403
    assert request(server, "GET", "/?token=wrong")[0] == 403
    assert request(server, "GET", f"/?token={server.token}",
                   headers={"Host": f"evil.example:{server.port}"})[0] == 421
    cookies, csrf = session(server)
    polib_entry = polib.pofile(str(path))[3]
    origin = f"http://127.0.0.1:{server.port}"
    form = (f"msgid={polib_entry.msgid}&msgstr=x&action=approve&key=3&digest=any")
    post = f"/doc/es/{DOC}/entry"
    base = {"Cookie": cookies, "Content-Type": "application/x-www-form-urlencoded"}
    assert request(server, "POST", post, body=form + "&csrf=wrong",
                   headers={**base, "Origin": origin})[0] == 403
    assert request(server, "POST", post, body=form,
                   headers={**base, "Origin": origin})[0] == 403
    assert request(server, "POST", post, body=form + f"&csrf={csrf}",
                   headers={**base, "Origin": "http://evil.example"})[0] == 403
    assert path.read_bytes() == before
    assert request(server, "GET", "/doc/..%2F..%2Fpyproject/x", headers=base)[0] == 404
    assert request(server, "GET", f"/doc/xx/{DOC}", headers=base)[0] == 404
    assert request(server, "GET", "/doc/es/..", headers=base)[0] == 404


def test_broken_catalog_shows_its_error_in_the_page(server: ReviewApp) -> None:
    po_of(server, "ru").write_text('msgid "a"\nmsgstr "b\n', "utf-8")
    cookies, _ = session(server)
    status, html, _ = request(server, "GET", "/", headers={"Cookie": cookies})
    assert status == 200 and 'role="alert"' in html and "ru/LC_MESSAGES" in html
    status, html, _ = request(server, "GET", f"/doc/ru/{DOC}", headers={"Cookie": cookies})
    assert status == 200 and 'class="error" role="alert"' in html


def overview_row(html: str, lang: str, doc: str = DOC) -> str:
    """The overview's row for `lang` and `doc`, after the document link."""
    return html.split(f'<a href="/doc/{lang}/{doc}">', 1)[1].split("</tr>", 1)[0]


def counts_in(row: str) -> list[str]:
    """The row's cells: entries, approved, signed, machine, untranslated, findings…"""
    return [cell.split(">", 1)[1] for cell in row.split("</td>")[1:] if ">" in cell]


def test_overview_follows_what_changes_on_disk(server: ReviewApp) -> None:
    """The overview remembers rows whose files did not change; an approval made in Poedit
    and a catalog broken by hand both show on the next visit."""
    cookies, _ = session(server)
    first = request(server, "GET", "/", headers={"Cookie": cookies})[1]
    total, approved, signed, machine = counts_in(overview_row(first, "es"))[:4]
    assert request(server, "GET", "/", headers={"Cookie": cookies})[1] == first
    po = polib.pofile(str(po_of(server, "es")))
    draft = next(e for e in po if "fuzzy" in e.flags and e.msgstr)
    draft.flags.remove("fuzzy")
    po.save()
    html = request(server, "GET", "/", headers={"Cookie": cookies})[1]
    assert counts_in(overview_row(html, "es"))[:4] == [
        total, str(int(approved) + 1), signed, str(int(machine) - 1)]
    assert 'role="alert"' not in overview_row(html, "ru")
    po_of(server, "ru").write_text('msgid "a"\nmsgstr "b\n', "utf-8")
    html = request(server, "GET", "/", headers={"Cookie": cookies})[1]
    assert 'role="alert"' in overview_row(html, "ru")


def test_arabic_interface_is_right_to_left(fresh: Path) -> None:
    app = ReviewApp(load_config(fresh), reviewer=None, role="reviewer", host="127.0.0.1",
                    port=1, ui_lang="ar")
    html = app.env.get_template("overview.html.j2").render(
        ui_lang="ar", ui_dir="rtl", csrf="", rows=[], langs=[], direction=lambda t: "rtl")
    assert '<html lang="ar" dir="rtl">' in html


def test_port_in_use_is_one_line_and_exit_2(fresh: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "pipeline", "--project", str(fresh),
                               "review", "--no-browser", "--port", str(port)],
                              capture_output=True, text=True, timeout=60,
                              env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and f"127.0.0.1:{port}" in done.stderr
    assert done.stderr.startswith("error: ")


def test_a_closed_server_frees_its_port(fresh: Path) -> None:
    """Once closed, nothing listens on the port any more: a browser's next request is refused
    at once instead of waiting forever in a socket no one accepts from (the app's own socket
    stayed open beside Werkzeug's copy of it)."""
    httpd, app = listen(load_config(fresh), reviewer=REVIEWER, role="clinician",
                        host="127.0.0.1", port=0)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    with socket.create_connection(("127.0.0.1", app.port), timeout=10):
        pass                                             # served while it runs
    serving = listening_here(app.port)
    assert serving
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=10)           # its serve_forever closes the server on its way out too
    # Asked of the sockets that listened for this server (this process's, by inode), not by
    # connecting: once the port is free another test worker may listen on it, or the kernel
    # may connect a socket to itself. Awaited: the kernel drops the socket once every thread
    # of this process has let go of it.
    deadline = time.monotonic() + 10
    while listening_here(app.port) & serving and time.monotonic() < deadline:
        threading.Event().wait(0.01)
    assert not listening_here(app.port) & serving


def listening_here(port: int) -> set[str]:
    """The sockets of this process that listen on the TCP port, by inode (Linux:
    /proc/net/tcp*)."""
    mine = {os.readlink(f"/proc/self/fd/{fd}") for fd in os.listdir("/proc/self/fd")
            if os.path.exists(f"/proc/self/fd/{fd}")}
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        with open(table) as rows:
            for row in list(rows)[1:]:
                fields = row.split()
                local, state, inode = fields[1], fields[3], fields[9]
                if int(local.rsplit(":", 1)[1], 16) == port and state == "0A" \
                        and f"socket:[{inode}]" in mine:
                    found.add(inode)
    return found


def test_remote_host_needs_the_explicit_flag(fresh: Path) -> None:
    result = run(fresh, "review", "--no-browser", "--host", "0.0.0.0")
    assert result.exit_code == 2 and "--allow-remote" in result.output


@pytest.mark.parametrize(("page", "width"), [("/", 1280), ("/", 390), (f"/doc/es/{DOC}", 1280),
                                             (f"/doc/ar/{DOC}", 390)])
def test_no_serious_accessibility_violations(server: ReviewApp, browser: Any, page: str,
                                             width: int) -> None:
    browser.set_window_size(width, 900)
    browser.get(url_of(server, page))
    browser.execute_script(AXE.read_text("utf-8"))
    result = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations))"
        ".catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e)}]));")
    bad = [(v["id"], v["help"]) for v in result if v["impact"] in ("serious", "critical")]
    browser.set_window_size(1280, 900)
    assert bad == []


@pytest.mark.parametrize("width", [390, 1280])
def test_screenshots(server: ReviewApp, browser: Any, width: int, tmp_path: Path) -> None:
    browser.set_window_size(width, 900)
    for name, page in (("overview", "/"), ("document", f"/doc/ar/{DOC}")):
        browser.get(url_of(server, page))
        shot = tmp_path / f"review-{name}-{width}.png"
        browser.save_screenshot(str(shot))
        assert shot.stat().st_size > 5_000
        overflow = browser.execute_script(
            "return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name} scrolls sideways at {width} px"
        keep = REPO / ".review-shots"
        if keep.is_dir():                                # to look at them by hand
            shutil.copy(shot, keep / shot.name)
    browser.set_window_size(1280, 900)
    assert urlsplit(browser.current_url).hostname == "127.0.0.1"
