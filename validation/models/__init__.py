from .units import (
    EQF_LEVEL,
    HOURS_PER_CREDIT,
    AssessmentCriterion,
    LearningOutcome,
    Level,
    Pathway,
    Unit,
    UnitStatus,
)

__all__ = [
    "EQF_LEVEL",
    "HOURS_PER_CREDIT",
    "AssessmentCriterion",
    "LearningOutcome",
    "Level",
    "Pathway",
    "Unit",
    "UnitStatus",
]
