"""Walking demo cases through the real lifecycle handlers, so every stage of every path has its records."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import Any

from sqlalchemy.orm import Session

from govdesk.domain.clock import utcnow
from govdesk.domain.lifecycle import Action
from govdesk.services.actor import Actor
from govdesk.services.lifecycle import perform_in_session
from govdesk.services.referral_actions import suggest_department
from govdesk.store.models import Case

Step = tuple[Action, dict[str, Any]]


class DemoStaff:
    def __init__(self, staff: tuple[tuple[str, str], ...]) -> None:
        by_role: dict[str, list[str]] = {}
        for name, role in staff:
            by_role.setdefault(role, []).append(name)
        self.director = Actor(by_role.get("director", ["中心主任"])[0], "director")
        self.mediators = [Actor(n, "mediator") for n in by_role.get("mediator", ["调解员"])]
        self.clerks = [Actor(n, "clerk") for n in by_role.get("clerk", ["工作人员"])]


def _agreement(case: Case, rng: random.Random) -> dict[str, Any]:
    names = [p.display_name for p in case.parties]
    obligor, obligee = (names[1], names[0]) if len(names) > 1 else (names[0], "")
    amount = case.amount_cents // 100 if case.amount_cents else rng.choice([0, 800, 1500, 3000, 5000])
    obligations = [{"obligor": obligor, "obligee": obligee, "content": "按约定履行并停止侵害", "method": "自行履行",
                    "due_on": None}]  # fmt: skip
    if amount:
        obligations.insert(0, {"obligor": obligor, "obligee": obligee, "content": f"支付补偿款{amount}元",
                               "amount": str(amount), "method": "银行转账", "due_on": None})  # fmt: skip
    return {"matters": f"{case.title}中双方的争议", "responsibilities": "双方均有一定责任，经调解互谅互让。",
            "obligations": obligations}  # fmt: skip


def _dispute_path(case: Case, target: str, rng: random.Random, staff: DemoStaff) -> Iterator[Step]:
    mediator = rng.choice(staff.mediators).name
    if target == "refused":
        yield Action.REFUSE, {"reason": "一方当事人明确拒绝调解", "party_refused": True}
        return
    if target == "withdrawn":
        yield Action.WITHDRAW, {"reason": "申请人撤回调解申请"}
        return
    if target == "registered":
        return
    yield Action.ACCEPT, {"mediators": [mediator], "application": "initiative" if case.channel == "initiative" else "written"}
    if target == "accepted":
        return
    if rng.random() < 0.6:
        yield Action.INVESTIGATE, {"person": case.parties[-1].display_name, "content": "到现场了解情况，听取双方陈述。"}
    yield Action.MEDIATE, {"content": "调解员向双方释明法律规定，双方各自陈述意见。", "mediators": [mediator],
                           "attendees": [p.display_name for p in case.parties]}  # fmt: skip
    if target == "mediating":
        return
    failed = target == "failed" or (target in ("closed", "archived") and rng.random() < 0.12)
    obligations = 0
    if failed:
        yield Action.FAIL, {"reason": "双方分歧较大，未能达成一致", "channels": ["arbitration", "judicial"]}
    elif rng.random() < 0.25:
        yield Action.AGREE_ORAL, {"content": "双方当场和解，相互谅解。"}
    else:
        terms = _agreement(case, rng)
        obligations = len(terms["obligations"])
        yield Action.AGREE, terms
        signed_all = target != "agreed" or rng.random() < 0.6
        parties = case.parties if signed_all else case.parties[:1]
        for p in parties:
            yield Action.SIGN, {"party": p.position + 1, "method": rng.choice(["paper", "fingerprint"])}
        if signed_all:
            yield Action.SIGN, {"signer": "mediator", "name": mediator}
            yield Action.SEAL, {}
    if target in ("agreed", "failed"):
        return
    if not failed:
        done = [{"obligation": i, "status": "performed" if rng.random() < 0.9 else "partly"} for i in range(1, obligations + 1)]
        yield Action.FOLLOW_UP, {"performance": done, "satisfaction": rng.choice(["satisfied"] * 4 + ["basically"])}
    yield Action.CLOSE, {}
    if target == "archived":
        yield Action.ARCHIVE, {}


def _other_path(case: Case, target: str, rng: random.Random, staff: DemoStaff) -> Iterator[Step]:
    if target == "withdrawn":
        yield Action.WITHDRAW, {"reason": "反映人撤回"}
        return
    if target == "registered":
        return
    referred = case.kind in ("complaint", "suggestion", "help") and rng.random() < 0.6
    if target == "assigned":
        yield Action.ASSIGN, {"handlers": [rng.choice(staff.clerks).name]}
        return
    if case.kind == "grid_event" and rng.random() < 0.65 and target != "referred":
        yield Action.RESOLVE_ON_SPOT, {"note": "网格员现场督促整改，已处置完毕"}
    elif referred or target == "referred":
        suggested = suggest_department(case.category, case.title)
        yield Action.REFER, {} if suggested else {"department": rng.choice(["民政办", "综合执法中队", "城建办"])}
        if target == "referred":
            if rng.random() < 0.5:
                yield Action.DEPT_RECEIVE, {}
            return
        yield Action.DEPT_RECEIVE, {}
        yield Action.DEPT_REPORT, {"report": "已按职责处理完毕"}
        if target == "handled":
            return
        yield Action.CONFIRM_RESULT, {}
    else:
        yield Action.ASSIGN, {"handlers": [rng.choice(staff.clerks).name]}
        yield Action.HANDLE, {"result": "已答复并处理"}
    if target == "handled":
        return
    yield Action.FEEDBACK, {"content": "已电话告知办理结果", "satisfaction": rng.choice(["satisfied"] * 5 + ["basically", "unsatisfied"])}
    if target == "fed_back":
        return
    yield Action.CLOSE, {}
    if target == "archived":
        yield Action.ARCHIVE, {}


def play_case(session: Session, case: Case, target: str, rng: random.Random, staff: DemoStaff) -> None:
    """Bring a registered demo case to ``target`` by performing the real actions at plausible times."""
    steps = list(_dispute_path(case, target, rng, staff) if case.kind == "dispute" else _other_path(case, target, rng, staff))
    now_limit = utcnow()
    when = case.created_at
    for action, data in steps:
        when = min(when + dt.timedelta(hours=rng.uniform(2, 96)), now_limit)
        if action in (Action.ARCHIVE, Action.CONFIRM_RESULT):
            actor = staff.director
        elif action is Action.RESOLVE_ON_SPOT:
            actor = rng.choice(staff.clerks)
        else:
            actor = rng.choice(staff.mediators)
        perform_in_session(session, actor, case, action, data, now=when, audit=False, assess_risk=False)
