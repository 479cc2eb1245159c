"""The loopback proxy of the network-fault tests and the sync benchmarks does what it says: exact cuts in either
direction, a link that stays down until healed (or drops every k bytes), shaping, delay, counters."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from tests.sync.netproxy import NetProxy


class Upstream:
    """A TCP server that echoes what it receives, or, sent b"send N\\n", answers N bytes; it records every byte."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.received = bytearray()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        with conn:
            while True:
                try:
                    data = conn.recv(65536)
                except OSError:
                    return
                if not data:
                    return
                self.received += data
                try:
                    if data.startswith(b"send "):
                        conn.sendall(b"x" * int(data.split()[1]))
                    else:
                        conn.sendall(data)
                except OSError:
                    return

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def upstream() -> Iterator[Upstream]:
    server = Upstream()
    yield server
    server.close()


def _connect(proxy: NetProxy) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", proxy.port), timeout=5)
    return sock


def _read_all(sock: socket.socket, limit: int) -> bytes:
    out = bytearray()
    while len(out) < limit:
        try:
            data = sock.recv(65536)
        except (ConnectionResetError, TimeoutError):
            break
        if not data:
            break
        out += data
    return bytes(out)


def _refused(proxy: NetProxy) -> bool:
    """A new connection is closed by the proxy at once (reset during connect, or right after)."""
    try:
        sock = _connect(proxy)
    except OSError:
        return True
    with sock:
        try:
            sock.sendall(b"ping")
            return sock.recv(10) == b""
        except OSError:
            return True


def test_forwards_and_counts_both_ways(upstream: Upstream) -> None:
    with NetProxy(upstream.port) as proxy:
        with _connect(proxy) as sock:
            payload = bytes(range(256)) * 40
            sock.sendall(payload)
            assert _read_all(sock, len(payload)) == payload
        assert (proxy.bytes_up, proxy.bytes_down, proxy.total) == (10240, 10240, 20480)
        assert proxy.connections == 1 and proxy.cuts == 0
        assert [d for d, _ in proxy.segments][:1] == ["up"] and sum(n for _, n in proxy.segments) == 20480


def test_cut_up_delivers_exactly_k_bytes_and_the_link_stays_down_until_healed(upstream: Upstream) -> None:
    with NetProxy(upstream.port) as proxy:
        proxy.cut_after(3000, "up")
        with _connect(proxy) as sock:
            with pytest.raises(OSError):
                for _ in range(100):
                    sock.sendall(b"a" * 1000)
                    time.sleep(0.001)
        deadline = time.monotonic() + 2
        while len(upstream.received) < 3000 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert bytes(upstream.received) == b"a" * 3000
        assert proxy.cuts == 1 and proxy.is_down
        assert _refused(proxy)
        proxy.heal()
        with _connect(proxy) as sock:
            sock.sendall(b"hello")
            assert _read_all(sock, 5) == b"hello"


def test_cut_down_and_both(upstream: Upstream) -> None:
    with NetProxy(upstream.port) as proxy:
        proxy.cut_after(12345, "down")
        with _connect(proxy) as sock:
            sock.sendall(b"send 50000\n")
            assert len(_read_all(sock, 50000)) == 12345
        proxy.heal()
        proxy.reset_counters()
        proxy.cut_after(20, "both")
        with _connect(proxy) as sock:
            sock.sendall(b"send 100\n")  # 9 bytes up, then only 11 of the 100 come down
            assert len(_read_all(sock, 100)) == 11
        assert (proxy.bytes_up, proxy.bytes_down) == (9, 11)


def test_cut_every_k_bytes_rearms_and_lets_new_connections_through(upstream: Upstream) -> None:
    with NetProxy(upstream.port) as proxy:
        proxy.cut_after(1000, "down", every=True)
        got = []
        for _ in range(3):
            with _connect(proxy) as sock:
                sock.sendall(b"send 1500\n")
                got.append(len(_read_all(sock, 1500)))
        assert got == [1000, 1000, 1000]  # the budget starts afresh after each cut
        assert proxy.cuts == 3 and not proxy.is_down


def test_rate_and_delay(upstream: Upstream) -> None:
    with NetProxy(upstream.port, rate=100_000) as proxy, _connect(proxy) as sock:
        start = time.monotonic()
        sock.sendall(b"send 30000\n")
        assert len(_read_all(sock, 30000)) == 30000
        assert time.monotonic() - start >= 0.28  # 30 kB at 100 kB/s
    with NetProxy(upstream.port, delay=0.1) as proxy, _connect(proxy) as sock:
        start = time.monotonic()
        for _ in range(3):
            sock.sendall(b"ping")
            assert _read_all(sock, 4) == b"ping"
        assert time.monotonic() - start >= 0.6  # three round trips of 2 x 100 ms
