"""A loopback TCP proxy that puts a bad network between a client and a real server: it cuts the connection after
exactly k bytes, shapes bandwidth, adds one-way delay, and counts the bytes each way.

    with NetProxy(("127.0.0.1", server_port), rate=32_000, delay=0.150) as proxy:   # 256 kbit/s, 300 ms RTT
        client = make_http(proxy.url)
        ...
        proxy.bytes_up, proxy.bytes_down             # client -> server, server -> client (bytes forwarded)
        proxy.cut_after(10_000)                      # the link drops once 10,000 more bytes have passed
        proxy.heal()                                 # ... and is back

The model is one link shared by every connection through the proxy (``up`` = client -> server, ``down`` = server
-> client). In each direction a byte is read, waits for the link to be free (``rate`` bytes/s; serialisation),
travels ``delay`` seconds (propagation) and is delivered; so the round-trip time adds ``2 * delay`` and the
throughput is ``rate`` each way. ``rate`` and ``delay`` may be changed while the proxy runs.

A cut (``cut_after``) counts bytes from the moment it is armed, in one direction or in both together. The
connection carrying the k-th byte delivers exactly that byte and is then closed both ways (FIN, or RST when the
peer still had data coming). Unless ``every=True``, the link then stays down: every open connection is closed
and new ones are accepted and closed at once until ``heal()`` (so a client cannot quietly get through on a
retry). With ``every=True`` the budget re-arms after each cut: "the link drops every k bytes".

Only for tests and benchmarks on this machine; threads, no asyncio, no dependencies.
"""

from __future__ import annotations

import queue
import socket
import struct
import threading
import time
from contextlib import suppress
from dataclasses import dataclass, field
from types import TracebackType
from typing import Literal

Direction = Literal["up", "down", "both"]
_EOF = object()  # the sender finished writing (half-close)
_CUT = object()  # the link cut this connection here
_ABORT = object()  # the sender's socket failed


@dataclass
class _Budget:
    remaining: int
    direction: Direction
    every: int | None


class _Link:
    """One direction of the shared link: when is it free again for the next byte."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._free_at = 0.0

    def reserve(self, nbytes: int, rate: float | None) -> float:
        """The time the last of ``nbytes`` has been put on the wire (now when there is no rate)."""
        now = time.monotonic()
        if not rate:
            return now
        with self._lock:
            start = max(now, self._free_at)
            self._free_at = start + nbytes / rate
            return self._free_at


@dataclass(eq=False)
class _Connection:
    client: socket.socket
    server: socket.socket
    queues: dict[str, queue.Queue[tuple[float, bytes] | object]] = field(default_factory=dict)
    finished: int = 0
    dead: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    def kill(self) -> None:
        with self.lock:
            if self.dead:
                return
            self.dead = True
        for sock in (self.client, self.server):
            with suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)  # wakes a thread blocked in recv on it
            with suppress(OSError):
                sock.close()
        for q in self.queues.values():
            q.put(_ABORT)

    def half_done(self) -> None:
        with self.lock:
            self.finished += 1
            both = self.finished == 2
        if both:
            self.kill()


class NetProxy:
    """``NetProxy(upstream)`` forwards ``127.0.0.1:<port>`` to ``upstream`` (a port on 127.0.0.1, or a
    ``(host, port)``). Use it as a context manager, or ``start()`` / ``stop()``."""

    def __init__(self, upstream: int | tuple[str, int], *, rate: float | None = None, delay: float = 0.0,
                 host: str = "127.0.0.1", port: int = 0) -> None:  # fmt: skip
        self.upstream = ("127.0.0.1", upstream) if isinstance(upstream, int) else upstream
        self.rate = rate  # bytes per second in each direction; None = unlimited
        self.delay = delay  # one-way seconds added to every byte
        self._bind = (host, port)
        self._lock = threading.Lock()
        self._budget: _Budget | None = None
        self._down = False
        self._links = {"up": _Link(), "down": _Link()}
        self._conns: set[_Connection] = set()
        self._stop = threading.Event()
        self._listener: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._up = self._down_bytes = self._cuts = self._connections = 0
        self._segments: list[tuple[Direction, int]] = []

    # ---- life -------------------------------------------------------------------------------------------------

    def start(self) -> NetProxy:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(self._bind)
        listener.listen(64)
        listener.settimeout(0.1)
        self._listener = listener
        self._thread = threading.Thread(target=self._accept_loop, name="netproxy-accept", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
        if self._listener is not None:
            self._listener.close()
        for conn in self._live():
            conn.kill()

    def __enter__(self) -> NetProxy:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._listener is not None, "start the proxy first"
        return int(self._listener.getsockname()[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # ---- faults -----------------------------------------------------------------------------------------------

    def cut_after(self, nbytes: int, direction: Direction = "both", *, every: bool = False) -> None:
        """Cut once ``nbytes`` more bytes have passed in ``direction`` ("up", "down" or "both" together)."""
        if nbytes < 0:
            raise ValueError("nbytes must be >= 0")
        with self._lock:
            self._budget = _Budget(nbytes, direction, nbytes if every else None)
            self._down = False

    def heal(self) -> None:
        """No more cuts; the link is up again."""
        with self._lock:
            self._budget = None
            self._down = False

    @property
    def is_down(self) -> bool:
        return self._down

    # ---- counters ---------------------------------------------------------------------------------------------

    @property
    def bytes_up(self) -> int:
        """Bytes forwarded from the client to the server since the start or ``reset_counters``."""
        return self._up

    @property
    def bytes_down(self) -> int:
        """Bytes forwarded from the server to the client."""
        return self._down_bytes

    @property
    def total(self) -> int:
        return self._up + self._down_bytes

    @property
    def cuts(self) -> int:
        """How many times a cut happened."""
        return self._cuts

    @property
    def connections(self) -> int:
        """Connections accepted and forwarded (refused ones while the link was down are not counted)."""
        return self._connections

    @property
    def segments(self) -> list[tuple[Direction, int]]:
        """The forwarded bytes as runs in one direction: a request/response exchange shows as ("up", n) then
        ("down", m), so ``len(segments) // 2`` is about the number of round trips."""
        with self._lock:
            return list(self._segments)

    def reset_counters(self) -> None:
        with self._lock:
            self._up = self._down_bytes = self._cuts = self._connections = 0
            self._segments = []

    # ---- machinery --------------------------------------------------------------------------------------------

    def _live(self) -> list[_Connection]:
        with self._lock:
            return list(self._conns)

    def _accept_loop(self) -> None:
        assert self._listener is not None
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            client.settimeout(None)
            if self._down:
                _abort(client)
                continue
            try:
                server = socket.create_connection(self.upstream, timeout=10)
            except OSError:
                _abort(client)
                continue
            server.settimeout(None)
            for sock in (client, server):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            conn = _Connection(client, server)
            with self._lock:
                self._conns.add(conn)
                self._connections += 1
            for direction, src, dst in (("up", client, server), ("down", server, client)):
                q: queue.Queue[tuple[float, bytes] | object] = queue.Queue()
                conn.queues[direction] = q
                threading.Thread(target=self._read, args=(conn, direction, src, q), daemon=True,
                                 name=f"netproxy-{direction}-read").start()  # fmt: skip
                threading.Thread(target=self._write, args=(conn, direction, dst, q), daemon=True,
                                 name=f"netproxy-{direction}-write").start()  # fmt: skip

    def _take(self, direction: str, nbytes: int) -> tuple[int, bool, bool]:
        """How many of ``nbytes`` may pass, whether the connection is cut right after them, and whether the
        whole link is down from then on."""
        with self._lock:
            if self._down:
                return 0, True, True
            budget = self._budget
            if budget is None or budget.direction not in ("both", direction):
                return nbytes, False, False
            allowed = min(nbytes, budget.remaining)
            budget.remaining -= allowed
            if budget.remaining > 0:
                return allowed, False, False
            self._cuts += 1
            if budget.every:
                budget.remaining = budget.every
                return allowed, True, False
            self._budget = None
            self._down = True
            return allowed, True, True

    def _read(self, conn: _Connection, direction: str, src: socket.socket,
              q: queue.Queue[tuple[float, bytes] | object]) -> None:  # fmt: skip
        link = self._links[direction]
        while not conn.dead:
            rate = self.rate
            size = 65536 if not rate else max(256, min(65536, int(rate / 50)))  # ~20 ms slices when shaped
            try:
                data = src.recv(size)
            except OSError:
                q.put(_ABORT)
                return
            if not data:
                q.put(_EOF)
                return
            allowed, cut, link_down = self._take(direction, len(data))
            data = data[:allowed]
            if data:
                sent_at = link.reserve(len(data), rate)
                _sleep_until(sent_at)  # the link is busy: no more reading meanwhile (back-pressure)
                q.put((sent_at + self.delay, data))
            if cut:
                q.put(_CUT)
                if link_down:  # every other connection on the link is gone too
                    for other in self._live():
                        if other is not conn:
                            other.kill()
                return

    def _write(self, conn: _Connection, direction: str, dst: socket.socket,
               q: queue.Queue[tuple[float, bytes] | object]) -> None:  # fmt: skip
        try:
            while True:
                item = q.get()
                if item is _ABORT or item is _CUT:
                    conn.kill()
                    return
                if item is _EOF:
                    with suppress(OSError):
                        dst.shutdown(socket.SHUT_WR)
                    conn.half_done()
                    return
                assert isinstance(item, tuple)
                deliver_at, data = item
                _sleep_until(deliver_at)
                if conn.dead:
                    return
                self._count(direction, len(data))  # before the send: the peer may read it at once
                try:
                    dst.sendall(data)
                except OSError:
                    conn.kill()
                    return
        finally:
            if conn.dead:
                with self._lock:
                    self._conns.discard(conn)

    def _count(self, direction: str, nbytes: int) -> None:
        with self._lock:
            if direction == "up":
                self._up += nbytes
            else:
                self._down_bytes += nbytes
            way: Direction = "up" if direction == "up" else "down"
            if self._segments and self._segments[-1][0] == way:
                self._segments[-1] = (way, self._segments[-1][1] + nbytes)
            else:
                self._segments.append((way, nbytes))


def _sleep_until(when: float) -> None:
    delay = when - time.monotonic()
    if delay > 0:
        time.sleep(delay)


def _abort(sock: socket.socket) -> None:
    """Close with RST: the peer sees the connection refused/reset at once."""
    with suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with suppress(OSError):
        sock.close()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
