"""A local static server for previews and tests that applies the site's `_headers` file,
so what is tested is what a host like Netlify or Cloudflare Pages would send."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

from parapluie.headers import headers_for, parse_headers_file


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder, adds the headers its `_headers` file asks for, and serves /404.html for misses."""

    def __init__(self, *args, directory: str, **kwargs) -> None:
        headers_path = Path(directory) / "_headers"
        self.rules = parse_headers_file(headers_path.read_text(encoding="utf-8")) if headers_path.exists() else []
        super().__init__(*args, directory=directory, **kwargs)

    def end_headers(self) -> None:
        for name, value in headers_for(self.path.split("?")[0], self.rules).items():
            self.send_header(name, value)
        super().end_headers()

    def send_error(self, code, message=None, explain=None) -> None:
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.exists():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args) -> None:
        pass


def start_server(folder: Path, port: int = 0, host: str = "127.0.0.1") -> tuple[str, http.server.ThreadingHTTPServer]:
    """Serve `folder` in a background thread; return (base URL, server). Port 0 picks a free one."""
    handler = functools.partial(SiteHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://{host}:{server.server_address[1]}", server
