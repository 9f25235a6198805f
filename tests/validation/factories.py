"""Validation test data, built through the services as a real case would be.

Every builder takes keyword arguments and makes what it is not given: a
candidate, an assessor, an approved unit. From planned to certified:
`case_new()` (planned), `reflect()` (evidence; the first starts the case),
`submitted_case()`, `decide_all()`, `assessed_case()`, `certified_case()`;
`step()` takes one step of the state machine; `open_case()` stops at a status.
"""

import io
from collections.abc import Sequence

from PIL import Image

from lms.accounts import services as account_services
from lms.accounts.roles import Role
from tests.accounts.factories import UserFactory
from validation.models import (
    AssessmentCriterion,
    Case,
    CaseStatus,
    CriterionOutcome,
    Evidence,
    EvidenceKind,
    Level,
    Unit,
)
from validation.services import cases as services
from validation.services import portfolio
from validation.services.cases import CaseAction
from validation.services.units import unit_approve, unit_create_draft

REFLECTION_TEXT = "Slik tok jeg imot en ny kollega."
DECISION_REASON = "Vist i refleksjonen."


def person(*roles, **fields):
    """A user holding `roles`; `fields` go to the user factory."""
    user = UserFactory(**fields)
    for role in roles:
        account_services.role_grant(user=user, role=role)
    return user


def unit_approved(
    *,
    code: str = "AM-01",
    title: str = "Ta imot en ny kollega med behov for tilrettelegging",
    level: str = Level.TWO,
    credits: int = 3,
    outcomes: int | Sequence[Sequence[str]] = 2,
    criteria: int = 2,
    by=None,
) -> Unit:
    """An approved unit: `outcomes` outcomes of `criteria` criteria each, or,
    when `outcomes` is a sequence, one outcome per item with its criteria's
    texts (``(("a", "b"), ("c",))``). `by` approves it (a programme owner is
    made if not given)."""
    if isinstance(outcomes, int):
        outcomes = [
            [f"Kriterium {number}.{c}" for c in range(1, criteria + 1)]
            for number in range(1, outcomes + 1)
        ]
    unit = unit_create_draft(
        code=code,
        title=title,
        level=level,
        credits=credits,
        outcomes=[
            (
                number,
                f"Kandidaten kan {code} utfall {number}",
                list(enumerate(texts, start=1)),
            )
            for number, texts in enumerate(outcomes, start=1)
        ],
    )
    panel = by or person(Role.PROGRAMME_OWNER)
    return unit_approve(unit=unit, by=panel, note="Panelmøte")


def criteria_of(unit: Unit) -> list[AssessmentCriterion]:
    """The unit's criteria in order: 1.1, 1.2, 2.1 …"""
    return list(
        AssessmentCriterion.objects.filter(outcome__unit=unit)
        .select_related("outcome")
        .order_by("outcome__number", "number")
    )


def png_bytes() -> bytes:
    """A small real PNG image."""
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (20, 120, 60)).save(buffer, format="PNG")
    return buffer.getvalue()


def case_new(*, candidate=None, unit=None, assessor=None) -> Case:
    """A planned case, created by its assessor."""
    candidate = candidate or person(Role.CANDIDATE)
    unit = unit or unit_approved()
    assessor = assessor or person(Role.ASSESSOR)
    return services.case_create(
        candidate=candidate, unit=unit, assessor=assessor, by=assessor
    )


def reflect(
    case: Case,
    *,
    criteria=None,
    by=None,
    title: str = "Refleksjon",
    text: str = REFLECTION_TEXT,
) -> Evidence:
    """A reflection by `by` (the candidate if not given) mapped to `criteria`
    (every criterion of the unit if not given)."""
    return portfolio.evidence_add(
        case=case,
        by=by or case.candidate,
        kind=EvidenceKind.REFLECTION,
        title=title,
        text=text,
        criteria=criteria_of(case.unit) if criteria is None else criteria,
    )


def step(case: Case, action: str, by, reason: str = "") -> Case:
    """Take `action` on the case as it is now in the database."""
    case.refresh_from_db()
    return services.case_transition(
        case=case,
        action=action,
        by=by,
        expected_version=case.version,
        reason=reason,
    )


def open_case(
    *, candidate=None, unit=None, assessor=None, status: str = CaseStatus.COLLECTING
) -> Case:
    """A case in `status` (planned, collecting or submitted); with a reflection
    mapped to every criterion from collecting on."""
    case = case_new(candidate=candidate, unit=unit, assessor=assessor)
    if status == CaseStatus.PLANNED:
        return case
    reflect(case)
    if status == CaseStatus.SUBMITTED:
        step(case, CaseAction.SUBMIT, case.candidate)
    case.refresh_from_db()
    return case


def submitted_case(*, candidate=None, unit=None, assessor=None) -> Case:
    """A case whose candidate mapped a reflection to every criterion and
    submitted it."""
    return open_case(
        candidate=candidate, unit=unit, assessor=assessor, status=CaseStatus.SUBMITTED
    )


def decide_all(
    case: Case,
    outcome: str = CriterionOutcome.MET,
    *,
    reason: str = DECISION_REASON,
    evidence=None,
) -> None:
    """The case's assessor decides every criterion `outcome`, citing `evidence`
    (the case's first piece if not given)."""
    evidence = [case.evidence.first()] if evidence is None else evidence
    for criterion in criteria_of(case.unit):
        portfolio.criterion_decide(
            case=case,
            criterion=criterion,
            outcome=outcome,
            reason=reason,
            evidence=evidence,
            by=case.assessor,
        )


def assessed_case(*, candidate=None, unit=None, assessor=None) -> Case:
    """A submitted case with every criterion met, assessed."""
    case = submitted_case(candidate=candidate, unit=unit, assessor=assessor)
    decide_all(case)
    return step(case, CaseAction.ASSESS, case.assessor)


def certified_case(
    *, candidate=None, unit=None, assessor=None, verifier=None, certifier=None
) -> Case:
    """A certified case with its certificate, through every step a real one
    takes. Internal verification samples it or not as the settings decide
    (VALIDATION_IV_*); when it does, `verifier` (an internal verifier, made if
    not given) is the only one who can be assigned, unless others exist."""
    verifier = verifier or person(Role.INTERNAL_VERIFIER)
    case = assessed_case(candidate=candidate, unit=unit, assessor=assessor)
    if case.iv_selected:
        case = step(case, CaseAction.VERIFY, case.verifier)
    step(case, CaseAction.CERTIFY, certifier or case.verifier or verifier)
    case.refresh_from_db()
    return case


def evidence_storage_in(folder, *, settings, monkeypatch):
    """Evidence files go to `folder` for the rest of the test."""
    from django.core.files.storage import storages

    settings.STORAGES = {
        **settings.STORAGES,
        "evidence": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": folder, "base_url": None},
        },
    }
    # A FileField calls its storage callable once, when the model is defined:
    # give the field the storage the setting now names.
    monkeypatch.setattr(
        Evidence._meta.get_field("file"), "storage", storages["evidence"]
    )
    return folder
