"""Serving a built site on this machine only (``disclosure-metrics serve``).

Quarto's pages load their scripts as JavaScript modules, which browsers refuse from
``file://``; a local http server shows them as they are meant to be seen. The server binds to
127.0.0.1 only: nobody else on the network can reach it.

Example::

    >>> import threading, urllib.request, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "index.html").write_text("<p>hi</p>", encoding="utf-8")
    >>> server = site_server(folder, port=0)
    >>> threading.Thread(target=server.serve_forever, daemon=True).start()
    >>> urllib.request.urlopen(site_url(server)).read()
    b'<p>hi</p>'
    >>> server.shutdown(); server.server_close()
"""

from __future__ import annotations

import functools
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

LOOPBACK = "127.0.0.1"


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without a console line per request."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


def site_server(directory: str | Path, port: int = 8000) -> ThreadingHTTPServer:
    """An http server for ``directory`` on 127.0.0.1 (``port=0``: any free port)."""
    handler = functools.partial(_QuietHandler, directory=str(Path(directory).resolve()))
    return ThreadingHTTPServer((LOOPBACK, port), handler)


def site_url(server: ThreadingHTTPServer) -> str:
    """The address of the site's index page."""
    host, port = server.server_address[:2]
    return f"http://{host}:{port}/index.html"
