"""The audit trail's hash chain: each entry's hash covers its content and the previous entry's hash, so an
edited, deleted, reordered or inserted entry is found at its position.

Anyone holding the database could recompute a local chain; the county server keeps the chain heads it
receives at each sync and flags a rollback or truncation.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64


@dataclass(frozen=True)
class ChainedEntry:
    seq: int
    at: str  # ISO UTC
    actor: str
    device: str
    event: str
    object_type: str
    object_id: str
    outcome: str
    details: Any
    prev_hash: str
    hash: str


def entry_hash(prev_hash: str, seq: int, at: str, actor: str, device: str, event: str, object_type: str,
               object_id: str, outcome: str, details: Any) -> str:  # fmt: skip
    body = json.dumps(
        [seq, at, actor, device, event, object_type, object_id, outcome, details],
        ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str,
    )  # fmt: skip
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainBreak:
    """One break in the chain: the position (``seq``) where it shows, and what it means."""

    seq: int
    message: str


def chain_breaks(entries: Iterable[ChainedEntry]) -> list[ChainBreak]:
    """Breaks in an audit trail read in ``seq`` order, each at the position where it shows."""
    breaks: list[ChainBreak] = []
    expected_prev = GENESIS
    expected_seq = 1
    for e in entries:
        if e.seq != expected_seq:
            if e.seq > expected_seq:
                breaks.append(ChainBreak(e.seq, f"第{expected_seq}条至第{e.seq - 1}条审计记录缺失（被删除）"))
            else:
                breaks.append(ChainBreak(e.seq, f"第{e.seq}条审计记录重复或顺序被改动"))
        recomputed = entry_hash(e.prev_hash, e.seq, e.at, e.actor, e.device, e.event, e.object_type, e.object_id,
                                e.outcome, e.details)  # fmt: skip
        if recomputed != e.hash:
            breaks.append(ChainBreak(e.seq, f"第{e.seq}条审计记录的内容被改动（{e.event}）"))
        elif e.prev_hash != expected_prev:
            breaks.append(ChainBreak(e.seq, f"第{e.seq}条审计记录与前一条衔接不上（有记录被删除、插入或调换顺序）"))
        expected_prev = e.hash
        expected_seq = e.seq + 1
    return breaks


def chain_problems(entries: Iterable[ChainedEntry]) -> list[str]:
    """Problems in an audit trail read in ``seq`` order, each naming its position."""
    return [b.message for b in chain_breaks(entries)]
