"""Printing people's-mediation documents: gather a case's data from the store, assign (or reuse) the document
number, record the issue with an audit entry, and build the PDF — in one transaction.

Numbers look like ``(2026)荷塘人调字第01-012号``: year, the committee's short name, this PC's station number and
a sequence from ``number_counters`` (series ``doc``), so two PCs of one centre never collide after sync. A
number belongs to one document *content* (its SHA-256): printing the same content again is a reprint, keeps
the number and is marked 副本; printing after the content changed (a new record, a corrected fact) issues a
new number, and verifying the older paper says a later version exists.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from govdesk.documents.blocks import Issue
from govdesk.documents.build import build_document
from govdesk.documents.catalog import (
    BY_CLI,
    check_available,
    constituents,
    content_of,
    doc_name,
    kind_by_cli,
    resolve_kind,
    supplement_kind,
    supplement_no,
)
from govdesk.documents.data import (
    Acceptance,
    CaseFile,
    Committee,
    Correction,
    DocumentAgreement,
    DocumentObligation,
    DocumentParty,
    Filing,
    FollowUpRecord,
    InvestigationRecord,
    SessionRecord,
    Termination,
)
from govdesk.documents.fonts import FontSet, load_fonts
from govdesk.documents.verification import (
    CodeParts,
    DocNumber,
    Verification,
    base32,
    committee_short_name,
    content_digest,
    parse_code,
    parse_payload,
)
from govdesk.domain.clock import china_date, utcnow
from govdesk.domain.errors import NotFound, ValidationError
from govdesk.paths import resource
from govdesk.security.policy import Perm, Role, require
from govdesk.services.actor import Actor
from govdesk.services.lifecycle import deadline_rules
from govdesk.store import cases_repo, documents_repo, reference_repo
from govdesk.store.audit_repo import append_audit
from govdesk.store.documents_repo import AgreementSource, CaseSources, EventSource
from govdesk.store.models import Case, IssuedDocument, NumberCounter
from govdesk.store.store import Store

Progress = Callable[[int, int, str], None]
# Documents whose text mentions another document's number (never issued on their behalf).
REFERENCES = {"session": ("agreement",), "follow-up": ("agreement", "oral-agreement"),
              "confirmation-application": ("agreement",)}  # fmt: skip


@dataclass(frozen=True)
class IssuedPdf:
    pdf: bytes
    doc_number: str
    code: str
    kind: str
    case_number: str
    reprint: bool
    pages: int
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class DocumentCheck:
    """The answer of ``verify_document``: does this paper match what the committee issued?"""

    matches: bool
    message: str
    doc_number: str = ""
    case_number: str = ""
    kind: str = ""
    issued_at: dt.datetime | None = None
    issued_by: str = ""
    reprints: int = 0
    superseded_by: str = ""


@dataclass
class BatchResult:
    issued: int = 0
    reprinted: int = 0
    files: list[Path] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (case number, reason)
    warnings: list[str] = field(default_factory=list)


def document_fonts() -> FontSet:
    return load_fonts([resource("fonts")])


# --- the store → plain data ---------------------------------------------------------------------------------
def _day(value: object, fallback: dt.date) -> dt.date:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return fallback
    return fallback


def _texts(value: object) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def _text(payload: dict[str, object], key: str) -> str:
    value = payload.get(key)
    return "" if value is None else str(value)


def case_file(src: CaseSources) -> CaseFile:
    """The plain data the builders take, from what the store holds about the case."""
    rules = deadline_rules()
    corrections: dict[int, list[Correction]] = {}
    for e in src.events:
        if e.action == "correct" and isinstance(e.payload.get("corrects_seq"), int):
            corrections.setdefault(int(e.payload["corrects_seq"]), []).append(
                Correction(china_date(e.at), e.actor, _text(e.payload, "content"), _text(e.payload, "reason")))

    def fixes(e: EventSource) -> tuple[Correction, ...]:
        return tuple(corrections.get(e.seq, ()))

    acceptance = None
    investigations, sessions, follow_ups = [], [], []
    termination = None
    archived_by, archived_on = "", china_date(src.archived_at) if src.archived_at else None
    for e in src.events:
        p, on = e.payload, china_date(e.at)
        if e.action == "accept":
            acceptance = Acceptance(on, _texts(p.get("mediators")), _text(p, "application"), e.actor, _text(p, "note"))
        elif e.action == "investigate":
            investigations.append(InvestigationRecord(
                _text(p, "time"), _text(p, "place"), _texts(p.get("participants")), _text(p, "person"),
                _text(p, "recorder"), e.actor, _text(p, "content"), fixes(e)))  # fmt: skip
        elif e.action == "mediate":
            sessions.append(SessionRecord(
                _text(p, "time"), _text(p, "place"), _texts(p.get("mediators")), _texts(p.get("attendees")),
                _text(p, "content"), _text(p, "outcome"), _text(p, "recorder"), fixes(e)))  # fmt: skip
        elif e.action == "fail":
            termination = Termination(_text(p, "reason"), _texts(p.get("channels")), _day(p.get("notified_on"), on), e.actor)
        elif e.action == "follow-up":
            perf = tuple((int(x["obligation"]), str(x["status"])) for x in p.get("performance") or []
                         if isinstance(x, dict) and isinstance(x.get("obligation"), int))  # fmt: skip
            follow_ups.append(FollowUpRecord(on, e.actor, _text(p, "visited"), perf, _text(p, "satisfaction"),
                                             _text(p, "lawsuit"), _text(p, "escalation_signs"), _text(p, "measures"),
                                             _text(p, "note")))  # fmt: skip
        elif e.action == "archive":
            archived_by, archived_on = e.actor, on
    if acceptance is None and src.accepted_at is not None:  # settled before records were kept (history)
        acceptance = Acceptance(china_date(src.accepted_at), src.handlers, "", "")

    def agreement_of(a: AgreementSource, supplement: int = 0) -> DocumentAgreement:
        return DocumentAgreement(
            oral=a.oral, made_on=a.made_on, facts=a.facts, matters=a.matters, responsibilities=a.responsibilities,
            obligations=tuple(DocumentObligation(o.position, o.obligor, o.obligee, o.content, o.amount_cents, o.due_on,
                                                 o.method, o.place, o.performance) for o in a.obligations),
            copies=a.copies, effective_on=a.effective_on, confirmation_applied_on=a.confirmation_applied_on,
            confirmation_court=a.confirmation_court,
            confirmation_last_day=rules.confirmation_last_day(a.effective_on) if a.effective_on else None,
            mediators=src.handlers or (acceptance.mediators if acceptance else ()),
            recorder=sessions[-1].recorder if sessions else "", supplement_no=supplement,
        )  # fmt: skip

    agreement = agreement_of(src.agreement) if src.agreement is not None else None
    supplements = tuple(agreement_of(s, i) for i, s in enumerate(src.supplements, 1))
    session_days = [_day(s.time, china_date(src.created_at)) for s in sessions]
    filing = Filing(
        first_session_on=min(session_days) if session_days else None,
        last_session_on=max(session_days) if session_days else None,
        closed_on=china_date(src.closed_at) if src.closed_at else None,
        archived_on=archived_on, archived_by=archived_by, retention=src.retention,
    )  # fmt: skip
    parties = tuple(DocumentParty(
        p.position, p.role, p.name, p.is_organisation, p.gender, p.ethnicity, p.birth_date, p.id_type, p.id_number,
        p.phone, p.address, p.credit_code, p.representative) for p in src.parties)  # fmt: skip
    return CaseFile(
        committee=Committee(src.committee_name or src.center_name, src.center_name, src.center_code),
        number=src.number, title=src.title, kind=src.kind, status=src.status, category=src.category,
        channel=src.channel, facts=src.facts, claims=src.claims, occurred_on=src.occurred_at,
        registered_on=china_date(src.created_at), address=src.address, parties=parties, acceptance=acceptance,
        investigations=tuple(investigations), sessions=tuple(sessions), agreement=agreement, supplements=supplements,
        termination=termination,
        follow_ups=tuple(follow_ups), filing=filing, refused=src.status == "refused",
        withdrawn=src.status == "withdrawn",
    )  # fmt: skip


# --- numbers --------------------------------------------------------------------------------------------------
def _next_number(session: Session, src: CaseSources, year: int) -> DocNumber:
    counter = session.get(NumberCounter, (src.center_id, "doc", year, src.station_no))
    if counter is None:
        counter = NumberCounter(center_id=src.center_id, series="doc", year=year, station_no=src.station_no)
        counter.last_seq = 0
        session.add(counter)
    seen = documents_repo.highest_doc_seq(session, src.center_id, year, src.station_no)
    counter.last_seq = max(counter.last_seq, seen) + 1
    short = committee_short_name(src.committee_name, src.center_name)
    return DocNumber(year, short, src.station_no, counter.last_seq)


def _number_of(row: IssuedDocument) -> DocNumber:
    short = row.number[row.number.index(")") + 1 : row.number.index("人调字")] if "人调字" in row.number else ""
    return DocNumber(row.year, short, row.station_no, row.seq)


def _issue_row(
    session: Session, actor: Actor, src: CaseSources, kind: str, digest: str, now: dt.datetime, *, count_reprint: bool
) -> tuple[IssuedDocument, bool]:
    """The row for this content: reused (a reprint) or newly numbered. Returns (row, was_reprint)."""
    row = documents_repo.issued_with_content(session, src.case_id, kind, digest)
    if row is not None:
        if count_reprint:
            row.reprints += 1
            row.updated_at = now
            append_audit(session, actor.audit_name, "doc.reprint", "issued_document", row.id,
                         {"number": row.number, "kind": kind, "case": src.number, "reprints": row.reprints})  # fmt: skip
        return row, True
    number = _next_number(session, src, china_date(now).year)
    row = IssuedDocument(
        center_id=src.center_id, case_id=src.case_id, kind=kind, number=number.text, year=number.year,
        station_no=number.station, seq=number.seq, content_sha256=digest, issued_at=now, issued_by=actor.name,
        reprints=0, created_at=now, updated_at=now,
    )  # fmt: skip
    session.add(row)
    session.flush()
    append_audit(session, actor.audit_name, "doc.issue", "issued_document", row.id,
                 {"number": number.text, "kind": kind, "case": src.number, "sha256": digest})  # fmt: skip
    return row, False


def _verification(row: IssuedDocument, center_code: str) -> Verification:
    return Verification(_number_of(row), center_code, row.content_sha256)


def _references(kind: str, cf: CaseFile) -> list[str]:
    """The documents whose numbers ``kind`` prints, when they were issued (a supplementary agreement names the
    agreement it supplements; a confirmation application the agreement and its latest supplement)."""
    refs = list(REFERENCES.get(kind, ()))
    if supplement_no(kind) is not None:
        refs.append("agreement")
    elif kind == "confirmation-application" and cf.supplements:
        refs.append(supplement_kind(len(cf.supplements)))
    return refs


def _issue_in_session(
    session: Session, actor: Actor, case: Case, kind: str, now: dt.datetime, fonts: FontSet
) -> IssuedPdf:
    src = documents_repo.case_sources(session, case)
    cf = case_file(src)
    today = china_date(now)
    kind = resolve_kind(kind, cf)
    check_available(kind, cf, today)
    related: dict[str, Verification] = {}
    for part in constituents(kind, cf):
        row, _ = _issue_row(session, actor, src, part, content_digest(part, content_of(part, cf)), now, count_reprint=False)
        related[part] = _verification(row, src.center_code)
    for ref in _references(kind, cf):
        if ref in related or cf.agreement is None or cf.agreement.oral != (ref == "oral-agreement"):
            continue
        digest = content_digest(ref, content_of(ref, cf))
        found = documents_repo.issued_with_content(session, src.case_id, ref, digest)
        if found is None and (supplement_no(kind) is not None or supplement_no(ref) is not None):
            # The paper the parties signed carries the number last issued for it (party details may have been
            # completed since). A supplement must name its agreement: never printed here, it is numbered now.
            found = documents_repo.latest_issued(session, src.case_id, ref)
            if found is None and supplement_no(kind) is not None:
                found, _ = _issue_row(session, actor, src, ref, digest, now, count_reprint=False)
        if found is not None:
            related.setdefault(ref, _verification(found, src.center_code))
    row, reprint = _issue_row(session, actor, src, kind, content_digest(kind, content_of(kind, cf)), now, count_reprint=True)
    v = _verification(row, src.center_code)
    built = build_document(kind, cf, Issue(v, today, reprint, related), fonts)
    return IssuedPdf(built.pdf, v.number.text, v.code, kind, src.number, reprint, built.pages, built.warnings)


def issue_document(
    store: Store, actor: Actor, number: str, kind: str, *, now: dt.datetime | None = None,
    deliver: Callable[[IssuedPdf], None] | None = None,
) -> IssuedPdf:
    """Print one document of a case: numbered on first issue, the same number (marked 副本) on a reprint.
    ``deliver`` (e.g. writing the file) runs inside the transaction: if it fails, nothing is recorded."""
    doc_kind = kind_by_cli(kind)  # "supplement" (the latest) or "supplement-N" (the N-th) keep their index
    require(Role(actor.role), Perm.DOC_PRINT, what="打印文书")
    fonts = document_fonts()
    with store.db.write() as session:
        case = cases_repo.find_case(session, number.strip())
        if case is None:
            raise NotFound(f"没有编号为“{number}”的事项，请核对编号（可用 govdesk case list 查找）。")
        issued = _issue_in_session(session, actor, case, doc_kind.cli, now or utcnow(), fonts)
        if deliver is not None:
            deliver(issued)
        return issued


# --- verification -------------------------------------------------------------------------------------------
def _parts_from_pdf(pdf: bytes) -> CodeParts:
    parts = parse_payload(pdf)
    if parts is not None:
        return parts
    try:  # a PDF re-saved by another program may have compressed its metadata; its text still has the code
        from io import BytesIO

        from pypdf import PdfReader

        text = "\n".join(page.extract_text() or "" for page in PdfReader(BytesIO(pdf)).pages)
    except Exception:  # noqa: BLE001 - pypdf is optional and a damaged file is the user's problem, reported below
        text = ""
    for m in re.finditer(r"\d{4}-\d{2}-\d{3,7}-[0-9A-Z]{4}-[0-9A-Z]{4}", text):
        found = parse_code(m.group(0))
        if found is not None:
            return found
    raise ValidationError("这个文件里没有找到核验信息（不是本系统出具的文书，或已被其他程序改动）。请改用打印件上的核验码核验。")


def verify_document(store: Store, pdf_bytes_or_code: bytes | str) -> DocumentCheck:
    """Check a printed document (its PDF, its QR text or the short code typed from paper) against the register."""
    if isinstance(pdf_bytes_or_code, bytes):
        parts = _parts_from_pdf(pdf_bytes_or_code)
    else:
        text = pdf_bytes_or_code.strip()
        found = parse_payload(text) if text.upper().startswith("GD1:") else parse_code(text)
        if found is None:
            raise ValidationError(f"核验码“{text}”格式不对，应为打印件上的“2026-01-012-XXXX-XXXX”形式。")
        parts = found
    with store.db.read() as session:
        center = reference_repo.local_center(session)
        if parts.center_code and parts.center_code != center.code:
            return DocumentCheck(False, f"不一致：这份文书由另一个中心（代码 {parts.center_code}）出具，不在本中心的存档中。")
        doc = documents_repo.issued_by_code(session, center.id, parts.year, parts.station, parts.seq)
        key = f"{parts.year}-{parts.station:02d}-{parts.seq:03d}"
        if doc is None:
            return DocumentCheck(False, f"不一致：本中心没有出具过编号为 {key} 的文书。")
        stored_prefix = base32(bytes.fromhex(doc.content_sha256))[:8]
        same = parts.hash_prefix == stored_prefix and (not parts.digest or parts.digest == doc.content_sha256)
        later = documents_repo.later_versions(session, doc)
    name = doc_name(doc.kind)
    common = dict(doc_number=doc.number, case_number=doc.case_number, kind=doc.kind, issued_at=doc.issued_at,
                  issued_by=doc.issued_by, reprints=doc.reprints)  # fmt: skip
    if not same:
        return DocumentCheck(False, f"不一致：{doc.number}（事项 {doc.case_number} 的{name}）存档内容的摘要与这份文书不符，"
                                    "文书可能被改动过。请调阅存档核对。", **common)  # type: ignore[arg-type]
    message = f"一致：这是事项 {doc.case_number} 的{name}，编号 {doc.number}，{china_date(doc.issued_at).isoformat()} 由{doc.issued_by}出具。"
    superseded = ""
    if later:
        superseded = later[-1].number
        message += f"注意：此后已出具内容更新的版本 {superseded}。"
    return DocumentCheck(True, message, superseded_by=superseded, **common)  # type: ignore[arg-type]


# --- batch --------------------------------------------------------------------------------------------------
def _month(month: str) -> tuple[dt.date, dt.date]:
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", month.strip())
    if m is None or not 1 <= int(m.group(2)) <= 12:
        raise ValidationError(f"月份“{month}”格式不对，应为 2026-11 这样的形式。", "month")
    first = dt.date(int(m.group(1)), int(m.group(2)), 1)
    nxt = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, nxt - dt.timedelta(days=1)


def _safe_name(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", text)


BATCH_CHUNK = 25  # agreements per transaction: one commit (and fsync) per chunk, not per agreement


def batch_agreements(
    store: Store, actor: Actor, month: str, progress: Progress | None = None, *, out_dir: Path | None = None,
    now: dt.datetime | None = None,
) -> BatchResult:
    """Print the written agreements made in ``month`` (YYYY-MM). They are issued (or reprinted) in
    transactions of ``BATCH_CHUNK``; a case that cannot be printed is skipped with its reason (its savepoint
    rolled back), the others go on. With ``out_dir`` each PDF is written there, after its chunk committed,
    as ``<case number>-人民调解协议书.pdf``. ``progress(done, total, message)`` may raise to cancel: the
    chunks already committed stay issued."""
    first, last = _month(month)
    require(Role(actor.role), Perm.DOC_PRINT, what="打印文书")
    report = progress or (lambda done, total, message: None)
    with store.db.read() as session:
        numbers = documents_repo.case_numbers_with_written_agreements(session, first, last)
    result = BatchResult()
    fonts = document_fonts()
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    for start in range(0, len(numbers), BATCH_CHUNK):
        done: list[IssuedPdf] = []
        with store.db.write() as session:
            for i, number in enumerate(numbers[start : start + BATCH_CHUNK], start):
                report(i, len(numbers), f"正在生成 {number} 的调解协议书……")
                case = cases_repo.find_case(session, number)
                assert case is not None
                savepoint = session.begin_nested()
                try:
                    done.append(_issue_in_session(session, actor, case, "agreement", now or utcnow(), fonts))
                except ValidationError as err:
                    savepoint.rollback()
                    result.skipped.append((number, str(err)))
                else:
                    savepoint.commit()
        for issued in done:
            result.reprinted += issued.reprint
            result.issued += not issued.reprint
            result.warnings += [f"{issued.case_number}：{w}" for w in issued.warnings]
            if out_dir is not None:
                path = out_dir / f"{_safe_name(issued.case_number)}-{BY_CLI['agreement'].name}.pdf"
                save_pdf(issued, path)
                result.files.append(path)
    report(len(numbers), len(numbers), f"已生成 {result.issued + result.reprinted} 份调解协议书。")
    return result


def save_pdf(issued: IssuedPdf, path: Path) -> None:
    """Write the PDF atomically: a temporary file beside the target, then a rename."""
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_bytes(issued.pdf)
        tmp.replace(path)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise ValidationError(f"无法写入 {path}：{err.strerror}。") from None

