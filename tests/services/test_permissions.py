"""Every role × lifecycle action cell, checked through the real service against the one policy table,
including a grid officer acting on another person's case."""

from __future__ import annotations

import pytest

from govdesk.domain.errors import GovdeskError, IllegalTransition, PermissionDenied
from govdesk.domain.lifecycle import Action
from govdesk.security.policy import ACTION_PERMISSION, Perm, Role, allowed
from govdesk.services.actor import Actor
from govdesk.services.lifecycle import perform
from govdesk.services.registration import parse_registration, register_case
from govdesk.store.store import Store
from tests.conftest import dispute

ACTORS = {role: Actor(f"{role.label}甲", role.value, role.value) for role in Role}


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("action", list(Action))
def test_every_role_and_action_obeys_the_policy_table(store: Store, role: Role, action: Action) -> None:
    # A case registered by someone else (the director): for a grid officer it is "another case".
    number = register_case(store, ACTORS[Role.DIRECTOR], parse_registration(dispute())).number
    expected = allowed(role, ACTION_PERMISSION[action], own_case=False)
    try:
        perform(store, ACTORS[role], number, action, {})
    except PermissionDenied:
        assert not expected, f"{role.value} was refused {action.value}"
        return
    except (IllegalTransition, GovdeskError):
        pass  # the permission check passed; the state or the input was what stopped it
    assert expected, f"{role.value} was allowed {action.value}"


def test_a_grid_officer_works_on_their_own_grid_event_but_not_on_others(store: Store) -> None:
    officer = ACTORS[Role.GRID_OFFICER]
    own = register_case(store, officer, parse_registration({"title": "垃圾乱堆", "kind": "grid_event", "channel": "grid_officer"})).number
    other = register_case(store, ACTORS[Role.CLERK], parse_registration({"title": "占道经营", "kind": "grid_event", "channel": "grid_officer"})).number
    assert perform(store, officer, own, Action.RESOLVE_ON_SPOT, {"note": "已清理"}).to_status.value == "handled"
    with pytest.raises(PermissionDenied, match="本人登记或承办"):
        perform(store, officer, other, Action.RESOLVE_ON_SPOT, {"note": "已清理"})


def test_a_grid_officer_cannot_register_a_dispute_and_an_auditor_registers_nothing(store: Store) -> None:
    with pytest.raises(PermissionDenied):
        register_case(store, ACTORS[Role.GRID_OFFICER], parse_registration(dispute()))
    with pytest.raises(PermissionDenied):
        register_case(store, ACTORS[Role.AUDITOR], parse_registration(dispute()))


def test_nobody_may_delete_audit_entries_and_only_the_director_archives() -> None:
    assert not any(allowed(role, Perm.AUDIT_DELETE) for role in Role)
    assert [r for r in Role if allowed(r, Perm.ARCHIVE)] == [Role.DIRECTOR]
    assert [r for r in Role if allowed(r, Perm.ACCOUNTS)] == [Role.ADMIN]
