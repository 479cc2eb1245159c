"""Building one document of a case: pick the builder, lay the parts out on pages, return the PDF and the
warnings the user should see (fonts, missing characters, blanks left for hand completion)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from reportlab.platypus import Flowable

from govdesk.documents import agreement, confirmation, dossier, forms, records
from govdesk.documents.blocks import Ctx, Issue, Part
from govdesk.documents.catalog import check_available, doc_name, supplement_no
from govdesk.documents.data import CaseFile
from govdesk.documents.fonts import FontSet
from govdesk.documents.typesetting import PageAnchor, PdfInfo, Rendered, Typesetter, render, start_section


@dataclass(frozen=True)
class DocumentPdf:
    pdf: bytes
    pages: int
    warnings: tuple[str, ...]


def _single(fn: Callable[[Ctx], list[Flowable]]) -> Callable[[Ctx], list[Part]]:
    return lambda ctx: [Part(fn(ctx))]


BUILDERS: dict[str, Callable[[Ctx], list[Part]]] = {
    "application": _single(forms.application),
    "acceptance": _single(forms.acceptance),
    "rights-notice": _single(forms.rights_notice),
    "termination-notice": _single(forms.termination_notice),
    "investigation": _single(records.investigation),
    "session": _single(records.session),
    "follow-up": _single(records.follow_up),
    "oral-agreement": _single(records.oral_agreement),
    "agreement": agreement.agreement,
    "confirmation-application": confirmation.confirmation_application,
    "confirmation-pack": confirmation.confirmation_pack,
}
BUILDERS["dossier"] = lambda ctx: dossier.dossier(ctx, BUILDERS)


def builder(kind: str) -> Callable[[Ctx], list[Part]]:
    """The builder of a kind as issued: "supplement-N" is the N-th supplementary agreement."""
    n = supplement_no(kind)
    if n is not None:
        return lambda ctx: agreement.supplement(ctx, n)
    return BUILDERS[kind]


def _layout(ctx: Ctx, kind: str) -> Rendered:
    parts = builder(kind)(ctx)
    story: list[Flowable] = []
    first = None
    for i, part in enumerate(parts):
        decor = part.decor or ctx.decor(group=f"part{i}", copy_label=part.copy_label)
        if part.copies:
            decor = replace(decor, copies=part.copies)
        first = first or decor
        story += start_section(decor, new_page=i > 0)
        if part.anchor:
            story.append(PageAnchor(part.anchor))
        story += part.flowables
    case = ctx.case
    v = ctx.issue.verification
    info = PdfInfo(title=f"{doc_name(kind)}（{case.number}）", author=case.committee.name, subject=v.number.text,
                   keywords=v.payload)  # fmt: skip
    assert first is not None
    return render(ctx.ts, story, info, first)


def build_document(kind: str, case: CaseFile, issue: Issue, fonts: FontSet) -> DocumentPdf:
    """The PDF of one document (``kind`` as issued: "supplement-N", not "supplement"). Refuses
    (DocumentUnavailable) when the case has no data for it."""
    check_available(kind, case, issue.printed_on)
    ctx = Ctx(Typesetter(fonts), case, issue)
    rendered = _layout(ctx, kind)
    if kind == "dossier":  # the contents list page numbers only known after a first layout
        ctx = Ctx(Typesetter(fonts), case, issue, anchors=rendered.anchors)
        rendered = _layout(ctx, kind)
    return DocumentPdf(rendered.pdf, rendered.pages, tuple(ctx.warnings + ctx.ts.warnings()))
