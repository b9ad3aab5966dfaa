"""A web server on 127.0.0.1 for the tests: our own pages, redirects, slow answers, wrong types, errors.

Tests never leave the machine: :func:`serve` starts :class:`http.server.ThreadingHTTPServer`
on a free port of 127.0.0.1 in a thread and stops it afterwards.  Routes:

    /pages/NAME.html     a fixture from tests/fixtures/web (legacy-encoded ones: see CHARSET_IN_HEADER)
    /plain               a plain-text article (text/plain)
    /nav-only            an HTML page with nothing but a menu
    /redirect/N          N redirects, then /pages/bridge_budget.html
    /loop                redirects to itself
    /slow                waits 3 s before answering
    /pdf, /image         application/pdf, image/png
    /huge-declared       declares a 100 MB body (sends little)
    /huge-streamed       sends 3 MB with no length declared
    /status/CODE         that status (404, 410, 500, ...)
    /flaky/KEY           503 (Retry-After: 0) the first time for each KEY, the page after
    /always-503          503 every time
    /wait/KEY            waits 0.2 s, then the page (records how many requests were in flight)
    /hold/KEY            waits until the test sets ``state.release`` (at most 10 s), then the page
                         (``/wait/…`` requests started while it is unset are counted: ``started_while_held``)
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGES = Path(__file__).resolve().parent / "fixtures" / "web"
# Legacy-encoded fixtures: one says its charset in the HTTP header too, the other only in <meta>.
CHARSET_IN_HEADER = {"cafe_award": "windows-1252"}
PLAIN = (
    "Library to open on Sundays\n\n"
    "The central library will open on Sunday afternoons from next month, the council said on Friday.\n\n"
    "It will open from noon until 4pm, staffed by a mix of paid staff and volunteers, the council said.\n"
)
NAV_ONLY = "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>"


@dataclass
class ServerState:
    """What the server saw: request paths and headers, and the most requests in flight at once."""

    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    flaky_seen: set[str] = field(default_factory=set)
    active: int = 0
    max_active: int = 0
    #: ``/wait/…`` requests started while ``release`` was not set, and the event that ends a
    #: ``/hold/…`` request's wait.
    started_while_held: int = 0
    release: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def _send(self, status: int, body: bytes = b"", content_type: str = "text/html; charset=utf-8",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def _page(self, name: str = "bridge_budget") -> None:
        path = PAGES / f"{name}.html"
        if not path.is_file():
            self._send(404, b"<html><body><p>Not found</p></body></html>")
            return
        charset = CHARSET_IN_HEADER.get(name)
        content_type = f"text/html; charset={charset}" if charset else "text/html"
        self._send(200, path.read_bytes(), content_type)

    def do_GET(self) -> None:
        state = self.server.state
        with state.lock:
            state.requests.append((self.path, dict(self.headers.items())))
        parts = self.path.split("?", 1)[0].strip("/").split("/")
        route = parts[0]
        if route == "pages" and len(parts) == 2:
            self._page(parts[1].removesuffix(".html"))
        elif route == "plain":
            self._send(200, PLAIN.encode(), "text/plain; charset=utf-8")
        elif route == "nav-only":
            self._send(200, NAV_ONLY.encode())
        elif route == "redirect":
            left = int(parts[1])
            target = f"/redirect/{left - 1}" if left > 1 else "/pages/bridge_budget.html"
            self._send(302, headers={"Location": target})
        elif route == "loop":
            self._send(302, headers={"Location": "/loop"})
        elif route == "slow":
            time.sleep(3)
            self._page()
        elif route == "pdf":
            self._send(200, b"%PDF-1.4 not really", "application/pdf")
        elif route == "image":
            self._send(200, b"\x89PNG\r\n", "image/png")
        elif route == "huge-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(100 * 1024 * 1024))
            self.end_headers()
            self.wfile.write(b"<html>")
            self.close_connection = True
        elif route == "huge-streamed":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"<p>" + b"filler text " * 5000 + b"</p>\n"
            with contextlib.suppress(OSError):
                for _ in range(3 * 1024 * 1024 // len(chunk) + 1):
                    self.wfile.write(chunk)
            self.close_connection = True
        elif route == "status":
            code = int(parts[1])
            self._send(code, f"<html><body><p>Error {code}</p></body></html>".encode())
        elif route == "flaky":
            with state.lock:
                first = parts[1] not in state.flaky_seen
                state.flaky_seen.add(parts[1])
            if first:
                self._send(503, b"busy", headers={"Retry-After": "0"})
            else:
                self._page()
        elif route == "always-503":
            self._send(503, b"busy", headers={"Retry-After": "0"})
        elif route == "hold":
            state.release.wait(10)
            self._page()
        elif route == "wait":
            with state.lock:
                if not state.release.is_set():
                    state.started_while_held += 1
                state.active += 1
                state.max_active = max(state.max_active, state.active)
            time.sleep(0.2)
            with state.lock:
                state.active -= 1
            self._page()
        else:
            self._send(404, b"<html><body><p>Not found</p></body></html>")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    state: ServerState

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up (a timeout test) is not an error worth printing


@dataclass
class LocalSite:
    """The running server: ``url("/pages/x.html")`` and what it saw."""

    base: str
    state: ServerState

    def url(self, path: str) -> str:
        return self.base + path


@contextlib.contextmanager
def serve() -> Iterator[LocalSite]:
    """Run the server on 127.0.0.1 (a free port) for the duration of the ``with`` block."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.state = ServerState()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield LocalSite(f"http://{host}:{port}", server.state)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (for "connection refused")."""
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
