"""Hypothesis throws arbitrary JSON-like input at registration: it is refused with a clear message or saved
whole — never a crash, never a partial write."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from govdesk.domain.errors import GovdeskError
from govdesk.services.registration import parse_registration, register_case
from govdesk.store.models import AuditEntry, Case, CaseParty, Person
from govdesk.store.store import Store
from tests.conftest import STAFF, dispute

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30),
    st.sampled_from(["330483199003150013", "33048319900315001X", "３３０４８３１９９００３１５００１３", "婚姻家庭", "邻里",
                     "dispute", "grid_event", "applicant", "walk_in", "2026-02-30", "1e309", "<b>&", "𠮷", "\x00"]),
)  # fmt: skip
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=4), max_leaves=8)
party = st.fixed_dictionaries({}, optional={k: values for k in ("role", "name", "type", "id_number", "gender", "ethnicity",
                                                                "birth_date", "phone", "address", "credit_code")})  # fmt: skip


def _counts(store: Store) -> tuple[int, ...]:
    with store.db.read() as session:
        return tuple(int(session.scalar(select(func.count()).select_from(m)) or 0) for m in (Case, CaseParty, Person, AuditEntry))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(overrides=st.dictionaries(st.sampled_from(sorted(dispute())), values, max_size=5),
       parties=st.one_of(st.none(), st.lists(party, max_size=3)))  # fmt: skip
def test_any_input_is_refused_cleanly_or_saved_whole(store: Store, overrides: dict[str, Any], parties: Any) -> None:
    data = dispute(**overrides)
    if parties is not None:
        data["parties"] = parties
    before = _counts(store)
    try:
        draft = parse_registration(data)
        register_case(store, STAFF, draft)
    except GovdeskError as err:
        assert str(err)  # a message a user can read
        assert _counts(store) == before  # nothing written
        return
    after = _counts(store)
    assert after[0] == before[0] + 1 and after[3] == before[3] + 1
    assert after[1] == before[1] + len(draft.parties)
