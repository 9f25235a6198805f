"""Reads for what a certificate says: the documents (PDF, Open Badge) and the
public facts `/verify/` shows. Nothing here reveals more than the certificate
itself prints."""

from datetime import date

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.links import absolute_url
from lms.verification import Verified

from ..codes import format_code, normalise_code
from ..documents import CertificateDocument, CertificateKind
from ..models import Certification, CourseCertificate, CourseRun


def verify_path(code: str) -> str:
    """The one address of a certificate's public page, for a stored or a
    printed code."""
    return reverse(
        "verify:detail", kwargs={"code": format_code(normalise_code(code) or code)}
    )


def _session_dates(run: CourseRun) -> tuple[date, ...]:
    return tuple(
        timezone.localtime(starts_at).date()
        for starts_at in run.sessions.order_by("starts_at").values_list(
            "starts_at", flat=True
        )
    )


def _criteria(run: CourseRun, kind: str) -> str:
    course = run.course
    if kind == CertificateKind.COURSE:
        return _(
            "Took part in the course “%(course)s” and attended the sessions the "
            "course requires."
        ) % {"course": course.title}
    parts = [
        _("The firm took part in the course “%(course)s”.") % {"course": course.title},
        _("A representative of the firm was present at the sessions required."),
    ]
    quizzes = list(course.required_quizzes.values_list("title", flat=True))
    if quizzes:
        parts.append(
            _("A representative passed the quizzes: %(quizzes)s.")
            % {"quizzes": ", ".join(quizzes)}
        )
    if course.plan_approval_required:
        parts.append(
            _("The course leader approved the firm's plan for work inclusion.")
        )
    return " ".join(parts)


def renamed_to(certification: Certification) -> str:
    """The firm's name now if it differs from the name it was certified under,
    else "" (a certificate names the holder as issued, and the new name beside)."""
    current = certification.enrolment.firm.name
    return current if current != certification.holder_name else ""


def _document(
    *,
    certificate,
    kind: str,
    run: CourseRun,
    holder: str,
    org: str,
    language: str,
    holder_now: str = "",
) -> CertificateDocument:
    with translation.override(language):
        return CertificateDocument(
            kind=kind,
            code=certificate.formatted_code,
            verify_url=absolute_url(verify_path(certificate.code)),
            holder_name=holder,
            holder_name_now=holder_now,
            holder_org_number=org,
            course_title=run.course.title,
            run_title=run.title,
            municipality=run.municipality,
            session_dates=_session_dates(run),
            issued_on=certificate.issued_on,
            valid_until=certificate.valid_until_date,
            issuer_name=settings.WAGTAIL_SITE_NAME,
            issuer_url=absolute_url("/"),
            signed_by=str(certificate.issued_by or ""),
            criteria=_criteria(run, kind),
            achievement_url=absolute_url(
                reverse("courses:course_about", kwargs={"slug": run.course.slug})
            ),
            language=language,
        )


def certification_document(
    *, certification: Certification, language: str = "nb"
) -> CertificateDocument:
    """What the firm's certificate says (PDF and Open Badge)."""
    enrolment = certification.enrolment
    return _document(
        certificate=certification,
        kind=CertificateKind.FIRM,
        run=enrolment.run,
        holder=certification.holder_name,
        holder_now=renamed_to(certification),
        org=enrolment.firm.org_number,
        language=language,
    )


def course_certificate_document(
    *, certificate: CourseCertificate, language: str = "nb"
) -> CertificateDocument:
    """What a participant's kursbevis says (PDF and Open Badge)."""
    return _document(
        certificate=certificate,
        kind=CertificateKind.COURSE,
        run=certificate.run,
        holder=certificate.holder_name or _("(name removed at the holder's request)"),
        org="",
        language=language,
    )


def _run_details(run: CourseRun) -> tuple:
    dates = _session_dates(run)
    details = [
        (gettext_lazy("Course run"), run.title),
        (gettext_lazy("Municipality"), run.municipality),
    ]
    if dates:
        details.append(
            (
                gettext_lazy("Sessions"),
                ", ".join(date_format(day, "SHORT_DATE_FORMAT") for day in dates),
            )
        )
    return tuple(details)


def _revoked_on(certificate) -> date | None:
    if certificate.revoked_at is None:
        return None
    return timezone.localtime(certificate.revoked_at).date()


def _credential(certificate) -> dict:
    from ..documents.badges import open_badge_credential

    document = certificate_document(
        certificate=certificate, language=translation.get_language() or "nb"
    )
    return open_badge_credential(document=document)


def verified_certification(code: str) -> Verified | None:
    """The public facts about a firm certification with this code."""
    certification = (
        Certification.objects.select_related(
            "enrolment__firm", "enrolment__run__course"
        )
        .filter(code=code)
        .first()
    )
    if certification is None:
        return None
    firm = certification.enrolment.firm
    run = certification.enrolment.run
    return Verified(
        code=certification.formatted_code,
        kind=gettext_lazy("Certified firm"),
        status=certification.status,
        holder=certification.holder_name,
        what=run.course.title,
        details=(
            # Labelled, so nobody takes the new name for the one certified.
            *(
                ((gettext_lazy("The firm's name now"), now),)
                if (now := renamed_to(certification))
                else ()
            ),
            (gettext_lazy("Organisation number"), firm.org_number_display),
            *_run_details(run),
        ),
        issued_on=certification.issued_on,
        valid_until=certification.valid_until,
        revoked_on=_revoked_on(certification),
        issuer=settings.WAGTAIL_SITE_NAME,
        badge_url=reverse(
            "verify:badge", kwargs={"code": certification.formatted_code}
        ),
        credential=lambda: _credential(certification),
    )


def verified_course_certificate(code: str) -> Verified | None:
    """The public facts about a kursbevis with this code."""
    certificate = (
        CourseCertificate.objects.select_related("run__course")
        .filter(code=code)
        .first()
    )
    if certificate is None:
        return None
    return Verified(
        code=certificate.formatted_code,
        kind=gettext_lazy("Course certificate"),
        status=certificate.status,
        holder=certificate.holder_name or _("(name removed at the holder's request)"),
        what=certificate.run.course.title,
        details=_run_details(certificate.run),
        issued_on=certificate.issued_on,
        revoked_on=_revoked_on(certificate),
        issuer=settings.WAGTAIL_SITE_NAME,
        badge_url=reverse("verify:badge", kwargs={"code": certificate.formatted_code}),
        credential=lambda: _credential(certificate),
    )


def certificate_document(*, certificate, language: str = "nb") -> CertificateDocument:
    if isinstance(certificate, Certification):
        return certification_document(certification=certificate, language=language)
    return course_certificate_document(certificate=certificate, language=language)
