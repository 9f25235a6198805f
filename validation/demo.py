"""Demo units, pathways and cases for `seed_demo`: created when missing, never
changed.

The cases (validation/demo_content/cases.py) give every validation role work:
candidates collecting evidence, cases waiting for the assessor, samples for the
internal verifier and the external moderator, certificates to verify. They are
made only through the services, as the product makes them, so every rule holds
and every step is in the audit trail. Sampling is deterministic: the demo
assessors are new (fewer than VALIDATION_IV_NEW_ASSESSOR_CASES verified cases),
so internal verification samples every case they assess, and the moderator's
samples are drawn with a seeded generator from a pool the build order controls.
"""

import io
import random

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from lms.accounts import services as accounts
from lms.accounts.demo import DEMO_PASSWORD, demo_email

from .demo_content.cases import (
    ASSESS_REASON,
    CANDIDATES,
    CASES,
    MET_REASONS,
    MODERATE_REASON,
    MODERATOR,
    PEOPLE,
    PORTFOLIOS,
    VERIFIER,
    VERIFY_REASON,
    DemoCase,
    Piece,
    Stage,
)
from .demo_content.units import PATHWAYS, TRAINEE_PATHWAYS, UNITS, WORK_AREA_UNITS
from .models import AssessmentCriterion, Case, CriterionOutcome, Pathway, Unit
from .models.units import UnitStatus
from .services.cases import CaseAction, case_create, case_transition
from .services.portfolio import criterion_decide, evidence_add
from .services.sampling import moderation_sample_draw, moderation_sample_report
from .services.units import unit_approve, unit_create_draft

# The moderator's samples are drawn with this seed: the same demo every time.
SAMPLE_SEED = 2026


@transaction.atomic
def seed(stdout=None) -> dict[str, int]:
    created = {"units": _seed_units(), "cases": _seed_cases()}
    if stdout is not None:
        stdout.write(
            f"validation: {created['units']} units added, "
            f"{created['cases']} cases added"
        )
    return created


def _seed_units() -> int:
    owner = get_user_model().objects.filter(email=demo_email("programeier")).first()
    created = 0
    for code, title, level, credits, purpose, evidence, outcomes in [
        *UNITS,
        *WORK_AREA_UNITS,
    ]:
        if Unit.objects.filter(code=code).exists():
            continue
        unit = unit_create_draft(
            code=code,
            title=title,
            level=level,
            credits=credits,
            purpose=purpose,
            suggested_evidence=evidence,
            outcomes=[
                (number, text, list(enumerate(criteria, start=1)))
                for number, (text, criteria) in enumerate(outcomes, start=1)
            ],
        )
        if owner is not None:
            unit_approve(unit=unit, by=owner, note="Demo: godkjent av fagpanelet")
        created += 1
    pathways = [(spec, False) for spec in PATHWAYS]
    pathways += [(spec, True) for spec in TRAINEE_PATHWAYS]
    for (name, slug, credits, description, codes), for_trainees in pathways:
        pathway, made = Pathway.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "credits_required": credits,
                "description": description,
                "for_trainees": for_trainees,
            },
        )
        if made:
            # A parental relation: written when the pathway is saved.
            pathway.units.set(Unit.objects.filter(code__in=codes, previous=None))
            pathway.save()
    return created


# People -----------------------------------------------------------------------


def _person(local_part: str):
    return get_user_model().objects.filter(email=demo_email(local_part)).first()


def _seed_people() -> None:
    """The extra candidates and the second assessor, when missing."""
    for role, local_part, first_name, last_name in PEOPLE:
        if _person(local_part) is not None:
            continue
        user = accounts.user_create(
            email=demo_email(local_part),
            password=DEMO_PASSWORD,
            first_name=first_name,
            last_name=last_name,
        )
        accounts.role_grant(user=user, role=role)


# Cases ------------------------------------------------------------------------


def _seed_cases() -> int:
    _seed_people()
    rng = random.Random(SAMPLE_SEED)  # noqa: S311 - a reproducible demo, not security
    created = 0
    for spec in CASES:
        if _build_case(spec, rng=rng) is not None:
            created += 1
    return created


def _step(case: Case, action: str, by, reason: str = "") -> Case:
    case.refresh_from_db()
    return case_transition(
        case=case, action=action, by=by, expected_version=case.version, reason=reason
    )


def _build_case(spec: DemoCase, *, rng) -> Case | None:
    """Make one demo case and take it to its stage; None when it exists already
    or someone it needs is missing."""
    candidate, assessor = _person(spec.candidate), _person(spec.assessor)
    unit = (
        Unit.objects.filter(code=spec.unit, status=UnitStatus.APPROVED)
        .order_by("-version")
        .first()
    )
    if candidate is None or assessor is None or unit is None:
        return None
    if Case.objects.filter(candidate=candidate, unit__code=spec.unit).exists():
        return None
    case = case_create(candidate=candidate, unit=unit, assessor=assessor, by=assessor)
    if spec.stage == Stage.PLANNED:
        return case

    context = {**CANDIDATES[spec.candidate], "candidate": candidate.first_name}
    criteria = {
        criterion.label: criterion
        for criterion in AssessmentCriterion.objects.filter(
            outcome__unit=unit
        ).select_related("outcome")
    }
    portfolio = PORTFOLIOS[spec.unit]
    indexes = range(len(portfolio)) if spec.pieces is None else spec.pieces
    added = []
    for index in indexes:
        piece = portfolio[index]
        evidence = evidence_add(
            case=case,
            by=candidate if piece.by == "candidate" else assessor,
            kind=piece.kind,
            title=piece.title.format(**context),
            text=piece.text.format(**context),
            checked_file=_checked_file(piece, context) if piece.file else None,
            witness_name=piece.witness[0].format(**context),
            witness_role=piece.witness[1].format(**context),
            criteria=[criteria[label] for label in piece.criteria],
        )
        added.append((piece, evidence))
    if spec.stage == Stage.COLLECTING:
        return case

    case = _step(case, CaseAction.SUBMIT, candidate)
    if spec.stage == Stage.SUBMITTED:
        return case

    for label, criterion in criteria.items():
        cited = [evidence for piece, evidence in added if label in piece.criteria]
        if label in spec.not_yet:
            outcome, reason = CriterionOutcome.NOT_YET, spec.not_yet[label]
        else:
            outcome, reason = CriterionOutcome.MET, MET_REASONS[spec.unit][label]
        criterion_decide(
            case=case,
            criterion=criterion,
            outcome=outcome,
            reason=reason,
            evidence=cited,
            by=assessor,
        )
    if spec.stage == Stage.NOT_YET:
        return _step(case, CaseAction.NOT_YET, assessor, spec.reason)

    case = _step(case, CaseAction.ASSESS, assessor, ASSESS_REASON)
    # Sampled (a new assessor's cases always are) and given a verifier; under
    # other settings the case simply stays assessed.
    verifier = case.verifier
    if spec.stage == Stage.ASSESSED or not case.iv_selected or verifier is None:
        return case
    if spec.stage == Stage.VERIFIER_SENT_BACK:
        return _step(case, CaseAction.VERIFIER_SEND_BACK, verifier, spec.reason)

    case = _step(case, CaseAction.VERIFY, verifier, VERIFY_REASON)
    if spec.stage == Stage.CERTIFIED:
        return _step(case, CaseAction.CERTIFY, _person(VERIFIER) or verifier)

    moderator = _person(MODERATOR)
    if moderator is None:
        return case
    sample = moderation_sample_draw(moderator=moderator, rng=rng)
    case.refresh_from_db()
    if spec.stage == Stage.IN_SAMPLE or case.moderation_sample_id != sample.pk:
        return case
    case = _step(case, CaseAction.MODERATE, moderator, MODERATE_REASON)
    moderation_sample_report(sample=sample, report=spec.report, by=moderator)
    return case


# Evidence files, made in code and checked like any upload ----------------------


def _checked_file(piece: Piece, context: dict):
    from .files import evidence_file_check

    lines = [line.format(**context) for line in piece.lines]
    if piece.file == "pdf":
        content, content_type = pdf_bytes(lines), "application/pdf"
    else:
        content, content_type = png_bytes(lines), "image/png"
    upload = SimpleUploadedFile(piece.file_name, content, content_type=content_type)
    return evidence_file_check(upload=upload)


def pdf_bytes(lines: list[str]) -> bytes:
    """A one-page A4 document: the first line as its heading."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=True)
    page.setTitle(lines[0])
    width, height = A4
    y = height - 72
    page.setFont("Helvetica-Bold", 16)
    page.drawString(60, y, lines[0])
    page.setFont("Helvetica", 11)
    y -= 32
    for line in lines[1:]:
        page.drawString(60, y, line)
        y -= 17
    page.showPage()
    page.save()
    return buffer.getvalue()


def png_bytes(lines: list[str]) -> bytes:
    """A photo-like picture of a checklist on a notice board."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (1000, 120 + 64 * len(lines)), (196, 160, 112))
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 40, 960, image.height - 40), fill=(252, 250, 240))
    heading = ImageFont.load_default(size=40)
    body = ImageFont.load_default(size=28)
    draw.text((80, 70), lines[0], font=heading, fill=(20, 40, 90))
    for number, line in enumerate(lines[1:], start=1):
        draw.text((80, 80 + 64 * number), line, font=body, fill=(30, 30, 30))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
