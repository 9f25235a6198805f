"""The sampling plans: which assessed cases internal verification checks, and
which verified cases an external moderator draws. Every choice is recorded, on
the case and in the audit trail or on the sample, with the figures behind it.
"""

import math
import secrets

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.accounts.models import User
from lms.accounts.roles import Role

from ..models import Case, CaseStatus, ModerationSample

NOT_A_MODERATOR_MESSAGE = _("Only an external moderator may do this.")

NOTHING_TO_SAMPLE_MESSAGE = _(
    "There are no verified cases waiting for external moderation."
)
REPORT_REQUIRED_MESSAGE = _("Write the report on the sample.")
REPORT_WRITTEN_MESSAGE = _("The report on this sample has already been written.")


class SamplingReason:
    NEW_ASSESSOR = "new_assessor"
    SHARE = "share"
    NOT_SELECTED = "not_selected"


def iv_sample_decide(*, case: Case, rng=None) -> dict:
    """Decide, once per case, whether internal verification samples it, record
    why on the case, and return the figures for the audit trail.

    Every case of an assessor with fewer than VALIDATION_IV_NEW_ASSESSOR_CASES
    verified cases is sampled. Of the rest, the share VALIDATION_IV_SHARE: the
    assessor's later cases are taken in blocks of round(1 / share), and exactly
    one case of each block is sampled, at a random place in the block. The share
    is exact, every case has the same chance, and nobody can tell in advance
    which one it will be.
    """
    rng = rng or secrets.SystemRandom()
    threshold = settings.VALIDATION_IV_NEW_ASSESSOR_CASES
    share = settings.VALIDATION_IV_SHARE
    verified_before = Case.objects.filter(
        assessor=case.assessor_id,
        iv_selected=True,
        status__in=(CaseStatus.VERIFIED, CaseStatus.MODERATED, CaseStatus.CERTIFIED),
    ).count()
    record = {
        "threshold": threshold,
        "share": share,
        "verified_before": verified_before,
    }
    if verified_before < threshold:
        selected, reason = True, SamplingReason.NEW_ASSESSOR
    elif share <= 0:
        selected, reason = False, SamplingReason.NOT_SELECTED
    else:
        block = max(1, round(1 / share))
        earlier = list(
            Case.objects.filter(
                assessor=case.assessor_id,
                iv_reason__in=(SamplingReason.SHARE, SamplingReason.NOT_SELECTED),
            )
            .exclude(pk=case.pk)
            .order_by("pk")
            .values_list("iv_selected", flat=True)
        )
        position = len(earlier) % block
        taken_in_block = any(earlier[len(earlier) - position :]) if position else False
        draw = rng.random()
        selected = not taken_in_block and draw < 1 / (block - position)
        reason = SamplingReason.SHARE if selected else SamplingReason.NOT_SELECTED
        record.update(block=block, position=position, draw=round(draw, 6))
    verifier = _verifier_for(case) if selected else None
    Case.objects.filter(pk=case.pk).update(
        iv_selected=selected, iv_reason=reason, verifier=verifier
    )
    case.iv_selected, case.iv_reason, case.verifier = selected, reason, verifier
    record.update(
        selected=selected,
        reason=reason,
        verifier=verifier.pk if verifier else None,
    )
    return record


def _verifier_for(case: Case) -> User | None:
    """The internal verifier with the fewest open samples who is neither the
    candidate, the assessor nor the observer; None when there is nobody."""
    return (
        User.objects.filter(is_active=True, groups__name=Role.INTERNAL_VERIFIER.value)
        .exclude(
            pk__in=[
                pk
                for pk in (case.candidate_id, case.assessor_id, case.observer_id)
                if pk is not None
            ]
        )
        .annotate(
            open_samples=Count(
                "verified_cases",
                filter=Q(verified_cases__status=CaseStatus.ASSESSED),
            )
        )
        .order_by("open_samples", "pk")
        .first()
    )


# External moderation ----------------------------------------------------------


@transaction.atomic
def moderation_sample_draw(*, moderator: User, rng=None) -> ModerationSample:
    """Draw verified cases across verifiers: from each verifier's waiting cases
    the share VALIDATION_MODERATION_SHARE (at least one), at random; the pool and
    the choice are recorded on the sample."""
    if not moderator.groups.filter(name=Role.EXTERNAL_MODERATOR.value).exists():
        raise PermissionDenied(NOT_A_MODERATOR_MESSAGE)
    rng = rng or secrets.SystemRandom()
    share = settings.VALIDATION_MODERATION_SHARE
    pool = (
        Case.objects.select_for_update()
        .filter(status=CaseStatus.VERIFIED, moderation_sample__isnull=True)
        .exclude(candidate=moderator)
        .exclude(assessor=moderator)
        .exclude(verifier=moderator)
        .order_by("pk")
    )
    by_verifier: dict[int, list[int]] = {}
    for case_id, verifier_id in pool.values_list("pk", "verifier_id"):
        by_verifier.setdefault(verifier_id, []).append(case_id)
    if not by_verifier:
        raise ValidationError(NOTHING_TO_SAMPLE_MESSAGE, code="nothing_to_sample")
    chosen: list[int] = []
    for case_ids in by_verifier.values():
        count = max(1, math.ceil(len(case_ids) * share))
        chosen.extend(rng.sample(case_ids, count))
    sample = ModerationSample.objects.create(
        moderator=moderator,
        plan={
            "share": share,
            "pool": {str(key): value for key, value in by_verifier.items()},
            "chosen": sorted(chosen),
        },
    )
    Case.objects.filter(pk__in=chosen).update(
        moderation_sample=sample, version=F("version") + 1
    )
    return sample


def moderation_sample_report(
    *, sample: ModerationSample, report: str, by: User
) -> ModerationSample:
    """Write the moderator's report on a sample, once."""
    if sample.moderator_id != by.pk:
        raise PermissionDenied(NOT_A_MODERATOR_MESSAGE)
    report = (report or "").strip()
    if not report:
        raise ValidationError(REPORT_REQUIRED_MESSAGE, code="report_required")
    updated = ModerationSample.objects.filter(
        pk=sample.pk, reported_at__isnull=True
    ).update(report=report, reported_at=timezone.now())
    if not updated:
        raise ValidationError(REPORT_WRITTEN_MESSAGE, code="report_written")
    sample.refresh_from_db()
    return sample
