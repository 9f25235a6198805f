"""An active placement as the product makes one, for the benchmark and the load
test: created by the mentor, accepted by the trainee, the introduction ticked
(all by the mentor, half by the trainee), a work plan agreed and one evaluation,
each step through the placement services."""

from datetime import timedelta

from django.utils import timezone

BASE_URL = "http://127.0.0.1"


def active_placement(*, firm, mentor, trainee):
    """The placement, its introduction items (in order) and its evaluation."""
    from placements.models import Progress
    from placements.services import evaluations, introduction, placements, work_plan
    from results.categories import Arrangement

    today = timezone.localdate()
    placement, token = placements.placement_create(
        firm=firm,
        mentor=mentor,
        mentor_in_training=True,
        invited_name=trainee.last_name,
        invited_email=trainee.email,
        arrangement=Arrangement.WORK_TRIAL,
        starts_on=today - timedelta(weeks=3),
        planned_end_on=today + timedelta(weeks=9),
        supporting_organisation="NAV Asker",
        by=mentor,
        base_url=BASE_URL,
    )
    placement = placements.placement_invitation_accept(token=token, user=trainee)
    items = list(placement.introduction_items.order_by("position", "pk"))
    introduction.introduction_tick(
        placement=placement, ticked={item.pk: True for item in items}, by=mentor
    )
    introduction.introduction_tick(
        placement=placement,
        ticked={item.pk: True for item in items[: len(items) // 2]},
        by=trainee,
    )
    work_plan.work_plan_update(
        placement=placement,
        goals=[
            {"pk": None, "text": text, "criteria": []}
            for text in (
                "Følge rutinene på lageret hver dag.",
                "Komme presis og si fra tidlig ved sykdom.",
            )
        ],
        tasks=[
            {"week": 1, "text": "Bli kjent med arbeidsplassen."},
            {"week": 2, "text": "Ta imot varer sammen med mentor."},
        ],
        support_agreed="Fast mentor; kortere dager de første to ukene.",
        by=mentor,
    )
    work_plan.work_plan_agree(placement=placement, by=trainee)
    evaluation = evaluations.evaluation_create(
        placement=placement,
        held_on=today - timedelta(days=3),
        went_well="Møter presis og spør når noe er uklart.",
        to_change="Ta flere oppgaver på egen hånd.",
        progress={goal.pk: (Progress.UNDER_WAY, "") for goal in placement.goals.all()},
        by=mentor,
    )
    return placement, items, evaluation
