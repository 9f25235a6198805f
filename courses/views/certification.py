"""Certification pages: certify a firm, revoke, follow up, renew; course
certificates (kursbevis) and their PDFs; the public page about a course."""

from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext_lazy
from django.views.decorators.http import require_POST

from lms.file_responses import file_response_protect, private_file_response
from results.selectors.follow_up import certification_follow_ups

from ..documents.pdf import render_certificate_pdf
from ..forms.certification import CertifyForm, DocumentLanguageForm, RevokeForm
from ..models import (
    ArchiveStatus,
    Certification,
    Course,
    CourseCertificate,
    Enrolment,
)
from ..models.archives import archive_storage
from ..selectors import archives as archive_reads
from ..selectors import certificates as certificate_reads
from ..selectors import certification as selectors
from ..services import archives as archive_services
from ..services import certification as services
from .leader import run_from_url


def _enrolment(request, pk) -> Enrolment:
    """The enrolment in the URL, for its run's leaders and the firm's members."""
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("run__course", "firm"), pk=pk
    )
    user = request.user
    if not (
        user.has_perm("courses.certify_firm", enrolment)
        or user.has_perm("courses.view_enrolment", enrolment)
    ):
        raise PermissionDenied
    return enrolment


def _certification(request, pk, perm) -> Certification:
    certification = selectors.certification_detail(pk=pk)
    if certification is None:
        raise Http404
    if not request.user.has_perm(perm, certification):
        raise PermissionDenied
    return certification


def _firm_page(request, enrolment, *, status=HTTPStatus.OK, **forms):
    certification = getattr(enrolment, "certification", None)
    if certification is not None:
        certification = selectors.certification_detail(pk=certification.pk)
    user = request.user
    context = {
        "enrolment": enrolment,
        "run": enrolment.run,
        "certification": certification,
        "check": selectors.enrolment_certification_check(enrolment=enrolment),
        "can_certify": user.has_perm("courses.certify_firm", enrolment),
        "certify_form": forms.get("certify_form") or CertifyForm(),
        "revoke_form": forms.get("revoke_form") or RevokeForm(),
    }
    if certification is not None:
        opens = services.renewal_opens_on(certification)
        # The firm's reports are for its contact, the run's leaders and
        # administrators (results.view_follow_up), not for every participant.
        reports = [
            report
            for report in certification_follow_ups(certification=certification)
            if user.has_perm("results.view_follow_up", report)
        ]
        context.update(
            can_manage=user.has_perm("courses.manage_certification", certification),
            can_follow_up=user.has_perm("results.file_follow_up", certification),
            renewal_opens_on=opens,
            follow_up_open=timezone.localdate() >= opens,
            follow_up_filed=any(
                report.period_ends == certification.valid_until
                for report in certification.follow_ups.all()
            ),
            follow_up_reports=reports,
        )
    return render(request, "courses/certification/firm.html", context, status=status)


@login_required
def certification_firm(request, enrolment_pk):
    """The firm's certification in a run: rules, status, history and actions."""
    return _firm_page(request, _enrolment(request, enrolment_pk))


@require_POST
@login_required
def certify(request, enrolment_pk):
    enrolment = _enrolment(request, enrolment_pk)
    if not request.user.has_perm("courses.certify_firm", enrolment):
        raise PermissionDenied
    form = CertifyForm(request.POST)
    form.is_valid()
    try:
        services.certification_create(
            enrolment=enrolment,
            by=request.user,
            override_reason=form.cleaned_data.get("override_reason", ""),
        )
    except ValidationError as error:
        form.add_error(None, error)
        return _firm_page(
            request, enrolment, status=HTTPStatus.BAD_REQUEST, certify_form=form
        )
    messages.success(
        request, _("%(firm)s is now certified.") % {"firm": enrolment.firm.name}
    )
    return redirect("courses:certification_firm", enrolment_pk=enrolment.pk)


def _firm_page_post(request, certification, *, form, form_name, write, success):
    """Run `write(**form.cleaned_data)` for a valid form and go back to the firm's
    page; a refusal shows that page again (400) with the message in place."""
    if form.is_valid():
        try:
            write(**form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
    if form.errors:
        return _firm_page(
            request,
            certification.enrolment,
            status=HTTPStatus.BAD_REQUEST,
            **{form_name: form},
        )
    messages.success(request, success)
    return redirect(
        "courses:certification_firm", enrolment_pk=certification.enrolment_id
    )


@require_POST
@login_required
def revoke(request, pk):
    certification = _certification(request, pk, "courses.manage_certification")
    return _firm_page_post(
        request,
        certification,
        form=RevokeForm(request.POST),
        form_name="revoke_form",
        write=lambda reason: services.certificate_revoke(
            certificate=certification, by=request.user, reason=reason
        ),
        success=_("The certification has been revoked."),
    )


@require_POST
@login_required
def renew(request, pk):
    certification = _certification(request, pk, "courses.manage_certification")
    try:
        certification = services.certification_renew(
            certification=certification, by=request.user
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request,
            _("The certification has been renewed until %(date)s.")
            % {"date": date_format(certification.valid_until, "SHORT_DATE_FORMAT")},
        )
    return redirect(
        "courses:certification_firm", enrolment_pk=certification.enrolment_id
    )


def _pdf_response(document, filename: str) -> HttpResponse:
    response = HttpResponse(
        render_certificate_pdf(document=document), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return file_response_protect(response, inline_pdf=True)


@login_required
def certification_pdf(request, pk):
    certification = _certification(request, pk, "courses.view_certification")
    language = DocumentLanguageForm(request.GET).language()
    document = certificate_reads.certification_document(
        certification=certification, language=language
    )
    return _pdf_response(document, f"sertifikat-{certification.code}.pdf")


@login_required
def course_certificate_pdf(request, pk):
    certificate = get_object_or_404(
        CourseCertificate.objects.select_related("run__course", "issued_by"), pk=pk
    )
    if not request.user.has_perm("courses.view_course_certificate", certificate):
        raise PermissionDenied
    language = DocumentLanguageForm(request.GET).language()
    document = certificate_reads.course_certificate_document(
        certificate=certificate, language=language
    )
    return _pdf_response(document, f"kursbevis-{certificate.code}.pdf")


def _run_leader(request, run_pk):
    run = run_from_url(request, run_pk)
    if not request.user.has_perm("courses.manage_run", run):
        raise PermissionDenied
    return run


def _archive_prepare(request, run) -> None:
    """Ask for the ZIP of the run's certificates; a worker builds it."""
    form = DocumentLanguageForm(request.POST)
    if not form.is_valid():
        messages.error(request, archive_services.ARCHIVE_LANGUAGE_MESSAGE)
        return
    try:
        archive = archive_services.certificate_archive_request(
            run=run, language=form.language()
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return
    if archive.status != ArchiveStatus.READY:
        messages.info(
            request,
            _(
                "The ZIP file is being prepared. It will be ready to download on "
                "this page in a little while."
            ),
        )


@login_required
def course_certificates(request, run_pk):
    """The leader's list of a run's course certificates, and who can get one."""
    run = _run_leader(request, run_pk)
    if request.method == "POST" and request.POST.get("action") == "zip":
        _archive_prepare(request, run)
        return redirect(
            reverse("courses:course_certificates", kwargs={"run_pk": run.pk}) + "#zip"
        )
    if request.method == "POST":
        try:
            created = services.course_certificates_issue(run=run, by=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            if created:
                messages.success(
                    request,
                    ngettext(
                        "%(count)s course certificate was issued.",
                        "%(count)s course certificates were issued.",
                        len(created),
                    )
                    % {"count": len(created)},
                )
            else:
                messages.info(
                    request,
                    _("Everyone who qualifies already has a course certificate."),
                )
        return redirect("courses:course_certificates", run_pk=run.pk)
    certificates = selectors.run_course_certificates(run=run)
    have = {certificate.user_id for certificate in certificates}
    waiting = [
        user_id
        for user_id in selectors.course_certificate_eligible_ids(run=run)
        if user_id not in have
    ]
    archives = archive_reads.certificate_archives_current(run=run)
    return render(
        request,
        "courses/certification/course_certificates.html",
        {
            "run": run,
            "certificates": certificates,
            "waiting_count": len(waiting),
            "has_valid": any(c.revoked_at is None for c in certificates),
            "archives": [
                (language, ARCHIVE_LANGUAGE_NAMES[language], archives[language])
                for language in archive_reads.ARCHIVE_LANGUAGES
            ],
        },
    )


# The language of each ZIP as the button names it.
ARCHIVE_LANGUAGE_NAMES = {
    "nb": pgettext_lazy("language of a ZIP file", "Norwegian"),
    "en": pgettext_lazy("language of a ZIP file", "English"),
}


@login_required
def course_certificates_zip(request, run_pk):
    """The prepared ZIP of the run's certificates as they are now; the page
    (which prepares it) until there is one."""
    run = _run_leader(request, run_pk)
    language = DocumentLanguageForm(request.GET).language()
    archive = archive_reads.certificate_archives_current(run=run)[language]
    page = reverse("courses:course_certificates", kwargs={"run_pk": run.pk}) + "#zip"
    if archive is None or archive.status != ArchiveStatus.READY:
        return redirect(page)
    # Read from the storage the build wrote to (services.archives), which is
    # the evidence storage as configured now, not as the model was imported.
    archive.file.storage = archive_storage()
    if not archive.file.storage.exists(archive.file.name):
        return redirect(page)  # lost from storage: the page offers a new one
    suffix = "" if language == "nb" else f"-{language}"
    try:
        return private_file_response(
            archive.file,
            filename=f"kursbevis-{run.pk}{suffix}.zip",
            content_type="application/zip",
        )
    except OSError:
        return redirect(page)  # lost just now


@require_POST
@login_required
def course_certificate_revoke(request, pk):
    certificate = get_object_or_404(CourseCertificate, pk=pk)
    if not request.user.has_perm("courses.manage_course_certificate", certificate):
        raise PermissionDenied
    form = RevokeForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["reason"][0])
    else:
        try:
            services.certificate_revoke(
                certificate=certificate,
                by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(
                request,
                _("The course certificate for %(name)s has been revoked.")
                % {"name": certificate.holder_name},
            )
    return redirect(
        reverse("courses:course_certificates", kwargs={"run_pk": certificate.run_id})
    )


def course_about(request, slug):
    """What a course is and what its certificate requires (public; the Open
    Badges achievement points here)."""
    course = get_object_or_404(
        Course.objects.prefetch_related("session_templates", "required_quizzes"),
        slug=slug,
    )
    return render(
        request, "courses/certification/course_about.html", {"course": course}
    )


urlpatterns = [
    path("om/<slug:slug>/", course_about, name="course_about"),
    path(
        "sertifisering/firma/<id:enrolment_pk>/",
        certification_firm,
        name="certification_firm",
    ),
    path("sertifisering/firma/<id:enrolment_pk>/sertifiser/", certify, name="certify"),
    path("sertifisering/<id:pk>/tilbakekall/", revoke, name="certification_revoke"),
    path("sertifisering/<id:pk>/forny/", renew, name="certification_renew"),
    path(
        "sertifisering/<id:pk>/sertifikat.pdf",
        certification_pdf,
        name="certification_pdf",
    ),
    path(
        "ledelse/<id:run_pk>/kursbevis/",
        course_certificates,
        name="course_certificates",
    ),
    path(
        "ledelse/<id:run_pk>/kursbevis.zip",
        course_certificates_zip,
        name="course_certificates_zip",
    ),
    path(
        "kursbevis/<id:pk>.pdf", course_certificate_pdf, name="course_certificate_pdf"
    ),
    path(
        "kursbevis/<id:pk>/tilbakekall/",
        course_certificate_revoke,
        name="course_certificate_revoke",
    ),
]
