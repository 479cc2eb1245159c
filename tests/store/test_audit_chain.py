"""Editing, deleting, reordering or inserting an audit entry is reported at its position."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import text

from govdesk.services.registration import parse_registration, register_case
from govdesk.store.audit_repo import audit_chain_problems
from govdesk.store.store import Store
from tests.conftest import STAFF, dispute


def _tamper(store: Store, *statements: str) -> list[str]:
    with store.db.write() as session:
        # An attacker with the database in hand drops the append-only triggers first.
        session.execute(text("DROP TRIGGER audit_log_no_update"))
        session.execute(text("DROP TRIGGER audit_log_no_delete"))
        for statement in statements:
            session.execute(text(statement))
    with store.db.read() as session:
        return audit_chain_problems(session)


@pytest.fixture
def audited(store: Store) -> Store:
    for i in range(4):
        register_case(store, STAFF, parse_registration(dispute(title=f"纠纷{i}")))
    with store.db.read() as session:
        assert audit_chain_problems(session) == []
    return store  # entries 1 (center.init) … 5


CASES: dict[str, tuple[tuple[str, ...], Callable[[list[str]], bool]]] = {
    "edited": (("UPDATE audit_log SET actor = '别人' WHERE seq = 3",), lambda p: any("第3条" in x and "改动" in x for x in p)),
    "deleted": (("DELETE FROM audit_log WHERE seq = 3",), lambda p: any("第3条至第3条" in x for x in p)),
    "reordered": (("UPDATE audit_log SET seq = 100 WHERE seq = 2", "UPDATE audit_log SET seq = 2 WHERE seq = 3",
                   "UPDATE audit_log SET seq = 3 WHERE seq = 100"), lambda p: any("第2条" in x for x in p)),
    "inserted": (("INSERT INTO audit_log (id, seq, at, actor, device, event, object_type, object_id, outcome, "
                  "prev_hash, hash) VALUES ('x', 6, '2026-01-01 00:00:00', 'x', 'x', 'case.register', '', '', 'ok', "
                  "'" + "0" * 64 + "', '" + "0" * 64 + "')",), lambda p: any("第6条" in x for x in p)),
    "truncated tail is not detectable locally": (("DELETE FROM audit_log WHERE seq = 5",), lambda p: p == []),
}  # fmt: skip


@pytest.mark.parametrize("name", list(CASES))
def test_tampering_is_reported_at_its_position(audited: Store, name: str) -> None:
    statements, check = CASES[name]
    problems = _tamper(audited, *statements)
    assert check(problems), problems
