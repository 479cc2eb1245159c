"""Loading the fictional demo township into an empty store (``govdesk demo`` and the first-run offer)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from sqlalchemy import insert, select, update

from govdesk.demo.township import DemoCase, DemoParty, DemoTownship, generate_township
from govdesk.domain.cases import format_case_number
from govdesk.domain.clock import china_date, china_today, utcnow
from govdesk.domain.codes import Risk, Status
from govdesk.domain.errors import ValidationError
from govdesk.security.policy import Role
from govdesk.services.accounts import add_demo_accounts
from govdesk.services.actor import Actor
from govdesk.services.demo_lifecycle import DemoStaff, play_case
from govdesk.services.lifecycle import refresh_risk
from govdesk.store.audit_repo import append_audit
from govdesk.store.models import (
    Case,
    CaseEvent,
    CaseParty,
    Center,
    Grid,
    NumberCounter,
    Organisation,
    Person,
    Staff,
    Village,
    new_id,
)
from govdesk.store.store import Store

Progress = Callable[[int, int, str], None]
BATCH = 2000


def _noop(done: int, total: int, message: str) -> None:
    return None


def load_demo(
    store: Store,
    actor: Actor,
    *,
    seed: int = 2026,
    n_cases: int = 5000,
    n_residents: int = 30000,
    today: dt.date | None = None,
    progress: Progress | None = None,
    replay_recent: bool = True,
    base_map: bool = False,
) -> str:
    """Fill an empty store with the demo township, in one transaction. Returns a one-line summary."""
    report = progress or _noop
    with store.db.read() as session:
        existing = session.scalar(select(Center).where(Center.is_local.is_(True)))
    if existing is not None:
        raise ValidationError(
            f"这个数据目录已属于“{existing.name}”，演示数据只能载入新的空目录。"
            "请用 --data-dir 指定一个新目录再载入演示数据。"
        )
    report(0, 100, "正在生成演示乡镇……")
    town = generate_township(seed=seed, n_cases=n_cases, n_residents=n_residents, today=today)
    total_rows = len(town.residents) + len(town.cases)
    with store.db.write() as session:
        center = Center(
            code=town.center_code, name=town.center_name, committee_name=town.committee_name,
            station_no=1, is_local=True,
        )  # fmt: skip
        session.add(center)
        session.flush()
        village_ids, grid_ids = _insert_geography(session, center.id, town)
        report(5, 100, "正在写入居民……")
        person_ids = _insert_residents(session, center.id, town, village_ids, grid_ids, report, total_rows)
        org_ids = _insert_organisations(session, center.id, town, village_ids)
        report(60, 100, "正在写入事项……")
        _insert_cases(session, center, town, village_ids, grid_ids, person_ids, org_ids, report, total_rows, replay_recent)
        add_demo_accounts(store, session, _demo_names(town))
        append_audit(
            session, actor.audit_name, "demo.load", "center", center.id,
            {"seed": seed, "cases": len(town.cases), "residents": len(town.residents)},
        )  # fmt: skip
    if base_map:
        # A small generated tile set (~5 s) so the first run shows a base map under the grids.
        report(97, 100, "正在生成底图……")
        from govdesk.maps.demo_tiles import ensure_demo_tiles_for_villages

        ensure_demo_tiles_for_villages(store.data_dir, [(v.boundary, v.is_community) for v in town.villages])
    report(100, 100, "完成")
    return (
        f"已载入演示乡镇“{town.center_name}”：{len(town.villages)} 个村（社区），{len(town.grids)} 个网格，"
        f"{len(town.residents)} 名居民，{len(town.cases)} 件事项（种子 {seed}）。"
    )


def _demo_names(town: DemoTownship) -> dict[Role, str]:
    names: dict[Role, str] = {}
    for name, role in town.staff:
        try:
            names.setdefault(Role(role), name)
        except ValueError:
            continue
    return names


def _insert_geography(session: Any, center_id: str, town: DemoTownship) -> tuple[dict[str, str], dict[str, str]]:
    village_ids = {v.code: new_id() for v in town.villages}
    session.execute(
        insert(Village),
        [
            {"id": village_ids[v.code], "center_id": center_id, "code": v.code, "name": v.name,
             "is_community": v.is_community, "boundary": v.boundary}
            for v in town.villages
        ],
    )  # fmt: skip
    grid_ids = {g.code: new_id() for g in town.grids}
    session.execute(
        insert(Grid),
        [
            {"id": grid_ids[g.code], "center_id": center_id, "village_id": village_ids[g.village_code],
             "code": g.code, "name": g.name, "officer_name": g.officer_name, "officer_phone": g.officer_phone,
             "boundary": g.boundary}
            for g in town.grids
        ],
    )  # fmt: skip
    session.execute(insert(Staff), [{"center_id": center_id, "name": n, "role": r} for n, r in town.staff])
    return village_ids, grid_ids


def _insert_residents(
    session: Any, center_id: str, town: DemoTownship, village_ids: dict[str, str], grid_ids: dict[str, str],
    report: Progress, total: int,
) -> list[str]:  # fmt: skip
    ids = [new_id() for _ in town.residents]
    rows = [
        {"id": ids[i], "center_id": center_id, "name": r.name, "gender": r.gender, "ethnicity": r.ethnicity,
         "id_number": r.id_number, "birth_date": r.birth_date, "phone": r.phone, "address": r.address,
         "village_id": village_ids[r.village_code], "grid_id": grid_ids[r.grid_code]}
        for i, r in enumerate(town.residents)
    ]  # fmt: skip
    for start in range(0, len(rows), BATCH * 5):
        session.execute(insert(Person), rows[start : start + BATCH * 5])
        report(5 + int(55 * (start + BATCH * 5) / max(1, total)), 100, "正在写入居民……")
    return ids


def _insert_organisations(
    session: Any, center_id: str, town: DemoTownship, village_ids: dict[str, str]
) -> list[str]:
    ids = [new_id() for _ in town.organisations]
    if ids:
        session.execute(
            insert(Organisation),
            [
                {"id": ids[i], "center_id": center_id, "name": o.name, "credit_code": o.credit_code,
                 "representative": o.representative, "address": o.address, "phone": o.phone}
                for i, o in enumerate(town.organisations)
            ],
        )  # fmt: skip
    return ids


def _party_name(town: DemoTownship, party: DemoParty) -> str:
    if party.resident_index is not None:
        return town.residents[party.resident_index].name
    assert party.organisation_index is not None
    return town.organisations[party.organisation_index].name


def _insert_cases(
    session: Any, center: Center, town: DemoTownship, village_ids: dict[str, str], grid_ids: dict[str, str],
    person_ids: list[str], org_ids: list[str], report: Progress, total: int, replay_recent: bool,
) -> None:  # fmt: skip
    ordered = sorted(town.cases, key=lambda c: c.registered_at)
    seq_by_year: dict[int, int] = {}
    case_rows: list[dict[str, Any]] = []
    party_rows: list[dict[str, Any]] = []
    now = utcnow()
    for local_no, demo in enumerate(ordered, start=1):
        year = china_date(demo.registered_at).year
        seq_by_year[year] = seq_by_year.get(year, 0) + 1
        case_id = new_id()
        case_rows.append(
            {"id": case_id, "local_no": local_no, "center_id": center.id,
             "number": format_case_number(center.code, year, center.station_no, seq_by_year[year]),
             "title": demo.title, "kind": demo.kind, "category": demo.category, "channel": demo.channel,
             "status": "registered", "risk": demo.risk, "risk_reason": demo.risk_reason, "facts": demo.facts,
             "claims": demo.claims, "occurred_at": demo.occurred_at, "address": demo.address,
             "latitude": demo.latitude, "longitude": demo.longitude,
             "village_id": village_ids[demo.village_code], "grid_id": grid_ids[demo.grid_code],
             "people_involved": demo.people_involved, "amount_cents": demo.amount_cents,
             "party_names": " ".join(_party_name(town, p) for p in demo.parties),
             "registered_by": "演示数据", "created_at": demo.registered_at, "updated_at": now}
        )  # fmt: skip
        for position, party in enumerate(demo.parties):
            if party.resident_index is not None:
                ref = {"person_id": person_ids[party.resident_index], "organisation_id": None}
            else:
                assert party.organisation_index is not None
                ref = {"person_id": None, "organisation_id": org_ids[party.organisation_index]}
            name = _party_name(town, party)
            party_rows.append(
                {"id": new_id(), "center_id": center.id, "case_id": case_id, "position": position,
                 "role": party.role, "display_name": name, **ref}
            )  # fmt: skip
    for start in range(0, len(case_rows), BATCH):
        session.execute(insert(Case), case_rows[start : start + BATCH])
        report(60 + int(30 * (start + BATCH) / max(1, len(case_rows))), 100, "正在写入事项……")
    for start in range(0, len(party_rows), BATCH * 2):
        session.execute(insert(CaseParty), party_rows[start : start + BATCH * 2])
    report(80, 100, "正在生成办理经过……")
    _play_lifecycles(session, town, [c["id"] for c in case_rows], ordered, china_today(), replay_recent)
    report(95, 100, "正在建立索引……")
    for year, seq in seq_by_year.items():
        session.add(
            NumberCounter(center_id=center.id, series="case", year=year, station_no=center.station_no, last_seq=seq)
        )
    session.flush()


def _play_lifecycles(
    session: Any, town: DemoTownship, ids: list[str], ordered: list[DemoCase], today: dt.date, replay: bool
) -> None:
    """Recent and open cases walk through the real lifecycle handlers, so every stage has its records. Cases
    finished before the last five months get their final status with one summary event: replaying ~15,000
    steps for them would take minutes, and nobody works on them any more."""
    staff = DemoStaff(town.staff)
    rng = random.Random(f"demo-lifecycle-{town.center_code}-{len(ordered)}")
    history_before = today - dt.timedelta(days=150)
    history: list[tuple[str, DemoCase]] = []
    for case_id, demo in zip(ids, ordered, strict=True):
        if not replay or (china_date(demo.registered_at) < history_before and not Status(demo.status).is_open):
            history.append((case_id, demo))
            continue
        if len(session.identity_map) > 2000:
            # Keep the unit of work small: flush time grows with the objects the session tracks.
            session.flush()
            session.expunge_all()
        case = session.get(Case, case_id)
        if demo.risk != "green":
            case.risk_manual, case.risk_manual_reason = demo.risk, demo.risk_reason or "演示数据：人工研判"
        play_case(session, case, demo.status, rng, staff)
        refresh_risk(session, case, today)
    session.flush()
    _settle_as_history(session, history)


def _settle_as_history(session: Any, history: list[tuple[str, DemoCase]]) -> None:
    updates, events = [], []
    for case_id, demo in history:
        done = demo.registered_at + dt.timedelta(days=12)
        finished = demo.status in ("closed", "archived")
        updates.append({
            "id": case_id, "status": demo.status, "accepted_at": demo.registered_at + dt.timedelta(days=1),
            "resolved_at": done if finished else None, "confirmed_at": done if finished else None,
            "fed_back_at": done if finished else None, "closed_at": done if finished else None,
            "archived_at": done + dt.timedelta(days=3) if demo.status == "archived" else None,
            "risk_manual": None if demo.risk == "green" else demo.risk,
            "risk_manual_reason": demo.risk_reason or "演示数据：人工研判",
            "risk_reasons": [f"人工调整为{Risk(demo.risk).label}：{demo.risk_reason or '演示数据：人工研判'}"]
            if demo.risk != "green" else [],
        })  # fmt: skip
        events.append({
            "id": new_id(), "center_id": None, "case_id": case_id, "seq": 1, "at": done, "actor": "演示数据",
            "action": "history", "from_status": "registered", "to_status": demo.status,
            "summary": "历史事项（演示数据，办理经过从略）", "created_at": done, "updated_at": done,
        })  # fmt: skip
    if not history:
        return
    center_id = session.scalar(select(Case.center_id).limit(1))
    for event in events:
        event["center_id"] = center_id
    session.execute(update(Case), updates)
    session.execute(insert(CaseEvent), events)
