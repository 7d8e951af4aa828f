#!/usr/bin/env python3
"""Serves dist/ on 127.0.0.1:$PORT (default 8080) with the headers Haven relies on.

The page itself enforces its safety; these headers back it up: the
Content-Security-Policy of www/site.json (the one each page also carries as a meta tag:
same origin only, plus 'wasm-unsafe-eval' for WebAssembly), with frame-ancestors, which
only a header can carry, left open so councils can embed the page; no referrer, no caching on disk, and no access to location or camera. Requests are not
logged: nothing about a visit should stay on the server either.
"""
import gzip
import http.server
import json
import os
import sys
from functools import partial

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "dist")

with open(os.path.join(HERE, "..", "www", "site.json"), encoding="utf-8") as f:
    SITE = json.load(f)

HEADERS = {
    "Content-Security-Policy": "; ".join(
        f"{directive} {sources}" for directive, sources in {**SITE["policy"], **SITE["headerOnlyPolicy"]}.items()
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
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


def main():
    port = int(os.environ.get("PORT", "8080"))
    if not os.path.isdir(ROOT):
        sys.exit(f"serve: {ROOT} does not exist; run 'make build' first")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), partial(Handler, directory=ROOT))
    print(f"Haven is being served on http://127.0.0.1:{port}/ (Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
