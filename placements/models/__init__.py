"""A trainee's placement in a firm, and what the journey through it holds.

A placement is one person taken in by a firm through an arrangement (work trial,
wage subsidy, apprenticeship, …), followed by a workplace mentor. It holds the
introduction checklist, the work plan (goals, tasks per week, agreed support),
the evaluations and, at the end, the outcome, which the firm's yearly follow-up
counts. Nothing here records a person's diagnosis, health or origin.

The trainee owns the record: they may withdraw consent to sharing it with the
firm at any time (`sharing_withdrawn_at`); from then on the firm's people no
longer see it, and the trainee keeps it and their validation evidence.
"""

from .introduction import (
    IntroductionItem,
    IntroductionTemplate,
    IntroductionTemplateItem,
    IntroductionTopic,
)
from .placement import PLACEMENT_ARRANGEMENTS, Outcome, Placement, PlacementStatus
from .plan import Evaluation, Goal, GoalProgress, Progress, TraineeResponse, WeeklyTask

__all__ = [
    "PLACEMENT_ARRANGEMENTS",
    "Evaluation",
    "Goal",
    "GoalProgress",
    "IntroductionItem",
    "IntroductionTemplate",
    "IntroductionTemplateItem",
    "IntroductionTopic",
    "Outcome",
    "Placement",
    "PlacementStatus",
    "Progress",
    "TraineeResponse",
    "WeeklyTask",
]
