#!/usr/bin/env python3
"""Serves dist/ on 127.0.0.1:$PORT (default 8080) with the headers Haven relies on, and
with --demo a demonstration council page on a second origin that embeds it.

The page itself enforces its safety; these headers back it up: the
Content-Security-Policy of www/site.json (the one each page also carries as a meta tag:
same origin only, plus 'wasm-unsafe-eval' for WebAssembly), with frame-ancestors, which
only a header can carry: every site may embed the widget unless HAVEN_FRAME_ANCESTORS
names the sites that may (space-separated origins, as a deployment would list its
councils); no referrer, no caching on disk, and no access to location or camera.
embed.js alone may be loaded by other sites. Requests are not logged: nothing about a
visit should stay on the server either.

--demo also serves demo/ on 127.0.0.1:$DEMO_PORT (default PORT + 1), to be opened as
http://localhost:DEMO_PORT/: another site, as a council's is, whose pages embed Haven
the documented ways and carry a mock analytics script that shows what it could see.
"""
import gzip
import http.server
import json
import os
import re
import sys
import threading
from functools import partial

HERE = os.path.dirname(os.path.abspath(__file__))
# HAVEN_DIST serves another build (tools/measure-signature-cost.sh times two side by side).
ROOT = os.environ.get("HAVEN_DIST") or os.path.join(HERE, "..", "dist")

with open(os.path.join(HERE, "..", "www", "site.json"), encoding="utf-8") as f:
    SITE = json.load(f)


def frame_ancestors():
    """Who may embed the pages: site.json's default, or HAVEN_FRAME_ANCESTORS."""
    value = os.environ.get("HAVEN_FRAME_ANCESTORS", "").strip()
    if not value:
        return SITE["headerOnlyPolicy"]["frame-ancestors"]
    for source in value.split():
        if source not in ("*", "'self'", "'none'") and not re.fullmatch(r"https?://[A-Za-z0-9.-]+(:\d+)?", source):
            sys.exit(f"serve: HAVEN_FRAME_ANCESTORS: expected *, 'none' or origins such as https://www.council.gov.uk, found {source!r}")
    return value


HEADERS = {
    "Content-Security-Policy": "; ".join(
        f"{directive} {sources}"
        for directive, sources in {**SITE["policy"], **SITE["headerOnlyPolicy"], "frame-ancestors": frame_ancestors()}.items()
    ),
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
    "Permissions-Policy": "geolocation=(), camera=(), microphone=(), interest-cohort=()",
    "Cross-Origin-Resource-Policy": "same-origin",
}


COMPRESS = {".html", ".js", ".css", ".wasm", ".bin", ".json", ".txt"}
GZIPPED = {}


class _Body:
    """A file-like view of bytes, as send_head's callers expect."""

    def __init__(self, data):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


class Handler(http.server.SimpleHTTPRequestHandler):
    # Keep-alive, as real hosts do.
    protocol_version = "HTTP/1.1"
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".bin": "application/octet-stream",
        ".json": "application/json",
        ".txt": "text/plain; charset=utf-8",
    }

    def send_head(self):
        # Compress what compresses, as any real host would: the build's Brotli copy when
        # the browser takes Brotli, else gzip made once per file.
        path = self.translate_path(self.path)
        accepted = [e.split(";")[0].strip() for e in self.headers.get("Accept-Encoding", "").split(",")]
        if os.path.isfile(path) and os.path.splitext(path)[1] in COMPRESS:
            body, encoding = None, None
            if "br" in accepted and os.path.isfile(path + ".br"):
                with open(path + ".br", "rb") as f:
                    body, encoding = f.read(), "br"
            elif "gzip" in accepted:
                body = GZIPPED.get(path)
                if body is None:
                    with open(path, "rb") as f:
                        body = GZIPPED[path] = gzip.compress(f.read(), 9)
                encoding = "gzip"
            if body is not None:
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(path))
                self.send_header("Content-Encoding", encoding)
                self.send_header("Vary", "Accept-Encoding")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                return _Body(body)
        return super().send_head()

    def end_headers(self):
        for name, value in HEADERS.items():
            if name == "Cross-Origin-Resource-Policy" and self.path.split("?")[0].lstrip("/") in SITE["scripts"]:
                # What other sites load (embed.js) may be loaded by them.
                value = "cross-origin"
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


DEMO = os.path.join(HERE, "..", "demo")


class DemoHandler(http.server.SimpleHTTPRequestHandler):
    """A council's site: demo/council.html with each of demo/pages.json's values, told
    where Haven is ({{HAVEN}}); strict.html with the strictest policy a host could set
    for the widget."""

    haven = ""
    protocol_version = "HTTP/1.1"

    def send_head(self):
        name = self.path.split("?")[0].lstrip("/") or "index.html"
        with open(os.path.join(DEMO, "pages.json"), encoding="utf-8") as f:
            pages = json.load(f)["pages"]
        if name not in pages:
            return super().send_head()
        with open(os.path.join(DEMO, "council.html"), encoding="utf-8") as f:
            html = f.read()
        for key, value in pages[name].items():
            html = html.replace("{{" + key + "}}", value)
        body = html.replace("{{HAVEN}}", self.haven).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        if name == "strict.html":
            self.send_header(
                "Content-Security-Policy",
                f"default-src 'none'; script-src 'self' {self.haven}; frame-src {self.haven}; style-src 'self'; "
                "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'",
            )
        self.end_headers()
        return _Body(body)

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


def main():
    port = int(os.environ.get("PORT", "8080"))
    if not os.path.isdir(ROOT):
        sys.exit(f"serve: {ROOT} does not exist; run 'make build' first")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), partial(Handler, directory=ROOT))
    servers = [server]
    if "--demo" in sys.argv[1:]:
        demo_port = int(os.environ.get("DEMO_PORT", str(port + 1)))
        DemoHandler.haven = f"http://127.0.0.1:{port}"
        servers.append(http.server.ThreadingHTTPServer(("127.0.0.1", demo_port), partial(DemoHandler, directory=DEMO)))
        print(f"A council's page embedding Haven, on another origin: http://localhost:{demo_port}/", flush=True)
    for extra in servers[1:]:
        threading.Thread(target=extra.serve_forever, daemon=True).start()
    print(f"Haven is being served on http://127.0.0.1:{port}/ (Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
