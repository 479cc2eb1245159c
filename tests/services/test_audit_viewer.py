"""The audit viewer's services: only the director and the auditor read the trail; filters, pages, the chain
report at the broken position, the CSV export (itself audited); and no service edits or deletes an entry."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from sqlalchemy import text

from govdesk.domain.clock import china_today
from govdesk.domain.errors import PermissionDenied
from govdesk.security.policy import Perm, Role, allowed
from govdesk.services import audit
from govdesk.services.actor import Actor
from govdesk.services.registration import parse_registration, register_case
from govdesk.store.audit_queries import AuditFilter
from govdesk.store.store import Store
from tests.conftest import dispute

ACTORS = {role: Actor(f"{role.label}甲", role.value, role.value) for role in Role}
DIRECTOR, AUDITOR = ACTORS[Role.DIRECTOR], ACTORS[Role.AUDITOR]


@pytest.fixture
def trail(store: Store) -> Store:
    """center.init (seq 1) and five registrations: three by the mediator, two by the clerk."""
    for i in range(3):
        register_case(store, ACTORS[Role.MEDIATOR], parse_registration(dispute(title=f"调解员登记{i}")))
    for i in range(2):
        register_case(store, ACTORS[Role.CLERK], parse_registration(dispute(title=f"工作人员登记{i}")))
    return store


@pytest.mark.parametrize("role", list(Role))
def test_only_the_director_and_the_auditor_read_and_export_the_trail(trail: Store, role: Role) -> None:
    actor = ACTORS[role]
    calls = [
        lambda: audit.audit_page(trail, actor, AuditFilter()),
        lambda: audit.audit_chain_report(trail, actor),
        lambda: audit.audit_filter_choices(trail, actor),
        lambda: audit.export_audit_csv(trail, actor, AuditFilter()),
        lambda: audit.verify_audit_chain(trail, actor),
    ]
    for call in calls:
        if allowed(role, Perm.AUDIT_READ):
            call()
        else:
            with pytest.raises(PermissionDenied, match="查看审计记录"):
                call()
    assert allowed(role, Perm.AUDIT_READ) == (role in (Role.DIRECTOR, Role.AUDITOR))


def test_filters_by_actor_event_object_and_date(trail: Store) -> None:
    everything = audit.audit_page(trail, AUDITOR, AuditFilter())
    assert everything.total == 6
    assert [r.seq for r in everything.rows] == [6, 5, 4, 3, 2, 1]  # newest first
    by_clerk = audit.audit_page(trail, AUDITOR, AuditFilter(actor="clerk"))
    assert by_clerk.total == 2 and {r.actor for r in by_clerk.rows} == {"clerk"}
    assert audit.audit_page(trail, AUDITOR, AuditFilter(event="case.register")).total == 5
    assert audit.audit_page(trail, AUDITOR, AuditFilter(event="case.*")).total == 5
    assert audit.audit_page(trail, AUDITOR, AuditFilter(object_type="center")).total == 1
    # The object box finds a case by its number (stored in the entry's details) and by its id.
    number = by_clerk.rows[0].details["number"]  # type: ignore[index]
    found = audit.audit_page(trail, AUDITOR, AuditFilter(object_text=number))
    assert [r.seq for r in found.rows] == [by_clerk.rows[0].seq]
    found = audit.audit_page(trail, AUDITOR, AuditFilter(object_text=by_clerk.rows[0].object_id))
    assert found.total == 1
    # Chinese text in the details (stored escaped) and LIKE wildcards are matched literally.
    assert audit.audit_page(trail, AUDITOR, AuditFilter(object_text="工作人员登记")).total == 2
    assert audit.audit_page(trail, AUDITOR, AuditFilter(object_text="%")).total == 0
    today = china_today()
    assert audit.audit_page(trail, AUDITOR, AuditFilter(date_from=today, date_to=today)).total == 6
    yesterday = today - dt.timedelta(days=1)
    assert audit.audit_page(trail, AUDITOR, AuditFilter(date_to=yesterday)).total == 0
    assert audit.audit_page(trail, AUDITOR, AuditFilter(date_from=today + dt.timedelta(days=1))).total == 0


def test_pages_and_the_page_of_an_entry(trail: Store) -> None:
    first = audit.audit_page(trail, DIRECTOR, AuditFilter(), page=0, page_size=4)
    second = audit.audit_page(trail, DIRECTOR, AuditFilter(), page=1, page_size=4)
    assert first.pages == 2 and [r.seq for r in first.rows] == [6, 5, 4, 3] and [r.seq for r in second.rows] == [2, 1]
    assert audit.audit_page(trail, DIRECTOR, AuditFilter(), page=9, page_size=4).page == 1  # past the end: last page
    assert audit.page_of_entry(trail, DIRECTOR, AuditFilter(), 2, page_size=4) == 1
    assert audit.page_of_entry(trail, DIRECTOR, AuditFilter(), 5, page_size=4) == 0
    choices = audit.audit_filter_choices(trail, DIRECTOR)
    assert set(choices.actors) == {"setup", "mediator", "clerk"}
    assert set(choices.events) == {"center.init", "case.register"}


def test_chain_report_names_where_the_chain_breaks(trail: Store) -> None:
    report = audit.audit_chain_report(trail, AUDITOR)
    assert report.ok and report.entries == 6
    with trail.db.write() as session:
        session.execute(text("DROP TRIGGER audit_log_no_update"))
        session.execute(text("UPDATE audit_log SET actor = '别人' WHERE seq = 4"))
    report = audit.audit_chain_report(trail, AUDITOR)
    assert not report.ok and report.broken_seqs == {4}
    assert "第4条" in report.breaks[0].message


def test_export_writes_the_filtered_entries_as_csv_and_is_audited(trail: Store) -> None:
    data = audit.export_audit_csv(trail, AUDITOR, AuditFilter(actor="clerk"))
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == list(audit.EXPORT_COLUMNS)
    assert [r[2] for r in rows[1:]] == ["clerk", "clerk"] and rows[1][4] == "登记事项"
    last = audit.audit_page(trail, AUDITOR, AuditFilter(), page_size=1).rows[0]
    assert last.event == "audit.export" and last.actor == "auditor"
    assert last.details is not None and last.details["count"] == 2 and last.details["filter"] == {"actor": "clerk"}
    assert audit.audit_chain_report(trail, AUDITOR).ok


def test_no_service_edits_or_deletes_audit_entries(trail: Store) -> None:
    assert not any(allowed(role, Perm.AUDIT_DELETE) for role in Role)
    names = [n for n in dir(audit) if callable(getattr(audit, n))]
    assert not [n for n in names if n.split("_")[0] in ("delete", "remove", "edit", "update", "purge", "clear")]
    with pytest.raises(Exception, match="append-only"), trail.db.write() as session:
        session.execute(text("DELETE FROM audit_log WHERE seq = 1"))


def test_event_labels() -> None:
    assert audit.event_label("case.accept") == "事项办理：受理"
    assert audit.event_label("person.reveal") == "查看完整号码"
    assert audit.event_label("something.new") == "something.new"


def test_entries_about_a_person_or_an_account_name_them_as_they_are_now(trail: Store) -> None:
    from govdesk.services import case_queries, person_rights
    from tests.conftest import VALID_ID

    (person,) = case_queries.search_persons(trail, VALID_ID)
    person_rights.reveal_person_field(trail, DIRECTOR, person.id, "phone", "电话回访")
    row = audit.audit_page(trail, AUDITOR, AuditFilter(event="person.reveal")).rows[0]
    assert row.object_name == "王某" and audit.object_text(row) == f"王某（{person.id[:8]}）"
