"""A local static server for previews, tests and the benchmark that applies the site's `_headers`
file and compresses text as hosts do: the `.br` copy beside a file where there is one and the
client accepts brotli (as nginx's brotli_static sends the copies `make site` writes, and as Netlify
or Cloudflare Pages send brotli), else gzip. It counts the responses and bytes it sends, for the
benchmark."""

from __future__ import annotations

import datetime as dt
import email.utils
import functools
import http.server
import io
import os
import threading
import urllib.parse
from http import HTTPStatus
from pathlib import Path

from parapluie.hosting import compression
from parapluie.hosting.compression import BROTLI_SUFFIX, COMPRESSED_SUFFIXES
from parapluie.hosting.headers import headers_for, parse_headers_file


def accepts(coding: str, accept_encoding: str) -> bool:
    """Whether an Accept-Encoding header value allows `coding` (`gzip;q=0` refuses gzip)."""
    for item in accept_encoding.split(","):
        name, _, params = item.partition(";")
        if name.strip().lower() in (coding, "*"):
            key, _, quality = params.partition("=")
            try:
                return key.strip().lower() != "q" or float(quality) > 0
            except ValueError:
                return False
    return False


def accepts_gzip(accept_encoding: str) -> bool:
    """Whether an Accept-Encoding header value allows gzip (`gzip;q=0` refuses it)."""
    return accepts("gzip", accept_encoding)


def brotli_copy(path: Path) -> Path | None:
    """`path`'s `.br` copy, when there is one at least as recent as the file (else None)."""
    copy = path.with_name(path.name + BROTLI_SUFFIX)
    try:
        return copy if copy.stat().st_mtime >= path.stat().st_mtime else None
    except FileNotFoundError:
        return None


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder, adds the headers its `_headers` file asks for, compresses text for clients
    that accept gzip (unless `compress` is false), and serves /404.html for misses."""

    def __init__(self, *args, directory: str, compress: bool = True, **kwargs) -> None:
        headers_path = Path(directory) / "_headers"
        self.rules = parse_headers_file(headers_path.read_text(encoding="utf-8")) if headers_path.exists() else []
        self.compress = compress
        super().__init__(*args, directory=directory, **kwargs)

    def setup(self) -> None:
        super().setup()
        if isinstance(self.server, SiteServer):
            self.wfile = _CountingWriter(self.wfile, self.server)

    def log_request(self, code="-", size="-") -> None:
        if isinstance(self.server, SiteServer):
            self.server.add(responses=1)

    def end_headers(self) -> None:
        for name, value in headers_for(self.path.split("?")[0], self.rules).items():
            self.send_header(name, value)
        super().end_headers()

    def compressible_file(self) -> Path | None:
        """The file this request asks for when it is text a host would compress, else None."""
        if not self.compress:
            return None
        path = Path(self.translate_path(self.path))
        if urllib.parse.urlsplit(self.path).path.endswith("/"):
            # A folder's index; the stdlib answers the rest (a file asked with a trailing "/", listings).
            path = path / "index.html"
        return path if path.suffix in COMPRESSED_SUFFIXES and path.is_file() else None

    def not_modified(self, mtime: float) -> bool:
        """Whether the request's If-Modified-Since covers a file modified at `mtime` (as the stdlib does)."""
        if "If-Modified-Since" not in self.headers or "If-None-Match" in self.headers:
            return False
        try:
            since = email.utils.parsedate_to_datetime(self.headers["If-Modified-Since"])
        except (TypeError, IndexError, OverflowError, ValueError):
            return False
        if since.tzinfo is None:
            since = since.replace(tzinfo=dt.UTC)
        modified = dt.datetime.fromtimestamp(mtime, dt.UTC).replace(microsecond=0)
        return modified <= since

    def send_body(self, status: int, content_type: str, path: Path, mtime: float | None = None):
        """Send headers for the file at `path`: its brotli copy or gzipped when the client accepts
        them; return the body to write."""
        self.send_response(status)
        self.send_header("Content-type", content_type)
        body = path.read_bytes()
        if self.compress:
            self.send_header("Vary", "Accept-Encoding")
            accepted = self.headers.get("Accept-Encoding", "")
            copy = brotli_copy(path) if accepts("br", accepted) else None
            if copy is not None:
                body = copy.read_bytes()
                self.send_header("Content-Encoding", "br")
            elif accepts_gzip(accepted):
                body = compression.compress(body)
                self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        if mtime is not None:
            self.send_header("Last-Modified", self.date_time_string(mtime))
        self.end_headers()
        return body

    def send_head(self):
        path = self.compressible_file()
        if path is None:
            return super().send_head()
        mtime = os.stat(path).st_mtime
        if self.not_modified(mtime):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            return None
        body = self.send_body(HTTPStatus.OK, self.guess_type(str(path)), path, mtime)
        return io.BytesIO(body)

    def send_error(self, code, message=None, explain=None) -> None:
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.exists():
            super().send_error(code, message, explain)
            return
        body = self.send_body(HTTPStatus.NOT_FOUND, "text/html; charset=utf-8", not_found)
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args) -> None:
        pass


class SiteServer(http.server.ThreadingHTTPServer):
    """A threading HTTP server that counts the responses it sends and their bytes as they go on
    the wire (status line, headers and body): what a browser receives, measured where it is sent."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.counts_lock = threading.Lock()
        self.responses = self.bytes_sent = 0

    def add(self, responses: int = 0, sent: int = 0) -> None:
        """Count responses and bytes sent (from the handlers' threads)."""
        with self.counts_lock:
            self.responses += responses
            self.bytes_sent += sent

    def take_counts(self) -> tuple[int, int]:
        """(responses, bytes) sent since the last call."""
        with self.counts_lock:
            counts = (self.responses, self.bytes_sent)
            self.responses = self.bytes_sent = 0
        return counts


class _CountingWriter(io.BufferedIOBase):
    """A handler's output stream that adds what it writes to its server's count."""

    def __init__(self, stream, server: SiteServer) -> None:
        super().__init__()
        self.stream, self.server = stream, server

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.server.add(sent=len(data))  # before: the client may read the bytes before write() returns
        return self.stream.write(data)

    def flush(self) -> None:
        self.stream.flush()

    def close(self) -> None:
        super().close()  # flushes first, while the stream is open
        self.stream.close()


def start_server(folder: Path, port: int = 0, host: str = "127.0.0.1", compress: bool = True) -> tuple[str, SiteServer]:
    """Serve `folder` in a background thread; return (base URL, server). Port 0 picks a free one.

    Text files go compressed to clients that accept it, as real hosts send them (a file's `.br`
    copy, else gzip); `compress=False` sends every file as it is on disk.
    """
    handler = functools.partial(SiteHandler, directory=str(folder), compress=compress)
    server = SiteServer((host, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://{host}:{server.server_address[1]}", server
