"""Importing residents from Excel/CSV: preview with per-row validation, then all-or-nothing or only the valid
rows (the user chooses), with the rejected rows and their reasons reported. Nothing is ever half-imported."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import select

from govdesk.domain.codes import parse_ethnicity
from govdesk.domain.errors import ValidationError
from govdesk.domain.identity import parse_phone, parse_resident_id
from govdesk.security.policy import Perm, Role, require
from govdesk.services.actor import Actor
from govdesk.services.registration import data_tables_dir
from govdesk.store.audit_repo import append_audit
from govdesk.store.models import Grid, Person, Village
from govdesk.store.reference_repo import local_center
from govdesk.store.store import Store

COLUMNS = ("姓名", "身份证号", "民族", "电话", "住址", "村（社区）", "网格编码")
REQUIRED = ("姓名", "身份证号", "村（社区）")
MAX_BYTES = 50 * 1024 * 1024
MAX_ROWS = 200_000


@dataclass(frozen=True)
class Rejected:
    row: int  # as the user sees it in the spreadsheet (header = row 1)
    reason: str


@dataclass(frozen=True)
class PreviewRow:
    """One row of the file as the user typed it, and why it cannot be imported ("" when it can)."""

    row: int  # as the user sees it in the spreadsheet (header = row 1)
    values: tuple[str, ...]  # in the order of COLUMNS
    reason: str = ""


@dataclass
class ImportPreview:
    valid: list[dict[str, object]] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    rows: list[PreviewRow] = field(default_factory=list)  # every row, for a preview table


Progress = Callable[[int, int, str], None]


def read_table(path: Path) -> list[dict[str, str]]:
    """Rows of a .xlsx or .csv file as {header: text}."""
    if not path.is_file():
        raise ValidationError(f"找不到文件 {path}。")
    if path.stat().st_size > MAX_BYTES:
        raise ValidationError("文件超过50MB，请分成几个文件导入。")
    if path.suffix.lower() == ".xlsx":
        try:
            wb = load_workbook(path, read_only=True, data_only=True)
        except Exception as err:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
            raise ValidationError(f"无法读取这个 Excel 文件（{type(err).__name__}），请确认它是 .xlsx 格式。") from None
        ws = wb.active
        assert ws is not None
        rows = [["" if v is None else str(v).strip() for v in r] for r in ws.iter_rows(values_only=True)]
        wb.close()
    elif path.suffix.lower() == ".csv":
        raw = path.read_bytes()
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise ValidationError("无法识别 CSV 文件的编码，请另存为 UTF-8。")
        rows = [[c.strip() for c in r] for r in csv.reader(io.StringIO(text))]
    else:
        raise ValidationError("只能导入 .xlsx 或 .csv 文件（可从模板开始填写）。")
    if not rows:
        raise ValidationError("文件是空的。")
    if len(rows) > MAX_ROWS + 1:
        raise ValidationError(f"一次最多导入{MAX_ROWS}行。")
    header = rows[0]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ValidationError(f"表头缺少：{'、'.join(missing)}。请使用模板中的表头：{'、'.join(COLUMNS)}。")
    return [dict(zip(header, r, strict=False)) for r in rows[1:] if any(r)]


def preview_residents(store: Store, path: Path, *, progress: Progress | None = None) -> ImportPreview:
    """Check every row; nothing is written. ``progress(done, total, message)`` is called every 1,000 rows."""
    report = progress or (lambda done, total, message: None)
    report(0, 0, f"正在读取 {Path(path).name}……")
    table = read_table(path)
    preview = ImportPreview()
    with store.db.read() as session:
        villages = {v.name: v.id for v in session.scalars(select(Village).where(Village.deleted_at.is_(None)))}
        grids = {g.code: (g.id, g.village_id) for g in session.scalars(select(Grid).where(Grid.deleted_at.is_(None)))}
        numbers = sorted({r.get("身份证号", "").upper() for r in table} - {""})
        existing: set[str | None] = set()
        for start in range(0, len(numbers), 10_000):  # SQLite allows ~32,000 parameters per statement
            chunk = numbers[start : start + 10_000]
            existing.update(session.scalars(select(Person.id_number).where(Person.id_number.in_(chunk))))
    seen: dict[str, int] = {}
    for i, row in enumerate(table, start=2):
        if i % 1000 == 0:
            report(i - 1, len(table), f"正在检查第 {i - 1:,} / {len(table):,} 行")
        values = tuple(row.get(c, "") for c in COLUMNS)
        try:
            name = row.get("姓名", "")
            if not name:
                raise ValidationError("缺少姓名")
            if not row.get("身份证号"):
                raise ValidationError("缺少身份证号")
            rid = parse_resident_id(row.get("身份证号", ""))
            if rid.number in existing:
                raise ValidationError(f"身份证号已在系统中（{rid.masked}）")
            if rid.number in seen:
                raise ValidationError(f"身份证号与第{seen[rid.number]}行重复")
            village = row.get("村（社区）", "")
            if village not in villages:
                raise ValidationError(f"村（社区）“{village}”不存在")
            grid_id = None
            if row.get("网格编码"):
                if row["网格编码"] not in grids or grids[row["网格编码"]][1] != villages[village]:
                    raise ValidationError(f"网格编码“{row['网格编码']}”不存在或不属于{village}")
                grid_id = grids[row["网格编码"]][0]
            ethnicity = parse_ethnicity(row["民族"], data_tables_dir()) if row.get("民族") else None
            phone = parse_phone(row["电话"]) if row.get("电话") else None
        except ValidationError as err:
            reason = str(err).rstrip("。")
            preview.rejected.append(Rejected(i, reason))
            preview.rows.append(PreviewRow(i, values, reason))
            continue
        preview.rows.append(PreviewRow(i, values))
        seen[rid.number] = i
        preview.valid.append({"name": name, "id_number": rid.number, "gender": rid.sex, "birth_date": rid.birth_date,
                              "ethnicity": ethnicity, "phone": phone, "address": row.get("住址") or None,
                              "village_id": villages[village], "grid_id": grid_id})  # fmt: skip
    report(len(table), len(table), "检查完毕")
    return preview


def preview_for(store: Store, actor: Actor, path: Path, *, progress: Progress | None = None) -> ImportPreview:
    """The preview for someone who may import (it tells whether an ID number is already in the system)."""
    require(Role(actor.role), Perm.SETTINGS, what="导入基础数据")
    return preview_residents(store, path, progress=progress)


def import_residents(store: Store, actor: Actor, path: Path, *, valid_only: bool,
                     expect: int | None = None) -> ImportPreview:  # fmt: skip
    """All-or-nothing unless ``valid_only``; either way in one transaction with one audit entry. ``expect`` is
    how many rows the user confirmed in a preview: when the file or the store changed since, nothing is
    imported and the user is asked to look again."""
    require(Role(actor.role), Perm.SETTINGS, what="导入基础数据")
    preview = preview_residents(store, path)
    if expect is not None and len(preview.valid) != expect:
        raise ValidationError(
            f"预览之后文件或系统中的数据有变化（现在可导入{len(preview.valid)}行，预览时为{expect}行），"
            "没有导入任何数据。请重新预览后再确认导入。"
        )
    if preview.rejected and not valid_only:
        raise ValidationError(
            f"有{len(preview.rejected)}行不合格，按“全部或全不”方式未导入任何数据。第一处：第{preview.rejected[0].row}行，"
            f"{preview.rejected[0].reason}。可修改后重新导入，或选择只导入合格的行。"
        )
    with store.db.write() as session:
        center_id = local_center(session).id
        session.add_all(Person(center_id=center_id, **row) for row in preview.valid)
        append_audit(session, actor.audit_name, "import.residents", "persons", path.name,
                     {"imported": len(preview.valid), "rejected": len(preview.rejected)})  # fmt: skip
    return preview
