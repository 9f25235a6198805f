"""What the validation side holds about a person, for "download my data" and
erasure. Imported from validation/apps.py at start-up (see
lms/accounts/personal_data.py, which checks that no relation is forgotten)."""

from lms.accounts import personal_data

from .models import (
    Case,
    CaseEvent,
    CriterionDecision,
    ModerationSample,
    Unit,
    ValidationCertificate,
)


@personal_data.exporter(
    "validation_units_approved", covers=["validation.Unit.approved_by"]
)
def units_approved(user) -> list[dict]:
    return [
        {
            "unit": unit.code,
            "version": unit.version,
            "approved_at": unit.approved_at.isoformat() if unit.approved_at else None,
            "note": unit.approval_note,
        }
        for unit in Unit.objects.filter(approved_by=user).order_by("code", "version")
    ]


personal_data.keep(
    "validation.Unit.approved_by",
    reason=(
        "A unit's approval is the panel's decision that every case of that version "
        "rests on; it stays under the anonymised account."
    ),
)


def _iso(value):
    return value.isoformat() if value else None


@personal_data.exporter(
    "validation_cases",
    covers=[
        "validation.Case.candidate",
        "validation.Evidence.added_by",
        "validation.ValidationCertificate.issued_by",
        "validation.ValidationCertificate.revoked_by",
    ],
)
def cases(user) -> list[dict]:
    """The person's own cases with their evidence, decisions and certificate."""
    rows = []
    own = (
        Case.objects.filter(candidate=user)
        .select_related("unit", "assessor", "verifier")
        .prefetch_related(
            "evidence__criteria__outcome", "decisions__criterion__outcome"
        )
        .order_by("pk")
    )
    for case in own:
        certificate = ValidationCertificate.objects.filter(case=case).first()
        rows.append(
            {
                "unit": case.unit.code,
                "version": case.unit.version,
                "title": case.unit.title,
                "status": case.status,
                "assessor": case.assessor.get_full_name(),
                "verifier": case.verifier.get_full_name() if case.verifier else None,
                "evidence": [
                    {
                        "kind": piece.kind,
                        "title": piece.title,
                        "text": piece.text,
                        "file": piece.original_name,
                        "witness": piece.witness_name,
                        "witness_role": piece.witness_role,
                        "criteria": [c.label for c in piece.criteria.all()],
                        "added_at": _iso(piece.added_at),
                    }
                    for piece in case.evidence.all()
                ],
                "decisions": [
                    {
                        "criterion": decision.criterion.label,
                        "outcome": decision.outcome,
                        "reason": decision.reason,
                        "at": _iso(decision.at),
                    }
                    for decision in case.decisions.all()
                ],
                "certificate": certificate.formatted_code if certificate else None,
                "certificate_issued": _certificate(certificate),
                "planned_at": _iso(case.created_at),
                "changed_at": _iso(case.updated_at),
                # The steps of the person's own case: when it moved, and why.
                "history": [
                    {"what": event.kind, "at": _iso(event.at), "reason": event.reason}
                    for event in case.events.order_by("at", "pk")
                ],
            }
        )
    return rows


def _certificate(certificate) -> dict | None:
    if certificate is None:
        return None
    return {
        "code": certificate.code,
        "name_on_certificate": certificate.holder_name,
        "issued_at": _iso(certificate.created_at),
        "revoked_at": _iso(certificate.revoked_at),
        "revoked_reason": certificate.revoked_reason,
    }


@personal_data.exporter(
    "validation_work",
    covers=[
        "validation.Case.assessor",
        "validation.Case.verifier",
        "validation.Case.created_by",
        "validation.Case.observer",
        "validation.CaseEvent.by",
        "validation.CriterionDecision.by",
        "validation.ModerationSample.moderator",
    ],
)
def work(user) -> dict:
    """What the person decided on other people's cases (as assessor, verifier,
    moderator): the steps they took, without the other people's evidence."""
    return {
        "steps": [
            {
                "case": event.case_id,
                "what": event.kind,
                "at": _iso(event.at),
                "reason": event.reason,
            }
            for event in CaseEvent.objects.filter(by=user).order_by("at", "pk")
        ],
        "criterion_decisions": CriterionDecision.objects.filter(by=user).count(),
        # Trainees' cases the person follows as workplace mentor (observer).
        "observed_cases": [
            {"case": case.pk, "unit": case.unit.code, "status": case.status}
            for case in Case.objects.filter(observer=user)
            .select_related("unit")
            .order_by("pk")
        ],
        "moderation_samples": [
            {
                "drawn_at": _iso(sample.drawn_at),
                "report": sample.report,
                "reported_at": _iso(sample.reported_at),
            }
            for sample in ModerationSample.objects.filter(moderator=user)
        ],
        # Certificates the person issued or revoked: which and when, without
        # the holder's name (that is the holder's data).
        "certificates_issued": [
            {"code": row.code, "issued_at": _iso(row.created_at)}
            for row in ValidationCertificate.objects.filter(issued_by=user)
        ],
        "certificates_revoked": [
            {
                "code": row.code,
                "revoked_at": _iso(row.revoked_at),
                "reason": row.revoked_reason,
            }
            for row in ValidationCertificate.objects.filter(revoked_by=user)
        ],
    }


@personal_data.eraser(covers=[])
def erase_certificate_names(user) -> None:
    ValidationCertificate.objects.filter(case__candidate=user).update(holder_name="")


personal_data.keep(
    "validation.Case.candidate",
    "validation.Evidence.added_by",
    reason=(
        "A validation case, its evidence and its decisions are what a certificate "
        "and its quality checks rest on, and must be defensible years later; they "
        "stay under the anonymised account, and the name on the certificate is "
        "erased."
    ),
)
personal_data.keep(
    "validation.Case.assessor",
    "validation.Case.verifier",
    "validation.Case.created_by",
    "validation.Case.observer",
    "validation.CaseEvent.by",
    "validation.CriterionDecision.by",
    "validation.ModerationSample.moderator",
    "validation.ValidationCertificate.issued_by",
    "validation.ValidationCertificate.revoked_by",
    reason=(
        "Assessment, verification and moderation decisions are the audit trail of "
        "other people's certificates, which is never rewritten."
    ),
)
