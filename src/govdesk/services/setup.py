"""Setting up a store for a center."""

from __future__ import annotations

from sqlalchemy import select

from govdesk.domain.errors import ValidationError
from govdesk.domain.identity import parse_division_code
from govdesk.services.actor import Actor
from govdesk.store.audit_repo import append_audit
from govdesk.store.models import Center
from govdesk.store.records import CenterInfo
from govdesk.store.reference_repo import center_info
from govdesk.store.store import Store


def init_center(
    store: Store, actor: Actor, name: str, code: str, committee_name: str = "", station_no: int = 1
) -> CenterInfo:
    """Record which center this store belongs to. Refused when it already belongs to one."""
    name = name.strip()
    if not name:
        raise ValidationError("请填写中心名称，例如“某某镇综治中心”。", "center_name")
    if len(name) > 100:
        raise ValidationError("中心名称太长（最多100个字）。", "center_name")
    code = parse_division_code(code)
    if not 1 <= station_no <= 99:
        raise ValidationError("工作站编号应为1到99之间的整数。", "station_no")
    with store.db.write() as session:
        existing = session.scalar(select(Center).where(Center.is_local.is_(True)))
        if existing is not None:
            raise ValidationError(
                f"这个数据目录已属于“{existing.name}”（代码 {existing.code}），不能再次初始化。"
                "如要为另一个中心建库，请用 --data-dir 指定新的目录。"
            )
        committee = committee_name.strip() or default_committee_name(name)
        center = Center(code=code, name=name, committee_name=committee, station_no=station_no, is_local=True)
        session.add(center)
        session.flush()
        append_audit(session, actor.audit_name, "center.init", "center", center.id, {"name": name, "code": code})
        return center_info(center)


def default_committee_name(center_name: str) -> str:
    """The committee that signs the center's mediation documents, when the set-up leaves it blank."""
    for suffix in ("综合治理中心", "综治中心", "社会治理中心"):
        if center_name.endswith(suffix):
            return center_name[: -len(suffix)] + "人民调解委员会"
    return center_name + "人民调解委员会"
