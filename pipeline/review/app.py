"""The local review app: server-rendered pages over the project's catalogs (Werkzeug).

Every write goes through pipeline.catalogs under the project lock, and sign-offs through
pipeline.review.signoff.sign, exactly as the CLI does. Security: a random token on every
request (URL once, then an HttpOnly cookie), a per-session CSRF token and same-origin check on
every POST, a Host header check against DNS rebinding, and lang/doc validated against the
project. Jinja2 autoescapes every text, so hostile msgids and msgstrs stay inert.
"""

from __future__ import annotations

import gettext
import hmac
import json
import secrets
import socket
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape
from werkzeug.exceptions import HTTPException, NotFound
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response

from pipeline import catalogs
from pipeline.config import Config
from pipeline.errors import PipelineError
from pipeline.files import atomic_write
from pipeline.languages import direction
from pipeline.lock import project_lock
from pipeline.review import signoff, views

HERE = Path(__file__).parent
LOOPBACK = ("127.0.0.1", "localhost", "::1")
_STATIC = {"app.js": "text/javascript", "app.css": "text/css"}


@dataclass
class Undo:
    """What the last catalog write replaced, so it can be put back if nothing wrote since."""

    path: Path
    before: str
    after: str
    lang: str
    doc: str
    key: int


@dataclass
class Session:
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    undo: list[Undo] = field(default_factory=list)


class ReviewApp:
    """A WSGI application for one project and one reviewer."""

    def __init__(self, config: Config, *, reviewer: str | None, role: str, host: str,
                 port: int, ui_lang: str = "en", token: str | None = None) -> None:
        self.project = views.Project(config)
        self.config = config
        self.reviewer = signoff.parse_reviewer(reviewer) if reviewer else None
        self.role = role
        self.token = token or secrets.token_urlsafe(24)
        self.host, self.port = host, port
        self.sessions: dict[str, Session] = {}
        self.lock = threading.Lock()
        self.ui_lang = ui_lang
        translations = gettext.translation("pipeline", localedir=str(HERE.parent / "locale"),
                                           languages=[ui_lang], fallback=True)
        self._ = translations.gettext
        self.env = Environment(loader=FileSystemLoader(HERE / "templates"),
                               autoescape=select_autoescape(default=True, default_for_string=True),
                               extensions=["jinja2.ext.i18n"])
        self.env.install_gettext_translations(translations, newstyle=True)  # type: ignore[attr-defined]
        self.env.filters["inline_markdown"] = views.inline_markdown
        self.urls = Map([
            Rule("/", endpoint="overview"),
            Rule("/doc/<lang>/<doc>", endpoint="document"),
            Rule("/doc/<lang>/<doc>/entry", endpoint="entry", methods=["POST"]),
            Rule("/doc/<lang>/<doc>/check", endpoint="check", methods=["POST"]),
            Rule("/undo", endpoint="undo", methods=["POST"]),
            Rule("/static/<name>", endpoint="static"),
        ])

    # --- security ---
    def allowed_hosts(self) -> set[str]:
        names = {self.host, *LOOPBACK} if self.host in LOOPBACK else {self.host}
        return {f"[{n}]:{self.port}" if ":" in n else f"{n}:{self.port}" for n in names}

    def guard(self, request: Request) -> tuple[Session | None, Response | None]:
        if request.host not in self.allowed_hosts():
            return None, Response("unknown Host header", status=421)
        given = request.args.get("token") or request.cookies.get("review_token", "")
        if not hmac.compare_digest(given.encode(), self.token.encode()):
            return None, Response("this page needs the token printed by 'pipeline review'",
                                  status=403)
        with self.lock:
            sid = request.cookies.get("review_session", "")
            session = self.sessions.get(sid)
            if session is None:
                sid = secrets.token_urlsafe(24)
                session = self.sessions[sid] = Session()
            request.environ["review.sid"] = sid
        if request.method == "POST":
            origin = request.headers.get("Origin") or request.headers.get("Referer") or ""
            parts = urlsplit(origin)
            if parts.scheme != "http" or parts.netloc not in self.allowed_hosts():
                return None, Response("cross-origin request refused", status=403)
            sent = request.form.get("csrf") or request.headers.get("X-CSRF-Token", "")
            if not hmac.compare_digest(sent.encode(), session.csrf.encode()):
                return None, Response("missing or wrong CSRF token; reload the page",
                                      status=403)
        return session, None

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        session, refused = self.guard(request)
        if refused is not None or session is None:
            response = refused or Response(status=403)
        else:
            try:
                endpoint, args = self.urls.bind_to_environ(environ).match()
                if "lang" in args and not self.project.valid(args["lang"], args.get("doc")):
                    raise NotFound()
                response = getattr(self, f"on_{endpoint}")(request, session, **args)
            except HTTPException as exc:
                response = Response(exc.description or exc.name, status=exc.code or 500)
            response.set_cookie("review_token", self.token, httponly=True, samesite="Strict")
            response.set_cookie("review_session", request.environ["review.sid"],
                                httponly=True, samesite="Strict")
        response.headers["Content-Security-Policy"] = (
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["Cache-Control"] = "no-store"
        return response(environ, start_response)

    # --- pages ---
    def render(self, name: str, session: Session, status: int = 200, **context: Any
               ) -> Response:
        html = self.env.get_template(name).render(
            ui_lang=self.ui_lang, ui_dir=direction(self.ui_lang), csrf=session.csrf,
            reviewer=self.reviewer, role=self.role, can_undo=bool(session.undo),
            direction=direction, **context)
        return Response(html, status=status, content_type="text/html; charset=utf-8")

    def on_static(self, request: Request, session: Session, name: str) -> Response:
        if name not in _STATIC:
            raise NotFound()
        return Response((HERE / "static" / name).read_bytes(), content_type=_STATIC[name])

    def on_overview(self, request: Request, session: Session) -> Response:
        return self.render("overview.html.j2", session, rows=self.project.overview(),
                           langs=self.project.langs)

    def on_document(self, request: Request, session: Session, lang: str, doc: str,
                    message: str = "", status: int = 200, conflict: Any = None) -> Response:
        path = self.project.path(lang, doc)
        wanted = request.args.get("filter", "all")
        try:
            entries = self.project.entries(lang, doc)
            error = ""
        except PipelineError as exc:
            entries, error = [], str(exc)
        shown = [e for e in entries if _keep(e, wanted)]
        return self.render("document.html.j2", session, status=status, lang=lang, doc=doc,
                           entries=shown, total=len(entries), filter=wanted, error=error,
                           focus=request.args.get("focus", ""),
                           digest=views.digest(path), message=message or request.args.get(
                               "msg", ""), conflict=conflict)

    def on_check(self, request: Request, session: Session, lang: str, doc: str) -> Response:
        result = self.project.live_check(lang, doc, request.form.get("msgid", ""),
                                         request.form.get("msgctxt") or None,
                                         request.form.get("msgstr", ""))
        return Response(json.dumps(result), content_type="application/json")

    def on_entry(self, request: Request, session: Session, lang: str, doc: str) -> Response:
        form = request.form
        action = form.get("action", "save")
        msgid, msgctxt = form.get("msgid", ""), form.get("msgctxt") or None
        msgstr = form.get("msgstr", "").replace("\r\n", "\n")
        key = int(form.get("key", "0") or 0)
        path = self.project.path(lang, doc)
        _ = self._
        try:
            with project_lock(self.config.root, command="review"):
                if views.digest(path) != form.get("digest"):
                    theirs = views.one_entry(self.config, path, lang=lang, doc=doc,
                                             msgid=msgid, msgctxt=msgctxt)
                    conflict = {"key": key, "msgid": msgid, "mine": msgstr, "theirs": theirs}
                    return self.on_document(request, session, lang, doc, status=409,
                                            conflict=conflict, message=_(
                        "The catalog changed on disk since this page was loaded. Nothing was "
                        "written. Compare both versions below, then save again."))
                if action in ("save", "approve", "approve-sign"):
                    before = path.read_text("utf-8")
                    po, _catalog = self.project.read(lang, doc)
                    views.apply(po, msgid=msgid, msgctxt=msgctxt, msgstr=msgstr,
                                approve=action != "save")
                    after = catalogs.render(po)
                    if after != before:
                        atomic_write(path, after)
                        session.undo.append(Undo(path, before, after, lang, doc, key))
                if action in ("sign", "approve-sign"):
                    if self.reviewer is None:
                        raise signoff.ReviewError(
                            "no reviewer given", hint='start with --reviewer "Name <email>"')
                    signoff.sign(self.config, lang=lang, reviewer=self.reviewer,
                                 role=self.role, docs=[doc], entry=msgid, expect=msgstr,
                                 locked=True)
        except PipelineError as exc:
            return self.on_document(request, session, lang, doc, status=400, message=str(exc))
        done = {"save": _("Saved (still needs review)."), "approve": _("Approved."),
                "sign": _("Signed off."), "approve-sign": _("Approved and signed off.")}
        return _redirect(request, lang, doc, key, done.get(action, ""))

    def on_undo(self, request: Request, session: Session) -> Response:
        _ = self._
        if not session.undo:
            return Response(_("Nothing to undo."), status=400)
        last = session.undo[-1]
        with project_lock(self.config.root, command="review"):
            if last.path.read_text("utf-8") != last.after:
                return _redirect(request, last.lang, last.doc, last.key, _(
                    "Cannot undo: the catalog changed on disk since your last action."))
            atomic_write(last.path, last.before)
            session.undo.pop()
        return _redirect(request, last.lang, last.doc, last.key, _("Undone."))


def _keep(entry: views.EntryView, wanted: str) -> bool:
    return {"review": entry.needs_review, "findings": bool(entry.findings),
            "critical": entry.critical, "changed": entry.previous is not None
            }.get(wanted, True)


def _redirect(request: Request, lang: str, doc: str, key: int, message: str) -> Response:
    from urllib.parse import quote

    filt = quote(request.args.get("filter", "all"))
    response = Response(status=303)
    response.headers["Location"] = (f"/doc/{quote(lang)}/{quote(doc)}?filter={filt}"
                                    f"&msg={quote(message)}&focus={key}")
    return response


def listen(config: Config, *, reviewer: str | None, role: str, host: str, port: int,
           ui_lang: str = "en") -> tuple[Any, ReviewApp]:
    """The app and a threaded server bound to host:port (0: a free port), not yet serving."""
    from werkzeug.serving import make_server

    app = ReviewApp(config, reviewer=reviewer, role=role, host=host, port=port,
                    ui_lang=ui_lang)
    try:  # bound here, so that a port in use is one line of ours, not Werkzeug's exit
        sock = socket.create_server((host, port), family=socket.AF_INET6 if ":" in host
                                    else socket.AF_INET)
    except OSError as exc:
        raise signoff.ReviewError(f"cannot listen on {host}:{port} ({exc.strerror})",
                                  hint="choose another port with --port") from None
    with sock:  # Werkzeug serves a duplicate of it: ours is closed, or the port would stay
        # open after server_close(), taking connections that no one ever answers
        server = make_server(host, port, app, threaded=True, fd=sock.fileno())
    app.port = server.port
    return server, app


def url_of(app: ReviewApp, path: str = "/") -> str:
    shown = f"[{app.host}]" if ":" in app.host else app.host
    return f"http://{shown}:{app.port}{path}?token={app.token}"


def serve(config: Config, *, reviewer: str | None, role: str, host: str, port: int,
          ui_lang: str, open_browser: bool, announce: Any, start: str = "/") -> None:
    """Bind, print the URL with its token, open the browser, serve until interrupted."""
    server, app = listen(config, reviewer=reviewer, role=role, host=host, port=port,
                         ui_lang=ui_lang)
    url = url_of(app, start)
    announce(f"Review app: {url}")
    if open_browser:
        import webbrowser

        webbrowser.open(url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
