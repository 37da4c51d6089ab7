"""The gunicorn worker of `normalizer serve` and the Procfile: gthread, with three changes.

1. Raw UTF-8 in the request line. gunicorn refuses every byte outside printable ASCII in the
   request target (RFC 9112 3.2: such bytes must be percent-encoded) with an HTML 400, and no
   setting relaxes it; but `curl 'http://host/v1/resolve?q=Vương'` sends the UTF-8 bytes raw. The
   request line is read by `Request.parse_request_line`; ours percent-encodes the target's bytes
   past 0x7F before gunicorn checks it, so the app gets `q=V%C6%B0%C6%A1ng` and reads it as UTF-8
   (bytes that are not UTF-8 then get the app's own 400). Nothing else of the line changes.
2. The errors gunicorn answers itself, before the app sees a request (a malformed request line or
   header, 431, a negative Content-Length, an unsupported transfer coding), answer the app's JSON
   error shape instead of gunicorn's HTML page: `handle_error` lets gunicorn pick the status and
   log, then writes the JSON.
3. A client timeout (NORMALIZER_CLIENT_TIMEOUT): a request whose head or body stalls for that
   long is answered 408 and closed, so that stalled uploads cannot hold every thread.
"""

from __future__ import annotations

import errno
import json
import re
import socket
from typing import Any

from gunicorn import util
from gunicorn.http.message import Request
from gunicorn.http.parser import RequestParser
from gunicorn.workers.gthread import TConn, ThreadWorker

from normalizer.settings import Settings
from normalizer.web import CLIENT_TIMEOUT

_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_STATUS_LINE = re.compile(rb"HTTP/1\.[01] (\d{3}) ([^\r\n]*)")


def percent_encode_high_bytes(target: bytes) -> bytes:
    return _HIGH_BYTE.sub(lambda m: b"%%%02X" % m.group()[0], target)


class RequestTimedOut(Exception):
    """The client sent nothing for the client timeout while its request was read."""


class Utf8Request(Request):  # type: ignore[misc]
    """gunicorn's request, reading raw UTF-8 in the target and bounding each read of the head."""

    client_timeout: float | None = None  # set per worker (see JsonThreadWorker.load_wsgi)

    def __init__(self, cfg: Any, unreader: Any, peer_addr: Any, req_number: int = 1):
        sock = getattr(unreader, "sock", None)
        if self.client_timeout and sock is not None:
            sock.settimeout(self.client_timeout)  # the body is read through the same socket
        super().__init__(cfg, unreader, peer_addr, req_number)

    def parse(self, unreader: Any) -> Any:
        try:
            return super().parse(unreader)
        except TimeoutError as exc:
            raise RequestTimedOut(str(exc) or "timed out") from exc

    def parse_request_line(self, line_bytes: bytes) -> None:
        bits = line_bytes.split(b" ", 2)
        if len(bits) == 3:
            bits[1] = percent_encode_high_bytes(bits[1])
        super().parse_request_line(b" ".join(bits))


class Utf8Conn(TConn):  # type: ignore[misc]
    request_class: type[Request] = Utf8Request

    def init(self) -> None:
        super().init()
        if isinstance(self.parser, RequestParser):  # HTTP/1 (not HTTP/2, not uwsgi)
            self.parser.mesg_class = self.request_class


class _Captured:
    """A stand-in socket that keeps what gunicorn would have written."""

    def __init__(self) -> None:
        self.data = b""

    def gettimeout(self) -> float:
        return 0.0

    def setblocking(self, flag: bool) -> None:
        pass

    def sendall(self, data: bytes) -> None:
        self.data += data

    send = sendall


def json_error(status: int, reason: str, message: str) -> bytes:
    body = json.dumps({"code": status, "status": reason, "message": message, "errors": {}},
                      ensure_ascii=False).encode("utf-8")
    head = (f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n")
    return head.encode("latin-1") + body


class JsonThreadWorker(ThreadWorker):  # type: ignore[misc]
    """gunicorn's gthread worker with the changes of this module's docstring."""

    conn_class: type[TConn] = Utf8Conn

    def load_wsgi(self) -> None:
        super().load_wsgi()
        config = getattr(self.wsgi, "config", None) or {}
        timeout = config.get(CLIENT_TIMEOUT) or Settings.from_env().client_timeout
        request = type("Utf8Request", (Utf8Request,), {"client_timeout": timeout or None})
        self.conn_class = type("Utf8Conn", (Utf8Conn,), {"request_class": request})

    def accept(self, listener: socket.socket) -> None:
        """gthread's accept, with our connection class."""
        try:
            client_sock, client_addr = listener.accept()
            self.nr_conns += 1
            client_sock.setblocking(True)
            conn = self.conn_class(self.cfg, client_sock, client_addr, listener.getsockname())
            self.enqueue_req(conn)
        except OSError as e:
            if e.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                raise

    def handle_error(self, req: Any, client: Any, addr: Any, exc: BaseException) -> None:
        if isinstance(exc, RequestTimedOut):
            self.log.warning("request head not received within the client timeout from %s", addr)
            status, reason, message = 408, "Request Timeout", "the request did not arrive in time"
        else:
            captured = _Captured()
            super().handle_error(req, captured, addr, exc)  # gunicorn picks the status and logs
            found = _STATUS_LINE.match(captured.data)
            status = int(found.group(1)) if found else 500
            reason = found.group(2).decode("latin-1") if found else "Internal Server Error"
            message = f"{reason}: {exc}" if status < 500 else "internal error"
        try:
            util.write_nonblock(client, json_error(status, reason, message))
        except Exception:
            self.log.debug("Failed to send error message.")
