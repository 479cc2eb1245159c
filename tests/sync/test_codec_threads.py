"""The zstd codec of the wire format must work from several threads at once: the county server compresses answers
on its event loop and in its thread pool at the same time (``_reply`` in ``/v1/sync`` and in ``/v1/blobs/{sha}``),
and a process may run several sync clients.

The bug this caught: ``govdesk.sync.protocol`` keeps one module-level ``ZstdCompressor`` and
python-zstandard compressors are not thread-safe (it releases the GIL while compressing), so two threads
compressing at once crash the whole process with a segmentation fault. Fix: one compressor per thread
(``threading.local``) or a new ``ZstdCompressor(level=6)`` per call. Run in a child process, so the crash fails
this test instead of killing the test session. (Fixed: one compressor per thread.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import random, threading
from govdesk.sync.protocol import compress, decompress

bad = []

def work(seed):
    rng = random.Random(seed)
    text = "".join(chr(0x4E00 + rng.randrange(3000)) for _ in range(40000)).encode()
    for _ in range(150):
        body = text[rng.randrange(1000):]
        if decompress(compress(body)) != body:
            bad.append(seed)

threads = [threading.Thread(target=work, args=(s,)) for s in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
raise SystemExit(1 if bad else 0)
"""


def test_compress_from_several_threads_at_once() -> None:
    run = subprocess.run([sys.executable, "-c", CHILD], cwd=ROOT, capture_output=True, text=True, timeout=300)
    if run.returncode < 0:
        raise AssertionError(f"the process crashed (signal {-run.returncode}): a ZstdCompressor shared between threads")
    assert run.returncode == 0, f"round trip failed: {run.stdout}{run.stderr}"
