"""Validation certificates, the candidate's transcript and the register.

The PDFs are pure functions of documents (`validation.documents`,
`validation.pdf`); the views find the object, check who may see it and wrap the
bytes. A certificate is shown to the people of its case (candidate, assessor,
internal verifier) and administrators; to anyone else it does not exist (404).
The register of validated mentors is counts only, for programme owners and
administrators.
"""

import io

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from courses.forms.certification import DocumentLanguageForm
from courses.views.csv_download import csv_download
from lms.file_responses import file_response_protect

from ..documents import (
    certificate_of_case,
    transcript_document,
    validation_certificate_document,
)
from ..models import Case
from ..pdf import render_transcript, render_validation_certificate
from ..selectors_register import validated_mentor_counts

REGISTER_TABLES = ("pathways", "municipalities", "years")


def _pdf(content: bytes, filename: str) -> FileResponse:
    response = FileResponse(
        io.BytesIO(content),
        content_type="application/pdf",
        filename=filename,
        as_attachment=False,
    )
    return file_response_protect(response, inline_pdf=True)


@login_required
@require_GET
def certificate_pdf(request, pk):
    """The validation certificate of a certified case."""
    case = get_object_or_404(Case.objects.select_related("unit"), pk=pk)
    if not request.user.has_perm("validation.view_certificate", case):
        raise Http404
    certificate = certificate_of_case(case=case)
    if certificate is None:
        raise Http404
    document = validation_certificate_document(
        certificate=certificate, language=DocumentLanguageForm(request.GET).language()
    )
    filename = f"kompetansebevis-{case.unit.code}-{certificate.formatted_code}.pdf"
    return _pdf(render_validation_certificate(document=document), filename)


@login_required
@require_GET
def transcript_pdf(request):
    """The signed-in person's own transcript: every unit achieved, the credits,
    the pathways, and what is still in progress (never as credit)."""
    document = transcript_document(
        candidate=request.user, language=DocumentLanguageForm(request.GET).language()
    )
    return _pdf(render_transcript(document=document), "kompetanseutskrift.pdf")


def _register_allowed(request):
    if not request.user.has_perm("validation.view_register"):
        raise PermissionDenied


@login_required
@require_GET
def register(request):
    """Counts of validated mentors by pathway, municipality and year."""
    _register_allowed(request)
    return render(
        request,
        "validation/register.html",
        {"counts": validated_mentor_counts(), "tables": REGISTER_TABLES},
    )


@login_required
@require_GET
def register_csv(request, table):
    """One table of the register as CSV (counts only)."""
    _register_allowed(request)
    if table not in REGISTER_TABLES:
        raise Http404
    counts = validated_mentor_counts()
    response, writer = csv_download(f"validerte-mentorer-{table}.csv")
    if table == "pathways":
        writer.writerow(
            (
                _("Pathway"),
                _("Credits required"),
                _("People who have achieved it"),
                _("People with at least one unit of it"),
            )
        )
        writer.writerows(
            (row.name, row.credits_required, row.achieved, row.started)
            for row in counts.by_pathway
        )
    elif table == "municipalities":
        writer.writerow((_("Municipality"), _("People")))
        writer.writerows(
            (row.municipality or _("Unknown"), row.people)
            for row in counts.by_municipality
        )
    else:
        writer.writerow((_("Year"), _("People"), _("Units certified")))
        writer.writerows((row.year, row.people, row.units) for row in counts.by_year)
    return response


urlpatterns = [
    path(
        "saker/<int:pk>/kompetansebevis.pdf",
        certificate_pdf,
        name="certificate_pdf",
    ),
    path("mine/utskrift.pdf", transcript_pdf, name="transcript"),
    path("register/", register, name="register"),
    path("register/<str:table>.csv", register_csv, name="register_csv"),
]
